"""habitat:sdffunctions through Processing: the worked example from columns, and facilities in sectors."""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from shapely.geometry import Point, box

from test.core.test_scalogram import EXAMPLE
from test.helpers import read_rows, write_layer

ALG = "habitat:sdffunctions"


def run(parameters, feedback=None):
    from qgis import processing

    return processing.run(ALG, parameters, feedback=feedback or QgsProcessingFeedback())


def test_worked_example_from_function_columns(tmp_path, habitat_provider):
    gpkg = tmp_path / "region.gpkg"
    columns = [f"f{j}" for j in range(EXAMPLE.shape[1])]
    places = write_layer(
        gpkg,
        "places",
        "Point",
        32650,
        [("name", "str")] + [(c, "int") for c in columns],
        [
            (Point(500_000 + 1000 * i, 3_500_000), [chr(65 + i)] + [int(v) for v in row])
            for i, row in enumerate(EXAMPLE)
        ],
    )
    result = run(
        {
            "SETTLEMENTS": places,
            "NAME_FIELD": "name",
            "PRESENCE_FIELDS": columns,
            "OUTPUT": str(tmp_path / "hierarchy.gpkg"),
            "OUTPUT_SCALOGRAM": str(tmp_path / "scalogram.csv"),
            "OUTPUT_REPORT": str(tmp_path / "report.html"),
        }
    )
    assert result["REPRODUCIBILITY"] == pytest.approx(1.0) and (result["SETTLEMENTS"], result["FUNCTIONS"]) == (8, 10)
    assert isinstance(result["SCALABILITY"], float) and result["SCALABILITY"] == pytest.approx(1.0)
    rows = {r["name"]: r for r in read_rows(tmp_path / "hierarchy.gpkg")}
    assert rows["A"]["centrality"] == pytest.approx(349.1, abs=0.1) and rows["A"]["rank"] == 1
    assert rows["H"]["centrality"] == pytest.approx(37.5)
    assert rows["A"]["level_label"] == "Central" and rows["H"]["level_label"] == "Local"
    assert sum(r["centrality"] for r in rows.values()) == pytest.approx(1000.0)
    scalogram_rows = read_rows(tmp_path / "scalogram.csv")
    assert [r["settlement"] for r in scalogram_rows][0] == "A"
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "1.000" in html and html.count("data:image/png;base64,") == 3  # scalogram, hierarchy map, chart


def test_facilities_in_sector_polygons(tmp_path, habitat_provider):
    gpkg = tmp_path / "sectors.gpkg"
    sectors = write_layer(
        gpkg,
        "sectors",
        "Polygon",
        32650,
        [("name", "str")],
        [(box(500_000 + 10_000 * k, 3_500_000, 500_000 + 10_000 * (k + 1), 3_510_000), [f"S{k}"]) for k in range(4)],
    )
    facilities = [
        ("school", 0),
        ("school", 1),
        ("school", 2),
        ("school", 3),
        ("clinic", 0),
        ("clinic", 1),
        ("market", 0),
        ("bank", 0),
        ("bank", 9),
    ]  # the last one lies east of every sector
    points = write_layer(
        gpkg,
        "facilities",
        "Point",
        32650,
        [("kind", "str")],
        [(Point(500_000 + 10_000 * k + 5000, 3_505_000), [kind]) for kind, k in facilities],
    )
    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, warning):  # noqa: N802
            messages.append(warning)

    result = run(
        {
            "SETTLEMENTS": sectors,
            "NAME_FIELD": "name",
            "FACILITIES": points,
            "FUNCTION_FIELD": "kind",
            "METHOD": 2,
            "THRESHOLDS": "50, 150",
            "OUTPUT": str(tmp_path / "h.gpkg"),
            "OUTPUT_SCALOGRAM": "memory:",
            "OUTPUT_REPORT": None,
        },
        Feedback(),
    )
    assert any("1 facilities lie in no settlement" in m for m in messages)
    rows = {r["name"]: r for r in read_rows(tmp_path / "h.gpkg")}
    # Weights: school 25 (4 sectors), clinic 50, market 100, bank 100 (only S0 keeps one).
    assert rows["S0"]["centrality"] == pytest.approx(275) and rows["S1"]["centrality"] == pytest.approx(75)
    assert rows["S2"]["centrality"] == pytest.approx(25)
    assert [rows[k]["level"] for k in ("S0", "S1", "S2", "S3")] == [1, 2, 3, 3]
    assert result["FUNCTIONS"] == 4


def test_functions_must_come_from_one_source(tmp_path, habitat_provider):
    gpkg = tmp_path / "x.gpkg"
    places = write_layer(gpkg, "p", "Point", 32650, [("f", "int")], [(Point(0, 0), [1]), (Point(1, 1), [0])])
    with pytest.raises(QgsProcessingException, match="not both or none"):
        run({"SETTLEMENTS": places, "OUTPUT": "memory:", "OUTPUT_SCALOGRAM": "memory:", "OUTPUT_REPORT": None})
