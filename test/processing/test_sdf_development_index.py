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
