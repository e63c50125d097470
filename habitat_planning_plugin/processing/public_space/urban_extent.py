"""habitat:urbanextent — urban extent from built-up data (Atlas of Urban Expansion method) and SDG 11.3.1.

A recipe: read the built-up raster with GDAL, classify it in the core (core.public_space.urban_extent), turn the
extent ids into polygons with gdal.Polygonize, name them from a places layer, write the extents, the classified
raster and, with two dates, the SDG 11.3.1 table.
"""

import math
from collections import Counter

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsUnitTypes,
)

from ...compat import (
    DOUBLE,
    INT,
    TEXT,
    GeometryType,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ...core.crs import utm_epsg
from ...core.public_space import urban_extent as ue
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...paths import resource_path
from ...qgis_io import features_in_crs, is_metric, scale_error, wgs84_extent
from ...raster_io import (
    classify,
    extent_polygons,
    raster_population_by_extent,
    read_built_up,
    write_classes,
)
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import POST_PROCESSORS

KIND_OPTIONS = [
    (ue.SHARE, tr_noop("Built-up share 0–1 (any 0–1 built-up grid)")),
    (ue.PERCENT, tr_noop("Built-up percentage 0–100")),
    (ue.BINARY, tr_noop("Built-up or not (0 / 1)")),
    (ue.GHSL_SURFACE, tr_noop("GHSL built-up surface (m² per cell)")),
    (ue.WORLDCOVER, tr_noop("ESA WorldCover land cover (class 50 = built-up)")),
]
MAX_LOGGED = 20  # extents listed one by one in the log
MAX_CIRCLE_RADIUS_M = 5000.0  # wider: the density of a region, not of a cell's neighbourhood
MAX_FRINGE_DISTANCE_M = 1000.0  # wider: the country around a city becomes its fringe


class UrbanExtentAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "urbanextent"
    DISPLAY_NAME = tr_noop("Urban extent from built-up data")
    GROUP_ID = "publicspace"
    REQUIRED_PACKAGES = ("scipy",)
    TAGS = (
        tr_noop("urban extent"),
        tr_noop("built-up area"),
        tr_noop("SDG 11.3.1"),
        tr_noop("SDG 11.7.1"),
        tr_noop("Atlas of Urban Expansion"),
        tr_noop("GHSL"),
        tr_noop("WorldCover"),
    )
    SHORT_HELP = tr_noop(
        "The urban extent of each city from a built-up raster (GHSL built-up surface, ESA WorldCover, or any 0–1 "
        "built-up share grid), by the method of the Atlas of Urban Expansion that UN-Habitat's SDG 11.3.1 module "
        "uses: every built-up cell is urban when more than 50 % of the 1 km² circle around it is built-up, "
        "suburban from 25 % to 50 %, rural below; open land within 100 m of urban or suburban cells is fringe open "
        "space; gaps enclosed by them and smaller than 200 ha are captured open space. The urban extent is urban + "
        "suburban + fringe + captured open space; each connected piece is a city, named from a places layer when "
        "given. The extents go straight into SDG 11.7.1 (a) and (b) (choose name as the city name field). With a "
        "built-up raster of an earlier date and the population at both dates, it reports SDG 11.3.1: the land "
        "consumption rate, the population growth rate and their ratio, per city. The raster must be in a projected "
        "CRS in metres."
    )

    INPUT = "INPUT"
    BAND = "BAND"
    KIND = "KIND"
    URBAN_DENSITY = "URBAN_DENSITY"
    SUBURBAN_DENSITY = "SUBURBAN_DENSITY"
    BUILT_CELL_SHARE = "BUILT_CELL_SHARE"
    CIRCLE_RADIUS = "CIRCLE_RADIUS"
    FRINGE_DISTANCE = "FRINGE_DISTANCE"
    CAPTURED_MAX_AREA = "CAPTURED_MAX_AREA"
    MIN_EXTENT_AREA = "MIN_EXTENT_AREA"
    CITY_NAMES = "CITY_NAMES"
    CITY_NAME_FIELD = "CITY_NAME_FIELD"
    YEAR = "YEAR"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    EARLIER_BUILT_UP = "EARLIER_BUILT_UP"
    EARLIER_BAND = "EARLIER_BAND"
    EARLIER_YEAR = "EARLIER_YEAR"
    EARLIER_POPULATION = "EARLIER_POPULATION"
    EARLIER_POPULATION_FIELD = "EARLIER_POPULATION_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    OUTPUT_EARLIER = "OUTPUT_EARLIER"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.INPUT, tr("Built-up raster")),
            tr_noop(
                "Built-up data in a projected CRS in metres: GHSL built-up surface, ESA WorldCover, or a "
                "built-up share. Cells with the band's nodata value are left out (without a nodata value every "
                "cell counts). For SDG 11.3.1 this is the later date."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBand(self.BAND, tr("Band"), 1, self.INPUT, optional=True),  # 3.22 rejects a
            # mandatory band left out of a batch or script call even with a default
            tr_noop("The band holding the built-up values."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.KIND, tr("Kind of built-up values"), [tr(label) for _, label in KIND_OPTIONS], defaultValue=0
            ),
            tr_noop(
                "What the values mean: a share 0–1 or a percentage of the cell that is built-up, 0 or 1 "
                "(any value above 0 is built-up), GHSL's built-up surface in m² per cell (divided by the cell "
                "area), or ESA WorldCover classes (class 50 is built-up, class 0 is no data)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.URBAN_DENSITY,
                tr("Urban above (% built-up in the circle)"),
                ProcessingNumberParameterType.Double,
                50.0,
                minValue=0.0,
                maxValue=100.0,
            ),
            tr_noop(
                "A built-up cell is urban when more than this share of the circle around it is built-up "
                "(Atlas of Urban Expansion: 50 %)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SUBURBAN_DENSITY,
                tr("Suburban from (% built-up in the circle)"),
                ProcessingNumberParameterType.Double,
                25.0,
                minValue=0.0,
                maxValue=100.0,
            ),
            tr_noop(
                "A built-up cell is suburban from this share up to the urban threshold, and rural below it "
                "(Atlas of Urban Expansion: 25 %; the first SDG 11.7.1 text used 10 %)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.FRINGE_DISTANCE,
                tr("Fringe open space within (m)"),
                ProcessingNumberParameterType.Double,
                ue.FRINGE_DISTANCE_M,
                minValue=0.0,
            ),
            tr_noop(
                "Open cells whose centres lie within this distance of an urban or suburban built-up cell are "
                "fringe open space (100 m in the Atlas)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CAPTURED_MAX_AREA,
                tr("Captured open space below (ha)"),
                ProcessingNumberParameterType.Double,
                ue.CAPTURED_MAX_M2 / 1e4,
                minValue=0.0,
            ),
            tr_noop(
                "A gap enclosed by urban, suburban and fringe cells becomes captured open space when it is "
                "smaller than this (200 ha in the Atlas); larger gaps, and gaps that reach the raster's edge, "
                "stay rural."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MIN_EXTENT_AREA,
                tr("Smallest urban extent (km²)"),
                ProcessingNumberParameterType.Double,
                ue.MIN_EXTENT_M2 / 1e6,
                minValue=0.0,
            ),
            tr_noop("Connected pieces of urban extent smaller than this are left out (0 keeps every piece)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.CITY_NAMES,
                tr("Named places (optional)"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            tr_noop(
                "Points or polygons of cities and towns with their names: a point names the extent it lies in, "
                "a polygon the extent it overlaps most. Extents without a place are called Urban extent 1, 2, "
                "..."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CITY_NAME_FIELD, tr("Place name field"), parentLayerParameterName=self.CITY_NAMES, optional=True
            ),
            tr_noop("Field with the place names."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Year of the built-up raster"),
                ProcessingNumberParameterType.Integer,
                None,
                optional=True,
                minValue=1800,
                maxValue=2200,
            ),
            tr_noop("The date of the built-up data; needed for SDG 11.3.1."),
        )
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.POPULATION, tr("Population grid (optional)"), optional=True),
            tr_noop(
                "Persons per cell (band 1) at the date of the built-up raster, such as WorldPop or GHS-POP: the "
                "people in each extent. Coarse cells are shared between extents in proportion to area."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                tr("Population field of the places"),
                parentLayerParameterName=self.CITY_NAMES,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop(
                "Instead of a population grid: the population of each place at the date of the built-up raster "
                "(such as a census count), added up per extent."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterRasterLayer(
                self.EARLIER_BUILT_UP, tr("Built-up raster of an earlier date (SDG 11.3.1)"), optional=True
            ),
            tr_noop(
                "The same kind of built-up data on the same grid for an earlier year (GHSL epochs are). Its "
                "extents are matched to the cities of the later date by overlap, with no smallest size."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBand(
                self.EARLIER_BAND, tr("Band of the earlier raster"), 1, self.EARLIER_BUILT_UP, optional=True
            ),
            tr_noop("The band holding the earlier built-up values."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.EARLIER_YEAR,
                tr("Year of the earlier raster"),
                ProcessingNumberParameterType.Integer,
                None,
                optional=True,
                minValue=1800,
                maxValue=2200,
            ),
            tr_noop("The date of the earlier built-up data."),
        )
        self.add_parameter(
            QgsProcessingParameterRasterLayer(
                self.EARLIER_POPULATION, tr("Population grid of the earlier date"), optional=True
            ),
            tr_noop("Persons per cell (band 1) at the earlier date."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.EARLIER_POPULATION_FIELD,
                tr("Earlier population field of the places"),
                parentLayerParameterName=self.CITY_NAMES,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop("Instead of an earlier population grid: the population of each place at the earlier date."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.BUILT_CELL_SHARE,
                tr("A cell is built-up from (% of the cell)"),
                ProcessingNumberParameterType.Double,
                100 * ue.BUILT_CELL_SHARE,
                minValue=0.0,
                maxValue=100.0,
            ),
            tr_noop(
                "For shares, percentages and GHSL surface: a cell at least this much built-up is a built-up "
                "cell (classified urban, suburban or rural); the others are open space. The density in the "
                "circle always uses the shares themselves."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.CIRCLE_RADIUS,
                tr("Radius of the circle (m)"),
                ProcessingNumberParameterType.Double,
                round(ue.WALKING_CIRCLE_RADIUS_M, 2),
                minValue=1.0,
            ),
            tr_noop(
                "The built-up density of a cell is measured in the circle of this radius around it: 564 m "
                "makes the 1 km² walking-distance circle of the Atlas (Trends.Earth uses 500 m)."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Urban extents"), ProcessingSourceType.VectorPolygon),
            tr_noop(
                "One polygon per city: id, name, area and its urban, suburban, fringe and captured open space "
                "areas in km², year and population. Use it as the urban extent of the SDG 11.7.1 tools."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_CLASSES, tr("Urban extent classes"), optional=True, createByDefault=True
            ),
            tr_noop("Every cell's class: urban, suburban or rural built-up; fringe, captured or rural open space."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_EARLIER,
                tr("Urban extents at the earlier date"),
                ProcessingSourceType.VectorPolygon,
                optional=True,
                createByDefault=False,
            ),
            tr_noop("With an earlier built-up raster: the earlier extent of each city, with the city's id and name."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE,
                tr("SDG 11.3.1 land consumption and population growth"),
                ProcessingSourceType.Vector,
                optional=True,
                createByDefault=True,
            ),
            tr_noop(
                "With an earlier date: per city the urban extent and population at both dates, the land "
                "consumption rate, the population growth rate (both per year) and their ratio."
            ),
        )
        self.add_number_outputs([("EXTENTS", tr("Urban extents")), ("AREA_KM2", tr("Urban extent area (km²)"))])

    # --- checks before the run ----------------------------------------------------------------------------------
    def check_values(self, parameters, context) -> list:
        urban = self.parameterAsDouble(parameters, self.URBAN_DENSITY, context)
        suburban = self.parameterAsDouble(parameters, self.SUBURBAN_DENSITY, context)
        if not 0 < suburban < urban <= 100:
            return [
                tr(
                    "The suburban threshold ({0} %) must be above 0 and below the urban threshold ({1} %), "
                    "which is at most 100 %.",
                    f"{suburban:g}",
                    f"{urban:g}",
                )
            ]
        if not self.parameterAsDouble(parameters, self.BUILT_CELL_SHARE, context) > 0:
            return [tr("A cell is built-up from a share above 0 %.")]
        too_far = self.distance_limits(
            parameters,
            context,
            [
                (
                    self.CIRCLE_RADIUS,
                    MAX_CIRCLE_RADIUS_M,
                    tr_noop(
                        "the Atlas of Urban Expansion uses 564 m (a 1 km² circle); a wider circle measures a region, "
                        "not the neighbourhood of a cell"
                    ),
                ),
                (
                    self.FRINGE_DISTANCE,
                    MAX_FRINGE_DISTANCE_M,
                    tr_noop("the Atlas uses 100 m; a wider fringe turns the open country around a city into city"),
                ),
            ],
        )
        if too_far:
            return too_far[:1]
        earlier = _given(parameters, self.EARLIER_BUILT_UP)
        if earlier:
            year, earlier_year = (
                self.year(parameters, self.YEAR, context),
                self.year(parameters, self.EARLIER_YEAR, context),
            )
            if year is None or earlier_year is None:
                return [tr("SDG 11.3.1 needs the year of both built-up rasters.")]
            if earlier_year >= year:
                return [
                    tr(
                        "The earlier raster's year ({0}) must come before the year of the built-up raster ({1}).",
                        earlier_year,
                        year,
                    )
                ]
        elif _given(parameters, self.EARLIER_POPULATION) or _given(parameters, self.EARLIER_POPULATION_FIELD):
            return [tr("An earlier population is only used with a built-up raster of the earlier date.")]
        return []

    def year(self, parameters, name, context):
        """A year parameter as an int, or None when it is left empty."""
        return self.parameterAsInt(parameters, name, context) if _given(parameters, name) is not None else None

    # --- the run --------------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise HabitatError(tr("The built-up raster could not be opened."))
        kind = KIND_OPTIONS[self.parameterAsEnum(parameters, self.KIND, context)][0]
        settings = dict(
            urban=self.parameterAsDouble(parameters, self.URBAN_DENSITY, context) / 100.0,
            suburban=self.parameterAsDouble(parameters, self.SUBURBAN_DENSITY, context) / 100.0,
            built_cell=self.parameterAsDouble(parameters, self.BUILT_CELL_SHARE, context) / 100.0,
            radius_m=self.parameterAsDouble(parameters, self.CIRCLE_RADIUS, context),
            fringe_m=self.parameterAsDouble(parameters, self.FRINGE_DISTANCE, context),
            captured_max_m2=self.parameterAsDouble(parameters, self.CAPTURED_MAX_AREA, context) * 1e4,
        )
        min_extent_m2 = self.parameterAsDouble(parameters, self.MIN_EXTENT_AREA, context) * 1e6
        if not 0 < settings["suburban"] < settings["urban"] <= 1:
            raise HabitatError(
                tr(
                    "The suburban threshold ({0} %) must be above 0 and below the urban threshold "
                    "({1} %), which is at most 100 %.",
                    f"{100 * settings['suburban']:g}",
                    f"{100 * settings['urban']:g}",
                )
            )
        self.check_crs(layer, context, feedback)
        grid = read_built_up(
            layer,
            self.parameterAsInt(parameters, self.BAND, context) or 1,
            kind,
            tr(dict(KIND_OPTIONS)[kind]),
            feedback,
        )
        feedback.pushInfo(
            tr(
                "Built-up raster {0}: {1} x {2} cells of {3} x {4} m; kind: {5}.",
                layer.name(),
                grid.cols,
                grid.rows,
                f"{grid.cell_x:g}",
                f"{grid.cell_y:g}",
                tr(dict(KIND_OPTIONS)[kind]),
            )
        )
        self.check_scale(grid, settings["radius_m"], layer, feedback)
        later_end = 55 if _given(parameters, self.EARLIER_BUILT_UP) else 80
        result = classify(grid, settings, min_extent_m2, progress_callback(feedback, 0, later_end))
        self.check_extents(result, layer, settings, min_extent_m2)

        earlier = self.earlier_date(parameters, context, feedback, layer, grid, kind, settings, result, later_end)
        geometries = extent_polygons(
            result.labels, grid.geotransform, len(result.extents), progress_callback(feedback, 80, 88)
        )
        places = self.read_places(parameters, context, feedback, layer, result, grid, geometries)
        population = self.population(
            parameters,
            context,
            feedback,
            self.POPULATION,
            self.POPULATION_FIELD,
            result.labels,
            grid,
            len(result.extents),
            places,
        )
        feedback.setProgress(90)

        names = places.names
        uses = Counter(names.values())
        repeated = sorted(name for name, count in uses.items() if count > 1)
        if repeated:
            feedback.pushWarning(
                tr(
                    "The names {0} name more than one urban extent: tell them apart by extent_id.",
                    ", ".join(repeated[:MAX_LOGGED]),
                )
            )
        year = self.year(parameters, self.YEAR, context)
        outputs = {"EXTENTS": len(result.extents), "AREA_KM2": sum(extent.area_m2 for extent in result.extents) / 1e6}
        rows_1131 = None
        if earlier is not None:
            rows_1131 = self.sdg_1131(parameters, context, feedback, result, earlier, grid, population, places, names)

        # Everything is known: write the outputs.
        outputs[self.OUTPUT] = self.write_extents(
            parameters, context, layer, result, geometries, names, year, population
        )
        classes_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CLASSES, context)
        if classes_path:
            write_classes(classes_path, result.classes, grid)
            outputs[self.OUTPUT_CLASSES] = classes_path
            self.style_classes(context, classes_path)
        if earlier is not None and parameters.get(self.OUTPUT_EARLIER) is not None:
            outputs[self.OUTPUT_EARLIER] = self.write_earlier(
                parameters, context, layer, earlier, names, self.year(parameters, self.EARLIER_YEAR, context), feedback
            )
        if rows_1131 is not None and parameters.get(self.OUTPUT_TABLE) is not None:
            outputs[self.OUTPUT_TABLE] = self.write_table(parameters, context, rows_1131)
        self.log_extents(feedback, result, names, population)
        return outputs

    def check_crs(self, layer, context, feedback):
        crs = layer.crs()
        if not crs.isValid():
            raise HabitatError(
                tr("The built-up raster {0} has no coordinate reference system. Set its CRS first.", layer.name())
            )
        if crs.isGeographic() or not is_metric(crs):
            centre = wgs84_extent([layer], context.transformContext()).center()
            suggestion = (
                f"EPSG:{utm_epsg(centre.x(), centre.y())}"
                if -180 <= centre.x() <= 180 and -90 <= centre.y() <= 90
                else "UTM"
            )
            unit = QgsUnitTypes.toString(crs.mapUnits())
            raise HabitatError(
                tr(
                    "The built-up raster {0} is in {1}, whose units are {2}: the 1 km² circle, the fringe distance and "
                    "the areas need a projected CRS in metres. Reproject it first (Raster ▸ Projections ▸ Warp), for "
                    "example to {3}, with average resampling for shares and GHSL surface, nearest neighbour for "
                    "WorldCover classes and 0/1 data.",
                    layer.name(),
                    crs.authid() or crs.description(),
                    unit,
                    suggestion,
                )
            )
        centre = wgs84_extent([layer], context.transformContext()).center()
        error = scale_error(crs, centre, context.transformContext())
        if error > 0.01:
            feedback.pushWarning(
                tr(
                    "{0} stretches distances by {1} % where the raster lies: the circle and the "
                    "fringe distance are measured in its units. For exact distances reproject the "
                    "raster to a local projected CRS such as the UTM zone.",
                    crs.authid(),
                    f"{100 * error:.1f}",
                )
            )

    @staticmethod
    def check_scale(grid, radius_m, layer, feedback):
        """Warnings when the circle and the raster do not fit the method: cells as large as the circle (its density
        is then the cell's own share), or a raster narrower than the circle (every density is an edge density)."""
        if min(grid.cell_x, grid.cell_y) > radius_m:
            feedback.pushWarning(
                tr(
                    "The cells of {0} ({1} m) are larger than the radius of the circle ({2} m): each "
                    "circle holds only its own cell, so the densities are the cells' own shares. Use "
                    "a finer raster (10–100 m cells) for the Atlas method.",
                    layer.name(),
                    f"{min(grid.cell_x, grid.cell_y):g}",
                    f"{radius_m:g}",
                )
            )
        width, height = grid.cols * grid.cell_x, grid.rows * grid.cell_y
        if min(width, height) < 2 * radius_m:
            feedback.pushWarning(
                tr(
                    "The built-up raster {0} is {1} x {2} m, narrower than the circle ({3} m across): "
                    "the densities only see the cells inside the raster. Give a raster that reaches "
                    "beyond the city.",
                    layer.name(),
                    f"{width:,.0f}",
                    f"{height:,.0f}",
                    f"{2 * radius_m:,.0f}",
                )
            )

    @staticmethod
    def check_extents(result, layer, settings, min_extent_m2):
        if result.extents:
            return
        if result.built_cells == 0:
            raise HabitatError(
                tr(
                    "The built-up raster {0} has no built-up cell (no cell is {1} % built-up or more): "
                    "there is no urban extent. Check the band and the kind of values.",
                    layer.name(),
                    f"{100 * settings['built_cell']:g}",
                )
            )
        if result.class_cells[ue.URBAN] + result.class_cells[ue.SUBURBAN] == 0:
            raise HabitatError(
                tr(
                    "No built-up cell of {0} has {1} % or more built-up land in the circle around it: "
                    "all {2} built-up cells are rural, so there is no urban extent.",
                    layer.name(),
                    f"{100 * settings['suburban']:g}",
                    result.built_cells,
                )
            )
        raise HabitatError(
            tr(
                "All {0} pieces of urban extent are smaller than {1} km² (the largest is {2} km²): "
                "lower the smallest urban extent.",
                result.dropped,
                f"{min_extent_m2 / 1e6:g}",
                f"{result.largest_dropped_m2 / 1e6:.2f}",
            )
        )

    def earlier_date(self, parameters, context, feedback, layer, grid, kind, settings, result, later_end):
        """The earlier date's classification, matched to the later cities, or None without an earlier raster."""
        earlier_layer = self.parameterAsRasterLayer(parameters, self.EARLIER_BUILT_UP, context)
        if earlier_layer is None:
            return None
        if earlier_layer.crs() != layer.crs():
            raise HabitatError(
                tr(
                    "The earlier built-up raster {0} is in {1}, the built-up raster {2} in {3}: give "
                    "both on the same grid (Raster ▸ Align Rasters).",
                    earlier_layer.name(),
                    earlier_layer.crs().authid(),
                    layer.name(),
                    layer.crs().authid(),
                )
            )
        band = self.parameterAsInt(parameters, self.EARLIER_BAND, context) or 1
        earlier_grid = read_built_up(earlier_layer, band, kind, tr(dict(KIND_OPTIONS)[kind]), feedback)
        if (earlier_grid.rows, earlier_grid.cols) != (grid.rows, grid.cols) or not np.allclose(
            earlier_grid.geotransform, grid.geotransform, rtol=0, atol=1e-6 * max(grid.cell_x, grid.cell_y)
        ):
            raise HabitatError(
                tr(
                    "The earlier built-up raster {0} ({1} x {2} cells) is not on the grid of {3} "
                    "({4} x {5} cells): give both on the same grid (Raster ▸ Align Rasters).",
                    earlier_layer.name(),
                    earlier_grid.cols,
                    earlier_grid.rows,
                    layer.name(),
                    grid.cols,
                    grid.rows,
                )
            )
        earlier = classify(earlier_grid, settings, 0.0, progress_callback(feedback, later_end, 80))
        earlier.assignment = ue.match_earlier(result.labels, earlier.labels, len(earlier.extents))
        earlier.geotransform = grid.geotransform
        unmatched = [e for e in earlier.extents if earlier.assignment[e.extent_id] == 0]
        if unmatched:
            feedback.pushInfo(
                tr(
                    "{0} pieces of earlier urban extent ({1} km²) lie outside every later urban extent "
                    "and are not counted.",
                    len(unmatched),
                    f"{sum(e.area_m2 for e in unmatched) / 1e6:.2f}",
                )
            )
        return earlier

    def read_places(self, parameters, context, feedback, layer, result, grid, geometries):
        """The named places: which extent each one names, its name and population fields."""
        places = Places(len(result.extents))
        source = self.parameterAsSource(parameters, self.CITY_NAMES, context)
        if source is None:
            return places
        name_field = self.parameterAsString(parameters, self.CITY_NAME_FIELD, context)
        fields = [
            name_field,
            self.parameterAsString(parameters, self.POPULATION_FIELD, context),
            self.parameterAsString(parameters, self.EARLIER_POPULATION_FIELD, context),
        ]
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes([f for f in fields if f], source.fields())
        outside, skipped, repaired, dropped = [], 0, 0, []
        for number, feature in enumerate(features_in_crs(source, layer.crs(), context.transformContext(), request)):
            if number % 500 == 0 and feedback.isCanceled():
                raise Cancelled()
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                skipped += 1
                continue
            if geometry.type() == GeometryType.Polygon and not geometry.isGeosValid():
                geometry = geometry.makeValid()
                repaired += 1
                if geometry.isNull() or geometry.isEmpty() or not geometry.area() > 0:
                    skipped += 1
                    continue
            value = feature[name_field] if name_field else None
            name = (
                str(value)
                if value is not None and not (hasattr(value, "isNull") and value.isNull())
                else str(feature.id())
            )
            if geometry.type() == GeometryType.Point:
                point = geometry.centroid().asPoint() if geometry.isMultipart() else geometry.asPoint()
                extent_id = int(ue.labels_at(result.labels, grid.geotransform, [(point.x(), point.y())])[0])
            else:
                extent_id, overlap = 0, 0.0
                for candidate, shape in geometries.items():
                    if shape.boundingBox().intersects(geometry.boundingBox()):
                        area = shape.intersection(geometry).area()
                        if area > overlap:
                            extent_id, overlap = candidate, area
            if extent_id == 0:
                outside.append(name)
                continue
            populations = [_number(feature[f]) if f else None for f in fields[1:]]
            if any(value is not None and value < 0 for value in populations):
                dropped.append(name)
                populations = [None if value is not None and value < 0 else value for value in populations]
            places.add(extent_id, name, populations)
        if skipped:
            feedback.pushWarning(tr("{0} named places without a usable geometry were skipped.", skipped))
        if repaired:
            feedback.pushWarning(tr("{0} invalid polygons were repaired ({1}).", repaired, tr("named places")))
        if dropped:
            feedback.pushWarning(
                tr(
                    "{0} named places have a negative population, which was left out: {1}",
                    len(dropped),
                    ", ".join(dropped[:MAX_LOGGED]) + (" …" if len(dropped) > MAX_LOGGED else ""),
                )
            )
        if outside:
            feedback.pushInfo(
                tr(
                    "{0} named places lie outside every urban extent: {1}",
                    len(outside),
                    ", ".join(outside[:MAX_LOGGED]) + (" …" if len(outside) > MAX_LOGGED else ""),
                )
            )
        return places

    def population(self, parameters, context, feedback, raster_name, field_name, labels, grid, count, places):
        """People per extent id (index 0 = outside) from a population grid or the places' field; None if neither."""
        raster = self.parameterAsRasterLayer(parameters, raster_name, context)
        if raster is not None:
            if self.parameterAsString(parameters, field_name, context):
                feedback.pushInfo(
                    tr("The population grid {0} is used; the population field of the places is not.", raster.name())
                )

            def cancel_check(fraction):
                if feedback.isCanceled():
                    raise Cancelled()

            totals = raster_population_by_extent(raster, labels, grid, count, cancel_check)
            feedback.pushInfo(
                tr(
                    "Population grid {0}: {1} people, {2} of them inside the urban extents ({3} %).",
                    raster.name(),
                    f"{totals.sum():,.0f}",
                    f"{totals[1:].sum():,.0f}",
                    f"{100 * totals[1:].sum() / totals.sum():.1f}" if totals.sum() > 0 else "0",
                )
            )
            if totals[1:].sum() <= 0:
                feedback.pushWarning(
                    tr(
                        "No one of the population grid {0} lives inside an urban extent: check that "
                        "it covers the built-up raster.",
                        raster.name(),
                    )
                )
            return totals
        if self.parameterAsString(parameters, field_name, context):
            index = 0 if field_name == self.POPULATION_FIELD else 1
            return places.population(index)
        return None

    def sdg_1131(self, parameters, context, feedback, result, earlier, grid, population, places, names):
        """Rows of the SDG 11.3.1 table, one per later city, and the log lines."""
        year = self.year(parameters, self.YEAR, context)
        earlier_year = self.year(parameters, self.EARLIER_YEAR, context)
        earlier_population = self.population(
            parameters,
            context,
            feedback,
            self.EARLIER_POPULATION,
            self.EARLIER_POPULATION_FIELD,
            earlier.labels,
            grid,
            len(earlier.extents),
            places,
        )
        if earlier_population is not None and _given(parameters, self.EARLIER_POPULATION):
            per_city = np.zeros(len(result.extents) + 1)  # people per earlier extent, added up per later city
            np.add.at(per_city, earlier.assignment, earlier_population)
            per_city[0] = 0.0
            earlier_population = per_city
        if population is None or earlier_population is None:
            feedback.pushWarning(
                tr(
                    "SDG 11.3.1 needs the population at both dates (grids or fields of the named "
                    "places): only the land consumption rate is reported."
                )
            )
        earlier_area = np.zeros(len(result.extents) + 1)
        for extent in earlier.extents:
            earlier_area[earlier.assignment[extent.extent_id]] += extent.area_m2
        rows = []
        feedback.pushInfo(
            tr(
                "SDG 11.3.1 from {0} to {1}: land consumption rate LCR = ln(Urb{1}/Urb{0})/y, "
                "population growth rate PGR = ln(Pop{1}/Pop{0})/y, ratio LCRPGR = LCR/PGR. Above 1 the "
                "urban land grew faster than its population (the city spread out), below 1 it became "
                "denser.",
                earlier_year,
                year,
            )
        )
        for extent in result.extents:
            i = extent.extent_id
            pop_1 = float(earlier_population[i]) if earlier_population is not None else None
            pop_2 = float(population[i]) if population is not None else None
            efficiency = ue.land_use_efficiency(
                float(earlier_area[i]), extent.area_m2, pop_1, pop_2, year - earlier_year
            )
            rows.append((i, names[i], earlier_year, year, efficiency))
            if i <= MAX_LOGGED:
                feedback.pushInfo(
                    tr(
                        "{0}: urban extent {1} → {2} km², population {3} → {4}; LCR {5} % a year, "
                        "PGR {6} % a year, LCRPGR {7}.",
                        names[i],
                        f"{earlier_area[i] / 1e6:.2f}",
                        f"{extent.area_m2 / 1e6:.2f}",
                        _people(pop_1),
                        _people(pop_2),
                        _pct(efficiency.lcr),
                        _pct(efficiency.pgr),
                        "—" if efficiency.ratio is None else f"{efficiency.ratio:.2f}",
                    )
                    + (f" ({efficiency.note})" if efficiency.note else "")
                )
        return rows

    # --- outputs --------------------------------------------------------------------------------------------------
    def write_extents(self, parameters, context, layer, result, geometries, names, year, population):
        fields = QgsFields()
        for name, kind in (
            ("extent_id", INT),
            ("name", TEXT),
            ("area_km2", DOUBLE),
            ("urban_km2", DOUBLE),
            ("suburb_km2", DOUBLE),
            ("fringe_km2", DOUBLE),
            ("captur_km2", DOUBLE),
            ("year", INT),
            ("population", DOUBLE),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, layer.crs())
        for extent in result.extents:
            i = extent.extent_id
            feature = QgsFeature(fields)
            feature.setGeometry(geometries[i])
            feature.setAttributes(
                [
                    i,
                    names[i],
                    extent.area_m2 / 1e6,
                    extent.urban_m2 / 1e6,
                    extent.suburban_m2 / 1e6,
                    extent.fringe_m2 / 1e6,
                    extent.captured_m2 / 1e6,
                    year,
                    float(population[i]) if population is not None else None,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, "workshop_urban_extent.qml", tr("Urban extents"))
        return dest_id

    def write_earlier(self, parameters, context, layer, earlier, names, year, feedback):
        fields = QgsFields()
        for name, kind in (("extent_id", INT), ("name", TEXT), ("area_km2", DOUBLE), ("year", INT)):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(
            parameters, self.OUTPUT_EARLIER, context, fields, WkbType.MultiPolygon, layer.crs()
        )
        city_labels = earlier.assignment.astype(np.int32)[earlier.labels]  # earlier cells under their later city
        count = int(city_labels.max()) if city_labels.size else 0
        geometries = extent_polygons(city_labels, earlier.geotransform, count, progress_callback(feedback, 88, 90))
        del city_labels
        areas = {}
        for extent in earlier.extents:
            city = int(earlier.assignment[extent.extent_id])
            if city:
                areas[city] = areas.get(city, 0.0) + extent.area_m2
        for city in sorted(geometries):
            feature = QgsFeature(fields)
            feature.setGeometry(geometries[city])
            feature.setAttributes([city, names[city], areas[city] / 1e6, year])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, "workshop_urban_extent.qml", tr("Urban extents at the earlier date"))
        return dest_id

    def write_table(self, parameters, context, rows):
        fields = QgsFields()
        for name, kind in (
            ("extent_id", INT),
            ("name", TEXT),
            ("year_1", INT),
            ("year_2", INT),
            ("urb_km2_1", DOUBLE),
            ("urb_km2_2", DOUBLE),
            ("pop_1", DOUBLE),
            ("pop_2", DOUBLE),
            ("lcr", DOUBLE),
            ("pgr", DOUBLE),
            ("lcrpgr", DOUBLE),
            ("note", TEXT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_TABLE, context, fields, WkbType.NoGeometry, None)
        for extent_id, name, year_1, year_2, e in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(
                [
                    extent_id,
                    name,
                    year_1,
                    year_2,
                    e.urban_m2_1 / 1e6,
                    e.urban_m2_2 / 1e6,
                    e.population_1,
                    e.population_2,
                    e.lcr,
                    e.pgr,
                    e.ratio,
                    e.note,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("SDG 11.3.1 land consumption and population growth"))
        return dest_id

    def style_classes(self, context, path):
        if not context.willLoadLayerOnCompletion(path):
            return
        details = context.layerToLoadOnCompletionDetails(path)
        details.name = tr("Urban extent classes")
        processor = ClassesStyle(details.name)
        POST_PROCESSORS[path] = processor  # QGIS applies it after the run: keep it alive
        details.setPostProcessor(processor)

    @staticmethod
    def log_extents(feedback, result, names, population):
        for extent in result.extents[:MAX_LOGGED]:
            i = extent.extent_id
            areas = [names[i]] + [
                f"{area / 1e6:.2f}"
                for area in (extent.area_m2, extent.urban_m2, extent.suburban_m2, extent.fringe_m2, extent.captured_m2)
            ]
            if population is None:
                feedback.pushInfo(
                    tr(
                        "{0}: urban extent {1} km² (urban {2}, suburban {3}, fringe open space {4}, "
                        "captured open space {5} km²).",
                        *areas,
                    )
                )
            else:
                feedback.pushInfo(
                    tr(
                        "{0}: urban extent {1} km² (urban {2}, suburban {3}, fringe open space {4}, "
                        "captured open space {5} km²), {6} people.",
                        *areas,
                        _people(population[i]),
                    )
                )
        if len(result.extents) > MAX_LOGGED:
            feedback.pushInfo(tr("… and {0} more urban extents.", len(result.extents) - MAX_LOGGED))
        if population is not None:  # the densest cities hold about 50,000 people per km²
            implausible = [
                names[extent.extent_id]
                for extent in result.extents
                if extent.area_m2 > 0 and population[extent.extent_id] / (extent.area_m2 / 1e6) > MAX_PLAUSIBLE_DENSITY
            ]
            if implausible:
                feedback.pushWarning(
                    tr(
                        "{0} urban extents hold more than {1} people per km², more than any city: {2}. "
                        "Check the population grid (its unit, its nodata value).",
                        len(implausible),
                        f"{MAX_PLAUSIBLE_DENSITY:,.0f}",
                        ", ".join(implausible[:10]),
                    )
                )
        if result.dropped:
            feedback.pushInfo(
                tr(
                    "{0} pieces of urban extent smaller than the smallest urban extent were left out ({1} km² in all).",
                    result.dropped,
                    f"{result.dropped_m2 / 1e6:.2f}",
                )
            )


MAX_PLAUSIBLE_DENSITY = 200_000.0  # people per km²: four times the densest city districts


class Places:
    """The named places by extent: names (joined when several places share an extent) and population fields."""

    def __init__(self, count):
        self.count = count
        self._names = {}
        self._population = [np.zeros(count + 1), np.zeros(count + 1)]

    def add(self, extent_id, name, populations):
        self._names.setdefault(extent_id, []).append(name)
        for index, value in enumerate(populations):
            if value is not None:  # an empty count adds nothing
                self._population[index][extent_id] += value

    @property
    def names(self):
        return {
            i: " / ".join(self._names[i]) if i in self._names else tr("Urban extent {0}", i)
            for i in range(1, self.count + 1)
        }

    def population(self, index):
        return self._population[index]


class ClassesStyle(QgsProcessingLayerPostProcessorInterface):
    """The classified raster's paletted style with class names in the user's language."""

    def __init__(self, layer_name):
        super().__init__()
        self.layer_name = layer_name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if layer is None:
            return
        layer.loadNamedStyle(resource_path("styles", "urban_extent_classes.qml"))
        renderer = layer.renderer()
        if hasattr(renderer, "setLabel"):
            for code, label in ue.CLASS_NAMES.items():
                if code != ue.NO_DATA:
                    renderer.setLabel(code, tr(label))
        layer.setName(self.layer_name)
        layer.triggerRepaint()


def _given(parameters, name):
    value = parameters.get(name)
    return None if value is None or value == "" else value


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _people(value):
    return "—" if value is None else f"{value:,.0f}"


def _pct(rate):
    return "—" if rate is None else f"{100 * rate:.2f}"
