"""habitat:publicspaceupgrade — which existing public spaces to upgrade first: quality and the people who depend on
each space."""

import math
import re

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRuleBasedRenderer,
)

from ...compat import (
    DOUBLE,
    INT,
    TEXT,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ...core.geometry import PolygonSet, polygon_of_points
from ...core.public_space.access import check_overlap
from ...core.public_space.groups import group_label
from ...core.public_space.survey import text_in
from ...core.public_space.upgrade import (
    contribution_chart,
    district_dependants,
    priority_scores,
    space_dependants,
    weakest_dimensions,
    weakest_summary,
)
from ...core.report.charts import map_image
from ...core.report.html import Report
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...i18n import content_language, qgis_locale
from ...qgis_io import features_in_crs, from_shapely, polygon_shape
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import POST_PROCESSORS, StyleOnLoad, add_chart, is_null
from ..provenance import footer
from ..styles import REDS, Graduated, symbol_for
from .osm_tags import text_guard
from .population_input import population_points
from .public_space_quality import DIMENSION_PREFIX
from .questionnaire import add_questionnaire_parameter, questionnaire_parameter, space_id_text
from .walking import NOT_WALKABLE_CLASSES, walkable_lines

QUALITY_INDEX = "quality_index"
NOT_SURVEYED_COLOUR = "#bdbdbd"
CHART_SPACES = 25  # bars in the contributions chart: the top of the ranking
PRIORITY_CLASSES = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100.001)]


class PublicSpaceUpgradeAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspaceupgrade"
    DISPLAY_NAME = tr_noop("Public spaces to upgrade first")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("upgrade"), tr_noop("priority"), tr_noop("public space quality"), tr_noop("walking distance"),
            tr_noop("population"))
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "Ranks the existing public spaces for upgrading: the quality index of each surveyed space (from Public "
        "space quality from a survey) combined with the people who depend on it, that is whose nearest space it "
        "is along the street network within the walking distance (400 m by default). The walking network, the "
        "entrances and the population input are those of SDG 11.7.1 (b) walking access, so every person served "
        "there depends on exactly one space here. The priority, 0 to 100, is the need part (100 minus the quality "
        "index) plus the people part (dependants relative to the surveyed space most people depend on), weighted "
        "0.5 and 0.5 by default; both parts are kept as fields and shown in the report, with each space's two "
        "weakest quality dimensions. Rank 1 is upgraded first. Spaces without a quality index (never surveyed, or a "
        "dimension unanswered) get no score: they are listed last, most dependants first, to be surveyed first.")

    QUALITY = "QUALITY"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    QUALITY_FIELD = "QUALITY_FIELD"
    STREETS = "STREETS"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    EXCLUDED_CLASSES = "EXCLUDED_CLASSES"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_FIELDS = "POPULATION_FIELDS"
    MAX_CELL_SIZE = "MAX_CELL_SIZE"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    MAX_DISTANCE = "MAX_DISTANCE"
    NEED_WEIGHT = "NEED_WEIGHT"
    PEOPLE_WEIGHT = "PEOPLE_WEIGHT"
    ENTRY_TOLERANCE = "ENTRY_TOLERANCE"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    MID_SEGMENT_ENTRANCES = "MID_SEGMENT_ENTRANCES"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.QUALITY, tr("Public space quality (polygons)"),
                                                [ProcessingSourceType.VectorPolygon]),
            tr_noop("The output of Public space quality from a survey: the public spaces with their quality index "
                    "(empty when not surveyed) and one score field per dimension (q_accessibility, q_use …). Give "
                    "only the spaces open to the public (select them, or filter the layer as for walking access): "
                    "a gated garden would otherwise take the people nearest to it as its dependants."))
        self.add_parameter(
            QgsProcessingParameterField(self.ID_FIELD, tr("Space id field"), parentLayerParameterName=self.QUALITY,
                                        optional=True),
            tr_noop("Field with the space ids; the feature id when empty."))
        self.add_parameter(
            QgsProcessingParameterField(self.NAME_FIELD, tr("Space name field"), parentLayerParameterName=self.QUALITY,
                                        optional=True),
            tr_noop("Field with the space names, for the ranking; the space id when empty."))
        self.add_parameter(
            QgsProcessingParameterField(self.QUALITY_FIELD, tr("Quality index field"), QUALITY_INDEX,
                                        parentLayerParameterName=self.QUALITY,
                                        type=ProcessingFieldParameterDataType.Numeric, optional=True),
            tr_noop("Field with the 0-100 quality index; quality_index (as Public space quality from a survey "
                    "writes it) when empty. Spaces where it is empty count as not surveyed."))
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.STREETS, tr("Street network (lines)"),
                                                [ProcessingSourceType.VectorLine]),
            tr_noop("Street centre-lines, as for walking access. Lines that share a vertex are connected."))
        self.add_parameter(
            QgsProcessingParameterField(self.ROAD_CLASS_FIELD, tr("Road class field"),
                                        parentLayerParameterName=self.STREETS, optional=True),
            tr_noop("Field of the streets with the road class, to leave out the classes below (as walking access "
                    "does). A field named walkable with 0 leaves a street out as well."))
        self.add_parameter(
            QgsProcessingParameterString(self.EXCLUDED_CLASSES, tr("Road classes nobody walks along"),
                                         NOT_WALKABLE_CLASSES, optional=True),
            tr_noop("Comma-separated values of the road class field left out of the walking network."))
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.POPULATION_RASTER, tr("Population grid (raster)"), optional=True),
            tr_noop("Persons per cell; every band is a population group (band 1: total). Give either this grid or "
                    "a population layer."))
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.POPULATION_LAYER, tr("Population layer (points or polygons)"),
                                                [ProcessingSourceType.VectorAnyGeometry], optional=True),
            tr_noop("Features with population counts, such as census blocks or buildings. A polygon's people are "
                    "spread evenly over points 50 m apart inside it."))
        self.add_parameter(
            QgsProcessingParameterField(self.POPULATION_FIELDS, tr("Population count fields"),
                                        parentLayerParameterName=self.POPULATION_LAYER,
                                        type=ProcessingFieldParameterDataType.Numeric, allowMultiple=True, optional=True),
            tr_noop("Numeric fields of the population layer, one per group (the first is the total)."))
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.DISTRICTS, tr("Districts (optional)"),
                                                [ProcessingSourceType.VectorPolygon], optional=True),
            tr_noop("Districts or wards: each space gets the district that holds it, and the report counts the "
                    "residents of each district by the kind of space they depend on."))
        self.add_parameter(
            QgsProcessingParameterField(self.DISTRICT_NAME_FIELD, tr("District name field"),
                                        parentLayerParameterName=self.DISTRICTS, optional=True),
            tr_noop("Field with the district names; the feature id when empty."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.MAX_DISTANCE, tr("Walking distance (m)"),
                                         ProcessingNumberParameterType.Double, 400.0, minValue=1.0),
            tr_noop("People depend on their nearest space within this walking distance; SDG 11.7.1 uses 400 m."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.NEED_WEIGHT, tr("Weight of need (low quality)"),
                                         ProcessingNumberParameterType.Double, 0.5, minValue=0.0),
            tr_noop("Weight of the need part of the priority: 100 minus the quality index."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.PEOPLE_WEIGHT, tr("Weight of people (dependants)"),
                                         ProcessingNumberParameterType.Double, 0.5, minValue=0.0),
            tr_noop("Weight of the people part of the priority: the dependants of a space relative to the surveyed "
                    "space most people depend on. The two weights are scaled to add up to 1."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.MAX_CELL_SIZE, tr("Largest population cell (m)"),
                                         ProcessingNumberParameterType.Double, 100.0, minValue=10.0),
            tr_noop("Population grid cells larger than this are spread evenly over sub-cells of at most this size."),
            advanced=True)
        self.add_parameter(
            QgsProcessingParameterNumber(self.ENTRY_TOLERANCE, tr("Entry tolerance (m)"),
                                         ProcessingNumberParameterType.Double, 25.0, minValue=0.0),
            tr_noop("A street that passes this close to a space's edge has an entrance there, as for walking "
                    "access."), advanced=True)
        self.add_parameter(
            QgsProcessingParameterNumber(self.SNAP_TOLERANCE, tr("Vertex snapping tolerance (m)"),
                                         ProcessingNumberParameterType.Double, 0.01, minValue=0.0001),
            tr_noop("Street vertices closer than this are treated as the same junction."), advanced=True)
        self.add_parameter(
            QgsProcessingParameterBoolean(self.MID_SEGMENT_ENTRANCES, tr("Entrances along streets"), True),
            tr_noop("Find entrances anywhere along a street beside a space, not only at street vertices."),
            advanced=True)
        add_questionnaire_parameter(self)
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Public spaces to upgrade"),
                                              ProcessingSourceType.VectorPolygon),
            tr_noop("Every space in ranking order: id, name, district, whether it was surveyed, quality index, its "
                    "two weakest dimensions, dependants in total and per population group (dep_…), the need and "
                    "people points, the priority and the rank."))
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, tr("Upgrade ranking (table)"),
                                              ProcessingSourceType.Vector),
            tr_noop("The same fields without geometry, for a spreadsheet."))
        self.add_report_parameter(tr_noop(
            "The ranking with the contribution of need and people to each score, a map of the priorities, the "
            "spaces to survey first and the weakest dimensions across the city, in the language of QGIS."))
        self.add_number_outputs([
            ("SPACES_SURVEYED", tr("Spaces with a quality index")),
            ("SPACES_NOT_SURVEYED", tr("Spaces without a quality index")),
            ("POP_TOTAL", tr("Total population")),
            ("POP_DEPENDANTS", tr("Population depending on a space"))])

    def check_values(self, parameters, context) -> list:
        problems = []
        need = self.parameterAsDouble(parameters, self.NEED_WEIGHT, context)
        people = self.parameterAsDouble(parameters, self.PEOPLE_WEIGHT, context)
        if need == 0 and people == 0:
            problems.append(tr("\"{0}\" and \"{1}\" are both 0: give at least one a weight above 0.",
                               self.parameterDefinition(self.NEED_WEIGHT).description(),
                               self.parameterDefinition(self.PEOPLE_WEIGHT).description()))
        for name, high, reason in (
                (self.MAX_DISTANCE, 5000.0, tr_noop("SDG 11.7.1 uses 400 m; beyond 5 km it is no walk to a park")),
                (self.ENTRY_TOLERANCE, 200.0, tr_noop("a street farther than 200 m from a space gives no entrance "
                                                       "to it"))):
            value = self.parameterAsDouble(parameters, name, context)
            if value > high:
                problems.append(tr("\"{0}\" is {1} m: at most {2} m, because {3}.",
                                   self.parameterDefinition(name).description(), f"{value:g}", f"{high:g}",
                                   tr(reason)))
        try:
            questionnaire_parameter(self, parameters, context)
        except HabitatError as error:
            problems.append(str(error))
        return problems


    def process(self, parameters, context, feedback):
        spaces_source = self.required_source(parameters, self.QUALITY, context)
        streets = self.required_source(parameters, self.STREETS, context)
        raster, population, population_fields = self.population_input(parameters, context)
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        need_weight = self.parameterAsDouble(parameters, self.NEED_WEIGHT, context)
        people_weight = self.parameterAsDouble(parameters, self.PEOPLE_WEIGHT, context)
        quality_label = self.input_label(parameters, self.QUALITY, context)

        fields = spaces_source.fields()
        quality_field = self.parameterAsString(parameters, self.QUALITY_FIELD, context) or QUALITY_INDEX
        if fields.lookupField(quality_field) < 0:
            raise HabitatError(tr("The layer \"{0}\" has no field \"{1}\": give the output of Public space quality "
                                  "from a survey, or choose the field with the quality index.", quality_label,
                                  quality_field))
        questionnaire = questionnaire_parameter(self, parameters, context)
        language = content_language()
        dimensions = [d for d in questionnaire.dimensions if fields.lookupField(DIMENSION_PREFIX + d) >= 0]
        labels = [text_in(questionnaire.dimensions[d], language) for d in dimensions]
        if not dimensions:
            feedback.pushWarning(tr("The layer \"{0}\" has none of the dimension fields ({1}): the weakest "
                                    "dimensions are left empty.", quality_label,
                                    ", ".join(DIMENSION_PREFIX + d for d in questionnaire.dimensions)))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        has_submissions = fields.lookupField("submissions") >= 0

        inputs = [spaces_source, streets] + [item for item in (raster, population, districts) if item is not None]
        crs = self.analysis_crs(inputs, parameters, context, feedback)
        transform_context = context.transformContext()

        shapes, ids, names, quality, scores, submitted = [], [], [], [], [], []
        repaired = skipped = 0
        for number, feature in enumerate(features_in_crs(spaces_source, crs, transform_context)):
            if number % 500 == 0 and feedback.isCanceled():
                raise Cancelled()
            shape, state = polygon_shape(feature.geometry())
            repaired += state == "repaired"
            skipped += shape is None
            shapes.append(shape)
            space_id = space_id_text(feature[id_field]) if id_field else None
            ids.append(space_id if space_id is not None else str(feature.id()))
            name = feature[name_field] if name_field else None
            names.append(str(name) if name_field and not is_null(name) and str(name).strip() else ids[-1])
            quality.append(_float(feature[quality_field]))
            scores.append([_float(feature[DIMENSION_PREFIX + d]) for d in dimensions])
            submitted.append(has_submissions and (_float(feature["submissions"]) or 0) > 0)
        self.report_polygons(feedback, tr("public spaces"), repaired, skipped)
        quality = np.array(quality, dtype=float)
        scores = np.array(scores, dtype=float).reshape(len(shapes), len(dimensions))
        out_of_range = np.isfinite(quality) & ((quality < 0) | (quality > 100))
        if out_of_range.any():
            raise HabitatError(tr("The field \"{0}\" of \"{1}\" holds values outside 0–100 (for example {2}): it is "
                                  "not a quality index.", quality_field, quality_label,
                                  f"{quality[out_of_range][0]:g}"))

        lines = walkable_lines(self, streets, parameters, context, feedback, crs)

        points, weights, groups, population_name, _ = population_points(self, parameters, context, feedback, crs)
        check_overlap(np.asarray(points), lines[0], max_distance, population_name,
                      self.input_label(parameters, self.STREETS, context))

        district_shapes, district_names = [], []
        if districts is not None:
            district_shapes, district_names = self.named_polygons(
                districts, self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context), crs, context,
                feedback, tr("districts"))
        feedback.setProgress(10)

        result = space_dependants(
            lines, shapes, points, weights, max_distance=max_distance,
            entry_tolerance=self.parameterAsDouble(parameters, self.ENTRY_TOLERANCE, context),
            tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            mid_segment_entrances=self.parameterAsBool(parameters, self.MID_SEGMENT_ENTRANCES, context),
            districts=district_shapes or None, progress=progress_callback(feedback, 10, 80))
        dependants = result.people[:, 0]
        scored = priority_scores(quality, dependants, need_weight, people_weight)
        weakest, weakest_score = weakest_dimensions(scores)
        space_district = [None] * len(shapes)
        if district_shapes:
            present = [index for index, shape in enumerate(shapes) if shape is not None]
            inside = polygon_of_points([shapes[i].representative_point().coords[0] for i in present],
                                       PolygonSet(district_shapes))
            for index, district in zip(present, inside.tolist()):
                space_district[index] = district_names[district] if district >= 0 else None

        unreached = [names[i] for i, shape in enumerate(shapes) if shape is not None and result.entrances[i] == 0]
        if unreached:
            feedback.pushWarning(tr("{0} spaces have no street within the entry tolerance, so nobody reaches them on "
                                    "foot: {1}.", len(unreached), _listed(unreached)))
        if result.far_from_streets_population > 0:
            feedback.pushWarning(tr("{0} people live farther than {1} m from any street and depend on no space: "
                                    "check that the streets cover the whole population input.",
                                    _round(result.far_from_streets_population), f"{max_distance:g}"))
        surveyed = scored.surveyed
        incomplete = int(sum(1 for i in range(len(shapes)) if submitted[i] and not surveyed[i]))
        feedback.pushInfo(tr("{0} of {1} spaces have a quality index; {2} people of {3} depend on a space within "
                             "{4} m.", int(surveyed.sum()), len(shapes), _round(dependants.sum()),
                             _round(weights[:, 0].sum()), f"{max_distance:g}"))
        if (~surveyed).any():
            feedback.pushWarning(tr("{0} spaces have no quality index ({1} of them surveyed with a dimension "
                                    "unanswered): they have no priority and are listed last; {2} people depend on "
                                    "them. Survey these first.", int((~surveyed).sum()), incomplete,
                                    _round(dependants[~surveyed].sum())))

        group_fields = _group_fields(groups)
        rows = []
        for index in np.argsort(scored.rank, kind="stable"):
            first, second = weakest[index]
            rows.append([ids[index], names[index], space_district[index], int(surveyed[index]),
                         _number(quality[index]),
                         labels[first] if first >= 0 else None, _number(weakest_score[index, 0]),
                         labels[second] if second >= 0 else None, _number(weakest_score[index, 1]),
                         float(dependants[index])] + [float(v) for v in result.people[index]] +
                        [_number(scored.need_pts[index]), _number(scored.people_pts[index]),
                         _number(scored.priority[index]), int(scored.rank[index])])
        order = np.argsort(scored.rank, kind="stable")
        outputs = {
            self.OUTPUT: self.write_spaces(parameters, context, crs, group_fields, rows, [shapes[i] for i in order]),
            self.OUTPUT_TABLE: self.write_table(parameters, context, group_fields, rows),
        }
        feedback.setProgress(90)
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = upgrade_report(
                report_path, rows, [shapes[i] for i in order], labels, weakest_summary(scores, surveyed, dependants),
                groups, result, surveyed, weights, district_shapes, district_names, max_distance, need_weight,
                people_weight, incomplete, feedback)
        feedback.setProgress(100)
        outputs.update({"SPACES_SURVEYED": int(surveyed.sum()), "SPACES_NOT_SURVEYED": int((~surveyed).sum()),
                        "POP_TOTAL": float(weights[:, 0].sum()), "POP_DEPENDANTS": float(dependants.sum())})
        return outputs

    @staticmethod
    def output_fields(group_fields):
        fields = QgsFields()
        for name, kind in ([("space_id", TEXT), ("name", TEXT), ("district", TEXT),
                            ("surveyed", INT), ("quality_index", DOUBLE),
                            ("weakest_1", TEXT), ("weakest_1_score", DOUBLE),
                            ("weakest_2", TEXT), ("weakest_2_score", DOUBLE),
                            ("dependants", DOUBLE)] + [(name, DOUBLE) for name in group_fields] +
                           [("need_pts", DOUBLE), ("people_pts", DOUBLE),
                            ("priority", DOUBLE), ("rank", INT)]):
            fields.append(QgsField(name, kind))
        return fields

    def write_spaces(self, parameters, context, crs, group_fields, rows, shapes):
        fields = self.output_fields(group_fields)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        text = text_guard(self, parameters, self.OUTPUT, context)
        for row, shape in zip(rows, shapes):
            feature = QgsFeature(fields)
            geometry = from_shapely(shape) if shape is not None else QgsGeometry()
            if shape is not None:
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([text(value) for value in row])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.name = tr("Public spaces to upgrade")
            processor = PriorityStyle(details.name, tr("No quality index: survey first"))
            POST_PROCESSORS[dest_id] = processor
            details.setPostProcessor(processor)
        return dest_id

    def write_table(self, parameters, context, group_fields, rows):
        fields = self.output_fields(group_fields)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_TABLE, context, fields, WkbType.NoGeometry,
                                         None)
        text = text_guard(self, parameters, self.OUTPUT_TABLE, context)
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([text(value) for value in row])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Upgrade ranking"))
        return dest_id


