"""Refuse to start on a PySide6 that would crash the program minutes later.

PySide6-Essentials 6.12.0 on CPython 3.11 takes one reference from ``None`` on every call of a Qt
method that returns nothing (``setText``, ``QUndoStack.undo`` …) and one from ``True``/``False``
on every bool signal emitted from Python.  ``None`` has about 9,000 references once the window is
up, so after some thousands of such calls (minutes of typing) Python aborts with "Fatal Python
error: none_dealloc", taking unsaved text with it.  6.11 does not have the bug and Python 3.12+
is immune (its singletons are immortal); pyproject.toml excludes 6.12 for that reason.

An installation can still end up with it (a package manager, a hand-made environment).  The
check measures instead of trusting version numbers: it makes a few void calls and looks at
None's reference count, which costs microseconds at start-up.  An affected PySide6 gets a clear
message and the program does not start; nothing is patched.
"""

from __future__ import annotations

import platform
import sys

PROBE_CALLS = 64


def void_calls_leak_none() -> bool:
    """True when calling a void Qt method takes a reference from None."""
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= PROBE_CALLS // 2


def broken_qt_message() -> str | None:
    """The reason not to start, in the UI language, or None when this PySide6 is sound."""
    if not void_calls_leak_none():
        return None
    import PySide6

    from ..core.i18n import pick
    version = getattr(PySide6, "__version__", "?")
    return pick(f"已安装的 PySide6 {version} 在 Python {platform.python_version()} 上有已知缺陷，"
                "编辑几分钟后会崩溃并丢失文字。请安装 PySide6 6.11（pip install \"PySide6-Essentials<6.12\"）"
                "或使用 Python 3.12 以上版本。",
                f"The installed PySide6 {version} has a known defect on Python "
                f"{platform.python_version()} that crashes the program after minutes of editing and "
                "loses text. Install PySide6 6.11 (pip install \"PySide6-Essentials<6.12\") or use "
                "Python 3.12 or newer.")
