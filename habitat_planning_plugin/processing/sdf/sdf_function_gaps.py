"""habitat:sdffunctiongaps — travel time to the nearest provider of each function, and the functions a settlement of
its hierarchy level should have and lacks (Rondinelli's service areas and gaps)."""

import re

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
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
from ...core.network import build_graph, snap_to_edges
from ...core.sdf.accessibility import minutes_per_metre
from ...core.sdf.gaps import DEFAULT_SHARE, expected_functions, lacking, nearest_providers, parse_expected
from ...core.sdf.report_gaps import gaps_report
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, number_or_nan
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields, fields_from, is_null
from ..styles import REDS, Graduated
from .places import listed, place_names, place_points, written_geometry
from .presence import (
    FACILITIES,
    FUNCTION_FIELD,
    MAX_DISTANCE,
    PRESENCE_FIELDS,
    add_presence_parameters,
    check_presence_values,
    facilities_source,
    function_names,
    read_presence,
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
    read_roads,
)
from .sdf_functions import level_labels, unique_field_names, unique_names

LACKING_SEPARATOR = "; "


def time_field_names(functions, taken):
    """``t_<function>`` for each function, spaces as underscores, valid and distinct beside ``taken``."""
    return unique_field_names([re.sub(r"\s+", "_", f"t_{str(name).strip()}") for name in functions], taken)


class SdfFunctionGapsAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdffunctiongaps"
    DISPLAY_NAME = tr_noop("Function gaps")
    GROUP_ID = "sdf"
    TAGS = (
        tr_noop("functions"),
        tr_noop("travel time"),
        tr_noop("service areas"),
        tr_noop("gaps"),
        tr_noop("settlement hierarchy"),
    )
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "The gaps of a settlement system (Rondinelli's functional analysis: service areas, unserved areas and "
        "gaps). For every settlement: the travel time on the road network to the nearest settlement offering each "
        "function (0 where it has the function itself), and the functions a settlement of its hierarchy level "
        "should have but lacks. The functions each level should have are derived from the scalogram (a function "
        "is expected at a level when at least the given share of its settlements have it, and at every more "
        "central level too) or given in a table. Settlements join the nearest road at the off-road speed; those "
        "too far from any road are reported and get no travel time."
    )

    SETTLEMENTS = "SETTLEMENTS"
    NAME_FIELD = "NAME_FIELD"
    LEVEL_FIELD = "LEVEL_FIELD"
    FACILITIES = FACILITIES
    FUNCTION_FIELD = FUNCTION_FIELD
    MAX_DISTANCE = MAX_DISTANCE
    PRESENCE_FIELDS = PRESENCE_FIELDS
    ROADS = ROADS
    CLASS_FIELD = CLASS_FIELD
    SPEEDS = SPEEDS
    DEFAULT_SPEED = DEFAULT_SPEED
    OFF_ROAD_SPEED = OFF_ROAD_SPEED
    MAX_OFF_ROAD = MAX_OFF_ROAD
    EXPECTED = "EXPECTED"
    SHARE = "SHARE"
    OUTPUT = "OUTPUT"
    OUTPUT_GAPS = "OUTPUT_GAPS"

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
            tr_noop("Names used for the settlements and the nearest providers; the feature id when empty."),
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
        add_presence_parameters(self)
        add_road_parameters(self)
        self.add_parameter(
            QgsProcessingParameterMatrix(
                self.EXPECTED,
                tr("Expected functions by level"),
                numberRows=0,
                hasFixedNumberRows=False,
                headers=[tr("Level"), tr("Functions")],
                optional=True,
            ),
            tr_noop(
                "The functions a settlement of each hierarchy level should have, separated by semicolons, e.g. "
                "level 3: primary school; health post. A more central level also expects what a less central one "
                "does. Leave empty to derive them from the scalogram."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SHARE,
                tr("Share of a level having a function"),
                ProcessingNumberParameterType.Double,
                DEFAULT_SHARE,
                minValue=0.01,
                maxValue=1.0,
            ),
            tr_noop(
                "Without a table of expected functions: a function is expected at a level when at least this share "
                "of its settlements have it (0.5: half of them)."
            ),
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Function gaps of settlements"), ProcessingSourceType.VectorAnyGeometry
            ),
            tr_noop(
                "The settlements with, per function, the travel time to the nearest provider (t_<function>, "
                "minutes), the expected functions they lack and their number."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT_GAPS, tr("Function gaps"), ProcessingSourceType.Vector),
            tr_noop(
                "One row per settlement and expected function it lacks: its level, the travel time to the nearest "
                "provider and that provider's name."
            ),
        )
        self.add_report_parameter(
            tr_noop(
                "The expected functions by level, the settlements lacking most functions and, per function, how "
                "many settlements lack it and how far they travel, in the language of QGIS."
            )
        )
        self.add_number_outputs(
            [
                ("SETTLEMENTS", tr("Settlements")),
                ("FUNCTIONS", tr("Functions")),
                ("LACKING", tr("Settlements lacking an expected function")),
                ("GAPS", tr("Function gaps")),
                ("UNCONNECTED", tr("Settlements without road access")),
            ]
        )

    def check_values(self, parameters, context):
        problems = check_presence_values(self, parameters, context) + check_road_values(self, parameters, context)
        rows = self.expected_rows(parameters, context)
        if rows:
            functions = function_names(self, parameters, context)
            if functions is None:  # the names can only be checked once the functions are known: the levels now
                rows = [value if k % 2 == 0 else "" for k, value in enumerate(rows)]
            try:
                parse_expected(rows, functions or [], self.data_levels(parameters, context))
            except HabitatError as error:
                problems.append(str(error))
        return problems

    def expected_rows(self, parameters, context):
        """The cells of the table of expected functions (NULL as None); [] when it is empty or blank."""
        values = [None if is_null(v) else v for v in self.parameterAsMatrix(parameters, self.EXPECTED, context) or []]
        return [] if all(v is None or not str(v).strip() for v in values) else values

    def data_levels(self, parameters, context):
        """The hierarchy levels of the settlements (whole numbers from 1), or None when they cannot be read yet."""
        settlements = self.parameterAsSource(parameters, self.SETTLEMENTS, context)
        level_field = self.parameterAsString(parameters, self.LEVEL_FIELD, context)
        if settlements is None or not level_field:
            return None
        index = settlements.fields().lookupField(level_field)
        if index < 0:
            return None
        values = [number_or_nan(value) for value in settlements.uniqueValues(index)]
        return sorted({int(v) for v in values if np.isfinite(v) and v >= 1 and v == round(v)})

    def process(self, parameters, context, feedback):
        settlements = self.required_source(parameters, self.SETTLEMENTS, context)
        roads = self.required_source(parameters, self.ROADS, context)
        facilities = facilities_source(self, parameters, context)
        crs = self.analysis_crs(
            [item for item in (settlements, roads, facilities) if item is not None], parameters, context, feedback
        )
        transform = context.transformContext()
        level_field = self.parameterAsString(parameters, self.LEVEL_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)

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
        names = unique_names(place_names(records, name_field), records, feedback, what)
        levels = self.read_levels(records, level_field, feedback)
        presence, functions = read_presence(self, parameters, context, places, crs, feedback)
        if not functions:
            raise HabitatError(tr("No function was found in the facilities or the function columns."))

        rows = self.expected_rows(parameters, context)
        present_levels = sorted({int(level) for level in levels if level >= 1})
        if not present_levels:
            raise HabitatError(tr("No settlement has a hierarchy level in the field {0}.", level_field))
        share = self.parameterAsDouble(parameters, self.SHARE, context)
        derived = not rows
        expected = (
            expected_functions(presence, levels, functions, share)
            if derived
            else parse_expected(rows, functions, present_levels)
        )
        missing = lacking(presence, levels, expected, functions)

        lines, speeds = read_roads(self, parameters, context, roads, crs, feedback)
        graph = build_graph(lines, cost_per_metre=minutes_per_metre(speeds))
        feedback.setProgress(10)
        xy = np.array(places.xy, dtype=float)
        snap = snap_to_edges(graph, xy, progress=progress_callback(feedback, 10, 15))
        max_off_road = self.parameterAsDouble(parameters, self.MAX_OFF_ROAD, context)
        unconnected = snap.connector > max_off_road
        if unconnected.all():
            raise HabitatError(
                tr(
                    'No settlement lies within {0} m of a road of "{1}": are the roads and the '
                    "settlements of the same region?",
                    f"{max_off_road:g}",
                    self.input_label(parameters, self.ROADS, context),
                )
            )
        off_road = minutes_per_metre(self.parameterAsDouble(parameters, self.OFF_ROAD_SPEED, context))
        # A settlement without road access is nobody's provider either: it is reached by no road.
        reachable = np.asarray(presence, dtype=bool) & ~unconnected[:, None]
        minutes, provider = nearest_providers(
            graph, snap, off_road, reachable, progress=progress_callback(feedback, 15, 85)
        )
        minutes[unconnected, :] = np.inf
        provider[unconnected, :] = -1
        if unconnected.any():
            feedback.pushWarning(
                tr(
                    "{0} settlements have no road within reach and get no travel time: {1}",
                    int(unconnected.sum()),
                    listed(np.array(names)[unconnected].tolist()),
                )
            )
        cut_off = ~np.isfinite(minutes).all(axis=1) & ~unconnected
        if cut_off.any():
            feedback.pushWarning(
                tr(
                    "{0} settlements are on roads that reach no provider of some function: {1}",
                    int(cut_off.sum()),
                    listed(np.array(names)[cut_off].tolist()),
                )
            )
        labels = level_labels(max(present_levels))
        for level in present_levels:
            feedback.pushInfo(
                tr("Level {0} ({1}) is expected to have: {2}", level, labels[level - 1], ", ".join(expected[level]))
                if expected[level]
                else tr("Level {0} ({1}) is expected to have no function.", level, labels[level - 1])
            )
        gaps = sum(len(items) for items in missing)
        lacking_settlements = sum(1 for items in missing if items)
        feedback.pushInfo(
            tr(
                "{0} settlements lack {1} expected functions in all; {2} lack at least one.",
                len(records),
                gaps,
                lacking_settlements,
            )
        )
        feedback.setProgress(85)

        outputs = {
            self.OUTPUT: self.write_settlements(
                parameters, context, settlements, records, functions, minutes, missing, crs, feedback
            ),
            self.OUTPUT_GAPS: self.write_gaps(
                parameters, context, names, levels, functions, minutes, provider, missing, feedback
            ),
        }
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = gaps_report(
                report_path,
                names,
                levels,
                labels,
                functions,
                presence,
                expected,
                derived,
                share,
                minutes,
                missing,
                np.array(names)[unconnected].tolist(),
                self.report_settings(feedback),
            )
        outputs.update(
            {
                "SETTLEMENTS": len(records),
                "FUNCTIONS": len(functions),
                "LACKING": lacking_settlements,
                "GAPS": gaps,
                "UNCONNECTED": int(unconnected.sum()),
            }
        )
        return outputs

    @staticmethod
    def read_levels(records, level_field, feedback):
        """Level of each settlement as an int array (0: none, with a warning); a HabitatError for a value that is
        not a level 1, 2, 3…"""
        values = np.array([number_or_nan(f[level_field]) for f in records], dtype=float)
        odd = np.isfinite(values) & ((values < 1) | (values != np.round(values)))
        if odd.any():
            raise HabitatError(
                tr(
                    "The hierarchy level field {0} has values that are not levels 1, 2, 3…: {1} (e.g. {2}).",
                    level_field,
                    int(odd.sum()),
                    f"{values[odd][0]:g}",
                )
            )
        unlevelled = int((~np.isfinite(values)).sum())
        if unlevelled:
            feedback.pushWarning(
                tr(
                    "{0} settlements have no hierarchy level in {1}: no function is expected of them.",
                    unlevelled,
                    level_field,
                )
            )
        return np.where(np.isfinite(values), values, 0).astype(np.int64)

    def write_settlements(self, parameters, context, source, records, functions, minutes, missing, crs, feedback):
        time_fields = time_field_names(functions, {"fid", "lacking", "n_lacking"})
        fields, kept = extended_fields(
            source.fields(), [(name, DOUBLE) for name in time_fields] + [("lacking", TEXT), ("n_lacking", INT)]
        )
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        for i, feature in enumerate(records):
            if i % 1000 == 0 and feedback.isCanceled():
                raise Cancelled()
            out = QgsFeature(fields)
            out.setGeometry(written_geometry(feature))
            out.setAttributes(
                [feature[field.name()] for field in kept]
                + [float(t) if np.isfinite(t) else None for t in minutes[i]]
                + [LACKING_SEPARATOR.join(missing[i]), len(missing[i])]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            None,
            tr("Function gaps of settlements"),
            renderer=Graduated("n_lacking", REDS, tr("functions"), 0),
        )
        return dest_id

    def write_gaps(self, parameters, context, names, levels, functions, minutes, provider, missing, feedback):
        fields = fields_from(
            [("settlement", TEXT), ("level", INT), ("function", TEXT), ("minutes", DOUBLE), ("provider", TEXT)],
            QgsFields(),
        )
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_GAPS, context, fields, WkbType.NoGeometry, None)
        column = {name: j for j, name in enumerate(functions)}
        for i, items in enumerate(missing):
            if i % 1000 == 0 and feedback.isCanceled():
                raise Cancelled()
            for name in items:
                j = column[name]
                feature = QgsFeature(fields)
                feature.setAttributes(
                    [
                        names[i],
                        int(levels[i]),
                        name,
                        float(minutes[i, j]) if np.isfinite(minutes[i, j]) else None,
                        names[provider[i, j]] if provider[i, j] >= 0 else None,
                    ]
                )
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Function gaps"))
        return dest_id
