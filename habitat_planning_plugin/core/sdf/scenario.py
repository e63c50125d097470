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
with D'(a, ·) the scenario's cost from a (one Dijkstra per attachment vertex instead of one per centre). Better
still, a centre that no new road brings closer to any baseline vertex (no pair of attachment vertices with
cost(c, a) + new-road cost(a, b) < cost(c, b)) keeps its baseline costs, completed for the settlements that now
join a new road, without any search. Centres that now join a new road, centres new to the scenario, and every
centre when an upgrade is slower than the road it replaces (a path of the baseline would then not be one of the
scenario) are computed directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, List, Optional, Sequence, Tuple

import numpy as np

from ..network import Snap, build_graph, snap_to_edges, subgraph
from ..text import HabitatError, tr
from .accessibility import cost_matrix, edge_ends

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

    from ..network import StreetGraph
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
    base_lines: Sequence[NDArray[np.float64]],
    base_cost_per_metre: ArrayLike,
    new_lines: Sequence[NDArray[np.float64]],
    new_cost_per_metre: ArrayLike,
    settlements_xy: ArrayLike,
    max_off_road: float,
    join_distance: float = JOIN_DISTANCE,
    progress: Optional[Progress] = None,
) -> ScenarioNetworks:
    """The baseline and the scenario networks, vertex numbers shared, each settlement joined to both."""
    base_costs = np.asarray(base_cost_per_metre, dtype=float)
    new_costs = np.asarray(new_cost_per_metre, dtype=float)
    usable = [index for index, line in enumerate(base_lines) if len(line) >= 2]
    if not usable:
        raise HabitatError(tr("The baseline road network has no lines."))
    if len(usable) < len(base_lines):
        base_lines, base_costs = [base_lines[i] for i in usable], base_costs[usable]
    drawn = [index for index, line in enumerate(new_lines) if len(line) >= 2]
    new_lines, new_costs = [new_lines[i] for i in drawn], new_costs[drawn] if len(new_costs) else new_costs
    counts = np.fromiter((len(line) for line in base_lines), dtype=np.int64, count=len(base_lines))
    coords = np.asarray(np.concatenate(base_lines), dtype=float)[:, :2]
    joined, loose = join_ends(new_lines, coords, join_distance) if len(new_lines) else ([], [])
    n_base = len(base_lines)
    full = build_graph(
        (
            np.concatenate([coords] + joined),
            np.concatenate([counts, np.array([len(line) for line in joined], dtype=np.int64)]),
        ),
        cost_per_metre=np.concatenate([base_costs, new_costs]),
        adjacency=False,
    )
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
    base_snap = snap_to_edges(base_graph, xy, progress=progress)
    in_scenario = np.full(full.n_edges, -1, dtype=np.int64)
    in_scenario[np.flatnonzero(~replaced)] = np.arange(int((~replaced).sum()))
    kept_edge = in_scenario[np.flatnonzero(old)[base_snap.edge]]  # -1: replaced by an upgrade
    scenario_snap = _scenario_snap(scenario_graph, n_base, base_snap, kept_edge, xy)
    networks = [
        RoadNetwork(base_graph, base_snap, base_snap.connector <= max_off_road),
        RoadNetwork(scenario_graph, scenario_snap, scenario_snap.connector <= max_off_road),
    ]
    old_edge = np.where(networks[0].connected, kept_edge, -1)
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


def _scenario_snap(
    graph: StreetGraph, n_base_lines: int, base_snap: Snap, kept_edge: NDArray[np.int64], xy: NDArray[np.float64]
) -> Snap:
    """Each settlement joined to the nearest road of the scenario: its baseline road (kept, the lower numbered of
    equally near roads, as snap_to_edges takes), or a new road nearer still, found among the new roads only."""
    new = np.flatnonzero(graph.edge_line >= n_base_lines)
    edge, t, connector = kept_edge.copy(), base_snap.t.copy(), base_snap.connector.copy()
    if len(new):
        on_new = snap_to_edges(subgraph(graph, graph.edge_line >= n_base_lines), xy)
        nearer = (kept_edge < 0) | (on_new.connector < base_snap.connector)
        edge[nearer], t[nearer], connector[nearer] = (
            new[on_new.edge[nearer]],
            on_new.t[nearer],
            on_new.connector[nearer],
        )
    return Snap(edge, t, connector)


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
    vertices: Optional[NDArray[np.int64]] = None,
    vertex_costs: Optional[NDArray[np.float64]] = None,
) -> NDArray[np.float64]:
    """(settlements, centres) travel cost on ``network``; settlements without a road within reach get inf, to and
    from every centre. With
    ``vertices``, the cost from each centre to them is written into ``vertex_costs`` (centres, vertices)."""
    costs, _ = cost_matrix(
        network.graph,
        settlements_xy,
        centre_rows,
        connector_cost_per_metre,
        chunk=chunk,
        progress=progress,
        snap=network.snap,
        vertices=vertices,
        vertex_costs=vertex_costs,
    )
    costs[~network.connected, :] = np.inf
    costs[:, ~network.connected[np.asarray(centre_rows, dtype=np.int64)]] = np.inf  # nor is a centre without a road
    return costs


