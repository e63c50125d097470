"""habitat:publicspacegaps — who is not served, where: unserved people by group as points, clusters and a table."""

import math

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ...compat import (
    DOUBLE,
    INT,
    TEXT,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ...core.public_space.access import check_overlap
from ...core.public_space.gaps import gap_band, gap_band_labels, public_space_gaps
from ...core.public_space.groups import group_label
from ...core.public_space.report_action import gaps_report
from ...core.public_space.report_values import finite_or_none, pct, whole_number
from ...core.text import Cancelled, tr, tr_noop
from ...qgis_io import from_shapely, read_polygons
from ..base import HabitatAlgorithm, progress_callback
from ..parameters import add_population_parameters, add_road_class_parameters
from ..styles import REDS, Categories, Graduated
from .population_input import population_points
from .walking import walkable_lines

# Gap bands 1-5 (core.public_space.gaps.gap_band): farther is darker, no space at all the darkest.
GAP_COLOURS = {1: "#fcbba1", 2: "#fb6a4a", 3: "#de2d26", 4: "#a50f15", 5: "#49006a"}


class PublicSpaceGapsAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspacegaps"
    DISPLAY_NAME = tr_noop("Who is not served: gaps in walking access to public space")
    GROUP_ID = "publicspace"
    TAGS = (
        tr_noop("SDG 11.7.1"),
        tr_noop("walking distance"),
        tr_noop("population"),
        tr_noop("unserved"),
        tr_noop("clusters"),
    )
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "The people who do not live within walking distance (400 m by default) of an open public space, by "
        "population group (sex, age, disability: every band of the population raster or every chosen field), "
        "and where they live. Walking distances, entrances, the urban extent and the districts are exactly those "
        "of SDG 11.7.1 (b) walking access, so the unserved population of every district and group is its "
        "population less the population that tool reports as served. Outputs: every unserved populated cell or "
        "feature as a point with its walking distance to the nearest space (measured up to the search distance), "
        "its district and its cluster; the clusters, contiguous unserved areas (cells of the cluster grid that "
        "touch, corners included) with their people by group, area, mean and largest walking distance and the "
        "district holding most of their people, numbered from the largest; a table by district and group; and a "
        "report with a map. Clusters end at district boundaries unless asked otherwise. Clusters with fewer people "
        "than the minimum are left out (their people stay among the points)."
    )

    STREETS = "STREETS"
    PUBLIC_SPACES = "PUBLIC_SPACES"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_FIELDS = "POPULATION_FIELDS"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    URBAN_EXTENT = "URBAN_EXTENT"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    EXCLUDED_CLASSES = "EXCLUDED_CLASSES"
    MAX_DISTANCE = "MAX_DISTANCE"
    SEARCH_DISTANCE = "SEARCH_DISTANCE"
    CLUSTER_CELL = "CLUSTER_CELL"
    MIN_CLUSTER_POPULATION = "MIN_CLUSTER_POPULATION"
    SPLIT_AT_DISTRICTS = "SPLIT_AT_DISTRICTS"
    ENTRY_TOLERANCE = "ENTRY_TOLERANCE"
    MAX_CELL_SIZE = "MAX_CELL_SIZE"
    BUILT_UP = "BUILT_UP"
    BUILDINGS = "BUILDINGS"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    MID_SEGMENT_ENTRANCES = "MID_SEGMENT_ENTRANCES"
    OUTPUT_POINTS = "OUTPUT_POINTS"
    OUTPUT_CLUSTERS = "OUTPUT_CLUSTERS"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STREETS, tr("Street network (lines)"), [ProcessingSourceType.VectorLine]
            ),
            tr_noop("Street centre-lines, as for SDG 11.7.1 (b) walking access."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.PUBLIC_SPACES, tr("Open public spaces (polygons)"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop("The open public spaces that count for SDG 11.7.1."),
        )
        add_population_parameters(self)
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS, tr("Districts (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop("Districts or wards: the unserved people of each, and the district of each point and cluster."),
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
            QgsProcessingParameterFeatureSource(
                self.URBAN_EXTENT, tr("Urban extent (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop("The built-up area of the city: only people inside it count, as in SDG 11.7.1 (b)."),
        )
        add_road_class_parameters(self)
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE, tr("Walking distance (m)"), ProcessingNumberParameterType.Double, 400.0, minValue=1.0
            ),
            tr_noop("People farther than this from every open public space are not served. SDG 11.7.1 uses 400 m."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SEARCH_DISTANCE,
                tr("Measure walking distances up to (m)"),
                ProcessingNumberParameterType.Double,
                2000.0,
                minValue=1.0,
            ),
            tr_noop(
                "The walking distance of unserved people to the nearest space is measured up to this; farther "
                "counts as no space within reach (an empty distance). At least the walking distance."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CLUSTER_CELL,
                tr("Cluster cell size (m)"),
                ProcessingNumberParameterType.Double,
                100.0,
                minValue=10.0,
            ),
            tr_noop(
                "The unserved people are put on a grid of cells this size; cells that touch (corners included) "
                "form one cluster. The size of the population grid is a good choice."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MIN_CLUSTER_POPULATION,
                tr("Smallest cluster (people)"),
                ProcessingNumberParameterType.Double,
                50.0,
                minValue=0.0,
            ),
            tr_noop(
                "Clusters with fewer unserved people (first group) are left out of the cluster layer; their "
                "people stay among the unserved points."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.SPLIT_AT_DISTRICTS, tr("Clusters end at district boundaries"), True),
            tr_noop(
                "Each cluster lies in one district (a cell belongs to the district holding most of its people), "
                "so that each is one district's to act on. Turn off for clusters across districts."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.ENTRY_TOLERANCE,
                tr("Entry tolerance (m)"),
                ProcessingNumberParameterType.Double,
                25.0,
                minValue=0.0,
            ),
            tr_noop("A street that passes this close to a space's edge has an entrance there."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_CELL_SIZE,
                tr("Largest population cell (m)"),
                ProcessingNumberParameterType.Double,
                100.0,
                minValue=10.0,
            ),
            tr_noop("Population grid cells larger than this are spread over sub-cells of at most this size first."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterRasterLayer(
                self.BUILT_UP, tr("Built-up raster for spreading (optional)"), optional=True
            ),
            tr_noop("The people of a coarse cell are spread in proportion to this raster, not evenly."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS,
                tr("Building footprints for spreading (optional)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            tr_noop("The people of a coarse cell are spread in proportion to the footprint area in each sub-cell."),
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
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_POINTS,
                tr("Unserved population points"),
                ProcessingSourceType.VectorPoint,
                optional=True,
                createByDefault=True,
            ),
            tr_noop(
                "Every populated cell or feature not served, with its district, walking distance to the nearest "
                "space (empty when none is within the search distance), cluster (-1 in none) and people by "
                "group."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CLUSTERS,
                tr("Unserved clusters"),
                ProcessingSourceType.VectorPolygon,
                optional=True,
                createByDefault=True,
            ),
            tr_noop(
                "Contiguous unserved areas numbered from the most people (1), with their district, area, mean and "
                "largest walking distance, people with no space within the search distance, and people by "
                "group."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, tr("Unserved population by district and group"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "Population, served, unserved and the unserved share for the whole city and each district, for "
                "every population group, with the number of clusters."
            ),
        )
        self.add_report_parameter(
            tr_noop(
                "The unserved population by group and district, a map of the clusters and the largest clusters, "
                "in the language of QGIS."
            )
        )
        self.add_number_outputs(
            [
                ("POP_UNSERVED", tr("Population not served")),
                ("SHARE_UNSERVED", tr("Share not served (%)")),
                ("CLUSTERS", tr("Unserved clusters")),
            ]
        )

    def check_values(self, parameters, context) -> list:
        problems = self.distance_limits(
            parameters,
            context,
            [
                "MAX_DISTANCE",
                (self.SEARCH_DISTANCE, 20000.0, tr_noop("beyond 20 km it is no walk")),
                (self.CLUSTER_CELL, 5000.0, tr_noop("a cluster of 5 km cells says nothing about where people live")),
                "ENTRY_TOLERANCE",
                "SNAP_TOLERANCE",
                "MAX_CELL_SIZE",
            ],
        )
        walk = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        search = self.parameterAsDouble(parameters, self.SEARCH_DISTANCE, context)
        if search < walk:
            problems.append(
                tr(
                    '"{0}" is {1} m, less than the walking distance ({2} m): give at least the walking distance.',
                    self.parameterDefinition(self.SEARCH_DISTANCE).description(),
                    f"{search:g}",
                    f"{walk:g}",
                )
            )
        return problems

    def read_population(self, parameters, context, feedback, crs, extent_shapes):
        """(points, weights, group names, label) of the population input, as walking access reads it."""
        points, weights, groups, name, _ = population_points(self, parameters, context, feedback, crs, extent_shapes)
        return points, weights, groups, name

    def process(self, parameters, context, feedback):
        streets = self.required_source(parameters, self.STREETS, context)
        spaces = self.required_source(parameters, self.PUBLIC_SPACES, context)
        raster, population, _ = self.population_input(parameters, context)
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        extent = self.parameterAsSource(parameters, self.URBAN_EXTENT, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        search = self.parameterAsDouble(parameters, self.SEARCH_DISTANCE, context)

        inputs = [streets, spaces] + [item for item in (raster, population, districts, extent) if item is not None]
        crs = self.analysis_crs(inputs, parameters, context, feedback)
        transform_context = context.transformContext()
        lines = walkable_lines(self, streets, parameters, context, feedback, crs)
        shapes, _, _, repaired, skipped = read_polygons(spaces, crs, transform_context)
        self.report_polygons(feedback, tr("public spaces"), repaired, skipped)
        extent_shapes = []
        if extent is not None:
            extent_shapes, _, _, repaired, skipped = read_polygons(extent, crs, transform_context)
            self.report_polygons(feedback, tr("urban extent"), repaired, skipped)
        points, weights, groups, population_name = self.read_population(
            parameters, context, feedback, crs, extent_shapes
        )
        check_overlap(
            points, lines[0], max_distance, population_name, self.input_label(parameters, self.STREETS, context)
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

        result = public_space_gaps(
            lines,
            shapes,
            points,
            weights,
            groups,
            district_shapes or None,
            district_names,
            max_distance=max_distance,
            search_distance=search,
            cell_size=self.parameterAsDouble(parameters, self.CLUSTER_CELL, context),
            min_population=self.parameterAsDouble(parameters, self.MIN_CLUSTER_POPULATION, context),
            split_at_districts=self.parameterAsBool(parameters, self.SPLIT_AT_DISTRICTS, context),
            entry_tolerance=self.parameterAsDouble(parameters, self.ENTRY_TOLERANCE, context),
            tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            extents=extent_shapes or None,
            mid_segment_entrances=self.parameterAsBool(parameters, self.MID_SEGMENT_ENTRANCES, context),
            progress=progress_callback(feedback, 10, 75),
        )
        city = [row for row in result.rows if row["district"] is None]
        total = city[0]
        feedback.pushInfo(
            tr(
                "{0} of {1} people ({2} %) live farther than {3} m walking distance from an open public space.",
                whole_number(total["unserved"]),
                whole_number(total["population"]),
                pct(total["unserved_pct"]),
                f"{max_distance:g}",
            )
        )
        for row in city[1:]:
            feedback.pushInfo(
                tr(
                    "{0}: {1} not served of {2} ({3} %).",
                    group_label(row["group"]),
                    whole_number(row["unserved"]),
                    whole_number(row["population"]),
                    pct(row["unserved_pct"]),
                )
            )
        feedback.pushInfo(
            tr(
                "{0} clusters of unserved people with at least {1} people; {2} smaller clusters with {3} "
                "people left out of the cluster layer.",
                len(result.clusters),
                f"{self.parameterAsDouble(parameters, self.MIN_CLUSTER_POPULATION, context):g}",
                result.dropped_clusters,
                whole_number(result.dropped_population[0]),
            )
        )

        outputs = {}
        if parameters.get(self.OUTPUT_POINTS) is not None:
            outputs[self.OUTPUT_POINTS] = self.write_points(
                parameters, context, feedback, result, district_names, max_distance, search, crs
            )
        if parameters.get(self.OUTPUT_CLUSTERS) is not None:
            outputs[self.OUTPUT_CLUSTERS] = self.write_clusters(parameters, context, result, district_names, crs)
        outputs[self.OUTPUT_TABLE] = self.write_table(parameters, context, result)
        feedback.setProgress(92)
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = gaps_report(
                report_path,
                result,
                district_names,
                district_shapes,
                extent_shapes,
                shapes,
                max_distance,
                search,
                self.parameterAsBool(parameters, self.SPLIT_AT_DISTRICTS, context),
                settings=self.report_settings(feedback),
            )
        feedback.setProgress(100)
        outputs.update(
            {
                "POP_UNSERVED": total["unserved"],
                "SHARE_UNSERVED": total["unserved_pct"],
                "CLUSTERS": len(result.clusters),
            }
        )
        return outputs

    def write_points(self, parameters, context, feedback, result, district_names, max_distance, search, crs):
        fields = QgsFields()
        for name, kind in (("district", TEXT), ("dist_m", DOUBLE), ("cluster", INT)):
            fields.append(QgsField(name, kind))
        for name in result.field_names:
            fields.append(QgsField(name, DOUBLE))
        fields.append(QgsField("band", INT))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_POINTS, context, fields, WkbType.Point, crs)
        names = list(district_names) + [None]  # index -1: outside every district
        bands = gap_band(result.distance, max_distance).tolist()
        distances = [value if math.isfinite(value) else None for value in result.distance.tolist()]
        batch, count = [], len(result.xy)
        for index, ((x, y), district, distance, cluster, people, band) in enumerate(
            zip(
                result.xy.tolist(),
                result.district.tolist(),
                distances,
                result.cluster.tolist(),
                result.weights.tolist(),
                bands,
            )
        ):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feature.setAttributes([names[district], distance, cluster] + people + [band])
            batch.append(feature)
            if len(batch) == 10_000:
                sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
                batch = []
                if feedback.isCanceled():
                    raise Cancelled()
                feedback.setProgress(75 + 12 * index / count)
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
        labels = gap_band_labels(max_distance, search)
        self.style_output(
            context,
            dest_id,
            None,
            tr("Unserved population points"),
            renderer=Categories("band", {band: (labels[band], colour) for band, colour in GAP_COLOURS.items()}),
        )
        return dest_id

    def write_clusters(self, parameters, context, result, district_names, crs):
        fields = QgsFields()
        for name, kind in (
            ("cluster", INT),
            ("district", TEXT),
            ("area_ha", DOUBLE),
            ("mean_dist_m", DOUBLE),
            ("max_dist_m", DOUBLE),
            ("unreachable", DOUBLE),
        ):
            fields.append(QgsField(name, kind))
        for name in result.field_names:
            fields.append(QgsField(name, DOUBLE))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_CLUSTERS, context, fields, WkbType.MultiPolygon, crs)
        for cluster in result.clusters:
            feature = QgsFeature(fields)
            geometry = from_shapely(cluster.shape)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes(
                [
                    cluster.number,
                    district_names[cluster.district] if cluster.district >= 0 else None,
                    cluster.area_ha,
                    finite_or_none(cluster.mean_distance),
                    finite_or_none(cluster.max_distance),
                    cluster.unreachable,
                ]
                + cluster.population.tolist()
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            None,
            tr("Unserved clusters"),
            renderer=Graduated(result.field_names[0], REDS, unit=tr("people"), decimals=0, opacity=0.6),
        )
        return dest_id

    def write_table(self, parameters, context, result):
        fields = QgsFields()
        for name, kind in (
            ("district", TEXT),
            ("pop_group", TEXT),
            ("population", DOUBLE),
            ("served", DOUBLE),
            ("unserved", DOUBLE),
            ("unserved_pct", DOUBLE),
            ("clusters", INT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_TABLE, context, fields, WkbType.NoGeometry, None)
        whole_city = tr("Whole city")
        for row in result.rows:
            feature = QgsFeature(fields)
            feature.setAttributes(
                [
                    row["district"] if row["district"] is not None else whole_city,
                    row["group"],
                    row["population"],
                    row["served"],
                    row["unserved"],
                    row["unserved_pct"],
                    row["clusters"],
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Unserved population by district"))
        return dest_id
