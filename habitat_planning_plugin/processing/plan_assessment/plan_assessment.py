"""habitat:planassessment — several assessors' scorecards of one or more plans: scores, agreement, report."""

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
)

from ...compat import DOUBLE, INT, TEXT, ProcessingSourceType, WkbType
from ...core.plan_assessment.aggregation import (
    percent_of_potential,
    plan_quality_index,
    summarise_criteria,
    theme_scores,
)
from ...core.plan_assessment.agreement import krippendorff_alpha, percent_agreement
from ...core.plan_assessment.scorecards import card_notes, check_scorecards, read_scorecard, scorecard_files
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...i18n import content_language, qgis_locale
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import add_chart, extended_fields
from ..styles import GREENS, Graduated
from .plan_scorecard_template import add_framework_parameter, framework_parameter


class PlanAssessmentAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "planassessment"
    DISPLAY_NAME = tr_noop("Plan assessment")
    GROUP_ID = "planassessment"
    TAGS = (tr_noop("plan assessment"), tr_noop("scorecard"), tr_noop("Krippendorff's alpha"),
            tr_noop("plan quality"))
    REQUIRED_PACKAGES = ("openpyxl",)
    SHORT_HELP = tr_noop(
        "Combines the scorecards of several assessors for one or more plans (versions over the years, or plans of "
        "different cities). For each plan: every criterion's mean, median, range, standard deviation and number of "
        "assessors, flagged where assessors are more than one point apart; each theme and the whole plan as a "
        "share of the potential score (criteria scored NA are left out of the potential); a plan quality index in "
        "the form of Brody (2003), 0 to 10 per theme; and the agreement of the assessors as Krippendorff's alpha "
        "(ordinal; 0.8 or more is good, below 0.667 is doubtful) and as percent agreement. The report shows the "
        "strengths and gaps, a radar chart of the themes and a comparison of the plans.")

    SCORECARDS = "SCORECARDS"
    OUTPUT_CRITERIA = "OUTPUT_CRITERIA"
    OUTPUT_THEMES = "OUTPUT_THEMES"
    OUTPUT_PLANS = "OUTPUT_PLANS"
    CITIES = "CITIES"
    CITY_FIELD = "CITY_FIELD"
    OUTPUT_MAP = "OUTPUT_MAP"

    def initAlgorithm(self, config=None):  # noqa: N802
        add_framework_parameter(self)
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.SCORECARDS, tr("Scorecards (XLSX, CSV or JSON)"),
                                                 ProcessingSourceType.File),
            tr_noop("One filled scorecard per assessor and plan, e.g. made with the scorecard template. A folder "
                    "reads every scorecard in it; the lock files Excel and LibreOffice keep beside an open file "
                    "(~$…, .~lock.…) are skipped with a note."))
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_CRITERIA, tr("Scores by criterion"), ProcessingSourceType.Vector),
            tr_noop("For each plan and criterion: mean, median, minimum, maximum, standard deviation, number of "
                    "assessors and whether they disagree by more than one point."))
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_THEMES, tr("Scores by theme"), ProcessingSourceType.Vector),
            tr_noop("For each plan and theme: the share of the potential score and the Brody-form quality score."))
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_PLANS, tr("Scores by plan"), ProcessingSourceType.Vector),
            tr_noop("For each plan: assessors, overall share of the potential score, plan quality index, "
                    "Krippendorff's alpha and percent agreement."))
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.CITIES, tr("City polygons (optional)"),
                                                [ProcessingSourceType.VectorPolygon], optional=True),
            tr_noop("Cities or municipalities to map the scores on: each gets the scores of its latest assessed plan."))
        self.add_parameter(
            QgsProcessingParameterField(self.CITY_FIELD, tr("City name field"), parentLayerParameterName=self.CITIES,
                                        optional=True),
            tr_noop("Field with the city names used in the scorecards."))
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_MAP, tr("Plan scores by city"),
                                              ProcessingSourceType.VectorPolygon, optional=True, createByDefault=True),
            tr_noop("The city polygons with the overall and theme scores of their latest plan, for a choropleth map."))
        self.add_report_parameter(tr_noop(
            "Strengths and gaps, radar chart of the themes, comparison of the plans and the assessors' comments on "
            "the criteria they disagree on, in the language of QGIS."))

    def check_values(self, parameters, context) -> list:
        problems = []
        try:
            framework_parameter(self, parameters, context)  # its every problem, before anything runs
        except HabitatError as error:
            problems.append(str(error))
        if not self.parameterAsFileList(parameters, self.SCORECARDS, context):
            problems.append(tr("Give at least one scorecard."))
        if parameters.get(self.CITIES) not in (None, "") and parameters.get(self.OUTPUT_MAP) is not None and \
                not self.parameterAsString(parameters, self.CITY_FIELD, context):
            problems.append(tr("Choose the city name field of the city polygons."))
        return problems

    def process(self, parameters, context, feedback):
        framework = framework_parameter(self, parameters, context)
        feedback.pushInfo(tr("Read {0} as {1}.", framework.source, framework.encoding))
        files, notes = scorecard_files(self.parameterAsFileList(parameters, self.SCORECARDS, context))
        for note in notes:
            feedback.pushWarning(note)
        progress = progress_callback(feedback, 0, 50)
        cards = []
        for index, path in enumerate(files):
            progress(index / len(files))
            cards.append(read_scorecard(path))
            if cards[-1].encoding:  # a CSV or JSON card (a workbook has no text encoding)
                feedback.pushInfo(tr("Read {0} as {1}.", cards[-1].source, cards[-1].encoding))
        infos, warnings = card_notes(framework, cards)
        for info in infos:
            feedback.pushInfo(info)
        for warning in warnings + check_scorecards(framework, cards):
            feedback.pushWarning(warning)
        criteria = [c.id for c in framework.criteria]
        themes = [c.theme for c in framework.criteria]
        weights = [c.weight for c in framework.criteria]
        plans = {}
        for card in cards:
            plans.setdefault((card.plan, card.city, card.year), []).append(card)

        results = []
        progress = progress_callback(feedback, 50, 80)
        for (plan, city, year), group in sorted(plans.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])):
            progress(len(results) / len(plans))
            ratings = np.array([[card.scores.get(c, np.nan) for c in criteria] for card in group], dtype=float)
            rows = summarise_criteria(ratings, criteria, themes, weights)
            pqi, parts = plan_quality_index(rows)
            alpha = krippendorff_alpha(ratings, "ordinal") if len(group) > 1 else float("nan")
            agreement = percent_agreement(ratings) if len(group) > 1 else float("nan")
            results.append({"plan": plan, "city": city, "year": year, "cards": group, "rows": rows,
                            "themes": theme_scores(rows), "parts": parts, "overall": percent_of_potential(rows),
                            "pqi": pqi, "alpha": alpha, "agreement": agreement})
            compared = int(np.sum(np.sum(np.isfinite(ratings), axis=0) >= 2))  # criteria alpha rests on
            feedback.pushInfo(tr("{0}: {1} assessors, {2} % of the potential score, alpha {3} over {4} criteria "
                                 "scored by two or more of them.", _plan_label(results[-1]), len(group),
                                 _fmt(results[-1]["overall"]), _fmt(alpha, 3), compared))
            if len(group) > 1 and compared < len(criteria) / 2:
                feedback.pushWarning(tr("{0}: the agreement rests on only {1} of the {2} criteria (those scored by "
                                        "two or more assessors); it says little about the plan as a whole.",
                                        _plan_label(results[-1]), compared, len(criteria)))
            # Compared as shown (three decimals): an alpha of 0.66651 reads "alpha 0.667" and is not "below 0.667".
            if len(group) > 1 and round(alpha, 3) < 0.667:
                feedback.pushWarning(tr("{0}: the assessors agree too little (alpha below 0.667) for the scores to be "
                                        "relied on; discuss the flagged criteria.", plan))

        if feedback.isCanceled():
            raise Cancelled()
        outputs = {self.OUTPUT_CRITERIA: self.write_criteria(parameters, context, results),
                   self.OUTPUT_THEMES: self.write_themes(parameters, context, results),
                   self.OUTPUT_PLANS: self.write_plans(parameters, context, results)}
        cities = self.parameterAsSource(parameters, self.CITIES, context)
        if cities is not None and parameters.get(self.OUTPUT_MAP) is not None:
            outputs[self.OUTPUT_MAP] = self.write_map(parameters, context, feedback, cities, framework, results)
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = assessment_report(report_path, framework, results, feedback)
        return outputs

    def write_map(self, parameters, context, feedback, cities, framework, results):
        field = self.parameterAsString(parameters, self.CITY_FIELD, context)
        if not field:
            raise HabitatError(tr("Choose the city name field of the city polygons."))
        latest = {}
        for result in results:  # results are sorted by city, then year: the last one per city is the latest
            latest[_city_key(result["city"])] = result
        latest.pop("", None)  # a plan without a city is on no polygon
        theme_fields = [f"t_{theme}"[:60] for theme in framework.themes]
        added = [("plan", TEXT), ("plan_year", INT), ("overall_pct", DOUBLE),
                 ("pqi", DOUBLE)] + [(name, DOUBLE) for name in theme_fields]
        fields, kept = extended_fields(cities.fields(), added)  # a city field named like a result is replaced
        replaced = [f.name() for f in cities.fields() if f.name() not in {k.name() for k in kept}]
        if replaced:
            feedback.pushWarning(tr("The city polygons' fields {0} are replaced by the results of the same name.",
                                    ", ".join(replaced)))
        kept_indices = [cities.fields().lookupField(f.name()) for f in kept]
        text = self.text_guard(parameters, self.OUTPUT_MAP, context)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_MAP, context, fields, cities.wkbType(),
                                         cities.sourceCrs())
        names = set()
        progress = progress_callback(feedback, 90, 100)
        total = max(cities.featureCount(), 1)
        for number, feature in enumerate(cities.getFeatures()):
            if number % 100 == 0:
                progress(number / total)
            name = _city_key(feature[field])
            names.add(name)
            result = latest.get(name)
            values = [None] * (4 + len(theme_fields))
            if result is not None:
                values = [result["plan"], result["year"] or None, _or_none(result["overall"]), _or_none(result["pqi"])] + \
                    [_or_none(result["themes"].get(theme)) for theme in framework.themes]
            attributes = feature.attributes()
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes([text(value) for value in [attributes[i] for i in kept_indices] + values])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        unmatched = sorted(set(latest) - names)
        if unmatched:
            feedback.pushWarning(tr("No city polygon is named {0}.", ", ".join(unmatched)))
        self.style_output(context, dest_id, None, tr("Plan scores by city"), renderer=Graduated("overall_pct", GREENS, "%", 0))
        return dest_id

    def _table(self, parameters, name, context, columns, rows, layer_name):
        fields = QgsFields()
        for column, kind in columns:
            fields.append(QgsField(column, kind))
        sink, dest_id = self.create_sink(parameters, name, context, fields, WkbType.NoGeometry, None)
        text = self.text_guard(parameters, name, context)
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([None if isinstance(v, float) and math.isnan(v) else text(v) for v in values])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, layer_name)
        return dest_id

    def text_guard(self, parameters, name, context):
        """For an output a spreadsheet opens: text that it would take for a formula (= + - @ at the start of a CSV
        cell, of:= in an ODS one) gets a leading apostrophe and stays text. XLSX and other formats store text as
        text."""
        destination = (self.parameterAsOutputLayer(parameters, name, context) or "").split("|")[0].lower()
        if destination.endswith((".csv", ".txt")):
            return spreadsheet_text
        if destination.endswith(".ods"):
            return lambda value: "'" + value if isinstance(value, str) and value.lower().startswith("of:=") else value
        return lambda value: value

    def write_criteria(self, parameters, context, results):
        columns = [("plan", TEXT), ("city", TEXT), ("year", INT),
                   ("criterion", TEXT), ("theme", TEXT), ("n", INT),
                   ("mean", DOUBLE), ("median", DOUBLE), ("min", DOUBLE),
                   ("max", DOUBLE), ("std", DOUBLE), ("disagree", INT)]
        rows = [[r["plan"], r["city"], r["year"] or None, row.criterion, row.theme, row.n, row.mean, row.median,
                 row.minimum, row.maximum, row.std, int(row.disagreement)] for r in results for row in r["rows"]]
        return self._table(parameters, self.OUTPUT_CRITERIA, context, columns, rows, tr("Scores by criterion"))

    def write_themes(self, parameters, context, results):
        columns = [("plan", TEXT), ("city", TEXT), ("year", INT),
                   ("theme", TEXT), ("score_pct", DOUBLE), ("brody_pq", DOUBLE)]
        rows = [[r["plan"], r["city"], r["year"] or None, theme, score, r["parts"].get(theme, float("nan"))]
                for r in results for theme, score in r["themes"].items()]
        return self._table(parameters, self.OUTPUT_THEMES, context, columns, rows, tr("Scores by theme"))

    def write_plans(self, parameters, context, results):
        columns = [("plan", TEXT), ("city", TEXT), ("year", INT),
                   ("assessors", INT), ("overall_pct", DOUBLE), ("pqi", DOUBLE),
                   ("alpha", DOUBLE), ("agreement_pct", DOUBLE)]
        rows = [[r["plan"], r["city"], r["year"] or None, len(r["cards"]), r["overall"], r["pqi"], r["alpha"],
                 r["agreement"]] for r in results]
        return self._table(parameters, self.OUTPUT_PLANS, context, columns, rows, tr("Scores by plan"))


