#!/usr/bin/env python3
"""A synthetic country for the national SDG 11.7.1 batch: its tests, the demo and the benchmark.

``make_country(folder, n_cities=200, largest_edges=1_000_000, seed=1)`` writes into ``folder``:

- ``country.gpkg`` (EPSG:32650, spatial index on every layer):
  ``urban_extents`` (one polygon per city; ``city_id`` = fid, ``name``, ``country``), ``streets`` (noded
  LineStrings: ``road_class`` primary / secondary / residential / footway / motorway, ``width_m`` with some NULLs),
  ``public_spaces`` (``ps_id``, ``ps_type``: the SDG 11.7.1 types and a few private gardens), ``districts``
  (a 3 x 3 grid over each of the 5 largest cities and 300 m around them; names repeat from city to city);
- ``population.tif``: one national 100 m grid (float32, nodata -9999, deflate, tiled), bands total, female, male,
  children_0_14, older_65_plus, disability; people only in cells whose centre is inside an extent, 0 in a 1 km
  ring around each city, nodata elsewhere.

Cities have Zipf-distributed sizes (the largest ``largest_edges`` street segments, the smallest a few hundred), are
unions of round blobs (not boxes) filled with a jittered 100 m street lattice with gaps (the idea of
``bench/synthetic_city.py``), lie apart on a national plane (no overlaps; some within 2 km of each other) and a
few motorways join the largest ones. Public spaces: about one per 200 segments, a third of them beside the middle
of a long segment, so that only a mid-segment entrance reaches them.

``awkward=True`` adds five small cities for the batch's bad-input tests: no streets, no population (nodata),
an invalid (self-intersecting) extent, one partly outside the population grid, and one with the name of another
city. Deterministic for a given seed (same features and cells; file bytes may differ by timestamps).

    .venv/bin/python scripts/make_synthetic_country.py --cities 200 --largest-edges 1000000 --out build/country
"""

import argparse
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union

EPSG = 32650
ORIGIN = (500_000.0, 3_000_000.0)  # centre of the national plane, UTM zone 50N
SPACING = 100.0  # street lattice (m), as in bench/synthetic_city.py
JITTER = 15.0
KEEP = 0.9  # share of non-arterial lattice edges kept: the gaps
SMALLEST_EDGES = 300
COUNTRY = "Synthetia"
NODATA = -9999.0
BAND_NAMES = ("total", "female", "male", "children_0_14", "older_65_plus", "disability")
CLASSES = ("primary", "secondary", "residential", "footway", "motorway")
PRIMARY, SECONDARY, RESIDENTIAL, FOOTWAY, MOTORWAY = range(5)
WIDTHS = np.array([24.0, 18.0, 12.0, 4.0, 35.0])
SPACE_TYPES = ("park", "civic park", "square", "recreational green area", "public facility open area", "private garden")
SPACE_WEIGHTS = (0.4, 0.2, 0.12, 0.15, 0.1, 0.03)
# Names a batch must survive: Chinese characters, an apostrophe, a leading "=" (a formula in a spreadsheet).
SPECIAL_NAMES = {2: "新港市", 3: "Pointe-d'Azur", 4: "=Lakeside", 6: "北湖镇"}
SYLLABLES = (
    "ar",
    "bel",
    "cor",
    "dun",
    "el",
    "fen",
    "gar",
    "hal",
    "is",
    "jor",
    "kel",
    "lin",
    "mor",
    "nor",
    "os",
    "pel",
    "quin",
    "ros",
    "sel",
    "tor",
    "ul",
    "ven",
    "wil",
    "yar",
    "zan",
)
AWKWARD = ("no_streets", "no_population", "invalid_extent", "outside_grid", "duplicate_name")
AWKWARD_EDGES = 400
MARGIN = 50.0  # extent beyond the outermost lattice nodes (> jitter)
RING = 1000.0  # zero-population ring around each city (m)
COMMIT_EVERY = 200_000


