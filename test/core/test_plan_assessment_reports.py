"""The plan assessment in the core (no QGIS): plans assessed from scorecards by hand, the output tables and the
text a spreadsheet keeps as text, the report (numbers as the page shows them, escaping, the language, chart
warnings, PDF without a writer) and the XLSX scorecard template opened with openpyxl."""

import math
import re

import krippendorff
import numpy as np
import pytest
from openpyxl import load_workbook

from habitat_planning_plugin.core.plan_assessment import report, tables
from habitat_planning_plugin.core.plan_assessment.aggregation import assess_plans
from habitat_planning_plugin.core.plan_assessment.scorecards import (
    META_KEYS,
    Scorecard,
    check_scorecards,
    framework_from_dict,
    read_scorecard,
)
from habitat_planning_plugin.core.plan_assessment.template import SCORE_CHOICES, write_scorecard_template
from habitat_planning_plugin.core.report import charts
from habitat_planning_plugin.core.report.html import ReportSettings
from habitat_planning_plugin.core.text import HabitatError
from test.core.test_scorecards import FRAMEWORK

HOSTILE = '<b>&"x"'
ESCAPED = "&lt;b&gt;&amp;&quot;x&quot;"
NA = float("nan")


def card(assessor, year, scores, comments=None, city="Sample City", plan="Master Plan"):
    return Scorecard("mini", "1", plan, city, year, assessor, dict(scores), dict(comments or {}))


# Three assessors of the 2026 version (the one of the Processing test), one of the 2020 version.
CARDS = [
    card("Ana", 2026, {"V1": 3, "V2": 2, "P1": NA}),
    card("Bo", 2026, {"V1": 2, "V2": 2, "P1": 1}),
    card(HOSTILE, 2026, {"V1": 3, "V2": 0, "P1": 1}, {"V2": "<script>alert(1)</script> no goals"}),
    card("Ana", 2020, {"V1": 1, "V2": 1, "P1": 0}),
]


@pytest.fixture(scope="module")
def framework():
    return framework_from_dict(FRAMEWORK)


@pytest.fixture(scope="module")
def results(framework):
    return assess_plans(framework, CARDS)


def settings(language="en", warn=None, pdf_writer=None):
    return ReportSettings(language=language, footer="plugin 1.0 · QGIS 3.22", pdf_writer=pdf_writer, warn=warn)


def test_plans_by_hand(results):
    assert [(r["year"], len(r["cards"])) for r in results] == [(2020, 1), (2026, 3)]  # by city, then year
    old, recent = results
    # Means V1 8/3, V2 4/3 (weight 2), P1 1 (NA left out): (8/3 + 2 x 4/3 + 1) / (3 x 4).
    assert recent["overall"] == pytest.approx(100 * (19 / 3) / 12)
    assert recent["pqi"] == pytest.approx((10 / 6 * 4 + 10 / 3 * 1) / 2)  # the mean of the themes' 0-10 parts
    ratings = np.array([[3, 2, np.nan], [2, 2, 1], [3, 0, 1]])
    assert recent["alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=ratings, level_of_measurement="ordinal")
    )
    assert recent["agreement"] == pytest.approx(100 * 3 / 7)  # V1 1 of 3 pairs, V2 1 of 3, P1 1 of 1
    assert recent["compared"] == 3 and recent["themes"]["participation"] == pytest.approx(100 / 3)
    assert math.isnan(old["alpha"]) and math.isnan(old["agreement"])  # one assessor: no agreement
    assert old["overall"] == pytest.approx(100 * (1 + 2 + 0) / 12)


def test_assess_plans_progress_may_cancel(framework):
    seen = []
    assess_plans(framework, CARDS, seen.append)
    assert seen == [0.0, 0.5]

    def cancel(fraction):
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        assess_plans(framework, CARDS, cancel)


