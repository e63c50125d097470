"""SDF accessibility by hand on a straight road, and travel costs against networkx on a random network."""

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import Delaunay

from habitat_planning_plugin.core.network import build_graph
from habitat_planning_plugin.core.sdf.accessibility import (
    breaking_point,
    cost_matrix,
    hansen,
    huff,
    minutes_per_metre,
    nearest_by_level,
    reilly,
)

# One straight 60 km road at 60 km/h (1 minute per km) with settlements every 10 km beside it (100 m off-road,
# walked at 6 km/h: 1 minute). Centres: S0 (level 1, mass 100) and S6 (level 2, mass 25).
ROAD = [np.array([(0.0, 0.0), (30_000.0, 0.0), (60_000.0, 0.0)])]
SETTLEMENTS = np.array([(10_000.0 * k, 100.0) for k in range(7)])


@pytest.fixture(scope="module")
def line():
    graph = build_graph(ROAD, cost_per_metre=minutes_per_metre([60.0]))
    costs, _ = cost_matrix(graph, SETTLEMENTS, [0, 6], minutes_per_metre(6.0))
    return costs


def test_costs_by_hand(line):
    # Settlement k to S0: 1 min off-road + 10k min along the road + 1 min off-road for S0 itself.
    expected_s0 = [0.0] + [2.0 + 10 * k for k in range(1, 7)]
    expected_s6 = [2.0 + 10 * (6 - k) for k in range(6)] + [0.0]
    np.testing.assert_allclose(line[:, 0], expected_s0)
    np.testing.assert_allclose(line[:, 1], expected_s6)


def test_nearest_centre_by_level(line):
    levels = nearest_by_level(line, [1, 2], [1, 2])
    np.testing.assert_allclose(levels[1][0], line[:, 0])  # only S0 is level 1
    assert levels[2][1].tolist() == [0, 0, 0, 0, 1, 1, 1]  # S6 counts for level 2; S3 ties and keeps S0


def test_hansen_huff_reilly_by_hand(line):
    mass = [100.0, 25.0]
    a = hansen(line, mass, [0, 6])
    assert a[3] == pytest.approx(100 / 32**2 + 25 / 32**2)
    assert a[0] == pytest.approx(25 / 62**2)  # its own centre left out
    probability, dominant = huff(line, mass)
    assert probability[3] == pytest.approx([0.8, 0.2])
    assert dominant.tolist() == [0, 0, 0, 0, 0, 1, 1]
    # Reilly: S6 (mass 25) dominates where 100 / c0^2 < 25 / c6^2, i.e. c0 > 2 c6: settlements 5 and 6 (52 > 2 x 12).
    assert reilly(line, mass).tolist() == [0, 0, 0, 0, 0, 1, 1]
    assert breaking_point(60.0, 100.0, 25.0) == pytest.approx(40.0)  # 60 / (1 + sqrt(25/100))


def test_costs_equal_networkx_on_a_random_network():
    rng = np.random.default_rng(9)
    xy = rng.uniform(0, 20_000, size=(120, 2))
    pairs = sorted(
        {
            tuple(sorted((int(a), int(b))))
            for t in Delaunay(xy).simplices
            for a, b in ((t[0], t[1]), (t[1], t[2]), (t[0], t[2]))
        }
    )
    speeds = rng.choice([30.0, 50.0, 80.0], size=len(pairs))
    graph = build_graph([xy[list(p)] for p in pairs], cost_per_metre=minutes_per_metre(speeds))
    settlements = xy[rng.choice(len(xy), 15, replace=False)] + 40.0  # 40 m off the vertices
    costs, snap = cost_matrix(graph, settlements, [0, 4, 9], minutes_per_metre(5.0), chunk=2)

    g = nx.Graph()
    for u, v, c in zip(graph.edge_u, graph.edge_v, graph.edge_cost):
        if not g.has_edge(u, v) or g[u][v]["weight"] > c:
            g.add_edge(int(u), int(v), weight=float(c))
    walk = minutes_per_metre(5.0)
    for i, (edge, t, gap) in enumerate(zip(snap.edge, snap.t, snap.connector)):  # each settlement on its road
        u, v, c = int(graph.edge_u[edge]), int(graph.edge_v[edge]), float(graph.edge_cost[edge])
        g.add_edge(("s", i), u, weight=gap * walk + t * c)
        g.add_edge(("s", i), v, weight=gap * walk + (1 - t) * c)
    for column, centre in enumerate([0, 4, 9]):
        reference = nx.single_source_dijkstra_path_length(g, ("s", centre), weight="weight")
        for i in range(15):
            expected = 0.0 if i == centre else reference[("s", i)]
            assert costs[i, column] == pytest.approx(expected, abs=1e-6), (i, centre)


def test_huff_and_reilly_on_three_centres_by_hand():
    # One settlement 10, 20 and 40 minutes from centres of mass 100, 400 and 1600; a second one 5, 50, 50 minutes.
    costs = np.array([[10.0, 20.0, 40.0], [5.0, 50.0, 50.0]])
    mass = [100.0, 400.0, 1600.0]
    probability, dominant = huff(costs, mass)
    # Attraction M / c^2: 1, 1, 1 -> one third each (ties: the first, most central centre dominates).
    np.testing.assert_allclose(probability[0], [1 / 3, 1 / 3, 1 / 3])
    # 4, 0.16, 0.64 -> 4 / 4.8, 0.16 / 4.8, 0.64 / 4.8.
    np.testing.assert_allclose(probability[1], np.array([4.0, 0.16, 0.64]) / 4.8)
    assert dominant.tolist() == [0, 0]
    assert reilly(costs, mass).tolist() == [0, 0]
    assert reilly(costs, [100.0, 401.0, 1600.0]).tolist() == [1, 0]  # a little more mass tips the balance
    # Reilly's breaking point between the first two (20 km apart): 20 / (1 + sqrt(400 / 100)) from the first.
    assert breaking_point(20.0, 100.0, 400.0) == pytest.approx(20.0 / 3.0)
