"""Parameters: the declarations several tools share, bundled defaults for optional files, and parameter values as
a person reads them (for reports and messages)."""

import os

from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ..compat import ProcessingFieldParameterDataType, ProcessingSourceType
from ..core.public_space.osm import NOT_WALKABLE_CLASSES
from ..core.text import tr, tr_noop
from ..paths import readable_source, resource_path
from .outputs import is_null


def file_or_built_in(algorithm, parameters, name, context, *resource):
    """The file given for the optional file parameter ``name``, else the bundled resources/``resource``."""
    return algorithm.parameterAsFile(parameters, name, context) or resource_path(*resource)


def feature_names(features, name_field):
    """The value of ``name_field`` of each feature as text, or its feature id where there is none."""
    return [str(f[name_field]) if name_field and not is_null(f[name_field]) else str(f.id()) for f in features]


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
    layer = (
        QgsProcessingUtils.mapLayerFromString(value, context, False)
        if "|" not in value and not os.path.exists(value)
        else None
    )
    path = (layer.source() if layer is not None else value).split("|")[0]
    return {os.path.realpath(path)} if os.path.isfile(path) else set()


# --- declarations the walking tools share (each tool may word the help for its own use) ---
POPULATION_GRID_HELP = tr_noop(
    "Persons per cell; every band is a population group (band 1: total). Give either this grid or a population layer."
)
POPULATION_LAYER_HELP = tr_noop(
    "Features with population counts, such as census blocks or buildings. A polygon's "
    "people are spread evenly over points 50 m apart inside it."
)
POPULATION_FIELDS_HELP = tr_noop("Numeric fields of the population layer, one per group (the first is the total).")
ROAD_CLASS_HELP = tr_noop(
    "Field of the streets with the road class, to leave out the classes below. A field named "
    "walkable with 0 leaves a street out as well."
)
EXCLUDED_CLASSES_HELP = tr_noop("Comma-separated values of the road class field left out of the walking network.")


def add_population_parameters(
    algorithm,
    grid_help: str = POPULATION_GRID_HELP,
    layer_help: str = POPULATION_LAYER_HELP,
    fields_help: str = POPULATION_FIELDS_HELP,
):
    """The population input read by processing/public_space/population_input.py: a grid (POPULATION_RASTER) or a
    layer (POPULATION_LAYER) with its count fields (POPULATION_FIELDS), one per group, the total first."""
    algorithm.add_parameter(
        QgsProcessingParameterRasterLayer("POPULATION_RASTER", tr("Population grid (raster)"), optional=True), grid_help
    )
    algorithm.add_parameter(
        QgsProcessingParameterFeatureSource(
            "POPULATION_LAYER",
            tr("Population layer (points or polygons)"),
            [ProcessingSourceType.VectorAnyGeometry],
            optional=True,
        ),
        layer_help,
    )
    algorithm.add_parameter(
        QgsProcessingParameterField(
            "POPULATION_FIELDS",
            tr("Population count fields"),
            parentLayerParameterName="POPULATION_LAYER",
            type=ProcessingFieldParameterDataType.Numeric,
            allowMultiple=True,
            optional=True,
        ),
        fields_help,
    )


def add_road_class_parameters(algorithm, field_help: str = ROAD_CLASS_HELP, classes_help: str = EXCLUDED_CLASSES_HELP):
    """The road class field of STREETS and the classes left out of the walking network (walking.walkable_request
    reads them)."""
    algorithm.add_parameter(
        QgsProcessingParameterField(
            "ROAD_CLASS_FIELD", tr("Road class field"), parentLayerParameterName="STREETS", optional=True
        ),
        field_help,
    )
    algorithm.add_parameter(
        QgsProcessingParameterString(
            "EXCLUDED_CLASSES", tr("Road classes nobody walks along"), ", ".join(NOT_WALKABLE_CLASSES), optional=True
        ),
        classes_help,
    )


# Plausible upper limits of the walking tools' distances (metres): beyond them the numbers mean something else.
WALKING_LIMITS = {
    "MAX_DISTANCE": (5000.0, tr_noop("SDG 11.7.1 uses 400 m; beyond 5 km it is no walk to a park")),
    "ENTRY_TOLERANCE": (200.0, tr_noop("a street farther than 200 m from a space gives no entrance to it")),
    "SNAP_TOLERANCE": (5.0, tr_noop("vertices farther apart than 5 m are different junctions")),
    "MAX_CELL_SIZE": (100_000.0, tr_noop("a population cell is not larger than 100 km")),
}
