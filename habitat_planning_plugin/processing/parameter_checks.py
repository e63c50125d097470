"""Checks every algorithm's parameters get before the run (checkParameterValues), as QGIS's own algorithms do:
field names that are in their layer and of the right type, numbers that are numbers, outputs that can be written
with a format their extension names, never two outputs on one file and never an output on an input.

QGIS's command line and the Python API do not check field names; these checks are what turns a `KeyError` deep
in a run into a message naming the field and the layer before anything is read or written.
"""

import math
import os
import re

from qgis.core import (
    QgsProcessingParameterDistance,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..compat import ProcessingFieldParameterDataType, ProcessingParameterFlag, field_names
from ..core.text import tr
from .output_guard import destination_file
from .parameters import input_files


def check_parameters(algorithm, parameters, context) -> list:
    """Translated problems, one per line of the message; empty when the parameters are fine."""
    return (
        _fields(algorithm, parameters, context)
        + number_problems(algorithm, parameters, context)
        + _outputs(algorithm, parameters, context)
    )


def _fields(algorithm, parameters, context) -> list:
    problems = []
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField):
            continue
        names = [name for name in field_names(algorithm, parameters, definition.name(), context) if name]
        if not names:
            continue
        parent_name = definition.parentLayerParameterName()
        parent = algorithm.parameterDefinition(parent_name) if parent_name else None
        source = algorithm.parameterAsSource(parameters, parent_name, context) if parent is not None else None
        if source is None:  # no layer given: its fields are not used (they may be the parameter's defaults)
            continue
        fields = source.fields()
        layer_name = _layer_name(parameters.get(parent_name), source, context)
        for name in names:
            index = fields.lookupField(name)
            if (
                index < 0
                and name == definition.defaultValue()
                and definition.flags() & ProcessingParameterFlag.Optional
            ):
                continue  # an optional field's default name, absent from this layer: the algorithm does without
            if index < 0:
                problems.append(
                    tr(
                        '"{0}": the layer {1} has no field "{2}". Its fields: {3}.',
                        definition.description(),
                        layer_name,
                        name,
                        ", ".join(fields.names()) or tr("none"),
                    )
                )
                continue
            field = fields.at(index)
            if definition.dataType() == ProcessingFieldParameterDataType.Numeric and not field.isNumeric():
                problems.append(
                    tr(
                        '"{0}": the field "{1}" of {2} holds text ({3}), not numbers.',
                        definition.description(),
                        name,
                        layer_name,
                        field.typeName(),
                    )
                )
    return problems


def _layer_name(value, source, context) -> str:
    """The layer as the user knows it: "city.gpkg › streets" for a file, its name for a project layer."""
    from ..paths import readable_source

    value = getattr(getattr(value, "source", None), "staticValue", lambda: value)()  # a feature source definition
    if hasattr(value, "name") and callable(value.name):
        return value.name()
    if isinstance(value, str):
        path, bar, rest = value.partition("|")
        if os.path.exists(path):
            return readable_source(os.path.abspath(path) + bar + rest)  # "city.gpkg › streets", relative or not
        layer = QgsProcessingUtils.mapLayerFromString(value, context)
        if layer is not None:
            return layer.name()
    return source.sourceName() if hasattr(source, "sourceName") else str(value)


def number_problems(algorithm, parameters, context) -> list:
    problems = []
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, (QgsProcessingParameterNumber, QgsProcessingParameterDistance)):
            continue
        value = parameters.get(definition.name())
        if value is None or value == "":
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue  # an expression or a property: QGIS evaluates and checks it
        if not math.isfinite(number):
            problems.append(tr('"{0}" must be a finite number, not {1}.', definition.description(), value))
            continue
        low, high = definition.minimum(), definition.maximum()
        if not low <= number <= high:  # QGIS refuses it too, without saying why
            problems.append(
                tr(
                    '"{0}" must be between {1} and {2}, not {3}.',
                    definition.description(),
                    f"{low:g}",
                    f"{high:g}",
                    f"{number:g}",
                )
            )
    return problems


def file_problems(algorithm, parameters, context) -> list:
    """Input files whose extension the parameter does not accept: QGIS refuses them without saying why."""
    from qgis.core import QgsProcessingParameterFile

    problems = []
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterFile):
            continue
        value = parameters.get(definition.name())
        if not isinstance(value, str) or not value:
            continue
        accepted = (
            [f".{definition.extension().lower()}"]
            if definition.extension()
            else [f".{ext.lower()}" for ext in re.findall(r"\*\.([A-Za-z0-9_]+)", definition.fileFilter() or "")]
        )
        if accepted and not value.lower().endswith(tuple(accepted)):
            problems.append(
                tr(
                    '"{0}": {1} is not a file this input reads; give one of {2}.',
                    definition.description(),
                    os.path.basename(value),
                    ", ".join(accepted),
                )
            )
    return problems


