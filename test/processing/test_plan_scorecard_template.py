"""The scorecard template round-trips: written, filled as an assessor would, read back."""

import pytest
from openpyxl import load_workbook

from habitat_planning_plugin.core.plan_assessment.scorecards import check_scorecards, load_framework, read_scorecard
from test.conftest import ROOT

FRAMEWORK = ROOT / "resources" / "frameworks" / "citywide_plan_assessment.json"


def test_template_round_trip(tmp_path, habitat_provider):
    from qgis import processing

    target = tmp_path / "card.xlsx"
    processing.run(
        "habitat:planscorecardtemplate",
        {"PLAN": "Master Plan 2030", "CITY": "Sample City", "YEAR": 2026, "ASSESSOR": "Ana", "OUTPUT": str(target)},
    )
    book = load_workbook(target)
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "criterion")
    assert len(rows) - header - 1 == 36  # the criteria of framework v2
    validations = sheet.data_validations.dataValidation
    assert validations and validations[0].formula1 == '"0,1,2,3,NA"'
    assert "问题" in rows[header] and rows[header + 1][6]  # the Chinese question column is filled

    # The assessor fills it in: scores, an NA, a comment with markup and the evidence.
    for offset, score in enumerate([3, 2, "NA"] + [1] * 33):
        sheet.cell(header + 2 + offset, 2).value = score
    sheet.cell(header + 2, 3).value = "<b>clear</b> vision"
    sheet.cell(header + 2, 4).value = "p. 12"
    book.save(target)

    card = read_scorecard(target)
    assert (card.plan, card.city, card.year, card.assessor, card.framework) == (
        "Master Plan 2030",
        "Sample City",
        2026,
        "Ana",
        "habitat-citywide-plan",
    )
    assert card.scores["vision_1"] == 3.0 and card.comments["vision_1"] == "<b>clear</b> vision"
    assert card.scores["fact_base_1"] != card.scores["fact_base_1"]  # NA is NaN
    assert check_scorecards(load_framework(FRAMEWORK), [card]) == []


def test_a_broken_framework_is_reported(tmp_path, habitat_provider):
    from qgis import processing
    from qgis.core import QgsProcessingException

    broken = tmp_path / "f.json"
    broken.write_text('{"id": "x", "themes": []}', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not valid"):
        processing.run("habitat:planscorecardtemplate", {"FRAMEWORK": str(broken), "OUTPUT": str(tmp_path / "o.xlsx")})
    assert not (tmp_path / "o.xlsx").exists()


def test_template_filled_by_three_assessors_then_assessed(tmp_path, habitat_provider):
    from qgis import processing

    from test.helpers import read_rows

    paths = []
    for assessor, score in (("Ana", 3), ("Bo", 2), ("Chen", 1)):
        path = tmp_path / f"{assessor}.xlsx"
        processing.run(
            "habitat:planscorecardtemplate",
            {"PLAN": "P", "CITY": "C", "YEAR": 2026, "ASSESSOR": assessor, "OUTPUT": str(path)},
        )
        book = load_workbook(path)
        sheet = book.active
        rows = list(sheet.iter_rows(values_only=True))
        header = next(i for i, row in enumerate(rows) if row[0] == "criterion")
        for offset in range(36):  # every criterion gets this assessor's score; the last one is NA for all
            sheet.cell(header + 2 + offset, 2).value = "NA" if offset == 35 else score
        sheet.cell(header + 2 + 35, 3).value = "Not applicable: the city has no such body."  # an NA needs a reason
        book.save(path)
        paths.append(str(path))
    processing.run(
        "habitat:planassessment",
        {
            "SCORECARDS": paths,
            "OUTPUT_CRITERIA": "memory:",
            "OUTPUT_THEMES": "memory:",
            "OUTPUT_PLANS": str(tmp_path / "p.csv"),
            "OUTPUT_REPORT": None,
        },
    )
    (plan,) = read_rows(tmp_path / "p.csv")
    # Every applicable criterion has the mean 2 of 3: 66.7 % of the potential; the NA criterion is left out.
    assert float(plan["overall_pct"]) == pytest.approx(100 * 2 / 3)
    assert int(plan["assessors"]) == 3 and float(plan["agreement_pct"]) == pytest.approx(0.0)