def test_tables_by_hand(results):
    criteria = tables.criteria_rows(results)
    assert len(criteria) == 6 and len(criteria[0]) == len(tables.CRITERIA_COLUMNS)
    v2 = next(row for row in criteria if row[2] == 2026 and row[3] == "V2")
    assert v2[:6] == ["Master Plan", "Sample City", 2026, "V2", "vision", 3]
    assert v2[6:11] == [pytest.approx(4 / 3), 2.0, 0.0, 2.0, pytest.approx(np.std([2, 2, 0], ddof=1))]
    assert v2[11] == 1  # 0 to 2: the assessors disagree
    themes = {(row[2], row[3]): row for row in tables.theme_rows(results)}
    assert themes[(2026, "vision")][4] == pytest.approx(100 * (8 / 3 + 2 * 4 / 3) / 9)
    assert themes[(2026, "participation")][5] == pytest.approx(10 / 3)
    plans = tables.plan_rows(results)
    assert [len(row) for row in plans] == [len(tables.PLAN_COLUMNS)] * 2
    assert plans[0][:4] == ["Master Plan", "Sample City", 2020, 1] and math.isnan(plans[0][7])
    assert plans[0][6] == pytest.approx(100.0)  # coverage: every criterion scored
    assert plans[1][3] == 3 and plans[1][8] == pytest.approx(100 * 3 / 7)


def test_latest_plan_by_city(results, framework):
    other = assess_plans(
        framework,
        CARDS
        + [card("Dee", 2024, {"V1": 3, "V2": 3, "P1": 3}, city="  OTHER  town"), card("Eve", 2024, {"V1": 0}, city="")],
    )
    latest = tables.latest_by_city(other)
    assert set(latest) == {"sample city", "other town"}  # a plan without a city is on no polygon
    assert latest["sample city"]["year"] == 2026
    values = tables.map_values(latest["sample city"], ["vision", "participation"])
    assert values == [
        "Master Plan",
        2026,
        pytest.approx(100 * (19 / 3) / 12),
        pytest.approx((10 / 6 * 4 + 10 / 3) / 2),
        pytest.approx(100 * (8 / 3 + 2 * 4 / 3) / 9),
        pytest.approx(100 / 3),
    ]
    assert tables.map_values(None, ["vision", "participation"]) == [None] * 6
    assert tables.theme_field_names(["vision", "x" * 70]) == ["t_vision", "t_" + "x" * 58]


class Null:
    """A GIS NULL: not None, but ``isNull()``."""

    def isNull(self):  # noqa: N802
        return True


def test_city_key():
    assert tables.city_key("  Sample   CITY ") == "sample city"
    assert tables.city_key(None) == "" and tables.city_key(Null()) == ""


def test_text_a_spreadsheet_keeps_as_text():
    csv = tables.text_guard("/data/plans.csv")
    assert [csv(v) for v in ("=1+1", "+3", "-x", "@sum", "\tx", "plan", -1.5, None)] == [
        "'=1+1",
        "'+3",
        "'-x",
        "'@sum",
        "'\tx",
        "plan",
        -1.5,
        None,
    ]
    ods = tables.text_guard("/data/plans.ods|layername=plans")
    assert ods("of:=SUM(A1)") == "'of:=SUM(A1)" and ods("=1+1") == "=1+1"
    assert tables.text_guard("/data/plans.gpkg|layername=p")("=1+1") == "=1+1"
    assert tables.text_guard(None)("=1") == "=1"


def page(tmp_path, framework, results, settings_, name="r.html"):
    path = report.assessment_report(str(tmp_path / name), framework, results, settings_)
    return path, (tmp_path / name).read_text(encoding="utf-8")


def cells(text):
    return re.findall(r"<td>(.*?)</td>", text)


