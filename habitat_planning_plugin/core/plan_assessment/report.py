"""The plan assessment report: strengths and gaps, radar charts of the themes, the plans compared and the
assessors' comments where they disagree, from the results of aggregation.assess_plans and the ReportSettings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ..report.charts import bar_chart, radar_chart
from ..report.html import Report, ReportSettings
from ..text import tr
from .principles import PRINCIPLES_NEEDED, reflected_count

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


ALPHA_GOOD = 0.8  # Krippendorff (2004): rely on data with alpha of 0.800 or more
ALPHA_DOUBTFUL = 0.667  # ... and draw only tentative conclusions down to 0.667; below, discard


def against(value: float, threshold: float, decimals: int = 3) -> Tuple[str, str]:
    """``value`` and ``threshold`` as text with as many decimals (``decimals`` at least) as it takes for the shown
    numbers to compare as the true ones do: an alpha of 0.66651 is "0.6665", below "0.6670", never "0.667" below
    "0.667"."""
    for places in range(decimals, 10):
        shown, bound = round(value, places), round(threshold, places)
        if (shown < bound) == (value < threshold) and (shown == bound) == (value == threshold):
            return f"{value:.{places}f}", f"{threshold:.{places}f}"
    return repr(value), repr(threshold)


def alpha_text(value: float) -> str:
    """Krippendorff's alpha as the log and the report show it: enough decimals to agree with both thresholds."""
    if value != value:
        return "—"
    return max((against(value, limit)[0] for limit in (ALPHA_GOOD, ALPHA_DOUBTFUL)), key=len)


RECOMMEND_BELOW = 50.0  # % of the potential score: a theme below it gets its gaps listed as recommendations
GAP_BELOW = 2.0  # a criterion's mean below "medium" (goals and policies) is a gap


def recommendations(
    report: Report,
    result: PlanResult,
    framework: Framework,
    questions: Mapping[str, str],
    text: Any,
) -> None:
    """The draft improvement list of one plan, for the local discussion: for each theme below RECOMMEND_BELOW % of
    its potential, its criteria below GAP_BELOW (or not scored), with the assessors' comments and evidence and the
    IG-UTP principles the criterion evidences (when the framework tags them)."""
    criteria = {c.id: c for c in framework.criteria}
    rows: List[List[Any]] = []
    for theme, score in result["themes"].items():
        if not score == score or score >= RECOMMEND_BELOW:
            continue
        for row in result["rows"]:
            if row.theme != theme or row.status == "na" or (row.status == "scored" and row.mean >= GAP_BELOW):
                continue
            notes = "; ".join(
                f"{card.assessor}: {card.comments[row.criterion]}"
                for card in result["cards"]
                if card.comments.get(row.criterion, "").strip()
            )
            evidence = "; ".join(
                card.evidence[row.criterion] for card in result["cards"] if card.evidence.get(row.criterion, "").strip()
            )
            principles = ", ".join(str(number) for number in getattr(criteria[row.criterion], "principles", ()))
            rows.append(
                [
                    text(framework.themes.get(theme, {})) or theme,
                    questions[row.criterion],
                    row.mean if row.status == "scored" else tr("not scored"),
                    notes,
                    evidence,
                    principles,
                ]
            )
    report.heading(tr("Recommendations: {0}", plan_label(result)))
    if not rows:
        report.paragraph(
            tr("No theme is below {0} % of its potential score: no gap to list.", f"{RECOMMEND_BELOW:g}"), css="note"
        )
        return
    report.paragraph(
        tr(
            "A draft improvement list for the local discussion: the criteria scored below 2 (goals and policies) or "
            "not scored, in the themes below {0} % of their potential score, with what the assessors wrote.",
            f"{RECOMMEND_BELOW:g}",
        ),
        css="note",
    )
    report.table(
        [tr("Theme"), tr("Criterion"), tr("Mean score (0–3)"), tr("Comments"), tr("Evidence"), tr("IG-UTP principles")],
        rows,
        "{:.2f}",
    )


