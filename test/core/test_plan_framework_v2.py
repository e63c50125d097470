"""Framework v2 (IG-UTP principle and NUA tags, status, threshold) and "principles reflected", worked by hand."""

import json
import math
from pathlib import Path

import pytest

from habitat_planning_plugin.core.plan_assessment.principles import (
    PRINCIPLES,
    principle_criteria,
    principles_reflected,
    reflected_count,
    reflects_enough,
    untagged_principles,
)
from habitat_planning_plugin.core.plan_assessment.scorecards import (
    PrincipleThreshold,
    framework_from_dict,
    framework_major_version,
    load_framework,
)
from habitat_planning_plugin.core.text import HabitatError

ROOT = Path(__file__).resolve().parents[2]
V1 = ROOT / "resources" / "frameworks" / "citywide_plan_assessment_v1.json"
V2 = ROOT / "resources" / "frameworks" / "citywide_plan_assessment.json"
LEVELS = {str(k): {"en": f"level {k}", "zh": f"等级 {k}"} for k in range(4)}
NA = math.nan


def criterion(cid, principles=None, nua=None):
    found = {"id": cid, "question": {"en": cid + "?", "zh": cid + "？"}, "levels": LEVELS}
    if principles is not None:
        found["principles"] = principles
    if nua is not None:
        found["nua"] = nua
    return found


def tiny(**top):
    """4 criteria tagged to 3 principles: principle 1 <- A, B; principle 2 <- B, C, D; principle 3 <- D."""
    framework = {
        "id": "tiny",
        "version": "2",
        "name": {"en": "Tiny", "zh": "小"},
        "status": {"en": "Draft for expert review", "zh": "供专家审阅的草案"},
        "themes": [
            {
                "id": "one",
                "name": {"en": "One", "zh": "一"},
                "criteria": [criterion("A", [1], ["¶ 92"]), criterion("B", [1, 2]), criterion("C", [2])],
            },
            {"id": "two", "name": {"en": "Two", "zh": "二"}, "criteria": [criterion("D", [2, 3])]},
        ],
    }
    framework.update(top)
    return framework


def by_number(results):
    return {result.number: result for result in results}


# --- principles reflected, by hand ----------------------------------------------------------------------------


def test_one_reflected_one_not_one_not_applicable():
    framework = framework_from_dict(tiny())
    assert framework.principle_threshold == PrincipleThreshold(2.0, 0.5)
    assert framework.criteria[0].principles == (1,) and framework.criteria[0].nua == ("¶ 92",)
    # A = 2.5, B = 1.0, C = 1.5, D = NA.
    results = by_number(principles_reflected(framework, {"A": 2.5, "B": 1.0, "C": 1.5, "D": NA}))
    assert [r.number for r in principles_reflected(framework, {})] == list(range(1, 13))
    # Principle 1 (A, B): both apply; A reaches 2.0, B does not -> 1 of 2 = half -> reflected; mean (2.5 + 1) / 2.
    one = results[1]
    assert (one.criteria, one.scored, one.evidence, one.needed, one.reflected) == (("A", "B"), 2, ("A",), 1, True)
    assert one.mean == pytest.approx(1.75)
    # Principle 2 (B, C, D): D is NA, so 2 apply; neither B (1.0) nor C (1.5) reaches 2.0 -> not reflected.
    two = results[2]
    assert (two.criteria, two.scored, two.evidence, two.needed, two.reflected) == (("B", "C", "D"), 2, (), 1, False)
    assert two.mean == pytest.approx(1.25)
    # Principle 3 (D): its only criterion is NA -> not applicable.
    three = results[3]
    assert (three.criteria, three.scored, three.evidence, three.reflected) == (("D",), 0, (), None)
    assert math.isnan(three.mean)
    # Principles 4..12: no criterion evidences them -> not applicable.
    assert all(results[n].reflected is None and results[n].criteria == () for n in range(4, 13))
    assert reflected_count(results.values()) == 1
    assert reflects_enough(results.values(), needed=1) and not reflects_enough(results.values())
    assert results[1].name == PRINCIPLES[0].name


