"""habitat:publicspacesiting through Processing on the sample city, checked against habitat:publicspaceaccess run
with the chosen sites added; a Chinese run; bad input."""

import re

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException
from shapely import wkb as shapely_wkb
from shapely.geometry import LineString, Point, box
from shapely.ops import unary_union

from test.conftest import SAMPLE_GPKG, SAMPLE_POPULATION, layer_path
from test.helpers import Messages, read_rows, write_layer

ALG = "habitat:publicspacesiting"
COUNTED = (
    '|subset="access" = \'public\' AND "fee" = \'no\' AND "ps_type" IN '
    "('park','civic park','square','recreational green area','public facility open area')"
)


def run(parameters, feedback=None, algorithm=ALG):
    from qgis import processing

    return processing.run(algorithm, parameters, feedback=feedback or Messages())


def sample_shapes(layer, where=None):
    data_source = ogr.Open(str(SAMPLE_GPKG))  # kept: its layers die with it
    source = data_source.GetLayerByName(layer)
    if where:
        source.SetAttributeFilter(where)
    shapes = [shapely_wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in source]
    data_source = None
    return shapes


@pytest.fixture(scope="module")
def candidate_squares():
    """30 squares of 60 m on blocks of the sample city: inside the urban extent, crossed by no street, away from
    every public space, 300 m apart at least."""
    extent = unary_union(sample_shapes("urban_extent"))
    streets = unary_union(sample_shapes("streets"))
    spaces = unary_union([shape.buffer(0) for shape in sample_shapes("public_spaces")])  # some are invalid
    x0, y0, x1, y1 = extent.bounds
    squares = []
    for x in np.arange(x0 + 150, x1, 310.0):
        for y in np.arange(y0 + 150, y1, 310.0):
            square = box(x - 30, y - 30, x + 30, y + 30)
            if extent.contains(square) and not square.intersects(streets) and square.distance(spaces) > 100:
                squares.append(square)
    assert len(squares) >= 30
    return squares[:30]


@pytest.fixture
def candidates(tmp_path, candidate_squares):
    return write_layer(
        tmp_path / "candidates.gpkg",
        "candidates",
        "Polygon",
        32650,
        [("site", "str"), ("cost", "real")],
        [(square, [f"site {i}", 1000.0 + 100.0 * (i % 7)]) for i, square in enumerate(candidate_squares)],
    )


def base(candidates, **extra):
    return {
        "STREETS": layer_path("streets"),
        "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
        "CANDIDATES": candidates,
        "CANDIDATE_NAME_FIELD": "site",
        "POPULATION_RASTER": str(SAMPLE_POPULATION),
        "URBAN_EXTENT": layer_path("urban_extent"),
        **extra,
    }


