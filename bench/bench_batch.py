#!/usr/bin/env python3
"""Benchmark: the national SDG 11.7.1 batch on a synthetic country, serial vs a Dask LocalCluster on this machine.

    .venv/bin/python bench/bench_batch.py                      # 200 cities, the largest of 1M street segments
    .venv/bin/python bench/bench_batch.py --cities 60 --largest 100000

Serial: every city's task one after another in one process (what QGIS's batch mode does today, without its
per-run overhead). Cluster: the same tasks on a LocalCluster of one single-threaded worker per core. Peak memory
per worker is each worker process's max RSS. From the measured per-city costs it extrapolates to 10,000 cities
(Zipf sizes as the synthetic country's) on 8, 64 and 512 workers: the longest of (total work / workers) and the
largest city.
"""

import argparse
import os

# Dask's workers run with one thread each (OMP_NUM_THREADS=1); the serial baseline must too, or it already uses
# both cores in its k-d tree and thread-pool parts and the speed-up looks smaller than it is.
os.environ.setdefault("OMP_NUM_THREADS", "1")
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def _spin(_=None) -> float:
    started = time.perf_counter()
    total = 0
    for number in range(20_000_000):
        total += number
    return time.perf_counter() - started


def machine_parallelism(workers: int) -> float:
    """How many times one process's work this machine does with ``workers`` processes at once (pure Python
    loops, no shared data): the ceiling for any process-parallel speed-up here."""
    from concurrent.futures import ProcessPoolExecutor

    alone = _spin()
    with ProcessPoolExecutor(workers) as pool:
        started = time.perf_counter()
        list(pool.map(_spin, range(workers)))
        together = time.perf_counter() - started
    return workers * alone / together


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cities", type=int, default=200)
    parser.add_argument("--largest", type=int, default=1_000_000)
    parser.add_argument("--folder", default=os.path.join(tempfile.gettempdir(), "habitat-bench-country"))
    options = parser.parse_args(argv)

    from make_synthetic_country import make_country
    from osgeo import ogr

    from habitat_planning_plugin.batch.driver import read_cities, run_batch
    from habitat_planning_plugin.batch.task import BatchConfig, run_city

    folder = Path(options.folder) / f"{options.cities}-{options.largest}"
    gpkg, tif = folder / "country.gpkg", folder / "population.tif"
    if not gpkg.exists():
        info = make_country(folder, options.cities, options.largest, seed=1)
        segments = info["segments"]
    else:
        source = ogr.Open(str(gpkg))
        segments = source.GetLayerByName("streets").GetFeatureCount()
        source = None
    source = ogr.Open(str(gpkg))
    crs = source.GetLayerByName("urban_extents").GetSpatialRef().ExportToWkt()
    source = None
    config = BatchConfig(
        streets=str(gpkg),
        streets_layer="streets",
        public_spaces=str(gpkg),
        public_spaces_layer="public_spaces",
        population=str(tif),
        crs=crs,
        width_field="width_m",
        class_field="road_class",
    )
    cities, _ = read_cities(str(gpkg), "urban_extents", "name", crs)
    print(f"synthetic country: {len(cities)} cities, {segments:,} street segments; {os.cpu_count()} cores")
    ceiling = machine_parallelism(os.cpu_count() or 1)
    print(f"this machine runs {os.cpu_count()} independent processes {ceiling:.2f}x as fast as one (the ceiling)")

    started = time.perf_counter()
    serial_rows = [run_city(config, city) for city in sorted(cities, key=lambda c: -c.size)]
    serial = time.perf_counter() - started
    serial_peak = peak_gb()
    print(f"serial: {serial:.1f} s, peak {serial_peak:.2f} GB")

    from distributed import Client, LocalCluster

    workers = os.cpu_count() or 1
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        memory_limit="8GB",
        dashboard_address=None,
        host="127.0.0.1",
        env={"PYTHONPATH": str(ROOT)},
        silence_logs=40,
    )
    client = Client(cluster)
    out = Path(tempfile.mkdtemp(prefix="habitat-bench-batch-"))
    started = time.perf_counter()
    result = run_batch(config, cities, out, scheduler=cluster.scheduler_address)
    parallel = time.perf_counter() - started
    worker_peaks = client.run(
        lambda: __import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024 / 1024
    )
    client.close()
    cluster.close()
    same = {r["city_id"]: (r["status"], r.get("served")) for r in serial_rows} == {
        r["city_id"]: (r["status"], r.get("served")) for r in result.rows
    }

    rows = {r["city_id"]: r for r in serial_rows}
    seconds = np.array([rows[c.city_id]["seconds"] for c in cities])
    streets = np.array([rows[c.city_id].get("streets") or 0 for c in cities], dtype=float)
    per_million = seconds.sum() / max(streets.sum(), 1) * 1e6
    fixed = float(np.median(seconds[streets < np.percentile(streets, 25)])) if len(streets) > 4 else 0.0
    slope = max((seconds.sum() - fixed * len(seconds)) / max(streets.sum(), 1), 0.0)

    print()
    print(f"{'run':<22} {'seconds':>8} {'speed-up':>9} {'peak GB per process':>20}")
    print(f"{'serial (one process)':<22} {serial:>8.1f} {1.0:>9.2f} {serial_peak:>20.2f}")
    print(
        f"{f'LocalCluster, {workers} workers':<22} {parallel:>8.1f} {serial / parallel:>9.2f} "
        f"{max(worker_peaks.values()):>20.2f}"
    )
    print(f"same numbers in both runs: {same}; the machine's own ceiling for {workers} processes: {ceiling:.2f}x")
    print(
        f"cost: {per_million:.1f} s per million street segments (all cities); a city costs about {fixed:.2f} s "
        f"plus {slope * 1e6:.1f} s per million segments"
    )
    largest = max(seconds)
    print()
    print("extrapolated to 10,000 cities of the same Zipf sizes (largest city as measured):")
    sizes = streets.max() / np.arange(1, 10_001) ** _zipf_exponent(streets)
    total = fixed * len(sizes) + slope * sizes.sum()
    print(f"{'workers':>8} {'hours':>8}")
    for count in (8, 64, 512):
        hours = max(total / count, largest) / 3600
        print(f"{count:>8} {hours:>8.2f}")
    print(f"(total work {total / 3600:.1f} core-hours; the largest city alone {largest:.0f} s)")
    return 0


def _zipf_exponent(streets) -> float:
    ordered = np.sort(streets[streets > 0])[::-1]
    ranks = np.arange(1, len(ordered) + 1)
    return float(-np.polyfit(np.log(ranks), np.log(ordered), 1)[0]) if len(ordered) > 2 else 1.0


if __name__ == "__main__":
    sys.exit(main())
