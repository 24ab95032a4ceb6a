"""Library writes run on the library pane's worker (issue 13: one 存入素材库 into a 100,000-
snippet pack froze the window for 40 s): the UI thread only asks, the list shows the pack as
written, steps asked in a row are written in order, quitting waits for them, and a failure is
said and leaves the list showing what is on disk."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from composer.core.errors import ComposerError
from composer.io import files, library_file, library_store, pack_update
from composer.ui import snippet_dialog
from composer.ui.snippet_dialog import SnippetDetails

from .conftest import select


def on_disk() -> list[str]:
    path = library_store.user_pack_path()
    if not path.exists():
        return []
    return [s.heading for s in library_file.load_pack(path, use_index=False).snippets]


def in_pane(window) -> list[str]:
    return [s.heading for s in window.library_pane.library.user_pack().snippets]


@pytest.fixture
def saving(monkeypatch):
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet",
                        lambda parent, heading, kind="": SnippetDetails("措施", ["动员"]))


def test_the_write_runs_off_the_ui_thread_and_the_list_shows_it_when_written(
        window, saving, monkeypatch):
    threads = []
    real = pack_update.write_edit

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)
    monkeypatch.setattr(pack_update, "write_edit", recorded)
    pane = window.library_pane
    select(window, "A1")
    window.save_to_library.trigger()
    # Asked, not yet shown: the list changes when the worker's result is taken in.
    assert pane.busy() and in_pane(window) == []
    assert "正在写入" in window.statusBar().currentMessage()
    assert window.undo_action.isEnabled()           # Undo already counts the step asked for
    pane.finish_writes()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert in_pane(window) == ["A1"] == on_disk() and not pane.busy()
    assert "已存入" in window.statusBar().currentMessage()


def test_steps_asked_in_a_row_are_written_in_order_and_undo_waits_for_them(window, saving):
    pane = window.library_pane
    for heading in ("A1", "B", "C"):
        select(window, heading)
        window.save_to_library.trigger()
    window.undo_action.trigger()                     # before any of them is written
    assert window.undo_action.toolTip() == "撤销：存入素材库"
    pane.finish_writes()
    assert on_disk() == ["A1", "B"] == in_pane(window)
    assert len({s.id for s in pane.library.user_pack().snippets}) == 2
    window.redo_action.trigger()
    pane.finish_writes()
    assert on_disk() == ["A1", "B", "C"]


def test_closing_the_window_finishes_a_write_asked_for(window, saving):
    select(window, "B")
    window.save_to_library.trigger()
    assert window.library_pane.busy()
    window.close()
    assert on_disk() == ["B"]


def test_a_failed_write_is_said_and_the_undo_queued_behind_it_is_dropped(
        window, saving, monkeypatch):
    pane = window.library_pane
    select(window, "A1")
    window.save_to_library.trigger()
    pane.finish_writes()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    real = files.write_bytes

    def offline(path, data, **options):
        if str(path).endswith(library_store.USER_PACK_FILE):
            raise ComposerError("网络文件夹断开了", "the network folder is offline")
        return real(path, data, **options)
    monkeypatch.setattr(files, "write_bytes", offline)
    select(window, "B")
    window.save_to_library.trigger()
    window.undo_action.trigger()                     # meant for B, which will not be written
    pane.finish_writes()
    assert warnings == ["网络文件夹断开了"]
    assert on_disk() == ["A1"] == in_pane(window)    # A1 was not undone in B's place
    assert window.undo_action.toolTip() == "撤销：存入素材库"
    monkeypatch.setattr(files, "write_bytes", real)
    window.undo_action.trigger()                     # the step still there: A1's
    pane.finish_writes()
    assert on_disk() == [] == in_pane(window)


def test_an_unexpected_error_on_the_worker_is_one_chinese_line(window, saving, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")
    monkeypatch.setattr(pack_update, "write_edit", broken)
    select(window, "B")
    window.save_to_library.trigger()
    window.library_pane.finish_writes()
    assert len(warnings) == 1 and warnings[0].startswith("素材库没有写入")
    assert "\n" not in warnings[0] and in_pane(window) == []
    assert not window.undo_action.isEnabled()


def test_a_reload_is_read_on_the_worker_and_skipped_when_the_file_is_ours(
        window, saving, monkeypatch):
    pane = window.library_pane
    select(window, "B")
    window.save_to_library.trigger()
    pane.finish_writes()
    other = library_file.load_pack(library_store.user_pack_path(), use_index=False)
    parsed = []
    real = library_file.pack_from_bytes
    monkeypatch.setattr(library_file, "pack_from_bytes",
                        lambda *a, **k: parsed.append(a[1]) or real(*a, **k))
    pane.reload_pack(pane.library.user_pack().path)  # as if the watcher saw it change
    pane.finish_writes()
    assert parsed == [] and in_pane(window) == ["B"]  # our own bytes: not parsed again
    other.snippets[0].heading = "同事改的"
    library_file.save_pack(other, library_store.user_pack_path())
    pane.watcher.check()
    assert in_pane(window) == ["B"]                   # read on the worker, shown when read
    pane.finish_writes()
    assert len(parsed) == 1 and in_pane(window) == ["同事改的"]