def old_road_snap(networks: ScenarioNetworks) -> Snap:
    """Each settlement on its baseline road, as edges of the scenario's graph (its new road where the baseline road
    was replaced or is out of reach: no second way then)."""
    base, scenario = networks.base.snap, networks.scenario.snap
    kept = networks.old_edge >= 0
    return Snap(
        np.where(kept, networks.old_edge, scenario.edge),
        np.where(kept, base.t, scenario.t),
        np.where(kept, base.connector, scenario.connector),
    )


def both_ways(networks: ScenarioNetworks) -> Snap:
    """Every settlement twice: first on its nearest road of the scenario, then on its baseline road (rows n..2n-1);
    a search over both takes the cheaper way out of each."""
    scenario, old = networks.scenario.snap, old_road_snap(networks)
    return Snap(
        np.concatenate([scenario.edge, old.edge]),
        np.concatenate([scenario.t, old.t]),
        np.concatenate([scenario.connector, old.connector]),
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
    xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    costs, _ = cost_matrix(
        networks.scenario.graph,
        np.vstack([xy, xy]),
        np.asarray(centre_rows, dtype=np.int64),
        connector_cost_per_metre,
        chunk=chunk,
        progress=progress,
        snap=both_ways(networks),
    )
    result = np.minimum(costs[:n], costs[n:])
    result[~networks.scenario.connected, :] = np.inf
    result[:, ~networks.scenario.connected[np.asarray(centre_rows, dtype=np.int64)]] = np.inf
    return result


def scenario_costs(
    networks: ScenarioNetworks,
    settlements_xy: ArrayLike,
    base_costs: NDArray[np.float64],
    base_centres: ArrayLike,
    scenario_centres: ArrayLike,
    connector_cost_per_metre: float,
    base_attachment_costs: Optional[NDArray[np.float64]] = None,
    chunk: int = 16,
    progress: Optional[Progress] = None,
    method: str = "auto",
    reach: Optional[AttachmentReach] = None,
) -> NDArray[np.float64]:
    """(settlements, scenario centres) travel cost on the scenario network, from the baseline's ``base_costs``
    (settlements, ``base_centres``) where that is exact (see the module's note), directly elsewhere. Equal to
    ``scenario_direct_costs(networks, …)``.

    With ``base_attachment_costs`` (base centres, attachment vertices; cost_matrix's ``vertex_costs``), a centre
    whose baseline costs no new road can shorten — no pair of attachment vertices a, b with
    cost(c, a) + new-road cost(a, b) < cost(c, b) — keeps its baseline column, completed for the settlements that
    join a new road; no search at all. The other centres take one search from each attachment vertex, or one
    search each, whichever is fewer (``reach``: the attachment vertices searched already, for the functions too).
    ``method`` "direct" or "attachments" forces one way (for the tests)."""
    xy = np.asarray(settlements_xy, dtype=float).reshape(-1, 2)
    base_centres = np.asarray(base_centres, dtype=np.int64)
    scenario_centres = np.asarray(scenario_centres, dtype=np.int64)
    changed = networks.changed()
    column_of = {int(row): column for column, row in enumerate(base_centres)}
    from_baseline = np.array([int(row) in column_of and not changed[row] for row in scenario_centres], dtype=bool) & (
        not networks.slower
    )
    result = np.full((len(xy), len(scenario_centres)), np.inf)
    done = np.zeros(len(scenario_centres), dtype=bool)  # columns filled from the baseline without a search
    if method == "direct":
        from_baseline[:] = False
    if base_attachment_costs is not None and method == "auto" and from_baseline.any():
        candidates = np.flatnonzero(from_baseline)
        base_columns = np.array([column_of[int(row)] for row in scenario_centres[candidates]], dtype=np.int64)
        kept = _unchanged_centres(networks, base_attachment_costs[base_columns])
        if kept.any():
            result[:, candidates[kept]] = _kept_columns(
                networks,
                base_costs[:, base_columns[kept]],
                base_attachment_costs[base_columns[kept]],
                connector_cost_per_metre,
            )
            from_baseline[candidates[kept]] = False
            done[candidates[kept]] = True
    attachments = networks.attachments
    if method == "auto" and reach is None and len(attachments) >= from_baseline.sum():
        from_baseline[:] = False  # as many searches either way: directly
    direct = np.flatnonzero(~from_baseline & ~done)
    if len(direct):
        result[:, direct] = scenario_direct_costs(
            networks, xy, scenario_centres[direct], connector_cost_per_metre, progress=_part(progress, 0, 2)
        )
    columns = np.flatnonzero(from_baseline)
    if len(columns):
        rows = scenario_centres[columns]
        if reach is None:
            reach = attachment_reach(networks, connector_cost_per_metre, chunk, _part(progress, 1, 2))
        result[:, columns] = _through_attachments(
            networks, base_costs[:, [column_of[int(row)] for row in rows]], rows, reach
        )
    return result


@dataclass
class AttachmentReach:
    """Scenario costs from each attachment vertex (rows) to each settlement (columns)."""

    way_out: NDArray[np.float64]  # by the cheaper of the settlement's roads, new or baseline
    by_new: NDArray[np.float64]  # by its new (nearest) road: how a centre, which joins its nearest road, is reached


def attachment_reach(
    networks: ScenarioNetworks, connector_cost_per_metre: float, chunk: int = 16, progress: Optional[Progress] = None
) -> AttachmentReach:
    """One search from each attachment vertex on the scenario network."""
    from scipy.sparse.csgraph import dijkstra

    graph, attachments = networks.scenario.graph, networks.attachments
    ends = [
        edge_ends(graph, snap, connector_cost_per_metre) for snap in (networks.scenario.snap, old_road_snap(networks))
    ]
    n = len(networks.scenario.snap.edge)
    way_out, by_new = np.full((len(attachments), n), np.inf), np.full((len(attachments), n), np.inf)
    for start in range(0, len(attachments), chunk):
        reach = dijkstra(graph.matrix, directed=True, indices=attachments[start : start + chunk])
        new, old = (np.minimum(e.to_u[None, :] + reach[:, e.u], e.to_v[None, :] + reach[:, e.v]) for e in ends)
        by_new[start : start + chunk] = new
        way_out[start : start + chunk] = np.minimum(new, old)
        if progress is not None:
            progress(min(start + chunk, len(attachments)) / len(attachments))
    unreached = ~networks.scenario.connected
    way_out[:, unreached] = by_new[:, unreached] = np.inf
    return AttachmentReach(way_out, by_new)


def scenario_provider_minutes(
    networks: ScenarioNetworks,
    base_minutes: NDArray[np.float64],
    presence: ArrayLike,
    scenario_presence: ArrayLike,
    connector_cost_per_metre: float,
    reach: Optional[AttachmentReach] = None,
    progress: Optional[Progress] = None,
) -> NDArray[np.float64]:
    """(settlements, functions) minutes to the nearest provider on the scenario network (0 at a provider, inf
    where none is reachable), every settlement by either of its roads and every provider reached by either of its
    roads. A function whose providers are those of the baseline, none of them on a new road, is taken from
    ``base_minutes`` and the attachment vertices (``reach``): t'(x, f) = min(t(x, f), min_a D'(a, x) + min_p D'(a, p));
    the others are searched (one search per function)."""
    from .gaps import nearest_providers

    before, after = np.asarray(presence) > 0, np.asarray(scenario_presence) > 0
    changed = networks.changed()
    n, functions = after.shape
    result = np.full((n, functions), np.inf)
    searched = []
    for j in range(functions):
        if (
            reach is None
            or networks.slower
            or not np.array_equal(before[:, j], after[:, j])
            or (changed & after[:, j]).any()
        ):
            searched.append(j)
            continue
        minutes = base_minutes[:, j].copy()
        minutes[networks.old_edge < 0] = np.inf  # their baseline road is gone (upgraded) or out of reach
        if len(networks.attachments) and after[:, j].any():
            to_provider = reach.way_out[:, after[:, j]].min(axis=1)  # (attachments,)
            minutes = np.minimum(minutes, (reach.way_out + to_provider[:, None]).min(axis=0))
        result[:, j] = minutes
    if searched:
        twice, _ = nearest_providers(
            networks.scenario.graph,
            both_ways(networks),
            connector_cost_per_metre,
            np.vstack([after[:, searched]] * 2),
            progress,
        )
        result[:, searched] = np.minimum(twice[:n], twice[n:])
    result[~networks.scenario.connected] = np.inf
    result[after] = 0.0
    return result


def _new_road_costs(networks: ScenarioNetworks) -> Tuple[NDArray[np.float64], NDArray[np.int64]]:
    """(cost from each attachment vertex to each vertex of the new roads along new roads only, the column of each
    graph vertex in it (-1: not on a new road))."""
    from scipy.sparse.csgraph import dijkstra

    from ..network import _adjacency

    graph = networks.scenario.graph
    new = graph.edge_line >= networks.n_base_lines
    on_new = np.unique(np.concatenate([graph.edge_u[new], graph.edge_v[new]]))
    column = np.full(graph.n_vertices, -1, dtype=np.int64)
    column[on_new] = np.arange(len(on_new))
    small = _adjacency(column[graph.edge_u[new]], column[graph.edge_v[new]], graph.edge_cost[new], len(on_new))
    return dijkstra(small, directed=True, indices=column[networks.attachments]), column


def _unchanged_centres(networks: ScenarioNetworks, attachment_costs: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Which centres (rows of ``attachment_costs``: baseline cost to each attachment vertex) no new road brings
    closer to any baseline vertex: cost(c, a) + new-road cost(a, b) >= cost(c, b) for every pair."""
    if len(networks.attachments) == 0:
        return np.ones(len(attachment_costs), dtype=bool)
    between, column = _new_road_costs(networks)
    pairs = between[:, column[networks.attachments]]  # (a, b)
    kept = np.ones(len(attachment_costs), dtype=bool)
    for row, costs in enumerate(attachment_costs):
        kept[row] = not np.any(costs[:, None] + pairs < costs[None, :] - 1e-9)
    return kept


def _kept_columns(
    networks: ScenarioNetworks,
    base_columns: NDArray[np.float64],
    attachment_costs: NDArray[np.float64],
    connector_cost_per_metre: float,
) -> NDArray[np.float64]:
    """The scenario costs of centres no new road brings closer: the baseline's, for each settlement by its baseline
    road where it still has it, and by its new road (through the attachment vertices and the new roads)."""
    known = base_columns.copy()
    known[networks.old_edge < 0, :] = np.inf  # their baseline road is gone (upgraded) or out of reach
    rows = np.flatnonzero(networks.changed())
    if len(rows) and len(networks.attachments):
        between, column = _new_road_costs(networks)
        graph, snap = networks.scenario.graph, networks.scenario.snap
        ends = edge_ends(graph, snap, connector_cost_per_metre)
        u, v, to_u, to_v = ends.u[rows], ends.v[rows], ends.to_u[rows], ends.to_v[rows]
        # (attachments, changed settlements): along the new roads from each attachment vertex to each settlement.
        way_in = np.minimum(between[:, column[u]] + to_u[None, :], between[:, column[v]] + to_v[None, :])
        changed = known[rows]
        for a in range(len(networks.attachments)):
            np.minimum(changed, attachment_costs[:, a][None, :] + way_in[a][:, None], out=changed)
        known[rows] = changed
    known[~networks.scenario.connected, :] = np.inf
    return known


def _through_attachments(
    networks: ScenarioNetworks,
    known: NDArray[np.float64],
    rows: NDArray[np.int64],
    reach: AttachmentReach,
) -> NDArray[np.float64]:
    """cost'(x, c) = min(cost(x, c), min_a D'(a, x) + D'(a, c)), from the searches of the attachment vertices."""
    known = known.copy()
    known[networks.old_edge < 0, :] = np.inf  # their baseline road is gone (upgraded) or out of reach
    for way_out, to_centre in zip(reach.way_out, reach.by_new[:, rows]):
        np.minimum(known, way_out[:, None] + to_centre[None, :], out=known)
    known[~networks.scenario.connected, :] = np.inf
    return known
