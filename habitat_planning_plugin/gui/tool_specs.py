"""What each guided dialog asks, in which steps, and where its results go. The widgets, defaults and checks come
from the algorithm's own parameter definitions; only the grouping, the one-line explanations and the names a
sample layer or field is recognised by are given here."""

from dataclasses import dataclass, field

from ..core.text import tr_noop


@dataclass
class Step:
    title: str  # tr_noop
    intro: str  # tr_noop
    parameters: list


@dataclass(kw_only=True)  # named arguments only: a spec reads as what each value is
class ToolSpec:
    key: str
    algorithm_id: str
    title: str  # tr_noop
    intro: str  # tr_noop
    steps: list
    explanations: dict  # parameter -> one line (tr_noop)
    outputs: dict  # output parameter -> file name in the output folder
    reports: list  # output parameters that are reports, opened after the run
    layer_hints: dict = field(default_factory=dict)  # parameter -> GeoPackage layer names it is recognised by
    field_hints: dict = field(default_factory=dict)  # parameter -> field names, first match wins
    method_notes: list = field(default_factory=list)  # tr_noop: the published defaults the tool applies
    # In workshop mode, file inputs filled with bundled samples: parameter -> resources/ path (a folder: its files)
    workshop_files: dict = field(default_factory=dict)
    # Result layers left visible after the run (the others are in the group, unticked): the meaningful result
    # on top of the map, not every layer drawn over each other.
    shown: tuple = ()


PUBLIC_SPACE = ToolSpec(
    key="publicspace",
    algorithm_id="habitat:citywidepublicspaceassessment",
    title=tr_noop("City-wide public space assessment"),
    intro=tr_noop(
        "Inventory of open public spaces and SDG 11.7.1: land allocated to streets and public space, and the "
        "share of people within 400 m walking distance."
    ),
    steps=[
        Step(
            tr_noop("Public spaces"),
            tr_noop("The polygons of the spaces and the fields that say what they are."),
            ["public_spaces", "type_field", "access_field", "fee_field"],
        ),
        Step(
            tr_noop("City and streets"),
            tr_noop("The urban extent the indicator is measured on, and the streets."),
            ["urban_extent", "city_name", "streets", "width_field", "class_field"],
        ),
        Step(
            tr_noop("Population and districts"),
            tr_noop("Where people live, to measure walking access, and the districts to compare."),
            ["population", "districts", "district_name"],
        ),
    ],
    explanations={
        "public_spaces": tr_noop("Open space polygons from any source: plans, field survey or OpenStreetMap."),
        "type_field": tr_noop("Says what each space is; mapped to the five SDG 11.7.1 types."),
        "access_field": tr_noop("Optional: private or no access means the space does not count."),
        "fee_field": tr_noop("Optional: an entry fee means the space does not count."),
        "urban_extent": tr_noop("The built-up area of the city (its urban extent)."),
        "city_name": tr_noop("Optional: the name shown in the tables and reports."),
        "streets": tr_noop("Street centre-lines; walking distance is measured along them."),
        "width_field": tr_noop("Optional: street width in metres; else typical widths by road class."),
        "class_field": tr_noop("Optional: road class, for widths where the width is missing."),
        "population": tr_noop("A population grid; extra bands are groups (women, older persons…)."),
        "districts": tr_noop("Optional: districts, for results per district."),
        "district_name": tr_noop("The district names in the tables and charts."),
    },
    outputs={
        "inventory:inventory": "public_space_inventory.gpkg",
        "inventory:inventory_summary": "public_space_by_district.csv",
        "land_share:street_area": "street_area.gpkg",
        "land_share:land_share": "land_share.csv",
        "land_share:land_share_report": "land_share_report.html",
        "access:walking_network": "walking_distance_network.gpkg",
        "access:service_area": "walking_service_area.gpkg",
        "access:access": "access_by_district.csv",
        "access:access_report": "access_report.html",
    },
    reports=["land_share:land_share_report", "access:access_report"],
    layer_hints={
        "public_spaces": ["public_spaces"],
        "urban_extent": ["urban_extent"],
        "streets": ["streets"],
        "population": ["sample_city_population"],
        "districts": ["districts"],
    },
    field_hints={
        "type_field": ["ps_type", "type", "leisure", "category"],
        "access_field": ["access"],
        "fee_field": ["fee"],
        "city_name": ["name", "city"],
        "width_field": ["width_m", "width"],
        "class_field": ["road_class", "highway"],
        "district_name": ["name", "district"],
    },
    method_notes=[
        tr_noop("Walking distance 400 m along the street network (SDG 11.7.1 metadata)."),
        tr_noop("Benchmarks: 15 % of the urban area in public space, 30 % in streets, 45 % in all (UN-Habitat)."),
    ],
    shown=("inventory:inventory", "access:walking_network"),
)

