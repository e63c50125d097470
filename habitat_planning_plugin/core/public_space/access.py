"""SDG 11.7.1 part (b): share of the population within walking distance of an open public space.

One multi-source shortest-path pass over the street network from every public space entry at once, then every
population point snapped to its nearest edge (see core.network for the exact semantics).
"""

from dataclasses import dataclass, field

import numpy as np

from ..geometry import PolygonSet, distance_to_polygons, polygon_of_points
from ..network import StreetGraph, build_graph, multi_source_distances, point_distances, snap_to_edges
from ..text import HabitatError, tr

NETWORK = "network"
STRAIGHT_LINE = "straight_line"


@dataclass
class AccessResult:
    graph: StreetGraph
    vertex_distance: np.ndarray  # network distance of every vertex to the nearest space (inf beyond the limit)
    entry_vertices: np.ndarray
    point_distance: np.ndarray  # network distance of every population point
    served: np.ndarray  # bool per point, network method
    served_straight_line: np.ndarray = None  # bool per point, straight-line buffer (None when not asked)
    district_of_point: np.ndarray = None  # index into district polygons, -1 outside all
    rows: list = field(default_factory=list)  # summary rows: district, group, method, population, served, share
    unreachable_population: float = 0.0  # people on network parts with no public space entry at all
    components_without_space: int = 0


def entry_points(graph: StreetGraph, spaces, entry_tolerance: float):
    """Vertices inside a space or within ``entry_tolerance`` of one, with the straight distance as start cost."""
    distance, _ = distance_to_polygons(graph.xy, spaces, entry_tolerance)
    entries = np.nonzero(np.isfinite(distance))[0]
    return entries, distance[entries]


def public_space_access(
    lines,
    spaces,
    points,
    weights,
    group_names,
    districts=None,
    district_names=None,
    max_distance: float = 400.0,
    entry_tolerance: float = 25.0,
    tolerance: float = 0.01,
    distance_limit: float = None,
    straight_line: bool = True,
    progress=None,
) -> AccessResult:
    """Compute walking access; ``weights`` is (n_points, n_groups), group 0 being the total population."""
    report = progress or (lambda fraction: None)
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    weights = np.asarray(weights, dtype=float).reshape(len(points), -1)
    if len(points) == 0 or not np.any(weights > 0):
        raise HabitatError(tr("The population input holds no people (all values are zero, empty or nodata)."))
    spaces = PolygonSet([space for space in spaces if space is not None and not space.is_empty])
    if not spaces.count:
        raise HabitatError(tr("There is no public space to measure access to."))

    graph = build_graph(lines, tolerance)
    report(0.10)
    entries, start_cost = entry_points(graph, spaces, entry_tolerance)
    if len(entries) == 0:
        raise HabitatError(
            tr("No street reaches a public space: no network vertex lies inside a space or within {0} m of one. "
               "Check that streets and spaces overlap, or raise the entry tolerance.", _fmt(entry_tolerance)))
    report(0.20)
    limit = max(distance_limit or 0.0, max_distance)
    vertex_distance = multi_source_distances(graph, entries, start_cost, limit)
    report(0.35)
    snap = snap_to_edges(graph, points, progress=lambda f: report(0.35 + 0.35 * f))
    distance = point_distances(graph, snap, vertex_distance)
    served = distance <= max_distance

    components_with_space = np.unique(graph.component[entries])
    point_component = graph.component[graph.edge_u[snap.edge]]
    cut_off = ~np.isin(point_component, components_with_space)
    result = AccessResult(graph, vertex_distance, entries, distance, served)
    result.unreachable_population = float(weights[cut_off, 0].sum())
    result.components_without_space = int(graph.n_components - len(components_with_space))

    if straight_line:
        euclidean, _ = distance_to_polygons(points, spaces, max_distance, progress=lambda f: report(0.70 + 0.15 * f))
        result.served_straight_line = np.isfinite(euclidean)
    report(0.85)
    if districts:
        result.district_of_point = polygon_of_points(points, districts, progress=lambda f: report(0.85 + 0.1 * f))
    result.rows = summary_rows(result, weights, group_names, district_names or [])
    report(1.0)
    return result


def summary_rows(result: AccessResult, weights, group_names, district_names):
    """Population and served population per (district or whole city) x group x method."""
    methods = [(NETWORK, result.served)]
    if result.served_straight_line is not None:
        methods.append((STRAIGHT_LINE, result.served_straight_line))
    areas = [(None, np.ones(len(weights), dtype=bool))]
    if result.district_of_point is not None:
        areas += [(name, result.district_of_point == index) for index, name in enumerate(district_names)]
    rows = []
    for district, in_area in areas:
        for method, served in methods:
            for column, group in enumerate(group_names):
                population = float(weights[in_area, column].sum())
                reached = float(weights[in_area & served, column].sum())
                rows.append({
                    "district": district,
                    "group": group,
                    "method": method,
                    "population": population,
                    "served": reached,
                    "share_pct": 100.0 * reached / population if population > 0 else None,
                })
    return rows


def distance_band(distance, max_distance: float) -> np.ndarray:
    """Map band of each distance: 1-4 the quarters of the walking distance, 5 up to twice it, 6 beyond."""
    distance = np.asarray(distance, dtype=float)
    band = np.full(distance.shape, 6, dtype=np.int64)
    for number, upper in ((5, 2.0), (4, 1.0), (3, 0.75), (2, 0.5), (1, 0.25)):
        band[distance <= upper * max_distance] = number
    return band


def band_labels(max_distance: float) -> dict:
    """Translated legend label of each distance band."""
    edges = [0.0, 0.25, 0.5, 0.75, 1.0, 2.0]
    labels = {number: tr("{0}–{1} m", _fmt(edges[number - 1] * max_distance), _fmt(edges[number] * max_distance))
              for number in range(1, 6)}
    labels[6] = tr("more than {0} m or not reached", _fmt(2.0 * max_distance))
    return labels


def _fmt(value: float) -> str:
    return f"{value:g}"
