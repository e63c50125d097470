"""Who is not served, where (core): a hand-worked lattice, networkx components as the reference for clusters."""

import math

import networkx as nx
import numpy as np
import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from habitat_planning_plugin.core.public_space.access import NETWORK, public_space_access
from habitat_planning_plugin.core.public_space.gaps import (
    cluster_shapes,
    field_names,
    gap_band,
    public_space_gaps,
    unserved_gaps,
)
from habitat_planning_plugin.core.text import HabitatError

# Streets on a 100 m lattice 0..1000; one space around the vertex (0, 0), entered there only (tolerance 0): every
# vertex (x, y) is x + y metres away. A person in the middle of block (i, j) joins a street 50 m away and walks
# 50 m to a corner: 100 (i + j + 1) m.
TICKS = [100.0 * k for k in range(11)]
LINES = [np.array([(x, y) for x in TICKS]) for y in TICKS] + [np.array([(x, y) for y in TICKS]) for x in TICKS]
SPACE = box(-10, -10, 10, 10)
# (block i, j): (total, women). Served: i + j <= 2. Cluster A (east): a 2 x 2 block; cluster B (west): three blocks
# touching only at corners; C: one block of 20 people, below the 50-person minimum.
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
WEST, EAST = box(-100, -100, 450, 1100), box(450, -100, 1100, 1100)


def hand_city():
    cells = list(PEOPLE)
    points = np.array([(50 + 100 * i, 50 + 100 * j) for i, j in cells], dtype=float)
    weights = np.array([PEOPLE[cell] for cell in cells], dtype=float)
    return cells, points, weights


def run_hand(**options):
    cells, points, weights = hand_city()
    result = public_space_gaps(
        LINES,
        [SPACE],
        points,
        weights,
        ["total", "women"],
        [WEST, EAST],
        ["West", "East"],
        max_distance=400.0,
        search_distance=1000.0,
        cell_size=100.0,
        min_population=50.0,
        entry_tolerance=0.0,
        **options,
    )
    return cells, points, weights, result


def test_hand_worked_points_distances_and_table():
    cells, points, weights, result = run_hand()
    distance = {cell: 100.0 * (cell[0] + cell[1] + 1) for cell in cells}
    unserved = [cell for cell in cells if distance[cell] > 400]
    assert [cells[i] for i in result.point_index] == unserved
    expected = [distance[cell] if distance[cell] <= 1000 else math.inf for cell in unserved]
    np.testing.assert_allclose(result.distance, expected, atol=1e-9)
    assert result.district.tolist() == [1, 1, 1, 1, 0, 0, 0, 1]
    np.testing.assert_array_equal(result.weights, [PEOPLE[cell] for cell in unserved])
    rows = {(row["district"], row["group"]): row for row in result.rows}
    # By hand: served 50 total, 26 women (all in the west); unserved 120 + 150 + 20 = 290 total.
    assert rows[(None, "total")]["population"] == 340 and rows[(None, "total")]["unserved"] == 290
    assert rows[(None, "women")]["unserved"] == 40 + 75 + 10
    assert rows[("West", "total")]["unserved"] == 150 and rows[("West", "total")]["served"] == 50
    assert rows[("East", "women")]["unserved"] == 50
    assert rows[("East", "total")]["unserved_pct"] == pytest.approx(100.0)
    assert rows[("West", "total")]["unserved_pct"] == pytest.approx(100 * 150 / 200)
    assert [rows[(d, "total")]["clusters"] for d in (None, "West", "East")] == [2, 1, 1]