def test_report_numbers_and_escaping(tmp_path, framework, results):
    path, text = page(tmp_path, framework, results, settings())
    assert path == str(tmp_path / "r.html")
    assert "<h2>Master Plan · Sample City · 2026</h2>" in text and "<h2>Master Plan · Sample City · 2020</h2>" in text
    assert '<div class="value ">52.8 %</div>' in text  # 100 x 19/3 / 12
    assert f'<div class="value short">{results[1]["alpha"]:.3f} </div>' in text  # below the 0.80 benchmark
    assert '<div class="value ">42.9 %</div>' in text  # percent agreement 3 of 7
    table = cells(text)
    # 2020 first (means V1 1, V2 1, P1 0): strengths highest first (of equal means the later first), gaps lowest.
    assert table[:12] == [
        "Goals?",
        "1.00",
        "Vision?",
        "1.00",
        "Public hearings?",
        "0.00",
        "Public hearings?",
        "0.00",
        "Vision?",
        "1.00",
        "Goals?",
        "1.00",
    ]
    # 2026: strengths V1 2.67, V2 1.33, P1 1.00, gaps the other way; the disputed V2 with every assessor's score.
    assert table[12:24] == [
        "Vision?",
        "2.67",
        "Goals?",
        "1.33",
        "Public hearings?",
        "1.00",
        "Public hearings?",
        "1.00",
        "Goals?",
        "1.33",
        "Vision?",
        "2.67",
    ]
    assert table[24:34] == ["Goals?", "Ana", "2", "", "", "Goals?", "Bo", "2", "", ""]
    assert ["Goals?", ESCAPED, "0", "&lt;script&gt;alert(1)&lt;/script&gt; no goals", ""] == table[
        table.index(ESCAPED) - 1 : table.index(ESCAPED) + 4
    ]
    assert "<script>alert" not in text and HOSTILE not in text
    assert text.count("<img") == 4  # the plans on one radar, the versions over time, a radar per plan


def test_report_in_chinese_with_chart_warnings(tmp_path, framework, results, monkeypatch):
    monkeypatch.setattr(charts, "cjk_family", lambda: None)  # a QGIS install without Chinese fonts
    warnings = []
    _, text = page(tmp_path, framework, results, settings("zh_CN", warnings.append))
    assert '<html lang="zh-CN">' in text
    assert "目标？" in text and "Goals?" not in text  # the framework's questions in Chinese
    assert warnings and all("CJK" in warning for warning in warnings)  # the radar's themes are Chinese
    assert all(warning not in text for warning in warnings)
    assert report.content_language(settings("en_US")) == "en" and report.content_language("zh_TW") == "zh"


def test_report_refuses_pdf_without_a_writer(tmp_path, framework, results, monkeypatch):
    with pytest.raises(HabitatError, match="PDF"):
        report.assessment_report(str(tmp_path / "r.pdf"), framework, results, settings())
    assert list(tmp_path.iterdir()) == []
    written = []
    report.assessment_report(
        str(tmp_path / "r.pdf"),
        framework,
        results,
        settings(pdf_writer=lambda page_, path: (written.append(page_), open(path, "w").close())),
    )
    assert written and written[0].startswith("<!DOCTYPE html>") and (tmp_path / "r.pdf").exists()


def test_text_helpers():
    assert report.number_text(52.777) == "52.8" and report.number_text(NA) == "—"
    assert report.number_text(None, 3) == "—" and report.number_text(0.66651, 3) == "0.667"
    assert report.plan_label({"plan": "P", "city": "", "year": 0}) == "P"
    assert report.score_text(CARDS[0], "P1") == "NA" and report.score_text(CARDS[0], "V1") == "3"
    assert report.score_text(CARDS[0], "X") is None


