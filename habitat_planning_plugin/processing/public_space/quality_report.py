"""The HTML report of the public space quality survey, composed in the user's language."""

from ...core.public_space.quality import PROBLEMS, problem_counts
from ...core.public_space.survey import text_in
from ...core.report.charts import box_chart, map_image, radar_grid
from ...core.report.html import Report
from ...core.text import tr
from ...i18n import qgis_locale
from ..outputs import add_chart
from ..provenance import footer

RADARS_PER_CHART = 12  # 3 columns x 4 rows: one page, legible


# Quality index classes as in the layer style (public_space_quality.qml): red to green, grey without an index.
QUALITY_CLASSES = [(0, 20, "#d7191c"), (20, 40, "#fdae61"), (40, 60, "#ffffbf"), (60, 80, "#a6d96a"),
                   (80, 100.001, "#1a9641")]


NO_INDEX_STYLE = {"fill": "#e0e0e0", "edge": "#9e9e9e", "width": 0.3}


def quality_map(shapes, results):
    """(png, warning): the spaces coloured by quality index class, with the classes as legend."""
    layers = [([s for s, r in zip(shapes, results) if r.quality_index is None and s is not None], NO_INDEX_STYLE)]
    legend = []
    for low, high, colour in QUALITY_CLASSES:
        style = {"fill": colour, "edge": "#424242", "width": 0.3}
        layers.append(([s for s, r in zip(shapes, results) if s is not None and r.quality_index is not None
                        and low <= r.quality_index < high], style))
        legend.insert(0, (tr("Quality index {0}–{1}", f"{low:g}", f"{min(high, 100):g}"), style))  # best first
    if layers[0][0]:
        legend.append((tr("No quality index"), NO_INDEX_STYLE))
    return map_image(layers, tr("Quality index of the open public spaces"), legend)


def quality_report(path, questionnaire, weights, names, districts, results, problems, rows, linked, language,
                   feedback=None, shapes=None):
    dimensions = list(questionnaire.dimensions)
    labels = [text_in(questionnaire.dimensions[d], language) for d in dimensions]
    report = Report(tr("Public space quality"), qgis_locale())
    surveyed = [i for i, result in enumerate(results) if result.submissions]
    report.paragraph(tr("Quality of the open public spaces from the field survey \"{0}\" (version {1}).",
                        text_in(questionnaire.title, language), questionnaire.version))
    report.indicator(tr("Spaces surveyed"), float(len(surveyed)), tr("of {0} spaces", len(results)), decimals=0)
    report.indicator(tr("Submissions linked to a space"), float(linked), tr("of {0} submissions", rows),
                     decimals=0)
    indices = [results[i].quality_index for i in surveyed if results[i].quality_index is not None]
    report.indicator(tr("Mean quality index"), sum(indices) / len(indices) if indices else None, tr("of 100"))

    if shapes is not None and any(r.quality_index is not None for r in results):
        add_chart(report, quality_map(shapes, results), feedback, tr("Quality index"))

    report.heading(tr("Quality by dimension"))
    table = []
    for dimension, label in zip(dimensions, labels):
        values = [results[i].dimensions[dimension] for i in surveyed if results[i].dimensions[dimension] is not None]
        table.append([label, weights[dimension], sum(values) / len(values) if values else None,
                      min(values) if values else None, max(values) if values else None, len(values)])
    report.table([tr("Dimension"), tr("Weight"), tr("Mean (0–100)"), tr("Lowest"), tr("Highest"),
                  tr("Spaces scored")], table, "{:,.1f}")

    if surveyed:
        groups = sorted({districts[i] or tr("No district") for i in surveyed})
        panels = [(label, [[results[i].dimensions[d] for i in surveyed if (districts[i] or tr("No district")) == g]
                           for g in groups]) for d, label in zip(dimensions, labels)]
        add_chart(report, box_chart(panels, groups, tr("Spread of the dimension scores by district"),
                                    tr("Score (0–100)")), feedback, tr("Quality by dimension"))

        report.heading(tr("Quality by space"))
        ranked = sorted(surveyed, key=lambda i: -(results[i].quality_index if results[i].quality_index is not None
                                                   else -1))
        report.table([tr("Space"), tr("District"), tr("Submissions"), tr("Quality index")] + labels,
                     [[names[i], districts[i] or "", float(results[i].submissions), results[i].quality_index] +
                      [results[i].dimensions[d] for d in dimensions] for i in ranked], "{:,.0f}")
        for start in range(0, len(ranked), RADARS_PER_CHART):
            chunk = ranked[start:start + RADARS_PER_CHART]
            add_chart(report, radar_grid(labels, [(names[i], [results[i].dimensions[d] for d in dimensions])
                                                  for i in chunk],
                                         tr("Dimension scores per space (0–100)")), feedback, tr("Quality by space"))

    report.heading(tr("Import problems"))
    counts = problem_counts(problems)
    if counts:
        report.table([tr("Problem"), tr("Count")], [[tr(PROBLEMS[code]), float(count)]
                                                    for code, count in sorted(counts.items())], "{:,.0f}")
        report.paragraph(tr("The survey import log lists each row, column and value."), css="note")
    else:
        report.paragraph(tr("Every row and column of the export was used."))

    report.heading(tr("Method"))
    report.paragraph(tr("Dimensions after the city-wide public space assessment guide (UN-Habitat 2020). No official "
                        "scoring rule is published: each scored answer counts 0 to 1 as the questionnaire declares "
                        "(counts of women and men, and of age groups, as Pielou's evenness), each question is "
                        "averaged over the submissions of a space and each dimension is the mean of its questions. "
                        "The quality index is the weighted mean of the dimensions, given only when every weighted "
                        "dimension has answers."), css="note")
    return report.save(path, footer())
