"""The public space reports in the core (no QGIS): built from small hand-worked inputs, every number checked as the
page shows it, user text escaped, the language tag, chart warnings to the settings and PDF without a writer."""

import re

import numpy as np
import pytest
from shapely.geometry import box

from habitat_planning_plugin.core.public_space import report, report_action, scorecard
from habitat_planning_plugin.core.public_space.access import public_space_access
from habitat_planning_plugin.core.public_space.gaps import public_space_gaps
from habitat_planning_plugin.core.public_space.land_share import AreaShares, SampleEstimate
from habitat_planning_plugin.core.public_space.quality import Problem, SpaceQuality
from habitat_planning_plugin.core.public_space.siting import GREEDY, MILP, Selection
from habitat_planning_plugin.core.public_space.street_width import CLASS, DEFAULT, MEASURED, WidthTally
from habitat_planning_plugin.core.public_space.survey import load_questionnaire
from habitat_planning_plugin.core.public_space.upgrade import (
    priority_scores,
    ranking_rows,
    space_dependants,
    weakest_summary,
)
from habitat_planning_plugin.core.report import charts
from habitat_planning_plugin.core.report.html import ReportSettings
from habitat_planning_plugin.core.text import HabitatError
from test.paths import ROOT

# The tests that take the Chinese font away draw Chinese text without it, as such an install would.
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from current font")

HOSTILE = '<b>&"x"'  # a name a user may give: must reach the page as text
ESCAPED = "&lt;b&gt;&amp;&quot;x&quot;"

# Streets on a 100 m lattice 0..1000 and one space at the corner (0, 0), entered there only (entry tolerance 0): a
# person in the middle of block (i, j) walks 50 m to a street and 50 m to a corner, 100 (i + j + 1) m in all.
TICKS = [100.0 * k for k in range(11)]
LINES = [np.array([(x, y) for x in TICKS]) for y in TICKS] + [np.array([(x, y) for y in TICKS]) for x in TICKS]
SPACE = box(-10, -10, 10, 10)
# (block i, j): (total, women). Within 400 m: the five blocks with i + j <= 2 (50 people, 26 women).
PEOPLE = {
    (0, 0): (10, 5),
    (1, 0): (10, 5),
    (0, 1): (10, 5),
    (1, 1): (10, 5),
    (2, 0): (10, 6),
    (5, 0): (30, 10),
    (6, 0): (30, 10),
    (5, 1): (30, 10),
    (6, 1): (30, 10),
    (0, 6): (50, 20),
    (1, 7): (50, 30),
    (2, 8): (50, 25),
    (9, 9): (20, 10),
}
# West holds the five served blocks and the three of the north-west (200 people), east the rest (140, none served).
WEST, EAST = box(-100, -100, 450, 1100), box(450, -100, 1100, 1100)


def city():
    cells = list(PEOPLE)
    points = np.array([(50 + 100 * i, 50 + 100 * j) for i, j in cells], dtype=float)
    weights = np.array([PEOPLE[cell] for cell in cells], dtype=float)
    return points, weights


def settings(language="en", warn=None, pdf_writer=None):
    return ReportSettings(language=language, footer="plugin 1.0 · QGIS 3.22", pdf_writer=pdf_writer, warn=warn)


def read(path):
    return path.read_text(encoding="utf-8")


def cells(text):
    """The text of every table cell of the page."""
    return re.findall(r"<td>(.*?)</td>", text)


def no_cjk_font(monkeypatch):
    monkeypatch.setattr(charts, "cjk_family", lambda: None)  # a QGIS install without Chinese fonts


# --- SDG 11.7.1 (b): walking access ---


def access_result(names=("West", "East")):
    points, weights = city()
    return public_space_access(
        LINES,
        [SPACE],
        points,
        weights,
        ["total", "women"],
        [WEST, EAST],
        list(names),
        max_distance=400.0,
        entry_tolerance=0.0,
        distance_limit=800.0,
    )


