"""Tags of an OSM feature, from GDAL's OSM driver (columns + other_tags) or a QuickOSM-style layer (columns)."""

from ...core.public_space.osm import parse_other_tags


def feature_tags(feature, field_names) -> dict:
    tags = parse_other_tags(feature["other_tags"]) if "other_tags" in field_names else {}
    for name in field_names:
        if name in ("other_tags", "osm_id", "osm_way_id"):
            continue
        value = feature[name]
        if value is not None and not (hasattr(value, "isNull") and value.isNull()) and str(value) != "":
            tags[name] = str(value)
    return tags


def osm_id(feature, field_names) -> str:
    for name in ("osm_id", "osm_way_id", "id", "full_id"):
        if name in field_names and feature[name] not in (None, ""):
            return str(feature[name])
    return str(feature.id())
