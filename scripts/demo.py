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


REGION = SAMPLE / "sample_region.gpkg"


def layer(name: str) -> str:
    return f"{CITY}|layername={name}"


def region(name: str) -> str:
    return f"{REGION}|layername={name}"


# The whole public space assessment in one model run: inventory -> land share -> access, every output a file.
DEMO_STEPS = [
    (
        "habitat:citywidepublicspaceassessment",
        {
            "public_spaces": layer("public_spaces"),
            "type_field": "ps_type",
            "access_field": "access",
            "fee_field": "fee",
            "urban_extent": layer("urban_extent"),
            "city_name": "name",
            "streets": layer("streets"),
            "width_field": "width_m",
            "class_field": "road_class",
            "population": str(POPULATION),
            "districts": layer("districts"),
            "district_name": "name",
            "inventory:inventory": str(OUTPUT / "public_space_inventory.gpkg"),
            "inventory:inventory_summary": str(OUTPUT / "public_space_by_district.csv"),
            "land_share:street_area": str(OUTPUT / "street_area.gpkg"),
            "land_share:land_share": str(OUTPUT / "land_share_by_city_and_district.csv"),
            "land_share:land_share_report": str(OUTPUT / "land_share_report.html"),
            "access:walking_network": str(OUTPUT / "walking_distance_network.gpkg"),
            "access:service_area": str(OUTPUT / "walking_service_area.gpkg"),
            "access:access": str(OUTPUT / "access_by_district.csv"),
            "access:access_report": str(OUTPUT / "access_report.html"),
        },
        (
            "inventory:inventory",
            "inventory:inventory_summary",
            "land_share:street_area",
            "land_share:land_share",
            "land_share:land_share_report",
            "access:walking_network",
            "access:service_area",
            "access:access",
            "access:access_report",
        ),
    ),
    # Where the city ends: the urban extent from the sample built-up raster (Atlas of Urban Expansion classes), named
    # from the hand-drawn extent, with its population.
    (
        "habitat:urbanextent",
        {
            "INPUT": str(SAMPLE / "sample_city_builtup.tif"),
            "CITY_NAMES": layer("urban_extent"),
            "CITY_NAME_FIELD": "name",
            "POPULATION": str(POPULATION),
            "OUTPUT": str(OUTPUT / "urban_extent_from_built_up.gpkg"),
            "OUTPUT_CLASSES": str(OUTPUT / "urban_extent_classes.tif"),
        },
        ("OUTPUT", "OUTPUT_CLASSES"),
    ),
    # Public space quality: the KoboToolbox form for the inventory, then the sample survey export scored per space
    # (districts from the inventory the model wrote above).
    (
        "habitat:koboform",
        {
            "INVENTORY": str(OUTPUT / "public_space_inventory.gpkg"),
            "ID_FIELD": "ps_id",
            "NAME_FIELD": "name",
            "OUTPUT": str(OUTPUT / "public_space_survey_form.xlsx"),
        },
        ("OUTPUT",),
    ),
    (
        "habitat:publicspacequality",
        {
            "SURVEY": str(SAMPLE / "survey" / "public_space_survey.csv"),
            "INVENTORY": str(OUTPUT / "public_space_inventory.gpkg"),
            "ID_FIELD": "ps_id",
            "NAME_FIELD": "name",
            "DISTRICT_FIELD": "district",
            "OUTPUT": str(OUTPUT / "public_space_quality.gpkg"),
            "OUTPUT_ANSWERS": str(OUTPUT / "public_space_quality_answers.csv"),
            "OUTPUT_LOG": str(OUTPUT / "public_space_survey_import_log.csv"),
            "OUTPUT_REPORT": str(OUTPUT / "public_space_quality_report.html"),
        },
        ("OUTPUT", "OUTPUT_LOG", "OUTPUT_REPORT"),
    ),
    # From measurement to action: who is not served, where to add public space (5 of the 40 candidate sites), which
    # spaces to upgrade, and the district scorecard tracked against the 2024 one.
    (
        "habitat:publicspaceaction",
        {
            "public_spaces": layer("public_spaces"),
            "type_field": "ps_type",
            "access_field": "access",
            "fee_field": "fee",
            "space_id": "ps_id",
            "space_name": "name",
            "survey": str(SAMPLE / "survey" / "public_space_survey.csv"),
            "urban_extent": layer("urban_extent"),
            "streets": layer("streets"),
            "width_field": "width_m",
            "class_field": "road_class",
            "population": str(POPULATION),
            "districts": layer("districts"),
            "district_name": "name",
            "candidate_sites": layer("candidate_sites"),
            "candidate_name": "name",
            "cost_field": "cost_m",
            "number_of_sites": 5,
            "previous": str(SAMPLE / "district_scorecard_2024.csv"),
            "year": 2026,
            "gaps:unserved_clusters": str(OUTPUT / "unserved_areas.gpkg"),
            "gaps:gaps": str(OUTPUT / "unserved_by_district.csv"),
            "gaps:gaps_report": str(OUTPUT / "unserved_report.html"),
            "siting:new_sites": str(OUTPUT / "new_public_spaces.gpkg"),
            "siting:siting_curve": str(OUTPUT / "new_public_spaces_curve.csv"),
            "siting:siting_report": str(OUTPUT / "new_public_spaces_report.html"),
            "upgrade:upgrade": str(OUTPUT / "upgrade_priority.gpkg"),
            "upgrade:upgrade_report": str(OUTPUT / "upgrade_priority_report.html"),
            "scorecard:scorecard": str(OUTPUT / "district_scorecard.gpkg"),
            "scorecard:scorecard_table": str(OUTPUT / "district_scorecard.csv"),
            "scorecard:scorecard_report": str(OUTPUT / "district_scorecard_report.html"),
        },
        (
            "gaps:unserved_clusters",
            "gaps:gaps_report",
            "siting:new_sites",
            "siting:siting_report",
            "upgrade:upgrade",
            "upgrade:upgrade_report",
            "scorecard:scorecard",
            "scorecard:scorecard_table",
            "scorecard:scorecard_report",
        ),
    ),
    # The Spatial Development Framework on the sample region: hierarchy -> development index -> accessibility ->
    # investment priorities.
    (
        "habitat:spatialdevelopmentframework",
        {
            "settlements": region("settlements"),
            "name_field": "name",
            "population_field": "population",
            "facilities": region("facilities"),
            "function_field": "function",
            "indicators": ["growth_pct", "poverty_pct", "water_pct", "enrolment_pct"],
            "negative_indicators": ["poverty_pct"],
            "roads": region("roads"),
            "road_class": "highway",
            "functions:hierarchy": str(OUTPUT / "sdf_hierarchy.gpkg"),
            "functions:scalogram": str(OUTPUT / "sdf_scalogram.csv"),
            "functions:functions_report": str(OUTPUT / "sdf_functions_report.html"),
            "development:development_index": str(OUTPUT / "sdf_development_index.gpkg"),
            "development:sensitivity": str(OUTPUT / "sdf_index_sensitivity.csv"),
            "development:development_report": str(OUTPUT / "sdf_development_report.html"),
            "accessibility:accessibility": str(OUTPUT / "sdf_accessibility.gpkg"),
            "accessibility:influence_zones": str(OUTPUT / "sdf_influence_zones.gpkg"),
            "accessibility:isochrones": str(OUTPUT / "sdf_isochrones.gpkg"),
            "accessibility:accessibility_report": str(OUTPUT / "sdf_accessibility_report.html"),
            "priority:priorities": str(OUTPUT / "sdf_investment_priorities.gpkg"),
            "priority:priority_report": str(OUTPUT / "sdf_priority_report.html"),
        },
        (
            "functions:hierarchy",
            "functions:functions_report",
            "development:development_report",
            "accessibility:influence_zones",
            "accessibility:isochrones",
            "accessibility:accessibility_report",
            "priority:priorities",
            "priority:priority_report",
        ),
    ),
    # Phase C, the planned structure: the workshop's what-if scenario (a new road to the roadless village, the track
    # at its end upgraded, a hospital in the largest town without one) beside today's region.
    (
        "habitat:sdfscenario",
        {
            "SETTLEMENTS": region("settlements"),
            "NAME_FIELD": "name",
            "POPULATION_FIELD": "population",
            "FACILITIES": region("facilities"),
            "FUNCTION_FIELD": "function",
            "ROADS": region("roads"),
            "CLASS_FIELD": "highway",
            "NEW_ROADS": region("scenario_roads"),
            "NEW_CLASS_FIELD": "highway",
            "SCENARIO_FACILITIES": region("scenario_facilities"),
            "OUTPUT": str(OUTPUT / "sdf_scenario.gpkg"),
            "OUTPUT_SUMMARY": str(OUTPUT / "sdf_scenario_summary.csv"),
            "OUTPUT_REPORT": str(OUTPUT / "sdf_scenario_report.html"),
        },
        ("OUTPUT", "OUTPUT_REPORT"),
    ),
    # City-wide plan assessment: three assessors, two versions of Sample City's plan and Riverton's plan.
    (
        "habitat:planassessment",
        {
            "SCORECARDS": sorted(str(p) for p in (SAMPLE / "scorecards").iterdir()),
            "OUTPUT_CRITERIA": str(OUTPUT / "plan_scores_by_criterion.csv"),
            "OUTPUT_THEMES": str(OUTPUT / "plan_scores_by_theme.csv"),
            "OUTPUT_PLANS": str(OUTPUT / "plan_scores_by_plan.csv"),
            "OUTPUT_REPORT": str(OUTPUT / "plan_assessment_report.html"),
        },
        ("OUTPUT_PLANS", "OUTPUT_REPORT"),
    ),
]


