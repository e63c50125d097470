"""Street network as a sparse graph, and shortest distances from many sources in one pass.

Shared by public space access (SDG 11.7.1) and SDF accessibility. Semantics:
- the network is the input lines split at every vertex; vertices closer than ``tolerance`` (snapped to a grid of
  that size) are one vertex, so lines that share a vertex are connected and lines that only cross are not;
- each segment between two consecutive vertices is an undirected edge weighted by its length;
- sources start with an initial cost (e.g. the straight-line distance from a park to its entry vertex);
- a point joins the network at the nearest point of the nearest edge; its distance is the connector length plus
  the cheaper way along that edge to either end plus the network distance of that end.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Sequence, Tuple, Union

import numpy as np

from .text import HabitatError, tr

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from scipy.sparse import csr_matrix

    from .text import Progress

    # Street lines as build_graph takes them: (coords (n, 2), vertex count per line part), or one array per part.
    Lines = Union[Tuple[ArrayLike, ArrayLike], Sequence[NDArray[np.float64]]]

# scipy is imported where used, so that the plugin loads without it (the algorithms declare it as required).

# scipy treats a missing sparse entry as "no edge", so a zero start cost is stored as this tiny cost.
_EPSILON = 1e-9
# StreetGraph.edge_cost left out: the edge lengths are the costs.
_LENGTHS = np.empty(0)


def worker_threads() -> int:
    """Threads for the parallel steps: one per core, or OMP_NUM_THREADS when set (Dask sets it to 1 in its
    workers, which already use every core with one city each)."""
    try:
        return max(1, int(os.environ["OMP_NUM_THREADS"]))
    except (KeyError, ValueError):
        return max(1, os.cpu_count() or 1)


@dataclass
class StreetGraph:
    xy: NDArray[np.float64]  # (n_vertices, 2)
    edge_u: NDArray[np.int64]  # (n_edges,) vertex index of the first end
    edge_v: NDArray[np.int64]  # (n_edges,) vertex index of the second end
    edge_length: NDArray[np.float64]  # (n_edges,)
    edge_line: NDArray[np.int64]  # (n_edges,) index of the input line the segment came from
    matrix: csr_matrix  # symmetric adjacency by edge cost, cheapest parallel edge kept
    component: NDArray[np.int32]  # (n_vertices,) connected part of each vertex
    n_components: int
    # (n_edges,) cost of traversing each edge; left out (or None), its length
    edge_cost: NDArray[np.float64] = field(default_factory=lambda: _LENGTHS)

    def __post_init__(self) -> None:
        if self.edge_cost is _LENGTHS or self.edge_cost is None:
            self.edge_cost = self.edge_length

    @property
    def n_vertices(self) -> int:
        return len(self.xy)

    @property
    def n_edges(self) -> int:
        return len(self.edge_u)


def build_graph(
    lines: Lines, tolerance: float = 0.01, cost_per_metre: Optional[ArrayLike] = None, adjacency: bool = True
) -> StreetGraph:
    """Graph of ``lines``: a sequence of (k, 2) coordinate arrays (one per line part), or the pair
    (coords (n, 2), counts per line part) that qgis_io.read_lines gives. ``cost_per_metre`` (one value per line,
    e.g. minutes per metre from a speed) makes the edge costs travel times; by default they are lengths. Without
    ``adjacency`` the matrix and connected parts are left empty (for a graph only cut into subgraphs)."""
    if isinstance(lines, tuple):
        coords, counts = np.asarray(lines[0], dtype=float), np.asarray(lines[1], dtype=np.int64)
        if len(counts) and counts.min() < 2:
            keep = counts >= 2
            coords, counts = coords[np.repeat(keep, counts)], counts[keep]
    else:
        arrays = [np.asarray(line, dtype=float)[:, :2] for line in lines if len(line) >= 2]
        counts = np.array([len(a) for a in arrays], dtype=np.int64)
        coords = np.concatenate(arrays) if arrays else np.empty((0, 2))
    if len(counts) == 0:
        raise HabitatError(tr("The street network has no lines with at least two vertices."))
    # Vertices closer than the tolerance share a grid key; one int64 key per vertex keeps np.unique fast.
    keys = np.floor(coords / tolerance + 0.5).astype(np.int64)
    keys -= keys.min(axis=0)
    span = int(keys[:, 1].max()) + 1
    first, inverse = _unique_first(keys[:, 0] * span + keys[:, 1])
    xy = coords[first]

    ends = np.cumsum(counts)
    is_segment_start = np.ones(len(coords), dtype=bool)
    is_segment_start[ends - 1] = False  # a line's last vertex starts no segment
    seg_first = np.nonzero(is_segment_start)[0]
    u, v = inverse[seg_first], inverse[seg_first + 1]
    length = np.hypot(*(coords[seg_first + 1] - coords[seg_first]).T)
    line_of = np.repeat(np.arange(len(counts)), counts - 1)
    keep = u != v  # segments shorter than the tolerance collapse into one vertex
    u, v, length, line_of = u[keep], v[keep], length[keep], line_of[keep]

    from scipy.sparse.csgraph import connected_components

    cost = length if cost_per_metre is None else length * np.asarray(cost_per_metre, dtype=float)[line_of]
    n = len(xy)
    if not adjacency:
        from scipy.sparse import csr_matrix

        return StreetGraph(xy, u, v, length, line_of, csr_matrix((n, n)), np.zeros(n, dtype=np.int32), 0, cost)
    matrix = _adjacency(u, v, cost, n)
    n_components, component = connected_components(matrix, directed=False)
    return StreetGraph(xy, u, v, length, line_of, matrix, component, n_components, cost)


def subgraph(graph: StreetGraph, keep: ArrayLike) -> StreetGraph:
    """The graph with only the edges where ``keep`` is true, on the same vertices (their numbers unchanged, so that
    two networks built from one set of lines can be compared vertex by vertex)."""
    from scipy.sparse.csgraph import connected_components

    keep = np.asarray(keep, dtype=bool)
    u, v, cost = graph.edge_u[keep], graph.edge_v[keep], graph.edge_cost[keep]
    matrix = _adjacency(u, v, cost, graph.n_vertices)
    n_components, component = connected_components(matrix, directed=False)
    return StreetGraph(
        graph.xy, u, v, graph.edge_length[keep], graph.edge_line[keep], matrix, component, n_components, cost
    )


def _unique_first(keys: NDArray[np.int64]) -> Tuple[NDArray[np.int64], NDArray[np.int64]]:
    """np.unique(keys, return_index=True, return_inverse=True) without its stable sort (twice as fast): the
    index of each distinct key's first occurrence, in key order, and the position of every key among them."""
    order = np.argsort(keys)
    ordered = keys[order]
    new = np.empty(len(keys), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return np.minimum.reduceat(order, starts), inverse


def _adjacency(u: NDArray[np.int64], v: NDArray[np.int64], length: ArrayLike, n: int) -> csr_matrix:
    """Symmetric CSR matrix with the shortest of any parallel edges (coo->csr would add them up)."""
    from scipy.sparse import coo_matrix

    # One key per undirected edge (half the sorting of a key per direction); csr then counts entries per row.
    key = np.minimum(u, v) * np.int64(n) + np.maximum(u, v)
    order = np.argsort(key)  # the minimum below needs no stable order
    key, w = key[order], np.asarray(length, dtype=float)[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.empty(0, dtype=np.int64)
    shortest = np.minimum.reduceat(w, starts) if len(starts) else w
    low, high = np.divmod(key[starts], np.int64(n))
    mirror = low != high  # a loop is one entry, not two to be added up
    return coo_matrix(
        (
            np.concatenate([shortest, shortest[mirror]]),
            (np.concatenate([low, high[mirror]]), np.concatenate([high, low[mirror]])),
        ),
        shape=(n, n),
    ).tocsr()


def multi_source_distances(
    graph: StreetGraph, sources: ArrayLike, initial_cost: Optional[ArrayLike] = None, limit: float = np.inf
) -> NDArray[np.float64]:
    """Shortest network distance from the nearest source to every vertex (inf beyond ``limit``).

    One Dijkstra pass from a virtual vertex joined to every source by its initial cost.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    sources = np.asarray(sources, dtype=np.int64)
    n = graph.n_vertices
    if len(sources) == 0:
        return np.full(n, np.inf)
    cost = np.zeros(len(sources)) if initial_cost is None else np.asarray(initial_cost, dtype=float)
    order = np.lexsort((cost, sources))  # each source once, with its lowest cost (csr would add duplicates)
    sources, cost = sources[order], cost[order]
    first = np.ones(len(sources), dtype=bool)
    first[1:] = sources[1:] != sources[:-1]
    sources, cost = sources[first], cost[first]
    # The graph's CSR with one more row: the virtual vertex n, joined to the sources.
    base = graph.matrix.tocsr()
    augmented = csr_matrix(
        (
            np.concatenate([base.data, cost + _EPSILON]),
            np.concatenate([base.indices, sources.astype(base.indices.dtype)]),
            np.concatenate([base.indptr, [base.indptr[-1] + len(sources)]]).astype(base.indptr.dtype),
        ),
        shape=(n + 1, n + 1),
    )
    distances = dijkstra(augmented, directed=True, indices=n, limit=limit + _EPSILON)
    return np.maximum(distances[:n] - _EPSILON, 0.0)


@dataclass
class Snap:
    edge: NDArray[np.int64]  # (n_points,) nearest edge
    t: NDArray[np.float64]  # (n_points,) position along that edge from edge_u (0..1)
    connector: NDArray[np.float64]  # (n_points,) straight distance from the point to the edge
    # Points exactly as near to other edges too: one row per (point, other edge), with the position on it.
    tie_point: NDArray[np.int64] = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    tie_edge: NDArray[np.int64] = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    tie_t: NDArray[np.float64] = field(default_factory=lambda: np.empty(0))


def snap_to_edges(
    graph: StreetGraph,
    points: ArrayLike,
    sample_spacing: Optional[float] = None,
    k: int = 6,
    progress: Optional[Progress] = None,
) -> Snap:
    """Exact nearest point on the nearest edge for every point.

    Candidate edges come from a k-d tree of points sampled along the edges; the answer is proven exact when the
    k-th sample is farther than the best distance plus half the sample spacing, otherwise the point is re-checked
    against every edge with a sample within that radius. Of edges exactly as near, the lowest numbered is taken
    and the others are listed (tie_point, tie_edge, tie_t) for prefer_shorter_walk.
    """
    from scipy.spatial import cKDTree

    points = np.asarray(points, dtype=float).reshape(-1, 2)
    a = graph.xy[graph.edge_u]
    b = graph.xy[graph.edge_v]
    length = graph.edge_length
    if sample_spacing is None:
        sample_spacing = max(float(np.median(length)) / 2.0, 1.0)
    # Samples in the middle of equal pieces of each edge (not at its ends, which neighbouring edges share): every
    # point of the edge lies within half a piece of one.
    per_edge = np.maximum(np.ceil(length / sample_spacing), 1).astype(np.int64)
    edge_of_sample = np.repeat(np.arange(graph.n_edges), per_edge)
    offsets = np.arange(len(edge_of_sample)) - np.repeat(np.cumsum(per_edge) - per_edge, per_edge)
    frac = (offsets + 0.5) / np.repeat(per_edge, per_edge)
    samples = a[edge_of_sample] + (b - a)[edge_of_sample] * frac[:, None]
    # An unbalanced tree builds three times faster and answers these queries faster too.
    tree = cKDTree(samples, balanced_tree=False, compact_nodes=False)
    half = float((length / per_edge).max()) / 2.0 if graph.n_edges else 0.0
    # Coordinates as separate columns: gathering and arithmetic on (n, k) arrays beat (n, k, 2) ones.
    ax, ay = a[:, 0].copy(), a[:, 1].copy()
    dx, dy = b[:, 0] - ax, b[:, 1] - ay
    squared = np.where(length > 0, length * length, 1.0)

    n = len(points)
    best_edge = np.empty(n, dtype=np.int64)
    best_t = np.empty(n)
    best_d = np.empty(n)
    tied = np.zeros(n, dtype=bool)  # exactly as near to another edge, in the round that proved the answer
    rounds = sorted({min(k, len(samples)), min(4 * k, len(samples)), min(16 * k, len(samples))})

    def nearest(start: int, stop: int) -> None:
        todo = np.arange(start, stop)
        for k_round in rounds:  # widen the candidate set only for the points not yet proven exact
            p = points[todo]
            sample_d, sample_i = tree.query(p, k=k_round)
            sample_d, sample_i = sample_d.reshape(len(p), k_round), sample_i.reshape(len(p), k_round)
            candidates = edge_of_sample[sample_i]
            t, d = _project_xy(
                p[:, :1], p[:, 1:], ax[candidates], ay[candidates], dx[candidates], dy[candidates], squared[candidates]
            )
            rows = np.arange(len(p))
            nearest_rows = d == d.min(axis=1)[:, None]  # an edge's samples all give its one distance
            lowest = np.where(nearest_rows, candidates, np.iinfo(np.int64).max).min(axis=1)
            tied[todo] = np.where(nearest_rows, candidates, -1).max(axis=1) != lowest
            pick = np.argmax(nearest_rows & (candidates == lowest[:, None]), axis=1)  # whatever order the tree gave
            best_edge[todo], best_t[todo], best_d[todo] = candidates[rows, pick], t[rows, pick], d[rows, pick]
            if k_round >= len(samples):
                return  # every sample was a candidate: exact
            todo = todo[sample_d[:, -1] - half <= best_d[todo]]  # strictly farther: no tie left outside
            if len(todo) == 0:
                return
        for index in todo:  # rare: still unproven after the widest round
            nearby = np.unique(edge_of_sample[tree.query_ball_point(points[index], best_d[index] + half + 1e-9)])
            t1, d1 = _project_xy(
                points[index, 0], points[index, 1], ax[nearby], ay[nearby], dx[nearby], dy[nearby], squared[nearby]
            )
            j = int(np.argmin(d1))  # nearby is sorted: the lowest edge number of equals
            best_edge[index], best_t[index], best_d[index] = nearby[j], t1[j], d1[j]
            tied[index] = np.count_nonzero(d1 == d1[j]) > 1

    # Chunks small enough for their (chunk, k) arrays to stay in cache, one thread per core: the tree and
    # numpy release the GIL, and each chunk writes its own slice of the results.
    chunks = [(start, min(start + 50_000, n)) for start in range(0, n, 50_000)]
    pool = ThreadPoolExecutor(max_workers=max(1, min(worker_threads(), len(chunks))))
    futures = [pool.submit(nearest, *chunk) for chunk in chunks]
    try:
        for (_, stop), future in zip(chunks, futures):
            future.result()
            if progress is not None:
                progress(stop / n)
    finally:  # on cancel or error, the chunks not started are dropped
        for future in futures:
            future.cancel()
        pool.shutdown(wait=True)
    snap = Snap(best_edge, best_t, best_d)
    flagged = np.flatnonzero(tied)
    if len(flagged):
        # Every edge exactly as near: each has a sample within the distance plus half a spacing.
        from itertools import chain

        found = tree.query_ball_point(points[flagged], best_d[flagged] + half + 1e-9, workers=worker_threads())
        sizes = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
        sample = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=int(sizes.sum()))
        point = np.repeat(flagged, sizes)
        point, edge = np.divmod(
            np.unique(point * np.int64(graph.n_edges) + edge_of_sample[sample]), np.int64(graph.n_edges)
        )
        t, d = _project_xy(points[point, 0], points[point, 1], ax[edge], ay[edge], dx[edge], dy[edge], squared[edge])
        other = (d == best_d[point]) & (edge != best_edge[point])
        snap.tie_point, snap.tie_edge, snap.tie_t = point[other], edge[other], t[other]
    return snap


def _project_xy(
    px: Any,
    py: Any,
    ax: NDArray[np.float64],
    ay: NDArray[np.float64],
    dx: NDArray[np.float64],
    dy: NDArray[np.float64],
    squared: NDArray[np.float64],
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Position t (0..1) of the nearest point on segment a-(a+d) (``squared``: its length squared, 1 when 0) and
    the distance to it, x and y as separate arrays (broadcasting)."""
    t = ((px - ax) * dx + (py - ay) * dy) / squared
    np.clip(t, 0.0, 1.0, out=t)
    gx = px - (ax + dx * t)
    gy = py - (ay + dy * t)
    return t, np.sqrt(gx * gx + gy * gy)


def point_distances(
    graph: StreetGraph, snap: Snap, vertex_distance: NDArray[np.float64], connector_cost_per_metre: float = 1.0
) -> NDArray[np.float64]:
    """Network cost of snapped points: connector + cheaper way along the edge + cost of that end."""
    along = snap.t * graph.edge_cost[snap.edge]
    via_u = along + vertex_distance[graph.edge_u[snap.edge]]
    via_v = graph.edge_cost[snap.edge] - along + vertex_distance[graph.edge_v[snap.edge]]
    return snap.connector * connector_cost_per_metre + np.minimum(via_u, via_v)


def prefer_shorter_walk(
    graph: StreetGraph, snap: Snap, vertex_distance: NDArray[np.float64], connector_cost_per_metre: float = 1.0
) -> Snap:
    """``snap`` with each point that is exactly as near to several edges joined to the one with the cheapest way
    on (the lower edge number of equals): what a person standing there would take, and not a matter of the
    order of the input lines."""
    if len(snap.tie_point) == 0:
        return snap
    tied = np.unique(snap.tie_point)
    point = np.concatenate([tied, snap.tie_point])
    edge = np.concatenate([snap.edge[tied], snap.tie_edge])
    t = np.concatenate([snap.t[tied], snap.tie_t])
    cost = point_distances(graph, Snap(edge, t, snap.connector[point]), vertex_distance, connector_cost_per_metre)
    order = np.lexsort((edge, cost, point))
    first = np.ones(len(order), dtype=bool)
    first[1:] = point[order][1:] != point[order][:-1]
    chosen = order[first]
    resolved = Snap(snap.edge.copy(), snap.t.copy(), snap.connector, snap.tie_point, snap.tie_edge, snap.tie_t)
    resolved.edge[point[chosen]], resolved.t[point[chosen]] = edge[chosen], t[chosen]
    return resolved


def reachable_parts(
    graph: StreetGraph,
    vertex_distance: NDArray[np.float64],
    limit: float,
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """For every edge, the lengths reachable within ``limit`` from its u end and from its v end."""
    length = graph.edge_length
    from_u = np.clip(limit - vertex_distance[graph.edge_u], 0.0, length)
    from_v = np.clip(limit - vertex_distance[graph.edge_v], 0.0, length)
    return np.nan_to_num(from_u, nan=0.0, neginf=0.0), np.nan_to_num(from_v, nan=0.0, neginf=0.0)


def insert_vertices(
    graph: StreetGraph,
    edge: ArrayLike,
    t: ArrayLike,
    tolerance: float = 0.01,
) -> Tuple[StreetGraph, NDArray[np.int64]]:
    """The graph with new vertices at position ``t`` (0..1 from edge_u) along ``edge``, and the vertex of every
    given point. Splitting a straight segment keeps every network distance exact; a point within ``tolerance`` of
    an end or of another new point on the same edge shares that vertex."""
    edge = np.asarray(edge, dtype=np.int64)
    length = graph.edge_length[edge]
    position = np.clip(np.asarray(t, dtype=float), 0.0, 1.0) * length
    vertex = np.where(position <= length / 2, graph.edge_u[edge], graph.edge_v[edge])
    inner = (position > tolerance) & (length - position > tolerance)
    if not inner.any():
        return graph, vertex
    which = np.nonzero(inner)[0]
    order = which[np.lexsort((position[which], edge[which]))]
    e, p = edge[order], position[order]
    new = np.ones(len(order), dtype=bool)  # a new vertex unless it repeats the previous point of its edge
    new[1:] = (e[1:] != e[:-1]) | (p[1:] - p[:-1] > tolerance)
    new_id = graph.n_vertices + np.cumsum(new) - 1
    vertex[order] = new_id
    e, p, new_id = e[new], p[new], new_id[new]
    a, b = graph.xy[graph.edge_u[e]], graph.xy[graph.edge_v[e]]
    xy = np.concatenate([graph.xy, a + (b - a) * (p / graph.edge_length[e])[:, None]])

    # Each split edge becomes a chain u -> p1 -> ... -> pm -> v.
    first = np.ones(len(e), dtype=bool)
    first[1:] = e[1:] != e[:-1]
    last = np.ones(len(e), dtype=bool)
    last[:-1] = e[1:] != e[:-1]
    prev_vertex = np.where(first, graph.edge_u[e], np.r_[0, new_id[:-1]])
    prev_position = np.where(first, 0.0, np.r_[0.0, p[:-1]])
    sub_u = np.concatenate([prev_vertex, new_id[last]])
    sub_v = np.concatenate([new_id, graph.edge_v[e[last]]])
    sub_parent = np.concatenate([e, e[last]])
    sub_length = np.concatenate([p - prev_position, graph.edge_length[e[last]] - p[last]])

    keep = np.ones(graph.n_edges, dtype=bool)
    keep[e] = False
    scale = sub_length / graph.edge_length[sub_parent]
    u = np.concatenate([graph.edge_u[keep], sub_u])
    v = np.concatenate([graph.edge_v[keep], sub_v])
    edge_length = np.concatenate([graph.edge_length[keep], sub_length])
    edge_cost = np.concatenate([graph.edge_cost[keep], graph.edge_cost[sub_parent] * scale])
    edge_line = np.concatenate([graph.edge_line[keep], graph.edge_line[sub_parent]])
    component = np.concatenate([graph.component, graph.component[graph.edge_u[e]]])
    matrix = _adjacency(u, v, edge_cost, len(xy))
    split = StreetGraph(xy, u, v, edge_length, edge_line, matrix, component, graph.n_components, edge_cost)
    return split, vertex
