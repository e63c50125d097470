"""The national report of a batch run: the population-weighted summary by hand, escaping, baselines, the unserved
ranking, the map, Chinese city names and runs with nothing measured."""

import re
import warnings

import pytest
from shapely.geometry import Polygon, box

from habitat_planning_plugin.core.public_space.national_report import national_report, national_summary
from habitat_planning_plugin.core.report.charts import choropleth_map, histogram

GROUPS = ["total", "female"]
AWKWARD = 'Old <script>alert("x")</script> & Co'
ESCAPED = "Old &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"


def city(
    city_id,
    name,
    status="ok",
    message="",
    area=None,
    ops=None,
    street=None,
    population=None,
    served=None,
    share=None,
    straight=None,
    female=None,
):
    total = {"population": population, "served": served, "share_pct": share, "share_straight_pct": straight}
    groups = {"total": total, "female": female} if status == "ok" else {}
    return {
        "city_id": city_id,
        "name": name,
        "status": status,
        "message": message,
        "area_km2": area,
        "ops_pct": ops,
        "street_pct": street,
        "total_pct": None if ops is None else ops + street,
        "population": population,
        "served": served,
        "share_pct": share,
        "share_straight_pct": straight,
        "groups": groups,
        "network_parts": 1 if status == "ok" else None,
        "seconds": 1.5,
    }


def female(population, served, share, straight):
    return {"population": population, "served": served, "share_pct": share, "share_straight_pct": straight}


ROWS = [
    city(
        "a",
        AWKWARD,
        area=10.0,
        ops=5.0,
        street=35.0,
        population=1000.0,
        served=500.0,
        share=50.0,
        straight=60.0,
        female=female(500.0, 300.0, 60.0, 70.0),
    ),
    city(
        "b",
        "老城区",
        area=20.0,
        ops=10.0,
        street=40.0,
        population=3000.0,
        served=600.0,
        share=20.0,
        straight=30.0,
        female=female(1500.0, 300.0, 20.0, 30.0),
    ),
    city(
        "c",
        "=Empty town",
        area=5.0,
        ops=2.0,
        street=18.0,
        population=0.0,
        served=0.0,
        share=None,
        straight=None,
        female=female(0.0, 0.0, None, None),
    ),
    city("d", "Nowhere", status="no_streets", message="No street lies in or near the urban extent of Nowhere."),
    city(
        "e",
        "Big City",
        area=15.0,
        ops=4.0,
        street=26.0,
        population=6000.0,
        served=3000.0,
        share=50.0,
        straight=70.0,
        female=female(3000.0, 1200.0, 40.0, 60.0),
    ),
]
EXTENTS = {
    "a": box(0, 0, 3000, 3000),
    "b": box(10000, 0, 16000, 4000),
    "c": box(0, 20000, 2000, 22000),
    "d": box(30000, 30000, 31000, 31000),
    "e": Polygon(
        [(40000, 0), (48000, 0), (48000, 6000), (40000, 6000)],
        [[(43000, 2000), (45000, 2000), (45000, 4000), (43000, 4000)]],
    ),
}


def test_national_summary_by_hand():
    summary = national_summary(ROWS, GROUPS)
    assert (summary["cities"], summary["cities_ok"], summary["cities_failed"]) == (5, 4, 1)
    # Σ served / Σ population over a, b, c (no people) and e: 4100 / 10000; d (no streets) does not count.
    assert summary["population"] == 10000.0 and summary["served"] == 4100.0 and summary["unserved"] == 5900.0
    assert summary["share_pct"] == pytest.approx(41.0)
    # Straight line, weighted by population: (1000·60 + 3000·30 + 6000·70) / 10000.
    assert summary["share_straight_pct"] == pytest.approx(57.0)
    female_ = summary["groups"]["female"]
    assert female_["population"] == 5000.0 and female_["served"] == 1800.0
    assert female_["share_pct"] == pytest.approx(36.0)
    assert female_["share_straight_pct"] == pytest.approx((500 * 70 + 1500 * 30 + 3000 * 60) / 5000)  # 52
    assert summary["groups"]["total"]["share_pct"] == pytest.approx(41.0)
    # Land share weighted by area: (40·10 + 50·20 + 20·5 + 30·15) / 50; its parts likewise.
    assert summary["area_km2"] == 50.0
    assert summary["total_pct"] == pytest.approx(39.0)
    assert summary["ops_pct"] == pytest.approx((5 * 10 + 10 * 20 + 2 * 5 + 4 * 15) / 50)  # 6.4
    assert summary["street_pct"] == pytest.approx((35 * 10 + 40 * 20 + 18 * 5 + 26 * 15) / 50)  # 32.6
    assert summary["below_total_benchmark"] == 3  # a 40 %, c 20 %, e 30 % < 45 %
    assert summary["below_national_share"] == 1  # b 20 % < 41 %
    assert summary["below_baseline"] == 1  # b 20 % < 35 %
    assert summary["cities_with_share"] == 3 and summary["median_share_pct"] == 50.0


