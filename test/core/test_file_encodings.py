"""Files from Chinese desktops: every CSV and JSON reader accepts UTF-8 with or without BOM, GB18030 (GBK) and
UTF-16, says which it used, and refuses anything else naming the file and the encodings tried.

The files are written the way the programs write them: Excel's "CSV (逗号分隔)" on a Chinese Windows is GBK
(GB18030 reads it) with CRLF line ends, Excel's "CSV UTF-8" is UTF-8 with a BOM and CRLF, Excel's "Unicode text"
is UTF-16 with a BOM and tabs, Notepad saves UTF-8 with a BOM (and "ANSI", GBK, on request). Each parse is
compared with the Python strings that were encoded, and with the parse of the UTF-8 original.
"""

import json
import random

import pytest

from habitat_planning_plugin.core.files import decode_text, read_json, read_json_with_encoding
from habitat_planning_plugin.core.plan_assessment.scorecards import load_framework, read_scorecard
from habitat_planning_plugin.core.public_space.quality import read_export
from habitat_planning_plugin.core.public_space.survey import load_questionnaire
from habitat_planning_plugin.core.text import HabitatError
from test.paths import ROOT, SAMPLE_DATA

FRAMEWORK_FILE = ROOT / "resources" / "frameworks" / "citywide_plan_assessment.json"
QUESTIONNAIRE_FILE = ROOT / "resources" / "questionnaires" / "public_space_quality.json"
SAMPLE_CSV_CARD = SAMPLE_DATA / "scorecards" / "sample_city_2026_bo.csv"
SAMPLE_JSON_CARD = SAMPLE_DATA / "scorecards" / "sample_city_2026_chen.json"
SURVEY_CSV = SAMPLE_DATA / "survey" / "public_space_survey.csv"

ASSESSOR = "陈静"
PLAN = "北京城市总体规划（2016年—2035年）"
CITY = "北京市"
COMMENT = "愿景清晰，但缺少分期目标；“15分钟生活圈”未量化"
EVIDENCE = "第3章 第2节"
SPACE_NAME = "天坛公园·东门广场"

# How the programs of a Chinese Windows save text: (label reported, how the bytes are made).
EXCEL_CSV = ("GB18030 (GBK)", lambda text: crlf(text).encode("gb18030"))  # "CSV (逗号分隔)"
EXCEL_CSV_UTF8 = ("UTF-8 (BOM)", lambda text: b"\xef\xbb\xbf" + crlf(text).encode("utf-8"))  # "CSV UTF-8"
NOTEPAD_UTF8 = ("UTF-8 (BOM)", lambda text: b"\xef\xbb\xbf" + crlf(text).encode("utf-8"))  # Notepad's default
NOTEPAD_ANSI = ("GB18030 (GBK)", lambda text: crlf(text).encode("gbk"))  # Notepad's "ANSI" on a Chinese Windows
EXCEL_UNICODE = ("UTF-16", lambda text: crlf(text).encode("utf-16"))  # "Unicode 文本": UTF-16LE with its BOM
PLAIN_UTF8 = ("UTF-8", lambda text: text.encode("utf-8"))
WRITERS = {
    "excel_csv": EXCEL_CSV,
    "excel_csv_utf8": EXCEL_CSV_UTF8,
    "notepad_ansi": NOTEPAD_ANSI,
    "excel_unicode": EXCEL_UNICODE,
    "plain_utf8": PLAIN_UTF8,
}


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def write(path, text, writer):
    label, encode = writer
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode(text))
    return path, label


# Shift-JIS (a Japanese Windows): a half-width katakana byte before a comma is no GB18030 character either.
SHIFT_JIS = "名前,ﾍﾞﾝﾁｰ,3\r\n".encode("shift_jis")
RANDOM_BINARY = bytes(random.Random(18).randrange(128, 256) for _ in range(400))


def assert_refused(error, name):
    text = str(error.value)
    assert name in text
    for tried in ("UTF-8", "BOM", "GB18030", "GBK"):
        assert tried in text, text


# --- decode_text ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_decode_text_reads_what_windows_programs_write(writer):
    text = f"assessor,{ASSESSOR}\ncomment,{COMMENT}\n"
    label, encode = WRITERS[writer]
    decoded, encoding = decode_text(encode(text), "card.csv")
    assert decoded.replace("\r\n", "\n") == text
    assert encoding == label


def test_utf8_comes_before_gb18030():
    # Valid UTF-8 is read as UTF-8 even though GB18030 would read the same bytes as other characters.
    data = ASSESSOR.encode("utf-8")
    assert data.decode("gb18030") != ASSESSOR
    assert decode_text(data, "a.csv") == (ASSESSOR, "UTF-8")


@pytest.mark.parametrize(
    "data",
    [SHIFT_JIS, RANDOM_BINARY, b"a,b\r\n\x81\x30\x81\x30\xb0\xa1\r\n", "工号\x01".encode("gbk"), b"\xaa\xa1\xaa\xa2"],
    ids=["shift_jis", "random", "control_character", "control_in_gbk", "private_use"],
)
def test_other_bytes_are_refused_naming_the_file_and_the_encodings_tried(data):
    with pytest.raises(HabitatError) as error:
        decode_text(data, "调查.csv")
    assert_refused(error, "调查.csv")


