"""habitat:planscorecardtemplate — a bilingual XLSX scorecard for one assessor, with a drop-down for the scores."""

import os

from qgis.core import (
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import ProcessingNumberParameterType
from ...core.plan_assessment.scorecards import YEARS, load_framework
from ...core.plan_assessment.template import CONTROL, write_scorecard_template
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ..base import HabitatAlgorithm
from ..parameters import file_or_built_in

BUILT_IN_FRAMEWORK = ("frameworks", "citywide_plan_assessment.json")
FRAMEWORK = "FRAMEWORK"
MAX_NAME = 200  # a plan, city or assessor name; longer is a paste gone wrong


def add_framework_parameter(algorithm):
    """The optional framework file of the plan assessment algorithms (the built-in one when empty)."""
    algorithm.add_parameter(
        QgsProcessingParameterFile(
            FRAMEWORK, tr("Assessment framework (JSON, optional)"), extension="json", optional=True
        ),
        tr_noop(
            "Leave empty for the built-in framework (14 themes aligned with the International Guidelines on "
            "Urban and Territorial Planning and the New Urban Agenda)."
        ),
    )


def framework_parameter(algorithm, parameters, context):
    """The chosen framework, validated, or the built-in one."""
    return load_framework(file_or_built_in(algorithm, parameters, FRAMEWORK, context, *BUILT_IN_FRAMEWORK))


class PlanScorecardTemplateAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "planscorecardtemplate"
    DISPLAY_NAME = tr_noop("Plan assessment scorecard template")
    GROUP_ID = "planassessment"
    TAGS = (tr_noop("plan assessment"), tr_noop("scorecard"), tr_noop("template"))
    REQUIRED_PACKAGES = ("openpyxl",)
    SHORT_HELP = tr_noop(
        "Writes an Excel scorecard for one assessor of one plan: the plan details at the top, then one row per "
        "criterion of the assessment framework with its theme, the question in English and Chinese and what each "
        "score means. The score column offers 0, 1, 2, 3 or NA (not applicable) in a drop-down; add a comment and "
        "the evidence (page or section of the plan). Each assessor fills their own copy; the plan assessment tool "
        "reads the filled files."
    )

    PLAN = "PLAN"
    CITY = "CITY"
    YEAR = "YEAR"
    ASSESSOR = "ASSESSOR"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        add_framework_parameter(self)
        for name, label, help_text in (
            (self.PLAN, tr("Plan name"), tr_noop("The plan being assessed, e.g. Master Plan 2030.")),
            (self.CITY, tr("City"), tr_noop("The city of the plan.")),
            (self.ASSESSOR, tr("Assessor"), tr_noop("Who fills this scorecard; may be filled in later.")),
        ):
            self.add_parameter(QgsProcessingParameterString(name, label, optional=True), help_text)
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Year of the plan"),
                ProcessingNumberParameterType.Integer,
                optional=True,
                minValue=YEARS[0],
                maxValue=YEARS[1],
            ),
            tr_noop("The year of the plan version assessed, to compare versions over time."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Scorecard (XLSX)"), tr("Excel files (*.xlsx)")),
            tr_noop("The scorecard to hand to an assessor."),
        )

    def check_values(self, parameters, context) -> list:
        problems = []
        try:
            framework_parameter(self, parameters, context)  # its every problem, before anything runs
        except HabitatError as error:
            problems.append(str(error))
        for name in (self.PLAN, self.CITY, self.ASSESSOR):
            value = self.parameterAsString(parameters, name, context) or ""
            label = self.parameterDefinition(name).description()
            if CONTROL.search(value) or "\n" in value or "\r" in value:
                problems.append(tr('"{0}" holds a line break or a control character; give it on one line.', label))
            if len(value) > MAX_NAME:
                problems.append(tr('"{0}" is {1} characters long; give at most {2}.', label, len(value), MAX_NAME))
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if target and os.path.splitext(target)[1].lower() != ".xlsx":
            problems.append(
                tr(
                    '"{0}": {1} is not a format this output writes; use one of {2}.',
                    self.parameterDefinition(self.OUTPUT).description(),
                    os.path.basename(target),
                    ".xlsx",
                )
            )
        return problems

    def process(self, parameters, context, feedback):
        framework = framework_parameter(self, parameters, context)
        feedback.pushInfo(tr("Read {0} as {1}.", framework.source, framework.encoding))
        year = parameters.get(self.YEAR)
        if feedback.isCanceled():
            raise Cancelled()
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        removed = write_scorecard_template(
            target,
            framework,
            plan=self.parameterAsString(parameters, self.PLAN, context),
            city=self.parameterAsString(parameters, self.CITY, context),
            year=self.parameterAsInt(parameters, self.YEAR, context) if year not in (None, "") else "",
            assessor=self.parameterAsString(parameters, self.ASSESSOR, context),
        )
        if removed:
            feedback.pushWarning(
                tr(
                    "{0} control characters (from text pasted into the framework) were left out of "
                    "the scorecard: an Excel cell cannot hold them.",
                    removed,
                )
            )
        feedback.pushInfo(
            tr("Scorecard with {0} criteria in {1} themes.", len(framework.criteria), len(framework.themes))
        )
        return {self.OUTPUT: target}
