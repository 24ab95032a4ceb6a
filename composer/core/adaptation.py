"""Making borrowed text your own: the speech's substitution table (我院 → 我局, 学院 → 本局 …).

A paragraph copied from another unit's speech still says 我院 in a 局's speech, or 省级 where
this unit strives for 市级.  The writer keeps a table of such pairs with the speech; it is applied

* to a library snippet as it is inserted (the writer sees a preview of every change first), and
* on demand to the whole speech, as one edit (one undo step).

**How a table applies.**  All pairs at once, never one after another: at each position the
longest text to find that starts there wins, and replaced text is not looked at again.  So
「学院 → 本局」 and 「我院 → 我局」 can stand in one table in any order, and 「局 → 院」 beside
「院 → 局」 swaps the two instead of undoing itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .edits import Changes, Edit, SetField, SetParagraph, TextReplacement
from .errors import ComposerError
from .library import Snippet
from .speech import CLOSING, HEAD_FIELDS, OPENING, Section, Speech

Table = list[tuple[str, str]]

CONTEXT = 12   # characters shown on each side of a change in the preview


@dataclass(frozen=True)
class Change:
    """One replacement in a text: where it was (in the original), what, and around it."""
    start: int
    end: int
    old: str
    new: str
    before: str = ""   # up to CONTEXT characters of the original text before and after it
    after: str = ""


def check_table(pairs) -> Table:
    """A clean table from (find, replacement) pairs: surrounding blanks removed, empty rows
    dropped.  Raises ComposerError for a pair with nothing to find, or a text to find given
    twice (which replacement would be meant?)."""
    table: Table = []
    seen: dict[str, int] = {}
    for number, (find, replacement) in enumerate(pairs, start=1):
        find, replacement = find.strip(), replacement.strip()
        if not find and not replacement:
            continue
        if not find:
            raise ComposerError(f"第 {number} 行：没有写要替换的原文。",
                                f"Row {number}: the text to replace is empty.")
        if find in seen:
            raise ComposerError(f"第 {number} 行：“{find}”在第 {seen[find]} 行已经有了。",
                                f"Row {number}: {find!r} is already in row {seen[find]}.")
        seen[find] = number
        if find != replacement:
            table.append((find, replacement))
    return table


def _pattern(table: Table) -> re.Pattern | None:
    return _compiled(tuple(table))


@lru_cache(maxsize=16)
def _compiled(table: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    finds = sorted({find for find, _ in table if find}, key=len, reverse=True)
    # Longest first: Python's alternation takes the first alternative that matches.
    return re.compile("|".join(map(re.escape, finds))) if finds else None


def _count_and_substitute(text: str, table: Table) -> tuple[str, int]:
    pattern = _pattern(table)
    if pattern is None:
        return text, 0
    lookup = dict(table)
    return pattern.subn(lambda m: lookup[m.group()], text)


def changes_in(text: str, table: Table) -> list[Change]:
    """Every replacement the table makes in a text, left to right, with context."""
    pattern = _pattern(table)
    if pattern is None:
        return []
    lookup = dict(table)
    return [Change(m.start(), m.end(), m.group(), lookup[m.group()],
                   text[max(0, m.start() - CONTEXT):m.start()], text[m.end():m.end() + CONTEXT])
            for m in pattern.finditer(text)]


def substitute(text: str, table: Table) -> str:
    """The text with the table applied."""
    pattern = _pattern(table)
    if pattern is None:
        return text
    lookup = dict(table)
    return pattern.sub(lambda m: lookup[m.group()], text)


def adapt_section(section: Section, table: Table) -> tuple[Section, int]:
    """A copy of a section (fresh ids, same snippet record) with the table applied to its
    headings and paragraphs, and the number of replacements."""
    count = 0

    def adapt(text: str) -> str:
        nonlocal count
        count += len(changes_in(text, table))
        return substitute(text, table)

    def copy(source: Section) -> Section:
        return Section(adapt(source.heading), [adapt(p) for p in source.paragraphs],
                       [copy(c) for c in source.children], source.run_in,
                       snippets=list(source.snippets), skip=source.skip)
    return copy(section), count


def adapt_snippet(snippet: Snippet, table: Table) -> Snippet:
    """A copy of a library snippet, same id, with the table applied to its text (what is
    inserted after the writer accepted the preview).  The library's own snippet is untouched."""
    section, _ = adapt_section(snippet.to_section(), table)
    return Snippet(snippet.id, snippet.level, section.heading, section.paragraphs,
                   section.children, snippet.kind, list(snippet.tags), snippet.source_file,
                   snippet.source_title, snippet.run_in)


def snippet_changes(snippet: Snippet, table: Table) -> list[Change]:
    """Every change the table would make in a library snippet, in reading order."""
    return section_changes(snippet.to_section(), table)


def section_changes(section: Section, table: Table) -> list[Change]:
    """Every change the table would make in a section and its sub-sections, in reading order
    (the preview before a snippet is inserted)."""
    found: list[Change] = []
    for part in section.walk():
        for text in (part.heading, *part.paragraphs):
            found += changes_in(text, table)
    return found


def speech_edit(speech: Speech, table: Table) -> TextReplacement:
    """The edit that applies the table to the whole speech (head fields, opening, headings,
    paragraphs, closing), not yet applied; its ``count`` is the number of replacements.
    Applying it is one undo step."""
    edits: list[Edit] = []
    count = 0
    pattern = _pattern(table)
    if pattern is None:
        return TextReplacement([], 0)

    def replaced(text: str) -> str | None:
        nonlocal count
        if not pattern.search(text):   # most texts: one quick scan, nothing built
            return None
        new, found = _count_and_substitute(text, table)
        count += found
        return new

    def paragraphs(container: str, texts: list[str]) -> None:
        for index, text in enumerate(texts):
            new = replaced(text)
            if new is not None:
                edits.append(SetParagraph(container, index, new))

    for name in HEAD_FIELDS:
        new = replaced(getattr(speech, name))
        if new is not None:
            edits.append(SetField(None, name, new))
    paragraphs(OPENING, speech.opening)
    for section, _ in speech.walk():
        new = replaced(section.heading)
        if new is not None:
            edits.append(SetField(section.id, "heading", new))
        paragraphs(section.id, section.paragraphs)
    paragraphs(CLOSING, speech.closing)
    return TextReplacement(edits, count)


@dataclass
class SetSubstitutions(Edit):
    """The edit that replaces the speech's substitution table (undoable like any edit)."""
    table: Table

    def apply(self, speech: Speech) -> SetSubstitutions:
        old = list(speech.substitutions)
        speech.substitutions = list(self.table)
        return SetSubstitutions(old)

    def changes(self) -> Changes:
        return Changes(head=True)   # the table is shown and edited with the head fields
