"""The survey round trip: habitat:koboform writes the form, synthetic answers to its own fields are exported as
KoboToolbox does (XML names CSV and English labels XLSX), habitat:publicspacequality scores them; the scores of
five spaces are computed by hand here."""

import math
import sys

import pytest
from osgeo import osr
from shapely.geometry import box

from test.conftest import ROOT, SAMPLE_DATA, layer_path
from test.helpers import read_rows, write_layer
from test.survey_answers import BEST, WORST

sys.path.insert(0, str(ROOT / "scripts"))
from kobo_export import read_form, write_export  # noqa: E402

EPSG = 32650
SQUARES = {
    11: box(500000, 3500000, 500100, 3500100),
    12: box(500300, 3500000, 500400, 3500100),
    13: box(500600, 3500000, 500700, 3500100),
    14: box(500900, 3500000, 501000, 3500100),
    15: box(501200, 3500000, 501300, 3500100),
}

# Space 13: two visits with gaps (see the hand computation in test_round_trip_scores_by_hand).
MIXED_1 = {
    "universal_access": "partly",
    "opening_hours": "daytime",
    "entry_fee": "no",
    "barriers": ["fence", "steps"],
    "users_women": 3,
    "users_men": 1,
    "users_children": 4,
    "users_youth": 0,
    "users_adults": 0,
    "users_older": 0,
    "users_disability": 0,
    "activities": ["sitting", "walking", "play"],
    "seating": "some",
    "shade": "none",
    "toilets": "no",
    "drinking_water": "yes",
    "lighting": "partly",
    "safety_women": "unsafe",
    "safety_men": "no_answer",
    "visibility": "partly",
    "incidents": "few",
    "green_cover_pct": 40,
    "trees": "some",
    "amenities": ["bins", "signage"],
    "facility_condition": "fair",
    "cleanliness": "dirty",
    "vegetation_upkeep": "fair",
    "vandalism": "many",
}
MIXED_2 = {
    "universal_access": "yes",
    "opening_hours": "limited",
    "barriers": ["none"],
    "users_women": 2,
    "users_men": 2,
    "users_children": 1,
    "users_youth": 1,
    "users_adults": 1,
    "users_older": 1,
    "users_disability": 3,
    "activities": ["none"],
    "seating": "enough",
    "safety_women": "safe",
    "safety_men": "very_safe",
    "visibility": "clear",
    "incidents": "none",
    "green_cover_pct": 60,
    "trees": "many",
    "amenities": ["playground", "bins", "ramps", "fitness"],
    "facility_condition": "poor",
}
DIMENSIONS = ["accessibility", "use", "comfort", "safety", "green", "facilities", "maintenance"]


def lat_lon(x, y):
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(EPSG)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(source, target).TransformPoint(x, y)
    return round(lat, 8), round(lon, 8)


def inventory(tmp_path, epsg=EPSG):
    rows = [
        (shape, [space_id, f"Space {space_id}", "West" if space_id < 13 else "East"])
        for space_id, shape in SQUARES.items()
    ]
    return write_layer(
        tmp_path / "inventory.gpkg",
        "spaces",
        "Polygon",
        epsg,
        [("sid", "int"), ("name", "str"), ("district", "str")],
        rows,
    )


def submission(n, values, space_id=None, gps=None):
    meta = {
        "start": "2026-10-01T09:00:00+08:00",
        "end": "2026-10-01T09:20:00+08:00",
        "today": "2026-10-01",
        "deviceid": "collect:test",
        "form_version": "2026.1",
        "_uuid": f"uuid-{n}",
        "_submission_time": "2026-10-01T10:00:00",
    }
    return dict(meta, space_id=space_id, gps=gps, **values)


def round_trip_submissions():
    return [
        submission(1, BEST, "11", lat_lon(500050, 3500050)),
        submission(2, WORST, "12", None),
        submission(3, MIXED_1, "13", lat_lon(500650, 3500050)),
        submission(4, MIXED_2, "13", None),
        submission(5, {"universal_access": "yes"}, None, lat_lon(500950, 3500050)),  # no id: GPS inside 14
        submission(6, {"seating": "none"}, "other", lat_lon(501310, 3500050)),  # 10 m east of 15
        submission(7, {"seating": "enough"}, None, lat_lon(501500, 3500050)),  # 200 m from every space
    ]