def test_access_report_numbers(tmp_path):
    path = report.access_report(
        str(tmp_path / "access.html"),
        access_result(),
        ["total", "women"],
        400.0,
        [SPACE],
        settings(),
        extent_given=False,
    )
    text = read(tmp_path / "access.html")
    assert path == str(tmp_path / "access.html")
    # 50 of 340 people: 14.7 %; women 26 of 151: 17.2 %; west 50 of 200: 25.0 %, east 0 of 140.
    assert '<div class="value ">14.7 %</div>' in text
    table = cells(text)
    # Straight line: the same five blocks lie within 400 m of the space (the farthest 243 m, the next 540 m).
    at = table.index("All residents")
    assert table[at : at + 5] == ["All residents", "340.0", "50.0", "14.7", "14.7"]
    assert table[table.index("Women") : table.index("Women") + 4] == ["Women", "151.0", "26.0", "17.2"]
    assert table[table.index("West") : table.index("West") + 4] == ["West", "200.0", "50.0", "25.0"]
    assert table[table.index("East") : table.index("East") + 4] == ["East", "140.0", "0.0", "0.0"]
    assert "all 340 people of the population input count" in text
    assert text.count("<img") == 3  # groups chart, districts chart, network map
    assert "plugin 1.0 · QGIS 3.22" in text


def test_access_report_escapes_names_and_sends_chart_warnings(tmp_path, monkeypatch):
    no_cjk_font(monkeypatch)
    warnings = []
    report.access_report(
        str(tmp_path / "a.html"),
        access_result((HOSTILE, "老城区")),
        ["total", "women"],
        400.0,
        [SPACE],
        settings("zh_CN", warnings.append),
    )
    text = read(tmp_path / "a.html")
    assert ESCAPED in text and HOSTILE not in text
    assert '<html lang="zh-CN">' in text
    assert warnings and all("CJK" in warning for warning in warnings)  # the district chart holds Chinese
    assert all(warning not in text for warning in warnings)  # said in the log, not on the page


def test_reports_refuse_pdf_without_a_writer(tmp_path, monkeypatch):
    with pytest.raises(HabitatError, match="PDF"):
        report.access_report(str(tmp_path / "a.pdf"), access_result(), ["total", "women"], 400.0, [SPACE], settings())
    assert list(tmp_path.iterdir()) == []
    written = []
    report.access_report(
        str(tmp_path / "a.pdf"),
        access_result(),
        ["total", "women"],
        400.0,
        [SPACE],
        settings(pdf_writer=lambda page, path: (written.append(page), open(path, "w").close())),
    )
    assert written and written[0].startswith("<!DOCTYPE html>") and (tmp_path / "a.pdf").exists()


# --- SDG 11.7.1 (a): land allocated to streets and public space ---


def share(name, area, ops, street):
    return AreaShares(name, area, ops, street, 0.0, ops + street)


def test_land_share_report_numbers(tmp_path, monkeypatch):
    no_cjk_font(monkeypatch)
    city_box = box(0, 0, 2000, 1000)
    # The city: 2 km², 0.1 km² of public space (5 %), 0.5 km² of streets (25 %); districts of 1 km² each.
    rows = [
        ("city", share(HOSTILE, 2e6, 1e5, 5e5)),
        ("district", share("老城区", 1e6, 8e4, 3e5)),
        ("district", share("East", 1e6, 2e4, 2e5)),
    ]
    tally = WidthTally()
    tally.count.update({MEASURED: 3, CLASS: 5, DEFAULT: 2})
    tally.length_m.update({MEASURED: 1500.0, CLASS: 2500.0, DEFAULT: 1000.0})
    notes = {
        "tally": tally,
        "default": 10.0,
        "problems": ["2 width values outside 1.5–80 m were rejected"],
        "sensitivity": [(20.0, 30.0), (24.0, 36.0), (16.0, 24.0)],
    }
    estimate = SampleEstimate(samples=120, street_pct=24.0, low_pct=21.5, high_pct=26.5, converged=True, centres=[])
    warnings = []
    report.land_share_report(
        str(tmp_path / "l.html"),
        rows,
        {0: estimate},
        [city_box],
        box(0, 0, 2000, 250),
        [box(100, 300, 200, 400)],
        settings("zh_CN", warnings.append),
        notes,
    )
    text = read(tmp_path / "l.html")
    assert f"<h2>{ESCAPED}</h2>" in text and HOSTILE not in text
    assert '<div class="value short">5.0 %</div>' in text and '<div class="value short">25.0 %</div>' in text
    assert '<div class="value short">30.0 %</div>' in text  # streets and public space, benchmark 45 %
    assert (
        "the streets cover 20.0 % of the city, with every width 25 % wider 30.0 % (streets and public space: "
        "25.0–35.0 %)" in text
    )
    assert "street share 24.0 % (95 % interval 21.5–26.5 %, 120 circles of 10 ha)" in text
    table = cells(text)
    assert table[:7] == [ESCAPED, "2.0", "5.0", "25.0", "30.0", "20.0", "30.0"]
    assert table[7:14] == ["老城区", "1.0", "8.0", "30.0", "38.0", "24.0", "36.0"]
    # Widths: 1.5 of 5 km measured (30 %), 2.5 from the table (50 %), 1 by default (20 %).
    assert table[21:33] == [
        "measured",
        "3",
        "1.5",
        "30.0",
        "road class table",
        "5",
        "2.5",
        "50.0",
        "default width",
        "2",
        "1.0",
        "20.0",
    ]
    assert "2 width values outside 1.5–80 m were rejected" in text
    assert '<html lang="zh-CN">' in text and warnings  # the district chart names 老城区