def test_the_line_of_the_first_unreadable_byte_is_named():
    with pytest.raises(HabitatError) as error:
        decode_text(b"a,b\r\nc,d\r\n" + SHIFT_JIS, "x.csv")
    assert "line 3" in str(error.value)


# --- scorecards -------------------------------------------------------------------------------------------------


def chinese_card_text(delimiter=","):
    rows = [
        ["framework", "mini"],
        ["framework_version", "1"],
        ["plan", PLAN],
        ["city", CITY],
        ["year", "2026"],
        ["assessor", ASSESSOR],
        [],
        ["criterion", "score", "comment", "evidence"],
        ["V1", "2", COMMENT, EVIDENCE],
        ["V2", "不适用", "", ""],
        ["P1", "3", "公众参与充分", "附件一"],
    ]
    return "\n".join(delimiter.join(row) for row in rows) + "\n"


@pytest.mark.parametrize("writer", ["excel_csv", "excel_csv_utf8", "plain_utf8"])
def test_csv_scorecard_from_excel(tmp_path, writer):
    path, label = write(tmp_path / "陈静.csv", chinese_card_text(), WRITERS[writer])
    card = read_scorecard(path)
    assert (card.plan, card.city, card.assessor) == (PLAN, CITY, ASSESSOR)
    assert card.comments == {"V1": COMMENT, "V2": "", "P1": "公众参与充分"}
    assert card.evidence["V1"] == EVIDENCE and card.scores["V1"] == 2 and card.scores["P1"] == 3
    assert card.scores["V2"] != card.scores["V2"]  # 不适用 is NA
    assert card.encoding == label and card.source == "陈静.csv"


def test_unicode_text_scorecard_from_excel(tmp_path):
    path, label = write(tmp_path / "card.txt", chinese_card_text("\t"), EXCEL_UNICODE)
    card = read_scorecard(path)
    assert card.encoding == "UTF-16" and card.delimiter == "\t"
    assert card.assessor == ASSESSOR and card.comments["V1"] == COMMENT


def sample_csv_card_in_chinese():
    text = SAMPLE_CSV_CARD.read_text(encoding="utf-8")
    assert "Bo Chen" in text and "vision_1,3,,ch. 4" in text
    return (
        text.replace("Bo Chen", "陈波")
        .replace("Sample City Master Plan", "示范市总体规划")
        .replace("vision_1,3,,ch. 4", f"vision_1,3,{COMMENT},第4章")
    )


@pytest.mark.parametrize("writer", ["excel_csv", "excel_csv_utf8"])
def test_sample_csv_scorecard_saved_by_excel_reads_as_the_utf8_original(tmp_path, writer):
    text = sample_csv_card_in_chinese()
    original, _ = write(tmp_path / "utf8" / "card.csv", text, PLAIN_UTF8)
    saved, label = write(tmp_path / "excel" / "card.csv", text, WRITERS[writer])
    expected, card = read_scorecard(original), read_scorecard(saved)
    assert card == expected and len(card.scores) == expected.rows > 20
    assert card.assessor == "陈波" and card.plan == "示范市总体规划" and card.comments["vision_1"] == COMMENT
    assert (expected.encoding, card.encoding) == ("UTF-8", label)


@pytest.mark.parametrize("writer", ["notepad_utf8", "notepad_ansi"])
def test_sample_json_scorecard_saved_by_notepad_reads_as_the_utf8_original(tmp_path, writer):
    data = json.loads(SAMPLE_JSON_CARD.read_text(encoding="utf-8"))
    data["assessor"], data["plan"] = ASSESSOR, PLAN
    data["scores"]["vision_1"]["comment"] = COMMENT
    text = json.dumps(data, ensure_ascii=False, indent=1)
    original, _ = write(tmp_path / "utf8" / "chen.json", text, PLAIN_UTF8)
    saved, label = write(
        tmp_path / "notepad" / "chen.json", text, NOTEPAD_UTF8 if writer == "notepad_utf8" else NOTEPAD_ANSI
    )
    expected, card = read_scorecard(original), read_scorecard(saved)
    assert card == expected and card.assessor == ASSESSOR and card.comments["vision_1"] == COMMENT
    assert card.encoding == label