def run_quality(survey, inventory_source, folder, **extra):
    from qgis import processing

    parameters = {
        "SURVEY": str(survey),
        "INVENTORY": inventory_source,
        "ID_FIELD": "sid",
        "NAME_FIELD": "name",
        "DISTRICT_FIELD": "district",
        "OUTPUT": str(folder / "quality.gpkg"),
        "OUTPUT_ANSWERS": str(folder / "answers.csv"),
        "OUTPUT_LOG": str(folder / "log.csv"),
        "OUTPUT_REPORT": str(folder / "quality.html"),
    }
    parameters.update(extra)
    result = processing.run("habitat:publicspacequality", parameters)
    scores = {int(row["sid"]): row for row in read_rows(folder / "quality.gpkg")}
    return result, scores, read_rows(folder / "log.csv")


def value(row, name):
    return None if row[name] in (None, "") else float(row[name])


@pytest.mark.parametrize("style", ["names", "labels"])
def test_round_trip_scores_by_hand(tmp_path, habitat_provider, style):
    from pyxform.xls2xform import convert
    from qgis import processing

    source = inventory(tmp_path)
    form = tmp_path / "form.xlsx"
    processing.run(
        "habitat:koboform", {"INVENTORY": source, "ID_FIELD": "sid", "NAME_FIELD": "name", "OUTPUT": str(form)}
    )
    convert(xlsform=str(form), validate=False)  # KoboToolbox's own conversion accepts it
    fields, choices = read_form(form)
    assert [name for name, _ in choices["spaces"]] == ["11", "12", "13", "14", "15", "other"]
    # The synthetic answers fill exactly the form's own fields.
    filled = (
        set(BEST)
        | set(WORST)
        | {"space_id", "space_name", "gps", "photo", "start", "end", "today", "deviceid", "form_version"}
    )
    assert {field.name for field in fields} == filled

    survey = tmp_path / ("export.csv" if style == "names" else "export.xlsx")
    write_export(form, round_trip_submissions(), survey, style, delimiter=",")
    result, scores, log = run_quality(survey, source, tmp_path)

    # Space 11: the best answer everywhere; space 12: the worst (nobody counted: evenness 0).
    for dimension in DIMENSIONS:
        assert value(scores[11], f"q_{dimension}") == pytest.approx(100.0)
        assert value(scores[12], f"q_{dimension}") == pytest.approx(0.0)
    assert value(scores[11], "quality_index") == pytest.approx(100.0) and value(scores[12], "quality_index") == 0.0

    # Space 13 by hand: each question averaged over the two visits, then the questions of a dimension.
    j31 = -(0.75 * math.log(0.75) + 0.25 * math.log(0.25)) / math.log(2)  # evenness of 3 women, 1 man
    expected = {
        "accessibility": (0.75 + 0.375 + 1.0 + 0.75) / 4,  # access (.5,1) hours (.5,.25) fee (1,-) barriers (.5,1)
        "use": (((j31 + 1) / 2) + 0.5 + 0.5 + 0.25) / 4,  # sexes, ages (0,1), disability (0,1), activities (.5,0)
        "comfort": (0.75 + 0 + 0 + 1 + 0.5) / 5,
        "safety": (0.5 + 1.0 + 0.75 + 0.75) / 4,  # men: "nobody to ask" leaves only the second visit
        "green": (0.5 + 0.75) / 2,
        "facilities": (3 / 7 + 0.25) / 2,  # amenities 2/7 and 4/7; condition fair and poor
        "maintenance": (0 + 0.5 + 0) / 3,
    }
    for dimension, score in expected.items():
        assert value(scores[13], f"q_{dimension}") == pytest.approx(100 * score), dimension
    assert value(scores[13], "quality_index") == pytest.approx(100 * sum(expected.values()) / 7)
    assert scores[13]["submissions"] in (2, "2") and scores[13]["complete"] in (1, "1")

    # Space 14 linked by its GPS point, one dimension answered: no index, the dimension is kept.
    assert value(scores[14], "q_accessibility") == 100.0 and value(scores[14], "quality_index") is None
    assert scores[14]["complete"] in (0, "0") and value(scores[14], "q_comfort") is None
    # Space 15: "not in the list", its point 10 m outside the space (tolerance 25 m).
    assert value(scores[15], "q_comfort") == 0.0 and scores[15]["submissions"] in (1, "1")
    assert value(scores[14], "answered_pct") == pytest.approx(100 / 24)

    assert [(row["row"], row["problem"]) for row in log] == [("8", "outside_spaces")]
    assert (result["SUBMISSIONS_LINKED"], result["SPACES_SURVEYED"], result["PROBLEMS"]) == (6, 5, 1)
    answers = read_rows(tmp_path / "answers.csv")
    women = next(r for r in answers if r["space_id"] == "13" and r["question"] == "users_women")
    assert (women["answers"], float(women["mean_value"])) == ("2", 2.5)
    balance = next(r for r in answers if r["space_id"] == "13" and r["question"] == "gender_balance")
    assert float(balance["mean_score"]) == pytest.approx(100 * (j31 + 1) / 2)
    hours = next(r for r in answers if r["space_id"] == "11" and r["question"] == "opening_hours")
    assert hours["common_answer"] == "Always open (24 hours)"
    report = (tmp_path / "quality.html").read_text(encoding="utf-8")
    assert "Space 13" in report and report.count("<img") >= 2


