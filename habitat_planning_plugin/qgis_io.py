"""Adapters between QGIS and the core: CRS choice, reprojection, geometries as shapely objects."""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCurvePolygon,
    QgsDistanceArea,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsGeometryCollection,
    QgsPointXY,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .compat import (
    DistanceUnit,
    FeatureRequestFilterType,
    FeatureRequestFlag,
    GeometryType,
    ProcessingFeatureSourceFlag,
    set_null,
)
from .core.crs import utm_epsg
from .core.geometry import polygonal
from .core.text import HabitatError, tr
from .core.wkb import wkb_line_parts

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def _crs_and_extent(item):
    """(crs, extent) of a map layer or a Processing feature source.

    Some sources (GDAL's OSM driver) report no extent: then it is computed from the geometries, in one pass.
    """
    if hasattr(item, "sourceCrs"):
        crs, extent = item.sourceCrs(), item.sourceExtent()
    else:
        crs, extent = item.crs(), item.extent()
    if extent.isNull() and hasattr(item, "getFeatures") and item.featureCount() != 0:
        extent = set_null(QgsRectangle())
        for feature in item.getFeatures(QgsFeatureRequest().setNoAttributes()):
            if feature.hasGeometry():
                extent.combineExtentWith(feature.geometry().boundingBox())
    return crs, extent


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == DistanceUnit.Meters


def wgs84_extent(items, transform_context=None) -> QgsRectangle:
    """Union of the items' extents in longitude/latitude."""
    context = transform_context or QgsProject.instance().transformContext()
    total = set_null(QgsRectangle())
    for item in items:
        crs, extent = _crs_and_extent(item)
        if extent.isNull() or not crs.isValid():
            continue
        transform = QgsCoordinateTransform(crs, WGS84, context)
        total.combineExtentWith(transform.transformBoundingBox(extent))
    return total


def _item_name(item) -> str:
    """A layer or feature source by the name the user knows."""
    for method in ("name", "sourceName"):
        if hasattr(item, method):
            try:
                return str(getattr(item, method)())
            except TypeError:
                continue
    return ""


def choose_metric_crs(items, user_crs=None, transform_context=None, feedback=None) -> QgsCoordinateReferenceSystem:
    """One projected CRS in metres for a set of layers or sources.

    The user's choice wins (when projected); inputs that share one metric CRS keep it; otherwise (geographic,
    feet, or several CRSs) the WGS 84 / UTM zone at the centre of the data is used. The choice is logged.
    """
    if user_crs is not None and user_crs.isValid():
        if not is_metric(user_crs):
            raise HabitatError(
                tr(
                    "The chosen CRS {0} is not a projected CRS in metres. Choose a projected CRS, "
                    "for example the UTM zone of the city.",
                    user_crs.authid(),
                )
            )
        _log(feedback, tr("Analysis CRS (chosen by the user): {0} {1}", user_crs.authid(), user_crs.description()))
        return user_crs

    crss = [_crs_and_extent(item)[0] for item in items]
    for item, crs in zip(items, crss):
        if not crs.isValid():
            raise HabitatError(
                tr(
                    'The input layer "{0}" has no valid coordinate reference system. Set its CRS '
                    "first (Layer Properties ▸ Source, or Assign Projection).",
                    _item_name(item),
                )
            )
    distinct = {crs.authid() or crs.toWkt(): crs for crs in crss}
    extent = wgs84_extent(items, transform_context)
    if extent.isNull():
        names = [name for name in (_item_name(item) for item in items) if name]
        raise HabitatError(
            tr(
                "The inputs hold no features with a location ({0}): there is no extent to choose a CRS from.",
                ", ".join(names) or tr("none"),
            )
        )
    centre = extent.center()
    chosen = QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg(centre.x(), centre.y())}")
    names = ", ".join(sorted(distinct))
    if len(distinct) == 1:
        only = next(iter(distinct.values()))
        if is_metric(only):
            error = scale_error(only, centre, transform_context)
            if error <= MAX_SCALE_ERROR:
                return only
            _log(
                feedback,
                tr(
                    "{0} stretches distances by {1} % at the centre of the data, so the analysis uses {2} "
                    "({3}), the UTM zone there. Choose another projected CRS in the parameters if you "
                    "prefer.",
                    names,
                    f"{100 * error:.1f}",
                    chosen.description(),
                    chosen.authid(),
                ),
            )
            return chosen
    _log(
        feedback,
        tr(
            "Inputs are in {0}; distances need metres, so the analysis uses {1} ({2}), the UTM zone at the centre "
            "of the data. Choose another projected CRS in the parameters if you prefer.",
            names,
            chosen.description(),
            chosen.authid(),
        ),
    )
    return chosen


