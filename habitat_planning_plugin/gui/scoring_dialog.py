"""The plan scoring dialog: one assessor goes through the framework's criteria and saves a scorecard.

It only collects answers: reading and writing scorecards and frameworks is the core's (core.plan_assessment),
and the assessment itself is habitat:planassessment.
"""

import math

from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
)

from ..core.plan_assessment.scorecards import Scorecard, load_framework, read_scorecard, write_scorecard
from ..core.text import HabitatError, tr
from ..i18n import qgis_locale
from ..paths import resource_path

NA = "NA"
CHOICES = ("0", "1", "2", "3", NA)


class ScoringDialog(QDialog):
    def __init__(self, parent=None, framework_path=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Score a plan"))
        self.language = "zh" if qgis_locale().lower().startswith("zh") else "en"
        self.current = None

        self.plan, self.city, self.assessor = QLineEdit(), QLineEdit(), QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(1900, 2200)
        self.year.setValue(2026)
        details = QFormLayout()
        details.addRow(tr("Plan name"), self.plan)
        details.addRow(tr("City"), self.city)
        details.addRow(tr("Year of the plan"), self.year)
        details.addRow(tr("Assessor"), self.assessor)

        self.criteria = QListWidget()
        self.criteria.currentRowChanged.connect(self.show_criterion)
        self.theme = QLabel()
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.levels = QVBoxLayout()
        self.buttons = QButtonGroup(self)
        for value in CHOICES:
            button = QRadioButton()
            button.setProperty("score", value)
            self.buttons.addButton(button)
            self.levels.addWidget(button)
        self.buttons.buttonClicked.connect(self.store)
        self.comment = QTextEdit()
        self.comment.setPlaceholderText(tr("Comment"))
        self.comment.textChanged.connect(self.store)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(tr("Evidence (page or section of the plan)"))
        self.evidence.textChanged.connect(self.store)
        self.progress = QProgressBar()
        self.framework_label = QLabel()

        right = QVBoxLayout()
        for widget in (self.theme, self.question):
            right.addWidget(widget)
        right.addLayout(self.levels)
        right.addWidget(self.comment)
        right.addWidget(self.evidence)
        body = QHBoxLayout()
        body.addWidget(self.criteria, 2)
        body.addLayout(right, 3)
        self.framework_button = QPushButton(tr("Framework…"))
        self.framework_button.clicked.connect(self.choose_framework)
        self.open_button = QPushButton(tr("Open scorecard…"))
        self.open_button.clicked.connect(self.choose_and_open)
        self.save_button = QPushButton(tr("Save scorecard…"))
        self.save_button.clicked.connect(self.choose_and_save)
        actions = QHBoxLayout()
        actions.addWidget(self.framework_label)
        actions.addWidget(self.framework_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(details)
        layout.addLayout(body)
        layout.addLayout(actions)
        self.resize(980, 640)
        self.use_framework(framework_path or resource_path("frameworks", "citywide_plan_assessment.json"))

    def use_framework(self, path) -> None:
        """Load and validate a framework (the core's reader) and start a blank scorecard for it."""
        framework = load_framework(path)
        self.framework = framework
        self.answers = {c.id: {"score": None, "comment": "", "evidence": ""} for c in framework.criteria}
        self.current = None
        self.criteria.blockSignals(True)
        self.criteria.clear()
        for criterion in framework.criteria:
            self.criteria.addItem(self._text(criterion.question))
        self.criteria.blockSignals(False)
        self.framework_label.setText(self._text(framework.name))
        self.progress.setRange(0, len(framework.criteria))
        self.criteria.setCurrentRow(0)
        self.show_criterion(0)
        self.update_progress()

    def choose_framework(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Framework…"), "", tr("Assessment frameworks (*.json)"))
        if path:
            self._guarded(self.use_framework, path)

    def _text(self, names):
        return names.get(self.language) or names.get("en") or ""

    def show_criterion(self, row):
        self.current = None  # no storing while the widgets are refilled
        criterion = self.framework.criteria[row]
        answer = self.answers[criterion.id]
        self.theme.setText(self._text(self.framework.themes.get(criterion.theme, {})))
        self.question.setText(self._text(criterion.question))
        for button in self.buttons.buttons():
            value = button.property("score")
            label = tr("NA: not applicable") if value == NA else f"{value}: {self._text(criterion.levels[value])}"
            button.setText(label)
            button.setChecked(answer["score"] == value)
        if answer["score"] is None:  # clear the radio buttons
            self.buttons.setExclusive(False)
            for button in self.buttons.buttons():
                button.setChecked(False)
            self.buttons.setExclusive(True)
        self.comment.setPlainText(answer["comment"])
        self.evidence.setText(answer["evidence"])
        self.current = criterion.id

    def store(self, *args):
        if self.current is None:
            return
        checked = self.buttons.checkedButton()
        answer = self.answers[self.current]
        answer["score"] = checked.property("score") if checked is not None else answer["score"]
        answer["comment"] = self.comment.toPlainText()
        answer["evidence"] = self.evidence.text()
        self.update_progress()

    def update_progress(self):
        done = sum(1 for answer in self.answers.values() if answer["score"] is not None)
        self.progress.setValue(done)
        self.progress.setFormat(tr("{0} of {1} criteria scored", done, len(self.answers)))
        for row, criterion in enumerate(self.framework.criteria):
            mark = "✓ " if self.answers[criterion.id]["score"] is not None else "○ "
            self.criteria.item(row).setText(mark + self._text(criterion.question))
            self.criteria.item(row).setToolTip(self._text(criterion.question))

    def scorecard(self) -> Scorecard:
        card = Scorecard(self.framework.id, self.framework.version, self.plan.text().strip(),
                         self.city.text().strip(), self.year.value(), self.assessor.text().strip())
        for criterion_id, answer in self.answers.items():
            if answer["score"] is None:
                continue
            card.scores[criterion_id] = float("nan") if answer["score"] == NA else float(answer["score"])
            card.comments[criterion_id] = answer["comment"]
            card.evidence[criterion_id] = answer["evidence"]
        return card

    def save(self, path) -> str:
        card = self.scorecard()
        if not card.plan or not card.assessor:
            raise HabitatError(tr("Give the plan name and the assessor before saving."))
        return write_scorecard(card, path)

    def load(self, path) -> None:
        card = read_scorecard(path)
        if card.framework != self.framework.id:
            raise HabitatError(tr("{0}: made for the framework \"{1}\", not \"{2}\".", card.source, card.framework,
                                  self.framework.id))
        self.plan.setText(card.plan)
        self.city.setText(card.city)
        self.year.setValue(card.year or self.year.value())
        self.assessor.setText(card.assessor)
        for criterion_id, answer in self.answers.items():
            score = card.scores.get(criterion_id)
            answer["score"] = None if score is None else NA if math.isnan(score) else str(int(score))
            answer["comment"] = card.comments.get(criterion_id, "")
            answer["evidence"] = card.evidence.get(criterion_id, "")
        self.show_criterion(max(self.criteria.currentRow(), 0))
        self.update_progress()

    def choose_and_save(self):
        path, _ = QFileDialog.getSaveFileName(self, tr("Save scorecard…"), "", tr("Scorecards (*.json)"))
        if path:
            self._guarded(self.save, path)

    def choose_and_open(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Open scorecard…"), "",
                                              tr("Scorecards (*.json *.csv *.xlsx)"))
        if path:
            self._guarded(self.load, path)

    def _guarded(self, action, path):
        try:
            action(path)
        except HabitatError as error:
            QMessageBox.warning(self, tr("Score a plan"), str(error))
