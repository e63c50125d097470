"""The fast paths of walking access (issue 11: a 1M-edge city in seconds) against the exact computations they
replace: brute force over every edge, shapely's distances, the space-by-space entrance search, np.unique."""

import numpy as np
import pytest
from scipy.spatial import Delaunay
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from habitat_planning_plugin.core.geometry import (
    OwnPolygonDistance,
    PolygonSet,
    distance_to_own_polygon,
    distance_to_polygons,
    nearest_on_segments,
    polygon_of_points,
)
from habitat_planning_plugin.core.network import (
    _adjacency,
    _project_xy,
    _unique_first,
    build_graph,
    insert_vertices,
    snap_to_edges,
)
from habitat_planning_plugin.core.public_space import access
from habitat_planning_plugin.core.public_space.access import public_space_access, street_entrances


def random_network(seed, n_points=250, size=2000.0):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, size, size=(n_points, 2))
    pairs = {
        tuple(sorted((a, b))) for t in Delaunay(xy).simplices for a, b in ((t[0], t[1]), (t[1], t[2]), (t[0], t[2]))
    }
    pairs = [p for p in sorted(pairs) if rng.uniform() < 0.6]
    return [xy[[a, b]] for a, b in pairs], rng


def brute_snap(graph, points):
    """Distance to every edge; the nearest, the lowest edge number among exact ties."""
    a, b = graph.xy[graph.edge_u], graph.xy[graph.edge_v]
    length = graph.edge_length
    t, d = _project_xy(
        points[:, :1],
        points[:, 1:],
        a[:, 0],
        a[:, 1],
        (b - a)[:, 0],
        (b - a)[:, 1],
        np.where(length > 0, length * length, 1.0),
    )
    return np.argmin(d, axis=1), d


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("k", [1, 3, 6])
def test_snap_equals_brute_force_on_random_networks(seed, k):
    lines, rng = random_network(seed)
    graph = build_graph(lines)
    points = rng.uniform(-300, 2300, size=(3000, 2))
    snap = snap_to_edges(graph, points, k=k)
    nearest, d = brute_snap(graph, points)
    rows = np.arange(len(points))
    assert np.array_equal(snap.connector, d[rows, nearest])  # the same arithmetic: bit for bit
    assert np.array_equal(snap.edge, nearest)
    a, b = graph.xy[graph.edge_u[snap.edge]], graph.xy[graph.edge_v[snap.edge]]
    on_edge = a + (b - a) * snap.t[:, None]
    np.testing.assert_allclose(np.hypot(*(points - on_edge).T), snap.connector, atol=1e-9)


def test_snap_on_a_lattice_lists_every_edge_exactly_as_near():
    # Points on the diagonals of a lattice are exactly as near to two streets: the first is the lower edge
    # number, whatever order the tree gives, and the others are listed.
    ticks = np.arange(0.0, 1001.0, 100.0)
    lines = [np.array([(x, y), (x + 100.0, y)]) for x in ticks[:-1] for y in ticks]
    lines += [np.array([(x, y), (x, y + 100.0)]) for x in ticks for y in ticks[:-1]]
    graph = build_graph(lines[::-1])  # edge numbers not in any spatial order
    offsets = np.array([(17.5, 17.5), (50.0, 50.0), (82.5, 17.5), (50.0, 0.0), (0.0, 0.0), (33.0, 67.0)])
    points = (ticks[:-1, None, None] + offsets[None, :, :]).reshape(-1, 2)
    points = np.concatenate([points, points[:, ::-1] + [0.0, 300.0]])
    nearest, d = brute_snap(graph, points)
    rows = np.arange(len(points))
    exactly = d == d[rows, nearest][:, None]
    exactly[rows, nearest] = False
    expected = sorted(zip(*np.nonzero(exactly)))
    assert len(expected) > len(points) / 2
    for k in (1, 2, 6, 12):
        snap = snap_to_edges(graph, points, k=k)
        assert np.array_equal(snap.edge, nearest), k
        assert np.array_equal(snap.connector, d[rows, nearest])
        assert sorted(zip(snap.tie_point, snap.tie_edge)) == expected


