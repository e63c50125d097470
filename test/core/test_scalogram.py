"""Scalogram and centrality index against Rondinelli's worked example and small matrices done by hand."""

import mapclassify
import numpy as np
import pytest

from habitat_planning_plugin.core.sdf.scalogram import classify, natural_breaks, scalogram
from habitat_planning_plugin.core.text import HabitatError

# 8 places (A..H) x 10 functions consistent with the worked example in methods.md §3.2: functions present in
# 8, 8, 8, 6, 5, 4, 2, 2, 2 and 1 places. A has all 10; H only the 3 ubiquitous ones.
UBIQUITY = [8, 8, 8, 6, 5, 4, 2, 2, 2, 1]
EXAMPLE = np.array([[1 if place < count else 0 for count in UBIQUITY] for place in range(8)])


def test_weights_and_centrality_reproduce_the_worked_example():
    result = scalogram(EXAMPLE)
    # Weights 100 / N_j: 12.5, 16.6(7), 20, 25, 50, 100.
    assert sorted(set(np.round(result.weights, 2))) == [12.5, 16.67, 20.0, 25.0, 50.0, 100.0]
    a, h = result.centrality[0], result.centrality[7]
    assert a == pytest.approx(349.1, abs=0.1)  # the example truncates 16.67 to 16.6
    assert h == pytest.approx(37.5)
    np.testing.assert_allclose((EXAMPLE * result.weights).sum(axis=0), 100.0)  # each function totals 100
    assert result.centrality.sum() == pytest.approx(1000.0)  # grand total
    assert result.errors == 0 and result.reproducibility == 1.0  # a perfect scale


def test_reproducibility_and_scalability_by_hand():
    # 4 settlements x 3 functions; rows: {f1,f2,f3}, {f1,f3}, {f1}, {f2}. Ubiquity f1 3, f2 2, f3 2.
    matrix = np.array([[1, 1, 1], [1, 0, 1], [1, 0, 0], [0, 1, 0]])
    result = scalogram(matrix)
    # f2 and f3 are tied (2 each): the order f1, f3, f2 fits best. Then only the row {f2} errs: it should be {f1}
    # (2 errors); the name order f1, f2, f3 would give 4 ({f1,f3} should be {f1,f2}: 2 more).
    assert result.errors == 2
    assert result.reproducibility == pytest.approx(1 - 2 / 12)
    mmr = (3 + 2 + 2) / 12  # max(n_j, N - n_j) summed over functions
    assert result.scalability == pytest.approx((result.reproducibility - mmr) / (1 - mmr))
    assert result.scalability == pytest.approx(0.6)
    assert result.function_order.tolist() == [0, 2, 1]
    assert result.settlement_order[0] == 0  # most functions first


def test_natural_breaks_find_the_obvious_groups():
    values = [1, 2, 3, 20, 21, 22, 100, 105]
    assert natural_breaks(values, 3) == [3, 22, 105]
    classes = classify(values, [3, 22, 105])
    assert classes.tolist() == [2, 2, 2, 1, 1, 1, 0, 0]  # 0 = central


def test_bad_input():
    with pytest.raises(HabitatError):
        scalogram(np.zeros((3, 2)))
    with pytest.raises(HabitatError):
        natural_breaks([1, 2], 3)


@pytest.mark.parametrize("seed, classes", [(1, 3), (2, 4), (3, 5)])
def test_natural_breaks_equal_mapclassify_fisher_jenks(seed, classes):
    values = np.round(np.random.default_rng(seed).gamma(2.0, 50.0, size=60), 3)
    ours = natural_breaks(values, classes)
    reference = mapclassify.FisherJenks(values, k=classes).bins
    np.testing.assert_allclose(ours, reference)


def test_presence_from_facilities_in_sectors_and_near_points():
    from shapely.geometry import box

    from habitat_planning_plugin.core.sdf.scalogram import presence_from_facilities

    sectors = [box(0, 0, 10, 10), box(10, 0, 20, 10)]
    facilities = [(1, 1), (2, 2), (15, 5), (50, 50), (3, 3)]
    kinds = ["school", "school", "market", "bank", "clinic"]
    presence, functions, counts, unassigned = presence_from_facilities(sectors, facilities, kinds)
    assert functions == ["bank", "clinic", "market", "school"]
    assert presence.tolist() == [[0, 1, 0, 1], [0, 0, 1, 0]]
    assert counts[0, 3] == 2 and unassigned == [3]  # the bank lies in no sector
    points = np.array([(0.0, 0.0), (np.nan, np.nan), (100.0, 0.0)])  # the second settlement has no location
    presence, _, _, unassigned = presence_from_facilities(
        points, [(10, 0), (95, 0), (50, 500)], ["a", "b", "c"], max_distance=50
    )
    assert presence.tolist() == [[1, 0, 0], [0, 0, 0], [0, 1, 0]] and unassigned == [2]


def test_hierarchy_methods():
    from habitat_planning_plugin.core.sdf.scalogram import hierarchy

    values = [5, 10, 15, 200, 220, 900]
    classes, bounds = hierarchy(values, "natural_breaks", 3)
    assert classes.tolist() == [2, 2, 2, 1, 1, 0]
    classes, _ = hierarchy(values, "thresholds", thresholds=[50, 500])
    assert classes.tolist() == [2, 2, 2, 1, 1, 0]
    classes, bounds = hierarchy(values, "quantiles", 2)
    assert bounds[0] == pytest.approx(np.quantile(values, 0.5)) and classes.tolist() == [1, 1, 1, 0, 0, 0]
    with pytest.raises(HabitatError):
        hierarchy(values, "thresholds", thresholds=[500, 50])


def test_reproducibility_does_not_depend_on_the_order_of_the_columns():
    """Functions of equal ubiquity are placed to fit the scale best: permuting the columns (facility functions come
    sorted by name) never changes the errors, which equal the fewest over every order of the tied functions."""
    from itertools import permutations

    rng = np.random.default_rng(7)
    for _ in range(60):
        presence = (rng.random((6, 5)) < 0.5).astype(int)
        presence[0, 0] = 1
        result = scalogram(presence)
        for permutation in [rng.permutation(5) for _ in range(4)]:
            assert scalogram(presence[:, permutation]).errors == result.errors
        # Brute force: every column order with ubiquity non-increasing; the fewest Goodenough-Edwards errors.
        ubiquity = presence.sum(axis=0)
        totals = presence.sum(axis=1)
        ideal = (np.arange(5)[None, :] < totals[:, None]).astype(int)
        best = min(
            int(np.abs(presence[:, list(order)] - ideal).sum())
            for order in permutations(range(5))
            if all(ubiquity[order[i]] >= ubiquity[order[i + 1]] for i in range(4))
        )
        assert result.errors == best
