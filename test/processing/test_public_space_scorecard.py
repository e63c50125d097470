"""habitat:publicspacescorecard on the sample city: every indicator recomputed, tracking, bad input, languages."""

import csv
import re

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject
from shapely import wkb as shapely_wkb
from shapely.geometry import Point, box
from shapely.ops import unary_union
from shapely.validation import make_valid

from test.conftest import SAMPLE_GPKG, SAMPLE_POPULATION, layer_path
from test.helpers import Messages, read_rows, write_layer

ALG = "habitat:publicspacescorecard"
COUNTED_TYPES = ("park", "civic park", "square", "recreational green area", "public facility open area")
COUNTED = (
    '|subset="access" = \'public\' AND "fee" = \'no\' AND "ps_type" IN '
    "('park','civic park','square','recreational green area','public facility open area')"
)
BASE = {
    "DISTRICTS": layer_path("districts"),
    "DISTRICT_NAME_FIELD": "name",
    "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
    "STREETS": layer_path("streets"),
    "URBAN_EXTENT": layer_path("urban_extent"),
    "POPULATION_RASTER": str(SAMPLE_POPULATION),
    "WIDTH_FIELD": "width_m",
    "CLASS_FIELD": "road_class",
    "YEAR": 2024,
}
GROUPS = ["total", "female", "male", "children_0_14", "older_65_plus", "disability"]
TRACKED = (
    [
        "area_km2",
        "population",
        "ops_share_pct",
        "street_share_pct",
        "total_share_pct",
        "ops_m2_per_person",
        "served_pct",
    ]
    + [f"served_pct_{group}" for group in GROUPS[1:]]
    + ["quality_mean", "to_upgrade", "unserved_clusters", "unserved_in_clusters"]
)


def run(parameters, feedback=None, algorithm=ALG, context=None):
    from qgis import processing

    return processing.run(algorithm, parameters, feedback=feedback or QgsProcessingFeedback(), context=context)


