"""The reports of the public space indicators (SDG 11.7.1 (a) land share, (b) walking access, the quality survey),
composed in the user's language from plain results: no QGIS. The Processing recipes give the ReportSettings
(language, footer, PDF writer, where chart warnings go)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, List, Mapping, Optional, Sequence, Tuple, TypedDict, Union

import numpy as np

from ..report.charts import bar_chart, box_chart, map_image, radar_grid, segment_map
from ..report.html import Report, ReportSettings
from ..text import tr
from .access import (
    BASELINE_SOURCE,
    ENTRANCE_SPACING,
    GLOBAL_BASELINE_PCT,
    NETWORK,
    REGIONAL_BASELINE_RANGE_PCT,
    STRAIGHT_LINE,
    band_labels,
    distance_band,
    edge_distances,
)
from .groups import group_label
from .land_share import BENCHMARK_OPS, BENCHMARK_STREETS, BENCHMARK_TOTAL
from .maps import SPACE_STYLE, land_share_map
from .quality import PROBLEMS, problem_counts
from .street_width import CLASS, DEFAULT, MEASURED
from .survey import text_in

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from ..report.charts import LegendEntry, Picture, Style
    from .access import AccessResult
    from .land_share import AreaShares, SampleEstimate
    from .quality import Problem, SpaceQuality
    from .street_width import WidthTally
    from .survey import Questionnaire

    class WidthNotes(TypedDict):
        """How the street widths of a land-share run were found (centre-lines only)."""

        tally: WidthTally
        default: float  # the default width, m
        problems: List[str]  # translated warnings about width values
        # (street % with every width 0.75 x, with every width 1.25 x), one pair per row of the report
        sensitivity: Sequence[Tuple[float, float]]


# Walking distance bands 1-6 (access.distance_band), as in the layer style access_network.qml.
BAND_COLOURS = {1: "#1a9641", 2: "#77c35c", 3: "#c4e687", 4: "#fec981", 5: "#f07c4a", 6: "#9e9e9e"}
RADARS_PER_CHART = 12  # 3 columns x 4 rows: one page, legible
# Quality index classes as in the layer style (public_space_quality.qml): red to green, grey without an index.
QUALITY_CLASSES = [
    (0, 20, "#d7191c"),
    (20, 40, "#fdae61"),
    (40, 60, "#ffffbf"),
    (60, 80, "#a6d96a"),
    (80, 100.001, "#1a9641"),
]
NO_INDEX_STYLE = {"fill": "#e0e0e0", "edge": "#9e9e9e", "width": 0.3}


def access_report(
    path: str,
    result: AccessResult,
    groups: Sequence[str],
    max_distance: float,
    space_shapes: Iterable[Optional[BaseGeometry]],
    settings: Optional[Union[ReportSettings, str]] = None,
    extent_given: bool = False,
    spread_text: Optional[str] = None,
) -> str:
    """SDG 11.7.1 (b) from ``result`` (an access.AccessResult of ``groups``), with a map of the street segments by
    walking distance band; written to ``path`` (HTML, or PDF with the settings' writer)."""
    report = Report(tr("SDG 11.7.1 (b): access to open public space"), settings or ReportSettings())
    city = {
        (row["group"], row["method"]): row for row in result.rows if row["district"] is None and row["city"] is None
    }
    total = city[(groups[0], NETWORK)]
    report.paragraph(
        tr(
            "Share of the population within {0} m walking distance of an open public space, measured "
            "along the street network.",
            f"{max_distance:g}",
        )
    )
    report.indicator(
        tr("Population within walking distance"),
        total["share_pct"],
        "%",
        benchmark_text=tr(
            "global baseline about {0} % of the urban population (regions {1}–{2} %)",
            GLOBAL_BASELINE_PCT,
            *REGIONAL_BASELINE_RANGE_PCT,
        ),
    )
    inside = result.population_input - result.population_outside_extent
    if extent_given:
        report.paragraph(
            tr(
                "Population input inside the urban extent: {0} of {1} people ({2} %); only they count.",
                f"{inside:,.0f}",
                f"{result.population_input:,.0f}",
                f"{100.0 * inside / result.population_input:.1f}" if result.population_input else "—",
            )
        )
    else:
        report.paragraph(
            tr(
                "No urban extent was given: all {0} people of the population input count. SDG 11.7.1 (b) "
                "is a share of the urban population; give the urban extent when the population input "
                "reaches beyond the city.",
                f"{result.population_input:,.0f}",
            ),
            css="note",
        )
    if spread_text:
        report.paragraph(tr("Coarse population grid: the cells were {0}.", spread_text))
    cities = [
        row
        for row in result.rows
        if row["city"] is not None
        and row["district"] is None
        and row["method"] == NETWORK
        and row["group"] == groups[0]
    ]
    if cities:
        report.heading(tr("By city"))
        report.table(
            [tr("City"), tr("Population"), tr("Served"), tr("Share served (%)")],
            [[row["city"], row["population"], row["served"], row["share_pct"]] for row in cities],
        )
    straight = city.get((groups[0], STRAIGHT_LINE))
    if straight:
        report.indicator(
            tr("Straight-line buffer (approximation)"),
            straight["share_pct"],
            "%",
            benchmark_text=tr("shown for comparison only; it overstates access"),
        )
    report.heading(tr("By population group"))
    rows = []
    for group in groups:
        network = city[(group, NETWORK)]
        line = city.get((group, STRAIGHT_LINE))
        rows.append(
            [
                group_label(group),
                network["population"],
                network["served"],
                network["share_pct"],
                line["share_pct"] if line else None,
            ]
        )
    report.table(
        [tr("Population group"), tr("Population"), tr("Served"), tr("Share served (%)"), tr("Straight-line share (%)")],
        rows,
    )
    report.chart(
        bar_chart(
            [row[0] for row in rows],
            [(tr("Share served (%)"), [row[3] for row in rows])],
            tr("Share served by population group"),
            "%",
        )
    )
    districts = [
        row
        for row in result.rows
        if row["district"] is not None and row["method"] == NETWORK and row["group"] == groups[0]
    ]
    if districts:
        report.heading(tr("By district"))
        report.table(
            [tr("District"), tr("Population"), tr("Served"), tr("Share served (%)")],
            [[row["district"], row["population"], row["served"], row["share_pct"]] for row in districts],
        )
        report.chart(
            bar_chart(
                [row["district"] for row in districts],
                [(tr("Share served (%)"), [row["share_pct"] for row in districts])],
                tr("Share of the population served, by district"),
                "%",
            )
        )
    graph = result.graph
    segments = np.stack([graph.xy[graph.edge_u], graph.xy[graph.edge_v]], axis=1)
    band_of_edge = distance_band(edge_distances(result), max_distance)
    labels = band_labels(max_distance)
    colours = [BAND_COLOURS[int(band)] for band in band_of_edge]
    report.chart(
        segment_map(
            segments,
            colours,
            [(shape, SPACE_STYLE) for shape in space_shapes],
            tr("Walking distance to the nearest public space"),
            [(labels[band], BAND_COLOURS[band]) for band in sorted(labels)] + [(tr("Open public space"), SPACE_STYLE)],
        )
    )
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "UN-Habitat's SDG indicator 11.7.1 (b): share of the urban population who can reach an open "
            "public space within 400 m walking distance along the street network. A space is entered "
            "wherever a street passes inside it or within the entry tolerance of its edge: at street "
            "vertices, at the nearest point of each street segment and every {0} m along a street "
            "beside it. People join the network at the nearest point of the nearest street; one "
            "shortest-path pass from all entrances gives every distance.",
            f"{ENTRANCE_SPACING:g}",
        ),
        css="note",
    )
    report.paragraph(tr("Baselines: {0}", tr(BASELINE_SOURCE)), css="note")
    return report.save(path)


