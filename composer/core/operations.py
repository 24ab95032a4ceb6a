"""Edits of a speech, each validated before it changes anything and each exactly invertible.

An *edit* is a small object with ``apply(speech) -> inverse edit``.  Applying the inverse restores
the previous speech exactly (same text, same structure, same section objects and ids), and returns
the original edit again, so an undo stack only ever needs::

    inverse = edit.apply(speech)      # do / redo
    edit = inverse.apply(speech)      # undo

The functions at the end of this module (``move_section``, ``promote``, ``split_paragraph`` …) are
the operations the program offers: each validates, applies and returns the inverse edit.  Invalid
requests raise :class:`OperationError` and leave the speech untouched.

Promote and demote keep the reading order of the text:

* **demote** makes a section the last child of its previous sibling; its whole subtree goes one
  level down.  Refused for the first section among its siblings, or when the subtree would go
  below level 4.
* **promote** makes a section the next sibling of its parent; its whole subtree goes one level up,
  and the siblings that followed it become its children (as in Word's outline view), so the text
  reads in the same order as before.  Refused at level 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .errors import OperationError
from .speech import CLOSING, HEAD_FIELDS, MAX_LEVEL, OPENING, Section, Speech

WHERE = ("before", "after", "into")


class Edit(Protocol):
    def apply(self, speech: Speech) -> Edit: ...


# --- helpers ---------------------------------------------------------------------------------

def _parent_level(speech: Speech, parent_id: str | None) -> int:
    """Level of a parent section (0 for the body)."""
    if parent_id is None:
        return 0
    try:
        return speech.locate(parent_id)[2]
    except KeyError:
        raise _missing(parent_id) from None


def _missing(section_id: str) -> OperationError:
    return OperationError(f"找不到要操作的标题（{section_id}）。",
                          f"The section to edit was not found ({section_id}).")


def _locate(speech: Speech, section_id: str) -> tuple[str | None, int, int]:
    """(parent id, index, level) of a section, or an OperationError."""
    try:
        parent, index, level = speech.locate(section_id)
    except KeyError:
        raise _missing(section_id) from None
    return (parent.id if parent else None), index, level


def _check_depth(parent_level: int, section: Section) -> None:
    deepest = parent_level + section.height()
    if deepest > MAX_LEVEL:
        raise OperationError(
            f"提纲最多四级（一、（一）1.（1）），这样放会出现第{deepest}级。",
            f"The outline has at most four levels; this would create level {deepest}.")


def _check_index(index: int, size: int) -> None:
    if not 0 <= index <= size:
        raise OperationError(f"位置 {index} 超出范围。", f"Position {index} is out of range.")


def _paragraphs(speech: Speech, container: str) -> list[str]:
    try:
        return speech.paragraphs_of(container)
    except KeyError:
        raise _missing(container) from None


def _check_paragraph(paragraphs: list[str], index: int) -> None:
    if not 0 <= index < len(paragraphs):
        raise OperationError(f"没有第 {index + 1} 段。", f"There is no paragraph {index + 1}.")


# --- primitive edits -------------------------------------------------------------------------

@dataclass
class InsertSection:
    parent_id: str | None
    index: int
    section: Section

    def apply(self, speech: Speech) -> RemoveSection:
        siblings = _siblings(speech, self.parent_id)
        _check_index(self.index, len(siblings))
        _check_depth(_parent_level(speech, self.parent_id), self.section)
        present = {s.id for s, _ in speech.walk()}
        if any(s.id in present for s in self.section.walk()):
            raise OperationError("这个标题已经在讲稿里了。", "This section is already in the speech.")
        siblings.insert(self.index, self.section)
        return RemoveSection(self.section.id)


@dataclass
class RemoveSection:
    section_id: str

    def apply(self, speech: Speech) -> InsertSection:
        parent_id, index, _ = _locate(speech, self.section_id)
        section = _siblings(speech, parent_id).pop(index)
        return InsertSection(parent_id, index, section)


@dataclass
class MoveSection:
    """Move a section with its subtree; ``index`` counts in the target list without the section."""
    section_id: str
    parent_id: str | None
    index: int

    def apply(self, speech: Speech) -> MoveSection:
        old_parent, old_index, _ = _locate(speech, self.section_id)
        section = _siblings(speech, old_parent)[old_index]
        if self.parent_id is not None and any(s.id == self.parent_id for s in section.walk()):
            raise OperationError("不能把标题移到它自己或它的下级里面。",
                                 "A section cannot be moved into itself or its own subsections.")
        target = _siblings(speech, self.parent_id)
        size = len(target) - (1 if target is _siblings(speech, old_parent) else 0)
        _check_index(self.index, size)
        _check_depth(_parent_level(speech, self.parent_id), section)
        _siblings(speech, old_parent).pop(old_index)
        target.insert(self.index, section)
        return MoveSection(self.section_id, old_parent, old_index)


@dataclass
class SetField:
    """Set a head field of the speech (section_id None) or a section's heading / run_in flag."""
    section_id: str | None
    name: str
    value: object

    def apply(self, speech: Speech) -> SetField:
        if self.section_id is None:
            if self.name not in HEAD_FIELDS:
                raise OperationError(f"讲稿没有“{self.name}”这一项。", f"A speech has no field {self.name!r}.")
            target: object = speech
        else:
            if self.name not in ("heading", "run_in"):
                raise OperationError(f"标题没有“{self.name}”这一项。", f"A section has no field {self.name!r}.")
            try:
                target = speech.find(self.section_id)
            except KeyError:
                raise _missing(self.section_id) from None
        expected = bool if self.name == "run_in" else str
        if not isinstance(self.value, expected):
            raise OperationError("内容类型不对。", f"{self.name} must be a {expected.__name__}.")
        old = getattr(target, self.name)
        setattr(target, self.name, self.value)
        return SetField(self.section_id, self.name, old)


