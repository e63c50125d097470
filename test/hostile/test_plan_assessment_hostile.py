"""Hostile input for the plan assessment tools (habitat:planassessment, habitat:planscorecardtemplate): damaged
and zero-byte workbooks, Excel's lock files, a stray quote that would swallow half a card, a criterion twice, JSON
true as a score, frameworks of the wrong shape, formula injection, wrong output formats and cancel. Every case is
refused or fails with a message naming the file (and line) and the problem, or runs and says in the log what it
skipped or counted — never a traceback — and a failed run leaves the folder as it was."""

import csv
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from habitat_planning_plugin.core.plan_assessment.scorecards import (
    Framework,
    check_scorecards,
    framework_from_dict,
    load_framework,
    read_scorecard,
    scorecard_files,
)
from habitat_planning_plugin.core.text import HabitatError
from test.conftest import ROOT
from test.core.test_scorecards import FRAMEWORK
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

FRAMEWORK_PATH = ROOT / "resources" / "frameworks" / "citywide_plan_assessment.json"
QUICK = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ASSESS = "habitat:planassessment"
TEMPLATE = "habitat:planscorecardtemplate"
HEADER = "framework,mini\nframework_version,1\nplan,Master Plan\ncity,Sample City\nyear,2026\n"


def csv_card(folder, name, assessor, body, header=HEADER):
    path = folder / name
    path.write_text(f"{header}assessor,{assessor}\n\ncriterion,score,comment,evidence\n{body}", encoding="utf-8")
    return str(path)


