"""`make demo`'s script runs the public space model on the sample city and writes files a person can open."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test.helpers import read_rows

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_demo_runs_the_model_and_writes_outputs(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "HABITAT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HABITAT_DEMO_OUTPUT=str(tmp_path / "demo"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py")], capture_output=True, text=True, env=env, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ran habitat:citywidepublicspaceassessment" in result.stdout
    assert "public space 3.5 %, streets 13.9 %, total 17.4 %" in result.stdout
    out = tmp_path / "demo"
    for name in (
        "public_space_inventory.gpkg",
        "street_area.gpkg",
        "walking_distance_network.gpkg",
        "access_by_district.csv",
        "land_share_report.html",
        "access_report.html",
    ):
        assert (out / name).stat().st_size > 0, name
    assert len(read_rows(out / "public_space_inventory.gpkg")) == 28
    assert "SDG 11.7.1 (b)" in (out / "access_report.html").read_text(encoding="utf-8")
    assert "ran habitat:spatialdevelopmentframework" in result.stdout and "investment priorities: 1." in result.stdout
    assert len(read_rows(out / "sdf_investment_priorities.gpkg")) == 60
    assert "ran habitat:publicspacequality" in result.stdout and "quality index of 25 spaces" in result.stdout
    quality = read_rows(out / "public_space_quality.gpkg")
    assert len(quality) == 28 and all(row["district"] for row in quality if row["submissions"])
    assert len(read_rows(out / "public_space_survey_import_log.csv")) == 5
    assert (out / "public_space_survey_form.xlsx").stat().st_size > 0
    assert "ran habitat:planassessment" in result.stdout
    assert len(read_rows(out / "plan_scores_by_plan.csv")) == 3  # two versions of one plan and a second city
