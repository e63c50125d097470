"""habitat:sdfdevelopmentindex through Processing, checked by hand."""

import pytest
from qgis.core import QgsProcessingException
from shapely.geometry import Point

from test.helpers import read_rows, write_layer

ALG = "habitat:sdfdevelopmentindex"


@pytest.fixture
def towns(tmp_path):
    rows = [("A", 10, 5, 1), ("B", 20, 15, 2), ("C", 30, 10, None)]
    return write_layer(
        tmp_path / "towns.gpkg",
        "towns",
        "Point",
        32650,
        [("name", "str"), ("services", "real"), ("poverty", "real"), ("roads", "real")],
        [(Point(500_000 + 1000 * k, 3_500_000), list(row)) for k, row in enumerate(rows)],
    )


def test_index_by_hand_with_a_missing_value(tmp_path, towns, habitat_provider):
    from qgis import processing

    processing.run(
        ALG,
        {
            "INPUT": towns,
            "NAME_FIELD": "name",
            "INDICATORS": ["services", "poverty", "roads"],
            "NEGATIVE": ["poverty"],
            "WEIGHTS": "1, 1, 2",
            "CLASSES": 2,
            "OUTPUT": str(tmp_path / "index.gpkg"),
            "OUTPUT_SENSITIVITY": str(tmp_path / "s.csv"),
            "OUTPUT_REPORT": str(tmp_path / "r.html"),
        },
    )
    rows = {r["name"]: r for r in read_rows(tmp_path / "index.gpkg")}
    # services 0, .5, 1; poverty reversed 1, 0, .5; roads 0, 1, missing; weights .25, .25, .5.
    assert rows["A"]["dev_index"] == pytest.approx(100 * (0.25 * 0 + 0.25 * 1 + 0.5 * 0))
    assert rows["B"]["dev_index"] == pytest.approx(100 * (0.25 * 0.5 + 0.25 * 0 + 0.5 * 1))
    assert rows["C"]["dev_index"] == pytest.approx(100 * (0.5 * 1 + 0.5 * 0.5))  # weights .25/.25 rescaled to 1
    assert (rows["C"]["dev_rank"], rows["B"]["dev_rank"], rows["A"]["dev_rank"]) == (1, 2, 3)
    assert rows["B"]["n_poverty"] == pytest.approx(0.0) and rows["C"]["n_roads"] is None
    assert len(read_rows(tmp_path / "s.csv")) == 6  # 3 indicators x (-20 %, +20 %)
    assert "data:image/png;base64," in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"WEIGHTS": "1, 2"}, "Give 3 weights"),
        ({"WEIGHTS": "a, b, c"}, "numbers separated by commas"),
        ({"NEGATIVE": ["name"]}, "holds text"),  # not a numeric field: refused, and the message says why
        ({"INDICATORS": ["services", "poverty", "roads"], "AGGREGATION": 1, "NORMALISATION": 1}, "min-max"),
    ],
)
def test_bad_input(tmp_path, towns, habitat_provider, change, message):
    from qgis import processing

    parameters = {
        "INPUT": towns,
        "INDICATORS": ["services", "poverty", "roads"],
        "OUTPUT": str(tmp_path / "o.gpkg"),
        "OUTPUT_SENSITIVITY": "memory:",
        "OUTPUT_REPORT": None,
        **change,
    }
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(ALG, parameters)
    assert not (tmp_path / "o.gpkg").exists()


def test_hierarchy_by_development_and_centrality_by_hand(tmp_path, habitat_provider):
    """Six settlements; one indicator, so the index is 100 x min-max of it; F has no value (no index)."""
    import re

    from qgis import processing

    rows = [("A", 50, 100), ("B", 90, 80), ("C", 30, 40), ("D", 10, 30), ("E", 10, 0), ("F", None, 50)]
    towns = write_layer(
        tmp_path / "six.gpkg",
        "six",
        "Point",
        32650,
        [("name", "str"), ("services", "real"), ("centrality", "real")],
        [(Point(500_000 + 1000 * k, 3_500_000), list(row)) for k, row in enumerate(rows)],
    )
    processing.run(
        ALG,
        {
            "INPUT": towns,
            "NAME_FIELD": "name",
            "INDICATORS": ["services"],
            "CLASSES": 3,
            "CENTRALITY_FIELD": "centrality",
            "COMBINED_WEIGHT": 0.5,
            "OUTPUT": str(tmp_path / "index.gpkg"),
            "OUTPUT_SENSITIVITY": "memory:",
            "OUTPUT_REPORT": str(tmp_path / "r.html"),
        },
    )
    out = {r["name"]: r for r in read_rows(tmp_path / "index.gpkg")}
    column = lambda field: [out[k][field] for k in "ABCDEF"]  # noqa: E731
    # Index: services 10..90 -> 50, 100, 25, 0, 0, none. Natural breaks of 0, 0, 25, 50, 100 into 3: {0, 0} {25, 50}
    # {100} (312.5, the least): classes 2, 1, 2, 3, 3.
    assert column("dev_index")[:5] == pytest.approx([50.0, 100.0, 25.0, 0.0, 0.0]) and out["F"]["dev_index"] is None
    assert column("dev_class") == [2, 1, 2, 3, 3, None]
    # Centrality alone, 100, 80, 40, 30, 0, 50: {0} {30, 40, 50} {80, 100} (0 + 200 + 200 = 400, the least).
    assert column("cen_level") == [1, 1, 2, 2, 3, 2]
    # Combined over A-E (F has no index): centrality 1, .8, .4, .3, 0 and index .5, 1, .25, 0, 0 ->
    # 50 (c + d) = 75, 90, 32.5, 15, 0; natural breaks {0, 15} {32.5} {75, 90} (225, the least).
    assert column("sdf_score")[:5] == pytest.approx([75.0, 90.0, 32.5, 15.0, 0.0]) and out["F"]["sdf_score"] is None
    assert column("sdf_level") == [1, 1, 2, 3, 3, None]
    assert column("sdf_label") == ["Central", "Central", "Intermediate", "Local", "Local", None]
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    section = page[page.index("Hierarchy by development and centrality") :]
    cells = re.findall(r"<td>(.*?)</td>", section)
    # Counts per class: development 1, 2, 2 (+1 none); centrality 2, 3, 1; combined 2, 1, 2 (+1 none).
    assert cells[:16] == ["1: Central", "1", "2", "2", "2: Intermediate", "2", "3", "1"] + [
        "3: Local",
        "2",
        "1",
        "2",
        "No class",
        "1",
        "0",
        "1",
    ]
    # A (Level 2 / Central / Central), D (Level 3 / Intermediate / Local) and F (— / Intermediate / —) differ.
    assert "3 settlements are not in the same class by all three classings" in section
    assert [cells[k] for k in range(16, len(cells), 5)][:3] == ["A", "D", "F"]
    assert "central, intermediate and local" in section


def test_without_a_centrality_field_nothing_changes(tmp_path, towns, habitat_provider):
    from qgis import processing

    processing.run(
        ALG,
        {
            "INPUT": towns,
            "INDICATORS": ["services", "poverty"],
            "CLASSES": 2,
            "OUTPUT": str(tmp_path / "o.gpkg"),
            "OUTPUT_SENSITIVITY": "memory:",
            "OUTPUT_REPORT": None,
        },
    )
    assert not {"cen_level", "sdf_level", "sdf_label", "sdf_score"} & set(read_rows(tmp_path / "o.gpkg")[0])
