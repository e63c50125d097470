"""The golden cases: one or more per algorithm of the habitat provider, each a tiny fixture (test/golden/data, written
by make_fixtures.py), its parameters, the output tables compared with test/golden/expected/<case>/<table>.csv and
the numbers the algorithm returns.

A ``Table`` says how an output is read and compared:
- ``output``: the key of the algorithm's results holding it (a sink parameter, or an output such as OUTPUT_TABLE of
  the national batch);
- ``key``: the columns that identify a row; rows are sorted by them and matched on them ("geometry" may be one);
- ``geometry``: None (no geometry column), "wkt" (normalised WKT rounded to ``geometry_decimals``), "area" or
  "length" (a number column);
- ``drop``: columns left out (ids that depend on internal numbering, paths, times);
- ``reader``: "vector" (OGR), "xlsx:<sheet>" (every cell, columns A, B, … and the row number) or "raster" (cells
  per value);
- ``ordered``: the order of the rows is part of the result (the scalogram): their position is compared too.
Numbers are written with ``decimals`` decimals and compared with ``tolerance`` (absolute) per case.

The hand computations behind the key numbers are written next to each case; those that take more than a line are
asserted in test_golden_hand_checks.py against the expected tables.
"""

from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
EXPECTED = HERE / "expected"


def data(name: str, layer: str = None) -> str:
    """A fixture file (or a layer of a fixture GeoPackage) as a Processing parameter value."""
    path = str(DATA / name)
    return f"{path}|layername={layer}" if layer else path


def town(layer: str) -> str:
    return data("town.gpkg", layer)


def region(layer: str) -> str:
    return data("region.gpkg", layer)


@dataclass
class Table:
    output: str
    key: tuple
    name: str = None  # expected/<case>/<name>.csv; the output name in lower case when None
    geometry: str = None  # None, "wkt", "area" or "length"
    drop: tuple = ()
    columns: tuple = None  # only these columns (after the key), in this order; all when None
    reader: str = "vector"
    ordered: bool = False  # the row order of the output matters: an "order" column (1, 2, …) is compared too

    @property
    def file_name(self) -> str:
        return (self.name or self.output.lower()) + ".csv"


@dataclass
class Case:
    name: str
    algorithm: str
    parameters: dict
    tables: list
    numbers: dict = field(default_factory=dict)  # the algorithm's numeric outputs, every one of them
    decimals: int = 6
    tolerance: float = 1e-6
    geometry_decimals: int = 3
    slow: bool = False  # runs subprocesses (the Dask workers of the national batch)


TOWN_WALK = {  # Tiny Town's walking inputs (make_fixtures.py draws the town)
    "STREETS": town("streets"),
    "ROAD_CLASS_FIELD": "road_class",
    "PUBLIC_SPACES": town("parks"),
    "POPULATION_LAYER": town("people"),
    "POPULATION_FIELDS": ["total", "women"],
    "DISTRICTS": town("districts"),
    "DISTRICT_NAME_FIELD": "name",
}

