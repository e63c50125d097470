"""Hostile inputs for the public space survey (habitat:koboform, habitat:publicspacequality) and the OpenStreetMap
tools (habitat:publicspacesfromosm, habitat:streetsfromosm): each case asserts a clear message naming the problem,
or a run whose log reports the bad items — never a traceback — and that a failed run leaves the folder as it was.
"""

import copy
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Polygon, box

from habitat_planning_plugin.core.public_space.osm import classify_tags, parse_other_tags, street_walkability
from habitat_planning_plugin.core.public_space.quality import read_export
from habitat_planning_plugin.core.public_space.street_width import MAX_WIDTH_M, MIN_WIDTH_M, OK, parse_width
from habitat_planning_plugin.core.public_space.survey import load_questionnaire, questionnaire_from_dict
from habitat_planning_plugin.core.text import HabitatError
from test.conftest import ROOT, SAMPLE_DATA, layer_path
from test.helpers import read_rows, write_layer
from test.hostile.hostile import (
    RecordingFeedback,
    assert_clear,
    assert_reported,
    attempt,
    damaged_copy,
    snapshot,
    unchanged,
    zero_bytes,
)

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
QUESTIONNAIRE = ROOT / "resources" / "questionnaires" / "public_space_quality.json"
SURVEY_CSV = SAMPLE_DATA / "survey" / "public_space_survey.csv"
SURVEY_XLSX = SAMPLE_DATA / "survey" / "public_space_survey_labels.xlsx"
PBF_SAMPLE = (
    Path(sys.prefix)
    / "lib"
    / f"python{sys.version_info.major}.{sys.version_info.minor}"
    / "site-packages"
    / "pyogrio"
    / "tests"
    / "fixtures"
    / "sample.osm.pbf"
)
LON, LAT, STEP = 116.40, 39.90, 0.001


def raw():
    return json.loads(QUESTIONNAIRE.read_text(encoding="utf-8"))


