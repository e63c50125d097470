"""SDG 11.7.1 part (b): share of the urban population within walking distance of an open public space.

One multi-source shortest-path pass over the street network from every public space entrance at once, then every
population point snapped to its nearest edge (see core.network for the exact semantics).

Entrances: a space is entered wherever a street passes within the entry tolerance of its edge — at street
vertices, at the point of each street segment nearest to the space (mid-segment included: the segment is split
there, which keeps every distance exact) and every ``ENTRANCE_SPACING`` metres along a segment that runs beside
the space. The walk starts with the straight distance from the entrance to the space (0 inside it).

Urban extent: only people inside it count (per city when there are several); the network is kept to the extent
plus a margin that holds every walk of at most the walking distance that starts inside it.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..geometry import (
    OwnPolygonDistance,
    PolygonSet,
    _expand,
    _flatten,
    _pairs,
    contains_points,
    distance_to_own_polygon,
    distance_to_polygons,
    nearest_on_segments,
    polygon_of_points,
)
from ..network import (
    StreetGraph,
    build_graph,
    insert_vertices,
    multi_source_distances,
    point_distances,
    prefer_shorter_walk,
    reachable_parts,
    snap_to_edges,
    worker_threads,
)
from ..text import HabitatError, tr, tr_noop

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..network import Lines
    from ..text import Progress

NETWORK = "network"
STRAIGHT_LINE = "straight_line"
# Seed baselines shown beside a city's result. 35 % (regions 22–67 %) is the global figure of UN-Habitat's
# SDG 11.7.1 (b) seed data as the project's issue gives it; the SDG Report 2019 gave 21 % for 220 cities (2018).
GLOBAL_BASELINE_PCT = 35
REGIONAL_BASELINE_RANGE_PCT = (22, 67)
BASELINE_SOURCE = tr_noop(
    "globally about 35 % of the urban population lives within 400 m walking distance of an "
    "open public space, from 22 % to 67 % by region (UN-Habitat's SDG 11.7.1 seed data); the "
    "SDG Report 2019 gave 21 % for 220 cities in 2018. Samples of cities differ: compare "
    "with care."
)
ENTRANCE_SPACING = 10.0  # metres between entrances along a street that runs beside a space
_SEARCH_STEP = 100.0  # metres between the sample points that find the street segments near a space


@dataclass
class AccessResult:
    graph: StreetGraph
    vertex_distance: NDArray[np.float64]  # network distance of every vertex to the nearest space (inf beyond the limit)
    entry_vertices: NDArray[np.int64]
    point_distance: NDArray[np.float64]  # network distance of every population point
    served: NDArray[np.bool_]  # bool per point, network method
    # bool per point, straight-line buffer (None when not asked)
    served_straight_line: Optional[NDArray[np.bool_]] = None
    district_of_point: Optional[NDArray[np.int64]] = None  # index into district polygons, -1 outside all
    # summary rows: city, district, group, method, population, served…
    rows: List[Dict[str, Any]] = field(default_factory=list)
    unreachable_population: float = 0.0  # people on network parts with no public space entry at all
    components_without_space: int = 0
    city_of_point: Optional[NDArray[np.int64]] = None  # index into the urban extents, per kept point
    # index of each analysed point in the input (all when there is no extent)
    kept_points: Optional[NDArray[np.int64]] = None
    population_outside_extent: float = 0.0  # people of the input outside every urban extent (left out)
    population_input: float = 0.0  # people of the whole input (group 0)
    far_from_streets_population: float = 0.0  # people farther than the walking distance from any street
    mid_segment_entrances: int = 0  # entrances added inside street segments
    edges_outside_extent: int = 0  # street segments left out: too far from the extent to be walked from it


def entry_points(
    graph: StreetGraph, spaces: Union[PolygonSet, Sequence[Optional[BaseGeometry]]], entry_tolerance: float
) -> Tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Vertices inside a space or within ``entry_tolerance`` of one, with the straight distance as start cost."""
    distance, _ = distance_to_polygons(graph.xy, spaces, entry_tolerance)
    entries = np.nonzero(np.isfinite(distance))[0]
    return entries, distance[entries]


