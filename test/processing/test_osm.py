"""habitat:publicspacesfromosm and habitat:streetsfromosm on a real .osm file read by GDAL's OSM driver."""

import pytest

from habitat_planning_plugin.core.public_space.osm import classify_tags, parse_other_tags, street_width
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
        "access": "private", "fee": "yes", "note": 'say "hi"'}
    assert classify_tags({"leisure": "park"}) == ("park", True, None)
    assert classify_tags({"leisure": "garden", "access": "private"}) == ("park", False, "access")
    assert classify_tags({"highway": "pedestrian"}) == ("square", True, None)  # as a polygon: a pedestrian area
    assert classify_tags({"highway": "residential"}) == (None, False, None)
    assert classify_tags({"leisure": "golf_course"}) == (None, False, None)
    assert street_width({"width": "7,5"}, {}, 3.0) == (7.5, "tag")
    assert street_width({"highway": "primary", "width": "wide"}, {"primary": 25.0}, 3.0) == (25.0, "class")
    assert street_width({"highway": "path"}, {"primary": 25.0}, 3.0) == (3.0, "region")


def test_public_spaces_from_osm_file(tmp_path, habitat_provider):
    from qgis import processing

    osm = write_osm(tmp_path / "city.osm")
    result = processing.run("habitat:publicspacesfromosm", {
        "INPUT": f"{osm}|layername=multipolygons", "OUTPUT": str(tmp_path / "spaces.gpkg")})
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
    inventory = processing.run("habitat:publicspaceinventory", {
        "INPUT": str(tmp_path / "spaces.gpkg"), "TYPE_FIELD": "category", "ACCESS_FIELD": "osm_access",
        "FEE_FIELD": "osm_fee", "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
    assert inventory["COUNTED"] == 4


def test_streets_from_osm_file(tmp_path, habitat_provider):
    from qgis import processing

    osm = write_osm(tmp_path / "city.osm")
    result = processing.run("habitat:streetsfromosm", {
        "INPUT": f"{osm}|layername=lines", "REGION": 10,  # Southern Asia: 6 m
        "CLASS_WIDTHS": ["primary", 25], "OUTPUT": str(tmp_path / "streets.gpkg")})
    rows = {r["osm_id"]: r for r in read_rows(tmp_path / "streets.gpkg")}
    assert (result["STREETS"], result["PRIVATE"]) == (2, 1)
    assert set(rows) == {"201", "202"}  # the service road is no 11.7.1 street class
    assert (rows["201"]["width_m"], rows["201"]["width_src"]) == (12.0, "OSM width tag")
    assert (rows["202"]["width_m"], rows["202"]["width_src"]) == (25.0, "road class table")
    assert rows["201"]["_geometry"].length == pytest.approx(3 * 85.4, rel=0.02)
