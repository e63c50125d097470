"""Composite development index (OECD/JRC Handbook on Constructing Composite Indicators, methods.md §3.4).

Each indicator is oriented by its polarity (+1: more is better; -1: more is worse), normalised (min-max to 0..1, or
z-scores), weighted (weights rescaled to sum to 1) and aggregated:
- linear:    index = 100 * sum_j w_j x_j                (min-max: 0..100; z-scores: a weighted mean z-score)
- geometric: index = prod_j (1 + 99 x_j) ** w_j          (min-max only: values 1..100, so that zeros do not
                                                          wipe out a settlement; poor scores are not compensated)
Missing values: "reweight" (the settlement's available weights are rescaled to 1), "mean" (the indicator's mean is
used) or "exclude" (the settlement gets no index). The sensitivity check raises and lowers each weight by 20 % and
reports how ranks move.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, List, Optional, Sequence, Tuple

import numpy as np

from ..text import HabitatError, number_list, tr

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..text import Progress

NORMALISATIONS = ("minmax", "zscore")
AGGREGATIONS = ("linear", "geometric")
MISSING_POLICIES = ("reweight", "mean", "exclude")


@dataclass
class CompositeIndex:
    normalised: NDArray[np.float64]  # (n, m), oriented so that more is better; nan where missing
    weights: NDArray[np.float64]  # (m,), summing to 1
    index: NDArray[np.float64]  # (n,), nan where excluded
    rank: NDArray[np.int64]  # (n,), 1 = most developed; 0 where excluded
    missing: NDArray[np.int64]  # (m,) count of missing values per indicator


def composite_index(
    values: ArrayLike,
    polarity: ArrayLike,
    weights: Optional[ArrayLike] = None,
    normalisation: str = "minmax",
    aggregation: str = "linear",
    missing: str = "reweight",
    names: Optional[Sequence[str]] = None,
) -> CompositeIndex:
    data = np.asarray(values, dtype=float)
    if data.ndim != 2 or data.shape[0] < 2 or data.shape[1] < 1:
        raise HabitatError(tr("The development index needs at least two settlements and one indicator."))
    n, m = data.shape
    names = list(names) if names is not None else [str(j + 1) for j in range(m)]
    polarity = np.asarray(polarity, dtype=float)
    weights = np.ones(m) if weights is None else np.asarray(weights, dtype=float)
    if len(weights) != m or np.any(weights < 0) or weights.sum() <= 0:
        raise HabitatError(tr("Give one weight per indicator, none negative and not all zero."))
    if normalisation == "zscore" and aggregation == "geometric":
        raise HabitatError(tr("Geometric aggregation needs min-max normalisation (z-scores can be negative)."))
    weights = weights / weights.sum()
    absent = ~np.isfinite(data)
    data = np.where(absent, np.nan, data)  # an infinite value is missing, not a scale that squashes the others
    missing_count = absent.sum(axis=0)
    for j in range(m):
        observed = data[~absent[:, j], j]
        if len(observed) == 0:
            raise HabitatError(tr("The indicator {0} has no values.", names[j]))
        if np.ptp(observed) == 0:
            raise HabitatError(
                tr(
                    "The indicator {0} has the same value everywhere: it cannot tell settlements apart. Leave it out.",
                    names[j],
                )
            )
    if missing == "mean":
        data = np.where(absent, np.nanmean(data, axis=0), data)

    if normalisation == "minmax":
        low, high = np.nanmin(data, axis=0), np.nanmax(data, axis=0)
        scaled = (data - low) / (high - low)
        normalised = np.where(polarity > 0, scaled, 1.0 - scaled)
    else:
        mean, std = np.nanmean(data, axis=0), np.nanstd(data, axis=0)
        normalised = (data - mean) / std * np.where(polarity > 0, 1.0, -1.0)

    index = aggregate(normalised, weights, aggregation)
    if missing == "exclude":
        index = np.where(np.isfinite(normalised).all(axis=1), index, np.nan)
    return CompositeIndex(normalised, weights, index, ranks(index), missing_count)


def aggregate(
    normalised: NDArray[np.float64],
    weights: NDArray[np.float64],
    aggregation: str = "linear",
) -> NDArray[np.float64]:
    """The index of each settlement; where values are missing, the available weights are rescaled to 1."""
    present = np.isfinite(normalised)
    usable = np.where(present, weights, 0.0)
    total = usable.sum(axis=1)
    share = np.divide(usable, total[:, None], out=np.zeros_like(usable), where=total[:, None] > 0)
    filled = np.where(present, normalised, 0.0)
    if aggregation == "geometric":
        result = np.exp((share * np.log1p(99.0 * np.clip(filled, 0.0, 1.0))).sum(axis=1))
    else:
        result = 100.0 * (share * filled).sum(axis=1)
    return np.where(total > 0, result, np.nan)


def ranks(index: ArrayLike) -> NDArray[np.int64]:
    """Rank 1 for the highest index; ties share the better rank; 0 for settlements without an index."""
    index = np.asarray(index, dtype=float)
    rank = np.zeros(len(index), dtype=np.int64)
    valid = np.isfinite(index)
    values = np.sort(index[valid])
    # 1 + the number of strictly higher values, by sorting (a pairwise comparison would need n x n memory).
    rank[valid] = 1 + len(values) - np.searchsorted(values, index[valid], side="right")
    return rank


def sensitivity(
    normalised: NDArray[np.float64],
    weights: NDArray[np.float64],
    aggregation: str = "linear",
    change: float = 0.2,
    progress: Optional[Progress] = None,
) -> List[Tuple[int, float, float, int]]:
    """For each indicator, weight x (1 - change) and x (1 + change): (indicator, factor, mean and max |rank move|).
    ``progress(fraction)`` is called after each indicator (it may raise to cancel)."""
    base = ranks(aggregate(normalised, weights, aggregation))
    rows: List[Tuple[int, float, float, int]] = []
    for j in range(len(weights)):
        if progress is not None:
            progress(j / len(weights))
        for factor in (1.0 - change, 1.0 + change):
            varied = np.array(weights, dtype=float)
            varied[j] *= factor
            moved = np.abs(ranks(aggregate(normalised, varied / varied.sum(), aggregation)) - base)[base > 0]
            rows.append((j, factor, float(moved.mean()) if len(moved) else 0.0, int(moved.max()) if len(moved) else 0))
    return rows


def extreme_values(values: ArrayLike, spread: float = 10.0) -> NDArray[np.bool_]:
    """Which finite values lie more than ``spread`` interquartile ranges outside the quartiles (a unit or typing
    slip that a min-max scale would turn into everyone else's 0); none when the quartiles coincide."""
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    far = np.zeros(len(values), dtype=bool)
    if finite.sum() < 4:
        return far
    q1, q3 = np.percentile(values[finite], [25, 75])
    iqr = q3 - q1
    if not iqr > 0:
        return far
    far[finite] = (values[finite] > q3 + spread * iqr) | (values[finite] < q1 - spread * iqr)
    return far


def parse_weights(text: Optional[str], count: int) -> Optional[List[float]]:
    """One weight per indicator from comma-separated text (None when empty: equal weights)."""
    if not text or not text.strip():
        return None
    weights = number_list(text, tr('Weights must be numbers separated by commas; got "{0}".', text))
    if len(weights) != count:
        raise HabitatError(tr("Give {0} weights, one per indicator; got {1}.", count, len(weights)))
    if min(weights) < 0 or sum(weights) <= 0:
        raise HabitatError(tr('Weights cannot be negative, nor all zero; got "{0}".', text))
    return weights
