"""The report of a what-if scenario: the baseline and the scenario side by side, a map of the minutes gained, the
changes of level and priority and the regional balance (SDG 11.a.1 (b) evidence)."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..report.charts import map_image
from ..report.html import Report, ReportSettings
from ..text import tr, tr_noop

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from shapely.geometry.base import BaseGeometry

    from ..report.charts import LegendEntry, Picture, Style
    from .chain import Comparison

# Classes of minutes gained, drawn from none (pale) to most (dark green); newly connected in blue.
GAIN_CLASSES: List[Tuple[float, float, str, str]] = [
    (-np.inf, 0.05, "#f0f0f0", tr_noop("no gain")),
    (0.05, 5.0, "#c7e9c0", tr_noop("up to 5 min")),
    (5.0, 15.0, "#74c476", tr_noop("5 to 15 min")),
    (15.0, 30.0, "#238b45", tr_noop("15 to 30 min")),
    (30.0, np.inf, "#00441b", tr_noop("more than 30 min")),
]
NEW_ACCESS_COLOUR = "#2171b5"
NEW_ROAD_STYLE: Style = {"edge": "#d7301f", "width": 2.5}
ROAD_STYLE: Style = {"edge": "#9e9e9e", "width": 0.6}
MAX_ROADS_DRAWN = 20_000  # more existing roads than this are left off the map (unreadable, and slow to draw)
RADIUS = 700.0  # metres: a settlement point as a disc on the map


def _disc(shape: BaseGeometry) -> BaseGeometry:
    return shape if shape.geom_type.endswith("Polygon") else shape.buffer(RADIUS)


def gains_map(
    shapes: Sequence[Optional[BaseGeometry]],
    names: Sequence[str],
    gain: NDArray[np.float64],
    newly: NDArray[np.bool_],
    new_roads: Sequence[BaseGeometry],
    roads: Sequence[BaseGeometry] = (),
    labelled: int = 8,
) -> Picture:
    """Settlements coloured by the minutes gained to the nearest centre, newly connected ones in blue, the new roads
    in red over the existing ``roads`` in grey; the largest gains named."""
    layers: List[Tuple[List[BaseGeometry], Style]] = []
    legend: List[LegendEntry] = []
    for low, high, colour, label in GAIN_CLASSES:
        style: Style = {"fill": colour, "edge": "#424242", "width": 0.3}
        members = [
            _disc(shape)
            for shape, value, new in zip(shapes, gain, newly)
            if shape is not None and not new and low <= (value if np.isfinite(value) else 0.0) < high
        ]
        layers.append((members, style))
        legend.append((tr(label), style))
    new_style: Style = {"fill": NEW_ACCESS_COLOUR, "edge": "#08306b", "width": 0.6}
    layers.append(([_disc(s) for s, new in zip(shapes, newly) if s is not None and new], new_style))
    legend.append((tr("newly joined to the roads"), new_style))
    if new_roads:
        layers.insert(0, (list(new_roads), NEW_ROAD_STYLE))
        legend.insert(0, (tr("new or upgraded roads"), NEW_ROAD_STYLE))
    if roads:
        layers.insert(0, (list(roads), ROAD_STYLE))
        legend.insert(0, (tr("roads"), ROAD_STYLE))
    order = np.argsort(-np.nan_to_num(np.where(newly, np.inf, gain), nan=-np.inf), kind="stable")
    labels = [
        (names[i], shapes[i])
        for i in order[:labelled]
        if shapes[i] is not None and (newly[i] or (np.isfinite(gain[i]) and gain[i] > 0.05))
    ]
    return map_image(layers, tr("Minutes gained to the nearest centre"), legend, labels=labels)


def scenario_report(
    path: str,
    names: Sequence[str],
    shapes: Sequence[Optional[BaseGeometry]],
    comparison: Comparison,
    gain: NDArray[np.float64],
    newly: NDArray[np.bool_],
    new_roads: Sequence[BaseGeometry],
    level_labels: Sequence[str],
    settings: Union[ReportSettings, str] = "en",
    roads: Sequence[BaseGeometry] = (),
) -> str:
    """``gain``: minutes gained to the nearest centre (NaN without a time in either run), ``newly``: settlements
    that reach a centre only in the scenario, ``new_roads``: the scenario's lines, ``roads`` the baseline's (left
    off the map beyond MAX_ROADS_DRAWN)."""
    base, scen = comparison.baseline, comparison.scenario
    report = Report(tr("What-if scenario: baseline and scenario side by side"), settings)
    report.indicator(tr("Settlements reaching a centre sooner"), float((gain > 0.05).sum()), "", decimals=0)
    report.indicator(tr("Settlements reaching a centre for the first time"), float(newly.sum()), "", decimals=0)
    drawn = roads if len(roads) <= MAX_ROADS_DRAWN else ()
    report.chart(gains_map(shapes, names, gain, newly, new_roads, drawn), tr("Minutes gained to the nearest centre"))

    report.heading(tr("Side by side"))
    report.table(
        [tr("Indicator"), tr("Baseline"), tr("Scenario"), tr("Change")],
        [
            [label, _shown(before, decimals), _shown(after, decimals), _shown(after - before, decimals, sign=True)]
            for _, label, before, after, decimals in comparison.rows
        ],
    )

    moved = [i for i in range(len(names)) if base.levels[i] != scen.levels[i]]
    report.heading(tr("Changes in the settlement hierarchy"))
    if moved:
        report.table(
            [tr("Settlement"), tr("Baseline"), tr("Scenario")],
            [[names[i], level_labels[base.levels[i] - 1], level_labels[scen.levels[i] - 1]] for i in moved],
        )
    else:
        report.paragraph(tr("No settlement changes level."))

    report.heading(tr("Investment priorities"))
    first = 10
    report.table(
        [tr("Rank"), tr("Baseline"), tr("Priority"), tr("Scenario"), tr("Priority")],
        [
            [rank + 1, names[b], float(base.priority[b]), names[s], float(scen.priority[s])]
            for rank, (b, s) in enumerate(
                zip(np.argsort(base.rank)[:first], np.argsort(scen.rank)[:first])  # rank 1 first
            )
        ],
    )
    shifts = np.asarray(scen.rank, dtype=int) - np.asarray(base.rank, dtype=int)
    largest = [i for i in np.argsort(-np.abs(shifts), kind="stable")[:10] if shifts[i] != 0]
    if largest:
        report.paragraph(
            tr(
                "Largest moves in the ranking (a settlement the scenario serves better needs less and drops): {0}",
                ", ".join(tr("{0} {1} → {2}", names[i], int(base.rank[i]), int(scen.rank[i])) for i in largest),
            ),
            css="note",
        )

    report.heading(tr("Regional balance"))
    report.table(
        [
            tr("Measure"),
            tr("Theil index"),
            tr("between groups (%)"),
            tr("Gini coefficient"),
            tr("Coefficient of variation"),
        ],
        [
            [
                tr("{0}: {1}", tr(key), tr(run)),
                inequality.theil,
                100 * inequality.between_share,
                inequality.gini,
                inequality.cv,
            ]
            for key, pair in comparison.balance.items()
            for run, inequality in zip((tr_noop("baseline"), tr_noop("scenario")), pair)
        ],
        "{:,.3f}",
    )
    report.paragraph(
        tr(
            "Population-weighted inequality between the settlements (0 = equal): the Theil index splits into the "
            "inequality between the groups (districts, or the hierarchy levels) and within them; a project that "
            "lowers them moves the region towards balanced regional development (SDG 11.a.1 (b))."
        ),
        css="note",
    )
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "The same chain runs on both: centrality from the functions (Rondinelli), levels by the baseline's "
            "natural breaks, travel time on the roads with the speed of each class, Hansen accessibility with "
            "exponential decay, functions expected at each level from the baseline's scalogram, priorities from "
            "need and potential scaled over both runs together. New roads join the network at their ends; a "
            "settlement near a new road may use it or keep its old road. Influence and travel times are a model "
            "of the network, not a forecast of traffic."
        ),
        css="note",
    )
    return report.save(path)


def _shown(value: float, decimals: int, sign: bool = False) -> Optional[str]:
    if not np.isfinite(value):
        return None
    text = f"{value:+,.{decimals}f}" if sign else f"{value:,.{decimals}f}"
    return text
