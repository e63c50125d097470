"""Which language the user reads, and the Qt translator that gives it to them.

The locale follows QGIS: ``locale/userLocale`` when ``locale/overrideFlag`` is set, else the system locale
(the same rule QGIS applies at start-up). ``HABITAT_LOCALE`` overrides both, for batch runs and tests.
Every lookup has a default: on a fresh profile the settings hold nothing, and other plugins crash there.
"""

import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import I18N_DIR, PLUGIN_NAME

_installed = None  # the translator this plugin has installed, if any


def qgis_locale() -> str:
    """Locale name such as ``zh_CN`` or ``en_US``; never raises."""
    forced = os.environ.get("HABITAT_LOCALE", "").strip()
    if forced:
        return forced
    try:
        settings = QgsSettings()
        if settings.value("locale/overrideFlag", False, type=bool):
            user_locale = settings.value("locale/userLocale", "", type=str) or ""
            if user_locale.strip():
                return user_locale.strip()
    except (TypeError, ValueError):
        pass
    return QLocale().name() or "en_US"


def translation_file(locale: str):
    """The compiled ``.qm`` for ``locale`` (``zh_CN``, then ``zh``), or None when there is none."""
    for name in (locale, locale.split("_")[0]):
        candidate = I18N_DIR / f"{PLUGIN_NAME}_{name}.qm"
        if candidate.is_file():
            return candidate
    return None


def install_translator(locale: str = None) -> bool:
    """Install this plugin's translator for ``locale`` (default: QGIS's), replacing any earlier one."""
    global _installed
    remove_translator()
    qm_file = translation_file(locale or qgis_locale())
    if qm_file is None:
        return False
    translator = QTranslator()
    if not translator.load(str(qm_file)):
        return False
    QCoreApplication.installTranslator(translator)
    _installed = translator
    return True


def remove_translator() -> None:
    global _installed
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
