#!/usr/bin/env python3
"""Write resources/sample_data/sample_city_builtup.tif: a built-up share raster (0-1) for the Sample City.

Derived from the sample city's own layers, deterministic (the same bytes on every run), so that trainers can show
habitat:urbanextent on the workshop data. Run after scripts/make_sample_city.py, with Debian's python (GDAL):
    .venv/bin/python scripts/make_sample_builtup.py

Grid: WGS 84 / UTM zone 50N (EPSG:32650), 50 m cells, 240 x 200 cells from (494,000, 3,495,000) to
(506,000, 3,505,000): the city with 2-2.6 km of countryside around it. Float32, DEFLATE, nodata -1 (no cell
uses it). The share of each cell covered by buildings and paved ground:
- inside the city (the population grid's cells): buildings from the population density, 0.45 + 0.35 x
  persons per ha / 150 (at most 0.85), plus the street corridors (street width, 8 m where unknown) as fully paved;
- public spaces: 0.05 in parks and green areas, 0.80 in squares (paved), by their cover of the cell;
- outside: farmland at 0-3 % and six outlying villages (bell-shaped, 150-450 m across), which the method
  classifies as rural or as small extents below the default smallest extent of 1 km².
"""

import sys
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample_data"
GPKG = SAMPLE / "sample_city.gpkg"
POPULATION = SAMPLE / "sample_city_population.tif"
OUT = SAMPLE / "sample_city_builtup.tif"

EPSG = 32650
CELL = 50.0
X0, Y0, COLS, ROWS = 494_000.0, 3_505_000.0, 240, 200  # top-left corner and size
FINE = 10  # 5 m sub-cells for street and public space cover
UNKNOWN_WIDTH = 8.0
SEED = 20261130
VILLAGES = [  # (x, y, radius in m, peak share): a few places outside the city
    (505_000.0, 3_500_600.0, 350.0, 0.75),
    (495_300.0, 3_503_700.0, 250.0, 0.70),
    (497_600.0, 3_495_900.0, 200.0, 0.65),
    (504_700.0, 3_496_300.0, 450.0, 0.80),
    (494_900.0, 3_498_600.0, 150.0, 0.60),
    (501_800.0, 3_504_300.0, 300.0, 0.70),
]


def fine_cover(layer_name, buffer_of, value_of):
    """Mean of value_of(feature) over the 5 m sub-cells each feature's buffer_of(feature) polygon covers, per 50 m
    cell: (cover share 0-1, mean value where covered)."""
    source = ogr.Open(str(GPKG))
    layer = source.GetLayerByName(layer_name)
    memory = ogr.GetDriverByName("Memory").CreateDataSource("")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    shapes = memory.CreateLayer("shapes", srs, ogr.wkbPolygon)
    shapes.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
    for feature in layer:
        geometry = shapely_wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
        polygon = buffer_of(feature, geometry)
        out = ogr.Feature(shapes.GetLayerDefn())
        out.SetField("value", value_of(feature))
        out.SetGeometry(ogr.CreateGeometryFromWkb(polygon.wkb))
        shapes.CreateFeature(out)
    fine = gdal.GetDriverByName("MEM").Create("", COLS * FINE, ROWS * FINE, 2, gdal.GDT_Float32)
    fine.SetGeoTransform((X0, CELL / FINE, 0.0, Y0, 0.0, -CELL / FINE))
    fine.SetProjection(srs.ExportToWkt())
    gdal.RasterizeLayer(fine, [1], shapes, burn_values=[1.0])
    gdal.RasterizeLayer(fine, [2], shapes, options=["ATTRIBUTE=value"])
    covered = fine.GetRasterBand(1).ReadAsArray().reshape(ROWS, FINE, COLS, FINE)
    value = fine.GetRasterBand(2).ReadAsArray().reshape(ROWS, FINE, COLS, FINE)
    cover = covered.mean(axis=(1, 3))
    with np.errstate(invalid="ignore"):
        mean_value = np.where(cover > 0, (covered * value).sum(axis=(1, 3)) / (covered.sum(axis=(1, 3))), 0.0)
    return cover, mean_value


