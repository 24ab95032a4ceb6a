"""The quicker answer to PySide's "does this module use PySide?" is PySide's own answer."""

from __future__ import annotations

import sys

import PySide6.QtWidgets  # noqa: F401  (PySide's import hook and its check exist once it is in)

from composer.ui import app, pyside_scan


def test_the_quick_check_answers_as_pysides_own_for_every_module_loaded(qapp):
    app.create_application()   # installs it, as every start does
    import composer.ui.main_window  # noqa: F401  (the window's modules, ours and the stdlib's)
    feature = sys.modules[pyside_scan.MODULE]
    quick = getattr(feature, pyside_scan.CHECK)
    assert getattr(quick, "reads_bytes", False)
    original = quick.original
    modules = [m for name, m in sorted(sys.modules.items()) if m is not None]
    ours = [m for m in modules if m.__name__.startswith("composer.")]
    assert len(ours) > 50
    answers = {m.__name__: quick(m) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    # Both answers occur: window modules use PySide, the core never does.
    assert answers["composer.ui.main_window"] is True
    assert answers["composer.core.speech"] is False


def test_installing_twice_or_without_pysides_check_changes_nothing(monkeypatch):
    app.create_application()
    feature = sys.modules[pyside_scan.MODULE]
    before = getattr(feature, pyside_scan.CHECK)
    assert pyside_scan.install() is False
    assert getattr(feature, pyside_scan.CHECK) is before
    monkeypatch.delitem(sys.modules, pyside_scan.MODULE)
    assert pyside_scan.install() is False
