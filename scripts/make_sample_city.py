#!/usr/bin/env python3
"""Write the bundled sample city: resources/sample_data/sample_city.gpkg and sample_city_population.tif.

Deterministic (fixed seed and GeoPackage timestamps), so a re-run gives the same features and cells.
Run with Debian's python (GDAL bindings): .venv/bin/python scripts/make_sample_city.py

The city ("Sample City" / 示例城市) lies in WGS 84 / UTM zone 50N (EPSG:32650), about 6.8 x 5.3 km:
- urban_extent: one polygon;
- districts: a central district and six around it (7), with English and Chinese names;
- streets: a noded network on a jittered 120 m lattice (dense in the centre, thinning outwards with dead ends),
  road_class primary / secondary / residential / pedestrian and width_m (some residential widths unknown: NULL);
- candidate_sites: 40 sites (vacant land, public parcels, school yards) with an area and a rough cost, more of them
  where no public space is near: the inputs of the siting tool (habitat:publicspacesiting);
- public_spaces: the five SDG 11.7.1 types (park, civic park, square, recreational green area, public facility
  open area) plus spaces that must not count (private gardens, a fee-paying golf course); one civic park is a
  self-intersecting "bow-tie" on purpose, as digitised data often has;
- population grid (100 m, nodata outside the city): bands total, female, male, children (0-14), older people
  (65+), persons with disabilities, persons per cell; no population inside public spaces.
"""

import math
import os
import sys
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "sample_data"
GPKG = OUT_DIR / "sample_city.gpkg"
TIF = OUT_DIR / "sample_city_population.tif"

EPSG = 32650
CX, CY = 500_000.0, 3_500_000.0  # city centre
SPACING = 120.0  # street lattice
JITTER = 10.0
CELL = 100.0  # population grid
SEED = 20261122

DISTRICTS = [  # (name, Chinese name) of the central district, then the six sectors counter-clockwise from east
    ("Old Town", "老城区"),
    ("Eastfield", "东野区"),
    ("Northgate", "北门区"),
    ("Lakeview", "湖景区"),
    ("Westhill", "西山区"),
    ("Southbank", "南岸区"),
    ("Riverside", "滨江区"),
]

# (name, Chinese name, raw type as a planner's land-use table has it, access, fee, ownership,
#  lattice cell i0, j0, cells wide, cells high) — cell (i, j) spans CX + i*SPACING .. CX + (i+1)*SPACING.
PUBLIC_SPACES = [
    ("Central Park", "中央公园", "park", "public", "no", "public", -4, 1, 3, 3),
    ("People's Square", "人民广场", "square", "public", "no", "public", 0, -1, 1, 1),
    ("Drum Tower Square", "鼓楼广场", "square", "public", "no", "public", -4, -3, 1, 1),
    ("Station Square", "车站广场", "square", "public", "no", "public", 5, -1, 1, 1),
    ("Willow Civic Garden", "柳荫街心公园", "civic park", "public", "no", "public", 3, 3, 1, 1),
    ("Temple Civic Garden", "文庙街心公园", "civic park", "public", "no", "public", -6, 2, 1, 1),
    ("Market Civic Garden", "市场街心公园", "civic park", "public", "no", "public", 8, 5, 1, 1),
    ("Eastfield Park", "东野公园", "park", "public", "no", "public", 14, -2, 2, 2),
    ("Northgate Park", "北门公园", "park", "public", "no", "public", 2, 12, 3, 2),
    ("Lakeview Park", "湖景公园", "park", "public", "no", "public", -13, 9, 4, 2),
    ("Westhill Forest Park", "西山森林公园", "recreational green area", "public", "no", "public", -22, 1, 3, 4),
    ("Riverside Greenway", "滨江绿道", "recreational green area", "public", "no", "public", 6, -16, 12, 1),
    ("Southbank Pocket Park", "南岸口袋公园", "civic park", "public", "no", "public", -9, -12, 1, 1),
    ("City Stadium Grounds", "市体育场", "public facility open area", "public", "no", "public", 10, 10, 2, 2),
    ("Library Garden", "图书馆花园", "public facility open area", "public", "no", "public", -3, 5, 1, 1),
    (
        "No. 3 School Sports Ground",
        "第三中学运动场",
        "public facility open area",
        "public",
        "no",
        "public",
        -16,
        -7,
        2,
        1,
    ),
    ("Harbour Square", "码头广场", "square", "public", "no", "public", 12, -8, 1, 1),
    ("Westhill Square", "西山广场", "square", "public", "no", "public", -12, -4, 1, 1),
    ("Eastfield Civic Garden", "东野街心公园", "civic park", "public", "no", "public", 20, 3, 1, 1),
    ("Northgate Civic Garden", "北门街心公园", "civic park", "public", "no", "public", -6, 14, 1, 1),
    ("Lakeview Civic Garden", "湖景街心公园", "civic park", "public", "no", "public", -18, 10, 1, 1),
    ("Riverside Civic Garden", "滨江街心公园", "civic park", "public", "no", "public", 16, -10, 1, 1),
    ("Southbank Park", "南岸公园", "park", "public", "no", "public", -3, -14, 2, 2),
    ("Eastern Wetland Park", "东部湿地公园", "recreational green area", "public", "no", "public", 18, 8, 3, 2),
    ("Community Sports Park", "社区体育公园", "public facility open area", "public", "no", "public", 22, -5, 2, 1),
    ("Jade Garden (gated estate)", "翡翠花园（封闭小区）", "private garden", "private", "no", "private", 6, 6, 2, 1),
    ("Lakeside Residence Garden", "湖畔名苑花园", "private garden", "private", "no", "private", -8, 8, 1, 1),
    ("Hillside Golf Club", "山景高尔夫俱乐部", "golf course", "public", "yes", "private", -25, 5, 3, 4),
]
BOWTIE_SPACE = "Temple Civic Garden"


