"""Aggregation of several assessors' scorecards (methods.md §2.3).

Scores are 0..3 (APA Sustaining Places: 0 not present, 1 low, 2 medium, 3 high) or NA (not applicable, None/NaN),
which is removed from the potential score. Per criterion: mean, median, min, max, standard deviation (n - 1), n
and a disagreement flag when the assessors' scores spread over more than one point. A theme's score is
sum(weight * mean) / sum(weight * 3) over its applicable criteria, in %; the overall score likewise over all.
Plan quality index in the Brody (2003) form, on this 0..3 scale: PQ_j = 10 / (3 m_j) * sum_i mean_i for each theme
j with m_j applicable criteria (0..10), PQI = sum_j PQ_j.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from ..text import HabitatError, tr
from .agreement import krippendorff_alpha, percent_agreement

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

    from ..text import Progress
    from .scorecards import Framework, Scorecard

MAX_SCORE = 3.0


@dataclass
class CriterionSummary:
    criterion: str
    theme: str
    weight: float
    n: int
    mean: float
    median: float
    minimum: float
    maximum: float
    std: float
    disagreement: bool


def summarise_criteria(
    scores: ArrayLike, criteria: Sequence[str], themes: Sequence[str], weights: Optional[ArrayLike] = None
) -> List[CriterionSummary]:
    """``scores``: (assessors, criteria) array, NaN for NA. Returns one CriterionSummary per criterion."""
    data = np.asarray(scores, dtype=float)
    if data.ndim != 2 or data.shape[1] != len(criteria):
        raise HabitatError(tr("The scores do not match the criteria of the framework."))
    finite = data[np.isfinite(data)]
    if np.any((finite < 0) | (finite > MAX_SCORE)):
        raise HabitatError(tr("Scores must lie between 0 and {0}, or be NA.", f"{MAX_SCORE:g}"))
    weights = np.ones(len(criteria)) if weights is None else np.asarray(weights, dtype=float)
    rows: List[CriterionSummary] = []
    for j, (criterion, theme) in enumerate(zip(criteria, themes)):
        column = data[:, j][np.isfinite(data[:, j])]
        n = len(column)
        if n == 0:
            nan = float("nan")
            rows.append(CriterionSummary(criterion, theme, float(weights[j]), 0, nan, nan, nan, nan, nan, False))
            continue
        rows.append(
            CriterionSummary(
                criterion,
                theme,
                float(weights[j]),
                n,
                float(column.mean()),
                float(np.median(column)),
                float(column.min()),
                float(column.max()),
                float(column.std(ddof=1)) if n > 1 else 0.0,
                bool(column.max() - column.min() > 1.0),
            )
        )
    return rows


def percent_of_potential(rows: Iterable[CriterionSummary]) -> float:
    """sum(weight * mean) / sum(weight * 3) over applicable criteria, in %; NaN when none applies."""
    applicable = [row for row in rows if row.n > 0]
    potential = sum(row.weight * MAX_SCORE for row in applicable)
    return 100.0 * sum(row.weight * row.mean for row in applicable) / potential if potential > 0 else float("nan")


def theme_scores(rows: Sequence[CriterionSummary]) -> Dict[str, float]:
    """{theme: % of potential}, themes in the order they first appear."""
    themes = list(dict.fromkeys(row.theme for row in rows))
    return {theme: percent_of_potential([row for row in rows if row.theme == theme]) for theme in themes}


def plan_quality_index(rows: Sequence[CriterionSummary]) -> Tuple[float, Dict[str, float]]:
    """(PQI, {theme: PQ_j}) in the Brody form on the 0..3 scale; themes without applicable criteria are left out."""
    components: Dict[str, float] = {}
    for theme in dict.fromkeys(row.theme for row in rows):
        applicable = [row.mean for row in rows if row.theme == theme and row.n > 0]
        if applicable:
            components[theme] = 10.0 / (MAX_SCORE * len(applicable)) * sum(applicable)
    return sum(components.values()), components


def assess_plans(
    framework: Framework,
    cards: Iterable[Scorecard],
    progress: Optional[Progress] = None,
) -> List[Dict[str, Any]]:
    """The scorecards grouped by plan (plan, city, year), sorted by city, year and plan, each group assessed:
    [{"plan", "city", "year", "cards", "rows" (CriterionSummary), "themes" {theme: %}, "parts" {theme: PQ_j},
    "overall" %, "pqi", "alpha" (ordinal Krippendorff, NaN for one assessor), "agreement" %, "compared" (criteria
    scored by two or more assessors, on which the agreement rests)}]. ``progress(fraction)`` may raise to cancel."""
    criteria = [c.id for c in framework.criteria]
    themes = [c.theme for c in framework.criteria]
    weights = [c.weight for c in framework.criteria]
    plans: Dict[Tuple[str, str, int], List[Scorecard]] = {}
    for card in cards:
        plans.setdefault((card.plan, card.city, card.year), []).append(card)
    results: List[Dict[str, Any]] = []
    for (plan, city, year), group in sorted(plans.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])):
        if progress is not None:
            progress(len(results) / len(plans))
        ratings = np.array([[card.scores.get(c, np.nan) for c in criteria] for card in group], dtype=float)
        rows = summarise_criteria(ratings, criteria, themes, weights)
        pqi, parts = plan_quality_index(rows)
        several = len(group) > 1
        results.append(
            {
                "plan": plan,
                "city": city,
                "year": year,
                "cards": group,
                "rows": rows,
                "themes": theme_scores(rows),
                "parts": parts,
                "overall": percent_of_potential(rows),
                "pqi": pqi,
                "alpha": krippendorff_alpha(ratings, "ordinal") if several else float("nan"),
                "agreement": percent_agreement(ratings) if several else float("nan"),
                "compared": int(np.sum(np.sum(np.isfinite(ratings), axis=0) >= 2)),
            }
        )
    return results