def test_summary_of_nothing_measured_has_no_share():
    summary = national_summary([ROWS[3]], GROUPS)
    assert summary["cities_ok"] == 0 and summary["cities_failed"] == 1 and summary["population"] == 0
    assert summary["share_pct"] is None and summary["total_pct"] is None
    assert summary["groups"]["female"]["share_pct"] is None
    assert national_summary([], [])["cities"] == 0


def _section(text, heading):
    start = text.index(f"<h2>{heading}</h2>")
    end = text.find("<h2>", start + 1)
    return text[start : end if end > 0 else None]


def test_report_numbers_escaping_baselines_and_unserved_order(tmp_path):
    steps = []
    path = national_report(
        str(tmp_path / "national.html"), ROWS, GROUPS, EXTENTS, "en", "<footer> & co", progress=steps.append
    )
    text = open(path, encoding="utf-8").read()
    assert "<script>" not in text and "<footer>" not in text
    assert ESCAPED in text and "=Empty town" in text and "老城区" in text
    assert '<div class="value ">41.0 %</div>' in text  # the national share worked out by hand
    assert '<div class="value ">57.0 %</div>' in text  # straight line
    assert '<div class="value short">39.0 %</div>' in text  # 11.7.1 (a) below the 45 % benchmark
    assert "4,100 of 10,000 people" in text
    assert "global baseline about 35 % of the urban population (regions 22–67 %)" in text
    assert "globally about 35 % of the urban population lives within 400 m walking distance" in text
    # Largest unserved: e 3000, b 2400, a 500, c 0.
    unserved = _section(text, "Largest unserved populations")
    order = [unserved.index(name) for name in ("Big City", "老城区", ESCAPED, "=Empty town")]
    assert order == sorted(order)
    assert "<td>3,000</td><td>50.0</td><td>50.8</td>" in unserved  # 3000 of the 5900 unserved
    # Every city by population, the failed city last, with its reason.
    every = _section(text, "Every city")
    order = [every.index(name) for name in ("Big City", "老城区", ESCAPED, "=Empty town", "Nowhere")]
    assert order == sorted(order)
    failed = _section(text, "Cities not measured")
    assert "no streets" in failed and "No street lies in or near the urban extent of Nowhere." in failed
    below = _section(text, "Cities below the benchmarks")
    assert "3 of 4 cities have less than 45 %" in below and "1 of 3 cities serve a smaller share" in below
    assert "Map of cities by share served" in text
    assert steps[-1] == 100
    assert "boxes" not in text  # every chart had its glyphs


def test_map_only_when_extents_are_given(tmp_path):
    with_map = open(national_report(str(tmp_path / "a.html"), ROWS, GROUPS, EXTENTS), encoding="utf-8").read()
    without = open(national_report(str(tmp_path / "b.html"), ROWS, GROUPS), encoding="utf-8").read()
    images = re.compile(r'<img src="data:image/png;base64,')
    assert len(images.findall(with_map)) == len(images.findall(without)) + 1
    assert "Map of cities by share served" in with_map and "Map of cities by share served" not in without


def test_chinese_city_names_survive_in_the_page_and_the_charts(tmp_path):
    rows = [dict(row, name=name) for row, name in zip(ROWS, ["北京市", "上海市", "广州市", "深圳市", "重庆市"])]
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # a missing glyph would raise here
        path = national_report(str(tmp_path / "zh.html"), rows, GROUPS, EXTENTS, "zh_CN")
    text = open(path, encoding="utf-8").read()
    assert '<html lang="zh-CN">' in text
    for name in ("北京市", "上海市", "广州市", "深圳市", "重庆市"):
        assert name in text
    assert "boxes" not in text
    png, warning = choropleth_map(
        list(EXTENTS.values()),
        ["#1a9641"] * 5,
        [("图例", "#1a9641")],
        "各城市可达比例",
        [("北京市", EXTENTS["a"]), ("重庆市", EXTENTS["e"])],
        "公里",
    )
    assert warning is None and png.startswith(b"\x89PNG")
    png, warning = histogram(
        [10.0, 50.0, None], range(0, 105, 5), "城市分布", "比例", "城市数", [(35, "全球基线 35 %", "#c62828")]
    )
    assert warning is None and png.startswith(b"\x89PNG")


def test_all_failed_and_empty_runs_say_so(tmp_path):
    failed = [
        city("x", "A & B", status="failed", message="RuntimeError: boom"),
        city("y", "<b>Y</b>", status="invalid_extent", message="The urban extent of Y has no area."),
    ]
    text = open(national_report(str(tmp_path / "failed.html"), failed, [], EXTENTS), encoding="utf-8").read()
    assert "No city was measured: all 2 cities failed." in text
    assert "RuntimeError: boom" in text and "&lt;b&gt;Y&lt;/b&gt;" in text and "<b>Y</b>" not in text
    assert "<img" not in text  # nothing to chart, no extent of these cities to map
    text = open(national_report(str(tmp_path / "empty.html"), [], []), encoding="utf-8").read()
    assert "The run has no cities" in text