def test_thresholds_at_the_edge():
    framework = framework_from_dict(tiny())
    # Exactly 2.0 reaches the score: (1 + 3) / 2 assessors = 2.0 for B and C.
    results = by_number(principles_reflected(framework, {"A": 0.0, "B": (1 + 3) / 2, "C": 2.0, "D": 0.0}))
    assert results[1].evidence == ("B",) and results[1].reflected is True  # 1 of 2 = exactly half
    assert results[2].evidence == ("B", "C") and results[2].needed == 2 and results[2].reflected is True  # 2 of 3
    assert results[3].evidence == () and results[3].reflected is False  # D = 0 (nobody scored it) applies
    # Just below 2.0 does not reach it; mean of three assessors (2 + 2 + 1.99) / 3 = 1.99666...
    results = by_number(principles_reflected(framework, {"A": (2 + 2 + 1.99) / 3, "B": 0.0, "C": 0.0, "D": 0.0}))
    assert results[1].evidence == () and results[1].reflected is False
    # Principle 2 with three applicable criteria: half is 1.5, so 2 of 3 are needed; 1 of 3 is not enough.
    results = by_number(principles_reflected(framework, {"B": 3.0, "C": 0.0, "D": 1.0, "A": 0.0}))
    assert (results[2].needed, results[2].evidence, results[2].reflected) == (3 - 1, ("B",), False)
    # A criterion absent from the means counts as 0 (not scored), not as not applicable.
    results = by_number(principles_reflected(framework, {"A": 3.0}))
    assert (results[1].scored, results[1].evidence, results[1].reflected) == (2, ("A",), True)
    assert results[3].scored == 1 and results[3].reflected is False and results[3].mean == 0.0


def test_threshold_from_the_file():
    # score 3 and share 1: every applicable criterion must reach 3.
    framework = framework_from_dict(tiny(principle_threshold={"score": 3, "share": 1}))
    assert framework.principle_threshold == PrincipleThreshold(3.0, 1.0)
    results = by_number(principles_reflected(framework, {"A": 3.0, "B": 2.9, "C": 3.0, "D": NA}))
    assert (results[1].needed, results[1].evidence, results[1].reflected) == (2, ("A",), False)
    assert (results[2].needed, results[2].evidence, results[2].reflected) == (2, ("C",), False)
    # share 0 still needs one criterion at the score (a principle with nothing at the score is never reflected).
    framework = framework_from_dict(tiny(principle_threshold={"share": 0}))
    assert framework.principle_threshold == PrincipleThreshold(2.0, 0.0)
    results = by_number(principles_reflected(framework, {"A": 1.0, "B": 1.0, "C": 2.0, "D": 1.0}))
    assert results[1].reflected is False and results[2].reflected is True and results[2].needed == 1


