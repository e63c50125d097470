"""habitat:publicspaceinventory — the cleaned city-wide inventory of open public spaces and its district summary."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...compat import DOUBLE, INT, TEXT, ProcessingSourceType, WkbType
from ...core.public_space.inventory import (
    CATEGORIES,
    DEFAULT_SIZE_THRESHOLDS_HA,
    DEFAULT_TYPE_MAPPING,
    NOT_COUNTED,
    classify_spaces,
    district_population,
    district_summary,
    main_districts,
    reason_text,
    size_class_labels,
    size_classes,
    type_mapping,
)
from ...core.text import Cancelled, HabitatError, number_list, tr, tr_noop
from ...qgis_io import features_in_crs, from_shapely, polygon_shape, raster_population
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields, is_null

ADDED_FIELDS = [
    ("category", TEXT),
    ("category_label", TEXT),
    ("counted", INT),
    ("not_counted_reason", TEXT),
    ("area_m2", DOUBLE),
    ("area_ha", DOUBLE),
    ("size_class", TEXT),
    ("district", TEXT),
    ("repaired", INT),
]


class PublicSpaceInventoryAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspaceinventory"
    DISPLAY_NAME = tr_noop("Public space inventory")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("inventory"), tr_noop("public space"), tr_noop("SDG 11.7.1"), tr_noop("district"))
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "Builds the city-wide inventory of open public spaces from polygons of any source. Each space gets one of "
        "the five SDG 11.7.1 types (park, civic park, square, recreational green area, public facility open "
        "area) through the type mapping, or is marked as not counted with the reason: another type, a type value "
        "the mapping does not know, restricted access (private or no) or an entry fee. Invalid polygons are "
        "repaired and counted; features without a usable polygon are kept in the output and flagged. Area (m², "
        "ha), size class (thresholds editable) and district are added. The summary gives, per district and type, "
        "the number of counted spaces, their area, their share of the district's area and, with a population "
        "grid, the m² of public space per inhabitant."
    )

    INPUT = "INPUT"
    TYPE_FIELD = "TYPE_FIELD"
    TYPE_MAPPING = "TYPE_MAPPING"
    ACCESS_FIELD = "ACCESS_FIELD"
    FEE_FIELD = "FEE_FIELD"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    POPULATION_RASTER = "POPULATION_RASTER"
    SIZE_THRESHOLDS = "SIZE_THRESHOLDS"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Public spaces (polygons)"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop("Open space polygons from any source: land-use plans, field survey, OpenStreetMap."),
        )
        self.add_parameter(
            QgsProcessingParameterField(self.TYPE_FIELD, tr("Type field"), parentLayerParameterName=self.INPUT),
            tr_noop("Field whose values say what each space is (park, square, private garden…)."),
        )
        self.add_parameter(
            QgsProcessingParameterMatrix(
                self.TYPE_MAPPING,
                tr("Type mapping"),
                numberRows=0,
                hasFixedNumberRows=False,
                headers=[tr("Value"), tr("Category")],
                defaultValue=[v for pair in DEFAULT_TYPE_MAPPING.items() for v in pair],
                optional=True,
            ),
            tr_noop(
                "Type field values (case ignored) and their category: park, civic_park, square, "
                "recreational_green, public_facility or not_counted. Values not listed are reported."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.ACCESS_FIELD, tr("Access field"), parentLayerParameterName=self.INPUT, optional=True
            ),
            tr_noop("Spaces whose access is private or no do not count (the OpenStreetMap access values)."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.FEE_FIELD, tr("Fee field"), parentLayerParameterName=self.INPUT, optional=True
            ),
            tr_noop("Spaces with an entry fee (yes) do not count: open public space is free for all."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS, tr("Districts (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop(
                "Districts or wards: each space gets the district it overlaps most; the summary has a row set "
                "per district."
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
            QgsProcessingParameterRasterLayer(
                self.POPULATION_RASTER, tr("Population grid (raster, optional)"), optional=True
            ),
            tr_noop("Persons per cell (band 1: total), for the m² of public space per inhabitant of each district."),
        )
        self.add_parameter(
            QgsProcessingParameterString(
                self.SIZE_THRESHOLDS,
                tr("Size class thresholds (ha)"),
                ", ".join(f"{v:g}" for v in DEFAULT_SIZE_THRESHOLDS_HA),
            ),
            tr_noop(
                "Increasing areas in hectares separating the size classes, comma-separated. The default "
                "0.1, 0.5, 2, 10 makes pocket, small, neighbourhood, district and city-wide spaces."
            ),
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Public space inventory"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop(
                "Every input feature with its category, whether it counts and why not, area, size class and district."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY, tr("Public space by district and type"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "Counted spaces per district and type: number, area, share of the district area and m² per inhabitant."
            ),
        )
        self.add_number_outputs(
            [
                ("COUNTED", tr("Counted public spaces")),
                ("COUNTED_AREA_HA", tr("Counted public space area (ha)")),
                ("NOT_COUNTED", tr("Spaces not counted")),
                ("REPAIRED", tr("Repaired geometries")),
            ]
        )

    def check_values(self, parameters, context) -> list:
        """The size thresholds and the type mapping, read as the run reads them."""
        problems = []
        for read in (
            lambda: parse_thresholds(self.parameterAsString(parameters, self.SIZE_THRESHOLDS, context)),
            lambda: self.type_mapping(parameters, context),
        ):
            try:
                read()
            except HabitatError as error:
                problems.append(str(error))
        return problems

    def process(self, parameters, context, feedback):
        source = self.required_source(parameters, self.INPUT, context)
        type_field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
        access_field = self.parameterAsString(parameters, self.ACCESS_FIELD, context)
        fee_field = self.parameterAsString(parameters, self.FEE_FIELD, context)
        mapping = self.type_mapping(parameters, context)
        thresholds = parse_thresholds(self.parameterAsString(parameters, self.SIZE_THRESHOLDS, context))
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        raster = self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context)
        if source.sourceExtent().isNull():  # nothing to place: said here, naming the layer, not as "no extent"
            raise HabitatError(
                tr(
                    'No feature of "{0}" has a usable polygon (all are without geometry, empty or without area).',
                    self.input_label(parameters, self.INPUT, context),
                )
            )
        inputs = [item for item in (source, districts, raster) if item is not None]
        crs = self.analysis_crs(inputs, parameters, context, feedback)
        transform = context.transformContext()

        records = []  # (feature, shape or None, repaired)
        repaired = unusable = 0
        for number, feature in enumerate(features_in_crs(source, crs, transform)):
            if number % 500 == 0 and feedback.isCanceled():
                raise Cancelled()
            shape, state = polygon_shape(feature.geometry())  # tolerates the broken rings of OSM extracts
            fixed = state == "repaired"
            repaired += int(fixed and shape is not None)
            unusable += int(shape is None)
            records.append((feature, shape, fixed))
        if unusable == len(records):
            raise HabitatError(
                tr(
                    'No feature of "{0}" has a usable polygon (all are without geometry, empty or without area).',
                    self.input_label(parameters, self.INPUT, context),
                )
            )
        if unusable:
            feedback.pushWarning(
                tr(
                    "{0} spaces have no usable polygon (no geometry, empty, or no area after repair): "
                    "they are kept in the inventory, flagged, and not counted.",
                    unusable,
                )
            )
        replaced = [
            field.name()
            for field in source.fields()
            if field.name().lower() in {name.lower() for name, _ in ADDED_FIELDS}
        ]
        if replaced:
            feedback.pushWarning(
                tr("The input fields {0} are replaced in the inventory by the fields it computes.", ", ".join(replaced))
            )
        feedback.setProgress(30)

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

        if district_shapes:
            from shapely.ops import unary_union

            placed = [shape for _, shape, _ in records if shape is not None]
            if not unary_union(district_shapes).intersection(unary_union(placed)).area > 0:
                raise HabitatError(
                    tr(
                        'The districts "{0}" and the public spaces "{1}" do not overlap: no space '
                        "lies in any district. Check that both cover the same place and that each "
                        "layer's coordinate system is right.",
                        self.input_label(parameters, self.DISTRICTS, context),
                        self.input_label(parameters, self.INPUT, context),
                    )
                )
            union = unary_union(district_shapes)
            beyond = sum(1 for shape in placed if not shape.intersection(union).area > 0)
            if beyond:
                feedback.pushWarning(
                    tr("{0} spaces lie in no district: the summary by district leaves them out.", beyond)
                )

        classified = classify_spaces(
            [_value(feature, type_field) for feature, _, _ in records],
            mapping,
            [_value(feature, access_field) for feature, _, _ in records],
            [_value(feature, fee_field) for feature, _, _ in records],
            [shape is not None for _, shape, _ in records],
        )
        categories, counted, reasons = classified.categories, classified.counted, classified.reasons
        if classified.untyped:
            feedback.pushWarning(
                tr('{0} spaces have no value in the type field "{1}": not counted.', classified.untyped, type_field)
            )
        for value, count in sorted(classified.unknown.items()):
            feedback.pushWarning(
                tr(
                    'Type value "{0}" ({1} spaces) is not in the type mapping: not counted. Add '
                    "it to the mapping if it is an open public space.",
                    value,
                    count,
                )
            )

        population = None
        if raster is not None and not district_shapes:
            feedback.pushWarning(
                tr(
                    'The population grid "{0}" is only used per district: give the districts too.',
                    self.input_label(parameters, self.POPULATION_RASTER, context),
                )
            )
        if raster is not None and district_shapes:
            points, weights, _, _, _ = raster_population(raster, crs, transform)
            population = district_population(points, weights, district_shapes)
            if not sum(population) > 0:
                feedback.pushWarning(
                    tr(
                        'The population grid "{0}" has no people inside the districts: the '
                        "space per person is left empty.",
                        self.input_label(parameters, self.POPULATION_RASTER, context),
                    )
                )
                population = None
        feedback.setProgress(60)

        shapes = [shape for _, shape, _ in records]
        valid = [i for i, shape in enumerate(shapes) if shape is not None]
        summary = district_summary(
            [shapes[i] for i in valid],
            [categories[i] for i in valid],
            [counted[i] for i in valid],
            district_shapes,
            district_names,
            population,
            tr("Whole city"),
            progress_callback(feedback, 60, 80),
        )
        outputs = {
            self.OUTPUT: self.write_inventory(
                parameters,
                context,
                source,
                records,
                categories,
                counted,
                reasons,
                thresholds,
                district_shapes,
                district_names,
                crs,
                progress_callback(feedback, 80, 100),
            ),
            self.OUTPUT_SUMMARY: self.write_summary(parameters, context, summary),
        }
        counted_area = sum(shape.area for shape, is_counted in zip(shapes, counted) if is_counted)
        outputs.update(
            {
                "COUNTED": sum(counted),
                "COUNTED_AREA_HA": counted_area / 1e4,
                "NOT_COUNTED": len(records) - sum(counted),
                "REPAIRED": repaired,
            }
        )
        if repaired:
            feedback.pushWarning(tr("{0} invalid polygons were repaired ({1}).", repaired, tr("public spaces")))
        feedback.pushInfo(
            tr(
                "{0} of {1} spaces count as open public space, {2} ha in all.",
                sum(counted),
                len(records),
                f"{counted_area / 1e4:,.1f}",
            )
        )
        return outputs

    def type_mapping(self, parameters, context):
        return type_mapping(self.parameterAsMatrix(parameters, self.TYPE_MAPPING, context))

    def write_inventory(
        self,
        parameters,
        context,
        source,
        records,
        categories,
        counted,
        reasons,
        thresholds,
        district_shapes,
        district_names,
        crs,
        progress=None,
    ):
        fields, kept = extended_fields(source.fields(), ADDED_FIELDS)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        labels = size_class_labels(thresholds)
        half = (lambda fraction: progress(fraction / 2)) if progress is not None else None
        in_district = main_districts([shape for _, shape, _ in records], district_shapes, half)
        for number, ((feature, shape, fixed), category, is_counted, reason, owner) in enumerate(
            zip(records, categories, counted, reasons, in_district)
        ):
            if progress is not None and number % 200 == 0:
                progress(0.5 + number / len(records) / 2)  # raises Cancelled on cancel
            out = QgsFeature(fields)
            area = shape.area if shape is not None else None
            district = district_names[owner] if owner >= 0 else None
            if shape is not None:
                geometry = from_shapely(shape)
                geometry.convertToMultiType()
                out.setGeometry(geometry)
            else:
                out.setGeometry(QgsGeometry())
            label = tr(CATEGORIES[category]) if category in CATEGORIES else tr("Not counted")
            out.setAttributes(
                [feature[field.name()] for field in kept]
                + [
                    category,
                    label,
                    int(is_counted),
                    reason_text(reason),
                    area,
                    area / 1e4 if area is not None else None,
                    labels[int(size_classes([area / 1e4], thresholds)[0])] if area is not None else None,
                    district,
                    int(fixed),
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            "public_space_inventory.qml",
            tr("Public space inventory"),
            {code: tr(name) for code, name in CATEGORIES.items()} | {NOT_COUNTED: tr("Not counted")},
        )
        return dest_id

    def write_summary(self, parameters, context, rows):
        fields = QgsFields()
        for name, kind in (
            ("district", TEXT),
            ("category", TEXT),
            ("category_label", TEXT),
            ("count", INT),
            ("area_ha", DOUBLE),
            ("share_pct", DOUBLE),
            ("population", DOUBLE),
            ("m2_per_person", DOUBLE),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_SUMMARY, context, fields, WkbType.NoGeometry, None)
        for row in rows:
            feature = QgsFeature(fields)
            label = tr(CATEGORIES[row.category]) if row.category in CATEGORIES else tr("All counted types")
            feature.setAttributes(
                [
                    row.district,
                    row.category,
                    label,
                    row.count,
                    row.area_m2 / 1e4,
                    row.share_pct,
                    row.population,
                    row.m2_per_person,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Public space by district and type"))
        return dest_id


def parse_thresholds(text: str):
    values = number_list(
        text,
        tr(
            'Size class thresholds must be numbers in hectares separated by commas, e.g. 0.1, 0.5, 2, 10; got "{0}".',
            text,
        ),
    )
    if not values or any(b <= a for a, b in zip(values, values[1:])) or values[0] <= 0:
        raise HabitatError(tr('Size class thresholds must be positive and increasing; got "{0}".', text))
    return values


def _value(feature, field):
    """The value of ``field`` (None: no such field) of a feature as plain Python: NULL becomes None."""
    if not field:
        return None
    value = feature[field]
    return None if is_null(value) else value
