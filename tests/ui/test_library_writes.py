"""Library writes run on the library pane's worker (issue 13: one 存入素材库 into a 100,000-
snippet pack froze the window for 40 s): the UI thread only asks, the list shows the pack as
written, steps asked in a row are written in order, quitting waits for them, and a failure is
said and leaves the list showing what is on disk."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from composer.io import files, library_file, library_store, pack_update
from composer.ui import snippet_dialog
from composer.ui.snippet_dialog import SnippetDetails

from .conftest import in_pane, on_disk, select, user_pack_unwritable


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
    real = files.write_bytes
    warnings = user_pack_unwritable(monkeypatch, "网络文件夹断开了", "the network folder is offline")
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


def test_after_a_write_the_next_start_reads_the_cache_and_never_a_stale_one(window, saving):
    """The version written goes to the start-up cache (named by the digest of its bytes), the
    replaced version's cache goes, and a file changed by another program afterwards is read
    from its YAML, never from the cache of what was there before."""
    import hashlib

    from composer.io import library_cache
    pane = window.library_pane
    select(window, "A1")
    window.save_to_library.trigger()
    pane.finish_writes()
    first = hashlib.sha256(library_store.user_pack_path().read_bytes()).hexdigest()
    assert library_cache.snippets_path(first).exists()
    select(window, "A2")
    window.save_to_library.trigger()
    pane.finish_writes()
    path = library_store.user_pack_path()
    second = hashlib.sha256(path.read_bytes()).hexdigest()
    assert not library_cache.snippets_path(first).exists()   # no file holds that any more
    pack, digest, cached = library_file.open_pack(path)
    assert (digest, cached) == (second, True)
    assert [s.heading for s in pack.snippets] == ["A1", "A2"]
    # Another program adds one: the digest changes, the YAML is read, the addition is there.
    pack.snippets.append(library_file.load_pack(path).snippets[0].__class__(
        "other-1", 1, "别人加的", ["正文"]))
    library_file.save_pack(pack, path)
    again, digest, cached = library_file.open_pack(path)
    assert digest != second and not cached
    assert [s.heading for s in again.snippets] == ["A1", "A2", "别人加的"]


def test_a_write_changes_the_rows_in_place_keeping_selection_scroll_and_character_index(
        qtbot, saving):
    """A big pack (with a character index): after 存入素材库 the list shows the new snippet,
    the current row and the scroll position are as they were (no reset), and the character
    index is the version written's (carried over, not dropped)."""
    from composer.core.speech import Section
    n = library_store.INDEX_FROM + 10
    pane = big_user_pane(qtbot, n)
    pane.model.set_query("正文")   # every snippet matches: 500 rows listed
    pane.model.finish_search()
    resets = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    target = pane.model.index(200)
    chosen = pane.model.snippet_at(target)
    pane.list.setCurrentIndex(target)
    pane.list.scrollTo(target)
    scrolled = pane.list.verticalScrollBar().value()
    assert scrolled > 0
    pane.save_section(Section("新存入的一条", ["正文新"]), 1)
    pane.finish_writes()
    assert not resets
    assert pane.current_snippet() is chosen
    assert pane.list.verticalScrollBar().value() == scrolled
    index = pane.library.indexes[id(pane.library.user_pack())]
    assert index.units is not None and len(index) == n + 1
    assert pane.model.match_count == n + 1
    pane.model.set_query("新存")
    pane.model.finish_search()
    assert [s.heading for s in (pane.model.snippet_at(pane.model.index(r))
                                for r in range(pane.model.rowCount())) if s] == ["新存入的一条"]


def big_user_pane(qtbot, count: int):
    """A library pane showing the bundled packs and a user pack of ``count`` snippets (level
    1, kind 措施: the group 存入素材库 adds to in these tests)."""
    from composer.core.library import Pack, Snippet
    from composer.ui.library_pane import LibraryPane
    own = Pack(library_store.USER_PACK_NAME,
               [Snippet(f"my-{i:04d}", 1, f"标题{i}", [f"正文{i}"], kind="措施")
                for i in range(count)], str(library_store.user_pack_path()), read_only=False)
    library_store.user_dir().mkdir(parents=True, exist_ok=True)
    library_file.save_pack(own, own.path)
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.resize(300, 400)
    pane.show()
    library = library_store.load_library()
    library_store.build_indexes(library)
    pane.set_library(library)
    return pane


def own_group(pane) -> list[str]:
    return [s.id for s in pane.model.all_snippets() if s.id.startswith("my-")]


