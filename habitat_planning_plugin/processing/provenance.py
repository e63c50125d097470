"""What every report says it was made with: the plugin and QGIS versions (the core's report builders take this
text as an argument, so that they stay free of QGIS)."""

from qgis.core import Qgis

from ..core.text import tr
from ..paths import plugin_version


def footer() -> str:
    return tr("Habitat Planning Toolkit {0}, QGIS {1}", plugin_version(), Qgis.QGIS_VERSION)