class PriorityStyle(StyleOnLoad):
    """Priority in graduated reds, and the spaces without a priority (no quality index) in grey, which a graduated
    renderer would leave undrawn: the graduated classes become rules, with one more rule for them."""

    def __init__(self, layer_name, not_surveyed_label):
        super().__init__("", layer_name, renderer=Graduated("priority", REDS, decimals=0))
        self.not_surveyed_label = not_surveyed_label

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        super().postProcessLayer(layer, context, feedback)
        if layer is None or not layer.isSpatial() or layer.fields().indexOf("priority") < 0:
            return
        graduated = layer.renderer()
        if graduated is not None and graduated.type() == "graduatedSymbol":
            renderer = QgsRuleBasedRenderer.convertFromRenderer(graduated)
        else:  # no space has a priority
            renderer = QgsRuleBasedRenderer(QgsRuleBasedRenderer.Rule(None))
        grey = symbol_for(layer, NOT_SURVEYED_COLOUR)
        renderer.rootRule().appendChild(QgsRuleBasedRenderer.Rule(grey, 0, 0, '"priority" IS NULL',
                                                                  self.not_surveyed_label))
        layer.setRenderer(renderer)
        layer.triggerRepaint()


def upgrade_report(path, rows, shapes, labels, summary, groups, result, surveyed, weights, district_shapes,
                   district_names, max_distance, need_weight, people_weight, incomplete, feedback=None):
    """The HTML report: rows are the output rows in ranking order, ``shapes`` their polygons."""
    report = Report(tr("Public spaces to upgrade first"), qgis_locale())
    n_groups = len(groups)
    ranked = [row for row in rows if row[3] == 1]
    unsurveyed = [row for row in rows if row[3] == 0]
    total = float(weights[:, 0].sum())
    dependants = result.people[:, 0]
    report.paragraph(tr("Each surveyed public space is scored for upgrading from its quality index and the people "
                        "who depend on it: those whose nearest space it is along the street network, within {0} m "
                        "walking distance.", f"{max_distance:g}"))
    report.indicator(tr("Spaces with a quality index"), float(len(ranked)), tr("of {0} spaces", len(rows)),
                     decimals=0)
    report.indicator(tr("People depending on a surveyed space"), float(dependants[surveyed].sum()),
                     tr("of {0} people", _round(total)), decimals=0)
    report.indicator(tr("People depending on a space without a quality index"), float(dependants[~surveyed].sum()),
                     tr("people"), decimals=0)

    priority_column = 10 + n_groups + 2
    layers = [([s for s, r in zip(shapes, rows) if s is not None and r[3] == 0],
               {"fill": NOT_SURVEYED_COLOUR, "edge": "#757575", "width": 0.3})]
    legend = []
    for (low, high), colour in zip(PRIORITY_CLASSES, REDS):
        style = {"fill": colour, "edge": "#424242", "width": 0.3}
        layers.append(([s for s, r in zip(shapes, rows) if s is not None and r[3] == 1
                        and low <= r[priority_column] < high], style))
        legend.insert(0, (tr("Priority {0}–{1}", f"{low:g}", f"{min(high, 100):g}"), style))
    if layers[0][0]:
        legend.append((tr("No quality index: survey first"), layers[0][1]))
    outline = (district_shapes, tr("Districts")) if district_shapes else None
    add_chart(report, map_image(layers, tr("Upgrade priority of the public spaces"), legend, outline=outline),
              feedback, tr("Upgrade priority"))

    report.heading(tr("Ranking"))
    if ranked:
        report.table([tr("Rank"), tr("Space"), tr("District"), tr("Quality index"), tr("Dependants"),
                      tr("Need (points)"), tr("People (points)"), tr("Priority"), tr("Weakest dimension"),
                      tr("Second weakest")],
                     [[str(r[-1]), r[1], r[2] or "", r[4], r[9], r[priority_column - 2], r[priority_column - 1],
                       r[priority_column], _weak(r[5], r[6]), _weak(r[7], r[8])] for r in ranked], "{:,.0f}")
        top = ranked[:CHART_SPACES]
        add_chart(report, contribution_chart([f"{r[-1]}. {r[1]}" for r in top], [r[priority_column - 2] for r in top],
                                             [r[priority_column - 1] for r in top],
                                             tr("What makes up each priority score"),
                                             tr("Need: low quality"), tr("People: dependants"),
                                             tr("Priority (0–100)")), feedback, tr("Ranking"))
    else:
        report.paragraph(tr("No space has a quality index: run Public space quality from a survey on a survey of "
                            "these spaces first."))

    report.heading(tr("Survey these first"))
    if unsurveyed:
        report.paragraph(tr("These spaces have no quality index — never surveyed, or a dimension left unanswered "
                            "({0} of them) — so they have no priority. Most dependants first.", incomplete))
        report.table([tr("Space"), tr("District"), tr("Dependants")],
                     [[r[1], r[2] or "", r[9]] for r in unsurveyed], "{:,.0f}")
    else:
        report.paragraph(tr("Every space has a quality index."))

    report.heading(tr("Weakest dimensions across the city"))
    if labels and ranked:
        report.table([tr("Dimension"), tr("Spaces where it is the weakest"), tr("Their dependants"),
                      tr("Mean score"), tr("Mean score weighted by dependants")],
                     [[label, float(count), people, mean, weighted]
                      for label, (count, people, mean, weighted) in zip(labels, summary)], "{:,.0f}")
        report.paragraph(tr("A space whose lowest score is shared by several dimensions counts for each of them."),
                         css="note")
        worst = max(range(len(labels)), key=lambda i: (summary[i][1], summary[i][0]))
        report.paragraph(tr("\"{0}\" is the weakest dimension of the spaces most people depend on ({1} people).",
                            labels[worst], _round(summary[worst][1])))
    else:
        report.paragraph(tr("No dimension scores to compare."))

    report.heading(tr("Dependants by population group"))
    served = result.point_space >= 0
    on_surveyed = served & surveyed[np.maximum(result.point_space, 0)]
    report.table([tr("Population group"), tr("Population"), tr("On a surveyed space"),
                  tr("On a space without a quality index"), tr("Beyond the walking distance")],
                 [[group_label(group), float(weights[:, g].sum()), float(weights[on_surveyed, g].sum()),
                   float(weights[served & ~on_surveyed, g].sum()), float(weights[~served, g].sum())]
                  for g, group in enumerate(groups)], "{:,.0f}")
    if district_shapes:
        report.heading(tr("Residents by district"))
        report.table([tr("District"), tr("Population"), tr("On a surveyed space"),
                      tr("On a space without a quality index"), tr("Beyond the walking distance")],
                     [[name] + list(values) for name, values in
                      zip(district_names, district_dependants(result.point_district, result.point_space, surveyed,
                                                              weights, len(district_names)))], "{:,.0f}")

    report.heading(tr("Method"))
    report.paragraph(tr("The city-wide public space assessment guide (UN-Habitat 2020) asks to determine the public "
                        "spaces that need upgrading but publishes no formula. Here the priority is the need part, "
                        "(100 − quality index) × {0}, plus the people part, dependants ÷ most dependants of a "
                        "surveyed space × 100 × {1} (weights {2} and {3}, scaled to add up to 1). Dependants are "
                        "measured on the walking network of SDG 11.7.1 (b): each person depends on the one space "
                        "nearest along the streets within the walking distance, so the dependants of all spaces add "
                        "up to the population served. Equal scores are ordered by dependants.",
                        f"{need_weight / (need_weight + people_weight):.2f}",
                        f"{people_weight / (need_weight + people_weight):.2f}", f"{need_weight:g}",
                        f"{people_weight:g}"), css="note")
    return report.save(path, footer())


def _group_fields(groups):
    """dep_<group> field names: lower case letters, digits and underscores, each used once."""
    names = []
    for number, group in enumerate(groups, start=1):
        stem = re.sub(r"[^0-9a-z_]+", "_", str(group).lower()).strip("_") or f"group_{number}"
        name = f"dep_{stem}"
        while name in names:
            name += f"_{number}"
        names.append(name)
    return names


def _float(value):
    if is_null(value):
        return math.nan
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _number(value):
    return None if value is None or not math.isfinite(float(value)) else float(value)


def _weak(label, score):
    return "—" if label is None else f"{label} ({score:.0f})"


def _round(value: float) -> str:
    return f"{value:,.0f}"


def _listed(names, limit=20) -> str:
    return ", ".join(names[:limit]) + (" …" if len(names) > limit else "")
