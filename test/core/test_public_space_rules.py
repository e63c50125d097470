"""Rules the public space recipes used to hold, now in the core: values read from layers, the district a feature
belongs to, the width a street gets, the inventory's classification, the OSM draft's records, the upgrade ranking
rows and the walking service area. Each checked by hand or brute force."""

import math

import numpy as np
import pytest
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union

from habitat_planning_plugin.core.public_space import inventory, osm, report_values, scorecard, upgrade
from habitat_planning_plugin.core.public_space.access import edge_distances, public_space_access, service_area
from habitat_planning_plugin.core.public_space.groups import group_index
from habitat_planning_plugin.core.public_space.street_width import (
    CLASS,
    DEFAULT,
    MEASURED,
    SOURCE_LABELS,
    WidthPolicy,
    WidthTally,
    record_width,
)
from habitat_planning_plugin.core.text import HabitatError


class Null:
    """What QGIS gives for an empty attribute: a value whose isNull() is true."""

    def isNull(self):  # noqa: N802 - the QGIS name
        return True


# --- values read and written ---


def test_numbers_read_from_cells():
    number = report_values.number
    assert number(None) is None and number(Null()) is None and number("") is None and number("park") is None
    assert number(3) == 3.0 and number(" 7.5 ") == 7.5 and number("'-2") == -2.0  # a spreadsheet-safe cell
    assert number(math.inf) is None and number("nan") is None and number(True) == 1.0
    assert math.isnan(report_values.number_or_nan(Null())) and report_values.number_or_nan("4") == 4.0
    assert report_values.finite_or_none(math.nan) is None and report_values.finite_or_none(np.float64(2)) == 2.0


def test_numbers_and_lists_as_written():
    assert report_values.whole_number(1234567.5) == "1,234,568"
    assert report_values.pct(None) == "—" and report_values.pct(math.nan) == "—" and report_values.pct(12.345) == "12.3"
    assert report_values.listed(["a", "b", "c"], 2) == "a, b …" and report_values.listed(["a", "b"], 2) == "a, b"
    assert report_values.cell(math.inf, "real") is None and report_values.cell(3.0, "int") == 3
    assert report_values.cell("x", "str") == "x" and report_values.cell(None, "int") is None


# --- the district a feature belongs to ---

DISTRICTS = [box(0, 0, 100, 100), box(100, 0, 200, 100)]


def test_located_by_representative_point_then_by_name():
    # An L-shaped space mostly in the west whose centroid lies outside it: its representative point decides.
    ell = Polygon([(10, 10), (190, 10), (190, 20), (20, 20), (20, 90), (10, 90)])
    bow_tie = Polygon([(110, 10), (190, 90), (190, 10), (110, 90)])  # invalid: repaired, then placed east
    empty = Point(50, 50).buffer(0)  # an empty polygon: no point to place it by, so its district field decides
    shapes = [ell, box(150, 40, 160, 50), None, None, None, bow_tie, box(300, 0, 310, 10), empty]
    named = [None, None, "East", "Nowhere", None, None, None, "East"]
    owner, placed = scorecard.located(shapes, named, DISTRICTS, ["West", "East"])
    point = ell.representative_point()
    expected_ell = 0 if point.x < 100 else 1
    assert owner.tolist() == [expected_ell, 1, 1, -1, -1, 1, -1, 1]
    assert placed.tolist() == [True, True, True, True, False, True, True, True]


def test_located_agrees_with_shapely_containment():
    rng = np.random.default_rng(4)
    shapes = [
        box(x, y, x + w, y + w)
        for x, y, w in zip(rng.uniform(-20, 200, 200), rng.uniform(-20, 100, 200), rng.uniform(1, 15, 200))
    ]
    owner, placed = scorecard.located(shapes, None, DISTRICTS, ["West", "East"])
    expected = [
        next((k for k, d in enumerate(DISTRICTS) if d.intersects(s.representative_point())), -1) for s in shapes
    ]
    assert placed.all() and owner.tolist() == expected