@dataclass
class City:
    city_id: int
    name: str
    target: int
    kind: str = ""  # "" or one of AWKWARD
    extent: object = None  # shapely polygon, local coordinates (centre at 0, 0)
    radius: float = 0.0  # of the circle holding the extent
    xy: np.ndarray = None  # (m, 4) segment end points, local
    classes: np.ndarray = None
    widths: np.ndarray = None  # NaN = unknown
    spaces: list = field(default_factory=list)  # (shapely polygon, type), local
    centre: tuple = (0.0, 0.0)  # on the national plane

    @property
    def edges(self):
        return 0 if self.xy is None else len(self.xy)


def zipf_sizes(n, largest, smallest=SMALLEST_EDGES):
    """Street segments per city by rank: largest * rank^-a, a set so that the last is about ``smallest``."""
    smallest = min(smallest, largest)
    exponent = math.log(largest / smallest) / math.log(n) if n > 1 else 1.0
    sizes = np.rint(largest * np.arange(1, n + 1, dtype=float) ** -exponent).astype(np.int64)
    for k in range(1, n):  # strictly decreasing, so the rank order is the size order
        sizes[k] = min(sizes[k], sizes[k - 1] - 1)
    return np.maximum(sizes, 1), exponent


def city_names(n, rng):
    names, used = [], set()
    for rank in range(1, n + 1):
        name = SPECIAL_NAMES.get(rank)
        while name is None or name in used:
            parts = rng.choice(SYLLABLES, size=rng.integers(2, 4))
            name = "".join(parts).capitalize() + (
                "" if rng.uniform() < 0.7 else " " + str(rng.choice(["Falls", "Bay", "Hill", "Springs", "Junction"]))
            )
        used.add(name)
        names.append(name)
    return names


def blobs(rng):
    """(x, y, r) circles in units of the main radius: the main blob and 2-5 lobes touching it."""
    out = [(0.0, 0.0, 1.0)]
    for _ in range(rng.integers(2, 6)):
        # Far out (an irregular outline) yet overlapping the main blob, so the extent stays one polygon.
        angle, radius = rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 0.65)
        distance = rng.uniform(0.7, 0.95 + 0.6 * radius)
        out.append((distance * math.cos(angle), distance * math.sin(angle), radius))
    return np.array(out)


def lattice(rng, units, scale):
    """Streets on a jittered lattice inside the blobs (radius 1 = ``scale`` m), in local coordinates: segment end
    points (m, 4), road classes, and the extent polygon (the blobs plus a margin)."""
    reach = float(np.max(np.hypot(units[:, 0], units[:, 1]) + units[:, 2])) * scale
    half = int(math.ceil(reach / SPACING)) + 1
    index = np.arange(-half, half + 1)
    gx, gy = np.meshgrid(index * SPACING, index * SPACING, indexing="ij")
    inside = np.zeros(gx.shape, dtype=bool)
    for bx, by, radius in units * scale:
        inside |= (gx - bx) ** 2 + (gy - by) ** 2 <= radius**2
    jitter = rng.uniform(-JITTER, JITTER, size=gx.shape + (2,))
    line = np.mod(index, 10) == 0  # arterial lattice lines stay straight
    jitter[line, :, :] = 0.0
    jitter[:, line, :] = 0.0
    nx, ny = gx + jitter[..., 0], gy + jitter[..., 1]
    parts = []
    for axis in (0, 1):  # axis 0: edges (i, j)-(i+1, j), along x; axis 1: (i, j)-(i, j+1)
        a = (slice(0, -1), slice(None)) if axis == 0 else (slice(None), slice(0, -1))
        b = (slice(1, None), slice(None)) if axis == 0 else (slice(None), slice(1, None))
        both = inside[a] & inside[b]
        across = np.broadcast_to(index[None, :] if axis == 0 else index[:, None], both.shape)
        arterial = np.mod(across, 10) == 0
        keep = both & (arterial | (rng.uniform(size=both.shape) < KEEP))
        xy = np.c_[nx[a][keep], ny[a][keep], nx[b][keep], ny[b][keep]]
        classes = np.where(arterial[keep], np.where(np.mod(across[keep], 30) == 0, PRIMARY, SECONDARY), RESIDENTIAL)
        parts.append((xy, classes))
    xy = np.concatenate([p[0] for p in parts])
    classes = np.concatenate([p[1] for p in parts]).astype(np.int8)
    extent = unary_union([Point(bx, by).buffer(radius + MARGIN, 16) for bx, by, radius in units * scale])
    return xy, classes, extent


