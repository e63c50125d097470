"""habitat:sdfaccessibility through Processing on the straight-road region of the core tests, by hand."""

import math

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from shapely.geometry import LineString, Point

from test.helpers import read_rows, write_layer

ALG = "habitat:sdfaccessibility"
X0, Y0 = 500_000.0, 3_500_000.0


@pytest.fixture
def region(tmp_path):
    gpkg = tmp_path / "region.gpkg"
    rows = [
        (
            Point(X0 + 10_000 * k, Y0 + 100),
            [f"S{k}", 1 if k == 0 else 2 if k == 6 else 3, 100.0 if k == 0 else 25.0 if k == 6 else 5.0],
        )
        for k in range(7)
    ]
    rows.append((Point(X0 + 30_000, Y0 + 20_000), ["Far", 3, 1.0]))  # 20 km from the road
    settlements = write_layer(
        gpkg, "settlements", "Point", 32650, [("name", "str"), ("level", "int"), ("centrality", "real")], rows
    )
    roads = write_layer(
        gpkg,
        "roads",
        "LineString",
        32650,
        [("highway", "str")],
        [
            (LineString([(X0, Y0), (X0 + 30_000, Y0)]), ["primary"]),
            (LineString([(X0 + 30_000, Y0), (X0 + 60_000, Y0)]), ["primary"]),
        ],
    )
    return {
        "SETTLEMENTS": settlements,
        "NAME_FIELD": "name",
        "LEVEL_FIELD": "level",
        "MASS_FIELD": "centrality",
        "ROADS": roads,
        "CLASS_FIELD": "highway",
        "SPEEDS": ["primary", 60],
        "OFF_ROAD_SPEED": 6.0,
    }


def test_straight_road_by_hand(region, tmp_path, habitat_provider):
    from qgis import processing

    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, warning):  # noqa: N802
            messages.append(warning)

    result = processing.run(
        ALG,
        {
            **region,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_ZONES": str(tmp_path / "z.gpkg"),
            "OUTPUT_ISOCHRONES": str(tmp_path / "i.gpkg"),
        },
        feedback=Feedback(),
    )
    assert (result["CENTRES"], result["UNCONNECTED"]) == (2, 1)
    assert any("1 settlements have no road within reach" in m and "Far" in m for m in messages)
    rows = {r["name"]: r for r in read_rows(tmp_path / "a.gpkg")}
    # 1 min off-road each end (100 m at 6 km/h), 1 min per km on the road.
    assert rows["S3"]["time_l1"] == pytest.approx(32.0) and rows["S3"]["time_l2"] == pytest.approx(32.0)
    assert rows["S5"]["time_l1"] == pytest.approx(52.0) and rows["S5"]["time_l2"] == pytest.approx(12.0)
    # Default Hansen: exponential decay 2^(-minutes / 30) (beta 0.0231 per minute), a centre's own mass counted:
    # S3 is 32 minutes from both centres: (100 + 25) x 2^(-32/30); S0 has its own 100 plus 25 x 2^(-62/30).
    beta = 0.0231  # the parameter's default, rounded from ln 2 / 30
    assert rows["S3"]["hansen"] == pytest.approx(125 * math.exp(-beta * 32))
    assert rows["S0"]["hansen"] == pytest.approx(100 + 25 * math.exp(-beta * 62))
    assert rows["Far"]["hansen"] == 0.0 and rows["Far"]["access_idx"] == 0.0  # no road: no centre counts
    # access_idx: 0-100 on ln(hansen) between the smallest positive and the largest value.
    positive = {name: math.log(r["hansen"]) for name, r in rows.items() if r["hansen"] > 0}
    low, high = min(positive.values()), max(positive.values())
    for name, value in positive.items():
        assert rows[name]["access_idx"] == pytest.approx(100 * (value - low) / (high - low))
    assert rows["S3"]["dominant"] == "S0" and rows["S3"]["dom_share"] == pytest.approx(0.8)
    assert rows["S5"]["dominant"] == "S6"
    assert rows["Far"]["time_l1"] is None and rows["Far"]["road_access"] == 0
    zones = {r["centre"]: r for r in read_rows(tmp_path / "z.gpkg")}
    assert set(zones) == {"S0", "S6"} and zones["S0"]["settlements"] == 5 and zones["S6"]["settlements"] == 2
    bands = sorted(r["minutes"] for r in read_rows(tmp_path / "i.gpkg"))
    assert bands == [15.0, 30.0, 60.0]


def test_no_centres_is_a_clear_error(region, tmp_path, habitat_provider):
    from qgis import processing

    with pytest.raises(QgsProcessingException, match="no centres"):
        processing.run(
            ALG,
            {
                **region,
                "SETTLEMENTS": region["SETTLEMENTS"] + '|subset="level" = 3',
                "OUTPUT": "memory:",
                "OUTPUT_ZONES": "memory:",
                "OUTPUT_ISOCHRONES": None,
            },
        )


def test_geographic_inputs_are_projected(region, tmp_path, habitat_provider):
    from qgis import processing

    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            messages.append(info)

    reprojected = {
        key: processing.run(
            "native:reprojectlayer",
            {"INPUT": region[key], "TARGET_CRS": "EPSG:4326", "OUTPUT": str(tmp_path / f"{key}.gpkg")},
        )["OUTPUT"]
        for key in ("SETTLEMENTS", "ROADS")
    }
    processing.run(
        ALG,
        {
            **region,
            **reprojected,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_ZONES": "memory:",
            "OUTPUT_ISOCHRONES": None,
        },
        feedback=Feedback(),
    )
    assert any("EPSG:4326" in m and "EPSG:32650" in m for m in messages)
    rows = {r["name"]: r for r in read_rows(tmp_path / "a.gpkg")}
    assert rows["S3"]["time_l1"] == pytest.approx(32.0, abs=0.05)  # the same minutes as in metres


