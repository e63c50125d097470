#!/usr/bin/env python3
"""`make demo`: run the habitat algorithms on the bundled sample city and write outputs under output/demo/.

Runs headless in a throw-away QGIS profile. Each step is a real Processing run of a habitat algorithm;
the outputs are GeoPackages, tables and HTML reports that open in QGIS or a browser.
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "output" / "demo"
SAMPLE = ROOT / "resources" / "sample_data"
CITY = SAMPLE / "sample_city.gpkg"
POPULATION = SAMPLE / "sample_city_population.tif"
sys.path.insert(0, str(ROOT / "build" / "plugins"))  # the built, self-contained plugin


def layer(name: str) -> str:
    return f"{CITY}|layername={name}"


# The spaces that count for SDG 11.7.1, as the inventory (the first step) decides.
INVENTORY = OUTPUT / "public_space_inventory.gpkg"
COUNTED_SPACES = f"{INVENTORY}|layername=public_space_inventory|subset=\"counted\" = 1"

# (algorithm id, parameters, what a person opens afterwards) — one entry per algorithm that exists.
DEMO_STEPS = [
    ("habitat:publicspaceinventory", {
        "INPUT": layer("public_spaces"),
        "TYPE_FIELD": "ps_type",
        "ACCESS_FIELD": "access",
        "FEE_FIELD": "fee",
        "DISTRICTS": layer("districts"),
        "DISTRICT_NAME_FIELD": "name",
        "POPULATION_RASTER": str(POPULATION),
        "OUTPUT": str(INVENTORY),
        "OUTPUT_SUMMARY": str(OUTPUT / "public_space_by_district.csv"),
    }, ("OUTPUT", "OUTPUT_SUMMARY")),
    ("habitat:sdg1171landshare", {
        "URBAN_EXTENT": layer("urban_extent"),
        "CITY_NAME_FIELD": "name",
        "PUBLIC_SPACES": COUNTED_SPACES,
        "STREETS": layer("streets"),
        "WIDTH_FIELD": "width_m",
        "CLASS_FIELD": "road_class",
        "DISTRICTS": layer("districts"),
        "DISTRICT_NAME_FIELD": "name",
        "SAMPLING": True,
        "OUTPUT_STREET_AREA": str(OUTPUT / "land_share_street_area.gpkg"),
        "OUTPUT_TABLE": str(OUTPUT / "land_share_by_city_and_district.csv"),
        "OUTPUT_REPORT": str(OUTPUT / "land_share_report.html"),
    }, ("OUTPUT_STREET_AREA", "OUTPUT_TABLE", "OUTPUT_REPORT")),
    ("habitat:publicspaceaccess", {
        "STREETS": layer("streets"),
        "PUBLIC_SPACES": COUNTED_SPACES,
        "POPULATION_RASTER": str(POPULATION),
        "DISTRICTS": layer("districts"),
        "DISTRICT_NAME_FIELD": "name",
        "OUTPUT_NETWORK": str(OUTPUT / "access_network.gpkg"),
        "OUTPUT_SERVICE_AREA": str(OUTPUT / "access_service_area.gpkg"),
        "OUTPUT_TABLE": str(OUTPUT / "access_by_district.csv"),
        "OUTPUT_POPULATION": str(OUTPUT / "access_population_points.gpkg"),
        "OUTPUT_REPORT": str(OUTPUT / "access_report.html"),
    }, ("OUTPUT_NETWORK", "OUTPUT_SERVICE_AREA", "OUTPUT_TABLE", "OUTPUT_POPULATION", "OUTPUT_REPORT")),
]


def main() -> int:
    profile = tempfile.mkdtemp(prefix="habitat-demo-profile-")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = profile
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        sys.path.append("/usr/share/qgis/python/plugins")
        from processing.core.Processing import Processing

        Processing.initialize()
        import processing
        from habitat_planning_plugin.processing.provider import HabitatProvider

        provider = HabitatProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        if OUTPUT.exists():
            shutil.rmtree(OUTPUT)
        OUTPUT.mkdir(parents=True)

        print(f"Habitat planning provider: {len(provider.algorithms())} algorithm(s)")
        for algorithm in sorted(provider.algorithms(), key=lambda alg: alg.id()):
            print(f"  {algorithm.id():40s} {algorithm.displayName()}")

        written = []
        for algorithm_id, parameters, opens in DEMO_STEPS:
            started = time.perf_counter()
            result = processing.run(algorithm_id, parameters)
            print(f"ran {algorithm_id} in {time.perf_counter() - started:.1f} s")
            numbers = {key: value for key, value in result.items() if isinstance(value, (int, float))}
            for key, value in sorted(numbers.items()):
                print(f"    {key:28s} {value:,.1f}")
            written.extend(str(result[key]) for key in opens if result.get(key))
        if written:
            print("\nOutputs to open (QGIS: drag the file in; reports: any web browser):")
            for path in written:
                print(f"  {path}")
        else:
            print("\nNo tool has landed yet: nothing to run on the sample city.")
        print(f"\nSample data: {CITY}\n             {POPULATION}")
        QgsApplication.processingRegistry().removeProvider(provider)
    finally:
        app.exitQgis()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
