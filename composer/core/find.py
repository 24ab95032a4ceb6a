"""Find and replace across a speech: head fields, headings and paragraphs, in reading order.

Writers borrow paragraphs from other offices and then have to make them their own (省级 →
市级, 我院 → 我局).  Matches are looked for in the text the writer typed — headings without
their computed numbers, which are not text — and a replace-all is one edit, so one Undo takes
it back.

With ``match_width`` a full-width form and its half-width form count as the same character:
the ASCII range (１２３ and 123, （） and (), Ａ and A, the ideographic space and a space) and
the punctuation a Chinese input method gives for the same key (，and , 。and . 、and \\ ；and ;
：and : ？and ? ！and ! “” and " ‘’ and ' 【】 and [] 《》 and <> ～ and ~).  Each of these is one
character for one character, so an offset in the folded text is an offset in the real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .edits import Edit, SetField, SetParagraph, TextReplacement
from .errors import OperationError
from .speech import CLOSING, HEAD, HEAD_FIELDS, OPENING, SIGNATURE_FIELDS, TEXT_FIELDS, Speech

__all__ = ["Match", "find_all", "fold_width", "replace_all", "replace_one", "search_units"]


def _width_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}   # ！…～ → !…~
    table[0x3000] = " "
    pairs = {"。": ".", "、": "\\", "“": '"', "”": '"', "‘": "'", "’": "'", "【": "[",
             "】": "]", "《": "<", "》": ">", "〈": "<", "〉": ">", "｡": ".", "､": "\\"}
    table.update({ord(full): half for full, half in pairs.items()})
    return table


_WIDTH = _width_table()


def fold_width(text: str) -> str:
    """Full-width forms as their half-width ones, character for character."""
    return text.translate(_WIDTH)


@dataclass(frozen=True)
class Match:
    """One occurrence: the unit it is in (as in text_edits: container, index) and its span."""
    container: str
    index: int      # -1: a head field or a heading
    start: int
    end: int


def search_units(speech: Speech, scope: str | None = None) -> Iterator[tuple[str, int, str]]:
    """(container, index, text) of every searchable text in reading order.

    ``scope`` None is the whole speech; HEAD the head fields and the 落款 (the fields of 讲稿信息);
    OPENING or CLOSING that container; a section id that section with everything under it.
    """
    if scope in (None, HEAD):
        for name in HEAD_FIELDS:
            yield name, -1, getattr(speech, name)
    if scope in (None, OPENING):
        yield from ((OPENING, i, text) for i, text in enumerate(speech.opening))
    if scope not in (HEAD, OPENING, CLOSING):
        if scope is None:
            sections = [section for section, _ in speech.walk()]
        else:
            try:
                sections = list(speech.find(scope).walk())
            except KeyError:
                raise OperationError("要查找的范围已经不在讲稿里了。",
                                     "The section to search in is no longer in the speech.") from None
        for section in sections:
            yield section.id, -1, section.heading
            yield from ((section.id, i, text) for i, text in enumerate(section.paragraphs))
    if scope in (None, CLOSING):
        yield from ((CLOSING, i, text) for i, text in enumerate(speech.closing))
    if scope in (None, HEAD):
        for name in SIGNATURE_FIELDS:
            yield name, -1, getattr(speech, name)


def _spans(text: str, query: str, match_width: bool) -> Iterator[tuple[int, int]]:
    if match_width:
        text, query = fold_width(text), fold_width(query)
    start = text.find(query)
    while start >= 0:
        yield start, start + len(query)
        start = text.find(query, start + len(query))


def find_all(speech: Speech, query: str, match_width: bool = False,
             scope: str | None = None) -> list[Match]:
    """Every non-overlapping occurrence of ``query``, in reading order ([] for an empty query)."""
    if not query:
        return []
    return [Match(container, index, start, end)
            for container, index, text in search_units(speech, scope)
            for start, end in _spans(text, query, match_width)]


def _set(container: str, index: int, text: str) -> Edit:
    if container in TEXT_FIELDS:
        return SetField(None, container, text)
    if index < 0:
        return SetField(container, "heading", text)
    return SetParagraph(container, index, text)


def replace_all(speech: Speech, query: str, replacement: str, match_width: bool = False,
                scope: str | None = None) -> TextReplacement:
    """Replace every occurrence, as one edit that knows how many places it replaces."""
    if not query:
        raise OperationError("要查找的内容不能为空。", "The text to find is empty.")
    edits: list[Edit] = []
    count = 0
    for container, index, text in search_units(speech, scope):
        spans = list(_spans(text, query, match_width))
        if not spans:
            continue
        count += len(spans)
        pieces, done = [], 0
        for start, end in spans:
            pieces += [text[done:start], replacement]
            done = end
        pieces.append(text[done:])
        edits.append(_set(container, index, "".join(pieces)))
    return TextReplacement(edits, count)


def replace_one(speech: Speech, match: Match, query: str, replacement: str,
                match_width: bool = False) -> Edit:
    """Replace one occurrence found earlier; refused when the text there has changed since."""
    texts = {(container, index): text for container, index, text in search_units(speech)}
    text = texts.get((match.container, match.index))
    found = text[match.start:match.end] if text is not None else None
    if found is None or not query or (fold_width(found) != fold_width(query) if match_width
                                      else found != query):
        raise OperationError("这一处已经改过了，请重新查找。",
                             "The text there has changed; find it again.")
    return _set(match.container, match.index,
                text[:match.start] + replacement + text[match.end:])  # type: ignore[index]
