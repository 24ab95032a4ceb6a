"""Library safety: the user's pack is saved atomically with backups; one bad pack in a library
folder is reported and never keeps the others (or the program) from loading."""

from pathlib import Path

import pytest

from composer.core.errors import ComposerError
from composer.core.library import Pack, Snippet
from composer.io import backups, files, library_file, library_store

from .test_hostile_files import alias_bomb, junk, payloads, wrap


def user_pack(*headings: str) -> Pack:
    pack = library_store.empty_user_pack()
    pack.snippets = [Snippet(f"my-{i:04d}", 1, h, [f"{h}的正文。"]) for i, h in enumerate(headings)]
    return pack


def test_saving_the_users_pack_keeps_the_previous_version():
    assert backups.save_user_pack_with_backup(user_pack("第一条")) is None   # nothing before it
    backup = backups.save_user_pack_with_backup(user_pack("第一条", "第二条"))
    assert [s.heading for s in library_file.load_pack(backup, use_index=False).snippets] == ["第一条"]
    saved = library_file.load_pack(library_store.user_pack_path(), use_index=False)
    assert [s.heading for s in saved.snippets] == ["第一条", "第二条"]


def test_the_number_of_pack_backups_follows_the_setting():
    for i in range(6):
        backups.save_user_pack_with_backup(user_pack(*[f"条目{j}" for j in range(i + 1)]), keep=2)
    assert len(backups.list_backups(library_store.user_pack_path())) == 2


def test_a_read_only_pack_is_refused_and_nothing_is_written(tmp_path):
    shared = tmp_path / "shared.library.yaml"
    library_file.save_pack(Pack("共享", [Snippet("s1", 1, "共享的", ["x"])]), shared)
    before = shared.read_bytes()
    pack = library_file.load_pack(shared, read_only=True)
    pack.snippets.clear()
    with pytest.raises(ComposerError, match="只读"):
        backups.save_user_pack_with_backup(pack)
    assert shared.read_bytes() == before and backups.list_backups(shared) == []


def test_a_failed_pack_write_leaves_the_old_pack(monkeypatch):
    backups.save_user_pack_with_backup(user_pack("原有的"))
    path = library_store.user_pack_path()
    before = path.read_bytes()

    def disk_full(target, data):
        raise ComposerError("磁盘空间不足", "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(files, "write_bytes", disk_full)
        with pytest.raises(ComposerError, match="磁盘空间不足"):
            backups.save_user_pack_with_backup(user_pack("原有的", "新的"))
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
