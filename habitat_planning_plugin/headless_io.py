"""Inputs without QGIS: vector layers read by bounding box, rasters read by window (the headless adapter).

The same contract and the same numbers as the QGIS readers in qgis_io (read_lines, read_polygons,
raster_population), for the batch on Dask workers, notebooks and scripts. No qgis, no Qt: numpy, shapely and the
core, with GDAL's Python bindings (``osgeo``) and/or pyogrio, each imported where it is used.

- Vectors: ``backend="pyogrio"`` (WKB arrays, fastest), ``"ogr"`` (osgeo.ogr, also inside QGIS) or ``"auto"``
  (pyogrio when it is installed). A ``bbox`` (xmin, ymin, xmax, ymax) is in the target CRS; it selects the
  features that intersect it (OGR's spatial filter, the whole feature is returned), after its outline, densified,
  is transformed to the layer's CRS and its envelope taken, as QGIS does with a filter rectangle.
- Rasters: windowed ``ReadAsArray(xoff, yoff, xsize, ysize)`` with osgeo.gdal; only the cells whose centre lies
  in the bbox are returned.
- CRSs are WKT, "EPSG:n", an EPSG number or anything GDAL/PROJ understands (or a QgsCoordinateReferenceSystem);
  ``crs=None`` keeps the layer's own. Reprojection with osgeo.osr, else pyproj.
- Paths may carry QGIS's ``|layername=...``, ``|layerid=...`` and ``|subset=...`` suffixes.
"""

import importlib
import os
import sys
import warnings

import numpy as np

from .core import wkb as wkb_codec
from .core.text import HabitatError, tr

BACKENDS = ("auto", "pyogrio", "ogr")
EDGE_POINTS = 64  # points per bbox edge when the bbox is transformed to another CRS
_CHUNK = 1 << 18  # points per osr.TransformPoints call

_GDAL_INSTALL = "python3 -m pip install GDAL==<your GDAL version>  |  apt install python3-gdal  |  conda install gdal"
_GEOMETRY_NAMES = {
    0: "Unknown",
    1: "Point",
    2: "LineString",
    3: "Polygon",
    4: "MultiPoint",
    5: "MultiLineString",
    6: "MultiPolygon",
    7: "GeometryCollection",
    8: "CircularString",
    9: "CompoundCurve",
    10: "CurvePolygon",
    11: "MultiCurve",
    12: "MultiSurface",
    13: "Curve",
    14: "Surface",
    15: "PolyhedralSurface",
    16: "TIN",
    17: "Triangle",
}


# --- packages -----------------------------------------------------------------------------------------------------


def _missing(path, package: str, install: str) -> HabitatError:
    return HabitatError(
        tr(
            "Reading {0} needs the Python package {1}, which is not installed. Install it, for example with: {2}",
            path,
            package,
            install,
        )
    )


def _gdal(path):
    try:
        from osgeo import gdal
    except ImportError:
        raise _missing(path, "GDAL (osgeo)", _GDAL_INSTALL) from None
    return gdal


def _import_pyogrio():
    if "pyogrio.raw" not in sys.modules:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pyogrio imports pyproj, which warns in a venv without PROJ data
            importlib.import_module("pyogrio.errors")
            importlib.import_module("pyogrio.raw")
    return sys.modules["pyogrio"]


def _backend(backend, path) -> str:
    if backend not in BACKENDS:
        raise HabitatError(tr("Unknown vector reader {0}: choose auto, pyogrio or ogr.", backend))
    if backend in ("auto", "pyogrio"):
        try:
            _import_pyogrio()
            return "pyogrio"
        except ImportError:
            if backend == "pyogrio":
                raise _missing(path, "pyogrio", "python3 -m pip install pyogrio") from None
    try:
        importlib.import_module("osgeo.ogr")
    except ImportError:
        if backend == "ogr":
            raise _missing(path, "GDAL (osgeo)", _GDAL_INSTALL) from None
        raise _missing(path, "pyogrio", "python3 -m pip install pyogrio") from None
    return "ogr"


class _GdalErrors:
    """Collects GDAL failures (not warnings) raised in this thread while reading (a copy of qgis_io.GdalErrors,
    which cannot be imported without QGIS)."""

    def __init__(self):
        self.messages = []

    def __enter__(self):
        from osgeo import gdal

        def handler(error_class, _number, message):
            if error_class >= gdal.CE_Failure:
                self.messages.append(str(message))

        self._handler = handler  # kept alive while pushed
        gdal.PushErrorHandler(handler)
        return self

    def __exit__(self, *exc):
        from osgeo import gdal

        gdal.PopErrorHandler()
        return False

    def text(self) -> str:
        return "; ".join(list(dict.fromkeys(self.messages))[:3])


def _damaged(path, detail) -> HabitatError:
    return HabitatError(
        tr("The file {0} is damaged or incomplete (GDAL: {1}). Download or export it again.", path, detail)
    )


# --- sources and CRSs ---------------------------------------------------------------------------------------------


def _source(path, layer=None, where=None):
    """(file, layer, where) from a path that may carry QGIS's ``|layername=`` / ``|layerid=`` / ``|subset=``."""
    path = os.fspath(path)
    if "|" in path:
        path, *options = path.split("|")
        for option in options:
            key, _, value = option.partition("=")
            if key == "layername" and layer is None:
                layer = value
            elif key == "layerid" and layer is None:
                layer = int(value)
            elif key == "subset" and where is None and value:
                where = value
    return path, layer, where


