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
from ...core.sdf.priority import GROUP_NAMES, minmax, priority_scores
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, number_or_nan, polygon_shape, to_shapely
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import add_chart, extended_fields
from ..parameters import number_list
from .places import listed, place_names, usable, written_geometry

MAX_SERVICE_MINUTES = 1440.0
MAX_CORRIDOR_METRES = 50_000.0

# (component, group, description) in the order of the weights parameter.
COMPONENTS = [
    ("low_development", "need", tr_noop("low development index")),
    ("far_from_centre", "need", tr_noop("long travel time to a centre")),
    ("unserved", "need", tr_noop("beyond the service time of a centre")),
    ("centrality", "potential", tr_noop("centrality")),
    ("accessibility", "potential", tr_noop("accessibility")),
    ("corridor", "potential", tr_noop("on a development corridor")),
]


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
        "and the accessibility tools; leave out what you do not have.")

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
            QgsProcessingParameterFeatureSource(self.SETTLEMENTS, tr("Settlements or sectors"),
                                                [ProcessingSourceType.VectorAnyGeometry]),
            tr_noop("Settlements with the fields of the earlier steps (development index, travel time, centrality, "
                    "accessibility)."))
        self.add_parameter(
            QgsProcessingParameterField(self.NAME_FIELD, tr("Settlement name field"),
                                        parentLayerParameterName=self.SETTLEMENTS, optional=True),
            tr_noop("Names shown in the report; the feature id when empty."))
        for name, label, help_text in (
                (self.DEVELOPMENT_FIELD, tr("Development index field"),
                 tr_noop("Need: the lower the index, the higher the need (e.g. dev_index).")),
                (self.TRAVEL_TIME_FIELD, tr("Travel time field (minutes)"),
                 tr_noop("Need: the longer the travel time to a centre, the higher the need (e.g. time_l2).")),
                (self.CENTRALITY_FIELD, tr("Centrality field"),
                 tr_noop("Potential: the higher the centrality, the higher the potential (e.g. centrality).")),
                (self.ACCESSIBILITY_FIELD, tr("Accessibility field"),
                 tr_noop("Potential: the higher the accessibility, the higher the potential (e.g. hansen)."))):
            self.add_parameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.SETTLEMENTS,
                                                           type=ProcessingFieldParameterDataType.Numeric, optional=True),
                               help_text)
        self.add_parameter(
            QgsProcessingParameterNumber(self.SERVICE_MINUTES, tr("Service time (minutes)"),
                                         ProcessingNumberParameterType.Double, 60.0, minValue=1.0),
            tr_noop("Need: settlements whose travel time exceeds this, or who cannot reach a centre, are unserved."))
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.CORRIDORS, tr("Development corridors (lines, optional)"),
                                                [ProcessingSourceType.VectorLine], optional=True),
            tr_noop("Potential: settlements near a development corridor (a main road, a planned axis)."))
        self.add_parameter(
            # Metres whatever the layer's CRS (a distance parameter would take the layer's units, e.g. degrees).
            QgsProcessingParameterNumber(self.CORRIDOR_DISTANCE, tr("Corridor distance (m)"),
                                         ProcessingNumberParameterType.Double, 2000.0, minValue=0.0),
            tr_noop("A settlement within this distance of a corridor is on it."))
        self.add_parameter(
            QgsProcessingParameterString(self.WEIGHTS, tr("Component weights"), "1, 1, 1, 1, 1, 1"),
            tr_noop("Weights of: low development, travel time, unserved, centrality, accessibility, corridor. "
                    "Components without data are left out."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.NEED_WEIGHT, tr("Weight of need against potential"),
                                         ProcessingNumberParameterType.Double, 0.5, minValue=0.0, maxValue=1.0),
            tr_noop("0.5 weighs need and potential equally; 1 ranks by need alone."))
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Investment priorities"),
                                              ProcessingSourceType.VectorAnyGeometry),
            tr_noop("Settlements with the priority score, its rank and the contribution of each component."))
        self.add_report_parameter(
            tr_noop("A map of the priorities, the ranking with each component's contribution and the weights used, "
                    "in the language of QGIS."))

    def check_values(self, parameters, context):
        problems = []
        try:
            weights = parse_component_weights(self.parameterAsString(parameters, self.WEIGHTS, context))
        except HabitatError as error:
            return [str(error)]
        chosen = self.chosen_components(parameters, context)
        if not chosen:
            problems.append(tr("Choose at least one field or the corridors: there is nothing to rank by."))
        groups = {name: group for name, group, _ in COMPONENTS}
        for group in ("need", "potential"):
            names = [name for name in chosen if groups[name] == group]
            if names and sum(weights[name] for name in names) <= 0:
                problems.append(tr("The {0} components need a weight above 0.", tr(GROUP_NAMES[group])))
        need_weight = self.parameterAsDouble(parameters, self.NEED_WEIGHT, context)
        present = {groups[name] for name in chosen}
        if chosen and need_weight >= 1.0 and "need" not in present:
            problems.append(tr("The weight of need is 1 (rank by need alone) but no need component is chosen: give "
                               "a development index or travel time field, or lower the weight of need."))
        if chosen and need_weight <= 0.0 and "potential" not in present:
            problems.append(tr("The weight of need is 0 (rank by potential alone) but no potential component is "
                               "chosen: give a centrality or accessibility field or the corridors, or raise the "
                               "weight of need."))
        minutes = self.parameterAsDouble(parameters, self.SERVICE_MINUTES, context)
        if minutes > MAX_SERVICE_MINUTES:
            problems.append(tr("A service time of {0} minutes is implausible for a centre's services; give at most "
                               "{1} minutes (a day).", f"{minutes:g}", MAX_SERVICE_MINUTES))
        distance = self.parameterAsDouble(parameters, self.CORRIDOR_DISTANCE, context)
        if distance > MAX_CORRIDOR_METRES:
            problems.append(tr("A corridor distance of {0} m is implausible: a settlement that far from a corridor "
                               "is not on it. Give at most {1} m.", f"{distance:g}", MAX_CORRIDOR_METRES))
        return problems

    def chosen_components(self, parameters, context):
        chosen = []
        for key, parameter in (("low_development", self.DEVELOPMENT_FIELD), ("far_from_centre", self.TRAVEL_TIME_FIELD),
                               ("unserved", self.TRAVEL_TIME_FIELD), ("centrality", self.CENTRALITY_FIELD),
                               ("accessibility", self.ACCESSIBILITY_FIELD)):
            if self.parameterAsString(parameters, parameter, context):
                chosen.append(key)
        if parameters.get(self.CORRIDORS) not in (None, ""):
            chosen.append("corridor")
        return chosen

    def process(self, parameters, context, feedback):
        source = self.required_source(parameters, self.SETTLEMENTS, context)
        corridors = self.parameterAsSource(parameters, self.CORRIDORS, context)
        crs = self.analysis_crs([item for item in (source, corridors) if item is not None], parameters, context,
                                feedback)
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
                feedback.pushWarning(tr("{0}: {1} settlements have an infinite value, counted as no value.", name,
                                        infinite))
            return np.where(np.isfinite(data), data, np.nan)

        values = {}
        no_travel = []
        development, travel = column(self.DEVELOPMENT_FIELD), column(self.TRAVEL_TIME_FIELD)
        if development is not None:
            values["low_development"] = minmax(development, reverse=True)
        if travel is not None:
            travel_field = self.parameterAsString(parameters, self.TRAVEL_TIME_FIELD, context)
            negative = int((travel < 0).sum())
            if negative:
                raise HabitatError(tr("The travel time field {0} has {1} negative values: travel times are minutes, "
                                      "0 or more.", travel_field, negative))
            # No travel time means no road or no centre within reach: the largest need, never the smallest.
            absent = ~np.isfinite(travel)
            no_travel = [names[i] for i in np.flatnonzero(absent)]
            far = minmax(np.where(absent, np.nan, travel)) if (~absent).any() else np.zeros(len(travel))
            values["far_from_centre"] = np.where(absent, 1.0, far)
            if no_travel:
                feedback.pushWarning(tr("{0} settlements have no travel time in {1} (no road, or no centre within "
                                        "reach): they get the largest travel-time need and count as unserved: {2}",
                                        len(no_travel), travel_field, listed(no_travel)))
            minutes = self.parameterAsDouble(parameters, self.SERVICE_MINUTES, context)
            values["unserved"] = np.where(np.isfinite(travel) & (travel <= minutes), 0.0, 1.0)
        for key, parameter in (("centrality", self.CENTRALITY_FIELD), ("accessibility", self.ACCESSIBILITY_FIELD)):
            data = column(parameter)
            if data is not None:
                values[key] = minmax(data)
        if corridors is not None:
            from shapely.ops import unary_union

            shapes = [_corridor_shape(f.geometry()) for f in features_in_crs(corridors, crs,
                                                                             context.transformContext())]
            unusable = sum(1 for shape in shapes if shape is None)
            shapes = [shape for shape in shapes if shape is not None]
            if unusable:
                feedback.pushWarning(tr("{0} corridor features without a usable geometry (none, empty or broken) "
                                        "were left out.", unusable))
            if not shapes:
                raise HabitatError(tr("The corridors \"{0}\" have no lines.",
                                      self.input_label(parameters, self.CORRIDORS, context)))
            lines = unary_union(shapes)
            reach = self.parameterAsDouble(parameters, self.CORRIDOR_DISTANCE, context)
            located = [usable(f.geometry()) for f in records]
            unlocated = [names[i] for i, ok in enumerate(located) if not ok]
            if unlocated:
                feedback.pushWarning(tr("{0} settlements have no geometry: they cannot be on a corridor: {1}",
                                        len(unlocated), listed(unlocated)))
            step = progress_callback(feedback, 0, 80)
            near = []
            for i, (f, ok) in enumerate(zip(records, located)):
                if i % 200 == 0:
                    step(i / len(records))
                near.append(1.0 if ok and _distance(f.geometry(), lines) <= reach else 0.0)
            values["corridor"] = np.array(near)
            if not any(near):
                nearest = min((_distance(f.geometry(), lines) for f, ok in zip(records, located) if ok),
                              default=np.inf)
                feedback.pushWarning(tr("No settlement lies within {0} m of the corridors \"{1}\" (the nearest is {2} "
                                        "km away): the corridor component is 0 everywhere. Check that both layers "
                                        "cover the same region.", f"{reach:,.0f}",
                                        self.input_label(parameters, self.CORRIDORS, context),
                                        "—" if not np.isfinite(nearest) else f"{nearest / 1000:,.1f}"))
        if not values:
            raise HabitatError(tr("Choose at least one field or the corridors: there is nothing to rank by."))
        weights = parse_component_weights(self.parameterAsString(parameters, self.WEIGHTS, context))
        groups = {name: group for name, group, _ in COMPONENTS}
        score, contributions, missing = priority_scores(values, groups, {k: weights[k] for k in values},
                                                        self.parameterAsDouble(parameters, self.NEED_WEIGHT, context))
        for name, count in missing.items():
            if count:
                feedback.pushWarning(tr("{0} settlements have no value for {1}; it counts as 0 for them.", count,
                                        tr(dict((n, d) for n, _, d in COMPONENTS)[name])))
        rank = np.empty(len(records), dtype=np.int64)
        rank[np.argsort(-score, kind="stable")] = np.arange(1, len(records) + 1)

        fields, kept = extended_fields(source.fields(), [(f"p_{name}", DOUBLE) for name in values] + [
            ("priority", DOUBLE), ("priority_rank", INT)])
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        for i, feature in enumerate(records):
            out = QgsFeature(fields)
            out.setGeometry(written_geometry(feature))
            out.setAttributes([feature[field.name()] for field in kept] +
                              [float(contributions[name][i]) for name in values] + [float(score[i]), int(rank[i])])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Polygon
        self.style_output(context, dest_id, "sdf_priority_polygons.qml" if polygons else "sdf_priority_points.qml",
                          tr("Investment priorities"))
        top = np.argsort(-score, kind="stable")[:5]
        feedback.pushInfo(tr("Highest priorities: {0}", ", ".join(f"{names[i]} ({score[i]:.1f})" for i in top)))
        outputs = {self.OUTPUT: dest_id}
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = priority_report(report_path, records, names, score, rank, contributions,
                                                          feedback, no_travel)
        return outputs


