"""The SDF reports in the core (no QGIS): built from small hand-worked inputs, the numbers checked as the page shows
them, user text escaped, the language tag, chart warnings to the settings and PDF without a writer."""

import re

import numpy as np
import pytest
from shapely.geometry import Point, box

from habitat_planning_plugin.core.report import charts
from habitat_planning_plugin.core.report.html import ReportSettings
from habitat_planning_plugin.core.sdf import report
from habitat_planning_plugin.core.sdf.development_index import composite_index, sensitivity
from habitat_planning_plugin.core.sdf.priority import ordinal_ranks
from habitat_planning_plugin.core.sdf.scalogram import scalogram
from habitat_planning_plugin.core.text import HabitatError

HOSTILE = '<b>&"x"'  # a name a user may give: must reach the page as text
ESCAPED = "&lt;b&gt;&amp;&quot;x&quot;"
LABELS = ["Central", "Intermediate", "Local"]


def settings(language="en", warn=None, pdf_writer=None):
    return ReportSettings(language=language, footer="plugin 1.0 · QGIS 3.22", pdf_writer=pdf_writer, warn=warn)


def cells(text):
    return re.findall(r"<td>(.*?)</td>", text)


def no_cjk_font(monkeypatch):
    monkeypatch.setattr(charts, "cjk_family", lambda: None)  # a QGIS install without Chinese fonts


# Four settlements, three functions in a perfect Guttman scale: A has all three, B two, C and D the commonest one.
# Weights 100 / 4, 100 / 2, 100 / 1: centrality A 25 + 50 + 100 = 175, B 75, C and D 25.
PRESENCE = np.array([[1, 1, 1], [1, 1, 0], [1, 0, 0], [1, 0, 0]])
FUNCTIONS = ["school", "bank", "hospital"]
POINTS = [Point(0, 0), Point(5000, 0), Point(0, 5000), Point(5000, 5000)]


def functions_page(tmp_path, names, settings_=None):
    result = scalogram(PRESENCE)
    path = report.functions_report(
        str(tmp_path / "f.html"),
        names,
        FUNCTIONS,
        result,
        np.array([0, 1, 2, 2]),
        LABELS,
        POINTS,
        settings_ or settings(),
    )
    return result, (tmp_path / "f.html").read_text(encoding="utf-8"), path


def test_functions_report_numbers(tmp_path):
    result, text, path = functions_page(tmp_path, ["A", "B", "C", "D"])
    assert path == str(tmp_path / "f.html")
    np.testing.assert_allclose(result.centrality, [175.0, 75.0, 25.0, 25.0])
    assert '<div class="value good">1.000 </div>' in text  # reproducibility of a perfect scale, above 0.90
    table = cells(text)
    at = table.index("A")
    assert table[at - 1 : at + 4] == ["1", "A", "3", "175.0", "Central"]
    assert table[table.index("B") - 1 : table.index("B") + 4] == ["2", "B", "2", "75.0", "Intermediate"]
    assert table[table.index("D") - 1 : table.index("D") + 4] == ["4", "D", "1", "25.0", "Local"]
    assert text.count("<img") == 3  # scalogram, hierarchy map, centrality chart
    assert "plugin 1.0 · QGIS 3.22" in text


def test_functions_report_escapes_names_and_sends_chart_warnings(tmp_path, monkeypatch):
    no_cjk_font(monkeypatch)
    warnings = []
    _, text, _ = functions_page(tmp_path, [HOSTILE, "老城区", "C", "D"], settings("zh_CN", warnings.append))
    assert ESCAPED in text and HOSTILE not in text
    assert '<html lang="zh-CN">' in text
    assert warnings and all("CJK" in warning for warning in warnings)
    assert all(warning not in text for warning in warnings)  # said in the log, not on the page


def test_hierarchy_map_legend_most_central_first():
    made = report.hierarchy_map(
        [POINTS[0], box(4000, -1000, 6000, 1000), None, POINTS[3]],
        [0, 1, 2, 2],
        LABELS,
        ["A", "B", "C", "D"],
        [175.0, 75.0, 25.0, 25.0],
    )
    png, warning = made
    assert png.startswith(b"\x89PNG") and warning is None
    assert [label for label, _ in made.legend] == LABELS
    assert [colour for _, colour in made.legend] == report.LEVEL_COLOURS[:3]


