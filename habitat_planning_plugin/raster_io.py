"""Built-up rasters in and out with GDAL, for habitat:urbanextent: shares on a grid, extent polygons, the classified
raster, people per extent. The QGIS-side adapter beside qgis_io (the analysis stays in core.public_space)."""

import os

import numpy as np
from qgis.core import QgsGeometry, QgsRasterFileWriter

from .core.public_space import urban_extent as ue
from .core.text import HabitatError, tr


class Grid:
    """A built-up band read as shares: share (float32), valid (bool), geotransform, cell size in metres."""

    def __init__(self, share, valid, geotransform, projection):
        self.share, self.valid, self.geotransform, self.projection = share, valid, geotransform, projection
        self.rows, self.cols = valid.shape
        self.cell_x, self.cell_y = abs(geotransform[1]), abs(geotransform[5])


def open_raster(path: str, what: str):
    """A GDAL dataset of ``path``; a file GDAL cannot open (damaged, cut short, not a raster) is a message naming it,
    whether GDAL answers None or raises (as it does once exceptions are on)."""
    from osgeo import gdal

    try:
        dataset = gdal.Open(path)
    except RuntimeError as error:
        raise HabitatError(tr("Cannot read the {0} raster {1}: {2}", what, path, str(error).strip())) from error
    if dataset is None:
        raise HabitatError(tr("Cannot read the {0} raster {1}: the file is damaged or not a raster.", what, path))
    if dataset.RasterCount == 0:
        raise HabitatError(tr("The {0} raster {1} has no band.", what, path))
    return dataset


def read_array(band, path: str, what: str):
    """A whole band as an array of its own type (a byte raster stays bytes); a damaged or cut-short file, or one
    too large for the memory, is a message naming the file."""
    try:
        values = band.ReadAsArray()
    except RuntimeError as error:
        raise HabitatError(tr("Cannot read the {0} raster {1}: {2}", what, path, str(error).strip())) from error
    except MemoryError:
        raise HabitatError(
            tr(
                "The {0} raster {1} ({2} x {3} cells) is too large to read at once: clip it to the "
                "area of interest first.",
                what,
                path,
                band.XSize,
                band.YSize,
            )
        ) from None
    if values is None:
        raise HabitatError(
            tr(
                "Cannot read the {0} raster {1}: the file is damaged or cut short (band {2}).",
                what,
                path,
                band.GetBand(),
            )
        )
    return values


def georeferencing(dataset, path: str, what: str):
    """(geotransform, projection WKT) of a dataset; damaged GeoTIFF keys are a message naming the file (GDAL raises
    them here once exceptions are on, as QGIS >= 3.40's Processing turns them on for the whole process)."""
    try:
        return dataset.GetGeoTransform(), dataset.GetProjection()
    except RuntimeError as error:
        raise HabitatError(tr("Cannot read the {0} raster {1}: {2}", what, path, str(error).strip())) from error


def read_built_up(layer, band_number, kind, kind_label: str, feedback):
    dataset = open_raster(layer.source(), tr("built-up"))
    geotransform, projection = georeferencing(dataset, layer.source(), tr("built-up"))
    if geotransform[2] or geotransform[4]:
        raise HabitatError(
            tr(
                "The built-up raster {0} is rotated: warp it to a north-up grid first (Raster ▸ Projections ▸ Warp).",
                layer.name(),
            )
        )
    if not 1 <= band_number <= dataset.RasterCount:
        raise HabitatError(tr("The built-up raster {0} has no band {1}.", layer.name(), band_number))
    band = dataset.GetRasterBand(band_number)
    nodata = band.GetNoDataValue()
    values = read_array(band, layer.source(), tr("built-up"))
    cell_area = abs(geotransform[1] * geotransform[5])
    if nodata is None and kind == ue.WORLDCOVER:
        feedback.pushInfo(
            tr(
                "The built-up raster {0} has no nodata value: every cell is treated as data, except "
                "WorldCover's class 0 (no data).",
                layer.name(),
            )
        )
    elif nodata is None:
        feedback.pushInfo(
            tr("The built-up raster {0} has no nodata value: every cell is treated as data.", layer.name())
        )
    share, valid = ue.built_up_share(values, kind, cell_area, nodata)
    largest = ue.share_out_of_range(values, kind, valid, cell_area)
    del values
    if largest is not None:
        raise HabitatError(
            tr(
                "The built-up raster {0} holds values up to {1}, too large for the kind of values "
                "chosen ({2}): choose the kind that matches the data, or set its nodata value.",
                layer.name(),
                f"{largest:g}",
                kind_label,
            )
        )
    if not valid.any():
        raise HabitatError(tr("The built-up raster {0} holds no data (every cell is nodata).", layer.name()))
    return Grid(share, valid, geotransform, projection)


