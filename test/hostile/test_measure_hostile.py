"""Hostile input for the public space measurement tools — inventory, SDG 11.7.1 (a) land share, SDG 11.7.1 (b)
walking access, urban extent — and property tests of their readers and parsers.

Each case asserts its class of outcome: refused before the run (``refused``: checkParameterValues names the
problem), stopped with a message naming the file, layer or field (``clear``), or run with the bad items reported
in the log (``reported``). A case that stops leaves the folder byte for byte as it was, earlier outputs included.
Cancel is asserted to stop the work where it is (the log misses what the rest of the run would have said), not
only at the end.
"""

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from osgeo import gdal, ogr
from shapely import wkb as shapely_wkb
from shapely.affinity import translate
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from habitat_planning_plugin.core.public_space import urban_extent as ue
from habitat_planning_plugin.core.public_space.inventory import district_summary
from habitat_planning_plugin.core.public_space.land_share import class_values, sampled_street_share, street_corridors
from habitat_planning_plugin.core.public_space.street_width import (
    MAX_WIDTH_M,
    MIN_WIDTH_M,
    OK,
    REJECTED,
    SOURCES,
    parse_width,
    policy_from_table,
)
from habitat_planning_plugin.core.text import HabitatError
from test.conftest import SAMPLE_DATA, SAMPLE_GPKG, SAMPLE_POPULATION, layer_path
from test.helpers import read_rows, write_layer, write_raster
from test.hostile.hostile import (
    RecordingFeedback,
    assert_clear,
    assert_reported,
    attempt,
    damaged_copy,
    snapshot,
    zero_bytes,
)

BUILT_UP = SAMPLE_DATA / "sample_city_builtup.tif"
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FAR = 200_000.0  # metres: another place


# --- fixtures: real files ---------------------------------------------------------------------------------------


def shifted(folder, name, dx=FAR, dy=0.0):
    """A copy of a sample layer moved ``dx`` metres east (same CRS, same fields): the right data of another place."""
    path = folder / f"{name}_moved.gpkg"
    source = ogr.Open(str(SAMPLE_GPKG))
    layer = source.GetLayerByName(name)
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    out = target.CreateLayer(name, layer.GetSpatialRef(), layer.GetGeomType())
    definition = layer.GetLayerDefn()
    for index in range(definition.GetFieldCount()):
        out.CreateField(definition.GetFieldDefn(index))
    for feature in layer:
        moved = ogr.Feature(out.GetLayerDefn())
        moved.SetFrom(feature)
        shape = translate(shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())), dx, dy)
        moved.SetGeometry(ogr.CreateGeometryFromWkb(shape.wkb))
        out.CreateFeature(moved)
    target = source = None
    return f"{path}|layername={name}"


def moved_raster(source_path, target_path, dx=FAR):
    source = gdal.Open(str(source_path))
    x0, cell_x, _, y0, _, cell_y = source.GetGeoTransform()
    target = gdal.GetDriverByName("GTiff").CreateCopy(str(target_path), source)
    target.SetGeoTransform((x0 + dx, cell_x, 0, y0, 0, cell_y))
    target = source = None
    return str(target_path)


def sample_extent():
    source = ogr.Open(str(SAMPLE_GPKG))
    feature = source.GetLayerByName("urban_extent").GetNextFeature()
    shape = shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
    feature = source = None
    return shape


BOWTIE = Polygon([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])


def city_with_odd_parts(folder):
    """The sample extent, plus a feature without geometry, an empty one and a self-intersecting one inside it."""
    extent = sample_extent()
    x, y = extent.centroid.x, extent.centroid.y
    return write_layer(
        folder / "odd_extent.gpkg",
        "extent",
        "Polygon",
        32650,
        [("name", "str")],
        [(extent, ["Sample"]), (None, ["Nothing"]), (Polygon(), ["Empty"]), (translate(BOWTIE, x, y), ["Bowtie"])],
    )


def only_null_polygons(folder, name="nothing"):
    return write_layer(
        folder / f"{name}.gpkg",
        name,
        "Polygon",
        32650,
        [("name", "str"), ("ps_type", "str")],
        [(None, ["a", "park"]), (Polygon(), ["b", "park"])],
    )


def streets_part_null(folder):
    """The sample streets as one centre-line each, with two features without geometry."""
    source = ogr.Open(str(SAMPLE_GPKG))
    rows = []
    for feature in source.GetLayerByName("streets"):
        rows.append(
            (
                shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())),
                [feature.GetField("road_class"), feature.GetField("width_m")],
            )
        )
    source = None
    rows += [(None, ["residential", 10.0]), (None, ["primary", None])]
    return write_layer(
        folder / "streets_null.gpkg", "streets", "LineString", 32650, [("road_class", "str"), ("width_m", "real")], rows
    )


def null_streets(folder):
    """Streets without geometry and with a true empty LineString (not shapely's empty collection)."""
    path = folder / "null_streets.gpkg"
    write_layer(
        path,
        "streets",
        "LineString",
        32650,
        [("road_class", "str"), ("width_m", "real")],
        [(None, ["residential", 10.0])],
    )
    source = ogr.Open(str(path), 1)
    layer = source.GetLayerByName("streets")
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("road_class", "primary")
    feature.SetGeometry(ogr.Geometry(ogr.wkbLineString))
    layer.CreateFeature(feature)
    feature = layer = source = None
    return f"{path}|layername=streets"


