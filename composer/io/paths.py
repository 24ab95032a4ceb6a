"""Where the program keeps the user's data and its caches (never in the program folder).

Follows each platform's convention (the same folders Qt's QStandardPaths gives) without
importing Qt.  ``SPEECH_COMPOSER_DATA`` and ``SPEECH_COMPOSER_CACHE`` override them; the tests
point both at temp folders so that no test touches the real user profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "speech-composer"
# The freedesktop / AppStream / macOS application id (packaging/ and the window use it).
APP_ID = "io.github.speechcomposer.SpeechComposer"


def _home() -> Path:
    return Path.home()


def data_dir() -> Path:
    """The user's own library, backups, recovery files."""
    override = os.environ.get("SPEECH_COMPOSER_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", _home() / "AppData" / "Roaming")) / APP
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP
    return Path(os.environ.get("XDG_DATA_HOME") or _home() / ".local" / "share") / APP


def cache_dir() -> Path:
    """Derived data that can be rebuilt at any time (the fast library index)."""
    override = os.environ.get("SPEECH_COMPOSER_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", _home() / "AppData" / "Local")) / APP / "cache"
    if sys.platform == "darwin":
        return _home() / "Library" / "Caches" / APP
    return Path(os.environ.get("XDG_CACHE_HOME") or _home() / ".cache") / APP


def resources_dir() -> Path:
    """The bundled resources: beside the package in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"
