"""habitat:sdfaccessibility — travel time to centres, Hansen accessibility, dominant centres and influence zones."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterBoolean,
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
    DECAYS,
    DEFAULT_EXP_BETA,
    DOMINANCE,
    POWER_BETA,
    accessibility_index,
    beta_sensitivity,
    cost_matrix,
    dominant_centres,
    hansen,
    minutes_per_metre,
    nearest_by_level,
    parse_bands,
    sensitivity_betas,
)
from ...core.sdf.report_access import access_balance, accessibility_report, level_groups
from ...core.sdf.zones import centre_vertex_costs, influence_zones, isochrone_bands, settlement_areas
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, from_shapely, number_or_nan
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from ..styles import BLUES, NEAR_FAR, Categories, DistinctColours, Graduated
from .places import (
    field_numbers,
    group_names,
    listed,
    place_names,
    place_points,
    settlement_shape,
    written_geometry,
)
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
DECAY_LABELS = (tr_noop("Exponential, exp(−β·minutes)"), tr_noop("Power, minutes^−β"))
MAX_DECAY = 10.0  # above it a beta is a typing error for both decays (exponential 0.0231 per minute, power 2)


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
        "travel time (by default exponential decay, half weight at 30 minutes), also given as an index from 0 to "
        "100 on a logarithmic scale. The dominant centre of each settlement comes from Huff probabilities or "
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
    DECAY_FUNCTION = "DECAY_FUNCTION"
    INCLUDE_OWN = "INCLUDE_OWN"
    POPULATION_FIELD = "POPULATION_FIELD"
    DEVELOPMENT_FIELD = "DEVELOPMENT_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
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
            QgsProcessingParameterEnum(
                self.DECAY_FUNCTION,
                tr("Distance decay (Hansen)"),
                [tr(label) for label in DECAY_LABELS],
                defaultValue=0,
            ),
            tr_noop(
                "How the Hansen accessibility discounts a centre's mass with travel time. Exponential: "
                "exp(−β·minutes), recommended for regional travel-time accessibility (Geurs & van Wee 2004). Power: "
                "minutes^−β, the gravity form, which gives very large weights to centres a few minutes away."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DECAY,
                tr("Distance decay β"),
                ProcessingNumberParameterType.Double,
                round(DEFAULT_EXP_BETA, 4),
                minValue=0.0001,
            ),
            tr_noop(
                "β of the chosen distance decay. Exponential: per minute; 0.0231 = ln 2 / 30, a centre 30 minutes "
                "away counts half (a planning choice: there is no universal β; calibrate it on local trip data when "
                "available; Geurs & van Wee 2004, J. Transport Geography 12(2): 127–140). Power: the exponent of "
                "travel time, 2 = gravity (Hansen 1959). The dominant centre (Huff, Reilly) always uses the power "
                "form with β = 2."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.INCLUDE_OWN, tr("Count a centre's own mass"), True),
            tr_noop(
                "A centre's own people are accessible to it: its own mass counts at no travel time in its Hansen "
                "accessibility. When off, only the other centres count (the settlements beside a large centre then "
                "score higher than the centre itself)."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                tr("Population field"),
                parentLayerParameterName=self.SETTLEMENTS,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop(
                "The people of each settlement, for the population figures of the report and to weight the "
                "regional balance of access; each settlement counts once when empty."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.DEVELOPMENT_FIELD,
                tr("Development index field"),
                parentLayerParameterName=self.SETTLEMENTS,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop(
                "The development index (e.g. dev_index), for the regional balance of the report: how unequal "
                "development is between and within the groups, beside access."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.GROUP_FIELD, tr("Group field (district)"), parentLayerParameterName=self.SETTLEMENTS, optional=True
            ),
            tr_noop(
                "Groups of settlements, e.g. districts, for the regional balance of the report: the inequality of "
                "access between and within the groups. By hierarchy level when empty."
            ),
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
        self.add_report_parameter(
            tr_noop(
                "The influence zones map, travel times by hierarchy level, the least accessible settlements, the "
                "sensitivity of the ranking to β and the regional balance of access."
            )
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
        # The report's population and balance fields, checked before anything is written.
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        population = field_numbers(records, population_field, feedback, people=True) if population_field else None
        development_field = self.parameterAsString(parameters, self.DEVELOPMENT_FIELD, context)
        development = field_numbers(records, development_field, feedback, index=True) if development_field else None
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context)
        groups = group_names(records, group_field, feedback) if group_field else None
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
        costs[:, unconnected[centre_rows]] = np.inf  # nor can anyone reach a centre that has no road
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
        decay = DECAYS[self.parameterAsEnum(parameters, self.DECAY_FUNCTION, context)]
        include_own = self.parameterAsBool(parameters, self.INCLUDE_OWN, context)
        self.warn_decay(decay, beta, feedback)
        accessibility = hansen(costs, mass[centre_rows], centre_rows, beta=beta, decay=decay, include_own=include_own)
        index = accessibility_index(accessibility)
        # Huff and Reilly are choice models: the power form with beta = 2, whatever the Hansen decay.
        dominant, share = dominant_centres(
            costs, mass[centre_rows], DOMINANCE[self.parameterAsEnum(parameters, self.DOMINANCE, context)], POWER_BETA
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
                index,
                dominant,
                share,
                names,
                centre_rows,
                unconnected,
                crs,
                feedback,
            ),
        }
        outputs[self.OUTPUT_ZONES], zones = self.write_zones(
            parameters, context, places, xy, dominant, names, centre_rows, crs, feedback
        )
        if parameters.get(self.OUTPUT_ISOCHRONES) is not None:
            vertex_cost = centre_vertex_costs(graph, snap, centre_rows, off_road, max(bands))
            outputs[self.OUTPUT_ISOCHRONES] = self.write_bands(
                parameters, context, graph, vertex_cost, bands, crs, feedback
            )
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            if not group_field:
                groups, group_field = level_groups(levels), tr("Level")
            top_times = nearest[level_values[0]][0]
            sensitivity = beta_sensitivity(
                costs, mass[centre_rows], centre_rows, sensitivity_betas(beta), decay, include_own
            )
            if feedback.isCanceled():
                raise Cancelled()
            outputs[self.OUTPUT_REPORT] = accessibility_report(
                report_path,
                names,
                [settlement_shape(f.geometry()) for f in records],
                [(tr("Level {0}", level), nearest[level][0]) for level in level_values],
                bands,
                accessibility,
                index,
                [names[centre_rows[d]] if d >= 0 else None for d in dominant],
                ~unconnected,
                zones,
                sensitivity,
                access_balance(
                    top_times,
                    accessibility,
                    population,
                    groups,
                    development,
                ),
                group_field,
                decay,
                beta,
                include_own,
                population,
                self.report_settings(feedback),
            )
        outputs.update({"CENTRES": len(centre_rows), "UNCONNECTED": int(unconnected.sum())})
        return outputs

    @staticmethod
    def warn_decay(decay, beta, feedback):
        """A beta that belongs to the other decay function (0.0231 with power decay, 2 with exponential) is said."""
        if decay == "power" and beta < 0.5:
            feedback.pushWarning(
                tr(
                    "A power decay with β = {0} hardly discounts travel time; the gravity exponent is 2.",
                    f"{beta:g}",
                )
            )
        elif decay == "exponential" and beta > 0.5:
            feedback.pushWarning(
                tr(
                    "An exponential decay with β = {0} per minute halves a centre's weight every {1} minutes; "
                    "0.0231 halves it every 30 minutes.",
                    f"{beta:g}",
                    f"{np.log(2) / beta:.1f}",
                )
            )

    def write_settlements(
        self,
        parameters,
        context,
        source,
        records,
        level_values,
        nearest,
        accessibility,
        index,
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
            + [
                ("hansen", DOUBLE),
                ("access_idx", DOUBLE),
                ("dominant", TEXT),
                ("dom_share", DOUBLE),
                ("road_access", INT),
            ],
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
                    float(index[i]) if np.isfinite(index[i]) else None,
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
        """Zones: Voronoi cells of the settlement points (sector polygons themselves), dissolved by dominant centre.
        Returns the layer and [(centre name, zone)] for the report."""
        fields = QgsFields()
        fields.append(QgsField("centre", TEXT))
        fields.append(QgsField("settlements", INT))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_ZONES, context, fields, WkbType.MultiPolygon, crs)
        zones = []
        for column, zone, count in influence_zones(
            settlement_areas(xy, places.shapes), dominant, progress_callback(feedback, 80, 90)
        ):
            geometry = from_shapely(zone)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([names[centre_rows[column]], count])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            zones.append((names[centre_rows[column]], zone))
        self.style_output(context, dest_id, None, tr("Territorial influence zones"), renderer=DistinctColours("centre"))
        return dest_id, zones

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
