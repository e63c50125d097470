"""Charts and map images as PNG bytes (matplotlib, Agg), with a real CJK font for Chinese text."""

import io
import math
import warnings

from ..text import tr, tr_noop

# Simplified Chinese first, then any CJK family: QGIS installs on Windows, macOS and Linux ship different ones.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans SC", "Noto Sans CJK JP", "Noto Sans CJK TC")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def cjk_family():
    """Name of an installed font family with Chinese glyphs, or None."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    return next((name for name in sorted(installed) if "CJK" in name or "Hei" in name), None)


def needs_cjk(*texts) -> bool:
    return any(any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in str(text)) for text in texts)


def font_family(*texts):
    """(family list for matplotlib, warning or None): a CJK family when the texts hold Chinese."""
    if not needs_cjk(*texts):
        return ["DejaVu Sans"], None
    family = cjk_family()
    if family is None:
        return ["DejaVu Sans"], tr("No font with Chinese characters is installed; chart text may show as boxes. "
                                   "Install a CJK font (for example Noto Sans CJK).")
    return [family, "DejaVu Sans"], None


MISSING_GLYPHS = tr_noop("Some characters are missing from the chart font and show as boxes. Install a font "
                         "with these characters (for example Noto Sans CJK).")


def _png(figure, warning=None):
    """(PNG bytes, warning): a missing glyph is reported, never drawn silently as a box, never fatal."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    _pyplot().close(figure)
    if any("missing from current font" in str(item.message) for item in caught):
        warning = warning or tr(MISSING_GLYPHS)
    return buffer.getvalue(), warning


def bar_chart(categories, series, title, ylabel, benchmark=None, benchmark_label=None):
    """Grouped bars: ``series`` is [(label, values)], one value per category. Returns (png bytes, warning)."""
    plt = _pyplot()
    texts = [title, ylabel, benchmark_label or ""] + list(categories) + [label for label, _ in series]
    families, warning = font_family(*texts)
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(max(6.0, 0.9 * len(categories) + 2), 4.2))
        width = 0.8 / max(len(series), 1)
        for index, (label, values) in enumerate(series):
            positions = [i + (index - (len(series) - 1) / 2) * width for i in range(len(categories))]
            axes.bar(positions, [v if v is not None else 0 for v in values], width, label=label)
        if benchmark is not None:
            axes.axhline(benchmark, color="#c62828", linestyle="--", linewidth=1.2, label=benchmark_label)
        axes.set_xticks(range(len(categories)))
        axes.set_xticklabels(categories, rotation=30 if len(categories) > 4 else 0, ha="right")
        axes.set_ylabel(ylabel)
        axes.set_title(title)
        axes.grid(axis="y", alpha=0.3)
        if len(series) > 1 or benchmark is not None:
            axes.legend(fontsize="small")
        return _png(figure, warning)


def map_image(layers, title):
    """A simple map: ``layers`` is [(shapely geometries, style dict)], drawn in order. Returns (png, warning)."""
    plt = _pyplot()
    families, warning = font_family(title)
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(7.5, 6.0))
        for shapes, style in layers:
            for shape in shapes:
                _draw(axes, shape, style)
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(title)
        return _png(figure, warning)


def _draw(axes, shape, style):
    if shape is None or shape.is_empty:
        return
    kind = shape.geom_type
    if kind in ("MultiPolygon", "MultiLineString", "GeometryCollection", "MultiPoint"):
        for part in shape.geoms:
            _draw(axes, part, style)
    elif kind == "Polygon":
        x, y = shape.exterior.xy
        axes.fill(x, y, facecolor=style.get("fill", "none"), edgecolor=style.get("edge", "none"),
                  linewidth=style.get("width", 0.5), alpha=style.get("alpha", 1.0))
    elif kind == "LineString":
        x, y = shape.xy
        axes.plot(x, y, color=style.get("edge", "#555555"), linewidth=style.get("width", 0.6),
                  alpha=style.get("alpha", 1.0))


def segment_map(segments, colors, polygons, title, legend=()):
    """Street segments ((n, 2, 2) array) coloured one by one over polygons; ``legend`` is [(label, colour)]."""
    plt = _pyplot()
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    families, warning = font_family(title, *[label for label, _ in legend])
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(7.5, 6.0))
        for shape, style in polygons:
            _draw(axes, shape, style)
        axes.add_collection(LineCollection(segments, colors=colors, linewidths=0.7))
        axes.autoscale()
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(title)
        if legend:
            axes.legend([Line2D([0], [0], color=color, lw=2) for _, color in legend], [label for label, _ in legend],
                        fontsize="small", loc="lower right")
        return _png(figure, warning)


