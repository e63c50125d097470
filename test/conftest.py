"""Shared fixtures: the habitat provider in a real headless QGIS (pytest-qgis), locales, sample data."""

import shutil
import subprocess

import pytest
from qgis.core import QgsApplication

from test.paths import ROOT, SAMPLE_DATA, SAMPLE_GPKG, SAMPLE_POPULATION

__all__ = ["ROOT", "SAMPLE_DATA", "SAMPLE_GPKG", "SAMPLE_POPULATION"]


def pytest_sessionstart(session):
    # Tests load the source tree, the .qm from build/i18n, and the CLI tests the built plugin: build it fresh.
    if shutil.which("lrelease"):
        subprocess.run(
            ["make", "-C", str(ROOT), "--no-print-directory", "-s", "build"], check=True, stdout=subprocess.DEVNULL
        )


@pytest.fixture(autouse=True, scope="session")
def _collect_before_exit_qgis(qgis_app):
    """Free what the tests left to the garbage collector (processing contexts holding layers) while QGIS and GDAL
    are still up: pytest-qgis calls exitQgis() right after this, and a QgsRasterLayer destroyed at interpreter exit,
    after GDAL's drivers are gone, segfaults in GDALClose (QGIS 3.40)."""
    yield
    import gc

    gc.collect()


@pytest.fixture
def habitat_provider(qgis_processing):
    """The provider registered for one test (the plugin tests register and remove their own)."""
    from habitat_planning_plugin.processing.provider import HabitatProvider

    registry = QgsApplication.processingRegistry()
    assert registry.providerById("habitat") is None, "a test left the habitat provider registered"
    provider = HabitatProvider()
    registry.addProvider(provider)
    yield provider
    registry.removeProvider("habitat")


@pytest.fixture
def locale(monkeypatch):
    """Switch the plugin's language for one test: ``locale("zh_CN")``; English again afterwards."""
    from habitat_planning_plugin import i18n

    def switch(name):
        monkeypatch.setenv("HABITAT_LOCALE", name)
        return i18n.install_translator()

    yield switch
    monkeypatch.delenv("HABITAT_LOCALE", raising=False)
    i18n.remove_translator()


def layer_path(layer_name: str) -> str:
    return f"{SAMPLE_GPKG}|layername={layer_name}"
