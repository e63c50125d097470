"""Krippendorff's alpha against the published worked example and the krippendorff package; percent agreement."""

import krippendorff
import numpy as np
import pytest

from habitat_planning_plugin.core.plan_assessment.agreement import krippendorff_alpha, percent_agreement

nan = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing data.
EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
]


@pytest.mark.parametrize(
    "level, published", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)]
)
def test_published_worked_example(level, published):
    assert krippendorff_alpha(EXAMPLE, level) == pytest.approx(published, abs=0.0005)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_equal_to_the_krippendorff_package(seed, level):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 4, size=15)  # 15 criteria scored 0..3 by 3 to 5 assessors with noise and gaps
    data = np.array(
        [np.clip(truth + rng.integers(-1, 2, size=15), 0, 3) for _ in range(rng.integers(3, 6))], dtype=float
    )
    data[rng.uniform(size=data.shape) < 0.15] = nan
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    assert krippendorff_alpha(data, level) == pytest.approx(expected, abs=1e-9)


def test_perfect_and_no_agreement_edge_cases():
    assert krippendorff_alpha([[1, 2, 3], [1, 2, 3]], "ordinal") == pytest.approx(1.0)
    assert krippendorff_alpha([[2, 2, 2], [2, 2, 2]], "ordinal") == 1.0  # no variation at all
    assert np.isnan(krippendorff_alpha([[1, nan], [nan, 2]], "ordinal"))  # no unit scored twice


def test_percent_agreement_by_hand():
    # Criterion 1: 3 assessors agree (3 of 3 pairs); criterion 2: 1, 1, 2 (1 of 3 pairs); criterion 3: one score only.
    assert percent_agreement([[1, 1, 2], [1, 1, nan], [1, 2, nan]]) == pytest.approx(100 * 4 / 6)
