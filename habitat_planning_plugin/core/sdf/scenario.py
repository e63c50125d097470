"""What-if scenarios of the SDF (phase C, the planned structure): the same network on a baseline and on a scenario
with roads added or upgraded, and the travel costs of both, the scenario's computed from the baseline's where that
is exact (methods.md §3.6).

Networks: the baseline's lines and the scenario's new lines make one graph, so that both networks number their
vertices alike. A new line's ends within ``join_distance`` of a baseline vertex are moved onto it (a road drawn
by hand rarely ends exactly on a vertex). A new segment on the same two vertices as a baseline segment replaces it
(an upgrade: copy the road into the scenario layer and change its class); any other new segment is added.

A settlement joins its nearest road in each network; in the scenario it may still take its baseline road when that
is quicker (a new road adds a way out, it never takes one away), while a centre joins its nearest road.

Costs: a shortest path of the scenario that uses no new road is a path of the baseline; one that does passes
through an attachment vertex a, where a new road meets a baseline road. So, for a settlement x and a centre c that
both still join a baseline road,
    cost'(x, c) = min(cost(x, c), min_a D'(a, x) + D'(a, c))
with D'(a, ·) the scenario's cost from a (one Dijkstra per attachment vertex instead of one per centre). Centres
that now join a new road, centres new to the scenario, and every centre when an upgrade is slower than the road it
replaces (a path of the baseline would then not be one of the scenario) are computed directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, List, Optional, Sequence, Tuple

import numpy as np

from ..network import build_graph, snap_to_edges, subgraph
from ..text import HabitatError, tr
from .accessibility import cost_matrix

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..network import Snap, StreetGraph
    from ..text import Progress

JOIN_DISTANCE = 100.0  # metres: a new road's end this close to a baseline vertex is joined to it


@dataclass
class RoadNetwork:
    graph: StreetGraph
    snap: Snap  # each settlement joined to its nearest road
    connected: NDArray[np.bool_]  # settlements within the largest off-road distance of a road


@dataclass
class ScenarioNetworks:
    base: RoadNetwork
    scenario: RoadNetwork
    n_base_lines: int
    attachments: NDArray[np.int64]  # vertices where a new road meets a baseline road of the scenario
    replaced: int  # baseline segments replaced by a new segment on the same vertices (upgrades)
    slower: bool  # some replacement is slower than the segment it replaces
    # Each settlement's baseline road as an edge of the scenario's graph (-1: replaced by an upgrade, or too far).
    old_edge: NDArray[np.int64] = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    loose_ends: List[int] = field(default_factory=list)  # new lines (index) with an end joined to nothing

    def new_edges(self) -> NDArray[np.bool_]:
        """Which edges of the scenario's graph are new."""
        return np.asarray(self.scenario.graph.edge_line >= self.n_base_lines)

    def changed(self) -> NDArray[np.bool_]:
        """Settlements that join a new road in the scenario (they may also be newly connected)."""
        on_new = self.scenario.graph.edge_line[self.scenario.snap.edge] >= self.n_base_lines
        return np.asarray(on_new & self.scenario.connected)


def join_ends(
    lines: Sequence[ArrayLike], vertices: ArrayLike, distance: float = JOIN_DISTANCE
) -> Tuple[List[NDArray[np.float64]], List[int]]:
    """``lines`` with each end moved onto the nearest of ``vertices`` within ``distance`` (metres), and the indices
    of the lines with an end that joined nothing."""
    from scipy.spatial import cKDTree

    vertices = np.asarray(vertices, dtype=float).reshape(-1, 2)
    tree = cKDTree(vertices) if len(vertices) else None
    joined: List[NDArray[np.float64]] = []
    loose: List[int] = []
    for index, line in enumerate(lines):
        coords = np.array(line, dtype=float)[:, :2]
        free = False
        for end in (0, -1):
            if tree is None:
                free = True
                continue
            gap, nearest = tree.query(coords[end])
            if gap <= distance:
                coords[end] = vertices[nearest]
            else:
                free = True
        if free:
            loose.append(index)
        joined.append(coords)
    return joined, loose


