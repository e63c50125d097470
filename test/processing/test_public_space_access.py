"""habitat:publicspaceaccess through Processing, on real GeoPackage/GeoTIFF files."""

import math

import numpy as np
import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from scipy.spatial import Delaunay
from shapely.geometry import LineString, Point, box

from test.conftest import SAMPLE_POPULATION, layer_path
from test.core.test_access_core import POINTS, SQUARE, by_hand
from test.helpers import Messages, read_rows, write_layer, write_raster

ALG = "habitat:publicspaceaccess"
COUNTED = (
    '|subset="access" = \'public\' AND "fee" = \'no\' AND "ps_type" IN '
    "('park','civic park','square','recreational green area','public facility open area')"
)


def run(parameters, context=None, feedback=None):
    from qgis import processing

    return processing.run(ALG, parameters, context=context, feedback=feedback or QgsProcessingFeedback())


@pytest.fixture
def grid_city(tmp_path):
    """The hand-computed 100 m grid of the core tests, as real layers (two districts, two population groups)."""
    gpkg = tmp_path / "grid.gpkg"
    ticks = range(0, 501, 100)
    lines = [LineString([(x, y) for x in ticks]) for y in ticks] + [LineString([(x, y) for y in ticks]) for x in ticks]
    streets = write_layer(
        gpkg, "streets", "LineString", 32650, [("id", "int")], [(line, [i]) for i, line in enumerate(lines)]
    )
    spaces = write_layer(gpkg, "spaces", "Polygon", 32650, [("name", "str")], [(SQUARE, ["square"])])
    people = write_layer(
        gpkg,
        "people",
        "Point",
        32650,
        [("total", "real"), ("women", "real")],
        [(Point(p), [10.0, 4.0]) for p, _ in POINTS],
    )
    districts = write_layer(
        gpkg,
        "districts",
        "Polygon",
        32650,
        [("name", "str")],
        [(box(-100, -100, 300, 1000), ["West"]), (box(300, -100, 1000, 1000), ["East"])],
    )
    return {
        "STREETS": streets,
        "PUBLIC_SPACES": spaces,
        "POPULATION_LAYER": people,
        "POPULATION_FIELDS": ["total", "women"],
        "DISTRICTS": districts,
        "DISTRICT_NAME_FIELD": "name",
    }