# --- the quality survey ---


def test_quality_report_numbers(tmp_path, monkeypatch):
    questionnaire = load_questionnaire(ROOT / "resources" / "questionnaires" / "public_space_quality.json")
    dimensions = list(questionnaire.dimensions)
    weights = {d: 1.0 for d in dimensions}

    def scored(values, submissions=2):
        index = sum(values) / len(values) if all(v is not None for v in values) else None
        return SpaceQuality(submissions, dict(zip(dimensions, values)), index, index is not None, 100.0, {})

    results = [
        scored([80.0] * len(dimensions)),
        scored([40.0] + [60.0] * (len(dimensions) - 1)),
        SpaceQuality(0, dict.fromkeys(dimensions), None, False, 0.0, {}),
    ]
    problems = [
        Problem(3, "u1", "no_location", "gps", ""),
        Problem(4, "u2", "no_location", "gps", ""),
        Problem(5, "u3", "duplicate_uuid", "_uuid", "u1"),
    ]
    no_cjk_font(monkeypatch)
    warnings = []
    report.quality_report(
        str(tmp_path / "q.html"),
        questionnaire,
        weights,
        [HOSTILE, "Park", "Square"],
        ["老城区", "老城区", None],
        results,
        problems,
        7,
        4,
        "en",
        settings("zh_CN", warnings.append),
        [box(0, 0, 10, 10), box(20, 0, 30, 10), None],
    )
    text = read(tmp_path / "q.html")
    # 2 of 3 spaces surveyed, 4 of 7 submissions linked; mean index (80 + 400/7) / 2.
    assert '<div class="value ">2 of 3 spaces</div>' in text and '<div class="value ">4 of 7 submissions</div>' in text
    mean = (80.0 + (40.0 + 60.0 * (len(dimensions) - 1)) / len(dimensions)) / 2
    assert f'<div class="value ">{mean:,.1f} of 100</div>' in text
    table = cells(text)
    first = text_of_dimension(questionnaire, dimensions[0])
    at = table.index(first)
    assert table[at : at + 6] == [first, "1.0", "60.0", "40.0", "80.0", "2"]
    ranked = table.index(ESCAPED)
    assert table[ranked : ranked + 4] == [ESCAPED, "老城区", "2", "80"]  # the best space first
    at = table.index("Duplicate submission (same _uuid as an earlier row); left out")
    assert table[at + 1] == "1"
    at = table.index("No space id and no GPS point; cannot be linked to a space")
    assert table[at + 1] == "2"
    assert HOSTILE not in text and warnings


def text_of_dimension(questionnaire, dimension):
    from habitat_planning_plugin.core.public_space.survey import text_in

    return text_in(questionnaire.dimensions[dimension], "en")


# --- who is not served, where ---


