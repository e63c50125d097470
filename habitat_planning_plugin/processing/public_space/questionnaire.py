"""The questionnaire parameter shared by the KoboToolbox form and the quality scoring (the built-in one if empty)."""

from qgis.core import QgsProcessingParameterFile

from ...core.public_space.survey import load_questionnaire
from ...core.text import tr, tr_noop
from ..parameters import file_or_built_in

BUILT_IN_QUESTIONNAIRE = ("questionnaires", "public_space_quality.json")
QUESTIONNAIRE = "QUESTIONNAIRE"


def add_questionnaire_parameter(algorithm):
    algorithm.add_parameter(
        QgsProcessingParameterFile(
            QUESTIONNAIRE, tr("Questionnaire definition (JSON, optional)"), extension="json", optional=True
        ),
        tr_noop(
            "Leave empty for the built-in questionnaire: identification, accessibility, use and users, comfort, "
            "safety, green cover, physical facilities and maintenance, in English and Chinese. A copy can be "
            "edited (questions, choices and their 0-1 scores); the same file must then be used for the form and "
            "for the scoring."
        ),
        advanced=True,
    )


def questionnaire_parameter(algorithm, parameters, context):
    return load_questionnaire(file_or_built_in(algorithm, parameters, QUESTIONNAIRE, context, *BUILT_IN_QUESTIONNAIRE))


def space_id_text(value):
    """An inventory id as the text the form and the export use (12.0 -> "12"); None for NULL."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None