# Walking distances in Tiny Town by hand (network semantics of core/network.py: a person joins the nearest street at
# its nearest point; the walk is that connector plus the way along the streets to the nearest entrance). The streets
# run along y = 0 from x = 0 to 1200 (the motorway beyond 1200 is left out); West Park ends at x = 0 (entrance at
# the street's end, cost 0) and East Square covers x = 880..920 of the street (cost 0 inside), so a street point at
# x is min(x, 880 - x) from a space for x < 880 and x - 920 for x > 920:
#   A (100, 30):  30 + 100 = 130            served     10 total, 6 women   West
#   B (250, -50): 50 + 250 = 300            served     20, 9               West
#   C (500, 60):  60 + min(500, 380) = 440  not served 30, 14              West
#   D (1100, 10): 10 + 180 = 190            served     40, 21              East
#   E (1400, 20): hypot(200, 20) + 280 = 480.998 (joins the street's end at 1200: the motorway is left out)
#                                           not served 5, 2                East
#   F (650, 150): 150 + min(650, 230) = 380 served     25, 12              East
# Total 130 (women 64), served 95 (women 48): 73.0769 % (75 %). West 60 of which 30 served (50 %), East 70, 65
# served (92.857 %). Straight line (400 m as the crow flies from a space): every one but E (C is 382.1 m from East
# Square), 125 of 130 = 96.1538 %.
CASES = [
    Case(
        "publicspaceaccess_town",
        "habitat:publicspaceaccess",
        dict(TOWN_WALK, URBAN_EXTENT=town("extent"), URBAN_EXTENT_NAME_FIELD="name"),
        [
            Table("OUTPUT_TABLE", ("district", "pop_group", "method")),
            Table("OUTPUT_POPULATION", ("geometry",), geometry="wkt"),
            Table("OUTPUT_NETWORK", ("geometry",), geometry="wkt", drop=("edge_id",)),
            Table("OUTPUT_SERVICE_AREA", ("walk_m",), geometry="area"),
        ],
        numbers={
            "POP_TOTAL": 130.0,
            "POP_SERVED": 95.0,
            "SHARE_SERVED": 100 * 95 / 130,
            "SHARE_SERVED_STRAIGHT_LINE": 100 * 125 / 130,
            "NETWORK_PARTS": 1,
        },
    ),
    # The 3 x 3 population grid (100 m cells, centres x 50/150/250, y 100/0/-100; nodata at (50, -100)), by hand:
    #   y = 100:  (50) 100 + 50 = 150, (150) 100 + 150 = 250, (250) joins S5 (the lane at x = 300) 50 m away at its
    #             end (300, 100): 50 + 100 + 300 = 450, not served (the 350 m walk via y = 0 is not taken: people
    #             join the nearest street);
    #   y = 0:    50, 150, 250;   y = -100: nodata, 250, 350.
    # Total 380 (children 76), served 380 - 30 = 350 (children 70): 92.1053 %; straight line 100 %. Every cell is in
    # West: East has no people (share empty).
    Case(
        "publicspaceaccess_grid",
        "habitat:publicspaceaccess",
        {
            "STREETS": town("streets"),
            "PUBLIC_SPACES": town("parks"),
            "POPULATION_RASTER": data("town_population.tif"),
            "DISTRICTS": town("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "OUTPUT_NETWORK": None,
            "OUTPUT_SERVICE_AREA": None,
            "OUTPUT_REPORT": None,
        },
        [
            Table("OUTPUT_TABLE", ("district", "pop_group", "method")),
            Table("OUTPUT_POPULATION", ("geometry",), geometry="wkt"),
        ],
        numbers={
            "POP_TOTAL": 380.0,
            "POP_SERVED": 350.0,
            "SHARE_SERVED": 100 * 350 / 380,
            "SHARE_SERVED_STRAIGHT_LINE": 100.0,
            "NETWORK_PARTS": 1,
        },
    ),
    # The same walks: unserved C (440 m, West) and E (481 m, East); C's cell is a cluster of 30 people (1 ha), E's
    # (5 people) is below the minimum of 20 and dropped.
    Case(
        "publicspacegaps_town",
        "habitat:publicspacegaps",
        dict(TOWN_WALK, MIN_CLUSTER_POPULATION=20.0, CLUSTER_CELL=100.0),
        [
            Table("OUTPUT_TABLE", ("district", "pop_group")),
            Table("OUTPUT_POINTS", ("geometry",), geometry="wkt"),
            Table("OUTPUT_CLUSTERS", ("cluster",), geometry="wkt"),
        ],
        numbers={"POP_UNSERVED": 35.0, "SHARE_UNSERVED": 100 * 35 / 130, "CLUSTERS": 1},
    ),
    # Candidates: Mid lot (20 m south of S2 at x 470..530) brings C within 60 + 20 = 80 m (30 people, 14 women);
    # East lot (20 m from the end of S4 at 1200) brings E within 201 + 20 = 221 m (5, 2); Far lot is unreachable.
    # Served 95 -> 125 -> 130 (73.08 % -> 96.15 % -> 100 %); women 48 -> 62 -> 64.
    Case(
        "publicspacesiting_town",
        "habitat:publicspacesiting",
        {
            "STREETS": town("streets"),
            "ROAD_CLASS_FIELD": "road_class",
            "PUBLIC_SPACES": town("parks"),
            "CANDIDATES": town("candidates"),
            "CANDIDATE_NAME_FIELD": "name",
            "COST_FIELD": "cost",
            "POPULATION_LAYER": town("people"),
            "POPULATION_FIELDS": ["total", "women"],
            "POPULATION_GROUP": "women",
            "NUMBER_OF_SITES": 2,
        },
        [Table("OUTPUT_SITES", ("site_order",), geometry="wkt"), Table("OUTPUT_CURVE", ("n_new_spaces",))],
        numbers={
            "SHARE_BEFORE": 100 * 95 / 130,
            "SHARE_AFTER": 100.0,
            "POP_GAIN": 35.0,
            "SITES_CHOSEN": 2,
            "GAP_PCT": 0.0,
        },
    ),
    # 20 m cells: the open block x 40..120, y 80..160 (share 0.1) is cut by the street at x = 80 (half-width 6) into
    # two sites of 34 x 80 = 2720 m² (10 % built-up); the 40 x 40 m block is below 2000 m²; the third block lies under
    # the park. 5440 m² = 0.544 ha.
    Case(
        "candidatesites_openland",
        "habitat:candidatesites",
        {
            "BUILT_UP": data("openland.tif"),
            "URBAN_EXTENT": data("openland.gpkg", "extent"),
            "PUBLIC_SPACES": data("openland.gpkg", "parks"),
            "STREETS": data("openland.gpkg", "streets"),
            "STREET_HALF_WIDTH": 6.0,
            "MIN_AREA": 2000.0,
        },
        [Table("OUTPUT", ("site_id",), geometry="wkt")],
        numbers={"SITES": 2, "AREA_HA": 0.544},
    ),
    # Street corridors (flat ends): S1 + S2 600 x 12 = 7200, S3 300 x 10 = 3000, S4 300 x 25 = 7500, M1 inside the
    # extent 300 x 30 = 9000, S5 100 x 10 less its 10 x 6 overlap with S1/S2 = 940: 27640 m²; 700 m² of it lies in
    # East Square (S3 20 x 10, S4 20 x 25) and counts as public space. Parks 3600 + 1600 = 5200. Extent 640000 m².
    # Streets 26940 / 640000 = 4.209375 %, public space 0.8125 %, total 5.021875 %.
    # Widths x 0.75: 20025 + (750 - 7.5 x 4.5) - (20 x 7.5 + 20 x 18.75) = 20216.25 -> 3.158789 %;
    # widths x 1.25: 33375 + (1250 - 12.5 x 7.5) - (20 x 12.5 + 20 x 31.25) = 33656.25 -> 5.258789 %.
    # West (280000 m²): streets 8140 (2.907143 %), park 3600; East (360000 m²): 18800 (5.222222 %), square 1600.
    Case(
        "sdg1171landshare_town",
        "habitat:sdg1171landshare",
        {
            "URBAN_EXTENT": town("extent"),
            "CITY_NAME_FIELD": "name",
            "PUBLIC_SPACES": town("parks"),
            "STREETS": town("streets"),
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "DISTRICTS": town("districts"),
            "DISTRICT_NAME_FIELD": "name",
        },
        [Table("OUTPUT_TABLE", ("level", "name")), Table("OUTPUT_STREET_AREA", ("city",), geometry="area")],
        numbers={
            "SHARE_TOTAL": 100 * 32140 / 640000,
            "SHARE_PUBLIC_SPACE": 100 * 5200 / 640000,
            "SHARE_STREETS": 100 * 26940 / 640000,
            "SHARE_STREETS_LOW": 100 * 20216.25 / 640000,
            "SHARE_STREETS_HIGH": 100 * 33656.25 / 640000,
            "WIDTH_MEASURED": 2,
            "WIDTH_CLASS": 3,
            "WIDTH_DEFAULT": 1,
            "WIDTH_REJECTED": 0,
            "WIDTH_UNREADABLE": 0,
        },
    ),
    # Classes and areas checked against a brute-force density computation in test_golden_hand_checks.py.
    Case(
        "urbanextent_tiny",
        "habitat:urbanextent",
        {
            "INPUT": data("builtup_2020.tif"),
            "CITY_NAMES": data("urban.gpkg", "places"),
            "CITY_NAME_FIELD": "name",
            "YEAR": 2020,
            "POPULATION_FIELD": "pop_2020",
            "EARLIER_BUILT_UP": data("builtup_2010.tif"),
            "EARLIER_YEAR": 2010,
            "EARLIER_POPULATION_FIELD": "pop_2010",
        },
        [
            Table("OUTPUT", ("extent_id",), geometry="wkt"),
            Table("OUTPUT_CLASSES", ("value",), reader="raster"),
            Table("OUTPUT_EARLIER", ("extent_id",), geometry="wkt"),
            Table("OUTPUT_TABLE", ("extent_id",)),
        ],
        numbers={"EXTENTS": 1, "AREA_KM2": 1.92},
    ),
    # Counted: West Park (Park -> park, 3600 m²), East Square (plaza -> square, 1600 m²), Bowtie (playground ->
    # recreational green; the self-crossing ring repaired into two triangles of 2500 m²): 10200 m² = 1.02 ha. Not
    # counted: Club Garden (type), Pay Park (fee), Gated Green (access), Mystery (meadow: not in the mapping),
    # Lost Park (no geometry). People per district from the grid: West 380, East 0.
    Case(
        "publicspaceinventory_town",
        "habitat:publicspaceinventory",
        {
            "INPUT": town("spaces_raw"),
            "TYPE_FIELD": "kind",
            "ACCESS_FIELD": "access",
            "FEE_FIELD": "fee",
            "DISTRICTS": town("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "POPULATION_RASTER": data("town_population.tif"),
        },
        [Table("OUTPUT", ("sid",), geometry="area"), Table("OUTPUT_SUMMARY", ("district", "category"))],
        numbers={"COUNTED": 3, "COUNTED_AREA_HA": 1.02, "NOT_COUNTED": 5, "REPAIRED": 1},
    ),
    # Space 11: the best answer everywhere (100), 12: the worst (0), 13: one visit of middling answers, by hand in
    # test_golden_hand_checks.py; the fourth submission (no id, 800 m from every space) is logged.
    # common_answer of a select-multiple question: the three most ticked choices, ties in the form's order.
    Case(
        "publicspacequality_survey",
        "habitat:publicspacequality",
        {
            "SURVEY": data("survey_export.csv"),
            "INVENTORY": data("survey.gpkg", "spaces"),
            "ID_FIELD": "sid",
            "NAME_FIELD": "name",
        },
        [
            Table("OUTPUT", ("sid",)),
            Table("OUTPUT_ANSWERS", ("space_id", "question")),
            Table("OUTPUT_LOG", ("row", "problem")),
        ],
        numbers={"SUBMISSIONS_LINKED": 3, "SPACES_SURVEYED": 3, "PROBLEMS": 1},
    ),
    # The form's lists: the three spaces of the inventory then "not in the list".
    Case(
        "koboform_survey",
        "habitat:koboform",
        {"INVENTORY": data("survey.gpkg", "spaces"), "ID_FIELD": "sid", "NAME_FIELD": "name"},
        [
            Table("OUTPUT", ("row",), name="survey", reader="xlsx:survey"),
            Table("OUTPUT", ("row",), name="choices", reader="xlsx:choices"),
        ],
        numbers={},
    ),
    # Dependants: West Park serves A and B (30 people, 15 women), East Square D and F (65, 33); North Green has no
    # street near it. Priority = 50 x (100 - quality) / 100 + 50 x dependants / 65:
    # East Square 10 + 50 = 60 (rank 1), West Park 30 + 23.076923 = 53.076923 (rank 2), North Green none (rank 3).
    Case(
        "publicspaceupgrade_town",
        "habitat:publicspaceupgrade",
        {
            "QUALITY": town("quality"),
            "ID_FIELD": "space_id",
            "NAME_FIELD": "name",
            "STREETS": town("streets"),
            "ROAD_CLASS_FIELD": "road_class",
            "POPULATION_LAYER": town("people"),
            "POPULATION_FIELDS": ["total", "women"],
            "DISTRICTS": town("districts"),
            "DISTRICT_NAME_FIELD": "name",
        },
        [Table("OUTPUT_TABLE", ("space_id",)), Table("OUTPUT", ("space_id",), geometry="area")],
        numbers={"SPACES_SURVEYED": 2, "SPACES_NOT_SURVEYED": 1, "POP_TOTAL": 130.0, "POP_DEPENDANTS": 95.0},
    ),
    # The walks and corridors above, by district of the urban extent, with the quality, upgrade and cluster layers and
    # the 2020 scorecard; by hand in test_golden_hand_checks.py.
    Case(
        "publicspacescorecard_town",
        "habitat:publicspacescorecard",
        {
            "DISTRICTS": town("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "PUBLIC_SPACES": town("parks"),
            "STREETS": town("streets"),
            "URBAN_EXTENT": town("extent"),
            "POPULATION_LAYER": town("people"),
            "POPULATION_FIELDS": ["total", "women"],
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "QUALITY": town("quality"),
            "UPGRADE": town("upgrade_ranks"),
            "UPGRADE_TOP": 1,
            "GAPS_CLUSTERS": town("gap_clusters"),
            "PREVIOUS": data("scorecard_2020.csv"),
            "YEAR": 2026,
        },
        [Table("OUTPUT_TABLE", ("level", "district")), Table("OUTPUT", ("level", "district"), geometry="area")],
        numbers={},
    ),
    # The national batch on one city: the walks of publicspaceaccess_town (Dask workers: a subprocess, hence slow).
    Case(
        "sdg1171cities_town",
        "habitat:sdg1171cities",
        {
            "URBAN_EXTENTS": town("extent"),
            "NAME_FIELD": "name",
            "STREETS": town("streets"),
            "WIDTH_FIELD": "width_m",
            "CLASS_FIELD": "road_class",
            "PUBLIC_SPACES": town("parks"),
            "POPULATION_LAYER": town("people"),
            "POPULATION_FIELDS": ["total", "women"],
            "DISTRICTS": town("districts"),
            "DISTRICT_NAME_FIELD": "name",
            "WORKERS": 1,
        },
        [
            Table("OUTPUT_TABLE", ("name",), name="cities", geometry="area", drop=("seconds",)),
            Table("OUTPUT_DISTRICTS", ("district",), name="districts", geometry="area"),
        ],
        numbers={"CITIES": 1, "CITIES_OK": 1, "CITIES_FAILED": 0, "POP_TOTAL": 130.0, "SHARE_SERVED": 100 * 95 / 130},
        slow=True,
    ),
    # Candidates: Big Park, Play corner (wholly inside Big Park, both counted: merged), North School (school grounds:
    # needs review, not counted by the default rule), School playground (counted, inside a not-counted space: kept),
    # Villa garden (access=private), Tennis club (fee=yes; sports: needs review), Bowtie green (repaired, 5000 m²);
    # Town hall is no candidate. 7 kept - the duplicate = 6 candidates, 3 counted, 2 to review.
    Case(
        "publicspacesfromosm_tiny",
        "habitat:publicspacesfromosm",
        {"INPUT": data("osm.gpkg", "multipolygons")},
        [Table("OUTPUT", ("osm_id",), geometry="area")],
        numbers={"CANDIDATES": 6, "COUNTED": 3, "DUPLICATES": 1, "REVIEW": 2, "SKIPPED": 0},
    ),
    # Kept (not walkable ones too): 201 width 12 (tag), 202 primary 25, 203 motorway 30 (walkable 0), 205 footway 3
    # (foot=no: walkable 0), 206 trunk 25 (foot=yes: walkable), 207 40 ft = 12.192 m, 208 width 300 rejected ->
    # residential 10, 209 "wide" unreadable -> track 4. Left out: 204 (private), 210 (bus_stop).
    Case(
        "streetsfromosm_tiny",
        "habitat:streetsfromosm",
        {"INPUT": data("osm.gpkg", "lines"), "KEEP_NOT_WALKABLE": True},
        [Table("OUTPUT", ("osm_id",), geometry="length")],
        numbers={
            "STREETS": 8,
            "WALKABLE": 6,
            "PRIVATE": 1,
            "NOT_WALKABLE_CLASS": 1,
            "NOT_WALKABLE_FOOT": 1,
            "NOT_WALKABLE_ACCESS": 0,
            "WIDTH_MEASURED": 2,
            "WIDTH_CLASS": 6,
            "WIDTH_DEFAULT": 0,
            "WIDTH_REJECTED": 1,
            "WIDTH_UNREADABLE": 1,
            "SKIPPED": 0,
        },
    ),
    # Presence (school, clinic, market, bank): Alpha 1111, Bravo 1110, Charlie 1010, Delta 1001, Echo 0000.
    # Weights 100/4, 100/2, 100/3, 100/2: centrality 158.33, 108.33, 58.33, 75, 0. Guttman order school, market,
    # clinic, bank: only Delta departs from its perfect scale (2 errors of 20 cells): CR = 0.9; MMR = (4 + 3 + 3 + 3)
    # / 20 = 0.65, CS = 0.25 / 0.35 = 0.714286. Natural breaks: {158.33} {108.33, 75, 58.33} {0}.
    Case(
        "sdffunctions_columns",
        "habitat:sdffunctions",
        {
            "SETTLEMENTS": region("settlements"),
            "NAME_FIELD": "name",
            "PRESENCE_FIELDS": ["f_school", "f_clinic", "f_market", "f_bank"],
            "CLASSES": 3,
        },
        [Table("OUTPUT", ("name",), geometry="wkt"), Table("OUTPUT_SCALOGRAM", ("settlement",), ordered=True)],
        numbers={"REPRODUCIBILITY": 0.9, "SCALABILITY": 0.25 / 0.35, "SETTLEMENTS": 5, "FUNCTIONS": 4},
    ),
    # The same presence from facility points (Echo's market lies 3 km away, beyond 2000 m; one facility has no
    # function); thresholds 50 and 100: Alpha and Bravo central, Charlie and Delta intermediate, Echo local.
    # The functions are now named and sorted (bank, clinic, market, school), but clinic and bank (2 settlements
    # each) are placed where they fit the scale best, as above: 2 errors, CR = 0.9, CS = 0.25 / 0.35, whatever the
    # names (test_reproducibility_does_not_depend_on_names).
    Case(
        "sdffunctions_facilities",
        "habitat:sdffunctions",
        {
            "SETTLEMENTS": region("settlements"),
            "NAME_FIELD": "name",
            "FACILITIES": region("facilities"),
            "FUNCTION_FIELD": "function",
            "MAX_DISTANCE": 2000.0,
            "METHOD": 2,
            "THRESHOLDS": "50, 100",
            "OUTPUT_REPORT": None,
        },
        [Table("OUTPUT", ("name",), geometry="wkt"), Table("OUTPUT_SCALOGRAM", ("settlement",), ordered=True)],
        numbers={"REPRODUCIBILITY": 0.9, "SCALABILITY": 0.25 / 0.35, "SETTLEMENTS": 5, "FUNCTIONS": 4},
    ),
    # Min-max: literacy (x - 50) / 40, water (x - 40) / 40 (Echo missing), poverty reversed 1 - (x - 10) / 40.
    # Index = 100 x mean of the available: Alpha 100, Bravo 66.667, Charlie 58.333, Delta 16.667, Echo 0.
    Case(
        "sdfdevelopmentindex_linear",
        "habitat:sdfdevelopmentindex",
        {
            "INPUT": region("settlements"),
            "NAME_FIELD": "name",
            "INDICATORS": ["literacy", "water", "poverty"],
            "NEGATIVE": ["poverty"],
            "CLASSES": 3,
        },
        [
            Table(
                "OUTPUT",
                ("name",),
                columns=("n_literacy", "n_water", "n_poverty", "dev_index", "dev_rank", "dev_class", "dev_label"),
            ),
            Table("OUTPUT_SENSITIVITY", ("indicator", "weight_factor")),
        ],
        numbers={},
    ),
    # Geometric, weights 2, 1, 1 (0.5, 0.25, 0.25), Echo excluded (water missing):
    # index = (1 + 99 l)^0.5 (1 + 99 w)^0.25 (1 + 99 p)^0.25; Alpha 100, Bravo 75.25^0.75 50.5^0.25, …
    Case(
        "sdfdevelopmentindex_geometric",
        "habitat:sdfdevelopmentindex",
        {
            "INPUT": region("settlements"),
            "NAME_FIELD": "name",
            "INDICATORS": ["literacy", "water", "poverty"],
            "NEGATIVE": ["poverty"],
            "WEIGHTS": "2, 1, 1",
            "AGGREGATION": 1,
            "MISSING": 2,
            "CLASSES": 3,
            "OUTPUT_REPORT": None,
        },
        [
            Table(
                "OUTPUT",
                ("name",),
                columns=("n_literacy", "n_water", "n_poverty", "dev_index", "dev_rank", "dev_class", "dev_label"),
            ),
            Table("OUTPUT_SENSITIVITY", ("indicator", "weight_factor")),
        ],
        numbers={},
    ),
    # Minutes per road: primary 10 km at 60 km/h = 10, secondary 12, tertiary 15, track 40, "dirt" (default 30 km/h)
    # 20; Echo is 1 km off the road at 5 km/h: 12 minutes. Centres: levels 1-2 (Alpha, Bravo, Charlie, Delta);
    # by hand in test_golden_hand_checks.py.
    Case(
        "sdfaccessibility_region",
        "habitat:sdfaccessibility",
        {
            "SETTLEMENTS": region("settlements"),
            "NAME_FIELD": "name",
            "LEVEL_FIELD": "level",
            "MASS_FIELD": "centrality",
            "ROADS": region("roads"),
            "CLASS_FIELD": "highway",
            "BANDS": "15, 30",
        },
        [
            Table("OUTPUT", ("name",), geometry="wkt"),
            Table("OUTPUT_ZONES", ("centre",), geometry="area"),
            Table("OUTPUT_ISOCHRONES", ("minutes",), geometry="area"),
        ],
        numbers={"CENTRES": 4, "UNCONNECTED": 0},
    ),
    # Presence from the columns; share 0.3. Level 3 (Echo, nothing) expects nothing; level 2 (Bravo, Charlie,
    # Delta): school 3/3, clinic 1/3, market 2/3, bank 1/3, all >= 0.3: all four; level 1 all four. Lacking: Bravo
    # bank; Charlie clinic, bank; Delta clinic, market (5 gaps, 3 settlements). Minutes (roads 10, 12, 15, 40, 20;
    # Echo 12 off-road + 12 to Bravo): bank Bravo 10 and Charlie 15 (Alpha), Echo 34 (Alpha); clinic Charlie 15
    # (Alpha), Delta 20 (Bravo); market Delta 20 (Bravo); Echo 24 to school, clinic, market (Bravo).
    Case(
        "sdffunctiongaps_region",
        "habitat:sdffunctiongaps",
        {
            "SETTLEMENTS": region("settlements"),
            "NAME_FIELD": "name",
            "LEVEL_FIELD": "level",
            "PRESENCE_FIELDS": ["f_school", "f_clinic", "f_market", "f_bank"],
            "ROADS": region("roads"),
            "CLASS_FIELD": "highway",
            "SHARE": 0.3,
        },
        [Table("OUTPUT", ("name",), geometry="wkt"), Table("OUTPUT_GAPS", ("settlement", "function"))],
        numbers={"SETTLEMENTS": 5, "FUNCTIONS": 4, "LACKING": 3, "GAPS": 5, "UNCONNECTED": 0},
    ),
    # The track Charlie-Delta (40 min) upgraded to primary (10 min). Centrality Alpha 158.3, Bravo 108.3, Charlie
    # 58.3, Delta 75, Echo 0; natural breaks {Alpha} {Bravo, Charlie, Delta} {Echo}; centres: level 1 (Alpha).
    # Minutes to Alpha: Bravo 10, Charlie 15, Delta min(10 + 20, 15 + 40) = 30 -> min(30, 15 + 10) = 25, Echo 12
    # off-road + 12 + 10 = 34 in both. Within 30 min: 4 of 5 settlements in both; mean (0+10+15+30+34)/5 = 17.8 ->
    # 16.8. One settlement gains (Delta, 5 min).
    Case(
        "sdfscenario_region",
        "habitat:sdfscenario",
        {
            "SETTLEMENTS": region("settlements"),
            "NAME_FIELD": "name",
            "PRESENCE_FIELDS": ["f_school", "f_clinic", "f_market", "f_bank"],
            "ROADS": region("roads"),
            "CLASS_FIELD": "highway",
            "NEW_ROADS": region("scenario_roads"),
            "NEW_CLASS_FIELD": "highway",
            "CENTRE_MAX_LEVEL": 1,
            "BANDS": "30, 60",
        },
        [Table("OUTPUT", ("name",), geometry="wkt"), Table("OUTPUT_SUMMARY", ("indicator",))],
        numbers={"GAINING": 1, "NEWLY_CONNECTED": 0},
    ),
    # Components (each 0..1): low development = reversed min-max of dev_index; far from centre = min-max of time_l1
    # (Echo has none: 1); unserved = time > 60 or none (Delta, Echo); centrality min-max; corridor = within 2 km of
    # the valley road (Alpha, Bravo, Echo). Need 0.5 / 3 each, potential 0.5 / 2 each; by hand in
    # test_golden_hand_checks.py.
    Case(
        "sdfpriority_region",
        "habitat:sdfpriority",
        {
            "SETTLEMENTS": region("settlements"),
            "NAME_FIELD": "name",
            "DEVELOPMENT_FIELD": "dev_index",
            "TRAVEL_TIME_FIELD": "time_l1",
            "CENTRALITY_FIELD": "centrality",
            "CORRIDORS": region("corridor"),
            "CORRIDOR_DISTANCE": 2000.0,
        },
        [Table("OUTPUT", ("name",), geometry="wkt")],
        numbers={},
    ),
    # Tiny Plan 2026 (Ana 3, 3, 1, NA; Bo 3, 1, 1, 2) and Old Plan 2016 (Ana 1, 1, 0, NA); weights 1, 1, 2, 1.
    # Tiny Plan: means 3, 2, 1, 2 -> (3 + 2 + 2 + 2) / 15 = 60 %; vision 5 / 6 = 83.333 %, delivery 4 / 9 = 44.444 %;
    # PQI (10/6 x 5 + 10/6 x 3) / 2 = 6.667 of 10, coverage 100 %; agreement 2 of 3 pairs = 66.667 %; alpha
    # (ordinal) = 4/9 = 0.444444 (by hand in test_golden_hand_checks.py). Old Plan: Ana's NA for c4 has no reason:
    # not scored, kept with no points: 2 / 15 = 13.333 %, vision 33.333 %, delivery 0 %, PQI 1.667, coverage 75 %.
    Case(
        "planassessment_tiny",
        "habitat:planassessment",
        {
            "FRAMEWORK": data("plan/framework.json"),
            "SCORECARDS": [
                data("plan/tiny_2026_ana.csv"),
                data("plan/tiny_2026_bo.json"),
                data("plan/tiny_2016_ana.csv"),
            ],
            "CITIES": town("cities"),
            "CITY_FIELD": "city",
        },
        [
            Table("OUTPUT_CRITERIA", ("plan", "year", "criterion")),
            Table("OUTPUT_THEMES", ("plan", "year", "theme")),
            Table("OUTPUT_PLANS", ("plan", "year")),
            Table("OUTPUT_MAP", ("city",), geometry="area"),
        ],
        numbers={},
    ),
    # The metadata rows then one row per criterion of the framework, in its order.
    Case(
        "planscorecardtemplate_tiny",
        "habitat:planscorecardtemplate",
        {
            "FRAMEWORK": data("plan/framework.json"),
            "PLAN": "Tiny Plan",
            "CITY": "Tiny Town",
            "ASSESSOR": "Ana",
            "YEAR": 2026,
        },
        [Table("OUTPUT", ("row",), name="scorecard", reader="xlsx:scorecard")],
        numbers={},
    ),
]

# Algorithms without a case of their own: the models (they run the algorithms above, each golden-tested).
SKIPPED = {"habitat:citywidepublicspaceassessment", "habitat:publicspaceaction", "habitat:spatialdevelopmentframework"}
