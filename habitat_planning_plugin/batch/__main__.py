"""python -m habitat_planning_plugin.batch — SDG 11.7.1 for every city of a country (see README, "Every city of a
country"). Runs on a Dask cluster on this machine, or on the cluster at --scheduler; run the same command again to
resume a stopped run."""

import argparse
import sys
import time

from ..core.text import Cancelled, HabitatError
from .task import NOT_WALKABLE_CLASSES, BatchConfig


def arguments(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m habitat_planning_plugin.batch",
        description="SDG 11.7.1 (a) and (b) for every city of a country, on Dask.",
    )
    parser.add_argument("--extents", required=True, help="urban extents: one polygon per city (file)")
    parser.add_argument("--extents-layer")
    parser.add_argument("--name-field", help="field of the extents with the city names")
    parser.add_argument("--streets", required=True, help="street centre-lines (file; read by bounding box)")
    parser.add_argument("--streets-layer")
    parser.add_argument("--spaces", required=True, help="open public spaces that count (polygons)")
    parser.add_argument("--spaces-layer")
    parser.add_argument("--spaces-where", help='attribute filter of the spaces, e.g. "counted = 1"')
    parser.add_argument("--streets-where", help="attribute filter of the streets (OGR SQL)")
    parser.add_argument(
        "--population",
        required=True,
        help="population grid (GeoTIFF; every band a group), or a points/polygons file with counts",
    )
    parser.add_argument("--population-layer")
    parser.add_argument("--population-fields", help="count fields of a vector population, total first: a,b,c")
    parser.add_argument("--districts", help="district polygons (file): every city's numbers per district too")
    parser.add_argument("--districts-layer")
    parser.add_argument("--district-field", help="field of the districts with their names")
    parser.add_argument("--districts-where", help="attribute filter of the districts (OGR SQL)")
    parser.add_argument(
        "--city-reports", action="store_true", help="also write one report per measured city (folder city_reports)"
    )
    parser.add_argument("--out", required=True, help="folder for the results (a run there resumes)")
    parser.add_argument("--crs", help="projected CRS in metres (default: the extents' CRS)")
    parser.add_argument("--width-field")
    parser.add_argument("--class-field")
    parser.add_argument("--walkable-field")
    parser.add_argument("--exclude-classes", default=",".join(NOT_WALKABLE_CLASSES))
    parser.add_argument("--distance", type=float, default=400.0, help="walking distance in metres (400)")
    parser.add_argument("--entry-tolerance", type=float, default=25.0)
    parser.add_argument("--max-cell", type=float, default=100.0, help="largest population cell before spreading")
    parser.add_argument("--built-up", help="built-up raster for spreading coarse population cells")
    parser.add_argument("--no-straight-line", action="store_true")
    parser.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--workers", type=int, help="local workers (default: one per core)")
    parser.add_argument("--memory-limit", help="memory per local worker, e.g. 2GB")
    parser.add_argument("--language", default="en", help="report language: en or zh_CN")
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument("--backend", default="auto", choices=("auto", "pyogrio", "ogr"))
    return parser.parse_args(argv)


def analysis_crs(options) -> str:
    """--crs, else the extents' CRS when it is projected in metres; a clear error otherwise."""
    from osgeo import osr

    from .. import headless_io as io
    from ..core.text import tr

    wkt = options.crs or io.layer_info(options.extents, options.extents_layer, options.backend)["crs_wkt"]
    srs = osr.SpatialReference()
    if not wkt or srs.SetFromUserInput(wkt) != 0:
        raise HabitatError(tr("The urban extents {0} have no coordinate system: give one with --crs.", options.extents))
    if not srs.IsProjected() or abs(srs.GetLinearUnits() - 1.0) > 1e-9:
        raise HabitatError(
            tr(
                "The urban extents {0} are not in a projected CRS in metres: give one with --crs, "
                "e.g. the UTM zone of the country.",
                options.extents,
            )
        )
    return srs.ExportToWkt()


def main(argv=None) -> int:
    from . import language
    from .driver import read_cities, run_batch
    from .outputs import write_outputs

    options = arguments(argv)
    language.install(options.language)
    try:
        crs = analysis_crs(options)
        config = BatchConfig(
            streets=options.streets,
            streets_layer=options.streets_layer,
            public_spaces=options.spaces,
            public_spaces_layer=options.spaces_layer,
            public_spaces_where=options.spaces_where,
            streets_where=options.streets_where,
            population=options.population,
            crs=crs,
            population_layer=options.population_layer,
            population_fields=tuple(f.strip() for f in (options.population_fields or "").split(",") if f.strip()),
            width_field=options.width_field,
            class_field=options.class_field,
            walkable_field=options.walkable_field,
            excluded_classes=tuple(c.strip() for c in options.exclude_classes.split(",") if c.strip()),
            max_distance=options.distance,
            entry_tolerance=options.entry_tolerance,
            max_cell_size=options.max_cell,
            built_up=options.built_up,
            straight_line=not options.no_straight_line,
            backend=options.backend,
            districts=options.districts,
            districts_layer=options.districts_layer,
            districts_where=options.districts_where,
            district_name_field=options.district_field,
        )
        cities, warnings = read_cities(options.extents, options.extents_layer, options.name_field, crs, options.backend)
        for warning in warnings:
            print(warning, file=sys.stderr)
        started = time.monotonic()
        result = run_batch(
            config,
            cities,
            options.out,
            options.scheduler,
            options.workers,
            options.memory_limit,
            progress=_progress_bar,
            log=lambda text: print(text, file=sys.stderr),
        )
        print(file=sys.stderr)
        paths = write_outputs(
            options.out,
            result.rows,
            cities,
            crs,
            options.language,
            report=not options.no_report,
            city_reports=options.city_reports,
        )
    except HabitatError as error:
        print(str(error), file=sys.stderr)
        return 2
    except (Cancelled, KeyboardInterrupt):
        print("\nstopped: run the same command again to resume", file=sys.stderr)
        return 130
    ok = [row for row in result.rows if row.get("status") == "ok"]
    people = sum(row.get("population") or 0.0 for row in ok)
    served = sum(row.get("served") or 0.0 for row in ok)
    print(
        f"{len(ok)} of {len(result.rows)} cities measured ({result.computed} in this run) in "
        f"{time.monotonic() - started:.0f} s; {served / people * 100 if people else 0:.1f} % of {people:,.0f} "
        f"people within {options.distance:g} m walk of an open public space"
    )
    for path in paths.values():
        print(f"  {path}")
    return 0


def _progress_bar(done, total, people, seconds_left):
    width = 30
    filled = int(width * done / total) if total else width
    left = "" if seconds_left is None else f", about {seconds_left / 60:.1f} min left"
    print(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} cities, {people:,.0f} people{left}   ",
        end="",
        file=sys.stderr,
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
