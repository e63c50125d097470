"""Write the tiny fixtures of the golden tests into test/golden/data/ (GDAL/OGR only, no QGIS).

Run it from the repository root with the project's Python when a fixture has to change:

    .venv/bin/python test/golden/make_fixtures.py

and then rewrite the expected tables (``HABITAT_GOLDEN_WRITE=1 pytest test/golden``) and check them by hand again
(test_golden_hand_checks.py). Every fixture is hand-sized so that its key numbers can be computed on paper; the
hand computations are in cases.py and test_golden_hand_checks.py. All layers are in EPSG:32650 (UTM 50N, metres).

Tiny Town (town.gpkg), the walking tools' fixture:

    y
    ^        P3 (100..140, 300..340), only in the quality layer: no street near it
    |
    |              S5 (300,0)-(300,100) "lane": default width
    |  P1          |                              P2 (880..920, -20..20): the street passes through it
    | [-60..0]=====S1=====+=====S2=====|=====S3=====[==]=====S4=====|====M1 (motorway)====
    +--0----------------300----------600---------900------------1200-----------1600---> x
                                      ^ district boundary West | East

Population points (total, women): A (100, 30) 10/6, B (250, -50) 20/9, C (500, 60) 30/14, D (1100, 10) 40/21,
E (1400, 20) 5/2, F (650, 150) 25/12.
"""

import csv
import json
import shutil
import sys
from pathlib import Path

import numpy as np
from shapely.geometry import LineString, Point, Polygon, box

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from test.data_files import write_layer, write_raster  # noqa: E402
from test.survey_answers import BEST, WORST  # noqa: E402

DATA = HERE / "data"
EPSG = 32650

# --- Tiny Town ----------------------------------------------------------------------------------------------------
STREETS = [  # (geometry, road_class, width_m, name)
    (LineString([(0, 0), (300, 0)]), "residential", 12.0, "S1"),
    (LineString([(300, 0), (600, 0)]), "residential", 12.0, "S2"),
    (LineString([(600, 0), (900, 0)]), "residential", None, "S3"),  # class table: 10 m
    (LineString([(900, 0), (1200, 0)]), "primary", None, "S4"),  # class table: 25 m
    (LineString([(300, 0), (300, 100)]), "lane", None, "S5"),  # not in the table: default 10 m
    (LineString([(1200, 0), (1600, 0)]), "motorway", None, "M1"),  # 30 m; nobody walks along it
]
P1, P2, P3 = box(-60, -30, 0, 30), box(880, -20, 920, 20), box(100, 300, 140, 340)
PARKS = [(P1, [1, "West Park", "park", "public", "no"]), (P2, [2, "East Square", "square", "public", "no"])]
PEOPLE = [
    ((100, 30), "A", 10, 6),
    ((250, -50), "B", 20, 9),
    ((500, 60), "C", 30, 14),
    ((1100, 10), "D", 40, 21),
    ((1400, 20), "E", 5, 2),
    ((650, 150), "F", 25, 12),
]
WEST, EAST = box(-100, -200, 600, 200), box(600, -200, 1700, 200)
EXTENT = box(-100, -200, 1500, 200)
CANDIDATES = [  # (geometry, name, cost)
    (box(470, -60, 530, -20), "Mid lot", 100.0),  # 20 m south of S2: C walks 60 + 20
    (box(1180, 20, 1240, 60), "East lot", 50.0),  # 20 m from the end of S4: E walks 201 + 20
    (box(2000, 2000, 2050, 2050), "Far lot", 10.0),  # no street near it
]
DIMENSIONS = ["accessibility", "use", "comfort", "safety", "green", "facilities", "maintenance"]
QUALITY = [  # (geometry, space_id, name, quality_index, dimension scores, submissions)
    (P1, "1", "West Park", 40.0, [50, 30, 20, 60, 40, 30, 50], 2),
    (P2, "2", "East Square", 80.0, [90, 80, 70, 90, 60, 80, 90], 1),
    (P3, "3", "North Green", None, [None] * 7, 0),
]
RAW_SPACES = [  # the inventory's input: (geometry, sid, name, kind, access, fee)
    (P1, 1, "West Park", "Park", "public", "no"),
    (P2, 2, "East Square", "plaza", None, None),
    (box(100, 50, 150, 100), 3, "Club Garden", "private garden", None, None),
    (box(700, 50, 800, 150), 4, "Pay Park", "park", None, "yes"),
    (box(300, -150, 330, -120), 5, "Gated Green", "common", "private", None),
    (box(1000, 50, 1300, 150), 6, "Mystery", "meadow", None, None),
    (Polygon([(400, 100), (500, 200), (500, 100), (400, 200)]), 7, "Bowtie", "playground", None, None),  # invalid
    (None, 8, "Lost Park", "park", None, None),  # no geometry
]
# The population grid: 3 x 3 cells of 100 m, centres x 50/150/250, y 100/0/-100; one nodata cell.
NODATA = -9999.0
POPULATION_TOTAL = [[10, 20, 30], [40, 50, 60], [NODATA, 80, 90]]
POPULATION_CHILDREN = [[2, 4, 6], [8, 10, 12], [NODATA, 16, 18]]


