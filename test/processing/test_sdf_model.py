"""The "Spatial Development Framework analysis" model on the bundled sample region."""

import pytest

from test.conftest import SAMPLE_DATA
from test.helpers import read_rows

REGION = SAMPLE_DATA / "sample_region.gpkg"


def test_sdf_model_on_the_sample_region(tmp_path, habitat_provider):
    from qgis import processing

    layer = f"{REGION}|layername="
    processing.run("habitat:spatialdevelopmentframework", {
        "settlements": layer + "settlements", "name_field": "name", "facilities": layer + "facilities",
        "function_field": "function", "indicators": ["growth_pct", "poverty_pct", "water_pct", "enrolment_pct"],
        "negative_indicators": ["poverty_pct"], "roads": layer + "roads", "road_class": "highway",
        "functions:hierarchy": str(tmp_path / "h.gpkg"), "priority:priorities": str(tmp_path / "p.gpkg"),
        "accessibility:influence_zones": str(tmp_path / "z.gpkg")})
    hierarchy = read_rows(tmp_path / "h.gpkg")
    assert len(hierarchy) == 60 and {r["level_label"] for r in hierarchy} == {"Central", "Intermediate", "Local"}
    capital = next(r for r in hierarchy if r["kind"] == "capital")
    assert capital["rank"] == 1 and capital["level"] == 1
    priorities = read_rows(tmp_path / "p.gpkg")
    assert len(priorities) == 60
    for row in priorities:  # every score is explained by its parts
        assert sum(row[k] for k in row if k.startswith("p_")) == pytest.approx(row["priority"])
    remote = [r for r in priorities if r["road_access"] == 0]
    assert len(remote) == 1 and remote[0]["time_l1"] is None  # the village without a road
    zones = read_rows(tmp_path / "z.gpkg")
    assert 1 < len(zones) <= sum(1 for r in hierarchy if r["level"] <= 2)
