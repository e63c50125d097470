"""The "City-wide public space assessment" model gives what its three algorithms give one by one."""

import pytest

from test.conftest import SAMPLE_POPULATION, layer_path
from test.helpers import read_rows

MODEL = "habitat:citywidepublicspaceassessment"


def test_model_chains_inventory_land_share_and_access(tmp_path, habitat_provider):
    from qgis import processing

    assert MODEL in [alg.id() for alg in habitat_provider.algorithms()]
    processing.run(
        MODEL,
        {
            "public_spaces": layer_path("public_spaces"),
            "type_field": "ps_type",
            "access_field": "access",
            "fee_field": "fee",
            "urban_extent": layer_path("urban_extent"),
            "city_name": "name",
            "streets": layer_path("streets"),
            "width_field": "width_m",
            "class_field": "road_class",
            "population": str(SAMPLE_POPULATION),
            "districts": layer_path("districts"),
            "district_name": "name",
            "land_share:land_share": str(tmp_path / "land.csv"),
            "access:access": str(tmp_path / "access.csv"),
            "inventory:inventory": str(tmp_path / "inventory.gpkg"),
        },
    )
    assert sum(1 for r in read_rows(tmp_path / "inventory.gpkg") if r["counted"] == 1) == 25

    # The same steps one by one, with the inventory's counted spaces.
    counted = f'{tmp_path / "inventory.gpkg"}|subset="counted" = 1'
    land = processing.run(
        "habitat:sdg1171landshare",
        {
            "URBAN_EXTENT": layer_path("urban_extent"),
            "PUBLIC_SPACES": counted,
            "STREETS": layer_path("streets"),
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "OUTPUT_STREET_AREA": "memory:",
            "OUTPUT_TABLE": "memory:",
        },
    )
    access = processing.run(
        "habitat:publicspaceaccess",
        {
            "STREETS": layer_path("streets"),
            "PUBLIC_SPACES": counted,
            "POPULATION_RASTER": str(SAMPLE_POPULATION),
            "OUTPUT_NETWORK": None,
            "OUTPUT_TABLE": "memory:",
        },
    )
    city = next(r for r in read_rows(tmp_path / "land.csv") if r["level"] == "city")
    assert city["name"] == "Sample City"
    assert float(city["total_pct"]) == pytest.approx(land["SHARE_TOTAL"])
    whole = next(
        r
        for r in read_rows(tmp_path / "access.csv")
        if r["district"] == "Whole city" and r["pop_group"] == "total" and r["method"] == "network"
    )
    assert float(whole["share_pct"]) == pytest.approx(access["SHARE_SERVED"])