@dataclass
class SetParagraph:
    container: str
    index: int
    text: str

    def apply(self, speech: Speech) -> SetParagraph:
        paragraphs = _paragraphs(speech, self.container)
        _check_paragraph(paragraphs, self.index)
        old = paragraphs[self.index]
        paragraphs[self.index] = self.text
        return SetParagraph(self.container, self.index, old)


@dataclass
class InsertParagraph:
    container: str
    index: int
    text: str

    def apply(self, speech: Speech) -> RemoveParagraph:
        paragraphs = _paragraphs(speech, self.container)
        _check_index(self.index, len(paragraphs))
        paragraphs.insert(self.index, self.text)
        return RemoveParagraph(self.container, self.index)


@dataclass
class RemoveParagraph:
    container: str
    index: int

    def apply(self, speech: Speech) -> InsertParagraph:
        paragraphs = _paragraphs(speech, self.container)
        _check_paragraph(paragraphs, self.index)
        return InsertParagraph(self.container, self.index, paragraphs.pop(self.index))


@dataclass
class Batch:
    """Several edits applied in order as one; if one fails, the ones before it are undone."""
    edits: list = field(default_factory=list)

    def apply(self, speech: Speech) -> Batch:
        inverses: list = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(speech))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(speech)
            raise
        return Batch(list(reversed(inverses)))


def _siblings(speech: Speech, parent_id: str | None) -> list[Section]:
    try:
        return speech.children_of(parent_id)
    except KeyError:
        raise _missing(parent_id or "") from None


# --- operations ------------------------------------------------------------------------------

