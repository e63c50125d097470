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
    assert pqi == pytest.approx(parts["Vision and goals"] + parts["Participation"])


def test_out_of_range_scores_are_refused():
    with pytest.raises(HabitatError, match="between 0 and 3"):
        summarise_criteria([[4, 1, 1, 1]], CRITERIA, THEMES)
