"""Regional balance: how unequally a measure (development index, travel time, accessibility) is spread over the
settlements or sectors, weighted by their population (methods.md §3.5; evidence for SDG 11.a.1 (b), "balanced
regional development").

With values x_i > 0, weights p_i (people; 1 each when not given), shares s_i = p_i / Σp and mean μ = Σ s_i x_i:
- Theil index T = Σ_i s_i (x_i/μ) ln(x_i/μ) (a value of 0 adds nothing: x ln x → 0); 0 when all are equal.
- Decomposition by groups g (districts, hierarchy levels) with shares S_g, means μ_g:
      between = Σ_g S_g (μ_g/μ) ln(μ_g/μ)        within = Σ_g S_g (μ_g/μ) T_g        T = between + within
- Gini G = Σ_i Σ_j s_i s_j |x_i − x_j| / (2μ) (population-weighted mean absolute difference over twice the mean),
  computed by sorting in O(n log n).
- Coefficient of variation CV = σ/μ with the population-weighted standard deviation σ.
Settlements without a value (NaN) or without people (weight 0 or missing) are left out and counted; settlements
without a group count in every index and form a group of their own ("—") in the decomposition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..text import HabitatError, tr

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

NO_GROUP = "—"  # the group of the settlements without one (no district)


@dataclass
class Inequality:
    theil: float
    between: float  # Theil between the groups (0 without groups)
    within: float  # Theil within the groups (the whole index without groups)
    gini: float
    cv: float
    mean: float  # population-weighted mean
    n: int  # settlements counted
    left_out: int  # settlements without a value or without people
    # Per group: (name, settlements, population share, mean, Theil within the group)
    groups: List[Tuple[str, int, float, float, float]] = field(default_factory=list)

    @property
    def between_share(self) -> float:
        """The share of the Theil index that lies between the groups (NaN when the index is 0)."""
        return self.between / self.theil if self.theil > 0 else float("nan")


def _usable(values: ArrayLike, weights: Optional[ArrayLike]) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    x = np.asarray(values, dtype=float)
    w = np.ones(len(x)) if weights is None else np.asarray(weights, dtype=float)
    if len(w) != len(x):
        raise HabitatError(tr("Give one weight per value."))
    if np.any(x[np.isfinite(x)] < 0):
        raise HabitatError(tr("Inequality indices need values of 0 or more."))
    return x, w


def _keep(x: NDArray[np.float64], w: NDArray[np.float64]) -> NDArray[np.bool_]:
    return np.isfinite(x) & np.isfinite(w) & (w > 0)


def theil(values: ArrayLike, weights: Optional[ArrayLike] = None) -> float:
    """Population-weighted Theil T index of ``values`` (NaN when nothing is left or the mean is 0)."""
    x, w = _usable(values, weights)
    keep = _keep(x, w)
    return _theil(x[keep], w[keep])


def _theil(x: NDArray[np.float64], w: NDArray[np.float64]) -> float:
    if len(x) == 0 or w.sum() <= 0:
        return float("nan")
    s = w / w.sum()
    mean = float((s * x).sum())
    if mean <= 0:
        return float("nan")
    ratio = x / mean
    terms = np.where(ratio > 0, ratio * np.log(np.where(ratio > 0, ratio, 1.0)), 0.0)
    return float(max((s * terms).sum(), 0.0))  # rounding may leave -1e-17 for equal values


def gini(values: ArrayLike, weights: Optional[ArrayLike] = None) -> float:
    """Population-weighted Gini coefficient of ``values`` (0: all equal; NaN when nothing is left or the mean is 0)."""
    x, w = _usable(values, weights)
    keep = _keep(x, w)
    x, w = x[keep], w[keep]
    if len(x) == 0:
        return float("nan")
    order = np.argsort(x, kind="stable")
    x, s = x[order], w[order] / w[order].sum()
    mean = float((s * x).sum())
    if mean <= 0:
        return float("nan")
    # Σ_i Σ_j s_i s_j |x_i − x_j| = 2 Σ_i s_i x_i (F_i − (1 − F_i⁺)) with F the cumulative shares below and above.
    below = np.cumsum(s) - s  # shares of the values before i in sorted order
    above = 1.0 - below - s
    total = float((s * x * (below - above)).sum()) * 2.0
    return total / (2.0 * mean)


def coefficient_of_variation(values: ArrayLike, weights: Optional[ArrayLike] = None) -> float:
    """Population-weighted standard deviation over the mean (NaN when nothing is left or the mean is 0)."""
    x, w = _usable(values, weights)
    keep = _keep(x, w)
    x, w = x[keep], w[keep]
    if len(x) == 0:
        return float("nan")
    s = w / w.sum()
    mean = float((s * x).sum())
    if mean <= 0:
        return float("nan")
    return float(np.sqrt((s * (x - mean) ** 2).sum()) / mean)


def inequality(
    values: ArrayLike, weights: Optional[ArrayLike] = None, groups: Optional[Sequence[object]] = None
) -> Inequality:
    """Theil (with its between/within decomposition by ``groups``: one name per settlement, None for none), Gini
    and CV of ``values`` weighted by ``weights`` (people)."""
    x, w = _usable(values, weights)
    keep = _keep(x, w)
    # A settlement without a group still counts: its values are part of the region's inequality; it is put in a
    # group of its own for the decomposition.
    names = [None] * len(x) if groups is None else [NO_GROUP if g is None or str(g) == "" else g for g in groups]
    if len(names) != len(x):
        raise HabitatError(tr("Give one group per value."))
    xs, ws = x[keep], w[keep]
    total = _theil(xs, ws)
    result = Inequality(
        theil=total,
        between=0.0,
        within=total,
        gini=gini(xs, ws),
        cv=coefficient_of_variation(xs, ws),
        mean=float((ws * xs).sum() / ws.sum()) if ws.sum() > 0 else float("nan"),
        n=int(keep.sum()),
        left_out=int((~keep).sum()),
    )
    if groups is None or not np.isfinite(total):
        return result
    kept_names = [str(name) for name, k in zip(names, keep) if k]
    by_group: Dict[str, List[int]] = {}
    for index, name in enumerate(kept_names):
        by_group.setdefault(name, []).append(index)
    between = within = 0.0
    for name in sorted(by_group, key=_natural_key):
        rows = np.array(by_group[name])
        share = float(ws[rows].sum() / ws.sum())
        mean_g = float((ws[rows] * xs[rows]).sum() / ws[rows].sum())
        theil_g = _theil(xs[rows], ws[rows])
        ratio = mean_g / result.mean
        if ratio > 0:
            between += share * ratio * np.log(ratio)
            within += share * ratio * theil_g
        result.groups.append((name, len(rows), share, mean_g, theil_g))
    result.between, result.within = float(max(between, 0.0)), float(within)
    return result


def _natural_key(name: str) -> Tuple[int, float, str]:
    """Groups in a readable order: numbers (levels 1, 2, 10) by value, then names."""
    try:
        return (0, float(name), "")
    except ValueError:
        return (1, 0.0, name)
