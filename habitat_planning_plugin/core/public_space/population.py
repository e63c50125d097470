"""Population grids coarser than a walking distance: each cell spread over sub-cell points before the join.

A 1 km cell counted at its centre is either wholly within 400 m of a park or not at all. Spreading the cell over
k × k sub-cells (k = ceil(cell size / largest sub-cell size)) keeps the cell's total and lets part of it be served:
- evenly, when nothing else is known;
- evenly over the part of the cell inside the urban extent, when one is given: the extent stands for where the
  urban population lives (on Sample City's grid aggregated to 1 km this keeps the served share within about
  1 point of the 100 m result, where an even spread over the whole cell is 3.6 points off);
- dasymetrically, in proportion to a density known inside the cell (built-up share, building footprint area):
  the people of a cell go where its buildings are, as the SDG 11.7.1 metadata suggests for grid disaggregation.
A cell with no density at all inside it is spread evenly (and counted, so the log can say so).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional, Sequence, Tuple

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    # Moves (n, 2) points of the grid's CRS to the analysis CRS.
    ToTarget = Callable[[NDArray[np.float64]], NDArray[np.float64]]
    # (density, method) of the sub-cells for a spread factor, or (None, None).
    DensityFor = Callable[[int], Tuple[Optional[NDArray[np.float64]], Optional[str]]]

EVEN = "even"
BUILT_UP = "built_up"
BUILDINGS = "buildings"
IN_EXTENT = "extent"


@dataclass
class SpreadGrid:
    xy: NDArray[np.float64]  # (n_cells * k * k, 2) sub-cell centres, in the grid's own coordinates
    weights: NDArray[np.float64]  # (n_cells * k * k, n_groups)
    parent: NDArray[np.int64]  # (n_cells * k * k,) the cell each sub-cell point came from
    factor: int  # k
    method: str  # EVEN, IN_EXTENT, BUILT_UP or BUILDINGS
    cells_spread_evenly: int = 0  # cells whose density was all zero, spread evenly instead
    cell_size: Optional[float] = None  # the cell's size in metres of the analysis CRS (set by spread_coarse_cells)


def spread_factor(cell_size: float, max_cell_size: float) -> int:
    """Sub-cells per side: 1 for a cell no larger than ``max_cell_size``, else ceil(cell / max)."""
    if not (cell_size > 0 and max_cell_size > 0) or cell_size <= max_cell_size * (1 + 1e-9):
        return 1
    return int(math.ceil(cell_size / max_cell_size - 1e-9))


def sub_cell_centres(
    centres: ArrayLike,
    column_step: ArrayLike,
    row_step: ArrayLike,
    factor: int,
) -> NDArray[np.float64]:
    """Centres of the factor × factor sub-cells of every cell (cell-major, row by row within a cell).

    ``column_step`` and ``row_step`` are the vectors from one cell to the next column and the next row (the
    geotransform's (dx, ry) and (rx, dy)), so rotated grids are handled too."""
    centres = np.asarray(centres, dtype=float).reshape(-1, 2)
    fractions = (np.arange(factor) + 0.5) / factor - 0.5
    row_f, col_f = np.meshgrid(fractions, fractions, indexing="ij")
    offsets = col_f.ravel()[:, None] * np.asarray(column_step, dtype=float) + row_f.ravel()[:, None] * np.asarray(
        row_step, dtype=float
    )  # (k*k, 2)
    return (centres[:, None, :] + offsets[None, :, :]).reshape(-1, 2)


def spread_cells(
    centres: ArrayLike,
    weights: ArrayLike,
    column_step: ArrayLike,
    row_step: ArrayLike,
    factor: int,
    density: Optional[ArrayLike] = None,
    method: str = EVEN,
) -> SpreadGrid:
    """Spread each cell's weights over its sub-cells, evenly or in proportion to ``density`` ((n_cells, k*k))."""
    centres = np.asarray(centres, dtype=float).reshape(-1, 2)
    weights = np.asarray(weights, dtype=float).reshape(len(centres), -1)
    n, per_cell = len(centres), factor * factor
    parent = np.repeat(np.arange(n), per_cell)
    if factor == 1:
        return SpreadGrid(centres, weights, parent, 1, EVEN)
    share = np.full((n, per_cell), 1.0 / per_cell)
    even_cells = 0
    if density is not None:
        density = np.clip(np.nan_to_num(np.asarray(density, dtype=float).reshape(n, per_cell)), 0.0, None)
        total = density.sum(axis=1)
        known = total > 0
        share[known] = density[known] / total[known, None]
        even_cells = int((~known & (weights[:, 0] > 0)).sum())
    else:
        method = EVEN
    xy = sub_cell_centres(centres, column_step, row_step, factor)
    spread = (weights[:, None, :] * share[:, :, None]).reshape(n * per_cell, -1)
    keep = spread[:, 0] > 0  # sub-cells with nobody need no snapping
    return SpreadGrid(xy[keep], spread[keep], parent[keep], factor, method, even_cells)


def footprint_density(
    footprint_area: ArrayLike, cell_of_point: Tuple[ArrayLike, ArrayLike, ArrayLike], n_cells: int, factor: int
) -> NDArray[np.float64]:
    """Building footprint area per sub-cell, (n_cells, k*k).

    ``cell_of_point`` gives, for every footprint centroid, (cell index or -1, fractional column, fractional row)
    inside that cell (0..1); the footprint's area goes to the sub-cell holding its centroid."""
    cell, column, row = (np.asarray(part) for part in cell_of_point)
    inside = cell >= 0
    sub_column = np.clip((column[inside] * factor).astype(np.int64), 0, factor - 1)
    sub_row = np.clip((row[inside] * factor).astype(np.int64), 0, factor - 1)
    density = np.zeros(n_cells * factor * factor)
    np.add.at(
        density,
        cell[inside] * factor * factor + sub_row * factor + sub_column,
        np.asarray(footprint_area, dtype=float)[inside],
    )
    return density.reshape(n_cells, factor * factor)


def clean_band(values: ArrayLike, nodata: Optional[float]) -> Tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """A population band as counts: nodata, NaN and infinite cells 0, negative values 0; and the invalid mask."""
    values = np.asarray(values, dtype=np.float64)
    invalid = ~np.isfinite(values)
    if nodata is not None:
        invalid |= values == nodata
    values[invalid] = 0.0
    return np.clip(values, 0.0, None), invalid


def populated_cells(
    bands: Sequence[NDArray[np.float64]],
    first_valid: NDArray[np.bool_],
    geotransform: Sequence[float],
    keep: Optional[NDArray[np.bool_]] = None,
    offset: Tuple[int, int] = (0, 0),
) -> Tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    """Centres (in the grid's CRS) and weights (n, bands) of the cells with people in the first band; ``keep`` an
    optional mask of the cells to consider, ``offset`` (column, row) of the window in the whole grid."""
    x0, dx, rx, y0, ry, dy = geotransform
    mask = first_valid & (bands[0] > 0)
    if keep is not None:
        mask &= keep
    rows, cols = np.nonzero(mask)
    weights = np.stack([band[rows, cols] for band in bands], axis=1)
    cols, rows = cols + offset[0], rows + offset[1]
    centres = np.c_[x0 + (cols + 0.5) * dx + (rows + 0.5) * rx, y0 + (cols + 0.5) * ry + (rows + 0.5) * dy]
    return centres, weights, rows, cols


def spread_coarse_cells(
    centres: NDArray[np.float64],
    weights: NDArray[np.float64],
    geotransform: Sequence[float],
    max_cell_size: Optional[float],
    to_target: Optional[ToTarget] = None,
    density_for: Optional[DensityFor] = None,
) -> Tuple[NDArray[np.float64], NDArray[np.float64], Optional[SpreadGrid]]:
    """Spread the cells when they are larger than ``max_cell_size`` metres of the target CRS (``to_target`` moves
    points of the grid's CRS there; None: the same). ``density_for(factor)`` gives (density, method) or
    (None, None). Returns (centres, weights, SpreadGrid or None), centres still in the grid's CRS."""
    _, dx, rx, _, ry, dy = geotransform
    if not max_cell_size or not len(centres):
        return centres, weights, None
    # The cell's size in metres of the analysis CRS, measured at the middle populated cell.
    middle = centres[len(centres) // 2]
    probe = np.array([middle, middle + (dx, ry), middle + (rx, dy)])
    probe = to_target(probe) if to_target is not None else probe
    cell_size = max(np.hypot(*(probe[1] - probe[0])), np.hypot(*(probe[2] - probe[0])))
    factor = spread_factor(cell_size, max_cell_size)
    if factor == 1:
        return centres, weights, None
    density, method = density_for(factor) if density_for is not None else (None, None)
    spread = spread_cells(centres, weights, (dx, ry), (rx, dy), factor, density, method or EVEN)
    spread.cell_size = cell_size
    return spread.xy, spread.weights, spread


def inside_extent_density(
    extent: BaseGeometry,
    centres: NDArray[np.float64],
    geotransform: Sequence[float],
    factor: int,
    to_target: Optional[ToTarget] = None,
) -> Tuple[NDArray[np.float64], str]:
    """1 for the sub-cells whose centre lies inside ``extent`` (target CRS), else 0: (density, IN_EXTENT)."""
    from ..geometry import contains_points

    _, dx, rx, _, ry, dy = geotransform
    sub = sub_cell_centres(centres, (dx, ry), (rx, dy), factor)
    sub = to_target(sub) if to_target is not None else sub
    return contains_points(extent, sub).astype(float).reshape(len(centres), -1), IN_EXTENT
