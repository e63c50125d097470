"""Processing models shipped with the provider, built in code so that every name and input is translated.

``scripts/make_models.py`` saves an editable copy as a .model3 file for the Graphical Modeler.
"""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..catalogue import GROUPS
from ..compat import (
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
)
from ..core.text import tr, tr_noop
from ..paths import resource_path
from .base import HabitatAlgorithm
from .output_guard import OutputGuard, destination_file
from .parameter_checks import check_parameters

PUBLIC_SPACE_MODEL_ID = "citywidepublicspaceassessment"
PUBLIC_SPACE_MODEL_NAME = tr_noop("City-wide public space assessment")
PUBLIC_SPACE_MODEL_HELP = tr_noop(
    "Runs the public space tools in one go: the inventory (types, what counts, districts), then SDG 11.7.1 (a), "
    "the share of the urban area in streets and public space, and SDG 11.7.1 (b), the share of the population "
    "within walking distance of a counted public space, by district and population group. Only the spaces the "
    "inventory counts go on to the two indicators."
)


class HabitatModel(QgsProcessingModelAlgorithm):
    """A model with a stable id and a display name, help and inputs in the user's language.

    Subclasses set MODEL_ID, NAME, HELP (tr_noop texts), GROUP_ID and ICON, and build their steps in ``build``.
    """

    MODEL_ID = NAME = HELP = GROUP_ID = ICON = ""

    def __init__(self):
        super().__init__(self.MODEL_ID, tr(GROUPS[self.GROUP_ID]), self.GROUP_ID)
        self.setHelpContent({"ALG_DESC": tr(self.HELP)})
        self.build()
        self.updateDestinationParameters()  # turns the steps' outputs into the model's own outputs
        # QGIS >= 3.3x names them after their (translated) descriptions; keep QGIS 3.22's stable "step:output"
        # names, which the checks, the rollback, the guided dialog and users' scripts rely on.
        renamed = {}
        for destination in self.destinationParameterDefinitions():
            meta = destination.metadata()
            if "_modelChildId" in meta:
                name = f"{meta['_modelChildId']}:{meta['_modelChildOutputName']}"
                renamed[destination.name()] = name
                destination.setName(name)
        for output in self.outputDefinitions():
            output.setName(renamed.get(output.name(), output.name()))
        for destination in self.destinationParameterDefinitions():  # an unset output is a temporary layer
            destination.setFlags(destination.flags() | ProcessingParameterFlag.Optional)

    def build(self):
        raise NotImplementedError

    def displayName(self):  # noqa: N802
        return tr(self.NAME)

    def group(self):
        return tr(GROUPS[self.GROUP_ID])

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP)

    def icon(self):
        return QIcon(resource_path("icons", self.ICON))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def canExecute(self):  # noqa: N802
        """As QGIS's check, plus each step's own (a missing Python package is named before the run)."""
        can_run, message = super().canExecute()
        for child in self.childAlgorithms().values():
            if not can_run:
                break
            if child.algorithm() is not None:
                can_run, message = child.algorithm().canExecute()
        return can_run, message

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's checks, then the plugin's (fields in their layers, finite numbers, outputs) on the model's inputs."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problems = check_parameters(self, parameters, context)
        return (False, "\n".join(problems)) if problems else (True, "")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # QGIS 3.22 hands an unset model output to its step as no value at all: make it a temporary layer.
        parameters = dict(parameters)
        for destination in self.destinationParameterDefinitions():
            if parameters.get(destination.name()) in (None, ""):
                parameters[destination.name()] = QgsProcessing.TEMPORARY_OUTPUT
        # Nothing lost: the steps write the model's outputs as they go; a failed or cancelled run puts every earlier
        # file back and removes the new ones, and a cancel is a failure, not a success with outputs missing.
        guard = OutputGuard(
            path
            for path in (
                destination_file(parameters.get(definition.name()), context)
                for definition in self.destinationParameterDefinitions()
            )
            if path
        )
        guard.protect()
        try:
            results = super().processAlgorithm(parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled: no output was written."))
        except Exception as error:  # noqa: BLE001 - a step's failure: a message, and the user's files as they were
            guard.rollback(feedback)
            if isinstance(error, QgsProcessingException):
                raise
            # No local may hold the new exception: its traceback holds this frame (a cycle the garbage collector
            # would break later, after QGIS has deleted the objects the frame refers to, and crash).
            raise HabitatAlgorithm.user_error(error, feedback) from error
        guard.commit()
        return results


class PublicSpaceAssessmentModel(HabitatModel):
    MODEL_ID, NAME, HELP = PUBLIC_SPACE_MODEL_ID, PUBLIC_SPACE_MODEL_NAME, PUBLIC_SPACE_MODEL_HELP
    GROUP_ID, ICON = "publicspace", "public_space.svg"

    def build(self):
        _build_public_space_model(self)


ACTION_MODEL_ID = "publicspaceaction"
ACTION_MODEL_NAME = tr_noop("Where to add and upgrade public space")
ACTION_MODEL_HELP = tr_noop(
    "From measurement to action in one go: the inventory decides which spaces count; then who is not served and "
    "where (unserved people by group, clusters, districts), where new public space helps most (the candidate "
    "sites chosen to serve the most people not yet served), which existing spaces to upgrade first (quality from "
    "the survey and the people who depend on each space), and a scorecard per district for the public space "
    "strategy, with the change since an earlier scorecard when one is given."
)


class PublicSpaceActionModel(HabitatModel):
    MODEL_ID, NAME, HELP = ACTION_MODEL_ID, ACTION_MODEL_NAME, ACTION_MODEL_HELP
    GROUP_ID, ICON = "publicspace", "public_space.svg"

    def build(self):
        _build_action_model(self)


SDF_MODEL_ID = "spatialdevelopmentframework"
SDF_MODEL_NAME = tr_noop("Spatial Development Framework analysis")
SDF_MODEL_HELP = tr_noop(
    "Runs the four SDF steps in one go: the functional analysis (scalogram, centrality, hierarchy), the composite "
    "development index of the indicators you choose, the accessibility of centres on the road network (travel "
    "times, Hansen accessibility, dominant centres, influence zones) and the investment priorities combining need "
    "(low development, long travel time to an intermediate centre) and potential (centrality, accessibility)."
)


class SdfModel(HabitatModel):
    MODEL_ID, NAME, HELP, GROUP_ID, ICON = SDF_MODEL_ID, SDF_MODEL_NAME, SDF_MODEL_HELP, "sdf", "sdf.svg"

    def build(self):
        point, line = [ProcessingSourceType.VectorPoint], [ProcessingSourceType.VectorLine]
        _input(
            self,
            QgsProcessingParameterFeatureSource(
                "settlements",
                tr("Settlements or sectors"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
            ),
        )
        _input(
            self,
            QgsProcessingParameterField(
                "name_field", tr("Settlement name field"), parentLayerParameterName="settlements", optional=True
            ),
        )
        _input(self, QgsProcessingParameterFeatureSource("facilities", tr("Facilities (points)"), point))
        _input(
            self,
            QgsProcessingParameterField("function_field", tr("Function field"), parentLayerParameterName="facilities"),
        )
        _input(
            self,
            QgsProcessingParameterField(
                "indicators",
                tr("Indicators"),
                parentLayerParameterName="settlements",
                type=ProcessingFieldParameterDataType.Numeric,
                allowMultiple=True,
            ),
        )
        _input(
            self,
            QgsProcessingParameterField(
                "population_field",
                tr("Population field"),
                parentLayerParameterName="settlements",
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
        )
        _input(
            self,
            QgsProcessingParameterField(
                "negative_indicators",
                tr("Indicators where more is worse"),
                parentLayerParameterName="settlements",
                type=ProcessingFieldParameterDataType.Numeric,
                allowMultiple=True,
                optional=True,
            ),
        )
        _input(self, QgsProcessingParameterFeatureSource("roads", tr("Road network"), line))
        _input(
            self,
            QgsProcessingParameterField(
                "road_class", tr("Road class field"), parentLayerParameterName="roads", optional=True
            ),
        )
        _child(
            self,
            "habitat:sdffunctions",
            "functions",
            tr("Functional analysis (scalogram) and settlement hierarchy"),
            {
                "SETTLEMENTS": _from_input("settlements"),
                "NAME_FIELD": _from_input("name_field"),
                "FACILITIES": _from_input("facilities"),
                "FUNCTION_FIELD": _from_input("function_field"),
            },
            {
                "hierarchy": ("OUTPUT", tr("Settlement hierarchy")),
                "scalogram": ("OUTPUT_SCALOGRAM", tr("Scalogram")),
                "functions_report": ("OUTPUT_REPORT", tr("Functional analysis and settlement hierarchy")),
            },
        )
        _child(
            self,
            "habitat:sdfdevelopmentindex",
            "development",
            tr("Composite development index"),
            {
                "INPUT": _from_child("functions", "OUTPUT"),
                "NAME_FIELD": _from_input("name_field"),
                "INDICATORS": _from_input("indicators"),
                "NEGATIVE": _from_input("negative_indicators"),
            },
            {
                "development_index": ("OUTPUT", tr("Development index")),
                "sensitivity": ("OUTPUT_SENSITIVITY", tr("Sensitivity of the ranking")),
                "development_report": ("OUTPUT_REPORT", tr("Composite development index")),
            },
            # Central / intermediate / local by development and centrality together (the SDF's CS/IS/LS), beside
            # the classings by each alone.
            static={"CENTRALITY_FIELD": "centrality", "CLASSES": 3},
        )
        _child(
            self,
            "habitat:sdfaccessibility",
            "accessibility",
            tr("Accessibility and territorial influence of centres"),
            {
                "SETTLEMENTS": _from_child("development", "OUTPUT"),
                "NAME_FIELD": _from_input("name_field"),
                "ROADS": _from_input("roads"),
                "CLASS_FIELD": _from_input("road_class"),
                "POPULATION_FIELD": _from_input("population_field"),
            },
            {
                "accessibility": ("OUTPUT", tr("Accessibility of settlements")),
                "influence_zones": ("OUTPUT_ZONES", tr("Territorial influence zones")),
                "isochrones": ("OUTPUT_ISOCHRONES", tr("Isochrone bands")),
                "accessibility_report": ("OUTPUT_REPORT", tr("Accessibility and territorial influence of centres")),
            },
            static={"LEVEL_FIELD": "level", "MASS_FIELD": "centrality", "DEVELOPMENT_FIELD": "dev_index"},
        )
        _child(
            self,
            "habitat:sdfpriority",
            "priority",
            tr("Investment priorities"),
            {"SETTLEMENTS": _from_child("accessibility", "OUTPUT"), "NAME_FIELD": _from_input("name_field")},
            {
                "priorities": ("OUTPUT", tr("Investment priorities")),
                "priority_report": ("OUTPUT_REPORT", tr("Investment priorities")),
            },
            static={
                "DEVELOPMENT_FIELD": "dev_index",
                "TRAVEL_TIME_FIELD": "time_l2",
                "CENTRALITY_FIELD": "centrality",
                "ACCESSIBILITY_FIELD": "access_idx",  # the log-scaled index: raw Hansen values are very skewed
            },
        )


def _input(model, parameter):
    model.addModelParameter(parameter, QgsProcessingModelParameter(parameter.name()))


def _from_input(name):
    return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]


def _from_child(child_id, output):
    return [QgsProcessingModelChildParameterSource.fromChildOutput(child_id, output)]


def _child(model, algorithm_id, child_id, description, sources, outputs=None, static=None):
    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    child.setDescription(description)
    for name, source in sources.items():
        child.addParameterSources(name, source)
    for name, value in (static or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    model_outputs = {}
    for output_name, (child_output, label) in (outputs or {}).items():
        output = QgsProcessingModelOutput(output_name, label)
        output.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)  # unset outputs become temporary layers
        output.setMandatory(False)
        output.setChildId(child_id)
        output.setChildOutputName(child_output)
        model_outputs[output_name] = output
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)
    return child


def _build_public_space_model(model):
    polygon, line = [ProcessingSourceType.VectorPolygon], [ProcessingSourceType.VectorLine]
    _input(model, QgsProcessingParameterFeatureSource("public_spaces", tr("Public spaces (polygons)"), polygon))
    _input(model, QgsProcessingParameterField("type_field", tr("Type field"), parentLayerParameterName="public_spaces"))
    _input(
        model,
        QgsProcessingParameterField(
            "access_field", tr("Access field"), parentLayerParameterName="public_spaces", optional=True
        ),
    )
    _input(
        model,
        QgsProcessingParameterField(
            "fee_field", tr("Fee field"), parentLayerParameterName="public_spaces", optional=True
        ),
    )
    _input(model, QgsProcessingParameterFeatureSource("urban_extent", tr("Urban extent (polygons)"), polygon))
    _input(
        model,
        QgsProcessingParameterField(
            "city_name", tr("City name field"), parentLayerParameterName="urban_extent", optional=True
        ),
    )
    _input(model, QgsProcessingParameterFeatureSource("streets", tr("Street centre-lines"), line))
    _input(
        model,
        QgsProcessingParameterField(
            "width_field", tr("Street width field (m)"), parentLayerParameterName="streets", optional=True
        ),
    )  # "12 m" too
    _input(
        model,
        QgsProcessingParameterField(
            "class_field", tr("Road class field"), parentLayerParameterName="streets", optional=True
        ),
    )
    _input(model, QgsProcessingParameterRasterLayer("population", tr("Population grid (raster)")))
    _input(model, QgsProcessingParameterFeatureSource("districts", tr("Districts (optional)"), polygon, optional=True))
    _input(
        model,
        QgsProcessingParameterField(
            "district_name", tr("District name field"), parentLayerParameterName="districts", optional=True
        ),
    )

    _child(
        model,
        "habitat:publicspaceinventory",
        "inventory",
        tr("Public space inventory"),
        {
            "INPUT": _from_input("public_spaces"),
            "TYPE_FIELD": _from_input("type_field"),
            "ACCESS_FIELD": _from_input("access_field"),
            "FEE_FIELD": _from_input("fee_field"),
            "DISTRICTS": _from_input("districts"),
            "DISTRICT_NAME_FIELD": _from_input("district_name"),
            "POPULATION_RASTER": _from_input("population"),
        },
        {
            "inventory": ("OUTPUT", tr("Public space inventory")),
            "inventory_summary": ("OUTPUT_SUMMARY", tr("Public space by district and type")),
        },
    )
    _child(
        model,
        "native:extractbyattribute",
        "counted",
        tr("Counted public spaces"),
        {"INPUT": _from_child("inventory", "OUTPUT")},
        static={"FIELD": "counted", "OPERATOR": 0, "VALUE": "1"},
    )
    _child(
        model,
        "habitat:sdg1171landshare",
        "land_share",
        tr("SDG 11.7.1 (a) land allocated to streets and public space"),
        {
            "URBAN_EXTENT": _from_input("urban_extent"),
            "CITY_NAME_FIELD": _from_input("city_name"),
            "PUBLIC_SPACES": _from_child("counted", "OUTPUT"),
            "STREETS": _from_input("streets"),
            "WIDTH_FIELD": _from_input("width_field"),
            "CLASS_FIELD": _from_input("class_field"),
            "DISTRICTS": _from_input("districts"),
            "DISTRICT_NAME_FIELD": _from_input("district_name"),
        },
        {
            "street_area": ("OUTPUT_STREET_AREA", tr("Street area")),
            "land_share": ("OUTPUT_TABLE", tr("Land allocated to streets and public space")),
            "land_share_report": (
                "OUTPUT_REPORT",
                tr("SDG 11.7.1 (a): land allocated to streets and open public space"),
            ),
        },
    )
    _child(
        model,
        "habitat:publicspaceaccess",
        "access",
        tr("SDG 11.7.1 (b) walking access to public space"),
        {
            "STREETS": _from_input("streets"),
            "PUBLIC_SPACES": _from_child("counted", "OUTPUT"),
            "POPULATION_RASTER": _from_input("population"),
            "DISTRICTS": _from_input("districts"),
            "DISTRICT_NAME_FIELD": _from_input("district_name"),
            "URBAN_EXTENT": _from_input("urban_extent"),
            "URBAN_EXTENT_NAME_FIELD": _from_input("city_name"),
            "ROAD_CLASS_FIELD": _from_input("class_field"),
        },
        {
            "walking_network": ("OUTPUT_NETWORK", tr("Street network with walking distance")),
            "service_area": ("OUTPUT_SERVICE_AREA", tr("Walking service area")),
            "access": ("OUTPUT_TABLE", tr("Access by district and population group")),
            "access_report": ("OUTPUT_REPORT", tr("SDG 11.7.1 (b): access to open public space")),
        },
    )


def _build_action_model(model):
    polygon, line = [ProcessingSourceType.VectorPolygon], [ProcessingSourceType.VectorLine]
    _input(model, QgsProcessingParameterFeatureSource("public_spaces", tr("Public spaces (polygons)"), polygon))
    _input(model, QgsProcessingParameterField("type_field", tr("Type field"), parentLayerParameterName="public_spaces"))
    _input(
        model,
        QgsProcessingParameterField(
            "access_field", tr("Access field"), parentLayerParameterName="public_spaces", optional=True
        ),
    )
    _input(
        model,
        QgsProcessingParameterField(
            "fee_field", tr("Fee field"), parentLayerParameterName="public_spaces", optional=True
        ),
    )
    _input(
        model,
        QgsProcessingParameterField(
            "space_id", tr("Space id field (as in the survey)"), parentLayerParameterName="public_spaces"
        ),
    )
    _input(
        model,
        QgsProcessingParameterField(
            "space_name", tr("Space name field"), parentLayerParameterName="public_spaces", optional=True
        ),
    )
    _input(
        model,
        QgsProcessingParameterFile(
            "survey", tr("Survey export (CSV or XLSX)"), fileFilter=tr("Survey exports (*.csv *.xlsx)")
        ),
    )
    _input(model, QgsProcessingParameterFeatureSource("urban_extent", tr("Urban extent (polygons)"), polygon))
    _input(model, QgsProcessingParameterFeatureSource("streets", tr("Street centre-lines"), line))
    _input(
        model,
        QgsProcessingParameterField(
            "width_field", tr("Street width field (m)"), parentLayerParameterName="streets", optional=True
        ),
    )
    _input(
        model,
        QgsProcessingParameterField(
            "class_field", tr("Road class field"), parentLayerParameterName="streets", optional=True
        ),
    )
    _input(model, QgsProcessingParameterRasterLayer("population", tr("Population grid (raster)")))
    _input(model, QgsProcessingParameterFeatureSource("districts", tr("Districts"), polygon))
    _input(
        model,
        QgsProcessingParameterField("district_name", tr("District name field"), parentLayerParameterName="districts"),
    )
    _input(model, QgsProcessingParameterFeatureSource("candidate_sites", tr("Candidate sites (polygons)"), polygon))
    _input(
        model,
        QgsProcessingParameterField(
            "candidate_name", tr("Candidate name field"), parentLayerParameterName="candidate_sites", optional=True
        ),
    )
    _input(
        model,
        QgsProcessingParameterField(
            "cost_field",
            tr("Cost field"),
            parentLayerParameterName="candidate_sites",
            type=ProcessingFieldParameterDataType.Numeric,
            optional=True,
        ),
    )
    _input(
        model,
        QgsProcessingParameterNumber(
            "number_of_sites",
            tr("Number of new public spaces"),
            ProcessingNumberParameterType.Integer,
            5,
            minValue=1,
            maxValue=1000,
        ),
    )
    _input(
        model,
        QgsProcessingParameterFeatureSource(
            "previous", tr("Earlier scorecard (optional)"), [ProcessingSourceType.Vector], optional=True
        ),
    )
    _input(
        model,
        QgsProcessingParameterNumber(
            "year",
            tr("Year of this scorecard"),
            ProcessingNumberParameterType.Integer,
            2026,
            minValue=1900,
            maxValue=2200,
        ),
    )

    _child(
        model,
        "habitat:publicspaceinventory",
        "inventory",
        tr("Public space inventory"),
        {
            "INPUT": _from_input("public_spaces"),
            "TYPE_FIELD": _from_input("type_field"),
            "ACCESS_FIELD": _from_input("access_field"),
            "FEE_FIELD": _from_input("fee_field"),
            "DISTRICTS": _from_input("districts"),
            "DISTRICT_NAME_FIELD": _from_input("district_name"),
        },
        {"inventory": ("OUTPUT", tr("Public space inventory"))},
    )
    _child(
        model,
        "native:extractbyattribute",
        "counted",
        tr("Counted public spaces"),
        {"INPUT": _from_child("inventory", "OUTPUT")},
        static={"FIELD": "counted", "OPERATOR": 0, "VALUE": "1"},
    )
    _child(
        model,
        "habitat:publicspacegaps",
        "gaps",
        tr("Who is not served, where"),
        {
            "STREETS": _from_input("streets"),
            "PUBLIC_SPACES": _from_child("counted", "OUTPUT"),
            "POPULATION_RASTER": _from_input("population"),
            "DISTRICTS": _from_input("districts"),
            "DISTRICT_NAME_FIELD": _from_input("district_name"),
            "URBAN_EXTENT": _from_input("urban_extent"),
            "ROAD_CLASS_FIELD": _from_input("class_field"),
        },
        {
            "unserved_clusters": ("OUTPUT_CLUSTERS", tr("Unserved areas")),
            "gaps": ("OUTPUT_TABLE", tr("Unserved population by district and group")),
            "gaps_report": ("OUTPUT_REPORT", tr("Who is not served, where")),
        },
    )
    _child(
        model,
        "habitat:publicspacesiting",
        "siting",
        tr("Where new public space helps most"),
        {
            "STREETS": _from_input("streets"),
            "ROAD_CLASS_FIELD": _from_input("class_field"),
            "PUBLIC_SPACES": _from_child("counted", "OUTPUT"),
            "CANDIDATES": _from_input("candidate_sites"),
            "CANDIDATE_NAME_FIELD": _from_input("candidate_name"),
            "COST_FIELD": _from_input("cost_field"),
            "POPULATION_RASTER": _from_input("population"),
            "URBAN_EXTENT": _from_input("urban_extent"),
            "NUMBER_OF_SITES": _from_input("number_of_sites"),
        },
        {
            "new_sites": ("OUTPUT_SITES", tr("New public spaces, in order")),
            "siting_curve": ("OUTPUT_CURVE", tr("Share served by number of new spaces")),
            "siting_report": ("OUTPUT_REPORT", tr("Where new public space helps most")),
        },
    )
    _child(
        model,
        "habitat:publicspacequality",
        "quality",
        tr("Public space quality"),
        {
            "SURVEY": _from_input("survey"),
            "INVENTORY": _from_child("counted", "OUTPUT"),
            "ID_FIELD": _from_input("space_id"),
            "NAME_FIELD": _from_input("space_name"),
        },
        {"quality": ("OUTPUT", tr("Public space quality"))},
    )
    _child(
        model,
        "habitat:publicspaceupgrade",
        "upgrade",
        tr("Which spaces to upgrade"),
        {
            "QUALITY": _from_child("quality", "OUTPUT"),
            "ID_FIELD": _from_input("space_id"),
            "NAME_FIELD": _from_input("space_name"),
            "STREETS": _from_input("streets"),
            "ROAD_CLASS_FIELD": _from_input("class_field"),
            "POPULATION_RASTER": _from_input("population"),
            "DISTRICTS": _from_input("districts"),
            "DISTRICT_NAME_FIELD": _from_input("district_name"),
        },
        {
            "upgrade": ("OUTPUT", tr("Upgrade priority")),
            "upgrade_report": ("OUTPUT_REPORT", tr("Which spaces to upgrade")),
        },
    )
    _child(
        model,
        "habitat:publicspacescorecard",
        "scorecard",
        tr("District scorecard"),
        {
            "DISTRICTS": _from_input("districts"),
            "DISTRICT_NAME_FIELD": _from_input("district_name"),
            "PUBLIC_SPACES": _from_child("counted", "OUTPUT"),
            "STREETS": _from_input("streets"),
            "URBAN_EXTENT": _from_input("urban_extent"),
            "POPULATION_RASTER": _from_input("population"),
            "WIDTH_FIELD": _from_input("width_field"),
            "CLASS_FIELD": _from_input("class_field"),
            "QUALITY": _from_child("quality", "OUTPUT"),
            "UPGRADE": _from_child("upgrade", "OUTPUT"),
            "GAPS_CLUSTERS": _from_child("gaps", "OUTPUT_CLUSTERS"),
            "PREVIOUS": _from_input("previous"),
            "YEAR": _from_input("year"),
        },
        {
            "scorecard": ("OUTPUT", tr("District scorecard")),
            "scorecard_table": ("OUTPUT_TABLE", tr("District scorecard (table)")),
            "scorecard_report": ("OUTPUT_REPORT", tr("District scorecard")),
        },
    )
