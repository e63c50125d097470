"""habitat:publicspacegaps through Processing: the hand-worked lattice, the sample city against
habitat:publicspaceaccess (exactly), a Chinese run and bad input."""

import math

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from shapely.geometry import LineString, Point, box
from shapely.ops import unary_union

from test.conftest import SAMPLE_POPULATION, layer_path
from test.core.test_gaps import EAST, PEOPLE, SPACE, TICKS, WEST
from test.helpers import Messages, read_rows, write_layer

ALG = "habitat:publicspacegaps"
COUNTED = (
    '|subset="access" = \'public\' AND "fee" = \'no\' AND "ps_type" IN '
    "('park','civic park','square','recreational green area','public facility open area')"
)
GROUP_FIELDS = ["pop_total", "pop_female", "pop_male", "pop_children_0_14", "pop_older_65_plus", "pop_disability"]


def run(parameters, algorithm=ALG, feedback=None):
    from qgis import processing

    return processing.run(algorithm, parameters, feedback=feedback or QgsProcessingFeedback())


@pytest.fixture
def lattice(tmp_path):
    """The hand-worked lattice of test/core/test_gaps.py as real layers."""
    gpkg = tmp_path / "lattice.gpkg"
    lines = [LineString([(x, y) for x in TICKS]) for y in TICKS] + [LineString([(x, y) for y in TICKS]) for x in TICKS]
    return {
        "STREETS": write_layer(gpkg, "streets", "LineString", 32650, [], [(line, []) for line in lines]),
        "PUBLIC_SPACES": write_layer(gpkg, "spaces", "Polygon", 32650, [], [(SPACE, [])]),
        "POPULATION_LAYER": write_layer(
            gpkg,
            "people",
            "Point",
            32650,
            [("total", "real"), ("women", "real")],
            [(Point(50 + 100 * i, 50 + 100 * j), list(people)) for (i, j), people in PEOPLE.items()],
        ),
        "POPULATION_FIELDS": ["total", "women"],
        "DISTRICTS": write_layer(
            gpkg, "districts", "Polygon", 32650, [("name", "str")], [(WEST, ["West"]), (EAST, ["East"])]
        ),
        "DISTRICT_NAME_FIELD": "name",
        "ENTRY_TOLERANCE": 0.0,
        "SEARCH_DISTANCE": 1000.0,
    }