PLAN_ASSESSMENT = ToolSpec(
    key="planassessment",
    algorithm_id="habitat:planassessment",
    title=tr_noop("Plan assessment"),
    intro=tr_noop("Combines the assessors' scorecards of one or more plans: scores, agreement, strengths and gaps."),
    steps=[
        Step(
            tr_noop("Scorecards"),
            tr_noop("One filled scorecard per assessor and plan (XLSX, CSV or JSON)."),
            ["SCORECARDS", "FRAMEWORK"],
        ),
        Step(
            tr_noop("Map (optional)"),
            tr_noop("City polygons to map the latest score of each city."),
            ["CITIES", "CITY_FIELD"],
        ),
    ],
    explanations={
        "SCORECARDS": tr_noop('Made with the scorecard template or the "Score a plan" dialog.'),
        "FRAMEWORK": tr_noop("Empty: the built-in framework of 14 themes."),
        "CITIES": tr_noop("Optional: polygons of the cities whose plans were assessed."),
        "CITY_FIELD": tr_noop("The field with the city names used in the scorecards."),
    },
    outputs={
        "OUTPUT_CRITERIA": "plan_scores_by_criterion.csv",
        "OUTPUT_THEMES": "plan_scores_by_theme.csv",
        "OUTPUT_PLANS": "plan_scores_by_plan.csv",
        "OUTPUT_MAP": "plan_scores_by_city.gpkg",
        "OUTPUT_REPORT": "plan_assessment_report.html",
    },
    reports=["OUTPUT_REPORT"],
    layer_hints={},
    field_hints={"CITY_FIELD": ["name", "city"]},
    method_notes=[
        tr_noop(
            "Scores 0 to 3 or NA per criterion (APA Sustaining Places); agreement as Krippendorff's alpha, "
            "good from 0.80."
        )
    ],
    workshop_files={"SCORECARDS": ("sample_data", "scorecards")},
    shown=("OUTPUT_MAP",),
)

PUBLIC_SPACE_QUALITY = ToolSpec(
    key="publicspacequality",
    algorithm_id="habitat:publicspacequality",
    title=tr_noop("Public space quality from a survey"),
    intro=tr_noop("Scores the quality of each public space from the KoboToolbox export of the field survey."),
    steps=[
        Step(
            tr_noop("Survey"),
            tr_noop("The export of the survey form from KoboToolbox, as CSV or XLSX."),
            ["SURVEY", "QUESTIONNAIRE"],
        ),
        Step(
            tr_noop("Public spaces"),
            tr_noop("The inventory the survey form was made from."),
            ["INVENTORY", "ID_FIELD", "NAME_FIELD", "DISTRICT_FIELD"],
        ),
        Step(
            tr_noop("Scoring"),
            tr_noop("How submissions are linked to spaces and how dimensions are weighted."),
            ["GPS_TOLERANCE", "WEIGHTS"],
        ),
    ],
    explanations={
        "SURVEY": tr_noop("KoboToolbox: Data, Downloads; XML names or labels as headers."),
        "QUESTIONNAIRE": tr_noop("Empty: the built-in questionnaire the survey form was made from."),
        "INVENTORY": tr_noop("The spaces surveyed, with the ids used in the form."),
        "ID_FIELD": tr_noop("The space ids the surveyors chose from."),
        "NAME_FIELD": tr_noop("Optional: the names shown in the report."),
        "DISTRICT_FIELD": tr_noop("Optional: districts, to compare their spaces."),
        "GPS_TOLERANCE": tr_noop("A submission without a space id goes to the space within this distance."),
        "WEIGHTS": tr_noop("Empty: all dimensions weigh the same, e.g. safety=2 to double one."),
    },
    outputs={
        "OUTPUT": "public_space_quality.gpkg",
        "OUTPUT_ANSWERS": "public_space_quality_answers.csv",
        "OUTPUT_LOG": "public_space_survey_import_log.csv",
        "OUTPUT_REPORT": "public_space_quality_report.html",
    },
    reports=["OUTPUT_REPORT"],
    layer_hints={"INVENTORY": ["public_spaces"]},
    field_hints={"ID_FIELD": ["ps_id", "space_id", "id"], "NAME_FIELD": ["name"], "DISTRICT_FIELD": ["district"]},
    method_notes=[
        tr_noop(
            "Each answer counts 0 to 1 as the questionnaire declares; a dimension is the mean of its questions, "
            "0 to 100; no official scoring rule is published (city-wide public space assessment guide, 2020)."
        )
    ],
    workshop_files={"SURVEY": ("sample_data", "survey", "public_space_survey.csv")},
    shown=("OUTPUT",),
)

