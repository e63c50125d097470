"""The plan scoring dialog: one assessor goes through the framework's criteria and saves a scorecard.

It only collects answers: reading and writing scorecards and frameworks is the core's (core.plan_assessment),
and the assessment itself is habitat:planassessment.

The criteria are listed under their themes, each theme with its progress; questions and level descriptions are
shown whole (word-wrapped, never elided). The save dialog suggests "plan_year_assessor.json" in the folder of the
last scorecard opened or saved (else Documents). Unsaved answers are never lost silently: closing, Esc, opening
another scorecard or framework ask Save / Discard / Cancel first.
"""

import math
import os
import re
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QDir, QRect, QSize, QStandardPaths, Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.plan_assessment.scorecards import Scorecard, load_framework, read_scorecard, write_scorecard
from ..core.text import HabitatError, tr
from ..i18n import content_language
from ..paths import resource_path

NA = "NA"
CHOICES = ("0", "1", "2", "3", NA)
FOLDER_KEY = "habitat_planning_plugin/scorecard_folder"  # the folder of the last scorecard opened or saved
SUFFIX = ".json"  # what write_scorecard writes
ROW = Qt.ItemDataRole.UserRole  # the criterion's row (index in framework.criteria) of a criterion item; -1 for a theme
# Characters no file name may hold on Windows, macOS or Linux (and control characters); letters of any script stay.
UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 120  # characters of a suggested file name, suffix excluded


def safe_file_name(text) -> str:
    """``text`` as a file name part: unsafe characters replaced with "_", any script kept, no leading/trailing
    spaces or dots, no reserved Windows device name."""
    name = UNSAFE.sub("_", str(text)).strip(" .")
    if name.upper() in RESERVED:
        name = "_" + name
    return name


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their word-wrapped text at the view's current width (QTreeView alone keeps one line and
    elides the rest)."""

    def sizeHint(self, option, index):
        view = self.parent()
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        option = QStyleOptionViewItem(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        # with a valid rect the style lays the text out at that width, exactly as it paints it (fallback fonts
        # for Chinese included)
        option.rect = QRect(0, 0, max(view.viewport().width() - depth * view.indentation(), 40), 1)
        hint = super().sizeHint(option, index)
        return QSize(option.rect.width(), hint.height() + 2)


class CriteriaTree(QTreeWidget):
    """The criteria grouped under their themes. Theme rows are headers (not selectable); the criteria are
    addressed by row as in a list: ``count()``, ``item(row)``, ``currentRow()``, ``setCurrentRow(row)``."""

    currentRowChanged = pyqtSignal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(14)
        self.setWordWrap(True)  # long questions wrap instead of being cut
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.header().setStretchLastSection(True)
        self.setItemDelegate(WrappingDelegate(self))
        self._rows, self._themes = [], []
        self.currentItemChanged.connect(self._current_changed)

    def fill(self, groups) -> None:
        """``groups``: [(theme text, [criterion text, ...]), ...]; criteria are numbered in that order."""
        self.blockSignals(True)
        self.clear()
        self._rows, self._themes = [], []
        bold = QFont(self.font())
        bold.setBold(True)
        for theme_text, questions in groups:
            theme = QTreeWidgetItem([theme_text])
            theme.setFlags(
                Qt.ItemFlag.ItemIsEnabled
            )  # a header, not selectable (a disabled one would disable its criteria)
            theme.setData(0, ROW, -1)
            theme.setFont(0, bold)
            theme.setForeground(0, self.palette().windowText())
            self.addTopLevelItem(theme)
            self._themes.append(theme)
            for question in questions:
                item = QTreeWidgetItem([question])
                item.setData(0, ROW, len(self._rows))
                theme.addChild(item)
                self._rows.append(item)
        self.expandAll()
        self.blockSignals(False)

    def themes(self) -> list:
        return list(self._themes)

    def count(self) -> int:
        return len(self._rows)

    def item(self, row):
        return self._rows[row]

    def currentRow(self) -> int:
        current = self.currentItem()
        return current.data(0, ROW) if current is not None else -1

    def setCurrentRow(self, row) -> None:
        self.setCurrentItem(self._rows[row])

    def _current_changed(self, current, previous):
        if current is None:
            return
        row = current.data(0, ROW)
        if row >= 0:
            self.currentRowChanged.emit(row)
        elif current.childCount():  # a theme row: on to its first criterion, or back up with the arrow key
            first = current.child(0).data(0, ROW)
            back = previous is not None and previous.data(0, ROW) == first and first > 0
            self.setCurrentRow(first - 1 if back else first)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped rows take their height at the new width


class LevelLabel(QLabel):
    """The word-wrapped description beside a level's radio button (a QRadioButton does not wrap); clicking it
    clicks the button, as clicking a radio button's own text does."""

    def __init__(self, button):
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self.buddy().click()
        super().mousePressEvent(event)


