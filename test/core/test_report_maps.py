"""Report maps a trainer can project: polygons drawn with their holes (the drawn street share is the computed one),
a legend and scale bar on every map, legible text at print size and a Simplified Chinese face for Chinese text."""

import io
import warnings

import numpy as np
import pytest
from shapely.geometry import Point, box
from shapely.ops import unary_union

from habitat_planning_plugin.core.report import charts
from habitat_planning_plugin.core.report.charts import (
    bar_chart,
    box_chart,
    choropleth_map,
    histogram,
    map_image,
    matrix_chart,
    matrix_charts,
    radar_chart,
    radar_grid,
    segment_map,
)
from habitat_planning_plugin.core.report.html import Report

GREY = np.array([0x9E, 0x9E, 0x9E]) / 255.0
LIGHT = np.array([0xF5, 0xF5, 0xF5]) / 255.0


def _pixels(png):
    from matplotlib import image

    return image.imread(io.BytesIO(png), format="png")[:, :, :3]


def _street_city(street_width, block=100.0, size=(2000.0, 1500.0)):
    city = box(0, 0, *size)
    half = street_width / 2.0
    blocks = [
        box(x + half, y + half, x + block - half, y + block - half)
        for x in np.arange(0, size[0], block)
        for y in np.arange(0, size[1], block)
    ]
    return city, city.difference(unary_union(blocks))


def _drawn_street_share(png):
    """Share of the drawn city that is street grey, counted on the decoded image: each grey-to-light pixel counts
    by how grey it is (antialiased edges count in part)."""
    rgb = _pixels(png)
    grey_level = rgb.mean(axis=2)
    neutral = np.ptp(rgb, axis=2) < 0.02
    inside = neutral & (grey_level >= GREY[0] - 0.02) & (grey_level <= LIGHT[0] + 0.005)
    weight = np.clip((LIGHT[0] - grey_level) / (LIGHT[0] - GREY[0]), 0.0, 1.0)
    return float(weight[inside].sum() / inside.sum())


@pytest.mark.parametrize("street_width", [7.0, 14.0, 30.0])
def test_street_area_with_holes_is_drawn_at_its_area_share(street_width):
    city, street = _street_city(street_width)
    assert street.geom_type == "Polygon" and len(street.interiors) > 100  # the blocks are holes
    share = street.area / city.area
    made = map_image(
        [([street], {"fill": "#9e9e9e", "edge": "none"})],
        "Streets",
        [("Streets", {"fill": "#9e9e9e"})],
        outline=([city], "Urban extent"),
        clip=True,
    )
    drawn = _drawn_street_share(made[0])
    assert drawn == pytest.approx(share, abs=0.03), (drawn, share)


def test_street_map_of_the_report_matches_the_page(tmp_path):
    """The land share report's own map (13.9 % streets looked like 85 %): the grey part of the city is the share."""
    from types import SimpleNamespace

    from habitat_planning_plugin.core.public_space.maps import land_share_map

    city, street = _street_city(14.0)
    share = street.area / city.area
    assert 0.2 < share < 0.3
    made = land_share_map([city], [SimpleNamespace(name="Old Town")], street, [])
    assert _drawn_street_share(made[0]) == pytest.approx(share, abs=0.03)
    assert [label for label, _ in made.legend] == ["Streets", "Open public space", "Urban extent"]


def test_every_map_records_its_legend_and_the_page_lists_it():
    square = box(0, 0, 5000, 4000)
    made = [
        map_image([([square], {"fill": "#ff0000"})], "m", [("Red land", {"fill": "#ff0000"})]),
        choropleth_map([square], ["#00ff00"], [("Green district", "#00ff00")], "c", [("Centre", square)]),
        segment_map(np.array([[[0, 0], [1000, 1000]]]), ["#0000ff"], [], "s", [("Near", "#0000ff")]),
    ]
    for picture, label in zip(made, ("Red land", "Green district", "Near")):
        assert picture[0].startswith(b"\x89PNG") and picture.legend[0][0] == label
        png, warning = picture  # still the (png, warning) pair callers unpack
        report = Report("r")
        report.image(png, "map", picture.legend)
        html = report.render()
        assert '<figure class="map"><img src="data:image/png;base64,' in html
        assert f"{label}</span>" in html.split("<figcaption>")[1]
    with pytest.raises(TypeError):
        map_image([([square], {"fill": "#ff0000"})], "no legend")  # the legend is required


def test_map_has_a_scale_bar_in_km():
    texts = []
    original = charts._png

    def keep(figure, warning=None, legend=None):
        texts.extend(text.get_text() for text in figure.findobj(lambda artist: hasattr(artist, "get_text")))
        return original(figure, warning, legend)

    charts._png = keep
    try:
        map_image([([box(0, 0, 10000, 8000)], {"fill": "#ff0000"})], "m", [("x", "#ff0000")], unit_km="km")
    finally:
        charts._png = original
    assert "2 km" in texts and "Legend" in texts


