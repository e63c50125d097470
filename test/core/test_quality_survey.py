"""The quality questionnaire, its XLSForm (checked with pyxform, as KoboToolbox does) and the scoring rules."""

import copy
import json
import math
import re

import pytest

from habitat_planning_plugin.core.public_space.quality import (
    Export,
    dimension_weights,
    interpret,
    item_scores,
    read_export,
    score_spaces,
)
from habitat_planning_plugin.core.public_space.survey import (
    evenness,
    load_questionnaire,
    questionnaire_from_dict,
    write_xlsform,
)
from habitat_planning_plugin.core.text import HabitatError
from test.paths import ROOT

QUESTIONNAIRE = ROOT / "resources" / "questionnaires" / "public_space_quality.json"


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(QUESTIONNAIRE)


def raw():
    return json.loads(QUESTIONNAIRE.read_text(encoding="utf-8"))


def test_built_in_questionnaire_covers_the_guide(questionnaire):
    assert list(questionnaire.dimensions) == [
        "accessibility",
        "use",
        "comfort",
        "safety",
        "green",
        "facilities",
        "maintenance",
    ]
    for dimension in questionnaire.dimensions:
        assert any(d == dimension for _, d, _ in questionnaire.scored_items())
    # Every text of the definition speaks both languages: questions, hints, choices, dimensions, groups, title.
    texts = [q.label for q in questionnaire.questions] + [q.hint for q in questionnaire.questions if q.hint]
    texts += [c["label"] for items in questionnaire.choices.values() for c in items]
    texts += list(questionnaire.dimensions.values()) + [label for _, label in questionnaire.groups]
    texts += [d.label for d in questionnaire.derived] + [questionnaire.title]
    missing = [t for t in texts if not (t.get("en") and re.search(r"[\u4e00-\u9fff]", t.get("zh", "")))]
    assert missing == []
    names = {q.name for q in questionnaire.questions}
    assert {
        "space_id",
        "gps",
        "photo",
        "users_women",
        "users_men",
        "users_disability",
        "safety_women",
        "safety_men",
        "green_cover_pct",
        "toilets",
        "drinking_water",
        "seating",
        "shade",
    } <= names


@pytest.mark.parametrize("spaces", [None, [("1", "Central Park"), ("A-7", "Market Square"), ("3", "")]])
def test_xlsform_passes_pyxform(tmp_path, questionnaire, spaces):
    from openpyxl import load_workbook
    from pyxform.xls2xform import convert

    path = write_xlsform(questionnaire, tmp_path / "form.xlsx", spaces)
    result = convert(xlsform=str(path), validate=False)
    assert "<h:title>City-wide public space assessment: quality survey</h:title>" in result.xform
    assert 'lang="Chinese (zh)"' in result.xform and "轮椅使用者" in result.xform
    book = load_workbook(path)
    survey = [row for row in book["survey"].iter_rows(values_only=True)]
    header = survey[0]
    assert "label::English (en)" in header and "label::Chinese (zh)" in header
    rows = {row[1]: dict(zip(header, row)) for row in survey[1:] if row[1]}
    assert rows["form_version"]["calculation"] == "'2026.1'"
    assert rows["barriers"]["constraint"] == "not(selected(., 'none') and count-selected(.) > 1)"
    assert rows["fee_amount"]["relevant"] == "${entry_fee} = 'yes'"
    assert rows["green_cover_pct"]["constraint"] == ". >= 0 and . <= 100"
    choices = [row for row in book["choices"].iter_rows(values_only=True)]
    if spaces:
        assert rows["space_id"]["type"] == "select_one spaces"
        assert ("spaces", "A-7", "A-7 · Market Square", "A-7 · Market Square") in choices
        assert ("spaces", "other", "Not in the list", "不在列表中") in choices
        assert "<name>A-7</name>" in result.xform  # the id is the choice's value in the form's instance
    else:
        assert rows["space_id"]["type"] == "text"


def test_questionnaire_errors_are_listed_with_where_they_are():
    data = raw()
    data["groups"][1]["questions"][0]["dimension"] = "beauty"
    data["groups"][1]["questions"][1]["type"] = "select_one nowhere"
    data["choices"]["yes_no"][0]["score"] = 2
    data["derived"][0]["of"] = ["users_women", "space_type"]
    with pytest.raises(HabitatError) as error:
        questionnaire_from_dict(data)
    message = str(error.value)
    assert 'the dimension "beauty" does not exist' in message
    assert 'the choice list "nowhere" does not exist' in message
    assert 'choice list "yes_no", choice 1' in message
    assert '"space_type" is not a count question' in message