def test_grid_city_by_hand(grid_city, tmp_path, habitat_provider):
    outputs = {
        "OUTPUT_NETWORK": str(tmp_path / "net.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "table.csv"),
        "OUTPUT_SERVICE_AREA": str(tmp_path / "area.gpkg"),
        "OUTPUT_POPULATION": str(tmp_path / "pop.gpkg"),
    }
    result = run({**grid_city, **outputs})
    assert result["POP_TOTAL"] == pytest.approx(70.0)
    assert result["POP_SERVED"] == pytest.approx(50.0)
    assert result["SHARE_SERVED"] == pytest.approx(100 * 5 / 7)
    assert result["SHARE_SERVED_STRAIGHT_LINE"] == pytest.approx(100.0)
    assert result["NETWORK_PARTS"] == 1

    people = read_rows(outputs["OUTPUT_POPULATION"])
    np.testing.assert_allclose(sorted(float(p["dist_m"]) for p in people), sorted(d for _, d in POINTS), atol=1e-6)

    network = read_rows(outputs["OUTPUT_NETWORK"])
    # 6 streets x 5 segments, twice; the segments beside the square are split at its entrances.
    assert sum(float(edge["length_m"]) for edge in network) == pytest.approx(60 * 100.0)
    assert len(network) > 60 and len({int(edge["line_no"]) for edge in network}) == 12
    for edge in network:
        (x1, y1), (x2, y2) = edge["_geometry"].coords
        if min(SQUARE.distance(Point(x1, y1)), SQUARE.distance(Point(x2, y2))) > 25.0:
            assert float(edge["dist_m"]) == pytest.approx(min(by_hand(x1, y1), by_hand(x2, y2)))
        else:  # an end is an entrance, at most the entry tolerance from the square
            assert float(edge["dist_m"]) <= 25.0

    table = read_rows(outputs["OUTPUT_TABLE"])
    west = {(r["pop_group"], r["method"]): r for r in table if r["district"] == "West"}
    # West holds (250,110), (40,470), (10,20), (250,240): all four served; East holds the other three, one served.
    assert float(west[("total", "network")]["population"]) == pytest.approx(40.0)
    assert float(west[("total", "network")]["share_pct"]) == pytest.approx(100.0)
    east = {(r["pop_group"], r["method"]): r for r in table if r["district"] == "East"}
    assert float(east[("women", "network")]["served"]) == pytest.approx(4.0)
    assert float(east[("women", "network")]["share_pct"]) == pytest.approx(100 / 3)
    assert len(table) == (1 + 2) * 2 * 2  # (city + 2 districts) x 2 groups x 2 methods
    assert len(read_rows(outputs["OUTPUT_SERVICE_AREA"])) == 1


def test_sample_city_raster_groups_add_up(tmp_path, habitat_provider):
    result = run(
        {
            "STREETS": layer_path("streets"),
            "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
            "POPULATION_RASTER": str(SAMPLE_POPULATION),
            "DISTRICTS": layer_path("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "OUTPUT_NETWORK": "memory:",
            "OUTPUT_SERVICE_AREA": "memory:",
            "OUTPUT_TABLE": str(tmp_path / "table.csv"),
        }
    )
    assert 30 <= result["SHARE_SERVED"] <= 80
    assert result["SHARE_SERVED_STRAIGHT_LINE"] > result["SHARE_SERVED"]  # the buffer overstates access
    table = read_rows(tmp_path / "table.csv")
    assert len(table) == (1 + 7) * 6 * 2
    city = {
        r["pop_group"]: float(r["served"]) for r in table if r["method"] == "network" and r["district"] == "Whole city"
    }
    assert city["female"] + city["male"] == pytest.approx(city["total"], rel=1e-6)
    districts = [
        r for r in table if r["method"] == "network" and r["pop_group"] == "total" and r["district"] != "Whole city"
    ]
    assert sum(float(r["population"]) for r in districts) == pytest.approx(result["POP_TOTAL"], rel=1e-6)


def random_city(tmp_path, seed=7, n=150):
    """A Delaunay street network near UTM 50's central meridian, three tiny spaces each holding one vertex."""
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 1500, size=(n, 2)) + (500_000.0, 3_500_000.0)
    pairs = sorted(
        {
            tuple(sorted((int(a), int(b))))
            for t in Delaunay(xy).simplices
            for a, b in ((t[0], t[1]), (t[1], t[2]), (t[0], t[2]))
        }
    )
    pairs = [p for p in pairs if rng.uniform() < 0.7]
    used = sorted({v for p in pairs for v in p})
    gpkg = tmp_path / "random.gpkg"
    streets = write_layer(gpkg, "streets", "LineString", 32650, [], [(LineString(xy[list(p)]), []) for p in pairs])
    centres = [xy[used[k]] for k in (3, len(used) // 2, len(used) - 5)]
    spaces = write_layer(
        gpkg, "spaces", "Polygon", 32650, [], [(box(x - 0.5, y - 0.5, x + 0.5, y + 0.5), []) for x, y in centres]
    )
    entries = write_layer(gpkg, "entries", "Point", 32650, [], [(Point(c), []) for c in centres])
    vertices = write_layer(
        gpkg, "vertices", "Point", 32650, [("people", "real")], [(Point(xy[v]), [1.0]) for v in used]
    )
    return streets, spaces, entries, vertices, xy[used]


def test_same_served_vertices_as_native_service_area(tmp_path, habitat_provider):
    from qgis import processing

    streets, spaces, entries, vertices, vertex_xy = random_city(tmp_path)
    ours = run(
        {
            "STREETS": streets,
            "PUBLIC_SPACES": spaces,
            "POPULATION_LAYER": vertices,
            "POPULATION_FIELDS": ["people"],
            "ENTRY_TOLERANCE": 0.0,
            "STRAIGHT_LINE": False,
            "OUTPUT_NETWORK": "memory:",
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_POPULATION": str(tmp_path / "ours.gpkg"),
        }
    )
    rows = read_rows(tmp_path / "ours.gpkg")
    # Float ties at the limit (399.9994 m here) may fall either way in the two engines: leave those out.
    ours_served = {
        (round(r["_geometry"].x, 3), round(r["_geometry"].y, 3)): r["served"] == 1
        for r in rows
        if r["dist_m"] is None or abs(r["dist_m"] - 400.0) > 0.01
    }
    assert len(rows) - len(ours_served) <= 2

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())  # the native algorithm needs a project (segfaults without one)
    context.setEllipsoid("NONE")  # planar lengths, as in our analysis CRS
    native = processing.run(
        "native:serviceareafromlayer",
        {
            "INPUT": streets,
            "STRATEGY": 0,
            "START_POINTS": entries,
            "TRAVEL_COST2": 400.0,
            "INCLUDE_BOUNDS": False,
            # With tolerance 0 QGIS's graph builder leaves a start point that lies exactly on a vertex unconnected
            # (the truncated areas of qgis/QGIS#61167); 1 mm joins it without merging any real vertices.
            "TOLERANCE": 0.001,
            "OUTPUT": "memory:",
        },
        context=context,
    )["OUTPUT"]
    reached = set()
    for feature in native.getFeatures():
        geometry = feature.geometry()  # held: constGet() of a temporary geometry would dangle
        for point in geometry.asMultiPoint():
            reached.add((round(point.x(), 3), round(point.y(), 3)))
    native_served = {key: key in reached for key in ours_served}
    assert sum(ours_served.values()) > 10 and sum(not v for v in ours_served.values()) > 10
    assert ours_served == native_served
    assert ours["POP_SERVED"] == sum(1 for r in rows if r["served"] == 1)


def test_geographic_inputs_are_projected_and_give_the_same_result(tmp_path, grid_city, habitat_provider):
    from qgis import processing

    wgs84 = {}
    for key in ("STREETS", "PUBLIC_SPACES", "POPULATION_LAYER"):
        wgs84[key] = processing.run(
            "native:reprojectlayer",
            {"INPUT": grid_city[key], "TARGET_CRS": "EPSG:4326", "OUTPUT": str(tmp_path / f"{key}.gpkg")},
        )["OUTPUT"]
    messages = Messages()
    # The grid sits at easting 0-500 of zone 50 (far from its meridian): pin the CRS so distances compare exactly.
    result = run(
        {
            **wgs84,
            "POPULATION_FIELDS": ["total"],
            "TARGET_CRS": "EPSG:32650",
            "OUTPUT_NETWORK": "memory:",
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_TABLE": "memory:",
        },
        feedback=messages,
    )
    assert result["POP_SERVED"] == pytest.approx(50.0)
    auto = Messages()
    run(
        {
            **wgs84,
            "POPULATION_FIELDS": ["total"],
            "OUTPUT_NETWORK": "memory:",
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_TABLE": "memory:",
        },
        feedback=auto,
    )
    assert "EPSG:4326" in auto.text() and "UTM" in auto.text()


def test_mismatched_crss_are_reconciled(tmp_path, grid_city, habitat_provider):
    from qgis import processing

    streets_3857 = processing.run(
        "native:reprojectlayer",
        {"INPUT": grid_city["STREETS"], "TARGET_CRS": "EPSG:3857", "OUTPUT": str(tmp_path / "s.gpkg")},
    )["OUTPUT"]
    result = run(
        {
            **grid_city,
            "STREETS": streets_3857,
            "TARGET_CRS": "EPSG:32650",
            "OUTPUT_NETWORK": "memory:",
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_TABLE": "memory:",
        }
    )
    assert result["POP_SERVED"] == pytest.approx(50.0)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"PUBLIC_SPACES": "empty"}, "has no features"),
        ({"PUBLIC_SPACES": "far"}, "No street reaches a public space"),
        ({"POPULATION_RASTER": str(SAMPLE_POPULATION)}, "exactly one population input"),
        ({"POPULATION_LAYER": None}, "exactly one population input"),
        ({"POPULATION_FIELDS": []}, "at least one population count field"),
    ],
)
def test_bad_input_gives_a_clear_error_and_no_output(tmp_path, grid_city, habitat_provider, change, message):
    gpkg = tmp_path / "bad.gpkg"
    layers = {
        "empty": write_layer(gpkg, "empty", "Polygon", 32650, [], []),
        "far": write_layer(gpkg, "far", "Polygon", 32650, [], [(box(9000, 9000, 9100, 9100), [])]),
    }
    parameters = {
        **grid_city,
        **{k: layers.get(v, v) if isinstance(v, str) else v for k, v in change.items()},
        "OUTPUT_NETWORK": str(tmp_path / "net.gpkg"),
        "OUTPUT_SERVICE_AREA": None,
        "OUTPUT_TABLE": str(tmp_path / "table.csv"),
    }
    with pytest.raises(QgsProcessingException, match=message):
        run(parameters)
    assert not (tmp_path / "net.gpkg").exists() and not (tmp_path / "table.csv").exists()


