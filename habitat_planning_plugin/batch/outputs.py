"""The outputs of a national run, written from the kept rows: the table (CSV and a GeoPackage of the extents with
their numbers, each written through a temporary file) and the national report."""

import os

from shapely import wkb

from ..core.files import atomic_write
from .store import district_columns, district_rows, flat_columns, flat_row, write_csv, write_table_csv

TABLE_CSV = "sdg1171_cities.csv"
DISTRICTS_CSV = "sdg1171_districts.csv"
CITY_REPORTS = "city_reports"
TEXT_COLUMNS = ("city_id", "name", "status", "message", "city", "district_id", "district")
TABLE_GPKG = "sdg1171_cities.gpkg"
REPORT = "sdg1171_national_report.html"


def groups_of(rows) -> list:
    """The population groups, in the order the grid gives them (the first row that has them)."""
    for row in rows:
        if row.get("groups"):
            return list(row["groups"])
    return []


def write_outputs(
    folder, rows, cities, crs_wkt: str, settings="en", footer=None, report=True, city_reports=False
) -> dict:
    """The tables (CSV; GeoPackage with a "cities" layer and, when the run had districts, a "districts" layer),
    the national report and, when asked, one report per measured city in city_reports/."""
    groups = groups_of(rows)
    extent_of = {city.city_id: city.extent_wkb for city in cities}
    cities_layer = (
        "cities",
        flat_columns(groups),
        [(flat_row(row, groups), extent_of.get(str(row["city_id"]))) for row in rows],
    )
    layers = [cities_layer]
    paths = {"csv": write_csv(os.path.join(folder, TABLE_CSV), rows, groups)}
    districts = district_rows(rows, groups)
    if districts:
        columns = district_columns(groups)
        paths["districts_csv"] = write_table_csv(os.path.join(folder, DISTRICTS_CSV), columns, districts)
        layers.append(
            (
                "districts",
                columns,
                [(flat, bytes.fromhex(flat["wkb"]) if flat.get("wkb") else None) for flat in districts],
            )
        )
    paths["gpkg"] = write_gpkg(os.path.join(folder, TABLE_GPKG), layers, crs_wkt)
    if report:
        from ..core.public_space.national_report import national_report

        extents = {city.city_id: wkb.loads(city.extent_wkb) for city in cities}
        paths["report"] = national_report(os.path.join(folder, REPORT), rows, groups, extents, settings, footer)
    if city_reports:
        paths["city_reports"] = write_city_reports(
            os.path.join(folder, CITY_REPORTS), rows, groups, extent_of, settings, footer
        )
    return paths


def write_city_reports(folder, rows, groups, extent_of, settings="en", footer=None) -> str:
    """One HTML report per measured city, named by its id (names may hold any character)."""
    from ..core.public_space.national_report import city_report

    os.makedirs(folder, exist_ok=True)
    for row in rows:
        if row.get("status") == "ok":
            shape = extent_of.get(str(row["city_id"]))
            city_report(
                os.path.join(folder, f"city_{_safe(row['city_id'])}.html"),
                row,
                groups,
                wkb.loads(shape) if shape else None,
                settings,
                footer,
            )
    return folder


def _safe(text) -> str:
    return "".join(character if character.isalnum() or character in "-_" else "_" for character in str(text))


def write_gpkg(path, layers, crs_wkt: str) -> str:
    """``layers``: (name, columns, [(flat row, geometry WKB or None), ...]) each, written as one file."""
    from osgeo import ogr, osr

    def write(partial):
        os.remove(partial)  # GDAL creates the file itself
        source = ogr.GetDriverByName("GPKG").CreateDataSource(partial)
        srs = osr.SpatialReference()
        srs.SetFromUserInput(crs_wkt)
        for name, columns, features in layers:
            layer = source.CreateLayer(name, srs, ogr.wkbMultiPolygon)
            for column in columns:
                layer.CreateField(ogr.FieldDefn(column, ogr.OFTString if column in TEXT_COLUMNS else ogr.OFTReal))
            layer.StartTransaction()
            for flat, shape in features:
                feature = ogr.Feature(layer.GetLayerDefn())
                for column in columns:
                    value = flat.get(column)
                    if value is not None:
                        feature.SetField(column, str(value) if column in TEXT_COLUMNS else float(value))
                if shape is not None:
                    feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(shape)))
                layer.CreateFeature(feature)
            layer.CommitTransaction()
        source = None

    return atomic_write(path, write)
