"""Tags of an OSM feature, from GDAL's OSM driver (columns + other_tags) or a QuickOSM-style layer (columns)."""

import os

from ...compat import FeatureRequestFlag
from ...core.public_space.osm import parse_other_tags


def feature_tags(feature, field_names) -> dict:
    tags = parse_other_tags(feature["other_tags"]) if "other_tags" in field_names else {}
    for name in field_names:
        if name in ("other_tags", "osm_id", "osm_way_id"):
            continue
        value = feature[name]
        if value is not None and not (hasattr(value, "isNull") and value.isNull()) and str(value) != "":
            tags[name] = str(value)
    return tags


def osm_id(feature, field_names) -> str:
    for name in ("osm_id", "osm_way_id", "id", "full_id"):
        if name in field_names and feature[name] not in (None, ""):
            return str(feature[name])
    return str(feature.id())


def input_name(algorithm, parameters, name, context, source=None) -> str:
    """How the user knows an input layer: its file name (with the layer of a multi-layer file), else its name."""
    value = parameters.get(name)
    value = getattr(value, "source", value)  # a QgsProcessingFeatureSourceDefinition
    value = value.staticValue() if hasattr(value, "staticValue") else value
    text = value if isinstance(value, str) else (value.source() if hasattr(value, "source") else "")
    parts = str(text).split("|")
    if parts[0] and os.path.exists(parts[0]):
        layer_name = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), "")
        base = os.path.basename(parts[0])
        return f"{base} ({layer_name})" if layer_name else base
    if hasattr(value, "name") and callable(value.name):
        return value.name()
    return source.sourceName() if source is not None else str(text)


def no_features(source) -> bool:
    """Whether a source holds no feature at all (an OSM file's layer counts -1 until read)."""
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest().setLimit(1).setFlags(FeatureRequestFlag.NoGeometry)
    return next(iter(source.getFeatures(request)), None) is None


def empty_layer_error(label):
    from ...core.text import HabitatError, tr

    return HabitatError(
        tr(
            'The layer "{0}" holds no features: check that it is the right file and layer (an OSM '
            'extract of the area, its "lines" or "multipolygons" layer).',
            label,
        )
    )


def spreadsheet_cell(value):
    """Text a spreadsheet shows as text: a leading = + - @ (a formula to Excel) is escaped with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def text_guard(algorithm, parameters, name, context):
    """For an output written as CSV (opened in a spreadsheet): a function that keeps text starting with = + - @
    as text, never a formula; other formats keep their values as they are."""
    destination = algorithm.parameterAsOutputLayer(parameters, name, context) or ""
    if not destination.split("|")[0].lower().endswith((".csv", ".txt")):
        return lambda value: value
    return spreadsheet_cell
