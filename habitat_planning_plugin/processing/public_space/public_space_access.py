"""habitat:publicspaceaccess — SDG 11.7.1 (b): population within walking distance of open public space."""

import math

import numpy as np
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
from ...core.public_space.access import (
    NETWORK,
    STRAIGHT_LINE,
    band_labels,
    check_overlap,
    distance_band,
    edge_distances,
    public_space_access,
    service_area,
)
from ...core.public_space.groups import group_label
from ...core.public_space.report import access_report
from ...core.public_space.report_values import pct, whole_number
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...qgis_io import (
    from_shapely,
    read_polygons,
    segment_geometries,
)
from ..base import HabitatAlgorithm, progress_callback
from ..parameters import add_population_parameters, add_road_class_parameters
from ..styles import BAND_COLOURS, Categories
from .population_input import SPREAD_LABELS, population_points
from .walking import walkable_lines

DISPLAY_BUFFER = 25.0  # metres around reachable streets, for the service area drawn on the map
METHOD_LABELS = {
    NETWORK: tr_noop("walking distance along the street network"),
    STRAIGHT_LINE: tr_noop("straight-line buffer (approximation)"),
}


class PublicSpaceAccessAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspaceaccess"
    DISPLAY_NAME = tr_noop("SDG 11.7.1 (b) walking access to public space")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("SDG 11.7.1"), tr_noop("accessibility"), tr_noop("walking distance"), tr_noop("population"))
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "Share of the urban population living within walking distance (400 m by default) of an open public space, "
        "measured along the street network, as SDG indicator 11.7.1 (b) defines it. Every band of the population "
        "raster (or every chosen field) is a population group, so totals by sex, age and disability come out of "
        "one run; the first band or field is taken as the total population. Give the urban extent so that only "
        "the urban population counts (one result per city when it holds several); streets are kept to the extent "
        "plus the walking distance, so people at its edge still walk out to a space just outside. The network is "
        "the street lines split at every shared vertex; motorways and trunk roads (and streets marked not "
        "walkable) are left out. A space is entered wherever a street passes inside it or within the entry "
        "tolerance of its edge: at street vertices, at the point of each street segment nearest to it and every "
        "10 m along a street that runs beside it, including the middle of long segments. People join the network "
        "at the nearest point of the nearest street. Population cells larger than the sub-cell size (100 m) are "
        "spread over sub-cells first, evenly or in proportion to a built-up raster or building footprints. One "
        "shortest-path pass from all spaces at once keeps a whole city fast. The straight-line 400 m buffer "
        "result, which some global datasets use, is reported beside it for comparison: it overstates access."
    )

    STREETS = "STREETS"
    PUBLIC_SPACES = "PUBLIC_SPACES"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_FIELDS = "POPULATION_FIELDS"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    URBAN_EXTENT = "URBAN_EXTENT"
    URBAN_EXTENT_NAME_FIELD = "URBAN_EXTENT_NAME_FIELD"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    EXCLUDED_CLASSES = "EXCLUDED_CLASSES"
    MAX_CELL_SIZE = "MAX_CELL_SIZE"
    BUILT_UP = "BUILT_UP"
    BUILDINGS = "BUILDINGS"
    MID_SEGMENT_ENTRANCES = "MID_SEGMENT_ENTRANCES"
    MAX_DISTANCE = "MAX_DISTANCE"
    ENTRY_TOLERANCE = "ENTRY_TOLERANCE"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    STRAIGHT_LINE = "STRAIGHT_LINE"
    OUTPUT_NETWORK = "OUTPUT_NETWORK"
    OUTPUT_SERVICE_AREA = "OUTPUT_SERVICE_AREA"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_POPULATION = "OUTPUT_POPULATION"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STREETS, tr("Street network (lines)"), [ProcessingSourceType.VectorLine]
            ),
            tr_noop(
                "Street centre-lines. Lines that share a vertex are connected; lines that only cross (bridges, "
                "tunnels) are not."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.PUBLIC_SPACES, tr("Open public spaces (polygons)"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop(
                "The open public spaces that count for SDG 11.7.1 (for example the counted spaces of the public "
                "space inventory). Invalid polygons are repaired and reported."
            ),
        )
        add_population_parameters(
            self,
            grid_help=tr_noop(
                "Persons per cell; every band is a population group (band 1: total). Nodata cells are ignored "
                "and counted. Give either this grid or a population layer."
            ),
            fields_help=tr_noop(
                "Numeric fields of the population layer, one per group (the first is the total), e.g. total, "
                "women, men, children, older people, persons with disabilities."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS, tr("Districts (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop("Districts or wards for the summary table; people are counted in the district that holds them."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.DISTRICT_NAME_FIELD,
                tr("District name field"),
                parentLayerParameterName=self.DISTRICTS,
                optional=True,
            ),
            tr_noop("Field with the district names used in the table; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.URBAN_EXTENT, tr("Urban extent (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop(
                "The built-up area of the city (for example from Urban extent from built-up data), or several "
                "cities, one polygon each. SDG 11.7.1 (b) is a share of the urban population: only people "
                "inside it count. Without it every person of the population input counts."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.URBAN_EXTENT_NAME_FIELD,
                tr("City name field"),
                parentLayerParameterName=self.URBAN_EXTENT,
                optional=True,
            ),
            tr_noop("Field with the city names, for one row per city; the feature id when empty."),
        )
        add_road_class_parameters(
            self,
            field_help=tr_noop(
                "Field of the streets with the road class (OSM highway values such as motorway or residential), "
                "to leave out the classes below. A field named walkable with 0 leaves a street out as well."
            ),
            classes_help=tr_noop(
                "Comma-separated values of the road class field left out of the walking network. The default "
                "leaves out motorways and trunk roads."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE, tr("Walking distance (m)"), ProcessingNumberParameterType.Double, 400.0, minValue=1.0
            ),
            tr_noop("SDG 11.7.1 uses 400 m, about a five-minute walk."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.ENTRY_TOLERANCE,
                tr("Entry tolerance (m)"),
                ProcessingNumberParameterType.Double,
                25.0,
                minValue=0.0,
            ),
            tr_noop(
                "A street that passes this close to a space's edge has an entrance there (at its vertices, at "
                "its nearest point to the space and every 10 m alongside); the walk starts there with the "
                "straight distance to the space."
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
            tr_noop(
                "Population grid cells larger than this (such as 250 m or 1 km grids) are spread over sub-cells "
                "of at most this size before the walking distances are measured; a coarse cell is otherwise "
                "either wholly served or not at all."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterRasterLayer(
                self.BUILT_UP, tr("Built-up raster for spreading (optional)"), optional=True
            ),
            tr_noop(
                "Built-up share or built-up surface (such as GHSL built-up surface or a 0–1 grid): the people "
                "of a coarse cell are spread in proportion to it (dasymetric), not evenly."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS,
                tr("Building footprints for spreading (optional)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            tr_noop(
                "Building footprints: the people of a coarse cell are spread in proportion to the footprint area "
                "in each sub-cell. Used when no built-up raster is given."
            ),
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
            tr_noop(
                "Find entrances anywhere along a street beside a space, not only at street vertices. Turn off "
                "only to compare with tools that use vertices alone."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.STRAIGHT_LINE, tr("Also report the straight-line buffer result"), True),
            tr_noop(
                "The population within the same distance as the crow flies, the approximation some global "
                "datasets use; reported beside the network result, never instead of it."
            ),
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_NETWORK,
                tr("Street network with walking distance"),
                ProcessingSourceType.VectorLine,
                optional=True,
                createByDefault=True,
            ),
            tr_noop(
                "Every street segment with the walking distance from its nearer end to the nearest public space "
                "(empty beyond twice the walking distance). Skip it in batch runs that need only the numbers."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SERVICE_AREA,
                tr("Walking service area"),
                ProcessingSourceType.VectorPolygon,
                optional=True,
                createByDefault=True,
            ),
            tr_noop("For display: the streets reachable within the walking distance, widened by 25 m."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, tr("Access by district and population group"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "Population, population served and share served for the whole city and each district, for every "
                "population group and method."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_POPULATION,
                tr("Population points with walking distance"),
                ProcessingSourceType.VectorPoint,
                optional=True,
                createByDefault=False,
            ),
            tr_noop(
                "Optional: every populated cell or feature as a point with its walking distance and whether it is "
                "served, to map who is left out. Large for a whole-city grid."
            ),
        )
        self.add_report_parameter(
            tr_noop(
                "The indicator, the tables by population group and district, charts and a map, in the language of QGIS."
            )
        )
        self.add_number_outputs(
            [
                ("POP_TOTAL", tr("Total population")),
                ("POP_SERVED", tr("Population served")),
                ("SHARE_SERVED", tr("Share served (%)")),
                ("SHARE_SERVED_STRAIGHT_LINE", tr("Share within the straight-line buffer (%)")),
                ("NETWORK_PARTS", tr("Disconnected parts of the street network")),
            ]
        )

    def check_values(self, parameters, context) -> list:
        """Plausible distances: beyond these the numbers mean something else than SDG 11.7.1."""
        return self.distance_limits(
            parameters, context, ["MAX_DISTANCE", "ENTRY_TOLERANCE", "SNAP_TOLERANCE", "MAX_CELL_SIZE"]
        )

    def process(self, parameters, context, feedback):
        streets = self.required_source(parameters, self.STREETS, context)
        spaces = self.required_source(parameters, self.PUBLIC_SPACES, context)
        raster, population, fields = self.population_input(parameters, context)
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        district_field = self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)

        extent = self.parameterAsSource(parameters, self.URBAN_EXTENT, context)
        extent_field = self.parameterAsString(parameters, self.URBAN_EXTENT_NAME_FIELD, context)

        inputs = [streets, spaces] + [item for item in (raster, population, districts, extent) if item is not None]
        crs = self.analysis_crs(inputs, parameters, context, feedback)
        transform_context = context.transformContext()

        lines = walkable_lines(self, streets, parameters, context, feedback, crs)
        shapes, _, _, repaired, skipped = read_polygons(spaces, crs, transform_context)
        self.report_polygons(feedback, tr("public spaces"), repaired, skipped)

        extent_shapes, extent_names = [], []
        if extent is not None:
            extent_shapes, extent_names = self.named_polygons(
                extent, extent_field, crs, context, feedback, tr("urban extent")
            )
        points, weights, groups, population_name, spread = population_points(
            self, parameters, context, feedback, crs, extent_shapes
        )
        if len(points) == 0 or not np.any(np.asarray(weights)[:, 0] > 0):
            raise HabitatError(
                tr(
                    'The population input "{0}" holds no people: every cell or feature is nodata, zero or negative.',
                    population_name,
                )
            )
        check_overlap(
            points, lines[0], max_distance, population_name, self.input_label(parameters, self.STREETS, context)
        )

        district_shapes, district_names = [], []
        if districts is not None:
            district_shapes, district_names = self.named_polygons(
                districts, district_field, crs, context, feedback, tr("districts")
            )
        feedback.setProgress(10)

        result = public_space_access(
            lines,
            shapes,
            points,
            weights,
            groups,
            district_shapes,
            district_names,
            max_distance=max_distance,
            entry_tolerance=self.parameterAsDouble(parameters, self.ENTRY_TOLERANCE, context),
            tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            distance_limit=2 * max_distance,
            straight_line=self.parameterAsBool(parameters, self.STRAIGHT_LINE, context),
            progress=progress_callback(feedback, 10, 80),
            extents=extent_shapes or None,
            extent_names=extent_names,
            mid_segment_entrances=self.parameterAsBool(parameters, self.MID_SEGMENT_ENTRANCES, context),
        )
        graph = result.graph
        feedback.pushInfo(
            tr(
                "Street network: {0} vertices, {1} segments, {2} connected parts; {3} entrances to "
                "public spaces ({4} of them inside street segments).",
                graph.n_vertices,
                graph.n_edges,
                graph.n_components,
                len(result.entry_vertices),
                result.mid_segment_entrances,
            )
        )
        if extent is not None:
            inside = result.population_input - result.population_outside_extent
            feedback.pushInfo(
                tr(
                    "{0} of {1} people of the population input live inside the urban extent ({2} %); "
                    "the others are left out.",
                    whole_number(inside),
                    whole_number(result.population_input),
                    pct(100.0 * inside / result.population_input),
                )
            )
            if result.edges_outside_extent:
                feedback.pushInfo(
                    tr(
                        "{0} street segments lie too far from the urban extent to be walked from it and were left out.",
                        result.edges_outside_extent,
                    )
                )
        if result.far_from_streets_population > 0:
            feedback.pushWarning(
                tr(
                    "{0} people live farther than {1} m from any street and count as not served: "
                    "check that the streets cover the whole population input.",
                    whole_number(result.far_from_streets_population),
                    f"{max_distance:g}",
                )
            )
        if result.components_without_space:
            feedback.pushWarning(
                tr(
                    "{0} parts of the street network reach no public space; {1} people live along "
                    "them and count as not served.",
                    result.components_without_space,
                    whole_number(result.unreachable_population),
                )
            )

        if districts is not None:
            empty = [
                row["district"]
                for row in result.rows
                if row["district"] is not None
                and row["city"] is None
                and row["group"] == groups[0]
                and row["method"] == NETWORK
                and not row["population"] > 0
            ]
            if empty:
                feedback.pushWarning(
                    tr(
                        "{0} of {1} districts hold no people of the population input and have no "
                        "share: {2}. Check that the districts cover the city.",
                        len(empty),
                        len(district_names),
                        ", ".join(empty[:20]) + (" …" if len(empty) > 20 else ""),
                    )
                )

        outputs = {}
        if parameters.get(self.OUTPUT_NETWORK) is not None:
            outputs[self.OUTPUT_NETWORK] = self.write_network(
                parameters, context, feedback, graph, result, max_distance, crs
            )
        service_area = self.write_service_area(parameters, context, graph, result, max_distance, crs)
        if service_area is not None:
            outputs[self.OUTPUT_SERVICE_AREA] = service_area
        outputs[self.OUTPUT_TABLE] = self.write_table(parameters, context, result)
        if parameters.get(self.OUTPUT_POPULATION) is not None:
            outputs[self.OUTPUT_POPULATION] = self.write_population(
                parameters, context, points, weights, result, max_distance, crs
            )
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            spread_text = tr(SPREAD_LABELS[spread.method], spread.factor) if spread is not None else None
            outputs[self.OUTPUT_REPORT] = access_report(
                report_path,
                result,
                groups,
                max_distance,
                shapes,
                settings=self.report_settings(feedback),
                extent_given=extent is not None,
                spread_text=spread_text,
            )
        feedback.setProgress(100)

        city = {
            (row["group"], row["method"]): row for row in result.rows if row["district"] is None and row["city"] is None
        }
        network_total = city[(groups[0], NETWORK)]
        straight = city.get((groups[0], STRAIGHT_LINE))
        outputs.update(
            {
                "POP_TOTAL": network_total["population"],
                "POP_SERVED": network_total["served"],
                "SHARE_SERVED": network_total["share_pct"],
                "SHARE_SERVED_STRAIGHT_LINE": straight["share_pct"] if straight else None,
                "NETWORK_PARTS": graph.n_components,
            }
        )
        for group in groups:
            row = city[(group, NETWORK)]
            feedback.pushInfo(
                tr(
                    "{0}: {1} of {2} people within {3} m walking distance ({4} %).",
                    group_label(group),
                    whole_number(row["served"]),
                    whole_number(row["population"]),
                    f"{max_distance:g}",
                    pct(row["share_pct"]),
                )
            )
        if straight:
            feedback.pushInfo(tr("Straight-line buffer (approximation): {0} %.", pct(straight["share_pct"])))
        return outputs

    def write_network(self, parameters, context, feedback, graph, result, max_distance, crs):
        fields = QgsFields()
        fields.append(QgsField("edge_id", INT))
        fields.append(QgsField("line_no", INT))
        fields.append(QgsField("length_m", DOUBLE))
        fields.append(QgsField("dist_m", DOUBLE))
        fields.append(QgsField("band", INT))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_NETWORK, context, fields, WkbType.LineString, crs)
        nearer = edge_distances(result)
        bands = distance_band(nearer, max_distance)
        geometries = segment_geometries(graph.xy[graph.edge_u], graph.xy[graph.edge_v])
        attributes = zip(
            range(graph.n_edges),
            graph.edge_line.tolist(),
            graph.edge_length.tolist(),
            np.where(np.isfinite(nearer), nearer, np.nan).tolist(),
            bands.tolist(),
        )
        batch = []
        for index, (geometry, (edge, line, length, distance, band)) in enumerate(zip(geometries, attributes)):
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([edge, line, length, None if distance != distance else distance, band])
            batch.append(feature)
            if len(batch) == 10_000:
                sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
                batch = []
                if feedback.isCanceled():
                    raise Cancelled()
                feedback.setProgress(80 + 15 * index / graph.n_edges)
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context, dest_id, "access_network.qml", tr("Walking distance to public space"), band_labels(max_distance)
        )
        return dest_id

    def write_service_area(self, parameters, context, graph, result, max_distance, crs):
        if parameters.get(self.OUTPUT_SERVICE_AREA) is None:
            return None
        area = service_area(graph, result.vertex_distance, max_distance, DISPLAY_BUFFER)
        fields = QgsFields()
        fields.append(QgsField("walk_m", DOUBLE))
        sink, dest_id = self.create_sink(
            parameters, self.OUTPUT_SERVICE_AREA, context, fields, WkbType.MultiPolygon, crs
        )
        if area is not None:
            feature = QgsFeature(fields)
            geometry = from_shapely(area)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([max_distance])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, "access_service_area.qml", tr("Walking service area"))
        return dest_id

    def write_population(self, parameters, context, points, weights, result, max_distance, crs):
        fields = QgsFields()
        for name, kind in (("population", DOUBLE), ("dist_m", DOUBLE), ("served", INT), ("band", INT)):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_POPULATION, context, fields, WkbType.Point, crs)
        bands = distance_band(result.point_distance, max_distance)
        batch = []
        for (x, y), people, distance, served, band in zip(
            points, weights[:, 0], result.point_distance, result.served, bands
        ):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feature.setAttributes(
                [float(people), float(distance) if math.isfinite(distance) else None, int(served), int(band)]
            )
            batch.append(feature)
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
        labels = band_labels(max_distance)
        self.style_output(
            context,
            dest_id,
            None,
            tr("Population points with walking distance"),
            renderer=Categories(
                "band", {band: (labels[band], colour) for band, colour in zip(range(1, 7), BAND_COLOURS)}
            ),
        )
        return dest_id

    def write_table(self, parameters, context, result):
        fields = QgsFields()
        for name, kind in (
            ("district", TEXT),
            ("pop_group", TEXT),
            ("method", TEXT),
            ("method_label", TEXT),
            ("population", DOUBLE),
            ("served", DOUBLE),
            ("share_pct", DOUBLE),
            ("city", TEXT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_TABLE, context, fields, WkbType.NoGeometry, None)
        whole_city = tr("Whole city")
        all_cities = tr("All cities")
        several = any(row["city"] is not None for row in result.rows)
        for row in result.rows:
            feature = QgsFeature(fields)
            city = row["city"] if row["city"] is not None else (all_cities if several else None)
            feature.setAttributes(
                [
                    row["district"] if row["district"] is not None else whole_city,
                    row["group"],
                    row["method"],
                    tr(METHOD_LABELS[row["method"]]),
                    row["population"],
                    row["served"],
                    row["share_pct"],
                    city,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Access to public space by district"))
        return dest_id
