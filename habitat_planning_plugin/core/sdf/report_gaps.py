"""The report of the function gaps tool (habitat:sdffunctiongaps): the expected functions by hierarchy level, the
settlements lacking most functions and, per function, how many settlements lack it and how far they travel to the
nearest provider; from plain data and the ReportSettings of the run."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Union

import numpy as np

from ..report.charts import bar_chart
from ..report.html import Report, ReportSettings
from ..text import tr
from .common import listed

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

MOST_LACKING = 20  # settlements listed in the table of those lacking most functions


def _median_max(values: Sequence[float]) -> List[Optional[float]]:
    finite = [float(v) for v in values if np.isfinite(v)]
    return [float(np.median(finite)), float(max(finite))] if finite else [None, None]


def gaps_report(
    path: str,
    names: Sequence[str],
    levels: ArrayLike,
    labels: Sequence[str],
    functions: Sequence[str],
    presence: ArrayLike,
    expected: Dict[int, List[str]],
    derived: bool,
    share: float,
    minutes: ArrayLike,
    missing: Sequence[Sequence[str]],
    unconnected: Sequence[str],
    settings: Union[ReportSettings, str] = "en",
) -> str:
    """The report for ``names`` at ``levels`` (1 = most central, 0: none; level k named ``labels[k - 1]``):
    ``presence`` (n, F) 0/1, ``expected`` {level: functions} (``derived`` from the scalogram with ``share``, or
    given by the user), ``minutes`` (n, F) to the nearest provider of each function (inf: none reachable),
    ``missing`` the expected functions each settlement lacks, ``unconnected`` the names of the settlements without
    road access."""
    level_of = np.asarray(levels, dtype=np.int64)
    times = np.asarray(minutes, dtype=float)
    having = np.asarray(presence) > 0
    report = Report(tr("Function gaps"), settings)
    counted = [len(items) for items in missing]
    lacking_any = sum(1 for count in counted if count)
    report.indicator(tr("Settlements lacking an expected function"), float(lacking_any), "", decimals=0)
    report.indicator(tr("Function gaps"), float(sum(counted)), "", decimals=0)

    report.heading(tr("Expected functions by level"))
    report.paragraph(
        tr(
            "Derived from the scalogram: a function is expected at a level when at least {0} % of its "
            "settlements have it, and at every more central level too.",
            f"{100 * share:g}",
        )
        if derived
        else tr(
            "Given in the table of expected functions; a more central level also expects what a less central one does."
        )
    )
    report.table(
        [tr("Level"), tr("Settlements"), tr("Expected functions")],
        [
            [
                f"{level} · {labels[level - 1]}" if 0 < level <= len(labels) else str(level),
                int((level_of == level).sum()),
                "; ".join(items) if items else "—",
            ]
            for level, items in sorted(expected.items())
        ],
    )

    report.heading(tr("Settlements lacking most functions"))
    order = [i for i in np.argsort(-np.asarray(counted), kind="stable") if counted[i]][:MOST_LACKING]
    if order:
        report.table(
            [tr("Settlement"), tr("Level"), tr("Functions lacking"), tr("Lacking")],
            [
                [
                    names[i],
                    labels[level_of[i] - 1] if 0 < level_of[i] <= len(labels) else None,
                    counted[i],
                    "; ".join(missing[i]),
                ]
                for i in order
            ],
        )
    else:
        report.paragraph(tr("Every settlement has the functions expected at its level."))

    report.heading(tr("Gaps by function"))
    column = {name: j for j, name in enumerate(functions)}
    per_function: List[List[object]] = []
    lacking_count: Dict[str, int] = {}
    for name in functions:
        j = column[name]
        lacking_rows = [i for i, items in enumerate(missing) if name in items]
        lacking_count[name] = len(lacking_rows)
        per_function.append(
            [name, int(having[:, j].sum()), len(lacking_rows)] + _median_max([times[i, j] for i in lacking_rows])
        )
    report.table(
        [
            tr("Function"),
            tr("Settlements having it"),
            tr("Settlements lacking it"),
            tr("Median travel time of those lacking it (min)"),
            tr("Longest travel time of those lacking it (min)"),
        ],
        per_function,
    )
    charted = [name for name in functions if lacking_count[name]]
    if charted:
        report.chart(
            bar_chart(
                charted,
                [(tr("Settlements lacking it"), [float(lacking_count[name]) for name in charted])],
                tr("Settlements lacking each expected function"),
                tr("Settlements"),
            ),
            tr("Settlements lacking each expected function"),
        )
    if unconnected:
        report.paragraph(
            tr(
                "{0} settlements have no road within reach and get no travel time: {1}",
                len(unconnected),
                listed(unconnected),
            ),
            css="note",
        )

    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Rondinelli's functional analysis (Urban Functions in Rural Development, UNU) maps the service areas of "
            "each function, the unserved areas and the gaps of the settlement system: the functions that "
            "settlements of a level of the hierarchy usually have and some lack. Travel times are network times to "
            "the nearest settlement having the function, with speeds by road class and the off-road speed to the "
            "nearest road; 0 where the settlement has the function itself."
        ),
        css="note",
    )
    return report.save(path)
