"""Siting of new public space (core): coverage checked with networkx, choices with brute force over all subsets,
the result with public_space_access run on the existing spaces plus the chosen sites."""

import itertools
import math

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import Delaunay
from shapely.geometry import LineString, box

from habitat_planning_plugin.core.public_space.access import public_space_access
from habitat_planning_plugin.core.public_space.siting import (
    GREEDY,
    MILP,
    candidate_coverage,
    choose_sites,
)
from habitat_planning_plugin.core.text import HabitatError

SPACING = 100.0
SIDE = 6  # a 6 x 6 lattice of vertices
WALK = 350.0  # not a multiple of the spacing: no vertex exactly at the limit


def lattice():
    ticks = [i * SPACING for i in range(SIDE)]
    lines = [LineString([(x, y) for x in ticks]) for y in ticks] + [LineString([(x, y) for y in ticks]) for x in ticks]
    vertices = np.array([(x, y) for x in ticks for y in ticks])
    return lines, vertices


def lattice_graph():
    graph = nx.Graph()
    for i in range(SIDE):
        for j in range(SIDE):
            if i + 1 < SIDE:
                graph.add_edge((i * SPACING, j * SPACING), ((i + 1) * SPACING, j * SPACING), weight=SPACING)
            if j + 1 < SIDE:
                graph.add_edge((i * SPACING, j * SPACING), (i * SPACING, (j + 1) * SPACING), weight=SPACING)
    return graph


def around(x, y, half=2.0):
    return box(x - half, y - half, x + half, y + half)


# Eight candidate sites, each a small square around a lattice vertex (entry tolerance 0: entered there only).
CANDIDATE_VERTICES = [(500, 500), (500, 0), (300, 300), (100, 400), (400, 100), (200, 500), (500, 300), (300, 0)]
EXISTING = [(0, 0)]


@pytest.fixture(scope="module")
def small_case():
    lines, vertices = lattice()
    rng = np.random.default_rng(3)
    weights = np.c_[rng.integers(1, 20, len(vertices)), rng.integers(0, 6, len(vertices))].astype(float)
    candidates = [around(x, y) for x, y in CANDIDATE_VERTICES]
    coverage = candidate_coverage(
        [np.asarray(line.coords) for line in lines],
        [around(x, y) for x, y in EXISTING],
        candidates,
        vertices,
        weights,
        max_distance=WALK,
        entry_tolerance=0.0,
    )
    return vertices, weights, coverage


def by_networkx(vertices):
    """Served today, and whom each candidate would newly serve: networkx on the same lattice."""
    graph = lattice_graph()
    today = nx.multi_source_dijkstra_path_length(graph, [tuple(map(float, v)) for v in EXISTING], cutoff=WALK)
    served = np.array([tuple(v) in today for v in vertices])
    sets = []
    for x, y in CANDIDATE_VERTICES:
        reach = nx.single_source_dijkstra_path_length(graph, (float(x), float(y)), cutoff=WALK)
        sets.append({i for i, v in enumerate(vertices) if tuple(v) in reach and not served[i]})
    return served, sets


def brute_force(sets, weight, k=None, costs=None, budget=None):
    best = 0.0
    for size in range(0, len(sets) + 1):
        if k is not None and size > k:
            break
        for subset in itertools.combinations(range(len(sets)), size):
            if budget is not None and sum(costs[j] for j in subset) > budget + 1e-9:
                continue
            points = set().union(*(sets[j] for j in subset)) if subset else set()
            best = max(best, float(sum(weight[i] for i in points)))
    return best


