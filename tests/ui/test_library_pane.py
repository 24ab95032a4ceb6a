"""The library pane: grouping, live search with highlighting, insertion at each level,
save-to-library, editing and deleting the user's own snippets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from composer.core.speech import CLOSING, HEAD, OPENING
from composer.io import library_file, library_store
from composer.ui import snippet_dialog
from composer.ui.library_model import ROW_KIND_ROLE, excerpt
from composer.ui.library_pane import match_ranges
from composer.ui.snippet_dialog import SnippetDetails, parse_tags

from .conftest import headings, select, user_pack_unwritable


def rows(pane):
    model = pane.model
    return [(model.index(r).data(ROW_KIND_ROLE), model.index(r).data())
            for r in range(model.rowCount())]


def snippet_rows(pane):
    return [text for kind, text in rows(pane) if kind == "snippet"]


def row_of(pane, snippet_id):
    model = pane.model
    for r in range(model.rowCount()):
        snippet = model.snippet_at(model.index(r))
        if snippet is not None and snippet.id == snippet_id:
            return model.index(r)
    raise LookupError(snippet_id)


def test_snippets_are_grouped_by_level_then_kind(window):
    pane = window.library_pane
    headers = [text for kind, text in rows(pane) if kind != "snippet"]
    assert headers == ["▾ 一级标题（2）", "▾ 意义（1）", "▾ 措施（1）", "▾ 二级标题（1）", "▾ 措施（1）",
                       "▾ 三级标题（1）", "▾ 措施（1）", "▾ 四级标题（1）", "▾ 要求（1）",
                       "▾ 段落（1）", "▾ 结尾（1）"]
    assert pane.count.text() == "共 6 条"


def test_clicking_a_group_folds_it(window, qtbot):
    pane = window.library_pane
    first = pane.model.index(0)
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.list.visualRect(first).center())
    assert rows(pane)[0] == ("level", "▸ 一级标题（2）")
    assert rows(pane)[1][1].startswith("▾ 二级标题")
    pane.model.toggle_group(0)
    assert len(snippet_rows(pane)) == 6


def test_search_filters_as_you_type(window, qtbot):
    pane = window.library_pane
    pane.search.setFocus()
    qtbot.keyClicks(pane.search, "x")  # ASCII types fine; nothing matches
    assert snippet_rows(pane) == []
    assert pane.count.text() == "找到 0 条（共 6 条）"
    pane.search.clear()
    for text, expected in (("措", 3), ("措施", 3), ("措施 制度", 1), ("台账", 1)):
        pane.search.setText(text)
        assert len(snippet_rows(pane)) == expected, text
    pane.search.setText("制度")  # only in p-6's sub-section: the match is shown in context
    assert snippet_rows(pane) == ["强化措施，狠抓落实 — 扎实推进各项工作。 完善制度 建立健全制度。"]
    pane.search.clear()
    assert len(snippet_rows(pane)) == 6


def test_search_matches_are_highlighted(window):
    pane = window.library_pane
    pane.search.setText("提高")
    index = row_of(pane, "p-1")
    assert match_ranges(index.data(), pane.model.terms) == [(5, 7)]
    pane.list.setCurrentIndex(index)
    assert "background-color:#ffd86b;\">提高</span>" in pane.preview.toHtml()
    pixmap = pane.list.viewport().grab()  # the delegate paints without errors
    assert not pixmap.isNull()


def test_match_ranges_merge_and_excerpts():
    assert match_ranges("文明单位文明", ["文明"]) == [(0, 2), (4, 6)]
    assert match_ranges("abcd", ["bc", "cd"]) == [(1, 4)]
    assert excerpt("一" * 40 + "目标" + "二" * 40, "目标", 4) == "…一一一一目标二二二二…"


def test_preview_shows_the_whole_snippet(window):
    pane = window.library_pane
    pane.list.setCurrentIndex(row_of(pane, "p-6"))
    text = pane.preview.toPlainText()
    assert "强化措施，狠抓落实" in text and "完善制度" in text and "建立健全制度。" in text
    assert "测试素材（只读）" in text


@pytest.mark.parametrize("current, snippet_id, expected", [
    ("B", "p-1", [(1, "A"), (2, "A1"), (3, "A1a"), (2, "A2"), (1, "B"), (1, "统一思想，提高认识"),
                  (1, "C")]),
    ("A1", "p-1", [(1, "A"), (2, "A1"), (3, "A1a"), (2, "A2"), (1, "统一思想，提高认识"),
                   (1, "B"), (1, "C")]),
    ("A1", "p-2", [(1, "A"), (2, "A1"), (3, "A1a"), (2, "加强组织领导"), (2, "A2"), (1, "B"),
                   (1, "C")]),
    ("A1", "p-3", [(1, "A"), (2, "A1"), (3, "A1a"), (3, "明确责任分工"), (2, "A2"), (1, "B"),
                   (1, "C")]),
    ("A", "p-3", [(1, "A"), (2, "A1"), (3, "A1a"), (2, "A2"), (3, "明确责任分工"), (1, "B"),
                  (1, "C")]),
    ("A1a", "p-4", [(1, "A"), (2, "A1"), (3, "A1a"), (4, "建立台账"), (2, "A2"), (1, "B"),
                    (1, "C")]),
    ("B", "p-4", [(1, "A"), (2, "A1"), (3, "A1a"), (2, "A2"), (1, "B"), (2, "建立台账"),
                  (1, "C")]),
    (HEAD, "p-2", [(1, "加强组织领导"), (1, "A"), (2, "A1"), (3, "A1a"), (2, "A2"), (1, "B"),
                   (1, "C")]),
    (CLOSING, "p-6", [(1, "A"), (2, "A1"), (3, "A1a"), (2, "A2"), (1, "B"), (1, "C"),
                      (1, "强化措施，狠抓落实"), (2, "完善制度")]),
])
def test_insertion_lands_after_the_current_section_at_the_right_level(
        window, qtbot, current, snippet_id, expected):
    select(window, current)
    pane = window.library_pane
    index = row_of(pane, snippet_id)
    pane.list.scrollTo(index)
    where = pane.list.visualRect(index).center()
    # A real double-click: press, release, then the double-click event.
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert headings(window.document.speech) == expected
    inserted = window.outline.current_section()
    assert inserted is not None and inserted.heading == pane.model.snippet_at(index).heading
    window.undo_action.trigger()
    window.library_pane.finish_writes()
    assert headings(window.document.speech)[:4] == [(1, "A"), (2, "A1"), (3, "A1a"), (2, "A2")]
    assert len(window.document.speech.body) == 3


def test_enter_inserts_the_current_snippet(window, qtbot):
    select(window, "C")
    pane = window.library_pane
    pane.list.setCurrentIndex(row_of(pane, "p-2"))
    pane.list.setFocus()
    qtbot.keyClick(pane.list, Qt.Key.Key_Return)
    assert headings(window.document.speech)[-1] == (2, "加强组织领导")


def test_enter_in_the_search_box_inserts_the_first_match(window, qtbot):
    select(window, "B")
    pane = window.library_pane
    pane.search.setText("台账")
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert window.document.speech.body[1].children[0].heading == "建立台账"


def test_paragraph_snippet_adds_paragraphs_to_the_selected_text(window):
    select(window, OPENING)
    window.outline.insert_snippet(window.library_pane.model.lookup("bundled/test.library.yaml\np-5"))
    assert window.document.speech.opening == ["open", "同志们，创建工作任重道远。"]
    assert window.editor.section.text.paragraphs() == window.document.speech.opening


def test_inserted_snippets_are_copies(window):
    snippet = window.library_pane.model.lookup("bundled/test.library.yaml\np-6")
    select(window, "C")
    window.outline.insert_snippet(snippet)
    window.outline.insert_snippet(snippet)
    first, second = window.document.speech.body[3], window.document.speech.body[4]
    assert first.content() == second.content() and first.id != second.id
    first.children[0].heading = "改过"
    assert snippet.children[0].heading == "完善制度"


def test_save_section_to_the_users_pack(window, monkeypatch):
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet",
                        lambda parent, heading, kind="": SnippetDetails("措施", ["文明", "动员"]))
    select(window, "A1")
    window.save_to_library.trigger()
    window.library_pane.finish_writes()
    path = library_store.user_pack_path()
    pack = library_file.load_pack(path, use_index=False)
    assert [(s.level, s.heading, s.kind, s.tags) for s in pack.snippets] == [
        (2, "A1", "措施", ["文明", "动员"])]
    assert pack.snippets[0].children[0].heading == "A1a"
    pane = window.library_pane
    assert pane.current_snippet().heading == "A1"
    assert pane.edit_action.isEnabled() and pane.delete_action.isEnabled()
    pane.search.setText("动员")
    assert snippet_rows(pane) == ["A1"]
    assert "已存入" in window.statusBar().currentMessage()


def test_save_cancelled_writes_nothing(window, monkeypatch):
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet", lambda *a, **k: None)
    select(window, "B")
    window.save_to_library.trigger()
    window.library_pane.finish_writes()
    assert not library_store.user_pack_path().exists()


def test_bundled_snippets_are_read_only(window):
    pane = window.library_pane
    pane.list.setCurrentIndex(row_of(pane, "p-1"))
    assert pane.insert_action.isEnabled()
    assert not pane.edit_action.isEnabled() and not pane.delete_action.isEnabled()
    before = len(pane.library.packs[0].snippets)
    pane.delete_current()
    window.library_pane.finish_writes()
    pane.edit_current()
    window.library_pane.finish_writes()
    assert len(pane.library.packs[0].snippets) == before


def test_edit_and_delete_own_snippets(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet",
                        lambda *a, **k: SnippetDetails("意义", []))
    select(window, "B")
    window.save_to_library.trigger()
    window.library_pane.finish_writes()
    pane = window.library_pane
    monkeypatch.setattr(snippet_dialog, "ask_edited_snippet", lambda parent, snippet: SnippetDetails(
        "要求", ["新"], "改过的标题", ["第一段", "第二段"]))
    pane.edit_current()
    window.library_pane.finish_writes()
    saved = library_file.load_pack(library_store.user_pack_path(), use_index=False).snippets
    assert [(s.heading, s.paragraphs, s.kind, s.tags) for s in saved] == [
        ("改过的标题", ["第一段", "第二段"], "要求", ["新"])]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    pane.delete_current()
    window.library_pane.finish_writes()
    assert len(library_file.load_pack(library_store.user_pack_path(), use_index=False).snippets) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.delete_current()
    window.library_pane.finish_writes()
    assert library_file.load_pack(library_store.user_pack_path(), use_index=False).snippets == []
    assert len(pane.model.all_snippets()) == 6


def test_a_failed_save_leaves_the_pack_as_it_was(window, monkeypatch):
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet", lambda *a, **k: SnippetDetails("", []))
    warnings = user_pack_unwritable(monkeypatch, "磁盘已满", "disk full")
    select(window, "B")
    window.save_to_library.trigger()
    window.library_pane.finish_writes()
    assert warnings == ["磁盘已满"]
    assert window.library_pane.library.user_pack().snippets == []
    assert not library_store.user_pack_path().exists()
    assert not window.library_pane.undo_action.isEnabled()   # nothing to undo: nothing done


def test_parse_tags():
    assert parse_tags("文明创建，动员、 会议 ,文明创建") == ["文明创建", "动员", "会议"]


def test_long_result_lists_are_capped_with_a_last_row(window, monkeypatch):
    from composer.ui import library_model
    monkeypatch.setattr(library_model, "MAX_SHOWN", 2)
    pane = window.library_pane
    pane.model.reindex()
    assert len(snippet_rows(pane)) == 2
    assert rows(pane)[-1] == ("more", "还有 4 条没有列出：请输入更多文字，或折叠用不到的分组。")
    headers = [text for kind, text in rows(pane) if kind in ("level", "kind")]
    assert "▾ 段落（1）" in headers  # every group still shows with its count
    pane.model.toggle_group(0)  # folding 一级标题 frees its rows for the others
    assert snippet_rows(pane) == ["加强组织领导", "明确责任分工"]


def test_narrowed_and_remembered_searches_equal_fresh_ones(window, library):
    from composer.ui.library_model import LibraryModel
    pane = window.library_pane
    for query in ("措", "措施", "措施 制", "措施 制度", "措施", "", "明确", "明"):
        pane.search.setText(query)
        fresh = LibraryModel()
        fresh.set_library(library)
        fresh.set_query(query)
        assert [pane.model.index(r).data() for r in range(pane.model.rowCount())] == \
            [fresh.index(r).data() for r in range(fresh.rowCount())], query
