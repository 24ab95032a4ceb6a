"""Issue 16 in the window: 新建 from a template, the substitution table on insertion and across
the speech (one undo step each), the library preview's usage and unit-specific words, and the
not-used-recently order."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from composer.core.library import PARAGRAPH, Pack, Snippet
from composer.core.speech import OPENING, Section
from composer.io import library_store, usage_file
from composer.io.library_store import LoadedLibrary, empty_user_pack
from composer.io.speech_file import load_speech
from composer.ui.budget_text import snippet_count
from composer.ui import borrowing, file_dialogs, substitution_dialog, template_dialog
from composer.ui.main_window import MainWindow

from .conftest import make_speech, snippet_mime

TABLE = [("我院", "我局"), ("学院", "本局"), ("省级", "市级")]


def borrowed_pack() -> Pack:
    return Pack("借来的素材", [
        Snippet("b-1", 1, "提高认识，推动学院创建省级文明单位",
                ["我院的省级文明单位到今年已经5年届满。"],
                [Section("全院师生的责任", ["全院师生要积极参与。"])], kind="意义"),
        Snippet("b-2", PARAGRAPH, "", ["今天，我院召开大会。"], kind="开头"),
        Snippet("b-3", PARAGRAPH, "", ["没有要改的字。"], kind="开头"),
    ], "shared/borrowed.library.yaml", True)


@pytest.fixture
def win(qtbot):
    window = MainWindow(library=LoadedLibrary([borrowed_pack(), empty_user_pack()], []))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    speech = make_speech()
    speech.substitutions = list(TABLE)
    window.document.load(speech, None)
    return window


def preview_answer(monkeypatch, choice) -> list[str]:
    """Answer the substitution preview: ADAPTED, ORIGINAL or None (cancel); records what it
    showed."""
    shown = []

    def exec_(dialog):
        shown.append(dialog.view.toPlainText())
        if choice is None:
            return QDialog.DialogCode.Rejected
        dialog.choice = choice
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(borrowing.SubstitutionPreview, "exec", exec_)
    return shown


def snippet(window, snippet_id) -> Snippet:
    return next(s for s in window.library_pane.library.snippets() if s.id == snippet_id)


def test_inserted_section_is_adapted_and_undoes_in_one_step(win, monkeypatch):
    """Done when: the substitution table adapts inserted text, and undoes in one step."""
    shown = preview_answer(monkeypatch, borrowing.SubstitutionPreview.ADAPTED)
    before = win.document.speech.content()
    win.outline.select(win.document.speech.body[0].id)
    win.outline.insert_snippet(snippet(win, "b-1"))
    assert len(shown) == 1 and "我院" in shown[0] and "我局" in shown[0]
    inserted = win.document.speech.body[1]
    assert inserted.heading == "提高认识，推动本局创建市级文明单位"
    assert inserted.paragraphs == ["我局的市级文明单位到今年已经5年届满。"]
    assert inserted.children[0].heading == "全院师生的责任"   # not in the table: left alone
    assert inserted.snippets == ["b-1"]
    assert snippet(win, "b-1").paragraphs == ["我院的省级文明单位到今年已经5年届满。"]
    win.document.undo()
    assert win.document.speech.content() == before
    win.document.redo()
    assert win.document.speech.body[1].heading == "提高认识，推动本局创建市级文明单位"


def test_original_or_cancel(win, monkeypatch):
    before = win.document.speech.content()
    preview_answer(monkeypatch, None)
    win.outline.insert_snippet(snippet(win, "b-1"))
    assert win.document.speech.content() == before and not win.document.is_modified()
    preview_answer(monkeypatch, borrowing.SubstitutionPreview.ORIGINAL)
    win.outline.insert_snippet(snippet(win, "b-1"))
    assert any(s.heading == "提高认识，推动学院创建省级文明单位" for s in win.document.speech.body)


def test_dropped_body_text_is_adapted_and_remembered(win, monkeypatch):
    preview_answer(monkeypatch, borrowing.SubstitutionPreview.ADAPTED)
    model = win.outline_model
    ref = win.library_pane.model.ref_of(snippet(win, "b-2"))
    opening_row = model.index_for(OPENING)
    assert model.dropMimeData(snippet_mime(ref), None, -1, 0, opening_row)
    speech = win.document.speech
    assert speech.opening == ["open", "今天，我局召开大会。"]
    assert speech.opening_snippets == ["b-2"]
    win.document.undo()
    assert speech.opening == ["open"] and speech.opening_snippets == []


def test_no_question_when_the_table_changes_nothing(win, monkeypatch):
    shown = preview_answer(monkeypatch, None)   # would cancel, if it were asked
    win.outline.select(OPENING)
    win.outline.insert_snippet(snippet(win, "b-3"))
    assert shown == [] and win.document.speech.opening[-1] == "没有要改的字。"


def test_editing_the_table_and_applying_it_across_the_speech(win, monkeypatch):
    speech = win.document.speech
    speech.body[1].paragraphs = ["我院召开学院大会。"]
    speech.title = "在创建省级文明单位动员大会上的讲话"
    win.document.stack.setClean()
    monkeypatch.setattr(substitution_dialog, "ask_table",
                        lambda parent, s: [("我院", "我局"), ("省级", "市级")])
    win.borrowing.edit_table()
    assert speech.substitutions == [("我院", "我局"), ("省级", "市级")]
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", question)
    before = speech.content()
    win.borrowing.apply_table()
    assert "2 处" in asked[0] and "我院 → 我局" in asked[0]
    assert speech.body[1].paragraphs == ["我局召开学院大会。"]
    assert speech.title == "在创建市级文明单位动员大会上的讲话"
    win.document.undo()                       # one step back: the whole replacement
    assert speech.content() == before
    win.document.undo()                       # and one more: the table as it was
    assert speech.substitutions == TABLE


def test_the_table_dialog_finds_the_unit_words_and_skips_unfilled_rows(qtbot):
    speech = make_speech()
    speech.opening = ["我院全院师生在河南省。"]
    dialog = substitution_dialog.SubstitutionDialog(speech)
    qtbot.addWidget(dialog)
    dialog.add_found_words()
    assert [find for find, _ in dialog.pairs() if find] == ["我院", "全院师生", "河南省"]
    dialog.grid.item(0, 1).setText("我局")
    dialog.accept()
    assert dialog.result_table == [("我院", "我局")]


def test_preview_shows_unit_words_and_usage_and_the_order_follows_usage(win, monkeypatch, tmp_path):
    pane = win.library_pane
    pane.select_snippet(snippet(win, "b-2"))
    text = pane.preview.toHtml()
    assert "要改成本单位的用语" in text and "我院" in text and "用于" not in text
    # Save a speech holding b-2: the record is written and the preview says where it went.
    speech = win.document.speech
    speech.title = "在2025年动员大会上的讲话"
    speech.opening_snippets = ["b-2"]
    target = tmp_path / "s.speech.yaml"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    assert win.files.save_speech(wait=True)
    assert load_speech(target).opening_snippets == ["b-2"]
    uses = usage_file.read_uses(usage_file.own_path())
    assert [(u.snippet, u.speech, u.title) for u in uses] == [
        ("b-2", str(target), "在2025年动员大会上的讲话")]
    assert "用于：" in pane.preview.toPlainText()
    assert "《在2025年动员大会上的讲话》" in pane.preview.toPlainText()
    # Not used recently first: b-3 (never used) before b-2 within 段落 · 开头.
    def order():
        return [s.id for s in pane.model.all_snippets() if s.level == PARAGRAPH]
    assert order() == ["b-2", "b-3"]
    win.borrowing.sort_action.setChecked(True)
    assert order() == ["b-3", "b-2"]
    win.borrowing.sort_action.setChecked(False)
    assert order() == ["b-2", "b-3"]


def test_new_speech_from_the_mobilisation_template_in_the_window(qtbot, monkeypatch):
    library = library_store.load_library()   # the bundled library
    window = MainWindow(library=library)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())

    def exec_(dialog):
        dialog.select_kind("动员大会")
        assert dialog.salutation.currentText() == "同志们："
        for combo in dialog.parts:
            assert combo.count() > 1, combo.itemText(0)
            combo.setCurrentIndex(1)       # the first suggestion
            # how long each suggestion is, before four whole sections go in at once
            assert combo.itemText(1).endswith(f"　{snippet_count(combo.itemData(1)).total}字")
        dialog.opening.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(template_dialog.NewSpeechDialog, "exec", exec_)
    window.files.new.trigger()
    speech = window.document.speech
    assert speech.salutation == "同志们："
    assert speech.title == "在××××动员大会上的讲话"
    assert len(speech.body) == 4
    kinds = [next(s for s in library.snippets() if s.id == section.snippets[0]).kind
             for section in speech.body]
    assert kinds == ["意义", "目标", "措施", "要求"]
    assert speech.opening_snippets and speech.closing[-1] == "谢谢大家！"
    assert "动员大会" in window.windowTitle()
    assert window.outline_model.index(2, 0).data().startswith("一、")


def test_new_blank_speech_and_cancel(qtbot, win, monkeypatch):
    monkeypatch.setattr(template_dialog.NewSpeechDialog, "exec",
                        lambda dialog: QDialog.DialogCode.Rejected)
    before = win.document.speech.content()
    win.files.new.trigger()
    assert win.document.speech.content() == before

    def blank(dialog):
        dialog.kinds.setCurrentRow(0)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(template_dialog.NewSpeechDialog, "exec", blank)
    win.files.new.trigger()
    assert win.document.speech.body == [] and win.document.speech.title == ""


def test_export_records_usage_and_sharing_is_opt_in(win, monkeypatch, tmp_path):
    from composer.ui import file_actions, settings

    office = tmp_path / "office"
    office.mkdir()
    settings.set_library_folders([str(office)])
    # The borrowed pack as if it lived in the office's shared folder.
    win.library_pane.library.packs[0].path = str(office / "borrowed.library.yaml")
    win.document.speech.opening_snippets = ["b-2", "my-private"]
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda *a, **k: (str(tmp_path / "out.docx"), ""))
    monkeypatch.setattr(file_actions, "ask_open_folder", lambda parent, path: False)
    assert win.files.export_docx()
    assert {u.snippet for u in usage_file.read_uses(usage_file.own_path())} == {"b-2", "my-private"}
    assert not (office / usage_file.SHARED_FOLDER).exists()      # not shared unless opted in
    settings.set_share_usage(True)
    assert win.files.export_docx()
    shared = usage_file.read_uses(usage_file.shared_path(office))
    assert [u.snippet for u in shared] == ["b-2"]                 # only the office's own snippets


def test_enter_in_the_insertion_preview_inserts_the_adapted_text(qtbot):
    # The writer filled the table to adapt borrowed text; Enter took 按原文插入 (the default
    # was set before the buttons were in the dialog, so Qt chose one itself).
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from composer.core import adaptation
    snippet = Snippet("x", PARAGRAPH, "", ["我院要加强领导，我院要抓好落实。"])
    dialog = borrowing.SubstitutionPreview(adaptation.snippet_changes(snippet, [("我院", "我局")]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.adapted_button.isDefault() and not dialog.original_button.isDefault()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.choice == borrowing.SubstitutionPreview.ADAPTED
