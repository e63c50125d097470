"""habitat:sdffunctions — functional (scalogram) analysis, centrality index and settlement hierarchy."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.report.charts import bar_chart, matrix_chart
from ...core.report.html import Report
from ...core.sdf.scalogram import hierarchy, presence_from_facilities, scalogram
from ...core.text import HabitatError, tr, tr_noop
from ...i18n import qgis_locale
from ...qgis_io import features_in_crs, to_shapely
from ..base import HabitatAlgorithm, add_chart, extended_fields, feature_names, number_list
from ..public_space.reports import footer

METHODS = ("natural_breaks", "quantiles", "thresholds")
METHOD_LABELS = (tr_noop("Natural breaks (Jenks)"), tr_noop("Quantiles"), tr_noop("Thresholds"))
THREE_LEVELS = (tr_noop("Central"), tr_noop("Intermediate"), tr_noop("Local"))
LEVEL_N = tr_noop("Level {0}")


LEVEL_COLOURS = ["#4a148c", "#8e24aa", "#ce93d8", "#e1bee7", "#f3e5f5", "#f3e5f5", "#f3e5f5"]
LEVEL_RADII = [1500.0, 1000.0, 600.0, 450.0, 350.0, 300.0, 250.0]


def level_labels(classes: int):
    return [tr(name) for name in THREE_LEVELS] if classes == 3 else [tr(LEVEL_N, k + 1) for k in range(classes)]


class SdfFunctionsAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdffunctions"
    DISPLAY_NAME = tr_noop("Functional analysis (scalogram) and settlement hierarchy")
    GROUP_ID = "sdf"
    TAGS = (tr_noop("scalogram"), tr_noop("centrality"), tr_noop("settlement hierarchy"), tr_noop("functions"))
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "The functional analysis of a settlement system (Rondinelli's Urban Functions in Rural Development): which "
        "settlements or sectors have which functions (school, health centre, market, bank…). The presence comes "
        "from facility points with a function field (a facility belongs to the sector polygon holding it, or to the "
        "nearest settlement point within the distance given) or from function columns of the settlement layer. "
        "The scalogram orders functions by how common they are and settlements by how many they have; the "
        "coefficient of reproducibility (≥ 0.90) and of scalability (≥ 0.60) say how well they form a hierarchy. "
        "Each function is worth 100 centrality points shared among the settlements that have it; a settlement's "
        "centrality index is the sum of its functions' weights. Settlements are classed into hierarchy levels "
        "(central, intermediate, local by default) by natural breaks, quantiles or your thresholds.")

    SETTLEMENTS = "SETTLEMENTS"
    NAME_FIELD = "NAME_FIELD"
    FACILITIES = "FACILITIES"
    FUNCTION_FIELD = "FUNCTION_FIELD"
    MAX_DISTANCE = "MAX_DISTANCE"
    PRESENCE_FIELDS = "PRESENCE_FIELDS"
    METHOD = "METHOD"
    CLASSES = "CLASSES"
    THRESHOLDS = "THRESHOLDS"
    OUTPUT = "OUTPUT"
    OUTPUT_SCALOGRAM = "OUTPUT_SCALOGRAM"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.SETTLEMENTS, tr("Settlements or sectors"),
                                                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]),
            tr_noop("Settlement points or sector polygons of the region."))
        self.add_parameter(
            QgsProcessingParameterField(self.NAME_FIELD, tr("Settlement name field"),
                                        parentLayerParameterName=self.SETTLEMENTS, optional=True),
            tr_noop("Names shown in the scalogram; the feature id when empty."))
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.FACILITIES, tr("Facilities (points)"),
                                                [QgsProcessing.TypeVectorPoint], optional=True),
            tr_noop("Facility points (schools, health centres, markets, banks…). Give these or function columns."))
        self.add_parameter(
            QgsProcessingParameterField(self.FUNCTION_FIELD, tr("Function field"),
                                        parentLayerParameterName=self.FACILITIES, optional=True),
            tr_noop("Field of the facilities naming their function; each distinct value is a function."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.MAX_DISTANCE, tr("Facility search distance (m)"),
                                         QgsProcessingParameterNumber.Double, 2000.0, minValue=1.0),
            tr_noop("For settlement points: a facility belongs to the nearest settlement within this distance."))
        self.add_parameter(
            QgsProcessingParameterField(self.PRESENCE_FIELDS, tr("Function columns"),
                                        parentLayerParameterName=self.SETTLEMENTS,
                                        type=QgsProcessingParameterField.Numeric, allowMultiple=True, optional=True),
            tr_noop("Instead of facilities: numeric columns of the settlements, one per function (more than 0 means "
                    "present), e.g. from a joined presence table."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.METHOD, tr("Hierarchy classification"), [tr(m) for m in METHOD_LABELS],
                                       defaultValue=0),
            tr_noop("How centrality values are cut into levels."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.CLASSES, tr("Number of hierarchy levels"),
                                         QgsProcessingParameterNumber.Integer, 3, minValue=2, maxValue=7),
            tr_noop("Three levels are named central, intermediate and local."))
        self.add_parameter(
            QgsProcessingParameterString(self.THRESHOLDS, tr("Thresholds (centrality)"), optional=True),
            tr_noop("With the thresholds method: increasing centrality values separating the levels, comma-separated "
                    "(one fewer than the number of levels)."))
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Settlement hierarchy"), QgsProcessing.TypeVectorAnyGeometry),
            tr_noop("The settlements with their number of functions, centrality index, rank and hierarchy level."))
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SCALOGRAM, tr("Scalogram"), QgsProcessing.TypeVector),
            tr_noop("Settlements (rows, most central first) by functions (columns, most common first), 1 = present."))
        self.add_report_parameter(
            tr_noop("The scalogram chart, the coefficients and the hierarchy table, in the language of QGIS."))
        self.add_number_outputs([("REPRODUCIBILITY", tr("Coefficient of reproducibility")),
                                 ("SCALABILITY", tr("Coefficient of scalability")),
                                 ("SETTLEMENTS", tr("Settlements")), ("FUNCTIONS", tr("Functions"))])

    def process(self, parameters, context, feedback):
        settlements = self.required_source(parameters, self.SETTLEMENTS, context)
        facilities = self.parameterAsSource(parameters, self.FACILITIES, context)
        function_field = self.parameterAsString(parameters, self.FUNCTION_FIELD, context)
        presence_fields = self.parameterAsFields(parameters, self.PRESENCE_FIELDS, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        if (facilities is None) == (not presence_fields):
            raise HabitatError(tr("Give the functions either as facility points or as function columns, not both "
                                  "or none."))
        if facilities is not None and not function_field:
            raise HabitatError(tr("Choose the function field of the facilities."))
        crs = self.analysis_crs([item for item in (settlements, facilities) if item is not None], parameters, context,
                                feedback)
        records = list(features_in_crs(settlements, crs, context.transformContext()))
        unlocated = sum(1 for f in records if not f.hasGeometry())
        if unlocated:
            feedback.pushWarning(tr("{0} settlements have no geometry: no facility can be assigned to them.",
                                    unlocated))
        names = feature_names(records, name_field)
        polygons = settlements.wkbType() != QgsWkbTypes.Unknown and \
            QgsWkbTypes.geometryType(settlements.wkbType()) == QgsWkbTypes.PolygonGeometry

        if facilities is not None:
            if polygons:
                where = [to_shapely(f.geometry()) for f in records]
            else:
                where = np.array([(f.geometry().asPoint().x(), f.geometry().asPoint().y()) if f.hasGeometry()
                                  else (np.nan, np.nan) for f in records])
            xy, labels = [], []
            for feature in features_in_crs(facilities, crs, context.transformContext()):
                if feature.hasGeometry():
                    point = feature.geometry().asPoint()
                    xy.append((point.x(), point.y()))
                    labels.append("" if feature[function_field] is None else str(feature[function_field]))
            presence, functions, _, unassigned = presence_from_facilities(
                where, xy, labels, None if polygons else self.parameterAsDouble(parameters, self.MAX_DISTANCE, context))
            if unassigned:
                feedback.pushWarning(tr("{0} facilities lie in no settlement or sector and were left out.",
                                        len(unassigned)))
        else:
            functions = list(presence_fields)
            presence = np.array([[1 if (f[name] or 0) > 0 else 0 for name in functions] for f in records])
        result = scalogram(presence)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        classes = self.parameterAsInt(parameters, self.CLASSES, context)
        thresholds = None
        if method == "thresholds":
            text = self.parameterAsString(parameters, self.THRESHOLDS, context)
            thresholds = number_list(text, tr("Thresholds must be numbers separated by commas; got \"{0}\".", text))
            classes = len(thresholds) + 1
        levels, bounds = hierarchy(result.centrality, method, classes, thresholds)
        labels = level_labels(classes)
        rank = np.empty(len(records), dtype=np.int64)
        rank[np.argsort(-result.centrality, kind="stable")] = np.arange(1, len(records) + 1)
        feedback.pushInfo(tr("{0} settlements, {1} functions; reproducibility {2}, scalability {3}.", len(records),
                             len(functions), f"{result.reproducibility:.3f}", f"{result.scalability:.3f}"))
        if result.reproducibility < 0.9:
            feedback.pushWarning(tr("The coefficient of reproducibility is below 0.90: the functions do not form a "
                                    "clear hierarchy."))

        outputs = {self.OUTPUT: self.write_settlements(parameters, context, settlements, records, presence, result,
                                                       rank, levels, labels, crs, polygons),
                   self.OUTPUT_SCALOGRAM: self.write_scalogram(parameters, context, names, functions, result)}
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = self.write_report(report_path, names, functions, result, levels, labels,
                                                            feedback, records)
        outputs.update({"REPRODUCIBILITY": result.reproducibility, "SCALABILITY": result.scalability,
                        "SETTLEMENTS": len(records), "FUNCTIONS": len(functions)})
        return outputs

    def write_settlements(self, parameters, context, source, records, presence, result, rank, levels, labels, crs,
                          polygons):
        fields, kept = extended_fields(source.fields(), [
            ("functions", QVariant.Int), ("centrality", QVariant.Double), ("rank", QVariant.Int),
            ("level", QVariant.Int), ("level_label", QVariant.String)])
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        for index, feature in enumerate(records):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes([feature[field.name()] for field in kept] + [
                int(presence[index].sum()), float(result.centrality[index]), int(rank[index]),
                int(levels[index]) + 1, labels[int(levels[index])]])
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        style = "sdf_hierarchy_polygons.qml" if polygons else "sdf_hierarchy_points.qml"
        self.style_output(context, dest_id, style, tr("Settlement hierarchy"),
                          {k + 1: label for k, label in enumerate(labels)})
        return dest_id

    @staticmethod
    def hierarchy_map(records, levels, labels):
        """Settlements drawn by level (larger and darker: more central), sectors filled by level."""
        from ...core.report.charts import map_image

        layers = []
        for level in range(len(labels) - 1, -1, -1):  # local first, central on top
            shapes = []
            for feature, value in zip(records, levels):
                if value == level and feature.hasGeometry():
                    shape = to_shapely(feature.geometry())
                    shapes.append(shape if shape.geom_type.endswith("Polygon") else shape.buffer(LEVEL_RADII[level]))
            layers.append((shapes, {"fill": LEVEL_COLOURS[level], "edge": "#212121", "width": 0.4}))
        return map_image(layers, tr("Settlement hierarchy") + ": " + ", ".join(labels))

    def write_scalogram(self, parameters, context, names, functions, result):
        fields = QgsFields()
        fields.append(QgsField("settlement", QVariant.String))
        ordered_functions = [functions[j] for j in result.function_order]
        for name in ordered_functions:
            fields.append(QgsField(name[:60], QVariant.Int))
        fields.append(QgsField("functions", QVariant.Int))
        fields.append(QgsField("centrality", QVariant.Double))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_SCALOGRAM, context, fields, QgsWkbTypes.NoGeometry,
                                         None)
        for row, settlement in zip(result.presence, result.settlement_order):
            feature = QgsFeature(fields)
            feature.setAttributes([names[settlement]] + [int(v) for v in row] +
                                  [int(row.sum()), float(result.centrality[settlement])])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        self.style_output(context, dest_id, None, tr("Scalogram"))
        return dest_id

    def write_report(self, path, names, functions, result, levels, labels, feedback, records):
        report = Report(tr("Functional analysis and settlement hierarchy"), qgis_locale())
        report.indicator(tr("Coefficient of reproducibility"), result.reproducibility, "", 0.9,
                         tr("acceptable from {0}", "0.90"), decimals=3)
        report.indicator(tr("Coefficient of scalability"), result.scalability, "", 0.6,
                         tr("acceptable from {0}", "0.60"), decimals=3)
        add_chart(report, matrix_chart(result.presence, [names[i] for i in result.settlement_order],
                                       [functions[j] for j in result.function_order], tr("Scalogram")),
                  feedback, tr("Scalogram"))
        add_chart(report, self.hierarchy_map(records, levels, labels), feedback, tr("Settlement hierarchy"))
        order = np.argsort(-result.centrality, kind="stable")
        counts = np.empty(len(names), dtype=np.int64)
        counts[result.settlement_order] = result.presence.sum(axis=1)
        report.heading(tr("Settlement hierarchy"))
        report.table([tr("Rank"), tr("Settlement"), tr("Functions"), tr("Centrality index"), tr("Level")],
                     [[rank + 1, names[i], int(counts[i]), float(result.centrality[i]), labels[int(levels[i])]]
                      for rank, i in enumerate(order)])
        top = order[:20]
        add_chart(report, bar_chart([names[i] for i in top], [(tr("Centrality index"), list(result.centrality[top]))],
                                    tr("Centrality index of the most central settlements"), tr("Centrality index")),
                  feedback, tr("Centrality index"))
        report.heading(tr("Method"))
        report.paragraph(tr("Rondinelli's functional analysis (Urban Functions in Rural Development, UNU): each "
                            "function is worth 100 points shared equally among the settlements that have it; the "
                            "centrality index of a settlement is the sum of its functions' points. Guttman's "
                            "coefficient of reproducibility should reach 0.90 and Menzel's coefficient of "
                            "scalability 0.60 for the functions to form a hierarchy."), css="note")
        return report.save(path, footer())
