"""The accessibility report: its sections, and the regional balance table equal to balance.inequality."""

import html
import math
import re

import numpy as np
import pytest
from shapely.geometry import Point, box

from habitat_planning_plugin.core.sdf.accessibility import accessibility_index, beta_sensitivity, hansen
from habitat_planning_plugin.core.sdf.balance import inequality
from habitat_planning_plugin.core.sdf.report_access import access_balance, accessibility_report, level_groups

# Five settlements on a line, 10 km apart; A (level 1) and E (level 2) are centres, D has no road.
NAMES = ["A", "B", "C", "D", "E"]
LEVELS = np.array([1.0, 3.0, 3.0, 3.0, 2.0])
CENTRES = [0, 4]
MASS = [100.0, 40.0]
COSTS = np.array([[0.0, 40.0], [10.0, 30.0], [20.0, 20.0], [np.inf, np.inf], [40.0, 0.0]])
POPULATION = np.array([5000.0, 800.0, 600.0, 300.0, 2000.0])
ROAD = np.array([True, True, True, False, True])


def text_of(path):
    """The page's text, tags dropped and entities decoded, one cell or paragraph per line."""
    page = re.sub(r"data:image/png;base64,[^\"]+", "", path.read_text(encoding="utf-8"))
    page = re.sub(r"</(td|th|p|h2)>", "\n", page)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_level_groups():
    assert level_groups([1.0, 2.0, np.nan]) == ["1", "2", None]


def test_balance_rows_are_the_inequality_of_times_and_hansen():
    values = hansen(COSTS, MASS, CENTRES, include_own=True)
    rows = access_balance(COSTS[:, 0], values, POPULATION, level_groups(LEVELS))
    times = inequality([0.0, 10.0, 20.0, np.nan, 40.0], POPULATION, ["1", "3", "3", "3", "2"])
    assert rows[0][1].theil == pytest.approx(times.theil) and rows[0][1].n == 4  # D has no time: left out
    assert rows[0][1].between == pytest.approx(times.between) and rows[0][1].gini == pytest.approx(times.gini)
    assert rows[1][1].n == 5 and rows[1][1].theil == pytest.approx(
        inequality(values, POPULATION, LEVELS.astype(int)).theil
    )


def test_report_sections_and_numbers(tmp_path):
    values = hansen(COSTS, MASS, CENTRES, include_own=True)
    index = accessibility_index(values)
    betas = [math.log(2) / 30, math.log(2) / 60]
    sensitivity = beta_sensitivity(COSTS, MASS, CENTRES, betas, "exponential", True)
    balance = access_balance(COSTS[:, 0], values, POPULATION, level_groups(LEVELS))
    shapes = [Point(10_000.0 * k, 0.0) for k in range(5)]
    zones = [("A", box(-5000, -5000, 25_000, 5000)), ("E", box(25_000, -5000, 45_000, 5000))]
    path = accessibility_report(
        str(tmp_path / "access.html"),
        NAMES,
        shapes,
        [("Level 1", COSTS[:, 0]), ("Level 2", COSTS.min(axis=1))],
        [15.0, 30.0],
        values,
        index,
        ["A", "A", "A", None, "E"],
        ROAD,
        zones,
        sensitivity,
        balance,
        "Level",
        "exponential",
        betas[0],
        True,
        POPULATION,
    )
    page = (tmp_path / "access.html").read_text(encoding="utf-8")
    text = text_of(tmp_path / "access.html")
    assert path == str(tmp_path / "access.html") and page.count("data:image/png;base64,") == 1  # the zones map
    assert "schematic areas of the dominant centre" in text and "not administrative or planning boundaries" in text
    # Travel time to level 1: B 10, C 20, E 40 (D none): within 15 min A and B (2), within 30 min A, B, C (3); mean
    # over the four with a time (0 + 10 + 20 + 40) / 4 = 17.5, median 15.
    assert "Level 1\n4\n2\n3\n17.5\n15.0\n1\n" in text
    # People within 30 minutes of level 1: (5000 + 800 + 600) / 8700 = 73.6 %.
    assert "Level 1\n8,700\n" in text and f"{6400 / 8700 * 100:.1f}" in text
    # Least accessible: D without a road first, then E (40 minutes), C (20), B (10), A (0).
    least = text.split("least accessible settlements")[1]
    assert [least.index(name + "\n") for name in ("D", "E", "C", "B")] == sorted(
        least.index(name + "\n") for name in ("D", "E", "C", "B")
    )
    assert "D\nno road\n" in least
    # The sensitivity table: the half-lives 30 and 60, rho of the first row 1.000.
    assert "Sensitivity to the distance decay β" in text
    assert f"{betas[1]:.4f}\n60.0\n{sensitivity[1][1]:.3f}\n{sensitivity[1][2]:.2f}\n{sensitivity[1][3]}\n" in text
    assert "0.0231\n30.0\n1.000\n0.00\n0\n" in text
    # The balance table: the numbers of inequality() for the same data, to three decimals.
    times = inequality(np.where(np.isfinite(COSTS[:, 0]), COSTS[:, 0], np.nan), POPULATION, level_groups(LEVELS))
    access = inequality(values, POPULATION, level_groups(LEVELS))
    assert "Regional balance" in text
    for result in (times, access):
        cells = [result.n] + [
            f"{v:,.3f}" for v in (result.mean, result.theil, result.between, result.within, result.between_share)
        ]
        cells += [f"{result.gini:,.3f}", f"{result.cv:,.3f}"]
        assert "\n".join(str(c) for c in cells) in text
    assert "Weighted by population." in text and "Geurs & van Wee (2004)" in text


def test_report_without_population_or_zones(tmp_path):
    values = hansen(COSTS, MASS, CENTRES, beta=2.0, decay="power")
    balance = access_balance(COSTS[:, 0], values, None, ["x", "x", "y", "y", "y"])
    accessibility_report(
        str(tmp_path / "r.html"),
        NAMES,
        [None] * 5,
        [("Level 1", COSTS[:, 0])],
        [30.0],
        values,
        accessibility_index(values),
        [None] * 5,
        ROAD,
        [],
        beta_sensitivity(COSTS, MASS, CENTRES, [2.0, 1.0], "power", False),
        balance,
        "district",
        "power",
        2.0,
        False,
    )
    text = text_of(tmp_path / "r.html")
    assert "power decay minutes^−β, β = 2; a centre's own mass left out" in text
    assert "Each settlement counts once" in text and "Half-life" not in text
    assert balance[0][1].n == 4 and "district\n" in text


def test_balance_rows_lead_with_the_development_index_when_given():
    values = hansen(COSTS, MASS, CENTRES, include_own=True)
    index = np.array([80.0, 20.0, 40.0, np.nan, 60.0])
    rows = access_balance(COSTS[:, 0], values, POPULATION, level_groups(LEVELS), development=index)
    assert [label for label, _ in rows][0] == "Development index" and len(rows) == 3
    development = rows[0][1]
    assert development.n == 4 and development.left_out == 1  # the settlement without an index
    assert development.theil == pytest.approx(inequality(index, POPULATION, level_groups(LEVELS)).theil)
