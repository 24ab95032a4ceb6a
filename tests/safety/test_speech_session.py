"""The open speech's safety: hash-checked saves, backups, locks, recovery, and crash restore."""

import os
import signal

import pytest

from composer.core import i18n
from composer.core.errors import ComposerError, FileFormatError
from composer.io import backups, files, locks, recovery, speech_file
from composer.io.speech_session import ExternalChangeError, SpeechSession, sha256

from .children import run_python


def edit_on_disk(path, title="别人改的标题"):
    """Another program (or a colleague) changes the file."""
    speech = speech_file.load_speech(path)
    speech.title = title
    speech_file.save_speech(speech, path)


# --- open ------------------------------------------------------------------------------------

def test_open_reads_hashes_and_locks(speech_path, speech):
    session = SpeechSession()
    opened = session.open(speech_path)
    assert opened.content() == speech.content()
    assert session.path == speech_path and session.sha256 == sha256(speech_path.read_bytes())
    assert session.locked and locks.read_lock(speech_path).session == session.session


def test_open_a_speech_open_in_another_session(speech_path):
    first = SpeechSession()
    first.open(speech_path)
    second = SpeechSession()
    with pytest.raises(locks.SpeechLockedError) as caught:
        second.open(speech_path)
    assert caught.value.holder.session == first.session
    assert second.path is None                         # refused: nothing changed
    second.open(speech_path, force=True)               # the user chose to open it anyway
    assert second.path == speech_path


def test_open_with_a_stale_lock_from_a_crash(speech_path, dead_pid):
    locks.lock_path(speech_path).write_text(
        '{"session": "crashed", "pid": %d, "host": "%s", "user": "u", "since": 1}'
        % (dead_pid, locks.this_process().host), encoding="utf-8")
    session = SpeechSession()
    session.open(speech_path)                           # no warning
    assert locks.read_lock(speech_path).session == session.session


def test_a_broken_file_leaves_the_session_as_it_was(speech_path, tmp_path):
    session = SpeechSession()
    session.open(speech_path)
    bad = tmp_path / "bad.speech.yaml"
    bad.write_bytes(b"format: 1\nbody: [")
    with pytest.raises(FileFormatError):
        session.open(bad)
    assert session.path == speech_path and locks.read_lock(speech_path).session == session.session
    assert not locks.lock_path(bad).exists()


def test_opening_another_speech_moves_the_lock(speech_path, tmp_path, speech):
    other = tmp_path / "other.speech.yaml"
    speech_file.save_speech(speech, other)
    session = SpeechSession()
    session.open(speech_path)
    session.write_recovery(speech)
    session.open(other)
    assert not locks.lock_path(speech_path).exists() and locks.lock_path(other).exists()
    assert not recovery.recovery_path(session.session).exists()


# --- save ------------------------------------------------------------------------------------

def test_save_backs_up_writes_rehashes_and_drops_the_recovery(speech_path):
    session = SpeechSession()
    speech = session.open(speech_path)
    before = speech_path.read_bytes()
    speech.opening.append("新写的一段。")
    session.write_recovery(speech)
    result = session.save(speech)
    assert result.path == speech_path and not result.warnings
    assert result.backup.read_bytes() == before
    assert speech_file.load_speech(speech_path).opening[-1] == "新写的一段。"
    assert session.sha256 == sha256(speech_path.read_bytes())
    assert not recovery.recovery_path(session.session).exists()
    assert not session.changed_on_disk()
    speech.opening.append("再一段。")
    session.save(speech)                                # our own save is no "external" change
    assert len(backups.list_backups(speech_path)) == 2


def test_external_change_is_refused_then_forced_without_losing_it(speech_path):
    session = SpeechSession()
    speech = session.open(speech_path)
    speech.title = "我的标题"
    session.write_recovery(speech)
    edit_on_disk(speech_path)
    assert session.changed_on_disk()
    external = speech_path.read_bytes()
    with pytest.raises(ExternalChangeError) as caught:
        session.save(speech)
    assert isinstance(caught.value, ComposerError) and speech_path.name in str(caught.value)
    assert "修改" in caught.value.zh and "changed" in caught.value.en
    assert speech_path.read_bytes() == external                    # nothing written
    assert recovery.recovery_path(session.session).exists()        # the edits are still safe
    result = session.save(speech, force=True)                      # the user chose to overwrite
    assert speech_file.load_speech(speech_path).title == "我的标题"
    assert result.backup.read_bytes() == external                  # the other version is kept


def test_english_message_for_an_external_change(speech_path):
    i18n.set_language("en")
    session = SpeechSession()
    speech = session.open(speech_path)
    edit_on_disk(speech_path)
    with pytest.raises(ExternalChangeError, match="changed by another program"):
        session.save(speech)


