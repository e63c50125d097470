"""habitat:candidatesites — candidate sites for new public space from the non-built land of a built-up raster.

A recipe: read the built-up raster as habitat:urbanextent does, the urban extent, the excluded polygons and the
streets in the raster's CRS; find the open land in the core (core.public_space.candidates); write the sites, ready
for habitat:publicspacesiting (CANDIDATES, name field ``name``).
"""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsRectangle,
    QgsUnitTypes,
)

from ...compat import DOUBLE, INT, TEXT, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ...core.public_space import candidates as cs
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import from_shapely, is_metric, read_lines, read_polygons, whole_layer
from ...raster_io import read_built_up
from ..base import HabitatAlgorithm, progress_callback
from ..styles import BLUES, Graduated
from .urban_extent import KIND_OPTIONS

SOURCE = "non-built land"  # the value of the source field, the same in every language


class CandidateSitesAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "candidatesites"
    DISPLAY_NAME = tr_noop("Candidate sites from non-built land")
    GROUP_ID = "publicspace"
    REQUIRED_PACKAGES = ("scipy", "shapely")
    TAGS = (
        tr_noop("public space"),
        tr_noop("site selection"),
        tr_noop("vacant land"),
        tr_noop("open land"),
        tr_noop("built-up area"),
        tr_noop("SDG 11.7.1"),
    )
    SHORT_HELP = tr_noop(
        "Candidate sites for new public space from the land that is not built on: the cells of a built-up raster "
        "(GHSL built-up surface, ESA WorldCover or any 0–1 built-up share) that are at most 20 % built-up and lie "
        "inside the urban extent, less the existing public spaces, the street corridors and any other land to "
        "leave out (water, railways). Each connected piece of open land, cut exactly by those exclusions, is one "
        "site; sites below the minimum size are left out and the largest are kept. The sites go straight into "
        '"Where to add public space (siting)" as its candidate sites, with name as the candidate name field. The '
        "raster's cells decide what is open land, so a site is only as fine as the raster: check the sites on "
        "imagery and with the land register before planning on them."
    )

    BUILT_UP = "BUILT_UP"
    BAND = "BAND"
    KIND = "KIND"
    URBAN_EXTENT = "URBAN_EXTENT"
    PUBLIC_SPACES = "PUBLIC_SPACES"
    SPACE_BUFFER = "SPACE_BUFFER"
    STREETS = "STREETS"
    STREET_HALF_WIDTH = "STREET_HALF_WIDTH"
    EXCLUDE = "EXCLUDE"
    MAX_BUILT_SHARE = "MAX_BUILT_SHARE"
    MIN_AREA = "MIN_AREA"
    MAX_AREA = "MAX_AREA"
    MAX_SITES = "MAX_SITES"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.BUILT_UP, tr("Built-up raster")),
            tr_noop(
                "Built-up data in a projected CRS in metres: GHSL built-up surface, ESA WorldCover, or a "
                "built-up share. Cells with the band's nodata value are never open land. The sites are in its "
                "CRS. The finer the cells (10 m WorldCover, 10 m GHSL), the finer the sites."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBand(self.BAND, tr("Band"), 1, self.BUILT_UP, optional=True),
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
            QgsProcessingParameterFeatureSource(
                self.URBAN_EXTENT, tr("Urban extent"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop(
                'The city\'s urban extent (for example from "Urban extent from built-up data"): only open land '
                "inside it becomes a site; the sites are cut to it."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.PUBLIC_SPACES,
                tr("Existing open public spaces (optional)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            tr_noop(
                "The public spaces there are today: they are open land already and are left out (with the "
                "buffer below)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SPACE_BUFFER,
                tr("Distance kept from existing spaces (m)"),
                ProcessingNumberParameterType.Double,
                0.0,
                minValue=0.0,
            ),
            tr_noop(
                "The existing public spaces are grown by this distance before they are left out: 0 lets a "
                "site touch a space (an extension of it)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STREETS, tr("Streets (optional)"), [ProcessingSourceType.VectorLine], optional=True
            ),
            tr_noop(
                "Street centre-lines: a corridor of the half-width below on each side of every street is left "
                "out, so that a street splits the open land it crosses."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.STREET_HALF_WIDTH,
                tr("Street half-width (m)"),
                ProcessingNumberParameterType.Double,
                cs.STREET_HALF_WIDTH_M,
                minValue=0.0,
            ),
            tr_noop("The corridor left out on each side of a street centre-line (6 m: a 12 m street)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.EXCLUDE,
                tr("Other land to leave out (optional)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            tr_noop("Polygons of land that cannot become public space: water, railways, protected or private land."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_BUILT_SHARE,
                tr("Open land: built-up share at most (0–1)"),
                ProcessingNumberParameterType.Double,
                cs.MAX_BUILT_SHARE,
                minValue=0.0,
                maxValue=1.0,
            ),
            tr_noop(
                "A cell this much built-up or less is open land (0.2: at most 20 % of the cell). With 0/1 or "
                "WorldCover data only cells that are not built-up are open."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA, tr("Smallest site (m²)"), ProcessingNumberParameterType.Double, cs.MIN_AREA_M2
            ),
            tr_noop(
                "Sites smaller than this are left out. 2,000 m² (a pocket park) is a local choice: SDG 11.7.1 "
                "sets no minimum size."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_AREA,
                tr("Largest site (m², 0: no limit)"),
                ProcessingNumberParameterType.Double,
                0.0,
                minValue=0.0,
            ),
            tr_noop(
                "Sites larger than this are left out, not split: large tracts of open land (farmland, forest) "
                "need a plan of their own rather than a park site."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_SITES,
                tr("Most sites (0: all)"),
                ProcessingNumberParameterType.Integer,
                cs.MAX_SITES,
                minValue=0,
            ),
            tr_noop("Only this many sites are kept, the largest first."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Candidate sites from non-built land"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop(
                "One polygon per site, largest first: site_id, name, area_m2, built_pct (mean built-up share of "
                'its cells, %), source and kind. Give it to "Where to add public space (siting)" as its '
                "candidate sites."
            ),
        )
        self.add_number_outputs([("SITES", tr("Candidate sites")), ("AREA_HA", tr("Area of the candidate sites (ha)"))])

    def check_values(self, parameters, context) -> list:
        problems = []
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        max_area = self.parameterAsDouble(parameters, self.MAX_AREA, context)
        if min_area < 0:
            problems.append(
                tr(
                    '"{0}" is {1} m²: give 0 or more.',
                    self.parameterDefinition(self.MIN_AREA).description(),
                    f"{min_area:g}",
                )
            )
        if max_area > 0 and max_area < min_area:
            problems.append(
                tr(
                    "The largest site ({0} m²) is smaller than the smallest site ({1} m²): no site could be kept.",
                    f"{max_area:g}",
                    f"{min_area:g}",
                )
            )
        return problems

    def process(self, parameters, context, feedback):
        layer = self.parameterAsRasterLayer(parameters, self.BUILT_UP, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.BUILT_UP))
        extent = self.required_source(parameters, self.URBAN_EXTENT, context)
        extent_label = self.input_label(parameters, self.URBAN_EXTENT, context)
        crs = layer.crs()
        if not crs.isValid():
            raise HabitatError(
                tr("The built-up raster {0} has no coordinate reference system. Set its CRS first.", layer.name())
            )
        if not is_metric(crs):
            raise HabitatError(
                tr(
                    "The built-up raster {0} is in {1}, whose units are {2}: the site areas and the "
                    "street corridors need a projected CRS in metres. Reproject it first (Raster ▸ "
                    "Projections ▸ Warp), for example to the UTM zone of the city.",
                    layer.name(),
                    crs.authid() or crs.description(),
                    QgsUnitTypes.toString(crs.mapUnits()),
                )
            )
        transform_context = context.transformContext()
        kind = KIND_OPTIONS[self.parameterAsEnum(parameters, self.KIND, context)][0]
        kind_label = tr(dict(KIND_OPTIONS)[kind])
        grid = read_built_up(
            layer, self.parameterAsInt(parameters, self.BAND, context) or 1, kind, kind_label, feedback
        )
        feedback.pushInfo(
            tr(
                "Built-up raster {0}: {1} x {2} cells of {3} x {4} m; kind: {5}.",
                layer.name(),
                grid.cols,
                grid.rows,
                f"{grid.cell_x:g}",
                f"{grid.cell_y:g}",
                kind_label,
            )
        )

        shapes, _, _, repaired, skipped = read_polygons(extent, crs, transform_context)
        self.report_polygons(feedback, tr("urban extent"), repaired, skipped)
        if not shapes:
            raise HabitatError(
                tr(
                    'No feature of "{0}" has a usable polygon (all are without geometry, empty or without area).',
                    extent_label,
                )
            )
        from shapely.ops import unary_union

        extent_shape = unary_union(shapes)
        x0, y0, x1, y1 = extent_shape.bounds
        if not layer.extent().intersects(QgsRectangle(x0, y0, x1, y1)):
            raise self.no_overlap(layer, extent_label)

        exclusions = []
        spaces = self.parameterAsSource(parameters, self.PUBLIC_SPACES, context)
        if spaces is not None:
            space_shapes, _, _, repaired, skipped = read_polygons(spaces, crs, transform_context)
            self.report_polygons(feedback, tr("public spaces"), repaired, skipped)
            buffer = self.parameterAsDouble(parameters, self.SPACE_BUFFER, context)
            exclusions += [shape.buffer(buffer) for shape in space_shapes] if buffer > 0 else space_shapes
        other = self.parameterAsSource(parameters, self.EXCLUDE, context)
        if other is not None:
            other_shapes, _, _, repaired, skipped = read_polygons(other, crs, transform_context)
            self.report_polygons(feedback, tr("land to leave out"), repaired, skipped)
            exclusions += other_shapes
        lines = None
        streets = self.parameterAsSource(parameters, self.STREETS, context)
        if streets is not None:
            lines, skipped = read_lines(
                streets, crs, transform_context, layer=whole_layer(self, parameters, self.STREETS, context)
            )
            if skipped:
                feedback.pushWarning(tr("{0} street features without a usable line were skipped.", skipped))
        feedback.setProgress(10)

        max_built = self.parameterAsDouble(parameters, self.MAX_BUILT_SHARE, context)
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        max_area = self.parameterAsDouble(parameters, self.MAX_AREA, context) or None
        result = cs.candidate_sites(
            grid.share,
            grid.valid,
            grid.geotransform,
            extent_shape,
            max_built_share=max_built,
            exclusions=exclusions,
            lines=lines,
            street_half_width=self.parameterAsDouble(parameters, self.STREET_HALF_WIDTH, context),
            min_area=min_area,
            max_area=max_area,
            max_sites=self.parameterAsInt(parameters, self.MAX_SITES, context),
            progress=progress_callback(feedback, 10, 90),
        )
        if result.cells_in_extent == 0:
            raise self.no_overlap(layer, extent_label)
        feedback.pushInfo(
            tr(
                "{0} cells of the raster lie inside the urban extent; {1} of them are open land (at "
                "most {2} % built-up); {3} of those lie in existing spaces, street corridors or land left "
                "out.",
                f"{result.cells_in_extent:,}",
                f"{result.open_cells:,}",
                f"{100 * max_built:g}",
                f"{result.excluded_cells:,}",
            )
        )
        if result.open_cells == 0:
            raise HabitatError(
                tr(
                    "No cell of the built-up raster {0} inside the urban extent {1} is open land (at most "
                    "{2} % built-up): raise the built-up share of open land, or check the band and the "
                    "kind of values.",
                    layer.name(),
                    extent_label,
                    f"{100 * max_built:g}",
                )
            )
        if not result.sites:
            raise HabitatError(
                tr(
                    "No open land is left for a site: of {0} pieces of open land inside the urban extent "
                    "{1}, none is at least {2} m² once public spaces, street corridors and land left "
                    "out are taken away{3} (the largest is {4} m²). Lower the smallest site or raise "
                    "the built-up share of open land.",
                    result.pieces,
                    extent_label,
                    f"{min_area:,.0f}",
                    tr(" and at most {0} m²", f"{max_area:,.0f}") if max_area else "",
                    f"{result.largest_m2:,.0f}",
                )
            )
        if result.too_small:
            feedback.pushInfo(
                tr("{0} pieces of open land smaller than {1} m² were left out.", result.too_small, f"{min_area:,.0f}")
            )
        if result.too_large:
            feedback.pushInfo(
                tr("{0} pieces of open land larger than {1} m² were left out.", result.too_large, f"{max_area:,.0f}")
            )
        if result.beyond_max:
            feedback.pushInfo(
                tr("Only the {0} largest sites were kept; smaller ones were left out.", len(result.sites))
            )
        total = sum(site.area_m2 for site in result.sites)
        feedback.pushInfo(
            tr(
                "{0} candidate sites, {1} ha in all; the largest is {2} m², the smallest {3} m².",
                len(result.sites),
                f"{total / 1e4:,.2f}",
                f"{result.sites[0].area_m2:,.0f}",
                f"{result.sites[-1].area_m2:,.0f}",
            )
        )
        dest_id = self.write_sites(parameters, context, result, crs, max_built)
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "SITES": len(result.sites), "AREA_HA": total / 1e4}

    @staticmethod
    def no_overlap(layer, extent_label):
        return HabitatError(
            tr(
                "The built-up raster {0} and the urban extent {1} do not overlap: no cell centre of the "
                "raster lies inside the extent. Give a raster that covers the city, and check the "
                "CRS of both.",
                layer.name(),
                extent_label,
            )
        )

    def write_sites(self, parameters, context, result, crs, max_built):
        fields = QgsFields()
        for name, kind in (
            ("site_id", INT),
            ("name", TEXT),
            ("area_m2", DOUBLE),
            ("built_pct", DOUBLE),
            ("source", TEXT),
            ("kind", TEXT),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        kind = tr("Non-built land (at most {0} % built-up)", f"{100 * max_built:g}")
        for number, site in enumerate(result.sites, start=1):
            feature = QgsFeature(fields)
            geometry = from_shapely(site.shape)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([number, tr("Open land {0}", number), site.area_m2, site.built_pct, SOURCE, kind])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            None,
            tr("Candidate sites from non-built land"),
            renderer=Graduated("area_m2", colours=BLUES, unit="m²", decimals=0),
        )
        return dest_id
