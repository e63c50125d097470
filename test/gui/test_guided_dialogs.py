"""The guided dialogs on the workshop data: each opens, is filled, runs in the background, loads its results as a
styled group and opens its reports; screenshots in English and Chinese go to build/screenshots/ (not committed);
in Chinese no visible widget text is left in English."""

import os
import re
import time

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt

from habitat_planning_plugin.compat import GeometryType, set_null
from test.conftest import ROOT

SCREENSHOTS = ROOT / "build" / "screenshots"
TOOLS = ["publicspace", "publicspacequality", "publicspaceaction", "planassessment", "sdf", "sdfscenario"]
# Visible text that is data or a name, not an untranslated sentence: layer and field names of the sample data,
# file names, units and acronyms.
NOT_ENGLISH_PROSE = re.compile(
    r"^([\s\d.,:;%/()\-–—·›…✓*]|[A-Za-z0-9_.\-]+\.(gpkg|csv|json|xlsx|html|tif)|"
    r"SDG|OSM|QGIS|CSV|XLSX|JSON|HTML|PDF|[a-z0-9_]+)*$"
)


@pytest.fixture
def workshop(qgis_app, habitat_provider):
    from habitat_planning_plugin.workshop import load_workshop

    project = QgsProject.instance()
    project.clear()
    yield load_workshop(project)
    project.clear()


def dispose(dialog):
    """Close and delete now: a dialog left for the garbage collector outlives the project's layers."""
    from qgis.PyQt import sip

    dialog.close()
    QgsApplication.processEvents()
    sip.delete(dialog)


def wait_for(dialog, seconds=300):
    started = time.monotonic()
    while dialog.running() and time.monotonic() - started < seconds:
        QgsApplication.processEvents()
        time.sleep(0.02)
    QgsApplication.processEvents()
    assert not dialog.running(), "the run did not finish in time"


