"""The scoring dialog: filled as an assessor would, saved, reopened; Chinese labels; opened from the menu."""

import math
import re

import pytest

from habitat_planning_plugin.core.plan_assessment.scorecards import read_scorecard
from habitat_planning_plugin.core.text import HabitatError


def fill(dialog, criterion_row, score, comment="", evidence=""):
    dialog.criteria.setCurrentRow(criterion_row)
    button = next(b for b in dialog.buttons.buttons() if b.property("score") == score)
    button.click()
    dialog.comment.setPlainText(comment)
    dialog.evidence.setText(evidence)


def test_score_save_and_reopen(tmp_path, qgis_app):
    from habitat_planning_plugin.gui.scoring_dialog import ScoringDialog

    dialog = ScoringDialog()
    assert dialog.progress.value() == 0 and dialog.progress.maximum() == 28
    dialog.plan.setText("Master Plan 2030")
    dialog.city.setText("Sample City")
    dialog.assessor.setText("Ana")
    fill(dialog, 0, "3", "clear <b>vision</b>", "p. 4")
    fill(dialog, 1, "NA")
    fill(dialog, 2, "1")
    assert dialog.progress.value() == 3 and dialog.criteria.item(0).text().startswith("✓")
    dialog.criteria.setCurrentRow(0)  # going back keeps the answers
    assert dialog.comment.toPlainText() == "clear <b>vision</b>" and dialog.evidence.text() == "p. 4"

    card = read_scorecard(dialog.save(tmp_path / "ana.json"))
    assert (card.plan, card.assessor, card.scores["vision_1"], card.comments["vision_1"]) == (
        "Master Plan 2030", "Ana", 3.0, "clear <b>vision</b>")
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
    texts += [dialog.windowTitle(), dialog.progress.format(), dialog.criteria.item(0).text()]
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
