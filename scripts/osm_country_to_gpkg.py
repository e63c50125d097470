#!/usr/bin/env python3
"""A national OpenStreetMap extract (.osm.pbf) to one GeoPackage of streets and open public spaces, once.

Runs the plugin's own algorithms on the file, as a user would in QGIS:
- habitat:streetsfromosm on its "lines" layer, keeping the streets nobody may walk along (walkable = 0), so one
  layer serves both the street area of SDG 11.7.1 (a) and the walking network of 11.7.1 (b);
- habitat:publicspacesfromosm on its "multipolygons" layer;
both into layers "streets" and "public_spaces" of one GeoPackage in one projected CRS (--crs, else the UTM zone
the first algorithm chooses for the data), then makes sure each layer has its R-tree spatial index, so the
national batch reads it by bounding box. The GeoPackage appears only when everything succeeded.

    .venv/bin/python scripts/osm_country_to_gpkg.py country-latest.osm.pbf country.gpkg --crs EPSG:32650
    .venv/bin/python scripts/osm_country_to_gpkg.py country-latest.osm.pbf country.gpkg --via pyqgis

--via process (default) runs scripts/habitat-process (qgis_process with the freshly built plugin in a throw-away
profile); --via pyqgis runs QGIS in this Python (Debian's /usr/bin/python3 or the project's .venv). Run it with a
Python that has GDAL's bindings (not a pyenv python3 without osgeo).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HABITAT_PROCESS = ROOT / "scripts" / "habitat-process"
STREETS, SPACES = "streets", "public_spaces"
STREETS_ALGORITHM, SPACES_ALGORITHM = "habitat:streetsfromosm", "habitat:publicspacesfromosm"


def destination(gpkg: Path, table: str) -> str:
    """A Processing output that writes one table of a GeoPackage (both outputs go to the same file)."""
    quoted = str(gpkg).replace("\\", "\\\\").replace("'", "\\'")
    return f"ogr:dbname='{quoted}' table=\"{table}\" (geom)"


def osm_environment(memory_mb: int, tmp_dir=None) -> dict:
    """GDAL's OSM driver settings for national files: node index in RAM up to ``memory_mb`` (default 100 MB, then
    a temporary file), compressed; temporary files where there is room. The user's own settings win."""
    env = {"OSM_MAX_TMPFILE_SIZE": str(memory_mb), "OSM_COMPRESS_NODES": "YES"}
    if tmp_dir:
        env["CPL_TMPDIR"] = str(tmp_dir)
    return {key: value for key, value in env.items() if key not in os.environ}