def json_card(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def xlsx_card(folder, name, assessor, scores, plan="Master Plan"):
    book = Workbook()
    sheet = book.active
    for row in (
        ["framework", "mini"],
        ["plan", plan],
        ["city", "Sample City"],
        ["year", 2026],
        ["assessor", assessor],
        [],
        ["criterion", "score", "comment", "evidence"],
    ):
        sheet.append(row)
    for criterion, score in scores.items():
        sheet.append([criterion, score, None, None])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    path = folder / name
    book.save(path)
    return str(path)


@pytest.fixture
def setup(tmp_path):
    """A mini framework, two good cards in cards/ and outputs into out/ (a folder of its own, to snapshot)."""
    (tmp_path / "cards").mkdir()
    (tmp_path / "out").mkdir()
    framework = tmp_path / "mini.json"
    framework.write_text(json.dumps(FRAMEWORK, ensure_ascii=False), encoding="utf-8")
    cards = tmp_path / "cards"
    good = [
        csv_card(cards, "ana.csv", "Ana", "V1,3,,\nV2,2,,\nP1,NA,,\n"),
        xlsx_card(cards, "bo.xlsx", "Bo", {"V1": 2, "V2": 2, "P1": 1}),
    ]
    out = tmp_path / "out"
    parameters = {
        "FRAMEWORK": str(framework),
        "SCORECARDS": good,
        "OUTPUT_CRITERIA": str(out / "criteria.csv"),
        "OUTPUT_THEMES": str(out / "themes.csv"),
        "OUTPUT_PLANS": str(out / "plans.csv"),
        "OUTPUT_REPORT": str(out / "report.html"),
    }
    return tmp_path, parameters


def with_card(parameters, path):
    return {**parameters, "SCORECARDS": parameters["SCORECARDS"] + [path]}


# --- habitat:planassessment: bad scorecards are refused with the file and the line named -------------------------


def zero_byte_xlsx(tmp, p):
    return with_card(p, zero_bytes(tmp / "cards" / "chen.xlsx")), ("chen.xlsx", "empty")


def damaged_xlsx(tmp, p):
    good = xlsx_card(tmp, "whole.xlsx", "Chen", {"V1": 1, "V2": 1, "P1": 1})
    return with_card(p, damaged_copy(good, tmp / "cards" / "chen.xlsx", 0.6)), ("chen.xlsx", "damaged")


def csv_named_xlsx(tmp, p):
    path = tmp / "cards" / "chen.xlsx"
    path.write_text(HEADER + "assessor,Chen\ncriterion,score\nV1,1\n", encoding="utf-8")
    return with_card(p, str(path)), ("chen.xlsx", "not an Excel workbook")


def xlsx_named_csv(tmp, p):
    good = xlsx_card(tmp, "whole.xlsx", "Chen", {"V1": 1, "V2": 1, "P1": 1})
    path = tmp / "cards" / "chen.csv"
    path.write_bytes((tmp / "whole.xlsx").read_bytes())
    assert good
    return with_card(p, str(path)), ("chen.csv", "Excel workbook")


def unbalanced_quote(tmp, p):
    # One stray quote: a lenient reader reads V2 and P1 into V1's comment and gives a card of one score.
    path = csv_card(tmp / "cards", "chen.csv", "Chen", 'V1,1,"good vision,p. 3\nV2,1,,\nP1,1,,\n')
    return with_card(p, path), ("chen.csv", "line 9", "never closed")


def swallowing_quotes(tmp, p):
    # Two stray quotes: balanced, but the rows of V2 and P1 end up inside V1's comment.
    path = csv_card(tmp / "cards", "chen.csv", "Chen", 'V1,1,"good vision,p. 3\nV2,1,,\nP1,1,weak",p. 9\n')
    return with_card(p, path), ("chen.csv", "line 9", "V2", "P1", "quote")


def text_after_quote(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", 'V1,1,"good" vision,p. 3\nV2,1,,\nP1,1,,\n')
    return with_card(p, path), ("chen.csv", "line 9", "quotes")


def too_many_cells(tmp, p):
    # An unquoted comma in a comment: the evidence would be "but weak" and "p. 3" lost.
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,good, but weak,p. 3\nV2,1,,\nP1,1,,\n")
    return with_card(p, path), ("chen.csv", "line 9", "5 cells", "header row has 4")


def plan_name_cut_by_comma(tmp, p):
    header = HEADER.replace("plan,Master Plan", "plan,Master Plan, 2030 revision")
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,,\nV2,1,,\nP1,1,,\n", header=header)
    return with_card(p, path), ("chen.csv", "line 3", "plan", "quotes")


def criterion_twice_csv(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,0,,\nV2,1,,\nP1,1,,\nV1,3,,\n")
    return with_card(p, path), ("chen.csv", "V1", "twice", "line 9", "line 12")


def criterion_twice_xlsx(tmp, p):
    path = xlsx_card(tmp / "cards", "chen.xlsx", "Chen", {"V1": 0, "V2": 1, "P1": 1})
    book = load_workbook(path)
    book.active.append(["V1", 3, None, None])
    book.save(path)
    return with_card(p, path), ("chen.xlsx", "V1", "twice", "row 8", "row 11")


def criterion_twice_json(tmp, p):
    text = (
        '{"framework": "mini", "plan": "Master Plan", "city": "Sample City", "year": 2026, "assessor": "Chen", '
        '"scores": {"V1": 0, "V2": 1, "P1": 1, "V1": 3}}'
    )
    return with_card(p, json_card(tmp / "cards", "chen.json", text)), ("chen.json", "V1", "twice")


def json_true_score(tmp, p):
    text = json.dumps(
        {
            "framework": "mini",
            "plan": "Master Plan",
            "city": "Sample City",
            "year": 2026,
            "assessor": "Chen",
            "scores": {"V1": True, "V2": 1, "P1": {"score": False}},
        }
    )
    return with_card(p, json_card(tmp / "cards", "chen.json", text)), ("chen.json", "V1", "true or false")


def json_nan_score(tmp, p):
    text = '{"framework": "mini", "plan": "Master Plan", "assessor": "Chen", "scores": {"V1": NaN, "V2": 1, "P1": 1}}'
    return with_card(p, json_card(tmp / "cards", "chen.json", text)), ("chen.json", "NaN")


def half_point_score(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,2.5,,\nV2,1,,\nP1,1,,\n")
    return with_card(p, path), ("chen.csv", "line 9", "V1", "whole number")


def year_infinite(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,,\n", header=HEADER.replace("year,2026", "year,inf"))
    return with_card(p, path), ("chen.csv", "line 5", "year")


def year_implausible(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,,\n", header=HEADER.replace("year,2026", "year,20260"))
    return with_card(p, path), ("chen.csv", "20260", "1900", "2200")


def meta_twice(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,,\n", header=HEADER + "plan,Other Plan\n")
    return with_card(p, path), ("chen.csv", "plan", "twice")


def plan_as_object(tmp, p):
    text = json.dumps({"framework": "mini", "plan": {"en": "Master Plan"}, "assessor": "Chen", "scores": {"V1": 1}})
    return with_card(p, json_card(tmp / "cards", "chen.json", text)), ("chen.json", "plan", "must be text")


def not_utf8(tmp, p):
    # GBK (Excel's "CSV" on a Chinese Windows) is read (test/core/test_file_encodings.py); Shift-JIS half-width
    # katakana before a line end is neither UTF-8 nor GB18030.
    path = tmp / "cards" / "chen.csv"
    path.write_bytes((HEADER + "assessor,ﾁｪﾝ\ncriterion,score\nV1,1\n").encode("shift_jis"))
    return with_card(p, str(path)), ("chen.csv", "line 6", "UTF-8", "GB18030")


def unfilled_template(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,,,\nV2,,,\nP1,,,\n")
    return with_card(p, path), ("chen.csv", "no criterion has a score")


def row_without_criterion(tmp, p):
    path = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,,\n,2,orphan comment,\n")
    return with_card(p, path), ("chen.csv", "line 10", "without a criterion")


def folder_without_cards(tmp, p):
    (tmp / "empty").mkdir()
    (tmp / "empty" / "notes.docx").write_bytes(b"x")
    return with_card(p, str(tmp / "empty")), ("empty", "no scorecard")


def framework_a_list(tmp, p):
    path = tmp / "list.json"
    path.write_text(json.dumps([FRAMEWORK]), encoding="utf-8")
    return {**p, "FRAMEWORK": str(path)}, ("list.json", "JSON object", "list")


def framework_wrong_shapes(tmp, p):
    broken = json.loads(json.dumps(FRAMEWORK))
    broken["themes"][0]["id"] = "  "
    broken["themes"][0]["criteria"][0]["levels"] = {str(k): f"level {k}" for k in range(4)}
    broken["themes"][1]["criteria"][0]["weight"] = "2"
    broken["themes"][1]["name"] = "Participation"
    path = tmp / "shapes.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    return {**p, "FRAMEWORK": str(path)}, (
        "shapes.json",
        'theme 1: "id" is missing or empty',
        "theme 1, criterion 1, level 0",
        'theme 2, criterion 1: "weight"',
        'theme 2: "name" must be texts by language',
    )


def framework_zero_bytes(tmp, p):
    return {**p, "FRAMEWORK": zero_bytes(tmp / "zero.json")}, ("zero.json", "empty")


def plans_output_docx(tmp, p):
    return {**p, "OUTPUT_PLANS": str(tmp / "out" / "plans.docx")}, ("plans.docx", ".csv")


def report_docx(tmp, p):
    return {**p, "OUTPUT_REPORT": str(tmp / "out" / "report.docx")}, ("report.docx", ".html")


def two_outputs_one_file(tmp, p):
    return {**p, "OUTPUT_THEMES": p["OUTPUT_PLANS"]}, ("plans.csv", "both written")


def output_over_a_card(tmp, p):
    return {**p, "OUTPUT_CRITERIA": p["SCORECARDS"][0]}, ("ana.csv", "write over the input")


def cities_without_field(tmp, p):
    from shapely.geometry import box

    from test.helpers import write_layer

    cities = write_layer(
        tmp / "cities.gpkg", "cities", "Polygon", 32650, [("name", "str")], [(box(0, 0, 10, 10), ["Sample City"])]
    )
    return {**p, "CITIES": cities, "OUTPUT_MAP": str(tmp / "out" / "map.gpkg")}, ("city name field",)


REFUSED = [
    zero_byte_xlsx,
    damaged_xlsx,
    csv_named_xlsx,
    xlsx_named_csv,
    unbalanced_quote,
    swallowing_quotes,
    text_after_quote,
    too_many_cells,
    plan_name_cut_by_comma,
    criterion_twice_csv,
    criterion_twice_xlsx,
    criterion_twice_json,
    json_true_score,
    json_nan_score,
    half_point_score,
    year_infinite,
    year_implausible,
    meta_twice,
    plan_as_object,
    not_utf8,
    unfilled_template,
    row_without_criterion,
    folder_without_cards,
    framework_a_list,
    framework_wrong_shapes,
    framework_zero_bytes,
    plans_output_docx,
    report_docx,
    two_outputs_one_file,
    output_over_a_card,
    cities_without_field,
]


@pytest.mark.parametrize("case", REFUSED, ids=[case.__name__ for case in REFUSED])
def test_assessment_refuses_bad_input_by_name(case, setup, habitat_provider):
    tmp, parameters = setup
    parameters, words = case(tmp, parameters)
    before_outputs = (tmp / "out" / "plans.csv").write_text("earlier results\n", encoding="utf-8")
    assert before_outputs
    before = snapshot(tmp / "out")
    outcome = attempt(ASSESS, parameters)
    assert_clear(outcome, *words)
    assert unchanged(tmp / "out", before), "a failed run changed the output folder"


def test_assessment_skips_lock_files_with_a_note(setup, habitat_provider):
    tmp, parameters = setup
    cards = tmp / "cards"
    (cards / "~$bo.xlsx").write_bytes(b"\x04Bo  " + b"\x00" * 160)  # Excel's owner file while bo.xlsx is open
    (cards / ".~lock.ana.csv#").write_text(",Ana,host,01.12.2026 10:00,file:///home/ana;", encoding="utf-8")
    (cards / "._ana.csv").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 60)  # macOS metadata on a USB stick
    outcome = attempt(ASSESS, {**parameters, "SCORECARDS": [str(cards), str(cards / "~$bo.xlsx")]})
    assert_reported(
        outcome,
        "~$bo.xlsx was skipped",
        "._ana.csv was skipped",
        "1 files that are not",
        "ana.csv (Ana): 3 criteria read: 2 scored 0 to 3, 1 NA, 0 left blank",
        "bo.xlsx (Bo): 3 criteria read: 3 scored 0 to 3",
    )
    (plan,) = list(csv.DictReader(open(tmp / "out" / "plans.csv", encoding="utf-8")))
    assert plan["assessors"] == "2"


def test_a_card_cut_in_half_is_counted_not_hidden(setup, habitat_provider):
    """A card that lost its last rows: the run goes on (the criteria count as not scored, as before), but the log
    says how many scores each card gave and which criteria it lacks, and on how few criteria alpha rests."""
    tmp, parameters = setup
    cut = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,3,,\n")
    outcome = attempt(ASSESS, {**parameters, "SCORECARDS": [parameters["SCORECARDS"][0], cut]})
    assert_reported(
        outcome,
        "chen.csv (Chen): 1 criteria read",
        "chen.csv: 2 of the 3 criteria of the framework are not in the scorecard (V2, P1)",
        "alpha 1.000 over 1 criteria",
        "rests on only 1 of the 3",
    )


def test_blank_scores_are_reported_and_left_out(setup, habitat_provider):
    tmp, parameters = setup
    blank = csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,,\nV2,,forgot,\nP1,1,,\n")
    outcome = attempt(ASSESS, with_card(parameters, blank))
    assert_reported(outcome, "chen.csv: 1 criteria have no score (left blank) and count as not scored: V2")
    rows = {r["criterion"]: r for r in csv.DictReader(open(tmp / "out" / "criteria.csv", encoding="utf-8"))}
    assert rows["V2"]["n"] == "2" and rows["V1"]["n"] == "3"


def test_plans_differing_in_case_are_flagged(setup, habitat_provider):
    tmp, parameters = setup
    other = csv_card(
        tmp / "cards",
        "chen.csv",
        "Chen",
        "V1,1,,\nV2,1,,\nP1,1,,\n",
        header=HEADER.replace("Master Plan", "master plan "),
    )
    outcome = attempt(ASSESS, with_card(parameters, other))
    assert_reported(outcome, "assessed as different plans", "master plan", "Master Plan")


def test_formula_names_stay_text_in_csv_and_xlsx_outputs(setup, habitat_provider):
    tmp, parameters = setup
    cards = tmp / "cards"
    header = HEADER.replace("plan,Master Plan", 'plan,"=HYPERLINK(""http://x"",""open"")"').replace(
        "Sample City", "@City"
    )
    evil = [
        csv_card(cards, "a.csv", "=1+1", "V1,3,,\nV2,2,,\nP1,1,,\n", header=header),
        csv_card(cards, "b.csv", "-Bo", "V1,2,,\nV2,2,,\nP1,1,,\n", header=header),
    ]
    out = tmp / "out"
    outcome = attempt(
        ASSESS,
        {
            **parameters,
            "SCORECARDS": evil,
            "OUTPUT_PLANS": str(out / "plans.xlsx"),
            "OUTPUT_CRITERIA": str(out / "criteria.csv"),
        },
    )
    assert outcome.status == "ok", str(outcome)
    with open(out / "criteria.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["plan"] for row in rows} == {'\'=HYPERLINK("http://x","open")'}
    assert {row["city"] for row in rows} == {"'@City"}
    sheet = load_workbook(out / "plans.xlsx").active  # text cells (the base may add an apostrophe too)
    cells = [cell for row in sheet.iter_rows() for cell in row if "=HYPERLINK" in str(cell.value)]
    assert cells and all(cell.data_type == "s" for cell in cells)
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;open&quot;)" in html


def test_ods_output_keeps_of_formula_text_as_text(setup, habitat_provider):
    import zipfile

    tmp, parameters = setup
    header = HEADER.replace("plan,Master Plan", "plan,of:=1+1")
    cards = [csv_card(tmp / "cards", "a.csv", "Ana", "V1,3,,\nV2,2,,\nP1,1,,\n", header=header)]
    outcome = attempt(ASSESS, {**parameters, "SCORECARDS": cards, "OUTPUT_PLANS": str(tmp / "out" / "plans.ods")})
    assert outcome.status == "ok", str(outcome)
    content = zipfile.ZipFile(tmp / "out" / "plans.ods").read("content.xml").decode("utf-8")
    assert "table:formula" not in content and "'of:=1+1" in content


def test_city_fields_named_like_results_are_replaced_not_misaligned(setup, habitat_provider):
    from shapely.geometry import box

    from test.helpers import read_rows, write_layer

    tmp, parameters = setup
    cities = write_layer(
        tmp / "cities.gpkg",
        "cities",
        "Polygon",
        32650,
        [("name", "str"), ("pqi", "str")],
        [(box(0, 0, 10, 10), ["sample  city", "old"]), (box(20, 0, 30, 10), [None, "x"])],
    )
    outcome = attempt(
        ASSESS, {**parameters, "CITIES": cities, "CITY_FIELD": "name", "OUTPUT_MAP": str(tmp / "out" / "map.gpkg")}
    )
    assert_reported(outcome, "fields pqi are replaced")
    rows = {r["name"]: r for r in read_rows(tmp / "out" / "map.gpkg")}
    assert rows["sample  city"]["plan"] == "Master Plan" and isinstance(rows["sample  city"]["pqi"], float)
    assert rows[None]["plan"] is None


def test_cancel_leaves_the_outputs_as_they_were(setup, habitat_provider):
    tmp, parameters = setup
    cards = [*parameters["SCORECARDS"], csv_card(tmp / "cards", "chen.csv", "Chen", "V1,1,,\nV2,1,,\nP1,1,,\n")]
    (tmp / "out" / "plans.csv").write_text("earlier\n", encoding="utf-8")
    before = snapshot(tmp / "out")
    outcome = attempt(ASSESS, {**parameters, "SCORECARDS": cards}, RecordingFeedback(cancel_after_progress=10))
    assert_clear(outcome, "Cancelled")
    assert unchanged(tmp / "out", before)


def test_an_old_template_card_with_a_formula_name_is_still_read(tmp_path):
    """A card made before the fix holds the plan name "=1+1" as a live formula without a computed value: it is
    read as the name typed, not as an empty plan."""
    book = Workbook()
    sheet = book.active
    for row in (
        ["framework", "mini"],
        ["plan", "=1+1"],
        ["assessor", "=A1"],
        [],
        ["criterion", "score", "comment", "evidence"],
        ["V1", 2, None, None],
    ):
        sheet.append(row)
    book.save(tmp_path / "old.xlsx")
    card = read_scorecard(tmp_path / "old.xlsx")
    assert (card.plan, card.assessor, card.scores) == ("=1+1", "=A1", {"V1": 2.0})


# --- habitat:planscorecardtemplate --------------------------------------------------------------------------------


def framework_file(tmp, name, data=None, text=None):
    path = tmp / name
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def changed(mutate):
    data = json.loads(json.dumps(FRAMEWORK))
    mutate(data)
    return data


TEMPLATE_REFUSED = [
    ("control_character", {"PLAN": "Plan\x07 2030"}, ("Plan name", "control character")),
    ("line_break", {"ASSESSOR": "Ana\nBo"}, ("Assessor", "line break")),
    ("too_long", {"CITY": "x" * 5000}, ("City", "5000 characters")),
    ("output_csv", {"OUTPUT": "card.csv"}, ("card.csv", ".xlsx")),
    ("output_without_extension", {"OUTPUT": "card"}, ("card", ".xlsx")),
    ("year_out_of_range", {"YEAR": 3000}, ("Year of the plan",)),
    ("framework_zero_bytes", {"FRAMEWORK": "zero"}, ("zero.json", "empty")),
    ("framework_list", {"FRAMEWORK": ("list.json", [FRAMEWORK])}, ("list.json", "JSON object")),
    (
        "levels_as_strings",
        {
            "FRAMEWORK": (
                "levels.json",
                changed(
                    lambda d: d["themes"][0]["criteria"][0].update(levels={str(k): f"level {k}" for k in range(4)})
                ),
            )
        },
        ("levels.json", "theme 1, criterion 1, level 0"),
    ),
    (
        "weight_true",
        {"FRAMEWORK": ("weight.json", changed(lambda d: d["themes"][0]["criteria"][0].update(weight=True)))},
        ("weight.json", 'theme 1, criterion 1: "weight" must be a number above 0'),
    ),
    (
        "weight_huge",
        {"FRAMEWORK": ("huge.json", changed(lambda d: d["themes"][0]["criteria"][0].update(weight=1e9)))},
        ("huge.json", "implausible"),
    ),
    (
        "blank_criterion_id",
        {"FRAMEWORK": ("blank.json", changed(lambda d: d["themes"][1]["criteria"][0].update(id=" ")))},
        ("blank.json", 'theme 2, criterion 1: "id" is missing or empty'),
    ),
    (
        "theme_ids_differ_in_case",
        {"FRAMEWORK": ("case.json", changed(lambda d: d["themes"][1].update(id="Vision")))},
        ("case.json", "Vision", "used twice"),
    ),
    (
        "themes_not_a_list",
        {"FRAMEWORK": ("themes.json", changed(lambda d: d.update(themes={"vision": d["themes"][0]})))},
        ("themes.json", '"themes" must be a list'),
    ),
    (
        "question_number",
        {"FRAMEWORK": ("question.json", changed(lambda d: d["themes"][0]["criteria"][1].update(question={"en": 5})))},
        ("question.json", 'theme 1, criterion 2: "question": the text "en" must be text'),
    ),
    (
        "key_twice",
        {"FRAMEWORK": ("twice.json", '{"id": "mini", "id": "other", "name": {"en": "x"}, "themes": []}')},
        ("twice.json", '"id" is given twice'),
    ),
    ("nested_too_deep", {"FRAMEWORK": ("deep.json", "[" * 100_000 + "]" * 100_000)}, ("deep.json", "nested")),
    ("xlsx_named_json", {"FRAMEWORK": "xlsx"}, ("book.json", "Excel workbook")),
]


@pytest.mark.parametrize("name, changes, words", TEMPLATE_REFUSED, ids=[case[0] for case in TEMPLATE_REFUSED])
def test_template_refuses_bad_input_by_name(name, changes, words, tmp_path, habitat_provider):
    (tmp_path / "out").mkdir()
    parameters = {
        "PLAN": "Master Plan",
        "CITY": "Sample City",
        "YEAR": 2026,
        "ASSESSOR": "Ana",
        "OUTPUT": str(tmp_path / "out" / "card.xlsx"),
    }
    for key, value in changes.items():
        if key == "OUTPUT":
            value = str(tmp_path / "out" / value)
        elif key == "FRAMEWORK" and value == "zero":
            value = zero_bytes(tmp_path / "zero.json")
        elif key == "FRAMEWORK" and value == "xlsx":
            xlsx_card(tmp_path, "book.json", "Ana", {"V1": 1})
            value = str(tmp_path / "book.json")
        elif key == "FRAMEWORK":
            file_name, content = value
            value = framework_file(tmp_path, file_name, *((None, content) if isinstance(content, str) else (content,)))
        parameters[key] = value
    (tmp_path / "out" / "card.xlsx").write_bytes(b"an earlier card")
    before = snapshot(tmp_path / "out")
    outcome = attempt(TEMPLATE, parameters)
    assert_clear(outcome, *words)
    assert unchanged(tmp_path / "out", before)


@pytest.mark.parametrize(
    "plan, assessor, city",
    [
        ('=HYPERLINK("http://evil","click")', "@SUM(A1:A9)", "+city"),
        ("=1+1", "-Ana", "=cmd|' /C calc'!A0"),
    ],
)
def test_template_stores_formula_names_as_text_and_the_card_is_accepted(
    plan, assessor, city, tmp_path, habitat_provider
):
    target = tmp_path / "card.xlsx"
    outcome = attempt(TEMPLATE, {"PLAN": plan, "CITY": city, "ASSESSOR": assessor, "YEAR": 2026, "OUTPUT": str(target)})
    assert outcome.status == "ok", str(outcome)
    book = load_workbook(target)
    sheet = book.active
    meta = {row[0].value: row[1] for row in sheet.iter_rows(max_row=6)}
    assert meta["plan"].value == plan and meta["plan"].data_type == "s"
    assert meta["city"].value == city and meta["city"].data_type == "s"
    assert meta["assessor"].value == assessor and meta["assessor"].data_type == "s"
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "criterion")
    for offset in range(36):  # the criteria of framework v2
        sheet.cell(header + 2 + offset, 2).value = 2
    book.save(target)
    card = read_scorecard(target)
    assert (card.plan, card.city, card.assessor) == (plan, city, assessor)
    assert check_scorecards(load_framework(FRAMEWORK_PATH), [card]) == []


def test_template_leaves_out_control_characters_of_a_pasted_framework(tmp_path, habitat_provider):
    data = changed(lambda d: d["themes"][0]["criteria"][0]["question"].update(en="Vision?\x0b(from Word)\x01"))
    outcome = attempt(
        TEMPLATE, {"FRAMEWORK": framework_file(tmp_path, "pasted.json", data), "OUTPUT": str(tmp_path / "card.xlsx")}
    )
    assert_reported(outcome, "2 control characters")
    rows = list(load_workbook(tmp_path / "card.xlsx").active.iter_rows(values_only=True))
    assert any(row[5] == "Vision?(from Word)" for row in rows)


def test_template_to_a_temporary_output(habitat_provider):
    outcome = attempt(TEMPLATE, {"PLAN": "P", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert outcome.status == "ok", str(outcome)
    assert read_scorecard_header(outcome.results["OUTPUT"]) == "P"


def read_scorecard_header(path):
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    return dict(row[:2] for row in rows if row and row[0] in ("plan", "assessor"))["plan"]


def test_template_cancel_keeps_the_earlier_card(tmp_path, habitat_provider):
    target = tmp_path / "card.xlsx"
    target.write_bytes(b"earlier card")
    before = snapshot(tmp_path)
    feedback = RecordingFeedback()
    feedback.cancel()
    outcome = attempt(TEMPLATE, {"PLAN": "P", "OUTPUT": str(target)}, feedback)
    assert_clear(outcome, "Cancelled")
    assert unchanged(tmp_path, before)


# --- properties of the readers ------------------------------------------------------------------------------------

SUFFIX = st.sampled_from([".csv", ".json", ".xlsx", ".txt"])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@QUICK
@given(data=st.binary(max_size=400), suffix=SUFFIX)
def test_any_bytes_are_a_scorecard_or_an_error_naming_the_file(tmp_path, data, suffix):
    path = tmp_path / f"card{suffix}"
    path.write_bytes(data)
    try:
        card = read_scorecard(path)
    except HabitatError as error:
        assert path.name in str(error)
    else:
        assert card.plan and card.assessor and card.framework


@QUICK
@given(table=st.lists(st.lists(st.text(st.sampled_from('ab,;"\n\r 01=NA'), max_size=6), max_size=5), max_size=8))
def test_any_csv_text_is_a_scorecard_or_an_error_naming_the_file(tmp_path, table):
    path = tmp_path / "card.csv"
    text = "framework,mini\nplan,P\nassessor,A\ncriterion,score,comment,evidence\n" + "\n".join(
        ",".join(row) for row in table
    )
    path.write_text(text, encoding="utf-8")
    try:
        card = read_scorecard(path)
    except HabitatError as error:
        assert "card.csv" in str(error)
    else:
        assert all(score != score or score in (0, 1, 2, 3) for score in card.scores.values())


@QUICK
@given(
    scores=st.dictionaries(st.sampled_from(["V1", "V2", "P1"]), JSON_VALUES, max_size=3),
    meta=st.dictionaries(st.sampled_from(["plan", "year", "assessor", "city"]), JSON_VALUES, max_size=4),
)
def test_any_json_card_gives_scores_on_the_scale_or_an_error(tmp_path, scores, meta):
    path = tmp_path / "card.json"
    path.write_text(
        json.dumps({"framework": "mini", "plan": "P", "assessor": "A", **meta, "scores": scores}), encoding="utf-8"
    )
    try:
        card = read_scorecard(path)
    except HabitatError as error:
        assert "card.json" in str(error)
        return
    for criterion, score in card.scores.items():
        given_value = scores[criterion]
        given_value = given_value.get("score") if isinstance(given_value, dict) else given_value
        assert not isinstance(given_value, bool), "true/false was read as a score"
        assert score != score or score in (0, 1, 2, 3)
    assert 1900 <= card.year <= 2200 or card.year == 0


@QUICK
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["0", "1", "2", "3", "NA", ""]),
            st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20),
            st.text(st.sampled_from('=+-@",;\n xyz'), max_size=10),
        ),
        min_size=3,
        max_size=3,
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
    plan=st.text(st.sampled_from('=+-@",; Plan'), min_size=1, max_size=12).filter(str.strip),
)
def test_csv_written_by_a_spreadsheet_reads_back_exactly(tmp_path, rows, delimiter, plan):
    """Whatever the comments hold (quotes, separators, line breaks, formulas), a card written by a proper CSV
    writer reads back exactly: the strict reader never refuses a good file nor cuts a text."""
    path = tmp_path / "card.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerows(
            [
                ["framework", "mini"],
                ["plan", plan],
                ["assessor", "A"],
                [],
                ["criterion", "score", "comment", "evidence"],
            ]
        )
        writer.writerows(
            [
                [criterion, score, comment, evidence]
                for criterion, (score, comment, evidence) in zip(["V1", "V2", "P1"], rows)
            ]
        )
    card = read_scorecard(path)
    assert card.plan == plan.strip()
    for criterion, (score, comment, evidence) in zip(["V1", "V2", "P1"], rows):
        if score == "":
            assert criterion in card.blank
        elif score == "NA":
            assert math.isnan(card.scores[criterion])
        else:
            assert card.scores[criterion] == float(score)
        assert card.comments[criterion] == comment and card.evidence[criterion] == evidence


@QUICK
@given(data=JSON_VALUES)
def test_any_json_is_a_framework_or_every_problem_listed(data):
    try:
        framework = framework_from_dict(data)
    except HabitatError as error:
        assert str(error)
    else:
        assert isinstance(framework, Framework) and framework.criteria


PATHS = st.lists(
    st.sampled_from(["themes", 0, 1, "criteria", "levels", "0", "question", "name", "id", "weight", "en"]),
    min_size=1,
    max_size=5,
)


@QUICK
@given(path=PATHS, value=JSON_VALUES)
def test_a_framework_with_any_part_replaced_is_valid_or_refused_and_then_usable(path, value):
    """Replace any part of a good framework with any JSON: either the framework is refused, or everything the
    tools use of it (the template's texts, the weights) works."""
    data = json.loads(json.dumps(FRAMEWORK))
    node = data
    for key in path[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return
    try:
        node[path[-1]] = value
    except (IndexError, TypeError):
        return
    try:
        framework = framework_from_dict(data)
    except HabitatError:
        return
    for criterion in framework.criteria:
        assert math.isfinite(criterion.weight) and criterion.weight > 0
        assert all(isinstance(text, str) for text in criterion.question.values())
        assert set(criterion.levels) == {"0", "1", "2", "3"}
        assert all(isinstance(level.get("en", ""), str) for level in criterion.levels.values())


@QUICK
@given(data=st.binary(max_size=300))
def test_any_framework_bytes_are_read_or_refused_naming_the_file(tmp_path, data):
    path = tmp_path / "framework.json"
    path.write_bytes(data)
    try:
        load_framework(path)
    except HabitatError as error:
        assert "framework.json" in str(error)


@QUICK
@given(
    names=st.lists(
        st.sampled_from(["a.csv", "~$a.xlsx", ".~lock.a.csv#", "._a.csv", "b.json", "a.csv"]), min_size=1, max_size=6
    )
)
def test_lock_files_never_count_as_scorecards(tmp_path, names):
    for name in set(names):
        (tmp_path / name).write_bytes(b"x")
    try:
        files, notes = scorecard_files([tmp_path / name for name in names])
    except HabitatError:
        assert all(name.startswith(("~$", ".~lock.", "._")) for name in names)
        return
    assert not any(path.name.startswith(("~$", ".~lock.", "._")) for path in files)
    assert len(files) == len({name for name in names if not name.startswith(("~$", ".~lock.", "._"))})


@pytest.fixture(scope="module")
def whole_workbook(tmp_path_factory):
    path = xlsx_card(tmp_path_factory.mktemp("whole"), "card.xlsx", "Ana", {"V1": 1, "V2": 2})
    with open(path, "rb") as stream:
        return stream.read()


@QUICK
@given(cut=st.floats(0.0, 1.0), flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=4))
def test_a_damaged_workbook_is_read_or_refused_naming_the_file(tmp_path, whole_workbook, cut, flips):
    """A workbook cut short or with damaged bytes (a download broken off, a bad USB stick): read as it is, or
    refused naming the file — never an exception of the zip or XML readers."""
    data = bytearray(whole_workbook[: max(1, int(len(whole_workbook) * cut))])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data))
    try:
        card = read_scorecard(path)
    except HabitatError as error:
        assert "damaged.xlsx" in str(error)
    else:
        assert card.assessor and all(score != score or score in (0, 1, 2, 3) for score in card.scores.values())


