"""The outputs of a national run, written from the kept rows: the table (CSV and a GeoPackage of the extents with
their numbers, each written through a temporary file) and the national report."""

import os

from shapely import wkb

from ..core.files import atomic_write
from .store import flat_columns, flat_row, write_csv

TABLE_CSV = "sdg1171_cities.csv"
TABLE_GPKG = "sdg1171_cities.gpkg"
REPORT = "sdg1171_national_report.html"


def groups_of(rows) -> list:
    """The population groups, in the order the grid gives them (the first row that has them)."""
    for row in rows:
        if row.get("groups"):
            return list(row["groups"])
    return []


def write_outputs(folder, rows, cities, crs_wkt: str, language: str = "en", footer: str = "", report=True) -> dict:
    groups = groups_of(rows)
    paths = {"csv": write_csv(os.path.join(folder, TABLE_CSV), rows, groups),
             "gpkg": write_gpkg(os.path.join(folder, TABLE_GPKG), rows, cities, groups, crs_wkt)}
    if report:
        from ..core.public_space.national_report import national_report

        extents = {city.city_id: wkb.loads(city.extent_wkb) for city in cities}
        paths["report"] = national_report(os.path.join(folder, REPORT), rows, groups, extents, language, footer)
    return paths


def write_gpkg(path, rows, cities, groups, crs_wkt: str) -> str:
    from osgeo import ogr, osr

    columns = flat_columns(groups)
    numeric = {name for name in columns if name not in ("city_id", "name", "status", "message")}
    extent_of = {city.city_id: city.extent_wkb for city in cities}

    def write(partial):
        os.remove(partial)  # GDAL creates the file itself
        source = ogr.GetDriverByName("GPKG").CreateDataSource(partial)
        srs = osr.SpatialReference()
        srs.SetFromUserInput(crs_wkt)
        layer = source.CreateLayer("cities", srs, ogr.wkbMultiPolygon)
        for name in columns:
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if name in numeric else ogr.OFTString))
        layer.StartTransaction()
        for row in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            flat = flat_row(row, groups)
            for name in columns:
                value = flat.get(name)
                if value is not None:
                    feature.SetField(name, float(value) if name in numeric else str(value))
            shape = extent_of.get(str(row["city_id"]))
            if shape is not None:
                geometry = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(shape))
                feature.SetGeometry(geometry)
            layer.CreateFeature(feature)
        layer.CommitTransaction()
        source = None

    return atomic_write(path, write)
