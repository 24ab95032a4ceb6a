"""Editing the speech as one continuous text, as the document view shows it.

The document view lets a writer type anywhere, press Enter, Backspace and Delete, paste several
paragraphs and delete a selection that runs across paragraphs and sections.  Each of these is
turned here into one core edit, built from the primitive edits of ``edits.py``; nothing here
changes the speech (the caller applies the edit, usually through the window's document).

Places in the text are :class:`Point` s: a *unit* of text — a head field, a section's heading,
or a paragraph of the opening, the closing or a section — and a character offset in it.  The
units follow each other in reading order (:func:`reading_units`): the head fields, the opening,
every section's heading and paragraphs in outline order, the closing.  A container without
paragraphs still has a place to type: its *virtual* paragraph 0, created by the first character
typed into it.

What the keys do:

* **Enter** splits a paragraph.  In a heading it moves the text after the caret into a new first
  paragraph of the section.  In a head field (one line each) it goes to the next line; after the
  last head line it starts the opening.  **Shift+Enter** in the title breaks the printed title
  there.
* **Backspace** at a paragraph's start joins it to the paragraph before it, and **Delete** at
  its end joins the next one to it, across containers too (the last paragraph of the last
  section and the closing) — but never into a heading or a head field: an empty paragraph there
  is removed, a paragraph with text stays.  Backspace at the start of an empty heading of a
  section with nothing in it removes that section.
* **Deleting a selection** removes the selected text; the paragraphs at both ends are joined
  when nothing but paragraphs lies between them.  A selection that holds a heading (its start
  lies inside the selection) has two safe readings, and the caller chooses (the window asks):
  keep the headings and delete only the selected body text, or remove those sections whole,
  with everything under them (:func:`held_sections` and :func:`text_beyond` say which sections
  and how much text outside the selection that takes along).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .edits import (Batch, Edit, InsertParagraph, RemoveParagraph, RemoveSection, SetField,
                    SetParagraph)
from .errors import OperationError
from .speech import CLOSING, HEAD_FIELDS, OPENING, SIGNATURE_FIELDS, TEXT_FIELDS, Section, Speech

__all__ = ["Point", "delete_range", "held_sections", "insert_paragraphs", "insert_text",
           "join_backward", "join_forward", "line_break", "reading_units", "replace_range", "split",
           "text_beyond", "unit_text"]

# Whitespace that does not make a paragraph "have text" (the ideographic space included).
_BLANK = " \t\r\n\u3000\u00a0"

Unit = tuple[str, int]   # (container, index): index -1 for a head field or a heading


@dataclass(frozen=True)
class Point:
    """A place in the speech's text.

    ``container`` is a head field name, OPENING, CLOSING or a section id; ``index`` is -1 for
    the head field or the section's heading, else a paragraph index (the paragraph count for
    the virtual paragraph of an empty container); ``offset`` counts characters in that text.
    """
    container: str
    index: int = -1
    offset: int = 0

    @property
    def unit(self) -> Unit:
        return self.container, self.index


# --- units ----------------------------------------------------------------------------------

def is_head(container: str) -> bool:
    """A single-line field of the speech: a head field or a field of the 落款."""
    return container in TEXT_FIELDS


def _paragraphs(speech: Speech, container: str) -> list[str]:
    try:
        return speech.paragraphs_of(container)
    except KeyError:
        raise OperationError(f"找不到要编辑的段落（{container}）。",
                             f"The paragraphs to edit were not found ({container}).") from None


def _section(speech: Speech, section_id: str) -> Section:
    try:
        return speech.find(section_id)
    except KeyError:
        raise OperationError(f"找不到要编辑的标题（{section_id}）。",
                             f"The heading to edit was not found ({section_id}).") from None


def unit_text(speech: Speech, container: str, index: int = -1) -> str:
    """The text of a unit ("" for a virtual paragraph); OperationError when there is none."""
    if is_head(container):
        return getattr(speech, container)
    if index < 0:
        if container in (OPENING, CLOSING):
            raise OperationError("开头和结尾没有标题。", "The opening and closing have no heading.")
        return _section(speech, container).heading
    paragraphs = _paragraphs(speech, container)
    if index == len(paragraphs):
        return ""
    if not 0 <= index < len(paragraphs):
        raise OperationError(f"没有第 {index + 1} 段。", f"There is no paragraph {index + 1}.")
    return paragraphs[index]


def _is_virtual(speech: Speech, container: str, index: int) -> bool:
    return index >= 0 and index == len(_paragraphs(speech, container))


def set_unit(speech: Speech, container: str, index: int, text: str) -> Edit:
    """The edit that makes a unit's text ``text`` (a virtual paragraph is created)."""
    if is_head(container):
        return SetField(None, container, text)
    if index < 0:
        _section(speech, container)
        return SetField(container, "heading", text)
    if _is_virtual(speech, container, index):
        return InsertParagraph(container, index, text)
    unit_text(speech, container, index)
    return SetParagraph(container, index, text)


