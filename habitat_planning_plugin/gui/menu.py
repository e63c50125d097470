"""The "Habitat Planning" menu and toolbar: one entry per tool area, listing that area's algorithms."""

from functools import partial

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QComboBox, QMenu, QToolBar, QToolButton

from ..catalogue import GROUP_ICONS, GROUPS, PROVIDER_ID
from ..compat import QAction
from ..core.text import tr, tr_noop
from ..paths import resource_path

MENU_OBJECT_NAME = "habitatPlanningMenu"
TOOLBAR_OBJECT_NAME = "habitatPlanningToolbar"
TOOL_AREAS = ("publicspace", "planassessment", "sdf")
NO_TOOLS_YET = tr_noop("No tools in this area yet")
SCORING_ACTION = "habitatScoringDialog"
GUIDED_ACTION = "habitatGuided_{0}"
WORKSHOP_ACTION = "habitatWorkshop"
# The guided dialogs of each area (tool keys of gui/tool_specs.py), first in its menu.
GUIDED_TOOLS = {
    "publicspace": [
        ("publicspace", tr_noop("City-wide public space assessment (guided)…")),
        ("publicspacequality", tr_noop("Public space quality from a survey (guided)…")),
        ("publicspaceaction", tr_noop("Where to add and upgrade public space (guided)…")),
    ],
    "planassessment": [("planassessment", tr_noop("Plan assessment (guided)…"))],
    "sdf": [
        ("sdf", tr_noop("Spatial Development Framework analysis (guided)…")),
        ("sdfscenario", tr_noop("What-if scenario for the region (guided)…")),
    ],
}


def algorithm_dialog(algorithm_id: str):
    """Processing's dialog for the algorithm, its inputs started on the layers and fields whose names say they are
    the ones (gui/input_defaults); a required layer nothing fits starts empty instead of on the first layer."""
    import processing  # QGIS's Processing plugin, present wherever the GUI is
    from qgis.core import QgsProject
    from qgis.gui import QgsMapLayerComboBox

    from .input_defaults import initial_parameters

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    values = initial_parameters(algorithm, QgsProject.instance()) if algorithm is not None else {}
    dialog = processing.createAlgorithmDialog(algorithm_id, values)  # None: a field starts empty
    wrappers = getattr(dialog.mainWidget(), "wrappers", {}) if dialog is not None else {}
    for name, value in values.items():
        wrapper = wrappers.get(name)
        if (
            value is not None
            or wrapper is None
            or wrapper.parameterDefinition().type() not in ("source", "vector", "raster")
        ):
            continue
        # Processing's layer widget holds a QgsMapLayerComboBox (seen from Python as a QComboBox): no selection.
        for combo in wrapper.wrappedWidget().findChildren(QComboBox):
            if isinstance(combo, QgsMapLayerComboBox):
                combo.setAllowEmptyLayer(True)
                combo.setLayer(None)
            else:
                combo.setCurrentIndex(-1)
    return dialog


def open_algorithm_dialog(algorithm_id: str) -> None:
    dialog = algorithm_dialog(algorithm_id)
    if dialog is not None:
        dialog.show()
        dialog.exec()


def area_algorithms(area: str):
    provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
    if provider is None:
        return []
    return sorted((alg for alg in provider.algorithms() if alg.groupId() == area), key=lambda alg: alg.displayName())