def build_city(city, seed):
    """Streets, extent and public spaces of one city (local coordinates), exactly ``city.target`` segments."""
    rng = np.random.default_rng([seed, city.city_id])
    units = blobs(rng)
    area = unary_union([Point(x, y).buffer(r, 32) for x, y, r in units]).area
    # A lattice has about 2 * KEEP' edges per node; aim 10 % high, then drop edges at random to the exact size.
    scale = SPACING * math.sqrt(city.target * 1.1 / (2 * 0.92 * area))
    for _ in range(20):
        xy, classes, extent = lattice(rng, units, scale)
        if len(xy) >= city.target:
            break
        scale *= 1.08
    surplus = len(xy) - city.target
    if surplus > 0:
        local = np.flatnonzero(classes == RESIDENTIAL)
        pool = local if len(local) >= surplus else np.arange(len(xy))
        drop = rng.choice(pool, size=surplus, replace=False)
        keep = np.ones(len(xy), dtype=bool)
        keep[drop] = False
        xy, classes = xy[keep], classes[keep]
    if city.kind == "invalid_extent":
        # A bow-tie over the lattice's bounding box (self-intersecting at its centre); streets in its two triangles.
        x0, y0 = xy[:, 0::2].min() - MARGIN, xy[:, 1::2].min() - MARGIN
        x1, y1 = xy[:, 0::2].max() + MARGIN, xy[:, 1::2].max() + MARGIN
        extent = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])
        xc, yc = (x0 + x1) / 2, (y0 + y1) / 2

        def in_bowtie(x, y):
            return np.abs(y - yc) * (x1 - x0) <= np.abs(x - xc) * (y1 - y0) - 2 * MARGIN * (x1 - x0)

        keep = in_bowtie(xy[:, 0], xy[:, 1]) & in_bowtie(xy[:, 2], xy[:, 3])
        xy, classes = xy[keep], classes[keep]
    footway = (classes == RESIDENTIAL) & (rng.uniform(size=len(classes)) < 0.06)
    classes[footway] = FOOTWAY
    widths = WIDTHS[classes].copy()
    unknown = (classes >= RESIDENTIAL) & (rng.uniform(size=len(classes)) < 0.1)
    widths[unknown] = np.nan
    city.extent = extent
    bounds = extent.bounds
    city.radius = float(
        max(
            np.hypot(bounds[0], bounds[1]),
            np.hypot(bounds[2], bounds[3]),
            np.hypot(bounds[0], bounds[3]),
            np.hypot(bounds[2], bounds[1]),
        )
    )
    city.spaces = public_spaces(rng, xy, city.target)
    if city.kind == "no_streets":
        xy, classes, widths, city.spaces = xy[:0], classes[:0], widths[:0], []
    city.xy, city.classes, city.widths = xy, classes, widths


