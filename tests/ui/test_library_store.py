"""Loading every library pack: bundled, the user's own, shared folders; bad packs are reported
and skipped; the user's pack is never replaced by an empty one when it cannot be read."""

from __future__ import annotations

from composer.core.library import Pack, Snippet
from composer.io import library_file, library_store


def write_pack(folder, name, snippet_ids):
    folder.mkdir(parents=True, exist_ok=True)
    pack = Pack(name, [Snippet(i, 1, f"标题{i}", [f"正文{i}"], kind="意义") for i in snippet_ids])
    path = folder / f"{name}.library.yaml"
    library_file.save_pack(pack, path)
    return path


def test_loads_bundled_user_and_shared_packs(tmp_path, monkeypatch):
    bundled = tmp_path / "resources" / "library"
    monkeypatch.setattr(library_store, "bundled_dir", lambda: bundled)
    write_pack(bundled, "bundled", ["b1", "b2"])
    write_pack(library_store.user_dir(), "my", ["m1"])
    shared = tmp_path / "office"
    write_pack(shared, "office", ["o1"])
    loaded = library_store.load_library([shared, shared])  # a folder given twice loads once
    assert [(p.name, p.read_only, len(p.snippets)) for p in loaded.packs] == [
        ("bundled", True, 2), ("my", False, 1), ("office", True, 1)]
    assert loaded.errors == []
    assert loaded.user_pack().name == "my"
    assert [s.id for s in loaded.snippets()] == ["b1", "b2", "m1", "o1"]


def test_a_bad_pack_is_reported_and_the_others_load(tmp_path, monkeypatch):
    bundled = tmp_path / "lib"
    monkeypatch.setattr(library_store, "bundled_dir", lambda: bundled)
    write_pack(bundled, "good", ["g1"])
    (bundled / "broken.library.yaml").write_text("format: 1\nsnippets: [oops\n", encoding="utf-8")
    (bundled / "evil.library.yaml").write_text("!!python/object/apply:os.system [ls]\n",
                                               encoding="utf-8")
    loaded = library_store.load_library()
    assert [p.name for p in loaded.packs] == ["good", library_store.USER_PACK_NAME]
    assert sorted(e.path.rsplit("/", 1)[-1] for e in loaded.errors) == [
        "broken.library.yaml", "evil.library.yaml"]
    assert all("library.yaml" in str(e) for e in loaded.errors)


def test_missing_folders_and_no_user_pack_yet(tmp_path, monkeypatch):
    monkeypatch.setattr(library_store, "bundled_dir", lambda: tmp_path / "nowhere")
    loaded = library_store.load_library([tmp_path / "gone"])
    assert len(loaded.packs) == 1
    assert [e.path for e in loaded.errors] == [str(tmp_path / "gone")]
    own = loaded.user_pack()
    assert own.snippets == [] and not own.read_only
    assert own.path == str(library_store.user_pack_path())


def test_a_damaged_user_pack_is_not_replaced_by_an_empty_one(tmp_path, monkeypatch):
    monkeypatch.setattr(library_store, "bundled_dir", lambda: tmp_path / "nowhere")
    path = library_store.user_pack_path()
    path.parent.mkdir(parents=True)
    path.write_text("format: 1\nsnippets: [", encoding="utf-8")
    loaded = library_store.load_library()
    assert loaded.user_pack() is None and len(loaded.errors) == 1
    assert path.read_text(encoding="utf-8") == "format: 1\nsnippets: ["


def test_save_user_pack_and_new_ids(tmp_path):
    from composer.core.library_edits import AddSnippets
    from composer.io import pack_update
    pack = library_store.empty_user_pack()
    pack.snippets.append(Snippet(library_store.new_snippet_id(pack), 2, "甲", ["乙"]))
    pack.snippets.append(Snippet(library_store.new_snippet_id(pack), 2, "丙", ["丁"]))
    assert [s.id for s in pack.snippets] == ["my-0001", "my-0002"]
    pack_update.write_edit(AddSnippets(pack.path, pack.snippets), new_name=pack.name)
    again = library_file.load_pack(library_store.user_pack_path(), use_index=False)
    assert [s.heading for s in again.snippets] == ["甲", "丙"]
    assert again.name == library_store.USER_PACK_NAME
    pack.snippets.pop(0)
    assert library_store.new_snippet_id(pack) == "my-0003"
    # The ids in use may come from the list's index (the window has them at hand): the same
    # answer, without a look at every snippet.
    assert library_store.new_snippet_id(pack, {"my-0002"}) == "my-0003"
    assert library_store.new_snippet_id(pack, {"my-0002", "my-0003", "my-0004"}) == "my-0005"
