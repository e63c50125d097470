"""The national report of a batch run of SDG 11.7.1 over every city of a country: the national summary weighted by
population, the distribution of cities, a map of the cities by share, the cities below the benchmarks and the
largest unserved populations, beside the seed's baselines. No QGIS: the batch writes it from its rows."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union, cast

from ..report.charts import bar_chart, choropleth_map, histogram
from ..report.html import Report
from ..text import tr
from .access import BASELINE_SOURCE, GLOBAL_BASELINE_PCT, REGIONAL_BASELINE_RANGE_PCT
from .groups import group_label
from .land_share import BENCHMARK_OPS, BENCHMARK_STREETS, BENCHMARK_TOTAL

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from ..report.charts import Picture
    from ..report.html import ReportSettings

OK = "ok"
TOP = 20  # rows in the "lowest" and "largest unserved" tables
LABELLED = 10  # the largest cities get their name on the map
# Five classes of the share served on the map (upper bounds, %), red (few served) to green.
CLASS_BREAKS = (20.0, 40.0, 60.0, 80.0, 100.0)
CLASS_COLOURS = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")
NO_DATA_COLOUR = "#bdbdbd"


def _number(value: Any) -> Optional[float]:
    """A float, or None for missing, NaN and anything that is not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _known(value: Any) -> float:
    """``_number`` of a value already found to be a number."""
    return cast(float, _number(value))


def _share(part: float, whole: Optional[float]) -> Optional[float]:
    return 100.0 * part / whole if whole else None


def _weighted(pairs: Iterable[Tuple[Optional[float], Optional[float]]]) -> Optional[float]:
    """Σ value × weight / Σ weight over the pairs where both are known; None when no weight."""
    known = [(v, w) for v, w in pairs if v is not None and w is not None]
    total = sum(w for _, w in known)
    return sum(v * w for v, w in known) / total if total > 0 else None


def _population_parts(entries: Sequence[Mapping[str, Any]]) -> Dict[str, Optional[float]]:
    """{population, served, unserved, share_pct, share_straight_pct} of entries {population, served, share_pct,
    share_straight_pct}: the network share is Σ served / Σ population, the straight-line share the
    population-weighted mean of the city shares (the rows keep no straight-line served count)."""
    known = [(_number(e.get("population")), _number(e.get("served"))) for e in entries]
    known = cast("List[Tuple[float, float]]", [(p, s) for p, s in known if p is not None and s is not None])
    population = sum(p for p, _ in known)
    served = sum(s for _, s in known)
    straight = _weighted((_number(e.get("share_straight_pct")), _number(e.get("population"))) for e in entries)
    return {
        "population": population,
        "served": served,
        "unserved": population - served,
        "share_pct": _share(served, population),
        "share_straight_pct": straight,
    }


def _median(values: Iterable[float]) -> Optional[float]:
    values = sorted(values)
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2.0


def national_summary(rows: Sequence[Mapping[str, Any]], groups: Iterable[str]) -> Dict[str, Any]:
    """The country's numbers from the city rows; only cities with status ok count.

    Population (total and every group, network and straight-line): shares weighted by population, Σ served /
    Σ population. SDG 11.7.1 (a): the parts weighted by area, Σ (share × area) / Σ area. Also the number of
    cities measured and not measured, and how many cities are below the benchmarks and baselines."""
    ok = [row for row in rows if row.get("status") == OK]
    summary: Dict[str, Any] = {"cities": len(rows), "cities_ok": len(ok), "cities_failed": len(rows) - len(ok)}
    summary.update(_population_parts(ok))
    summary["groups"] = {
        group: _population_parts([(row.get("groups") or {}).get(group) or {} for row in ok]) for group in groups
    }
    areas = [(row, _number(row.get("area_km2"))) for row in ok]
    summary["area_km2"] = sum(
        area for row, area in areas if area is not None and _number(row.get("total_pct")) is not None
    )
    for key in ("ops_pct", "street_pct", "total_pct"):
        summary[key] = _weighted((_number(row.get(key)), area) for row, area in areas)
    land = [_number(row.get("total_pct")) for row in ok]
    land = cast("List[float]", [value for value in land if value is not None])
    shares = [_number(row.get("share_pct")) for row in ok]
    shares = cast("List[float]", [value for value in shares if value is not None])
    national = summary["share_pct"]
    summary.update(
        {
            "cities_with_land_share": len(land),
            "cities_with_share": len(shares),
            "below_total_benchmark": sum(1 for value in land if value < BENCHMARK_TOTAL),
            "below_national_share": sum(1 for value in shares if national is not None and value < national),
            "below_baseline": sum(1 for value in shares if value < GLOBAL_BASELINE_PCT),
            "median_share_pct": _median(shares),
            "median_total_pct": _median(land),
        }
    )
    return summary