def street_entrances(
    graph: StreetGraph,
    spaces: Union[PolygonSet, Sequence[Optional[BaseGeometry]]],
    entry_tolerance: float,
    spacing: float = ENTRANCE_SPACING,
) -> Tuple[NDArray[np.int64], NDArray[np.float64]]:
    """(edge, t) of every entrance inside a street segment: the point of the segment nearest to each space within
    ``entry_tolerance``, and points ``spacing`` apart along the part of the segment within the tolerance."""
    from scipy.spatial import cKDTree

    prepared = spaces if isinstance(spaces, PolygonSet) else PolygonSet(spaces)
    a, b, length = graph.xy[graph.edge_u], graph.xy[graph.edge_v], graph.edge_length
    if not prepared.index or graph.n_edges == 0:
        return np.empty(0, dtype=np.int64), np.empty(0)
    # Sample points in the middle of pieces at most _SEARCH_STEP long on every segment: a segment point within the
    # tolerance of a space lies within half a step of a sample, so the samples near a space's box find every
    # candidate segment.
    pieces = np.maximum(np.ceil(length / _SEARCH_STEP), 1).astype(np.int64)
    edge_of_sample = np.repeat(np.arange(graph.n_edges), pieces)
    offsets = np.arange(len(edge_of_sample)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    fraction = (offsets + 0.5) / np.repeat(pieces, pieces)
    tree = cKDTree(
        a[edge_of_sample] + (b - a)[edge_of_sample] * fraction[:, None], balanced_tree=False, compact_nodes=False
    )
    bounds = prepared.bounds
    centres = (bounds[:, :2] + bounds[:, 2:]) / 2.0
    radii = (
        np.hypot(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) / 2.0
        + entry_tolerance
        + _SEARCH_STEP / 2.0
        + 1e-6
    )
    found, space_of = _flatten(tree.query_ball_point(centres, radii, workers=worker_threads()))
    # Candidate (space, edge) pairs in that order, each once; all measured at once, not space by space.
    n_edges = np.int64(graph.n_edges)
    pair_space, pair_edge = np.divmod(np.unique(space_of * n_edges + edge_of_sample[found]), n_edges)
    flat, _, count = prepared.flat()
    nearest_t, nearest_d = np.empty(len(pair_edge)), np.empty(len(pair_edge))
    for start, stop in _pairs(count[pair_space], 500_000):
        pair, segment, first = _expand(pair_space, prepared, start, stop)
        edges = pair_edge[pair]
        t, distance = nearest_on_segments(a[edges], b[edges], flat[segment, :2], flat[segment, 2:])
        # the first ring segment nearest to each pair's street segment, as argmin would pick it
        nearest = np.minimum.reduceat(distance, first)
        at_minimum = np.flatnonzero(distance == np.repeat(nearest, np.diff(np.r_[first, len(distance)])))
        nearest_t[start:stop] = t[at_minimum[np.minimum(np.searchsorted(at_minimum, first), len(at_minimum) - 1)]]
        nearest_d[start:stop] = nearest
    near = nearest_d <= entry_tolerance
    if not near.any():
        return np.empty(0, dtype=np.int64), np.empty(0)
    return _stretch_entrances(
        a, b, length, pair_edge[near], pair_space[near], nearest_t[near], prepared, entry_tolerance, spacing
    )


def _stretch_entrances(
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    length: NDArray[np.float64],
    edges: NDArray[np.int64],
    spaces: NDArray[np.int64],
    t_nearest: NDArray[np.float64],
    prepared: PolygonSet,
    entry_tolerance: float,
    spacing: float,
) -> Tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Entrances on each (edge, space) pair: the nearest point, points ``spacing`` apart where the street is within
    the tolerance, and the two ends of every such stretch (found by bisection, all pairs at once).

    A walker arriving from outside a stretch does best to enter at its end (the straight distance to the space
    shrinks by at most a metre per metre walked), so vertex distances are exact; a person living on the stretch
    itself walks at most ``spacing`` metres more than a free crossing would take."""
    steps = np.floor(length[edges] / spacing).astype(np.int64)
    pair_of_step = np.repeat(np.arange(len(edges)), steps)
    index = np.arange(steps.sum()) - np.repeat(np.cumsum(steps) - steps, steps) + 1
    pair = np.concatenate([np.arange(len(edges))] * 3 + [pair_of_step])
    sample_t = np.concatenate(
        [
            np.zeros(len(edges)),
            np.ones(len(edges)),
            t_nearest,
            np.minimum(index * spacing / length[edges[pair_of_step]], 1.0),
        ]
    )
    order = np.lexsort((sample_t, pair))
    pair, sample_t = pair[order], sample_t[order]

    def within(pairs: NDArray[np.int64], t: NDArray[np.float64]) -> NDArray[np.bool_]:
        edge = edges[pairs]
        points = a[edge] + (b - a)[edge] * t[:, None]
        return distance_to_own_polygon(points, spaces[pairs], prepared) <= entry_tolerance

    inside = within(pair, sample_t)
    flip = np.nonzero((pair[1:] == pair[:-1]) & (inside[1:] != inside[:-1]))[0]
    flip_pair = pair[flip]
    inner = np.where(inside[flip], sample_t[flip], sample_t[flip + 1])  # the end within the tolerance
    outer = np.where(inside[flip], sample_t[flip + 1], sample_t[flip])
    # The same pairs 40 times: their segment ends and ring segments gathered once (when they fit in memory).
    flip_edge = edges[flip_pair]
    start, step = a[flip_edge], (b - a)[flip_edge]
    _, _, count = prepared.flat()
    to_space = (
        OwnPolygonDistance(spaces[flip_pair], prepared) if int(count[spaces[flip_pair]].sum()) <= 2_000_000 else None
    )
    for _ in range(40):  # 2^-40 of the segment: well under a millimetre
        middle = (inner + outer) / 2.0
        ok = (
            to_space(start + step * middle[:, None]) <= entry_tolerance
            if to_space is not None
            else within(flip_pair, middle)
        )
        inner, outer = np.where(ok, middle, inner), np.where(ok, outer, middle)
    return np.concatenate([edges[pair[inside]], edges[flip_pair]]), np.concatenate([sample_t[inside], inner])


def _walkable_from_extent(graph: StreetGraph, extent: BaseGeometry, max_distance: float) -> NDArray[np.bool_]:
    """Edges that a walk of at most ``max_distance`` starting inside ``extent`` can use (a superset).

    Such a walk stays within ``max_distance`` of the extent, so an edge it uses has a point within that distance,
    hence an end within ``max_distance`` + its length. Edges up to twice the walking distance long are kept when an
    end lies within three walking distances; longer ones are tested one by one."""
    from shapely.geometry import LineString

    margin = max_distance + 2.0 * max_distance
    near = contains_points(extent.buffer(margin, 16), graph.xy)
    keep = near[graph.edge_u] | near[graph.edge_v]
    zone = extent.buffer(max_distance, 16)
    for edge in np.nonzero(~keep & (graph.edge_length > 2.0 * max_distance))[0]:
        keep[edge] = LineString([graph.xy[graph.edge_u[edge]], graph.xy[graph.edge_v[edge]]]).intersects(zone)
    return keep


def _subgraph(graph: StreetGraph, keep_edges: NDArray[np.bool_]) -> StreetGraph:
    """The graph with only ``keep_edges`` and the vertices they use (renumbered)."""
    from scipy.sparse.csgraph import connected_components

    from ..network import _adjacency

    used, inverse = np.unique(np.concatenate([graph.edge_u[keep_edges], graph.edge_v[keep_edges]]), return_inverse=True)
    u, v = np.split(inverse, 2)
    cost = graph.edge_cost[keep_edges]
    matrix = _adjacency(u, v, cost, len(used))
    n_components, component = connected_components(matrix, directed=False)
    return StreetGraph(
        graph.xy[used],
        u,
        v,
        graph.edge_length[keep_edges],
        graph.edge_line[keep_edges],
        matrix,
        component,
        n_components,
        cost,
    )


def public_space_access(
    lines: Lines,
    spaces: Sequence[Optional[BaseGeometry]],
    points: ArrayLike,
    weights: ArrayLike,
    group_names: Sequence[str],
    districts: Optional[Sequence[Optional[BaseGeometry]]] = None,
    district_names: Optional[Sequence[str]] = None,
    max_distance: float = 400.0,
    entry_tolerance: float = 25.0,
    tolerance: float = 0.01,
    distance_limit: Optional[float] = None,
    straight_line: bool = True,
    progress: Optional[Progress] = None,
    extents: Optional[Sequence[Optional[BaseGeometry]]] = None,
    extent_names: Optional[Sequence[str]] = None,
    mid_segment_entrances: bool = True,
) -> AccessResult:
    """Compute walking access; ``weights`` is (n_points, n_groups), group 0 being the total population.

    ``extents`` (urban extent polygons, one per city, with ``extent_names``) keep the people inside them and the
    streets a walk from inside can use; without them every point counts."""
    report = progress or (lambda fraction: None)
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    weights = np.asarray(weights, dtype=float).reshape(len(points), -1)
    if len(points) == 0 or not np.any(weights > 0):
        raise HabitatError(tr("The population input holds no people (all values are zero, empty or nodata)."))
    spaces = PolygonSet([space for space in spaces if space is not None and not space.is_empty])
    if not spaces.count:
        raise HabitatError(tr("There is no public space to measure access to."))
    population_input = float(weights[:, 0].sum())

    graph = build_graph(lines, tolerance)
    kept_points, city_of_point, outside_people, edges_cut = np.arange(len(points)), None, 0.0, 0
    if extents:
        from shapely.ops import unary_union

        extent_shapes = [shape for shape in extents if shape is not None and not shape.is_empty]
        if not extent_shapes:
            raise HabitatError(tr("The urban extent has no polygon with an area."))
        city_of_point = np.full(len(points), -1, dtype=np.int64)
        for index, shape in enumerate(extents):
            if shape is not None and not shape.is_empty:
                free = city_of_point < 0
                city_of_point[free] = np.where(contains_points(shape, points[free]), index, -1)
        inside = city_of_point >= 0
        outside_people = float(weights[~inside, 0].sum())
        if not np.any(weights[inside, 0] > 0):
            raise HabitatError(
                tr(
                    "No people of the population input live inside the urban extent: check that the "
                    "population and the urban extent cover the same place."
                )
            )
        kept_points, city_of_point = np.nonzero(inside)[0], city_of_point[inside]
        points, weights = points[inside], weights[inside]
        keep = _walkable_from_extent(graph, unary_union(extent_shapes), max(distance_limit or 0.0, max_distance))
        if not keep.any():
            raise HabitatError(
                tr(
                    "No street lies within {0} m of the urban extent: check that the streets and the "
                    "urban extent cover the same place.",
                    _fmt(max_distance),
                )
            )
        edges_cut = int((~keep).sum())
        if edges_cut:
            graph = _subgraph(graph, keep)
    # The straight-line buffer and the districts need no network: they are measured on the other core meanwhile
    # (numpy and scipy only there: shapely 1.8 shares one GEOS handle between threads).
    beside_args = (
        points,
        spaces,
        max_distance if straight_line else None,
        PolygonSet(districts) if districts else None,
    )
    beside: Optional[Future[Tuple[Optional[NDArray[np.bool_]], Optional[NDArray[np.int64]]]]] = None
    if worker_threads() > 1:
        pool = ThreadPoolExecutor(max_workers=1)
        beside = pool.submit(_without_network, *beside_args)
        pool.shutdown(wait=False)
    report(0.10)
    added = 0
    if mid_segment_entrances and entry_tolerance > 0:
        edge, t = street_entrances(graph, spaces, entry_tolerance)
        vertices_before = graph.n_vertices
        graph, _ = insert_vertices(graph, edge, t, tolerance)
        added = graph.n_vertices - vertices_before
    entries, start_cost = entry_points(graph, spaces, entry_tolerance)
    if len(entries) == 0:
        raise HabitatError(
            tr(
                "No street reaches a public space: no street passes inside a space or within {0} m of one. "
                "Check that streets and spaces overlap, or raise the entry tolerance.",
                _fmt(entry_tolerance),
            )
        )
    report(0.20)
    limit = max(distance_limit or 0.0, max_distance)
    vertex_distance = multi_source_distances(graph, entries, start_cost, limit)
    report(0.35)
    snap, far = snap_people(graph, points, weights, vertex_distance, max_distance, lambda f: report(0.35 + 0.35 * f))
    distance = point_distances(graph, snap, vertex_distance)
    served = distance <= max_distance

    components_with_space = np.unique(graph.component[entries])
    point_component = graph.component[graph.edge_u[snap.edge]]
    cut_off = ~np.isin(point_component, components_with_space)
    result = AccessResult(graph, vertex_distance, entries, distance, served)
    result.unreachable_population = float(weights[cut_off, 0].sum())
    result.components_without_space = int(graph.n_components - len(components_with_space))
    result.city_of_point, result.kept_points = city_of_point, kept_points
    result.population_outside_extent, result.population_input = outside_people, population_input
    result.far_from_streets_population = float(weights[far, 0].sum())
    result.mid_segment_entrances, result.edges_outside_extent = added, edges_cut

    result.served_straight_line, result.district_of_point = (
        beside.result() if beside is not None else _without_network(*beside_args)
    )
    report(0.95)
    city_names = list(extent_names or []) if extents and len(extents) > 1 else []
    result.rows = summary_rows(result, weights, group_names, district_names or [], city_names)
    report(1.0)
    return result


def _without_network(
    points: NDArray[np.float64],
    spaces: PolygonSet,
    max_distance: Optional[float],
    districts: Optional[PolygonSet],
) -> Tuple[Optional[NDArray[np.bool_]], Optional[NDArray[np.int64]]]:
    """(served by the straight-line buffer of ``max_distance`` or None, district of each point or None)."""
    served = np.isfinite(distance_to_polygons(points, spaces, max_distance)[0]) if max_distance is not None else None
    return served, polygon_of_points(points, districts) if districts is not None else None


def summary_rows(
    result: AccessResult,
    weights: NDArray[np.float64],
    group_names: Sequence[str],
    district_names: Sequence[str],
    city_names: Sequence[str] = (),
) -> List[Dict[str, Any]]:
    """Population and served population per area x group x method; the areas are all the people analysed
    (city and district None), each city when there are several, and each district."""
    methods: List[Tuple[str, NDArray[np.bool_]]] = [(NETWORK, result.served)]
    if result.served_straight_line is not None:
        methods.append((STRAIGHT_LINE, result.served_straight_line))
    everyone = np.ones(len(weights), dtype=bool)
    areas: List[Tuple[Optional[str], Optional[str], NDArray[np.bool_]]] = [(None, None, everyone)]
    if result.city_of_point is not None:
        areas += [(name, None, result.city_of_point == index) for index, name in enumerate(city_names)]
    if result.district_of_point is not None:
        areas += [(None, name, result.district_of_point == index) for index, name in enumerate(district_names)]
    rows = []
    for city, district, in_area in areas:
        for method, served in methods:
            for column, group in enumerate(group_names):
                population = float(weights[in_area, column].sum())
                reached = float(weights[in_area & served, column].sum())
                rows.append(
                    {
                        "city": city,
                        "district": district,
                        "group": group,
                        "method": method,
                        "population": population,
                        "served": reached,
                        "share_pct": 100.0 * reached / population if population > 0 else None,
                    }
                )
    return rows


def distance_band(distance: ArrayLike, max_distance: float) -> NDArray[np.int64]:
    """Map band of each distance: 1-4 the quarters of the walking distance, 5 up to twice it, 6 beyond."""
    distance = np.asarray(distance, dtype=float)
    band = np.full(distance.shape, 6, dtype=np.int64)
    for number, upper in ((5, 2.0), (4, 1.0), (3, 0.75), (2, 0.5), (1, 0.25)):
        band[distance <= upper * max_distance] = number
    return band


def band_labels(max_distance: float) -> Dict[int, str]:
    """Translated legend label of each distance band."""
    edges = [0.0, 0.25, 0.5, 0.75, 1.0, 2.0]
    labels = {
        number: tr("{0}–{1} m", _fmt(edges[number - 1] * max_distance), _fmt(edges[number] * max_distance))
        for number in range(1, 6)
    }
    labels[6] = tr("more than {0} m or not reached", _fmt(2.0 * max_distance))
    return labels


def edge_distances(result: AccessResult) -> NDArray[np.float64]:
    """Walking distance of each street segment of the result's graph to the nearest space: that of its nearer
    end (inf beyond the search limit), the distance the network layer and the report's map are coloured by."""
    graph = result.graph
    return np.minimum(result.vertex_distance[graph.edge_u], result.vertex_distance[graph.edge_v])


def service_area(
    graph: StreetGraph,
    vertex_distance: NDArray[np.float64],
    max_distance: float,
    buffer: float,
) -> Optional[BaseGeometry]:
    """The walking service area to draw on a map: the street pieces within ``max_distance`` of a space (each
    segment walked from either end as far as the distance left allows), buffered by ``buffer`` metres; None when
    no street is within reach."""
    from shapely.geometry import MultiLineString

    from_u, from_v = reachable_parts(graph, vertex_distance, max_distance)
    a, b = graph.xy[graph.edge_u], graph.xy[graph.edge_v]
    direction = (b - a) / graph.edge_length[:, None]
    pieces: List[Tuple[Tuple[float, ...], Tuple[float, ...]]] = []
    for start, step, reach in ((a, direction, from_u), (b, -direction, from_v)):
        hit = reach > 0
        ends = start[hit] + step[hit] * reach[hit, None]
        pieces.extend(zip(map(tuple, start[hit]), map(tuple, ends)))
    return MultiLineString(pieces).buffer(buffer, 4) if pieces else None


def snap_people(
    graph: StreetGraph,
    points: NDArray[np.float64],
    weights: NDArray[np.float64],
    vertex_distance: NDArray[np.float64],
    max_distance: float,
    progress: Optional[Progress] = None,
) -> Tuple[Any, NDArray[np.bool_]]:
    """Each person's way onto the street network (the nearest street, or a farther one whose walk is shorter) and
    whether that street is beyond ``max_distance``; a clear error when nobody reaches a street."""
    snap = prefer_shorter_walk(graph, snap_to_edges(graph, points, progress=progress), vertex_distance)
    far = snap.connector > max_distance
    if np.all(far | (weights[:, 0] <= 0)):
        raise HabitatError(
            tr(
                "No populated place lies within {0} m of a street: check that the population input "
                "and the street network cover the same place (and the same coordinate system).",
                _fmt(max_distance),
            )
        )
    return snap, far


def _fmt(value: float) -> str:
    return f"{value:g}"


def check_overlap(
    points: NDArray[np.float64],
    street_coords: NDArray[np.float64],
    max_distance: float,
    population_name: str,
    streets_name: str,
) -> None:
    """People and streets far apart are two places (or a CRS read wrongly): say so, naming both, rather than
    report "0 % served"."""
    if len(points) == 0 or len(street_coords) == 0:
        return
    people = np.r_[points.min(axis=0), points.max(axis=0)]
    streets = np.r_[street_coords.min(axis=0), street_coords.max(axis=0)]
    gap_x = max(streets[0] - people[2], people[0] - streets[2], 0.0)
    gap_y = max(streets[1] - people[3], people[1] - streets[3], 0.0)
    gap = float(np.hypot(gap_x, gap_y))
    if gap > max_distance:
        raise HabitatError(
            tr(
                'The population input "{0}" and the streets "{1}" do not overlap: the people are '
                "{2} km from the nearest street. Check that both cover the same place and that each "
                "layer's coordinate system is right.",
                population_name,
                streets_name,
                f"{gap / 1000:,.1f}",
            )
        )
