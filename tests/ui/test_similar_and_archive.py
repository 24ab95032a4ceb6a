"""Issue 16 in the window, parts 4 and 5: 相近的说法 under the library (listed for the selected
section, inserted like any snippet, one undo step), the archive folders of 查重 in the settings,
and the archive's findings, read in the background."""

from __future__ import annotations

import shutil

import pytest

from composer.core.archive import RULE
from composer.io.library_file import load_pack
from composer.io.library_store import LoadedLibrary, empty_user_pack
from composer.io.speech_file import load_speech
from composer.ui import settings
from composer.ui.main_window import MainWindow
from composer.ui.settings_dialog import SettingsDialog
from tests.archive_material import EXAMPLE, ROOT, write_corpus_archive

LIBRARY = ROOT / "resources" / "library" / "wenming-chuangjian.library.yaml"


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui-archive") / "往年讲稿"
    write_corpus_archive(folder)
    return folder


@pytest.fixture
def win(qtbot):
    pack = load_pack(LIBRARY, read_only=True)
    window = MainWindow(library=LoadedLibrary([pack, empty_user_pack()], []))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.document.load(load_speech(EXAMPLE), str(EXAMPLE))
    window.show()
    qtbot.waitExposed(window)
    return window


def _select(window, heading):
    section = next(s for s, _ in window.document.speech.walk() if s.heading == heading)
    window.outline.select(section.id)
    return section


def _similar(window):
    window.similar.refresh()
    window.similar.wait()          # the index, built on the worker the first time
    window.similar.refresh()
    window.similar.wait()          # the question, answered on the worker
    return window.similar.shown()


def test_similar_lists_other_ways_to_say_the_selected_section(win):
    _select(win, "加强组织领导")
    shown = _similar(win)
    headings = [s.heading for s in shown]
    assert "加强领导，强化措施，扎实开展创建工作" in headings
    assert "加强领导、精心组织，确保省级文明单位创建工作取得实效" in headings
    row = headings.index("加强领导，强化措施，扎实开展创建工作")
    assert win.similar.list.item(row).text().startswith("一级标题 · ")
    assert win.similar.list.item(0).text().startswith("段落 · ")   # 篇一's 指导委员会 paragraph
    assert "相近度" in win.similar.list.item(0).toolTip()
    win.similar.list.setCurrentRow(1)          # shown in the library's preview
    assert win.library_pane.current_snippet() is shown[1]
    assert shown[1].heading in win.library_pane.preview.toPlainText()
    _select(win, "广泛宣传，营造氛围")
    assert _similar(win) != shown          # follows the selection


def test_a_similar_snippet_is_inserted_like_any_snippet(win, qtbot):
    section = _select(win, "加强组织领导")
    shown = _similar(win)
    row = next(n for n, s in enumerate(shown) if s.level == 1)      # a section, not a paragraph
    chosen = shown[row]
    before = [s.heading for s, _ in win.document.speech.walk()]
    win.similar.list.setCurrentRow(row)
    win.similar.list.itemActivated.emit(win.similar.list.item(row))
    after = [s.heading for s, _ in win.document.speech.walk()]
    assert len(after) == len(before) + 1 + sum(1 for c in chosen.children for _ in c.walk())
    assert chosen.heading in after
    inserted = next(s for s, _ in win.document.speech.walk() if s.heading == chosen.heading)
    assert inserted.snippets == [chosen.id]
    win.document.stack.undo()
    assert [s.heading for s, _ in win.document.speech.walk()] == before
    assert section.heading == "加强组织领导"


def test_a_similar_snippet_drags_as_library_snippets_do(win):
    _select(win, "加强组织领导")
    _similar(win)
    item = win.similar.list.item(0)
    mime = win.similar.list.mimeData([item])
    from composer.ui.outline_model import SNIPPET_MIME
    import json
    [ref] = json.loads(bytes(mime.data(SNIPPET_MIME)).decode())
    assert win.library_pane.model.lookup(ref) is win.similar.shown()[0]


def test_the_index_follows_the_library(win):
    _select(win, "加强组织领导")
    _similar(win)
    first = win.similar.index
    win.library_pane.set_library(LoadedLibrary([empty_user_pack()], []))
    assert _similar(win) == [] and win.similar.index is not first
    assert "没有说法相近的素材" in win.similar.note.text()