@pytest.mark.parametrize("data", [SHIFT_JIS, RANDOM_BINARY], ids=["shift_jis", "random"])
@pytest.mark.parametrize("name", ["评分.csv", "评分.json"])
def test_scorecard_in_another_encoding_is_refused(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(HabitatError) as error:
        read_scorecard(path)
    assert_refused(error, name)


def test_scorecard_specific_messages_still_apply(tmp_path):
    (tmp_path / "book.csv").write_bytes(b"PK\x03\x04" + RANDOM_BINARY)
    with pytest.raises(HabitatError, match="Excel workbook"):
        read_scorecard(tmp_path / "book.csv")
    (tmp_path / "nul.csv").write_bytes(crlf(chinese_card_text()).encode("utf-8").replace(b"V2", b"\0V2"))
    with pytest.raises(HabitatError, match="line 10: the file holds binary data"):
        read_scorecard(tmp_path / "nul.csv")


# --- frameworks and questionnaires (JSON) ---------------------------------------------------------------------------


@pytest.mark.parametrize("writer", ["notepad_utf8", "notepad_ansi"])
def test_framework_saved_by_notepad(tmp_path, writer):
    text = FRAMEWORK_FILE.read_text(encoding="utf-8")
    assert "\ufeff" not in text and any("\u4e00" <= char <= "\u9fff" for char in text)
    path, label = write(tmp_path / "框架.json", text, NOTEPAD_UTF8 if writer == "notepad_utf8" else NOTEPAD_ANSI)
    expected, framework = load_framework(FRAMEWORK_FILE), load_framework(path)
    assert framework == expected and framework.themes == expected.themes
    assert framework.name == json.loads(text)["name"]
    assert (expected.encoding, framework.encoding, framework.source) == ("UTF-8", label, "框架.json")


@pytest.mark.parametrize("writer", ["notepad_utf8", "notepad_ansi", "excel_unicode"])
def test_questionnaire_saved_by_notepad(tmp_path, writer):
    text = QUESTIONNAIRE_FILE.read_text(encoding="utf-8")
    data = json.loads(text)
    data["title"]["zh"] = "公共空间质量调查（修订）"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    writer = {"notepad_utf8": NOTEPAD_UTF8, "notepad_ansi": NOTEPAD_ANSI, "excel_unicode": EXCEL_UNICODE}[writer]
    original, _ = write(tmp_path / "utf8" / "问卷.json", text, PLAIN_UTF8)
    saved, label = write(tmp_path / "saved" / "问卷.json", text, writer)
    expected, questionnaire = load_questionnaire(original), load_questionnaire(saved)
    assert questionnaire == expected and questionnaire.title["zh"] == "公共空间质量调查（修订）"
    assert (questionnaire.encoding, questionnaire.source) == (label, "问卷.json")


@pytest.mark.parametrize("data", [SHIFT_JIS, RANDOM_BINARY], ids=["shift_jis", "random"])
def test_json_in_another_encoding_is_refused(tmp_path, data):
    path = tmp_path / "问卷.json"
    path.write_bytes(data)
    for read in (load_framework, load_questionnaire, lambda p: read_json(p, "Cannot read {0}: {1}")):
        with pytest.raises(HabitatError) as error:
            read(path)
        assert_refused(error, "问卷.json")


def test_read_json_keeps_its_shape_and_reads_a_bom(tmp_path):
    value = {"名称": ASSESSOR, "n": [1, 2]}
    path, label = write(tmp_path / "a.json", json.dumps(value, ensure_ascii=False), NOTEPAD_UTF8)
    assert read_json(path, "Cannot read {0}: {1}") == value
    assert read_json_with_encoding(path, "Cannot read {0}: {1}") == (value, label)
    path.write_bytes(b"\xef\xbb\xbf{")
    with pytest.raises(HabitatError, match="Cannot read .*a.json"):
        read_json(path, "Cannot read {0}: {1}")


# --- the KoboToolbox survey export --------------------------------------------------------------------------------


def survey_in_chinese():
    text = SURVEY_CSV.read_text(encoding="utf-8-sig")
    assert "Temple Street Playground" in text
    return text.replace("Temple Street Playground", SPACE_NAME).replace(";park;", ";公园;", 1)


@pytest.mark.parametrize("writer", ["excel_csv", "excel_csv_utf8", "excel_unicode"])
def test_survey_export_saved_by_excel_reads_as_the_utf8_original(tmp_path, writer):
    text = survey_in_chinese()
    original, _ = write(tmp_path / "utf8" / "调查.csv", text, PLAIN_UTF8)
    saved, label = write(tmp_path / "excel" / "调查.csv", text, WRITERS[writer])
    expected, export = read_export(original), read_export(saved)
    assert export == expected and export.encoding == label and expected.encoding == "UTF-8"
    names = [row[export.headers.index("identification/space_name")] for row in export.rows]
    assert SPACE_NAME in names
    assert "公园" in [row[export.headers.index("identification/space_type")] for row in export.rows]


@pytest.mark.parametrize("data", [SHIFT_JIS, RANDOM_BINARY], ids=["shift_jis", "random"])
def test_survey_export_in_another_encoding_is_refused(tmp_path, data):
    path = tmp_path / "调查.csv"
    path.write_bytes(data)
    with pytest.raises(HabitatError) as error:
        read_export(path)
    assert_refused(error, "调查.csv")


def test_survey_export_specific_messages_still_apply(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("空间;座椅\r\n1;\0\0\0\r\n".encode("gb18030"))  # NUL bytes: GB18030 is not the answer either
    with pytest.raises(HabitatError) as error:
        read_export(path)
    assert_refused(error, "export.csv")
    path.write_bytes("空间;座椅\r\n1;\0\0\0\r\n".encode("utf-8"))
    with pytest.raises(HabitatError, match="line 2 holds binary data"):
        read_export(path)
