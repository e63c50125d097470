"""The road network as the SDF tools read it: the same parameters (roads, class field, speed table, default and
off-road speeds, largest distance to a road), the same checks and the same reading in every tool that travels."""

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
)

from ...compat import ProcessingNumberParameterType, ProcessingSourceType
from ...core.sdf.accessibility import DEFAULT_SPEEDS_KMH, MAX_SPEED_KMH, speed_table
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...core.wkb import wkb_line_parts
from ...qgis_io import features_in_crs

ROADS = "ROADS"
CLASS_FIELD = "CLASS_FIELD"
SPEEDS = "SPEEDS"
DEFAULT_SPEED = "DEFAULT_SPEED"
OFF_ROAD_SPEED = "OFF_ROAD_SPEED"
MAX_OFF_ROAD = "MAX_OFF_ROAD"
# Plausible ranges: beyond them a value is a typing error (metres for kilometres...), refused with the reason.
MAX_OFF_ROAD_SPEED_KMH = 50.0
MAX_OFF_ROAD_METRES = 50_000.0


def add_road_parameters(algorithm) -> None:
    """The road network, its class field and speeds, and how settlements join it."""
    algorithm.add_parameter(
        QgsProcessingParameterFeatureSource(ROADS, tr("Road network"), [ProcessingSourceType.VectorLine]),
        tr_noop("Roads of the region; lines sharing a vertex are connected."),
    )
    algorithm.add_parameter(
        QgsProcessingParameterField(CLASS_FIELD, tr("Road class field"), parentLayerParameterName=ROADS, optional=True),
        tr_noop("Road class looked up in the speed table (e.g. the OpenStreetMap highway tag)."),
    )
    algorithm.add_parameter(
        QgsProcessingParameterMatrix(
            SPEEDS,
            tr("Speed by road class (km/h)"),
            numberRows=0,
            hasFixedNumberRows=False,
            headers=[tr("Road class"), tr("Speed (km/h)")],
            defaultValue=[v for pair in DEFAULT_SPEEDS_KMH.items() for v in pair],
            optional=True,
        ),
        tr_noop(
            "Travel speed of each road class. The defaults are typical rural speeds: adapt them to the "
            "region's roads and vehicles."
        ),
    )
    algorithm.add_parameter(
        QgsProcessingParameterNumber(
            DEFAULT_SPEED, tr("Default speed (km/h)"), ProcessingNumberParameterType.Double, 30.0, minValue=1.0
        ),
        tr_noop("Speed of roads whose class is not in the table."),
    )
    algorithm.add_parameter(
        QgsProcessingParameterNumber(
            OFF_ROAD_SPEED,
            tr("Off-road speed (km/h)"),
            ProcessingNumberParameterType.Double,
            5.0,
            minValue=0.5,
        ),
        tr_noop("Speed from a settlement to the nearest road (walking by default)."),
    )
    algorithm.add_parameter(
        QgsProcessingParameterNumber(
            MAX_OFF_ROAD,
            tr("Largest distance to a road (m)"),
            ProcessingNumberParameterType.Double,
            5000.0,
            minValue=1.0,
        ),
        tr_noop("Settlements farther than this from every road have no road connection and are reported."),
    )


def implausible(algorithm, parameters, context, parameter, highest: float, unit: str):
    """The message for a number above its plausible ``highest`` value, or None."""
    value = algorithm.parameterAsDouble(parameters, parameter, context)
    if value <= highest:
        return None
    if not unit:
        return tr(
            '"{0}" of {1} is implausible; give at most {2}.',
            algorithm.parameterDefinition(parameter).description(),
            f"{value:g}",
            f"{highest:g}",
        )
    return tr(
        '"{0}" of {1} {2} is implausible; give at most {3} {2}.',
        algorithm.parameterDefinition(parameter).description(),
        f"{value:g}",
        unit,
        f"{highest:g}",
    )


def check_road_values(algorithm, parameters, context) -> list:
    """Problems with the speed table and the speeds and distances, before the run."""
    problems = []
    try:
        speed_table(algorithm.parameterAsMatrix(parameters, SPEEDS, context))
    except HabitatError as error:
        problems.append(str(error))
    for parameter, highest, unit in (
        (DEFAULT_SPEED, MAX_SPEED_KMH, "km/h"),
        (OFF_ROAD_SPEED, MAX_OFF_ROAD_SPEED_KMH, "km/h"),
        (MAX_OFF_ROAD, MAX_OFF_ROAD_METRES, "m"),
    ):
        message = implausible(algorithm, parameters, context, parameter, highest, unit)
        if message:
            problems.append(message)
    return problems


def read_roads(algorithm, parameters, context, roads, crs, feedback, source_name=ROADS, class_field_name=CLASS_FIELD):
    """(line parts as (k, 2) arrays, speed of each in km/h) of the road layer ``roads`` in ``crs``; a road whose
    class is not in the speed table gets the default speed."""
    class_field = algorithm.parameterAsString(parameters, class_field_name, context)
    table = speed_table(algorithm.parameterAsMatrix(parameters, SPEEDS, context))
    default = algorithm.parameterAsDouble(parameters, DEFAULT_SPEED, context)
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([class_field] if class_field else [], roads.fields())
    lines, speeds = [], []
    for count, feature in enumerate(features_in_crs(roads, crs, context.transformContext(), request)):
        if count % 1000 == 0 and feedback.isCanceled():
            raise Cancelled()
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            continue
        speed = table.get(str(feature[class_field] or "").strip().lower(), default) if class_field else default
        for part in wkb_line_parts(bytes(geometry.asWkb())) or []:
            if len(part) >= 2:
                lines.append(part)
                speeds.append(speed)
    if not lines:
        raise HabitatError(
            tr(
                'The road network "{0}" has no lines with at least two vertices.',
                algorithm.input_label(parameters, source_name, context),
            )
        )
    return lines, speeds
