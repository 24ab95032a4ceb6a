"""The program's settings, kept by QSettings in the platform's standard place.

Every read and write goes through this module, so the keys and their defaults are in one place
and the tests can redirect the whole store to a temp folder (``use_folder``).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

from ..core.stats import DEFAULT_RATE, MAX_RATE, MIN_RATE

ORGANIZATION = "speech-composer"
APPLICATION = "speech-composer"
MAX_RECENT = 10
LANGUAGES = ("system", "zh", "en")

_folder: str | None = None


def use_folder(folder: str | None) -> None:
    """Keep the settings in an INI file in this folder (tests), or None for the standard place."""
    global _folder
    _folder = folder


def store() -> QSettings:
    if _folder is not None:
        return QSettings(os.path.join(_folder, "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)


def _get(key: str, default=None):
    return store().value(key, default)


def _set(key: str, value) -> None:
    s = store()
    s.setValue(key, value)
    s.sync()


def _as_list(value) -> list[str]:
    # An INI file gives back a plain string for a one-item list and None for an empty one.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


# --- language ------------------------------------------------------------------------------------

def language_choice() -> str:
    value = str(_get("ui/language", "system"))
    return value if value in LANGUAGES else "system"


def set_language_choice(value: str) -> None:
    _set("ui/language", value if value in LANGUAGES else "system")


# --- files ---------------------------------------------------------------------------------------

def recent_files() -> list[str]:
    return _as_list(_get("files/recent"))


def add_recent_file(path: str) -> list[str]:
    path = os.path.abspath(path)
    files = [path] + [p for p in recent_files() if os.path.abspath(p) != path]
    files = files[:MAX_RECENT]
    _set("files/recent", files)
    return files


def remove_recent_file(path: str) -> None:
    _set("files/recent", [p for p in recent_files() if p != path])


def clear_recent_files() -> None:
    _set("files/recent", [])


def last_folder() -> str:
    return str(_get("files/last_folder", "") or "")


def set_last_folder(folder: str) -> None:
    _set("files/last_folder", folder)


def first_start() -> bool:
    """True until the program has been started once (a new user sees the example speech)."""
    return str(_get("app/started", "false")).lower() != "true"


def mark_started() -> None:
    _set("app/started", "true")


# --- library and export ----------------------------------------------------------------------------

def library_folders() -> list[str]:
    return _as_list(_get("library/folders"))


def set_library_folders(folders: list[str]) -> None:
    _set("library/folders", list(folders))


def format_profile() -> str:
    return str(_get("export/profile", "") or "")


def set_format_profile(name: str) -> None:
    _set("export/profile", name)


def speaking_rate() -> int:
    try:
        rate = int(_get("stats/rate", DEFAULT_RATE))
    except (TypeError, ValueError):
        return DEFAULT_RATE
    return rate if MIN_RATE <= rate <= MAX_RATE else DEFAULT_RATE


def set_speaking_rate(rate: int) -> None:
    _set("stats/rate", max(MIN_RATE, min(MAX_RATE, int(rate))))


# --- window layout ---------------------------------------------------------------------------------

def window_state(name: str) -> QByteArray | None:
    value = _get(f"window/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_window_state(name: str, value: QByteArray) -> None:
    _set(f"window/{name}", value)
