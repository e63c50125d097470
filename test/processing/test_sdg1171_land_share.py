"""habitat:sdg1171landshare through Processing, on real GeoPackage files."""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from shapely.geometry import LineString, box

from test.conftest import layer_path
from test.helpers import read_rows, write_layer

ALG = "habitat:sdg1171landshare"
COUNTED = (
    '|subset="access" = \'public\' AND "fee" = \'no\' AND "ps_type" IN '
    "('park','civic park','square','recreational green area','public facility open area')"
)


def run(parameters, feedback=None):
    from qgis import processing

    return processing.run(ALG, parameters, feedback=feedback or QgsProcessingFeedback())


@pytest.fixture
def grid(tmp_path):
    """600 m square city, streets every 100 m; widths from a field (10 m), a class (x=500 line) and the default."""
    gpkg = tmp_path / "grid.gpkg"
    rows = []
    for x in range(100, 600, 100):
        width, kind = (None, "lane") if x == 500 else (10.0, "residential")
        rows.append((LineString([(x, 0), (x, 600)]), [width, kind]))
    for y in range(100, 600, 100):
        rows.append((LineString([(0, y), (600, y)]), [10.0 if y != 500 else None, "unknown"]))
    return {
        "URBAN_EXTENT": write_layer(
            gpkg, "extent", "Polygon", 32650, [("name", "str")], [(box(0, 0, 600, 600), ["Grid"])]
        ),
        "CITY_NAME_FIELD": "name",
        "PUBLIC_SPACES": write_layer(gpkg, "spaces", "Polygon", 32650, [], [(box(190, 190, 310, 310), [])]),
        "STREETS": write_layer(gpkg, "streets", "LineString", 32650, [("width", "real"), ("kind", "str")], rows),
        "WIDTH_FIELD": "width",
        "CLASS_FIELD": "kind",
        "CLASS_WIDTHS": ["lane", 10, "residential", 60],
        "DEFAULT_WIDTH": 10.0,
    }


def test_grid_by_hand(grid, tmp_path, habitat_provider):
    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            messages.append(info)

    result = run(
        {**grid, "OUTPUT_STREET_AREA": str(tmp_path / "streets.gpkg"), "OUTPUT_TABLE": str(tmp_path / "table.csv")},
        Feedback(),
    )
    # Every street ends up 10 m wide (8 measured, x=500 from the class table, y=500 by default): 57,500 m2;
    # the park (14,400 m2) overlaps the corridors by 4,400 m2, counted once.
    assert result["SHARE_TOTAL"] == pytest.approx(100 * 67_500 / 360_000)
    assert result["SHARE_PUBLIC_SPACE"] == pytest.approx(100 * 14_400 / 360_000)
    assert result["SHARE_STREETS"] == pytest.approx(100 * 53_100 / 360_000)
    assert any("8 measured, 1 from the road class table, 1 default" in line for line in messages)
    (row,) = read_rows(tmp_path / "table.csv")
    assert row["name"] == "Grid" and float(row["overlap_m2"]) == pytest.approx(4_400)
    assert float(row["bench_tot"]) == 45.0 and row["meets_tot"] == "0"
    (area,) = read_rows(tmp_path / "streets.gpkg")
    assert area["_geometry"].area == pytest.approx(57_500)
    # Every width 25 % narrower and wider, by hand: 10 corridors of w x 600 m less 25 crossings of w x w, less the
    # four w x 120 m strips inside the park (their four crossings counted once).
    for width, key, column in ((7.5, "SHARE_STREETS_LOW", "street_lo"), (12.5, "SHARE_STREETS_HIGH", "street_hi")):
        outside_park = (6_000 * width - 25 * width**2) - (4 * 120 * width - 4 * width**2)
        assert result[key] == pytest.approx(100 * outside_park / 360_000)
        assert float(row[column]) == pytest.approx(100 * outside_park / 360_000)
    assert (result["WIDTH_MEASURED"], result["WIDTH_CLASS"], result["WIDTH_DEFAULT"]) == (8, 1, 1)


def test_street_polygons_instead_of_lines(grid, tmp_path, habitat_provider):
    gpkg = tmp_path / "polys.gpkg"
    polygons = write_layer(gpkg, "streets", "Polygon", 32650, [], [(box(0, 295, 600, 305), [])])  # 6,000 m2
    result = run(
        {
            **grid,
            "STREETS": None,
            "STREET_POLYGONS": polygons,
            "OUTPUT_STREET_AREA": "memory:",
            "OUTPUT_TABLE": "memory:",
        }
    )
    assert result["SHARE_STREETS"] == pytest.approx(100 * (6_000 - 1_200) / 360_000)  # 1,200 m2 inside the park


def test_sample_city_is_plausible_with_districts_and_sampling(tmp_path, habitat_provider):
    result = run(
        {
            "URBAN_EXTENT": layer_path("urban_extent"),
            "CITY_NAME_FIELD": "name",
            "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
            "STREETS": layer_path("streets"),
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "DISTRICTS": layer_path("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "SAMPLING": True,
            "OUTPUT_STREET_AREA": "memory:",
            "OUTPUT_TABLE": str(tmp_path / "table.csv"),
        }
    )
    assert 5 <= result["SHARE_TOTAL"] <= 25
    rows = read_rows(tmp_path / "table.csv")
    city = next(r for r in rows if r["level"] == "city")
    districts = [r for r in rows if r["level"] == "district"]
    assert len(districts) == 7
    # The districts tile the city: their areas add up to it.
    assert sum(float(r["area_km2"]) for r in districts) == pytest.approx(float(city["area_km2"]), rel=1e-6)
    for row in rows:  # narrower widths, less street land; wider, more
        assert float(row["street_lo"]) < float(row["street_pct"]) < float(row["street_hi"])
    # The districts' street land at either width adds up to the city's.
    for column in ("street_lo", "street_hi"):
        assert sum(float(r[column]) * float(r["area_km2"]) for r in districts) == pytest.approx(
            float(city[column]) * float(city["area_km2"]), rel=1e-6
        )
    low, high = float(city["sample_low"]), float(city["sample_high"])
    assert int(city["sample_n"]) >= 30 and high - low <= 2.0 + 1e-9
    assert (
        abs(
            float(city["sample_pct"])
            - (float(city["street_pct"]) + float(city["overlap_m2"]) / 1e4 / float(city["area_km2"]))
        )
        < 5
    )


@pytest.mark.parametrize(
    "change, message",
    [
        ({"STREET_POLYGONS": "poly"}, "not both or none"),
        ({"STREETS": None}, "not both or none"),
        ({"URBAN_EXTENT": "empty"}, "has no features"),
        ({"CLASS_WIDTHS": ["lane", "wide"]}, "not a number"),
    ],
)
def test_bad_input_is_reported_and_writes_nothing(grid, tmp_path, habitat_provider, change, message):
    gpkg = tmp_path / "bad.gpkg"
    named = {
        "poly": write_layer(gpkg, "poly", "Polygon", 32650, [], [(box(0, 0, 10, 10), [])]),
        "empty": write_layer(gpkg, "empty", "Polygon", 32650, [("name", "str")], []),
    }
    parameters = {
        **grid,
        **{k: named.get(v, v) if isinstance(v, str) else v for k, v in change.items()},
        "OUTPUT_STREET_AREA": str(tmp_path / "out.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "t.csv"),
    }
    with pytest.raises(QgsProcessingException, match=message):
        run(parameters)
    assert not (tmp_path / "out.gpkg").exists() and not (tmp_path / "t.csv").exists()