def _status_label(status: Any) -> str:
    labels = {
        OK: tr("measured (ok)"),
        "no_streets": tr("no streets"),
        "no_population": tr("no population"),
        "invalid_extent": tr("invalid urban extent"),
        "failed": tr("failed"),
    }
    return labels.get(status, str(status))


def _names(rows: Iterable[Mapping[str, Any]]) -> Dict[str, str]:
    """{city_id: the name shown}: the city's name, with its id when another city has the same name."""
    count: Dict[str, int] = {}
    for row in rows:
        name = str(row.get("name") or "").strip()
        count[name] = count.get(name, 0) + 1
    shown: Dict[str, str] = {}
    for row in rows:
        city_id = str(row.get("city_id"))
        name = str(row.get("name") or "").strip()
        shown[city_id] = name if name and count[name] == 1 else tr("{0} (id {1})", name, city_id) if name else city_id
    return shown


def _people(value: Any) -> str:
    value = _number(value)
    return "—" if value is None else f"{value:,.0f}"


def _pct(value: Any) -> str:
    value = _number(value)
    return "—" if value is None else f"{value:.1f}"


def _class_of(share: Optional[float]) -> Optional[int]:
    if share is None:
        return None
    return next((index for index, bound in enumerate(CLASS_BREAKS) if share < bound), len(CLASS_BREAKS) - 1)


def _chart(report: Report, made: Picture, notes: List[str]) -> None:
    """Put a chart (``(png, warning)`` from core.report.charts) into the report; its font warning is kept for a
    note, once for the whole report."""
    png, warning = made
    if warning and warning not in notes:
        notes.append(warning)
    report.image(png, report.title, getattr(made, "legend", None))  # a map's legend is also listed on the page


