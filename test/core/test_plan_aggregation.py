"""Aggregation of assessors' scores with NA, by hand."""

import numpy as np
import pytest

from habitat_planning_plugin.core.plan_assessment.aggregation import (
    percent_of_potential,
    plan_quality_index,
    summarise_criteria,
    theme_scores,
)
from habitat_planning_plugin.core.text import HabitatError

nan = np.nan
CRITERIA = ["vision", "goals", "participation", "inclusion"]
THEMES = ["Vision and goals", "Vision and goals", "Participation", "Participation"]
# Three assessors; "inclusion" is NA for one of them, "participation" NA for all (not applicable).
SCORES = [[3, 2, nan, 1], [2, 2, nan, 3], [3, 0, nan, nan]]


def test_criterion_statistics_by_hand():
    rows = {row.criterion: row for row in summarise_criteria(SCORES, CRITERIA, THEMES)}
    vision = rows["vision"]
    assert (vision.n, vision.mean, vision.median, vision.minimum, vision.maximum) == (3, pytest.approx(8 / 3), 3, 2, 3)
    assert vision.std == pytest.approx(np.std([3, 2, 3], ddof=1)) and not vision.disagreement
    assert rows["goals"].disagreement  # 0 to 2: more than one point apart
    assert rows["inclusion"].n == 2 and rows["inclusion"].disagreement  # 1 and 3
    assert rows["participation"].n == 0 and np.isnan(rows["participation"].mean)


def test_na_is_removed_from_the_potential():
    rows = summarise_criteria(SCORES, CRITERIA, THEMES)
    # Applicable: vision 8/3, goals 4/3, inclusion 2 -> (8/3 + 4/3 + 2) / (3 x 3) = 6 / 9.
    assert percent_of_potential(rows) == pytest.approx(100 * 6 / 9)
    themes = theme_scores(rows)
    assert themes["Vision and goals"] == pytest.approx(100 * 4 / 6)
    assert themes["Participation"] == pytest.approx(100 * 2 / 3)  # only inclusion applies


def test_weights_and_brody_index_by_hand():
    rows = summarise_criteria(SCORES, CRITERIA, THEMES, weights=[2, 1, 1, 1])
    assert percent_of_potential(rows) == pytest.approx(100 * (2 * 8 / 3 + 4 / 3 + 2) / (3 * 4))
    pqi, parts = plan_quality_index(rows)
    assert parts["Vision and goals"] == pytest.approx(10 / 6 * 4)  # 10 / (3 x 2) x (8/3 + 4/3)
    assert parts["Participation"] == pytest.approx(10 / 3 * 2)  # 10 / (3 x 1) x 2
    # The index on a fixed 0-10 scale: the mean of the themes' 0-10 parts, whatever the number of themes.
    assert pqi == pytest.approx((parts["Vision and goals"] + parts["Participation"]) / 2)


def test_out_of_range_scores_are_refused():
    with pytest.raises(HabitatError, match="between 0 and 3"):
        summarise_criteria([[4, 1, 1, 1]], CRITERIA, THEMES)


def test_blank_is_not_na_by_hand():
    """Two assessors, four criteria in two themes (weights 1):
    - vision: 3 and 2 -> 2.5;
    - goals: blank for both -> not scored: in the potential with 0 points;
    - participation: NA with a reason (Ana) and blank (Bo) -> not applicable, out of the potential;
    - inclusion: NA without a reason (Ana) and blank (Bo) -> not scored, like a blank.
    Overall = (2.5 + 0 + 0) / (3 x 3) = 27.8 %; had blanks been NA, 2.5 / 3 = 83.3 %.
    PQI: vision theme 10 / (3 x 2) x 2.5 = 4.17; participation theme 10 / (3 x 1) x 0 = 0 (only inclusion
    applies); the mean: 2.08 of 10. Coverage: vision and participation answered, 2 of 4 = 50 %."""
    from habitat_planning_plugin.core.plan_assessment.aggregation import assess_plans
    from habitat_planning_plugin.core.plan_assessment.scorecards import Scorecard, framework_from_dict
    from test.core.test_scorecards import LEVELS

    framework = framework_from_dict(
        {
            "id": "f",
            "version": "1",
            "name": {"en": "F"},
            "themes": [
                {
                    "id": "vision_goals",
                    "name": {"en": "Vision and goals"},
                    "criteria": [
                        {"id": "vision", "question": {"en": "Vision?"}, "levels": LEVELS},
                        {"id": "goals", "question": {"en": "Goals?"}, "levels": LEVELS},
                    ],
                },
                {
                    "id": "people",
                    "name": {"en": "Participation"},
                    "criteria": [
                        {"id": "participation", "question": {"en": "Participation?"}, "levels": LEVELS},
                        {"id": "inclusion", "question": {"en": "Inclusion?"}, "levels": LEVELS},
                    ],
                },
            ],
        }
    )
    ana = Scorecard(
        "f",
        "1",
        "Plan",
        "City",
        2026,
        "Ana",
        scores={"vision": 3.0, "participation": nan, "inclusion": nan},
        comments={"participation": "No participation law applies to this district plan.", "inclusion": ""},
        blank=["goals"],
    )
    bo = Scorecard(
        "f", "1", "Plan", "City", 2026, "Bo", scores={"vision": 2.0}, blank=["goals", "participation", "inclusion"]
    )
    (result,) = assess_plans(framework, [ana, bo])
    status = {row.criterion: row.status for row in result["rows"]}
    assert status == {"vision": "scored", "goals": "not_scored", "participation": "na", "inclusion": "not_scored"}
    assert result["overall"] == pytest.approx(100 * 2.5 / 9)
    assert result["parts"] == {"vision_goals": pytest.approx(10 / 6 * 2.5), "people": pytest.approx(0.0)}
    assert result["pqi"] == pytest.approx(10 / 6 * 2.5 / 2)
    assert result["coverage"] == pytest.approx(50.0)
    assert result["not_scored"] == ["goals", "inclusion"]
    assert result["unexplained_na"] == [("Ana", "inclusion")]


def test_the_index_is_on_the_same_scale_for_any_number_of_themes():
    # Every criterion scored 3: 10 of 10, with two themes or with fourteen (it was 20 and 140 before).
    two = summarise_criteria([[3, 3, 3, 3]], CRITERIA, THEMES)
    fourteen = summarise_criteria([[3] * 28], [f"c{i}" for i in range(28)], [f"t{i // 2}" for i in range(28)])
    assert plan_quality_index(two)[0] == pytest.approx(10.0) == plan_quality_index(fourteen)[0]
