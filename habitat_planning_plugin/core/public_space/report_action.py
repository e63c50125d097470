"""The reports of the public space tools that say where to act: who is not served and where (gaps), where to add
public space (siting) and which spaces to upgrade first. Composed in the user's language from plain results (no
QGIS); the Processing recipes give the ReportSettings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..report.charts import FIGURE_WIDTH, _png, _pyplot, _rc, font_family, map_image
from ..report.html import Report, ReportSettings
from ..text import tr
from .groups import group_label
from .maps import SPACE_STYLE
from .report_values import finite_or_none, pct, whole_number
from .siting import MILP
from .upgrade import contribution_chart, district_dependants

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from shapely.geometry.base import BaseGeometry

    from ..report.charts import LegendEntry, Picture, Style
    from .gaps import GapsResult
    from .siting import Selection
    from .upgrade import Dependants

    Shapes = Sequence[Optional[BaseGeometry]]
    Values = Union[Sequence[float], NDArray[np.float64]]

# Light to dark red, as processing.styles.REDS (the layer styles): more people, more need.
REDS = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
LARGEST_LISTED = 20  # clusters listed in the gaps report
# The siting map.
CHOSEN_STYLE = {"fill": "#e65100", "edge": "#bf360c", "width": 0.6, "zorder": 4}
CANDIDATE_STYLE = {"fill": "#ffe0b2", "edge": "#fb8c00", "width": 0.4, "zorder": 3}
STREET_STYLE = {"edge": "#9e9e9e", "width": 0.3, "kind": "line"}
# The upgrade priority map and chart.
NOT_SURVEYED_COLOUR = "#bdbdbd"
CHART_SPACES = 25  # bars in the contributions chart: the top of the ranking
PRIORITY_CLASSES = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100.001)]


def gaps_report(
    path: str,
    result: GapsResult,
    district_names: Sequence[str],
    district_shapes: Shapes,
    extent_shapes: Shapes,
    space_shapes: Shapes,
    max_distance: float,
    search: float,
    split: bool,
    settings: Optional[Union[ReportSettings, str]] = None,
) -> str:
    """Who is not served, where: ``result`` a gaps.GapsResult; ``split`` whether the clusters end at district
    boundaries. Written to ``path`` (HTML, or PDF with the settings' writer)."""
    report = Report(tr("Who is not served: gaps in walking access to public space"), settings or ReportSettings())
    groups = result.group_names
    whole = {row["group"]: row for row in result.rows if row["district"] is None}
    total = whole[groups[0]]
    report.paragraph(
        tr(
            "The people who live farther than {0} m walking distance, along the street network, from "
            "every open public space: who they are, where they live and how far they would walk.",
            f"{max_distance:g}",
        )
    )
    report.indicator(
        tr("Population not served"),
        total["unserved_pct"],
        "%",
        benchmark_text=tr("{0} of {1} people", whole_number(total["unserved"]), whole_number(total["population"])),
        higher_is_better=False,
    )
    report.heading(tr("By population group"))
    report.table(
        [tr("Population group"), tr("Population"), tr("Served"), tr("Not served"), tr("Not served (%)")],
        [
            [
                group_label(group),
                whole[group]["population"],
                whole[group]["served"],
                whole[group]["unserved"],
                whole[group]["unserved_pct"],
            ]
            for group in groups
        ],
    )
    district_rows = [row for row in result.rows if row["district"] is not None]
    if district_rows:
        report.heading(tr("By district"))
        by_district: Dict[str, Dict[str, Dict[str, Any]]] = {}
        for row in district_rows:
            by_district.setdefault(row["district"], {})[row["group"]] = row
        report.table(
            [tr("District"), tr("Population"), tr("Not served"), tr("Clusters")]
            + [tr("{0}: not served (%)", group_label(group)) for group in groups],
            [
                [name, rows[groups[0]]["population"], rows[groups[0]]["unserved"], rows[groups[0]]["clusters"]]
                + [rows[group]["unserved_pct"] for group in groups]
                for name, rows in by_district.items()
            ],
        )
    report.heading(tr("Where: clusters of unserved people"))
    assert result.dropped_population is not None  # unserved_gaps sets it
    report.paragraph(
        tr(
            "{0} clusters of at least the minimum size hold {1} unserved people; {2} smaller clusters "
            "with {3} people are left out of the cluster layer. Cells of {4} m that touch, corners "
            "included, form one cluster.",
            len(result.clusters),
            whole_number(sum(cluster.population[0] for cluster in result.clusters)),
            result.dropped_clusters,
            whole_number(result.dropped_population[0]),
            f"{result.cell_size:g}",
        )
    )
    if result.clusters:
        report.chart(cluster_map(result, district_shapes, extent_shapes, space_shapes))
        listed = result.clusters[:LARGEST_LISTED]
        report.table(
            [
                tr("Cluster"),
                tr("District"),
                tr("People not served"),
                tr("Area (ha)"),
                tr("Mean walking distance (m)"),
                tr("Largest walking distance (m)"),
                tr("No space within {0} m", f"{search:g}"),
            ],
            [
                [
                    str(cluster.number),
                    district_names[cluster.district] if cluster.district >= 0 else None,
                    float(cluster.population[0]),
                    cluster.area_ha,
                    finite_or_none(cluster.mean_distance),
                    finite_or_none(cluster.max_distance),
                    cluster.unreachable,
                ]
                for cluster in listed
            ],
        )
        if len(result.clusters) > LARGEST_LISTED:
            report.paragraph(
                tr(
                    "The {0} largest of {1} clusters; all are in the cluster layer.",
                    LARGEST_LISTED,
                    len(result.clusters),
                ),
                css="note",
            )
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Walking distances are those of SDG 11.7.1 (b) walking access, run on the same inputs: the "
            "unserved population of every district and group is its population less the population "
            "served. A person's walking distance to the nearest space is measured up to {0} m; farther "
            "counts as no space within reach. The unserved people are put on a grid of {1} m cells; "
            "cells that touch, corners included, form a cluster, whose district is the one holding most "
            "of its people.",
            f"{search:g}",
            f"{result.cell_size:g}",
        ),
        css="note",
    )
    if split and district_rows:
        report.paragraph(
            tr("Clusters end at district boundaries: each cell belongs to the district holding most of its people."),
            css="note",
        )
    return report.save(path)


