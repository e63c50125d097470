"""scripts/make_synthetic_country.py: the files open with GDAL, city sizes follow Zipf's rank order, every person
lives inside an extent (checked independently with GDAL + shapely), the same seed gives the same data, and the
awkward cities are there when asked."""

import math
import sys

import numpy as np
import pytest
from osgeo import gdal, ogr
from shapely import wkb as shapely_wkb
from shapely.geometry import Point
from shapely.prepared import prep

from test.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from make_synthetic_country import make_country  # noqa: E402

N_CITIES, LARGEST = 12, 5000
SDG_TYPES = {"park", "civic park", "square", "recreational green area", "public facility open area"}


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    return make_country(tmp_path_factory.mktemp("country"), n_cities=N_CITIES, largest_edges=LARGEST, seed=7)


@pytest.fixture(scope="module")
def awkward_country(tmp_path_factory):
    return make_country(
        tmp_path_factory.mktemp("awkward"), n_cities=N_CITIES, largest_edges=LARGEST, seed=7, awkward=True
    )


def features(path, layer_name):
    """(fid, geometry WKB, attributes) of every feature, in file order."""
    source = ogr.Open(path)
    layer = source.GetLayerByName(layer_name)
    out = [(f.GetFID(), bytes(f.GetGeometryRef().ExportToWkb()), f.items()) for f in layer]
    source = None
    return out


def shapes(path, layer_name):
    return {fid: shapely_wkb.loads(geometry) for fid, geometry, _ in features(path, layer_name)}


def grid(path):
    dataset = gdal.Open(path)
    bands = [dataset.GetRasterBand(i + 1) for i in range(dataset.RasterCount)]
    return {
        "transform": dataset.GetGeoTransform(),
        "arrays": [b.ReadAsArray().astype(np.float64) for b in bands],
        "names": [b.GetDescription() for b in bands],
        "nodata": [b.GetNoDataValue() for b in bands],
        "compression": dataset.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION"),
        "blocks": bands[0].GetBlockSize(),
        "epsg": dataset.GetSpatialRef().GetAuthorityCode(None),
    }


def cells_inside(raster, extent):
    """Row and column of the cells whose centre lies inside ``extent`` (shapely, not GDAL's rasterizer)."""
    x0, cell, _, y_top, _, minus_cell = raster["transform"]
    rows, cols = raster["arrays"][0].shape
    west, south, east, north = extent.bounds
    c0, c1 = max(0, int((west - x0) / cell) - 1), min(cols, int((east - x0) / cell) + 2)
    r0, r1 = max(0, int((y_top - north) / cell) - 1), min(rows, int((y_top - south) / cell) + 2)
    prepared = prep(extent)
    found = [
        (r, c)
        for r in range(r0, r1)
        for c in range(c0, c1)
        if prepared.contains(Point(x0 + (c + 0.5) * cell, y_top + (r + 0.5) * minus_cell))
    ]
    return tuple(np.array(found, dtype=int).T) if found else (np.zeros(0, int), np.zeros(0, int))