def development():
    # Indicators a (more is better) and b: min-max a 0, .5, 1 and b 1, 0, .5; equal weights: 50, 25, 75.
    values = np.array([[1.0, 30.0], [2.0, 10.0], [3.0, 20.0]])
    result = composite_index(values, [1, 1], None, "minmax", "linear", "reweight", ["a", "b"])
    return result, sensitivity(result.normalised, result.weights, "linear")


def test_development_report_numbers(tmp_path):
    result, rows = development()
    np.testing.assert_allclose(result.index, [50.0, 25.0, 75.0])
    report.development_report(
        str(tmp_path / "d.html"),
        ["North", "South", HOSTILE],
        ["a", "b"],
        result,
        ["High", "Low"],
        np.array([0, 1, -1]),
        rows,
        settings(),
    )
    text = (tmp_path / "d.html").read_text(encoding="utf-8")
    table = cells(text)
    # Ranked: the third settlement (75, no class), North (50, High), South (25, Low).
    assert table[:12] == ["1", ESCAPED, "75.0", "—", "2", "North", "50.0", "High", "3", "South", "25.0", "Low"]
    sensitivity_cells = table[12:]
    assert len(sensitivity_cells) == 4 * len(rows)
    for k, (j, factor, mean, most) in enumerate(rows):
        assert sensitivity_cells[4 * k : 4 * k + 4] == [["a", "b"][j], f"{factor:,.2f}", f"{mean:,.2f}", str(most)]
    assert text.count("<img") == 1


def test_priority_report_numbers_and_escaping(tmp_path, monkeypatch):
    no_cjk_font(monkeypatch)
    warnings = []
    score = np.array([10.0, 40.0, 30.0])
    contributions = {"low_development": np.array([10.0, 15.0, 30.0]), "corridor": np.array([0.0, 25.0, 0.0])}
    shapes = [None, box(9000, -1000, 11000, 1000), Point(20000, 0)]  # A has no geometry: not on the map
    report.priority_report(
        str(tmp_path / "p.html"),
        shapes,
        ["A", HOSTILE, "老城区"],
        score,
        ordinal_ranks(score),
        contributions,
        settings("zh_CN", warnings.append),
        no_travel=["老城区"],
    )
    text = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert re.search(
        r"<th>Rank</th><th>Settlement</th><th>Priority</th><th>low development index</th>"
        r"<th>on a development corridor</th>",
        text,
    )
    ranking = text[text.index("<th>Rank</th>") :]
    assert cells(ranking)[:15] == [
        "1",
        ESCAPED,
        "40.0",
        "15.0",
        "25.0",
        "2",
        "老城区",
        "30.0",
        "30.0",
        "0.0",
        "3",
        "A",
        "10.0",
        "10.0",
        "0.0",
    ]
    assert "1 settlements have no travel time (no road, or no centre within reach)" in text
    assert '<html lang="zh-CN">' in text and HOSTILE not in text
    assert warnings and all("CJK" in warning for warning in warnings)  # the map names 老城区


def test_priority_map_fifths_highest_first():
    made = report.priority_map([[Point(0, 0).buffer(5)]] * 5, report.PRIORITY_COLOURS, [(0, "A", Point(0, 0))])
    assert [label for label, _ in made.legend] == [
        "Highest fifth of the priority scores",
        "Fourth fifth",
        "Middle fifth",
        "Second fifth",
        "Lowest fifth of the priority scores",
    ]
    assert made.legend[0][1] == report.PRIORITY_COLOURS[-1]


def test_sdf_reports_refuse_pdf_without_a_writer(tmp_path, monkeypatch):
    result, rows = development()
    with pytest.raises(HabitatError, match="PDF"):
        report.development_report(
            str(tmp_path / "d.pdf"),
            ["N", "S", "E"],
            ["a", "b"],
            result,
            ["H", "L"],
            np.array([0, 1, 0]),
            rows,
            settings(),
        )
    assert list(tmp_path.iterdir()) == []
    written = []
    report.development_report(
        str(tmp_path / "d.pdf"),
        ["N", "S", "E"],
        ["a", "b"],
        result,
        ["H", "L"],
        np.array([0, 1, 0]),
        rows,
        settings(pdf_writer=lambda page, path: (written.append(page), open(path, "w").close())),
    )
    assert written and written[0].startswith("<!DOCTYPE html>") and (tmp_path / "d.pdf").exists()


