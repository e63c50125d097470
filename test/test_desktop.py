"""End to end in the real QGIS desktop, as a trainer: install the zip into a fresh profile, set QGIS's language the
way a user does (Settings ▸ Options ▸ General ▸ 简体中文, stored as zh-Hans; or English), open QGIS under the test
run's X display, load the workshop data, go through every guided dialog step by step, run it, look at the map.

Asserted: no untranslated plugin string on any step; the legend shows the renderer's translated class labels,
one class per value in the data; every result layer is styled on purpose; the map is on the city after loading
the workshop data and on each tool's results after its run; report maps carry a legend; PDFs embed a
Simplified-Chinese face. Screenshots of every step go to build/screenshots/desktop/<language>/ (the gallery in
docs/screenshots/ is made from them by scripts/make_gallery.py)."""

import json
import os
import re
import shutil
import subprocess

import pytest

from test.conftest import ROOT
from test.test_cli_and_package import install_zip

QGIS = shutil.which("qgis")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        QGIS is None or not os.environ.get("DISPLAY"),
        reason="needs the qgis desktop and an X display (make test runs under Xvfb)",
    ),
]
CJK = re.compile(r"[\u4e00-\u9fff]")
# Visible text that is data, a name or a unit, not an untranslated sentence.
NOT_PROSE = re.compile(
    r"^([\s\d.,:;%/()\-–—·›…✓*=<>]|[A-Za-z0-9_.\-]+\.(gpkg|csv|json|xlsx|html|tif|pdf)|"
    r"SDG|OSM|QGIS|CSV|XLSX|JSON|HTML|PDF|NA|[a-z0-9_]+|[A-Z][a-z]+ (City|Region)|"
    r"/[^\s]*)*$"
)
SHOTS = ROOT / "build" / "screenshots" / "desktop"


