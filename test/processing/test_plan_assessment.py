"""habitat:planassessment by hand: three assessors of one plan version, one of another; agreement; escaping."""

import json

import krippendorff
import numpy as np
import pytest
from qgis.core import QgsProcessingException

from test.core.test_scorecards import FRAMEWORK
from test.helpers import read_rows


def card(folder, name, assessor, year, scores, comments=None):
    payload = {
        "framework": "mini",
        "plan": "Master Plan",
        "city": "Sample City",
        "year": year,
        "assessor": assessor,
        "scores": {k: {"score": v, "comment": (comments or {}).get(k, "")} for k, v in scores.items()},
    }
    path = folder / name
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def inputs(tmp_path):
    framework = tmp_path / "mini.json"
    framework.write_text(json.dumps(FRAMEWORK, ensure_ascii=False), encoding="utf-8")
    cards = [
        card(tmp_path, "a.json", "Ana", 2026, {"V1": 3, "V2": 2, "P1": "NA"}),
        card(tmp_path, "b.json", "Bo", 2026, {"V1": 2, "V2": 2, "P1": 1}),
        card(
            tmp_path, "c.json", "Chen", 2026, {"V1": 3, "V2": 0, "P1": 1}, {"V2": "<script>alert(1)</script> no goals"}
        ),
        card(tmp_path, "d.json", "Ana", 2020, {"V1": 1, "V2": 1, "P1": 0}),
    ]
    return {"FRAMEWORK": str(framework), "SCORECARDS": cards}


def test_scores_agreement_and_report(inputs, tmp_path, habitat_provider):
    from qgis import processing

    processing.run(
        "habitat:planassessment",
        {
            **inputs,
            "OUTPUT_CRITERIA": str(tmp_path / "c.csv"),
            "OUTPUT_THEMES": str(tmp_path / "t.csv"),
            "OUTPUT_PLANS": str(tmp_path / "p.csv"),
            "OUTPUT_REPORT": str(tmp_path / "r.html"),
        },
    )
    plans = {int(r["year"]): r for r in read_rows(tmp_path / "p.csv")}
    recent = plans[2026]
    # Means V1 8/3, V2 4/3 (weight 2), P1 1 (NA left out): (8/3 + 2 x 4/3 + 1) / (3 x 4).
    assert float(recent["overall_pct"]) == pytest.approx(100 * (19 / 3) / 12)
    assert float(recent["pqi"]) == pytest.approx((10 / 6 * 4 + 10 / 3 * 1) / 2)  # 0-10: the mean of the themes
    ratings = np.array([[3, 2, np.nan], [2, 2, 1], [3, 0, 1]])
    expected = krippendorff.alpha(reliability_data=ratings, level_of_measurement="ordinal")
    assert float(recent["alpha"]) == pytest.approx(expected)
    assert float(recent["agreement_pct"]) == pytest.approx(100 * 3 / 7)  # V1 1 of 3 pairs, V2 1 of 3, P1 1 of 1
    assert plans[2020]["alpha"] == "" and int(plans[2020]["assessors"]) == 1  # one assessor: no agreement
    themes = {(int(r["year"]), r["theme"]): float(r["score_pct"]) for r in read_rows(tmp_path / "t.csv")}
    assert themes[(2026, "vision")] == pytest.approx(100 * (8 / 3 + 2 * 4 / 3) / 9)
    assert themes[(2026, "participation")] == pytest.approx(100 / 3)
    criteria = {(int(r["year"]), r["criterion"]): r for r in read_rows(tmp_path / "c.csv")}
    assert criteria[(2026, "V2")]["disagree"] == "1" and criteria[(2026, "V1")]["disagree"] == "0"
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; no goals" in html and "<script>alert" not in html
    # The plans compared on one radar and over time (one city, two years), then a radar for each plan.
    assert html.count("data:image/png;base64,") == 4


def test_mixed_frameworks_are_refused(inputs, tmp_path, habitat_provider):
    from qgis import processing

    other = card(tmp_path, "x.json", "Dee", 2026, {"V1": 1})
    payload = json.loads(open(other, encoding="utf-8").read())
    payload["framework"] = "other"
    open(other, "w", encoding="utf-8").write(json.dumps(payload))
    with pytest.raises(QgsProcessingException, match="made for the framework"):
        processing.run(
            "habitat:planassessment",
            {
                **inputs,
                "SCORECARDS": inputs["SCORECARDS"] + [other],
                "OUTPUT_CRITERIA": "memory:",
                "OUTPUT_THEMES": "memory:",
                "OUTPUT_PLANS": "memory:",
                "OUTPUT_REPORT": None,
            },
        )


