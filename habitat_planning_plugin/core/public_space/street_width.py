"""One street-width policy for SDG 11.7.1 (a), shared by the OSM streets tool and the land-share tool.

A street's right-of-way width is, in this order:
1. measured: a width field or the OSM ``width`` tag (``est_width`` when there is no ``width``), parsed with its
   unit; a value outside MIN_WIDTH_M..MAX_WIDTH_M is rejected and counted, text that is no width is counted as
   unreadable, and both fall through to
2. the width of its road class in CLASS_WIDTHS (editable by the user), else
3. the default width.
docs/street-widths.md states the policy and the sources of the table for users.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from ..text import HabitatError, tr, tr_noop

MIN_WIDTH_M = 1.5  # narrower is more likely a unit slip (cm, feet) than a street
MAX_WIDTH_M = 80.0  # wider is more likely a unit slip (mm, cm) or a lane count typo than a street
DEFAULT_WIDTH_M = 10.0  # classes not in the table: a local street, the most common class of an urban network

# Typical right-of-way (building line to building line, footways included) by OSM highway class, in metres.
# Sources (docs/street-widths.md): the street types of the NACTO-GDCI Global Street Design Guide (2016), whose
# examples span laneways of 8-10 m, residential shared streets of 9-10 m, residential streets of 13-24 m,
# neighbourhood main streets of 18-30 m, central two-way streets of 20-40 m and large streets with transit of
# 32-38 m; cross-sections built from lanes of 3.0-3.75 m and footways of at least 2 m (UK Manual for Streets,
# 2007: a residential carriageway of 4.8-5.5 m plus 2 m footways is about 10 m); and the arterial roads about
# 30 m wide of the Urban Expansion programme (Angel, Making Room for a Planet of Cities, 2011). The low end of
# each range is taken: widths measured on imagery or in the city should replace them.
CLASS_WIDTHS = (
    ("motorway", 30.0),
    ("trunk", 25.0),
    ("primary", 25.0),
    ("secondary", 20.0),
    ("tertiary", 15.0),
    ("motorway_link", 10.0),
    ("trunk_link", 8.0),
    ("primary_link", 8.0),
    ("secondary_link", 7.0),
    ("tertiary_link", 6.0),
    ("unclassified", 10.0),
    ("residential", 10.0),
    ("road", 10.0),
    ("busway", 10.0),
    ("living_street", 8.0),
    ("pedestrian", 8.0),
    ("service", 6.0),
    ("track", 4.0),
    ("bridleway", 3.0),
    ("cycleway", 3.0),
    ("footway", 3.0),
    ("sidewalk", 2.0),
    ("path", 2.0),
    ("steps", 2.0),
)

MEASURED, CLASS, DEFAULT = "measured", "class", "default"
SOURCES = (MEASURED, CLASS, DEFAULT)
# What the width_src field of a street layer says (translated when written).
SOURCE_LABELS = {
    MEASURED: tr_noop("OSM width tag"),
    CLASS: tr_noop("road class table"),
    DEFAULT: tr_noop("default width"),
}

OK, MISSING, UNREADABLE, REJECTED = "ok", "missing", "unreadable", "rejected"

_FEET, _INCH = 0.3048, 0.0254
_UNITS = {
    "": 1.0,
    "m": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "米": 1.0,
    "公尺": 1.0,
    "cm": 0.01,
    "mm": 0.001,
    "km": 1000.0,
    "mi": 1609.344,
    "ft": _FEET,
    "feet": _FEET,
    "foot": _FEET,
    "'": _FEET,
    "in": _INCH,
    "inch": _INCH,
    "inches": _INCH,
    '"': _INCH,
}
_NUMBER = r"-?\d+(?:[.,]\d+)?"
_APPROXIMATE = re.compile(r"^(?:~|≈|ca\.?|c\.|approximately|approx\.?|about|circa)\s*")
_QUANTITY = re.compile(r"^(" + _NUMBER + r")\s*([a-z\u7c73\u516c\u5c3a]*\.?|'|\")$")
_FEET_INCHES = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:'|ft|feet|foot)\s*(\d+(?:[.,]\d+)?)\s*(?:\"|in|inch|inches)$")
_RANGE = re.compile(r"^(.*\d.*?)\s*(?:-|–|—|\bto\b)\s*(\d.*)$")
_QUOTES = str.maketrans({"’": "'", "′": "'", "‘": "'", "”": '"', "″": '"', "“": '"', "\u00a0": " "})


@dataclass(frozen=True)
class WidthReading:
    """A width value as read: ``metres`` (None when missing or unreadable) and its status (OK, MISSING,
    UNREADABLE, or REJECTED when readable but outside MIN_WIDTH_M..MAX_WIDTH_M)."""

    metres: Optional[float]
    status: str


def _number(text: str) -> float:
    """A number with a decimal point or a decimal comma ("7,5"); a comma before exactly three digits groups
    thousands ("5,000")."""
    if "," in text:
        whole, _, fraction = text.partition(",")
        text = whole + fraction if len(fraction) == 3 else whole + "." + fraction
    return float(text)


def _quantity(text: str, unit_hint: str = "") -> Optional[Tuple[float, str]]:
    """(metres, unit) of one quantity such as "12", "12 m", "12.5m", "40 ft", "12'6\"", or None."""
    match = _FEET_INCHES.match(text)
    if match:
        return _number(match.group(1)) * _FEET + _number(match.group(2)) * _INCH, "'"
    match = _QUANTITY.match(text)
    if not match:
        return None
    unit = match.group(2).rstrip(".") if match.group(2) not in ("'", '"') else match.group(2)
    unit = unit or unit_hint
    if unit not in _UNITS:
        return None
    return _number(match.group(1)) * _UNITS[unit], unit


def _part(text: str) -> Optional[float]:
    """Metres of one list item: a quantity or a range ("10-12", "10 - 12 m", "10 to 12 ft") as its mean."""
    text = _APPROXIMATE.sub("", text.strip())
    single = _quantity(text)
    if single is not None:
        return single[0]
    match = _RANGE.match(text)
    if not match:
        return None
    high = _quantity(match.group(2).strip())
    if high is None:
        return None
    low = _quantity(match.group(1).strip(), high[1])  # "10-12 m": the unit of the second holds for the first
    if low is None or low[0] < 0:
        return None
    return (low[0] + high[0]) / 2.0


def parse_width(value: object, min_width: float = MIN_WIDTH_M, max_width: float = MAX_WIDTH_M) -> WidthReading:
    """The width in metres of a width field value or an OSM ``width`` tag.

    Metres by default ("12", "12 m", "12.5m", "7,5"), other units converted ("40 ft", "12'", "12'6\"", "250 cm"),
    ranges and ";" lists give their mean ("10-12", "10;12", "6 m;8 m"), an approximate sign is dropped ("~6").
    Words ("narrow") are UNREADABLE; values outside ``min_width``..``max_width`` ("5000", "0", "-3") are REJECTED.
    """
    if value is None or isinstance(value, bool):
        return WidthReading(None, MISSING)
    if isinstance(value, (int, float)):
        try:
            metres = float(value)
        except OverflowError:  # an integer beyond any float: a typo, never a width
            return WidthReading(math.inf, REJECTED)
        if math.isnan(metres):
            return WidthReading(None, MISSING)
    else:
        text = str(value).translate(_QUOTES).strip().lower()
        if not text:
            return WidthReading(None, MISSING)
        parts = [_part(item) for item in text.split(";")]
        read = [part for part in parts if part is not None]
        if not parts or len(read) < len(parts):  # a part that is no width
            return WidthReading(None, UNREADABLE)
        metres = sum(read) / len(read)
    if not min_width <= metres <= max_width:
        return WidthReading(metres, REJECTED)
    return WidthReading(metres, OK)


def osm_width_value(tags: Mapping[str, object]) -> object:
    """The width text of an OSM way: ``width``, else ``est_width`` (the key mappers use for estimates)."""
    for key in ("width", "est_width"):
        value = tags.get(key)
        if value not in (None, ""):
            return value
    return None


def class_width_table() -> List[Union[str, float]]:
    """CLASS_WIDTHS as the flat [class, width, class, width, ...] list of a Processing matrix parameter."""
    return [value for row in CLASS_WIDTHS for value in row]


def road_class_list(text: Optional[str]) -> Tuple[str, ...]:
    """Road classes from comma-, semicolon- or space-separated text, in lower case."""
    return tuple(part for part in re.split(r"[,;\s]+", str(text or "").strip().lower()) if part)


def policy_from_table(flat_table: Optional[Iterable[Any]], default_width: float = DEFAULT_WIDTH_M) -> WidthPolicy:
    """The WidthPolicy of a Processing matrix [class, width, ...] (CLASS_WIDTHS when empty) and a default width;
    a width that is not a positive number is a clear error naming the class."""
    from .land_share import class_values

    widths = class_values(flat_table) if flat_table else dict(CLASS_WIDTHS)
    for name, width in widths.items():
        if not width > 0:
            raise HabitatError(
                tr("The table gives {0} m for road class {1}: a width must be more than 0.", f"{width:g}", name)
            )
        if not MIN_WIDTH_M <= width <= MAX_WIDTH_M:  # a unit slip (cm, mm, km), never a street
            raise HabitatError(
                tr(
                    "The table gives {0} m for road class {1}: a street is {2} to {3} m wide. Check the unit.",
                    f"{width:g}",
                    name,
                    f"{MIN_WIDTH_M:g}",
                    f"{MAX_WIDTH_M:g}",
                )
            )
    if not (math.isfinite(default_width) and MIN_WIDTH_M <= default_width <= MAX_WIDTH_M):
        raise HabitatError(
            tr(
                "The default street width is {0} m: a street is {1} to {2} m wide. Check the unit.",
                f"{default_width:g}",
                f"{MIN_WIDTH_M:g}",
                f"{MAX_WIDTH_M:g}",
            )
        )
    return WidthPolicy(widths, default_width)


@dataclass(frozen=True)
class StreetWidth:
    width: float
    source: str  # MEASURED, CLASS or DEFAULT
    reading: WidthReading


class WidthPolicy:
    """Measured width -> width of the road class -> default width."""

    def __init__(
        self,
        class_widths: Optional[Mapping[str, float]] = None,
        default_width: float = DEFAULT_WIDTH_M,
        min_width: float = MIN_WIDTH_M,
        max_width: float = MAX_WIDTH_M,
    ) -> None:
        table = dict(CLASS_WIDTHS) if class_widths is None else class_widths
        self.class_widths = {str(name).strip().lower(): float(width) for name, width in table.items()}
        self.default_width = float(default_width)
        self.min_width = min_width
        self.max_width = max_width

    def width(self, measured: object, road_class: object) -> StreetWidth:
        reading = parse_width(measured, self.min_width, self.max_width)
        if reading.status == OK and reading.metres is not None:
            return StreetWidth(reading.metres, MEASURED, reading)
        key = str(road_class).strip().lower() if road_class is not None else ""
        if self.class_widths.get(key, 0) > 0:
            return StreetWidth(self.class_widths[key], CLASS, reading)
        return StreetWidth(self.default_width, DEFAULT, reading)


@dataclass
class WidthTally:
    """Where the widths of a set of streets came from: count and length per source, and the width values that
    were rejected or unreadable (with a few examples for the log)."""

    count: Dict[str, int] = field(default_factory=lambda: dict.fromkeys(SOURCES, 0))
    length_m: Dict[str, float] = field(default_factory=lambda: dict.fromkeys(SOURCES, 0.0))
    rejected: int = 0
    unreadable: int = 0
    examples: Dict[str, List[str]] = field(default_factory=lambda: {REJECTED: [], UNREADABLE: []})

    def add(self, result: StreetWidth, raw: object = None, length_m: float = 0.0, source: Optional[str] = None) -> None:
        """Count one street; ``source`` overrides ``result.source`` (a width carried over from an earlier run)."""
        source = source or result.source
        self.count[source] += 1
        self.length_m[source] += length_m
        status = result.reading.status
        if status in (REJECTED, UNREADABLE):
            if status == REJECTED:
                self.rejected += 1
            else:
                self.unreadable += 1
            text = str(raw).strip()
            if len(self.examples[status]) < 5 and text not in self.examples[status]:
                self.examples[status].append(text)

    @property
    def streets(self) -> int:
        return sum(self.count.values())

    def length_share(self, source: str) -> float:
        total = sum(self.length_m.values())
        return 100.0 * self.length_m[source] / total if total > 0 else 0.0

    def summary(self, default_width: float) -> str:
        """One translated log line with the counts per source."""
        return tr(
            "Street widths: {0} measured, {1} from the road class table, {2} default ({3} m); {4} % of the "
            "street length has a measured width.",
            self.count[MEASURED],
            self.count[CLASS],
            self.count[DEFAULT],
            f"{default_width:g}",
            f"{self.length_share(MEASURED):.0f}",
        )

    def problems(self, min_width: float = MIN_WIDTH_M, max_width: float = MAX_WIDTH_M) -> List[str]:
        """Translated warnings about rejected and unreadable width values (empty when there are none)."""
        lines = []
        if self.rejected:
            lines.append(
                tr(
                    "{0} width values outside {1}–{2} m were rejected and replaced by the class or default "
                    "width, e.g. {3}.",
                    self.rejected,
                    f"{min_width:g}",
                    f"{max_width:g}",
                    ", ".join(self.examples[REJECTED]),
                )
            )
        if self.unreadable:
            lines.append(
                tr(
                    "{0} width values could not be read as a width and were replaced by the class or default "
                    "width, e.g. {1}.",
                    self.unreadable,
                    ", ".join(self.examples[UNREADABLE]),
                )
            )
        return lines


def record_width(
    policy: WidthPolicy,
    tally: WidthTally,
    measured: object,
    road_class: object,
    length_m: float = 0.0,
    source_label: object = None,
) -> float:
    """The width of one street under ``policy`` (measured width, road class, default), counted in ``tally`` with
    its length. A street layer written by the OSM streets tool says in its width_src field (``source_label``)
    where each width came from: a width that tool took from the class table or the default is counted as such,
    not as measured, although the land-share tool reads it from the width field."""
    result = policy.width(measured, road_class)
    carried = source_of_label(source_label) if result.source == MEASURED else None
    tally.add(result, measured, length_m, carried)
    return result.width


def source_of_label(text: object) -> Optional[str]:
    """The source code for a width_src value written by the OSM streets tool (in English, in the current
    language, or as a code), or None."""
    if text is None:
        return None
    value = str(text).strip()
    for code, label in SOURCE_LABELS.items():
        if value in (code, label, tr(label)):
            return code
    return None
