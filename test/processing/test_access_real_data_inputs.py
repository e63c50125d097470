"""habitat:publicspaceaccess on the inputs planners really have: a population tile larger than the city, a coarse
grid, motorways in the street layer, inputs that do not overlap (issue 17, items 2-4)."""

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException
from shapely.geometry import LineString, Point, box

from test.conftest import SAMPLE_POPULATION, layer_path
from test.helpers import Messages, read_rows, write_layer, write_raster
from test.processing.test_public_space_access import COUNTED, run

SAMPLE = {
    "STREETS": layer_path("streets"),
    "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
    "OUTPUT_NETWORK": "memory:",
    "OUTPUT_SERVICE_AREA": "memory:",
    "OUTPUT_TABLE": "memory:",
}


def sample_grid():
    dataset = gdal.Open(str(SAMPLE_POPULATION))
    bands = [dataset.GetRasterBand(i).ReadAsArray().astype(float) for i in range(1, dataset.RasterCount + 1)]
    nodata = dataset.GetRasterBand(1).GetNoDataValue()
    return dataset.GetGeoTransform(), bands, nodata


def aggregate(bands, nodata, factor):
    """Sum factor x factor blocks (nodata as 0; a block with no data stays nodata), as gdalwarp -r sum does."""
    out = []
    valid = bands[0] != nodata
    rows, cols = (np.array(bands[0].shape) + factor - 1) // factor
    for band in bands:
        padded = np.zeros((rows * factor, cols * factor))
        padded[: band.shape[0], : band.shape[1]] = np.where(valid, band, 0.0)
        summed = padded.reshape(rows, factor, cols, factor).sum(axis=(1, 3))
        any_valid = np.zeros_like(padded, dtype=bool)
        any_valid[: band.shape[0], : band.shape[1]] = valid
        out.append(np.where(any_valid.reshape(rows, factor, cols, factor).any(axis=(1, 3)), summed, nodata))
    return out


def test_1_km_grid_gives_the_100_m_share_within_2_points(tmp_path, habitat_provider):
    (x0, cell, _, y0, _, _), bands, nodata = sample_grid()
    coarse = write_raster(
        tmp_path / "pop_1km.tif", aggregate(bands, nodata, 10), (x0, y0), cell * 10, 32650, nodata=nodata
    )
    extent = {"URBAN_EXTENT": layer_path("urban_extent")}
    fine = run({**SAMPLE, **extent, "POPULATION_RASTER": str(SAMPLE_POPULATION)})
    spread = Messages()
    spread_result = run({**SAMPLE, **extent, "POPULATION_RASTER": coarse}, feedback=spread)
    centres = run({**SAMPLE, **extent, "POPULATION_RASTER": coarse, "MAX_CELL_SIZE": 5000.0})
    assert "1,000 m" in spread.text() and "10 × 10" in spread.text()
    assert abs(spread_result["SHARE_SERVED"] - fine["SHARE_SERVED"]) <= 2.0, (spread_result, fine)
    # Cell centres alone (no spreading) are further off: the reason for the spreading.
    assert abs(centres["SHARE_SERVED"] - fine["SHARE_SERVED"]) > abs(
        spread_result["SHARE_SERVED"] - fine["SHARE_SERVED"]
    )
    print(
        f"served share: 100 m {fine['SHARE_SERVED']:.2f} %, 1 km spread {spread_result['SHARE_SERVED']:.2f} %, "
        f"1 km centres {centres['SHARE_SERVED']:.2f} %"
    )


def test_a_tile_larger_than_the_city_counts_only_the_urban_population(tmp_path, habitat_provider):
    (x0, cell, _, y0, _, _), bands, nodata = sample_grid()
    # The same grid with a ring of 500 m of populated countryside around it (outside the urban extent).
    pad = 5
    padded = [np.pad(np.where(band == nodata, 0.0, band), pad, constant_values=50.0) for band in bands]
    tile = write_raster(tmp_path / "tile.tif", padded, (x0 - pad * cell, y0 + pad * cell), cell, 32650, nodata=nodata)
    extent = {"URBAN_EXTENT": layer_path("urban_extent")}
    city = run({**SAMPLE, **extent, "POPULATION_RASTER": str(SAMPLE_POPULATION)})
    messages = Messages()
    result = run({**SAMPLE, **extent, "POPULATION_RASTER": tile}, feedback=messages)
    assert result["POP_TOTAL"] == pytest.approx(city["POP_TOTAL"], rel=1e-6)
    assert result["SHARE_SERVED"] == pytest.approx(city["SHARE_SERVED"], abs=1e-6)
    assert "live inside the urban extent" in messages.text()
    without = run({**SAMPLE, "POPULATION_RASTER": tile})
    assert without["POP_TOTAL"] > result["POP_TOTAL"] * 1.05  # the countryside changes the answer without it


