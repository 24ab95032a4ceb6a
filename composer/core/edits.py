"""Edits of a speech as data: each one validated before it changes anything, each exactly
invertible, and each able to say what it touches.

An edit is built first and applied later, by whoever owns the speech (the window's document
applies it and puts it on the undo stack; a test or the command line applies it directly)::

    edit = operations.move_section(speech, section_id, target_id, "after")   # nothing changed yet
    inverse = edit.apply(speech)      # do / redo
    edit = inverse.apply(speech)      # undo

Applying the inverse restores the previous speech exactly (same text, same structure, same
section objects and ids), and returns the original edit again.  An edit that cannot be applied
raises :class:`OperationError` and leaves the speech untouched; a :class:`Batch` undoes the part
it had done before it re-raises.

``changes()`` names what an edit touches (:class:`Changes`), so that views update only what they
show, and so that nothing outside this module needs to know the kinds of edit there are.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from .errors import OperationError
from .speech import MAX_LEVEL, TEXT_FIELDS, Section, Speech


@dataclass
class Changes:
    """What an edit touched."""
    structure: bool = False                              # sections added, removed or moved
    head: bool = False                                   # a head field (title, speaker …)
    headings: set[str] = field(default_factory=set)      # section ids whose heading or run_in changed
    containers: set[str] = field(default_factory=set)    # OPENING, CLOSING or section ids

    def add(self, other: Changes) -> Changes:
        self.structure |= other.structure
        self.head |= other.head
        self.headings |= other.headings
        self.containers |= other.containers
        return self


class Edit(ABC):
    """One change of a speech.  ``apply`` changes the speech and returns the inverse edit."""

    @abstractmethod
    def apply(self, speech: Speech) -> Edit: ...

    @abstractmethod
    def changes(self) -> Changes: ...


# --- checks shared by the edits and the operations ------------------------------------------------

def missing(section_id: str | None) -> OperationError:
    return OperationError(f"找不到要操作的标题（{section_id}）。",
                          f"The section to edit was not found ({section_id}).")


def locate(speech: Speech, section_id: str) -> tuple[str | None, int, int]:
    """(parent id, index, level) of a section, or an OperationError."""
    try:
        parent, index, level = speech.locate(section_id)
    except KeyError:
        raise missing(section_id) from None
    return (parent.id if parent else None), index, level


def siblings(speech: Speech, parent_id: str | None) -> list[Section]:
    """The list a section with this parent lives in (the body for None)."""
    try:
        return speech.children_of(parent_id)
    except KeyError:
        raise missing(parent_id) from None


def parent_level(speech: Speech, parent_id: str | None) -> int:
    """Level of a parent section (0 for the body)."""
    return 0 if parent_id is None else locate(speech, parent_id)[2]


def check_depth(parent_level: int, height: int, skip: int = 0) -> None:
    """Refuse a subtree of this height (``Section.height()``, skipped levels counted) under a
    parent of this level when it would go below 4.  ``skip``: the levels the subtree's top
    skips, which the height includes; when it is part of the reason, the message says so."""
    deepest = parent_level + height
    if deepest > MAX_LEVEL:
        if skip:
            raise OperationError(
                f"提纲最多四级（一、（一）1.（1）），这样放会出现第{deepest}级"
                f"（这个标题跳过了{skip}级，可先升级去掉跳过的层级）。",
                f"The outline has at most four levels; this would create level {deepest} "
                f"(this section skips {skip} level{'s' if skip > 1 else ''}; promote it first to "
                f"remove the skip).")
        raise OperationError(
            f"提纲最多四级（一、（一）1.（1）），这样放会出现第{deepest}级。",
            f"The outline has at most four levels; this would create level {deepest}.")


def check_section_depth(speech: Speech, parent_id: str | None, section: Section) -> None:
    """Refuse a section with its subtree (and its own skip) under a parent where it would go
    below level 4."""
    check_depth(parent_level(speech, parent_id), section.height(), section.skip)


def check_skip(skip: object) -> int:
    if not isinstance(skip, int) or isinstance(skip, bool) or not 0 <= skip < MAX_LEVEL:
        raise OperationError("跳过的层级数不对。", f"A section's skip must be 0–{MAX_LEVEL - 1}.")
    return skip


def check_index(index: int, size: int) -> None:
    if not 0 <= index <= size:
        raise OperationError(f"位置 {index} 超出范围。", f"Position {index} is out of range.")


def paragraphs_of(speech: Speech, container: str) -> list[str]:
    try:
        return speech.paragraphs_of(container)
    except KeyError:
        raise missing(container) from None


def check_paragraph(paragraphs: list[str], index: int) -> None:
    if not 0 <= index < len(paragraphs):
        raise OperationError(f"没有第 {index + 1} 段。", f"There is no paragraph {index + 1}.")


def check_move(speech: Speech, section: Section, parent_id: str | None) -> None:
    """Refuse moving a section into itself, into one of its own sub-sections, or deeper than
    four levels.  The one statement of these rules: moves, drops and their previews use it.
    A moved section keeps its skip (it is relative to its parent), so the skipped levels count."""
    if parent_id is not None and any(s.id == parent_id for s in section.walk()):
        raise OperationError("不能把标题移到它自己或它的下级里面。",
                             "A section cannot be moved into itself or its own subsections.")
    check_section_depth(speech, parent_id, section)


# --- the primitive edits ---------------------------------------------------------------------------

@dataclass
class InsertSection(Edit):
    parent_id: str | None
    index: int
    section: Section

    def apply(self, speech: Speech) -> RemoveSection:
        target = siblings(speech, self.parent_id)
        check_index(self.index, len(target))
        for part in self.section.walk():
            check_skip(part.skip)
        check_section_depth(speech, self.parent_id, self.section)
        present = {s.id for s, _ in speech.walk()}
        if any(s.id in present for s in self.section.walk()):
            raise OperationError("这个标题已经在讲稿里了。", "This section is already in the speech.")
        target.insert(self.index, self.section)
        return RemoveSection(self.section.id)

    def changes(self) -> Changes:
        return Changes(structure=True)


@dataclass
class RemoveSection(Edit):
    section_id: str

    def apply(self, speech: Speech) -> InsertSection:
        parent_id, index, _ = locate(speech, self.section_id)
        section = siblings(speech, parent_id).pop(index)
        return InsertSection(parent_id, index, section)

    def changes(self) -> Changes:
        return Changes(structure=True)


@dataclass
class MoveSection(Edit):
    """Move a section with its subtree; ``index`` counts in the target list without the section."""
    section_id: str
    parent_id: str | None
    index: int

    def apply(self, speech: Speech) -> MoveSection:
        old_parent, old_index, _ = locate(speech, self.section_id)
        source = siblings(speech, old_parent)
        section = source[old_index]
        check_move(speech, section, self.parent_id)
        target = siblings(speech, self.parent_id)
        check_index(self.index, len(target) - (1 if target is source else 0))
        source.pop(old_index)
        target.insert(self.index, section)
        return MoveSection(self.section_id, old_parent, old_index)

    def changes(self) -> Changes:
        return Changes(structure=True)


@dataclass
class SetField(Edit):
    """Set a head field of the speech (section_id None) or a section's heading / run_in flag."""
    section_id: str | None
    name: str
    value: object

    def apply(self, speech: Speech) -> SetField:
        target: object
        if self.section_id is None:
            if self.name not in TEXT_FIELDS:
                raise OperationError(f"讲稿没有“{self.name}”这一项。",
                                     f"A speech has no field {self.name!r}.")
            target = speech
        else:
            if self.name not in ("heading", "run_in"):
                raise OperationError(f"标题没有“{self.name}”这一项。",
                                     f"A section has no field {self.name!r}.")
            try:
                target = speech.find(self.section_id)
            except KeyError:
                raise missing(self.section_id) from None
        expected = bool if self.name == "run_in" else str
        if not isinstance(self.value, expected):
            raise OperationError("内容类型不对。", f"{self.name} must be a {expected.__name__}.")
        old = getattr(target, self.name)
        setattr(target, self.name, self.value)
        return SetField(self.section_id, self.name, old)

    def changes(self) -> Changes:
        if self.section_id is None:
            return Changes(head=True)
        return Changes(headings={self.section_id})


