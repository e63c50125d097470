"""habitat:publicspaceupgrade — which existing public spaces to upgrade first: quality and the people who depend on
each space."""

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
from ...core.public_space.access import check_overlap
from ...core.public_space.report_action import NOT_SURVEYED_COLOUR, upgrade_report
from ...core.public_space.report_values import listed, number_or_nan, whole_number
from ...core.public_space.scorecard import located
from ...core.public_space.survey import text_in
from ...core.public_space.upgrade import (
    group_fields,
    priority_scores,
    ranking_rows,
    space_dependants,
    weakest_summary,
)
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...i18n import content_language
from ...qgis_io import features_in_crs, from_shapely, polygon_shape
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import POST_PROCESSORS, StyleOnLoad, is_null
from ..parameters import add_population_parameters, add_road_class_parameters
from ..styles import REDS, Graduated, symbol_for
from .osm_tags import text_guard
from .population_input import population_points
from .public_space_quality import DIMENSION_PREFIX
from .questionnaire import add_questionnaire_parameter, questionnaire_parameter, space_id_text
from .walking import walkable_lines

QUALITY_INDEX = "quality_index"


class PublicSpaceUpgradeAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspaceupgrade"
    DISPLAY_NAME = tr_noop("Public spaces to upgrade first")
    GROUP_ID = "publicspace"
    TAGS = (
        tr_noop("upgrade"),
        tr_noop("priority"),
        tr_noop("public space quality"),
        tr_noop("walking distance"),
        tr_noop("population"),
    )
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
        "dimension unanswered) get no score: they are listed last, most dependants first, to be surveyed first."
    )

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
            QgsProcessingParameterFeatureSource(
                self.QUALITY, tr("Public space quality (polygons)"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop(
                "The output of Public space quality from a survey: the public spaces with their quality index "
                "(empty when not surveyed) and one score field per dimension (q_accessibility, q_use …). Give "
                "only the spaces open to the public (select them, or filter the layer as for walking access): "
                "a gated garden would otherwise take the people nearest to it as its dependants."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.ID_FIELD, tr("Space id field"), parentLayerParameterName=self.QUALITY, optional=True
            ),
            tr_noop("Field with the space ids; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Space name field"), parentLayerParameterName=self.QUALITY, optional=True
            ),
            tr_noop("Field with the space names, for the ranking; the space id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.QUALITY_FIELD,
                tr("Quality index field"),
                QUALITY_INDEX,
                parentLayerParameterName=self.QUALITY,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop(
                "Field with the 0-100 quality index; quality_index (as Public space quality from a survey "
                "writes it) when empty. Spaces where it is empty count as not surveyed."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STREETS, tr("Street network (lines)"), [ProcessingSourceType.VectorLine]
            ),
            tr_noop("Street centre-lines, as for walking access. Lines that share a vertex are connected."),
        )
        add_road_class_parameters(
            self,
            field_help=tr_noop(
                "Field of the streets with the road class, to leave out the classes below (as walking access "
                "does). A field named walkable with 0 leaves a street out as well."
            ),
        )
        add_population_parameters(self)
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS, tr("Districts (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop(
                "Districts or wards: each space gets the district that holds it, and the report counts the "
                "residents of each district by the kind of space they depend on."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.DISTRICT_NAME_FIELD,
                tr("District name field"),
                parentLayerParameterName=self.DISTRICTS,
                optional=True,
            ),
            tr_noop("Field with the district names; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE, tr("Walking distance (m)"), ProcessingNumberParameterType.Double, 400.0, minValue=1.0
            ),
            tr_noop("People depend on their nearest space within this walking distance; SDG 11.7.1 uses 400 m."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.NEED_WEIGHT,
                tr("Weight of need (low quality)"),
                ProcessingNumberParameterType.Double,
                0.5,
                minValue=0.0,
            ),
            tr_noop("Weight of the need part of the priority: 100 minus the quality index."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.PEOPLE_WEIGHT,
                tr("Weight of people (dependants)"),
                ProcessingNumberParameterType.Double,
                0.5,
                minValue=0.0,
            ),
            tr_noop(
                "Weight of the people part of the priority: the dependants of a space relative to the surveyed "
                "space most people depend on. The two weights are scaled to add up to 1."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_CELL_SIZE,
                tr("Largest population cell (m)"),
                ProcessingNumberParameterType.Double,
                100.0,
                minValue=10.0,
            ),
            tr_noop("Population grid cells larger than this are spread evenly over sub-cells of at most this size."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.ENTRY_TOLERANCE,
                tr("Entry tolerance (m)"),
                ProcessingNumberParameterType.Double,
                25.0,
                minValue=0.0,
            ),
            tr_noop("A street that passes this close to a space's edge has an entrance there, as for walking access."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                tr("Vertex snapping tolerance (m)"),
                ProcessingNumberParameterType.Double,
                0.01,
                minValue=0.0001,
            ),
            tr_noop("Street vertices closer than this are treated as the same junction."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.MID_SEGMENT_ENTRANCES, tr("Entrances along streets"), True),
            tr_noop("Find entrances anywhere along a street beside a space, not only at street vertices."),
            advanced=True,
        )
        add_questionnaire_parameter(self)
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Public spaces to upgrade"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop(
                "Every space in ranking order: id, name, district, whether it was surveyed, quality index, its "
                "two weakest dimensions, dependants in total and per population group (dep_…), the need and "
                "people points, the priority and the rank."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, tr("Upgrade ranking (table)"), ProcessingSourceType.Vector
            ),
            tr_noop("The same fields without geometry, for a spreadsheet."),
        )
        self.add_report_parameter(
            tr_noop(
                "The ranking with the contribution of need and people to each score, a map of the priorities, the "
                "spaces to survey first and the weakest dimensions across the city, in the language of QGIS."
            )
        )
        self.add_number_outputs(
            [
                ("SPACES_SURVEYED", tr("Spaces with a quality index")),
                ("SPACES_NOT_SURVEYED", tr("Spaces without a quality index")),
                ("POP_TOTAL", tr("Total population")),
                ("POP_DEPENDANTS", tr("Population depending on a space")),
            ]
        )

    def check_values(self, parameters, context) -> list:
        problems = []
        need = self.parameterAsDouble(parameters, self.NEED_WEIGHT, context)
        people = self.parameterAsDouble(parameters, self.PEOPLE_WEIGHT, context)
        if need == 0 and people == 0:
            problems.append(
                tr(
                    '"{0}" and "{1}" are both 0: give at least one a weight above 0.',
                    self.parameterDefinition(self.NEED_WEIGHT).description(),
                    self.parameterDefinition(self.PEOPLE_WEIGHT).description(),
                )
            )
        problems += self.distance_limits(parameters, context, ["MAX_DISTANCE", "ENTRY_TOLERANCE"])
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
            raise HabitatError(
                tr(
                    'The layer "{0}" has no field "{1}": give the output of Public space quality '
                    "from a survey, or choose the field with the quality index.",
                    quality_label,
                    quality_field,
                )
            )
        questionnaire = questionnaire_parameter(self, parameters, context)
        language = content_language()
        dimensions = [d for d in questionnaire.dimensions if fields.lookupField(DIMENSION_PREFIX + d) >= 0]
        labels = [text_in(questionnaire.dimensions[d], language) for d in dimensions]
        if not dimensions:
            feedback.pushWarning(
                tr(
                    'The layer "{0}" has none of the dimension fields ({1}): the weakest dimensions are left empty.',
                    quality_label,
                    ", ".join(DIMENSION_PREFIX + d for d in questionnaire.dimensions),
                )
            )
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
            quality.append(number_or_nan(feature[quality_field]))
            scores.append([number_or_nan(feature[DIMENSION_PREFIX + d]) for d in dimensions])
            submitted.append(has_submissions and (number_or_nan(feature["submissions"]) or 0) > 0)
        self.report_polygons(feedback, tr("public spaces"), repaired, skipped)
        quality = np.array(quality, dtype=float)
        scores = np.array(scores, dtype=float).reshape(len(shapes), len(dimensions))
        out_of_range = np.isfinite(quality) & ((quality < 0) | (quality > 100))
        if out_of_range.any():
            raise HabitatError(
                tr(
                    'The field "{0}" of "{1}" holds values outside 0–100 (for example {2}): it is not a quality index.',
                    quality_field,
                    quality_label,
                    f"{quality[out_of_range][0]:g}",
                )
            )

        lines = walkable_lines(self, streets, parameters, context, feedback, crs)

        points, weights, groups, population_name, _ = population_points(self, parameters, context, feedback, crs)
        check_overlap(
            np.asarray(points),
            lines[0],
            max_distance,
            population_name,
            self.input_label(parameters, self.STREETS, context),
        )

        district_shapes, district_names = [], []
        if districts is not None:
            district_shapes, district_names = self.named_polygons(
                districts,
                self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context),
                crs,
                context,
                feedback,
                tr("districts"),
            )
        feedback.setProgress(10)

        result = space_dependants(
            lines,
            shapes,
            points,
            weights,
            max_distance=max_distance,
            entry_tolerance=self.parameterAsDouble(parameters, self.ENTRY_TOLERANCE, context),
            tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            mid_segment_entrances=self.parameterAsBool(parameters, self.MID_SEGMENT_ENTRANCES, context),
            districts=district_shapes or None,
            progress=progress_callback(feedback, 10, 80),
        )
        dependants = result.people[:, 0]
        scored = priority_scores(quality, dependants, need_weight, people_weight)
        owner, _ = located(shapes, None, district_shapes, district_names)
        space_district = [district_names[district] if district >= 0 else None for district in owner.tolist()]

        unreached = [names[i] for i, shape in enumerate(shapes) if shape is not None and result.entrances[i] == 0]
        if unreached:
            feedback.pushWarning(
                tr(
                    "{0} spaces have no street within the entry tolerance, so nobody reaches them on foot: {1}.",
                    len(unreached),
                    listed(unreached),
                )
            )
        if result.far_from_streets_population > 0:
            feedback.pushWarning(
                tr(
                    "{0} people live farther than {1} m from any street and depend on no space: "
                    "check that the streets cover the whole population input.",
                    whole_number(result.far_from_streets_population),
                    f"{max_distance:g}",
                )
            )
        surveyed = scored.surveyed
        incomplete = int(sum(1 for i in range(len(shapes)) if submitted[i] and not surveyed[i]))
        feedback.pushInfo(
            tr(
                "{0} of {1} spaces have a quality index; {2} people of {3} depend on a space within {4} m.",
                int(surveyed.sum()),
                len(shapes),
                whole_number(dependants.sum()),
                whole_number(weights[:, 0].sum()),
                f"{max_distance:g}",
            )
        )
        if (~surveyed).any():
            feedback.pushWarning(
                tr(
                    "{0} spaces have no quality index ({1} of them surveyed with a dimension "
                    "unanswered): they have no priority and are listed last; {2} people depend on "
                    "them. Survey these first.",
                    int((~surveyed).sum()),
                    incomplete,
                    whole_number(dependants[~surveyed].sum()),
                )
            )

        dependant_fields = group_fields(groups)
        rows, order = ranking_rows(ids, names, space_district, quality, labels, scores, result, scored)
        outputs = {
            self.OUTPUT: self.write_spaces(
                parameters, context, crs, dependant_fields, rows, [shapes[i] for i in order]
            ),
            self.OUTPUT_TABLE: self.write_table(parameters, context, dependant_fields, rows),
        }
        feedback.setProgress(90)
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = upgrade_report(
                report_path,
                rows,
                [shapes[i] for i in order],
                labels,
                weakest_summary(scores, surveyed, dependants),
                groups,
                result,
                surveyed,
                weights,
                district_shapes,
                district_names,
                max_distance,
                need_weight,
                people_weight,
                incomplete,
                settings=self.report_settings(feedback),
            )
        feedback.setProgress(100)
        outputs.update(
            {
                "SPACES_SURVEYED": int(surveyed.sum()),
                "SPACES_NOT_SURVEYED": int((~surveyed).sum()),
                "POP_TOTAL": float(weights[:, 0].sum()),
                "POP_DEPENDANTS": float(dependants.sum()),
            }
        )
        return outputs

    @staticmethod
    def output_fields(group_fields):
        fields = QgsFields()
        for name, kind in (
            [
                ("space_id", TEXT),
                ("name", TEXT),
                ("district", TEXT),
                ("surveyed", INT),
                ("quality_index", DOUBLE),
                ("weakest_1", TEXT),
                ("weakest_1_score", DOUBLE),
                ("weakest_2", TEXT),
                ("weakest_2_score", DOUBLE),
                ("dependants", DOUBLE),
            ]
            + [(name, DOUBLE) for name in group_fields]
            + [("need_pts", DOUBLE), ("people_pts", DOUBLE), ("priority", DOUBLE), ("rank", INT)]
        ):
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
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_TABLE, context, fields, WkbType.NoGeometry, None)
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
        renderer.rootRule().appendChild(
            QgsRuleBasedRenderer.Rule(grey, 0, 0, '"priority" IS NULL', self.not_surveyed_label)
        )
        layer.setRenderer(renderer)
        layer.triggerRepaint()