SDF = ToolSpec(
    key="sdf",
    algorithm_id="habitat:spatialdevelopmentframework",
    title=tr_noop("Spatial Development Framework analysis"),
    intro=tr_noop(
        "The settlement system of a region: functions and hierarchy, development index, accessibility of "
        "centres and investment priorities."
    ),
    steps=[
        Step(
            tr_noop("Settlements"),
            tr_noop("The settlements (points or sectors) and their indicators."),
            ["settlements", "name_field", "population_field", "indicators", "negative_indicators"],
        ),
        Step(
            tr_noop("Facilities and roads"),
            tr_noop("The services found in each settlement and the road network."),
            ["facilities", "function_field", "roads", "road_class"],
        ),
    ],
    explanations={
        "settlements": tr_noop("One point or polygon per settlement."),
        "name_field": tr_noop("The settlement names in the tables, maps and charts."),
        "population_field": tr_noop("Optional: people, to weight the balance between parts of the region."),
        "indicators": tr_noop("The numbers that make up the development index."),
        "negative_indicators": tr_noop("Of those, the ones where more is worse (e.g. poverty)."),
        "facilities": tr_noop("One point per facility (school, clinic, market…)."),
        "function_field": tr_noop("Says which function each facility serves."),
        "roads": tr_noop("The road network used for travel times."),
        "road_class": tr_noop("Optional: road class, for the speed of each road."),
    },
    outputs={
        "functions:hierarchy": "sdf_hierarchy.gpkg",
        "functions:scalogram": "sdf_scalogram.csv",
        "functions:functions_report": "sdf_functions_report.html",
        "development:development_index": "sdf_development_index.gpkg",
        "development:sensitivity": "sdf_index_sensitivity.csv",
        "development:development_report": "sdf_development_report.html",
        "accessibility:accessibility": "sdf_accessibility.gpkg",
        "accessibility:influence_zones": "sdf_influence_zones.gpkg",
        "accessibility:isochrones": "sdf_isochrones.gpkg",
        "accessibility:accessibility_report": "sdf_accessibility_report.html",
        "priority:priorities": "sdf_investment_priorities.gpkg",
        "priority:priority_report": "sdf_priority_report.html",
    },
    reports=[
        "functions:functions_report",
        "development:development_report",
        "accessibility:accessibility_report",
        "priority:priority_report",
    ],
    layer_hints={"settlements": ["settlements"], "facilities": ["facilities"], "roads": ["roads"]},
    field_hints={
        "name_field": ["name"],
        "population_field": ["population", "pop"],
        "function_field": ["function", "type"],
        "road_class": ["highway", "road_class"],
        "indicators": ["growth_pct", "poverty_pct", "water_pct", "enrolment_pct"],
        "negative_indicators": ["poverty_pct"],
    },
    method_notes=[
        tr_noop(
            "Hierarchy from the scalogram and Rondinelli's centrality; indicators normalised as in the OECD/JRC "
            "handbook; travel times on the road network."
        )
    ],
    shown=("functions:hierarchy", "accessibility:influence_zones"),
)

