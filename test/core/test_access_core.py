"""Walking access in the core: hand-computed grid, networkx and brute force as independent references."""

import math

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import Delaunay
from shapely.geometry import Polygon, box

from habitat_planning_plugin.core.network import build_graph, multi_source_distances, snap_to_edges
from habitat_planning_plugin.core.public_space.access import NETWORK, STRAIGHT_LINE, public_space_access
from habitat_planning_plugin.core.text import HabitatError


def grid_lines(n=6, step=100.0):
    """Streets on a 100 m lattice (0..500), each street one line through all its junctions."""
    ticks = [i * step for i in range(n)]
    horizontal = [np.array([(x, y) for x in ticks]) for y in ticks]
    vertical = [np.array([(x, y) for y in ticks]) for x in ticks]
    return horizontal + vertical


SQUARE = box(205, 205, 295, 295)  # one square inside the block 200..300 x 200..300
CORNER = math.hypot(5, 5)  # every block corner is 7.07 m from the square: the start cost there
# The streets around the block run 5 m from the square, so they are within the 25 m entry tolerance from
# 5 - sqrt(25² - 5²) m before the block corner: a walker coming along a street enters there, 25 m from the square.
REACH = math.sqrt(25**2 - 5**2)
STRETCH_ENDS = [
    (200, 205 - REACH),
    (205 - REACH, 200),
    (300, 205 - REACH),
    (295 + REACH, 200),
    (200, 295 + REACH),
    (205 - REACH, 300),
    (300, 295 + REACH),
    (295 + REACH, 300),
]


def by_hand(x, y):
    """Network distance of lattice vertex (x, y): the cheaper of a block corner (start cost 7.07 m) and the end of
    a stretch of street within the tolerance (start cost 25 m), each reached by the Manhattan distance."""
    corner = CORNER + min(abs(x - cx) + abs(y - cy) for cx in (200, 300) for cy in (200, 300))
    stretch = 25.0 + min(abs(x - ex) + abs(y - ey) for ex, ey in STRETCH_ENDS)
    return min(corner, stretch)


# (point, expected network distance): nearest edge, connector, cheaper way along the edge, worked out by hand.
POINTS = [
    ((250, 110), 10 + 50 + by_hand(200, 100)),  # middle of a block edge
    ((40, 470), 30 + 60 + by_hand(100, 500)),  # 30 m off the top street, 60 m to its nearer-by-network end
    ((10, 20), 10 + 80 + by_hand(0, 100)),  # along x=0: 80 m up beats 20 m down
    ((530, 10), 30 + 90 + by_hand(500, 100)),  # beyond the last street: unserved (427 m)
    ((600, 250), 100 + 50 + by_hand(500, 200)),  # 100 m beyond the last street, still served
    ((550, 550), math.hypot(50, 50) + by_hand(500, 500)),  # past the last junction: joins at the vertex
    ((250, 240), 40 + 5),  # inside the square: 40 m to the street beside it, an entrance there 5 m from the square
]


def test_grid_distances_and_shares_by_hand():
    points = [p for p, _ in POINTS]
    expected = np.array([d for _, d in POINTS])
    weights = np.array([[10.0, 4.0]] * len(points))
    result = public_space_access(grid_lines(), [SQUARE], points, weights, ["total", "female"])
    np.testing.assert_allclose(result.point_distance, expected, atol=1e-6)
    served = expected <= 400
    assert served.tolist() == [True, True, True, False, True, False, True]
    network_total = next(r for r in result.rows if r["method"] == NETWORK and r["group"] == "total")
    assert network_total["population"] == pytest.approx(70.0)
    assert network_total["served"] == pytest.approx(50.0)
    assert network_total["share_pct"] == pytest.approx(100 * 5 / 7)
    female = next(r for r in result.rows if r["method"] == NETWORK and r["group"] == "female")
    assert female["served"] == pytest.approx(20.0)
    # Straight line: all seven lie within 400 m of the square (the farthest, (550, 550), is 361 m away), so the
    # buffer counts the two the network does not reach: the approximation overstates access.
    straight = next(r for r in result.rows if r["method"] == STRAIGHT_LINE and r["group"] == "total")
    assert straight["served"] == pytest.approx(70.0)


def test_vertex_entries_alone_give_manhattan_plus_corner_cost():
    graph = build_graph(grid_lines())
    from habitat_planning_plugin.core.public_space.access import entry_points

    entries, cost = entry_points(graph, [SQUARE], 25.0)
    assert sorted(map(tuple, graph.xy[entries])) == [(200, 200), (200, 300), (300, 200), (300, 300)]
    np.testing.assert_allclose(cost, CORNER)
    distance = multi_source_distances(graph, entries, cost)
    for (x, y), d in zip(graph.xy, distance):  # without mid-segment entrances: only the block corners
        assert d == pytest.approx(CORNER + min(abs(x - cx) + abs(y - cy) for cx in (200, 300) for cy in (200, 300)))