MAX_SCALE_ERROR = 0.01  # a metric CRS whose distances are off by more than 1 % (Web Mercator) is not used


def scale_error(crs, centre_wgs84, transform_context=None) -> float:
    """Relative error of planar distances in ``crs`` against ellipsoidal ones, for 1 km east and north at a point."""
    context = transform_context or QgsProject.instance().transformContext()
    to_crs = QgsCoordinateTransform(WGS84, crs, context)
    area = QgsDistanceArea()
    area.setSourceCrs(WGS84, context)
    area.setEllipsoid("WGS84")
    worst = 0.0
    lon, lat = centre_wgs84.x(), centre_wgs84.y()
    for dlon, dlat in ((0.01, 0.0), (0.0, 0.01)):
        a, b = QgsPointXY(lon, lat), QgsPointXY(lon + dlon, lat + dlat)
        true_length = area.measureLine(a, b)
        planar = to_crs.transform(a).distance(to_crs.transform(b))
        if true_length > 0:
            worst = max(worst, abs(planar / true_length - 1.0))
    return worst


def features_in_crs(source, crs, transform_context, request: QgsFeatureRequest = None):
    """Iterate ``source``'s features with geometries transformed to ``crs``.

    Processing's own invalid-geometry check is skipped: our readers repair invalid polygons and report how many.
    """
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setDestinationCrs(crs, transform_context)
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
    return source.getFeatures(request)


def to_shapely(geometry: QgsGeometry):
    """A shapely geometry from a QgsGeometry (None for a null or empty one)."""
    from shapely import wkb as shapely_wkb  # here: the plugin loads without shapely

    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    return shapely_wkb.loads(bytes(geometry.asWkb()))


def polygon_shape(geometry: QgsGeometry):
    """The polygonal part of a QgsGeometry as shapely, tolerating damaged input: (shape or None, state).

    ``state`` is "valid", "repaired" (invalid or unreadable, made valid) or "unusable" (null, empty, or no area
    left after repair). OSM extracts cut at their edge carry rings of fewer than four points, which QGIS calls
    valid but shapely cannot read (WKBReadingError on shapely 1.8, GEOSException on 2.x).
    """
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None, "unusable"
    # A ring too short for shapely goes to makeValid first (shapely would log a GEOS error for each).
    repaired = _has_short_ring(geometry.constGet()) or not geometry.isGeosValid()
    shape = _polygonal_or_none(geometry.makeValid() if repaired else geometry)
    if shape is None and not repaired:
        repaired = True
        shape = _polygonal_or_none(geometry.makeValid())
    if shape is None:
        return None, "unusable"
    return shape, "repaired" if repaired else "valid"


def _has_short_ring(part) -> bool:
    if isinstance(part, QgsGeometryCollection):
        return any(_has_short_ring(part.geometryN(index)) for index in range(part.numGeometries()))
    if isinstance(part, QgsCurvePolygon):
        rings = [part.exteriorRing()] + [part.interiorRing(index) for index in range(part.numInteriorRings())]
        return any(ring is not None and ring.numPoints() < 4 for ring in rings)
    return False


def _polygonal_or_none(geometry: QgsGeometry):
    try:
        return polygonal(to_shapely(geometry))
    except Exception:  # noqa: BLE001 - shapely's reader and GEOS raise different classes by version
        return None


class GdalErrors:
    """Collects GDAL errors (failures, not warnings) raised in this thread while reading, e.g. a truncated or
    damaged .osm.pbf, which GDAL reports once and then ends the layer early as if it had no more features."""

    def __init__(self):
        self.messages = []
        self._pushed = False

    def __enter__(self):
        try:
            from osgeo import gdal
        except ImportError:  # GDAL's Python bindings ship with QGIS; without them nothing is collected
            return self

        def handler(error_class, _number, message):
            if error_class >= gdal.CE_Failure:
                self.messages.append(str(message))

        self._handler = handler  # kept alive while pushed
        gdal.PushErrorHandler(handler)
        self._pushed = True
        return self

    def __exit__(self, *exc):
        if self._pushed:
            from osgeo import gdal

            gdal.PopErrorHandler()
            self._pushed = False
        return False

    def damaged(self, file_name: str) -> HabitatError:
        """The message for a file GDAL could not read to its end."""
        return HabitatError(
            tr(
                "The file {0} is damaged or incomplete (GDAL: {1}). Download or export it again.",
                file_name,
                "; ".join(list(dict.fromkeys(self.messages))[:3]),
            )
        )