def test_several_cities_in_one_extent_layer_give_one_row_each(tmp_path, habitat_provider):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(layer_path("districts"), "d")
    west = [f for f in layer.getFeatures()]
    names = [f["name"] for f in west][:2]
    table = tmp_path / "table.csv"
    result = run(
        {
            **SAMPLE,
            "POPULATION_RASTER": str(SAMPLE_POPULATION),
            "URBAN_EXTENT": layer_path("districts") + f"|subset=\"name\" IN ('{names[0]}', '{names[1]}')",
            "URBAN_EXTENT_NAME_FIELD": "name",
            "STRAIGHT_LINE": False,
            "OUTPUT_TABLE": str(table),
        }
    )
    rows = [r for r in read_rows(table) if r["pop_group"] == "total" and r["district"] == "Whole city"]
    by_city = {r["city"]: r for r in rows}
    assert set(by_city) == {names[0], names[1], "All cities"}
    population = [float(by_city[n]["population"]) for n in names]
    served = [float(by_city[n]["served"]) for n in names]
    assert sum(population) == pytest.approx(result["POP_TOTAL"], rel=1e-6)
    assert sum(served) == pytest.approx(result["POP_SERVED"], rel=1e-6)


def test_motorways_and_not_walkable_streets_are_left_out(tmp_path, habitat_provider):
    gpkg = tmp_path / "roads.gpkg"
    # A park reached only over a motorway, another only along a footway marked walkable = 0, a third along a trunk
    # road marked walkable = 1 (foot=yes in OSM): the walkable field wins over the class list.
    lines = [
        (LineString([(0, 0), (300, 0)]), ["residential", None]),
        (LineString([(300, 0), (600, 0)]), ["motorway", None]),
        (LineString([(0, 0), (0, 300)]), ["footway", 0]),
        (LineString([(0, 0), (-300, 0)]), ["trunk", 1]),
    ]
    streets = write_layer(gpkg, "streets", "LineString", 32650, [("road_class", "str"), ("walkable", "int")], lines)
    park = write_layer(gpkg, "park", "Polygon", 32650, [], [(box(590, 5, 700, 100), [])])
    park2 = write_layer(gpkg, "park2", "Polygon", 32650, [], [(box(5, 290, 50, 350), [])])
    park3 = write_layer(gpkg, "park3", "Polygon", 32650, [], [(box(-350, 5, -290, 100), [])])
    people = write_layer(gpkg, "people", "Point", 32650, [("n", "real")], [(Point(250, -10), [1.0])])
    base = {
        "STREETS": streets,
        "POPULATION_LAYER": people,
        "POPULATION_FIELDS": ["n"],
        "STRAIGHT_LINE": False,
        "OUTPUT_TABLE": "memory:",
        "OUTPUT_NETWORK": "memory:",
        "OUTPUT_SERVICE_AREA": "memory:",
    }
    messages = Messages()
    with pytest.raises(QgsProcessingException, match="No street reaches a public space"):
        run({**base, "PUBLIC_SPACES": park}, feedback=messages)
    assert "2 streets left out of the walking network" in messages.text()
    with pytest.raises(QgsProcessingException, match="No street reaches a public space"):
        run({**base, "PUBLIC_SPACES": park2})
    # The trunk road with walkable = 1 is walked: 10 m + 250 m + (290 - 24.49) m + 25 m = 550.5 m: reached, not served.
    out = str(tmp_path / "trunk.gpkg")
    run({**base, "PUBLIC_SPACES": park3, "OUTPUT_POPULATION": out})
    assert float(read_rows(out)[0]["dist_m"]) == pytest.approx(10 + 250 + 290 - np.sqrt(25**2 - 5**2) + 25)
    # With no class excluded the motorway may be walked: 10 m to the street, then to where it comes within 25 m
    # of the park's corner (590, 5), sqrt(25² - 5²) m before x = 590, and 25 m across: 350.5 m, served.
    people_out = str(tmp_path / "people_out.gpkg")
    result = run({**base, "PUBLIC_SPACES": park, "EXCLUDED_CLASSES": "", "OUTPUT_POPULATION": people_out})
    assert result["POP_SERVED"] == 1.0 and result["NETWORK_PARTS"] == 1  # the footway is still walkable = 0
    distance = float(read_rows(people_out)[0]["dist_m"])
    assert distance == pytest.approx(10 + (590 - np.sqrt(25**2 - 5**2) - 250) + 25)


