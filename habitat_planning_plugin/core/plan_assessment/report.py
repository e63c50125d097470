"""The plan assessment report: strengths and gaps, radar charts of the themes, the plans compared and the
assessors' comments where they disagree, from the results of aggregation.assess_plans and the ReportSettings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Union

from ..report.charts import bar_chart, radar_chart
from ..report.html import Report, ReportSettings
from ..text import tr

if TYPE_CHECKING:
    from .scorecards import Framework, Scorecard

    # One plan assessed, as aggregation.assess_plans gives it: {"plan", "city", "year", "cards", "rows", ...}.
    PlanResult = Mapping[str, Any]


def plan_label(result: PlanResult) -> str:
    """A plan as the log and the report name it: plan · city · year, the parts that are given."""
    parts = [result["plan"], result["city"], str(result["year"]) if result["year"] else ""]
    return " · ".join(part for part in parts if part)


def number_text(value: Optional[float], decimals: int = 1) -> str:
    """A number with ``decimals`` decimals, a dash when there is none (None or NaN)."""
    return "—" if value is None or value != value else f"{value:.{decimals}f}"


def score_text(card: Scorecard, criterion: str) -> Optional[str]:
    """An assessor's score for the report: the number, NA, or None (a dash) when not scored."""
    score = card.scores.get(criterion)
    if score is None:
        return None
    return "NA" if score != score else f"{score:g}"


def content_language(settings: Union[ReportSettings, str]) -> str:
    """ "zh" or "en": the language of the bilingual framework texts to show for the report's language."""
    language = settings.language if isinstance(settings, ReportSettings) else settings
    return "zh" if (language or "").lower().startswith("zh") else "en"


def assessment_report(
    path: str, framework: Framework, results: Sequence[PlanResult], settings: Union[ReportSettings, str] = "en"
) -> str:
    """The report of the plans assessed (``results`` from aggregation.assess_plans) against ``framework``; the
    framework's questions and themes are shown in Chinese when the report is."""
    language = content_language(settings)

    def text(names: Mapping[str, str]) -> str:
        return names.get(language) or names.get("en") or ""

    questions = {c.id: text(c.question) for c in framework.criteria}
    report = Report(tr("Plan assessment"), settings)
    theme_ids = list(framework.themes)
    labels = [text(framework.themes[t]) for t in theme_ids]
    radar_title = tr("Themes (% of the potential score; not applicable at the centre)")
    overall = tr("Overall (% of the potential score)")

    if len(results) > 1:  # all plans on one radar (up to six stay readable)
        report.chart(
            radar_chart(
                labels, [(plan_label(r), [r["themes"].get(t) for t in theme_ids]) for r in results[:6]], radar_title
            ),
            tr("Themes"),
        )
    by_city: Dict[str, List[PlanResult]] = {}
    for r in results:  # sorted by city, then year
        by_city.setdefault(r["city"], []).append(r)
    for city, versions in by_city.items():
        if len(versions) > 1:
            report.chart(
                bar_chart(
                    [f"{v['plan']} {v['year'] or ''}".strip() for v in versions],
                    [(overall, [v["overall"] for v in versions])],
                    tr("{0}: plan versions over time", city),
                    "%",
                ),
                tr("Comparison of the plans"),
            )
    if len(by_city) > 1:
        latest = [versions[-1] for versions in by_city.values()]
        report.chart(
            bar_chart(
                [plan_label(v) for v in latest],
                [(overall, [v["overall"] for v in latest])],
                tr("Cities compared (latest plan of each)"),
                "%",
            ),
            tr("Comparison of the plans"),
        )
    for r in results:
        report.heading(plan_label(r))
        report.chart(
            radar_chart(labels, [(plan_label(r), [r["themes"].get(t) for t in theme_ids])], radar_title), tr("Themes")
        )
        report.indicator(overall, r["overall"], "%")
        report.indicator(tr("Plan quality index"), r["pqi"], tr("of {0}", 10 * len(r["parts"])))
        report.indicator(
            tr("Krippendorff's alpha (ordinal)"), r["alpha"], "", 0.8, tr("good from {0}", "0.80"), decimals=3
        )
        report.indicator(tr("Percent agreement"), r["agreement"], "%")
        scored = sorted((row for row in r["rows"] if row.n > 0), key=lambda row: row.mean)
        report.paragraph(tr("Strengths"))
        report.table(
            [tr("Criterion"), tr("Mean score (0–3)")],
            [[questions[row.criterion], row.mean] for row in reversed(scored[-3:])],
            "{:.2f}",
        )
        report.paragraph(tr("Gaps"))
        report.table(
            [tr("Criterion"), tr("Mean score (0–3)")],
            [[questions[row.criterion], row.mean] for row in scored[:3]],
            "{:.2f}",
        )
        disputed = [row for row in r["rows"] if row.disagreement]
        if disputed:
            report.paragraph(tr("Criteria the assessors disagree on (more than one point apart), with their comments"))
            report.table(
                [tr("Criterion"), tr("Assessor"), tr("Score"), tr("Comment"), tr("Evidence")],
                [
                    [
                        questions[row.criterion],
                        card.assessor,
                        score_text(card, row.criterion),
                        card.comments.get(row.criterion, ""),
                        card.evidence.get(row.criterion, ""),
                    ]
                    for row in disputed
                    for card in r["cards"]
                ],
                "{:g}",
            )
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Scores 0 (not present) to 3 (goals, policies and implementation), NA left out of the "
            "potential score (APA Sustaining Places). Plan quality index after Brody (2003). Agreement "
            "as Krippendorff's alpha, recommended over percent agreement (Stevens, Lyles and Berke "
            "2014)."
        ),
        css="note",
    )
    return report.save(path)
