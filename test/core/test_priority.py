"""Investment priority by hand: contributions add up to the score."""

import numpy as np
import pytest

from habitat_planning_plugin.core.sdf.priority import minmax, priority_scores
from habitat_planning_plugin.core.text import HabitatError


def test_minmax_by_hand():
    np.testing.assert_allclose(minmax([10, 20, 30]), [0, 0.5, 1])
    np.testing.assert_allclose(minmax([10, 20, 30], reverse=True), [1, 0.5, 0])
    assert np.isnan(minmax([1, np.nan, 3])[1]) and minmax([5, 5]).tolist() == [0, 0]


def test_scores_and_contributions_by_hand():
    components = {
        "low_development": np.array([1.0, 0.0, 0.5]),
        "far_from_centre": np.array([0.5, 0.0, 1.0]),
        "centrality": np.array([0.0, 1.0, 0.5]),
    }
    groups = {"low_development": "need", "far_from_centre": "need", "centrality": "potential"}
    weights = {"low_development": 3.0, "far_from_centre": 1.0, "centrality": 1.0}
    score, parts, missing = priority_scores(components, groups, weights, need_weight=0.6)
    # Shares: need 0.6 split 3:1 -> 0.45, 0.15; potential 0.4.
    np.testing.assert_allclose(parts["low_development"], [45, 0, 22.5])
    np.testing.assert_allclose(parts["far_from_centre"], [7.5, 0, 15])
    np.testing.assert_allclose(parts["centrality"], [0, 40, 20])
    np.testing.assert_allclose(score, [52.5, 40, 57.5])
    np.testing.assert_allclose(sum(parts.values()), score)
    assert missing == {"low_development": 0, "far_from_centre": 0, "centrality": 0}


def test_missing_values_count_zero_and_are_counted():
    score, _, missing = priority_scores({"a": np.array([1.0, np.nan])}, {"a": "need"}, {"a": 1.0})
    np.testing.assert_allclose(score, [100, 0])  # a single group takes all the weight
    assert missing == {"a": 1}


def test_bad_weights():
    with pytest.raises(HabitatError):
        priority_scores({"a": np.ones(2)}, {"a": "need"}, {"a": 0.0})
    with pytest.raises(HabitatError):
        priority_scores({"a": np.ones(2)}, {"a": "need"}, {"a": 1.0}, need_weight=1.5)
