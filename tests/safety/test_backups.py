"""Backups of the previous version on every save: the last N per document, easy to find."""

import itertools
import os
import re

import pytest

from composer.core.errors import ComposerError
from composer.io import backups, files, paths, speech_file


@pytest.fixture
def clock(monkeypatch):
    """Each backup gets the next minute, so that their order is known."""
    minutes = itertools.count()

    def strftime(pattern, *args):
        if pattern != backups._STAMP:
            return original(pattern, *args)
        minute = next(minutes)
        return f"2024-03-15 {10 + minute // 60:02d}.{minute % 60:02d}.00"

    original = backups.time.strftime
    monkeypatch.setattr(backups.time, "strftime", strftime)


def save_versions(path, count, keep=backups.DEFAULT_KEEP):
    made = []
    for i in range(count):
        made.append(backups.make_backup(path, keep))
        files.write_text(path, f"format: 1\ntitle: 第{i + 2}版\n")
    return made


def test_backup_keeps_the_previous_version_where_a_user_finds_it(tmp_path):
    path = tmp_path / "动员大会讲话.speech.yaml"
    path.write_text("format: 1\ntitle: 第1版\n", encoding="utf-8")
    backup = backups.make_backup(path)
    assert backup.read_text(encoding="utf-8") == "format: 1\ntitle: 第1版\n"
    assert backup.is_relative_to(paths.data_dir() / "backups")
    # Named after the document, with the time, and still a speech file the program opens.
    assert re.fullmatch(r"动员大会讲话 \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.speech\.yaml", backup.name)
    assert backup.parent.name.startswith("动员大会讲话 (")
    assert (backup.parent / "source.txt").read_text(encoding="utf-8").strip() == str(path)
    assert speech_file.load_speech(backup).title == "第1版"


def test_only_the_newest_n_are_kept(tmp_path, clock):
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\ntitle: 第1版\n", encoding="utf-8")
    save_versions(path, 8)
    kept = backups.list_backups(path)
    assert [speech_file.load_speech(b).title for b in kept] == [f"第{i}版" for i in (8, 7, 6, 5, 4)]
    assert len(list(kept[0].parent.glob("*.speech.yaml"))) == 5


@pytest.mark.parametrize("keep", [1, 2, 10])
def test_the_number_kept_is_a_setting(tmp_path, keep):
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\ntitle: 第1版\n", encoding="utf-8")
    save_versions(path, 12, keep=keep)
    kept = backups.list_backups(path)
    assert [speech_file.load_speech(b).title for b in kept] == [
        f"第{i}版" for i in range(12, 12 - keep, -1)]


def test_many_saves_within_one_second_keep_their_order(tmp_path, monkeypatch):
    monkeypatch.setattr(backups.time, "strftime", lambda pattern, *a: "2024-03-15 10.00.00")
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\ntitle: 第1版\n", encoding="utf-8")
    save_versions(path, 12, keep=3)
    kept = backups.list_backups(path)
    assert [speech_file.load_speech(b).title for b in kept] == ["第12版", "第11版", "第10版"]
    assert kept[0].name == "a 2024-03-15 10.00.00-12.speech.yaml"


def test_zero_means_no_backups(tmp_path):
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\n", encoding="utf-8")
    assert backups.make_backup(path, keep=0) is None
    assert backups.list_backups(path) == []


def test_nothing_to_back_up_for_a_new_file(tmp_path):
    assert backups.make_backup(tmp_path / "new.speech.yaml") is None


def test_an_unchanged_file_is_not_backed_up_twice(tmp_path, clock):
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\ntitle: 第1版\n", encoding="utf-8")
    assert backups.make_backup(path) is not None
    for _ in range(10):   # saving without changes must not push real history out
        assert backups.make_backup(path) is None
    assert len(backups.list_backups(path)) == 1


def test_same_name_in_two_folders_never_mix(tmp_path, clock):
    one, two = tmp_path / "一处" / "讲话.speech.yaml", tmp_path / "二处" / "讲话.speech.yaml"
    for path in (one, two):
        path.parent.mkdir()
        path.write_text(f"format: 1\ntitle: {path.parent.name}\n", encoding="utf-8")
    save_versions(one, 3, keep=2)
    backups.make_backup(two, keep=2)
    assert backups.folder_for(one) != backups.folder_for(two)
    assert [speech_file.load_speech(b).title for b in backups.list_backups(two)] == ["二处"]
    assert len(backups.list_backups(one)) == 2


def test_the_users_own_files_in_the_folder_are_left_alone(tmp_path, clock):
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\n", encoding="utf-8")
    folder = backups.folder_for(path)
    folder.mkdir(parents=True)
    (folder / "a 我的备注.speech.yaml").write_text("x", encoding="utf-8")
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    save_versions(path, 4, keep=1)
    assert (folder / "a 我的备注.speech.yaml").exists() and (folder / "notes.txt").exists()


def test_library_packs_get_backups_too(tmp_path, clock):
    path = tmp_path / "my.library.yaml"
    path.write_text("format: 1\nname: 我的\n", encoding="utf-8")
    backup = backups.make_backup(path)
    assert backup.name.startswith("my 2024-03-15") and backup.name.endswith(".library.yaml")


def test_backup_of_given_bytes_reads_nothing(tmp_path):
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\ntitle: 磁盘上\n", encoding="utf-8")
    backup = backups.make_backup(path, data=b"format: 1\ntitle: read before\n")
    assert backup.read_bytes() == b"format: 1\ntitle: read before\n"


def test_unwritable_backup_folder_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "a.speech.yaml"
    path.write_text("format: 1\n", encoding="utf-8")
    blocker = tmp_path / "data-is-a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SPEECH_COMPOSER_DATA", str(blocker))
    with pytest.raises(ComposerError, match="备份"):
        backups.make_backup(path)
    assert path.read_text() == "format: 1\n"


@pytest.mark.parametrize("name,split", [
    ("讲话.speech.yaml", ("讲话", ".speech.yaml")), ("my.library.yaml", ("my", ".library.yaml")),
    ("gbt.yaml", ("gbt", ".yaml")), ("README", ("README", "")),
    (".speech.yaml", (".speech", ".yaml")),
    ("a.b.txt", ("a.b", ".txt")),
])
def test_split_name(name, split):
    assert backups.split_name(name) == split


def test_a_file_named_only_by_its_suffix(tmp_path):
    path = tmp_path / ".speech.yaml"
    path.write_text("format: 1\n", encoding="utf-8")
    backup = backups.make_backup(path)
    assert backups.list_backups(path) == [backup]
    assert os.path.basename(backup).startswith(".speech 2")
