"""Scenario networks and costs (core/sdf/scenario.py): the shortcut through attachment vertices equals a direct
computation on the scenario network, and both equal networkx on a small region."""

import networkx as nx
import numpy as np
import pytest

from habitat_planning_plugin.core.sdf.accessibility import minutes_per_metre
from habitat_planning_plugin.core.sdf.scenario import (
    _unchanged_centres,
    join_ends,
    network_costs,
    scenario_costs,
    scenario_direct_costs,
    scenario_networks,
)

OFF_ROAD = float(minutes_per_metre(5.0))


def grid_lines(size=12, spacing=1000.0):
    """Horizontal and vertical roads of a size x size grid, one line per block edge."""
    lines = []
    for i in range(size):
        for j in range(size - 1):
            lines.append(np.array([[j * spacing, i * spacing], [(j + 1) * spacing, i * spacing]]))
            lines.append(np.array([[i * spacing, j * spacing], [i * spacing, (j + 1) * spacing]]))
    return lines


def region(seed=4):
    rng = np.random.default_rng(seed)
    lines = grid_lines()
    speeds = rng.choice([20.0, 40.0, 60.0], len(lines))
    xy = rng.uniform(0, 11_000, (120, 2))
    xy[0] = (14_500, 14_500)  # far from every road: unconnected until a new road comes
    return lines, speeds, xy


NEW_ROADS = [
    np.array([[30.0, 20.0], [5_000, 5_500], [11_000, 11_000]]),  # a diagonal shortcut, ends near vertices
    np.array([[3_000.0, 7_000], [4_000, 7_000]]),  # an upgrade: the same two vertices as a baseline road
    np.array([[11_000.0, 11_000], [14_000, 14_000]]),  # a road to the remote settlement, one loose end
]
NEW_SPEEDS = [80.0, 100.0, 60.0]


def test_join_ends_moves_near_ends_and_reports_loose_ones():
    lines, loose = join_ends([np.array([[30.0, 20], [500, 500], [2_400, 2_000]])], [[0.0, 0], [2_000, 2_000]], 100)
    assert lines[0][0].tolist() == [0.0, 0.0] and lines[0][-1].tolist() == [2_400.0, 2_000.0]
    assert loose == [0]


def test_scenario_costs_equal_a_direct_computation():
    lines, speeds, xy = region()
    networks = scenario_networks(
        lines, minutes_per_metre(speeds), NEW_ROADS, minutes_per_metre(NEW_SPEEDS), xy, max_off_road=2_000
    )
    assert networks.replaced == 1 and not networks.slower and networks.loose_ends == [2]
    assert not networks.base.connected[0] and networks.scenario.connected[0]
    assert 0 < len(networks.attachments) < 10
    base_centres = np.arange(1, 30)
    scenario_centres = np.r_[np.arange(1, 30), [0, 40]]  # the remote settlement and one more become centres
    at_attachments = np.full((len(base_centres), len(networks.attachments)), np.inf)
    base = network_costs(
        networks.base, xy, base_centres, OFF_ROAD, vertices=networks.attachments, vertex_costs=at_attachments
    )
    assert np.array_equal(base, network_costs(networks.base, xy, base_centres, OFF_ROAD))
    direct = scenario_direct_costs(networks, xy, scenario_centres, OFF_ROAD)
    finite = np.isfinite(direct)
    kept = _unchanged_centres(networks, at_attachments)
    assert kept.any() and not kept.all()  # some centres gain nothing from the new roads, others do
    for fast in (
        scenario_costs(networks, xy, base, base_centres, scenario_centres, OFF_ROAD, at_attachments),
        scenario_costs(networks, xy, base, base_centres, scenario_centres, OFF_ROAD, method="attachments"),
    ):
        assert np.array_equal(np.isinf(fast), np.isinf(direct))
        assert fast[finite] == pytest.approx(direct[finite], rel=1e-9, abs=1e-9)
    # A kept centre's costs are its baseline costs wherever the settlement keeps its baseline road.
    column = np.flatnonzero(kept)[0]
    same = (networks.old_edge >= 0) & ~networks.changed()
    assert direct[same, column] == pytest.approx(base[same, column])
    assert (direct[finite] <= np.pad(base, ((0, 0), (0, 2)), constant_values=np.inf)[finite] + 1e-9).all()
    assert (fast < np.pad(base, ((0, 0), (0, 2)), constant_values=np.inf) - 1).any()  # the roads do save time


def test_a_slower_upgrade_is_computed_directly():
    lines, speeds, xy = region(7)
    networks = scenario_networks(
        lines, minutes_per_metre(speeds), [lines[5].copy()], minutes_per_metre([5.0]), xy, max_off_road=2_000
    )
    assert networks.slower and networks.replaced == 1
    centres = np.arange(10)
    base = network_costs(networks.base, xy, centres, OFF_ROAD)
    fast = scenario_costs(networks, xy, base, centres, centres, OFF_ROAD)
    direct = scenario_direct_costs(networks, xy, centres, OFF_ROAD)
    assert np.array_equal(fast, direct)


