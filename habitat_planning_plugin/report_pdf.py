"""Print a report's HTML to PDF with Qt (QTextDocument + QPrinter): no browser engine needed, fonts embedded.

Chinese needs a CJK font on the system: the same family the charts use is made the document's default font.
"""

import base64
import re

from qgis.PyQt.QtCore import QByteArray, QMarginsF, QSizeF, QUrl
from qgis.PyQt.QtGui import QFont, QImage, QPageLayout, QPageSize, QTextDocument
from qgis.PyQt.QtPrintSupport import QPrinter

DATA_IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')
# QTextDocument knows a small part of CSS: a print style that it does render.
PRINT_STYLE = """<style>
body{font-size:10pt;color:#212121}h1{color:#0a7abf;font-size:18pt}h2{color:#0a5a8f;font-size:13pt}
table{border-collapse:collapse}td,th{border:1px solid #bdbdbd;padding:3px}th{background:#eceff1}
.value{font-size:14pt;font-weight:bold}.note{color:#616161;font-size:8pt}.good{color:#2e7d32}.short{color:#c62828}
</style>"""
PAGE_WIDTH_PX = 640  # images are scaled to the text width of an A4 page at this layout width


def html_to_pdf(text: str, pdf_path: str) -> None:
    document = QTextDocument()
    family = _cjk_family()
    if family:
        document.setDefaultFont(QFont(family, 10))
    images = []

    def resource(match):
        image = QImage()
        image.loadFromData(QByteArray(base64.b64decode(match.group(1))), "PNG")
        name = f"habitat-image-{len(images)}"
        images.append((name, image))
        width = min(PAGE_WIDTH_PX, image.width() or PAGE_WIDTH_PX)
        return f'<img src="{name}" width="{width}"'

    text = DATA_IMAGE.sub(resource, text)
    text = re.sub(r"<style>.*?</style>", PRINT_STYLE, text, count=1, flags=re.S)
    for name, image in images:
        document.addResource(QTextDocument.ImageResource, QUrl(name), image)
    document.setHtml(text)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(pdf_path)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(15, 15, 15, 15),
                                      QPageLayout.Millimeter))
    document.setPageSize(QSizeF(PAGE_WIDTH_PX + 40, (PAGE_WIDTH_PX + 40) * 1.414))
    document.print_(printer)


def _cjk_family():
    try:
        from .core.report.charts import cjk_family

        return cjk_family()
    except ImportError:  # matplotlib missing: let Qt pick its fallback font
        return None