def test_hand_worked_clusters():
    cells, points, weights, result = run_hand()
    first, second = result.clusters
    # B (150 people) before A (120 people).
    assert (first.number, second.number) == (1, 2)
    np.testing.assert_allclose(first.population, [150, 75])
    np.testing.assert_allclose(second.population, [120, 40])
    assert (first.cells, second.cells) == (3, 4) and (first.area_ha, second.area_ha) == (3.0, 4.0)
    assert first.shape.equals(unary_union([box(0, 600, 100, 700), box(100, 700, 200, 800), box(200, 800, 300, 900)]))
    assert second.shape.equals(box(500, 0, 700, 200))
    # B: 700 m and 900 m reached (50 people each), 1100 m beyond the 1000 m search: unreachable.
    assert first.mean_distance == pytest.approx(800.0) and first.max_distance == pytest.approx(900.0)
    assert first.unreachable == 50.0
    assert second.mean_distance == pytest.approx((600 + 700 + 700 + 800) / 4) and second.max_distance == 800.0
    assert second.unreachable == 0.0
    assert (first.district, second.district) == (0, 1)
    assert result.dropped_clusters == 1
    np.testing.assert_allclose(result.dropped_population, [20, 10])
    by_point = dict(zip((cells[i] for i in result.point_index), result.cluster.tolist()))
    assert by_point == {(5, 0): 2, (6, 0): 2, (5, 1): 2, (6, 1): 2, (0, 6): 1, (1, 7): 1, (2, 8): 1, (9, 9): -1}
    # Kept clusters + dropped clusters = every unserved person, per group.
    np.testing.assert_allclose(
        sum(c.population for c in result.clusters) + result.dropped_population, result.weights.sum(axis=0)
    )


def test_without_minimum_every_unserved_cell_is_in_a_cluster():
    _, _, _, result = run_hand(extents=None)
    again = unserved_gaps(
        result.access, *hand_city()[1:], ["total", "women"], ["West", "East"], cell_size=100.0, min_population=0.0
    )
    assert len(again.clusters) == 3 and again.dropped_clusters == 0
    assert (again.cluster >= 1).all()
    # 500 m cells from (-200, -200): A in cell (1, 0), B in (0, 1) and (0, 2), touching A at a corner: one cluster
    # when districts do not split them; C alone in (2, 2), below the minimum.
    merged = unserved_gaps(
        result.access,
        *hand_city()[1:],
        ["total", "women"],
        ["West", "East"],
        cell_size=500.0,
        min_population=50.0,
        split_at_districts=False,
    )
    assert [c.population[0] for c in merged.clusters] == [270.0] and merged.clusters[0].district == 0
    assert merged.clusters[0].area_ha == 3 * 25.0
    # A is in the east, B in the west: split at the district boundary they are two.
    split = unserved_gaps(
        result.access, *hand_city()[1:], ["total", "women"], ["West", "East"], cell_size=500.0, min_population=50.0
    )
    assert [(c.population[0], c.district) for c in split.clusters] == [(150.0, 0), (120.0, 1)]


def test_urban_extent_keeps_indices_of_the_input():
    cells, points, weights = hand_city()
    extent = box(0, 0, 800, 1000)  # leaves out (9, 9)
    result = public_space_gaps(
        LINES,
        [SPACE],
        points,
        weights,
        ["total", "women"],
        max_distance=400.0,
        search_distance=2000.0,
        entry_tolerance=0.0,
        extents=[extent],
        min_population=1.0,
    )
    assert [cells[i] for i in result.input_index] == [(5, 0), (6, 0), (5, 1), (6, 1), (0, 6), (1, 7), (2, 8)]
    np.testing.assert_array_equal(result.xy, points[result.input_index])
    assert result.rows[0]["population"] == 320.0


def test_unserved_equals_population_minus_served_of_access():
    rng = np.random.default_rng(5)
    points = rng.uniform(0, 1000, size=(3000, 2))
    weights = rng.gamma(2.0, 5.0, size=(3000, 3))
    spaces = [box(290, 290, 330, 330), box(690, 590, 720, 640)]
    districts = [box(0, 0, 500, 1000), box(500, 0, 1000, 1000)]
    access = public_space_access(
        LINES,
        spaces,
        points,
        weights,
        ["a", "b", "c"],
        districts,
        ["W", "E"],
        distance_limit=1500.0,
        straight_line=False,
    )
    result = unserved_gaps(access, points, weights, ["a", "b", "c"], ["W", "E"], cell_size=50.0, min_population=30.0)
    reference = {(row["district"], row["group"]): row for row in access.rows if row["method"] == NETWORK}
    for row in result.rows:
        base = reference[(row["district"], row["group"])]
        assert row["unserved"] == base["population"] - base["served"]  # exactly
    # The unserved points hold the same people (summed in another order).
    for column, group in enumerate("abc"):
        assert result.weights[:, column].sum() == pytest.approx(
            next(r["unserved"] for r in result.rows if r["district"] is None and r["group"] == group), rel=1e-12
        )
    np.testing.assert_allclose(
        sum(c.population for c in result.clusters) + result.dropped_population, result.weights.sum(axis=0), rtol=1e-12
    )


