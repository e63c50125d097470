"""What the SDF tools read from typed text (thresholds, weights, bands, speeds) and the priority components they
build from plain columns, by hand, without QGIS."""

import math

import numpy as np
import pytest
from shapely.geometry import LineString, Point, box

from habitat_planning_plugin.core.sdf.accessibility import DEFAULT_SPEEDS_KMH, MAX_SPEED_KMH, parse_bands, speed_table
from habitat_planning_plugin.core.sdf.common import MAX_LISTED, listed
from habitat_planning_plugin.core.sdf.development_index import parse_weights
from habitat_planning_plugin.core.sdf.priority import (
    COMPONENTS,
    corridor_distances,
    ordinal_ranks,
    parse_component_weights,
    priority_components,
    priority_scores,
)
from habitat_planning_plugin.core.sdf.scalogram import parse_thresholds
from habitat_planning_plugin.core.text import HabitatError, number_list


def test_number_list():
    assert number_list("1, 2.5;3", "bad") == [1.0, 2.5, 3.0]
    assert number_list("", "bad") == [] and number_list(None, "bad") == []
    for text in ("1, x", "nan", "1, inf"):
        with pytest.raises(HabitatError, match="^bad$"):
            number_list(text, "bad")


def test_listed_keeps_the_first_ones():
    assert listed([3, "b"]) == "3, b"
    many = listed(range(MAX_LISTED + 5))
    assert many.endswith(" …") and many.count(",") == MAX_LISTED - 1


def test_thresholds():
    assert parse_thresholds("10, 50") == [10.0, 50.0]
    for text, message in (
        ("", "needs the thresholds"),
        ("50, 10", "increasing"),
        ("-1, 5", "never negative"),
        ("1,2,3,4,5,6,7", "7 thresholds make 8 hierarchy levels"),
        ("a", "numbers"),
    ):
        with pytest.raises(HabitatError, match=message):
            parse_thresholds(text)


def test_development_weights():
    assert parse_weights("", 3) is None and parse_weights("  ", 2) is None
    assert parse_weights("2, 1, 1", 3) == [2.0, 1.0, 1.0]
    for text, message in (("1, 1", "Give 3 weights"), ("0, 0, 0", "nor all zero"), ("1, -1, 1", "negative")):
        with pytest.raises(HabitatError, match=message):
            parse_weights(text, 3)


def test_bands_sorted_once_each():
    assert parse_bands("60, 15, 30, 15") == [15.0, 30.0, 60.0]
    for text, message in (
        ("", "minutes separated"),
        ("0, 15", "minutes separated"),
        ("1500", "a day"),
        (", ".join(str(k) for k in range(1, 22)), "at most 20"),
    ):
        with pytest.raises(HabitatError, match=message):
            parse_bands(text)


def test_speed_table():
    assert speed_table([]) == {name: float(speed) for name, speed in DEFAULT_SPEEDS_KMH.items()}
    assert speed_table(["Primary ", 60, "track", "15"]) == {"primary": 60.0, "track": 15.0}
    with pytest.raises(HabitatError, match="every road class"):
        speed_table(["primary", 60, "track"])
    with pytest.raises(HabitatError, match="road class track is 0 km/h"):
        speed_table(["track", 0])
    with pytest.raises(HabitatError, match=f"at most {MAX_SPEED_KMH:g}"):
        speed_table(["motorway", 300])


def test_component_weights_in_order():
    assert parse_component_weights("1, 1, 2, 1, 1, 2") == dict(
        zip([name for name, _, _ in COMPONENTS], [1.0, 1.0, 2.0, 1.0, 1.0, 2.0])
    )
    for text in ("1, 1, 1", "1, 1, 1, 1, 1, -1"):
        with pytest.raises(HabitatError, match="Give 6 component weights"):
            parse_component_weights(text)


def test_priority_components_by_hand():
    # The three towns of the Processing test: development 10, 30, 20; travel 30, 90 minutes and none.
    values = priority_components(
        development=[10.0, 30.0, 20.0], travel=[30.0, 90.0, np.nan], service_minutes=60.0, corridor=[0.0, 1.0, 0.0]
    )
    assert list(values) == ["low_development", "far_from_centre", "unserved", "corridor"]  # the order of COMPONENTS
    np.testing.assert_allclose(values["low_development"], [1.0, 0.0, 0.5])
    np.testing.assert_allclose(values["far_from_centre"], [0.0, 1.0, 1.0])  # no travel time: the largest need
    np.testing.assert_allclose(values["unserved"], [0.0, 1.0, 1.0])
    groups = {name: group for name, group, _ in COMPONENTS}
    weights = parse_component_weights("1, 1, 2, 1, 1, 2")
    score, contributions, _ = priority_scores(values, groups, {k: weights[k] for k in values}, 0.75)
    np.testing.assert_allclose(
        score, [100 * 0.75 * 0.25, 100 * (0.75 * 0.75 + 0.25), 100 * 0.75 * (0.125 + 0.25 + 0.5)]
    )
    assert ordinal_ranks(score).tolist() == [3, 1, 2]


def test_priority_components_edge_cases():
    values = priority_components(travel=[np.nan, np.nan], centrality=[5.0, 5.0], accessibility=[1.0, 3.0])
    np.testing.assert_allclose(values["far_from_centre"], [1.0, 1.0])  # nobody reaches a centre
    np.testing.assert_allclose(values["centrality"], [0.0, 0.0])  # a constant column gives 0
    np.testing.assert_allclose(values["accessibility"], [0.0, 1.0])
    assert priority_components() == {}


def test_ordinal_ranks_keep_ties_in_order():
    assert ordinal_ranks([1.0, 3.0, 3.0, 2.0]).tolist() == [4, 1, 2, 3]


def test_corridor_distances_by_hand():
    corridors = [LineString([(0, 0), (0, 1000)]), box(5000, 0, 6000, 1000)]
    shapes = [Point(300, 500), box(4000, 0, 4500, 100), None, Point(5500, 500)]
    seen = []
    distance = corridor_distances(shapes, corridors, seen.append)
    np.testing.assert_allclose(distance[[0, 1, 3]], [300.0, 500.0, 0.0])
    assert math.isinf(distance[2]) and seen == [0.0]  # progress every 200 settlements
