"""Library edits as data: applied to the pack as it is on disk, they merge by snippet id, never
drop anyone's text, and each returns the edit that takes it back exactly."""

from __future__ import annotations

import pytest

from composer.core.errors import ComposerError
from composer.core.library import Pack, Snippet
from composer.core.library_edits import (AddSnippets, EditSnippet, RemoveSnippets, clone,
                                         free_id, snippet_content)
from composer.core.library_history import LibraryHistory
from composer.core.speech import Section

PATH = "my.library.yaml"


def snippet(snippet_id: str, heading: str, text: str = "正文。", **fields) -> Snippet:
    return Snippet(snippet_id, 1, heading, [text], **fields)


def pack(*snippets: Snippet) -> Pack:
    return Pack("我的素材", [clone(s) for s in snippets], PATH)


def state(p: Pack) -> list[tuple]:
    return [snippet_content(s) for s in p.snippets]


def test_add_then_its_inverse_restores_the_pack_exactly():
    p = pack(snippet("my-0001", "甲"), snippet("my-0002", "乙"))
    before = state(p)
    added = AddSnippets(PATH, [snippet("my-0003", "丙", children=[Section("小节", ["x"])])]).apply(p)
    assert [s.heading for s in p.snippets] == ["甲", "乙", "丙"] and added.ids == ["my-0003"]
    added.inverse.apply(p)
    assert state(p) == before


def test_an_id_taken_meanwhile_by_another_snippet_is_renumbered():
    """Two windows both gave their new snippet the next number: both are kept."""
    on_disk = pack(snippet("my-0001", "甲"), snippet("my-0002", "同事存的"))
    applied = AddSnippets(PATH, [snippet("my-0002", "我存的")]).apply(on_disk)
    assert [(s.id, s.heading) for s in on_disk.snippets] == [
        ("my-0001", "甲"), ("my-0002", "同事存的"), ("my-0003", "我存的")]
    assert applied.ids == ["my-0003"]
    applied.inverse.apply(on_disk)          # undo removes ours, not the colleague's
    assert [s.heading for s in on_disk.snippets] == ["甲", "同事存的"]


def test_the_same_snippet_is_not_added_twice():
    p = pack(snippet("my-0001", "甲"))
    applied = AddSnippets(PATH, [snippet("my-0001", "甲")]).apply(p)
    assert len(p.snippets) == 1 and applied.ids == []


def test_delete_and_undo_put_it_back_where_it_was():
    p = pack(*(snippet(f"my-000{i}", h) for i, h in enumerate("甲乙丙丁", start=1)))
    before = state(p)
    gone = RemoveSnippets(PATH, [clone(p.snippets[1]), clone(p.snippets[3])]).apply(p)
    assert [s.heading for s in p.snippets] == ["甲", "丙"]
    gone.inverse.apply(p)
    assert state(p) == before


def test_a_snippet_changed_by_someone_else_is_not_deleted():
    seen = snippet("my-0001", "甲", "原文。")
    on_disk = pack(snippet("my-0001", "甲", "同事改过的正文。"))
    applied = RemoveSnippets(PATH, [seen]).apply(on_disk)
    assert [s.paragraphs for s in on_disk.snippets] == [["同事改过的正文。"]]
    assert len(applied.notes) == 1 and "没有删除" in applied.notes[0]


def test_deleting_what_is_already_gone_changes_nothing():
    on_disk = pack(snippet("my-0002", "乙"))
    applied = RemoveSnippets(PATH, [snippet("my-0001", "甲")]).apply(on_disk)
    assert [s.id for s in on_disk.snippets] == ["my-0002"] and applied.notes == []
    applied.inverse.apply(on_disk)
    assert [s.id for s in on_disk.snippets] == ["my-0002"]


def test_an_edit_and_its_inverse():
    before = snippet("my-0001", "甲", "原文。", kind="意义")
    after = snippet("my-0001", "甲（改）", "新的正文。", kind="措施", tags=["动员"])
    p = pack(snippet("my-0000", "前"), before)
    applied = EditSnippet(PATH, clone(before), clone(after)).apply(p)
    assert snippet_content(p.snippets[1]) == snippet_content(after) and applied.notes == []
    applied.inverse.apply(p)
    assert snippet_content(p.snippets[1]) == snippet_content(before)