def public_spaces(rng, xy, target):
    """About one space per 200 segments: two thirds around a lattice node, one third beside the middle of a long
    segment (no node within 25 m, so only a mid-segment entrance reaches it)."""
    if len(xy) == 0:
        return []
    count = max(1, round(target / 200))
    beside = count // 3
    spaces = []
    nodes = np.unique(np.round(np.r_[xy[:, :2], xy[:, 2:]], 6), axis=0)
    picks = rng.choice(len(nodes), size=min(count - beside, len(nodes)), replace=False)
    for node in nodes[np.sort(picks)]:
        half_w, half_h = rng.uniform(20, 75, size=2)
        kind = SPACE_TYPES[rng.choice(len(SPACE_TYPES), p=SPACE_WEIGHTS)]
        spaces.append((box(node[0] - half_w, node[1] - half_h, node[0] + half_w, node[1] + half_h), kind))
    length = np.hypot(xy[:, 2] - xy[:, 0], xy[:, 3] - xy[:, 1])
    long_ones = np.flatnonzero(length >= 95.0)
    picks = rng.choice(long_ones, size=min(beside, len(long_ones)), replace=False) if len(long_ones) else []
    for edge in np.sort(picks):
        x0, y0, x1, y1 = xy[edge]
        ux, uy = (x1 - x0) / length[edge], (y1 - y0) / length[edge]
        side = 1.0 if rng.uniform() < 0.5 else -1.0
        nx, ny = -uy * side, ux * side
        half, gap = rng.uniform(12, 18), 8.0
        mx, my = (x0 + x1) / 2 + nx * (gap + half), (y0 + y1) / 2 + ny * (gap + half)
        corners = [
            (mx + sx * half * ux + sy * half * nx, my + sx * half * uy + sy * half * ny)
            for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))
        ]
        spaces.append((Polygon(corners), "square" if rng.uniform() < 0.5 else "civic park"))
    return spaces


def place(cities, rng):
    """Set each city's centre on the national plane: the largest in the middle; every 8th city next to an earlier
    one (extents 0.4-1.6 km apart), the others at random at least 3 km apart (bounding circles)."""
    total = sum(math.pi * (c.radius + 3000.0) ** 2 for c in cities)
    side = math.sqrt(total / 0.3)
    centres = np.zeros((0, 2))
    radii = np.zeros(0)
    placed = []

    def clear(city, centre, gap):
        distance = np.hypot(*(centres - centre).T) - radii - city.radius
        near = np.flatnonzero(distance < gap)
        moved = translate(city.extent, centre)
        return all(moved.distance(placed[k]) >= gap for k in near)

    for number, city in enumerate(cities):
        centre = None
        if number == 0:
            centre = np.zeros(2)
        elif number % 8 == 3:
            centre = place_close(city, cities[int(rng.integers(0, number))], placed, rng, clear)
        while centre is None:
            for _ in range(300):
                candidate = rng.uniform(-side / 2, side / 2, size=2)
                if np.all(np.hypot(*(centres - candidate).T) >= radii + city.radius + 3000.0):
                    centre = candidate
                    break
            else:
                side *= 1.15
        city.centre = (float(centre[0]), float(centre[1]))
        centres = np.vstack([centres, centre])
        radii = np.r_[radii, city.radius]
        placed.append(translate(city.extent, city.centre))


def place_close(city, other, placed, rng, clear):
    """A centre putting ``city``'s extent 0.4-1.6 km from ``other``'s, clear of every other city (or None)."""
    anchor = translate(other.extent, other.centre)
    for _ in range(20):
        angle, gap = rng.uniform(0, 2 * math.pi), rng.uniform(400.0, 1600.0)
        direction = np.array([math.cos(angle), math.sin(angle)])
        reach = other.radius + city.radius + gap
        for _ in range(8):  # slide along the direction until the extents are ``gap`` apart
            centre = np.array(other.centre) + direction * reach
            distance = translate(city.extent, centre).distance(anchor)
            if abs(distance - gap) < 50.0:
                break
            reach -= distance - gap
        if 200.0 <= distance <= 2000.0 and clear(city, centre, 300.0):
            return centre
    return None


def translate(shape, offset):
    from shapely import affinity

    return affinity.translate(shape, float(offset[0]), float(offset[1]))