def scenario_networks(
    base_lines: Sequence[ArrayLike],
    base_cost_per_metre: ArrayLike,
    new_lines: Sequence[ArrayLike],
    new_cost_per_metre: ArrayLike,
    settlements_xy: ArrayLike,
    max_off_road: float,
    join_distance: float = JOIN_DISTANCE,
    progress: Optional[Progress] = None,
) -> ScenarioNetworks:
    """The baseline and the scenario networks, vertex numbers shared, each settlement joined to both."""
    base: List[NDArray[np.float64]] = [np.asarray(line, dtype=float)[:, :2] for line in base_lines]
    if not base:
        raise HabitatError(tr("The baseline road network has no lines."))
    base_vertices = np.unique(np.concatenate(base), axis=0)
    joined, loose = join_ends(new_lines, base_vertices, join_distance)
    costs = np.concatenate([np.asarray(base_cost_per_metre, dtype=float), np.asarray(new_cost_per_metre, dtype=float)])
    full = build_graph(base + joined, cost_per_metre=costs[: len(base) + len(joined)])
    n_base = len(base)
    old = full.edge_line < n_base
    pair = np.minimum(full.edge_u, full.edge_v) * np.int64(full.n_vertices) + np.maximum(full.edge_u, full.edge_v)
    new_pairs = pair[~old]
    replaced = old & np.isin(pair, new_pairs)
    slower = False
    if replaced.any():
        # The cheapest new segment on each replaced pair against the baseline segment it replaces.
        order = np.argsort(new_pairs)
        sorted_pairs, sorted_cost = new_pairs[order], full.edge_cost[~old][order]
        starts = np.flatnonzero(np.r_[True, sorted_pairs[1:] != sorted_pairs[:-1]])
        cheapest = np.minimum.reduceat(sorted_cost, starts)
        position = np.searchsorted(sorted_pairs[starts], pair[replaced])
        slower = bool(np.any(cheapest[position] > full.edge_cost[replaced] * (1 + 1e-9)))
    base_graph = subgraph(full, old)
    scenario_graph = subgraph(full, ~replaced)
    xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    networks = []
    for number, graph in enumerate((base_graph, scenario_graph)):
        snap = snap_to_edges(graph, xy, progress=_part(progress, number, 2))
        networks.append(RoadNetwork(graph, snap, snap.connector <= max_off_road))
    in_scenario = np.full(full.n_edges, -1, dtype=np.int64)
    in_scenario[np.flatnonzero(~replaced)] = np.arange(int((~replaced).sum()))
    old_edge = in_scenario[np.flatnonzero(old)[networks[0].snap.edge]]
    old_edge[~networks[0].connected] = -1
    new = scenario_graph.edge_line >= n_base
    touches_new = np.zeros(full.n_vertices, dtype=bool)
    touches_new[scenario_graph.edge_u[new]] = touches_new[scenario_graph.edge_v[new]] = True
    touches_old = np.zeros(full.n_vertices, dtype=bool)
    touches_old[scenario_graph.edge_u[~new]] = touches_old[scenario_graph.edge_v[~new]] = True
    return ScenarioNetworks(
        networks[0],
        networks[1],
        n_base,
        np.flatnonzero(touches_new & touches_old),
        int(replaced.sum()),
        slower,
        old_edge,
        loose,
    )


def _part(progress: Optional[Progress], number: int, parts: int) -> Optional[Progress]:
    if progress is None:
        return None
    report = progress
    return lambda fraction: report((number + fraction) / parts)


def network_costs(
    network: RoadNetwork,
    settlements_xy: ArrayLike,
    centre_rows: ArrayLike,
    connector_cost_per_metre: float,
    chunk: int = 64,
    progress: Optional[Progress] = None,
) -> NDArray[np.float64]:
    """(settlements, centres) travel cost on ``network``; settlements without a road within reach get inf."""
    costs, _ = cost_matrix(
        network.graph,
        settlements_xy,
        centre_rows,
        connector_cost_per_metre,
        chunk=chunk,
        progress=progress,
        snap=network.snap,
    )
    costs[~network.connected, :] = np.inf
    return costs


def old_road_snap(networks: ScenarioNetworks) -> Snap:
    """Each settlement on its baseline road, as edges of the scenario's graph (its new road where the baseline road
    was replaced or is out of reach: no second way then)."""
    from ..network import Snap

    base, scenario = networks.base.snap, networks.scenario.snap
    kept = networks.old_edge >= 0
    return Snap(
        np.where(kept, networks.old_edge, scenario.edge),
        np.where(kept, base.t, scenario.t),
        np.where(kept, base.connector, scenario.connector),
    )


