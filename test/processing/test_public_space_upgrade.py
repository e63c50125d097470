"""habitat:publicspaceupgrade through Processing: the hand-worked lattice as real layers, the sample city after
habitat:publicspacequality (dependants adding up to the population served of habitat:publicspaceaccess), Chinese,
the style and bad input."""

import time

import pytest
from qgis.core import QgsProcessingException
from shapely.geometry import LineString, Point, box

from test.conftest import SAMPLE_DATA, SAMPLE_POPULATION, layer_path
from test.core.test_upgrade import POINTS, SPACES, lattice
from test.helpers import read_rows, write_layer
from test.processing.test_public_space_access import COUNTED

ALG = "habitat:publicspaceupgrade"
DIMENSIONS = ["accessibility", "use", "comfort", "safety", "green", "facilities", "maintenance"]
# A: quality 40, weakest safety (20) then use (30); B: quality 80, weakest maintenance (65) then comfort (70);
# C: never surveyed.
SCORES = {"A": (40.0, [50, 30, 60, 20, 40, 45, 35]), "B": (80.0, [90, 85, 70, 80, 75, 95, 65]), "C": (None, [None] * 7)}


def run(parameters, feedback=None):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    return processing.run(ALG, parameters, feedback=feedback or QgsProcessingFeedback())


@pytest.fixture
def lattice_city(tmp_path):
    gpkg = tmp_path / "city.gpkg"
    streets = write_layer(
        gpkg,
        "streets",
        "LineString",
        32650,
        [("id", "int")],
        [(LineString(line), [i]) for i, line in enumerate(lattice())],
    )
    fields = [("sid", "int"), ("name", "str"), ("quality_index", "real")] + [(f"q_{d}", "real") for d in DIMENSIONS]
    quality = write_layer(
        gpkg,
        "quality",
        "Polygon",
        32650,
        fields,
        [
            (shape, [number, name, SCORES[name][0]] + SCORES[name][1])
            for number, (shape, name) in enumerate(zip(SPACES, "ABC"), start=1)
        ],
    )
    people = write_layer(
        gpkg, "people", "Point", 32650, [("total", "real"), ("women", "real")], [(Point(p), w) for p, w, _, _ in POINTS]
    )
    districts = write_layer(
        gpkg,
        "districts",
        "Polygon",
        32650,
        [("name", "str")],
        [(box(-400, -50, 200, 250), ["West"]), (box(200, -50, 700, 250), ["East"])],
    )
    return {
        "QUALITY": quality,
        "ID_FIELD": "sid",
        "NAME_FIELD": "name",
        "STREETS": streets,
        "POPULATION_LAYER": people,
        "POPULATION_FIELDS": ["total", "women"],
        "DISTRICTS": districts,
        "DISTRICT_NAME_FIELD": "name",
    }


def number(value):
    return None if value in (None, "") else float(value)