class HabitatMenu:
    """Builds the menu and toolbar in ``create`` and removes every trace of them in ``remove``."""

    def __init__(self, iface, open_algorithm=open_algorithm_dialog):
        self.iface = iface
        self.open_algorithm = open_algorithm
        self.menu = None
        self.toolbar = None
        self.actions = []
        self.scoring_dialog = None
        self.guided_dialogs = {}

    def create(self):
        main_window = self.iface.mainWindow()
        menu_bar = main_window.menuBar()
        self.menu = QMenu(tr("Habitat Planning"), menu_bar)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self.toolbar = QToolBar(tr("Habitat Planning"), main_window)
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        self.iface.addToolBar(self.toolbar)

        for area in TOOL_AREAS:
            submenu = QMenu(tr(GROUPS[area]), self.menu)
            submenu.aboutToShow.connect(partial(self.fill_area_menu, area, submenu))
            self.fill_area_menu(area, submenu)
            action = QAction(QIcon(resource_path("icons", GROUP_ICONS[area])), tr(GROUPS[area]), main_window)
            action.setMenu(submenu)
            action.setToolTip(tr(GROUPS[area]))
            self.menu.addAction(action)
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.actions.append(action)

        self.menu.addSeparator()
        workshop = QAction(QIcon(resource_path("icons", "habitat.svg")), tr("Load the workshop data"), main_window)
        workshop.setObjectName(WORKSHOP_ACTION)
        workshop.setToolTip(tr("Sample city and sample region as a ready project, for training"))
        workshop.triggered.connect(self.load_workshop)
        self.menu.addAction(workshop)
        self.toolbar.addAction(workshop)
        self.actions.append(workshop)

        # Before the Help menu, where QGIS users look for plugin menus.
        menu_actions = menu_bar.actions()
        if menu_actions:
            menu_bar.insertMenu(menu_actions[-1], self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def fill_area_menu(self, area: str, submenu: QMenu) -> None:
        submenu.clear()
        for tool, label in GUIDED_TOOLS[area]:
            guided = submenu.addAction(QIcon(resource_path("icons", GROUP_ICONS[area])), tr(label))
            guided.setObjectName(GUIDED_ACTION.format(tool))
            guided.triggered.connect(partial(self.open_guided_dialog, tool))
        submenu.addSeparator()
        if area == "planassessment":  # the scoring dialog comes before the algorithms that use its scorecards
            entry = submenu.addAction(tr("Score a plan…"))
            entry.setObjectName(SCORING_ACTION)
            entry.triggered.connect(self.open_scoring_dialog)
            submenu.addSeparator()
        algorithms = area_algorithms(area)
        for algorithm in algorithms:
            entry = submenu.addAction(algorithm.icon(), algorithm.displayName())
            entry.triggered.connect(partial(self.open_algorithm, algorithm.id()))
        if not algorithms:
            submenu.addAction(tr(NO_TOOLS_YET)).setEnabled(False)

    def open_guided_dialog(self, tool):
        from .guided_dialog import GuidedDialog

        dialog = self.guided_dialogs.get(tool)
        if dialog is None or not dialog.isVisible():  # a closed dialog starts afresh (current layers, new folder)
            if dialog is not None:
                dialog.deleteLater()
            dialog = GuidedDialog(tool, self.iface.mainWindow())
            self.guided_dialogs[tool] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def load_workshop(self, checked=False, confirm=True):
        """Replace the project with the workshop data (asking first if the project has unsaved changes)."""
        from qgis.core import QgsProject
        from qgis.PyQt.QtWidgets import QMessageBox

        from ..workshop import load_workshop

        project = QgsProject.instance()
        if (
            confirm
            and project.isDirty()
            and QMessageBox.question(
                self.iface.mainWindow(),
                tr("Load the workshop data"),
                tr("Replace the current project with the workshop data? Unsaved changes are lost."),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return None
        project.clear()
        layers = load_workshop(project)
        canvas = self.iface.mapCanvas()
        if canvas is not None:
            from qgis.PyQt.QtCore import QTimer

            city = layers["urban_extent"].extent().buffered(500)

            def zoom_to_city():
                canvas.setDestinationCrs(project.crs())
                canvas.setExtent(city)
                canvas.refresh()

            zoom_to_city()
            # QGIS zooms a project that had no layers to the full extent of the first ones once control returns
            # to the event loop (here: the whole region); the city again after that.
            QTimer.singleShot(0, zoom_to_city)
        return layers

    def open_scoring_dialog(self):
        from .scoring_dialog import ScoringDialog

        self.scoring_dialog = ScoringDialog(self.iface.mainWindow())
        self.scoring_dialog.show()

    def remove(self):
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.setParent(None)
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        for action in self.actions:
            action.setParent(None)
            action.deleteLater()
        self.actions = []
        for dialog in self.guided_dialogs.values():
            dialog.close()
            dialog.deleteLater()
        self.guided_dialogs = {}
        if self.scoring_dialog is not None:
            self.scoring_dialog.close()
            self.scoring_dialog.deleteLater()
            self.scoring_dialog = None
