"""Vectorised point-to-polygon distances with numpy (the same on shapely 1.8 and 2.x).

scipy and shapely are imported where used, so that the plugin loads without them (see REQUIRED_PACKAGES).
"""

import numpy as np


def polygon_parts(shape):
    """The polygons of a shapely Polygon or MultiPolygon (or of a collection), skipping empty ones."""
    if shape is None or shape.is_empty:
        return []
    if shape.geom_type == "Polygon":
        return [shape]
    if hasattr(shape, "geoms"):
        return [part for geom in shape.geoms for part in polygon_parts(geom)]
    return []


def polygonal(shape):
    """The polygonal part of a geometry (e.g. what makeValid returns) as one shape, or None if it has no area."""
    from shapely.ops import unary_union

    parts = polygon_parts(shape)
    if not parts:
        return None
    merged = unary_union(parts)
    return merged if merged.area > 0 else None


def _segments(polygon) -> np.ndarray:
    """(n, 4) array x1, y1, x2, y2 of every ring segment of ``polygon`` (a shapely Polygon or MultiPolygon)."""
    rings = []
    for part in polygon_parts(polygon):
        rings.append(np.asarray(part.exterior.coords)[:, :2])
        rings.extend(np.asarray(ring.coords)[:, :2] for ring in part.interiors)
    return np.concatenate([np.hstack([ring[:-1], ring[1:]]) for ring in rings if len(ring) > 1])


def _distance_to_one(points: np.ndarray, segments: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    """Distance from each point to the polygon with these ring segments: 0 inside (even-odd rule)."""
    x1, y1, x2, y2 = segments.T
    dx, dy = x2 - x1, y2 - y1
    length2 = np.where(dx * dx + dy * dy > 0, dx * dx + dy * dy, 1.0)
    out = np.empty(len(points))
    step = max(1, chunk * 64 // max(len(segments), 1))
    for start in range(0, len(points), step):
        px = points[start:start + step, 0][:, None]
        py = points[start:start + step, 1][:, None]
        t = np.clip(((px - x1) * dx + (py - y1) * dy) / length2, 0.0, 1.0)
        gx, gy = px - (x1 + t * dx), py - (y1 + t * dy)
        boundary = np.sqrt(gx * gx + gy * gy).min(axis=1)
        straddles = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = x1 + (py - y1) * dx / np.where(dy != 0, dy, 1.0)
        inside = (np.count_nonzero(straddles & (px < x_cross), axis=1) % 2) == 1
        out[start:start + step] = np.where(inside, 0.0, boundary)
    return out


class PolygonSet:
    """Polygons prepared once for repeated distance queries: bounds and ring segments as numpy arrays."""

    def __init__(self, polygons):
        self.count = len(polygons)
        self.index, self.segments, bounds = [], [], []
        for index, polygon in enumerate(polygons):
            if polygon is None or polygon.is_empty:
                continue
            self.index.append(index)
            self.segments.append(_segments(polygon))
            bounds.append(polygon.bounds)
        self.bounds = np.array(bounds, dtype=float).reshape(-1, 4)


def distance_to_own_polygon(points, owner, prepared: "PolygonSet", chunk: int = 2_000_000) -> np.ndarray:
    """Distance from each point to one given polygon of ``prepared`` (``owner``: position in ``prepared.index``),
    0 inside (even-odd rule): every point against its own polygon's ring segments, all at once."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    owner = np.asarray(owner, dtype=np.int64)
    out = np.empty(len(points))
    if len(points) == 0:
        return out
    if not hasattr(prepared, "_flat"):  # ring segments of all polygons in one array, with each one's offset
        counts = np.array([len(segments) for segments in prepared.segments], dtype=np.int64)
        prepared._flat = (np.concatenate(prepared.segments), np.cumsum(counts) - counts, counts)
    flat, offset, count = prepared._flat
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


def distance_to_polygons(points, polygons, max_distance: float, progress=None):
    """For every point, the distance to the nearest polygon (0 inside) and that polygon's index.

    Points farther than ``max_distance`` from every polygon get (inf, -1). ``polygons`` are shapely (Multi)Polygons
    or a PolygonSet made from them (to reuse the preparation).
    """
    prepared = polygons if isinstance(polygons, PolygonSet) else PolygonSet(polygons)
    from scipy.spatial import cKDTree

    points = np.asarray(points, dtype=float).reshape(-1, 2)
    best = np.full(len(points), np.inf)
    owner = np.full(len(points), -1, dtype=np.int64)
    if len(points) == 0 or not prepared.index:
        return best, owner
    tree = cKDTree(points)
    bounds = prepared.bounds
    centres = (bounds[:, :2] + bounds[:, 2:]) / 2.0
    radii = np.hypot(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) / 2.0 + max_distance
    nearby = tree.query_ball_point(centres, radii, workers=-1)  # one call for all polygons, both cores
    for step, (index, segments, (minx, miny, maxx, maxy), found) in enumerate(
            zip(prepared.index, prepared.segments, bounds, nearby)):
        candidates = np.asarray(found, dtype=np.int64)
        if len(candidates):
            p = points[candidates]
            in_box = ((p[:, 0] >= minx - max_distance) & (p[:, 0] <= maxx + max_distance)
                      & (p[:, 1] >= miny - max_distance) & (p[:, 1] <= maxy + max_distance))
            candidates = candidates[in_box]
        if len(candidates):
            d = _distance_to_one(points[candidates], segments)
            closer = (d <= max_distance) & (d < best[candidates])
            best[candidates[closer]] = d[closer]
            owner[candidates[closer]] = index
        if progress is not None:
            progress((step + 1) / len(prepared.index))
    return best, owner


def polygon_of_points(points, polygons, progress=None) -> np.ndarray:
    """Index of the polygon holding each point (the first one for overlaps), -1 outside all."""
    distance, owner = distance_to_polygons(points, polygons, 0.0, progress)
    return np.where(distance == 0.0, owner, -1)


def nearest_on_segments(a, b, c, d):
    """For street segments a-b and polygon ring segments c-d (broadcasting (..., 2) arrays): the position t (0..1)
    on a-b of the point nearest to c-d, and the distance there (0 where they cross)."""
    r, s = b - a, d - c
    ca = c - a
    rr = np.where((r * r).sum(axis=-1) > 0, (r * r).sum(axis=-1), 1.0)
    ss = np.where((s * s).sum(axis=-1) > 0, (s * s).sum(axis=-1), 1.0)

    def to_cd(p):  # distance from p to segment c-d
        u = np.clip(((p - c) * s).sum(axis=-1) / ss, 0.0, 1.0)
        gap = p - (c + s * u[..., None])
        return np.sqrt((gap * gap).sum(axis=-1))

    def on_ab(p):  # position and distance of p's projection on a-b
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


def contains_points(shape, points) -> np.ndarray:
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