def test_main_district_is_the_largest_overlap():
    spaces = [box(60, 10, 120, 20), box(90, 10, 150, 20), box(95, 10, 105, 20), box(300, 0, 310, 10), None]
    found = inventory.main_districts(spaces, DISTRICTS)
    expected = []
    for space in spaces:
        overlaps = [space.intersection(d).area if space is not None else 0.0 for d in DISTRICTS]
        expected.append(int(np.argmax(overlaps)) if max(overlaps) > 0 else -1)
    assert found == expected == [0, 1, 0, -1, -1]  # equal halves: the first district
    assert inventory.main_districts(spaces, []) == [-1] * 5


def test_district_population_by_hand():
    points = np.array([(10, 10), (150, 50), (100.0, 50), (500, 500)])
    weights = np.array([[5, 2], [7, 3], [11, 4], [13, 6]], dtype=float)
    # (100, 50) lies on the shared edge: counted in the first district only.
    assert inventory.district_population(points, weights, DISTRICTS) == [16.0, 7.0]
    assert inventory.district_population(np.zeros((0, 2)), np.zeros((0, 1)), DISTRICTS) == [0.0, 0.0]


# --- the population group named by the user ---


def test_group_index():
    groups = ["total", "female", "children_0_14"]
    assert group_index("", groups) == 0 and group_index(None, groups) == 0
    assert group_index(" Female ", groups) == 1 and group_index("3", groups) == 2
    with pytest.raises(HabitatError, match='"elderly" is not in the population input; give one of: total, female'):
        group_index("elderly", groups)
    with pytest.raises(HabitatError):
        group_index("4", groups)


# --- the width a street gets ---


def test_record_width_counts_where_each_width_came_from():
    policy, tally = WidthPolicy({"primary": 25.0}, default_width=10.0), WidthTally()
    assert record_width(policy, tally, "12 m", "primary", 100.0) == 12.0
    assert record_width(policy, tally, "narrow", "primary", 50.0) == 25.0
    assert record_width(policy, tally, None, "alley", 30.0) == 10.0
    # A width the OSM streets tool took from its class table is written in the width field, but counts as such.
    assert record_width(policy, tally, 20.0, "primary", 40.0, SOURCE_LABELS[CLASS]) == 20.0
    assert record_width(policy, tally, 9.0, None, 10.0, "something else") == 9.0
    assert record_width(policy, tally, 5000, None, 5.0, SOURCE_LABELS[CLASS]) == 10.0  # rejected: the default
    assert tally.count == {MEASURED: 2, CLASS: 2, DEFAULT: 2}
    assert tally.length_m == {MEASURED: 110.0, CLASS: 90.0, DEFAULT: 35.0}
    assert tally.unreadable == 1 and tally.rejected == 1


# --- the inventory's classification ---


def test_type_mapping_from_a_table():
    assert inventory.type_mapping([]) == inventory.DEFAULT_TYPE_MAPPING
    assert inventory.type_mapping([" Park ", "PARK", "lot", "not_counted"]) == {"park": "park", "lot": "not_counted"}
    for table, message in (
        (["park"], "without a category"),
        (["park", "forest"], "use one of"),
        (["", "park"], "without a type value"),
        (["park", "park", "Park", "square"], "twice, as park and as square"),
    ):
        with pytest.raises(HabitatError, match=message):
            inventory.type_mapping(table)


def test_classify_spaces_by_hand():
    mapping = {"park": "park", "lot": inventory.NOT_COUNTED}
    result = inventory.classify_spaces(
        ["Park", "lot", "", None, "zoo", "park", "park", "zoo"],
        mapping,
        [None, None, None, None, None, "private", None, None],
        [None, None, None, None, None, None, "yes", None],
        [True, True, True, True, True, True, True, False],
    )
    assert result.categories == [
        "park",
        "not_counted",
        "not_counted",
        "not_counted",
        "not_counted",
        "park",
        "park",
        "not_counted",
    ]
    assert result.counted == [True, False, False, False, False, False, False, False]
    assert result.reasons == [
        None,
        "type",
        "unknown_type",
        "unknown_type",
        "unknown_type",
        "access",
        "fee",
        inventory.NO_GEOMETRY,
    ]
    assert result.untyped == 2 and result.unknown == {"zoo": 2}
    assert inventory.reason_text(None) is None and inventory.reason_text("fee") == "entry is not free"
    assert inventory.reason_text(inventory.NO_GEOMETRY) == "no usable polygon geometry"


# --- the OpenStreetMap draft ---


