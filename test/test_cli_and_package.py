"""The command-line path (scripts/habitat-process) and the installable zip, in real qgis_process runs."""

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed")]


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "HABITAT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def habitat_process(*args, **env):
    return subprocess.run(
        [str(ROOT / "scripts" / "habitat-process"), *args],
        capture_output=True,
        text=True,
        env=clean_env(**env),
        timeout=300,
    )


def provider_section(listing: str, title: str):
    """The algorithm lines listed under the provider heading ``title`` (None when the heading is absent)."""
    lines = listing.splitlines()
    if title not in lines:
        return None
    start = lines.index(title) + 1
    section = []
    for line in lines[start:]:
        if line and not line.startswith("\t"):
            break
        if line.startswith("\t"):
            section.append(line.strip())
    return section


def expected_algorithm_ids():
    import habitat_planning_plugin.processing.algorithms as algorithms

    return sorted(f"habitat:{cls.ALGORITHM_ID}" for cls in algorithms.ALGORITHM_CLASSES)


def test_habitat_process_lists_the_provider_and_its_algorithms():
    result = habitat_process("list")
    assert result.returncode == 0, result.stderr
    section = provider_section(result.stdout, "Habitat planning")
    assert section is not None, result.stdout
    listed = sorted(line.split("\t")[0] for line in section if line.startswith("habitat:"))
    assert listed == sorted(set(listed) | set(expected_algorithm_ids())) and set(expected_algorithm_ids()) <= set(
        listed
    )


def test_habitat_process_speaks_chinese_with_habitat_locale():
    result = habitat_process("list", HABITAT_LOCALE="zh_CN")
    assert result.returncode == 0, result.stderr
    assert provider_section(result.stdout, "人居规划") is not None, result.stdout


def test_habitat_process_leaves_no_profile_behind(tmp_path):
    result = habitat_process("list", TMPDIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


def install_zip(profile: Path, root: Path = ROOT) -> Path:
    """The zip ``make package`` builds in ``root`` (this tree, or another checkout), unpacked into a profile."""
    subprocess.run(["make", "-C", str(root), "--no-print-directory", "-s", "package"], check=True, capture_output=True)
    version = next(
        line.split("=", 1)[1].strip()
        for line in (root / "metadata.txt").read_text().splitlines()
        if line.startswith("version=")
    )
    archive = root / "dist" / f"habitat_planning_plugin-{version}.zip"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        # What "Install from ZIP" needs: one top folder holding metadata.txt and __init__.py.
        assert {name.split("/")[0] for name in names} == {"habitat_planning_plugin"}
        for required in (
            "metadata.txt",
            "__init__.py",
            "i18n/habitat_planning_plugin_zh_CN.qm",
            "resources/icons/habitat.svg",
            "resources/sample_data/sample_city.gpkg",
            "resources/sample_data/sample_region.gpkg",
            "resources/frameworks/citywide_plan_assessment.json",
            "resources/styles/access_network.qml",
            "resources/styles/workshop_public_spaces.qml",
            "resources/questionnaires/public_space_quality.json",
            "resources/sample_data/survey/public_space_survey.csv",
            "LICENSE",
        ):
            assert f"habitat_planning_plugin/{required}" in names, required
        assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
        zipped.extractall(plugins)
    return plugins / "habitat_planning_plugin"


def run_in_profile(profile: Path, *args):
    return subprocess.run(
        [QGIS_PROCESS, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=clean_env(QGIS_CUSTOM_CONFIG_PATH=str(profile), XDG_RUNTIME_DIR=str(profile)),
    )


def test_zip_installs_and_loads_in_a_clean_profile_in_english_and_chinese(tmp_path):
    profile = tmp_path / "qgis"
    install_zip(profile)
    enabled = run_in_profile(profile, "plugins", "enable", "habitat_planning_plugin")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    listing = run_in_profile(profile, "list")
    assert provider_section(listing.stdout, "Habitat planning") is not None, listing.stdout

    # Switch the profile to Chinese the way QGIS's options dialog does.
    ini = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.write_text(
        ini.read_text(encoding="utf-8") + "\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n", encoding="utf-8"
    )
    listing = run_in_profile(profile, "list")
    assert provider_section(listing.stdout, "人居规划") is not None, listing.stdout


def test_model_runs_through_habitat_process_with_json(tmp_path):
    import json

    from test.conftest import SAMPLE_GPKG, SAMPLE_POPULATION

    layer = f"{SAMPLE_GPKG}|layername="
    result = habitat_process(
        "--json",
        "run",
        "habitat:citywidepublicspaceassessment",
        "--",
        f"public_spaces={layer}public_spaces",
        "type_field=ps_type",
        "access_field=access",
        "fee_field=fee",
        f"urban_extent={layer}urban_extent",
        f"streets={layer}streets",
        "width_field=width_m",
        f"population={SAMPLE_POPULATION}",
        f"land_share:land_share={tmp_path / 'land.csv'}",
        f"access:access={tmp_path / 'access.csv'}",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    results = json.loads(result.stdout[result.stdout.index("{") :])["results"]
    assert results["land_share:land_share"] == str(tmp_path / "land.csv")
    rows = (tmp_path / "access.csv").read_text(encoding="utf-8").splitlines()
    assert any(row.startswith("Whole city,total,network,") for row in rows)


def test_survey_form_and_quality_with_a_pdf_report_through_habitat_process(tmp_path):
    import json

    from test.conftest import SAMPLE_DATA, SAMPLE_GPKG

    spaces = f"{SAMPLE_GPKG}|layername=public_spaces"
    form = habitat_process(
        "--json",
        "run",
        "habitat:koboform",
        "--",
        f"INVENTORY={spaces}",
        "ID_FIELD=ps_id",
        f"OUTPUT={tmp_path / 'form.xlsx'}",
    )
    assert form.returncode == 0, form.stderr[-2000:]
    assert (tmp_path / "form.xlsx").stat().st_size > 0
    result = habitat_process(
        "--json",
        "run",
        "habitat:publicspacequality",
        "--",
        f"SURVEY={SAMPLE_DATA / 'survey' / 'public_space_survey.csv'}",
        f"INVENTORY={spaces}",
        "ID_FIELD=ps_id",
        "NAME_FIELD=name",
        f"OUTPUT={tmp_path / 'quality.gpkg'}",
        f"OUTPUT_ANSWERS={tmp_path / 'answers.csv'}",
        f"OUTPUT_LOG={tmp_path / 'log.csv'}",
        f"OUTPUT_REPORT={tmp_path / 'quality.pdf'}",
        HABITAT_LOCALE="zh_CN",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    results = json.loads(result.stdout[result.stdout.index("{") :])["results"]
    assert (results["SPACES_SURVEYED"], results["SUBMISSIONS_LINKED"], results["PROBLEMS"]) == (25, 75, 5)
    assert (tmp_path / "quality.pdf").read_bytes()[:5] == b"%PDF-"
