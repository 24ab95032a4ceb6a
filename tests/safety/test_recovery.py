"""Recovery files: unsaved edits survive a crash and are offered at the next start."""

import json
import os
import signal
import time

import pytest

from composer.core.errors import ComposerError
from composer.core.speech import Section, Speech
from composer.core.stats import speech_stats
from composer.io import paths, processes, recovery, speech_file

from .children import run_python


def test_recovery_file_is_a_speech_file_with_a_summary(speech, tmp_path):
    original = tmp_path / "讲话.speech.yaml"
    path = recovery.write_recovery(speech, original, "s1", base_sha256="ab" * 32)
    assert path == paths.data_dir() / "recovery" / "s1.speech.yaml"
    assert speech_file.load_speech(path).content() == speech.content()
    first_line = path.read_bytes().split(b"\n", 1)[0]
    assert first_line.startswith(b"# speech-composer recovery ") and first_line.isascii()
    found = recovery.read_recovery(path, "s1")
    assert found.original == str(original) and found.base_sha256 == "ab" * 32
    assert found.title == speech.title
    # The 字数 of the status bar: one counting rule (core.stats), heading numbers included.
    assert found.characters == speech_stats(speech).total.total > 0
    assert found.process == processes.this_process()
    assert abs(found.written - time.time()) < 600
    assert found.load().content() == speech.content()


def test_rewriting_replaces_the_file_and_leaves_no_temp(speech):
    recovery.write_recovery(speech, None, "s1")
    speech.title = "改过的标题"
    recovery.write_recovery(speech, None, "s1")
    folder = recovery.recovery_dir()
    assert os.listdir(folder) == ["s1.speech.yaml"]
    assert recovery.read_recovery(folder / "s1.speech.yaml", "s1").title == "改过的标题"


def test_sessions_still_running_are_not_offered(speech):
    recovery.write_recovery(speech, None, recovery.new_session_id())
    assert recovery.list_recoveries() == []    # this process is alive: it is its own file


def test_a_session_that_ended_without_saving_is_offered(speech, tmp_path):
    original = tmp_path / "a.speech.yaml"
    run_python(f"""
        from composer.core.speech import Speech
        from composer.io import recovery
        recovery.write_recovery(Speech(title="子进程的讲话", opening=["未保存的一段。"]),
                                {str(original)!r}, "crashed-1")
    """)
    [found] = recovery.list_recoveries()
    assert (found.session, found.original, found.title) == ("crashed-1", str(original), "子进程的讲话")
    assert found.characters == len("子进程的讲话未保存的一段。")
    assert found.process.pid != os.getpid()
    assert found.load().opening == ["未保存的一段。"]


def test_killed_process_recovery_is_offered_only_once_it_is_dead(live_child):
    child = live_child("""
        from composer.core.speech import Speech
        from composer.io import recovery
        recovery.write_recovery(Speech(title="写到一半", opening=["最后几秒写的字。"]), None, "live-1")
    """)
    assert recovery.list_recoveries() == []          # still running: not ours to offer
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    [found] = recovery.list_recoveries()
    assert found.session == "live-1" and found.original is None
    assert found.load().opening == ["最后几秒写的字。"]


def as_if_written_by(path, pid, written):
    """Rewrite a recovery file's header as if another process had written it at that time."""
    first, body = path.read_bytes().split(b"\n", 1)
    header = json.loads(first[len(recovery.HEADER):])
    header.update(pid=pid, written=written)
    path.write_bytes(recovery.HEADER.encode() + json.dumps(header).encode() + b"\n" + body)


def test_newest_first(speech, dead_pid):
    for session, written in [("old", 1_700_000_000), ("new", 1_700_000_020),
                             ("middle", 1_700_000_010)]:
        as_if_written_by(recovery.write_recovery(speech, None, session), dead_pid, written)
    found = recovery.list_recoveries()
    assert [r.session for r in found] == ["new", "middle", "old"]
    assert found[0].written == 1_700_000_020 and found[0].process.pid == dead_pid