def test_lattice_by_hand(lattice_city, tmp_path, habitat_provider):
    outputs = {
        "OUTPUT": str(tmp_path / "upgrade.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "upgrade.csv"),
        "OUTPUT_REPORT": str(tmp_path / "upgrade.html"),
    }
    result = run({**lattice_city, **outputs})
    assert (result["SPACES_SURVEYED"], result["SPACES_NOT_SURVEYED"]) == (2, 1)
    assert result["POP_TOTAL"] == pytest.approx(490.0) and result["POP_DEPENDANTS"] == pytest.approx(420.0)
    rows = read_rows(outputs["OUTPUT"])
    assert [r["name"] for r in rows] == ["A", "B", "C"]  # in ranking order
    a, b, c = rows
    assert list(a)[:-1] == [
        "space_id",
        "name",
        "district",
        "surveyed",
        "quality_index",
        "weakest_1",
        "weakest_1_score",
        "weakest_2",
        "weakest_2_score",
        "dependants",
        "dep_total",
        "dep_women",
        "need_pts",
        "people_pts",
        "priority",
        "rank",
    ]
    # Dependants by hand (core test): A 100 + 40, B 200, C 50 + 30; 70 people live beyond 400 m.
    assert [(r["space_id"], r["district"], r["surveyed"], r["rank"]) for r in rows] == [
        ("1", "West", 1, 1),
        ("2", "East", 1, 2),
        ("3", "East", 0, 3),
    ]
    assert [(r["dependants"], r["dep_total"], r["dep_women"]) for r in rows] == [
        (140.0, 140.0, 85.0),
        (200.0, 200.0, 90.0),
        (80.0, 80.0, 30.0),
    ]
    # Priority: need (100 - Q) / 100 x 50 + people (dependants / 200) x 50.
    assert (a["need_pts"], a["people_pts"], a["priority"]) == pytest.approx((30.0, 35.0, 65.0))
    assert (b["need_pts"], b["people_pts"], b["priority"]) == pytest.approx((10.0, 50.0, 60.0))
    assert c["priority"] is None and c["need_pts"] is None and c["quality_index"] is None
    assert (a["weakest_1"], a["weakest_1_score"], a["weakest_2"], a["weakest_2_score"]) == (
        "Safety",
        20.0,
        "Use and users",
        30.0,
    )
    assert (b["weakest_1"], b["weakest_2"]) == ("Maintenance", "Comfort")
    assert c["weakest_1"] is None
    table = read_rows(outputs["OUTPUT_TABLE"])
    assert [(t["name"], number(t["priority"]), int(t["rank"])) for t in table] == [
        ("A", 65.0, 1),
        ("B", 60.0, 2),
        ("C", None, 3),
    ]
    report = (tmp_path / "upgrade.html").read_text(encoding="utf-8")
    assert "Survey these first" in report and "Safety (20)" in report and "<img" in report
    # Residents by district: West 100 + 40 on A and 70 beyond 400 m; East 200 on B, 50 + 30 on C (not surveyed).
    assert "<td>West</td><td>210</td><td>140</td><td>0</td><td>70</td>" in report
    assert "<td>East</td><td>280</td><td>200</td><td>80</td><td>0</td>" in report

    # People weigh alone: B first.
    again = run(
        {
            **lattice_city,
            "NEED_WEIGHT": 0,
            "PEOPLE_WEIGHT": 1,
            "OUTPUT": str(tmp_path / "p.gpkg"),
            "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
            "OUTPUT_REPORT": None,
        }
    )
    assert [(r["name"], r["priority"]) for r in read_rows(again["OUTPUT"])] == [("B", 100.0), ("A", 70.0), ("C", None)]


def test_sample_city_after_quality_adds_up_to_access(tmp_path, habitat_provider):
    """Quality from the sample survey, then the upgrade ranking: every person served by SDG 11.7.1 (b) on the same
    inputs depends on exactly one space, group by group; for the spaces open to the public (all surveyed) and for
    the whole inventory (three spaces never surveyed)."""
    from qgis import processing

    quality = processing.run(
        "habitat:publicspacequality",
        {
            "SURVEY": str(SAMPLE_DATA / "survey" / "public_space_survey.csv"),
            "INVENTORY": layer_path("public_spaces"),
            "ID_FIELD": "ps_id",
            "NAME_FIELD": "name",
            "OUTPUT": str(tmp_path / "quality.gpkg"),
            "OUTPUT_ANSWERS": "TEMPORARY_OUTPUT",
            "OUTPUT_LOG": "TEMPORARY_OUTPUT",
            "OUTPUT_REPORT": None,
        },
    )
    assert quality["SPACES_SURVEYED"] == 25
    common = {
        "STREETS": layer_path("streets"),
        "POPULATION_RASTER": str(SAMPLE_POPULATION),
        "DISTRICTS": layer_path("districts"),
        "DISTRICT_NAME_FIELD": "name",
    }
    every_space = read_rows(tmp_path / "quality.gpkg")
    open_to_all = [
        s
        for s in every_space
        if s["access"] == "public"
        and s["fee"] == "no"
        and s["ps_type"] in ("park", "civic park", "square", "recreational green area", "public facility open area")
    ]
    # the spaces open to the public (as SDG 11.7.1 counts them), then the whole inventory
    for name, source, spaces in (
        ("counted", str(tmp_path / "quality.gpkg") + COUNTED, open_to_all),
        ("all", str(tmp_path / "quality.gpkg"), every_space),
    ):
        start = time.perf_counter()
        result = run(
            {
                **common,
                "QUALITY": source,
                "ID_FIELD": "ps_id",
                "NAME_FIELD": "name",
                "OUTPUT": str(tmp_path / f"{name}.gpkg"),
                "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
                "OUTPUT_REPORT": str(tmp_path / f"{name}.html"),
            }
        )
        upgrade_seconds = time.perf_counter() - start
        start = time.perf_counter()
        access = processing.run(
            "habitat:publicspaceaccess",
            {
                **common,
                "PUBLIC_SPACES": source,
                "OUTPUT_NETWORK": None,
                "OUTPUT_SERVICE_AREA": None,
                "OUTPUT_TABLE": str(tmp_path / f"{name}_access.csv"),
                "OUTPUT_REPORT": None,
            },
        )
        access_seconds = time.perf_counter() - start
        assert upgrade_seconds < 3 * access_seconds + 5

        rows = read_rows(tmp_path / f"{name}.gpkg")
        assert len(rows) == len(spaces)
        city = {
            r["pop_group"]: float(r["served"])
            for r in read_rows(tmp_path / f"{name}_access.csv")
            if r["method"] == "network" and r["district"] == "Whole city"
        }
        assert set(city) == {"total", "female", "male", "children_0_14", "older_65_plus", "disability"}
        for group, served in city.items():
            assert sum(r[f"dep_{group}"] for r in rows) == pytest.approx(served, rel=1e-9, abs=1e-6)
        assert result["POP_DEPENDANTS"] == pytest.approx(access["POP_SERVED"], rel=1e-9)
        assert all(r["dependants"] == r["dep_total"] for r in rows)

        # Surveyed = has a quality index; ranks 1..n, surveyed first by priority, the others by dependants.
        with_index = {str(s["ps_id"]) for s in spaces if s["quality_index"] is not None}
        assert {r["space_id"] for r in rows if r["surveyed"] == 1} == with_index
        assert result["SPACES_SURVEYED"] == len(with_index) == 25
        assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
        surveyed = [r for r in rows if r["surveyed"] == 1]
        assert rows[: len(surveyed)] == surveyed
        assert all(x["priority"] >= y["priority"] for x, y in zip(surveyed, surveyed[1:]))
        others = rows[len(surveyed) :]
        assert len(others) == (0 if name == "counted" else 3)
        assert all(x["dependants"] >= y["dependants"] for x, y in zip(others, others[1:]))
        assert all(r["priority"] is None and r["dependants"] > 0 for r in others)
        # Each score recomputed from the fields: need and people parts, the most dependants of a surveyed space.
        most = max(r["dependants"] for r in surveyed)
        by_id = {str(s["ps_id"]): s for s in spaces}
        for r in surveyed:
            assert r["quality_index"] == pytest.approx(by_id[r["space_id"]]["quality_index"])
            assert r["need_pts"] == pytest.approx(50 * (100 - r["quality_index"]) / 100)
            assert r["people_pts"] == pytest.approx(50 * r["dependants"] / most)
            assert r["priority"] == pytest.approx(r["need_pts"] + r["people_pts"])
            dims = {d: by_id[r["space_id"]][f"q_{d}"] for d in DIMENSIONS}
            assert r["weakest_1_score"] == pytest.approx(min(v for v in dims.values() if v is not None))
            assert r["weakest_1_score"] <= r["weakest_2_score"]
        assert all(r["district"] for r in rows)
        report = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        assert "Weakest dimensions across the city" in report and "Residents by district" in report
        assert ("Every space has a quality index." in report) == (name == "counted")


def test_chinese_labels(lattice_city, tmp_path, habitat_provider, locale):
    locale("zh_CN")
    run(
        {
            **lattice_city,
            "OUTPUT": str(tmp_path / "u.gpkg"),
            "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
            "OUTPUT_REPORT": str(tmp_path / "u.html"),
        }
    )
    a = read_rows(tmp_path / "u.gpkg")[0]
    assert (a["weakest_1"], a["weakest_2"]) == ("安全性", "使用与使用者")
    report = (tmp_path / "u.html").read_text(encoding="utf-8")
    assert "安全性" in report and 'lang="zh-CN"' in report


def test_style_greys_spaces_without_index(lattice_city, tmp_path, habitat_provider):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    from habitat_planning_plugin.processing.public_space.public_space_upgrade import PriorityStyle

    run({**lattice_city, "OUTPUT": str(tmp_path / "u.gpkg"), "OUTPUT_TABLE": "TEMPORARY_OUTPUT", "OUTPUT_REPORT": None})
    layer = QgsVectorLayer(str(tmp_path / "u.gpkg"), "u", "ogr")
    PriorityStyle("Upgrade", "No quality index").postProcessLayer(
        layer, QgsProcessingContext(), QgsProcessingFeedback()
    )
    rules = layer.renderer().rootRule().children()
    assert rules[-1].filterExpression() == '"priority" IS NULL' and rules[-1].label() == "No quality index"
    assert len(rules) == 2  # the priority class (two values: one class) and the grey rule
    assert "priority" in rules[0].filterExpression() and rules[0].symbol().color().name() == "#fee5d9"
    assert layer.name() == "Upgrade"


def test_bad_input(lattice_city, tmp_path, habitat_provider):
    out = tmp_path / "out"
    out.mkdir()
    outputs = {"OUTPUT": str(out / "u.gpkg"), "OUTPUT_TABLE": str(out / "u.csv"), "OUTPUT_REPORT": str(out / "u.html")}
    # The plain spaces layer, not the quality output: no quality_index field.
    plain = write_layer(
        tmp_path / "plain.gpkg",
        "spaces",
        "Polygon",
        32650,
        [("sid", "int")],
        [(shape, [i]) for i, shape in enumerate(SPACES)],
    )
    with pytest.raises(
        QgsProcessingException, match='has no field "quality_index": give the output of Public space quality'
    ):
        run({**lattice_city, "QUALITY": plain, "NAME_FIELD": None, **outputs})
    with pytest.raises(QgsProcessingException, match='has no field "score"'):
        run({**lattice_city, "QUALITY_FIELD": "score", **outputs})
    far = write_layer(
        tmp_path / "far.gpkg",
        "streets",
        "LineString",
        32650,
        [("id", "int")],
        [(LineString([(100, 50), (200, 50)]), [1]), (LineString([(100, 50), (100, 150)]), [2])],
    )
    with pytest.raises(QgsProcessingException, match="No street reaches a public space"):
        run({**lattice_city, "STREETS": far, **outputs})
    with pytest.raises(QgsProcessingException, match="are both 0"):
        run({**lattice_city, "NEED_WEIGHT": 0, "PEOPLE_WEIGHT": 0, **outputs})
    with pytest.raises(QgsProcessingException, match="must be between 0 and"):
        run({**lattice_city, "NEED_WEIGHT": -1, **outputs})
    with pytest.raises(QgsProcessingException, match="exactly one population input"):
        run({**lattice_city, "POPULATION_RASTER": str(SAMPLE_POPULATION), **outputs})
    assert list(out.iterdir()) == []