CANDIDATE_KINDS = [("vacant land", "空置用地"), ("public parcel", "公有地块"), ("school yard", "学校操场")]


def candidate_sites(extent: Polygon, spaces, rng):
    """Sites a planning team could turn into public space: whole or part blocks of the lattice inside the city,
    not on an existing space, more of them where no space is near (where the gaps are). Each with a kind, an area
    and a rough cost (million CNY: land is dearer near the centre)."""
    valid = [shape.buffer(0) for shape in spaces.values()]  # one space is a bow-tie on purpose
    taken = unary_union(valid).buffer(SPACING)
    inner = extent.buffer(-SPACING)
    cells = [
        (i, j)
        for i in range(-30, 31)
        for j in range(-25, 26)
        if inner.contains(box(CX + i * SPACING, CY + j * SPACING, CX + (i + 1) * SPACING, CY + (j + 1) * SPACING))
        and not taken.intersects(
            box(CX + i * SPACING, CY + j * SPACING, CX + (i + 1) * SPACING, CY + (j + 1) * SPACING)
        )
    ]
    far = unary_union(valid).buffer(450)
    weights = np.array(
        [3.0 if not far.contains(Point(CX + (i + 0.5) * SPACING, CY + (j + 0.5) * SPACING)) else 1.0 for i, j in cells]
    )
    chosen = rng.choice(len(cells), size=40, replace=False, p=weights / weights.sum())
    sites = []
    for number, index in enumerate(sorted(chosen, key=lambda k: cells[k]), start=1):
        i, j = cells[index]
        kind, kind_zh = CANDIDATE_KINDS[int(rng.randint(len(CANDIDATE_KINDS)))]
        x0, y0 = CX + i * SPACING + 9.0, CY + j * SPACING + 9.0
        if kind == "vacant land":
            shape = box(x0, y0, x0 + SPACING - 18.0, y0 + SPACING - 18.0)
        else:  # part of a block: 40-70 m by 50-100 m on its south-west corner
            shape = box(x0, y0, x0 + rng.uniform(40, 70), y0 + rng.uniform(50, 100))
        centre = math.hypot(shape.centroid.x - CX, shape.centroid.y - CY)
        price = (1.6 if kind == "vacant land" else 0.4) * (1.0 + 2.0 * max(0.0, 1.0 - centre / 3000.0))  # M/ha
        cost = round(shape.area / 10_000 * price, 2)
        sites.append(
            (shape, (number, f"Site {number:02d}", f"候选地块 {number:02d}", kind, kind_zh, round(shape.area, 1), cost))
        )
    return sites


