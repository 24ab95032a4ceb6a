"""The UI language: Chinese by default, English from the committed catalogue, Qt's own Chinese
for standard dialogs, the CJK font list, and the catalogue kept in step with the code."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from composer.core import i18n
from composer.ui import language, settings
from composer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def load_update_script():
    spec = importlib.util.spec_from_file_location("update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in root for message in context.findall("message")}


@pytest.mark.parametrize("choice, system, expected", [
    ("system", "zh_CN", "zh"), ("system", "zh_TW", "zh"), ("system", "en_US", "en"),
    ("system", "de_DE", "en"), ("system", "C", "zh"), ("system", "", "zh"),
    ("zh", "en_US", "zh"), ("en", "zh_CN", "en"),
])
def test_language_follows_the_system_unless_chosen(choice, system, expected):
    assert language.resolve(choice, system) == expected


@pytest.fixture
def english(qapp):
    language.install(qapp, "en")
    yield
    language.install(qapp, "zh")


def test_english_ui_from_the_catalogue(english, qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Outline", "&Library", "&Help"]
    assert window.outline.promote.text() == "Promote"
    assert window.outline_model.index(1, 0).data() == "Opening"
    assert i18n.language() == "en"  # messages from core and io follow the UI


def test_the_new_speech_dialog_in_english_calls_the_title_a_title(english, qtbot):
    from PySide6.QtWidgets import QFormLayout
    from composer.io.template_file import load_templates
    from composer.ui.template_dialog import NewSpeechDialog
    dialog = NewSpeechDialog(load_templates().templates, [])
    qtbot.addWidget(dialog)
    dialog.select_kind("动员大会")
    form = dialog.parts_area.widget().layout()
    assert isinstance(form, QFormLayout)
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
              for row in range(form.rowCount())]
    assert labels[:3] == ["Title", "Salutation", "Opening"]      # the speech's title, no heading


def test_chinese_by_default_with_qt_dialogs_in_chinese(qapp, qtbot):
    language.install(qapp, language.resolve(settings.language_choice(), "zh_CN"))
    window = MainWindow()
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()][0] == "文件(&F)"
    # Qt's own catalogue: the standard buttons of message boxes and file dialogs.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"


def test_ui_font_lists_common_cjk_fonts(qapp):
    families = language.ui_font().families()
    for name in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        assert name in families
    language.setup(qapp)
    assert "Microsoft YaHei" in QApplication.font().families()


def test_every_ui_string_has_an_english_translation():
    for (context, source), translation in messages(TRANSLATIONS / "speech_composer_en.ts").items():
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        assert translation.text, f"{context}: {source}"


def test_catalogue_matches_the_code(tmp_path):
    """Running lupdate again finds no new and no removed strings."""
    update = load_update_script()
    copy = tmp_path / "check.ts"
    shutil.copy(TRANSLATIONS / "speech_composer_en.ts", copy)
    update.update_ts(copy)
    assert set(messages(copy)) == set(messages(TRANSLATIONS / "speech_composer_en.ts"))


def test_compiled_catalogue_is_up_to_date(tmp_path):
    update = load_update_script()
    compiled = tmp_path / "check.qm"
    update.release(TRANSLATIONS / "speech_composer_en.ts", compiled)
    assert compiled.read_bytes() == (TRANSLATIONS / "speech_composer_en.qm").read_bytes()
