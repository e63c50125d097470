"""Hostile input for the public space measurement tools, the lead's set (inventory, SDG 11.7.1 land share and
walking access, urban extent): every case is refused or fails with a message naming the problem, or runs and
reports it — never a traceback — and a failed run leaves the folder as it was."""

import pytest
from osgeo import gdal
from shapely.geometry import Point, Polygon, box

from test.conftest import SAMPLE_DATA, SAMPLE_POPULATION, layer_path
from test.helpers import write_layer, write_raster
from test.hostile.hostile import assert_clear, assert_reported, attempt, damaged_copy, snapshot, zero_bytes

BUILT_UP = SAMPLE_DATA / "sample_city_builtup.tif"


def blank_population(folder):
    """The sample population grid with every cell nodata."""
    source = gdal.Open(str(SAMPLE_POPULATION))
    path = str(folder / "blank.tif")
    target = gdal.GetDriverByName("GTiff").CreateCopy(path, source)
    for index in range(1, target.RasterCount + 1):
        band = target.GetRasterBand(index)
        band.Fill(band.GetNoDataValue() if band.GetNoDataValue() is not None else -9999)
    target = source = None
    return path


def far_population(folder):
    """A population grid 200 km east of the sample city, in the same CRS."""
    source = gdal.Open(str(SAMPLE_POPULATION))
    x0, dx, _, y0, _, dy = source.GetGeoTransform()
    path = str(folder / "far.tif")
    target = gdal.GetDriverByName("GTiff").CreateCopy(path, source)
    target.SetGeoTransform((x0 + 200_000, dx, 0, y0, 0, dy))
    target = source = None
    return path


def text_layer(folder):
    return write_layer(folder / "people.gpkg", "people", "Point", 32650, [("total", "str")], [(Point(0, 0), ["12"])])


def empty_polygons(folder):
    return write_layer(folder / "empty.gpkg", "nothing", "Polygon", 32650, [("name", "str")], [])


def null_geometries(folder):
    """Spaces: one good square, one without geometry, one empty, one bow-tie (self-intersecting)."""
    bowtie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])
    return write_layer(
        folder / "odd.gpkg",
        "spaces",
        "Polygon",
        32650,
        [("ps_type", "str")],
        [(None, ["park"]), (Polygon(), ["park"]), (bowtie, ["park"])],
    )


def twin_cities(folder):
    """Two urban extents with the same name: their numbers must stay apart."""
    extent = gdal.OpenEx(str(SAMPLE_DATA / "sample_city.gpkg"))
    layer = extent.GetLayerByName("urban_extent")
    from shapely import wkb

    feature = layer.GetNextFeature()  # kept: its geometry dies with it
    shape = wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
    feature = layer = extent = None
    minx, miny, maxx, maxy = shape.bounds
    west, east = box(minx, miny, (minx + maxx) / 2, maxy), box((minx + maxx) / 2, miny, maxx, maxy)
    return write_layer(
        folder / "twins.gpkg",
        "extent",
        "Polygon",
        32650,
        [("name", "str")],
        [(shape.intersection(west), ["Twin"]), (shape.intersection(east), ["Twin"])],
    )


ACCESS = {
    "STREETS": layer_path("streets"),
    "PUBLIC_SPACES": layer_path("public_spaces"),
    "POPULATION_RASTER": str(SAMPLE_POPULATION),
    "OUTPUT_NETWORK": None,
    "OUTPUT_SERVICE_AREA": None,
}

