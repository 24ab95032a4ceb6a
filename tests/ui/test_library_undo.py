"""Library edits in the window are edits: 存入素材库, editing and deleting a snippet undo and redo
through the window's Undo/Redo (and the 素材库 menu's own), in the pane and in the pack file;
they survive opening another speech; a pack changed on disk by another writer is read again,
keeping the writer's selection."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from composer.core.library import Pack, Snippet
from composer.core.library_edits import AddSnippets
from composer.io import files, library_file, library_store, pack_update
from composer.ui import snippet_dialog
from composer.ui.snippet_dialog import SnippetDetails

from .conftest import in_pane, make_speech, on_disk, select, user_pack_unwritable


def listed(window) -> list[str]:
    model = window.library_pane.model
    return [model.snippet_at(model.index(r)).heading for r in range(model.rowCount())
            if model.snippet_at(model.index(r)) is not None]


@pytest.fixture
def saving(monkeypatch):
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet",
                        lambda parent, heading, kind="": SnippetDetails("措施", ["动员"]))


def save(window, heading: str) -> None:
    select(window, heading)
    window.save_to_library.trigger()
    window.library_pane.finish_writes()   # written on the pane's worker
    window.library_pane.finish_writes()


def test_save_to_library_undo_and_redo_in_the_window(window, saving):
    save(window, "A1")
    assert on_disk() == ["A1"] and in_pane(window) == ["A1"] and "A1" in listed(window)
    assert window.undo_action.isEnabled()
    assert window.undo_action.toolTip() == "撤销：存入素材库"
    window.undo_action.trigger()
    window.library_pane.finish_writes()
    assert on_disk() == [] and in_pane(window) == [] and "A1" not in listed(window)
    assert not window.document.is_modified()      # the speech was not touched
    assert window.redo_action.isEnabled() and window.redo_action.toolTip() == "重做：存入素材库"
    window.redo_action.trigger()
    window.library_pane.finish_writes()
    assert on_disk() == ["A1"] and "A1" in listed(window)
    saved = library_file.load_pack(library_store.user_pack_path(), use_index=False).snippets[0]
    assert (saved.level, saved.kind, saved.tags, saved.children[0].heading) == (
        2, "措施", ["动员"], "A1a")
    assert window.library_pane.current_snippet().heading == "A1"


def test_undo_takes_back_the_last_step_whichever_history_it_is_in(window, saving):
    select(window, "B")
    window.outline.move_up.trigger()               # a speech edit
    save(window, "C")                              # a library edit
    window.outline.move_up.trigger()               # moves C: a speech edit again
    order = lambda: [s.heading for s in window.document.speech.body]  # noqa: E731
    assert order() == ["B", "C", "A"] and on_disk() == ["C"]
    window.undo_action.trigger()                   # the last move
    window.library_pane.finish_writes()
    assert order() == ["B", "A", "C"] and on_disk() == ["C"]
    window.undo_action.trigger()                   # the library save
    window.library_pane.finish_writes()
    assert order() == ["B", "A", "C"] and on_disk() == []
    window.undo_action.trigger()                   # the first move
    window.library_pane.finish_writes()
    assert order() == ["A", "B", "C"]
    assert not window.undo_action.isEnabled()
    window.redo_action.trigger()
    window.library_pane.finish_writes()
    window.redo_action.trigger()
    window.library_pane.finish_writes()
    assert order() == ["B", "A", "C"] and on_disk() == ["C"]
    window.redo_action.trigger()
    window.library_pane.finish_writes()
    assert order() == ["B", "C", "A"]


def test_library_edits_outlive_the_speech_they_came_from(window, saving):
    save(window, "A1")
    window.document.load(make_speech(), None)      # another speech: its history starts afresh
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    window.library_pane.finish_writes()
    assert on_disk() == []


def test_edit_and_delete_undo_and_redo(window, saving, monkeypatch):
    save(window, "B")
    pane = window.library_pane
    monkeypatch.setattr(snippet_dialog, "ask_edited_snippet", lambda parent, snippet:
                        SnippetDetails("要求", [], "改过的标题", ["新的正文"]))
    pane.edit_current()
    window.library_pane.finish_writes()
    assert on_disk() == ["改过的标题"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.delete_current()
    window.library_pane.finish_writes()
    assert on_disk() == [] and in_pane(window) == []
    pane.undo_action.trigger()                     # the 素材库 menu's own undo
    window.library_pane.finish_writes()
    assert on_disk() == ["改过的标题"] and pane.current_snippet().heading == "改过的标题"
    window.undo_action.trigger()
    window.library_pane.finish_writes()
    assert on_disk() == ["B"]
    saved = library_file.load_pack(library_store.user_pack_path(), use_index=False).snippets[0]
    assert (saved.paragraphs, saved.kind) == (["b text"], "措施")
    window.redo_action.trigger()
    window.library_pane.finish_writes()
    window.redo_action.trigger()
    window.library_pane.finish_writes()
    assert on_disk() == []


def colleague_adds(heading: str) -> None:
    """Another copy of the program (or a colleague) saves into the same pack."""
    pack_update.write_edit(AddSnippets(str(library_store.user_pack_path()),
                                       [Snippet("my-0001", 1, heading, [heading + "。"])]),
                           new_name=library_store.USER_PACK_NAME)


def test_undo_removes_only_our_snippet_and_shows_the_colleagues(window, saving):
    save(window, "A1")
    colleague_adds("同事存的")
    window.undo_action.trigger()
    window.library_pane.finish_writes()
    assert on_disk() == ["同事存的"] and in_pane(window) == ["同事存的"]
    window.redo_action.trigger()
    window.library_pane.finish_writes()
    assert sorted(on_disk()) == ["A1", "同事存的"]
    ids = [s.id for s in library_file.load_pack(library_store.user_pack_path(),
                                                use_index=False).snippets]
    assert len(set(ids)) == 2


def test_a_pack_changed_on_disk_is_read_again_keeping_the_selection(window, saving):
    save(window, "A1")
    pane = window.library_pane
    pane.search.setText("A")
    pane.select_snippet(pane.library.user_pack().snippets[0])
    assert pane.current_snippet().heading == "A1"
    colleague_adds("A同事存的")
    pane.watcher.check()                           # what the timer does every two seconds
    window.library_pane.finish_writes()
    assert in_pane(window) == ["A1", "A同事存的"] and "A同事存的" in listed(window)
    assert pane.current_snippet().heading == "A1" and pane.search.text() == "A"
    assert "重新读取" in window.statusBar().currentMessage()


def test_the_watch_sees_a_pack_that_appears_and_ignores_our_own_writes(window, saving):
    pane = window.library_pane
    assert in_pane(window) == [] and not library_store.user_pack_path().exists()
    reloaded = []
    pane.watcher.changed.connect(reloaded.append)
    save(window, "B")
    pane.watcher.check()
    window.library_pane.finish_writes()
    assert reloaded == []                          # our own write is known already
    colleague_adds("同事存的")
    pane.watcher.check()
    window.library_pane.finish_writes()
    assert reloaded == [str(library_store.user_pack_path())]
    assert in_pane(window) == ["B", "同事存的"]


def test_a_failed_undo_changes_nothing_and_can_be_tried_again(window, saving, monkeypatch):
    save(window, "A1")
    real = files.write_bytes
    warnings = user_pack_unwritable(monkeypatch, "网络文件夹断开了", "the network folder is offline")
    window.undo_action.trigger()
    window.library_pane.finish_writes()
    assert warnings == ["网络文件夹断开了"]
    assert on_disk() == ["A1"] and in_pane(window) == ["A1"]
    monkeypatch.setattr(files, "write_bytes", real)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    window.library_pane.finish_writes()
    assert on_disk() == [] and in_pane(window) == []


def test_a_colleagues_edit_meets_ours_both_are_kept_and_we_are_told(window, saving, monkeypatch):
    save(window, "B")
    pane = window.library_pane
    path = library_store.user_pack_path()
    theirs = library_file.load_pack(path, use_index=False)
    theirs.snippets[0].paragraphs = ["同事改的正文"]
    library_file.save_pack(Pack(theirs.name, theirs.snippets), path)   # not yet seen by us
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(snippet_dialog, "ask_edited_snippet", lambda parent, snippet:
                        SnippetDetails("措施", [], "B", ["我改的正文"]))
    pane.edit_current()
    window.library_pane.finish_writes()
    saved = library_file.load_pack(path, use_index=False).snippets
    assert [s.paragraphs for s in saved] == [["同事改的正文"], ["我改的正文"]]
    assert len(told) == 1 and "两个版本都保留" in told[0]
    assert pane.current_snippet().paragraphs == ["我改的正文"]


def test_a_read_only_pack_is_never_written_even_by_a_stray_edit(window, monkeypatch):
    pane = window.library_pane
    bundled = pane.library.packs[0]
    assert bundled.read_only
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    pane.add_snippets(bundled, [Snippet("x-1", 1, "不该写入", ["。"])], "存入素材库")
    pane.finish_writes()
    assert warnings == ["这个素材库是只读的，不能修改。"]
    assert not pane.history.can_undo() and not pane.can_undo()