@dataclass
class SetSkip(Edit):
    """Set the number of levels a section skips below its parent (its subtree moves with it:
    every level in it changes by the same amount)."""
    section_id: str
    skip: int

    def apply(self, speech: Speech) -> SetSkip:
        check_skip(self.skip)
        parent_id, _, _ = locate(speech, self.section_id)
        section = speech.find(self.section_id)
        old = section.skip
        if self.skip > old:
            check_depth(parent_level(speech, parent_id), section.height() - old + self.skip,
                        self.skip)
        section.skip = self.skip
        return SetSkip(self.section_id, old)

    def changes(self) -> Changes:
        # Every level, and so every number, in the subtree changes: the structure as views see it.
        return Changes(structure=True)


@dataclass
class SetParagraph(Edit):
    container: str
    index: int
    text: str

    def apply(self, speech: Speech) -> SetParagraph:
        paragraphs = paragraphs_of(speech, self.container)
        check_paragraph(paragraphs, self.index)
        old = paragraphs[self.index]
        paragraphs[self.index] = self.text
        return SetParagraph(self.container, self.index, old)

    def changes(self) -> Changes:
        return Changes(containers={self.container})


@dataclass
class InsertParagraph(Edit):
    container: str
    index: int
    text: str

    def apply(self, speech: Speech) -> RemoveParagraph:
        paragraphs = paragraphs_of(speech, self.container)
        check_index(self.index, len(paragraphs))
        paragraphs.insert(self.index, self.text)
        return RemoveParagraph(self.container, self.index)

    def changes(self) -> Changes:
        return Changes(containers={self.container})


