"""habitat:planscorecardtemplate — a bilingual XLSX scorecard for one assessor, with a drop-down for the scores."""

import os
import re

from qgis.core import (
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import ProcessingNumberParameterType
from ...core.files import atomic_write
from ...core.plan_assessment.scorecards import META_KEYS, YEARS, load_framework
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ..base import HabitatAlgorithm
from ..parameters import file_or_built_in

BUILT_IN_FRAMEWORK = ("frameworks", "citywide_plan_assessment.json")
FRAMEWORK = "FRAMEWORK"
MAX_NAME = 200  # a plan, city or assessor name; longer is a paste gone wrong
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # characters an Excel cell cannot hold


def add_framework_parameter(algorithm):
    """The optional framework file of the plan assessment algorithms (the built-in one when empty)."""
    algorithm.add_parameter(
        QgsProcessingParameterFile(FRAMEWORK, tr("Assessment framework (JSON, optional)"), extension="json",
                                   optional=True),
        tr_noop("Leave empty for the built-in framework (14 themes aligned with the International Guidelines on "
                "Urban and Territorial Planning and the New Urban Agenda)."))


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
        "reads the filled files.")

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
                (self.ASSESSOR, tr("Assessor"), tr_noop("Who fills this scorecard; may be filled in later."))):
            self.add_parameter(QgsProcessingParameterString(name, label, optional=True), help_text)
        self.add_parameter(
            QgsProcessingParameterNumber(self.YEAR, tr("Year of the plan"), ProcessingNumberParameterType.Integer,
                                         optional=True, minValue=YEARS[0], maxValue=YEARS[1]),
            tr_noop("The year of the plan version assessed, to compare versions over time."))
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Scorecard (XLSX)"), tr("Excel files (*.xlsx)")),
            tr_noop("The scorecard to hand to an assessor."))

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
                problems.append(tr("\"{0}\" holds a line break or a control character; give it on one line.", label))
            if len(value) > MAX_NAME:
                problems.append(tr("\"{0}\" is {1} characters long; give at most {2}.", label, len(value), MAX_NAME))
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if target and os.path.splitext(target)[1].lower() != ".xlsx":
            problems.append(tr("\"{0}\": {1} is not a format this output writes; use one of {2}.",
                               self.parameterDefinition(self.OUTPUT).description(), os.path.basename(target), ".xlsx"))
        return problems

    def process(self, parameters, context, feedback):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.worksheet.datavalidation import DataValidation

        framework = framework_parameter(self, parameters, context)
        feedback.pushInfo(tr("Read {0} as {1}.", framework.source, framework.encoding))
        year = parameters.get(self.YEAR)
        values = {"framework": framework.id, "framework_version": framework.version,
                  "plan": self.parameterAsString(parameters, self.PLAN, context),
                  "city": self.parameterAsString(parameters, self.CITY, context),
                  "year": self.parameterAsInt(parameters, self.YEAR, context) if year not in (None, "") else "",
                  "assessor": self.parameterAsString(parameters, self.ASSESSOR, context)}
        book = Workbook()
        sheet = book.active
        sheet.title = "scorecard"
        bold = Font(bold=True)
        removed = [0]

        def append(row):
            """A row of cells whose text stays text: "=…" is never a formula (a plan named "=1+1" is a name), and
            characters a cell cannot hold (from text pasted into the framework) are removed and counted."""
            sheet.append([CONTROL.sub("", value) if isinstance(value, str) else value for value in row])
            for value, cell in zip(row, sheet[sheet.max_row]):
                if isinstance(value, str):
                    removed[0] += len(CONTROL.findall(value))
                    if cell.value and cell.data_type == "f":
                        cell.data_type = "s"

        for key in META_KEYS:  # the reader looks for these keys in column A
            append([key, values[key]])
            sheet.cell(sheet.max_row, 1).font = bold
        sheet.append([])
        append(["criterion", "score", "comment", "evidence", "theme / 主题", "question", "问题",
                      "0 / 1 / 2 / 3"])
        header = sheet.max_row
        for cell in sheet[header]:
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        scores = DataValidation(type="list", formula1='"0,1,2,3,NA"', allow_blank=True,
                                error=tr("Give 0, 1, 2, 3 or NA."), errorTitle=tr("Score"))
        sheet.add_data_validation(scores)
        for criterion in framework.criteria:
            theme = framework.themes.get(criterion.theme, {})
            levels = "\n".join(f"{k}: {criterion.levels[k].get('en', '')} / {criterion.levels[k].get('zh', '')}"
                               for k in ("0", "1", "2", "3"))
            append([criterion.id, None, None, None, f"{theme.get('en', '')} / {theme.get('zh', '')}",
                          criterion.question.get("en", ""), criterion.question.get("zh", ""), levels])
            scores.add(sheet.cell(sheet.max_row, 2))
            for column in (5, 6, 7, 8):
                sheet.cell(sheet.max_row, column).alignment = Alignment(wrap_text=True, vertical="top")
        for column, width in zip("ABCDEFGH", (22, 8, 30, 18, 26, 50, 36, 70)):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = sheet.cell(header + 1, 3)

        if removed[0]:
            feedback.pushWarning(tr("{0} control characters (from text pasted into the framework) were left out of "
                                    "the scorecard: an Excel cell cannot hold them.", removed[0]))
        if feedback.isCanceled():
            raise Cancelled()
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            atomic_write(target, book.save)  # no half-written file
        except OSError as error:
            raise HabitatError(tr("The scorecard {0} cannot be written: {1}", target, error.strerror or str(error)))
        feedback.pushInfo(tr("Scorecard with {0} criteria in {1} themes.", len(framework.criteria),
                             len(framework.themes)))
        return {self.OUTPUT: target}
