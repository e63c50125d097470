"""Charts and map images as PNG bytes (matplotlib, Agg), legible when printed on an A4 page, with a Simplified
Chinese font for Chinese text."""

from __future__ import annotations

import io
import math
import os
import tempfile
import textwrap
import warnings
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple, Union

from ..text import tr, tr_noop

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.path import Path
    from numpy.typing import ArrayLike, NDArray
    from shapely.geometry.base import BaseGeometry

    # A layer's style: "fill", "edge" (colours or "none"), "width", "alpha", "zorder", "size", "kind" ("line").
    Style = Mapping[str, Any]
    # A legend entry: its label and a colour or a style.
    LegendEntry = Tuple[str, Union[str, Style]]
    # The city or region drawn under and over a map's layers, and its legend label (None: not in the legend).
    Outline = Tuple[Sequence[Optional[BaseGeometry]], Optional[str]]
    # Names written on a map at the shapes' representative points.
    Labels = Sequence[Tuple[str, Optional[BaseGeometry]]]
    Bounds = Tuple[float, float, float, float]

# Simplified Chinese families, best first. QGIS installs on Windows, macOS and Linux ship different ones.
SC_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "SimHei",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
)
# Tried after the standalone SC families above (whose glyphs need no extraction) fail: these are weaker SC fonts.
_WEAK_SC = (
    "SimHei",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Heiti SC",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
)
# Chinese glyphs in Traditional or Japanese forms: used only when no Simplified Chinese face exists anywhere.
OTHER_CJK_FAMILIES = (
    "Noto Sans CJK TC",
    "Source Han Sans TC",
    "Noto Sans TC",
    "Noto Sans CJK HK",
    "Noto Sans CJK JP",
    "Source Han Sans JP",
    "Noto Sans CJK KR",
)
CJK_FAMILIES = SC_FAMILIES + OTHER_CJK_FAMILIES
# Where fonts live: a .ttc/.otc collection here may hold an SC face that matplotlib (first face only) cannot see.
FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.fonts",
    "~/.local/share/fonts",
    "C:/Windows/Fonts",
    "~/AppData/Local/Microsoft/Windows/Fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
)

DPI = 110
PAGE_WIDTH_PX = 640  # report_pdf shows images at most this wide on an A4 page (and HTML pages are similar)
PAGE_HEIGHT_PX = 900  # ... and at most this tall (report_pdf.IMAGE_MAX_HEIGHT)
MIN_PRINT_PT = 8.0  # smallest text size once the image is scaled down to the page width
FIGURE_WIDTH = 6.0  # inches: 660 px at DPI, about the page width, so the text is printed near its size

_CHOICE: List[Tuple[Optional[str], bool]] = []  # [(family or None, is Simplified Chinese)] once chosen
_EXTRACTED: Set[str] = set()  # SC families registered from a face extracted out of a font collection


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def cjk_family() -> Optional[str]:
    """Name of an installed font family with Chinese glyphs for matplotlib, Simplified Chinese whenever one exists
    (a face in a .ttc collection is extracted for it), or None."""
    if not _CHOICE:
        _CHOICE.append(_choose_cjk())
    return _CHOICE[0][0]


def is_simplified(family: Optional[str]) -> bool:
    if not family:
        return False
    return family in SC_FAMILIES or family in _EXTRACTED or family.endswith((" SC", " CN"))


def _choose_cjk() -> Tuple[Optional[str], bool]:
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for family in SC_FAMILIES:
        if family in installed and family not in _WEAK_SC:
            return family, True
    try:
        family = _extract_sc_face()
    except Exception:  # noqa: BLE001 - fontTools missing, an unreadable collection, no cache folder: fall back
        family = None
    if family:
        return family, True
    for family in _WEAK_SC + OTHER_CJK_FAMILIES:
        if family in installed:
            return family, is_simplified(family)
    other = next((name for name in sorted(installed) if "CJK" in name or "Hei" in name), None)
    return other, is_simplified(other)


def _collections() -> List[str]:
    """Font collection files (.ttc, .otc) of the system and the user."""
    from matplotlib import font_manager

    found: Set[str] = set()
    try:
        found.update(font_manager.findSystemFonts(fontext="ttc"))
    except Exception:  # noqa: BLE001 - no fc-list, unreadable folders: scan the folders below
        pass
    for folder in FONT_FOLDERS:
        folder = os.path.expanduser(folder)
        if os.path.isdir(folder):
            for root, _, names in os.walk(folder):
                found.update(os.path.join(root, name) for name in names)
    return sorted(path for path in found if path.lower().endswith((".ttc", ".otc")))


