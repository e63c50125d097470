"""Scenario networks and costs (core/sdf/scenario.py): the shortcut through attachment vertices equals a direct
computation on the scenario network, and both equal networkx on a small region."""

import networkx as nx
import numpy as np
import pytest

from habitat_planning_plugin.core.sdf.accessibility import minutes_per_metre
from habitat_planning_plugin.core.sdf.scenario import (
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
    base = network_costs(networks.base, xy, base_centres, OFF_ROAD)
    fast = scenario_costs(networks, xy, base, base_centres, scenario_centres, OFF_ROAD)
    direct = scenario_direct_costs(networks, xy, scenario_centres, OFF_ROAD)
    assert np.array_equal(np.isinf(fast), np.isinf(direct))
    finite = np.isfinite(direct)
    assert fast[finite] == pytest.approx(direct[finite], rel=1e-9, abs=1e-9)
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
