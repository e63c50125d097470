"""The shared report: escaping, embedded images, atomic writing, Chinese text with a real CJK font."""

import re
import warnings

import pytest

from habitat_planning_plugin.core.report.charts import bar_chart, cjk_family, font_family
from habitat_planning_plugin.core.report.html import Report


def test_user_text_is_escaped_everywhere(tmp_path):
    report = Report('City <script>alert("x")</script>', "en")
    report.heading("<b>District</b> & co")
    report.paragraph("a < b")
    report.table(["name"], [['<img src=x onerror="alert(1)">']])
    report.indicator("share <i>", 12.5, "%", 15, "bench <u>")
    html = report.render(footer="<footer>")
    assert "<script>" not in html and "<img src=x" not in html and "<b>District" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert '<div class="value short">12.5 %</div>' in html  # below the benchmark of 15


def test_save_is_atomic_and_leaves_nothing_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    Report("ok").save(str(target))
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    def broken(self, footer=""):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Report, "render", broken)
    with pytest.raises(RuntimeError):
        Report("again").save(str(target))
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # the old report is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no partial file left


def test_chinese_chart_uses_a_cjk_font_without_missing_glyphs():
    assert cjk_family() is not None, "bootstrap installs fonts-noto-cjk"
    families, warning = font_family("公共空间")
    assert warning is None and families[0] == cjk_family()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would raise here
        png, warning = bar_chart(
            ["老城区", "东野区"], [("可达比例（%）", [41.0, 38.5])], "各地区可达人口比例", "%", 45.0, "基准值 45 %"
        )
    assert warning is None and png.startswith(b"\x89PNG")


def test_without_a_cjk_font_the_chart_is_made_with_a_warning(monkeypatch):
    from habitat_planning_plugin.core.report import charts

    monkeypatch.setattr(charts, "cjk_family", lambda: None)  # a QGIS install without Chinese fonts
    png, warning = bar_chart(["老城区"], [("s", [1.0])], "标题", "%")
    assert png.startswith(b"\x89PNG") and "CJK" in warning


def test_latin_text_keeps_the_default_font():
    families, warning = font_family("Old Town")
    assert families == ["DejaVu Sans"] and warning is None


def test_image_is_embedded(tmp_path):
    report = Report("r")
    png, _ = bar_chart(["a"], [("s", [1.0])], "t", "%")
    report.image(png, "chart")
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{100,}" alt="chart">', report.render())