def collection_streets(folder, empty=True):
    """Streets written by a tool that puts geometry collections into a line layer: an empty one, or one holding
    the sample streets' lines with a point."""
    from shapely.geometry import GeometryCollection

    source = ogr.Open(str(SAMPLE_GPKG))
    lines = [
        shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())) for feature in source.GetLayerByName("streets")
    ]
    source = None
    rows = [(line, ["residential", 10.0]) for line in lines]
    if empty:
        rows.append((GeometryCollection(), ["primary", None]))
    else:
        rows[0] = (GeometryCollection([lines[0], Point(lines[0].coords[0])]), ["residential", 10.0])
    return write_layer(
        folder / "collections.gpkg", "streets", "LineString", 32650, [("road_class", "str"), ("width_m", "real")], rows
    )


def two_cities_one_tiny(folder):
    """The sample city and a 50 m square town 300 m away: too small for a 10 ha sample circle."""
    extent = sample_extent()
    minx, miny, maxx, maxy = extent.bounds
    return write_layer(
        folder / "two.gpkg",
        "extent",
        "Polygon",
        32650,
        [("name", "str")],
        [(extent, ["Big"]), (box(maxx + 300, miny, maxx + 350, miny + 50), ["Hamlet"])],
    )


def districts_outside(folder, all_of_them=True):
    extent = sample_extent()
    minx, miny, maxx, maxy = extent.bounds
    rows = [(box(maxx + 1000, miny, maxx + 2000, maxy), ["Beyond"])]
    if not all_of_them:
        rows.append((box(minx, miny, (minx + maxx) / 2, maxy), ["West half"]))
    return write_layer(folder / "districts.gpkg", "districts", "Polygon", 32650, [("name", "str")], rows)


def twin_districts(folder):
    minx, miny, maxx, maxy = sample_extent().bounds
    middle = (minx + maxx) / 2
    return write_layer(
        folder / "twins.gpkg",
        "districts",
        "Polygon",
        32650,
        [("name", "str")],
        [(box(minx, miny, middle, maxy), ["Old town"]), (box(middle, miny, maxx, maxy), ["Old town"])],
    )


def spaces_with_odd_rows(folder, extra_fields=()):
    """Sample-like spaces: two parks, one MultiPolygon of two parts, one without a type, one without geometry,
    one empty, one self-intersecting."""
    extent = sample_extent()
    x, y = extent.centroid.x, extent.centroid.y
    fields = [("ps_type", "str"), ("access", "str"), ("fee", "str")] + [(name, "str") for name in extra_fields]
    extra = ["x"] * len(extra_fields)
    rows = [
        (box(x, y, x + 100, y + 100), ["park", None, None] + extra),
        (box(x + 200, y, x + 300, y + 100), ["Plaza ", "yes", "no"] + extra),
        (
            MultiPolygon([box(x, y + 200, x + 50, y + 250), box(x + 100, y + 200, x + 150, y + 250)]),
            ["garden", None, None] + extra,
        ),
        (box(x + 400, y, x + 500, y + 100), [None, None, None] + extra),
        (None, ["park", None, None] + extra),
        (Polygon(), ["park", None, None] + extra),
        (translate(BOWTIE, x - 300, y), ["park", None, None] + extra),
    ]
    return write_layer(folder / "spaces.gpkg", "spaces", "Polygon", 32650, fields, rows)


def text_as_raster(folder, name="notes.tif"):
    path = folder / name
    path.write_text("population by district\nnorth,1200\n", encoding="utf-8")
    return str(path)


def built_up_grid(folder, name, values, nodata=-1.0, cell=50.0):
    return write_raster(
        folder / name, [np.asarray(values, dtype=float)], (494000.0, 3505000.0), cell, 32650, nodata=nodata
    )


def rotated_built_up(folder):
    path = str(folder / "rotated.tif")
    source = gdal.Open(str(BUILT_UP))
    target = gdal.GetDriverByName("GTiff").CreateCopy(path, source)
    x0, dx, _, y0, _, dy = source.GetGeoTransform()
    target.SetGeoTransform((x0, dx, 5.0, y0, 5.0, dy))
    target = source = None
    return path


def places(folder, rows):
    return write_layer(folder / "places.gpkg", "places", "Polygon", 32650, [("name", "str"), ("pop", "real")], rows)


def place_rows():
    x, y = sample_extent().centroid.coords[0]
    return [
        (box(x - 500, y - 500, x + 500, y + 500), ["Centre", 1000.0]),
        (None, ["Nowhere", 5.0]),
        (translate(BOWTIE, x, y), ["Twisted", 10.0]),
        (box(x, y, x + 100, y + 100), ["Minus", -50.0]),
    ]


TWIN_BOXES = [(500240.0, 3499765.0, 500260.0, 3499785.0), (504690.0, 3496290.0, 504710.0, 3496310.0)]


def twin_places():
    """A place named Twin on each of the two largest extents of the sample built-up raster (found by a run)."""
    return [(box(*TWIN_BOXES[0]), ["Twin", None]), (box(*TWIN_BOXES[1]), ["Twin", None])]


# --- the cases ----------------------------------------------------------------------------------------------------


