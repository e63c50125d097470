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
OUTPUT = Path(os.environ.get("HABITAT_DEMO_OUTPUT", ROOT / "output" / "demo"))
SAMPLE = ROOT / "resources" / "sample_data"
CITY = SAMPLE / "sample_city.gpkg"
POPULATION = SAMPLE / "sample_city_population.tif"
sys.path.insert(0, str(ROOT / "build" / "plugins"))  # the built, self-contained plugin


def layer(name: str) -> str:
    return f"{CITY}|layername={name}"


# The whole public space assessment in one model run: inventory -> land share -> access, every output a file.
DEMO_STEPS = [
    ("habitat:citywidepublicspaceassessment", {
        "public_spaces": layer("public_spaces"), "type_field": "ps_type", "access_field": "access", "fee_field": "fee",
        "urban_extent": layer("urban_extent"), "city_name": "name",
        "streets": layer("streets"), "width_field": "width_m", "class_field": "road_class",
        "population": str(POPULATION), "districts": layer("districts"), "district_name": "name",
        "inventory:inventory": str(OUTPUT / "public_space_inventory.gpkg"),
        "inventory:inventory_summary": str(OUTPUT / "public_space_by_district.csv"),
        "land_share:street_area": str(OUTPUT / "street_area.gpkg"),
        "land_share:land_share": str(OUTPUT / "land_share_by_city_and_district.csv"),
        "land_share:land_share_report": str(OUTPUT / "land_share_report.html"),
        "access:walking_network": str(OUTPUT / "walking_distance_network.gpkg"),
        "access:service_area": str(OUTPUT / "walking_service_area.gpkg"),
        "access:access": str(OUTPUT / "access_by_district.csv"),
        "access:access_report": str(OUTPUT / "access_report.html"),
    }, ("inventory:inventory", "inventory:inventory_summary", "land_share:street_area", "land_share:land_share",
        "land_share:land_share_report", "access:walking_network", "access:service_area", "access:access",
        "access:access_report")),
]


def summarise(folder: Path) -> None:
    """Print the headline indicators from the CSV tables the run wrote."""
    import csv

    land = folder / "land_share_by_city_and_district.csv"
    access = folder / "access_by_district.csv"
    if land.exists():
        with open(land, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["level"] == "city":
                    print(f"    SDG 11.7.1 (a) {row['name']}: public space {float(row['ops_pct']):.1f} %, "
                          f"streets {float(row['street_pct']):.1f} %, total {float(row['total_pct']):.1f} %")
    if access.exists():
        with open(access, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["method"] == "network" and row["pop_group"] == "total" and row["district"] == "Whole city":
                    print(f"    SDG 11.7.1 (b): {float(row['share_pct']):.1f} % of "
                          f"{float(row['population']):,.0f} people within 400 m walk")


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
            summarise(OUTPUT)
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
