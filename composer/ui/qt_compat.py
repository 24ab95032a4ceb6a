"""A guard against reference-counting bugs in PySide6 6.12.0 on Python 3.11.

Measured here with PySide6-Essentials 6.12.0 on CPython 3.11:

* every call of a Qt method that returns nothing (``setText``, ``setObjectName``,
  ``QUndoStack.undo`` …) takes one reference from ``None`` without having given it one;
* every ``Signal(bool).emit(...)`` from Python takes one from ``True`` or ``False``.

``None`` has about 9,000 references once the main window is up and ``True`` a few hundred, so
after some thousands of such calls — minutes of typing — Python aborts with "Fatal Python error:
none_dealloc" (or bool_dealloc).  PySide6 6.11.3 does not have these bugs, and Python 3.12+ is not
affected (the singletons are immortal there, PEP 683).  The fix is to install a PySide6 without the
bugs; this guard keeps an affected installation alive meanwhile.

The guard measures instead of trusting version numbers: it makes a few calls and looks at the
reference counts.  Only for a singleton whose count falls does it add a very large number of
extra references — what Python 3.12 does for every interpreter (the singletons live as long as
the interpreter anyway).  The program itself emits no bool signals from Python.
"""

from __future__ import annotations

import ctypes
import platform
import sys

PROBE_CALLS = 64
# Far more than any session can use up: one lost reference per void call.
EXTRA_REFERENCES = 1 << 40

_protected: set[str] = set()


def _loses_references(target, call) -> bool:
    before = sys.getrefcount(target)
    for _ in range(PROBE_CALLS):
        call()
    return before - sys.getrefcount(target) >= PROBE_CALLS // 2


def void_calls_leak_none() -> bool:
    """True when calling a void Qt method takes a reference from None."""
    from PySide6.QtCore import QObject
    probe = QObject()
    return _loses_references(None, lambda: probe.setObjectName("probe"))


def bool_signals_leak() -> bool:
    """True when emitting a bool signal from Python takes a reference from True."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        changed = Signal(bool)
    probe = Probe()
    probe.changed.connect(_ignore)
    return _loses_references(True, lambda: probe.changed.emit(True))


def _ignore(*_args) -> None:
    pass


def _add_references(obj) -> None:
    # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
    ctypes.c_ssize_t.from_address(id(obj)).value += EXTRA_REFERENCES


def protect_singletons() -> set[str]:
    """Apply the guard where this PySide6 needs it; returns what is protected ("None", "bool")."""
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return _protected
    if "None" not in _protected and void_calls_leak_none():
        _add_references(None)
        _protected.add("None")
    if "bool" not in _protected and bool_signals_leak():
        _add_references(True)
        _add_references(False)
        _protected.add("bool")
    return _protected