def land_share_report(
    path: str,
    rows: Sequence[Tuple[str, AreaShares]],
    samples: Mapping[int, SampleEstimate],
    cities: Sequence[BaseGeometry],
    street_area: Optional[BaseGeometry],
    space_shapes: Sequence[Optional[BaseGeometry]],
    settings: Optional[Union[ReportSettings, str]] = None,
    width_notes: Optional[WidthNotes] = None,
) -> str:
    """``samples``: the sampling estimate of each city row, by its position among the city rows (never by name:
    two cities may share a name). ``width_notes`` (centre-lines only): {"tally": WidthTally, "default": m,
    "problems": [text], "sensitivity": [(street % at 0.75 x widths, at 1.25 x widths)] aligned with ``rows``}."""
    report = Report(tr("SDG 11.7.1 (a): land allocated to streets and open public space"), settings or ReportSettings())
    sensitivity: Sequence[Tuple[Optional[float], Optional[float]]] = (
        width_notes["sensitivity"] if width_notes else [(None, None)] * len(rows)
    )
    city_rows = [share for level, share in rows if level == "city"]
    city_sensitivity = [pair for (level, _), pair in zip(rows, sensitivity) if level == "city"]
    for position, (share, (street_low, street_high)) in enumerate(zip(city_rows, city_sensitivity)):
        report.heading(share.name)
        report.indicator(
            tr("Open public space"), share.ops_pct, "%", BENCHMARK_OPS, tr("benchmark {0} %", f"{BENCHMARK_OPS:g}")
        )
        report.indicator(
            tr("Streets"), share.street_pct, "%", BENCHMARK_STREETS, tr("benchmark {0} %", f"{BENCHMARK_STREETS:g}")
        )
        report.indicator(
            tr("Streets and public space"),
            share.total_pct,
            "%",
            BENCHMARK_TOTAL,
            tr("benchmark {0} %", f"{BENCHMARK_TOTAL:g}"),
        )
        if street_low is not None and street_high is not None:  # both given, or neither
            report.paragraph(
                tr(
                    "How much the street widths matter: with every width 25 % narrower the streets cover "
                    "{0} % of the city, with every width 25 % wider {1} % (streets and public space: "
                    "{2}–{3} %).",
                    f"{street_low:.1f}",
                    f"{street_high:.1f}",
                    f"{share.ops_pct + street_low:.1f}",
                    f"{share.ops_pct + street_high:.1f}",
                )
            )
        estimate = samples.get(position)
        if estimate is not None:
            report.paragraph(
                tr(
                    "Sampling method: street share {0} % (95 % interval {1}–{2} %, {3} circles of 10 ha).",
                    f"{estimate.street_pct:.1f}",
                    f"{estimate.low_pct:.1f}",
                    f"{estimate.high_pct:.1f}",
                    estimate.samples,
                )
            )
    report.paragraph(
        tr(
            "Baselines: in UN-Habitat's 2020 data for 1,072 cities in 120 countries, open public space "
            "averaged 3.2 % of the urban area, about four times less than streets, and more than three "
            "quarters of the cities had less than 20 % of their area in streets and open public space."
        ),
        css="note",
    )
    headers = [
        tr("Area"),
        tr("Area (km²)"),
        tr("Open public space (%)"),
        tr("Streets (%)"),
        tr("Streets and public space (%)"),
    ]
    table = [[share.name, share.area_m2 / 1e6, share.ops_pct, share.street_pct, share.total_pct] for _, share in rows]
    if width_notes:
        headers += [tr("Streets, widths −25 % (%)"), tr("Streets, widths +25 % (%)")]
        table = [line + list(pair) for line, pair in zip(table, sensitivity)]
    report.heading(tr("Cities and districts"))
    report.table(headers, table)
    if width_notes:
        tally = width_notes["tally"]
        report.heading(tr("Street widths"))
        report.paragraph(
            tr(
                "Each street's width is its measured width when it is readable and between 1.5 and 80 m, "
                "else the width of its road class in the table, else the default width ({0} m).",
                f"{width_notes['default']:g}",
            )
        )
        labels = {MEASURED: tr("measured"), CLASS: tr("road class table"), DEFAULT: tr("default width")}
        report.table(
            [tr("Width from"), tr("Streets"), tr("Length (km)"), tr("Share of street length (%)")],
            [
                [labels[code], tally.count[code], tally.length_m[code] / 1000.0, tally.length_share(code)]
                for code in (MEASURED, CLASS, DEFAULT)
            ],
        )
        for line in width_notes["problems"]:
            report.paragraph(line, css="note")
    districts = [share for level, share in rows if level == "district"]
    if districts:
        report.chart(
            bar_chart(
                [d.name for d in districts],
                [
                    (tr("Open public space (%)"), [d.ops_pct for d in districts]),
                    (tr("Streets (%)"), [d.street_pct for d in districts]),
                    (tr("Streets and public space (%)"), [d.total_pct for d in districts]),
                ],
                tr("Land allocated to streets and public space, by district"),
                "%",
                BENCHMARK_TOTAL,
                tr("benchmark {0} %", f"{BENCHMARK_TOTAL:g}"),
            )
        )
    report.chart(land_share_map(cities, city_rows, street_area, space_shapes), tr("Streets and open public space"))
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "UN-Habitat's SDG indicator 11.7.1 (a): share of the built-up area of the city that is "
            "open space for public use, as streets and open public spaces. Benchmarks: 15 % open public "
            "space, 30 % streets, 45 % in total (UN-Habitat, for densities of 150 inhabitants per "
            "hectare or more)."
        ),
        css="note",
    )
    if width_notes:
        report.paragraph(
            tr(
                "Street area: the union of right-of-way corridors, each as wide as its street (half the "
                "width on each side of the centre-line). The class widths are typical right-of-way widths "
                "from street design guides (NACTO-GDCI Global Street Design Guide, 2016; UK Manual for "
                "Streets, 2007; Angel, Making Room for a Planet of Cities, 2011): measured widths should "
                "replace them."
            ),
            css="note",
        )
    return report.save(path)


