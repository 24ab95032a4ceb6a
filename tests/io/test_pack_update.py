"""pack_update's two speed-ups keep its guarantees: the bytes are made before the lock and
checked again under it (another writer in between is merged, not overwritten); a pack whose
bytes are those last read or written here is not parsed again, one changed by anyone is; a
writer that has to wait for another's lock says so once."""

from __future__ import annotations

import json
import threading
import time

from composer.core.library import Pack, Snippet
from composer.core.library_edits import AddSnippets
from composer.io import library_file, pack_lock, pack_update
from composer.io.processes import this_process


def add(path, heading: str, **options):
    return pack_update.write_edit(
        AddSnippets(str(path), [Snippet("my-0001", 1, heading, [heading + "的正文。"])]),
        new_name="我的素材", **options)


def headings(path) -> list[str]:
    return [s.heading for s in library_file.load_pack(path, use_index=False).snippets]


def counting_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = library_file.pack_from_bytes
    monkeypatch.setattr(library_file, "pack_from_bytes",
                        lambda *a, **k: parsed.append(a[1]) or real(*a, **k))
    return parsed


def test_our_own_last_write_is_not_parsed_again_anothers_is(tmp_path, monkeypatch):
    path = tmp_path / "my.library.yaml"
    add(path, "一")
    parsed = counting_parses(monkeypatch)
    add(path, "二")
    assert parsed == []
    assert headings(path) == ["一", "二"]
    parsed.clear()
    # Another program rewrites the file, same size and all: its bytes differ, so it is parsed.
    other = Pack("我的素材", [Snippet("my-0001", 1, "甲", ["甲的正文。"]),
                          Snippet("my-0002", 1, "乙", ["乙的正文。"])])
    library_file.save_pack(other, path)
    add(path, "三")
    assert len(parsed) == 1
    assert sorted(headings(path)) == ["三", "乙", "甲"]


def test_a_writer_coming_in_between_preparing_and_the_lock_is_merged(tmp_path, monkeypatch):
    path = tmp_path / "my.library.yaml"
    add(path, "一")
    real = pack_lock.held
    calls = []

    def meanwhile(*args, **kwargs):
        if not calls:   # the first time only: another writer gets there first
            calls.append(1)
            with real(*args, **kwargs):
                pack = library_file.load_pack(path, use_index=False)
                pack.snippets.append(Snippet("their-1", 1, "同事的", ["同事的正文。"]))
                library_file.save_pack(pack, path)
        return real(*args, **kwargs)
    monkeypatch.setattr(pack_lock, "held", meanwhile)
    add(path, "二")
    assert headings(path) == ["一", "同事的", "二"]


def test_a_second_writer_waits_for_a_held_lock_says_so_and_succeeds(tmp_path):
    path = tmp_path / "my.library.yaml"
    add(path, "一")
    lock = pack_lock.lock_path(path)
    # A live holder (this very process), as another copy of the program writing a big pack.
    lock.write_text(json.dumps({**this_process().to_data(), "since": time.time(),
                                "nonce": "x"}), encoding="utf-8")
    threading.Timer(1.0, lock.unlink).start()
    noted = []
    add(path, "二", wait=20, on_wait=lambda: noted.append(1))
    assert noted == [1] and headings(path) == ["一", "二"]
