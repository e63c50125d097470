"""Who is not served, where: the people beyond walking distance of an open public space, as points and as clusters.

Everything starts from ``access.public_space_access`` (one run, the same distances and the same "served"): the
unserved population of an area and group is exactly its population less its served population from the access
summary rows, so the two tools never disagree.

Clusters are the contiguous unserved areas. The unserved people are put on a square grid (``cell_size`` metres,
aligned so that the centres of a population grid of that size fall on cell centres); the cells holding unserved
people are labelled by 8-connectivity (cells touching at a corner belong to one cluster) with
``scipy.ndimage.label``, district by district: a cluster ends at a district boundary (each cell belongs to the
district holding most of its people), so that every cluster is one district's to act on. Each cluster carries
its people by group, its area (cells × cell area), the mean
(population-weighted) and largest walking distance of its people to the nearest space, the people with no space
within the search distance, and the district holding most of its people. Clusters with fewer people than
``min_population`` (group 0) are dropped: their people stay among the unserved points (cluster -1) and are
counted apart. The kept clusters are numbered by population, 1 the largest. A cluster's polygon is the union of
its cells: row runs merged into rectangles, then one union per cluster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Set, Union

import numpy as np

from ..text import HabitatError, tr
from .access import NETWORK, AccessResult

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    from ..network import Lines
    from ..text import Progress

MAX_GRID_CELLS = 50_000_000  # the cluster grid over the unserved people; beyond this, ask for larger cells


@dataclass
class Cluster:
    number: int  # 1 = most people
    shape: BaseGeometry  # shapely Polygon or MultiPolygon: the union of its cells
    population: NDArray[np.float64]  # (n_groups,) unserved people of each group
    cells: int
    area_ha: float
    mean_distance: float  # population-weighted mean walking distance of its people with a reachable space (nan: none)
    max_distance: float  # largest such distance (nan: none)
    unreachable: float  # people (group 0) with no space within the search distance
    district: int  # index of the district holding most of its people; -1 when none does


@dataclass
class GapsResult:
    access: AccessResult
    group_names: List[str]
    field_names: List[str]  # pop_<group>, one per group, unique
    point_index: NDArray[np.int64]  # unserved points, as indices into the analysed points (access arrays)
    input_index: NDArray[np.int64]  # the same points as indices into the population input
    xy: NDArray[np.float64]  # (m, 2)
    weights: NDArray[np.float64]  # (m, n_groups)
    # (m,) walking distance to the nearest space; inf when none within the search distance
    distance: NDArray[np.float64]
    district: NDArray[np.int64]  # (m,) district index, -1 outside all
    cluster: NDArray[np.int64]  # (m,) kept cluster number, -1 in none
    clusters: List[Cluster] = field(default_factory=list)  # by number
    dropped_clusters: int = 0  # clusters with fewer people than the minimum
    dropped_population: Optional[NDArray[np.float64]] = None  # (n_groups,) their people
    # district (None: all analysed), group, population, served, unserved…
    rows: List[Dict[str, Any]] = field(default_factory=list)
    cell_size: float = 100.0
    district_names: List[str] = field(default_factory=list)


def field_names(group_names: Sequence[object]) -> List[str]:
    """``pop_<group>`` per group: lower case, every run of characters other than letters and digits made ``_``;
    a name already taken gets ``_2``, ``_3``…"""
    names: List[str] = []
    taken: Set[str] = set()
    for group in group_names:
        stem = "pop_" + (re.sub(r"[\W_]+", "_", str(group).lower()).strip("_") or "group")
        name, number = stem, 2
        while name in taken:
            name, number = f"{stem}_{number}", number + 1
        taken.add(name)
        names.append(name)
    return names


def unserved_gaps(
    access: AccessResult,
    points: Union[NDArray[np.float64], Sequence[Sequence[float]]],
    weights: ArrayLike,
    group_names: Sequence[str],
    district_names: Optional[Sequence[str]] = (),
    cell_size: float = 100.0,
    min_population: float = 50.0,
    search_distance: Optional[float] = None,
    split_at_districts: bool = True,
    progress: Optional[Progress] = None,
) -> GapsResult:
    """The unserved people of an access result (``points`` and ``weights`` as given to ``public_space_access``)
    as points, clusters and a table by district and group. Walking distances beyond ``search_distance`` (the
    access run's distance limit) count as no space within reach (inf). With ``split_at_districts`` a cluster
    ends at a district boundary: each cell belongs to the district holding most of its people."""
    report = progress or (lambda fraction: None)
    if not cell_size > 0:
        raise HabitatError(tr("The cluster cell size must be larger than 0 m."))
    weights = np.asarray(weights, dtype=float).reshape(len(points), -1)
    kept = access.kept_points if access.kept_points is not None else np.arange(len(points))
    points = np.asarray(points, dtype=float).reshape(-1, 2)[kept]
    weights = weights[kept]
    district_of_point = (
        access.district_of_point if access.district_of_point is not None else np.full(len(points), -1, dtype=np.int64)
    )
    unserved = np.nonzero(~access.served & np.any(weights > 0, axis=1))[0]
    result = GapsResult(
        access,
        list(group_names),
        field_names(group_names),
        unserved,
        kept[unserved],
        points[unserved],
        weights[unserved],
        access.point_distance[unserved],
        np.asarray(district_of_point)[unserved].astype(np.int64),
        np.full(len(unserved), -1, dtype=np.int64),
        cell_size=float(cell_size),
        district_names=list(district_names or []),
    )
    result.dropped_population = np.zeros(weights.shape[1])
    if search_distance is not None:
        result.distance = np.where(result.distance <= search_distance, result.distance, np.inf)
    report(0.1)
    if len(unserved):
        _clusters(result, min_population, split_at_districts, lambda fraction: report(0.1 + 0.85 * fraction))
    result.rows = gap_rows(access, result)
    report(1.0)
    return result


def _majority_district(
    cell_of_point: NDArray[np.int64], n_cells: int, district: NDArray[np.int64], people: NDArray[np.float64]
) -> NDArray[np.int64]:
    """The district of each cell: the one holding most of its people (-1, outside all, is one of the choices;
    equal shares go to the lower index)."""
    order = np.lexsort((district, cell_of_point))
    cell, where = cell_of_point[order], district[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (cell[1:] != cell[:-1]) | (where[1:] != where[:-1])
    starts = np.nonzero(first)[0]
    sums = np.add.reduceat(people[order], starts) if len(starts) else np.empty(0)
    pair_cell, pair_district = cell[starts], where[starts]
    best = np.lexsort((pair_district, -sums, pair_cell))  # per cell: most people first, then the lower index
    chosen = best[np.r_[True, pair_cell[best][1:] != pair_cell[best][:-1]]]
    result = np.full(n_cells, -1, dtype=np.int64)
    result[pair_cell[chosen]] = pair_district[chosen]
    return result


def _clusters(result: GapsResult, min_population: float, split_at_districts: bool, report: Progress) -> None:
    from scipy import ndimage

    cell = result.cell_size
    xy, weights = result.xy, result.weights
    origin = xy.min(axis=0) - cell / 2.0
    column_row = np.floor((xy - origin) / cell).astype(np.int64)
    n_cols, n_rows = column_row.max(axis=0) + 1
    if n_cols * n_rows > MAX_GRID_CELLS:
        raise HabitatError(
            tr(
                "The unserved people spread over {0} × {1} cells of {2} m: too many. Choose a larger "
                "cluster cell size.",
                f"{n_cols:,}",
                f"{n_rows:,}",
                f"{cell:g}",
            )
        )
    flat = column_row[:, 1] * n_cols + column_row[:, 0]
    cell_ids, cell_of_point = np.unique(flat, return_inverse=True)
    if split_at_districts and result.district_names:
        cell_district = _majority_district(cell_of_point, len(cell_ids), result.district, weights[:, 0])
    else:
        cell_district = np.zeros(len(cell_ids), dtype=np.int64)
    # Connected cells (corners included) of one district at a time: a cluster never crosses a district boundary.
    cell_label, count = np.zeros(len(cell_ids), dtype=np.int64), 0
    structure = np.ones((3, 3), dtype=bool)
    order = np.argsort(cell_district, kind="stable")
    splits = np.nonzero(np.diff(cell_district[order]))[0] + 1
    for chosen in np.split(order, splits):
        rows, columns = np.divmod(cell_ids[chosen], n_cols)
        row0, column0 = rows.min(), columns.min()
        part = np.zeros((rows.max() - row0 + 1, columns.max() - column0 + 1), dtype=bool)
        part[rows - row0, columns - column0] = True
        labels, found = ndimage.label(part, structure=structure)
        cell_label[chosen] = labels[rows - row0, columns - column0] + count
        count += found
    label_of_point = cell_label[cell_of_point]  # 1..count
    report(0.2)
    groups = weights.shape[1]
    population = np.zeros((count + 1, groups))
    for column in range(groups):
        population[:, column] = np.bincount(label_of_point, weights[:, column], minlength=count + 1)
    keep = population[:, 0] >= min_population
    keep[0] = False
    result.dropped_clusters = int(count - keep[1:].sum())
    result.dropped_population = population[1:][~keep[1:]].sum(axis=0)
    # Kept clusters numbered by population (most first; equal populations in label order).
    kept_labels = np.nonzero(keep)[0]
    kept_labels = kept_labels[np.argsort(-population[kept_labels, 0], kind="stable")]
    number_of_label = np.zeros(count + 1, dtype=np.int64)
    number_of_label[kept_labels] = np.arange(1, len(kept_labels) + 1)
    numbered = np.zeros(n_rows * n_cols, dtype=np.int32)  # per grid cell: 0 = in no kept cluster
    numbered[cell_ids] = number_of_label[cell_label]
    point_number = number_of_label[label_of_point]
    result.cluster = np.where(point_number > 0, point_number, -1)
    n_kept = len(kept_labels)
    if n_kept == 0:
        return

    # Walking distances and districts of each cluster's people.
    on = point_number > 0
    number, distance, people = point_number[on], result.distance[on], weights[on, 0]
    finite = np.isfinite(distance)
    reached_people = np.bincount(number[finite], people[finite], minlength=n_kept + 1)
    distance_sum = np.bincount(number[finite], people[finite] * distance[finite], minlength=n_kept + 1)
    unreachable = np.bincount(number[~finite], people[~finite], minlength=n_kept + 1)
    largest = np.full(n_kept + 1, -np.inf)
    np.maximum.at(largest, number[finite], distance[finite])
    cells = np.bincount(number_of_label[cell_label], minlength=n_kept + 1)
    n_districts = len(result.district_names)
    district_of = np.full(n_kept + 1, -1, dtype=np.int64)
    inside = result.district[on] >= 0
    if n_districts and inside.any():
        key = number[inside] * n_districts + result.district[on][inside]
        by_district = np.bincount(key, people[inside], minlength=(n_kept + 1) * n_districts).reshape(-1, n_districts)
        best = by_district.argmax(axis=1)
        district_of = np.where(by_district[np.arange(n_kept + 1), best] > 0, best, -1)
    report(0.3)

    shapes = cluster_shapes(
        numbered.reshape(n_rows, n_cols), n_kept, origin, cell, lambda fraction: report(0.3 + 0.7 * fraction)
    )
    for number in range(1, n_kept + 1):
        label = kept_labels[number - 1]
        result.clusters.append(
            Cluster(
                number,
                shapes[number - 1],
                population[label].copy(),
                int(cells[number]),
                float(cells[number]) * cell * cell / 10_000.0,
                float(distance_sum[number] / reached_people[number]) if reached_people[number] > 0 else float("nan"),
                float(largest[number]) if np.isfinite(largest[number]) else float("nan"),
                float(unreachable[number]),
                int(district_of[number]),
            )
        )


def cluster_shapes(
    numbered: NDArray[np.integer[Any]],
    n_clusters: int,
    origin: Sequence[float],
    cell: float,
    progress: Optional[Progress] = None,
) -> List[BaseGeometry]:
    """The union of the cells of each cluster 1..n_clusters of the grid ``numbered`` (rows from ``origin`` up,
    0 = none): runs along rows, runs of equal columns in successive rows merged into rectangles, one union each."""
    from shapely.geometry import box
    from shapely.ops import unary_union

    report = progress or (lambda fraction: None)
    n_rows, n_cols = numbered.shape
    padded = np.zeros((n_rows, n_cols + 2), dtype=numbered.dtype)
    padded[:, 1:-1] = numbered
    row, column = np.nonzero(padded[:, 1:] != padded[:, :-1])  # column: the grid column a run starts or ends at
    # A change of value ends the run on its left (unless 0) and starts one on its right (unless 0); in each row
    # starts and ends alternate, so the k-th start and the k-th end are one run.
    starts = padded[row, column + 1] != 0
    ends = padded[row, column] != 0
    run_row, run_start, run_end = row[starts], column[starts], column[ends]
    run_label = padded[run_row, run_start + 1]
    # Runs with the same cluster and columns in successive rows: one rectangle.
    order = np.lexsort((run_row, run_end, run_start, run_label))
    run_row, run_start, run_end, run_label = run_row[order], run_start[order], run_end[order], run_label[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (
        (run_label[1:] != run_label[:-1])
        | (run_start[1:] != run_start[:-1])
        | (run_end[1:] != run_end[:-1])
        | (run_row[1:] != run_row[:-1] + 1)
    )
    first = np.nonzero(new)[0]
    last = np.r_[first[1:], len(order)] - 1
    x0, y0 = origin
    left, right = x0 + run_start[first] * cell, x0 + run_end[first] * cell
    bottom, top = y0 + run_row[first] * cell, y0 + (run_row[last] + 1) * cell
    label = run_label[first]
    bounds = np.searchsorted(label, np.arange(1, n_clusters + 2))
    shapes: List[BaseGeometry] = []
    for number in range(1, n_clusters + 1):
        begin, stop = bounds[number - 1], bounds[number]
        boxes = [
            box(*corners) for corners in zip(left[begin:stop], bottom[begin:stop], right[begin:stop], top[begin:stop])
        ]
        shapes.append(boxes[0] if len(boxes) == 1 else unary_union(boxes))
        if number % 64 == 0:
            report(number / n_clusters)
    report(1.0)
    return shapes


def gap_rows(access: AccessResult, result: GapsResult) -> List[Dict[str, Any]]:
    """Per area (all analysed people: district None; then each district) and group: population, served, unserved
    = population − served (the access summary rows, network method), its share and the kept clusters there."""
    per_district = (
        np.bincount([c.district for c in result.clusters if c.district >= 0], minlength=len(result.district_names))
        if result.clusters
        else np.zeros(len(result.district_names), dtype=np.int64)
    )
    rows: List[Dict[str, Any]] = []
    seen = 0
    groups = len(result.group_names)
    for row in access.rows:
        if row["method"] != NETWORK or row["city"] is not None:
            continue
        if row["district"] is None:
            clusters = len(result.clusters)
        else:  # district rows come district by district, one per group (names may repeat in the core)
            clusters, seen = int(per_district[seen // groups]), seen + 1
        unserved = row["population"] - row["served"]
        rows.append(
            {
                "district": row["district"],
                "group": row["group"],
                "population": row["population"],
                "served": row["served"],
                "unserved": unserved,
                "unserved_pct": 100.0 * unserved / row["population"] if row["population"] > 0 else None,
                "clusters": clusters,
            }
        )
    return rows


def public_space_gaps(
    lines: Lines,
    spaces: Sequence[Optional[BaseGeometry]],
    points: Union[NDArray[np.float64], Sequence[Sequence[float]]],
    weights: ArrayLike,
    group_names: Sequence[str],
    districts: Optional[Sequence[Optional[BaseGeometry]]] = None,
    district_names: Optional[Sequence[str]] = None,
    max_distance: float = 400.0,
    search_distance: Optional[float] = None,
    cell_size: float = 100.0,
    min_population: float = 50.0,
    split_at_districts: bool = True,
    progress: Optional[Progress] = None,
    **access_options: Any,
) -> GapsResult:
    """``access.public_space_access`` (distances measured up to ``search_distance``, twice the walking distance
    by default), then ``unserved_gaps``."""
    from .access import public_space_access

    report = progress or (lambda fraction: None)
    search_distance = search_distance if search_distance else 2.0 * max_distance
    access = public_space_access(
        lines,
        spaces,
        points,
        weights,
        group_names,
        districts,
        district_names,
        max_distance=max_distance,
        distance_limit=search_distance,
        straight_line=False,
        progress=lambda fraction: report(0.8 * fraction),
        **access_options,
    )
    return unserved_gaps(
        access,
        points,
        weights,
        group_names,
        district_names or [],
        cell_size,
        min_population,
        max(search_distance, max_distance),
        split_at_districts,
        lambda fraction: report(0.8 + 0.2 * fraction),
    )


def gap_band(distance: ArrayLike, max_distance: float) -> NDArray[np.int64]:
    """Map band of the walking distance of unserved people: 1 up to 1.5 × the walking distance, 2 up to 2 ×,
    3 up to 3 ×, 4 farther, 5 no space within the search distance (inf)."""
    distance = np.asarray(distance, dtype=float)
    band = np.full(distance.shape, 5, dtype=np.int64)
    band[np.isfinite(distance)] = 4
    for number, upper in ((3, 3.0), (2, 2.0), (1, 1.5)):
        band[distance <= upper * max_distance] = number
    return band


def gap_band_labels(max_distance: float, search_distance: float) -> Dict[int, str]:
    """Translated legend label of each gap band."""
    edges = [1.0, 1.5, 2.0, 3.0]
    labels = {
        number: tr("{0}–{1} m", _fmt(edges[number - 1] * max_distance), _fmt(edges[number] * max_distance))
        for number in range(1, 4)
    }
    labels[4] = tr("more than {0} m", _fmt(3.0 * max_distance))
    labels[5] = tr("no public space within {0} m", _fmt(search_distance))
    return labels


def _fmt(value: float) -> str:
    return f"{value:g}"