def screenshot(dialog, tool, language, page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.pages.setCurrentIndex(page)
    dialog.go(page)
    QgsApplication.processEvents()
    path = SCREENSHOTS / f"{tool}_{language}_{page + 1}.png"
    assert dialog.grab().save(str(path))
    return path


def visible_texts(dialog):
    from qgis.gui import QgsMapLayerComboBox
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

    texts = [dialog.windowTitle()]
    texts += [
        combo.currentText()
        for combo in dialog.findChildren(QgsMapLayerComboBox)
        if combo.isVisibleTo(dialog) and combo.currentText()
    ]  # the workshop's own layer names
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if widget.isVisibleTo(dialog) and widget.text().strip():
            texts.append(re.sub(r"<[^>]+>", " ", widget.text()))
    return texts


def legend_labels(model, layer):
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    return [legend_node.data(Qt.ItemDataRole.DisplayRole) for legend_node in model.layerLegendNodes(node)]


def check_result_layers(dialog, model):
    """Every spatial result styled on purpose; legends show the renderer's labels (not codes) with one class per
    value the data holds; points drawn over lines over polygons; the map on the visible results."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRectangle

    from habitat_planning_plugin.processing.outputs import STYLE_PROPERTY

    order = []
    for layer in dialog.loaded_layers:
        if not layer.isSpatial():
            continue
        assert layer.customProperty(STYLE_PROPERTY), f"{layer.name()} is drawn with QGIS's default style"
        renderer = layer.renderer()
        if renderer is None or not hasattr(renderer, "legendSymbolItems"):
            continue
        expected = [item.label() for item in renderer.legendSymbolItems()]
        shown = legend_labels(model, layer)
        single = len(expected) == 1 and not expected[0]  # one symbol: the legend shows the layer's name or nothing
        assert shown == expected or single and shown in ([], [layer.name()]), (layer.name(), shown, expected)
        if isinstance(renderer, QgsCategorizedSymbolRenderer):
            index = layer.fields().indexOf(renderer.classAttribute())
            present = {str(v) for v in layer.uniqueValues(index) if v is not None}
            assert {str(c.value()) for c in renderer.categories()} == present, layer.name()
            assert all(c.label() != str(c.value()) or not str(c.value()).isdigit() for c in renderer.categories())
        order.append(layer.geometryType() if hasattr(layer, "geometryType") else GeometryType.Polygon)
    tree_order = [layer for layer in QgsProject.instance().layerTreeRoot().children()[0].findLayers()]
    geometry = [
        node.layer().geometryType()
        for node in tree_order
        if node.layer().isSpatial() and hasattr(node.layer(), "geometryType")
    ]
    assert geometry == sorted(geometry), geometry  # points (0) over lines (1) over polygons (2)
    visible = [node.layer() for node in tree_order if node.isVisible() and node.layer().isSpatial()]
    if not any(layer.isSpatial() for layer in dialog.loaded_layers):
        return  # tables only (plan assessment without city polygons)
    assert visible, "no result visible"
    canvas = __import__("qgis.utils", fromlist=["iface"]).iface.mapCanvas()
    extent = set_null(QgsRectangle())
    for layer in visible:
        extent.combineExtentWith(layer.extent())
    shown_extent = canvas.extent()  # holds the results, tight in one direction (the canvas keeps its aspect)
    assert shown_extent.contains(extent.buffered(-1.0)), (shown_extent.toString(), extent.toString())
    assert shown_extent.width() < extent.width() * 1.2 or shown_extent.height() < extent.height() * 1.2


@pytest.mark.parametrize("tool", TOOLS)
def test_dialog_runs_on_workshop_data(tool, workshop, tmp_path):
    from qgis.core import QgsLayerTreeModel

    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog

    # A legend open while the run loads its layers, as in QGIS's Layers panel.
    legend_model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    dialog = GuidedDialog(tool)
    opened = []
    dialog.open_url = opened.append
    dialog.show()
    assert dialog.missing_inputs() == []  # the workshop layers and fields are recognised
    if tool == "sdf":  # filled as a user would: one indicator fewer
        dialog.widgets["indicators"].setItemCheckState(
            dialog.widgets["indicators"].findText("water_pct"), Qt.CheckState.Unchecked
        )
    elif tool == "publicspace":
        dialog.widgets["class_field"].setField("")  # widths from the width field only
        # Layer pickers are filtered by geometry type (the workshop has 3 line, 4 polygon, 3 point layers).
        listed = {
            name: sorted(dialog.widgets[name].itemText(i) for i in range(dialog.widgets[name].count()))
            for name in ("streets", "public_spaces", "population")
        }
        assert listed["streets"] == ["Roads", "Scenario: new and upgraded roads", "Streets"]
        assert listed["public_spaces"] == ["Candidate sites", "Districts", "Public spaces", "Urban extent"]
        assert listed["population"] == ["Built-up share (50 m grid)", "Population (100 m grid)"]
        assert dialog.widgets["population"].currentLayer().name() == "Population (100 m grid)"
    for page in range(dialog.pages.count()):
        assert screenshot(dialog, tool, "en", page).stat().st_size > 0
    rows = dict(dialog.summary_rows())
    dialog.folder.setFilePath(str(tmp_path / "out"))
    dialog.run()
    assert dialog.running() and dialog.cancel_button.isEnabled() and not dialog.run_button.isEnabled()
    wait_for(dialog)
    log = dialog.log.toPlainText()
    assert dialog.results is not None, log
    group = QgsProject.instance().layerTreeRoot().children()[0]
    assert group.name().startswith(dialog.windowTitle())
    names = [layer.name() for layer in dialog.loaded_layers]
    assert len(group.findLayers()) == len(dialog.loaded_layers) > 0
    assert [str(p) for p in opened] and all(os.path.exists(p) for p in dialog.opened)
    assert len(opened) == len(dialog.spec.reports) == len(dialog.pdfs)
    assert all(open(pdf, "rb").read(5) == b"%PDF-" for pdf in dialog.pdfs)
    check_result_layers(dialog, legend_model)
    log = dialog.log.toPlainText()
    assert all(f"{path}" in log for path in dialog.opened) and str(tmp_path / "out") in log
    assert dialog.folder_button.isVisible()
    if tool == "publicspace":
        assert (
            rows["Type field"] == "ps_type" and rows["Public spaces (polygons)"] == "sample_city.gpkg › public_spaces"
        )
        assert rows["Road class field"] == "—"
        inventory = next(layer for layer in dialog.loaded_layers if layer.name() == "Public space inventory")
        assert inventory.renderer().type() == "categorizedSymbol" and inventory.featureCount() == 28
        assert "Walking distance to public space" in names
        report = open(dialog.opened[-1], encoding="utf-8").read()
        assert "Inputs and parameters" in report and "sample_city.gpkg › streets" in report
    elif tool == "publicspacequality":
        assert rows["GPS tolerance (m)"] == "25" and rows["Survey export (CSV or XLSX)"] == "public_space_survey.csv"
        quality = next(layer for layer in dialog.loaded_layers if layer.name() == "Public space quality")
        assert quality.renderer().type() == "RuleRenderer" and quality.featureCount() == 28
        assert next(layer for layer in dialog.loaded_layers if layer.name() == "Survey import log").featureCount() == 5
    elif tool == "sdf":
        assert rows["Indicators"] == "growth_pct, poverty_pct, enrolment_pct"
        index = next(layer for layer in dialog.loaded_layers if layer.name() == "Development index")
        assert "n_water_pct" not in index.fields().names() and "n_poverty_pct" in index.fields().names()
        priorities = next(layer for layer in dialog.loaded_layers if layer.name() == "Investment priorities")
        assert priorities.renderer().type() == "graduatedSymbol" and priorities.featureCount() == 60
    elif tool == "publicspaceaction":
        assert (
            rows["Candidate sites (polygons)"] == "sample_city.gpkg › candidate_sites"
            and rows["Cost field"] == "cost_m"
        )
        sites = next(
            (layer for layer in dialog.loaded_layers if layer.name() == "Chosen sites for new public space"), None
        )
        assert sites is not None, names
        assert sites.featureCount() == 5 and sites.renderer() is not None
        assert len(dialog.opened) == 4  # gaps, siting, upgrade, scorecard
        # tracked against the workshop's 2024 scorecard: three spaces opened since, so access rose somewhere
        assert rows["Earlier scorecard (optional)"] == "district_scorecard_2024.csv"
        scorecard = next(layer for layer in dialog.loaded_layers if layer.name() == "Public space scorecard")
        changes = [f["chg_served_pct"] for f in scorecard.getFeatures()]
        assert any(isinstance(c, float) and c > 0 for c in changes), changes
    elif tool == "sdfscenario":  # the workshop's scenario: a new road to the roadless village, a new hospital
        assert rows["New or upgraded roads (scenario)"] == "sample_region.gpkg › scenario_roads"
        scenario = next(layer for layer in dialog.loaded_layers if layer.name() == "Minutes gained to a centre")
        assert scenario.renderer().type() == "graduatedSymbol" and scenario.featureCount() == 60
        assert sum(f["new_access"] for f in scenario.getFeatures()) == 1
        report = open(dialog.opened[-1], encoding="utf-8").read()
        assert "Anbei Village" in report and "Side by side" in report
    else:
        assert len(dialog.widgets["SCORECARDS"].files()) == 9
        plans = next(layer for layer in dialog.loaded_layers if layer.name() == "Scores by plan")
        assert plans.featureCount() == 3
    dispose(dialog)


def test_cancel_keeps_the_project_clean(workshop, tmp_path):
    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog

    dialog = GuidedDialog("publicspace")
    before = len(QgsProject.instance().mapLayers())
    dialog.folder.setFilePath(str(tmp_path / "out"))
    dialog.go(dialog.pages.count() - 1)
    dialog.run()
    dialog.cancel()
    wait_for(dialog)
    assert dialog.results is None and len(QgsProject.instance().mapLayers()) == before
    assert "nothing was added" in dialog.log.toPlainText()
    dispose(dialog)


def test_missing_inputs_are_named_before_running(qgis_app, habitat_provider, qgis_new_project, tmp_path):
    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog

    dialog = GuidedDialog("sdf")  # an empty project: nothing to pick
    assert "Settlements or sectors" in dialog.missing_inputs()
    dialog.go(dialog.pages.count() - 1)
    assert "Still needed" in dialog.summary.toPlainText()
    dialog.run()
    assert not dialog.running() and "Still needed" in dialog.log.toPlainText()
    dispose(dialog)


def shown_text(label):
    """What a QLabel shows: its text, read as HTML when the label takes it as rich text."""
    from qgis.PyQt.QtGui import QTextDocument

    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def test_english_texts_show_no_html_entities(qgis_app, habitat_provider, qgis_new_project):
    """ "Krippendorff's alpha" on the plan assessment's run page, never "Krippendorff&#x27;s alpha": escaped text
    goes only to widgets that read it as HTML."""
    from qgis.PyQt.QtWidgets import QLabel

    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog

    shown = []
    for tool in TOOLS:
        dialog = GuidedDialog(tool)
        dialog.go(dialog.pages.count() - 1)
        shown += [shown_text(label) for label in dialog.findChildren(QLabel)] + [dialog.summary.toPlainText()]
        dispose(dialog)
    assert [text for text in shown if re.search(r"&(#[0-9]+|#x[0-9a-f]+|[a-z]+);", text, re.I)] == []
    assert any("Krippendorff's alpha" in text for text in shown)
    assert any("The settlements (points or sectors)" in text for text in shown)


def test_the_checks_speak_before_the_run(workshop, tmp_path):
    """An output folder that cannot hold files (it is a file): the dialog shows the check's message and starts
    nothing, as Processing's own dialog does."""
    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog

    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the folder should be")
    dialog = GuidedDialog("publicspace")
    dialog.folder.setFilePath(str(blocker / "out"))
    dialog.go(dialog.pages.count() - 1)
    try:
        dialog.run()
    except OSError:
        pytest.fail("the dialog let an OSError through")
    assert not dialog.running()
    assert "cannot be created" in dialog.log.toPlainText() and "not_a_folder" in dialog.log.toPlainText()
    dispose(dialog)


@pytest.mark.parametrize("tool", TOOLS)
def test_no_english_left_in_chinese(tool, workshop, locale, tmp_path):
    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog
    from habitat_planning_plugin.workshop import load_workshop

    locale("zh_CN")
    QgsProject.instance().clear()
    load_workshop(QgsProject.instance())  # again, in Chinese
    dialog = GuidedDialog(tool)
    dialog.show()
    english = []
    for page in range(dialog.pages.count()):
        screenshot(dialog, tool, "zh_CN", page)
        english += [
            text
            for text in visible_texts(dialog)
            if not re.search(r"[\u4e00-\u9fff]", text) and not NOT_ENGLISH_PROSE.match(text.strip())
        ]
    assert english == []
    labels = [label for label, _ in dialog.summary_rows()]
    assert all(re.search(r"[\u4e00-\u9fff]", label) for label in labels), labels
    names = {
        "publicspace": "district_name",
        "publicspacequality": "NAME_FIELD",
        "sdf": "name_field",
        "sdfscenario": "NAME_FIELD",
    }
    if tool in names:  # the data has name and name_zh: Chinese names under Chinese
        assert dialog.value(names[tool]) == "name_zh"
    if tool == "sdf":  # the facilities carry function and function_zh: the scalogram in Chinese
        assert dialog.value("function_field") == "function_zh"
    # ...and the run gives Chinese layers and a Chinese report.
    dialog.open_url = lambda url: None
    dialog.folder.setFilePath(str(tmp_path / "out"))
    dialog.pdf.setChecked(False)
    dialog.run()
    wait_for(dialog)
    assert dialog.results is not None, dialog.log.toPlainText()
    report = open(dialog.opened[-1], encoding="utf-8").read()
    assert '<html lang="zh-CN">' in report and "输入与参数" in report
    assert all(re.search(r"[\u4e00-\u9fff]", layer.name()) for layer in dialog.loaded_layers)
    # Population groups and functions in Chinese: groups by their band names, functions from function_zh.
    reports = " ".join(open(path, encoding="utf-8").read() for path in dialog.opened)
    if tool == "publicspace":
        assert "儿童（0–14 岁）" in reports and "老年人（65 岁及以上）" in reports and "妇女" in reports
        assert "children_0_14" not in reports.split("输入与参数")[0]
    if tool == "sdf":
        assert "function_zh" in reports  # the scalogram's functions (an image) come from the Chinese field
    dispose(dialog)


def test_menu_opens_guided_dialogs_and_workshop(qgis_iface, qgis_processing):
    import habitat_planning_plugin
    from habitat_planning_plugin.gui.menu import GUIDED_ACTION, WORKSHOP_ACTION

    plugin = habitat_planning_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        workshop = next(a for a in plugin.menu.menu.actions() if a.objectName() == WORKSHOP_ACTION)
        QgsProject.instance().setDirty(False)
        workshop.trigger()
        project = QgsProject.instance()
        assert [g.name() for g in project.layerTreeRoot().children()] == ["Sample City", "Sample Region"]
        assert project.crs().authid() == "EPSG:32650" and len(project.mapLayers()) == 13  # 8 city, 5 region
        entries = [e for a in plugin.menu.menu.actions() if a.menu() is not None for e in a.menu().actions()]
        for tool in TOOLS:
            next(e for e in entries if e.objectName() == GUIDED_ACTION.format(tool)).trigger()
            dialog = plugin.menu.guided_dialogs[tool]
            assert dialog.isVisible() and dialog.missing_inputs() == []
    finally:
        plugin.unload()
        QgsProject.instance().clear()


def test_workshop_in_chinese(qgis_app, locale):
    from habitat_planning_plugin.workshop import load_workshop

    locale("zh_CN")
    project = QgsProject.instance()
    project.clear()
    try:
        layers = load_workshop(project)
        assert [g.name() for g in project.layerTreeRoot().children()] == ["示例城市", "示例区域"]
        assert layers["public_spaces"].name() == "公共空间" and layers["public_spaces"].featureCount() == 28
        assert layers["population"].renderer().type() == "singlebandpseudocolor"
        assert (
            layers["built_up"].name() == "建成区比例（50 米栅格）"
            and layers["built_up"].renderer().type() == "singlebandpseudocolor"
        )
        assert layers["settlements"].featureCount() == 60 and layers["streets"].renderer().type() == "singleSymbol"
    finally:
        project.clear()


def test_second_run_asks_before_replacing_and_names_its_group_apart(workshop, tmp_path):
    """The second run into the same folder asks first; "a new folder" keeps the first run's files as they were;
    the second group gets its own name; a report that no browser can open is said in the log."""
    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog

    dialog = GuidedDialog("publicspacequality")
    dialog.open_url = lambda url: False  # what QDesktopServices answers when no browser is registered
    dialog.pdf.setChecked(False)
    folder = tmp_path / "out"
    dialog.folder.setFilePath(str(folder))
    dialog.go(dialog.pages.count() - 1)
    dialog.run()
    wait_for(dialog)
    assert dialog.results is not None
    assert "No web browser" in dialog.log.toPlainText()
    first = (folder / "public_space_quality.gpkg").read_bytes()
    asked = []
    dialog.ask_overwrite = lambda where, files: asked.append(files) or "cancel"
    dialog.run()
    assert not dialog.running() and asked and "public_space_quality.gpkg" in asked[0]
    assert "kept" in dialog.log.toPlainText()
    dialog.ask_overwrite = lambda where, files: "new"
    dialog.run()
    wait_for(dialog)
    assert dialog.results is not None and dialog.folder.filePath() == str(folder) + "-2"
    assert (folder / "public_space_quality.gpkg").read_bytes() == first
    names = [group.name() for group in QgsProject.instance().layerTreeRoot().children()]
    assert len(names) == len(set(names)) and sum(name.startswith(dialog.windowTitle()) for name in names) == 2
    dispose(dialog)


def test_browse_opens_a_file_when_no_layer_is_loaded(qgis_app, habitat_provider, qgis_new_project, monkeypatch):
    """An empty project: the dialog says so and the … button opens a file's layers (the workshop data folder
    first) and picks the right one."""
    from qgis.PyQt.QtWidgets import QFileDialog, QLabel

    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog
    from test.conftest import SAMPLE_DATA

    dialog = GuidedDialog("sdf")
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "No layers are loaded" in texts
    started = []

    def chosen(parent, caption, folder, filters):
        started.append(folder)
        return str(SAMPLE_DATA / "sample_region.gpkg"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    dialog.browse_layer("settlements")
    assert started[0].endswith("sample_data")
    assert dialog.widgets["settlements"].currentLayer().source().endswith("layername=settlements")
    assert dialog.widgets["roads"].currentLayer().source().endswith("layername=roads")
    dispose(dialog)


def test_browse_picks_a_layer_no_hint_names(qgis_app, habitat_provider, qgis_new_project, monkeypatch, tmp_path):
    """A file whose layers have names no hint knows: the first layer of the right geometry is picked."""
    from osgeo import gdal
    from qgis.PyQt.QtWidgets import QFileDialog

    from habitat_planning_plugin.gui.guided_dialog import GuidedDialog
    from test.conftest import SAMPLE_DATA

    own = tmp_path / "my_region.gpkg"
    gdal.VectorTranslate(str(own), str(SAMPLE_DATA / "sample_region.gpkg"), layers=["roads"], layerName="net")
    dialog = GuidedDialog("sdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(own), ""))
    dialog.browse_layer("roads")
    assert dialog.widgets["roads"].currentLayer().source().endswith("layername=net")
    dispose(dialog)