def _check_file(path: str) -> None:
    if path.startswith("/vsi") or "://" in path:
        return
    if not os.path.exists(path):
        raise HabitatError(tr("The file {0} does not exist.", path))


def _crs_text(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if hasattr(value, "toWkt"):  # a QgsCoordinateReferenceSystem handed over from QGIS
        value = value.toWkt() or None
        if value is None:
            return None
    if isinstance(value, (int, np.integer)):
        return f"EPSG:{int(value)}"
    text = str(value).strip()
    return f"EPSG:{text}" if text.isdigit() else text


def _osr():
    try:
        from osgeo import osr
    except ImportError:
        return None
    return osr


def _srs(osr, text: str):
    srs = osr.SpatialReference()
    try:
        ok = srs.SetFromUserInput(text) == 0
    except RuntimeError:  # GDAL raises once exceptions are on
        ok = False
    if not ok:
        raise HabitatError(tr("{0} is not a coordinate reference system that GDAL or PROJ knows.", text[:200]))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def crs_wkt(value):
    """The WKT (2) of a CRS given as WKT, "EPSG:n", an EPSG number, a PROJ string...; None for None."""
    text = _crs_text(value)
    if text is None:
        return None
    osr = _osr()
    if osr is not None:
        return _srs(osr, text).ExportToWkt(["FORMAT=WKT2_2018"])
    try:
        import pyproj
    except ImportError:
        raise _missing(text[:80], "GDAL (osgeo) / pyproj", "python3 -m pip install pyproj") from None
    try:
        return pyproj.CRS.from_user_input(text).to_wkt()
    except pyproj.exceptions.CRSError:
        raise HabitatError(
            tr("{0} is not a coordinate reference system that GDAL or PROJ knows.", text[:200])
        ) from None


def same_crs(first, second) -> bool:
    """Whether two CRSs (any form crs_wkt takes) are the same; a missing one counts as the same (no transform)."""
    first, second = _crs_text(first), _crs_text(second)
    if first is None or second is None or first == second:
        return True
    osr = _osr()
    if osr is not None:
        return bool(_srs(osr, first).IsSame(_srs(osr, second)))
    import pyproj

    return pyproj.CRS.from_user_input(first) == pyproj.CRS.from_user_input(second)


def transformer(source, target):
    """A function (n, 2) array -> (n, 2) array from ``source`` to ``target`` CRS, or None when no transformation
    is needed (same CRS, or one of them unknown). Made per call: osr transformations are not thread-safe."""
    if same_crs(source, target):
        return None
    source, target = _crs_text(source), _crs_text(target)
    osr = _osr()
    if osr is not None:
        try:
            transform = osr.CoordinateTransformation(_srs(osr, source), _srs(osr, target))
        except RuntimeError:
            transform = None
        if transform is None:
            raise HabitatError(tr("Cannot transform coordinates from {0} to {1}.", source[:200], target[:200]))

        def run(xy):
            xy = np.ascontiguousarray(xy, dtype=np.float64).reshape(-1, 2)
            out = np.empty_like(xy)
            for start in range(0, len(xy), _CHUNK):
                chunk = xy[start : start + _CHUNK]
                out[start : start + len(chunk)] = np.array(transform.TransformPoints(chunk), dtype=np.float64)[:, :2]
            return out

        return run
    import pyproj

    proj = pyproj.Transformer.from_crs(
        pyproj.CRS.from_user_input(source), pyproj.CRS.from_user_input(target), always_xy=True
    )

    def run(xy):
        xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        x, y = proj.transform(xy[:, 0], xy[:, 1])
        return np.c_[x, y]

    return run


def _check_bbox(bbox):
    try:
        values = tuple(float(value) for value in bbox)
    except (TypeError, ValueError):
        values = ()
    if len(values) != 4 or not np.all(np.isfinite(values)) or values[0] > values[2] or values[1] > values[3]:
        raise HabitatError(
            tr(
                "The bounding box {0} is not four numbers xmin, ymin, xmax, ymax with each minimum below its maximum.",
                repr(bbox),
            )
        )
    return values


def _outline(bbox, per_edge: int = EDGE_POINTS) -> np.ndarray:
    """The bbox's boundary as points, ``per_edge`` on each side (so that a curved image of a side is followed)."""
    minx, miny, maxx, maxy = bbox
    t = np.linspace(0.0, 1.0, per_edge, endpoint=False)
    x, y = minx + (maxx - minx) * t, miny + (maxy - miny) * t
    return np.concatenate(
        [
            np.c_[x, np.full(per_edge, miny)],
            np.c_[np.full(per_edge, maxx), y],
            np.c_[maxx - (maxx - minx) * t, np.full(per_edge, maxy)],
            np.c_[np.full(per_edge, minx), maxy - (maxy - miny) * t],
        ]
    )


def _bbox_in(bbox, transform):
    """The bbox (target CRS) as a filter rectangle in the layer's CRS: the envelope of its transformed outline.
    None (no filter) when there is no bbox, or when none of its outline can be transformed."""
    if bbox is None:
        return None
    bbox = _check_bbox(bbox)
    if transform is None:
        return bbox
    points = transform(_outline(bbox))
    points = points[np.isfinite(points).all(axis=1)]
    if not len(points):
        return None
    return (float(points[:, 0].min()), float(points[:, 1].min()), float(points[:, 0].max()), float(points[:, 1].max()))


# --- vector layers ------------------------------------------------------------------------------------------------


def _geometry_name(code):
    if code == 100:  # wkbNone
        return None
    base = (code & 0x0FFFFFFF) % 1000
    has_z = bool(code & 0x80000000) or (code & 0x0FFFFFFF) // 1000 in (1, 3)
    has_m = bool(code & 0x40000000) or (code & 0x0FFFFFFF) // 1000 in (2, 3)
    return (
        _GEOMETRY_NAMES.get(base, "Unknown")
        + {(False, False): "", (True, False): " Z", (False, True): " M", (True, True): " ZM"}[(has_z, has_m)]
    )


def _ogr_open(path, layer):
    """(dataset, layer) with osgeo.ogr; the dataset must be kept alive while the layer is used."""
    gdal = _gdal(path)
    with _GdalErrors() as errors:
        try:
            dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY | gdal.OF_VERBOSE_ERROR)
        except RuntimeError as error:
            dataset = None
            errors.messages.append(str(error))
    if dataset is None:
        raise HabitatError(tr("Cannot open {0} as a vector layer: {1}", path, errors.text() or "GDAL"))
    try:
        if layer is None:
            found = dataset.GetLayer(0)
        elif isinstance(layer, (int, np.integer)):
            found = dataset.GetLayer(int(layer))
        else:
            found = dataset.GetLayerByName(str(layer))
    except RuntimeError:
        found = None
    if found is None:
        raise HabitatError(tr("The file {0} has no layer {1}.", path, 0 if layer is None else layer))
    return dataset, found


