"""Reading parameter values: numbers typed as text, bundled defaults for optional files, and parameter values
as a person reads them (for reports and messages)."""

import math
import os

from qgis.core import QgsProcessingUtils

from ..core.text import HabitatError, tr
from ..paths import readable_source, resource_path
from .outputs import is_null


def file_or_built_in(algorithm, parameters, name, context, *resource):
    """The file given for the optional file parameter ``name``, else the bundled resources/``resource``."""
    return algorithm.parameterAsFile(parameters, name, context) or resource_path(*resource)


def feature_names(features, name_field):
    """The value of ``name_field`` of each feature as text, or its feature id where there is none."""
    return [str(f[name_field]) if name_field and not is_null(f[name_field]) else str(f.id()) for f in features]


def number_list(text, error_message: str):
    """Numbers from comma- (or semicolon-) separated text; ``error_message`` (translated, naming the text already)
    is raised when a part is not a number."""
    try:
        numbers = [float(part) for part in (text or "").replace(";", ",").split(",") if part.strip()]
    except ValueError:
        raise HabitatError(error_message)
    if not all(math.isfinite(number) for number in numbers):  # "nan" and "inf" parse, but are no threshold
        raise HabitatError(error_message)
    return numbers


def _unwrapped(value):
    """The layer or source string inside a QgsProcessingFeatureSourceDefinition; any other value as it is."""
    source = getattr(value, "source", None)
    return source.staticValue() if source is not None and hasattr(source, "staticValue") else value


def value_text(value, context) -> str:
    """A parameter value as a person reads it: a layer by its name or file, a list joined, nothing as a dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(item, context) for item in value)
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, float):
        return f"{value:g}"
    value = _unwrapped(value)
    if hasattr(value, "authid"):
        return value.authid()
    if hasattr(value, "name") and callable(value.name):  # a map layer
        return value.name()
    text = str(value)
    layer = QgsProcessingUtils.mapLayerFromString(text, context, False) if context.project() is not None else None
    if layer is not None and not os.path.exists(text.split("|")[0]):
        return layer.name()
    return readable_source(text)


def input_files(value, context):
    """Real paths of the existing files an input parameter value points to."""
    if value is None:
        return set()
    if isinstance(value, (list, tuple)):
        return set().union(*(input_files(item, context) for item in value)) if value else set()
    value = _unwrapped(value)
    if hasattr(value, "source") and callable(value.source):  # a map layer
        value = value.source()
    if not isinstance(value, str):
        return set()
    layer = QgsProcessingUtils.mapLayerFromString(value, context) if "|" not in value and not os.path.exists(value) \
        else None
    path = (layer.source() if layer is not None else value).split("|")[0]
    return {os.path.realpath(path)} if os.path.isfile(path) else set()
