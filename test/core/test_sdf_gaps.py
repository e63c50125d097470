"""SDF function gaps: expected functions and lacking ones by hand, travel time to the nearest provider by hand on a
line, against cost_matrix on a random network and against networkx with every road split at the settlements."""

import math

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import Delaunay

from habitat_planning_plugin.core.network import build_graph, snap_to_edges
from habitat_planning_plugin.core.sdf.accessibility import cost_matrix, minutes_per_metre
from habitat_planning_plugin.core.sdf.gaps import (
    expected_functions,
    lacking,
    nearest_providers,
    parse_expected,
    provider_minutes,
)
from habitat_planning_plugin.core.text import HabitatError

FUNCTIONS = ["school", "clinic", "market", "bank"]
# Six settlements by four functions; levels 1 (S0), 2 (S1, S2), 3 (S3, S4, S5).
PRESENCE = np.array(
    [
        [1, 1, 1, 1],
        [1, 1, 0, 1],
        [1, 0, 1, 0],
        [1, 0, 1, 0],
        [1, 1, 0, 0],
        [0, 0, 1, 0],
    ]
)
LEVELS = [1, 2, 2, 3, 3, 3]


def test_expected_functions_by_hand():
    # Share 0.5. Level 3: school 2/3, clinic 1/3, market 2/3, bank 0 -> school, market. Level 2: school 2/2, the
    # others 1/2 each -> all four. Level 1 (S0 alone): all four.
    expected = expected_functions(PRESENCE, LEVELS, FUNCTIONS)
    assert expected == {1: FUNCTIONS, 2: FUNCTIONS, 3: ["school", "market"]}
    assert lacking(PRESENCE, LEVELS, expected, FUNCTIONS) == [
        [],
        ["market"],
        ["clinic", "bank"],
        [],
        ["market"],
        ["school"],
    ]


def test_what_a_village_offers_a_town_offers_too():
    # Share 0.6: level 2 has only school itself (clinic, market, bank 1/2 each), but market comes up from level 3
    # (2/3); level 1 has all four of its own.
    expected = expected_functions(PRESENCE, LEVELS, FUNCTIONS, share=0.6)
    assert expected == {1: FUNCTIONS, 2: ["school", "market"], 3: ["school", "market"]}
    assert lacking(PRESENCE, LEVELS, expected, FUNCTIONS) == [[], ["market"], [], [], ["market"], ["school"]]
    # Share 1: level 3 has no function in all three settlements; level 2 has school in both.
    assert expected_functions(PRESENCE, LEVELS, FUNCTIONS, share=1.0) == {1: FUNCTIONS, 2: ["school"], 3: []}


def test_settlements_without_a_level_are_expected_nothing():
    levels = [1, 2, 2, 3, 3, 0]  # S5 has no level: it neither counts for level 3 nor lacks anything
    # Level 3 is now S3 and S4: school 2/2, clinic 1/2, market 1/2 -> school, clinic, market.
    expected = expected_functions(PRESENCE, levels, FUNCTIONS)
    assert expected == {1: FUNCTIONS, 2: FUNCTIONS, 3: ["school", "clinic", "market"]}
    assert lacking(PRESENCE, levels, expected, FUNCTIONS)[5] == []
    with pytest.raises(HabitatError, match="share"):
        expected_functions(PRESENCE, LEVELS, FUNCTIONS, share=0.0)


def test_parse_expected_table():
    # Flat, as a Processing matrix gives it; names matched ignoring case; what level 3 expects level 2 and 1 do too.
    table = parse_expected(["3", "school", "1", "Bank; clinic"], FUNCTIONS, [1, 2, 3])
    assert table == {1: ["school", "clinic", "bank"], 2: ["school"], 3: ["school"]}
    # Pairs, a Chinese semicolon, a level given twice, a level of the data not in the table (2: what 3 expects).
    pairs = [(3.0, "market；school"), ("3", "market"), (1, "")]
    assert parse_expected(pairs, FUNCTIONS, [1, 2, 3]) == {
        1: ["school", "market"],
        2: ["school", "market"],
        3: ["school", "market"],
    }
    assert lacking(PRESENCE, LEVELS, table, FUNCTIONS) == [[], [], [], [], [], ["school"]]
    assert parse_expected([], FUNCTIONS, [1, 2]) == {1: [], 2: []}