def test_candidate_space_records():
    assert osm.candidate_space("w1", {"building": "yes"}) is None
    park = osm.candidate_space("w2", {"leisure": "park", "name": "Central"})
    assert park == {
        "id": "w2",
        "name": "Central",
        "category": "park",
        "counted": True,
        "reason": None,
        "tags": {"leisure": "park", "name": "Central"},
        "shape": None,
        "absorbed": [],
        "type": "leisure=park",
        "review": None,
    }
    school = osm.candidate_space("w3", {"amenity": "school"})
    assert (school["category"], school["counted"], school["reason"], school["review"]) == (
        "public_facility",
        False,
        "review",
        "school_grounds",
    )
    assert osm.candidate_space("w3", {"amenity": "school"}, "all")["counted"]
    assert osm.inventory_type(school) == inventory.NOT_COUNTED and osm.inventory_type(park) == "park"
    private = osm.candidate_space("w4", {"leisure": "pitch", "access": "private"})
    assert osm.inventory_type(private) == "public_facility"  # not counted for access: the inventory sees it too
    kept = [
        park,
        school,
        osm.candidate_space("w5", {"leisure": "pitch"}),
        private,
        osm.candidate_space("w6", {"amenity": "school"}, "all"),
    ]
    assert osm.review_tally(kept) == {"amenity=school": (2, 1), "leisure=pitch": (2, 1)}


# --- the upgrade ranking ---


def test_group_fields_are_unique_field_names():
    assert upgrade.group_fields(["total", "Women 15+", "women_15", "女"]) == [
        "dep_total",
        "dep_women_15",
        "dep_women_15_3",
        "dep_group_4",
    ]


def test_ranking_rows_by_hand():
    result = upgrade.Dependants(
        graph=None,
        vertex_distance=None,
        vertex_space=None,
        point_space=None,
        point_distance=None,
        people=np.array([[140.0, 85.0], [200.0, 90.0], [80.0, 30.0]]),
        entrances=np.array([1, 1, 1]),
    )
    quality = np.array([40.0, 80.0, np.nan])
    scores = np.array([[30.0, 50.0], [90.0, 70.0], [np.nan, np.nan]])
    scored = upgrade.priority_scores(quality, result.people[:, 0], 1.0, 1.0)
    rows, order = upgrade.ranking_rows(
        ["a", "b", "c"], ["A", "B", "C"], ["W", None, "E"], quality, ["Safety", "Comfort"], scores, result, scored
    )
    # A: need 50 x 0.6 = 30, people 50 x 140 / 200 = 35; B: 10 + 50; C has no quality index: last.
    assert order.tolist() == [0, 1, 2]
    assert rows[0] == ["a", "A", "W", 1, 40.0, "Safety", 30.0, "Comfort", 50.0, 140.0, 140.0, 85.0, 30.0, 35.0, 65.0, 1]
    assert rows[1] == [
        "b",
        "B",
        None,
        1,
        80.0,
        "Comfort",
        70.0,
        "Safety",
        90.0,
        200.0,
        200.0,
        90.0,
        10.0,
        50.0,
        60.0,
        2,
    ]
    assert rows[2] == ["c", "C", "E", 0, None, None, None, None, None, 80.0, 80.0, 30.0, None, None, None, 3]


# --- the walking service area ---


def test_service_area_is_the_reachable_street_pieces_buffered():
    # One street 0..1000 m along x, a space at its west end: within 400 m lie the first 400 m of it.
    lines = [np.array([(0.0, 0.0), (200.0, 0.0), (1000.0, 0.0)]), np.array([(200.0, 0.0), (200.0, 300.0)])]
    result = public_space_access(
        lines,
        [box(-10, -10, 0, 10)],
        np.array([(100.0, 5.0)]),
        np.array([[1.0]]),
        ["total"],
        max_distance=400.0,
        entry_tolerance=0.0,
        distance_limit=800.0,
        straight_line=False,
    )
    np.testing.assert_allclose(np.sort(edge_distances(result)), [0.0, 200.0, 200.0])
    area = service_area(result.graph, result.vertex_distance, 400.0, 25.0)
    walked = unary_union([LineString([(0, 0), (400, 0)]), LineString([(200, 0), (200, 200)])]).buffer(25.0, 4)
    assert area.symmetric_difference(walked).area < 1.0
    assert service_area(result.graph, np.full(result.graph.n_vertices, np.inf), 400.0, 25.0) is None