@QUICK
@given(
    criteria=st.lists(st.sampled_from(["V1", "V2", "P1"]), min_size=1, max_size=5),
    suffix=st.sampled_from([".csv", ".xlsx", ".json"]),
)
def test_a_criterion_given_twice_is_always_refused(tmp_path, criteria, suffix):
    """Never "the last row wins": a card that lists a criterion twice is refused naming it, in every format."""
    if suffix == ".xlsx":
        book = Workbook()
        for row in (["framework", "mini"], ["plan", "P"], ["assessor", "A"], ["criterion", "score"]):
            book.active.append(row)
        for index, criterion in enumerate(criteria):
            book.active.append([criterion, index % 4])
        book.save(tmp_path / "card.xlsx")
    elif suffix == ".csv":
        (tmp_path / "card.csv").write_text(
            "framework,mini\nplan,P\nassessor,A\ncriterion,score\n"
            + "".join(f"{criterion},{index % 4}\n" for index, criterion in enumerate(criteria)),
            encoding="utf-8",
        )
    else:
        (tmp_path / "card.json").write_text(
            '{"framework": "mini", "plan": "P", "assessor": "A", "scores": {'
            + ", ".join(f'"{criterion}": {index % 4}' for index, criterion in enumerate(criteria))
            + "}}",
            encoding="utf-8",
        )
    repeated = [criterion for criterion in set(criteria) if criteria.count(criterion) > 1]
    try:
        card = read_scorecard(tmp_path / f"card{suffix}")
    except HabitatError as error:
        assert repeated and "twice" in str(error) and any(criterion in str(error) for criterion in repeated)
    else:
        assert not repeated and sorted(card.scores) == sorted(criteria)
