"""Settlements, sectors and facilities as the SDF tools use them: one point (or one repaired polygon) per feature.

Geometry at the edges: a single-part multi-geometry is used as its part; a MultiPoint of several points is refused
with its feature ids (which of its points would be the settlement?); NULL and empty geometries, and points with
coordinates that are not numbers, are skipped and counted, never written as NaN points; invalid polygons are repaired
and counted.
"""

import math
from dataclasses import dataclass, field

import numpy as np
from qgis.core import QgsGeometry

from ...compat import GeometryType
from ...core.sdf.common import listed
from ...core.text import HabitatError, tr
from ...qgis_io import number_or_nan, polygon_shape, to_shapely


@dataclass
class Places:
    records: list = field(default_factory=list)  # the usable features
    xy: list = field(default_factory=list)  # one (x, y) per usable feature
    shapes: list = field(default_factory=list)  # repaired shapely polygon per usable feature (None for points)
    skipped: list = field(default_factory=list)  # ids of features without a usable geometry
    other: list = field(default_factory=list)  # ids of features of another geometry type (lines...)
    repaired: int = 0

    def report(self, feedback, what: str) -> None:
        if self.skipped:
            feedback.pushWarning(
                tr(
                    "{0}: {1} features without a usable geometry (none, empty or not a number) were "
                    "left out: feature ids {2}",
                    what,
                    len(self.skipped),
                    listed(self.skipped),
                )
            )
        if self.other:
            feedback.pushWarning(
                tr(
                    "{0}: {1} features are neither points nor polygons and were left out: feature ids {2}",
                    what,
                    len(self.other),
                    listed(self.other),
                )
            )
        if self.repaired:
            feedback.pushWarning(tr("{0} invalid polygons were repaired ({1}).", self.repaired, what))


def usable(geometry) -> bool:
    return geometry is not None and not geometry.isNull() and not geometry.isEmpty()


def place_points(features, what: str, polygons: bool = True) -> Places:
    """The location of every feature: its point, or a point inside its (repaired) polygon when ``polygons``."""
    places = Places()
    several = []
    for feature in features:
        geometry = feature.geometry()
        if not usable(geometry):
            places.skipped.append(feature.id())
            continue
        kind = geometry.type()
        shape = None
        if kind == GeometryType.Point:
            if geometry.isMultipart():
                parts = geometry.asMultiPoint()
                if len(parts) != 1:
                    several.append(feature.id())
                    continue
                point = parts[0]
            else:
                point = geometry.asPoint()
            xy = (point.x(), point.y())
        elif kind == GeometryType.Polygon and polygons:
            shape, state = polygon_shape(geometry)
            if shape is None:
                places.skipped.append(feature.id())
                continue
            places.repaired += state == "repaired"
            inside = shape.representative_point()
            xy = (inside.x, inside.y)
        else:
            places.other.append(feature.id())
            continue
        if not all(math.isfinite(value) for value in xy):
            places.skipped.append(feature.id())
            continue
        places.records.append(feature)
        places.xy.append(xy)
        places.shapes.append(shape)
    if several:
        raise HabitatError(
            tr(
                "{0}: the features {1} have several points each; give one point per feature (for "
                'example with the tool "Multipart to singleparts").',
                what,
                listed(several),
            )
        )
    return places


def text_or_blank(value) -> str:
    """An attribute value as text; "" for NULL (QGIS gives NULL as a QVariant, whose text would be "NULL")."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def place_names(features, name_field):
    """The name of each feature, or its feature id where the field is empty or NULL (never the text "NULL")."""
    names = []
    for feature in features:
        name = text_or_blank(feature[name_field]) if name_field else ""
        names.append(name or str(feature.id()))
    return names


def written_geometry(feature):
    """The geometry to write for ``feature``: its own, or none at all (never an empty point, which GeoPackage
    stores as POINT(nan nan))."""
    geometry = feature.geometry()
    return geometry if usable(geometry) else QgsGeometry()


def settlement_shape(geometry):
    """A settlement, sector or corridor as shapely: a polygon repaired, any other geometry as it is; None when it
    has no usable geometry (none, empty, broken or unrepairable)."""
    if not usable(geometry):
        return None
    if geometry.type() == GeometryType.Polygon:
        shape, _ = polygon_shape(geometry)
    else:
        try:
            shape = to_shapely(geometry)
        except (ValueError, TypeError):
            return None
    return shape if shape is not None and not shape.is_empty and shape.is_valid else None


def field_numbers(records, field_name, feedback, people=False, index=False):
    """The values of the numeric field ``field_name`` of ``records`` (NaN where missing, counted in a warning);
    negative values refused naming the field; with ``people``, a field without any value above 0 refused too; with
    ``index``, negative values are refused as an index for the balance (z-scores)."""
    values = np.array([number_or_nan(f[field_name]) for f in records], dtype=float)
    values = np.where(np.isfinite(values), values, np.nan)
    missing = int(np.isnan(values).sum())
    if missing:
        feedback.pushWarning(tr("{0}: {1} settlements have no value.", field_name, missing))
    if (values[~np.isnan(values)] < 0).any():
        if index:
            raise HabitatError(
                tr(
                    "The development index field {0} has negative values (z-scores?): the regional balance needs an "
                    "index of 0 or more, e.g. the min-max index.",
                    field_name,
                )
            )
        raise HabitatError(tr("The field {0} has negative values.", field_name))
    if people and not (values[~np.isnan(values)] > 0).any():
        raise HabitatError(tr("The population field {0} has no value above 0.", field_name))
    if people:
        zeros = int((values == 0).sum())
        if zeros:
            feedback.pushWarning(
                tr(
                    "{0}: {1} settlements have no people; they do not count in the population figures.",
                    field_name,
                    zeros,
                )
            )
    return values


def group_names(records, field_name, feedback):
    """The group (district) of each record as text, None where empty; the empty ones counted in a warning."""
    names = [text_or_blank(f[field_name]) or None for f in records]
    empty = sum(1 for name in names if name is None)
    if empty == len(names):
        feedback.pushWarning(
            tr(
                "The group field {0} is empty everywhere: the regional balance has no groups to compare.",
                field_name,
            )
        )
    elif empty:
        feedback.pushWarning(
            tr("{0}: {1} settlements have no group; they form a group of their own in the balance.", field_name, empty)
        )
    return names