def test_weights_change_the_index_only(tmp_path, habitat_provider):
    source = inventory(tmp_path)
    form = tmp_path / "form.xlsx"
    from qgis import processing

    processing.run("habitat:koboform", {"INVENTORY": source, "ID_FIELD": "sid", "OUTPUT": str(form)})
    write_export(form, round_trip_submissions()[2:4], tmp_path / "export.csv")
    _, equal, _ = run_quality(tmp_path / "export.csv", source, tmp_path)
    _, weighted, _ = run_quality(
        tmp_path / "export.csv", source, tmp_path, WEIGHTS="safety=2, maintenance=0", OUTPUT_REPORT=None
    )
    dims = {d: value(equal[13], f"q_{d}") for d in DIMENSIONS}
    assert {d: value(weighted[13], f"q_{d}") for d in DIMENSIONS} == dims
    expected = (sum(dims.values()) - dims["maintenance"] + dims["safety"]) / 7  # weights 1+1+1+2+1+1+0
    assert value(weighted[13], "quality_index") == pytest.approx(expected)


def test_bad_rows_are_logged_and_valid_rows_still_score(tmp_path, habitat_provider):
    from qgis import processing

    source = inventory(tmp_path)
    form = tmp_path / "form.xlsx"
    processing.run("habitat:koboform", {"INVENTORY": source, "ID_FIELD": "sid", "OUTPUT": str(form)})
    rows = round_trip_submissions()[:2]
    rows.append(dict(rows[0]))  # resubmitted: same _uuid
    rows.append(submission(8, dict(BEST, seating="maybe"), "11"))  # not in the choice list
    rows.append(submission(9, BEST, "11", None) | {"form_version": "2025.1"})
    rows.append(submission(10, BEST, None, None))  # neither id nor GPS
    rows.append(submission(11, BEST, "99", None))  # an id the inventory does not have
    survey = tmp_path / "export.csv"
    write_export(form, rows, survey)
    text = survey.read_text(encoding="utf-8").splitlines()
    survey.write_text(
        "\n".join([text[0] + ";supervisor_note"] + [line + ";ok" for line in text[1:]]) + "\n", encoding="utf-8"
    )
    result, scores, log = run_quality(survey, source, tmp_path)
    problems = [(row["row"], row["problem"], row["column"], row["value"]) for row in log]
    assert ("1", "unknown_column", "supervisor_note", "") in problems
    assert ("4", "duplicate_uuid", "_uuid", "first in row 2") in problems
    assert ("5", "invalid_answer", "seating", "maybe") in problems
    assert ("6", "version_mismatch", "form_version", "2025.1") in problems
    assert ("7", "no_location", "", "") in problems
    assert ("8", "unknown_space_id", "space_id", "99") in problems and ("8", "no_location", "", "") in problems
    assert result["PROBLEMS"] == len(problems) == 7
    # Valid rows still score: space 11 has rows 2, 5 and 6 (its seating answer in row 5 is not scored).
    assert scores[11]["submissions"] in (3, "3") and value(scores[11], "q_comfort") == 100.0
    assert value(scores[12], "quality_index") == 0.0


def test_sample_survey_both_header_styles_agree(tmp_path, habitat_provider):
    """The bundled sample exports (XML names CSV, English labels XLSX) are the same survey: same scores."""
    folders = [tmp_path / "names", tmp_path / "labels"]
    results = []
    for folder, name in zip(folders, ("public_space_survey.csv", "public_space_survey_labels.xlsx")):
        folder.mkdir()
        from qgis import processing

        result = processing.run(
            "habitat:publicspacequality",
            {
                "SURVEY": str(SAMPLE_DATA / "survey" / name),
                "INVENTORY": layer_path("public_spaces"),
                "ID_FIELD": "ps_id",
                "NAME_FIELD": "name",
                "OUTPUT": str(folder / "q.gpkg"),
                "OUTPUT_ANSWERS": "TEMPORARY_OUTPUT",
                "OUTPUT_LOG": str(folder / "log.csv"),
                "OUTPUT_REPORT": None,
            },
        )
        results.append(result)
    names, labels = (read_rows(folder / "q.gpkg") for folder in folders)
    assert names == labels
    assert (results[0]["SUBMISSIONS_LINKED"], results[0]["SPACES_SURVEYED"]) == (75, 25)
    codes = sorted(row["problem"] for row in read_rows(folders[0] / "log.csv"))
    assert codes == ["duplicate_uuid", "invalid_answer", "no_location", "outside_spaces", "version_mismatch"]
    assert [(r["row"], r["problem"]) for r in read_rows(folders[0] / "log.csv")] == [
        (r["row"], r["problem"]) for r in read_rows(folders[1] / "log.csv")
    ]


