"""The district scorecard of a public space strategy: the indicators of every district beside the city and the
benchmarks, and their change since an earlier scorecard.

The scorecard only assembles what the public space tools measure (issue 13): the land share of SDG 11.7.1 (a)
(core.public_space.land_share), walking access of SDG 11.7.1 (b) (core.public_space.access), the quality survey
(q_<dimension> and quality_index of the quality tool), the upgrade ranking (rank) and the unserved clusters
(pop_<group>). Spaces, upgrade candidates and clusters belong to the district that holds their representative
point; the city row counts all of them. Indicator names are stable field names, so that next year's run can be
compared with this one (``track``): districts are matched by name, the city row by its level.

Benchmarks (UN-Habitat, SDG 11.7.1): 15 % of the urban area in open public space, 30 % in streets, 45 % together,
and everyone within walking distance (400 m) of an open public space (target 11.7: universal access).
"""

from __future__ import annotations

import base64
import html
import math
import re
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Collection,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
    cast,
)

import numpy as np

from ..report.html import Report, ReportSettings
from ..text import HabitatError, tr, tr_noop
from . import groups as population_groups
from .land_share import BENCHMARK_OPS, BENCHMARK_STREETS, BENCHMARK_TOTAL
from .report_values import empty, number

if TYPE_CHECKING:
    from numpy.typing import ArrayLike
    from shapely.geometry.base import BaseGeometry

    from ..report.charts import Picture
    from .land_share import AreaShares

CITY = "city"  # the level of the whole-city row (language-independent: its name is translated)
DISTRICT = "district"
SERVED_PREFIX = "served_pct_"
CHANGE_PREFIX = "chg_"
SERVED_TARGET = 100.0  # SDG target 11.7: universal access, everyone within walking distance
PAGE_BREAK = "page-break-before: always"
ROUNDING = 1e-12  # relative: a difference this small is the text of a table read back, not a change


@dataclass(frozen=True)
class Indicator:
    field: str
    label: str  # English, marked with tr_noop: shown with tr() in the user's language
    label_zh: str  # Simplified Chinese, shown beside it whatever the user's language
    unit: str = ""
    decimals: int = 1
    benchmark: Optional[float] = None
    higher_is_better: Optional[bool] = True  # None: neither way is better


INDICATORS = (
    Indicator("area_km2", tr_noop("Urban area"), "城市用地面积", "km²", 2, higher_is_better=None),
    Indicator("population", tr_noop("Population"), "人口", "", 0, higher_is_better=None),
    Indicator(
        "ops_share_pct",
        tr_noop("Open public space, % of urban area"),
        "开放公共空间占城市用地比例",
        "%",
        1,
        BENCHMARK_OPS,
    ),
    Indicator("street_share_pct", tr_noop("Streets, % of urban area"), "街道占城市用地比例", "%", 1, BENCHMARK_STREETS),
    Indicator(
        "total_share_pct",
        tr_noop("Streets and open public space, % of urban area"),
        "街道和开放公共空间占城市用地比例",
        "%",
        1,
        BENCHMARK_TOTAL,
    ),
    Indicator("ops_m2_per_person", tr_noop("Open public space per person"), "人均开放公共空间", "m²", 1),
    Indicator(
        "served_pct",
        tr_noop("People within walking distance of open public space"),
        "步行距离内可达开放公共空间的人口比例",
        "%",
        1,
        SERVED_TARGET,
    ),
    Indicator("quality_mean", tr_noop("Mean quality index (0–100)"), "平均质量指数（0–100）", "", 1),
    Indicator("to_upgrade", tr_noop("Public spaces to upgrade"), "需升级的公共空间", "", 0, higher_is_better=None),
    Indicator("unserved_clusters", tr_noop("Unserved clusters"), "未覆盖的人口集聚区", "", 0, higher_is_better=False),
    Indicator(
        "unserved_in_clusters",
        tr_noop("People in unserved clusters"),
        "未覆盖集聚区内的人口",
        "",
        0,
        higher_is_better=False,
    ),
)
BY_FIELD = {indicator.field: indicator for indicator in INDICATORS}
WEAKEST = (tr_noop("Weakest quality dimension"), "最薄弱的质量维度")


