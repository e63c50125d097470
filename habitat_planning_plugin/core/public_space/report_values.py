"""Values as the public space tools read and write them: numbers from attribute and table cells, and numbers and
lists as the reports and the run logs write them (one rule for every tool). No QGIS: an empty QGIS attribute is
recognised by its ``isNull()`` method."""

from __future__ import annotations

import math
from typing import Any, Iterable, Optional, SupportsFloat

NONE_TEXT = "—"  # a value that is missing, in a report or a log line


def empty(value: object) -> bool:
    """None, or an empty attribute of QGIS (NULL: a value whose ``isNull()`` is true; processing.outputs.is_null
    is the same rule on the QGIS side)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def number(value: object) -> Optional[float]:
    """A number from a table cell (text from a CSV too, with the apostrophe a spreadsheet-safe table adds); None
    when empty, not a number or not finite."""
    if empty(value):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().lstrip("'")
    try:
        found = float(text)
    except ValueError:
        return None
    return found if math.isfinite(found) else None


def number_or_nan(value: object) -> float:
    """``number`` with NaN for nothing: for numpy arrays of values read from a layer."""
    found = number(value)
    return math.nan if found is None else found


def finite_or_none(value: Optional[SupportsFloat]) -> Optional[float]:
    """A float for an attribute, None for a missing or non-finite value (what an empty field cell holds)."""
    return None if value is None or not math.isfinite(float(value)) else float(value)


def whole_number(value: float) -> str:
    """A count (people, spaces) rounded to a whole number, with thousands separators."""
    return f"{value:,.0f}"


def pct(value: Optional[float]) -> str:
    """A share in per cent with one decimal, ``—`` when missing."""
    return NONE_TEXT if value is None or value != value else f"{value:.1f}"


def listed(names: Iterable[object], most: int = 20) -> str:
    """The first ``most`` names, comma-separated, with an ellipsis when there are more."""
    texts = [str(name) for name in names]
    return ", ".join(texts[:most]) + (" …" if len(texts) > most else "")


def cell(value: Any, kind: str) -> Any:
    """A value for an output field of type ``kind`` ("int", "real", "str"): None for missing or non-finite."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if kind == "int":
        return int(value)
    return value
