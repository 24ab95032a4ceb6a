"""The guard against PySide6 6.12.0's reference leaks on None and True/False
(see composer/ui/qt_compat.py)."""

import sys

from PySide6.QtCore import QObject, Signal

from composer.ui import qt_compat


class Emitter(QObject):
    changed = Signal(bool)


def test_many_void_calls_and_bool_signals_do_not_exhaust_the_singletons(qapp):
    start = sys.getrefcount(None)  # before the guard adds its references
    qt_compat.protect_singletons()
    probe = Emitter()
    probe.changed.connect(lambda value: None)
    # More calls than the singletons have references in a fresh interpreter: without the guard
    # an affected PySide6 aborts Python here.
    for _ in range(max(20000, 2 * min(start, 100000))):
        probe.setObjectName("x")
    for _ in range(5000):
        probe.changed.emit(True)
        probe.changed.emit(False)
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0


def test_the_guard_gives_protected_singletons_lasting_references(qapp):
    protected = qt_compat.protect_singletons()
    if sys.version_info >= (3, 12):
        assert protected == set()  # immortal there: nothing to guard
    for name, singleton in (("None", None), ("bool", True), ("bool", False)):
        if name in protected:
            assert sys.getrefcount(singleton) > qt_compat.EXTRA_REFERENCES // 2