def bilingual(label: str, label_zh: str, language: Optional[str]) -> Tuple[str, str]:
    """(text in the user's language, text in the other one) of a label: Chinese readers get Chinese first and
    English beside it, everyone else the label in their language (tr) and Chinese beside it."""
    if str(language or "").lower().startswith("zh"):
        return label_zh, label
    return tr(label), label_zh


# The Chinese names of the population groups core.public_space.groups recognises (as the translation has them).
GROUP_ZH = {
    population_groups.TOTAL: "全体居民",
    population_groups.WOMEN: "妇女",
    population_groups.MEN: "男性",
    population_groups.CHILDREN: "儿童",
    population_groups.YOUTH: "青年",
    population_groups.OLDER: "老年人",
    population_groups.DISABILITY: "残疾人",
}


def group_names(name: object) -> Tuple[str, str]:
    """(English, Chinese) label of a population group named ``name`` as groups.group_label reads it
    (``children_0_14`` -> Children (aged 0–14), 儿童（0–14 岁）); a name it does not recognise stays as it is."""
    text = str(name)
    key = re.sub(r"[\s\-]+", "_", text.strip().lower())
    plus = re.search(r"_?(\d+)_?(plus|\+|and_over|_over)$", key)
    span = re.search(r"_?(\d+)_(\d+)$", key)
    stem = key[: plus.start()] if plus else key[: span.start()] if span else key
    stem = re.sub(r"_(aged?|years?)$", "", stem)
    kind = next((kind for pattern, kind in population_groups._KINDS if pattern.match(stem)), None)
    if kind is None:
        return text, text
    if plus:
        return f"{kind} (aged {plus.group(1)}+)", f"{GROUP_ZH[kind]}（{plus.group(1)} 岁及以上）"
    if span:
        return (
            f"{kind} (aged {span.group(1)}–{span.group(2)})",
            f"{GROUP_ZH[kind]}（{span.group(1)}–{span.group(2)} 岁）",
        )
    return kind, GROUP_ZH[kind]


def served_field(group: str, taken: Collection[str] = ()) -> str:
    """The field of a population group's share within walking distance: served_pct_<group> in lower-case letters,
    digits and underscores (served_pct_children_0_14); a number is added when two groups give the same name."""
    slug = re.sub(r"[^0-9a-z]+", "_", str(group).strip().lower()).strip("_") or "group"
    name, suffix = SERVED_PREFIX + slug, 2
    while name in taken:
        name, suffix = f"{SERVED_PREFIX}{slug}_{suffix}", suffix + 1
    return name


def group_fields(groups: Iterable[str]) -> List[str]:
    """served_pct_<group> of every group after the first (the first, the total, is served_pct)."""
    names: List[str] = []
    for group in list(groups)[1:]:
        names.append(served_field(group, names))
    return names


def fields(groups: Iterable[str], tracking: bool = False) -> List[Tuple[str, str]]:
    """[(name, kind)] of the scorecard, kind "str", "int" or "real", in table order."""
    columns = [
        ("district", "str"),
        ("level", "str"),
        ("year", "int"),
        ("area_km2", "real"),
        ("population", "real"),
        ("ops_share_pct", "real"),
        ("street_share_pct", "real"),
        ("total_share_pct", "real"),
        ("ops_m2_per_person", "real"),
        ("served_pct", "real"),
    ]
    columns += [(name, "real") for name in group_fields(groups)]
    columns += [
        ("quality_mean", "real"),
        ("weakest_dim", "str"),
        ("weakest_score", "real"),
        ("to_upgrade", "int"),
        ("unserved_clusters", "int"),
        ("unserved_in_clusters", "real"),
    ]
    if tracking:
        columns.append(("prev_year", "int"))
        columns += [(CHANGE_PREFIX + name, "real") for name in numeric_fields(groups)]
    return columns


def numeric_fields(groups: Iterable[str]) -> List[str]:
    """The indicators whose change is tracked (every number but the year)."""
    return (
        [
            "area_km2",
            "population",
            "ops_share_pct",
            "street_share_pct",
            "total_share_pct",
            "ops_m2_per_person",
            "served_pct",
        ]
        + group_fields(groups)
        + ["quality_mean", "to_upgrade", "unserved_clusters", "unserved_in_clusters"]
    )


# --- the parts measured by the other tools, by district (index n is the whole city) ---


