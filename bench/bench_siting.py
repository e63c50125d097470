#!/usr/bin/env python3
"""Benchmark: habitat:publicspacesiting with 2,000 candidate sites on the 100k-segment synthetic city, against
what a user would otherwise do (run habitat:publicspaceaccess once per candidate site, and again per site chosen).

    .venv/bin/python bench/bench_siting.py            # 100k segments, 2,000 candidates
    .venv/bin/python bench/bench_siting.py --quick    # 10k segments, 200 candidates

Ours: the core (coverage of every candidate: one limited search each; then greedy and the exact HiGHS model) and
the full Processing algorithm on files (GeoPackage streets, spaces and candidates, GeoTIFF population, urban
extent; the chosen sites and the curve as temporary layers, no report). The other way: one run of
habitat:publicspaceaccess on the same files with one candidate added (numbers only) measured, times the number of
candidates (to rank the single sites) and times candidates x sites (a greedy choice by hand). Each measurement runs
in its own process (peak memory its own). The result is checked: publicspaceaccess with the existing spaces plus
the chosen sites gives the share the siting tool reports.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_access import WORK, _qgis, peak_gb, urban_extent, worker_files  # noqa: E402

MAX_DISTANCE = 400.0
K = 10


def candidate_squares(city, count, seed=5):
    """``count`` squares of 60 m centred in blocks of the lattice (between streets), at distinct blocks."""
    import numpy as np
    from shapely.geometry import box

    rng = np.random.default_rng(seed)
    blocks = int(city.size_m // 100)
    cells = rng.choice(blocks * blocks, size=count, replace=False)
    x = city.origin[0] + (cells // blocks + 0.5) * 100.0
    y = city.origin[1] + (cells % blocks + 0.5) * 100.0
    return [box(cx - 30, cy - 30, cx + 30, cy + 30) for cx, cy in zip(x, y)]


def worker_candidates(n, count):
    from osgeo import ogr, osr

    from bench.synthetic_city import make_city

    city = make_city(n)
    path = WORK / str(n) / f"candidates_{count}.gpkg"
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("candidates", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("site", ogr.OFTString))
    layer.StartTransaction()
    for index, shape in enumerate(candidate_squares(city, count)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("site", f"site {index}")
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shape.wkb))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None
    return {"path": str(path)}


def worker_core(n, count):
    import numpy as np

    from bench.synthetic_city import make_city
    from habitat_planning_plugin.core.public_space.siting import candidate_coverage, choose_sites

    city = make_city(n)
    candidates = candidate_squares(city, count)
    lines = (np.concatenate(city.lines), np.array([len(line) for line in city.lines]))
    started = time.perf_counter()
    coverage = candidate_coverage(
        lines,
        city.spaces,
        candidates,
        city.population_xy,
        city.population,
        max_distance=MAX_DISTANCE,
        extents=[urban_extent(city)],
    )
    coverage_seconds = time.perf_counter() - started
    runs = {}
    for label, k, exact in (("greedy", K, False), ("exact", K, True), ("exact k=50", 50, True)):
        started = time.perf_counter()
        selection = choose_sites(coverage, k=k, use_milp=exact)
        runs[label] = {
            "seconds": time.perf_counter() - started,
            "objective": selection.objective,
            "method": selection.method,
            "gap_pct": selection.gap_pct,
            "status": selection.milp_status,
            "pairs": selection.pairs,
            "greedy": selection.greedy_objective,
        }
    return {
        "coverage_seconds": coverage_seconds,
        "pairs": int(len(coverage.indices)),
        "usable": int(coverage.usable.sum()),
        "runs": runs,
        "peak_gb": peak_gb(),
    }


def worker_processing(n, count):
    app = _qgis()
    from qgis import processing
    from qgis.core import QgsApplication

    from habitat_planning_plugin.processing.provider import HabitatProvider

    provider = HabitatProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    folder = WORK / str(n)
    started = time.perf_counter()
    result = processing.run(
        "habitat:publicspacesiting",
        {
            "STREETS": f"{folder / 'city.gpkg'}|layername=streets",
            "PUBLIC_SPACES": f"{folder / 'city.gpkg'}|layername=spaces",
            "CANDIDATES": str(folder / f"candidates_{count}.gpkg"),
            "CANDIDATE_NAME_FIELD": "site",
            "POPULATION_RASTER": str(folder / "population.tif"),
            "URBAN_EXTENT": f"{folder / 'city.gpkg'}|layername=extent",
            "NUMBER_OF_SITES": K,
            "MAX_DISTANCE": MAX_DISTANCE,
            "OUTPUT_SITES": str(folder / "chosen.gpkg"),
            "OUTPUT_CURVE": "memory:",
            "OUTPUT_REPORT": None,
        },
    )
    seconds = time.perf_counter() - started
    return {
        "_app": id(app),
        "_provider": id(provider),
        "seconds": seconds,
        "peak_gb": peak_gb(),
        "share_before": result["SHARE_BEFORE"],
        "share_after": result["SHARE_AFTER"],
        "gap_pct": result["GAP_PCT"],
        "sites": result["SITES_CHOSEN"],
    }


def worker_access(n, with_chosen):
    """habitat:publicspaceaccess on the same files, numbers only: with one candidate added (the step a user repeats
    per candidate), or with the chosen sites added (the check)."""
    app = _qgis()
    from osgeo import ogr
    from qgis import processing
    from qgis.core import QgsApplication

    from habitat_planning_plugin.processing.provider import HabitatProvider

    provider = HabitatProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    folder = WORK / str(n)
    merged = folder / ("with_chosen.gpkg" if with_chosen else "with_one.gpkg")
    if merged.exists():
        merged.unlink()
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(merged))
    spaces = ogr.Open(str(folder / "city.gpkg"))
    layer = target.CopyLayer(spaces.GetLayerByName("spaces"), "spaces")
    extra = (
        ogr.Open(str(folder / "chosen.gpkg")) if with_chosen else ogr.Open(str(next(folder.glob("candidates_*.gpkg"))))
    )
    for number, feature in enumerate(extra.GetLayer(0)):
        if not with_chosen and number > 0:
            break
        copy = ogr.Feature(layer.GetLayerDefn())
        copy.SetGeometry(feature.GetGeometryRef().Clone())
        layer.CreateFeature(copy)
    target = spaces = extra = layer = None
    started = time.perf_counter()
    result = processing.run(
        "habitat:publicspaceaccess",
        {
            "STREETS": f"{folder / 'city.gpkg'}|layername=streets",
            "PUBLIC_SPACES": str(merged),
            "POPULATION_RASTER": str(folder / "population.tif"),
            "URBAN_EXTENT": f"{folder / 'city.gpkg'}|layername=extent",
            "MAX_DISTANCE": MAX_DISTANCE,
            "STRAIGHT_LINE": False,
            "OUTPUT_NETWORK": None,
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_TABLE": "memory:",
        },
    )
    seconds = time.perf_counter() - started
    return {
        "_app": id(app),
        "_provider": id(provider),
        "seconds": seconds,
        "peak_gb": peak_gb(),
        "share": result["SHARE_SERVED"],
    }


def worker_scale(n, count):
    """The exact solver on larger covering models: longer walks make each candidate cover more people."""
    import numpy as np

    from bench.synthetic_city import make_city
    from habitat_planning_plugin.core.public_space.siting import candidate_coverage, choose_sites

    city = make_city(n)
    lines = (np.concatenate(city.lines), np.array([len(line) for line in city.lines]))
    rows = []
    for walk in (800.0, 1200.0):
        coverage = candidate_coverage(
            lines, city.spaces, candidate_squares(city, count), city.population_xy, city.population, max_distance=walk
        )
        for k in (10, 50):
            started = time.perf_counter()
            selection = choose_sites(coverage, k=k, max_pairs=10**7)
            rows.append(
                {
                    "walk": walk,
                    "k": k,
                    "pairs": selection.pairs,
                    "seconds": time.perf_counter() - started,
                    "status": selection.milp_status,
                    "milp": selection.milp_objective,
                    "greedy": selection.greedy_objective,
                    "method": selection.method,
                    "gap_pct": selection.gap_pct,
                }
            )
    return {"rows": rows}


WORKERS = {
    "scale": worker_scale,
    "candidates": lambda n, c: worker_candidates(n, c),
    "core": worker_core,
    "processing": worker_processing,
    "access_one": lambda n, c: worker_access(n, False),
    "access_chosen": lambda n, c: worker_access(n, True),
    "files": lambda n, c: worker_files(n),
}


def run_worker(kind, n, count):
    import subprocess

    completed = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(n), str(count)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{kind} {n} failed:\n{completed.stderr[-3000:]}")
    return json.loads(lines[-1])


def main(argv) -> int:
    if len(argv) == 5 and argv[1] == "--worker":
        print(json.dumps(WORKERS[argv[2]](int(argv[3]), int(argv[4]))), flush=True)
        os._exit(0)
    n, count = (10_000, 200) if "--quick" in argv else (100_000, 2_000)
    print(
        f"habitat:publicspacesiting benchmark, {MAX_DISTANCE:g} m, {count:,} candidate sites, k = {K}, on "
        f"{os.cpu_count()} cores; files in {WORK}"
    )
    info = run_worker("files", n, count)
    run_worker("candidates", n, count)
    core = run_worker("core", n, count)
    alg = run_worker("processing", n, count)
    one = run_worker("access_one", n, count)
    check = run_worker("access_chosen", n, count)
    scale = run_worker("scale", n, count)
    print()
    print(
        f"city: {info['edges']:,} street segments, {info['spaces']:,} public spaces, {info['cells']:,} population "
        f"cells; {core['usable']:,} of {count:,} candidates reachable, {core['pairs']:,} candidate-person pairs"
    )
    print(f"core, coverage of all candidates (one limited search each): {core['coverage_seconds']:.2f} s")
    for label, run in core["runs"].items():
        print(
            f"core, choice {label:<11}: {run['seconds']:6.2f} s  kept {run['method']:<6} {run['objective']:>10,.0f} "
            f"people (greedy {run['greedy']:,.0f}); exact solver: {run['status']}, {run['pairs']:,} pairs; "
            f"gap {run['gap_pct']:.3f} %"
        )
    peak = max(core["peak_gb"], alg["peak_gb"])
    print(
        f"algorithm from files (k = {K}, exact solver on): {alg['seconds']:.1f} s, peak {peak:.2f} GB "
        f"(target < 60 s, < 2 GB); share {alg['share_before']:.2f} % -> {alg['share_after']:.2f} %, "
        f"gap {alg['gap_pct']:.3f} %"
    )
    per_run = one["seconds"]
    print(
        f"the other way: habitat:publicspaceaccess with one candidate added: {per_run:.2f} s per run -> "
        f"x{count:,} candidates = {per_run * count / 60:,.0f} min to rank single sites "
        f"({per_run * count / alg['seconds']:,.0f}x slower), x{count:,} x {K} sites = "
        f"{per_run * count * K / 3600:,.1f} h for a greedy choice by hand "
        f"({per_run * count * K / alg['seconds']:,.0f}x slower)"
    )
    for row in scale["rows"]:
        print(
            f"exact solver, walk {row['walk']:g} m, k = {row['k']}: {row['pairs']:,} pairs, {row['seconds']:.1f} s, "
            f"{row['status']}; exact {row['milp']:,.0f} vs greedy {row['greedy']:,.0f} people, kept "
            f"{row['method']}, gap {row['gap_pct']:.3f} %"
        )
    same = abs(check["share"] - alg["share_after"]) <= 1e-9 * max(1.0, alg["share_after"])
    print(
        f"check: habitat:publicspaceaccess with the existing spaces plus the {alg['sites']} chosen sites: "
        f"{check['share']:.6f} % vs {alg['share_after']:.6f} % reported -> {'same' if same else 'DIFFERENT'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