def from_shapely(shape) -> QgsGeometry:
    from shapely import wkb as shapely_wkb

    geometry = QgsGeometry()
    geometry.fromWkb(shapely_wkb.dumps(shape))
    return geometry


def _log(feedback, message: str) -> None:
    if feedback is not None:
        feedback.pushInfo(message)


# --- reading inputs for the core -------------------------------------------------------------------------------

_LINESTRING_2D_LE = b"\x01\x02\x00\x00\x00"


def read_lines(source, crs, transform_context, request: QgsFeatureRequest = None, layer=None):
    """Street lines as (coords (n, 2), counts per line part), and the number of features skipped; ``request``
    may filter the features (its attributes are not fetched).

    Coordinates come straight from the WKB: the usual 2D LineStrings are decoded all at once with numpy, which
    keeps a million-street city fast; multi-part, 3D and curved lines are decoded one by one. ``layer``: the
    vector layer that ``source`` reads whole (no selection, no feature limit; see whole_layer), or ``source``
    itself being a layer: a GeoPackage, FlatGeobuf or GeoJSON file is then read by GDAL in columns, without a
    Python step per feature, with the same result.
    """
    if layer is None and isinstance(source, QgsVectorLayer):
        layer = source
    if layer is not None:
        found = _read_lines_ogr(layer, crs, transform_context, request)
        if found is not None:
            return found
    plain, other_parts, skipped = [], [], 0
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    if request.filterType() != FeatureRequestFilterType.Expression:
        request.setNoAttributes()
    for feature in features_in_crs(source, crs, transform_context, request):
        geometry = feature.geometry()
        if geometry is None or geometry.isNull():
            skipped += 1
            continue
        data = bytes(geometry.asWkb())
        if data[:5] == _LINESTRING_2D_LE:
            plain.append(data)
            continue
        found = wkb_line_parts(data)
        if found is None:  # curves, collections and other exotic types: let QGIS segmentise them
            if QgsWkbTypes.geometryType(geometry.wkbType()) != GeometryType.Line:
                geometry = geometry.convertToType(GeometryType.Line, True)  # None when it holds no line
            try:
                lines = (
                    []
                    if geometry is None or geometry.isNull() or geometry.isEmpty()
                    else (geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()])
                )
            except TypeError:  # a collection QGIS cannot turn into lines
                lines = []
            found = [np.array([(p.x(), p.y()) for p in line]).reshape(-1, 2) for line in lines]
        found = [part for part in found if len(part) >= 2]
        skipped += 0 if found else 1
        other_parts.extend(found)
    return _lines_from_wkb(
        b"".join(plain), np.fromiter(map(len, plain), dtype=np.int64, count=len(plain)), other_parts, skipped
    )


def _lines_from_wkb(plain, lengths, other_parts, skipped):
    """(coords, counts), skipped from the WKB of plain 2D LineStrings, one after the other in ``plain`` with
    their ``lengths`` in bytes (decoded all at once), and the parts of the other lines, which follow them."""
    raw = np.frombuffer(plain, dtype=np.uint8)
    headers = (np.cumsum(lengths) - lengths)[:, None] + np.arange(9)
    keep = np.ones(len(raw), dtype=bool)
    keep[headers.ravel()] = False
    coords = raw[keep].view("<f8").reshape(-1, 2)
    counts = (lengths - 9) // 16
    usable = counts >= 2
    skipped += int((~usable).sum())
    if not usable.all():
        coords = coords[np.repeat(usable, counts)]
        counts = counts[usable]
    if other_parts:
        coords = np.concatenate([coords] + [np.asarray(part, dtype=float)[:, :2] for part in other_parts])
        counts = np.concatenate([counts, [len(part) for part in other_parts]])
    return (coords, counts), skipped


# Drivers whose features QGIS's OGR provider hands over as GDAL reads them (Shapefile lines, for one, are made
# multi-part by QGIS, which changes their order here).
_COLUMNAR_DRIVERS = ("GPKG", "FlatGeobuf", "GeoJSON")


