"""The frozen entry script's small adjustments before the command line runs."""

from __future__ import annotations

import sys

import launcher


def test_fcitx_users_get_the_ibus_protocol_that_the_bundle_can_speak():
    for value in ("fcitx", "fcitx5"):
        environ = {"QT_IM_MODULE": value}
        launcher._input_method_fallback(environ, "linux")
        assert environ == {"QT_IM_MODULE": "ibus"}
    for environ, platform in (({"QT_IM_MODULE": "ibus"}, "linux"), ({}, "linux"),
                              ({"QT_IM_MODULE": "fcitx"}, "win32")):
        before = dict(environ)
        launcher._input_method_fallback(environ, platform)
        assert environ == before


def test_desktop_arguments_become_command_line_arguments(tmp_path):
    speech = tmp_path / "讲话.speech.yaml"
    speech.write_text("format: 1\n", encoding="utf-8")
    arguments = launcher._desktop_arguments
    # A document opened from the Finder (macOS argv emulation) is `open FILE`.
    assert arguments([str(speech)], "darwin") == ["open", str(speech)]
    assert arguments([str(speech)], "linux") == [str(speech)]
    assert arguments(["--version"], "darwin") == ["--version"]
    # The menu entry's `open %f` without a file is a plain start.
    assert arguments(["open"], "linux") == []
    assert arguments(["open", str(speech)], "linux") == ["open", str(speech)]
    assert arguments([], "win32") == []


def test_a_windowed_executable_without_streams_can_still_print(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    launcher._give_streams_a_home()
    print("讲稿编排")  # would raise AttributeError on None
    print("x", file=sys.stderr)
    sys.stdout.close()
    sys.stderr.close()
