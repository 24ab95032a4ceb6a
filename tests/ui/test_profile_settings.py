"""The format-profile editor in the settings dialog: a user profile made through the widgets is
written with only what differs from its base, loads back, numbers the outline, drives the
export, survives a restart; bundled profiles stay read-only; bad input changes nothing."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtWidgets import QMessageBox

from composer.export import load_profile
from composer.export.profiles import bundled_dir, user_dir
from composer.io.speech_file import load_speech
from composer.ui import app, file_actions, settings
from composer.ui.profile_dialog import ProfileDialog
from composer.ui.settings_dialog import SettingsDialog
from export.docx_xml import NS, Styles, parse, q, read_parts

from .conftest import make_speech

NAME = "本单位格式"


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def office_settings(dialog: ProfileDialog) -> None:
    """The office of the brief: 仿宋_GB2312 body, bold （一）, centred numbers, 28 pt lines."""
    dialog.name.setText(NAME)
    dialog.fonts["body"].setCurrentText("仿宋_GB2312")
    dialog.bold["heading2"].setChecked(True)
    choose(dialog.page_numbers, "center")
    dialog.line_pitch.setValue(28)


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def edit_through_settings(monkeypatch, fill) -> None:
    """Settings dialog → 自定义… → the editor filled by FILL → 保存 → OK."""
    def editor_exec(self):
        fill(self)
        self.save_button.click()
        return self.result()

    def settings_exec(self):
        self.customise.click()
        return SettingsDialog.DialogCode.Accepted
    monkeypatch.setattr(ProfileDialog, "exec", editor_exec)
    monkeypatch.setattr(SettingsDialog, "exec", settings_exec)


def written(name: str) -> dict:
    return yaml.safe_load((user_dir() / f"{name}.yaml").read_text(encoding="utf-8"))


def test_a_custom_profile_made_in_the_dialog_is_saved_chosen_and_exported(
        qtbot, window, monkeypatch, tmp_path, example_path):
    edit_through_settings(monkeypatch, office_settings)
    window.settings_action.trigger()

    assert settings.format_profile() == NAME
    # Only what differs from the base; the body row sets the roles written in the body font.
    body_font = {"font": "仿宋_GB2312"}
    assert written(NAME) == {
        "format": 1, "base": "gbt9704",
        "roles": {"salutation": body_font, "body": body_font, "closing": body_font,
                  "heading2": {"bold": True}},
        "text": {"line_pitch_pt": 28},
        "page_numbers": {"position": "center"},
    }
    profile, standard = load_profile(NAME), load_profile("gbt9704")
    assert profile.role("body").font == "仿宋_GB2312"
    assert profile.role("heading2").bold and profile.role("heading2").font == "楷体"
    assert not profile.role("heading1").bold and not profile.role("heading3").bold
    assert profile.page_number_position == "center"
    assert profile.text.line_pitch_pt == 28
    assert profile.page == standard.page and profile.role("title") == standard.role("title")

    # The main window's export path uses it.
    window.document.load(load_speech(example_path), None)
    out = tmp_path / "讲话.docx"
    monkeypatch.setattr("composer.ui.file_dialogs.get_save_file_name",
                        lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(file_actions, "ask_open_folder", lambda parent, path: False)
    assert window.files.export_docx()
    parts = read_parts(out.read_bytes())
    styles = Styles(parse(parts, "word/styles.xml"))
    assert styles.run_attr("rFonts", "eastAsia", None, "BodyText") == "仿宋_GB2312"
    assert styles.bold(None, "Heading2") and not styles.bold(None, "Heading1")
    assert styles.para_attr("spacing", "line", None, "Normal") == "560"
    footers = [parse(parts, n) for n in parts if n.startswith("word/footer")]
    assert footers
    for footer in footers:
        assert footer.find("w:p/w:pPr/w:jc", NS).get(q("val")) == "center"
    document = parse(parts, "word/document.xml")
    headings2 = [p for p in document.iter(q("p"))
                 if p.find("w:pPr/w:pStyle", NS) is not None
                 and p.find("w:pPr/w:pStyle", NS).get(q("val")) == "Heading2"]
    assert headings2 and all(styles.bold(r, "Heading2") for p in headings2
                             for r in p.findall("w:r", NS))


def test_editing_the_chosen_user_profile_updates_it_and_renumbers_the_outline(
        qtbot, window, monkeypatch):
    user_dir().mkdir(parents=True)
    (user_dir() / "本单位.yaml").write_text(
        "format: 1\nbase: gbt9704-28pt\nlabel: {zh: 本单位（手写）, en: Ours}\n"
        "page: {top_mm: 36}\nroles:\n  heading3: {bold: true}\n", encoding="utf-8")
    settings.set_format_profile("本单位")
    assert settings.format_profile() == "本单位"
    a1a = window.outline_model.index_for(window.document.speech.body[0].children[0]
                                         .children[0].id)
    assert a1a.data() == "1.A1a"

    def fill(dialog):
        assert dialog.name.text() == "本单位"       # a user profile is edited in place
        assert dialog.bold["heading3"].isChecked()
        assert dialog.line_pitch.value() == 28      # from its base
        dialog.bold["heading3"].setChecked(False)   # back to the base's value: key dropped
        choose(dialog.level3, "1、")
        choose(dialog.date_digits, "chinese")
    edit_through_settings(monkeypatch, fill)
    window.settings_action.trigger()

    assert written("本单位") == {
        "format": 1, "base": "gbt9704-28pt", "label": {"zh": "本单位（手写）", "en": "Ours"},
        "page": {"top_mm": 36}, "date_digits": "chinese", "level3_style": "1、"}
    profile = load_profile("本单位")
    assert (profile.page.top_mm, profile.text.line_pitch_pt) == (36, 28)
    assert not profile.role("heading3").bold
    # Same name as before, new content: the outline follows it at once.
    assert window.outline_model.level3_style == "1、"
    assert window.outline_model.index_for(window.document.speech.body[0].children[0]
                                          .children[0].id).data() == "1、A1a"


def test_saving_a_hand_written_profile_unchanged_keeps_every_key(qtbot):
    """Rows that set several roles leave them alone unless changed, keys the editor does not
    show survive, and a pitch with more decimals than the spin box shows is kept."""
    data = {"format": 1, "base": "gbt9704-gb2312",
            "roles": {"salutation": {"font": "宋体"}, "body": {"font": "仿宋"},
                      "page_number": {"size_pt": 12}},
            "text": {"line_pitch_pt": 28.925, "first_line_chars": 2.5},
            "alt_names": {"方正仿宋_GBK": "FZFangSong-Z02"}}
    user_dir().mkdir(parents=True)
    (user_dir() / "手写.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                         encoding="utf-8")
    dialog = ProfileDialog("手写")
    qtbot.addWidget(dialog)
    assert dialog.fonts["body"].currentText() == "仿宋"
    assert dialog.save() and dialog.saved_name == "手写"
    assert written("手写") == data
    assert load_profile("手写").role("salutation").font == "宋体"


@pytest.mark.parametrize("name", ["gbt9704", "GBT9704-28pt", "gbt9704-gb2312"])
def test_a_bundled_profile_cannot_be_overwritten(qtbot, warnings, name):
    before = {p.name: p.read_bytes() for p in bundled_dir().iterdir()}
    dialog = ProfileDialog("gbt9704")
    qtbot.addWidget(dialog)
    assert dialog.name.text() == ""     # a bundled profile is a starting point, not a target
    office_settings(dialog)
    dialog.name.setText(name)
    assert not dialog.save()
    assert len(warnings) == 1 and "内置格式方案" in warnings[0]
    assert not dialog.saved_name and dialog.result() != ProfileDialog.DialogCode.Accepted
    assert {p.name: p.read_bytes() for p in bundled_dir().iterdir()} == before
    assert not user_dir().exists() or not list(user_dir().iterdir())


@pytest.mark.parametrize("name, says", [
    ("本单位/格式", "不能用的字符"), ("本单位:格式", "不能用的字符"), ('a"b', "不能用的字符"),
    ("格式?", "不能用的字符"), ("  ", "请填写"), ("CON", "系统保留"), ("本单位.yaml", ".yaml"),
    (".隐藏", "句点"), ("长" * 61, "最多 60 个字符"),
])
def test_a_name_that_cannot_be_a_file_name_is_refused(qtbot, warnings, name, says):
    dialog = ProfileDialog("gbt9704")
    qtbot.addWidget(dialog)
    office_settings(dialog)
    dialog.name.setText(name)
    assert not dialog.save()
    assert len(warnings) == 1 and says in warnings[0]
    assert not user_dir().exists() or not list(user_dir().iterdir())


def test_a_missing_font_is_refused_naming_the_row(qtbot, warnings):
    dialog = ProfileDialog("gbt9704")
    qtbot.addWidget(dialog)
    office_settings(dialog)
    dialog.fonts["heading1"].setCurrentText("  ")
    assert not dialog.save()
    assert warnings == ["请填写“一级标题 一、”的字体。"]
    assert not (user_dir() / f"{NAME}.yaml").exists()


def test_replacing_another_user_profile_asks_first(qtbot, monkeypatch):
    user_dir().mkdir(parents=True)
    other = user_dir() / "其他.yaml"
    other.write_text("format: 1\ndate_digits: chinese\n", encoding="utf-8")
    before = other.read_bytes()
    answers = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: answers.pop(0))
    for answer in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes):
        answers.append(answer)
        dialog = ProfileDialog("gbt9704-28pt")
        qtbot.addWidget(dialog)
        dialog.name.setText("其他")
        choose(dialog.page_numbers, "center")
        saved = dialog.save()
        assert not answers      # it asked
        assert saved == (answer == QMessageBox.StandardButton.Yes)
        if not saved:
            assert other.read_bytes() == before
    assert written("其他") == {"format": 1, "base": "gbt9704-28pt",
                               "page_numbers": {"position": "center"}}


def test_a_profile_that_does_not_load_back_leaves_the_file_as_it_was(qtbot, warnings, monkeypatch):
    """Saving a profile over its own base makes a loop; loading it back finds that, and the
    earlier file is put back."""
    user_dir().mkdir(parents=True)
    (user_dir() / "甲.yaml").write_text("format: 1\nlevel3_style: 1、\n", encoding="utf-8")
    (user_dir() / "乙.yaml").write_text("format: 1\nbase: 甲\n", encoding="utf-8")
    before = (user_dir() / "甲.yaml").read_bytes()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = ProfileDialog("乙")
    qtbot.addWidget(dialog)
    dialog.name.setText("甲")
    dialog.bold["heading2"].setChecked(True)
    assert not dialog.save()
    assert len(warnings) == 1 and "循环" in warnings[0]
    assert (user_dir() / "甲.yaml").read_bytes() == before
    assert load_profile("乙").level3_style == "1、"


def test_a_damaged_user_profile_gives_a_message_instead_of_the_editor(qtbot, warnings):
    user_dir().mkdir(parents=True)
    (user_dir() / "坏的.yaml").write_text("format: 1\nroles: {body: {fnot: 仿宋}}\n",
                                         encoding="utf-8")
    settings.set_format_profile("坏的")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.profile.currentData() == "坏的"
    dialog.customise.click()
    assert len(warnings) == 1 and "fnot" in warnings[0]
    assert dialog.apply() == set()


def test_the_line_pitch_note_warns_when_a_page_holds_other_than_22_lines(qtbot):
    dialog = ProfileDialog("gbt9704")
    qtbot.addWidget(dialog)
    assert dialog.line_pitch.value() == 28.95
    assert dialog.pitch_note.text() == "每页 22 行。"
    dialog.line_pitch.setValue(28)
    assert dialog.pitch_note.text() == "每页 22 行。"
    dialog.line_pitch.setValue(29)
    assert "21 行" in dialog.pitch_note.text() and "28.95" in dialog.pitch_note.text()
    dialog.line_pitch.setValue(27)
    assert "23 行" in dialog.pitch_note.text()


def test_the_choice_survives_a_restart(qtbot, monkeypatch):
    def fill(dialog):
        office_settings(dialog)
        choose(dialog.level3, "1、")
    edit_through_settings(monkeypatch, fill)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.exec() == SettingsDialog.DialogCode.Accepted
    assert dialog.profile.currentData() == NAME
    assert dialog.profile.currentText() == NAME     # a user profile is listed by its name
    assert dialog.apply() == {"profile"}

    window = app.create_window()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.document.load(make_speech(), None)
    assert settings.format_profile() == NAME
    assert window.outline_model.level3_style == "1、"
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.profile.currentData() == NAME
    assert again.apply() == set()


def test_the_profile_in_use_edited_then_settings_cancelled_still_numbers_the_outline(
        qtbot, window, monkeypatch):
    def use_1_comma(dialog: ProfileDialog) -> None:
        dialog.name.setText(NAME)
        choose(dialog.level3, "1、")

    edit_through_settings(monkeypatch, use_1_comma)
    window.settings_action.trigger()
    assert window.outline_model.level3_style == "1、"

    def back_to_dot(dialog: ProfileDialog) -> None:
        choose(dialog.level3, "1.")

    def settings_exec_then_cancel(self):
        self.customise.click()       # the profile in use is edited and saved …
        return SettingsDialog.DialogCode.Rejected   # … and the settings dialog cancelled

    def editor_exec(self):
        back_to_dot(self)
        self.save_button.click()
        return self.result()
    monkeypatch.setattr(ProfileDialog, "exec", editor_exec)
    monkeypatch.setattr(SettingsDialog, "exec", settings_exec_then_cancel)
    window.settings_action.trigger()
    assert load_profile(NAME).level3_style == "1."
    assert window.outline_model.level3_style == "1."
