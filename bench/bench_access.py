#!/usr/bin/env python3
"""Benchmark: habitat:publicspaceaccess against the workflow a QGIS user has today, side by side.

    .venv/bin/python bench/bench_access.py            # 10k and 100k edges with native, then 1M edges (ours)
    .venv/bin/python bench/bench_access.py --quick    # 10k only

Ours: the core (one multi-source Dijkstra, exact snapping) and the full Processing algorithm on files
(GeoPackage streets and spaces, GeoTIFF population in; the network and table out as temporary layers, QGIS's
default and what the native workflow writes too; the display-only service-area polygon left off), with the
defaults of issue 17 on: entrances along streets (mid-segment) and an urban extent that leaves out the city's
outer ring (people outside it dropped, the network cut to the extent plus a walk); "no ext." runs the numbers
without the extent (every person and street of the files counts; issue 11: under 6 s at 1M edges).
Native: native:serviceareafromlayer from the same entrances (one per space), its lines buffered 25 m and
dissolved, then native:zonalstatisticsfb summing the population grid inside: what a planner does by hand.
Each measurement runs in its own process, so peak memory (max RSS) is its own. Served/unserved status of every
network vertex is compared between our distances and native's reachable vertices, both with entrances at the
vertices only (native has no other kind), in a separate core run without the extent.
"""

import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("HABITAT_BENCH_DIR", Path(tempfile.gettempdir()) / "habitat-bench"))
MAX_DISTANCE = 400.0
TIE_M = 0.5


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024  # Linux: kB


# --- workers (each in its own process) ---------------------------------------------------------------------------


def worker_files(n):
    """Write the city as GeoPackage + GeoTIFF (not timed)."""
    import numpy as np
    from osgeo import gdal, ogr, osr
    from shapely.geometry import LineString, Point

    from bench.synthetic_city import make_city
    from habitat_planning_plugin.core.network import build_graph
    from habitat_planning_plugin.core.public_space.access import entry_points

    city = make_city(n)
    # Native starts from the same entrances as ours: the vertices inside a space (start cost 0 here).
    entries, _ = entry_points(build_graph(city.lines), city.spaces, 25.0)
    entry_xy = build_graph(city.lines).xy[entries]
    folder = WORK / str(n)
    folder.mkdir(parents=True, exist_ok=True)
    gpkg = folder / "city.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    for name, kind, shapes in (
        ("streets", ogr.wkbLineString, [LineString(line) for line in city.lines]),
        ("spaces", ogr.wkbPolygon, city.spaces),
        ("extent", ogr.wkbPolygon, [urban_extent(city)]),
        ("entries", ogr.wkbPoint, [Point(p) for p in entry_xy]),
    ):
        layer = source.CreateLayer(name, srs, kind)
        layer.StartTransaction()
        definition = layer.GetLayerDefn()
        for shape in shapes:
            feature = ogr.Feature(definition)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shape.wkb))
            layer.CreateFeature(feature)
        layer.CommitTransaction()
    source = None
    # The population grid: the same cells as city.population_xy (row-major from the bottom), as a GeoTIFF.
    per_side = int(math.ceil(math.sqrt(len(city.population_xy))))
    step = city.population_xy[1, 0] - city.population_xy[0, 0]
    grid = np.full(per_side * per_side, -9999.0)
    grid[: len(city.population)] = city.population[:, 0]
    grid = grid.reshape(per_side, per_side)[::-1]
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(folder / "population.tif"), per_side, per_side, 1, gdal.GDT_Float32
    )
    dataset.SetGeoTransform((city.origin[0], step, 0.0, city.origin[1] + per_side * step, 0.0, -step))
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).SetNoDataValue(-9999.0)
    dataset.GetRasterBand(1).WriteArray(grid)
    dataset = None
    return {
        "spaces": len(city.spaces),
        "cells": len(city.population),
        "edges": len(city.lines),
        "entries": len(entry_xy),
    }


def urban_extent(city):
    """An irregular urban extent: the city less a 10 % outer ring, with a notch cut into one side."""
    from shapely.geometry import box

    x0, y0 = city.origin
    margin = city.size_m * 0.1
    outline = box(x0 + margin, y0 + margin, x0 + city.size_m - margin, y0 + city.size_m - margin)
    notch = box(x0 + city.size_m * 0.45, y0, x0 + city.size_m * 0.55, y0 + city.size_m * 0.3)
    return outline.difference(notch)