def motorways(cities, extents):
    """Chains of ~1 km segments joining each of the six largest cities to its nearest larger one, between their
    closest lattice nodes; a pair whose straight line crosses a third city is left unjoined."""
    out = []
    top = [c for c in cities[:6] if c.edges]
    for k in range(1, len(top)):
        city = top[k]
        other = min(top[:k], key=lambda o: math.dist(o.centre, city.centre))
        a = nearest_node(city, other.centre)
        b = nearest_node(other, city.centre)
        road = LineString([a, b])
        if any(road.intersects(shape) for key, shape in extents.items() if key not in (city.city_id, other.city_id)):
            continue
        pieces = max(1, int(math.ceil(road.length / 1000.0)))
        t = np.linspace(0.0, 1.0, pieces + 1)
        points = np.c_[a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
        out.append(np.c_[points[:-1], points[1:]])
    return np.concatenate(out) if out else np.zeros((0, 4))


def nearest_node(city, target):
    ends = np.r_[city.xy[:, :2], city.xy[:, 2:]] + np.array(city.centre)
    return tuple(ends[np.argmin(np.hypot(*(ends - np.array(target)).T))])


def linestring_wkb(xy):
    """WKB of two-point LineStrings, built at once with numpy (one row per segment)."""
    records = np.zeros(len(xy), dtype=[("order", "u1"), ("type", "<u4"), ("count", "<u4"), ("xy", "<f8", (4,))])
    records["order"], records["type"], records["count"], records["xy"] = 1, 2, 2, xy
    data = records.tobytes()
    return [data[i * 41 : (i + 1) * 41] for i in range(len(xy))]


def new_layer(source, name, geometry_type, fields, srs):
    layer = source.CreateLayer(name, srs, geometry_type, ["SPATIAL_INDEX=YES", "FID=fid", "GEOMETRY_NAME=geom"])
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    return layer


def write_features(layer, rows):
    """rows: (fid or None, wkb, [values]); committed in transactions of COMMIT_EVERY features."""
    feature = ogr.Feature(layer.GetLayerDefn())
    count = layer.GetLayerDefn().GetFieldCount()
    layer.StartTransaction()
    for number, (fid, geometry, values) in enumerate(rows, start=1):
        feature.SetFID(-1 if fid is None else fid)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(geometry))
        for index in range(count):
            value = values[index]
            if value is None or (isinstance(value, float) and value != value):
                feature.SetFieldNull(index)
            else:
                feature.SetField(index, value)
        layer.CreateFeature(feature)
        if number % COMMIT_EVERY == 0:
            layer.CommitTransaction()
            layer.StartTransaction()
    layer.CommitTransaction()


def street_rows(xy, classes, widths):
    names = [CLASSES[c] for c in classes.tolist()]
    return (
        (None, geometry, (name, width)) for geometry, name, width in zip(linestring_wkb(xy), names, widths.tolist())
    )


DISTRICT_CITIES = 5  # the largest cities get 3 x 3 districts each (names repeat from city to city)


