"""The menu's non-guided entries open Processing's dialog on the right layers and fields, or empty: never the
project's first layer of a fitting geometry (roads as streets, districts as public spaces) nor ``fid`` as the type
field. Names in the user's language first."""

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from test.conftest import SAMPLE_GPKG


@pytest.fixture
def processing_dialogs(qgis_iface, qgis_processing, habitat_provider):
    """Processing's own dialogs need the browser model QGIS's main window gives them."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    qgis_iface.browserModel = lambda: model
    yield
    QgsProject.instance().clear()


def dialog_values(algorithm_id):
    from habitat_planning_plugin.gui.menu import algorithm_dialog

    dialog = algorithm_dialog(algorithm_id)
    values = {}
    for name, wrapper in dialog.mainWidget().wrappers.items():
        value = wrapper.parameterValue()
        layer = QgsProject.instance().mapLayer(value) if isinstance(value, str) else None
        values[name] = layer.source().split("layername=")[-1] if layer is not None else value
    dialog.deleteLater()
    return values


def load_workshop_project():
    from habitat_planning_plugin.workshop import load_workshop

    project = QgsProject.instance()
    project.clear()
    load_workshop(project)


def test_workshop_layers_and_fields_by_name(processing_dialogs):
    load_workshop_project()
    access = dialog_values("habitat:publicspaceaccess")
    # The roads (a line layer listed before the streets) are not taken for streets; the districts not for spaces.
    assert access["STREETS"] == "streets" and access["PUBLIC_SPACES"] == "public_spaces"
    assert access["DISTRICTS"] == "districts" and access["DISTRICT_NAME_FIELD"] == "name"
    assert access["ROAD_CLASS_FIELD"] == "road_class" and access["BUILDINGS"] is None
    inventory = dialog_values("habitat:publicspaceinventory")
    assert inventory["INPUT"] == "public_spaces" and inventory["TYPE_FIELD"] == "ps_type"
    assert inventory["ACCESS_FIELD"] == "access" and inventory["FEE_FIELD"] == "fee"
    sdf = dialog_values("habitat:sdfaccessibility")
    assert sdf["SETTLEMENTS"] == "settlements" and sdf["ROADS"] == "roads" and sdf["CLASS_FIELD"] == "highway"
    functions = dialog_values("habitat:sdffunctions")
    assert functions["FACILITIES"] == "facilities" and functions["FUNCTION_FIELD"] == "function"
    extent = dialog_values("habitat:urbanextent")
    assert str(extent["INPUT"]).endswith("sample_city_builtup.tif")


def test_chinese_names_first_under_chinese(processing_dialogs, locale):
    locale("zh_CN")
    load_workshop_project()
    access = dialog_values("habitat:publicspaceaccess")
    assert access["DISTRICT_NAME_FIELD"] == "name_zh" and access["URBAN_EXTENT_NAME_FIELD"] == "name_zh"
    functions = dialog_values("habitat:sdffunctions")
    assert functions["NAME_FIELD"] == "name_zh" and functions["FUNCTION_FIELD"] == "function_zh"


def test_nothing_fits_nothing_is_chosen(processing_dialogs, tmp_path):
    """A project of a road network and administrative zones only: the streets and public spaces start empty, the
    type field too, instead of the roads, the zones and the first field."""
    project = QgsProject.instance()
    project.clear()
    from osgeo import gdal

    data = tmp_path / "other_city.gpkg"
    gdal.VectorTranslate(str(data), str(SAMPLE_GPKG), layers=["streets"], layerName="network")
    gdal.VectorTranslate(
        str(data), str(SAMPLE_GPKG), layers=["districts"], layerName="admin_zones", accessMode="update"
    )
    roads = QgsVectorLayer(f"{data}|layername=network", "motorways", "ogr")
    zones = QgsVectorLayer(f"{data}|layername=admin_zones", "admin_zones", "ogr")
    assert roads.isValid() and zones.isValid()
    project.addMapLayers([roads, zones])
    inventory = dialog_values("habitat:publicspaceinventory")
    assert inventory["INPUT"] is None and inventory["TYPE_FIELD"] in (None, "")
    access = dialog_values("habitat:publicspaceaccess")
    assert access["PUBLIC_SPACES"] is None
    assert access["DISTRICTS"] == "admin_zones"  # recognised by its district_id field, though not by its name
    # the streets layer is recognised by its fields (street_id, width_m), whatever it is called
    assert access["STREETS"] == "network"


def test_every_menu_entry_opens(processing_dialogs):
    """Every algorithm of the provider opens this way on the workshop project (no error on any parameter type)."""
    from habitat_planning_plugin.processing.provider import PROVIDER_ID

    load_workshop_project()
    provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
    for algorithm in provider.algorithms():
        assert isinstance(dialog_values(algorithm.id()), dict), algorithm.id()


def test_the_spaces_as_given_before_a_runs_inventory(processing_dialogs, tmp_path):
    """After a guided run the project also holds the inventory result (same fields as the spaces): the public
    space inputs still start on the spaces as the user gave them."""
    from osgeo import gdal

    load_workshop_project()
    result = tmp_path / "public_space_inventory.gpkg"
    gdal.VectorTranslate(str(result), str(SAMPLE_GPKG), layers=["public_spaces"], layerName="public_space_inventory")
    inventory = QgsVectorLayer(f"{result}|layername=public_space_inventory", "Public space inventory", "ogr")
    QgsProject.instance().addMapLayer(inventory, False)
    QgsProject.instance().layerTreeRoot().insertLayer(0, inventory)  # on top, as a run's group is
    assert dialog_values("habitat:publicspaceaccess")["PUBLIC_SPACES"] == "public_spaces"