def population_per_ha():
    """Persons per ha on the 50 m grid (from the 100 m population grid), NaN outside the city."""
    dataset = gdal.Open(str(POPULATION))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    values[values == band.GetNoDataValue()] = np.nan
    px0, pdx, _, py0, _, pdy = dataset.GetGeoTransform()
    xs = X0 + (np.arange(COLS) + 0.5) * CELL
    ys = Y0 - (np.arange(ROWS) + 0.5) * CELL
    cols = np.floor((xs - px0) / pdx).astype(int)
    rows = np.floor((ys - py0) / pdy).astype(int)
    grid = np.full((ROWS, COLS), np.nan)
    inside_r = (rows >= 0) & (rows < values.shape[0])
    inside_c = (cols >= 0) & (cols < values.shape[1])
    grid[np.ix_(inside_r, inside_c)] = values[np.ix_(rows[inside_r], cols[inside_c])]
    return grid / (pdx * -pdy / 10_000.0)


def builtup_share():
    density = population_per_ha()
    city = np.isfinite(density)
    buildings = np.where(city, np.minimum(0.45 + 0.35 * np.nan_to_num(density) / 150.0, 0.85), 0.0)
    rng = np.random.RandomState(SEED)
    farmland = rng.uniform(0.0, 0.03, size=(ROWS, COLS))
    share = np.where(city, buildings, farmland)

    street_cover, _ = fine_cover(
        "streets", lambda f, g: g.buffer((f.GetField("width_m") or UNKNOWN_WIDTH) / 2.0, cap_style=2), lambda f: 1.0
    )
    share = street_cover + (1.0 - street_cover) * share  # streets are paved
    space_cover, space_share = fine_cover(
        "public_spaces",
        lambda f, g: g if g.is_valid else g.buffer(0),
        lambda f: 0.80 if f.GetField("ps_type") == "square" else 0.05,
    )
    share = space_cover * space_share + (1.0 - space_cover) * share

    xs = X0 + (np.arange(COLS) + 0.5) * CELL
    ys = Y0 - (np.arange(ROWS) + 0.5) * CELL
    gx, gy = np.meshgrid(xs, ys)
    for x, y, radius, peak in VILLAGES:
        village = peak * np.exp(-((gx - x) ** 2 + (gy - y) ** 2) / radius**2)
        share = np.where(city, share, np.maximum(share, village))
    return np.round(np.clip(share, 0.0, 1.0), 2).astype(np.float32)


def write(share):
    if OUT.exists():
        OUT.unlink()
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(OUT), COLS, ROWS, 1, gdal.GDT_Float32, options=["COMPRESS=DEFLATE", "PREDICTOR=3", "ZLEVEL=9"]
    )
    dataset.SetGeoTransform((X0, CELL, 0.0, Y0, 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.SetMetadataItem("TIFFTAG_DATETIME", "2026:11:30 00:00:00")
    band = dataset.GetRasterBand(1)
    band.SetDescription("built_up_share")
    band.SetNoDataValue(-1.0)
    band.WriteArray(share)
    dataset.FlushCache()
    dataset = None
    aux = Path(str(OUT) + ".aux.xml")
    if aux.exists():
        aux.unlink()


def main() -> int:
    share = builtup_share()
    write(share)
    sys.path.insert(0, str(ROOT))
    from habitat_planning_plugin.core.public_space import urban_extent as ue

    result = ue.classify_urban_extent(share, np.ones(share.shape, bool), CELL, CELL)
    kept = ", ".join(f"{e.area_m2 / 1e6:.1f} km²" for e in result.extents)
    print(
        f"{OUT.relative_to(ROOT)}: {COLS} x {ROWS} cells of {CELL:.0f} m (EPSG:{EPSG}), {OUT.stat().st_size:,} "
        f"bytes; mean share {share.mean():.3f}"
    )
    print(
        f"habitat:urbanextent with the defaults: {len(result.extents)} extent(s) ({kept}); "
        f"{result.dropped} smaller piece(s) left out ({result.dropped_m2 / 1e6:.2f} km²); "
        + ", ".join(
            f"{ue.CLASS_NAMES[k]} {v * CELL * CELL / 1e6:.1f} km²"
            for k, v in result.class_cells.items()
            if k != ue.NO_DATA
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
