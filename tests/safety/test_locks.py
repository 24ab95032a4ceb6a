"""Lock files beside a speech: a second opening is warned about, a crashed holder is not."""

import json
import os
import time

import pytest

from composer.core import i18n
from composer.core.errors import ComposerError
from composer.io import exclusive, files, locks, processes


def write_lock(path, session, pid, host=None, since=None, token="", user="someone"):
    data = {"session": session, "pid": pid, "host": host or processes.host_name(), "user": user,
            "token": token, "since": time.time() if since is None else since}
    locks.lock_path(path).write_text(json.dumps(data), encoding="utf-8")


def test_lock_file_sits_beside_the_speech_like_libreoffice(speech_path):
    assert locks.acquire(speech_path, "s1")
    lock_file = speech_path.parent / f".~lock.{speech_path.name}#"
    assert lock_file.exists()
    held = locks.read_lock(speech_path)
    me = processes.this_process()
    assert (held.session, held.process.pid, held.process.host, held.process.user) == (
        "s1", os.getpid(), me.host, me.user)
    assert abs(held.since - time.time()) < 3600


def test_second_session_is_warned_with_the_holder(speech_path):
    locks.acquire(speech_path, "first")
    assert locks.holder(speech_path, "first") is None       # its own lock is no obstacle
    with pytest.raises(locks.SpeechLockedError) as caught:
        locks.acquire(speech_path, "second")
    error = caught.value
    assert isinstance(error, ComposerError)
    assert error.holder.session == "first" and error.holder.process.pid == os.getpid()
    assert speech_path.name in str(error) and "本机" in str(error)
    i18n.set_language("en")
    assert "already open" in str(error) and "this computer" in str(error)
    assert locks.read_lock(speech_path).session == "first"   # refusing changed nothing


def test_opening_anyway_takes_the_lock(speech_path):
    locks.acquire(speech_path, "first")
    assert locks.acquire(speech_path, "second", force=True)
    assert locks.read_lock(speech_path).session == "second"


def test_live_process_of_another_session(speech_path, live_child):
    child = live_child()
    write_lock(speech_path, "other", child.pid, token=processes.start_token(child.pid))
    assert locks.holder(speech_path, "mine").process.pid == child.pid
    with pytest.raises(locks.SpeechLockedError):
        locks.acquire(speech_path, "mine")


def test_stale_lock_of_a_dead_process_is_replaced(speech_path, dead_pid):
    write_lock(speech_path, "crashed", dead_pid)
    assert locks.is_stale(locks.read_lock(speech_path))
    assert locks.holder(speech_path, "mine") is None
    assert locks.acquire(speech_path, "mine")
    assert locks.read_lock(speech_path).session == "mine"


def test_lock_of_a_reused_process_id_is_stale(speech_path):
    # Our own pid, but recorded with another start: the process that wrote it is gone.
    write_lock(speech_path, "crashed", os.getpid(), token="another-boot:12345")
    assert locks.holder(speech_path, "mine") is None


def test_other_computer_lock_counts_until_it_is_very_old(speech_path):
    write_lock(speech_path, "colleague", 4242, host="office-pc-17", since=time.time() - 3600)
    holder = locks.holder(speech_path, "mine")
    assert holder is not None
    assert "office-pc-17" in str(locks.SpeechLockedError(speech_path, holder))
    write_lock(speech_path, "colleague", 4242, host="office-pc-17",
               since=time.time() - locks.STALE_AFTER - 60)
    assert locks.holder(speech_path, "mine") is None


@pytest.mark.parametrize("content", [
    b"", b"\x00\xff garbage", b"[1, 2]", b'{"pid": -1, "host": "h", "session": "x", "since": 1}',
    b'{"pid": 0, "session": "x", "since": 1}', b'{"pid": "12", "session": "x", "since": 1}',
    b'{"session": "x"}', b'{"pid": 1, "host": "h", "user": "u", "session": 5, "since": 1}',
    b"[" * 100_000,
])
def test_unreadable_lock_is_stale(speech_path, content):
    locks.lock_path(speech_path).write_bytes(content)
    assert locks.read_lock(speech_path) is None
    assert locks.holder(speech_path, "mine") is None
    assert locks.acquire(speech_path, "mine")


@pytest.mark.parametrize("since", ["1e400", "NaN", "Infinity", "1e300", "-1e300", "true"])
def test_absurd_times_in_a_lock_never_crash(speech_path, since):
    data = ('{"session": "x", "pid": 4242, "host": "elsewhere", "user": "u", "since": %s}'
            % since).encode()
    locks.lock_path(speech_path).write_bytes(data)
    lock = locks.read_lock(speech_path)
    if lock is not None:
        str(locks.SpeechLockedError(speech_path, lock))   # the message can still be built
        locks.is_stale(lock)
    locks.acquire(speech_path, "mine", force=True)


def test_release_removes_only_our_own_lock(speech_path):
    locks.acquire(speech_path, "first")
    locks.release(speech_path, "someone-else")
    assert locks.read_lock(speech_path).session == "first"
    locks.release(speech_path, "first")
    assert not locks.lock_path(speech_path).exists()
    locks.release(speech_path, "first")      # twice is harmless


def test_unwritable_folder_does_not_stop_opening(speech_path, monkeypatch):
    # Tests run as root, where chmod cannot make a folder unwritable: simulate the refusal.
    def refuse(path, data):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(exclusive, "create", refuse)
    assert locks.acquire(speech_path, "mine") is False
    assert not locks.lock_path(speech_path).exists()


def test_lock_for_a_name_with_spaces_and_chinese(tmp_path):
    path = tmp_path / "2024 年 工作 会议.speech.yaml"
    path.write_text("format: 1\n", encoding="utf-8")
    locks.acquire(path, "s")
    assert (tmp_path / ".~lock.2024 年 工作 会议.speech.yaml#").exists()


def test_programs_opening_a_speech_at_the_same_instant_all_but_one_are_warned(speech_path):
    """Real processes released by one barrier, 40 rounds: each round exactly one opens the
    speech without a warning and every other one is warned (before the lock was created
    atomically, 33 of 40 such pairs got no warning)."""
    import multiprocessing

    from .children import open_when_released
    programs, rounds = 3, 40
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(programs + 1)
    results = context.Queue()
    children = [context.Process(target=open_when_released,
                                args=(n, str(speech_path), rounds, barrier, results))
                for n in range(programs)]
    for child in children:
        child.start()
    try:
        unwarned_per_round = []
        for _ in range(rounds):
            for _step in range(3):
                barrier.wait(timeout=120)
            answers = [results.get(timeout=60) for _ in range(programs)]
            unwarned_per_round.append(sum(not warned for _, _, warned in answers))
    finally:
        for child in children:
            child.join(timeout=60)
            if child.is_alive():
                child.kill()
    assert unwarned_per_round == [1] * rounds
    assert not locks.lock_path(speech_path).exists()     # the last holder released it
