"""A guided dialog for one tool: its inputs step by step, a summary, a background run with progress and cancel,
then the results as a styled layer group and the reports opened.

Everything it knows about the inputs comes from the algorithm's parameter definitions (types, geometry
filters, parent layers, optional or not, file filters) and from the tool's ToolSpec (steps, one-line
explanations, recognised sample names). The run is the algorithm itself, in a QgsProcessingAlgRunnerTask.
"""

import os
from datetime import datetime
from functools import partial

from qgis.core import (
    QgsApplication,
    QgsFieldProxyModel,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProject,
)
from qgis.gui import QgsCheckableComboBox, QgsDoubleSpinBox, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..compat import GeometryType, LayerFilter, ProcessingSourceType, set_null
from ..core.text import tr
from ..paths import readable_source, resource_path
from ..workshop import is_workshop
from .input_defaults import in_language, name_fields, source_name
from .tool_specs import TOOLS

GEOMETRY_FILTERS = {
    ProcessingSourceType.VectorPoint: LayerFilter.PointLayer,
    ProcessingSourceType.VectorLine: LayerFilter.LineLayer,
    ProcessingSourceType.VectorPolygon: LayerFilter.PolygonLayer,
}


class DialogFeedback(QgsProcessingFeedback):
    """Processing feedback whose messages reach the dialog's log (across threads, as Qt signals)."""

    message = pyqtSignal(str)

    def pushInfo(self, info):  # noqa: N802
        super().pushInfo(info)
        self.message.emit(info)

    def pushWarning(self, warning):  # noqa: N802
        super().pushWarning(warning)
        self.message.emit("⚠ " + warning)

    def reportError(self, error, fatalError=False):  # noqa: N802
        super().reportError(error, fatalError)
        self.message.emit("✖ " + error)


