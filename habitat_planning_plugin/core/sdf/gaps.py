"""Function gaps of a settlement system (methods.md §3.2, Rondinelli's functional analysis): the travel time from
every settlement to the nearest settlement offering each function, the functions each level of the hierarchy is
expected to offer, and the expected functions each settlement lacks.

- Expected functions: a function is expected at level k when at least ``share`` of the settlements of level k have
  it; what a less central level is expected to offer is expected at every more central one too (a town offers what
  a village does). A table given by the planner replaces the derived one, under the same rule.
- Travel time to the nearest provider: the cost model of accessibility.cost_matrix (off-road connector to the
  nearest road, along the snapped edge, then the network), computed with ONE multi-source Dijkstra per function:
  every provider is a virtual source joined to both ends of its road; a settlement's time is the cheaper of its
  edge's two ends, or the direct way along the edge to a provider on the same road.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from ..text import HabitatError, tr
from .accessibility import edge_ends
from .common import listed

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..network import Snap, StreetGraph
    from ..text import Progress

_EPSILON = 1e-9
DEFAULT_SHARE = 0.5
# Separators between function names in one cell of the expected-functions table.
_SEPARATORS = re.compile(r"[;；\n]")


def _presence(presence: ArrayLike) -> NDArray[np.bool_]:
    matrix = np.asarray(presence)
    if matrix.ndim != 2:
        raise HabitatError(tr("The presence of functions must be a table of settlements by functions."))
    return np.asarray(matrix > 0, dtype=bool)


def _levels(levels: ArrayLike, n: int) -> NDArray[np.int64]:
    values = np.asarray(levels, dtype=np.int64).reshape(-1)
    if len(values) != n:
        raise HabitatError(tr("Every settlement needs a hierarchy level (0: none)."))
    return values


def expected_functions(
    presence: ArrayLike, levels: ArrayLike, functions: Sequence[str], share: float = DEFAULT_SHARE
) -> Dict[int, List[str]]:
    """{level: expected functions} for every level present (1 = most central; 0 or less: no level, left out).

    A function is expected at level k when at least ``share`` (0 < share <= 1) of the settlements of level k have it,
    and at every level more central than a level expecting it. Functions keep the order of ``functions``."""
    matrix = _presence(presence)
    if matrix.shape[1] != len(functions):
        raise HabitatError(tr("The presence table has {0} functions but {1} names.", matrix.shape[1], len(functions)))
    if not (0.0 < share <= 1.0):
        raise HabitatError(tr("The share of settlements must be above 0 and at most 1; got {0}.", f"{share:g}"))
    values = _levels(levels, matrix.shape[0])
    present = sorted({int(level) for level in values if level >= 1})
    expected: Dict[int, List[str]] = {}
    carried = np.zeros(matrix.shape[1], dtype=bool)
    for level in reversed(present):  # least central first: its functions carry up to the more central levels
        members = matrix[values == level]
        carried |= members.mean(axis=0) >= share - 1e-12
        expected[level] = [name for name, wanted in zip(functions, carried) if wanted]
    return {level: expected[level] for level in present}


def _flat_pairs(rows: Iterable[object]) -> List[Tuple[object, object]]:
    """(level, text) pairs from a Processing matrix (a flat list level, text, level, text…) or from pairs."""
    items = list(rows or [])
    if items and all(isinstance(item, (list, tuple)) for item in items):
        pairs = []
        for item in items:
            pair = list(item)  # type: ignore[call-overload]
            if len(pair) != 2:
                raise HabitatError(tr("Each row of the expected functions needs a level and its functions."))
            pairs.append((pair[0], pair[1]))
        return pairs
    if len(items) % 2:
        raise HabitatError(tr("Each row of the expected functions needs a level and its functions."))
    return [(items[k], items[k + 1]) for k in range(0, len(items), 2)]


def _level_number(value: object) -> int:
    text = "" if value is None else str(value).strip()
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 1 or number != round(number):
        raise HabitatError(
            tr('"{0}" in the expected functions is not a hierarchy level (1, 2, 3…; 1 = most central).', text)
        )
    return int(number)


def parse_expected(
    rows: Optional[Iterable[object]], functions: Sequence[str], levels: Optional[Iterable[int]]
) -> Dict[int, List[str]]:
    """{level: expected functions} from the editable table: rows are (level, "function; function; …") pairs, or
    the flat list level, text, level, text… of a Processing matrix. Names are matched as written, else ignoring
    case; a level listed twice adds up. As for the derived table, what a less central level expects is expected at
    every more central one. ``levels``: the levels present in the data (every one gets an entry), or None (no check
    of the levels, e.g. before the data are read). An unknown function or level is a HabitatError naming it."""
    exact = {str(name).strip(): index for index, name in enumerate(functions)}
    folded: Dict[str, int] = {}
    for name, index in exact.items():
        folded.setdefault(name.casefold(), index)
    present = None if levels is None else sorted({int(level) for level in levels if int(level) >= 1})
    given: Dict[int, set] = {}
    for level_value, text in _flat_pairs(rows or []):
        level = _level_number(level_value)
        if present is not None and level not in present:
            raise HabitatError(
                tr(
                    "The expected functions name level {0}, which no settlement has; the levels are: {1}",
                    level,
                    listed(present),
                )
            )
        chosen = given.setdefault(level, set())
        for part in _SEPARATORS.split("" if text is None else str(text)):
            name = part.strip()
            if not name:
                continue
            index = exact.get(name, folded.get(name.casefold()))
            if index is None:
                raise HabitatError(
                    tr(
                        'The expected functions name "{0}", which is not a function of the data; the functions '
                        "are: {1}",
                        name,
                        listed(functions),
                    )
                )
            chosen.add(index)
    all_levels = sorted(set(given) | set(present or []))
    expected: Dict[int, List[str]] = {}
    carried: set = set()
    for level in reversed(all_levels):
        carried |= given.get(level, set())
        expected[level] = [functions[j] for j in sorted(carried)]
    return {level: expected[level] for level in all_levels}


def lacking(
    presence: ArrayLike, levels: ArrayLike, expected: Dict[int, List[str]], functions: Sequence[str]
) -> List[List[str]]:
    """For each settlement, the functions expected at its level (in the order of ``expected``) it does not have;
    none for a settlement without a level or at a level ``expected`` does not list."""
    matrix = _presence(presence)
    values = _levels(levels, matrix.shape[0])
    column = {name: j for j, name in enumerate(functions)}
    return [
        [name for name in expected.get(int(level), []) if not matrix[i, column[name]]] for i, level in enumerate(values)
    ]


def nearest_providers(
    graph: StreetGraph,
    snap: Snap,
    connector_cost_per_metre: float,
    presence: ArrayLike,
    progress: Optional[Progress] = None,
) -> Tuple[NDArray[np.float64], NDArray[np.int64]]:
    """((n, F) travel time to the nearest settlement having function j, (n, F) that settlement's row, -1: none).

    ``snap``: the settlements joined to ``graph`` (network.snap_to_edges), one row of ``presence`` each. The time
    is 0 at a settlement having the function, inf where no provider is reachable. One Dijkstra pass per function
    (the providers as virtual sources, min_only): fast on large networks. ``progress(fraction)`` after each function
    (it may raise to cancel)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    matrix = _presence(presence)
    n_settlements, n_functions = matrix.shape
    if len(snap.edge) != n_settlements:
        raise HabitatError(tr("Every settlement must be joined to the road network."))
    n = graph.n_vertices
    ends = edge_ends(graph, snap, connector_cost_per_metre)
    u, v, cost, connector, to_u, to_v = ends.u, ends.v, ends.cost, ends.connector, ends.to_u, ends.to_v
    base = graph.matrix.tocsr()
    minutes = np.full((n_settlements, n_functions), np.inf)
    provider = np.full((n_settlements, n_functions), -1, dtype=np.int64)
    everyone = np.arange(n_settlements)
    for j in range(n_functions):
        rows = np.flatnonzero(matrix[:, j])
        c = len(rows)
        if c:
            # The graph's CSR with c more rows: virtual vertex n + k joined to both ends of provider k's road.
            augmented = csr_matrix(
                (
                    np.concatenate([base.data, np.column_stack([to_u[rows], to_v[rows]]).ravel() + _EPSILON]),
                    np.concatenate(
                        [base.indices, np.column_stack([u[rows], v[rows]]).ravel().astype(base.indices.dtype)]
                    ),
                    np.concatenate([base.indptr, base.indptr[-1] + 2 * np.arange(1, c + 1)]).astype(base.indptr.dtype),
                ),
                shape=(n + c, n + c),
            )
            reach, _, source = dijkstra(
                augmented, directed=True, indices=n + np.arange(c), min_only=True, return_predecessors=True
            )
            via_u, via_v = to_u + reach[u] - _EPSILON, to_v + reach[v] - _EPSILON
            best = np.minimum(via_u, via_v)
            origin = np.where(via_u <= via_v, source[u], source[v]) - n
            best = np.where(np.isfinite(best), best, np.inf)
            origin = np.where(np.isfinite(best), rows[np.clip(origin, 0, c - 1)], -1)
            # Along a shared road directly: every (settlement, provider) pair on the same edge.
            order = np.argsort(snap.edge[rows], kind="stable")
            provider_edges = snap.edge[rows][order]
            low = np.searchsorted(provider_edges, snap.edge, side="left")
            high = np.searchsorted(provider_edges, snap.edge, side="right")
            counts = high - low
            if counts.any():
                pair_settlement = np.repeat(everyone, counts)
                offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
                pair_provider = rows[order[np.repeat(low, counts) + offsets]]
                direct = (
                    connector[pair_settlement]
                    + connector[pair_provider]
                    + np.abs(snap.t[pair_settlement] - snap.t[pair_provider]) * cost[pair_settlement]
                )
                ranked = np.lexsort((direct, pair_settlement))  # cheapest pair of each settlement first
                first = np.ones(len(ranked), dtype=bool)
                first[1:] = pair_settlement[ranked][1:] != pair_settlement[ranked][:-1]
                chosen = ranked[first]
                who, time = pair_settlement[chosen], direct[chosen]
                better = time < best[who]
                best[who[better]], origin[who[better]] = time[better], pair_provider[chosen][better]
            best[rows], origin[rows] = 0.0, rows  # a provider serves itself
            minutes[:, j], provider[:, j] = best, origin
        if progress is not None:
            progress((j + 1) / n_functions)
    return minutes, provider


def provider_minutes(
    graph: StreetGraph,
    snap: Snap,
    connector_cost_per_metre: float,
    presence: ArrayLike,
    progress: Optional[Progress] = None,
) -> NDArray[np.float64]:
    """(n, F) network travel time from each settlement to the nearest settlement having function j (the cost model
    of accessibility.cost_matrix); 0 where the settlement has it, inf where no provider is reachable."""
    return nearest_providers(graph, snap, connector_cost_per_metre, presence, progress)[0]