def national_report(
    path: str,
    rows: Iterable[Mapping[str, Any]],
    groups: Optional[Iterable[str]],
    extents: Optional[Mapping[str, BaseGeometry]] = None,
    settings: Union[ReportSettings, str] = "en",
    footer: Optional[str] = None,
    progress: Optional[Callable[[float], object]] = None,
) -> str:
    """Write the national report (HTML, or PDF inside QGIS when ``path`` ends in .pdf) of the city ``rows`` of a
    batch run and return its path. ``groups``: the population groups in order, the first the total;
    ``extents``: {city_id: shapely polygon} in one projected CRS for the map, or None; ``progress(percent)`` is
    called as the parts are made."""

    def step(percent: float) -> None:
        if progress is not None:
            progress(percent)

    rows = list(rows)
    groups = list(groups or [])
    summary = national_summary(rows, groups)
    names = _names(rows)
    ok = [row for row in rows if row.get("status") == OK]
    notes: List[str] = []
    report = Report(tr("SDG 11.7.1 in every city: national report"), settings)
    step(5)

    # The national summary.
    report.heading(tr("National summary"))
    if not rows:
        report.paragraph(tr("The run has no cities: there is nothing to report."), css="short")
    elif not ok:
        report.paragraph(
            tr(
                "No city was measured: all {0} cities failed. Their reasons are listed at the end of the report.",
                len(rows),
            ),
            css="short",
        )
    report.paragraph(
        tr(
            "{0} cities measured, {1} not measured, {2} people counted in the measured cities.",
            summary["cities_ok"],
            summary["cities_failed"],
            _people(summary["population"]),
        )
    )
    national = summary["share_pct"]
    report.indicator(
        tr("Population within walking distance"),
        national,
        "%",
        benchmark_text=tr(
            "global baseline about {0} % of the urban population (regions {1}–{2} %)",
            GLOBAL_BASELINE_PCT,
            *REGIONAL_BASELINE_RANGE_PCT,
        ),
    )
    report.indicator(
        tr("Straight-line buffer (approximation)"),
        summary["share_straight_pct"],
        "%",
        benchmark_text=tr("shown for comparison only; it overstates access"),
    )
    report.indicator(
        tr("Open public space"), summary["ops_pct"], "%", BENCHMARK_OPS, tr("benchmark {0} %", f"{BENCHMARK_OPS:g}")
    )
    report.indicator(
        tr("Streets"), summary["street_pct"], "%", BENCHMARK_STREETS, tr("benchmark {0} %", f"{BENCHMARK_STREETS:g}")
    )
    report.indicator(
        tr("Streets and public space"),
        summary["total_pct"],
        "%",
        BENCHMARK_TOTAL,
        tr("benchmark {0} %", f"{BENCHMARK_TOTAL:g}"),
    )
    if national is not None:
        report.paragraph(
            tr(
                "Nationally {0} % of the urban population ({1} of {2} people) lives within walking "
                "distance of an open public space; {3} people do not. The share is weighted by "
                "population: the people served in every measured city over all the people counted.",
                _pct(national),
                _people(summary["served"]),
                _people(summary["population"]),
                _people(summary["unserved"]),
            )
        )
        if national >= GLOBAL_BASELINE_PCT:
            comparison = tr(
                "This is at or above the global baseline of about {0} % (regions {1}–{2} %).",
                GLOBAL_BASELINE_PCT,
                *REGIONAL_BASELINE_RANGE_PCT,
            )
        else:
            comparison = tr(
                "This is below the global baseline of about {0} % (regions {1}–{2} %).",
                GLOBAL_BASELINE_PCT,
                *REGIONAL_BASELINE_RANGE_PCT,
            )
        report.paragraph(comparison)
    if summary["total_pct"] is not None:
        report.paragraph(
            tr(
                "Streets and open public space cover {0} % of the {1} km² of the measured urban extents "
                "(weighted by area; open public space {2} %, streets {3} %), against the benchmarks of "
                "15 %, 30 % and 45 %.",
                _pct(summary["total_pct"]),
                _people(summary["area_km2"]),
                _pct(summary["ops_pct"]),
                _pct(summary["street_pct"]),
            )
        )
    report.paragraph(tr("Baselines: {0}", tr(BASELINE_SOURCE)), css="note")
    step(15)

    # Population groups.
    if ok and groups:
        report.heading(tr("By population group"))
        table: List[List[Any]] = []
        for group in groups:
            parts = summary["groups"][group]
            table.append(
                [
                    group_label(group),
                    _people(parts["population"]),
                    _people(parts["served"]),
                    parts["share_pct"],
                    parts["share_straight_pct"],
                ]
            )
        report.table(
            [
                tr("Population group"),
                tr("Population"),
                tr("Served"),
                tr("Share served (%)"),
                tr("Straight-line share (%)"),
            ],
            table,
        )
        baseline_label = tr("global baseline {0} %", GLOBAL_BASELINE_PCT)
        _chart(
            report,
            bar_chart(
                [line[0] for line in table],
                [
                    (tr("Share served (%)"), [line[3] for line in table]),
                    (tr("Straight-line share (%)"), [line[4] for line in table]),
                ],
                tr("National share served by population group"),
                "%",
                GLOBAL_BASELINE_PCT,
                baseline_label,
            ),
            notes,
        )
    step(30)

    # The distribution of cities.
    shares = [_number(row.get("share_pct")) for row in ok]
    if any(value is not None for value in shares):
        report.heading(tr("Distribution of cities"))
        report.paragraph(
            tr(
                "The median of the {0} cities with people serves {1} % of its population; {2} cities "
                "are below the national share and {3} below the global baseline of {4} %.",
                summary["cities_with_share"],
                _pct(summary["median_share_pct"]),
                summary["below_national_share"],
                summary["below_baseline"],
                GLOBAL_BASELINE_PCT,
            )
        )
        _chart(
            report,
            histogram(
                shares,
                range(0, 105, 5),
                tr("Cities by share of the population served"),
                tr("Share served (%)"),
                tr("Cities"),
                [
                    (national, tr("national share {0} %", _pct(national)), "#0a5a8f"),
                    (GLOBAL_BASELINE_PCT, tr("global baseline {0} %", GLOBAL_BASELINE_PCT), "#c62828"),
                ],
            ),
            notes,
        )
    land = [_number(row.get("total_pct")) for row in ok]
    if any(value is not None for value in land):
        _chart(
            report,
            histogram(
                land,
                range(0, 105, 5),
                tr("Cities by land allocated to streets and public space"),
                tr("Streets and public space (%)"),
                tr("Cities"),
                [
                    (summary["total_pct"], tr("national share {0} %", _pct(summary["total_pct"])), "#0a5a8f"),
                    (BENCHMARK_TOTAL, tr("benchmark {0} %", f"{BENCHMARK_TOTAL:g}"), "#c62828"),
                ],
            ),
            notes,
        )
    step(45)

    # The map.
    if extents:
        _map(report, rows, extents, names, notes)
    step(70)

    # Cities below the benchmarks.
    if ok:
        report.heading(tr("Cities below the benchmarks"))
        with_land = [row for row in ok if _number(row.get("total_pct")) is not None]
        report.paragraph(
            tr(
                "{0} of {1} cities have less than {2} % of their area in streets and open public space.",
                summary["below_total_benchmark"],
                len(with_land),
                f"{BENCHMARK_TOTAL:g}",
            )
        )
        lowest = sorted(
            (row for row in with_land if _known(row["total_pct"]) < BENCHMARK_TOTAL),
            key=lambda row: _known(row["total_pct"]),
        )[:TOP]
        if lowest:
            report.paragraph(tr("The {0} cities with the least land in streets and open public space:", len(lowest)))
            report.table(
                [
                    tr("City"),
                    tr("Area (km²)"),
                    tr("Open public space (%)"),
                    tr("Streets (%)"),
                    tr("Streets and public space (%)"),
                ],
                [
                    [
                        names[str(row["city_id"])],
                        _number(row.get("area_km2")),
                        _number(row.get("ops_pct")),
                        _number(row.get("street_pct")),
                        _number(row.get("total_pct")),
                    ]
                    for row in lowest
                ],
            )
        with_share = [row for row in ok if _number(row.get("share_pct")) is not None]
        below = sorted(
            (row for row in with_share if national is not None and _known(row["share_pct"]) < national),
            key=lambda row: _known(row["share_pct"]),
        )
        report.paragraph(
            tr(
                "{0} of {1} cities serve a smaller share of their population than the national share ({2} %).",
                len(below),
                len(with_share),
                _pct(national),
            )
        )
        if below:
            report.paragraph(tr("The {0} cities with the lowest share served:", min(len(below), TOP)))
            report.table(
                [tr("City"), tr("Population"), tr("Served"), tr("Share served (%)"), tr("Straight-line share (%)")],
                [
                    [
                        names[str(row["city_id"])],
                        _people(row.get("population")),
                        _people(row.get("served")),
                        _number(row.get("share_pct")),
                        _number(row.get("share_straight_pct")),
                    ]
                    for row in below[:TOP]
                ],
            )

        # The largest unserved populations.
        unserved = [
            (row, _known(row.get("population")) - _known(row.get("served")))
            for row in ok
            if _number(row.get("population")) is not None and _number(row.get("served")) is not None
        ]
        unserved.sort(key=lambda pair: -pair[1])
        if unserved:
            report.heading(tr("Largest unserved populations"))
            report.paragraph(
                tr(
                    "The cities where the most people live beyond walking distance of an open public "
                    "space: where new or opened spaces reach the most people."
                )
            )
            everyone = summary["unserved"]
            report.table(
                [
                    tr("City"),
                    tr("Population"),
                    tr("Served"),
                    tr("Not served"),
                    tr("Share served (%)"),
                    tr("Share of the national unserved (%)"),
                ],
                [
                    [
                        names[str(row["city_id"])],
                        _people(row.get("population")),
                        _people(row.get("served")),
                        _people(count),
                        _number(row.get("share_pct")),
                        _share(count, everyone),
                    ]
                    for row, count in unserved[:TOP]
                ],
            )
    step(85)

    # Every city, then the cities not measured.
    if rows:
        report.heading(tr("Every city"))

        def by_population(row: Mapping[str, Any]) -> Tuple[bool, float]:
            population = _number(row.get("population"))
            return (row.get("status") != OK, -(population if population is not None else -1.0))

        report.table(
            [
                tr("City"),
                tr("ID"),
                tr("Status"),
                tr("Population"),
                tr("Share served (%)"),
                tr("Straight-line share (%)"),
                tr("Streets and public space (%)"),
            ],
            [
                [
                    names[str(row["city_id"])],
                    str(row["city_id"]),
                    _status_label(row.get("status")),
                    _people(row.get("population")),
                    _number(row.get("share_pct")),
                    _number(row.get("share_straight_pct")),
                    _number(row.get("total_pct")),
                ]
                for row in sorted(rows, key=by_population)
            ],
        )
    failed = [row for row in rows if row.get("status") != OK]
    if failed:
        report.heading(tr("Cities not measured"))
        report.table(
            [tr("City"), tr("ID"), tr("Status"), tr("Reason")],
            [
                [
                    names[str(row["city_id"])],
                    str(row["city_id"]),
                    _status_label(row.get("status")),
                    str(row.get("message") or ""),
                ]
                for row in failed
            ],
        )

    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Each city was measured as the single-city tools measure it, on the inputs clipped to its "
            "urban extent plus the walking distance: SDG 11.7.1 (a), the share of the urban extent in "
            "streets and open public space, and 11.7.1 (b), the share of the population within walking "
            "distance of an open public space along the street network, for every population group. "
            "National figures count only the measured cities: the share served is weighted by "
            "population, the land share by area."
        ),
        css="note",
    )
    for note in notes:
        report.paragraph(note, css="note")
    saved = report.save(path, footer)
    step(100)
    return saved


