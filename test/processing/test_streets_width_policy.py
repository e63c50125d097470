"""One street-width policy and walkable streets, through Processing: habitat:streetsfromosm on a synthetic .osm file,
habitat:sdg1171landshare on its output and on the sample city by both routes, and the ±25 % width shares."""

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException
from shapely.geometry import LineString, box
from shapely.ops import unary_union

from habitat_planning_plugin.core.public_space.street_width import CLASS_WIDTHS
from test.conftest import layer_path
from test.helpers import Messages, read_rows, write_layer
from test.helpers import run_algorithm as run

LON, LAT = 116.40, 39.90  # Beijing, UTM zone 50 N
STEP = 0.001
FT, IN = 0.3048, 0.0254
COUNTED = (
    '|subset="access" = \'public\' AND "fee" = \'no\' AND "ps_type" IN '
    "('park','civic park','square','recreational green area','public facility open area')"
)
TABLE = dict(CLASS_WIDTHS)

# (way id, tags): one way each, three lattice steps long, on its own row.
WAYS = [
    (301, {"highway": "residential", "width": "12'"}),
    (302, {"highway": "primary", "width": "10;12"}),
    (303, {"highway": "secondary", "width": "5000"}),  # rejected
    (304, {"highway": "tertiary", "width": "narrow"}),  # unreadable
    (305, {"highway": "residential", "width": "7,5"}),
    (306, {"highway": "service"}),
    (307, {"highway": "steps"}),
    (308, {"highway": "footway", "foot": "no"}),
    (309, {"highway": "motorway", "width": "40 ft"}),
    (310, {"highway": "trunk_link"}),
    (311, {"highway": "residential", "access": "no"}),
    (312, {"highway": "pedestrian", "access": "no", "foot": "yes"}),
    (313, {"highway": "service", "access": "private"}),
    (314, {"highway": "path", "access": "private", "foot": "designated", "est_width": "1.8"}),
    (315, {"highway": "corridor"}),
    (316, {"highway": "construction"}),
    (317, {"highway": "living_street", "width": "12'6\""}),
    (318, {"highway": "primary"}),
    (319, {"highway": "bridleway", "width": "-3"}),
]


