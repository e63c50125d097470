"""The SDF chain on a baseline and on a scenario, side by side (methods.md §3.6): functions → centrality →
hierarchy → travel time to centres → Hansen accessibility → function gaps → investment priorities → regional
balance, and the comparison a planning team reads.

What stays fixed so that the two runs compare like with like:
- the hierarchy's class bounds are the baseline's (natural breaks of its centrality): a settlement moves up a level
  when its scenario centrality crosses the baseline's bound, not because the breaks moved;
- the functions expected at each level are the baseline's (a settlement of a level should have them in both);
- accessibility index and priority components are scaled over both runs together, so that a scenario score of 40
  means what it means in the baseline;
- the regional balance groups are the baseline's levels (or the districts given).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..text import tr, tr_noop
from .accessibility import DEFAULT_EXP_BETA, accessibility_index, hansen, nearest_by_level
from .balance import Inequality, inequality
from .gaps import expected_functions, lacking, provider_minutes
from .priority import GROUPS, ordinal_ranks, priority_components, priority_scores
from .scalogram import classify, hierarchy, scalogram
from .scenario import (
    ScenarioNetworks,
    attachment_reach,
    network_costs,
    scenario_costs,
    scenario_provider_minutes,
)

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..text import Progress


# The measures of the regional balance, as they appear in the keys of the side-by-side table.
BALANCE_KEYS = {
    "travel time to the nearest centre": "travel_time",
    "Hansen accessibility": "hansen",
    "development index": "development",
}


@dataclass
class ChainSettings:
    connector_cost_per_metre: float  # off-road minutes per metre
    classes: int = 3
    centre_max_level: int = 2  # centres are levels 1..this
    bands: Sequence[float] = (30.0, 60.0)  # minutes
    beta: float = DEFAULT_EXP_BETA
    decay: str = "exponential"
    include_own: bool = True
    service_minutes: float = 60.0
    expected_share: float = 0.5


@dataclass
class ChainResult:
    centrality: NDArray[np.float64]
    levels: NDArray[np.int64]  # 1 = most central
    centre_rows: NDArray[np.int64]
    times: Dict[int, NDArray[np.float64]]  # level k: minutes to the nearest centre of level k or more central (inf)
    hansen: NDArray[np.float64]
    access_index: NDArray[np.float64] = field(default_factory=lambda: np.empty(0))
    provider_minutes: NDArray[np.float64] = field(default_factory=lambda: np.empty((0, 0)))
    lacking: List[List[str]] = field(default_factory=list)
    connected: NDArray[np.bool_] = field(default_factory=lambda: np.empty(0, dtype=bool))
    priority: NDArray[np.float64] = field(default_factory=lambda: np.empty(0))
    rank: NDArray[np.int64] = field(default_factory=lambda: np.empty(0, dtype=np.int64))


@dataclass
class Comparison:
    baseline: ChainResult
    scenario: ChainResult
    expected: Dict[int, List[str]]
    bounds: List[float]
    # (key, indicator, baseline, scenario, decimals): the side-by-side table; the key does not change with the
    # language (a script or a later comparison reads it), the indicator is the translated label
    rows: List[Tuple[str, str, float, float, int]] = field(default_factory=list)
    balance: Dict[str, Tuple[Inequality, Inequality]] = field(default_factory=dict)


def _hierarchy(
    presence: ArrayLike, classes: int, bounds: Optional[List[float]] = None
) -> Tuple[NDArray[np.float64], NDArray[np.int64], List[float]]:
    result = scalogram(presence)
    if bounds is None:  # hierarchy() says when there are fewer distinct centralities than levels
        levels, bounds = hierarchy(result.centrality, "natural_breaks", classes)
    else:
        levels = classify(result.centrality, bounds)
    return result.centrality, np.asarray(levels, dtype=np.int64) + 1, list(bounds)


def run_scenario(
    networks: ScenarioNetworks,
    settlements_xy: ArrayLike,
    presence: ArrayLike,
    scenario_presence: ArrayLike,
    functions: Sequence[str],
    settings: ChainSettings,
    population: Optional[ArrayLike] = None,
    development: Optional[ArrayLike] = None,
    groups: Optional[Sequence[object]] = None,
    progress: Optional[Progress] = None,
) -> Comparison:
    """The chain on ``networks.base`` with ``presence`` and on ``networks.scenario`` with ``scenario_presence``
    (settlements × functions, 0/1), and the comparison. ``population`` weights the population figures and the
    balance (settlements count 1 each without it); ``groups`` (district names) decompose the balance, by the
    baseline's levels without them. ``progress(fraction)`` may raise to cancel."""
    xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    people = np.ones(n) if population is None else np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
    off_road = settings.connector_cost_per_metre

    def step(start: float, stop: float) -> Optional[Progress]:
        if progress is None:
            return None
        report = progress
        return lambda fraction: report(start + (stop - start) * fraction)

    centrality_b, levels_b, bounds = _hierarchy(presence, settings.classes)
    centrality_s, levels_s, _ = _hierarchy(scenario_presence, settings.classes, bounds)
    centres_b = np.flatnonzero(levels_b <= settings.centre_max_level)
    centres_s = np.flatnonzero(levels_s <= settings.centre_max_level)
    at_attachments = np.full((len(centres_b), len(networks.attachments)), np.inf)
    costs_b = network_costs(
        networks.base,
        xy,
        centres_b,
        off_road,
        progress=step(0.0, 0.45),
        vertices=networks.attachments,
        vertex_costs=at_attachments,
    )
    # One search from each attachment vertex serves the centres and the functions alike, when that is fewer
    # searches than one per centre and one per function.
    attachments = len(networks.attachments)
    reach = None
    if 0 < attachments < len(centres_s) + len(functions) and not networks.slower:
        reach = attachment_reach(networks, off_road, progress=step(0.45, 0.65))
    costs_s = scenario_costs(
        networks, xy, costs_b, centres_b, centres_s, off_road, at_attachments, progress=step(0.65, 0.75), reach=reach
    )
    mass = people if population is not None else None
    results = []
    for network_levels, centres, costs, centrality, network in (
        (levels_b, centres_b, costs_b, centrality_b, networks.base),
        (levels_s, centres_s, costs_s, centrality_s, networks.scenario),
    ):
        weights = (mass if mass is not None else centrality)[centres]
        nearest = nearest_by_level(costs, network_levels[centres], range(1, settings.centre_max_level + 1))
        results.append(
            ChainResult(
                centrality,
                network_levels,
                centres,
                {level: nearest[level][0] for level in nearest},
                hansen(
                    costs,
                    weights,
                    centres,
                    beta=settings.beta,
                    decay=settings.decay,
                    include_own=settings.include_own,
                ),
                connected=network.connected,
            )
        )
    base, scen = results
    # One scale for both runs.
    index = accessibility_index(np.concatenate([base.hansen, scen.hansen]))
    base.access_index, scen.access_index = index[:n], index[n:]

    expected = expected_functions(presence, levels_b, functions, settings.expected_share)
    # A settlement without a road offers its functions to its own people only.
    on_roads_b = _has(presence) & networks.base.connected[:, None]
    on_roads_s = _has(scenario_presence) & networks.scenario.connected[:, None]
    base.provider_minutes = provider_minutes(networks.base.graph, networks.base.snap, off_road, on_roads_b)
    base.provider_minutes[~networks.base.connected] = np.inf
    scen.provider_minutes = scenario_provider_minutes(
        networks, base.provider_minutes, on_roads_b, on_roads_s, off_road, reach
    )
    base.provider_minutes[_has(presence)] = 0.0
    scen.provider_minutes[_has(scenario_presence)] = 0.0
    base.lacking = lacking(presence, levels_b, expected, functions)
    scen.lacking = lacking(scenario_presence, levels_s, expected, functions)
    if progress is not None:
        progress(0.9)

    # Priorities of both runs on one scale: need (low development, long travel to a centre, unserved) and
    # potential (centrality, accessibility), equal weights, need and potential half each.
    top = settings.centre_max_level
    values = priority_components(
        None if development is None else np.tile(np.asarray(development, dtype=float), 2),
        np.concatenate([_reachable(base.times[top]), _reachable(scen.times[top])]),
        settings.service_minutes,
        np.concatenate([base.centrality, scen.centrality]),
        index,
    )
    score, _, _ = priority_scores(values, GROUPS, {name: 1.0 for name in values}, 0.5)
    base.priority, scen.priority = score[:n], score[n:]
    base.rank, scen.rank = ordinal_ranks(base.priority), ordinal_ranks(scen.priority)

    comparison = Comparison(base, scen, expected, bounds)
    comparison.rows = _rows(comparison, people, population is not None, functions, settings)
    group_names = list(groups) if groups is not None else [str(level) for level in levels_b]
    # Travel time over the settlements with a time in both runs (the others are counted by "joined to the road
    # network"); accessibility over all, 0 without a centre within reach.
    both = np.isfinite(base.times[top]) & np.isfinite(scen.times[top])
    for key, before, after in (
        (tr_noop("travel time to the nearest centre"), base.times[top], scen.times[top]),
        (tr_noop("Hansen accessibility"), base.hansen, scen.hansen),
    ):
        common = both if key == "travel time to the nearest centre" else np.ones(n, dtype=bool)
        comparison.balance[key] = (
            inequality(np.where(common, before, np.nan), people, group_names),
            inequality(np.where(common, after, np.nan), people, group_names),
        )
    if development is not None:
        equal = inequality(np.asarray(development, dtype=float), people, group_names)
        comparison.balance[tr_noop("development index")] = (equal, equal)
    for key, (before, after) in comparison.balance.items():
        measure = BALANCE_KEYS[key]
        for name, label, b, s in (
            (f"theil_{measure}", tr("Theil index of {0}", tr(key)), before.theil, after.theil),
            (
                f"theil_between_pct_{measure}",
                tr("Share of the Theil index between groups, {0} (%)", tr(key)),
                100 * before.between_share,
                100 * after.between_share,
            ),
            (f"gini_{measure}", tr("Gini coefficient of {0}", tr(key)), before.gini, after.gini),
            (f"cv_{measure}", tr("Coefficient of variation of {0}", tr(key)), before.cv, after.cv),
        ):
            comparison.rows.append((name, label, b, s, 3))
    return comparison