def test_priority_report_explains_the_ranks(tmp_path):
    """The stacked chart, a sentence per top settlement, the shares of the spread and the warning, by hand."""
    score = np.array([10.0, 40.0, 30.0])
    contributions = {"low_development": np.array([10.0, 15.0, 30.0]), "corridor": np.array([0.0, 25.0, 0.0])}
    report.priority_report(
        str(tmp_path / "p.html"),
        [Point(0, 0), Point(5000, 0), Point(10000, 0)],
        ["A", "B", "C"],
        score,
        ordinal_ranks(score),
        contributions,
        settings(),
    )
    text = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert text.count("<img") == 2  # the map and the stacked contributions
    assert "B ranks 1: mostly on a development corridor (25.0 of 40.0), then low development index (15.0)." in text
    assert "C ranks 2: mostly low development index (30.0 of 30.0)." in text
    assert "A ranks 3: mostly low development index (10.0 of 10.0)." in text
    # Score 10, 40, 30: mean 80/3, centred -16.67, 13.33, 3.33; variance (277.8 + 177.8 + 11.1) / 3 = 155.56.
    # low development 10, 15, 30 (mean 18.33; centred -8.33, -3.33, 11.67): Cov (138.9 - 44.4 + 38.9) / 3 = 44.44
    # -> 28.6 %; corridor 0, 25, 0 (mean 8.33; centred -8.33, 16.67, -8.33): Cov (138.9 + 222.2 - 27.8) / 3 = 111.1
    # -> 71.4 %.
    shares = text[text.index("<th>Component</th>") :]
    assert cells(shares)[:6] == ["low development index", "18.3", "28.6", "on a development corridor", "8.3", "71.4"]
    assert (
        "The ranking is driven mostly by &quot;on a development corridor&quot; (71 % of the spread of the scores)"
        in text
    )


def test_stacked_horizontal_bar_chart_draws():
    png, warning = charts.bar_chart(
        ["A", "B"], [("x", [1.0, 2.0]), ("y", [3.0, None])], "t", "score", stacked=True, horizontal=True
    )
    assert png.startswith(b"\x89PNG") and warning is None


def test_development_report_shows_the_three_classings(tmp_path):
    result, rows = development()  # index 50, 25, 75
    combined = report.CombinedClasses(
        LABELS[:2],
        np.array([0, 1, -1]),
        np.array([1, 1, 0]),
        np.array([0, 1, 0]),
        np.array([60.0, 10.0, 90.0]),
    )
    report.development_report(
        str(tmp_path / "d.html"),
        ["North", "South", "East"],
        ["a", "b"],
        result,
        ["High", "Low"],
        np.array([0, 1, -1]),
        rows,
        settings(),
        combined,
    )
    text = (tmp_path / "d.html").read_text(encoding="utf-8")
    counts = text[text.index("Hierarchy by development and centrality") :]
    # Development 0, 1, -1; centrality 1, 1, 0; combined 0, 1, 0.
    assert cells(counts)[:12] == [
        "1: Central",
        "1",
        "1",
        "2",
        "2: Intermediate",
        "1",
        "2",
        "1",
        "No class",
        "1",
        "0",
        "0",
    ]
    differ = text[text.index("not in the same class") :]
    # North (High / Intermediate / Central) and East (— / Central / Central) differ; South is Low / 2 / 2 everywhere.
    assert cells(differ) == [
        "East",
        "—",
        "Central",
        "Central",
        "90.0",
        "North",
        "High",
        "Intermediate",
        "Central",
        "60.0",
    ]
    assert "central, intermediate and local" in text and "kept beside it for comparison" in text
    assert combined.attributes(0) == [2, 60.0, 1, "Central"] and combined.attributes(2)[:3] == [1, 90.0, 1]
