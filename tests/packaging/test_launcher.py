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


def test_a_document_opened_from_the_finder_becomes_open_file(tmp_path):
    speech = tmp_path / "讲话.speech.yaml"
    speech.write_text("format: 1\n", encoding="utf-8")
    assert launcher._finder_open_arguments([str(speech)], "darwin") == ["open", str(speech)]
    assert launcher._finder_open_arguments([str(speech)], "linux") == [str(speech)]
    assert launcher._finder_open_arguments(["--version"], "darwin") == ["--version"]
    assert launcher._finder_open_arguments([], "darwin") == []


def test_a_windowed_executable_without_streams_can_still_print(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    launcher._give_streams_a_home()
    print("讲稿编排")  # would raise AttributeError on None
    print("x", file=sys.stderr)
    sys.stdout.close()
    sys.stderr.close()