def test_gaps_report_numbers(tmp_path, monkeypatch):
    points, weights = city()
    result = public_space_gaps(
        LINES,
        [SPACE],
        points,
        weights,
        ["total", "women"],
        [WEST, EAST],
        [HOSTILE, "东区"],
        max_distance=400.0,
        search_distance=1000.0,
        cell_size=100.0,
        min_population=50.0,
        entry_tolerance=0.0,
    )
    no_cjk_font(monkeypatch)
    warnings = []
    report_action.gaps_report(
        str(tmp_path / "g.html"),
        result,
        [HOSTILE, "东区"],
        [WEST, EAST],
        [],
        [SPACE],
        400.0,
        1000.0,
        True,
        settings("zh_CN", warnings.append),
    )
    text = read(tmp_path / "g.html")
    # 290 of 340 people not served (85.3 %); women 125 of 151 (82.8 %).
    assert '<div class="value ">85.3 %</div>' in text and "290 of 340 people" in text
    table = cells(text)
    at = table.index("All residents")
    assert table[at : at + 5] == ["All residents", "340.0", "50.0", "290.0", "85.3"]
    at = table.index("Women")
    assert table[at : at + 5] == ["Women", "151.0", "26.0", "125.0", "82.8"]
    # West: 200 people, 150 not served (the north-west chain, one cluster), 75.0 %; women 75 of 101.
    at = table.index(ESCAPED)
    assert table[at : at + 6] == [ESCAPED, "200.0", "150.0", "1", "75.0", f"{100 * 75 / 101:.1f}"]
    # Clusters, most people first. 1: the north-west chain (0, 6), (1, 7), (2, 8) of 50 people each, touching at
    # corners: 3 ha, walks of 700 and 900 m (mean 800), the third 1,100 m away, beyond the 1,000 m searched. 2: the
    # east 2 x 2 block of 30 people each, walks of 600, 700, 700 and 800 m. (9, 9), 20 people, is too small.
    assert table[at + 6 : at + 12] == ["东区", "140.0", "140.0", "1", "100.0", "100.0"]
    assert table[at + 12 :] == [
        "1",
        ESCAPED,
        "150.0",
        "3.0",
        "800.0",
        "900.0",
        "50.0",
        "2",
        "东区",
        "120.0",
        "4.0",
        "700.0",
        "800.0",
        "0.0",
    ]
    assert "2 clusters of at least the minimum size hold 270 unserved people; 1 smaller clusters with 20 people" in text
    assert HOSTILE not in text and '<html lang="zh-CN">' in text
    assert warnings == []  # no Chinese text on the cluster map: no font needed


# --- where to add public space ---


def test_siting_report_numbers(tmp_path):
    # Three candidates, two chosen (2 then 0): 100 people in all, 40 served today, +30 then +10; women 50.
    selection = Selection(
        order=[2, 0],
        gains=np.array([[30.0, 20.0], [10.0, 4.0]]),
        served=np.array([[40.0, 20.0], [70.0, 40.0], [80.0, 44.0]]),
        method=MILP,
        objective=40.0,
        greedy_objective=40.0,
        milp_objective=40.0,
        upper_bound=40.0,
        gap_pct=0.0,
    )
    share = 100.0 * selection.served / np.array([100.0, 50.0])
    shapes = [box(0, 0, 10, 10), box(20, 0, 30, 10), box(40, 0, 50, 10)]
    coords = np.array([(0.0, -5.0), (60.0, -5.0), (0.0, 20.0), (60.0, 20.0)])
    report_action.siting_report(
        str(tmp_path / "s.html"),
        selection,
        share,
        ["North", "Middle", HOSTILE],
        shapes,
        [box(70, 0, 80, 10)],
        [],
        (coords, np.array([2, 2])),
        ["total", "women"],
        1,
        400.0,
        np.array([5.0, 7.0, 2.5]),
        settings(),
    )
    text = read(tmp_path / "s.html")
    assert '<div class="value ">40.0 %</div>' in text and '<div class="value ">80.0 %</div>' in text
    assert "Sites chosen for: Women (40.0 % today, 88.0 % with the new spaces)." in text
    assert "Solution: exact solution (HiGHS); optimality gap 0.00 %" in text
    table = cells(text)
    assert table == ["1", ESCAPED, "30.0", "20.0", "70.0", "2.5", "2", "North", "10.0", "4.0", "80.0", "5.0"]
    assert HOSTILE not in text and text.count("<img") == 2


def test_siting_report_greedy_without_a_group_or_costs(tmp_path):
    selection = Selection(
        order=[0],
        gains=np.array([[12.0]]),
        served=np.array([[0.0], [12.0]]),
        method=GREEDY,
        objective=12.0,
        greedy_objective=12.0,
        upper_bound=15.0,
        gap_pct=20.0,
    )
    share = 100.0 * selection.served / 48.0
    report_action.siting_report(
        str(tmp_path / "s.html"),
        selection,
        share,
        ["A"],
        [box(0, 0, 10, 10)],
        [],
        [],
        (np.zeros((0, 2)), np.zeros(0, dtype=int)),
        ["total"],
        0,
        400.0,
        None,
        settings(),
    )
    text = read(tmp_path / "s.html")
    assert "greedy choice; optimality gap 20.00 % (no choice of sites can serve more than 15 more people" in text
    assert cells(text) == ["1", "A", "12.0", "25.0"]