def test_scorecard_template(tmp_path, framework):
    target = tmp_path / "card.xlsx"
    removed = write_scorecard_template(
        target, framework, plan="=1+1", city="Sample\x01 City", year=2026, assessor="Ana"
    )
    assert removed == 1  # the control character an Excel cell cannot hold
    sheet = load_workbook(target).active
    assert sheet.title == "scorecard"
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[: len(META_KEYS)]] == list(META_KEYS)
    meta = {row[0]: row[1] for row in rows[: len(META_KEYS)]}
    assert meta == {
        "framework": "mini",
        "framework_version": "1",
        "plan": "=1+1",
        "city": "Sample City",
        "year": 2026,
        "assessor": "Ana",
    }
    assert sheet.cell(3, 2).data_type == "s"  # "=1+1" is a name, never a formula
    header = rows.index(next(row for row in rows if row[0] == "criterion"))
    assert rows[header] == (
        "criterion",
        "score",
        "comment",
        "evidence",
        "theme / 主题",
        "question",
        "问题",
        "0 / 1 / 2 / 3",
    )
    criteria = rows[header + 1 :]
    assert [row[0] for row in criteria] == ["V1", "V2", "P1"]
    assert criteria[0][4:7] == ("Vision / 愿景", "Vision?", "愿景？")
    assert criteria[2][4] == "Participation / 公众参与"
    assert criteria[0][7].split("\n") == [f"{k}: level {k} / 等级 {k}" for k in range(4)]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == SCORE_CHOICES == '"0,1,2,3,NA"'
    assert str(validation.sqref) == " ".join(f"B{header + 2 + k}" for k in range(3))  # every score cell
    assert sheet.freeze_panes == f"C{header + 2}"


def test_scorecard_template_round_trip(tmp_path, framework):
    target = tmp_path / "card.xlsx"
    assert write_scorecard_template(target, framework, plan="P", city="C", assessor="Bo") == 0
    book = load_workbook(target)
    sheet = book.active
    for row in range(1, sheet.max_row + 1):
        score = {"V1": 3, "V2": "NA", "P1": 1}.get(sheet.cell(row, 1).value)
        if score is not None:
            sheet.cell(row, 2).value = score
    book.save(target)
    filled = read_scorecard(target)
    assert (filled.plan, filled.city, filled.year, filled.framework) == ("P", "C", 0, "mini")
    assert filled.scores["V1"] == 3.0 and math.isnan(filled.scores["V2"]) and filled.scores["P1"] == 1.0
    assert check_scorecards(framework, [filled]) == []


def test_scorecard_template_unwritable(tmp_path, framework):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(HabitatError, match="cannot be written|Cannot write"):
        write_scorecard_template(blocker / "card.xlsx", framework)


def test_alpha_is_shown_with_the_decimals_its_verdict_needs():
    # 0.66651 is below 0.667: three decimals would print "0.667" below "0.667".
    assert report.against(0.66651, 0.667) == ("0.6665", "0.6670")
    assert report.against(0.6672, 0.667) == ("0.6672", "0.6670")  # above it, but "0.667" would read as equal
    assert report.against(0.75, 0.667) == ("0.750", "0.667")
    assert report.alpha_text(0.79996) == "0.79996"  # below 0.8 until the fifth decimal
    assert report.alpha_text(float("nan")) == "—"


def test_recommendations_list_the_gaps_of_the_weak_themes(tmp_path, framework, results):
    """2020 (Ana: V1 1, V2 1, P1 0): vision 3/9 = 33 % and participation 0 % are below 50 %: all three criteria
    are gaps (below 2). 2026: vision (8/3 + 2 x 4/3) / 9 = 59 % is not listed; participation (P1, mean 1, 33 %)
    is."""
    _, text = page(tmp_path, framework, results, settings())
    old = text[text.index("Recommendations: Master Plan · Sample City · 2020") :]
    old = old[: old.index("Recommendations: Master Plan · Sample City · 2026")]
    assert [c for c in cells(old) if c in ("Vision?", "Goals?", "Public hearings?")] == [
        "Vision?",
        "Goals?",
        "Public hearings?",
    ]
    recent = text[text.index("Recommendations: Master Plan · Sample City · 2026") :]
    recent_cells = cells(recent[: recent.index("<h2>")] if "<h2>" in recent else recent)
    assert "Public hearings?" in recent_cells and "Goals?" not in recent_cells and "1.00" in recent_cells