def worker_core(n):
    import numpy as np

    from bench.synthetic_city import make_city
    from habitat_planning_plugin.core.public_space.access import public_space_access

    city = make_city(n)
    # The streets as the readers hand them over: all coordinates and the vertex count of each line.
    lines = (np.concatenate(city.lines), np.array([len(line) for line in city.lines]))
    started = time.perf_counter()
    public_space_access(
        lines,
        city.spaces,
        city.population_xy,
        city.population,
        ["total"],
        max_distance=MAX_DISTANCE,
        straight_line=False,
        extents=[urban_extent(city)],
    )
    seconds = time.perf_counter() - started
    # The vertex comparison with native: entrances at vertices only, no extent (native has neither).
    result = public_space_access(
        city.lines,
        city.spaces,
        city.population_xy,
        city.population,
        ["total"],
        max_distance=MAX_DISTANCE,
        straight_line=False,
        mid_segment_entrances=False,
    )
    # Vertices within TIE_M of the limit may fall either way (the engines' lengths differ in the last digits).
    served = {
        f"{x:.3f},{y:.3f}": bool(d <= MAX_DISTANCE)
        for (x, y), d in zip(result.graph.xy, result.vertex_distance)
        if abs(d - MAX_DISTANCE) > TIE_M
    }
    np.save(
        WORK / str(n) / "ours_vertices.npy",
        np.array([[float(v) for v in k.split(",")] + [s] for k, s in served.items()]),
    )
    return {
        "seconds": seconds,
        "peak_gb": peak_gb(),
        "share": result.rows[0]["share_pct"],
        "edges": result.graph.n_edges,
    }


def _qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


def worker_processing(n, network_layer=True, extent=True):
    app = _qgis()
    from qgis import processing
    from qgis.core import QgsApplication

    from habitat_planning_plugin.processing.provider import HabitatProvider

    provider = HabitatProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    folder = WORK / str(n)
    started = time.perf_counter()
    result = processing.run(
        "habitat:publicspaceaccess",
        {
            "STREETS": f"{folder / 'city.gpkg'}|layername=streets",
            "PUBLIC_SPACES": f"{folder / 'city.gpkg'}|layername=spaces",
            "POPULATION_RASTER": str(folder / "population.tif"),
            "URBAN_EXTENT": f"{folder / 'city.gpkg'}|layername=extent" if extent else None,
            "MAX_DISTANCE": MAX_DISTANCE,
            # Temporary layers, as QGIS creates by default and as the native workflow below uses.
            "OUTPUT_NETWORK": "memory:" if network_layer else None,
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_TABLE": "memory:",
        },
    )
    seconds = time.perf_counter() - started
    share = result["SHARE_SERVED"]
    return {"seconds": seconds, "peak_gb": peak_gb(), "share": share, "_app": id(app)}


def worker_native(n):
    import numpy as np

    app = _qgis()
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    folder = WORK / str(n)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("NONE")  # planar, like ours
    started = time.perf_counter()
    area = processing.run(
        "native:serviceareafromlayer",
        {
            "INPUT": f"{folder / 'city.gpkg'}|layername=streets",
            "STRATEGY": 0,
            "START_POINTS": f"{folder / 'city.gpkg'}|layername=entries",
            "TRAVEL_COST2": MAX_DISTANCE,
            "INCLUDE_BOUNDS": False,
            "TOLERANCE": 0.001,
            "OUTPUT": "memory:",
            "OUTPUT_LINES": "memory:",
        },
        context=context,
    )
    service_seconds = time.perf_counter() - started
    buffered = processing.run(
        "native:buffer",
        {"INPUT": area["OUTPUT_LINES"], "DISTANCE": 25.0, "SEGMENTS": 4, "DISSOLVE": True, "OUTPUT": "memory:"},
        context=context,
    )["OUTPUT"]
    zonal = processing.run(
        "native:zonalstatisticsfb",
        {
            "INPUT": buffered,
            "INPUT_RASTER": str(folder / "population.tif"),
            "RASTER_BAND": 1,
            "COLUMN_PREFIX": "pop_",
            "STATISTICS": [1],
            "OUTPUT": "memory:",
        },
        context=context,
    )["OUTPUT"]
    seconds = time.perf_counter() - started
    served_people = sum(f["pop_sum"] or 0.0 for f in zonal.getFeatures())
    reached = set()
    for feature in area["OUTPUT"].getFeatures():
        geometry = feature.geometry()
        for point in geometry.asMultiPoint():
            reached.add((round(point.x(), 3), round(point.y(), 3)))
    ours = np.load(folder / "ours_vertices.npy")
    mismatches = sum(1 for x, y, served in ours if ((round(x, 3), round(y, 3)) in reached) != bool(served))
    return {
        "_app": id(app),
        "seconds": seconds,
        "service_area_seconds": service_seconds,
        "peak_gb": peak_gb(),
        "served_people_buffer": served_people,
        "vertices_compared": len(ours),
        "mismatches": mismatches,
    }


def worker_numbers(n):
    """Ours producing what the native workflow produces: the population served (table and numbers only)."""
    return worker_processing(n, network_layer=False)


def worker_numbers_whole(n):
    """The numbers without the urban extent: every person and street of the files counts (issue 11: < 6 s)."""
    return worker_processing(n, network_layer=False, extent=False)


WORKERS = {
    "files": worker_files,
    "core": worker_core,
    "processing": worker_processing,
    "numbers": worker_numbers,
    "whole": worker_numbers_whole,
    "native": worker_native,
}


def run_worker(kind, n):
    completed = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(n)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 and not lines or not lines:
        raise RuntimeError(f"{kind} {n} failed:\n{completed.stderr[-3000:]}")
    return json.loads(lines[-1])