def quality_summary(
    district_of_space: ArrayLike, quality_index: ArrayLike, dimensions: Mapping[str, ArrayLike], n: int
) -> List[Tuple[Optional[float], Optional[str], Optional[float]]]:
    """[(mean quality index, weakest dimension, its mean score)] of each district and then the city (n + 1 items).

    ``quality_index`` (one value or NaN per space) and ``dimensions`` ({id: values per space}) come from the
    quality tool's layer; spaces without an index are not surveyed (or incompletely) and left out of the mean.
    The weakest dimension is the one with the lowest mean score over the district's spaces that have a score for
    it (ties: the first in the survey's order). The city row takes every space."""
    index = np.asarray(quality_index, dtype=float)
    owner = np.asarray(district_of_space, dtype=np.int64)
    scores = {name: np.asarray(values, dtype=float) for name, values in dimensions.items()}
    summary: List[Tuple[Optional[float], Optional[str], Optional[float]]] = []
    for district in range(n + 1):
        mine = owner == district if district < n else np.ones(len(index), dtype=bool)
        surveyed = mine & np.isfinite(index)
        mean = float(index[surveyed].mean()) if surveyed.any() else None
        weakest: Optional[str] = None
        weakest_score: Optional[float] = None
        for name, values in scores.items():
            valid = mine & np.isfinite(values)
            if valid.any():
                score = float(values[valid].mean())
                if weakest_score is None or score < weakest_score:
                    weakest, weakest_score = name, score
        summary.append((mean, weakest, weakest_score))
    return summary


def upgrade_counts(district_of_space: ArrayLike, ranks: ArrayLike, top: int, n: int) -> List[int]:
    """Spaces ranked 1..``top`` in the upgrade priority list, per district and then for the city."""
    rank = np.asarray(ranks, dtype=float)
    owner = np.asarray(district_of_space, dtype=np.int64)
    chosen = np.isfinite(rank) & (rank <= top)
    return [int((chosen & (owner == district)).sum()) for district in range(n)] + [int(chosen.sum())]


def cluster_summary(district_of_cluster: ArrayLike, people: ArrayLike, n: int) -> List[Tuple[int, float]]:
    """[(number of unserved clusters, people in them)] per district and then for the city."""
    owner = np.asarray(district_of_cluster, dtype=np.int64)
    people = np.nan_to_num(np.asarray(people, dtype=float))
    return [(int((owner == district).sum()), float(people[owner == district].sum())) for district in range(n)] + [
        (len(owner), float(people.sum()))
    ]


def located(
    shapes: Sequence[Optional[BaseGeometry]],
    named: Optional[Sequence[Optional[str]]] = None,
    district_shapes: Sequence[BaseGeometry] = (),
    names: Sequence[str] = (),
) -> Tuple[np.ndarray, np.ndarray]:
    """(district index of each feature, -1 outside all; whether it was placed) for the spaces, upgrade candidates
    or clusters of the scorecard: the district holding the representative point of the feature's shape (shapely,
    an invalid polygon repaired first), else, for a feature without a usable shape (a table row), the district
    its ``named`` value names (-1 for a name not among ``names``). A feature with neither is not placed."""
    from ..geometry import polygon_of_points

    named = list(named) if named is not None else [None] * len(shapes)
    position = {str(name): index for index, name in enumerate(names)}
    owner = np.full(len(shapes), -1, dtype=np.int64)
    placed = np.zeros(len(shapes), dtype=bool)
    points: List[Tuple[float, float]] = []
    pointed: List[int] = []
    for index, (shape, name) in enumerate(zip(shapes, named)):
        if shape is not None and shape.geom_type in ("Polygon", "MultiPolygon") and not shape.is_valid:
            shape = shape.buffer(0)
        point = shape.representative_point() if shape is not None and not shape.is_empty else None
        if point is not None and not point.is_empty:
            points.append((point.x, point.y))
            pointed.append(index)
            placed[index] = True
        elif not empty(name):
            owner[index] = position.get(str(name), -1)
            placed[index] = True
    if points and len(district_shapes):
        owner[pointed] = polygon_of_points(np.array(points, dtype=float), list(district_shapes))
    return owner, placed


