"""The walking network every public space tool reads the same way: the streets people walk along (road classes
nobody walks along and ``walkable = 0`` left out), with the same messages. Used by access, gaps, siting, upgrade
and the scorecard, so that their walking distances are the same."""

from qgis.core import QgsExpression, QgsFeatureRequest

from ...compat import FeatureRequestFlag
from ...core.public_space import osm
from ...core.text import HabitatError, tr
from ...qgis_io import read_lines, whole_layer

# Road classes nobody walks along (OSM highway values; the streetsfromosm output marks them walkable = 0 too), as
# the parameters' default text.
NOT_WALKABLE_CLASSES = ", ".join(osm.NOT_WALKABLE_CLASSES)


def walkable_request(algorithm, streets, parameters, context):
    """A request for the walkable streets (excluded road classes and walkable = 0 left out), and how many streets
    it leaves out; (None, 0) when nothing is to be left out. ``algorithm`` names its parameters ROAD_CLASS_FIELD
    and EXCLUDED_CLASSES."""
    names = streets.fields().names()
    # Without a chosen field, the road class columns of OSM data and of Streets from OpenStreetMap are used.
    class_field = algorithm.parameterAsString(parameters, algorithm.ROAD_CLASS_FIELD, context) or next(
        (name for name in names if name.lower() in ("road_class", "highway")), ""
    )
    excluded = [
        value.strip().lower()
        for value in (algorithm.parameterAsString(parameters, algorithm.EXCLUDED_CLASSES, context) or "").split(",")
        if value.strip()
    ]
    class_rule = None
    if class_field and excluded:
        listed = ", ".join(QgsExpression.quotedValue(value) for value in excluded)
        class_rule = f"lower(coalesce({QgsExpression.quotedColumnRef(class_field)}, '')) NOT IN ({listed})"
    # A walkable field (Streets from OpenStreetMap) wins over the class list: a trunk road with foot=yes is
    # marked walkable = 1 and stays; the class list decides only where the field is empty.
    walkable = next((name for name in names if name.lower() == "walkable"), None)
    conditions = []
    if walkable:
        column = QgsExpression.quotedColumnRef(walkable)
        conditions.append(
            f"({column} IS NOT NULL AND {column} <> 0)"
            + (f" OR ({column} IS NULL AND {class_rule})" if class_rule else f" OR {column} IS NULL")
        )
    elif class_rule:
        conditions.append(class_rule)
    if not conditions:
        return None, 0
    request = QgsFeatureRequest().setFilterExpression(conditions[0])
    kept = sum(1 for _ in streets.getFeatures(QgsFeatureRequest(request).setFlags(FeatureRequestFlag.NoGeometry)))
    return request, max(streets.featureCount() - kept, 0)


def walkable_lines(algorithm, streets, parameters, context, feedback, crs):
    """The walkable street lines in ``crs`` (as qgis_io.read_lines gives them), with what was left out said in
    the log; a clear error when no walkable street is left."""
    request, left_out = walkable_request(algorithm, streets, parameters, context)
    lines, skipped_lines = read_lines(
        streets,
        crs,
        context.transformContext(),
        request,
        whole_layer(algorithm, parameters, algorithm.STREETS, context),
    )
    if left_out:
        feedback.pushInfo(
            tr(
                "{0} streets left out of the walking network: {1}.",
                left_out,
                algorithm.parameterAsString(parameters, algorithm.EXCLUDED_CLASSES, context) or "walkable = 0",
            )
        )
    if skipped_lines:
        feedback.pushWarning(tr("{0} street features without a usable line geometry were skipped.", skipped_lines))
    if len(lines[1]) == 0:
        raise HabitatError(
            tr(
                'No walkable street is left in "{0}" once the excluded road classes are left out.',
                algorithm.parameterDefinition(algorithm.STREETS).description(),
            )
        )
    return lines