def test_reflects_enough_counts_six_of_twelve():
    framework = load_framework(V2)
    ids = principle_criteria(framework)
    # The tags of the v2 file, as the hand count below reads them.
    assert ids[1] == ["vision_1", "vision_2", "consistency_1", "consistency_3", "participation_1"]
    assert ids[2] == ["monitoring_3", "participation_1", "participation_2"]
    assert ids[3] == [
        "land_use_2",
        "public_space_1",
        "housing_services_1",
        "housing_services_2",
        "social_inclusion_1",
        "social_inclusion_2",
        "gender_age_1",
    ]
    assert ids[4] == ["public_space_1", "social_inclusion_1", "gender_age_1", "gender_age_2"]
    assert ids[5] == [
        "land_use_1",
        "land_use_2",
        "mobility_1",
        "housing_services_1",
        "housing_services_2",
        "economy_finance_1",
        "economy_finance_2",
        "projects_4",
    ]
    assert ids[6] == ["mobility_1", "mobility_2", "economy_finance_1"]
    assert ids[8] == ["mobility_2", "climate_resilience_1", "climate_resilience_2"]
    high = {
        "vision_1",
        "vision_2",
        "participation_1",
        "participation_2",
        "public_space_1",
        "social_inclusion_1",
        "housing_services_1",
        "housing_services_2",
        "mobility_1",
        "mobility_2",
        "economy_finance_1",
    }
    means = {c.id: (3.0 if c.id in high else 0.0) for c in framework.criteria}
    # By hand (criteria at 3 of the principle's criteria, needed = ceil(half)):
    # 1: 3 of 5, needs 3 -> yes; 2: 2 of 3, needs 2 -> yes; 3: 4 of 7, needs 4 -> yes; 4: 2 of 4, needs 2 -> yes;
    # 5: 4 of 8 (mobility_1, housing x2, economy_finance_1), needs 4 -> yes; 6: 3 of 3 -> yes;
    # 7: 0 of 4; 8: 1 of 3 (mobility_2), needs 2 -> no; 9: 0 of 8; 10: 1 of 8 (vision_2); 11: 0 of 5; 12: 0 of 6.
    results = principles_reflected(framework, means)
    assert [r.number for r in results if r.reflected] == [1, 2, 3, 4, 5, 6]
    assert [r.needed for r in results] == [3, 2, 4, 2, 4, 2, 2, 2, 4, 4, 3, 3]
    assert reflected_count(results) == 6 and reflects_enough(results)
    # Without economy_finance_1: principle 5 has 3 of 8 (needs 4) -> no; 6 has 2 of 3 (needs 2) -> still yes.
    means["economy_finance_1"] = 0.0
    results = principles_reflected(framework, means)
    assert [r.number for r in results if r.reflected] == [1, 2, 3, 4, 6]
    assert not reflects_enough(results) and reflects_enough(results, needed=5)
    all_three = principles_reflected(framework, {c.id: 3.0 for c in framework.criteria})
    assert reflected_count(all_three) == 12 and reflects_enough(all_three)
    all_na = principles_reflected(framework, {c.id: NA for c in framework.criteria})
    assert all(r.reflected is None for r in all_na) and not reflects_enough(all_na, needed=1)


def test_a_v1_framework_has_no_principles():
    framework = load_framework(V1)
    assert not framework.tagged and framework.status == {} and untagged_principles(framework) == list(range(1, 13))
    results = principles_reflected(framework, {c.id: 3.0 for c in framework.criteria})
    assert all(r.reflected is None for r in results) and not reflects_enough(results)


# --- the v2 file ------------------------------------------------------------------------------------------------


def test_v2_file_loads_and_tags_all_twelve_principles():
    v1, v2 = load_framework(V1), load_framework(V2)
    assert (v2.id, v2.version, v2.tagged) == (v1.id, "2", True)
    assert untagged_principles(v2) == []
    assert all(c.principles for c in v2.criteria)
    assert v2.principle_threshold == PrincipleThreshold(2.0, 0.5)
    assert v2.status["en"].startswith("Draft for expert review: not UN-Habitat's official criteria.")
    assert "草案" in v2.status["zh"] and "《城市与区域规划国际准则》" in v2.status["zh"]
    assert "2.0" in v2.notes["en"] and "half" in v2.notes["en"] and "2.0" in v2.notes["zh"]
    # The 14 themes and 28 criteria of v1 are kept, same ids and texts, so v1 cards map onto v2.
    old = {c.id: c for c in v1.criteria}
    new = {c.id: c for c in v2.criteria}
    assert set(v1.themes) <= set(v2.themes) and set(old) <= set(new)
    for cid, criterion in old.items():
        assert (new[cid].theme, new[cid].question, new[cid].levels) == (
            criterion.theme,
            criterion.question,
            criterion.levels,
        )
    added = [c for c in v2.criteria if c.id not in old]
    assert [c.id for c in added] == [
        "consistency_1",
        "consistency_2",
        "consistency_3",
        "projects_1",
        "projects_2",
        "projects_3",
        "projects_4",
        "monitoring_3",
    ]
    assert {c.theme for c in added} == {"consistency", "projects", "monitoring"}
    for c in added:  # each with its own four level descriptors in both languages
        assert c.question["en"].strip() and c.question["zh"].strip()
        assert sorted(c.levels) == ["0", "1", "2", "3"]
        assert all(c.levels[k]["en"].strip() and c.levels[k]["zh"].strip() for k in c.levels)
        assert c.levels["0"] != old["vision_1"].levels["0"] or c.levels["3"] != old["vision_1"].levels["3"]
    for c in v2.criteria:
        assert all(1 <= n <= 12 for n in c.principles) and len(set(c.principles)) == len(c.principles)
        # Paragraph numbers, with the sub-paragraph where given ("13 (c)"): a "¶" would not survive a GBK save.
        assert all(tag.split(" ")[0].isdigit() for tag in c.nua)
    for name in v2.themes.values():
        assert name["en"].strip() and name["zh"].strip()