class ScoringDialog(QDialog):
    def __init__(self, parent=None, framework_path=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Score a plan") + " [*]")  # [*]: Qt shows "*" while there are unsaved changes
        self.language = content_language()
        self.current = None
        self._quiet = False  # True while the widgets are filled from a file: no "unsaved changes" then

        self.plan, self.city, self.assessor = QLineEdit(), QLineEdit(), QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(1900, 2200)
        self.year.setValue(2026)
        details = QGridLayout()  # two columns: the question gets the height
        for place, (text, field) in enumerate(
            (
                (tr("Plan name"), self.plan),
                (tr("City"), self.city),
                (tr("Year of the plan"), self.year),
                (tr("Assessor"), self.assessor),
            )
        ):
            label = QLabel(text)
            label.setBuddy(field)
            details.addWidget(label, place // 2, 2 * (place % 2))
            details.addWidget(field, place // 2, 2 * (place % 2) + 1)
        details.setColumnStretch(1, 1)
        details.setColumnStretch(3, 1)
        for field in (self.plan, self.city, self.assessor):
            field.textChanged.connect(self.details_changed)
        self.year.valueChanged.connect(self.details_changed)

        self.criteria = CriteriaTree()
        self.criteria.currentRowChanged.connect(self.show_criterion)
        self.theme = QLabel()
        self.theme.setTextFormat(Qt.TextFormat.PlainText)
        self.theme.setWordWrap(True)
        theme_font = QFont(self.theme.font())
        theme_font.setBold(True)
        self.theme.setFont(theme_font)
        self.position = QLabel()
        self.question = QLabel()
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        question_font = QFont(self.question.font())
        question_font.setPointSizeF(question_font.pointSizeF() * 1.1)
        self.question.setFont(question_font)
        self.buttons = QButtonGroup(self)
        self.level_labels = {}  # score -> the word-wrapped QLabel beside its radio button (its buddy)
        levels = QGridLayout()
        levels.setColumnStretch(1, 1)
        for row, value in enumerate(CHOICES):
            button = QRadioButton("" if value == NA else value)
            button.setProperty("score", value)
            self.buttons.addButton(button)
            label = LevelLabel(button)
            self.level_labels[value] = label
            levels.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            levels.addWidget(label, row, 1)
        self.buttons.buttonClicked.connect(self.store)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.question)
        page_layout.addSpacing(6)
        page_layout.addLayout(levels)
        page_layout.addStretch(1)
        self.question_area = QScrollArea()  # a question and its levels of any length: scrolled, never cut
        self.question_area.setWidgetResizable(True)
        self.question_area.setFrameShape(QFrame.Shape.NoFrame)
        self.question_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.question_area.setWidget(page)
        self.comment = QTextEdit()
        self.comment.setPlaceholderText(tr("Comment"))
        self.comment.setAcceptRichText(False)
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 4 + 12)
        self.comment.textChanged.connect(self.store)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(tr("Evidence (page or section of the plan)"))
        self.evidence.textChanged.connect(self.store)
        self.progress = QProgressBar()
        self.framework_label = QLabel()

        heading = QHBoxLayout()
        heading.addWidget(self.theme, 1)
        heading.addWidget(self.position, 0, Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(heading)
        right_layout.addWidget(self.question_area, 1)
        right_layout.addWidget(self.comment)
        right_layout.addWidget(self.evidence)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(self.criteria)
        body.addWidget(right)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        body.setSizes([400, 600])
        self.framework_button = QPushButton(tr("Framework…"))
        self.framework_button.clicked.connect(self.choose_framework)
        self.open_button = QPushButton(tr("Open scorecard…"))
        self.open_button.clicked.connect(self.choose_and_open)
        self.save_button = QPushButton(tr("Save scorecard…"))
        self.save_button.clicked.connect(self.choose_and_save)
        for button in (self.framework_button, self.open_button, self.save_button):
            button.setAutoDefault(False)  # Enter in a text field does not open a file dialog
        actions = QHBoxLayout()
        actions.addWidget(self.framework_label)
        actions.addWidget(self.framework_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(details)
        layout.addWidget(body, 1)
        layout.addLayout(actions)
        self.resize(self.opening_size())
        self.use_framework(framework_path or resource_path("frameworks", "citywide_plan_assessment.json"))

    @staticmethod
    def opening_size(available=None) -> QSize:
        """Large enough for a question of 300 characters and its levels in full, within the screen's available
        geometry ``available`` (the primary screen's when None)."""
        if available is None and QApplication.primaryScreen() is not None:
            available = QApplication.primaryScreen().availableGeometry()
        width, height = 1100, 780
        if available is not None:
            width, height = min(width, int(available.width() * 0.95)), min(height, int(available.height() * 0.9))
        return QSize(width, height)

    # --- framework and criteria -------------------------------------------------------------------------------

    def use_framework(self, path) -> None:
        """Load and validate a framework (the core's reader) and start a blank scorecard for it."""
        framework = load_framework(path)
        self.framework = framework
        self.answers = {c.id: {"score": None, "comment": "", "evidence": ""} for c in framework.criteria}
        self.current = None
        self.theme_order = []  # theme ids in the order of the framework
        for criterion in framework.criteria:
            if criterion.theme not in self.theme_order:
                self.theme_order.append(criterion.theme)
        self.criteria.fill(
            [
                (
                    self._text(framework.themes.get(theme, {})),
                    [self._text(c.question) for c in framework.criteria if c.theme == theme],
                )
                for theme in self.theme_order
            ]
        )
        self.framework_label.setText(self._text(framework.name))
        self.progress.setRange(0, len(framework.criteria))
        self.criteria.setCurrentRow(0)
        self.show_criterion(0)
        self.update_progress()
        self.set_dirty(False)

    def choose_framework(self):
        if not self.may_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Framework…"), self.start_folder(), tr("Assessment frameworks (*.json)")
        )
        if path:
            self._guarded(self.use_framework, path)

    def _text(self, names):
        return names.get(self.language) or names.get("en") or ""

    def show_criterion(self, row):
        self.current = None  # no storing while the widgets are refilled
        criterion = self.framework.criteria[row]
        answer = self.answers[criterion.id]
        theme_number = self.theme_order.index(criterion.theme) + 1
        self.theme.setText(
            tr(
                "Theme {0} of {1}: {2}",
                theme_number,
                len(self.theme_order),
                self._text(self.framework.themes.get(criterion.theme, {})),
            )
        )
        self.position.setText(tr("Criterion {0} of {1}", row + 1, len(self.framework.criteria)))
        self.question.setText(self._text(criterion.question))
        for button in self.buttons.buttons():
            value = button.property("score")
            text = tr("NA: not applicable") if value == NA else self._text(criterion.levels[value])
            self.level_labels[value].setText(text)
            button.setToolTip(text)
            button.setAccessibleDescription(text)
            button.setChecked(answer["score"] == value)
        if answer["score"] is None:  # clear the radio buttons
            self.buttons.setExclusive(False)
            for button in self.buttons.buttons():
                button.setChecked(False)
            self.buttons.setExclusive(True)
        self.comment.setPlainText(answer["comment"])
        self.evidence.setText(answer["evidence"])
        self.question_area.verticalScrollBar().setValue(0)
        self.current = criterion.id

    def level_label(self, score) -> QLabel:
        """The word-wrapped description shown beside the radio button of ``score`` ("0".."3" or "NA")."""
        return self.level_labels[score]

    def store(self, *args):
        if self.current is None:
            return
        checked = self.buttons.checkedButton()
        answer = self.answers[self.current]
        before = dict(answer)
        answer["score"] = checked.property("score") if checked is not None else answer["score"]
        answer["comment"] = self.comment.toPlainText()
        answer["evidence"] = self.evidence.text()
        if answer != before:
            self.set_dirty(True)
        self.update_progress()

    def details_changed(self, *args):
        if not self._quiet:
            self.set_dirty(True)

    def update_progress(self):
        done = sum(1 for answer in self.answers.values() if answer["score"] is not None)
        self.progress.setValue(done)
        self.progress.setFormat(tr("{0} of {1} criteria scored", done, len(self.answers)))
        for row, criterion in enumerate(self.framework.criteria):
            question = self._text(criterion.question)
            mark = "✓ " if self.answers[criterion.id]["score"] is not None else "○ "
            item = self.criteria.item(row)
            item.setText(0, mark + question)
            item.setToolTip(0, question)
        for theme_id, item in zip(self.theme_order, self.criteria.themes()):
            ids = [c.id for c in self.framework.criteria if c.theme == theme_id]
            answered = sum(1 for i in ids if self.answers[i]["score"] is not None)
            name = self._text(self.framework.themes.get(theme_id, {}))
            item.setText(0, tr("{0} ({1}/{2})", name, answered, len(ids)))
            item.setToolTip(0, tr("{0}: {1} of {2} criteria scored", name, answered, len(ids)))

    # --- scorecards -------------------------------------------------------------------------------------------

    def scorecard(self) -> Scorecard:
        card = Scorecard(
            self.framework.id,
            self.framework.version,
            self.plan.text().strip(),
            self.city.text().strip(),
            self.year.value(),
            self.assessor.text().strip(),
        )
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
        # NA takes a criterion out of the potential score: it needs its reason, else it would count as not scored.
        unexplained = [
            self._text(criterion.question)
            for criterion in self.framework.criteria
            if self.answers[criterion.id]["score"] == NA and not self.answers[criterion.id]["comment"].strip()
        ]
        if unexplained:
            raise HabitatError(
                tr(
                    "Say in the comment why each NA does not apply, before saving: {0}",
                    "; ".join(unexplained),
                )
            )
        written = write_scorecard(card, path)
        self.remember_folder(written)
        self.set_dirty(False)
        return written

    def load(self, path) -> None:
        card = read_scorecard(path)
        if card.framework != self.framework.id:
            raise HabitatError(
                tr('{0}: made for the framework "{1}", not "{2}".', card.source, card.framework, self.framework.id)
            )
        self._quiet = True
        try:
            self.plan.setText(card.plan)
            self.city.setText(card.city)
            self.year.setValue(card.year or self.year.value())
            self.assessor.setText(card.assessor)
        finally:
            self._quiet = False
        for criterion_id, answer in self.answers.items():
            score = card.scores.get(criterion_id)
            answer["score"] = None if score is None else NA if math.isnan(score) else str(int(score))
            answer["comment"] = card.comments.get(criterion_id, "")
            answer["evidence"] = card.evidence.get(criterion_id, "")
        self.show_criterion(max(self.criteria.currentRow(), 0))
        self.update_progress()
        self.remember_folder(path)
        self.set_dirty(False)

    # --- where scorecards go ----------------------------------------------------------------------------------

    def remember_folder(self, path) -> None:
        QgsSettings().setValue(FOLDER_KEY, str(Path(path).resolve().parent))

    def start_folder(self) -> str:
        """The folder of the last scorecard opened or saved, else Documents (else home): never the working
        directory of QGIS."""
        remembered = QgsSettings().value(FOLDER_KEY, "", type=str)
        if remembered and os.path.isdir(remembered):
            return remembered
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if documents and os.path.isdir(documents):
            return documents
        return QDir.homePath()

    def suggested_name(self) -> str:
        """ "plan_year_assessor.json" of the details given; unsafe characters replaced, Chinese kept."""
        parts = [
            safe_file_name(self.plan.text())[: MAX_NAME // 2],
            str(self.year.value()),
            safe_file_name(self.assessor.text())[: MAX_NAME // 3],
        ]
        if not parts[0]:
            parts[0] = safe_file_name(tr("scorecard"))
        return "_".join(part for part in parts if part) + SUFFIX

    def suggested_path(self) -> str:
        return os.path.join(self.start_folder(), self.suggested_name())

    def choose_and_save(self) -> bool:
        """Ask where to save (suggesting suggested_path()) and save; True when the scorecard was saved."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save scorecard…"), self.suggested_path(), tr("Scorecards (*.json)")
        )
        if not path:
            return False
        if Path(path).suffix.lower() != SUFFIX:  # the scorecard is JSON whatever name is typed
            path += SUFFIX
        return self._guarded(self.save, path)

    def choose_and_open(self):
        if not self.may_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open scorecard…"), self.start_folder(), tr("Scorecards (*.json *.csv *.xlsx)")
        )
        if path:
            self._guarded(self.load, path)

    def _guarded(self, action, path) -> bool:
        try:
            action(path)
        except HabitatError as error:
            QMessageBox.warning(self, tr("Score a plan"), str(error))
            return False
        return True

    # --- unsaved changes --------------------------------------------------------------------------------------

    def set_dirty(self, dirty: bool) -> None:
        self.setWindowModified(dirty)

    def is_dirty(self) -> bool:
        return self.isWindowModified()

    def confirm_discard(self):
        """Ask what to do with unsaved changes: Save, Discard or Cancel (a QMessageBox.StandardButton)."""
        return QMessageBox.question(
            self,
            tr("Score a plan"),
            tr("This scorecard has unsaved changes. Save them before going on?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def may_discard(self) -> bool:
        """True when the current answers may go: nothing unsaved, saved now, or the user discards them."""
        if not self.is_dirty():
            return True
        choice = self.confirm_discard()
        if choice == QMessageBox.StandardButton.Save:
            return self.choose_and_save()
        return choice == QMessageBox.StandardButton.Discard

    def reject(self):
        """Esc, the window's close button and close() all come here (QDialog.closeEvent calls reject)."""
        if self.may_discard():
            super().reject()