def assessment_report(path, framework, results, feedback):
    from ...core.report.charts import bar_chart, radar_chart
    from ...core.report.html import Report
    from ..provenance import footer

    language = content_language()

    def text(names):
        return names.get(language) or names.get("en") or ""

    questions = {c.id: text(c.question) for c in framework.criteria}
    report = Report(tr("Plan assessment"), qgis_locale())
    theme_ids = list(framework.themes)
    labels = [text(framework.themes[t]) for t in theme_ids]

    def image(made, alt):
        add_chart(report, made, feedback, alt)

    if len(results) > 1:  # all plans on one radar (up to six stay readable)
        image(radar_chart(labels, [(_plan_label(r), [r["themes"].get(t) for t in theme_ids]) for r in results[:6]],
                          tr("Themes (% of the potential score; not applicable at the centre)")), tr("Themes"))
    by_city = {}
    for r in results:  # sorted by city, then year
        by_city.setdefault(r["city"], []).append(r)
    for city, versions in by_city.items():
        if len(versions) > 1:
            image(bar_chart([f"{v['plan']} {v['year'] or ''}".strip() for v in versions],
                            [(tr("Overall (% of the potential score)"), [v["overall"] for v in versions])],
                            tr("{0}: plan versions over time", city), "%"), tr("Comparison of the plans"))
    if len(by_city) > 1:
        latest = [versions[-1] for versions in by_city.values()]
        image(bar_chart([_plan_label(v) for v in latest],
                        [(tr("Overall (% of the potential score)"), [v["overall"] for v in latest])],
                        tr("Cities compared (latest plan of each)"), "%"), tr("Comparison of the plans"))
    for r in results:
        report.heading(_plan_label(r))
        image(radar_chart(labels, [(_plan_label(r), [r["themes"].get(t) for t in theme_ids])],
                          tr("Themes (% of the potential score; not applicable at the centre)")), tr("Themes"))
        report.indicator(tr("Overall (% of the potential score)"), r["overall"], "%")
        report.indicator(tr("Plan quality index"), r["pqi"], tr("of {0}", 10 * len(r["parts"])))
        report.indicator(tr("Krippendorff's alpha (ordinal)"), r["alpha"], "", 0.8, tr("good from {0}", "0.80"),
                         decimals=3)
        report.indicator(tr("Percent agreement"), r["agreement"], "%")
        scored = sorted((row for row in r["rows"] if row.n > 0), key=lambda row: row.mean)
        report.paragraph(tr("Strengths"))
        report.table([tr("Criterion"), tr("Mean score (0–3)")],
                     [[questions[row.criterion], row.mean] for row in reversed(scored[-3:])], "{:.2f}")
        report.paragraph(tr("Gaps"))
        report.table([tr("Criterion"), tr("Mean score (0–3)")], [[questions[row.criterion], row.mean]
                                                                  for row in scored[:3]], "{:.2f}")
        disputed = [row for row in r["rows"] if row.disagreement]
        if disputed:
            report.paragraph(tr("Criteria the assessors disagree on (more than one point apart), with their comments"))
            report.table([tr("Criterion"), tr("Assessor"), tr("Score"), tr("Comment"), tr("Evidence")],
                         [[questions[row.criterion], card.assessor, _score_text(card, row.criterion),
                           card.comments.get(row.criterion, ""), card.evidence.get(row.criterion, "")]
                          for row in disputed for card in r["cards"]], "{:g}")
    report.heading(tr("Method"))
    report.paragraph(tr("Scores 0 (not present) to 3 (goals, policies and implementation), NA left out of the "
                        "potential score (APA Sustaining Places). Plan quality index after Brody (2003). Agreement "
                        "as Krippendorff's alpha, recommended over percent agreement (Stevens, Lyles and Berke "
                        "2014)."), css="note")
    return report.save(path, footer())


def spreadsheet_text(value):
    """Text a spreadsheet shows as text: a leading = + - @ (a formula to Excel) is kept with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _city_key(value) -> str:
    """A city name as matched between scorecards and polygons: case and spaces ignored; NULL is no name."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return " ".join(str(value).split()).casefold()


def _score_text(card, criterion):
    """An assessor's score for the report: the number, NA, or a dash when not scored."""
    score = card.scores.get(criterion)
    if score is None:
        return None
    return "NA" if score != score else f"{score:g}"


def _or_none(value):
    return None if value is None or value != value else float(value)


def _plan_label(result):
    parts = [result["plan"], result["city"], str(result["year"]) if result["year"] else ""]
    return " · ".join(part for part in parts if part)


def _fmt(value, decimals=1):
    return "—" if value is None or value != value else f"{value:.{decimals}f}"