def matrix_chart(matrix, row_labels, column_labels, title):
    """A presence matrix (rows x columns of 0/1) as filled cells, e.g. a scalogram. Returns (png, warning)."""
    plt = _pyplot()
    families, warning = font_family(title, *row_labels, *column_labels)
    rows, columns = len(row_labels), len(column_labels)
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(max(5.0, 0.35 * columns + 2.5), max(3.0, 0.25 * rows + 1.5)))
        axes.imshow(matrix, cmap="Purples", vmin=0, vmax=1.6, aspect="auto", interpolation="nearest")
        axes.set_xticks(range(columns))
        axes.set_xticklabels(column_labels, rotation=60, ha="right", fontsize="small")
        axes.set_yticks(range(rows))
        axes.set_yticklabels(row_labels, fontsize="x-small" if rows > 30 else "small")
        axes.set_title(title)
        return _png(figure, warning)


def _radar(axes, centre, axes_labels, series, maximum, label_size, ring_labels=False):
    """One radar drawn as polygons on plain axes (matplotlib's polar axes take seconds to lay out when there are
    several): rings at 25/50/75/100 %, a spoke and a label per axis, then each (values, colour) of ``series``."""
    import numpy as np

    angles = np.pi / 2 - np.linspace(0, 2 * np.pi, len(axes_labels), endpoint=False)  # clockwise from the top
    unit = np.column_stack([np.cos(angles), np.sin(angles)])
    for ring in (0.25, 0.5, 0.75, 1.0):
        outline = centre + ring * np.vstack([unit, unit[:1]])
        axes.plot(outline[:, 0], outline[:, 1], color="#bdbdbd", linewidth=0.4)
        if ring_labels:
            axes.text(centre[0] + 0.02, centre[1] + ring, f"{ring * maximum:g}", fontsize=6, color="#757575")
    for direction, name in zip(unit, axes_labels):
        axes.plot([centre[0], centre[0] + direction[0]], [centre[1], centre[1] + direction[1]], color="#bdbdbd",
                  linewidth=0.4)
        axes.text(*(centre + 1.18 * direction), name, fontsize=label_size, ha="center", va="center", color="#424242")
    for values, colour, label in series:
        radius = np.array([0.0 if v is None or v != v else min(max(v / maximum, 0.0), 1.0) for v in values])
        shape = centre + radius[:, None] * unit
        axes.fill(shape[:, 0], shape[:, 1], color=colour, alpha=0.2, linewidth=0)
        closed = np.vstack([shape, shape[:1]])
        axes.plot(closed[:, 0], closed[:, 1], color=colour, linewidth=1.3, label=label)


def radar_chart(axes_labels, series, title, maximum=100.0):
    """A radar (spider) chart: ``series`` is [(label, values)], one value per axis. Returns (png, warning)."""
    import numpy as np

    plt = _pyplot()
    families, warning = font_family(title, *axes_labels, *[label for label, _ in series])
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(7.0, 6.5))
        _radar(axes, np.zeros(2), axes_labels, [(values, colours[i % len(colours)], label)
                                                for i, (label, values) in enumerate(series)], maximum, 8,
               ring_labels=True)
        axes.set_xlim(-1.6, 1.6)
        axes.set_ylim(-1.4, 1.4)
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(title)
        if len(series) > 1:
            axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), fontsize="small", ncol=1)
        return _png(figure, warning)


