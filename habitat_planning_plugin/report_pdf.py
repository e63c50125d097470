"""Print a report's HTML to PDF with Qt (QTextDocument + QPrinter): no browser engine needed, fonts embedded.

Chinese needs a CJK font on the system: a Simplified Chinese family (Traditional for zh-TW/zh-HK pages) that Qt
lists is made the document's default font; Qt sees every face of a .ttc collection, so it is chosen by name here,
not taken from matplotlib. No figure is cut by a page break: an image that would straddle one starts a new page,
and an image taller than a page is scaled to fit it.
"""

import base64
import re

from qgis.PyQt.QtCore import QByteArray, QMarginsF, QSizeF, QUrl
from qgis.PyQt.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from qgis.PyQt.QtPrintSupport import QPrinter

from .core.report.charts import SC_FAMILIES

DATA_IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')
# QTextDocument knows a small part of CSS: a print style that it does render.
PRINT_STYLE = """<style>
body{font-size:10pt;color:#212121}h1{color:#0a7abf;font-size:18pt}h2{color:#0a5a8f;font-size:13pt}
table{border-collapse:collapse}td,th{border:1px solid #bdbdbd;padding:3px}th{background:#eceff1}
.value{font-size:14pt;font-weight:bold}.note{color:#616161;font-size:8pt}.good{color:#2e7d32}.short{color:#c62828}
.caption{color:#424242;font-size:9pt}
</style>"""
PAGE_WIDTH_PX = 640  # images are scaled to the text width of an A4 page at this layout width
PAGE_SIZE = QSizeF(PAGE_WIDTH_PX + 40, (PAGE_WIDTH_PX + 40) * 1.414)  # layout units of one page (A4 proportions)
IMAGE_MAX_HEIGHT = PAGE_SIZE.height() - 60  # room for the page's margins and the image paragraph's own

SIMPLIFIED = SC_FAMILIES  # the charts' list: a report and its charts use the same face
TRADITIONAL = (
    "Noto Sans CJK TC",
    "Source Han Sans TC",
    "Noto Sans TC",
    "Noto Sans CJK HK",
    "Microsoft JhengHei",
    "PingFang TC",
)
OTHER_CJK = ("Noto Sans CJK JP", "Source Han Sans JP", "Noto Sans CJK KR")


def cjk_family(language: str = "zh-CN"):
    """The CJK family Qt should use for a page in ``language``: Simplified Chinese first (Traditional first for
    zh-TW, zh-HK and zh-Hant), then any CJK family Qt lists, else None."""
    try:
        installed = set(QFontDatabase().families())
    except Exception:  # noqa: BLE001 - no GUI application: let Qt pick its fallback font
        return None
    tag = (language or "").replace("_", "-").lower()
    traditional = tag.startswith(("zh-tw", "zh-hk", "zh-mo", "zh-hant"))
    order = (TRADITIONAL + SIMPLIFIED if traditional else SIMPLIFIED + TRADITIONAL) + OTHER_CJK
    family = next((name for name in order if name in installed), None)
    if family is None:
        family = next((name for name in sorted(installed) if "CJK" in name and "Mono" not in name), None)
    return family


def build_document(text: str) -> QTextDocument:
    """The report's HTML as a paginated QTextDocument, images fitted to the page and none across a page break."""
    document = QTextDocument()
    language = re.search(r'<html lang="([^"]+)"', text)
    family = cjk_family(language.group(1) if language else "zh-CN")
    if family:
        document.setDefaultFont(QFont(family, 10))
    images = []

    def resource(match):
        image = QImage()
        image.loadFromData(QByteArray(base64.b64decode(match.group(1))), "PNG")
        name = f"habitat-image-{len(images)}"
        images.append((name, image))
        width = min(PAGE_WIDTH_PX, image.width() or PAGE_WIDTH_PX)
        if image.width() and image.height() * width / image.width() > IMAGE_MAX_HEIGHT:
            width = int(image.width() * IMAGE_MAX_HEIGHT / image.height())  # a tall figure fits on one page
        height = round(image.height() * width / image.width()) if image.width() else 0
        return f'<img src="{name}" width="{width}"' + (f' height="{height}"' if height else "")

    text = DATA_IMAGE.sub(resource, text)
    text = re.sub(r"<style>.*?</style>", PRINT_STYLE, text, count=1, flags=re.S)
    # A map and its legend caption in one paragraph: they move to the next page together.
    text = re.sub(
        r"<figure[^>]*>(.*?)<figcaption>(.*?)</figcaption></figure>",
        r'<p>\1<br><span class="caption">\2</span></p>',
        text,
        flags=re.S,
    )
    for name, image in images:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(text)
    document.setPageSize(PAGE_SIZE)
    keep_images_on_one_page(document)
    return document


def _holds_image(block) -> bool:
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.charFormat().isImageFormat():
            return True
        iterator += 1
    return False


def block_span(document, block):
    """(top, bottom) of ``block`` in the document as laid out: from its first line to its last (a line Qt moved to
    the next page counts where it is drawn)."""
    layout = block.layout()
    if layout is not None and layout.lineCount():
        origin = layout.position().y()
        first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
        return origin + first.y(), origin + last.y() + last.height()
    rect = document.documentLayout().blockBoundingRect(block)
    return rect.top(), rect.bottom()


def crosses_page(document, block) -> bool:
    """Whether ``block`` spans a page boundary."""
    height = document.pageSize().height()
    top, bottom = block_span(document, block)
    return bottom > top and int(top // height) != int((bottom - 0.5) // height)


def keep_images_on_one_page(document) -> None:
    """Start every image block that would straddle a page boundary (and fits on a page) on a new page."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if _holds_image(block):
            layout.blockBoundingRect(block)  # lays the document out up to here
            top, bottom = block_span(document, block)
            if crosses_page(document, block) and bottom - top < height - 2 * document.documentMargin():
                cursor = QTextCursor(block)
                page_break = QTextBlockFormat()
                page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.mergeBlockFormat(page_break)  # the layout after this block is made anew
        block = block.next()


def html_to_pdf(text: str, pdf_path: str) -> None:
    document = build_document(text)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(pdf_path)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.print(printer)
