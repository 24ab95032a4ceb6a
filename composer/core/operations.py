"""The edits the program offers, built from the primitive edits of ``edits.py``.

Each function looks at the speech as it is, refuses an invalid request with
:class:`OperationError`, and returns an :class:`Edit` that has **not** been applied yet: the caller
applies it (the window's document applies it and puts it on the undo stack).  Nothing here
changes the speech.

Promote and demote move a section and its whole subtree exactly one level, and keep the reading
order of the text:

* **demote** makes a section the last child of its previous sibling, one level down.  Where that
  is not possible — the first section among its siblings, or one whose previous sibling is
  already deeper than it — the section stays where it is and skips one more level below its
  parent (``Section.skip``, see ``speech.py``): a first （一） under 一、 becomes 1.  Refused when
  the subtree would go below level 4.
* **promote** of a section that skips a level removes one skipped level: it stays where it is,
  one level up (a 1. straight under 一、 becomes （一）; an outermost （一） becomes 一、).  This
  is how a writer removes a skip the import kept.  Otherwise promote makes a section the next
  sibling of its parent, at the parent's level.  Either way the siblings that followed it at
  its old level or below become its children, at the levels they had (as in Word's outline
  view, where a heading made level 1 takes the level-2 headings after it), so the tree says
  what the page reads and the text reads in the same order as before.  Refused at level 1.

A move (``move_section``, ``move_to``, drag and drop) keeps a section's skip, which is relative
to its parent; demote and promote set it where they need to, so that the level changes by one.

Where a move lands, and why not when it does not, is decided by :func:`move_to` and the checks in
``edits.py``; the outline's drag and drop asks the same functions.
"""

from __future__ import annotations

from .edits import (Batch, Edit, InsertParagraph, InsertSection, MoveSection, RemoveParagraph,
                    RemoveSection, ReplaceSpeech, SetField, SetParagraph, SetSkip, TextReplacement,
                    check_depth, check_index, check_move, check_paragraph, check_section_depth,
                    check_skip, locate, parent_level, paragraphs_of, siblings)
from .errors import OperationError
from .find import replace_all
from .speech import Section, Speech

__all__ = ["WHERE", "Batch", "Edit", "InsertParagraph", "InsertSection", "MoveSection",
           "RemoveParagraph", "RemoveSection", "ReplaceSpeech", "SetField", "SetParagraph", "SetSkip",
           "TextReplacement",
           "delete_paragraph", "delete_section", "demote", "insert_at", "insert_paragraph",
           "insert_paragraphs", "insert_section", "merge_paragraphs", "move_down", "move_section",
           "move_to", "move_up", "promote", "replace_speech", "replace_text", "resolve_position", "set_head_field",
           "set_heading", "set_paragraph", "set_paragraphs", "set_run_in", "set_skip",
           "split_paragraph"]

WHERE = ("before", "after", "into")


# --- sections ------------------------------------------------------------------------------------

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
        parent_id, index = None, len(speech.body)
    elif where == "into":
        parent_id, index = target_id, len(siblings(speech, target_id))
    else:
        parent_id, index, _ = locate(speech, target_id)
        if where == "after":
            index += 1
    if moving_id is not None:
        if moving_id == target_id and where != "into":
            return locate(speech, moving_id)[:2]
        own_parent, own_index, _ = locate(speech, moving_id)
        if own_parent == parent_id and own_index < index:
            index -= 1
    return parent_id, index


def insert_section(speech: Speech, section: Section, parent_id: str | None = None,
                   index: int | None = None) -> InsertSection:
    """Insert a section (with its children) under a parent; at the end when index is None."""
    target = siblings(speech, parent_id)
    if index is None:
        index = len(target)
    check_index(index, len(target))
    for part in section.walk():
        check_skip(part.skip)
    check_section_depth(speech, parent_id, section)
    present = {s.id for s, _ in speech.walk()}
    if any(s.id in present for s in section.walk()):
        raise OperationError("这个标题已经在讲稿里了。", "This section is already in the speech.")
    return InsertSection(parent_id, index, section)


def insert_at(speech: Speech, section: Section, target_id: str | None, where: str) -> InsertSection:
    """Insert a section before, after or into a target section."""
    parent_id, index = resolve_position(speech, target_id, where)
    return insert_section(speech, section, parent_id, index)


def delete_section(speech: Speech, section_id: str) -> RemoveSection:
    """Delete a section with everything under it."""
    locate(speech, section_id)
    return RemoveSection(section_id)


