"""The program's settings, kept by QSettings in the platform's standard place.

Every read and write goes through this module, so the keys and their defaults are in one place
and the tests can redirect the whole store to a temp folder (``use_folder``).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

from ..core.stats import DEFAULT_RATE, MAX_RATE, MIN_RATE
from ..io.backups import DEFAULT_KEEP as DEFAULT_KEEP_BACKUPS

ORGANIZATION = "speech-composer"
APPLICATION = "speech-composer"
MAX_RECENT = 10
LANGUAGES = ("system", "zh", "en")
MAX_KEEP_BACKUPS = 99

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
    try:
        return store().value(key, default)
    except Exception:
        return default


def _set(key: str, value) -> None:
    s = store()
    s.setValue(key, value)
    s.sync()


# The settings file is the user's to edit and may be damaged, come from another version, or
# hold typed values (``@Variant(...)``, ``@Rect(...)``): every getter checks the type of what it
# reads and falls back to the default instead of passing on something the program cannot use.

def _usable_text(value) -> bool:
    return isinstance(value, str) and "\0" not in value


def _get_str(key: str, default: str = "") -> str:
    value = _get(key, default)
    return value if _usable_text(value) else default


def _get_list(key: str) -> list[str]:
    """A list of non-empty strings.  An INI file gives back a plain string for a one-item list
    and None for an empty one; anything else that is not a list counts as empty."""
    value = _get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [item for item in value if _usable_text(item) and item]


def _get_int(key: str, default: int, lowest: int, highest: int) -> int:
    value = _get(key, default)
    if isinstance(value, bool):
        return default
    try:
        number = int(value) if isinstance(value, (int, float, str)) else default
    except (ValueError, OverflowError):
        return default
    return number if lowest <= number <= highest else default


def _get_bool(key: str, default: bool) -> bool:
    value = _get(key, default)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default


# --- language ------------------------------------------------------------------------------------

def language_choice() -> str:
    value = _get_str("ui/language", "system")
    return value if value in LANGUAGES else "system"


def set_language_choice(value: str) -> None:
    _set("ui/language", value if value in LANGUAGES else "system")


# --- files ---------------------------------------------------------------------------------------

def recent_files() -> list[str]:
    return _get_list("files/recent")[:MAX_RECENT]


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
    return _get_str("files/last_folder")


def set_last_folder(folder: str) -> None:
    _set("files/last_folder", folder)


def first_start() -> bool:
    """True until the program has been started once (a new user sees the example speech)."""
    return not _get_bool("app/started", False)


def mark_started() -> None:
    _set("app/started", "true")


# --- library and export ----------------------------------------------------------------------------

def library_folders() -> list[str]:
    return _get_list("library/folders")


def set_library_folders(folders: list[str]) -> None:
    _set("library/folders", list(folders))


def archive_folders() -> list[str]:
    """The folders of past speeches that 查重 compares the open speech with."""
    return _get_list("archive/folders")


def set_archive_folders(folders: list[str]) -> None:
    _set("archive/folders", list(folders))


def share_usage() -> bool:
    """Whether snippet uses are also recorded in the shared library folders (the office opts
    in), so that colleagues see them; off by default."""
    return _get_bool("library/share_usage", False)


def set_share_usage(share: bool) -> None:
    _set("library/share_usage", bool(share))


def library_sort_unused() -> bool:
    """Whether the library lists the snippets not used recently first."""
    return _get_bool("library/sort_unused", False)


def set_library_sort_unused(on: bool) -> None:
    _set("library/sort_unused", bool(on))


def format_profile() -> str:
    """The chosen format profile, or "" for the default one (also when the chosen profile is no
    longer there: exporting must not fail over a setting)."""
    name = _get_str("export/profile")
    if not name:
        return ""
    from . import services
    return name if name in services.profile_names() else ""


def set_format_profile(name: str) -> None:
    _set("export/profile", name)


def speaking_rate() -> int:
    return _get_int("stats/rate", DEFAULT_RATE, MIN_RATE, MAX_RATE)


def set_speaking_rate(rate: int) -> None:
    _set("stats/rate", max(MIN_RATE, min(MAX_RATE, int(rate))))


def font_notice_seen() -> str:
    """The font notice the writer asked not to be shown again (its text), or ""."""
    return _get_str("export/font_notice_seen")


def set_font_notice_seen(text: str) -> None:
    _set("export/font_notice_seen", text)


def keep_backups() -> int:
    """How many earlier versions of each speech (and of the user's library) to keep."""
    return _get_int("files/keep_backups", DEFAULT_KEEP_BACKUPS, 0, MAX_KEEP_BACKUPS)


def set_keep_backups(count: int) -> None:
    _set("files/keep_backups", max(0, min(MAX_KEEP_BACKUPS, int(count))))


# --- window layout ---------------------------------------------------------------------------------

def window_state(name: str) -> QByteArray | None:
    value = _get(f"window/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_window_state(name: str, value: QByteArray) -> None:
    _set(f"window/{name}", value)
