"""Vectorised point-to-polygon distances with numpy (the same on shapely 1.8 and 2.x).

scipy and shapely are imported where used, so that the plugin loads without them (see REQUIRED_PACKAGES).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from .text import Progress


def polygon_parts(shape: Optional[BaseGeometry]) -> List[BaseGeometry]:
    """The polygons of a shapely Polygon or MultiPolygon (or of a collection), skipping empty ones."""
    if shape is None or shape.is_empty:
        return []
    if shape.geom_type == "Polygon":
        return [shape]
    if hasattr(shape, "geoms"):
        return [part for geom in shape.geoms for part in polygon_parts(geom)]
    return []


def polygonal(shape: Optional[BaseGeometry]) -> Optional[BaseGeometry]:
    """The polygonal part of a geometry (e.g. what makeValid returns) as one shape, or None if it has no area."""
    from shapely.ops import unary_union

    parts = polygon_parts(shape)
    if not parts:
        return None
    merged = unary_union(parts)
    return merged if merged.area > 0 else None


def _segments(polygon: BaseGeometry) -> NDArray[np.float64]:
    """(n, 4) array x1, y1, x2, y2 of every ring segment of ``polygon`` (a shapely Polygon or MultiPolygon)."""
    rings = []
    for part in polygon_parts(polygon):
        rings.append(np.asarray(part.exterior.coords)[:, :2])
        rings.extend(np.asarray(ring.coords)[:, :2] for ring in part.interiors)
    return np.concatenate([np.hstack([ring[:-1], ring[1:]]) for ring in rings if len(ring) > 1])


class PolygonSet:
    """Polygons prepared once for repeated distance queries: bounds and ring segments as numpy arrays."""

    _flat: Tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]

    def __init__(self, polygons: Sequence[Optional[BaseGeometry]]) -> None:
        self.count = len(polygons)
        self.index: List[int] = []
        self.segments: List[NDArray[np.float64]] = []
        for index, polygon in enumerate(polygons):
            if polygon is None or polygon.is_empty:
                continue
            self.index.append(index)
            self.segments.append(_segments(polygon))
        # The rings' extent, from the segments all at once (shapely's bounds cost a third of the preparation).
        flat, offset, count = self.flat()
        self.bounds = np.empty((len(offset), 4))
        if len(offset):
            self.bounds[:, 0] = np.minimum.reduceat(flat[:, 0], offset)
            self.bounds[:, 1] = np.minimum.reduceat(flat[:, 1], offset)
            self.bounds[:, 2] = np.maximum.reduceat(flat[:, 0], offset)
            self.bounds[:, 3] = np.maximum.reduceat(flat[:, 1], offset)

    def flat(self) -> Tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
        """Ring segments of all polygons in one (n, 4) array, and each polygon's offset and count in it."""
        if not hasattr(self, "_flat"):
            counts = np.array([len(segments) for segments in self.segments], dtype=np.int64)
            flat = np.concatenate(self.segments) if self.segments else np.empty((0, 4))
            self._flat = (flat, np.cumsum(counts) - counts, counts)
        return self._flat


def _pairs(counts: NDArray[np.int64], chunk: int) -> Iterator[Tuple[int, int]]:
    """Ranges [start, stop) of consecutive items whose ``counts`` add up to about ``chunk`` (at least one item)."""
    ends = np.cumsum(counts)
    start = 0
    while start < len(counts):
        done = int(ends[start - 1]) if start else 0
        stop = min(max(start + 1, int(np.searchsorted(ends, done + chunk, side="right"))), len(counts))
        yield start, stop
        start = stop


def _expand(
    polygon: NDArray[np.int64],
    prepared: PolygonSet,
    start: int,
    stop: int,
) -> Tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """For pairs start..stop of a (item, polygon) list: the pair and flat segment of every (pair, ring segment)
    combination, and where each pair's run of combinations begins."""
    _, offset, count = prepared.flat()
    n = count[polygon[start:stop]]
    first = np.cumsum(n) - n
    pair = np.repeat(np.arange(start, stop), n)
    segment = np.repeat(offset[polygon[start:stop]] - first, n) + np.arange(int(n.sum()))
    return pair, segment, first