def test_not_used_recently_first_a_write_is_ordered_on_the_worker_and_selected(
        qtbot, saving, monkeypatch):
    """With 久未使用的素材排在前面 the list after 存入素材库 is in the order a fresh sort gives —
    the new snippet, never used, after the other unused ones and before every used one — and
    that order was made on the worker (100,000 snippets: 150–250 ms on the window's thread
    before).  The new snippet is selected."""
    from composer.core.speech import Section
    from composer.ui import library_model
    pane = big_user_pane(qtbot, 40)
    used = {f"my-{i:04d}": f"2025-0{1 + i % 9}-01" for i in range(0, 40, 3)}
    pane.model.set_order_key(lambda s: used.get(s.id, ""))
    threads = []
    real = library_model.ordered_groups

    def recorded(*args):
        threads.append(threading.current_thread())
        return real(*args)
    monkeypatch.setattr(library_model, "ordered_groups", recorded)
    pane.save_section(Section("新存入的一条", ["正文新"]), 1)
    pane.finish_writes()
    assert threads and all(t is not threading.main_thread() for t in threads)
    unused = [f"my-{i:04d}" for i in range(40) if f"my-{i:04d}" not in used]
    new_id = next(s.id for s in pane.library.user_pack().snippets if s.heading == "新存入的一条")
    assert own_group(pane) == unused + [new_id] + sorted(used, key=lambda i: (used[i], i))
    assert pane.current_snippet().heading == "新存入的一条"
    listed = [s.id for s in pane.model.all_snippets()]   # every pack, every group
    pane.model.reindex()                                  # sorted here, to compare
    assert [s.id for s in pane.model.all_snippets()] == listed
    threads.clear()
    # Undo and redo are written the same way, in the same order.
    pane.undo()
    pane.finish_writes()
    assert own_group(pane) == unused + sorted(used, key=lambda i: (used[i], i))
    pane.redo()
    pane.finish_writes()
    assert own_group(pane) == unused + [new_id] + sorted(used, key=lambda i: (used[i], i))
    assert len(threads) == 2 and all(t is not threading.main_thread() for t in threads)


def test_an_order_changed_while_a_write_is_under_way_is_the_one_shown(qtbot, saving):
    """The order key changed after the write was asked for (a speech saved meanwhile records
    new uses): the order the worker made by the old key is not used."""
    from composer.core.speech import Section
    pane = big_user_pane(qtbot, 12)
    old = {f"my-{i:04d}": "2025-01-01" for i in range(6)}
    new = {f"my-{i:04d}": "2025-02-01" for i in range(6, 12)}
    pane.model.set_order_key(lambda s: old.get(s.id, ""))
    pane.save_section(Section("新存入的一条", ["正文新"]), 1)
    pane.model.set_order_key(lambda s: new.get(s.id, ""))
    pane.finish_writes()
    assert own_group(pane)[:6] == [f"my-{i:04d}" for i in range(6)]
    assert own_group(pane)[-6:] == [f"my-{i:04d}" for i in range(6, 12)]
    assert pane.current_snippet().heading == "新存入的一条"


def test_the_start_up_cache_of_a_write_waits_for_a_search_under_way(qtbot, saving, monkeypatch):
    """A search goes on in slices on the window's thread, and each slice and its repaint are
    calls into Python that would each wait for the worker: the start-up cache of a write
    (half a second of work for 100,000 snippets) starts once the search is done.  Quitting
    does not wait for a search: the cache is written then."""
    import hashlib

    from composer.core.speech import Section
    from composer.core import snippet_index
    from composer.io import library_cache
    pane = big_user_pane(qtbot, 2000)
    pane.model.slice = 0.0            # a few snippets a turn: the search takes many turns
    monkeypatch.setattr(snippet_index, "CHECK_CHUNK", 4)
    searching_when_cached = []
    real = library_store.cache_written

    def cache_written(*args):
        searching_when_cached.append(pane.model.searching)
        real(*args)
    monkeypatch.setattr(library_store, "cache_written", cache_written)
    pane.search.setText("正文1")
    assert pane.model.searching
    pane.save_section(Section("新存入的一条", ["正文新"]), 1)
    pane.writes.finish()              # written and shown, the search still under way
    assert pane.model.searching and pane.working()
    digest = hashlib.sha256(library_store.user_pack_path().read_bytes()).hexdigest()
    assert pane.library.digests[id(pane.library.user_pack())] == digest
    assert not library_cache.snippets_path(digest).exists()
    qtbot.waitUntil(lambda: not pane.working(), timeout=30_000)
    assert searching_when_cached == [False] and library_cache.snippets_path(digest).exists()

    pane.search.setText("正文2")      # and again, quitting meanwhile
    pane.save_section(Section("再存一条", ["正文再"]), 1)
    pane.writes.finish()
    assert pane.model.searching
    pane.finish_writes()
    digest = hashlib.sha256(library_store.user_pack_path().read_bytes()).hexdigest()
    assert library_cache.snippets_path(digest).exists() and not pane.working()
    assert searching_when_cached == [False, True]