def test_lattice_by_hand(lattice, tmp_path, habitat_provider):
    outputs = {
        "OUTPUT_POINTS": str(tmp_path / "points.gpkg"),
        "OUTPUT_CLUSTERS": str(tmp_path / "clusters.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "table.csv"),
        "OUTPUT_REPORT": str(tmp_path / "report.html"),
    }
    result = run({**lattice, **outputs})
    assert result["POP_UNSERVED"] == 290.0 and result["SHARE_UNSERVED"] == pytest.approx(100 * 290 / 340)
    assert result["CLUSTERS"] == 2

    points = read_rows(outputs["OUTPUT_POINTS"])
    assert list(points[0])[:5] == ["district", "dist_m", "cluster", "pop_total", "pop_women"]
    by_place = {(round(p["_geometry"].x), round(p["_geometry"].y)): p for p in points}
    expected = {
        (550, 50): ("East", 600, 2),
        (650, 50): ("East", 700, 2),
        (550, 150): ("East", 700, 2),
        (650, 150): ("East", 800, 2),
        (50, 650): ("West", 700, 1),
        (150, 750): ("West", 900, 1),
        (250, 850): ("West", None, 1),
        (950, 950): ("East", None, -1),
    }
    assert set(by_place) == set(expected)
    for place, (district, distance, cluster) in expected.items():
        row = by_place[place]
        assert row["district"] == district and row["cluster"] == cluster
        assert row["dist_m"] is None if distance is None else row["dist_m"] == pytest.approx(distance)
        assert (row["pop_total"], row["pop_women"]) == PEOPLE[((place[0] - 50) // 100, (place[1] - 50) // 100)]

    clusters = read_rows(outputs["OUTPUT_CLUSTERS"])
    assert [c["cluster"] for c in clusters] == [1, 2]
    first, second = clusters
    assert (first["district"], first["area_ha"], first["pop_total"], first["pop_women"]) == ("West", 3.0, 150, 75)
    assert (first["mean_dist_m"], first["max_dist_m"], first["unreachable"]) == (800.0, 900.0, 50.0)
    assert (second["district"], second["area_ha"], second["pop_total"], second["pop_women"]) == ("East", 4.0, 120, 40)
    assert second["mean_dist_m"] == pytest.approx(700.0) and second["unreachable"] == 0.0
    assert second["_geometry"].equals(box(500, 0, 700, 200))
    assert first["_geometry"].equals(
        unary_union([box(0, 600, 100, 700), box(100, 700, 200, 800), box(200, 800, 300, 900)])
    )

    table = {(r["district"], r["pop_group"]): r for r in read_rows(outputs["OUTPUT_TABLE"])}
    assert len(table) == 3 * 2
    assert float(table[("Whole city", "total")]["unserved"]) == 290.0
    assert float(table[("West", "women")]["served"]) == 26.0 and float(table[("West", "women")]["unserved"]) == 75.0
    assert int(table[("East", "total")]["clusters"]) == 1
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 1 and "West" in html


def test_sample_city_unserved_is_population_minus_served_of_access(tmp_path, habitat_provider):
    inputs = {
        "STREETS": layer_path("streets"),
        "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
        "POPULATION_RASTER": str(SAMPLE_POPULATION),
        "DISTRICTS": layer_path("districts"),
        "DISTRICT_NAME_FIELD": "name",
        "URBAN_EXTENT": layer_path("urban_extent"),
    }
    run(
        {
            **inputs,
            "OUTPUT_NETWORK": None,
            "OUTPUT_SERVICE_AREA": None,
            "STRAIGHT_LINE": False,
            "OUTPUT_TABLE": str(tmp_path / "access.csv"),
        },
        algorithm="habitat:publicspaceaccess",
    )
    result = run(
        {
            **inputs,
            "OUTPUT_POINTS": str(tmp_path / "points.gpkg"),
            "OUTPUT_CLUSTERS": str(tmp_path / "clusters.gpkg"),
            "OUTPUT_TABLE": str(tmp_path / "gaps.csv"),
            "MIN_CLUSTER_POPULATION": 100.0,
        }
    )
    access = {
        (r["district"], r["pop_group"]): r for r in read_rows(tmp_path / "access.csv") if r["method"] == "network"
    }
    gaps = {(r["district"], r["pop_group"]): r for r in read_rows(tmp_path / "gaps.csv")}
    assert set(gaps) == set(access) and len(gaps) == (1 + 7) * 6
    for key, row in gaps.items():
        population, served = float(access[key]["population"]), float(access[key]["served"])
        assert float(row["population"]) == population and float(row["served"]) == served
        assert float(row["unserved"]) == pytest.approx(population - served, rel=1e-12, abs=1e-9)
    city = gaps[("Whole city", "total")]
    assert result["POP_UNSERVED"] == pytest.approx(float(city["unserved"]), rel=1e-12)

    # The points hold every unserved person, by group and by district.
    points = read_rows(tmp_path / "points.gpkg")
    assert list(points[0])[: 3 + len(GROUP_FIELDS)] == ["district", "dist_m", "cluster"] + GROUP_FIELDS
    for field, group in zip(GROUP_FIELDS, ["total", "female", "male", "children_0_14", "older_65_plus", "disability"]):
        assert sum(p[field] for p in points) == pytest.approx(float(gaps[("Whole city", group)]["unserved"]), rel=1e-9)
    for district in {key[0] for key in gaps} - {"Whole city"}:
        assert sum(p["pop_total"] for p in points if p["district"] == district) == pytest.approx(
            float(gaps[(district, "total")]["unserved"]), rel=1e-9, abs=1e-6
        )
    assert all(p["dist_m"] is None or p["dist_m"] > 400 for p in points)
    # Clusters hold the unserved people of the points numbered with them; the rest are in no kept cluster.
    clusters = read_rows(tmp_path / "clusters.gpkg")
    assert [c["cluster"] for c in clusters] == list(range(1, len(clusters) + 1))
    assert all(c["pop_total"] >= 100.0 for c in clusters)
    assert [c["pop_total"] for c in clusters] == sorted((c["pop_total"] for c in clusters), reverse=True)
    for cluster in clusters:
        members = [p for p in points if p["cluster"] == cluster["cluster"]]
        for field in GROUP_FIELDS:
            assert cluster[field] == pytest.approx(sum(p[field] for p in members), rel=1e-9)
        assert cluster["_geometry"].area == pytest.approx(cluster["area_ha"] * 10_000, rel=1e-9)
        assert all(cluster["_geometry"].buffer(1e-6).contains(p["_geometry"]) for p in members)
        reached = [p for p in members if p["dist_m"] is not None]
        if reached:
            assert cluster["max_dist_m"] == pytest.approx(max(p["dist_m"] for p in reached))
    in_clusters = sum(c["pop_total"] for c in clusters)
    left = sum(p["pop_total"] for p in points if p["cluster"] == -1)
    assert in_clusters + left == pytest.approx(float(city["unserved"]), rel=1e-9)
    assert sum(int(gaps[(d, "total")]["clusters"]) for d in {k[0] for k in gaps} - {"Whole city"}) <= len(clusters)
    assert int(city["clusters"]) == len(clusters)


def test_chinese_run(tmp_path, lattice, habitat_provider, locale):
    locale("zh_CN")
    gpkg = tmp_path / "zh.gpkg"
    districts = write_layer(
        gpkg, "districts", "Polygon", 32650, [("name", "str")], [(WEST, ["<b>西区</b>"]), (EAST, ["东区"])]
    )
    report = tmp_path / "report.html"
    run(
        {
            **lattice,
            "DISTRICTS": districts,
            "OUTPUT_POINTS": "memory:",
            "OUTPUT_CLUSTERS": "memory:",
            "OUTPUT_TABLE": str(tmp_path / "table.csv"),
            "OUTPUT_REPORT": str(report),
        }
    )
    table = read_rows(tmp_path / "table.csv")
    assert {r["district"] for r in table} == {"全市", "<b>西区</b>", "东区"}
    html = report.read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in html and "&lt;b&gt;西区&lt;/b&gt;" in html and "<b>西区" not in html
    assert "开放公共空间" in html and html.count("data:image/png;base64,") == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ({"POPULATION_LAYER": None}, "exactly one population input"),
        ({"POPULATION_FIELDS": []}, "at least one population count field"),
        ({"DISTRICT_NAME_FIELD": "nom"}, 'no field "nom"'),
        ({"SEARCH_DISTANCE": 300.0}, "less than the walking distance"),
        ({"CLUSTER_CELL": 9000.0}, "at most 5000 m"),
        ({"PUBLIC_SPACES": "empty"}, "has no features"),
        ({"POPULATION_LAYER": "nobody"}, "holds no people"),
    ],
)
def test_bad_input_gives_a_clear_error_and_no_output(tmp_path, lattice, habitat_provider, change, message):
    gpkg = tmp_path / "bad.gpkg"
    layers = {
        "empty": write_layer(gpkg, "empty", "Polygon", 32650, [], []),
        "nobody": write_layer(
            gpkg, "nobody", "Point", 32650, [("total", "real"), ("women", "real")], [(Point(550, 550), [0.0, 0.0])]
        ),
    }
    outputs = {
        "OUTPUT_POINTS": str(tmp_path / "points.gpkg"),
        "OUTPUT_CLUSTERS": str(tmp_path / "clusters.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "table.csv"),
        "OUTPUT_REPORT": str(tmp_path / "report.html"),
    }
    parameters = {**lattice, **{k: layers.get(v, v) if isinstance(v, str) else v for k, v in change.items()}, **outputs}
    with pytest.raises(QgsProcessingException, match=message):
        run(parameters)
    assert not any((tmp_path / name).exists() for name in ("points.gpkg", "clusters.gpkg", "table.csv", "report.html"))


def test_everyone_served_gives_empty_layers(tmp_path, lattice, habitat_provider):
    gpkg = tmp_path / "near.gpkg"
    people = write_layer(
        gpkg, "people", "Point", 32650, [("total", "real"), ("women", "real")], [(Point(50, 50), [10.0, 5.0])]
    )
    messages = Messages()
    result = run(
        {
            **lattice,
            "POPULATION_LAYER": people,
            "OUTPUT_POINTS": "memory:",
            "OUTPUT_CLUSTERS": "memory:",
            "OUTPUT_TABLE": "memory:",
            "OUTPUT_REPORT": str(tmp_path / "r.html"),
        },
        feedback=messages,
    )
    assert result["POP_UNSERVED"] == 0.0 and result["CLUSTERS"] == 0
    assert result["OUTPUT_POINTS"].featureCount() == 0 and result["OUTPUT_CLUSTERS"].featureCount() == 0
    assert not math.isnan(result["SHARE_UNSERVED"])
    assert "0 of 10 people" in messages.text()
    np.testing.assert_array_equal([f["unserved"] for f in result["OUTPUT_TABLE"].getFeatures()], [0.0] * 6)
