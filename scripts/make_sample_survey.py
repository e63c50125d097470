#!/usr/bin/env python3
"""Write the sample public space quality survey of the sample city (run with .venv/bin/python; output committed).

resources/sample_data/survey/:
- public_space_survey_form.xlsx: the XLSForm of the built-in questionnaire with the sample city's 28 space ids;
- public_space_survey.csv: a KoboToolbox export with XML names (semicolon separated, Kobo's default);
- public_space_survey_labels.xlsx: the same submissions exported with English labels.
Spaces 1-25 get 2-4 submissions each, drawn around a quality level per space (seeded: the same files every
run). On purpose, for the import log: 3 rows without a space id (linked by GPS), a space "not in the list"
outside every space, a row without id or GPS, a resubmitted duplicate, a green cover of 140 % and an older form
version.
"""

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from kobo_export import write_export  # noqa: E402

from habitat_planning_plugin.core.public_space.survey import load_questionnaire, write_xlsform  # noqa: E402

SURVEY = ROOT / "resources" / "sample_data" / "survey"
QUESTIONNAIRE = ROOT / "resources" / "questionnaires" / "public_space_quality.json"
CITY = ROOT / "resources" / "sample_data" / "sample_city.gpkg"


def spaces():
    """[(id, name, type, polygon rings in lon/lat)] of the sample city's public spaces."""
    from osgeo import ogr, osr

    source = ogr.Open(str(CITY))
    layer = source.GetLayerByName("public_spaces")
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(layer.GetSpatialRef(), target)
    result = []
    for feature in layer:
        geometry = feature.GetGeometryRef().Clone()
        geometry.Transform(transform)
        result.append((feature["ps_id"], feature["name"], feature["ps_type"], geometry))
    return result


def point_inside(geometry, rng):
    from osgeo import ogr

    minx, maxx, miny, maxy = geometry.GetEnvelope()
    for _ in range(1000):
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        if geometry.Contains(point):
            return round(y, 7), round(x, 7)
    centroid = geometry.Centroid()
    return round(centroid.GetY(), 7), round(centroid.GetX(), 7)


TYPES = {
    "park": "park",
    "square": "square",
    "civic park": "civic_park",
    "recreational green area": "recreational",
    "public facility open area": "facility_open_area",
}


def answers(questionnaire, level, rng):
    """One submission's answers around a quality ``level`` (0-1)."""
    values = {}
    for question in questionnaire.questions:
        if question.kind == "select_one" and question.dimension:
            options = [
                c
                for c in questionnaire.choices[question.list_name]
                if question.scores.get(c["name"], c.get("score")) is not None
            ]
            target = min(max(level + rng.gauss(0, 0.2), 0), 1)
            values[question.name] = min(
                options, key=lambda c: abs(question.scores.get(c["name"], c.get("score")) - target)
            )["name"]
        elif question.kind == "select_multiple":
            scored = [c["name"] for c in questionnaire.choices[question.list_name] if c.get("score")]
            chance = level if question.scoring == "share_selected" else 1 - level
            ticked = [name for name in scored if rng.random() < chance]
            values[question.name] = ticked or [question.exclusive]
    crowd = int(5 + 40 * level * rng.random())
    women = int(crowd * rng.uniform(0.25 + 0.2 * level, 0.55))
    values.update({"users_women": women, "users_men": crowd - women, "users_disability": int(rng.random() < level)})
    ages = [rng.random() * (0.3 + level) for _ in range(3)] + [rng.random()]
    for name, share in zip(("users_children", "users_youth", "users_adults", "users_older"), ages):
        values[name] = int(round(crowd * share / sum(ages)))
    values["green_cover_pct"] = int(min(max(100 * level + rng.gauss(0, 12), 0), 100))
    if values["entry_fee"] == "yes":
        values["fee_amount"] = 5
    if rng.random() < 0.15:
        values["safety_men"] = "no_answer"
    return values


def main() -> int:
    rng = random.Random(20261122)
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    SURVEY.mkdir(parents=True, exist_ok=True)
    city = spaces()
    form = SURVEY / "public_space_survey_form.xlsx"
    write_xlsform(questionnaire, form, [(str(i), name) for i, name, _, _ in city])
    submissions, day = [], 0
    for space_id, _name, kind, geometry in city:
        if kind not in TYPES:
            continue  # private gardens and the golf course are not surveyed
        level = 0.2 + 0.75 * rng.random()
        for visit in range(2 + space_id % 3):
            day += 1
            values = answers(questionnaire, level, rng)
            values.update(
                {
                    "space_id": str(space_id),
                    "space_type": TYPES[kind],
                    "gps": point_inside(geometry, rng),
                    "photo": f"space{space_id}_{visit + 1}.jpg",
                    "form_version": questionnaire.version,
                    "start": f"2026-10-{1 + day % 28:02d}T09:{day % 60:02d}:00+08:00",
                    "end": f"2026-10-{1 + day % 28:02d}T09:{(day + 17) % 60:02d}:00+08:00",
                    "today": f"2026-10-{1 + day % 28:02d}",
                    "deviceid": f"collect:sample{visit % 4}",
                    "_uuid": f"00000000-0000-4000-8000-{len(submissions) + 1:012d}",
                    "_submission_time": f"2026-10-{1 + day % 28:02d}T10:00:00",
                    "_validation_status": "",
                    "_status": "submitted_via_web",
                    "__version__": "vSample2026",
                }
            )
            submissions.append(values)
    # The rows the import log should show (see the docstring).
    for index in (4, 20, 40):
        submissions[index]["space_id"] = None  # linked by its GPS point
    submissions[10]["green_cover_pct"] = 140
    submissions[30]["form_version"] = "2025.1"
    west, _, south, _ = city[0][3].GetEnvelope()
    for _, _, _, geometry in city:
        envelope = geometry.GetEnvelope()
        west, south = min(west, envelope[0]), min(south, envelope[2])
    stray = dict(
        submissions[5],
        space_id="other",
        space_name="Temple Street Playground",
        gps=(round(south - 0.003, 7), round(west - 0.003, 7)),  # ~400 m south-west of every space
        _uuid="00000000-0000-4000-8000-900000000001",
    )
    lost = dict(submissions[6], space_id=None, gps=None, _uuid="00000000-0000-4000-8000-900000000002")
    submissions += [stray, lost, dict(submissions[12])]  # the last one is a resubmission of row 14
    write_export(form, submissions, SURVEY / "public_space_survey.csv", "names", ";")
    write_export(form, submissions, SURVEY / "public_space_survey_labels.xlsx", "labels")
    print(f"wrote {form.name} and {len(submissions)} submissions to {SURVEY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
