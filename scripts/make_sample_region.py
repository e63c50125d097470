#!/usr/bin/env python3
"""Write the bundled sample region for the Spatial Development Framework tools:
resources/sample_data/sample_region.gpkg.

Deterministic (fixed seed and GeoPackage timestamps). Run with Debian's python:
.venv/bin/python scripts/make_sample_region.py

"Sample Region" / 示例区域, about 60 x 45 km in WGS 84 / UTM zone 50N (EPSG:32650):
- settlements: 60 points (a regional capital, 4 towns, 15 small towns, 40 villages) with English and Chinese
  names, population and indicators (growth, poverty, water access, enrolment; one value missing on purpose);
- facilities: one point per function a settlement has (primary school ... university); the more people, the more
  functions, with some irregularity, as a real scalogram has;
- roads: a minimum spanning tree of the settlements plus links to near neighbours, classed primary / secondary /
  tertiary / track; one remote village has no road on purpose;
- scenario_roads and scenario_facilities: the workshop's what-if scenario (a new road to the roadless village, the
  track at its end upgraded, a hospital in the largest town without one).
"""

import math
import sys
from pathlib import Path

import numpy as np
from osgeo import ogr
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.spatial import distance_matrix
from shapely.geometry import LineString, Point

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sample_city import write_gpkg  # noqa: E402  (one GeoPackage writer for both samples)

ROOT = Path(__file__).resolve().parent.parent
GPKG = ROOT / "resources" / "sample_data" / "sample_region.gpkg"
EPSG = 32650
X0, Y0 = 440_000.0, 3_430_000.0
WIDTH, HEIGHT = 60_000.0, 45_000.0
SEED = 20261123

# Functions in rough order of the population they need (people at which half the settlements have one).
FUNCTIONS = [
    ("primary school", 250),
    ("health post", 600),
    ("market", 900),
    ("secondary school", 2500),
    ("police post", 3000),
    ("post office", 4000),
    ("health centre", 5000),
    ("bank", 8000),
    ("bus station", 12000),
    ("district office", 20000),
    ("hospital", 30000),
    ("technical college", 60000),
    ("university", 120000),
]
# The function in Chinese too (function_zh), as the settlements carry name and name_zh: a Chinese workshop reads
# its scalogram in Chinese.
FUNCTIONS_ZH = {
    "primary school": "小学",
    "health post": "卫生室",
    "market": "集市",
    "secondary school": "中学",
    "police post": "警务室",
    "post office": "邮局",
    "health centre": "卫生院",
    "bank": "银行",
    "bus station": "汽车站",
    "district office": "区政府",
    "hospital": "医院",
    "technical college": "职业技术学院",
    "university": "大学",
}
SYLLABLES = [
    ("Lin", "林"),
    ("He", "河"),
    ("Shan", "山"),
    ("Qiao", "桥"),
    ("Dong", "东"),
    ("Xi", "西"),
    ("Nan", "南"),
    ("Bei", "北"),
    ("Song", "松"),
    ("Mei", "梅"),
    ("Shi", "石"),
    ("Hu", "湖"),
    ("Ping", "平"),
    ("An", "安"),
    ("Yuan", "源"),
    ("Feng", "丰"),
    ("Tai", "泰"),
    ("Gu", "谷"),
    ("Ning", "宁"),
    ("Chang", "长"),
]
SUFFIXES = {
    "capital": ("City", "市"),
    "town": ("Town", "镇"),
    "small town": ("Town", "镇"),
    "village": ("Village", "村"),
}


