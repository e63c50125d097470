"""habitat:sdfscenario on the workshop's sample region: a new road to the roadless village, the track at its end
upgraded, a hospital in the largest town without one — travel times checked against networkx on the same roads."""

import networkx as nx
import pytest
from osgeo import ogr

from habitat_planning_plugin.core.sdf.accessibility import DEFAULT_SPEEDS_KMH
from test.conftest import SAMPLE_DATA
from test.helpers import Messages, read_rows

REGION = SAMPLE_DATA / "sample_region.gpkg"
LAYER = f"{REGION}|layername="


def run(tmp_path, **changes):
    from qgis import processing

    parameters = {
        "SETTLEMENTS": LAYER + "settlements",
        "NAME_FIELD": "name",
        "POPULATION_FIELD": "population",
        "FACILITIES": LAYER + "facilities",
        "FUNCTION_FIELD": "function",
        "ROADS": LAYER + "roads",
        "CLASS_FIELD": "highway",
        "NEW_ROADS": LAYER + "scenario_roads",
        "NEW_CLASS_FIELD": "highway",
        "SCENARIO_FACILITIES": LAYER + "scenario_facilities",
        "OUTPUT": str(tmp_path / "scenario.gpkg"),
        "OUTPUT_SUMMARY": str(tmp_path / "summary.csv"),
        "OUTPUT_REPORT": str(tmp_path / "scenario.html"),
    }
    parameters.update(changes)
    feedback = Messages()
    result = processing.run("habitat:sdfscenario", parameters, feedback=feedback)
    return result, feedback


def road_graph(layers):
    """networkx graph of the sample roads (every settlement sits on a road's end vertex), minutes by class; a
    scenario road on the same two ends as a baseline road replaces it."""
    graph = nx.Graph()
    source = ogr.Open(str(REGION))
    for name in layers:
        for feature in source.GetLayerByName(name):
            points = feature.GetGeometryRef().GetPoints()
            minutes = 0.0
            for a, b in zip(points, points[1:]):
                minutes += (
                    ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
                    * 60
                    / (DEFAULT_SPEEDS_KMH[feature["highway"]] * 1000)
                )
            ends = (round(points[0][0], 2), round(points[0][1], 2)), (round(points[-1][0], 2), round(points[-1][1], 2))
            graph.add_edge(*ends, minutes=minutes)  # a later layer's edge on the same ends replaces the earlier one
    return graph


def test_scenario_on_the_sample_region_against_networkx(tmp_path, habitat_provider):
    result, feedback = run(tmp_path)
    rows = read_rows(tmp_path / "scenario.gpkg")
    assert len(rows) == 60
    dataset = ogr.Open(str(REGION))  # kept: its layers die with it
    where = {
        f["name"]: (round(f.GetGeometryRef().GetX(), 2), round(f.GetGeometryRef().GetY(), 2))
        for f in dataset.GetLayerByName("settlements")
    }
    for layers, run_name in ((["roads"], "base"), (["roads", "scenario_roads"], "scen")):
        graph = road_graph(layers)
        centres = [where[r["name"]] for r in rows if r[f"level_{run_name}"] <= 2]
        minutes = nx.multi_source_dijkstra_path_length(graph, centres, weight="minutes")
        for row in rows:
            expected = minutes.get(where[row["name"]])
            if expected is None:
                assert row[f"t2_{run_name}"] is None, row["name"]
            else:
                assert row[f"t2_{run_name}"] == pytest.approx(expected, abs=1e-6), row["name"]
    remote = [r for r in rows if r["new_access"] == 1]
    assert len(remote) == 1 and remote[0]["name"] == "Anbei Village" and remote[0]["t2_base"] is None
    assert all(r["gain_min"] is None or r["gain_min"] >= -1e-9 for r in rows)  # a road never takes time away
    assert result["NEWLY_CONNECTED"] == 1 and result["GAINING"] >= 1
    summary = {r["indicator"]: r for r in read_rows(tmp_path / "summary.csv")}
    joined = summary["Settlements joined to the road network"]
    assert (float(joined["baseline"]), float(joined["scenario"]), float(joined["change"])) == (59, 60, 1)
    assert "Theil index of travel time to the nearest centre" in summary
    text = (tmp_path / "scenario.html").read_text(encoding="utf-8")
    assert "Minutes gained to the nearest centre" in text and "Anbei Village" in text
    assert "SDG 11.a.1" in text
    assert "upgraded" in feedback.text()


def test_a_hospital_alone_shortens_the_way_to_a_hospital(tmp_path, habitat_provider):
    run(tmp_path, NEW_ROADS=None)
    summary = {r["indicator"]: r for r in read_rows(tmp_path / "summary.csv")}
    hospital = summary["Mean travel time to the nearest hospital (min)"]
    assert float(hospital["scenario"]) < float(hospital["baseline"])
    joined = summary["Settlements joined to the road network"]
    assert float(joined["change"]) == 0


def test_nothing_to_compare_is_refused_before_the_run(tmp_path, habitat_provider):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="nothing changes"):
        run(tmp_path, NEW_ROADS=None, SCENARIO_FACILITIES=None)