def _sc_faces(path: str) -> List[Tuple[Tuple[bool, bool, bool], int, str]]:
    """(preference, face index, family) of each Simplified Chinese face of a collection, read from its name table:
    sans before serif, proportional before mono, regular before other weights."""
    from fontTools.ttLib import TTCollection

    faces = []
    with open(path, "rb") as stream:  # lazy reading keeps the file open: closed here, not left to the collector
        fonts = TTCollection(stream, lazy=True).fonts
        names_of = [(index, font["name"]) for index, font in enumerate(fonts)]
    for index, names in names_of:
        family = names.getDebugName(1) or ""
        style = names.getDebugName(2) or ""
        typographic = names.getDebugName(16) or family
        if not (is_simplified(family) or is_simplified(typographic)):
            continue
        preference = (
            "Serif" in family or "Song" in family or "Sun" in family,
            "Mono" in family,
            style.lower() != "regular",
        )
        faces.append((preference, index, family))
    return faces


def _cache_folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "habitat_planning_plugin", "fonts")
    try:
        os.makedirs(folder, exist_ok=True)
        return folder
    except OSError:
        folder = os.path.join(tempfile.gettempdir(), "habitat_planning_plugin_fonts")
        os.makedirs(folder, exist_ok=True)
        return folder


def _extract_sc_face() -> Optional[str]:
    """The family of the best Simplified Chinese face found in a font collection, saved once as a font file of its
    own in the user's cache folder and registered with matplotlib (which reads only a collection's first face)."""
    from fontTools.ttLib import TTCollection
    from matplotlib import font_manager

    faces = []
    for path in _collections():
        try:
            faces += [(preference, path, index, family) for preference, index, family in _sc_faces(path)]
        except Exception:  # noqa: BLE001 - a damaged or unusual collection: try the others
            continue
    if not faces:
        return None
    _, path, index, family = min(faces)
    stat = os.stat(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    target = os.path.join(_cache_folder(), f"{stem}-{index}-{stat.st_size}-{int(stat.st_mtime)}.otf")
    if not (os.path.exists(target) and os.path.getsize(target) > 0):
        partial = f"{target}.{os.getpid()}.partial"
        try:
            with open(path, "rb") as stream:
                TTCollection(stream, lazy=True).fonts[index].save(partial)
            os.replace(partial, target)  # whole or not at all: another process may read it
        finally:
            if os.path.exists(partial):
                os.remove(partial)
    font_manager.fontManager.addfont(target)
    cached = getattr(font_manager.fontManager, "_findfont_cached", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()  # matplotlib 3.6 keeps its earlier answers for this family
    name = font_manager.FontProperties(fname=target).get_name()
    _EXTRACTED.add(name)
    return name


def needs_cjk(*texts: object) -> bool:
    return any(any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in str(text)) for text in texts)


NOT_SIMPLIFIED = tr_noop(
    "No Simplified Chinese font is installed; chart text uses {0}, whose characters may take "
    "Japanese or Traditional forms. Install a Simplified Chinese font (for example Noto Sans "
    "CJK SC)."
)


def font_family(*texts: object) -> Tuple[List[str], Optional[str]]:
    """(family list for matplotlib, warning or None): a CJK family when the texts hold Chinese."""
    if not needs_cjk(*texts):
        return ["DejaVu Sans"], None
    family = cjk_family()
    if family is None:
        return ["DejaVu Sans"], tr(
            "No font with Chinese characters is installed; chart text may show as boxes. "
            "Install a CJK font (for example Noto Sans CJK)."
        )
    return [family, "DejaVu Sans"], None if is_simplified(family) else tr(NOT_SIMPLIFIED, family)


MISSING_GLYPHS = tr_noop(
    "Some characters are missing from the chart font and show as boxes. Install a font "
    "with these characters (for example Noto Sans CJK)."
)


if TYPE_CHECKING:
    _PictureBase = Tuple[bytes, Optional[str]]
else:
    _PictureBase = tuple  # a plain tuple at run time (typing.Tuple would add typing.Generic to the bases)


class Picture(_PictureBase):
    """(PNG bytes, warning) of a chart; a map also carries its ``legend`` [(label, colour)] for the page."""

    legend: Optional[List[Tuple[str, str]]]

    def __new__(
        cls,
        png: bytes,
        warning: Optional[str],
        legend: Optional[List[Tuple[str, str]]] = None,
    ) -> Picture:
        made = super().__new__(cls, (png, warning))
        made.legend = legend
        return made


def print_scale(width_px: float, height_px: float = 0.0) -> float:
    """How much an image ``width_px`` wide (and ``height_px`` tall) is scaled down on the page: to the page width,
    and to the page height for a tall one."""
    return min(1.0, PAGE_WIDTH_PX / max(width_px, 1.0), PAGE_HEIGHT_PX / max(height_px, 1.0))


def _legible(figure: Figure) -> None:
    """Enlarge any text that would print below MIN_PRINT_PT once the image is scaled to the page width."""
    from matplotlib.text import Text

    for _ in range(3):
        renderer = figure.canvas.get_renderer()
        box = figure.get_tightbbox(renderer)
        scale = print_scale(box.width * DPI, box.height * DPI)
        small = [
            text
            for text in figure.findobj(Text)
            if text.get_visible() and text.get_text() and text.get_fontsize() * scale < MIN_PRINT_PT - 0.01
        ]
        if not small:
            return
        for text in small:
            text.set_fontsize(MIN_PRINT_PT / scale + 0.05)
        for axes in figure.axes:  # ticks made anew at drawing copy the axis' label size
            for axis in (axes.xaxis, axes.yaxis):
                sizes = [tick.label1.get_fontsize() for tick in axis.get_major_ticks()]
                if sizes:
                    axis.set_tick_params(labelsize=max(sizes))


def _png(
    figure: Figure,
    warning: Optional[str] = None,
    legend: Optional[List[Tuple[str, str]]] = None,
) -> Picture:
    """(PNG bytes, warning): a missing glyph is reported, never drawn silently as a box, never fatal."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _legible(figure)
        figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    _pyplot().close(figure)
    if any("missing from current font" in str(item.message) for item in caught):
        warning = warning or tr(MISSING_GLYPHS)
    return Picture(buffer.getvalue(), warning, legend)


def _rc(families: List[str]) -> Dict[str, Any]:
    """Text sizes that print legibly at FIGURE_WIDTH."""
    return {
        "font.family": families,
        "font.size": 9.5,
        "axes.titlesize": 11,
        "axes.labelsize": 9.5,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "figure.titlesize": 11.5,
    }


def _wrapped(text: object, width: int = 14) -> str:
    text = str(text)
    if needs_cjk(text):
        return "\n".join(text[i : i + max(width // 2, 4)] for i in range(0, len(text), max(width // 2, 4)))
    return textwrap.fill(text, width, break_long_words=False) or text


def _category_labels(axes: Axes, labels: Sequence[str], rotation_from: int = 4) -> None:
    """Category labels along x: level when few, slanted when many, upright when very many."""
    count = len(labels)
    rotation = 0 if count <= rotation_from else (45 if count <= 12 else 90)
    axes.set_xticklabels(
        labels,
        rotation=rotation,
        ha="right" if rotation == 45 else "center",
        rotation_mode="anchor" if rotation == 45 else "default",
    )


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Tuple[str, Sequence[Optional[float]]]],
    title: str,
    ylabel: str,
    benchmark: Optional[float] = None,
    benchmark_label: Optional[str] = None,
    stacked: bool = False,
    horizontal: bool = False,
) -> Picture:
    """Grouped bars: ``series`` is [(label, values)], one value per category. Returns (png bytes, warning).
    ``stacked``: the series piled on one bar per category (positive values; each bar is their sum);
    ``horizontal``: one bar per row, the first category at the top, ``ylabel`` naming the value axis."""
    import numpy as np

    plt = _pyplot()
    texts = [title, ylabel, benchmark_label or ""] + list(categories) + [label for label, _ in series]
    families, warning = font_family(*texts)
    with plt.rc_context(_rc(families)):
        height = max(4.0, 0.3 * len(categories) + 1.5) if horizontal else 4.0
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, height))
        width = 0.8 if stacked else 0.8 / max(len(series), 1)
        base = np.zeros(len(categories))
        for index, (label, values) in enumerate(series):
            numbers = np.array([v if v is not None else 0.0 for v in values], dtype=float)
            if stacked:
                positions = list(range(len(categories)))
            else:
                positions = [i + (index - (len(series) - 1) / 2) * width for i in range(len(categories))]
            if horizontal:
                axes.barh(positions, numbers, width, left=base if stacked else None, label=label)
            else:
                axes.bar(positions, numbers, width, bottom=base if stacked else None, label=label)
            if stacked:
                base = base + numbers
        if benchmark is not None:
            line = axes.axvline if horizontal else axes.axhline
            line(benchmark, color="#c62828", linestyle="--", linewidth=1.2, label=benchmark_label)
        if horizontal:
            axes.set_yticks(range(len(categories)))
            axes.set_yticklabels(list(categories))
            axes.invert_yaxis()  # the first category on top
            axes.set_xlabel(ylabel)
            axes.grid(axis="x", alpha=0.3)
        else:
            axes.set_xticks(range(len(categories)))
            _category_labels(axes, list(categories))
            axes.set_ylabel(ylabel)
            axes.grid(axis="y", alpha=0.3)
        axes.set_title(title)
        if horizontal and len(series) > 1:  # below the bars, which fill the plot's width
            axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.05 - 0.5 / height), ncol=2, frameon=False)
        elif len(series) > 1 or benchmark is not None:
            axes.legend()
        return _png(figure, warning)


# --- maps: shapely geometries in a projected CRS in metres, each with a legend and a scale bar ---

OUTLINE_STYLE = {"fill": "none", "edge": "#212121", "width": 1.2}
BACKGROUND_FILL = "#f5f5f5"


def _polygon_path(shapes: Iterable[Optional[BaseGeometry]]) -> Optional[Path]:
    """One matplotlib Path of every polygon in ``shapes``, each with its holes (exterior anticlockwise, holes
    clockwise: filled by the non-zero rule, the holes stay empty)."""
    from matplotlib.path import Path
    from shapely.geometry.polygon import orient

    paths = []
    for polygon in _parts(shapes, "Polygon"):
        polygon = orient(polygon)
        for ring in [polygon.exterior] + list(polygon.interiors):
            coords = list(ring.coords)
            if len(coords) >= 3:
                paths.append(Path(coords, closed=True))
    return Path.make_compound_path(*paths) if paths else None


def _parts(shapes: Iterable[Optional[BaseGeometry]], kind: str) -> Iterator[BaseGeometry]:
    """The simple parts (Polygon, LineString or Point) of the geometries ``shapes``."""
    stack = [shape for shape in shapes if shape is not None]
    while stack:
        shape = stack.pop(0)
        if shape.is_empty:
            continue
        if hasattr(shape, "geoms"):
            stack[:0] = list(shape.geoms)
        elif shape.geom_type == kind:
            yield shape


def _draw_layer(
    axes: Axes,
    shapes: Iterable[Optional[BaseGeometry]],
    style: Style,
    clip: Optional[Artist] = None,
) -> List[Artist]:
    """Polygons with their holes, lines and points of one layer in one style; returns the artists drawn."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import PathPatch

    shapes = [shape for shape in shapes if shape is not None and not shape.is_empty]
    drawn = []
    path = _polygon_path(shapes)
    if path is not None:
        drawn.append(
            axes.add_patch(
                PathPatch(
                    path,
                    facecolor=style.get("fill", "none"),
                    edgecolor=style.get("edge", "none"),
                    linewidth=style.get("width", 0.5),
                    alpha=style.get("alpha", 1.0),
                    zorder=style.get("zorder", 1),
                )
            )
        )
    lines = [list(line.coords) for line in _parts(shapes, "LineString")]
    if lines:
        drawn.append(
            axes.add_collection(
                LineCollection(
                    lines,
                    colors=style.get("edge", "#555555"),
                    linewidths=style.get("width", 0.6),
                    alpha=style.get("alpha", 1.0),
                    zorder=style.get("zorder", 2),
                )
            )
        )
    points = [(point.x, point.y) for point in _parts(shapes, "Point")]
    if points:
        drawn.append(
            axes.scatter(
                [x for x, _ in points],
                [y for _, y in points],
                s=style.get("size", 14),
                c=style.get("fill", "#424242"),
                edgecolors=style.get("edge", "#212121"),
                linewidths=0.3,
                zorder=style.get("zorder", 3),
            )
        )
    if clip is not None:
        for artist in drawn:
            artist.set_clip_path(clip)
            # Inside the outline by construction; and matplotlib fails to measure an artist clipped away whole
            # (layers far from the city: an empty box), so the tight layout leaves them out.
            artist.set_in_layout(False)
    return drawn


def _legend_entry(label: str, style: Union[str, Style]) -> Artist:
    """A legend handle: a filled box for a colour or a filled style, a line for a line style."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if isinstance(style, str):
        return Patch(facecolor=style, edgecolor="#424242", linewidth=0.4, label=label)
    fill = style.get("fill", "none")
    if style.get("kind") == "line" or fill in (None, "none"):
        return Line2D(
            [0], [0], color=style.get("edge", "#424242"), linewidth=max(style.get("width", 1.0), 1.5), label=label
        )
    return Patch(
        facecolor=fill,
        edgecolor=style.get("edge", "none") or "none",
        linewidth=style.get("width", 0.4),
        alpha=style.get("alpha", 1.0),
        label=label,
    )


def _swatch(style: Union[str, Style]) -> str:
    if isinstance(style, str):
        return style
    fill = style.get("fill", "none")
    return style.get("edge", "#424242") if fill in (None, "none") else fill


def _labels(axes: Axes, labels: Labels, size: float = 8.5) -> None:
    """Names at the shapes' representative points, with a white halo."""
    import matplotlib.patheffects as effects

    halo = [effects.withStroke(linewidth=2.5, foreground="white")]
    for text, shape in labels:
        if shape is None or shape.is_empty:
            continue
        point = shape.representative_point()
        axes.annotate(
            text,
            (point.x, point.y),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=size,
            color="#212121",
            path_effects=halo,
            zorder=6,
        )


def _frame(
    axes: Axes,
    bounds: Optional[Bounds],
    title: str,
    legend: Sequence[LegendEntry],
    unit_km: Optional[str],
) -> List[Tuple[str, str]]:
    """Limits with a margin, a scale bar in km, the legend under the map and the title; ``bounds`` (xmin, ymin,
    xmax, ymax) or None."""
    import matplotlib.patheffects as effects

    if bounds is not None:
        xmin, ymin, xmax, ymax = bounds
        span = max(xmax - xmin, ymax - ymin, 1.0)
        margin = 0.05 * span
        axes.set_xlim(xmin - margin, xmax + margin)
        axes.set_ylim(ymin - 1.6 * margin, ymax + margin)
        length = _scale_length(xmax - xmin + 2 * margin)
        x0, y0 = xmin, ymin - 1.1 * margin
        halo = [effects.withStroke(linewidth=2.5, foreground="white")]
        axes.plot([x0, x0 + length], [y0, y0], color="#212121", linewidth=3, solid_capstyle="butt", zorder=7)
        axes.text(
            x0 + length / 2,
            y0 + 0.15 * margin,
            f"{length / 1000.0:g} {unit_km or tr('km')}",
            ha="center",
            va="bottom",
            fontsize=9,
            path_effects=halo,
            zorder=7,
        )
    axes.set_aspect("equal")
    axes.set_axis_off()
    axes.set_title(title)
    if legend:
        columns = (
            1
            if len(legend) <= 2
            else (2 if len(legend) <= 6 or max(len(str(label)) for label, _ in legend) > 24 else 3)
        )
        axes.legend(
            handles=[_legend_entry(label, style) for label, style in legend],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.01),
            ncol=columns,
            frameon=False,
            title=tr("Legend"),
            title_fontsize=9.5,
        )
    return [(str(label), _swatch(style)) for label, style in legend]