def scenario_direct_costs(
    networks: ScenarioNetworks,
    settlements_xy: ArrayLike,
    centre_rows: ArrayLike,
    connector_cost_per_metre: float,
    chunk: int = 64,
    progress: Optional[Progress] = None,
) -> NDArray[np.float64]:
    """(settlements, centres) travel cost on the scenario network, every centre searched: the cheaper of each
    settlement's ways out, its new nearest road or its baseline road."""
    from ..network import Snap

    xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    scenario, old = networks.scenario.snap, old_road_snap(networks)
    both = Snap(
        np.concatenate([scenario.edge, old.edge]),
        np.concatenate([scenario.t, old.t]),
        np.concatenate([scenario.connector, old.connector]),
    )
    costs, _ = cost_matrix(
        networks.scenario.graph,
        np.vstack([xy, xy]),
        np.asarray(centre_rows, dtype=np.int64),
        connector_cost_per_metre,
        chunk=chunk,
        progress=progress,
        snap=both,
    )
    result = np.minimum(costs[:n], costs[n:])
    result[~networks.scenario.connected, :] = np.inf
    return result


def scenario_costs(
    networks: ScenarioNetworks,
    settlements_xy: ArrayLike,
    base_costs: NDArray[np.float64],
    base_centres: ArrayLike,
    scenario_centres: ArrayLike,
    connector_cost_per_metre: float,
    chunk: int = 16,
    progress: Optional[Progress] = None,
) -> NDArray[np.float64]:
    """(settlements, scenario centres) travel cost on the scenario network, from the baseline's ``base_costs``
    (settlements, ``base_centres``) where that is exact (see the module's note), directly elsewhere. Equal to
    ``scenario_direct_costs(networks, …)``."""
    from scipy.sparse.csgraph import dijkstra

    xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    base_centres = np.asarray(base_centres, dtype=np.int64)
    scenario_centres = np.asarray(scenario_centres, dtype=np.int64)
    scenario = networks.scenario
    changed = networks.changed()
    column_of = {int(row): column for column, row in enumerate(base_centres)}
    shortcut = np.array([int(row) in column_of and not changed[row] for row in scenario_centres], dtype=bool) & (
        not networks.slower
    )
    attachments = networks.attachments
    if len(attachments) >= shortcut.sum():  # as many searches either way: compute every centre directly
        shortcut[:] = False
    result = np.full((len(xy), len(scenario_centres)), np.inf)
    direct = np.flatnonzero(~shortcut)
    if len(direct):
        result[:, direct] = scenario_direct_costs(
            networks, xy, scenario_centres[direct], connector_cost_per_metre, progress=_part(progress, 0, 2)
        )
    columns = np.flatnonzero(shortcut)
    if len(columns):
        rows = scenario_centres[columns]
        known = base_costs[:, [column_of[int(row)] for row in rows]].copy()
        known[networks.old_edge < 0, :] = np.inf  # their baseline road is gone (upgraded) or out of reach
        graph = scenario.graph
        ends = [_edge_ends(graph, snap, connector_cost_per_metre) for snap in (scenario.snap, old_road_snap(networks))]
        for start in range(0, len(attachments), chunk):
            reach = dijkstra(graph.matrix, directed=True, indices=attachments[start : start + chunk])
            # (attachments, settlements): from each attachment vertex to each settlement by its new road, and by
            # its baseline road; a centre is reached by its own (new) road.
            by_new, by_old = (
                np.minimum(to_u[None, :] + reach[:, u], to_v[None, :] + reach[:, v]) for u, v, to_u, to_v in ends
            )
            for way_out, to_centre in zip(np.minimum(by_new, by_old), by_new[:, rows]):
                np.minimum(known, way_out[:, None] + to_centre[None, :], out=known)
            if progress is not None:
                progress(0.5 + 0.5 * min(start + chunk, len(attachments)) / len(attachments))
        known[~scenario.connected, :] = np.inf
        result[:, columns] = known
    return result


def _edge_ends(
    graph: StreetGraph, snap: Snap, connector_cost_per_metre: float
) -> Tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64], NDArray[np.float64]]:
    """(u, v, cost to u, cost to v) of each settlement's edge on ``graph``."""
    u, v, cost = graph.edge_u[snap.edge], graph.edge_v[snap.edge], graph.edge_cost[snap.edge]
    connector = snap.connector * connector_cost_per_metre
    return u, v, connector + snap.t * cost, connector + (1.0 - snap.t) * cost
