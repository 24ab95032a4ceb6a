"""The UI's calls into the text pipeline, the statistics and the export, in one place.

These functions belong to other packages (``composer.core.cleanup``, ``composer.core.structure``,
``composer.core.stats``, ``composer.export``); the UI reaches them only through here, so that a
change of their signatures touches one module.  The heavier ones are imported on first use to
keep the program's start-up short.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from ..core.speech import Speech
from ..core.stats import SpeechStats, Summary, speech_stats, summary


def clean_paste(text: str) -> list[str]:
    """Pasted text from Word or a web page as clean paragraphs."""
    from ..core.cleanup import clean_paste as pipeline
    return pipeline(text)


def plan_paste(text: str):
    """Pasted text through the import pipeline: paragraphs before any heading, and the pasted
    headings as sections (core.paste.PastePlan)."""
    from ..core.paste import plan_paste as plan
    return plan(text)


def paste_sections(speech: Speech, container: str, plan):
    """The edit that puts pasted headings after the edited container (see core/paste.py)."""
    from ..core.paste import paste_sections as build
    return build(speech, container, plan)


def speech_from_text(text: str) -> Speech:
    """A whole speech recognised in pasted text (title, salutation, 一、…, closing)."""
    from ..core.structure import speech_from_text as recognise
    return recognise(text)


def statistics(speech: Speech, rate: int, level3_style: str = "1.") -> SpeechStats:
    return speech_stats(speech, rate, level3_style)


def status_summary(speech: Speech, rate: int, section_id: str | None,
                   markers: dict[str, str]) -> Summary:
    """The status bar's figures (each text counted once and remembered: cheap after an edit)."""
    return summary(speech, rate, section_id, markers)


def profile_names() -> list[str]:
    from ..export import available_profiles
    return available_profiles()


def profile_label(name: str) -> str:
    """The profile's name for people (its label in the UI language), or the name itself."""
    from ..core.errors import ComposerError
    from ..export import load_profile
    try:
        return load_profile(name).label or name
    except ComposerError:
        return name


def level3_style(profile: str | None) -> str:
    """How the profile numbers level-3 headings (「1.」 or 「1、」), for the outline."""
    from ..core.errors import ComposerError
    from ..export import load_profile
    try:
        return load_profile(profile or None).level3_style
    except ComposerError:
        return "1."


def format_profile(name: str | None) -> Any:
    """The format profile (export.Profile) the document view draws with: the named one, or the
    standard one when that cannot be read (the export then says why)."""
    from ..core.errors import ComposerError
    from ..export import load_profile
    try:
        return load_profile(name or None)
    except ComposerError:
        return load_profile(None)


def export_docx(speech: Speech, path: str | os.PathLike, profile: str | None,
                copy: str = "full", rate: int | None = None) -> None:
    """Write the speech (or its outline copy: copy "outline" or "outline_sentences") as an
    official-format .docx atomically; ``rate`` times the podium copy's pages.  Raises
    ComposerError."""
    from ..export import export_docx as write
    write(speech, path, profile or None, copy=copy, rate=rate)


def font_notices(profile: str | None, is_installed) -> list[str]:
    """What the export will do about the profile's fonts this machine lacks (one line each);
    ``is_installed(name)`` says whether a font family is installed."""
    from ..core.errors import ComposerError
    from ..export import font_check, load_profile
    try:
        return font_check.notices(load_profile(profile or None), is_installed)
    except ComposerError:
        return []       # a broken profile is reported by the export itself


def installed_checker(families):
    """``is_installed(name)`` over font family names (case and spaces ignored)."""
    from ..export.font_check import installed_checker as checker
    return checker(families)


def title_lines(title: str, profile: str | None) -> list[str]:
    """How the title will break into lines in the export (the writer's breaks, then breaks
    between words for a part too long for one line)."""
    from ..core.errors import ComposerError
    from ..export import layout, load_profile
    try:
        resolved = load_profile(profile or None)
    except ComposerError:
        resolved = load_profile(None)
    return layout.title_text(title, resolved).split("\n") if title.strip() else []


# --- editing format profiles (the settings dialog's 格式方案 editor) ------------------------------

class ProfileStart(NamedTuple):
    """What the format-profile editor starts from."""
    profile: Any        # export.Profile: the profile being edited
    bundled: bool       # a bundled profile: read-only, saving makes a new user profile
    base_name: str      # the base the saved file names
    base: Any           # export.Profile: that base (the file holds what differs from it)
    kept: dict          # the keys the user's file holds ({} for a bundled profile)


def profile_for_editing(name: str) -> ProfileStart:
    """The editor's starting point.  A bundled profile is its own base; a user profile keeps
    the base its file names and every key it holds, so that keys the editor does not show
    survive an edit.  Raises ComposerError when the profile cannot be read."""
    from ..export import load_profile, profiles
    profile = load_profile(name)
    if profiles.is_bundled(name):
        return ProfileStart(profile, True, name, profile, {})
    data = profiles.read_user_profile(name)
    return ProfileStart(profile, False, data.get("base", profiles.DEFAULT_PROFILE),
                        profiles.base_of(data), data)


def user_profile_exists(name: str) -> bool:
    """Whether saving as NAME replaces a file; ComposerError when NAME cannot be a profile."""
    from ..export import profiles
    return profiles.user_profile_path(name).exists()


def save_profile(name: str, data: dict):
    """Write and check the user profile NAME (see export.profiles.save_user_profile)."""
    from ..export import profiles
    return profiles.save_user_profile(name, data)


def font_name_limit() -> int:
    """The longest font name a profile may hold (Word's limit)."""
    from ..export.profiles import MAX_FONT_NAME
    return MAX_FONT_NAME


# --- importing (File › 导入…, dropped files, 粘贴为新讲稿) -------------------------------------------

IMPORTABLE = (".docx", ".doc", ".wps", ".txt", ".text", ".md", ".markdown")


def is_importable(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(IMPORTABLE)


def import_files(paths: list[str], keep: list[str] | None = None):
    """Read and analyse files for the import preview (core.importer.Analysis); raises
    ComposerError with a one-line reason when a file cannot be read."""
    from ..io.importing import import_files as analyse_files
    return analyse_files(paths, keep or [])


def import_text(text: str, name: str, keep: list[str] | None = None):
    """Analyse pasted text as an import source (the same pipeline as files)."""
    from ..core.cleanup import split_lines
    from ..core.importer import analyse
    from ..core.cleanup import Line
    return analyse([(name, [Line(line) for line in split_lines(text)])], keep or [])
