"""habitat:sdffunctions — functional (scalogram) analysis, centrality index and settlement hierarchy."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import (
    DOUBLE,
    INT,
    TEXT,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ...core.sdf.common import MAX_LISTED
from ...core.sdf.priority import ordinal_ranks
from ...core.sdf.report import functions_report
from ...core.sdf.scalogram import hierarchy, parse_thresholds, scalogram
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, to_shapely
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from .places import place_names, place_points, written_geometry
from .presence import (
    FACILITIES,
    FUNCTION_FIELD,
    MAX_DISTANCE,
    MAX_SEARCH_METRES,  # noqa: F401 - re-exported
    PRESENCE_FIELDS,
    add_presence_parameters,
    check_presence_values,
    facilities_source,
    read_presence,
)

METHODS = ("natural_breaks", "quantiles", "thresholds")
METHOD_LABELS = (tr_noop("Natural breaks (Jenks)"), tr_noop("Quantiles"), tr_noop("Thresholds"))
THREE_LEVELS = (tr_noop("Central"), tr_noop("Intermediate"), tr_noop("Local"))
LEVEL_N = tr_noop("Level {0}")


def unique_names(names, records, feedback, what):
    """Settlement names, those used more than once followed by the feature id (a warning says which)."""
    repeated = {name for name in names if names.count(name) > 1}
    if not repeated:
        return names
    feedback.pushWarning(
        tr(
            "{0}: the names {1} are used more than once; each is shown with its feature id.",
            what,
            ", ".join(sorted(repeated)[:MAX_LISTED]),
        )
    )
    return [
        tr("{0} (id {1})", name, feature.id()) if name in repeated else name for name, feature in zip(names, records)
    ]


def unique_field_names(names, taken=()):
    """Field names for ``names`` (at most 60 characters), none repeated, ignoring case as GeoPackage does."""
    used = {name.lower() for name in taken}
    result = []
    for name in names:
        base = (str(name).strip() or "function")[:60]
        candidate, number = base, 2
        while candidate.lower() in used:
            candidate = f"{base[:56]}_{number}"
            number += 1
        used.add(candidate.lower())
        result.append(candidate)
    return result


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
        "(central, intermediate, local by default) by natural breaks, quantiles or your thresholds."
    )

    SETTLEMENTS = "SETTLEMENTS"
    NAME_FIELD = "NAME_FIELD"
    FACILITIES = FACILITIES
    FUNCTION_FIELD = FUNCTION_FIELD
    MAX_DISTANCE = MAX_DISTANCE
    PRESENCE_FIELDS = PRESENCE_FIELDS
    METHOD = "METHOD"
    CLASSES = "CLASSES"
    THRESHOLDS = "THRESHOLDS"
    OUTPUT = "OUTPUT"
    OUTPUT_SCALOGRAM = "OUTPUT_SCALOGRAM"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.SETTLEMENTS,
                tr("Settlements or sectors"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
            ),
            tr_noop("Settlement points or sector polygons of the region."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Settlement name field"), parentLayerParameterName=self.SETTLEMENTS, optional=True
            ),
            tr_noop("Names shown in the scalogram; the feature id when empty."),
        )
        add_presence_parameters(self)
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.METHOD, tr("Hierarchy classification"), [tr(m) for m in METHOD_LABELS], defaultValue=0
            ),
            tr_noop("How centrality values are cut into levels."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CLASSES,
                tr("Number of hierarchy levels"),
                ProcessingNumberParameterType.Integer,
                3,
                minValue=2,
                maxValue=7,
            ),
            tr_noop("Three levels are named central, intermediate and local."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.THRESHOLDS, tr("Thresholds (centrality)"), optional=True),
            tr_noop(
                "With the thresholds method: increasing centrality values separating the levels, comma-separated "
                "(one fewer than the number of levels)."
            ),
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Settlement hierarchy"), ProcessingSourceType.VectorAnyGeometry
            ),
            tr_noop("The settlements with their number of functions, centrality index, rank and hierarchy level."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_SCALOGRAM, tr("Scalogram"), ProcessingSourceType.Vector),
            tr_noop("Settlements (rows, most central first) by functions (columns, most common first), 1 = present."),
        )
        self.add_report_parameter(
            tr_noop("The scalogram chart, the coefficients and the hierarchy table, in the language of QGIS.")
        )
        self.add_number_outputs(
            [
                ("REPRODUCIBILITY", tr("Coefficient of reproducibility")),
                ("SCALABILITY", tr("Coefficient of scalability")),
                ("SETTLEMENTS", tr("Settlements")),
                ("FUNCTIONS", tr("Functions")),
            ]
        )

    def check_values(self, parameters, context):
        problems = check_presence_values(self, parameters, context)
        if METHODS[self.parameterAsEnum(parameters, self.METHOD, context)] == "thresholds":
            try:
                parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
            except HabitatError as error:
                problems.append(str(error))
        return problems

    def process(self, parameters, context, feedback):
        settlements = self.required_source(parameters, self.SETTLEMENTS, context)
        facilities = facilities_source(self, parameters, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        crs = self.analysis_crs(
            [item for item in (settlements, facilities) if item is not None], parameters, context, feedback
        )
        what = tr("settlements")
        places = place_points(features_in_crs(settlements, crs, context.transformContext()), what)
        places.report(feedback, what)
        records = places.records
        if len(records) < 2:
            raise HabitatError(
                tr(
                    'The functional analysis needs at least two settlements with a location; the input "{0}" has {1}.',
                    self.input_label(parameters, self.SETTLEMENTS, context),
                    len(records),
                )
            )
        names = unique_names(place_names(records, name_field), records, feedback, what)
        polygons = all(shape is not None for shape in places.shapes)

        presence, functions = read_presence(self, parameters, context, places, crs, feedback)
        result = scalogram(presence)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        if method != "thresholds" and (self.parameterAsString(parameters, self.THRESHOLDS, context) or "").strip():
            feedback.pushWarning(tr("The thresholds given are not used: they apply only to the thresholds method."))
        classes = self.parameterAsInt(parameters, self.CLASSES, context)
        thresholds = None
        if method == "thresholds":
            thresholds = parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
            if len(thresholds) + 1 != classes:
                feedback.pushInfo(
                    tr(
                        "{0} thresholds make {1} hierarchy levels; the number of levels asked for ({2}) "
                        "is not used with thresholds.",
                        len(thresholds),
                        len(thresholds) + 1,
                        classes,
                    )
                )
            classes = len(thresholds) + 1
        elif len(np.unique(result.centrality)) < classes:
            raise HabitatError(
                tr(
                    "Only {0} settlements have different centrality values: they cannot be cut into {1} "
                    "hierarchy levels. Choose fewer levels.",
                    len(np.unique(result.centrality)),
                    classes,
                )
            )
        levels, bounds = hierarchy(
            result.centrality, method, classes, thresholds, progress=progress_callback(feedback, 30, 70)
        )
        labels = level_labels(classes)
        rank = ordinal_ranks(result.centrality)
        feedback.pushInfo(
            tr(
                "{0} settlements, {1} functions; reproducibility {2}, scalability {3}.",
                len(records),
                len(functions),
                f"{result.reproducibility:.3f}",
                f"{result.scalability:.3f}",
            )
        )
        if result.reproducibility < 0.9:
            feedback.pushWarning(
                tr("The coefficient of reproducibility is below 0.90: the functions do not form a clear hierarchy.")
            )

        outputs = {
            self.OUTPUT: self.write_settlements(
                parameters, context, settlements, records, presence, result, rank, levels, labels, crs, polygons
            ),
            self.OUTPUT_SCALOGRAM: self.write_scalogram(parameters, context, names, functions, result),
        }
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            shapes = [to_shapely(feature.geometry()) if feature.hasGeometry() else None for feature in records]
            outputs[self.OUTPUT_REPORT] = functions_report(
                report_path, names, functions, result, levels, labels, shapes, self.report_settings(feedback)
            )
        outputs.update(
            {
                "REPRODUCIBILITY": result.reproducibility,
                "SCALABILITY": result.scalability,
                "SETTLEMENTS": len(records),
                "FUNCTIONS": len(functions),
            }
        )
        return outputs

    def write_settlements(
        self, parameters, context, source, records, presence, result, rank, levels, labels, crs, polygons
    ):
        fields, kept = extended_fields(
            source.fields(),
            [("functions", INT), ("centrality", DOUBLE), ("rank", INT), ("level", INT), ("level_label", TEXT)],
        )
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        for index, feature in enumerate(records):
            out = QgsFeature(fields)
            out.setGeometry(written_geometry(feature))
            out.setAttributes(
                [feature[field.name()] for field in kept]
                + [
                    int(presence[index].sum()),
                    float(result.centrality[index]),
                    int(rank[index]),
                    int(levels[index]) + 1,
                    labels[int(levels[index])],
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        style = "sdf_hierarchy_polygons.qml" if polygons else "sdf_hierarchy_points.qml"
        self.style_output(
            context, dest_id, style, tr("Settlement hierarchy"), {k + 1: label for k, label in enumerate(labels)}
        )
        return dest_id

    def write_scalogram(self, parameters, context, names, functions, result):
        fields = QgsFields()
        fields.append(QgsField("settlement", TEXT))
        ordered_functions = [functions[j] for j in result.function_order]
        for name in unique_field_names(ordered_functions, {"fid", "settlement", "functions", "centrality"}):
            fields.append(QgsField(name, INT))
        fields.append(QgsField("functions", INT))
        fields.append(QgsField("centrality", DOUBLE))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_SCALOGRAM, context, fields, WkbType.NoGeometry, None)
        for row, settlement in zip(result.presence, result.settlement_order):
            feature = QgsFeature(fields)
            feature.setAttributes(
                [names[settlement]] + [int(v) for v in row] + [int(row.sum()), float(result.centrality[settlement])]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Scalogram"))
        return dest_id
