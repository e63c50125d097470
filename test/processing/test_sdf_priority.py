"""habitat:sdfpriority through Processing, by hand, with a corridor and a missing value."""

import pytest
from shapely.geometry import LineString, Point

from test.conftest import SAMPLE_DATA
from test.helpers import Messages, read_rows, write_layer


def test_priority_by_hand(tmp_path, habitat_provider):
    from qgis import processing

    gpkg = tmp_path / "p.gpkg"
    towns = write_layer(
        gpkg,
        "towns",
        "Point",
        32650,
        [("name", "str"), ("dev", "real"), ("minutes", "real")],
        [
            (Point(500_000, 3_500_000), ["A", 10.0, 30.0]),
            (Point(510_000, 3_500_000), ["B", 30.0, 90.0]),
            (Point(520_000, 3_500_000), ["C", 20.0, None]),
        ],
    )
    corridor = write_layer(
        gpkg, "corridor", "LineString", 32650, [], [(LineString([(509_000, 3_490_000), (509_000, 3_510_000)]), [])]
    )  # 1 km west of B
    processing.run(
        "habitat:sdfpriority",
        {
            "SETTLEMENTS": towns,
            "DEVELOPMENT_FIELD": "dev",
            "TRAVEL_TIME_FIELD": "minutes",
            "SERVICE_MINUTES": 60,
            "CORRIDORS": corridor,
            "WEIGHTS": "1, 1, 2, 1, 1, 2",
            "NEED_WEIGHT": 0.75,
            "OUTPUT": str(tmp_path / "o.gpkg"),
        },
    )
    rows = {r["name"]: r for r in read_rows(tmp_path / "o.gpkg")}
    # Need (0.75): low development 1, 0, .5 (w 1/4); far from centre 0, 1, 1 (1/4: no travel time is the largest
    # need, not none); unserved 0, 1, 1 (2/4).
    # Potential (0.25): corridor 0, 1, 0 (all of it).
    assert rows["A"]["priority"] == pytest.approx(100 * 0.75 * 0.25 * 1)
    assert rows["B"]["priority"] == pytest.approx(100 * (0.75 * (0.25 + 0.5) + 0.25))
    assert rows["C"]["priority"] == pytest.approx(100 * 0.75 * (0.25 * 0.5 + 0.25 + 0.5))
    assert rows["B"]["priority_rank"] == 1 and rows["B"]["p_corridor"] == pytest.approx(25.0)
    for row in rows.values():
        parts = [row[k] for k in row if k.startswith("p_")]
        assert sum(parts) == pytest.approx(row["priority"])


# --- issue 15: a village without a road, components without data, rank explanations ---

REGION = SAMPLE_DATA / "sample_region.gpkg"


def test_the_village_without_a_road_is_a_high_priority_on_the_sample_region(tmp_path, habitat_provider):
    """scripts/make_sample_region.py leaves the last village without a road: accessibility gives it no travel time,
    and priority must treat that as the largest travel-time need (never the smallest) and say so."""
    from qgis import processing

    layer = f"{REGION}|layername="
    feedback = Messages()
    processing.run(
        "habitat:spatialdevelopmentframework",
        {
            "settlements": layer + "settlements",
            "name_field": "name",
            "facilities": layer + "facilities",
            "function_field": "function",
            "indicators": ["growth_pct", "poverty_pct", "water_pct", "enrolment_pct"],
            "negative_indicators": ["poverty_pct"],
            "roads": layer + "roads",
            "road_class": "highway",
            "priority:priorities": str(tmp_path / "p.gpkg"),
            "priority:priority_report": str(tmp_path / "p.html"),
        },
        feedback=feedback,
    )
    rows = read_rows(tmp_path / "p.gpkg")
    remote = [r for r in rows if r["road_access"] == 0]
    assert len(remote) == 1
    village = remote[0]
    assert village["time_l2"] is None  # no road: no travel time
    assert village["p_far_from_centre"] == pytest.approx(max(r["p_far_from_centre"] for r in rows))
    assert village["p_unserved"] > 0
    assert village["priority_rank"] <= len(rows) / 5  # within the top fifth
    assert village["name"] in feedback.text()  # the log names it
    assert "no travel time" in feedback.text()
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    note = page[page.index("settlements have no travel time") :]
    assert village["name"] in note[:2000]  # and so does the report


@pytest.fixture
def towns(tmp_path):
    """A, B, C 10 km apart; "empty" has no value anywhere; minutes 30, 90 and none."""
    return write_layer(
        tmp_path / "towns.gpkg",
        "towns",
        "Point",
        32650,
        [("name", "str"), ("empty", "real"), ("dev", "real"), ("minutes", "real")],
        [
            (Point(500_000, 3_500_000), ["A", None, 10.0, 30.0]),
            (Point(510_000, 3_500_000), ["B", None, 30.0, 90.0]),
            (Point(520_000, 3_500_000), ["C", None, 20.0, None]),
        ],
    )


