"""headless_io gives what qgis_io gives: the same streets, polygons and population from the same files, read by
QGIS (QgsVectorLayer / QgsRasterLayer) and without it (pyogrio and osgeo.ogr), whole, by bbox and reprojected."""

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)

from habitat_planning_plugin import headless_io as io
from habitat_planning_plugin import qgis_io
from test.conftest import SAMPLE_DATA, SAMPLE_GPKG, SAMPLE_POPULATION, layer_path
from test.core.test_headless_io import BACKENDS, BBOX, aggregate_population, damaged_polygons, mixed_lines, to_4326

UTM = QgsCoordinateReferenceSystem("EPSG:32650")
SAMPLE = str(SAMPLE_GPKG)
BUILT_UP = str(SAMPLE_DATA / "sample_city_builtup.tif")


@pytest.fixture
def qgis(qgis_app):
    """QGIS layers opened by the test, deleted at its end (QGIS crashes at exit on leftovers)."""
    layers = []

    def open_layer(source, raster=False):
        layer = QgsRasterLayer(source, "raster") if raster else QgsVectorLayer(source, "layer", "ogr")
        assert layer.isValid(), source
        layers.append(layer)
        return layer

    yield open_layer
    layers.clear()


def context():
    return QgsProject.instance().transformContext()


def qgis_lines(layer, rect=None):
    request = QgsFeatureRequest().setFilterRect(QgsRectangle(*rect)) if rect else None
    return qgis_io.read_lines(layer, UTM, context(), request)


def assert_same_lines(qgis_result, headless_result, atol=1e-6):
    (coords, counts), skipped = qgis_result
    (other, other_counts), other_skipped = headless_result[:2]
    np.testing.assert_array_equal(counts, other_counts)
    np.testing.assert_allclose(other, coords, rtol=0, atol=atol)
    assert skipped == other_skipped


def polygon_table(result):
    shapes, rows, ids, repaired, skipped = result
    return {fid: (shape.area, list(row)) for shape, row, fid in zip(shapes, rows, ids)}, repaired, skipped


