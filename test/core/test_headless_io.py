"""headless_io on real files, without QGIS: bbox reads of GeoPackages through pyogrio and osgeo.ogr, windowed raster
reads, damaged geometries, reprojection and clear errors (the QGIS comparison is test/processing/
test_headless_matches_qgis.py)."""

import struct

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from shapely.geometry import LineString, MultiLineString, box

from habitat_planning_plugin import headless_io as io
from habitat_planning_plugin.core import wkb
from habitat_planning_plugin.core.text import HabitatError
from test.data_files import write_raster
from test.paths import SAMPLE_DATA, SAMPLE_GPKG, SAMPLE_POPULATION

BACKENDS = ("pyogrio", "ogr")
SAMPLE = str(SAMPLE_GPKG)
BBOX = (498000.0, 3499000.0, 500500.0, 3500700.0)  # a part of the sample city, in its CRS (EPSG:32650)


# --- real files with the awkward cases --------------------------------------------------------------------------


def ring_wkb(points, kind=3):
    """A (Multi)Polygon WKB written byte by byte, so that rings may be unclosed or too short (cut OSM extracts).
    ``points``: list of polygons, each a list of rings of (x, y)."""

    def polygon(rings):
        data = struct.pack("<BII", 1, 3, len(rings))
        for ring in rings:
            data += struct.pack("<I", len(ring)) + np.asarray(ring, dtype="<f8").tobytes()
        return data

    if kind == 3:
        return polygon(points[0])
    return struct.pack("<BII", 1, 6, len(points)) + b"".join(polygon(rings) for rings in points)


def write_wkb_layer(path, name, geometry_type, epsg, fields, rows):
    """Add a layer to a GeoPackage from raw WKB (None: no geometry); ``fields`` (name, ogr type)."""
    driver = ogr.GetDriverByName("GPKG")
    source = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer(name, srs, geometry_type)
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    for data, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field_name, _), value in zip(fields, values):
            if value is not None:
                feature.SetField(field_name, value)
        if data is not None:
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(data))
        layer.CreateFeature(feature)
    source = None
    return f"{path}|layername={name}"


def mixed_lines(path):
    """LineStrings, a 3D line, a 2-part MultiLineString, a one-point line, a null geometry, around (0..100)²."""
    rows = [
        (LineString([(10, 10), (20, 10), (20, 30)]).wkb, [1, "residential", 8.0]),
        (MultiLineString([[(30, 30), (40, 40)], [(50, 50), (60, 50), (60, 70)]]).wkb, [2, "primary", 20.0]),
        (LineString([(0, 90, 1.0), (15, 90, 2.0)]).wkb, [3, None, None]),  # 3D
        (struct.pack("<BII", 1, 2, 1) + struct.pack("<dd", 5, 5), [4, "path", 2.0]),  # one vertex only
        (None, [5, "track", 3.0]),
        (LineString([(-50, 20), (150, 20)]).wkb, [6, "trunk", 30.0]),  # crosses (0..100)² and beyond
        (LineString([(200, 200), (300, 300)]).wkb, [7, "service", 5.0]),
    ]
    return write_wkb_layer(
        path,
        "lines",
        ogr.wkbUnknown,
        32650,
        [("line_id", ogr.OFTInteger), ("highway", ogr.OFTString), ("width", ogr.OFTReal)],
        rows,
    )


def damaged_polygons(path):
    """A square, a bow-tie, a triangle whose ring is not closed, a MultiPolygon with a 2-point ring, an empty
    polygon, a null geometry, a square far away."""
    square = [[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]]
    rows = [
        (ring_wkb([square]), [1, "square"]),
        (ring_wkb([[[(20, 0), (30, 10), (30, 0), (20, 10), (20, 0)]]]), [2, "bow-tie"]),
        (ring_wkb([[[(40, 0), (50, 0), (45, 10)]]]), [3, "open triangle"]),
        (
            ring_wkb([[[(60, 0), (70, 0), (70, 10), (60, 10), (60, 0)]], [[(80, 0), (85, 5)]]], kind=6),
            [4, "cut multipolygon"],
        ),
        (struct.pack("<BII", 1, 3, 0), [5, "empty"]),
        (None, [6, "null"]),
        (ring_wkb([[[(500, 500), (510, 500), (510, 510), (500, 500)]]]), [7, "far"]),
    ]
    return write_wkb_layer(
        path, "polygons", ogr.wkbUnknown, 32650, [("poly_id", ogr.OFTInteger), ("label", ogr.OFTString)], rows
    )


