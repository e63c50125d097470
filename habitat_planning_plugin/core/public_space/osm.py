"""OpenStreetMap tags -> SDG 11.7.1 public space types and street widths (methods.md §1.5, CIESIN global 11.7.1)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Collection, Dict, Iterable, List, Mapping, Optional, Tuple

from ..text import tr_noop
from .inventory import NOT_COUNTED

if TYPE_CHECKING:
    from ..text import Progress
    from .street_width import StreetWidth, WidthPolicy

    # OSM tags of a feature: {key: value}, values as GDAL or a layer's fields give them.
    Tags = Mapping[str, object]
    # A candidate space as candidate_space makes it (id, name, category, counted, reason, tags, shape, absorbed,
    # type, review).
    Candidate = Dict[str, Any]

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
    ("amenity", "school"): "public_facility",
    ("landuse", "education"): "public_facility",
    ("landuse", "cemetery"): "recreational_green",
    ("amenity", "grave_yard"): "recreational_green",
}
TYPE_KEYS = ("leisure", "landuse", "natural", "place", "highway", "amenity")
REVIEW_KEYS = TYPE_KEYS + ("access", "fee", "area")
NO_ACCESS = {"no", "private"}

# Types whose status as *open public* space is doubtful: flagged for review, counted by one rule the user picks.
# Source: 11.7.1 metadata (open to all, free) vs the CIESIN tags
# (methods.md §1.5: pitch, forest, wood, scrub, allotments).
# Group: (why it needs review, counted by the default rule): as CIESIN, but no cemeteries and school grounds.
REVIEW_GROUPS = {
    "school_grounds": (tr_noop("school grounds are usually open to pupils only"), False),
    "cemetery": (tr_noop("a cemetery is a place of burial, not open space for recreation"), False),
    "sports": (tr_noop("sports grounds are often fenced, booked or charged for"), True),
    "woodland": (tr_noop("forest, wood and scrub may be fenced, private or impassable"), True),
    "allotments": (tr_noop("allotment plots are rented to gardeners and usually locked"), True),
}
REVIEW_TYPES = {
    ("amenity", "school"): "school_grounds",
    ("landuse", "education"): "school_grounds",
    ("landuse", "cemetery"): "cemetery",
    ("amenity", "grave_yard"): "cemetery",
    ("leisure", "pitch"): "sports",
    ("leisure", "stadium"): "sports",
    ("leisure", "track"): "sports",
    ("leisure", "sports_centre"): "sports",
    ("landuse", "forest"): "woodland",
    ("natural", "wood"): "woodland",
    ("natural", "scrub"): "woodland",
    ("leisure", "allotments"): "allotments",
    ("landuse", "allotments"): "allotments",
}
# How the doubtful types are counted: the default, none of them, all of them.
REVIEW_RULES = ("default", "none", "all")
REVIEW_REASON = tr_noop("type needs review and is not counted by the chosen rule")

# Street classes kept from OSM lines (highway=...): those of the CIESIN global 11.7.1 plus the ways people walk
# on that it left out, service roads and steps. Not kept: highway=corridor (indoors, inside buildings), platform,
# construction, proposed, raceway, bus_guideway, escape. Widths: street_width.CLASS_WIDTHS.
STREET_CLASSES = (
    "motorway",
    "trunk",
    "primary",
    "secondary",
    "tertiary",
    "unclassified",
    "residential",
    "motorway_link",
    "trunk_link",
    "primary_link",
    "secondary_link",
    "tertiary_link",
    "living_street",
    "pedestrian",
    "road",
    "busway",
    "sidewalk",
    "cycleway",
    "footway",
    "track",
    "bridleway",
    "path",
    "service",
    "steps",
)
# Road classes nobody walks along, by default (the access tool's default exclusion uses the same list).
NOT_WALKABLE_CLASSES = ("motorway", "motorway_link", "trunk", "trunk_link")
# foot=* values that allow walking whatever access=* or the class say (the more specific key wins in OSM), and
# those that forbid it (use_sidepath: walk on the separately mapped sidewalk instead).
FOOT_ALLOWED = {"yes", "designated", "permissive"}
FOOT_FORBIDDEN = {"no", "private", "use_sidepath"}
# Why a street is not walkable, or left out as private.
WALK_CLASS, WALK_FOOT, WALK_ACCESS, PRIVATE = "class", "foot", "access", "private"

_HSTORE_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')


def parse_other_tags(text: object) -> Dict[str, str]:
    """The tags of GDAL's hstore-like ``other_tags`` column ("k"=>"v",...), parsed without eval."""
    if not text:
        return {}
    return {key.replace('\\"', '"'): value.replace('\\"', '"') for key, value in _HSTORE_PAIR.findall(str(text))}


def osm_type(tags: Tags) -> Optional[Tuple[str, str]]:
    """The (key, value) pair that makes an OSM polygon a candidate space (the first of TYPE_KEYS), or None."""
    for key in TYPE_KEYS:
        value = str(tags.get(key) or "").strip().lower()
        if value and (key, value) in OSM_TYPES:
            return key, value
    return None


def review_counted(group: Optional[str], rule: str = "default") -> bool:
    """Whether a type of this review group counts under ``rule`` (one of REVIEW_RULES)."""
    if group is None or rule == "all":
        return True
    return rule == "default" and REVIEW_GROUPS[group][1]