def main(argv) -> int:
    if len(argv) == 4 and argv[1] == "--worker":
        print(json.dumps(WORKERS[argv[2]](int(argv[3]))), flush=True)
        os._exit(0)  # a worker process ends here: no QGIS teardown (temporary layers would crash exitQgis)
    quick = "--quick" in argv
    sizes_with_native = [10_000] if quick else [10_000, 100_000]
    sizes = sizes_with_native + ([] if quick else [1_000_000])
    print(f"habitat:publicspaceaccess benchmark, {MAX_DISTANCE:g} m, on {os.cpu_count()} cores; files in {WORK}")
    rows = []
    for n in sizes:
        info = run_worker("files", n)
        core = run_worker("core", n)
        alg = run_worker("processing", n)
        numbers = run_worker("numbers", n)
        numbers["whole"] = run_worker("whole", n)
        native = run_worker("native", n) if n in sizes_with_native else None
        rows.append((n, info, core, alg, native, numbers))
        print(f"  {n:>9,} edges done", flush=True)

    print()
    header = (
        f"{'edges':>9} {'spaces':>6} {'cells':>9} | {'core':>7} {'numbers':>8} {'no ext.':>8} {'+network':>8} "
        f"{'peak GB':>7} | {'native':>8} {'(s.area)':>8} {'peak GB':>7} | {'speed-up':>8} {'vertices':>9} "
        f"{'differ':>6}"
    )
    print(header)
    print("-" * len(header))
    for n, info, core, alg, native, numbers in rows:
        peak = max(core["peak_gb"], alg["peak_gb"], numbers["peak_gb"], numbers["whole"]["peak_gb"])
        line = (
            f"{info['edges']:>9,} {info['spaces']:>6,} {info['cells']:>9,} | {core['seconds']:>6.2f}s "
            f"{numbers['seconds']:>7.2f}s {numbers['whole']['seconds']:>7.2f}s {alg['seconds']:>7.2f}s "
            f"{peak:>7.2f} | "
        )
        if native:
            line += (
                f"{native['seconds']:>7.1f}s {native['service_area_seconds']:>7.1f}s {native['peak_gb']:>7.2f} | "
                f"{native['seconds'] / numbers['seconds']:>7.0f}x {native['vertices_compared']:>9,} "
                f"{native['mismatches']:>6}"
            )
        else:
            line += f"{'—':>8} {'—':>8} {'—':>7} | {'—':>8} {'—':>9} {'—':>6}"
        print(line)
    print(
        "core: the computation alone; numbers: the algorithm from files to the table and indicator values (what "
        "the native workflow yields); no ext.: the same without the urban extent (the whole city counts); "
        "+network: also writing the per-segment network layer. Speed-up = native / numbers."
    )
    print()
    print(
        "share served (ours, network):     "
        + ", ".join(f"{r[3]['share']:.1f} %" for r in rows)
        + "; without the extent "
        + ", ".join(f"{r[5]['whole']['share']:.1f} %" for r in rows)
    )
    natives = [r for r in rows if r[4]]
    if natives:
        print(
            "native workflow population (buffered lines, zonal sum) vs ours: "
            + ", ".join(
                f"{r[4]['served_people_buffer']:,.0f} vs {r[2]['share'] / 100 * sum_cells(r[0]):,.0f}" for r in natives
            )
        )
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        ratio_n = last[1]["edges"] / first[1]["edges"]
        nlogn = ratio_n * math.log(last[1]["edges"]) / math.log(first[1]["edges"])
        for label, key in (("core", 2), ("algorithm with network layer", 3)):
            growth = last[key]["seconds"] / first[key]["seconds"]
            print(
                f"time growth {first[1]['edges']:,} -> {last[1]['edges']:,} edges ({label}): x{growth:.0f} "
                f"(n grows x{ratio_n:.0f}; n log n x{nlogn:.0f}) -> "
                f"{'within' if growth <= nlogn else 'ABOVE'} n log n"
            )
    targets = [r for r in rows if r[1]["edges"] >= 1_000_000]
    for n, info, core, alg, _, numbers in targets:
        print(
            f"1M-edge city: algorithm {alg['seconds']:.1f} s (target < 60 s), peak "
            f"{max(core['peak_gb'], alg['peak_gb']):.2f} GB (target < 4 GB); indicator numbers without the network "
            f"layer {numbers['seconds']:.1f} s with the urban extent, {numbers['whole']['seconds']:.1f} s without "
            f"(target < 6 s)"
        )
    for n, info, core, alg, native, numbers in natives:
        if info["edges"] >= 100_000:
            print(
                f"100k-edge city: {native['seconds'] / numbers['seconds']:.0f}x faster than the native workflow "
                f"({native['seconds'] / alg['seconds']:.0f}x with the network layer; target >= 20x), "
                f"{native['mismatches']} of {native['vertices_compared']:,} vertices differ"
            )
    return 0


def sum_cells(n):
    from bench.synthetic_city import make_city

    return float(make_city(n).population.sum())


if __name__ == "__main__":
    sys.exit(main(sys.argv))
