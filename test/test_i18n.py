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
@pytest.mark.parametrize("stored, expected", [
    ("zh-Hans", "zh_CN"), ("zh_Hans", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("zh_CN", "zh_CN"), ("zh", "zh_CN"),
    ("zh_SG", "zh_CN"), ("zh-CN", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"), ("ZH_cn", "zh_CN"), (" zh-Hans ", "zh_CN"),
    ("zh-Hant", "zh_TW"), ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"),
    ("en_US", "en_US"), ("en", "en"), ("de", "de"), ("pt_BR", "pt_BR"), ("es_419", "es_419"),
    ("C", "en"), ("POSIX", "en"), ("", "en"), (None, "en"), ("sr@latin", "sr"),
])
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
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
                            capture_output=True, text=True)
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
        'from x import tr\nA = tr("Translated {0}", 1)\nB = tr("Waiting")\nC = tr("Not in ts")\n'
        'D = tr(f"bad {A}")\n', encoding="utf-8")
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "PACKAGE", package)
    monkeypatch.setattr(translations, "UI_DIR", tmp_path / "ui")
    monkeypatch.setattr(translations, "I18N", tmp_path)
    translations.write_ts(translations.ts_path("zh_CN"), "zh_CN", {
        ("habitat", "Translated {0}"): ("已翻译 {1}", True),
        ("habitat", "Waiting"): ("", False),
        ("habitat", "Gone"): ("已删除", True),
    })
    found = "\n".join(translations.problems("zh_CN"))
    assert "literal string" in found  # the f-string
    assert "placeholders differ" in found and "'Translated {0}'" in found
    assert "unfinished zh_CN translation: 'Waiting'" in found
    assert "not in habitat_planning_plugin_zh_CN.ts" in found and "'Not in ts'" in found
    assert "no longer in the code" in found and "'Gone'" in found