def classify_tags(tags: Tags, review_rule: str = "default") -> Tuple[Optional[str], bool, Optional[str]]:
    """(category or None when the feature is no candidate, counted, reason code) for one OSM *polygon*.

    Polygons only: a highway=pedestrian polygon is a pedestrian area (GDAL drops the area=yes tag), i.e. a square.
    Reason codes: "access", "fee", or "review" for a doubtful type that ``review_rule`` does not count.
    """
    found = osm_type(tags)
    if found is None:
        return None, False, None
    category = OSM_TYPES[found]
    if str(tags.get("access", "")).strip().lower() in NO_ACCESS:
        return category, False, "access"
    if str(tags.get("fee", "")).strip().lower() in ("yes",):
        return category, False, "fee"
    if not review_counted(REVIEW_TYPES.get(found), review_rule):
        return category, False, "review"
    return category, True, None


def candidate_space(identifier: object, tags: Tags, review_rule: str = "default") -> Optional[Candidate]:
    """The record of one OSM polygon as a candidate space (a dict: id, name, category, counted, reason, tags,
    shape (None: the caller sets it), absorbed, type "key=value", review group or None), or None when its tags
    make it no candidate."""
    category, counted, reason = classify_tags(tags, review_rule)
    found = osm_type(tags)
    if category is None or found is None:  # found is None exactly when category is
        return None
    return {
        "id": identifier,
        "name": tags.get("name"),
        "category": category,
        "counted": counted,
        "reason": reason,
        "tags": tags,
        "shape": None,
        "absorbed": [],
        "type": "=".join(found),
        "review": REVIEW_TYPES.get(found),
    }


def inventory_type(item: Mapping[str, Any]) -> str:
    """The type a candidate space takes into the inventory, which re-decides from type, access and fee: a type
    the review rule leaves out goes there as not_counted, so that both tools count the same spaces."""
    return NOT_COUNTED if item["reason"] == "review" else item["category"]


def review_tally(kept: Iterable[Mapping[str, Any]]) -> Dict[str, Tuple[int, int]]:
    """{OSM type "key=value": (spaces, counted)} of the candidate spaces whose type needs review."""
    by_type: Dict[str, Tuple[int, int]] = {}
    for item in kept:
        if item["review"] is not None:
            total, counted = by_type.get(item["type"], (0, 0))
            by_type[item["type"]] = (total + 1, counted + int(item["counted"]))
    return by_type


def merge_duplicates(
    candidates: Iterable[Candidate], threshold: float, progress: Optional[Progress] = None
) -> Tuple[List[Candidate], int]:
    """Drop a candidate when ``threshold`` of its area lies in a larger one that counts alike (both counted or
    both not: a counted playground inside not-counted school grounds stays); the larger lists its id.

    ``candidates`` are dicts with "id", "counted", "shape" (shapely) and "absorbed" (a list). Returns (kept, number
    dropped). Bounding boxes are compared with numpy first, so a city's thousands of candidates stay fast.
    """
    import numpy as np

    ordered = sorted(candidates, key=lambda item: item["shape"].area, reverse=True)
    kept: List[Candidate] = []
    dropped = 0
    bounds = np.empty((len(ordered), 4))
    for number, item in enumerate(ordered):
        if progress is not None and number % 200 == 0:
            progress(number / max(len(ordered), 1))  # raises Cancelled when the user cancelled
        minx, miny, maxx, maxy = item["shape"].bounds
        near = bounds[: len(kept)]
        overlapping = np.nonzero(
            (near[:, 0] <= maxx) & (near[:, 2] >= minx) & (near[:, 1] <= maxy) & (near[:, 3] >= miny)
        )[0]
        area = item["shape"].area
        host = next(
            (
                kept[index]
                for index in overlapping
                if kept[index]["counted"] == item["counted"]
                and kept[index]["shape"].intersection(item["shape"]).area >= threshold * area
            ),
            None,
        )
        if host is None:
            bounds[len(kept)] = (minx, miny, maxx, maxy)
            kept.append(item)
        else:
            host["absorbed"].append(item["id"])
            dropped += 1
    return kept, dropped


def street_walkability(
    tags: Tags, not_walkable_classes: Collection[str] = NOT_WALKABLE_CLASSES
) -> Tuple[bool, bool, Optional[str]]:
    """(kept, walkable, reason) for an OSM way of a street class.

    A way with access=private is left out (kept False, reason PRIVATE): it is no public street. An explicit foot
    permission (FOOT_ALLOWED) makes any way walkable, whatever its class or access tag; otherwise foot=no (or
    private, use_sidepath), access=no and the ``not_walkable_classes`` make it not walkable, with the reason.
    """
    foot = str(tags.get("foot", "")).strip().lower()
    access = str(tags.get("access", "")).strip().lower()
    if foot in FOOT_ALLOWED:
        return True, True, None
    if access == "private":
        return False, False, PRIVATE
    if foot in FOOT_FORBIDDEN:
        return True, False, WALK_FOOT
    if access == "no":
        return True, False, WALK_ACCESS
    if str(tags.get("highway", "")).strip().lower() in not_walkable_classes:
        return True, False, WALK_CLASS
    return True, True, None


def street_width(tags: Tags, policy: WidthPolicy) -> StreetWidth:
    """The StreetWidth of an OSM way under a street_width.WidthPolicy: width tag, class table, default."""
    from .street_width import osm_width_value

    return policy.width(osm_width_value(tags), tags.get("highway"))
