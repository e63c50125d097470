"""habitat:sdfdevelopmentindex — a composite development index of settlements or sectors."""

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
    field_names,
)
from ...core.sdf.development_index import (
    AGGREGATIONS,
    MISSING_POLICIES,
    NORMALISATIONS,
    composite_index,
    extreme_values,
    parse_weights,
    sensitivity,
)
from ...core.sdf.report import CombinedClasses, development_report
from ...core.sdf.scalogram import combined_hierarchy, hierarchy
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import number_or_nan
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields
from ..styles import GREENS, Categories
from .places import listed, place_names, written_geometry
from .sdf_functions import level_labels, unique_field_names

NORMALISATION_LABELS = (tr_noop("Min-max (0 to 1)"), tr_noop("Z-scores"))
AGGREGATION_LABELS = (tr_noop("Linear (weighted mean)"), tr_noop("Geometric (poor scores not compensated)"))
MISSING_LABELS = (
    tr_noop("Use the other indicators (rescale weights)"),
    tr_noop("Use the indicator's mean"),
    tr_noop("No index for that settlement"),
)
CLASS_LABELS_5 = (tr_noop("Very high"), tr_noop("High"), tr_noop("Medium"), tr_noop("Low"), tr_noop("Very low"))
LEVEL_N = tr_noop("Level {0}")


class SdfDevelopmentIndexAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdfdevelopmentindex"
    DISPLAY_NAME = tr_noop("Composite development index")
    GROUP_ID = "sdf"
    TAGS = (tr_noop("development index"), tr_noop("composite indicator"), tr_noop("sensitivity"))
    SHORT_HELP = tr_noop(
        "A composite development index of settlements or sectors from indicator fields you choose (population "
        "growth, poverty, services, infrastructure, economy…), following the OECD/JRC handbook on composite "
        "indicators. Indicators where more is worse (such as poverty) are reversed; each is normalised (min-max or "
        "z-scores), weighted (equally or by your weights) and aggregated (linear, or geometric so that a poor score "
        "is not offset by a good one). Missing values follow the policy you choose and are counted. The index is "
        "classed and ranked, and a sensitivity check raises and lowers each weight by 20 % to show how much the "
        "ranking depends on it."
    )

    INPUT = "INPUT"
    INDICATORS = "INDICATORS"
    NEGATIVE = "NEGATIVE"
    WEIGHTS = "WEIGHTS"
    NORMALISATION = "NORMALISATION"
    AGGREGATION = "AGGREGATION"
    MISSING = "MISSING"
    CLASSES = "CLASSES"
    NAME_FIELD = "NAME_FIELD"
    CENTRALITY_FIELD = "CENTRALITY_FIELD"
    COMBINED_WEIGHT = "COMBINED_WEIGHT"
    OUTPUT = "OUTPUT"
    OUTPUT_SENSITIVITY = "OUTPUT_SENSITIVITY"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Settlements or sectors"), [ProcessingSourceType.VectorAnyGeometry]
            ),
            tr_noop("Settlements or sectors with one numeric field per indicator."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Settlement name field"), parentLayerParameterName=self.INPUT, optional=True
            ),
            tr_noop("Names shown in the report; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.INDICATORS,
                tr("Indicators"),
                parentLayerParameterName=self.INPUT,
                type=ProcessingFieldParameterDataType.Numeric,
                allowMultiple=True,
            ),
            tr_noop("Numeric fields combined into the index."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NEGATIVE,
                tr("Indicators where more is worse"),
                parentLayerParameterName=self.INPUT,
                type=ProcessingFieldParameterDataType.Numeric,
                allowMultiple=True,
                optional=True,
            ),
            tr_noop(
                "Among the indicators, those where a higher value means less development (poverty, "
                "unemployment, travel time): they are reversed."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.WEIGHTS, tr("Weights"), optional=True),
            tr_noop(
                "One weight per indicator, in the order of the indicators, comma-separated (e.g. 2, 1, 1). Empty: "
                "equal weights. They are rescaled to sum to 1."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.NORMALISATION, tr("Normalisation"), [tr(label) for label in NORMALISATION_LABELS], defaultValue=0
            ),
            tr_noop("Min-max puts every indicator on 0 to 1; z-scores on its standard deviations from the mean."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.AGGREGATION, tr("Aggregation"), [tr(label) for label in AGGREGATION_LABELS], defaultValue=0
            ),
            tr_noop(
                "Linear: a weighted mean, where strengths offset weaknesses. Geometric: a weighted geometric mean "
                "of values rescaled to 1 to 100, where they do not fully."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.MISSING, tr("Missing values"), [tr(label) for label in MISSING_LABELS], defaultValue=0
            ),
            tr_noop(
                "What a settlement without a value for an indicator gets. The number of missing values is reported."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CLASSES, tr("Number of classes"), ProcessingNumberParameterType.Integer, 5, minValue=2, maxValue=7
            ),
            tr_noop("Classes by natural breaks of the index; five are named very high to very low."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CENTRALITY_FIELD,
                tr("Centrality field (for the combined hierarchy)"),
                parentLayerParameterName=self.INPUT,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop(
                "Optional: the centrality index of the functional analysis (e.g. centrality). When given, the "
                "settlements are also classed by centrality alone and by centrality and development together, as "
                "the central, intermediate and local sectors of a Spatial Development Framework."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.COMBINED_WEIGHT,
                tr("Weight of centrality in the combined hierarchy"),
                ProcessingNumberParameterType.Double,
                0.5,
                minValue=0.0,
                maxValue=1.0,
            ),
            tr_noop(
                "Share of centrality in the combined score (0 to 1); the development index has the rest. 0.5 "
                "weighs them equally."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Development index"), ProcessingSourceType.VectorAnyGeometry
            ),
            tr_noop(
                "The settlements with each normalised indicator, the index, its rank and class; with a centrality "
                "field also the class by centrality (cen_level), the combined score (sdf_score) and class "
                "(sdf_level, sdf_label)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SENSITIVITY, tr("Sensitivity of the ranking"), ProcessingSourceType.Vector
            ),
            tr_noop("For each indicator, its weight lowered and raised by 20 %: the mean and largest change of rank."),
        )
        self.add_report_parameter(
            tr_noop("The index chart, the ranking and the sensitivity table, in the language of QGIS.")
        )

    def check_values(self, parameters, context):
        problems = []
        indicators = field_names(self, parameters, self.INDICATORS, context)
        negative = set(field_names(self, parameters, self.NEGATIVE, context))
        if not indicators:
            problems.append(tr("Choose at least one indicator field."))
        repeated = sorted({name for name in indicators if indicators.count(name) > 1})
        if repeated:
            problems.append(tr("These indicator fields are chosen more than once: {0}", ", ".join(repeated)))
        unknown = sorted(negative - set(indicators))
        if unknown:
            problems.append(
                tr('These fields are marked as "more is worse" but are not indicators: {0}', ", ".join(unknown))
            )
        try:
            parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context), len(indicators))
        except HabitatError as error:
            problems.append(str(error))
        if (
            NORMALISATIONS[self.parameterAsEnum(parameters, self.NORMALISATION, context)] == "zscore"
            and AGGREGATIONS[self.parameterAsEnum(parameters, self.AGGREGATION, context)] == "geometric"
        ):
            problems.append(tr("Geometric aggregation needs min-max normalisation (z-scores can be negative)."))
        return problems

    def process(self, parameters, context, feedback):
        source = self.required_source(parameters, self.INPUT, context)
        indicators = field_names(self, parameters, self.INDICATORS, context)
        negative = set(field_names(self, parameters, self.NEGATIVE, context))
        weights = parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context), len(indicators))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        records = list(source.getFeatures())
        fields = source.fields()
        for name in indicators:
            field = fields.at(fields.lookupField(name))
            if not field.isNumeric():
                raise HabitatError(
                    tr("The indicator {0} is a text field ({1}): choose a numeric field.", name, field.typeName())
                )
        values = np.array([[number_or_nan(f[name]) for name in indicators] for f in records], dtype=float)
        infinite = np.isinf(values).sum(axis=0)
        for name, count in zip(indicators, infinite):
            if count:
                feedback.pushWarning(
                    tr("{0}: {1} settlements have an infinite value, counted as missing.", name, int(count))
                )
        names = place_names(records, name_field)
        for column, name in enumerate(indicators):
            far = extreme_values(values[:, column])
            if far.any():
                feedback.pushWarning(
                    tr(
                        "{0}: {1} settlements have values far outside the others' range (more than 10 "
                        "interquartile ranges): {2}. A min-max scale puts every other settlement near "
                        "one end; check them (a unit or a typing slip?) or choose z-scores.",
                        name,
                        int(far.sum()),
                        ", ".join(f"{names[i]} ({values[i, column]:g})" for i in np.flatnonzero(far)[:10]),
                    )
                )
        normalisation = NORMALISATIONS[self.parameterAsEnum(parameters, self.NORMALISATION, context)]
        aggregation = AGGREGATIONS[self.parameterAsEnum(parameters, self.AGGREGATION, context)]
        missing = MISSING_POLICIES[self.parameterAsEnum(parameters, self.MISSING, context)]
        result = composite_index(
            values,
            [-1 if name in negative else 1 for name in indicators],
            weights,
            normalisation,
            aggregation,
            missing,
            indicators,
        )
        for name, count in zip(indicators, result.missing):
            if count:
                feedback.pushWarning(tr("{0}: {1} settlements have no value.", name, int(count)))
        classes = self.parameterAsInt(parameters, self.CLASSES, context)
        valid = np.isfinite(result.index)
        levels = np.full(len(records), -1)
        if len(np.unique(result.index[valid])) >= classes:
            levels[valid], _ = hierarchy(
                result.index[valid], "natural_breaks", classes, progress=progress_callback(feedback, 10, 50)
            )
        else:
            feedback.pushWarning(
                tr(
                    "Only {0} settlements have different index values: too few for {1} classes. No "
                    "class was given; choose fewer classes.",
                    len(np.unique(result.index[valid])),
                    classes,
                )
            )
        excluded = int((~valid).sum())
        if excluded:
            feedback.pushWarning(
                tr(
                    "{0} settlements get no index (missing values): {1}",
                    excluded,
                    listed(np.array(names)[~valid].tolist()),
                )
            )
        labels = (
            [tr(label) for label in CLASS_LABELS_5] if classes == 5 else [tr(LEVEL_N, k + 1) for k in range(classes)]
        )
        rows = sensitivity(result.normalised, result.weights, aggregation, progress=progress_callback(feedback, 50, 85))
        combined = self.combined_classes(parameters, context, feedback, records, names, result, levels, classes)

        outputs = {
            self.OUTPUT: self.write_index(
                parameters, context, source, records, indicators, result, levels, labels, combined
            ),
            self.OUTPUT_SENSITIVITY: self.write_sensitivity(parameters, context, indicators, rows),
        }
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = development_report(
                report_path,
                names,
                indicators,
                result,
                labels,
                levels,
                rows,
                self.report_settings(feedback),
                combined,
            )
        return outputs

    def combined_classes(self, parameters, context, feedback, records, names, result, levels, classes):
        """The classes by centrality alone and by centrality and development together (None without a centrality
        field); a warning instead of classes when too few settlements differ."""
        field = self.parameterAsString(parameters, self.CENTRALITY_FIELD, context)
        if not field:
            return None
        centrality = np.array([number_or_nan(f[field]) for f in records], dtype=float)
        centrality = np.where(np.isfinite(centrality), centrality, np.nan)
        absent = [names[i] for i in np.flatnonzero(np.isnan(centrality))]
        if len(absent) == len(records):
            raise HabitatError(tr("The centrality field {0} has no value for any settlement.", field))
        if absent:
            feedback.pushWarning(
                tr(
                    "{0} settlements have no centrality in {1}: they get no class by centrality and no combined "
                    "class: {2}",
                    len(absent),
                    field,
                    listed(absent),
                )
            )
        known = np.isfinite(centrality)
        centrality_levels = np.full(len(records), -1, dtype=np.int64)
        score = np.full(len(records), np.nan)
        combined_levels = np.full(len(records), -1, dtype=np.int64)
        try:
            centrality_levels[known], _ = hierarchy(centrality[known], "natural_breaks", classes)
        except HabitatError as error:
            feedback.pushWarning(tr("No class by centrality was given: {0} Choose fewer classes.", str(error)))
        try:
            combined_levels, _, score = combined_hierarchy(
                centrality,
                result.index,
                classes,
                self.parameterAsDouble(parameters, self.COMBINED_WEIGHT, context),
                progress=progress_callback(feedback, 85, 95),
            )
        except HabitatError as error:
            feedback.pushWarning(tr("No combined class was given: {0} Choose fewer classes.", str(error)))
        return CombinedClasses(level_labels(classes), np.asarray(levels), centrality_levels, combined_levels, score)

    def write_index(self, parameters, context, source, records, indicators, result, levels, labels, combined=None):
        added = [("dev_index", DOUBLE), ("dev_rank", INT), ("dev_class", INT), ("dev_label", TEXT)]
        if combined is not None:
            added += [("cen_level", INT), ("sdf_score", DOUBLE), ("sdf_level", INT), ("sdf_label", TEXT)]
        normalised_names = unique_field_names(
            [f"n_{name}" for name in indicators], {"fid"} | {name for name, _ in added}
        )
        fields, kept = extended_fields(source.fields(), [(name, DOUBLE) for name in normalised_names] + added)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs())
        for index, feature in enumerate(records):
            out = QgsFeature(fields)
            out.setGeometry(written_geometry(feature))
            normalised = [None if not np.isfinite(v) else float(v) for v in result.normalised[index]]
            value = result.index[index]
            level = int(levels[index])
            out.setAttributes(
                [feature[field.name()] for field in kept]
                + normalised
                + [
                    float(value) if np.isfinite(value) else None,
                    int(result.rank[index]) or None,
                    level + 1 if level >= 0 else None,
                    labels[level] if level >= 0 else None,
                ]
                + (combined.attributes(index) if combined is not None else [])
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        darkest = len(GREENS) - 1  # class 1 is the most developed: darkest green
        self.style_output(
            context,
            dest_id,
            None,
            tr("Development index"),
            renderer=Categories(
                "dev_class",
                {
                    number + 1: (label, GREENS[darkest - round(number * darkest / max(1, len(labels) - 1))])
                    for number, label in enumerate(labels)
                },
            ),
        )
        return dest_id

    def write_sensitivity(self, parameters, context, indicators, rows):
        fields = QgsFields()
        for name, kind in (
            ("indicator", TEXT),
            ("weight_factor", DOUBLE),
            ("mean_rank_change", DOUBLE),
            ("max_rank_change", INT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_SENSITIVITY, context, fields, WkbType.NoGeometry, None)
        for j, factor, mean, most in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([indicators[j], factor, mean, most])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Sensitivity of the ranking"))
        return dest_id
