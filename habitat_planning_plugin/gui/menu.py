"""The "Habitat Planning" menu and toolbar: one entry per tool area, listing that area's algorithms."""

from functools import partial

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolBar, QToolButton

from ..core.text import tr, tr_noop
from ..paths import resource_path
from ..processing.base import GROUP_ICONS, GROUPS
from ..processing.provider import PROVIDER_ID

MENU_OBJECT_NAME = "habitatPlanningMenu"
TOOLBAR_OBJECT_NAME = "habitatPlanningToolbar"
TOOL_AREAS = ("publicspace", "planassessment", "sdf")
NO_TOOLS_YET = tr_noop("No tools in this area yet")
SCORING_ACTION = "habitatScoringDialog"


def open_algorithm_dialog(algorithm_id: str) -> None:
    import processing  # QGIS's Processing plugin, present wherever the GUI is

    processing.execAlgorithmDialog(algorithm_id)


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
                button.setPopupMode(QToolButton.InstantPopup)
            self.actions.append(action)

        # Before the Help menu, where QGIS users look for plugin menus.
        menu_actions = menu_bar.actions()
        if menu_actions:
            menu_bar.insertMenu(menu_actions[-1], self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def fill_area_menu(self, area: str, submenu: QMenu) -> None:
        submenu.clear()
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
        if self.scoring_dialog is not None:
            self.scoring_dialog.close()
            self.scoring_dialog.deleteLater()
            self.scoring_dialog = None
