"""The ``habitat`` Processing provider: the plugin's algorithms and the models built on them."""

from qgis.core import QgsApplication, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..catalogue import PROVIDER_ID
from ..core.text import tr
from ..paths import plugin_version, resource_path
from .algorithms import ALGORITHM_CLASSES, MODEL_CLASSES


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
        # A model resolves its steps ("habitat:...") in the registry, which holds this provider only after the
        # first load: add the models then (on a later refresh the provider is registered already).
        registry = QgsApplication.processingRegistry()
        if registry.providerById(PROVIDER_ID) is not None:
            self.add_models()
        else:
            registry.providerAdded.connect(self._registered)

    def _registered(self, provider_id):
        if provider_id == PROVIDER_ID:
            QgsApplication.processingRegistry().providerAdded.disconnect(self._registered)
            self.add_models()

    def add_models(self):
        for model_class in MODEL_CLASSES:
            self.addAlgorithm(model_class())
