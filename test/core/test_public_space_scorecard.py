"""core.public_space.scorecard: the district scorecard's parts by hand, tracking and the bilingual report."""

import math
import re

import numpy as np
import pytest
from shapely.geometry import box

from habitat_planning_plugin.core.public_space import scorecard
from habitat_planning_plugin.core.public_space.access import NETWORK, STRAIGHT_LINE
from habitat_planning_plugin.core.public_space.land_share import AreaShares
from habitat_planning_plugin.core.text import HabitatError

GROUPS = ["total", "female", "children_0_14", "older_65_plus"]


def test_group_fields_and_names():
    assert scorecard.group_fields(GROUPS) == [
        "served_pct_female",
        "served_pct_children_0_14",
        "served_pct_older_65_plus",
    ]
    assert scorecard.group_fields(["total", "Women 15+", "women-15+"]) == [
        "served_pct_women_15",
        "served_pct_women_15_2",
    ]
    assert scorecard.group_names("children_0_14") == ("Children (aged 0–14)", "儿童（0–14 岁）")
    assert scorecard.group_names("older_65_plus") == ("Older persons (aged 65+)", "老年人（65 岁及以上）")
    assert scorecard.group_names("female") == ("Women", "妇女")
    assert scorecard.group_names("band 7") == ("band 7", "band 7")
    names = [name for name, _ in scorecard.fields(GROUPS, tracking=True)]
    assert names[:3] == ["district", "level", "year"]
    assert "chg_served_pct_female" in names and "chg_year" not in names and "chg_weakest_dim" not in names
    assert len(names) == len(set(names))
    assert not any(name.startswith("chg_") for name, _ in scorecard.fields(GROUPS))


def test_quality_upgrade_and_clusters_by_district():
    owner = [0, 0, 1, -1, 1, 0]
    index = [60.0, 80.0, np.nan, 50.0, 40.0, np.nan]
    dimensions = {"safety": [30.0, 50.0, 90.0, 10.0, np.nan, 70.0], "green": [60.0, 20.0, np.nan, 90.0, 80.0, 75.0]}
    summary = scorecard.quality_summary(owner, index, dimensions, 2)
    # District 0: index (60 + 80) / 2; safety (30 + 50 + 70) / 3 = 50, green (60 + 20 + 75) / 3 = 51.67.
    assert summary[0] == (pytest.approx(70.0), "safety", pytest.approx(50.0))
    # District 1: index 40 (one surveyed); safety 90, green 80.
    assert summary[1] == (pytest.approx(40.0), "green", pytest.approx(80.0))
    # City: all six; index (60 + 80 + 50 + 40) / 4; safety 250 / 5 = 50, green 325 / 5 = 65.
    assert summary[2] == (pytest.approx(57.5), "safety", pytest.approx(50.0))
    assert scorecard.quality_summary([1], [np.nan], {"safety": [np.nan]}, 2)[1] == (None, None, None)

    ranks = [1, 4, 2, 3, 11, np.nan]
    assert scorecard.upgrade_counts(owner, ranks, 3, 2) == [1, 1, 3]
    assert scorecard.upgrade_counts(owner, ranks, 10, 2) == [2, 1, 4]

    clusters = scorecard.cluster_summary([1, 1, -1, 0], [100.0, 50.0, 7.0, np.nan], 2)
    assert clusters == [(1, 0.0), (2, 150.0), (4, 157.0)]


def access_rows():
    rows = []
    for district, population, shares in (
        (None, 300.0, (50.0, 40.0)),
        ("A", 200.0, (60.0, 55.0)),
        ("B", 100.0, (30.0, 10.0)),
    ):
        for method in (NETWORK, STRAIGHT_LINE):
            for group, share in zip(("total", "female"), shares):
                rows.append(
                    {
                        "city": None,
                        "district": district,
                        "group": group,
                        "method": method,
                        "population": population if group == "total" else population / 2,
                        "served": 0.0,
                        "share_pct": share + (5 if method == STRAIGHT_LINE else 0),
                    }
                )
    return rows


