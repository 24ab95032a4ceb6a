import os
from pathlib import Path

import pytest

from composer.core.errors import ComposerError
from composer.io import files


def test_atomic_write_replaces_and_keeps_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    files.write_text(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["a.txt"]  # no temp file left behind


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("old")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ComposerError, match="磁盘空间不足"):
        files.write_text(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_unwritable_folder(tmp_path):
    with pytest.raises(ComposerError, match="无法写入"):
        files.write_text(tmp_path / "missing" / "a.txt", "x")


def test_permission_denied(tmp_path, monkeypatch):
    # Tests run as root in CI, where chmod cannot make a folder unwritable: simulate the refusal.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(ComposerError, match="没有写入权限"):
        files.write_text(tmp_path / "a.txt", "x")
    assert not (tmp_path / "a.txt").exists()


def test_read_limit(tmp_path):
    big = tmp_path / "big"
    big.write_bytes(b"x" * 3 * 1024 * 1024)
    with pytest.raises(ComposerError, match="太大"):
        files.read_bytes(big, limit=2 * 1024 * 1024)


def test_a_file_is_read_in_pieces_whole_and_up_to_the_limit(tmp_path, monkeypatch):
    """Read a piece at a time (a worker reading a big pack must not hold the interpreter for
    one long read): every byte, in order, whatever the pieces; the limit still holds when the
    file reports a size smaller than it has."""
    monkeypatch.setattr(files, "READ_PIECE", 7)
    data = bytes(range(256)) * 3 + b"end"
    target = tmp_path / "data"
    target.write_bytes(data)
    assert files.read_bytes(target) == data
    assert files.read_bytes(target, limit=len(data)) == data
    with pytest.raises(ComposerError, match="太大"):
        files.read_bytes(target, limit=len(data) - 1)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert files.read_bytes(empty) == b"" == files.read_bytes(empty, limit=5)

    real_stat = Path.stat

    def small(self, *args, **kwargs):   # as /proc or a growing file: the size says 0
        info = real_stat(self, *args, **kwargs)
        if self == target:
            return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:]))
        return info
    monkeypatch.setattr(Path, "stat", small)
    with pytest.raises(ComposerError, match="太大"):
        files.read_bytes(target, limit=100)


def test_special_files_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ComposerError, match="不是普通文件"):
        files.read_bytes(fifo)  # would block for ever if opened
    with pytest.raises(ComposerError, match="不是普通文件"):
        files.read_bytes("/dev/zero", limit=1024)


def test_folder_is_named_as_such(tmp_path):
    with pytest.raises(ComposerError, match="文件夹"):
        files.read_bytes(tmp_path)


def test_new_files_get_the_usual_permissions(tmp_path):
    files.write_text(tmp_path / "new.txt", "x")
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o666 & ~files._umask()


# --- symbolic links, read-only files, the hash check -----------------------------------------

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_writing_through_a_link_updates_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real" / "讲话.speech.yaml"
    real.parent.mkdir()
    real.write_text("old")
    os.chmod(real, 0o640)
    link = tmp_path / "讲话.speech.yaml"
    os.symlink(real, link)
    chain = tmp_path / "second-link.speech.yaml"
    os.symlink(link, chain)                       # a link to a link: followed to the end
    files.write_text(chain, "新内容")
    assert link.is_symlink() and chain.is_symlink()
    assert os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "新内容"
    assert (real.stat().st_mode & 0o777) == 0o640
    assert sorted(os.listdir(real.parent)) == ["讲话.speech.yaml"]   # temp beside the target


def test_a_read_only_file_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "a.speech.yaml"
    target.write_text("old")
    os.chmod(target, 0o444)
    with pytest.raises(files.ReadOnlyFileError) as caught:
        files.write_text(target, "new")
    assert "只读" in str(caught.value) and str(target) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["a.speech.yaml"]
    os.chmod(target, 0o644)
    files.write_text(target, "new")
    assert target.read_text() == "new"


