"""A PySide6 that loses references to None is refused at start-up with a clear message."""

from __future__ import annotations

import sys

from composer.ui import app as app_module
from composer.ui import qt_check


def test_this_pyside6_does_not_lose_references(qapp):
    before = sys.getrefcount(None)
    assert not qt_check.void_calls_leak_none()
    assert qt_check.broken_qt_message() is None
    assert sys.getrefcount(None) >= before - 8   # the probe itself leaves None as it was


def test_an_affected_pyside6_is_refused_with_one_clear_line(qapp, monkeypatch, capsys):
    monkeypatch.setattr(qt_check, "void_calls_leak_none", lambda: True)
    shown = []
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    launched = []
    monkeypatch.setattr(app_module, "launch", lambda path: launched.append(path))
    assert app_module.main(None) == 2
    err = capsys.readouterr().err.strip()
    assert "PySide6" in err and "6.11" in err and len(err.splitlines()) == 1
    assert shown == [err] and launched == []