def shares():
    return [
        AreaShares("A", 2e6, 1e5, 4e5, 0.0, 5e5),
        AreaShares("B", 1e6, 0.0, 2e5, 0.0, 2e5),
        AreaShares("city", 3e6, 1e5, 6e5, 0.0, 7e5),
    ]


def rows(year=2024, quality=True):
    by_area = scorecard.access_by_area(access_rows(), ["A", "B"], ["total", "female"], NETWORK)
    assert by_area[0] == (200.0, {"total": 60.0, "female": 55.0})
    assert by_area[2] == (300.0, {"total": 50.0, "female": 40.0})
    return scorecard.scorecard_rows(
        ["A", "B"],
        "Whole city",
        year,
        shares(),
        by_area,
        ["total", "female"],
        [(70.0, "safety", 50.0), (None, None, None), (65.0, "green", 40.0)] if quality else None,
        [1, 0, 1],
        [(0, 0.0), (2, 80.0), (2, 80.0)],
    )


def test_rows_by_hand():
    a, b, city = rows()
    assert a["level"] == "district" and city["level"] == "city" and city["district"] == "Whole city"
    assert a["area_km2"] == pytest.approx(2.0)
    assert a["ops_share_pct"] == pytest.approx(5.0) and a["street_share_pct"] == pytest.approx(20.0)
    assert a["total_share_pct"] == pytest.approx(25.0)
    assert a["ops_m2_per_person"] == pytest.approx(1e5 / 200)
    assert b["ops_m2_per_person"] == 0.0
    assert a["served_pct"] == 60.0 and a["served_pct_female"] == 55.0
    assert city["served_pct"] == 50.0 and city["ops_m2_per_person"] == pytest.approx(1e5 / 300)
    assert a["quality_mean"] == 70.0 and a["weakest_dim"] == "safety" and b["quality_mean"] is None
    assert b["unserved_clusters"] == 2 and b["unserved_in_clusters"] == 80.0 and a["to_upgrade"] == 1
    plain = scorecard.scorecard_rows(
        ["A", "B"],
        "Whole city",
        2024,
        shares(),
        scorecard.access_by_area(access_rows(), ["A", "B"], ["total"], NETWORK),
        ["total"],
    )
    assert plain[0]["quality_mean"] is None and plain[0]["to_upgrade"] is None
    assert plain[0]["unserved_clusters"] is None


def table_of(made):
    """The rows as a CSV reader gives them: text, empty for none, a spreadsheet-safe apostrophe before a minus."""
    out = []
    for row in made:
        out.append(
            {
                key: ""
                if value is None
                else (f"'{value}" if isinstance(value, str) and value.startswith("-") else str(value))
                for key, value in row.items()
            }
        )
    return out