def tiny_town():
    gpkg = DATA / "town.gpkg"
    write_layer(
        gpkg,
        "streets",
        "LineString",
        EPSG,
        [("name", "str"), ("road_class", "str"), ("width_m", "real")],
        [(line, [name, road_class, width]) for line, road_class, width, name in STREETS],
    )
    fields = [("ps_id", "int"), ("name", "str"), ("ps_type", "str"), ("access", "str"), ("fee", "str")]
    write_layer(gpkg, "parks", "Polygon", EPSG, fields, PARKS)
    write_layer(
        gpkg,
        "people",
        "Point",
        EPSG,
        [("name", "str"), ("total", "real"), ("women", "real")],
        [(Point(xy), [name, total, women]) for xy, name, total, women in PEOPLE],
    )
    write_layer(gpkg, "districts", "Polygon", EPSG, [("name", "str")], [(WEST, ["West"]), (EAST, ["East"])])
    write_layer(gpkg, "extent", "Polygon", EPSG, [("name", "str")], [(EXTENT, ["Tiny Town"])])
    write_layer(
        gpkg,
        "cities",
        "Polygon",
        EPSG,
        [("city", "str")],
        [(EXTENT, ["Tiny Town"]), (box(5000, 5000, 6000, 6000), ["Other Town"])],
    )
    write_layer(
        gpkg,
        "candidates",
        "Polygon",
        EPSG,
        [("name", "str"), ("cost", "real")],
        [(shape, [name, cost]) for shape, name, cost in CANDIDATES],
    )
    write_layer(
        gpkg,
        "quality",
        "Polygon",
        EPSG,
        [("space_id", "str"), ("name", "str"), ("quality_index", "real")]
        + [(f"q_{d}", "real") for d in DIMENSIONS]
        + [("submissions", "int")],
        [(shape, [sid, name, index] + scores + [count]) for shape, sid, name, index, scores, count in QUALITY],
    )
    # As the upgrade tool ranks the three spaces (the golden case publicspaceupgrade_town), for the scorecard.
    write_layer(
        gpkg,
        "upgrade_ranks",
        "Polygon",
        EPSG,
        [("space_id", "str"), ("rank", "int")],
        [(P1, ["1", 2]), (P2, ["2", 1]), (P3, ["3", 3])],
    )
    # As the gaps tool finds the cluster of C (the golden case publicspacegaps_town), for the scorecard.
    write_layer(
        gpkg,
        "gap_clusters",
        "Polygon",
        EPSG,
        [("cluster", "int"), ("pop_total", "real")],
        [(box(450, 50, 550, 150), [1, 30.0])],
    )
    write_layer(
        gpkg,
        "spaces_raw",
        "Polygon",
        EPSG,
        [("sid", "int"), ("name", "str"), ("kind", "str"), ("access", "str"), ("fee", "str")],
        [(shape, [sid, name, kind, access, fee]) for shape, sid, name, kind, access, fee in RAW_SPACES],
    )
    bands = [np.array(POPULATION_TOTAL, float), np.array(POPULATION_CHILDREN, float)]
    write_raster(
        DATA / "town_population.tif", bands, (0.0, 150.0), 100.0, EPSG, nodata=NODATA, names=["total", "children"]
    )
    # An earlier scorecard of the same districts, as the scorecard's table (CSV) of a run in 2020.
    with open(DATA / "scorecard_2020.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["district", "level", "year", "population", "served_pct", "served_pct_women", "ops_share_pct"])
        writer.writerow(["West", "district", "2020", "50", "40", "45", "1"])
        writer.writerow(["East", "district", "2020", "70", "90", "", "0.5"])
        writer.writerow(["Tiny Town", "city", "2020", "120", "70", "70", "0.75"])


# --- Urban extent: two dates of a 20 x 20 grid of 100 m cells ------------------------------------------------------
def built_up(block, hole=None, rural=True):
    share = np.zeros((20, 20), dtype=float)
    (r0, r1), (c0, c1) = block
    share[r0:r1, c0:c1] = 1.0
    if hole:
        (h0, h1), (k0, k1) = hole
        share[h0:h1, k0:k1] = 0.0
    if rural:
        share[0, 19] = 1.0  # a lone built-up cell in the corner: rural built-up
    share[19, 0] = NODATA  # one cell without data
    return share


def urban_extent():
    origin = (0.0, 2000.0)
    # 2020: a 12 x 12 block (rows and columns 4..15) with a 4 x 4 open hole (8..11): the hole's middle 2 x 2 cells
    # are 200 m from any built cell, so neither fringe nor reachable from the edge: captured open space.
    write_raster(
        DATA / "builtup_2020.tif",
        [built_up(((4, 16), (4, 16)), ((8, 12), (8, 12)))],
        origin,
        100.0,
        EPSG,
        nodata=NODATA,
    )
    write_raster(DATA / "builtup_2010.tif", [built_up(((6, 14), (6, 14)))], origin, 100.0, EPSG, nodata=NODATA)
    write_layer(
        DATA / "urban.gpkg",
        "places",
        "Point",
        EPSG,
        [("name", "str"), ("pop_2020", "real"), ("pop_2010", "real")],
        [(Point(1000, 1000), ["Tiny Town", 10000.0, 8000.0]), (Point(1950, 1950), ["Hamlet", 50.0, 40.0])],
    )


# --- Candidate sites: a 10 x 10 grid of 20 m cells -----------------------------------------------------------------
def open_land():
    origin = (0.0, 200.0)
    share = np.full((10, 10), 0.9)
    share[2:6, 2:6] = 0.1  # an 80 x 80 m open block (x 40..120, y 80..160), cut by a street at x = 80
    share[7:9, 1:3] = 0.0  # a 40 x 40 m block: 1600 m², smaller than the smallest site
    share[7:9, 6:9] = 0.15  # a 60 x 40 m block under an existing park: excluded
    write_raster(DATA / "openland.tif", [share], origin, 20.0, EPSG, nodata=NODATA)
    gpkg = DATA / "openland.gpkg"
    write_layer(gpkg, "extent", "Polygon", EPSG, [("name", "str")], [(box(0, 0, 180, 200), ["Block town"])])
    write_layer(
        gpkg, "streets", "LineString", EPSG, [("name", "str")], [(LineString([(80, 40), (80, 200)]), ["North road"])]
    )
    write_layer(gpkg, "parks", "Polygon", EPSG, [("name", "str")], [(box(120, 20, 180, 60), ["Pocket park"])])


# --- Spatial development framework: a region of five settlements ---------------------------------------------------
SETTLEMENTS = [  # name, x, y, presence (school, clinic, market, bank), literacy, water, poverty
    ("Alpha", 0, 0, (1, 1, 1, 1), 90.0, 80.0, 10.0),
    ("Bravo", 10000, 0, (1, 1, 1, 0), 80.0, 60.0, 20.0),
    ("Charlie", 0, 10000, (1, 0, 1, 0), 70.0, 70.0, 30.0),
    ("Delta", 10000, 10000, (1, 0, 0, 1), 60.0, 40.0, 40.0),
    ("Echo", 20000, 1000, (0, 0, 0, 0), 50.0, None, 50.0),
]
# What the functional analysis and the development index give (golden cases sdffunctions_*, sdfdevelopmentindex_*),
# stored on the settlements for the accessibility and priority tools.
LEVELS = {"Alpha": 1, "Bravo": 2, "Charlie": 2, "Delta": 2, "Echo": 3}
CENTRALITY = {
    "Alpha": 100 / 4 + 100 / 2 + 100 / 3 + 100 / 2,
    "Bravo": 100 / 4 + 100 / 2 + 100 / 3,
    "Charlie": 100 / 4 + 100 / 3,
    "Delta": 100 / 4 + 100 / 2,
    "Echo": 0.0,
}
DEV_INDEX = {"Alpha": 100.0, "Bravo": 200 / 3, "Charlie": 175 / 3, "Delta": 50 / 3, "Echo": 0.0}
TRAVEL = {"Alpha": 0.0, "Bravo": 10.0, "Charlie": 15.0, "Delta": 90.0, "Echo": None}
ROADS = [  # (line, class): speeds 60, 50, 40, 15 and the default 30 km/h
    (LineString([(0, 0), (10000, 0)]), "primary"),
    (LineString([(10000, 0), (20000, 0)]), "secondary"),
    (LineString([(0, 0), (0, 10000)]), "tertiary"),
    (LineString([(0, 10000), (10000, 10000)]), "track"),
    (LineString([(10000, 0), (10000, 10000)]), "dirt"),
]
FACILITIES = [  # (x, y, function): each within 500 m of its settlement; one 3 km from any
    (100, 0, "school"),
    (0, 200, "clinic"),
    (-300, 0, "market"),
    (0, -100, "bank"),
    (50, 50, "school"),
    (10200, 0, "school"),
    (10000, 300, "clinic"),
    (9900, 100, "market"),
    (0, 10100, "school"),
    (200, 10000, "market"),
    (10000, 9800, "school"),
    (9700, 10000, "bank"),
    (23000, 1000, "market"),  # 3 km east of Echo: beyond the search distance
    (20100, 1000, ""),  # no function: left out
]


def region():
    gpkg = DATA / "region.gpkg"
    fields = [
        ("name", "str"),
        ("f_school", "int"),
        ("f_clinic", "int"),
        ("f_market", "int"),
        ("f_bank", "int"),
        ("literacy", "real"),
        ("water", "real"),
        ("poverty", "real"),
        ("level", "int"),
        ("centrality", "real"),
        ("dev_index", "real"),
        ("time_l1", "real"),
    ]
    rows = []
    for name, x, y, presence, literacy, water, poverty in SETTLEMENTS:
        rows.append(
            (
                Point(x, y),
                [
                    name,
                    *presence,
                    literacy,
                    water,
                    poverty,
                    LEVELS[name],
                    CENTRALITY[name],
                    DEV_INDEX[name],
                    TRAVEL[name],
                ],
            )
        )
    write_layer(gpkg, "settlements", "Point", EPSG, fields, rows)
    write_layer(
        gpkg,
        "facilities",
        "Point",
        EPSG,
        [("function", "str")],
        [(Point(x, y), [function or None]) for x, y, function in FACILITIES],
    )
    write_layer(gpkg, "roads", "LineString", EPSG, [("highway", "str")], [(line, [kind]) for line, kind in ROADS])
    # The scenario (habitat:sdfscenario): the track from Charlie to Delta upgraded to a primary road.
    write_layer(
        gpkg,
        "scenario_roads",
        "LineString",
        EPSG,
        [("highway", "str")],
        [(LineString([(0, 10000), (10000, 10000)]), ["primary"])],
    )
    write_layer(
        gpkg,
        "corridor",
        "LineString",
        EPSG,
        [("name", "str")],
        [(LineString([(-5000, 0), (25000, 0)]), ["Valley road"])],
    )


# --- OpenStreetMap extracts, as GDAL's OSM driver gives them (other_tags) ------------------------------------------
def tags(**pairs):
    return ",".join(f'"{key}"=>"{value}"' for key, value in pairs.items()) or None


OSM_POLYGONS = [  # (geometry, osm_id, name, leisure, landuse, amenity, other_tags)
    (box(0, 0, 200, 200), "101", "Big Park", "park", None, None, None),
    (box(50, 50, 100, 100), "102", "Play corner", "playground", None, None, None),  # inside 101: a duplicate
    (box(300, 0, 400, 100), "103", "North School", None, None, "school", None),  # needs review: not counted
    (box(320, 20, 340, 40), "104", "School playground", "playground", None, None, None),  # inside 103, counted
    (box(500, 0, 550, 50), "105", "Villa garden", "garden", None, None, tags(access="private")),
    (box(600, 0, 650, 30), "106", "Tennis club", "pitch", None, None, tags(fee="yes")),
    (box(700, 0, 720, 20), "107", "Town hall", None, None, None, tags(building="yes")),  # no public space tag
    (Polygon([(800, 0), (900, 100), (900, 0), (800, 100)]), "108", "Bowtie green", "park", None, None, None),
]
OSM_LINES = [  # (line, osm_id, name, highway, other_tags); each 100 m long
    (LineString([(0, 0), (100, 0)]), "201", "Main street", "residential", tags(width="12")),
    (LineString([(100, 0), (200, 0)]), "202", "High road", "primary", None),
    (LineString([(200, 0), (300, 0)]), "203", "Ring motorway", "motorway", None),
    (LineString([(300, 0), (400, 0)]), "204", "Private drive", "service", tags(access="private")),
    (LineString([(400, 0), (500, 0)]), "205", "Closed path", "footway", tags(foot="no")),
    (LineString([(500, 0), (600, 0)]), "206", "Old trunk", "trunk", tags(foot="yes")),
    (LineString([(600, 0), (700, 0)]), "207", "Feet street", "residential", tags(width="40 ft")),
    (LineString([(700, 0), (800, 0)]), "208", "Typo street", "residential", tags(width="300")),
    (LineString([(800, 0), (900, 0)]), "209", "Farm track", "track", tags(width="wide")),
    (LineString([(900, 0), (1000, 0)]), "210", "Bus stop", "bus_stop", None),  # not a street class
]


def osm():
    gpkg = DATA / "osm.gpkg"
    write_layer(
        gpkg,
        "multipolygons",
        "Polygon",
        EPSG,
        [
            ("osm_id", "str"),
            ("name", "str"),
            ("leisure", "str"),
            ("landuse", "str"),
            ("amenity", "str"),
            ("other_tags", "str"),
        ],
        [
            (shape, [osm_id, name, leisure, landuse, amenity, other])
            for shape, osm_id, name, leisure, landuse, amenity, other in OSM_POLYGONS
        ],
    )
    write_layer(
        gpkg,
        "lines",
        "LineString",
        EPSG,
        [("osm_id", "str"), ("name", "str"), ("highway", "str"), ("other_tags", "str")],
        [(line, [osm_id, name, highway, other]) for line, osm_id, name, highway, other in OSM_LINES],
    )


# --- Public space survey: three squares near (500000, 3500000) and a KoboToolbox export -----------------------------
SURVEY_SQUARES = {
    "11": box(500000, 3500000, 500100, 3500100),
    "12": box(500300, 3500000, 500400, 3500100),
    "13": box(500600, 3500000, 500700, 3500100),
}
# Space 13: one visit, every dimension answered with middling answers (hand computation in cases.py).
MIDDLE = {
    "space_type": "park",
    "universal_access": "partly",
    "opening_hours": "daytime",
    "entry_fee": "no",
    "barriers": ["fence", "steps"],
    "users_women": 3,
    "users_men": 1,
    "users_children": 4,
    "users_youth": 0,
    "users_adults": 0,
    "users_older": 0,
    "users_disability": 0,
    "activities": ["sitting", "walking", "play"],
    "seating": "some",
    "shade": "none",
    "toilets": "no",
    "drinking_water": "yes",
    "lighting": "partly",
    "safety_women": "unsafe",
    "safety_men": "safe",
    "visibility": "partly",
    "incidents": "few",
    "green_cover_pct": 40,
    "trees": "some",
    "amenities": ["bins", "signage"],
    "facility_condition": "fair",
    "cleanliness": "dirty",
    "vegetation_upkeep": "fair",
    "vandalism": "many",
}


def lat_lon(x, y):
    from osgeo import osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(EPSG)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(source, target).TransformPoint(x, y)
    return round(lat, 8), round(lon, 8)


def survey():
    from kobo_export import write_export

    write_layer(
        DATA / "survey.gpkg",
        "spaces",
        "Polygon",
        EPSG,
        [("sid", "str"), ("name", "str")],
        [(shape, [sid, f"Space {sid}"]) for sid, shape in SURVEY_SQUARES.items()],
    )

    def submission(n, values, space_id=None, gps=None):
        meta = {
            "start": "2026-10-01T09:00:00+08:00",
            "end": "2026-10-01T09:20:00+08:00",
            "today": "2026-10-01",
            "deviceid": "collect:golden",
            "form_version": "2026.1",
            "_uuid": f"uuid-{n}",
            "_submission_time": "2026-10-01T10:00:00",
        }
        return dict(meta, space_id=space_id, gps=gps, **values)

    submissions = [
        submission(1, BEST, "11", lat_lon(500050, 3500050)),
        submission(2, WORST, "12", None),
        submission(3, MIDDLE, "13", lat_lon(500650, 3500050)),
        submission(4, {"universal_access": "yes"}, None, lat_lon(501500, 3500050)),  # 800 m from every space
    ]
    form = ROOT / "resources" / "sample_data" / "survey" / "public_space_survey_form.xlsx"
    write_export(form, submissions, DATA / "survey_export.csv", "names", delimiter=",")


# --- Plan assessment: a framework of two themes and four criteria, three scorecards --------------------------------
def levels():
    return {str(k): {"en": f"Level {k}", "zh": f"等级 {k}"} for k in range(4)}


FRAMEWORK = {
    "id": "golden-plan",
    "version": "1",
    "name": {"en": "Golden test framework", "zh": "黄金测试框架"},
    "source": {"en": "Written for the golden tests.", "zh": "为黄金测试编写。"},
    "themes": [
        {
            "id": "vision",
            "name": {"en": "Vision", "zh": "愿景"},
            "criteria": [
                {"id": "c1", "question": {"en": "A vision?", "zh": "愿景？"}, "weight": 1, "levels": levels()},
                {"id": "c2", "question": {"en": "Targets?", "zh": "目标？"}, "weight": 1, "levels": levels()},
            ],
        },
        {
            "id": "delivery",
            "name": {"en": "Delivery", "zh": "实施"},
            "criteria": [
                {"id": "c3", "question": {"en": "A budget?", "zh": "预算？"}, "weight": 2, "levels": levels()},
                {"id": "c4", "question": {"en": "Monitoring?", "zh": "监测？"}, "weight": 1, "levels": levels()},
            ],
        },
    ],
}


def plan_cards():
    (DATA / "plan").mkdir(exist_ok=True)
    with open(DATA / "plan" / "framework.json", "w", encoding="utf-8") as handle:
        json.dump(FRAMEWORK, handle, ensure_ascii=False, indent=1)

    def csv_card(path, meta, scores):
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            for key, value in meta.items():
                writer.writerow([key, value])
            writer.writerow([])
            writer.writerow(["criterion", "score", "comment", "evidence"])
            for criterion, score in scores.items():
                writer.writerow([criterion, score, "", ""])

    meta = {
        "framework": "golden-plan",
        "framework_version": "1",
        "plan": "Tiny Plan",
        "city": "Tiny Town",
        "year": 2026,
    }
    csv_card(DATA / "plan" / "tiny_2026_ana.csv", dict(meta, assessor="Ana"), {"c1": 3, "c2": 3, "c3": 1, "c4": "NA"})
    with open(DATA / "plan" / "tiny_2026_bo.json", "w", encoding="utf-8") as handle:
        json.dump(
            dict(
                meta,
                assessor="Bo",
                scores={
                    c: {"score": s, "comment": "", "evidence": ""}
                    for c, s in {"c1": 3, "c2": 1, "c3": 1, "c4": 2}.items()
                },
            ),
            handle,
            indent=1,
        )
    csv_card(
        DATA / "plan" / "tiny_2016_ana.csv",
        dict(meta, plan="Old Plan", year=2016, assessor="Ana"),
        {"c1": 1, "c2": 1, "c3": 0, "c4": "NA"},
    )


def main():
    if DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir()
    tiny_town()
    urban_extent()
    open_land()
    region()
    osm()
    survey()
    plan_cards()
    print(f"fixtures written to {DATA}")


if __name__ == "__main__":
    main()
