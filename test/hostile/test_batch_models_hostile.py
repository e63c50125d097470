"""Hostile input for the national batch (habitat:sdg1171cities) and the two models: every case ends in a clear
message naming the problem (or a run that reports it), never a traceback, and leaves the folder as it was."""

import sys

import pytest
from osgeo import gdal

from test.conftest import ROOT, SAMPLE_DATA, SAMPLE_POPULATION, layer_path
from test.helpers import write_layer
from test.hostile.hostile import assert_clear, attempt, damaged_copy, snapshot, zero_bytes

sys.path.insert(0, str(ROOT / "scripts"))
from make_synthetic_country import make_country  # noqa: E402

REGION = SAMPLE_DATA / "sample_region.gpkg"


@pytest.fixture(scope="module")
def small_country(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_country")
    make_country(folder, n_cities=4, largest_edges=600, seed=5)
    return folder


def batch_parameters(country, out):
    gpkg = country / "country.gpkg"
    return {
        "URBAN_EXTENTS": f"{gpkg}|layername=urban_extents",
        "NAME_FIELD": "name",
        "STREETS": f"{gpkg}|layername=streets",
        "WIDTH_FIELD": "width_m",
        "CLASS_FIELD": "road_class",
        "PUBLIC_SPACES": f"{gpkg}|layername=public_spaces",
        "POPULATION_RASTER": str(country / "population.tif"),
        "WORKERS": 1,
        "OUTPUT_FOLDER": str(out),
    }


def _points_with_text_count(tmp_path):
    from shapely.geometry import Point

    return write_layer(
        tmp_path / "people.gpkg", "people", "Point", 32650, [("count", "str")], [(Point(500_000, 3_500_000), ["12"])]
    )


def _memory_streets(tmp_path):
    return "memory:"  # not a file: the workers cannot open it


BATCH_CASES = [
    ("unknown name field", lambda c, t: {"NAME_FIELD": "nom"}, ["nom"]),
    ("unknown width field", lambda c, t: {"WIDTH_FIELD": "breite"}, ["breite"]),
    ("unknown class field", lambda c, t: {"CLASS_FIELD": "highway"}, ["highway"]),
    (
        "unknown district field",
        lambda c, t: {"DISTRICTS": f"{c / 'country.gpkg'}|layername=districts", "DISTRICT_NAME_FIELD": "naam"},
        ["naam"],
    ),
    (
        "two population inputs",
        lambda c, t: {"POPULATION_LAYER": _points_with_text_count(t), "POPULATION_FIELDS": []},
        ["exactly one population input"],
    ),
    ("no population input", lambda c, t: {"POPULATION_RASTER": None}, ["exactly one population input"]),
    (
        "text count field",
        lambda c, t: {
            "POPULATION_RASTER": None,
            "POPULATION_LAYER": _points_with_text_count(t),
            "POPULATION_FIELDS": ["count"],
        },
        ["count", "text"],
    ),
    ("walking distance nan", lambda c, t: {"MAX_DISTANCE": float("nan")}, ["finite"]),
    ("entry tolerance inf", lambda c, t: {"ENTRY_TOLERANCE": float("inf")}, ["finite"]),
    (
        "folder under a file",
        lambda c, t: {"OUTPUT_FOLDER": str(c / "population.tif" / "results")},
        ["cannot be written"],
    ),
    (
        "truncated population grid",
        lambda c, t: {"POPULATION_RASTER": damaged_copy(c / "population.tif", t / "cut.tif", 0.3)},
        ["cut.tif"],
    ),
    ("zero-byte streets", lambda c, t: {"STREETS": zero_bytes(t / "streets.gpkg")}, ["streets"]),
    ("unreachable scheduler", lambda c, t: {"SCHEDULER": "tcp://127.0.0.1:9"}, ["127.0.0.1:9"]),
]


@pytest.mark.parametrize("name, change, words", BATCH_CASES, ids=[case[0] for case in BATCH_CASES])
def test_batch_hostile_input(small_country, tmp_path, habitat_provider, name, change, words):
    work = tmp_path / "work"
    work.mkdir()
    parameters = {**batch_parameters(small_country, work / "out"), **change(small_country, work)}
    before = snapshot(tmp_path)
    outcome = attempt("habitat:sdg1171cities", parameters)
    assert_clear(outcome, *words)
    after = snapshot(tmp_path)
    if name == "truncated population grid":  # every city tried and failed: kept for a resume, no table written
        kept = {path for path in after if path not in before}
        assert kept == {"work/out/cities.jsonl", "work/out/run.json"}, kept
    else:
        assert after == before  # nothing written, nothing left


def test_batch_refuses_a_folder_of_another_run(small_country, tmp_path, habitat_provider):
    out = tmp_path / "out"
    first = attempt("habitat:sdg1171cities", batch_parameters(small_country, out))
    assert first.status == "ok", str(first)
    before = snapshot(out)
    again = attempt("habitat:sdg1171cities", {**batch_parameters(small_country, out), "MAX_DISTANCE": 300.0})
    assert_clear(again, "other inputs or parameters")
    assert snapshot(out) == before


# --- the models ---------------------------------------------------------------------------------------------------


def public_space_model(tmp_path):
    return {
        "public_spaces": layer_path("public_spaces"),
        "type_field": "ps_type",
        "access_field": "access",
        "fee_field": "fee",
        "urban_extent": layer_path("urban_extent"),
        "city_name": "name",
        "streets": layer_path("streets"),
        "width_field": "width_m",
        "class_field": "road_class",
        "population": str(SAMPLE_POPULATION),
        "districts": layer_path("districts"),
        "district_name": "name",
        "land_share:land_share": str(tmp_path / "land.csv"),
        "access:access": str(tmp_path / "access.csv"),
        "inventory:inventory": str(tmp_path / "inventory.gpkg"),
    }


def sdf_model(tmp_path):
    layer = f"{REGION}|layername="
    return {
        "settlements": layer + "settlements",
        "name_field": "name",
        "facilities": layer + "facilities",
        "function_field": "function",
        "indicators": ["growth_pct", "poverty_pct", "water_pct", "enrolment_pct"],
        "negative_indicators": ["poverty_pct"],
        "roads": layer + "roads",
        "road_class": "highway",
        "functions:hierarchy": str(tmp_path / "h.gpkg"),
        "priority:priorities": str(tmp_path / "p.gpkg"),
        "accessibility:influence_zones": str(tmp_path / "z.gpkg"),
    }


def _two_layer_gpkg(tmp_path):
    from shapely.geometry import Point

    path = tmp_path / "project.gpkg"
    write_layer(path, "a", "Point", 32650, [], [(Point(0, 0), [])])
    write_layer(path, "b", "Point", 32650, [], [(Point(1, 1), [])])
    return str(path)


def _blank_raster(tmp_path):
    """An all-nodata population grid over the sample city."""
    source = gdal.Open(str(SAMPLE_POPULATION))
    target = gdal.GetDriverByName("GTiff").CreateCopy(str(tmp_path / "empty.tif"), source)
    for index in range(1, target.RasterCount + 1):
        band = target.GetRasterBand(index)
        band.Fill(band.GetNoDataValue() if band.GetNoDataValue() is not None else -9999)
    target = source = None
    return str(tmp_path / "empty.tif")


PS_CASES = [
    ("unknown type field", lambda t: {"type_field": "kind"}, ["kind"]),
    ("unknown access field", lambda t: {"access_field": "zugang"}, ["zugang"]),
    ("unknown fee field", lambda t: {"fee_field": "gebuehr"}, ["gebuehr"]),
    ("unknown city field", lambda t: {"city_name": "stadt"}, ["stadt"]),
    ("unknown width field", lambda t: {"width_field": "breite"}, ["breite"]),
    ("unknown class field", lambda t: {"class_field": "klasse"}, ["klasse"]),
    ("unknown district field", lambda t: {"district_name": "bezirk"}, ["bezirk"]),
    ("report as .docx", lambda t: {"access:access_report": str(t / "report.docx")}, ["report.docx"]),
    ("table as .xlsx bytes name", lambda t: {"land_share:land_share": str(t / "land.exe")}, ["land.exe"]),
    (
        "two outputs on one file",
        lambda t: {"access:access": str(t / "same.csv"), "land_share:land_share": str(t / "same.csv")},
        ["same.csv"],
    ),
    (
        "output over an input",
        lambda t: {"inventory:inventory": str(SAMPLE_DATA / "sample_city.gpkg")},
        ["sample_city.gpkg"],
    ),
    ("multi-layer GeoPackage", lambda t: {"inventory:inventory": _two_layer_gpkg(t)}, ["a, b"]),
    ("all-nodata population", lambda t: {"population": _blank_raster(t)}, ["population"]),
]


@pytest.mark.parametrize("name, change, words", PS_CASES, ids=[case[0] for case in PS_CASES])
def test_public_space_model_hostile_input(tmp_path, habitat_provider, name, change, words):
    parameters = {**public_space_model(tmp_path), **change(tmp_path)}
    before = snapshot(tmp_path)
    outcome = attempt("habitat:citywidepublicspaceassessment", parameters)
    if outcome.status == "failed":  # a step failed: QGIS names the step, the step's message is in the log
        outcome.message += "\n" + outcome.log
    assert_clear(outcome, *words)
    assert snapshot(tmp_path) == before


SDF_CASES = [
    ("unknown name field", lambda t: {"name_field": "nom"}, ["nom"]),
    ("unknown function field", lambda t: {"function_field": "fonction"}, ["fonction"]),
    ("unknown indicator", lambda t: {"indicators": ["growth_pct", "gdp"]}, ["gdp"]),
    ("text indicator", lambda t: {"indicators": ["growth_pct", "name"]}, ["name", "text"]),
    ("unknown negative indicator", lambda t: {"negative_indicators": ["crime"]}, ["crime"]),
    ("unknown road class", lambda t: {"road_class": "typ"}, ["typ"]),
    ("hierarchy as .docx", lambda t: {"functions:hierarchy": str(t / "h.docx")}, ["h.docx"]),
    ("report as .csv", lambda t: {"priority:priority_report": str(t / "r.csv")}, ["r.csv"]),
    (
        "two outputs on one file",
        lambda t: {"functions:hierarchy": str(t / "x.gpkg"), "priority:priorities": str(t / "x.gpkg")},
        ["x.gpkg"],
    ),
    ("output over an input", lambda t: {"priority:priorities": str(REGION)}, ["sample_region.gpkg"]),
    ("multi-layer GeoPackage", lambda t: {"accessibility:influence_zones": _two_layer_gpkg(t)}, ["a, b"]),
    ("zero-byte settlements", lambda t: {"settlements": zero_bytes(t / "settlements.gpkg")}, ["settlements"]),
]


@pytest.mark.parametrize("name, change, words", SDF_CASES, ids=[case[0] for case in SDF_CASES])
def test_sdf_model_hostile_input(tmp_path, habitat_provider, name, change, words):
    parameters = {**sdf_model(tmp_path), **change(tmp_path)}
    before = snapshot(tmp_path)
    outcome = attempt("habitat:spatialdevelopmentframework", parameters)
    if outcome.status == "failed":
        outcome.message += "\n" + outcome.log
    assert_clear(outcome, *words)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "option, value, words",
    [
        ("--distance", "nan", ["walking distance", "nan"]),
        ("--distance", "-400", ["walking distance"]),
        ("--entry-tolerance", "100000", ["entry tolerance"]),
        ("--max-cell", "inf", ["largest population cell"]),
        ("--width-field", "breite", ["breite"]),
        ("--spaces-layer", "parks", ["parks"]),
    ],
)
def test_command_line_refuses_implausible_values_before_any_city(small_country, tmp_path, option, value, words):
    import os
    import subprocess

    gpkg = small_country / "country.gpkg"
    arguments = [
        sys.executable,
        "-m",
        "habitat_planning_plugin.batch",
        "--extents",
        str(gpkg),
        "--extents-layer",
        "urban_extents",
        "--streets",
        str(gpkg),
        "--streets-layer",
        "streets",
        "--spaces",
        str(gpkg),
        "--spaces-layer",
        "public_spaces",
        "--population",
        str(small_country / "population.tif"),
        "--out",
        str(tmp_path / "out"),
        "--workers",
        "1",
    ]
    index = arguments.index(option) if option in arguments else None
    if index is not None:
        arguments[index + 1] = value
    else:
        arguments += [option, value]
    completed = subprocess.run(
        arguments,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert completed.returncode == 2, completed.stderr[-2000:]
    assert "Traceback" not in completed.stderr
    for word in words:
        assert word in completed.stderr, completed.stderr[-2000:]
    assert not (tmp_path / "out").exists()


def test_a_file_of_the_wrong_kind_is_named_with_the_kinds_accepted(tmp_path, habitat_provider):
    survey = tmp_path / "survey.sav"
    survey.write_bytes(b"SPSS")
    outcome = attempt(
        "habitat:publicspacequality",
        {
            "INVENTORY": layer_path("public_spaces"),
            "ID_FIELD": "ps_id",
            "SURVEY": str(survey),
            "OUTPUT": str(tmp_path / "q.gpkg"),
        },
    )
    assert_clear(outcome, "survey.sav", ".csv")
