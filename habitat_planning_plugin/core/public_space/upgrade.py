"""Which existing public spaces to upgrade first: quality combined with the people who depend on each space.

The city-wide public space assessment (UN-Habitat 2020) asks to determine the public spaces that need upgrading;
no formula is published. This module keeps the rule transparent:

- **Dependants** of a space: the people whose nearest space along the street network it is, within the walking
  distance. The network, the entrances and the way people join it are those of SDG 11.7.1 (b)
  (``core.public_space.access``): one shortest-path pass from every entrance at once, in which each street vertex
  also records which space its nearest entrance belongs to. A person takes the label of the end of their street
  segment through which their walk is shortest. Every person counted as served by the access indicator depends on
  exactly one space, so the dependants of all spaces add up to the population served.
- **Priority** (0-100) of a surveyed space: ``need_pts + people_pts`` with
  ``need_pts = 100 * w_need / (w_need + w_people) * (100 - quality index) / 100`` and
  ``people_pts = 100 * w_people / (w_need + w_people) * dependants / most dependants of a surveyed space``.
  Both parts are kept, so a reader sees why a space ranks where it does. Rank 1 is upgraded first; equal scores
  are ordered by dependants. Spaces without a quality index have no score: they come last, most dependants
  first (survey these first).
- **Weakest dimensions**: the two lowest dimension scores of each space (questionnaire order among equals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Tuple, Union

import numpy as np

from ..geometry import PolygonSet, distance_to_polygons, polygon_of_points
from ..network import (
    _EPSILON,
    StreetGraph,
    build_graph,
    insert_vertices,
    point_distances,
)
from ..text import HabitatError, tr
from .access import snap_people, street_entrances
from .report_values import finite_or_none

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..network import Lines
    from ..report.charts import Picture
    from ..text import Progress


@dataclass
class Dependants:
    graph: StreetGraph
    vertex_distance: NDArray[np.float64]  # network distance of every vertex to its nearest space (inf beyond the limit)
    vertex_space: NDArray[np.int64]  # index of that space, -1 where none is within the limit
    point_space: NDArray[np.int64]  # per population point: the space it depends on, -1 for none within the distance
    point_distance: NDArray[np.float64]  # per population point: network distance to the nearest space
    people: NDArray[np.float64]  # (n_spaces, n_groups) dependants of every space
    entrances: NDArray[np.int64]  # number of entrance vertices of every space
    mid_segment_entrances: int = 0
    far_from_streets_population: float = 0.0  # group 0, people farther than the walking distance from any street
    point_district: Optional[NDArray[np.int64]] = None  # per point, index of the district holding it, -1 outside all


def space_entrances(
    graph: StreetGraph,
    spaces: PolygonSet,
    entry_tolerance: float,
) -> Tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64]]:
    """(vertices, start costs, space of each): vertices inside a space or within ``entry_tolerance`` of one, as
    ``access.entry_points`` finds them, with the index (in ``spaces``) of the nearest such space."""
    distance, owner = distance_to_polygons(graph.xy, spaces, entry_tolerance)
    entries = np.nonzero(np.isfinite(distance))[0]
    return entries, distance[entries], owner[entries]


def nearest_source(
    graph: StreetGraph, sources: ArrayLike, initial_cost: Optional[ArrayLike], label: ArrayLike, limit: float = np.inf
) -> Tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Distance from the nearest source to every vertex and that source's ``label`` (-1 beyond ``limit``).

    The distances are those of ``network.multi_source_distances`` (the same pass, with one virtual vertex per
    source joined to it by its initial cost); scipy's ``min_only`` Dijkstra also says which virtual vertex, hence
    which source, each vertex was reached from. Of equally near sources either may be named."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    sources = np.asarray(sources, dtype=np.int64)
    label = np.asarray(label, dtype=np.int64)
    n = graph.n_vertices
    if len(sources) == 0:
        return np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    cost = np.zeros(len(sources)) if initial_cost is None else np.asarray(initial_cost, dtype=float)
    order = np.lexsort((label, cost, sources))  # each source once, with its lowest cost
    sources, cost, label = sources[order], cost[order], label[order]
    first = np.ones(len(sources), dtype=bool)
    first[1:] = sources[1:] != sources[:-1]
    sources, cost, label = sources[first], cost[first], label[first]
    k = len(sources)
    base = graph.matrix.tocsr()
    index_type = base.indices.dtype if n + k < np.iinfo(base.indices.dtype).max else np.int64
    augmented = csr_matrix(
        (
            np.concatenate([base.data, cost + _EPSILON]),
            np.concatenate([base.indices, sources]).astype(index_type),
            np.concatenate([base.indptr, base.indptr[-1] + np.arange(1, k + 1)]).astype(index_type),
        ),
        shape=(n + k, n + k),
    )
    distances, _, reached_from = dijkstra(
        augmented,
        directed=True,
        indices=np.arange(n, n + k),
        min_only=True,
        return_predecessors=True,
        limit=limit + _EPSILON,
    )
    reached_from = reached_from[:n]
    vertex_label = np.where(reached_from >= n, label[np.clip(reached_from - n, 0, k - 1)], -1)
    distance = np.maximum(distances[:n] - _EPSILON, 0.0)
    vertex_label[~np.isfinite(distance)] = -1
    return distance, vertex_label


def space_dependants(
    lines: Lines,
    spaces: Sequence[Optional[BaseGeometry]],
    points: ArrayLike,
    weights: ArrayLike,
    max_distance: float = 400.0,
    entry_tolerance: float = 25.0,
    tolerance: float = 0.01,
    mid_segment_entrances: bool = True,
    districts: Optional[Sequence[Optional[BaseGeometry]]] = None,
    progress: Optional[Progress] = None,
) -> Dependants:
    """Dependants of every space of ``spaces`` (shapely polygons; None for a space without geometry):
    ``weights`` is (n_points, n_groups), group 0 the total. The network steps are those of
    ``access.public_space_access`` without an urban extent."""
    report = progress or (lambda fraction: None)
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    weights = np.asarray(weights, dtype=float).reshape(len(points), -1)
    if len(points) == 0 or not np.any(weights[:, 0] > 0):
        raise HabitatError(tr("The population input holds no people (all values are zero, empty or nodata)."))
    prepared = PolygonSet(list(spaces))
    if not prepared.index:
        raise HabitatError(tr("There is no public space to measure access to."))
    graph = build_graph(lines, tolerance)
    report(0.1)
    added = 0
    if mid_segment_entrances and entry_tolerance > 0:
        edge, t = street_entrances(graph, prepared, entry_tolerance)
        before = graph.n_vertices
        graph, _ = insert_vertices(graph, edge, t, tolerance)
        added = graph.n_vertices - before
    entries, start_cost, entry_space = space_entrances(graph, prepared, entry_tolerance)
    if len(entries) == 0:
        raise HabitatError(
            tr(
                "No street reaches a public space: no street passes inside a space or within {0} m of one. "
                "Check that streets and spaces overlap, or raise the entry tolerance.",
                f"{entry_tolerance:g}",
            )
        )
    report(0.25)
    vertex_distance, vertex_space = nearest_source(graph, entries, start_cost, entry_space, max_distance)
    report(0.4)
    snap, far = snap_people(graph, points, weights, vertex_distance, max_distance, lambda f: report(0.4 + 0.4 * f))
    distance = point_distances(graph, snap, vertex_distance)
    along = snap.t * graph.edge_cost[snap.edge]
    end_u, end_v = graph.edge_u[snap.edge], graph.edge_v[snap.edge]
    via_u = along + vertex_distance[end_u]
    via_v = graph.edge_cost[snap.edge] - along + vertex_distance[end_v]
    space = np.where(via_u <= via_v, vertex_space[end_u], vertex_space[end_v])
    point_space = np.where(distance <= max_distance, space, -1)
    n_spaces = len(spaces)
    served = point_space >= 0
    people = np.zeros((n_spaces, weights.shape[1]))
    np.add.at(people, point_space[served], weights[served])
    entrances = np.bincount(entry_space, minlength=n_spaces)
    report(0.9)
    result = Dependants(
        graph,
        vertex_distance,
        vertex_space,
        point_space,
        distance,
        people,
        entrances,
        added,
        float(weights[far, 0].sum()),
    )
    if districts:
        result.point_district = polygon_of_points(points, PolygonSet(list(districts)))
    report(1.0)
    return result


@dataclass
class Priority:
    surveyed: NDArray[np.bool_]  # bool per space: it has a quality index
    need_pts: NDArray[np.float64]  # points of the score from low quality (nan when not surveyed)
    people_pts: NDArray[np.float64]  # points of the score from dependants (nan when not surveyed)
    priority: NDArray[np.float64]  # need_pts + people_pts, 0-100 (nan when not surveyed)
    rank: NDArray[np.int64]  # 1 = upgrade first; spaces without a quality index after every surveyed one


def priority_scores(
    quality_index: ArrayLike, dependants: ArrayLike, need_weight: float = 0.5, people_weight: float = 0.5
) -> Priority:
    """Priority of every space from its quality index (0-100, nan when not surveyed) and dependants (group 0)."""
    quality = np.asarray(quality_index, dtype=float)
    people = np.asarray(dependants, dtype=float)
    if not (np.isfinite(need_weight) and np.isfinite(people_weight)) or need_weight < 0 or people_weight < 0:
        raise HabitatError(tr("The weights of need and of people must be 0 or more."))
    total = need_weight + people_weight
    if total <= 0:
        raise HabitatError(tr("The weights of need and of people are both 0: give at least one a weight above 0."))
    surveyed = np.isfinite(quality)
    need = (100.0 - np.clip(quality, 0.0, 100.0)) / 100.0
    most = float(people[surveyed].max()) if surveyed.any() else 0.0
    share = people / most if most > 0 else np.zeros(len(people))
    need_pts = np.where(surveyed, 100.0 * need_weight / total * need, np.nan)
    people_pts = np.where(surveyed, 100.0 * people_weight / total * share, np.nan)
    priority = need_pts + people_pts
    index = np.arange(len(quality))
    # Surveyed first by score, then by dependants, then the poorer quality; the others by dependants.
    order = np.lexsort(
        (index, np.where(surveyed, quality, 0.0), -people, -np.where(surveyed, priority, -1.0), ~surveyed)
    )
    rank = np.empty(len(quality), dtype=np.int64)
    rank[order] = np.arange(1, len(quality) + 1)
    return Priority(surveyed, need_pts, people_pts, priority, rank)


def weakest_dimensions(
    scores: Union[NDArray[np.float64], Sequence[Sequence[float]]],
    count: int = 2,
) -> Tuple[NDArray[np.int64], NDArray[np.float64]]:
    """(dimension index, score) of the ``count`` lowest scores of every space: ``scores`` is (n_spaces,
    n_dimensions) with nan where a dimension has no score; index -1 and nan where fewer are scored. Of equal scores
    the earlier dimension comes first."""
    scores = np.asarray(scores, dtype=float).reshape(len(scores), -1)
    n, d = scores.shape
    keyed = np.where(np.isfinite(scores), scores, np.inf)
    order = np.argsort(keyed, axis=1, kind="stable")[:, :count]
    values = np.take_along_axis(keyed, order, axis=1) if d else np.empty((n, 0))
    index = np.full((n, count), -1, dtype=np.int64)
    value = np.full((n, count), np.nan)
    taken = min(count, d)
    ok = np.isfinite(values[:, :taken])
    index[:, :taken] = np.where(ok, order[:, :taken], -1)
    value[:, :taken] = np.where(ok, values[:, :taken], np.nan)
    return index, value


def weakest_summary(
    scores: Union[NDArray[np.float64], Sequence[Sequence[float]]], surveyed: ArrayLike, dependants: ArrayLike
) -> List[Tuple[int, float, Optional[float], Optional[float]]]:
    """Per dimension: (spaces where it is the weakest, their dependants, mean score, mean score weighted by
    dependants), over the surveyed spaces. A space whose lowest score is shared by several dimensions counts for
    each of them."""
    scores = np.asarray(scores, dtype=float).reshape(len(scores), -1)
    surveyed = np.asarray(surveyed, dtype=bool)
    people = np.asarray(dependants, dtype=float)
    rows = []
    lowest = np.nanmin(np.where(np.isfinite(scores), scores, np.inf), axis=1) if scores.shape[1] else None
    for column in range(scores.shape[1]):
        values = scores[:, column]
        scored = surveyed & np.isfinite(values)
        weakest = scored & (values == lowest)
        weight = people[scored]
        rows.append(
            (
                int(weakest.sum()),
                float(people[weakest].sum()),
                float(values[scored].mean()) if scored.any() else None,
                float((values[scored] * weight).sum() / weight.sum()) if weight.sum() > 0 else None,
            )
        )
    return rows


def district_dependants(
    point_district: NDArray[np.int64],
    point_space: NDArray[np.int64],
    surveyed: ArrayLike,
    weights: ArrayLike,
    n_districts: int,
) -> List[Tuple[float, float, float, float]]:
    """Per district of residence (group 0): (population, depending on a surveyed space, on a space without a
    quality index, on none within the walking distance)."""
    weights = np.asarray(weights, dtype=float).reshape(len(point_space), -1)[:, 0]
    surveyed = np.asarray(surveyed, dtype=bool)
    served = point_space >= 0
    on_surveyed = served & surveyed[np.maximum(point_space, 0)]
    rows = []
    for district in range(n_districts):
        inside = point_district == district
        population = float(weights[inside].sum())
        rows.append(
            (
                population,
                float(weights[inside & on_surveyed].sum()),
                float(weights[inside & served & ~on_surveyed].sum()),
                float(weights[inside & ~served].sum()),
            )
        )
    return rows


def group_fields(groups: Sequence[object]) -> List[str]:
    """dep_<group> field names of the dependants of each population group: lower case letters, digits and
    underscores, each used once."""
    names: List[str] = []
    for number, group in enumerate(groups, start=1):
        stem = re.sub(r"[^0-9a-z_]+", "_", str(group).lower()).strip("_") or f"group_{number}"
        name = f"dep_{stem}"
        while name in names:
            name += f"_{number}"
        names.append(name)
    return names


def ranking_rows(
    ids: Sequence[Any],
    names: Sequence[Any],
    districts: Sequence[Any],
    quality: Sequence[Optional[float]],
    labels: Sequence[str],
    scores: Union[NDArray[np.float64], Sequence[Sequence[float]]],
    result: Dependants,
    scored: Priority,
) -> Tuple[List[List[Any]], NDArray[np.int64]]:
    """(rows, order): the upgrade ranking, one row per space in ranking order (``order``: the input index of each
    row). A row is [space_id, name, district, surveyed (0/1), quality index, weakest dimension, its score, second
    weakest, its score, dependants, dependants of each group…, need_pts, people_pts, priority, rank], None for
    what a space does not have. ``labels`` name the columns of ``scores`` (n_spaces, n_dimensions)."""
    weakest, weakest_score = weakest_dimensions(scores)
    dependants = result.people[:, 0]
    order = np.argsort(scored.rank, kind="stable")
    rows = []
    for index in order:
        first, second = weakest[index]
        rows.append(
            [
                ids[index],
                names[index],
                districts[index],
                int(scored.surveyed[index]),
                finite_or_none(quality[index]),
                labels[first] if first >= 0 else None,
                finite_or_none(weakest_score[index, 0]),
                labels[second] if second >= 0 else None,
                finite_or_none(weakest_score[index, 1]),
                float(dependants[index]),
            ]
            + [float(v) for v in result.people[index]]
            + [
                finite_or_none(scored.need_pts[index]),
                finite_or_none(scored.people_pts[index]),
                finite_or_none(scored.priority[index]),
                int(scored.rank[index]),
            ]
        )
    return rows, order


def contribution_chart(
    names: Sequence[object],
    need_pts: ArrayLike,
    people_pts: ArrayLike,
    title: str,
    need_label: str,
    people_label: str,
    xlabel: str,
) -> Picture:
    """(png, warning): one horizontal bar per space, the need part and the people part stacked, the first space
    on top."""
    from ..report.charts import FIGURE_WIDTH, _png, _pyplot, _rc, font_family

    plt = _pyplot()
    families, warning = font_family(title, need_label, people_label, xlabel, *names)
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, 1.2 + 0.32 * max(len(names), 1)))
        rows = np.arange(len(names))[::-1]
        need = np.nan_to_num(np.asarray(need_pts, dtype=float))
        people = np.nan_to_num(np.asarray(people_pts, dtype=float))
        axes.barh(rows, need, color="#de2d26", label=need_label)
        axes.barh(rows, people, left=need, color="#3182bd", label=people_label)
        axes.set_yticks(rows)
        axes.set_yticklabels([str(name) for name in names])
        axes.set_xlim(0, 100)
        axes.set_xlabel(xlabel)
        axes.set_title(title)
        axes.grid(axis="x", alpha=0.3)
        axes.legend(loc="lower right")
        return _png(figure, warning)