def quality_map(shapes: Sequence[Optional[BaseGeometry]], results: Sequence[SpaceQuality]) -> Picture:
    """(png, warning): the spaces coloured by quality index class, with the classes as legend."""
    layers: List[Tuple[Sequence[Optional[BaseGeometry]], Style]] = [
        ([s for s, r in zip(shapes, results) if r.quality_index is None and s is not None], NO_INDEX_STYLE)
    ]
    legend: List[LegendEntry] = []
    for low, high, colour in QUALITY_CLASSES:
        style = {"fill": colour, "edge": "#424242", "width": 0.3}
        layers.append(
            (
                [
                    s
                    for s, r in zip(shapes, results)
                    if s is not None and r.quality_index is not None and low <= r.quality_index < high
                ],
                style,
            )
        )
        legend.insert(0, (tr("Quality index {0}–{1}", f"{low:g}", f"{min(high, 100):g}"), style))  # best first
    if layers[0][0]:
        legend.append((tr("No quality index"), NO_INDEX_STYLE))
    return map_image(layers, tr("Quality index of the open public spaces"), legend)


def quality_report(
    path: str,
    questionnaire: Questionnaire,
    weights: Mapping[str, float],
    names: Sequence[str],
    districts: Sequence[Optional[str]],
    results: Sequence[SpaceQuality],
    problems: Iterable[Problem],
    rows: int,
    linked: int,
    language: str,
    settings: Optional[Union[ReportSettings, str]] = None,
    shapes: Optional[Sequence[Optional[BaseGeometry]]] = None,
) -> str:
    """The quality survey: ``language`` picks the questionnaire's texts (the content language), the settings the
    page's. ``results`` are quality.SpaceQuality of each space, ``names``/``districts`` its name and district,
    ``shapes`` (optional) its polygon for the map."""
    dimensions = list(questionnaire.dimensions)
    labels = [text_in(questionnaire.dimensions[d], language) for d in dimensions]
    report = Report(tr("Public space quality"), settings or ReportSettings())
    surveyed = [i for i, result in enumerate(results) if result.submissions]
    report.paragraph(
        tr(
            'Quality of the open public spaces from the field survey "{0}" (version {1}).',
            text_in(questionnaire.title, language),
            questionnaire.version,
        )
    )
    report.indicator(tr("Spaces surveyed"), float(len(surveyed)), tr("of {0} spaces", len(results)), decimals=0)
    report.indicator(tr("Submissions linked to a space"), float(linked), tr("of {0} submissions", rows), decimals=0)
    indices = [index for index in (results[i].quality_index for i in surveyed) if index is not None]
    report.indicator(tr("Mean quality index"), sum(indices) / len(indices) if indices else None, tr("of 100"))

    if shapes is not None and any(r.quality_index is not None for r in results):
        report.chart(quality_map(shapes, results), tr("Quality index"))

    report.heading(tr("Quality by dimension"))
    table = []
    for dimension, label in zip(dimensions, labels):
        values = [value for value in (results[i].dimensions[dimension] for i in surveyed) if value is not None]
        table.append(
            [
                label,
                weights[dimension],
                sum(values) / len(values) if values else None,
                min(values) if values else None,
                max(values) if values else None,
                len(values),
            ]
        )
    report.table(
        [tr("Dimension"), tr("Weight"), tr("Mean (0–100)"), tr("Lowest"), tr("Highest"), tr("Spaces scored")],
        table,
        "{:,.1f}",
    )

    if surveyed:
        groups = sorted({districts[i] or tr("No district") for i in surveyed})
        panels = [
            (
                label,
                [
                    [results[i].dimensions[d] for i in surveyed if (districts[i] or tr("No district")) == g]
                    for g in groups
                ],
            )
            for d, label in zip(dimensions, labels)
        ]
        report.chart(
            box_chart(panels, groups, tr("Spread of the dimension scores by district"), tr("Score (0–100)")),
            tr("Quality by dimension"),
        )

        report.heading(tr("Quality by space"))
        ranked = sorted(surveyed, key=lambda i: -_index_or_below(results[i]))
        report.table(
            [tr("Space"), tr("District"), tr("Submissions"), tr("Quality index")] + labels,
            [
                [names[i], districts[i] or "", float(results[i].submissions), results[i].quality_index]
                + [results[i].dimensions[d] for d in dimensions]
                for i in ranked
            ],
            "{:,.0f}",
        )
        for start in range(0, len(ranked), RADARS_PER_CHART):
            chunk = ranked[start : start + RADARS_PER_CHART]
            report.chart(
                radar_grid(
                    labels,
                    [(names[i], [results[i].dimensions[d] for d in dimensions]) for i in chunk],
                    tr("Dimension scores per space (0–100)"),
                ),
                tr("Quality by space"),
            )

    report.heading(tr("Import problems"))
    counts = problem_counts(problems)
    if counts:
        report.table(
            [tr("Problem"), tr("Count")],
            [[tr(PROBLEMS[code]), float(count)] for code, count in sorted(counts.items())],
            "{:,.0f}",
        )
        report.paragraph(tr("The survey import log lists each row, column and value."), css="note")
    else:
        report.paragraph(tr("Every row and column of the export was used."))

    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Dimensions after the city-wide public space assessment guide (UN-Habitat 2020). No official "
            "scoring rule is published: each scored answer counts 0 to 1 as the questionnaire declares "
            "(counts of women and men, and of age groups, as Pielou's evenness), each question is "
            "averaged over the submissions of a space and each dimension is the mean of its questions. "
            "The quality index is the weighted mean of the dimensions, given only when every weighted "
            "dimension has answers."
        ),
        css="note",
    )
    return report.save(path)


def _index_or_below(result: SpaceQuality) -> float:
    """The quality index of a space, -1 (below every index) when it has none."""
    return result.quality_index if result.quality_index is not None else -1
