import os

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
