"""Where new open public space helps most: choose candidate sites that bring the most people within walking
distance (SDG 11.7.1 (b)) of an open public space.

The network, entrances and walking distances are those of ``access.public_space_access`` (core.network): the
street graph is built once with entrances inserted for the existing spaces and for every candidate; the people
served today come from one multi-source pass from the existing spaces; then each candidate gets one search
limited to the walking distance, and the people it would newly serve are found among the points snapped to the
edges it reaches only. A point is served by a set of spaces exactly when one of them serves it (the distance from
several sources is the least of their distances), so the problem is a maximal covering one:

- greedy with exact marginal gains (the standard (1 - 1/e) approximation; with a budget, the best of
  gain-per-cost greedy and the best single site, Khuller, Moss & Naor 1999), with an upper bound on the optimum
  from the gains left at each step (submodularity: f(OPT) <= f(S) + the best feasible sum of single gains);
- the exact maximal covering model (Church & ReVelle 1974) solved with HiGHS through ``scipy.optimize.milp``
  when the instance is small enough, with the optimality gap it proves; the better of the two is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, List, Optional, Sequence, Tuple, cast

import numpy as np

from ..geometry import PolygonSet, _flatten, contains_points, pair_distances
from ..network import (
    build_graph,
    insert_vertices,
    multi_source_distances,
    snap_to_edges,
    worker_threads,
)
from ..text import HabitatError, tr
from .access import _fmt, _subgraph, _walkable_from_extent, entry_points, street_entrances

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..network import Lines, StreetGraph
    from ..text import Progress

GREEDY = "greedy"
MILP = "milp"
# Largest covering model handed to the MILP solver: candidate-point pairs after points covered by the same set of
# candidates are merged. HiGHS solves covering models of this size in seconds (see bench/results_siting.txt); a
# larger one is left to greedy, whose bound still says how far from the optimum it can be.
MILP_MAX_PAIRS = 200_000
MILP_TIME_LIMIT = 30.0


@dataclass
class Coverage:
    """Who each candidate would newly serve."""

    n_candidates: int
    indptr: NDArray[np.int64]  # (n_candidates + 1,) CSR: candidate -> points it would newly serve
    indices: NDArray[np.int64]  # point numbers (into weights) per candidate
    weights: NDArray[np.float64]  # (n_points, n_groups) people of the analysed points, group 0 the total
    served_before: NDArray[np.bool_]  # bool per point: served by the existing spaces
    reachable: NDArray[np.bool_]  # bool per candidate: a street within the entry tolerance
    too_small: NDArray[np.bool_]  # bool per candidate: smaller than the minimum size (left out)
    area: NDArray[np.float64]  # m² per candidate
    n_vertices: int = 0
    n_edges: int = 0
    population_outside_extent: float = 0.0

    @property
    def population(self) -> NDArray[np.float64]:
        return self.weights.sum(axis=0)

    @property
    def served_population(self) -> NDArray[np.float64]:
        return self.weights[self.served_before].sum(axis=0)

    def points_of(self, candidate: int) -> NDArray[np.int64]:
        return self.indices[self.indptr[candidate] : self.indptr[candidate + 1]]

    @property
    def usable(self) -> NDArray[np.bool_]:
        return self.reachable & ~self.too_small


@dataclass
class Selection:
    """The chosen sites in order and how they were found."""

    order: List[int]  # candidate numbers, best first (greedy order within the chosen set)
    gains: NDArray[np.float64]  # (len(order), n_groups) people newly served by each site after those before it
    served: NDArray[np.float64]  # (len(order) + 1, n_groups) people served with 0, 1, ... of the sites built
    method: str  # GREEDY or MILP: which solution was kept
    objective: float  # people of the objective group newly served by all the sites
    greedy_objective: float
    milp_objective: Optional[float] = None  # None when the MILP was not run or found no solution
    upper_bound: Optional[float] = None  # proven bound on the best objective possible
    gap_pct: Optional[float] = None  # (bound - objective) / bound, in %
    milp_status: str = ""  # "optimal", "time limit", "too large", "not asked", "failed: …"
    pairs: int = 0  # candidate-point pairs of the covering model after merging identical points
    cost: float = 0.0  # total cost of the chosen sites (0 without costs)
    stopped_early: bool = False  # fewer sites than allowed: no other candidate serves anyone new (or fits)
    notes: List[str] = field(default_factory=list)


def candidate_coverage(
    lines: Lines,
    spaces: Optional[Sequence[Optional[BaseGeometry]]],
    candidates: Iterable[Optional[BaseGeometry]],
    points: ArrayLike,
    weights: ArrayLike,
    max_distance: float = 400.0,
    entry_tolerance: float = 25.0,
    tolerance: float = 0.01,
    extents: Optional[Sequence[Optional[BaseGeometry]]] = None,
    min_area: float = 0.0,
    progress: Optional[Progress] = None,
) -> Coverage:
    """Who is served today and whom each candidate polygon would newly serve (exact network distances, as
    ``public_space_access`` measures them with the same inputs)."""
    report = progress or (lambda fraction: None)
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    weights = np.asarray(weights, dtype=float).reshape(len(points), -1)
    if len(points) == 0 or not np.any(weights > 0):
        raise HabitatError(tr("The population input holds no people (all values are zero, empty or nodata)."))
    candidates = list(candidates)
    if not candidates:
        raise HabitatError(tr("There are no candidate sites to choose from."))
    area = np.array([shape.area if shape is not None and not shape.is_empty else 0.0 for shape in candidates])
    too_small = area < min_area
    if too_small.all():
        raise HabitatError(
            tr(
                "Every candidate site is smaller than the minimum size of {0} m²: lower the minimum "
                "size or give larger sites.",
                _fmt(min_area),
            )
        )
    spaces = [space for space in (spaces or []) if space is not None and not space.is_empty]

    graph = build_graph(lines, tolerance)
    outside_people = 0.0
    if extents:
        from shapely.ops import unary_union

        shapes = [shape for shape in extents if shape is not None and not shape.is_empty]
        if not shapes:
            raise HabitatError(tr("The urban extent has no polygon with an area."))
        extent = unary_union(shapes)
        inside = contains_points(extent, points)
        outside_people = float(weights[~inside, 0].sum())
        if not np.any(weights[inside, 0] > 0):
            raise HabitatError(
                tr(
                    "No people of the population input live inside the urban extent: check that the "
                    "population and the urban extent cover the same place."
                )
            )
        points, weights = points[inside], weights[inside]
        keep = _walkable_from_extent(graph, extent, max_distance)
        if not keep.any():
            raise HabitatError(
                tr(
                    "No street lies within {0} m of the urban extent: check that the streets and the "
                    "urban extent cover the same place.",
                    _fmt(max_distance),
                )
            )
        if not keep.all():
            graph = _subgraph(graph, keep)
    report(0.05)
    # Entrances of the existing spaces and of every usable candidate, inserted into the graph in one go.
    usable_shapes = [shape if not small else None for shape, small in zip(candidates, too_small)]
    if entry_tolerance > 0:
        edge, t = street_entrances(graph, spaces + [s for s in usable_shapes if s is not None], entry_tolerance)
        graph, _ = insert_vertices(graph, edge, t, tolerance)
    report(0.15)
    base = np.full(graph.n_vertices, np.inf)
    if spaces:
        entries, start_cost = entry_points(graph, spaces, entry_tolerance)
        base = multi_source_distances(graph, entries, start_cost, max_distance)
    pair_vertex, pair_candidate, pair_cost = _entry_pairs(graph, usable_shapes, entry_tolerance)
    reachable = np.zeros(len(candidates), dtype=bool)
    reachable[pair_candidate] = True
    if not reachable.any():
        raise HabitatError(
            tr(
                "No candidate site can be reached: no street passes inside a candidate or within {0} m "
                "of one. Check that the streets and the candidate sites cover the same place, or raise "
                "the entry tolerance.",
                _fmt(entry_tolerance),
            )
        )
    report(0.20)

    snap = snap_to_edges(graph, points, progress=lambda f: report(0.20 + 0.15 * f))
    # Every (point, edge) way on: the nearest edge and any other exactly as near (the walk takes the cheaper one).
    row_point = np.concatenate([np.arange(len(points)), snap.tie_point])
    row_edge = np.concatenate([snap.edge, snap.tie_edge])
    row_t = np.concatenate([snap.t, snap.tie_t])
    row_distance = _row_distances(graph, row_edge, row_t, snap.connector[row_point], base)
    point_distance = np.full(len(points), np.inf)
    np.minimum.at(point_distance, row_point, row_distance)
    served_before = point_distance <= max_distance
    # Only people not served yet, who live near enough to a street, can be won.
    open_point = ~served_before & (snap.connector <= max_distance) & np.any(weights > 0, axis=1)
    rows = np.flatnonzero(open_point[row_point])
    row_point, row_edge, row_t = row_point[rows], row_edge[rows], row_t[rows]
    row_connector = snap.connector[row_point]
    order = np.argsort(row_edge, kind="stable")
    row_point, row_edge, row_t, row_connector = row_point[order], row_edge[order], row_t[order], row_connector[order]
    edge_rows = np.r_[0, np.cumsum(np.bincount(row_edge, minlength=graph.n_edges))]
    # Edges at each vertex (CSR), to go from the vertices a search reaches to the people along their edges.
    ends = np.concatenate([graph.edge_u, graph.edge_v])
    by_vertex = np.argsort(ends, kind="stable")
    vertex_edges = np.concatenate([np.arange(graph.n_edges)] * 2)[by_vertex]
    vertex_ptr = np.r_[0, np.cumsum(np.bincount(ends, minlength=graph.n_vertices))]
    has_people = np.diff(edge_rows) > 0

    order = np.argsort(pair_candidate, kind="stable")
    pair_vertex, pair_candidate, pair_cost = pair_vertex[order], pair_candidate[order], pair_cost[order]
    pair_ptr = np.r_[0, np.cumsum(np.bincount(pair_candidate, minlength=len(candidates)))]
    covered: List[NDArray[np.int64]] = []
    todo = np.flatnonzero(reachable)
    for done, candidate in enumerate(todo):
        start, stop = pair_ptr[candidate], pair_ptr[candidate + 1]
        distance = multi_source_distances(graph, pair_vertex[start:stop], pair_cost[start:stop], max_distance)
        reached = np.flatnonzero(distance <= max_distance)
        edges = _gather(vertex_ptr, vertex_edges, reached)
        edges = np.unique(edges[has_people[edges]])
        if len(edges) == 0:
            covered.append(np.empty(0, dtype=np.int64))
        else:
            near = _gather(edge_rows, None, edges)
            walk = _row_distances(graph, row_edge[near], row_t[near], row_connector[near], distance)
            covered.append(np.unique(row_point[near[walk <= max_distance]]))
        if done % 20 == 0:
            report(0.35 + 0.60 * done / len(todo))
    sizes = np.zeros(len(candidates), dtype=np.int64)
    sizes[todo] = [len(c) for c in covered]
    indptr = np.r_[0, np.cumsum(sizes)]
    indices = np.concatenate(covered) if covered else np.empty(0, dtype=np.int64)
    report(1.0)
    return Coverage(
        len(candidates),
        indptr,
        indices.astype(np.int64),
        weights,
        served_before,
        reachable,
        too_small,
        area,
        graph.n_vertices,
        graph.n_edges,
        outside_people,
    )


def _row_distances(
    graph: StreetGraph,
    edge: NDArray[np.int64],
    t: NDArray[np.float64],
    connector: NDArray[np.float64],
    vertex_distance: NDArray[np.float64],
) -> NDArray[np.float64]:
    """core.network.point_distances for (edge, position, connector) rows."""
    from ..network import Snap, point_distances

    return point_distances(graph, Snap(edge, t, connector), vertex_distance)


def _gather(indptr: NDArray[np.int64], values: Optional[NDArray[np.int64]], items: ArrayLike) -> NDArray[np.int64]:
    """The CSR entries of ``items`` concatenated (their positions when ``values`` is None)."""
    items = np.asarray(items, dtype=np.int64)
    counts = indptr[items + 1] - indptr[items]
    positions = np.repeat(indptr[items] - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
    return positions if values is None else values[positions]


def _entry_pairs(
    graph: StreetGraph,
    shapes: Sequence[Optional[BaseGeometry]],
    entry_tolerance: float,
) -> Tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """(vertex, polygon, straight distance) of every vertex inside or within ``entry_tolerance`` of each polygon
    (``entry_points`` for each polygon on its own: a vertex near two candidates enters both)."""
    from scipy.spatial import cKDTree

    prepared = PolygonSet(shapes)
    empty = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0))
    if not prepared.index or graph.n_vertices == 0:
        return empty
    bounds = prepared.bounds
    centres = (bounds[:, :2] + bounds[:, 2:]) / 2.0
    radii = np.hypot(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) / 2.0 + entry_tolerance + 1e-6
    tree = cKDTree(graph.xy, balanced_tree=False, compact_nodes=False)
    pair_vertex, pair_polygon = _flatten(tree.query_ball_point(centres, radii, workers=worker_threads()))
    if len(pair_vertex) == 0:
        return empty
    distance = pair_distances(graph.xy, pair_vertex, pair_polygon, prepared)
    near = distance <= entry_tolerance
    index = np.asarray(prepared.index, dtype=np.int64)
    return pair_vertex[near], index[pair_polygon[near]], distance[near]


def choose_sites(
    coverage: Coverage,
    k: Optional[int] = None,
    group: int = 0,
    costs: Optional[ArrayLike] = None,
    budget: Optional[float] = None,
    use_milp: bool = True,
    time_limit: float = MILP_TIME_LIMIT,
    max_pairs: int = MILP_MAX_PAIRS,
) -> Selection:
    """At most ``k`` sites (None: no limit) costing at most ``budget`` in all (None: no budget; ``costs`` one per
    candidate) that newly serve the most people of population ``group``."""
    n = coverage.n_candidates
    if k is None and budget is None:
        raise HabitatError(tr("Give the number of new public spaces, a budget, or both."))
    if costs is not None:
        costs = np.asarray(costs, dtype=float)
    allowed = coverage.usable.copy()
    if budget is not None:
        if costs is None:
            raise HabitatError(tr("A budget needs the cost of every candidate site."))
        allowed &= costs <= budget
    weight = coverage.weights[:, group]
    greedy_order, bound = _greedy(coverage, weight, allowed, k, costs, budget)
    greedy_value = _value(coverage, weight, greedy_order)
    selection_order, method = greedy_order, GREEDY
    milp_value, status, pairs, milp_bound = None, "not asked", 0, None
    if use_milp:
        milp_order, milp_value, milp_bound, status, pairs = _milp(
            coverage, weight, allowed, k, costs, budget, time_limit, max_pairs
        )
        if (
            milp_order is not None
            and milp_value is not None
            and milp_value > greedy_value + 1e-9 * max(1.0, greedy_value)
        ):
            selection_order, method = milp_order, MILP
        if milp_bound is not None:
            bound = min(bound, milp_bound)
    best = max(greedy_value, milp_value if milp_value is not None else -np.inf)
    bound = max(bound, best)  # rounding: never a bound below a solution
    order = selection_order if method == GREEDY else _in_greedy_order(coverage, weight, selection_order)
    gains, served = _curve(coverage, order)
    limit = k if k is not None else n
    stopped = len(order) < min(limit, int(allowed.sum()))
    return Selection(
        order,
        gains,
        served,
        method,
        _value(coverage, weight, order),
        greedy_value,
        milp_value,
        bound,
        100.0 * (bound - best) / bound if bound > 0 else 0.0,
        status,
        pairs,
        float(costs[order].sum()) if costs is not None and order else 0.0,
        stopped,
    )


def _transpose(coverage: Coverage) -> Tuple[NDArray[np.int64], NDArray[np.int64]]:
    """CSR point -> candidates."""
    candidate_of = np.repeat(np.arange(coverage.n_candidates), np.diff(coverage.indptr))
    order = np.argsort(coverage.indices, kind="stable")
    ptr = np.r_[0, np.cumsum(np.bincount(coverage.indices, minlength=len(coverage.weights)))]
    return ptr, candidate_of[order]


def _greedy(
    coverage: Coverage,
    weight: NDArray[np.float64],
    allowed: NDArray[np.bool_],
    k: Optional[int],
    costs: Optional[NDArray[np.float64]],
    budget: Optional[float],
) -> Tuple[List[int], float]:
    """(order, upper bound on the optimum): the largest exact marginal gain first (per unit of cost with a
    budget, then compared with the best single site). Gains are kept exact by taking the newly served people's
    weight off every candidate that covers them."""
    point_ptr, point_candidates = _transpose(coverage)
    gains = (
        np.add.reduceat(np.r_[weight[coverage.indices], 0.0], coverage.indptr[:-1])
        if len(coverage.indices)
        else np.zeros(coverage.n_candidates)
    )
    gains = np.where(np.diff(coverage.indptr) > 0, gains, 0.0)
    gains[~allowed] = 0.0
    initial = gains.copy()
    covered = np.zeros(len(weight), dtype=bool)
    order: List[int] = []
    value, spent = 0.0, 0.0
    limit = k if k is not None else coverage.n_candidates
    bound = _gain_bound(gains, allowed, limit, costs, budget)
    chosen = np.zeros(coverage.n_candidates, dtype=bool)
    while len(order) < limit:
        fits = allowed & ~chosen & (gains > 0)
        if budget is not None:
            assert costs is not None  # a budget comes with costs (choose_sites)
            fits &= costs <= budget - spent + 1e-9 * max(1.0, budget)
        if not fits.any():
            break
        if budget is None:
            score = np.where(fits, gains, -np.inf)
        else:
            assert costs is not None
            with np.errstate(divide="ignore"):
                ratio = np.where(costs > 0, gains / np.where(costs > 0, costs, 1.0), np.inf)
            score = np.where(fits, ratio, -np.inf)
            best = score.max()
            score = np.where(score == best, gains, -np.inf)  # equal ratios: the larger gain
        j = int(np.argmax(score))
        chosen[j] = True
        order.append(j)
        value += gains[j]
        if budget is not None:
            assert costs is not None
            spent += costs[j]
        new = coverage.points_of(j)
        new = new[~covered[new]]
        covered[new] = True
        touched = _gather(point_ptr, point_candidates, new)
        np.subtract.at(gains, touched, np.repeat(weight[new], point_ptr[new + 1] - point_ptr[new]))
        gains[~allowed | chosen] = 0.0
        np.maximum(gains, 0.0, out=gains)  # rounding
        # f(OPT) <= f(S) + the sum of the gains (given S) of OPT's sites, which obey the same limits.
        bound = min(bound, value + _gain_bound(gains, allowed & ~chosen, limit, costs, budget))
    if budget is not None:  # the best single site, when it beats the ratio greedy
        assert costs is not None
        single = np.where(allowed & (costs <= budget), initial, -np.inf)
        j = int(np.argmax(single))
        if single[j] > _value(coverage, weight, order) + 1e-9:
            order = [j]
    return order, bound


def _gain_bound(
    gains: NDArray[np.float64],
    allowed: NDArray[np.bool_],
    k: int,
    costs: Optional[NDArray[np.float64]],
    budget: Optional[float],
) -> float:
    """The most the single gains can add up to: the ``k`` largest, and with a budget the fractional knapsack."""
    g = np.where(allowed, gains, 0.0)
    g = g[g > 0]
    if len(g) == 0 or k <= 0:
        return 0.0
    bound = float(np.sort(g)[::-1][:k].sum())
    if budget is not None:
        assert costs is not None  # a budget comes with costs
        c = np.where(allowed, costs, np.inf)[np.where(allowed, gains, 0.0) > 0]
        free = c <= 0
        total = float(g[free].sum())
        g, c = g[~free], c[~free]
        order = np.argsort(-(g / c), kind="stable")
        room = max(budget, 0.0)
        for gain, cost in zip(g[order], c[order]):
            if cost <= room:
                total += gain
                room -= cost
            else:
                total += gain * room / cost
                break
        bound = min(bound, total)
    return bound


def _value(coverage: Coverage, weight: NDArray[np.float64], order: Sequence[int]) -> float:
    if not len(order):
        return 0.0
    points = np.unique(np.concatenate([coverage.points_of(j) for j in order]))
    return float(weight[points].sum())


def _in_greedy_order(coverage: Coverage, weight: NDArray[np.float64], chosen: Sequence[int]) -> List[int]:
    """The chosen sites ordered by marginal gain (largest first, then the lower number), for the curve."""
    allowed = np.zeros(coverage.n_candidates, dtype=bool)
    allowed[list(chosen)] = True
    order, _ = _greedy(coverage, weight, allowed, len(chosen), None, None)
    return order + sorted(set(chosen) - set(order))  # sites that add nobody come last


def _curve(coverage: Coverage, order: Sequence[int]) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    covered = coverage.served_before.copy()
    served = [coverage.weights[covered].sum(axis=0)]
    gains = []
    for j in order:
        points = coverage.points_of(j)
        new = points[~covered[points]]
        covered[new] = True
        gains.append(coverage.weights[new].sum(axis=0))
        served.append(served[-1] + gains[-1])
    n_groups = coverage.weights.shape[1]
    return np.array(gains).reshape(-1, n_groups), np.array(served).reshape(-1, n_groups)


def covering_model(
    coverage: Coverage,
    weight: NDArray[np.float64],
    allowed: NDArray[np.bool_],
) -> Tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    """The maximal covering model's data: points covered by exactly the same allowed candidates merged into one
    class with their total weight. Returns (candidates, class weights, class CSR over candidate positions)."""
    point_ptr, point_candidates = _transpose(coverage)
    keep_pair = allowed[point_candidates]
    point_of_pair = np.repeat(np.arange(len(weight)), np.diff(point_ptr))
    point_of_pair, cand = point_of_pair[keep_pair], point_candidates[keep_pair]
    candidates, cand = np.unique(cand, return_inverse=True)
    counts = np.bincount(point_of_pair, minlength=len(weight))
    useful = (counts > 0) & (weight > 0)
    keep = useful[point_of_pair]
    point_of_pair, cand = point_of_pair[keep], cand[keep]
    points = np.flatnonzero(useful)
    if len(points) == 0:
        return candidates, np.empty(0), np.zeros(1, dtype=np.int64), np.empty(0, dtype=np.int64)
    # A point's candidate set as three keys (count, sum and xor of random 64-bit labels): equal sets, equal keys.
    rng = np.random.default_rng(12345)
    label_a = rng.integers(0, 2**63, size=len(candidates), dtype=np.int64).astype(np.uint64)
    label_b = rng.integers(0, 2**63, size=len(candidates), dtype=np.int64).astype(np.uint64)
    starts = np.r_[0, np.cumsum(counts[points])[:-1]]
    with np.errstate(over="ignore"):
        key_sum = np.add.reduceat(label_a[cand], starts)
    key_xor = np.bitwise_xor.reduceat(label_b[cand], starts)
    keys = np.stack([counts[points].astype(np.uint64), key_sum, key_xor], axis=1)
    _, first, class_of = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    class_weight = cast(
        "NDArray[np.float64]", np.bincount(class_of.ravel(), weights=weight[points], minlength=len(first))
    )
    # Each class's candidates: those of its first point.
    ptr = np.r_[0, np.cumsum(counts[points])]
    lengths = counts[points[first]]
    class_ptr = np.r_[0, np.cumsum(lengths)]
    class_candidates = cand[np.repeat(ptr[first] - class_ptr[:-1], lengths) + np.arange(int(lengths.sum()))]
    return candidates, class_weight, class_ptr, class_candidates


def _milp(
    coverage: Coverage,
    weight: NDArray[np.float64],
    allowed: NDArray[np.bool_],
    k: Optional[int],
    costs: Optional[NDArray[np.float64]],
    budget: Optional[float],
    time_limit: float,
    max_pairs: int,
) -> Tuple[Optional[List[int]], Optional[float], Optional[float], str, int]:
    """(order or None, value, upper bound or None, status, pairs) of the exact maximal covering model."""
    candidates, class_weight, class_ptr, class_candidates = covering_model(coverage, weight, allowed)
    pairs = len(class_candidates)
    if len(class_weight) == 0:
        return [], 0.0, 0.0, "optimal", 0
    if pairs > max_pairs:
        return None, None, None, "too large", pairs
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix, vstack

    m, c = len(candidates), len(class_weight)
    # Variables: x (one per candidate, binary), then y (one per class, 0..1). Maximise sum w y.
    objective = np.r_[np.zeros(m), -class_weight]
    rows = np.repeat(np.arange(c), np.diff(class_ptr))
    cover = coo_matrix(
        (np.r_[-np.ones(pairs), np.ones(c)], (np.r_[rows, np.arange(c)], np.r_[class_candidates, m + np.arange(c)])),
        shape=(c, m + c),
    )
    blocks: List[Any] = [cover]
    upper: List[ArrayLike] = [np.zeros(c)]
    if k is not None:
        blocks.append(coo_matrix(np.r_[np.ones(m), np.zeros(c)][None, :]))
        upper.append([float(k)])
    if budget is not None:
        assert costs is not None  # a budget comes with costs
        blocks.append(coo_matrix(np.r_[costs[candidates], np.zeros(c)][None, :]))
        upper.append([float(budget)])
    matrix = vstack(blocks).tocsr()
    constraint = LinearConstraint(matrix, -np.inf, np.concatenate(upper))
    try:
        result = milp(
            objective,
            constraints=constraint,
            integrality=np.r_[np.ones(m), np.zeros(c)],
            bounds=Bounds(0.0, 1.0),
            options={"time_limit": float(time_limit), "mip_rel_gap": 1e-7, "presolve": True},
        )
    except Exception as error:  # noqa: BLE001 - the solver's own failure: greedy stands, the log says why
        return None, None, None, f"failed: {error}", pairs
    x = getattr(result, "x", None)
    bound = getattr(result, "mip_dual_bound", None)
    bound = -float(bound) if bound is not None and np.isfinite(bound) else None
    status = "optimal" if result.status == 0 else ("time limit" if result.status == 1 else f"failed: {result.message}")
    if x is None:
        return None, None, bound, status, pairs
    order = [int(j) for j in candidates[x[:m] > 0.5]]
    return order, _value(coverage, weight, order), bound, status, pairs