@pytest.mark.parametrize(
    "rows, message",
    [
        (["2", "school; spaceport"], '"spaceport".*school, clinic, market, bank'),
        (["4", "school"], "level 4.*1, 2, 3"),
        (["central", "school"], '"central"'),
        (["1.5", "school"], '"1.5"'),
        (["1", "school", "2"], "a level and its functions"),
    ],
)
def test_parse_expected_names_the_problem(rows, message):
    with pytest.raises(HabitatError, match=message):
        parse_expected(rows, FUNCTIONS, [1, 2, 3])


def test_levels_unknown_before_the_run_are_not_checked():
    assert parse_expected(["7", "bank"], FUNCTIONS, None) == {7: ["bank"]}


# One road at 60 km/h (1 minute per km) from x = 0 to 10 km (edge 0) and on to 30 km (edge 1); settlements 100 m
# off it (1 minute at 6 km/h), D 200 m (2 minutes): A at 2 km and B at 8 km on edge 0, C at 15 km and D at 28 km on
# edge 1. Functions: school at A and D, clinic at C, market nowhere, bank at B.
LINE = [np.array([(0.0, 0.0), (10_000.0, 0.0), (30_000.0, 0.0)])]
LINE_XY = np.array([(2_000.0, 100.0), (8_000.0, 100.0), (15_000.0, 100.0), (28_000.0, 200.0)])
LINE_PRESENCE = np.array([[1, 0, 0, 0], [0, 0, 0, 1], [0, 1, 0, 0], [1, 0, 0, 0]])


def test_travel_time_to_the_nearest_provider_by_hand():
    graph = build_graph(LINE, cost_per_metre=minutes_per_metre([60.0]))
    snap = snap_to_edges(graph, LINE_XY)
    assert snap.edge[0] == snap.edge[1] != snap.edge[2] == snap.edge[3]
    minutes, provider = nearest_providers(graph, snap, minutes_per_metre(6.0), LINE_PRESENCE)
    # school: B to A along their road 1 + 6 + 1 = 8 (not through the vertex at 0 km: 1 + 8 + 2 + 1 = 12);
    # C to A 1 + 5 + 8 + 1 = 15, to D along their road 1 + 13 + 2 = 16: A.
    # clinic: A 1 + 8 + 5 + 1 = 15, B 1 + 2 + 5 + 1 = 9, D along the road 2 + 13 + 1 = 16.
    # bank: A along the road 1 + 6 + 1 = 8, C 1 + 5 + 2 + 1 = 9, D 2 + 18 + 2 + 1 = 23.
    expected = [
        [0.0, 15.0, math.inf, 8.0],
        [8.0, 9.0, math.inf, 0.0],
        [15.0, 0.0, math.inf, 9.0],
        [0.0, 16.0, math.inf, 23.0],
    ]
    np.testing.assert_allclose(minutes, expected, atol=1e-6)
    assert provider.tolist() == [[0, 2, -1, 1], [0, 2, -1, 1], [0, 2, -1, 1], [3, 2, -1, 1]]
    np.testing.assert_array_equal(provider_minutes(graph, snap, minutes_per_metre(6.0), LINE_PRESENCE), minutes)