def pair_distances(
    points: NDArray[np.float64],
    pair_point: NDArray[np.int64],
    pair_polygon: NDArray[np.int64],
    prepared: PolygonSet,
    chunk: int = 1_000_000,
    progress: Optional[Progress] = None,
) -> NDArray[np.float64]:
    """Distance from ``points[pair_point]`` to polygon ``pair_polygon`` (position in ``prepared``), 0 inside
    (even-odd rule), for many pairs at once."""
    flat, _, count = prepared.flat()
    out = np.empty(len(pair_point))
    total = len(pair_point)
    for start, stop in _pairs(count[pair_polygon], chunk):
        pair, segment, first = _expand(pair_polygon, prepared, start, stop)
        x1, y1, x2, y2 = flat[segment].T
        px, py = points[pair_point[pair], 0], points[pair_point[pair], 1]
        dx, dy = x2 - x1, y2 - y1
        length2 = np.where(dx * dx + dy * dy > 0, dx * dx + dy * dy, 1.0)
        t = np.clip(((px - x1) * dx + (py - y1) * dy) / length2, 0.0, 1.0)
        gx, gy = px - (x1 + t * dx), py - (y1 + t * dy)
        boundary = np.minimum.reduceat(np.sqrt(gx * gx + gy * gy), first)
        straddles = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = x1 + (py - y1) * dx / np.where(dy != 0, dy, 1.0)
        crossings = np.add.reduceat((straddles & (px < x_cross)).astype(np.int64), first)
        out[start:stop] = np.where(crossings % 2 == 1, 0.0, boundary)
        if progress is not None:
            progress(stop / total)
    return out


