"""Translatable messages for the core and everything above it.

All user-visible text goes through ``tr`` (or is marked with ``tr_noop`` where the text is stored and
translated later, e.g. class attributes). Both take a literal string so that ``scripts/i18n.py`` can
extract it into ``i18n/habitat_planning_plugin_zh_CN.ts``. One translation context serves the project.
Qt is optional here: without it (a plain notebook) the English text is returned.
"""

import math
from typing import Callable, List, Optional

CONTEXT = "habitat"

try:  # QtCore only: translation works without a GUI, and the core stays free of widgets and iface.
    from qgis.PyQt.QtCore import QCoreApplication as _QCoreApplication
except ImportError:  # pragma: no cover - exercised only outside QGIS
    _QCoreApplication = None


def tr_noop(text: str) -> str:
    """Mark ``text`` for extraction; it is translated when shown, with ``tr(value)``."""
    return text


def tr(text: str, *args: object, **kwargs: object) -> str:
    """Translate ``text`` and fill ``{}`` placeholders (the translation keeps them)."""
    translated = _QCoreApplication.translate(CONTEXT, text) if _QCoreApplication is not None else text
    if args or kwargs:
        return translated.format(*args, **kwargs)
    return translated


class HabitatError(Exception):
    """An error caused by the user's input, with a message already translated for display."""


class Cancelled(Exception):
    """Raised by a progress callback when the user cancelled the run."""


# The ``progress`` argument of the core's long steps: called with the fraction done (0..1); it raises Cancelled
# when the user cancelled.
Progress = Callable[[float], object]


def number_list(text: Optional[str], error_message: str) -> List[float]:
    """Numbers from comma- (or semicolon-) separated text; ``error_message`` (translated, naming the text already)
    is raised when a part is not a number."""
    try:
        numbers = [float(part) for part in (text or "").replace(";", ",").split(",") if part.strip()]
    except ValueError:
        raise HabitatError(error_message) from None
    if not all(math.isfinite(number) for number in numbers):  # "nan" and "inf" parse, but are no threshold
        raise HabitatError(error_message)
    return numbers
