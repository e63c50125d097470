"""habitat:streetsfromosm — street centre-lines with road class, walkability and width from OpenStreetMap data."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import DOUBLE, INT, TEXT, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ...core.public_space.osm import (
    NOT_WALKABLE_CLASSES,
    PRIVATE,
    STREET_CLASSES,
    WALK_ACCESS,
    WALK_CLASS,
    WALK_FOOT,
    street_walkability,
    street_width,
)
from ...core.public_space.street_width import (
    CLASS,
    DEFAULT,
    DEFAULT_WIDTH_M,
    MEASURED,
    SOURCE_LABELS,
    WidthTally,
    class_width_table,
    osm_width_value,
    policy_from_table,
    road_class_list,
)
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...qgis_io import GdalErrors, features_in_crs
from ..base import HabitatAlgorithm
from .osm_tags import empty_layer_error, feature_tags, input_name, no_features, osm_id, text_guard


class StreetsFromOsmAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "streetsfromosm"
    DISPLAY_NAME = tr_noop("Streets from OpenStreetMap")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("OpenStreetMap"), tr_noop("street area"), tr_noop("street network"))
    SHORT_HELP = tr_noop(
        "Street centre-lines for SDG 11.7.1 from OpenStreetMap data you already have: the lines layer of an .osm.pbf "
        'or .osm file (choose the file and its "lines" layer) or an OSM line layer with a highway column. Keeps '
        "the road classes of the CIESIN global 11.7.1 (motorway to path) and the service roads and steps people "
        "walk on, and drops roads with access=private. Each street gets walkable = 1 or 0: motorways, trunk roads "
        "and their links, and ways with foot=no or access=no are not walkable, unless foot=yes, designated or "
        "permissive says otherwise; they are left out unless you keep them for the street area. Each street gets a "
        "right-of-way width by one policy shared with the land-share tool: its OSM width tag (metres, feet and "
        "inches, ranges and lists as their mean; values outside 1.5–80 m are rejected and counted), else the width "
        "of its class in the table, else the default width; the field width_src says which. Replace the estimates "
        "with widths measured in the city where you can."
    )

    INPUT = "INPUT"
    NOT_WALKABLE = "NOT_WALKABLE_CLASSES"
    KEEP_NOT_WALKABLE = "KEEP_NOT_WALKABLE"
    CLASS_WIDTHS = "CLASS_WIDTHS"
    DEFAULT_WIDTH = "DEFAULT_WIDTH"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("OpenStreetMap lines"), [ProcessingSourceType.VectorLine]
            ),
            tr_noop("The lines layer of an .osm.pbf or .osm file, or a line layer with OSM tag columns."),
        )
        self.add_parameter(
            QgsProcessingParameterString(
                self.NOT_WALKABLE, tr("Road classes nobody walks along"), ", ".join(NOT_WALKABLE_CLASSES), optional=True
            ),
            tr_noop(
                "Comma-separated highway values that are not walkable (walkable = 0). The default is motorways, "
                "trunk roads and their links. An explicit foot=yes, designated or permissive makes a way "
                "walkable all the same."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(
                self.KEEP_NOT_WALKABLE, tr("Keep streets nobody may walk along (walkable = 0)"), False
            ),
            tr_noop(
                "Keep motorways, trunk roads and ways with foot=no or access=no, marked walkable = 0, so that "
                "one layer serves both the street area of SDG 11.7.1 (a), which counts all street land, and "
                "the walking network of 11.7.1 (b), which leaves them out. When unticked they are left out and "
                "counted."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterMatrix(
                self.CLASS_WIDTHS,
                tr("Width by road class (m)"),
                numberRows=0,
                hasFixedNumberRows=False,
                headers=[tr("Road class"), tr("Width (m)")],
                defaultValue=class_width_table(),
                optional=True,
            ),
            tr_noop(
                "Right-of-way width of each road class (highway value), used where a street has no readable "
                "width tag. The defaults are the plugin's documented table (docs/street-widths.md), the same "
                "as in the land-share tool: replace them with widths measured in the city."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DEFAULT_WIDTH,
                tr("Default street width (m)"),
                ProcessingNumberParameterType.Double,
                DEFAULT_WIDTH_M,
                minValue=0.5,
            ),
            tr_noop("Width of streets with neither a readable width nor a class in the table."),
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Streets from OpenStreetMap"), ProcessingSourceType.VectorLine
            ),
            tr_noop(
                "Street centre-lines with OSM id, name, road class, walkable (1/0), width, where the width comes "
                "from, and the OSM width, foot and access tags."
            ),
        )
        self.add_number_outputs(
            [
                ("STREETS", tr("Streets kept")),
                ("WALKABLE", tr("Walkable streets kept")),
                ("PRIVATE", tr("Private roads left out")),
                ("NOT_WALKABLE_CLASS", tr("Not walkable: road class nobody walks along")),
                ("NOT_WALKABLE_FOOT", tr("Not walkable: foot=no")),
                ("NOT_WALKABLE_ACCESS", tr("Not walkable: access=no")),
                ("WIDTH_MEASURED", tr("Widths from the width tag")),
                ("WIDTH_CLASS", tr("Widths from the road class table")),
                ("WIDTH_DEFAULT", tr("Default widths")),
                ("WIDTH_REJECTED", tr("Width values rejected (outside 1.5–80 m)")),
                ("WIDTH_UNREADABLE", tr("Width values not readable")),
                ("SKIPPED", tr("Streets without a usable line skipped")),
            ]
        )

    def check_values(self, parameters, context) -> list:
        problems = []
        unknown = [
            name
            for name in road_class_list(self.parameterAsString(parameters, self.NOT_WALKABLE, context))
            if name not in STREET_CLASSES
        ]
        if unknown:
            problems.append(
                tr(
                    "Road classes nobody walks along: {0} is not a street class this tool keeps (one of "
                    "{1}). Check the spelling.",
                    ", ".join(unknown),
                    ", ".join(STREET_CLASSES),
                )
            )
        try:
            policy_from_table(
                self.parameterAsMatrix(parameters, self.CLASS_WIDTHS, context),
                self.parameterAsDouble(parameters, self.DEFAULT_WIDTH, context),
            )
        except HabitatError as error:
            problems.append(str(error))
        return problems

    def process(self, parameters, context, feedback):
        not_walkable = road_class_list(self.parameterAsString(parameters, self.NOT_WALKABLE, context))
        keep_not_walkable = self.parameterAsBool(parameters, self.KEEP_NOT_WALKABLE, context)
        default = self.parameterAsDouble(parameters, self.DEFAULT_WIDTH, context)
        policy = policy_from_table(self.parameterAsMatrix(parameters, self.CLASS_WIDTHS, context), default)
        # A truncated or damaged file makes GDAL stop early, as if the file had no more features: catch it.
        source = None
        with GdalErrors() as gdal_errors:
            try:
                source = self.required_source(parameters, self.INPUT, context)
                input_label = input_name(self, parameters, self.INPUT, context, source)
                names = source.fields().names()
                if "highway" not in names and "other_tags" not in names:
                    raise HabitatError(
                        tr(
                            'The layer "{0}" has neither a highway field nor GDAL\'s other_tags '
                            "field: choose the lines layer of an OSM file, or a layer with OSM tag "
                            "columns.",
                            input_label,
                        )
                    )
                crs = self.analysis_crs([source], parameters, context, feedback)
            except HabitatError:
                if gdal_errors.messages:
                    raise self.damaged_file_error(parameters, context, gdal_errors) from None
                if source is not None and no_features(source):
                    raise empty_layer_error(input_name(self, parameters, self.INPUT, context, source)) from None
                raise
        if gdal_errors.messages:
            raise self.damaged_file_error(parameters, context, gdal_errors)
        fields = QgsFields()
        for name, kind in (
            ("osm_id", TEXT),
            ("name", TEXT),
            ("road_class", TEXT),
            ("walkable", INT),
            ("width_m", DOUBLE),
            ("width_src", TEXT),
            ("osm_width", TEXT),
            ("osm_foot", TEXT),
            ("osm_access", TEXT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, WkbType.MultiLineString, crs)
        labels = {code: tr(label) for code, label in SOURCE_LABELS.items()}
        text = text_guard(self, parameters, self.OUTPUT, context)
        tally = WidthTally()
        not_walkable_count = {WALK_CLASS: 0, WALK_FOOT: 0, WALK_ACCESS: 0}
        kept = walkable_kept = private = no_line = 0
        other_highways = {}
        total = source.featureCount()
        # A truncated or damaged file makes GDAL stop early, as if the file had no more features: catch it.
        with GdalErrors() as gdal_errors:
            for index, feature in enumerate(features_in_crs(source, crs, context.transformContext())):
                if feedback.isCanceled():
                    raise Cancelled()
                if total > 0 and index % 1000 == 0:
                    feedback.setProgress(100.0 * index / total)
                tags = feature_tags(feature, names)
                highway = str(tags.get("highway", "")).strip().lower()
                if highway not in STREET_CLASSES:
                    if highway:  # a highway tag, but no street (a path, a bus stop, or a typo): said, never silent
                        other_highways[highway] = other_highways.get(highway, 0) + 1
                    continue
                is_kept, walkable, reason = street_walkability(tags, not_walkable)
                if reason == PRIVATE:
                    private += 1
                    continue
                if not walkable:
                    not_walkable_count[reason] += 1
                    if not keep_not_walkable:
                        continue
                geometry = feature.geometry()
                if geometry is None or geometry.isNull() or geometry.isEmpty() or not geometry.length() > 0:
                    no_line += 1
                    continue
                geometry.convertToMultiType()
                result = street_width(tags, policy)
                raw_width = osm_width_value(tags)
                tally.add(result, raw_width, geometry.length())
                out = QgsFeature(fields)
                out.setGeometry(geometry)
                out.setAttributes(
                    [
                        text(value)
                        for value in (
                            osm_id(feature, names),
                            tags.get("name"),
                            highway,
                            int(walkable),
                            result.width,
                            labels[result.source],
                            raw_width,
                            tags.get("foot"),
                            tags.get("access"),
                        )
                    ]
                )
                sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
                kept += 1
                walkable_kept += int(walkable)
        if gdal_errors.messages:
            raise self.damaged_file_error(parameters, context, gdal_errors)
        if no_line:
            feedback.pushWarning(
                tr("{0} streets without a usable line (no geometry, or of zero length) were skipped.", no_line)
            )
        if other_highways:
            shown = sorted(other_highways.items(), key=lambda item: -item[1])[:12]
            feedback.pushInfo(
                tr(
                    "{0} lines with a highway tag that is not a street class were left out: {1}.",
                    sum(other_highways.values()),
                    ", ".join(f"{text(value)!s} ({count})" for value, count in shown),
                )
            )
        if kept == 0:
            raise HabitatError(
                tr(
                    'No street was found in "{0}": none of its lines has a highway tag of a street '
                    "class (or all were left out).",
                    input_label,
                )
            )
        self.style_output(context, dest_id, "workshop_streets.qml", tr("Streets from OpenStreetMap"))
        feedback.pushInfo(
            tr("{0} streets kept, {1} of them walkable; {2} private roads left out.", kept, walkable_kept, private)
        )
        reasons = [
            not_walkable_count[WALK_CLASS],
            ", ".join(not_walkable),
            not_walkable_count[WALK_FOOT],
            not_walkable_count[WALK_ACCESS],
        ]
        if keep_not_walkable:
            feedback.pushInfo(
                tr(
                    "Kept with walkable = 0: {0} of a road class nobody walks along ({1}), {2} with "
                    "foot=no, {3} with access=no.",
                    *reasons,
                )
            )
        else:
            feedback.pushInfo(
                tr(
                    "Left out as not walkable: {0} of a road class nobody walks along ({1}), {2} with "
                    "foot=no, {3} with access=no. Keep them (walkable = 0) for the street area of "
                    "SDG 11.7.1 (a).",
                    *reasons,
                )
            )
        feedback.pushInfo(tally.summary(policy.default_width))
        for line in tally.problems():
            feedback.pushWarning(line)
        return {
            self.OUTPUT: dest_id,
            "STREETS": kept,
            "SKIPPED": no_line,
            "WALKABLE": walkable_kept,
            "PRIVATE": private,
            "NOT_WALKABLE_CLASS": not_walkable_count[WALK_CLASS],
            "NOT_WALKABLE_FOOT": not_walkable_count[WALK_FOOT],
            "NOT_WALKABLE_ACCESS": not_walkable_count[WALK_ACCESS],
            "WIDTH_MEASURED": tally.count[MEASURED],
            "WIDTH_CLASS": tally.count[CLASS],
            "WIDTH_DEFAULT": tally.count[DEFAULT],
            "WIDTH_REJECTED": tally.rejected,
            "WIDTH_UNREADABLE": tally.unreadable,
        }

    def damaged_file_error(self, parameters, context, gdal_errors):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        return gdal_errors.damaged(
            layer.source().split("|")[0] if layer is not None else str(parameters.get(self.INPUT))
        )