def facilities_of_the_region():
    """[(shapely point, function)] of the sample region's facilities."""
    from shapely.geometry import Point

    dataset = ogr.Open(str(REGION))
    return [
        (Point(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()), f["function"])
        for f in dataset.GetLayerByName("facilities")
    ]


def test_a_moved_hospital_replaces_the_baseline_facilities(tmp_path, habitat_provider):
    """An edited copy of the facilities (the capital's hospital moved to the largest town without one) with the
    option "replace": the hospital is gone from the capital, so settlements near the capital are farther from a
    hospital and settlements near the town nearer; with "added" the capital keeps its own."""
    from test.helpers import write_layer

    facilities = facilities_of_the_region()
    dataset = ogr.Open(str(REGION))
    # Points taken out at once: a geometry reference dies with its feature.
    town = next(_point(f.GetGeometryRef()) for f in dataset.GetLayerByName("scenario_facilities"))
    capital = next(_point(f.GetGeometryRef()) for f in dataset.GetLayerByName("settlements") if f["kind"] == "capital")
    moved = []
    for point, function in facilities:
        if function == "hospital" and point.distance(capital) < 1_000:
            point = town  # the capital's hospital, moved
        moved.append((point, [function]))
    copy = write_layer(tmp_path / "edited.gpkg", "facilities", "Point", 32650, [("function", "str")], moved)
    run(tmp_path, NEW_ROADS=None, SCENARIO_FACILITIES=copy, FACILITY_MODE=1)
    rows = {r["name"]: r for r in read_rows(tmp_path / "scenario.gpkg")}
    summary = {r["indicator"]: r for r in read_rows(tmp_path / "summary.csv")}
    hospital = summary["Mean travel time to the nearest hospital (min)"]
    assert float(hospital["scenario"]) != float(hospital["baseline"])
    capital_name = next(name for name, r in rows.items() if r["kind"] == "capital")
    # The capital, the only settlement of level 1, has every function its level expects until its hospital goes.
    capital_row = rows[capital_name]
    assert capital_row["level_scen"] == 1 and capital_row["lack_base"] == 0
    assert capital_row["lack_scen"] == 1 and capital_row["lacking_scen"] == "hospital"


def _point(geometry):
    from shapely.geometry import Point

    return Point(geometry.GetX(), geometry.GetY())


def test_hostile_scenario_inputs_are_named_before_or_during_the_run(tmp_path, habitat_provider):
    from qgis.core import QgsProcessingException

    from test.helpers import write_layer

    empty = write_layer(tmp_path / "bad.gpkg", "no_roads", "LineString", 32650, [("highway", "str")], [])
    with pytest.raises(QgsProcessingException, match="no_roads|bad.gpkg"):
        run(tmp_path, NEW_ROADS=empty, SCENARIO_FACILITIES=None)
    assert not (tmp_path / "scenario.gpkg").exists()  # nothing half-written
    nameless = write_layer(tmp_path / "bad.gpkg", "sites", "Point", 32650, [("kind", "str")], [])
    with pytest.raises(QgsProcessingException, match="no field function"):
        run(tmp_path, NEW_ROADS=None, SCENARIO_FACILITIES=nameless)
    with pytest.raises(QgsProcessingException, match="not in the speed table"):
        run(tmp_path, NEW_CLASS_FIELD=None, NEW_ROAD_CLASS="hyperloop", SCENARIO_FACILITIES=None)


def test_region_without_roads_or_people_is_refused_with_the_reason(tmp_path, habitat_provider):
    """Settlements of another region (every one farther than 5 km from the roads), and a population field without
    anyone in it: named refusals, nothing written (found by a hostile sweep)."""
    from qgis.core import QgsProcessingException
    from shapely.geometry import Point

    from test.helpers import write_layer

    dataset = ogr.Open(str(REGION))
    moved = [
        (
            Point(f.GetGeometryRef().GetX() + 300_000, f.GetGeometryRef().GetY()),
            [f["name"], 0, 1, int(number % 3 == 0), int(number % 7 == 0)],
        )
        for number, f in enumerate(dataset.GetLayerByName("settlements"))
    ]
    fields = [("name", "str"), ("population", "int"), ("f_a", "int"), ("f_b", "int"), ("f_c", "int")]
    far = write_layer(tmp_path / "far.gpkg", "far", "Point", 32650, fields, moved)
    columns = {
        "SETTLEMENTS": far,
        "FACILITIES": None,
        "FUNCTION_FIELD": None,
        "PRESENCE_FIELDS": ["f_a", "f_b", "f_c"],
        "SCENARIO_FACILITIES": None,
    }
    with pytest.raises(QgsProcessingException, match="No settlement lies within 5000 m of a road"):
        run(tmp_path, POPULATION_FIELD=None, **columns)
    with pytest.raises(QgsProcessingException, match="population field population has no value above 0"):
        run(tmp_path, **columns)
    assert not (tmp_path / "scenario.gpkg").exists()
    with pytest.raises(QgsProcessingException, match="Travel time bands must be minutes"):
        run(tmp_path, BANDS="abc")
