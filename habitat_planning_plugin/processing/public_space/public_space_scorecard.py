"""habitat:publicspacescorecard — the district scorecard of a public space strategy, and its change over time."""

import datetime

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import (
    DOUBLE,
    INT,
    TEXT,
    FeatureRequestFlag,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ...core.public_space import scorecard
from ...core.public_space.access import NETWORK, check_overlap, public_space_access
from ...core.public_space.land_share import corridor_shares
from ...core.public_space.report_values import cell, listed, number_or_nan, pct
from ...core.public_space.street_width import DEFAULT_WIDTH_M, class_width_table, policy_from_table
from ...core.public_space.survey import load_questionnaire
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...paths import resource_path
from ...qgis_io import features_in_crs, from_shapely, read_polygons, to_shapely
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import is_null
from ..parameters import add_population_parameters
from ..styles import Graduated
from .population_input import population_points
from .questionnaire import BUILT_IN_QUESTIONNAIRE
from .sdg1171_land_share import Sdg1171LandShareAlgorithm
from .walking import NOT_WALKABLE_CLASSES, walkable_lines

# The settings of habitat:publicspaceaccess left at their defaults, so that served_pct is that tool's share.
ENTRY_TOLERANCE_M = 25.0
SNAP_TOLERANCE_M = 0.01
QUALITY_PREFIX = "q_"  # habitat:publicspacequality: one q_<dimension> score per dimension
KINDS = {"str": TEXT, "int": INT, "real": DOUBLE}
SHOWN_MISSING = 12  # district names listed in a message at most


class PublicSpaceScorecardAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspacescorecard"
    DISPLAY_NAME = tr_noop("Public space scorecard by district")
    GROUP_ID = "publicspace"
    TAGS = (
        tr_noop("scorecard"),
        tr_noop("public space strategy"),
        tr_noop("SDG 11.7.1"),
        tr_noop("district"),
        tr_noop("monitoring"),
    )
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "One row per district, and one for the whole city, with the indicators a public space strategy tracks: "
        "the share of the district's urban area in open public space and in streets (SDG 11.7.1 (a), measured as "
        "SDG 11.7.1 land allocated to streets and public space does), open public space per person, the share of "
        "the population within walking distance of an open public space for every population group (SDG 11.7.1 "
        "(b), as Walking access to public space measures it), and, when their layers are given, the mean quality "
        "index and the weakest quality dimension of the surveyed spaces, the number of spaces among the first of "
        "the upgrade priority list, and the unserved clusters and the people in them. A space, candidate or "
        "cluster belongs to the district that holds its representative point. Give the table of an earlier run "
        "to track progress: the change of every indicator is added, districts matched by name. Writes a layer of "
        "the districts, a table and a report in two languages (English and Chinese) with one page per district, "
        "to paste into a public space strategy."
    )

    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    PUBLIC_SPACES = "PUBLIC_SPACES"
    STREETS = "STREETS"
    URBAN_EXTENT = "URBAN_EXTENT"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_FIELDS = "POPULATION_FIELDS"
    WIDTH_FIELD = "WIDTH_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    ROAD_CLASS_FIELD = CLASS_FIELD  # the name walking.walkable_request reads the road class from
    CLASS_WIDTHS = "CLASS_WIDTHS"
    DEFAULT_WIDTH = "DEFAULT_WIDTH"
    EXCLUDED_CLASSES = "EXCLUDED_CLASSES"
    MAX_DISTANCE = "MAX_DISTANCE"
    QUALITY = "QUALITY"
    UPGRADE = "UPGRADE"
    UPGRADE_TOP = "UPGRADE_TOP"
    GAPS_CLUSTERS = "GAPS_CLUSTERS"
    PREVIOUS = "PREVIOUS"
    YEAR = "YEAR"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    # The same readers as the two indicator tools, so that the numbers are theirs: the walkable streets of
    # Walking access to public space, the street widths of Land allocated to streets and public space.
    street_widths = Sdg1171LandShareAlgorithm.street_widths

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, line = [ProcessingSourceType.VectorPolygon], [ProcessingSourceType.VectorLine]
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.DISTRICTS, tr("Districts (polygons)"), polygon),
            tr_noop("The districts or wards of the strategy: one page of the report each."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.DISTRICT_NAME_FIELD, tr("District name field"), parentLayerParameterName=self.DISTRICTS
            ),
            tr_noop("Field with the district names. Next year's scorecard is matched to this one by these names."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.PUBLIC_SPACES, tr("Open public spaces (polygons)"), polygon),
            tr_noop(
                "The open public spaces that count for SDG 11.7.1. With a field named counted (the output of the "
                "public space inventory), only the spaces with counted = 1 are used."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.STREETS, tr("Street centre-lines"), line),
            tr_noop(
                "Street centre-lines: their corridors give the street share, and the walkable ones the walking network."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.URBAN_EXTENT, tr("Urban extent (polygons)"), polygon),
            tr_noop(
                "The built-up city: the shares are of each district's part inside it, and only the people "
                "inside it count."
            ),
        )
        add_population_parameters(
            self, layer_help=tr_noop("Features with population counts, such as census blocks or buildings.")
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.WIDTH_FIELD, tr("Street width field (m)"), parentLayerParameterName=self.STREETS, optional=True
            ),
            tr_noop("Measured right-of-way width, read as Land allocated to streets and public space reads it."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CLASS_FIELD, tr("Road class field"), parentLayerParameterName=self.STREETS, optional=True
            ),
            tr_noop(
                "Road class (OSM highway values): the width of streets without a measured one, and the classes "
                "nobody walks along."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE, tr("Walking distance (m)"), ProcessingNumberParameterType.Double, 400.0, minValue=1.0
            ),
            tr_noop("SDG 11.7.1 uses 400 m, about a five-minute walk."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.QUALITY, tr("Public space quality (optional)"), polygon, optional=True
            ),
            tr_noop(
                "The layer of Public space quality from a survey: the mean quality_index of the surveyed spaces "
                "of each district and its weakest dimension (the q_ score with the lowest mean)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.UPGRADE,
                tr("Upgrade priorities (optional)"),
                [ProcessingSourceType.VectorAnyGeometry],
                optional=True,
            ),
            tr_noop(
                "The ranking layer of Public spaces to upgrade first: the spaces ranked among the first (below) "
                "are counted per district."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.UPGRADE_TOP,
                tr("Spaces to upgrade: the first of the priority list"),
                ProcessingNumberParameterType.Integer,
                10,
                minValue=1,
            ),
            tr_noop(
                "The spaces with rank 1 to this number in the upgrade priority list are the city's spaces to "
                "upgrade (the list of the strategy)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.GAPS_CLUSTERS,
                tr("Unserved clusters (optional)"),
                [ProcessingSourceType.VectorAnyGeometry],
                optional=True,
            ),
            tr_noop(
                "The clusters layer of Who is not served: the clusters of each district and the people in them "
                "(its first pop_ field)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.PREVIOUS, tr("Previous scorecard (optional)"), [ProcessingSourceType.Vector], optional=True
            ),
            tr_noop(
                "The table (CSV or GeoPackage) of an earlier run of this tool: the change of every indicator "
                "since then is added, districts matched by name."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Year of this scorecard"),
                ProcessingNumberParameterType.Integer,
                datetime.date.today().year,
                minValue=1950,
                maxValue=2100,
            ),
            tr_noop("Stored in the table, to say which year each scorecard describes."),
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
            tr_noop("Right-of-way width of each road class, as in Land allocated to streets and public space."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DEFAULT_WIDTH,
                tr("Default street width (m)"),
                ProcessingNumberParameterType.Double,
                DEFAULT_WIDTH_M,
                minValue=0.5,
            ),
            tr_noop("Width of streets with neither a measured width nor a known class."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterString(
                self.EXCLUDED_CLASSES, tr("Road classes nobody walks along"), NOT_WALKABLE_CLASSES, optional=True
            ),
            tr_noop("Comma-separated values of the road class field left out of the walking network."),
            advanced=True,
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Public space scorecard"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop("The districts with their indicators (and a row without geometry for the whole city)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE,
                tr("Public space scorecard (table)"),
                ProcessingSourceType.Vector,
                optional=True,
                createByDefault=True,
            ),
            tr_noop(
                "The same rows as a table (CSV opens in a spreadsheet): next year's run takes it as the previous "
                "scorecard."
            ),
        )
        self.add_report_parameter(
            tr_noop(
                "A page per district with a locator map and its indicators beside the city and the benchmarks "
                "(and the change since the previous scorecard), every label in English and Chinese."
            )
        )

    # --- checks before the run ---
    def check_values(self, parameters, context) -> list:
        problems = []
        raster_given = parameters.get(self.POPULATION_RASTER) not in (None, "")
        layer_given = parameters.get(self.POPULATION_LAYER) not in (None, "")
        if raster_given == layer_given:
            problems.append(tr("Give exactly one population input: a population grid or a population layer."))
        problems += self.distance_limits(parameters, context, ["MAX_DISTANCE"])
        try:
            policy_from_table(
                self.parameterAsMatrix(parameters, self.CLASS_WIDTHS, context),
                self.parameterAsDouble(parameters, self.DEFAULT_WIDTH, context),
            )
        except HabitatError as error:
            problems.append(str(error))
        for name, needed in ((self.QUALITY, ["quality_index"]), (self.UPGRADE, ["rank"])):
            source = self.parameterAsSource(parameters, name, context)
            if source is not None:
                missing = [field for field in needed if field not in source.fields().names()]
                if missing:
                    problems.append(self.missing_fields(parameters, name, context, source, missing))
        clusters = self.parameterAsSource(parameters, self.GAPS_CLUSTERS, context)
        if clusters is not None and not self.people_field(clusters):
            problems.append(self.missing_fields(parameters, self.GAPS_CLUSTERS, context, clusters, ["pop_…"]))
        problems += self.previous_problems(parameters, context)
        return problems

    def missing_fields(self, parameters, name, context, source, missing) -> str:
        return tr(
            '"{0}" ({1}) has no field {2}: give the layer the tool named in its help writes. Its fields: {3}.',
            self.parameterDefinition(name).description(),
            self.input_label(parameters, name, context),
            ", ".join(missing),
            ", ".join(source.fields().names()) or tr("none"),
        )

    def previous_problems(self, parameters, context) -> list:
        """The earlier scorecard must be one (a district field, one year, not later than this one) and share at
        least one district with this run; found before anything runs."""
        previous = self.parameterAsSource(parameters, self.PREVIOUS, context)
        if previous is None:
            return []
        label = self.input_label(parameters, self.PREVIOUS, context)
        rows = self.previous_rows(previous)
        if "district" not in previous.fields().names():
            return [
                tr(
                    'The previous scorecard "{0}" has no field district: give the table of an earlier run of '
                    "the public space scorecard.",
                    label,
                )
            ]
        if not rows:
            return [tr('The previous scorecard "{0}" has no rows.', label)]
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        name_field = self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context)
        if districts is None or not name_field or name_field not in districts.fields().names():
            return []
        request = (
            QgsFeatureRequest()
            .setFlags(FeatureRequestFlag.NoGeometry)
            .setSubsetOfAttributes([name_field], districts.fields())
        )
        names = [str(feature[name_field]) for feature in districts.getFeatures(request)]
        rows_here = [{"district": name, "level": scorecard.DISTRICT} for name in names]
        try:
            scorecard.track(rows_here, rows, [], self.parameterAsInt(parameters, self.YEAR, context), label)
        except HabitatError as error:
            return [str(error)]
        return []

    @staticmethod
    def previous_rows(source) -> list:
        names = source.fields().names()
        request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
        return [dict(zip(names, feature.attributes())) for feature in source.getFeatures(request)]

    @staticmethod
    def people_field(source):
        return next((name for name in source.fields().names() if name.lower().startswith("pop_")), None)

    # --- the run ---
    def process(self, parameters, context, feedback):
        from shapely.ops import unary_union

        districts = self.required_source(parameters, self.DISTRICTS, context)
        spaces = self.required_source(parameters, self.PUBLIC_SPACES, context)
        streets = self.required_source(parameters, self.STREETS, context)
        extent = self.required_source(parameters, self.URBAN_EXTENT, context)
        raster, population, population_fields = self.population_input(parameters, context)
        optional = {
            name: self.parameterAsSource(parameters, name, context)
            for name in (self.QUALITY, self.UPGRADE, self.GAPS_CLUSTERS, self.PREVIOUS)
        }
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        year = self.parameterAsInt(parameters, self.YEAR, context)
        top = self.parameterAsInt(parameters, self.UPGRADE_TOP, context)
        inputs = [districts, spaces, streets, extent] + [
            item for item in [raster, population] + list(optional.values())[:3] if item is not None
        ]
        crs = self.analysis_crs(inputs, parameters, context, feedback)

        district_shapes, names = self.named_polygons(
            districts,
            self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context),
            crs,
            context,
            feedback,
            tr("districts"),
        )
        extent_shapes, extent_names = self.named_polygons(extent, None, crs, context, feedback, tr("urban extent"))
        city = unary_union(extent_shapes) if extent_shapes else None
        if city is None or not city.area > 0:
            raise HabitatError(
                tr(
                    'The urban extent "{0}" has no polygon with an area to measure.',
                    self.input_label(parameters, self.URBAN_EXTENT, context),
                )
            )
        urban_parts = [shape.intersection(city) for shape in district_shapes]
        outside = [name for name, part in zip(names, urban_parts) if not part.area > 0]
        if len(outside) == len(names):
            raise HabitatError(
                tr(
                    'No district of "{0}" lies inside the urban extent "{1}": check that both cover the same place.',
                    self.input_label(parameters, self.DISTRICTS, context),
                    self.input_label(parameters, self.URBAN_EXTENT, context),
                )
            )
        if outside:
            feedback.pushWarning(
                tr(
                    "{0} districts lie outside the urban extent and have no share: {1}.",
                    len(outside),
                    ", ".join(outside[:20]) + (" …" if len(outside) > 20 else ""),
                )
            )
        space_shapes = self.counted_spaces(parameters, context, feedback, spaces, crs)
        feedback.setProgress(5)

        # SDG 11.7.1 (b): the access tool's steps with its defaults.
        lines = walkable_lines(self, streets, parameters, context, feedback, crs)
        points, weights, groups, population_name, _ = population_points(
            self, parameters, context, feedback, crs, [city]
        )
        check_overlap(
            points, lines[0], max_distance, population_name, self.input_label(parameters, self.STREETS, context)
        )
        feedback.setProgress(10)
        access = public_space_access(
            lines,
            space_shapes,
            points,
            weights,
            groups,
            district_shapes,
            names,
            max_distance=max_distance,
            entry_tolerance=ENTRY_TOLERANCE_M,
            tolerance=SNAP_TOLERANCE_M,
            distance_limit=2 * max_distance,
            straight_line=False,
            progress=progress_callback(feedback, 10, 60),
            extents=extent_shapes,
            extent_names=extent_names,
        )
        by_area = scorecard.access_by_area(access.rows, names, groups, NETWORK)

        # SDG 11.7.1 (a): the land share tool's widths and corridors, in each district's urban part and the city.
        street_lines, widths, _, _ = self.street_widths(parameters, context, feedback, streets, crs)
        shares = corridor_shares(
            urban_parts + [city],
            names + [tr("Whole city")],
            space_shapes,
            street_lines,
            widths,
            cancelled=feedback.isCanceled,
        )
        if shares is None:
            raise Cancelled()
        feedback.setProgress(80)

        quality = upgrade = clusters = None
        dimension_labels = {}
        if optional[self.QUALITY] is not None:
            quality, dimension_labels = self.quality(
                optional[self.QUALITY], crs, district_shapes, names, context, feedback
            )
        if optional[self.UPGRADE] is not None:
            owner, values = self.located(
                optional[self.UPGRADE],
                ["rank"],
                crs,
                district_shapes,
                names,
                context,
                feedback,
                tr("upgrade priorities"),
            )
            upgrade = scorecard.upgrade_counts(owner, [number_or_nan(row[0]) for row in values], top, len(names))
        if optional[self.GAPS_CLUSTERS] is not None:
            people = self.people_field(optional[self.GAPS_CLUSTERS])
            owner, values = self.located(
                optional[self.GAPS_CLUSTERS],
                [people],
                crs,
                district_shapes,
                names,
                context,
                feedback,
                tr("unserved clusters"),
            )
            clusters = scorecard.cluster_summary(owner, [number_or_nan(row[0]) for row in values], len(names))
        rows = scorecard.scorecard_rows(
            names, tr("Whole city"), year, shares, by_area, groups, quality, upgrade, clusters
        )
        tracking = None
        if optional[self.PREVIOUS] is not None:
            label = self.input_label(parameters, self.PREVIOUS, context)
            tracking = scorecard.track(rows, self.previous_rows(optional[self.PREVIOUS]), groups, year, label)
            if tracking.new_districts:
                feedback.pushWarning(
                    tr(
                        "{0} districts are not in the previous scorecard; their change is left empty: {1}.",
                        len(tracking.new_districts),
                        listed(tracking.new_districts, SHOWN_MISSING),
                    )
                )
            if tracking.dropped_districts:
                feedback.pushWarning(
                    tr(
                        "{0} districts of the previous scorecard are not in this run: {1}.",
                        len(tracking.dropped_districts),
                        listed(tracking.dropped_districts, SHOWN_MISSING),
                    )
                )
            if tracking.previous_year == year:
                feedback.pushWarning(tr("The previous scorecard is of the same year ({0}) as this run.", year))
        feedback.setProgress(85)

        columns = scorecard.fields(groups, tracking is not None)
        outputs = {self.OUTPUT: self.write(parameters, self.OUTPUT, context, columns, rows, district_shapes, crs)}
        if parameters.get(self.OUTPUT_TABLE) is not None:
            outputs[self.OUTPUT_TABLE] = self.write(parameters, self.OUTPUT_TABLE, context, columns, rows, None, None)
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            report, _ = scorecard.scorecard_report(
                rows,
                district_shapes,
                groups,
                self.report_settings(feedback),
                max_distance,
                top,
                tracking,
                dimension_labels,
                {"quality": quality is not None, "upgrade": upgrade is not None, "clusters": clusters is not None},
            )
            outputs[self.OUTPUT_REPORT] = report.save(report_path)
        feedback.setProgress(100)
        whole = rows[-1]
        feedback.pushInfo(
            tr(
                "Whole city: open public space {0} % and streets {1} % of the urban area, {2} m² of open "
                "public space per person, {3} % of the people within {4} m walking distance.",
                pct(whole["ops_share_pct"]),
                pct(whole["street_share_pct"]),
                pct(whole["ops_m2_per_person"]),
                pct(whole["served_pct"]),
                f"{max_distance:g}",
            )
        )
        return outputs

    def counted_spaces(self, parameters, context, feedback, spaces, crs):
        """The open public spaces, those with counted = 1 only when the layer has that field (the inventory's)."""
        counted = next((name for name in spaces.fields().names() if name.lower() == "counted"), None)
        shapes, rows, _, repaired, skipped = read_polygons(
            spaces, crs, context.transformContext(), [counted] if counted else ()
        )
        self.report_polygons(feedback, tr("public spaces"), repaired, skipped)
        if counted:
            shapes = [shape for shape, row in zip(shapes, rows) if number_or_nan(row[0]) == 1]
            feedback.pushInfo(
                tr("{0} public spaces with counted = 1 are used; the others do not count for SDG 11.7.1.", len(shapes))
            )
        if not shapes:
            raise HabitatError(
                tr(
                    '"{0}" holds no open public space that counts.',
                    self.input_label(parameters, self.PUBLIC_SPACES, context),
                )
            )
        return shapes

    def located(self, source, attributes, crs, district_shapes, names, context, feedback, what):
        """(district index of each feature, -1 outside all; attribute rows) by scorecard.located: the district
        holding the feature's representative point, or for a feature without geometry (a table) the district its
        district field names. Features with neither are skipped, with a warning."""
        named = "district" if "district" in source.fields().names() else None
        request = QgsFeatureRequest().setSubsetOfAttributes(attributes + ([named] if named else []), source.fields())
        shapes, given, rows = [], [], []
        for feature in features_in_crs(source, crs, context.transformContext(), request):
            shapes.append(to_shapely(feature.geometry()))
            given.append(None if not named or is_null(feature[named]) else str(feature[named]))
            rows.append([feature[name] for name in attributes])
        owner, placed = scorecard.located(shapes, given, district_shapes, names)
        skipped = int((~placed).sum())
        if skipped:
            feedback.pushWarning(tr("{0} features without a usable geometry were skipped ({1}).", skipped, what))
        return owner[placed], [row for row, kept in zip(rows, placed.tolist()) if kept]

    def quality(self, source, crs, district_shapes, names, context, feedback):
        """quality_summary of the quality layer, and the bilingual labels of the built-in questionnaire's
        dimensions ({id: {"en": …, "zh": …}}) for the report."""
        dimensions = [name for name in source.fields().names() if name.startswith(QUALITY_PREFIX)]
        owner, rows = self.located(
            source,
            ["quality_index"] + dimensions,
            crs,
            district_shapes,
            names,
            context,
            feedback,
            tr("public space quality"),
        )
        index = [number_or_nan(row[0]) for row in rows]
        scores = {
            name[len(QUALITY_PREFIX) :]: [number_or_nan(row[1 + k]) for row in rows]
            for k, name in enumerate(dimensions)
        }
        try:
            labels = load_questionnaire(resource_path(*BUILT_IN_QUESTIONNAIRE)).dimensions
        except HabitatError:
            labels = {}
        return scorecard.quality_summary(owner, index, scores, len(district_shapes)), labels

    def write(self, parameters, name, context, columns, rows, shapes, crs):
        fields = QgsFields()
        for column, kind in columns:
            fields.append(QgsField(column, KINDS[kind]))
        spatial = shapes is not None
        sink, dest_id = self.create_sink(
            parameters, name, context, fields, WkbType.MultiPolygon if spatial else WkbType.NoGeometry, crs
        )
        for position, row in enumerate(rows):
            feature = QgsFeature(fields)
            if spatial and position < len(shapes):  # the whole city's row has no geometry
                geometry = from_shapely(shapes[position])
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            feature.setAttributes([cell(row.get(column), kind) for column, kind in columns])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        if spatial:
            self.style_output(
                context, dest_id, None, tr("Public space scorecard"), renderer=Graduated("served_pct", unit="%")
            )
        else:
            self.style_output(context, dest_id, None, tr("Public space scorecard (table)"))
        return dest_id
