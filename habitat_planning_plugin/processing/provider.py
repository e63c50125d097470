"""The ``habitat`` Processing provider: the plugin's algorithms and the models shipped in resources/models."""

from pathlib import Path

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.text import tr
from ..paths import RESOURCES_DIR, plugin_version, resource_path
from .algorithms import ALGORITHM_CLASSES

PROVIDER_ID = "habitat"


class HabitatProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Habitat planning")

    def longName(self):  # noqa: N802
        return tr("Habitat planning toolkit {0}", plugin_version())

    def icon(self):
        return QIcon(resource_path("icons", "habitat.svg"))

    def svgIconPath(self):  # noqa: N802
        return resource_path("icons", "habitat.svg")

    def loadAlgorithms(self):  # noqa: N802
        for algorithm_class in ALGORITHM_CLASSES:
            self.addAlgorithm(algorithm_class())
        for model_file in sorted(Path(RESOURCES_DIR, "models").glob("*.model3")):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(model_file)):
                self.addAlgorithm(model)