ACCESS_CASES = [
    ("unknown class field", lambda t: {"ROAD_CLASS_FIELD": "highway"}, ["highway"], "clear"),
    (
        "unknown district field",
        lambda t: {"DISTRICTS": layer_path("districts"), "DISTRICT_NAME_FIELD": "naam"},
        ["naam"],
        "clear",
    ),
    (
        "text count field",
        lambda t: {"POPULATION_RASTER": None, "POPULATION_LAYER": text_layer(t), "POPULATION_FIELDS": ["total"]},
        ["total", "text"],
        "clear",
    ),
    (
        "two population inputs",
        lambda t: {"POPULATION_LAYER": layer_path("public_spaces")},
        ["exactly one population input"],
        "clear",
    ),
    ("walking distance nan", lambda t: {"MAX_DISTANCE": float("nan")}, ["finite"], "clear"),
    ("entry tolerance of 100 km", lambda t: {"ENTRY_TOLERANCE": 100_000.0}, ["entry tolerance"], "clear"),
    ("snapping tolerance of 100 km", lambda t: {"SNAP_TOLERANCE": 100_000.0}, ["snapping tolerance"], "clear"),
    ("all-nodata population", lambda t: {"POPULATION_RASTER": blank_population(t)}, ["blank", "no people"], "clear"),
    ("population 200 km away", lambda t: {"POPULATION_RASTER": far_population(t)}, ["far", "do not overlap"], "clear"),
    (
        "truncated population grid",
        lambda t: {"POPULATION_RASTER": damaged_copy(SAMPLE_POPULATION, t / "cut.tif", 0.4)},
        ["cut.tif"],
        "clear",
    ),
    ("no public space", lambda t: {"PUBLIC_SPACES": empty_polygons(t)}, ["public space"], "clear"),
    ("spaces without geometry, far away", lambda t: {"PUBLIC_SPACES": null_geometries(t)}, ["public space"], "clear"),
    ("table as .docx", lambda t: {"OUTPUT_TABLE": str(t / "table.docx")}, ["table.docx"], "clear"),
    ("zero-byte streets", lambda t: {"STREETS": zero_bytes(t / "streets.gpkg")}, ["STREETS"], "clear"),
]


