"""habitat:candidatesites through Processing: a hand-made raster worked by hand, the sample city (sites clear of
public spaces and street corridors, inside the extent, fed straight into habitat:publicspacesiting), a Chinese run
and bad input."""

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, box
from shapely.ops import unary_union

from test.conftest import SAMPLE_DATA, SAMPLE_GPKG, SAMPLE_POPULATION, layer_path
from test.helpers import Messages, read_rows, write_layer, write_raster

ALG = "habitat:candidatesites"
BUILT_UP = str(SAMPLE_DATA / "sample_city_builtup.tif")
X0, Y0 = 500_000.0, 3_501_200.0  # top-left corner of the hand-made raster (UTM 50N)


def run(parameters, feedback=None, algorithm=ALG):
    from qgis import processing

    return processing.run(algorithm, parameters, feedback=feedback or Messages())


def sample_shapes(layer):
    data_source = ogr.Open(str(SAMPLE_GPKG))
    shapes = [shapely_wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in data_source.GetLayerByName(layer)]
    data_source = None
    return shapes


def hand_raster(tmp_path, share=None):
    """20 x 20 cells of 10 m: a 6 x 5 open block (rows 2-6, columns 3-8) and a 3 x 2 one (600 m²), the rest built."""
    if share is None:
        share = np.full((20, 20), 0.9)
        share[2:7, 3:9] = 0.05
        share[12:14, 12:15] = 0.0
    return write_raster(tmp_path / "built.tif", [share], (X0, Y0), 10.0, 32650)


def block(c0, r0, c1, r1):
    """The cells of columns c0..c1-1 and rows r0..r1-1 of the hand-made raster."""
    return box(X0 + 10 * c0, Y0 - 10 * r1, X0 + 10 * c1, Y0 - 10 * r0)


@pytest.fixture
def hand(tmp_path):
    gpkg = tmp_path / "hand.gpkg"
    extent = write_layer(gpkg, "extent", "Polygon", 32650, [], [(block(0, 0, 15, 20), [])])
    return hand_raster(tmp_path), extent, gpkg


def test_hand_made_raster(tmp_path, hand, habitat_provider):
    raster, extent, gpkg = hand
    out = tmp_path / "sites.gpkg"
    log = Messages()
    result = run({"BUILT_UP": raster, "URBAN_EXTENT": extent, "OUTPUT": str(out)}, log)
    rows = read_rows(out)
    assert result["SITES"] == 1 and len(rows) == 1 and result["AREA_HA"] == pytest.approx(0.3)
    row = rows[0]
    assert row["_geometry"].equals(block(3, 2, 9, 7)) and row["area_m2"] == pytest.approx(3000.0)
    assert row["site_id"] == 1 and row["name"] == "Open land 1" and row["source"] == "non-built land"
    assert row["built_pct"] == pytest.approx(5.0, rel=1e-6) and "20 %" in row["kind"]
    assert "1 pieces of open land smaller than 2,000 m²" in log.text()

    # A street through the block (on a cell boundary, half-width 4 m: no cell centre within it) and a space
    # grown by 5 m: the block less the corridor and the grown space, exactly.
    street = LineString([(X0 + 60, Y0 - 210), (X0 + 60, Y0 + 10)])
    streets = write_layer(gpkg, "streets", "LineString", 32650, [], [(street, [])])
    space = block(8, 2, 9, 3).buffer(-2.5)  # a 5 m square in the block's top-right cell
    spaces = write_layer(gpkg, "spaces", "Polygon", 32650, [], [(space, [])])
    out = tmp_path / "cut.gpkg"
    result = run(
        {
            "BUILT_UP": raster,
            "URBAN_EXTENT": extent,
            "STREETS": streets,
            "STREET_HALF_WIDTH": 4.0,
            "PUBLIC_SPACES": spaces,
            "SPACE_BUFFER": 5.0,
            "MIN_AREA": 1000.0,
            "OUTPUT": str(out),
        }
    )
    expected = block(3, 2, 9, 7).difference(street.buffer(4.0)).difference(space.buffer(5.0))
    rows = sorted(read_rows(out), key=lambda r: r["site_id"])
    assert result["SITES"] == 2 == len(rows)
    got = unary_union([r["_geometry"] for r in rows])
    assert got.symmetric_difference(expected).area < 1e-6
    assert sum(r["area_m2"] for r in rows) == pytest.approx(expected.area, abs=1e-6)
    assert rows[0]["area_m2"] == pytest.approx(1300.0) and rows[1]["area_m2"] < 1300.0  # largest first
    # The grown space (a 15 m square, rounded) covers the whole top-right cell (its centre too): cut exactly.
    right = block(3, 2, 9, 7).intersection(box(X0 + 64, Y0 - 100, X0 + 200, Y0))
    assert rows[1]["area_m2"] == pytest.approx(1300.0 - space.buffer(5.0).intersection(right).area, abs=1e-6)


