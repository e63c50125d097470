"""The reports of the SDF tools: functional analysis and settlement hierarchy, composite development index and
investment priorities, from plain data (names, numbers, shapely shapes) and the ReportSettings of the run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from ..report.charts import bar_chart, map_image, matrix_charts
from ..report.html import Report, ReportSettings
from ..text import tr, tr_noop
from .common import listed
from .priority import COMPONENTS, dominant_components, largest_contributors, variance_shares

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..report.charts import LegendEntry, Picture, Style
    from .development_index import CompositeIndex
    from .scalogram import Scalogram

    # Whole numbers, one per settlement (levels, ranks): a list or an integer array.
    Integers = Union[Sequence[int], NDArray[np.int64]]

LEVEL_COLOURS = ["#4a148c", "#8e24aa", "#ce93d8", "#e1bee7", "#f3e5f5", "#f3e5f5", "#f3e5f5"]
LEVEL_RADII = [1500.0, 1000.0, 600.0, 450.0, 350.0, 300.0, 250.0]
PRIORITY_COLOURS = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]
PRIORITY_RADIUS = 800.0  # metres: a settlement point drawn as a disc on the priority map
PRIORITY_CHARTED = 15  # settlements in the chart of contributions
PRIORITY_EXPLAINED = 10  # settlements whose rank is explained in a sentence
PRIORITY_FIFTHS = (
    tr_noop("Lowest fifth of the priority scores"),
    tr_noop("Second fifth"),
    tr_noop("Middle fifth"),
    tr_noop("Fourth fifth"),
    tr_noop("Highest fifth of the priority scores"),
)


@dataclass
class CombinedClasses:
    """The three classings of the SDF hierarchy, one level per settlement (0 = highest, -1 = none): by the
    development index alone, by centrality alone and by both (``combined_hierarchy``, with its ``score``);
    ``labels`` name the levels of the centrality and combined classings."""

    labels: Sequence[str]
    development: NDArray[np.int64]
    centrality: NDArray[np.int64]
    combined: NDArray[np.int64]
    score: NDArray[np.float64]

    def attributes(self, index: int) -> List[object]:
        """[cen_level, sdf_score, sdf_level, sdf_label] of settlement ``index``: levels from 1, None for none."""
        centrality, combined, score = int(self.centrality[index]), int(self.combined[index]), self.score[index]
        return [
            centrality + 1 if centrality >= 0 else None,
            float(score) if np.isfinite(score) else None,
            combined + 1 if combined >= 0 else None,
            self.labels[combined] if combined >= 0 else None,
        ]


def _drawn(shape: BaseGeometry, radius: float) -> BaseGeometry:
    """A polygon as it is, a point (or line) as a disc of ``radius`` metres."""
    return shape if shape.geom_type.endswith("Polygon") else shape.buffer(radius)


def hierarchy_map(
    shapes: Sequence[Optional[BaseGeometry]],
    levels: Integers,
    labels: Sequence[str],
    names: Optional[Sequence[str]] = None,
    centrality: Optional[ArrayLike] = None,
    named: int = 10,
) -> Picture:
    """Settlements drawn by level (larger and darker: more central), sectors filled by level; the levels as
    legend and the ``named`` most central settlements (by ``centrality``) labelled with their ``names``.
    ``shapes``: one shapely geometry per settlement (None: not drawn)."""
    layers: List[Tuple[List[BaseGeometry], Style]] = []
    legend: List[LegendEntry] = []
    shape_of: Dict[int, BaseGeometry] = {}
    for level in range(len(labels) - 1, -1, -1):  # local first, central on top
        drawn = []
        for index, (shape, value) in enumerate(zip(shapes, levels)):
            if value == level and shape is not None:
                shape_of[index] = shape
                drawn.append(_drawn(shape, LEVEL_RADII[level]))
        style = {"fill": LEVEL_COLOURS[level], "edge": "#212121", "width": 0.4}
        layers.append((drawn, style))
        legend.insert(0, (labels[level], style))  # the most central level first
    named_places = []
    if names is not None and centrality is not None:
        order = np.argsort(-np.asarray(centrality), kind="stable")
        named_places = [(names[i], shape_of[i]) for i in order if i in shape_of][:named]
    return map_image(layers, tr("Settlement hierarchy"), legend, labels=named_places)


def functions_report(
    path: str,
    names: Sequence[str],
    functions: Sequence[str],
    result: Scalogram,
    levels: Integers,
    labels: Sequence[str],
    shapes: Sequence[Optional[BaseGeometry]],
    settings: Union[ReportSettings, str] = "en",
) -> str:
    """The scalogram, the hierarchy map and table and the centrality chart of ``result`` (a Scalogram) for the
    settlements ``names`` (with their ``shapes``), ``levels`` (0 = most central) named by ``labels``."""
    report = Report(tr("Functional analysis and settlement hierarchy"), settings)
    report.indicator(
        tr("Coefficient of reproducibility"),
        result.reproducibility,
        "",
        0.9,
        tr("acceptable from {0}", "0.90"),
        decimals=3,
    )
    report.indicator(
        tr("Coefficient of scalability"), result.scalability, "", 0.6, tr("acceptable from {0}", "0.60"), decimals=3
    )
    for part in matrix_charts(
        result.presence,
        [names[i] for i in result.settlement_order],
        [functions[j] for j in result.function_order],
        tr("Scalogram"),
    ):
        report.chart(part, tr("Scalogram"))
    report.chart(hierarchy_map(shapes, levels, labels, names, result.centrality), tr("Settlement hierarchy"))
    order = np.argsort(-result.centrality, kind="stable")
    counts = np.empty(len(names), dtype=np.int64)
    counts[result.settlement_order] = result.presence.sum(axis=1)
    report.heading(tr("Settlement hierarchy"))
    report.table(
        [tr("Rank"), tr("Settlement"), tr("Functions"), tr("Centrality index"), tr("Level")],
        [
            [rank + 1, names[i], int(counts[i]), float(result.centrality[i]), labels[int(levels[i])]]
            for rank, i in enumerate(order)
        ],
    )
    top = order[:20]
    report.chart(
        bar_chart(
            [names[i] for i in top],
            [(tr("Centrality index"), list(result.centrality[top]))],
            tr("Centrality index of the most central settlements"),
            tr("Centrality index"),
        ),
        tr("Centrality index"),
    )
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Rondinelli's functional analysis (Urban Functions in Rural Development, UNU): each "
            "function is worth 100 points shared equally among the settlements that have it; the "
            "centrality index of a settlement is the sum of its functions' points. Guttman's "
            "coefficient of reproducibility should reach 0.90 and Menzel's coefficient of "
            "scalability 0.60 for the functions to form a hierarchy."
        ),
        css="note",
    )
    return report.save(path)


def development_report(
    path: str,
    names: Sequence[str],
    indicators: Sequence[str],
    result: CompositeIndex,
    labels: Sequence[str],
    levels: Integers,
    rows: Iterable[Tuple[int, float, float, int]],
    settings: Union[ReportSettings, str] = "en",
    combined: Optional[CombinedClasses] = None,
) -> str:
    """The index chart, the ranking and the sensitivity table of ``result`` (a CompositeIndex); ``levels`` are the
    class of each settlement (-1: none) named by ``labels``; ``rows`` [(indicator column, weight factor, mean rank
    change, largest rank change)] from ``sensitivity``; ``combined``: the hierarchy by development and centrality
    beside the two single-criterion classings (None: no centrality given)."""
    report = Report(tr("Composite development index"), settings)
    order = [
        i for i in np.argsort(-np.nan_to_num(result.index, nan=-np.inf), kind="stable") if np.isfinite(result.index[i])
    ]
    top = order[:25]
    report.chart(
        bar_chart(
            [names[i] for i in top],
            [(tr("Development index"), [result.index[i] for i in top])],
            tr("Development index"),
            tr("Index"),
        ),
        tr("Development index"),
    )
    report.heading(tr("Ranking"))
    report.table(
        [tr("Rank"), tr("Settlement"), tr("Index"), tr("Class")],
        [
            [int(result.rank[i]), names[i], float(result.index[i]), labels[int(levels[i])] if levels[i] >= 0 else None]
            for i in order
        ],
    )
    report.heading(tr("Sensitivity of the ranking"))
    report.table(
        [tr("Indicator"), tr("Weight factor"), tr("Mean rank change"), tr("Largest rank change")],
        [[indicators[j], factor, mean, most] for j, factor, mean, most in rows],
        "{:,.2f}",
    )
    if combined is not None:
        combined_section(report, names, labels, combined)
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Indicators normalised, reversed where more is worse, weighted and aggregated as in the "
            "OECD/JRC Handbook on Constructing Composite Indicators (2008); the sensitivity check "
            "raises and lowers each weight by 20 % and reports how far the ranks move."
        ),
        css="note",
    )
    if combined is not None:
        report.paragraph(
            tr(
                "The combined hierarchy follows the Spatial Development Framework's classing of sectors into "
                "central, intermediate and local ones by their level of physical and socio-economic development "
                "and their centrality: combined score = 100 × (w × centrality + (1 − w) × development index), both "
                "scaled 0 to 1 across the settlements, classed by natural breaks. The classings by the development "
                "index alone and by centrality alone are kept beside it for comparison."
            ),
            css="note",
        )
    return report.save(path)


def combined_section(
    report: Report, names: Sequence[str], development_labels: Sequence[str], combined: CombinedClasses
) -> None:
    """The counts per class of the three classings side by side and the settlements whose classes differ."""
    classings = (combined.development, combined.centrality, combined.combined)
    report.heading(tr("Hierarchy by development and centrality"))
    headers = [tr("Class"), tr("By development index"), tr("By centrality"), tr("Combined")]
    table: List[List[object]] = [
        [tr("{0}: {1}", level + 1, combined.labels[level])] + [int((np.asarray(c) == level).sum()) for c in classings]
        for level in range(len(combined.labels))
    ]
    unclassed = [int((np.asarray(c) < 0).sum()) for c in classings]
    if any(unclassed):
        table.append([tr("No class"), *unclassed])
    report.table(headers, table)

    def shown(level: int, labels: Sequence[str]) -> Optional[str]:
        return labels[level] if 0 <= level < len(labels) else None

    differ = [
        i
        for i in range(len(names))
        if len({int(combined.development[i]), int(combined.centrality[i]), int(combined.combined[i])}) > 1
    ]
    differ.sort(key=lambda i: (combined.combined[i] < 0, combined.combined[i], -np.nan_to_num(combined.score[i])))
    if differ:
        report.paragraph(tr("{0} settlements are not in the same class by all three classings:", len(differ)))
        report.table(
            [tr("Settlement"), tr("By development index"), tr("By centrality"), tr("Combined"), tr("Combined score")],
            [
                [
                    names[i],
                    shown(int(combined.development[i]), development_labels),
                    shown(int(combined.centrality[i]), combined.labels),
                    shown(int(combined.combined[i]), combined.labels),
                    float(combined.score[i]) if np.isfinite(combined.score[i]) else None,
                ]
                for i in differ
            ],
        )
    else:
        report.paragraph(tr("Every settlement is in the same class by all three classings."))


def priority_map(
    shapes: Sequence[Sequence[Optional[BaseGeometry]]],
    colours: Sequence[str],
    named: Iterable[Tuple[int, str, Optional[BaseGeometry]]],
    labelled: int = 8,
) -> Picture:
    """(png, warning): the settlements filled by priority fifth (darker: higher), the fifths as legend and the
    ``labelled`` highest priorities named; ``shapes`` [[shape] per fifth], ``named`` [(position in the ranking,
    name, shape)]."""
    styles = [{"fill": colour, "edge": "#424242", "width": 0.4} for colour in colours]
    legend = [(tr(text), style) for text, style in zip(PRIORITY_FIFTHS, styles)][::-1]
    return map_image(
        list(zip(shapes, styles)),
        tr("Investment priorities"),
        legend,
        labels=[(name, shape) for _, name, shape in sorted(named, key=lambda item: item[0])[:labelled]],
    )


def priority_report(
    path: str,
    shapes: Sequence[Optional[BaseGeometry]],
    names: Sequence[str],
    score: ArrayLike,
    rank: Integers,
    contributions: Mapping[str, NDArray[np.float64]],
    settings: Union[ReportSettings, str] = "en",
    no_travel: Sequence[str] = (),
) -> str:
    """The priority map and the ranking with every component's contribution. ``shapes``: one shapely geometry per
    settlement (None: not on the map); ``contributions`` {component: (n,)} as from ``priority_scores``;
    ``no_travel`` the names of the settlements without a travel time."""
    descriptions = {name: tr(description) for name, _, description in COMPONENTS}
    report = Report(tr("Investment priorities"), settings)
    score = np.asarray(score, dtype=float)
    quintile = np.searchsorted(np.quantile(score, [0.2, 0.4, 0.6, 0.8]), score, side="right")
    by_fifth: List[List[Optional[BaseGeometry]]] = [[] for _ in PRIORITY_COLOURS]
    named: List[
        Tuple[int, str, Optional[BaseGeometry]]
    ] = []  # (position in the ranking, name, shape) of the settlements drawn
    position = {index: rank_position for rank_position, index in enumerate(np.argsort(-score, kind="stable"))}
    for index, (shape, band) in enumerate(zip(shapes, quintile)):
        if shape is None:
            continue
        by_fifth[int(band)].append(_drawn(shape, PRIORITY_RADIUS))
        named.append((position[index], names[index], shape))
    report.chart(priority_map(by_fifth, PRIORITY_COLOURS, named), tr("Investment priorities"))
    order = np.argsort(-score, kind="stable")
    explain_priorities(report, names, score, rank, contributions, order)
    report.heading(tr("Ranking"))
    report.table(
        [tr("Rank"), tr("Settlement"), tr("Priority")] + [descriptions[name] for name in contributions],
        [
            [int(rank[i]), names[i], float(score[i])] + [float(part[i]) for part in contributions.values()]
            for i in order
        ],
    )
    report.paragraph(
        tr("Each column after the priority is that component's contribution; together they make the priority score."),
        css="note",
    )
    if no_travel:
        report.paragraph(
            tr(
                "{0} settlements have no travel time (no road, or no centre within reach): they get the "
                "largest travel-time need and count as unserved: {1}",
                len(no_travel),
                listed(no_travel),
            ),
            css="note",
        )
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Need (low development index, long travel time to a centre) and potential (centrality, "
            "accessibility) are each scaled to 0 to 1 across the settlements and combined with the "
            "weights chosen; the weights are a planning choice to agree with stakeholders, not a "
            "published standard."
        ),
        css="note",
    )
    return report.save(path)


def rank_sentence(name: str, rank: int, score: float, contributions: Mapping[str, ArrayLike], index: int) -> str:
    """ "North ranks 1: mostly long travel time to a centre (32.1 of 58.4), then centrality (20.0)." """
    descriptions = {component: tr(description) for component, _, description in COMPONENTS}
    largest = largest_contributors(contributions, index, 2)
    if not largest:
        return tr("{0} ranks {1}: no component adds to its score.", name, rank)
    first, part = largest[0]
    if len(largest) == 1:
        return tr(
            "{0} ranks {1}: mostly {2} ({3} of {4}).", name, rank, descriptions[first], f"{part:.1f}", f"{score:.1f}"
        )
    second, other = largest[1]
    return tr(
        "{0} ranks {1}: mostly {2} ({3} of {4}), then {5} ({6}).",
        name,
        rank,
        descriptions[first],
        f"{part:.1f}",
        f"{score:.1f}",
        descriptions[second],
        f"{other:.1f}",
    )


def explain_priorities(
    report: Report,
    names: Sequence[str],
    score: NDArray[np.float64],
    rank: Integers,
    contributions: Mapping[str, NDArray[np.float64]],
    order: Integers,
) -> None:
    """The stacked contributions of the highest priorities, a sentence per top settlement and each component's
    share of the spread of the scores, with a warning when one component drives the ranking."""
    descriptions = {name: tr(description) for name, _, description in COMPONENTS}
    top = list(order[:PRIORITY_CHARTED])
    report.heading(tr("What makes the highest priorities"))
    report.chart(
        bar_chart(
            [names[i] for i in top],
            [(descriptions[name], [float(part[i]) for i in top]) for name, part in contributions.items()],
            tr("Contributions to the priority score of the {0} highest priorities", len(top)),
            tr("Priority score"),
            stacked=True,
            horizontal=True,
        ),
        tr("Contributions to the priority score"),
    )
    for i in order[:PRIORITY_EXPLAINED]:
        report.paragraph(rank_sentence(names[i], int(rank[i]), float(score[i]), contributions, int(i)))
    shares = variance_shares(contributions, score)
    report.heading(tr("What spreads the scores"))
    report.table(
        [tr("Component"), tr("Mean contribution"), tr("Share of the spread of the scores (%)")],
        [
            [
                descriptions[name],
                float(np.mean(part)),
                100.0 * shares[name] if np.isfinite(shares[name]) else None,
            ]
            for name, part in contributions.items()
        ],
    )
    report.paragraph(
        tr(
            "The share of a component is the covariance of its contribution with the score divided by the "
            "variance of the score: the shares add up to 100 %, a large share means that component decides "
            "most of the ranking, and a negative one that it works against the others."
        ),
        css="note",
    )
    for name in dominant_components(shares):
        report.paragraph(
            tr(
                'The ranking is driven mostly by "{0}" ({1} % of the spread of the scores): check its weight and data.',
                descriptions[name],
                f"{100 * shares[name]:.0f}",
            )
        )