def test_a_person_exactly_between_two_streets_takes_the_shorter_walk_whatever_the_line_order():
    # Two parallel streets 100 m apart; the space is reached sooner along the upper one. People on the middle
    # line are exactly as near to both: they walk along the upper one, in whichever order the lines come.
    lines = [
        np.array([(0.0, 0.0), (1000.0, 0.0)]),
        np.array([(0.0, 100.0), (1000.0, 100.0)]),
        np.array([(1000.0, 0.0), (1000.0, 100.0)]),
    ]
    space = box(300, 105, 340, 140)
    points = np.array([(300.0, 50.0), (320.0, 50.0), (600.0, 50.0), (310.0, 20.0)])
    walks = []
    for order in ([0, 1, 2], [1, 0, 2], [2, 1, 0]):
        result = public_space_access(
            [lines[i] for i in order], [space], points, np.ones((4, 1)), ["total"], straight_line=False
        )
        walks.append(result.point_distance)
    stretch_end = 340.0 + np.sqrt(25.0**2 - 5.0**2)  # where the upper street comes within 25 m of the space
    for walk in walks:
        np.testing.assert_allclose(walk[:3], [50.0 + 5.0, 50.0 + 5.0, 50.0 + (600.0 - stretch_end) + 25.0])
        assert walk[3] > 400.0  # nearer the lower street: the long way round from there
    assert np.array_equal(walks[0], walks[1]) and np.array_equal(walks[0], walks[2])


def test_snap_with_parallel_and_very_short_edges():
    lines, rng = random_network(7, 120)
    lines = lines + lines[:30] + [np.array([p, p + 0.02]) for p in rng.uniform(0, 2000, size=(200, 2))]
    graph = build_graph(lines)
    points = rng.uniform(0, 2000, size=(2000, 2))
    snap = snap_to_edges(graph, points)
    nearest, d = brute_snap(graph, points)
    assert np.array_equal(snap.connector, d[np.arange(len(points)), nearest])
    assert np.array_equal(snap.edge, nearest)


def test_unique_first_and_adjacency_equal_the_plain_numpy_versions():
    rng = np.random.default_rng(3)
    keys = rng.integers(0, 5000, size=20_000)
    first, inverse = _unique_first(keys)
    _, first_np, inverse_np = np.unique(keys, return_index=True, return_inverse=True)
    assert np.array_equal(first, first_np) and np.array_equal(inverse, inverse_np)

    n = 300
    u, v = rng.integers(0, n, size=2000), rng.integers(0, n, size=2000)  # parallel edges and loops included
    w = rng.uniform(1, 100, size=2000)
    dense = np.full((n, n), np.inf)
    for a, b, c in zip(u, v, w):
        dense[a, b] = dense[b, a] = min(dense[a, b], c)
    matrix = _adjacency(u, v, w, n).toarray()
    assert np.array_equal(np.where(np.isinf(dense), 0.0, dense), matrix)


def square_and_holes(rng, n):
    shapes = []
    for _ in range(n):
        x, y = rng.uniform(0, 2000, size=2)
        size = rng.uniform(20, 150)
        kind = rng.integers(0, 3)
        if kind == 0:
            shapes.append(box(x, y, x + size, y + size))
        elif kind == 1:
            ring = [(x + size * np.cos(a), y + size * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 9)[:-1]]
            hole = [(x + size / 3 * np.cos(a), y + size / 3 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 7)[:-1]]
            shapes.append(Polygon(ring, [hole]))
        else:
            shapes.append(
                MultiPolygon([box(x, y, x + size, y + size / 2), box(x + 2 * size, y, x + 2.5 * size, y + size)])
            )
    return shapes


@pytest.mark.parametrize("seed", [1, 2])
def test_distance_to_polygons_equals_shapely(seed):
    rng = np.random.default_rng(seed)
    shapes = square_and_holes(rng, 40)
    shapes[5] = None  # skipped, indices kept
    points = rng.uniform(-200, 2200, size=(2000, 2))
    exact = np.array([[shape.distance(Point(p)) if shape is not None else np.inf for shape in shapes] for p in points])
    best, first = exact.min(axis=1), exact.argmin(axis=1)  # argmin: the first polygon of equals
    for limit in (0.0, 25.0, 400.0):
        distance, owner = distance_to_polygons(points, shapes, limit)
        near, far = (best <= limit - 1e-6 if limit else best == 0.0), best > limit + 1e-6
        assert near.sum() > 20 and far.sum() > 20
        np.testing.assert_allclose(distance[near], best[near], atol=1e-7)
        assert np.array_equal(owner[near], first[near])
        assert np.all(np.isinf(distance[far])) and np.all(owner[far] == -1)
    assert np.array_equal(polygon_of_points(points, shapes), np.where(best == 0.0, first, -1))