class _FilterFailed(Exception):
    """OGR's exact bbox test (GEOS) failed on a geometry GEOS cannot take, e.g. an unclosed ring of a cut OSM
    extract: pyogrio stops the read, osgeo.ogr drops the feature."""


def _geos_failure(text: str) -> bool:
    return any(word in text for word in ("IllegalArgumentException", "TopologyException", "GEOS"))


def _pyogrio_call(function, path, layer, **kwargs):
    """A pyogrio call with its errors turned into clear messages naming the file."""
    pyogrio = _import_pyogrio()
    where = kwargs.get("where")
    try:
        return function(path, layer=layer, **kwargs)
    except Exception as error:  # noqa: BLE001 - sorted below, pyogrio's classes vary by version
        text = str(error)
        if kwargs.get("bbox") is not None and _geos_failure(text):
            raise _FilterFailed(text) from error
        if where and "SQL" in text.upper():
            raise HabitatError(tr("The filter {0} cannot be applied to {1}: {2}", where, path, text)) from error
        if isinstance(error, pyogrio.errors.DataSourceError):
            raise HabitatError(tr("Cannot open {0} as a vector layer: {1}", path, text)) from error
        if isinstance(error, pyogrio.errors.DataLayerError) and ("open" in text or "not found" in text):
            raise HabitatError(tr("The file {0} has no layer {1}.", path, 0 if layer is None else layer)) from error
        if isinstance(error, (pyogrio.errors.FieldError, ValueError)):
            raise HabitatError(tr("Cannot read {0}: {1}", path, text)) from error
        raise _damaged(path, text) from error


def layer_info(path, layer=None, backend="auto") -> dict:
    """A vector layer's CRS (WKT, None if unknown), feature count, bounds (xmin, ymin, xmax, ymax in the layer's
    CRS; None when empty), field names, geometry type ("LineString", "MultiPolygon Z", ...) and layer name."""
    path, layer, _ = _source(path, layer)
    _check_file(path)
    if _backend(backend, path) == "pyogrio":
        pyogrio = _import_pyogrio()
        info = _pyogrio_call(pyogrio.read_info, path, layer, force_feature_count=True, force_total_bounds=True)
        bounds = info.get("total_bounds")
        bounds = tuple(float(value) for value in bounds) if bounds is not None else None
        return {
            "crs_wkt": crs_wkt(info["crs"]) if info.get("crs") else None,
            "count": int(info["features"]),
            "bounds": bounds if bounds and np.all(np.isfinite(bounds)) else None,
            "fields": [str(name) for name in info["fields"]],
            "geometry_type": info.get("geometry_type"),
            "layer": info.get("layer_name", layer),
        }
    dataset, found = _ogr_open(path, layer)
    srs = found.GetSpatialRef()
    count = found.GetFeatureCount(1)
    bounds = None
    if count:
        try:
            minx, maxx, miny, maxy = found.GetExtent(1)
            bounds = (minx, miny, maxx, maxy)
        except RuntimeError:
            bounds = None
    definition = found.GetLayerDefn()
    info = {
        "crs_wkt": srs.ExportToWkt(["FORMAT=WKT2_2018"]) if srs is not None else None,
        "count": int(count),
        "bounds": bounds,
        "fields": [definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())],
        "geometry_type": _geometry_name(found.GetGeomType()),
        "layer": found.GetName(),
    }
    del found, dataset
    return info


class _Features:
    """What a vector read gives the geometry decoders: WKB per feature (None without geometry), fids, attribute
    rows per feature, and the transformation from the layer's CRS to the target CRS (None: none needed)."""

    def __init__(self, wkbs, fids, rows, transform):
        self.wkbs, self.fids, self.rows, self.transform = wkbs, fids, rows, transform


