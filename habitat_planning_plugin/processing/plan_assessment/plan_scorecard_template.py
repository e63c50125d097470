"""habitat:planscorecardtemplate — a bilingual XLSX scorecard for one assessor, with a drop-down for the scores."""

from qgis.core import (
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.files import atomic_write
from ...core.plan_assessment.scorecards import META_KEYS, load_framework
from ...core.text import tr, tr_noop
from ..base import HabitatAlgorithm, file_or_built_in

BUILT_IN_FRAMEWORK = ("frameworks", "citywide_plan_assessment.json")
FRAMEWORK = "FRAMEWORK"


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
            QgsProcessingParameterNumber(self.YEAR, tr("Year of the plan"), QgsProcessingParameterNumber.Integer,
                                         optional=True, minValue=1900, maxValue=2200),
            tr_noop("The year of the plan version assessed, to compare versions over time."))
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Scorecard (XLSX)"), tr("Excel files (*.xlsx)")),
            tr_noop("The scorecard to hand to an assessor."))

    def process(self, parameters, context, feedback):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.worksheet.datavalidation import DataValidation

        framework = framework_parameter(self, parameters, context)
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
        for key in META_KEYS:  # the reader looks for these keys in column A
            sheet.append([key, values[key]])
            sheet.cell(sheet.max_row, 1).font = bold
        sheet.append([])
        sheet.append(["criterion", "score", "comment", "evidence", "theme / 主题", "question", "问题",
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
            sheet.append([criterion.id, None, None, None, f"{theme.get('en', '')} / {theme.get('zh', '')}",
                          criterion.question.get("en", ""), criterion.question.get("zh", ""), levels])
            scores.add(sheet.cell(sheet.max_row, 2))
            for column in (5, 6, 7, 8):
                sheet.cell(sheet.max_row, column).alignment = Alignment(wrap_text=True, vertical="top")
        for column, width in zip("ABCDEFGH", (22, 8, 30, 18, 26, 50, 36, 70)):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = sheet.cell(header + 1, 3)

        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        atomic_write(target, book.save)  # no half-written file
        feedback.pushInfo(tr("Scorecard with {0} criteria in {1} themes.", len(framework.criteria),
                             len(framework.themes)))
        return {self.OUTPUT: target}