def test_the_old_power_decay_without_own_mass_by_hand(region, tmp_path, habitat_provider):
    """DECAY_FUNCTION = power, DECAY = 2, INCLUDE_OWN = False: the Hansen values before issue 15, by hand."""
    from qgis import processing

    processing.run(
        ALG,
        {
            **region,
            "DECAY_FUNCTION": 1,
            "DECAY": 2.0,
            "INCLUDE_OWN": False,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_ZONES": "memory:",
            "OUTPUT_ISOCHRONES": None,
        },
    )
    rows = {r["name"]: r for r in read_rows(tmp_path / "a.gpkg")}
    # Settlement k is 2 + 10 k minutes from S0 (mass 100) and 2 + 10 (6 - k) from S6 (mass 25); centres leave
    # their own mass out.
    for k in range(7):
        to_s0, to_s6 = 2.0 + 10 * k, 2.0 + 10 * (6 - k)
        expected = (100 / to_s0**2 if k != 0 else 0.0) + (25 / to_s6**2 if k != 6 else 0.0)
        assert rows[f"S{k}"]["hansen"] == pytest.approx(expected), k
    # Huff keeps beta = 2 whatever the Hansen decay: S3 is 32 minutes from both, 100 / (100 + 25) = 0.8.
    assert rows["S3"]["dom_share"] == pytest.approx(0.8)


def test_power_decay_with_the_exponential_beta_is_warned(region, tmp_path, habitat_provider):
    from qgis import processing

    from test.helpers import Messages

    feedback = Messages()
    processing.run(
        ALG,
        {**region, "DECAY_FUNCTION": 1, "OUTPUT": "memory:", "OUTPUT_ZONES": "memory:", "OUTPUT_ISOCHRONES": None},
        feedback=feedback,
    )
    assert "hardly discounts travel time" in feedback.text() and "0.0231" in feedback.text()


def test_a_centre_without_a_road_is_reached_by_no_one(region, tmp_path, habitat_provider):
    """The level-2 centre S6 moved 20 km off the road (beyond the 5 km a settlement walks to a road): no one reaches
    it, so S5 turns to the capital S0 (50 km of road at 60 km/h + 1 min off-road at each end = 52 min), and S6's own
    people still count in its Hansen accessibility."""
    from qgis import processing

    gpkg = tmp_path / "moved.gpkg"
    rows = [
        (
            Point(X0 + 10_000 * k, Y0 + 100 if k != 6 else Y0 + 20_000),
            [f"S{k}", 1 if k == 0 else 2 if k == 6 else 3, 100.0 if k == 0 else 25.0 if k == 6 else 5.0],
        )
        for k in range(7)
    ]
    settlements = write_layer(
        gpkg, "settlements", "Point", 32650, [("name", "str"), ("level", "int"), ("centrality", "real")], rows
    )
    processing.run(
        ALG,
        {
            **region,
            "SETTLEMENTS": settlements,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_ZONES": str(tmp_path / "z.gpkg"),
            "OUTPUT_ISOCHRONES": None,
            "OUTPUT_REPORT": None,
        },
    )
    out = {r["name"]: r for r in read_rows(tmp_path / "a.gpkg")}
    assert out["S5"]["time_l2"] == pytest.approx(52.0) and out["S5"]["time_l1"] == pytest.approx(52.0)
    assert out["S6"]["time_l2"] is None and out["S6"]["road_access"] == 0
    assert out["S6"]["hansen"] == pytest.approx(25.0)  # its own mass at no travel time, nothing else within reach


def test_population_and_index_fields_are_checked_before_anything_is_written(region, tmp_path, habitat_provider):
    """A negative population, a development index of z-scores: refused naming the field (found by a hostile
    sweep); nothing written."""
    from qgis import processing

    gpkg = tmp_path / "people.gpkg"
    rows = [
        (
            Point(X0 + 10_000 * k, Y0 + 100),
            [f"S{k}", 1 if k == 0 else 2 if k == 6 else 3, 100.0 if k == 0 else 5.0, -5 if k == 3 else 100, k - 3.0],
        )
        for k in range(7)
    ]
    fields = [("name", "str"), ("level", "int"), ("centrality", "real"), ("pop", "int"), ("z", "real")]
    settlements = write_layer(gpkg, "s", "Point", 32650, fields, rows)
    outputs = {"OUTPUT": str(tmp_path / "a.gpkg"), "OUTPUT_ZONES": str(tmp_path / "z.gpkg")}
    with pytest.raises(QgsProcessingException, match="The field pop has negative values"):
        processing.run(ALG, {**region, **outputs, "SETTLEMENTS": settlements, "POPULATION_FIELD": "pop"})
    with pytest.raises(QgsProcessingException, match="development index field z has negative values"):
        processing.run(ALG, {**region, **outputs, "SETTLEMENTS": settlements, "DEVELOPMENT_FIELD": "z"})
    assert not (tmp_path / "a.gpkg").exists() and not (tmp_path / "z.gpkg").exists()