def reading_units(speech: Speech) -> list[Unit]:
    """Every unit in reading order (the 落款's fields after the closing); an empty container
    contributes its virtual paragraph 0."""
    units: list[Unit] = [(name, -1) for name in HEAD_FIELDS]

    def paragraphs(container: str, count: int) -> Iterator[Unit]:
        return ((container, i) for i in range(max(count, 1)))
    units.extend(paragraphs(OPENING, len(speech.opening)))
    for section, _ in speech.walk():
        units.append((section.id, -1))
        units.extend(paragraphs(section.id, len(section.paragraphs)))
    units.extend(paragraphs(CLOSING, len(speech.closing)))
    units.extend((name, -1) for name in SIGNATURE_FIELDS)
    return units


def _check_offset(text: str, offset: int) -> None:
    if not 0 <= offset <= len(text):
        raise OperationError("光标位置超出了文字范围。", "The position is outside the text.")


def _composed(speech: Speech, build: Callable[[Callable[[Edit], None]], None]) -> Batch:
    """Run ``build(do)``, where ``do(edit)`` applies a step; returns the steps as one Batch
    and leaves the speech as it was."""
    steps: list[Edit] = []
    inverses: list[Edit] = []

    def do(edit: Edit) -> None:
        inverses.append(edit.apply(speech))
        steps.append(edit)
    try:
        build(do)
    finally:
        for inverse in reversed(inverses):
            inverse.apply(speech)
    return Batch(steps)


# --- typing and pasting ----------------------------------------------------------------------