def move_to(speech: Speech, section_id: str, parent_id: str | None, position: int) -> MoveSection | None:
    """The move that puts a section at ``position`` among ``parent_id``'s children, where the
    position counts the children as they are now (the moving section included, as a drop between
    two rows names it).  None when the section would stay where it is; OperationError, saying
    why, when it cannot go there (into itself, a fifth level, a position that does not exist)."""
    old_parent, old_index, _ = locate(speech, section_id)
    section = siblings(speech, old_parent)[old_index]
    target = siblings(speech, parent_id)
    check_index(position, len(target))
    check_move(speech, section, parent_id)
    index = position
    if old_parent == parent_id:
        if old_index < position:
            index -= 1   # counted in the list without the moving section
        if index == old_index:
            return None
    return MoveSection(section_id, parent_id, index)


def move_section(speech: Speech, section_id: str, target_id: str | None, where: str) -> MoveSection:
    """Move a section with everything under it before, after or into a target section."""
    locate(speech, section_id)
    parent_id, index = resolve_position(speech, target_id, where, moving_id=section_id)
    section = speech.find(section_id)
    check_move(speech, section, parent_id)
    target = siblings(speech, parent_id)
    own = 1 if any(s is section for s in target) else 0
    check_index(index, len(target) - own)
    return MoveSection(section_id, parent_id, index)


def move_up(speech: Speech, section_id: str) -> MoveSection:
    """Swap a section with its previous sibling."""
    parent_id, index, _ = locate(speech, section_id)
    if index == 0:
        raise OperationError("已经是同级的第一个，不能再上移。", "Already the first at its level.")
    return MoveSection(section_id, parent_id, index - 1)


def move_down(speech: Speech, section_id: str) -> MoveSection:
    """Swap a section with its next sibling."""
    parent_id, index, _ = locate(speech, section_id)
    if index + 1 >= len(siblings(speech, parent_id)):
        raise OperationError("已经是同级的最后一个，不能再下移。", "Already the last at its level.")
    return MoveSection(section_id, parent_id, index + 1)


def demote(speech: Speech, section_id: str) -> Edit:
    """One level down: the last child of the previous sibling, or, where there is no previous
    sibling at its level or above, one more skipped level in place (see module notes)."""
    parent_id, index, _ = locate(speech, section_id)
    section = speech.find(section_id)
    check_depth(parent_level(speech, parent_id), section.height() + 1, section.skip)
    previous = siblings(speech, parent_id)[index - 1] if index > 0 else None
    if previous is None or previous.skip > section.skip:
        return SetSkip(section_id, section.skip + 1)
    # Under the previous sibling, one level below where it was: previous's level + 1 + skip.
    skip = section.skip - previous.skip
    move = MoveSection(section_id, previous.id, len(previous.children))
    return move if skip == section.skip else Batch([SetSkip(section_id, skip), move])


def set_skip(speech: Speech, section_id: str, skip: int) -> SetSkip:
    """Set how many levels a section skips below its parent (its subtree follows); refused
    below level 4."""
    check_skip(skip)
    parent_id, _, _ = locate(speech, section_id)
    section = speech.find(section_id)
    if skip > section.skip:
        check_depth(parent_level(speech, parent_id), section.height() - section.skip + skip, skip)
    return SetSkip(section_id, skip)


def promote(speech: Speech, section_id: str) -> Edit:
    """One level up: one skipped level fewer for a section that skips one; else the next
    sibling of the parent, at the parent's level.  Either way it takes the following siblings
    at its old level or below along as children, so that the reading order stays the same
    (see module notes)."""
    parent_id, index, _ = locate(speech, section_id)
    section = siblings(speech, parent_id)[index]
    if section.skip:
        # One level up in place.  A follower skipping at least as much goes under it, its skip
        # less the section's, so that it keeps its level; a follower of a higher level ends
        # the run (what comes after it reads as under it, not under this section).
        skip = section.skip
        edits: list[Edit] = [SetSkip(section_id, skip - 1)]
        taken = len(section.children)
        for follower in siblings(speech, parent_id)[index + 1:]:
            if follower.skip < skip:
                break
            edits += [SetSkip(follower.id, follower.skip - skip),
                      MoveSection(follower.id, section_id, taken)]
            taken += 1
        return edits[0] if len(edits) == 1 else Batch(edits)
    if parent_id is None:
        raise OperationError("一级标题不能再升级。", "A level-1 section cannot be promoted.")
    grandparent_id, parent_index, _ = locate(speech, parent_id)
    parent = speech.find(parent_id)
    following = siblings(speech, parent_id)[index + 1:]
    # The promoted section takes its parent's level (the parent's skip under the grandparent).
    # The followers become its children one level below it, which is where they were, so they
    # keep their skips and only the promoted section's own move is checked.
    edits = [MoveSection(section_id, grandparent_id, parent_index + 1)]
    if parent.skip:
        edits.append(SetSkip(section_id, parent.skip))
    edits += [MoveSection(s.id, section_id, len(section.children) + i) for i, s in enumerate(following)]
    return Batch(edits)


