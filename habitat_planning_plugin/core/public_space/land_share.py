"""SDG 11.7.1 part (a): share of the urban area that is streets plus open public space.

Street area is the union of right-of-way corridors: a corridor of width w around each centre-line (w/2 on each
side, flat ends), never 2w. Where streets and public spaces overlap, the ground counts once: the street share is
the street area outside public spaces, so the two shares add up to the total.
The original (2016-2018) sampling method is offered beside it: Halton points at 10 per km2, 10 ha circles, samples
taken in Halton order until the 95 % confidence interval of the street share is narrow enough.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, cast

import numpy as np

from ..text import HabitatError, tr

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from shapely.geometry.base import BaseGeometry

    from ..text import Progress

# shapely is imported where used, so that the plugin loads without it (the algorithms declare it as required).

BENCHMARK_OPS = 15.0
BENCHMARK_STREETS = 30.0
BENCHMARK_TOTAL = 45.0
SAMPLE_CIRCLE_M2 = 100_000.0  # 10 ha
SAMPLES_PER_KM2 = 10.0
WIDTH_FACTORS = (0.75, 1.25)  # the street share is also given with every width 25 % narrower and 25 % wider
MITRE_LIMIT = 5.0  # shapely's default: a sharp bend's corner reaches at most 5 half-widths from the line


def class_values(flat_table: Optional[Iterable[Any]]) -> Dict[str, float]:
    """{road class (lower case): number} from a flat [class, value, class, value, ...] table (a Processing matrix),
    such as widths or speeds by road class. A class without a value, a class without a name, a value that is no
    finite number and a class given twice with two values are clear errors: none of them may be guessed."""
    flat_table = list(flat_table or [])
    if len(flat_table) % 2:
        raise HabitatError(
            tr(
                'The table ends with road class "{0}" without a value: every road class needs its value.',
                flat_table[-1],
            )
        )
    values: Dict[str, float] = {}
    for row, (name, value) in enumerate(zip(flat_table[0::2], flat_table[1::2]), start=1):
        key = "" if name is None else str(name).strip().lower()
        if not key:
            raise HabitatError(tr("Row {0} of the table has no road class.", row))
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            raise HabitatError(tr('The table gives "{0}" for road class {1}: not a number.', value, name)) from None
        if not math.isfinite(number):
            raise HabitatError(tr('The table gives "{0}" for road class {1}: not a number.', value, name))
        if key in values and values[key] != number:
            raise HabitatError(
                tr(
                    "The table gives road class {0} twice, with {1} and {2}: keep one row.",
                    key,
                    f"{values[key]:g}",
                    f"{number:g}",
                )
            )
        values[key] = number
    return values


def street_corridors(
    lines: Sequence[NDArray[np.float64]],
    widths: Iterable[Optional[float]],
    cancelled: Optional[Callable[[], bool]] = None,
) -> Optional[BaseGeometry]:
    """Union of the corridors of each centre-line ((k, 2) arrays) with its width in metres; None when there is
    none, or when ``cancelled()`` becomes true (asked between batches of corridors, so a large city stops within
    about a second)."""
    from shapely.geometry import LineString
    from shapely.ops import unary_union

    batches: List[BaseGeometry] = []
    pieces: List[BaseGeometry] = []
    for line, width in zip(lines, widths):
        if width is None or not width > 0 or len(line) < 2:
            continue
        pieces.append(LineString(line).buffer(width / 2.0, cap_style=2, join_style=2, mitre_limit=MITRE_LIMIT))
        if len(pieces) == _UNION_BATCH:
            if cancelled is not None and cancelled():
                return None
            batches.append(unary_union(pieces))
            pieces = []
    if cancelled is not None and cancelled():
        return None
    if pieces:
        batches.append(unary_union(pieces))
    if not batches:
        return None
    return batches[0] if len(batches) == 1 else unary_union(batches)


_UNION_BATCH = 2000  # corridors united at a time (the union of the batches is the same union)


def scaled_corridors(
    lines: Sequence[NDArray[np.float64]],
    widths: Iterable[Optional[float]],
    factor: float,
) -> Optional[BaseGeometry]:
    """street_corridors with every width multiplied by ``factor``: the street area if the widths were off by that
    much (WIDTH_FACTORS), drawn as the real one is rather than scaled as a share."""
    return street_corridors(lines, [None if width is None else width * factor for width in widths])


@dataclass
class AreaShares:
    name: str
    area_m2: float
    ops_m2: float
    street_m2: float  # street corridors outside public spaces
    street_overlap_m2: float  # street corridors inside public spaces (counted as public space)
    total_m2: float

    def share(self, part: float) -> float:
        return 100.0 * part / self.area_m2 if self.area_m2 > 0 else float("nan")

    @property
    def ops_pct(self) -> float:
        return self.share(self.ops_m2)

    @property
    def street_pct(self) -> float:
        return self.share(self.street_m2)

    @property
    def total_pct(self) -> float:
        return self.share(self.total_m2)


def land_shares(
    areas: Sequence[BaseGeometry],
    names: Sequence[str],
    spaces: Sequence[Optional[BaseGeometry]],
    streets: Optional[BaseGeometry],
    progress: Optional[Progress] = None,
) -> List[AreaShares]:
    """AreaShares for every area polygon (cities or districts); ``streets`` is the street area (a polygon)."""
    from shapely.ops import unary_union

    if not areas:
        raise HabitatError(tr("There is no urban extent polygon to measure."))
    ops = unary_union([space for space in spaces if space is not None and not space.is_empty]) if spaces else None
    results = []
    for index, (area, name) in enumerate(zip(areas, names)):
        ops_in = ops.intersection(area) if ops is not None else None
        streets_in = streets.intersection(area) if streets is not None else None
        ops_m2 = ops_in.area if ops_in is not None else 0.0
        street_m2 = streets_in.area if streets_in is not None else 0.0
        overlap = streets_in.intersection(ops_in).area if ops_in is not None and streets_in is not None else 0.0
        results.append(AreaShares(name, area.area, ops_m2, street_m2 - overlap, overlap, ops_m2 + street_m2 - overlap))
        if progress is not None:
            progress((index + 1) / len(areas))
    return results


CORRIDOR_TILE_M = 1000.0


def corridor_shares(
    areas: Sequence[BaseGeometry],
    names: Sequence[str],
    spaces: Sequence[Optional[BaseGeometry]],
    lines: Sequence[NDArray[np.float64]],
    widths: Iterable[Optional[float]],
    factor: float = 1.0,
    tile: float = CORRIDOR_TILE_M,
    cancelled: Optional[Callable[[], bool]] = None,
) -> Optional[List[AreaShares]]:
    """The AreaShares of ``land_shares(areas, names, spaces, street_corridors(lines, widths × factor))``, computed
    square tile by square tile without the union of all corridors.

    The tiles cut the plane into parts, so the street area inside an area (and inside its public space) is the
    sum over tiles of the union of the corridors that reach the tile, clipped to the tile. Only one tile's
    corridors exist at a time: a city of a million street segments needs megabytes here instead of gigabytes, and
    many small unions are faster than one large one. Numbers only: the single-city tool still draws the whole
    street area for its layer and map. Returns None when ``cancelled()`` becomes true.
    """
    from shapely.geometry import LineString, box
    from shapely.ops import unary_union

    if not areas:
        raise HabitatError(tr("There is no urban extent polygon to measure."))
    ops = unary_union([space for space in spaces if space is not None and not space.is_empty]) if spaces else None
    ops_in = [ops.intersection(area) if ops is not None else None for area in areas]
    street = [0.0] * len(areas)
    overlap = [0.0] * len(areas)
    kept = [
        (line, width * factor / 2.0)
        for line, width in zip(lines, widths)
        if width is not None and width > 0 and len(line) >= 2
    ]
    if kept:
        # A corridor lies within its line's box widened by the mitre limit times half its width.
        coords = np.concatenate([line for line, _ in kept])
        starts = np.cumsum([0] + [len(line) for line, _ in kept[:-1]])
        bounds = np.column_stack([np.minimum.reduceat(coords, starts), np.maximum.reduceat(coords, starts)])
        reach = np.array([half for _, half in kept]) * MITRE_LIMIT
        bounds += np.column_stack([-reach, -reach, reach, reach])
        origin = bounds[:, 0].min(), bounds[:, 1].min()
        first = np.floor((bounds[:, :2] - origin) / tile).astype(np.int64)
        last = np.floor((bounds[:, 2:] - origin) / tile).astype(np.int64)
        members: Dict[Tuple[int, int], List[int]] = {}
        for index in range(len(kept)):
            for ix in range(first[index, 0], last[index, 0] + 1):
                for iy in range(first[index, 1], last[index, 1] + 1):
                    members.setdefault((ix, iy), []).append(index)
        # corridors of lines over several tiles, drawn once and dropped after their last tile
        spanning: Dict[int, BaseGeometry] = {}

        spanning_keys = set(cast(List[int], np.flatnonzero(np.any(first != last, axis=1)).tolist()))

        def corridor(k: int) -> BaseGeometry:
            if k not in spanning_keys:
                return LineString(kept[k][0]).buffer(kept[k][1], cap_style=2, join_style=2, mitre_limit=MITRE_LIMIT)
            if k not in spanning:
                spanning[k] = LineString(kept[k][0]).buffer(
                    kept[k][1], cap_style=2, join_style=2, mitre_limit=MITRE_LIMIT
                )
            return spanning[k]

        area_index = _PartsIndex(areas)
        ops_index = [_PartsIndex([part]) if part is not None else None for part in ops_in]
        for number, ((ix, iy), indices) in enumerate(sorted(members.items())):
            if cancelled is not None and number % 64 == 0 and cancelled():
                return None
            square = box(
                origin[0] + ix * tile, origin[1] + iy * tile, origin[0] + (ix + 1) * tile, origin[1] + (iy + 1) * tile
            )
            reached = sorted({owner for owner, _ in area_index.hits(square)})
            # A corridor of one tile lies inside it; the others are clipped first, so the union stays small.
            in_tile = (
                unary_union(
                    [corridor(k) if k not in spanning_keys else corridor(k).intersection(square) for k in indices]
                )
                if reached
                else None
            )
            for k in indices:
                if (ix, iy) == (last[k, 0], last[k, 1]):
                    spanning.pop(k, None)
            if in_tile is None or in_tile.is_empty:
                continue
            for position in reached:
                streets_in = in_tile.intersection(areas[position])
                if streets_in.is_empty:
                    continue
                street[position] += streets_in.area
                ops_here = ops_index[position]
                nearby = [part for _, part in ops_here.hits(square)] if ops_here else []
                if nearby:
                    overlap[position] += streets_in.intersection(unary_union(nearby)).area
    results = []
    for position, (area, name) in enumerate(zip(areas, names)):
        ops_part = ops_in[position]
        ops_m2 = ops_part.area if ops_part is not None else 0.0
        results.append(
            AreaShares(
                name,
                area.area,
                ops_m2,
                street[position] - overlap[position],
                overlap[position],
                ops_m2 + street[position] - overlap[position],
            )
        )
    return results


class _PartsIndex:
    """The polygons of some shapes in an STRtree; ``hits(box)`` gives (position of the shape, polygon) for each
    polygon whose box meets ``box`` (shapely 1.8 answers with geometries, 2.x with indices)."""

    def __init__(self, shapes: Sequence[Optional[BaseGeometry]]) -> None:
        from shapely.strtree import STRtree

        self.parts: List[BaseGeometry] = []
        self.owners: List[int] = []
        for position, shape in enumerate(shapes):
            if shape is None or shape.is_empty:
                continue
            for part in getattr(shape, "geoms", [shape]):
                if not part.is_empty:
                    self.parts.append(part)
                    self.owners.append(position)
        with warnings.catch_warnings():  # shapely 1.8 warns that 2.0 answers with indices: hits() takes both
            warnings.simplefilter("ignore")
            self.tree = STRtree(self.parts) if self.parts else None
        self.position = {id(part): index for index, part in enumerate(self.parts)}

    def __bool__(self) -> bool:
        return self.tree is not None

    def hits(self, square: BaseGeometry) -> List[Tuple[int, BaseGeometry]]:
        if self.tree is None:
            return []
        found = self.tree.query(square)
        indices = [int(item) if isinstance(item, (int, np.integer)) else self.position[id(item)] for item in found]
        return [(self.owners[index], self.parts[index]) for index in sorted(indices)]


def halton(index: int, base: int) -> float:
    """The ``index``-th (1-based) element of the van der Corput sequence in ``base``."""
    result, fraction = 0.0, 1.0
    while index > 0:
        fraction /= base
        result += fraction * (index % base)
        index //= base
    return result


@dataclass
class SampleEstimate:
    samples: int
    street_pct: float
    low_pct: float
    high_pct: float
    converged: bool
    centres: List[Tuple[float, float]]


def sampled_street_share(
    area: BaseGeometry,
    streets: Optional[BaseGeometry],
    precision_pct: float = 1.0,
    minimum: int = 30,
    per_km2: float = SAMPLES_PER_KM2,
    name: Optional[str] = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> Optional[SampleEstimate]:
    """Street share of ``area`` estimated from 10 ha circles at Halton points (original 11.7.1 method).

    Points of the 2-3 Halton sequence fill the bounding box at ``per_km2``; those inside the area are taken in
    order; each gives the street share of its circle (clipped to the area). Sampling stops once at least
    ``minimum`` circles are taken and the 95 % confidence half-width is within ``precision_pct`` points.
    Returns None when ``cancelled()`` becomes true (asked before every point); ``name`` names the city in messages.
    """
    from shapely.geometry import Point

    minx, miny, maxx, maxy = area.bounds
    budget = max(1, int(math.ceil((maxx - minx) * (maxy - miny) / 1e6 * per_km2)))
    radius = math.sqrt(SAMPLE_CIRCLE_M2 / math.pi)  # 178.4 m
    shares: List[float] = []
    centres: List[Tuple[float, float]] = []
    half_width = float("inf")
    for index in range(1, budget + 1):
        if cancelled is not None and cancelled():  # each circle meets the whole street area: ask every time
            return None
        x = minx + halton(index, 2) * (maxx - minx)
        y = miny + halton(index, 3) * (maxy - miny)
        centre = Point(x, y)
        if not area.contains(centre):
            continue
        circle = centre.buffer(radius, 32).intersection(area)
        street = circle.intersection(streets).area if streets is not None else 0.0
        shares.append(100.0 * street / circle.area)
        centres.append((x, y))
        if len(shares) >= max(minimum, 2):
            half_width = 1.96 * float(np.std(shares, ddof=1)) / math.sqrt(len(shares))
            if half_width <= precision_pct:
                break
    if len(shares) < 2:
        if name is not None:
            raise HabitatError(
                tr(
                    "The urban extent {0} is too small for the sampling method: fewer than two "
                    "sample circles fall inside it.",
                    name,
                )
            )
        raise HabitatError(
            tr("The urban extent is too small for the sampling method: fewer than two sample circles fall inside it.")
        )
    mean = float(np.mean(shares))
    half_width = 1.96 * float(np.std(shares, ddof=1)) / math.sqrt(len(shares))
    return SampleEstimate(len(shares), mean, mean - half_width, mean + half_width, half_width <= precision_pct, centres)
