"""Functional (scalogram) analysis: Guttman ordering, reproducibility, scalability and the centrality index.

Rondinelli, Urban Functions in Rural Development (UNU, Bicol River Basin), methods.md §3.2:
    w_j  = C / N_j          C = 100 (total centrality of a function), N_j = settlements having function j
    CI_i = sum_j x_ij w_j
Guttman coefficient of reproducibility CR = 1 - errors / (N x K) (Goodenough-Edwards error count against the
perfect scale each settlement's number of functions implies; accept >= 0.90); coefficient of scalability
CS = (CR - MMR) / (1 - MMR) (Menzel), MMR the minimal marginal reproducibility (accept >= 0.60).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..text import HabitatError, number_list, tr

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..text import Progress

TOTAL_CENTRALITY = 100.0
MAX_LEVELS = 7


@dataclass
class Scalogram:
    presence: NDArray[np.int64]  # (settlements, functions) 0/1, rows and columns in Guttman order
    settlement_order: NDArray[np.int64]  # original row index of each ordered row
    function_order: NDArray[np.int64]  # original column index of each ordered column
    weights: NDArray[np.float64]  # centrality weight of each function, original order
    centrality: NDArray[np.float64]  # centrality index of each settlement, original order
    errors: int
    reproducibility: float
    scalability: float


def scalogram(presence: ArrayLike) -> Scalogram:
    """Order the presence matrix (settlements x functions) and compute the Guttman and centrality measures."""
    matrix = (np.asarray(presence) > 0).astype(np.int64)
    if matrix.ndim != 2 or matrix.shape[0] < 2 or matrix.shape[1] < 1:
        raise HabitatError(tr("The scalogram needs at least two settlements and one function."))
    n_settlements, n_functions = matrix.shape
    ubiquity = matrix.sum(axis=0)
    present = ubiquity > 0
    if not present.any():
        raise HabitatError(tr("No settlement has any of the functions."))
    weights = np.where(present, TOTAL_CENTRALITY / np.maximum(ubiquity, 1), 0.0)
    centrality = matrix @ weights

    # Functions by decreasing ubiquity, settlements by decreasing number of functions (ties: centrality, index).
    totals = matrix.sum(axis=1)
    function_order = _fit_ties(matrix, ubiquity, totals, np.lexsort((np.arange(n_functions), -ubiquity)))
    settlement_order = np.lexsort((np.arange(n_settlements), -centrality, -totals))
    ordered = matrix[settlement_order][:, function_order]

    # Perfect scale: a settlement with t functions has the t most ubiquitous ones.
    ideal = (np.arange(n_functions)[None, :] < ordered.sum(axis=1)[:, None]).astype(np.int64)
    errors = int(np.abs(ordered - ideal).sum())
    cells = n_settlements * n_functions
    reproducibility = 1.0 - errors / cells
    marginal = np.maximum(ubiquity, n_settlements - ubiquity).sum() / cells
    scalability = (reproducibility - marginal) / (1.0 - marginal) if marginal < 1.0 else float("nan")
    # Plain floats: numpy scalars do not convert to QVariant for Processing outputs.
    return Scalogram(
        ordered,
        settlement_order,
        function_order,
        weights,
        centrality,
        errors,
        float(reproducibility),
        float(scalability),
    )


def _fit_ties(
    matrix: NDArray[np.int64], ubiquity: NDArray[np.int64], totals: NDArray[np.int64], order: NDArray[np.int64]
) -> NDArray[np.int64]:
    """``order`` with each run of equally ubiquitous functions placed where it fits the perfect scale best (fewest
    errors, an assignment solved exactly), so that the scale's errors never depend on the functions' names or
    column order."""
    from scipy.optimize import linear_sum_assignment

    order = order.copy()
    start = 0
    while start < len(order):
        stop = start + 1
        while stop < len(order) and ubiquity[order[stop]] == ubiquity[order[start]]:
            stop += 1
        if stop - start > 1:
            group = order[start:stop]
            ideal = (np.arange(start, stop)[None, :] < totals[:, None]).astype(np.int64)  # settlements x positions
            cost = np.abs(matrix[:, group][:, :, None] - ideal[:, None, :]).sum(axis=0)  # function x position
            rows, columns = linear_sum_assignment(cost)
            order[start + columns] = group[rows]
        start = stop
    return order


def natural_breaks(values: ArrayLike, classes: int, progress: Optional[Progress] = None) -> List[float]:
    """Upper bounds of ``classes`` classes by Fisher-Jenks (least within-class squared deviation), exact.
    ``progress(fraction)`` is called as the work goes on (it may raise to cancel)."""
    data = np.sort(np.asarray(values, dtype=float))
    n = len(data)
    if classes < 2 or n < classes:
        raise HabitatError(tr("Natural breaks need at least {0} distinct settlements.", classes))
    cum = np.concatenate([[0.0], np.cumsum(data)])
    cum2 = np.concatenate([[0.0], np.cumsum(data * data)])

    def cost(start: Union[int, NDArray[np.int64]], stop: int) -> Any:  # sum of squared deviations of data[start:stop]
        count = stop - start
        total = cum[stop] - cum[start]
        return cum2[stop] - cum2[start] - total * total / count

    # best[k][i]: minimal cost of splitting data[:i] into k classes; arg[k][i]: start of the last class.
    best = np.full((classes + 1, n + 1), np.inf)
    arg = np.zeros((classes + 1, n + 1), dtype=np.int64)
    best[1, 1:] = [cost(0, i) for i in range(1, n + 1)]
    for k in range(2, classes + 1):
        for i in range(k, n + 1):
            if progress is not None and i % 500 == 0:
                progress(((k - 2) * n + i) / ((classes - 1) * n))
            starts = np.arange(k - 1, i)
            candidates = best[k - 1, starts] + cost(starts, i)
            j = int(np.argmin(candidates))
            best[k, i], arg[k, i] = candidates[j], starts[j]
    bounds: List[float] = []
    stop = n
    for k in range(classes, 0, -1):
        bounds.append(data[stop - 1])
        stop = arg[k, stop]
    return sorted(bounds)


def classify(values: ArrayLike, upper_bounds: Sequence[float]) -> NDArray[np.int64]:
    """Class of each value, 0 for the highest class (e.g. central), given increasing upper bounds."""
    values = np.asarray(values, dtype=float)
    ascending = np.searchsorted(np.asarray(upper_bounds, dtype=float)[:-1], values, side="left")
    return (len(upper_bounds) - 1) - ascending


def presence_from_facilities(
    settlements: Union[NDArray[np.float64], Sequence[Optional[BaseGeometry]]],
    facility_xy: ArrayLike,
    facility_functions: Sequence[object],
    max_distance: Optional[float] = None,
) -> Tuple[NDArray[np.int64], List[str], NDArray[np.int64], List[int]]:
    """Presence matrix (settlements x functions, 0/1), the function names (sorted), the facility counts and the
    indices of facilities that fall in no settlement.

    ``settlements`` are shapely polygons (a facility belongs to the polygon holding it) or an (n, 2) array of
    points (a facility belongs to the nearest settlement within ``max_distance`` metres).
    """
    facility_xy = np.asarray(facility_xy, dtype=float).reshape(-1, 2)
    labels = [str(value).strip() for value in facility_functions]
    functions = sorted({label for label in labels if label})
    if not functions:
        raise HabitatError(tr("The facilities have no function values."))
    if isinstance(settlements, np.ndarray):
        from scipy.spatial import cKDTree

        located = np.flatnonzero(np.isfinite(settlements).all(axis=1))  # settlements without a point get nothing
        if len(located) == 0:
            raise HabitatError(tr("No settlement has a location."))
        distance, nearest = cKDTree(settlements[located]).query(facility_xy)
        owner = located[nearest]
        if max_distance is not None:
            owner = np.where(distance <= max_distance, owner, -1)
        count = len(settlements)
    else:
        from ..geometry import polygon_of_points

        owner = polygon_of_points(facility_xy, settlements)
        count = len(settlements)
    column = {name: index for index, name in enumerate(functions)}
    counts = np.zeros((count, len(functions)), dtype=np.int64)
    unassigned: List[int] = []
    for index, (settlement, label) in enumerate(zip(owner, labels)):
        if not label:
            continue
        if settlement < 0:
            unassigned.append(index)
            continue
        counts[settlement, column[label]] += 1
    return (counts > 0).astype(np.int64), functions, counts, unassigned


HIERARCHY_LABELS: Dict[int, Tuple[str, ...]] = {3: ("central", "intermediate", "local")}


def hierarchy(
    centrality: ArrayLike,
    method: str = "natural_breaks",
    classes: int = 3,
    thresholds: Optional[Sequence[float]] = None,
    progress: Optional[Progress] = None,
) -> Tuple[NDArray[np.int64], List[float]]:
    """Class of each settlement (0 = highest) and the upper bounds used; method natural_breaks, quantiles or
    thresholds (increasing centrality values separating the classes)."""
    values = np.asarray(centrality, dtype=float)
    if method == "thresholds":
        if not thresholds or any(b <= a for a, b in zip(thresholds, thresholds[1:])):
            raise HabitatError(tr("Hierarchy thresholds must be increasing centrality values."))
        bounds = list(thresholds) + [max(float(values.max()), thresholds[-1])]
    elif method == "quantiles":
        bounds = [float(np.quantile(values, q)) for q in np.linspace(0, 1, classes + 1)[1:]]
    else:
        if len(np.unique(values)) < classes:
            raise HabitatError(tr("Natural breaks need at least {0} distinct settlements.", classes))
        bounds = natural_breaks(values, classes, progress)
    return classify(values, bounds), bounds


def parse_thresholds(text: Optional[str]) -> List[float]:
    """Increasing centrality values separating the hierarchy levels (at most 6: 7 levels); a HabitatError saying
    what is wrong otherwise."""
    thresholds = number_list(text, tr('Thresholds must be numbers separated by commas; got "{0}".', text))
    if not thresholds:
        raise HabitatError(
            tr("The thresholds method needs the thresholds: increasing centrality values separated by commas.")
        )
    if len(thresholds) > MAX_LEVELS - 1:
        raise HabitatError(
            tr(
                "{0} thresholds make {1} hierarchy levels; give at most {2} thresholds ({3} levels).",
                len(thresholds),
                len(thresholds) + 1,
                MAX_LEVELS - 1,
                MAX_LEVELS,
            )
        )
    if min(thresholds) < 0:
        raise HabitatError(tr('Thresholds are centrality values, which are never negative; got "{0}".', text))
    if any(b <= a for a, b in zip(thresholds, thresholds[1:])):
        raise HabitatError(tr('Hierarchy thresholds must be increasing centrality values; got "{0}".', text))
    return thresholds


def combined_hierarchy(
    centrality: ArrayLike,
    development: ArrayLike,
    classes: int = 3,
    weight: float = 0.5,
    method: str = "natural_breaks",
    progress: Optional[Progress] = None,
) -> Tuple[NDArray[np.int64], List[float], NDArray[np.float64]]:
    """The hierarchy by physical and socio-economic development and centrality together (the UN-Habitat SDF's
    central / intermediate / local sectors): (level of each settlement, 0 = highest, -1 = none; the upper bounds
    used; the combined score, NaN = none).

    score = 100 * (weight * minmax(centrality) + (1 - weight) * minmax(development)), both scaled over the
    settlements that have both values (a constant one gives 0), classed by ``hierarchy`` with ``method`` into
    ``classes``. A settlement without a development index (or a centrality) gets no class."""
    if not 0.0 <= weight <= 1.0:
        raise HabitatError(tr("The weight of centrality must lie between 0 and 1; got {0}.", f"{weight:g}"))
    centrality = np.asarray(centrality, dtype=float)
    development = np.asarray(development, dtype=float)
    if centrality.shape != development.shape:
        raise HabitatError(tr("Give one centrality and one development value per settlement."))
    valid = np.isfinite(centrality) & np.isfinite(development)
    score = np.full(len(centrality), np.nan)
    levels = np.full(len(centrality), -1, dtype=np.int64)
    if not valid.any():
        raise HabitatError(tr("No settlement has both a centrality and a development index."))

    def scaled(values: NDArray[np.float64]) -> NDArray[np.float64]:
        low, high = float(values.min()), float(values.max())
        return np.zeros_like(values) if high == low else (values - low) / (high - low)

    score[valid] = 100.0 * (weight * scaled(centrality[valid]) + (1.0 - weight) * scaled(development[valid]))
    levels[valid], bounds = hierarchy(score[valid], method, classes, progress=progress)
    return levels, bounds, score
