"""A self-contained HTML report: every user text escaped, images embedded, written atomically."""

from __future__ import annotations

import base64
import html
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from ..text import HabitatError, tr

# What the running tool used (set around a run by the Processing layer), shown in every report it writes.
_RUN = threading.local()


@dataclass(frozen=True)
class ReportSettings:
    """How a report is written, given by the layer that runs the tool (the core never asks QGIS or Qt)."""

    language: str = "en"  # the user's locale (zh_CN, en_US…): the page's language tag
    footer: str = ""  # what made it: the plugin and QGIS versions
    pdf_writer: Optional[Callable[[str, str], None]] = None  # (html, path): prints a report saved as .pdf
    warn: Optional[Callable[[str], None]] = None  # where a chart's warning (a missing CJK font) goes: the run's log


@contextmanager
def run_details(tool: str, inputs: Iterable[Tuple[str, str]]) -> Iterator[None]:
    """Within the block, reports record ``tool`` and ``inputs`` ([(label, value text)]) as what made them."""
    previous = getattr(_RUN, "details", None)
    _RUN.details = (tool, list(inputs))
    try:
        yield
    finally:
        _RUN.details = previous


def help_page(summary: str, heading: str, items: "list[tuple[str, str]]") -> str:
    """An algorithm's help panel: what it does, then each parameter (label, help), all text escaped except the
    summary, which is the algorithm's own (translated) text."""
    parts = [f"<p>{summary}</p>"]
    if items:
        parts.append(f"<h3>{html.escape(heading)}</h3><dl>")
        parts += [f"<dt><b>{html.escape(label)}</b></dt><dd>{html.escape(text)}</dd>" for label, text in items]
        parts.append("</dl>")
    return "".join(parts)


STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:2em auto;max-width:60em;color:#212121;line-height:1.5}
h1{color:#0a7abf;border-bottom:2px solid #0a7abf;padding-bottom:.2em}h2{color:#0a5a8f;margin-top:1.6em}
table{border-collapse:collapse;margin:.8em 0}td,th{border:1px solid #bdbdbd;padding:.3em .6em;text-align:right}
th{background:#eceff1}td:first-child,th:first-child{text-align:left}
.value{font-size:1.6em;font-weight:bold}.indicator{display:inline-block;margin:0 2em 1em 0;vertical-align:top}
table.inputs td{text-align:left}.good{color:#2e7d32}.short{color:#c62828}
.note{color:#616161;font-size:.9em}img{max-width:100%}
figure.map{margin:1em 0}figcaption{color:#424242;font-size:.9em}.legend-entry{margin-right:1em}
"""


class Report:
    def __init__(self, title: str, settings: Union[ReportSettings, str] = "en") -> None:
        """``settings``: a ReportSettings, or just the language (the batch and notebooks: HTML, no footer)."""
        self.title = title
        self.settings = settings if isinstance(settings, ReportSettings) else ReportSettings(language=settings)
        # An HTML language tag: zh_CN -> zh-CN; the C/POSIX locale of a bare system is English.
        tag = (self.settings.language or "").split(".")[0].replace("_", "-")
        self.language = "en" if tag in ("", "C", "POSIX") else tag
        self.parts: List[str] = []

    def heading(self, text: str) -> None:
        self.parts.append(f"<h2>{html.escape(text)}</h2>")

    def paragraph(self, text: str, css: str = "") -> None:
        self.parts.append(f'<p class="{css}">{html.escape(text)}</p>' if css else f"<p>{html.escape(text)}</p>")

    def indicator(
        self,
        label: str,
        value: Optional[float],
        unit: str,
        benchmark: Optional[float] = None,
        benchmark_text: str = "",
        higher_is_better: bool = True,
        decimals: int = 1,
    ) -> None:
        verdict = ""
        if benchmark is not None and value is not None:
            met = value >= benchmark if higher_is_better else value <= benchmark
            verdict = "good" if met else "short"
        shown = "—" if value is None else f"{value:,.{decimals}f}"
        self.parts.append(
            f'<div class="indicator"><div>{html.escape(label)}</div>'
            f'<div class="value {verdict}">{html.escape(shown)} {html.escape(unit)}</div>'
            f'<div class="note">{html.escape(benchmark_text)}</div></div>'
        )

    def table(
        self, headers: Iterable[object], rows: Iterable[Iterable[object]], number_format: str = "{:,.1f}"
    ) -> None:
        head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
        body = []
        for row in rows:
            cells = []
            for value in row:
                if isinstance(value, float):
                    text = number_format.format(value)
                elif value is None:
                    text = "—"
                else:
                    text = str(value)
                cells.append(f"<td>{html.escape(text)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        self.parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")

    def image(self, png: bytes, alt: str, legend: Optional[Iterable[Tuple[object, object]]] = None) -> None:
        """An embedded PNG; a map (``legend`` [(label, colour)], even empty) goes in a ``<figure class="map">``
        whose caption lists its legend, so that the key is also text on the page."""
        data = base64.b64encode(png).decode("ascii")
        tag = f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}">'
        if legend is None:
            self.parts.append(f"<p>{tag}</p>")
            return
        entries = "".join(
            f'<span class="legend-entry"><span style="color:{html.escape(str(colour), quote=True)}">■</span> '
            f"{html.escape(str(label))}</span> "
            for label, colour in legend
        )
        self.parts.append(
            f'<figure class="map">{tag}<figcaption><b>{html.escape(tr("Legend:"))}</b> {entries}</figcaption></figure>'
        )

    def chart(
        self,
        made: Tuple[bytes, Optional[str]],
        alt: Optional[str] = None,
        legend: Optional[Sequence[Tuple[str, str]]] = None,
    ) -> None:
        """A chart or map made by core.report.charts (``(png, warning)``); its warning goes to ``settings.warn``
        (else onto the page), and a map's legend (recorded by the map, or ``legend`` [(label, colour)]) is listed
        under it."""
        png, warning = made
        if warning:
            if self.settings.warn is not None:
                self.settings.warn(warning)
            else:
                self.paragraph(warning, css="note")
        self.image(png, alt or self.title, legend if legend is not None else getattr(made, "legend", None))

    def render(self, footer: str = "") -> str:
        """The page: title, when and with what it was made, the content, then the inputs and parameters used."""
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        tool, inputs = getattr(_RUN, "details", None) or ("", [])
        made = tr("Made on {0} with {1}.", stamp, footer) if footer else tr("Made on {0}.", stamp)
        if tool:
            made += " " + tr("Tool: {0}.", tool)
        provenance = ""
        if inputs:
            rows = "".join(
                f"<tr><td>{html.escape(str(label))}</td><td>{html.escape(str(value))}</td></tr>"
                for label, value in inputs
            )
            provenance = (
                f"<h2>{html.escape(tr('Inputs and parameters'))}</h2>"
                f'<table class="inputs"><tbody>{rows}</tbody></table>'
            )
        return (
            f'<!DOCTYPE html><html lang="{html.escape(self.language, quote=True)}"><head><meta charset="utf-8">'
            f"<title>{html.escape(self.title)}</title><style>{STYLE}</style></head><body>"
            f'<h1>{html.escape(self.title)}</h1><p class="note">{html.escape(made)}</p>{"".join(self.parts)}'
            f'{provenance}<p class="note">{html.escape(footer)} · {html.escape(stamp)}</p></body></html>'
        )

    def save(self, path: str, footer: Optional[str] = None) -> str:
        """Write the report (HTML, or PDF when ``path`` ends in .pdf) next to ``path`` first and move it into
        place: no half-written file on failure. ``footer`` defaults to the settings' one."""
        from ..files import atomic_write

        text = self.render(self.settings.footer if footer is None else footer)
        if str(path).lower().endswith(".pdf"):
            writer = self.settings.pdf_writer
            if writer is None:
                raise HabitatError(tr("PDF reports need QGIS; save the report as HTML instead."))
            atomic_write(path, lambda partial: writer(text, partial))
            return path

        def write(partial: str) -> None:
            with open(partial, "w", encoding="utf-8") as stream:
                stream.write(text)

        atomic_write(path, write)
        return path