def _bounds(shapes: Iterable[Optional[BaseGeometry]]) -> Optional[Bounds]:
    boxes = [shape.bounds for shape in shapes if shape is not None and not shape.is_empty]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _map_texts(title: str, legend: Sequence[LegendEntry], labels: Labels, outline: Optional[Outline]) -> List[object]:
    return (
        [title, tr("Legend")]
        + [label for label, _ in legend]
        + [text for text, _ in labels]
        + ([outline[1]] if outline else [])
    )


def map_image(
    layers: Sequence[Tuple[Sequence[Optional[BaseGeometry]], Style]],
    title: str,
    legend: Sequence[LegendEntry],
    outline: Optional[Outline] = None,
    labels: Labels = (),
    unit_km: Optional[str] = None,
    clip: bool = False,
) -> Picture:
    """A map: ``layers`` is [(shapely geometries, style dict)] drawn in order (polygons with their holes, lines,
    points); ``legend`` [(label, colour or style)] says what the layers show (required: a map without a key cannot
    be read); ``outline`` (shapes, label) is the city or region, drawn light under the layers and as a dark line
    over them (with ``clip`` the layers are cut to it); ``labels`` [(text, shape)] names places. With a scale bar.
    Returns (png, warning) carrying the legend."""
    plt = _pyplot()
    legend = list(legend) + ([(outline[1], OUTLINE_STYLE)] if outline and outline[1] else [])
    families, warning = font_family(*_map_texts(title, legend, labels, outline))
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, 5.6))
        area = None
        all_shapes = [shape for shapes, _ in layers for shape in shapes]
        if outline:
            back = _draw_layer(axes, outline[0], {"fill": BACKGROUND_FILL, "edge": "none", "zorder": 0})
            area = back[0] if back else None
        for shapes, style in layers:
            _draw_layer(axes, shapes, style, area if clip else None)
        if outline:
            _draw_layer(axes, outline[0], dict(OUTLINE_STYLE, zorder=5))
        _labels(axes, labels)
        bounds = (
            _bounds(list(outline[0])) if outline and clip else _bounds(all_shapes + list(outline[0] if outline else []))
        )
        recorded = _frame(axes, bounds, title, legend, unit_km)
        return _png(figure, warning, recorded)