def test_the_hash_check_refuses_a_file_changed_meanwhile(tmp_path):
    import hashlib
    target = tmp_path / "a.txt"
    target.write_bytes(b"read")
    read = hashlib.sha256(b"read").hexdigest()
    target.write_bytes(b"someone else's")
    with pytest.raises(files.ChangedMeanwhileError):
        files.write_bytes(target, b"mine", expect_sha256=read)
    assert target.read_bytes() == b"someone else's" and os.listdir(tmp_path) == ["a.txt"]
    files.write_bytes(target, b"mine", expect_sha256=hashlib.sha256(b"someone else's").hexdigest())
    assert target.read_bytes() == b"mine"
    with pytest.raises(files.ChangedMeanwhileError):          # None: "there was no file"
        files.write_bytes(target, b"again", expect_sha256=None)
    files.write_bytes(tmp_path / "new.txt", b"x", expect_sha256=None)


# --- temp files left by a killed write --------------------------------------------------------

def age(path, seconds):
    then = os.stat(path).st_mtime - seconds
    os.utime(path, (then, then))


def test_only_our_own_stale_temp_files_are_removed(tmp_path):
    target = tmp_path / "讲话.speech.yaml"
    target.write_text("x")
    ours_old = tmp_path / ".讲话.speech.yaml.k2j_9zq1.tmp"
    ours_fresh = tmp_path / ".讲话.speech.yaml.a8d0f3bb.tmp"        # a write in progress
    others = [tmp_path / ".讲话.speech.yaml.short.tmp",           # not mkstemp's naming
              tmp_path / ".其他.speech.yaml.k2j_9zq1.tmp",         # another file's
              tmp_path / ".讲话.speech.yaml.k2j_9zq1.tmp.keep",
              tmp_path / "讲话.speech.yaml.k2j_9zq1.tmp"]          # no leading dot
    for path in [ours_old, ours_fresh, *others]:
        path.write_text("leftover")
    for path in [ours_old, *others]:
        age(path, files.TEMP_STALE_AFTER + 60)
    assert files.remove_stale_temps(target) == [ours_old]
    assert not ours_old.exists() and ours_fresh.exists() and all(p.exists() for p in others)


def test_the_next_write_removes_the_leftovers_of_a_killed_one(tmp_path):
    import signal
    import subprocess
    import sys
    import textwrap
    target = tmp_path / "讲话.speech.yaml"
    target.write_text("saved before")
    # A child writes a big file and is killed -9 while its temp file is being written.
    code = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(Path(files.__file__).parents[2])!r})
        from composer.io import files
        real_fsync = os.fsync
        def stuck(fd):
            print("writing", flush=True)
            time.sleep(600)
        os.fsync = stuck
        files.write_bytes({str(target)!r}, b"x" * (4 << 20))
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    child.stdout.close()
    [left] = [p for p in tmp_path.iterdir() if p.name != target.name]
    assert files.is_our_temp(left.name, target.name)
    assert target.read_text() == "saved before"           # the atomic write held
    files.write_text(target, "saved now")                 # too fresh to be judged yet …
    assert left.exists()
    age(left, files.TEMP_STALE_AFTER + 1)
    files.write_text(target, "saved again")               # … now it is stale: removed
    assert sorted(os.listdir(tmp_path)) == [target.name]


def test_a_files_hash_is_read_in_pieces_and_says_what_it_cannot_read(tmp_path, monkeypatch):
    import hashlib
    monkeypatch.setattr(files, "READ_PIECE", 5)
    target = tmp_path / "pack"
    target.write_bytes(b"0123456789abcdefghij-")
    assert files.sha256_of(target) == hashlib.sha256(b"0123456789abcdefghij-").hexdigest()
    assert files.sha256_of(tmp_path / "none") is None
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ComposerError, match="不是普通文件"):
        files.sha256_of(fifo)   # would block for ever if opened
    with pytest.raises(ComposerError, match="不是普通文件"):
        files.sha256_of(tmp_path)

    def refused(path):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(files, "_sha256_of", refused)
    with pytest.raises(ComposerError, match="无法读取"):
        files.sha256_of(target)