def resolve_position(speech: Speech, target_id: str | None, where: str,
                     moving_id: str | None = None) -> tuple[str | None, int]:
    """(parent id, index) for placing a section before/after/into a target section.

    ``into`` appends as the target's last child; a target of None with ``into`` appends to the
    body.  When a section is being moved (``moving_id``), the index is counted as if it had
    already been taken out of its place.
    """
    if where not in WHERE:
        raise OperationError(f"未知的位置“{where}”。", f"Unknown position {where!r}.")
    if target_id is None:
        if where != "into":
            raise OperationError("没有指定目标标题。", "No target section given.")
        parent_id, children = None, speech.body
        index = len(children)
    elif where == "into":
        parent_id = target_id
        children = _siblings(speech, target_id)
        index = len(children)
    else:
        parent_id, index, _ = _locate(speech, target_id)
        children = _siblings(speech, parent_id)
        if where == "after":
            index += 1
    if moving_id is not None:
        if moving_id == target_id and where != "into":
            return _locate(speech, moving_id)[:2]
        try:
            own = next(i for i, s in enumerate(children) if s.id == moving_id)
        except StopIteration:
            own = None
        if own is not None and own < index:
            index -= 1
    return parent_id, index


def insert_section(speech: Speech, section: Section, parent_id: str | None = None,
                   index: int | None = None) -> Edit:
    """Insert a section (with its children) under a parent; at the end when index is None."""
    if index is None:
        index = len(_siblings(speech, parent_id))
    return InsertSection(parent_id, index, section).apply(speech)


def insert_at(speech: Speech, section: Section, target_id: str | None, where: str) -> Edit:
    """Insert a section before, after or into a target section."""
    parent_id, index = resolve_position(speech, target_id, where)
    return insert_section(speech, section, parent_id, index)


def delete_section(speech: Speech, section_id: str) -> Edit:
    """Delete a section with everything under it."""
    return RemoveSection(section_id).apply(speech)


def move_section(speech: Speech, section_id: str, target_id: str | None, where: str) -> Edit:
    """Move a section with everything under it before, after or into a target section."""
    _locate(speech, section_id)
    parent_id, index = resolve_position(speech, target_id, where, moving_id=section_id)
    return MoveSection(section_id, parent_id, index).apply(speech)


def move_up(speech: Speech, section_id: str) -> Edit:
    """Swap a section with its previous sibling."""
    parent_id, index, _ = _locate(speech, section_id)
    if index == 0:
        raise OperationError("已经是同级的第一个，不能再上移。", "Already the first at its level.")
    return MoveSection(section_id, parent_id, index - 1).apply(speech)


def move_down(speech: Speech, section_id: str) -> Edit:
    """Swap a section with its next sibling."""
    parent_id, index, _ = _locate(speech, section_id)
    if index + 1 >= len(_siblings(speech, parent_id)):
        raise OperationError("已经是同级的最后一个，不能再下移。", "Already the last at its level.")
    return MoveSection(section_id, parent_id, index + 1).apply(speech)


def demote(speech: Speech, section_id: str) -> Edit:
    """One level down: become the last child of the previous sibling (see module notes)."""
    parent_id, index, _ = _locate(speech, section_id)
    if index == 0:
        raise OperationError("前面没有同级标题，无法降级。",
                             "There is no previous section at this level to go under.")
    previous = _siblings(speech, parent_id)[index - 1]
    return MoveSection(section_id, previous.id, len(previous.children)).apply(speech)


def promote(speech: Speech, section_id: str) -> Edit:
    """One level up: become the next sibling of the parent, taking the following siblings
    along as children, so that the reading order stays the same (see module notes)."""
    parent_id, index, _level = _locate(speech, section_id)
    if parent_id is None:
        raise OperationError("一级标题不能再升级。", "A level-1 section cannot be promoted.")
    grandparent_id, parent_index, _ = _locate(speech, parent_id)
    section = _siblings(speech, parent_id)[index]
    following = _siblings(speech, parent_id)[index + 1:]
    edits = [MoveSection(section_id, grandparent_id, parent_index + 1)]
    edits += [MoveSection(s.id, section_id, len(section.children) + i)
              for i, s in enumerate(following)]
    return Batch(edits).apply(speech)


def set_head_field(speech: Speech, name: str, value: str) -> Edit:
    return SetField(None, name, value).apply(speech)


def set_heading(speech: Speech, section_id: str, text: str) -> Edit:
    return SetField(section_id, "heading", text).apply(speech)