def segment_map(
    segments: NDArray[np.float64],
    colors: Sequence[str],
    polygons: Sequence[Tuple[Optional[BaseGeometry], Style]],
    title: str,
    legend: Sequence[LegendEntry],
    outline: Optional[Outline] = None,
    unit_km: Optional[str] = None,
) -> Picture:
    """Street segments ((n, 2, 2) array) coloured one by one over polygons [(shape, style)]; ``legend`` is
    [(label, colour)] of the segment colours (a line each), then the polygons' entries [(label, style)] if any."""
    plt = _pyplot()
    from matplotlib.collections import LineCollection

    entries = [
        (label, {"fill": "none", "edge": colour, "width": 2}) if isinstance(colour, str) else (label, colour)
        for label, colour in legend
    ]
    entries += [(outline[1], OUTLINE_STYLE)] if outline and outline[1] else []
    families, warning = font_family(*_map_texts(title, entries, (), outline))
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, 5.6))
        for shape, style in polygons:
            _draw_layer(axes, [shape], style)
        axes.add_collection(LineCollection(segments, colors=colors, linewidths=0.7, zorder=2))
        if outline:
            _draw_layer(axes, outline[0], dict(OUTLINE_STYLE, zorder=5))
        bounds = None
        if len(segments):
            import numpy as np

            points = np.asarray(segments, dtype=float).reshape(-1, 2)
            bounds = (points[:, 0].min(), points[:, 1].min(), points[:, 0].max(), points[:, 1].max())
        shapes = [shape for shape, _ in polygons] + list(outline[0] if outline else [])
        extra = _bounds(shapes)
        if extra is not None:
            bounds = (
                extra
                if bounds is None
                else (
                    min(bounds[0], extra[0]),
                    min(bounds[1], extra[1]),
                    max(bounds[2], extra[2]),
                    max(bounds[3], extra[3]),
                )
            )
        recorded = _frame(axes, bounds, title, entries, unit_km)
        return _png(figure, warning, recorded)


