"""Locale detection (None-safe) and the Chinese names users see."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings

from habitat_planning_plugin import i18n
from habitat_planning_plugin.core.text import tr

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def settings(monkeypatch):
    monkeypatch.delenv("HABITAT_LOCALE", raising=False)
    store = QgsSettings()
    saved = {key: store.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    yield store
    for key, value in saved.items():
        if value is None:
            store.remove(key)
        else:
            store.setValue(key, value)


def test_fresh_profile_without_locale_keys_falls_back_to_system_locale(settings):
    settings.remove("locale/overrideFlag")
    settings.remove("locale/userLocale")
    assert i18n.qgis_locale()  # no TypeError on None (the crash other plugins have)


def test_override_flag_selects_user_locale(settings):
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    assert i18n.qgis_locale() == "zh_CN"
    settings.setValue("locale/overrideFlag", False)
    assert i18n.qgis_locale() == i18n.normalise_locale(i18n.QLocale().name())


# What QGIS writes to locale/userLocale when a user picks a language in Settings > Options > General (QGIS 3.22
# lists 简体中文 as zh-Hans), what older profiles and hand edits hold, and what a system locale looks like.
@pytest.mark.parametrize(
    "stored, expected",
    [
        ("zh-Hans", "zh_CN"),
        ("zh_Hans", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_CN", "zh_CN"),
        ("zh", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh-CN", "zh_CN"),
        ("zh_CN.UTF-8", "zh_CN"),
        ("ZH_cn", "zh_CN"),
        (" zh-Hans ", "zh_CN"),
        ("zh-Hant", "zh_TW"),
        ("zh_TW", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("en_US", "en_US"),
        ("en", "en"),
        ("de", "de"),
        ("pt_BR", "pt_BR"),
        ("es_419", "es_419"),
        ("C", "en"),
        ("POSIX", "en"),
        ("", "en"),
        (None, "en"),
        ("sr@latin", "sr"),
    ],
)
def test_locale_names_are_normalised(stored, expected):
    assert i18n.normalise_locale(stored) == expected


@pytest.mark.parametrize("stored", ["zh-Hans", "zh_CN", "zh", "zh_SG", "zh-Hant", "zh_TW"])
def test_every_stored_form_of_chinese_loads_the_simplified_chinese_translation(settings, stored):
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", stored)
    try:
        assert i18n.translation_file(i18n.qgis_locale()).name == "habitat_planning_plugin_zh_CN.qm"
        assert i18n.install_translator() is True
        assert tr("Public space") == "公共空间"
    finally:
        i18n.remove_translator()
    assert tr("Public space") == "Public space"


@pytest.mark.parametrize("stored", ["en_US", "de", "fr_FR", "C"])
def test_languages_without_a_translation_stay_english(settings, stored):
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", stored)
    assert i18n.translation_file(i18n.qgis_locale()) is None
    assert i18n.install_translator() is False
    assert tr("Public space") == "Public space"


def test_odd_stored_values_do_not_crash(settings):
    settings.setValue("locale/overrideFlag", "true")
    settings.setValue("locale/userLocale", "")
    assert i18n.qgis_locale() == i18n.normalise_locale(i18n.QLocale().name())
    settings.setValue("locale/userLocale", 42)
    assert isinstance(i18n.qgis_locale(), str)


def test_unknown_locale_keeps_english(locale):
    assert locale("xx_YY") is False
    assert tr("Public space") == "Public space"


def test_chinese_names_for_provider_groups_algorithms_and_parameters(habitat_provider, locale):
    assert locale("zh_CN") is True
    assert habitat_provider.name() == "人居规划"
    assert tr("Public space") == "公共空间"
    assert tr("Plan assessment") == "规划评估"
    assert tr("Spatial development framework") == "空间发展框架"
    registry = QgsApplication.processingRegistry()
    for listed in habitat_provider.algorithms():
        algorithm = registry.createAlgorithmById(listed.id())  # created after the switch: fresh parameters
        texts = [algorithm.displayName(), algorithm.group(), algorithm.shortHelpString()]
        texts += [parameter.description() for parameter in algorithm.parameterDefinitions()]
        texts += [output.description() for output in algorithm.outputDefinitions()]
        english = [text for text in texts if not CJK.search(text)]
        assert english == [], f"{listed.id()} shows English text in zh_CN: {english}"


def test_english_is_the_default(habitat_provider, locale):
    locale("en_US")
    assert habitat_provider.name() == "Habitat planning"


def test_every_marked_string_has_a_finished_translation():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_check_catches_missing_unfinished_and_fstring_messages(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text(
        'from x import tr\nA = tr("Translated {0}", 1)\nB = tr("Waiting")\nC = tr("Not in ts")\nD = tr(f"bad {A}")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "PACKAGE", package)
    monkeypatch.setattr(translations, "UI_DIR", tmp_path / "ui")
    monkeypatch.setattr(translations, "I18N", tmp_path)
    translations.write_ts(
        translations.ts_path("zh_CN"),
        "zh_CN",
        {
            ("habitat", "Translated {0}"): ("已翻译 {1}", True),
            ("habitat", "Waiting"): ("", False),
            ("habitat", "Gone"): ("已删除", True),
        },
    )
    found = "\n".join(translations.problems("zh_CN"))
    assert "literal string" in found  # the f-string
    assert "placeholders differ" in found and "'Translated {0}'" in found
    assert "unfinished zh_CN translation: 'Waiting'" in found
    assert "not in habitat_planning_plugin_zh_CN.ts" in found and "'Not in ts'" in found
    assert "no longer in the code" in found and "'Gone'" in found


def _translations():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    return translations


GLOSSARY = (
    "# english\tchinese\tforbidden\texcept\tnote\n"
    "settlement\t居民点\t居民点数\t\t\n"
    "project\t工程\t项目\tKoboToolbox\tQGIS zh-Hans\n"
    "district\t区\t地区\t\t\n"
)


def _glossary_fixture(tmp_path, monkeypatch, translations, messages):
    """A package marking `messages` (source -> translation), its .ts and a glossary, all in tmp_path."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text(
        "from x import tr\n" + "".join(f"tr({source!r})\n" for source in messages), encoding="utf-8"
    )
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "PACKAGE", package)
    monkeypatch.setattr(translations, "UI_DIR", tmp_path / "ui")
    monkeypatch.setattr(translations, "I18N", tmp_path / "elsewhere")  # the paths below are given explicitly
    ts, glossary = tmp_path / "copy.ts", tmp_path / "glossary.tsv"
    translations.write_ts(ts, "zh_CN", {("habitat", source): (text, True) for source, text in messages.items()})
    glossary.write_text(GLOSSARY, encoding="utf-8")
    return ts, glossary


