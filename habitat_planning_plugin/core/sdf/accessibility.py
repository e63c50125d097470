"""Accessibility and territorial influence of centres (methods.md §3.3).

Travel costs are network costs (minutes with speeds by road class): a settlement joins the nearest point of the
nearest road (off-road at the connector cost) and travels along the network. Costs from every settlement to every
centre come from one Dijkstra call per chunk of centres, each centre a virtual source joined to both ends of its
road, never from one search per pair.
- nearest centre of each level: the cheapest centre at that level or a more central one;
- Hansen accessibility (Hansen 1959): A_i = sum_j M_j^gamma f(c_ij), by default with the negative exponential
  f = exp(-beta c) and beta = ln 2 / 30 min (a centre 30 minutes away counts half), a centre's own mass included
  at f(0); the power f = c^-beta (beta = 2, gravity) is the alternative. There is no universal beta: the half-life
  is a planning choice, to calibrate on local trip data when there are any (Geurs & van Wee 2004 recommend the
  negative exponential for regional travel-time accessibility);
- Huff: P_ij = M_j^alpha c_ij^-beta / sum_k M_k^alpha c_ik^-beta; the dominant centre has the largest P_ij;
- Reilly: the dominant centre maximises M_j / c_ij^2 (its breaking point lies beyond the settlement).
With power decay, costs below ``floor`` (1 minute) count as the floor, so that a centre's own settlement does not
divide by zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..network import snap_to_edges
from ..public_space.land_share import class_values
from ..text import HabitatError, number_list, tr
from .development_index import ranks

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..network import Snap, StreetGraph
    from ..text import Progress

    # Column or row numbers: a list, or an integer array.
    Indices = Union[Sequence[int], NDArray[np.int64]]

_EPSILON = 1e-9
DOMINANCE = ("huff", "reilly")
DECAYS = ("exponential", "power")
HALF_LIFE_MINUTES = 30.0
# Per minute: exp(-beta * 30) = 1/2, a centre 30 minutes away counts half (about 0.0231).
DEFAULT_EXP_BETA = math.log(2) / HALF_LIFE_MINUTES
POWER_BETA = 2.0  # the gravity exponent of the power decay, and of the Huff and Reilly choice models
# The beta sensitivity: the chosen beta first, then these multiples (with exponential decay: half-lives of 60, 40,
# 20 and 15 minutes around the default 30).
SENSITIVITY_FACTORS = (1.0, 0.5, 0.75, 1.5, 2.0)
# Plausible ranges: beyond them a value is a typing error (metres for kilometres...), refused with the reason.
MAX_SPEED_KMH = 200.0
MAX_BAND_MINUTES = 1440.0
MAX_BANDS = 20

# Default speeds (km/h) by OpenStreetMap-style road class, for a rural region; editable in the algorithm.
DEFAULT_SPEEDS_KMH = {
    "motorway": 80,
    "trunk": 70,
    "primary": 60,
    "secondary": 50,
    "tertiary": 40,
    "unclassified": 30,
    "residential": 25,
    "service": 20,
    "track": 15,
    "path": 5,
    "footway": 5,
}


def minutes_per_metre(speed_kmh: ArrayLike) -> NDArray[np.float64]:
    speed = np.asarray(speed_kmh, dtype=float)
    if np.any(~(speed > 0)):
        raise HabitatError(tr("Every road needs a speed above 0 km/h."))
    return 60.0 / (speed * 1000.0)


@dataclass
class EdgeEnds:
    """Each point (a settlement joined to its nearest road) and its road: the road's two end vertices and cost,
    the off-road cost to the road, and the cost from the point to each end."""

    u: NDArray[np.int64]
    v: NDArray[np.int64]
    cost: NDArray[np.float64]  # the whole road segment's cost
    connector: NDArray[np.float64]  # from the point to the road, off road
    to_u: NDArray[np.float64]
    to_v: NDArray[np.float64]


def edge_ends(graph: StreetGraph, snap: Snap, connector_cost_per_metre: float) -> EdgeEnds:
    """Where each snapped point enters ``graph``: off road to its edge, then along it to either end."""
    u, v, cost = graph.edge_u[snap.edge], graph.edge_v[snap.edge], graph.edge_cost[snap.edge]
    connector = snap.connector * connector_cost_per_metre
    return EdgeEnds(u, v, cost, connector, connector + snap.t * cost, connector + (1.0 - snap.t) * cost)


def cost_matrix(
    graph: StreetGraph,
    settlements_xy: ArrayLike,
    centre_rows: ArrayLike,
    connector_cost_per_metre: float,
    limit: float = np.inf,
    chunk: int = 64,
    progress: Optional[Progress] = None,
    snap_progress: Optional[Progress] = None,
    snap: Optional[Snap] = None,
    vertices: Optional[Indices] = None,
    vertex_costs: Optional[NDArray[np.float64]] = None,
) -> Tuple[NDArray[np.float64], Snap]:
    """(n_settlements, n_centres) network cost; ``centre_rows`` index the settlements that are centres.

    ``progress(fraction)`` is called after each chunk of centres, ``snap_progress`` while the settlements are joined
    to the roads (either may raise to cancel). With ``vertices`` and ``vertex_costs`` (n_centres, len(vertices)),
    the cost from each centre to those graph vertices is written there too (a scenario reads the baseline's costs to
    the vertices where new roads attach)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    settlements_xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    if not np.isfinite(settlements_xy).all():
        raise HabitatError(tr("Some settlements have coordinates that are not numbers."))
    if snap is None:  # the settlements joined to the roads already (a scenario joins them once per network)
        snap = snap_to_edges(graph, settlements_xy, progress=snap_progress)
    n = graph.n_vertices
    ends = edge_ends(graph, snap, connector_cost_per_metre)
    u, v, cost, connector, to_u, to_v = ends.u, ends.v, ends.cost, ends.connector, ends.to_u, ends.to_v
    base = graph.matrix.tocoo()
    centre_rows = np.asarray(centre_rows, dtype=np.int64)
    result = np.full((len(settlements_xy), len(centre_rows)), np.inf)
    for start in range(0, len(centre_rows), chunk):
        rows = centre_rows[start : start + chunk]
        c = len(rows)
        virtual = n + np.arange(c)
        augmented = coo_matrix(
            (
                np.concatenate([base.data, to_u[rows] + _EPSILON, to_v[rows] + _EPSILON]),
                (np.concatenate([base.row, virtual, virtual]), np.concatenate([base.col, u[rows], v[rows]])),
            ),
            shape=(n + c, n + c),
        ).tocsr()
        reach = dijkstra(augmented, directed=True, indices=virtual, limit=limit + _EPSILON)[:, :n] - _EPSILON
        if vertices is not None and vertex_costs is not None:
            vertex_costs[start : start + c] = reach[:, np.asarray(vertices, dtype=np.int64)]
        costs = np.minimum(to_u[:, None] + reach[:, u].T, to_v[:, None] + reach[:, v].T)
        same_edge = snap.edge[:, None] == snap.edge[rows][None, :]  # along the shared road directly
        direct = (
            connector[:, None]
            + connector[rows][None, :]
            + np.abs(snap.t[:, None] - snap.t[rows][None, :]) * cost[:, None]
        )
        costs = np.where(same_edge, np.minimum(costs, direct), costs)
        costs[rows, np.arange(c)] = 0.0  # a centre reaches itself at no cost
        result[:, start : start + c] = np.where(costs <= limit, costs, np.inf)
        if progress is not None:
            progress(min(start + c, len(centre_rows)) / len(centre_rows))
    return result, snap