def _values(array, ogr_type=None) -> list:
    """A pyogrio column as plain Python values, nulls as None (as QGIS gives NULL). pyogrio hands integer
    columns with nulls over as floats with NaN: they come back as integers."""
    values = array.tolist()
    if array.dtype.kind == "f":
        whole = ogr_type in ("OFTInteger", "OFTInteger64")
        return [None if value != value else int(value) if whole else value for value in values]
    return values


def _describe(path, layer, kind):
    """(driver, layer name, geometry column, fid column, CRS) of a vector layer."""
    if kind == "pyogrio":
        pyogrio = _import_pyogrio()
        info = _pyogrio_call(pyogrio.read_info, path, layer)
        return (
            info.get("driver"),
            info.get("layer_name", layer),
            info.get("geometry_name"),
            info.get("fid_column"),
            info.get("crs"),
        )
    dataset, found = _ogr_open(path, layer)
    srs = found.GetSpatialRef()
    return (
        dataset.GetDriver().ShortName,
        found.GetName(),
        found.GetGeometryColumn(),
        found.GetFIDColumn(),
        srs.ExportToWkt(["FORMAT=WKT2_2018"]) if srs is not None else None,
    )


def _read_pyogrio(path, layer, rect, where, attributes, sql=None):
    """(WKB per feature, fids, attribute rows or None, layer CRS) through pyogrio."""
    pyogrio = _import_pyogrio()
    if sql is None:
        meta, fids, geometries, columns = _pyogrio_call(
            pyogrio.raw.read, path, layer, columns=list(attributes), bbox=rect, where=where or None, return_fids=True
        )
    else:
        meta, fids, geometries, columns = _pyogrio_call(
            pyogrio.raw.read, path, None, sql=sql, columns=list(attributes), return_fids=True
        )
    fields = [str(name) for name in meta["fields"]]
    missing = [name for name in attributes if name not in fields]
    if missing:
        raise HabitatError(
            tr("The layer {0} of {1} has no field {2}.", 0 if layer is None else layer, path, ", ".join(missing))
        )
    rows = None
    if attributes:
        types = list(meta.get("ogr_types") or [None] * len(fields))
        data = [_values(columns[fields.index(name)], types[fields.index(name)]) for name in attributes]
        rows = [list(row) for row in zip(*data)]
    wkbs = list(geometries) if geometries is not None else [None] * len(fids)
    return wkbs, np.asarray(fids, dtype=np.int64), rows, meta.get("crs")


def _arrow_values(array) -> list:
    """An Arrow column from OGR (numpy, masked where NULL) as plain Python values, None for NULL."""
    mask = np.ma.getmaskarray(array).tolist() if isinstance(array, np.ma.MaskedArray) else None
    data = np.ma.getdata(array)
    if data.dtype.kind == "S":  # OGR hands strings over as UTF-8 bytes
        values = [value.decode("utf-8", "replace") for value in data.tolist()]
    else:
        values = data.tolist()
    return values if mask is None else [None if masked else value for value, masked in zip(values, mask)]


def _ogr_batches(found, attributes, where):
    """(WKB list, fids, rows) in column batches through OGR's Arrow interface (GDAL >= 3.6), the fields that are
    not asked for ignored; None when this GDAL has no Arrow interface."""
    if not hasattr(found, "GetArrowStreamAsNumPy"):
        return None
    found.ResetReading()
    definition = found.GetLayerDefn()
    names = [definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())]
    if not where:  # a filter evaluated by OGR needs its fields
        found.SetIgnoredFields([name for name in names if name not in attributes] + ["OGR_STYLE"])
    try:
        stream = found.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"])
    except RuntimeError:
        stream = None
    if stream is None:
        found.SetIgnoredFields([])
        return None
    fid_key = found.GetFIDColumn() or "OGC_FID"
    geometry_key = found.GetGeometryColumn() or "wkb_geometry"
    wkbs, fids, columns = [], [], [[] for _ in attributes]
    try:
        for batch in stream:
            if geometry_key in batch:
                wkbs.extend(_arrow_values(batch[geometry_key]))
            else:
                wkbs.extend([None] * len(batch[fid_key]))
            fids.append(np.asarray(batch[fid_key], dtype=np.int64))
            for column, name in zip(columns, attributes):
                column.extend(_arrow_values(batch[name]))
    finally:
        stream = None
        found.SetIgnoredFields([])
    rows = [list(row) for row in zip(*columns)] if attributes else None
    return wkbs, np.concatenate(fids) if fids else np.empty(0, dtype=np.int64), rows


def _ogr_loop(found, indexes):
    """(WKB list, fids, rows) feature by feature (GDAL before 3.6, and SQL result sets)."""
    from osgeo import ogr

    wkbs, fids, rows = [], [], []
    found.ResetReading()
    for feature in found:
        geometry = feature.GetGeometryRef()
        wkbs.append(None if geometry is None else bytes(geometry.ExportToIsoWkb(ogr.wkbNDR)))
        fids.append(feature.GetFID())
        if indexes:
            rows.append([feature.GetField(index) for index in indexes])
    return wkbs, np.asarray(fids, dtype=np.int64), rows if indexes else None