def test_evenness_by_hand():
    assert evenness([5, 5]) == pytest.approx(1.0)
    assert evenness([10, 0]) == 0.0
    assert evenness([0, 0]) == 0.0
    p = [0.75, 0.25]  # H = -(0.75 ln 0.75 + 0.25 ln 0.25) = 0.562335; / ln 2
    assert evenness([3, 1]) == pytest.approx(-sum(x * math.log(x) for x in p) / math.log(2))
    assert evenness([3, 1]) == pytest.approx(0.811278, abs=1e-6)
    assert evenness([4, 0, 0, 0]) == 0.0 and evenness([1, 1, 1, 1]) == pytest.approx(1.0)
    assert evenness([1, None]) is None


def test_item_scores_by_hand(questionnaire):
    scores = item_scores(
        questionnaire,
        {
            "universal_access": "partly",
            "entry_fee": "yes",
            "barriers": {"fence", "steps"},
            "activities": {"sitting", "play", "none"},
            "users_disability": 3.0,
            "green_cover_pct": 40.0,
            "safety_men": "no_answer",
            "users_women": 3.0,
            "users_men": 1.0,
            "amenities": {"none"},
        },
    )
    assert scores["universal_access"] == 0.5
    assert scores["entry_fee"] == 0.0  # a fee scores 0 (the question overrides yes=1)
    assert scores["barriers"] == 0.5  # 1 - 2 of 4 barriers
    assert scores["activities"] == pytest.approx(2 / 6)  # "none" is not a scored activity
    assert scores["users_disability"] == 1.0  # linear 0 at 0, 1 at 1, clamped
    assert scores["green_cover_pct"] == pytest.approx(0.4)
    assert scores["safety_men"] is None  # nobody to ask: not scored
    assert scores["gender_balance"] == pytest.approx(0.811278, abs=1e-6)
    assert scores["age_mix"] is None  # age counts missing
    assert scores["amenities"] == 0.0
    assert scores["opening_hours"] is None


def test_weights(questionnaire):
    assert dimension_weights(questionnaire, "") == {d: 1.0 for d in questionnaire.dimensions}
    weights = dimension_weights(questionnaire, "safety=2; maintenance=0")
    assert weights["safety"] == 2.0 and weights["maintenance"] == 0.0 and weights["comfort"] == 1.0
    with pytest.raises(HabitatError, match='Unknown dimension "beauty"'):
        dimension_weights(questionnaire, "beauty=2")
    with pytest.raises(HabitatError, match="must be a number of 0 or more"):
        dimension_weights(questionnaire, "safety=-1")
    with pytest.raises(HabitatError, match="At least one dimension"):
        dimension_weights(questionnaire, ",".join(f"{d}=0" for d in questionnaire.dimensions))


def export(headers, *rows):
    return Export("test.csv", headers, [list(row) for row in rows])


def test_interpret_checks_every_row(questionnaire):
    headers = [
        "_uuid",
        "form_version",
        "identification/space_id",
        "accessibility/universal_access",
        "accessibility/opening_hours",
        "green/green_cover_pct",
        "_gps_latitude",
        "_gps_longitude",
        "my_extra_column",
    ]
    table = export(
        headers,
        ["u1", "2026.1", "7", "yes", "always", "50", "", "", "x"],
        ["u2", "2026.1", "99", "maybe", "Open in daytime only", "140", "31.6", "117.0", ""],
        ["u1", "2026.1", "7", "yes", "always", "50", "", "", ""],
        ["u3", "2025.1", "", "no", "", "", "abc", "117", ""],
        ["u4", "2026.1", "7 · Central Park", "Partly", "", "20.0", "", "", ""],
    )
    submissions, problems, columns = interpret(questionnaire, table, ["7", "8"])
    assert [s.uuid for s in submissions] == ["u1", "u2", "u3", "u4"]  # the duplicate is left out, and logged
    found = {(p.row, p.code, p.column) for p in problems}
    assert (1, "unknown_column", "my_extra_column") in found
    assert (3, "unknown_space_id", "space_id") in found
    assert (3, "invalid_answer", "universal_access") in found
    assert (3, "invalid_answer", "green_cover_pct") in found
    assert (4, "duplicate_uuid", "_uuid") in found
    assert (5, "version_mismatch", "form_version") in found
    assert (5, "invalid_gps", "_gps_latitude") in found
    assert any(p.code == "missing_column" and p.column == "safety_women" for p in problems)
    first, second, third, fourth = submissions
    assert first.space_id == "7" and first.answers["universal_access"] == "yes"
    assert second.space_id is None and (second.lat, second.lon) == (31.6, 117.0)
    assert second.answers["opening_hours"] == "daytime"  # read from its English label
    assert "green_cover_pct" not in second.answers and "universal_access" not in second.answers
    assert third.lat is None and third.answers["universal_access"] == "no"
    assert fourth.space_id == "7" and fourth.answers == {"universal_access": "partly", "green_cover_pct": 20.0}


