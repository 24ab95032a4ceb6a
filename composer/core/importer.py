"""The import pipeline without files: source lines → cleaned paragraphs → speeches → snippets.

``io/importing.py`` reads the files and writes the results; this module decides everything else,
so the application and the command line import the same way.

**Nothing is removed silently.**  Every piece the cleanup drops is in ``Analysis.removed`` with
its reason and source, and the Chinese characters are accounted for: those of the source lines
equal those of the speeches found (head fields, headings with the markers the numbering
replaces, paragraphs, back matter), plus those removed.
``Analysis.unaccounted`` is that difference; it is 0 unless there is a bug, and the window and
``import --json`` show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Iterable

from . import boilerplate
from .cleanup import Line, clean_lines
from .errors import ComposerError
from .i18n import pick
from .library import Snippet
from .library_builder import LibraryBuilder, speech_duplicates
from .near_duplicates import TextSketches
from .speech import MAX_LEVEL, Speech
from .structure import Outline, detect_speeches

# Everything but Chinese characters, in runs: deleting the runs (one match per run of
# punctuation, digits or Latin) is about twice as fast on a long import as one match per
# character.
_NOT_HAN = re.compile("[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def han_count(text: str) -> int:
    """Chinese characters in a text (what the accounting counts)."""
    return len(_NOT_HAN.sub("", text))


@dataclass
class FoundSpeech:
    speech: Speech
    source_file: str
    duplicate_of: int | None = None      # index of an earlier speech it nearly repeats
    outline: Outline = field(default_factory=Outline)

    # A section's level is the speech's own (its skip keeps what its marker said, see
    # structure.py), so what the preview shows, the --json counts and the export agree.

    def levels(self) -> dict[str, int]:
        counts = {str(level): 0 for level in range(1, MAX_LEVEL + 1)}
        for _, level in self.speech.walk():
            counts[str(level)] += 1
        return counts

    def headings(self, level: int) -> list[str]:
        return [section.heading for section, at in self.speech.walk() if at == level]

    def paragraph_count(self) -> int:
        speech = self.speech
        return (len(speech.opening) + len(speech.closing)
                + sum(len(section.paragraphs) for section, _ in speech.walk()))

    def back_matter(self) -> list[str]:
        count = self.outline.back_matter
        return self.speech.closing[len(self.speech.closing) - count:] if count else []

    def all_text(self) -> str:
        """Every word the speech holds, with the markers its numbering replaces."""
        speech = self.speech
        parts = [speech.title, speech.subtitle, speech.speaker, speech.date, speech.salutation,
                 *speech.opening]
        for section, _ in speech.walk():
            parts.append(self.outline.markers.get(section.id, ""))
            parts.append(section.heading)
            parts.extend(section.paragraphs)
        parts.extend(speech.closing)
        return "\n".join(parts)


@dataclass
class RemovedPiece:
    text: str
    reason: str          # a code of boilerplate.REASONS
    source_file: str
    at: int = 0          # paragraphs kept before it in its source

    def why(self) -> str:
        zh, en = boilerplate.REASONS.get(self.reason, (self.reason, self.reason))
        return pick(zh, en)


@dataclass
class Analysis:
    """What an import found, before anything is written."""
    found: list[FoundSpeech] = field(default_factory=list)
    removed: list[RemovedPiece] = field(default_factory=list)
    han_in: int = 0
    han_out: int = 0
    han_removed: int = 0
    # The paragraphs' sketches, made for finding near-duplicate speeches and reused when the
    # speeches go into a library.
    sketches: TextSketches = field(default_factory=TextSketches, repr=False)

    @property
    def unaccounted(self) -> int:
        return self.han_in - self.han_out - self.han_removed


@dataclass
class LibraryImport:
    found: list[FoundSpeech]
    added: list[Snippet] = field(default_factory=list)
    skipped: int = 0


def analyse(sources: Iterable[tuple[str, list[Line]]], keep: Iterable[str] = ()) -> Analysis:
    """Every speech in the sources (name, lines), with near-duplicate speeches marked, what was
    removed and the accounting.  ``keep``: removed texts the writer put back.

    Raises ComposerError when a source holds no text at all once cleaned.
    """
    kept = list(keep)
    result = Analysis()
    for name, lines in sources:
        lines = list(lines)
        cleaned = clean_lines(lines, kept)
        detected = detect_speeches(cleaned.paragraphs)
        if not detected.speeches:
            raise ComposerError(f"{name}：清理后没有剩下任何讲话正文。",
                                f"{name}: no speech text is left after the cleanup.")
        found = [FoundSpeech(speech, name, outline=outline)
                 for speech, outline in zip(detected.speeches, detected.outlines)]
        result.found.extend(found)
        result.removed.extend(RemovedPiece(str(piece), piece.reason, name, piece.at)
                              for piece in cleaned.removed)
        result.han_in += han_count("\n".join(line.text if isinstance(line, Line) else line
                                             for line in lines))
        result.han_out += han_count("\n".join(item.all_text() for item in found))
        result.han_removed += han_count("\n".join(cleaned.removed))
        del lines, cleaned, detected      # a big source's lines are not needed any more
    duplicates = speech_duplicates([f.speech for f in result.found], result.sketches)
    for item, duplicate in zip(result.found, duplicates):
        item.duplicate_of = duplicate
    return result


def find_speeches(sources: Iterable[tuple[str, list[Line]]]) -> list[FoundSpeech]:
    """Every speech in the sources (name, lines), with near-duplicate speeches marked."""
    return analyse(sources).found


def import_into_library(found: list[FoundSpeech], existing: list[Snippet],
                        id_prefix: str = "imp",
                        sketches: TextSketches | None = None) -> LibraryImport:
    """The snippets the found speeches add to a library already holding ``existing``
    (``sketches``: those ``analyse`` made, to hash nothing twice)."""
    builder = LibraryBuilder(existing, id_prefix, sketches)
    result = LibraryImport(found)
    for item in found:
        original = found[item.duplicate_of].speech if item.duplicate_of is not None else None
        built = builder.add_speech(item.speech, item.source_file, original)
        result.added.extend(built.added)
        result.skipped += built.skipped
    return result


def summary(found: list[FoundSpeech], added: int = 0, skipped: int = 0,
            analysis: Analysis | None = None) -> dict:
    """The ``--json`` object of ``speech-composer import``."""
    data = {
        "speeches": [{"title": item.speech.title, "source": item.source_file,
                      "levels": item.levels(), "paragraphs": item.paragraph_count(),
                      "back_matter": len(item.back_matter()),
                      "duplicate_of": item.duplicate_of} for item in found],
        "snippets_added": added,
        "duplicates_skipped": skipped,
    }
    if analysis is not None:
        data["removed"] = [{"text": piece.text, "reason": piece.reason,
                            "source": piece.source_file} for piece in analysis.removed]
        data["characters"] = {"in": analysis.han_in, "out": analysis.han_out,
                              "removed": analysis.han_removed,
                              "unaccounted": analysis.unaccounted}
    return data
