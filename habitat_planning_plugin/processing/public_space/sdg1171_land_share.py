"""habitat:sdg1171landshare — SDG 11.7.1 (a): share of the urban area that is streets and open public space."""

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ...compat import DOUBLE, INT, TEXT, GeometryType, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ...core.public_space.land_share import (
    BENCHMARK_OPS,
    BENCHMARK_STREETS,
    BENCHMARK_TOTAL,
    WIDTH_FACTORS,
    corridor_shares,
    land_shares,
    sampled_street_share,
    street_corridors,
)
from ...core.public_space.report import land_share_report
from ...core.public_space.street_width import (
    CLASS,
    DEFAULT,
    DEFAULT_WIDTH_M,
    MEASURED,
    WidthTally,
    class_width_table,
    policy_from_table,
    record_width,
)
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...core.wkb import wkb_line_parts
from ...qgis_io import features_in_crs, from_shapely
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import is_null

WIDTH_SOURCE_FIELD = "width_src"  # written by habitat:streetsfromosm: where each width came from
MAX_SAMPLING_PRECISION = 10.0  # percentage points: a wider interval cannot tell a street share of 15 % from 30 %


class Sdg1171LandShareAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdg1171landshare"
    DISPLAY_NAME = tr_noop("SDG 11.7.1 (a) land allocated to streets and public space")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("SDG 11.7.1"), tr_noop("street area"), tr_noop("public space"), tr_noop("land share"))
    REQUIRED_PACKAGES = ("shapely",)
    SHORT_HELP = tr_noop(
        "Share of the urban area allocated to streets and open public spaces, SDG indicator 11.7.1 (a), for each "
        "city (and each district when given), against the benchmarks of 15 % public space, 30 % streets and 45 % "
        "in total. Street area is the union of the right-of-way corridors: a corridor of the street's width "
        "around its centre-line (half the width on each side). The width follows one policy, shared with Streets "
        "from OpenStreetMap: the width field (numbers, or text such as 12 m, 40 ft, 10-12; values outside 1.5–80 m "
        "are rejected and counted), else the road class table, else the default width. The street share is also "
        "given with every width 25 % narrower and 25 % wider, so you see how much the widths matter. Ground "
        "that is both street and public space counts once, as public space, so the street and public space "
        "shares add up to the total. Optionally the street share is also estimated with the original sampling "
        "method (Halton points at 10 per km², 10 ha circles, sampling until the 95 % confidence interval is narrow "
        "enough), for comparison with cities that reported that way."
    )

    URBAN_EXTENT = "URBAN_EXTENT"
    CITY_NAME_FIELD = "CITY_NAME_FIELD"
    PUBLIC_SPACES = "PUBLIC_SPACES"
    STREETS = "STREETS"
    WIDTH_FIELD = "WIDTH_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    CLASS_WIDTHS = "CLASS_WIDTHS"
    DEFAULT_WIDTH = "DEFAULT_WIDTH"
    STREET_POLYGONS = "STREET_POLYGONS"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    SAMPLING = "SAMPLING"
    SAMPLING_PRECISION = "SAMPLING_PRECISION"
    OUTPUT_STREET_AREA = "OUTPUT_STREET_AREA"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.URBAN_EXTENT, tr("Urban extent (polygons)"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop("One polygon per city: the built-up urban extent the indicator is measured in."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CITY_NAME_FIELD, tr("City name field"), parentLayerParameterName=self.URBAN_EXTENT, optional=True
            ),
            tr_noop("Field with the city names; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.PUBLIC_SPACES, tr("Open public spaces (polygons)"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop(
                "Only the spaces that count for SDG 11.7.1 (for example the counted spaces of the public space "
                "inventory). Invalid polygons are repaired and reported."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STREETS, tr("Street centre-lines"), [ProcessingSourceType.VectorLine], optional=True
            ),
            tr_noop("Street centre-lines; each becomes a corridor of its width. Give these or street polygons."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.WIDTH_FIELD, tr("Street width field (m)"), parentLayerParameterName=self.STREETS, optional=True
            ),
            tr_noop(
                "Measured right-of-way width: a number in metres, or text with a unit as in OSM width tags "
                "(12 m, 40 ft, 12'6\", 10-12). Empty, unreadable or implausible values (outside 1.5–80 m) fall "
                "back to the class table and are counted. For the output of Streets from OpenStreetMap choose "
                "width_m: its width_src field then says which widths were estimated."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CLASS_FIELD, tr("Road class field"), parentLayerParameterName=self.STREETS, optional=True
            ),
            tr_noop("Road class (such as the OpenStreetMap highway tag) looked up in the width table."),
        )
        self.add_parameter(
            QgsProcessingParameterMatrix(
                self.CLASS_WIDTHS,
                tr("Width by road class (m)"),
                numberRows=0,
                hasFixedNumberRows=False,
                headers=[tr("Road class"), tr("Width (m)")],
                defaultValue=class_width_table(),
                optional=True,
            ),  # QGIS 3.22 rejects a matrix left unset unless optional
            tr_noop(
                "Right-of-way width of each road class. The defaults are the plugin's documented table "
                "(docs/street-widths.md), the same as in Streets from OpenStreetMap: replace them with widths "
                "measured in the city."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DEFAULT_WIDTH,
                tr("Default street width (m)"),
                ProcessingNumberParameterType.Double,
                DEFAULT_WIDTH_M,
                minValue=0.5,
            ),
            tr_noop("Width of streets with neither a measured width nor a known class."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STREET_POLYGONS, tr("Street polygons"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop("Street area already digitised as polygons (right-of-way), instead of centre-lines."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS, tr("Districts (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop("Districts or wards for a row each in the table (measured inside the urban extent)."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.DISTRICT_NAME_FIELD,
                tr("District name field"),
                parentLayerParameterName=self.DISTRICTS,
                optional=True,
            ),
            tr_noop("Field with the district names used in the table; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.SAMPLING, tr("Also estimate the street share by sampling"), False),
            tr_noop(
                "The original 11.7.1 method: Halton points at 10 per km², 10 ha circles, until the 95 % "
                "confidence interval is within the precision below."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SAMPLING_PRECISION,
                tr("Sampling precision (percentage points)"),
                ProcessingNumberParameterType.Double,
                1.0,
                minValue=0.05,
            ),
            tr_noop(
                "Sampling stops when the 95 % confidence interval is within this many percentage points of "
                "the estimate (and at least 30 circles are taken)."
            ),
            advanced=True,
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_STREET_AREA, tr("Street area"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop("The street area of each city, dissolved and clipped to its urban extent."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, tr("Land allocated to streets and public space"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "Per city and district: area, public space, street and total area, their shares, the "
                "street share with widths 25 % narrower and wider, the benchmarks, and the sampling estimate "
                "when asked."
            ),
        )
        self.add_report_parameter(
            tr_noop(
                "The shares against the benchmarks, the table by city and district, a chart and a map, in the "
                "language of QGIS."
            )
        )
        self.add_number_outputs(
            [
                ("SHARE_TOTAL", tr("Streets and public space (% of urban area)")),
                ("SHARE_PUBLIC_SPACE", tr("Public space (% of urban area)")),
                ("SHARE_STREETS", tr("Streets (% of urban area)")),
                ("SHARE_STREETS_LOW", tr("Streets with widths 25 % narrower (% of urban area)")),
                ("SHARE_STREETS_HIGH", tr("Streets with widths 25 % wider (% of urban area)")),
                ("WIDTH_MEASURED", tr("Widths measured")),
                ("WIDTH_CLASS", tr("Widths from the road class table")),
                ("WIDTH_DEFAULT", tr("Default widths")),
                ("WIDTH_REJECTED", tr("Width values rejected (outside 1.5–80 m)")),
                ("WIDTH_UNREADABLE", tr("Width values not readable")),
            ]
        )

    def check_values(self, parameters, context) -> list:
        """One street input; the width table and the default width within what a street can be (1.5–80 m)."""
        problems = []
        lines_given = parameters.get(self.STREETS) not in (None, "")
        polygons_given = parameters.get(self.STREET_POLYGONS) not in (None, "")
        if lines_given == polygons_given:
            problems.append(tr("Give the streets either as centre-lines or as street polygons, not both or none."))
        try:
            policy_from_table(
                self.parameterAsMatrix(parameters, self.CLASS_WIDTHS, context),
                self.parameterAsDouble(parameters, self.DEFAULT_WIDTH, context),
            )
        except HabitatError as error:
            problems.append(str(error))
        precision = self.parameterAsDouble(parameters, self.SAMPLING_PRECISION, context)
        if self.parameterAsBool(parameters, self.SAMPLING, context) and precision > MAX_SAMPLING_PRECISION:
            problems.append(
                tr(
                    "The sampling precision is ±{0} points: at most ±{1}, because a wider 95 % interval "
                    "says nothing about a street share of 15–30 %.",
                    f"{precision:g}",
                    f"{MAX_SAMPLING_PRECISION:g}",
                )
            )
        return problems

    def process(self, parameters, context, feedback):
        from shapely.ops import unary_union

        extent = self.required_source(parameters, self.URBAN_EXTENT, context)
        spaces = self.parameterAsSource(parameters, self.PUBLIC_SPACES, context)
        streets = self.parameterAsSource(parameters, self.STREETS, context)
        street_polygons = self.parameterAsSource(parameters, self.STREET_POLYGONS, context)
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        if (streets is None) == (street_polygons is None):
            raise HabitatError(tr("Give the streets either as centre-lines or as street polygons, not both or none."))
        inputs = [item for item in (extent, spaces, streets, street_polygons, districts) if item is not None]
        crs = self.analysis_crs(inputs, parameters, context, feedback)

        cities, city_names = self.named_polygons(
            extent,
            self.parameterAsString(parameters, self.CITY_NAME_FIELD, context),
            crs,
            context,
            feedback,
            tr("urban extent"),
        )
        extent_label = self.input_label(parameters, self.URBAN_EXTENT, context)
        if not cities or not sum(city.area for city in cities) > 0:
            raise HabitatError(tr('The urban extent "{0}" has no polygon with an area to measure.', extent_label))
        space_shapes = []
        if spaces is not None:
            space_shapes, _ = self.named_polygons(spaces, None, crs, context, feedback, tr("public spaces"))
        feedback.setProgress(10)

        widths = None  # (lines, widths, tally, policy) of centre-lines
        if streets is not None:
            widths = self.street_widths(parameters, context, feedback, streets, crs)
            street_area = street_corridors(widths[0], widths[1], cancelled=feedback.isCanceled)
            if feedback.isCanceled():
                raise Cancelled()
        else:
            shapes, _ = self.named_polygons(street_polygons, None, crs, context, feedback, tr("street polygons"))
            street_area = unary_union(shapes) if shapes else None
        feedback.setProgress(40)
        self.check_overlap(parameters, context, feedback, cities, city_names, street_area, space_shapes, extent_label)

        rows = [
            ("city", share)
            for share in land_shares(cities, city_names, space_shapes, street_area, progress_callback(feedback, 50, 70))
        ]
        clipped = district_names = None
        if districts is not None:
            shapes, district_names = self.named_polygons(
                districts,
                self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context),
                crs,
                context,
                feedback,
                tr("districts"),
            )
            city_union = unary_union(cities)
            clipped = [shape.intersection(city_union) for shape in shapes]
            outside = [name for name, shape in zip(district_names, clipped) if not shape.area > 0]
            if outside and len(outside) == len(clipped):
                raise HabitatError(
                    tr(
                        'No district of "{0}" lies inside the urban extent "{1}": check that both '
                        "cover the same place.",
                        self.input_label(parameters, self.DISTRICTS, context),
                        extent_label,
                    )
                )
            if outside:
                feedback.pushWarning(
                    tr(
                        "{0} districts lie outside the urban extent and have no share: {1}.",
                        len(outside),
                        ", ".join(outside[:20]) + (" …" if len(outside) > 20 else ""),
                    )
                )
            rows += [
                ("district", share)
                for share in land_shares(
                    clipped, district_names, space_shapes, street_area, progress_callback(feedback, 70, 80)
                )
            ]
        # The street share with every width 25 % narrower and wider, one value (low, high) per row.
        sensitivity = [(None, None)] * len(rows)
        if widths is not None:
            scaled = []
            for factor in WIDTH_FACTORS:
                areas, names = list(cities), list(city_names)
                if clipped is not None:
                    areas, names = areas + clipped, names + district_names
                shares = corridor_shares(
                    areas, names, space_shapes, widths[0], widths[1], factor, cancelled=feedback.isCanceled
                )
                if shares is None:
                    raise Cancelled()
                scaled.append([share.street_pct for share in shares])
            sensitivity = list(zip(*scaled))
        samples = {}  # the estimate of each city by its position: two cities may share a name
        if self.parameterAsBool(parameters, self.SAMPLING, context):
            precision = self.parameterAsDouble(parameters, self.SAMPLING_PRECISION, context)
            for position, (city, name) in enumerate(zip(cities, city_names)):
                try:
                    estimate = sampled_street_share(
                        city, street_area, precision, name=name, cancelled=feedback.isCanceled
                    )
                except HabitatError as error:  # one small town: no estimate for it, the others keep theirs
                    feedback.pushWarning(str(error))
                    continue
                if estimate is None:
                    raise Cancelled()
                samples[position] = estimate
                if not estimate.converged:
                    feedback.pushWarning(
                        tr(
                            "{0}: the sample ran out of circles before the 95 % confidence interval "
                            "reached ±{1} points.",
                            name,
                            f"{precision:g}",
                        )
                    )
        feedback.setProgress(90)

        tally = widths[2] if widths is not None else None
        width_notes = None
        if tally is not None:
            width_notes = {
                "tally": tally,
                "default": widths[3].default_width,
                "problems": tally.problems(),
                "sensitivity": sensitivity,
            }
        outputs = {
            self.OUTPUT_STREET_AREA: self.write_street_area(parameters, context, cities, city_names, street_area, crs),
            self.OUTPUT_TABLE: self.write_table(parameters, context, rows, samples, sensitivity),
        }
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = land_share_report(
                report_path,
                rows,
                samples,
                cities,
                street_area,
                space_shapes,
                self.report_settings(feedback),
                width_notes,
            )
        city_rows_only = [share for level, share in rows if level == "city"]
        area = sum(share.area_m2 for share in city_rows_only)
        outputs["SHARE_TOTAL"] = 100 * sum(s.total_m2 for s in city_rows_only) / area
        outputs["SHARE_PUBLIC_SPACE"] = 100 * sum(s.ops_m2 for s in city_rows_only) / area
        outputs["SHARE_STREETS"] = 100 * sum(s.street_m2 for s in city_rows_only) / area
        city_sensitivity = [pair for (level, _), pair in zip(rows, sensitivity) if level == "city"]
        for key, position in (("SHARE_STREETS_LOW", 0), ("SHARE_STREETS_HIGH", 1)):
            outputs[key] = (
                sum(pair[position] * share.area_m2 for pair, share in zip(city_sensitivity, city_rows_only)) / area
                if widths is not None
                else None
            )
        outputs.update(
            {
                "WIDTH_MEASURED": tally.count[MEASURED] if tally else 0,
                "WIDTH_CLASS": tally.count[CLASS] if tally else 0,
                "WIDTH_DEFAULT": tally.count[DEFAULT] if tally else 0,
                "WIDTH_REJECTED": tally.rejected if tally else 0,
                "WIDTH_UNREADABLE": tally.unreadable if tally else 0,
            }
        )
        for position, (share, pair) in enumerate(zip(city_rows_only, city_sensitivity)):
            feedback.pushInfo(
                tr(
                    "{0}: public space {1} %, streets {2} %, total {3} % of {4} km² (benchmarks 15 %, 30 %, 45 %).",
                    share.name,
                    f"{share.ops_pct:.1f}",
                    f"{share.street_pct:.1f}",
                    f"{share.total_pct:.1f}",
                    f"{share.area_m2 / 1e6:.2f}",
                )
            )
            if pair[0] is not None:
                feedback.pushInfo(
                    tr(
                        "{0}: streets {1} % with every width 25 % narrower, {2} % with every width 25 % wider.",
                        share.name,
                        f"{pair[0]:.1f}",
                        f"{pair[1]:.1f}",
                    )
                )
            estimate = samples.get(position)
            if estimate is not None:
                feedback.pushInfo(
                    tr(
                        "{0}: sampled street share {1} % (95 % interval {2}–{3} %, {4} circles).",
                        share.name,
                        f"{estimate.street_pct:.1f}",
                        f"{estimate.low_pct:.1f}",
                        f"{estimate.high_pct:.1f}",
                        estimate.samples,
                    )
                )
        return outputs

    def check_overlap(self, parameters, context, feedback, cities, names, street_area, space_shapes, extent_label):
        """Streets that miss every city are two places (or a wrong CRS): a clear error naming both, never a street
        share of 0 %. A city without a street, and public spaces that miss every city, are warned about."""
        from shapely.ops import unary_union

        street_name = self.input_label(
            parameters,
            self.STREETS if parameters.get(self.STREETS) not in (None, "") else self.STREET_POLYGONS,
            context,
        )
        if street_area is None or street_area.is_empty:
            raise HabitatError(tr('The streets "{0}" hold no street area to measure.', street_name))
        without = [name for name, city in zip(names, cities) if not street_area.intersects(city)]
        if len(without) == len(cities):
            raise HabitatError(
                tr(
                    'The streets "{0}" and the urban extent "{1}" do not overlap: no street lies in '
                    "any city. Check that both cover the same place and that each layer's coordinate "
                    "system is right.",
                    street_name,
                    extent_label,
                )
            )
        if without:
            feedback.pushWarning(
                tr(
                    '{0} cities have no street in "{1}" and a street share of 0 %: {2}.',
                    len(without),
                    street_name,
                    ", ".join(without[:20]) + (" …" if len(without) > 20 else ""),
                )
            )
        spaces = [shape for shape in space_shapes if shape is not None and not shape.is_empty]
        if not spaces or not unary_union(spaces).intersects(unary_union(cities)):
            feedback.pushWarning(
                tr(
                    'No public space of "{0}" lies inside the urban extent "{1}": the public '
                    "space share is 0 %. Check that both cover the same place.",
                    self.input_label(parameters, self.PUBLIC_SPACES, context),
                    extent_label,
                )
            )

    def street_widths(self, parameters, context, feedback, streets, crs):
        """(lines, widths, WidthTally, WidthPolicy) of the centre-lines: the street_width policy, per line part."""
        width_field = self.parameterAsString(parameters, self.WIDTH_FIELD, context)
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        default = self.parameterAsDouble(parameters, self.DEFAULT_WIDTH, context)
        policy = policy_from_table(self.parameterAsMatrix(parameters, self.CLASS_WIDTHS, context), default)
        # A layer from Streets from OpenStreetMap says which of its widths were estimated: keep that in the counts.
        source_field = WIDTH_SOURCE_FIELD if width_field and WIDTH_SOURCE_FIELD in streets.fields().names() else None
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes(
            [name for name in (width_field, class_field, source_field) if name], streets.fields()
        )
        lines, widths, tally, skipped = [], [], WidthTally(), 0
        for number, feature in enumerate(features_in_crs(streets, crs, context.transformContext(), request)):
            if number % 1000 == 0 and feedback.isCanceled():
                raise Cancelled()
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                skipped += 1
                continue
            parts = [part for part in _line_parts(geometry) if len(part) >= 2]
            if not parts:  # a collection without lines, a line of one point
                skipped += 1
                continue
            width = record_width(
                policy,
                tally,
                _value(feature, width_field),
                _value(feature, class_field),
                geometry.length(),
                _value(feature, source_field),
            )
            lines.extend(parts)
            widths.extend([width] * len(parts))
        if skipped:
            feedback.pushWarning(tr("{0} street features without a usable line geometry were skipped.", skipped))
        if not lines:
            raise HabitatError(
                tr('The streets "{0}" hold no line to measure.', self.input_label(parameters, self.STREETS, context))
            )
        feedback.pushInfo(tally.summary(policy.default_width))
        for line in tally.problems():
            feedback.pushWarning(line)
        return lines, widths, tally, policy

    def write_street_area(self, parameters, context, cities, names, street_area, crs):
        fields = QgsFields()
        fields.append(QgsField("city", TEXT))
        fields.append(QgsField("street_m2", DOUBLE))
        sink, dest_id = self.create_sink(
            parameters, self.OUTPUT_STREET_AREA, context, fields, WkbType.MultiPolygon, crs
        )
        for city, name in zip(cities, names):
            clipped = street_area.intersection(city) if street_area is not None else None
            if clipped is None or clipped.is_empty:
                continue
            geometry = from_shapely(clipped)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([name, clipped.area])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, "street_area.qml", tr("Street area"))
        return dest_id

    def write_table(self, parameters, context, rows, samples, sensitivity):
        fields = QgsFields()
        columns = [
            ("level", TEXT),
            ("name", TEXT),
            ("area_km2", DOUBLE),
            ("ops_m2", DOUBLE),
            ("street_m2", DOUBLE),
            ("overlap_m2", DOUBLE),
            ("total_m2", DOUBLE),
            ("ops_pct", DOUBLE),
            ("street_pct", DOUBLE),
            ("total_pct", DOUBLE),
            ("street_lo", DOUBLE),
            ("street_hi", DOUBLE),
            ("bench_ops", DOUBLE),
            ("bench_str", DOUBLE),
            ("bench_tot", DOUBLE),
            ("meets_tot", INT),
            ("sample_n", INT),
            ("sample_pct", DOUBLE),
            ("sample_low", DOUBLE),
            ("sample_high", DOUBLE),
        ]
        for name, kind in columns:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_TABLE, context, fields, WkbType.NoGeometry, None)
        for position, ((level, share), (street_low, street_high)) in enumerate(zip(rows, sensitivity)):
            estimate = samples.get(position) if level == "city" else None  # the city rows come first
            feature = QgsFeature(fields)
            feature.setAttributes(
                [
                    level,
                    share.name,
                    share.area_m2 / 1e6,
                    share.ops_m2,
                    share.street_m2,
                    share.street_overlap_m2,
                    share.total_m2,
                    share.ops_pct,
                    share.street_pct,
                    share.total_pct,
                    street_low,
                    street_high,
                    BENCHMARK_OPS,
                    BENCHMARK_STREETS,
                    BENCHMARK_TOTAL,
                    int(share.total_pct >= BENCHMARK_TOTAL),
                    estimate.samples if estimate else None,
                    estimate.street_pct if estimate else None,
                    estimate.low_pct if estimate else None,
                    estimate.high_pct if estimate else None,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Land allocated to streets and public space"))
        return dest_id


def _line_parts(geometry) -> list:
    """The line parts of a QgsGeometry as coordinate lists: plain and multi lines from the WKB, curves segmentised,
    the lines of a geometry collection (what some tools write into a line layer) taken out of it."""
    parts = wkb_line_parts(bytes(geometry.asWkb()))
    if parts is not None:
        return parts
    if QgsWkbTypes.geometryType(geometry.wkbType()) != GeometryType.Line:
        geometry = geometry.convertToType(GeometryType.Line, True)
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return []
    try:
        polylines = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
    except TypeError:  # a type QGIS cannot give as lines
        return []
    return [[(p.x(), p.y()) for p in line] for line in polylines]


def _value(feature, field):
    """The value of ``field`` (None: no such field) of a feature as plain Python: NULL becomes None."""
    if not field:
        return None
    value = feature[field]
    return None if is_null(value) else value