def _read_ogr(path, layer, rect, where, attributes, sql=None, arrow=True):
    """(WKB per feature, fids, attribute rows or None, layer CRS) through osgeo.ogr: OGR's Arrow batches where
    GDAL has them (``arrow``), else feature by feature."""
    dataset, found = _ogr_open(path, layer)
    srs = found.GetSpatialRef()
    layer_crs = srs.ExportToWkt(["FORMAT=WKT2_2018"]) if srs is not None else None
    result = None
    with _GdalErrors() as errors:
        if sql is not None:
            try:
                found = dataset.ExecuteSQL(sql)
            except RuntimeError as error:
                found = None
                errors.messages.append(str(error))
            if found is None:
                raise _FilterFailed(errors.text())
        else:
            try:
                failed = found.SetAttributeFilter(where or None) != 0
            except RuntimeError as error:
                failed = True
                errors.messages.append(str(error))
            if failed:
                raise HabitatError(
                    tr("The filter {0} cannot be applied to {1}: {2}", where, path, errors.text() or "OGR SQL")
                )
            if rect is not None:
                found.SetSpatialFilterRect(*rect)
            else:
                found.SetSpatialFilter(None)
        definition = found.GetLayerDefn()
        indexes = [definition.GetFieldIndex(name) for name in attributes]
        missing = [name for name, index in zip(attributes, indexes) if index < 0]
        try:
            if missing:
                raise HabitatError(
                    tr(
                        "The layer {0} of {1} has no field {2}.",
                        0 if layer is None else layer,
                        path,
                        ", ".join(missing),
                    )
                )
            if arrow and sql is None and rect is None:  # GDAL 3.10 drops bad rings of a bbox read silently
                # One feature first, in this thread: a GeoPackage reads Arrow batches in a worker thread, whose
                # errors (a bad filter) would not reach this thread's handler.
                found.ResetReading()
                found.GetNextFeature()
                if not errors.messages:
                    result = _ogr_batches(found, attributes, where)
            if result is None:
                result = _ogr_loop(found, indexes)
        except RuntimeError as error:
            errors.messages.append(str(error))
        finally:
            if sql is not None:
                dataset.ReleaseResultSet(found)
            else:
                found.SetAttributeFilter(None)
                found.SetSpatialFilter(None)
    del found, dataset
    if errors.messages:
        text = errors.text()
        if rect is not None and all(_geos_failure(message) for message in errors.messages):
            raise _FilterFailed(text)
        if where and "SQL" in text.upper():  # GeoPackage checks the filter when reading starts
            raise HabitatError(tr("The filter {0} cannot be applied to {1}: {2}", where, path, text))
        raise _damaged(path, text)
    wkbs, fids, rows = result
    return wkbs, fids, rows, layer_crs


