"""Test data written with GDAL/OGR only (no QGIS): usable from the core lane (make test-core) and every other test."""

import csv

import numpy as np
from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb

OGR_TYPES = {"int": ogr.OFTInteger, "real": ogr.OFTReal, "str": ogr.OFTString}
OGR_GEOMETRY = {
    "LineString": ogr.wkbLineString,
    "Polygon": ogr.wkbPolygon,
    "Point": ogr.wkbPoint,
    "MultiPolygon": ogr.wkbMultiPolygon,
}


def write_layer(path, name, geometry_type, epsg, fields, rows) -> str:
    """Add layer ``name`` to the GeoPackage ``path``; rows are (shapely geometry or None, [values])."""
    exists = path.exists()
    driver = ogr.GetDriverByName("GPKG")
    data_source = driver.Open(str(path), 1) if exists else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = data_source.CreateLayer(name, srs, OGR_GEOMETRY[geometry_type])
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, OGR_TYPES[kind]))
    for geometry, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (field_name, _), value in zip(fields, values):
            if value is not None:
                feature.SetField(field_name, value)
        if geometry is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
        layer.CreateFeature(feature)
    data_source = None
    return f"{path}|layername={name}"


def write_raster(path, bands, origin, cell, epsg, nodata=-9999.0, names=None) -> str:
    rows, cols = bands[0].shape
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, len(bands), gdal.GDT_Float32)
    dataset.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset.SetProjection(srs.ExportToWkt())
    for index, band in enumerate(bands, start=1):
        raster_band = dataset.GetRasterBand(index)
        raster_band.SetNoDataValue(nodata)
        if names:
            raster_band.SetDescription(names[index - 1])
        raster_band.WriteArray(np.asarray(band, dtype=np.float32))
    dataset = None
    return str(path)


def read_rows(path, layer=None):
    """Attribute rows (dicts) of a vector output (GeoPackage or CSV)."""
    path = str(path)
    if path.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    data_source = ogr.Open(path)
    source = data_source.GetLayerByName(layer) if layer else data_source.GetLayer(0)
    return [
        dict(
            feature.items(),
            _geometry=shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
            if feature.GetGeometryRef()
            else None,
        )
        for feature in source
    ]