def run_case(algorithm_id, parameters, folder, kind, words, earlier=None):
    """Run one case; a case that stops must leave ``folder`` as it was (``earlier``: files written beforehand)."""
    for name, content in (earlier or {}).items():
        Path(folder, name).write_bytes(content)
    before = snapshot(folder)
    outcome = attempt(algorithm_id, parameters)
    if kind == "reported":
        assert_reported(outcome, *words)
        return outcome
    assert_clear(outcome, *words)
    if kind == "refused":
        assert outcome.status == "refused", str(outcome)
    assert snapshot(folder) == before, "a run that stopped changed the folder"
    return outcome


LAND = {
    "URBAN_EXTENT": layer_path("urban_extent"),
    "CITY_NAME_FIELD": "name",
    "PUBLIC_SPACES": layer_path("public_spaces"),
    "STREETS": layer_path("streets"),
    "WIDTH_FIELD": "width_m",
    "CLASS_FIELD": "road_class",
}

LAND_CASES = [
    (
        "streets 200 km away",
        lambda t: {"STREETS": shifted(t, "streets")},
        ["streets_moved.gpkg", "sample_city.gpkg", "do not overlap"],
        "clear",
    ),
    (
        "street polygons 200 km away",
        lambda t: {"STREETS": None, "STREET_POLYGONS": shifted(t, "districts")},
        ["districts_moved.gpkg", "do not overlap"],
        "clear",
    ),
    (
        "width table of odd length",
        lambda t: {"CLASS_WIDTHS": ["primary", "20", "secondary"]},
        ["secondary", "without a value"],
        "refused",
    ),
    ("width table with nan", lambda t: {"CLASS_WIDTHS": ["primary", "nan"]}, ["nan", "primary"], "refused"),
    ("width table with inf", lambda t: {"CLASS_WIDTHS": ["primary", "inf"]}, ["inf", "primary"], "refused"),
    (
        "road class given twice",
        lambda t: {"CLASS_WIDTHS": ["primary", "20", "Primary ", "25"]},
        ["primary", "twice"],
        "refused",
    ),
    ("road class without a name", lambda t: {"CLASS_WIDTHS": ["", "20"]}, ["row 1", "road class"], "refused"),
    (
        "width in centimetres",
        lambda t: {"CLASS_WIDTHS": ["residential", "0.5"]},
        ["0.5", "residential", "unit"],
        "refused",
    ),
    ("default width of 60 cm", lambda t: {"DEFAULT_WIDTH": 0.6}, ["default street width", "0.6"], "refused"),
    (
        "sampling precision of ±40 points",
        lambda t: {"SAMPLING": True, "SAMPLING_PRECISION": 40.0},
        ["±40", "95 % interval"],
        "refused",
    ),
    ("neither street input", lambda t: {"STREETS": None}, ["centre-lines", "street polygons"], "refused"),
    ("streets without geometry", lambda t: {"STREETS": null_streets(t)}, ["null_streets.gpkg", "no line"], "clear"),
    (
        "urban extent without geometry",
        lambda t: {"URBAN_EXTENT": only_null_polygons(t)},
        ["nothing.gpkg", "no polygon with an area"],
        "clear",
    ),
    (
        "every district outside the city",
        lambda t: {"DISTRICTS": districts_outside(t), "DISTRICT_NAME_FIELD": "name"},
        ["districts.gpkg", "no district"],
        "clear",
    ),
    (
        "unknown district field",
        lambda t: {"DISTRICTS": districts_outside(t), "DISTRICT_NAME_FIELD": "wijk"},
        ["wijk"],
        "refused",
    ),
    (
        "some streets without geometry",
        lambda t: {"STREETS": streets_part_null(t)},
        ["2 street features without a usable line geometry"],
        "reported",
    ),
    (
        "an empty collection among the streets",
        lambda t: {"STREETS": collection_streets(t)},
        ["1 street features without a usable line geometry"],
        "reported",
    ),
    (
        "a collection of a line and a point",
        lambda t: {"STREETS": collection_streets(t, empty=False)},
        ["Street widths:"],
        "reported",
    ),
    (
        "urban extent with odd parts",
        lambda t: {"URBAN_EXTENT": city_with_odd_parts(t)},
        ["repaired", "skipped (urban extent)"],
        "reported",
    ),
    (
        "public spaces 200 km away",
        lambda t: {"PUBLIC_SPACES": shifted(t, "public_spaces")},
        ["public_spaces_moved.gpkg", "no public space", "0 %"],
        "reported",
    ),
    (
        "a district outside the city",
        lambda t: {"DISTRICTS": districts_outside(t, False), "DISTRICT_NAME_FIELD": "name"},
        ["Beyond", "outside"],
        "reported",
    ),
    (
        "a town too small to sample",
        lambda t: {"URBAN_EXTENT": two_cities_one_tiny(t), "SAMPLING": True},
        ["Hamlet", "too small", "Big: sampled street share"],
        "reported",
    ),
    (
        "a city without streets",
        lambda t: {"URBAN_EXTENT": two_cities_one_tiny(t)},
        ["1 cities have no street", "Hamlet"],
        "reported",
    ),
]


