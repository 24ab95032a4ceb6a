"""The library loads in the background: the window is there at once, the pane shows progress,
a search typed meanwhile applies when the snippets arrive, and nothing fails before that.
A search over a big library is done in slices: rows and counts arrive over a few event-loop
turns, and the row the writer is on stays put."""

from __future__ import annotations

import pytest

from composer.core.library import PARAGRAPH, Pack, Snippet
from composer.io import library_file, library_store
from composer.ui import app, settings, snippet_dialog
from composer.ui.library_model import ROW_KIND_ROLE
from composer.ui.main_window import MainWindow
from composer.ui.snippet_dialog import SnippetDetails

from .conftest import select, snippet_mime


def big_pack(count: int, path: str = "") -> Pack:
    return Pack("大库", [Snippet(f"s{n}", 1 if n % 2 else PARAGRAPH, f"标题{n}" if n % 2 else "",
                               [f"第{n}条：创建文明单位工作要扎实"], kind=["意义", "措施"][n % 2 // 1])
                       for n in range(count)], path, read_only=True)


def texts(model):
    return [(model.index(r).data(ROW_KIND_ROLE), model.index(r).data())
            for r in range(model.rowCount())]


@pytest.fixture
def office(tmp_path):
    """A shared folder with a pack big enough to get a character index."""
    folder = tmp_path / "office"
    folder.mkdir()
    library_file.save_pack(big_pack(library_store.INDEX_FROM + 10), folder / "big.library.yaml")
    settings.set_library_folders([str(folder)])
    return folder


def test_the_window_comes_before_the_library_and_a_search_waits_for_it(qtbot, office):
    window = app.create_window()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.show()
    pane = window.library_pane
    assert pane.loading and pane.model.rowCount() == 0       # not read yet: the window is
    assert pane.progress.isVisibleTo(pane) and pane.count.text() == "正在加载素材库…"
    pane.search.setText("文明单位")                          # typed while loading
    qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)
    assert not pane.progress.isVisibleTo(pane)
    pane.model.finish_search()
    assert pane.model.terms == ["文明单位"]
    found = pane.model.match_count
    assert found > library_store.INDEX_FROM + 10    # the big pack's, and the bundled ones
    assert pane.count.text() == f"找到 {found} 条（共 {pane.model.snippet_count()} 条）"
    # The second step: the character index of the big pack is built and cached.
    folder = library_store.paths.cache_dir() / "library-index"
    qtbot.waitUntil(lambda: any(folder.glob("*.units")), timeout=30_000)


def test_nothing_fails_before_the_library_is_there(qtbot, office, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.show()
    window.load_library()
    pane = window.library_pane
    assert pane.loading
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet", lambda *a, **k: SnippetDetails("", []))
    from PySide6.QtCore import QModelIndex, Qt
    from .conftest import make_speech
    window.document.load(make_speech(), None)
    select(window, "B")
    window.save_to_library.trigger()
    window.library_pane.finish_writes()
    assert warnings == ["素材库还在加载，请稍候再存入。"]
    # A drop naming a snippet that is not loaded yet is refused, not an error.
    mime = snippet_mime(f"{office / 'big.library.yaml'}\ns1")
    model = window.outline_model
    before = window.document.speech.content()
    assert not model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    assert not model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    assert window.document.speech.content() == before
    pane._insert_first_match()                               # Enter in the search box: nothing
    qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)
    assert pane.model.lookup(f"{office / 'big.library.yaml'}\ns1") is not None


def test_a_reload_replaces_a_load_still_running(qtbot, office, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.show()
    window.load_library()
    other = tmp_path / "other"
    other.mkdir()
    library_file.save_pack(Pack("另一个", [Snippet("o1", 1, "只在这里")]), other / "o.library.yaml")
    settings.set_library_folders([str(other)])
    window.load_library()                                    # before the first one is done
    pane = window.library_pane
    qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)
    qtbot.wait(200)                                          # whatever the first one delivers
    assert [p.name for p in pane.library.packs if p.name in ("大库", "另一个")] == ["另一个"]


@pytest.fixture
def big_pane(qtbot):
    from composer.io.library_store import LoadedLibrary
    from composer.ui.library_pane import LibraryPane
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.resize(360, 700)
    pane.set_library(LoadedLibrary([big_pack(40_000, "big")]))  # no character index: all checked
    pane.model.slice = 0.0    # one chunk of snippets per turn, however fast the machine
    pane.show()
    return pane


def test_a_long_search_fills_in_over_several_turns(qtbot, big_pane):
    pane = big_pane
    model = pane.model
    model.finish_search()
    pane.search.setText("文明单位")
    assert model.searching                                   # one slice done, more to come
    first = texts(model)
    assert any(kind == "snippet" for kind, _ in first)       # the first page is there already
    assert any(text.endswith("+）") for kind, text in first if kind != "snippet")
    assert pane.count.text().startswith("正在搜索… 已找到")
    pane.list.setCurrentIndex(model.index(2))
    current = model.snippet_at(pane.list.currentIndex())
    qtbot.waitUntil(lambda: not model.searching, timeout=30_000)
    assert model.snippet_at(pane.list.currentIndex()) is current   # the row stayed put
    final = texts(model)
    assert not any(text.endswith("+）") for kind, text in final if kind != "snippet")
    assert ("level", "▾ 一级标题（20000）") in final and ("kind", "▾ 措施（20000）") in final
    assert pane.count.text() == "找到 40000 条（共 40000 条）"
    assert final[-1][0] == "more"


def test_typing_during_a_long_search_starts_the_new_one(qtbot, big_pane):
    pane = big_pane
    pane.search.setText("文明单位")
    assert pane.model.searching
    pane.search.setText("第39999条")                         # before the first one is done
    qtbot.waitUntil(lambda: not pane.model.searching, timeout=30_000)
    assert [text for kind, text in texts(pane.model) if kind == "snippet"] == [
        "标题39999 — 第39999条：创建文明单位工作要扎实"]
    pane.search.setText("文明单位")                          # remembered, and carried on
    pane.model.finish_search()
    assert pane.count.text() == "找到 40000 条（共 40000 条）"


def test_an_order_key_orders_each_group_across_a_big_search(qtbot, big_pane):
    """Not used recently first (issue 16) holds for big libraries too: every seventh snippet
    has been used and goes to the end of its group, oldest use first."""
    model = big_pane.model
    used = {f"s{n}": f"2025-01-{n % 28 + 1:02d}" for n in range(0, 40_000, 7)}
    model.set_order_key(lambda s: used.get(s.id, ""))
    listed = [model.snippet_at(model.index(r)) for r in range(model.rowCount())]
    first = [s.id for s in listed if s is not None][:4]
    assert first == ["s1", "s3", "s5", "s9"]                # s7 was used: later
    big_pane.search.setText("第0条")
    model.finish_search()
    assert [model.snippet_at(model.index(r)).id for r in range(model.rowCount())
            if model.snippet_at(model.index(r)) is not None] == ["s0"]
    big_pane.search.setText("文明单位")
    model.finish_search()
    found = [s.id for s in (model.snippet_at(model.index(r)) for r in range(model.rowCount()))
             if s is not None]
    assert found[:4] == ["s1", "s3", "s5", "s9"] and "s7" not in found
    ordered = [s.id for s in model.all_snippets() if s.level == PARAGRAPH]
    tail = [i for i in ordered if i in used]
    assert ordered[-len(tail):] == tail and tail == sorted(tail, key=lambda i: (used[i], int(i[1:])))


def test_library_edits_wait_for_a_reload(qtbot, window, monkeypatch):
    """While the packs are read again, an edit (or its undo) is refused with a message and
    changes nothing: the loaded library would not show it."""
    from PySide6.QtWidgets import QMessageBox
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet", lambda *a, **k: SnippetDetails("", []))
    select(window, "B")
    window.save_to_library.trigger()                         # saved: something to undo
    window.library_pane.finish_writes()
    pane = window.library_pane
    assert len(pane.library.user_pack().snippets) == 1
    window.load_library()
    pane.undo()
    window.library_pane.finish_writes()
    assert warnings == ["素材库还在加载，请稍候再修改。"]
    qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)
    assert [s.heading for s in pane.library.user_pack().snippets] == ["B"]
    pane.undo()                                              # now it is taken back
    window.library_pane.finish_writes()
    assert pane.library.user_pack().snippets == []
