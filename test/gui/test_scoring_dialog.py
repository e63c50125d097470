"""The scoring dialog: filled as an assessor would, saved, reopened; Chinese labels; opened from the menu;
criteria grouped by theme, questions shown whole, a suggested file name and folder, no answers lost on closing."""

import json
import math
import os
import re
from pathlib import Path

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QRect, QStandardPaths, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QFileDialog, QMessageBox

from habitat_planning_plugin.core.plan_assessment.scorecards import read_scorecard
from habitat_planning_plugin.core.text import HabitatError
from habitat_planning_plugin.paths import resource_path

FOLDER_KEY = "habitat_planning_plugin/scorecard_folder"


@pytest.fixture(autouse=True)
def scorecard_folder():
    """No remembered folder at the start of a test; the user's own setting is put back afterwards."""
    settings = QgsSettings()
    saved = settings.value(FOLDER_KEY)
    settings.remove(FOLDER_KEY)
    yield settings
    if saved is None:
        settings.remove(FOLDER_KEY)
    else:
        settings.setValue(FOLDER_KEY, saved)


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A message box left to the real Qt would wait for a click: each one is recorded instead (and a question
    is answered Cancel). Tests that play the user's answer replace dialog.confirm_discard."""
    shown = []

    def question(*args):
        shown.append(("question", args))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(("warning", args)))
    return shown


@pytest.fixture
def file_dialogs(monkeypatch):
    """QFileDialog answers played as the user's: ``file_dialogs.answer = path`` ("" = Cancel); calls recorded."""

    class Play:
        answer = ""
        calls = []

    def ask(*args):
        Play.calls.append(args)
        return Play.answer, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", ask)
    Play.calls = []
    return Play


def fill(dialog, criterion_row, score, comment="", evidence=""):
    dialog.criteria.setCurrentRow(criterion_row)
    button = next(b for b in dialog.buttons.buttons() if b.property("score") == score)
    button.click()
    dialog.comment.setPlainText(comment)
    dialog.evidence.setText(evidence)