def test_straight_line_served_flags_equal_shapely():
    lines, rng = random_network(4, 200)
    spaces = square_and_holes(rng, 25)
    points = rng.uniform(0, 2000, size=(3000, 2))
    result = public_space_access(lines, spaces, points, np.ones((len(points), 1)), ["total"], max_distance=150.0)
    exact = np.array([min(space.distance(Point(p)) for space in spaces) for p in points])
    clear = np.abs(exact - 150.0) > 1e-6
    assert np.array_equal(result.served_straight_line[clear], exact[clear] <= 150.0)


def test_own_polygon_distance_equals_the_chunked_loop():
    rng = np.random.default_rng(5)
    prepared = PolygonSet(square_and_holes(rng, 30))
    points = rng.uniform(0, 2000, size=(5000, 2))
    owner = rng.integers(0, len(prepared.index), size=len(points))
    whole = OwnPolygonDistance(owner, prepared)(points)
    assert np.array_equal(whole, distance_to_own_polygon(points, owner, prepared, chunk=50))
    shapes = [prepared.index[o] for o in owner]
    polygons = square_and_holes(np.random.default_rng(5), 30)
    np.testing.assert_allclose(whole, [polygons[s].distance(Point(p)) for s, p in zip(shapes, points)], atol=1e-7)


def entrances_space_by_space(graph, spaces, entry_tolerance):
    """The entrance search as it was: every space against every street segment, one space at a time."""
    prepared = PolygonSet(spaces)
    a, b, length = graph.xy[graph.edge_u], graph.xy[graph.edge_v], graph.edge_length
    pair_edge, pair_space, pair_t = [], [], []
    for space, segments in enumerate(prepared.segments):
        t, distance = nearest_on_segments(a[:, None, :], b[:, None, :], segments[None, :, :2], segments[None, :, 2:])
        pick = np.argmin(distance, axis=1)
        rows = np.arange(graph.n_edges)
        near = distance[rows, pick] <= entry_tolerance
        pair_edge.append(rows[near])
        pair_t.append(t[rows, pick][near])
        pair_space.append(np.full(int(near.sum()), space))
    return access._stretch_entrances(
        a,
        b,
        length,
        np.concatenate(pair_edge),
        np.concatenate(pair_space),
        np.concatenate(pair_t),
        prepared,
        entry_tolerance,
        access.ENTRANCE_SPACING,
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_street_entrances_equal_the_space_by_space_search(seed):
    lines, rng = random_network(seed)
    # long streets too: several search samples each
    lines = lines + [np.array([(0.0, y), (2000.0, y + 10.0)]) for y in rng.uniform(0, 2000, size=5)]
    graph = build_graph(lines)
    spaces = square_and_holes(rng, 30)
    edge, t = street_entrances(graph, spaces, 25.0)
    edge_ref, t_ref = entrances_space_by_space(graph, spaces, 25.0)
    assert len(edge) > 50
    assert np.array_equal(edge, edge_ref) and np.array_equal(t, t_ref)
    split, _ = insert_vertices(graph, edge, t)
    assert split.n_vertices > graph.n_vertices


def test_entrances_reach_spaces_beside_long_streets():
    # A 3 km street passing 20 m from a small square: found although its ends are far away.
    graph = build_graph([np.array([(0.0, 0.0), (3000.0, 0.0)]), np.array([(3000.0, 0.0), (3000.0, 500.0)])])
    edge, t = street_entrances(graph, [box(1490, 20, 1510, 40)], 25.0)
    assert len(edge) and np.all(edge == 0)
    points = graph.xy[graph.edge_u[edge]] + (graph.xy[graph.edge_v[edge]] - graph.xy[graph.edge_u[edge]]) * t[:, None]
    assert all(box(1490, 20, 1510, 40).distance(Point(p)) <= 25.0 + 1e-6 for p in points)
    assert LineString(points).length > 20.0


def test_one_thread_gives_the_same_result(monkeypatch):
    # Dask workers set OMP_NUM_THREADS=1: the same numbers without the extra threads.
    lines, rng = random_network(8, 200)
    spaces = square_and_holes(rng, 20)
    points = rng.uniform(0, 2000, size=(120_000, 2))  # more than one chunk of the snap
    districts = [box(0, 0, 1000, 2000), box(1000, 0, 2000, 2000)]
    args = (lines, spaces, points, np.ones((len(points), 1)), ["total"], districts, ["west", "east"])
    threaded = public_space_access(*args)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    single = public_space_access(*args)
    assert np.array_equal(threaded.point_distance, single.point_distance)
    assert np.array_equal(threaded.served_straight_line, single.served_straight_line)
    assert np.array_equal(threaded.district_of_point, single.district_of_point)
    assert threaded.rows == single.rows
