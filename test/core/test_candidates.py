"""Candidate sites from non-built land (core): a 20 x 20 grid of 10 m cells worked by hand, exclusions cut exactly
(checked with shapely), 4-connectivity against scipy's 8-connected labels, the largest-first limit, south-up grids
and a brute-force random grid."""

import numpy as np
import pytest
from shapely.geometry import LineString, Point, box
from shapely.ops import unary_union

from habitat_planning_plugin.core.public_space.candidates import (
    StreetIndex,
    candidate_sites,
    segments_of,
)

GT = (1000.0, 10.0, 0.0, 1200.0, 0.0, -10.0)  # 20 x 20 cells of 10 m: x 1000..1200, y 1000..1200
EXTENT = box(1000, 1000, 1150, 1200)  # the left 15 columns
BLOCK = box(1030, 1130, 1090, 1180)  # rows 2-6, columns 3-8: 6 x 5 cells = 3,000 m²
SMALL = box(1120, 1060, 1150, 1080)  # rows 12-13, columns 12-14: 600 m²


def grid():
    share = np.full((20, 20), 0.9, dtype=np.float32)
    valid = np.ones((20, 20), dtype=bool)
    share[2:7, 3:9] = 0.0
    share[2, 3] = 0.2  # exactly the threshold: open (the float32 0.2 is compared as float32)
    share[6, 8] = 0.1
    share[7, 2] = 0.25  # next to the block, above the threshold: built
    share[7, 9] = 0.0  # touches the block only at the corner of (6, 8): a piece of its own (100 m²)
    share[12:14, 12:15] = 0.0
    share[15, 5] = 0.0
    valid[15, 5] = False  # nodata: never open land
    share[2:7, 17:20] = 0.0  # 1,500 m² outside the extent (columns 17-19)
    return share, valid


def test_open_blocks_by_hand():
    share, valid = grid()
    result = candidate_sites(share, valid, GT, EXTENT, min_area=2000.0)
    assert len(result.sites) == 1
    site = result.sites[0]
    assert site.shape.equals(BLOCK) and site.area_m2 == pytest.approx(3000.0, abs=1e-9)
    assert site.cells == 30 and site.built_pct == pytest.approx(100 * (0.2 + 0.1) / 30, rel=1e-6)
    assert result.cells_in_extent == 20 * 15 - 1  # the nodata cell is not counted
    assert result.open_cells == 30 + 1 + 6
    assert result.pieces == 3 and result.too_small == 2  # the corner cell and the small block
    # With a smaller minimum, the small block and the corner cell are sites too, largest first.
    result = candidate_sites(share, valid, GT, EXTENT, min_area=100.0)
    assert [s.area_m2 for s in result.sites] == pytest.approx([3000.0, 600.0, 100.0])
    assert result.sites[1].shape.equals(SMALL) and result.sites[2].shape.equals(box(1090, 1120, 1100, 1130))
    # A lower threshold: the 0.2 cell is built, the block has 29 cells.
    result = candidate_sites(share, valid, GT, EXTENT, max_built_share=0.15, min_area=2000.0)
    assert result.sites[0].area_m2 == pytest.approx(2900.0)
    assert result.sites[0].shape.equals(BLOCK.difference(box(1030, 1170, 1040, 1180)))


def test_extent_clips_exactly_and_by_centres():
    share, valid = grid()
    # x = 1067 crosses column 6 (1060-1070, centre 1065 inside): columns 3-6 enter, cut at 1067.
    result = candidate_sites(share, valid, GT, box(1000, 1000, 1067, 1200), min_area=1000.0)
    assert len(result.sites) == 1
    assert result.sites[0].shape.equals(box(1030, 1130, 1067, 1180))
    assert result.sites[0].area_m2 == pytest.approx(37 * 50)
    # No cell centre in an extent beside the raster.
    result = candidate_sites(share, valid, GT, box(5000, 5000, 6000, 6000))
    assert result.cells_in_extent == 0 and result.sites == []


def test_street_splits_the_block_exactly():
    share, valid = grid()
    street = LineString([(1060, 990), (1060, 1210)])  # on the boundary between columns 5 and 6
    coords = np.array(street.coords)
    lines = (coords, np.array([len(coords)]))
    # Half-width 4 m: no cell centre (5 m away) is in the corridor; the block less the corridor, in two parts.
    result = candidate_sites(share, valid, GT, EXTENT, lines=lines, street_half_width=4.0, min_area=1000.0)
    expected = BLOCK.difference(street.buffer(4.0))
    assert len(result.sites) == 2
    assert sum(s.area_m2 for s in result.sites) == pytest.approx(expected.area, abs=1e-6)
    assert expected.area == pytest.approx(3000.0 - 8 * 50, abs=1e-6)
    assert unary_union([s.shape for s in result.sites]).symmetric_difference(expected).area < 1e-6
    assert {round(s.area_m2, 6) for s in result.sites} == {1300.0}
    assert all(s.cells == 15 for s in result.sites)  # each part's own cells (three columns of five)
    # Half-width 6 m: the cells whose centres lie 5 m from the street (columns 5 and 6) go whole.
    result = candidate_sites(share, valid, GT, EXTENT, lines=lines, street_half_width=6.0, min_area=900.0)
    assert sorted(s.shape.bounds for s in result.sites) == [(1030, 1130, 1050, 1180), (1070, 1130, 1090, 1180)]
    assert result.excluded_cells == 10
    # A street along the block's top edge trims the block only (no centre within 3 m).
    edge = LineString([(1000, 1180), (1100, 1180)])
    coords = np.array(edge.coords)
    result = candidate_sites(share, valid, GT, EXTENT, lines=(coords, np.array([2])), street_half_width=3.0)
    assert result.sites[0].area_m2 == pytest.approx(BLOCK.difference(edge.buffer(3.0)).area, abs=1e-6)
    assert result.sites[0].area_m2 == pytest.approx(3000.0 - 3 * 60, abs=1e-6)


