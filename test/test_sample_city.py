"""The bundled sample city: complete, projected, and realistic (indicators computed here independently)."""

import numpy as np
import pytest
from qgis.core import QgsRasterLayer, QgsVectorLayer
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree
from shapely import wkb
from shapely.geometry import Point
from shapely.ops import unary_union

from habitat_planning_plugin.compat import GeometryType
from test.conftest import SAMPLE_POPULATION, layer_path

FIVE_TYPES = {"park", "civic park", "square", "recreational green area", "public facility open area"}
DEFAULT_WIDTHS = {"primary": 30.0, "secondary": 20.0, "residential": 10.0, "pedestrian": 4.0}


def read(layer_name):
    """(crs authid, geometry type, [(shapely geometry, attributes)]); no layer object outlives the call."""
    layer = QgsVectorLayer(layer_path(layer_name), layer_name, "ogr")
    assert layer.isValid(), layer_name
    rows = [
        (wkb.loads(bytes(f.geometry().asWkb())), dict(zip(layer.fields().names(), f.attributes())))
        for f in layer.getFeatures()
    ]
    info = (layer.crs().authid(), layer.geometryType(), rows)
    del layer
    return info


@pytest.fixture(scope="module")
def city():
    return {name: read(name) for name in ("urban_extent", "districts", "streets", "public_spaces")}


def test_layers_are_projected_and_complete(city):
    for crs, _, rows in city.values():
        assert crs == "EPSG:32650"
        assert rows
    assert len(city["districts"][2]) >= 6
    assert {row["road_class"] for _, row in city["streets"][2]} == set(DEFAULT_WIDTHS)
    assert city["streets"][1] == GeometryType.Line
    kinds = {row["ps_type"] for _, row in city["public_spaces"][2]}
    assert FIVE_TYPES <= kinds
    not_counted = [row for _, row in city["public_spaces"][2] if row["access"] == "private" or row["fee"] == "yes"]
    assert {row["ps_type"] for row in not_counted} >= {"private garden", "golf course"}
    assert sum(1 for shape, _ in city["public_spaces"][2] if not shape.is_valid) == 1  # the bow-tie, on purpose


def test_street_network_is_noded_at_junctions(city):
    ends = {}
    interior = set()
    for shape, _ in city["streets"][2]:
        coords = [tuple(np.round(c, 3)) for c in shape.coords]
        for end in (coords[0], coords[-1]):
            ends[end] = ends.get(end, 0) + 1
        interior.update(coords[1:-1])
    # A vertex shared by two lines is an end of both: no line passes through a junction.
    assert not interior & set(ends)


def test_population_grid_has_six_named_bands_of_100_m(city):
    raster = QgsRasterLayer(str(SAMPLE_POPULATION), "population")
    assert raster.isValid() and raster.bandCount() == 6
    assert raster.crs().authid() == "EPSG:32650"
    assert raster.rasterUnitsPerPixelX() == pytest.approx(100.0)
    assert raster.dataProvider().sourceHasNoDataValue(1)
    del raster
    from osgeo import gdal

    dataset = gdal.Open(str(SAMPLE_POPULATION))
    names = [dataset.GetRasterBand(i).GetDescription() for i in range(1, 7)]
    assert names == ["total", "female", "male", "children_0_14", "older_65_plus", "disability"]
    bands = [dataset.GetRasterBand(i).ReadAsArray().astype(float) for i in range(1, 7)]
    valid = bands[0] != -9999
    np.testing.assert_allclose(bands[1][valid] + bands[2][valid], bands[0][valid], rtol=1e-5)
    assert 150_000 < bands[0][valid].sum() < 400_000


def counted_spaces(city):
    return unary_union(
        [
            shape.buffer(0)
            for shape, row in city["public_spaces"][2]
            if row["ps_type"] in FIVE_TYPES and row["access"] != "private" and row["fee"] != "yes"
        ]
    )


def test_land_share_is_in_a_plausible_range(city):
    extent = city["urban_extent"][2][0][0]
    corridors = unary_union(
        [
            shape.buffer((row["width_m"] or DEFAULT_WIDTHS[row["road_class"]]) / 2, cap_style=2)
            for shape, row in city["streets"][2]
        ]
    )
    share = unary_union([corridors, counted_spaces(city)]).intersection(extent).area / extent.area
    assert 0.05 <= share <= 0.25


def test_walking_access_is_in_a_plausible_range(city):
    # Plain vertex graph, entry within 25 m of a space, population at the nearest vertex: a rough check only.
    index, edges = {}, []
    for shape, _ in city["streets"][2]:
        coords = [tuple(np.round(c, 3)) for c in shape.coords]
        for a, b in zip(coords[:-1], coords[1:]):
            edges.append(
                (index.setdefault(a, len(index)), index.setdefault(b, len(index)), np.hypot(*np.subtract(a, b)))
            )
    i, j, w = map(np.array, zip(*edges))
    graph = coo_matrix((np.r_[w, w], (np.r_[i, j], np.r_[j, i])), shape=(len(index), len(index))).tocsr()
    xy = np.array(list(index))
    spaces = counted_spaces(city)
    sources = [k for k, (x, y) in enumerate(xy) if spaces.distance(Point(x, y)) <= 25]
    distance = dijkstra(graph, indices=sources, min_only=True, limit=400)
    from osgeo import gdal

    dataset = gdal.Open(str(SAMPLE_POPULATION))
    total = dataset.GetRasterBand(1).ReadAsArray()
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    rows, cols = np.nonzero(total != -9999)
    centres = np.c_[x0 + (cols + 0.5) * dx, y0 + (rows + 0.5) * dy]
    gap, nearest = cKDTree(xy).query(centres)
    people = total[rows, cols]
    share = people[(distance[nearest] + gap) <= 400].sum() / people.sum()
    assert 0.30 <= share <= 0.80