def distance_to_own_polygon(
    points: ArrayLike,
    owner: ArrayLike,
    prepared: PolygonSet,
    chunk: int = 2_000_000,
) -> NDArray[np.float64]:
    """Distance from each point to one given polygon of ``prepared`` (``owner``: position in ``prepared.index``),
    0 inside (even-odd rule): every point against its own polygon's ring segments, all at once."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    owner = np.asarray(owner, dtype=np.int64)
    out = np.empty(len(points))
    if len(points) == 0:
        return out
    _, _, count = prepared.flat()
    if int(count[owner].sum()) <= chunk:
        return OwnPolygonDistance(owner, prepared)(points)
    flat, offset, count = prepared.flat()
    per_point = count[owner]
    start = 0
    while start < len(points):
        # as many points as keep the point-segment pairs under `chunk`
        stop = start + max(1, int(np.searchsorted(np.cumsum(per_point[start:]), chunk, side="right")))
        stop = min(stop, len(points))
        n = per_point[start:stop]
        pair_point = np.repeat(np.arange(start, stop), n)
        first = np.cumsum(n) - n
        pair_segment = np.repeat(offset[owner[start:stop]] - first, n) + np.arange(n.sum())
        x1, y1, x2, y2 = flat[pair_segment].T
        px, py = points[pair_point, 0], points[pair_point, 1]
        dx, dy = x2 - x1, y2 - y1
        length2 = np.where(dx * dx + dy * dy > 0, dx * dx + dy * dy, 1.0)
        t = np.clip(((px - x1) * dx + (py - y1) * dy) / length2, 0.0, 1.0)
        gap = np.hypot(px - (x1 + t * dx), py - (y1 + t * dy))
        straddles = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = x1 + (py - y1) * dx / np.where(dy != 0, dy, 1.0)
        crossings = np.add.reduceat((straddles & (px < x_cross)).astype(np.int64), first)
        boundary = np.minimum.reduceat(gap, first)
        out[start:stop] = np.where(crossings % 2 == 1, 0.0, boundary)
        start = stop
    return out


class OwnPolygonDistance:
    """distance_to_own_polygon with the owners fixed and their ring segments gathered once, for points asked
    again and again (the bisection of entrance stretches); the same arithmetic."""

    def __init__(self, owner: ArrayLike, prepared: PolygonSet) -> None:
        flat, offset, count = prepared.flat()
        owner = np.asarray(owner, dtype=np.int64)
        n = count[owner]
        self.first = np.cumsum(n) - n
        self.pair = np.repeat(np.arange(len(owner)), n)
        segments = flat[np.repeat(offset[owner] - self.first, n) + np.arange(int(n.sum()))]
        self.x1, self.y1, self.x2, self.y2 = (np.ascontiguousarray(column) for column in segments.T)
        self.dx, self.dy = self.x2 - self.x1, self.y2 - self.y1
        square = self.dx * self.dx + self.dy * self.dy
        self.length2 = np.where(square > 0, square, 1.0)
        self.dy_or_one = np.where(self.dy != 0, self.dy, 1.0)

    def __call__(self, points: ArrayLike) -> NDArray[np.float64]:
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        if len(points) == 0:
            return np.empty(0)
        px, py = points[self.pair, 0], points[self.pair, 1]
        x1, y1, dx, dy = self.x1, self.y1, self.dx, self.dy
        t = np.clip(((px - x1) * dx + (py - y1) * dy) / self.length2, 0.0, 1.0)
        gap = np.hypot(px - (x1 + t * dx), py - (y1 + t * dy))
        straddles = (y1 > py) != (self.y2 > py)
        x_cross = x1 + (py - y1) * dx / self.dy_or_one
        crossings = np.add.reduceat((straddles & (px < x_cross)).astype(np.int64), self.first)
        return np.where(crossings % 2 == 1, 0.0, np.minimum.reduceat(gap, self.first))


def distance_to_polygons(
    points: ArrayLike,
    polygons: Union[PolygonSet, Sequence[Optional[BaseGeometry]]],
    max_distance: float,
    progress: Optional[Progress] = None,
) -> Tuple[NDArray[np.float64], NDArray[np.int64]]:
    """For every point, the distance to the nearest polygon (0 inside) and that polygon's index.

    Points farther than ``max_distance`` from every polygon get (inf, -1); of polygons at the same distance the
    first one wins. ``polygons`` are shapely (Multi)Polygons or a PolygonSet made from them (to reuse the
    preparation).
    """
    prepared = polygons if isinstance(polygons, PolygonSet) else PolygonSet(polygons)
    from scipy.spatial import cKDTree

    from .network import worker_threads

    points = np.asarray(points, dtype=float).reshape(-1, 2)
    best = np.full(len(points), np.inf)
    owner = np.full(len(points), -1, dtype=np.int64)
    if len(points) == 0 or not prepared.index:
        return best, owner
    tree = cKDTree(points, balanced_tree=False, compact_nodes=False)  # built three times faster, same answers
    bounds = prepared.bounds
    centres = (bounds[:, :2] + bounds[:, 2:]) / 2.0
    radii = np.hypot(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) / 2.0 + max_distance
    nearby = tree.query_ball_point(centres, radii, workers=worker_threads())  # one call for all polygons
    pair_point, pair_polygon = _flatten(nearby)
    box = bounds[pair_polygon]
    p = points[pair_point]
    in_box = (
        (p[:, 0] >= box[:, 0] - max_distance)
        & (p[:, 0] <= box[:, 2] + max_distance)
        & (p[:, 1] >= box[:, 1] - max_distance)
        & (p[:, 1] <= box[:, 3] + max_distance)
    )
    pair_point, pair_polygon = pair_point[in_box], pair_polygon[in_box]
    # All (point, polygon) pairs at once rather than polygon by polygon: thousands of small numpy calls saved.
    d = pair_distances(points, pair_point, pair_polygon, prepared, progress=progress)
    near = d <= max_distance
    pair_point, pair_polygon, d = pair_point[near], pair_polygon[near], d[near]
    order = np.lexsort((d, pair_point))  # stable: among equal distances the pairs stay in polygon order
    pair_point, pair_polygon, d = pair_point[order], pair_polygon[order], d[order]
    first = np.ones(len(pair_point), dtype=bool)
    first[1:] = pair_point[1:] != pair_point[:-1]
    best[pair_point[first]] = d[first]
    owner[pair_point[first]] = np.asarray(prepared.index, dtype=np.int64)[pair_polygon[first]]
    if progress is not None:
        progress(1.0)
    return best, owner


def _flatten(lists: Sequence[Sequence[int]]) -> Tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(item, list number) of every item of a sequence of index lists (as cKDTree.query_ball_point gives)."""
    from itertools import chain

    sizes = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    items = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(sizes.sum()))
    return items, np.repeat(np.arange(len(lists)), sizes)