def access_by_area(
    rows: Iterable[Mapping[str, Any]], names: Iterable[Optional[str]], groups: Sequence[str], method: str
) -> List[Tuple[float, Dict[str, Optional[float]]]]:
    """From the summary rows of public_space_access: (population of the first group, {group: share %}) of each
    district and then of everyone analysed (the city), for ``method``."""
    found = {(row["district"], row["group"]): row for row in rows if row["method"] == method and row["city"] is None}
    result: List[Tuple[float, Dict[str, Optional[float]]]] = []
    for name in list(names) + [None]:
        total = found.get((name, groups[0]))
        result.append(
            (
                total["population"] if total else 0.0,
                {group: found[(name, group)]["share_pct"] if (name, group) in found else None for group in groups},
            )
        )
    return result


def scorecard_rows(
    names: Sequence[str],
    city_name: str,
    year: Optional[int],
    shares: Sequence[AreaShares],
    access: Sequence[Tuple[float, Mapping[str, Optional[float]]]],
    groups: Sequence[str],
    quality: Optional[Sequence[Tuple[Optional[float], Optional[str], Optional[float]]]] = None,
    upgrade: Optional[Sequence[int]] = None,
    clusters: Optional[Sequence[Tuple[int, float]]] = None,
) -> List[Dict[str, Any]]:
    """The rows of the scorecard, districts in order then the city: dicts keyed by the field names.

    ``shares``: AreaShares of each district's urban part then of the whole urban extent; ``access``: from
    access_by_area; ``quality``, ``upgrade``, ``clusters``: from quality_summary, upgrade_counts, cluster_summary
    (None when not given: those fields stay empty)."""
    extra = group_fields(groups)
    rows: List[Dict[str, Any]] = []
    for position, name in enumerate(list(names) + [city_name]):
        share, (population, served) = shares[position], access[position]
        row: Dict[str, Any] = {
            "district": name,
            "level": CITY if position == len(names) else DISTRICT,
            "year": year,
            "area_km2": share.area_m2 / 1e6,
            "population": population,
            "ops_share_pct": _finite(share.ops_pct),
            "street_share_pct": _finite(share.street_pct),
            "total_share_pct": _finite(share.total_pct),
            "ops_m2_per_person": share.ops_m2 / population if population > 0 else None,
            "served_pct": served.get(groups[0]),
        }
        for field, group in zip(extra, groups[1:]):
            row[field] = served.get(group)
        mean, weakest, weakest_score = quality[position] if quality is not None else (None, None, None)
        row.update(
            {
                "quality_mean": mean,
                "weakest_dim": weakest,
                "weakest_score": weakest_score,
                "to_upgrade": upgrade[position] if upgrade is not None else None,
            }
        )
        count, people = clusters[position] if clusters is not None else (None, None)
        row.update({"unserved_clusters": count, "unserved_in_clusters": people})
        rows.append(row)
    return rows


# --- tracking ---


@dataclass
class Tracking:
    previous_year: Optional[int]  # None when the earlier table has no year
    new_districts: List[str]  # districts of this run the earlier scorecard does not have (their change stays empty)
    dropped_districts: List[Optional[str]]  # districts of the earlier scorecard this run does not have


def previous_year_of(previous_rows: Iterable[Mapping[str, Any]]) -> Optional[int]:
    """The year of an earlier scorecard's rows (None when none is given); several years are an error."""
    years = sorted({int(found) for found in (number(row.get("year")) for row in previous_rows) if found is not None})
    if len(years) > 1:
        raise HabitatError(
            tr(
                "The previous scorecard holds the years {0}: give the table of one run.",
                ", ".join(str(year) for year in years),
            )
        )
    return years[0] if years else None


