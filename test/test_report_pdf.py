"""Reports printed to PDF by Qt: no figure cut by a page break, tall figures fitted to a page, maps with their
legend, and a Simplified Chinese font embedded for a Chinese report (not the Japanese face of the same family)."""

import re

import numpy as np
import pytest

from habitat_planning_plugin.core.report.charts import bar_chart, map_image, matrix_chart
from habitat_planning_plugin.core.report.html import Report


@pytest.fixture
def report_pdf(qgis_app):
    from habitat_planning_plugin import report_pdf

    return report_pdf


def _image_blocks(document):
    from habitat_planning_plugin.report_pdf import _holds_image

    block = document.begin()
    while block.isValid():
        if _holds_image(block):
            yield block
        block = block.next()


def _report_with_figures():
    from shapely.geometry import box

    report = Report("Figures at page breaks", "en")
    report.heading("Text that fills most of the first page")
    for _ in range(5):
        report.paragraph("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 12)
    report.image(bar_chart(["a", "b", "c"], [("s", [1.0, 2.0, 3.0])], "A chart", "%")[0], "chart")
    made = map_image([([box(0, 0, 5000, 4000)], {"fill": "#43a047"})], "A map", [("Green space", "#43a047")])
    report.image(made[0], "map", made.legend)
    # A scalogram taller than a page.
    report.image(
        matrix_chart(np.eye(120), [f"settlement {i}" for i in range(120)], ["f1", "f2", "f3"], "Scalogram")[0],
        "scalogram",
    )
    report.paragraph("The end.")
    return report.render()


def test_no_figure_crosses_a_page_boundary(report_pdf, tmp_path):
    html = _report_with_figures()
    document = report_pdf.build_document(html)
    height = document.pageSize().height()
    blocks = list(_image_blocks(document))
    assert len(blocks) == 3
    for block in blocks:
        top, bottom = report_pdf.block_span(document, block)
        assert bottom - top <= height
        assert int(top // height) == int((bottom - 0.5) // height), (top, bottom, height)
    first_top = report_pdf.block_span(document, blocks[0])[0]
    assert first_top > height * 0.5  # after most of a page of text: it was on the page boundary
    assert document.pageCount() >= 3
    path = tmp_path / "figures.pdf"
    report_pdf.html_to_pdf(html, str(path))
    assert path.read_bytes().startswith(b"%PDF-") and path.stat().st_size > 10_000


def test_a_figure_on_the_boundary_starts_the_next_page(report_pdf):
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    document = report_pdf.QTextDocument()
    document.addResource(report_pdf.QTextDocument.ResourceType.ImageResource, QUrl("red"), image)
    height = report_pdf.PAGE_SIZE.height()
    # The image block starts about 250 px above the end of the first page: it would straddle the boundary.
    document.setHtml(
        f'<p>x</p><p style="margin-top:{int(height - 250)}px">y</p>'
        '<p><img src="red" width="640" height="400"><br>caption</p>'
    )
    document.setPageSize(report_pdf.PAGE_SIZE)
    block = next(_image_blocks(document))
    assert document.documentLayout().blockBoundingRect(block).top() < height - 150  # it starts on the first page
    report_pdf.keep_images_on_one_page(document)
    block = next(_image_blocks(document))
    top, bottom = report_pdf.block_span(document, block)
    assert top >= height and bottom <= 2 * height


def test_map_legend_is_on_the_page_and_in_the_pdf(report_pdf, tmp_path):
    html = _report_with_figures()
    assert re.search(r'<figure class="map"><img [^>]+><figcaption><b>Legend:</b> .*Green space</span>', html)
    document = report_pdf.build_document(html)
    assert "Green space" in document.toPlainText()


def test_chinese_report_embeds_a_simplified_chinese_font(report_pdf, tmp_path):
    assert report_pdf.cjk_family("zh-CN").endswith("SC"), "bootstrap installs fonts-noto-cjk"
    report = Report("直骨角写边关：公共空间报告", "zh_CN")
    report.heading("各地区")
    report.paragraph("直、骨、角、写、边、关在简体中文与日文中字形不同。")
    report.image(bar_chart(["老城区", "东野区"], [("可达比例（%）", [41.0, 38.5])], "各地区可达人口比例", "%")[0], "图")
    path = tmp_path / "zh.pdf"
    report_pdf.html_to_pdf(report.render(), str(path))
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_\-]+)", path.read_bytes()))
    assert any(b"CJKsc" in name or b"SC" in name.split(b"+")[-1] for name in fonts), fonts
    assert not any(b"CJKjp" in name for name in fonts), fonts


def test_traditional_pages_prefer_a_traditional_face(report_pdf):
    assert report_pdf.cjk_family("zh-TW").endswith(("TC", "HK"))
    assert report_pdf.cjk_family("en").endswith("SC")
