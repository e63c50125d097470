"""habitat:publicspaceinventory through Processing on the sample city and on bad input."""

import pytest
from qgis.core import QgsProcessingException
from shapely.geometry import box
from shapely.ops import unary_union

from test.conftest import SAMPLE_POPULATION, layer_path
from test.helpers import read_rows, write_layer

ALG = "habitat:publicspaceinventory"


def run(parameters):
    from qgis import processing

    return processing.run(ALG, parameters)


def test_sample_city_inventory(tmp_path, habitat_provider):
    result = run(
        {
            "INPUT": layer_path("public_spaces"),
            "TYPE_FIELD": "ps_type",
            "ACCESS_FIELD": "access",
            "FEE_FIELD": "fee",
            "DISTRICTS": layer_path("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "POPULATION_RASTER": str(SAMPLE_POPULATION),
            "OUTPUT": str(tmp_path / "inventory.gpkg"),
            "OUTPUT_SUMMARY": str(tmp_path / "summary.csv"),
        }
    )
    # 28 spaces: two private gardens (access private) and a golf course (fee) do not count.
    assert (result["COUNTED"], result["NOT_COUNTED"], result["REPAIRED"]) == (25, 3, 1)
    rows = read_rows(tmp_path / "inventory.gpkg")
    assert len(rows) == 28
    golf = next(r for r in rows if r["name"] == "Hillside Golf Club")
    assert golf["counted"] == 0 and golf["category"] == "not_counted"
    assert golf["not_counted_reason"] == "type is not one of the five counted types"
    central = next(r for r in rows if r["name"] == "Central Park")
    assert central["category"] == "park" and central["district"] == "Old Town"
    assert central["area_m2"] == pytest.approx((3 * 120 - 18) ** 2)  # 3x3 lattice cells, 9 m inset each side
    assert central["size_class"] == "≥ 10 ha"  # 11.7 ha
    bowtie = next(r for r in rows if r["name"] == "Temple Civic Garden")
    assert bowtie["repaired"] == 1 and bowtie["area_m2"] == pytest.approx((120 - 18) ** 2 / 2)
    total = sum(r["area_m2"] for r in rows if r["counted"] == 1)
    assert result["COUNTED_AREA_HA"] == pytest.approx(total / 1e4)

    summary = read_rows(tmp_path / "summary.csv")
    all_rows = [r for r in summary if r["category"] == "all"]
    assert len(all_rows) == 7
    # Spaces are clipped to districts (which cover the urban extent only): the district totals add up to the
    # counted area inside the districts, computed here with shapely.
    districts = unary_union([r["_geometry"] for r in read_rows(layer_path("districts").split("|")[0], "districts")])
    inside = sum(r["_geometry"].intersection(districts).area for r in rows if r["counted"] == 1)
    assert inside < total  # the greenway reaches past the urban extent
    assert sum(float(r["area_ha"]) for r in all_rows) == pytest.approx(inside / 1e4, rel=1e-6)
    for row in all_rows:
        assert float(row["m2_per_person"]) == pytest.approx(float(row["area_ha"]) * 1e4 / float(row["population"]))


def test_unknown_types_and_missing_geometry_are_kept_and_flagged(tmp_path, habitat_provider):
    gpkg = tmp_path / "spaces.gpkg"
    spaces = write_layer(
        gpkg,
        "spaces",
        "Polygon",
        32650,
        [("kind", "str")],
        [(box(0, 0, 100, 100), ["Park"]), (box(200, 0, 300, 100), ["helipad"]), (None, ["square"])],
    )
    result = run(
        {"INPUT": spaces, "TYPE_FIELD": "kind", "OUTPUT": str(tmp_path / "out.gpkg"), "OUTPUT_SUMMARY": "memory:"}
    )
    assert (result["COUNTED"], result["NOT_COUNTED"]) == (1, 2)
    rows = {r["kind"]: r for r in read_rows(tmp_path / "out.gpkg")}
    assert rows["helipad"]["not_counted_reason"] == "type value not in the mapping"
    assert rows["square"]["not_counted_reason"] == "no usable polygon geometry"
    assert rows["square"]["_geometry"] is None or rows["square"]["_geometry"].is_empty


@pytest.mark.parametrize(
    "change, message",
    [
        ({"SIZE_THRESHOLDS": "1, 0.5"}, "increasing"),
        ({"SIZE_THRESHOLDS": "small, big"}, "numbers in hectares"),
        ({"TYPE_MAPPING": ["park", "garden-ish"]}, "use one of"),
    ],
)
def test_bad_parameters_are_explained(tmp_path, habitat_provider, change, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(
            {
                "INPUT": layer_path("public_spaces"),
                "TYPE_FIELD": "ps_type",
                "OUTPUT": str(tmp_path / "o.gpkg"),
                "OUTPUT_SUMMARY": "memory:",
                **change,
            }
        )
    assert not (tmp_path / "o.gpkg").exists()