def parse_component_weights(text):
    weights = number_list(text, tr("Component weights must be numbers separated by commas; got \"{0}\".", text))
    if len(weights) != len(COMPONENTS) or min(weights) < 0:
        raise HabitatError(tr("Give {0} component weights, none negative; got \"{1}\".", len(COMPONENTS), text))
    return {name: weight for (name, _, _), weight in zip(COMPONENTS, weights)}


def _corridor_shape(geometry):
    """A corridor as shapely: lines as they are, polygons repaired (a road area given as polygons); None when the
    feature has no usable geometry."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if geometry.type() == GeometryType.Polygon:
        shape, _ = polygon_shape(geometry)
    else:
        try:
            shape = to_shapely(geometry)
        except (ValueError, TypeError):
            return None
    return shape if shape is not None and not shape.is_empty and shape.is_valid else None


def _distance(geometry, lines):
    """Distance from a settlement (any geometry, repaired when it is an invalid polygon) to the corridors."""
    if geometry.type() == GeometryType.Polygon:
        shape, _ = polygon_shape(geometry)
    else:
        shape = to_shapely(geometry)
    distance = shape.distance(lines) if shape is not None else np.nan
    return distance if np.isfinite(distance) else np.inf


PRIORITY_FIFTHS = (tr_noop("Lowest fifth of the priority scores"), tr_noop("Second fifth"), tr_noop("Middle fifth"),
                   tr_noop("Fourth fifth"), tr_noop("Highest fifth of the priority scores"))


def priority_map(shapes, colours, named, labelled=8):
    """(png, warning): the settlements filled by priority fifth (darker: higher), the fifths as legend and the
    ``labelled`` highest priorities named; ``named`` is [(position in the ranking, name, shape)]."""
    from ...core.report.charts import map_image

    styles = [{"fill": colour, "edge": "#424242", "width": 0.4} for colour in colours]
    legend = [(tr(text), style) for text, style in zip(PRIORITY_FIFTHS, styles)][::-1]
    return map_image(list(zip(shapes, styles)), tr("Investment priorities"), legend,
                     labels=[(name, shape) for _, name, shape in sorted(named, key=lambda item: item[0])[:labelled]])


def priority_report(path, records, names, score, rank, contributions, feedback, no_travel=()):
    from ...core.report.html import Report
    from ...i18n import qgis_locale
    from ..provenance import footer

    descriptions = {name: tr(description) for name, _, description in COMPONENTS}
    report = Report(tr("Investment priorities"), qgis_locale())
    quintile = np.searchsorted(np.quantile(score, [0.2, 0.4, 0.6, 0.8]), score, side="right")
    colours = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]
    shapes = [[] for _ in colours]
    named = []  # (name, shape) of the settlements by priority, highest first
    position = {index: rank_position for rank_position, index in enumerate(np.argsort(-score, kind="stable"))}
    for index, (feature, band) in enumerate(zip(records, quintile)):
        if usable(feature.geometry()):
            geometry = feature.geometry()
            shape = polygon_shape(geometry)[0] if geometry.type() == GeometryType.Polygon else \
                to_shapely(geometry)
            if shape is None:
                continue
            shapes[int(band)].append(shape if shape.geom_type.endswith("Polygon") else shape.buffer(800.0))
            named.append((position[index], names[index], shape))
    add_chart(report, priority_map(shapes, colours, named), feedback, tr("Investment priorities"))
    order = np.argsort(-score, kind="stable")
    report.heading(tr("Ranking"))
    report.table([tr("Rank"), tr("Settlement"), tr("Priority")] + [descriptions[name] for name in contributions],
                 [[int(rank[i]), names[i], float(score[i])] + [float(part[i]) for part in contributions.values()]
                  for i in order])
    report.paragraph(tr("Each column after the priority is that component's contribution; together they make the "
                        "priority score."), css="note")
    if no_travel:
        report.paragraph(tr("{0} settlements have no travel time (no road, or no centre within reach): they get the "
                            "largest travel-time need and count as unserved: {1}", len(no_travel),
                            listed(no_travel)), css="note")
    report.heading(tr("Method"))
    report.paragraph(tr("Need (low development index, long travel time to a centre) and potential (centrality, "
                        "accessibility) are each scaled to 0 to 1 across the settlements and combined with the "
                        "weights chosen; the weights are a planning choice to agree with stakeholders, not a "
                        "published standard."), css="note")
    return report.save(path, footer())