def nearest_by_level(
    costs: NDArray[np.float64], centre_levels: ArrayLike, levels: Iterable[int]
) -> Dict[int, Tuple[NDArray[np.float64], NDArray[np.int64]]]:
    """For each level k: (cost, centre column) of the cheapest centre at level k or a more central one (1 = top)."""
    centre_levels = np.asarray(centre_levels)
    out: Dict[int, Tuple[NDArray[np.float64], NDArray[np.int64]]] = {}
    for level in levels:
        columns = np.nonzero(centre_levels <= level)[0]
        if len(columns) == 0:
            out[level] = (np.full(costs.shape[0], np.inf), np.full(costs.shape[0], -1))
            continue
        sub = costs[:, columns]
        best = np.argmin(sub, axis=1)
        cheapest = sub[np.arange(len(sub)), best]
        out[level] = (cheapest, np.where(np.isfinite(cheapest), columns[best], -1))
    return out


def _decay(costs: NDArray[np.float64], beta: float, decay: str, floor: float) -> NDArray[np.float64]:
    """exp(-beta c) (no floor: a cost of 0 gives 1) or max(c, floor)^-beta; infinite costs give 0."""
    if decay == "exponential":
        return np.exp(-beta * np.maximum(costs, 0.0))
    if decay == "power":
        return np.maximum(costs, floor) ** (-beta)
    raise HabitatError(tr('Unknown distance decay "{0}"; use one of {1}.', decay, ", ".join(DECAYS)))