def _reachable(times: NDArray[np.float64]) -> NDArray[np.float64]:
    """Travel times with NaN for no time (no road, or no centre within reach)."""
    return np.where(np.isfinite(times), times, np.nan)


def _has(presence: ArrayLike) -> NDArray[np.bool_]:
    return np.asarray(presence) > 0


def _rows(
    comparison: Comparison,
    people: NDArray[np.float64],
    weighted: bool,
    functions: Sequence[str],
    settings: ChainSettings,
) -> List[Tuple[str, str, float, float, int]]:
    """The side-by-side table: (key, indicator, baseline, scenario, decimals)."""
    base, scen = comparison.baseline, comparison.scenario
    total = float(people.sum()) or 1.0
    rows: List[Tuple[str, str, float, float, int]] = []

    def share(mask_b: NDArray[np.bool_], mask_s: NDArray[np.bool_]) -> Tuple[float, float]:
        return 100.0 * float(people[mask_b].sum()) / total, 100.0 * float(people[mask_s].sum()) / total

    who = tr("population") if weighted else tr("settlements")
    rows.append(
        (
            "connected",
            tr("Settlements joined to the road network"),
            float(base.connected.sum()),
            float(scen.connected.sum()),
            0,
        )
    )
    for level in range(1, settings.centre_max_level + 1):
        for band in settings.bands:
            b, s = share(base.times[level] <= band, scen.times[level] <= band)
            rows.append(
                (
                    f"within_{band:g}min_level{level}_pct",
                    tr("Share of the {0} within {1} min of a level {2} centre (%)", who, f"{band:g}", level),
                    b,
                    s,
                    1,
                )
            )
        pair = _common_means(base.times[level], scen.times[level], people)
        rows.append(
            (
                f"mean_minutes_level{level}",
                tr("Mean travel time to a level {0} centre (min)", level),
                pair[0],
                pair[1],
                1,
            )
        )
    for level in range(1, settings.classes + 1):
        rows.append(
            (
                f"level{level}_settlements",
                tr("Settlements of level {0}", level),
                float((base.levels == level).sum()),
                float((scen.levels == level).sum()),
                0,
            )
        )
    rows.append(
        (
            "lacking_settlements",
            tr("Settlements lacking a function expected at their level"),
            float(sum(1 for items in base.lacking if items)),
            float(sum(1 for items in scen.lacking if items)),
            0,
        )
    )
    for j, function in enumerate(functions):
        pair = _common_means(base.provider_minutes[:, j], scen.provider_minutes[:, j], people)
        if pair[0] != pair[1] or not np.isfinite(pair[0]):
            rows.append(
                (
                    f"mean_minutes_{function}",
                    tr("Mean travel time to the nearest {0} (min)", function),
                    pair[0],
                    pair[1],
                    1,
                )
            )
    return rows


def _common_means(
    before: NDArray[np.float64], after: NDArray[np.float64], people: NDArray[np.float64]
) -> Tuple[float, float]:
    """Population-weighted mean of ``before`` and of ``after`` over the same settlements, those with a value in both
    (a settlement newly joined to the roads would otherwise raise the scenario's mean by arriving)."""
    both = np.isfinite(before) & np.isfinite(after) & (people > 0)
    if not both.any():
        return float("nan"), float("nan")
    weight = people[both].sum()
    return float((people[both] * before[both]).sum() / weight), float((people[both] * after[both]).sum() / weight)
