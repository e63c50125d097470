"""Hostile input for the spatial development framework tools (functional analysis, development index,
accessibility, investment priorities): every case is refused or fails with a message naming the problem, or runs
and reports what it left out or repaired — never a traceback — and a failed run leaves the folder as it was."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import ogr, osr

from test.hostile.hostile import RecordingFeedback, assert_clear, assert_reported, attempt, snapshot, unchanged

X0, Y0 = 500_000.0, 3_500_000.0
GEOMETRY = {
    "Point": ogr.wkbPoint,
    "MultiPoint": ogr.wkbMultiPoint,
    "Polygon": ogr.wkbPolygon,
    "LineString": ogr.wkbLineString,
}
FIELD = {"int": ogr.OFTInteger, "real": ogr.OFTReal, "str": ogr.OFTString}
COLUMNS = [
    ("name", "str"),
    ("level", "int"),
    ("centrality", "real"),
    ("dev", "real"),
    ("minutes", "real"),
    ("school", "int"),
    ("market", "int"),
    ("bank", "int"),
    ("label", "str"),
]


def write(path, name, kind, fields, rows, epsg=32650):
    """A GeoPackage layer; rows are (WKT, "EMPTY" or None, [values])."""
    driver = ogr.GetDriverByName("GPKG")
    source = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer(name, srs, GEOMETRY[kind], ["OVERWRITE=YES"])
    for field_name, field_kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, FIELD[field_kind]))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field_name, _), value in zip(fields, values):
            if value is not None:
                feature.SetField(field_name, value)
        if wkt == "EMPTY":
            feature.SetGeometry(ogr.Geometry(GEOMETRY[kind]))
        elif wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = None
    return f"{path}|layername={name}"


def town_values(k):
    """name, level, centrality, dev, minutes, school, market, bank, label of settlement k (0..6)."""
    level = 1 if k == 0 else 2 if k == 6 else 3
    return [
        f"S{k}",
        level,
        100.0 if k == 0 else 25.0 if k == 6 else 5.0,
        10.0 + 7 * k,
        5.0 + 4 * k,
        0 if k == 5 else 1,
        1 if k in (0, 3, 6) else 0,
        1 if k == 0 else 0,
        "x",
    ]


def point_wkt(k, kind="Point"):
    x, y = X0 + 10_000 * k, Y0 + 100
    return f"MULTIPOINT(({x} {y}))" if kind == "MultiPoint" else f"POINT({x} {y})"


def sector_wkt(k):
    x = X0 + 10_000 * k - 5000
    return (
        f"POLYGON(({x} {Y0 - 5000},{x + 10_000} {Y0 - 5000},{x + 10_000} {Y0 + 5000},{x} {Y0 + 5000},{x} {Y0 - 5000}))"
    )


BOWTIE = (
    f"POLYGON(({X0 + 55_000} {Y0 - 5000},{X0 + 65_000} {Y0 + 5000},{X0 + 65_000} {Y0 - 5000},"
    f"{X0 + 55_000} {Y0 + 5000},{X0 + 55_000} {Y0 - 5000}))"
)  # sector S6 drawn as a bow tie


def towns(folder, kind="Point", change=None, extra=()):
    """Seven settlements along a road (S0 the top centre, S6 a second one), optionally changed: {k: WKT or None}."""
    rows = []
    for k in range(7):
        wkt = sector_wkt(k) if kind == "Polygon" else point_wkt(k, kind)
        if change and k in change:
            wkt = change[k]
        rows.append((wkt, town_values(k)))
    rows.extend(extra)
    return write(folder / "towns.gpkg", "towns", kind, COLUMNS, rows)


def roads(folder):
    rows = [
        (f"LINESTRING({X0} {Y0},{X0 + 30_000} {Y0})", ["primary"]),
        (f"LINESTRING({X0 + 30_000} {Y0},{X0 + 60_000} {Y0})", ["primary"]),
    ]
    return write(folder / "roads.gpkg", "roads", "LineString", [("highway", "str")], rows)


def facilities(folder, kind="Point", extra=()):
    rows = [
        (f"POINT({X0 + 10_000 * k + 50} {Y0 + 100})", [function])
        for function, k in (
            ("school", 0),
            ("school", 1),
            ("school", 2),
            ("school", 3),
            ("school", 4),
            ("school", 6),
            ("market", 0),
            ("market", 3),
            ("market", 6),
            ("bank", 0),
        )
    ]
    if kind == "MultiPoint":
        rows = [(wkt.replace("POINT(", "MULTIPOINT((") + ")", values) for wkt, values in rows]
    rows.extend(extra)
    return write(folder / "facilities.gpkg", "facilities", kind, [("kind", "str")], rows)


def with_towns(folder, parameters):
    """The default settlements, written only when the case gives none of its own (writing them would replace it)."""
    for key in ("SETTLEMENTS", "INPUT"):
        if key in parameters and parameters[key] is None:
            parameters[key] = towns(folder)
    return parameters


def read_geometries(path):
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    result = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        result.append(None if geometry is None else geometry.ExportToWkt())
    return result


def no_nan_points(path) -> bool:
    return all(wkt is None or "nan" not in wkt.lower() for wkt in read_geometries(path))


# --- functional analysis --------------------------------------------------------------------------------------

FUNCTIONS = "habitat:sdffunctions"


def functions_parameters(folder, **changes):
    parameters = {
        "SETTLEMENTS": None,
        "NAME_FIELD": "name",
        "PRESENCE_FIELDS": ["school", "market", "bank"],
        "OUTPUT": str(folder / "hierarchy.gpkg"),
        "OUTPUT_SCALOGRAM": str(folder / "scalogram.gpkg"),
        "OUTPUT_REPORT": None,
    }
    parameters.update(changes)
    return with_towns(folder, parameters)


@pytest.mark.parametrize(
    "thresholds, words",
    [
        ("nan", ["Thresholds", "nan"]),
        ("20, inf", ["Thresholds", "inf"]),
        ("1, 2, 3, 4, 5, 6, 7, 8, 9, 10", ["10 thresholds", "at most 6"]),
        ("100, 50", ["increasing"]),
        ("-5, 50", ["negative"]),
        ("", ["thresholds"]),
        ("ten, twenty", ["Thresholds", "ten"]),
    ],
)
def test_functions_refuses_bad_thresholds(tmp_path, habitat_provider, thresholds, words):
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, METHOD=2, THRESHOLDS=thresholds))
    assert outcome.status == "refused"
    assert_clear(outcome, *words)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"MAX_DISTANCE": 100_000.0}, ["100000", "implausible"]),
        ({"PRESENCE_FIELDS": ["school", "nope"]}, ["nope"]),
        ({"PRESENCE_FIELDS": ["school", "label"]}, ["label", "text"]),
        ({"PRESENCE_FIELDS": []}, ["facility points or as function columns"]),
        ({"NAME_FIELD": "missing_name"}, ["missing_name"]),
    ],
)
def test_functions_refuses_bad_parameters(tmp_path, habitat_provider, changes, words):
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, **changes))
    assert_clear(outcome, *words)


def test_functions_refuses_facilities_and_columns_together(tmp_path, habitat_provider):
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, FACILITIES=facilities(tmp_path), FUNCTION_FIELD="kind"))
    assert_clear(outcome, "not both")
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, FACILITIES=facilities(tmp_path), PRESENCE_FIELDS=[]))
    assert_clear(outcome, "function field")


def test_functions_single_part_multipoints_are_used_as_points(tmp_path, habitat_provider):
    settlements = towns(tmp_path, "MultiPoint")
    outcome = attempt(
        FUNCTIONS,
        functions_parameters(
            tmp_path,
            SETTLEMENTS=settlements,
            PRESENCE_FIELDS=[],
            FACILITIES=facilities(tmp_path, "MultiPoint"),
            FUNCTION_FIELD="kind",
        ),
    )
    assert outcome.status == "ok", str(outcome)
    assert outcome.results["SETTLEMENTS"] == 7 and outcome.results["FUNCTIONS"] == 3


def test_functions_refuses_a_settlement_of_several_points_and_leaves_the_folder(tmp_path, habitat_provider):
    two = f"MULTIPOINT(({X0} {Y0}),({X0 + 40_000} {Y0}))"
    settlements = towns(tmp_path, "MultiPoint", {3: two})
    (tmp_path / "hierarchy.gpkg").write_bytes(b"an earlier result")
    before = snapshot(tmp_path)
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, SETTLEMENTS=settlements))
    assert_clear(outcome, "several points", "4")  # feature id 4 (GeoPackage ids start at 1)
    assert unchanged(tmp_path, before)


def test_functions_refuses_a_facility_of_several_points(tmp_path, habitat_provider):
    points = facilities(tmp_path, "MultiPoint", [(f"MULTIPOINT(({X0} {Y0}),({X0 + 1} {Y0}))", ["clinic"])])
    outcome = attempt(
        FUNCTIONS, functions_parameters(tmp_path, PRESENCE_FIELDS=[], FACILITIES=points, FUNCTION_FIELD="kind")
    )
    assert_clear(outcome, "facilities", "several points", "11")


def test_functions_skips_settlements_without_geometry_and_writes_no_nan(tmp_path, habitat_provider):
    settlements = towns(tmp_path, change={2: None, 4: "EMPTY"})
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, SETTLEMENTS=settlements))
    assert_reported(outcome, "2 features without a usable geometry", "3, 5")
    assert outcome.results["SETTLEMENTS"] == 5
    assert len(read_geometries(tmp_path / "hierarchy.gpkg")) == 5 and no_nan_points(tmp_path / "hierarchy.gpkg")


def test_functions_skips_facilities_without_geometry_or_function(tmp_path, habitat_provider):
    points = facilities(tmp_path, extra=[(None, ["clinic"]), ("EMPTY", ["clinic"]), (f"POINT({X0} {Y0})", [None])])
    outcome = attempt(
        FUNCTIONS, functions_parameters(tmp_path, PRESENCE_FIELDS=[], FACILITIES=points, FUNCTION_FIELD="kind")
    )
    assert_reported(outcome, "facilities: 2 features without a usable geometry", "1 facilities have no value")


def test_functions_repairs_a_self_intersecting_sector(tmp_path, habitat_provider):
    sectors = towns(tmp_path, "Polygon", {6: BOWTIE})
    outcome = attempt(
        FUNCTIONS,
        functions_parameters(
            tmp_path,
            SETTLEMENTS=sectors,
            PRESENCE_FIELDS=[],
            FACILITIES=facilities(tmp_path),
            FUNCTION_FIELD="kind",
            OUTPUT_REPORT=str(tmp_path / "report.html"),
        ),
    )
    assert_reported(outcome, "1 invalid polygons were repaired")
    assert (tmp_path / "report.html").exists()


def test_functions_reports_missing_and_negative_presence_values(tmp_path, habitat_provider):
    extra = [(f"POINT({X0 + 1000} {Y0 + 3000})", ["N", 3, 1.0, 1.0, 1.0, None, -2, 0, "x"])]
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, extra=extra)))
    assert_reported(outcome, "school: 1 settlements have no value", "market: 1 settlements have a negative value")


def test_functions_function_names_that_clash_as_fields(tmp_path, habitat_provider):
    points = facilities(
        tmp_path,
        extra=[
            (f"POINT({X0 + 50} {Y0 + 100})", ["fid"]),
            (f"POINT({X0 + 50} {Y0 + 100})", ["School"]),
            (f"POINT({X0 + 50} {Y0 + 100})", ["centrality"]),
        ],
    )
    outcome = attempt(
        FUNCTIONS, functions_parameters(tmp_path, PRESENCE_FIELDS=[], FACILITIES=points, FUNCTION_FIELD="kind")
    )
    assert outcome.status == "ok", str(outcome)
    assert outcome.results["FUNCTIONS"] == 6


def test_functions_too_few_settlements_or_levels(tmp_path, habitat_provider):
    single = write(
        tmp_path / "one.gpkg", "one", "Point", COLUMNS, [(point_wkt(0), town_values(0)), (None, town_values(1))]
    )
    assert_clear(attempt(FUNCTIONS, functions_parameters(tmp_path, SETTLEMENTS=single)), "two settlements", "1")
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, CLASSES=6))
    assert_clear(outcome, "6 hierarchy levels")


# --- development index ----------------------------------------------------------------------------------------

INDEX = "habitat:sdfdevelopmentindex"


def index_parameters(folder, **changes):
    parameters = {
        "INPUT": None,
        "NAME_FIELD": "name",
        "INDICATORS": ["dev", "minutes"],
        "NEGATIVE": ["minutes"],
        "CLASSES": 3,
        "OUTPUT": str(folder / "index.gpkg"),
        "OUTPUT_SENSITIVITY": str(folder / "sensitivity.gpkg"),
        "OUTPUT_REPORT": None,
    }
    parameters.update(changes)
    return with_towns(folder, parameters)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"INDICATORS": ["dev", "label"]}, ["label", "text"]),
        ({"INDICATORS": ["dev", "nope"]}, ["nope"]),
        ({"WEIGHTS": "1, nan"}, ["Weights", "nan"]),
        ({"WEIGHTS": "inf, 1"}, ["Weights", "inf"]),
        ({"WEIGHTS": "1, -1"}, ["negative"]),
        ({"WEIGHTS": "0, 0"}, ["all zero"]),
        ({"WEIGHTS": "1, 2, 3"}, ["Give 2 weights"]),
        ({"NEGATIVE": ["centrality"]}, ["centrality", "not indicators"]),
        ({"INDICATORS": ["dev", "dev"], "NEGATIVE": []}, ["dev", "more than once"]),
        ({"NORMALISATION": 1, "AGGREGATION": 1}, ["Geometric", "min-max"]),
    ],
)
def test_index_refuses_bad_parameters(tmp_path, habitat_provider, changes, words):
    parameters = index_parameters(tmp_path, **changes)
    before = snapshot(tmp_path)
    outcome = attempt(INDEX, parameters)
    assert outcome.status == "refused"
    assert_clear(outcome, *words)
    assert unchanged(tmp_path, before)


def test_index_constant_and_empty_indicators(tmp_path, habitat_provider):
    outcome = attempt(INDEX, index_parameters(tmp_path, INDICATORS=["dev", "school"], NEGATIVE=[]))
    assert outcome.status == "ok", str(outcome)  # school: 0 and 1, not constant
    extra = [(point_wkt(7), ["S7", 3, 5.0, None, 5.0, 1, 0, 0, "x"])]
    settlements = towns(tmp_path, extra=extra)
    outcome = attempt(
        INDEX, index_parameters(tmp_path, INPUT=settlements, INDICATORS=["dev", "bank"], NEGATIVE=[], MISSING=2)
    )
    assert_reported(outcome, "dev: 1 settlements have no value", "1 settlements get no index", "S7")


def test_index_constant_indicator_is_a_clear_error(tmp_path, habitat_provider):
    parameters = index_parameters(
        tmp_path,
        INDICATORS=["dev", "level"],
        NEGATIVE=[],
        INPUT=write(
            tmp_path / "flat.gpkg",
            "flat",
            "Point",
            COLUMNS,
            [(point_wkt(k), town_values(k)[:1] + [3] + town_values(k)[2:]) for k in range(4)],
        ),
    )
    (tmp_path / "index.gpkg").write_bytes(b"an earlier index")
    before = snapshot(tmp_path)
    outcome = attempt(INDEX, parameters)
    assert_clear(outcome, "level", "same value everywhere")
    assert unchanged(tmp_path, before)


def test_index_all_missing_indicator(tmp_path, habitat_provider):
    rows = [(point_wkt(k), town_values(k)[:3] + [None] + town_values(k)[4:]) for k in range(4)]
    outcome = attempt(
        INDEX, index_parameters(tmp_path, INPUT=write(tmp_path / "none.gpkg", "none", "Point", COLUMNS, rows))
    )
    assert_clear(outcome, "dev", "no values")


def test_index_settlements_without_geometry_keep_no_nan_points(tmp_path, habitat_provider):
    outcome = attempt(
        INDEX,
        index_parameters(
            tmp_path, INPUT=towns(tmp_path, change={1: "EMPTY", 2: None}), OUTPUT_REPORT=str(tmp_path / "report.html")
        ),
    )
    assert outcome.status == "ok", str(outcome)
    geometries = read_geometries(tmp_path / "index.gpkg")
    assert len(geometries) == 7 and no_nan_points(tmp_path / "index.gpkg")


def test_index_too_few_distinct_values_for_the_classes(tmp_path, habitat_provider):
    outcome = attempt(INDEX, index_parameters(tmp_path, INDICATORS=["bank"], NEGATIVE=[], CLASSES=5))
    assert_reported(outcome, "too few for 5 classes")


def test_index_infinite_values_are_counted(tmp_path, habitat_provider):
    extra = [(point_wkt(7), ["S7", 3, 5.0, math.inf, 5.0, 1, 0, 0, "x"])]
    outcome = attempt(INDEX, index_parameters(tmp_path, INPUT=towns(tmp_path, extra=extra)))
    assert_reported(outcome, "dev: 1 settlements have an infinite value")
    from test.helpers import read_rows

    rows = {row["name"]: row for row in read_rows(tmp_path / "index.gpkg")}
    assert all(rows[f"S{k}"]["dev_index"] is not None for k in range(7))  # the others keep their scale
    assert rows["S6"]["n_dev"] == 1.0 and rows["S0"]["n_dev"] == 0.0


def test_index_multipoints_pass_through(tmp_path, habitat_provider):
    outcome = attempt(INDEX, index_parameters(tmp_path, INPUT=towns(tmp_path, "MultiPoint")))
    assert outcome.status == "ok", str(outcome)


# --- accessibility --------------------------------------------------------------------------------------------

ACCESS = "habitat:sdfaccessibility"


def access_parameters(folder, **changes):
    parameters = {
        "SETTLEMENTS": None,
        "NAME_FIELD": "name",
        "LEVEL_FIELD": "level",
        "MASS_FIELD": "centrality",
        "ROADS": roads(folder),
        "CLASS_FIELD": "highway",
        "SPEEDS": ["primary", 60],
        "OFF_ROAD_SPEED": 6.0,
        "OUTPUT": str(folder / "access.gpkg"),
        "OUTPUT_ZONES": str(folder / "zones.gpkg"),
        "OUTPUT_ISOCHRONES": str(folder / "bands.gpkg"),
    }
    parameters.update(changes)
    return with_towns(folder, parameters)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"SPEEDS": ["primary", 0]}, ["primary", "above 0"]),
        ({"SPEEDS": ["primary", 5000]}, ["primary", "5000"]),
        ({"SPEEDS": ["primary", "fast"]}, ["fast", "primary"]),
        ({"SPEEDS": ["primary", "nan"]}, ["primary", "nan"]),
        ({"DEFAULT_SPEED": 1000.0}, ["Default speed", "implausible"]),
        ({"OFF_ROAD_SPEED": 120.0}, ["Off-road speed", "implausible"]),
        ({"MAX_OFF_ROAD": 100_000.0}, ["Largest distance", "implausible"]),
        ({"DECAY": 50.0}, ["decay", "implausible"]),
        ({"BANDS": "15, nan"}, ["Isochrone bands", "nan"]),
        ({"BANDS": "0, 30"}, ["Isochrone bands"]),
        ({"BANDS": "15, 100000"}, ["a day"]),
        ({"LEVEL_FIELD": "nope"}, ["nope"]),
        ({"MASS_FIELD": "label"}, ["label", "text"]),
    ],
)
def test_access_refuses_bad_parameters(tmp_path, habitat_provider, changes, words):
    outcome = attempt(ACCESS, access_parameters(tmp_path, **changes))
    assert outcome.status == "refused"
    assert_clear(outcome, *words)


def test_access_single_part_multipoints_are_used_as_points(tmp_path, habitat_provider):
    outcome = attempt(ACCESS, access_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, "MultiPoint")))
    assert outcome.status == "ok", str(outcome)
    assert outcome.results["CENTRES"] == 2 and outcome.results["UNCONNECTED"] == 0


def test_access_refuses_a_settlement_of_several_points_and_leaves_the_folder(tmp_path, habitat_provider):
    two = f"MULTIPOINT(({X0} {Y0}),({X0 + 40_000} {Y0}))"
    parameters = access_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, "MultiPoint", {5: two}))
    (tmp_path / "access.gpkg").write_bytes(b"earlier")
    before = snapshot(tmp_path)
    outcome = attempt(ACCESS, parameters)
    assert_clear(outcome, "several points", "6")
    assert unchanged(tmp_path, before)


def test_access_skips_settlements_without_geometry(tmp_path, habitat_provider):
    outcome = attempt(ACCESS, access_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, change={2: None, 3: "EMPTY"})))
    assert_reported(outcome, "2 features without a usable geometry", "3, 4")
    assert len(read_geometries(tmp_path / "access.gpkg")) == 5 and no_nan_points(tmp_path / "access.gpkg")


def test_access_repairs_a_self_intersecting_sector(tmp_path, habitat_provider):
    outcome = attempt(ACCESS, access_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, "Polygon", {6: BOWTIE})))
    assert_reported(outcome, "1 invalid polygons were repaired")
    assert outcome.results["CENTRES"] == 2


@pytest.mark.parametrize(
    "change, words",
    [
        ({0: 0.0}, ["centrality", "S0"]),  # a centre without mass
        ({0: None}, ["centrality", "S0"]),
    ],
)
def test_access_centre_without_mass(tmp_path, habitat_provider, change, words):
    rows = []
    for k in range(7):
        values = town_values(k)
        if k in change:
            values[2] = change[k]
        rows.append((point_wkt(k), values))
    parameters = access_parameters(tmp_path, SETTLEMENTS=write(tmp_path / "m.gpkg", "m", "Point", COLUMNS, rows))
    before = snapshot(tmp_path)
    outcome = attempt(ACCESS, parameters)
    assert_clear(outcome, *words)
    assert unchanged(tmp_path, before)


def test_access_levels_that_are_not_levels(tmp_path, habitat_provider):
    rows = [
        (point_wkt(k), town_values(k)[:1] + [0 if k == 3 else town_values(k)[1]] + town_values(k)[2:]) for k in range(7)
    ]
    outcome = attempt(
        ACCESS, access_parameters(tmp_path, SETTLEMENTS=write(tmp_path / "l.gpkg", "l", "Point", COLUMNS, rows))
    )
    assert_clear(outcome, "level", "1, 2, 3")


def test_access_no_centres_and_roads_without_lines(tmp_path, habitat_provider):
    assert_clear(attempt(ACCESS, access_parameters(tmp_path, CENTRE_MAX_LEVEL=1, LEVEL_FIELD="minutes")), "no centres")
    assert_clear(attempt(ACCESS, access_parameters(tmp_path, ROADS=_null_roads(tmp_path))), "no lines")


def _null_roads(folder):
    return write(
        folder / "null_roads.gpkg",
        "roads",
        "LineString",
        [("highway", "str")],
        [(None, ["primary"]), ("EMPTY", ["primary"])],
    )


def test_access_cancel_leaves_the_folder_as_it_was(tmp_path, habitat_provider):
    parameters = access_parameters(tmp_path)
    (tmp_path / "zones.gpkg").write_bytes(b"earlier zones")
    before = snapshot(tmp_path)
    outcome = attempt(ACCESS, parameters, RecordingFeedback(cancel_after_progress=15))
    assert_clear(outcome, "Cancelled")
    assert unchanged(tmp_path, before)


def test_access_after_functions_with_a_settlement_without_geometry(tmp_path, habitat_provider):
    """The chain of the SDF model: a settlement without geometry is left out by the first step, not written as
    POINT(nan nan) that the next step cannot use."""
    first = attempt(
        FUNCTIONS,
        functions_parameters(
            tmp_path,
            SETTLEMENTS=towns(tmp_path, change={4: "EMPTY"}),
            METHOD=2,
            THRESHOLDS="20, 100",
            OUTPUT_REPORT=str(tmp_path / "report.html"),
        ),
    )
    assert_reported(first, "1 features without a usable geometry")
    outcome = attempt(ACCESS, access_parameters(tmp_path, SETTLEMENTS=str(tmp_path / "hierarchy.gpkg")))
    assert outcome.status == "ok", str(outcome)
    assert no_nan_points(tmp_path / "access.gpkg")


# --- investment priorities ------------------------------------------------------------------------------------

PRIORITY = "habitat:sdfpriority"


def priority_parameters(folder, **changes):
    parameters = {
        "SETTLEMENTS": None,
        "NAME_FIELD": "name",
        "DEVELOPMENT_FIELD": "dev",
        "TRAVEL_TIME_FIELD": "minutes",
        "CENTRALITY_FIELD": "centrality",
        "OUTPUT": str(folder / "priority.gpkg"),
        "OUTPUT_REPORT": None,
    }
    parameters.update(changes)
    return with_towns(folder, parameters)


def corridor(folder, null=False):
    rows = (
        [(None, []), ("EMPTY", [])]
        if null
        else [(f"LINESTRING({X0 + 20_000} {Y0 - 9000},{X0 + 20_000} {Y0 + 9000})", [])]
    )
    return write(folder / "corridor.gpkg", "corridor", "LineString", [], rows)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"WEIGHTS": "1, 1, nan, 1, 1, 1"}, ["weights", "nan"]),
        ({"WEIGHTS": "1, 1, 1, 1, 1"}, ["Give 6 component weights"]),
        ({"WEIGHTS": "1, -1, 1, 1, 1, 1"}, ["none negative"]),
        ({"WEIGHTS": "0, 0, 0, 1, 1, 1"}, ["need", "weight above 0"]),
        ({"DEVELOPMENT_FIELD": None, "TRAVEL_TIME_FIELD": None, "CENTRALITY_FIELD": None}, ["nothing to rank by"]),
        ({"SERVICE_MINUTES": 100_000.0}, ["Service time", "implausible"]),
        ({"CORRIDOR_DISTANCE": 100_000.0}, ["Corridor distance", "implausible"]),
        ({"TRAVEL_TIME_FIELD": "nope"}, ["nope"]),
        ({"TRAVEL_TIME_FIELD": "label"}, ["label", "text"]),
    ],
)
def test_priority_refuses_bad_parameters(tmp_path, habitat_provider, changes, words):
    outcome = attempt(PRIORITY, priority_parameters(tmp_path, **changes))
    assert outcome.status == "refused"
    assert_clear(outcome, *words)


def test_priority_a_village_without_road_gets_the_largest_need(tmp_path, habitat_provider):
    extra = [(f"POINT({X0 + 30_000} {Y0 + 20_000})", ["Far", 3, 5.0, 40.0, None, 1, 0, 0, "x"])]
    report = tmp_path / "priority.html"
    outcome = attempt(
        PRIORITY,
        priority_parameters(
            tmp_path,
            SETTLEMENTS=towns(tmp_path, extra=extra),
            DEVELOPMENT_FIELD=None,
            CENTRALITY_FIELD=None,
            OUTPUT_REPORT=str(report),
        ),
    )
    assert_reported(outcome, "1 settlements have no travel time", "largest travel-time need", "Far")
    from test.helpers import read_rows

    rows = {row["name"]: row for row in read_rows(tmp_path / "priority.gpkg")}
    assert rows["Far"]["priority_rank"] == 1
    assert rows["Far"]["p_far_from_centre"] == max(row["p_far_from_centre"] for row in rows.values())
    if report.exists():  # written when matplotlib is installed
        assert "largest travel-time need" in report.read_text(encoding="utf-8")


def test_priority_negative_travel_time_is_refused(tmp_path, habitat_provider):
    extra = [(point_wkt(7), ["Odd", 3, 5.0, 40.0, -30.0, 1, 0, 0, "x"])]
    parameters = priority_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, extra=extra))
    before = snapshot(tmp_path)
    outcome = attempt(PRIORITY, parameters)
    assert_clear(outcome, "minutes", "1 negative")
    assert unchanged(tmp_path, before)


def test_priority_corridors_without_lines(tmp_path, habitat_provider):
    outcome = attempt(PRIORITY, priority_parameters(tmp_path, CORRIDORS=corridor(tmp_path, null=True)))
    assert_clear(outcome, "corridor", "no lines")


def test_priority_settlements_without_geometry_and_corridors(tmp_path, habitat_provider):
    outcome = attempt(
        PRIORITY,
        priority_parameters(
            tmp_path,
            SETTLEMENTS=towns(tmp_path, change={1: None, 2: "EMPTY"}),
            CORRIDORS=corridor(tmp_path),
            OUTPUT_REPORT=str(tmp_path / "report.html"),
        ),
    )
    assert_reported(outcome, "2 settlements have no geometry", "S1", "S2")
    assert no_nan_points(tmp_path / "priority.gpkg")


def test_priority_bowtie_sectors_and_multipoints(tmp_path, habitat_provider):
    outcome = attempt(
        PRIORITY,
        priority_parameters(
            tmp_path,
            SETTLEMENTS=towns(tmp_path, "Polygon", {6: BOWTIE}),
            CORRIDORS=corridor(tmp_path),
            OUTPUT_REPORT=str(tmp_path / "report.html"),
        ),
    )
    assert outcome.status == "ok", str(outcome)
    outcome = attempt(
        PRIORITY, priority_parameters(tmp_path, SETTLEMENTS=_multipoint_towns(tmp_path), CORRIDORS=corridor(tmp_path))
    )
    assert outcome.status == "ok", str(outcome)


def _multipoint_towns(folder):
    rows = [(point_wkt(k, "MultiPoint"), town_values(k)) for k in range(7)]
    return write(folder / "multi.gpkg", "multi", "MultiPoint", COLUMNS, rows)


def test_priority_infinite_and_missing_values_are_reported(tmp_path, habitat_provider):
    extra = [(point_wkt(7), ["Inf", 3, math.inf, None, 20.0, 1, 0, 0, "x"])]
    outcome = attempt(PRIORITY, priority_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, extra=extra)))
    assert_reported(outcome, "centrality: 1 settlements have an infinite value", "no value for low development")


# --- parsers (property-based) ---------------------------------------------------------------------------------

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(st.text(max_size=40))
def test_threshold_parser_takes_any_text(habitat_provider, text):
    from habitat_planning_plugin.core.text import HabitatError
    from habitat_planning_plugin.processing.sdf.sdf_functions import parse_thresholds

    try:
        thresholds = parse_thresholds(text)
    except HabitatError as error:
        assert str(error)
        return
    assert 1 <= len(thresholds) <= 6 and all(math.isfinite(t) and t >= 0 for t in thresholds)
    assert all(b > a for a, b in zip(thresholds, thresholds[1:]))


@PROPERTY
@given(
    st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10)), max_size=9),
    st.sampled_from([",", ";", ", "]),
)
def test_number_parsers_take_any_list(habitat_provider, numbers, separator):
    from habitat_planning_plugin.core.text import HabitatError
    from habitat_planning_plugin.processing.sdf.sdf_accessibility import parse_bands
    from habitat_planning_plugin.processing.sdf.sdf_development_index import parse_weights
    from habitat_planning_plugin.processing.sdf.sdf_functions import parse_thresholds
    from habitat_planning_plugin.processing.sdf.sdf_priority import parse_component_weights

    text = separator.join(str(number) for number in numbers)
    for parse in (parse_bands, lambda t: parse_weights(t, len(numbers)), parse_component_weights, parse_thresholds):
        try:
            parsed = parse(text)
        except HabitatError as error:
            assert str(error)
            continue
        values = list(parsed.values()) if isinstance(parsed, dict) else list(parsed or [])
        assert all(math.isfinite(value) and value >= 0 for value in values), (text, parsed)


@PROPERTY
@given(st.lists(st.one_of(st.text(max_size=6), st.floats(), st.integers(-1000, 1000), st.none()), max_size=8))
def test_speed_table_takes_any_matrix(habitat_provider, flat):
    from habitat_planning_plugin.core.sdf.accessibility import MAX_SPEED_KMH, speed_table
    from habitat_planning_plugin.core.text import HabitatError

    try:
        table = speed_table(flat)
    except HabitatError as error:
        assert str(error)
        return
    assert all(0 < speed <= MAX_SPEED_KMH for speed in table.values())


def test_access_roads_of_another_region(tmp_path, habitat_provider):
    far_roads = write(
        tmp_path / "far.gpkg",
        "roads",
        "LineString",
        [("highway", "str")],
        [(f"LINESTRING({X0} {Y0 + 200_000},{X0 + 60_000} {Y0 + 200_000})", ["primary"])],
    )
    outcome = attempt(ACCESS, access_parameters(tmp_path, ROADS=far_roads))
    assert_clear(outcome, "No settlement lies within 5000 m", "far.gpkg")


def test_access_centres_off_the_road(tmp_path, habitat_provider):
    change = {0: f"POINT({X0} {Y0 + 20_000})", 6: f"POINT({X0 + 60_000} {Y0 + 20_000})"}
    outcome = attempt(ACCESS, access_parameters(tmp_path, SETTLEMENTS=towns(tmp_path, change=change)))
    assert_clear(outcome, "No centre lies within")


def test_access_repeated_null_and_stacked_names(tmp_path, habitat_provider):
    """Two settlements named alike and one without a name: dominant centres must still be told apart; two
    settlements on the same spot share a Voronoi cell."""
    rows = [(point_wkt(k), town_values(k)) for k in range(7)]
    rows[6][1][0] = "S0"  # the second centre has the top centre's name
    rows[3][1][0] = None
    rows.append((point_wkt(2), ["S2 again", 3, 5.0, 1.0, 1.0, 1, 0, 0, "x"]))
    outcome = attempt(
        ACCESS, access_parameters(tmp_path, SETTLEMENTS=write(tmp_path / "n.gpkg", "n", "Point", COLUMNS, rows))
    )
    assert_reported(outcome, "the names S0 are used more than once")
    from test.helpers import read_rows

    zones = sorted(row["centre"] for row in read_rows(tmp_path / "zones.gpkg"))
    assert zones == ["S0 (id 1)", "S0 (id 7)"]
    names = [row["name"] for row in read_rows(tmp_path / "access.gpkg")]
    assert None in names and "NULL" not in [row["dominant"] for row in read_rows(tmp_path / "access.gpkg")]


@pytest.mark.parametrize(
    "algorithm, builder",
    [
        (FUNCTIONS, functions_parameters),
        (INDEX, index_parameters),
        (PRIORITY, priority_parameters),
        (ACCESS, access_parameters),
    ],
)
def test_cancel_leaves_the_folder_as_it_was(tmp_path, habitat_provider, algorithm, builder):
    parameters = builder(tmp_path)
    if algorithm == PRIORITY:
        parameters["CORRIDORS"] = corridor(tmp_path)
    (tmp_path / "earlier.txt").write_text("an earlier result")
    before = snapshot(tmp_path)
    feedback = RecordingFeedback()
    feedback.cancel()
    outcome = attempt(algorithm, parameters, feedback)
    assert_clear(outcome, "Cancelled")
    assert unchanged(tmp_path, before)


@PROPERTY
@given(st.lists(st.one_of(st.floats(-5, 5), st.just(math.nan), st.sampled_from([0.0, 1.0])), min_size=0, max_size=30))
def test_ranks_match_the_definition(habitat_provider, values):
    """Rank 1 + the number of strictly higher values (ties share the better rank), 0 without a value."""
    import numpy as np

    from habitat_planning_plugin.core.sdf.development_index import ranks

    got = ranks(values)
    for value, rank in zip(values, got):
        expected = 0 if math.isnan(value) else 1 + sum(1 for other in values if not math.isnan(other) and other > value)
        assert rank == expected
    assert got.dtype == np.int64


def test_functions_says_when_thresholds_are_not_used(tmp_path, habitat_provider):
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, METHOD=0, THRESHOLDS="20, 100"))
    assert_reported(outcome, "thresholds given are not used")
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, METHOD=2, THRESHOLDS="20", CLASSES=3))
    assert_reported(outcome, "1 thresholds make 2 hierarchy levels")


@pytest.mark.parametrize(
    "need_weight, fields, words",
    [
        (1.0, {"DEVELOPMENT_FIELD": None, "TRAVEL_TIME_FIELD": None}, ["need alone"]),
        (0.0, {"CENTRALITY_FIELD": None}, ["potential alone"]),
    ],
)
def test_priority_need_weight_without_its_components(tmp_path, habitat_provider, need_weight, fields, words):
    outcome = attempt(PRIORITY, priority_parameters(tmp_path, NEED_WEIGHT=need_weight, **fields))
    assert outcome.status == "refused"
    assert_clear(outcome, *words)


def test_access_and_functions_given_lines_as_settlements(tmp_path, habitat_provider):
    lines = write(
        tmp_path / "lines.gpkg",
        "lines",
        "LineString",
        COLUMNS,
        [(f"LINESTRING({X0 + 10_000 * k} {Y0},{X0 + 10_000 * k + 10} {Y0})", town_values(k)) for k in range(7)],
    )
    outcome = attempt(ACCESS, access_parameters(tmp_path, SETTLEMENTS=lines))
    assert outcome.status in ("refused", "failed"), str(outcome)
    assert_clear(outcome)
    assert "neither points nor polygons" in outcome.log or "lines.gpkg" in outcome.message
    outcome = attempt(FUNCTIONS, functions_parameters(tmp_path, SETTLEMENTS=lines))
    assert_clear(outcome)