def test_sample_city_feeds_the_siting(tmp_path, habitat_provider):
    out = tmp_path / "candidates.gpkg"
    log = Messages()
    result = run(
        {
            "BUILT_UP": BUILT_UP,
            "URBAN_EXTENT": layer_path("urban_extent"),
            "PUBLIC_SPACES": layer_path("public_spaces"),
            "STREETS": layer_path("streets"),
            "OUTPUT": str(out),
        },
        log,
    )
    rows = read_rows(out)
    assert result["SITES"] == len(rows) >= 10
    assert [r["site_id"] for r in rows] == list(range(1, len(rows) + 1))
    areas = [r["area_m2"] for r in rows]
    assert areas == sorted(areas, reverse=True) and areas[-1] >= 2000.0
    assert result["AREA_HA"] == pytest.approx(sum(areas) / 1e4)
    extent = unary_union(sample_shapes("urban_extent")).buffer(1e-6)
    spaces = unary_union([shape.buffer(0) for shape in sample_shapes("public_spaces")])
    streets = unary_union(sample_shapes("streets"))
    for row in rows:
        shape = row["_geometry"]
        assert shape.is_valid and shape.area == pytest.approx(row["area_m2"], rel=1e-9)
        assert extent.contains(shape)
        assert shape.intersection(spaces).area < 1e-6
        assert shape.distance(streets) >= 6.0 - 0.05  # the corridor's arcs are drawn with chords
        assert 0.0 <= row["built_pct"] <= 20.0 + 1e-6
    assert "candidate sites" in log.text()

    # Straight into the siting tool as its candidates.
    sites = run(
        {
            "STREETS": layer_path("streets"),
            "PUBLIC_SPACES": layer_path("public_spaces"),
            "CANDIDATES": str(out),
            "CANDIDATE_NAME_FIELD": "name",
            "POPULATION_RASTER": str(SAMPLE_POPULATION),
            "URBAN_EXTENT": layer_path("urban_extent"),
            "NUMBER_OF_SITES": 3,
            "MIN_AREA": 0.0,
            "OUTPUT_SITES": str(tmp_path / "chosen.gpkg"),
            "OUTPUT_CURVE": "memory:",
            "OUTPUT_REPORT": None,
        },
        algorithm="habitat:publicspacesiting",
    )
    chosen = read_rows(tmp_path / "chosen.gpkg")
    assert sites["SITES_CHOSEN"] == len(chosen) >= 1 and sites["SHARE_AFTER"] > sites["SHARE_BEFORE"]
    assert all(row["name"].startswith("Open land ") and row["source"] == "non-built land" for row in chosen)