def test_an_edit_against_another_edit_keeps_both():
    before = snippet("my-0001", "甲", "原文。")
    on_disk = pack(snippet("my-0001", "甲", "同事的版本。"))
    applied = EditSnippet(PATH, before, snippet("my-0001", "甲", "我的版本。")).apply(on_disk)
    assert [(s.id, s.paragraphs) for s in on_disk.snippets] == [
        ("my-0001", ["同事的版本。"]), ("my-0002", ["我的版本。"])]
    assert applied.ids == ["my-0002"] and "两个版本都保留" in applied.notes[0]
    applied.inverse.apply(on_disk)
    assert [s.paragraphs for s in on_disk.snippets] == [["同事的版本。"]]


def test_an_edit_against_a_delete_keeps_the_edit():
    before = snippet("my-0001", "甲", "原文。")
    on_disk = pack(snippet("my-0002", "乙"))
    applied = EditSnippet(PATH, before, snippet("my-0001", "甲", "我的版本。")).apply(on_disk)
    assert [(s.id, s.paragraphs) for s in on_disk.snippets] == [
        ("my-0002", ["正文。"]), ("my-0001", ["我的版本。"])]
    assert "重新加回" in applied.notes[0]
    applied.inverse.apply(on_disk)
    assert [s.id for s in on_disk.snippets] == ["my-0002"]


def test_edits_keep_their_own_copies():
    """What a pack holds and what an undo step holds are separate objects: changing the one
    (the pack reloaded and edited) never changes what undo will put back."""
    original = snippet("my-0001", "甲")
    p = pack()
    applied = AddSnippets(PATH, [original]).apply(p)
    assert p.snippets[0] is not original
    gone = applied.inverse.apply(p)
    p2 = pack()
    original.paragraphs.append("后来加的")
    gone.inverse.apply(p2)
    assert p2.snippets[0].paragraphs == ["正文。"]


def test_free_ids_follow_the_numbering():
    assert free_id({"my-0001", "my-0002"}, "my-0002") == "my-0003"
    assert free_id({"imp-9", "imp-10"}, "imp-9") == "imp-11"
    assert free_id({"wm"}, "wm") == "wm-0002"


# --- the history -----------------------------------------------------------------------------

class Disk:
    """A pack 'on disk' that can be made to fail, like an offline network folder."""

    def __init__(self):
        self.pack = pack()
        self.fail = False

    def store(self, edit):
        if self.fail:
            raise ComposerError("网络文件夹断开了", "the network folder is offline")
        return edit.apply(self.pack)


def test_history_undoes_and_redoes_against_the_pack_as_it_is_now():
    disk = Disk()
    history = LibraryHistory(disk.store)
    history.do("存入素材库", AddSnippets(PATH, [snippet("my-0001", "我存的")]))
    disk.pack.snippets.append(snippet("x-1", "同事后来加的"))      # someone else writes
    assert history.undo_label() == "存入素材库"
    history.undo()
    assert [s.heading for s in disk.pack.snippets] == ["同事后来加的"]
    assert history.can_redo() and not history.can_undo()
    history.redo()                      # back where it was, the colleague's snippet kept
    assert [s.heading for s in disk.pack.snippets] == ["我存的", "同事后来加的"]


def test_a_failed_write_changes_neither_the_pack_nor_the_history():
    disk = Disk()
    history = LibraryHistory(disk.store)
    disk.fail = True
    with pytest.raises(ComposerError):
        history.do("存入素材库", AddSnippets(PATH, [snippet("my-0001", "甲")]))
    assert not history.can_undo() and disk.pack.snippets == []
    disk.fail = False
    history.do("存入素材库", AddSnippets(PATH, [snippet("my-0001", "甲")]))
    disk.fail = True
    with pytest.raises(ComposerError):
        history.undo()
    assert history.can_undo() and not history.can_redo() and len(disk.pack.snippets) == 1
    disk.fail = False
    history.undo()
    assert disk.pack.snippets == [] and history.can_redo()


def test_a_new_step_clears_the_redo_steps_and_old_steps_go():
    disk = Disk()
    history = LibraryHistory(disk.store, limit=3)
    for number in range(5):
        history.do(f"第{number}步", AddSnippets(PATH, [snippet(f"my-{number}", str(number))]))
    history.undo()
    history.do("新的一步", AddSnippets(PATH, [snippet("my-9", "9")]))
    assert not history.can_redo()
    undone = 0
    while history.can_undo():
        history.undo()
        undone += 1
    assert undone == 3
