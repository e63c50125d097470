#!/usr/bin/env python3
"""Benchmark: habitat:urbanextent on a 10,000 x 10,000 built-up raster, beside the obvious alternative.

    .venv/bin/python bench/bench_urban_extent.py            # 2,500² and 10,000² cells, ours and the alternative
    .venv/bin/python bench/bench_urban_extent.py --quick    # 2,500² only

The raster: 30 m cells, built-up 0/1 (uint8, nodata 255 in one corner), a region of 300 x 300 km with a dozen
cities of 50 m to 10 km spread and some hundred villages; deterministic.
Ours: the core (read with GDAL, shares, FFT densities in strips, classes, extents) and the whole Processing
algorithm from the GeoTIFF to the extent polygons (GeoPackage) and the classified raster (GeoTIFF), on the 0/1
raster and on the same raster as GHSL built-up surface (uint16 m²: fractional float32 shares, the most memory).
Alternative: the same method written the way an analyst would with scipy.ndimage: the circle sums by direct
convolution (ndimage.convolve with the disc kernel, for the built-up cells and the valid cells), the fringe by
binary dilation, gaps and extents by ndimage.label. QGIS 3.22 itself has no circular focal mean: GDAL has no focal
filter, gdal:gridaverage works from points (100 million of them here), and GRASS r.neighbors / SAGA need those
packages, which Debian's QGIS does not install (the grass7 and saga providers are empty on this machine).
Each measurement runs in its own process, so its peak memory (max RSS, resource.getrusage) is its own; the two
classified rasters are compared cell by cell.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("HABITAT_BENCH_DIR", Path(tempfile.gettempdir()) / "habitat-bench-urban-extent"))
CELL = 30.0
SEED = 20261130


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024  # Linux: kB


def raster_path(n) -> Path:
    return WORK / str(n) / "builtup.tif"


# --- workers (each in its own process) ---------------------------------------------------------------------------


def worker_make(n):
    """The synthetic built-up raster, written strip by strip (not timed)."""
    from osgeo import gdal, osr

    path = raster_path(n)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return {"cells": n * n}
    rng = np.random.RandomState(SEED)
    scale = n / 10_000
    # Cities: centre (fraction of the side), spread in cells; villages: small and many.
    cities = [(rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9), rng.uniform(20, 330) * scale) for _ in range(12)]
    villages = [(rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(2, 6) * max(scale, 0.25)) for _ in range(150)]
    blobs = cities + villages
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), n, n, 1, gdal.GDT_Byte, options=["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"]
    )
    dataset.SetGeoTransform((300_000.0, CELL, 0.0, 3_800_000.0, 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(255)
    strip = 500
    columns = np.arange(n, dtype=np.float32)
    for first in range(0, n, strip):
        rows = np.arange(first, min(n, first + strip), dtype=np.float32)[:, None]
        chance = np.full((len(rows), n), 0.01, dtype=np.float32)
        for cx, cy, spread in blobs:
            if abs(cy * n - rows.mean()) > 5 * spread + strip:
                continue
            chance += 0.95 * np.exp(-((columns - cx * n) ** 2 + (rows - cy * n) ** 2) / (2 * spread**2))
        built = np.random.RandomState(SEED + first).random_sample(chance.shape) < np.minimum(chance, 0.97)
        block = built.astype(np.uint8)
        corner = rows[:, 0] < n // 20
        block[corner, : n // 20] = 255  # no data in the top-left corner
        band.WriteArray(block, 0, first)
    dataset = None
    return {"cells": n * n}


def worker_make_ghsl(n):
    """The same raster as GHSL built-up surface: m² of a 30 m cell (uint16, nodata 65535), built cells 500-900 m²,
    the others 0-200 m² (fractional shares, the worst case for memory: float32 shares)."""
    from osgeo import gdal

    source = gdal.Open(str(raster_path(n)))
    path = raster_path(n).with_name("builtup_ghsl.tif")
    if path.exists():
        return {"cells": n * n}
    target = gdal.GetDriverByName("GTiff").Create(
        str(path), n, n, 1, gdal.GDT_UInt16, options=["COMPRESS=DEFLATE", "TILED=YES"]
    )
    target.SetGeoTransform(source.GetGeoTransform())
    target.SetProjection(source.GetProjection())
    band = target.GetRasterBand(1)
    band.SetNoDataValue(65535)
    for first in range(0, n, 500):
        block = source.GetRasterBand(1).ReadAsArray(0, first, n, min(500, n - first))
        rng = np.random.RandomState(SEED + first)
        surface = np.where(block == 1, rng.randint(500, 901, block.shape), rng.randint(0, 201, block.shape))
        band.WriteArray(np.where(block == 255, 65535, surface).astype(np.uint16), 0, first)
    target = None
    return {"cells": n * n}


def _read(n):
    from osgeo import gdal

    from habitat_planning_plugin.core.public_space import urban_extent as ue

    dataset = gdal.Open(str(raster_path(n)))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray()
    share, valid = ue.built_up_share(values, ue.BINARY, CELL * CELL, band.GetNoDataValue())
    return share, valid


def worker_core(n):
    from habitat_planning_plugin.core.public_space import urban_extent as ue

    started = time.perf_counter()
    share, valid = _read(n)
    result = ue.classify_urban_extent(share, valid, CELL, CELL)
    seconds = time.perf_counter() - started
    np.save(WORK / str(n) / "classes_ours.npy", result.classes)
    return {
        "seconds": seconds,
        "peak_gb": peak_gb(),
        "extents": len(result.extents),
        "area_km2": sum(e.area_m2 for e in result.extents) / 1e6,
    }


def worker_algorithm(n, ghsl=False):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis import processing

    from habitat_planning_plugin.processing.provider import HabitatProvider

    provider = HabitatProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    folder = WORK / str(n)
    for name in ("extents.gpkg", "classes.tif"):
        if (folder / name).exists():
            (folder / name).unlink()
    started = time.perf_counter()
    source = raster_path(n).with_name("builtup_ghsl.tif") if ghsl else raster_path(n)
    result = processing.run(
        "habitat:urbanextent",
        {
            "INPUT": str(source),
            "KIND": 3 if ghsl else 2,
            "OUTPUT": str(folder / "extents.gpkg"),
            "OUTPUT_CLASSES": str(folder / "classes.tif"),
        },
    )
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "peak_gb": peak_gb(),
        "extents": result["EXTENTS"],
        "area_km2": result["AREA_KM2"],
        "_app": id(app),
    }


def worker_alternative(n):
    """The same method with scipy.ndimage's direct convolution, dilation and labelling."""
    from scipy import ndimage

    from habitat_planning_plugin.core.public_space import urban_extent as ue

    started = time.perf_counter()
    share, valid = _read(n)
    share = share.astype(np.float32)  # 0/1 as uint8 from the reader: the sums need room
    kernel = ue.disc_kernel(ue.WALKING_CIRCLE_RADIUS_M, CELL, CELL).astype(np.float32)
    built_sum = ndimage.convolve(share, kernel, mode="constant")
    count = ndimage.convolve(valid.astype(np.float32), kernel, mode="constant")
    density = np.round(built_sum, 6) / np.round(count, 6)
    del built_sum, count
    built = valid & (share >= 0.5)
    classes = np.where(valid, ue.RURAL_OPEN, ue.NO_DATA).astype(np.uint8)
    classes[built & (density > 0.5)] = ue.URBAN
    classes[built & (density <= 0.5) & (density >= 0.25)] = ue.SUBURBAN
    classes[built & (density < 0.25)] = ue.RURAL_BUILT
    del density, built, share
    core = (classes == ue.URBAN) | (classes == ue.SUBURBAN)
    near = ndimage.binary_dilation(core, structure=ue.disc_kernel(100.0, CELL, CELL).astype(bool))
    classes[near & (classes == ue.RURAL_OPEN)] = ue.FRINGE
    urbanised = core | (classes == ue.FRINGE)
    gaps, count = ndimage.label(~urbanised)
    sizes = np.bincount(gaps.ravel())
    enclosed = np.ones(count + 1, dtype=bool)
    enclosed[0] = False
    for edge in (gaps[0], gaps[-1], gaps[:, 0], gaps[:, -1]):
        enclosed[np.unique(edge)] = False
    captured = (enclosed & (sizes * CELL * CELL < 2e6))[gaps] & (classes != ue.NO_DATA)
    classes[captured] = ue.CAPTURED
    del gaps
    labels, count = ndimage.label(urbanised | captured, structure=np.ones((3, 3)))
    extents = int((np.bincount(labels.ravel())[1:] * CELL * CELL >= 1e6).sum())
    seconds = time.perf_counter() - started
    np.save(WORK / str(n) / "classes_alternative.npy", classes)
    return {"seconds": seconds, "peak_gb": peak_gb(), "extents": extents}