def matrix_chart(matrix: ArrayLike, row_labels: Sequence[str], column_labels: Sequence[str], title: str) -> Picture:
    """A presence matrix (rows x columns of 0/1) as filled cells, e.g. a scalogram, on one image sized so its text
    stays legible (see matrix_charts for a large one). Returns (png, warning)."""
    plt = _pyplot()
    families, warning = font_family(title, *row_labels, *column_labels)
    rows, columns = len(row_labels), len(column_labels)
    cell = 0.19
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(max(3.5, cell * columns + 1.0), max(2.5, cell * rows + 0.6)))
        axes.imshow(matrix, cmap="Purples", vmin=0, vmax=1.6, aspect="auto", interpolation="nearest")
        axes.set_xticks(range(columns))
        axes.set_xticklabels(
            column_labels, rotation=90 if columns > 8 else 60, ha="center" if columns > 8 else "right", fontsize=9
        )
        axes.set_yticks(range(rows))
        axes.set_yticklabels(row_labels, fontsize=9)
        axes.set_title(title)
        return _png(figure, warning)


def matrix_charts(
    matrix: ArrayLike,
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    title: str,
    rows_per_chart: int = 34,
    columns_per_chart: int = 26,
) -> List[Picture]:
    """A large presence matrix cut into page-sized images (rows, then columns, each image titled "title (i/n)")
    so its labels print legibly and no image is taller than a page. Returns [(png, warning)]."""
    import numpy as np

    matrix = np.asarray(matrix)
    row_starts = list(range(0, max(len(row_labels), 1), rows_per_chart))
    column_starts = list(range(0, max(len(column_labels), 1), columns_per_chart))
    count = len(row_starts) * len(column_starts)
    made: List[Picture] = []
    for r in row_starts:
        for c in column_starts:
            part_title = title if count == 1 else f"{title} ({len(made) + 1}/{count})"
            made.append(
                matrix_chart(
                    matrix[r : r + rows_per_chart, c : c + columns_per_chart],
                    list(row_labels[r : r + rows_per_chart]),
                    list(column_labels[c : c + columns_per_chart]),
                    part_title,
                )
            )
    return made