def _quoted(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _meets(data, window) -> bool:
    """Whether a feature's geometry meets the rectangle, for geometries GEOS could not test as they are: rings
    closed first; when GEOS still fails the feature is kept (nothing is missed)."""
    from shapely import wkb as shapely_wkb
    from shapely.geometry import LineString, Point, Polygon

    if data is None:
        return False
    try:
        lines = wkb_codec.wkb_line_parts(data)
        if lines is not None:
            return any(
                (LineString(part) if len(part) > 1 else Point(part[0])).intersects(window)
                for part in lines
                if len(part)
            )
        polygons = wkb_codec.polygon_rings(data)
        if polygons is not None:
            return any(
                Polygon(
                    wkb_codec.closed_ring(rings[0]), [wkb_codec.closed_ring(ring) for ring in rings[1:] if len(ring)]
                ).intersects(window)
                for rings in polygons
                if rings and len(rings[0])
            )
        return shapely_wkb.loads(bytes(data)).intersects(window)
    except Exception:  # noqa: BLE001 - GEOS raises different classes by shapely version
        return True


def _read_by_envelope(read, kind, path, layer, rect, where, attributes):
    """The bbox read again when OGR's exact test failed: candidates by envelope (a GeoPackage's R-tree, else
    the whole layer), then the exact test here, tolerant of broken rings."""
    from shapely.geometry import box

    driver, name, geometry, fid, _ = _describe(path, layer, kind)
    result = None
    if driver == "GPKG" and geometry and fid:
        minx, miny, maxx, maxy = rect
        sql = (
            f"SELECT * FROM {_quoted(name)} WHERE {_quoted(fid)} IN (SELECT id FROM "
            f"{_quoted('rtree_' + name + '_' + geometry)} WHERE maxx >= {minx!r} AND minx <= {maxx!r} "
            f"AND maxy >= {miny!r} AND miny <= {maxy!r})" + (f" AND ({where})" if where else "")
        )
        try:
            result = read(path, layer, None, None, attributes, sql=sql)
        except (_FilterFailed, HabitatError):
            result = None  # no R-tree: read the whole layer
    if result is None:
        result = read(path, layer, None, where, attributes)
    wkbs, fids, rows, layer_crs = result
    window = box(*rect)
    keep = [index for index, data in enumerate(wkbs) if _meets(data, window)]
    return (
        [wkbs[index] for index in keep],
        fids[keep] if len(fids) else fids,
        [rows[index] for index in keep] if rows is not None else None,
        layer_crs,
    )


def _read_features(path, layer, crs, bbox, where, attributes, backend) -> _Features:
    path, layer, where = _source(path, layer, where)
    _check_file(path)
    attributes = tuple(attributes or ())
    target = _crs_text(crs)
    kind = _backend(backend, path)
    read = _read_pyogrio if kind == "pyogrio" else _read_ogr
    rect = None
    if bbox is not None:
        layer_crs = _describe(path, layer, kind)[4] if target is not None else None
        rect = _bbox_in(bbox, transformer(target, layer_crs) if layer_crs else None)
    try:
        wkbs, fids, rows, layer_crs = read(path, layer, rect, where, attributes)
    except _FilterFailed:
        wkbs, fids, rows, layer_crs = _read_by_envelope(read, kind, path, layer, rect, where, attributes)
    transform = transformer(layer_crs, target) if target is not None else None
    return _Features(wkbs, fids, rows, transform)


def _lineariser():
    """wkb -> linear wkb for curves (CircularString, CompoundCurve, CurvePolygon...), with OGR; None without it."""
    try:
        from osgeo import ogr
    except ImportError:
        return None

    def linearise(data):
        try:
            geometry = ogr.CreateGeometryFromWkb(bytes(data))
            linear = geometry.GetLinearGeometry(1.0) if geometry is not None else None  # 1° steps, as QGIS
        except RuntimeError:
            return None
        return bytes(linear.ExportToIsoWkb(ogr.wkbNDR)) if linear is not None else None

    return linearise


def read_lines(path, layer=None, crs=None, bbox=None, where=None, attributes=None, backend="auto"):
    """Street lines as (coords (n, 2), counts per line part), and the number of features skipped — the contract
    of qgis_io.read_lines: multi-part lines split into parts, parts of fewer than 2 vertices dropped, Z dropped,
    plain 2D LineStrings first (decoded all at once), the other features' parts after them.

    ``bbox`` (target CRS) keeps the features that meet it, whole; ``where`` is an OGR SQL attribute filter.
    With ``attributes`` (field names, may be empty) a third value is returned: one row (list of values, None for
    NULL) per line PART, aligned with ``counts``.
    """
    features = _read_features(path, layer, crs, bbox, where, attributes, backend)
    coords, counts, owner, skipped = wkb_codec.line_parts(features.wkbs, _lineariser())
    if features.transform is not None and len(coords):
        coords = features.transform(coords)
    if attributes is None:
        return (coords, counts), skipped
    rows = [features.rows[index] for index in owner.tolist()] if features.rows is not None else [[] for _ in counts]
    return (coords, counts), skipped, rows


def _make_valid(shape):
    try:
        from shapely.validation import make_valid
    except ImportError:  # shapely < 1.8
        return shape.buffer(0)
    return make_valid(shape)


def _polygon_shape(polygons):
    """(shape or None, state) from decoded rings, decided as qgis_io.polygon_shape decides for a QgsGeometry:
    "valid", "repaired" (invalid, or with rings shorter than 4 points once closed, as in cut OSM extracts: padded
    and made valid) or "unusable" (no geometry, empty, no area left). Open rings are closed first, as QGIS does
    when it reads them."""
    from shapely.geometry import MultiPolygon, Polygon

    from .core.geometry import polygonal

    polygons = [
        [wkb_codec.closed_ring(ring, pad=False) for ring in polygon if len(ring)]
        for polygon in polygons or ()
        if polygon and len(polygon[0])
    ]
    if not polygons:
        return None, "unusable"
    sound = all(len(ring) >= 4 for polygon in polygons for ring in polygon)
    if not sound:
        polygons = [[wkb_codec.closed_ring(ring) for ring in polygon] for polygon in polygons]
    parts = [Polygon(polygon[0], polygon[1:]) for polygon in polygons]
    shape = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    repaired = not sound or not shape.is_valid

    def area_part(valid: bool):
        try:
            return polygonal(shape if valid else _make_valid(shape))
        except Exception:  # noqa: BLE001 - GEOS raises different classes by shapely version
            return None

    result = area_part(not repaired)
    if result is None and not repaired:
        repaired = True
        result = area_part(False)
    if result is None:
        return None, "unusable"
    return result, "repaired" if repaired else "valid"


def read_population_features(
    path, fields, layer=None, crs=None, bbox=None, where=None, backend="auto", polygon_spacing: float = 50.0
):
    """Population from features with count fields (points, or polygons such as census blocks), the contract of
    qgis_io.point_population: (xy (n, 2), weights (n, len(fields)), features skipped for missing geometry). A
    point counts where it is; a polygon's counts are spread evenly over a grid of points ``polygon_spacing``
    metres apart inside it (at least one point). NULL counts are 0; a value that is no number is a clear error."""
    from shapely import wkb

    from .core.geometry import polygon_of_points

    features = _read_features(path, layer, crs, bbox, where, tuple(fields), backend)
    xy, weights, skipped = [], [], 0
    rows = features.rows or [[None] * len(fields) for _ in features.wkbs]
    for data, row in zip(features.wkbs, rows):
        shape = wkb.loads(bytes(data)) if data is not None else None
        if shape is None or shape.is_empty:
            skipped += 1
            continue
        values = []
        for name, value in zip(fields, row):
            try:
                values.append(0.0 if value is None else max(float(value), 0.0))
            except (TypeError, ValueError):
                raise HabitatError(
                    tr("The population field {0} holds a value that is not a number: {1}", name, repr(value))
                ) from None
        if shape.geom_type in ("Polygon", "MultiPolygon"):
            if features.transform is not None:
                shape = _transformed(shape, features.transform)
            minx, miny, maxx, maxy = shape.bounds
            gx, gy = np.meshgrid(
                np.arange(minx + polygon_spacing / 2, maxx, polygon_spacing),
                np.arange(miny + polygon_spacing / 2, maxy, polygon_spacing),
            )
            grid = np.c_[gx.ravel(), gy.ravel()]
            points = grid[polygon_of_points(grid, [shape]) == 0] if len(grid) else grid
            if not len(points):
                point = shape.representative_point()
                points = np.array([(point.x, point.y)])
        else:
            point = shape.centroid
            points = np.array([(point.x, point.y)])
            if features.transform is not None:
                points = features.transform(points)
        xy.append(points)
        weights.append(np.tile(np.array(values) / len(points), (len(points), 1)))
    if not xy:
        return np.empty((0, 2)), np.empty((0, len(fields))), skipped
    return np.concatenate(xy), np.concatenate(weights), skipped


def _transformed(shape, transform):
    from shapely.ops import transform as apply

    return apply(lambda x, y, z=None: tuple(transform(np.c_[np.atleast_1d(x), np.atleast_1d(y)]).T), shape)


def read_polygons(path, layer=None, crs=None, bbox=None, attributes=(), where=None, backend="auto"):
    """Polygons as shapely objects in ``crs``, invalid or damaged ones repaired — the contract of
    qgis_io.read_polygons: (shapes, attribute rows, feature ids, number repaired, number skipped as null, empty
    or without area). ``bbox`` and ``where`` as in read_lines."""
    features = _read_features(path, layer, crs, bbox, where, attributes, backend)
    linearise = _lineariser()
    parsed = []
    for data in features.wkbs:
        polygons = wkb_codec.polygon_rings(data) if data is not None else None
        if polygons is None and data is not None and linearise is not None:
            linear = linearise(data)
            polygons = wkb_codec.polygon_rings(linear) if linear is not None else None
        parsed.append(polygons)
    if features.transform is not None:  # every ring of every feature in one call
        rings = [ring for polygons in parsed if polygons for polygon in polygons for ring in polygon]
        if rings:
            sizes = np.array([len(ring) for ring in rings], dtype=np.int64)
            moved = iter(np.split(features.transform(np.concatenate(rings)), np.cumsum(sizes)[:-1]))
            parsed = [
                [[next(moved) for _ in polygon] for polygon in polygons] if polygons else polygons
                for polygons in parsed
            ]
    shapes, rows, ids = [], [], []
    repaired = skipped = 0
    for index, polygons in enumerate(parsed):
        shape, state = _polygon_shape(polygons)
        if shape is None:
            skipped += 1
            continue
        repaired += state == "repaired"
        shapes.append(shape)
        rows.append(list(features.rows[index]) if features.rows is not None else [])
        ids.append(int(features.fids[index]))
    return shapes, rows, ids, repaired, skipped


# --- rasters ------------------------------------------------------------------------------------------------------


def check_raster(path, what: str) -> None:
    """A clear error when the raster does not open (a missing, damaged or non-raster file)."""
    _open_raster(path, what)


def _open_raster(path, what: str):
    gdal = _gdal(path)
    path = os.fspath(path)
    _check_file(path)
    with _GdalErrors():
        try:
            dataset = gdal.Open(path)
        except RuntimeError:
            dataset = None
    if dataset is None or dataset.RasterCount == 0:
        raise HabitatError(tr("Cannot read the {0} raster {1}.", what, path))
    return dataset


def _cell_of(xy, geotransform):
    """Fractional (column, row) of points in a grid with this geotransform (rotated grids too)."""
    x0, dx, rx, y0, ry, dy = geotransform
    determinant = dx * dy - rx * ry
    column = ((xy[:, 0] - x0) * dy - (xy[:, 1] - y0) * rx) / determinant
    row = ((xy[:, 1] - y0) * dx - (xy[:, 0] - x0) * ry) / determinant
    return column, row


def _window(dataset, geotransform, bbox, to_raster):
    """(xoff, yoff, xsize, ysize) of the cells that may have their centre in ``bbox``; None when none does."""
    columns, rows = dataset.RasterXSize, dataset.RasterYSize
    if bbox is None:
        return 0, 0, columns, rows
    points = _outline(bbox)
    if to_raster is not None:
        points = to_raster(points)
        points = points[np.isfinite(points).all(axis=1)]
        if not len(points):
            return 0, 0, columns, rows
    column, row = _cell_of(points, geotransform)
    c0, c1 = max(int(np.floor(column.min())) - 1, 0), min(int(np.ceil(column.max())) + 1, columns)
    r0, r1 = max(int(np.floor(row.min())) - 1, 0), min(int(np.ceil(row.max())) + 1, rows)
    if c0 >= c1 or r0 >= r1:
        return None
    return c0, r0, c1 - c0, r1 - r0


def _read_band(band, window, path, errors):
    try:
        values = band.ReadAsArray(*window)
    except RuntimeError as error:  # GDAL raises on a damaged file once exceptions are on
        raise HabitatError(tr("Cannot read the population raster {0}: {1}", path, str(error))) from error
    if values is None:
        raise HabitatError(tr("Cannot read the population raster {0}: {1}", path, errors.text() or "GDAL"))
    return values.astype(np.float64)


def read_population(path, crs=None, bbox=None, max_cell_size=None, built_up=None, extent=None):
    """Cell centres (in ``crs``) and values of every band of a population raster, for the cells whose centre lies
    in ``bbox`` (target CRS; read as a window, never the whole raster) — the contract and the numbers of
    qgis_io.raster_population on that window: (xy, weights (n, bands), band names, number of nodata cells,
    SpreadGrid or None). Cells larger than ``max_cell_size`` metres are spread over sub-cells in proportion to the
    ``built_up`` raster (a path), else evenly over the part inside ``extent`` (shapely, in ``crs``), else evenly.
    """
    from .core.public_space import population as grid_population

    path = os.fspath(path)
    dataset = _open_raster(path, tr("population"))
    geotransform = dataset.GetGeoTransform()
    x0, dx, rx, y0, ry, dy = geotransform
    raster_crs = dataset.GetProjection() or None
    target = _crs_text(crs) or raster_crs
    to_target = transformer(raster_crs, target)
    if bbox is not None:
        bbox = _check_bbox(bbox)
    names = []
    for number in range(1, dataset.RasterCount + 1):
        names.append(dataset.GetRasterBand(number).GetDescription() or tr("band {0}", number))
    window = _window(dataset, geotransform, bbox, transformer(target, raster_crs))
    if window is None:
        return np.empty((0, 2)), np.empty((0, len(names))), names, 0, None
    xoff, yoff, xsize, ysize = window
    inside = np.ones((ysize, xsize), dtype=bool)
    if bbox is not None:  # the cells whose centre (in the target CRS) lies in the bbox
        grid_rows, grid_cols = np.mgrid[yoff : yoff + ysize, xoff : xoff + xsize]
        centre = np.c_[
            x0 + (grid_cols.ravel() + 0.5) * dx + (grid_rows.ravel() + 0.5) * rx,
            y0 + (grid_cols.ravel() + 0.5) * ry + (grid_rows.ravel() + 0.5) * dy,
        ]
        if to_target is not None:
            centre = to_target(centre)
        minx, miny, maxx, maxy = bbox
        inside = (
            (centre[:, 0] >= minx) & (centre[:, 0] <= maxx) & (centre[:, 1] >= miny) & (centre[:, 1] <= maxy)
        ).reshape(ysize, xsize)
    bands = []
    nodata_cells = 0
    first_valid = None
    with _GdalErrors() as errors:
        for number in range(1, dataset.RasterCount + 1):
            band = dataset.GetRasterBand(number)
            values, invalid = grid_population.clean_band(_read_band(band, window, path, errors), band.GetNoDataValue())
            if first_valid is None:
                first_valid = ~invalid
                nodata_cells = int((invalid & inside).sum())
            bands.append(values)
    centres, weights, _, _ = grid_population.populated_cells(bands, first_valid, geotransform, inside, (xoff, yoff))

    def density_for(factor):
        if built_up is not None:
            return (
                _built_up_density(built_up, centres, (dx, ry), (rx, dy), factor, raster_crs),
                grid_population.BUILT_UP,
            )
        if extent is not None:
            return grid_population.inside_extent_density(extent, centres, geotransform, factor, to_target)
        return None, None

    centres, weights, spread = grid_population.spread_coarse_cells(
        centres, weights, geotransform, max_cell_size, to_target, density_for
    )
    return (
        (to_target(centres) if to_target is not None and len(centres) else centres),
        weights,
        names,
        nodata_cells,
        spread,
    )


def _built_up_density(path, centres, column_step, row_step, factor, population_crs):
    """The built-up raster's value at every sub-cell centre (nodata and outside the raster: 0), read as the one
    window that holds them."""
    from .core.public_space.population import sub_cell_centres

    path = os.fspath(path)
    dataset = _open_raster(path, tr("built-up"))
    band = dataset.GetRasterBand(1)
    sub = sub_cell_centres(centres, column_step, row_step, factor)
    move = transformer(population_crs, dataset.GetProjection() or None)
    sub = move(sub) if move is not None else sub
    column, row = _cell_of(sub, dataset.GetGeoTransform())
    column, row = np.floor(column).astype(np.int64), np.floor(row).astype(np.int64)
    inside = (column >= 0) & (row >= 0) & (column < dataset.RasterXSize) & (row < dataset.RasterYSize)
    density = np.zeros(len(sub))
    if inside.any():
        c0, c1 = int(column[inside].min()), int(column[inside].max()) + 1
        r0, r1 = int(row[inside].min()), int(row[inside].max()) + 1
        with _GdalErrors() as errors:
            try:
                values = band.ReadAsArray(c0, r0, c1 - c0, r1 - r0)
            except RuntimeError as error:
                raise HabitatError(tr("Cannot read the built-up raster {0}: {1}", path, str(error))) from error
            if values is None:
                raise HabitatError(tr("Cannot read the built-up raster {0}: {1}", path, errors.text() or "GDAL"))
        values = values.astype(np.float64)
        nodata = band.GetNoDataValue()
        if nodata is not None:
            values[values == nodata] = 0.0
        values[~np.isfinite(values)] = 0.0
        density[inside] = np.clip(values[row[inside] - r0, column[inside] - c0], 0.0, None)
    return density.reshape(len(centres), factor * factor)