WORKERS = {
    "make": worker_make,
    "make_ghsl": worker_make_ghsl,
    "core": worker_core,
    "algorithm": worker_algorithm,
    "algorithm_ghsl": lambda n: worker_algorithm(n, ghsl=True),
    "alternative": worker_alternative,
}


def run_worker(kind, n):
    completed = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(n)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{kind} {n} failed:\n{completed.stderr[-3000:]}")
    return json.loads(lines[-1])


def main(argv) -> int:
    if len(argv) == 4 and argv[1] == "--worker":
        print(json.dumps(WORKERS[argv[2]](int(argv[3]))), flush=True)
        os._exit(0)  # a worker process ends here: no QGIS teardown
    sizes = [2_500] if "--quick" in argv else [2_500, 10_000]
    print(
        f"habitat:urbanextent benchmark: built-up 0/1 rasters of 30 m cells, on {os.cpu_count()} cores; files in {WORK}"
    )
    rows = []
    for n in sizes:
        run_worker("make", n)
        run_worker("make_ghsl", n)
        core, algorithm, alternative = run_worker("core", n), run_worker("algorithm", n), run_worker("alternative", n)
        ghsl = run_worker("algorithm_ghsl", n)
        ours = np.load(WORK / str(n) / "classes_ours.npy", mmap_mode="r")
        theirs = np.load(WORK / str(n) / "classes_alternative.npy", mmap_mode="r")
        differ = sum(int((ours[i : i + 1000] != theirs[i : i + 1000]).sum()) for i in range(0, n, 1000))
        rows.append((n, core, algorithm, alternative, differ, ghsl))
        print(f"  {n:,} x {n:,} done", flush=True)
    print()
    header = (
        f"{'cells':>15} | {'core':>7} {'peak GB':>7} | {'algorithm':>9} {'peak GB':>7} | {'ndimage':>8} "
        f"{'peak GB':>7} | {'speed-up':>8} {'cells differ':>12} | {'extents':>7} {'km²':>9}"
    )
    print(header)
    print("-" * len(header))
    for n, core, algorithm, alternative, differ, _ in rows:
        print(
            f"{n:>6,} x {n:>6,} | {core['seconds']:>6.1f}s {core['peak_gb']:>7.2f} | {algorithm['seconds']:>8.1f}s "
            f"{algorithm['peak_gb']:>7.2f} | {alternative['seconds']:>7.1f}s {alternative['peak_gb']:>7.2f} | "
            f"{alternative['seconds'] / core['seconds']:>7.1f}x {differ:>12,} | {algorithm['extents']:>7} "
            f"{algorithm['area_km2']:>9,.1f}"
        )
    print(
        "core: read + classify + extents (numpy/scipy); algorithm: habitat:urbanextent from the GeoTIFF to the "
        "extent polygons (GeoPackage) and the classified raster (GeoTIFF); ndimage: the same method with "
        "scipy.ndimage.convolve (direct), binary_dilation and label. Speed-up = ndimage / core."
    )
    print()
    print("The same rasters as GHSL built-up surface (uint16 m² per cell: fractional float32 shares, the most memory):")
    for n, _, _, _, _, ghsl in rows:
        print(
            f"{n:>6,} x {n:>6,} | algorithm {ghsl['seconds']:>5.1f}s, peak {ghsl['peak_gb']:.2f} GB | "
            f"{ghsl['extents']} extents, {ghsl['area_km2']:,.1f} km²"
        )
    for n, core, algorithm, alternative, differ, ghsl in rows:
        if n >= 10_000:
            slowest = max(algorithm["seconds"], ghsl["seconds"])
            peak = max(core["peak_gb"], algorithm["peak_gb"], ghsl["peak_gb"])
            print(
                f"{n:,} x {n:,} raster: algorithm at most {slowest:.1f} s (target < 60 s), peak {peak:.2f} GB "
                f"(target < 2 GB); {differ} cells classed differently from the ndimage computation"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
