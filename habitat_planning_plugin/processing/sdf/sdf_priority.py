"""habitat:sdfpriority — investment priorities from need and potential, with every component explained."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...compat import (
    DOUBLE,
    INT,
    GeometryType,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
)
from ...core.sdf.priority import (
    DESCRIPTIONS,
    GROUP_NAMES,
    GROUPS,
    constant_components,
    corridor_distances,
    dominant_components,
    ordinal_ranks,
    parse_component_weights,
    priority_components,
    priority_scores,
    variance_shares,
    without_data,
)
from ...core.sdf.report import priority_report
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, number_or_nan
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from .places import listed, place_names, settlement_shape, usable, written_geometry

MAX_SERVICE_MINUTES = 1440.0
MAX_CORRIDOR_METRES = 50_000.0


class SdfPriorityAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdfpriority"
    DISPLAY_NAME = tr_noop("Investment priorities")
    GROUP_ID = "sdf"
    TAGS = (tr_noop("investment priority"), tr_noop("need"), tr_noop("potential"))
    REQUIRED_PACKAGES = ("shapely",)
    SHORT_HELP = tr_noop(
        "Ranks settlements for investment by combining need (a low development index, a long travel time to a "
        "centre, being beyond the service time of a centre) and potential (centrality, accessibility, being on a "
        "development corridor) with your weights. Each component is scaled to 0 to 1 across the settlements; the "
        "score is 0 to 100, and the contribution of every component is kept as a column, so that the ranking can "
        "be explained to decision makers. Use the fields written by the functional analysis, the development index "
        "and the accessibility tools; leave out what you do not have."
    )

    SETTLEMENTS = "SETTLEMENTS"
    DEVELOPMENT_FIELD = "DEVELOPMENT_FIELD"
    TRAVEL_TIME_FIELD = "TRAVEL_TIME_FIELD"
    SERVICE_MINUTES = "SERVICE_MINUTES"
    CENTRALITY_FIELD = "CENTRALITY_FIELD"
    ACCESSIBILITY_FIELD = "ACCESSIBILITY_FIELD"
    CORRIDORS = "CORRIDORS"
    CORRIDOR_DISTANCE = "CORRIDOR_DISTANCE"
    WEIGHTS = "WEIGHTS"
    NEED_WEIGHT = "NEED_WEIGHT"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.SETTLEMENTS, tr("Settlements or sectors"), [ProcessingSourceType.VectorAnyGeometry]
            ),
            tr_noop(
                "Settlements with the fields of the earlier steps (development index, travel time, centrality, "
                "accessibility)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Settlement name field"), parentLayerParameterName=self.SETTLEMENTS, optional=True
            ),
            tr_noop("Names shown in the report; the feature id when empty."),
        )
        for name, label, help_text in (
            (
                self.DEVELOPMENT_FIELD,
                tr("Development index field"),
                tr_noop("Need: the lower the index, the higher the need (e.g. dev_index)."),
            ),
            (
                self.TRAVEL_TIME_FIELD,
                tr("Travel time field (minutes)"),
                tr_noop("Need: the longer the travel time to a centre, the higher the need (e.g. time_l2)."),
            ),
            (
                self.CENTRALITY_FIELD,
                tr("Centrality field"),
                tr_noop("Potential: the higher the centrality, the higher the potential (e.g. centrality)."),
            ),
            (
                self.ACCESSIBILITY_FIELD,
                tr("Accessibility field"),
                tr_noop("Potential: the higher the accessibility, the higher the potential (e.g. hansen)."),
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
            QgsProcessingParameterNumber(
                self.SERVICE_MINUTES,
                tr("Service time (minutes)"),
                ProcessingNumberParameterType.Double,
                60.0,
                minValue=1.0,
            ),
            tr_noop("Need: settlements whose travel time exceeds this, or who cannot reach a centre, are unserved."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.CORRIDORS,
                tr("Development corridors (lines, optional)"),
                [ProcessingSourceType.VectorLine],
                optional=True,
            ),
            tr_noop("Potential: settlements near a development corridor (a main road, a planned axis)."),
        )
        self.add_parameter(
            # Metres whatever the layer's CRS (a distance parameter would take the layer's units, e.g. degrees).
            QgsProcessingParameterNumber(
                self.CORRIDOR_DISTANCE,
                tr("Corridor distance (m)"),
                ProcessingNumberParameterType.Double,
                2000.0,
                minValue=0.0,
            ),
            tr_noop("A settlement within this distance of a corridor is on it."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.WEIGHTS, tr("Component weights"), "1, 1, 1, 1, 1, 1"),
            tr_noop(
                "Weights of: low development, travel time, unserved, centrality, accessibility, corridor. "
                "Components without data are left out."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.NEED_WEIGHT,
                tr("Weight of need against potential"),
                ProcessingNumberParameterType.Double,
                0.5,
                minValue=0.0,
                maxValue=1.0,
            ),
            tr_noop("0.5 weighs need and potential equally; 1 ranks by need alone."),
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Investment priorities"), ProcessingSourceType.VectorAnyGeometry
            ),
            tr_noop("Settlements with the priority score, its rank and the contribution of each component."),
        )
        self.add_report_parameter(
            tr_noop(
                "A map of the priorities, the ranking with each component's contribution and the weights used, "
                "in the language of QGIS."
            )
        )

    def check_values(self, parameters, context):
        problems = []
        try:
            weights = parse_component_weights(self.parameterAsString(parameters, self.WEIGHTS, context))
        except HabitatError as error:
            return [str(error)]
        chosen = self.chosen_components(parameters, context)
        if not chosen:
            problems.append(tr("Choose at least one field or the corridors: there is nothing to rank by."))
        for group in ("need", "potential"):
            names = [name for name in chosen if GROUPS[name] == group]
            if names and sum(weights[name] for name in names) <= 0:
                problems.append(tr("The {0} components need a weight above 0.", tr(GROUP_NAMES[group])))
        need_weight = self.parameterAsDouble(parameters, self.NEED_WEIGHT, context)
        present = {GROUPS[name] for name in chosen}
        if chosen and need_weight >= 1.0 and "need" not in present:
            problems.append(
                tr(
                    "The weight of need is 1 (rank by need alone) but no need component is chosen: give "
                    "a development index or travel time field, or lower the weight of need."
                )
            )
        if chosen and need_weight <= 0.0 and "potential" not in present:
            problems.append(
                tr(
                    "The weight of need is 0 (rank by potential alone) but no potential component is "
                    "chosen: give a centrality or accessibility field or the corridors, or raise the "
                    "weight of need."
                )
            )
        minutes = self.parameterAsDouble(parameters, self.SERVICE_MINUTES, context)
        if minutes > MAX_SERVICE_MINUTES:
            problems.append(
                tr(
                    "A service time of {0} minutes is implausible for a centre's services; give at most "
                    "{1} minutes (a day).",
                    f"{minutes:g}",
                    MAX_SERVICE_MINUTES,
                )
            )
        distance = self.parameterAsDouble(parameters, self.CORRIDOR_DISTANCE, context)
        if distance > MAX_CORRIDOR_METRES:
            problems.append(
                tr(
                    "A corridor distance of {0} m is implausible: a settlement that far from a corridor "
                    "is not on it. Give at most {1} m.",
                    f"{distance:g}",
                    MAX_CORRIDOR_METRES,
                )
            )
        return problems

    def chosen_components(self, parameters, context):
        chosen = []
        for key, parameter in (
            ("low_development", self.DEVELOPMENT_FIELD),
            ("far_from_centre", self.TRAVEL_TIME_FIELD),
            ("unserved", self.TRAVEL_TIME_FIELD),
            ("centrality", self.CENTRALITY_FIELD),
            ("accessibility", self.ACCESSIBILITY_FIELD),
        ):
            if self.parameterAsString(parameters, parameter, context):
                chosen.append(key)
        if parameters.get(self.CORRIDORS) not in (None, ""):
            chosen.append("corridor")
        return chosen

    def process(self, parameters, context, feedback):
        source = self.required_source(parameters, self.SETTLEMENTS, context)
        corridors = self.parameterAsSource(parameters, self.CORRIDORS, context)
        crs = self.analysis_crs(
            [item for item in (source, corridors) if item is not None], parameters, context, feedback
        )
        records = list(features_in_crs(source, crs, context.transformContext()))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        names = place_names(records, name_field)

        def column(parameter):
            name = self.parameterAsString(parameters, parameter, context)
            if not name:
                return None
            data = np.array([number_or_nan(f[name]) for f in records])
            infinite = int(np.isinf(data).sum())
            if infinite:
                feedback.pushWarning(
                    tr("{0}: {1} settlements have an infinite value, counted as no value.", name, infinite)
                )
            return np.where(np.isfinite(data), data, np.nan)

        no_travel = []
        columns = {
            parameter: column(parameter)
            for parameter in (
                self.DEVELOPMENT_FIELD,
                self.TRAVEL_TIME_FIELD,
                self.CENTRALITY_FIELD,
                self.ACCESSIBILITY_FIELD,
            )
        }
        empty = without_data(columns)
        for parameter in empty:  # no data at all: left out, its weight going to the others of its group
            feedback.pushWarning(
                tr(
                    "The field {0} has no value for any settlement: {1} is left out of the score, as if it had "
                    "not been chosen.",
                    self.parameterAsString(parameters, parameter, context),
                    self.parameterDefinition(parameter).description(),
                )
            )
            columns[parameter] = None
        if empty and corridors is None and all(values is None for values in columns.values()):
            raise HabitatError(
                tr(
                    "None of the chosen fields has any value ({0}): there is nothing to rank by.",
                    ", ".join(self.parameterAsString(parameters, parameter, context) for parameter in empty),
                )
            )
        development, travel, centrality, accessibility = columns.values()
        if travel is not None:
            travel_field = self.parameterAsString(parameters, self.TRAVEL_TIME_FIELD, context)
            negative = int((travel < 0).sum())
            if negative:
                raise HabitatError(
                    tr(
                        "The travel time field {0} has {1} negative values: travel times are minutes, 0 or more.",
                        travel_field,
                        negative,
                    )
                )
            no_travel = [names[i] for i in np.flatnonzero(~np.isfinite(travel))]
            if no_travel:
                feedback.pushWarning(
                    tr(
                        "{0} settlements have no travel time in {1} (no road, or no centre within "
                        "reach): they get the largest travel-time need and count as unserved: {2}",
                        len(no_travel),
                        travel_field,
                        listed(no_travel),
                    )
                )
        near = None
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        shapes = [settlement_shape(f.geometry()) for f in records] if corridors is not None or report_path else None
        if corridors is not None:
            lines = [
                settlement_shape(f.geometry()) for f in features_in_crs(corridors, crs, context.transformContext())
            ]
            unusable = sum(1 for shape in lines if shape is None)
            if unusable:
                feedback.pushWarning(
                    tr(
                        "{0} corridor features without a usable geometry (none, empty or broken) were left out.",
                        unusable,
                    )
                )
            if unusable == len(lines):
                raise HabitatError(
                    tr('The corridors "{0}" have no lines.', self.input_label(parameters, self.CORRIDORS, context))
                )
            reach = self.parameterAsDouble(parameters, self.CORRIDOR_DISTANCE, context)
            unlocated = [names[i] for i, f in enumerate(records) if not usable(f.geometry())]
            if unlocated:
                feedback.pushWarning(
                    tr(
                        "{0} settlements have no geometry: they cannot be on a corridor: {1}",
                        len(unlocated),
                        listed(unlocated),
                    )
                )
            distance = corridor_distances(
                shapes, [shape for shape in lines if shape is not None], progress_callback(feedback, 0, 80)
            )
            near = (distance <= reach).astype(float)
            if not near.any():
                nearest = distance.min(initial=np.inf)
                feedback.pushWarning(
                    tr(
                        'No settlement lies within {0} m of the corridors "{1}" (the nearest is {2} '
                        "km away): the corridor component is 0 everywhere. Check that both layers "
                        "cover the same region.",
                        f"{reach:,.0f}",
                        self.input_label(parameters, self.CORRIDORS, context),
                        "—" if not np.isfinite(nearest) else f"{nearest / 1000:,.1f}",
                    )
                )
        values = priority_components(
            development,
            travel,
            self.parameterAsDouble(parameters, self.SERVICE_MINUTES, context),
            centrality,
            accessibility,
            near,
        )
        if not values:
            raise HabitatError(tr("Choose at least one field or the corridors: there is nothing to rank by."))
        weights = parse_component_weights(self.parameterAsString(parameters, self.WEIGHTS, context))
        need_weight = self.parameterAsDouble(parameters, self.NEED_WEIGHT, context)
        left = {GROUPS[name] for name in values}
        for group, alone in (("need", need_weight >= 1.0), ("potential", need_weight <= 0.0)):
            if empty and alone and group not in left:
                raise HabitatError(
                    tr(
                        "The ranking is by {0} alone, but no {0} component has any data: give a field with values "
                        "or change the weight of need.",
                        tr(GROUP_NAMES[group]),
                    )
                )
        score, contributions, missing = priority_scores(values, GROUPS, {k: weights[k] for k in values}, need_weight)
        for name, count in missing.items():
            if count:
                feedback.pushWarning(
                    tr("{0} settlements have no value for {1}; it counts as 0 for them.", count, tr(DESCRIPTIONS[name]))
                )
        for name in constant_components(contributions):
            if name == "corridor" and not near.any():
                continue  # said above: no settlement near the corridors
            feedback.pushWarning(
                tr(
                    '"{0}" is the same for every settlement: it adds the same to every score and does not change '
                    "the ranking.",
                    tr(DESCRIPTIONS[name]),
                )
            )
        shares = variance_shares(contributions, score)
        for name in dominant_components(shares):
            feedback.pushWarning(
                tr(
                    'The ranking is driven mostly by "{0}" ({1} % of the spread of the scores): check its weight '
                    "and data.",
                    tr(DESCRIPTIONS[name]),
                    f"{100 * shares[name]:.0f}",
                )
            )
        rank = ordinal_ranks(score)

        fields, kept = extended_fields(
            source.fields(), [(f"p_{name}", DOUBLE) for name in values] + [("priority", DOUBLE), ("priority_rank", INT)]
        )
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        for i, feature in enumerate(records):
            out = QgsFeature(fields)
            out.setGeometry(written_geometry(feature))
            out.setAttributes(
                [feature[field.name()] for field in kept]
                + [float(contributions[name][i]) for name in values]
                + [float(score[i]), int(rank[i])]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Polygon
        self.style_output(
            context,
            dest_id,
            "sdf_priority_polygons.qml" if polygons else "sdf_priority_points.qml",
            tr("Investment priorities"),
        )
        top = np.argsort(-score, kind="stable")[:5]
        feedback.pushInfo(tr("Highest priorities: {0}", ", ".join(f"{names[i]} ({score[i]:.1f})" for i in top)))
        outputs = {self.OUTPUT: dest_id}
        if report_path:
            outputs[self.OUTPUT_REPORT] = priority_report(
                report_path, shapes, names, score, rank, contributions, self.report_settings(feedback), no_travel
            )
        return outputs
