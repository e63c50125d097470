"""Run the cities of a country on Dask: a LocalCluster on this machine by default, or the user's cluster at a
scheduler address, the same code path. Cities go largest first; each row is kept as soon as its city finishes
(store.py); a city that fails is recorded with its reason and the run goes on; a lost worker's cities are retried;
Cancel stops scheduling and keeps what finished."""

import dataclasses
import math
import os
import shutil
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.text import Cancelled, HabitatError, tr
from .store import ResultStore
from .task import FAILED, OK, BatchConfig, City, run_city

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # habitat_planning_plugin/


@dataclass
class BatchResult:
    rows: list  # one dict per city, in the order of the cities given
    computed: int = 0  # cities computed in this run (the others came from an earlier, interrupted run)
    dashboard: str = ""
    warnings: list = field(default_factory=list)


def read_cities(path, layer=None, name_field=None, crs=None, backend="auto"):
    """The cities of an urban extents layer: (cities, warnings). Names that repeat get a note; an extent without
    area is left out with a warning (its row cannot be placed)."""
    from .. import headless_io as io

    shapes, rows, ids, repaired, skipped = io.read_polygons(
        path, layer, crs, None, attributes=(name_field,) if name_field else (), backend=backend
    )
    names = [
        str(row[0]) if name_field and row and row[0] not in (None, "") else tr("City {0}", fid)
        for row, fid in zip(rows, ids)
    ]
    seen = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
    cities = []
    for shape, name, fid in zip(shapes, names, ids):
        note = tr("the name {0} is used by {1} cities", name, seen[name]) if seen[name] > 1 else ""
        cities.append(City(str(fid), name, shape.wkb, shape.area, note))
    warnings = []
    if repaired:
        warnings.append(tr("{0} invalid urban extent polygons were repaired.", repaired))
    if skipped:
        warnings.append(tr("{0} urban extent features without an area were left out.", skipped))
    if not cities:
        raise HabitatError(tr("The urban extents layer {0} holds no polygon with an area.", path))
    return cities, warnings


def run_batch(
    config: BatchConfig,
    cities,
    folder,
    scheduler: str = None,
    workers: int = None,
    memory_limit: str = None,
    progress=None,
    log=None,
    cancelled=None,
    retries: int = 2,
) -> BatchResult:
    """Every city's row, computed on Dask (or taken from ``folder`` when an earlier run finished it).

    ``progress(done, total, people, seconds_left)``, ``log(text)`` and ``cancelled() -> bool`` connect the run to
    QGIS's feedback or a command-line progress bar."""
    log = log or (lambda text: None)
    check_inputs(config)
    store = ResultStore(folder)
    store.check_settings(dataclasses.asdict(config))
    todo = sorted((city for city in cities if not store.done(city.city_id)), key=lambda city: -city.size)
    result = BatchResult([])
    if len(todo) < len(cities):
        log(tr("{0} of {1} cities were finished by an earlier run and are kept.", len(cities) - len(todo), len(cities)))
    if todo:
        _compute(
            config,
            todo,
            store,
            scheduler,
            workers,
            memory_limit,
            progress,
            log,
            cancelled,
            retries,
            result,
            len(cities),
        )
    result.rows = [store.rows[city.city_id] for city in cities if city.city_id in store.rows]
    _stop_when_nothing_was_measured(result.rows)
    return result


def _stop_when_nothing_was_measured(rows) -> None:
    """Every city failed for one same reason (a damaged national file, a wrong CRS): a problem of the run, not of
    the cities — said as such instead of an empty table. The rows stay in the folder and are tried again."""
    reasons = {row.get("message") for row in rows if row.get("status") == FAILED}
    if rows and all(row.get("status") == FAILED for row in rows) and len(reasons) == 1:
        raise HabitatError(tr("No city could be measured: {0}", reasons.pop()))


def check_inputs(config: BatchConfig) -> None:
    """Run-level problems stop the run before any city, with the file and field named: a layer that does not
    open, a field that is not in it (every city would fail the same way otherwise)."""
    from .. import headless_io as io

    for label, value, low, high in (
        (tr("walking distance"), config.max_distance, 1.0, 5000.0),
        (tr("entry tolerance"), config.entry_tolerance, 0.0, 200.0),
        (tr("largest population cell"), config.max_cell_size, 10.0, 100_000.0),
        (tr("default street width"), config.default_width, 1.5, 80.0),
    ):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high):
            raise HabitatError(
                tr("The {0} must be a number from {1} to {2} m, not {3}.", label, f"{low:g}", f"{high:g}", value)
            )
    vectors = [
        (config.streets, config.streets_layer, (config.width_field, config.class_field, config.walkable_field)),
        (config.public_spaces, config.public_spaces_layer, ()),
        (config.districts, config.districts_layer, (config.district_name_field,)),
    ]
    if config.population_fields:
        vectors.append((config.population, config.population_layer, config.population_fields))
    else:
        io.check_raster(config.population, tr("population"))
    for path, layer, fields in vectors:
        if not path:
            continue
        names = io.layer_info(path, layer, config.backend)["fields"]
        for name in fields:
            if name and name not in names:
                raise HabitatError(tr("The layer {0} of {1} has no field {2}.", layer or 0, path, name))