def test_archive_folders_in_the_settings(qtbot, tmp_path):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.archive.addItem(str(tmp_path))
    assert "archive" in dialog.apply()
    assert settings.archive_folders() == [str(tmp_path)]
    assert "archive" not in dialog.apply()
    dialog.archive.takeItem(0)
    assert "archive" in dialog.apply() and settings.archive_folders() == []


def test_the_archive_is_read_in_the_background_and_gives_findings(win, corpus_folder, tmp_path):
    settings.set_archive_folders([str(corpus_folder)])
    check = win.archive_check
    check.reload()
    assert check.loading
    check.wait()
    assert not check.loading and (check.files, check.speeches) == (8, 8)
    findings = check.findings(win.document.speech, win.document.path)
    assert len(findings) == 15 and {f.rule for f in findings} == {RULE}
    assert all("创建文明单位动员大会讲话稿篇" in f.message for f in findings)
    # The speech saved into the archive folder is not its own archive.
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    mine = folder / "今年.speech.yaml"
    shutil.copyfile(EXAMPLE, mine)
    settings.set_archive_folders([str(folder)])
    check.reload()
    check.wait()
    assert check.files == 9
    assert {f.message for f in check.findings(win.document.speech, str(mine))} == \
        {f.message for f in findings}
    settings.set_archive_folders([str(tmp_path / "没有")])
    messages = []
    check.message.connect(messages.append)
    check.reload()
    check.wait()
    assert check.findings(win.document.speech) == [] and "存档讲稿文件夹不存在" in messages[0]
    settings.set_archive_folders([])
    check.reload()
    assert check.search is None and not check.loading


def test_the_archive_findings_in_the_check_dock(qtbot, corpus_folder):
    """The archive folders set, the window reads them in the background and the 检查 dock lists
    the repeats beside the proofreader's findings: where, the draft and file named, a click
    selects the paragraph, 忽略 keeps one out."""
    settings.set_archive_folders([str(corpus_folder)])
    pack = load_pack(LIBRARY, read_only=True)
    window = MainWindow(library=LoadedLibrary([pack, empty_user_pack()], []))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    speech = load_speech(EXAMPLE)
    speech.opening[0] = speech.opening[0].replace("今天，", "今天,", 1)   # one of the proofreader's
    window.document.load(speech, None)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.archive_check.search is not None, timeout=20000)
    qtbot.waitUntil(lambda: not window.checker.pending and window.checker.checked, timeout=5000)
    window.checker.flush()
    model = window.check_panel.model
    groups = {g.rule.id: g.findings for g in model.groups}
    assert set(groups) == {RULE, "punct.halfwidth"} and len(groups[RULE]) == 15
    rule_row = next(model.index(i, 0) for i, g in enumerate(model.groups) if g.rule.id == RULE)
    assert "与存档的旧讲稿重复的段落" in model.data(rule_row) and "（15）" in model.data(rule_row)
    first = model.index(0, 0, rule_row)
    assert model.data(first).startswith("开头 第1段　今天,我们召开")
    window.check_panel.tree.setCurrentIndex(first)
    detail = window.check_panel.detail.text()
    assert "本段与《创建文明单位动员大会讲话稿篇" in detail and "第 1 段" in detail and "相同（" in detail
    window.check_panel._jump_to(first)
    assert window.document_pane.view.selected_text() == window.document.speech.opening[0]
    window.check_panel.ignore_current()
    window.checker.flush()
    visible = [f for f in window.checker.visible() if f.rule == RULE]
    assert len(visible) == 14
    assert window.document.speech.ignored[-1].rule == RULE


def test_the_question_is_answered_on_the_worker_and_only_the_last_is_shown(win, monkeypatch):
    import threading

    from composer.core.similar import SimilarSnippets
    _select(win, "加强组织领导")
    _similar(win)
    asked_on = []
    real = SimilarSnippets.similar

    def similar(self, text, *args, **kwargs):
        asked_on.append(threading.current_thread())
        return real(self, text, *args, **kwargs)
    monkeypatch.setattr(SimilarSnippets, "similar", similar)
    _select(win, "加强组织领导")
    win.similar.refresh()            # a question whose answer comes too late to be shown:
    monkeypatch.setattr(win.similar, "_current_key", lambda: None)   # nothing selected now
    win.similar.refresh()
    win.similar.wait()
    assert asked_on and threading.main_thread() not in asked_on
    assert win.similar.shown() == [] and "在提纲中选中一节" in win.similar.note.text()
