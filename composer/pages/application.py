"""The Qt application the pages need (fonts live in QGuiApplication)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication

_made: list[QGuiApplication] = []   # keeps the application made here alive


def ensure_application() -> QGuiApplication:
    """The running Qt application, or a new one on the offscreen platform: the command line
    needs fonts, not a display, and must work without one (a server, an SSH session)."""
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing     # type: ignore[return-value]
    app = QGuiApplication([sys.argv[0] if sys.argv else "speech-composer", "-platform", "offscreen"])
    _made.append(app)
    return app