def classify(grid, settings, min_extent_m2, progress):
    """The core's two steps, with the shares dropped in between (the largest arrays: 400 MB each at 10,000²)."""
    classes = ue.built_up_classes(
        grid.share,
        grid.valid,
        grid.cell_x,
        grid.cell_y,
        settings["urban"],
        settings["suburban"],
        settings["built_cell"],
        settings["radius_m"],
        lambda fraction: progress(0.5 * fraction),
    )
    grid.share = grid.valid = None
    return ue.urban_extent_from_classes(
        classes,
        grid.cell_x,
        grid.cell_y,
        settings["fringe_m"],
        settings["captured_max_m2"],
        min_extent_m2,
        lambda fraction: progress(0.5 + 0.5 * fraction),
    )


def extent_polygons(labels, geotransform, count, report):
    """{extent id: QgsGeometry (multipolygon)}: the cells of each id traced by gdal.Polygonize (4-connected pieces,
    so an extent joined only at a cell corner is two parts of one multipolygon)."""
    from osgeo import gdal, gdal_array, ogr

    source = gdal_array.OpenArray(np.ascontiguousarray(labels, dtype=np.int32))  # no copy of the array
    source.SetGeoTransform(geotransform)
    band = source.GetRasterBand(1)
    vectors = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = vectors.CreateLayer("extents", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))

    def callback(fraction, message, data):
        report(fraction)  # may raise Cancelled
        return 1

    gdal.Polygonize(band, band, layer, 0, [], callback=callback)
    parts = {}
    for feature in layer:
        parts.setdefault(feature.GetField(0), ogr.Geometry(ogr.wkbMultiPolygon)).AddGeometry(feature.GetGeometryRef())
    geometries = {}
    for extent_id, multi in parts.items():
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(multi.ExportToWkb()))
        geometries[int(extent_id)] = geometry
    missing = set(range(1, count + 1)) - set(geometries)
    if missing:  # cannot happen for labels 1..count; a guard against a silently empty feature
        raise HabitatError(
            tr("The urban extents {0} could not be turned into polygons.", ", ".join(map(str, sorted(missing))))
        )
    return geometries


def write_classes(path, classes, grid):
    """The classified raster, with nodata 0, a colour table and class names (for GDAL and other GIS too)."""
    from osgeo import gdal, gdal_array

    driver_name = QgsRasterFileWriter.driverForExtension(os.path.splitext(path)[1]) or "GTiff"
    source = gdal_array.OpenArray(classes)
    source.SetGeoTransform(grid.geotransform)
    source.SetProjection(grid.projection)
    band = source.GetRasterBand(1)
    band.SetNoDataValue(ue.NO_DATA)
    table = gdal.ColorTable()
    for code, colour in ue.CLASS_COLOURS.items():
        table.SetColorEntry(code, tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) + (255,))
    band.SetColorTable(table)
    band.SetCategoryNames([tr(ue.CLASS_NAMES[code]) for code in range(len(ue.CLASS_NAMES))])
    options = ["COMPRESS=DEFLATE", "TILED=YES"] if driver_name == "GTiff" else []
    driver = gdal.GetDriverByName(driver_name)
    if driver is None or driver.CreateCopy(path, source, options=options) is None:
        raise HabitatError(tr("Cannot write the classified raster {0}.", path))


def raster_population_by_extent(raster, labels, grid, count, progress=None):
    """People per extent id from band 1 of a population raster (any CRS, any cell size); ``progress(fraction)``
    may raise Cancelled."""
    dataset = open_raster(raster.source(), tr("population"))
    band = dataset.GetRasterBand(1)
    values = read_array(band, raster.source(), tr("population")).astype(np.float64)
    nodata = band.GetNoDataValue()
    valid = np.isfinite(values) if nodata is None else np.isfinite(values) & (values != nodata)
    geotransform, projection = georeferencing(dataset, raster.source(), tr("population"))
    return ue.population_by_extent(
        labels,
        grid.geotransform,
        count,
        values,
        geotransform,
        valid,
        point_transform(projection, grid.projection),
        progress=progress,
    )


def point_transform(source_wkt, target_wkt):
    """A function moving (n, 2) points from one CRS to the other with GDAL, or None when they are the same."""
    from osgeo import osr

    source_srs, target_srs = osr.SpatialReference(), osr.SpatialReference()
    if not source_wkt or not target_wkt:
        return None
    source_srs.ImportFromWkt(source_wkt)
    target_srs.ImportFromWkt(target_wkt)
    if source_srs.IsSame(target_srs):
        return None
    for srs in (source_srs, target_srs):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transformation = osr.CoordinateTransformation(source_srs, target_srs)
    return lambda xy: np.array(transformation.TransformPoints(np.asarray(xy, dtype=float).tolist()))[:, :2]
