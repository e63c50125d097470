"""Frameworks and scorecards: validation errors and the three file formats, by hand."""

import json
import math

import pytest

from habitat_planning_plugin.core.plan_assessment.scorecards import (
    check_scorecards,
    framework_from_dict,
    load_framework,
    read_scorecard,
)
from habitat_planning_plugin.core.text import HabitatError

LEVELS = {str(k): {"en": f"level {k}", "zh": f"等级 {k}"} for k in range(4)}
FRAMEWORK = {
    "id": "mini",
    "version": "1",
    "name": {"en": "Mini", "zh": "迷你"},
    "themes": [
        {
            "id": "vision",
            "name": {"en": "Vision", "zh": "愿景"},
            "criteria": [
                {"id": "V1", "question": {"en": "Vision?", "zh": "愿景？"}, "levels": LEVELS},
                {"id": "V2", "question": {"en": "Goals?", "zh": "目标？"}, "levels": LEVELS, "weight": 2},
            ],
        },
        {
            "id": "participation",
            "name": {"en": "Participation", "zh": "公众参与"},
            "criteria": [{"id": "P1", "question": {"en": "Public hearings?", "zh": "听证？"}, "levels": LEVELS}],
        },
    ],
}


def test_valid_framework(tmp_path):
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(FRAMEWORK, ensure_ascii=False), encoding="utf-8")
    framework = load_framework(path)
    assert [c.id for c in framework.criteria] == ["V1", "V2", "P1"]
    assert [c.theme for c in framework.criteria] == ["vision", "vision", "participation"]
    assert framework.criteria[1].weight == 2.0 and framework.themes["participation"]["zh"] == "公众参与"


def test_framework_errors_are_all_listed_with_their_place():
    broken = json.loads(json.dumps(FRAMEWORK))
    del broken["themes"][0]["criteria"][0]["question"]
    broken["themes"][0]["criteria"][1]["levels"] = {"0": {}, "1": {}, "2": {}}
    broken["themes"][1]["criteria"][0]["id"] = "V1"
    broken["themes"][1]["criteria"][0]["weight"] = -1
    with pytest.raises(HabitatError) as error:
        framework_from_dict(broken)
    text = str(error.value)
    assert 'theme 1, criterion 1: "question" is missing or empty' in text
    assert 'theme 1, criterion 2: "levels" must describe exactly the scores 0, 1, 2 and 3' in text
    assert 'theme 2, criterion 1: the criterion id "V1" is used twice' in text
    assert 'theme 2, criterion 1: "weight" must be a number above 0' in text


def test_json_csv_and_xlsx_scorecards(tmp_path):
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "framework": "mini",
                "framework_version": "1",
                "plan": "Master Plan 2030",
                "city": "Sample City",
                "year": 2026,
                "assessor": "Ana",
                "scores": {
                    "V1": {"score": 3, "comment": "clear <b>vision</b>", "evidence": "p. 12"},
                    "V2": 2,
                    "P1": "NA",
                },
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text(
        "framework;mini\nplan;Master Plan 2030\ncity;Sample City\nyear;2026\n"
        "assessor;Bo\n\ncriterion;score;comment;evidence\nV1;2;ok;ch. 3\nV2;不适用;;\n"
        "P1;1;;\n",
        encoding="utf-8",
    )
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (
        ["framework", "mini"],
        ["plan", "Master Plan 2030"],
        ["city", "Sample City"],
        ["year", 2026],
        ["assessor", "Chen"],
        [],
        ["criterion", "score", "comment", "evidence"],
        ["V1", 3, None, None],
        ["V2", 0, "missing", None],
        ["P1", 2, None, "annex"],
    ):
        sheet.append(row)
    book.save(tmp_path / "c.xlsx")
    a, b, c = (read_scorecard(tmp_path / name) for name in ("a.json", "b.csv", "c.xlsx"))
    assert (a.assessor, a.scores["V1"], a.comments["V1"], a.evidence["V1"]) == (
        "Ana",
        3.0,
        "clear <b>vision</b>",
        "p. 12",
    )
    assert math.isnan(a.scores["P1"]) and math.isnan(b.scores["V2"])
    assert (b.assessor, b.scores["V1"], b.year) == ("Bo", 2.0, 2026)
    assert (c.assessor, c.scores["V2"], c.comments["V2"], c.evidence["P1"]) == ("Chen", 0.0, "missing", "annex")
    framework = framework_from_dict(FRAMEWORK)
    assert check_scorecards(framework, [a, b, c]) == []