def test_the_check_enforces_the_glossary_and_the_typography(tmp_path, monkeypatch):
    translations = _translations()
    ts, glossary = _glossary_fixture(
        tmp_path,
        monkeypatch,
        translations,
        {
            "Settlements": "居民点数",  # forbidden variant
            "Settlements or sectors": "居民点或片区",  # right (plural matched)
            "The current project": "当前项目",  # forbidden variant
            "Projects in KoboToolbox": "Kobo 工具箱中的项目",  # exempt: a Kobo project is 项目
            "Districts": "城市",  # the term is missing
            "By district": "按区",  # right
            "Plan assessment (guided)…": "规划评估（向导）……",  # doubled ellipsis
            "Add files…": "添加文件…",  # right
            "Schools, clinics…": "学校、诊所……",  # Chinese list ellipsis inside a sentence: fine
            "Krippendorff's alpha": "Krippendorff&#x27;s alpha",  # escaped twice
            "Fish & chips": "鱼和薯条 &amp;",
            "A &lt;tag&gt;": "一个 &lt;标签&gt;",  # the source has the entities: fine
        },
    )
    found = "\n".join(translations.problems("zh_CN", ts=ts, glossary=glossary))
    assert "uses 居民点数 for 'settlement'" in found and "'Settlements' -> '居民点数'" in found
    assert "uses 项目 for 'project'" in found and "'The current project'" in found
    assert "lacks 区 for 'district'" in found and "'Districts' -> '城市'" in found
    assert "doubled ellipsis" in found and "'Plan assessment (guided)…'" in found
    assert "HTML entities the source has not: &#x27;" in found and "&amp;" in found
    for fine in (
        "Settlements or sectors",
        "Projects in KoboToolbox",
        "By district",
        "Add files…",
        "Schools, clinics…",
        "A &lt;tag&gt;",
    ):
        assert f"{fine!r}" not in found, fine
    assert len(found.splitlines()) == 6
    # Without the glossary file only the typography is checked.
    assert len(translations.problems("zh_CN", ts=ts, glossary=tmp_path / "none.tsv")) == 3


def test_apply_and_check_work_on_a_copy(tmp_path, monkeypatch, capsys):
    translations = _translations()
    ts, glossary = _glossary_fixture(
        tmp_path,
        monkeypatch,
        translations,
        {
            "Settlements": "居民点数",
            "The current project": "当前项目",
            "Plan assessment (guided)…": "规划评估（向导）……",
        },
    )
    tsv = tmp_path / "fix.tsv"
    tsv.write_text(
        "# source\ttranslation\nSettlements\t居民点\nThe current project\t当前工程\n"
        "Plan assessment (guided)…\t规划评估（向导）…\n",
        encoding="utf-8",
    )
    arguments = ["translations.py", "check", "--ts", str(ts), "--glossary", str(glossary)]
    assert translations.main(arguments) == 1
    assert translations.main(["translations.py", "apply", str(tsv), "--ts", str(ts)]) == 0
    assert translations.main(arguments) == 0
    assert "zh_CN: 3 strings, 0 problem(s)" in capsys.readouterr().out
    assert translations.main(["translations.py", "check", "--bogus", "x"]) == 2


def test_the_project_glossary_reads_and_knows_qgis_terms():
    translations = _translations()
    terms = {term.english[0]: term for term in translations.read_glossary(ROOT / "i18n" / "glossary.tsv")}
    for english, chinese in [
        ("project", "工程"),
        ("layer", "图层"),
        ("field", "字段"),
        ("feature", "要素"),
        ("CRS", "坐标参考系"),
        ("settlement", "居民点"),
        ("open public space", "开放公共空间"),
    ]:
        assert chinese in terms[english].chinese
    assert terms["settlement"].applies("Settlements") and not terms["field"].applies("the field survey")
    assert terms["project"].problem("Sample city as a ready project", "现成项目") is not None
    assert terms["project"].problem("Upload it to KoboToolbox (Projects, New)", "项目、新建") is None


def test_population_groups_in_chinese(qgis_app, locale):
    from habitat_planning_plugin.core.public_space.groups import group_label

    locale("zh_CN")
    assert group_label("female") == "妇女" and group_label("children_0_14") == "儿童（0–14 岁）"
    assert group_label("older_65_plus") == "老年人（65 岁及以上）" and group_label("disability") == "残疾人"