def _all_charts():
    square, other = box(0, 0, 5000, 4000), box(6000, 0, 9000, 3000)
    many = [f"Settlement number {i}" for i in range(30)]
    yield bar_chart(many, [("Share served (%)", list(range(30)))], "Share by settlement", "%", 45, "benchmark")
    yield map_image(
        [([square, Point(7000, 2000).buffer(400)], {"fill": "#ff0000"})],
        "Map",
        [("Red", "#ff0000")],
        outline=([box(-100, -100, 9100, 4100)], "City"),
        labels=[("Old Town", square)],
    )
    yield choropleth_map(
        [square, other],
        ["#ff0000", "#00ff00"],
        [("a", "#ff0000"), ("b", "#00ff00")],
        "C",
        [("One", square), ("Two", other)],
    )
    yield segment_map(
        np.array([[[0, 0], [1000, 1000]]]),
        ["#0000ff"],
        [(square, {"fill": "#43a047"})],
        "S",
        [("Near", "#0000ff"), ("Space", {"fill": "#43a047"})],
    )
    yield from matrix_charts(np.eye(80)[:, :40], many * 3, [f"function {j}" for j in range(40)], "Scalogram")
    dimensions = [
        "Accessibility",
        "Use and users",
        "Comfort",
        "Safety",
        "Green cover",
        "Physical facilities",
        "Maintenance",
    ]
    yield radar_chart(dimensions, [("Plan A", [50] * 7), ("Plan B", [70] * 7)], "Radar")
    yield radar_grid(dimensions, [(f"Space {i}", [10 * i % 100] * 7) for i in range(12)], "Scores per space")
    yield box_chart(
        [(name, [[10, 50, 90], [20, 40]] * 5) for name in dimensions],
        [f"District {i}" for i in range(10)],
        "Spread",
        "Score",
    )
    yield histogram([10, 20, 30], range(0, 105, 5), "Histogram", "Share", "Cities", [(35, "baseline", "#c62828")])


def test_chart_text_is_legible_at_print_size(monkeypatch):
    """Every text of every chart prints at 8 pt or more once the image is scaled down to the page width."""
    from matplotlib.text import Text

    seen = []
    original = charts._png

    def measure(figure, warning=None, legend=None):
        made = original(figure, warning, legend)
        height, width = _pixels(made[0]).shape[:2]
        sizes = [text.get_fontsize() for text in figure.findobj(Text) if text.get_visible() and text.get_text()]
        seen.append((figure, width, height, min(sizes)))
        return made

    monkeypatch.setattr(charts, "_png", measure)
    for _ in _all_charts():
        pass
    assert len(seen) >= 12
    for figure, width, height, smallest in seen:
        printed = smallest * charts.print_scale(width, height)
        assert printed >= charts.MIN_PRINT_PT - 0.1, (figure, width, height, smallest)


def test_a_large_scalogram_is_cut_into_page_sized_images():
    made = matrix_charts(np.ones((100, 40)), [f"s{i}" for i in range(100)], [f"f{j}" for j in range(40)], "S")
    assert len(made) == 3 * 2
    for png, _ in made:
        height, width = _pixels(png).shape[:2]
        assert width <= 1.15 * charts.PAGE_WIDTH_PX and height <= charts.PAGE_HEIGHT_PX  # legible on one page
    single = matrix_chart(np.eye(3), ["a", "b", "c"], ["x", "y", "z"], "S")
    assert single[0].startswith(b"\x89PNG")


# --- Simplified Chinese ---


def _render_glyph(family, text="直"):
    from matplotlib import pyplot

    figure = pyplot.figure(figsize=(1, 1), dpi=100)
    figure.text(0.5, 0.5, text, family=family, fontsize=60, ha="center", va="center")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    pyplot.close(figure)
    return _pixels(buffer.getvalue()).mean(axis=2)


def test_chinese_charts_use_a_simplified_chinese_face():
    from matplotlib.font_manager import FontProperties, findfont, fontManager

    family = charts.cjk_family()
    assert family is not None and charts.is_simplified(family), family
    path = findfont(FontProperties(family=family), fallback_to_default=False)
    from fontTools.ttLib import TTFont

    assert "SC" in TTFont(path, lazy=True, fontNumber=0)["name"].getDebugName(1)
    families, warning = charts.font_family("直骨角写边关")
    assert families[0] == family and warning is None
    japanese = [font.name for font in fontManager.ttflist if font.name == "Noto Sans CJK JP"]
    if japanese:  # the glyph forms of the two faces differ: the SC face is really used
        simplified, japanese = _render_glyph(family), _render_glyph("Noto Sans CJK JP")
        assert np.abs(simplified - japanese).mean() > 0.005


def test_the_simplified_face_is_extracted_from_a_collection_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    collections = [path for path in charts._collections() if any(True for _ in charts._sc_faces(path))]
    if not collections:
        pytest.skip("no font collection with a Simplified Chinese face")
    family = charts._extract_sc_face()
    cached = list((tmp_path / "habitat_planning_plugin" / "fonts").iterdir())
    assert family and family.endswith("SC") and len(cached) == 1 and cached[0].stat().st_size > 1_000_000
    stamp = cached[0].stat().st_mtime_ns
    assert charts._extract_sc_face() == family and cached[0].stat().st_mtime_ns == stamp  # reused, not rewritten


def test_without_a_simplified_face_the_chart_warns(monkeypatch):
    monkeypatch.setattr(charts, "cjk_family", lambda: "Noto Sans CJK JP")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        png, warning = bar_chart(["老城区"], [("s", [1.0])], "标题", "%")
    assert png.startswith(b"\x89PNG") and "Simplified Chinese" in warning


def test_a_layer_clipped_away_whole_still_makes_a_map():
    """Public spaces 200 km from the city (a wrong CRS, a moved file): the map shows the city without them instead
    of failing in matplotlib's layout (regression of the hostile sweep)."""
    from shapely.geometry import box

    from habitat_planning_plugin.core.report.charts import map_image

    city = box(0, 0, 1000, 1000)
    png, warning = map_image(
        [([box(10, 10, 20, 20)], {"fill": "#999999"}), ([box(200_000, 0, 200_100, 100)], {"fill": "#2e7d32"})],
        "t",
        [("streets", {"fill": "#999999"})],
        outline=([city], "urban extent"),
        clip=True,
    )
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and warning is None