def test_excluded_polygons_cut_exactly():
    share, valid = grid()
    space = box(1000, 1150, 1045, 1200)  # covers columns 3 (centre 1035) and part of 4 (1040-1050, centre 1045)
    result = candidate_sites(share, valid, GT, EXTENT, exclusions=[space], min_area=1000.0)
    # column 3's cells in rows 2-4 (centres inside) go whole; the 1040-1045 strip is cut exactly
    expected = BLOCK.difference(space)
    assert len(result.sites) == 1 and result.sites[0].shape.equals(expected)
    assert result.excluded_cells == 3 and result.sites[0].area_m2 == pytest.approx(3000 - 15 * 30)
    # A space grown by a buffer (done by the caller): a round pond in the middle of the block.
    pond = Point(1060, 1150).buffer(4.0)  # no cell centre inside (the nearest is 7.07 m away)
    result = candidate_sites(share, valid, GT, EXTENT, exclusions=[pond], min_area=1000.0)
    assert result.sites[0].area_m2 == pytest.approx(BLOCK.difference(pond).area, abs=1e-6)


def test_max_area_and_max_sites():
    share, valid = grid()
    result = candidate_sites(share, valid, GT, EXTENT, min_area=100.0, max_area=1000.0)
    assert [s.area_m2 for s in result.sites] == pytest.approx([600.0, 100.0]) and result.too_large == 1
    result = candidate_sites(share, valid, GT, EXTENT, min_area=100.0, max_sites=2)
    assert [s.area_m2 for s in result.sites] == pytest.approx([3000.0, 600.0]) and result.beyond_max >= 1


def test_south_up_grid_and_rectangular_cells():
    share, valid = grid()
    # The same grid stored bottom row first (positive row step), with 20 x 10 m cells.
    gt = (1000.0, 20.0, 0.0, 1000.0, 0.0, 10.0)
    result = candidate_sites(share[::-1].copy(), valid[::-1].copy(), gt, box(1000, 1000, 1300, 1200), min_area=2000.0)
    assert len(result.sites) == 1 and result.sites[0].shape.equals(box(1060, 1130, 1180, 1180))
    assert result.sites[0].area_m2 == pytest.approx(6000.0)


def test_random_grid_against_brute_force():
    from scipy import ndimage

    rng = np.random.default_rng(7)
    share = rng.random((60, 80)).astype(np.float32)
    valid = rng.random((60, 80)) > 0.05
    gt = (0.0, 5.0, 0.0, 300.0, 0.0, -5.0)
    extent = Point(200, 150).buffer(140)
    result = candidate_sites(share, valid, gt, extent, max_built_share=0.6, min_area=0.0, max_sites=0)
    # Brute force: cells one by one, centre test with shapely, 4-connected pieces, union of boxes, clip.
    open_cells = np.zeros_like(valid)
    for r in range(60):
        for c in range(80):
            centre = Point(gt[0] + (c + 0.5) * 5, gt[3] - (r + 0.5) * 5)
            open_cells[r, c] = valid[r, c] and share[r, c] <= np.float32(0.6) and extent.contains(centre)
    labels, count = ndimage.label(open_cells)
    areas = []
    for label in range(1, count + 1):
        rows, cols = np.nonzero(labels == label)
        shape = unary_union([box(c * 5, 300 - (r + 1) * 5, (c + 1) * 5, 300 - r * 5) for r, c in zip(rows, cols)])
        shape = shape.intersection(extent)
        parts = list(getattr(shape, "geoms", [shape]))
        areas.extend(part.area for part in parts if part.geom_type == "Polygon" and part.area > 0)
    assert result.open_cells == int(open_cells.sum())
    assert sorted(s.area_m2 for s in result.sites) == pytest.approx(sorted(areas), abs=1e-6)
    assert len(result.sites) > 50
    # 8-connected pieces would be fewer: the tool keeps pieces that touch at a corner apart.
    assert ndimage.label(open_cells, structure=np.ones((3, 3)))[1] < count


def test_street_index_near_points_is_exact():
    rng = np.random.default_rng(3)
    coords = rng.random((40, 2)) * 500
    counts = np.array([10, 10, 20])
    segments = segments_of((coords, counts))
    assert len(segments) == 9 + 9 + 19
    points = rng.random((3000, 2)) * 500
    near = StreetIndex(segments, 10.0).near_points(points, 12.0)
    lines = [LineString(coords[a:b]) for a, b in ((0, 10), (10, 20), (20, 40))]
    union = unary_union(lines)
    brute = np.array([union.distance(Point(p)) <= 12.0 for p in points])
    assert (near == brute).all() and near.any()