def test_text_field_as_population_is_refused(tmp_path, grid_city, habitat_provider):
    gpkg = tmp_path / "text.gpkg"
    people = write_layer(gpkg, "people", "Point", 32650, [("total", "str")], [(Point(250, 110), ["many"])])
    with pytest.raises(QgsProcessingException):
        run(
            {
                **grid_city,
                "POPULATION_LAYER": people,
                "POPULATION_FIELDS": ["total"],
                "OUTPUT_NETWORK": "memory:",
                "OUTPUT_TABLE": "memory:",
            }
        )


def test_network_without_shared_vertices_is_reported_not_crashed(tmp_path, habitat_provider):
    gpkg = tmp_path / "crossing.gpkg"
    # Streets drawn as lines that cross without a shared vertex at the crossings (vertices at 50, 150, ...):
    # nothing connects, yet the lines beside the square have vertices 5 m from it.
    stations = [0, 50, 150, 250, 350, 450, 500]
    lines = [LineString([(x, y) for x in stations]) for y in range(0, 501, 100)] + [
        LineString([(x, y) for y in stations]) for x in range(0, 501, 100)
    ]
    streets = write_layer(gpkg, "streets", "LineString", 32650, [], [(line, []) for line in lines])
    spaces = write_layer(gpkg, "spaces", "Polygon", 32650, [], [(SQUARE, [])])
    people = write_layer(gpkg, "people", "Point", 32650, [("n", "real")], [(Point(250, 110), [5.0])])
    messages = Messages()
    result = run(
        {
            "STREETS": streets,
            "PUBLIC_SPACES": spaces,
            "POPULATION_LAYER": people,
            "POPULATION_FIELDS": ["n"],
            "OUTPUT_NETWORK": "memory:",
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_SERVICE_AREA": None,
        },
        feedback=messages,
    )
    # 12 lines; the four border lines share their corner vertices and form one ring: 9 parts. Lines 200 and 300
    # (both directions) pass 5 m from the square; the ring and lines 100 and 400 reach no space: 5 parts.
    assert result["NETWORK_PARTS"] == 9
    assert "5 parts of the street network reach no public space" in messages.text()
    assert result["POP_SERVED"] == 0.0  # its street (y=100) leads to no space: an honest zero, not a crash


