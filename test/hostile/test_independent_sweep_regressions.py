"""The defects an independent sweep of 304 hostile cases through qgis_process found (2026-12-01), each kept here
so that it stays fixed: tracebacks, silent wrong answers and unclear messages."""

from osgeo import gdal
from shapely.geometry import LineString, Point, box

from test.conftest import SAMPLE_DATA, SAMPLE_POPULATION, layer_path
from test.helpers import write_layer
from test.hostile.hostile import assert_clear, assert_reported, attempt, snapshot, zero_bytes

REGION = f"{SAMPLE_DATA / 'sample_region.gpkg'}|layername="
LAND = {
    "URBAN_EXTENT": layer_path("urban_extent"),
    "CITY_NAME_FIELD": "name",
    "PUBLIC_SPACES": layer_path("public_spaces"),
    "STREETS": layer_path("streets"),
    "WIDTH_FIELD": "width_m",
    "CLASS_FIELD": "road_class",
    "OUTPUT_STREET_AREA": "memory:",
    "OUTPUT_TABLE": "memory:",
}
PRIORITY = {
    "SETTLEMENTS": REGION + "settlements",
    "NAME_FIELD": "name",
    "DEVELOPMENT_FIELD": "growth_pct",
    "TRAVEL_TIME_FIELD": "poverty_pct",
    "CENTRALITY_FIELD": "population",
    "ACCESSIBILITY_FIELD": "water_pct",
}


def test_a_required_field_left_at_its_default_name_is_refused_by_name(tmp_path, habitat_provider):
    """The raw settlements have no "level" (it comes from the functional analysis): refused, not a KeyError."""
    outcome = attempt(
        "habitat:sdfaccessibility",
        {
            "SETTLEMENTS": REGION + "settlements",
            "NAME_FIELD": "name",
            "LEVEL_FIELD": "level",
            "MASS_FIELD": "population",
            "ROADS": REGION + "roads",
            "CLASS_FIELD": "highway",
            "OUTPUT": str(tmp_path / "acc.gpkg"),
            "OUTPUT_ZONES": str(tmp_path / "z.gpkg"),
            "OUTPUT_ISOCHRONES": str(tmp_path / "iso.gpkg"),
        },
    )
    assert_clear(outcome, "level")


def test_polygons_with_a_broken_one_as_corridors_are_repaired_not_a_crash(tmp_path, habitat_provider):
    outcome = attempt(
        "habitat:sdfpriority",
        {**PRIORITY, "CORRIDORS": layer_path("public_spaces"), "OUTPUT": str(tmp_path / "p.gpkg")},
    )
    assert outcome.status in ("ok", "failed", "refused") and "unexpected error" not in outcome.message, str(outcome)


def test_corridors_far_from_every_settlement_are_said(tmp_path, habitat_provider):
    far = write_layer(
        tmp_path / "far.gpkg", "roads", "LineString", 32650, [], [(LineString([(5_000_000, 0), (5_001_000, 0)]), [])]
    )
    outcome = attempt("habitat:sdfpriority", {**PRIORITY, "CORRIDORS": far, "OUTPUT": str(tmp_path / "p.gpkg")})
    assert_reported(outcome, "No settlement lies within")


def test_an_output_folder_that_cannot_be_made_is_a_message(tmp_path, habitat_provider):
    outcome = attempt("habitat:sdg1171landshare", {**LAND, "OUTPUT_REPORT": "/proc/habitat_sweep/r.html"})
    assert_clear(outcome, "/proc/habitat_sweep")


def test_an_output_folder_that_does_not_exist_yet_is_made_and_removed_after_a_failure(tmp_path, habitat_provider):
    deep = tmp_path / "new" / "sub" / "inventory.gpkg"
    ok = attempt(
        "habitat:publicspaceinventory",
        {
            "INPUT": layer_path("public_spaces"),
            "TYPE_FIELD": "ps_type",
            "OUTPUT": str(deep),
            "OUTPUT_SUMMARY": "memory:",
        },
    )
    assert ok.status == "ok", str(ok) and deep.exists()
    other = tmp_path / "other" / "deeper" / "inventory.gpkg"
    failed = attempt(
        "habitat:publicspaceinventory",
        {
            "INPUT": layer_path("public_spaces"),
            "TYPE_FIELD": "ps_type",
            "TYPE_MAPPING": ["park"],
            "OUTPUT": str(other),
            "OUTPUT_SUMMARY": "memory:",
        },
    )
    assert failed.status in ("refused", "failed") and not (tmp_path / "other").exists()