def summarise(folder: Path, algorithm_id: str) -> None:
    """Print the headline results of a step from the files it wrote."""
    import csv

    if algorithm_id == "habitat:planassessment":
        with open(folder / "plan_scores_by_plan.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                print(
                    f"    {row['plan']} ({row['city']}, {row['year']}): {float(row['overall_pct']):.1f} % of the "
                    f"potential score, PQI {float(row['pqi']):.1f} of 10 "
                    f"(coverage {float(row['coverage_pct']):.0f} %), alpha {float(row['alpha']):.2f}, "
                    f"IG-UTP principles reflected {row['principles']} of 12"
                )
        return
    if algorithm_id == "habitat:publicspacequality":
        from osgeo import ogr

        source = ogr.Open(str(folder / "public_space_quality.gpkg"))
        scored = sorted(
            ((f["quality_index"], f["name"]) for f in source.GetLayer(0) if f["quality_index"] is not None),
            reverse=True,
        )
        print(
            f"    quality index of {len(scored)} spaces: best {scored[0][1]} ({scored[0][0]:.0f}), "
            f"lowest {scored[-1][1]} ({scored[-1][0]:.0f})"
        )
        return
    if algorithm_id == "habitat:koboform":
        return
    if algorithm_id == "habitat:publicspaceaction":
        from osgeo import ogr

        with open(folder / "new_public_spaces_curve.csv", encoding="utf-8") as handle:
            curve = list(csv.DictReader(handle))
        source = ogr.Open(str(folder / "new_public_spaces.gpkg"))
        sites = sorted((f["site_order"], f["name"], f["gain"]) for f in source.GetLayer(0))
        print(
            "    new public spaces: "
            + "; ".join(f"{order}. {name} (+{gain:,.0f} people)" for order, name, gain in sites)
        )
        print(
            f"    SDG 11.7.1 (b): {float(curve[0]['share_pct']):.1f} % today, {float(curve[-1]['share_pct']):.1f} % "
            f"with {len(sites)} new spaces"
        )
        source = ogr.Open(str(folder / "upgrade_priority.gpkg"))
        ranked = sorted((f["rank"], f["name"], f["priority"]) for f in source.GetLayer(0) if f["priority"] is not None)
        print("    upgrade first: " + "; ".join(f"{rank}. {name} ({score:.0f})" for rank, name, score in ranked[:3]))
        return
    if algorithm_id == "habitat:urbanextent":
        from osgeo import ogr

        source = ogr.Open(str(folder / "urban_extent_from_built_up.gpkg"))
        for feature in source.GetLayer(0):
            print(
                f"    urban extent {feature['name']}: {feature['area_km2']:.1f} km² (urban {feature['urban_km2']:.1f}, "
                f"suburban {feature['suburb_km2']:.1f}), {feature['population']:,.0f} people"
            )
        return
    if algorithm_id == "habitat:sdfscenario":
        with open(folder / "sdf_scenario_summary.csv", encoding="utf-8") as handle:
            rows = {row["key"]: row for row in csv.DictReader(handle)}
        for key in ("connected", "within_30min_level2_pct", "mean_minutes_hospital"):
            row = rows[key]
            print(f"    scenario: {row['indicator']}: {float(row['baseline']):,.1f} -> {float(row['scenario']):,.1f}")
        return
    if algorithm_id == "habitat:spatialdevelopmentframework":
        from osgeo import ogr

        source = ogr.Open(str(folder / "sdf_investment_priorities.gpkg"))
        rows = sorted(
            ((f["priority_rank"], f["name"], f["level_label"], f["priority"]) for f in source.GetLayer(0)),
            key=lambda row: row[0],
        )
        levels = {}
        for _, _, label, _ in rows:
            levels[label] = levels.get(label, 0) + 1
        print("    hierarchy: " + ", ".join(f"{count} {label}" for label, count in levels.items()))
        print(
            "    investment priorities: "
            + "; ".join(f"{rank}. {name} ({score:.0f})" for rank, name, _, score in rows[:5])
        )
        return

    land = folder / "land_share_by_city_and_district.csv"
    access = folder / "access_by_district.csv"
    if land.exists():
        with open(land, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["level"] == "city":
                    print(
                        f"    SDG 11.7.1 (a) {row['name']}: public space {float(row['ops_pct']):.1f} %, "
                        f"streets {float(row['street_pct']):.1f} %, total {float(row['total_pct']):.1f} %"
                    )
    if access.exists():
        with open(access, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["method"] == "network" and row["pop_group"] == "total" and row["district"] == "Whole city":
                    print(
                        f"    SDG 11.7.1 (b): {float(row['share_pct']):.1f} % of "
                        f"{float(row['population']):,.0f} people within 400 m walk"
                    )


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

        from habitat_planning_plugin import i18n
        from habitat_planning_plugin.processing.provider import HabitatProvider

        i18n.install_translator()  # as the plugin does: QGIS's locale, or HABITAT_LOCALE=zh_CN

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
            summarise(OUTPUT, algorithm_id)
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
