"""City-wide public space inventory: the five SDG 11.7.1 types, what does not count and why, sizes, districts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from ..text import HabitatError, tr, tr_noop

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

# The five open public space types that count for SDG 11.7.1 (methods.md §1.2), with their display names.
CATEGORIES = {
    "park": tr_noop("Park"),
    "civic_park": tr_noop("Civic park"),
    "square": tr_noop("Square"),
    "recreational_green": tr_noop("Recreational green area"),
    "public_facility": tr_noop("Public facility open area"),
}
NOT_COUNTED = "not_counted"

# Values of a planner's type field (lower case) and the category each maps to; users extend or replace this.
DEFAULT_TYPE_MAPPING = {
    "park": "park",
    "public park": "park",
    "nature_reserve": "park",
    "garden": "park",
    "公园": "park",
    "civic park": "civic_park",
    "civic_park": "civic_park",
    "pocket park": "civic_park",
    "街心公园": "civic_park",
    "square": "square",
    "plaza": "square",
    "piazza": "square",
    "marketplace": "square",
    "广场": "square",
    "recreational green area": "recreational_green",
    "recreational_green": "recreational_green",
    "recreation_ground": "recreational_green",
    "village_green": "recreational_green",
    "common": "recreational_green",
    "playground": "recreational_green",
    "greenway": "recreational_green",
    "绿地": "recreational_green",
    "public facility open area": "public_facility",
    "public_facility": "public_facility",
    "sports_centre": "public_facility",
    "stadium": "public_facility",
    "pitch": "public_facility",
    "school grounds": "public_facility",
    "private garden": NOT_COUNTED,
    "golf course": NOT_COUNTED,
    "golf_course": NOT_COUNTED,
    "cemetery": NOT_COUNTED,
    "parking": NOT_COUNTED,
    NOT_COUNTED: NOT_COUNTED,
}

# Why a space does not count; stored as codes, shown translated.
REASONS = {
    "type": tr_noop("type is not one of the five counted types"),
    "unknown_type": tr_noop("type value not in the mapping"),
    "access": tr_noop("access is restricted (private or no)"),
    "fee": tr_noop("entry is not free"),
}
RESTRICTED_ACCESS = {"private", "no", "customers", "permit", "members", "私人", "否"}
FEE_VALUES = {"yes", "true", "1", "y", "是", "收费"}

NO_GEOMETRY = "geometry"  # the reason code of a space without a usable polygon (it is kept, flagged)
NO_GEOMETRY_TEXT = tr_noop("no usable polygon geometry")

# Size classes in hectares (our default, editable): pocket, small, neighbourhood, district, city-wide.
DEFAULT_SIZE_THRESHOLDS_HA = (0.1, 0.5, 2.0, 10.0)


def classify(value: object, mapping: Mapping[str, str]) -> Optional[str]:
    """Category code of a type value (case and surrounding spaces ignored); None when the value is unknown."""
    if value is None:
        return None
    return mapping.get(str(value).strip().lower())


def counting(category: Optional[str], access: object = None, fee: object = None) -> Tuple[bool, Optional[str]]:
    """(counted, reason code or None) for one space."""
    if category is None:
        return False, "unknown_type"
    if category not in CATEGORIES:
        return False, "type"
    if access is not None and str(access).strip().lower() in RESTRICTED_ACCESS:
        return False, "access"
    if fee is not None and str(fee).strip().lower() in FEE_VALUES:
        return False, "fee"
    return True, None


def type_mapping(table: Optional[Sequence[Any]]) -> Dict[str, str]:
    """The type mapping {type value (lower case): category} of a flat [value, category, …] table (a Processing
    matrix), DEFAULT_TYPE_MAPPING when empty. A row without a category or a value, an unknown category, or a value
    given two categories is a clear error naming it."""
    if table and len(table) % 2:
        raise HabitatError(
            tr('The type mapping ends with "{0}" without a category: every type value needs its category.', table[-1])
        )
    if not table:
        return dict(DEFAULT_TYPE_MAPPING)
    mapping: Dict[str, str] = {}
    for value, category in zip(table[0::2], table[1::2]):
        category = str(category).strip().lower()
        if category not in CATEGORIES and category != NOT_COUNTED:
            raise HabitatError(
                tr(
                    'The type mapping gives "{0}" for "{1}"; use one of: {2}.',
                    category,
                    value,
                    ", ".join(list(CATEGORIES) + [NOT_COUNTED]),
                )
            )
        key = str(value).strip().lower() if value is not None else ""
        if not key:
            raise HabitatError(tr('The type mapping gives the category "{0}" without a type value.', category))
        if mapping.get(key, category) != category:
            raise HabitatError(
                tr(
                    'The type mapping gives "{0}" twice, as {1} and as {2}: keep one row.',
                    value,
                    mapping[key],
                    category,
                )
            )
        mapping[key] = category
    return mapping


@dataclass
class Classified:
    categories: List[str]  # category code of each space (NOT_COUNTED for any other type or an unknown one)
    counted: List[bool]  # bool per space
    reasons: List[Optional[str]]  # reason code (REASONS, or NO_GEOMETRY) of each space not counted, else None
    untyped: int  # spaces without a type value
    unknown: Dict[str, int]  # type values not in the mapping: {value: number of spaces}


def classify_spaces(
    types: Sequence[Any],
    mapping: Dict[str, str],
    accesses: Optional[Sequence[Any]] = None,
    fees: Optional[Sequence[Any]] = None,
    usable: Optional[Sequence[bool]] = None,
) -> Classified:
    """Category, whether it counts and why not, for every space from its type value (None or blank: untyped),
    access and fee values (None: not given) and whether it has a usable polygon (a space without one never
    counts)."""
    n = len(types)
    accesses = accesses if accesses is not None else [None] * n
    fees = fees if fees is not None else [None] * n
    usable = usable if usable is not None else [True] * n
    result = Classified([], [], [], 0, {})
    for value, access, fee, has_shape in zip(types, accesses, fees, usable):
        if value is not None and not str(value).strip():
            value = None
        category = classify(value, mapping)
        if value is None:
            result.untyped += 1
        elif category is None:
            result.unknown[str(value)] = result.unknown.get(str(value), 0) + 1
        is_counted, reason = counting(category, access, fee)
        if not has_shape:
            is_counted, reason = False, NO_GEOMETRY
        result.categories.append(category if category in CATEGORIES else NOT_COUNTED)
        result.counted.append(is_counted)
        result.reasons.append(reason)
    return result


def reason_text(code: Optional[str]) -> Optional[str]:
    """Why a space does not count, translated (None for a counted space)."""
    if code is None:
        return None
    return tr(NO_GEOMETRY_TEXT) if code == NO_GEOMETRY else tr(REASONS[code])


def main_districts(
    shapes: Sequence[Optional[BaseGeometry]],
    districts: Sequence[BaseGeometry],
    progress: Optional[Callable[[float], None]] = None,
) -> List[int]:
    """Index of the district each space lies in most (largest overlap; the first of equals), -1 for a space
    outside every district or without a shape. ``progress(fraction)`` is called every few hundred spaces (it may
    raise to cancel)."""
    boxes = [district.bounds for district in districts]
    found: List[int] = []
    for number, shape in enumerate(shapes):
        if progress is not None and number % 200 == 0:
            progress(number / len(shapes))
        if shape is None or not districts:
            found.append(-1)
            continue
        x0, y0, x1, y1 = shape.bounds
        overlaps = [
            shape.intersection(d).area if b[0] <= x1 and x0 <= b[2] and b[1] <= y1 and y0 <= b[3] else 0.0
            for d, b in zip(districts, boxes)
        ]
        best = max(range(len(overlaps)), key=overlaps.__getitem__)
        found.append(best if overlaps[best] > 0 else -1)
    return found


def district_population(
    points: Union[NDArray[np.float64], Sequence[Sequence[float]]], weights: ArrayLike, districts: Sequence[BaseGeometry]
) -> List[float]:
    """People (the first column of ``weights``, one row per point) whose point lies in each district (the first
    one where districts overlap)."""
    from ..geometry import polygon_of_points

    weights = np.asarray(weights, dtype=float)
    owner = polygon_of_points(points, districts) if len(points) else np.zeros(0, dtype=int)
    return [float(weights[owner == index, 0].sum()) for index in range(len(districts))]


def size_class_labels(thresholds_ha: Iterable[float]) -> List[str]:
    """Labels such as "< 0.1 ha", "0.1–0.5 ha", "≥ 10 ha" for the classes the thresholds make."""
    edges = list(thresholds_ha)
    labels = [f"< {edges[0]:g} ha"]
    labels += [f"{low:g}–{high:g} ha" for low, high in zip(edges[:-1], edges[1:])]
    labels.append(f"≥ {edges[-1]:g} ha")
    return labels


def size_classes(area_ha: ArrayLike, thresholds_ha: ArrayLike) -> NDArray[np.intp]:
    """Index of the size class of each area (0 = smallest)."""
    return np.searchsorted(np.asarray(thresholds_ha, dtype=float), np.asarray(area_ha, dtype=float), side="right")


@dataclass
class DistrictSummaryRow:
    district: str
    category: str
    count: int
    area_m2: float
    district_area_m2: float
    population: Optional[float]  # None: not known

    @property
    def share_pct(self) -> Optional[float]:
        return 100.0 * self.area_m2 / self.district_area_m2 if self.district_area_m2 > 0 else None

    @property
    def m2_per_person(self) -> Optional[float]:
        return self.area_m2 / self.population if self.population and self.population > 0 else None


def district_summary(
    spaces: Sequence[Optional[BaseGeometry]],
    categories: Sequence[str],
    counted: Sequence[bool],
    districts: Optional[Sequence[BaseGeometry]],
    district_names: Sequence[str],
    district_population: Optional[Sequence[Optional[float]]] = None,
    city_name: str = "Whole city",
    progress: Optional[Callable[[float], None]] = None,
) -> List[DistrictSummaryRow]:
    """Counted public space per district and category (clipped to each district), plus all categories together.

    ``district_population`` gives people per district (None: no m² per person). Without districts the whole
    extent of the spaces is one row set named ``city_name`` with no district area. ``progress(fraction)`` is
    called every few hundred spaces (it may raise to cancel).
    """
    areas: Sequence[Optional[BaseGeometry]] = districts if districts else [None]
    names = district_names if districts else [city_name]
    people = district_population if district_population is not None else [None] * len(areas)
    boxes: List[Any] = [shape.bounds if shape is not None else None for shape in spaces]  # (x0, y0, x1, y1) or None
    rows: List[DistrictSummaryRow] = []
    for number, (area, name, population) in enumerate(zip(areas, names, people)):
        per_category: Dict[str, List[Any]] = {code: [0, 0.0] for code in CATEGORIES}  # [spaces, m²]
        area_box: Any = area.bounds if area is not None else None
        for index, (shape, category, is_counted) in enumerate(zip(spaces, categories, counted)):
            if progress is not None and index % 500 == 0:
                progress((number + index / max(len(spaces), 1)) / len(areas))
            if not is_counted:
                continue
            assert shape is not None  # a counted space has a polygon (classify_spaces)
            if area is not None and not _boxes_meet(boxes[index], area_box):
                continue
            part = shape.intersection(area).area if area is not None else shape.area
            if part <= 0:
                continue
            per_category[category][0] += 1
            per_category[category][1] += part
        district_area = area.area if area is not None else 0.0
        for code, (count, covered) in per_category.items():
            rows.append(DistrictSummaryRow(name, code, count, covered, district_area, population))
        rows.append(
            DistrictSummaryRow(
                name,
                "all",
                sum(v[0] for v in per_category.values()),
                sum(v[1] for v in per_category.values()),
                district_area,
                population,
            )
        )
    return rows


def _boxes_meet(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
