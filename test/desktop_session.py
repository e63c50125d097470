"""Run inside the real QGIS desktop (qgis --code) by test_desktop.py: what a trainer does with the installed
plugin. Loads the workshop data, opens every guided dialog page by page, runs it, looks at the map and the legend,
opens the scoring dialog and a non-guided entry; takes a screenshot of every step into $HABITAT_E2E_SHOTS and
writes what happened to $HABITAT_E2E_OUT (JSON), then quits QGIS.

Written against the plugin's public objects only, and tolerant of older versions (the "before" screenshots of
docs/screenshots/ come from the previous release with this same script)."""

import json
import os
import re
import time
import traceback

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAbstractButton, QApplication, QLabel
from qgis.utils import iface, plugins

OUT = os.environ["HABITAT_E2E_OUT"]
SHOTS = os.environ.get("HABITAT_E2E_SHOTS", "")
TOOLS = ["publicspace", "publicspacequality", "publicspaceaction", "planassessment", "sdf"]
record = {"tools": {}, "shots": [], "texts": {}}
counter = [0]


def shot(widget, name):
    """A PNG of ``widget`` as the user sees it, numbered in the order of the workshop."""
    if not SHOTS:
        return
    os.makedirs(SHOTS, exist_ok=True)
    counter[0] += 1
    QApplication.processEvents()
    path = os.path.join(SHOTS, f"{counter[0]:02d}_{name}.png")
    widget.grab().save(path)
    record["shots"].append(path)


def settle(seconds=0.6):
    """Let QGIS draw: events, then the map canvas's rendering."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    canvas = iface.mapCanvas()
    canvas.waitWhileRendering()
    QApplication.processEvents()


def texts_of(widget):
    found = [widget.windowTitle()]
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget) and child.text().strip():
            found.append(re.sub(r"<[^>]+>", " ", child.text()))
    return found


def legend_of(layer):
    view = iface.layerTreeView()
    model = view.layerTreeModel()
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    shown = [legend.data(0) for legend in model.layerLegendNodes(node)] if node is not None else []
    renderer = layer.renderer() if hasattr(layer, "renderer") else None
    expected = (
        [item.label() for item in renderer.legendSymbolItems()]
        if renderer is not None and hasattr(renderer, "legendSymbolItems")
        else []
    )
    categories = None
    if renderer is not None and renderer.type() == "categorizedSymbol":
        index = layer.fields().indexOf(renderer.classAttribute())
        categories = [
            sorted(str(c.value()) for c in renderer.categories()),
            sorted(str(v) for v in layer.uniqueValues(index) if v is not None),
        ]
    return {
        "name": layer.name(),
        "spatial": layer.isSpatial(),
        "legend": shown,
        "labels": expected,
        "renderer": renderer.type() if renderer is not None else None,
        "styled": layer.customProperty("habitat_planning/style") or "",
        "visible": bool(node is not None and node.isVisible()),
        "categories": categories,
        "extent": [
            layer.extent().xMinimum(),
            layer.extent().yMinimum(),
            layer.extent().xMaximum(),
            layer.extent().yMaximum(),
        ],
    }


def canvas_extent():
    extent = iface.mapCanvas().extent()
    return [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]


def finish(error=None):
    if error:
        record["error"] = error
    with open(OUT, "w", encoding="utf-8") as stream:
        json.dump(record, stream, ensure_ascii=False)
    QgsProject.instance().setDirty(False)  # no "save the project?" question on the way out
    QApplication.instance().quit()


def start():
    try:
        window = iface.mainWindow()
        window.resize(1280, 860)
        plugin = plugins["habitat_planning_plugin"]
        record["plugin_file"] = __import__("habitat_planning_plugin").__file__
        record["menu"] = [plugin.menu.menu.title()] + [a.text() for a in plugin.menu.menu.actions() if a.text()]
        # QGIS's own menu bar: Chinese only when QGIS itself loaded its translation for the stored locale.
        record["qgis_menus"] = [a.text() for a in window.menuBar().actions() if a.text()]
        layers = plugin.menu.load_workshop(confirm=False)
        settle(1.5)
        record["groups"] = [g.name() for g in QgsProject.instance().layerTreeRoot().children()]
        city = layers["urban_extent"].extent()
        record["workshop"] = {
            "canvas": canvas_extent(),
            "city": [city.xMinimum(), city.yMinimum(), city.xMaximum(), city.yMaximum()],
        }
        shot(window, "workshop_data")
        run_next(plugin.menu, list(TOOLS))
    except Exception:
        finish(traceback.format_exc())


def run_next(menu, remaining):
    if not remaining:
        extras(menu)
        return
    tool = remaining.pop(0)
    dialog = menu.open_guided_dialog(tool)
    opened = []
    dialog.open_url = lambda url: opened.append(url.toLocalFile())
    dialog.folder.setFilePath(os.path.join(os.path.dirname(OUT), tool))
    texts = []
    for page in range(dialog.pages.count()):
        dialog.go(page)
        texts += texts_of(dialog)
        shot(dialog, f"{tool}_step{page + 1}")
    record["texts"][tool] = texts
    dialog.run()

    def wait():
        if dialog.running():
            QTimer.singleShot(200, wait)
            return
        settle(1.5)
        shot(dialog, f"{tool}_done")
        shot(iface.mainWindow(), f"{tool}_map")
        record["tools"][tool] = {
            "title": dialog.windowTitle(),
            "ok": dialog.results is not None,
            "layers": [layer.name() for layer in dialog.loaded_layers],
            "reports": opened,
            "pdfs": dialog.pdfs,
            "log": dialog.log.toPlainText(),
            "legends": [legend_of(layer) for layer in dialog.loaded_layers],
            "canvas": canvas_extent(),
        }
        dialog.close()
        run_next(menu, remaining)

    wait()


def extras(menu):
    """The scoring dialog and a non-guided entry, as a trainer opens them next."""
    try:
        menu.open_scoring_dialog()
        scoring = menu.scoring_dialog
        settle(0.3)
        record["texts"]["scoring"] = texts_of(scoring)
        shot(scoring, "score_a_plan")
        scoring.setWindowModified(False)
        if hasattr(scoring, "confirm_discard"):
            scoring.confirm_discard = lambda: None
        scoring.close()
        try:
            from habitat_planning_plugin.gui.menu import algorithm_dialog
        except ImportError:  # the previous release opened Processing's dialog with its own defaults
            import processing

            def algorithm_dialog(algorithm_id):
                return processing.createAlgorithmDialog(algorithm_id, {})

        dialog = algorithm_dialog("habitat:publicspaceaccess")
        dialog.show()
        settle(0.3)
        values = {}
        for name, wrapper in dialog.mainWidget().wrappers.items():
            value = wrapper.parameterValue()
            layer = QgsProject.instance().mapLayer(value) if isinstance(value, str) else None
            values[name] = (
                layer.source().split("layername=")[-1]
                if layer is not None
                else (value if isinstance(value, (str, int, float, type(None))) else str(value))
            )
        record["non_guided"] = values
        shot(dialog, "non_guided_access")
        dialog.close()
        finish()
    except Exception:
        finish(traceback.format_exc())


QTimer.singleShot(800, start)