def test_coverage_matches_networkx(small_case):
    vertices, weights, coverage = small_case
    served, sets = by_networkx(vertices)
    np.testing.assert_array_equal(coverage.served_before, served)
    for j, expected in enumerate(sets):
        assert set(coverage.points_of(j).tolist()) == expected, CANDIDATE_VERTICES[j]
    assert coverage.reachable.all()


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("group", [0, 1])
def test_choices_against_brute_force(small_case, k, group):
    vertices, weights, coverage = small_case
    _, sets = by_networkx(vertices)
    optimum = brute_force(sets, weights[:, group], k)
    milp = choose_sites(coverage, k=k, group=group)
    greedy = choose_sites(coverage, k=k, group=group, use_milp=False)
    assert milp.milp_status == "optimal"
    assert milp.objective == pytest.approx(optimum)
    assert milp.milp_objective == pytest.approx(optimum)
    assert milp.gap_pct == pytest.approx(0.0, abs=1e-6)
    assert milp.objective >= greedy.objective - 1e-9  # never worse than greedy
    assert greedy.objective >= (1 - 1 / math.e) * optimum - 1e-9
    assert greedy.method == GREEDY and greedy.upper_bound >= optimum - 1e-9
    if k == 1:  # one site: greedy is exact
        assert greedy.objective == pytest.approx(optimum)
    for selection in (milp, greedy):
        assert len(selection.order) <= k
        # the gains recomputed from the networkx sets, site after site
        covered = set()
        for position, j in enumerate(selection.order):
            new = sets[j] - covered
            covered |= sets[j]
            assert selection.gains[position, group] == pytest.approx(sum(weights[i, group] for i in new))
            assert selection.gains[position, 0] == pytest.approx(sum(weights[i, 0] for i in new))
        curve = selection.served[:, group]
        assert np.all(np.diff(curve) >= -1e-9)  # the curve never falls
        assert curve[0] == pytest.approx(weights[coverage.served_before, group].sum())
        assert curve[-1] - curve[0] == pytest.approx(selection.objective)


def test_greedy_equals_optimum_when_sites_do_not_overlap():
    """Candidates far apart, so that their coverage sets are disjoint: greedy is optimal."""
    lines, vertices = lattice()
    weights = np.ones((len(vertices), 1))
    candidates = [around(0, 0), around(500, 500), around(0, 500)]
    coverage = candidate_coverage(
        [np.asarray(line.coords) for line in lines],
        [],
        candidates,
        vertices,
        weights,
        max_distance=150.0,
        entry_tolerance=0.0,
    )
    sets = [set(coverage.points_of(j).tolist()) for j in range(3)]
    assert not (sets[0] & sets[1]) and not (sets[0] & sets[2])
    for k in (1, 2, 3):
        greedy = choose_sites(coverage, k=k, use_milp=False)
        assert greedy.objective == pytest.approx(brute_force(sets, weights[:, 0], k))
    assert coverage.served_population[0] == 0.0


@pytest.mark.parametrize("budget", [10.0, 17.0, 25.0])
def test_budget_against_brute_force(small_case, budget):
    vertices, weights, coverage = small_case
    _, sets = by_networkx(vertices)
    costs = np.array([9.0, 4.0, 12.0, 5.0, 6.0, 3.0, 8.0, 7.0])
    optimum = brute_force(sets, weights[:, 0], costs=costs, budget=budget)
    milp = choose_sites(coverage, costs=costs, budget=budget)
    greedy = choose_sites(coverage, costs=costs, budget=budget, use_milp=False)
    assert milp.objective == pytest.approx(optimum)
    for selection in (milp, greedy):
        assert costs[selection.order].sum() <= budget + 1e-9
        assert selection.cost == pytest.approx(costs[selection.order].sum())
    assert greedy.objective >= (1 - 1 / math.e) / 2 * optimum - 1e-9
    assert greedy.upper_bound >= optimum - 1e-9
    # Both limits at once.
    both = choose_sites(coverage, k=1, costs=costs, budget=budget)
    assert both.objective == pytest.approx(brute_force(sets, weights[:, 0], 1, costs, budget))


