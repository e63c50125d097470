"""habitat:sdfpriority through Processing, by hand, with a corridor and a missing value."""

import pytest
from shapely.geometry import LineString, Point

from test.helpers import read_rows, write_layer


def test_priority_by_hand(tmp_path, habitat_provider):
    from qgis import processing

    gpkg = tmp_path / "p.gpkg"
    towns = write_layer(
        gpkg,
        "towns",
        "Point",
        32650,
        [("name", "str"), ("dev", "real"), ("minutes", "real")],
        [
            (Point(500_000, 3_500_000), ["A", 10.0, 30.0]),
            (Point(510_000, 3_500_000), ["B", 30.0, 90.0]),
            (Point(520_000, 3_500_000), ["C", 20.0, None]),
        ],
    )
    corridor = write_layer(
        gpkg, "corridor", "LineString", 32650, [], [(LineString([(509_000, 3_490_000), (509_000, 3_510_000)]), [])]
    )  # 1 km west of B
    processing.run(
        "habitat:sdfpriority",
        {
            "SETTLEMENTS": towns,
            "DEVELOPMENT_FIELD": "dev",
            "TRAVEL_TIME_FIELD": "minutes",
            "SERVICE_MINUTES": 60,
            "CORRIDORS": corridor,
            "WEIGHTS": "1, 1, 2, 1, 1, 2",
            "NEED_WEIGHT": 0.75,
            "OUTPUT": str(tmp_path / "o.gpkg"),
        },
    )
    rows = {r["name"]: r for r in read_rows(tmp_path / "o.gpkg")}
    # Need (0.75): low development 1, 0, .5 (w 1/4); far from centre 0, 1, 1 (1/4: no travel time is the largest
    # need, not none); unserved 0, 1, 1 (2/4).
    # Potential (0.25): corridor 0, 1, 0 (all of it).
    assert rows["A"]["priority"] == pytest.approx(100 * 0.75 * 0.25 * 1)
    assert rows["B"]["priority"] == pytest.approx(100 * (0.75 * (0.25 + 0.5) + 0.25))
    assert rows["C"]["priority"] == pytest.approx(100 * 0.75 * (0.25 * 0.5 + 0.25 + 0.5))
    assert rows["B"]["priority_rank"] == 1 and rows["B"]["p_corridor"] == pytest.approx(25.0)
    for row in rows.values():
        parts = [row[k] for k in row if k.startswith("p_")]
        assert sum(parts) == pytest.approx(row["priority"])
