"""Accessibility and territorial influence of centres (methods.md §3.3).

Travel costs are network costs (minutes with speeds by road class): a settlement joins the nearest point of the
nearest road (off-road at the connector cost) and travels along the network. Costs from every settlement to every
centre come from one Dijkstra call per chunk of centres, each centre a virtual source joined to both ends of its
road, never from one search per pair.
- nearest centre of each level: the cheapest centre at that level or a more central one;
- Hansen accessibility: A_i = sum_j M_j^gamma f(c_ij), f = c^-beta (power) or exp(-beta c), other centres only;
- Huff: P_ij = M_j^alpha c_ij^-beta / sum_k M_k^alpha c_ik^-beta; the dominant centre has the largest P_ij;
- Reilly: the dominant centre maximises M_j / c_ij^2 (its breaking point lies beyond the settlement).
Costs below ``floor`` (1 minute) count as the floor, so that a centre's own settlement does not divide by zero.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..network import snap_to_edges
from ..public_space.land_share import class_values
from ..text import HabitatError, number_list, tr

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..network import Snap, StreetGraph
    from ..text import Progress

    # Column or row numbers: a list, or an integer array.
    Indices = Union[Sequence[int], NDArray[np.int64]]

_EPSILON = 1e-9
DOMINANCE = ("huff", "reilly")
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


def cost_matrix(
    graph: StreetGraph,
    settlements_xy: ArrayLike,
    centre_rows: ArrayLike,
    connector_cost_per_metre: float,
    limit: float = np.inf,
    chunk: int = 64,
    progress: Optional[Progress] = None,
    snap_progress: Optional[Progress] = None,
) -> Tuple[NDArray[np.float64], Snap]:
    """(n_settlements, n_centres) network cost; ``centre_rows`` index the settlements that are centres.

    ``progress(fraction)`` is called after each chunk of centres, ``snap_progress`` while the settlements are joined
    to the roads (either may raise to cancel)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    settlements_xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    if not np.isfinite(settlements_xy).all():
        raise HabitatError(tr("Some settlements have coordinates that are not numbers."))
    snap = snap_to_edges(graph, settlements_xy, progress=snap_progress)
    n = graph.n_vertices
    u, v, cost = graph.edge_u[snap.edge], graph.edge_v[snap.edge], graph.edge_cost[snap.edge]
    connector = snap.connector * connector_cost_per_metre
    to_u, to_v = connector + snap.t * cost, connector + (1.0 - snap.t) * cost  # from each point to its edge's ends
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
    clipped = np.maximum(costs, floor)
    return np.exp(-beta * clipped) if decay == "exponential" else clipped ** (-beta)


def hansen(
    costs: NDArray[np.float64],
    mass: ArrayLike,
    centre_rows: Indices,
    gamma: float = 1.0,
    beta: float = 2.0,
    decay: str = "power",
    floor: float = 1.0,
) -> NDArray[np.float64]:
    """Hansen accessibility of every settlement to the centres' masses (a centre's own mass left out)."""
    weights = np.asarray(mass, dtype=float) ** gamma
    terms = weights[None, :] * _decay(costs, beta, decay, floor)
    terms[np.asarray(centre_rows), np.arange(len(centre_rows))] = 0.0
    return np.where(np.isfinite(costs), terms, 0.0).sum(axis=1)


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


def parse_bands(text: Optional[str]) -> List[float]:
    """Isochrone bands in minutes: numbers above 0, at most a day; a HabitatError saying what is wrong otherwise."""
    message = tr('Isochrone bands must be minutes separated by commas; got "{0}".', text)
    bands = number_list(text, message)
    if not bands or min(bands) <= 0:
        raise HabitatError(message)
    if max(bands) > MAX_BAND_MINUTES:
        raise HabitatError(
            tr(
                'Isochrone bands of more than {0} minutes (a day) are implausible; got "{1}".',
                f"{MAX_BAND_MINUTES:g}",
                text,
            )
        )
    if len(bands) > MAX_BANDS:
        raise HabitatError(tr("Give at most {0} isochrone bands; got {1}.", MAX_BANDS, len(bands)))
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