def polygon_of_points(
    points: ArrayLike,
    polygons: Union[PolygonSet, Sequence[Optional[BaseGeometry]]],
    progress: Optional[Progress] = None,
) -> NDArray[np.int64]:
    """Index of the polygon holding each point (the first one for overlaps), -1 outside all."""
    distance, owner = distance_to_polygons(points, polygons, 0.0, progress)
    return np.where(distance == 0.0, owner, -1)


def nearest_on_segments(
    a: NDArray[np.float64], b: NDArray[np.float64], c: NDArray[np.float64], d: NDArray[np.float64]
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """For street segments a-b and polygon ring segments c-d (broadcasting (..., 2) arrays): the position t (0..1)
    on a-b of the point nearest to c-d, and the distance there (0 where they cross)."""
    r, s = b - a, d - c
    ca = c - a
    rr = np.where((r * r).sum(axis=-1) > 0, (r * r).sum(axis=-1), 1.0)
    ss = np.where((s * s).sum(axis=-1) > 0, (s * s).sum(axis=-1), 1.0)

    def to_cd(p: NDArray[np.float64]) -> NDArray[np.float64]:  # distance from p to segment c-d
        u = np.clip(((p - c) * s).sum(axis=-1) / ss, 0.0, 1.0)
        gap = p - (c + s * u[..., None])
        return np.sqrt((gap * gap).sum(axis=-1))

    def on_ab(p: NDArray[np.float64]) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
        # position and distance of p's projection on a-b
        t = np.clip(((p - a) * r).sum(axis=-1) / rr, 0.0, 1.0)
        gap = p - (a + r * t[..., None])
        return t, np.sqrt((gap * gap).sum(axis=-1))

    t_c, d_c = on_ab(c)
    t_d, d_d = on_ab(d)
    shape = np.broadcast(t_c, d_c).shape
    t_all = np.stack([np.zeros(shape), np.ones(shape), t_c, t_d])
    d_all = np.stack([np.broadcast_to(to_cd(a), shape), np.broadcast_to(to_cd(b), shape), d_c, d_d])
    pick = np.argmin(d_all, axis=0)
    t = np.take_along_axis(t_all, pick[None], axis=0)[0]
    distance = np.take_along_axis(d_all, pick[None], axis=0)[0]
    cross = r[..., 0] * s[..., 1] - r[..., 1] * s[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        t_hit = (ca[..., 0] * s[..., 1] - ca[..., 1] * s[..., 0]) / cross
        u_hit = (ca[..., 0] * r[..., 1] - ca[..., 1] * r[..., 0]) / cross
    hit = (cross != 0) & (t_hit >= 0) & (t_hit <= 1) & (u_hit >= 0) & (u_hit <= 1)
    return np.where(hit, t_hit, t), np.where(hit, 0.0, distance)


def contains_points(shape: Optional[BaseGeometry], points: ArrayLike) -> NDArray[np.bool_]:
    """Whether each point lies inside ``shape`` (its boundary excluded), vectorised on shapely 1.8 and 2.x."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if shape is None or shape.is_empty or len(points) == 0:
        return np.zeros(len(points), dtype=bool)
    import shapely

    if hasattr(shapely, "contains_xy"):  # shapely 2
        shapely.prepare(shape)
        return np.asarray(shapely.contains_xy(shape, points[:, 0], points[:, 1]), dtype=bool)
    from shapely import vectorized  # shapely 1.8
    from shapely.prepared import prep

    return np.asarray(vectorized.contains(prep(shape), points[:, 0], points[:, 1]), dtype=bool)
