"""OpenStreetMap tags -> SDG 11.7.1 public space types and street widths (methods.md §1.5, CIESIN global 11.7.1)."""

import re

from ..text import tr_noop

# Candidate open public space tags of the CIESIN global 11.7.1 (leisure / landuse / natural), plus the two OSM
# tags for squares (place=square, highway=pedestrian areas), each mapped to one of the five types.
OSM_TYPES = {
    ("leisure", "park"): "park",
    ("leisure", "nature_reserve"): "park",
    ("leisure", "garden"): "park",
    ("leisure", "common"): "civic_park",
    ("landuse", "village_green"): "civic_park",
    ("place", "square"): "square",
    ("highway", "pedestrian"): "square",
    ("leisure", "recreation_ground"): "recreational_green",
    ("landuse", "recreation_ground"): "recreational_green",
    ("leisure", "playground"): "recreational_green",
    ("leisure", "dog_park"): "recreational_green",
    ("leisure", "fitness_station"): "recreational_green",
    ("leisure", "allotments"): "recreational_green",
    ("landuse", "allotments"): "recreational_green",
    ("landuse", "forest"): "recreational_green",
    ("landuse", "conservation"): "recreational_green",
    ("natural", "fell"): "recreational_green",
    ("natural", "grassland"): "recreational_green",
    ("natural", "heath"): "recreational_green",
    ("natural", "scrub"): "recreational_green",
    ("natural", "wood"): "recreational_green",
    ("leisure", "pitch"): "public_facility",
    ("leisure", "stadium"): "public_facility",
    ("leisure", "sports_centre"): "public_facility",
    ("leisure", "track"): "public_facility",
}
TYPE_KEYS = ("leisure", "landuse", "natural", "place", "highway")
REVIEW_KEYS = TYPE_KEYS + ("access", "fee", "area")
NO_ACCESS = {"no", "private"}

# Street classes of the CIESIN global 11.7.1 (highway=...).
STREET_CLASSES = ("motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
                  "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link", "living_street",
                  "pedestrian", "road", "busway", "sidewalk", "cycleway", "footway", "track", "bridleway", "path")

# Median road width (m) by UN region, as used by the CIESIN global 11.7.1 (Scripts/RegionalRoadWidths.csv).
# CIESIN buffered each road by this value on each side (a corridor of twice the width); here it is the corridor width.
REGIONAL_MEDIAN_WIDTHS = [
    (tr_noop("Northern Africa"), 4.0), (tr_noop("Eastern Africa"), 2.5), (tr_noop("Middle Africa"), 8.0),
    (tr_noop("Southern Africa"), 5.6), (tr_noop("Western Africa"), 3.5),
    (tr_noop("Latin America and the Caribbean"), 4.0), (tr_noop("Northern America"), 7.6),
    (tr_noop("Central Asia"), 3.0), (tr_noop("Eastern Asia"), 3.0), (tr_noop("South-eastern Asia"), 3.0),
    (tr_noop("Southern Asia"), 6.0), (tr_noop("Western Asia"), 6.0), (tr_noop("Eastern Europe"), 2.0),
    (tr_noop("Northern Europe"), 2.0), (tr_noop("Southern Europe"), 3.0), (tr_noop("Western Europe"), 2.2),
    (tr_noop("Oceania"), 2.0),
]

_HSTORE_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_NUMBER = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*(m|metres|meters)?\s*$")


def parse_other_tags(text) -> dict:
    """The tags of GDAL's hstore-like ``other_tags`` column ("k"=>"v",...), parsed without eval."""
    if not text:
        return {}
    return {key.replace('\\"', '"'): value.replace('\\"', '"') for key, value in _HSTORE_PAIR.findall(str(text))}


def classify_tags(tags: dict):
    """(category or None when the feature is no candidate, counted, reason code) for one OSM *polygon*.

    Polygons only: a highway=pedestrian polygon is a pedestrian area (GDAL drops the area=yes tag), i.e. a square.
    """
    category = None
    for key in TYPE_KEYS:
        value = tags.get(key)
        if value and (key, value) in OSM_TYPES:
            category = OSM_TYPES[(key, value)]
            break
    if category is None:
        return None, False, None
    if str(tags.get("access", "")).strip().lower() in NO_ACCESS:
        return category, False, "access"
    if str(tags.get("fee", "")).strip().lower() in ("yes",):
        return category, False, "fee"
    return category, True, None


def street_width(tags: dict, class_widths: dict, default: float):
    """(width in metres, source): the width tag, else the class table, else the regional median."""
    match = _NUMBER.match(str(tags.get("width", "")))
    if match:
        value = float(match.group(1).replace(",", "."))
        if value > 0:
            return value, "tag"
    highway = str(tags.get("highway", "")).strip().lower()
    if highway in class_widths:
        return class_widths[highway], "class"
    return default, "region"