@dataclass
class RemoveParagraph(Edit):
    container: str
    index: int

    def apply(self, speech: Speech) -> InsertParagraph:
        paragraphs = paragraphs_of(speech, self.container)
        check_paragraph(paragraphs, self.index)
        return InsertParagraph(self.container, self.index, paragraphs.pop(self.index))

    def changes(self) -> Changes:
        return Changes(containers={self.container})


@dataclass
class Batch(Edit):
    """Several edits applied in order as one; if one fails, the ones before it are undone."""
    edits: list[Edit] = field(default_factory=list)

    def apply(self, speech: Speech) -> Batch:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(speech))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(speech)
            raise
        return Batch(list(reversed(inverses)))

    def changes(self) -> Changes:
        changes = Changes()
        for edit in self.edits:
            changes.add(edit.changes())
        return changes


@dataclass
class TextReplacement(Batch):
    """The edits of a replace-all, with the number of places replaced (for the status bar)."""
    count: int = 0

    def apply(self, speech: Speech) -> TextReplacement:
        inverse = super().apply(speech)
        return TextReplacement(inverse.edits, self.count)


@dataclass
class ReplaceSpeech(Edit):
    """Put another speech's whole content in place of this one's (restoring an earlier version),
    as one undoable step.  The speech object stays the same; its fields take the other's."""
    content: Speech

    def apply(self, speech: Speech) -> ReplaceSpeech:
        present = {s.id for s, _ in speech.walk()}
        if self.content is speech or any(s.id in present for s, _ in self.content.walk()):
            raise OperationError("这个版本已经在讲稿里了。", "This version is already in the speech.")
        old = Speech()
        for name in Speech.__dataclass_fields__:
            setattr(old, name, getattr(speech, name))
            setattr(speech, name, getattr(self.content, name))
        return ReplaceSpeech(old)

    def changes(self) -> Changes:
        return Changes(structure=True, head=True)
