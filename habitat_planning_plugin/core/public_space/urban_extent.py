"""Urban extent from built-up data (Atlas of Urban Expansion / UN-Habitat SDG 11.3.1 module) and SDG 11.3.1.

Every valid cell gets the built-up density of the walking-distance circle around it (1 km², radius 564 m): the
built-up share of the valid cells whose centres lie in the circle (cells without data and cells beyond the raster
are left out of both the built-up sum and the count). A built-up cell is urban above 50 % density, suburban from
25 % to 50 % and rural below 25 %. Open (not built-up) cells within 100 m of an urban or suburban built-up cell are
fringe open space. What is left between them is captured open space where it is enclosed: a gap (4-connected) that
touches neither the raster's edge nor is 200 ha or larger. The urban extent is urban + suburban built-up + fringe +
captured open space; its 8-connected clusters are the extents, numbered by area (1 = largest), those smaller than
a minimum area dropped. SDG 11.3.1 compares the land consumption rate ln(Urb2/Urb1)/y with the population growth
rate ln(Pop2/Pop1)/y.

Only numpy and scipy: no QGIS. Sums over the circle are FFT convolutions in strips of rows (float64, so that the
memory stays bounded and the sums exact to far below the 6 decimals they are rounded to), which makes a
10,000 x 10,000 raster a matter of seconds and about 1 GB.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, cast

import numpy as np

from ..text import HabitatError, tr, tr_noop

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..text import Progress

# Class codes of the classified raster (0 = no data).
NO_DATA, URBAN, SUBURBAN, RURAL_BUILT, FRINGE, CAPTURED, RURAL_OPEN = range(7)
CLASS_NAMES = {
    NO_DATA: tr_noop("No data"),
    URBAN: tr_noop("Urban built-up"),
    SUBURBAN: tr_noop("Suburban built-up"),
    RURAL_BUILT: tr_noop("Rural built-up"),
    FRINGE: tr_noop("Fringe open space"),
    CAPTURED: tr_noop("Captured open space"),
    RURAL_OPEN: tr_noop("Rural open space"),
}
CLASS_COLOURS = {
    URBAN: "#a50f15",
    SUBURBAN: "#fb6a4a",
    RURAL_BUILT: "#fdd49e",
    FRINGE: "#a1d99b",
    CAPTURED: "#31a354",
    RURAL_OPEN: "#f0f0f0",
}
IN_EXTENT = (URBAN, SUBURBAN, FRINGE, CAPTURED)

# Kinds of built-up input.
SHARE, PERCENT, BINARY, GHSL_SURFACE, WORLDCOVER = "share", "percent", "binary", "ghsl_surface", "worldcover"
KINDS = (SHARE, PERCENT, BINARY, GHSL_SURFACE, WORLDCOVER)
WORLDCOVER_BUILT_UP = 50  # ESA WorldCover class "Built-up"; class 0 is its "No data"

WALKING_CIRCLE_RADIUS_M = math.sqrt(1_000_000.0 / math.pi)  # 564.19 m: the 1 km² circle of the Atlas
URBAN_DENSITY = 0.50
SUBURBAN_DENSITY = 0.25
BUILT_CELL_SHARE = 0.50
FRINGE_DISTANCE_M = 100.0
CAPTURED_MAX_M2 = 2_000_000.0  # 200 ha
MIN_EXTENT_M2 = 1_000_000.0  # 1 km²
DECIMALS = 6  # circle sums are rounded so that FFT round-off never decides a class
STRIP_CELLS = 2_000_000  # cells per strip (before the halo): about 100 MB of temporary arrays in an FFT pass


def built_up_share(
    values: ArrayLike,
    kind: str,
    cell_area_m2: Optional[float] = None,
    nodata: Optional[float] = None,
) -> Tuple[NDArray[Any], NDArray[np.bool_]]:
    """(share, valid): the built-up share 0-1 of each cell and where there is data (bool). The share is float32,
    or uint8 0/1 for BINARY and WORLDCOVER (a quarter of the memory; the results are the same).

    ``kind``: SHARE (0-1), PERCENT (0-100), BINARY (any value above 0 is built-up), GHSL_SURFACE (built-up surface
    in m² per cell, divided by ``cell_area_m2``) or WORLDCOVER (class 50 is built-up, class 0 is no data).
    ``nodata`` is the band's nodata value (None: every finite value is data).
    """
    if kind not in KINDS:
        raise ValueError(kind)
    values = np.asarray(values)
    valid = np.ones(values.shape, dtype=bool)
    if nodata is not None and not math.isnan(nodata):
        valid &= values != nodata
    if values.dtype.kind == "f":
        valid &= np.isfinite(values)
    if kind == WORLDCOVER:
        valid &= values != 0
        share = (values == WORLDCOVER_BUILT_UP).view(np.uint8)
    elif kind == BINARY:
        share = (values > 0).view(np.uint8)
    else:
        share = values.astype(np.float32)  # a copy: the caller's array is never changed
        if kind == PERCENT:
            share /= np.float32(100.0)
        elif kind == GHSL_SURFACE:
            if not cell_area_m2 or cell_area_m2 <= 0:
                raise ValueError("cell_area_m2")
            share /= np.float32(cell_area_m2)
        np.clip(share, 0.0, 1.0, out=share)
    share[~valid] = 0.0
    return share, valid


def share_out_of_range(
    values: NDArray[Any],
    kind: str,
    valid: NDArray[np.bool_],
    cell_area_m2: Optional[float] = None,
) -> Optional[float]:
    """The largest valid value when it cannot be a share of this ``kind`` (over 1, 100 or the cell area by more
    than 1 %), else None: a hint that the wrong kind was chosen."""
    limits: Dict[str, float] = {SHARE: 1.0, PERCENT: 100.0}
    if cell_area_m2 is not None:  # without it a surface cannot be judged (it was a TypeError)
        limits[GHSL_SURFACE] = cell_area_m2
    if kind not in limits or not valid.any():
        return None
    largest = float(np.max(values[valid]))
    return largest if largest > 1.01 * limits[kind] else None


def disc_kernel(radius_m: float, cell_x: float, cell_y: float) -> NDArray[np.float64]:
    """1 for the cells whose centres lie within ``radius_m`` of the centre cell's centre, else 0 (float64)."""
    half_x, half_y = int(radius_m // cell_x), int(radius_m // cell_y)
    dy, dx = np.mgrid[-half_y : half_y + 1, -half_x : half_x + 1]
    return ((dx * cell_x) ** 2 + (dy * cell_y) ** 2 <= radius_m**2 * (1 + 1e-12)).astype(np.float64)


def strip_sums(
    arrays: Sequence[NDArray[Any]],
    kernel: NDArray[np.float64],
    strip_cells: int = STRIP_CELLS,
) -> Iterator[Tuple[int, int, List[NDArray[np.float64]]]]:
    """Yield (first row, end row, [sums]) strip by strip: each array's sum over the (symmetric) ``kernel`` around
    every cell, zero beyond the array, rounded to DECIMALS. One kernel FFT serves every strip and array."""
    from scipy import fft

    rows, cols = arrays[0].shape
    half_r, half_c = kernel.shape[0] // 2, kernel.shape[1] // 2
    strip = int(min(rows, max(2 * half_r + 1, strip_cells // max(cols, 1))))
    block_rows = strip + 2 * half_r
    shape = (
        fft.next_fast_len(block_rows + kernel.shape[0] - 1, True),
        fft.next_fast_len(cols + kernel.shape[1] - 1, True),
    )
    kernel_fft = fft.rfft2(kernel, shape)
    block = np.zeros((block_rows, cols), dtype=np.float64)
    for first in range(0, rows, strip):
        end = min(rows, first + strip)
        low, high = first - half_r, end + half_r  # rows of the block, halo included
        sums = []
        for array in arrays:
            block.fill(0.0)
            block[max(low, 0) - low : min(high, rows) - low] = array[max(low, 0) : min(high, rows)]
            full = fft.irfft2(fft.rfft2(block, shape) * kernel_fft, shape)
            # For a symmetric kernel, output row t of the strip is row t + 2*half_r of the full convolution.
            sums.append(np.round(full[2 * half_r : 2 * half_r + end - first, half_c : half_c + cols], DECIMALS))
        yield first, end, sums


def circle_density(
    share: NDArray[Any],
    valid: NDArray[np.bool_],
    cell_x: float,
    cell_y: float,
    radius_m: float = WALKING_CIRCLE_RADIUS_M,
) -> NDArray[np.float32]:
    """Built-up share of the valid cells in the circle around every cell (float32; NaN where there is no data)."""
    kernel = disc_kernel(radius_m, cell_x, cell_y)
    density = np.full(share.shape, np.nan, dtype=np.float32)
    for first, end, (built, count) in strip_sums([share, valid], kernel):
        with np.errstate(invalid="ignore", divide="ignore"):
            part = built / count
        density[first:end] = np.where(valid[first:end], part, np.nan)
    return density


@dataclass
class Extent:
    """One urban extent: its id (1 = largest) and areas in m²."""

    extent_id: int
    cells: int
    area_m2: float
    urban_m2: float
    suburban_m2: float
    fringe_m2: float
    captured_m2: float


@dataclass
class UrbanExtentResult:
    classes: NDArray[np.uint8]  # class codes per cell (CLASS_NAMES)
    labels: NDArray[np.int32]  # extent id per cell, 0 outside every kept extent
    extents: List[Extent]  # by id
    cell_area_m2: float
    dropped: int = 0  # extents smaller than the minimum area
    dropped_m2: float = 0.0
    largest_dropped_m2: float = 0.0
    built_cells: int = 0
    class_cells: Dict[int, int] = field(default_factory=dict)  # {class: cells} over the whole raster


def classify_urban_extent(
    share: NDArray[Any],
    valid: NDArray[np.bool_],
    cell_x: float,
    cell_y: float,
    urban: float = URBAN_DENSITY,
    suburban: float = SUBURBAN_DENSITY,
    built_cell: float = BUILT_CELL_SHARE,
    radius_m: float = WALKING_CIRCLE_RADIUS_M,
    fringe_m: float = FRINGE_DISTANCE_M,
    captured_max_m2: float = CAPTURED_MAX_M2,
    min_extent_m2: float = MIN_EXTENT_M2,
    progress: Optional[Progress] = None,
) -> UrbanExtentResult:
    """Classes, extents and their areas for a built-up ``share`` grid (0-1) with cells ``cell_x`` x ``cell_y`` m:
    built_up_classes, then urban_extent_from_classes (call the two yourself to free ``share`` in between)."""
    report = progress or (lambda fraction: None)
    classes = built_up_classes(
        share, valid, cell_x, cell_y, urban, suburban, built_cell, radius_m, lambda fraction: report(0.5 * fraction)
    )
    return urban_extent_from_classes(
        classes, cell_x, cell_y, fringe_m, captured_max_m2, min_extent_m2, lambda fraction: report(0.5 + 0.5 * fraction)
    )


def built_up_classes(
    share: NDArray[Any],
    valid: NDArray[np.bool_],
    cell_x: float,
    cell_y: float,
    urban: float = URBAN_DENSITY,
    suburban: float = SUBURBAN_DENSITY,
    built_cell: float = BUILT_CELL_SHARE,
    radius_m: float = WALKING_CIRCLE_RADIUS_M,
    progress: Optional[Progress] = None,
) -> NDArray[np.uint8]:
    """Class codes (uint8): URBAN, SUBURBAN or RURAL_BUILT for the built-up cells, RURAL_OPEN for the other cells
    with data, NO_DATA. A cell is built-up when its share is at least ``built_cell``; its density in the circle of
    ``radius_m`` above ``urban`` is urban, from ``suburban`` to ``urban`` suburban, below ``suburban`` rural.
    ``progress(fraction)`` may raise to cancel."""
    report = progress or (lambda fraction: None)
    if not 0.0 < suburban < urban <= 1.0:
        raise HabitatError(
            tr(
                "The suburban density ({0} %) must be above 0 and below the urban density ({1} %), "
                "which is at most 100 %.",
                f"{100 * suburban:g}",
                f"{100 * urban:g}",
            )
        )
    rows = share.shape[0]
    classes = np.where(valid, np.uint8(RURAL_OPEN), np.uint8(NO_DATA)).astype(np.uint8, copy=False)
    # Strip by strip: neither a full density array nor a full built-up mask.
    for first, end, (built_sum, count) in strip_sums([share, valid], disc_kernel(radius_m, cell_x, cell_y)):
        with np.errstate(invalid="ignore", divide="ignore"):
            density = built_sum / count
        part = classes[first:end]
        here = valid[first:end] & (share[first:end] >= np.float32(built_cell))
        part[here & (density > urban)] = URBAN
        part[here & (density <= urban) & (density >= suburban)] = SUBURBAN
        part[here & (density < suburban)] = RURAL_BUILT
        report(end / rows)
    return classes


def urban_extent_from_classes(
    classes: NDArray[np.uint8],
    cell_x: float,
    cell_y: float,
    fringe_m: float = FRINGE_DISTANCE_M,
    captured_max_m2: float = CAPTURED_MAX_M2,
    min_extent_m2: float = MIN_EXTENT_M2,
    progress: Optional[Progress] = None,
) -> UrbanExtentResult:
    """Fringe and captured open space added to ``classes`` (changed in place), the extents and their areas."""
    from scipy import ndimage

    report = progress or (lambda fraction: None)
    cell_area = float(cell_x) * float(cell_y)
    rows = classes.shape[0]
    step = max(1, STRIP_CELLS // max(classes.shape[1], 1))  # rows per strip of the cell-wise passes

    # 2. Fringe: open cells within fringe_m of an urban or suburban built-up cell.
    core = (classes == URBAN) | (classes == SUBURBAN)
    if fringe_m > 0 and core.any():
        for first, end, (near,) in strip_sums([core], disc_kernel(fringe_m, cell_x, cell_y)):
            part = classes[first:end]
            part[(part == RURAL_OPEN) & (near > 0.5)] = FRINGE
    report(0.3)

    # 3. Captured open space: 4-connected gaps of everything else, enclosed (not touching the raster's edge) and
    #    smaller than captured_max_m2. Their cells with data become captured open space (rural built-up cells in
    #    such a gap too: the gap is one piece of the city).
    urbanised = core
    urbanised |= classes == FRINGE
    del core
    gaps, count = ndimage.label(~urbanised)  # 4-connectivity: the dual of the extents' 8-connectivity
    if count:
        sizes = _label_sizes(gaps, count, step)
        enclosed = np.ones(count + 1, dtype=bool)
        enclosed[0] = False
        for edge in (gaps[0], gaps[-1], gaps[:, 0], gaps[:, -1]):
            enclosed[np.unique(edge)] = False
        captured_gap = enclosed & (sizes * cell_area < captured_max_m2)
        for first in range(0, rows, step):
            end = min(rows, first + step)
            part = classes[first:end]
            take = captured_gap[gaps[first:end]] & (part != NO_DATA)
            part[take] = CAPTURED
            urbanised[first:end] |= take
    del gaps
    report(0.6)

    # 4. Extents: 8-connected clusters, numbered by area, the small ones dropped.
    labels, count = ndimage.label(urbanised, structure=np.ones((3, 3), dtype=bool))
    del urbanised
    labels = labels.astype(np.int32, copy=False)
    sizes = _label_sizes(labels, count, step)[1:]
    order = np.argsort(-sizes, kind="stable")
    keep = order[sizes[order] * cell_area >= min_extent_m2]
    lookup = np.zeros(count + 1, dtype=np.int32)
    lookup[keep + 1] = np.arange(1, len(keep) + 1, dtype=np.int32)
    dropped_sizes = sizes[order[len(keep) :]]
    for first in range(0, rows, step):  # renumbered in place, strip by strip: no second full label array
        labels[first : first + step] = lookup[labels[first : first + step]]
    report(0.8)

    # 5. Areas by class within each extent, and over the whole raster.
    per_class = np.zeros((len(keep) + 1, 7), dtype=np.int64)
    for first in range(0, rows, step):
        codes = labels[first : first + step].astype(np.int64) * 7 + classes[first : first + step]
        per_class += np.bincount(codes.ravel(), minlength=per_class.size).reshape(per_class.shape)
    totals = per_class.sum(axis=0)
    per_class = per_class.tolist()  # plain Python numbers for the callers (QGIS does not take numpy scalars)
    extents = [
        Extent(
            extent_id,
            sum(per_class[extent_id]),
            sum(per_class[extent_id]) * cell_area,
            per_class[extent_id][URBAN] * cell_area,
            per_class[extent_id][SUBURBAN] * cell_area,
            per_class[extent_id][FRINGE] * cell_area,
            per_class[extent_id][CAPTURED] * cell_area,
        )
        for extent_id in range(1, len(keep) + 1)
    ]
    report(1.0)
    return UrbanExtentResult(
        classes,
        labels,
        extents,
        cell_area,
        dropped=int(len(dropped_sizes)),
        dropped_m2=float(dropped_sizes.sum()) * cell_area,
        largest_dropped_m2=float(dropped_sizes.max()) * cell_area if len(dropped_sizes) else 0.0,
        built_cells=int(totals[URBAN] + totals[SUBURBAN] + totals[RURAL_BUILT]),
        class_cells={code: int(totals[code]) for code in CLASS_NAMES},
    )


def _label_sizes(labels: NDArray[np.integer[Any]], count: int, step: int) -> NDArray[np.int64]:
    """Cells per label, strip by strip (bincount of the whole array would copy it to int64: 800 MB at 10,000²)."""
    sizes = np.zeros(count + 1, dtype=np.int64)
    for first in range(0, labels.shape[0], step):
        sizes += np.bincount(labels[first : first + step].ravel(), minlength=count + 1)
    return sizes


# --- Looking up extents at points, population in extents, two dates ------------------------------------------


def cell_index(geotransform: Sequence[float], xy: ArrayLike) -> Tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(row, column) of the cells holding the points ``xy`` (n, 2) of a north-up grid; may lie outside it."""
    x0, dx, _, y0, _, dy = geotransform
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    return np.floor((xy[:, 1] - y0) / dy).astype(np.int64), np.floor((xy[:, 0] - x0) / dx).astype(np.int64)


def labels_at(labels: NDArray[np.integer[Any]], geotransform: Sequence[float], xy: ArrayLike) -> NDArray[np.int64]:
    """The extent id at each point (0 outside every extent and outside the grid)."""
    row, col = cell_index(geotransform, xy)
    inside = (row >= 0) & (col >= 0) & (row < labels.shape[0]) & (col < labels.shape[1])
    found = np.zeros(len(row), dtype=np.int64)
    found[inside] = labels[row[inside], col[inside]]
    return found


def population_by_extent(
    labels: NDArray[np.integer[Any]],
    geotransform: Sequence[float],
    extent_count: int,
    population: ArrayLike,
    population_geotransform: Sequence[float],
    population_valid: Optional[NDArray[np.bool_]] = None,
    to_label_crs: Optional[Callable[[NDArray[np.float64]], NDArray[np.float64]]] = None,
    max_points: int = 2_000_000,
    progress: Optional[Progress] = None,
) -> NDArray[np.float64]:
    """People in each extent (array indexed by extent id; [0] = outside every extent) from a population grid.

    A population cell much coarser than the extent grid is spread evenly over k x k sub-cell points (k up to 10,
    chosen so that the points are about one extent cell apart) so that a cell on an extent's edge is shared in
    proportion. ``to_label_crs(xy) -> xy`` transforms points of the population grid's CRS (None: the same CRS).
    ``progress(fraction)`` is called for every chunk of points (it may raise to cancel).
    """
    transform = to_label_crs or (lambda xy: xy)
    population = np.asarray(population, dtype=np.float64)
    good = np.isfinite(population) & (population > 0)
    if population_valid is not None:
        good &= population_valid
    rows, cols = np.nonzero(good)
    totals = np.zeros(extent_count + 1, dtype=np.float64)
    if len(rows) == 0:
        return totals
    px0, pdx, _, py0, _, pdy = population_geotransform
    middle = len(rows) // 2
    centre = np.array([px0 + (cols[middle] + 0.5) * pdx, py0 + (rows[middle] + 0.5) * pdy])
    probe = transform(np.array([centre, centre + (pdx, 0.0), centre + (0.0, pdy)]))
    cell_size = max(np.hypot(*(probe[1] - probe[0])), np.hypot(*(probe[2] - probe[0])))
    label_cell = min(abs(geotransform[1]), abs(geotransform[5]))
    ratio = cell_size / label_cell if label_cell > 0 else float("nan")
    k = int(min(10, max(1, math.ceil(ratio - 1e-9)))) if math.isfinite(ratio) else 1  # a point out of the CRS's area
    # gives no size: one point per cell
    offsets = (np.arange(k) + 0.5) / k
    off_col, off_row = [a.ravel() for a in np.meshgrid(offsets, offsets)]
    per_chunk = max(1, max_points // (k * k))
    for start in range(0, len(rows), per_chunk):
        if progress is not None:
            progress(start / len(rows))
        r, c = rows[start : start + per_chunk], cols[start : start + per_chunk]
        x = px0 + (c[:, None] + off_col[None, :]) * pdx
        y = py0 + (r[:, None] + off_row[None, :]) * pdy
        found = labels_at(labels, geotransform, transform(np.c_[x.ravel(), y.ravel()]))
        weights = np.repeat(population[r, c] / (k * k), k * k)
        totals += np.bincount(found, weights=weights, minlength=extent_count + 1)
    # No extent holds more than all the people: k*k shares of a cell may sum a rounding above the cell (an
    # overflow for values near the float maximum).
    with np.errstate(over="ignore"):
        everyone = population[rows, cols].sum()
    return np.minimum(totals, everyone) if np.isfinite(everyone) else totals


def match_earlier(
    labels_later: NDArray[np.integer[Any]], labels_earlier: NDArray[np.integer[Any]], earlier_count: int
) -> NDArray[np.int64]:
    """For each earlier extent (index = its id), the later extent it overlaps most (0: none); same grid."""
    if labels_later.shape != labels_earlier.shape:
        raise ValueError("the two dates must share one grid")
    later_count = int(labels_later.max()) if labels_later.size else 0
    pairs: Dict[int, int] = {}
    step = max(1, STRIP_CELLS // max(labels_later.shape[1], 1))
    for first in range(0, labels_later.shape[0], step):
        earlier = labels_earlier[first : first + step].ravel()
        later = labels_later[first : first + step].ravel()
        both = (earlier > 0) & (later > 0)
        codes, counts = np.unique(earlier[both].astype(np.int64) * (later_count + 1) + later[both], return_counts=True)
        for code, number in zip(cast(List[int], codes.tolist()), cast(List[int], counts.tolist())):
            pairs[code] = pairs.get(code, 0) + number
    best = np.zeros(earlier_count + 1, dtype=np.int64)
    best_cells = np.zeros(earlier_count + 1, dtype=np.int64)
    for code in sorted(pairs):  # sorted: ties go to the lower (larger) later extent
        earlier_id, later_id = divmod(code, later_count + 1)
        if pairs[code] > best_cells[earlier_id]:
            best[earlier_id], best_cells[earlier_id] = later_id, pairs[code]
    return best


@dataclass
class LandUseEfficiency:
    """SDG 11.3.1 for one city between two dates; rates per year as fractions (0.02 = 2 % a year)."""

    urban_m2_1: float
    urban_m2_2: float
    population_1: Optional[float]
    population_2: Optional[float]
    years: float
    lcr: Optional[float] = None  # land consumption rate ln(Urb2/Urb1)/y
    pgr: Optional[float] = None  # population growth rate ln(Pop2/Pop1)/y
    ratio: Optional[float] = None  # LCR/PGR
    note: str = ""  # why a value is missing or how to read it (translated)


def land_use_efficiency(
    urban_m2_1: float, urban_m2_2: float, population_1: Optional[float], population_2: Optional[float], years: float
) -> LandUseEfficiency:
    """LCR = ln(Urb2/Urb1)/y, PGR = ln(Pop2/Pop1)/y and LCRPGR = LCR/PGR (UN-Habitat, SDG 11.3.1 metadata)."""
    if not years or years <= 0:
        raise HabitatError(tr("The later date must come after the earlier one (years between them: {0}).", years))
    result = LandUseEfficiency(urban_m2_1, urban_m2_2, population_1, population_2, years)
    notes: List[str] = []
    if urban_m2_1 and urban_m2_1 > 0 and urban_m2_2 and urban_m2_2 > 0:
        result.lcr = math.log(urban_m2_2 / urban_m2_1) / years
    else:
        notes.append(tr("no urban extent at one of the dates, so the land consumption rate is undefined"))
    if population_1 is not None and population_2 is not None and population_1 > 0 and population_2 > 0:
        result.pgr = math.log(population_2 / population_1) / years
    else:
        notes.append(tr("no population at one of the dates, so the population growth rate is undefined"))
    if result.lcr is not None and result.pgr is not None:
        if result.pgr == 0:
            notes.append(tr("the population did not change, so the ratio is undefined"))
        else:
            result.ratio = result.lcr / result.pgr
            if result.pgr < 0:
                notes.append(tr("the population fell: a negative ratio is not a sign of efficient land use"))
    result.note = "; ".join(notes)
    return result