def write_osm(path, ways, node_rows=None):
    """An .osm file: each way is a list of (lon, lat) with its tags."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="habitat tests">']
    body, node_id = [], 0
    for way_id, (coordinates, tags) in ways.items():
        refs = []
        for lon, lat in coordinates:
            node_id += 1
            lines.append(f'<node id="{node_id}" version="1" lat="{lat:.8f}" lon="{lon:.8f}"/>')
            refs.append(node_id)
        body.append(f'<way id="{way_id}" version="1">')
        body.extend(f'<nd ref="{ref}"/>' for ref in refs)
        body.extend(f'<tag k="{k}" v="{v.replace(chr(34), "&quot;")}"/>' for k, v in tags.items())
        body.append("</way>")
    path.write_text("\n".join(lines + body + ["</osm>"]), encoding="utf-8")
    return f"{path}|layername=lines"


@pytest.fixture
def synthetic_osm(tmp_path):
    ways = {
        way_id: ([(LON + k * STEP, LAT + row * STEP) for k in range(4)], tags)
        for row, (way_id, tags) in enumerate(WAYS)
    }
    return write_osm(tmp_path / "city.osm", ways)


def test_osm_streets_by_the_policy_with_the_defaults(synthetic_osm, tmp_path, habitat_provider):
    messages = Messages()
    result = run("habitat:streetsfromosm", {"INPUT": synthetic_osm, "OUTPUT": str(tmp_path / "s.gpkg")}, messages)
    rows = {int(r["osm_id"]): r for r in read_rows(tmp_path / "s.gpkg")}
    # Kept and walkable, by hand: the six not walkable or private ways and the two non-streets are out.
    assert set(rows) == {301, 302, 303, 304, 305, 306, 307, 312, 314, 317, 318, 319}
    assert all(r["walkable"] == 1 for r in rows.values())
    expected = {
        301: (12 * FT, "OSM width tag"),
        302: (11.0, "OSM width tag"),
        303: (20.0, "road class table"),
        304: (15.0, "road class table"),
        305: (7.5, "OSM width tag"),
        306: (6.0, "road class table"),
        307: (2.0, "road class table"),
        312: (8.0, "road class table"),
        314: (1.8, "OSM width tag"),
        317: (12 * FT + 6 * IN, "OSM width tag"),
        318: (25.0, "road class table"),
        319: (3.0, "road class table"),
    }
    for osm_id, (width, source) in expected.items():
        assert rows[osm_id]["width_m"] == pytest.approx(width), osm_id
        assert rows[osm_id]["width_src"] == source, osm_id
        assert rows[osm_id]["road_class"] == dict(WAYS)[osm_id]["highway"]
    assert rows[303]["osm_width"] == "5000" and rows[312]["osm_access"] == "no" and rows[312]["osm_foot"] == "yes"
    counts = {
        key: result[key]
        for key in (
            "STREETS",
            "WALKABLE",
            "PRIVATE",
            "NOT_WALKABLE_CLASS",
            "NOT_WALKABLE_FOOT",
            "NOT_WALKABLE_ACCESS",
            "WIDTH_MEASURED",
            "WIDTH_CLASS",
            "WIDTH_DEFAULT",
            "WIDTH_REJECTED",
            "WIDTH_UNREADABLE",
        )
    }
    assert counts == {
        "STREETS": 12,
        "WALKABLE": 12,
        "PRIVATE": 1,
        "NOT_WALKABLE_CLASS": 2,
        "NOT_WALKABLE_FOOT": 1,
        "NOT_WALKABLE_ACCESS": 1,
        "WIDTH_MEASURED": 5,
        "WIDTH_CLASS": 7,
        "WIDTH_DEFAULT": 0,
        "WIDTH_REJECTED": 2,
        "WIDTH_UNREADABLE": 1,
    }
    assert "12 streets kept, 12 of them walkable; 1 private roads left out." in messages.lines
    assert any(
        line.startswith(
            "Left out as not walkable: 2 of a road class nobody walks along (motorway, "
            "motorway_link, trunk, trunk_link), 1 with foot=no, 1 with access=no."
        )
        for line in messages.lines
    )
    assert any(
        line.startswith("2 width values outside 1.5–80 m were rejected") and "5000, -3" in line
        for line in messages.lines
    )
    assert any(line.startswith("1 width values could not be read") and "narrow" in line for line in messages.lines)


def test_keep_not_walkable_with_a_user_table_then_land_share(synthetic_osm, tmp_path, habitat_provider):
    messages = Messages()
    result = run(
        "habitat:streetsfromosm",
        {
            "INPUT": synthetic_osm,
            "KEEP_NOT_WALKABLE": True,
            "CLASS_WIDTHS": ["primary", 30],
            "DEFAULT_WIDTH": 5.0,
            "TARGET_CRS": "EPSG:32650",
            "OUTPUT": str(tmp_path / "all.gpkg"),
        },
        messages,
    )
    rows = {int(r["osm_id"]): r for r in read_rows(tmp_path / "all.gpkg")}
    assert len(rows) == result["STREETS"] == 16 and result["WALKABLE"] == 12
    assert {osm_id for osm_id, r in rows.items() if r["walkable"] == 0} == {308, 309, 310, 311}
    assert (rows[309]["width_m"], rows[309]["width_src"]) == (pytest.approx(40 * FT), "OSM width tag")
    assert (rows[318]["width_m"], rows[318]["width_src"]) == (30.0, "road class table")
    for osm_id in (303, 304, 306, 307, 308, 310, 311, 312, 319):  # not in the given table: the default
        assert (rows[osm_id]["width_m"], rows[osm_id]["width_src"]) == (5.0, "default width"), osm_id
    assert (result["WIDTH_MEASURED"], result["WIDTH_CLASS"], result["WIDTH_DEFAULT"]) == (6, 1, 9)
    assert any(line.startswith("Kept with walkable = 0: 2 of a road class") for line in messages.lines)

    # Land share on this layer: the widths carry over, and so does where they came from.
    lines = {osm_id: r["_geometry"] for osm_id, r in rows.items()}
    extent = box(*unary_union(list(lines.values())).buffer(50).bounds)
    gpkg = tmp_path / "inputs.gpkg"
    land = run(
        "habitat:sdg1171landshare",
        {
            "URBAN_EXTENT": write_layer(gpkg, "extent", "Polygon", 32650, [], [(extent, [])]),
            "PUBLIC_SPACES": write_layer(gpkg, "spaces", "Polygon", 32650, [], []),
            "STREETS": str(tmp_path / "all.gpkg"),
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "OUTPUT_STREET_AREA": "memory:",
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_REPORT": None,
        },
    )
    corridors = unary_union(
        [line.buffer(rows[osm_id]["width_m"] / 2, cap_style=2, join_style=2) for osm_id, line in lines.items()]
    )
    assert land["SHARE_STREETS"] == pytest.approx(100 * corridors.area / extent.area, rel=1e-6)
    assert (land["WIDTH_MEASURED"], land["WIDTH_CLASS"], land["WIDTH_DEFAULT"]) == (6, 1, 9)


def sample_city_as_osm(path, with_widths: bool):
    """The sample city's streets as OSM ways (highway = road class, width = width_m when surveyed)."""
    utm, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32650)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(utm, wgs84)
    data_source = ogr.Open(layer_path("streets").split("|")[0])
    ways = {}
    for feature in data_source.GetLayerByName("streets"):
        geometry = feature.GetGeometryRef()
        coordinates = [transform.TransformPoint(*geometry.GetPoint_2D(i))[:2] for i in range(geometry.GetPointCount())]
        tags = {"highway": feature["road_class"]}
        if with_widths and feature["width_m"] is not None:
            tags["width"] = f"{feature['width_m']:g}"
        ways[1000 + feature["street_id"]] = (coordinates, tags)
    data_source = None
    return write_osm(path, ways)