def set_run_in(speech: Speech, section_id: str, run_in: bool) -> Edit:
    return SetField(section_id, "run_in", run_in).apply(speech)


def set_paragraph(speech: Speech, container: str, index: int, text: str) -> Edit:
    return SetParagraph(container, index, text).apply(speech)


def insert_paragraph(speech: Speech, container: str, index: int, text: str) -> Edit:
    return InsertParagraph(container, index, text).apply(speech)


def delete_paragraph(speech: Speech, container: str, index: int) -> Edit:
    return RemoveParagraph(container, index).apply(speech)


def set_paragraphs(speech: Speech, container: str, texts: list[str]) -> Edit:
    """Replace all paragraphs of a container with new ones, as one edit (the editor's commit).

    Only the paragraphs that differ are touched, so the inverse is as small as the change.
    """
    old = list(_paragraphs(speech, container))
    start = 0
    while start < min(len(old), len(texts)) and old[start] == texts[start]:
        start += 1
    end_old, end_new = len(old), len(texts)
    while end_old > start and end_new > start and old[end_old - 1] == texts[end_new - 1]:
        end_old -= 1
        end_new -= 1
    edits: list = []
    common = min(end_old, end_new) - start
    edits += [SetParagraph(container, start + i, texts[start + i])
              for i in range(common) if old[start + i] != texts[start + i]]
    edits += [RemoveParagraph(container, start + common) for _ in range(end_old - start - common)]
    edits += [InsertParagraph(container, start + common + i, texts[start + common + i])
              for i in range(end_new - start - common)]
    return Batch(edits).apply(speech)


def split_paragraph(speech: Speech, container: str, index: int, offset: int) -> Edit:
    """Split a paragraph in two at a character offset (what Enter does in the editor)."""
    paragraphs = _paragraphs(speech, container)
    _check_paragraph(paragraphs, index)
    text = paragraphs[index]
    if not 0 <= offset <= len(text):
        raise OperationError("拆分位置超出段落范围。", "The split position is outside the paragraph.")
    return Batch([SetParagraph(container, index, text[:offset]),
                  InsertParagraph(container, index + 1, text[offset:])]).apply(speech)


def merge_paragraphs(speech: Speech, container: str, index: int) -> Edit:
    """Join a paragraph with the one after it."""
    paragraphs = _paragraphs(speech, container)
    _check_paragraph(paragraphs, index)
    if index + 1 >= len(paragraphs):
        raise OperationError("这是最后一段，后面没有可以合并的段落。",
                             "This is the last paragraph; there is nothing to merge with.")
    return Batch([SetParagraph(container, index, paragraphs[index] + paragraphs[index + 1]),
                  RemoveParagraph(container, index + 1)]).apply(speech)


def replace_text(speech: Speech, find: str, replacement: str) -> tuple[Edit, int]:
    """Replace every occurrence of a text in the head fields, headings and paragraphs.

    Returns the inverse edit and the number of replacements.
    """
    if not find:
        raise OperationError("要查找的内容不能为空。", "The text to find is empty.")
    edits: list = []
    count = 0

    def paragraph_edits(container: str, paragraphs: list[str]) -> None:
        nonlocal count
        for i, text in enumerate(paragraphs):
            if find in text:
                count += text.count(find)
                edits.append(SetParagraph(container, i, text.replace(find, replacement)))

    for name in HEAD_FIELDS:
        value = getattr(speech, name)
        if find in value:
            count += value.count(find)
            edits.append(SetField(None, name, value.replace(find, replacement)))
    paragraph_edits(OPENING, speech.opening)
    for section, _ in speech.walk():
        if find in section.heading:
            count += section.heading.count(find)
            edits.append(SetField(section.id, "heading", section.heading.replace(find, replacement)))
        paragraph_edits(section.id, section.paragraphs)
    paragraph_edits(CLOSING, speech.closing)
    return Batch(edits).apply(speech), count