def to_4326(path, layers):
    """A copy of sample_city.gpkg's ``layers`` in EPSG:4326 (what an OSM extract would be in)."""
    for index, name in enumerate(layers):
        gdal.VectorTranslate(
            str(path), SAMPLE, layers=[name], dstSRS="EPSG:4326", format="GPKG", accessMode="update" if index else None
        )
    return str(path)


def aggregate_population(path, factor=10):
    """The sample population grid summed to factor × factor cells (1 km), as a coarse national grid would be."""
    dataset = gdal.Open(str(SAMPLE_POPULATION))
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    bands, names = [], []
    for number in range(1, dataset.RasterCount + 1):
        band = dataset.GetRasterBand(number)
        values = band.ReadAsArray().astype(np.float64)
        values[values == band.GetNoDataValue()] = 0.0
        rows, cols = -(-values.shape[0] // factor) * factor, -(-values.shape[1] // factor) * factor
        padded = np.zeros((rows, cols))
        padded[: values.shape[0], : values.shape[1]] = values
        bands.append(padded.reshape(rows // factor, factor, cols // factor, factor).sum(axis=(1, 3)))
        names.append(band.GetDescription())
    return write_raster(path, bands, (x0, y0), dx * factor, 32650, names=names)


def polygon_areas(result):
    shapes, rows, ids, repaired, skipped = result
    return sorted(round(shape.area, 6) for shape in shapes), rows, ids, repaired, skipped


# --- vectors ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_sample_streets_both_backends_agree_full_and_by_bbox(backend):
    (coords, counts), skipped = io.read_lines(SAMPLE, "streets", backend=backend)
    (other, other_counts), _ = io.read_lines(SAMPLE, "streets", backend="ogr" if backend == "pyogrio" else "pyogrio")
    assert counts.sum() == len(coords) and skipped == 0 and len(counts) == 2417
    np.testing.assert_array_equal(counts, other_counts)
    np.testing.assert_allclose(coords, other, atol=1e-9)

    (part, part_counts), _, rows = io.read_lines(
        SAMPLE, "streets", 32650, BBOX, attributes=("street_id", "width_m"), backend=backend
    )
    assert 0 < len(part_counts) < len(counts) and len(rows) == len(part_counts)
    lines = np.split(part, np.cumsum(part_counts)[:-1])
    window = box(*BBOX)
    assert all(LineString(line).intersects(window) for line in lines)
    # every street meeting the bbox is there, whole, with its own attributes
    every = np.split(coords, np.cumsum(counts)[:-1])
    meeting = [line for line in every if LineString(line).intersects(window)]
    assert len(meeting) == len(lines)
    assert all(isinstance(street_id, int) and (width is None or width > 0) for street_id, width in rows)
    assert any(width is None for _, width in rows)  # NULL widths come as None, as QGIS's NULL


@pytest.mark.parametrize("backend", BACKENDS)
def test_mixed_lines_parts_order_attributes_and_bbox(tmp_path, backend):
    source = mixed_lines(tmp_path / "lines.gpkg")
    (coords, counts), skipped, rows = io.read_lines(source, attributes=("line_id", "highway", "width"), backend=backend)
    assert skipped == 2  # the one-vertex line and the null geometry
    # plain 2D LineStrings first (as qgis_io.read_lines), then the multi-part and 3D features' parts
    assert [row[0] for row in rows] == [1, 6, 7, 2, 2, 3]
    assert counts.tolist() == [3, 2, 2, 2, 3, 2]
    assert rows[5] == [3, None, None] and rows[3] == [2, "primary", 20.0]
    np.testing.assert_array_equal(coords[-2:], [(0, 90), (15, 90)])  # Z dropped

    (_, bbox_counts), _, bbox_rows = io.read_lines(
        source, bbox=(0, 0, 100, 100), attributes=("line_id",), backend=backend
    )
    assert sorted(row[0] for row in bbox_rows) == [1, 2, 2, 3, 6]  # 7 lies outside; 6 crosses and comes whole
    trunk = bbox_counts[[row[0] for row in bbox_rows].index(6)]
    assert trunk == 2
    (only, _), _ = io.read_lines(source, bbox=(0, 0, 100, 100), where="highway = 'trunk'", backend=backend)
    np.testing.assert_array_equal(only, [(-50, 20), (150, 20)])


@pytest.mark.parametrize("backend", BACKENDS)
def test_damaged_polygons_are_repaired_or_skipped_and_counted(tmp_path, backend):
    source = damaged_polygons(tmp_path / "polygons.gpkg")
    shapes, rows, ids, repaired, skipped = io.read_polygons(source, attributes=("label",), backend=backend)
    assert [row[0] for row in rows] == ["square", "bow-tie", "open triangle", "cut multipolygon", "far"]
    assert ids == [1, 2, 3, 4, 7]
    assert repaired == 2 and skipped == 2  # bow-tie, the 2-point ring (the open triangle is closed); empty, null
    areas = [shape.area for shape in shapes]
    np.testing.assert_allclose(areas, [100.0, 50.0, 50.0, 100.0, 50.0])
    assert all(shape.is_valid for shape in shapes)

    shapes, _, ids, _, _ = io.read_polygons(source, bbox=(25, 5, 44, 6), backend=backend)
    assert ids == [2, 3]


def test_sample_public_spaces_bow_tie_repaired_and_areas_equal_across_backends():
    first = polygon_areas(io.read_polygons(SAMPLE, "public_spaces", attributes=("ps_id", "name"), backend="pyogrio"))
    second = polygon_areas(io.read_polygons(SAMPLE, "public_spaces", attributes=("ps_id", "name"), backend="ogr"))
    assert first == second
    assert first[3] == 1 and first[4] == 0 and len(first[0]) == 28


@pytest.mark.parametrize("backend", BACKENDS)
def test_reprojected_copy_reads_back_into_the_metric_crs(tmp_path, backend):
    copy = to_4326(tmp_path / "city_4326.gpkg", ["streets", "public_spaces"])
    (coords, counts), _ = io.read_lines(SAMPLE, "streets", backend=backend)
    (moved, moved_counts), _ = io.read_lines(copy, "streets", crs=32650, backend=backend)
    np.testing.assert_array_equal(counts, moved_counts)
    np.testing.assert_allclose(moved, coords, atol=1e-3)
    # a bbox in the metric CRS selects the same streets from the geographic copy
    (_, near), _ = io.read_lines(SAMPLE, "streets", crs="EPSG:32650", bbox=BBOX, backend=backend)
    (_, near_moved), _ = io.read_lines(copy, "streets", crs=io.crs_wkt(32650), bbox=BBOX, backend=backend)
    assert len(near) == len(near_moved)
    shapes = io.read_polygons(copy, "public_spaces", crs=32650, backend=backend)[0]
    original = io.read_polygons(SAMPLE, "public_spaces", backend=backend)[0]
    np.testing.assert_allclose(sorted(s.area for s in shapes), sorted(s.area for s in original), rtol=1e-6)


@pytest.mark.parametrize("backend", BACKENDS)
def test_layer_info(backend):
    info = io.layer_info(SAMPLE, "streets", backend=backend)
    assert info["count"] == 2417 and info["geometry_type"] == "LineString" and info["layer"] == "streets"
    assert info["fields"] == ["street_id", "road_class", "width_m"]
    assert io.same_crs(info["crs_wkt"], 32650) and not io.same_crs(info["crs_wkt"], 4326)
    minx, miny, maxx, maxy = info["bounds"]
    assert 496000 < minx < maxx < 504000 and 3497000 < miny < maxy < 3503000
    assert io.layer_info(f"{SAMPLE}|layername=districts", backend=backend)["geometry_type"] == "MultiPolygon"


def test_wkb_line_parts_matches_shapely_on_mixed_input():
    lines = [
        LineString([(0, 0), (1, 2), (3, 4)]),
        MultiLineString([[(5, 5), (6, 6)], [(7, 7), (8, 9), (1, 1)]]),
        LineString([(0, 0, 1), (2, 2, 2)]),
        LineString([(9, 9), (8, 8)]),
    ]
    data = [line.wkb for line in lines] + [None, struct.pack(">BII", 0, 2, 2) + struct.pack(">dddd", 1, 2, 3, 4)]
    coords, counts, owner, skipped = wkb.line_parts(data)
    assert skipped == 1 and owner.tolist() == [0, 3, 1, 1, 2, 5]
    expected = [
        lines[0].coords,
        lines[3].coords,
        lines[1].geoms[0].coords,
        lines[1].geoms[1].coords,
        [(0, 0), (2, 2)],
        [(1, 2), (3, 4)],
    ]
    np.testing.assert_array_equal(coords, np.concatenate([np.asarray(part)[:, :2] for part in expected]))
    assert counts.tolist() == [len(part) for part in expected]


# --- rasters ------------------------------------------------------------------------------------------------------


def population_cells():
    """Every populated cell of the sample grid: centres and values, straight from GDAL."""
    dataset = gdal.Open(str(SAMPLE_POPULATION))
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    values = np.stack([dataset.GetRasterBand(n).ReadAsArray().astype(float) for n in range(1, 7)], axis=-1)
    rows, cols = np.nonzero(values[..., 0] > 0)
    return np.c_[x0 + (cols + 0.5) * dx, y0 + (rows + 0.5) * dy], values[rows, cols]


def test_population_full_and_by_bbox_are_the_cells_whose_centre_is_inside():
    centres, values = population_cells()
    xy, weights, names, nodata, spread = io.read_population(SAMPLE_POPULATION)
    assert names == ["total", "female", "male", "children_0_14", "older_65_plus", "disability"]
    assert spread is None and nodata > 0
    np.testing.assert_allclose(xy, centres)
    np.testing.assert_allclose(weights, values, rtol=1e-6)

    bbox = (498030.0, 3499010.0, 500470.0, 3500690.0)  # not on cell edges
    xy, weights, _, nodata, _ = io.read_population(SAMPLE_POPULATION, "EPSG:32650", bbox)
    inside = (
        (centres[:, 0] >= bbox[0])
        & (centres[:, 0] <= bbox[2])
        & (centres[:, 1] >= bbox[1])
        & (centres[:, 1] <= bbox[3])
    )
    np.testing.assert_allclose(xy, centres[inside])
    np.testing.assert_allclose(weights, values[inside], rtol=1e-6)
    far = io.read_population(SAMPLE_POPULATION, 32650, (0, 0, 10, 10))
    assert far[0].shape == (0, 2) and far[1].shape == (0, 6) and far[3] == 0


def test_population_in_another_crs_and_coarse_grid_spread_keeps_totals(tmp_path):
    xy, weights, _, _, _ = io.read_population(SAMPLE_POPULATION, 4326)
    assert np.all((xy[:, 0] > 116) & (xy[:, 0] < 118) & (xy[:, 1] > 31) & (xy[:, 1] < 32.5))
    coarse = aggregate_population(tmp_path / "coarse.tif")
    total = io.read_population(SAMPLE_POPULATION)[1].sum(axis=0)
    extent = io.read_polygons(SAMPLE, "urban_extent")[0][0]
    for kwargs, method in (
        (dict(), "even"),
        (dict(extent=extent), "extent"),
        (dict(built_up=str(SAMPLE_DATA / "sample_city_builtup.tif")), "built_up"),
    ):
        xy, weights, _, _, spread = io.read_population(coarse, 32650, max_cell_size=100, **kwargs)
        assert spread.factor == 10 and spread.method == method and spread.cell_size == pytest.approx(1000)
        np.testing.assert_allclose(weights.sum(axis=0), total, rtol=1e-6)


def test_population_window_is_read_not_the_whole_raster(tmp_path):
    """A 60,000² sparse grid (14 GB as float32 if read whole): a bbox read takes its window only."""
    path = tmp_path / "national.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), 60000, 60000, 1, gdal.GDT_Float32, ["SPARSE_OK=TRUE", "TILED=YES", "COMPRESS=DEFLATE"]
    )
    dataset.SetGeoTransform((0.0, 100.0, 0.0, 6_000_000.0, 0.0, -100.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(-1)
    band.WriteArray(np.full((10, 10), 7.0, dtype=np.float32), 30000, 30000)
    dataset = band = None
    xy, weights, names, _, _ = io.read_population(path, 32650, (3_000_000, 2_999_000, 3_000_500, 3_000_000))
    assert names == ["band 1"] and len(xy) == 50 and weights.sum() == 350.0


# --- errors -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_clear_errors_name_the_file(tmp_path, backend):
    missing = str(tmp_path / "nowhere.gpkg")
    with pytest.raises(HabitatError, match="nowhere.gpkg does not exist"):
        io.read_lines(missing, backend=backend)
    with pytest.raises(HabitatError, match="has no layer roads"):
        io.read_lines(SAMPLE, "roads", backend=backend)
    with pytest.raises(HabitatError, match="has no field lanes"):
        io.read_lines(SAMPLE, "streets", attributes=("lanes",), backend=backend)
    with pytest.raises(HabitatError, match="filter"):
        io.read_polygons(SAMPLE, "public_spaces", where="ps_type = = 1", backend=backend)
    junk = tmp_path / "junk.gpkg"
    junk.write_text("not a GeoPackage")
    with pytest.raises(HabitatError, match="junk.gpkg"):
        io.read_polygons(str(junk), backend=backend)
    with pytest.raises(HabitatError, match="bounding box"):
        io.read_lines(SAMPLE, "streets", bbox=(1, 2, 0, 3), backend=backend)


def test_raster_and_argument_errors(tmp_path):
    with pytest.raises(HabitatError, match="population raster .*sample_city.gpkg"):
        io.read_population(SAMPLE)  # a vector file is no raster
    truncated = tmp_path / "truncated.tif"
    truncated.write_bytes(SAMPLE_POPULATION.read_bytes()[:2000])
    with pytest.raises(HabitatError, match="truncated.tif"):
        io.read_population(truncated)
    with pytest.raises(HabitatError, match="nowhere.tif does not exist"):
        io.read_population(tmp_path / "nowhere.tif")
    with pytest.raises(HabitatError, match="Unknown vector reader"):
        io.read_lines(SAMPLE, "streets", backend="fiona")
    with pytest.raises(HabitatError, match="coordinate reference system"):
        io.read_lines(SAMPLE, "streets", crs="EPSG:999999")


def test_ogr_arrow_batches_equal_the_feature_loop(tmp_path):
    """The ogr backend reads OGR's Arrow batches (GDAL >= 3.6) and feature by feature before: the same data."""
    lines = mixed_lines(tmp_path / "lines.gpkg").split("|")[0]
    cases = [
        (lines, "lines", None, None, ("line_id", "highway", "width")),
        (lines, "lines", (0, 0, 100, 100), "highway <> 'trunk'", ("highway",)),
        (SAMPLE, "public_spaces", BBOX, None, ("ps_id", "name", "fee")),
        (SAMPLE, "streets", None, None, ()),
    ]
    for path, layer, rect, where, attributes in cases:
        batches = io._read_ogr(path, layer, rect, where, attributes, arrow=True)
        loop = io._read_ogr(path, layer, rect, where, attributes, arrow=False)
        assert batches[0] == loop[0] and batches[2] == loop[2] and batches[3] == loop[3]
        np.testing.assert_array_equal(batches[1], loop[1])