def test_files_open_with_gdal_with_every_layer_indexed(country):
    source = ogr.Open(country["gpkg"])
    layers = {source.GetLayer(i).GetName(): source.GetLayer(i) for i in range(source.GetLayerCount())}
    assert set(layers) == {"urban_extents", "streets", "public_spaces", "districts"}
    for name, layer in layers.items():
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "32650", name
        result = source.ExecuteSQL(f"SELECT HasSpatialIndex('{name}', 'geom')")
        assert result.GetNextFeature().GetField(0) == 1, name
        source.ReleaseResultSet(result)
    fields = {
        name: [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
        for name, layer in layers.items()
    }
    assert fields["urban_extents"] == ["city_id", "name", "country"]
    assert fields["streets"] == ["road_class", "width_m"]
    assert fields["public_spaces"] == ["ps_id", "ps_type"]
    assert layers["streets"].GetGeomType() == ogr.wkbLineString
    source = None
    raster = grid(country["population"])
    assert raster["names"] == ["total", "female", "male", "children_0_14", "older_65_plus", "disability"]
    assert raster["nodata"] == [-9999.0] * 6 and raster["compression"] == "DEFLATE"
    assert raster["blocks"] == [256, 256] and raster["epsg"] == "32650" and raster["transform"][1] == 100.0
    assert country["cities"] == N_CITIES and country["segments"] > LARGEST


def test_streets_follow_zipf_and_are_noded_with_classes_and_unknown_widths(country):
    extents = shapes(country["gpkg"], "urban_extents")
    rows = features(country["gpkg"], "streets")
    prepared = {fid: prep(shape) for fid, shape in extents.items()}
    counts = dict.fromkeys(extents, 0)
    classes, unknown = set(), 0
    for _, geometry, items in rows:
        classes.add(items["road_class"])
        unknown += items["width_m"] is None
        line = shapely_wkb.loads(geometry)
        assert len(line.coords) == 2  # one segment per line: lines end at lattice nodes
        if items["road_class"] == "motorway":
            continue
        middle = line.interpolate(0.5, normalized=True)
        owner = [fid for fid, shape in prepared.items() if shape.contains(middle)]
        assert len(owner) == 1
        counts[owner[0]] += 1
    sizes = [counts[fid] for fid in sorted(counts)]
    assert sizes == [country["city_edges"][fid] for fid in sorted(counts)]
    assert sizes[0] == LARGEST and all(a > b for a, b in zip(sizes, sizes[1:]))
    assert sizes[-1] < 500
    # Zipf: log size falls linearly with log rank.
    slope = np.polyfit(np.log(np.arange(1, len(sizes) + 1)), np.log(sizes), 1)[0]
    assert slope == pytest.approx(-country["zipf_exponent"], abs=0.02)
    assert classes == {"primary", "secondary", "residential", "footway", "motorway"}
    assert 0 < unknown < len(rows) / 5


def test_people_live_inside_the_extents_only(country):
    raster = grid(country["population"])
    total = raster["arrays"][0]
    counted = total != -9999.0
    grid_total = total[counted].sum()
    inside_mask = np.zeros(total.shape, dtype=bool)
    for fid, extent in shapes(country["gpkg"], "urban_extents").items():
        rows, cols = cells_inside(raster, extent)
        assert not inside_mask[rows, cols].any()  # extents do not overlap
        inside_mask[rows, cols] = True
        people = total[rows, cols].sum()
        assert people > 0 and people == pytest.approx(country["city_people"][fid], rel=1e-9)
    assert total[inside_mask].sum() == pytest.approx(grid_total, rel=1e-6)
    assert grid_total == pytest.approx(country["people"], rel=1e-9)
    between = total[~inside_mask]
    assert set(np.unique(between)) <= {0.0, -9999.0} and (between == -9999.0).mean() > 0.5
    female, male = raster["arrays"][1], raster["arrays"][2]
    assert (female + male)[inside_mask] == pytest.approx(total[inside_mask], rel=1e-5)


def test_public_spaces_include_some_only_reached_mid_segment(country):
    streets = [shapely_wkb.loads(g) for _, g, items in features(country["gpkg"], "streets")]
    rows = features(country["gpkg"], "public_spaces")
    assert abs(len(rows) - (country["segments"] - country["motorway_segments"]) / 200) <= N_CITIES
    assert {items["ps_type"] for _, _, items in rows} <= SDG_TYPES | {"private garden"}
    mid_segment_only = 0
    for _, geometry, _ in rows:
        space = shapely_wkb.loads(geometry)
        near = [line for line in streets if line.distance(space) <= 25.0]
        if near and all(Point(xy).distance(space) > 25.0 for line in near for xy in line.coords):
            mid_segment_only += 1
    assert mid_segment_only >= len(rows) // 4


def test_cities_are_apart_and_some_close(country):
    extents = list(shapes(country["gpkg"], "urban_extents").values())
    gaps = [a.distance(b) for i, a in enumerate(extents) for b in extents[i + 1 :]]
    assert min(gaps) > 0 and sum(gap < 2000.0 for gap in gaps) >= 1
    assert all(shape.is_valid and shape.geom_type == "Polygon" for shape in extents)
    assert len({shape.bounds for shape in extents}) == len(extents)
    # Not boxes: an extent covers well under its bounding box.
    assert all(shape.area < 0.9 * shape.envelope.area for shape in extents)


def test_same_seed_same_data(country, tmp_path):
    again = make_country(tmp_path / "again", n_cities=N_CITIES, largest_edges=LARGEST, seed=7)
    for layer in ("urban_extents", "streets", "public_spaces", "districts"):
        assert features(again["gpkg"], layer) == features(country["gpkg"], layer), layer
    first, second = grid(country["population"]), grid(again["population"])
    assert first["transform"] == second["transform"]
    for a, b in zip(first["arrays"], second["arrays"]):
        assert np.array_equal(a, b)
    other = make_country(tmp_path / "other", n_cities=N_CITIES, largest_edges=LARGEST, seed=8)
    assert features(other["gpkg"], "streets") != features(country["gpkg"], "streets")


def test_awkward_cities(awkward_country):
    info = awkward_country
    awkward = info["awkward"]
    assert set(awkward) == {"no_streets", "no_population", "invalid_extent", "outside_grid", "duplicate_name"}
    assert info["cities"] == N_CITIES + 5
    source = ogr.Open(info["gpkg"])
    layer = source.GetLayerByName("urban_extents")
    extents = {f.GetFID(): f.GetGeometryRef().Clone() for f in layer}
    names = {f.GetFID(): f.GetField("name") for f in layer}
    assert not extents[awkward["invalid_extent"]].IsValid()
    assert all(g.IsValid() for fid, g in extents.items() if fid != awkward["invalid_extent"])
    first, twin = awkward["duplicate_name"]
    assert names[first] == names[twin] and list(names.values()).count(names[first]) == 2
    streets = source.GetLayerByName("streets")
    streets.SetSpatialFilter(extents[awkward["no_streets"]])
    assert streets.GetFeatureCount() == 0
    streets.SetSpatialFilter(extents[awkward["no_population"]])
    assert streets.GetFeatureCount() > 100
    source = None
    raster = grid(info["population"])
    total = raster["arrays"][0]
    no_people = shapes(info["gpkg"], "urban_extents")[awkward["no_population"]]
    rows, cols = cells_inside(raster, no_people)
    assert len(rows) > 10 and (total[rows, cols] == -9999.0).all()
    x0, cell, _, y_top, _, _ = raster["transform"]
    east = x0 + cell * total.shape[1]
    west_edge, east_edge = extents[awkward["outside_grid"]].GetEnvelope()[:2]
    assert west_edge < east < east_edge  # the grid's east edge cuts through the city
    partial = shapes(info["gpkg"], "urban_extents")[awkward["outside_grid"]]
    rows, cols = cells_inside(raster, partial)
    assert len(rows) > 0 and total[rows, cols].sum() > 0
    assert info["city_people"][awkward["no_streets"]] > 0
    assert math.isclose(info["city_people"][awkward["no_population"]], 0.0)
