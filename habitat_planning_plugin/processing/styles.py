"""Styles for result layers that are built from the data when QGIS loads the layer (no bundled QML fits them):
classes from the values present, legends with translated labels and units.

An algorithm describes the style (a small value object, picklable and thread-free) and ``StyleOnLoad`` builds
the renderer on the main thread once the layer exists.
"""

from dataclasses import dataclass, field

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRendererRange,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ..compat import GeometryType

# ColorBrewer sequences (colour-blind safe): low to high.
GREENS = ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c")
BLUES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
REDS = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
# Near (green) to far (red): travel times, walking distances.
NEAR_FAR = ("#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c")
# Walking-distance bands 1-6 (core.public_space.access.distance_band), as resources/styles/access_network.qml.
BAND_COLOURS = ("#1a9641", "#77c35c", "#c4e687", "#fec981", "#f07c4a", "#9e9e9e")
# Distinct hues for categories without an order (influence zones of centres).
QUALITATIVE = (
    "#1f78b4",
    "#33a02c",
    "#e31a1c",
    "#ff7f00",
    "#6a3d9a",
    "#b15928",
    "#a6cee3",
    "#b2df8a",
    "#fb9a99",
    "#fdbf6f",
    "#cab2d6",
    "#ffff99",
)


@dataclass
class Graduated:
    """Classes of a numeric field: equal-count (quantile) breaks of the values present, labelled with the unit."""

    field: str
    colours: tuple = GREENS
    unit: str = ""  # translated, e.g. "min", "%"
    decimals: int = 1
    opacity: float = 1.0  # below 1: the layers under it stay readable (areas over the city)
    outline: str = ""  # a strong outline colour for few, small features that must stand out (chosen sites)
    label: str = ""  # a field whose value is written on each feature (the order of the chosen sites)


@dataclass
class Categories:
    """One class per value present: {value: (translated label, colour)}; values absent from the data get none."""

    field: str
    classes: dict = field(default_factory=dict)


@dataclass
class DistinctColours:
    """One class per value present, each its own colour, labelled with the value itself (e.g. a centre's name)."""

    field: str


def symbol_for(layer, colour: str):
    kind = QgsWkbTypes.geometryType(layer.wkbType())
    if kind == GeometryType.Point:
        return QgsMarkerSymbol.createSimple(
            {"color": colour, "size": "2.4", "outline_color": "#424242", "outline_width": "0.2"}
        )
    if kind == GeometryType.Line:
        return QgsLineSymbol.createSimple({"line_color": colour, "line_width": "0.6"})
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#616161", "outline_width": "0.2"})


def build_renderer(layer, spec):
    """The renderer ``spec`` describes, for the values ``layer`` holds; None when the layer has no such field."""
    index = layer.fields().indexOf(spec.field)
    if index < 0:
        return None
    if isinstance(spec, Graduated):
        return _graduated(layer, index, spec)
    values = sorted(
        (value for value in layer.uniqueValues(index) if value is not None and value == value),
        key=lambda value: (str(type(value)), value),
    )
    if isinstance(spec, Categories):
        wanted = {str(key): item for key, item in spec.classes.items()}
        categories = [
            QgsRendererCategory(value, symbol_for(layer, wanted[str(value)][1]), wanted[str(value)][0])
            for value in values
            if str(value) in wanted
        ]
    else:
        categories = [
            QgsRendererCategory(value, symbol_for(layer, QUALITATIVE[number % len(QUALITATIVE)]), str(value))
            for number, value in enumerate(values)
        ]
        for category in categories:  # influence zones and the like: see the layers under them
            category.symbol().setOpacity(0.55)
    return QgsCategorizedSymbolRenderer(spec.field, categories)


def _graduated(layer, index, spec):
    values = sorted(
        float(feature.attributes()[index]) for feature in layer.getFeatures() if _number(feature.attributes()[index])
    )
    if not values:
        return None
    count = min(len(spec.colours), len(set(values)))
    breaks = (
        [values[0]]
        + [values[min(len(values) - 1, round(len(values) * k / count))] for k in range(1, count)]
        + [values[-1]]
    )
    breaks = sorted(set(breaks))
    if len(breaks) == 1:
        breaks = [breaks[0], breaks[0]]
    step = max(1, (len(spec.colours) - 1) // max(1, len(breaks) - 2)) if len(breaks) > 2 else 1
    ranges = []
    for number, (low, high) in enumerate(zip(breaks, breaks[1:])):
        colour = spec.colours[min(number * step, len(spec.colours) - 1)]
        label = f"{low:.{spec.decimals}f}–{high:.{spec.decimals}f}" + (f" {spec.unit}" if spec.unit else "")
        ranges.append(QgsRendererRange(low, high, symbol_for(layer, colour), label))
    for item in ranges:
        symbol = item.symbol()
        symbol.setOpacity(spec.opacity)
        if spec.outline and QgsWkbTypes.geometryType(layer.wkbType()) == GeometryType.Polygon:
            symbol.symbolLayer(0).setStrokeColor(QColor(spec.outline))
            symbol.symbolLayer(0).setStrokeWidth(0.8)
    return QgsGraduatedSymbolRenderer(spec.field, ranges)


def label_layer(layer, field: str) -> None:
    """Write ``field`` on each feature, dark on a white halo (readable over any colour)."""
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling

    if not field or layer.fields().indexOf(field) < 0:
        return
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    text = QgsTextFormat()
    text.setSize(10)
    text.setColor(QColor("#0d47a1"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(1.0)
    halo.setColor(QColor("white"))
    text.setBuffer(halo)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _number(value) -> bool:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return number == number and abs(number) != float("inf")


def keep_present_categories(layer, renderer) -> None:
    """Drop the categories of a bundled categorized style whose value the layer does not hold (7 levels in the
    style, 3 in the data: a legend of 3)."""
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    index = layer.fields().indexOf(renderer.classAttribute())
    if index < 0:
        return
    present = {str(value) for value in layer.uniqueValues(index)}
    for number in reversed(range(len(renderer.categories()))):
        if str(renderer.categories()[number].value()) not in present:
            renderer.deleteCategory(number)