def hansen(
    costs: NDArray[np.float64],
    mass: ArrayLike,
    centre_rows: Indices,
    gamma: float = 1.0,
    beta: float = DEFAULT_EXP_BETA,
    decay: str = "exponential",
    floor: float = 1.0,
    include_own: bool = False,
) -> NDArray[np.float64]:
    """Hansen accessibility A_i = sum_j M_j^gamma f(c_ij) of every settlement (rows of ``costs``) to the centres
    (columns, the settlements ``centre_rows``) with f = exp(-beta c) (``decay="exponential"``) or max(c, floor)^-beta
    (``"power"``). A centre's own mass is left out, or with ``include_own`` counted at f(0) (M^gamma with exponential
    decay, M^gamma floor^-beta with power decay), even when the centre has no road: its own people reach it."""
    weights = np.asarray(mass, dtype=float) ** gamma
    terms = np.where(np.isfinite(costs), weights[None, :] * _decay(costs, beta, decay, floor), 0.0)
    own = (np.asarray(centre_rows, dtype=np.int64), np.arange(len(centre_rows)))
    if include_own:
        terms[own] = weights * _decay(np.zeros(len(weights)), beta, decay, floor)
    else:
        terms[own] = 0.0
    return np.asarray(terms.sum(axis=1), dtype=float)


def accessibility_index(values: ArrayLike) -> NDArray[np.float64]:
    """Hansen values on a 0-100 log scale: 100 (ln A - ln A_min) / (ln A_max - ln A_min) over the settlements with
    A > 0 (A_min the smallest positive value), 0 where A = 0 (no centre reachable), NaN where A is NaN; a constant
    positive column gives 100.

    Hansen values span orders of magnitude (a village beside the capital sums a mass hundreds of times that of a
    remote one), so a linear min-max scaling squashes all but the few settlements next to the capital near 0; the
    logarithm keeps ratios visible: equal steps on the index are equal ratios of accessibility."""
    a = np.asarray(values, dtype=float)
    out = np.full(a.shape, np.nan)
    finite = np.isfinite(a)
    positive = finite & (a > 0)
    out[finite & ~positive] = 0.0
    if positive.any():
        logs = np.log(a[positive])
        low, high = float(logs.min()), float(logs.max())
        out[positive] = 100.0 if high - low <= 1e-12 else 100.0 * (logs - low) / (high - low)
    return out


def sensitivity_betas(beta: float) -> List[float]:
    """The betas of the sensitivity check: ``beta`` first, then its SENSITIVITY_FACTORS multiples."""
    return [beta * factor for factor in SENSITIVITY_FACTORS]


def _average_ranks(rank: NDArray[np.int64]) -> NDArray[np.float64]:
    """Ranks where ties share the better rank (1, 1, 3) turned into average ranks (1.5, 1.5, 3)."""
    values, counts = np.unique(rank, return_counts=True)
    tied = dict(zip(values.tolist(), counts.tolist()))
    return np.array([r + (tied[r] - 1) / 2.0 for r in rank.tolist()], dtype=float)


def beta_sensitivity(
    costs: NDArray[np.float64],
    mass: ArrayLike,
    centre_rows: Indices,
    betas: Sequence[float],
    decay: str,
    include_own: bool,
    gamma: float = 1.0,
) -> List[Tuple[float, float, float, int]]:
    """How far the accessibility ranking (1 = most accessible, ties sharing the better rank) moves when beta changes:
    [(beta, Spearman rho of the ranks against those of the first beta, mean |rank change|, largest |rank change|)].
    Rho is the Pearson correlation of the average ranks (as scipy.stats.spearmanr); NaN when either ranking is
    constant."""
    rows: List[Tuple[float, float, float, int]] = []
    base: Optional[NDArray[np.int64]] = None
    valid: Optional[NDArray[np.bool_]] = None
    for beta in betas:
        values = hansen(costs, mass, centre_rows, gamma=gamma, beta=beta, decay=decay, include_own=include_own)
        if valid is None:
            valid = np.isfinite(values)
        rank = ranks(values[valid])
        if base is None:
            base = rank
        x, y = _average_ranks(base), _average_ranks(rank)
        x, y = x - x.mean(), y - y.mean()
        spread = float(np.sqrt((x * x).sum() * (y * y).sum())) if len(x) else 0.0
        rho = float((x * y).sum() / spread) if spread > 0 else float("nan")
        moved = np.abs(rank - base)
        rows.append((float(beta), rho, float(moved.mean()) if len(moved) else 0.0, int(moved.max(initial=0))))
    return rows


