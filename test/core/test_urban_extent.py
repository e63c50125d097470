"""Urban extent from built-up data (core): classes checked cell by cell against a brute-force computation, and
SDG 11.3.1 worked out by hand.

The brute force shares nothing with the core: the circle density is an explicit loop over the cells (the cells of
each window tested against the circle by their centre distance), the fringe a loop over the open cells, the gaps
and extents flood fills in plain Python.
"""

import math
from collections import deque

import numpy as np
import pytest

from habitat_planning_plugin.core.public_space import urban_extent as ue
from habitat_planning_plugin.core.text import HabitatError

CELL = 50.0
RADIUS = math.sqrt(1e6 / math.pi)


# --- the brute force -------------------------------------------------------------------------------------------


def brute_density(share, valid, cell, radius):
    rows, cols = share.shape
    reach = int(radius // cell)
    density = np.full(share.shape, np.nan)
    for r in range(rows):
        for c in range(cols):
            if not valid[r, c]:
                continue
            r0, r1, c0, c1 = max(0, r - reach), min(rows, r + reach + 1), max(0, c - reach), min(cols, c + reach + 1)
            dy, dx = np.mgrid[r0 - r : r1 - r, c0 - c : c1 - c]
            inside = np.hypot(dx * cell, dy * cell) <= radius + 1e-9
            window_valid = valid[r0:r1, c0:c1] & inside
            density[r, c] = share[r0:r1, c0:c1][window_valid].astype(np.float64).sum() / window_valid.sum()
    return density


def flood(mask, start, neighbours):
    cells, queue = [start], deque([start])
    seen = {start}
    while queue:
        r, c = queue.popleft()
        for dr, dc in neighbours:
            nr, nc = r + dr, c + dc
            if 0 <= nr < mask.shape[0] and 0 <= nc < mask.shape[1] and mask[nr, nc] and (nr, nc) not in seen:
                seen.add((nr, nc))
                queue.append((nr, nc))
                cells.append((nr, nc))
    return cells


FOUR = [(-1, 0), (1, 0), (0, -1), (0, 1)]
EIGHT = FOUR + [(-1, -1), (-1, 1), (1, -1), (1, 1)]


def brute_classes(
    share, valid, cell, urban=0.5, suburban=0.25, built_cell=0.5, fringe_m=100.0, captured_max_m2=2e6, min_extent_m2=1e6
):
    rows, cols = share.shape
    density = brute_density(share, valid, cell, RADIUS)
    classes = np.where(valid, ue.RURAL_OPEN, ue.NO_DATA)
    for r in range(rows):
        for c in range(cols):
            if valid[r, c] and share[r, c] >= built_cell:
                d = density[r, c]
                classes[r, c] = ue.URBAN if d > urban else ue.SUBURBAN if d >= suburban else ue.RURAL_BUILT
    core = (classes == ue.URBAN) | (classes == ue.SUBURBAN)
    reach = int(fringe_m // cell)
    for r in range(rows):
        for c in range(cols):
            if classes[r, c] != ue.RURAL_OPEN:
                continue
            for dr in range(-reach, reach + 1):
                for dc in range(-reach, reach + 1):
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < rows and 0 <= nc < cols and core[nr, nc] and math.hypot(dr, dc) * cell <= fringe_m:
                        classes[r, c] = ue.FRINGE
    urbanised = core | (classes == ue.FRINGE)
    seen = np.zeros(share.shape, dtype=bool)
    for r in range(rows):
        for c in range(cols):
            if urbanised[r, c] or seen[r, c]:
                continue
            gap = flood(~urbanised, (r, c), FOUR)
            for cell_rc in gap:
                seen[cell_rc] = True
            on_edge = any(gr in (0, rows - 1) or gc in (0, cols - 1) for gr, gc in gap)
            if not on_edge and len(gap) * cell * cell < captured_max_m2:
                for gr, gc in gap:
                    if classes[gr, gc] != ue.NO_DATA:
                        classes[gr, gc] = ue.CAPTURED
    extent = np.isin(classes, ue.IN_EXTENT)
    clusters, seen = [], np.zeros(share.shape, dtype=bool)
    for r in range(rows):
        for c in range(cols):
            if extent[r, c] and not seen[r, c]:
                cluster = flood(extent, (r, c), EIGHT)
                for cell_rc in cluster:
                    seen[cell_rc] = True
                clusters.append(cluster)
    clusters = sorted(clusters, key=len, reverse=True)  # stable: ties keep the scan order
    labels = np.zeros(share.shape, dtype=np.int32)
    number = 0
    for cluster in clusters:
        if len(cluster) * cell * cell >= min_extent_m2:
            number += 1
            for cell_rc in cluster:
                labels[cell_rc] = number
    return density, classes, labels


# --- the test city -----------------------------------------------------------------------------------------------


def built_up_city():
    """50 m cells, 170 x 200. A: a dense 5 x 5 km block (rows 10-109, cols 10-109) with an enclosed 50 ha hole H1
    (rows 20-29, cols 20-39) and a 300 ha hole H2 (rows 50-79, cols 40-79); B: a patch where 30 % of the cells are
    built (rows 10-109, cols 125-189); four isolated built cells; D: a 700 m block (rows 140-153, cols 150-163);
    no data in a 250 x 500 m patch inside A (rows 95-99, cols 95-104) and in the first column."""
    share = np.zeros((170, 200), dtype=np.float32)
    share[10:110, 10:110] = 1.0
    share[20:30, 20:40] = 0.0
    share[50:80, 40:80] = 0.0
    r, c = np.mgrid[10:110, 125:190]
    share[10:110, 125:190] = ((3 * r + 7 * c) % 10 < 3).astype(np.float32)
    for cell in [(130, 20), (140, 60), (150, 100), (160, 30)]:
        share[cell] = 1.0
    share[140:154, 150:164] = 1.0
    valid = np.ones(share.shape, dtype=bool)
    valid[95:100, 95:105] = False
    valid[:, 0] = False
    share[~valid] = 0.0
    return share, valid


@pytest.fixture(scope="module")
def city():
    share, valid = built_up_city()
    result = ue.classify_urban_extent(share, valid, CELL, CELL)
    return share, valid, result, brute_classes(share, valid, CELL)


def test_density_equals_the_brute_force(city):
    share, valid, _, (density, _, _) = city
    ours = ue.circle_density(share, valid, CELL, CELL)
    assert np.array_equal(np.isnan(ours), ~valid)
    assert np.allclose(ours[valid], density[valid], atol=1e-6)


def test_classes_and_extents_equal_the_brute_force_cell_by_cell(city):
    _, _, result, (_, classes, labels) = city
    assert np.array_equal(result.classes, classes)
    assert np.array_equal(result.labels, labels)


def test_classes_known_by_design(city):
    _, _, result, _ = city
    k = result.classes
    assert k[40, 95] == ue.URBAN  # its whole circle is built
    assert (k[22:28, 22:38] == ue.CAPTURED).all()  # 50 ha hole: enclosed, under 200 ha
    assert (k[20:22, 20:40] == ue.FRINGE).all() and (k[20:30, 20:22] == ue.FRINGE).all()  # 100 m rim = 2 cells
    assert (k[52:78, 42:78] == ue.RURAL_OPEN).all()  # 300 ha hole: 234 ha beyond its fringe, not captured
    assert (k[50:52, 40:80] == ue.FRINGE).all()
    inner_b = k[25:95, 140:175]  # far enough from the patch's edges for a density of about 30 %
    built_b = built_up_city()[0][25:95, 140:175] == 1.0
    assert (inner_b[built_b] == ue.SUBURBAN).all() and (inner_b[~built_b] == ue.FRINGE).all()
    for cell in [(130, 20), (140, 60), (150, 100), (160, 30)]:
        assert k[cell] == ue.RURAL_BUILT
        assert k[cell[0] + 1, cell[1]] == ue.RURAL_OPEN
    assert (k[95:100, 95:105] == ue.NO_DATA).all() and (k[:, 0] == ue.NO_DATA).all()
    assert result.class_cells[ue.NO_DATA] == 50 + 170


def test_extents_and_their_areas(city):
    _, _, result, _ = city
    a, b = result.extents  # D (under 1 km²) is dropped
    assert a.extent_id == 1 and b.extent_id == 2
    assert result.labels[40, 95] == 1 and result.labels[60, 157] == 2
    assert result.labels[65, 60] == 0  # inside the 300 ha hole: a hole in extent A
    labels, classes = result.labels, result.classes
    for extent in (a, b):
        mine = labels == extent.extent_id
        assert extent.area_m2 == pytest.approx(mine.sum() * 2500)
        assert extent.urban_m2 == pytest.approx((mine & (classes == ue.URBAN)).sum() * 2500)
        assert extent.captured_m2 == pytest.approx((mine & (classes == ue.CAPTURED)).sum() * 2500)
        assert extent.area_m2 == pytest.approx(
            extent.urban_m2 + extent.suburban_m2 + extent.fringe_m2 + extent.captured_m2
        )
    assert a.captured_m2 == pytest.approx(96 * 2500)  # H1 less its 100 m fringe: 6 x 16 cells
    assert result.dropped == 1 and 0 < result.dropped_m2 < 1e6
    assert np.isin(classes[140:154, 150:164], (ue.SUBURBAN, ue.RURAL_BUILT)).all()


def test_a_minimum_area_of_zero_keeps_the_small_town():
    share, valid = built_up_city()
    result = ue.classify_urban_extent(share, valid, CELL, CELL, min_extent_m2=0)
    _, _, labels = brute_classes(share, valid, CELL, min_extent_m2=0)
    assert np.array_equal(result.labels, labels)
    assert len(result.extents) == 3 and result.labels[147, 157] == 3


def test_fractional_shares_and_other_thresholds_equal_the_brute_force():
    """Shares in steps of 0.01 with no data here and there; thresholds 40 % / 10 % (the old 11.7.1 text)."""
    rng = np.random.default_rng(7)
    base = np.round(rng.random((60, 70)) ** 2, 2).astype(np.float32)
    base[15:45, 20:55] = np.round(0.4 + 0.6 * rng.random((30, 35)), 2)
    valid = rng.random(base.shape) > 0.05
    base[~valid] = 0.0
    result = ue.classify_urban_extent(base, valid, 30.0, 30.0, urban=0.4, suburban=0.1, min_extent_m2=0)
    density = brute_density(base, valid, 30.0, RADIUS)
    ours = ue.circle_density(base, valid, 30.0, 30.0)
    assert np.allclose(ours[valid], density[valid], atol=1e-6)
    near_threshold = np.isclose(density, 0.4, atol=1e-5) | np.isclose(density, 0.1, atol=1e-5)
    assert not near_threshold[valid & (base >= 0.5)].any()  # no tie to decide: the comparison below is exact
    _, classes, labels = brute_classes(base, valid, 30.0, urban=0.4, suburban=0.1, min_extent_m2=0)
    assert np.array_equal(result.classes, classes) and np.array_equal(result.labels, labels)


def test_rectangular_cells_use_a_true_circle():
    kernel = ue.disc_kernel(100.0, 50.0, 25.0)
    assert kernel.shape == (9, 5)  # 4 rows of 25 m and 2 columns of 50 m each side
    assert kernel[4, 4] == 1 and kernel[0, 2] == 1 and kernel[1, 4] == 0  # (100, 75) m is 125 m away


def test_thresholds_out_of_order_are_refused():
    share, valid = np.ones((5, 5), np.float32), np.ones((5, 5), bool)
    with pytest.raises(HabitatError, match="suburban density"):
        ue.classify_urban_extent(share, valid, 30, 30, urban=0.2, suburban=0.3)


def test_input_kinds():
    cell_area = 100.0 * 100.0
    ghsl = np.array([[0, 2500, 12000, 65535]], dtype=np.uint16)
    share, valid = ue.built_up_share(ghsl, ue.GHSL_SURFACE, cell_area, nodata=65535)
    assert share.tolist() == [[0.0, 0.25, 1.0, 0.0]] and valid.tolist() == [[True, True, True, False]]
    worldcover = np.array([[0, 10, 50, 80]], dtype=np.uint8)
    share, valid = ue.built_up_share(worldcover, ue.WORLDCOVER)
    assert share.tolist() == [[0, 0, 1, 0]] and valid.tolist() == [[False, True, True, True]]
    share, valid = ue.built_up_share(np.array([[0, 1, 255]], np.uint8), ue.BINARY, nodata=255)
    assert share.tolist() == [[0, 1, 0]] and valid.tolist() == [[True, True, False]]
    share, valid = ue.built_up_share(np.array([[np.nan, 0.5, 1.2, -9999]], np.float32), ue.SHARE, nodata=-9999)
    assert share.tolist() == [[0, 0.5, 1, 0]] and valid.tolist() == [[False, True, True, False]]
    share, _ = ue.built_up_share(np.array([[40.0, 100.0]]), ue.PERCENT)
    assert share.tolist() == [[pytest.approx(0.4), 1.0]]
    assert ue.share_out_of_range(np.array([[0.2, 87.0]]), ue.SHARE, np.ones((1, 2), bool)) == 87.0
    assert ue.share_out_of_range(np.array([[0.2, 1.0]]), ue.SHARE, np.ones((1, 2), bool)) is None


# --- SDG 11.3.1 ----------------------------------------------------------------------------------------------------


def test_land_use_efficiency_by_hand():
    """Urban extent 40 km² in 2000 and 60 km² in 2020, population 1.0 and 1.2 million:
    LCR = ln(60/40)/20 = 0.405465/20 = 0.0202733 a year (2.03 %), PGR = ln(1.2)/20 = 0.182322/20 = 0.0091161
    (0.91 %), LCRPGR = 0.0202733/0.0091161 = 2.2239: land grew more than twice as fast as the population."""
    result = ue.land_use_efficiency(40e6, 60e6, 1_000_000, 1_200_000, 20)
    assert result.lcr == pytest.approx(0.0202733, abs=1e-7)
    assert result.pgr == pytest.approx(0.0091161, abs=1e-7)
    assert result.ratio == pytest.approx(2.2239, abs=1e-4)
    assert result.note == ""
    flat = ue.land_use_efficiency(40e6, 60e6, 1000, 1000, 20)
    assert flat.ratio is None and "did not change" in flat.note
    new = ue.land_use_efficiency(0, 60e6, 1000, 2000, 20)
    assert new.lcr is None and new.ratio is None and "land consumption rate is undefined" in new.note
    falling = ue.land_use_efficiency(40e6, 60e6, 2000, 1000, 20)
    assert falling.ratio < 0 and "fell" in falling.note
    with pytest.raises(HabitatError):
        ue.land_use_efficiency(40e6, 60e6, 1000, 2000, 0)


def test_two_dates_by_hand():
    """100 m cells, 80 x 80 raster. A fully built n x n block: every cell of it is at least suburban (a corner
    cell's circle holds 30 of the 97 cells within 564 m: 31 %), the fringe is the four 1-cell strips along its
    sides (a diagonal neighbour is 141 m away), nothing is captured: the extent is n² + 4n cells.
    2010: n = 20 -> 480 cells = 4.80 km²; 2020: n = 40 (around it) -> 1,760 cells = 17.60 km².
    Population on a 200 m grid, spread over 2 x 2 points a cell (one per 100 m cell): 25 people per 100 m cell in
    2010, 50 in 2020 -> 480 x 25 = 12,000 and 1,760 x 50 = 88,000 people in the extents.
    LCR = ln(17.6/4.8)/10 = 1.299283/10 = 0.1299283; PGR = ln(88,000/12,000)/10 = 1.992430/10 = 0.1992430;
    LCRPGR = 0.1299283/0.1992430 = 0.652110."""

    def block(n):
        share = np.zeros((80, 80), np.float32)
        low = 40 - n // 2
        share[low : low + n, low : low + n] = 1.0
        return ue.classify_urban_extent(share, np.ones(share.shape, bool), 100.0, 100.0)

    earlier, later = block(20), block(40)
    assert [e.area_m2 for e in earlier.extents] == [4.8e6] and [e.area_m2 for e in later.extents] == [17.6e6]
    assignment = ue.match_earlier(later.labels, earlier.labels, len(earlier.extents))
    assert assignment.tolist() == [0, 1]
    grid = (0.0, 100.0, 0.0, 8000.0, 0.0, -100.0)
    population_grid = (0.0, 200.0, 0.0, 8000.0, 0.0, -200.0)
    pop_1 = ue.population_by_extent(earlier.labels, grid, 1, np.full((40, 40), 100.0), population_grid)
    pop_2 = ue.population_by_extent(later.labels, grid, 1, np.full((40, 40), 200.0), population_grid)
    assert pop_1[1] == pytest.approx(12_000) and pop_2[1] == pytest.approx(88_000)
    assert pop_1.sum() == pytest.approx(1600 * 100.0)
    result = ue.land_use_efficiency(4.8e6, 17.6e6, pop_1[1], pop_2[1], 10)
    assert result.lcr == pytest.approx(0.1299283, abs=1e-7)
    assert result.pgr == pytest.approx(0.1992430, abs=1e-7)
    assert result.ratio == pytest.approx(0.652110, abs=1e-6)


def test_labels_at_points():
    labels = np.array([[0, 1], [2, 0]], dtype=np.int32)
    grid = (100.0, 10.0, 0.0, 200.0, 0.0, -10.0)
    assert ue.labels_at(labels, grid, [(115, 195), (105, 185), (105, 195), (50, 50)]).tolist() == [1, 2, 0, 0]
