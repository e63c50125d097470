"""habitat:koboform — the KoboToolbox form (XLSForm) of the public space quality survey, in English and Chinese."""

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ...compat import FeatureRequestFlag, ProcessingFeatureSourceFlag, ProcessingSourceType
from ...core.public_space.survey import NOT_IN_LIST, spreadsheet_text, write_xlsform
from ...core.text import Cancelled, HabitatError, tr, tr_noop
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
        "form_version lets the scoring check that the export matches the questionnaire."
    )

    INVENTORY = "INVENTORY"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INVENTORY,
                tr("Public space inventory (optional)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            tr_noop("The inventory of public spaces; its ids become the list surveyors choose from."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.ID_FIELD, tr("Space id field"), parentLayerParameterName=self.INVENTORY, optional=True
            ),
            tr_noop("Field with a unique id per space; the quality scoring links submissions to spaces by it."),
        )
        self.add_parameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, tr("Space name field"), parentLayerParameterName=self.INVENTORY, optional=True
            ),
            tr_noop("Field with the space names shown next to the ids in the list."),
        )
        add_questionnaire_parameter(self)
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Survey form (XLSForm)"), tr("Excel files (*.xlsx)")),
            tr_noop("The XLSForm to upload to KoboToolbox (Projects, New, Upload an XLSForm)."),
        )

    def check_values(self, parameters, context) -> list:
        problems = []
        try:
            questionnaire_parameter(self, parameters, context)
        except HabitatError as error:
            problems.append(str(error))
        if self.parameterAsSource(parameters, self.INVENTORY, context) is not None and not self.parameterAsString(
            parameters, self.ID_FIELD, context
        ):
            problems.append(tr("Choose the space id field of the inventory."))
        return problems

    def process(self, parameters, context, feedback):
        questionnaire = questionnaire_parameter(self, parameters, context)
        feedback.pushInfo(tr("Read {0} as {1}.", questionnaire.source, questionnaire.encoding))
        spaces = self.inventory_choices(parameters, context, feedback)
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        write_xlsform(questionnaire, target, spaces)
        scored = len(questionnaire.scored_items())
        feedback.pushInfo(
            tr(
                "Form {0} version {1}: {2} questions, {3} scores in {4} dimensions{5}.",
                questionnaire.id,
                questionnaire.version,
                len(questionnaire.questions),
                scored,
                len(questionnaire.dimensions),
                tr(", {0} spaces to choose from", len(spaces)) if spaces else "",
            )
        )
        return {self.OUTPUT: target}

    def inventory_choices(self, parameters, context, feedback):
        inventory = self.parameterAsSource(parameters, self.INVENTORY, context)
        if inventory is None:
            return None
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        if not id_field:
            raise HabitatError(tr("Choose the space id field of the inventory."))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        spaces, seen, duplicates, without, cleaned, unusable = [], set(), set(), 0, 0, []
        # Only attributes are read: geometry (even an invalid one) does not matter here.
        request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
        for number, feature in enumerate(
            inventory.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
        ):
            if number % 1000 == 0 and feedback.isCanceled():
                raise Cancelled()
            space_id = space_id_text(feature[id_field])
            if space_id is None:
                without += 1
                continue
            if (
                space_id.lower() == NOT_IN_LIST
                or spreadsheet_text(space_id) != space_id
                or any(character in space_id for character in "\n\r\t")
            ):
                unusable.append(space_id)
                continue
            if space_id in seen:
                duplicates.add(space_id)
            seen.add(space_id)
            name = space_id_text(feature[name_field]) if name_field else None
            name = " ".join((name or "").split())  # one line in the surveyor's list
            if spreadsheet_text(name) != name:
                name = spreadsheet_text(name)
                cleaned += 1
            spaces.append((space_id, name))
        if unusable:
            raise HabitatError(
                tr(
                    'The space ids {0} cannot be used in the form: "{1}" is the form\'s choice for a '
                    "space not in the list, and an id cannot hold line breaks, tabs or control "
                    'characters. Give these spaces other ids in the field "{2}".',
                    ", ".join(repr(i) for i in unusable[:20]),
                    NOT_IN_LIST,
                    id_field,
                )
            )
        if duplicates:
            raise HabitatError(
                tr("The space ids must be unique; used more than once: {0}.", ", ".join(sorted(duplicates)[:20]))
            )
        if without:
            feedback.pushWarning(tr("{0} spaces have no id and are not in the form's list.", without))
        if cleaned:
            feedback.pushWarning(
                tr("{0} space names held control characters, which were removed in the form's list.", cleaned)
            )
        if not spaces:
            raise HabitatError(tr('No space of the inventory has an id in the field "{0}".', id_field))
        return spaces
