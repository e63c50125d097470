"""The plugin loads without scipy and shapely; each tool then says which package it needs and how to get it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r"""
import importlib.abc, sys

class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("scipy", "shapely"):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")
        return None

sys.meta_path.insert(0, Missing())
import importlib.util
_find_spec = importlib.util.find_spec
importlib.util.find_spec = lambda name, *a: None if name.split(".")[0] in ("scipy", "shapely") else _find_spec(name, *a)

sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
import habitat_planning_plugin
from habitat_planning_plugin.processing.provider import HabitatProvider
provider = HabitatProvider()
QgsApplication.processingRegistry().addProvider(provider)
for algorithm in sorted(provider.algorithms(), key=lambda a: a.id()):
    ok, message = algorithm.canExecute()
    print(algorithm.id(), ok, message)
print("LOADED", len(provider.algorithms()))
import os
sys.stdout.flush()
os._exit(0)
"""


def test_plugin_loads_and_explains_missing_packages(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "HABITAT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("LOADED") and int(lines[-1].split()[1]) >= 6
    status = {}
    for line in lines[:-1]:
        algorithm_id, ok, message = line.split(" ", 2)
        status[algorithm_id] = (ok == "True", message)
    needs = {
        "habitat:publicspaceaccess": "scipy shapely",
        "habitat:publicspaceinventory": "scipy shapely",
        "habitat:sdg1171landshare": "shapely",
        "habitat:publicspacesfromosm": "shapely",
    }
    for algorithm_id, packages in needs.items():
        ok, message = status[algorithm_id]
        assert not ok and packages in message and "pip install" in message, (algorithm_id, message)
    assert status["habitat:streetsfromosm"] == (True, "")  # needs neither
    ok, message = status["habitat:citywidepublicspaceassessment"]
    assert not ok and "scipy" in message  # its steps cannot run, and it says why
