"""habitat:koboform — the KoboToolbox form (XLSForm) of the public space quality survey, in English and Chinese."""

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ...core.public_space.survey import write_xlsform
from ...core.text import HabitatError, tr, tr_noop
from ..base import HabitatAlgorithm
from .questionnaire import add_questionnaire_parameter, questionnaire_parameter, space_id_text


class KoboFormAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "koboform"
    DISPLAY_NAME = tr_noop("Public space survey form (KoboToolbox)")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("KoboToolbox"), tr_noop("XLSForm"), tr_noop("survey"), tr_noop("public space quality"))
    REQUIRED_PACKAGES = ("openpyxl",)
    SHORT_HELP = tr_noop(
        "Writes the field survey of public space quality as an XLSForm (.xlsx) to upload to KoboToolbox (or ODK): "
        "identification of the space, accessibility, use and users counted by sex, age and disability, comfort, "
        "safety, green cover, physical facilities and maintenance, with English and Chinese labels, choice "
        "lists, range checks and skip logic. With an inventory layer, surveyors pick the space from a list of its "
        "ids and names (or 'not in the list'); the GPS point links the other submissions. The hidden field "
        "form_version lets the scoring check that the export matches the questionnaire.")

    INVENTORY = "INVENTORY"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.INVENTORY, tr("Public space inventory (optional)"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            tr_noop("The inventory of public spaces; its ids become the list surveyors choose from."))
        self.add_parameter(
            QgsProcessingParameterField(self.ID_FIELD, tr("Space id field"), parentLayerParameterName=self.INVENTORY,
                                        optional=True),
            tr_noop("Field with a unique id per space; the quality scoring links submissions to spaces by it."))
        self.add_parameter(
            QgsProcessingParameterField(self.NAME_FIELD, tr("Space name field"),
                                        parentLayerParameterName=self.INVENTORY, optional=True),
            tr_noop("Field with the space names shown next to the ids in the list."))
        add_questionnaire_parameter(self)
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Survey form (XLSForm)"), tr("Excel files (*.xlsx)")),
            tr_noop("The XLSForm to upload to KoboToolbox (Projects, New, Upload an XLSForm)."))

    def process(self, parameters, context, feedback):
        questionnaire = questionnaire_parameter(self, parameters, context)
        spaces = self.inventory_choices(parameters, context, feedback)
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        write_xlsform(questionnaire, target, spaces)
        scored = len(questionnaire.scored_items())
        feedback.pushInfo(tr("Form {0} version {1}: {2} questions, {3} scores in {4} dimensions{5}.",
                             questionnaire.id, questionnaire.version, len(questionnaire.questions), scored,
                             len(questionnaire.dimensions),
                             tr(", {0} spaces to choose from", len(spaces)) if spaces else ""))
        return {self.OUTPUT: target}

    def inventory_choices(self, parameters, context, feedback):
        inventory = self.parameterAsSource(parameters, self.INVENTORY, context)
        if inventory is None:
            return None
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        if not id_field:
            raise HabitatError(tr("Choose the space id field of the inventory."))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        spaces, seen, duplicates, without = [], set(), set(), 0
        # Only attributes are read: geometry (even an invalid one) does not matter here.
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        for feature in inventory.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
            space_id = space_id_text(feature[id_field])
            if space_id is None:
                without += 1
                continue
            if space_id in seen:
                duplicates.add(space_id)
            seen.add(space_id)
            name = feature[name_field] if name_field else None
            spaces.append((space_id, space_id_text(name) or ""))
        if duplicates:
            raise HabitatError(tr("The space ids must be unique; used more than once: {0}.",
                                  ", ".join(sorted(duplicates)[:20])))
        if without:
            feedback.pushWarning(tr("{0} spaces have no id and are not in the form's list.", without))
        if not spaces:
            raise HabitatError(tr("No space of the inventory has an id in the field \"{0}\".", id_field))
        return spaces