def urban_extent() -> Polygon:
    points = []
    for k in range(180):
        theta = 2 * math.pi * k / 180
        r = 1 + 0.08 * math.sin(3 * theta + 0.4) + 0.05 * math.cos(5 * theta)
        points.append((CX + 3400 * r * math.cos(theta), CY + 2650 * r * math.sin(theta)))
    return Polygon(points)


def districts(extent: Polygon):
    core = Point(CX, CY).buffer(1150, 32)
    shapes = [core.intersection(extent)]
    reach = 10_000
    for k in range(6):
        a0, a1 = math.radians(-30 + 60 * k), math.radians(30 + 60 * k)
        arc = [
            (CX + reach * math.cos(a0 + (a1 - a0) * t / 8), CY + reach * math.sin(a0 + (a1 - a0) * t / 8))
            for t in range(9)
        ]
        sector = Polygon([(CX, CY)] + arc)
        shapes.append(sector.intersection(extent).difference(core))
    return shapes


def space_polygons():
    shapes = {}
    inset = 9.0  # the space ends at the street edge, not at the centre-line
    for name, _, _, _, _, _, i0, j0, w, h in PUBLIC_SPACES:
        x0, y0 = CX + i0 * SPACING + inset, CY + j0 * SPACING + inset
        x1, y1 = CX + (i0 + w) * SPACING - inset, CY + (j0 + h) * SPACING - inset
        if name == BOWTIE_SPACE:  # self-intersecting ring: corners in the wrong order
            shapes[name] = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])
        else:
            shapes[name] = box(x0, y0, x1, y1)
    return shapes


