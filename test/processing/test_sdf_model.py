"""The "Spatial Development Framework analysis" model on the bundled sample region."""

import pytest

from test.conftest import SAMPLE_DATA
from test.helpers import read_rows

REGION = SAMPLE_DATA / "sample_region.gpkg"


def test_sdf_model_on_the_sample_region(tmp_path, habitat_provider):
    from qgis import processing

    layer = f"{REGION}|layername="
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
            "functions:hierarchy": str(tmp_path / "h.gpkg"),
            "priority:priorities": str(tmp_path / "p.gpkg"),
            "accessibility:influence_zones": str(tmp_path / "z.gpkg"),
        },
    )
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


def model_parameters(tmp_path):
    layer = f"{REGION}|layername="
    return {
        "settlements": layer + "settlements",
        "name_field": "name",
        "facilities": layer + "facilities",
        "function_field": "function",
        "indicators": ["growth_pct", "poverty_pct", "water_pct", "enrolment_pct"],
        "negative_indicators": ["poverty_pct"],
        "roads": layer + "roads",
        "road_class": "highway",
        "functions:hierarchy": str(tmp_path / "h.gpkg"),
        "priority:priorities": str(tmp_path / "p.gpkg"),
        "accessibility:influence_zones": str(tmp_path / "z.gpkg"),
    }


def test_a_cancelled_model_is_a_failure_and_leaves_the_folder_as_it_was(tmp_path, habitat_provider):
    """Cancel once the first step has written its output: the model fails (not a success with outputs missing)
    and the earlier outputs of an earlier run are back byte for byte, nothing new is left."""
    from qgis import processing
    from qgis.core import QgsProcessingException

    from test.hostile.hostile import RecordingFeedback, snapshot

    processing.run("habitat:spatialdevelopmentframework", model_parameters(tmp_path))
    before = snapshot(tmp_path)
    assert {"h.gpkg", "p.gpkg", "z.gpkg"} <= set(before)
    feedback = RecordingFeedback(cancel_after_progress=30)
    with pytest.raises(QgsProcessingException):
        processing.run("habitat:spatialdevelopmentframework", model_parameters(tmp_path), feedback=feedback)
    assert feedback.isCanceled()
    assert snapshot(tmp_path) == before


def test_a_failing_step_leaves_no_outputs_of_the_earlier_steps(tmp_path, habitat_provider):
    """The accessibility step fails (a roads layer without any road) after the first steps wrote their outputs:
    those go too, and the step's own message is in the log."""
    from qgis import processing
    from qgis.core import QgsProcessingException

    from test.helpers import write_layer
    from test.hostile.hostile import RecordingFeedback, snapshot

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    roads = write_layer(inputs / "roads.gpkg", "roads", "LineString", 32650, [("highway", "str")], [])
    out = tmp_path / "out"
    out.mkdir()
    parameters = {**model_parameters(out), "roads": roads}
    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("habitat:spatialdevelopmentframework", parameters, feedback=feedback)
    assert "Accessibility" in str(raised.value)  # QGIS names the step that failed
    assert "unexpected error" not in feedback.text() and "road" in (feedback.text() + str(raised.value)).lower()
    assert snapshot(out) == {}


def test_model_reports_the_regional_balance_of_development_and_access(tmp_path, habitat_provider):
    """With the population, the accessibility report weighs the balance by people: the Theil index of the
    development index, computed here from its own formula on the model's outputs, is in the report's table."""
    import math
    import re

    from qgis import processing

    parameters = model_parameters(tmp_path)
    parameters.update(
        {
            "population_field": "population",
            "development:development_index": str(tmp_path / "d.gpkg"),
            "accessibility:accessibility_report": str(tmp_path / "access.html"),
        }
    )
    processing.run("habitat:spatialdevelopmentframework", parameters)
    rows = read_rows(tmp_path / "d.gpkg")
    people = [r["population"] for r in rows]
    index = [r["dev_index"] for r in rows]
    share = [p / sum(people) for p in people]
    mean = sum(s * x for s, x in zip(share, index))
    theil = sum(s * (x / mean) * math.log(x / mean) for s, x in zip(share, index) if x > 0)
    text = (tmp_path / "access.html").read_text(encoding="utf-8")
    balance = text[text.index("Regional balance") :]
    # Columns: measure, settlements, mean, Theil…
    row = re.search(r"<td>Development index</td><td>60</td><td>([0-9.,]+)</td><td>([0-9.,]+)</td>", balance)
    assert row is not None, balance[:2000]
    assert float(row.group(1).replace(",", "")) == pytest.approx(mean, abs=5e-4)
    assert float(row.group(2)) == pytest.approx(theil, abs=5e-4)
    # The combined hierarchy (development and centrality) is in the index layer, beside the two single ones.
    assert {"sdf_level", "cen_level", "dev_class"} <= set(rows[0])