def run_with_habitat_process(steps, env_extra, log):
    results = []
    env = dict(os.environ, **env_extra)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for algorithm, parameters in steps:
        parameters = parameters() if callable(parameters) else parameters
        arguments = [
            f"{key}={str(value).lower() if isinstance(value, bool) else value}"
            for key, value in parameters.items()
            if value is not None
        ]
        started = time.perf_counter()
        log(f"running {algorithm} (qgis_process) ...")
        done = subprocess.run(
            [str(HABITAT_PROCESS), "--json", "run", algorithm, "--", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        if done.returncode != 0:
            message = "\n".join(
                line for line in (done.stderr + done.stdout).splitlines() if "setapi() is deprecated" not in line
            )
            raise RuntimeError(f"{algorithm} failed:\n{message.strip()[-4000:]}")
        answer = json.loads(done.stdout)
        log_lines = answer.get("log") or {}
        for line in log_lines.get("info", []) if isinstance(log_lines, dict) else []:
            log(f"  {line}")
        for line in log_lines.get("warning", []) if isinstance(log_lines, dict) else []:
            log(f"  warning: {line}")
        results.append(answer["results"])
        log(f"  done in {time.perf_counter() - started:.1f} s")
    return results


def run_with_pyqgis(steps, env_extra, log):
    """The same algorithms in this Python: QGIS headless, the built plugin's provider registered."""
    os.environ.update(env_extra)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    plugins = ROOT / "build" / "plugins"
    if not (plugins / "habitat_planning_plugin" / "metadata.txt").is_file():
        subprocess.run(["make", "-C", str(ROOT), "--no-print-directory", "-s", "build"], check=True)
    sys.path.insert(0, str(plugins))
    profile = tempfile.mkdtemp(prefix="habitat-osm-profile-")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = profile  # never the user's profile
    from qgis.core import QgsApplication, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.step = -10

        def pushInfo(self, info):  # noqa: N802
            log(f"  {info}")

        def pushWarning(self, warning):  # noqa: N802
            log(f"  warning: {warning}")

        def reportError(self, error, fatalError=False):  # noqa: N802
            log(f"  error: {error}")

        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress >= self.step + 10:
                self.step = int(progress // 10 * 10)
                log(f"  {self.step} %")

    app = QgsApplication([], False)
    app.initQgis()
    registry = QgsApplication.processingRegistry()
    provider = None
    try:
        sys.path.append("/usr/share/qgis/python/plugins")
        from processing.core.Processing import Processing

        Processing.initialize()
        import processing

        from habitat_planning_plugin import i18n
        from habitat_planning_plugin.processing.provider import HabitatProvider

        i18n.install_translator()
        provider = HabitatProvider()
        registry.addProvider(provider)
        results = []
        for algorithm, parameters in steps:
            parameters = parameters() if callable(parameters) else parameters
            started = time.perf_counter()
            log(f"running {algorithm} (PyQGIS) ...")
            result = processing.run(
                algorithm, {k: v for k, v in parameters.items() if v is not None}, feedback=Feedback()
            )
            results.append({key: value for key, value in result.items() if isinstance(value, (int, float, str))})
            log(f"  done in {time.perf_counter() - started:.1f} s")
        return results
    finally:
        if provider is not None:
            registry.removeProvider(provider)
        app.exitQgis()
        shutil.rmtree(profile, ignore_errors=True)
        from osgeo import gdal

        gdal.AllRegister()  # exitQgis() destroys GDAL's driver manager; the index check below needs it


def crs_of(gpkg: Path, table: str) -> str:
    """The layer's CRS as EPSG:code when it has one (what Processing's CRS parameter takes), else its WKT."""
    from osgeo import ogr

    source = ogr.Open(str(gpkg))
    srs = source.GetLayerByName(table).GetSpatialRef()
    srs.AutoIdentifyEPSG()
    name, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    return f"{name}:{code}" if name and code else srs.ExportToWkt()


def ensure_spatial_indexes(gpkg, tables) -> dict:
    """Each table's R-tree: QGIS's GeoPackage writer makes one; create it where missing. {table: created?}"""
    from osgeo import ogr

    source = ogr.Open(str(gpkg), 1)
    created = {}
    try:
        for table in tables:
            layer = source.GetLayerByName(table)
            column = layer.GetGeometryColumn() or "geom"
            result = source.ExecuteSQL(f"SELECT HasSpatialIndex('{table}', '{column}')")
            has_index = bool(result.GetNextFeature().GetField(0))
            source.ReleaseResultSet(result)
            if not has_index:
                result = source.ExecuteSQL(f"SELECT CreateSpatialIndex('{table}', '{column}')")
                if result is not None:
                    source.ReleaseResultSet(result)
            created[table] = not has_index
    finally:
        source = None
    return created


def rtree_tables(gpkg) -> set:
    import sqlite3

    with sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True) as connection:
        return {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree_%'")
        }


def feature_counts(gpkg, tables) -> dict:
    from osgeo import ogr

    source = ogr.Open(str(gpkg))
    return {table: source.GetLayerByName(table).GetFeatureCount() for table in tables}


def convert(pbf, out, crs=None, via="process", overwrite=False, osm_memory_mb=1024, tmp_dir=None, log=print):
    """Streets and public spaces of ``pbf`` into the GeoPackage ``out``; returns counts, CRS and results."""
    started = time.perf_counter()
    pbf, out = Path(pbf).resolve(), Path(out).resolve()
    if not pbf.is_file():
        raise FileNotFoundError(f"no such file: {pbf}")
    if pbf.suffix.lower() not in (".pbf", ".osm"):
        raise ValueError(f"{pbf} is not an OpenStreetMap file (.osm.pbf or .osm)")
    if out.suffix.lower() != ".gpkg":
        raise ValueError(f"{out}: the output must be a GeoPackage (.gpkg)")
    if out.exists() and not overwrite:
        raise FileExistsError(f"{out} exists: give --overwrite to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the output and renamed to it only when all went well. A folder of its own keeps the file's
    # name plain: QGIS picks the driver from everything after the name's first dot.
    work = Path(tempfile.mkdtemp(prefix=".osm-to-gpkg-", dir=out.parent))
    partial = work / "partial.gpkg"
    run = {"process": run_with_habitat_process, "pyqgis": run_with_pyqgis}[via]
    env = osm_environment(osm_memory_mb, tmp_dir)
    streets = {
        "INPUT": f"{pbf}|layername=lines",
        "KEEP_NOT_WALKABLE": True,
        "TARGET_CRS": crs,
        "OUTPUT": destination(partial, STREETS),
    }

    def spaces():  # after the streets: in the very CRS they got
        return {
            "INPUT": f"{pbf}|layername=multipolygons",
            "TARGET_CRS": crs or crs_of(partial, STREETS),
            "OUTPUT": destination(partial, SPACES),
        }

    try:
        street_result, space_result = run([(STREETS_ALGORITHM, streets), (SPACES_ALGORITHM, spaces)], env, log)
        crs = crs or crs_of(partial, STREETS)
        created = ensure_spatial_indexes(partial, (STREETS, SPACES))
        missing = {f"rtree_{table}_geom" for table in (STREETS, SPACES)} - rtree_tables(partial)
        if missing:
            raise RuntimeError(f"spatial index missing after creation: {', '.join(sorted(missing))}")
        counts = feature_counts(partial, (STREETS, SPACES))
        os.replace(partial, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "gpkg": str(out),
        "crs": crs,
        "counts": counts,
        "indexes_created": created,
        "streets_result": street_result,
        "spaces_result": space_result,
        "seconds": time.perf_counter() - started,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pbf", help="the national extract (.osm.pbf or .osm)")
    parser.add_argument("out", help="the GeoPackage to write (layers streets and public_spaces)")
    parser.add_argument("--crs", help="projected CRS in metres, e.g. EPSG:32650 (default: the data's UTM zone)")
    parser.add_argument(
        "--via",
        choices=("process", "pyqgis"),
        default="process",
        help="qgis_process through scripts/habitat-process (default), or PyQGIS in this Python",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace an existing output")
    parser.add_argument(
        "--osm-memory-mb",
        type=int,
        default=1024,
        help="RAM for GDAL's OSM node index before it spills to a temporary file (1024)",
    )
    parser.add_argument("--tmp-dir", help="folder for GDAL's temporary files (national extracts need GBs)")
    options = parser.parse_args(argv)

    def log(line):
        print(line, flush=True)

    try:
        info = convert(
            options.pbf,
            options.out,
            options.crs,
            options.via,
            options.overwrite,
            options.osm_memory_mb,
            options.tmp_dir,
            log,
        )
    except (OSError, ValueError, RuntimeError) as error:
        print(f"osm_country_to_gpkg: {error}", file=sys.stderr)
        return 1
    streets, spaces = info["streets_result"], info["spaces_result"]
    print(f"{info['gpkg']} ({info['crs']}), {info['seconds']:.0f} s")
    print(
        f"  streets:       {info['counts'][STREETS]:,} ({streets.get('WALKABLE', 0):,} walkable; "
        f"{streets.get('PRIVATE', 0):,} private roads left out)"
    )
    print(
        f"  public_spaces: {info['counts'][SPACES]:,} candidates ({spaces.get('COUNTED', 0):,} counted, "
        f"{spaces.get('REVIEW', 0):,} to review, {spaces.get('SKIPPED', 0):,} broken geometries skipped)"
    )
    made = [table for table, created in info["indexes_created"].items() if created]
    print("  spatial indexes: " + (f"created for {', '.join(made)}" if made else "present (rtree_<layer>_geom)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
