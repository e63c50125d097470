"""Adapters between QGIS and the core: CRS choice, reprojection, geometries as shapely objects."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
)
from shapely import wkb as shapely_wkb

from .core.crs import utm_epsg
from .core.text import HabitatError, tr

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def _crs_and_extent(item):
    """(crs, extent) of a map layer or a Processing feature source."""
    if hasattr(item, "sourceCrs"):
        return item.sourceCrs(), item.sourceExtent()
    return item.crs(), item.extent()


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == QgsUnitTypes.DistanceMeters


def wgs84_extent(items, transform_context=None) -> QgsRectangle:
    """Union of the items' extents in longitude/latitude."""
    context = transform_context or QgsProject.instance().transformContext()
    total = QgsRectangle()
    total.setMinimal()
    for item in items:
        crs, extent = _crs_and_extent(item)
        if extent.isNull() or not crs.isValid():
            continue
        transform = QgsCoordinateTransform(crs, WGS84, context)
        total.combineExtentWith(transform.transformBoundingBox(extent))
    return total


def choose_metric_crs(items, user_crs=None, transform_context=None, feedback=None) -> QgsCoordinateReferenceSystem:
    """One projected CRS in metres for a set of layers or sources.

    The user's choice wins (when projected); inputs that share one metric CRS keep it; otherwise (geographic,
    feet, or several CRSs) the WGS 84 / UTM zone at the centre of the data is used. The choice is logged.
    """
    if user_crs is not None and user_crs.isValid():
        if not is_metric(user_crs):
            raise HabitatError(
                tr("The chosen CRS {0} is not a projected CRS in metres. Choose a projected CRS, "
                   "for example the UTM zone of the city.", user_crs.authid())
            )
        _log(feedback, tr("Analysis CRS (chosen by the user): {0} {1}", user_crs.authid(), user_crs.description()))
        return user_crs

    crss = [_crs_and_extent(item)[0] for item in items]
    for crs in crss:
        if not crs.isValid():
            raise HabitatError(tr("An input layer has no valid coordinate reference system. Set its CRS first."))
    distinct = {crs.authid() or crs.toWkt(): crs for crs in crss}
    if len(distinct) == 1:
        only = next(iter(distinct.values()))
        if is_metric(only):
            return only

    extent = wgs84_extent(items, transform_context)
    if extent.isNull():
        raise HabitatError(tr("The inputs are empty: there is no extent to choose a CRS from."))
    centre = extent.center()
    chosen = QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg(centre.x(), centre.y())}")
    names = ", ".join(sorted(distinct))
    _log(
        feedback,
        tr("Inputs are in {0}; distances need metres, so the analysis uses {1} ({2}), the UTM zone at the centre "
           "of the data. Choose another projected CRS in the parameters if you prefer.",
           names, chosen.description(), chosen.authid()),
    )
    return chosen


def features_in_crs(source, crs, transform_context, request: QgsFeatureRequest = None):
    """Iterate ``source``'s features with geometries transformed to ``crs``."""
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setDestinationCrs(crs, transform_context)
    return source.getFeatures(request)


def to_shapely(geometry: QgsGeometry):
    """A shapely geometry from a QgsGeometry (None for a null or empty one)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    return shapely_wkb.loads(bytes(geometry.asWkb()))


def from_shapely(shape) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(shapely_wkb.dumps(shape))
    return geometry


def _log(feedback, message: str) -> None:
    if feedback is not None:
        feedback.pushInfo(message)
