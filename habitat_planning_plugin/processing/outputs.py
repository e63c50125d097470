"""What the algorithms write: fields (the one place their types are named), sinks safe for spreadsheets, the
styles applied to loaded result layers."""

import gc
import os
import sys
import traceback

from qgis.core import QgsField, QgsFields, QgsProcessingLayerPostProcessorInterface

from ..compat import DOUBLE, INT, INT64, TEXT
from .styles import build_renderer, keep_present_categories, label_layer

# The field types an output may have, by the name the algorithms use (compat picks QVariant or QMetaType).
FIELD_TYPES = {"int": INT, "double": DOUBLE, "text": TEXT, "int64": INT64}


def fields_from(specs, base=None) -> QgsFields:
    """The fields ``base`` (QgsFields or a list of QgsField) followed by ``specs`` [(name, type)], where a type is
    INT, DOUBLE, TEXT or INT64 from compat, or its name ("int", "double", "text", "int64")."""
    fields = QgsFields()
    for field in base or []:
        fields.append(field)
    for name, kind in specs:
        fields.append(QgsField(name, FIELD_TYPES.get(kind, kind) if isinstance(kind, str) else kind))
    return fields


# Post-processors must outlive the algorithm run (QGIS applies them afterwards): keep them here.
POST_PROCESSORS = {}
STYLE_PROPERTY = "habitat_planning/style"


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Gives a loaded result layer its bundled QML style and its translated name."""

    def __init__(self, qml_path: str, layer_name: str, category_labels=None, renderer=None):
        super().__init__()
        self.qml_path = qml_path
        self.layer_name = layer_name
        self.renderer_spec = renderer  # processing/styles: classes built from the data the layer holds
        # Keyed by text: a QML stores category values as strings whatever the field type.
        self.category_labels = {str(value): label for value, label in (category_labels or {}).items()}

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if layer is None:
            return
        if self.qml_path and os.path.exists(self.qml_path):
            layer.loadNamedStyle(self.qml_path)
        if layer.isSpatial() and hasattr(layer, "renderer") and layer.renderer() is not None:
            renderer = layer.renderer().clone()
            if self.renderer_spec is not None:
                renderer = build_renderer(layer, self.renderer_spec) or renderer
            self._label(renderer)
            keep_present_categories(layer, renderer)
            # A new renderer, not the loaded one edited in place: QGIS redraws the legend only on rendererChanged,
            # so labels set in place would show as raw codes until the user refreshed the legend.
            layer.setRenderer(renderer)
            label_layer(layer, getattr(self.renderer_spec, "label", ""))
            # What styled it (a bundled style or classes from the data): checked by the tests, never the default.
            layer.setCustomProperty(
                STYLE_PROPERTY,
                os.path.basename(self.qml_path)
                if self.qml_path
                else type(self.renderer_spec).__name__
                if self.renderer_spec
                else "",
            )
        layer.setName(self.layer_name)
        layer.triggerRepaint()

    def _label(self, renderer):
        if not self.category_labels:
            return
        if hasattr(renderer, "categories"):
            for index, category in enumerate(renderer.categories()):
                label = self.category_labels.get(str(category.value()))
                if label is not None:
                    renderer.updateCategoryLabel(index, label)
        if hasattr(renderer, "rootRule"):  # rule-based: keyed by the rule's label
            for rule in renderer.rootRule().children():
                label = self.category_labels.get(rule.label())
                if label is not None:
                    rule.setLabel(label)


# GDAL's XLSX writer stores text as text cells; CSV is read by a spreadsheet as typed, and its ODS writer turns
# "of:=…" into a formula.
SPREADSHEET_EXTENSIONS = (".csv", ".txt", ".ods")
FORMULA_STARTS = ("=", "+", "-", "@")


class SpreadsheetSafeSink:
    """A sink for a table a spreadsheet opens: text starting with = + - @ is stored with a leading apostrophe, as
    text, never run as a formula (numbers keep their sign: only text is touched)."""

    def __init__(self, sink):
        self.sink = sink

    @staticmethod
    def _formula(value) -> bool:
        return isinstance(value, str) and (value[:1] in FORMULA_STARTS or value[:4].lower() == "of:=")  # ODS

    def _safe(self, feature):
        attributes = feature.attributes()
        if any(self._formula(value) for value in attributes):
            feature.setAttributes(["'" + value if self._formula(value) else value for value in attributes])
        return feature

    def addFeature(self, feature, flags=None):  # noqa: N802
        feature = self._safe(feature)
        return self.sink.addFeature(feature) if flags is None else self.sink.addFeature(feature, flags)

    def addFeatures(self, features, flags=None):  # noqa: N802
        features = [self._safe(feature) for feature in features]
        return self.sink.addFeatures(features) if flags is None else self.sink.addFeatures(features, flags)

    def __getattr__(self, name):
        return getattr(self.sink, name)


def is_null(value) -> bool:
    """None, or QGIS's NULL (a QVariant that is not None in Python and would be written as the text "NULL")."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def close_writers():
    """Drop the local variables of the failed run's frames: its sinks close their files before the earlier files
    are put back (a writer still open would keep a lock on Windows or write on after the restore)."""
    error_traceback = sys.exc_info()[2]
    if error_traceback is not None:
        traceback.clear_frames(error_traceback)
    gc.collect()


def extended_fields(source_fields, added):
    """(fields, kept): the input's fields, less any named like an added one (case ignored: GeoPackage column names
    are), followed by the ``added`` (name, QVariant type) fields. ``kept`` lists the input fields carried over."""
    names = {name.lower() for name, _ in added}
    kept = [field for field in source_fields if field.name().lower() not in names]
    return fields_from(added, kept), kept
