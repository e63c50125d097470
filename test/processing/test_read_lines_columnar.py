"""qgis_io.read_lines reads whole GeoPackage, FlatGeobuf and GeoJSON layers through GDAL's columnar interface
(issue 11): the same coordinates, counts and skipped features, in the same order, as QGIS's feature reader."""

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from habitat_planning_plugin import qgis_io

UTM = QgsCoordinateReferenceSystem("EPSG:32650")
MIXED = [
    "LINESTRING (500000 3500000, 500100 3500000)",
    "MULTILINESTRING ((500000 3500000, 500000 3500100), (500200 3500200, 500300 3500300, 500400 3500300))",
    None,
    "LINESTRING Z (500000 3500100 1, 500100 3500100 2)",
    "LINESTRING (500100 3500100, 500150 3500150, 500200 3500100)",
    "LINESTRING EMPTY",
    "LINESTRING (500300 3500000, 500300 3500000.5)",
    "MULTILINESTRING ((500000 3500300, 500050 3500350))",
]
DRIVERS = {"GPKG": "gpkg", "FlatGeobuf": "fgb", "GeoJSON": "geojson", "ESRI Shapefile": "shp"}


def write(folder, driver, wkts, classes=None, name="lines", geometry_type=ogr.wkbUnknown):
    path = str(folder / f"{name}.{DRIVERS[driver]}")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    source = ogr.GetDriverByName(driver).CreateDataSource(path)
    layer = source.CreateLayer(name, srs, ogr.wkbLineString if driver == "ESRI Shapefile" else geometry_type)
    if driver == "FlatGeobuf":  # GDAL 3.10 refuses null and empty geometries in a FlatGeobuf with a spatial index
        wkts = [wkt for wkt in wkts if wkt and "EMPTY" not in wkt]
    layer.CreateField(ogr.FieldDefn("highway", ogr.OFTString))
    for index, wkt in enumerate(wkts):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("highway", (classes or ["residential", "motorway"])[index % len(classes or [0, 1])])
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = None
    return path


@pytest.fixture
def layers(qgis_app):
    opened = []

    def open_layer(path):
        layer = QgsVectorLayer(path, "streets", "ogr")
        assert layer.isValid(), path
        opened.append(layer)
        return layer

    yield open_layer
    opened.clear()


def by_qgis(layer, crs=UTM, request=None):
    """QGIS's feature-by-feature reader, as for a Processing source (no layer to read in columns)."""
    source = QgsProcessingFeatureSource(layer, QgsProcessingContext())
    return qgis_io.read_lines(source, crs, QgsProject.instance().transformContext(), request)


def assert_same(fast, slow):
    (coords, counts), skipped = fast
    (slow_coords, slow_counts), slow_skipped = slow
    assert skipped == slow_skipped
    assert np.array_equal(counts, slow_counts)
    assert np.array_equal(coords, slow_coords)  # bit for bit, in the same order


@pytest.mark.parametrize("driver", ["GPKG", "FlatGeobuf", "GeoJSON"])
def test_columnar_read_equals_qgis_reader(tmp_path, layers, driver):
    layer = layers(write(tmp_path, driver, MIXED * 3))
    context = QgsProject.instance().transformContext()
    fast = qgis_io._read_lines_ogr(layer, UTM, context, None)
    assert fast is not None, "the columnar path was not taken"
    assert_same(fast, by_qgis(layer))
    assert_same(qgis_io.read_lines(layer, UTM, context), by_qgis(layer))
    # filtered by a QGIS expression (as the walkable streets are), and reprojected
    request = QgsFeatureRequest().setFilterExpression("\"highway\" <> 'motorway'")
    assert qgis_io._read_lines_ogr(layer, UTM, context, request) is not None
    assert_same(qgis_io.read_lines(layer, UTM, context, request), by_qgis(layer, request=request))
    layer_2d = layers(write(tmp_path, driver, [w for w in MIXED if not w or " Z " not in w], name="flat"))
    web = QgsCoordinateReferenceSystem("EPSG:3857")
    assert qgis_io._read_lines_ogr(layer_2d, web, context, request) is not None
    assert_same(qgis_io.read_lines(layer_2d, web, context, request), by_qgis(layer_2d, web, request))


