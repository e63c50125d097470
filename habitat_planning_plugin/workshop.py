"""Workshop mode: the bundled sample city and sample region as a ready QGIS project (grouped, styled, translated).

Works on any QgsProject without a GUI (tests, scripts); the menu action adds the confirmation and the zoom.
"""

from qgis.core import (
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsLayerTreeGroup,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from .compat import ShaderInterpolationMethod
from .core.text import tr, tr_noop
from .i18n import qgis_locale
from .paths import resource_path

WORKSHOP_PROPERTY = ("habitat", "workshop")
CITY_GROUP = tr_noop("Sample City")
REGION_GROUP = tr_noop("Sample Region")
# (layer in the GeoPackage, translated name, QML in resources/styles), drawn top to bottom.
CITY_LAYERS = [
    ("candidate_sites", tr_noop("Candidate sites"), "workshop_candidate_sites.qml"),
    ("public_spaces", tr_noop("Public spaces"), "workshop_public_spaces.qml"),
    ("streets", tr_noop("Streets"), "workshop_streets.qml"),
    ("districts", tr_noop("Districts"), "workshop_districts.qml"),
    ("urban_extent", tr_noop("Urban extent"), "workshop_urban_extent.qml"),
]
POPULATION_LAYER = tr_noop("Population (100 m grid)")
PREVIOUS_SCORECARD = tr_noop("District scorecard 2024")
BUILT_UP_LAYER = tr_noop("Built-up share (50 m grid)")  # input of Urban extent from built-up data; hidden at first
REGION_LAYERS = [
    ("settlements", tr_noop("Settlements"), "workshop_settlements.qml"),
    ("facilities", tr_noop("Facilities"), "workshop_facilities.qml"),
    ("roads", tr_noop("Roads"), "workshop_roads.qml"),
    # The what-if scenario of habitat:sdfscenario: a new road to the roadless village, a new hospital.
    ("scenario_roads", tr_noop("Scenario: new and upgraded roads"), "workshop_scenario_roads.qml"),
    ("scenario_facilities", tr_noop("Scenario: new facilities"), "workshop_scenario_facilities.qml"),
]
POPULATION_COLOURS = ["#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026"]


def sample_path(*parts) -> str:
    return resource_path("sample_data", *parts)


def load_workshop(project) -> dict:
    """Add the sample city and region to ``project`` (which the caller has cleared if it wanted to); returns the
    layers by their GeoPackage names, plus "population"."""
    layers = {}
    root = project.layerTreeRoot()
    city = root.insertGroup(0, tr(CITY_GROUP))
    for name, label, qml in CITY_LAYERS:
        layers[name] = _add_vector(project, city, sample_path("sample_city.gpkg"), name, tr(label), qml)
    population = QgsRasterLayer(sample_path("sample_city_population.tif"), tr(POPULATION_LAYER), "gdal")
    _style_population(population)
    project.addMapLayer(population, False)
    city.addLayer(population)
    layers["population"] = population
    built_up = QgsRasterLayer(sample_path("sample_city_builtup.tif"), tr(BUILT_UP_LAYER), "gdal")
    _style_built_up(built_up)
    project.addMapLayer(built_up, False)
    city.addLayer(built_up).setItemVisibilityChecked(False)
    layers["built_up"] = built_up
    # The district scorecard of 2024 (a table): the earlier run a scorecard of this year is tracked against.
    # Its districts by name in the plugin's language, as the district name field the dialogs choose (name_zh).
    chinese = qgis_locale().startswith("zh")
    previous = QgsVectorLayer(
        sample_path("district_scorecard_2024_zh.csv" if chinese else "district_scorecard_2024.csv"),
        tr(PREVIOUS_SCORECARD),
        "ogr",
    )
    project.addMapLayer(previous, False)
    city.addLayer(previous)
    layers["previous_scorecard"] = previous
    region = root.insertGroup(1, tr(REGION_GROUP))
    for name, label, qml in REGION_LAYERS:
        layers[name] = _add_vector(project, region, sample_path("sample_region.gpkg"), name, tr(label), qml)
    region.setExpanded(False)
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:32650"))  # the sample city's UTM zone
    project.writeEntry(*WORKSHOP_PROPERTY, "1")
    if not project.title():
        project.setTitle(tr("Habitat Planning workshop"))
    return layers


def is_workshop(project) -> bool:
    return project.readEntry(*WORKSHOP_PROPERTY, "0")[0] == "1"


def _add_vector(project, group: QgsLayerTreeGroup, path, layer_name, label, qml):
    layer = QgsVectorLayer(f"{path}|layername={layer_name}", label, "ogr")
    if qml:
        layer.loadNamedStyle(resource_path("styles", qml))
    layer.setName(label)  # a QML may carry a name of its own
    project.addMapLayer(layer, False)
    group.addLayer(layer)
    return layer


def _style_population(layer):
    """Band 1 (total people per cell) in five yellow-to-red steps over its range; half transparent."""
    statistics = layer.dataProvider().bandStatistics(1)
    low, high = statistics.minimumValue, statistics.maximumValue
    step = (high - low) / (len(POPULATION_COLOURS) - 1) if high > low else 1.0
    ramp = QgsColorRampShader(low, high)
    ramp.setColorRampType(ShaderInterpolationMethod.Linear)
    ramp.setColorRampItemList(
        [
            QgsColorRampShader.ColorRampItem(low + i * step, QColor(colour), f"{low + i * step:,.0f}")
            for i, colour in enumerate(POPULATION_COLOURS)
        ]
    )
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))
    layer.renderer().setOpacity(0.6)


def _style_built_up(layer):
    """Built-up share 0-1 from white to dark grey, so it reads as built-up land under the other layers."""
    ramp = QgsColorRampShader(0.0, 1.0)
    ramp.setColorRampType(ShaderInterpolationMethod.Linear)
    ramp.setColorRampItemList(
        [
            QgsColorRampShader.ColorRampItem(0.0, QColor("#ffffff"), "0 %"),
            QgsColorRampShader.ColorRampItem(0.5, QColor("#9e9e9e"), "50 %"),
            QgsColorRampShader.ColorRampItem(1.0, QColor("#212121"), "100 %"),
        ]
    )
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))
