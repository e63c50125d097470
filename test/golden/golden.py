"""Reading outputs into tables, writing and comparing the expected CSVs of the golden tests (no QGIS here: OGR,
GDAL, openpyxl and shapely only, so that the hand checks read the same tables)."""

import csv
import io
import math
import os
from pathlib import Path

GEOMETRY = "geometry"
WRITE_ENV = "HABITAT_GOLDEN_WRITE"


def writing() -> bool:
    return os.environ.get(WRITE_ENV, "") not in ("", "0")


# --- reading outputs ---------------------------------------------------------------------------------------------


def read_output(value, table, geometry_decimals: int) -> tuple:
    """(columns, rows as dicts of plain values) of an output, as ``table`` (cases.Table) says to read it."""
    if table.reader.startswith("xlsx:"):
        columns, rows = _xlsx(value, table.reader.split(":", 1)[1])
    elif table.reader == "raster":
        columns, rows = _raster(value)
    else:
        columns, rows = _vector(value, table.geometry, geometry_decimals)
    columns = [c for c in columns if c not in table.drop]
    if table.ordered:
        columns = ["order"] + columns
        for position, row in enumerate(rows, start=1):
            row["order"] = position
    if table.columns is not None:
        missing = [c for c in table.columns if c not in columns]
        if missing:
            raise AssertionError(
                f"{table.output}: no column {', '.join(missing)} in the output (it has {', '.join(columns)})"
            )
        columns = [c for c in table.key if c != GEOMETRY] + [c for c in table.columns if c not in table.key]
        if table.geometry:
            columns.append(GEOMETRY)
    rows = [{c: row.get(c) for c in columns} for row in rows]
    return columns, rows


def _vector(value, geometry, decimals):
    from osgeo import ogr

    path, _, layer_name = str(value).partition("|layername=")
    layer_name = layer_name.split("|")[0]
    source = ogr.Open(path)
    if source is None:
        raise AssertionError(f"the output {value} cannot be opened")
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    definition = layer.GetLayerDefn()
    columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = []
    for feature in layer:
        row = {name: feature.GetField(name) for name in columns}
        if geometry:
            row[GEOMETRY] = _geometry(feature.GetGeometryRef(), geometry, decimals)
        rows.append(row)
    source = None
    return columns + ([GEOMETRY] if geometry else []), rows


def _geometry(ref, how, decimals):
    from shapely import wkb, wkt

    if ref is None or ref.IsEmpty():
        return None
    shape = wkb.loads(bytes(ref.ExportToWkb()))
    if how == "area":
        return shape.area
    if how == "length":
        return shape.length
    return wkt.dumps(shape.normalize(), rounding_precision=decimals, trim=True)


def _xlsx(path, sheet_name):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(path, read_only=True)
    sheet = book[sheet_name]
    rows, width = [], 0
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        values = list(values)
        while values and values[-1] in (None, ""):
            values.pop()
        width = max(width, len(values))
        rows.append({"row": number, **{get_column_letter(i + 1): v for i, v in enumerate(values)}})
    book.close()
    return ["row"] + [get_column_letter(i + 1) for i in range(width)], rows


def _raster(path):
    import numpy as np
    from osgeo import gdal

    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    values, counts = np.unique(band.ReadAsArray(), return_counts=True)
    nodata = band.GetNoDataValue()
    dataset = None
    return ["value", "cells", "nodata"], [
        {"value": float(v), "cells": int(c), "nodata": int(nodata is not None and v == nodata)}
        for v, c in zip(values.tolist(), counts.tolist())
    ]


# --- text of a table ---------------------------------------------------------------------------------------------


def cell_text(value, decimals: int) -> str:
    """A value as the expected CSV holds it: numbers rounded to ``decimals``, NULL and NaN empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        text = f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(value)


def sort_key(row, key):
    parts = []
    for column in key:
        text = row.get(column) or ""
        try:
            parts.append((0, float(text), ""))
        except ValueError:
            parts.append((1, 0.0, text))
    return tuple(parts)


def as_text_rows(columns, rows, key, decimals):
    text_rows = [{c: cell_text(row.get(c), decimals) for c in columns} for row in rows]
    return sorted(text_rows, key=lambda row: sort_key(row, key))


def write_csv(path: Path, columns, text_rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(text_rows)


def read_csv(path: Path):
    """(columns, rows as dicts of text) of an expected table."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def csv_text(columns, text_rows) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(text_rows)
    return buffer.getvalue()


# --- comparing ---------------------------------------------------------------------------------------------------


def _number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value


def same_cell(column, expected: str, actual: str, tolerance: float, geometry_tolerance: float) -> bool:
    if expected == actual:
        return True
    if column == GEOMETRY and expected and actual and _number(expected) is None:  # WKT
        from shapely import wkt

        try:
            a, b = wkt.loads(expected), wkt.loads(actual)
        except Exception:  # noqa: BLE001 - not WKT: compared as text above
            return False
        return a.geom_type == b.geom_type and a.equals_exact(b, geometry_tolerance)
    a, b = _number(expected), _number(actual)
    if a is None or b is None:
        return False
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= tolerance + 1e-9 * abs(a)


def compare(columns, expected_rows, actual_columns, actual_rows, key, tolerance, geometry_tolerance, label):
    """A readable list of differences (empty when the tables agree within the tolerance)."""
    problems = []
    if columns != actual_columns:
        gone = [c for c in columns if c not in actual_columns]
        new = [c for c in actual_columns if c not in columns]
        problems.append(
            f"{label}: columns differ: expected {columns}, got {actual_columns}"
            + (f" (missing {gone})" if gone else "")
            + (f" (new {new})" if new else "")
        )
        return problems

    def index(rows, what):
        found = {}
        for row in rows:
            row_key = tuple(row.get(c, "") for c in key)
            if row_key in found:
                problems.append(f"{label}: the key {dict(zip(key, row_key))} is not unique in the {what} table")
            found[row_key] = row
        return found

    expected, actual = index(expected_rows, "expected"), index(actual_rows, "actual")
    for row_key in expected:
        name = ", ".join(f"{c}={v!r}" for c, v in zip(key, row_key))
        if row_key not in actual:
            problems.append(f"{label}: row ({name}) is missing")
            continue
        for column in columns:
            want, got = expected[row_key].get(column, ""), actual[row_key].get(column, "")
            if not same_cell(column, want, got, tolerance, geometry_tolerance):
                problems.append(f"{label}: row ({name}) {column}: expected {want!r}, got {got!r}")
    for row_key in actual:
        if row_key not in expected:
            name = ", ".join(f"{c}={v!r}" for c, v in zip(key, row_key))
            problems.append(f"{label}: row ({name}) is new: {actual[row_key]}")
    return problems


def same_number(expected, actual, tolerance) -> bool:
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return actual is None or (isinstance(actual, float) and math.isnan(actual))
    if actual is None or isinstance(actual, str):
        return False
    return abs(float(actual) - float(expected)) <= tolerance + 1e-9 * abs(float(expected))