@pytest.mark.parametrize("split", [False, True])
def test_clusters_match_networkx_components(split):
    rng = np.random.default_rng(11)
    points = rng.uniform(0, 1000, size=(1500, 2))
    weights = rng.gamma(1.0, 10.0, size=(1500, 1))
    # Districts that cut through cells: a cell's people may live in two districts, or outside both.
    districts = [box(0, 0, 487, 1000), box(487, 0, 1000, 613)] if split else None
    names = ["W", "SE"] if split else []
    access = public_space_access(
        LINES,
        [box(450, 450, 560, 560)],
        points,
        weights,
        ["total"],
        districts,
        names,
        max_distance=300.0,
        distance_limit=800.0,
        straight_line=False,
    )
    cell = 40.0
    result = unserved_gaps(access, points, weights, ["total"], names, cell_size=cell, min_population=25.0)
    # Reference: cells of the unserved people as networkx nodes, edges between the 8 neighbours of one district
    # (the district with most of the cell's people; -1 outside both; equal shares to the lower index).
    origin = result.xy.min(axis=0) - cell / 2
    key = [tuple(k) for k in np.floor((result.xy - origin) / cell).astype(int)]
    people, by_district = {}, {}
    for k, w, d in zip(key, result.weights[:, 0], result.district):
        people[k] = people.get(k, 0.0) + w
        by_district.setdefault(k, {}).setdefault(int(d), 0.0)
        by_district[k][int(d)] += w
    home = {k: min(shares, key=lambda d: (-shares[d], d)) if split else 0 for k, shares in by_district.items()}
    if split:
        assert len(set(home.values())) == 3 and any(len(shares) > 1 for shares in by_district.values())
    graph = nx.Graph()
    graph.add_nodes_from(people)
    for i, j in people:
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                if (di or dj) and (i + di, j + dj) in people and home[(i + di, j + dj)] == home[(i, j)]:
                    graph.add_edge((i, j), (i + di, j + dj))
    components = sorted((sum(people[c] for c in part), part) for part in nx.connected_components(graph))
    kept = sorted([(p, part) for p, part in components if p >= 25.0], key=lambda item: -item[0])
    assert len(result.clusters) == len(kept)
    assert result.dropped_clusters == len(components) - len(kept)
    for cluster, (population, part) in zip(result.clusters, kept):
        assert cluster.population[0] == pytest.approx(population, rel=1e-12)
        assert cluster.cells == len(part)
        expected = unary_union(
            [
                box(origin[0] + i * cell, origin[1] + j * cell, origin[0] + (i + 1) * cell, origin[1] + (j + 1) * cell)
                for i, j in part
            ]
        )
        assert cluster.shape.symmetric_difference(expected).area < 1e-6
        assert cluster.shape.area == pytest.approx(cluster.area_ha * 10_000)
        members = np.nonzero(result.cluster == cluster.number)[0]
        assert {key[m] for m in members} == set(part)
        reached = members[np.isfinite(result.distance[members])]
        if len(reached):
            assert cluster.max_distance == result.distance[reached].max()
            assert cluster.mean_distance == pytest.approx(
                np.average(result.distance[reached], weights=result.weights[reached, 0])
            )
        assert cluster.unreachable == pytest.approx(
            result.weights[members, 0][~np.isfinite(result.distance[members])].sum()
        )


def test_cluster_shapes_of_a_ring_keep_the_hole():
    grid = np.zeros((5, 5), dtype=np.int64)
    grid[1:4, 1:4] = 1
    grid[2, 2] = 0
    (shape,) = cluster_shapes(grid, 1, (0.0, 0.0), 10.0)
    assert shape.is_valid and shape.area == 800.0 and len(shape.interiors) == 1


def test_field_names_and_bands():
    assert field_names(["total", "female", "children_0_14", "Older 65+", "总人口", "total"]) == [
        "pop_total",
        "pop_female",
        "pop_children_0_14",
        "pop_older_65",
        "pop_总人口",
        "pop_total_2",
    ]
    assert gap_band([401, 600, 601, 800, 1200, 1300, math.inf], 400.0).tolist() == [1, 1, 2, 2, 3, 4, 5]


def test_bad_cell_size():
    _, _, _, result = run_hand()
    with pytest.raises(HabitatError):
        unserved_gaps(result.access, *hand_city()[1:], ["total", "women"], cell_size=0.0)
