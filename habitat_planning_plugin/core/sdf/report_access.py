"""The report of the accessibility step (habitat:sdfaccessibility): the influence zones, travel times by hierarchy
level, the least accessible settlements, how the ranking depends on the distance decay beta, and the regional
balance of access (core/sdf/balance.py), from plain data (names, numbers, shapely shapes)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..report.charts import map_image
from ..report.html import Report, ReportSettings
from ..text import tr
from .balance import Inequality, inequality

if TYPE_CHECKING:
    from numpy.typing import ArrayLike
    from shapely.geometry.base import BaseGeometry

    from ..report.charts import LegendEntry, Picture, Style

# Qualitative colours for the influence zones (ColorBrewer Set3 and Pastel1), repeated beyond twelve centres.
ZONE_COLOURS = (
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#d9d9d9",
    "#bc80bd",
    "#ccebc5",
    "#ffed6f",
)
CENTRE_RADIUS = 600.0  # metres: a centre point drawn as a disc on the zones map
LEAST_ACCESSIBLE = 20


def level_groups(levels: ArrayLike) -> List[Optional[str]]:
    """The hierarchy level of each settlement as a group name ("1", "2"…; None without a level)."""
    return [f"{int(level)}" if np.isfinite(level) else None for level in np.asarray(levels, dtype=float)]


def access_balance(
    top_times: ArrayLike,
    hansen_values: ArrayLike,
    population: Optional[ArrayLike] = None,
    groups: Optional[Sequence[object]] = None,
    development: Optional[ArrayLike] = None,
) -> List[Tuple[str, Inequality]]:
    """The regional balance: inequality (Theil with its between/within decomposition by ``groups``, Gini, CV) of
    the ``development`` index when given, of the travel time to the nearest top-level centre (settlements without
    one left out) and of the Hansen accessibility, weighted by ``population`` when given.
    [(measure label, Inequality)]."""
    times = np.asarray(top_times, dtype=float)
    times = np.where(np.isfinite(times), times, np.nan)
    rows = []
    if development is not None:
        index = np.asarray(development, dtype=float)
        rows.append(
            (tr("Development index"), inequality(np.where(np.isfinite(index), index, np.nan), population, groups))
        )
    return rows + [
        (tr("Travel time to the nearest top-level centre (min)"), inequality(times, population, groups)),
        (tr("Hansen accessibility"), inequality(np.asarray(hansen_values, dtype=float), population, groups)),
    ]


def zones_map(
    zones: Sequence[Tuple[str, BaseGeometry]],
    centres: Sequence[Tuple[str, Optional[BaseGeometry]]],
) -> Picture:
    """The influence zones (one colour per dominant centre, named in the legend) with the centres drawn and named."""
    layers: List[Tuple[List[Optional[BaseGeometry]], Style]] = []
    legend: List[LegendEntry] = []
    for number, (name, zone) in enumerate(zones):
        style = {"fill": ZONE_COLOURS[number % len(ZONE_COLOURS)], "edge": "#616161", "width": 0.6}
        layers.append(([zone], style))
        legend.append((name, style))
    dots = [
        shape if shape.geom_type.endswith("Polygon") else shape.buffer(CENTRE_RADIUS) for _, shape in centres if shape
    ]
    centre_style = {"fill": "#212121", "edge": "#ffffff", "width": 0.6, "zorder": 4}
    layers.append((list(dots), centre_style))
    legend.append((tr("Centre"), centre_style))
    return map_image(layers, tr("Territorial influence zones"), legend, labels=list(centres))


def _minutes(value: float) -> Optional[float]:
    """A number for a table: None (shown as a dash) when it is not finite."""
    return float(value) if np.isfinite(value) else None


def _people(value: float) -> Optional[str]:
    """A number of people, whole and with thousands separators (None when not finite)."""
    return f"{int(round(float(value))):,}" if np.isfinite(value) else None


def accessibility_report(
    path: str,
    names: Sequence[str],
    shapes: Sequence[Optional[BaseGeometry]],
    times: Sequence[Tuple[str, ArrayLike]],
    bands: Sequence[float],
    hansen_values: ArrayLike,
    access_idx: ArrayLike,
    dominant: Sequence[Optional[str]],
    road_access: ArrayLike,
    zones: Sequence[Tuple[str, BaseGeometry]],
    sensitivity: Sequence[Tuple[float, float, float, int]],
    balance: Sequence[Tuple[str, Inequality]],
    group_title: str,
    decay: str,
    beta: float,
    include_own: bool,
    population: Optional[ArrayLike] = None,
    settings: Union[ReportSettings, str] = "en",
) -> str:
    """Write the accessibility report to ``path`` (HTML, or PDF through ``settings``).

    ``names``, ``shapes`` (shapely, None: not drawn), ``hansen_values``, ``access_idx`` (0-100), ``dominant`` (the
    dominant centre's name or None) and ``road_access`` (False: no road within reach) have one entry per settlement;
    ``times`` [(level label, minutes to the nearest centre of that level or a more central one; inf or NaN: none)],
    the top level first; ``bands`` the isochrone minutes; ``zones`` [(centre name, zone polygon)];
    ``sensitivity`` the rows of ``beta_sensitivity``; ``balance`` the rows of ``access_balance`` grouped by
    ``group_title`` (a field name or "Level"); ``decay``/``beta``/``include_own`` the Hansen settings used;
    ``population`` people per settlement (optional)."""
    report = Report(tr("Accessibility and territorial influence of centres"), settings)
    hansen_values = np.asarray(hansen_values, dtype=float)
    access_idx = np.asarray(access_idx, dtype=float)
    connected = np.asarray(road_access, dtype=bool)
    people = None if population is None else np.asarray(population, dtype=float)
    if decay == "exponential":
        setting = tr(
            "Hansen accessibility with exponential decay exp(−β·minutes), β = {0} per minute (half weight at {1} "
            "minutes){2}.",
            f"{beta:.4f}",
            f"{math.log(2) / beta:.0f}" if beta > 0 else "∞",
            tr("; a centre's own mass counted") if include_own else tr("; a centre's own mass left out"),
        )
    else:
        setting = tr(
            "Hansen accessibility with power decay minutes^−β, β = {0}{1}.",
            f"{beta:g}",
            tr("; a centre's own mass counted") if include_own else tr("; a centre's own mass left out"),
        )
    report.paragraph(setting)

    # --- influence zones ---
    report.heading(tr("Territorial influence zones"))
    index_of = {name: i for i, name in enumerate(names)}
    centres = [(name, shapes[index_of[name]] if name in index_of else None) for name, _ in zones]
    if zones:
        report.chart(zones_map(zones, centres), tr("Territorial influence zones"))
    report.paragraph(
        tr(
            "Influence zones are schematic areas of the dominant centre of each settlement, drawn around the "
            "settlements it dominates; they are not administrative or planning boundaries."
        ),
        css="note",
    )
    report.table(
        [tr("Centre"), tr("Settlements dominated")] + ([tr("Population")] if people is not None else []),
        [
            [name, sum(1 for d in dominant if d == name)]
            + ([float(np.nansum([p for p, d in zip(people, dominant) if d == name]))] if people is not None else [])
            for name, _ in zones
        ],
        "{:,.0f}",
    )

    # --- travel time by level ---
    report.heading(tr("Travel time to the nearest centre"))
    within = [tr("within {0} min", f"{band:g}") for band in bands]
    rows: List[List[object]] = []
    people_rows: List[List[object]] = []
    for label, minutes in times:
        t = np.asarray(minutes, dtype=float)
        timed = np.isfinite(t)
        rows.append(
            [label, int(timed.sum())]
            + [int((t[timed] <= band).sum()) for band in bands]
            + [
                float(np.mean(t[timed])) if timed.any() else None,
                float(np.median(t[timed])) if timed.any() else None,
                int((~timed).sum()),
            ]
        )
        if people is not None:
            counted = np.isfinite(people)
            total = float(people[counted].sum())
            people_rows.append(
                [label, _people(total)]
                + [
                    float(people[counted & timed & (np.where(timed, t, np.inf) <= band)].sum()) / total * 100.0
                    if total > 0
                    else None
                    for band in bands
                ]
            )
    report.table(
        [tr("Centre level (or more central)"), tr("Settlements with a travel time")]
        + within
        + [tr("Mean (min)"), tr("Median (min)"), tr("No travel time")],
        rows,
    )
    report.paragraph(
        tr(
            "Counts of settlements within each isochrone band of the nearest centre of the level or a more central "
            "one; the mean and median are over the settlements with a travel time."
        ),
        css="note",
    )
    if people is not None:
        report.table(
            [tr("Centre level (or more central)"), tr("Population")] + [f"{w} (%)" for w in within], people_rows
        )
        report.paragraph(tr("Share of the population within each band, in per cent."), css="note")

    # --- least accessible ---
    top_label, top = times[0] if times else ("", np.full(len(names), np.nan))
    top = np.asarray(top, dtype=float)
    order = sorted(
        range(len(names)),
        key=lambda i: (bool(connected[i]), bool(np.isfinite(top[i])), -top[i] if np.isfinite(top[i]) else 0.0),
    )
    report.heading(tr("The {0} least accessible settlements", LEAST_ACCESSIBLE))
    least: List[List[object]] = []
    for i in order[:LEAST_ACCESSIBLE]:
        shown: object = (
            tr("no road") if not connected[i] else (_minutes(top[i]) if np.isfinite(top[i]) else tr("no centre"))
        )
        least.append(
            [names[i], shown, dominant[i], _minutes(access_idx[i])]
            + ([_people(people[i])] if people is not None else [])
        )
    report.table(
        [tr("Settlement"), tr("Travel time to {0} (min)", top_label), tr("Dominant centre"), tr("Accessibility index")]
        + ([tr("Population")] if people is not None else []),
        least,
    )
    report.paragraph(
        tr(
            "Ordered by travel time to the nearest top-level centre, longest first; settlements without a road "
            'within reach come first ("no road"), then those on roads that reach no centre ("no centre").'
        ),
        css="note",
    )

    # --- sensitivity ---
    report.heading(tr("Sensitivity to the distance decay β"))
    exponential = decay == "exponential"
    report.table(
        [tr("β")]
        + ([tr("Half-life (min)")] if exponential else [])
        + [tr("Spearman ρ"), tr("Mean rank change"), tr("Largest rank change")],
        [
            [f"{b:.4f}" if exponential else f"{b:g}"]
            + ([math.log(2) / b if b > 0 else None] if exponential else [])
            + [f"{rho:.3f}" if np.isfinite(rho) else None, f"{mean:.2f}", most]
            for b, rho, mean, most in sensitivity
        ],
    )
    report.paragraph(
        tr(
            "The settlements are ranked by Hansen accessibility with each β; Spearman's ρ compares each ranking "
            "with the one at the β used (first row): 1 is the same order. The rank changes say how many places a "
            "settlement moves. A ρ near 1 and small changes mean that the conclusions do not hinge on the exact β; "
            "large changes mean β should be calibrated on local trip data."
        ),
        css="note",
    )

    # --- regional balance ---
    report.heading(tr("Regional balance"))
    report.table(
        [
            tr("Measure"),
            tr("Settlements"),
            tr("Mean"),
            tr("Theil index"),
            tr("Between groups"),
            tr("Within groups"),
            tr("Share between groups"),
            tr("Gini coefficient"),
            tr("Coefficient of variation"),
        ],
        [
            [label, result.n]
            + [
                _minutes(value)
                for value in (
                    result.mean,
                    result.theil,
                    result.between,
                    result.within,
                    result.between_share,
                    result.gini,
                    result.cv,
                )
            ]
            for label, result in balance
        ],
        "{:,.3f}",
    )
    by_group: Dict[str, List[object]] = {}
    for number, (_, result) in enumerate(balance):
        for name, count, _share, mean, theil_g in result.groups:
            row = by_group.setdefault(name, [name] + [None] * (3 * len(balance)))
            row[1 + 3 * number : 4 + 3 * number] = [count, _minutes(mean), _minutes(theil_g)]
    if by_group:
        headers: List[object] = [group_title]
        for label, _ in balance:
            headers += [tr("Settlements"), tr("Mean: {0}", label), tr("Theil within")]
        report.table(headers, list(by_group.values()), "{:,.3f}")
    report.paragraph(
        tr(
            "Theil index (0: equal access everywhere), split into the inequality between the groups ({0}) and "
            "within them; Gini coefficient and coefficient of variation alongside. {1} Settlements without a value "
            "are left out.",
            group_title,
            tr("Weighted by population.")
            if people is not None
            else tr("Each settlement counts once (no population given)."),
        ),
        css="note",
    )

    # --- method ---
    report.heading(tr("Method"))
    report.paragraph(
        tr(
            "Hansen (1959): A_i = Σ_j M_j^γ f(c_ij), the mass of the centres discounted by the network travel time "
            "c_ij. The default is the negative exponential f = exp(−β·c) with a half-life of 30 minutes (β = ln 2 / "
            "30 ≈ 0.0231 per minute: a centre 30 minutes away counts half), a centre's own mass included. This is a "
            "planning choice: there is no universal β; calibrate it on local trip data when available. The negative "
            "exponential is recommended for regional travel-time accessibility by Geurs & van Wee (2004), "
            '"Accessibility evaluation of land-use and transport strategies: review and research directions", '
            "Journal of Transport Geography 12(2): 127–140. The power decay c^−β (β = 2, gravity) is the "
            "alternative. The accessibility index rescales the Hansen values to 0–100 on a logarithmic scale, since "
            "they span orders of magnitude."
        ),
        css="note",
    )
    report.paragraph(
        tr(
            "The dominant centre comes from the Huff (1963) model, P_ij = M_j^α c_ij^−β / Σ_k M_k^α c_ik^−β with "
            "α = 1 and β = 2 (a choice model, kept at β = 2 whatever the Hansen decay), or from Reilly's (1931) law "
            "of retail gravitation, the largest M_j / c_ij²."
        ),
        css="note",
    )
    return report.save(path)
