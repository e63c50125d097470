#!/usr/bin/env python3
"""Write the bundled QML styles in resources/styles/ with PyQGIS (run with .venv/bin/python; output committed).

Legend labels here are placeholders: the algorithms set translated labels with the real distances on load.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"
# Walking-distance bands (see core.public_space.access.distance_band): dark green near, red beyond.
BANDS = [
    (1, "#1a9641", 1.2),
    (2, "#77c35c", 1.0),
    (3, "#c4e687", 0.8),
    (4, "#fec981", 0.7),
    (5, "#f07c4a", 0.5),
    (6, "#9e9e9e", 0.4),
]


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    network = QgsVectorLayer("LineString?crs=EPSG:32650&field=band:integer", "network", "memory")
    categories = [
        QgsRendererCategory(
            value, QgsLineSymbol.createSimple({"line_color": color, "line_width": str(width)}), str(value)
        )
        for value, color, width in BANDS
    ]
    network.setRenderer(QgsCategorizedSymbolRenderer("band", categories))
    network.saveNamedStyle(str(STYLES / "access_network.qml"))

    area = QgsVectorLayer("MultiPolygon?crs=EPSG:32650", "area", "memory")
    area.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple({"color": "77,175,74,90", "outline_color": "#2e7d32", "outline_width": "0.4"})
        )
    )
    area.saveNamedStyle(str(STYLES / "access_service_area.qml"))
    streets = QgsVectorLayer("MultiPolygon?crs=EPSG:32650", "streets", "memory")
    streets.setRenderer(
        QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "120,120,120,170", "outline_style": "no"}))
    )
    streets.saveNamedStyle(str(STYLES / "street_area.qml"))
    inventory = QgsVectorLayer("MultiPolygon?crs=EPSG:32650&field=category:string", "inventory", "memory")
    kinds = [
        ("park", "#2e7d32"),
        ("civic_park", "#66bb6a"),
        ("square", "#f9a825"),
        ("recreational_green", "#9ccc65"),
        ("public_facility", "#29b6f6"),
        ("not_counted", "#bdbdbd"),
    ]
    inventory.setRenderer(
        QgsCategorizedSymbolRenderer(
            "category",
            [
                QgsRendererCategory(
                    code,
                    QgsFillSymbol.createSimple({"color": color, "outline_color": "#424242", "outline_width": "0.3"}),
                    code,
                )
                for code, color in kinds
            ],
        )
    )
    inventory.saveNamedStyle(str(STYLES / "public_space_inventory.qml"))
    levels = [
        (1, "#4a148c", "5.0"),
        (2, "#8e24aa", "3.4"),
        (3, "#ce93d8", "2.2"),
        (4, "#e1bee7", "1.8"),
        (5, "#f3e5f5", "1.6"),
        (6, "#f3e5f5", "1.4"),
        (7, "#f3e5f5", "1.2"),
    ]
    points = QgsVectorLayer("Point?crs=EPSG:32650&field=level:integer", "levels", "memory")
    points.setRenderer(
        QgsCategorizedSymbolRenderer(
            "level",
            [
                QgsRendererCategory(
                    level,
                    QgsMarkerSymbol.createSimple({"color": color, "size": size, "outline_color": "#212121"}),
                    str(level),
                )
                for level, color, size in levels
            ],
        )
    )
    points.saveNamedStyle(str(STYLES / "sdf_hierarchy_points.qml"))
    sectors = QgsVectorLayer("MultiPolygon?crs=EPSG:32650&field=level:integer", "levels", "memory")
    sectors.setRenderer(
        QgsCategorizedSymbolRenderer(
            "level",
            [
                QgsRendererCategory(
                    level, QgsFillSymbol.createSimple({"color": color, "outline_color": "#616161"}), str(level)
                )
                for level, color, _ in levels
            ],
        )
    )
    sectors.saveNamedStyle(str(STYLES / "sdf_hierarchy_polygons.qml"))
    reds = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]
    for geometry, name, symbol in (
        (
            "Point",
            "points",
            lambda c: QgsMarkerSymbol.createSimple({"color": c, "size": "3.2", "outline_color": "#424242"}),
        ),
        ("MultiPolygon", "polygons", lambda c: QgsFillSymbol.createSimple({"color": c, "outline_color": "#616161"})),
    ):
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:32650&field=priority:double", "priority", "memory")
        ranges = [
            QgsRendererRange(20 * k, 20 * (k + 1), symbol(color), f"{20 * k}–{20 * (k + 1)}")
            for k, color in enumerate(reds)
        ]
        layer.setRenderer(QgsGraduatedSymbolRenderer("priority", ranges))
        layer.saveNamedStyle(str(STYLES / f"sdf_priority_{name}.qml"))
        del layer
    # Isochrone bands and influence zones: classes built from the data on load (processing/styles.py).
    # Quality index 0-100 red to green; spaces without an index (not surveyed or a dimension unanswered) grey.
    # The "no index" rule label is replaced by its translation on load (StyleOnLoad).
    quality = QgsVectorLayer("MultiPolygon?crs=EPSG:32650&field=quality_index:double", "quality", "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for low, high, color in (
        (0, 20, "#d7191c"),
        (20, 40, "#fdae61"),
        (40, 60, "#ffffbf"),
        (60, 80, "#a6d96a"),
        (80, 100.001, "#1a9641"),
    ):
        rule = QgsRuleBasedRenderer.Rule(
            QgsFillSymbol.createSimple({"color": color, "outline_color": "#424242", "outline_width": "0.3"}),
            filterExp=f'"quality_index" >= {low} AND "quality_index" < {high}',
            label=f"{low}–{min(high, 100):g}",
        )
        root.appendChild(rule)
    root.appendChild(
        QgsRuleBasedRenderer.Rule(
            QgsFillSymbol.createSimple({"color": "224,224,224,200", "outline_color": "#9e9e9e", "style": "b_diagonal"}),
            filterExp='"quality_index" IS NULL',
            label="no_index",
        )
    )
    quality.setRenderer(QgsRuleBasedRenderer(root))
    quality.saveNamedStyle(str(STYLES / "public_space_quality.qml"))
    # Workshop mode: the raw sample layers, plain and readable under any analysis result.
    workshop = [
        (
            "workshop_public_spaces",
            "MultiPolygon",
            QgsFillSymbol.createSimple(
                {"color": "102,187,106,200", "outline_color": "#1b5e20", "outline_width": "0.3"}
            ),
        ),
        ("workshop_streets", "LineString", QgsLineSymbol.createSimple({"line_color": "#757575", "line_width": "0.3"})),
        (
            "workshop_districts",
            "MultiPolygon",
            QgsFillSymbol.createSimple(
                {"color": "0,0,0,0", "outline_color": "#5d4037", "outline_width": "0.6", "outline_style": "dash"}
            ),
        ),
        (
            "workshop_urban_extent",
            "MultiPolygon",
            QgsFillSymbol.createSimple(
                {"color": "255,248,225,160", "outline_color": "#bf360c", "outline_width": "0.8"}
            ),
        ),
        (
            "workshop_settlements",
            "Point",
            QgsMarkerSymbol.createSimple({"color": "#6a1b9a", "size": "2.6", "outline_color": "#ffffff"}),
        ),
        (
            "workshop_facilities",
            "Point",
            QgsMarkerSymbol.createSimple({"color": "#ef6c00", "size": "1.2", "name": "square", "outline_style": "no"}),
        ),
        ("workshop_roads", "LineString", QgsLineSymbol.createSimple({"line_color": "#424242", "line_width": "0.5"})),
        (  # the scenario's new and upgraded roads: red, over the grey roads
            "workshop_scenario_roads",
            "LineString",
            QgsLineSymbol.createSimple({"line_color": "#d7301f", "line_width": "1.2", "line_style": "dash"}),
        ),
        (
            "workshop_scenario_facilities",
            "Point",
            QgsMarkerSymbol.createSimple(
                {"color": "#d7301f", "size": "3.2", "name": "star", "outline_color": "#ffffff"}
            ),
        ),
        (
            "workshop_candidate_sites",
            "MultiPolygon",
            QgsFillSymbol.createSimple(
                {"color": "33,150,243,60", "outline_color": "#1565c0", "outline_width": "0.5", "outline_style": "dash"}
            ),
        ),
    ]
    for name, geometry, symbol in workshop:
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:32650", name, "memory")
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        layer.saveNamedStyle(str(STYLES / f"{name}.qml"))
        del layer
    del network, area, streets, inventory, points, sectors, quality
    app.exitQgis()
    print(
        f"wrote {STYLES}/access_network.qml, access_service_area.qml, street_area.qml, public_space_inventory.qml, "
        "public_space_quality.qml, sdf_*.qml, workshop_*.qml"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
