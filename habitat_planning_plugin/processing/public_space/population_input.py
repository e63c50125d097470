"""The population input every walking tool reads the same way: a population raster (every band a group; coarse
cells spread over sub-cells, evenly or by a built-up raster or building footprints where the tool offers them) or
a point/polygon layer with one field per group. Used by access, gaps, siting, upgrade and the scorecard."""

import numpy as np

from ...core.public_space.population import BUILDINGS, BUILT_UP, EVEN, IN_EXTENT
from ...core.text import HabitatError, tr, tr_noop
from ...qgis_io import point_population, raster_population

SPREAD_LABELS = {
    EVEN: tr_noop("spread evenly over {0} × {0} sub-cells"),
    IN_EXTENT: tr_noop("spread evenly over those of their {0} × {0} sub-cells inside the urban extent"),
    BUILT_UP: tr_noop("spread over {0} × {0} sub-cells in proportion to the built-up raster"),
    BUILDINGS: tr_noop("spread over {0} × {0} sub-cells in proportion to building footprint area"),
}
DEFAULT_MAX_CELL_M = 100.0


def population_points(algorithm, parameters, context, feedback, crs, extent_shapes=None):
    """(points, weights (n × groups), group names, input label, spread or None) of the population input, in
    ``crs``; the people outside ``extent_shapes`` are not spread into it. A clear error when it holds no people."""
    raster, population, fields = algorithm.population_input(parameters, context)
    transform_context = context.transformContext()
    spread = None
    if raster is not None:
        from shapely.ops import unary_union

        def optional(name, read):
            return read(parameters, name, context) if algorithm.parameterDefinition(name) is not None else None

        max_cell = optional("MAX_CELL_SIZE", algorithm.parameterAsDouble) or DEFAULT_MAX_CELL_M
        points, weights, groups, nodata_cells, spread = raster_population(
            raster,
            crs,
            transform_context,
            max_cell,
            optional("BUILT_UP", algorithm.parameterAsRasterLayer),
            optional("BUILDINGS", algorithm.parameterAsSource),
            unary_union(extent_shapes) if extent_shapes else None,
        )
        if nodata_cells:
            feedback.pushInfo(tr("{0} nodata cells of the population grid were left out.", nodata_cells))
        if spread is not None:
            feedback.pushInfo(
                tr(
                    "Population cells of {0} m were {1}.",
                    f"{spread.cell_size:,.0f}",
                    tr(SPREAD_LABELS[spread.method], spread.factor),
                )
            )
            if spread.cells_spread_evenly:
                feedback.pushWarning(
                    tr(
                        "{0} populated cells hold no built-up land or building: they were spread evenly.",
                        spread.cells_spread_evenly,
                    )
                )
    else:
        points, weights, skipped = point_population(population, fields, crs, transform_context)
        groups = list(fields)
        if skipped:
            feedback.pushWarning(tr("{0} population features without geometry were skipped.", skipped))
    name = algorithm.input_label(
        parameters, algorithm.POPULATION_RASTER if raster is not None else algorithm.POPULATION_LAYER, context
    )
    weights = np.asarray(weights, dtype=float).reshape(len(points), -1) if len(points) else np.zeros((0, 1))
    if len(points) == 0 or not np.any(weights[:, 0] > 0):
        raise HabitatError(
            tr('The population input "{0}" holds no people: every cell or feature is nodata, zero or negative.', name)
        )
    return points, weights, groups, name, spread