@pytest.mark.parametrize("with_widths", [True, False])
def test_sample_city_street_share_is_the_same_by_both_routes(with_widths, tmp_path, habitat_provider):
    common = {
        "URBAN_EXTENT": layer_path("urban_extent"),
        "CITY_NAME_FIELD": "name",
        "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
        "CLASS_FIELD": "road_class",
        "OUTPUT_STREET_AREA": "memory:",
        "OUTPUT_TABLE": "memory:",
        "OUTPUT_REPORT": None,
    }
    # Route 1: the surveyed street layer straight into land share.
    direct = run(
        "habitat:sdg1171landshare",
        {**common, "STREETS": layer_path("streets"), "WIDTH_FIELD": "width_m" if with_widths else None},
    )
    # Route 2: the same streets as an OSM file, through Streets from OpenStreetMap with its defaults.
    osm = sample_city_as_osm(tmp_path / "sample.osm", with_widths)
    streets = run(
        "habitat:streetsfromosm",
        {"INPUT": osm, "TARGET_CRS": "EPSG:32650", "OUTPUT": str(tmp_path / "osm_streets.gpkg")},
    )
    rows = read_rows(tmp_path / "osm_streets.gpkg")
    assert streets["STREETS"] == len(rows) == 2417
    # The same width for the same class: a street without a measured width gets the class width of the one table.
    for row in rows:
        if row["osm_width"] is None:
            assert row["width_m"] == TABLE[row["road_class"]] and row["width_src"] == "road class table"
    via_osm = run(
        "habitat:sdg1171landshare", {**common, "STREETS": str(tmp_path / "osm_streets.gpkg"), "WIDTH_FIELD": "width_m"}
    )
    assert via_osm["SHARE_STREETS"] == pytest.approx(direct["SHARE_STREETS"], abs=0.01)
    assert via_osm["SHARE_TOTAL"] == pytest.approx(direct["SHARE_TOTAL"], abs=0.01)
    assert via_osm["SHARE_STREETS_LOW"] == pytest.approx(direct["SHARE_STREETS_LOW"], abs=0.01)
    assert via_osm["SHARE_STREETS_HIGH"] == pytest.approx(direct["SHARE_STREETS_HIGH"], abs=0.01)
    surveyed = 1777 + 339 + 94 + 2  # the sample city's streets with width_m (205 residential ones have none)
    expected = (surveyed, 205) if with_widths else (0, 2417)
    for result in (direct, via_osm, streets):
        assert (result["WIDTH_MEASURED"], result["WIDTH_CLASS"], result["WIDTH_DEFAULT"]) == (*expected, 0)
    assert direct["SHARE_STREETS_LOW"] < direct["SHARE_STREETS"] < direct["SHARE_STREETS_HIGH"]


