"""habitat:publicspacesiting — where new public space brings the most people within walking distance."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import (
    DOUBLE,
    INT,
    FeatureRequestFlag,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ...core.public_space.access import check_overlap
from ...core.public_space.groups import group_index, group_label
from ...core.public_space.report_action import siting_report
from ...core.public_space.report_values import listed, pct, whole_number
from ...core.public_space.siting import MILP, MILP_MAX_PAIRS, MILP_TIME_LIMIT, candidate_coverage, choose_sites
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import from_shapely, read_polygons
from ..base import HabitatAlgorithm, progress_callback
from ..outputs import extended_fields, is_null
from ..parameters import add_population_parameters, add_road_class_parameters
from ..styles import BLUES, Graduated
from .population_input import population_points
from .walking import walkable_lines

STATUS_LABELS = {
    "optimal": tr_noop("optimal"),
    "time limit": tr_noop("stopped at the time limit"),
    "too large": tr_noop("too large for the exact solver"),
    "not asked": tr_noop("not asked"),
}


class PublicSpaceSitingAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspacesiting"
    DISPLAY_NAME = tr_noop("Where to add public space (siting)")
    GROUP_ID = "publicspace"
    TAGS = (
        tr_noop("SDG 11.7.1"),
        tr_noop("public space"),
        tr_noop("site selection"),
        tr_noop("walking distance"),
        tr_noop("maximal covering"),
    )
    REQUIRED_PACKAGES = ("scipy", "shapely")
    SHORT_HELP = tr_noop(
        "Chooses among candidate sites (vacant land, public parcels) the new open public spaces that bring the most "
        "people within walking distance (400 m by default, SDG 11.7.1 (b)) of an open public space, along the "
        "street network: a given number of sites, or as many as a budget allows. Distances, entrances and the "
        "urban extent are measured exactly as in SDG 11.7.1 (b) walking access, so building the chosen sites gives "
        "the share this tool reports. People served by the existing spaces count for no site. The sites are chosen "
        "greedily by their exact additional population (per unit of cost with a budget), and the exact maximal "
        "covering problem is solved with the HiGHS solver when it is small enough; the better solution is kept and "
        "its distance from the best possible (the optimality gap) is reported. Outputs: the chosen sites in order "
        "with the people each adds, the curve of the share served against the number of new spaces, and the new "
        "SDG 11.7.1 (b) value."
    )

    STREETS = "STREETS"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    EXCLUDED_CLASSES = "EXCLUDED_CLASSES"
    PUBLIC_SPACES = "PUBLIC_SPACES"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_NAME_FIELD = "CANDIDATE_NAME_FIELD"
    COST_FIELD = "COST_FIELD"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_FIELDS = "POPULATION_FIELDS"
    POPULATION_GROUP = "POPULATION_GROUP"
    URBAN_EXTENT = "URBAN_EXTENT"
    NUMBER_OF_SITES = "NUMBER_OF_SITES"
    BUDGET = "BUDGET"
    MIN_AREA = "MIN_AREA"
    MAX_DISTANCE = "MAX_DISTANCE"
    ENTRY_TOLERANCE = "ENTRY_TOLERANCE"
    MAX_CELL_SIZE = "MAX_CELL_SIZE"
    EXACT = "EXACT"
    TIME_LIMIT = "TIME_LIMIT"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    OUTPUT_SITES = "OUTPUT_SITES"
    OUTPUT_CURVE = "OUTPUT_CURVE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.STREETS, tr("Street network (lines)"), [ProcessingSourceType.VectorLine]
            ),
            tr_noop(
                "Street centre-lines. Lines that share a vertex are connected; lines that only cross (bridges, "
                "tunnels) are not."
            ),
        )
        add_road_class_parameters(
            self,
            field_help=tr_noop(
                "Field of the streets with the road class (OSM highway values such as motorway or residential), "
                "to leave out the classes below. A field named walkable with 0 leaves a street out as well."
            ),
            classes_help=tr_noop(
                "Comma-separated values of the road class field left out of the walking network. The default "
                "leaves out motorways and trunk roads."
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
                "The open public spaces there are today (for example the counted spaces of the public space "
                "inventory). People they serve already count for no new site. Without them every site is "
                "measured against no public space at all."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.CANDIDATES, tr("Candidate sites (polygons)"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop(
                "Land that could become open public space: vacant plots, public parcels, under-used land. "
                "Each polygon is one candidate site."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CANDIDATE_NAME_FIELD,
                tr("Candidate name field"),
                parentLayerParameterName=self.CANDIDATES,
                optional=True,
            ),
            tr_noop("Field naming the candidate sites in the log and the report; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.COST_FIELD,
                tr("Cost field"),
                parentLayerParameterName=self.CANDIDATES,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop(
                "Numeric field with the cost of each candidate site (money, or area in m² to spend land), "
                "needed for a budget. Costs must be 0 or more and not empty."
            ),
        )
        add_population_parameters(
            self,
            grid_help=tr_noop(
                "Persons per cell; every band is a population group (band 1: total). Nodata cells are ignored. "
                "Give either this grid or a population layer."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterString(
                self.POPULATION_GROUP, tr("Population group to serve (optional)"), optional=True
            ),
            tr_noop(
                "The group whose people the sites should reach, such as children_0_14: a band name of the "
                "grid, a count field of the layer, or its number (1 is the total). Empty: all residents. The "
                "share of all residents is reported in every case."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.URBAN_EXTENT, tr("Urban extent (optional)"), [ProcessingSourceType.VectorPolygon], optional=True
            ),
            tr_noop(
                "The built-up area of the city: only people inside it count, as in SDG 11.7.1 (b). Without it "
                "every person of the population input counts."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.NUMBER_OF_SITES,
                tr("Number of new public spaces"),
                ProcessingNumberParameterType.Integer,
                5,
                minValue=0,
            ),
            tr_noop(
                "How many sites to choose, at most. 0: as many as the budget allows. The tool stops earlier "
                "when no other candidate would serve anyone new."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.BUDGET, tr("Budget (optional)"), ProcessingNumberParameterType.Double, 0.0, minValue=0.0
            ),
            tr_noop("The most the chosen sites may cost together, in the unit of the cost field. 0: no budget."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA, tr("Minimum site size (m²)"), ProcessingNumberParameterType.Double, 0.0, minValue=0.0
            ),
            tr_noop(
                "Candidates smaller than this are left out. SDG 11.7.1 counts open public spaces of any size, "
                "so the default is 0; set a local standard here (for example 1,000 m² = 0.1 ha)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE, tr("Walking distance (m)"), ProcessingNumberParameterType.Double, 400.0, minValue=1.0
            ),
            tr_noop("SDG 11.7.1 uses 400 m, about a five-minute walk."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.ENTRY_TOLERANCE,
                tr("Entry tolerance (m)"),
                ProcessingNumberParameterType.Double,
                25.0,
                minValue=0.0,
            ),
            tr_noop(
                "A street that passes this close to a space or a candidate site has an entrance there; the "
                "walk starts there with the straight distance to it. A candidate with no street this close "
                "cannot be reached and is left out."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_CELL_SIZE,
                tr("Largest population cell (m)"),
                ProcessingNumberParameterType.Double,
                100.0,
                minValue=10.0,
            ),
            tr_noop(
                "Population grid cells larger than this are spread evenly over sub-cells of at most this size "
                "before the walking distances are measured."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.EXACT, tr("Exact solution when the problem is small enough"), True),
            tr_noop(
                "Also solve the exact maximal covering problem with the HiGHS solver (up to 200,000 "
                "site-population pairs once people served by the same sites are merged) and keep it when it beats the "
                "greedy "
                "choice. Larger problems keep the greedy choice, with a bound on how far it can be from the "
                "best."
            ),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.TIME_LIMIT,
                tr("Time limit of the exact solver (s)"),
                ProcessingNumberParameterType.Double,
                MILP_TIME_LIMIT,
                minValue=1.0,
            ),
            tr_noop("The solver stops after this time with the best solution found and the gap it proved."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                tr("Vertex snapping tolerance (m)"),
                ProcessingNumberParameterType.Double,
                0.01,
                minValue=0.0001,
            ),
            tr_noop("Street vertices closer than this are treated as the same junction."),
            advanced=True,
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SITES, tr("Chosen sites"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop(
                "The chosen candidate sites with their fields, in order: site_order, gain (people newly within "
                "walking distance), gain_group (people of the chosen group), share_pct (share of the population "
                "served once this and the sites before it are built) and cost."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CURVE, tr("Share served by number of new spaces"), ProcessingSourceType.Vector
            ),
            tr_noop(
                "One row per number of new spaces (0 = today): population served and share served, for all "
                "residents and for the chosen group."
            ),
        )
        self.add_report_parameter(
            tr_noop(
                "The share served today and with the new spaces, the curve, a map of the chosen sites and the "
                "table, in the language of QGIS."
            )
        )
        self.add_number_outputs(
            [
                ("SHARE_BEFORE", tr("Share served today (%)")),
                ("SHARE_AFTER", tr("Share served with the new spaces (%)")),
                ("POP_GAIN", tr("People newly served")),
                ("SITES_CHOSEN", tr("Sites chosen")),
                ("GAP_PCT", tr("Optimality gap (%)")),
            ]
        )

    def check_values(self, parameters, context) -> list:
        problems = self.distance_limits(parameters, context, ["MAX_DISTANCE", "ENTRY_TOLERANCE", "SNAP_TOLERANCE"])
        k = self.parameterAsInt(parameters, self.NUMBER_OF_SITES, context)
        budget = self.parameterAsDouble(parameters, self.BUDGET, context)
        if k <= 0 and budget <= 0:
            problems.append(tr("Give the number of new public spaces, a budget, or both."))
        if budget > 0 and not self.parameterAsString(parameters, self.COST_FIELD, context):
            problems.append(
                tr("A budget of {0} needs the cost of each candidate site: choose the cost field.", f"{budget:g}")
            )
        return problems

    def process(self, parameters, context, feedback):
        streets = self.required_source(parameters, self.STREETS, context)
        candidates = self.required_source(parameters, self.CANDIDATES, context)
        spaces = self.parameterAsSource(parameters, self.PUBLIC_SPACES, context)
        raster, population, fields = self.population_input(parameters, context)
        extent = self.parameterAsSource(parameters, self.URBAN_EXTENT, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        k = self.parameterAsInt(parameters, self.NUMBER_OF_SITES, context) or None
        budget = self.parameterAsDouble(parameters, self.BUDGET, context) or None
        name_field = self.parameterAsString(parameters, self.CANDIDATE_NAME_FIELD, context)
        cost_field = self.parameterAsString(parameters, self.COST_FIELD, context)
        candidates_label = self.input_label(parameters, self.CANDIDATES, context)

        inputs = [streets, candidates] + [item for item in (spaces, raster, population, extent) if item is not None]
        crs = self.analysis_crs(inputs, parameters, context, feedback)
        transform_context = context.transformContext()

        lines = walkable_lines(self, streets, parameters, context, feedback, crs)
        space_shapes = []
        if spaces is not None:
            space_shapes, _, _, repaired, skipped = read_polygons(spaces, crs, transform_context)
            self.report_polygons(feedback, tr("public spaces"), repaired, skipped)

        attributes = [name for name in (name_field, cost_field) if name]
        shapes, rows, ids, repaired, skipped = read_polygons(candidates, crs, transform_context, attributes)
        self.report_polygons(feedback, tr("candidate sites"), repaired, skipped)
        if not shapes:
            raise HabitatError(
                tr(
                    'No feature of "{0}" has a usable polygon (all are without geometry, empty or without area).',
                    candidates_label,
                )
            )
        names = [str(row[0]) if name_field and not is_null(row[0]) else str(fid) for row, fid in zip(rows, ids)]
        costs = None
        if cost_field:
            values = [row[-1] for row in rows]
            bad = [name for name, value in zip(names, values) if is_null(value) or float(value) < 0]
            if bad:
                raise HabitatError(
                    tr(
                        'The cost field "{0}" of "{1}" is empty or negative for {2} candidate sites: '
                        "{3}. Give every site a cost of 0 or more.",
                        cost_field,
                        candidates_label,
                        len(bad),
                        listed(bad),
                    )
                )
            costs = np.array([float(value) for value in values])
            if budget is not None and not np.any(costs <= budget):
                raise HabitatError(
                    tr(
                        "The budget of {0} is below the cost of every candidate site (the cheapest "
                        "costs {1}): raise the budget.",
                        f"{budget:,.10g}",
                        f"{costs.min():,.10g}",
                    )
                )

        extent_shapes = []
        if extent is not None:
            extent_shapes, _, _, repaired, skipped = read_polygons(extent, crs, transform_context)
            self.report_polygons(feedback, tr("urban extent"), repaired, skipped)
        points, weights, groups, population_name, _ = population_points(
            self, parameters, context, feedback, crs, extent_shapes
        )
        check_overlap(
            points, lines[0], max_distance, population_name, self.input_label(parameters, self.STREETS, context)
        )
        group = group_index(self.parameterAsString(parameters, self.POPULATION_GROUP, context), groups)
        feedback.setProgress(10)

        coverage = candidate_coverage(
            lines,
            space_shapes,
            shapes,
            points,
            weights,
            max_distance=max_distance,
            entry_tolerance=self.parameterAsDouble(parameters, self.ENTRY_TOLERANCE, context),
            tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            extents=extent_shapes or None,
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            progress=progress_callback(feedback, 10, 80),
        )
        feedback.pushInfo(
            tr(
                "Street network: {0} vertices, {1} segments, with the entrances of the existing spaces "
                "and of {2} candidate sites.",
                coverage.n_vertices,
                coverage.n_edges,
                len(shapes),
            )
        )
        if coverage.too_small.any():
            feedback.pushInfo(
                tr(
                    "{0} candidate sites are smaller than the minimum size and were left out: {1}.",
                    int(coverage.too_small.sum()),
                    listed(_pick(names, coverage.too_small)),
                )
            )
        lost = ~coverage.reachable & ~coverage.too_small
        if lost.any():
            feedback.pushWarning(
                tr(
                    "{0} candidate sites cannot be reached: no street passes within the entry "
                    "tolerance of them. They were left out: {1}.",
                    int(lost.sum()),
                    listed(_pick(names, lost)),
                )
            )
        usable = int(coverage.usable.sum())
        if k is not None and k > usable:
            feedback.pushWarning(
                tr(
                    "{0} new public spaces were asked for, but only {1} candidate sites can be used: "
                    "at most {1} are chosen.",
                    k,
                    usable,
                )
            )
            k = usable

        selection = choose_sites(
            coverage,
            k=k,
            group=group,
            costs=costs,
            budget=budget,
            use_milp=self.parameterAsBool(parameters, self.EXACT, context),
            time_limit=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
        )
        feedback.setProgress(90)
        self.log_selection(feedback, selection, names, groups, group, coverage, k)

        total = coverage.population
        share = 100.0 * selection.served / np.where(total > 0, total, np.nan)
        outputs = {
            self.OUTPUT_SITES: self.write_sites(
                parameters, context, candidates, shapes, rows, ids, attributes, selection, share, costs, group, crs
            ),
            self.OUTPUT_CURVE: self.write_curve(parameters, context, selection, share, group),
        }
        report_path = self.report_destination(parameters, self.OUTPUT_REPORT, context, feedback)
        if report_path:
            outputs[self.OUTPUT_REPORT] = siting_report(
                report_path,
                selection,
                share,
                names,
                shapes,
                space_shapes,
                extent_shapes,
                lines,
                groups,
                group,
                max_distance,
                costs,
                settings=self.report_settings(feedback),
            )
        feedback.setProgress(100)
        outputs.update(
            {
                "SHARE_BEFORE": float(share[0, 0]),
                "SHARE_AFTER": float(share[-1, 0]),
                "POP_GAIN": float(selection.served[-1, 0] - selection.served[0, 0]),
                "SITES_CHOSEN": len(selection.order),
                "GAP_PCT": selection.gap_pct,
            }
        )
        return outputs

    def log_selection(self, feedback, selection, names, groups, group, coverage, k):
        method = tr("exact solution (HiGHS)") if selection.method == MILP else tr("greedy choice")
        status = (
            tr(STATUS_LABELS.get(selection.milp_status, ""))
            if selection.milp_status in STATUS_LABELS
            else selection.milp_status
        )
        if selection.milp_status == "too large":
            feedback.pushInfo(
                tr(
                    "The exact problem has {0} site-population pairs (more than {1}): the greedy choice is used.",
                    f"{selection.pairs:,}",
                    f"{MILP_MAX_PAIRS:,}",
                )
            )
        elif selection.milp_status != "not asked":
            feedback.pushInfo(
                tr(
                    "Exact solver: {0} ({1} site-population pairs); it found {2} people, the greedy choice {3}.",
                    status,
                    f"{selection.pairs:,}",
                    whole_number(selection.milp_objective) if selection.milp_objective is not None else "—",
                    whole_number(selection.greedy_objective),
                )
            )
        feedback.pushInfo(
            tr(
                "Kept: the {0}. Optimality gap: {1} % (no choice of sites can serve more than {2} more "
                "people of the chosen group).",
                method,
                f"{selection.gap_pct:.2f}",
                whole_number(selection.upper_bound),
            )
        )
        for position, j in enumerate(selection.order):
            if group:
                feedback.pushInfo(
                    tr(
                        "{0}. {1}: {2} people newly served, {3} of them {4}.",
                        position + 1,
                        names[j],
                        whole_number(selection.gains[position, 0]),
                        whole_number(selection.gains[position, group]),
                        group_label(groups[group]),
                    )
                )
            else:
                feedback.pushInfo(
                    tr(
                        "{0}. {1}: {2} people newly served.",
                        position + 1,
                        names[j],
                        whole_number(selection.gains[position, 0]),
                    )
                )
        if selection.stopped_early:
            feedback.pushInfo(
                tr(
                    "Only {0} sites were chosen: no other candidate site serves anyone new within the "
                    "walking distance (or fits the budget).",
                    len(selection.order),
                )
            )
        total = coverage.population
        before, after = selection.served[0], selection.served[-1]
        feedback.pushInfo(
            tr(
                "SDG 11.7.1 (b): {0} % of the population within walking distance today, {1} % with the {2} new spaces.",
                pct(100 * before[0] / total[0]),
                pct(100 * after[0] / total[0]),
                len(selection.order),
            )
        )
        if group:
            feedback.pushInfo(
                tr(
                    "{0}: {1} % today, {2} % with the new spaces.",
                    group_label(groups[group]),
                    pct(100 * before[group] / total[group]) if total[group] > 0 else "—",
                    pct(100 * after[group] / total[group]) if total[group] > 0 else "—",
                )
            )

    def write_sites(
        self, parameters, context, source, shapes, rows, ids, attributes, selection, share, costs, group, crs
    ):
        fields, kept = extended_fields(
            source.fields(),
            [("site_order", INT), ("gain", DOUBLE), ("gain_group", DOUBLE), ("share_pct", DOUBLE), ("cost", DOUBLE)],
        )
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_SITES, context, fields, WkbType.MultiPolygon, crs)
        wanted = {ids[j]: position for position, j in enumerate(selection.order)}
        values = {}
        from qgis.core import QgsFeatureRequest

        request = QgsFeatureRequest().setFilterFids(list(wanted)).setFlags(FeatureRequestFlag.NoGeometry)
        for feature in source.getFeatures(request):
            values[feature.id()] = [feature[field.name()] for field in kept]
        for position, j in enumerate(selection.order):
            feature = QgsFeature(fields)
            geometry = from_shapely(shapes[j])
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes(
                values.get(ids[j], [None] * len(kept))
                + [
                    position + 1,
                    float(selection.gains[position, 0]),
                    float(selection.gains[position, group]) if group else None,
                    float(share[position + 1, 0]),
                    float(costs[j]) if costs is not None else None,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            None,
            tr("Chosen sites for new public space"),
            renderer=Graduated("gain", BLUES[2:], unit=tr("people"), decimals=0, outline="#0d47a1", label="site_order"),
        )
        return dest_id

    def write_curve(self, parameters, context, selection, share, group):
        fields = QgsFields()
        for name, kind in (
            ("n_new_spaces", INT),
            ("served", DOUBLE),
            ("share_pct", DOUBLE),
            ("served_group", DOUBLE),
            ("share_group_pct", DOUBLE),
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_CURVE, context, fields, WkbType.NoGeometry, None)
        for n in range(len(selection.served)):
            feature = QgsFeature(fields)
            group_share = share[n, group]
            feature.setAttributes(
                [
                    n,
                    float(selection.served[n, 0]),
                    float(share[n, 0]),
                    float(selection.served[n, group]) if group else None,
                    float(group_share) if group and group_share == group_share else None,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(context, dest_id, None, tr("Share served by number of new spaces"))
        return dest_id


def _pick(names, mask):
    return [name for name, flag in zip(names, mask) if flag]