def principles_section(
    report: Report, result: PlanResult, framework: Framework, questions: Mapping[str, str], language: str
) -> None:
    """Which of the 12 IG-UTP principles the plan reflects, with the evidence per principle, and the results
    framework's indicator (at least 6 of 12)."""
    results = result["principles"]
    count = reflected_count(results)
    threshold = framework.principle_threshold
    report.indicator(
        tr("IG-UTP principles reflected"),
        float(count),
        tr("of {0}", len(results)),
        float(PRINCIPLES_NEEDED),
        tr("at least {0} (results framework)", PRINCIPLES_NEEDED),
        decimals=0,
    )
    yes, no, not_applicable = tr("yes"), tr("no"), tr("not applicable")
    report.table(
        [tr("Principle"), tr("Reflected"), tr("Mean score (0–3)"), tr("Criteria reaching the score")],
        [
            [
                f"{p.number}. {p.name.get(language) or p.name.get('en', '')}",
                not_applicable if p.reflected is None else yes if p.reflected else no,
                p.mean,
                "; ".join(questions[c] for c in p.evidence) or "—",
            ]
            for p in results
        ],
        "{:.2f}",
    )
    report.paragraph(
        tr(
            "A principle is reflected when at least {0} % of its criteria that apply reach a mean score of {1} "
            "(goals and policies); a criterion nobody scored counts as 0. The rule is the framework's and can be "
            "edited there.",
            f"{100 * threshold.share:g}",
            f"{threshold.score:g}",
        ),
        css="note",
    )


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
    if framework.status:  # a draft framework says so on every report made from it
        report.paragraph(tr("Status of the framework: {0}", text(framework.status)), css="note")
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
        report.indicator(tr("Plan quality index"), r["pqi"], tr("of {0}", 10))
        report.indicator(tr("Coverage (criteria answered)"), r["coverage"], "%")
        alpha = alpha_text(r["alpha"])
        report.indicator(
            tr("Krippendorff's alpha (ordinal)"),
            r["alpha"],
            "",
            ALPHA_GOOD,
            tr(
                "good from {0}; doubtful below {1}",
                against(r["alpha"], ALPHA_GOOD)[1] if r["alpha"] == r["alpha"] else "0.800",
                against(r["alpha"], ALPHA_DOUBTFUL)[1] if r["alpha"] == r["alpha"] else "0.667",
            ),
            decimals=max(3, len(alpha.split(".")[-1])) if alpha != "—" else 3,
        )
        report.indicator(tr("Percent agreement"), r["agreement"], "%")
        if r.get("principles"):
            principles_section(report, r, framework, questions, language)
        if r["not_scored"]:
            report.paragraph(
                tr(
                    "Not scored by any assessor, so counted with no points in the potential score ({0} of {1} "
                    "criteria): {2}",
                    len(r["not_scored"]),
                    len(r["rows"]),
                    "; ".join(questions[c] for c in r["not_scored"]),
                ),
                css="note",
            )
        if r["unexplained_na"]:
            report.paragraph(
                tr(
                    "NA needs a reason (the comment): these NA without one count as not scored: {0}",
                    "; ".join(f"{assessor}: {questions[c]}" for assessor, c in r["unexplained_na"]),
                ),
                css="note",
            )
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
    for r in results:
        recommendations(report, r, framework, questions, text)
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Scores 0 (not present) to 3 (goals, policies and implementation) on the scale of APA Sustaining "
            "Places; NA with a reason left out of the potential score; a criterion nobody scored stays in it "
            "with no points. Plan quality index after Brody (2003), on a fixed 0 to 10 scale (the mean of the "
            "themes' 0 to 10 scores), with the coverage beside it. Agreement as Krippendorff's alpha (0.800 or "
            "more good, below 0.667 doubtful), recommended over percent agreement (Stevens, Lyles and Berke "
            "2014)."
        ),
        css="note",
    )
    return report.save(path)
