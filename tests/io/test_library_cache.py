"""The cache of big packs: the character index is kept and found again, a damaged or stale one
is ignored, and loading can be followed and cancelled."""

from __future__ import annotations

import pytest

from composer.core.library import PARAGRAPH, Pack, Snippet
from composer.core.snippet_index import Search
from composer.io import library_cache, library_file, library_store


def big_pack(count: int) -> Pack:
    return Pack("大库", [Snippet(f"s{n}", 1 + n % 4 if n % 5 else PARAGRAPH,
                               "" if not n % 5 else f"第{n}个标题",
                               [f"第{n}段：创建文明单位" + "甲乙丙丁"[n % 4] * (n % 3)],
                               kind=["意义", "措施", ""][n % 3]) for n in range(count)])


@pytest.fixture
def library_folder(tmp_path, monkeypatch):
    folder = tmp_path / "office"
    folder.mkdir()
    return folder


def test_a_big_pack_gets_a_character_index_that_the_next_load_finds(library_folder):
    library_file.save_pack(big_pack(library_store.INDEX_FROM), library_folder / "big.library.yaml")
    first = library_store.load_library([library_folder])
    pack = next(p for p in first.packs if p.name == "大库")
    assert first.indexes[id(pack)].units is None           # left for the second step
    assert library_store.build_indexes(first)
    assert not library_store.build_indexes(first)          # nothing left to build
    digest = first.digests[id(pack)]
    assert library_cache.units_path(digest).exists()

    again = library_store.load_library([library_folder])
    cached = next(p for p in again.packs if p.name == "大库")
    index = again.index_of(cached)
    assert index is not None and index.units is not None   # from the cache
    built = first.indexes[id(pack)]
    for query in ("甲", "丙", "文明", "第12", "意义"):
        assert [s.id for s in Search([index], query).matches()] == \
            [s.id for s in Search([built], query).matches()]


def test_small_packs_are_scanned_and_get_no_index_file(library_folder):
    library_file.save_pack(big_pack(10), library_folder / "small.library.yaml")
    library = library_store.load_library([library_folder])
    assert not library_store.build_indexes(library)
    assert not list(library_cache.folder().glob("*.units"))


@pytest.mark.parametrize("damage", [
    lambda b: b"",
    lambda b: b"{not json\n" + b[b.index(b"\n"):],
    lambda b: b[:-1],                                    # cut short: the CRC no longer matches
    lambda b: b[:len(b) // 2],
    lambda b: b.replace(b'"units": 1', b'"units": 99', 1),
    lambda b: b.replace(b'"count": ', b'"count": 1', 1),
    lambda b: b[:-20] + bytes([b[-20] ^ 1]) + b[-19:],   # one bit changed
])
def test_a_damaged_index_file_is_ignored(library_folder, damage):
    library_file.save_pack(big_pack(library_store.INDEX_FROM), library_folder / "big.library.yaml")
    first = library_store.load_library([library_folder])
    library_store.build_indexes(first)
    pack = next(p for p in first.packs if p.name == "大库")
    target = library_cache.units_path(first.digests[id(pack)])
    target.write_bytes(damage(target.read_bytes()))
    again = library_store.load_library([library_folder])
    reloaded = next(p for p in again.packs if p.name == "大库")
    assert again.indexes[id(reloaded)].units is None       # rebuilt by the second step
    assert library_store.build_indexes(again)


def test_loading_reports_progress_and_can_be_cancelled(library_folder):
    for n in range(3):
        library_file.save_pack(big_pack(50), library_folder / f"p{n}.library.yaml")
    control = library_store.LoadControl()
    library = library_store.load_library([library_folder], control=control)
    assert control.total > 0 and control.done == control.total
    assert len(library.packs) >= 4                         # bundled, three, the user's own
    stopped = library_store.LoadControl()
    stopped.cancel()
    with pytest.raises(library_store.Cancelled):
        library_store.load_library([library_folder], control=stopped)


def test_the_snippet_cache_keeps_everything(tmp_path):
    from composer.core.speech import Section
    pack = Pack("库", [Snippet("a", 1, "标题", ["一", "二"], [Section("子", ["三"], run_in=True)],
                               "意义", ["标签"], "来源.txt", "篇一", True)] * 1
                + [Snippet(f"p{n}", PARAGRAPH, "", [f"段{n}"]) for n in range(library_cache.CHUNK + 5)])
    path = tmp_path / "c.library.yaml"
    library_file.save_pack(pack, path)
    library_file.load_pack(path)                           # writes the cache (two chunks)
    cached = library_file.load_pack(path)
    fresh = library_file.load_pack(path, use_index=False)
    assert [(s.id, s.level, s.heading, s.paragraphs, [c.content() for c in s.children], s.kind,
             s.tags, s.source_file, s.source_title, s.run_in) for s in cached.snippets] == \
        [(s.id, s.level, s.heading, s.paragraphs, [c.content() for c in s.children], s.kind,
          s.tags, s.source_file, s.source_title, s.run_in) for s in fresh.snippets]


def test_packs_beyond_the_old_64_mib_are_read(tmp_path):
    """200,000 snippets take about 122 MiB; the limit for packs is 256 MiB (speeches keep 64)."""
    path = tmp_path / "big.library.yaml"
    paragraph = "创建文明单位，" * 1000
    with open(path, "w", encoding="utf-8") as out:
        out.write("format: 1\nname: 大库\nsnippets:\n")
        for n in range(3300):   # 3,300 × 21 KB = 66 MiB
            out.write(f"- id: s{n}\n  level: paragraph\n  paragraphs:\n  - |-\n    {paragraph}\n")
    assert path.stat().st_size > 64 * 1024 * 1024
    pack = library_file.load_pack(path, use_index=False)
    assert len(pack.snippets) == 3300 and pack.snippets[-1].paragraphs == [paragraph]
    assert library_file.MAX_BYTES == 256 * 1024 * 1024
