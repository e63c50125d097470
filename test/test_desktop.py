"""End to end in the real QGIS desktop, as a newcomer: install the zip into a fresh profile, switch QGIS to
Chinese, open QGIS (under the test run's X display), load the workshop data from the menu, run every guided
dialog, get Chinese layers and reports."""

import json
import os
import re
import shutil
import subprocess

import pytest

from test.conftest import ROOT
from test.test_cli_and_package import install_zip

QGIS = shutil.which("qgis")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(QGIS is None or not os.environ.get("DISPLAY"),
                                 reason="needs the qgis desktop and an X display (make test runs under Xvfb)")]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_newcomer_runs_every_tool_in_chinese_in_qgis_desktop(tmp_path):
    profiles = tmp_path / "profiles"
    install_zip(profiles)
    settings = profiles / "profiles" / "default" / "QGIS"
    settings.mkdir(parents=True)
    # What the plugin manager and Settings ▸ Options ▸ General ▸ 简体中文 write: the plugin enabled, the interface
    # in Chinese as QGIS 3.22 stores it (zh-Hans, not zh_CN).
    (settings / "QGIS3.ini").write_text("[PythonPlugins]\nhabitat_planning_plugin=true\n\n[locale]\noverrideFlag=true\n"
                                        "userLocale=zh-Hans\n\n[qgis]\ncheckVersion=false\nshowTips=false\n",
                                        encoding="utf-8")
    out = tmp_path / "session.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "HABITAT_", "PYTHONPATH"))}
    env.update(HABITAT_E2E_OUT=str(out), QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(tmp_path))
    result = subprocess.run([QGIS, "--profiles-path", str(profiles), "--nologo", "--noversioncheck", "--code",
                             str(ROOT / "test" / "desktop_session.py")], capture_output=True, text=True, env=env,
                            timeout=600, cwd=tmp_path)
    assert out.exists(), result.stdout[-2000:] + result.stderr[-2000:]
    session = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in session, session["error"]
    assert session["plugin_file"].startswith(str(profiles))  # the installed zip, not the source tree
    assert session["menu"][0] == "人居规划" and "加载培训数据" in session["menu"]
    # QGIS itself is Chinese too: the same setting gives an all-Chinese screen.
    qgis_menus = session["qgis_menus"]
    assert len(qgis_menus) >= 8 and sum(bool(CJK.search(title)) for title in qgis_menus) >= len(qgis_menus) - 1, \
        qgis_menus
    assert session["groups"] == ["示例城市", "示例区域"]
    assert set(session["tools"]) == {"publicspace", "publicspacequality", "planassessment", "sdf"}
    for tool, run in session["tools"].items():
        assert run["ok"], (tool, run["log"])
        assert CJK.search(run["title"]) and run["layers"] and all(CJK.search(name) for name in run["layers"]), run
        assert run["reports"] and len(run["pdfs"]) == len(run["reports"]), run
        for report in run["reports"]:
            text = open(report, encoding="utf-8").read()
            assert '<html lang="zh-CN">' in text and "输入与参数" in text, report
        assert all(open(pdf, "rb").read(5) == b"%PDF-" for pdf in run["pdfs"])