def track(
    rows: List[Dict[str, Any]],
    previous_rows: Sequence[Mapping[str, Any]],
    groups: Sequence[str],
    year: Optional[int],
    previous_name: str,
) -> Tracking:
    """Add prev_year and chg_<indicator> (this run minus the earlier one) to ``rows`` (in place).

    ``previous_rows`` are the rows of an earlier run's table (dicts; values may be text, as a CSV gives them).
    Districts are matched by name, the whole city by its level. No district in common is an error naming both
    lists (nothing is written); districts on one side only keep an empty change and are listed in the result."""
    if not previous_rows or "district" not in previous_rows[0]:
        raise HabitatError(
            tr(
                'The previous scorecard "{0}" has no field district: give the table of an earlier '
                "run of the public space scorecard.",
                previous_name,
            )
        )
    previous_year = previous_year_of(previous_rows)
    if previous_year is not None and year is not None and previous_year > year:
        raise HabitatError(
            tr(
                'The previous scorecard "{0}" is of {1}, later than this run ({2}): swap them, or '
                "set the year of this run.",
                previous_name,
                previous_year,
                year,
            )
        )
    earlier: Dict[Union[str, Tuple[str, Optional[str]]], Mapping[str, Any]] = {}
    for row in previous_rows:
        level = _text(row.get("level"))
        key = CITY if level == CITY else (DISTRICT, _text(row.get("district")))
        earlier[key] = row
    names = [row["district"] for row in rows if row["level"] == DISTRICT]
    before = [key[1] for key in earlier if key != CITY]
    common = [name for name in names if (DISTRICT, name) in earlier]
    if not common:
        raise HabitatError(
            tr(
                'No district of this run is in the previous scorecard "{0}": it has {1}; this run '
                "has {2}. Use the same districts and the same name field in both runs.",
                previous_name,
                _listed(before),
                _listed(names),
            )
        )
    tracked = numeric_fields(groups)
    for row in rows:
        old = earlier.get(CITY if row["level"] == CITY else (DISTRICT, row["district"]))
        row["prev_year"] = previous_year if old is not None else None
        for field in tracked:
            now = row.get(field)
            then = number(old.get(field)) if old is not None else None
            change = now - then if now is not None and then is not None else None
            if (
                change is not None
                and now is not None
                and then is not None
                and abs(change) <= ROUNDING * max(abs(now), abs(then))
            ):
                change = 0.0  # a value read back from a CSV of 15 digits: no change
            row[CHANGE_PREFIX + field] = change
    return Tracking(
        previous_year,
        [name for name in names if (DISTRICT, name) not in earlier],
        [name for name in before if name not in names],
    )


# --- the report: one page per district, every label in two languages ---

DISTRICT_STYLE: Dict[str, Any] = {"fill": "#fb8c00", "edge": "#e65100", "width": 1.0, "zorder": 3}
OTHER_STYLE: Dict[str, Any] = {"fill": "#eceff1", "edge": "#90a4ae", "width": 0.5, "zorder": 2}
LOCATOR_SIZE = (2.4, 1.6)  # inches: a small map, so that the district's page holds it and its table
UP, DOWN, SAME = "▲", "▼", "●"


def locator_map(
    shapes: Sequence[Optional[BaseGeometry]],
    position: int,
    district_label: str,
    other_label: str,
) -> Picture:
    """A small map of all districts with the district at ``position`` highlighted, with a scale bar: (png,
    warning) carrying its legend, which the page lists under it (drawn inside, it would take half the map)."""
    from ..report import charts

    plt = charts._pyplot()
    legend = [(district_label, DISTRICT_STYLE), (other_label, OTHER_STYLE)]
    families, warning = charts.font_family(district_label, other_label)
    with plt.rc_context(charts._rc(families)):
        figure, axes = plt.subplots(figsize=LOCATOR_SIZE)
        others = [shape for index, shape in enumerate(shapes) if index != position]
        charts._draw_layer(axes, others, OTHER_STYLE)
        charts._draw_layer(axes, [shapes[position]], DISTRICT_STYLE)
        charts._frame(axes, charts._bounds(shapes), "", [], None)
        return charts._png(figure, warning, [(label, charts._swatch(style)) for label, style in legend])


