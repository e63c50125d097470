"""The plugin as QGIS drives it: classFactory, initProcessing, initGui, unload — twice, leaving nothing."""

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMenu, QToolBar

import habitat_planning_plugin
from habitat_planning_plugin.gui.menu import MENU_OBJECT_NAME, SCORING_ACTION, TOOLBAR_OBJECT_NAME, WORKSHOP_ACTION


def algorithm_entry(entry):
    """A menu entry that opens one algorithm (not the scoring or a guided dialog, not a separator)."""
    return (
        entry.isEnabled()
        and not entry.isSeparator()
        and entry.objectName() != SCORING_ACTION
        and not entry.objectName().startswith("habitatGuided_")
    )


def traces(iface):
    window = iface.mainWindow()
    return {
        "menus": len([a for a in window.menuBar().actions() if a.menu() and a.menu().objectName() == MENU_OBJECT_NAME]),
        "menu widgets": len(window.findChildren(QMenu, MENU_OBJECT_NAME)),
        "toolbars": len(window.findChildren(QToolBar, TOOLBAR_OBJECT_NAME)),
        "providers": int(QgsApplication.processingRegistry().providerById("habitat") is not None),
    }


def test_load_and_unload_twice_leaves_nothing(qgis_iface, qgis_processing):
    before = traces(qgis_iface)
    assert before == {"menus": 0, "menu widgets": 0, "toolbars": 0, "providers": 0}
    for _ in range(2):
        plugin = habitat_planning_plugin.classFactory(qgis_iface)
        plugin.initProcessing()
        plugin.initGui()
        assert traces(qgis_iface) == {"menus": 1, "menu widgets": 1, "toolbars": 1, "providers": 1}
        plugin.unload()
        assert traces(qgis_iface) == before


def test_menu_has_one_entry_per_tool_area_listing_its_algorithms(qgis_iface, qgis_processing):
    plugin = habitat_planning_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        menu = plugin.menu.menu
        areas = [action.text() for action in menu.actions() if action.menu() is not None]
        assert areas == ["Public space", "Plan assessment", "Spatial development framework"]
        assert menu.actions()[-1].objectName() == WORKSHOP_ACTION
        provider = QgsApplication.processingRegistry().providerById("habitat")
        for action, group_id in zip(menu.actions(), ("publicspace", "planassessment", "sdf")):
            expected = sorted(alg.displayName() for alg in provider.algorithms() if alg.groupId() == group_id)
            listed = [entry.text() for entry in action.menu().actions() if algorithm_entry(entry)]
            assert sorted(listed) == expected
        assert len(plugin.menu.toolbar.actions()) == 4  # three tool areas and the workshop data
    finally:
        plugin.unload()


def test_menu_entry_opens_its_algorithm(qgis_iface, qgis_processing):
    opened = []
    plugin = habitat_planning_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    from habitat_planning_plugin.gui.menu import HabitatMenu

    menu = HabitatMenu(qgis_iface, open_algorithm=opened.append)
    menu.create()
    try:
        entries = [
            e for a in menu.menu.actions() if a.menu() is not None for e in a.menu().actions() if algorithm_entry(e)
        ]
        for entry in entries:
            entry.trigger()
        provider = QgsApplication.processingRegistry().providerById("habitat")
        assert sorted(opened) == sorted(
            alg.id() for alg in provider.algorithms() if alg.groupId() in ("publicspace", "planassessment", "sdf")
        )
    finally:
        menu.remove()
        plugin.unload()
