"""The IG-UTP principles in the assessment results, tables and report, with the framework v2 file."""

from pathlib import Path

import pytest

from habitat_planning_plugin.core.plan_assessment import report, tables
from habitat_planning_plugin.core.plan_assessment.aggregation import assess_plans
from habitat_planning_plugin.core.plan_assessment.scorecards import Scorecard, load_framework
from habitat_planning_plugin.core.report.html import ReportSettings

V2 = Path(__file__).resolve().parents[2] / "resources" / "frameworks" / "citywide_plan_assessment.json"


def cards(framework, score, plan):
    return [
        Scorecard(
            framework.id, framework.version, plan, "City", 2026, who, scores={c.id: score for c in framework.criteria}
        )
        for who in ("Ana", "Bo")
    ]


@pytest.mark.parametrize("score, reflected", [(3.0, 12), (2.0, 12), (1.0, 0)])
def test_every_principle_reflected_or_none(score, reflected):
    # Every criterion at the same score: at 2 or 3 each principle's criteria all reach 2.0; at 1 none does.
    framework = load_framework(V2)
    (result,) = assess_plans(framework, cards(framework, score, "P"))
    assert sum(1 for p in result["principles"] if p.reflected) == reflected
    row = tables.plan_rows([result])[0]
    columns = [name for name, _ in tables.PLAN_COLUMNS]
    assert row[columns.index("principles")] == reflected
    assert row[columns.index("reflects_6")] == int(reflected >= 6)


def test_not_scored_criteria_count_as_zero_for_the_principles():
    """The plan scores 3 everywhere but leaves the consistency, projects and monitoring criteria blank: the
    principles that rest on them lose their evidence, as a plan that skips them should."""
    framework = load_framework(V2)
    skipped = {c.id for c in framework.criteria if c.theme in ("consistency", "projects", "monitoring")}
    group = cards(framework, 3.0, "P")
    for card in group:
        for criterion in skipped:
            del card.scores[criterion]
            card.blank.append(criterion)
    (result,) = assess_plans(framework, group)
    for principle in result["principles"]:
        tagged = set(principle.criteria)
        kept = len(tagged - skipped)
        assert principle.reflected == (kept >= principle.needed), principle.number
    assert result["coverage"] == pytest.approx(100 * (len(framework.criteria) - len(skipped)) / len(framework.criteria))


def test_report_states_the_status_and_the_principles(tmp_path):
    framework = load_framework(V2)
    results = assess_plans(framework, cards(framework, 3.0, "Good plan") + cards(framework, 1.0, "Weak plan"))
    path = report.assessment_report(str(tmp_path / "r.html"), framework, results, ReportSettings(language="en"))
    text = Path(path).read_text(encoding="utf-8")
    assert "Status of the framework: Draft for expert review" in text
    assert text.count("IG-UTP principles reflected") == 2
    assert "Recommendations: Weak plan · City · 2026" in text


def test_a_version_1_card_is_read_with_what_changed():
    """A card scored on v1 (its 28 criteria) assessed with v2: read, the 8 new criteria named as not scored."""
    from habitat_planning_plugin.core.plan_assessment.scorecards import check_scorecards

    v2 = load_framework(V2)
    v1 = load_framework(V2.with_name("citywide_plan_assessment_v1.json"))
    old = [Scorecard(v1.id, "1", "P", "City", 2020, who, scores={c.id: 2.0 for c in v1.criteria}) for who in ("A", "B")]
    warnings = check_scorecards(v2, old)
    changed = [w for w in warnings if "scored on version 1 of the framework; version 2 adds 8 criteria" in w]
    assert len(changed) == 2 and "consistency_1" in changed[0]
    (result,) = assess_plans(v2, old)
    assert result["coverage"] == pytest.approx(100 * 28 / 36) and len(result["not_scored"]) == 8
    assert result["overall"] == pytest.approx(100 * 28 * 2 / (36 * 3))  # weights all 1 in both versions