def write_gpkg(path, cities, extents, motorway_xy, srs):
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = new_layer(
        source,
        "urban_extents",
        ogr.wkbPolygon,
        [("city_id", ogr.OFTInteger), ("name", ogr.OFTString), ("country", ogr.OFTString)],
        srs,
    )
    write_features(layer, ((c.city_id, extents[c.city_id].wkb, (c.city_id, c.name, COUNTRY)) for c in cities))
    layer = new_layer(
        source, "streets", ogr.wkbLineString, [("road_class", ogr.OFTString), ("width_m", ogr.OFTReal)], srs
    )
    for city in cities:
        if city.edges:
            offset = np.tile(np.array(city.centre), 2)
            write_features(layer, street_rows(city.xy + offset, city.classes, city.widths))
    if len(motorway_xy):
        classes = np.full(len(motorway_xy), MOTORWAY, dtype=np.int8)
        write_features(layer, street_rows(motorway_xy, classes, WIDTHS[classes]))
    layer = new_layer(
        source, "public_spaces", ogr.wkbPolygon, [("ps_id", ogr.OFTInteger), ("ps_type", ogr.OFTString)], srs
    )
    rows, ps_id = [], 0
    for city in cities:
        for shape, kind in city.spaces:
            ps_id += 1
            rows.append((ps_id, translate(shape, city.centre).wkb, (ps_id, kind)))
    write_features(layer, rows)
    layer = new_layer(
        source,
        "districts",
        ogr.wkbMultiPolygon,
        [
            ("district_id", ogr.OFTInteger),
            ("city_id", ogr.OFTInteger),
            ("name", ogr.OFTString),
            ("name_zh", ogr.OFTString),
        ],
        srs,
    )
    rows, number, taken = [], 0, None
    for city in [c for c in cities if c.city_id in extents][:DISTRICT_CITIES]:
        x0, y0, x1, y1 = extents[city.city_id].bounds
        # 3 x 3 boxes over the extent and 300 m around it, as administrative districts reach past the built-up
        # edge; the batch clips them to the extent.
        around = extents[city.city_id].buffer(300.0, 4)
        if taken is not None:  # districts never overlap: the first city keeps the ground
            around = around.difference(taken)
        taken = around if taken is None else taken.union(around)
        x0, y0, x1, y1 = around.bounds
        local = 0
        for j in range(3):
            for i in range(3):
                part = around.intersection(
                    box(
                        x0 + (x1 - x0) * i / 3,
                        y0 + (y1 - y0) * j / 3,
                        x0 + (x1 - x0) * (i + 1) / 3,
                        y0 + (y1 - y0) * (j + 1) / 3,
                    )
                )
                if part.is_empty or part.area <= 0:
                    continue
                number += 1
                local += 1
                multi = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(part.wkb))
                rows.append((number, multi.ExportToWkb(), (number, city.city_id, f"District {local}", f"第{local}区")))
    # One district over two more cities (a metropolitan district): it is measured in each, clipped to each.
    placed = [c for c in cities if c.city_id in extents]
    pair = []
    if len(placed) > DISTRICT_CITIES + 1:
        first = placed[DISTRICT_CITIES]
        centre = extents[first.city_id].centroid
        pair = [first, min(placed[DISTRICT_CITIES + 1 :], key=lambda c: extents[c.city_id].centroid.distance(centre))]
    if len(pair) == 2:
        region = unary_union([extents[c.city_id] for c in pair]).convex_hull.buffer(300.0, 4)
        region = region.difference(taken) if taken is not None else region
        if region.area > 0:
            number += 1
            multi = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(region.wkb))
            rows.append((number, multi.ExportToWkb(), (number, pair[0].city_id, "Metropolitan district", "都市区")))
    write_features(layer, rows)
    source = None  # closing builds the deferred R-tree indexes