def _map(
    report: Report,
    rows: Iterable[Mapping[str, Any]],
    extents: Mapping[str, BaseGeometry],
    names: Mapping[str, str],
    notes: List[str],
) -> None:
    """The cities coloured by share served in five classes, the largest labelled; grey where not measured."""
    shapes: List[BaseGeometry] = []
    colours: List[str] = []
    drawn: List[Tuple[Mapping[str, Any], BaseGeometry]] = []
    for row in rows:
        shape = extents.get(str(row.get("city_id")))
        if shape is None or shape.is_empty:
            continue
        share = _number(row.get("share_pct")) if row.get("status") == OK else None
        index = _class_of(share)
        shapes.append(shape)
        colours.append(NO_DATA_COLOUR if index is None else CLASS_COLOURS[index])
        drawn.append((row, shape))
    if not shapes:
        return
    lower = (0.0,) + CLASS_BREAKS[:-1]
    legend = [
        (tr("{0}–{1} % served", f"{low:g}", f"{high:g}"), colour)
        for low, high, colour in zip(lower, CLASS_BREAKS, CLASS_COLOURS)
    ]
    if NO_DATA_COLOUR in colours:
        legend.append((tr("not measured or no people"), NO_DATA_COLOUR))
    largest = sorted(
        (pair for pair in drawn if _number(pair[0].get("population")) is not None),
        key=lambda pair: -_known(pair[0]["population"]),
    )[:LABELLED]
    labels = [(names[str(row["city_id"])], shape) for row, shape in largest]
    report.heading(tr("Map of cities by share served"))
    report.paragraph(
        tr(
            "Each urban extent coloured by the share of its population within walking distance of an "
            "open public space; the {0} largest cities are named. Small cities are also shown as dots.",
            len(labels),
        )
    )
    _chart(
        report,
        choropleth_map(shapes, colours, legend, tr("Share of the population served, by city"), labels, tr("km")),
        notes,
    )