def test_max_sites_and_max_area_on_the_sample_city(tmp_path, habitat_provider):
    common = {"BUILT_UP": BUILT_UP, "URBAN_EXTENT": layer_path("urban_extent"), "STREETS": layer_path("streets")}
    run({**common, "MAX_SITES": 0, "OUTPUT": str(tmp_path / "all.gpkg")})
    every = read_rows(tmp_path / "all.gpkg")
    areas = sorted((r["area_m2"] for r in every), reverse=True)
    result = run({**common, "MAX_SITES": 5, "OUTPUT": str(tmp_path / "five.gpkg")})
    assert result["SITES"] == 5
    assert [r["area_m2"] for r in read_rows(tmp_path / "five.gpkg")] == pytest.approx(areas[:5])
    limit = areas[2]
    result = run({**common, "MAX_SITES": 0, "MAX_AREA": limit, "OUTPUT": str(tmp_path / "small.gpkg")})
    assert [r["area_m2"] for r in read_rows(tmp_path / "small.gpkg")] == pytest.approx(areas[2:])


def test_chinese_run(tmp_path, habitat_provider, locale):
    locale("zh_CN")
    gpkg = tmp_path / "城市.gpkg"
    extent = write_layer(
        gpkg, "城市范围", "Polygon", 32650, [], [(shape, []) for shape in sample_shapes("urban_extent")]
    )
    streets = write_layer(gpkg, "街道", "LineString", 32650, [], [(line, []) for line in sample_shapes("streets")])
    out = tmp_path / "候选地块.gpkg"
    log = Messages()
    result = run({"BUILT_UP": BUILT_UP, "URBAN_EXTENT": extent, "STREETS": streets, "OUTPUT": str(out)}, log)
    rows = read_rows(out)
    assert result["SITES"] == len(rows) >= 10 and all(row["source"] == "non-built land" for row in rows)
    assert all(row["name"] and row["kind"] for row in rows)


def test_bad_input(tmp_path, hand, habitat_provider):
    raster, extent, gpkg = hand
    out = tmp_path / "never.gpkg"
    # Raster and extent apart: both are named.
    far = write_layer(gpkg, "far", "Polygon", 32650, [], [(box(600_000, 3_600_000, 601_000, 3_601_000), [])])
    with pytest.raises(QgsProcessingException, match="do not overlap") as error:
        run({"BUILT_UP": raster, "URBAN_EXTENT": far, "OUTPUT": str(out)})
    assert "built" in str(error.value) and "far" in str(error.value)
    # An extent whose box touches the raster but holds no cell centre.
    sliver = write_layer(gpkg, "sliver", "Polygon", 32650, [], [(box(X0 + 1, Y0 - 4, X0 + 4, Y0 - 1), [])])
    with pytest.raises(QgsProcessingException, match="do not overlap"):
        run({"BUILT_UP": raster, "URBAN_EXTENT": sliver, "OUTPUT": str(out)})
    # Nothing open.
    built = write_raster(tmp_path / "all_built.tif", [np.full((20, 20), 0.9)], (X0, Y0), 10.0, 32650)
    with pytest.raises(QgsProcessingException, match="is open land"):
        run({"BUILT_UP": built, "URBAN_EXTENT": extent, "OUTPUT": str(out)})
    # Open land, but no piece large enough.
    with pytest.raises(QgsProcessingException, match="No open land is left") as error:
        run({"BUILT_UP": raster, "URBAN_EXTENT": extent, "MIN_AREA": 5000.0, "OUTPUT": str(out)})
    assert "3,000" in str(error.value)  # the largest piece
    # Refused before the run.
    with pytest.raises(QgsProcessingException, match="give 0 or more"):
        run({"BUILT_UP": raster, "URBAN_EXTENT": extent, "MIN_AREA": -1.0, "OUTPUT": str(out)})
    with pytest.raises(QgsProcessingException, match="smaller than the smallest site"):
        run({"BUILT_UP": raster, "URBAN_EXTENT": extent, "MAX_AREA": 500.0, "OUTPUT": str(out)})
    assert not out.exists()