def layer_problems(algorithm, parameters, context) -> list:
    """Files given as layers that exist but do not open (QGIS says "not found"), and choices out of the list."""
    from qgis.core import (
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterVectorLayer,
    )

    problems = []
    for definition in algorithm.parameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(definition, QgsProcessingParameterEnum) and value not in (None, ""):
            options = definition.options()
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = -1
            if not 0 <= number < len(options) and str(value) not in options:
                problems.append(
                    tr(
                        '"{0}" must be one of: {1}.',
                        definition.description(),
                        "; ".join(f"{index} = {option}" for index, option in enumerate(options)),
                    )
                )
            continue
        if not isinstance(
            definition,
            (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer, QgsProcessingParameterRasterLayer),
        ):
            continue
        if not isinstance(value, str) or not value:
            continue
        path = value.split("|")[0]
        if os.path.isfile(path) and QgsProcessingUtils.mapLayerFromString(value, context) is None:
            size = os.path.getsize(path)
            problems.append(
                tr(
                    '"{0}": the file {1} exists but does not open as a layer ({2}): it is damaged, cut '
                    "short or not a GIS file of this kind.",
                    definition.description(),
                    os.path.basename(path),
                    tr("empty file") if size == 0 else f"{size:,} bytes",
                )
            )
    return problems


def explain_refusal(algorithm, parameters, context) -> list:
    """What QGIS's own check refused, said with the reason (its message only names the parameter)."""
    return (
        number_problems(algorithm, parameters, context)
        + file_problems(algorithm, parameters, context)
        + layer_problems(algorithm, parameters, context)
    )


def _extensions(definition) -> list:
    """The file extensions (lower case, with the dot) an output parameter writes; empty when any is fine."""
    if isinstance(definition, QgsProcessingParameterFileDestination):
        return [f".{ext.lower()}" for ext in re.findall(r"\*\.([A-Za-z0-9_]+)", definition.fileFilter() or "")]
    for method in ("supportedOutputVectorLayerExtensions", "supportedOutputRasterLayerExtensions"):
        if hasattr(definition, method):
            return [f".{ext.lower()}" for ext in getattr(definition, method)()]
    return []


def _writable(path: str) -> bool:
    """The file can be created or replaced: it is writable, or its nearest existing folder is."""
    if os.path.exists(path):
        return os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)) or ".", os.W_OK)
    folder = os.path.dirname(os.path.abspath(path))
    while folder and not os.path.exists(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK)


def _outputs(algorithm, parameters, context) -> list:

    problems = []
    inputs = set()
    for definition in algorithm.parameterDefinitions():
        if not definition.isDestination():
            inputs.update(input_files(parameters.get(definition.name()), context))
    used = {}
    for definition in algorithm.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        label = definition.description()
        if isinstance(definition, QgsProcessingParameterFolderDestination):
            folder = value if isinstance(value, str) else None
            if folder and folder != "TEMPORARY_OUTPUT" and not _writable(os.path.join(folder, "x")):
                problems.append(tr('"{0}": the folder {1} cannot be written.', label, folder))
            continue
        path = destination_file(value, context)
        if not path:
            continue
        extension = os.path.splitext(path)[1].lower()
        allowed = _extensions(definition)
        if extension and allowed and extension not in allowed:
            problems.append(
                tr(
                    '"{0}": {1} is not a format this output writes; use one of {2}.',
                    label,
                    os.path.basename(path),
                    ", ".join(sorted(set(allowed))),
                )
            )
        if not _writable(path):
            problems.append(
                tr('"{0}": {1} cannot be written (no permission, or the folder is read-only).', label, path)
            )
        table = _table_of(value, context)
        # An output the algorithm adds to (an assessment store) keeps what the file holds: no replacing to warn of.
        appended = definition.name() in getattr(algorithm, "APPENDED_OUTPUTS", ())
        others = _other_layers(path) if table is None and extension == ".gpkg" and not appended else []
        if others:
            problems.append(
                tr(
                    '"{0}": the GeoPackage {1} holds other layers ({2}); writing to the file would '
                    "replace all of them. Choose another file, or add the output to it as a layer "
                    "(ogr:dbname='{1}' table=\"name\").",
                    label,
                    path,
                    ", ".join(others),
                )
            )
        real = os.path.realpath(path)
        if real in inputs and not appended:
            problems.append(
                tr('The output "{0}" would write over the input file {1}. Choose another file.', label, path)
            )
        key = (real, table)
        if (
            key in used
            or (table is None and any(existing[0] == real for existing in used))
            or (table is not None and (real, None) in used)
        ):
            problems.append(
                tr(
                    'The outputs "{0}" and "{1}" are both written to {2}: the second would replace '
                    "the first. Choose another file for one of them.",
                    used.get(key) or next(name for (p, _), name in used.items() if p == real),
                    label,
                    path,
                )
            )
        used[key] = label
    return problems


def _other_layers(path: str) -> list:
    """The layers of an existing GeoPackage when it holds more than one (a file of one layer is an earlier output,
    replaced as the user asked)."""
    if not os.path.isfile(path):
        return []
    from osgeo import ogr

    try:
        source = ogr.Open(path)
    except RuntimeError:
        return []
    if source is None:
        return []
    names = [source.GetLayer(index).GetName() for index in range(source.GetLayerCount())]
    source = None
    return names if len(names) > 1 else []


def _table_of(value, context):
    """The layer name of an ``ogr:`` destination in a GeoPackage (two outputs may share the file), else None."""
    sink = getattr(value, "sink", None)
    if sink is not None:
        value = sink.valueAsString(context.expressionContext())[0]
    if isinstance(value, str) and value.startswith("ogr:"):
        match = re.search(r"table=\"?([^\" ]+)\"?", value)
        return match.group(1) if match else None
    return None
