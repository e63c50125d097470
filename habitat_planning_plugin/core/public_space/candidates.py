"""Candidate sites for new public space from non-built land, for habitat:publicspacesiting.

Open land is every cell of a built-up raster with data that is at most ``max_built_share`` built-up and whose
centre lies inside the urban extent, less the cells whose centre lies in an excluded polygon (existing public
spaces, grown by a buffer; water or other no-go land) or within the street half-width of a street. Its 4-connected
pieces (``scipy.ndimage.label``: cells touching only at a corner are apart) become polygons, the union of their
cells (``gaps.cluster_shapes``); each is then cut exactly with shapely: clipped to the urban extent, less the
excluded polygons and the street corridors (each street line grown by the half-width, round ends). A cut piece
falling apart gives several sites. Sites smaller than ``min_area`` (or larger than ``max_area``, when given) are
left out; the ``max_sites`` largest are kept, numbered 1 (largest) on. A site's built-up share is the mean share of
the cells whose centre lies in it (of its whole piece when none does: a sliver).

Streets near a piece are found with a k-d tree on the street segments cut into pieces no longer than a cell, so a
whole city's network is never buffered or united at once.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Tuple

import numpy as np

from ..geometry import contains_points, polygon_parts
from .gaps import cluster_shapes

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..text import Progress

MAX_BUILT_SHARE = 0.2  # a cell at most 20 % built-up is open land
MIN_AREA_M2 = 2000.0  # a pocket park; a local choice: SDG 11.7.1 sets no minimum size
MAX_SITES = 500
STREET_HALF_WIDTH_M = 6.0
CHUNK_POINTS = 2_000_000


@dataclass
class Site:
    shape: BaseGeometry  # shapely Polygon
    area_m2: float
    built_pct: float  # mean built-up share of its cells, in %
    cells: int  # cells whose centre lies in it


@dataclass
class CandidatesResult:
    sites: List[Site] = field(default_factory=list)  # largest first
    cells_in_extent: int = 0  # cells with data whose centre lies inside the urban extent
    open_cells: int = 0  # of them, at most max_built_share built-up
    excluded_cells: int = 0  # open cells dropped for an excluded polygon or a street corridor
    pieces: int = 0  # 4-connected pieces of the open cells left
    too_small: int = 0  # sites (after the exact cut) below min_area, and pieces too small to hold one
    too_large: int = 0  # sites above max_area
    beyond_max: int = 0  # sites left out for max_sites (at least; pieces too small to enter are not cut)
    largest_m2: float = 0.0  # the largest site found before min_area / max_area / max_sites
    cell_area_m2: float = 0.0


def segments_of(lines: Optional[Tuple[ArrayLike, ArrayLike]]) -> NDArray[np.float64]:
    """(m, 4) x1, y1, x2, y2 of the line parts ``(coords (n, 2), counts)`` as ``qgis_io.read_lines`` gives them."""
    if lines is None:
        return np.empty((0, 4))
    coords, counts = lines
    coords = np.asarray(coords, dtype=float).reshape(-1, 2)
    counts = np.asarray(counts, dtype=np.int64)
    if len(coords) < 2:
        return np.empty((0, 4))
    ends = np.cumsum(counts)
    not_last = np.ones(len(coords), dtype=bool)
    not_last[ends - 1] = False  # the last vertex of a part starts no segment
    start = np.nonzero(not_last)[0]
    return np.hstack([coords[start], coords[start + 1]])


class StreetIndex:
    """Street segments cut into pieces of at most ``step`` m, with a k-d tree on the pieces' midpoints: the
    segments within a distance of points or of a box, exactly."""

    def __init__(self, segments: ArrayLike, step: float) -> None:
        from scipy.spatial import cKDTree

        segments = np.asarray(segments, dtype=float).reshape(-1, 4)
        length = np.hypot(segments[:, 2] - segments[:, 0], segments[:, 3] - segments[:, 1])
        n = np.maximum(1, np.ceil(length / step).astype(np.int64))
        owner = np.repeat(np.arange(len(segments)), n)
        k = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        t0, t1 = k / n[owner], (k + 1) / n[owner]
        x1, y1, x2, y2 = segments[owner].T
        dx, dy = x2 - x1, y2 - y1
        self.pieces = np.column_stack([x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy])
        self.segments, self.owner = segments, owner
        self.reach = float(np.max(length / n) / 2.0) if len(segments) else 0.0  # half the longest piece
        self.tree = cKDTree((self.pieces[:, :2] + self.pieces[:, 2:]) / 2.0) if len(segments) else None

    def near_points(self, points: ArrayLike, distance: float) -> NDArray[np.bool_]:
        """Whether each point lies within ``distance`` of a street (the segment itself, not only its pieces)."""
        from scipy.spatial import cKDTree

        points = np.asarray(points, dtype=float).reshape(-1, 2)
        near = np.zeros(len(points), dtype=bool)
        if self.tree is None or len(points) == 0:
            return near
        for start in range(0, len(points), CHUNK_POINTS):
            chunk = points[start : start + CHUNK_POINTS]
            pairs = cKDTree(chunk).sparse_distance_matrix(self.tree, distance + self.reach, output_type="ndarray")
            if len(pairs) == 0:
                continue
            i, j = pairs["i"].astype(np.int64), pairs["j"].astype(np.int64)
            gap = _point_segment_distance(chunk[i], self.pieces[j])
            hit = np.unique(i[gap <= distance])
            near[start + hit] = True
        return near

    def in_box(self, bounds: Sequence[float], distance: float) -> NDArray[np.float64]:
        """The segments (whole, rows of ``segments``) with a piece within ``distance`` of the box ``bounds``."""
        if self.tree is None:
            return np.empty((0, 4))
        x0, y0, x1, y1 = bounds
        centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0)
        radius = np.hypot(x1 - x0, y1 - y0) / 2.0 + distance + self.reach
        index = np.asarray(self.tree.query_ball_point(centre, radius), dtype=np.int64)
        pieces = self.pieces[index]
        keep = (
            (np.minimum(pieces[:, 0], pieces[:, 2]) <= x1 + distance)
            & (np.maximum(pieces[:, 0], pieces[:, 2]) >= x0 - distance)
            & (np.minimum(pieces[:, 1], pieces[:, 3]) <= y1 + distance)
            & (np.maximum(pieces[:, 1], pieces[:, 3]) >= y0 - distance)
        )
        return self.segments[np.unique(self.owner[index[keep]])]


def _point_segment_distance(points: NDArray[np.float64], segments: NDArray[np.float64]) -> NDArray[np.float64]:
    px, py = points[:, 0], points[:, 1]
    x1, y1, x2, y2 = segments.T
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = np.clip(((px - x1) * dx + (py - y1) * dy) / np.where(length2 > 0, length2, 1.0), 0.0, 1.0)
    return np.hypot(px - (x1 + t * dx), py - (y1 + t * dy))


def _window(
    geotransform: Sequence[float],
    shape: Tuple[int, ...],
    bounds: Sequence[float],
) -> Tuple[int, int, int, int]:
    """Rows and columns [r0, r1) x [c0, c1) of the cells whose centre may lie in ``bounds`` (empty when none)."""
    x0, cell_x, _, y0, _, cell_y = geotransform
    rows, cols = shape
    columns = sorted(((bounds[0] - x0) / cell_x - 0.5, (bounds[2] - x0) / cell_x - 0.5))
    lines = sorted(((bounds[1] - y0) / cell_y - 0.5, (bounds[3] - y0) / cell_y - 0.5))
    c0, c1 = max(0, int(np.floor(columns[0]))), min(cols, int(np.ceil(columns[1])) + 1)
    r0, r1 = max(0, int(np.floor(lines[0]))), min(rows, int(np.ceil(lines[1])) + 1)
    return r0, max(r0, r1), c0, max(c0, c1)


def _centres(
    geotransform: Sequence[float], rows: NDArray[np.integer[Any]], columns: NDArray[np.integer[Any]]
) -> NDArray[np.float64]:
    x0, cell_x, _, y0, _, cell_y = geotransform
    return np.column_stack([x0 + (columns + 0.5) * cell_x, y0 + (rows + 0.5) * cell_y])


def candidate_sites(
    share: NDArray[np.floating[Any]],
    valid: NDArray[np.bool_],
    geotransform: Sequence[float],
    extent: Optional[BaseGeometry],
    max_built_share: float = MAX_BUILT_SHARE,
    exclusions: Sequence[Optional[BaseGeometry]] = (),
    lines: Optional[Tuple[ArrayLike, ArrayLike]] = None,
    street_half_width: float = STREET_HALF_WIDTH_M,
    min_area: float = MIN_AREA_M2,
    max_area: Optional[float] = None,
    max_sites: Optional[int] = MAX_SITES,
    progress: Optional[Progress] = None,
) -> CandidatesResult:
    """Candidate sites from the open land of a built-up grid (see the module's text).

    ``share`` (0–1) and ``valid`` are the grid (rows from the top as GDAL reads them, ``geotransform`` north-up or
    south-up, not rotated); ``extent`` a shapely (Multi)Polygon in the grid's CRS; ``exclusions`` shapely polygons
    (already grown by any buffer); ``lines`` the streets as ``(coords, counts)``; ``max_sites`` 0 or None keeps
    every site.
    """
    from scipy import ndimage
    from shapely.affinity import affine_transform
    from shapely.geometry import MultiLineString
    from shapely.geometry.polygon import orient
    from shapely.ops import unary_union
    from shapely.prepared import prep

    report = progress or (lambda fraction: None)
    result = CandidatesResult()
    gt = tuple(float(value) for value in geotransform)
    cell_area = abs(gt[1] * gt[5])
    result.cell_area_m2 = cell_area
    if extent is None or extent.is_empty:
        return result
    r0, r1, c0, c1 = _window(gt, valid.shape, extent.bounds)
    if r1 <= r0 or c1 <= c0:
        return result

    # Open cells of the window whose centres lie inside the extent, row block by row block.
    sub_share, sub_valid = share[r0:r1, c0:c1], valid[r0:r1, c0:c1]
    open_mask = np.zeros(sub_valid.shape, dtype=bool)
    block = max(1, CHUNK_POINTS // max(1, c1 - c0))
    prepared_extent = prep(extent)
    threshold = np.asarray(max_built_share, dtype=sub_share.dtype) if sub_share.dtype.kind == "f" else max_built_share
    for start in range(0, r1 - r0, block):
        rows, columns = np.nonzero(sub_valid[start : start + block])
        inside = contains_points(extent, _centres(gt, rows + r0 + start, columns + c0))
        result.cells_in_extent += int(inside.sum())
        is_open = inside & (sub_share[start : start + block][rows, columns] <= threshold)
        open_mask[rows[is_open] + start, columns[is_open]] = True
        report(0.2 * min(1.0, (start + block) / (r1 - r0)))
    result.open_cells = int(open_mask.sum())
    if result.open_cells == 0:
        return result

    # Cells under an excluded polygon or a street corridor.
    rows, columns = np.nonzero(open_mask)
    centres = _centres(gt, rows + r0, columns + c0)
    excluded = np.zeros(len(rows), dtype=bool)
    exclusion_parts = [part for shape in exclusions for part in polygon_parts(shape)]
    if exclusion_parts:
        excluded |= contains_points(unary_union(exclusion_parts), centres)
    segments = segments_of(lines)
    streets = StreetIndex(segments, max(abs(gt[1]), abs(gt[5]))) if len(segments) and street_half_width > 0 else None
    if streets is not None:
        excluded[~excluded] = streets.near_points(centres[~excluded], street_half_width)
    open_mask[rows[excluded], columns[excluded]] = False
    result.excluded_cells = int(excluded.sum())
    report(0.35)

    labels, count = ndimage.label(open_mask)  # 4-connected
    result.pieces = int(count)
    if count == 0:
        return result
    cells = np.bincount(labels.ravel(), minlength=count + 1)
    share_sum = np.bincount(labels.ravel(), weights=sub_share.ravel().astype(np.float64), minlength=count + 1)
    # A piece's cut sites are never larger than its cells: pieces below min_area cannot hold a site.
    big_enough = cells * cell_area >= min_area
    big_enough[0] = False
    big_enough[1 + int(np.argmax(cells[1:]))] = True  # the largest is cut in any case: its area is reported
    result.too_small += int(count - big_enough[1:].sum())
    kept = np.nonzero(big_enough)[0]
    kept = kept[np.argsort(-cells[kept], kind="stable")]  # largest first
    numbered = np.zeros(count + 1, dtype=np.int32)
    numbered[kept] = np.arange(1, len(kept) + 1)
    grid = numbered[labels]
    report(0.4)
    if len(kept) == 0:
        return result
    # Cells in index space (x: column, y: row of the window), then placed on the map exactly.
    shapes = cluster_shapes(grid, len(kept), (0.0, 0.0), 1.0, lambda fraction: report(0.4 + 0.2 * fraction))
    matrix = [gt[1], 0.0, 0.0, gt[5], gt[0] + c0 * gt[1], gt[3] + r0 * gt[5]]
    exclusion_bounds = np.array([part.bounds for part in exclusion_parts]).reshape(-1, 4)

    cell_rows, cell_cols = np.nonzero(grid)
    order = np.argsort(grid[cell_rows, cell_cols], kind="stable")
    cell_rows, cell_cols = cell_rows[order], cell_cols[order]
    starts = np.searchsorted(grid[cell_rows, cell_cols], np.arange(1, len(kept) + 2))

    limit = max_sites if max_sites else None
    heap: List[float] = []  # the areas of the largest sites so far (a min-heap of at most `limit`)
    found: List[Tuple[float, int, int, Site]] = []  # (area, piece number, part number, Site)
    for number in range(1, len(kept) + 1):
        label = kept[number - 1]
        raw_area = cells[label] * cell_area
        if limit and len(heap) >= limit and raw_area < heap[0]:
            # no site of this piece or a smaller one can enter: count them as left out
            rest = kept[number - 1 :]
            result.beyond_max += int(len(rest))
            break
        shape = affine_transform(shapes[number - 1], matrix)
        if not prepared_extent.contains(shape):
            shape = shape.intersection(extent)
        cut: List[BaseGeometry] = []
        if len(exclusion_parts):
            x0, y0, x1, y1 = shape.bounds
            near = np.nonzero(
                (exclusion_bounds[:, 0] <= x1)
                & (exclusion_bounds[:, 2] >= x0)
                & (exclusion_bounds[:, 1] <= y1)
                & (exclusion_bounds[:, 3] >= y0)
            )[0]
            cut.extend(exclusion_parts[i] for i in near)
        if streets is not None and not shape.is_empty:
            near_segments = streets.in_box(shape.bounds, street_half_width)
            if len(near_segments):
                corridor = MultiLineString([((x1, y1), (x2, y2)) for x1, y1, x2, y2 in near_segments])
                cut.append(corridor.buffer(street_half_width))
        if cut and not shape.is_empty:
            shape = shape.difference(unary_union(cut))
        parts = polygon_parts(shape)
        if not parts:
            continue
        begin, stop = starts[number - 1], starts[number]
        piece_centres = _centres(gt, cell_rows[begin:stop] + r0, cell_cols[begin:stop] + c0)
        piece_share = sub_share[cell_rows[begin:stop], cell_cols[begin:stop]].astype(np.float64)
        for part_number, part in enumerate(parts):
            area = float(part.area)
            result.largest_m2 = max(result.largest_m2, area)
            if area < min_area or area <= 0:
                result.too_small += 1
                continue
            if max_area and area > max_area:
                result.too_large += 1
                continue
            inside = contains_points(part, piece_centres) if len(parts) > 1 else np.ones(len(piece_centres), bool)
            if inside.any():
                built, n_cells = float(piece_share[inside].mean()), int(inside.sum())
            else:
                built, n_cells = float(share_sum[label] / cells[label]), 0
            found.append((area, number, part_number, Site(orient(part, 1.0), area, 100.0 * built, n_cells)))
            if limit:
                if len(heap) < limit:
                    heapq.heappush(heap, area)
                elif area > heap[0]:
                    heapq.heapreplace(heap, area)
        if number % 32 == 0:
            report(0.6 + 0.4 * number / len(kept))
    found.sort(key=lambda item: (-item[0], item[1], item[2]))
    if limit and len(found) > limit:
        result.beyond_max += len(found) - limit
        found = found[:limit]
    result.sites = [item[3] for item in found]
    report(1.0)
    return result