def test_score_save_and_reopen(tmp_path, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    assert dialog.progress.value() == 0 and dialog.progress.maximum() == 36
    dialog.plan.setText("Master Plan 2030")
    dialog.city.setText("Sample City")
    dialog.assessor.setText("Ana")
    fill(dialog, 0, "3", "clear <b>vision</b>", "p. 4")
    fill(dialog, 1, "NA", "No targets needed: a conservation plan.")
    fill(dialog, 2, "1")
    assert dialog.progress.value() == 3 and dialog.criteria.item(0).text(0).startswith("✓")
    dialog.criteria.setCurrentRow(0)  # going back keeps the answers
    assert dialog.comment.toPlainText() == "clear <b>vision</b>" and dialog.evidence.text() == "p. 4"

    card = read_scorecard(dialog.save(tmp_path / "ana.json"))
    assert (card.plan, card.assessor, card.scores["vision_1"], card.comments["vision_1"]) == (
        "Master Plan 2030",
        "Ana",
        3.0,
        "clear <b>vision</b>",
    )
    assert math.isnan(card.scores["vision_2"]) and card.scores["fact_base_1"] == 1.0 and len(card.scores) == 3

    other = ScoringDialog()
    other.load(tmp_path / "ana.json")
    assert other.plan.text() == "Master Plan 2030" and other.progress.value() == 3
    other.criteria.setCurrentRow(1)
    assert other.buttons.checkedButton().property("score") == "NA"
    dialog.close()
    other.close()


def test_saving_needs_plan_and_assessor(tmp_path, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    with pytest.raises(HabitatError, match="plan name and the assessor"):
        dialog.save(tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()
    dialog.close()


def test_dialog_speaks_chinese(qgis_app, locale):
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    locale("zh_CN")
    dialog = ScoringDialog()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.text()]
    texts += [dialog.windowTitle(), dialog.progress.format(), dialog.criteria.item(0).text(0)]
    english = [t for t in texts if re.fullmatch(r"[\sA-Za-z…:.,()/]+", t)]
    assert english == [] and any("愿景" in t for t in texts)
    dialog.close()


def test_menu_opens_the_dialog(qgis_iface, qgis_processing):
    import habitat_planning_plugin
    from habitat_planning_plugin.gui.menu import SCORING_ACTION

    plugin = habitat_planning_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        area = plugin.menu.menu.actions()[1].menu()
        entry = next(e for e in area.actions() if e.objectName() == SCORING_ACTION)
        entry.trigger()
        assert plugin.menu.scoring_dialog is not None and plugin.menu.scoring_dialog.isVisible()
    finally:
        plugin.unload()


def test_pick_another_framework(tmp_path, qgis_app):
    import json

    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog
    from test.core.test_scorecards import FRAMEWORK

    path = tmp_path / "mini.json"
    path.write_text(json.dumps(FRAMEWORK, ensure_ascii=False), encoding="utf-8")
    dialog = ScoringDialog()
    dialog.use_framework(path)
    assert dialog.criteria.count() == 3 and dialog.progress.maximum() == 3 and dialog.framework_label.text() == "Mini"
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "x"}', encoding="utf-8")
    with pytest.raises(HabitatError, match="not valid"):
        dialog.use_framework(broken)
    assert dialog.framework.id == "mini"  # the dialog keeps the framework it had
    dialog.close()


def framework_json(path=None):
    with open(path or resource_path("frameworks", "citywide_plan_assessment.json"), encoding="utf-8") as stream:
        return json.load(stream)


def test_criteria_are_grouped_by_theme_with_progress(qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    data = framework_json()
    dialog = ScoringDialog()
    themes = dialog.criteria.themes()
    assert [item.text(0) for item in themes] == [f"{t['name']['en']} (0/{len(t['criteria'])})" for t in data["themes"]]
    assert [item.childCount() for item in themes] == [len(t["criteria"]) for t in data["themes"]]
    assert [themes[t].child(c).text(0) for t in range(len(themes)) for c in range(themes[t].childCount())] == [
        "○ " + c["question"]["en"] for t in data["themes"] for c in t["criteria"]
    ]
    assert dialog.criteria.count() == sum(len(t["criteria"]) for t in data["themes"])
    assert (
        not themes[0].flags() & Qt.ItemFlag.ItemIsSelectable
        and dialog.criteria.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    )

    first, second = data["themes"][0], data["themes"][1]
    fill(dialog, 0, "2")
    assert themes[0].text(0) == f"{first['name']['en']} (1/{len(first['criteria'])})"
    assert first["name"]["en"] in dialog.theme.text()
    second_row = len(first["criteria"])
    dialog.criteria.setCurrentRow(second_row)
    assert (
        second["name"]["en"] in dialog.theme.text()
        and dialog.question.text() == (second["criteria"][0]["question"]["en"])
    )
    dialog.criteria.setCurrentRow(0)
    dialog.criteria.setCurrentItem(themes[1])  # a click on a theme row goes to its first criterion
    assert dialog.criteria.currentRow() == second_row
    dialog.show()
    dialog.criteria.setFocus()
    QTest.keyClick(dialog.criteria, Qt.Key.Key_Up)  # the arrow keys skip the theme rows
    assert dialog.criteria.currentRow() == second_row - 1
    QTest.keyClick(dialog.criteria, Qt.Key.Key_Down)
    assert dialog.criteria.currentRow() == second_row
    dialog.confirm_discard = lambda: QMessageBox.StandardButton.Discard
    dialog.close()


LONG_QUESTION = (
    "Does the plan set out, for every district of the city and for each of the next three planning "
    "periods, the public spaces, streets, transport corridors, housing areas and services it will "
    "provide, who is responsible for each, how they are financed and by which year, and how "
    "residents of each district take part?"
)
LONG_LEVEL = (
    "High: every item is given with its location, its budget line, the agency in charge and a year, "
    "and the plan names the indicators that will track it."
)


def test_questions_and_levels_are_shown_whole(tmp_path, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog
    from test.core.test_scorecards import FRAMEWORK

    assert len(LONG_QUESTION) >= 300
    data = json.loads(json.dumps(FRAMEWORK))
    data["themes"][0]["criteria"][0]["question"]["en"] = LONG_QUESTION
    data["themes"][0]["criteria"][0]["levels"]["3"] = {"en": LONG_LEVEL}
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialog = ScoringDialog(framework_path=path)
    dialog.show()
    QApplication.processEvents()

    assert dialog.question.text() == LONG_QUESTION and dialog.question.wordWrap()
    three = next(b for b in dialog.buttons.buttons() if b.property("score") == "3")
    label = dialog.level_label("3")
    assert label.buddy() is three and label.text() == LONG_LEVEL and label.wordWrap()
    assert dialog.level_label("0").text() == data["themes"][0]["criteria"][0]["levels"]["0"]["en"]
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)  # the description is part of the choice, as a radio's text is
    assert dialog.buttons.checkedButton() is three
    # the whole question and its levels fit the opening size: nothing to scroll to, nothing cut
    # the whole question is in view at the opening size, within the (800 x 600 offscreen) screen; on a screen of
    # 1280 x 1024 its levels too
    viewport = dialog.question_area.viewport()
    question = dialog.question.geometry().translated(dialog.question.parentWidget().pos())
    assert question.top() >= 0 and question.bottom() <= viewport.height()
    assert dialog.question.height() >= dialog.question.heightForWidth(dialog.question.width())
    screen = QApplication.primaryScreen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    dialog.resize(ScoringDialog.opening_size(QRect(0, 0, 1280, 1024)))  # as it opens on a 1280 x 1024 screen
    QApplication.processEvents()
    assert dialog.question_area.verticalScrollBar().maximum() == 0
    item = dialog.criteria.item(0)
    assert item.toolTip(0) == LONG_QUESTION and item.text(0).endswith(LONG_QUESTION)
    line = dialog.criteria.fontMetrics().height()
    assert dialog.criteria.visualItemRect(item).height() >= 3 * line  # wrapped in the list, not elided
    dialog.confirm_discard = lambda: QMessageBox.StandardButton.Discard
    dialog.close()


def test_suggested_path(tmp_path, monkeypatch, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(documents) == home / "Documents"

    dialog = ScoringDialog()
    dialog.plan.setText("Sample City Plan")
    dialog.assessor.setText("Chen")
    assert dialog.suggested_path() == os.path.join(documents, "Sample City Plan_2026_Chen.json")
    dialog.plan.setText(' 示范城市/总体规划: "2030"? ')
    dialog.year.setValue(2030)
    dialog.assessor.setText("陈 <评估>")
    assert dialog.suggested_name() == "示范城市_总体规划_ _2030___2030_陈 _评估_.json"
    dialog.plan.setText("")
    dialog.assessor.setText("CON")
    assert dialog.suggested_name() == "scorecard_2030__CON.json"
    assert os.path.dirname(dialog.suggested_path()) != os.getcwd()

    (home / "Documents").rmdir()  # no Documents folder: home, still not the working directory
    assert os.path.dirname(dialog.suggested_path()) == str(home)
    dialog.confirm_discard = lambda: QMessageBox.StandardButton.Discard
    dialog.close()


def test_the_folder_of_the_last_scorecard_is_remembered(tmp_path, scorecard_folder, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    dialog.plan.setText("Plan")
    dialog.assessor.setText("Ana")
    (tmp_path / "saved").mkdir()
    dialog.save(tmp_path / "saved" / "ana.json")
    assert scorecard_folder.value(FOLDER_KEY) == str(tmp_path / "saved")
    other = ScoringDialog()
    assert other.suggested_path() == str(
        tmp_path / "saved" / "Plan_2026_Ana.json".replace("Plan_", "scorecard_").replace("_Ana", "")
    )
    (tmp_path / "opened").mkdir()
    (tmp_path / "saved" / "ana.json").rename(tmp_path / "opened" / "ana.json")
    other.load(tmp_path / "opened" / "ana.json")
    assert other.suggested_path() == str(tmp_path / "opened" / "Plan_2026_Ana.json")
    (tmp_path / "opened" / "ana.json").unlink()
    (tmp_path / "opened").rmdir()  # a remembered folder that is gone: not suggested
    assert not other.suggested_path().startswith(str(tmp_path))
    dialog.close()
    other.close()


def test_changes_mark_the_dialog_modified(tmp_path, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    assert "[*]" in dialog.windowTitle() and not dialog.isWindowModified()
    dialog.criteria.setCurrentRow(3)  # looking is not changing
    assert not dialog.isWindowModified()
    fill(dialog, 0, "2")
    assert dialog.isWindowModified()
    dialog.plan.setText("Plan")
    dialog.assessor.setText("Ana")
    dialog.save(tmp_path / "a.json")
    assert not dialog.isWindowModified()
    for change in (
        lambda: dialog.comment.setPlainText("why"),
        lambda: dialog.evidence.setText("p. 2"),
        lambda: dialog.city.setText("Sample City"),
        lambda: dialog.year.setValue(2030),
        lambda: fill(dialog, 1, "NA", "Not applicable here."),
    ):
        dialog.save(tmp_path / "a.json")
        change()
        assert dialog.isWindowModified()
    other = ScoringDialog()
    other.load(dialog.save(tmp_path / "a.json"))
    assert not other.isWindowModified() and other.plan.text() == "Plan"
    dialog.close()
    other.close()


def test_closing_with_unsaved_changes_asks(qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    dialog.show()
    asked = []
    dialog.confirm_discard = lambda: asked.append(1) or QMessageBox.StandardButton.Cancel
    fill(dialog, 0, "3")
    assert dialog.close() is False and dialog.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 2
    assert dialog.answers["vision_1"]["score"] == "3"
    dialog.confirm_discard = lambda: asked.append(1) or QMessageBox.StandardButton.Discard
    assert dialog.close() is True and not dialog.isVisible() and len(asked) == 3

    clean = ScoringDialog()  # nothing to lose: no question
    clean.show()
    clean.confirm_discard = lambda: asked.append(1) or QMessageBox.StandardButton.Cancel
    assert clean.close() is True and len(asked) == 3


def test_save_on_close(tmp_path, file_dialogs, no_message_boxes, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    dialog.show()
    dialog.confirm_discard = lambda: QMessageBox.StandardButton.Save
    fill(dialog, 0, "1")
    file_dialogs.answer = str(tmp_path / "x.json")
    assert dialog.close() is False and dialog.isVisible()  # plan and assessor missing: not saved, kept open
    assert [kind for kind, _ in no_message_boxes] == ["warning"] and dialog.isWindowModified()
    assert not (tmp_path / "x.json").exists()
    dialog.plan.setText("Plan")
    dialog.assessor.setText("Ana")
    file_dialogs.answer = ""  # the user cancels the file dialog
    file_dialogs.calls = []
    assert dialog.close() is False and dialog.isVisible() and dialog.isWindowModified()
    assert file_dialogs.calls[0][2] == dialog.suggested_path()
    file_dialogs.answer = str(tmp_path / "ana")  # typed without a suffix
    assert dialog.close() is True and not dialog.isVisible()
    card = read_scorecard(tmp_path / "ana.json")
    assert card.plan == "Plan" and card.scores == {"vision_1": 1.0}


def test_opening_another_scorecard_or_framework_asks(tmp_path, file_dialogs, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog
    from test.core.test_scorecards import FRAMEWORK

    saved = ScoringDialog()
    saved.plan.setText("Saved plan")
    saved.assessor.setText("Bo")
    fill(saved, 0, "0")
    saved.save(tmp_path / "bo.json")
    saved.close()
    mini = tmp_path / "mini.json"
    mini.write_text(json.dumps(FRAMEWORK, ensure_ascii=False), encoding="utf-8")

    dialog = ScoringDialog()
    fill(dialog, 0, "3")
    dialog.confirm_discard = lambda: QMessageBox.StandardButton.Cancel
    file_dialogs.answer = str(tmp_path / "bo.json")
    dialog.choose_and_open()
    dialog.choose_framework()
    assert file_dialogs.calls == [] and dialog.answers["vision_1"]["score"] == "3"  # nothing asked, kept
    dialog.confirm_discard = lambda: QMessageBox.StandardButton.Discard
    dialog.choose_and_open()
    assert dialog.plan.text() == "Saved plan" and dialog.answers["vision_1"]["score"] == "0"
    assert not dialog.isWindowModified() and file_dialogs.calls[0][2] == str(tmp_path)
    fill(dialog, 1, "2")
    file_dialogs.answer = str(mini)
    dialog.choose_framework()
    assert dialog.framework.id == "mini" and not dialog.isWindowModified()
    dialog.close()


def test_the_question_offers_save_discard_cancel(monkeypatch, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.Discard)
    dialog = ScoringDialog()
    assert dialog.confirm_discard() == QMessageBox.StandardButton.Discard
    parent, title, text, buttons, default = asked[0]
    assert parent is dialog and "unsaved" in text and default == QMessageBox.StandardButton.Save
    assert int(buttons) == int(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    )
    dialog.close()


def test_an_na_needs_its_reason_before_saving(tmp_path, qgis_app):
    from habitat_planning_plugin.core.text import HabitatError
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    dialog.plan.setText("Plan")
    dialog.assessor.setText("Ana")
    fill(dialog, 1, "NA")  # no comment
    with pytest.raises(HabitatError, match="why each NA does not apply"):
        dialog.save(tmp_path / "a.json")
    assert not (tmp_path / "a.json").exists()
    fill(dialog, 1, "NA", "The plan covers no coast.")
    assert math.isnan(read_scorecard(dialog.save(tmp_path / "a.json")).scores["vision_2"])
    dialog.close()