def cluster_map(result: GapsResult, district_shapes: Shapes, extent_shapes: Shapes, space_shapes: Shapes) -> Picture:
    """The clusters in five classes of unserved people (equal counts), the public spaces over them."""
    people = np.array([cluster.population[0] for cluster in result.clusters])
    breaks = np.unique(np.quantile(people, np.linspace(0, 1, min(len(REDS), len(people)) + 1)))
    if len(breaks) < 2:
        breaks = np.array([people.min(), people.max()])
    klass = np.clip(np.searchsorted(breaks, people, side="right") - 1, 0, len(breaks) - 2)
    layers: List[Tuple[Shapes, Style]] = []
    legend: List[LegendEntry] = []
    colours = REDS[-(len(breaks) - 1) :] if len(breaks) - 1 < len(REDS) else REDS
    for number, colour in enumerate(colours):
        chosen = [cluster.shape for cluster, k in zip(result.clusters, klass) if k == number]
        style = {"fill": colour, "edge": "#616161", "width": 0.3, "zorder": 2}
        layers.append((chosen, style))
        legend.append((tr("{0}–{1} people", whole_number(breaks[number]), whole_number(breaks[number + 1])), style))
    layers.append((space_shapes, dict(SPACE_STYLE, zorder=3)))
    legend.append((tr("Open public space"), SPACE_STYLE))
    outline = (
        (district_shapes, tr("Districts"))
        if district_shapes
        else ((extent_shapes, tr("Urban extent")) if extent_shapes else None)
    )
    labels = [(str(cluster.number), cluster.shape) for cluster in result.clusters[:10]]
    return map_image(
        layers, tr("Clusters of people not served, by number of people"), legend, outline=outline, labels=labels
    )