def street_network(extent: Polygon, spaces, rng):
    """Lattice edges kept by distance from the centre, jittered, chained into lines that end at junctions."""
    n_i = int(3700 // SPACING) + 1
    n_j = int(3000 // SPACING) + 1
    positions = {}

    def node(key):
        if key not in positions:
            i, j = key
            scale = 0.0 if i % 8 == 0 or j % 8 == 0 else JITTER  # arterials stay straight
            positions[key] = (
                CX + i * SPACING + rng.uniform(-scale, scale),
                CY + j * SPACING + rng.uniform(-scale, scale),
            )
        return positions[key]

    blocked = unary_union([shape.buffer(-1.0) for shape in spaces.values() if shape.is_valid])
    edges = []  # (road_class, node a, node b)
    for i in range(-n_i, n_i + 1):
        for j in range(-n_j, n_j + 1):
            for di, dj in ((1, 0), (0, 1)):
                a, b = (i, j), (i + di, j + dj)
                line_index = j if di == 1 else i  # the lattice line this edge lies on
                if line_index == 0:
                    road_class = "primary"
                elif line_index % 8 == 0:
                    road_class = "secondary"
                else:
                    road_class = "residential"
                segment = LineString([node(a), node(b)])
                if not extent.contains(segment):
                    continue
                if road_class == "residential":
                    if segment.intersects(blocked):
                        footpath = any(di == 0 and i == fi and j0 <= j < j1 for fi, j0, j1 in FOOTPATHS)
                        if not footpath:
                            continue  # parks are not crossed by roads
                        road_class = "pedestrian"
                    else:
                        distance = segment.interpolate(0.5, normalized=True).distance(Point(CX, CY))
                        if rng.uniform() > 0.97 - 0.4 * min(distance / 3200.0, 1.0):
                            continue
                edges.append((road_class, a, b))

    incident = {}
    for index, (_, a, b) in enumerate(edges):
        incident.setdefault(a, []).append(index)
        incident.setdefault(b, []).append(index)
    used = set()
    lines = []
    for start, (road_class, a, b) in enumerate(edges):
        if start in used:
            continue
        used.add(start)
        chain = [a, b]
        for forward in (True, False):  # extend through nodes where exactly two edges of this class meet
            while True:
                end = chain[-1] if forward else chain[0]
                nxt = [k for k in incident[end] if k not in used]
                if len(incident[end]) != 2 or len(nxt) != 1 or edges[nxt[0]][0] != road_class:
                    break
                used.add(nxt[0])
                _, p, q = edges[nxt[0]]
                other = q if p == end else p
                chain = chain + [other] if forward else [other] + chain
        lines.append((road_class, LineString([node(key) for key in chain])))
    return lines


# Footpaths across the two largest parks, along one interior lattice line: (i, j from, j to).
FOOTPATHS = [(-3, 1, 4), (-21, 1, 5)]


WIDTHS = {"primary": 30.0, "secondary": 20.0, "residential": 10.0, "pedestrian": 4.0}


def population(extent, spaces, rng):
    minx, miny, maxx, maxy = extent.bounds
    minx, miny = math.floor(minx / CELL) * CELL, math.floor(miny / CELL) * CELL
    maxx, maxy = math.ceil(maxx / CELL) * CELL, math.ceil(maxy / CELL) * CELL
    cols, rows = int((maxx - minx) / CELL), int((maxy - miny) / CELL)
    xs = minx + (np.arange(cols) + 0.5) * CELL
    ys = maxy - (np.arange(rows) + 0.5) * CELL
    gx, gy = np.meshgrid(xs, ys)
    r = np.hypot(gx - CX, (gy - CY) * 1.25)
    # Persons per 100 m cell: about 230 in the centre falling to about 45 at the edge, with local variation.
    total = 45.0 + 185.0 * np.exp(-r / 1500.0)
    total *= rng.lognormal(mean=0.0, sigma=0.25, size=total.shape)
    inside = np.zeros(total.shape, dtype=bool)
    open_space = np.zeros(total.shape, dtype=bool)
    valid_spaces = [shape if shape.is_valid else shape.buffer(0) for shape in spaces.values()]
    for row in range(rows):
        for col in range(cols):
            centre = Point(gx[row, col], gy[row, col])
            inside[row, col] = extent.contains(centre)
            open_space[row, col] = any(space.contains(centre) for space in valid_spaces)
    total = np.where(open_space, 0.0, total)
    centrality = np.exp(-r / 2500.0)
    female_share = 0.505 + rng.normal(0, 0.008, total.shape)
    child_share = 0.13 + 0.09 * (1 - centrality) + rng.normal(0, 0.01, total.shape)
    older_share = 0.08 + 0.09 * centrality + rng.normal(0, 0.01, total.shape)
    disability_share = 0.05 + 0.35 * older_share + rng.normal(0, 0.005, total.shape)
    female = total * female_share
    bands = [total, female, total - female, total * child_share, total * older_share, total * disability_share]
    nodata = -9999.0
    return [np.where(inside, band, nodata).astype(np.float32) for band in bands], (minx, maxy), nodata


BAND_NAMES = ["total", "female", "male", "children_0_14", "older_65_plus", "disability"]


def write_gpkg(path, layers, current_date="2026-11-22T00:00:00.000Z"):
    """A GeoPackage of ``layers`` [(name, OGR geometry type, [(field, OGR type)], [(shapely geometry, values)])]
    in EPSG:32650, with fixed timestamps so that the file is the same on every run."""
    gdal.SetConfigOption("OGR_CURRENT_DATE", current_date)
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    data_source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, geometry_type, fields, rows in layers:
        layer = data_source.CreateLayer(name, srs, geometry_type, options=["FID=fid", "SPATIAL_INDEX=YES"])
        for field_name, field_type in fields:
            layer.CreateField(ogr.FieldDefn(field_name, field_type))
        layer.StartTransaction()
        for geometry, values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for (field_name, _), value in zip(fields, values):
                if value is not None:
                    feature.SetField(field_name, value)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(geometry.wkb))
            layer.CreateFeature(feature)
        layer.CommitTransaction()
    data_source = None


def write_tif(path, bands, origin, nodata):
    rows, cols = bands[0].shape
    driver = gdal.GetDriverByName("GTiff")
    dataset = driver.Create(
        str(path), cols, rows, len(bands), gdal.GDT_Float32, options=["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=NO"]
    )
    dataset.SetGeoTransform((origin[0], CELL, 0.0, origin[1], 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.SetMetadataItem("TIFFTAG_DATETIME", "2026:11:22 00:00:00")
    for index, (band, name) in enumerate(zip(bands, BAND_NAMES), start=1):
        raster_band = dataset.GetRasterBand(index)
        raster_band.SetDescription(name)
        raster_band.SetNoDataValue(nodata)
        raster_band.WriteArray(band)
    dataset.FlushCache()
    dataset = None
    aux = Path(str(path) + ".aux.xml")
    if aux.exists():
        aux.unlink()


def main() -> int:
    rng = np.random.RandomState(SEED)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    extent = urban_extent()
    district_shapes = districts(extent)
    spaces = space_polygons()
    streets = street_network(extent, spaces, rng)
    bands, origin, nodata = population(extent, spaces, rng)

    width_rng = np.random.RandomState(SEED + 1)
    street_rows = []
    for number, (road_class, line) in enumerate(streets, start=1):
        width = WIDTHS[road_class]
        if road_class == "residential":
            width = float(round(width + width_rng.uniform(-2.0, 2.0), 1))
            if width_rng.uniform() < 0.1:
                width = None  # not surveyed yet
        street_rows.append((line, (number, road_class, width)))

    layers = [
        (
            "urban_extent",
            ogr.wkbPolygon,
            [("name", ogr.OFTString), ("name_zh", ogr.OFTString)],
            [(extent, ("Sample City", "示例城市"))],
        ),
        (
            "districts",
            ogr.wkbMultiPolygon,
            [("district_id", ogr.OFTInteger), ("name", ogr.OFTString), ("name_zh", ogr.OFTString)],
            [(_multi(shape), (k + 1, *DISTRICTS[k])) for k, shape in enumerate(district_shapes)],
        ),
        (
            "streets",
            ogr.wkbLineString,
            [("street_id", ogr.OFTInteger), ("road_class", ogr.OFTString), ("width_m", ogr.OFTReal)],
            street_rows,
        ),
        (
            "public_spaces",
            ogr.wkbPolygon,
            [
                ("ps_id", ogr.OFTInteger),
                ("name", ogr.OFTString),
                ("name_zh", ogr.OFTString),
                ("ps_type", ogr.OFTString),
                ("access", ogr.OFTString),
                ("fee", ogr.OFTString),
                ("ownership", ogr.OFTString),
            ],
            [(spaces[row[0]], (k + 1, *row[:6])) for k, row in enumerate(PUBLIC_SPACES)],
        ),
    ]
    # Drawn last, from a generator of its own: the layers above are the same as before the sites existed.
    sites = candidate_sites(extent, spaces, np.random.RandomState(SEED + 2))
    layers.append(
        (
            "candidate_sites",
            ogr.wkbPolygon,
            [
                ("site_id", ogr.OFTInteger),
                ("name", ogr.OFTString),
                ("name_zh", ogr.OFTString),
                ("kind", ogr.OFTString),
                ("kind_zh", ogr.OFTString),
                ("area_m2", ogr.OFTReal),
                ("cost_m", ogr.OFTReal),
            ],
            sites,
        )
    )
    write_gpkg(GPKG, layers)
    write_tif(TIF, bands, origin, nodata)
    total = float(bands[0][bands[0] != nodata].sum())
    print(
        f"{GPKG.relative_to(ROOT)}: {len(street_rows)} streets, {len(PUBLIC_SPACES)} public spaces, "
        f"{len(district_shapes)} districts, urban extent {extent.area / 1e6:.1f} km2"
    )
    print(
        f"{TIF.relative_to(ROOT)}: {bands[0].shape[1]} x {bands[0].shape[0]} cells of {CELL:.0f} m, "
        f"population {total:,.0f}"
    )
    return 0


def _multi(shape):
    from shapely.geometry import MultiPolygon

    return shape if shape.geom_type == "MultiPolygon" else MultiPolygon([shape])


if __name__ == "__main__":
    os.environ.setdefault("GDAL_PAM_ENABLED", "NO")
    sys.exit(main())