def city_report(
    path: str,
    row: Mapping[str, Any],
    groups: Optional[Iterable[str]],
    extent: Optional[BaseGeometry] = None,
    settings: Union[ReportSettings, str] = "en",
    footer: Optional[str] = None,
) -> str:
    """One city's report from its batch row: both parts of SDG 11.7.1 against the benchmarks, every population
    group, and its districts (table and map) when the run had districts. ``extent``: the city's polygon, drawn
    under the districts."""
    from shapely import wkb

    groups = list(groups or [])
    name = str(row.get("name") or row.get("city_id"))
    notes: List[str] = []
    report = Report(tr("SDG 11.7.1 in {0}", name), settings)
    report.heading(tr("Summary"))
    report.paragraph(
        tr(
            "{0} people counted in {1} km² of urban extent; {2} street segments, {3} open public "
            "spaces, computed in {4} s.",
            _people(row.get("population")),
            _pct(row.get("area_km2")),
            _people(row.get("streets")),
            _people(row.get("spaces")),
            _pct(row.get("seconds")),
        )
    )
    report.indicator(
        tr("Population within walking distance"),
        _number(row.get("share_pct")),
        "%",
        benchmark_text=tr(
            "global baseline about {0} % of the urban population (regions {1}–{2} %)",
            GLOBAL_BASELINE_PCT,
            *REGIONAL_BASELINE_RANGE_PCT,
        ),
    )
    report.indicator(
        tr("Straight-line buffer (approximation)"),
        _number(row.get("share_straight_pct")),
        "%",
        benchmark_text=tr("shown for comparison only; it overstates access"),
    )
    report.indicator(
        tr("Open public space"),
        _number(row.get("ops_pct")),
        "%",
        BENCHMARK_OPS,
        tr("benchmark {0} %", f"{BENCHMARK_OPS:g}"),
    )
    report.indicator(
        tr("Streets"),
        _number(row.get("street_pct")),
        "%",
        BENCHMARK_STREETS,
        tr("benchmark {0} %", f"{BENCHMARK_STREETS:g}"),
    )
    report.indicator(
        tr("Streets and public space"),
        _number(row.get("total_pct")),
        "%",
        BENCHMARK_TOTAL,
        tr("benchmark {0} %", f"{BENCHMARK_TOTAL:g}"),
    )
    if row.get("message"):
        report.paragraph(str(row["message"]), css="note")
    values = row.get("groups") or {}
    if groups:
        report.heading(tr("By population group"))
        report.table(
            [
                tr("Population group"),
                tr("Population"),
                tr("Served"),
                tr("Share served (%)"),
                tr("Straight-line share (%)"),
            ],
            [
                [
                    group_label(group),
                    _people((values.get(group) or {}).get("population")),
                    _people((values.get(group) or {}).get("served")),
                    _number((values.get(group) or {}).get("share_pct")),
                    _number((values.get(group) or {}).get("share_straight_pct")),
                ]
                for group in groups
            ],
        )
    districts = row.get("districts") or []
    if districts:
        report.heading(tr("By district"))
        total = groups[0] if groups else None

        def share_of(entry: Mapping[str, Any]) -> Optional[float]:
            return _number(((entry.get("groups") or {}).get(total) or {}).get("share_pct")) if total else None

        report.table(
            [
                tr("District"),
                tr("Population"),
                tr("Share served (%)"),
                tr("Open public space (%)"),
                tr("Streets (%)"),
                tr("Streets and public space (%)"),
            ],
            [
                [
                    str(entry.get("district")),
                    _people(((entry.get("groups") or {}).get(total) or {}).get("population")) if total else "—",
                    share_of(entry),
                    _number(entry.get("ops_pct")),
                    _number(entry.get("street_pct")),
                    _number(entry.get("total_pct")),
                ]
                for entry in districts
            ],
        )
        shapes: List[BaseGeometry] = []
        colours: List[str] = []
        labels: List[Tuple[str, BaseGeometry]] = []
        for entry in districts:
            if not entry.get("wkb"):
                continue
            shape = wkb.loads(bytes.fromhex(entry["wkb"]))
            index = _class_of(share_of(entry))
            shapes.append(shape)
            colours.append(NO_DATA_COLOUR if index is None else CLASS_COLOURS[index])
            labels.append((str(entry.get("district")), shape))
        if shapes:
            lower = (0.0,) + CLASS_BREAKS[:-1]
            legend = [
                (tr("{0}–{1} % served", f"{low:g}", f"{high:g}"), colour)
                for low, high, colour in zip(lower, CLASS_BREAKS, CLASS_COLOURS)
            ]
            if NO_DATA_COLOUR in colours:
                legend.append((tr("no people"), NO_DATA_COLOUR))
            outline = ([extent], tr("Urban extent")) if extent is not None and not extent.is_empty else None
            _chart(
                report,
                choropleth_map(
                    shapes,
                    colours,
                    legend,
                    tr("Share of the population served, by district"),
                    labels[: LABELLED * 3],
                    tr("km"),
                    outline=outline,
                ),
                notes,
            )
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Measured by the national batch as the single-city tools measure it, on the inputs clipped "
            "to the urban extent plus the walking distance. Districts are clipped to the urban extent; "
            "only the people inside the extent count."
        ),
        css="note",
    )
    for note in notes:
        report.paragraph(note, css="note")
    return report.save(path, footer)