def test_scenario_costs_against_networkx():
    # Settlements exactly on vertices (no connector, no position along an edge): costs are vertex-to-vertex
    # shortest paths of the scenario's roads, which networkx computes on its own graph of the same lines.
    lines = grid_lines(5)
    speeds = np.full(len(lines), 30.0)
    new = [np.array([[0.0, 0], [4_000, 4_000]])]
    xy = np.array([[0.0, 0], [4_000, 4_000], [1_000, 3_000], [3_000, 0], [2_000, 2_000]])
    networks = scenario_networks(lines, minutes_per_metre(speeds), new, minutes_per_metre([60.0]), xy, 100)
    base = network_costs(networks.base, xy, [0, 1], OFF_ROAD)
    fast = scenario_costs(networks, xy, base, [0, 1], [0, 1], OFF_ROAD)
    graph = nx.Graph()
    for line, speed in zip(lines + new, list(speeds) + [60.0]):
        a, b = tuple(line[0]), tuple(line[-1])
        minutes = np.hypot(*(line[-1] - line[0])) * 60 / (speed * 1000)
        if not graph.has_edge(a, b) or graph[a][b]["w"] > minutes:
            graph.add_edge(a, b, w=minutes)
    for column, centre in enumerate([0, 1]):
        lengths = nx.single_source_dijkstra_path_length(graph, tuple(xy[centre]), weight="w")
        for row, point in enumerate(xy):
            assert fast[row, column] == pytest.approx(lengths[tuple(point)])
    # The diagonal at 60 km/h: 5,657 m in 5.66 min, against 8 km of grid at 30 km/h, 16 min.
    assert fast[1, 0] == pytest.approx(np.hypot(4_000, 4_000) * 60 / 60_000)
    assert base[1, 0] == pytest.approx(16.0)


@pytest.mark.parametrize("seed", range(6))
def test_every_way_equals_a_direct_computation_on_random_projects(seed):
    """Random new roads between random vertices, random upgrades: the baseline-kept columns, the attachment
    searches and a direct search agree."""
    lines, speeds, xy = region(seed)
    rng = np.random.default_rng(100 + seed)
    vertices = np.unique(np.concatenate(lines), axis=0)
    new = [vertices[rng.choice(len(vertices), 2, replace=False)] for _ in range(3)]
    new += [lines[i].copy() for i in rng.choice(len(lines), 3, replace=False)]  # upgrades
    new_speeds = rng.choice([70.0, 90.0, 110.0], len(new))
    networks = scenario_networks(
        lines, minutes_per_metre(speeds), new, minutes_per_metre(new_speeds), xy, max_off_road=1_500
    )
    centres = np.sort(rng.choice(len(xy), 12, replace=False))
    at_attachments = np.full((len(centres), len(networks.attachments)), np.inf)
    base = network_costs(
        networks.base, xy, centres, OFF_ROAD, vertices=networks.attachments, vertex_costs=at_attachments
    )
    direct = scenario_direct_costs(networks, xy, centres, OFF_ROAD)
    for way in (
        scenario_costs(networks, xy, base, centres, centres, OFF_ROAD, at_attachments),
        scenario_costs(networks, xy, base, centres, centres, OFF_ROAD, method="attachments"),
    ):
        assert np.array_equal(np.isinf(way), np.isinf(direct))
        finite = np.isfinite(direct)
        assert way[finite] == pytest.approx(direct[finite], rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_provider_minutes_from_the_baseline_equal_a_search(seed):
    """The nearest provider of each function: from the baseline's minutes and the attachment vertices where the
    providers did not change, searched where they did (a new hospital) — equal to searching every function."""
    from habitat_planning_plugin.core.network import Snap
    from habitat_planning_plugin.core.sdf.gaps import nearest_providers
    from habitat_planning_plugin.core.sdf.scenario import attachment_reach, old_road_snap, scenario_provider_minutes

    lines, speeds, xy = region(seed)
    rng = np.random.default_rng(200 + seed)
    vertices = np.unique(np.concatenate(lines), axis=0)
    new = [vertices[rng.choice(len(vertices), 2, replace=False)] for _ in range(2)] + [lines[7].copy()]
    networks = scenario_networks(
        lines, minutes_per_metre(speeds), new, minutes_per_metre([90.0, 70.0, 100.0]), xy, max_off_road=1_500
    )
    presence = (rng.uniform(size=(len(xy), 4)) < [0.5, 0.2, 0.05, 0.02]).astype(int)
    presence[~networks.base.connected] = 0
    scenario_presence = presence.copy()
    scenario_presence[rng.integers(len(xy)), 3] = 1  # a new facility of the rarest function
    scenario_presence[~networks.scenario.connected] = 0
    base, _ = nearest_providers(networks.base.graph, networks.base.snap, OFF_ROAD, presence)
    base[~networks.base.connected] = np.inf
    scenario, old = networks.scenario.snap, old_road_snap(networks)
    both = Snap(*(np.concatenate([getattr(scenario, k), getattr(old, k)]) for k in ("edge", "t", "connector")))
    twice, _ = nearest_providers(networks.scenario.graph, both, OFF_ROAD, np.vstack([scenario_presence] * 2))
    searched = np.minimum(twice[: len(xy)], twice[len(xy) :])
    searched[~networks.scenario.connected] = np.inf
    searched[scenario_presence > 0] = 0.0
    for reach in (None, attachment_reach(networks, OFF_ROAD)):
        way = scenario_provider_minutes(networks, base, presence, scenario_presence, OFF_ROAD, reach)
        assert np.array_equal(np.isinf(way), np.isinf(searched))
        finite = np.isfinite(searched)
        assert way[finite] == pytest.approx(searched[finite], rel=1e-9, abs=1e-9)
