"""Aggregation of several assessors' scorecards (methods.md §2.3).

Scores are 0..3 (APA Sustaining Places: 0 not present, 1 low, 2 medium, 3 high), NA or left blank:
- NA (not applicable) with a reason (the comment) removes the criterion from the potential score; an NA without a
  reason counts as not scored;
- a criterion nobody scored (blank, absent, or NA without a reason) stays in the potential with no points, so that
  skipping hard criteria never raises a plan's score, and it is listed;
- a criterion some assessors scored takes the mean of their scores.
Per criterion: mean, median, min, max, standard deviation (n - 1), n and a disagreement flag when the assessors'
scores spread over more than one point. A theme's score is sum(weight * points) / sum(weight * 3) over its
criteria that apply, in %; the overall score likewise over all. Coverage: the share of the framework's criteria
answered (scored, or NA with a reason).
Plan quality index in the Brody (2003) form on a fixed 0..10 scale: PQ_j = 10 / (3 m_j) * sum_i points_i for each
theme j with m_j criteria that apply (0..10), PQI = the mean of the PQ_j — the same scale for every framework and
plan, whatever the number of themes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from ..text import HabitatError, tr
from .agreement import krippendorff_alpha, percent_agreement
from .principles import principles_reflected

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

    from ..text import Progress
    from .scorecards import Framework, Scorecard

MAX_SCORE = 3.0


SCORED, NOT_APPLICABLE, NOT_SCORED = "scored", "na", "not_scored"


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
    status: str = SCORED  # SCORED (n > 0), NOT_APPLICABLE (NA with a reason) or NOT_SCORED (kept, no points)

    @property
    def points(self) -> float:
        """What the criterion brings to the potential score: its mean, 0 when not scored, NaN when not applicable."""
        if self.status == SCORED:
            return self.mean
        return 0.0 if self.status == NOT_SCORED else float("nan")


def summarise_criteria(
    scores: ArrayLike,
    criteria: Sequence[str],
    themes: Sequence[str],
    weights: Optional[ArrayLike] = None,
    not_applicable: Optional[Sequence[bool]] = None,
) -> List[CriterionSummary]:
    """``scores``: (assessors, criteria) array, NaN where an assessor gave no score. A criterion nobody scored is
    NOT_APPLICABLE where ``not_applicable`` says so (an NA with a reason), else NOT_SCORED (by default every
    criterion without a score is not applicable, as before). Returns one CriterionSummary per criterion."""
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
            status = NOT_APPLICABLE if not_applicable is None or not_applicable[j] else NOT_SCORED
            rows.append(
                CriterionSummary(criterion, theme, float(weights[j]), 0, nan, nan, nan, nan, nan, False, status)
            )
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
    """sum(weight * points) / sum(weight * 3) over the criteria that apply (a criterion not scored brings 0 points),
    in %; NaN when none applies."""
    applicable = [row for row in rows if row.status != NOT_APPLICABLE]
    potential = sum(row.weight * MAX_SCORE for row in applicable)
    return 100.0 * sum(row.weight * row.points for row in applicable) / potential if potential > 0 else float("nan")


def theme_scores(rows: Sequence[CriterionSummary]) -> Dict[str, float]:
    """{theme: % of potential}, themes in the order they first appear."""
    themes = list(dict.fromkeys(row.theme for row in rows))
    return {theme: percent_of_potential([row for row in rows if row.theme == theme]) for theme in themes}


def plan_quality_index(rows: Sequence[CriterionSummary]) -> Tuple[float, Dict[str, float]]:
    """(PQI 0..10, {theme: PQ_j 0..10}) in the Brody form: PQ_j = 10 / (3 m_j) sum_i points_i over the m_j criteria
    of theme j that apply; the PQI is their mean (themes where nothing applies left out; NaN when none is left)."""
    components: Dict[str, float] = {}
    for theme in dict.fromkeys(row.theme for row in rows):
        points = [row.points for row in rows if row.theme == theme and row.status != NOT_APPLICABLE]
        if points:
            components[theme] = 10.0 / (MAX_SCORE * len(points)) * sum(points)
    return (float(np.mean(list(components.values()))) if components else float("nan")), components


def coverage(rows: Sequence[CriterionSummary]) -> float:
    """The share of the criteria answered (scored, or not applicable with a reason), in %."""
    return 100.0 * sum(1 for row in rows if row.status != NOT_SCORED) / len(rows) if rows else float("nan")


def answer_kinds(card: Scorecard, criteria: Sequence[str]) -> Tuple[List[float], List[bool], List[str]]:
    """For one scorecard: (score or NaN per criterion, whether it is an NA with a reason, the criteria marked NA
    without a reason — they count as not scored)."""
    scores: List[float] = []
    reasoned: List[bool] = []
    unexplained: List[str] = []
    for criterion in criteria:
        value = card.scores.get(criterion)
        is_na = value is not None and value != value
        explained = is_na and bool(card.comments.get(criterion, "").strip())
        if is_na and not explained:
            unexplained.append(criterion)
        scores.append(value if value is not None and not is_na else float("nan"))
        reasoned.append(explained)
    return scores, reasoned, unexplained


def assess_plans(
    framework: Framework,
    cards: Iterable[Scorecard],
    progress: Optional[Progress] = None,
) -> List[Dict[str, Any]]:
    """The scorecards grouped by plan (plan, city, year), sorted by city, year and plan, each group assessed:
    [{"plan", "city", "year", "cards", "rows" (CriterionSummary), "themes" {theme: %}, "parts" {theme: PQ_j},
    "overall" %, "pqi" (0..10), "coverage" %, "principles" [PrincipleResult] (none for an untagged framework),
    "not_scored" [criterion], "unexplained_na" [(assessor, criterion)],
    "alpha" (ordinal Krippendorff, NaN for one assessor), "agreement" %, "compared" (criteria scored by two or more
    assessors, on which the agreement rests)}]. ``progress(fraction)`` may raise to cancel."""
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
        kinds = [answer_kinds(card, criteria) for card in group]
        ratings = np.array([scores for scores, _, _ in kinds], dtype=float)
        # Not applicable when no one scored it and at least one assessor said NA with a reason.
        explained = np.array([reasoned for _, reasoned, _ in kinds], dtype=bool).any(axis=0)
        rows = summarise_criteria(ratings, criteria, themes, weights, explained)
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
                "coverage": coverage(rows),
                # The IG-UTP principles reflected (empty when the framework tags none): points are the means, 0 when
                # not scored, NaN when not applicable.
                "principles": principles_reflected(framework, {row.criterion: row.points for row in rows})
                if framework.tagged
                else [],
                "not_scored": [row.criterion for row in rows if row.status == NOT_SCORED],
                # (assessor, criterion) of every NA given without a reason: counted as not scored
                "unexplained_na": [(card.assessor, c) for card, (_, _, missing) in zip(group, kinds) for c in missing],
                "alpha": krippendorff_alpha(ratings, "ordinal") if several else float("nan"),
                "agreement": percent_agreement(ratings) if several else float("nan"),
                "compared": int(np.sum(np.sum(np.isfinite(ratings), axis=0) >= 2)),
            }
        )
    return results
