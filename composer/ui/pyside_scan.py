"""A cheaper answer to PySide's question "does this module use PySide?", asked of every module.

Once imported, PySide6 checks every module imported afterwards for the word ``PySide6`` in its
source, to support ``from __feature__ import snake_case`` (PYSIDE-2029).  It reads the source
with ``inspect.getsource``: the file through ``linecache`` and ``tokenize``, for each of the
program's ~170 modules, about 22 ms of every start on the test machine (napari reported the same
tax, napari#8584).  The answer only needs the file's bytes: reading them directly gives the same
answer in a third of the time (``tests/ui/test_pyside_scan.py`` compares the two on every
module the window loads).

PySide keeps the check in a private module (``shibokensupport.feature``); when a PySide release
has no such function, nothing is changed and PySide does what it always did.
"""

from __future__ import annotations

import sys

MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"


def install() -> bool:
    """Put the quicker check in place; False when this PySide has no such check (or it is
    already in place)."""
    feature = sys.modules.get(MODULE)
    original = getattr(feature, CHECK, None)
    if original is None or getattr(original, "reads_bytes", False):
        return False

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)   # compiled, built-in or frozen modules: PySide's own answer

    uses_pyside.reads_bytes = True      # type: ignore[attr-defined]
    uses_pyside.original = original     # type: ignore[attr-defined]
    setattr(feature, CHECK, uses_pyside)
    return True
