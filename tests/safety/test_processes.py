"""Telling a running process from an ended one, even when its id has been reused."""

import os
import signal
import subprocess
import sys
import time

from composer.io import processes
from composer.io.processes import ProcessId


def test_this_process_is_running():
    me = processes.this_process()
    assert me.pid == os.getpid() and me.host == processes.host_name()
    assert me.is_running() is True


def test_an_ended_process_is_not_running(dead_pid):
    assert processes.process_running(dead_pid) is False
    assert ProcessId(dead_pid, processes.host_name(), "x").is_running() is False


def test_a_killed_but_unreaped_process_counts_as_ended():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        token = processes.start_token(child.pid)
        assert processes.process_running(child.pid, token)
        os.kill(child.pid, signal.SIGKILL)
        # Until the parent collects it, the dead child is a zombie: ended all the same.
        for _ in range(1000):
            if not processes.process_running(child.pid, token):
                break
            time.sleep(0.01)
        assert not processes.process_running(child.pid, token)
    finally:
        child.kill()
        child.wait()


def test_a_reused_process_id_is_not_the_recorded_process():
    me = processes.this_process()
    if me.token:   # Linux: the start token tells two processes with one id apart
        assert not processes.process_running(me.pid, me.token + "0")
        assert not ProcessId(me.pid, me.host, me.user, "another-boot:1").is_running()
    assert processes.process_running(me.pid, "")   # no token recorded: the id alone decides


def test_group_ids_are_never_taken_for_a_process():
    # os.kill(0, 0) and os.kill(-1, 0) succeed (they address groups): never "running".
    for pid in (0, -1, -os.getpid()):
        assert processes.process_running(pid) is False
        assert processes.start_token(pid) is None


def test_another_computer_cannot_be_checked():
    assert ProcessId(os.getpid(), processes.host_name() + "-elsewhere", "u").is_running() is None


def test_records_from_files_are_checked():
    good = processes.this_process().to_data()
    assert ProcessId.from_data(good) == processes.this_process()
    for bad in [None, [], "x", {}, {**good, "pid": "12"}, {**good, "pid": 0}, {**good, "pid": -5},
                {**good, "pid": True}, {**good, "pid": 1.5}, {**good, "host": None},
                {**good, "user": 3}, {**good, "token": ["x"]}]:
        assert ProcessId.from_data(bad) is None, bad
