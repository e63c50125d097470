"""habitat:sdfscenario — the SDF chain on a baseline and on a what-if scenario (roads added or upgraded, facilities
added or moved), side by side."""

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
from ...core.sdf.accessibility import DEFAULT_EXP_BETA, minutes_per_metre, parse_bands, speed_table
from ...core.sdf.chain import ChainSettings, run_scenario
from ...core.sdf.report_scenario import MAX_ROADS_DRAWN, scenario_report
from ...core.sdf.scalogram import MAX_LEVELS
from ...core.sdf.scenario import JOIN_DISTANCE, scenario_networks
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, to_shapely
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from ..styles import Graduated
from .places import field_numbers, group_names, listed, place_names, place_points, written_geometry
from .presence import FACILITIES, FUNCTION_FIELD, add_presence_parameters, check_presence_values, read_presence
from .roads import (
    MAX_OFF_ROAD,
    OFF_ROAD_SPEED,
    SPEEDS,
    add_road_parameters,
    check_road_values,
    implausible,
    read_roads,
)
from .sdf_functions import level_labels, unique_names

FACILITY_MODES = ("add", "replace")
FACILITY_MODE_LABELS = (
    tr_noop("Added to the baseline facilities"),
    tr_noop("Replace the baseline facilities (an edited copy)"),
)
GAINS = ("#f7fcf5", "#c7e9c0", "#74c476", "#238b45", "#00441b")
MAX_DECAY = 10.0
MAX_JOIN_METRES = 5_000.0


class SdfScenarioAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdfscenario"
    DISPLAY_NAME = tr_noop("What-if scenario (baseline and scenario side by side)")
    GROUP_ID = "sdf"
    TAGS = (tr_noop("scenario"), tr_noop("what-if"), tr_noop("new road"), tr_noop("planned structure"))
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "Tests a project before it is built: the SDF chain (functions, centrality and hierarchy, travel time to "
        "centres, accessibility, function gaps, investment priorities, regional balance) runs on the baseline and "
        "on a scenario with new or upgraded roads and new or moved facilities, and the results are shown side by "
        "side with their changes: travel times, the population within 30 and 60 minutes of each level of centre, "
        "the hierarchy, the inequality between parts of the region and the priorities, with a map of the gains. "
        "Draw the new roads in a line layer (their ends join the nearest road vertex within the join distance); "
        "to upgrade a road, copy it into that layer and give it its new class. The hierarchy keeps the baseline's "
        "class bounds, so that a settlement changes level only when its own centrality crosses them."
    )

    SETTLEMENTS = "SETTLEMENTS"
    NAME_FIELD = "NAME_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    DEVELOPMENT_FIELD = "DEVELOPMENT_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    NEW_ROADS = "NEW_ROADS"
    NEW_CLASS_FIELD = "NEW_CLASS_FIELD"
    NEW_ROAD_CLASS = "NEW_ROAD_CLASS"
    JOIN_DISTANCE = "JOIN_DISTANCE"
    SCENARIO_FACILITIES = "SCENARIO_FACILITIES"
    FACILITY_MODE = "FACILITY_MODE"
    CLASSES = "CLASSES"
    CENTRE_MAX_LEVEL = "CENTRE_MAX_LEVEL"
    BANDS = "BANDS"
    DECAY = "DECAY"
    INCLUDE_OWN = "INCLUDE_OWN"
    SERVICE_MINUTES = "SERVICE_MINUTES"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.SETTLEMENTS,
                tr("Settlements or sectors"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
            ),
            tr_noop("Settlement points or sector polygons of the region; sectors count at a point inside them."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Settlement name field"), parentLayerParameterName=self.SETTLEMENTS, optional=True
            ),
            tr_noop("Names shown in the report; the feature id when empty."),
        )
        for name, label, help_text in (
            (
                self.POPULATION_FIELD,
                tr("Population field"),
                tr_noop(
                    "People of each settlement: the population within reach, the mass of the centres in the "
                    "accessibility and the weights of the regional balance. Without it every settlement counts once "
                    "and the centres' mass is their centrality."
                ),
            ),
            (
                self.DEVELOPMENT_FIELD,
                tr("Development index field"),
                tr_noop("The development index (e.g. dev_index), a need in the priorities and a measure of balance."),
            ),
        ):
            self.add_parameter(
                QgsProcessingParameterField(
                    name,
                    label,
                    parentLayerParameterName=self.SETTLEMENTS,
                    type=ProcessingFieldParameterDataType.Numeric,
                    optional=True,
                ),
                help_text,
            )
        self.add_parameter(
            QgsProcessingParameterField(
                self.GROUP_FIELD, tr("District field"), parentLayerParameterName=self.SETTLEMENTS, optional=True
            ),
            tr_noop(
                "Parts of the region (districts) for the balance between and within them; the hierarchy levels "
                "when empty."
            ),
        )
        add_presence_parameters(self)
        add_road_parameters(self)
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.NEW_ROADS,
                tr("New or upgraded roads (scenario)"),
                [ProcessingSourceType.VectorLine],
                optional=True,
            ),
            tr_noop(
                "Roads the scenario adds. A line on the same vertices as an existing road replaces it (an "
                "upgrade): copy the road and change its class."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NEW_CLASS_FIELD,
                tr("Class field of the new roads"),
                parentLayerParameterName=self.NEW_ROADS,
                optional=True,
            ),
            tr_noop("Road class of each new road, looked up in the speed table; the class below when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.NEW_ROAD_CLASS, tr("Class of the new roads"), "secondary"),
            tr_noop("Road class (from the speed table) of new roads without a class field."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.JOIN_DISTANCE,
                tr("Join new road ends within (m)"),
                ProcessingNumberParameterType.Double,
                JOIN_DISTANCE,
                minValue=0.0,
            ),
            tr_noop(
                "A new road's end this close to a vertex of the existing roads is joined to it; ends farther "
                "away are reported (a road drawn to a roadless village ends there)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.SCENARIO_FACILITIES,
                tr("Facilities of the scenario (points)"),
                [ProcessingSourceType.VectorPoint],
                optional=True,
            ),
            tr_noop(
                "New facilities (a hospital, a market…) with the same function field as the facilities; or, "
                "with the option below, an edited copy of all facilities (some moved or removed)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.FACILITY_MODE,
                tr("Facilities of the scenario are"),
                [tr(label) for label in FACILITY_MODE_LABELS],
                defaultValue=0,
            ),
            tr_noop("Whether the scenario's facilities come in addition to the baseline's or replace them."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CLASSES,
                tr("Number of hierarchy levels"),
                ProcessingNumberParameterType.Integer,
                3,
                minValue=2,
                maxValue=MAX_LEVELS,
            ),
            tr_noop("Levels by natural breaks of the baseline's centrality; three are central, intermediate, local."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CENTRE_MAX_LEVEL,
                tr("Centres are levels up to"),
                ProcessingNumberParameterType.Integer,
                2,
                minValue=1,
                maxValue=MAX_LEVELS,
            ),
            tr_noop("Settlements of this level or a more central one are centres (2: central and intermediate)."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.BANDS, tr("Travel time bands (minutes)"), "30, 60", optional=True),
            tr_noop("The population within these travel times of each level of centre is compared."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SERVICE_MINUTES,
                tr("Service time (minutes)"),
                ProcessingNumberParameterType.Double,
                60.0,
                minValue=1.0,
                maxValue=1440.0,
            ),
            tr_noop("In the priorities, settlements beyond this time of a centre, or without one, are unserved."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DECAY,
                tr("Accessibility decay β (per minute)"),
                ProcessingNumberParameterType.Double,
                round(DEFAULT_EXP_BETA, 4),
                minValue=0.0001,
            ),
            tr_noop(
                "Hansen accessibility with exponential decay exp(−β·minutes); 0.0231 halves a centre's weight "
                "every 30 minutes."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.INCLUDE_OWN, tr("Count a centre's own mass"), True),
            tr_noop("A centre's own people are accessible to it."),
            advanced=True,
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Baseline and scenario by settlement"), ProcessingSourceType.VectorAnyGeometry
            ),
            tr_noop(
                "Each settlement's level, travel times, accessibility, lacking functions and priority in the "
                "baseline and the scenario, with the minutes gained."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY, tr("Baseline and scenario side by side"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "One row per indicator: a key that stays the same in every language, the indicator, baseline, "
                "scenario and change."
            ),
        )
        self.add_report_parameter(
            tr_noop(
                "The side-by-side table, a map of the minutes gained, the changes of level and priority and the "
                "regional balance, in the language of QGIS."
            )
        )
        self.add_number_outputs(
            [
                ("GAINING", tr("Settlements with a shorter travel time to a centre")),
                ("NEWLY_CONNECTED", tr("Settlements newly joined to the road network")),
            ]
        )

    def check_values(self, parameters, context):
        problems = check_presence_values(self, parameters, context) + check_road_values(self, parameters, context)
        new_roads = parameters.get(self.NEW_ROADS) not in (None, "")
        new_facilities = parameters.get(self.SCENARIO_FACILITIES) not in (None, "")
        if not new_roads and not new_facilities:
            problems.append(
                tr("Give the scenario's new or upgraded roads, its facilities, or both: otherwise nothing changes.")
            )
        if new_facilities and parameters.get(FACILITIES) in (None, ""):
            problems.append(
                tr("Facilities of the scenario need the baseline's functions as facility points, not columns.")
            )
        elif new_facilities:
            source = self.parameterAsSource(parameters, self.SCENARIO_FACILITIES, context)
            field = self.parameterAsString(parameters, FUNCTION_FIELD, context)
            if source is not None and field and source.fields().lookupField(field) < 0:
                problems.append(
                    tr(
                        'The facilities of the scenario "{0}" have no field {1}, the function field of the '
                        "baseline facilities.",
                        self.input_label(parameters, self.SCENARIO_FACILITIES, context),
                        field,
                    )
                )
        if new_roads and not self.parameterAsString(parameters, self.NEW_CLASS_FIELD, context):
            road_class = (self.parameterAsString(parameters, self.NEW_ROAD_CLASS, context) or "").strip().lower()
            try:
                table = speed_table(self.parameterAsMatrix(parameters, SPEEDS, context))
            except HabitatError:
                table = None  # reported by check_road_values
            if table is not None and road_class not in table:
                problems.append(
                    tr(
                        'The class of the new roads "{0}" is not in the speed table ({1}).',
                        road_class,
                        ", ".join(sorted(table)),
                    )
                )
        for parameter, highest, unit in ((self.DECAY, MAX_DECAY, ""), (self.JOIN_DISTANCE, MAX_JOIN_METRES, "m")):
            message = implausible(self, parameters, context, parameter, highest, unit)
            if message:
                problems.append(message)
        try:
            parse_bands(self.parameterAsString(parameters, self.BANDS, context), tr("Travel time bands"))
        except HabitatError as error:
            problems.append(str(error))
        classes = self.parameterAsInt(parameters, self.CLASSES, context)
        if self.parameterAsInt(parameters, self.CENTRE_MAX_LEVEL, context) > classes:
            problems.append(
                tr(
                    "Centres are levels up to {0}, but there are only {1} levels.",
                    self.parameterAsInt(parameters, self.CENTRE_MAX_LEVEL, context),
                    classes,
                )
            )
        return problems

    def process(self, parameters, context, feedback):
        settlements = self.required_source(parameters, self.SETTLEMENTS, context)
        roads = self.required_source(parameters, "ROADS", context)
        new_roads = self.parameterAsSource(parameters, self.NEW_ROADS, context)
        crs = self.analysis_crs(
            [item for item in (settlements, roads, new_roads) if item is not None], parameters, context, feedback
        )
        what = tr("settlements")
        places = place_points(features_in_crs(settlements, crs, context.transformContext()), what)
        places.report(feedback, what)
        records = places.records
        if len(records) < 3:
            raise HabitatError(
                tr(
                    'A scenario needs at least three settlements with a location; the input "{0}" has {1}.',
                    self.input_label(parameters, self.SETTLEMENTS, context),
                    len(records),
                )
            )
        names = unique_names(
            place_names(records, self.parameterAsString(parameters, self.NAME_FIELD, context)), records, feedback, what
        )
        xy = np.array(places.xy, dtype=float)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        population = field_numbers(records, population_field, feedback, people=True) if population_field else None
        development_field = self.parameterAsString(parameters, self.DEVELOPMENT_FIELD, context)
        development = field_numbers(records, development_field, feedback, index=True) if development_field else None
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context)
        groups = group_names(records, group_field, feedback) if group_field else None

        presence, functions = read_presence(self, parameters, context, places, crs, feedback)
        scenario_presence = presence
        if self.parameterAsSource(parameters, self.SCENARIO_FACILITIES, context) is not None:
            added, added_functions = read_presence(
                self, parameters, context, places, crs, feedback, facilities_name=self.SCENARIO_FACILITIES
            )
            functions, presence, added = _aligned(functions, presence, added_functions, added)
            replace = FACILITY_MODES[self.parameterAsEnum(parameters, self.FACILITY_MODE, context)] == "replace"
            scenario_presence = added if replace else np.maximum(presence, added)
        feedback.setProgress(5)

        base_lines, base_speeds = read_roads(self, parameters, context, roads, crs, feedback)
        new_lines, new_speeds = [], []
        if new_roads is not None:
            new_lines, new_speeds = self.read_new_roads(parameters, context, new_roads, crs, feedback)
        max_off_road = self.parameterAsDouble(parameters, MAX_OFF_ROAD, context)
        networks = scenario_networks(
            base_lines,
            minutes_per_metre(base_speeds),
            new_lines,
            minutes_per_metre(new_speeds) if new_speeds else np.empty(0),
            xy,
            max_off_road,
            self.parameterAsDouble(parameters, self.JOIN_DISTANCE, context),
            progress=progress_callback(feedback, 5, 15),
        )
        self.report_networks(networks, new_roads, parameters, context, feedback)
        unconnected = ~networks.base.connected
        max_off_road_text = f"{max_off_road:g}"
        if unconnected.all() and not networks.scenario.connected.any():
            raise HabitatError(
                tr(
                    'No settlement lies within {0} m of a road of "{1}": are the roads and the settlements of the '
                    "same region?",
                    max_off_road_text,
                    self.input_label(parameters, "ROADS", context),
                )
            )
        if unconnected.any():
            feedback.pushWarning(
                tr(
                    "{0} settlements have no road within reach and get no travel time: {1}",
                    int(unconnected.sum()),
                    listed(np.array(names)[unconnected].tolist()),
                )
            )
        settings = ChainSettings(
            float(minutes_per_metre(self.parameterAsDouble(parameters, OFF_ROAD_SPEED, context))),
            classes=self.parameterAsInt(parameters, self.CLASSES, context),
            centre_max_level=self.parameterAsInt(parameters, self.CENTRE_MAX_LEVEL, context),
            bands=parse_bands(self.parameterAsString(parameters, self.BANDS, context), tr("Travel time bands")),
            beta=self.parameterAsDouble(parameters, self.DECAY, context),
            include_own=self.parameterAsBoolean(parameters, self.INCLUDE_OWN, context),
            service_minutes=self.parameterAsDouble(parameters, self.SERVICE_MINUTES, context),
        )
        comparison = run_scenario(
            networks,
            xy,
            presence,
            scenario_presence,
            functions,
            settings,
            population,
            development,
            groups,
            progress=progress_callback(feedback, 15, 90),
        )
        top = settings.centre_max_level
        before, after = comparison.baseline.times[top], comparison.scenario.times[top]
        both = np.isfinite(before) & np.isfinite(after)
        gain = np.full(len(before), np.nan)
        gain[both] = before[both] - after[both]
        newly = ~np.isfinite(before) & np.isfinite(after)
        gaining = int((gain > 1e-6).sum())
        feedback.pushInfo(
            tr(
                "{0} settlements reach a centre sooner, {1} reach one for the first time.",
                gaining,
                int(newly.sum()),
            )
        )
        labels = level_labels(settings.classes)
        outputs = {
            self.OUTPUT: self.write_settlements(
                parameters, context, settlements, records, comparison, gain, newly, settings, crs, feedback
            ),
            self.OUTPUT_SUMMARY: self.write_summary(parameters, context, comparison),
            "GAINING": gaining,
            "NEWLY_CONNECTED": int(newly.sum()),
        }
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            shapes = [to_shapely(f.geometry()) if f.hasGeometry() else None for f in records]
            outputs[self.OUTPUT_REPORT] = scenario_report(
                report_path,
                names,
                shapes,
                comparison,
                gain,
                newly,
                [_line(line) for line in new_lines],
                labels,
                self.report_settings(feedback),
                [_line(line) for line in base_lines] if len(base_lines) <= MAX_ROADS_DRAWN else (),
            )
        return outputs

    def read_new_roads(self, parameters, context, source, crs, feedback):
        class_field = self.parameterAsString(parameters, self.NEW_CLASS_FIELD, context)
        table = speed_table(self.parameterAsMatrix(parameters, SPEEDS, context))
        if class_field:
            return read_roads(
                self,
                parameters,
                context,
                source,
                crs,
                feedback,
                source_name=self.NEW_ROADS,
                class_field_name=self.NEW_CLASS_FIELD,
            )
        lines, _ = read_roads(self, parameters, context, source, crs, feedback, source_name=self.NEW_ROADS)
        road_class = (self.parameterAsString(parameters, self.NEW_ROAD_CLASS, context) or "").strip().lower()
        return lines, [table[road_class]] * len(lines)

    def report_networks(self, networks, new_roads, parameters, context, feedback):
        if new_roads is None:
            return
        if networks.loose_ends:
            feedback.pushWarning(
                tr(
                    "{0} new road parts have an end joined to no existing road (beyond {1} m of a vertex): "
                    "check that they end where you meant (a road to a roadless village ends there).",
                    len(networks.loose_ends),
                    f"{self.parameterAsDouble(parameters, self.JOIN_DISTANCE, context):g}",
                )
            )
        if networks.replaced:
            feedback.pushInfo(
                tr("{0} road segments are upgraded (replaced by a new road on the same vertices).", networks.replaced)
            )
        if len(networks.attachments) == 0:
            feedback.pushWarning(
                tr(
                    'The new roads of "{0}" meet no existing road: they change nothing unless a settlement lies '
                    "near them. Draw them to a vertex of the road network.",
                    self.input_label(parameters, self.NEW_ROADS, context),
                )
            )

    def write_settlements(self, parameters, context, source, records, comparison, gain, newly, settings, crs, feedback):
        base, scen = comparison.baseline, comparison.scenario
        levels = range(1, settings.centre_max_level + 1)
        extra = [("level_base", INT), ("level_scen", INT)]
        for level in levels:
            extra += [(f"t{level}_base", DOUBLE), (f"t{level}_scen", DOUBLE)]
        extra += [
            ("gain_min", DOUBLE),
            ("new_access", INT),
            ("access_base", DOUBLE),
            ("access_scen", DOUBLE),
            ("lack_base", INT),
            ("lack_scen", INT),
            ("lacking_scen", TEXT),
            ("prio_base", DOUBLE),
            ("prio_scen", DOUBLE),
            ("rank_base", INT),
            ("rank_scen", INT),
        ]
        fields, kept = extended_fields(source.fields(), extra)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)

        def number(value):
            return float(value) if np.isfinite(value) else None

        for i, feature in enumerate(records):
            out = QgsFeature(fields)
            out.setGeometry(written_geometry(feature))
            times = []
            for level in levels:
                times += [number(base.times[level][i]), number(scen.times[level][i])]
            out.setAttributes(
                [feature[field.name()] for field in kept]
                + [int(base.levels[i]), int(scen.levels[i])]
                + times
                + [
                    number(gain[i]),
                    int(newly[i]),
                    number(base.access_index[i]),
                    number(scen.access_index[i]),
                    len(base.lacking[i]),
                    len(scen.lacking[i]),
                    "; ".join(scen.lacking[i]),
                    float(base.priority[i]),
                    float(scen.priority[i]),
                    int(base.rank[i]),
                    int(scen.rank[i]),
                ]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            None,
            tr("Minutes gained to a centre"),
            renderer=Graduated("gain_min", GAINS, tr("min"), 1),
        )
        return dest_id

    def write_summary(self, parameters, context, comparison):
        fields = QgsFields()
        for name, kind in (
            ("key", TEXT),
            ("indicator", TEXT),
            ("baseline", DOUBLE),
            ("scenario", DOUBLE),
            ("change", DOUBLE),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_SUMMARY, context, fields, WkbType.NoGeometry, None)
        for key, label, before, after, _ in comparison.rows:
            feature = QgsFeature(fields)
            known = [float(v) if np.isfinite(v) else None for v in (before, after)]
            change = after - before if all(v is not None for v in known) else None
            feature.setAttributes([key, label] + known + [change])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Baseline and scenario side by side"))
        return dest_id


def _aligned(functions, presence, other_functions, other):
    """Both presence tables over the union of their functions (a scenario may bring a function the region lacks)."""
    union = list(functions) + [name for name in other_functions if name not in functions]

    def widen(names, table):
        wide = np.zeros((table.shape[0], len(union)), dtype=np.int64)
        for j, name in enumerate(names):
            wide[:, union.index(name)] = table[:, j]
        return wide

    return union, widen(functions, presence), widen(other_functions, other)


def _line(coords):
    from shapely.geometry import LineString

    return LineString(np.asarray(coords, dtype=float)[:, :2])
