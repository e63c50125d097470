"""The national batch (issue 11): per city the same numbers as the single-city algorithms, a real Dask scheduler
and workers on 127.0.0.1 (one killed mid-run), interrupt and resume, the awkward cities as recorded statuses."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
from osgeo import ogr

from test.conftest import ROOT
from test.helpers import run_algorithm

sys.path.insert(0, str(ROOT / "scripts"))
from make_synthetic_country import make_country  # noqa: E402

pytestmark = pytest.mark.slow
DASK = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
GROUPS_CHECKED = ("population", "served", "share_pct", "share_straight_pct")


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    folder = tmp_path_factory.mktemp("country")
    info = make_country(folder, n_cities=22, largest_edges=4000, seed=3, awkward=True)
    return {
        "folder": folder,
        "gpkg": str(folder / "country.gpkg"),
        "population": str(folder / "population.tif"),
        "info": info,
    }


def config_for(country, backend="auto"):
    from habitat_planning_plugin.batch.task import BatchConfig

    source = ogr.Open(country["gpkg"])
    crs = source.GetLayerByName("urban_extents").GetSpatialRef().ExportToWkt()
    return BatchConfig(
        streets=country["gpkg"],
        streets_layer="streets",
        public_spaces=country["gpkg"],
        public_spaces_layer="public_spaces",
        population=country["population"],
        crs=crs,
        width_field="width_m",
        class_field="road_class",
        backend=backend,
        districts=country["gpkg"],
        districts_layer="districts",
        district_name_field="name",
    )


def cities_of(country, config):
    from habitat_planning_plugin.batch.driver import read_cities

    return read_cities(country["gpkg"], "urban_extents", "name", config.crs, config.backend)


@pytest.fixture(scope="module")
def local_run(country, tmp_path_factory):
    from habitat_planning_plugin.batch.driver import run_batch

    config = config_for(country)
    cities, warnings = cities_of(country, config)
    folder = tmp_path_factory.mktemp("local")
    result = run_batch(config, cities, folder, workers=2)
    return {"config": config, "cities": cities, "warnings": warnings, "result": result, "folder": folder}


def test_every_city_equals_the_single_city_algorithms(country, local_run, habitat_provider):
    rows = {row["city_id"]: row for row in local_run["result"].rows}
    measured = [row for row in rows.values() if row["status"] == "ok"]
    assert len(measured) >= 20
    layer = f"{country['gpkg']}|layername="
    for row in measured:
        extent = f'{layer}urban_extents|subset="fid" = {row["city_id"]}'
        access = run_algorithm(
            "habitat:publicspaceaccess",
            {
                "STREETS": f"{layer}streets",
                "PUBLIC_SPACES": f"{layer}public_spaces",
                "POPULATION_RASTER": country["population"],
                "URBAN_EXTENT": extent,
                "ROAD_CLASS_FIELD": "road_class",
                "OUTPUT_NETWORK": None,
                "OUTPUT_SERVICE_AREA": None,
                "OUTPUT_TABLE": "memory:",
                "OUTPUT_REPORT": None,
            },
        )
        table = {
            (f["pop_group"], f["method"]): f
            for f in access["OUTPUT_TABLE"].getFeatures()
            if f["district"] == "Whole city"
        }
        for group, values in row["groups"].items():
            network, straight = table[(group, "network")], table[(group, "straight_line")]
            assert values["population"] == pytest.approx(network["population"], rel=1e-9), (row["name"], group)
            assert values["served"] == pytest.approx(network["served"], rel=1e-9, abs=1e-9), (row["name"], group)
            assert values["share_straight_pct"] == pytest.approx(straight["share_pct"], rel=1e-9, abs=1e-9)
        land = run_algorithm(
            "habitat:sdg1171landshare",
            {
                "URBAN_EXTENT": extent,
                "STREETS": f"{layer}streets",
                "PUBLIC_SPACES": f"{layer}public_spaces",
                "WIDTH_FIELD": "width_m",
                "CLASS_FIELD": "road_class",
                "OUTPUT_STREET_AREA": "memory:",
                "OUTPUT_TABLE": "memory:",
                "OUTPUT_REPORT": None,
            },
        )
        assert row["total_pct"] == pytest.approx(land["SHARE_TOTAL"], rel=1e-9), row["name"]
        assert row["street_pct"] == pytest.approx(land["SHARE_STREETS"], rel=1e-9), row["name"]


def test_districts_equal_the_single_city_algorithms(country, local_run, habitat_provider):
    """Every district row of the batch (districts clipped to each city's extent; one district reaches into a
    neighbouring city) against the single-city tools run with the whole districts layer."""
    layer = f"{country['gpkg']}|layername="
    with_districts = [row for row in local_run["result"].rows if row["status"] == "ok" and row.get("districts")]
    assert len(with_districts) >= 5
    source = ogr.Open(country["gpkg"])  # kept: its layer dies with it
    names_by_fid = {str(f.GetFID()): f.GetField("name") for f in source.GetLayer("districts")}
    source = None
    checked = 0
    for row in with_districts:
        extent = f'{layer}urban_extents|subset="fid" = {row["city_id"]}'
        common = {
            "URBAN_EXTENT": extent,
            "STREETS": f"{layer}streets",
            "PUBLIC_SPACES": f"{layer}public_spaces",
            "DISTRICTS": f"{layer}districts",
            "DISTRICT_NAME_FIELD": "district_id",
            "OUTPUT_REPORT": None,
        }
        access = run_algorithm(
            "habitat:publicspaceaccess",
            dict(
                common,
                **{
                    "POPULATION_RASTER": country["population"],
                    "ROAD_CLASS_FIELD": "road_class",
                    "OUTPUT_NETWORK": None,
                    "OUTPUT_SERVICE_AREA": None,
                    "OUTPUT_TABLE": "memory:",
                },
            ),
        )
        table = {(str(f["district"]), f["pop_group"], f["method"]): f for f in access["OUTPUT_TABLE"].getFeatures()}
        land = run_algorithm(
            "habitat:sdg1171landshare",
            dict(
                common,
                **{
                    "WIDTH_FIELD": "width_m",
                    "CLASS_FIELD": "road_class",
                    "OUTPUT_STREET_AREA": "memory:",
                    "OUTPUT_TABLE": "memory:",
                },
            ),
        )
        land_rows = {str(f["name"]): f for f in land["OUTPUT_TABLE"].getFeatures() if f["level"] == "district"}
        for entry in row["districts"]:
            fid = entry["district_id"]
            assert entry["district"] == names_by_fid[fid]
            assert entry["total_pct"] == pytest.approx(land_rows[fid]["total_pct"], rel=1e-9), (row["name"], fid)
            assert entry["ops_pct"] == pytest.approx(land_rows[fid]["ops_pct"], rel=1e-9, abs=1e-12)
            assert entry["area_km2"] == pytest.approx(land_rows[fid]["area_km2"], rel=1e-9)
            for group, values in entry["groups"].items():
                network, straight = table[(fid, group, "network")], table[(fid, group, "straight_line")]
                assert values["population"] == pytest.approx(network["population"], rel=1e-9, abs=1e-9)
                assert values["served"] == pytest.approx(network["served"], rel=1e-9, abs=1e-9), (row["name"], fid)
                if values["share_straight_pct"] is not None or straight["share_pct"] is not None:
                    assert values["share_straight_pct"] == pytest.approx(straight["share_pct"], rel=1e-9)
            checked += 1
        # The districts of a city add up to the city: they cover its extent without overlapping.
        whole = sum(next(iter(entry["groups"].values()))["population"] for entry in row["districts"])
        assert whole <= row["population"] * (1 + 1e-9)
    assert checked >= 30
    # A district of one city that reaches into another is measured in both, each part clipped to its city.
    owners = {}
    for row in with_districts:
        for entry in row["districts"]:
            owners.setdefault(entry["district_id"], []).append(row["city_id"])
    assert any(len(cities) > 1 for cities in owners.values())


def test_both_readers_give_the_same_rows(country, local_run):
    from habitat_planning_plugin.batch.task import run_city

    largest = sorted(local_run["cities"], key=lambda city: -city.size)[:3]
    for city in largest:
        by_ogr = run_city(config_for(country, "ogr"), city)
        by_pyogrio = run_city(config_for(country, "pyogrio"), city)
        for key in ("status", "population", "served", "share_pct", "total_pct", "groups"):
            assert (
                by_ogr[key] == pytest.approx(by_pyogrio[key])
                if isinstance(by_ogr[key], float)
                else by_ogr[key] == by_pyogrio[key]
            ), (city.name, key)


def test_awkward_cities_are_recorded_statuses(local_run):
    rows = local_run["result"].rows
    statuses = {row["status"] for row in rows}
    assert {"no_streets", "no_population"} <= statuses
    assert any("repaired" in warning for warning in local_run["warnings"]) or any(
        "repaired" in (row.get("message") or "") for row in rows
    )
    names = [row["name"] for row in rows]
    repeated = [row for row in rows if names.count(row["name"]) > 1]
    assert repeated and all("used by" in row["message"] for row in repeated)
    assert len({row["city_id"] for row in rows}) == len(rows)  # every city once
    folder = local_run["folder"]
    assert not [name for name in os.listdir(folder) if name.startswith(".partial")]


def test_outputs_table_and_report(country, local_run):
    from habitat_planning_plugin.batch.outputs import write_outputs

    paths = write_outputs(local_run["folder"], local_run["result"].rows, local_run["cities"], local_run["config"].crs)
    text = open(paths["csv"], encoding="utf-8-sig").read()
    assert "'=" in text  # a city name starting with = is stored as text
    source = ogr.Open(paths["gpkg"])
    assert source.GetLayer(0).GetFeatureCount() == len(local_run["cities"])
    assert "35" in open(paths["report"], encoding="utf-8").read()


def test_districts_table_and_city_reports(country, local_run, tmp_path):
    from habitat_planning_plugin.batch.outputs import write_outputs

    rows = local_run["result"].rows
    # A district named like a formula and a city report for a name with markup: stored as text, escaped.
    hostile = json.loads(json.dumps(rows))
    measured = next(row for row in hostile if row["status"] == "ok" and row.get("districts"))
    measured["districts"][0]["district"] = '=HYPERLINK("x")'
    measured["name"] = "<b>Morsel</b> & co"
    paths = write_outputs(tmp_path, hostile, local_run["cities"], local_run["config"].crs, city_reports=True)
    text = open(paths["districts_csv"], encoding="utf-8-sig").read()
    assert "'=HYPERLINK" in text
    source = ogr.Open(paths["gpkg"])
    layer = source.GetLayerByName("districts")
    expected = sum(len(row.get("districts") or []) for row in hostile)
    assert layer.GetFeatureCount() == expected >= 40
    # Each district's geometry is its part of the city: inside the extent, with the area the row gives.
    for feature in layer:
        geometry = feature.GetGeometryRef()
        assert geometry.GetArea() / 1e6 == pytest.approx(feature.GetField("area_km2"), rel=1e-9)
    source = None
    page = open(os.path.join(paths["city_reports"], f"city_{measured['city_id']}.html"), encoding="utf-8").read()
    assert "&lt;b&gt;Morsel&lt;/b&gt; &amp; co" in page and "<b>Morsel" not in page
    assert "<img" in page  # the district map
    reports = os.listdir(paths["city_reports"])
    assert len(reports) == sum(row["status"] == "ok" for row in hostile)


def test_a_field_that_is_not_in_the_layer_stops_the_run_before_any_city(country, tmp_path):
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "habitat_planning_plugin.batch",
            "--extents",
            country["gpkg"],
            "--extents-layer",
            "urban_extents",
            "--streets",
            country["gpkg"],
            "--streets-layer",
            "streets",
            "--spaces",
            country["gpkg"],
            "--spaces-layer",
            "public_spaces",
            "--population",
            country["population"],
            "--districts",
            country["gpkg"],
            "--districts-layer",
            "districts",
            "--district-field",
            "nom",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert completed.returncode == 2
    assert "no field nom" in completed.stderr and "districts" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert not (tmp_path / "out" / "cities.jsonl").exists()


def test_interrupt_and_resume_computes_each_city_once(country, local_run, tmp_path):
    from habitat_planning_plugin.batch.driver import run_batch
    from habitat_planning_plugin.core.text import Cancelled

    config, cities = local_run["config"], local_run["cities"]
    finished = []
    with pytest.raises(Cancelled):
        run_batch(
            config,
            cities,
            tmp_path,
            workers=1,
            progress=lambda done, *rest: finished.append(done),
            cancelled=lambda: len(finished) >= 5,
        )
    kept = [json.loads(line) for line in open(tmp_path / "cities.jsonl", encoding="utf-8")]
    assert len(kept) >= 5
    again = run_batch(config, cities, tmp_path, workers=2)
    assert again.computed == len(cities) - len(kept)
    lines = [json.loads(line) for line in open(tmp_path / "cities.jsonl", encoding="utf-8")]
    assert len(lines) == len(cities) and len({row["city_id"] for row in lines}) == len(cities)
    assert _numbers(again.rows) == _numbers(local_run["result"].rows)


def _numbers(rows):
    return {row["city_id"]: (row["status"], row.get("population"), row.get("served")) for row in rows}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(DASK is None, reason="needs the dask command (make test installs it)")
@pytest.mark.network
def test_real_scheduler_and_workers_on_loopback_survive_a_killed_worker(country, local_run, tmp_path):
    from habitat_planning_plugin.batch.driver import run_batch

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}  # workers get the upload
    scheduler = subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
    )
    workers = [
        subprocess.Popen(
            [DASK, "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny", "--name", f"w{i}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=tmp_path,
        )
        for i in range(2)
    ]
    try:
        time.sleep(3)
        killed = []

        def progress(done, total, people, left):
            if done == 3 and not killed:  # mid-run: one worker dies with its cities
                workers[0].send_signal(signal.SIGKILL)
                killed.append(done)

        result = run_batch(
            local_run["config"], local_run["cities"], tmp_path / "out", scheduler=address, progress=progress
        )
        assert killed
        assert _numbers(result.rows) == _numbers(local_run["result"].rows)
        lines = [json.loads(line) for line in open(tmp_path / "out" / "cities.jsonl", encoding="utf-8")]
        assert len(lines) == len(local_run["cities"])  # nothing duplicated, nothing lost
    finally:
        for process in workers + [scheduler]:
            process.kill()
            process.wait(timeout=10)


@pytest.mark.network
def test_unreachable_scheduler_is_a_clear_message(local_run, tmp_path):
    from habitat_planning_plugin.batch.driver import run_batch
    from habitat_planning_plugin.core.text import HabitatError

    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(HabitatError, match="Cannot reach the Dask scheduler"):
        run_batch(local_run["config"], local_run["cities"][:2], tmp_path, scheduler=address)
    assert not (tmp_path / "cities.jsonl").exists()


def test_command_line_and_processing_algorithm(country, tmp_path, habitat_provider):
    out = tmp_path / "cli"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "habitat_planning_plugin.batch",
            "--extents",
            country["gpkg"],
            "--extents-layer",
            "urban_extents",
            "--name-field",
            "name",
            "--streets",
            country["gpkg"],
            "--streets-layer",
            "streets",
            "--spaces",
            country["gpkg"],
            "--spaces-layer",
            "public_spaces",
            "--population",
            country["population"],
            "--width-field",
            "width_m",
            "--class-field",
            "road_class",
            "--workers",
            "2",
            "--out",
            str(out),
            "--districts",
            country["gpkg"],
            "--districts-layer",
            "districts",
            "--district-field",
            "name",
            "--city-reports",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "cities measured" in completed.stdout and (out / "sdg1171_cities.csv").exists()
    layer = f"{country['gpkg']}|layername="
    result = run_algorithm(
        "habitat:sdg1171cities",
        {
            "URBAN_EXTENTS": f"{layer}urban_extents",
            "NAME_FIELD": "name",
            "STREETS": f"{layer}streets",
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "PUBLIC_SPACES": f"{layer}public_spaces",
            "POPULATION_RASTER": country["population"],
            "WORKERS": 2,
            "OUTPUT_FOLDER": str(tmp_path / "alg"),
            "DISTRICTS": f"{layer}districts",
            "DISTRICT_NAME_FIELD": "name",
            "CITY_REPORTS": True,
        },
    )
    assert result["CITIES"] == result["CITIES_OK"] + result["CITIES_FAILED"] and result["CITIES_OK"] >= 20
    assert os.path.exists(result["OUTPUT_REPORT"])
    assert len(os.listdir(result["OUTPUT_CITY_REPORTS"])) == result["CITIES_OK"]
    districts = ogr.Open(result["OUTPUT_DISTRICTS"].split("|")[0])
    assert districts.GetLayerByName("districts").GetFeatureCount() >= 40
    districts = None

    def kept(folder):
        rows = [json.loads(line) for line in open(folder / "cities.jsonl", encoding="utf-8")]
        return _numbers(rows), {
            (row["city_id"], entry["district_id"]): entry["groups"]
            for row in rows
            for entry in row.get("districts") or []
        }

    assert kept(out) == kept(tmp_path / "alg")  # the command line and the algorithm: the same numbers


def test_population_points_equal_the_single_city_algorithm(country, local_run, tmp_path, habitat_provider):
    """Population as points with count fields (e.g. buildings): the batch's rows equal publicspaceaccess's."""
    import dataclasses

    import numpy as np
    from osgeo import gdal, osr

    from habitat_planning_plugin.batch.task import run_city

    grid = gdal.Open(country["population"])
    x0, dx, _, y0, _, dy = grid.GetGeoTransform()
    total = grid.GetRasterBand(1).ReadAsArray()
    women = grid.GetRasterBand(2).ReadAsArray()
    rows, cols = np.nonzero(total > 0)
    points = tmp_path / "people.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(points))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.GetProjection())
    layer = source.CreateLayer("people", srs, ogr.wkbPoint)
    for name in ("total", "women"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    layer.StartTransaction()
    for row, col in zip(rows.tolist(), cols.tolist()):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("total", float(total[row, col]))
        feature.SetField("women", float(women[row, col]))
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x0 + (col + 0.3) * dx, y0 + (row + 0.7) * dy)  # off the cell centre: not a grid
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None
    config = dataclasses.replace(
        local_run["config"], population=str(points), population_layer="people", population_fields=("total", "women")
    )
    layer_path = f"{country['gpkg']}|layername="
    for city in sorted(local_run["cities"], key=lambda c: -c.size)[:4]:
        ours = run_city(config, city)
        access = run_algorithm(
            "habitat:publicspaceaccess",
            {
                "STREETS": f"{layer_path}streets",
                "PUBLIC_SPACES": f"{layer_path}public_spaces",
                "POPULATION_LAYER": f"{points}|layername=people",
                "POPULATION_FIELDS": ["total", "women"],
                "URBAN_EXTENT": f'{layer_path}urban_extents|subset="fid" = {city.city_id}',
                "ROAD_CLASS_FIELD": "road_class",
                "OUTPUT_NETWORK": None,
                "OUTPUT_SERVICE_AREA": None,
                "OUTPUT_TABLE": "memory:",
                "OUTPUT_REPORT": None,
            },
        )
        table = {
            (f["pop_group"], f["method"]): f
            for f in access["OUTPUT_TABLE"].getFeatures()
            if f["district"] == "Whole city"
        }
        assert ours["status"] == "ok", ours
        for group in ("total", "women"):
            assert ours["groups"][group]["population"] == pytest.approx(table[(group, "network")]["population"])
            assert ours["groups"][group]["served"] == pytest.approx(table[(group, "network")]["served"])


def test_a_folder_with_another_runs_rows_is_refused(local_run, tmp_path):
    import dataclasses

    from habitat_planning_plugin.batch.driver import run_batch
    from habitat_planning_plugin.core.text import HabitatError

    cities = local_run["cities"][-3:]
    run_batch(local_run["config"], cities, tmp_path, workers=1)
    other = dataclasses.replace(local_run["config"], max_distance=500.0)
    with pytest.raises(HabitatError, match="other inputs or parameters"):
        run_batch(other, cities, tmp_path, workers=1)
    again = run_batch(local_run["config"], cities, tmp_path, workers=1)  # the same run resumes: nothing to do
    assert again.computed == 0 and len(again.rows) == 3