def test_raster_nodata_inside_the_city_is_left_out_and_reported(tmp_path, grid_city, habitat_provider):
    values = np.full((5, 5), 4.0)
    values[0, 0] = -9999.0
    values[1, 1] = np.nan
    raster = write_raster(tmp_path / "pop.tif", [values], origin=(0.0, 500.0), cell=100.0, epsg=32650)
    messages = Messages()
    result = run(
        {
            **grid_city,
            "POPULATION_LAYER": None,
            "POPULATION_FIELDS": [],
            "POPULATION_RASTER": raster,
            "OUTPUT_NETWORK": "memory:",
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_SERVICE_AREA": None,
        },
        feedback=messages,
    )
    assert result["POP_TOTAL"] == pytest.approx(4.0 * 23)
    assert "2 nodata cells" in messages.text()


def test_output_may_not_overwrite_an_input(tmp_path, grid_city, habitat_provider):
    target = grid_city["STREETS"].split("|")[0]
    size = len(open(target, "rb").read())
    with pytest.raises(QgsProcessingException, match="write over the input"):
        run({**grid_city, "OUTPUT_NETWORK": target, "OUTPUT_TABLE": "memory:", "OUTPUT_SERVICE_AREA": None})
    assert len(open(target, "rb").read()) == size
    assert QgsVectorLayer(grid_city["STREETS"], "s", "ogr").featureCount() == 12