def population_grid(path, cities, extents, bounds, cell, seed, srs):
    """The national grid: people in cells whose centre is inside an extent (GDAL's rasterize rule), 0 in a ring
    around each city, nodata elsewhere and over the no-population city."""
    x0, y0 = math.floor(bounds[0] / cell) * cell, math.floor(bounds[1] / cell) * cell
    cols, rows = int(math.ceil((bounds[2] - x0) / cell)), int(math.ceil((bounds[3] - y0) / cell))
    transform = (x0, cell, 0.0, y0 + rows * cell, 0.0, -cell)
    ids = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Int32)
    ids.SetGeoTransform(transform)
    ids.SetProjection(srs.ExportToWkt())
    memory = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = memory.CreateLayer("extents", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("burn", ogr.OFTInteger))
    ring = memory.CreateLayer("rings", srs, ogr.wkbPolygon)
    ring.CreateField(ogr.FieldDefn("burn", ogr.OFTInteger))
    for city in cities:
        for target, shape, value in (
            (ring, extents[city.city_id].buffer(RING, 8), -1),
            (layer, extents[city.city_id], city.city_id),
        ):
            feature = ogr.Feature(target.GetLayerDefn())
            feature.SetField(0, value)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shape.wkb))
            target.CreateFeature(feature)
    band = ids.GetRasterBand(1)
    band.Fill(0)
    gdal.RasterizeLayer(ids, [1], ring, options=["ATTRIBUTE=burn"])
    gdal.RasterizeLayer(ids, [1], layer, options=["ATTRIBUTE=burn"])
    grid = band.ReadAsArray()
    ids = memory = None
    rng = np.random.default_rng([seed, 0])
    by_id = {c.city_id: c for c in cities}
    lookup = np.zeros((max(by_id) + 1, 4))  # centre x, y, radius, peak persons per cell
    for city in cities:
        lookup[city.city_id] = (*city.centre, city.radius, 150.0 * (cell / 100.0) ** 2 * rng.uniform(0.7, 1.3))
    row, col = np.nonzero(grid > 0)
    which = grid[row, col]
    x = x0 + (col + 0.5) * cell
    y = transform[3] - (row + 0.5) * cell
    distance = np.hypot(x - lookup[which, 0], y - lookup[which, 1]) / lookup[which, 2]
    total = lookup[which, 3] * np.exp(-((distance / 0.55) ** 2)) * rng.gamma(4.0, 0.25, size=len(which)) + 1.0
    shares = {
        "female": rng.uniform(0.48, 0.52, len(which)),
        "children_0_14": rng.uniform(0.15, 0.3, len(which)),
        "older_65_plus": rng.uniform(0.05, 0.2, len(which)),
        "disability": rng.uniform(0.1, 0.17, len(which)),
    }
    no_people = [c.city_id for c in cities if c.kind == "no_population"]
    empty = (grid == 0) | np.isin(grid, no_people)
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path),
        cols,
        rows,
        len(BAND_NAMES),
        gdal.GDT_Float32,
        ["TILED=YES", "COMPRESS=DEFLATE", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "NUM_THREADS=ALL_CPUS"],
    )
    dataset.SetGeoTransform(transform)
    dataset.SetProjection(srs.ExportToWkt())
    people = {}
    for number, name in enumerate(BAND_NAMES, start=1):
        if name == "total":
            values = total
        elif name == "male":
            values = total - total * shares["female"]
        else:
            values = total * shares[name]
        array = np.zeros((rows, cols), dtype=np.float32)
        array[row, col] = values.astype(np.float32)
        array[empty] = NODATA
        out = dataset.GetRasterBand(number)
        out.SetNoDataValue(NODATA)
        out.SetDescription(name)
        out.WriteArray(array)
        if name == "total":
            kept = ~empty[row, col]
            people = np.bincount(
                which[kept], weights=array[row[kept], col[kept]].astype(np.float64), minlength=len(lookup)
            )
    dataset = None
    return {c.city_id: float(people[c.city_id]) for c in cities}, (rows, cols)


