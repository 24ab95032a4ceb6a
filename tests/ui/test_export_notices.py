"""The window's side of issue 14: the font notice before an export, the outline copy from the
File menu, the title's line breaks (Shift+Enter) and the 落款 fields of 讲稿信息."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from composer.ui import file_actions, settings
from composer.core.speech import HEAD

from .conftest import commit_text


def _save_to(monkeypatch, path):
    from composer.ui import file_dialogs
    asked = []

    def dialog(parent, title, suggested, *args, **kwargs):
        asked.append((title, suggested))
        return str(path), ""
    monkeypatch.setattr(file_dialogs, "get_save_file_name", dialog)
    return asked


def test_the_export_says_first_what_the_missing_fonts_will_do(window, monkeypatch, tmp_path):
    """Qt's font database here has none of the official fonts."""
    told = []
    monkeypatch.setattr(file_actions, "ask_about_fonts",
                        lambda parent, notices: told.append(notices) or False)
    asked = _save_to(monkeypatch, tmp_path / "x.docx")
    assert not window.files.export_docx()
    assert told and told[0][0].startswith("未安装方正小标宋简体：Word 将以宋体显示标题。")
    assert not asked and not (tmp_path / "x.docx").exists()      # cancelled: nothing written


def test_the_font_notice_box_and_its_dont_ask_again(window, monkeypatch, font_notice_goes_on):
    shown = []

    def answer(box):
        shown.append((box.text(), box.informativeText()))
        box.checkBox().setChecked(True)
        next(b for b in box.buttons() if b.text() == "继续导出").click()
    monkeypatch.setattr(QMessageBox, "exec", answer)
    notices = ["未安装方正小标宋简体：Word 将以宋体显示标题。可安装该字体。"]
    assert font_notice_goes_on(window, notices)      # the real notice, not the fixture's answer
    assert "缺少" in shown[0][0] and notices[0] in shown[0][1]
    assert settings.font_notice_seen() == notices[0]


def test_a_notice_seen_before_is_not_shown_again(window, monkeypatch, tmp_path):
    from composer.ui import services
    monkeypatch.setattr(file_actions, "ask_about_fonts", None)   # would fail if it were asked
    notices = services.font_notices(None, file_actions.font_installed())
    settings.set_font_notice_seen("\n".join(notices))
    monkeypatch.setattr(file_actions, "ask_open_folder", lambda parent, path: False)
    _save_to(monkeypatch, tmp_path / "x.docx")
    assert window.files.export_docx()          # no notice asked
    assert (tmp_path / "x.docx").is_file()


def test_the_outline_copy_from_the_file_menu(window, monkeypatch, tmp_path):
    monkeypatch.setattr(file_actions, "ask_open_folder", lambda parent, path: False)
    asked = _save_to(monkeypatch, tmp_path / "提纲.docx")
    assert window.files.export_outline in window.files.outline_menu.actions()
    window.files.export_outline_sentences.trigger()
    assert asked[0][0] == "导出提纲" and asked[0][1].endswith("-提纲.docx")
    with zipfile.ZipFile(tmp_path / "提纲.docx") as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "（提纲）" in body and "一、A" in body and "a text" in body and "同志们" not in body
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    assert any(window.files.outline_menu.menuAction() in m.actions() for m in menus)


def test_shift_enter_breaks_the_title_and_the_form_shows_the_printed_lines(window, qtbot):
    window.outline.select(HEAD)
    field = window.editor.head.fields["title"]
    field.selectAll()
    commit_text(field, "在全市创建全国文明城市")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    commit_text(field, "动员大会上的讲话")
    assert window.document.speech.title == "在全市创建全国文明城市\n动员大会上的讲话"
    assert window.editor.head.title_lines.text() == \
        "印出时分为 2 行：在全市创建全国文明城市／动员大会上的讲话"
    window.undo_action.trigger()
    assert "\n" not in window.document.speech.title
    # A long title without a break: the form shows where it will break.
    field.selectAll()
    commit_text(field, "教育部党组书记、部长陈宝生在全国学校安全工作电视电话会议上的讲话")
    assert window.editor.head.title_lines.text().endswith(
        "教育部党组书记、部长陈宝生／在全国学校安全工作电视电话会议上的讲话")


def test_the_signature_fields(window):
    window.outline.select(HEAD)
    unit = window.editor.head.fields["signature"]
    commit_text(unit, "某某市统计局")
    assert window.document.speech.signature == "某某市统计局"
    commit_text(window.editor.head.fields["signature_date"], "2024年3月18日")
    assert window.document.speech.signature_date == "2024年3月18日"
    window.undo_action.trigger()
    assert window.document.speech.signature_date == ""
    assert unit.text() == "某某市统计局"


def test_the_window_asks_qts_family_list_not_its_aliases(monkeypatch):
    """With a fontconfig alias (the render tests' fonts.conf maps 仿宋 to a Song face) Qt's
    hasFamily says yes; the family list does not list 仿宋, and the check goes by the list."""
    from PySide6.QtGui import QFontDatabase
    monkeypatch.setattr(QFontDatabase, "hasFamily", staticmethod(lambda name: True))
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: ["WenQuanYi Micro Hei"]))
    monkeypatch.setattr(file_actions.sys, "platform", "linux")
    assert not file_actions.font_installed()("仿宋")
    assert file_actions.font_installed()("wenquanyi micro hei")
    monkeypatch.setattr(file_actions.sys, "platform", "win32")
    assert file_actions.font_installed()("仿宋")
