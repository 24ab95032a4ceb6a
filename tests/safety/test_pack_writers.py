"""Several programs writing one library pack: nothing any of them added is lost.

Real processes, started at the same instant each round (``pack_writers.race``): two
``speech-composer import --library`` commands into one pack, and two writers saving to the
library the way the window's 存入素材库 does.  Before the write lock and the merge, the first
race lost half of what was written (100 of 200 paragraphs in 20 of 20 rounds, measured with
``pack_writers.race("unlocked", 2, 20, folder)``).  The 100-round figures are in
``bench/bench_pack_writers.py``.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from composer.core.errors import ComposerError
from composer.core.library import Pack, Snippet
from composer.core.library_edits import AddSnippets
from composer.io import files, library_file, pack_lock, pack_update, processes

from .pack_writers import race

ROUNDS = 12


@pytest.mark.parametrize("kind", ["import", "window"])
def test_two_writers_racing_lose_nothing(tmp_path, kind):
    result = race(kind, 2, ROUNDS, tmp_path)
    assert result["failures"] == []
    per_round = 5 if kind == "import" else 1   # paragraphs each writer writes a round
    assert result["written"] == 2 * ROUNDS * per_round
    assert result["lost"] == 0 and result["rounds_with_loss"] == 0
    assert result["temp_files_left"] == []      # no lock or temp file stays behind
    pack = library_file.load_pack(tmp_path / "shared.library.yaml", use_index=False)
    assert len({s.id for s in pack.snippets}) == len(pack.snippets)


# --- the lock ------------------------------------------------------------------------------

def pack_file(tmp_path, *headings: str):
    path = tmp_path / "shared.library.yaml"
    library_file.save_pack(Pack("共享", [Snippet(f"s-{i}", 1, h, [h + "。"])
                                        for i, h in enumerate(headings)]), path)
    return path


def add(path, heading: str, **options):
    return pack_update.write_edit(AddSnippets(str(path), [Snippet("my-0001", 1, heading,
                                                                  [heading + "。"])]), **options)


def headings_in(path):
    return [s.heading for s in library_file.load_pack(path, use_index=False).snippets]


def write_lock(path, **fields):
    data = {**processes.this_process().to_data(), "since": time.time(), "nonce": "x", **fields}
    pack_lock.lock_path(path).write_text(json.dumps(data), encoding="utf-8")


def test_the_lock_is_taken_and_released_around_the_write(tmp_path, monkeypatch):
    path = pack_file(tmp_path, "原有")
    seen = []
    real = files.write_bytes

    def look(target, data, **options):
        if os.fspath(target) == os.fspath(path):
            seen.append(pack_lock.lock_path(path).exists())
        return real(target, data, **options)
    monkeypatch.setattr(files, "write_bytes", look)
    add(path, "新的")
    assert seen == [True] and not pack_lock.lock_path(path).exists()
    assert headings_in(path) == ["原有", "新的"]


def test_a_live_writer_is_waited_for_then_named(tmp_path, live_child):
    path = pack_file(tmp_path, "原有")
    before = path.read_bytes()
    child = live_child()
    write_lock(path, pid=child.pid, token=processes.start_token(child.pid), user="李秘书")
    with pytest.raises(pack_lock.PackBusyError) as caught:
        add(path, "新的", wait=0.3)
    message = str(caught.value)
    assert "李秘书" in message and str(child.pid) in message and "没有写入" in message
    assert "\n" not in message
    assert path.read_bytes() == before and pack_lock.lock_path(path).exists()


def test_a_dead_writers_lock_is_taken_away(tmp_path, dead_pid):
    path = pack_file(tmp_path, "原有")
    write_lock(path, pid=dead_pid)
    add(path, "新的", wait=0.3)
    assert headings_in(path) == ["原有", "新的"]
    assert not pack_lock.lock_path(path).exists()


def test_another_computers_lock_counts_until_it_is_old(tmp_path):
    path = pack_file(tmp_path, "原有")
    write_lock(path, pid=4242, host="office-pc-17", user="王科长")
    with pytest.raises(pack_lock.PackBusyError, match="office-pc-17"):
        add(path, "新的", wait=0.2)
    write_lock(path, pid=4242, host="office-pc-17", since=time.time() - 11 * 60)
    add(path, "新的", wait=0.2)
    assert headings_in(path) == ["原有", "新的"]


def test_an_empty_lock_left_by_a_crash_is_taken_away(tmp_path):
    path = pack_file(tmp_path, "原有")
    lock = pack_lock.lock_path(path)
    lock.write_bytes(b"")
    os.utime(lock, (time.time() - 60, time.time() - 60))
    add(path, "新的", wait=5)
    assert headings_in(path) == ["原有", "新的"]


def test_a_writer_that_ignores_the_lock_is_merged_not_overwritten(tmp_path):
    """Someone replaces the file between our read and our replace (an old program version, a
    text editor): the hash check sees it, and the change is applied again to their file."""
    path = pack_file(tmp_path, "原有")
    calls = []

    def change(pack):
        calls.append(len(pack.snippets))
        if len(calls) == 1:
            library_file.save_pack(Pack("共享", pack.snippets + [Snippet("x-1", 1, "别人的", ["。"])]),
                                   path)
        pack.snippets.append(Snippet("my-1", 1, "我的", ["。"]))
    pack_update.update_pack(path, change)
    assert calls == [1, 2]
    assert headings_in(path) == ["原有", "别人的", "我的"]


def test_a_damaged_pack_is_never_replaced(tmp_path):
    path = tmp_path / "shared.library.yaml"
    path.write_bytes(b"format: 1\nsnippets: [")
    with pytest.raises(ComposerError):
        add(path, "新的")
    assert path.read_bytes() == b"format: 1\nsnippets: ["
    assert not pack_lock.lock_path(path).exists()