class GuidedDialog(QDialog):
    def __init__(self, tool_key, parent=None):
        super().__init__(parent)
        self.spec = TOOLS[tool_key]
        self.project = QgsProject.instance()  # the layer pickers of QGIS 3.22 list this project's layers
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(self.spec.algorithm_id)
        self.setObjectName(f"habitatGuided_{tool_key}")
        self.setWindowTitle(tr(self.spec.title))
        self.resize(680, 600)
        self.widgets = {}  # parameter name -> input widget
        self.task = self.context = self.feedback = None
        self.results = None
        self.loaded_layers = []
        self.opened = []  # reports opened after the run
        self.pdfs = []  # their PDF copies
        self.open_url = QDesktopServices.openUrl  # replaceable (tests record instead of starting a browser)
        self.finished_folder = None

        layout = QVBoxLayout(self)
        intro = QLabel(tr(self.spec.intro))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        for step in self.spec.steps:
            self.pages.addWidget(self._input_page(step))
        self.pages.addWidget(self._run_page())

        buttons = QHBoxLayout()
        self.step_label = QLabel()
        buttons.addWidget(self.step_label, 1)
        self.back_button = QPushButton(tr("Back"))
        self.next_button = QPushButton(tr("Next"))
        self.run_button = QPushButton(tr("Run"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.close_button = QPushButton(tr("Close"))
        for button in (self.back_button, self.next_button, self.run_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.pages.currentIndex() + 1))
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.apply_hints()
        self.go(0)

    # --- pages ---
    def _input_page(self, step):
        page = QWidget()
        form = QFormLayout(page)
        title = QLabel(f"<b>{_html(tr(step.title))}</b><br>{_html(tr(step.intro))}")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        form.addRow(title)
        if (
            any(
                self.algorithm.parameterDefinition(name).type() in ("source", "vector", "raster")
                for name in step.parameters
            )
            and not self.project.mapLayers()
        ):
            empty = QLabel(
                tr(
                    "No layers are loaded. Load the workshop data (Habitat Planning ▸ Load the workshop "
                    "data), or open your files with the … buttons."
                )
            )
            empty.setWordWrap(True)
            empty.setStyleSheet("color: #c62828")
            form.addRow(empty)
        for name in step.parameters:
            definition = self.algorithm.parameterDefinition(name)
            widget = self._widget(definition)
            self.widgets[name] = widget
            explanation = QLabel(tr(self.spec.explanations.get(name, "")))
            explanation.setWordWrap(True)
            explanation.setStyleSheet("color: #616161")
            box = QVBoxLayout()
            if isinstance(widget, QgsMapLayerComboBox):
                row = QHBoxLayout()
                row.addWidget(widget, 1)
                browse = QToolButton()
                browse.setText("…")
                browse.setObjectName(f"browse_{name}")
                browse.setToolTip(tr("Open a layer from a file…"))
                browse.clicked.connect(partial(self.browse_layer, name))
                row.addWidget(browse)
                box.addLayout(row)
            else:
                box.addWidget(widget)
            box.addWidget(explanation)
            label = definition.description() + ("" if _optional(definition) else " *")
            form.addRow(label, box)
        return page

    def _widget(self, definition):
        kind = definition.type()
        optional = _optional(definition)
        if kind in ("source", "vector", "raster"):
            widget = QgsMapLayerComboBox()
            if kind == "raster":
                widget.setFilters(LayerFilter.RasterLayer)
            else:
                # Combined with | only: the flags type itself moved to Qgis.LayerFilters in later QGIS versions.
                filters = None
                for data_type in definition.dataTypes() or [ProcessingSourceType.VectorAnyGeometry]:
                    value = GEOMETRY_FILTERS.get(data_type, LayerFilter.VectorLayer)
                    filters = value if filters is None else filters | value
                widget.setFilters(filters)
            widget.setAllowEmptyLayer(optional)
            if optional:
                widget.setLayer(None)
            return widget
        if kind == "field":
            if definition.allowMultiple():
                widget = QgsCheckableComboBox()
            else:
                widget = QgsFieldComboBox()
                widget.setAllowEmptyFieldName(optional)
                if definition.dataType() == definition.Numeric:
                    widget.setFilters(QgsFieldProxyModel.Filter.Numeric)
            parent = self.widgets.get(definition.parentLayerParameterName())
            if parent is not None:
                parent.layerChanged.connect(partial(self._parent_changed, definition.name()))
            return widget
        if kind == "multilayer":  # files (scorecards)
            return FileList(self)
        if kind == "file":
            widget = QgsFileWidget()
            widget.setFilter(definition.fileFilter())
            return widget
        if kind in ("number", "distance"):
            widget = QgsDoubleSpinBox()
            widget.setRange(definition.minimum(), min(definition.maximum(), 1e9))
            widget.setDecimals(1)
            widget.setValue(float(definition.defaultValue() or 0))
            widget.setClearValue(float(definition.defaultValue() or 0))  # the published default
            if kind == "distance":
                widget.setSuffix(" " + tr("metres"))
            return widget
        if kind == "string":
            return QLineEdit(str(definition.defaultValue() or ""))
        raise ValueError(f"no guided widget for a parameter of type {kind}")  # a ToolSpec error, for developers

    def _run_page(self):
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(QLabel(f"<b>{_html(tr('Summary'))}</b>"))
        self.summary = QTextBrowser()
        box.addWidget(self.summary, 2)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(tr("Output folder")))
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        self.folder.setFilePath(os.path.join(os.path.expanduser("~"), "habitat_outputs", f"{self.spec.key}-{stamp}"))
        folder_row.addWidget(self.folder, 1)
        box.addLayout(folder_row)
        # Escaped text is HTML: say so, or a single note without a tag is shown as plain text, entities and all.
        notes = QLabel("<br>".join(_html(tr(note)) for note in self.spec.method_notes))
        notes.setTextFormat(Qt.TextFormat.RichText)
        notes.setWordWrap(True)
        notes.setStyleSheet("color: #616161")
        box.addWidget(notes)
        self.folder_button = QPushButton(tr("Open the output folder"))
        self.folder_button.setVisible(False)
        self.folder_button.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(self.finished_folder)))
        box.addWidget(self.folder_button)
        self.pdf = QCheckBox(tr("Also save the reports as PDF"))
        self.pdf.setChecked(True)
        box.addWidget(self.pdf)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        box.addWidget(self.progress)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        box.addWidget(self.log, 1)
        return page

    # --- navigation ---
    def go(self, index):
        index = max(0, min(index, self.pages.count() - 1))
        if index == self.pages.count() - 1:
            self.summary.setHtml(self.summary_html())
        self.pages.setCurrentIndex(index)
        running = self.task is not None
        last = index == self.pages.count() - 1
        self.back_button.setEnabled(index > 0 and not running)
        self.next_button.setVisible(not last)
        self.run_button.setVisible(last)
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.step_label.setText(tr("Step {0} of {1}", index + 1, self.pages.count()))

    def summary_rows(self):
        """[(label, value)] of every input as it will be used."""
        rows = []
        for step in self.spec.steps:
            for name in step.parameters:
                value = self.value(name)
                rows.append((self.algorithm.parameterDefinition(name).description(), _shown(value)))
        return rows

    def summary_html(self):
        rows = "".join(
            f"<tr><th align='left'>{_html(label)}</th><td>{_html(value)}</td></tr>"
            for label, value in self.summary_rows()
        )
        missing = self.missing_inputs()
        warning = (
            f"<p style='color:#c62828'>{_html(tr('Still needed: {0}', ', '.join(missing)))}</p>" if missing else ""
        )
        return f"{warning}<table cellspacing='0' cellpadding='3'>{rows}</table>"

    # --- values ---
    def value(self, name):
        widget = self.widgets[name]
        if isinstance(widget, QgsMapLayerComboBox):
            layer = widget.currentLayer()
            return _layer_source(layer) if layer is not None else None
        if isinstance(widget, QgsCheckableComboBox):
            return widget.checkedItems() or None
        if isinstance(widget, QgsFieldComboBox):
            return widget.currentField() or None
        if isinstance(widget, FileList):
            return widget.files() or None
        if isinstance(widget, QgsFileWidget):
            return widget.filePath() or None
        if isinstance(widget, QgsDoubleSpinBox):
            return widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        return None

    def missing_inputs(self):
        return [
            self.algorithm.parameterDefinition(name).description()
            for name in self.widgets
            if self.value(name) is None and not _optional(self.algorithm.parameterDefinition(name))
        ]

    def parameters(self, folder):
        parameters = {name: self.value(name) for name in self.widgets if self.value(name) is not None}
        for output, file_name in self.spec.outputs.items():
            if self.algorithm.parameterDefinition(output) is None:
                continue
            target = os.path.join(folder, file_name)
            parameters[output] = (
                QgsProcessingOutputLayerDefinition(target, self.project) if not file_name.endswith(".html") else target
            )
        return parameters

    # --- defaults for recognised data (the workshop's sample layers and fields) ---
    def apply_hints(self):
        for name, widget in self.widgets.items():
            names = self.spec.layer_hints.get(name)
            if names and isinstance(widget, QgsMapLayerComboBox):
                layer = next(
                    (layer for layer in self.project.mapLayers().values() if source_name(layer) in names), None
                )
                if layer is not None:
                    widget.setLayer(layer)
        for name, widget in self.widgets.items():
            if isinstance(widget, (QgsFieldComboBox, QgsCheckableComboBox)):
                self._parent_changed(name)
        if is_workshop(self.project):
            for name, parts in self.spec.workshop_files.items():
                path = resource_path(*parts)
                if isinstance(self.widgets[name], FileList):
                    self.widgets[name].set_files(sorted(os.path.join(path, f) for f in os.listdir(path)))
                else:
                    self.widgets[name].setFilePath(path)

    def _parent_changed(self, name, *_):
        definition = self.algorithm.parameterDefinition(name)
        parent = self.widgets.get(definition.parentLayerParameterName())
        layer = parent.currentLayer() if parent is not None else None
        widget = self.widgets.get(name)
        if widget is None:
            return
        hints = list(self.spec.field_hints.get(name, []))
        # Columns in the user's language first: name_zh, function_zh under Chinese.
        hints = list(name_fields()) + hints if "name" in hints else list(in_language(hints))
        if isinstance(widget, QgsCheckableComboBox):
            widget.clear()
            if layer is not None:
                numeric = [f.name() for f in layer.fields() if f.isNumeric()]
                widget.addItems(numeric)
                widget.setCheckedItems([h for h in hints if h in numeric])
            return
        widget.setLayer(layer)
        if layer is not None:
            names = layer.fields().names()
            match = next((h for h in hints if h in names), None)
            if match is not None:
                widget.setField(match)

    # --- running ---
    def run(self):
        missing = self.missing_inputs()
        if missing:
            self.log.appendPlainText(tr("Still needed: {0}", ", ".join(missing)))
            return
        folder = self.folder.filePath()
        earlier = self.earlier_results(folder)
        if earlier:
            answer = self.ask_overwrite(folder, earlier)
            if answer == "new":
                folder = _fresh_folder(folder)
                self.folder.setFilePath(folder)
            elif answer != "replace":
                self.log.appendPlainText(tr("Not run: the results in {0} are kept.", folder))
                return
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            self.log.appendPlainText(
                tr("The output folder {0} cannot be created: {1}", folder, error.strerror or str(error))
            )
            return
        self.context = QgsProcessingContext()
        self.context.setProject(self.project)
        self.feedback = DialogFeedback()
        self.feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.feedback.message.connect(self.log.appendPlainText)
        parameters = self.parameters(folder)
        ok, message = self.algorithm.checkParameterValues(parameters, self.context)  # as Processing's dialog does
        if not ok:
            self.log.appendPlainText(message)
            return
        self.log.appendPlainText(tr("Running {0}…", tr(self.spec.title)))
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        self.go(self.pages.currentIndex())
        QgsApplication.taskManager().addTask(self.task)

    def earlier_results(self, folder):
        """The files of an earlier run in ``folder`` that this run would replace."""
        names = sorted(set(self.spec.outputs.values()))
        return [name for name in names if os.path.exists(os.path.join(folder, name))]

    def ask_overwrite(self, folder, earlier):
        """'replace', 'new' (a new folder beside it) or 'cancel': the user's answer."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr(self.spec.title),
            tr(
                "The output folder {0} already holds the results of an earlier run ({1}). Layers of "
                "that run shown in the project would change.",
                folder,
                ", ".join(earlier),
            ),
            parent=self,
        )
        new = box.addButton(tr("Use a new folder"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(tr("Replace the earlier results"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(new)
        box.exec()
        return "new" if box.clickedButton() is new else "replace" if box.clickedButton() is replace else "cancel"

    def browse_layer(self, name):
        """Open a file's layers into the project (a GeoPackage: all of them) and pick one for ``name``."""
        start = resource_path("sample_data") if not self.project.mapLayers() else os.path.expanduser("~")
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Open a layer from a file…"),
            start,
            tr("Spatial data (*.gpkg *.shp *.geojson *.json *.tif *.tiff);;All files (*)"),
        )
        if not path:
            return
        self.add_layer_file(path)
        self.apply_hints()
        widget = self.widgets[name]
        if widget.currentLayer() is None:  # no name hint fits: the first of the file's layers the input accepts
            for layer in self.project.mapLayers().values():
                if layer.source().split("|")[0] == path:
                    widget.setLayer(layer)
                    if widget.currentLayer() is layer:
                        break

    def add_layer_file(self, path):
        from qgis.core import QgsRasterLayer, QgsVectorLayer

        stem = os.path.splitext(os.path.basename(path))[0]
        if path.lower().endswith((".tif", ".tiff")):
            layers = [QgsRasterLayer(path, stem)]
        else:
            from osgeo import ogr

            source = ogr.Open(path)
            names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())] if source else []
            source = None
            layers = [QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr") for layer in names] or [
                QgsVectorLayer(path, stem, "ogr")
            ]
        valid = [layer for layer in layers if layer.isValid()]
        if not valid:
            self.log.appendPlainText(tr("{0} holds no layer QGIS can open.", path))
        for layer in valid:
            self.project.addMapLayer(layer)
        return valid

    def cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()
            self.log.appendPlainText(tr("Cancelling…"))

    def running(self):
        return self.task is not None

    def _executed(self, ok, results):
        self.task = None
        self.results = results if ok else None
        if ok:
            self.progress.setValue(100)
            self.load_results()
            self.log.appendPlainText(
                tr('Done: {0} layers added to the group "{1}".', len(self.loaded_layers), self.group_name)
            )
            for name in self.spec.reports:
                path = results.get(name)
                if path and os.path.exists(path):
                    if self.pdf.isChecked():
                        self.pdfs.append(self.save_pdf(path))
                    self.opened.append(path)
                    self.log.appendPlainText(tr("Report: {0}", path))
                    if self.open_url(QUrl.fromLocalFile(path)) is False:
                        self.log.appendPlainText(
                            tr("No web browser is set up to open it: open it from the output folder.")
                        )
            self.finished_folder = self.folder.filePath()
            self.log.appendPlainText(tr("Output folder: {0}", self.finished_folder))
            self.folder_button.setVisible(True)
        else:
            self.log.appendPlainText(tr("The run stopped; nothing was added to the project."))
        self.go(self.pages.currentIndex())

    @staticmethod
    def save_pdf(html_path):
        """The PDF beside an HTML report (same name), printed by Qt with the report's CJK font."""
        from ..core.files import atomic_write
        from ..report_pdf import html_to_pdf

        with open(html_path, encoding="utf-8") as stream:
            text = stream.read()
        return atomic_write(os.path.splitext(html_path)[0] + ".pdf", lambda partial: html_to_pdf(text, partial))

    def load_results(self):
        """The run's layers in one group named after the tool, with the styles and names the tool gives them:
        points over lines over polygons, the tool's main results visible, the map on them."""
        self.group_name = self.new_group_name()
        for other in self.project.layerTreeRoot().children():  # the legend on this run's results
            if hasattr(other, "setExpanded"):
                other.setExpanded(False)
        group = self.project.layerTreeRoot().insertGroup(0, self.group_name)
        group.setExpanded(True)
        outputs = {str(value): key for key, value in (self.results or {}).items() if isinstance(value, str)}
        loaded = []
        for layer_id, details in self.context.layersToLoadOnCompletion().items():
            layer = QgsProcessingUtils.mapLayerFromString(layer_id, self.context)
            if layer is None:
                continue
            layer = self.context.takeResultLayer(layer.id()) or layer
            layer.setName(details.name)
            key = outputs.get(layer_id) or outputs.get(layer.source().split("|")[0])
            loaded.append((layer, details, key))
        loaded.sort(key=lambda item: _drawing_order(item[0]))
        for layer, details, key in loaded:
            self.project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            if details.postProcessor() is not None:
                details.postProcessor().postProcessLayer(layer, self.context, self.feedback)
            if self.spec.shown and node is not None:
                node.setItemVisibilityChecked(key in self.spec.shown or not layer.isSpatial())
            self.loaded_layers.append(layer)
        self.zoom_to_results()

    def new_group_name(self):
        """The tool and the time; a second run in the same minute gets (2), (3)…: never two groups of one name."""
        base = f"{tr(self.spec.title)} {datetime.now().strftime('%H:%M')}"
        taken = {child.name() for child in self.project.layerTreeRoot().children()}
        name, number = base, 2
        while name in taken:
            name, number = f"{base} ({number})", number + 1
        return name

    def zoom_to_results(self):
        """The map on the visible results (the city for public space, the region for the SDF)."""
        canvas = _canvas()
        if canvas is None:
            return
        from qgis.core import QgsCoordinateTransform, QgsRectangle

        extent = set_null(QgsRectangle())
        shown = [
            layer
            for layer in self.loaded_layers
            if layer.isSpatial() and self.project.layerTreeRoot().findLayer(layer.id()).isVisible()
        ] or [layer for layer in self.loaded_layers if layer.isSpatial()]
        for layer in shown:
            try:
                transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), self.project)
                extent.combineExtentWith(transform.transformBoundingBox(layer.extent()))
            except Exception:  # a layer QGIS cannot transform: zoom on the others  # noqa: BLE001
                continue
        if not extent.isEmpty() and extent.isFinite():
            canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.03))
            canvas.refresh()

    def closeEvent(self, event):  # noqa: N802
        if self.task is not None:  # closing the window does not leave a run going on unseen
            self.cancel()
        super().closeEvent(event)