def test_an_untouched_rewrite_with_the_same_bytes_is_no_change(speech_path):
    session = SpeechSession()
    speech = session.open(speech_path)
    files.write_bytes(speech_path, speech_path.read_bytes())       # a sync tool rewrote it
    assert not session.changed_on_disk()      # same bytes: nothing to ask about
    speech.title = "保存后的标题"
    result = session.save(speech)            # no ExternalChangeError
    assert speech_file.load_speech(speech_path).title == "保存后的标题"
    assert result.path == speech_path and not result.warnings


def test_a_file_deleted_meanwhile_is_written_again(speech_path):
    session = SpeechSession()
    speech = session.open(speech_path)
    speech_path.unlink()
    assert session.changed_on_disk()
    result = session.save(speech)
    assert speech_file.load_speech(speech_path).content() == speech.content()
    assert result.backup is None


def test_save_as_moves_the_lock_and_keeps_the_old_file(speech_path, tmp_path):
    session = SpeechSession()
    speech = session.open(speech_path)
    original = speech_path.read_bytes()
    speech.title = "另存的版本"
    target = tmp_path / "另存.speech.yaml"
    result = session.save(speech, target)
    assert result.path == target and session.path == target
    assert speech_path.read_bytes() == original
    assert not locks.lock_path(speech_path).exists()
    assert locks.read_lock(target).session == session.session
    assert session.sha256 == sha256(target.read_bytes())


def test_save_as_onto_an_existing_file_keeps_it_as_a_backup(speech_path, tmp_path):
    target = tmp_path / "existing.speech.yaml"
    target.write_text("format: 1\ntitle: 被替换的文件\n", encoding="utf-8")
    session = SpeechSession()
    speech = session.open(speech_path)
    result = session.save(speech, target)
    assert speech_file.load_speech(result.backup).title == "被替换的文件"


def test_save_as_onto_a_speech_open_elsewhere(speech_path, tmp_path, speech):
    target = tmp_path / "busy.speech.yaml"
    speech_file.save_speech(speech, target)
    other = SpeechSession()
    other.open(target)
    session = SpeechSession()
    mine = session.open(speech_path)
    before = target.read_bytes()
    with pytest.raises(locks.SpeechLockedError):
        session.save(mine, target)
    assert target.read_bytes() == before and session.path == speech_path
    session.save(mine, target, force=True)
    assert session.path == target


def test_a_new_speech_needs_a_name_first(tmp_path, speech):
    session = SpeechSession()
    session.write_recovery(speech)
    with pytest.raises(ComposerError, match="另存为"):
        session.save(speech)
    result = session.save(speech, tmp_path / "new.speech.yaml")
    assert result.backup is None and session.path == tmp_path / "new.speech.yaml"
    assert not recovery.recovery_path(session.session).exists()


def test_a_failed_write_changes_nothing_and_keeps_the_recovery(speech_path, monkeypatch):
    session = SpeechSession()
    speech = session.open(speech_path)
    speech.title = "没能保存的标题"
    session.write_recovery(speech)
    before, digest = speech_path.read_bytes(), session.sha256

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)
        with pytest.raises(ComposerError, match="磁盘空间不足"):
            session.save(speech)
    assert speech_path.read_bytes() == before and session.sha256 == digest
    assert recovery.read_recovery(recovery.recovery_path(session.session),
                                  session.session).title == "没能保存的标题"
    session.save(speech)                                # works once the disk has room again
    assert speech_file.load_speech(speech_path).title == "没能保存的标题"


def test_a_failed_backup_is_a_warning_not_a_lost_save(speech_path, monkeypatch):
    session = SpeechSession()
    speech = session.open(speech_path)
    speech.title = "照样保存"

    def broken(*args, **kwargs):
        raise ComposerError("无法创建备份文件夹", "Cannot create the backup folder")

    monkeypatch.setattr(backups, "make_backup", broken)
    result = session.save(speech)
    assert speech_file.load_speech(speech_path).title == "照样保存"
    assert result.backup is None and "备份" in str(result.warnings[0])


def test_backups_follow_the_users_setting(speech_path):
    session = SpeechSession(keep_backups=2)
    speech = session.open(speech_path)
    for i in range(6):
        speech.title = f"第{i}次"
        session.save(speech)
    assert len(backups.list_backups(speech_path)) == 2
    session = SpeechSession(keep_backups=0)
    speech = session.open(speech_path, force=True)
    assert session.save(speech).backup is None


def test_invalid_characters_are_saved_visibly(speech_path):
    session = SpeechSession()
    speech = session.open(speech_path)
    speech.opening = ["前\ud800后"]
    result = session.save(speech)
    assert speech_file.load_speech(speech_path).opening == ["前\ufffd后"]
    assert "�" in str(result.warnings[0])


def test_two_sessions_on_one_file_cannot_overwrite_each_other(speech_path):
    first, second = SpeechSession(), SpeechSession()
    mine = first.open(speech_path)
    theirs = second.open(speech_path, force=True)
    mine.title, theirs.title = "第一个窗口", "第二个窗口"
    first.save(mine)
    with pytest.raises(ExternalChangeError):
        second.save(theirs)
    assert speech_file.load_speech(speech_path).title == "第一个窗口"