def make_country(folder, n_cities=200, largest_edges=1_000_000, seed=1, cell=100.0, awkward=False):
    """Write country.gpkg and population.tif into ``folder``; return their paths and the country's figures."""
    started = time.perf_counter()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    gpkg, tif = folder / "country.gpkg", folder / "population.tif"
    for old in (gpkg, tif):
        if old.exists():
            old.unlink()
    rng = np.random.default_rng(seed)
    sizes, exponent = zipf_sizes(n_cities, largest_edges)
    names = city_names(n_cities + len(AWKWARD), rng)
    cities = [City(rank, names[rank - 1], int(size)) for rank, size in enumerate(sizes, start=1)]
    extra = []
    if awkward:
        for number, kind in enumerate(AWKWARD):
            city_id = n_cities + 1 + number
            name = cities[min(2, n_cities - 1)].name if kind == "duplicate_name" else names[city_id - 1]
            extra.append(City(city_id, name, AWKWARD_EDGES, kind))
    for city in cities + extra:
        build_city(city, seed)
    inside_grid = cities + [c for c in extra if c.kind != "outside_grid"]
    place(inside_grid, rng)
    origin = np.array(ORIGIN)
    for city in inside_grid:
        city.centre = (city.centre[0] + origin[0], city.centre[1] + origin[1])
    extents = {c.city_id: translate(c.extent, c.centre) for c in inside_grid}
    corners = np.array([shape.bounds for shape in extents.values()])
    x0, y0, x1, y1 = corners[:, 0].min(), corners[:, 1].min(), corners[:, 2].max(), corners[:, 3].max()
    bounds = (x0 - 2 * RING, y0 - 2 * RING, x1 + 2 * RING, y1 + 2 * RING)
    for city in extra:
        if city.kind == "outside_grid":  # its centre on the grid's east edge: half of it has no cells
            city.centre = place_on_edge(city, bounds, extents, rng)
            extents[city.city_id] = translate(city.extent, city.centre)
    everything = cities + extra
    motorway_xy = motorways(cities, extents)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    write_gpkg(gpkg, everything, extents, motorway_xy, srs)
    people, shape = population_grid(tif, everything, extents, bounds, cell, seed, srs)
    close = close_pairs(everything, extents)
    info = {
        "gpkg": str(gpkg),
        "population": str(tif),
        "cities": len(everything),
        "segments": int(sum(c.edges for c in everything) + len(motorway_xy)),
        "motorway_segments": len(motorway_xy),
        "spaces": sum(len(c.spaces) for c in everything),
        "people": float(sum(people.values())),
        "zipf_exponent": exponent,
        "grid_shape": shape,
        "close_pairs": close,
        "city_edges": {c.city_id: c.edges for c in everything},
        "city_people": people,
        "names": {c.city_id: c.name for c in everything},
        "awkward": {c.kind: c.city_id for c in extra if c.kind != "duplicate_name"},
        "seconds": 0.0,
    }
    if awkward:
        twin = next(c for c in extra if c.kind == "duplicate_name")
        info["awkward"]["duplicate_name"] = (cities[min(2, n_cities - 1)].city_id, twin.city_id)
    info["seconds"] = time.perf_counter() - started
    return info


def place_on_edge(city, bounds, extents, rng):
    """A centre on the grid's east edge where the city is 300 m clear of every other."""
    for _ in range(500):
        centre = (bounds[2], rng.uniform(bounds[1], bounds[3]))
        moved = translate(city.extent, centre)
        if all(moved.distance(other) >= 300.0 for other in extents.values()):
            return centre
    return (bounds[2] + city.radius * 0.5, (bounds[1] + bounds[3]) / 2)


def close_pairs(cities, extents):
    """Pairs of cities whose extents are less than 2 km apart."""
    count = 0
    for i, a in enumerate(cities):
        for b in cities[i + 1 :]:
            if (
                math.dist(a.centre, b.centre) - a.radius - b.radius < 2000.0
                and extents[a.city_id].distance(extents[b.city_id]) < 2000.0
            ):
                count += 1
    return count


def main(argv=None):
    gdal.UseExceptions()  # only as a command: importing this module must not change GDAL for its caller
    ogr.UseExceptions()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cities", type=int, default=200)
    parser.add_argument("--largest-edges", type=int, default=1_000_000)
    parser.add_argument("--out", default="build/synthetic_country")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cell", type=float, default=100.0, help="population cell size (m)")
    parser.add_argument("--awkward", action="store_true", help="add the five bad-input cities")
    options = parser.parse_args(argv)
    info = make_country(options.out, options.cities, options.largest_edges, options.seed, options.cell, options.awkward)
    print(
        f"{info['cities']} cities, {info['segments']:,} street segments ({info['motorway_segments']} motorway), "
        f"{info['spaces']:,} public spaces, {info['people']:,.0f} people; largest city "
        f"{max(info['city_edges'].values()):,} segments; grid {info['grid_shape'][1]} x {info['grid_shape'][0]} "
        f"cells; {info['close_pairs']} pairs of cities less than 2 km apart; {info['seconds']:.1f} s"
    )
    print(info["gpkg"])
    print(info["population"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
