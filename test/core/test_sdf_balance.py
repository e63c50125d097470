"""Regional balance (core/sdf/balance.py): Theil with its decomposition, Gini and CV, by hand and by brute force."""

import numpy as np
import pytest

from habitat_planning_plugin.core.sdf.balance import coefficient_of_variation, gini, inequality, theil
from habitat_planning_plugin.core.text import HabitatError


def test_gini_of_one_to_four_by_hand():
    # Pairs' absolute differences 1, 2, 3, 1, 2, 1 = 10, both orders 20, over n² = 16: 1.25; over 2μ = 5: 0.25.
    assert gini([1, 2, 3, 4]) == pytest.approx(0.25)
    assert gini([5, 5, 5]) == pytest.approx(0.0)


def test_theil_of_two_values_by_hand():
    # μ = 2; T = ½·0.5·ln 0.5 + ½·1.5·ln 1.5 = −0.173287 + 0.304099.
    assert theil([1, 3]) == pytest.approx(0.130812, abs=1e-6)
    assert theil([2, 2, 2]) == pytest.approx(0.0)


def test_theil_decomposition_by_hand():
    # Values 1, 3 (group A, 1 person each) and 4, 4 (group B, 2 people each): shares 1/6, 1/6, 1/3, 1/3, μ = 20/6.
    # A: share 1/3, mean 2, T_A = 0.130812; B: share 2/3, mean 4, T_B = 0.
    # between = 1/3·0.6·ln 0.6 + 2/3·1.2·ln 1.2 = −0.102165 + 0.145857 = 0.043692
    # within  = 1/3·0.6·0.130812 = 0.026162; total from the ratios 0.3, 0.9, 1.2, 1.2 = 0.069854.
    result = inequality([1, 3, 4, 4], [1, 1, 2, 2], ["A", "A", "B", "B"])
    assert result.theil == pytest.approx(0.069854, abs=1e-6)
    assert result.between == pytest.approx(0.043692, abs=1e-6)
    assert result.within == pytest.approx(0.026162, abs=1e-6)
    assert result.between + result.within == pytest.approx(result.theil)
    assert result.between_share == pytest.approx(0.043692 / 0.069854, abs=1e-5)
    assert [(name, n) for name, n, *_ in result.groups] == [("A", 2), ("B", 2)]
    assert result.groups[0][2] == pytest.approx(1 / 3) and result.groups[1][3] == pytest.approx(4.0)


def test_population_weights_equal_repeated_settlements():
    # A settlement of 3 people counts as three settlements of one: an independent check of every weighting.
    rng = np.random.default_rng(3)
    x = rng.uniform(1, 100, 40)
    people = rng.integers(1, 6, 40)
    repeated = np.repeat(x, people)
    assert gini(x, people) == pytest.approx(gini(repeated))
    assert theil(x, people) == pytest.approx(theil(repeated))
    assert coefficient_of_variation(x, people) == pytest.approx(np.std(repeated) / np.mean(repeated))


def test_gini_against_the_pairwise_definition():
    rng = np.random.default_rng(8)
    x, w = rng.lognormal(2, 1, 60), rng.uniform(0.1, 5, 60)
    s = w / w.sum()
    pairwise = (s[:, None] * s[None, :] * np.abs(x[:, None] - x[None, :])).sum() / (2 * (s * x).sum())
    assert gini(x, w) == pytest.approx(pairwise)


def test_decomposition_adds_up_on_random_groups():
    rng = np.random.default_rng(1)
    x, w = rng.lognormal(3, 0.8, 200), rng.integers(50, 5000, 200)
    groups = rng.choice(["1", "2", "3", "10"], 200)
    result = inequality(x, w, groups)
    assert result.between + result.within == pytest.approx(result.theil)
    assert [g[0] for g in result.groups] == ["1", "2", "3", "10"]  # levels in numeric order


def test_missing_values_and_people_are_left_out_and_counted():
    result = inequality([1, 3, np.nan, 7], [1, 1, 1, 0])
    assert result.n == 2 and result.left_out == 2
    assert result.theil == pytest.approx(theil([1, 3]))
    assert inequality([0, 0, 0]).theil != inequality([0, 0, 0]).theil  # NaN: a mean of 0 has no inequality
    with pytest.raises(HabitatError):
        inequality([-1, 2])


def test_settlements_without_a_group_still_count():
    # Gini, CV and the Theil index are the region's whatever the groups; those without one form a group "—".
    x, w = [1.0, 3.0, 4.0, 4.0], [1, 1, 2, 2]
    grouped = inequality(x, w, ["A", None, "B", ""])
    alone = inequality(x, w)
    assert grouped.n == 4 and grouped.left_out == 0
    assert (grouped.theil, grouped.gini, grouped.cv) == pytest.approx((alone.theil, alone.gini, alone.cv))
    assert grouped.between + grouped.within == pytest.approx(grouped.theil)
    assert sorted(name for name, *_ in grouped.groups) == ["A", "B", "—"]