def test_interpret_refuses_an_export_it_cannot_link(questionnaire):
    with pytest.raises(HabitatError, match='neither the space id column "space_id" nor GPS columns'):
        interpret(questionnaire, export(["_uuid", "comfort/seating"], ["u1", "enough"]))
    with pytest.raises(HabitatError, match="none of the questionnaire's scored questions"):
        interpret(questionnaire, export(["_uuid", "space_id", "name"], ["u1", "3", "x"]))


def test_read_export_formats(tmp_path):
    semicolon = tmp_path / "kobo.csv"
    semicolon.write_text("\ufeffspace_id;comfort/seating\n3;enough\n4;\n", encoding="utf-8")
    table = read_export(semicolon)
    assert table.headers == ["space_id", "comfort/seating"] and table.rows == [["3", "enough"], ["4", ""]]
    comma = tmp_path / "kobo2.csv"
    comma.write_text('space_id,comfort/seating\n3,"some, not enough"\n', encoding="utf-8")
    assert read_export(comma).rows == [["3", "some, not enough"]]
    header_only = tmp_path / "empty.csv"
    header_only.write_text("space_id;comfort/seating\n", encoding="utf-8")
    with pytest.raises(HabitatError, match="has a header row but no submissions"):
        read_export(header_only)
    blank = tmp_path / "blank.csv"
    blank.write_text("\n\n", encoding="utf-8")
    with pytest.raises(HabitatError, match="is empty"):
        read_export(blank)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(HabitatError, match="survey export broken.xlsx is not a readable XLSX workbook"):
        read_export(broken)
    with pytest.raises(HabitatError, match="is a .csv or .xlsx file"):
        read_export(tmp_path / "kobo.sav")


def test_quality_index_needs_every_weighted_dimension(questionnaire):
    best = {
        "universal_access": "yes",
        "seating": "enough",
        "safety_women": "very_safe",
        "trees": "many",
        "facility_condition": "good",
        "cleanliness": "clean",
        "activities": {"sitting"},
    }
    partial = dict(best)
    del partial["cleanliness"]
    subs = [type("S", (), {"answers": answers})() for answers in (best, partial)]
    weights = {d: 1.0 for d in questionnaire.dimensions}
    whole, missing = score_spaces(questionnaire, subs, [0, 1], 2, weights)
    assert whole.complete and whole.quality_index == pytest.approx(
        (100 + 100 / 6 + 100 + 100 + 100 + 100 + 100) / 7
    )  # use: only "sitting" of 6 activities
    assert not missing.complete and missing.quality_index is None and missing.dimensions["maintenance"] is None
    weights_without = dict(weights, maintenance=0.0)
    _, without = score_spaces(questionnaire, subs, [0, 1], 2, weights_without)
    assert without.quality_index == pytest.approx((100 + 100 / 6 + 400) / 6) and not without.complete


def test_a_questionnaire_copy_can_change_scores(tmp_path):
    data = copy.deepcopy(raw())
    data["choices"]["shade"][1]["score"] = 0.25
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert item_scores(load_questionnaire(path), {"shade": "some"})["shade"] == 0.25


def test_most_ticked_choices_break_ties_in_the_forms_order(questionnaire):
    """Multi-choice answers are sets, whose order follows Python's hash seed: ties must follow the form instead."""
    from habitat_planning_plugin.core.public_space.quality import Submission, answer_summary

    question = next(q for q in questionnaire.questions if q.kind == "select_multiple")
    choices = [item["name"] for item in questionnaire.choices[question.list_name]]
    assert len(choices) >= 4
    ticked = set(reversed(choices[:4]))  # four choices, each ticked once: all tied
    submissions = [Submission(row=1, uuid="u1", space_id="7", answers={question.name: ticked})]
    rows = answer_summary(questionnaire, submissions, [0], 1)
    common = next(row[6] for row in rows if row[1] == question.name)
    expected = ", ".join(questionnaire.choice_label(question.list_name, name, "en") for name in choices[:3])
    assert common == expected
