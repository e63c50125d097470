"""Agreement among assessors: Krippendorff's alpha (any number of assessors, missing scores allowed) and percent
agreement (methods.md §2.3; Stevens, Lyles & Berke 2014 recommend alpha over percent agreement).

Alpha follows Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), with the coincidence matrix:
    o_ck = sum over units u of (pairs of values c, k in u) / (m_u - 1)     (units with m_u >= 2 values only)
    alpha = 1 - (n - 1) * sum_ck o_ck d2_ck / sum_ck n_c n_k d2_ck
with the difference function d2 of the level of measurement (nominal, ordinal, interval, ratio).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..text import HabitatError, tr

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

LEVELS = ("nominal", "ordinal", "interval", "ratio")


def _differences(values: NDArray[np.float64], totals: NDArray[np.float64], level: str) -> NDArray[np.float64]:
    """Squared difference d2 between every pair of the sorted distinct values."""
    c, k = np.meshgrid(values, values, indexing="ij")
    if level == "nominal":
        return (c != k).astype(float)
    if level == "interval":
        return (c - k) ** 2
    if level == "ratio":
        total = c + k
        return np.divide((c - k) ** 2, total**2, out=np.zeros_like(total, dtype=float), where=total != 0)
    if level == "ordinal":
        cumulative = np.concatenate([[0.0], np.cumsum(totals)])
        i, j = np.meshgrid(np.arange(len(values)), np.arange(len(values)), indexing="ij")
        low, high = np.minimum(i, j), np.maximum(i, j)
        between = cumulative[high + 1] - cumulative[low]  # n_g summed from the lower to the higher value
        return (between - (totals[i] + totals[j]) / 2.0) ** 2
    raise HabitatError(tr("Unknown level of measurement: {0}", level))


def krippendorff_alpha(ratings: ArrayLike, level: str = "ordinal") -> float:
    """Alpha of a (assessors, units) matrix with NaN for missing scores; NaN when nothing can be compared."""
    data = np.asarray(ratings, dtype=float)
    if data.ndim != 2:
        raise HabitatError(tr("Agreement needs a table of assessors by criteria."))
    values = np.unique(data[np.isfinite(data)])
    if len(values) == 0:
        return float("nan")
    index = {value: position for position, value in enumerate(values)}
    coincidence = np.zeros((len(values), len(values)))
    for unit in data.T:
        present = unit[np.isfinite(unit)]
        m = len(present)
        if m < 2:
            continue
        counts = np.zeros(len(values))
        for value in present:
            counts[index[value]] += 1
        pairs = np.outer(counts, counts) - np.diag(counts)  # ordered pairs of different assessors
        coincidence += pairs / (m - 1)
    totals = coincidence.sum(axis=1)
    n = totals.sum()
    if n <= 1:
        return float("nan")
    d2 = _differences(values, totals, level)
    expected = (np.outer(totals, totals) * d2).sum()
    if expected == 0:
        return 1.0 if (coincidence * d2).sum() == 0 else float("nan")  # every score the same: full agreement
    return float(1.0 - (n - 1) * (coincidence * d2).sum() / expected)


def percent_agreement(ratings: ArrayLike) -> float:
    """Share (%) of pairs of assessors who gave the same score to a criterion, over all criteria."""
    data = np.asarray(ratings, dtype=float)
    agree = pairs = 0
    for unit in data.T:
        present = unit[np.isfinite(unit)]
        for a in range(len(present)):
            for b in range(a + 1, len(present)):
                pairs += 1
                agree += int(present[a] == present[b])
    return 100.0 * agree / pairs if pairs else float("nan")