def write_json(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


# --- questionnaires of the wrong shape (both survey tools) ----------------------------------------------------------


def _set(path_keys, value):
    def mutate(data):
        target = data
        for key in path_keys[:-1]:
            target = target[key]
        target[path_keys[-1]] = value

    return mutate


def _drop(key):
    return lambda data: data.pop(key)


BAD_QUESTIONNAIRES = {  # name: (mutation, words the message must name)
    "list_not_object": (None, ["not valid", "$", "a list"]),
    "blank_type": (_set(["groups", 2, "questions", 0, "type"], " "), ["groups[2].questions[0].type"]),
    "levels_as_strings": (_set(["choices", "yes_no", 0, "score"], "1"), ["choices.yes_no[0].score", "0 to 1"]),
    "bool_score": (_set(["choices", "yes_no", 0, "score"], True), ["choices.yes_no[0].score"]),
    "missing_groups": (_drop("groups"), ["groups", "a list"]),
    "dimensions_object": (_set(["dimensions"], {"a": 1}), ["dimensions", "a list"]),
    "label_list": (_set(["groups", 1, "questions", 0, "label"], ["Access"]), ["groups[1].questions[0].label"]),
    "unknown_list": (_set(["groups", 1, "questions", 1, "type"], "select_one nowhere"), ["nowhere", "does not exist"]),
    "linear_strings": (
        _set(["groups", 5, "questions", 0, "scoring"], {"method": "linear", "zero_at": "0", "one_at": "100"}),
        ["scoring"],
    ),
    "question_twice": (
        lambda d: d["groups"][1]["questions"].append(copy.deepcopy(d["groups"][1]["questions"][0])),
        ["used twice"],
    ),
    "two_space_ids": (
        lambda d: d["groups"][1]["questions"].append(
            {"name": "space_again", "type": "space_id", "label": {"en": "Again"}}
        ),
        ["exactly one", "space_id"],
    ),
    "derived_of_text": (_set(["derived", 0, "of"], "users_women"), ["derived[0].of"]),
    "required_text": (_set(["groups", 1, "questions", 0, "required"], "yes"), ["required", "true or false"]),
    "scoring_without_dimension": (
        _set(["groups", 0, "questions", 1, "scoring"], "share_selected"),
        ["groups[0].questions[1].scoring", "no dimension"],
    ),
    "version_null": (_set(["version"], None), ["version"]),
    "choice_with_space": (_set(["choices", "yes_no", 0, "name"], "yes please"), ["choices.yes_no[0].name"]),
}


def bad_questionnaire(tmp_path, case):
    mutation, words = BAD_QUESTIONNAIRES[case]
    data = raw()
    if mutation is None:
        data = [data]
    else:
        mutation(data)
    return write_json(tmp_path / "my questionnaire.json", data), words


@pytest.mark.parametrize("case", sorted(BAD_QUESTIONNAIRES))
def test_questionnaire_of_the_wrong_shape_is_refused_with_its_place(tmp_path, habitat_provider, case):
    path, words = bad_questionnaire(tmp_path, case)
    before = snapshot(tmp_path)
    outcome = attempt("habitat:koboform", {"QUESTIONNAIRE": path, "OUTPUT": str(tmp_path / "form.xlsx")})
    assert_clear(outcome, "my questionnaire.json", *words)
    assert outcome.status == "refused"  # before the run, in the dialog
    assert unchanged(tmp_path, before)


# --- habitat:koboform -----------------------------------------------------------------------------------------------


def spaces_layer(tmp_path, rows, name="inventory.gpkg"):
    return write_layer(
        tmp_path / name,
        "spaces",
        "Polygon",
        32650,
        [("sid", "str"), ("name", "str")],
        [(box(500000 + 200 * i, 3500000, 500100 + 200 * i, 3500100), list(values)) for i, values in enumerate(rows)],
    )


def test_koboform_questionnaire_that_is_no_json(tmp_path, habitat_provider):
    path = tmp_path / "broken.json"
    path.write_bytes(b'\xff\xfe{"id": ')
    outcome = attempt("habitat:koboform", {"QUESTIONNAIRE": str(path), "OUTPUT": str(tmp_path / "form.xlsx")})
    assert_clear(outcome, "broken.json")


def test_koboform_zero_byte_questionnaire(tmp_path, habitat_provider):
    path = zero_bytes(tmp_path / "empty.json")
    assert_clear(
        attempt("habitat:koboform", {"QUESTIONNAIRE": path, "OUTPUT": str(tmp_path / "form.xlsx")}), "empty.json"
    )


def test_koboform_deeply_nested_questionnaire(tmp_path, habitat_provider):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    assert_clear(
        attempt("habitat:koboform", {"QUESTIONNAIRE": str(path), "OUTPUT": str(tmp_path / "form.xlsx")}), "deep.json"
    )


def test_koboform_inventory_without_id_field(tmp_path, habitat_provider):
    layer = spaces_layer(tmp_path, [("1", "A")])
    assert_clear(
        attempt("habitat:koboform", {"INVENTORY": layer, "OUTPUT": str(tmp_path / "form.xlsx")}), "space id field"
    )


def test_koboform_id_field_not_in_layer(tmp_path, habitat_provider):
    layer = spaces_layer(tmp_path, [("1", "A")])
    assert_clear(
        attempt("habitat:koboform", {"INVENTORY": layer, "ID_FIELD": "ps_id", "OUTPUT": str(tmp_path / "form.xlsx")}),
        "ps_id",
    )


def test_koboform_duplicate_ids_keep_the_earlier_form(tmp_path, habitat_provider):
    layer = spaces_layer(tmp_path, [("7", "A"), ("7", "B"), ("8", "C")])
    out = tmp_path / "out"
    out.mkdir()
    (out / "form.xlsx").write_bytes(b"the form of last week")
    before = snapshot(out)
    outcome = attempt("habitat:koboform", {"INVENTORY": layer, "ID_FIELD": "sid", "OUTPUT": str(out / "form.xlsx")})
    assert_clear(outcome, "unique", "7")
    assert unchanged(out, before)


@pytest.mark.parametrize("bad_id", ["other", "a\nb", "x\x01y"])
def test_koboform_ids_the_form_cannot_hold(tmp_path, habitat_provider, bad_id):
    layer = spaces_layer(tmp_path, [("1", "A"), (bad_id, "B")])
    before = snapshot(tmp_path)
    outcome = attempt(
        "habitat:koboform", {"INVENTORY": layer, "ID_FIELD": "sid", "OUTPUT": str(tmp_path / "form.xlsx")}
    )
    assert_clear(outcome, "cannot be used in the form", "sid")
    assert unchanged(tmp_path, before)


def test_koboform_formula_names_stay_text(tmp_path, habitat_provider):
    from openpyxl import load_workbook

    layer = spaces_layer(
        tmp_path,
        [("=1+1", '=HYPERLINK("http://x")'), ("2", "+2"), ("3", "@SUM(A1)"), ("4", "-5"), ("5", "bell\x07name")],
    )
    outcome = attempt(
        "habitat:koboform",
        {"INVENTORY": layer, "ID_FIELD": "sid", "NAME_FIELD": "name", "OUTPUT": str(tmp_path / "form.xlsx")},
    )
    assert_reported(outcome, "control characters")
    book = load_workbook(tmp_path / "form.xlsx")
    cells = [cell for row in book["choices"].iter_rows() for cell in row if isinstance(cell.value, str)]
    assert all(cell.data_type == "s" for cell in cells)
    values = {cell.value for cell in cells}
    assert "=1+1" in values and "2 · +2" in values and "5 · bellname" in values


def test_koboform_cancel_leaves_nothing(tmp_path, habitat_provider):
    layer = spaces_layer(tmp_path, [("1", "A")])
    out = tmp_path / "out"
    out.mkdir()
    feedback = RecordingFeedback()
    feedback.cancel()
    outcome = attempt(
        "habitat:koboform", {"INVENTORY": layer, "ID_FIELD": "sid", "OUTPUT": str(out / "form.xlsx")}, feedback
    )
    assert_clear(outcome, "cancel")
    assert list(out.iterdir()) == []


def test_koboform_output_as_csv_is_refused(tmp_path, habitat_provider):
    outcome = attempt("habitat:koboform", {"OUTPUT": str(tmp_path / "form.csv")})
    assert_clear(outcome, "form.csv")


# --- habitat:publicspacequality -------------------------------------------------------------------------------------


def quality_parameters(folder, survey, **extra):
    parameters = {
        "SURVEY": str(survey),
        "INVENTORY": layer_path("public_spaces"),
        "ID_FIELD": "ps_id",
        "NAME_FIELD": "name",
        "OUTPUT": str(folder / "q.gpkg"),
        "OUTPUT_ANSWERS": str(folder / "a.csv"),
        "OUTPUT_LOG": str(folder / "log.csv"),
        "OUTPUT_REPORT": None,
    }
    parameters.update(extra)
    return parameters


def sample_lines():
    return SURVEY_CSV.read_text(encoding="utf-8-sig").splitlines()


def edited_csv(path, edit):
    lines = sample_lines()
    edit(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def with_earlier_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "log.csv").write_text("row,problem\n1,earlier run\n", encoding="utf-8")
    (out / "a.csv").write_text("earlier answers\n", encoding="utf-8")
    return out, snapshot(out)


def _extra_cell(lines):
    lines[5] = lines[5] + ";surplus"


def _missing_cell(lines):
    lines[7] = lines[7].rsplit(";", 1)[0]


def _stray_quote(lines):
    cells = lines[4].split(";")
    cells[6] = '"Park by the river'
    lines[4] = ";".join(cells)


def _quote_then_text(lines):
    cells = lines[4].split(";")
    cells[6] = '"Park" by the river'
    lines[4] = ";".join(cells)


DAMAGED_EXPORTS = {  # name: (file name, how it is made, words the message must name)
    "zero_csv": ("export.csv", lambda p: zero_bytes(p), ["export.csv", "empty"]),
    "zero_xlsx": ("export.xlsx", lambda p: zero_bytes(p), ["export.xlsx", "empty"]),
    "truncated_xlsx": ("export.xlsx", lambda p: damaged_copy(SURVEY_XLSX, p, 0.6), ["export.xlsx", "XLSX"]),
    "lock_file": (
        "~$export.xlsx",
        lambda p: p.write_bytes(b"\x0bsomebody" + b"\0" * 150),
        ["~$export.xlsx", "lock file"],
    ),
    "not_utf8": (
        "export.csv",
        lambda p: p.write_bytes(
            SURVEY_CSV.read_text(encoding="utf-8-sig").replace("Temple Street Playground", "Сад").encode("cp1251")
            + "公园".encode("gb18030")
        ),
        ["export.csv", "line 77", "UTF-8", "GB18030"],
    ),  # cp1251 "Сад;": no GB18030 character either
    "binary": ("export.csv", lambda p: p.write_bytes(b"space_id;seating\n1;\0\0\0\n"), ["export.csv", "line 2"]),
    "extra_cell": ("export.csv", lambda p: edited_csv(p, _extra_cell), ["export.csv", "line 6"]),
    "missing_cell": ("export.csv", lambda p: edited_csv(p, _missing_cell), ["export.csv", "line 8"]),
    "stray_quote": ("export.csv", lambda p: edited_csv(p, _stray_quote), ["export.csv", "line 5"]),
    "quote_then_text": ("export.csv", lambda p: edited_csv(p, _quote_then_text), ["export.csv", "line 5"]),
    "header_only": (
        "export.csv",
        lambda p: p.write_text(sample_lines()[0] + "\n", encoding="utf-8"),
        ["export.csv", "no submissions"],
    ),
    "not_kobo": ("export.csv", lambda p: p.write_text("a;b\n1;2\n", encoding="utf-8"), ["export.csv"]),
    "wrong_extension": ("export.sav", lambda p: p.write_bytes(b"$FL2"), ["SURVEY"]),
}


@pytest.mark.parametrize("case", sorted(DAMAGED_EXPORTS))
def test_quality_damaged_export_names_the_file_and_keeps_outputs(tmp_path, habitat_provider, case):
    name, make, words = DAMAGED_EXPORTS[case]
    survey = tmp_path / name
    make(survey)
    out, before = with_earlier_outputs(tmp_path)
    assert_clear(attempt("habitat:publicspacequality", quality_parameters(out, survey)), *words)
    assert unchanged(out, before)


def test_quality_missing_export_file(tmp_path, habitat_provider):
    outcome = attempt("habitat:publicspacequality", quality_parameters(tmp_path, tmp_path / "nowhere.csv"))
    assert_clear(outcome, "nowhere.csv")


def test_quality_bad_answers_are_counted(tmp_path, habitat_provider):
    header = sample_lines()[0].split(";")

    def edit(lines):
        for row, (column, value) in zip(
            (2, 3, 4, 5),
            (
                ("use/users_women", "many"),
                ("use/users_men", "-4"),
                ("green/green_cover_pct", "150"),
                ("use/users_children", "1,000"),
            ),
        ):
            cells = lines[row].split(";")
            cells[header.index(column)] = value
            lines[row] = ";".join(cells)

    survey = edited_csv(tmp_path / "export.csv", edit)
    outcome = attempt("habitat:publicspacequality", quality_parameters(tmp_path, survey))
    assert_reported(outcome, "out of range")
    values = {
        (row["column"], row["value"]) for row in read_rows(tmp_path / "log.csv") if row["problem"] == "invalid_answer"
    }
    assert outcome.results["PROBLEMS"] >= 4
    assert {
        ("users_women", "many"),
        ("users_men", "'-4"),
        ("green_cover_pct", "150"),
        ("users_children", "1,000"),
    } <= values


def test_quality_split_choice_columns_with_odd_values(tmp_path, habitat_provider):
    header = sample_lines()[0].split(";")

    def edit(lines):
        cells = lines[3].split(";")
        cells[header.index("accessibility/barriers")] = ""
        cells[header.index("accessibility/barriers/fence")] = "2"
        lines[3] = ";".join(cells)

    survey = edited_csv(tmp_path / "export.csv", edit)
    lines = survey.read_text(encoding="utf-8").splitlines()
    index = header.index("accessibility/barriers")
    survey.write_text(
        "\n".join(";".join(c for i, c in enumerate(line.split(";")) if i != index) for line in lines), encoding="utf-8"
    )  # only the split columns, as a KoboToolbox export can be
    outcome = attempt("habitat:publicspacequality", quality_parameters(tmp_path, survey))
    assert outcome.status == "ok", str(outcome)
    assert ("barriers", "2") in {(row["column"], row["value"]) for row in read_rows(tmp_path / "log.csv")}


def test_quality_formula_text_is_stored_as_text_in_csv(tmp_path, habitat_provider):
    header = sample_lines()[0].split(";")

    def edit(lines):
        cells = lines[2].split(";")
        cells[header.index("comfort/seating")] = '=HYPERLINK("http://evil")'
        cells[header.index("_uuid")] = "@uuid"
        lines[2] = ";".join(cells)

    survey = edited_csv(tmp_path / "export.csv", edit)
    outcome = attempt("habitat:publicspacequality", quality_parameters(tmp_path, survey))
    assert outcome.status == "ok", str(outcome)
    text = (tmp_path / "log.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'@uuid" in text
    for line in text.splitlines():
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line.split(","))


def test_quality_duplicate_question_column_is_reported(tmp_path, habitat_provider):
    def edit(lines):
        lines[0] = lines[0] + ";seating"
        for i in range(1, len(lines)):
            lines[i] = lines[i] + ";none"

    survey = edited_csv(tmp_path / "export.csv", edit)
    outcome = attempt("habitat:publicspacequality", quality_parameters(tmp_path, survey))
    assert_reported(outcome, "Second column for the same question")


def test_quality_gps_on_the_other_side_of_the_globe(tmp_path, habitat_provider):
    header = sample_lines()[0].split(";")

    def edit(lines):
        for row in (2, 3):
            cells = lines[row].split(";")
            cells[header.index("identification/space_id")] = ""
            cells[header.index("_gps_latitude")] = "-89.99"
            cells[header.index("_gps_longitude")] = "-179.5"
            lines[row] = ";".join(cells)

    survey = edited_csv(tmp_path / "export.csv", edit)
    outcome = attempt("habitat:publicspacequality", quality_parameters(tmp_path, survey))
    assert_reported(outcome, "not inside or near any space; not linked: 3")


def test_quality_decimal_comma_gps_is_read(tmp_path, habitat_provider):
    from habitat_planning_plugin.core.public_space.quality import Columns, _gps

    problems = []
    columns = Columns({}, {}, latitude=0, longitude=1)
    assert _gps(None, columns, ["39,9", "116,4"], 2, "u", problems) == (39.9, 116.4) and not problems
    assert _gps(None, columns, ["nan", "116.4"], 3, "u", problems) == (None, None)
    assert _gps(None, columns, ["inf", "1e999"], 4, "u", problems) == (None, None)
    assert [p.code for p in problems] == ["invalid_gps", "invalid_gps"]


@pytest.mark.parametrize(
    "extra, words",
    [
        ({"GPS_TOLERANCE": 100000}, ["GPS tolerance", "500"]),
        ({"GPS_TOLERANCE": float("nan")}, ["GPS"]),
        ({"WEIGHTS": "safety=nan"}, ["safety"]),
        ({"WEIGHTS": "beauty=2"}, ["beauty"]),
        ({"WEIGHTS": "safety=1e308, comfort=1e308"}, ["safety", "1000"]),
        ({"WEIGHTS": "safety=0, comfort=0, accessibility=0, use=0, green=0, facilities=0, maintenance=0"}, ["weight"]),
        ({"ID_FIELD": "no_such_field"}, ["no_such_field"]),
    ],
)
def test_quality_parameters_refused_before_the_run(tmp_path, habitat_provider, extra, words):
    out, before = with_earlier_outputs(tmp_path)
    outcome = attempt("habitat:publicspacequality", quality_parameters(out, SURVEY_CSV, **extra))
    assert_clear(outcome, *words)
    assert outcome.status == "refused"
    assert unchanged(out, before)


def test_quality_questionnaire_of_the_wrong_shape(tmp_path, habitat_provider):
    path, words = bad_questionnaire(tmp_path, "levels_as_strings")
    out, before = with_earlier_outputs(tmp_path)
    outcome = attempt("habitat:publicspacequality", quality_parameters(out, SURVEY_CSV, QUESTIONNAIRE=path))
    assert_clear(outcome, "my questionnaire.json", *words)
    assert unchanged(out, before)


def test_quality_cancel_keeps_earlier_outputs(tmp_path, habitat_provider):
    out, before = with_earlier_outputs(tmp_path)
    outcome = attempt(
        "habitat:publicspacequality", quality_parameters(out, SURVEY_CSV), RecordingFeedback(cancel_after_progress=5)
    )
    assert_clear(outcome, "cancel")
    assert unchanged(out, before)


def test_quality_inventory_without_spaces_with_ids(tmp_path, habitat_provider):
    layer = spaces_layer(tmp_path, [(None, "A"), (None, "B")])
    out, before = with_earlier_outputs(tmp_path)
    outcome = attempt(
        "habitat:publicspacequality", quality_parameters(out, SURVEY_CSV, INVENTORY=layer, ID_FIELD="sid")
    )
    assert_reported(outcome, "2 spaces of the inventory have no id")


# --- OpenStreetMap files ---------------------------------------------------------------------------------------------


def write_big_osm(path, count=300, way_tags=None, line_tags=None):
    """``count`` parks and ``count`` streets: a file long enough that a cut leaves a partial one."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="habitat tests">']
    ways, node = [], 1
    for i in range(count):
        x, y = LON + (i % 20) * 2 * STEP, LAT + (i // 20) * 2 * STEP
        refs = []
        for dx, dy in ((0, 0), (STEP, 0), (STEP, STEP), (0, STEP)):
            lines.append(f'<node id="{node}" version="1" lat="{y + dy:.7f}" lon="{x + dx:.7f}"/>')
            refs.append(node)
            node += 1
        ways.append((10000 + i, refs + [refs[0]], (way_tags or {}).get(i, {"leisure": "park"})))
        lines.append(f'<node id="{node}" version="1" lat="{y - STEP / 2:.7f}" lon="{x:.7f}"/>')
        lines.append(f'<node id="{node + 1}" version="1" lat="{y - STEP / 2:.7f}" lon="{x + STEP:.7f}"/>')
        ways.append((20000 + i, [node, node + 1], (line_tags or {}).get(i, {"highway": "residential"})))
        node += 2
    for way_id, refs, tags in ways:
        lines.append(f'<way id="{way_id}" version="1">')
        lines.extend(f'<nd ref="{ref}"/>' for ref in refs)
        lines.extend(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        lines.append("</way>")
    lines.append("</osm>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def osm_cases(tmp_path):
    return {
        "truncated": lambda: damaged_copy(write_big_osm(tmp_path / "whole.osm"), tmp_path / "city.osm", 0.7),
        "zero_bytes": lambda: zero_bytes(tmp_path / "city.osm"),
        "garbage": lambda: (tmp_path / "city.osm").write_bytes(b"\x00\x01garbage" * 50) and str(tmp_path / "city.osm"),
        "not_closed_xml": lambda: (
            (tmp_path / "city.osm").write_text(
                write_big_osm(tmp_path / "whole.osm", 5).read_text(encoding="utf-8").replace("</osm>", "<way id="),
                encoding="utf-8",
            )
            and str(tmp_path / "city.osm")
        ),
        "truncated_pbf": lambda: damaged_copy(PBF_SAMPLE, tmp_path / "city.osm.pbf", 0.5),
    }


@pytest.mark.parametrize("case", ["truncated", "zero_bytes", "garbage", "not_closed_xml", "truncated_pbf"])
@pytest.mark.parametrize(
    "algorithm, layer", [("habitat:publicspacesfromosm", "multipolygons"), ("habitat:streetsfromosm", "lines")]
)
def test_damaged_osm_file_is_named(tmp_path, habitat_provider, algorithm, layer, case):
    if case == "truncated_pbf" and not PBF_SAMPLE.exists():
        pytest.skip("pyogrio's sample .osm.pbf is not installed")
    path = str(osm_cases(tmp_path)[case]())
    out = tmp_path / "out"
    out.mkdir()
    (out / "result.gpkg").write_bytes(b"earlier result")
    before = snapshot(out)
    outcome = attempt(algorithm, {"INPUT": f"{path}|layername={layer}", "OUTPUT": str(out / "result.gpkg")})
    assert_clear(outcome, Path(path).name)
    assert "inputs are empty" not in outcome.message
    assert unchanged(out, before)


# --- habitat:publicspacesfromosm ------------------------------------------------------------------------------------


def polygons_layer(tmp_path, rows, fields=(("leisure", "str"), ("access", "str"), ("osm_id", "str"))):
    return write_layer(tmp_path / "osm_polygons.gpkg", "polygons", "Polygon", 4326, list(fields), rows)


def test_spaces_layer_without_osm_tag_columns(tmp_path, habitat_provider):
    layer = polygons_layer(tmp_path, [(box(LON, LAT, LON + STEP, LAT + STEP), ["x"])], fields=(("kind", "str"),))
    outcome = attempt("habitat:publicspacesfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "spaces.gpkg")})
    assert_clear(outcome, "osm_polygons", "other_tags")


def test_spaces_broken_and_missing_geometry_are_reported(tmp_path, habitat_provider):
    bowtie = Polygon([(LON, LAT), (LON + STEP, LAT + STEP), (LON + STEP, LAT), (LON, LAT + STEP)])
    layer = polygons_layer(
        tmp_path,
        [
            (bowtie, ["park", None, "1"]),
            (None, ["park", None, "2"]),
            (box(LON + 3 * STEP, LAT, LON + 4 * STEP, LAT + STEP), ["park", None, "3"]),
        ],
    )
    outcome = attempt("habitat:publicspacesfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "spaces.gpkg")})
    assert_reported(outcome, "repaired", "skipped", "2")


def test_spaces_odd_tag_values(tmp_path, habitat_provider):
    layer = polygons_layer(
        tmp_path,
        [
            (box(LON, LAT, LON + STEP, LAT + STEP), [" PARK ", "PRIVATE", "1"]),
            (box(LON + 2 * STEP, LAT, LON + 3 * STEP, LAT + STEP), ["=cmd|'/c calc'!A1", None, "2"]),
        ],
    )
    outcome = attempt("habitat:publicspacesfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "spaces.gpkg")})
    assert_reported(outcome, "1 candidate spaces, 0 counted")


def test_spaces_no_candidate_is_said(tmp_path, habitat_provider):
    layer = polygons_layer(tmp_path, [(box(LON, LAT, LON + STEP, LAT + STEP), ["golf_course", None, "1"])])
    outcome = attempt("habitat:publicspacesfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "spaces.gpkg")})
    assert_reported(outcome, "0 candidate spaces")


@pytest.mark.parametrize(
    "extra, words",
    [
        ({"DUPLICATE_OVERLAP": 0}, ["overlap"]),
        ({"DUPLICATE_OVERLAP": float("nan")}, ["overlap"]),
        ({"DUPLICATE_OVERLAP": 250}, ["overlap"]),
        ({"REVIEW_RULE": 7}, ["review"]),
    ],
)
def test_spaces_parameters_refused(tmp_path, habitat_provider, extra, words):
    path = write_big_osm(tmp_path / "city.osm", 3)
    outcome = attempt(
        "habitat:publicspacesfromosm",
        dict({"INPUT": f"{path}|layername=multipolygons", "OUTPUT": str(tmp_path / "spaces.gpkg")}, **extra),
    )
    assert_clear(outcome, *words)


def test_spaces_output_on_its_input_is_refused(tmp_path, habitat_provider):
    layer = polygons_layer(tmp_path, [(box(LON, LAT, LON + STEP, LAT + STEP), ["park", None, "1"])])
    before = snapshot(tmp_path)
    outcome = attempt("habitat:publicspacesfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "osm_polygons.gpkg")})
    assert_clear(outcome, "osm_polygons.gpkg")
    assert unchanged(tmp_path, before)


@pytest.mark.parametrize(
    "algorithm, layer", [("habitat:publicspacesfromosm", "multipolygons"), ("habitat:streetsfromosm", "lines")]
)
def test_osm_cancel_keeps_earlier_output(tmp_path, habitat_provider, algorithm, layer):
    path = write_big_osm(tmp_path / "city.osm", 50)
    out = tmp_path / "out"
    out.mkdir()
    (out / "result.gpkg").write_bytes(b"earlier result")
    before = snapshot(out)
    feedback = RecordingFeedback()
    feedback.cancel()
    outcome = attempt(algorithm, {"INPUT": f"{path}|layername={layer}", "OUTPUT": str(out / "result.gpkg")}, feedback)
    assert_clear(outcome, "cancel")
    assert unchanged(out, before)


# --- habitat:streetsfromosm -----------------------------------------------------------------------------------------

BAD_WIDTHS = ["5 km", "-3", "nan", "1e9", "inf", "0", "wide", "5000", "1e400", "12;-12", "3 mm"]


def test_streets_implausible_width_tags_are_counted_not_used(tmp_path, habitat_provider):
    tags = {i: {"highway": "residential", "width": width} for i, width in enumerate(BAD_WIDTHS)}
    tags[len(BAD_WIDTHS)] = {"highway": "residential", "width": "12 m"}
    path = write_big_osm(tmp_path / "city.osm", len(BAD_WIDTHS) + 1, line_tags=tags)
    outcome = attempt(
        "habitat:streetsfromosm", {"INPUT": f"{path}|layername=lines", "OUTPUT": str(tmp_path / "streets.gpkg")}
    )
    assert_reported(outcome, "rejected", "could not be read")
    assert outcome.results["WIDTH_REJECTED"] + outcome.results["WIDTH_UNREADABLE"] == len(BAD_WIDTHS)
    widths = {row["osm_width"]: row["width_m"] for row in read_rows(tmp_path / "streets.gpkg")}
    assert widths.pop("12 m") == 12.0
    assert all(MIN_WIDTH_M <= width <= MAX_WIDTH_M for width in widths.values())
    assert set(widths.values()) == {10.0}  # the residential class width, never the tag


def test_streets_numeric_width_column(tmp_path, habitat_provider):
    rows = [
        (LineString([(LON, LAT), (LON + STEP, LAT)]), ["residential", width, str(i)])
        for i, width in enumerate([1e9, -3.0, float("inf"), 7.5])
    ]
    layer = write_layer(
        tmp_path / "quickosm.gpkg",
        "lines",
        "LineString",
        4326,
        [("highway", "str"), ("width", "real"), ("osm_id", "str")],
        rows,
    )
    outcome = attempt("habitat:streetsfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "streets.gpkg")})
    assert_reported(outcome, "2 width values outside", "1 width values could not be read")
    assert sorted(row["width_m"] for row in read_rows(tmp_path / "streets.gpkg")) == [7.5, 10.0, 10.0, 10.0]


@pytest.mark.parametrize(
    "extra, words",
    [
        ({"NOT_WALKABLE_CLASSES": "motorwya, trunk"}, ["motorwya"]),
        ({"CLASS_WIDTHS": ["primary", 5000]}, ["primary", "5000"]),
        ({"CLASS_WIDTHS": ["primary", "wide"]}, ["primary"]),
        ({"CLASS_WIDTHS": ["primary", float("nan")]}, ["primary"]),
        ({"CLASS_WIDTHS": ["primary", -3]}, ["primary"]),
        ({"DEFAULT_WIDTH": 0.6}, ["default"]),
        ({"DEFAULT_WIDTH": 5000}, ["default"]),
        ({"DEFAULT_WIDTH": float("nan")}, ["default"]),
    ],
)
def test_streets_parameters_refused_before_the_run(tmp_path, habitat_provider, extra, words):
    path = write_big_osm(tmp_path / "city.osm", 3)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(out)
    outcome = attempt(
        "habitat:streetsfromosm",
        dict({"INPUT": f"{path}|layername=lines", "OUTPUT": str(out / "streets.gpkg")}, **extra),
    )
    assert_clear(outcome, *words)
    assert outcome.status == "refused"
    assert unchanged(out, before)


def test_streets_layer_without_highway(tmp_path, habitat_provider):
    layer = write_layer(
        tmp_path / "roads.gpkg",
        "roads",
        "LineString",
        4326,
        [("kind", "str")],
        [(LineString([(LON, LAT), (LON + STEP, LAT)]), ["road"])],
    )
    assert_clear(
        attempt("habitat:streetsfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "s.gpkg")}), "roads", "highway"
    )


def test_streets_none_of_a_street_class(tmp_path, habitat_provider):
    path = write_big_osm(tmp_path / "city.osm", 3, line_tags={i: {"highway": "proposed"} for i in range(3)})
    before = snapshot(tmp_path)
    assert_clear(
        attempt("habitat:streetsfromosm", {"INPUT": f"{path}|layername=lines", "OUTPUT": str(tmp_path / "s.gpkg")}),
        "No street",
        "city.osm",
    )
    assert unchanged(tmp_path, before)


def test_streets_without_geometry_are_counted(tmp_path, habitat_provider):
    rows = [
        (None, ["residential", "1"]),
        (LineString([(LON, LAT), (LON + STEP, LAT)]), ["primary", "2"]),
        (LineString([(LON, LAT), (LON, LAT)]), ["primary", "3"]),
    ]
    layer = write_layer(
        tmp_path / "quickosm.gpkg", "lines", "LineString", 4326, [("highway", "str"), ("osm_id", "str")], rows
    )
    outcome = attempt("habitat:streetsfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "streets.gpkg")})
    assert_reported(outcome, "without a usable line")
    assert outcome.results["STREETS"] == 1


def test_streets_output_on_its_input_is_refused(tmp_path, habitat_provider):
    layer = write_layer(
        tmp_path / "quickosm.gpkg",
        "lines",
        "LineString",
        4326,
        [("highway", "str")],
        [(LineString([(LON, LAT), (LON + STEP, LAT)]), ["primary"])],
    )
    before = snapshot(tmp_path)
    assert_clear(
        attempt("habitat:streetsfromosm", {"INPUT": layer, "OUTPUT": str(tmp_path / "quickosm.gpkg")}), "quickosm.gpkg"
    )
    assert unchanged(tmp_path, before)


# --- properties: the validator and the parsers ----------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)


def _paths(data, prefix=()):
    """Every (path, value) inside a JSON value, to replace one of them."""
    yield prefix, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


BUILT_IN_PATHS = [path for path, _ in _paths(json.loads(QUESTIONNAIRE.read_text(encoding="utf-8"))) if path]


@QUICK
@given(json_values)
def test_any_json_value_is_a_questionnaire_or_a_listed_problem(data):
    try:
        questionnaire_from_dict(data, "q.json")
    except HabitatError as error:
        assert "q.json" in str(error) and ":" in str(error)


@QUICK
@given(st.sampled_from(BUILT_IN_PATHS), json_values)
def test_any_one_damaged_value_is_valid_or_refused_with_a_place(path, value):
    data = raw()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        questionnaire = questionnaire_from_dict(data, "q.json")
    except HabitatError as error:
        lines = str(error).splitlines()
        assert len(lines) >= 2 and all(": " in line for line in lines[1:] if not line.startswith("…"))
        return
    # Accepted: everything that later steps use has the right type.
    assert all(isinstance(q.name, str) and isinstance(q.label, dict) for q in questionnaire.questions)
    for q in questionnaire.questions:
        for item in questionnaire.choices.get(q.list_name, []):
            assert item["score"] is None or (isinstance(item["score"], (int, float)) and 0 <= item["score"] <= 1)


@QUICK
@given(st.binary(max_size=300), st.sampled_from(["export.csv", "export.xlsx"]))
def test_any_bytes_are_an_export_or_an_error_naming_the_file(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        export = read_export(path)
    except HabitatError as error:
        assert name in str(error)
        return
    assert export.rows and all(len(row) == len(export.headers) for row in export.rows)


@QUICK
@given(st.lists(st.lists(st.text(alphabet='ab;"\n\r,=', max_size=5), min_size=1, max_size=4), min_size=1, max_size=5))
def test_any_csv_text_is_an_even_table_or_an_error_naming_the_file(tmp_path, rows):
    path = tmp_path / "export.csv"
    path.write_text("\n".join(";".join(cells) for cells in rows), encoding="utf-8")
    try:
        export = read_export(path)
    except HabitatError as error:
        assert "export.csv" in str(error)
        return
    assert all(len(row) == len(export.headers) for row in export.rows)


@QUICK
@given(st.one_of(st.text(max_size=20), st.floats(), st.integers(), st.none(), st.booleans()))
def test_any_width_value_is_a_plausible_width_or_not_used(value):
    reading = parse_width(value)
    if reading.status == OK:
        assert MIN_WIDTH_M <= reading.metres <= MAX_WIDTH_M
    else:
        assert reading.status in ("missing", "unreadable", "rejected")


@QUICK
@given(st.text(max_size=60))
def test_any_other_tags_text_gives_tags(text):
    tags = parse_other_tags(text)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in tags.items())
    category, counted, reason = classify_tags(tags)
    assert category is None or isinstance(counted, bool)
    kept, walkable, _ = street_walkability(tags)
    assert isinstance(kept, bool) and isinstance(walkable, bool)


@QUICK
@given(
    st.dictionaries(
        st.sampled_from(["width", "est_width", "highway", "foot", "access"]), st.text(max_size=12), max_size=5
    )
)
def test_any_street_tags_give_a_plausible_width(tags):
    from habitat_planning_plugin.core.public_space.osm import street_width
    from habitat_planning_plugin.core.public_space.street_width import WidthPolicy

    width = street_width(tags, WidthPolicy()).width
    assert MIN_WIDTH_M <= width <= MAX_WIDTH_M


def test_built_in_questionnaire_still_loads():
    assert load_questionnaire(QUESTIONNAIRE).version


def test_spaces_cancel_while_merging_keeps_earlier_output(tmp_path, habitat_provider):
    path = write_big_osm(tmp_path / "city.osm", 40)
    out = tmp_path / "out"
    out.mkdir()
    (out / "result.gpkg").write_bytes(b"earlier result")
    before = snapshot(out)
    outcome = attempt(
        "habitat:publicspacesfromosm",
        {"INPUT": f"{path}|layername=multipolygons", "OUTPUT": str(out / "result.gpkg")},
        RecordingFeedback(cancel_after_progress=50),
    )
    assert_clear(outcome, "cancel")
    assert unchanged(out, before)


@pytest.mark.parametrize(
    "content",
    [
        "<?xml version='1.0'?><osm version='0.6'></osm>",
        "<?xml version='1.0'?><osm version='0.6'><node id='1' lat='39.9' lon='116.4'/></osm>",
    ],
)
@pytest.mark.parametrize(
    "algorithm, layer", [("habitat:publicspacesfromosm", "multipolygons"), ("habitat:streetsfromosm", "lines")]
)
def test_osm_file_without_ways_is_named(tmp_path, habitat_provider, algorithm, layer, content):
    path = tmp_path / "city.osm"
    path.write_text(content, encoding="utf-8")
    outcome = attempt(algorithm, {"INPUT": f"{path}|layername={layer}", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert_clear(outcome, "city.osm", layer, "no features")


@pytest.mark.parametrize(
    "algorithm, layer", [("habitat:publicspacesfromosm", "multipolygons"), ("habitat:streetsfromosm", "lines")]
)
def test_osm_file_that_is_no_osm_is_refused(tmp_path, habitat_provider, algorithm, layer):
    path = tmp_path / "city.osm"
    path.write_text("<?xml version='1.0'?><gpx></gpx>", encoding="utf-8")
    assert_clear(
        attempt(algorithm, {"INPUT": f"{path}|layername={layer}", "OUTPUT": str(tmp_path / "o.gpkg")}), "city.osm"
    )


@pytest.mark.parametrize(
    "algorithm, layer", [("habitat:publicspacesfromosm", "multipolygons"), ("habitat:streetsfromosm", "lines")]
)
def test_osm_names_that_look_like_formulas_stay_text_in_csv(tmp_path, habitat_provider, algorithm, layer):
    evil = {"name": "=HYPERLINK(&quot;http://evil&quot;)", "leisure": "park", "highway": "residential"}
    path = write_big_osm(tmp_path / "city.osm", 3, way_tags={0: evil}, line_tags={0: dict(evil, width="@6")})
    outcome = attempt(algorithm, {"INPUT": f"{path}|layername={layer}", "OUTPUT": str(tmp_path / "out.csv")})
    assert outcome.status == "ok", str(outcome)
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    for line in text.splitlines():
        assert not any(cell.strip('"').startswith(("=", "+", "-", "@")) for cell in line.split(","))