@pytest.mark.parametrize("name, change, words, kind", LAND_CASES, ids=[case[0] for case in LAND_CASES])
def test_land_share_hostile(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {
        **LAND,
        "OUTPUT_STREET_AREA": str(tmp_path / "street_area.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "land.csv"),
        "OUTPUT_REPORT": str(tmp_path / "land.html"),
        **change(tmp_path),
    }
    run_case(
        "habitat:sdg1171landshare",
        parameters,
        tmp_path,
        kind,
        words,
        earlier={"land.csv": b"level,name\ncity,earlier run\n"},
    )


def test_land_share_samples_follow_their_city_not_their_name(tmp_path, habitat_provider):
    """Two cities of one name, each with its own sampling estimate in the table (the dict was keyed by name)."""
    extent = sample_extent()
    minx, miny, maxx, maxy = extent.bounds
    middle = (minx + maxx) / 2
    twins = write_layer(
        tmp_path / "twins.gpkg",
        "extent",
        "Polygon",
        32650,
        [("name", "str")],
        [
            (extent.intersection(box(minx, miny, middle, maxy)), ["Twin"]),
            (extent.intersection(box(middle, miny, maxx, maxy)), ["Twin"]),
        ],
    )
    outcome = attempt(
        "habitat:sdg1171landshare",
        {
            **LAND,
            "URBAN_EXTENT": twins,
            "SAMPLING": True,
            "OUTPUT_STREET_AREA": "memory:",
            "OUTPUT_TABLE": str(tmp_path / "t.csv"),
        },
    )
    assert_reported(outcome, "more than once")
    rows = [row for row in read_rows(tmp_path / "t.csv") if row["level"] == "city"]
    assert len({row["name"] for row in rows}) == 2
    assert all(row["sample_pct"] not in ("", None) for row in rows)  # each city has its estimate
    assert len({float(row["sample_pct"]) for row in rows}) == 2  # and it is its own, not the other twin's


CANCEL_AT = {
    "habitat:sdg1171landshare": 10,
    "habitat:publicspaceinventory": 60,
    "habitat:publicspaceaccess": 20,
    "habitat:urbanextent": 5,
}


def test_land_share_cancel_stops_reading_streets(tmp_path, habitat_provider):
    """Cancelled once the cities are read: the streets are not measured (no width summary), nothing is left."""
    parameters = {
        **LAND,
        "OUTPUT_STREET_AREA": str(tmp_path / "street_area.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "land.csv"),
        "OUTPUT_REPORT": str(tmp_path / "land.html"),
    }
    (tmp_path / "land.csv").write_text("level,name\ncity,earlier\n", encoding="utf-8")
    before = snapshot(tmp_path)
    feedback = RecordingFeedback(cancel_after_progress=CANCEL_AT["habitat:sdg1171landshare"])
    outcome = attempt("habitat:sdg1171landshare", parameters, feedback)
    assert_clear(outcome, "cancelled")
    assert "Street widths:" not in outcome.log and "benchmarks 15 %" not in outcome.log
    assert snapshot(tmp_path) == before


def test_land_share_cancel_stops_sampling(tmp_path):
    """The sampling loop asks whether to stop: None, not an estimate."""
    city = box(0, 0, 5000, 5000)
    streets = street_corridors([np.array([(0.0, y), (5000.0, y)]) for y in range(50, 5000, 100)], [10.0] * 50)
    calls = []
    assert sampled_street_share(city, streets, 0.001, cancelled=lambda: calls.append(1) or True) is None
    assert len(calls) == 1
    assert street_corridors([np.array([(0.0, 0.0), (1.0, 1.0)])] * 3, [5.0] * 3, cancelled=lambda: True) is None


INVENTORY = {
    "INPUT": layer_path("public_spaces"),
    "TYPE_FIELD": "ps_type",
    "ACCESS_FIELD": "access",
    "FEE_FIELD": "fee",
}

INVENTORY_CASES = [
    (
        "type value mapped twice",
        lambda t: {"TYPE_MAPPING": ["park", "park", "Park", "square"]},
        ["park", "twice"],
        "refused",
    ),
    ("unknown category", lambda t: {"TYPE_MAPPING": ["park", "parkland"]}, ["parkland", "park"], "refused"),
    ("category without a value", lambda t: {"TYPE_MAPPING": ["", "park"]}, ["without a type value"], "refused"),
    ("thresholds with inf", lambda t: {"SIZE_THRESHOLDS": "0.1, inf"}, ["0.1, inf"], "refused"),
    ("threshold of zero", lambda t: {"SIZE_THRESHOLDS": "0, 1"}, ["0, 1", "positive"], "refused"),
    ("empty thresholds", lambda t: {"SIZE_THRESHOLDS": " , "}, ["thresholds"], "refused"),
    (
        "only spaces without geometry",
        lambda t: {"INPUT": only_null_polygons(t), "ACCESS_FIELD": None, "FEE_FIELD": None},
        ["nothing.gpkg", "usable polygon"],
        "clear",
    ),
    (
        "truncated population grid",
        lambda t: {
            "POPULATION_RASTER": damaged_copy(SAMPLE_POPULATION, t / "cut.tif", 0.3),
            "DISTRICTS": layer_path("districts"),
            "DISTRICT_NAME_FIELD": "name",
        },
        ["cut.tif"],
        "clear",
    ),
    (
        "text file as population grid",
        lambda t: {"POPULATION_RASTER": text_as_raster(t), "DISTRICTS": layer_path("districts")},
        ["POPULATION_RASTER"],
        "refused",
    ),
    (
        "unknown field of the districts",
        lambda t: {"DISTRICTS": layer_path("districts"), "DISTRICT_NAME_FIELD": "bezirk"},
        ["bezirk"],
        "refused",
    ),
    (
        "odd rows",
        lambda t: {"INPUT": spaces_with_odd_rows(t)},
        ["2 spaces have no usable polygon", "1 invalid polygons were repaired", "no value in the type field"],
        "reported",
    ),
    (
        "fields the inventory computes",
        lambda t: {"INPUT": spaces_with_odd_rows(t, ("category", "AREA_HA"))},
        ["category, AREA_HA", "replaced"],
        "reported",
    ),
    (
        "population 200 km away",
        lambda t: {
            "POPULATION_RASTER": moved_raster(SAMPLE_POPULATION, t / "far.tif"),
            "DISTRICTS": layer_path("districts"),
            "DISTRICT_NAME_FIELD": "name",
        },
        ["far.tif", "no people inside the districts"],
        "reported",
    ),
    (
        "districts of one name",
        lambda t: {"DISTRICTS": twin_districts(t), "DISTRICT_NAME_FIELD": "name"},
        ["Old town", "more than once"],
        "reported",
    ),
    (
        "districts 200 km away",
        lambda t: {"DISTRICTS": shifted(t, "districts")},
        ["districts_moved.gpkg", "sample_city.gpkg", "do not overlap"],
        "clear",
    ),
    (
        "spaces beyond the districts",
        lambda t: {"DISTRICTS": districts_outside(t, False)},
        ["lie in no district"],
        "reported",
    ),
]


@pytest.mark.parametrize("name, change, words, kind", INVENTORY_CASES, ids=[case[0] for case in INVENTORY_CASES])
def test_inventory_hostile(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {
        **INVENTORY,
        "OUTPUT": str(tmp_path / "inventory.gpkg"),
        "OUTPUT_SUMMARY": str(tmp_path / "summary.csv"),
        **change(tmp_path),
    }
    run_case(
        "habitat:publicspaceinventory",
        parameters,
        tmp_path,
        kind,
        words,
        earlier={"summary.csv": b"district,category\nold,park\n"},
    )


def test_inventory_keeps_odd_rows_flagged(tmp_path, habitat_provider):
    """Every input row is in the inventory; the MultiPolygon counts with both parts, the rows without a usable
    polygon are flagged, not counted and not dropped."""
    outcome = attempt(
        "habitat:publicspaceinventory",
        {
            **INVENTORY,
            "INPUT": spaces_with_odd_rows(tmp_path),
            "OUTPUT": str(tmp_path / "inv.gpkg"),
            "OUTPUT_SUMMARY": "memory:",
        },
    )
    assert outcome.status == "ok", str(outcome)
    source = ogr.Open(str(tmp_path / "inv.gpkg"))
    rows = [
        (
            feature.GetField("ps_type"),
            feature.GetField("counted"),
            feature.GetField("area_m2"),
            feature.GetField("not_counted_reason"),
        )
        for feature in source.GetLayer(0)
    ]
    source = None
    assert len(rows) == 7
    garden = [row for row in rows if row[0] == "garden"][0]
    assert garden[1] == 1 and abs(garden[2] - 5000.0) < 1e-6
    assert sum(1 for row in rows if row[3] == "no usable polygon geometry") == 2
    assert outcome.results["COUNTED"] == 4 and outcome.results["REPAIRED"] == 1


def test_inventory_cancel_stops_the_district_summary(tmp_path, habitat_provider):
    (tmp_path / "summary.csv").write_text("district,category\nold,park\n", encoding="utf-8")
    before = snapshot(tmp_path)
    feedback = RecordingFeedback(cancel_after_progress=CANCEL_AT["habitat:publicspaceinventory"])
    outcome = attempt(
        "habitat:publicspaceinventory",
        {
            **INVENTORY,
            "DISTRICTS": layer_path("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "OUTPUT": str(tmp_path / "inventory.gpkg"),
            "OUTPUT_SUMMARY": str(tmp_path / "summary.csv"),
        },
        feedback,
    )
    assert_clear(outcome, "cancelled")
    assert "count as open public space" not in outcome.log  # the run's last line
    assert snapshot(tmp_path) == before


def test_district_summary_asks_to_stop():
    class Stop(Exception):
        pass

    def stop(fraction):
        raise Stop()

    with pytest.raises(Stop):
        district_summary([box(0, 0, 1, 1)], ["park"], [True], [box(0, 0, 2, 2)], ["d"], progress=stop)


ACCESS = {
    "STREETS": layer_path("streets"),
    "PUBLIC_SPACES": layer_path("public_spaces"),
    "POPULATION_RASTER": str(SAMPLE_POPULATION),
}


def people_points(folder, values, dx=0.0):
    x, y = sample_extent().centroid.coords[0]
    rows = [(Point(x + dx + 10 * index, y), [value]) for index, value in enumerate(values)]
    return write_layer(folder / "people.gpkg", "people", "Point", 32650, [("total", "real")], rows)


def motorways_only(folder):
    x, y = sample_extent().centroid.coords[0]
    return write_layer(
        folder / "motorways.gpkg",
        "streets",
        "LineString",
        32650,
        [("road_class", "str")],
        [
            (LineString([(x - 1000, y), (x + 1000, y)]), ["motorway"]),
            (LineString([(x, y - 1000), (x, y + 1000)]), ["trunk"]),
        ],
    )


ACCESS_CASES = [
    (
        "public spaces 200 km away",
        lambda t: {"PUBLIC_SPACES": shifted(t, "public_spaces")},
        ["no street reaches a public space"],
        "clear",
    ),
    (
        "urban extent 200 km away",
        lambda t: {"URBAN_EXTENT": shifted(t, "urban_extent")},
        ["inside the urban extent"],
        "clear",
    ),
    (
        "people 200 km away",
        lambda t: {
            "POPULATION_RASTER": None,
            "POPULATION_LAYER": people_points(t, [5, 5], FAR),
            "POPULATION_FIELDS": ["total"],
        },
        ["people.gpkg", "do not overlap"],
        "clear",
    ),
    (
        "negative people only",
        lambda t: {
            "POPULATION_RASTER": None,
            "POPULATION_LAYER": people_points(t, [-5, 0]),
            "POPULATION_FIELDS": ["total"],
        },
        ["people.gpkg", "no people"],
        "clear",
    ),
    ("walking distance of 50 km", lambda t: {"MAX_DISTANCE": 50_000.0}, ["50000", "400 m"], "refused"),
    ("entry tolerance of 500 m", lambda t: {"ENTRY_TOLERANCE": 500.0}, ["500", "entrance"], "refused"),
    ("snapping tolerance of 20 m", lambda t: {"SNAP_TOLERANCE": 20.0}, ["20", "junctions"], "refused"),
    (
        "zero-byte population grid",
        lambda t: {"POPULATION_RASTER": zero_bytes(t / "empty.tif")},
        ["POPULATION_RASTER"],
        "refused",
    ),
    ("motorways only", lambda t: {"STREETS": motorways_only(t)}, ["no walkable street"], "clear"),
    ("streets without geometry", lambda t: {"STREETS": null_streets(t)}, ["no walkable street"], "clear"),
    (
        "unknown population field",
        lambda t: {
            "POPULATION_RASTER": None,
            "POPULATION_LAYER": people_points(t, [5]),
            "POPULATION_FIELDS": ["menschen"],
        },
        ["menschen"],
        "refused",
    ),
    (
        "spaces with odd rows",
        lambda t: {"PUBLIC_SPACES": spaces_with_odd_rows(t)},
        ["repaired (public spaces)", "skipped (public spaces)"],
        "reported",
    ),
    (
        "districts of one name",
        lambda t: {"DISTRICTS": twin_districts(t), "DISTRICT_NAME_FIELD": "name"},
        ["Old town", "more than once"],
        "reported",
    ),
    (
        "a district without people",
        lambda t: {"DISTRICTS": districts_outside(t, False), "DISTRICT_NAME_FIELD": "name"},
        ["1 of 2 districts hold no people", "Beyond"],
        "reported",
    ),
    (
        "some streets without geometry",
        lambda t: {"STREETS": streets_part_null(t)},
        ["without a usable line geometry"],
        "reported",
    ),
    pytest.param(
        "an empty collection among the streets",
        lambda t: {"STREETS": collection_streets(t)},
        ["without a usable line geometry"],
        "reported",
        id="an empty collection among the streets",
    ),
]


@pytest.mark.parametrize(
    "name, change, words, kind",
    ACCESS_CASES,
    ids=[case[0] if isinstance(case, tuple) else case.id for case in ACCESS_CASES],
)
def test_access_hostile(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {
        **ACCESS,
        "OUTPUT_TABLE": str(tmp_path / "access.csv"),
        "OUTPUT_NETWORK": None,
        "OUTPUT_SERVICE_AREA": None,
        "OUTPUT_REPORT": None,
        **change(tmp_path),
    }
    run_case(
        "habitat:publicspaceaccess",
        parameters,
        tmp_path,
        kind,
        words,
        earlier={"access.csv": b"district,pop_group\nold,total\n"},
    )


def test_access_cancel_stops_the_walk(tmp_path, habitat_provider):
    (tmp_path / "access.csv").write_text("district\nold\n", encoding="utf-8")
    before = snapshot(tmp_path)
    feedback = RecordingFeedback(cancel_after_progress=CANCEL_AT["habitat:publicspaceaccess"])
    outcome = attempt(
        "habitat:publicspaceaccess",
        {
            **ACCESS,
            "OUTPUT_TABLE": str(tmp_path / "access.csv"),
            "OUTPUT_NETWORK": None,
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_REPORT": None,
        },
        feedback,
    )
    assert_clear(outcome, "cancelled")
    assert "Street network:" not in outcome.log
    assert snapshot(tmp_path) == before


EXTENT = {"INPUT": str(BUILT_UP)}

EXTENT_CASES = [
    ("circle of 50 km", lambda t: {"CIRCLE_RADIUS": 50_000.0}, ["50000", "564 m"], "refused"),
    ("fringe of 10 km", lambda t: {"FRINGE_DISTANCE": 10_000.0}, ["10000", "100 m"], "refused"),
    ("text file as built-up raster", lambda t: {"INPUT": text_as_raster(t, "built.tif")}, ["INPUT"], "refused"),
    (
        "truncated population grid",
        lambda t: {"POPULATION": damaged_copy(SAMPLE_POPULATION, t / "cut_pop.tif", 0.3)},
        ["cut_pop.tif"],
        "clear",
    ),
    ("zero-byte population grid", lambda t: {"POPULATION": zero_bytes(t / "zero_pop.tif")}, ["POPULATION"], "refused"),
    (
        "nothing built up",
        lambda t: {"INPUT": built_up_grid(t, "empty_city.tif", np.zeros((40, 40)))},
        ["empty_city", "no built-up cell"],
        "clear",
    ),
    (
        "bytes read as shares",
        lambda t: {"INPUT": built_up_grid(t, "bytes.tif", np.full((40, 40), 200.0))},
        ["bytes", "too large"],
        "clear",
    ),
    ("rotated raster", lambda t: {"INPUT": rotated_built_up(t)}, ["rotated"], "clear"),
    ("smallest extent larger than the city", lambda t: {"MIN_EXTENT_AREA": 5000.0}, ["smaller than 5000 km²"], "clear"),
    (
        "earlier raster on another grid",
        lambda t: {
            "EARLIER_BUILT_UP": moved_raster(BUILT_UP, t / "earlier.tif", 1000.0),
            "YEAR": 2020,
            "EARLIER_YEAR": 2000,
        },
        ["earlier", "grid"],
        "clear",
    ),
    (
        "truncated earlier raster",
        lambda t: {
            "EARLIER_BUILT_UP": damaged_copy(BUILT_UP, t / "cut_2000.tif", 0.4),
            "YEAR": 2020,
            "EARLIER_YEAR": 2000,
        },
        ["cut_2000.tif"],
        "clear",
    ),
    (
        "places with odd rows",
        lambda t: {"CITY_NAMES": places(t, place_rows()), "CITY_NAME_FIELD": "name", "POPULATION_FIELD": "pop"},
        ["1 named places without a usable geometry", "repaired (named places)", "negative population", "Minus"],
        "reported",
    ),
    (
        "population 200 km away",
        lambda t: {"POPULATION": moved_raster(SAMPLE_POPULATION, t / "far_pop.tif")},
        ["far_pop", "No one of the population grid"],
        "reported",
    ),
    (
        "unknown population field of the places",
        lambda t: {"CITY_NAMES": places(t, place_rows()), "CITY_NAME_FIELD": "name", "POPULATION_FIELD": "einwohner"},
        ["einwohner"],
        "refused",
    ),
    (
        "text as population field of the places",
        lambda t: {"CITY_NAMES": places(t, place_rows()), "POPULATION_FIELD": "name"},
        ["name"],
        "refused",
    ),
    (
        "cells of 2 km",
        lambda t: {"INPUT": built_up_grid(t, "coarse.tif", np.ones((5, 5)), cell=2000.0)},
        ["coarse", "larger than the radius"],
        "reported",
    ),
    (
        "a raster narrower than the circle",
        lambda t: {"INPUT": built_up_grid(t, "strip.tif", np.ones((2, 40))), "MIN_EXTENT_AREA": 0.0},
        ["strip", "narrower than the circle"],
        "reported",
    ),
    (
        "one name for two extents",
        lambda t: {"MIN_EXTENT_AREA": 0.0, "CITY_NAMES": places(t, twin_places()), "CITY_NAME_FIELD": "name"},
        ["Twin", "more than one urban extent"],
        "reported",
    ),
]


@pytest.mark.parametrize("name, change, words, kind", EXTENT_CASES, ids=[case[0] for case in EXTENT_CASES])
def test_urban_extent_hostile(tmp_path, habitat_provider, name, change, words, kind):
    parameters = {
        **EXTENT,
        "OUTPUT": str(tmp_path / "extent.gpkg"),
        "OUTPUT_CLASSES": str(tmp_path / "classes.tif"),
        **change(tmp_path),
    }
    run_case(
        "habitat:urbanextent", parameters, tmp_path, kind, words, earlier={"classes.tif": b"an earlier classification"}
    )
    if name == "places with odd rows":  # the negative count is left out, the others add up
        rows = read_rows(tmp_path / "extent.gpkg")
        named = [row for row in rows if "Centre" in row["name"]]
        assert named and named[0]["population"] == pytest.approx(1010.0)


def test_urban_extent_cancel(tmp_path, habitat_provider):
    (tmp_path / "classes.tif").write_bytes(b"earlier")
    before = snapshot(tmp_path)
    feedback = RecordingFeedback(cancel_after_progress=CANCEL_AT["habitat:urbanextent"])
    outcome = attempt(
        "habitat:urbanextent",
        {**EXTENT, "OUTPUT": str(tmp_path / "extent.gpkg"), "OUTPUT_CLASSES": str(tmp_path / "classes.tif")},
        feedback,
    )
    assert_clear(outcome, "cancelled")
    assert "urban extent" not in outcome.log.split("kind:")[-1]  # no extent was logged after the raster was read
    assert snapshot(tmp_path) == before


# --- property tests of the readers and parsers ------------------------------------------------------------------

cell = st.one_of(st.none(), st.text(max_size=8), st.floats(), st.integers(min_value=-(10**30), max_value=10**30))


@QUICK
@given(st.lists(cell, max_size=8))
def test_any_class_table_is_finite_numbers_or_a_clear_error(table):
    try:
        values = class_values(table)
    except HabitatError as error:
        assert str(error)
        return
    assert len(table) % 2 == 0
    assert all(name and name == name.strip().lower() for name in values)
    assert all(math.isfinite(value) for value in values.values())


@QUICK
@given(st.lists(cell, max_size=8), st.floats())
def test_any_width_table_is_a_plausible_policy_or_a_clear_error(table, default):
    try:
        policy = policy_from_table(table, default)
    except HabitatError as error:
        assert str(error)
        return
    widths = list(policy.class_widths.values()) + [policy.default_width]
    assert all(MIN_WIDTH_M <= width <= MAX_WIDTH_M for width in widths)
    result = policy.width(None, table[0] if table else None)
    assert result.source in SOURCES and MIN_WIDTH_M <= result.width <= MAX_WIDTH_M


@QUICK
@given(
    st.one_of(
        st.text(max_size=20),
        st.floats(),
        st.integers(),
        st.none(),
        st.booleans(),
        st.from_regex(r"~?-?\d{1,4}([.,]\d{1,3})?\s?(m|cm|ft|'|\")?(\s?-\s?\d{1,3})?", fullmatch=True),
    )
)
def test_any_width_value_is_read_or_counted(value):
    reading = parse_width(value)
    if reading.status == OK:
        assert MIN_WIDTH_M <= reading.metres <= MAX_WIDTH_M
    elif reading.status == REJECTED:
        assert not MIN_WIDTH_M <= reading.metres <= MAX_WIDTH_M
    else:
        assert reading.metres is None


@QUICK
@given(st.text(alphabet="0123456789.,;- einfa", max_size=16))
def test_any_threshold_text_is_increasing_positive_numbers_or_a_clear_error(text):
    from habitat_planning_plugin.processing.public_space.public_space_inventory import parse_thresholds

    try:
        values = parse_thresholds(text)
    except HabitatError as error:
        assert text in str(error)
        return
    assert values and values[0] > 0 and all(math.isfinite(v) for v in values)
    assert all(b > a for a, b in zip(values, values[1:]))


@pytest.fixture(scope="module")
def raster_bytes():
    return BUILT_UP.read_bytes(), SAMPLE_POPULATION.read_bytes()


@QUICK
@given(data=st.data())
def test_any_damaged_raster_is_read_or_named(tmp_path_factory, raster_bytes, data):
    """A built-up or population GeoTIFF cut anywhere, or with bytes flipped, is read or named in a HabitatError."""
    from qgis.core import QgsProcessingFeedback, QgsRasterLayer

    from habitat_planning_plugin.raster_io import open_raster, read_array, read_built_up

    which = data.draw(st.sampled_from([0, 1]))
    content = bytearray(raster_bytes[which])
    cut = data.draw(st.integers(min_value=0, max_value=len(content)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(content) - 1), st.integers(0, 255)), max_size=4))
    for position, value in flips:
        content[position] = value
    folder = tmp_path_factory.mktemp("raster")
    path = folder / f"damaged_{cut}.tif"
    path.write_bytes(bytes(content[:cut]))
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        if which == 0:
            layer = QgsRasterLayer(str(path), "damaged")
            try:
                grid = read_built_up(layer, 1, ue.SHARE, "share", QgsProcessingFeedback())
            except HabitatError as error:
                assert path.name in str(error) or "damaged" in str(error)
            else:
                assert grid.valid.shape == grid.share.shape
        else:
            try:
                dataset = open_raster(str(path), "population")
                values = read_array(dataset.GetRasterBand(1), str(path), "population")
            except HabitatError as error:
                assert path.name in str(error)
            else:
                assert values.ndim == 2
    finally:
        gdal.PopErrorHandler()


@QUICK
@given(
    st.lists(st.one_of(st.floats(), st.just(-9999.0)), min_size=4, max_size=36),
    st.floats(min_value=1.0, max_value=1000.0),
    st.floats(min_value=-1e6, max_value=1e6),
)
@example([0.0, 1.797693134862315e308, -9999.0, -9999.0], 41.0, 15.0)  # k*k shares of the float maximum overflowed
def test_people_per_extent_never_invents_people(values, cell_size, shift):
    """Any population values (nan, inf, negative, nodata): the totals are finite, never negative and never more
    than the positive finite people of the grid."""
    side = int(math.sqrt(len(values)))
    population = np.asarray(values[: side * side], dtype=float).reshape(side, side)
    labels = np.zeros((10, 10), dtype=np.int32)
    labels[2:6, 2:6] = 1
    valid = population != -9999.0
    with np.errstate(all="ignore"):
        totals = ue.population_by_extent(
            labels,
            (0.0, 10.0, 0.0, 100.0, 0.0, -10.0),
            1,
            population,
            (shift, cell_size, 0.0, 100.0, 0.0, -cell_size),
            valid,
        )
        people = population[valid & np.isfinite(population) & (population > 0)].sum()
    if not math.isfinite(people):
        return  # more people than a float holds: no total can be checked against it
    assert np.all(np.isfinite(totals)) and np.all(totals >= 0)
    assert totals.sum() <= people * (1 + 1e-9) + 1e-9
