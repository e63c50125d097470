"""The tables of the plan assessment (by criterion, theme and plan; the scores of each city's latest plan) as plain
columns and rows, and text a spreadsheet opening them keeps as text.

Columns are (name, kind) with kind "text", "int" or "double"; a missing number is NaN or None.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence

from .principles import reflected_count, reflects_enough

Result = Dict[str, Any]  # one plan assessed, as aggregation.assess_plans gives it

CRITERIA_COLUMNS = [
    ("plan", "text"),
    ("city", "text"),
    ("year", "int"),
    ("criterion", "text"),
    ("theme", "text"),
    ("n", "int"),
    ("mean", "double"),
    ("median", "double"),
    ("min", "double"),
    ("max", "double"),
    ("std", "double"),
    ("disagree", "int"),
    ("status", "text"),  # scored, na (not applicable, with a reason) or not_scored (kept with no points)
]
THEME_COLUMNS = [
    ("plan", "text"),
    ("city", "text"),
    ("year", "int"),
    ("theme", "text"),
    ("score_pct", "double"),
    ("brody_pq", "double"),
]
PLAN_COLUMNS = [
    ("plan", "text"),
    ("city", "text"),
    ("year", "int"),
    ("assessors", "int"),
    ("overall_pct", "double"),
    ("pqi", "double"),  # 0 to 10
    ("coverage_pct", "double"),
    ("alpha", "double"),
    ("agreement_pct", "double"),
    ("principles", "int"),  # IG-UTP principles reflected (empty when the framework tags none)
    ("reflects_6", "int"),  # 1 when at least 6 of the 12 are reflected (the results framework's indicator)
]
MAP_COLUMNS = [("plan", "text"), ("plan_year", "int"), ("overall_pct", "double"), ("pqi", "double")]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plan(result: Result) -> List[Any]:
    return [result["plan"], result["city"], result["year"] or None]


def criteria_rows(results: Iterable[Result]) -> List[List[Any]]:
    """One row per plan and criterion (CRITERIA_COLUMNS); ``results`` from aggregation.assess_plans."""
    return [
        _plan(r)
        + [
            row.criterion,
            row.theme,
            row.n,
            row.mean,
            row.median,
            row.minimum,
            row.maximum,
            row.std,
            int(row.disagreement),
            row.status,
        ]
        for r in results
        for row in r["rows"]
    ]


def theme_rows(results: Iterable[Result]) -> List[List[Any]]:
    """One row per plan and theme (THEME_COLUMNS): the share of the potential score and the Brody-form score."""
    return [
        _plan(r) + [theme, score, r["parts"].get(theme, float("nan"))]
        for r in results
        for theme, score in r["themes"].items()
    ]


def plan_rows(results: Iterable[Result]) -> List[List[Any]]:
    """One row per plan (PLAN_COLUMNS)."""
    return [
        _plan(r)
        + [len(r["cards"]), r["overall"], r["pqi"], r["coverage"], r["alpha"], r["agreement"]]
        + (
            [reflected_count(r["principles"]), int(reflects_enough(r["principles"]))]
            if r.get("principles")
            else [None, None]
        )
        for r in results
    ]


def city_key(value: Any) -> str:
    """A city name as matched between scorecards and polygons: case and spaces ignored; no value (None, or a
    NULL of the GIS, whose ``isNull()`` is true) is no name."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return " ".join(str(value).split()).casefold()


def latest_by_city(results: Iterable[Result]) -> Dict[str, Result]:
    """{city key: the result of its latest plan}; a plan without a city is left out. ``results`` are sorted by
    city, then year (as assess_plans gives them): the last one of a city is its latest."""
    latest: Dict[str, Result] = {}
    for result in results:
        latest[city_key(result["city"])] = result
    latest.pop("", None)
    return latest


def theme_field_names(themes: Iterable[str]) -> List[str]:
    """The map's field name of each theme: t_ and its id, at most 60 characters."""
    return [f"t_{theme}"[:60] for theme in themes]


def _number(value: Optional[float]) -> Optional[float]:
    return None if value is None or value != value else float(value)


def map_values(result: Optional[Result], themes: Sequence[str]) -> List[Any]:
    """The values of MAP_COLUMNS and then of each theme for a city whose latest plan is ``result`` (None: no
    plan, every value empty)."""
    if result is None:
        return [None] * (len(MAP_COLUMNS) + len(themes))
    return [result["plan"], result["year"] or None, _number(result["overall"]), _number(result["pqi"])] + [
        _number(result["themes"].get(theme)) for theme in themes
    ]


def spreadsheet_text(value: Any) -> Any:
    """Text a spreadsheet shows as text: a leading = + - @ (a formula to Excel) is kept with an apostrophe."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def _ods_text(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.lower().startswith("of:=") else value


def _as_is(value: Any) -> Any:
    return value


def text_guard(destination: Optional[str]) -> Callable[[Any], Any]:
    """For a table written to ``destination`` (a file path, a layer source): text that a spreadsheet would take for
    a formula (= + - @ at the start of a CSV cell, of:= in an ODS one) gets a leading apostrophe and stays text.
    XLSX and other formats store text as text."""
    destination = (destination or "").split("|")[0].lower()
    if destination.endswith((".csv", ".txt")):
        return spreadsheet_text
    if destination.endswith(".ods"):
        return _ods_text
    return _as_is
