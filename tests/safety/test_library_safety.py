"""Library safety: the user's pack is saved atomically with backups; one bad pack in a library
folder is reported and never keeps the others (or the program) from loading."""

import os
from pathlib import Path

import pytest

from composer.core.errors import ComposerError
from composer.core.library import Pack, Snippet
from composer.core.library_edits import AddSnippets, RemoveSnippets
from composer.io import backups, files, library_file, library_store, pack_update

from .test_hostile_files import alias_bomb, junk, payloads, wrap
# The UI tests' guards for the tests through the application: settings in a temp folder, and no
# modal dialog may wait for an answer.
from ui.conftest import no_unexpected_dialogs, temp_settings  # noqa: F401


def add_to_user_pack(heading: str, keep: int = backups.DEFAULT_KEEP):
    """Save a snippet to the user's pack the way the window does (merge under the lock)."""
    return pack_update.write_edit(
        AddSnippets(str(library_store.user_pack_path()), [Snippet("my-0001", 1, heading,
                                                                  [f"{heading}的正文。"])]),
        new_name=library_store.USER_PACK_NAME, keep_backups=keep)


def test_saving_the_users_pack_keeps_the_previous_version():
    assert add_to_user_pack("第一条").backup is None   # nothing before it
    backup = add_to_user_pack("第二条").backup
    assert [s.heading for s in library_file.load_pack(backup, use_index=False).snippets] == ["第一条"]
    saved = library_file.load_pack(library_store.user_pack_path(), use_index=False)
    assert [s.heading for s in saved.snippets] == ["第一条", "第二条"]


def test_the_number_of_pack_backups_follows_the_setting():
    for i in range(6):
        add_to_user_pack(f"条目{i}", keep=2)
    assert len(backups.list_backups(library_store.user_pack_path())) == 2


def test_a_read_only_pack_file_is_refused_and_nothing_is_written(tmp_path):
    shared = tmp_path / "shared.library.yaml"
    library_file.save_pack(Pack("共享", [Snippet("s1", 1, "共享的", ["x"])]), shared)
    os.chmod(shared, 0o444)
    before = shared.read_bytes()
    with pytest.raises(files.ReadOnlyFileError, match="只读") as raised:
        pack_update.write_edit(RemoveSnippets(str(shared), [Snippet("s1", 1, "共享的", ["x"])]),
                               keep_backups=5)
    assert shared.read_bytes() == before and backups.list_backups(shared) == []
    # Said for a library: a pack has no 另存为, the speech's advice would send the writer
    # looking for one.
    assert "素材库" in str(raised.value) and "另存为" not in str(raised.value)


def test_a_failed_pack_write_leaves_the_old_pack(monkeypatch):
    add_to_user_pack("原有的")
    path = library_store.user_pack_path()
    before = path.read_bytes()

    def disk_full(target, data, **options):
        raise ComposerError("磁盘空间不足", "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(files, "write_bytes", disk_full)
        with pytest.raises(ComposerError, match="磁盘空间不足"):
            add_to_user_pack("新的")
    assert path.read_bytes() == before


def test_bad_packs_are_reported_and_the_others_load(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    library_file.save_pack(Pack("好的", [Snippet("g1", 1, "标题", ["正文"])]),
                           folder / "good.library.yaml")
    (folder / "a-binary.library.yaml").write_bytes(junk()[2])
    (folder / "b-python.library.yaml").write_bytes(wrap(payloads(tmp_path / "m")[0])[0])
    (folder / "c-bomb.library.yaml").write_bytes(alias_bomb())
    (folder / "d-empty.library.yaml").write_bytes(b"")
    (folder / "e-newer.library.yaml").write_bytes(b"format: 9\n")
    loaded = library_store.load_library([folder])
    assert "good.library.yaml" in {Path(p.path).name for p in loaded.packs}
    assert [s.id for s in loaded.snippets() if s.id == "g1"] == ["g1"]
    assert sorted(Path(e.path).name for e in loaded.errors) == [
        "a-binary.library.yaml", "b-python.library.yaml", "c-bomb.library.yaml",
        "d-empty.library.yaml", "e-newer.library.yaml"]
    assert all(isinstance(e.error, ComposerError) and str(e) for e in loaded.errors)
    assert not (tmp_path / "m").exists()
    assert loaded.user_pack() is not None          # somewhere to save to, still


def test_a_broken_user_pack_is_reported_not_replaced():
    path = library_store.user_pack_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"format: 1\nsnippets: [")
    loaded = library_store.load_library()
    assert [Path(e.path).name for e in loaded.errors] == [path.name]
    assert path.read_bytes() == b"format: 1\nsnippets: ["   # the user's text is still there


# --- through the application ---------------------------------------------------------------------

def test_snippets_saved_from_the_library_pane_keep_backups(qtbot, monkeypatch):
    from composer.core.speech import Section
    from composer.ui import settings, snippet_dialog
    from composer.ui.library_pane import LibraryPane
    from composer.ui.snippet_dialog import SnippetDetails
    monkeypatch.setattr(snippet_dialog, "ask_new_snippet", lambda *a, **k: SnippetDetails("", []))
    settings.set_keep_backups(2)
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_library(library_store.load_library())
    for heading in ("第一条", "第二条", "第三条", "第四条"):
        assert pane.save_section(Section(heading, [f"{heading}的正文。"]), 1) is not None
        pane.finish_writes()
    kept = [[s.heading for s in library_file.load_pack(b, use_index=False).snippets]
            for b in backups.list_backups(library_store.user_pack_path())]
    assert kept == [["第一条", "第二条", "第三条"], ["第一条", "第二条"]]


def test_a_bad_pack_is_shown_at_start_in_chinese_and_the_program_starts(qtbot):
    from composer.ui import app
    bad = library_store.user_dir() / "损坏的素材.library.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"format: 1\nsnippets: [\x00\xff")
    window = app.create_window()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.show()
    qtbot.waitUntil(lambda: getattr(window, "library_errors_box", None) is not None,
                    timeout=10000)
    box = window.library_errors_box
    assert "无法读取" in box.text() and box.isVisible()  # shown without stopping the start
    assert bad.name in box.detailedText()
    assert "素材库" in window.statusBar().currentMessage()
    bundled = {Path(p.path).parent for p in window.library_pane.library.packs if p.read_only}
    assert library_store.bundled_dir() in bundled  # the others loaded
    assert window.library_pane.library.user_pack() is not None
    assert bad.read_bytes() == b"format: 1\nsnippets: [\x00\xff"  # never rewritten