def test_tracking_is_the_difference_and_names_the_districts():
    previous = table_of(rows(2023))
    previous[0]["served_pct"] = "52.5"
    previous[2]["ops_share_pct"] = "'-1.5"  # any text a spreadsheet-safe table may hold
    previous[1]["district"] = "Old B"
    current = rows(2024)
    tracking = scorecard.track(current, previous, ["total", "female"], 2024, "last.csv")
    a, b, city = current
    assert tracking.previous_year == 2023
    assert tracking.new_districts == ["B"] and tracking.dropped_districts == ["Old B"]
    assert a["prev_year"] == 2023 and b["prev_year"] is None
    assert a["chg_served_pct"] == pytest.approx(60.0 - 52.5)
    assert a["chg_area_km2"] == 0.0 and a["chg_served_pct_female"] == 0.0
    assert city["chg_ops_share_pct"] == pytest.approx(100 * 1e5 / 3e6 + 1.5)
    assert all(b[f"chg_{name}"] is None for name in scorecard.numeric_fields(["total", "female"]))
    assert a["chg_quality_mean"] == 0.0 and a["chg_to_upgrade"] == 0.0


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda table: [dict(row, district=f"X{n}") for n, row in enumerate(table)],
            'No district of this run is in the previous scorecard "last.csv": it has X0, X1; this run has A, B.',
        ),
        (lambda table: [dict(row, year="2030") for row in table], "is of 2030, later than this run (2024)"),
        (
            lambda table: [dict(row, year=str(2020 + n)) for n, row in enumerate(table)],
            "holds the years 2020, 2021, 2022",
        ),
        (
            lambda table: [{key: value for key, value in row.items() if key != "district"} for row in table],
            "has no field district",
        ),
        (lambda table: [], "has no field district"),
    ],
)
def test_tracking_refuses_another_scorecard(change, message):
    with pytest.raises(HabitatError) as error:
        scorecard.track(rows(2024), change(table_of(rows(2023))), ["total", "female"], 2024, "last.csv")
    assert message in str(error.value)


def test_previous_city_row_is_matched_by_level_whatever_its_language():
    previous = table_of(rows(2023))
    previous[2]["district"] = "全市"
    current = rows(2024)
    scorecard.track(current, previous, ["total", "female"], 2024, "last.csv")
    assert current[2]["prev_year"] == 2023 and current[2]["chg_served_pct"] == 0.0


def district_pages(text):
    return text.split(scorecard.PAGE_BREAK)[1:]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_report_is_bilingual_with_a_page_per_district(language):
    current = rows(2024)
    scorecard.track(current, table_of(rows(2023)), ["total", "female"], 2024, "last.csv")
    shapes = [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)]
    report, warnings = scorecard.scorecard_report(
        current,
        shapes,
        ["total", "female"],
        language,
        400.0,
        10,
        scorecard.Tracking(2023, [], []),
        {"safety": {"en": "Safety", "zh": "安全性"}},
        {"quality": True, "upgrade": True, "clusters": True},
    )
    text = report.render("test")
    assert text.count(f'style="{scorecard.PAGE_BREAK}"') == 2
    pages = district_pages(text)
    assert [re.search(r"<h2>(.*?)</h2>", page).group(1) for page in pages] == ["A", "B"]
    chinese_first = language.startswith("zh")
    for page in pages:
        assert page.count("<img") == 1  # the locator map
        labels = re.findall(r"<td>([^<]*)<br><span class=\"note\">([^<]*)</span></td>", page)
        assert len(labels) == 10  # 5 indicators, 1 more group, quality, upgrade and 2 of the clusters
        for first, second in labels:  # every label in both languages, the reader's first
            assert bool(re.search(r"[\u4e00-\u9fff]", first)) == chinese_first, (first, second)
            assert bool(re.search(r"[\u4e00-\u9fff]", second)) != chinese_first, (first, second)
        assert "Change since 2023" in page and "自 2023 年以来的变化" in page
    first_page = pages[0]
    assert ("安全性 / Safety (50)" if chinese_first else "Safety / 安全性 (50)") in first_page
    assert "▲" not in first_page and "● +0.0" in first_page  # no change since the same numbers
    assert "≥ 15 %" in first_page and "≥ 100 %" in first_page
    assert warnings == [] or all(isinstance(warning, str) for warning in warnings)


def test_report_leaves_out_what_was_not_given():
    report, _ = scorecard.scorecard_report(
        rows(2024, quality=False), [box(0, 0, 1, 1), box(1, 0, 2, 1)], ["total", "female"], "en", 400.0, 10
    )
    page = district_pages(report.render("test"))[0]
    assert "Mean quality index" not in page and "Unserved clusters" not in page and "Change since" not in page
    assert '<td>– Women<br><span class="note">– 妇女</span></td>' in page
    assert not math.isnan(rows()[0]["area_km2"])