@pytest.mark.parametrize(
    "alpha, shown, warning",
    [
        (0.66651, "0.6665", "alpha 0.6665, below 0.6670"),  # three decimals would read 0.667 "below 0.667"
        (0.66649, "0.666", "alpha 0.666, below 0.667"),
        (0.6672, "0.6672", None),  # above the threshold, shown with the decimal that says so
        (0.8, "0.800", None),
    ],
)
def test_the_low_agreement_warning_agrees_with_the_alpha_shown(
    inputs, habitat_provider, monkeypatch, alpha, shown, warning
):
    """Never "alpha 0.667" beside "below 0.667": the true alpha is compared, and shown with the decimals that
    make the shown numbers compare alike."""
    from habitat_planning_plugin.core.plan_assessment import aggregation
    from test.helpers import Messages, run_algorithm

    monkeypatch.setattr(aggregation, "krippendorff_alpha", lambda ratings, level: alpha)
    messages = Messages()
    run_algorithm(
        "habitat:planassessment",
        {
            **inputs,
            "OUTPUT_CRITERIA": "memory:",
            "OUTPUT_THEMES": "memory:",
            "OUTPUT_PLANS": "memory:",
            "OUTPUT_REPORT": None,
        },
        messages,
    )
    assert f"alpha {shown} over" in messages.text()
    assert ("agree too little" in messages.text()) is (warning is not None)
    assert warning is None or warning in messages.text()


def test_scores_join_city_polygons_for_a_choropleth(inputs, tmp_path, habitat_provider):
    from qgis import processing
    from shapely.geometry import box

    from test.helpers import write_layer

    cities = write_layer(
        tmp_path / "cities.gpkg",
        "cities",
        "Polygon",
        32650,
        [("name", "str")],
        [(box(0, 0, 10, 10), ["sample city"]), (box(20, 0, 30, 10), ["Elsewhere"])],
    )
    processing.run(
        "habitat:planassessment",
        {
            **inputs,
            "CITIES": cities,
            "CITY_FIELD": "name",
            "OUTPUT_CRITERIA": "memory:",
            "OUTPUT_THEMES": "memory:",
            "OUTPUT_PLANS": "memory:",
            "OUTPUT_REPORT": None,
            "OUTPUT_MAP": str(tmp_path / "map.gpkg"),
        },
    )
    rows = {r["name"]: r for r in read_rows(tmp_path / "map.gpkg")}
    assert rows["sample city"]["plan_year"] == 2026  # the latest version, matched without regard to case
    assert rows["sample city"]["overall_pct"] == pytest.approx(100 * (19 / 3) / 12)
    assert rows["sample city"]["t_participation"] == pytest.approx(100 / 3)
    assert rows["Elsewhere"]["overall_pct"] is None


def test_a_store_kept_by_two_runs_compares_the_plans_alone(inputs, tmp_path, habitat_provider):
    """The 2020 card in a first run, the 2026 cards in a second, both into one store; then the store alone as the
    scorecards gives the same plans table as all four cards at once."""
    from qgis import processing

    store = str(tmp_path / "assessments.gpkg")
    tables = {"OUTPUT_CRITERIA": "memory:", "OUTPUT_THEMES": "memory:", "OUTPUT_REPORT": None}
    cards = inputs["SCORECARDS"]
    for batch, name in ((cards[3:], "first.csv"), (cards[:3], "second.csv")):
        processing.run(
            "habitat:planassessment",
            {**inputs, **tables, "SCORECARDS": batch, "OUTPUT_PLANS": str(tmp_path / name), "OUTPUT_STORE": store},
        )
    processing.run(
        "habitat:planassessment",
        {**inputs, **tables, "SCORECARDS": [store], "OUTPUT_PLANS": str(tmp_path / "stored.csv")},
    )
    processing.run("habitat:planassessment", {**inputs, **tables, "OUTPUT_PLANS": str(tmp_path / "direct.csv")})
    stored, direct = read_rows(tmp_path / "stored.csv"), read_rows(tmp_path / "direct.csv")
    columns = ("plan", "year", "assessors", "overall_pct", "pqi", "coverage_pct", "alpha", "agreement_pct")
    assert [[row[c] for c in columns] for row in stored] == [[row[c] for c in columns] for row in direct]
    assert [int(row["assessors"]) for row in stored] == [1, 3]
    from osgeo import ogr

    source = ogr.Open(store)  # the store's own plans layer
    years = sorted((f["year"], f["assessors"]) for f in source.GetLayerByName("plans"))
    source = None
    assert years == [(2020, 1), (2026, 3)]