# --- close -----------------------------------------------------------------------------------

def test_close_drops_lock_and_recovery(speech_path, speech):
    session = SpeechSession()
    session.open(speech_path)
    session.write_recovery(speech)
    session.close()
    assert not locks.lock_path(speech_path).exists()
    assert not recovery.recovery_path(session.session).exists()
    assert session.path is None
    session.close()                                     # twice is harmless


def test_close_keeps_a_lock_another_session_took(speech_path):
    first, second = SpeechSession(), SpeechSession()
    first.open(speech_path)
    second.open(speech_path, force=True)
    first.close()
    assert locks.read_lock(speech_path).session == second.session


# --- crash and restore -----------------------------------------------------------------------

CRASHING_EDITOR = """
    from composer.io.speech_session import SpeechSession
    session = SpeechSession()
    speech = session.open({path!r})
    speech.title = "崩溃前改的标题"
    speech.opening.append("崩溃前写的最后一段。")
    session.write_recovery(speech)
"""


def crash_while_editing(live_child, path):
    child = live_child(CRASHING_EDITOR.format(path=str(path)))
    assert locks.holder(path, "me") is not None        # it holds the speech while running
    assert recovery.list_recoveries() == []
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    [found] = recovery.list_recoveries()
    return found


def test_restore_after_sigkill_continues_the_session(speech_path, live_child):
    before = speech_path.read_bytes()
    found = crash_while_editing(live_child, speech_path)
    assert (found.original, found.title) == (str(speech_path), "崩溃前改的标题")
    assert speech_path.read_bytes() == before          # the crash never touched the file
    session = SpeechSession()
    speech = session.restore(found)                     # the dead process's lock is stale
    assert speech.title == "崩溃前改的标题" and speech.opening[-1] == "崩溃前写的最后一段。"
    assert session.path == speech_path and locks.read_lock(speech_path).session == session.session
    assert recovery.list_recoveries() == []            # now ours: not offered twice
    session.save(speech)                                # the file is as the crashed session saw it
    assert speech_file.load_speech(speech_path).opening[-1] == "崩溃前写的最后一段。"
    assert not recovery.recovery_path(session.session).exists()


def test_restore_notices_a_change_made_since_the_crash(speech_path, live_child):
    found = crash_while_editing(live_child, speech_path)
    edit_on_disk(speech_path, "崩溃后别人改的")
    session = SpeechSession()
    speech = session.restore(found)
    with pytest.raises(ExternalChangeError):
        session.save(speech)
    result = session.save(speech, force=True)
    assert speech_file.load_speech(result.backup).title == "崩溃后别人改的"


def test_restore_when_the_speech_is_now_open_elsewhere(speech_path, live_child):
    found = crash_while_editing(live_child, speech_path)
    SpeechSession().open(speech_path)
    session = SpeechSession()
    with pytest.raises(locks.SpeechLockedError):
        session.restore(found)
    assert [r.session for r in recovery.list_recoveries()] == [found.session]  # still offered
    session.restore(found, force=True)


def test_restore_a_never_saved_speech(tmp_path):
    run_python("""
        from composer.core.speech import Speech
        from composer.io.speech_session import SpeechSession
        SpeechSession().write_recovery(Speech(title="从未保存", opening=["只在内存里的一段。"]))
    """)
    [found] = recovery.list_recoveries()
    assert found.original is None
    session = SpeechSession()
    speech = session.restore(found)
    assert speech.opening == ["只在内存里的一段。"] and session.path is None
    session.save(speech, tmp_path / "终于保存.speech.yaml")
    assert recovery.list_recoveries() == [] and os.listdir(recovery.recovery_dir()) == []


def test_restore_a_damaged_recovery_changes_nothing(speech_path):
    folder = recovery.recovery_dir()
    folder.mkdir(parents=True)
    (folder / "broken.speech.yaml").write_bytes(b"format: 1\nbody: [")
    [found] = recovery.list_recoveries()
    session = SpeechSession()
    session.open(speech_path)
    with pytest.raises(FileFormatError):
        session.restore(found)
    assert session.path == speech_path and (folder / "broken.speech.yaml").exists()


def test_opening_a_speech_removes_the_stale_temp_files_of_a_killed_save(speech_path):
    """A save killed with -9 leaves ``.NAME.XXXXXXXX.tmp`` beside the speech: the next open
    removes it once it is stale (a fresh one may be a save in progress elsewhere)."""
    stale = speech_path.with_name(f".{speech_path.name}.k2j_9zq1.tmp")
    fresh = speech_path.with_name(f".{speech_path.name}.a8d0f3bb.tmp")
    for path in (stale, fresh):
        path.write_bytes(b"half a speech")
    old = os.stat(stale).st_mtime - files.TEMP_STALE_AFTER - 60
    os.utime(stale, (old, old))
    SpeechSession().open(speech_path)
    assert not stale.exists() and fresh.exists()
