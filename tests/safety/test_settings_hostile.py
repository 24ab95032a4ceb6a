"""Hostile settings: whatever the settings file holds, every getter returns a usable value of its
type (the default when the stored one is not), and the window starts.

A settings file (INI, written by QSettings) is the user's to edit and can hold typed values
(``@Variant(...)``, ``@Rect`` …) from another program version, hand editing or damage, names of
things that no longer exist, numbers out of range, or junk.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QByteArray

from composer.core.stats import DEFAULT_RATE
from composer.io import backups
from composer.ui import settings
# The UI tests' guards: settings in a temp folder, and no modal dialog may wait for an answer.
from ui.conftest import no_unexpected_dialogs, temp_settings  # noqa: F401

HOSTILE_INI = r"""[files]
recent=@Variant(\0\0\0\x2\0\0\0\x5)
last_folder=@ByteArray(\xff\xfe)
keep_backups=@Size(1 2)
[library]
folders=@Variant(\0\0\0\x1\x1)
[stats]
rate=@Variant(\0\0\0\x6\x1\x2\x3)
[app]
started=@Rect(1 2 3 4)
[export]
profile=@Point(1 2)
[ui]
language=@Size(1 2)
[window]
geometry=@Variant(\0\0\0\x2\0\0\0\x5)
splitter=text
library-splitter=@Point(1 2)
"""

GETTERS = {"recent_files": list, "library_folders": list, "last_folder": str,
           "speaking_rate": int, "first_start": bool, "format_profile": str,
           "language_choice": str, "keep_backups": int}
DEFAULTS = {"recent_files": [], "library_folders": [], "last_folder": "",
            "speaking_rate": DEFAULT_RATE, "first_start": True, "format_profile": "",
            "language_choice": "system", "keep_backups": backups.DEFAULT_KEEP}


def write_ini(folder, text: str | bytes) -> None:
    data = text if isinstance(text, bytes) else text.encode("latin-1")
    (folder / "settings.ini").write_bytes(data)


def read_all() -> dict:
    return {name: getattr(settings, name)() for name in GETTERS}


def start_window(qtbot):
    from composer.ui import app
    window = app.create_window()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    window.show()
    return window


@pytest.mark.parametrize("name", list(GETTERS))
def test_typed_values_in_the_settings_file(temp_settings, name):
    write_ini(temp_settings, HOSTILE_INI)
    value = getattr(settings, name)()
    assert type(value) is GETTERS[name]
    assert value == DEFAULTS[name]


def test_the_window_starts_with_typed_values_everywhere(temp_settings, qtbot):
    write_ini(temp_settings, HOSTILE_INI)
    window = start_window(qtbot)
    assert all(size > 0 for size in window.splitter.sizes())
    assert settings.window_state("splitter") is None


@pytest.mark.parametrize("junk", [
    b"", b"\x00" * 100, bytes(range(256)) * 8, b"[files\nrecent=\n[[[\n=\n",
    "[files]\nrecent=\u4e2d\u6587\n".encode("utf-16"), b"[ui]\nlanguage=" + b"z" * 200_000])
def test_a_damaged_settings_file_gives_the_defaults(temp_settings, qtbot, junk):
    write_ini(temp_settings, junk)
    assert read_all() == DEFAULTS
    start_window(qtbot)


@pytest.mark.parametrize("value", ["fr", "zh_CN", "", "EN", "system\0", "../../en"])
def test_an_unknown_language_code_means_the_system_language(value):
    settings.store().setValue("ui/language", value)
    assert settings.language_choice() == "system"


def test_a_known_language_is_kept():
    settings.set_language_choice("en")
    assert settings.language_choice() == "en"


def test_a_format_profile_that_no_longer_exists_means_the_default(qtbot):
    from composer.ui import services
    from composer.ui.settings_dialog import SettingsDialog
    settings.set_format_profile("已删除的格式")
    assert settings.format_profile() == ""
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.profile.currentData() == services.profile_names()[0]
    assert dialog.apply() == set()  # showing the default is not a change
    chosen = services.profile_names()[-1]
    settings.set_format_profile(chosen)
    assert settings.format_profile() == chosen


@pytest.mark.parametrize("value", [-1, -5, 10_000, "五", "3.5", "", 2.5e40, float("nan"), True])
def test_a_backup_count_out_of_range_means_the_default(value):
    settings.store().setValue("files/keep_backups", value)
    assert settings.keep_backups() == backups.DEFAULT_KEEP


@pytest.mark.parametrize("value, expected", [(0, 0), ("3", 3), (99, 99)])
def test_a_backup_count_in_range_is_kept(value, expected):
    settings.store().setValue("files/keep_backups", value)
    assert settings.keep_backups() == expected


def test_setting_the_backup_count_keeps_it_in_range():
    settings.set_keep_backups(-3)
    assert settings.keep_backups() == 0
    settings.set_keep_backups(1000)
    assert settings.keep_backups() == settings.MAX_KEEP_BACKUPS


@pytest.mark.parametrize("value", [-1, 0, 10**9, "快", "200.5", float("inf"), False])
def test_a_speaking_rate_out_of_range_means_the_default(value):
    settings.store().setValue("stats/rate", value)
    assert settings.speaking_rate() == DEFAULT_RATE


def test_a_missing_library_folder_is_kept_reported_and_skipped(tmp_path, qtbot):
    """The office's network folder may just be offline: keep it in the list, say so, start
    without it."""
    present = tmp_path / "present"
    present.mkdir()
    from composer.io import library_file
    from composer.core.library import Pack, Snippet
    library_file.save_pack(Pack("科室素材", [Snippet("s1", 1, "共享的标题", ["正文。"])]),
                           present / "office.library.yaml")
    missing = str(tmp_path / "offline-share")
    settings.set_library_folders([missing, str(present)])
    assert settings.library_folders() == [missing, str(present)]
    window = start_window(qtbot)
    qtbot.waitUntil(lambda: not window.library_pane.loading, timeout=20_000)  # in the background
    assert any(p.name == "科室素材" for p in window.library_pane.library.packs)
    errors = window.library_pane.library.errors
    assert [e.path for e in errors] == [missing] and "无法访问" in str(errors[0])


def test_recent_files_keep_only_usable_paths(tmp_path, qtbot):
    real = tmp_path / "real.speech.yaml"
    from composer.io import speech_file
    from composer.core.speech import Speech
    speech_file.save_speech(Speech(title="真的"), real)
    settings.store().setValue("files/recent", [str(tmp_path / "gone.speech.yaml"), 7, "",
                                               "bad\0path", str(real)] + ["x"] * 30)
    recent = settings.recent_files()
    assert recent[:2] == [str(tmp_path / "gone.speech.yaml"), str(real)]
    assert len(recent) == settings.MAX_RECENT
    settings.mark_started()
    window = start_window(qtbot)  # the newest is gone: an empty speech, no error
    assert window.document.path is None
    settings.add_recent_file(str(real))
    assert start_window(qtbot).document.path == str(real)


@pytest.mark.parametrize("state", [
    QByteArray(b"garbage"), QByteArray(os.urandom(64)), QByteArray(b"\x00\x00\x00\xff" * 9),
    "not bytes", 12])
def test_splitter_and_geometry_garbage_leave_a_usable_window(qtbot, state):
    for name in ("geometry", "splitter", "library-splitter"):
        settings.store().setValue(f"window/{name}", state)
    window = start_window(qtbot)
    assert all(size > 0 for size in window.splitter.sizes())
    assert all(size > 0 for size in window.library_pane.splitter.sizes())
    assert window.width() > 0 and window.height() > 0


def test_collapsed_panes_in_a_saved_layout_are_opened_again(qtbot):
    """A valid state whose sizes hide two panes (saved by a damaged run or by hand)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QSplitter
    splitter = QSplitter(Qt.Orientation.Horizontal)
    qtbot.addWidget(splitter)
    for _ in range(3):
        splitter.addWidget(QLabel("x"))
    splitter.resize(1000, 100)
    splitter.setSizes([0, 0, 1000])
    settings.set_window_state("splitter", splitter.saveState())
    window = start_window(qtbot)
    assert all(size > 0 for size in window.splitter.sizes())