# --- head fields and headings ----------------------------------------------------------------------

def _checked_field(speech: Speech, edit: SetField) -> SetField:
    """The edit, after applying it and its inverse: SetField's own checks are the rule."""
    edit.apply(speech).apply(speech)
    return edit


def set_head_field(speech: Speech, name: str, value: str) -> SetField:
    return _checked_field(speech, SetField(None, name, value))


def set_heading(speech: Speech, section_id: str, text: str) -> SetField:
    return _checked_field(speech, SetField(section_id, "heading", text))


def set_run_in(speech: Speech, section_id: str, run_in: bool) -> SetField:
    return _checked_field(speech, SetField(section_id, "run_in", run_in))


# --- paragraphs ------------------------------------------------------------------------------------

def set_paragraph(speech: Speech, container: str, index: int, text: str) -> SetParagraph:
    check_paragraph(paragraphs_of(speech, container), index)
    return SetParagraph(container, index, text)


def insert_paragraph(speech: Speech, container: str, index: int, text: str) -> InsertParagraph:
    check_index(index, len(paragraphs_of(speech, container)))
    return InsertParagraph(container, index, text)


def insert_paragraphs(speech: Speech, container: str, texts: list[str],
                      index: int | None = None) -> Batch:
    """Insert several paragraphs at an index of a container (at its end when index is None)."""
    paragraphs = paragraphs_of(speech, container)
    start = len(paragraphs) if index is None else index
    check_index(start, len(paragraphs))
    return Batch([InsertParagraph(container, start + i, text) for i, text in enumerate(texts)])


def delete_paragraph(speech: Speech, container: str, index: int) -> RemoveParagraph:
    check_paragraph(paragraphs_of(speech, container), index)
    return RemoveParagraph(container, index)


def set_paragraphs(speech: Speech, container: str, texts: list[str]) -> Batch:
    """Replace all paragraphs of a container with new ones, as one edit (the editor's commit).

    Only the paragraphs that differ are touched, so the edit is as small as the change.
    """
    old = list(paragraphs_of(speech, container))
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
    return Batch(edits)


def split_paragraph(speech: Speech, container: str, index: int, offset: int) -> Batch:
    """Split a paragraph in two at a character offset (what Enter does in the editor)."""
    paragraphs = paragraphs_of(speech, container)
    check_paragraph(paragraphs, index)
    text = paragraphs[index]
    if not 0 <= offset <= len(text):
        raise OperationError("拆分位置超出段落范围。", "The split position is outside the paragraph.")
    return Batch([SetParagraph(container, index, text[:offset]),
                  InsertParagraph(container, index + 1, text[offset:])])


def merge_paragraphs(speech: Speech, container: str, index: int) -> Batch:
    """Join a paragraph with the one after it."""
    paragraphs = paragraphs_of(speech, container)
    check_paragraph(paragraphs, index)
    if index + 1 >= len(paragraphs):
        raise OperationError("这是最后一段，后面没有可以合并的段落。",
                             "This is the last paragraph; there is nothing to merge with.")
    return Batch([SetParagraph(container, index, paragraphs[index] + paragraphs[index + 1]),
                  RemoveParagraph(container, index + 1)])


def replace_text(speech: Speech, find: str, replacement: str) -> TextReplacement:
    """Replace every occurrence of a text in the head fields, headings and paragraphs, as one
    edit that knows how many places it replaces (``count``).  See ``find.py`` for the options
    (full- and half-width forms, a section as the scope)."""
    return replace_all(speech, find, replacement)


def replace_speech(speech: Speech, other: Speech) -> ReplaceSpeech:
    """The whole speech becomes ``other`` (an earlier version read from a backup), undoably."""
    present = {s.id for s, _ in speech.walk()}
    if other is speech or any(s.id in present for s, _ in other.walk()):
        raise OperationError("这个版本已经在讲稿里了。", "This version is already in the speech.")
    return ReplaceSpeech(other)
