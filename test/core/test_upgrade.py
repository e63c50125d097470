"""Upgrade priority in the core: dependants by hand and with networkx, priority and weakest dimensions by hand,
and the dependants adding up to the population served of SDG 11.7.1 (b)."""

import math

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import Delaunay
from shapely.geometry import box

from habitat_planning_plugin.core.network import build_graph, insert_vertices, multi_source_distances
from habitat_planning_plugin.core.public_space.access import (
    entry_points,
    public_space_access,
    street_entrances,
)
from habitat_planning_plugin.core.public_space.upgrade import (
    district_dependants,
    nearest_source,
    priority_scores,
    space_dependants,
    space_entrances,
    weakest_dimensions,
    weakest_summary,
)
from habitat_planning_plugin.core.text import HabitatError


def lattice(width=600, height=200, step=100):
    """Streets on a 100 m lattice, 0..600 x 0..200, each street one line through all its junctions."""
    xs, ys = range(0, width + 1, step), range(0, height + 1, step)
    return [np.array([(x, y) for x in xs], float) for y in ys] + [np.array([(x, y) for y in ys], float) for x in xs]


# Three 10 m squares centred on junctions. A street runs into each, so the way in along a street is the straight
# distance to the square: a junction's network distance is its Manhattan distance to the centre less 5 m.
SPACES = [box(-5, -5, 5, 5), box(295, 95, 305, 105), box(595, 195, 605, 205)]  # A, B, C
# (point, [total, women], space it depends on, distance), worked out by hand: connector to the nearest street,
# then along it and the lattice to the nearest square.
POINTS = [
    ((150, 10), [100, 60], 0, 10 + 150 - 5),  # A: 155 m; B would be 10 + 150 + 100 - 5 = 255 m
    ((260, 90), [200, 90], 1, 10 + 40 - 5),  # B: 45 m
    ((450, 190), [50, 20], 2, 10 + 150 - 5),  # C: 155 m; B 10 + 50 + 100 + 100 - 5 = 255 m
    ((580, 5), [30, 10], 2, 5 + 20 + 200 - 5),  # C: 220 m; B 5 + 280 + 100 - 5 = 380 m
    ((-300, 100), [40, 25], 0, 300 + 100 - 5),  # A: 395 m, just within 400 m
    ((-320, 100), [70, 30], -1, 320 + 100 - 5),  # 415 m: depends on no space
]


def hand_case():
    points = np.array([p for p, _, _, _ in POINTS], float)
    weights = np.array([w for _, w, _, _ in POINTS], float)
    return points, weights


def test_dependants_by_hand():
    points, weights = hand_case()
    result = space_dependants(lattice(), SPACES, points, weights, max_distance=400.0)
    assert result.point_space.tolist() == [space for _, _, space, _ in POINTS]
    np.testing.assert_allclose(result.point_distance, [d for _, _, _, d in POINTS], atol=1e-6)
    np.testing.assert_allclose(result.people, [[140, 85], [200, 90], [80, 30]])
    assert (result.entrances > 0).all()


def test_priority_by_hand():
    # A: quality 40, 140 dependants; B: quality 80, 200 (the most of a surveyed space); C: not surveyed.
    scores = priority_scores([40.0, 80.0, math.nan], [140.0, 200.0, 80.0], 0.5, 0.5)
    assert scores.surveyed.tolist() == [True, True, False]
    np.testing.assert_allclose(scores.need_pts[:2], [50 * 0.6, 50 * 0.2])
    np.testing.assert_allclose(scores.people_pts[:2], [50 * 140 / 200, 50.0])
    np.testing.assert_allclose(scores.priority[:2], [65.0, 60.0])
    assert math.isnan(scores.priority[2]) and math.isnan(scores.need_pts[2])
    assert scores.rank.tolist() == [1, 2, 3]
    # Need alone: the poorer space first; people alone: the one more people depend on.
    assert priority_scores([40.0, 80.0, math.nan], [140.0, 200.0, 80.0], 1, 0).rank.tolist() == [1, 2, 3]
    people_only = priority_scores([40.0, 80.0, math.nan], [140.0, 200.0, 80.0], 0, 2)
    assert people_only.rank.tolist() == [2, 1, 3]
    np.testing.assert_allclose(people_only.priority[:2], [70.0, 100.0])
    # Equal scores: more dependants first; unsurveyed spaces by dependants after every surveyed one.
    tied = priority_scores([50.0, 50.0, math.nan, math.nan], [100.0, 100.0, 10.0, 30.0], 1, 0)
    assert tied.rank.tolist() == [1, 2, 4, 3]
    tied = priority_scores([50.0, 50.0], [90.0, 100.0], 1, 0)
    assert tied.rank.tolist() == [2, 1]
    # No surveyed space has dependants: the people part is 0, not a division by zero.
    np.testing.assert_allclose(priority_scores([20.0], [0.0]).priority, [40.0])


