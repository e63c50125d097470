"""City-wide public space inventory: the five SDG 11.7.1 types, what does not count and why, sizes, districts."""

from dataclasses import dataclass

import numpy as np

from ..text import tr_noop

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
    "park": "park", "public park": "park", "nature_reserve": "park", "garden": "park", "公园": "park",
    "civic park": "civic_park", "civic_park": "civic_park", "pocket park": "civic_park", "街心公园": "civic_park",
    "square": "square", "plaza": "square", "piazza": "square", "marketplace": "square", "广场": "square",
    "recreational green area": "recreational_green", "recreational_green": "recreational_green",
    "recreation_ground": "recreational_green", "village_green": "recreational_green", "common": "recreational_green",
    "playground": "recreational_green", "greenway": "recreational_green", "绿地": "recreational_green",
    "public facility open area": "public_facility", "public_facility": "public_facility",
    "sports_centre": "public_facility", "stadium": "public_facility", "pitch": "public_facility",
    "school grounds": "public_facility",
    "private garden": NOT_COUNTED, "golf course": NOT_COUNTED, "golf_course": NOT_COUNTED,
    "cemetery": NOT_COUNTED, "parking": NOT_COUNTED, NOT_COUNTED: NOT_COUNTED,
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

# Size classes in hectares (our default, editable): pocket, small, neighbourhood, district, city-wide.
DEFAULT_SIZE_THRESHOLDS_HA = (0.1, 0.5, 2.0, 10.0)


def classify(value, mapping) -> str:
    """Category code of a type value (case and surrounding spaces ignored); None when the value is unknown."""
    if value is None:
        return None
    return mapping.get(str(value).strip().lower())


def counting(category, access=None, fee=None):
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


def size_class_labels(thresholds_ha):
    """Labels such as "< 0.1 ha", "0.1–0.5 ha", "≥ 10 ha" for the classes the thresholds make."""
    edges = list(thresholds_ha)
    labels = [f"< {edges[0]:g} ha"]
    labels += [f"{low:g}–{high:g} ha" for low, high in zip(edges[:-1], edges[1:])]
    labels.append(f"≥ {edges[-1]:g} ha")
    return labels


def size_classes(area_ha, thresholds_ha) -> np.ndarray:
    """Index of the size class of each area (0 = smallest)."""
    return np.searchsorted(np.asarray(thresholds_ha, dtype=float), np.asarray(area_ha, dtype=float), side="right")


@dataclass
class DistrictSummaryRow:
    district: str
    category: str
    count: int
    area_m2: float
    district_area_m2: float
    population: float

    @property
    def share_pct(self):
        return 100.0 * self.area_m2 / self.district_area_m2 if self.district_area_m2 > 0 else None

    @property
    def m2_per_person(self):
        return self.area_m2 / self.population if self.population and self.population > 0 else None


def district_summary(spaces, categories, counted, districts, district_names, district_population=None,
                     city_name="Whole city", progress=None):
    """Counted public space per district and category (clipped to each district), plus all categories together.

    ``district_population`` gives people per district (None: no m² per person). Without districts the whole
    extent of the spaces is one row set named ``city_name`` with no district area. ``progress(fraction)`` is
    called every few hundred spaces (it may raise to cancel).
    """
    areas = districts if districts else [None]
    names = district_names if districts else [city_name]
    people = district_population if district_population is not None else [None] * len(areas)
    boxes = [shape.bounds if shape is not None else None for shape in spaces]
    rows = []
    for number, (area, name, population) in enumerate(zip(areas, names, people)):
        per_category = {code: [0, 0.0] for code in CATEGORIES}
        area_box = area.bounds if area is not None else None
        for index, (shape, category, is_counted) in enumerate(zip(spaces, categories, counted)):
            if progress is not None and index % 500 == 0:
                progress((number + index / max(len(spaces), 1)) / len(areas))
            if not is_counted:
                continue
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
        rows.append(DistrictSummaryRow(name, "all", sum(v[0] for v in per_category.values()),
                                       sum(v[1] for v in per_category.values()), district_area, population))
    return rows


def _boxes_meet(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
