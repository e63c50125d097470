"""One city of a national batch: read the city's part of each layer, run SDG 11.7.1 (a) and (b) exactly as the
single-city tools do, return one plain row (picklable, no QGIS)."""

import time
from dataclasses import dataclass, field

import numpy as np

from ..core.public_space.osm import NOT_WALKABLE_CLASSES
from ..core.text import HabitatError, tr

OK = "ok"
NO_STREETS = "no_streets"
NO_POPULATION = "no_population"
INVALID_EXTENT = "invalid_extent"
FAILED = "failed"
# Statuses a run keeps on resume: the data decided them. FAILED (an unexpected error) is tried again.
FINAL_STATUSES = (OK, NO_STREETS, NO_POPULATION, INVALID_EXTENT)


@dataclass
class BatchConfig:
    """Where the national layers are and how to measure; plain values only, so it travels to Dask workers.

    Paths are files every worker can open (a shared disk on a cluster); layers inside a GeoPackage by name."""

    streets: str
    public_spaces: str
    population: str  # a population grid (every band a group), or a layer of points/polygons with count fields
    crs: str  # the projected CRS of the analysis, as WKT or "EPSG:n" (metres)
    population_layer: str = None  # the layer of a vector population file
    population_fields: tuple = ()  # count fields of a vector population (the first is the total): vector input
    streets_layer: str = None
    public_spaces_layer: str = None
    streets_where: str = None  # an attribute filter (OGR SQL) on the streets, e.g. a QGIS layer's subset
    public_spaces_where: str = None  # e.g. "counted = 1" for an inventory layer
    width_field: str = None
    class_field: str = None
    walkable_field: str = None
    excluded_classes: tuple = NOT_WALKABLE_CLASSES
    class_widths: tuple = None  # ((class, metres), ...); None: the plugin's documented table
    default_width: float = 10.0
    max_distance: float = 400.0
    entry_tolerance: float = 25.0
    max_cell_size: float = 100.0
    built_up: str = None
    straight_line: bool = True
    backend: str = "auto"  # headless vector reader: "pyogrio", "ogr" or "auto"
    districts: str = None  # optional district polygons: every city's numbers per district as well
    districts_layer: str = None
    districts_where: str = None
    district_name_field: str = None


@dataclass
class City:
    city_id: str
    name: str
    extent_wkb: bytes  # the urban extent polygon in the analysis CRS
    size: float = 0.0  # for scheduling: largest first (area in m²)
    note: str = ""  # e.g. "extent repaired"


@dataclass
class Row:
    city_id: str
    name: str
    status: str = OK
    message: str = ""
    area_km2: float = None
    ops_pct: float = None
    street_pct: float = None
    total_pct: float = None
    population: float = None
    served: float = None
    share_pct: float = None
    share_straight_pct: float = None
    groups: dict = field(default_factory=dict)  # group -> {population, served, share_pct, share_straight_pct}
    network_parts: int = None
    streets: int = None
    spaces: int = None
    seconds: float = None
    districts: list = None  # one dict per district met by the extent: see _districts

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def run_city(config: BatchConfig, city: City) -> dict:
    """The row of one city; a problem of the city's data is its status, never an exception."""
    started = time.perf_counter()
    row = Row(city.city_id, city.name, message=city.note)
    try:
        _measure(config, city, row)
    except HabitatError as error:  # the city's data: no people, nothing to measure...
        row.status = row.status if row.status != OK else FAILED
        row.message = "; ".join(part for part in (row.message, str(error)) if part)
    except Exception as error:  # noqa: BLE001 - one city's failure must not stop the country
        row.status = FAILED
        row.message = "; ".join(part for part in (row.message, f"{type(error).__name__}: {error}") if part)
    row.seconds = time.perf_counter() - started
    return row.as_dict()


