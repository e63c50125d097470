"""Land share (SDG 11.7.1 a) in the core, computed by hand on a 600 m square city with a 100 m street grid."""

import math

import numpy as np
import pytest
from shapely.geometry import box

from habitat_planning_plugin.core.public_space.land_share import (
    WIDTH_FACTORS,
    corridor_shares,
    halton,
    land_shares,
    sampled_street_share,
    scaled_corridors,
    street_corridors,
)
from habitat_planning_plugin.core.text import HabitatError

CITY = box(0, 0, 600, 600)  # 360,000 m2


def grid_streets(size=600, step=100, width=10.0):
    lines = [np.array([(x, 0.0), (x, float(size))]) for x in range(step, size, step)]
    lines += [np.array([(0.0, y), (float(size), y)]) for y in range(step, size, step)]
    return street_corridors(lines, [width] * len(lines))


def test_corridor_is_width_w_not_2w():
    corridor = street_corridors([np.array([(0.0, 0.0), (100.0, 0.0)])], [10.0])
    assert corridor.area == pytest.approx(1000.0)  # 100 m long x 10 m wide, flat ends


def test_grid_city_with_a_park_beside_the_streets():
    streets = grid_streets()
    # 5 + 5 corridors of 10 x 600 m, minus the 25 crossings counted twice: 60,000 - 2,500
    assert streets.area == pytest.approx(57_500.0)
    park = box(205, 205, 295, 295)  # touches the corridors, no overlap: 8,100 m2
    (city,) = land_shares([CITY], ["grid"], [park], streets)
    assert (city.ops_m2, city.street_m2, city.street_overlap_m2) == pytest.approx((8_100.0, 57_500.0, 0.0))
    assert city.total_pct == pytest.approx(100 * 65_600 / 360_000)
    assert city.ops_pct + city.street_pct == pytest.approx(city.total_pct)


def test_streets_overlapping_a_park_count_once():
    park = box(190, 190, 310, 310)  # 14,400 m2; crossed by the corridors x=200, x=300, y=200, y=300
    (city,) = land_shares([CITY], ["grid"], [park], grid_streets())
    overlap = 4 * 10 * 120 - 4 * 10 * 10  # four 10 x 120 strips, their four crossings counted twice
    assert city.street_overlap_m2 == pytest.approx(overlap)
    assert city.total_m2 == pytest.approx(57_500 + 14_400 - overlap)
    assert city.street_m2 == pytest.approx(57_500 - overlap)


def test_districts_split_the_city():
    west, east = box(0, 0, 300, 600), box(300, 0, 600, 600)
    shares = land_shares([west, east], ["W", "E"], [box(205, 205, 295, 295)], grid_streets())
    assert shares[0].ops_m2 == pytest.approx(8_100.0) and shares[1].ops_m2 == 0.0
    assert shares[0].street_m2 + shares[1].street_m2 == pytest.approx(57_500.0)


def test_halton_sequence_by_hand():
    assert [halton(i, 2) for i in (1, 2, 3, 4)] == [0.5, 0.25, 0.75, 0.125]
    assert [halton(i, 3) for i in (1, 2, 3, 4)] == pytest.approx([1 / 3, 2 / 3, 1 / 9, 4 / 9])


def test_sampling_estimate_brackets_the_exact_share():
    city = box(0, 0, 4000, 4000)
    streets = grid_streets(size=4000, step=100, width=10.0)
    exact = 100 * streets.intersection(city).area / city.area
    estimate = sampled_street_share(city, streets, precision_pct=1.0)
    assert estimate.converged and estimate.samples >= 30
    assert estimate.low_pct <= exact <= estimate.high_pct
    assert estimate.high_pct - estimate.low_pct <= 2.0
    radius = math.sqrt(100_000 / math.pi)
    assert radius == pytest.approx(178.4, abs=0.05)  # 10 ha circles


def test_street_share_at_narrower_and_wider_widths_by_hand():
    lines = [np.array([(x, 0.0), (x, 600.0)]) for x in range(100, 600, 100)]
    lines += [np.array([(0.0, y), (600.0, y)]) for y in range(100, 600, 100)]
    assert WIDTH_FACTORS == (0.75, 1.25)
    for factor, width in ((0.75, 7.5), (1.25, 12.5)):
        # 10 corridors of width x 600 m, less the 25 crossings counted twice.
        expected = 10 * 600 * width - 25 * width**2
        (city,) = land_shares([CITY], ["grid"], [], scaled_corridors(lines, [10.0] * len(lines), factor))
        assert city.street_m2 == pytest.approx(expected)
    # The share moves by less than 25 %: the crossings overlap.
    low = 10 * 600 * 7.5 - 25 * 7.5**2
    assert low / 57_500 > 0.75


