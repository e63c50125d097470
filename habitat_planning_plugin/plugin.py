"""The QGIS plugin object: translator, Processing provider (also for qgis_process) and the menu."""

from qgis.core import QgsApplication

from . import i18n
from .processing.provider import HabitatProvider


class HabitatPlanningPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu = None
        i18n.install_translator()

    def initProcessing(self):  # noqa: N802 - called by QGIS and qgis_process, without a GUI
        if self.provider is None:
            self.provider = HabitatProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        from .gui.menu import HabitatMenu

        self.menu = HabitatMenu(self.iface)
        self.menu.create()

    def unload(self):
        if self.menu is not None:
            self.menu.remove()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.remove_translator()