def siting_report(
    path: str,
    selection: Selection,
    share: NDArray[np.float64],
    names: Sequence[str],
    shapes: Shapes,
    space_shapes: Shapes,
    extent_shapes: Shapes,
    lines: Tuple[NDArray[np.float64], NDArray[np.int64]],
    groups: Sequence[str],
    group: int,
    max_distance: float,
    costs: Optional[Values],
    settings: Optional[Union[ReportSettings, str]] = None,
) -> str:
    """Where to add public space: ``selection`` a siting.Selection over the candidate ``shapes`` (named
    ``names``), ``share`` the share served (%) after 0, 1, … new spaces by group, ``lines`` the streets as
    (coordinates, points per line), ``group`` the index of the group the sites were chosen for, ``costs`` None or
    the cost of each candidate."""
    report = Report(tr("Where to add public space"), settings or ReportSettings())
    report.paragraph(
        tr(
            "Candidate sites chosen to bring the most people within {0} m walking distance of an open "
            "public space, along the street network (SDG 11.7.1 (b)).",
            f"{max_distance:g}",
        )
    )
    report.indicator(tr("Population within walking distance today"), float(share[0, 0]), "%")
    report.indicator(tr("With the {0} new public spaces", len(selection.order)), float(share[-1, 0]), "%")
    if group:
        report.paragraph(
            tr(
                "Sites chosen for: {0} ({1} % today, {2} % with the new spaces).",
                group_label(groups[group]),
                pct(share[0, group]),
                pct(share[-1, group]),
            )
        )
    method = tr("exact solution (HiGHS)") if selection.method == MILP else tr("greedy choice")
    assert selection.upper_bound is not None  # choose_sites always gives its bound
    report.paragraph(
        tr(
            "Solution: {0}; optimality gap {1} % (no choice of sites can serve more than {2} more people "
            "of the chosen group).",
            method,
            f"{selection.gap_pct:.2f}",
            whole_number(selection.upper_bound),
        )
    )
    series = [(tr("All residents"), share[:, 0])] + ([(group_label(groups[group]), share[:, group])] if group else [])
    report.chart(
        curve_chart(
            series,
            tr("Share served by number of new public spaces"),
            tr("New public spaces built (in the order chosen)"),
            tr("Share served (%)"),
        )
    )
    chosen = [shapes[j] for j in selection.order]
    others = [shape for j, shape in enumerate(shapes) if j not in set(selection.order)]
    coords, counts = lines
    ends = np.cumsum(counts)
    from shapely.geometry import MultiLineString

    streets = [MultiLineString([coords[end - count : end] for end, count in zip(ends, counts)])] if len(counts) else []
    layers = [(streets, STREET_STYLE), (space_shapes, SPACE_STYLE), (others, CANDIDATE_STYLE), (chosen, CHOSEN_STYLE)]
    legend = [
        (tr("Streets"), STREET_STYLE),
        (tr("Open public space"), SPACE_STYLE),
        (tr("Candidate site, not chosen"), CANDIDATE_STYLE),
        (tr("Chosen site (number: order)"), CHOSEN_STYLE),
    ]
    labels = [(str(position + 1), shape) for position, shape in enumerate(chosen)]
    report.chart(
        map_image(
            layers,
            tr("Chosen sites for new public space"),
            legend,
            outline=(extent_shapes, tr("Urban extent")) if extent_shapes else None,
            labels=labels,
        )
    )
    report.heading(tr("Chosen sites"))
    headers = [tr("Order"), tr("Site"), tr("People newly served")]
    if group:
        headers.append(group_label(groups[group]))
    headers.append(tr("Share served (%)"))
    if costs is not None:
        headers.append(tr("Cost"))
    table = []
    for position, j in enumerate(selection.order):
        row = [str(position + 1), names[j], float(selection.gains[position, 0])]
        if group:
            row.append(float(selection.gains[position, group]))
        row.append(float(share[position + 1, 0]))
        if costs is not None:
            row.append(float(costs[j]))
        table.append(row)
    report.table(headers, table)
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Walking distances, entrances and the urban extent are those of SDG 11.7.1 (b) walking "
            "access: building the chosen sites gives the share above. Each candidate is entered where a "
            "street passes within the entry tolerance; the people it would newly serve are those not "
            "served today whose walk to it is within the walking distance. The sites are chosen greedily "
            "by the people each adds (per unit of cost with a budget, compared with the best single "
            "site), and the exact maximal covering problem is solved with HiGHS when it is small "
            "enough; the better is kept. The optimality gap compares the result with a proven bound on "
            "the best possible."
        ),
        css="note",
    )
    return report.save(path)