def _radar(
    axes: Axes,
    centre: NDArray[np.float64],
    axes_labels: Sequence[str],
    series: Sequence[Tuple[Sequence[Optional[float]], str, Optional[str]]],
    maximum: float,
    label_size: float,
    ring_labels: bool = False,
    numbered: bool = False,
) -> None:
    """One radar drawn as polygons on plain axes (matplotlib's polar axes take seconds to lay out when there are
    several): rings at 25/50/75/100 %, a spoke and a label (or its number) per axis, then each (values, colour) of
    ``series``."""
    import numpy as np

    angles = np.pi / 2 - np.linspace(0, 2 * np.pi, len(axes_labels), endpoint=False)  # clockwise from the top
    unit = np.column_stack([np.cos(angles), np.sin(angles)])
    for ring in (0.25, 0.5, 0.75, 1.0):
        outline = centre + ring * np.vstack([unit, unit[:1]])
        axes.plot(outline[:, 0], outline[:, 1], color="#bdbdbd", linewidth=0.4)
        if ring_labels:
            axes.text(centre[0] + 0.02, centre[1] + ring, f"{ring * maximum:g}", fontsize=8, color="#616161")
    for number, (direction, name) in enumerate(zip(unit, axes_labels), start=1):
        axes.plot(
            [centre[0], centre[0] + direction[0]], [centre[1], centre[1] + direction[1]], color="#bdbdbd", linewidth=0.4
        )
        text = str(number) if numbered else _wrapped(name, 16)
        axes.text(
            *(centre + (1.2 if numbered else 1.22) * direction),
            text,
            fontsize=label_size,
            ha="center" if abs(direction[0]) < 0.3 else ("left" if direction[0] > 0 else "right"),
            va="center",
            color="#424242",
        )
    for values, colour, label in series:
        radius = np.array([0.0 if v is None or v != v else min(max(v / maximum, 0.0), 1.0) for v in values])
        shape = centre + radius[:, None] * unit
        axes.fill(shape[:, 0], shape[:, 1], color=colour, alpha=0.2, linewidth=0)
        closed = np.vstack([shape, shape[:1]])
        axes.plot(closed[:, 0], closed[:, 1], color=colour, linewidth=1.3, label=label)


