"""Run inside the real QGIS desktop (qgis --code) by test_desktop.py: what a newcomer does with the installed
plugin. Loads the workshop data, runs every guided dialog, writes what happened to $HABITAT_E2E_OUT (JSON),
then quits QGIS."""

import json
import os
import traceback

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

OUT = os.environ["HABITAT_E2E_OUT"]
TOOLS = ["publicspace", "publicspacequality", "planassessment", "sdf"]
record = {"tools": {}}


def finish(error=None):
    if error:
        record["error"] = error
    with open(OUT, "w", encoding="utf-8") as stream:
        json.dump(record, stream, ensure_ascii=False)
    QgsProject.instance().setDirty(False)  # no "save the project?" question on the way out
    QApplication.instance().quit()


def start():
    try:
        plugin = plugins["habitat_planning_plugin"]
        record["plugin_file"] = __import__("habitat_planning_plugin").__file__
        record["menu"] = [plugin.menu.menu.title()] + [a.text() for a in plugin.menu.menu.actions() if a.text()]
        # QGIS's own menu bar: Chinese only when QGIS itself loaded its translation for the stored locale.
        record["qgis_menus"] = [a.text() for a in iface.mainWindow().menuBar().actions() if a.text()]
        plugin.menu.load_workshop(confirm=False)
        record["groups"] = [g.name() for g in QgsProject.instance().layerTreeRoot().children()]
        run_next(plugin.menu, list(TOOLS))
    except Exception:
        finish(traceback.format_exc())


def run_next(menu, remaining):
    if not remaining:
        finish()
        return
    tool = remaining.pop(0)
    dialog = menu.open_guided_dialog(tool)
    opened = []
    dialog.open_url = lambda url: opened.append(url.toLocalFile())
    dialog.folder.setFilePath(os.path.join(os.path.dirname(OUT), tool))
    dialog.go(dialog.pages.count() - 1)
    dialog.run()

    def wait():
        if dialog.running():
            QTimer.singleShot(200, wait)
            return
        record["tools"][tool] = {"title": dialog.windowTitle(), "ok": dialog.results is not None,
                                 "layers": [layer.name() for layer in dialog.loaded_layers], "reports": opened,
                                 "pdfs": dialog.pdfs, "log": dialog.log.toPlainText()}
        dialog.close()
        run_next(menu, remaining)

    wait()


QTimer.singleShot(500, start)