def whole_layer(algorithm, parameters, name, context):
    """The vector layer behind feature source parameter ``name`` when the algorithm reads all of it (not only the
    selected features, no feature limit), else None: lets read_lines take its fast path."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.selectedFeaturesOnly or getattr(value, "featureLimit", -1) >= 0
    ):
        return None
    try:
        return algorithm.parameterAsVectorLayer(parameters, name, context)
    except Exception:  # noqa: BLE001 - any doubt: the ordinary path
        return None


def _read_lines_ogr(layer, crs, transform_context, request):
    """read_lines for a whole GDAL file layer through GDAL's columnar (Arrow) interface; None when that cannot
    give exactly what QGIS's reader gives (edited or filtered layers, other drivers, curves, a failed read)."""
    from qgis.core import QgsProviderRegistry

    if request is not None and (
        request.filterType() not in (FeatureRequestFilterType.NoFilter, FeatureRequestFilterType.Expression)
        or not request.filterRect().isNull()
        or request.limit() >= 0
    ):
        return None
    if (
        not isinstance(layer, QgsVectorLayer)
        or not layer.isValid()
        or layer.providerType() != "ogr"
        or layer.isModified()
        or layer.subsetString()
    ):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    # a plain file and layer only: no subset, geometry type, open options or archive to repeat here
    if not parts.get("path") or any(
        value for key, value in parts.items() if key not in ("path", "layerName", "layerId")
    ):
        return None
    transform = None
    if layer.crs() != crs:
        if QgsWkbTypes.hasZ(layer.wkbType()):  # a datum shift may use the heights: leave it to QGIS
            return None
        transform = QgsCoordinateTransform(layer.crs(), crs, transform_context)
    try:
        from osgeo import gdal
    except ImportError:
        return None
    try:
        dataset = gdal.OpenEx(parts["path"], gdal.OF_VECTOR | gdal.OF_READONLY)
        if dataset is None or dataset.GetDriver().ShortName not in _COLUMNAR_DRIVERS:
            return None
        if parts.get("layerName"):
            ogr_layer = dataset.GetLayerByName(str(parts["layerName"]))
        elif isinstance(parts.get("layerId"), int):
            ogr_layer = dataset.GetLayer(parts["layerId"])
        elif dataset.GetLayerCount() == 1:
            ogr_layer = dataset.GetLayer(0)
        else:
            return None
        if ogr_layer is None or not hasattr(ogr_layer, "GetArrowStreamAsNumPy"):
            return None
        wanted = None
        if request is not None and request.filterType() == FeatureRequestFilterType.Expression:
            wanted = _matching_ids(layer, request)
        definition = ogr_layer.GetLayerDefn()
        ogr_layer.SetIgnoredFields(
            [definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())]
        )
        fid_column = ogr_layer.GetFIDColumn() or "OGC_FID"
        geometry_column = ogr_layer.GetGeometryColumn() or "wkb_geometry"
        # The FID column stays in (GDAL 3.6.2 returns empty GeoPackage geometries without another column).
        blobs, lengths, other_parts, skipped, total = [], [], [], 0, 0
        header = np.frombuffer(_LINESTRING_2D_LE, dtype=np.uint8)
        for batch in ogr_layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"]):
            geometries = batch[geometry_column]
            total += len(geometries)
            if wanted is not None:
                geometries = geometries[np.isin(batch[fid_column], wanted)]
            if geometries.dtype.kind == "V" and not np.ma.isMaskedArray(geometries) and len(geometries):
                # GDAL gives WKB of one size as a fixed-width array: plain lines are checked all at once
                raw = geometries.view(np.uint8).reshape(len(geometries), -1)
                if raw.shape[1] >= 9 and (raw[:, :5] == header).all():
                    blobs.append(raw.tobytes())
                    lengths.append(np.full(len(raw), raw.shape[1], dtype=np.int64))
                    continue
            if np.ma.isMaskedArray(geometries):
                values = [
                    None if missing else value
                    for value, missing in zip(geometries.data.tolist(), np.ma.getmaskarray(geometries).tolist())
                ]
            else:
                values = geometries.tolist()
            plain = []
            for data in values:
                if data is None:
                    skipped += 1
                    continue
                data = bytes(data)
                if data[:5] == _LINESTRING_2D_LE:
                    plain.append(data)
                    continue
                found = wkb_line_parts(data) if len(data) >= 9 else None
                if found is None:  # curves, or a geometry GDAL did not hand over: QGIS reads the layer
                    return None
                found = [part for part in found if len(part) >= 2]
                skipped += 0 if found else 1
                other_parts.extend(found)
            blobs.append(b"".join(plain))
            lengths.append(np.fromiter(map(len, plain), dtype=np.int64, count=len(plain)))
    except Exception:  # noqa: BLE001 - GDAL and its bindings raise various errors: the ordinary path reads it
        return None
    if total != layer.featureCount():
        return None
    lengths = np.concatenate(lengths) if lengths else np.empty(0, dtype=np.int64)
    (coords, counts), skipped = _lines_from_wkb(b"".join(blobs), lengths, other_parts, skipped)
    if transform is not None:
        coords = _transform_with_qgis(coords, transform)
        if coords is None:
            return None
    return (coords, counts), skipped


