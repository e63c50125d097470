"""The one street-width policy: OSM width strings read by hand, class table and default, counts; walkability."""

import pytest

from habitat_planning_plugin.core.public_space.osm import (
    PRIVATE,
    WALK_ACCESS,
    WALK_CLASS,
    WALK_FOOT,
    street_walkability,
)
from habitat_planning_plugin.core.public_space.street_width import (
    CLASS,
    CLASS_WIDTHS,
    DEFAULT,
    MEASURED,
    MISSING,
    OK,
    REJECTED,
    UNREADABLE,
    WidthPolicy,
    WidthTally,
    class_width_table,
    parse_width,
    policy_from_table,
    road_class_list,
    source_of_label,
)
from habitat_planning_plugin.core.text import HabitatError

FT, IN = 0.3048, 0.0254

# Width values as found on OSM ways, with the metres a careful reader takes from them (by hand) or the verdict.
OSM_WIDTHS = [
    ("12", 12.0, OK),
    ("12 m", 12.0, OK),
    ("12.5m", 12.5, OK),
    ("12,5", 12.5, OK),
    ("7,5", 7.5, OK),
    ("2.5", 2.5, OK),
    ("3 m", 3.0, OK),
    ("3.5 metres", 3.5, OK),
    ("4 meters", 4.0, OK),
    ("1.5", 1.5, OK),  # the lower limit itself is kept
    ("80", 80.0, OK),  # and the upper
    ("12'", 12 * FT, OK),
    ("12'6\"", 12 * FT + 6 * IN, OK),
    ("12' 6\"", 12 * FT + 6 * IN, OK),  # the space the OSM wiki calls a mistake, still clear
    ("16'3\"", 16 * FT + 3 * IN, OK),  # the OSM wiki's own example
    ("40 ft", 40 * FT, OK),
    ("20ft", 20 * FT, OK),
    ("12 ft 6 in", 12 * FT + 6 * IN, OK),
    ("10-12", 11.0, OK),
    ("10 - 12 m", 11.0, OK),
    ("8m-10m", 9.0, OK),
    ("10–12", 11.0, OK),  # en dash
    ("10 to 12 ft", 11 * FT, OK),
    ("10;12", 11.0, OK),
    ("6 m;8 m", 7.0, OK),
    ("3;4;5", 4.0, OK),
    ("~6", 6.0, OK),
    ("ca. 6", 6.0, OK),
    ("approximately 6", 6.0, OK),
    ("250 cm", 2.5, OK),
    ("5米", 5.0, OK),
    (" 6 ", 6.0, OK),
    ("5000", 5000.0, REJECTED),  # millimetres written as metres
    ("1,200", 1200.0, REJECTED),  # thousands separator
    ("1.2", 1.2, REJECTED),
    ("0", 0.0, REJECTED),
    ("-3", -3.0, REJECTED),
    ("100", 100.0, REJECTED),
    ("0.6 mi", 0.6 * 1609.344, REJECTED),
    ("2 km", 2000.0, REJECTED),
    ('6"', 6 * IN, REJECTED),
    ("narrow", None, UNREADABLE),
    ("wide", None, UNREADABLE),
    ("variable", None, UNREADABLE),
    ("3|3", None, UNREADABLE),  # per-lane widths belong in width:lanes
    (">5", None, UNREADABLE),
    ("4.5 (approx)", None, UNREADABLE),
    ("10;narrow", None, UNREADABLE),
    ("1-2-3", None, UNREADABLE),
    ("", None, MISSING),
    ("   ", None, MISSING),
    (None, None, MISSING),
]


@pytest.mark.parametrize("text, metres, status", OSM_WIDTHS)
def test_osm_width_strings(text, metres, status):
    reading = parse_width(text)
    assert reading.status == status
    if metres is None:
        assert reading.metres is None
    else:
        assert reading.metres == pytest.approx(metres)


def test_the_table_has_the_strings_the_issue_names():
    named = {
        "12'",
        "10;12",
        "5000",
        "narrow",
        "3 m",
        "2.5",
        "7,5",
        "12'6\"",
        "40 ft",
        "1.2",
        "0",
        "-3",
        "10-12",
        "~6",
        "6 m;8 m",
    }
    assert named <= {text for text, _, _ in OSM_WIDTHS} and len(OSM_WIDTHS) >= 30


def test_numbers_from_a_numeric_field():
    assert (parse_width(7).metres, parse_width(7).status) == (7.0, OK)
    assert parse_width(12.5).status == OK
    assert parse_width(0.0).status == REJECTED
    assert parse_width(float("nan")).status == MISSING
    assert parse_width(120.0).status == REJECTED