def test_cancel_leaves_no_output(tmp_path, grid_city, habitat_provider):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(
            {
                **grid_city,
                "OUTPUT_NETWORK": str(tmp_path / "net.gpkg"),
                "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                "OUTPUT_SERVICE_AREA": None,
            },
            feedback=feedback,
        )
    assert list(tmp_path.glob("net.gpkg*")) == [] and not (tmp_path / "t.csv").exists()


def test_chinese_report_with_escaped_district_names(tmp_path, habitat_provider, locale):
    locale("zh_CN")
    gpkg = tmp_path / "d.gpkg"
    districts = write_layer(
        gpkg,
        "districts",
        "Polygon",
        32650,
        [("name", "str")],
        [(box(-100, -100, 300, 1000), ["<b>西区</b>"]), (box(300, -100, 1000, 1000), ["东区"])],
    )
    streets = write_layer(
        gpkg,
        "streets",
        "LineString",
        32650,
        [],
        [(LineString([(x, y) for x in range(0, 501, 100)]), []) for y in range(0, 501, 100)]
        + [(LineString([(x, y) for y in range(0, 501, 100)]), []) for x in range(0, 501, 100)],
    )
    spaces = write_layer(gpkg, "spaces", "Polygon", 32650, [], [(SQUARE, [])])
    people = write_layer(gpkg, "people", "Point", 32650, [("total", "real")], [(Point(p), [10.0]) for p, _ in POINTS])
    report = tmp_path / "report.html"
    run(
        {
            "STREETS": streets,
            "PUBLIC_SPACES": spaces,
            "POPULATION_LAYER": people,
            "POPULATION_FIELDS": ["total"],
            "DISTRICTS": districts,
            "DISTRICT_NAME_FIELD": "name",
            "OUTPUT_NETWORK": None,
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_REPORT": str(report),
        }
    )
    html = report.read_text(encoding="utf-8")
    assert "可持续发展目标 11.7.1 (b)" in html and "71.4 %" in html  # 5 of 7 people served
    assert "&lt;b&gt;西区&lt;/b&gt;" in html and "<b>西区" not in html
    assert html.count("data:image/png;base64,") == 3


def test_population_polygons_are_spread_over_points_inside_them(tmp_path, grid_city, habitat_provider):
    # A 100 x 600 m census block from x=500 to 600 east of the grid, 120 people: spread over 50 m points
    # (2 x 12 = 24 points, 5 people each). By hand: points at x=525 (25 m off the x=500 street) and x=575 (75 m).
    gpkg = tmp_path / "blocks.gpkg"
    blocks = write_layer(gpkg, "blocks", "Polygon", 32650, [("people", "real")], [(box(500, 0, 600, 600), [120.0])])
    result = run(
        {
            **grid_city,
            "POPULATION_LAYER": blocks,
            "POPULATION_FIELDS": ["people"],
            "DISTRICTS": None,
            "OUTPUT_NETWORK": None,
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_POPULATION": str(tmp_path / "p.gpkg"),
        }
    )
    points = read_rows(tmp_path / "p.gpkg")
    assert len(points) == 24 and all(p["population"] == pytest.approx(5.0) for p in points)
    assert result["POP_TOTAL"] == pytest.approx(120.0)
    expected = 0
    for p in points:
        x, y = p["_geometry"].x, p["_geometry"].y
        # Joins x=500 at (500, y): connector x-500, then along the street to the nearer junction (every 100 m).
        below, above = 100 * math.floor(y / 100), min(100 * math.floor(y / 100) + 100, 500)
        d = (x - 500) + min(y - below + by_hand(500, below), abs(above - y) + by_hand(500, above))
        if y > 500:  # beyond the last junction: along x=500 to (500, 500)
            d = math.hypot(x - 500, y - 500) + by_hand(500, 500)
        assert p["dist_m"] == pytest.approx(d)
        expected += 5.0 if d <= 400 else 0.0
    assert result["POP_SERVED"] == pytest.approx(expected) and 0 < expected < 120
