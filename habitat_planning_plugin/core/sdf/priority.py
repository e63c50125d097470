"""Investment priority: need and potential combined with user weights, every component kept so that the ranking
can be explained (methods.md §3.4: prioritisation from need and potential, with every intermediate exposed).

Each component is a value in 0..1 (1 = more need, or more potential). Within need and within potential the
components are weighted (weights rescaled to 1); need and potential are then weighted against each other.
score = 100 * sum_c share_c * value_c, and the contribution of component c is 100 * share_c * value_c, so the
contributions of a settlement add up to its score. A missing value counts as 0 and is reported. A chosen input
without any value is left out (``without_data``), as if it had not been chosen; a component the same for everyone
(``constant_components``) shifts every score alike and does not change the ranking.

The spread of the scores is explained by ``variance_shares``: share_c = Cov(contribution_c, score) / Var(score),
which add up to 1 because the contributions add up to the score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from ..text import HabitatError, number_list, tr, tr_noop

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..text import Progress

GROUP_NAMES = {"need": tr_noop("need"), "potential": tr_noop("potential")}
# (component, group, description) in the order of the weights parameter.
COMPONENTS = [
    ("low_development", "need", tr_noop("low development index")),
    ("far_from_centre", "need", tr_noop("long travel time to a centre")),
    ("unserved", "need", tr_noop("beyond the service time of a centre")),
    ("centrality", "potential", tr_noop("centrality")),
    ("accessibility", "potential", tr_noop("accessibility")),
    ("corridor", "potential", tr_noop("on a development corridor")),
]
GROUPS = {name: group for name, group, _ in COMPONENTS}
DESCRIPTIONS = {name: description for name, _, description in COMPONENTS}
DOMINANT_SHARE = 0.5  # a component explaining more than this of the scores' spread drives the ranking


def minmax(values: ArrayLike, reverse: bool = False) -> NDArray[np.float64]:
    """0..1 by min-max (reversed: the lowest value gets 1); NaN stays NaN; a constant column gives 0."""
    values = np.asarray(values, dtype=float)
    values = np.where(np.isfinite(values), values, np.nan)
    if np.isnan(values).all():
        return np.full(values.shape, np.nan)
    low, high = np.nanmin(values), np.nanmax(values)
    scaled = np.zeros_like(values) if high == low else (values - low) / (high - low)
    scaled = np.where(np.isfinite(values), scaled, np.nan)
    return 1.0 - scaled if reverse else scaled


def priority_scores(
    components: Mapping[str, ArrayLike],
    groups: Mapping[str, str],
    weights: Mapping[str, float],
    need_weight: float = 0.5,
) -> Tuple[NDArray[np.float64], Dict[str, NDArray[np.float64]], Dict[str, int]]:
    """``components``: {name: (n,) values 0..1}; ``groups``: {name: "need" | "potential"}; ``weights``: {name: w}.

    Returns (score (n,), contributions {name: (n,)}, missing {name: count}).
    """
    if not components:
        raise HabitatError(tr("Choose at least one need or potential component."))
    if not 0.0 <= need_weight <= 1.0:
        raise HabitatError(tr("The weight of need must lie between 0 and 1."))
    shares: Dict[str, float] = {}
    for group, group_weight in (("need", need_weight), ("potential", 1.0 - need_weight)):
        names = [name for name in components if groups[name] == group]
        total = sum(weights[name] for name in names)
        if names and total <= 0:
            raise HabitatError(tr("The {0} components need a weight above 0.", tr(GROUP_NAMES[group])))
        present = [name for name in ("need", "potential") if any(groups[n] == name for n in components)]
        scale = 1.0 if len(present) == 1 else group_weight  # a single group takes all the weight
        for name in names:
            shares[name] = scale * weights[name] / total
    contributions: Dict[str, NDArray[np.float64]] = {}
    missing: Dict[str, int] = {}
    for name, values in components.items():
        values = np.asarray(values, dtype=float)
        missing[name] = int((~np.isfinite(values)).sum())
        contributions[name] = 100.0 * shares[name] * np.nan_to_num(values, nan=0.0)
    score = np.sum(list(contributions.values()), axis=0)
    return score, contributions, missing


def parse_component_weights(text: Optional[str]) -> Dict[str, float]:
    """{component: weight} from the six comma-separated weights, in the order of COMPONENTS."""
    weights = number_list(text, tr('Component weights must be numbers separated by commas; got "{0}".', text))
    if len(weights) != len(COMPONENTS) or min(weights) < 0:
        raise HabitatError(tr('Give {0} component weights, none negative; got "{1}".', len(COMPONENTS), text))
    return {name: weight for (name, _, _), weight in zip(COMPONENTS, weights)}


def priority_components(
    development: Optional[ArrayLike] = None,
    travel: Optional[ArrayLike] = None,
    service_minutes: float = 60.0,
    centrality: Optional[ArrayLike] = None,
    accessibility: Optional[ArrayLike] = None,
    corridor: Optional[ArrayLike] = None,
) -> Dict[str, NDArray[np.float64]]:
    """{component: (n,) values 0..1} of the data given (None: left out), in the order of COMPONENTS.

    A low ``development`` index and a long ``travel`` time (minutes) are need; no travel time (NaN: no road, or no
    centre within reach) is the largest need, never the smallest, and counts as beyond ``service_minutes``.
    ``centrality`` and ``accessibility`` are potential, min-max scaled; ``corridor`` is 1 on a corridor, else 0.
    """
    values: Dict[str, NDArray[np.float64]] = {}
    if development is not None:
        values["low_development"] = minmax(development, reverse=True)
    if travel is not None:
        travel = np.asarray(travel, dtype=float)
        absent = ~np.isfinite(travel)
        far = minmax(np.where(absent, np.nan, travel)) if (~absent).any() else np.zeros(len(travel))
        values["far_from_centre"] = np.where(absent, 1.0, far)
        values["unserved"] = np.where(np.isfinite(travel) & (travel <= service_minutes), 0.0, 1.0)
    if centrality is not None:
        values["centrality"] = minmax(centrality)
    if accessibility is not None:
        values["accessibility"] = minmax(accessibility)
    if corridor is not None:
        values["corridor"] = np.asarray(corridor, dtype=float)
    return values


def corridor_distances(
    shapes: Sequence[Optional[BaseGeometry]], corridors: Iterable[BaseGeometry], progress: Optional[Progress] = None
) -> NDArray[np.float64]:
    """Distance from each settlement shape (None: no geometry, inf) to the union of the ``corridors`` (shapely
    lines or polygons). ``progress(fraction)`` may raise to cancel."""
    from shapely.ops import unary_union

    lines = unary_union(list(corridors))
    distance = np.full(len(shapes), np.inf)
    for index, shape in enumerate(shapes):
        if progress is not None and index % 200 == 0:
            progress(index / len(shapes))
        if shape is not None:
            value = shape.distance(lines)
            distance[index] = value if np.isfinite(value) else np.inf
    return distance


def ordinal_ranks(score: ArrayLike) -> NDArray[np.int64]:
    """1 for the highest score, then 2, 3…; ties keep the input order."""
    score = np.asarray(score)
    rank = np.empty(len(score), dtype=np.int64)
    rank[np.argsort(-score, kind="stable")] = np.arange(1, len(score) + 1)
    return rank


def without_data(columns: Mapping[str, Optional[ArrayLike]]) -> List[str]:
    """The names of the ``columns`` given (not None) that hold no finite value at all: no data, to be left out."""
    return [
        name
        for name, values in columns.items()
        if values is not None and not np.isfinite(np.asarray(values, dtype=float)).any()
    ]


def constant_components(contributions: Mapping[str, ArrayLike]) -> List[str]:
    """The components whose contribution is the same for every settlement (a missing value counting 0): they add
    the same to every score and do not change the ranking."""
    constant = []
    for name, values in contributions.items():
        values = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
        if len(values) and float(np.ptp(values)) == 0.0:
            constant.append(name)
    return constant


def variance_shares(contributions: Mapping[str, ArrayLike], score: ArrayLike) -> Dict[str, float]:
    """{component: Cov(contribution, score) / Var(score)}: how much of the spread of the scores each component
    makes. The shares add up to 1 when the contributions add up to the score; a share can be negative (a component
    that runs against the others). NaN for every component when all scores are equal."""
    score = np.asarray(score, dtype=float)
    centred = score - score.mean() if len(score) else score
    variance = float((centred * centred).mean()) if len(score) else 0.0
    shares: Dict[str, float] = {}
    for name, values in contributions.items():
        values = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
        covariance = float(((values - values.mean()) * centred).mean()) if len(values) else 0.0
        shares[name] = covariance / variance if variance > 0 else float("nan")
    return shares


def dominant_components(shares: Mapping[str, float], limit: float = DOMINANT_SHARE) -> List[str]:
    """The components whose share of the scores' spread is above ``limit``: they drive the ranking."""
    return [name for name, share in shares.items() if np.isfinite(share) and share > limit]


def largest_contributors(contributions: Mapping[str, ArrayLike], index: int, count: int = 2) -> List[Tuple[str, float]]:
    """[(component, contribution)] of settlement ``index``, largest first, at most ``count``, only those above 0."""
    parts = [
        (name, float(np.nan_to_num(np.asarray(values, dtype=float)[index]))) for name, values in contributions.items()
    ]
    parts = [part for part in parts if part[1] > 0]
    parts.sort(key=lambda part: -part[1])
    return parts[:count]