# --- which spaces to upgrade first ---


def test_upgrade_report_numbers(tmp_path, monkeypatch):
    # Three 10 m squares on a 100 m lattice; each person depends on the nearest within 400 m (test_upgrade):
    # A 100 + 40 people, B 200, C 50 + 30; 70 people depend on none.
    lines = [np.array([(x, y) for x in range(0, 601, 100)], float) for y in (0, 100, 200)] + [
        np.array([(x, y) for y in (0, 100, 200)], float) for x in range(0, 601, 100)
    ]
    spaces = [box(-5, -5, 5, 5), box(295, 95, 305, 105), box(595, 195, 605, 205)]
    points = np.array([(150, 10), (260, 90), (450, 190), (580, 5), (-300, 100), (-320, 100)], float)
    weights = np.array([[100, 60], [200, 90], [50, 20], [30, 10], [40, 25], [70, 30]], float)
    result = space_dependants(lines, spaces, points, weights, max_distance=400.0, districts=[WEST, EAST])
    quality = np.array([40.0, 80.0, np.nan])
    scores = np.array([[30.0, 50.0], [70.0, 90.0], [np.nan, np.nan]])
    scored = priority_scores(quality, result.people[:, 0], 1.0, 1.0)
    rows, order = ranking_rows(
        ["a", "b", "c"],
        [HOSTILE, "公园", "C"],
        ["老城区", None, "East"],
        quality,
        ["Safety", "Comfort"],
        scores,
        result,
        scored,
    )
    no_cjk_font(monkeypatch)
    warnings = []
    report_action.upgrade_report(
        str(tmp_path / "u.html"),
        rows,
        [spaces[i] for i in order],
        ["Safety", "Comfort"],
        weakest_summary(scores, scored.surveyed, result.people[:, 0]),
        ["total", "women"],
        result,
        scored.surveyed,
        weights,
        [WEST, EAST],
        ["老城区", "East"],
        400.0,
        1.0,
        1.0,
        0,
        settings("zh_CN", warnings.append),
    )
    text = read(tmp_path / "u.html")
    # A: need 50 x 0.6 = 30, people 50 x 140/200 = 35, priority 65 (rank 1); B: 10 + 50 = 60 (rank 2).
    table = cells(text)
    assert table[:10] == ["1", ESCAPED, "老城区", "40", "140", "30", "35", "65", "Safety (30)", "Comfort (50)"]
    assert table[10:20] == ["2", "公园", "", "80", "200", "10", "50", "60", "Safety (70)", "Comfort (90)"]
    assert table[20:23] == ["C", "East", "80"]  # survey these first
    assert '<div class="value ">340 of 490 people</div>' in text  # on a surveyed space: A and B
    assert '<div class="value ">80 people</div>' in text  # on C, without a quality index
    # Population groups: 490 people, 340 on A or B, 80 on C, 70 beyond; women 235: 175, 30, 30.
    at = table.index("All residents")
    assert table[at : at + 5] == ["All residents", "490", "340", "80", "70"]
    assert table[at + 5 : at + 10] == ["Women", "235", "175", "30", "30"]
    assert "&quot;Safety&quot; is the weakest dimension of the spaces most people depend on (340 people)." in text
    assert HOSTILE not in text and '<html lang="zh-CN">' in text
    assert warnings and all("CJK" in warning for warning in warnings)  # the chart names 公园


# --- the scorecard takes the settings too ---


def test_scorecard_report_takes_the_settings(tmp_path, monkeypatch):
    from test.core.test_public_space_scorecard import rows

    no_cjk_font(monkeypatch)
    warnings = []
    current = rows(2024)
    current[0]["district"] = "老城区"
    made, returned = scorecard.scorecard_report(
        current, [box(0, 0, 1, 1), box(1, 0, 2, 1)], ["total", "female"], settings("zh_CN", warnings.append), 400.0, 10
    )
    assert warnings == returned and warnings and all("CJK" in warning for warning in warnings)
    assert len(set(warnings)) == len(warnings)  # each said once, not once per district
    made.save(str(tmp_path / "s.html"))
    text = read(tmp_path / "s.html")
    assert '<html lang="zh-CN">' in text and "plugin 1.0 · QGIS 3.22" in text