def test_lines_of_one_size_are_decoded_all_at_once(tmp_path, layers):
    rng = np.random.default_rng(1)
    xy = rng.uniform(0, 1000, size=(5000, 4)) + [500000, 3500000, 500000, 3500000]
    layer = layers(write(tmp_path, "GPKG", [f"LINESTRING ({a} {b}, {c} {d})" for a, b, c, d in xy]))
    (coords, counts), skipped = qgis_io.read_lines(layer, UTM, QgsProject.instance().transformContext())
    assert skipped == 0 and np.all(counts == 2)
    assert np.array_equal(coords, xy.reshape(-1, 2))
    assert_same(((coords, counts), skipped), by_qgis(layer))


def test_qgis_reads_what_the_columnar_path_does_not(tmp_path, layers):
    context = QgsProject.instance().transformContext()
    # Shapefile lines come out of QGIS as multi-part lines: left to QGIS
    shapefile = layers(write(tmp_path, "ESRI Shapefile", [w for w in MIXED if w and "EMPTY" not in w]))
    assert qgis_io._read_lines_ogr(shapefile, UTM, context, None) is None
    assert_same(qgis_io.read_lines(shapefile, UTM, context), by_qgis(shapefile))
    # curves: QGIS segmentises them
    curved = layers(
        write(
            tmp_path, "GPKG", MIXED + ["CIRCULARSTRING (500000 3500000, 500050 3500050, 500100 3500000)"], name="curved"
        )
    )
    assert qgis_io._read_lines_ogr(curved, UTM, context, None) is None
    assert_same(qgis_io.read_lines(curved, UTM, context), by_qgis(curved))
    # a layer filtered in QGIS, or edited and not saved
    filtered = layers(write(tmp_path, "GPKG", MIXED, name="filtered"))
    filtered.setSubsetString("\"highway\" = 'residential'")
    assert qgis_io._read_lines_ogr(filtered, UTM, context, None) is None
    assert_same(qgis_io.read_lines(filtered, UTM, context), by_qgis(filtered))
    edited = layers(write(tmp_path, "GPKG", MIXED, name="edited"))
    edited.startEditing()
    edited.deleteFeature(next(edited.getFeatures()).id())
    assert qgis_io._read_lines_ogr(edited, UTM, context, None) is None
    assert_same(qgis_io.read_lines(edited, UTM, context), by_qgis(edited))
    edited.rollBack()
    # a 3D layer to reproject: the heights may matter to the datum shift
    layer_3d = layers(
        write(
            tmp_path,
            "GPKG",
            ["LINESTRING Z (500000 3500000 5, 500100 3500000 6)"],
            name="z",
            geometry_type=ogr.wkbLineString25D,
        )
    )
    assert qgis_io._read_lines_ogr(layer_3d, QgsCoordinateReferenceSystem("EPSG:4326"), context, None) is None


def test_whole_layer_only_for_a_whole_source(tmp_path, layers, qgis_processing):
    from habitat_planning_plugin.processing.public_space.public_space_access import PublicSpaceAccessAlgorithm

    path = write(tmp_path, "GPKG", MIXED)
    algorithm = PublicSpaceAccessAlgorithm()
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    assert qgis_io.whole_layer(algorithm, {"STREETS": path}, "STREETS", context) is not None
    selected = QgsProcessingFeatureSourceDefinition(path, True)
    assert qgis_io.whole_layer(algorithm, {"STREETS": selected}, "STREETS", context) is None
    limited = QgsProcessingFeatureSourceDefinition(path, False, 2)
    assert qgis_io.whole_layer(algorithm, {"STREETS": limited}, "STREETS", context) is None


def test_gdal_version_quirk_is_covered(tmp_path):
    # GDAL 3.6.2 hands over empty GeoPackage geometries when the FID is left out; the reader keeps it in.
    path = write(tmp_path, "GPKG", MIXED[:1])
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)  # kept: its layer must not outlive it
    layer = dataset.GetLayer(0)
    batch = next(iter(layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"])))
    assert len(bytes(batch[layer.GetGeometryColumn()][0])) == 41