def assert_same_polygons(qgis_result, headless_result, rtol=1e-9):
    expected, repaired, skipped = polygon_table(qgis_result)
    found, other_repaired, other_skipped = polygon_table(headless_result)
    assert sorted(found) == sorted(expected) and (other_repaired, other_skipped) == (repaired, skipped)
    for fid, (area, row) in expected.items():
        assert found[fid][0] == pytest.approx(area, rel=rtol)
        assert found[fid][1] == [
            None if value is None or (hasattr(value, "isNull") and value.isNull()) else value for value in row
        ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_sample_streets_whole_and_by_bbox(qgis, backend):
    layer = qgis(layer_path("streets"))
    assert_same_lines(qgis_lines(layer), io.read_lines(SAMPLE, "streets", 32650, backend=backend))
    assert_same_lines(qgis_lines(layer, BBOX), io.read_lines(SAMPLE, "streets", 32650, BBOX, backend=backend))


@pytest.mark.parametrize("backend", BACKENDS)
def test_multi_part_3d_and_broken_lines_in_the_same_order(qgis, tmp_path, backend):
    source = mixed_lines(tmp_path / "lines.gpkg")
    layer = qgis(source)
    assert_same_lines(qgis_lines(layer), io.read_lines(source, crs=32650, backend=backend))
    # a line crossing the bbox comes whole; one outside does not
    bbox = (0, 0, 100, 100)
    expected = qgis_lines(layer, bbox)
    found = io.read_lines(source, crs=32650, bbox=bbox, attributes=("line_id",), backend=backend)
    assert_same_lines(expected, found)
    assert 6 in [row[0] for row in found[2]] and 7 not in [row[0] for row in found[2]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_sample_polygons_with_the_bow_tie(qgis, backend):
    for name, attributes in (
        ("public_spaces", ("ps_id", "name", "ps_type")),
        ("districts", ("district_id", "name")),
        ("urban_extent", ("name",)),
    ):
        layer = qgis(layer_path(name))
        expected = qgis_io.read_polygons(layer, UTM, context(), attributes)
        found = io.read_polygons(SAMPLE, name, 32650, attributes=attributes, backend=backend)
        assert_same_polygons(expected, found)
    assert expected[3] == 0 and found[3] == 0
    assert polygon_table(io.read_polygons(SAMPLE, "public_spaces", backend=backend))[1] == 1  # the bow-tie
    # by bbox: the polygons QGIS's filter rectangle gives
    layer = qgis(layer_path("public_spaces"))
    request = QgsFeatureRequest().setFilterRect(QgsRectangle(*BBOX))
    ids = sorted(feature.id() for feature in layer.getFeatures(request))
    assert sorted(io.read_polygons(SAMPLE, "public_spaces", 32650, BBOX, backend=backend)[2]) == ids


@pytest.mark.parametrize("backend", BACKENDS)
def test_damaged_polygons_like_qgis(qgis, tmp_path, backend):
    source = damaged_polygons(tmp_path / "polygons.gpkg")
    layer = qgis(source)
    expected = qgis_io.read_polygons(layer, UTM, context(), ("label",))
    assert_same_polygons(expected, io.read_polygons(source, crs=32650, attributes=("label",), backend=backend))


@pytest.mark.parametrize("backend", BACKENDS)
def test_geographic_copy_read_into_utm_like_qgis(qgis, tmp_path, backend):
    copy = to_4326(tmp_path / "city_4326.gpkg", ["streets", "public_spaces"])
    streets = qgis(f"{copy}|layername=streets")
    assert_same_lines(qgis_lines(streets), io.read_lines(copy, "streets", 32650, backend=backend), atol=1e-3)
    assert_same_lines(
        qgis_lines(streets, BBOX), io.read_lines(copy, "streets", 32650, BBOX, backend=backend), atol=1e-3
    )
    spaces = qgis(f"{copy}|layername=public_spaces")
    assert_same_polygons(
        qgis_io.read_polygons(spaces, UTM, context(), ("ps_id",)),
        io.read_polygons(copy, "public_spaces", "EPSG:32650", attributes=("ps_id",), backend=backend),
        rtol=1e-7,
    )


def assert_same_population(expected, found):
    xy, weights, names, nodata, spread = expected
    other_xy, other_weights, other_names, other_nodata, other_spread = found
    assert other_names == names and other_nodata == nodata
    np.testing.assert_allclose(other_xy, xy, rtol=0, atol=1e-6)
    np.testing.assert_allclose(other_weights, weights, rtol=1e-12, atol=1e-9)
    assert (spread is None) == (other_spread is None)
    if spread is not None:
        assert (other_spread.factor, other_spread.method, other_spread.cells_spread_evenly) == (
            spread.factor,
            spread.method,
            spread.cells_spread_evenly,
        )
        np.testing.assert_array_equal(other_spread.parent, spread.parent)
        assert other_spread.cell_size == pytest.approx(spread.cell_size, abs=1e-9)


def crop(path, target, bbox):
    """The cells of a north-up grid whose centre lies in ``bbox``, as their own GeoTIFF (what QGIS would read)."""
    dataset = gdal.Open(str(path))
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    columns = np.flatnonzero(
        (x0 + (np.arange(dataset.RasterXSize) + 0.5) * dx >= bbox[0])
        & (x0 + (np.arange(dataset.RasterXSize) + 0.5) * dx <= bbox[2])
    )
    rows = np.flatnonzero(
        (y0 + (np.arange(dataset.RasterYSize) + 0.5) * dy >= bbox[1])
        & (y0 + (np.arange(dataset.RasterYSize) + 0.5) * dy <= bbox[3])
    )
    gdal.Translate(str(target), dataset, srcWin=[int(columns[0]), int(rows[0]), len(columns), len(rows)])
    return str(target)


def test_population_whole_and_by_window(qgis, tmp_path):
    grid = qgis(str(SAMPLE_POPULATION), raster=True)
    assert_same_population(
        qgis_io.raster_population(grid, UTM, context()), io.read_population(SAMPLE_POPULATION, 32650)
    )
    bbox = (498030.0, 3499010.0, 500470.0, 3500690.0)
    window = qgis(crop(SAMPLE_POPULATION, tmp_path / "window.tif", bbox), raster=True)
    assert_same_population(
        qgis_io.raster_population(window, UTM, context()), io.read_population(SAMPLE_POPULATION, 32650, bbox)
    )


def test_coarse_grid_spread_like_qgis(qgis, tmp_path):
    coarse_path = aggregate_population(tmp_path / "coarse.tif")
    coarse, built_up = qgis(coarse_path, raster=True), qgis(BUILT_UP, raster=True)
    extent = qgis_io.read_polygons(qgis(layer_path("urban_extent")), UTM, context())[0][0]
    bbox = (497000.0, 3498000.0, 501000.0, 3501000.0)  # 4 × 3 cells of 1 km
    window = qgis(crop(coarse_path, tmp_path / "coarse_window.tif", bbox), raster=True)
    for qgis_kwargs, kwargs in (
        (dict(), dict()),
        (dict(extent=extent), dict(extent=extent)),
        (dict(built_up=built_up), dict(built_up=BUILT_UP)),
    ):
        expected = qgis_io.raster_population(coarse, UTM, context(), max_cell_size=100, **qgis_kwargs)
        assert expected[4].factor == 10
        assert_same_population(expected, io.read_population(coarse_path, 32650, max_cell_size=100, **kwargs))
        expected = qgis_io.raster_population(window, UTM, context(), max_cell_size=100, **qgis_kwargs)
        assert_same_population(expected, io.read_population(coarse_path, 32650, bbox, 100, **kwargs))


def test_geographic_population_grid_into_utm(qgis, tmp_path):
    """A grid in longitude/latitude (as WorldPop's): the cells whose centre falls in the bbox, in UTM."""
    path = tmp_path / "population_4326.tif"
    gdal.Warp(str(path), str(SAMPLE_POPULATION), dstSRS="EPSG:4326", resampleAlg="near", xRes=0.002, yRes=0.002)
    grid = qgis(str(path), raster=True)
    whole = qgis_io.raster_population(grid, UTM, context())
    assert_same_population(whole, io.read_population(path, 32650))
    xy, weights, names, _, _ = io.read_population(path, 32650, BBOX)
    inside = (
        (whole[0][:, 0] >= BBOX[0])
        & (whole[0][:, 0] <= BBOX[2])
        & (whole[0][:, 1] >= BBOX[1])
        & (whole[0][:, 1] <= BBOX[3])
    )
    np.testing.assert_allclose(xy, whole[0][inside], atol=1e-6)
    np.testing.assert_allclose(weights, whole[1][inside])
    extent = io.read_polygons(SAMPLE, "urban_extent", 32650)[0][0]
    expected = qgis_io.raster_population(grid, UTM, context(), max_cell_size=50, extent=extent)
    assert expected[4].factor > 1
    assert_same_population(expected, io.read_population(path, 32650, max_cell_size=50, extent=extent))
