"""What the window shows at start, and the settings dialog."""

from __future__ import annotations

from composer.core.speech import Speech
from composer.io import speech_file
from composer.ui import app, settings
from composer.ui.settings_dialog import SettingsDialog

from .conftest import make_speech


def start(qtbot, path=None):
    window = app.create_window(path)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.stack.setClean())
    return window


def test_first_start_shows_the_example_then_the_last_file(qtbot, tmp_path):
    first = start(qtbot)
    assert first.document.speech.title and first.document.path is None
    assert "示例讲稿" in first.windowTitle()
    assert not settings.first_start()
    second = start(qtbot)  # nothing opened yet: an empty speech
    assert second.document.speech.content() == Speech().content()
    path = tmp_path / "last.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    settings.add_recent_file(str(path))
    third = start(qtbot)
    assert third.document.path == str(path)


def test_a_file_given_on_the_command_line_is_opened(qtbot, tmp_path):
    path = tmp_path / "given.speech.yaml"
    speech_file.save_speech(make_speech(), path)
    window = start(qtbot, str(path))
    assert window.document.path == str(path)
    assert [s.heading for s in window.document.speech.body] == ["A", "B", "C"]


def test_settings_dialog_stores_the_choices(qtbot, window, tmp_path, monkeypatch):
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.rate.setValue(150)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    folder = tmp_path / "office"
    folder.mkdir()
    dialog.folders.addItem(str(folder))
    assert dialog.apply() == {"rate", "language", "library"}
    assert settings.speaking_rate() == 150
    assert settings.language_choice() == "en"
    assert settings.library_folders() == [str(folder)]
    assert dialog.apply() == set()  # nothing changed the second time


def test_settings_from_the_menu_apply_at_once(qtbot, window, monkeypatch):
    def accept_with_rate(self):
        self.rate.setValue(120)
        return SettingsDialog.DialogCode.Accepted
    monkeypatch.setattr(SettingsDialog, "exec", accept_with_rate)
    window.settings_action.trigger()
    assert settings.speaking_rate() == 120
    from composer.core.stats import speech_stats
    expected = speech_stats(window.document.speech, 120).seconds
    assert window.duration(expected) in window.stats_label.text()