def test_an_indicator_with_a_typing_slip_is_warned(tmp_path, habitat_provider):
    rows = [(Point(i * 1000, 0), [f"S{i}", float(10 + i), 1e300 if i == 3 else float(50 + i)]) for i in range(12)]
    settlements = write_layer(
        tmp_path / "s.gpkg",
        "settlements",
        "Point",
        32650,
        [("name", "str"), ("growth_pct", "real"), ("enrolment_pct", "real")],
        rows,
    )
    outcome = attempt(
        "habitat:sdfdevelopmentindex",
        {
            "INPUT": settlements,
            "NAME_FIELD": "name",
            "INDICATORS": ["growth_pct", "enrolment_pct"],
            "OUTPUT": str(tmp_path / "d.gpkg"),
            "OUTPUT_SENSITIVITY": "memory:",
        },
    )
    assert_reported(outcome, "far outside", "S3")


def test_an_implausibly_dense_population_is_warned(tmp_path, habitat_provider):
    source = gdal.Open(str(SAMPLE_POPULATION))
    path = str(tmp_path / "huge.tif")
    target = gdal.GetDriverByName("GTiff").CreateCopy(path, source)
    band = target.GetRasterBand(1)
    values = band.ReadAsArray().astype(float)
    values[values > 0] = 3e30
    band.WriteArray(values)
    target = source = None
    outcome = attempt(
        "habitat:urbanextent",
        {
            "INPUT": str(SAMPLE_DATA / "sample_city_builtup.tif"),
            "YEAR": 2020,
            "POPULATION": path,
            "OUTPUT": str(tmp_path / "e.gpkg"),
        },
    )
    assert_reported(outcome, "more than any city")


def test_a_highway_tag_that_is_no_street_is_accounted_for(tmp_path, habitat_provider):
    osm = tmp_path / "tiny.osm"
    osm.write_text(
        """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6">
 <node id="1" lat="31.6" lon="117.0"/><node id="2" lat="31.601" lon="117.0"/><node id="3" lat="31.602" lon="117.0"/>
 <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
 <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="=cmd|' /C calc'!A0"/></way>
</osm>""",
        encoding="utf-8",
    )
    outcome = attempt("habitat:streetsfromosm", {"INPUT": f"{osm}|layername=lines", "OUTPUT": str(tmp_path / "s.gpkg")})
    assert_reported(outcome, "not a street class", "1 lines")


def test_a_layer_without_a_crs_is_named(tmp_path, habitat_provider):
    from osgeo import ogr

    path = tmp_path / "nocrs.shp"  # a shapefile without its .prj
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    layer = source.CreateLayer("nocrs", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("ps_type", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("ps_type", "park")
    feature.SetGeometry(ogr.CreateGeometryFromWkb(box(500_000, 3_500_000, 500_100, 3_500_100).wkb))
    layer.CreateFeature(feature)
    feature = layer = source = None
    outcome = attempt(
        "habitat:publicspaceinventory",
        {"INPUT": str(path), "TYPE_FIELD": "ps_type", "OUTPUT": str(tmp_path / "i.gpkg"), "OUTPUT_SUMMARY": "memory:"},
    )
    assert_clear(outcome, "coordinate reference system", "nocrs")


def test_a_damaged_layer_file_is_not_called_missing(tmp_path, habitat_provider):
    outcome = attempt(
        "habitat:publicspaceinventory",
        {
            "INPUT": zero_bytes(tmp_path / "zero.gpkg"),
            "TYPE_FIELD": "ps_type",
            "OUTPUT": str(tmp_path / "i.gpkg"),
            "OUTPUT_SUMMARY": "memory:",
        },
    )
    assert_clear(outcome, "zero.gpkg", "does not open")


def test_a_choice_out_of_the_list_names_the_choices(tmp_path, habitat_provider):
    outcome = attempt(
        "habitat:publicspacesfromosm",
        {"INPUT": layer_path("public_spaces"), "REVIEW_RULE": 99, "OUTPUT": str(tmp_path / "o.gpkg")},
    )
    assert_clear(outcome, "must be one of", "0 =")


def test_a_disk_error_is_a_message_and_the_folder_stays_as_it_was(tmp_path, habitat_provider):
    """A report path whose folder is a file: the writer's OSError becomes a message naming the file."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    before = snapshot(tmp_path)
    outcome = attempt(
        "habitat:sdg1171landshare",
        {**LAND, "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_REPORT": str(blocker / "r.html")},
    )
    assert_clear(outcome, "blocker")
    assert snapshot(tmp_path) == before
