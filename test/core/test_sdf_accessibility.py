"""SDF accessibility by hand on a straight road, and travel costs against networkx on a random network."""

import math

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import Delaunay

from habitat_planning_plugin.core.network import build_graph
from habitat_planning_plugin.core.sdf.accessibility import (
    DEFAULT_EXP_BETA,
    accessibility_index,
    beta_sensitivity,
    breaking_point,
    cost_matrix,
    hansen,
    huff,
    minutes_per_metre,
    nearest_by_level,
    reilly,
)
from habitat_planning_plugin.core.text import HabitatError

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
    a = hansen(line, mass, [0, 6], beta=2.0, decay="power")  # the gravity form, a centre's own mass left out
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


# Three settlements, two centres (settlements 0 and 2, masses 100 and 50); minutes to each centre.
COSTS = np.array([[0.0, 30.0], [10.0, 20.0], [30.0, 0.0]])
MASS = [100.0, 50.0]


def test_default_beta_halves_at_30_minutes():
    assert DEFAULT_EXP_BETA == pytest.approx(math.log(2) / 30) and round(DEFAULT_EXP_BETA, 4) == 0.0231
    assert math.exp(-DEFAULT_EXP_BETA * 30) == pytest.approx(0.5)


def test_hansen_exponential_by_hand():
    # f(c) = exp(-c ln2 / 30) = 2^(-c/30): f(0) = 1, f(10) = 2^(-1/3) = 0.7937005, f(20) = 2^(-2/3) = 0.6299605,
    # f(30) = 0.5.
    # Own mass left out: A0 = 50 x 0.5 = 25; A1 = 100 x 0.7937005 + 50 x 0.6299605 = 110.8680788; A2 = 100 x 0.5.
    np.testing.assert_allclose(hansen(COSTS, MASS, [0, 2]), [25.0, 110.8680788, 50.0], rtol=1e-8)
    # Own mass counted at f(0) = 1: A0 = 100 + 25 = 125, A2 = 50 + 50 = 100; A1 unchanged (not a centre).
    np.testing.assert_allclose(hansen(COSTS, MASS, [0, 2], include_own=True), [125.0, 110.8680788, 100.0], rtol=1e-8)
    # gamma = 2: masses 10000 and 2500: A1 = 10000 x 0.79370053 + 2500 x 0.62996052 = 7937.0053 + 1574.9013 = 9511.9066.
    assert hansen(COSTS, MASS, [0, 2], gamma=2.0)[1] == pytest.approx(9511.9066, rel=1e-8)


def test_hansen_power_by_hand():
    # f(c) = max(c, 1)^-2: f(10) = 0.01, f(20) = 0.0025, f(30) = 1/900, f(0) = 1 (the 1-minute floor).
    # Own left out: A0 = 50 / 900 = 0.0555556; A1 = 100 x 0.01 + 50 x 0.0025 = 1.125; A2 = 100 / 900 = 0.1111111.
    power = hansen(COSTS, MASS, [0, 2], beta=2.0, decay="power")
    np.testing.assert_allclose(power, [50 / 900, 1.125, 100 / 900])
    # Own counted at the floor: A0 = 100 x 1 + 50 / 900 = 100.0555556; A2 = 50 x 1 + 100 / 900 = 50.1111111.
    own = hansen(COSTS, MASS, [0, 2], beta=2.0, decay="power", include_own=True)
    np.testing.assert_allclose(own, [100 + 50 / 900, 1.125, 50 + 100 / 900])
    # A 2-minute floor: own terms 100 / 4 = 25 and 50 / 4 = 12.5; A1 unchanged (10 and 20 minutes above the floor).
    floor = hansen(COSTS, MASS, [0, 2], beta=2.0, decay="power", floor=2.0, include_own=True)
    np.testing.assert_allclose(floor, [25 + 50 / 900, 1.125, 12.5 + 100 / 900])


def test_hansen_unreachable_centres_add_nothing_but_own_mass_counts():
    costs = np.array([[0.0, np.inf], [np.inf, np.inf], [np.inf, 0.0]])
    np.testing.assert_allclose(hansen(costs, MASS, [0, 2]), [0.0, 0.0, 0.0])
    np.testing.assert_allclose(hansen(costs, MASS, [0, 2], include_own=True), [100.0, 0.0, 50.0])
    with pytest.raises(HabitatError, match="linear"):
        hansen(costs, MASS, [0, 2], decay="linear")


def test_accessibility_index_on_a_log_scale_by_hand():
    # ln 1 = 0, ln 10, ln 100 = 2 ln 10: (ln A - 0) / (2 ln 10) x 100 = 0, 50, 100; A = 0 -> 0; NaN stays NaN.
    index = accessibility_index([1.0, 10.0, 100.0, 0.0, np.nan])
    np.testing.assert_allclose(index[:4], [0.0, 50.0, 100.0, 0.0])
    assert np.isnan(index[4])
    # 2, 4, 8: ln 2 .. ln 8 = 3 ln 2 -> (ln 4 - ln 2) / (ln 8 - ln 2) = 1/2.
    np.testing.assert_allclose(accessibility_index([2.0, 4.0, 8.0]), [0.0, 50.0, 100.0])
    np.testing.assert_allclose(accessibility_index([5.0, 5.0, 0.0]), [100.0, 100.0, 0.0])  # constant positive


def brute_ranks(values):
    """Rank 1 = highest; ties share the better rank: 1 + the number of strictly higher values."""
    return np.array([1 + sum(1 for w in values if w > v) for v in values])


def test_beta_sensitivity_equals_scipy_spearman_and_brute_force_ranks():
    from scipy.stats import spearmanr

    rng = np.random.default_rng(15)
    costs = rng.uniform(5.0, 120.0, size=(40, 5))
    costs[[3, 7, 11], :] = np.inf  # three settlements reach no centre: Hansen 0, a three-way tie
    rows = [0, 1, 2, 4, 8]
    costs[rows, np.arange(5)] = 0.0
    mass = rng.uniform(10.0, 500.0, size=5)
    betas = [DEFAULT_EXP_BETA, DEFAULT_EXP_BETA * 0.5, DEFAULT_EXP_BETA * 2.0]
    result = beta_sensitivity(costs, mass, rows, betas, "exponential", True)
    base = hansen(costs, mass, rows, beta=betas[0], include_own=True)
    assert [r[0] for r in result] == pytest.approx(betas)
    assert result[0][1:] == (pytest.approx(1.0), 0.0, 0)
    for beta, rho, mean_change, largest in result[1:]:
        other = hansen(costs, mass, rows, beta=beta, include_own=True)
        assert rho == pytest.approx(spearmanr(base, other).correlation, abs=1e-12)
        moved = np.abs(brute_ranks(other) - brute_ranks(base))
        assert mean_change == pytest.approx(moved.mean()) and largest == moved.max()
    assert result[2][2] > 0  # doubling beta reorders some settlements
    power = beta_sensitivity(costs, mass, rows, [2.0, 1.0], "power", False)
    expected = spearmanr(
        hansen(costs, mass, rows, beta=2.0, decay="power"), hansen(costs, mass, rows, beta=1.0, decay="power")
    ).correlation
    assert power[1][1] == pytest.approx(expected, abs=1e-12)