def test_inputs_that_do_not_overlap_are_refused_by_name(tmp_path, habitat_provider):
    far = write_raster(tmp_path / "far.tif", [np.full((3, 3), 10.0)], (900_000, 9_000_000), 100, 32650)
    with pytest.raises(QgsProcessingException, match="do not overlap"):
        run({**SAMPLE, "POPULATION_RASTER": far})
    with pytest.raises(QgsProcessingException, match="far.tif"):  # named, with or without an urban extent
        run({**SAMPLE, "POPULATION_RASTER": far, "URBAN_EXTENT": layer_path("urban_extent")})


def test_coarse_grid_spread_by_a_built_up_raster(tmp_path, habitat_provider):
    (x0, cell, _, y0, _, _), bands, nodata = sample_grid()
    coarse = write_raster(
        tmp_path / "pop_1km.tif", aggregate(bands, nodata, 10), (x0, y0), cell * 10, 32650, nodata=nodata
    )
    # A built-up share known at 100 m: where the fine grid has people (an ancillary layer a user would have).
    built = write_raster(tmp_path / "built.tif", [(bands[0] != nodata) & (bands[0] > 0)], (x0, y0), cell, 32650)
    fine = run({**SAMPLE, "POPULATION_RASTER": str(SAMPLE_POPULATION), "STRAIGHT_LINE": False})
    messages = Messages()
    dasymetric = run(
        {**SAMPLE, "POPULATION_RASTER": coarse, "BUILT_UP": built, "STRAIGHT_LINE": False}, feedback=messages
    )
    assert "in proportion to the built-up raster" in messages.text()
    assert dasymetric["POP_TOTAL"] == pytest.approx(fine["POP_TOTAL"], rel=1e-6)
    assert abs(dasymetric["SHARE_SERVED"] - fine["SHARE_SERVED"]) <= 1.0


def test_coarse_cell_spread_by_building_footprints(tmp_path, habitat_provider):
    gpkg = tmp_path / "one_cell.gpkg"
    # One 1 km cell (0..1000 x 0..1000) of 100 people; a street along y = 500; a park at its west end; all the
    # buildings in the western 300 m, so every person lives within 400 m of the park (by hand below).
    streets = write_layer(gpkg, "streets", "LineString", 32650, [], [(LineString([(0, 500), (1000, 500)]), [])])
    park = write_layer(gpkg, "park", "Polygon", 32650, [], [(box(-100, 505, 0, 600), [])])
    houses = [(box(x, y, x + 20, y + 20), []) for x in (40, 140, 240) for y in (440, 520)]
    buildings = write_layer(gpkg, "buildings", "Polygon", 32650, [], houses)
    grid = write_raster(tmp_path / "cell.tif", [np.array([[100.0]])], (0, 1000), 1000, 32650)
    base = {
        "STREETS": streets,
        "PUBLIC_SPACES": park,
        "POPULATION_RASTER": grid,
        "STRAIGHT_LINE": False,
        "OUTPUT_TABLE": "memory:",
        "OUTPUT_NETWORK": "memory:",
        "OUTPUT_SERVICE_AREA": "memory:",
    }
    by_buildings = run({**base, "BUILDINGS": buildings})
    evenly = run(base)
    # A sub-cell centre (x, y) is |y - 500| + x + 0.51 m away: the connector, then along the street to where it
    # comes within 25 m of the park's corner (0, 505), 24.49 m east of x = 0, and 25 m across.
    # Buildings: all people in the sub-cells (50|150|250, 450|550): at most 50 + 250 + 0.51 m, all served.
    assert by_buildings["SHARE_SERVED"] == pytest.approx(100.0)
    # Evenly, 1 person per sub-cell: |dy| = 50 -> x 50..250 (3 x 2 rows), |dy| = 150 -> x 50, 150 (2 x 2),
    # |dy| = 250 -> x 50 (1 x 2), |dy| >= 350 -> none: 12 of 100.
    assert evenly["SHARE_SERVED"] == pytest.approx(12.0)