SDF_SCENARIO = ToolSpec(
    key="sdfscenario",
    algorithm_id="habitat:sdfscenario",
    title=tr_noop("What-if scenario for the region"),
    intro=tr_noop(
        "Test a project before it is built: a new road, an upgraded road, a new hospital. The SDF analysis runs "
        "on today's region and on the scenario, and the report shows what changes: travel times, people within "
        "reach of centres, the hierarchy, the balance between parts of the region and the priorities."
    ),
    steps=[
        Step(
            tr_noop("The region today"),
            tr_noop("The settlements, their people, the services they have and the roads."),
            ["SETTLEMENTS", "NAME_FIELD", "POPULATION_FIELD", "FACILITIES", "FUNCTION_FIELD", "ROADS", "CLASS_FIELD"],
        ),
        Step(
            tr_noop("The scenario"),
            tr_noop("What the project adds: roads drawn in a line layer, facilities in a point layer."),
            ["NEW_ROADS", "NEW_CLASS_FIELD", "SCENARIO_FACILITIES"],
        ),
    ],
    explanations={
        "SETTLEMENTS": tr_noop("One point or polygon per settlement."),
        "NAME_FIELD": tr_noop("The settlement names in the tables, maps and charts."),
        "POPULATION_FIELD": tr_noop("Optional: people, to count the population within reach."),
        "FACILITIES": tr_noop("One point per facility (school, clinic, market…)."),
        "FUNCTION_FIELD": tr_noop("Says which function each facility serves."),
        "ROADS": tr_noop("The road network of today."),
        "CLASS_FIELD": tr_noop("Optional: road class, for the speed of each road."),
        "NEW_ROADS": tr_noop("New roads, and upgraded roads copied with their new class."),
        "NEW_CLASS_FIELD": tr_noop("Optional: the class of each new road."),
        "SCENARIO_FACILITIES": tr_noop("Optional: new facilities, added to today's, with the same function field."),
    },
    outputs={
        "OUTPUT": "sdf_scenario.gpkg",
        "OUTPUT_SUMMARY": "sdf_scenario_summary.csv",
        "OUTPUT_REPORT": "sdf_scenario_report.html",
    },
    reports=["OUTPUT_REPORT"],
    layer_hints={
        "SETTLEMENTS": ["settlements"],
        "FACILITIES": ["facilities"],
        "ROADS": ["roads"],
        "NEW_ROADS": ["scenario_roads"],
        "SCENARIO_FACILITIES": ["scenario_facilities"],
    },
    field_hints={
        "NAME_FIELD": ["name"],
        "POPULATION_FIELD": ["population", "pop"],
        "FUNCTION_FIELD": ["function", "type"],
        "CLASS_FIELD": ["highway", "road_class"],
        "NEW_CLASS_FIELD": ["highway", "road_class"],
    },
    method_notes=[
        tr_noop(
            "The same chain on both networks; the hierarchy keeps today's class bounds; accessibility with a "
            "30-minute half-life; inequality as population-weighted Theil, Gini and CV."
        )
    ],
    shown=("OUTPUT",),
)