class FileList(QWidget):
    """A list of files with Add and Remove buttons."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        add, remove = QPushButton(tr("Add files…")), QPushButton(tr("Remove"))
        add.clicked.connect(self.add_files)
        remove.clicked.connect(lambda: [self.list.takeItem(self.list.row(item)) for item in self.list.selectedItems()])
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_files(self):
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Add files…"), "", tr("Scorecards (*.xlsx *.csv *.json)"))
        self.set_files(self.files() + paths)

    def set_files(self, paths):
        """Shown by file name; the full path is the item's data and tooltip."""
        self.list.clear()
        for path in paths:
            item = QListWidgetItem(os.path.basename(path))
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.list.addItem(item)

    def files(self):
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]


def _fresh_folder(folder):
    """``folder`` with -2, -3… appended: the first that does not exist yet."""
    number = 2
    while os.path.exists(f"{folder}-{number}"):
        number += 1
    return f"{folder}-{number}"


def _drawing_order(layer):
    """Points first (drawn on top), then lines, polygons, rasters and tables last."""

    if not layer.isSpatial():
        return 5
    if not hasattr(layer, "geometryType"):
        return 4
    return {GeometryType.Point: 0, GeometryType.Line: 1, GeometryType.Polygon: 2}.get(layer.geometryType(), 3)


def _canvas():
    try:
        from qgis.utils import iface
    except ImportError:
        return None
    return iface.mapCanvas() if iface is not None else None


def _optional(definition):
    return bool(definition.flags() & definition.FlagOptional)


def _layer_source(layer):
    """A file layer by its source (safe to read from the run's thread); any other layer by its id."""
    source = layer.source()
    return source if os.path.exists(source.split("|")[0]) else layer.id()


def _shown(value):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return ", ".join(readable_source(v) for v in value) if isinstance(value, list) else readable_source(value)


def _html(text):
    """Text for the content of an HTML element (never an attribute): & < > escaped, quotes kept as they are."""
    import html

    return html.escape(str(text), quote=False)