def test_bad_weights():
    with pytest.raises(HabitatError, match="both 0"):
        priority_scores([50.0], [10.0], 0, 0)
    with pytest.raises(HabitatError, match="0 or more"):
        priority_scores([50.0], [10.0], -1, 1)


def test_weakest_dimensions_and_summary():
    nan = math.nan
    scores = np.array([[80, 20, 50, 20], [nan, 60, 10, 90], [nan, nan, nan, 70], [nan] * 4])
    index, value = weakest_dimensions(scores)
    assert index.tolist() == [[1, 3], [2, 1], [3, -1], [-1, -1]]
    np.testing.assert_array_equal(value[:2], [[20, 20], [10, 60]])
    assert value[2, 0] == 70 and math.isnan(value[2, 1]) and np.isnan(value[3]).all()
    rows = weakest_summary(scores, [True, True, True, False], [100.0, 50.0, 10.0, 999.0])
    # weakest: space 0 ties dimensions 1 and 3 (both count), space 1 dimension 2, space 2 dimension 3
    assert [(count, people) for count, people, _, _ in rows] == [(0, 0.0), (1, 100.0), (1, 50.0), (2, 110.0)]
    assert rows[1][2] == pytest.approx(40.0) and rows[1][3] == pytest.approx((20 * 100 + 60 * 50) / 150)
    assert rows[0][2] == pytest.approx(80.0)


def test_district_dependants():
    point_district = np.array([0, 0, 1, 1, -1])
    point_space = np.array([0, 1, 1, -1, 0])
    weights = np.array([[10.0], [20.0], [30.0], [40.0], [50.0]])
    rows = district_dependants(point_district, point_space, np.array([True, False]), weights, 2)
    assert rows == [(30.0, 10.0, 20.0, 0.0), (70.0, 0.0, 30.0, 40.0)]


def random_city(seed, n=220, size=2000.0, n_spaces=6):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, size, size=(n, 2))
    pairs = sorted(
        {
            tuple(sorted((int(a), int(b))))
            for t in Delaunay(xy).simplices
            for a, b in ((t[0], t[1]), (t[1], t[2]), (t[0], t[2]))
        }
    )
    lines = [xy[list(p)] for p in pairs if rng.uniform() < 0.75]
    centres = rng.uniform(200, size - 200, size=(n_spaces, 2))
    spaces = [box(x - s, y - s, x + s, y + s) for (x, y), s in zip(centres, rng.uniform(15, 60, n_spaces))]
    points = rng.uniform(-100, size + 100, size=(600, 2))
    weights = np.column_stack([rng.uniform(0, 50, 600), rng.uniform(0, 20, 600)])
    return lines, spaces, points, weights


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_labels_match_networkx(seed):
    """Every vertex's nearest space by networkx: one Dijkstra per space from its own entrances, the argmin."""
    lines, spaces, _, _ = random_city(seed)
    graph = build_graph(lines)
    edge, t = street_entrances(graph, spaces, 25.0)
    graph, _ = insert_vertices(graph, edge, t)
    entries, cost, space = space_entrances(graph, spaces, 25.0)
    reference_entries, reference_cost = entry_points(graph, spaces, 25.0)
    np.testing.assert_array_equal(entries, reference_entries)
    np.testing.assert_array_equal(cost, reference_cost)
    limit = 600.0
    distance, label = nearest_source(graph, entries, cost, space, limit)
    np.testing.assert_array_equal(distance, multi_source_distances(graph, entries, cost, limit))

    network = nx.Graph()
    for u, v, w in zip(graph.edge_u.tolist(), graph.edge_v.tolist(), graph.edge_cost.tolist()):
        if not network.has_edge(u, v) or network[u][v]["weight"] > w:
            network.add_edge(u, v, weight=w)
    per_space = np.full((len(spaces), graph.n_vertices), np.inf)
    for index in range(len(spaces)):
        mine = space == index
        network.add_node("start")
        for vertex, start in zip(entries[mine].tolist(), cost[mine].tolist()):
            network.add_edge("start", vertex, weight=start)
        for vertex, d in nx.single_source_dijkstra_path_length(network, "start").items():
            if vertex != "start":
                per_space[index, vertex] = d
        network.remove_node("start")
    best = per_space.min(axis=0)
    within = best <= limit
    np.testing.assert_allclose(distance[within], best[within], atol=1e-6)
    assert np.isinf(distance[~within]).all() and (label[~within] == -1).all()
    clear = within & (np.sort(per_space, axis=0)[1] - best > 1e-6)  # no second space as near
    assert clear.sum() > 0.8 * within.sum()
    np.testing.assert_array_equal(label[clear], per_space.argmin(axis=0)[clear])
    tied = within & ~clear  # a tie may name either space, but always one of the nearest
    assert np.all(per_space[label[tied], np.nonzero(tied)[0]] <= best[tied] + 1e-6)