def _matching_ids(layer, request):
    """Ids of the layer's features that pass ``request``'s filter expression, evaluated by QGIS."""
    matching = QgsFeatureRequest(request)
    matching.setFlags(FeatureRequestFlag.NoGeometry)
    expression = QgsExpression(request.filterExpression().expression())
    matching.setSubsetOfAttributes(expression.referencedColumns(), layer.fields())
    return np.fromiter((feature.id() for feature in layer.getFeatures(matching)), dtype=np.int64)


def _transform_with_qgis(coords, transform):
    """Coordinates transformed by QGIS as one line, as its reader transforms each feature; None on failure."""
    from qgis.core import QgsCsException

    if len(coords) < 2:
        return None
    header = np.array([1], dtype=np.uint8).tobytes() + np.array([2, len(coords)], dtype="<u4").tobytes()
    geometry = QgsGeometry()
    geometry.fromWkb(header + np.ascontiguousarray(coords, dtype="<f8").tobytes())
    try:
        if geometry.transform(transform) != 0:
            return None
    except QgsCsException:
        return None
    data = bytes(geometry.asWkb())
    if data[:5] != _LINESTRING_2D_LE:
        return None
    return np.frombuffer(data, dtype="<f8", offset=9).reshape(-1, 2).copy()


def segment_geometries(a, b):
    """QgsGeometry LineStrings from segment end points a, b ((n, 2) arrays), built as one WKB buffer."""
    record = np.dtype([("order", "u1"), ("kind", "<u4"), ("count", "<u4"), ("xy", "<f8", (4,))])
    records = np.zeros(len(a), dtype=record)
    records["order"], records["kind"], records["count"] = 1, 2, 2
    records["xy"] = np.hstack([a, b])
    raw = records.tobytes()
    size = record.itemsize
    for index in range(len(a)):
        geometry = QgsGeometry()
        geometry.fromWkb(raw[index * size : (index + 1) * size])
        yield geometry


def read_polygons(source, crs, transform_context, attributes=()):
    """Polygons as shapely objects, invalid or damaged ones repaired (see polygon_shape).

    Returns (shapes, attribute rows, feature ids, number repaired, number skipped as null, empty or unusable).
    """
    shapes, rows, ids = [], [], []
    repaired = skipped = 0
    request = QgsFeatureRequest()
    if not attributes:
        request.setNoAttributes()  # geometries only: no attribute values to convert
    for feature in features_in_crs(source, crs, transform_context, request):
        shape, state = polygon_shape(feature.geometry())
        if shape is None:
            skipped += 1
            continue
        repaired += state == "repaired"
        shapes.append(shape)
        rows.append([feature[name] for name in attributes])
        ids.append(feature.id())
    return shapes, rows, ids, repaired, skipped


def _osr_transform(source_wkt: str, target_wkt: str):
    from osgeo import osr

    source_srs, target_srs = osr.SpatialReference(), osr.SpatialReference()
    source_srs.ImportFromWkt(source_wkt)
    target_srs.ImportFromWkt(target_wkt)
    for srs in (source_srs, target_srs):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source_srs, target_srs)


def _transform_xy(xy, source_crs, target_crs):
    """Points from one CRS to another with GDAL, all at once (numpy in, numpy out)."""
    if source_crs == target_crs or len(xy) == 0:
        return np.asarray(xy, dtype=float)
    transformed = np.array(
        _osr_transform(source_crs.toWkt(), target_crs.toWkt()).TransformPoints(np.asarray(xy, dtype=float).tolist())
    )
    return transformed[:, :2]