@pytest.mark.parametrize(
    "content, message",
    [
        ("framework,mini\nplan,P\nassessor,A\ncriterion,score\nV1,4\n", "outside 0 to 3"),
        ("framework,mini\nplan,P\nassessor,A\ncriterion,score\nV1,good\n", "not a number or NA"),
        ("framework,mini\nplan,P\ncriterion,score\nV1,1\n", "does not say assessor"),
        ("framework,mini\nplan,P\nassessor,A\nV1,1\n", "header row"),
    ],
)
def test_malformed_scorecards(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(HabitatError, match=message):
        read_scorecard(path)


def test_unknown_criteria_mixed_frameworks_and_duplicate_assessors(tmp_path):
    def card(name, framework="mini", assessor="A", criterion="V1"):
        path = tmp_path / name
        path.write_text(
            f"framework,{framework}\nplan,P\nassessor,{assessor}\ncriterion,score\n{criterion},1\n", encoding="utf-8"
        )
        return read_scorecard(path)

    framework = framework_from_dict(FRAMEWORK)
    with pytest.raises(HabitatError) as error:
        check_scorecards(
            framework,
            [
                card("1.csv"),
                card("2.csv", framework="other"),
                card("3.csv", assessor="a"),
                card("4.csv", assessor="B", criterion="X9"),
            ],
        )
    text = str(error.value)
    assert '2.csv: made for the framework "other", not "mini"' in text
    assert "1.csv and 3.csv: the assessor a scored the same plan twice" in text
    assert "4.csv: unknown criteria: X9" in text
    assert check_scorecards(framework, [card("5.csv")]) == [
        "No scorecard scores the criterion V2.",
        "No scorecard scores the criterion P1.",
    ]


def test_built_in_framework_is_valid_and_bilingual():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "resources" / "frameworks"
    framework = load_framework(folder / "citywide_plan_assessment.json")  # v2, the built-in one
    assert framework.version == "2" and len(framework.themes) == 16 and len(framework.criteria) == 36
    first = load_framework(folder / "citywide_plan_assessment_v1.json")  # kept for cards scored on it
    assert first.version == "1" and len(first.themes) == 14 and len(first.criteria) == 28
    for criterion in framework.criteria:
        assert criterion.question["en"].strip() and criterion.question["zh"].strip()
        for level in ("0", "1", "2", "3"):
            assert criterion.levels[level]["en"].strip() and criterion.levels[level]["zh"].strip()
    for name in framework.themes.values():
        assert name["en"] and name["zh"]


def test_write_then_read_a_scorecard(tmp_path):
    from habitat_planning_plugin.core.plan_assessment.scorecards import Scorecard, write_scorecard

    card = Scorecard(
        "mini",
        "1",
        "Plan",
        "City",
        2026,
        "Ana",
        {"V1": 3.0, "V2": float("nan")},
        {"V1": "good", "V2": ""},
        {"V1": "p. 3", "V2": ""},
    )
    again = read_scorecard(write_scorecard(card, tmp_path / "card.json"))
    assert (again.plan, again.year, again.scores["V1"], again.comments["V1"], again.evidence["V1"]) == (
        "Plan",
        2026,
        3.0,
        "good",
        "p. 3",
    )
    assert math.isnan(again.scores["V2"])
