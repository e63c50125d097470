"""habitat:sdg1171cities — SDG 11.7.1 (a) and (b) for every city of a country in one batch run on Dask.

A recipe: the layers' files and the parameters go to batch/ (the same code as `python -m
habitat_planning_plugin.batch`), which reads each city's part of every layer on a Dask worker; the rows come back
as each city finishes and are kept in the output folder, so a run that is stopped resumes there.
"""

from qgis.core import (
    QgsProcessingOutputFolder,
    QgsProcessingOutputHtml,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProviderRegistry,
)

from ...batch.task import NOT_WALKABLE_CLASSES, BatchConfig
from ...compat import ProcessingFieldParameterDataType, ProcessingNumberParameterType, ProcessingSourceType
from ...core.text import HabitatError, tr, tr_noop
from ..base import HabitatAlgorithm


class Sdg1171CitiesAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "sdg1171cities"
    DISPLAY_NAME = tr_noop("SDG 11.7.1 for every city of a country (batch, Dask)")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("SDG 11.7.1"), tr_noop("batch"), tr_noop("national"), tr_noop("Dask"))
    REQUIRED_PACKAGES = ("distributed", "scipy", "shapely")
    KEEPS_PARTIAL_OUTPUTS = True  # finished cities stay in the folder: the next run resumes from them
    SHORT_HELP = tr_noop(
        "SDG 11.7.1 (a) and (b) for every city of a country in one run: give the urban extents (one polygon per "
        "city), the national street and public space layers and the national population grid. Each city is a "
        "task on Dask: it reads only its part of every layer (its extent plus the walking distance) and runs "
        "exactly what the single-city tools run, for every population group, network and straight-line. Without "
        "a scheduler address the run uses a Dask cluster on this computer, one worker per core; with an address "
        "(tcp://host:8786) it uses that cluster, whose workers must open the same files (a shared disk). Results "
        "are kept as each city finishes, so running again with the same output folder resumes a stopped run; a "
        "city whose data is unusable is listed with its reason and the run goes on. The output folder gets a table "
        "of the cities (CSV and GeoPackage) and a national report."
    )

    URBAN_EXTENTS = "URBAN_EXTENTS"
    NAME_FIELD = "NAME_FIELD"
    STREETS = "STREETS"
    WIDTH_FIELD = "WIDTH_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    PUBLIC_SPACES = "PUBLIC_SPACES"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_FIELDS = "POPULATION_FIELDS"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    CITY_REPORTS = "CITY_REPORTS"
    MAX_DISTANCE = "MAX_DISTANCE"
    ENTRY_TOLERANCE = "ENTRY_TOLERANCE"
    MAX_CELL_SIZE = "MAX_CELL_SIZE"
    SCHEDULER = "SCHEDULER"
    WORKERS = "WORKERS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, line = [ProcessingSourceType.VectorPolygon], [ProcessingSourceType.VectorLine]
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.URBAN_EXTENTS, tr("Urban extents"), polygon),
            tr_noop("One polygon per city (for example from Urban extent from built-up data)."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("City name field"), parentLayerParameterName=self.URBAN_EXTENTS, optional=True
            ),
            tr_noop("Field with the city names; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.STREETS, tr("Street network (lines)"), line),
            tr_noop(
                "The national street centre-lines, in a file (GeoPackage with a spatial index "
                "is best: each city reads only its part)."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.WIDTH_FIELD, tr("Street width field (m)"), parentLayerParameterName=self.STREETS, optional=True
            ),
            tr_noop("Measured widths for SDG 11.7.1 (a); else the width of the road class."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.CLASS_FIELD, tr("Road class field"), parentLayerParameterName=self.STREETS, optional=True
            ),
            tr_noop(
                "Road classes (OSM highway values): the width table and the walking network "
                "(motorways and trunk roads left out) use them."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.PUBLIC_SPACES, tr("Open public spaces (polygons)"), polygon),
            tr_noop(
                "The open public spaces that count for SDG 11.7.1, in a file; a filter of the "
                "layer (such as counted = 1) is kept."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterRasterLayer(self.POPULATION_RASTER, tr("Population grid (raster)"), optional=True),
            tr_noop(
                "The national population grid; every band is a population group (band 1: "
                "total). Each city reads only its window. Give either this grid or a population "
                "layer."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.POPULATION_LAYER,
                tr("Population layer (points or polygons)"),
                [ProcessingSourceType.VectorAnyGeometry],
                optional=True,
            ),
            tr_noop(
                "Features with population counts, such as census blocks or buildings, in a file. "
                "A polygon's people are spread evenly over points 50 m apart inside it."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELDS,
                tr("Population count fields"),
                parentLayerParameterName=self.POPULATION_LAYER,
                type=ProcessingFieldParameterDataType.Numeric,
                allowMultiple=True,
                optional=True,
            ),
            tr_noop("Numeric fields of the population layer, one per group (the first is the total)."),
        )
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.DISTRICTS, tr("Districts (optional)"), polygon, optional=True),
            tr_noop(
                "District polygons, in a file: each city's numbers are also given per district "
                "(clipped to its urban extent) in a second table and on the city reports."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.DISTRICT_NAME_FIELD,
                tr("District name field"),
                parentLayerParameterName=self.DISTRICTS,
                optional=True,
            ),
            tr_noop("Field with the district names; the feature id when empty."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE,
                tr("Walking distance (m)"),
                ProcessingNumberParameterType.Double,
                400.0,
                minValue=1.0,
                maxValue=5000.0,
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
                maxValue=200.0,
            ),
            tr_noop("A street this close to a space's edge has an entrance there."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.MAX_CELL_SIZE,
                tr("Largest population cell (m)"),
                ProcessingNumberParameterType.Double,
                100.0,
                minValue=10.0,
            ),
            tr_noop("Coarser population cells are spread over sub-cells inside the urban extent."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterString(self.SCHEDULER, tr("Dask scheduler address (optional)"), optional=True),
            tr_noop(
                "The address of an existing Dask cluster, such as tcp://10.0.0.5:8786. Empty: a "
                "cluster on this computer."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.WORKERS,
                tr("Workers on this computer (0: one per core)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
                maxValue=256,
            ),
            tr_noop("How many worker processes the cluster on this computer starts."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterBoolean(self.CITY_REPORTS, tr("A report for every city"), False),
            tr_noop(
                "Also write one report per measured city (with its districts) into the "
                "city_reports folder of the output folder."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")),
            tr_noop(
                "Where the results are kept as each city finishes; run again with the same "
                "folder to resume a stopped run."
            ),
        )
        self.addOutput(
            QgsProcessingOutputVectorLayer(
                "OUTPUT_TABLE", tr("Cities with SDG 11.7.1"), ProcessingSourceType.VectorPolygon
            )
        )
        self.addOutput(
            QgsProcessingOutputVectorLayer(
                "OUTPUT_DISTRICTS", tr("Districts with SDG 11.7.1"), ProcessingSourceType.VectorPolygon
            )
        )
        self.addOutput(QgsProcessingOutputHtml("OUTPUT_REPORT", tr("National report")))
        self.addOutput(QgsProcessingOutputFolder("OUTPUT_CITY_REPORTS", tr("City reports")))
        self.add_number_outputs(
            [
                ("CITIES", tr("Cities")),
                ("CITIES_OK", tr("Cities measured")),
                ("CITIES_FAILED", tr("Cities not measured")),
                ("POP_TOTAL", tr("Total population")),
                ("SHARE_SERVED", tr("Share served (%)")),
            ]
        )

    def file_of(self, parameters, name, context):
        """(path, layer name, filter) of a file-based vector input; a clear error for anything else."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        description = self.parameterDefinition(name).description()
        if layer is None or layer.providerType() != "ogr":
            raise HabitatError(
                tr(
                    '"{0}" must be a layer saved in a file (GeoPackage, Shapefile…): the Dask '
                    "workers open it themselves. Save it with Export ▸ Save Features As.",
                    description,
                )
            )
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        return parts.get("path"), parts.get("layerName") or None, parts.get("subset") or None

    def process(self, parameters, context, feedback):
        from ...batch.driver import read_cities, run_batch
        from ...batch.outputs import write_outputs

        extents = self.required_source(parameters, self.URBAN_EXTENTS, context)
        streets = self.required_source(parameters, self.STREETS, context)
        spaces = self.required_source(parameters, self.PUBLIC_SPACES, context)
        raster, people, fields = self.population_input(parameters, context)
        population_file, population_layer = raster.source() if raster is not None else None, None
        if people is not None:
            population_file, population_layer, _ = self.file_of(parameters, self.POPULATION_LAYER, context)
        districts = self.parameterAsSource(parameters, self.DISTRICTS, context)
        districts_file = districts_layer = districts_where = None
        if districts is not None:
            districts_file, districts_layer, districts_where = self.file_of(parameters, self.DISTRICTS, context)
        crs = self.analysis_crs(
            [extents, streets, spaces, raster or people] + ([districts] if districts is not None else []),
            parameters,
            context,
            feedback,
        )
        extents_file, extents_layer, extents_where = self.file_of(parameters, self.URBAN_EXTENTS, context)
        streets_file, streets_layer, streets_where = self.file_of(parameters, self.STREETS, context)
        spaces_file, spaces_layer, spaces_where = self.file_of(parameters, self.PUBLIC_SPACES, context)
        config = BatchConfig(
            streets=streets_file,
            streets_layer=streets_layer,
            streets_where=streets_where,
            public_spaces=spaces_file,
            public_spaces_layer=spaces_layer,
            public_spaces_where=spaces_where,
            population=population_file,
            population_layer=population_layer,
            population_fields=tuple(fields),
            crs=crs.toWkt(),
            width_field=self.parameterAsString(parameters, self.WIDTH_FIELD, context) or None,
            class_field=self.parameterAsString(parameters, self.CLASS_FIELD, context) or None,
            walkable_field=next((n for n in streets.fields().names() if n.lower() == "walkable"), None),
            excluded_classes=NOT_WALKABLE_CLASSES,
            max_distance=self.parameterAsDouble(parameters, self.MAX_DISTANCE, context),
            entry_tolerance=self.parameterAsDouble(parameters, self.ENTRY_TOLERANCE, context),
            max_cell_size=self.parameterAsDouble(parameters, self.MAX_CELL_SIZE, context),
            backend="ogr",
            districts=districts_file,
            districts_layer=districts_layer,
            districts_where=districts_where,
            district_name_field=self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context) or None,
        )
        if extents_where:
            feedback.pushInfo(
                tr("The filter of the urban extents layer is not applied by the batch: {0}", extents_where)
            )
        cities, warnings = read_cities(
            extents_file,
            extents_layer,
            self.parameterAsString(parameters, self.NAME_FIELD, context) or None,
            crs.toWkt(),
            "ogr",
        )
        for warning in warnings:
            feedback.pushWarning(warning)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        feedback.pushInfo(tr("{0} cities; results kept in {1}.", len(cities), folder))

        def progress(done, total, people, seconds_left):
            feedback.setProgress(95.0 * done / total)
            left = tr(", about {0} min left", f"{seconds_left / 60:.1f}") if seconds_left is not None else ""
            feedback.setProgressText(
                tr("{0} of {1} cities, {2} people counted{3}", done, total, f"{people:,.0f}", left)
            )

        result = run_batch(
            config,
            cities,
            folder,
            self.parameterAsString(parameters, self.SCHEDULER, context) or None,
            self.parameterAsInt(parameters, self.WORKERS, context) or None,
            progress=progress,
            log=feedback.pushInfo,
            cancelled=feedback.isCanceled,
        )
        paths = write_outputs(
            folder,
            result.rows,
            cities,
            crs.toWkt(),
            self.report_settings(feedback),
            city_reports=self.parameterAsBool(parameters, self.CITY_REPORTS, context),
        )
        ok = [row for row in result.rows if row.get("status") == "ok"]
        for row in result.rows:
            if row.get("status") != "ok":
                feedback.pushWarning(
                    tr("{0}: not measured ({1}) {2}", row.get("name"), row.get("status"), row.get("message") or "")
                )
        people = sum(row.get("population") or 0.0 for row in ok)
        served = sum(row.get("served") or 0.0 for row in ok)
        share = 100.0 * served / people if people > 0 else None
        feedback.pushInfo(
            tr(
                "{0} of {1} cities measured; {2} % of {3} people within walking distance of an open public space.",
                len(ok),
                len(result.rows),
                "—" if share is None else f"{share:.1f}",
                f"{people:,.0f}",
            )
        )
        return {
            self.OUTPUT_FOLDER: folder,
            "OUTPUT_TABLE": paths["gpkg"] + "|layername=cities",
            "OUTPUT_DISTRICTS": paths["gpkg"] + "|layername=districts" if "districts_csv" in paths else None,
            "OUTPUT_REPORT": paths.get("report"),
            "OUTPUT_CITY_REPORTS": paths.get("city_reports"),
            "CITIES": len(result.rows),
            "CITIES_OK": len(ok),
            "CITIES_FAILED": len(result.rows) - len(ok),
            "POP_TOTAL": people,
            "SHARE_SERVED": share,
        }