def main() -> int:
    rng = np.random.default_rng(SEED)
    kinds = ["capital"] + ["town"] * 4 + ["small town"] * 15 + ["village"] * 40
    population_range = {
        "capital": (150_000, 150_000),
        "town": (18_000, 40_000),
        "small town": (3_000, 10_000),
        "village": (300, 2_500),
    }
    points = [(X0 + WIDTH / 2, Y0 + HEIGHT / 2)]
    while len(points) < len(kinds):
        candidate = (X0 + rng.uniform(2_000, WIDTH - 2_000), Y0 + rng.uniform(2_000, HEIGHT - 2_000))
        spacing = 6_000 if len(points) < 5 else 2_200
        if min(math.dist(candidate, p) for p in points) > spacing:
            points.append(candidate)
    xy = np.array(points)
    population = np.array([round(rng.uniform(*population_range[k]), -1) for k in kinds])
    names, used = [], set()
    for kind in kinds:
        while True:
            a, b = rng.choice(len(SYLLABLES), 2, replace=False)
            if (a, b) not in used:
                used.add((a, b))
                break
        en = SYLLABLES[a][0] + SYLLABLES[b][0].lower()
        names.append((f"{en} {SUFFIXES[kind][0]}", SYLLABLES[a][1] + SYLLABLES[b][1] + SUFFIXES[kind][1]))

    # Functions: probability grows with log population around each function's threshold.
    has = np.zeros((len(kinds), len(FUNCTIONS)), dtype=bool)
    for j, (_, threshold) in enumerate(FUNCTIONS):
        p = 1.0 / (1.0 + np.exp(-6.0 * (np.log10(population) - np.log10(threshold))))
        has[:, j] = rng.uniform(size=len(kinds)) < p
    has[0, :] = True  # the capital has everything

    remote = len(kinds) - 1  # the last village: no road
    xy[remote] = (X0 + WIDTH - 1_500, Y0 + HEIGHT - 1_500)
    connected = [i for i in range(len(kinds)) if i != remote]
    d = distance_matrix(xy[connected], xy[connected])
    tree = minimum_spanning_tree(d).tocoo()
    links = {tuple(sorted((connected[a], connected[b]))) for a, b in zip(tree.row, tree.col)}
    for a_index, a in enumerate(connected):  # a second link to the nearest other neighbour: loops, as real roads
        order = np.argsort(d[a_index])
        links.add(tuple(sorted((a, connected[order[2]]))))
    rank = {"capital": 0, "town": 1, "small town": 2, "village": 3}
    roads = []
    for a, b in sorted(links):
        top = min(rank[kinds[a]], rank[kinds[b]])
        worst = max(rank[kinds[a]], rank[kinds[b]])
        road_class = "primary" if worst <= 1 else "secondary" if top <= 1 else "tertiary" if worst <= 2 else "track"
        middle = (xy[a] + xy[b]) / 2 + rng.normal(0, 300, 2)  # a bend, so roads are not straight lines
        roads.append((LineString([tuple(xy[a]), tuple(middle), tuple(xy[b])]), [road_class]))

    distance_to_capital = np.hypot(*(xy - xy[0]).T)
    growth = np.round(rng.normal(2.5, 1.0, len(kinds)) - distance_to_capital / 20_000, 2)
    poverty = np.round(
        np.clip(15 + distance_to_capital / 1_500 - np.log10(population) * 3 + rng.normal(0, 4, len(kinds)), 3, 70), 1
    )
    water = np.round(np.clip(95 - poverty * 0.8 + rng.normal(0, 5, len(kinds)), 20, 100), 1)
    enrolment = np.round(np.clip(98 - poverty * 0.5 + rng.normal(0, 4, len(kinds)), 40, 100), 1)
    enrolment_values = [float(v) for v in enrolment]
    enrolment_values[17] = None  # not surveyed

    settlements = [
        (
            Point(xy[i]),
            [
                i + 1,
                names[i][0],
                names[i][1],
                kinds[i],
                int(population[i]),
                float(growth[i]),
                float(poverty[i]),
                float(water[i]),
                enrolment_values[i],
            ],
        )
        for i in range(len(kinds))
    ]
    facilities = []
    for i in range(len(kinds)):
        for j, (function, _) in enumerate(FUNCTIONS):
            if has[i, j]:
                offset = rng.normal(0, 250, 2)
                facilities.append((Point(xy[i] + offset), [function, FUNCTIONS_ZH[function], i + 1]))

    # The workshop's scenario (habitat:sdfscenario): a new road from the roadless village to its nearest neighbour on
    # the network, the track there upgraded, and a hospital in the largest town without one.
    nearest = connected[int(np.argmin([math.dist(xy[remote], xy[i]) for i in connected]))]
    bend = (xy[remote] + xy[nearest]) / 2 + np.array([400.0, -400.0])
    scenario_roads = [
        (
            LineString([tuple(xy[remote]), tuple(bend), tuple(xy[nearest])]),
            ["secondary", f"New road to {names[remote][0]}", f"通往{names[remote][1]}的新道路"],
        )
    ]
    for line, (road_class,) in roads:
        ends = [tuple(line.coords[0]), tuple(line.coords[-1])]
        if road_class == "track" and tuple(xy[nearest]) in ends:
            scenario_roads.append(
                (line, ["secondary", f"Track at {names[nearest][0]} upgraded", f"{names[nearest][1]}的土路升级"])
            )
    hospital = [j for j, (function, _) in enumerate(FUNCTIONS) if function == "hospital"][0]
    town = max((i for i in range(len(kinds)) if not has[i, hospital]), key=lambda i: population[i])
    scenario_facilities = [
        (Point(xy[town] + np.array([150.0, 150.0])), ["hospital", FUNCTIONS_ZH["hospital"], town + 1])
    ]

    layers = [
        (
            "settlements",
            ogr.wkbPoint,
            [
                ("settlement_id", ogr.OFTInteger),
                ("name", ogr.OFTString),
                ("name_zh", ogr.OFTString),
                ("kind", ogr.OFTString),
                ("population", ogr.OFTInteger),
                ("growth_pct", ogr.OFTReal),
                ("poverty_pct", ogr.OFTReal),
                ("water_pct", ogr.OFTReal),
                ("enrolment_pct", ogr.OFTReal),
            ],
            settlements,
        ),
        (
            "facilities",
            ogr.wkbPoint,
            [("function", ogr.OFTString), ("function_zh", ogr.OFTString), ("settlement_id", ogr.OFTInteger)],
            facilities,
        ),
        ("roads", ogr.wkbLineString, [("highway", ogr.OFTString)], roads),
        (
            "scenario_roads",
            ogr.wkbLineString,
            [("highway", ogr.OFTString), ("project", ogr.OFTString), ("project_zh", ogr.OFTString)],
            scenario_roads,
        ),
        (
            "scenario_facilities",
            ogr.wkbPoint,
            [("function", ogr.OFTString), ("function_zh", ogr.OFTString), ("settlement_id", ogr.OFTInteger)],
            scenario_facilities,
        ),
    ]
    write_gpkg(GPKG, layers, current_date="2026-11-23T00:00:00.000Z")
    print(
        f"{GPKG.relative_to(ROOT)}: {len(settlements)} settlements, {len(facilities)} facilities of "
        f"{len(FUNCTIONS)} functions, {len(roads)} roads"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