# --- the schema ---------------------------------------------------------------------------------------------------


def test_v2_criterion_without_principles_is_refused_with_its_id():
    data = json.loads(V2.read_text(encoding="utf-8"))
    del data["themes"][2]["criteria"][1]["principles"]  # consistency_2
    data["themes"][5]["criteria"][0]["principles"] = []  # an empty list is no tag either
    missing = data["themes"][5]["criteria"][0]["id"]
    with pytest.raises(HabitatError) as error:
        framework_from_dict(data, "v2.json")
    text = str(error.value)
    assert "The framework v2.json is not valid:" in text
    assert "missing for 2 criteria: consistency_2, " + missing in text


def test_v2_without_status_is_refused():
    data = tiny()
    del data["status"]
    with pytest.raises(HabitatError, match='"status" is missing or empty: a framework of version 2'):
        framework_from_dict(data)
    # The same file as version 1 is accepted (tags optional).
    data["version"] = "1"
    del data["themes"][0]["criteria"][0]["principles"]
    framework = framework_from_dict(data)
    assert framework.criteria[0].principles == () and framework.criteria[1].principles == (1, 2)


@pytest.mark.parametrize(
    "version, major", [("2", 2), (2, 2), ("2.1", 2), ("v3", 3), ("1", 1), (1.5, 1), ("draft", None), (True, None)]
)
def test_major_version(version, major):
    assert framework_major_version(version) == major


def test_bad_tags_are_all_listed():
    data = tiny(principle_threshold={"score": 3.5, "share": -0.1})
    criteria = data["themes"][0]["criteria"]
    criteria[0]["principles"] = [0, 13, 2.5, "3", True, 1.0]
    criteria[1]["principles"] = [1, 1]
    criteria[2]["principles"] = 2
    criteria[2]["nua"] = ["¶ 92", "¶ 92", "", 92, "x" * 41]
    with pytest.raises(HabitatError) as error:
        framework_from_dict(data)
    text = str(error.value)
    for number in ("0", "13", "2.5", '"3"', "true"):
        assert (
            f'theme 1, criterion 1: "principles" lists {number}; the IG-UTP principles are the whole numbers 1 to 12'
            in text
        )
    assert "lists 1.0" not in text  # 1.0 is a whole number
    assert 'theme 1, criterion 2: "principles" lists 1 twice' in text
    assert 'theme 1, criterion 3: "principles" must be a list [ … ], not a number' in text
    assert 'theme 1, criterion 3: "nua" lists "¶ 92" twice' in text
    assert 'theme 1, criterion 3: "nua" must list paragraphs as short texts such as "¶ 92", not text' in text
    assert 'theme 1, criterion 3: "nua" must list paragraphs as short texts such as "¶ 92", not a number' in text
    assert 'the "nua" tag "' + "x" * 40 + '…" is longer than 40 characters' in text
    assert 'framework: "principle_threshold" "score" must be a number from 0 to 3' in text
    assert 'framework: "principle_threshold" "share" must be a number from 0 to 1' in text
    # criterion 3 has a principles value, though not a list: it is not also reported as missing
    assert "missing for" not in text
    with pytest.raises(HabitatError, match='"principle_threshold" must be an object'):
        framework_from_dict(tiny(principle_threshold=[2, 0.5]))
    with pytest.raises(HabitatError, match='"status" must be texts by language'):
        framework_from_dict(tiny(status="draft"))
