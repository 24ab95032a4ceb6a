import json

import pytest

from composer.core.errors import FileFormatError
from composer.core.library import PARAGRAPH, Pack, Snippet, search
from composer.core.speech import Section
from composer.io import library_file, paths


def sample_pack():
    return Pack("测试库", [
        Snippet("a1", 1, "统一思想，提高认识", ["要充分认识创建工作的重要意义。"],
                [Section("创建是客观要求", ["科学发展观……"])], kind="意义", tags=["文明创建"],
                source_file="讲话稿.txt", source_title="篇一", run_in=True),
        Snippet("p1", PARAGRAPH, "", ["同志们，今天的大会，既是动员会，也是誓师会。"], kind="结尾"),
    ])


def test_round_trip_and_index(tmp_path):
    path = tmp_path / "t.library.yaml"
    library_file.save_pack(sample_pack(), path)
    text = path.read_text(encoding="utf-8")
    assert "level: paragraph" in text and "source:" in text
    first = library_file.load_pack(path)
    index_files = list((paths.cache_dir() / "library-index").glob("*.jsonl"))
    assert len(index_files) == 1
    second = library_file.load_pack(path, read_only=True)  # from the index
    for pack in (first, second):
        assert [s.id for s in pack.snippets] == ["a1", "p1"]
        a1 = pack.snippets[0]
        assert a1.children[0].content() == sample_pack().snippets[0].children[0].content()
        assert (a1.kind, a1.tags, a1.source_file, a1.source_title) == ("意义", ["文明创建"], "讲话稿.txt", "篇一")
        assert a1.run_in and a1.to_section().run_in and not pack.snippets[1].run_in
    assert second.read_only and second.path == str(path)


def test_changed_file_rebuilds_index_and_damaged_index_is_ignored(tmp_path):
    path = tmp_path / "t.library.yaml"
    library_file.save_pack(sample_pack(), path)
    library_file.load_pack(path)
    index = next((paths.cache_dir() / "library-index").glob("*.jsonl"))
    index.write_text("{not json")
    assert len(library_file.load_pack(path).snippets) == 2
    header, *chunks = index.read_text().splitlines()  # rewritten
    assert json.loads(header)["count"] == 2 and len(json.loads(chunks[0])) == 2
    pack = sample_pack()
    pack.snippets[1].paragraphs = ["改过的段落。"]
    library_file.save_pack(pack, path)
    assert library_file.load_pack(path).snippets[1].paragraphs == ["改过的段落。"]


@pytest.mark.parametrize("content, words", [
    (b"format: 1\nsnippets:\n- id: a\n  level: 5\n", ["level", "1～4"]),
    (b"format: 1\nsnippets:\n- id: a\n  level: 1\n- id: a\n  level: 1\n", ["重复"]),
    (b"format: 1\nsnippets:\n- level: 1\n", ["id"]),
    (b"format: 1\nsnippets:\n- id: a\n  level: paragraph\n  heading: x\n", ["段落素材"]),
    (b"format: 1\nsnippets: {}\n", ["素材列表"]),
    (b"format: 1\nsnippets:\n- id: a\n  level: 1\n  source: x\n", ["source"]),
    (b"format: 1\nsnippets:\n- id: a\n  level: 3\n  sections:\n  - sections:\n    - heading: x\n", ["四级"]),
    (b"format: 2\n", ["升级"]),
    (b"format: 1\nsnippets:\n- !!python/object:builtins.dict {}\n", ["不允许"]),
])
def test_bad_packs(tmp_path, content, words):
    path = tmp_path / "bad.library.yaml"
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as caught:
        library_file.load_pack(path)
    for word in words:
        assert word in str(caught.value)
    assert not (paths.cache_dir() / "library-index").exists()


def test_search_matches_heading_text_children_and_terms():
    snippets = sample_pack().snippets
    assert [s.id for s in search(snippets, "统一思想")] == ["a1"]
    assert [s.id for s in search(snippets, "科学发展观")] == ["a1"]   # text of a sub-section
    assert [s.id for s in search(snippets, "誓师 动员")] == ["p1"]    # every term must match
    assert [s.id for s in search(snippets, "")] == ["a1", "p1"]
    assert search(snippets, "", level=PARAGRAPH)[0].id == "p1"
    assert search(snippets, "", kind="意义")[0].id == "a1"
    assert search(snippets, "不存在的词") == []


def test_a_paused_collection_can_leave_what_was_made_out_of_later_ones():
    """A worker making a new version of a big pack pauses the collector and then freezes what
    it made (else the first collection after the pause walks all of it at once)."""
    import gc
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with library_file.paused_gc():
        assert not gc.isenabled()
        kept = [[n] for n in range(100)]
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    with library_file.paused_gc(freeze=True):
        assert not gc.isenabled()
        kept += [[n] for n in range(100)]
    assert gc.isenabled() and gc.get_freeze_count() >= frozen + 100
    gc.disable()
    try:
        with library_file.paused_gc(freeze=True):
            pass
        assert not gc.isenabled()   # a pause inside a pause leaves the outer one on
    finally:
        gc.enable()