PUBLIC_SPACE_ACTION = ToolSpec(
    key="publicspaceaction",
    algorithm_id="habitat:publicspaceaction",
    title=tr_noop("Where to add and upgrade public space"),
    intro=tr_noop(
        "From the assessment to the strategy: who is not served and where, which candidate sites would serve "
        "the most people, which spaces to upgrade first, and a scorecard per district."
    ),
    steps=[
        Step(
            tr_noop("Public spaces and survey"),
            tr_noop("The spaces, what counts among them, and the quality survey of them."),
            ["public_spaces", "type_field", "access_field", "fee_field", "space_id", "space_name", "survey"],
        ),
        Step(
            tr_noop("City, streets and people"),
            tr_noop("Where the city is, how people walk and where they live."),
            ["urban_extent", "streets", "width_field", "class_field", "population", "districts", "district_name"],
        ),
        Step(
            tr_noop("New sites and tracking"),
            tr_noop("The sites that could become public space, how many to add, and an earlier scorecard."),
            ["candidate_sites", "candidate_name", "cost_field", "number_of_sites", "previous", "year"],
        ),
    ],
    explanations={
        "public_spaces": tr_noop("Open space polygons from any source: plans, field survey or OpenStreetMap."),
        "type_field": tr_noop("Says what each space is; mapped to the five SDG 11.7.1 types."),
        "access_field": tr_noop("Optional: private or no access means the space does not count."),
        "fee_field": tr_noop("Optional: an entry fee means the space does not count."),
        "space_id": tr_noop("The space ids the surveyors chose from."),
        "space_name": tr_noop("Optional: the names shown in the report."),
        "survey": tr_noop("KoboToolbox: Data, Downloads; XML names or labels as headers."),
        "urban_extent": tr_noop("The built-up area of the city (its urban extent)."),
        "streets": tr_noop("Street centre-lines; walking distance is measured along them."),
        "width_field": tr_noop("Optional: street width in metres; else typical widths by road class."),
        "class_field": tr_noop("Optional: road class, for widths where the width is missing."),
        "population": tr_noop("A population grid; extra bands are groups (women, older persons…)."),
        "districts": tr_noop("The districts the scorecard is made for."),
        "district_name": tr_noop("The district names in the tables and charts."),
        "candidate_sites": tr_noop("Vacant land, public parcels, school yards that could open as public space."),
        "candidate_name": tr_noop("Optional: the site names in the ranking."),
        "cost_field": tr_noop("Optional: the cost of each site, shown beside its gain."),
        "number_of_sites": tr_noop("How many new public spaces the plan can add."),
        "previous": tr_noop("Optional: the scorecard table of an earlier run, to show the change per district."),
        "year": tr_noop("Stored with the scorecard, to compare it with later ones."),
    },
    outputs={
        "inventory:inventory": "public_space_inventory.gpkg",
        "gaps:unserved_clusters": "unserved_areas.gpkg",
        "gaps:gaps": "unserved_by_district.csv",
        "gaps:gaps_report": "unserved_report.html",
        "siting:new_sites": "new_public_spaces.gpkg",
        "siting:siting_curve": "new_public_spaces_curve.csv",
        "siting:siting_report": "new_public_spaces_report.html",
        "quality:quality": "public_space_quality.gpkg",
        "upgrade:upgrade": "upgrade_priority.gpkg",
        "upgrade:upgrade_report": "upgrade_priority_report.html",
        "scorecard:scorecard": "district_scorecard.gpkg",
        "scorecard:scorecard_table": "district_scorecard.csv",
        "scorecard:scorecard_report": "district_scorecard_report.html",
    },
    reports=["gaps:gaps_report", "siting:siting_report", "upgrade:upgrade_report", "scorecard:scorecard_report"],
    layer_hints={
        "public_spaces": ["public_spaces"],
        "urban_extent": ["urban_extent"],
        "streets": ["streets"],
        "population": ["sample_city_population"],
        "districts": ["districts"],
        "candidate_sites": ["candidate_sites"],
        "previous": ["district_scorecard_2024", "district_scorecard_2024_zh"],
    },
    field_hints={
        "type_field": ["ps_type", "type", "leisure", "category"],
        "access_field": ["access"],
        "fee_field": ["fee"],
        "space_id": ["ps_id", "space_id", "id"],
        "space_name": ["name"],
        "width_field": ["width_m", "width"],
        "class_field": ["road_class", "highway"],
        "district_name": ["name", "district"],
        "candidate_name": ["name"],
        "cost_field": ["cost_m", "cost"],
    },
    method_notes=[
        tr_noop("Walking distance 400 m along the street network (SDG 11.7.1 metadata)."),
        tr_noop("New sites chosen to serve the most people not yet served (greedy, checked by an exact solver)."),
        tr_noop("Upgrade priority: half the quality gap, half the people who depend on the space."),
    ],
    workshop_files={"survey": ("sample_data", "survey", "public_space_survey.csv")},
    shown=("siting:new_sites", "gaps:unserved_clusters", "upgrade:upgrade"),
)

TOOLS = {
    spec.key: spec
    for spec in (PUBLIC_SPACE, PUBLIC_SPACE_QUALITY, PUBLIC_SPACE_ACTION, PLAN_ASSESSMENT, SDF, SDF_SCENARIO)
}