def test_districts_and_disconnected_parts_are_reported():
    lines = grid_lines() + [np.array([(2000.0, 0.0), (2100.0, 0.0)])]  # an island street, no space on it
    points = [(250, 110), (2050, 10)]
    west, east = box(-100, -100, 1000, 1000), box(1000, -100, 3000, 1000)
    result = public_space_access(lines, [SQUARE], points, [[3.0], [2.0]], ["total"], [west, east], ["W", "E"])
    assert result.graph.n_components == 2 and result.components_without_space == 1
    assert result.unreachable_population == pytest.approx(2.0)
    east_row = next(r for r in result.rows if r["district"] == "E" and r["method"] == NETWORK)
    assert (east_row["population"], east_row["served"], east_row["share_pct"]) == (2.0, 0.0, 0.0)
    west_row = next(r for r in result.rows if r["district"] == "W" and r["method"] == NETWORK)
    assert west_row["share_pct"] == pytest.approx(100.0)


def test_no_reachable_space_and_no_people_are_clear_errors():
    with pytest.raises(HabitatError, match="25 m"):
        public_space_access(grid_lines(), [box(5000, 5000, 5100, 5100)], [(10, 10)], [[1.0]], ["total"])
    with pytest.raises(HabitatError, match="no people"):
        public_space_access(grid_lines(), [SQUARE], [(10, 10)], [[0.0]], ["total"])


def random_network(seed, n_points=300):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 2000, size=(n_points, 2))
    triangles = Delaunay(xy).simplices
    pairs = {tuple(sorted((a, b))) for t in triangles for a, b in ((t[0], t[1]), (t[1], t[2]), (t[0], t[2]))}
    pairs = [p for p in sorted(pairs) if rng.uniform() < 0.6]  # thin it out: dead ends and several parts
    return xy, pairs, rng


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_multi_source_distances_equal_networkx(seed):
    xy, pairs, rng = random_network(seed)
    graph = build_graph([xy[[a, b]] for a, b in pairs])
    sources = rng.choice(graph.n_vertices, size=5, replace=False)
    costs = rng.uniform(0, 30, size=5)
    ours = multi_source_distances(graph, sources, costs, limit=900.0)

    g = nx.Graph()
    for u, v, w in zip(graph.edge_u, graph.edge_v, graph.edge_length):
        g.add_edge(int(u), int(v), weight=float(w))
    g.add_node("start")
    for s, c in zip(sources, costs):
        g.add_edge("start", int(s), weight=float(c))
    g.add_nodes_from(range(graph.n_vertices))
    reference = nx.single_source_dijkstra_path_length(g, "start", cutoff=900.0, weight="weight")
    expected = np.array([reference.get(i, np.inf) for i in range(graph.n_vertices)])
    # networkx treats the source edges as undirected, which only adds paths through "start" costing more.
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-6)


@pytest.mark.parametrize("seed", [4, 5])
def test_snap_is_the_exact_nearest_point_of_any_edge(seed):
    xy, pairs, rng = random_network(seed, 200)
    graph = build_graph([xy[[a, b]] for a, b in pairs])
    points = rng.uniform(-200, 2200, size=(500, 2))
    snap = snap_to_edges(graph, points, k=3)  # few candidates: forces the exact fallback too
    a, b = graph.xy[graph.edge_u], graph.xy[graph.edge_v]
    ab = b - a
    t = np.clip(((points[:, None, :] - a) * ab).sum(-1) / (ab * ab).sum(-1), 0, 1)
    brute = np.linalg.norm(points[:, None, :] - (a + ab * t[..., None]), axis=-1).min(axis=1)
    np.testing.assert_allclose(snap.connector, brute, atol=1e-9)


def test_lines_sharing_a_vertex_connect_and_crossing_lines_do_not():
    crossing = [np.array([(0.0, 0.0), (100.0, 100.0)]), np.array([(0.0, 100.0), (100.0, 0.0)])]
    assert build_graph(crossing).n_components == 2
    sharing = [np.array([(0.0, 0.0), (50.0, 50.0), (100.0, 100.0)]), np.array([(0.0, 100.0), (50.0, 50.004)])]
    graph = build_graph(sharing, tolerance=0.01)
    assert graph.n_components == 1 and graph.n_vertices == 4


def test_polygon_with_hole_and_multipolygon_distances():
    from habitat_planning_plugin.core.geometry import distance_to_polygons

    ring = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)], [[(40, 40), (60, 40), (60, 60), (40, 60)]])
    points = [(50, 50), (20, 20), (150, 50), (50, 45)]
    distance, owner = distance_to_polygons(points, [ring], 60.0)
    np.testing.assert_allclose(distance, [10.0, 0.0, 50.0, 5.0])
    assert owner.tolist() == [0, 0, 0, 0]
    far, none = distance_to_polygons([(500, 500)], [ring], 60.0)
    assert np.isinf(far[0]) and none[0] == -1