def run_desktop(tmp_path, language, shots=None, plugin_zip_root=None):
    """Run test/desktop_session.py in a fresh QGIS profile set to ``language`` as QGIS's Options dialog stores it
    (``zh-Hans``, ``en_US``); returns the session record."""
    profiles = tmp_path / "profiles"
    install_zip(profiles, plugin_zip_root or ROOT)
    settings = profiles / "profiles" / "default" / "QGIS"
    settings.mkdir(parents=True)
    (settings / "QGIS3.ini").write_text(
        "[PythonPlugins]\nhabitat_planning_plugin=true\n\n[locale]\noverrideFlag=true\n"
        f"userLocale={language}\n\n[qgis]\ncheckVersion=false\nshowTips=false\n",
        encoding="utf-8",
    )
    out = tmp_path / "session.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "HABITAT_", "PYTHONPATH"))}
    env.update(
        HABITAT_E2E_OUT=str(out),
        HABITAT_E2E_SHOTS=str(shots or ""),
        QT_QPA_PLATFORM="xcb",
        XDG_RUNTIME_DIR=str(tmp_path),
    )
    if shots:
        shutil.rmtree(shots, ignore_errors=True)
    result = subprocess.run(
        [
            QGIS,
            "--profiles-path",
            str(profiles),
            "--nologo",
            "--noversioncheck",
            "--code",
            str(ROOT / "test" / "desktop_session.py"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        cwd=tmp_path,
    )
    assert out.exists(), result.stdout[-2000:] + result.stderr[-2000:]
    session = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in session, session["error"]
    assert session["plugin_file"].startswith(str(profiles))  # the installed zip, not the source tree
    return session


def check_maps_and_legends(session, chinese):
    workshop = session["workshop"]
    city, canvas = workshop["city"], workshop["canvas"]
    # The map on the city (with its margin), not on the whole region.
    assert canvas[0] <= city[0] and canvas[2] >= city[2] and (canvas[2] - canvas[0]) < 2.5 * (city[2] - city[0]), (
        workshop
    )
    for tool, run in session["tools"].items():
        assert run["ok"], (tool, run["log"])
        shown = [legend for legend in run["legends"] if legend["spatial"] and legend["visible"]]
        for legend in run["legends"]:
            if not legend["spatial"]:
                continue
            assert legend["styled"], (tool, legend["name"], "drawn with QGIS's default style")
            single = len(legend["labels"]) == 1 and not legend["labels"][0]
            assert legend["legend"] == legend["labels"] or single, (tool, legend)
            if legend["categories"] is not None:
                assert legend["categories"][0] == legend["categories"][1], (tool, legend)  # classes = data values
            for label in legend["labels"]:
                assert not re.fullmatch(r"[a-z_]+|\d+", label or "-"), (tool, legend["name"], label)  # not a code
                if chinese and label and not re.fullmatch(r"[\d.,–\-<>≤≥ %]+", label):
                    assert CJK.search(label) or re.search(r"米|分钟|%", label), (tool, legend["name"], label)
        if shown:  # the map on this run's visible results
            xs = [legend["extent"][0] for legend in shown] + [legend["extent"][2] for legend in shown]
            ys = [legend["extent"][1] for legend in shown] + [legend["extent"][3] for legend in shown]
            canvas = run["canvas"]
            assert (
                canvas[0] <= min(xs) + 1
                and canvas[2] >= max(xs) - 1
                and canvas[1] <= min(ys) + 1
                and canvas[3] >= max(ys) - 1
            ), (tool, canvas, xs, ys)
            assert (canvas[2] - canvas[0]) < 1.3 * (max(xs) - min(xs)) or (canvas[3] - canvas[1]) < 1.3 * (
                max(ys) - min(ys)
            ), (tool, canvas)


def check_reports(session, chinese):
    for _tool, run in session["tools"].items():
        assert run["reports"] and len(run["pdfs"]) == len(run["reports"]), run
        for report in run["reports"]:
            text = open(report, encoding="utf-8").read()
            if chinese:
                assert '<html lang="zh-CN">' in text and "输入与参数" in text, report
            for figure in re.findall(r'<figure class="map".*?</figure>', text, flags=re.S):
                assert "legend" in figure.lower() or "图例" in figure, (report, figure[:300])
        for pdf in run["pdfs"]:
            data = open(pdf, "rb").read()
            assert data[:5] == b"%PDF-"
            if chinese:  # the Simplified-Chinese face, not the Japanese one of the same collection
                assert re.search(rb"/BaseFont\s*/([A-Z]{6}\+)?[A-Za-z-]*(SC|sc)-", data), pdf
                assert b"CJKjp" not in data and b"CJK JP" not in data, pdf


@pytest.mark.parametrize("language", ["zh-Hans", "en_US"])
def test_trainer_runs_every_tool_in_qgis_desktop(tmp_path, language):
    chinese = language.startswith("zh")
    session = run_desktop(tmp_path, language, SHOTS / ("zh_CN" if chinese else "en"))
    assert set(session["tools"]) == {"publicspace", "publicspacequality", "publicspaceaction", "planassessment", "sdf"}
    if chinese:
        assert session["menu"][0] == "人居规划" and "加载培训数据" in session["menu"]
        # QGIS itself is Chinese too: the same setting gives an all-Chinese screen.
        qgis_menus = session["qgis_menus"]
        assert len(qgis_menus) >= 8 and sum(bool(CJK.search(t)) for t in qgis_menus) >= len(qgis_menus) - 1, qgis_menus
        assert session["groups"] == ["示例城市", "示例区域"]
        for where, texts in session["texts"].items():
            english = [t for t in texts if not CJK.search(t) and not NOT_PROSE.match(t.strip())]
            assert english == [], (where, english)
        for run in session["tools"].values():
            assert CJK.search(run["title"]) and all(CJK.search(name) for name in run["layers"]), run
    else:
        assert session["menu"][0] == "Habitat Planning" and session["groups"] == ["Sample City", "Sample Region"]
        assert not any(
            CJK.search(t)
            for texts in session["texts"].values()
            for t in texts
            if not re.search(r"示例|[\u4e00-\u9fff]{2,}(市|镇|村|区)", t)
        )
    check_maps_and_legends(session, chinese)
    check_reports(session, chinese)
    # A non-guided entry starts on the right layers and fields, in the user's language.
    non_guided = session["non_guided"]
    assert non_guided["STREETS"] == "streets" and non_guided["PUBLIC_SPACES"] == "public_spaces"
    assert non_guided["DISTRICT_NAME_FIELD"] == ("name_zh" if chinese else "name")
    assert len(session["shots"]) >= 15 and all(os.path.getsize(path) > 10_000 for path in session["shots"])