def run_priority(tmp_path, towns, name, feedback=None, **parameters):
    from qgis import processing

    processing.run(
        "habitat:sdfpriority",
        {"SETTLEMENTS": towns, "NAME_FIELD": "name", "OUTPUT": str(tmp_path / f"{name}.gpkg"), **parameters},
        feedback=feedback,
    )
    return {r["name"]: r for r in read_rows(tmp_path / f"{name}.gpkg")}


def test_a_field_without_any_value_is_left_out_with_a_warning(tmp_path, towns, habitat_provider):
    feedback = Messages()
    rows = run_priority(
        tmp_path, towns, "with", feedback, DEVELOPMENT_FIELD="empty", TRAVEL_TIME_FIELD="minutes", OUTPUT_REPORT=None
    )
    assert "The field empty has no value for any settlement" in feedback.text()
    assert "p_low_development" not in rows["A"]
    # As if it had not been chosen: need is travel alone, far 0, 1, 1 and unserved 0, 1, 1 sharing it: 0, 100, 100.
    assert [rows[k]["priority"] for k in "ABC"] == pytest.approx([0.0, 100.0, 100.0])
    without = run_priority(tmp_path, towns, "without", TRAVEL_TIME_FIELD="minutes", OUTPUT_REPORT=None)
    assert [without[k]["priority"] for k in "ABC"] == [rows[k]["priority"] for k in "ABC"]


def test_nothing_left_to_rank_by_is_a_clear_error(tmp_path, towns, habitat_provider):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="None of the chosen fields has any value \\(empty\\)"):
        run_priority(tmp_path, towns, "none", DEVELOPMENT_FIELD="empty", OUTPUT_REPORT=None)
    assert not (tmp_path / "none.gpkg").exists()
    # Ranking by need alone, and the only need field is empty: potential is left, but it was not asked for.
    with pytest.raises(QgsProcessingException, match="The ranking is by need alone, but no need component has any"):
        run_priority(
            tmp_path,
            towns,
            "need",
            DEVELOPMENT_FIELD="empty",
            ACCESSIBILITY_FIELD="dev",
            NEED_WEIGHT=1.0,
            OUTPUT_REPORT=None,
        )


def test_a_component_the_same_everywhere_is_said_not_to_change_the_ranking(tmp_path, towns, habitat_provider):
    corridor = write_layer(
        tmp_path / "corridor.gpkg",
        "corridor",
        "LineString",
        32650,
        [],
        [(LineString([(490_000, 3_500_500), (530_000, 3_500_500)]), [])],
    )  # 500 m north of every town: everyone is on the corridor
    feedback = Messages()
    rows = run_priority(tmp_path, towns, "c", feedback, DEVELOPMENT_FIELD="dev", CORRIDORS=corridor, OUTPUT_REPORT=None)
    assert '"on a development corridor" is the same for every settlement' in feedback.text()
    assert {rows[k]["p_corridor"] for k in "ABC"} == {50.0}  # potential 0.5 x 1 for all


def test_a_dominant_component_is_named_in_the_log_and_the_report(tmp_path, towns, habitat_provider):
    import numpy as np

    feedback = Messages()
    rows = run_priority(
        tmp_path,
        towns,
        "d",
        feedback,
        DEVELOPMENT_FIELD="dev",
        TRAVEL_TIME_FIELD="minutes",
        WEIGHTS="1, 1, 2, 1, 1, 1",
        NEED_WEIGHT=1.0,
        OUTPUT_REPORT=str(tmp_path / "d.html"),
    )
    # Need alone: low development 1, 0, .5 (1/4), far 0, 1, 1 (1/4), unserved 0, 1, 1 (2/4): scores 25, 75, 87.5.
    score = np.array([rows[k]["priority"] for k in "ABC"])
    np.testing.assert_allclose(score, [25.0, 75.0, 87.5])
    unserved = np.array([rows[k]["p_unserved"] for k in "ABC"])
    share = np.cov(unserved, score)[0, 1] / np.var(score, ddof=1)  # numpy, independently of the plugin
    assert share > 0.5  # (0, 50, 50) against (25, 75, 87.5): Cov 625 / Var 729.2 = 0.857
    message = f'The ranking is driven mostly by "beyond the service time of a centre" ({100 * share:.0f} %'
    assert message in feedback.text()
    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert message.replace('"', "&quot;") in page
    assert (
        "C ranks 1: mostly beyond the service time of a centre (50.0 of 87.5), then long travel time to a centre "
        "(25.0)." in page
    )
