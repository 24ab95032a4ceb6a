"""The import pipeline without files: source lines → cleaned paragraphs → speeches → snippets.

``io/importing.py`` reads the files and writes the results; this module decides everything else,
so the application and the command line import the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterable

from .cleanup import Line, clean_lines
from .errors import ComposerError
from .library import Snippet
from .library_builder import LibraryBuilder, speech_duplicates
from .speech import MAX_LEVEL, Speech
from .structure import detect_speeches


@dataclass
class FoundSpeech:
    speech: Speech
    source_file: str
    duplicate_of: int | None = None      # index of an earlier speech it nearly repeats

    def levels(self) -> dict[str, int]:
        counts = {str(level): 0 for level in range(1, MAX_LEVEL + 1)}
        for _, level in self.speech.walk():
            counts[str(level)] += 1
        return counts

    def paragraph_count(self) -> int:
        speech = self.speech
        return (len(speech.opening) + len(speech.closing)
                + sum(len(section.paragraphs) for section, _ in speech.walk()))


@dataclass
class LibraryImport:
    found: list[FoundSpeech]
    added: list[Snippet] = field(default_factory=list)
    skipped: int = 0


def find_speeches(sources: Iterable[tuple[str, list[Line]]]) -> list[FoundSpeech]:
    """Every speech in the sources (name, lines), with near-duplicate speeches marked.

    Raises ComposerError when a source holds no text at all once cleaned.
    """
    found: list[FoundSpeech] = []
    for name, lines in sources:
        detected = detect_speeches(clean_lines(lines).paragraphs)
        if not detected.speeches:
            raise ComposerError(f"{name}：清理后没有剩下任何讲话正文。",
                                f"{name}: no speech text is left after the cleanup.")
        found.extend(FoundSpeech(speech, name) for speech in detected.speeches)
    for item, duplicate in zip(found, speech_duplicates([f.speech for f in found])):
        item.duplicate_of = duplicate
    return found


def import_into_library(found: list[FoundSpeech], existing: list[Snippet],
                        id_prefix: str = "imp") -> LibraryImport:
    """The snippets the found speeches add to a library already holding ``existing``."""
    builder = LibraryBuilder(existing, id_prefix)
    result = LibraryImport(found)
    for item in found:
        original = found[item.duplicate_of].speech if item.duplicate_of is not None else None
        built = builder.add_speech(item.speech, item.source_file, original)
        result.added.extend(built.added)
        result.skipped += built.skipped
    return result


def summary(found: list[FoundSpeech], added: int = 0, skipped: int = 0) -> dict:
    """The ``--json`` object of ``speech-composer import``."""
    return {
        "speeches": [{"title": item.speech.title, "source": item.source_file,
                      "levels": item.levels(), "paragraphs": item.paragraph_count(),
                      "duplicate_of": item.duplicate_of} for item in found],
        "snippets_added": added,
        "duplicates_skipped": skipped,
    }