def test_discard(speech):
    recovery.write_recovery(speech, None, "s1")
    recovery.discard_recovery("s1")
    assert not recovery.recovery_path("s1").exists()
    recovery.discard_recovery("s1")                   # twice is harmless


def test_discard_a_listed_recovery():
    run_python("""
        from composer.core.speech import Speech
        from composer.io import recovery
        recovery.write_recovery(Speech(title="x"), None, "gone-1")
    """)
    [found] = recovery.list_recoveries()
    recovery.discard_recovery(found)
    assert recovery.list_recoveries() == []


def test_damaged_header_is_still_offered(speech):
    path = recovery.write_recovery(speech, None, "s1")
    body = path.read_bytes().split(b"\n", 1)[1]
    for header in [b"", b"# speech-composer recovery {broken", b"# something else",
                   b"# speech-composer recovery [1, 2]", b"\xff\xfe",
                   b'# speech-composer recovery {"pid": "x", "written": 1e999, "characters": -4}',
                   b'# speech-composer recovery {"written": NaN, "title": 5, "original": [1]}']:
        path.write_bytes(header + b"\n" + body)
        [found] = recovery.list_recoveries()
        assert found.session == "s1" and found.characters == -1 and found.original is None
        assert found.written == path.stat().st_mtime
        assert found.title == "" and found.process is None


def test_a_damaged_recovery_file_is_offered_and_reports_its_damage():
    folder = recovery.recovery_dir()
    folder.mkdir(parents=True)
    (folder / "s1.speech.yaml").write_bytes(b"# speech-composer recovery {}\nformat: 1\nbody: [")
    [found] = recovery.list_recoveries()
    with pytest.raises(ComposerError, match="s1.speech.yaml"):
        found.load()


def test_other_files_in_the_folder_are_ignored():
    folder = recovery.recovery_dir()
    folder.mkdir(parents=True)
    for name in [".s1.speech.yaml.abc.tmp", "notes.txt", "bad name.speech.yaml",
                 "a" * 70 + ".speech.yaml"]:
        (folder / name).write_text("x", encoding="utf-8")
    (folder / "sub.speech.yaml").mkdir()
    assert recovery.list_recoveries() == []


def test_no_folder_means_nothing_to_offer():
    assert not recovery.recovery_dir().exists()
    assert recovery.list_recoveries() == []


@pytest.mark.parametrize("session", ["", "../escape", "a/b", "a\\b", "..", "x" * 65, "名字", None, 5])
def test_session_ids_cannot_leave_the_folder(speech, session):
    with pytest.raises(ValueError):
        recovery.write_recovery(speech, None, session)


def test_new_session_ids_are_unique_and_valid():
    ids = {recovery.new_session_id() for _ in range(200)}
    assert len(ids) == 200
    for session in ids:
        recovery.recovery_path(session)


@pytest.mark.parametrize("title", ["一\n二", "一\u2028二", "一\x85二", "一\r二", '引号"}', "\ufeff"])
def test_the_header_stays_one_line_whatever_the_title(title):
    speech = Speech(title=title, opening=["正文"])
    path = recovery.write_recovery(speech, None, "s1")
    assert recovery.read_recovery(path, "s1").title == title
    assert speech_file.load_speech(path).content() == speech.content()


def test_text_with_invalid_code_units_is_still_saved():
    speech = Speech(title="坏\ud800字", opening=["前\udc80后", "好的一段"], body=[Section("标题", ["x"])])
    path = recovery.write_recovery(speech, None, "s1")
    back = speech_file.load_speech(path)
    assert back.opening == ["前\ufffd后", "好的一段"] and back.title == "坏\ufffd字"


def test_unwritable_data_folder_is_a_clear_error(speech, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SPEECH_COMPOSER_DATA", str(blocker))
    with pytest.raises(ComposerError, match="恢复"):
        recovery.write_recovery(speech, None, "s1")
