"""The store of plan assessments (core/plan_assessment/store.py): a GeoPackage that later runs add to, from which
plans are compared without their scorecards."""

import math

import pytest
from shapely.geometry import box

from habitat_planning_plugin.core.plan_assessment.aggregation import assess_plans
from habitat_planning_plugin.core.plan_assessment.scorecards import Scorecard, framework_from_dict
from habitat_planning_plugin.core.plan_assessment.store import cards_from_store, save_assessments, stored_plans
from habitat_planning_plugin.core.text import HabitatError
from test.core.test_scorecards import FRAMEWORK

NA = float("nan")


def card(assessor, year, scores, city="Sample City", plan="Master Plan", comments=None, blank=()):
    return Scorecard(
        "test-plan",
        "1",
        plan,
        city,
        year,
        assessor,
        scores=dict(scores),
        comments=dict(comments or {}),
        blank=list(blank),
    )


def test_store_round_trip_and_appending(tmp_path):
    framework = framework_from_dict(FRAMEWORK)
    store = str(tmp_path / "assessments.gpkg")
    first = [
        card("Ana", 2020, {"V1": 1, "V2": NA, "P1": 0}, comments={"V2": 'no goals needed; <it\'s> a "sector" plan'}),
        card("Bo", 2020, {"V1": 2, "P1": 1}, blank=["V2"]),
    ]
    assert save_assessments(store, framework, first, {"sample city": box(0, 0, 10, 10)}) == (1, 6)
    # A later run: another city's plan, and the same 2020 plan scored again by Bo (replaced, not counted twice).
    later = [
        card("Bo", 2020, {"V1": 3, "V2": 2, "P1": 2}),
        card("Chen", 2026, {"V1": 3, "V2": 3, "P1": 3}, city="Riverton"),
    ]
    save_assessments(store, framework, later)
    cards = {(c.city, c.year, c.assessor): c for c in cards_from_store(store)}
    assert sorted(cards) == [("Riverton", 2026, "Chen"), ("Sample City", 2020, "Ana"), ("Sample City", 2020, "Bo")]
    ana = cards[("Sample City", 2020, "Ana")]
    assert ana.scores["V1"] == 1 and math.isnan(ana.scores["V2"]) and ana.comments["V2"].startswith("no goals")
    assert cards[("Sample City", 2020, "Bo")].scores == {"V1": 3.0, "V2": 2.0, "P1": 2.0}  # the later scores
    # Compared from the store alone: the same results as from the scorecards themselves.
    from_store = assess_plans(framework, list(cards.values()))
    from_cards = assess_plans(framework, [first[0]] + later)
    assert [(r["city"], r["year"], r["overall"], r["pqi"]) for r in from_store] == [
        (r["city"], r["year"], pytest.approx(r["overall"]), pytest.approx(r["pqi"])) for r in from_cards
    ]
    plans = {(row["city"], row["year"]): row for row in stored_plans(store)}
    assert set(plans) == {("Sample City", 2020), ("Riverton", 2026)}  # the 2020 plan once, with its latest results
    # The 2020 plan's results from every card the store holds for it: Ana's and Bo's later one.
    assert plans[("Sample City", 2020)]["assessors"] == 2
    assert plans[("Sample City", 2020)]["overall_pct"] == pytest.approx(from_cards[1]["overall"])


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    other = tmp_path / "roads.gpkg"
    from osgeo import ogr

    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(other))
    source.CreateLayer("roads", None, ogr.wkbLineString)
    source = None
    with pytest.raises(HabitatError, match="roads.gpkg is not an assessment store"):
        cards_from_store(str(other))