def _measure(config: BatchConfig, city: City, row: Row) -> None:
    from shapely import wkb

    from .. import headless_io as io
    from ..core.public_space.access import public_space_access
    from ..core.public_space.land_share import corridor_shares
    from ..core.public_space.street_width import WidthPolicy

    extent = wkb.loads(city.extent_wkb)
    if extent.is_empty or not extent.area > 0:
        row.status = INVALID_EXTENT
        raise HabitatError(tr("The urban extent of {0} has no area.", city.name))
    row.area_km2 = extent.area / 1e6
    minx, miny, maxx, maxy = extent.bounds
    reach = config.max_distance
    around = (minx - reach, miny - reach, maxx + reach, maxy + reach)

    attributes = tuple(name for name in (config.width_field, config.class_field, config.walkable_field) if name)
    (coords, counts), _, parts_rows = io.read_lines(
        config.streets,
        config.streets_layer,
        config.crs,
        around,
        where=config.streets_where,
        attributes=attributes,
        backend=config.backend,
    )
    spaces, _, _, _, _ = io.read_polygons(
        config.public_spaces,
        config.public_spaces_layer,
        config.crs,
        around,
        where=config.public_spaces_where,
        backend=config.backend,
    )
    row.spaces = len(spaces)
    parts = np.split(coords, np.cumsum(counts)[:-1]) if len(counts) else []
    row.streets = len(parts)
    if not parts:
        row.status = NO_STREETS
        raise HabitatError(tr("No street lies in or near the urban extent of {0}.", city.name))

    # SDG 11.7.1 (a): the street area by the one width policy, public space counted once.
    values = {name: [r[i] for r in parts_rows] for i, name in enumerate(attributes)}
    policy = WidthPolicy(dict(config.class_widths) if config.class_widths else None, config.default_width)
    widths = [
        policy.width(measured, road_class).width
        for measured, road_class in zip(
            values.get(config.width_field, [None] * len(parts)), values.get(config.class_field, [None] * len(parts))
        )
    ]
    districts, district_names, district_ids, clipped = _read_districts(config, extent)
    shares = corridor_shares([extent] + clipped, [city.name] + district_names, spaces, parts, widths)  # tile by tile
    share = shares[0]
    row.ops_pct, row.street_pct, row.total_pct = share.ops_pct, share.street_pct, share.total_pct
    if districts:
        row.districts = [
            {
                "district_id": fid,
                "district": name,
                "area_km2": part.area_m2 / 1e6,
                "ops_pct": part.ops_pct,
                "street_pct": part.street_pct,
                "total_pct": part.total_pct,
                "groups": {},
                "wkb": shape.wkb_hex,
            }
            for fid, name, part, shape in zip(district_ids, district_names, shares[1:], clipped)
        ]

    # SDG 11.7.1 (b): the walkable streets, the people inside the extent.
    walkable = _walkable(values, config, len(parts))
    walk_counts = counts[walkable]
    walk_coords = coords[np.repeat(walkable, counts)]
    if config.population_fields:
        groups = list(config.population_fields)
        xy, weights, _ = io.read_population_features(
            config.population,
            groups,
            config.population_layer,
            config.crs,
            (minx, miny, maxx, maxy),
            backend=config.backend,
        )
    else:
        xy, weights, groups, _, _ = io.read_population(
            config.population, config.crs, (minx, miny, maxx, maxy), config.max_cell_size, config.built_up, extent
        )
    if len(xy) == 0 or not np.any(weights[:, 0] > 0):
        row.status = NO_POPULATION
        raise HabitatError(tr("The population grid has no people inside the urban extent of {0}.", city.name))
    row.groups = {group: {} for group in groups}
    if not spaces:  # nobody is served: a real answer for a city without open public space
        inside = _inside(extent, xy)
        for column, group in enumerate(groups):
            population = float(weights[inside, column].sum())
            row.groups[group] = {
                "population": population,
                "served": 0.0,
                "share_pct": 0.0,
                "share_straight_pct": 0.0 if config.straight_line else None,
            }
        row.message = "; ".join(part for part in (row.message, tr("no open public space")) if part)
        if districts:
            from ..core.geometry import PolygonSet, polygon_of_points

            district_of = polygon_of_points(xy[inside], PolygonSet(districts))
            for index, entry in enumerate(row.districts):
                for column, group in enumerate(groups):
                    population = float(weights[inside][district_of == index, column].sum())
                    entry["groups"][group] = {
                        "population": population,
                        "served": 0.0,
                        "share_pct": 0.0 if population > 0 else None,
                        "share_straight_pct": (0.0 if population > 0 else None) if config.straight_line else None,
                    }
    else:
        # Districts go by their position, so two districts of one name stay apart.
        keys = [str(index) for index in range(len(districts))]
        result = public_space_access(
            (walk_coords, walk_counts),
            spaces,
            xy,
            weights,
            groups,
            districts=districts or None,
            district_names=keys or None,
            max_distance=config.max_distance,
            entry_tolerance=config.entry_tolerance,
            straight_line=config.straight_line,
            extents=[extent],
            extent_names=[city.name],
        )
        by_area = {(r["district"], r["group"], r["method"]): r for r in result.rows if r["city"] is None}
        for group in groups:
            row.groups[group] = _group_values(by_area, None, group)
            for key, entry in zip(keys, row.districts or []):
                entry["groups"][group] = _group_values(by_area, key, group)
        row.network_parts = int(result.graph.n_components)
    total = row.groups[groups[0]]
    row.population, row.served = total["population"], total["served"]
    row.share_pct, row.share_straight_pct = total["share_pct"], total["share_straight_pct"]