def random_city(seed):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 1500, size=(160, 2)) + (500_000.0, 3_500_000.0)
    pairs = sorted(
        {
            tuple(sorted((int(a), int(b))))
            for t in Delaunay(xy).simplices
            for a, b in ((t[0], t[1]), (t[1], t[2]), (t[0], t[2]))
        }
    )
    lines = [xy[list(p)] for p in pairs if rng.uniform() < 0.75]
    points = rng.uniform(0, 1500, size=(900, 2)) + (500_000.0, 3_500_000.0)
    weights = np.c_[rng.gamma(2.0, 10.0, len(points)), rng.gamma(1.0, 3.0, len(points))]
    centres = rng.uniform(100, 1400, size=(14, 2)) + (500_000.0, 3_500_000.0)
    shapes = [box(x - 25, y - 20, x + 25, y + 20) for x, y in centres]
    return lines, points, weights, shapes[:3], shapes[3:]


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("with_extent", [False, True])
def test_share_after_equals_access_with_the_chosen_sites(seed, with_extent):
    """Building the chosen sites gives exactly the share public_space_access measures with them added (default
    entry tolerance: entrances along streets, mid-segment ones included)."""
    lines, points, weights, spaces, candidates = random_city(seed)
    extents = [box(500_200, 3_500_150, 501_300, 3_501_400)] if with_extent else None
    coverage = candidate_coverage(lines, spaces, candidates, points, weights, extents=extents)
    before = public_space_access(
        lines, spaces, points, weights, ["total", "group"], straight_line=False, extents=extents
    )
    np.testing.assert_array_equal(coverage.served_before, before.served)
    for k in (1, 3, 5):
        selection = choose_sites(coverage, k=k)
        chosen = [candidates[j] for j in selection.order]
        after = public_space_access(
            lines, spaces + chosen, points, weights, ["total", "group"], straight_line=False, extents=extents
        )
        assert selection.served[-1, 0] == pytest.approx(before.rows[0]["served"] + selection.gains[:, 0].sum())
        assert selection.served[-1, 0] == pytest.approx(after.rows[0]["served"], rel=1e-12)
        assert selection.served[-1, 1] == pytest.approx(after.rows[1]["served"], rel=1e-12)
        # each prefix too
        for n in range(1, len(chosen)):
            prefix = public_space_access(
                lines, spaces + chosen[:n], points, weights, ["total", "group"], straight_line=False, extents=extents
            )
            assert selection.served[n, 0] == pytest.approx(prefix.rows[0]["served"], rel=1e-12)


def test_milp_never_worse_and_bound_holds_on_a_larger_case():
    lines, points, weights, spaces, candidates = random_city(4)
    coverage = candidate_coverage(lines, spaces, candidates, points, weights, max_distance=300.0)
    sets = [set(coverage.points_of(j).tolist()) for j in range(coverage.n_candidates)]
    for k in (2, 4):
        optimum = brute_force(sets, weights[:, 0], k)
        milp = choose_sites(coverage, k=k)
        greedy = choose_sites(coverage, k=k, use_milp=False)
        assert milp.objective == pytest.approx(optimum)
        assert milp.objective >= greedy.objective - 1e-9
        assert greedy.upper_bound >= optimum - 1e-6
        assert milp.method in (GREEDY, MILP)


def test_milp_left_to_greedy_when_too_large(small_case):
    _, _, coverage = small_case
    selection = choose_sites(coverage, k=2, max_pairs=1)
    assert selection.milp_status == "too large" and selection.method == GREEDY and selection.pairs > 1


def test_stops_when_nobody_new_is_served(small_case):
    _, weights, coverage = small_case
    selection = choose_sites(coverage, k=8)
    assert selection.stopped_early
    assert len(selection.order) < 8
    assert selection.served[-1, 0] == pytest.approx(weights[:, 0].sum())  # everyone served: nothing left to win


def test_min_area_and_unreachable_candidates():
    lines, vertices = lattice()
    weights = np.ones((len(vertices), 1))
    far = box(5000, 5000, 5100, 5100)
    coverage = candidate_coverage(
        [np.asarray(line.coords) for line in lines],
        [],
        [around(0, 0), far, around(500, 500, 0.5)],
        vertices,
        weights,
        entry_tolerance=10.0,
        min_area=10.0,
    )
    assert coverage.reachable.tolist() == [True, False, False]
    assert coverage.too_small.tolist() == [False, False, True]
    assert coverage.usable.tolist() == [True, False, False]
    assert choose_sites(coverage, k=3).order == [0]


def test_bad_input():
    lines, vertices = lattice()
    coords = [np.asarray(line.coords) for line in lines]
    weights = np.ones((len(vertices), 1))
    with pytest.raises(HabitatError, match="no candidate sites"):
        candidate_coverage(coords, [], [], vertices, weights)
    with pytest.raises(HabitatError, match="No candidate site can be reached"):
        candidate_coverage(coords, [], [box(5000, 5000, 5100, 5100)], vertices, weights)
    with pytest.raises(HabitatError, match="smaller than the minimum size"):
        candidate_coverage(coords, [], [around(0, 0)], vertices, weights, min_area=1000.0)
    with pytest.raises(HabitatError, match="holds no people"):
        candidate_coverage(coords, [], [around(0, 0)], vertices, np.zeros((len(vertices), 1)))
    coverage = candidate_coverage(coords, [], [around(0, 0)], vertices, weights)
    with pytest.raises(HabitatError, match="number of new public spaces"):
        choose_sites(coverage)
    with pytest.raises(HabitatError, match="cost of every candidate"):
        choose_sites(coverage, budget=5.0)
