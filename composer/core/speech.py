"""The speech tree: head fields, opening, a body of nested sections, closing.

**Levels.**  1 = 一、, 2 = （一）, 3 = 1., 4 = （1）; at most four.  A section's level is its
parent's level plus one plus its own ``skip`` (a level-1 section's parent is the body, level 0):

    level(section) = level(parent) + 1 + section.skip

``skip`` is the number of levels the section skips below its parent, 0 for nearly every section.
It exists so that a document's own hierarchy survives import and export: a speech whose outermost
headings are （一） has skip 1 on each of them, a 1. list straight under 一、 has skip 1 on each
item.  Without it, the level would be the depth, and every such document would be recast (the
（一） speech printed as 一、, the 1. list as （一）).

Why a skip relative to the parent, and not an absolute level stored on every section:

* Where nothing is skipped (every speech written in the program, every old file, the example)
  skip is 0 everywhere, and everything that held before still holds by construction: a child is
  exactly one level below its parent, the level is the depth, a file has no new key.
* A section moves with its subtree, and a skip is relative, so a move keeps the subtree's shape:
  the 1. list under 一、 stays a 1. list under the 一、 it is moved to (or is refused, saying
  why, where it would go below level 4).  An absolute level would have to be rewritten over the
  whole subtree at every move, and could contradict the parent's.
* A child can never sit at or above its parent's level: skip is never negative.

``Speech.walk()`` and ``Speech.locate()`` give the level so computed, and ``Section.height()``
counts the skipped levels, so the consumers of levels (numbering, the printed blocks, the .docx
styles, the pages, the outline, the checks) take the right level without knowing about skips.
Numbers are never stored: ``numbering.py`` computes them from position and level.  The
proofreader reports a skip (``ordinal.skipped-level``): the program keeps the document's
hierarchy, and tells the writer, who can remove the skip with 升级 (``operations.promote``).

Sections carry a stable ``id`` for the lifetime of the program (not saved to files).  Every edit
refers to sections by id and moves the section objects themselves, never copies, so text cannot be
lost or duplicated by a move.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from collections.abc import Iterator

MAX_LEVEL = 4

# Paragraph containers outside the section tree.  Section ids are "s<number>", so they never clash.
OPENING = "opening"
CLOSING = "closing"
# The head fields as one place in the outline (title, speaker, date …).
HEAD = "head"

HEAD_FIELDS = ("title", "subtitle", "speaker", "date", "salutation")
# The optional 落款 at the end: the 单位 and its date (the speech's date when left empty).
SIGNATURE_FIELDS = ("signature", "signature_date")
# Every text field of the speech itself (not of a section), as edits and searches name them.
TEXT_FIELDS = HEAD_FIELDS + SIGNATURE_FIELDS

_ids = itertools.count(1)


def new_id() -> str:
    return f"s{next(_ids)}"


@dataclass(eq=False)
class Section:
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    # Export the heading as a run-in sentence at the start of the first paragraph
    # (「（一）压实责任。正文……」) instead of on a line of its own.
    run_in: bool = False
    id: str = field(default_factory=new_id)
    # Ids of the library snippets whose text went into this section (the snippet it was
    # inserted from, body-text snippets added to it), for the usage history.  Saved.
    snippets: list[str] = field(default_factory=list)
    # Levels skipped below the parent (see the module notes): 0 for nearly every section.  Saved
    # only when it is not 0.
    skip: int = 0

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def height(self) -> int:
        """Levels this subtree takes below its parent's level: its own skip, its own level and
        its deepest sub-section's (1 for a section without skip and without children).  So a
        section fits under a parent of level P when P + height() <= MAX_LEVEL."""
        return self.skip + 1 + max((child.height() for child in self.children), default=0)

    def content(self) -> tuple:
        """The section's text and structure without ids, for comparing trees."""
        return (self.heading, tuple(self.paragraphs), self.run_in,
                tuple(child.content() for child in self.children), self.skip)

    def copy(self) -> Section:
        """A deep copy with fresh ids (used when inserting a library snippet twice)."""
        return Section(self.heading, list(self.paragraphs),
                       [child.copy() for child in self.children], self.run_in,
                       snippets=list(self.snippets), skip=self.skip)


@dataclass(frozen=True)
class IgnoredFinding:
    """A proofreading finding the writer chose to ignore (忽略), kept in the speech file.

    Remembered by the rule and the excerpt around the finding (``proofread.Finding.key``), not by
    its position, so it stays ignored when text elsewhere changes.
    """
    rule: str
    excerpt: str


@dataclass(eq=False)
class Speech:
    title: str = ""
    subtitle: str = ""
    speaker: str = ""
    date: str = ""
    salutation: str = ""
    opening: list[str] = field(default_factory=list)
    body: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    # The writer's substitution table (我院 → 我局 …), applied to borrowed text: ordered pairs
    # (composer/core/adaptation.py).  Saved with the speech.
    substitutions: list[tuple[str, str]] = field(default_factory=list)
    # Library snippets used in the opening and the closing (sections keep their own).
    opening_snippets: list[str] = field(default_factory=list)
    closing_snippets: list[str] = field(default_factory=list)
    # Proofreading findings the writer ignored (see IgnoredFinding).
    ignored: list[IgnoredFinding] = field(default_factory=list)
    # The time budget: the speaking time aimed at, in minutes, and this speaker's rate in
    # characters a minute (None: the rate from the settings).
    target_minutes: float | None = None
    speaking_rate: int | None = None
    signature: str = ""
    signature_date: str = ""

    def walk(self) -> Iterator[tuple[Section, int]]:
        """Every section with its level (its parent's + 1 + its skip), in reading order."""
        stack = [(section, 1 + section.skip) for section in reversed(self.body)]
        while stack:
            section, level = stack.pop()
            yield section, level
            stack.extend((child, level + 1 + child.skip) for child in reversed(section.children))

    def locate(self, section_id: str) -> tuple[Section | None, int, int]:
        """(parent, index in parent, level) of a section; parent None means the body.

        Raises KeyError when there is no such section.
        """
        # Each entry: a parent, its children, and the parent's level (0 for the body).
        stack: list[tuple[Section | None, list[Section], int]] = [(None, self.body, 0)]
        while stack:
            parent, siblings, parent_level = stack.pop()
            for index, section in enumerate(siblings):
                level = parent_level + 1 + section.skip
                if section.id == section_id:
                    return parent, index, level
                if section.children:
                    stack.append((section, section.children, level))
        raise KeyError(section_id)

    def find(self, section_id: str) -> Section:
        parent, index, _ = self.locate(section_id)
        return self.children_of(parent.id if parent else None)[index]

    def children_of(self, parent_id: str | None) -> list[Section]:
        """The list a section with this parent lives in (the body for None)."""
        return self.body if parent_id is None else self.find(parent_id).children

    def paragraphs_of(self, container: str) -> list[str]:
        """The paragraph list named by a container key: OPENING, CLOSING or a section id."""
        if container == OPENING:
            return self.opening
        if container == CLOSING:
            return self.closing
        return self.find(container).paragraphs

    def snippets_of(self, container: str) -> list[str]:
        """The snippet-id list of a paragraph container: OPENING, CLOSING or a section id."""
        if container == OPENING:
            return self.opening_snippets
        if container == CLOSING:
            return self.closing_snippets
        return self.find(container).snippets

    def content(self) -> tuple:
        """The speech's text and structure without ids, for comparing speeches."""
        return (self.title, self.subtitle, self.speaker, self.date, self.salutation,
                tuple(self.opening), tuple(s.content() for s in self.body), tuple(self.closing),
                self.signature, self.signature_date)
