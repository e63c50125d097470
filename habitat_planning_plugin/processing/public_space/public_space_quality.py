"""habitat:publicspacequality — quality scores per public space from a KoboToolbox export of the survey form."""

import math
from collections import Counter

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import DOUBLE, INT, TEXT, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ...core.geometry import polygonal
from ...core.public_space.quality import (
    PROBLEMS,
    Problem,
    answer_summary,
    dimension_weights,
    interpret,
    link_submissions,
    problem_counts,
    read_export,
    score_spaces,
)
from ...core.public_space.report import quality_report
from ...core.public_space.survey import text_in
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...i18n import content_language
from ...qgis_io import features_in_crs, from_shapely, to_shapely
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from .osm_tags import text_guard
from .questionnaire import add_questionnaire_parameter, questionnaire_parameter, space_id_text

DIMENSION_PREFIX = "q_"
MAX_GPS_TOLERANCE_M = 500.0  # beyond, a submission is linked to a space its surveyor never stood in


class PublicSpaceQualityAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspacequality"
    DISPLAY_NAME = tr_noop("Public space quality from a survey (KoboToolbox)")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("KoboToolbox"), tr_noop("survey"), tr_noop("public space quality"), tr_noop("inventory"))
    REQUIRED_PACKAGES = ("openpyxl", "shapely")
    SHORT_HELP = tr_noop(
        "Scores the quality of each public space from the KoboToolbox export of the survey form (CSV with comma "
        "or semicolon, or XLSX; XML names or labels as headers, with or without group names). Each submission is "
        "linked to a space by its space id, else by its GPS point inside a space or within the tolerance of one. "
        "Every scored answer counts 0 to 1 as the questionnaire declares; per space, each question is averaged "
        "over its submissions and each dimension (accessibility, use and users, comfort, safety, green cover, "
        "physical facilities, maintenance) is the mean of its questions, 0 to 100. The quality index is the "
        "weighted mean of the dimensions (equal weights unless given) and is left empty while a dimension has no "
        "answer; the dimension scores are always kept. Rows and columns that cannot be used are listed in the "
        "log table with the reason; the valid rows still score."
    )

    SURVEY = "SURVEY"
    INVENTORY = "INVENTORY"
    ID_FIELD = "ID_FIELD"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    NAME_FIELD = "NAME_FIELD"
    GPS_TOLERANCE = "GPS_TOLERANCE"
    WEIGHTS = "WEIGHTS"
    OUTPUT = "OUTPUT"
    OUTPUT_ANSWERS = "OUTPUT_ANSWERS"
    OUTPUT_LOG = "OUTPUT_LOG"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFile(
                self.SURVEY, tr("Survey export (CSV or XLSX)"), fileFilter=tr("Survey exports (*.csv *.xlsx)")
            ),
            tr_noop("The data export of the survey form from KoboToolbox (Data, Downloads), as CSV or XLSX."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INVENTORY, tr("Public space inventory"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop("The public spaces surveyed, e.g. the output of the public space inventory."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.ID_FIELD, tr("Space id field"), parentLayerParameterName=self.INVENTORY),
            tr_noop("Field with the space ids used in the survey form."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Space name field"), parentLayerParameterName=self.INVENTORY, optional=True
            ),
            tr_noop("Field with the space names, for the report."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.DISTRICT_FIELD, tr("District field"), parentLayerParameterName=self.INVENTORY, optional=True
            ),
            tr_noop(
                "Field with the district of each space (the inventory has one), to compare the quality of the "
                "districts."
            ),
        )
        self.add_parameter(
            # Metres whatever the layer's CRS (a distance parameter would take the layer's units, e.g. degrees).
            QgsProcessingParameterNumber(
                self.GPS_TOLERANCE, tr("GPS tolerance (m)"), ProcessingNumberParameterType.Double, 25.0, minValue=0.0
            ),
            tr_noop(
                "A submission without a usable space id is linked to the space its GPS point lies in, or to the "
                "nearest space within this distance (phone GPS is often 5-20 m off)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.WEIGHTS, tr("Dimension weights"), optional=True),
            tr_noop(
                "Weights of the dimensions in the quality index as dimension=weight pairs, e.g. safety=2, "
                "comfort=1.5. Dimensions not named weigh 1; a weight of 0 leaves a dimension out of the "
                "index (its score is still reported)."
            ),
        )
        add_questionnaire_parameter(self)
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Public space quality"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop(
                "The inventory with, per space, a 0-100 score per dimension, the quality index, the number of "
                "submissions, whether every dimension was scored and the share of the questions answered."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ANSWERS, tr("Quality answers by question"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "Per space and question: the number of answers, the mean score, the mean of a count and the "
                "most common answer."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_LOG, tr("Survey import log"), ProcessingSourceType.Vector),
            tr_noop("Every row, answer and column of the export that could not be used, with the reason."),
        )
        self.add_report_parameter(
            tr_noop(
                "Quality per dimension across the city, its spread per district, a radar chart per space and the "
                "import problems, in the language of QGIS."
            )
        )

    def check_values(self, parameters, context) -> list:
        problems = []
        try:
            questionnaire = questionnaire_parameter(self, parameters, context)
        except HabitatError as error:
            return [str(error)]
        try:
            dimension_weights(questionnaire, self.parameterAsString(parameters, self.WEIGHTS, context))
        except HabitatError as error:
            problems.append(str(error))
        tolerance = self.parameterAsDouble(parameters, self.GPS_TOLERANCE, context)
        if math.isfinite(tolerance) and tolerance > MAX_GPS_TOLERANCE_M:
            problems.append(
                tr(
                    "A GPS tolerance of {0} m would link submissions to spaces far from where they were "
                    "made (phone GPS is usually 5–20 m off): use at most {1} m.",
                    f"{tolerance:g}",
                    f"{MAX_GPS_TOLERANCE_M:g}",
                )
            )
        return problems

    def process(self, parameters, context, feedback):
        questionnaire = questionnaire_parameter(self, parameters, context)
        feedback.pushInfo(tr("Read {0} as {1}.", questionnaire.source, questionnaire.encoding))
        weights = dimension_weights(questionnaire, self.parameterAsString(parameters, self.WEIGHTS, context))
        inventory = self.required_source(parameters, self.INVENTORY, context)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        district_field = self.parameterAsString(parameters, self.DISTRICT_FIELD, context)
        tolerance = self.parameterAsDouble(parameters, self.GPS_TOLERANCE, context)
        export = read_export(self.parameterAsFile(parameters, self.SURVEY, context))
        if export.encoding:  # a CSV (a workbook has no text encoding)
            feedback.pushInfo(tr("Read {0} as {1}.", export.name, export.encoding))
        crs = self.analysis_crs([inventory], parameters, context, feedback)

        features, shapes, ids = [], [], []
        for number, feature in enumerate(features_in_crs(inventory, crs, context.transformContext())):
            if number % 500 == 0 and feedback.isCanceled():
                raise Cancelled()
            geometry = feature.geometry()
            shape = None
            if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
                shape = polygonal(to_shapely(geometry if geometry.isGeosValid() else geometry.makeValid()))
            features.append(feature)
            shapes.append(shape)
            ids.append(space_id_text(feature[id_field]))
        without = sum(1 for i in ids if i is None)
        if without:
            feedback.pushWarning(
                tr(
                    '{0} spaces of the inventory have no id in the field "{1}": only submissions '
                    "with a GPS point can be linked to them.",
                    without,
                    id_field,
                )
            )
        duplicated = sorted(i for i, count in Counter(ids).items() if i is not None and count > 1)
        if duplicated:
            raise HabitatError(
                tr("The space ids must be unique; used more than once: {0}.", ", ".join(duplicated[:20]))
            )
        progress = progress_callback(feedback)
        progress(0.1)

        submissions, problems, _ = interpret(questionnaire, export, [i for i in ids if i is not None])
        wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext())
        points = []
        for submission in submissions:
            if submission.lat is None:
                points.append(None)
                continue
            try:
                point = wgs84.transform(QgsPointXY(submission.lon, submission.lat))
                xy = (point.x(), point.y())
            except QgsCsException:  # a point the analysis CRS cannot hold (the other side of the globe)
                xy = (math.nan, math.nan)
            if not all(math.isfinite(value) for value in xy):
                problems.append(
                    Problem(
                        submission.row,
                        submission.uuid,
                        "invalid_gps",
                        "gps",
                        f"{submission.lat:.6f} {submission.lon:.6f}",
                    )
                )
                xy = None
            points.append(xy)
        links = link_submissions(
            submissions,
            [i if i is not None else f"\0{n}" for n, i in enumerate(ids)],
            shapes,
            points,
            tolerance,
            problems,
        )
        progress(0.4)
        results = score_spaces(questionnaire, submissions, links, len(features), weights)
        linked = sum(1 for index in links if index is not None)
        surveyed = sum(1 for result in results if result.submissions)
        feedback.pushInfo(
            tr("{0} of {1} submissions linked to {2} of {3} spaces.", linked, len(export.rows), surveyed, len(features))
        )
        counts = problem_counts(problems)
        for code, count in sorted(counts.items()):
            feedback.pushWarning(tr("{0}: {1} (see the import log).", tr(PROBLEMS[code]), count))
        incomplete = sum(1 for r in results if r.submissions and not r.complete)
        if incomplete:
            feedback.pushWarning(
                tr("{0} surveyed spaces lack answers for a dimension: their quality index is left empty.", incomplete)
            )
        language = content_language()
        outputs = {
            self.OUTPUT: self.write_scores(
                parameters, context, inventory, questionnaire, features, shapes, results, crs
            ),
            self.OUTPUT_ANSWERS: self.write_answers(
                parameters,
                context,
                questionnaire,
                ids,
                results,
                answer_summary(questionnaire, submissions, links, len(features), language),
            ),
            self.OUTPUT_LOG: self.write_log(parameters, context, problems),
            "SUBMISSIONS_LINKED": linked,
            "SPACES_SURVEYED": surveyed,
            "PROBLEMS": len(problems),
        }
        progress(0.7)
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            names = [
                str(f[name_field]) if name_field and f[name_field] is not None else (i or str(f.id()))
                for f, i in zip(features, ids)
            ]
            districts = [
                str(f[district_field]) if district_field and f[district_field] is not None else None for f in features
            ]
            outputs[self.OUTPUT_REPORT] = quality_report(
                report_path,
                questionnaire,
                weights,
                names,
                districts,
                results,
                problems,
                len(export.rows),
                linked,
                language,
                self.report_settings(feedback),
                shapes,
            )
        return outputs

    def write_scores(self, parameters, context, inventory, questionnaire, features, shapes, results, crs):
        added = [(DIMENSION_PREFIX + d, DOUBLE) for d in questionnaire.dimensions]
        added += [("quality_index", DOUBLE), ("submissions", INT), ("complete", INT), ("answered_pct", DOUBLE)]
        fields, kept = extended_fields(inventory.fields(), added)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        text = self.text_guard(parameters, self.OUTPUT, context)
        for feature, shape, result in zip(features, shapes, results):
            out = QgsFeature(fields)
            geometry = from_shapely(shape) if shape is not None else QgsGeometry()
            if shape is not None:
                geometry.convertToMultiType()
            out.setGeometry(geometry)
            out.setAttributes(
                [text(feature[field.name()]) for field in kept]
                + [_number(result.dimensions[d]) for d in questionnaire.dimensions]
                + [
                    _number(result.quality_index),
                    result.submissions,
                    int(result.complete),
                    _number(result.answered_pct),
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            "public_space_quality.qml",
            tr("Public space quality"),
            {"no_index": tr("No quality index (not surveyed, or a dimension unanswered)")},
        )
        return dest_id

    def write_answers(self, parameters, context, questionnaire, ids, results, rows):
        fields = QgsFields()
        for name, kind in (
            ("space_id", TEXT),
            ("question", TEXT),
            ("question_label", TEXT),
            ("dimension", TEXT),
            ("answers", INT),
            ("mean_score", DOUBLE),
            ("mean_value", DOUBLE),
            ("common_answer", TEXT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_ANSWERS, context, fields, WkbType.NoGeometry, None)
        labels = {name: label for name, _, label in questionnaire.scored_items()}
        language = content_language()
        text = self.text_guard(parameters, self.OUTPUT_ANSWERS, context)
        derived = {d.name: d for d in questionnaire.derived}
        for index, name, label, dimension, answers, mean, common in rows:
            score = results[index].items.get(name, (0, None))[1]
            self._add_row(
                sink,
                fields,
                [text(ids[index]), name, text(label), dimension, answers, _percent(score), _number(mean), text(common)],
            )
        for index, result in enumerate(results):  # derived scores (e.g. balance of women and men)
            for name, item in derived.items():
                answers, score = result.items.get(name, (0, None))
                if result.submissions:
                    self._add_row(
                        sink,
                        fields,
                        [
                            text(ids[index]),
                            name,
                            text(text_in(labels[name], language)),
                            item.dimension,
                            answers,
                            _percent(score),
                            None,
                            None,
                        ],
                    )
        self.style_output(context, dest_id, None, tr("Quality answers by question"))
        return dest_id

    def write_log(self, parameters, context, problems):
        fields = QgsFields()
        for name, kind in (
            ("row", INT),
            ("uuid", TEXT),
            ("problem", TEXT),
            ("description", TEXT),
            ("column", TEXT),
            ("value", TEXT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_LOG, context, fields, WkbType.NoGeometry, None)
        text = self.text_guard(parameters, self.OUTPUT_LOG, context)
        for problem in sorted(problems, key=lambda p: (p.row, p.code)):
            self._add_row(
                sink,
                fields,
                [
                    problem.row,
                    text(problem.uuid),
                    problem.code,
                    tr(PROBLEMS[problem.code]),
                    text(problem.column),
                    text(problem.value),
                ],
            )
        self.style_output(context, dest_id, None, tr("Survey import log"))
        return dest_id

    def text_guard(self, parameters, name, context):
        return text_guard(self, parameters, name, context)

    @staticmethod
    def _add_row(sink, fields, values):
        feature = QgsFeature(fields)
        feature.setAttributes(values)
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)


def _number(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def _percent(score):
    return None if score is None else 100.0 * float(score)