def scorecard_report(
    rows: Sequence[Dict[str, Any]],
    shapes: Iterable[Optional[BaseGeometry]],
    groups: Sequence[str],
    settings: Union[ReportSettings, str],
    max_distance: float,
    top: int,
    tracking: Optional[Tracking] = None,
    dimension_labels: Optional[Mapping[str, Mapping[str, str]]] = None,
    inputs_given: Optional[Mapping[str, bool]] = None,
) -> Tuple[Report, List[str]]:
    """The report (core.report.html.Report) and the font warnings of its maps: a summary page, then one page per
    district (its own page when printed) with a locator map and its indicators beside the city's, the benchmark
    and the change since the earlier scorecard. ``settings``: the ReportSettings (its ``warn`` also gets each
    warning), or just the language. ``report.save(path)`` writes it with the settings' footer."""
    from ..report import charts

    settings = settings if isinstance(settings, ReportSettings) else ReportSettings(language=settings)
    language = settings.language

    def two(label: str, label_zh: str, *args: object) -> Tuple[str, ...]:
        return tuple(text.format(*args) if args else text for text in bilingual(label, label_zh, language))

    title = two(tr_noop("Public space scorecard by district"), "分区公共空间评分表")
    year = rows[0]["year"]
    report = Report(f"{title[0]} · {title[1]} {year if year is not None else ''}".strip(), settings)
    warnings: List[Optional[str]] = []
    city = rows[-1]
    districts = rows[:-1]
    given = inputs_given or {}
    dimension_labels = dimension_labels or {}
    extra = list(zip(group_fields(groups), groups[1:]))

    def label_cell(pair: Sequence[str]) -> str:
        return f'{html.escape(pair[0])}<br><span class="note">{html.escape(pair[1])}</span>'

    def heading(pair: Sequence[str]) -> None:
        report.parts.append(f'<h2>{html.escape(pair[0])} <span class="note">{html.escape(pair[1])}</span></h2>')

    def note(pair: Sequence[str]) -> None:
        report.parts.append(f'<p class="note">{html.escape(pair[0])}<br>{html.escape(pair[1])}</p>')

    note(
        two(
            tr_noop(
                "Each district's indicators beside the whole city and the benchmarks: open public space and "
                "streets as shares of the district's urban area (SDG 11.7.1 (a)), the people within walking "
                "distance of an open public space (SDG 11.7.1 (b)), the quality survey, the spaces chosen for "
                "upgrading and the unserved clusters. One page per district follows."
            ),
            "各区指标与全市及基准对照：开放公共空间和街道占该区城市用地的比例（可持续发展目标 11.7.1 (a)）、"
            "步行距离内可达"
            "开放公共空间的人口比例（可持续发展目标 11.7.1 (b)）、质量调查、需升级的公共空间和未覆盖的人口集聚区。"
            "其后每区一页。",
        )
    )
    note(
        two(
            tr_noop(
                "Benchmarks (UN-Habitat): 15 % open public space, 30 % streets, 45 % together; SDG target 11.7: "
                "everyone within walking distance of an open public space."
            ),
            "基准（联合国人居署）：开放公共空间 15%，街道 30%，合计 45%；"
            "可持续发展目标 11.7：人人在步行距离内可达开放公共空间。",
        )
    )
    note(
        two(
            tr_noop(
                "Walking distance: {0} m along the street network. Public spaces to upgrade: the first {1} of "
                "the upgrade priority list."
            ),
            "步行距离：沿街道网络 {0} 米。需升级的公共空间：升级优先级列表的前 {1} 处。",
            f"{max_distance:g}",
            top,
        )
    )

    summary = (
        ["ops_share_pct", "street_share_pct", "ops_m2_per_person", "served_pct"]
        + (["quality_mean"] if given.get("quality") else [])
        + (["to_upgrade"] if given.get("upgrade") else [])
        + (["unserved_clusters"] if given.get("clusters") else [])
    )
    heading(two(tr_noop("Summary"), "概要"))
    head = [label_cell(two(tr_noop("District"), "区"))] + [
        label_cell(two(BY_FIELD[field].label, BY_FIELD[field].label_zh)) for field in summary
    ]
    body = []
    for row in rows:
        cells = [html.escape(str(row["district"]))] + [_cell(row, BY_FIELD[field]) for field in summary]
        body.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    _table(report, head, body)
    if len(districts) > 1:
        made = charts.bar_chart(
            [row["district"] for row in districts],
            [(" / ".join(two(tr_noop("District"), "区")), [row["served_pct"] for row in districts])],
            " / ".join(two(BY_FIELD["served_pct"].label, BY_FIELD["served_pct"].label_zh)),
            "%",
            city["served_pct"],
            " / ".join(two(tr_noop("Whole city"), "全市")),
        )
        warnings.append(made[1])
        report.image(made[0], title[0])

    shapes = list(shapes)
    for position, row in enumerate(districts):
        lines = _district_lines(row, extra, given, two, language)
        compared = [
            indicator
            for indicator, _ in lines
            if indicator.benchmark is not None and row.get(indicator.field) is not None
        ]
        met = sum(1 for indicator in compared if row[indicator.field] >= cast(float, indicator.benchmark) - 1e-9)
        report.parts.append(f'<div class="district-page" style="{PAGE_BREAK}">')
        report.parts.append(f"<h2>{html.escape(str(row['district']))}</h2>")
        # The locator map beside its legend and the verdict: the page then holds the whole table.
        side = [_facts(row, city, tracking, given, two, dimension_labels, language)]
        image = ""
        if position < len(shapes) and shapes[position] is not None:
            pair = two(tr_noop("District"), "区")
            other = two(tr_noop("Other districts"), "其他区")
            made = locator_map(shapes, position, f"{pair[0]} / {pair[1]}", f"{other[0]} / {other[1]}")
            warnings.append(made[1])
            image = (
                f'<img src="data:image/png;base64,{base64.b64encode(made[0]).decode("ascii")}" '
                f'alt="{html.escape(str(row["district"]), quote=True)}">'
            )
            legend = two(tr_noop("Legend"), "图例")
            side.append(
                f"<b>{html.escape(legend[0])} / {html.escape(legend[1])}</b>: "
                + " ".join(
                    f'<span style="color:{colour}">■</span> {html.escape(label)}' for label, colour in made.legend or ()
                )
            )
        verdict = two(
            tr_noop("Benchmarks met: {0} of {1}. Green: at or above the benchmark; red: below it."),
            "达到基准：{0} / {1}。绿色：达到或超过基准；红色：低于基准。",
            met,
            len(compared),
        )
        side.append(f'<span class="note">{html.escape(verdict[0])}<br>{html.escape(verdict[1])}</span>')
        report.parts.append(
            f'<table class="layout" width="100%"><tr><td width="40%">{image}</td>'
            f"<td>{'<br>'.join(side)}</td></tr></table>"
        )
        head = [
            label_cell(two(tr_noop("Indicator"), "指标")),
            label_cell((str(row["district"]), "")),
            label_cell(two(tr_noop("Whole city"), "全市")),
            label_cell(two(tr_noop("Benchmark"), "基准")),
        ]
        if tracking is not None:
            since = tracking.previous_year if tracking.previous_year is not None else "—"
            head.append(label_cell(two(tr_noop("Change since {0}"), "自 {0} 年以来的变化", since)))
        body = []
        for indicator, pair in lines:
            cells = [
                label_cell(pair),
                _cell(row, indicator, compare=True),
                _cell(city, indicator),
                _benchmark(indicator),
            ]
            if tracking is not None:
                cells.append(_change(row, indicator))
            body.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        _table(report, head, body, first_width=38)
        report.parts.append("</div>")
    said = list(dict.fromkeys(warning for warning in warnings if warning))  # a missing font: said once
    if settings.warn is not None:
        for warning in said:
            settings.warn(warning)
    return report, said