def insert_text(speech: Speech, point: Point, text: str) -> tuple[Edit, Point]:
    """Type ``text`` at a point.  Line breaks in it start new paragraphs (as pasting does)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n").split("\n")
    if len(lines) > 1:
        return insert_paragraphs(speech, point, lines)
    old = unit_text(speech, point.container, point.index)
    _check_offset(old, point.offset)
    new = old[:point.offset] + text + old[point.offset:]
    return (set_unit(speech, point.container, point.index, new),
            Point(point.container, point.index, point.offset + len(text)))


def insert_paragraphs(speech: Speech, point: Point, paragraphs: list[str],
                      ends_paragraph: bool = False) -> tuple[Edit, Point]:
    """Paste paragraphs at a point: the first continues the text before the point, the last
    takes the text after it along, the ones between become paragraphs of their own.

    ENDS_PARAGRAPH: the pasted text ended with a line break (whole paragraphs copied), so the
    text after the point stays a paragraph of its own, as Word keeps it apart.

    A head field is one line, so paragraphs pasted into it are joined.  Pasted into a heading,
    the first paragraph continues the heading and the rest become the section's first
    paragraphs.
    """
    if not paragraphs:
        raise OperationError("没有可以粘贴的文字。", "There is no text to paste.")
    container, index = point.unit
    if ends_paragraph and not is_head(container) and \
            point.offset < len(unit_text(speech, container, index)):
        paragraphs = [*paragraphs, ""]
    if len(paragraphs) == 1 or is_head(container):
        return insert_text(speech, point, "".join(paragraphs))
    old = unit_text(speech, container, index)
    _check_offset(old, point.offset)
    before, after = old[:point.offset], old[point.offset:]
    first, middle, last = paragraphs[0], paragraphs[1:-1], paragraphs[-1]
    edits: list[Edit] = [set_unit(speech, container, index, before + first)]
    start = 0 if index < 0 else index + 1   # where the new paragraphs go in the container
    edits += [InsertParagraph(container, start + i, text) for i, text in enumerate(middle)]
    last_index = start + len(middle)
    edits.append(InsertParagraph(container, last_index, last + after))
    return Batch(edits), Point(container, last_index, len(last))


def split(speech: Speech, point: Point) -> tuple[Edit | None, Point | None]:
    """Enter at a point: the edit (None when nothing changes) and where the caret goes."""
    container, index = point.unit
    text = unit_text(speech, container, index)
    _check_offset(text, point.offset)
    if is_head(container):
        return _enter_in_head(speech, container, point.offset == len(text))
    if index < 0:  # a heading: the rest of it starts the section's text
        edits: list[Edit] = []
        if point.offset < len(text):
            edits.append(SetField(container, "heading", text[:point.offset]))
        edits.append(InsertParagraph(container, 0, text[point.offset:]))
        return Batch(edits), Point(container, 0, 0)
    if _is_virtual(speech, container, index):
        return (Batch([InsertParagraph(container, index, ""),
                       InsertParagraph(container, index + 1, "")]),
                Point(container, index + 1, 0))
    return (Batch([SetParagraph(container, index, text[:point.offset]),
                   InsertParagraph(container, index + 1, text[point.offset:])]),
            Point(container, index + 1, 0))


def line_break(speech: Speech, point: Point) -> tuple[Edit | None, Point | None]:
    """Shift+Enter: in the title, a line break where the printed title is to break (the layout
    keeps the writer's breaks); anywhere else what Enter does."""
    if point.unit != ("title", -1):
        return split(speech, point)
    text = speech.title
    _check_offset(text, point.offset)
    return (SetField(None, "title", text[:point.offset] + "\n" + text[point.offset:]),
            Point("title", -1, point.offset + 1))


def _enter_in_head(speech: Speech, name: str, at_end: bool) -> tuple[Edit | None, Point | None]:
    """Head fields are single lines: Enter goes to the next one that is filled in; after the
    last, it starts the opening with a new first paragraph.  The same in the 落款, which ends
    the speech."""
    if not at_end:
        return None, None
    fields = HEAD_FIELDS if name in HEAD_FIELDS else SIGNATURE_FIELDS
    following = [n for n in fields[fields.index(name) + 1:] if getattr(speech, n).strip(_BLANK)]
    if following:
        return None, Point(following[0], -1, 0)
    if fields is SIGNATURE_FIELDS:
        return None, None
    return InsertParagraph(OPENING, 0, ""), Point(OPENING, 0, 0)


def _neighbour(speech: Speech, unit: Unit, step: int) -> Unit | None:
    units = reading_units(speech)
    try:
        position = units.index(unit)
    except ValueError:
        return None
    other = position + step
    return units[other] if 0 <= other < len(units) else None


def _is_paragraph(speech: Speech, unit: Unit | None) -> bool:
    return (unit is not None and unit[1] >= 0
            and not _is_virtual(speech, unit[0], unit[1]))


def _end_of(speech: Speech, unit: Unit) -> Point:
    return Point(unit[0], unit[1], len(unit_text(speech, *unit)))


def join_backward(speech: Speech, point: Point) -> tuple[Edit | None, Point | None]:
    """Backspace at the start of a unit: the edit (None when nothing changes) and the caret."""
    container, index = point.unit
    previous = _neighbour(speech, point.unit, -1)
    caret = _end_of(speech, previous) if previous is not None else None
    if is_head(container):
        return None, caret
    if index < 0:
        section = _section(speech, container)
        if not section.heading and not section.paragraphs and not section.children:
            return RemoveSection(container), caret
        return None, caret
    if _is_virtual(speech, container, index):
        return None, caret
    text = unit_text(speech, container, index)
    if previous is not None and _is_paragraph(speech, previous):
        before = unit_text(speech, *previous)
        return (Batch([SetParagraph(previous[0], previous[1], before + text),
                       RemoveParagraph(container, index)]),
                Point(previous[0], previous[1], len(before)))
    if not text.strip(_BLANK):
        return RemoveParagraph(container, index), caret
    return None, caret


def join_forward(speech: Speech, point: Point) -> tuple[Edit | None, Point | None]:
    """Delete at the end of a unit: the edit (None when nothing changes) and the caret."""
    container, index = point.unit
    following = _neighbour(speech, point.unit, 1)
    if index < 0 or _is_virtual(speech, container, index):
        return None, None
    text = unit_text(speech, container, index)
    if following is not None and _is_paragraph(speech, following):
        after = unit_text(speech, *following)
        return (Batch([SetParagraph(container, index, text + after),
                       RemoveParagraph(following[0], following[1])]),
                Point(container, index, len(text)))
    if not text.strip(_BLANK):
        caret = Point(following[0], following[1], 0) if following is not None else None
        return RemoveParagraph(container, index), caret
    return None, None


# --- selections -------------------------------------------------------------------------------

@dataclass
class _Range:
    units: list[Unit]
    first: int          # position of the start unit in ``units``
    last: int           # position of the end unit
    start: int          # offset in the start unit
    end: int            # offset in the end unit


def _range(speech: Speech, a: Point, b: Point) -> _Range:
    units = reading_units(speech)
    where = {unit: i for i, unit in enumerate(units)}
    for point in (a, b):
        if point.unit not in where:
            raise OperationError("选区的位置已经不在讲稿里了。",
                                 "The selection is no longer in the speech.")
        _check_offset(unit_text(speech, *point.unit), point.offset)
    first, last = where[a.unit], where[b.unit]
    if (first, a.offset) > (last, b.offset):
        a, b, first, last = b, a, last, first
    return _Range(units, first, last, a.offset, b.offset)


def _held(speech: Speech, r: _Range) -> list[str]:
    """Top-most sections whose heading starts inside the range."""
    held: list[str] = []
    inside: set[str] = set()
    for position in range(r.first, r.last + 1):
        container, index = r.units[position]
        if index >= 0 or is_head(container):
            continue
        starts_inside = (r.first < position < r.last
                         or (position == r.last and r.first < r.last and r.end > 0)
                         or (position == r.first and r.start == 0 and r.last > r.first))
        if starts_inside and container not in inside:
            section = _section(speech, container)
            held.append(container)
            inside.update(s.id for s in section.walk())
    return held


def held_sections(speech: Speech, a: Point, b: Point) -> list[str]:
    """The sections a selection holds (their heading's start lies inside it), top-most only."""
    return _held(speech, _range(speech, a, b))


def text_beyond(speech: Speech, a: Point, b: Point) -> int:
    """Characters outside the selection that removing its held sections whole would delete."""
    r = _range(speech, a, b)
    removed = {s.id for section_id in _held(speech, r) for s in _section(speech, section_id).walk()}
    beyond = 0
    for position, (container, index) in enumerate(r.units):
        if container not in removed:
            continue
        text = unit_text(speech, container, index)
        low = r.start if position == r.first else 0
        high = r.end if position == r.last else len(text)
        if position < r.first or position > r.last:
            beyond += len(text)
        else:
            beyond += len(text) - (high - low)
    return beyond


def delete_range(speech: Speech, a: Point, b: Point, whole_sections: bool = False,
                 keep_start: bool = False) -> Edit | None:
    """Delete the text between two points (in either order); None when the range is empty.

    Headings inside the range stay (with their text) unless ``whole_sections``, which removes
    each held section with everything under it.  A head field keeps its line and loses the
    selected text.  The paragraphs at both ends are joined when only paragraphs lie between;
    a paragraph selected from its very start is removed, unless ``keep_start`` (text is about
    to be typed there).
    """
    r = _range(speech, a, b)
    if r.first == r.last and r.start == r.end:
        return None
    held = _held(speech, r) if whole_sections else []
    removed = {s.id for section_id in held for s in _section(speech, section_id).walk()}
    texts = {unit: unit_text(speech, *unit) for unit in r.units[r.first:r.last + 1]}
    first, last = r.units[r.first], r.units[r.last]

    def kept(unit: Unit) -> bool:
        return unit[0] not in removed

    def is_text(unit: Unit) -> bool:   # a paragraph (not a heading, not a head field)
        return unit[1] >= 0

    between = [u for u in r.units[r.first + 1:r.last] if kept(u) and not is_text(u)]
    join = (r.first != r.last and is_text(first) and is_text(last) and kept(first)
            and kept(last) and not between)

    def build(do) -> None:
        if r.first == r.last:
            text = texts[first]
            do(set_unit(speech, *first, text[:r.start] + text[r.end:]))
            return
        # From the end backwards, so that paragraph indices still to be used stay valid.
        for position in range(r.last, r.first - 1, -1):
            unit = r.units[position]
            if not kept(unit) or (_is_virtual(speech, *unit) and not (join and unit == first)):
                continue
            text = texts[unit]
            low = r.start if position == r.first else 0
            high = r.end if position == r.last else len(text)
            if is_head(unit[0]):
                if low != high:
                    do(SetField(None, unit[0], text[:low] + text[high:]))
            elif not is_text(unit):
                if position == r.first and low < high:   # a heading the range starts inside
                    do(SetField(unit[0], "heading", text[:low]))
            elif position == r.last:
                if join or (low == 0 and high == len(text)):
                    do(RemoveParagraph(*unit))
                elif high > 0:
                    do(SetParagraph(*unit, text[high:]))
            elif position == r.first:
                rest = texts[last][r.end:] if join else ""
                if low == 0 and not join and not keep_start:
                    do(RemoveParagraph(*unit))
                elif text[low:] or rest:
                    do(set_unit(speech, *unit, text[:low] + rest))
            else:
                do(RemoveParagraph(*unit))
        for section_id in held:
            do(RemoveSection(section_id))

    return _composed(speech, build)


def replace_range(speech: Speech, a: Point, b: Point, text: str) -> tuple[Edit, Point]:
    """Type or paste over a selection: the selected text is deleted (headings in it stay) and
    ``text`` goes where the selection began."""
    r = _range(speech, a, b)
    start = Point(*r.units[r.first], r.start)
    caret = start

    def build(do: Callable[[Edit], None]) -> None:
        nonlocal caret
        deletion = delete_range(speech, a, b, keep_start=True)
        if deletion is not None:
            do(deletion)
        if text:
            insertion, caret = insert_text(speech, start, text)
            do(insertion)

    return _composed(speech, build), caret