def test_scaled_corridors_against_an_independent_union():
    """Mixed widths, a diagonal, a bend and a park: our corridors at 0.75 and 1.25 against shapely's own union of
    flat-capped buffers of half the scaled width each side."""
    from shapely.geometry import LineString
    from shapely.ops import unary_union

    lines = [
        [(0.0, 50.0), (300.0, 50.0)],
        [(150.0, 0.0), (150.0, 300.0)],
        [(0.0, 0.0), (300.0, 300.0)],
        [(20.0, 250.0), (120.0, 250.0), (120.0, 150.0)],
    ]
    widths = [20.0, 8.0, 12.0, 6.0]
    city = box(0, 0, 300, 300)
    park = box(160, 160, 260, 260)
    for factor in WIDTH_FACTORS:
        ours = scaled_corridors([np.array(line) for line in lines], widths, factor)
        reference = unary_union(
            [
                LineString(line).buffer(width * factor / 2, cap_style=2, join_style=2)
                for line, width in zip(lines, widths)
            ]
        )
        assert ours.symmetric_difference(reference).area < 1e-6
        (share,) = land_shares([city], ["c"], [park], ours)
        expected = reference.intersection(city).difference(park).area
        assert share.street_m2 == pytest.approx(expected)
        assert share.street_pct == pytest.approx(100 * expected / 90_000)
    # None widths (no width at all) stay out, as in street_corridors.
    assert scaled_corridors([np.array(lines[0])], [None], 1.25) is None


def awkward_streets(seed=3, n=300, size=3000.0):
    """Streets of every awkward kind: long lines over many tiles, hairpin bends (mitred corners), zero-length
    stubs, missing and zero widths, mixed widths."""
    rng = np.random.default_rng(seed)
    lines, widths = [], []
    for _ in range(n):
        k = int(rng.integers(2, 7))
        start = rng.uniform(0, size, 2)
        steps = rng.normal(0, 400, size=(k - 1, 2))
        lines.append(np.vstack([start, start + np.cumsum(steps, axis=0)]))
        widths.append(float(rng.choice([6.0, 10.0, 24.0, 60.0])))
    lines.append(np.array([(500.0, 500.0), (900.0, 520.0), (505.0, 540.0)]))  # a hairpin: a long mitre corner
    widths.append(30.0)
    lines.append(np.array([(700.0, 700.0), (700.0, 700.0)]))  # zero length
    widths.append(10.0)
    lines.append(np.array([(0.0, 0.0), (3000.0, 3000.0)]))
    widths.append(None)  # no width at all: left out, as street_corridors does
    lines.append(np.array([(0.0, 3000.0), (3000.0, 0.0)]))
    widths.append(0.0)
    return lines, widths


@pytest.mark.parametrize("tile", [60.0, 250.0, 1000.0, 10_000.0])
@pytest.mark.parametrize("factor", [1.0, 0.75, 1.25])
def test_tiled_corridor_shares_equal_the_whole_union(tile, factor):
    """corridor_shares (tile by tile, never the whole union) against land_shares on the whole union: a city with
    a hole and an island, two districts cutting it, parks straddling tiles."""
    lines, widths = awkward_streets()
    city = box(200, 200, 2800, 2800).difference(box(1200, 1200, 1700, 1700)).union(box(3100, 100, 3400, 600))
    districts = [city.intersection(box(0, 0, 1500, 4000)), city.intersection(box(1500, 0, 4000, 4000))]
    parks = [box(900, 900, 1300, 1400), box(2000, 300, 2600, 700).buffer(40), box(3150, 150, 3300, 300)]
    areas, names = [city] + districts, ["city", "west", "east"]
    whole = land_shares(areas, names, parks, scaled_corridors(lines, widths, factor))
    tiled = corridor_shares(areas, names, parks, lines, widths, factor=factor, tile=tile)
    for ours, reference in zip(tiled, whole):
        assert ours.name == reference.name
        for part in ("area_m2", "ops_m2", "street_m2", "street_overlap_m2", "total_m2"):
            assert getattr(ours, part) == pytest.approx(getattr(reference, part), rel=1e-9, abs=1e-6), part
    assert whole[0].street_overlap_m2 > 1000  # the parks really are crossed by streets


def test_tiled_corridor_shares_edge_cases():
    lines, widths = awkward_streets(n=20)
    city = box(0, 0, 3000, 3000)
    # No streets with a width: public space only.
    (share,) = corridor_shares([city], ["c"], [box(0, 0, 100, 100)], lines[-2:], widths[-2:])
    assert (share.street_m2, share.ops_m2) == (0.0, pytest.approx(10_000.0))
    # Streets far from the area count nothing.
    (share,) = corridor_shares([box(10_000, 10_000, 10_100, 10_100)], ["far"], [], lines, widths)
    assert share.street_m2 == 0.0 and share.total_pct == 0.0
    # A cancel stops it.
    assert corridor_shares([city], ["c"], [], lines, widths, tile=50.0, cancelled=lambda: True) is None
    with pytest.raises(HabitatError):
        corridor_shares([], [], [], lines, widths)