def test_sample_city_share_after_equals_access_with_the_sites(tmp_path, candidates, habitat_provider):
    outputs = {
        "OUTPUT_SITES": str(tmp_path / "sites.gpkg"),
        "OUTPUT_CURVE": str(tmp_path / "curve.csv"),
        "OUTPUT_REPORT": str(tmp_path / "report.html"),
    }
    log = Messages()
    result = run(base(candidates, NUMBER_OF_SITES=5, **outputs), log)
    sites = sorted(read_rows(tmp_path / "sites.gpkg"), key=lambda row: row["site_order"])
    assert [row["site_order"] for row in sites] == [1, 2, 3, 4, 5] and result["SITES_CHOSEN"] == 5
    gains = [row["gain"] for row in sites]
    assert all(a >= b - 1e-9 for a, b in zip(gains, gains[1:])) and gains[-1] > 0  # greedy order: gains fall
    curve = read_rows(tmp_path / "curve.csv")
    shares = [float(row["share_pct"]) for row in curve]
    assert [int(row["n_new_spaces"]) for row in curve] == list(range(6))
    assert all(b >= a for a, b in zip(shares, shares[1:]))
    assert shares[0] == pytest.approx(result["SHARE_BEFORE"]) and shares[-1] == pytest.approx(result["SHARE_AFTER"])
    assert [row["share_pct"] for row in sites] == pytest.approx(shares[1:])
    served = [float(row["served"]) for row in curve]
    assert np.diff(served) == pytest.approx(gains)
    assert result["POP_GAIN"] == pytest.approx(sum(gains))
    assert 0.0 <= result["GAP_PCT"] <= 100.0
    assert "site 0" in sites[0]["site"] or sites[0]["site"].startswith("site ")  # the candidates' fields are kept
    text = log.text()
    assert "SDG 11.7.1 (b)" in text and "Exact solver" in text

    # The same city through habitat:publicspaceaccess, with and without the chosen sites: the same shares.
    access = {
        "STREETS": layer_path("streets"),
        "POPULATION_RASTER": str(SAMPLE_POPULATION),
        "URBAN_EXTENT": layer_path("urban_extent"),
        "STRAIGHT_LINE": False,
        "OUTPUT_NETWORK": None,
        "OUTPUT_SERVICE_AREA": None,
        "OUTPUT_TABLE": "memory:",
    }
    today = run(
        {**access, "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED}, algorithm="habitat:publicspaceaccess"
    )
    assert result["SHARE_BEFORE"] == pytest.approx(today["SHARE_SERVED"], rel=1e-12)
    existing = sample_shapes(
        "public_spaces",
        "access = 'public' AND fee = 'no' AND ps_type IN ('park','civic park',"
        "'square','recreational green area','public facility open area')",
    )
    together = write_layer(
        tmp_path / "together.gpkg",
        "spaces",
        "MultiPolygon",
        32650,
        [],
        [(shape, []) for shape in existing + [row["_geometry"] for row in sites]],
    )
    after = run({**access, "PUBLIC_SPACES": together}, algorithm="habitat:publicspaceaccess")
    assert result["SHARE_AFTER"] == pytest.approx(after["SHARE_SERVED"], rel=1e-12)
    assert result["SHARE_AFTER"] > result["SHARE_BEFORE"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2 and "site " in html


def test_group_budget_and_greedy_only(tmp_path, candidates, habitat_provider):
    result = run(
        base(
            candidates,
            NUMBER_OF_SITES=0,
            BUDGET=3500.0,
            COST_FIELD="cost",
            POPULATION_GROUP="children_0_14",
            OUTPUT_SITES=str(tmp_path / "sites.gpkg"),
            OUTPUT_CURVE=str(tmp_path / "curve.csv"),
            OUTPUT_REPORT=None,
        )
    )
    sites = read_rows(tmp_path / "sites.gpkg")
    assert sum(row["cost"] for row in sites) <= 3500.0 and len(sites) == result["SITES_CHOSEN"] >= 2
    assert all(row["gain_group"] is not None and 0 <= row["gain_group"] <= row["gain"] for row in sites)
    curve = read_rows(tmp_path / "curve.csv")
    group_shares = [float(row["share_group_pct"]) for row in curve]
    assert all(b >= a for a, b in zip(group_shares, group_shares[1:]))
    # Greedy only: never better than the kept solution, which the exact solver may improve.
    greedy = run(
        base(
            candidates,
            NUMBER_OF_SITES=0,
            BUDGET=3500.0,
            COST_FIELD="cost",
            POPULATION_GROUP="children_0_14",
            EXACT=False,
            OUTPUT_SITES="memory:",
            OUTPUT_CURVE="memory:",
            OUTPUT_REPORT=None,
        )
    )
    assert float(curve[-1]["served_group"]) >= float(curve[0]["served_group"])
    assert greedy["SITES_CHOSEN"] >= 1


def test_chinese_run(tmp_path, habitat_provider, locale, candidate_squares):
    locale("zh_CN")
    gpkg = tmp_path / "城市.gpkg"
    streets = sample_shapes("streets")
    street_layer = write_layer(gpkg, "街道", "LineString", 32650, [], [(line, []) for line in streets])
    sites = write_layer(
        gpkg,
        "候选地块",
        "Polygon",
        32650,
        [("名称", "str")],
        [(square, [f"地块{i}号"]) for i, square in enumerate(candidate_squares[:10])],
    )
    report = tmp_path / "报告.html"
    log = Messages()
    result = run(
        {
            "STREETS": street_layer,
            "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
            "CANDIDATES": sites,
            "CANDIDATE_NAME_FIELD": "名称",
            "POPULATION_RASTER": str(SAMPLE_POPULATION),
            "NUMBER_OF_SITES": 3,
            "OUTPUT_SITES": str(tmp_path / "选址.gpkg"),
            "OUTPUT_CURVE": "memory:",
            "OUTPUT_REPORT": str(report),
        },
        log,
    )
    assert result["SITES_CHOSEN"] == 3 and result["SHARE_AFTER"] > result["SHARE_BEFORE"]
    names = [row["名称"] for row in read_rows(tmp_path / "选址.gpkg")]
    assert len(names) == 3 and all(name.startswith("地块") for name in names)
    html = report.read_text(encoding="utf-8")
    assert all(name in html for name in names) and html.count("data:image/png;base64,") == 2
    assert any(name in log.text() for name in names)


def test_k_larger_than_the_candidates_is_capped_and_unreachable_sites_listed(
    tmp_path, habitat_provider, candidate_squares
):
    far = box(600_000, 3_600_000, 600_060, 3_600_060)
    sites = write_layer(
        tmp_path / "c.gpkg",
        "c",
        "Polygon",
        32650,
        [("site", "str")],
        [(square, [f"site {i}"]) for i, square in enumerate(candidate_squares[:3])] + [(far, ["far away"])],
    )
    log = Messages()
    result = run(
        base(sites, NUMBER_OF_SITES=10, OUTPUT_SITES="memory:", OUTPUT_CURVE="memory:", OUTPUT_REPORT=None), log
    )
    text = log.text()
    assert "cannot be reached" in text and "far away" in text
    usable = int(re.search(r"10 new public spaces were asked for, but only (\d) candidate sites can be used", text)[1])
    assert 1 <= usable <= 3 and 1 <= result["SITES_CHOSEN"] <= usable


@pytest.mark.parametrize(
    "case, message",
    [
        ("empty", "has no features"),
        ("outside", "No candidate site can be reached"),
        ("budget_low", "below the cost of every candidate site"),
        ("bad_costs", "empty or negative for 2 candidate sites: b, c"),
        ("budget_without_cost", "needs the cost of each candidate site"),
        ("nothing_asked", "number of new public spaces, a budget, or both"),
        ("unknown_group", 'population group "kittens" is not in the population input'),
    ],
)
def test_bad_input_is_refused_and_nothing_written(tmp_path, habitat_provider, candidate_squares, case, message):
    gpkg = tmp_path / "bad.gpkg"
    fields = [("site", "str"), ("cost", "real")]
    layers = {
        "empty": [],
        "outside": [(box(600_000, 3_600_000, 600_060, 3_600_060), ["x", 1.0])],
        "budget_low": [(candidate_squares[0], ["a", 500.0]), (candidate_squares[1], ["b", 700.0])],
        "bad_costs": [
            (candidate_squares[0], ["a", 5.0]),
            (candidate_squares[1], ["b", None]),
            (candidate_squares[2], ["c", -3.0]),
        ],
    }
    rows = layers.get(case, [(candidate_squares[0], ["a", 1.0])])
    sites = write_layer(gpkg, "sites", "Polygon", 32650, fields, rows)
    extra = {
        "budget_low": {"BUDGET": 100.0, "COST_FIELD": "cost"},
        "bad_costs": {"BUDGET": 100.0, "COST_FIELD": "cost"},
        "budget_without_cost": {"BUDGET": 100.0},
        "nothing_asked": {"NUMBER_OF_SITES": 0},
        "unknown_group": {"POPULATION_GROUP": "kittens"},
    }.get(case, {})
    outputs = {
        "OUTPUT_SITES": str(tmp_path / "out.gpkg"),
        "OUTPUT_CURVE": str(tmp_path / "curve.csv"),
        "OUTPUT_REPORT": str(tmp_path / "report.html"),
    }
    with pytest.raises(QgsProcessingException, match=message):
        run(base(sites, **extra, **outputs))
    assert not (tmp_path / "out.gpkg").exists() and not (tmp_path / "curve.csv").exists()
    assert not (tmp_path / "report.html").exists()


def test_sites_on_a_small_lattice_by_hand(tmp_path, habitat_provider):
    """A 6 x 6 lattice (100 m), 10 people at every junction, no existing space, 200 m walk, candidates at two
    corners and the centre: the centre site (13 junctions within 200 m) comes first, then a corner (6, none shared
    with the centre's... one shared) — counted by hand."""
    gpkg = tmp_path / "lattice.gpkg"
    ticks = range(0, 501, 100)
    lines = [LineString([(x, y) for x in ticks]) for y in ticks] + [LineString([(x, y) for y in ticks]) for x in ticks]
    streets = write_layer(gpkg, "streets", "LineString", 32650, [], [(line, []) for line in lines])
    people = write_layer(
        gpkg, "people", "Point", 32650, [("total", "real")], [(Point(x, y), [10.0]) for x in ticks for y in ticks]
    )
    sites = write_layer(
        gpkg,
        "sites",
        "Polygon",
        32650,
        [("site", "str")],
        [
            (box(-1, -1, 1, 1), ["corner"]),
            (box(299, 299, 301, 301), ["centre"]),
            (box(499, 499, 501, 501), ["far corner"]),
        ],
    )
    result = run(
        {
            "STREETS": streets,
            "CANDIDATES": sites,
            "CANDIDATE_NAME_FIELD": "site",
            "POPULATION_LAYER": people,
            "POPULATION_FIELDS": ["total"],
            "MAX_DISTANCE": 200.0,
            "ENTRY_TOLERANCE": 0.0,
            "NUMBER_OF_SITES": 2,
            "OUTPUT_SITES": str(tmp_path / "s.gpkg"),
            "OUTPUT_CURVE": "memory:",
            "OUTPUT_REPORT": None,
        }
    )
    rows = sorted(read_rows(tmp_path / "s.gpkg"), key=lambda row: row["site_order"])
    # Within 200 m of (300, 300): |dx| + |dy| <= 200 on the lattice -> 13 junctions. Of (0, 0): 6; of (500, 500):
    # 6, of which (500, 400)... no: |dx|+|dy| <= 200 from (500,500) gives (500,500),(400,500),(500,400),(300,500),
    # (500,300),(400,400) — (400,400) and (300,500)/(500,300) are within 200 of the centre too: 3 new.
    assert [row["site"] for row in rows] == ["centre", "corner"]
    assert [row["gain"] for row in rows] == pytest.approx([130.0, 60.0])
    assert result["SHARE_BEFORE"] == pytest.approx(0.0)
    assert result["SHARE_AFTER"] == pytest.approx(100.0 * 19 / 36)
