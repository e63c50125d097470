"""Territorial influence zones and isochrone bands of centres (methods.md §3.3).

Zones: every settlement's area (its sector polygon, or the Voronoi cell of its point clipped to the convex hull of
the settlements widened by ``margin``) joins the zone of its dominant centre; the zone of a centre is the union of
the areas of the settlements it dominates.
Isochrone bands: for each band of ``minutes``, the parts of the roads reachable from a centre within that time (an
edge reached from either end up to the fraction the time left allows), widened by ``buffer`` metres for display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from ..network import multi_source_distances

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..network import Snap, StreetGraph
    from ..text import Progress

ZONE_MARGIN = 2000.0  # metres around the settlements' convex hull that the outer Voronoi cells reach
BAND_BUFFER = 200.0  # metres around reachable roads, for the isochrone polygons drawn on the map


def voronoi_cells(xy: ArrayLike, frame: BaseGeometry) -> List[Optional[BaseGeometry]]:
    """Voronoi cell of each point, clipped to ``frame`` (scipy's Voronoi with far points closing the outer cells);
    with fewer than three points every cell is the frame."""
    from scipy.spatial import Voronoi
    from shapely.geometry import Polygon

    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if len(xy) < 3:
        return [frame] * len(xy)
    minx, miny, maxx, maxy = frame.bounds
    span = 10 * max(maxx - minx, maxy - miny)
    far = np.array(
        [(minx - span, miny - span), (maxx + span, miny - span), (maxx + span, maxy + span), (minx - span, maxy + span)]
    )
    diagram = Voronoi(np.vstack([xy, far]))
    cells: List[Optional[BaseGeometry]] = []
    for index in range(len(xy)):
        region = diagram.regions[diagram.point_region[index]]
        if -1 in region or not region:
            cells.append(None)
            continue
        cells.append(Polygon(diagram.vertices[region]).intersection(frame))
    return cells


def settlement_areas(
    xy: ArrayLike, shapes: Optional[Sequence[Optional[BaseGeometry]]] = None, margin: float = ZONE_MARGIN
) -> List[Optional[BaseGeometry]]:
    """The area of each settlement: its own polygon when every settlement is a sector (``shapes`` all polygons),
    else the Voronoi cell of its point within the settlements' convex hull widened by ``margin``."""
    from shapely.geometry import MultiPoint

    if shapes is not None and len(shapes) and all(shape is not None for shape in shapes):
        return list(shapes)
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    return voronoi_cells(xy, MultiPoint([tuple(p) for p in xy]).convex_hull.buffer(margin))


def influence_zones(
    areas: Sequence[Optional[BaseGeometry]],
    dominant: ArrayLike,
    progress: Optional[Progress] = None,
) -> List[Tuple[int, BaseGeometry, int]]:
    """[(centre column, zone geometry, number of settlements)] by centre column: the union of the ``areas`` of the
    settlements whose ``dominant`` centre it is (-1: none). ``progress(fraction)`` may raise to cancel."""
    from shapely.ops import unary_union

    dominant = np.asarray(dominant)
    columns = sorted(set(int(d) for d in dominant if d >= 0))
    zones: List[Tuple[int, BaseGeometry, int]] = []
    for number, column in enumerate(columns):
        if progress is not None:
            progress(number / len(columns))
        members = [areas[i] for i in np.flatnonzero(dominant == column) if areas[i] is not None]
        if members:
            zones.append((column, unary_union(members), len(members)))
    return zones


def centre_vertex_costs(
    graph: StreetGraph, snap: Snap, centre_rows: ArrayLike, connector_cost_per_metre: float, limit: float = np.inf
) -> NDArray[np.float64]:
    """Cost from the nearest centre to every vertex of ``graph``: each centre (row of ``snap``) joins both ends of
    its road at the off-road cost of its connector plus the cost along the road."""
    centre_rows = np.asarray(centre_rows, dtype=np.int64)
    edge = snap.edge[centre_rows]
    connector = snap.connector[centre_rows] * connector_cost_per_metre
    to_u = connector + snap.t[centre_rows] * graph.edge_cost[edge]
    to_v = connector + (1 - snap.t[centre_rows]) * graph.edge_cost[edge]
    return multi_source_distances(
        graph, np.concatenate([graph.edge_u[edge], graph.edge_v[edge]]), np.concatenate([to_u, to_v]), limit
    )


def isochrone_bands(
    graph: StreetGraph,
    vertex_cost: NDArray[np.float64],
    bands: Iterable[float],
    buffer: float = BAND_BUFFER,
    progress: Optional[Progress] = None,
) -> List[Tuple[float, BaseGeometry]]:
    """[(band, polygon)] largest band first (smaller bands draw on top): the roads reachable within each band from
    the vertex costs, widened by ``buffer``; a band that reaches no road is left out. ``progress(fraction)`` may
    raise to cancel."""
    from shapely.geometry import MultiLineString

    a, b = graph.xy[graph.edge_u], graph.xy[graph.edge_v]
    result: List[Tuple[float, BaseGeometry]] = []
    ordered = sorted(bands, reverse=True)
    for number, band in enumerate(ordered):
        if progress is not None:
            progress(number / len(ordered))
        pieces: List[Tuple[Tuple[float, ...], Tuple[float, ...]]] = []
        for start, end, cost_start in ((a, b, vertex_cost[graph.edge_u]), (b, a, vertex_cost[graph.edge_v])):
            fraction = np.clip((band - cost_start) / graph.edge_cost, 0.0, 1.0)
            fraction = np.nan_to_num(fraction, nan=0.0)
            hit = fraction > 0
            tips = start[hit] + (end[hit] - start[hit]) * fraction[hit, None]
            pieces.extend(zip(map(tuple, start[hit]), map(tuple, tips)))
        if pieces:
            result.append((band, MultiLineString(pieces).buffer(buffer, 4)))
    return result