def curve_chart(series: Sequence[Tuple[str, Values]], title: str, xlabel: str, ylabel: str) -> Picture:
    """(png, warning): one line per [(label, share per number of sites)], from 0 (today) up."""
    plt = _pyplot()
    families, warning = font_family(title, xlabel, ylabel, *[label for label, _ in series])
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, 3.8))
        for (label, values), colour in zip(series, ("#e65100", "#1565c0")):
            axes.plot(range(len(values)), values, marker="o", markersize=4, color=colour, label=label)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_xlabel(xlabel)
        axes.set_ylabel(ylabel)
        axes.set_title(title)
        axes.grid(alpha=0.3)
        axes.legend()
        return _png(figure, warning)


def upgrade_report(
    path: str,
    rows: Sequence[Sequence[Any]],
    shapes: Shapes,
    labels: Sequence[str],
    summary: Sequence[Tuple[int, float, Optional[float], Optional[float]]],
    groups: Sequence[str],
    result: Dependants,
    surveyed: NDArray[np.bool_],
    weights: NDArray[np.float64],
    district_shapes: Shapes,
    district_names: Sequence[str],
    max_distance: float,
    need_weight: float,
    people_weight: float,
    incomplete: int,
    settings: Optional[Union[ReportSettings, str]] = None,
) -> str:
    """Which spaces to upgrade first: ``rows`` are the output rows in ranking order (upgrade_rows), ``shapes``
    their polygons, ``labels`` the dimension labels, ``summary`` from upgrade.weakest_summary, ``result`` the
    upgrade.Dependants of the spaces in input order and ``surveyed`` whether each has a quality index."""
    report = Report(tr("Public spaces to upgrade first"), settings or ReportSettings())
    n_groups = len(groups)
    ranked = [row for row in rows if row[3] == 1]
    unsurveyed = [row for row in rows if row[3] == 0]
    total = float(weights[:, 0].sum())
    dependants = result.people[:, 0]
    report.paragraph(
        tr(
            "Each surveyed public space is scored for upgrading from its quality index and the people "
            "who depend on it: those whose nearest space it is along the street network, within {0} m "
            "walking distance.",
            f"{max_distance:g}",
        )
    )
    report.indicator(tr("Spaces with a quality index"), float(len(ranked)), tr("of {0} spaces", len(rows)), decimals=0)
    report.indicator(
        tr("People depending on a surveyed space"),
        float(dependants[surveyed].sum()),
        tr("of {0} people", whole_number(total)),
        decimals=0,
    )
    report.indicator(
        tr("People depending on a space without a quality index"),
        float(dependants[~surveyed].sum()),
        tr("people"),
        decimals=0,
    )

    priority_column = 10 + n_groups + 2
    layers = [
        (
            [s for s, r in zip(shapes, rows) if s is not None and r[3] == 0],
            {"fill": NOT_SURVEYED_COLOUR, "edge": "#757575", "width": 0.3},
        )
    ]
    legend: List[LegendEntry] = []
    for (low, high), colour in zip(PRIORITY_CLASSES, REDS):
        style = {"fill": colour, "edge": "#424242", "width": 0.3}
        layers.append(
            (
                [s for s, r in zip(shapes, rows) if s is not None and r[3] == 1 and low <= r[priority_column] < high],
                style,
            )
        )
        legend.insert(0, (tr("Priority {0}–{1}", f"{low:g}", f"{min(high, 100):g}"), style))
    if layers[0][0]:
        legend.append((tr("No quality index: survey first"), layers[0][1]))
    outline = (district_shapes, tr("Districts")) if district_shapes else None
    report.chart(
        map_image(layers, tr("Upgrade priority of the public spaces"), legend, outline=outline), tr("Upgrade priority")
    )

    report.heading(tr("Ranking"))
    if ranked:
        report.table(
            [
                tr("Rank"),
                tr("Space"),
                tr("District"),
                tr("Quality index"),
                tr("Dependants"),
                tr("Need (points)"),
                tr("People (points)"),
                tr("Priority"),
                tr("Weakest dimension"),
                tr("Second weakest"),
            ],
            [
                [
                    str(r[-1]),
                    r[1],
                    r[2] or "",
                    r[4],
                    r[9],
                    r[priority_column - 2],
                    r[priority_column - 1],
                    r[priority_column],
                    _weak(r[5], r[6]),
                    _weak(r[7], r[8]),
                ]
                for r in ranked
            ],
            "{:,.0f}",
        )
        top = ranked[:CHART_SPACES]
        report.chart(
            contribution_chart(
                [f"{r[-1]}. {r[1]}" for r in top],
                [r[priority_column - 2] for r in top],
                [r[priority_column - 1] for r in top],
                tr("What makes up each priority score"),
                tr("Need: low quality"),
                tr("People: dependants"),
                tr("Priority (0–100)"),
            ),
            tr("Ranking"),
        )
    else:
        report.paragraph(
            tr(
                "No space has a quality index: run Public space quality from a survey on a survey of "
                "these spaces first."
            )
        )

    report.heading(tr("Survey these first"))
    if unsurveyed:
        report.paragraph(
            tr(
                "These spaces have no quality index — never surveyed, or a dimension left unanswered "
                "({0} of them) — so they have no priority. Most dependants first.",
                incomplete,
            )
        )
        report.table(
            [tr("Space"), tr("District"), tr("Dependants")], [[r[1], r[2] or "", r[9]] for r in unsurveyed], "{:,.0f}"
        )
    else:
        report.paragraph(tr("Every space has a quality index."))

    report.heading(tr("Weakest dimensions across the city"))
    if labels and ranked:
        report.table(
            [
                tr("Dimension"),
                tr("Spaces where it is the weakest"),
                tr("Their dependants"),
                tr("Mean score"),
                tr("Mean score weighted by dependants"),
            ],
            [
                [label, float(count), people, mean, weighted]
                for label, (count, people, mean, weighted) in zip(labels, summary)
            ],
            "{:,.0f}",
        )
        report.paragraph(
            tr("A space whose lowest score is shared by several dimensions counts for each of them."), css="note"
        )
        worst = max(range(len(labels)), key=lambda i: (summary[i][1], summary[i][0]))
        report.paragraph(
            tr(
                '"{0}" is the weakest dimension of the spaces most people depend on ({1} people).',
                labels[worst],
                whole_number(summary[worst][1]),
            )
        )
    else:
        report.paragraph(tr("No dimension scores to compare."))

    report.heading(tr("Dependants by population group"))
    served = result.point_space >= 0
    on_surveyed = served & surveyed[np.maximum(result.point_space, 0)]
    report.table(
        [
            tr("Population group"),
            tr("Population"),
            tr("On a surveyed space"),
            tr("On a space without a quality index"),
            tr("Beyond the walking distance"),
        ],
        [
            [
                group_label(group),
                float(weights[:, g].sum()),
                float(weights[on_surveyed, g].sum()),
                float(weights[served & ~on_surveyed, g].sum()),
                float(weights[~served, g].sum()),
            ]
            for g, group in enumerate(groups)
        ],
        "{:,.0f}",
    )
    if district_shapes:
        assert result.point_district is not None  # space_dependants placed the people in these districts
        report.heading(tr("Residents by district"))
        report.table(
            [
                tr("District"),
                tr("Population"),
                tr("On a surveyed space"),
                tr("On a space without a quality index"),
                tr("Beyond the walking distance"),
            ],
            [
                [name] + list(values)
                for name, values in zip(
                    district_names,
                    district_dependants(
                        result.point_district, result.point_space, surveyed, weights, len(district_names)
                    ),
                )
            ],
            "{:,.0f}",
        )

    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "The city-wide public space assessment guide (UN-Habitat 2020) asks to determine the public "
            "spaces that need upgrading but publishes no formula. Here the priority is the need part, "
            "(100 − quality index) × {0}, plus the people part, dependants ÷ most dependants of a "
            "surveyed space × 100 × {1} (weights {2} and {3}, scaled to add up to 1). Dependants are "
            "measured on the walking network of SDG 11.7.1 (b): each person depends on the one space "
            "nearest along the streets within the walking distance, so the dependants of all spaces add "
            "up to the population served. Equal scores are ordered by dependants.",
            f"{need_weight / (need_weight + people_weight):.2f}",
            f"{people_weight / (need_weight + people_weight):.2f}",
            f"{need_weight:g}",
            f"{people_weight:g}",
        ),
        css="note",
    )
    return report.save(path)


def _weak(label: Optional[str], score: Optional[float]) -> str:
    return "—" if label is None else f"{label} ({score:.0f})"
