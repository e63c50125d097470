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


# --- rank explanations, components without data, constant components (issue 15) ---


def test_variance_shares_by_hand_on_three_settlements():
    from habitat_planning_plugin.core.sdf.priority import dominant_components, variance_shares

    a, b = np.array([10.0, 20.0, 30.0]), np.array([0.0, 10.0, 2.0])
    score = a + b  # 10, 30, 32: mean 24, centred -14, 6, 8, variance (196 + 36 + 64) / 3 = 296 / 3
    shares = variance_shares({"a": a, "b": b}, score)
    # a centred -10, 0, 10: Cov = (140 + 0 + 80) / 3 = 220 / 3; b mean 4, centred -4, 6, -2: Cov = (56 + 36 - 16) / 3
    assert shares["a"] == pytest.approx(220 / 296)
    assert shares["b"] == pytest.approx(76 / 296)
    assert sum(shares.values()) == pytest.approx(1.0)
    assert dominant_components(shares) == ["a"]  # 0.743 > 0.5
    # A component running against the others has a negative share; the shares still add up to 1.
    c = np.array([5.0, 0.0, 0.0])
    shares = variance_shares({"a": a, "c": c}, a + c)  # score 15, 20, 30
    assert shares["c"] < 0 and sum(shares.values()) == pytest.approx(1.0)
    # Equal scores: no spread to share.
    assert all(np.isnan(v) for v in variance_shares({"a": np.ones(3)}, np.ones(3)).values())


def test_variance_shares_match_numpy_covariance_on_random_data():
    from habitat_planning_plugin.core.sdf.priority import variance_shares

    rng = np.random.default_rng(7)
    parts = {name: rng.uniform(0, 30, 50) for name in "xyz"}
    score = sum(parts.values())
    shares = variance_shares(parts, score)
    for name, values in parts.items():  # an independent computation, with the sample (n - 1) covariance
        assert shares[name] == pytest.approx(np.cov(values, score)[0, 1] / np.var(score, ddof=1))


def test_without_data_and_constant_components():
    from habitat_planning_plugin.core.sdf.priority import constant_components, without_data

    columns = {"x": [np.nan, np.nan], "y": [1.0, np.nan], "z": None, "w": [np.inf, -np.inf]}
    assert without_data(columns) == ["x", "w"]  # not chosen (None) is not "without data"
    parts = {"all_on": np.array([25.0, 25.0, 25.0]), "varies": np.array([0.0, 5.0, 1.0]), "zero": np.zeros(3)}
    assert constant_components(parts) == ["all_on", "zero"]
    # A missing value counts 0: 25, 25, NaN is not constant.
    assert constant_components({"gap": np.array([25.0, 25.0, np.nan])}) == []


def test_largest_contributors():
    from habitat_planning_plugin.core.sdf.priority import largest_contributors

    parts = {"a": np.array([1.0, 0.0]), "b": np.array([30.0, 0.0]), "c": np.array([12.0, 0.0])}
    assert largest_contributors(parts, 0) == [("b", 30.0), ("c", 12.0)]
    assert largest_contributors(parts, 1) == []  # nothing above 0


def test_a_component_without_data_left_out_moves_its_weight_to_its_group():
    """Dropping a need component is the same as never choosing it: the other need components share its weight."""
    from habitat_planning_plugin.core.sdf.priority import priority_components, without_data

    development = [np.nan, np.nan, np.nan]  # a chosen field with no value at all
    travel = [10.0, 50.0, 90.0]
    centrality = [0.0, 10.0, 20.0]
    assert without_data({"development": development, "travel": travel}) == ["development"]
    values = priority_components(None, travel, 60.0, centrality)
    groups = {"far_from_centre": "need", "unserved": "need", "centrality": "potential"}
    score, parts, _ = priority_scores(values, groups, dict.fromkeys(values, 1.0), 0.5)
    # Need 0.5 split between far (0, .5, 1) and unserved (0, 0, 1): 0.25 each; potential 0.5: centrality 0, .5, 1.
    np.testing.assert_allclose(score, [0.0, 100 * (0.25 * 0.5 + 0.5 * 0.5), 100.0])


def test_removing_a_road_never_lowers_the_need_score():
    """A settlement whose travel time becomes NaN (its road removed) gets the largest travel-time need and counts as
    unserved: its score never goes down, whatever the others' data (brute force over random regions)."""
    from habitat_planning_plugin.core.sdf.priority import GROUPS, priority_components

    rng = np.random.default_rng(15)
    for _ in range(200):
        n = int(rng.integers(2, 12))
        development = rng.uniform(0, 100, n)
        travel = rng.uniform(0, 150, n)
        travel[rng.random(n) < 0.2] = np.nan  # some are already without a road
        centrality = rng.uniform(0, 300, n)
        weights = dict(zip(["low_development", "far_from_centre", "unserved", "centrality"], rng.uniform(0.1, 3, 4)))
        need_weight = float(rng.uniform(0, 1))

        def scores(times, development=development, centrality=centrality, weights=weights, need=need_weight):
            values = priority_components(development, times, 60.0, centrality)
            return priority_scores(values, GROUPS, weights, need)[0]

        before = scores(travel)
        for i in range(n):
            cut = travel.copy()
            cut[i] = np.nan
            assert scores(cut)[i] >= before[i] - 1e-9
