"""Result layers load into the project styled, with translated names and legend labels (as in the QGIS GUI)."""

from qgis.core import QgsProject

from test.conftest import SAMPLE_POPULATION, layer_path

COUNTED = (
    '|subset="access" = \'public\' AND "fee" = \'no\' AND "ps_type" IN '
    "('park','civic park','square','recreational green area','public facility open area')"
)


def run_and_load(parameters):
    from qgis import processing

    return processing.runAndLoadResults("habitat:publicspaceaccess", parameters)


def loaded(name):
    layers = QgsProject.instance().mapLayersByName(name)
    assert layers, f"no layer named {name!r}: {[layer.name() for layer in QgsProject.instance().mapLayers().values()]}"
    return layers[0]


PARAMETERS = {
    "STREETS": layer_path("streets"),
    "PUBLIC_SPACES": layer_path("public_spaces") + COUNTED,
    "POPULATION_RASTER": str(SAMPLE_POPULATION),
    "OUTPUT_NETWORK": "TEMPORARY_OUTPUT",
    "OUTPUT_SERVICE_AREA": "TEMPORARY_OUTPUT",
    "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
}


def test_access_layers_load_styled_with_distance_bands(habitat_provider, qgis_new_project):
    run_and_load(PARAMETERS)
    network = loaded("Walking distance to public space")
    renderer = network.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "band"
    labels = [category.label() for category in renderer.categories()]
    assert labels == ["0–100 m", "100–200 m", "200–300 m", "300–400 m", "400–800 m", "more than 800 m or not reached"]
    assert loaded("Walking service area").renderer().type() == "singleSymbol"
    assert loaded("Access to public space by district").featureCount() == 2 * 6  # city x 6 groups x 2 methods


def test_layer_names_and_legend_in_chinese(habitat_provider, qgis_new_project, locale):
    locale("zh_CN")
    run_and_load({**PARAMETERS, "MAX_DISTANCE": 500})
    network = loaded("到公共空间的步行距离")
    labels = [category.label() for category in network.renderer().categories()]
    assert labels[0] == "0–125 米" and labels[-1] == "超过 1000 米或无法到达"
    loaded("步行服务范围")


def test_legend_shows_translated_labels_without_a_refresh(habitat_provider, qgis_new_project, locale):
    """As in QGIS's Layers panel (a layer tree model already open): the legend shows the translated class labels
    as soon as the layer is loaded, not the raw codes of the bundled style until the user refreshes it."""
    from qgis.core import QgsLayerTreeModel
    from qgis.PyQt.QtCore import Qt

    locale("zh_CN")
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    run_and_load(PARAMETERS)
    network = loaded("到公共空间的步行距离")
    node = QgsProject.instance().layerTreeRoot().findLayer(network.id())
    shown = [legend.data(Qt.ItemDataRole.DisplayRole) for legend in model.layerLegendNodes(node)]
    assert shown == [category.label() for category in network.renderer().categories()]
    assert shown[0] == "0–100 米" and not any(label.isdigit() for label in shown)
    # the population points share the bands (only those present), instead of one plain colour
    from habitat_planning_plugin.processing.outputs import STYLE_PROPERTY

    points = [layer for layer in QgsProject.instance().mapLayers().values() if layer.customProperty(STYLE_PROPERTY)]
    assert all(layer.renderer().type() != "singleSymbol" or layer.geometryType() == 2 for layer in points)
