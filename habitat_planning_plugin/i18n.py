"""Which language the user reads, and the Qt translator that gives it to them.

The locale follows QGIS: ``locale/userLocale`` when ``locale/overrideFlag`` is set, else the system locale
(the same rule QGIS applies at start-up). ``HABITAT_LOCALE`` overrides both, for batch runs and tests.
Every lookup has a default: on a fresh profile the settings hold nothing, and other plugins crash there.

QGIS stores the language as it lists it, not as a Qt locale name: 简体中文 is ``zh-Hans`` and 繁體中文 ``zh-Hant``,
other languages ``de``, ``pt_BR`` … and a system locale may come as ``zh_CN.UTF-8``. ``normalise_locale`` turns
any of these into the ``language_REGION`` name the translation files use.
"""

import os
import re

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import I18N_DIR, PLUGIN_NAME

_installed = None  # the translator this plugin has installed, if any


# Script subtags name the written form of Chinese; the region is the one the translation file carries.
_SCRIPT_REGION = {("zh", "hans"): "CN", ("zh", "hant"): "TW"}
# A bare language or a region that shares a written form with another one.
_REGION_ALIAS = {("zh", ""): "CN", ("zh", "SG"): "CN", ("zh", "MY"): "CN", ("zh", "HK"): "TW", ("zh", "MO"): "TW"}
# When a written form has no translation of its own, the closest one a reader of it can read.
_FALLBACK = {"zh_TW": "zh_CN"}


def normalise_locale(name) -> str:
    """``zh-Hans``, ``zh_CN``, ``zh``, ``zh_SG``, ``zh_CN.UTF-8`` -> ``zh_CN``; ``de`` -> ``de``; never raises.

    Empty, ``C`` and ``POSIX`` (a bare system) are English with no region: ``en``.
    """
    text = str(name or "").strip()
    text = re.split(r"[.@]", text, maxsplit=1)[0]  # encoding and modifier of a POSIX locale
    parts = [part for part in re.split(r"[-_]", text) if part]
    if not parts or parts[0].upper() in ("C", "POSIX"):
        return "en"
    language, script, region = parts[0].lower(), "", ""
    if not (2 <= len(language) <= 3 and language.isascii() and language.isalpha()):
        return "en"  # not a language code at all (a damaged setting): English, as QGIS falls back
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            script = part.lower()
        elif not region and (len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit()):
            region = part.upper()
    if script and (language, script) in _SCRIPT_REGION:
        region = _SCRIPT_REGION[(language, script)]
    region = _REGION_ALIAS.get((language, region), region)
    return f"{language}_{region}" if region else language


def qgis_locale() -> str:
    """Locale name such as ``zh_CN`` or ``en_US``, normalised from what QGIS stores; never raises."""
    forced = os.environ.get("HABITAT_LOCALE", "").strip()
    if forced:
        return normalise_locale(forced)
    try:
        settings = QgsSettings()
        if settings.value("locale/overrideFlag", False, type=bool):
            user_locale = settings.value("locale/userLocale", "", type=str) or ""
            if user_locale.strip():
                return normalise_locale(user_locale)
    except (TypeError, ValueError):
        pass
    return normalise_locale(QLocale().name())


def content_language() -> str:
    """ "zh" or "en": the language of the bilingual content (framework criteria, survey questions, place names) to
    show in the user's QGIS language."""
    return "zh" if qgis_locale().lower().startswith("zh") else "en"


def translation_candidates(locale: str) -> list:
    """Translation names to try for ``locale``, best first: ``zh_CN``; ``zh_TW``, then ``zh_CN``; ``pt``, ``pt_*``."""
    name = normalise_locale(locale)
    language = name.split("_")[0]
    candidates = [name, language]
    if name in _FALLBACK:
        candidates.append(_FALLBACK[name])
    # A bare language (``de``) or a region with no file of its own (``de_AT``) takes any file of that language.
    candidates += sorted(path.stem[len(PLUGIN_NAME) + 1 :] for path in I18N_DIR.glob(f"{PLUGIN_NAME}_{language}_*.qm"))
    return list(dict.fromkeys(candidates))


def translation_file(locale: str):
    """The compiled ``.qm`` for ``locale`` (see ``translation_candidates``), or None when there is none."""
    for name in translation_candidates(locale):
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