def _compute(config, todo, store, scheduler, workers, memory_limit, progress, log, cancelled, retries, result, total):
    from distributed import as_completed

    client, cluster = _client(scheduler, workers, memory_limit, log)
    try:
        result.dashboard = getattr(client, "dashboard_link", "") or ""
        if result.dashboard:
            log(tr("Dask dashboard: {0}", result.dashboard))
        futures = {}
        for city in todo:
            future = client.submit(
                run_city, config, city, key=f"habitat-city-{city.city_id}-{os.getpid()}", retries=retries, pure=False
            )
            futures[future] = city
        started, done_size, people = time.monotonic(), 0.0, 0.0
        all_size = sum(city.size for city in todo) or 1.0
        done = total - len(todo)
        pending = as_completed(list(futures))
        for future in pending:
            city = futures[future]
            try:
                row = future.result()
            except Exception as error:  # noqa: BLE001 - a lost worker after its retries: recorded, run goes on
                row = {
                    "city_id": city.city_id,
                    "name": city.name,
                    "status": FAILED,
                    "message": tr("the worker computing it was lost ({0})", type(error).__name__),
                }
            store.add(row)
            result.computed += 1
            done += 1
            done_size += city.size
            if row.get("status") == OK:
                people += row.get("population") or 0.0
            elapsed = time.monotonic() - started
            left = elapsed * (all_size - done_size) / done_size if done_size > 0 else None
            if progress is not None:
                progress(done, total, people, left)
            if cancelled is not None and cancelled():
                for other in futures:
                    other.cancel()
                log(tr("Cancelled: {0} cities are kept; run again to finish the others.", done))
                raise Cancelled()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _client(scheduler, workers, memory_limit, log):
    """A Dask client: the user's scheduler, or a LocalCluster sized to this machine (one thread per worker, as
    the core's numpy and scipy work holds the GIL)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise HabitatError(
            tr(
                "The batch needs the Python package {0}. Install it with: {1}",
                "dask[distributed]",
                'python -m pip install "dask[distributed]"',
            )
        ) from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as error:
            raise HabitatError(tr("Cannot reach the Dask scheduler at {0}: {1}", scheduler, str(error))) from error
        _ship_package(client)
        log(
            tr(
                "Using the Dask cluster at {0} with {1} workers.",
                scheduler,
                len(client.scheduler_info().get("workers", {})),
            )
        )
        return client, None
    _workers_python()
    count = workers or max(1, os.cpu_count() or 1)
    limit = memory_limit or _memory_per_worker(count)
    parent = str(PACKAGE_DIR.parent)
    path = os.pathsep.join(part for part in (parent, os.environ.get("PYTHONPATH", "")) if part)
    cluster = LocalCluster(
        n_workers=count,
        threads_per_worker=1,
        processes=True,
        memory_limit=limit,
        dashboard_address="127.0.0.1:0",
        host="127.0.0.1",
        env={"PYTHONPATH": path},
        silence_logs=40,
    )
    log(tr("Started a Dask cluster on this machine: {0} workers, {1} of memory each.", count, limit))
    return Client(cluster), cluster


def _memory_per_worker(count: int) -> str:
    """80 % of the machine's memory shared by the workers, at least 1 GB each."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return "2GB"
    return f"{max(1.0, total * 0.8 / count / 1e9):.1f}GB"


def _workers_python():
    """Inside the QGIS desktop sys.executable is QGIS itself; the worker processes need a Python interpreter."""
    name = os.path.basename(sys.executable or "").lower()
    if name.startswith("python"):
        return
    import multiprocessing

    candidates = [
        os.path.join(sys.exec_prefix, "bin", "python3"),
        os.path.join(sys.exec_prefix, "python3.exe"),
        os.path.join(sys.exec_prefix, "python.exe"),
        shutil.which("python3") or "",
    ]
    for candidate in candidates:
        if candidate and os.path.exists(candidate):
            multiprocessing.get_context("spawn").set_executable(candidate)
            return


def _ship_package(client):
    """The plugin's Python package, zipped and sent to the workers of a remote cluster, so they run this very
    version (they still need numpy, scipy, shapely and GDAL or pyogrio)."""
    folder = tempfile.mkdtemp(prefix="habitat-batch-")
    archive = os.path.join(folder, "habitat_planning_plugin.zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in PACKAGE_DIR.rglob("*.py"):
            bundle.write(path, str(Path(PACKAGE_DIR.name) / path.relative_to(PACKAGE_DIR)))
    try:
        client.upload_file(archive)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