def _open_raster(layer, what: str):
    from osgeo import gdal

    dataset = gdal.Open(layer.source())
    if dataset is None:
        raise HabitatError(tr("Cannot read the {0} raster {1}.", what, layer.source()))
    return dataset


def read_band(band, path: str, what: str) -> np.ndarray:
    """A whole raster band as float64; a damaged or truncated file (GDAL answers None, or raises once exceptions
    are on) is a message naming the file instead of a crash further on."""
    try:
        values = band.ReadAsArray()
    except RuntimeError as error:
        raise HabitatError(tr("Cannot read the {0} raster {1}: {2}", what, path, str(error))) from error
    if values is None:
        raise HabitatError(
            tr(
                "Cannot read the {0} raster {1}: the file is damaged or cut short (band {2}).",
                what,
                path,
                band.GetBand(),
            )
        )
    return values.astype(np.float64)


def raster_population(
    layer, crs, transform_context, max_cell_size: float = None, built_up=None, buildings=None, extent=None
):
    """Cell centres (in ``crs``) and values of every band of a population raster.

    Returns (xy, weights (n, bands), band names, number of nodata cells, SpreadGrid or None). Cells that are nodata
    in the first band (the total) are dropped; nodata or negative values in other bands count as 0. Cells larger
    than ``max_cell_size`` metres are spread over sub-cells (core.public_space.population): in proportion to the
    ``built_up`` raster layer's values or the ``buildings`` footprint area when given, else evenly over the part of
    the cell inside ``extent`` (a shapely polygon in ``crs``) when given, else evenly.
    """
    from .core.public_space import population as grid_population

    dataset = _open_raster(layer, tr("population"))
    x0, dx, rx, y0, ry, dy = dataset.GetGeoTransform()
    bands, names = [], []
    nodata_cells = 0
    first_valid = None
    try:
        for number in range(1, dataset.RasterCount + 1):
            band = dataset.GetRasterBand(number)
            values, invalid = grid_population.clean_band(
                read_band(band, layer.source(), tr("population")), band.GetNoDataValue()
            )
            if first_valid is None:
                first_valid = ~invalid
                nodata_cells = int(invalid.sum())
            bands.append(values)
            names.append(band.GetDescription() or tr("band {0}", number))
    except RuntimeError as error:  # GDAL raises on a damaged file once exceptions are on
        raise HabitatError(tr("Cannot read the population raster {0}: {1}", layer.source(), str(error))) from error
    geotransform = (x0, dx, rx, y0, ry, dy)
    centres, weights, rows, cols = grid_population.populated_cells(bands, first_valid, geotransform)

    def to_target(points):
        return _transform_xy(points, layer.crs(), crs)

    def density_for(factor):
        if built_up is not None:
            return (
                _built_up_density(built_up, centres, (dx, ry), (rx, dy), factor, layer.crs()),
                grid_population.BUILT_UP,
            )
        if buildings is not None:
            return (
                _footprint_density(buildings, layer, geotransform, rows, cols, factor, transform_context),
                grid_population.BUILDINGS,
            )
        if extent is not None:
            return grid_population.inside_extent_density(extent, centres, geotransform, factor, to_target)
        return None, None

    centres, weights, spread = grid_population.spread_coarse_cells(
        centres, weights, geotransform, max_cell_size, to_target, density_for
    )
    return _transform_xy(centres, layer.crs(), crs), weights, names, nodata_cells, spread


def _built_up_density(layer, centres, column_step, row_step, factor, population_crs):
    """The built-up raster's value at every sub-cell centre (nodata and outside the raster: 0)."""
    from .core.public_space.population import sub_cell_centres

    dataset = _open_raster(layer, tr("built-up"))
    band = dataset.GetRasterBand(1)
    values = read_band(band, layer.source(), tr("built-up"))
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == nodata] = 0.0
    values[~np.isfinite(values)] = 0.0
    sub = _transform_xy(sub_cell_centres(centres, column_step, row_step, factor), population_crs, layer.crs())
    bx0, bdx, brx, by0, bry, bdy = dataset.GetGeoTransform()
    determinant = bdx * bdy - brx * bry
    column = ((sub[:, 0] - bx0) * bdy - (sub[:, 1] - by0) * brx) / determinant
    row = ((sub[:, 1] - by0) * bdx - (sub[:, 0] - bx0) * bry) / determinant
    column, row = np.floor(column).astype(np.int64), np.floor(row).astype(np.int64)
    inside = (column >= 0) & (row >= 0) & (column < values.shape[1]) & (row < values.shape[0])
    density = np.zeros(len(sub))
    density[inside] = np.clip(values[row[inside], column[inside]], 0.0, None)
    return density.reshape(len(centres), factor * factor)