def test_geographic_inventory_and_bad_input(tmp_path, habitat_provider):
    from qgis import processing
    from qgis.core import QgsProcessingException
    from shapely.ops import transform as reproject

    def to_wgs84(shape):
        return reproject(lambda x, y, z=None: tuple(reversed(lat_lon(x, y))), shape)

    rows = [(to_wgs84(shape), [space_id, f"Space {space_id}", "West"]) for space_id, shape in SQUARES.items()]
    geographic = write_layer(
        tmp_path / "wgs84.gpkg", "spaces", "Polygon", 4326, [("sid", "int"), ("name", "str"), ("district", "str")], rows
    )
    form = tmp_path / "form.xlsx"
    processing.run("habitat:koboform", {"INVENTORY": geographic, "ID_FIELD": "sid", "OUTPUT": str(form)})
    write_export(form, round_trip_submissions(), tmp_path / "export.csv")
    _, scores, log = run_quality(tmp_path / "export.csv", geographic, tmp_path)
    assert value(scores[11], "quality_index") == pytest.approx(100.0)
    assert value(scores[15], "q_comfort") == 0.0  # 10 m in metres although the layer is in degrees
    assert [row["problem"] for row in log] == ["outside_spaces"]

    # An export without the space id and GPS columns: a clear error, and no output is left behind.
    broken = tmp_path / "broken.csv"
    broken.write_text("_uuid;comfort/seating\nu1;enough\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="neither the space id column"):
        run_quality(broken, geographic, out)
    assert list(out.iterdir()) == []
    duplicated = write_layer(
        tmp_path / "dup.gpkg", "spaces", "Polygon", EPSG, [("sid", "int")], [(SQUARES[11], [1]), (SQUARES[12], [1])]
    )
    with pytest.raises(QgsProcessingException, match="used more than once: 1"):
        processing.run(
            "habitat:koboform", {"INVENTORY": duplicated, "ID_FIELD": "sid", "OUTPUT": str(tmp_path / "f2.xlsx")}
        )
    with pytest.raises(QgsProcessingException, match="Choose the space id field"):
        processing.run("habitat:koboform", {"INVENTORY": geographic, "OUTPUT": str(tmp_path / "f3.xlsx")})
    with pytest.raises(QgsProcessingException, match='Unknown dimension "beauty"'):
        run_quality(tmp_path / "export.csv", geographic, out, WEIGHTS="beauty=1")
    assert not (tmp_path / "f2.xlsx").exists() and list(out.iterdir()) == []


def test_chinese_report_and_log(tmp_path, habitat_provider, locale):
    from qgis import processing

    locale("zh_CN")
    source = inventory(tmp_path)
    form = tmp_path / "form.xlsx"
    processing.run(
        "habitat:koboform", {"INVENTORY": source, "ID_FIELD": "sid", "NAME_FIELD": "name", "OUTPUT": str(form)}
    )
    write_export(form, round_trip_submissions(), tmp_path / "export.csv")
    run_quality(tmp_path / "export.csv", source, tmp_path)
    report = (tmp_path / "quality.html").read_text(encoding="utf-8")
    assert "公共空间质量" in report and "可达性" in report and "使用与使用者" in report
    assert read_rows(tmp_path / "log.csv")[0]["description"] == "GPS 点不在任何空间内或附近；未关联"
    hours = next(
        r for r in read_rows(tmp_path / "answers.csv") if r["space_id"] == "11" and r["question"] == "opening_hours"
    )
    assert (hours["question_label"], hours["common_answer"]) == ("该空间何时开放？", "全天开放（24 小时）")


def test_cancel_leaves_no_output(tmp_path, habitat_provider):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    source = inventory(tmp_path)
    survey = SAMPLE_DATA / "survey" / "public_space_survey.csv"
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("habitat:publicspacequality")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "out"
    out.mkdir()
    parameters = {
        "SURVEY": str(survey),
        "INVENTORY": source,
        "ID_FIELD": "sid",
        "GPS_TOLERANCE": 25,
        "OUTPUT": str(out / "q.gpkg"),
        "OUTPUT_ANSWERS": str(out / "a.csv"),
        "OUTPUT_LOG": str(out / "l.csv"),
        "OUTPUT_REPORT": str(out / "r.html"),
    }
    results, ok = algorithm.run(parameters, context, feedback)
    assert not ok and list(out.iterdir()) == []
