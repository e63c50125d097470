"""The real algorithms on files saved by Excel and Notepad on a Chinese Windows: a GB18030 (GBK) scorecard CSV, a
framework and a questionnaire in UTF-8 with a BOM, a GB18030 survey export. Each is read, its encoding is in the
log, and the results equal those of the UTF-8 originals."""

import json

from test.conftest import SAMPLE_DATA, layer_path
from test.core.test_file_encodings import (
    ASSESSOR,
    COMMENT,
    EXCEL_CSV,
    NOTEPAD_UTF8,
    PLAIN_UTF8,
    PLAN,
    QUESTIONNAIRE_FILE,
    survey_in_chinese,
    write,
)
from test.core.test_scorecards import FRAMEWORK
from test.helpers import read_rows
from test.hostile.hostile import attempt

CARD = (
    "framework,mini\r\nplan,{plan}\r\ncity,北京市\r\nyear,2026\r\nassessor,{assessor}\r\n\r\n"
    "criterion,score,comment,evidence\r\nV1,{v1},{comment},第3章\r\nV2,2,,\r\nP1,不适用,,\r\n"
)


def test_plan_assessment_reads_a_gbk_scorecard_and_a_notepad_framework(tmp_path, habitat_provider):
    framework, _ = write(tmp_path / "框架.json", json.dumps(FRAMEWORK, ensure_ascii=False, indent=2), NOTEPAD_UTF8)
    chen, _ = write(
        tmp_path / "cards" / "陈静.csv", CARD.format(plan=PLAN, assessor=ASSESSOR, v1=3, comment=COMMENT), EXCEL_CSV
    )
    ana, _ = write(tmp_path / "cards" / "ana.csv", CARD.format(plan=PLAN, assessor="Ana", v1=1, comment=""), PLAIN_UTF8)
    out = tmp_path / "out"
    outcome = attempt(
        "habitat:planassessment",
        {
            "FRAMEWORK": str(framework),
            "SCORECARDS": [str(chen), str(ana)],
            "OUTPUT_CRITERIA": str(out / "c.csv"),
            "OUTPUT_THEMES": str(out / "t.csv"),
            "OUTPUT_PLANS": str(out / "p.csv"),
            "OUTPUT_REPORT": str(out / "r.html"),
        },
    )
    assert outcome.status == "ok", str(outcome)
    for line in ("Read 框架.json as UTF-8 (BOM).", "Read 陈静.csv as GB18030 (GBK).", "Read ana.csv as UTF-8."):
        assert line in outcome.log.splitlines(), outcome.log
    (plan,) = read_rows(out / "p.csv")
    assert plan["plan"] == PLAN and plan["city"] == "北京市" and int(plan["assessors"]) == 2  # one plan, not two
    criteria = {row["criterion"]: row for row in read_rows(out / "c.csv")}
    assert float(criteria["V1"]["mean"]) == 2.0  # (3 + 1) / 2: both cards read
    assert COMMENT in (out / "r.html").read_text(encoding="utf-8")


def quality_run(folder, survey, questionnaire):
    parameters = {
        "SURVEY": str(survey),
        "QUESTIONNAIRE": str(questionnaire),
        "INVENTORY": layer_path("public_spaces"),
        "ID_FIELD": "ps_id",
        "NAME_FIELD": "name",
        "OUTPUT": str(folder / "q.gpkg"),
        "OUTPUT_ANSWERS": str(folder / "a.csv"),
        "OUTPUT_LOG": str(folder / "log.csv"),
        "OUTPUT_REPORT": None,
    }
    folder.mkdir()
    outcome = attempt("habitat:publicspacequality", parameters)
    assert outcome.status == "ok", str(outcome)
    scores = [{key: value for key, value in row.items() if key != "_geometry"} for row in read_rows(folder / "q.gpkg")]
    return outcome.log, scores, read_rows(folder / "a.csv"), read_rows(folder / "log.csv")


def test_quality_reads_a_gbk_survey_export_and_a_notepad_questionnaire(tmp_path, habitat_provider):
    assert (SAMPLE_DATA / "survey" / "public_space_survey.csv").exists()
    text = survey_in_chinese()
    questionnaire = QUESTIONNAIRE_FILE.read_text(encoding="utf-8")
    utf8 = quality_run(
        tmp_path / "utf8",
        write(tmp_path / "调查.csv", text, PLAIN_UTF8)[0],
        write(tmp_path / "问卷.json", questionnaire, PLAIN_UTF8)[0],
    )
    saved = quality_run(
        tmp_path / "saved",
        write(tmp_path / "excel" / "调查.csv", text, EXCEL_CSV)[0],
        write(tmp_path / "notepad" / "问卷.json", questionnaire, NOTEPAD_UTF8)[0],
    )
    log = saved[0].splitlines()
    assert "Read 调查.csv as GB18030 (GBK)." in log and "Read 问卷.json as UTF-8 (BOM)." in log, saved[0]
    assert "Read 调查.csv as UTF-8." in utf8[0].splitlines()
    assert saved[1] == utf8[1] and saved[2] == utf8[2] and saved[3] == utf8[3]
    assert len(saved[1]) > 5 and len(saved[2]) > 5
