"""Habitat Planning Toolkit: UN-Habitat public space, plan assessment and SDF tools for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS plugin entry point)
    from .plugin import HabitatPlanningPlugin

    return HabitatPlanningPlugin(iface)