def radar_chart(
    axes_labels: Sequence[str],
    series: Sequence[Tuple[str, Sequence[Optional[float]]]],
    title: str,
    maximum: float = 100.0,
) -> Picture:
    """A radar (spider) chart: ``series`` is [(label, values)], one value per axis. Returns (png, warning)."""
    import numpy as np

    plt = _pyplot()
    families, warning = font_family(title, *axes_labels, *[label for label, _ in series])
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, 5.6))
        _radar(
            axes,
            np.zeros(2),
            axes_labels,
            [(values, colours[i % len(colours)], label) for i, (label, values) in enumerate(series)],
            maximum,
            9.5,
            ring_labels=True,
        )
        axes.set_xlim(-1.9, 1.9)
        axes.set_ylim(-1.4, 1.4)
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(title)
        if len(series) > 1:
            axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=2 if len(series) > 3 else 1)
        return _png(figure, warning)


def radar_grid(
    axes_labels: Sequence[str],
    items: Sequence[Tuple[str, Sequence[Optional[float]]]],
    title: str,
    columns: int = 3,
    maximum: float = 100.0,
) -> Picture:
    """Small radar charts side by side, one per item: ``items`` is [(label, values)]; the axes are numbered on the
    radars and named in a key below. Returns (png, warning)."""
    import numpy as np

    plt = _pyplot()
    families, warning = font_family(title, *axes_labels, *[label for label, _ in items])
    columns = max(1, min(columns, len(items)))
    rows = max(1, math.ceil(len(items) / columns))
    step = 3.0
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(2.0 * columns, 2.0 * rows + 0.6))
        for index, (label, values) in enumerate(items):
            centre = np.array([(index % columns) * step, -(index // columns) * step])
            _radar(axes, centre, axes_labels, [(values, "#0a7abf", None)], maximum, 8.5, numbered=True)
            axes.text(centre[0], centre[1] + 1.4, _wrapped(label, 24), fontsize=9, ha="center", va="bottom")
        axes.set_xlim(-1.5, (columns - 1) * step + 1.5)
        axes.set_ylim(-(rows - 1) * step - 1.4, 2.0)
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(title)
        key = "   ".join(f"{number} {name}" for number, name in enumerate(axes_labels, start=1))
        axes.text(
            (columns - 1) * step / 2,
            -(rows - 1) * step - 1.45,
            key if needs_cjk(key) else textwrap.fill(key, 70),
            ha="center",
            va="top",
            fontsize=9,
        )
        figure.subplots_adjust(left=0.01, right=0.99, top=0.94, bottom=0.06)
        return _png(figure, warning)


def box_chart(
    panels: Sequence[Tuple[str, Sequence[Sequence[Optional[float]]]]],
    groups: Sequence[str],
    title: str,
    ylabel: str,
    columns: int = 3,
) -> Picture:
    """Box plots in small multiples: ``panels`` is [(panel title, [values per group])], ``groups`` the box labels
    (e.g. districts) shared by every panel. Returns (png, warning)."""
    plt = _pyplot()
    families, warning = font_family(title, ylabel, *groups, *[name for name, _ in panels])
    if len(groups) > 12:
        columns = min(columns, 2)
    columns = min(columns, max(len(panels), 1))
    rows = max(1, math.ceil(len(panels) / columns))
    rotation = 0 if len(groups) <= 2 else (45 if len(groups) <= 6 else 90)
    with plt.rc_context(_rc(families)):
        figure, grid = plt.subplots(
            rows, columns, figsize=(FIGURE_WIDTH + 0.4, 2.4 * rows + 0.6), sharey=True, squeeze=False
        )
        for axes in grid.flat[len(panels) :]:
            axes.set_visible(False)
        for axes, (name, values) in zip(grid.flat, panels):
            shown = [[v for v in group if v is not None and v == v] for group in values]
            axes.boxplot([group if group else [float("nan")] for group in shown], widths=0.6)
            axes.set_xticks(range(1, len(groups) + 1))
            axes.set_xticklabels(
                groups,
                rotation=rotation,
                ha="right" if rotation == 45 else "center",
                rotation_mode="anchor" if rotation == 45 else "default",
                fontsize=9,
            )
            axes.set_title(_wrapped(name, 28), fontsize=9.5)
            axes.set_ylim(-5, 105)
            axes.grid(axis="y", alpha=0.3)
        for axes in grid[:, 0]:
            axes.set_ylabel(ylabel)
        figure.suptitle(title)
        figure.tight_layout()
        return _png(figure, warning)


def histogram(
    values: Iterable[Optional[float]],
    bins: Sequence[float],
    title: str,
    xlabel: str,
    ylabel: str,
    lines: Sequence[Tuple[Optional[float], str, str]] = (),
) -> Picture:
    """A histogram of ``values`` (None and NaN left out) over the bin edges ``bins``, with vertical reference lines
    ``lines`` = [(x, label, colour)]. Returns (png, warning)."""
    plt = _pyplot()
    families, warning = font_family(title, xlabel, ylabel, *[label for _, label, _ in lines])
    shown = [v for v in values if v is not None and v == v]
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, 3.8))
        axes.hist(shown, bins=list(bins), color="#0a7abf", edgecolor="white", linewidth=0.6)
        for x, label, colour in lines:
            if x is not None:
                axes.axvline(x, color=colour, linestyle="--", linewidth=1.4, label=label)
        axes.set_xlim(bins[0], bins[-1])
        axes.yaxis.get_major_locator().set_params(integer=True)  # counts of cities
        axes.set_xlabel(xlabel)
        axes.set_ylabel(ylabel)
        axes.set_title(title)
        axes.grid(axis="y", alpha=0.3)
        if lines:
            axes.legend()
        return _png(figure, warning)


def _scale_length(span: float) -> float:
    """A round length (1, 2 or 5 × 10^n) of at most a fifth of ``span``."""
    target = span / 5.0
    power = 10.0 ** math.floor(math.log10(target))
    return max(step * power for step in (1.0, 2.0, 5.0) if step * power <= target)


def choropleth_map(
    shapes: Sequence[Optional[BaseGeometry]],
    colours: Sequence[str],
    legend: Sequence[LegendEntry],
    title: str,
    labels: Labels = (),
    unit_km: Optional[str] = None,
    small: float = 0.004,
    outline: Optional[Outline] = None,
) -> Picture:
    """Polygons (shapely, projected CRS in metres) each filled with its colour of ``colours``, a legend
    [(label, colour)], ``labels`` [(text, shape)] at the shapes' representative points, the ``outline``
    (shapes, label) of the city or region and a scale bar in km (``unit_km`` is the unit's text). Shapes smaller
    than ``small`` × the map's width also get a dot so that small cities stay visible on a national map. Returns
    (png, warning) carrying the legend."""
    plt = _pyplot()
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch

    legend = list(legend) + ([(outline[1], OUTLINE_STYLE)] if outline and outline[1] else [])
    families, warning = font_family(*_map_texts(title, legend, labels, outline))
    drawn = [(shape, colour) for shape, colour in zip(shapes, colours) if shape is not None and not shape.is_empty]
    with plt.rc_context(_rc(families)):
        figure, axes = plt.subplots(figsize=(FIGURE_WIDTH, 5.8))
        bounds = _bounds([shape for shape, _ in drawn] + list(outline[0] if outline else []))
        if drawn:
            assert bounds is not None  # the drawn shapes have bounds
            span = max(bounds[2] - bounds[0], bounds[3] - bounds[1], 1.0)
            patches, patch_colours, dots, dot_colours = [], [], [], []
            for shape, colour in drawn:
                simple = shape.simplify(span / 2000.0) if len(drawn) > 50 else shape
                path = _polygon_path([simple if not simple.is_empty else shape])
                if path is not None:
                    patches.append(PathPatch(path))
                    patch_colours.append(colour)
                box = shape.bounds
                if max(box[2] - box[0], box[3] - box[1]) < small * span:
                    point = shape.representative_point()
                    dots.append((point.x, point.y))
                    dot_colours.append(colour)
            axes.add_collection(
                PatchCollection(patches, facecolors=patch_colours, edgecolors="#424242", linewidths=0.3)
            )
            if dots:
                axes.scatter(
                    [x for x, _ in dots],
                    [y for _, y in dots],
                    s=12,
                    c=dot_colours,
                    edgecolors="#424242",
                    linewidths=0.3,
                    zorder=3,
                )
            _labels(axes, labels)
        if outline:
            _draw_layer(axes, outline[0], dict(OUTLINE_STYLE, zorder=5))
        recorded = _frame(axes, bounds if drawn else None, title, legend, unit_km)
        return _png(figure, warning, recorded)


_WARMED = False


def warm_up() -> None:
    """Let matplotlib set up its compiled modules on the main thread, once per process. matplotlib >= 3.8 (pybind11,
    Debian 13) crashes QGIS 3.40 when that first happens on a pooled worker thread that ran an earlier task."""
    global _WARMED
    import threading

    if _WARMED or threading.current_thread() is not threading.main_thread():
        return
    _WARMED = True
    try:
        matrix_chart([[0.0, 1.0], [1.0, 0.0]], ["a", "b"], ["c", "d"], "warm-up")  # imshow, text, paths, agg
    except Exception:  # noqa: BLE001 - no matplotlib: the charts say so when they are made
        pass