def _facts(
    row: Mapping[str, Any],
    city: Mapping[str, Any],
    tracking: Optional[Tracking],
    given: Mapping[str, bool],
    two: Callable[..., Tuple[str, ...]],
    dimension_labels: Mapping[str, Mapping[str, str]],
    language: str,
) -> str:
    """The district's urban area and population (with their change) and its weakest quality dimension, beside the
    locator map."""
    facts: List[str] = []
    for field in ("area_km2", "population"):
        indicator = BY_FIELD[field]
        label = two(indicator.label, indicator.label_zh)
        text = f"<b>{html.escape(label[0])} / {html.escape(label[1])}</b>: {_cell(row, indicator)}"
        text += f" ({html.escape(two(tr_noop('Whole city'), '全市')[0])}: {_cell(city, indicator)})"
        if tracking is not None and row.get(CHANGE_PREFIX + field) is not None:
            text += f" {_change(row, indicator)}"
        facts.append(text)
    if given.get("quality"):
        label = two(*WEAKEST)
        facts.append(
            f"<b>{html.escape(label[0])} / {html.escape(label[1])}</b>: {_dimension(row, dimension_labels, language)}"
        )
    return "<br>".join(facts)


def _district_lines(
    row: Mapping[str, Any],
    extra: Sequence[Tuple[str, str]],
    given: Mapping[str, bool],
    two: Callable[..., Tuple[str, ...]],
    language: str,
) -> List[Tuple[Indicator, Tuple[str, ...]]]:
    """[(indicator, (label, label in the other language))] of a district's table, without the parts whose layer
    was not given."""
    lines = [
        (BY_FIELD[field], two(BY_FIELD[field].label, BY_FIELD[field].label_zh))
        for field in ("ops_share_pct", "street_share_pct", "total_share_pct", "ops_m2_per_person", "served_pct")
    ]
    for field, group in extra:  # under the share of everyone: the share of each group
        english, chinese = group_names(group)
        pair = (
            (chinese, english)
            if str(language).lower().startswith("zh")
            else (population_groups.group_label(group), chinese)
        )
        lines.append((Indicator(field, "", "", "%", 1, SERVED_TARGET), (f"– {pair[0]}", f"– {pair[1]}")))
    wanted = (
        (["quality_mean"] if given.get("quality") else [])
        + (["to_upgrade"] if given.get("upgrade") else [])
        + (["unserved_clusters", "unserved_in_clusters"] if given.get("clusters") else [])
    )
    return lines + [(BY_FIELD[field], two(BY_FIELD[field].label, BY_FIELD[field].label_zh)) for field in wanted]


