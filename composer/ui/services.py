"""The UI's calls into the text pipeline, the statistics and the export, in one place.

These functions belong to other packages (``composer.core.cleanup``, ``composer.core.structure``,
``composer.core.stats``, ``composer.export``); the UI reaches them only through here, so that a
change of their signatures touches one module.  The heavier ones are imported on first use to
keep the program's start-up short.
"""

from __future__ import annotations

import os

from ..core.speech import Speech
from ..core.stats import SpeechStats, speech_stats


def clean_paste(text: str) -> list[str]:
    """Pasted text from Word or a web page as clean paragraphs."""
    from ..core.cleanup import clean_paste as pipeline
    return pipeline(text)


def speech_from_text(text: str) -> Speech:
    """A whole speech recognised in pasted text (title, salutation, 一、…, closing)."""
    from ..core.structure import speech_from_text as recognise
    return recognise(text)


def statistics(speech: Speech, rate: int, level3_style: str = "1.") -> SpeechStats:
    return speech_stats(speech, rate, level3_style)


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


def export_docx(speech: Speech, path: str | os.PathLike, profile: str | None) -> None:
    """Write the speech as an official-format .docx atomically; raises ComposerError."""
    from ..export import export_docx as write
    write(speech, path, profile or None)