def radar_grid(axes_labels, items, title, columns=4, maximum=100.0):
    """Small radar charts side by side, one per item: ``items`` is [(label, values)]. Returns (png, warning)."""
    import numpy as np

    plt = _pyplot()
    families, warning = font_family(title, *axes_labels, *[label for label, _ in items])
    rows = max(1, math.ceil(len(items) / columns))
    step = 3.0
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(2.5 * columns, 2.5 * rows + 0.5))
        for index, (label, values) in enumerate(items):
            centre = np.array([(index % columns) * step, -(index // columns) * step])
            _radar(axes, centre, axes_labels, [(values, "#0a7abf", None)], maximum, 5.5)
            axes.text(centre[0], centre[1] + 1.42, label, fontsize="small", ha="center", va="bottom")
        axes.set_xlim(-1.5, (columns - 1) * step + 1.5)
        axes.set_ylim(-(rows - 1) * step - 1.4, 1.8)
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(title)
        return _png(figure, warning)


def box_chart(panels, groups, title, ylabel, columns=4):
    """Box plots in small multiples: ``panels`` is [(panel title, [values per group])], ``groups`` the box labels
    (e.g. districts) shared by every panel. Returns (png, warning)."""
    plt = _pyplot()
    families, warning = font_family(title, ylabel, *groups, *[name for name, _ in panels])
    columns = min(columns, max(len(panels), 1))
    rows = max(1, math.ceil(len(panels) / columns))
    with plt.rc_context({"font.family": families}):
        figure, grid = plt.subplots(rows, columns, figsize=(3.4 * columns, 3.0 * rows + 0.8), sharey=True,
                                    squeeze=False)
        for axes in grid.flat[len(panels):]:
            axes.set_visible(False)
        for axes, (name, values) in zip(grid.flat, panels):
            shown = [[v for v in group if v is not None and v == v] for group in values]
            axes.boxplot([group if group else [float("nan")] for group in shown], widths=0.6)
            axes.set_xticks(range(1, len(groups) + 1))
            axes.set_xticklabels(groups, rotation=45, ha="right", fontsize="x-small")
            axes.set_title(name, fontsize="small")
            axes.set_ylim(-5, 105)
            axes.grid(axis="y", alpha=0.3)
        for axes in grid[:, 0]:
            axes.set_ylabel(ylabel)
        figure.suptitle(title)
        figure.tight_layout()
        return _png(figure, warning)


def histogram(values, bins, title, xlabel, ylabel, lines=()):
    """A histogram of ``values`` (None and NaN left out) over the bin edges ``bins``, with vertical reference lines
    ``lines`` = [(x, label, colour)]. Returns (png, warning)."""
    plt = _pyplot()
    families, warning = font_family(title, xlabel, ylabel, *[label for _, label, _ in lines])
    shown = [v for v in values if v is not None and v == v]
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(7.0, 4.2))
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
            axes.legend(fontsize="small")
        return _png(figure, warning)


def _scale_length(span: float) -> float:
    """A round length (1, 2 or 5 × 10^n) of at most a fifth of ``span``."""
    target = span / 5.0
    power = 10.0 ** math.floor(math.log10(target))
    return max(step * power for step in (1.0, 2.0, 5.0) if step * power <= target)


def choropleth_map(shapes, colours, legend, title, labels=(), unit_km="km", small=0.004):
    """Polygons (shapely, projected CRS in metres) each filled with its colour of ``colours``, a legend
    [(label, colour)], ``labels`` [(text, shape)] at the shapes' representative points and a scale bar in km
    (``unit_km`` is the unit's text). Shapes smaller than ``small`` × the map's width also get a dot so that small
    cities stay visible on a national map. Returns (png, warning)."""
    plt = _pyplot()
    import matplotlib.patheffects as effects
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Patch, PathPatch
    from matplotlib.path import Path
    from shapely.geometry.polygon import orient

    families, warning = font_family(title, *[label for label, _ in legend], *[text for text, _ in labels])
    drawn = [(shape, colour) for shape, colour in zip(shapes, colours) if shape is not None and not shape.is_empty]
    with plt.rc_context({"font.family": families}):
        figure, axes = plt.subplots(figsize=(7.5, 6.5))
        if drawn:
            bounds = [shape.bounds for shape, _ in drawn]
            xmin, ymin = min(b[0] for b in bounds), min(b[1] for b in bounds)
            xmax, ymax = max(b[2] for b in bounds), max(b[3] for b in bounds)
            span = max(xmax - xmin, ymax - ymin, 1.0)
            patches, patch_colours, dots, dot_colours = [], [], [], []
            for shape, colour in drawn:
                simple = shape.simplify(span / 2000.0) if len(drawn) > 50 else shape
                if simple.is_empty:
                    simple = shape
                for part in getattr(simple, "geoms", [simple]):
                    if part.geom_type != "Polygon" or part.is_empty:
                        continue
                    part = orient(part)  # exterior anticlockwise, holes clockwise: holes stay open
                    rings = [part.exterior] + list(part.interiors)
                    path = Path.make_compound_path(*[Path(list(ring.coords), closed=True) for ring in rings])
                    patches.append(PathPatch(path))
                    patch_colours.append(colour)
                box = shape.bounds
                if max(box[2] - box[0], box[3] - box[1]) < small * span:
                    point = shape.representative_point()
                    dots.append((point.x, point.y))
                    dot_colours.append(colour)
            axes.add_collection(PatchCollection(patches, facecolors=patch_colours, edgecolors="#424242",
                                                linewidths=0.3))
            if dots:
                axes.scatter([x for x, _ in dots], [y for _, y in dots], s=12, c=dot_colours, edgecolors="#424242",
                             linewidths=0.3, zorder=3)
            halo = [effects.withStroke(linewidth=2.5, foreground="white")]
            for text, shape in labels:
                if shape is None or shape.is_empty:
                    continue
                point = shape.representative_point()
                axes.annotate(text, (point.x, point.y), xytext=(4, 4), textcoords="offset points", fontsize=7.5,
                              color="#212121", path_effects=halo, zorder=4)
            margin = 0.04 * span
            axes.set_xlim(xmin - margin, xmax + margin)
            axes.set_ylim(ymin - margin, ymax + margin)
            length = _scale_length(xmax - xmin + 2 * margin)
            x0, y0 = xmin, ymin - 0.5 * margin
            axes.plot([x0, x0 + length], [y0, y0], color="#212121", linewidth=3, solid_capstyle="butt", zorder=5)
            axes.text(x0 + length / 2, y0 + 0.15 * margin, f"{length / 1000.0:g} {unit_km}", ha="center",
                      va="bottom", fontsize=8, path_effects=halo, zorder=5)
        axes.set_aspect("equal")
        axes.set_axis_off()
        axes.set_title(title)
        if legend:
            axes.legend(handles=[Patch(facecolor=colour, edgecolor="#424242", label=label) for label, colour in legend],
                        fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        return _png(figure, warning)