def _table(report: Report, head: Sequence[str], body: Sequence[str], first_width: Optional[float] = None) -> None:
    """A table of cells already escaped; ``first_width`` (per cent) keeps the label column wide enough for a label
    on one or two lines (a page per district)."""
    cells = [f'<th width="{first_width}%">{head[0]}</th>' if first_width else f"<th>{head[0]}</th>"]
    cells += [f"<th>{cell}</th>" for cell in head[1:]]
    report.parts.append(
        '<table width="100%" style="font-size:9pt"><thead><tr>' if first_width else "<table><thead><tr>"
    )
    report.parts[-1] += "".join(cells) + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>"


def _format(value: Optional[float], decimals: int) -> str:
    return "—" if value is None else f"{value:,.{decimals}f}"


def _cell(row: Mapping[str, Any], indicator: Indicator, compare: bool = False) -> str:
    value = row.get(indicator.field)
    text = html.escape(
        _format(value, indicator.decimals) + (f" {indicator.unit}" if indicator.unit and value is not None else "")
    )
    if compare and indicator.benchmark is not None and value is not None:
        css = "good" if value >= indicator.benchmark - 1e-9 else "short"
        return f'<span class="{css}">{text}</span>'
    return text


def _benchmark(indicator: Indicator) -> str:
    if indicator.benchmark is None:
        return "—"
    return html.escape(f"≥ {indicator.benchmark:g} {indicator.unit}".strip())


def _change(row: Mapping[str, Any], indicator: Indicator) -> str:
    change = row.get(CHANGE_PREFIX + indicator.field)
    if change is None:
        return "—"
    arrow = UP if change > 0 else DOWN if change < 0 else SAME
    text = html.escape(f"{arrow} {change:+,.{indicator.decimals}f}")
    if indicator.higher_is_better is None or change == 0:
        return text
    better = (change > 0) == indicator.higher_is_better
    return f'<span class="{"good" if better else "short"}">{text}</span>'


def _dimension(row: Mapping[str, Any], labels: Mapping[str, Mapping[str, str]], language: str) -> str:
    dimension = row.get("weakest_dim")
    if dimension is None:
        return "—"
    label = labels.get(dimension)
    if label:
        first, second = (
            (label.get("zh"), label.get("en"))
            if str(language).lower().startswith("zh")
            else (label.get("en"), label.get("zh"))
        )
        text = " / ".join(part for part in (first, second) if part)
    else:
        text = dimension
    score = row.get("weakest_score")
    return html.escape(text + (f" ({score:.0f})" if score is not None else ""))


def _finite(value: Optional[float]) -> Optional[float]:
    return value if value is not None and math.isfinite(value) else None


def _text(value: object) -> Optional[str]:
    if empty(value):
        return None
    text = str(value)
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@") else text


def _listed(names: Iterable[Optional[str]], most: int = 12) -> str:
    shown = ["—" if name is None else name for name in names]  # a district without a name (it was a TypeError)
    return ", ".join(shown[:most]) + (" …" if len(shown) > most else "") if shown else "—"
