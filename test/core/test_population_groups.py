"""Population group names from real grids, labelled for the reader (English here; Chinese in the report tests)."""

import pytest

from habitat_planning_plugin.core.public_space.groups import group_label


@pytest.mark.parametrize(
    "name, label",
    [
        ("total", "All residents"),
        ("population", "All residents"),
        ("female", "Women"),
        ("Women", "Women"),
        ("male", "Men"),
        ("children_0_14", "Children (aged 0–14)"),
        ("older_65_plus", "Older persons (aged 65+)"),
        ("elderly 60+", "Older persons (aged 60+)"),
        ("disability", "Persons with disabilities"),
        ("youth_15_24", "Young people (aged 15–24)"),
        # names no rule knows stay as the data gives them
        ("band_7", "band_7"),
        ("f_0", "f_0"),
        ("低收入", "低收入"),
        ("", ""),
    ],
)
def test_group_labels(name, label):
    assert group_label(name) == label