def huff(
    costs: NDArray[np.float64], mass: ArrayLike, alpha: float = 1.0, beta: float = 2.0, floor: float = 1.0
) -> Tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Huff probabilities (rows sum to 1 where any centre is reachable) and the dominant centre column (-1: none)."""
    attraction = np.asarray(mass, dtype=float)[None, :] ** alpha * _decay(costs, beta, "power", floor)
    attraction = np.where(np.isfinite(costs), attraction, 0.0)
    total = attraction.sum(axis=1)
    probability = np.divide(attraction, total[:, None], out=np.zeros_like(attraction), where=total[:, None] > 0)
    return probability, np.where(total > 0, np.argmax(attraction, axis=1), -1)


def reilly(costs: NDArray[np.float64], mass: ArrayLike, floor: float = 1.0) -> NDArray[np.int64]:
    """Dominant centre column by Reilly's law of retail gravitation (-1 where no centre is reachable)."""
    pull = np.asarray(mass, dtype=float)[None, :] / np.maximum(costs, floor) ** 2
    pull = np.where(np.isfinite(costs), pull, 0.0)
    return np.where(pull.max(axis=1) > 0, np.argmax(pull, axis=1), -1)


def breaking_point(distance: float, mass_i: float, mass_j: float) -> float:
    """Reilly's breaking point: distance from centre i towards j where their influence is equal."""
    return distance / (1.0 + np.sqrt(mass_j / mass_i))


def dominant_centres(
    costs: NDArray[np.float64], mass: ArrayLike, method: str = "huff", beta: float = 2.0
) -> Tuple[NDArray[np.int64], NDArray[np.float64]]:
    """(dominant centre column (-1: none), its Huff probability (NaN with Reilly's law or without a centre))."""
    if method == "huff":
        probability, dominant = huff(costs, mass, beta=beta)
        share = np.where(dominant >= 0, probability[np.arange(len(dominant)), np.maximum(dominant, 0)], np.nan)
        return dominant, share
    dominant = reilly(costs, mass)
    return dominant, np.full(len(dominant), np.nan)


def parse_bands(text: Optional[str], name: Optional[str] = None) -> List[float]:
    """Bands in minutes (isochrone bands, or the ``name`` of the parameter in the messages): numbers above 0, at
    most a day; a HabitatError saying what is wrong otherwise."""
    name = name or tr("Isochrone bands")
    message = tr('{0} must be minutes separated by commas; got "{1}".', name, text or "")
    bands = number_list(text, message)
    if not bands or min(bands) <= 0:
        raise HabitatError(message)
    if max(bands) > MAX_BAND_MINUTES:
        raise HabitatError(
            tr(
                '{0} of more than {1} minutes (a day) are implausible; got "{2}".',
                name,
                f"{MAX_BAND_MINUTES:g}",
                text,
            )
        )
    if len(bands) > MAX_BANDS:
        raise HabitatError(tr("Give at most {0} bands for {1}; got {2}.", MAX_BANDS, name, len(bands)))
    return sorted(set(bands))


def speed_table(matrix: Optional[Iterable[Any]]) -> Dict[str, float]:
    """{road class: km/h} from the speed matrix (the defaults when empty); every speed a number above 0 and at most
    MAX_SPEED_KMH, else a HabitatError naming the road class."""
    flat = list(matrix or []) or [v for pair in DEFAULT_SPEEDS_KMH.items() for v in pair]
    if len(flat) % 2:
        raise HabitatError(tr("The speed table needs a speed for every road class."))
    table = class_values(flat)
    for name, speed in table.items():
        if not np.isfinite(speed) or speed <= 0 or speed > MAX_SPEED_KMH:
            raise HabitatError(
                tr(
                    "The speed of road class {0} is {1} km/h: give a speed above 0 and at most {2} km/h.",
                    name,
                    f"{speed:g}",
                    f"{MAX_SPEED_KMH:g}",
                )
            )
    return table