def test_narrower_and_wider_widths_against_shapely(tmp_path, habitat_provider):
    """A 400 m city, text widths of every kind, a park over a crossing: the ±25 % shares against shapely."""
    gpkg = tmp_path / "small.gpkg"
    streets = [
        (LineString([(0, 100), (400, 100)]), ["12 m", "primary"]),
        (LineString([(200, 0), (200, 400)]), ["40 ft", "secondary"]),
        (LineString([(0, 300), (400, 300)]), ["narrow", "residential"]),  # unreadable: class 10 m
        (LineString([(50, 0), (50, 400)]), ["5000", "footway"]),  # rejected: class 3 m
        (LineString([(0, 0), (400, 400)]), [None, "lane"]),
    ]  # no class in the table: default 10 m
    widths = [12.0, 40 * FT, 10.0, 3.0, 10.0]
    city, park = box(0, 0, 400, 400), box(150, 50, 250, 150)
    result = run(
        "habitat:sdg1171landshare",
        {
            "URBAN_EXTENT": write_layer(gpkg, "extent", "Polygon", 32650, [("name", "str")], [(city, ["Small"])]),
            "CITY_NAME_FIELD": "name",
            "PUBLIC_SPACES": write_layer(gpkg, "spaces", "Polygon", 32650, [], [(park, [])]),
            "STREETS": write_layer(gpkg, "streets", "LineString", 32650, [("width", "str"), ("kind", "str")], streets),
            "WIDTH_FIELD": "width",
            "CLASS_FIELD": "kind",
            "OUTPUT_STREET_AREA": "memory:",
            "OUTPUT_TABLE": str(tmp_path / "table.csv"),
            "OUTPUT_REPORT": str(tmp_path / "report.html"),
        },
    )
    shares = {}
    for factor in (0.75, 1.0, 1.25):
        corridors = unary_union(
            [line.buffer(width * factor / 2, cap_style=2, join_style=2) for (line, _), width in zip(streets, widths)]
        )
        shares[factor] = 100 * corridors.intersection(city).difference(park).area / city.area
    assert result["SHARE_STREETS"] == pytest.approx(shares[1.0])
    assert result["SHARE_STREETS_LOW"] == pytest.approx(shares[0.75])
    assert result["SHARE_STREETS_HIGH"] == pytest.approx(shares[1.25])
    assert (result["WIDTH_MEASURED"], result["WIDTH_CLASS"], result["WIDTH_DEFAULT"]) == (2, 2, 1)
    assert (result["WIDTH_REJECTED"], result["WIDTH_UNREADABLE"]) == (1, 1)
    (row,) = read_rows(tmp_path / "table.csv")
    assert float(row["street_lo"]) == pytest.approx(shares[0.75]) and float(row["street_hi"]) == pytest.approx(
        shares[1.25]
    )
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert f"with every width 25 % narrower the streets cover {shares[0.75]:.1f} %" in report
    assert f"with every width 25 % wider {shares[1.25]:.1f} %" in report
    assert "Share of street length (%)" in report and "5000" in report and "narrow" in report


def test_street_polygons_have_no_width_shares(tmp_path, habitat_provider):
    gpkg = tmp_path / "poly.gpkg"
    result = run(
        "habitat:sdg1171landshare",
        {
            "URBAN_EXTENT": write_layer(gpkg, "extent", "Polygon", 32650, [], [(box(0, 0, 100, 100), [])]),
            "PUBLIC_SPACES": write_layer(gpkg, "spaces", "Polygon", 32650, [], []),
            "STREET_POLYGONS": write_layer(gpkg, "streets", "Polygon", 32650, [], [(box(0, 45, 100, 55), [])]),
            "OUTPUT_STREET_AREA": "memory:",
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_REPORT": str(tmp_path / "r.html"),
        },
    )
    assert result["SHARE_STREETS"] == pytest.approx(10.0)
    assert result["SHARE_STREETS_LOW"] is None and result["SHARE_STREETS_HIGH"] is None
    assert "25 % narrower" not in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"INPUT": "no_highway"}, "neither a highway field nor"),
        ({"INPUT": "only_buildings"}, "No street was found"),
        ({"CLASS_WIDTHS": ["primary", -5]}, "a width must be more than 0"),
    ],
)
def test_streets_bad_input_is_named_and_writes_nothing(parameters, message, synthetic_osm, tmp_path, habitat_provider):
    gpkg = tmp_path / "bad.gpkg"
    named = {
        "no_highway": write_layer(
            gpkg, "roads", "LineString", 32650, [("kind", "str")], [(LineString([(0, 0), (10, 0)]), ["primary"])]
        ),
        "only_buildings": write_layer(
            gpkg,
            "walls",
            "LineString",
            32650,
            [("highway", "str")],
            [(LineString([(0, 0), (10, 0)]), ["construction"])],
        ),
    }
    out = tmp_path / "out.gpkg"
    values = {key: named.get(value, value) if isinstance(value, str) else value for key, value in parameters.items()}
    with pytest.raises(QgsProcessingException, match=message):
        run("habitat:streetsfromosm", {"INPUT": synthetic_osm, **values, "OUTPUT": str(out)})
    assert not out.exists()
