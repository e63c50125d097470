"""Composite development index by hand on three settlements and two indicators."""

import math

import numpy as np
import pytest

from habitat_planning_plugin.core.sdf.development_index import composite_index, ranks, sensitivity
from habitat_planning_plugin.core.text import HabitatError

# Indicator 1: services (more is better); indicator 2: poverty rate (more is worse).
VALUES = [[10, 5], [20, 15], [30, 10]]
POLARITY = [1, -1]


def test_minmax_linear_by_hand():
    result = composite_index(VALUES, POLARITY)
    # services -> 0, 0.5, 1; poverty (reversed) -> 1, 0, 0.5; equal weights.
    np.testing.assert_allclose(result.normalised, [[0, 1], [0.5, 0], [1, 0.5]])
    np.testing.assert_allclose(result.index, [50, 25, 75])
    assert result.rank.tolist() == [2, 3, 1]


def test_minmax_geometric_by_hand():
    result = composite_index(VALUES, POLARITY, aggregation="geometric")
    np.testing.assert_allclose(result.index, [math.sqrt(1 * 100), math.sqrt(50.5 * 1), math.sqrt(100 * 50.5)])


def test_zscore_and_user_weights_by_hand():
    z = 1 / math.sqrt(2 / 3)  # population standard deviation of (-1, 0, 1) steps
    result = composite_index(VALUES, POLARITY, weights=[3, 1], normalisation="zscore")
    np.testing.assert_allclose(result.weights, [0.75, 0.25])
    np.testing.assert_allclose(result.normalised, [[-z, z], [0, -z], [z, 0]])
    np.testing.assert_allclose(result.index, 100 * np.array([-0.75 * z + 0.25 * z, -0.25 * z, 0.75 * z]))


def test_missing_values_policies_by_hand():
    values = [[10, 5], [20, np.nan], [30, 10]]
    reweight = composite_index(values, POLARITY)
    # poverty normalised over 5..10: 1, -, 0; settlement 2 keeps only services (0.5) with all the weight.
    np.testing.assert_allclose(reweight.index, [50, 50, 50])
    assert reweight.missing.tolist() == [0, 1]
    mean = composite_index(values, POLARITY, missing="mean")  # poverty 7.5 -> 0.5
    np.testing.assert_allclose(mean.index, [50, 50, 50])
    exclude = composite_index(values, POLARITY, missing="exclude")
    assert math.isnan(exclude.index[1]) and exclude.rank.tolist() == [1, 0, 1]


def test_ranks_share_ties():
    assert ranks([5, 9, 5, np.nan, 1]).tolist() == [2, 1, 2, 0, 4]


def test_sensitivity_moves_ranks_of_a_near_tie():
    normalised = np.array([[1.0, 0.0], [0.0, 1.05], [0.2, 0.2]])
    rows = {(j, round(f, 1)): (mean, most) for j, f, mean, most in sensitivity(normalised, np.array([0.5, 0.5]))}
    # Equal weights: settlement 2 (52.5) leads settlement 1 (50). Raising indicator 1 by 20 % swaps them.
    assert rows[(0, 1.2)][1] == 1 and rows[(0, 0.8)][1] == 0 and rows[(1, 1.2)][1] == 0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"values": [[1, 5], [2, 5], [3, 5]]}, "same value everywhere"),
        ({"weights": [1, -1]}, "none negative"),
        ({"normalisation": "zscore", "aggregation": "geometric"}, "min-max"),
    ],
)
def test_bad_input(kwargs, message):
    arguments = {"values": VALUES, "polarity": POLARITY, **kwargs}
    with pytest.raises(HabitatError, match=message):
        composite_index(**arguments)


# --- the hierarchy by development and centrality (issue 15, the SDF's central / intermediate / local sectors) ---


def test_combined_hierarchy_by_hand_on_six_settlements():
    from habitat_planning_plugin.core.sdf.scalogram import combined_hierarchy

    centrality = [100.0, 80.0, 40.0, 30.0, 0.0, 50.0]
    development = [50.0, 90.0, 30.0, 10.0, 10.0, np.nan]  # the sixth has no development index: no class
    levels, bounds, score = combined_hierarchy(centrality, development, 3, 0.5)
    # Scaled over the five with both: centrality 1, .8, .4, .3, 0; development (10..90) .5, 1, .25, 0, 0.
    # score = 100 (.5 c + .5 d) = 75, 90, 32.5, 15, 0.
    np.testing.assert_allclose(score[:5], [75.0, 90.0, 32.5, 15.0, 0.0])
    assert np.isnan(score[5])
    # Natural breaks of 0, 15, 32.5, 75, 90 into 3 (squared deviations within classes):
    #   {0, 15} {32.5} {75, 90}: 112.5 + 0 + 112.5 = 225      <- least
    #   {0} {15, 32.5} {75, 90}: 153.1 + 112.5 = 265.6
    #   {0, 15, 32.5} {75} {90}: 529.2
    assert levels.tolist() == [0, 0, 1, 2, 2, -1]
    assert bounds == pytest.approx([15.0, 32.5, 90.0])


def test_combined_hierarchy_weight_one_is_centrality_alone():
    from habitat_planning_plugin.core.sdf.scalogram import combined_hierarchy, hierarchy

    centrality = [100.0, 80.0, 40.0, 30.0, 0.0, 50.0]
    development = [50.0, 90.0, 30.0, 10.0, 10.0, np.nan]
    levels, _, score = combined_hierarchy(centrality, development, 3, 1.0)
    np.testing.assert_allclose(score[:5], [100.0, 80.0, 40.0, 30.0, 0.0])
    # {0} {30, 40} {80, 100}: 0 + 50 + 200 = 250, less than {0, 30} {40} {80, 100} (450 + 200) or {0, 30, 40} (866).
    assert levels.tolist() == [0, 0, 1, 1, 2, -1]
    assert levels[:5].tolist() == hierarchy(centrality[:5], "natural_breaks", 3)[0].tolist()
    # Weight 0: the development index alone, .5, 1, .25, 0, 0 -> 50, 100, 25, 0, 0; into 3 classes:
    # {0, 0, 25} {50} {100}: 416.7; {0, 0} {25, 50} {100}: 312.5 <- least; {0, 0} {25} {50, 100}: 1250.
    levels, _, _ = combined_hierarchy(centrality, development, 3, 0.0)
    assert levels.tolist() == [1, 0, 1, 2, 2, -1]


def test_combined_hierarchy_refuses_bad_input():
    from habitat_planning_plugin.core.sdf.scalogram import combined_hierarchy

    with pytest.raises(HabitatError, match="between 0 and 1"):
        combined_hierarchy([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 2, 1.5)
    with pytest.raises(HabitatError, match="both"):
        combined_hierarchy([1.0, np.nan], [np.nan, 2.0], 2)
    with pytest.raises(HabitatError, match="distinct"):
        combined_hierarchy([1.0, 1.0, 1.0], [2.0, 2.0, 2.0], 2)  # every score 0
