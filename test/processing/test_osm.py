"""habitat:publicspacesfromosm and habitat:streetsfromosm on a real .osm file read by GDAL's OSM driver."""

import pytest

from habitat_planning_plugin.core.public_space.osm import classify_tags, parse_other_tags, street_width
from habitat_planning_plugin.core.public_space.street_width import WidthPolicy
from test.helpers import read_rows

LON, LAT = 116.40, 39.90  # Beijing
STEP = 0.001  # about 85 m east-west, 111 m north-south


def square(nodes, ways, way_id, i, j, size=1.0, tags=()):
    """A closed way over lattice cell (i, j); returns the way id."""
    corners = [(i, j), (i + size, j), (i + size, j + size), (i, j + size)]
    refs = []
    for x, y in corners:
        node_id = len(nodes) + 1
        nodes.append((node_id, LON + x * STEP, LAT + y * STEP))
        refs.append(node_id)
    ways.append((way_id, refs + [refs[0]], dict(tags)))
    return way_id


def write_osm(path):
    nodes, ways = [], []
    square(nodes, ways, 101, 0, 0, tags={"leisure": "park", "name": "Jingshan Park"})
    square(nodes, ways, 102, 0.05, 0.05, 0.9, tags={"leisure": "nature_reserve"})  # inside the park: duplicate
    square(nodes, ways, 103, 2, 0, tags={"leisure": "garden", "access": "private"})
    square(nodes, ways, 104, 4, 0, tags={"place": "square", "name": "Drum Square"})
    square(nodes, ways, 105, 6, 0, tags={"leisure": "pitch", "fee": "yes"})
    square(nodes, ways, 106, 8, 0, tags={"leisure": "golf_course"})  # no candidate
    square(nodes, ways, 107, 10, 0, tags={"highway": "pedestrian", "area": "yes"})
    square(nodes, ways, 108, 12, 0, tags={"landuse": "village_green"})
    # Streets along y = -1 sharing nodes at the junctions.
    line_nodes = []
    for k in range(4):
        node_id = 1000 + k
        nodes.append((node_id, LON + 3 * k * STEP, LAT - STEP))
        line_nodes.append(node_id)
    ways.append((201, line_nodes[0:2], {"highway": "residential", "width": "12 m", "name": "Hutong Lane"}))
    ways.append((202, line_nodes[1:3], {"highway": "primary"}))
    ways.append((203, line_nodes[2:4], {"highway": "service"}))  # not a street class of 11.7.1
    ways.append((204, line_nodes[0:2], {"highway": "footway", "access": "private"}))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="habitat tests">']
    for node_id, lon, lat in nodes:
        lines.append(f'<node id="{node_id}" version="1" lat="{lat:.7f}" lon="{lon:.7f}"/>')
    for way_id, refs, tags in ways:
        lines.append(f'<way id="{way_id}" version="1">')
        lines.extend(f'<nd ref="{ref}"/>' for ref in refs)
        lines.extend(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        lines.append("</way>")
    lines.append("</osm>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_tag_rules_by_hand():
    assert parse_other_tags('"access"=>"private","fee"=>"yes","note"=>"say \\"hi\\""') == {
        "access": "private",
        "fee": "yes",
        "note": 'say "hi"',
    }
    assert classify_tags({"leisure": "park"}) == ("park", True, None)
    assert classify_tags({"leisure": "garden", "access": "private"}) == ("park", False, "access")
    assert classify_tags({"highway": "pedestrian"}) == ("square", True, None)  # as a polygon: a pedestrian area
    assert classify_tags({"highway": "residential"}) == (None, False, None)
    assert classify_tags({"leisure": "golf_course"}) == (None, False, None)
    policy = WidthPolicy({"primary": 25.0}, 3.0)
    assert (street_width({"width": "7,5"}, policy).width, street_width({"width": "7,5"}, policy).source) == (
        7.5,
        "measured",
    )
    assert street_width({"highway": "primary", "width": "wide"}, policy).width == 25.0
    assert street_width({"highway": "primary", "width": "wide"}, policy).source == "class"
    assert (street_width({"highway": "path"}, policy).width, street_width({"highway": "path"}, policy).source) == (
        3.0,
        "default",
    )


def test_public_spaces_from_osm_file(tmp_path, habitat_provider):
    from qgis import processing

    osm = write_osm(tmp_path / "city.osm")
    result = processing.run(
        "habitat:publicspacesfromosm",
        {"INPUT": f"{osm}|layername=multipolygons", "OUTPUT": str(tmp_path / "spaces.gpkg")},
    )
    rows = {r["osm_id"]: r for r in read_rows(tmp_path / "spaces.gpkg")}
    # 8 closed ways: the golf course is no candidate, the nature reserve lies inside the park (merged).
    assert (result["CANDIDATES"], result["DUPLICATES"]) == (6, 1)
    assert rows["101"]["category"] == "park" and rows["101"]["merged_ids"] == "102"
    assert rows["103"]["counted"] == 0 and rows["103"]["not_counted_reason"] == "access is restricted (private or no)"
    assert rows["105"]["counted"] == 0 and rows["105"]["osm_fee"] == "yes"
    assert rows["104"]["category"] == "square" and rows["107"]["category"] == "square"
    assert rows["108"]["category"] == "civic_park"
    assert result["COUNTED"] == 4
    # Reprojected to the UTM zone (50 N): a cell is about 85 m x 111 m.
    assert rows["101"]["area_m2"] == pytest.approx(85.4 * 111.0, rel=0.02)

    # The draft feeds the inventory directly.
    inventory = processing.run(
        "habitat:publicspaceinventory",
        {
            "INPUT": str(tmp_path / "spaces.gpkg"),
            "TYPE_FIELD": "category",
            "ACCESS_FIELD": "osm_access",
            "FEE_FIELD": "osm_fee",
            "OUTPUT": "memory:",
            "OUTPUT_SUMMARY": "memory:",
        },
    )
    assert inventory["COUNTED"] == 4


def test_streets_from_osm_file(tmp_path, habitat_provider):
    from qgis import processing

    osm = write_osm(tmp_path / "city.osm")
    result = processing.run(
        "habitat:streetsfromosm",
        {
            "INPUT": f"{osm}|layername=lines",
            "DEFAULT_WIDTH": 6.0,
            "CLASS_WIDTHS": ["primary", 25],
            "OUTPUT": str(tmp_path / "streets.gpkg"),
        },
    )
    rows = {r["osm_id"]: r for r in read_rows(tmp_path / "streets.gpkg")}
    assert (result["STREETS"], result["PRIVATE"]) == (3, 1)
    assert set(rows) == {"201", "202", "203"}  # service roads are kept: people walk on them
    assert (rows["201"]["width_m"], rows["201"]["width_src"]) == (12.0, "OSM width tag")
    assert (rows["202"]["width_m"], rows["202"]["width_src"]) == (25.0, "road class table")
    assert (rows["203"]["width_m"], rows["203"]["width_src"]) == (6.0, "default width")  # not in the given table
    assert rows["201"]["_geometry"].length == pytest.approx(3 * 85.4, rel=0.02)


# --- typology review (issue 17, item 6) and damaged geometry -------------------------------------------------------

DOUBTFUL_WAYS = {  # way id: (tags, counted by the default rule)
    301: ({"amenity": "school"}, False),
    302: ({"landuse": "education"}, False),
    303: ({"landuse": "cemetery"}, False),
    304: ({"amenity": "grave_yard"}, False),
    305: ({"leisure": "pitch"}, True),
    306: ({"leisure": "stadium"}, True),
    307: ({"leisure": "track"}, True),
    308: ({"leisure": "sports_centre"}, True),
    309: ({"landuse": "forest"}, True),
    310: ({"natural": "wood"}, True),
    311: ({"natural": "scrub"}, True),
    312: ({"leisure": "allotments"}, True),
    313: ({"landuse": "allotments"}, True),
}


def write_review_osm(path):
    """Each doubtful type in its own cell; a park; a playground inside the school grounds (way 301, 3 x 3 cells)."""
    nodes, ways = [], []
    for index, (way_id, (tags, _)) in enumerate(DOUBTFUL_WAYS.items()):
        square(nodes, ways, way_id, 4 * index, 0, size=3.0 if way_id == 301 else 1.0, tags=tags)
    square(nodes, ways, 320, 1, 1, size=0.5, tags={"leisure": "playground"})  # inside the school grounds
    square(nodes, ways, 321, 0, 6, tags={"leisure": "park"})
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="habitat tests">']
    lines += [f'<node id="{n}" version="1" lat="{lat:.7f}" lon="{lon:.7f}"/>' for n, lon, lat in nodes]
    for way_id, refs, tags in ways:
        lines.append(f'<way id="{way_id}" version="1">')
        lines.extend(f'<nd ref="{ref}"/>' for ref in refs)
        lines.extend(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        lines.append("</way>")
    path.write_text("\n".join(lines + ["</osm>"]), encoding="utf-8")
    return path


@pytest.mark.parametrize("rule", [0, 1, 2])  # count all but cemeteries and schools (default) / none / all
def test_types_that_need_review(rule, tmp_path, habitat_provider):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    lines = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            lines.append(info)

    osm = write_review_osm(tmp_path / "review.osm")
    parameters = {"INPUT": f"{osm}|layername=multipolygons", "OUTPUT": str(tmp_path / "spaces.gpkg")}
    if rule:
        parameters["REVIEW_RULE"] = rule  # the default is left unset on purpose
    result = processing.run("habitat:publicspacesfromosm", parameters, feedback=Feedback())
    rows = {r["osm_id"]: r for r in read_rows(tmp_path / "spaces.gpkg")}

    counted = {
        str(way_id): (by_default if rule == 0 else rule == 2) for way_id, (_, by_default) in DOUBTFUL_WAYS.items()
    }
    counted.update({"321": True, "320": True})
    # The playground counts under every rule; it is merged into the school grounds only when both count.
    merged = rule == 2
    assert set(rows) == set(counted) - ({"320"} if merged else set())
    assert (rows["301"]["merged_ids"] == "320") is merged
    for osm_id, row in rows.items():
        assert row["counted"] == int(counted[osm_id]), osm_id
        doubtful = int(osm_id) in DOUBTFUL_WAYS
        assert row["review"] == int(doubtful) and (row["review_why"] is not None) == doubtful
        if doubtful and not counted[osm_id]:
            assert row["not_counted_reason"] == "type needs review and is not counted by the chosen rule"
            assert row["inventory_type"] == "not_counted"
        else:
            assert row["not_counted_reason"] is None and row["inventory_type"] == row["category"]
    assert rows["301"]["review_why"] == "school grounds are usually open to pupils only"
    assert rows["303"]["category"] == "recreational_green" and rows["301"]["category"] == "public_facility"
    assert result["REVIEW"] == len(DOUBTFUL_WAYS) and result["SKIPPED"] == 0
    assert result["COUNTED"] == sum(1 for row in rows.values() if row["counted"])
    # The log names the rule and, per doubtful type, how many spaces there are and how many count.
    for way_id, (tags, _) in DOUBTFUL_WAYS.items():
        ((key, value),) = tags.items()
        expected = f"Needs review: {key}={value}: 1 in the draft, {int(counted[str(way_id)])} of them counted ("
        assert any(line.startswith(expected) for line in lines), expected
    assert any(line.startswith("Types that need review: Count") for line in lines)

    # The inventory keeps the same rule through inventory_type.
    inventory = processing.run(
        "habitat:publicspaceinventory",
        {
            "INPUT": str(tmp_path / "spaces.gpkg"),
            "TYPE_FIELD": "inventory_type",
            "ACCESS_FIELD": "osm_access",
            "FEE_FIELD": "osm_fee",
            "OUTPUT": "memory:",
            "OUTPUT_SUMMARY": "memory:",
        },
    )
    assert inventory["COUNTED"] == result["COUNTED"]


def test_tag_rules_for_review_by_hand():
    assert classify_tags({"leisure": "pitch"}) == ("public_facility", True, None)
    assert classify_tags({"leisure": "pitch"}, "none") == ("public_facility", False, "review")
    assert classify_tags({"landuse": "cemetery"}) == ("recreational_green", False, "review")
    assert classify_tags({"landuse": "cemetery"}, "all") == ("recreational_green", True, None)
    assert classify_tags({"amenity": "school", "access": "private"}, "all") == ("public_facility", False, "access")
    assert classify_tags({"amenity": "school", "leisure": "pitch"}) == ("public_facility", True, None)  # leisure first
    assert classify_tags({"amenity": "cafe"}) == (None, False, None)


def test_damaged_polygons_are_repaired_or_skipped(qgis_app):
    from qgis.core import QgsGeometry

    from habitat_planning_plugin.qgis_io import polygon_shape

    cut = QgsGeometry.fromWkt("MultiPolygon (((24.95 60.16, 24.95 60.16)))")  # a ring cut to two points
    assert not cut.isNull() and polygon_shape(cut) == (None, "unusable")
    mixed = QgsGeometry.fromWkt("MultiPolygon (((0 0, 0 0)), ((0 0, 2 0, 2 1, 0 1, 0 0)))")
    shape, state = polygon_shape(mixed)
    assert state == "repaired" and shape.area == pytest.approx(2.0)  # the usable part is kept
    bow_tie = QgsGeometry.fromWkt("Polygon ((0 0, 2 2, 2 0, 0 2, 0 0))")
    shape, state = polygon_shape(bow_tie)
    assert state == "repaired" and shape.area == pytest.approx(2.0)
    shape, state = polygon_shape(QgsGeometry.fromWkt("Polygon ((0 0, 1 0, 1 1, 0 0))"))
    assert state == "valid" and shape.area == pytest.approx(0.5)
    assert polygon_shape(QgsGeometry()) == (None, "unusable")