def test_policy_measured_then_class_then_default():
    policy = WidthPolicy({"primary": 25.0, "lane": 0.0}, default_width=9.0)
    first = policy.width("12 m", "primary")
    assert (first.width, first.source) == (12.0, MEASURED)
    rejected = policy.width("5000", "Primary ")  # class names are matched without case or spaces
    assert (rejected.width, rejected.source, rejected.reading.status) == (25.0, CLASS, REJECTED)
    unreadable = policy.width("narrow", "footway")
    assert (unreadable.width, unreadable.source, unreadable.reading.status) == (9.0, DEFAULT, UNREADABLE)
    assert policy.width(None, "lane").source == DEFAULT  # a zero class width is no width
    assert policy.width(None, None).width == 9.0


def test_default_table_is_one_table():
    policy = WidthPolicy()
    assert policy.class_widths == dict(CLASS_WIDTHS)
    assert policy.width(None, "residential").width == 10.0
    assert class_width_table()[:4] == ["motorway", 30.0, "trunk", 25.0]
    assert policy_from_table([], 10.0).class_widths == dict(CLASS_WIDTHS)  # an empty matrix: the table
    assert policy_from_table(["lane", "4"], 7.0).class_widths == {"lane": 4.0}  # a given one replaces it
    with pytest.raises(HabitatError, match="more than 0"):
        policy_from_table(["lane", -4], 7.0)
    with pytest.raises(HabitatError, match="not a number"):
        policy_from_table(["lane", "wide"], 7.0)


def test_tally_counts_and_lengths_by_hand():
    policy = WidthPolicy({"primary": 25.0}, default_width=10.0)
    tally = WidthTally()
    for raw, road_class, length in [
        ("12", "primary", 100.0),
        ("5000", "primary", 50.0),
        ("narrow", "x", 25.0),
        (None, "x", 25.0),
        ("0", "x", 0.0),
        ("5000", "x", 0.0),
    ]:
        tally.add(policy.width(raw, road_class), raw, length)
    assert tally.count == {MEASURED: 1, CLASS: 1, DEFAULT: 4}
    assert tally.length_m == {MEASURED: 100.0, CLASS: 50.0, DEFAULT: 50.0}
    assert tally.length_share(MEASURED) == pytest.approx(50.0)
    assert (tally.rejected, tally.unreadable) == (3, 1)
    assert tally.examples[REJECTED] == ["5000", "0"]  # each value quoted once
    problems = tally.problems()
    assert problems[0].startswith("3 width values outside 1.5–80 m were rejected") and "5000, 0" in problems[0]
    assert problems[1].startswith("1 width values could not be read") and "narrow" in problems[1]
    assert "1 measured, 1 from the road class table, 4 default (10 m); 50 %" in tally.summary(10.0)
    # A width carried over from an earlier run counts under the source that run gave.
    tally.add(policy.width(25.0, "primary"), 25.0, 10.0, source=CLASS)
    assert tally.count[CLASS] == 2


def test_source_labels_read_back():
    assert source_of_label("OSM width tag") == MEASURED
    assert source_of_label("road class table") == CLASS
    assert source_of_label("default width") == DEFAULT
    assert source_of_label("class") == CLASS
    assert source_of_label("survey") is None and source_of_label(None) is None


def test_road_class_list():
    assert road_class_list(" Motorway, trunk;motorway_link  trunk_link,") == (
        "motorway",
        "trunk",
        "motorway_link",
        "trunk_link",
    )
    assert road_class_list(None) == ()


@pytest.mark.parametrize(
    "tags, expected",
    [
        ({"highway": "residential"}, (True, True, None)),
        ({"highway": "steps"}, (True, True, None)),
        ({"highway": "service", "service": "alley"}, (True, True, None)),
        ({"highway": "motorway"}, (True, False, WALK_CLASS)),
        ({"highway": "trunk_link"}, (True, False, WALK_CLASS)),
        ({"highway": "trunk", "foot": "yes"}, (True, True, None)),  # the explicit tag beats the class
        ({"highway": "footway", "foot": "no"}, (True, False, WALK_FOOT)),
        ({"highway": "primary", "foot": "use_sidepath"}, (True, False, WALK_FOOT)),
        ({"highway": "residential", "access": "no"}, (True, False, WALK_ACCESS)),
        ({"highway": "residential", "access": "no", "foot": "yes"}, (True, True, None)),
        ({"highway": "pedestrian", "access": "no", "foot": "designated"}, (True, True, None)),
        ({"highway": "service", "access": "private"}, (False, False, PRIVATE)),
        ({"highway": "path", "access": "private", "foot": "permissive"}, (True, True, None)),
        ({"highway": "residential", "access": "destination"}, (True, True, None)),
    ],
)
def test_walkability_rules(tags, expected):
    assert street_walkability(tags) == expected


def test_walkability_classes_are_a_parameter():
    assert street_walkability({"highway": "motorway"}, ())[1] is True
    assert street_walkability({"highway": "busway"}, ("busway",)) == (True, False, WALK_CLASS)
