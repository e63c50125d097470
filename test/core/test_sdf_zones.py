"""Influence zones and isochrone bands of centres, by hand: Voronoi cells of a grid are its squares, zones are the
union of the cells of the settlements a centre dominates, bands reach as far along the road as the minutes allow."""

import numpy as np
import pytest
from shapely.geometry import LineString, MultiPoint, Point, box

from habitat_planning_plugin.core.network import build_graph, snap_to_edges
from habitat_planning_plugin.core.sdf.accessibility import cost_matrix, dominant_centres, minutes_per_metre
from habitat_planning_plugin.core.sdf.zones import (
    ZONE_MARGIN,
    centre_vertex_costs,
    influence_zones,
    isochrone_bands,
    settlement_areas,
    voronoi_cells,
)

# A 3 x 3 grid of points 100 m apart, in a frame reaching 50 m beyond the outer points.
GRID = np.array([(100.0 * i, 100.0 * j) for j in range(3) for i in range(3)])
FRAME = box(-50, -50, 250, 250)


def test_voronoi_cells_of_a_grid_are_its_squares():
    cells = voronoi_cells(GRID, FRAME)
    assert len(cells) == 9
    for (x, y), cell in zip(GRID, cells):
        square = box(x - 50, y - 50, x + 50, y + 50)
        assert cell.symmetric_difference(square).area == pytest.approx(0.0, abs=1e-6)
    assert sum(cell.area for cell in cells) == pytest.approx(FRAME.area)


def test_few_points_share_the_frame():
    assert voronoi_cells(GRID[:2], FRAME) == [FRAME, FRAME]


def test_settlement_areas_sectors_or_cells():
    sectors = [box(0, 0, 1, 1), box(1, 0, 2, 1)]
    assert settlement_areas([(0.5, 0.5), (1.5, 0.5)], sectors) == sectors
    cells = settlement_areas(GRID, [None] * 9)  # points: Voronoi cells within the hull widened by the margin
    frame = MultiPoint([tuple(p) for p in GRID]).convex_hull.buffer(ZONE_MARGIN)
    assert sum(cell.area for cell in cells) == pytest.approx(frame.area)
    assert cells[4].symmetric_difference(box(50, 50, 150, 150)).area == pytest.approx(0.0, abs=1e-6)


def test_zones_dissolve_the_cells_by_dominant_centre():
    cells = voronoi_cells(GRID, FRAME)
    # Column i = 0 is dominated by centre 0, columns 1 and 2 by centre 1, except the top right point (no centre).
    dominant = np.array([0 if i == 0 else 1 for j in range(3) for i in range(3)])
    dominant[8] = -1
    zones = influence_zones(cells, dominant)
    assert [(column, count) for column, _, count in zones] == [(0, 3), (1, 5)]
    assert zones[0][1].symmetric_difference(box(-50, -50, 50, 250)).area == pytest.approx(0.0, abs=1e-6)
    expected = box(50, -50, 250, 250).difference(box(150, 150, 250, 250))
    assert zones[1][1].symmetric_difference(expected).area == pytest.approx(0.0, abs=1e-6)
    assert zones[1][1].area == pytest.approx(5 * 100 * 100)


def test_zones_report_progress_and_cancel():
    seen = []
    influence_zones(voronoi_cells(GRID, FRAME), [0, 1, 2, 0, 1, 2, 0, 1, 2], seen.append)
    assert seen == [0.0, 1 / 3, 2 / 3]

    def cancel(fraction):
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        influence_zones(voronoi_cells(GRID, FRAME), [0] * 9, cancel)


# One straight 60 km road at 60 km/h (1 minute per km); settlements 100 m off it every 10 km (1 minute at 6 km/h).
ROAD = [np.array([(0.0, 0.0), (30_000.0, 0.0), (60_000.0, 0.0)])]
SETTLEMENTS = np.array([(10_000.0 * k, 100.0) for k in range(7)])


@pytest.fixture(scope="module")
def road():
    return build_graph(ROAD, cost_per_metre=minutes_per_metre([60.0]))


def test_centre_vertex_costs_by_hand(road):
    snap = snap_to_edges(road, SETTLEMENTS)
    cost = centre_vertex_costs(road, snap, [1], minutes_per_metre(6.0))  # the centre S1 at 10 km
    by_x = dict(zip(road.xy[:, 0], cost))
    # 1 minute off-road, then 10 km west to 0, 20 km east to 30 km, 50 km east to 60 km.
    assert by_x[0.0] == pytest.approx(11.0) and by_x[30_000.0] == pytest.approx(21.0)
    assert by_x[60_000.0] == pytest.approx(51.0)
    limited = centre_vertex_costs(road, snap, [1], minutes_per_metre(6.0), limit=30.0)
    assert np.isinf(dict(zip(road.xy[:, 0], limited))[60_000.0])


def test_isochrone_bands_reach_as_far_as_the_minutes(road):
    snap = snap_to_edges(road, SETTLEMENTS)
    cost = centre_vertex_costs(road, snap, [0], minutes_per_metre(6.0), 60.0)  # the centre S0 at the road's start
    bands = isochrone_bands(road, cost, [31.0, 16.0], buffer=200.0)
    assert [band for band, _ in bands] == [31.0, 16.0]  # the largest first
    # 1 minute is spent off-road: 16 minutes reach 15 km along the road, 31 minutes 30 km.
    for (band, shape), reach in zip(bands, (30_000.0, 15_000.0)):
        expected = LineString([(0, 0), (reach, 0)]).buffer(200.0, 4)
        assert shape.symmetric_difference(expected).area < 1e-3 * expected.area, band
    assert isochrone_bands(road, np.full(road.n_vertices, np.inf), [15.0]) == []  # no centre reached


def test_dominant_centres_huff_share_and_reilly():
    graph = build_graph(ROAD, cost_per_metre=minutes_per_metre([60.0]))
    costs, _ = cost_matrix(graph, SETTLEMENTS, [0, 6], minutes_per_metre(6.0))
    dominant, share = dominant_centres(costs, [100.0, 25.0], "huff", 2.0)
    # S3 is 32 minutes from both: 100 / 32² against 25 / 32², a share of 0.8 for S0.
    assert dominant.tolist() == [0, 0, 0, 0, 0, 1, 1] and share[3] == pytest.approx(0.8)
    dominant, share = dominant_centres(costs, [100.0, 25.0], "reilly")
    assert dominant.tolist() == [0, 0, 0, 0, 0, 1, 1] and np.isnan(share).all()
    costs[2, :] = np.inf  # no centre within reach
    dominant, share = dominant_centres(costs, [100.0, 25.0], "huff")
    assert dominant[2] == -1 and np.isnan(share[2])


def test_point_inside_its_own_cell():
    cells = voronoi_cells(GRID, FRAME)
    assert all(cell.contains(Point(*p)) for p, cell in zip(GRID, cells))
