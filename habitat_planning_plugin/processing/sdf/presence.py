"""Which settlements have which functions, as the SDF tools read it: facility points with a function field (a
facility belongs to the sector polygon holding it, or to the nearest settlement point within a distance), or
numeric function columns of the settlement layer. The same parameters, checks and reading in every tool that
needs the presence of functions."""

import numpy as np
from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterNumber

from ...compat import ProcessingFieldParameterDataType, ProcessingNumberParameterType, ProcessingSourceType, field_names
from ...core.sdf.scalogram import presence_from_facilities
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import features_in_crs, number_or_nan
from .places import place_points, text_or_blank

SETTLEMENTS = "SETTLEMENTS"
FACILITIES = "FACILITIES"
FUNCTION_FIELD = "FUNCTION_FIELD"
MAX_DISTANCE = "MAX_DISTANCE"
PRESENCE_FIELDS = "PRESENCE_FIELDS"
MAX_SEARCH_METRES = 50_000.0


def add_presence_parameters(algorithm, settlements=SETTLEMENTS) -> None:
    """Facilities and their function field, the facility search distance, or function columns of ``settlements``."""
    algorithm.add_parameter(
        QgsProcessingParameterFeatureSource(
            FACILITIES, tr("Facilities (points)"), [ProcessingSourceType.VectorPoint], optional=True
        ),
        tr_noop("Facility points (schools, health centres, markets, banks…). Give these or function columns."),
    )
    algorithm.add_parameter(
        QgsProcessingParameterField(
            FUNCTION_FIELD, tr("Function field"), parentLayerParameterName=FACILITIES, optional=True
        ),
        tr_noop("Field of the facilities naming their function; each distinct value is a function."),
    )
    algorithm.add_parameter(
        QgsProcessingParameterNumber(
            MAX_DISTANCE,
            tr("Facility search distance (m)"),
            ProcessingNumberParameterType.Double,
            2000.0,
            minValue=1.0,
        ),
        tr_noop("For settlement points: a facility belongs to the nearest settlement within this distance."),
    )
    algorithm.add_parameter(
        QgsProcessingParameterField(
            PRESENCE_FIELDS,
            tr("Function columns"),
            parentLayerParameterName=settlements,
            type=ProcessingFieldParameterDataType.Numeric,
            allowMultiple=True,
            optional=True,
        ),
        tr_noop(
            "Instead of facilities: numeric columns of the settlements, one per function (more than 0 means "
            "present), e.g. from a joined presence table."
        ),
    )


def check_presence_values(algorithm, parameters, context) -> list:
    """Problems with the functions' input before the run: exactly one of facilities and function columns, the
    function field with facilities, a plausible search distance."""
    problems = []
    facilities = parameters.get(FACILITIES) not in (None, "")
    function_field = algorithm.parameterAsString(parameters, FUNCTION_FIELD, context)
    presence_fields = field_names(algorithm, parameters, PRESENCE_FIELDS, context)
    if facilities == bool(presence_fields):
        problems.append(tr("Give the functions either as facility points or as function columns, not both or none."))
    if facilities and not function_field:
        problems.append(tr("Choose the function field of the facilities."))
    distance = algorithm.parameterAsDouble(parameters, MAX_DISTANCE, context)
    if distance > MAX_SEARCH_METRES:
        problems.append(
            tr(
                "A facility search distance of {0} m is implausible: a facility that far away serves "
                "no settlement of its own. Give at most {1} m.",
                f"{distance:g}",
                MAX_SEARCH_METRES,
            )
        )
    return problems


def facilities_source(algorithm, parameters, context):
    """The facility points, or None when the functions come from columns."""
    return algorithm.parameterAsSource(parameters, FACILITIES, context)


def function_names(algorithm, parameters, context):
    """The function names the run will find, known before it (the distinct function values of the facilities,
    sorted, or the function columns); None when they cannot be known yet."""
    presence_fields = field_names(algorithm, parameters, PRESENCE_FIELDS, context)
    if presence_fields:
        return list(presence_fields)
    facilities = facilities_source(algorithm, parameters, context)
    function_field = algorithm.parameterAsString(parameters, FUNCTION_FIELD, context)
    if facilities is None or not function_field:
        return None
    index = facilities.fields().lookupField(function_field)
    if index < 0:
        return None
    return sorted({text_or_blank(value) for value in facilities.uniqueValues(index)} - {""})


def read_presence(algorithm, parameters, context, places, crs, feedback, facilities_name=FACILITIES):
    """(presence (n, F) 0/1 int array, function names) of the settlements ``places`` (processing.sdf.places) in
    ``crs``: from the facilities (in the sector polygons when every place is one, else at the nearest settlement
    point within the search distance) or from the function columns. What is left out is reported.
    ``facilities_name``: the facilities parameter to read (a scenario's facilities carry the same function field)."""
    facilities = algorithm.parameterAsSource(parameters, facilities_name, context)
    function_field = algorithm.parameterAsString(parameters, FUNCTION_FIELD, context)
    presence_fields = field_names(algorithm, parameters, PRESENCE_FIELDS, context)
    records = places.records
    polygons = all(shape is not None for shape in places.shapes)
    if facilities is not None:
        where = places.shapes if polygons else np.array(places.xy, dtype=float)
        what_facilities = tr("facilities")
        # A facility drawn as a building polygon counts at a point inside it.
        located = place_points(features_in_crs(facilities, crs, context.transformContext()), what_facilities)
        located.report(feedback, what_facilities)
        labels = [text_or_blank(feature[function_field]) for feature in located.records]
        blank = sum(1 for label in labels if not label.strip())
        if blank:
            feedback.pushWarning(
                tr("{0} facilities have no value in the field {1} and were left out.", blank, function_field)
            )
        if not located.records:
            raise HabitatError(
                tr(
                    'The facilities "{0}" have no usable points.',
                    algorithm.input_label(parameters, facilities_name, context),
                )
            )
        if blank == len(labels):
            raise HabitatError(
                tr(
                    'The facilities "{0}" have no value in the function field {1}.',
                    algorithm.input_label(parameters, facilities_name, context),
                    function_field,
                )
            )
        presence, functions, _, unassigned = presence_from_facilities(
            where,
            located.xy,
            labels,
            None if polygons else algorithm.parameterAsDouble(parameters, MAX_DISTANCE, context),
        )
        if unassigned:
            feedback.pushWarning(
                tr("{0} facilities lie in no settlement or sector and were left out.", len(unassigned))
            )
        return presence, functions
    functions = list(presence_fields)
    values = np.array([[number_or_nan(f[name]) for name in functions] for f in records], dtype=float)
    for name, column in zip(functions, values.T):
        absent = int((~np.isfinite(column)).sum())
        if absent:
            feedback.pushWarning(
                tr("{0}: {1} settlements have no value; the function counts as absent there.", name, absent)
            )
        negative = int((column < 0).sum())
        if negative:
            feedback.pushWarning(
                tr(
                    "{0}: {1} settlements have a negative value; the function counts as absent there.",
                    name,
                    negative,
                )
            )
    presence = (np.nan_to_num(values, nan=0.0) > 0).astype(np.int64)
    return presence, functions
