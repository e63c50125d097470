"""habitat:sdfaccessibility — travel time to centres, Hansen accessibility, dominant centres and influence zones."""

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
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ...core.network import build_graph
from ...core.sdf.accessibility import (
    DOMINANCE,
    cost_matrix,
    dominant_centres,
    hansen,
    minutes_per_metre,
    nearest_by_level,
    parse_bands,
)
from ...core.sdf.zones import centre_vertex_costs, influence_zones, isochrone_bands, settlement_areas
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, from_shapely, number_or_nan
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from ..styles import BLUES, NEAR_FAR, Categories, DistinctColours, Graduated
from .places import listed, place_names, place_points, written_geometry
from .roads import (
    CLASS_FIELD,
    DEFAULT_SPEED,
    MAX_OFF_ROAD,
    OFF_ROAD_SPEED,
    ROADS,
    SPEEDS,
    add_road_parameters,
    check_road_values,
    implausible,
    read_roads,
)
from .sdf_functions import unique_names

DOMINANCE_LABELS = (tr_noop("Huff probabilities"), tr_noop("Reilly's law (gravity)"))
MAX_DECAY = 10.0


class SdfAccessibilityAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdfaccessibility"
    DISPLAY_NAME = tr_noop("Accessibility and territorial influence of centres")
    GROUP_ID = "sdf"
    TAGS = (
        tr_noop("accessibility"),
        tr_noop("travel time"),
        tr_noop("Hansen"),
        tr_noop("Huff"),
        tr_noop("territorial influence"),
    )
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "How well each settlement reaches the centres of the settlement hierarchy, on the road network with a "
        "speed for each road class. For each hierarchy level: the travel time to the nearest centre of that level "
        "or a more central one. Hansen accessibility sums the centres' mass (population or centrality) weighted by "
        "travel time (power decay). The dominant centre of each settlement comes from Huff probabilities or "
        "Reilly's law of retail gravitation; settlements dominated by the same centre form its zone of territorial "
        "influence. Isochrone bands show the area within given travel times of a centre. Settlements join the "
        "nearest road at the off-road speed; those too far from any road, or on roads that reach no centre, are "
        "reported and get no travel time."
    )

    SETTLEMENTS = "SETTLEMENTS"
    NAME_FIELD = "NAME_FIELD"
    LEVEL_FIELD = "LEVEL_FIELD"
    MASS_FIELD = "MASS_FIELD"
    CENTRE_MAX_LEVEL = "CENTRE_MAX_LEVEL"
    ROADS, CLASS_FIELD, SPEEDS, DEFAULT_SPEED, OFF_ROAD_SPEED, MAX_OFF_ROAD = (
        ROADS,
        CLASS_FIELD,
        SPEEDS,
        DEFAULT_SPEED,
        OFF_ROAD_SPEED,
        MAX_OFF_ROAD,
    )
    DOMINANCE = "DOMINANCE"
    DECAY = "DECAY"
    BANDS = "BANDS"
    OUTPUT = "OUTPUT"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    OUTPUT_ISOCHRONES = "OUTPUT_ISOCHRONES"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.SETTLEMENTS,
                tr("Settlements or sectors"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
            ),
            tr_noop(
                "Settlements with their hierarchy level, e.g. the output of the functional analysis; sectors "
                "count at a point inside them."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Settlement name field"), parentLayerParameterName=self.SETTLEMENTS, optional=True
            ),
            tr_noop("Names used for the dominant centres; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.LEVEL_FIELD,
                tr("Hierarchy level field"),
                "level",
                parentLayerParameterName=self.SETTLEMENTS,
                type=ProcessingFieldParameterDataType.Numeric,
            ),
            tr_noop("Hierarchy level of each settlement, 1 being the most central."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.MASS_FIELD,
                tr("Mass field (population or centrality)"),
                "centrality",
                parentLayerParameterName=self.SETTLEMENTS,
                type=ProcessingFieldParameterDataType.Numeric,
            ),
            tr_noop("The attraction of a centre in the Hansen, Huff and Reilly models."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CENTRE_MAX_LEVEL,
                tr("Centres are levels up to"),
                ProcessingNumberParameterType.Integer,
                2,
                minValue=1,
                maxValue=7,
            ),
            tr_noop("Settlements of this level or a more central one are centres (2: central and intermediate)."),
        )
        add_road_parameters(self)
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.DOMINANCE, tr("Dominant centre by"), [tr(label) for label in DOMINANCE_LABELS], defaultValue=0
            ),
            tr_noop(
                "Huff: the centre with the highest probability of being chosen. Reilly: the strongest gravity, "
                "mass over travel time squared."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DECAY, tr("Distance decay exponent"), ProcessingNumberParameterType.Double, 2.0, minValue=0.1
            ),
            tr_noop("Exponent of travel time in the Hansen and Huff models (2: gravity)."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterString(self.BANDS, tr("Isochrone bands (minutes)"), "15, 30, 60"),
            tr_noop("Travel times around the centres drawn as bands, comma-separated."),
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Accessibility of settlements"), ProcessingSourceType.VectorAnyGeometry
            ),
            tr_noop(
                "Settlements with travel time to the nearest centre of each level, Hansen accessibility and "
                "dominant centre."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ZONES, tr("Territorial influence zones"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop("The area of each centre's influence: the settlements it dominates, as polygons."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ISOCHRONES,
                tr("Isochrone bands"),
                ProcessingSourceType.VectorPolygon,
                optional=True,
                createByDefault=True,
            ),
            tr_noop("For display: roads reachable from a centre within each band, widened by 200 m."),
        )
        self.add_number_outputs([("CENTRES", tr("Centres")), ("UNCONNECTED", tr("Settlements without road access"))])

    def check_values(self, parameters, context):
        problems = check_road_values(self, parameters, context)
        message = implausible(self, parameters, context, self.DECAY, MAX_DECAY, "")
        if message:
            problems.append(message)
        try:
            parse_bands(self.parameterAsString(parameters, self.BANDS, context))
        except HabitatError as error:
            problems.append(str(error))
        return problems

    def process(self, parameters, context, feedback):
        settlements = self.required_source(parameters, self.SETTLEMENTS, context)
        roads = self.required_source(parameters, self.ROADS, context)
        crs = self.analysis_crs([settlements, roads], parameters, context, feedback)
        transform = context.transformContext()
        level_field = self.parameterAsString(parameters, self.LEVEL_FIELD, context)
        mass_field = self.parameterAsString(parameters, self.MASS_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        max_level = self.parameterAsInt(parameters, self.CENTRE_MAX_LEVEL, context)
        bands = parse_bands(self.parameterAsString(parameters, self.BANDS, context))

        what = tr("settlements")
        places = place_points(features_in_crs(settlements, crs, transform), what)
        places.report(feedback, what)
        records = places.records
        if not records:
            raise HabitatError(
                tr(
                    'The input "{0}" has no settlement with a usable location.',
                    self.input_label(parameters, self.SETTLEMENTS, context),
                )
            )
        xy = np.array(places.xy, dtype=float)
        levels = np.array([number_or_nan(f[level_field]) for f in records])
        mass = np.array([number_or_nan(f[mass_field]) for f in records])
        names = unique_names(place_names(records, name_field), records, feedback, what)
        odd = np.isfinite(levels) & ((levels < 1) | (levels != np.round(levels)))
        if odd.any():
            raise HabitatError(
                tr(
                    "The hierarchy level field {0} has values that are not levels 1, 2, 3…: {1} (e.g. {2}).",
                    level_field,
                    int(odd.sum()),
                    f"{levels[odd][0]:g}",
                )
            )
        unlevelled = int((~np.isfinite(levels)).sum())
        if unlevelled:
            feedback.pushWarning(
                tr("{0} settlements have no hierarchy level in {1}: they are not centres.", unlevelled, level_field)
            )
        centre_rows = np.nonzero(np.isfinite(levels) & (levels <= max_level))[0]
        if len(centre_rows) == 0:
            raise HabitatError(
                tr("No settlement has a hierarchy level of {0} or more central: there are no centres.", max_level)
            )
        if np.any(~(mass[centre_rows] > 0)) or np.any(~np.isfinite(mass[centre_rows])):
            bad = [names[i] for i in centre_rows if not (np.isfinite(mass[i]) and mass[i] > 0)]
            raise HabitatError(
                tr("Every centre needs a mass above 0 in the field {0}; these have none: {1}", mass_field, listed(bad))
            )

        lines, speeds = read_roads(self, parameters, context, roads, crs, feedback)
        graph = build_graph(lines, cost_per_metre=minutes_per_metre(speeds))
        feedback.setProgress(10)
        off_road = minutes_per_metre(self.parameterAsDouble(parameters, self.OFF_ROAD_SPEED, context))
        # Centres per Dijkstra call: fewer on large networks, so that a cancel is seen within about a second.
        chunk = max(1, min(64, 2_000_000 // max(len(graph.edge_u), 1)))
        costs, snap = cost_matrix(
            graph,
            xy,
            centre_rows,
            off_road,
            chunk=chunk,
            progress=progress_callback(feedback, 10, 70),
            snap_progress=progress_callback(feedback, 10, 10),
        )
        unconnected = snap.connector > self.parameterAsDouble(parameters, self.MAX_OFF_ROAD, context)
        costs[unconnected, :] = np.inf
        max_off_road = self.parameterAsDouble(parameters, self.MAX_OFF_ROAD, context)
        if unconnected.all():
            raise HabitatError(
                tr(
                    'No settlement lies within {0} m of a road of "{1}": are the roads and the '
                    "settlements of the same region?",
                    f"{max_off_road:g}",
                    self.input_label(parameters, self.ROADS, context),
                )
            )
        if unconnected[centre_rows].all():
            raise HabitatError(
                tr(
                    'No centre lies within {0} m of a road of "{1}": no travel time can be computed.',
                    f"{max_off_road:g}",
                    self.input_label(parameters, self.ROADS, context),
                )
            )
        unreachable = ~np.isfinite(costs).any(axis=1) & ~unconnected
        if unconnected.any():
            feedback.pushWarning(
                tr(
                    "{0} settlements have no road within reach and get no travel time: {1}",
                    int(unconnected.sum()),
                    listed(np.array(names)[unconnected].tolist()),
                )
            )
        if unreachable.any():
            feedback.pushWarning(
                tr(
                    "{0} settlements are on roads that reach no centre: {1}",
                    int(unreachable.sum()),
                    listed(np.array(names)[unreachable].tolist()),
                )
            )
        level_values = sorted({int(v) for v in levels[centre_rows]})
        nearest = nearest_by_level(costs, levels[centre_rows], level_values)
        beta = self.parameterAsDouble(parameters, self.DECAY, context)
        accessibility = hansen(costs, mass[centre_rows], centre_rows, beta=beta)
        dominant, share = dominant_centres(
            costs, mass[centre_rows], DOMINANCE[self.parameterAsEnum(parameters, self.DOMINANCE, context)], beta
        )
        feedback.setProgress(80)

        outputs = {
            self.OUTPUT: self.write_settlements(
                parameters,
                context,
                settlements,
                records,
                level_values,
                nearest,
                accessibility,
                dominant,
                share,
                names,
                centre_rows,
                unconnected,
                crs,
                feedback,
            ),
            self.OUTPUT_ZONES: self.write_zones(
                parameters, context, places, xy, dominant, names, centre_rows, crs, feedback
            ),
        }
        if parameters.get(self.OUTPUT_ISOCHRONES) is not None:
            vertex_cost = centre_vertex_costs(graph, snap, centre_rows, off_road, max(bands))
            outputs[self.OUTPUT_ISOCHRONES] = self.write_bands(
                parameters, context, graph, vertex_cost, bands, crs, feedback
            )
        outputs.update({"CENTRES": len(centre_rows), "UNCONNECTED": int(unconnected.sum())})
        return outputs

    def write_settlements(
        self,
        parameters,
        context,
        source,
        records,
        level_values,
        nearest,
        accessibility,
        dominant,
        share,
        names,
        centre_rows,
        unconnected,
        crs,
        feedback,
    ):
        fields, kept = extended_fields(
            source.fields(),
            [(f"time_l{level}", DOUBLE) for level in level_values]
            + [("hansen", DOUBLE), ("dominant", TEXT), ("dom_share", DOUBLE), ("road_access", INT)],
        )
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        for i, feature in enumerate(records):
            if i % 1000 == 0 and feedback.isCanceled():
                raise Cancelled()
            times = [nearest[level][0][i] for level in level_values]
            out = QgsFeature(fields)
            out.setGeometry(written_geometry(feature))
            out.setAttributes(
                [feature[field.name()] for field in kept]
                + [float(t) if np.isfinite(t) else None for t in times]
                + [
                    float(accessibility[i]),
                    names[centre_rows[dominant[i]]] if dominant[i] >= 0 else None,
                    float(share[i]) if np.isfinite(share[i]) else None,
                    int(not unconnected[i]),
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        # Coloured by the travel time to the nearest centre of the top level, the first question a planner asks.
        self.style_output(
            context,
            dest_id,
            None,
            tr("Accessibility of settlements"),
            renderer=Graduated(f"time_l{level_values[0]}", NEAR_FAR, tr("min"), 0),
        )
        return dest_id

    def write_zones(self, parameters, context, places, xy, dominant, names, centre_rows, crs, feedback):
        """Zones: Voronoi cells of the settlement points (sector polygons themselves), dissolved by dominant centre."""
        fields = QgsFields()
        fields.append(QgsField("centre", TEXT))
        fields.append(QgsField("settlements", INT))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_ZONES, context, fields, WkbType.MultiPolygon, crs)
        for column, zone, count in influence_zones(
            settlement_areas(xy, places.shapes), dominant, progress_callback(feedback, 80, 90)
        ):
            geometry = from_shapely(zone)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([names[centre_rows[column]], count])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Territorial influence zones"), renderer=DistinctColours("centre"))
        return dest_id

    def write_bands(self, parameters, context, graph, vertex_cost, bands, crs, feedback):
        fields = QgsFields()
        fields.append(QgsField("minutes", DOUBLE))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_ISOCHRONES, context, fields, WkbType.MultiPolygon, crs)
        for band, shape in isochrone_bands(graph, vertex_cost, bands, progress=progress_callback(feedback, 90, 100)):
            geometry = from_shapely(shape)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([band])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        shades = {band: BLUES[::-1][min(number, len(BLUES) - 1)] for number, band in enumerate(sorted(bands))}
        self.style_output(
            context,
            dest_id,
            None,
            tr("Isochrone bands"),
            renderer=Categories("minutes", {band: (tr("within {0} min", f"{band:g}"), shades[band]) for band in bands}),
        )
        return dest_id