@pytest.mark.parametrize("name, change, words, kind", ACCESS_CASES, ids=[case[0] for case in ACCESS_CASES])
def test_access_hostile_input(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {**ACCESS, "OUTPUT_TABLE": str(tmp_path / "table.csv"), **change(tmp_path)}
    before = snapshot(tmp_path)
    outcome = attempt("habitat:publicspaceaccess", parameters)
    if kind == "clear":
        assert_clear(outcome, *words)
        assert snapshot(tmp_path) == before
    else:
        assert_reported(outcome, *words)


LAND = {
    "URBAN_EXTENT": layer_path("urban_extent"),
    "CITY_NAME_FIELD": "name",
    "PUBLIC_SPACES": layer_path("public_spaces"),
    "STREETS": layer_path("streets"),
    "WIDTH_FIELD": "width_m",
    "CLASS_FIELD": "road_class",
    "OUTPUT_STREET_AREA": "memory:",
}

LAND_CASES = [
    ("unknown width field", lambda t: {"WIDTH_FIELD": "breite"}, ["breite"], "clear"),
    ("unknown class field", lambda t: {"CLASS_FIELD": "klasse"}, ["klasse"], "clear"),
    ("unknown city field", lambda t: {"CITY_NAME_FIELD": "stadt"}, ["stadt"], "clear"),
    (
        "unknown district field",
        lambda t: {"DISTRICTS": layer_path("districts"), "DISTRICT_NAME_FIELD": "naam"},
        ["naam"],
        "clear",
    ),
    ("width table of text", lambda t: {"CLASS_WIDTHS": ["primary", "wide"]}, ["wide"], "clear"),
    ("width table of 5 km", lambda t: {"CLASS_WIDTHS": ["primary", "5000"]}, ["5000"], "clear"),
    ("negative width in table", lambda t: {"CLASS_WIDTHS": ["primary", "-8"]}, ["-8"], "clear"),
    ("default width of 5 km", lambda t: {"DEFAULT_WIDTH": 5000.0}, ["default street width"], "clear"),
    ("default width nan", lambda t: {"DEFAULT_WIDTH": float("nan")}, ["finite"], "clear"),
    ("both street inputs", lambda t: {"STREET_POLYGONS": layer_path("public_spaces")}, ["not both"], "clear"),
    ("empty urban extent", lambda t: {"URBAN_EXTENT": empty_polygons(t)}, ["no features"], "clear"),
    ("report as .docx", lambda t: {"OUTPUT_REPORT": str(t / "report.docx")}, ["report.docx"], "clear"),
    ("twin city names", lambda t: {"URBAN_EXTENT": twin_cities(t), "SAMPLING": True}, ["more than once"], "reported"),
]


@pytest.mark.parametrize("name, change, words, kind", LAND_CASES, ids=[case[0] for case in LAND_CASES])
def test_land_share_hostile_input(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {**LAND, "OUTPUT_TABLE": str(tmp_path / "table.csv"), **change(tmp_path)}
    before = snapshot(tmp_path)
    outcome = attempt("habitat:sdg1171landshare", parameters)
    if kind == "clear":
        assert_clear(outcome, *words)
        assert snapshot(tmp_path) == before
    else:
        assert_reported(outcome, *words)


INVENTORY = {
    "INPUT": layer_path("public_spaces"),
    "TYPE_FIELD": "ps_type",
    "ACCESS_FIELD": "access",
    "FEE_FIELD": "fee",
    "OUTPUT_SUMMARY": "memory:",
}

INVENTORY_CASES = [
    ("unknown type field", lambda t: {"TYPE_FIELD": "kind"}, ["kind"], "clear"),
    ("unknown access field", lambda t: {"ACCESS_FIELD": "zugang"}, ["zugang"], "clear"),
    ("unknown fee field", lambda t: {"FEE_FIELD": "gebuehr"}, ["gebuehr"], "clear"),
    (
        "unknown district field",
        lambda t: {"DISTRICTS": layer_path("districts"), "DISTRICT_NAME_FIELD": "naam"},
        ["naam"],
        "clear",
    ),
    ("thresholds of text", lambda t: {"SIZE_THRESHOLDS": "small, big"}, ["small"], "clear"),
    ("thresholds nan", lambda t: {"SIZE_THRESHOLDS": "0.5, nan, 5"}, ["nan"], "clear"),
    ("thresholds not increasing", lambda t: {"SIZE_THRESHOLDS": "5, 1, 10"}, ["5, 1, 10"], "clear"),
    ("negative threshold", lambda t: {"SIZE_THRESHOLDS": "-1, 1"}, ["-1"], "clear"),
    ("type mapping of odd length", lambda t: {"TYPE_MAPPING": ["park"]}, ["type mapping"], "clear"),
    (
        "empty layer",
        lambda t: {"INPUT": empty_polygons(t), "TYPE_FIELD": "name", "ACCESS_FIELD": None, "FEE_FIELD": None},
        ["no"],
        "clear",
    ),
    (
        "odd geometries",
        lambda t: {"INPUT": null_geometries(t), "ACCESS_FIELD": None, "FEE_FIELD": None},
        ["repaired"],
        "reported",
    ),
    (
        "output over the input",
        lambda t: {"OUTPUT": str(SAMPLE_DATA / "sample_city.gpkg")},
        ["sample_city.gpkg"],
        "clear",
    ),
    (
        "all-nodata population",
        lambda t: {
            "POPULATION_RASTER": blank_population(t),
            "DISTRICTS": layer_path("districts"),
            "DISTRICT_NAME_FIELD": "name",
        },
        ["blank", "no people"],
        "reported",
    ),
    (
        "population without districts",
        lambda t: {"POPULATION_RASTER": str(SAMPLE_POPULATION)},
        ["only used per district"],
        "reported",
    ),
]


@pytest.mark.parametrize("name, change, words, kind", INVENTORY_CASES, ids=[case[0] for case in INVENTORY_CASES])
def test_inventory_hostile_input(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {**INVENTORY, "OUTPUT": str(tmp_path / "inventory.gpkg"), **change(tmp_path)}
    before = snapshot(tmp_path)
    outcome = attempt("habitat:publicspaceinventory", parameters)
    if kind == "clear":
        assert_clear(outcome, *words)
        assert snapshot(tmp_path) == before
    else:
        assert_reported(outcome, *words)


EXTENT = {"INPUT": str(BUILT_UP)}


def blank_built_up(folder):
    source = gdal.Open(str(BUILT_UP))
    path = str(folder / "blank_built.tif")
    target = gdal.GetDriverByName("GTiff").CreateCopy(path, source)
    band = target.GetRasterBand(1)
    band.Fill(band.GetNoDataValue() if band.GetNoDataValue() is not None else 0)
    target = source = None
    return path


def geographic_built_up(folder):
    import numpy as np

    path = folder / "degrees.tif"
    write_raster(path, [np.ones((20, 20))], (116.0, 40.0), 0.001, 4326, nodata=-1.0)
    return str(path)


EXTENT_CASES = [
    ("urban below suburban", lambda t: {"URBAN_DENSITY": 20, "SUBURBAN_DENSITY": 30}, ["suburban"], "clear"),
    ("urban density nan", lambda t: {"URBAN_DENSITY": float("nan")}, ["finite"], "clear"),
    ("built share zero", lambda t: {"BUILT_CELL_SHARE": 0}, ["0"], "clear"),
    ("earlier raster without years", lambda t: {"EARLIER_BUILT_UP": str(BUILT_UP)}, ["year"], "clear"),
    (
        "earlier year after",
        lambda t: {"EARLIER_BUILT_UP": str(BUILT_UP), "YEAR": 2010, "EARLIER_YEAR": 2020},
        ["2020"],
        "clear",
    ),
    ("earlier population alone", lambda t: {"EARLIER_POPULATION": layer_path("districts")}, ["earlier"], "clear"),
    ("band beyond the raster", lambda t: {"BAND": 7}, ["band"], "clear"),
    ("all-nodata built-up", lambda t: {"INPUT": blank_built_up(t)}, ["blank_built", "nodata"], "clear"),
    (
        "truncated built-up",
        lambda t: {"INPUT": damaged_copy(BUILT_UP, t / "cut_built.tif", 0.3)},
        ["cut_built.tif"],
        "clear",
    ),
    ("zero-byte built-up", lambda t: {"INPUT": zero_bytes(t / "zero.tif")}, ["INPUT"], "clear"),
    (
        "unknown place name field",
        lambda t: {"CITY_NAMES": layer_path("districts"), "CITY_NAME_FIELD": "stadt"},
        ["stadt"],
        "clear",
    ),
    ("classes as .docx", lambda t: {"OUTPUT_CLASSES": str(t / "classes.docx")}, ["classes.docx"], "clear"),
    ("degrees, not metres", lambda t: {"INPUT": geographic_built_up(t)}, ["degrees", "EPSG:4326"], "clear"),
]


@pytest.mark.parametrize("name, change, words, kind", EXTENT_CASES, ids=[case[0] for case in EXTENT_CASES])
def test_urban_extent_hostile_input(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {**EXTENT, "OUTPUT": str(tmp_path / "extent.gpkg"), **change(tmp_path)}
    before = snapshot(tmp_path)
    outcome = attempt("habitat:urbanextent", parameters)
    if kind == "clear":
        assert_clear(outcome, *words)
        assert snapshot(tmp_path) == before
    else:
        assert_reported(outcome, *words)


def test_twin_cities_keep_their_own_sampling_estimates(tmp_path, habitat_provider):
    """Two urban extents of one name: each row has its own name and its own sample (they used to share one)."""
    from test.helpers import read_rows

    outcome = attempt(
        "habitat:sdg1171landshare",
        {**LAND, "URBAN_EXTENT": twin_cities(tmp_path), "SAMPLING": True, "OUTPUT_TABLE": str(tmp_path / "t.csv")},
    )
    assert outcome.status == "ok", str(outcome)
    rows = [row for row in read_rows(tmp_path / "t.csv") if row["level"] == "city"]
    assert len(rows) == 2 and rows[0]["name"] != rows[1]["name"] and all("Twin" in row["name"] for row in rows)
    assert rows[0]["sample_pct"] != rows[1]["sample_pct"]