def _group_values(by_area, district, group) -> dict:
    from ..core.public_space.access import NETWORK, STRAIGHT_LINE

    network, straight = by_area[(district, group, NETWORK)], by_area.get((district, group, STRAIGHT_LINE))
    return {
        "population": network["population"],
        "served": network["served"],
        "share_pct": network["share_pct"],
        "share_straight_pct": straight["share_pct"] if straight else None,
    }


def _read_districts(config: BatchConfig, extent):
    """The districts met by the city's extent: (shapes as read, names, feature ids, shapes clipped to the extent).
    The walk counts people by the districts as read (the people are inside the extent already), the land share
    by the clipped ones, as the single-city tools do; a district that only touches the extent is left out."""
    if not config.districts:
        return [], [], [], []
    from .. import headless_io as io
    from ..core.geometry import polygonal

    attributes = (config.district_name_field,) if config.district_name_field else ()
    shapes, rows, ids, _, _ = io.read_polygons(
        config.districts,
        config.districts_layer,
        config.crs,
        extent.bounds,
        attributes=attributes,
        where=config.districts_where,
        backend=config.backend,
    )
    kept = ([], [], [], [])
    for shape, attribute_row, fid in zip(shapes, rows, ids):
        clipped = polygonal(shape.intersection(extent))
        if clipped is None or clipped.is_empty or not clipped.area > 0:
            continue
        name = attribute_row[0] if attributes and attribute_row and attribute_row[0] not in (None, "") else None
        kept[0].append(shape)
        kept[1].append(str(name) if name is not None else tr("District {0}", fid))
        kept[2].append(str(fid))
        kept[3].append(clipped)
    return kept


def _walkable(values, config: BatchConfig, n: int) -> np.ndarray:
    """Per line part: walkable unless its class is excluded; a walkable field wins where it is filled."""
    keep = np.ones(n, dtype=bool)
    excluded = {str(value).strip().lower() for value in config.excluded_classes or ()}
    if config.class_field and excluded:
        keep = np.array([str(value or "").strip().lower() not in excluded for value in values[config.class_field]])
    if config.walkable_field:
        flags = values[config.walkable_field]
        keep = np.array([bool(int(flag)) if flag not in (None, "") else default for flag, default in zip(flags, keep)])
    return keep


def _inside(extent, xy) -> np.ndarray:
    from ..core.geometry import contains_points

    return contains_points(extent, xy)
