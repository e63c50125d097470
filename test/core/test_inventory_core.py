"""Inventory rules in the core, by hand."""

import pytest
from shapely.geometry import box

from habitat_planning_plugin.core.public_space.inventory import (
    DEFAULT_TYPE_MAPPING,
    classify,
    counting,
    district_summary,
    size_class_labels,
    size_classes,
)


def test_classification_ignores_case_and_spaces_and_knows_chinese():
    assert classify("  Civic Park ", DEFAULT_TYPE_MAPPING) == "civic_park"
    assert classify("广场", DEFAULT_TYPE_MAPPING) == "square"
    assert classify("helipad", DEFAULT_TYPE_MAPPING) is None
    assert classify(None, DEFAULT_TYPE_MAPPING) is None


@pytest.mark.parametrize(
    "category, access, fee, expected",
    [
        ("park", None, None, (True, None)),
        ("park", "private", None, (False, "access")),
        ("square", "NO", "no", (False, "access")),
        ("park", "yes", "yes", (False, "fee")),
        ("not_counted", None, None, (False, "type")),
        (None, None, None, (False, "unknown_type")),
    ],
)
def test_what_counts(category, access, fee, expected):
    assert counting(category, access, fee) == expected


def test_size_classes_by_hand():
    labels = size_class_labels([0.1, 0.5, 2, 10])
    assert labels == ["< 0.1 ha", "0.1–0.5 ha", "0.5–2 ha", "2–10 ha", "≥ 10 ha"]
    assert size_classes([0.05, 0.1, 0.3, 2.0, 50], [0.1, 0.5, 2, 10]).tolist() == [0, 1, 1, 3, 4]


def test_district_summary_clips_to_districts_and_gives_m2_per_person():
    west, east = box(0, 0, 100, 100), box(100, 0, 200, 100)  # 10,000 m2 each
    spaces = [box(80, 0, 120, 50), box(10, 10, 30, 30), box(150, 50, 160, 60)]  # 2,000 / 400 / 100 m2
    rows = district_summary(
        spaces, ["park", "square", "park"], [True, True, False], [west, east], ["W", "E"], [50.0, 0.0]
    )
    by = {(r.district, r.category): r for r in rows}
    assert by[("W", "park")].area_m2 == pytest.approx(1_000) and by[("E", "park")].area_m2 == pytest.approx(1_000)
    assert by[("E", "park")].count == 1  # the uncounted third space is left out
    assert by[("W", "all")].area_m2 == pytest.approx(1_400) and by[("W", "all")].share_pct == pytest.approx(14.0)
    assert by[("W", "all")].m2_per_person == pytest.approx(28.0)
    assert by[("E", "all")].m2_per_person is None  # nobody lives there
