"""Every report records what made it (tool, inputs, plugin and QGIS versions, date) and can be a PDF that
renders Chinese with an embedded CJK font."""

import shutil
import subprocess
import unicodedata
from datetime import datetime, timezone

import pytest
from qgis.core import Qgis

from habitat_planning_plugin.core.report.html import Report, run_details
from habitat_planning_plugin.paths import plugin_version
from test.conftest import SAMPLE_DATA

SCORECARDS = sorted(str(p) for p in (SAMPLE_DATA / "scorecards").iterdir())


def assess(report_path):
    from qgis import processing

    return processing.run(
        "habitat:planassessment",
        {
            "SCORECARDS": SCORECARDS,
            "OUTPUT_CRITERIA": "TEMPORARY_OUTPUT",
            "OUTPUT_THEMES": "TEMPORARY_OUTPUT",
            "OUTPUT_PLANS": "TEMPORARY_OUTPUT",
            "OUTPUT_REPORT": str(report_path),
        },
    )


def test_report_records_tool_inputs_versions_and_date(tmp_path, habitat_provider):
    assess(tmp_path / "report.html")
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Inputs and parameters" in text and "Scorecards (XLSX, CSV or JSON)" in text
    assert "sample_city_2026_ana.xlsx" in text or "ana" in text.lower()
    assert f"Habitat Planning Toolkit {plugin_version()}, QGIS {Qgis.QGIS_VERSION}" in text
    assert datetime.now(timezone.utc).strftime("%Y-%m-%d") in text and "Tool: Plan assessment." in text
    assert '<html lang="en">' in text


def test_user_text_in_inputs_is_escaped():
    with run_details("Tool <b>", [("Layer", "<script>alert(1)</script>")]):
        page = Report("Title").render("footer")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Tool &lt;b&gt;" in page
    assert "Inputs and parameters" not in Report("Title").render()  # outside a run: no inputs table


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by bootstrap.sh")
def test_pdf_report_renders_chinese(tmp_path, habitat_provider, locale):
    locale("zh_CN")
    result = assess(tmp_path / "report.pdf")
    assert result["OUTPUT_REPORT"] == str(tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Qt maps a few glyphs back to their Kangxi radical code points (入 -> ⼊); NFKC folds them to the same text.
    text = unicodedata.normalize("NFKC", text)
    assert "规划评估" in text and "输入与参数" in text and "优势" in text
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk)  # a CJK font, embedded
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no partial file left beside it