def random_network(seed, vertices, settlements):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 20_000, size=(vertices, 2))
    pairs = sorted(
        {
            tuple(sorted((int(a), int(b))))
            for t in Delaunay(xy).simplices
            for a, b in ((t[0], t[1]), (t[1], t[2]), (t[0], t[2]))
        }
    )
    speeds = rng.choice([30.0, 50.0, 80.0], size=len(pairs))
    graph = build_graph([xy[list(p)] for p in pairs], cost_per_metre=minutes_per_metre(speeds))
    places = rng.uniform(0, 20_000, size=(settlements, 2))
    presence = rng.uniform(size=(settlements, 5)) < [0.02, 0.1, 0.3, 0.6, 0.0]
    presence[0, 0] = True  # at least one provider of the first function
    return graph, places, presence


def test_equals_cost_matrix_min_over_providers():
    graph, places, presence = random_network(3, 150, 200)
    walk = minutes_per_metre(5.0)
    snap = snap_to_edges(graph, places)
    assert np.bincount(snap.edge).max() >= 3  # settlements share roads: the direct way along them counts
    minutes, provider = nearest_providers(graph, snap, walk, presence)
    for j in range(presence.shape[1]):
        rows = np.flatnonzero(presence[:, j])
        if len(rows) == 0:
            assert np.isinf(minutes[:, j]).all() and (provider[:, j] == -1).all()
            continue
        costs, _ = cost_matrix(graph, places, rows, walk)
        np.testing.assert_allclose(minutes[:, j], costs.min(axis=1), atol=1e-6)
        # The provider named is one of the nearest.
        chosen = costs[np.arange(len(places)), np.searchsorted(rows, provider[:, j])]
        np.testing.assert_allclose(chosen, costs.min(axis=1), atol=1e-6)


def test_equals_networkx_with_roads_split_at_the_settlements():
    graph, places, presence = random_network(11, 25, 40)
    walk = minutes_per_metre(5.0)
    snap = snap_to_edges(graph, places)
    minutes = provider_minutes(graph, snap, walk, presence)

    # Every road split where settlements join it; each settlement joined to its point by its off-road walk.
    g = nx.Graph()
    on_edge = {}
    for i, edge in enumerate(snap.edge):
        on_edge.setdefault(int(edge), []).append(i)
    for edge, (u, v, c) in enumerate(zip(graph.edge_u, graph.edge_v, graph.edge_cost)):
        stops = sorted(on_edge.get(edge, []), key=lambda i: snap.t[i])
        chain = [(int(u), 0.0)] + [(("p", i), float(snap.t[i])) for i in stops] + [(int(v), 1.0)]
        for (a, ta), (b, tb) in zip(chain, chain[1:]):
            weight = (tb - ta) * float(c)
            if not g.has_edge(a, b) or g[a][b]["weight"] > weight:
                g.add_edge(a, b, weight=weight)
    for i, gap in enumerate(snap.connector):
        g.add_edge(("s", i), ("p", i), weight=float(gap) * walk)
    for j in range(presence.shape[1]):
        sources = {("s", int(i)) for i in np.flatnonzero(presence[:, j])}
        reference = nx.multi_source_dijkstra_path_length(g, sources, weight="weight") if sources else {}
        for i in range(len(places)):
            assert minutes[i, j] == pytest.approx(reference.get(("s", i), math.inf), abs=1e-6), (i, j)


def test_unreachable_providers_give_inf():
    # Two separate roads: the settlement on the second one reaches no school on the first.
    roads = [np.array([(0.0, 0.0), (10_000.0, 0.0)]), np.array([(0.0, 50_000.0), (10_000.0, 50_000.0)])]
    graph = build_graph(roads, cost_per_metre=minutes_per_metre([60.0, 60.0]))
    snap = snap_to_edges(graph, [(1_000.0, 100.0), (9_000.0, 100.0), (5_000.0, 50_100.0)])
    minutes, provider = nearest_providers(graph, snap, minutes_per_metre(6.0), [[1], [0], [0]])
    assert minutes[:, 0].tolist()[:2] == pytest.approx([0.0, 10.0])  # 1 + 8 + 1
    assert math.isinf(minutes[2, 0]) and provider[:, 0].tolist() == [0, 0, -1]