def _footprint_density(buildings, layer, geotransform, rows, cols, factor, transform_context):
    """Building footprint area in every sub-cell of the populated cells (by footprint centroid)."""
    from .core.public_space.population import footprint_density

    x0, dx, rx, y0, ry, dy = geotransform
    xy, area = [], []
    # Read in the grid's CRS: areas in its units (degrees² for a geographic grid) are proportional within a cell,
    # which is all the shares need.
    for feature in features_in_crs(buildings, layer.crs(), transform_context, QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            continue
        point = geometry.centroid().asPoint()
        xy.append((point.x(), point.y()))
        area.append(geometry.area())
    xy = np.array(xy, dtype=float).reshape(-1, 2)
    determinant = dx * dy - rx * ry
    column = ((xy[:, 0] - x0) * dy - (xy[:, 1] - y0) * rx) / determinant
    row = ((xy[:, 1] - y0) * dx - (xy[:, 0] - x0) * ry) / determinant
    cell_index = np.full((int(rows.max()) + 2, int(cols.max()) + 2), -1, dtype=np.int64) if len(rows) else None
    if cell_index is None or len(xy) == 0:
        return np.zeros((len(rows), factor * factor))
    cell_index[rows, cols] = np.arange(len(rows))
    whole_column, whole_row = np.floor(column).astype(np.int64), np.floor(row).astype(np.int64)
    usable = (
        (whole_column >= 0)
        & (whole_row >= 0)
        & (whole_column < cell_index.shape[1])
        & (whole_row < cell_index.shape[0])
    )
    cell = np.full(len(xy), -1, dtype=np.int64)
    cell[usable] = cell_index[whole_row[usable], whole_column[usable]]
    return footprint_density(area, (cell, column - whole_column, row - whole_row), len(rows), factor)


def point_population(source, fields, crs, transform_context, polygon_spacing: float = 50.0):
    """Population from features with count fields: points count where they are; a polygon's counts are spread
    evenly over a regular grid of points inside it (``polygon_spacing`` metres apart, at least one point).

    Returns (xy, weights (n, len(fields)), number of features skipped for missing geometry).
    NULL counts are 0; a non-numeric value raises a clear error.
    """
    from .core.geometry import polygon_of_points

    xy, weights, skipped = [], [], 0
    for feature in features_in_crs(source, crs, transform_context):
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            skipped += 1
            continue
        values = []
        for name in fields:
            value = feature[name]
            if value is None or (hasattr(value, "isNull") and value.isNull()):
                values.append(0.0)
                continue
            try:
                values.append(max(float(value), 0.0))
            except (TypeError, ValueError):
                raise HabitatError(
                    tr("The population field {0} holds a value that is not a number: {1}", name, repr(value))
                ) from None
        points = None
        if geometry.type() == GeometryType.Polygon:
            shape = to_shapely(geometry if geometry.isGeosValid() else geometry.makeValid())
            minx, miny, maxx, maxy = shape.bounds
            gx, gy = np.meshgrid(
                np.arange(minx + polygon_spacing / 2, maxx, polygon_spacing),
                np.arange(miny + polygon_spacing / 2, maxy, polygon_spacing),
            )
            grid = np.c_[gx.ravel(), gy.ravel()]
            inside = grid[polygon_of_points(grid, [shape]) == 0] if len(grid) else grid
            if len(inside):
                points = inside
            else:
                point = geometry.pointOnSurface().asPoint()
                points = np.array([(point.x(), point.y())])
        else:
            point = geometry.centroid().asPoint()
            points = np.array([(point.x(), point.y())])
        xy.append(points)
        weights.append(np.tile(np.array(values) / len(points), (len(points), 1)))
    if not xy:
        return np.empty((0, 2)), np.empty((0, len(fields))), skipped
    return np.concatenate(xy), np.concatenate(weights), skipped


def number_or_nan(value) -> float:
    """An attribute value as a float; NaN for NULL or text that is not a number (reported by the caller)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")
