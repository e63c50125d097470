"""habitat:planassessment — several assessors' scorecards of one or more plans: scores, agreement, report."""

import math
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ...compat import DOUBLE, INT, TEXT, ProcessingSourceType, WkbType
from ...core.plan_assessment.aggregation import assess_plans
from ...core.plan_assessment.report import (
    ALPHA_DOUBTFUL,
    against,
    alpha_text,
    assessment_report,
    number_text,
    plan_label,
)
from ...core.plan_assessment.scorecards import card_notes, check_scorecards, read_scorecard, scorecard_files
from ...core.plan_assessment.store import cards_from_store, is_store, save_assessments
from ...core.plan_assessment.tables import (
    CRITERIA_COLUMNS,
    MAP_COLUMNS,
    PLAN_COLUMNS,
    THEME_COLUMNS,
    city_key,
    criteria_rows,
    latest_by_city,
    map_values,
    plan_rows,
    text_guard,
    theme_field_names,
    theme_rows,
)
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...qgis_io import to_shapely
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from ..styles import GREENS, Graduated
from .plan_scorecard_template import add_framework_parameter, framework_parameter

KINDS = {"text": TEXT, "int": INT, "double": DOUBLE}


class PlanAssessmentAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "planassessment"
    DISPLAY_NAME = tr_noop("Plan assessment")
    GROUP_ID = "planassessment"
    TAGS = (tr_noop("plan assessment"), tr_noop("scorecard"), tr_noop("Krippendorff's alpha"), tr_noop("plan quality"))
    REQUIRED_PACKAGES = ("openpyxl",)
    SHORT_HELP = tr_noop(
        "Combines the scorecards of several assessors for one or more plans (versions over the years, or plans of "
        "different cities). For each plan: every criterion's mean, median, range, standard deviation and number of "
        "assessors, flagged where assessors are more than one point apart; each theme and the whole plan as a "
        "share of the potential score (criteria scored NA with a reason in the comment are left out of the "
        "potential; a criterion nobody scored stays in it with no points, so that skipping a criterion never "
        "raises a score); a plan quality index in the form of Brody (2003) on a fixed 0 to 10 scale, with the "
        "coverage (share of the criteria answered) beside it; and the agreement of the assessors as Krippendorff's "
        "alpha (ordinal; 0.8 or more is good, below 0.667 is doubtful) and as percent agreement. The report shows "
        "the strengths and gaps, a radar chart of the themes and a comparison of the plans."
    )

    SCORECARDS = "SCORECARDS"
    OUTPUT_CRITERIA = "OUTPUT_CRITERIA"
    OUTPUT_THEMES = "OUTPUT_THEMES"
    OUTPUT_PLANS = "OUTPUT_PLANS"
    CITIES = "CITIES"
    CITY_FIELD = "CITY_FIELD"
    OUTPUT_MAP = "OUTPUT_MAP"
    OUTPUT_STORE = "OUTPUT_STORE"
    APPENDED_OUTPUTS = (OUTPUT_STORE,)  # added to, not replaced (parameter_checks)

    def initAlgorithm(self, config=None):  # noqa: N802
        add_framework_parameter(self)
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(
                self.SCORECARDS, tr("Scorecards (XLSX, CSV or JSON)"), ProcessingSourceType.File
            ),
            tr_noop(
                "One filled scorecard per assessor and plan, e.g. made with the scorecard template. A folder "
                "reads every scorecard in it; the lock files Excel and LibreOffice keep beside an open file "
                "(~$…, .~lock.…) are skipped with a note."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CRITERIA, tr("Scores by criterion"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "For each plan and criterion: mean, median, minimum, maximum, standard deviation, number of "
                "assessors and whether they disagree by more than one point."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_THEMES, tr("Scores by theme"), ProcessingSourceType.Vector),
            tr_noop("For each plan and theme: the share of the potential score and the Brody-form quality score."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_PLANS, tr("Scores by plan"), ProcessingSourceType.Vector),
            tr_noop(
                "For each plan: assessors, overall share of the potential score, plan quality index, "
                "Krippendorff's alpha and percent agreement."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.CITIES, tr("City polygons (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop("Cities or municipalities to map the scores on: each gets the scores of its latest assessed plan."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CITY_FIELD, tr("City name field"), parentLayerParameterName=self.CITIES, optional=True
            ),
            tr_noop("Field with the city names used in the scorecards."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_MAP,
                tr("Plan scores by city"),
                ProcessingSourceType.VectorPolygon,
                optional=True,
                createByDefault=True,
            ),
            tr_noop("The city polygons with the overall and theme scores of their latest plan, for a choropleth map."),
        )
        self.add_report_parameter(
            tr_noop(
                "Strengths and gaps, radar chart of the themes, comparison of the plans and the assessors' comments on "
                "the criteria they disagree on, in the language of QGIS."
            )
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_STORE,
                tr("Assessment store (GeoPackage, added to)"),
                tr("GeoPackage (*.gpkg)"),
                optional=True,
                createByDefault=False,
            ),
            tr_noop(
                "A GeoPackage that keeps every plan assessed (with its city polygon when given), every scorecard and "
                "every score. A later run adds to it (an assessor's card for a plan replaces the one stored), so "
                "plans can be compared over time and across cities from the store alone: give the store as a "
                "scorecard."
            ),
        )

    def check_values(self, parameters, context) -> list:
        problems = []
        try:
            framework_parameter(self, parameters, context)  # its every problem, before anything runs
        except HabitatError as error:
            problems.append(str(error))
        if not self.parameterAsFileList(parameters, self.SCORECARDS, context):
            problems.append(tr("Give at least one scorecard."))
        if (
            parameters.get(self.CITIES) not in (None, "")
            and parameters.get(self.OUTPUT_MAP) is not None
            and not self.parameterAsString(parameters, self.CITY_FIELD, context)
        ):
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
            if is_store(path):  # the scorecards kept in an assessment store
                stored = cards_from_store(str(path))
                feedback.pushInfo(tr("{0}: {1} scorecards from the assessment store.", path.name, len(stored)))
                cards.extend(stored)
                continue
            cards.append(read_scorecard(path))
            if cards[-1].encoding:  # a CSV or JSON card (a workbook has no text encoding)
                feedback.pushInfo(tr("Read {0} as {1}.", cards[-1].source, cards[-1].encoding))
        infos, warnings = card_notes(framework, cards)
        for info in infos:
            feedback.pushInfo(info)
        for warning in warnings + check_scorecards(framework, cards):
            feedback.pushWarning(warning)
        results = assess_plans(framework, cards, progress_callback(feedback, 50, 80))
        total = len(framework.criteria)
        for result in results:
            several = len(result["cards"]) > 1
            feedback.pushInfo(
                tr(
                    "{0}: {1} assessors, {2} % of the potential score, alpha {3} over {4} criteria "
                    "scored by two or more of them.",
                    plan_label(result),
                    len(result["cards"]),
                    number_text(result["overall"]),
                    alpha_text(result["alpha"]),
                    result["compared"],
                )
            )
            if several and result["compared"] < total / 2:
                feedback.pushWarning(
                    tr(
                        "{0}: the agreement rests on only {1} of the {2} criteria (those scored by "
                        "two or more assessors); it says little about the plan as a whole.",
                        plan_label(result),
                        result["compared"],
                        total,
                    )
                )
            # The true alpha against the threshold, both shown with the decimals that make them compare alike.
            if several and result["alpha"] < ALPHA_DOUBTFUL:
                shown, bound = against(result["alpha"], ALPHA_DOUBTFUL)
                feedback.pushWarning(
                    tr(
                        "{0}: the assessors agree too little (alpha {1}, below {2}) for the scores to be "
                        "relied on; discuss the flagged criteria.",
                        result["plan"],
                        shown,
                        bound,
                    )
                )
            if result["not_scored"]:
                feedback.pushWarning(
                    tr(
                        "{0}: {1} criteria were scored by no assessor; they stay in the potential score with no "
                        "points (coverage {2} %).",
                        plan_label(result),
                        len(result["not_scored"]),
                        number_text(result["coverage"]),
                    )
                )
            for assessor, criterion in result["unexplained_na"]:
                feedback.pushWarning(
                    tr(
                        "{0}: {1} marked {2} NA without a reason (the comment); it counts as not scored.",
                        plan_label(result),
                        assessor,
                        criterion,
                    )
                )

        if feedback.isCanceled():
            raise Cancelled()
        outputs = {
            self.OUTPUT_CRITERIA: self.write_criteria(parameters, context, results),
            self.OUTPUT_THEMES: self.write_themes(parameters, context, results),
            self.OUTPUT_PLANS: self.write_plans(parameters, context, results),
        }
        cities = self.parameterAsSource(parameters, self.CITIES, context)
        if cities is not None and parameters.get(self.OUTPUT_MAP) is not None:
            outputs[self.OUTPUT_MAP] = self.write_map(parameters, context, feedback, cities, framework, results)
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = assessment_report(
                report_path, framework, results, self.report_settings(feedback)
            )
        store = (
            self.parameterAsFileOutput(parameters, self.OUTPUT_STORE, context)
            if parameters.get(self.OUTPUT_STORE) not in (None, "")
            else ""
        )
        if store:
            shapes, crs_wkt = self.city_shapes(parameters, context, cities)
            plans, scores = save_assessments(store, framework, cards, shapes, crs_wkt)
            feedback.pushInfo(
                tr("Added {0} plans and {1} scores to the assessment store {2}.", plans, scores, Path(store).name)
            )
            outputs[self.OUTPUT_STORE] = store
        return outputs

    def city_shapes(self, parameters, context, cities):
        """({city key: shapely polygon}, CRS as WKT) of the city polygons, for the store; empty without them."""
        field = self.parameterAsString(parameters, self.CITY_FIELD, context)
        if cities is None or not field:
            return {}, ""
        shapes = {}
        for feature in cities.getFeatures():
            name = city_key(feature[field])
            if name and feature.hasGeometry():
                shapes[name] = to_shapely(feature.geometry())
        return shapes, cities.sourceCrs().toWkt()

    def write_map(self, parameters, context, feedback, cities, framework, results):
        field = self.parameterAsString(parameters, self.CITY_FIELD, context)
        if not field:
            raise HabitatError(tr("Choose the city name field of the city polygons."))
        latest = latest_by_city(results)
        added = [(name, KINDS[kind]) for name, kind in MAP_COLUMNS] + [
            (name, DOUBLE) for name in theme_field_names(framework.themes)
        ]
        fields, kept = extended_fields(cities.fields(), added)  # a city field named like a result is replaced
        replaced = [f.name() for f in cities.fields() if f.name() not in {k.name() for k in kept}]
        if replaced:
            feedback.pushWarning(
                tr("The city polygons' fields {0} are replaced by the results of the same name.", ", ".join(replaced))
            )
        kept_indices = [cities.fields().lookupField(f.name()) for f in kept]
        text = self.text_guard(parameters, self.OUTPUT_MAP, context)
        sink, dest_id = self.create_sink(
            parameters, self.OUTPUT_MAP, context, fields, cities.wkbType(), cities.sourceCrs()
        )
        names = set()
        progress = progress_callback(feedback, 90, 100)
        total = max(cities.featureCount(), 1)
        for number, feature in enumerate(cities.getFeatures()):
            if number % 100 == 0:
                progress(number / total)
            name = city_key(feature[field])
            names.add(name)
            values = map_values(latest.get(name), list(framework.themes))
            attributes = feature.attributes()
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes([text(value) for value in [attributes[i] for i in kept_indices] + values])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        unmatched = sorted(set(latest) - names)
        if unmatched:
            feedback.pushWarning(tr("No city polygon is named {0}.", ", ".join(unmatched)))
        self.style_output(
            context, dest_id, None, tr("Plan scores by city"), renderer=Graduated("overall_pct", GREENS, "%", 0)
        )
        return dest_id

    def _table(self, parameters, name, context, columns, rows, layer_name):
        fields = QgsFields()
        for column, kind in columns:
            fields.append(QgsField(column, KINDS[kind]))
        sink, dest_id = self.create_sink(parameters, name, context, fields, WkbType.NoGeometry, None)
        text = self.text_guard(parameters, name, context)
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([None if isinstance(v, float) and math.isnan(v) else text(v) for v in values])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, layer_name)
        return dest_id

    def text_guard(self, parameters, name, context):
        """Text a spreadsheet opening the output ``name`` keeps as text (tables.text_guard)."""
        return text_guard(self.parameterAsOutputLayer(parameters, name, context))

    def write_criteria(self, parameters, context, results):
        return self._table(
            parameters,
            self.OUTPUT_CRITERIA,
            context,
            CRITERIA_COLUMNS,
            criteria_rows(results),
            tr("Scores by criterion"),
        )

    def write_themes(self, parameters, context, results):
        return self._table(
            parameters, self.OUTPUT_THEMES, context, THEME_COLUMNS, theme_rows(results), tr("Scores by theme")
        )

    def write_plans(self, parameters, context, results):
        return self._table(
            parameters, self.OUTPUT_PLANS, context, PLAN_COLUMNS, plan_rows(results), tr("Scores by plan")
        )