def outputs(tmp_path, stem="card"):
    return {
        "OUTPUT": str(tmp_path / f"{stem}.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / f"{stem}.csv"),
        "OUTPUT_REPORT": str(tmp_path / f"{stem}.html"),
    }


def sample(layer):
    """[(shapely geometry, attributes)] of a sample layer, read with OGR (invalid polygons repaired by buffer(0))."""
    data_source = ogr.Open(str(SAMPLE_GPKG))  # kept while its layer is read: OGR crashes otherwise
    items = []
    for feature in data_source.GetLayerByName(layer):
        shape = shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
        items.append((shape if shape.is_valid else make_valid(shape), feature.items()))
    return items


def number(value):
    return None if value in (None, "") else float(value)


def by_district(rows):
    return {row["district"]: row for row in rows}


def test_every_indicator_recomputed_on_the_sample_city(tmp_path, habitat_provider):
    made = outputs(tmp_path)
    run({**BASE, **made})
    card = by_district(read_rows(made["OUTPUT_TABLE"]))
    districts = sample("districts")
    names = [attributes["name"] for _, attributes in districts]
    assert list(card) == names + ["Whole city"]
    assert [card[name]["level"] for name in card] == ["district"] * 7 + ["city"]
    assert all(row["year"] == "2024" for row in card.values())

    # SDG 11.7.1 (a) open public space by shapely, on each district's part of the urban extent.
    city = unary_union([shape for shape, _ in sample("urban_extent")])
    spaces = unary_union(
        [
            shape
            for shape, a in sample("public_spaces")
            if a["access"] == "public" and a["fee"] == "no" and a["ps_type"] in COUNTED_TYPES
        ]
    )
    parts = {attributes["name"]: shape.intersection(city) for shape, attributes in districts}
    parts["Whole city"] = city

    # SDG 11.7.1 (b) and the population: the access tool's table with the same inputs.
    access_table = tmp_path / "access.csv"
    run(
        {
            "STREETS": BASE["STREETS"],
            "PUBLIC_SPACES": BASE["PUBLIC_SPACES"],
            "POPULATION_RASTER": BASE["POPULATION_RASTER"],
            "DISTRICTS": BASE["DISTRICTS"],
            "DISTRICT_NAME_FIELD": "name",
            "URBAN_EXTENT": BASE["URBAN_EXTENT"],
            "ROAD_CLASS_FIELD": "road_class",
            "OUTPUT_NETWORK": None,
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_TABLE": str(access_table),
            "OUTPUT_REPORT": None,
        },
        algorithm="habitat:publicspaceaccess",
    )
    access = {(row["district"], row["pop_group"]): row for row in read_rows(access_table) if row["method"] == "network"}
    # The street share: the land share tool's table with the same inputs (one street area, not tiles).
    land_table = tmp_path / "land.csv"
    run(
        {
            "URBAN_EXTENT": BASE["URBAN_EXTENT"],
            "PUBLIC_SPACES": BASE["PUBLIC_SPACES"],
            "STREETS": BASE["STREETS"],
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "DISTRICTS": BASE["DISTRICTS"],
            "DISTRICT_NAME_FIELD": "name",
            "OUTPUT_STREET_AREA": str(tmp_path / "streets.gpkg"),
            "OUTPUT_TABLE": str(land_table),
            "OUTPUT_REPORT": None,
        },
        algorithm="habitat:sdg1171landshare",
    )
    land = {(row["level"], row["name"]): row for row in read_rows(land_table)}

    for name, row in card.items():
        part = parts[name]
        ops_m2 = spaces.intersection(part).area
        assert float(row["area_km2"]) == pytest.approx(part.area / 1e6, rel=1e-9)
        assert float(row["ops_share_pct"]) == pytest.approx(100 * ops_m2 / part.area, rel=1e-6)
        served = access[(name, "total")]
        assert float(row["population"]) == float(served["population"])
        assert float(row["served_pct"]) == float(served["share_pct"])  # exactly the access tool's share
        for group in GROUPS[1:]:
            assert float(row[f"served_pct_{group}"]) == float(access[(name, group)]["share_pct"])
        assert float(row["ops_m2_per_person"]) == pytest.approx(ops_m2 / float(served["population"]), rel=1e-6)
        shares = land[("city", "1") if name == "Whole city" else ("district", name)]
        assert float(row["street_share_pct"]) == pytest.approx(float(shares["street_pct"]), rel=1e-7)
        assert float(row["total_share_pct"]) == pytest.approx(float(shares["total_pct"]), rel=1e-7)
        assert float(row["ops_share_pct"]) == pytest.approx(float(shares["ops_pct"]), rel=1e-9)
        for field in ("quality_mean", "weakest_dim", "to_upgrade", "unserved_clusters", "unserved_in_clusters"):
            assert row[field] == ""  # their layers were not given

    layer = read_rows(made["OUTPUT"])
    assert [feature["district"] for feature in layer] == list(card)
    for feature, (shape, _) in zip(layer, districts):
        assert feature["_geometry"].area == pytest.approx(shape.area, rel=1e-9)
    city_shape = layer[-1]["_geometry"]  # the whole city has a row, not a shape over the districts
    assert city_shape is None or city_shape.is_empty
    html = (tmp_path / "card.html").read_text(encoding="utf-8")
    assert html.count('style="page-break-before: always"') == 7


def test_layer_loads_styled_on_the_served_share(tmp_path, habitat_provider, qgis_new_project):
    from qgis import processing

    processing.runAndLoadResults(
        ALG, {**BASE, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT", "OUTPUT_REPORT": None}
    )
    layer = QgsProject.instance().mapLayersByName("Public space scorecard")[0]
    assert layer.renderer().type() == "graduatedSymbol" and layer.renderer().classAttribute() == "served_pct"
    assert layer.featureCount() == 8


def quality_layers(tmp_path):
    """Spaces, upgrade candidates and clusters placed in Old Town and Eastfield (and one outside every district)."""
    districts = {attributes["name"]: shape for shape, attributes in sample("districts")}
    old, east = districts["Old Town"].representative_point(), districts["Eastfield"].representative_point()
    far = Point(old.x + 50_000, old.y)
    gpkg = tmp_path / "results.gpkg"

    def square(point, dx=0.0):
        return box(point.x + dx - 20, point.y - 20, point.x + dx + 20, point.y + 20)

    quality = write_layer(
        gpkg,
        "quality",
        "Polygon",
        32650,
        [("space_id", "int"), ("q_safety", "real"), ("q_green", "real"), ("quality_index", "real")],
        [
            (square(old), [1, 40.0, 70.0, 55.0]),
            (square(old, 100), [2, 60.0, 50.0, 55.0]),
            (square(old, 200), [3, 20.0, None, None]),
            (square(east), [4, 90.0, 30.0, 60.0]),
            (square(far), [5, 0.0, 100.0, 50.0]),
        ],
    )
    upgrade = write_layer(
        gpkg,
        "upgrade",
        "Polygon",
        32650,
        [("space_id", "int"), ("priority", "real"), ("rank", "int")],
        [
            (square(old), [1, 0.9, 1]),
            (square(old, 100), [2, 0.5, 4]),
            (square(east), [4, 0.8, 2]),
            (square(far), [5, 0.1, 3]),
        ],
    )
    clusters = write_layer(
        gpkg,
        "clusters",
        "Polygon",
        32650,
        [("cluster", "int"), ("area_ha", "real"), ("pop_total", "real"), ("pop_female", "real")],
        [
            (square(east), [1, 1.0, 120.0, 60.0]),
            (square(east, 100), [2, 2.0, 80.0, 40.0]),
            (square(old, 300), [3, 1.0, 15.5, 8.0]),
        ],
    )
    return {"QUALITY": quality, "UPGRADE": upgrade, "GAPS_CLUSTERS": clusters, "UPGRADE_TOP": 3}


def test_quality_upgrade_and_clusters_by_hand(tmp_path, habitat_provider):
    made = outputs(tmp_path)
    run({**BASE, **quality_layers(tmp_path), **made})
    card = by_district(read_rows(made["OUTPUT_TABLE"]))
    old, east, north, city = card["Old Town"], card["Eastfield"], card["Northgate"], card["Whole city"]
    # Old Town: index (55 + 55) / 2 (space 3 not scored); safety (40 + 60 + 20) / 3 = 40 < green (70 + 50) / 2.
    assert (float(old["quality_mean"]), old["weakest_dim"], float(old["weakest_score"])) == (55.0, "safety", 40.0)
    assert (float(east["quality_mean"]), east["weakest_dim"], float(east["weakest_score"])) == (60.0, "green", 30.0)
    assert north["quality_mean"] == "" and north["weakest_dim"] == ""
    # City: every space: index (55 + 55 + 60 + 50) / 4; safety 210 / 5 = 42, green 250 / 4 = 62.5.
    assert (float(city["quality_mean"]), city["weakest_dim"], float(city["weakest_score"])) == (55.0, "safety", 42.0)
    # Ranks 1..3: space 1 (Old Town), 4 (Eastfield), 5 (outside every district, counted for the city).
    assert (old["to_upgrade"], east["to_upgrade"], north["to_upgrade"], city["to_upgrade"]) == ("1", "1", "0", "3")
    assert (east["unserved_clusters"], float(east["unserved_in_clusters"])) == ("2", 200.0)
    assert (old["unserved_clusters"], float(old["unserved_in_clusters"])) == ("1", 15.5)
    assert (city["unserved_clusters"], float(city["unserved_in_clusters"])) == ("3", 215.5)
    html = (tmp_path / "card.html").read_text(encoding="utf-8")
    assert "Safety / 安全性 (40)" in html and "Green cover / 绿化覆盖率 (30)" in html


def test_upgrade_table_without_geometry_is_placed_by_its_district_field(tmp_path, habitat_provider):
    table = write_layer(
        tmp_path / "table.gpkg",
        "ranking",
        "Point",
        32650,
        [("space_id", "int"), ("district", "str"), ("rank", "int")],
        [
            (None, [1, "Old Town", 1]),
            (None, [2, "Eastfield", 2]),
            (None, [3, "Nowhere", 3]),
            (None, [4, "Old Town", 4]),
        ],
    )
    made = outputs(tmp_path)
    run({**BASE, **made, "UPGRADE": table, "UPGRADE_TOP": 3})
    card = by_district(read_rows(made["OUTPUT_TABLE"]))
    assert [card[name]["to_upgrade"] for name in ("Old Town", "Eastfield", "Northgate", "Whole city")] == [
        "1",
        "1",
        "0",
        "3",
    ]


def test_tracking_gives_the_change_since_the_previous_run(tmp_path, habitat_provider):
    layers = quality_layers(tmp_path)
    first = outputs(tmp_path, "2024")
    run({**BASE, **layers, **first})
    # A year later one counted space (Central Park, ps_id 1) is gone and the upgrade list is longer.
    second = outputs(tmp_path, "2025")
    messages = Messages()
    run(
        {
            **BASE,
            **layers,
            **second,
            "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED + ' AND "ps_id" <> 1',
            "YEAR": 2025,
            "UPGRADE_TOP": 10,
            "PREVIOUS": first["OUTPUT_TABLE"],
        },
        feedback=messages,
    )
    before, after = by_district(read_rows(first["OUTPUT_TABLE"])), by_district(read_rows(second["OUTPUT_TABLE"]))
    changed = 0
    for name, row in after.items():
        assert row["prev_year"] == "2024" and row["year"] == "2025"
        for field in TRACKED:
            old, new = number(before[name][field]), number(row[field])
            change = number(row[f"chg_{field}"])
            if old is None or new is None:
                assert change is None, (name, field)
            else:
                assert change == pytest.approx(new - old, abs=1e-9), (name, field)
                changed += change != 0
    assert number(after["Whole city"]["chg_ops_share_pct"]) < 0 and number(after["Whole city"]["chg_to_upgrade"]) == 1
    assert changed >= 5
    assert "not in the previous scorecard" not in messages.text()
    # The previous scorecard as the GeoPackage layer of that run gives the same changes.
    third = outputs(tmp_path, "2025b")
    run({**BASE, **layers, **third, "YEAR": 2025, "PREVIOUS": first["OUTPUT"]})
    again = by_district(read_rows(third["OUTPUT"]))
    assert all(
        number(again[name]["chg_to_upgrade"]) == 0 and number(again[name]["chg_served_pct"]) == 0 for name in again
    )
    html = (tmp_path / "2025.html").read_text(encoding="utf-8")
    assert "Change since 2024" in html and "自 2024 年以来的变化" in html and "▼" in html


def test_printed_report_has_a_page_per_district(tmp_path, habitat_provider):
    layers = quality_layers(tmp_path)
    first = outputs(tmp_path, "2024")
    run({**BASE, **layers, **first})
    # Everything on a district's page: 6 population groups, quality, upgrade, clusters and the change column.
    pdf = tmp_path / "card.pdf"
    run(
        {
            **BASE,
            **layers,
            "OUTPUT": str(tmp_path / "card.gpkg"),
            "OUTPUT_REPORT": str(pdf),
            "YEAR": 2025,
            "PREVIOUS": first["OUTPUT_TABLE"],
        }
    )
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    assert 7 + 1 <= pages <= 7 + 3  # the districts, after the summary (and its chart), before the inputs


def write_previous(tmp_path, names):
    path = tmp_path / "previous.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["district", "level", "year", "served_pct"])
        for name in names:
            writer.writerow([name, "district", "2020", "10.0"])
        writer.writerow(["Whole city", "city", "2020", "20.0"])
    return str(path)


def test_previous_scorecard_of_other_districts_is_refused(tmp_path, habitat_provider):
    made = outputs(tmp_path)
    previous = write_previous(tmp_path, ["Ward 1", "Ward 2"])
    with pytest.raises(QgsProcessingException) as error:
        run({**BASE, **made, "PREVIOUS": previous})
    message = str(error.value)
    assert (
        'No district of this run is in the previous scorecard "previous.csv": it has Ward 1, Ward 2; this run '
        "has Old Town, Eastfield" in message
    )
    assert not any((tmp_path / name).exists() for name in ("card.gpkg", "card.csv", "card.html"))


def test_previous_scorecard_with_some_other_districts_is_tracked_where_it_can(tmp_path, habitat_provider):
    made = outputs(tmp_path)
    messages = Messages()
    previous = write_previous(tmp_path, ["Old Town", "Eastfield", "Ward 9"])
    run({**BASE, **made, "PREVIOUS": previous}, feedback=messages)
    card = by_district(read_rows(made["OUTPUT_TABLE"]))
    assert number(card["Old Town"]["chg_served_pct"]) == pytest.approx(number(card["Old Town"]["served_pct"]) - 10)
    assert number(card["Whole city"]["chg_served_pct"]) == pytest.approx(number(card["Whole city"]["served_pct"]) - 20)
    assert card["Northgate"]["chg_served_pct"] == "" and card["Northgate"]["prev_year"] == ""
    assert card["Old Town"]["chg_population"] == ""  # not in that table
    text = messages.text()
    assert "5 districts are not in the previous scorecard; their change is left empty: Northgate, Lakeview" in text
    assert "1 districts of the previous scorecard are not in this run: Ward 9." in text


@pytest.mark.parametrize(
    "change, message",
    [
        (
            {"POPULATION_LAYER": layer_path("districts"), "POPULATION_FIELDS": ["district_id"]},
            "Give exactly one population input",
        ),
        ({"POPULATION_RASTER": None}, "Give exactly one population input"),
        ({"QUALITY": layer_path("public_spaces")}, "has no field quality_index"),
        ({"UPGRADE": layer_path("public_spaces")}, "has no field rank"),
        ({"GAPS_CLUSTERS": layer_path("districts")}, "has no field pop_"),
        ({"YEAR": 2019, "PREVIOUS": "previous"}, "is of 2020, later than this run (2019)"),
        ({"PREVIOUS": layer_path("districts")}, "has no field district"),
        ({"MAX_DISTANCE": 9000}, "at most 5000 m"),
    ],
)
def test_bad_input_is_reported_before_the_run_and_writes_nothing(tmp_path, habitat_provider, change, message):
    made = outputs(tmp_path)
    previous = write_previous(tmp_path, ["Old Town"])
    parameters = {**BASE, **made, **{key: previous if value == "previous" else value for key, value in change.items()}}
    with pytest.raises(QgsProcessingException, match=re.escape(message)):
        run(parameters)
    assert not any((tmp_path / name).exists() for name in ("card.gpkg", "card.csv", "card.html"))


def test_chinese_locale_report_puts_chinese_first(tmp_path, habitat_provider, locale):
    locale("zh_CN")
    made = outputs(tmp_path)
    run({**BASE, **quality_layers(tmp_path), **made})
    html = (tmp_path / "card.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html
    pages = html.split('style="page-break-before: always"')[1:]
    assert len(pages) == 7
    for page in pages:
        labels = re.findall(r"<td>([^<]*)<br><span class=\"note\">([^<]*)</span></td>", page)
        assert len(labels) >= 14
        for first, second in labels:
            assert re.search(r"[\u4e00-\u9fff]", first) and not re.search(r"[\u4e00-\u9fff]", second), (first, second)
    assert '<td>– 儿童（0–14 岁）<br><span class="note">– Children (aged 0–14)</span></td>' in html
    assert "安全性 / Safety (40)" in html
    card = by_district(read_rows(made["OUTPUT_TABLE"]))
    assert card["全市"]["level"] == "city"  # the city row's name follows the language; its level does not
    with pytest.raises(QgsProcessingException, match="请只提供一种人口输入"):
        run({**BASE, **outputs(tmp_path, "bad"), "POPULATION_RASTER": None})