@pytest.mark.parametrize("seed", [4, 5])
def test_dependants_brute_force_and_access_totals(seed):
    """Each person's space by brute force (every space, both ends of their street segment), and the dependants of
    all spaces adding up, group by group, to the population served of SDG 11.7.1 (b)."""
    lines, spaces, points, weights = random_city(seed)
    result = space_dependants(lines, spaces, points, weights, max_distance=400.0)
    access = public_space_access(
        lines, spaces, points, weights, ["total", "women"], max_distance=400.0, straight_line=False
    )
    np.testing.assert_allclose(result.people.sum(axis=0), weights[access.served].sum(axis=0), rtol=1e-12)
    np.testing.assert_array_equal(result.point_space >= 0, access.served)
    np.testing.assert_array_equal(result.point_distance, access.point_distance)

    # Brute force: every space's own distances, and for each person the best end of their segment per space.
    graph = result.graph
    entries, cost, space = space_entrances(graph, spaces, 25.0)
    from habitat_planning_plugin.core.network import point_distances, prefer_shorter_walk, snap_to_edges

    per_space = np.array(
        [multi_source_distances(graph, entries[space == s], cost[space == s], 2000.0) for s in range(len(spaces))]
    )
    snap = prefer_shorter_walk(graph, snap_to_edges(graph, points), result.vertex_distance)
    person = np.array([point_distances(graph, snap, per_space[s]) for s in range(len(spaces))])
    best = person.min(axis=0)
    served = best <= 400.0
    np.testing.assert_array_equal(served, result.point_space >= 0)
    clear = served & (np.sort(person, axis=0)[1] - best > 1e-6)
    np.testing.assert_array_equal(result.point_space[clear], person.argmin(axis=0)[clear])
    assert served.sum() > 50


def test_no_street_reaches_a_space():
    points, weights = hand_case()
    far = [box(5000, 5000, 5010, 5010)]
    with pytest.raises(HabitatError, match="No street reaches a public space"):
        space_dependants(lattice(), far, points, weights)
    with pytest.raises(HabitatError, match="holds no people"):
        space_dependants(lattice(), SPACES, points, weights * 0)


def test_space_without_geometry_or_entrance_has_no_dependants():
    points, weights = hand_case()
    spaces = [SPACES[0], None, SPACES[1], box(5000, 5000, 5010, 5010), SPACES[2]]
    result = space_dependants(lattice(), spaces, points, weights, districts=[box(-400, -50, 300, 250)])
    np.testing.assert_allclose(result.people[:, 0], [140, 0, 200, 0, 80])
    assert result.entrances[1] == 0 and result.entrances[3] == 0
    assert result.point_district.tolist() == [0, 0, -1, -1, 0, 0]


def test_straight_segment_network_speed():
    """A city of 40 000 segments and 100 000 people in a few seconds (vectorised, one pass)."""
    import time

    rng = np.random.default_rng(0)
    ticks = np.arange(0, 10_001, 100.0)
    lines = [np.column_stack([ticks, np.full_like(ticks, y)]) for y in ticks] + [
        np.column_stack([np.full_like(ticks, x), ticks]) for x in ticks
    ]
    spaces = [box(x, y, x + 60, y + 60) for x, y in rng.uniform(100, 9800, size=(300, 2))]
    points = rng.uniform(0, 10_000, size=(100_000, 2))
    weights = rng.uniform(0, 10, size=(100_000, 1))
    start = time.perf_counter()
    result = space_dependants(lines, spaces, points, weights)
    assert time.perf_counter() - start < 30
    assert result.people.sum() > 0
