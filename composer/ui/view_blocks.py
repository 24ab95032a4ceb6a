"""What the document view shows: the printed blocks of ``export/layout.py``, each cut into
pieces that say which text of the speech they show (no Qt here).

The view shows the speech as it prints — numbers, the 「——」 of a subtitle, the parentheses of
the date line, the 「。」 that ends a run-in heading — so it is drawn from the same blocks as
the .docx and the pages.  But only some of that text is the writer's: a :class:`Piece` either
shows part of a *unit* of the speech (a head field, a heading, a paragraph; see
``core/text_edits.py``) starting at an offset, or it is decoration that cannot be edited.

Three things the page leaves out are shown, because a writer must be able to type there:

* blank paragraphs (an Enter just pressed makes one), as empty lines;
* an empty title, opening or closing, as a line holding only a grey hint;
* a run-in heading's first paragraph before it exists (a place after the heading to type).

Blocks come in *groups*, one per outline row: the head (title … salutation), the opening, each
section (its heading and its own paragraphs), the closing.  An edit re-renders only the groups
it touched.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.speech import CLOSING, HEAD, HEAD_FIELDS, OPENING, SIGNATURE_FIELDS, TEXT_FIELDS, Section, Speech
from ..export.layout import (BLANK, CLOSING_PARAGRAPH, DATE, HEADING, SIGNATURE, SIGNATURE_DATE, SPACES,
                             SUBTITLE, TITLE, Block, head_blocks, section_blocks, signature_blocks,
                             speech_blocks)
from ..export.profiles import Profile

HINT = "hint"   # the role of a placeholder's grey text
# The role of a line break the page makes (page-width mode): decoration that neither copies
# nor prints, so that the screen breaks a paragraph's lines where the page breaks them.
WRAP = "wrap"
# A line break inside a block (a title's printed lines, a break typed into a paragraph) is the
# text document's line separator, never a new paragraph of the view.
LINE_BREAK = "\u2028"
_BREAKS = "\n\r\u2028\u2029"
_AS_LINE_BREAK = str.maketrans({c: LINE_BREAK for c in _BREAKS})

# Layout roles → the profile role whose font a block's text takes.
_FONT_ROLE = {"opening": "body", "paragraph": "body", CLOSING_PARAGRAPH: "closing",
              SIGNATURE_DATE: "signature"}
_DASHES = "—-－–―~～ "


@dataclass(frozen=True)
class Piece:
    text: str
    role: str                            # the profile role of its font, or HINT
    unit: tuple[str, int] | None = None  # the text of the speech it shows; None: decoration
    offset: int = 0                      # where ``text`` starts in that unit's text

    @property
    def editable(self) -> bool:
        return self.unit is not None


@dataclass(frozen=True)
class ViewBlock:
    kind: str                 # the layout role (title, heading, paragraph …)
    group: str                # HEAD, OPENING, CLOSING or a section id: its outline row
    pieces: tuple[Piece, ...]
    level: int = 0            # 1–4 for a heading or a run-in heading's paragraph
    extra: bool = False       # shown for editing only (a blank paragraph, a placeholder)
    right_indent_chars: float = 0.0   # a 落款 line: right-aligned, this far from the edge

    def __post_init__(self) -> None:
        object.__setattr__(self, "pieces", _one_line(self.pieces))

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def printed(self) -> str:
        """The text the page prints for this block: without the spaces typed around the
        writer's text, and '' for the view's extras."""
        if self.extra:
            return ""
        if self.kind == TITLE:   # one text, its lines broken where the layout breaks them
            text = "".join(p.text for p in self.pieces if p.role != WRAP)
            return text.replace(LINE_BREAK, "\n").strip(SPACES + "\n")
        return "".join(p.text.strip(SPACES) if p.editable else p.text for p in self.pieces
                       if p.role != WRAP)

    @property
    def lead(self) -> str:
        """The printed run-in heading that starts a paragraph (its marker, heading and 「。」),
        in the level's font; '' for other blocks."""
        if self.kind == HEADING or not self.level:
            return ""
        lead = []
        for piece in self.pieces:
            if piece.role in ("body", WRAP):
                break
            lead.append(piece.text.strip(SPACES) if piece.editable else piece.text)
        return "".join(lead)

    def shown_index(self, printed_index: int) -> int:
        """The position in ``text`` of the character at PRINTED_INDEX of ``printed`` (the end
        for the printed length).  For a block without WRAP pieces."""
        if self.kind == TITLE:   # trimmed as a whole, its breaks one character for one
            return len(self.text) - len(self.text.lstrip(SPACES + LINE_BREAK)) + printed_index
        at, count = 0, 0
        for piece in self.pieces:
            shown = piece.text.strip(SPACES) if piece.editable else piece.text
            if count + len(shown) > printed_index:
                lead = _lead(piece.text) if piece.editable else 0
                return at + lead + printed_index - count
            count += len(shown)
            at += len(piece.text)
        return at
        at, count = 0, 0
        for piece in self.pieces:
            if piece.role == WRAP:
                at += len(piece.text)
                continue
            shown = piece.text.strip(SPACES) if piece.editable else piece.text
            skipped = piece.text.find(shown) if shown else len(piece.text)
            if count + len(shown) > printed_index:
                return at + skipped + printed_index - count
            count += len(shown)
            at += len(piece.text)
        return at


Group = tuple[str, list[ViewBlock]]


def group_of(container: str) -> str:
    """The group (outline row) a unit's container is shown in: the head fields in the head,
    the 落款 with the closing."""
    if container in HEAD_FIELDS:
        return HEAD
    return CLOSING if container in SIGNATURE_FIELDS else container


@dataclass(frozen=True)
class Hints:
    """The grey text of the placeholders (in the UI language; the view passes them in)."""
    title: str = "（标题）"
    opening: str = "（开头）"
    closing: str = "（结尾）"


def _lead(raw: str) -> int:
    """Characters the layout trims from the start of a text."""
    return len(raw) - len(raw.lstrip(SPACES))


def _shown(raw: str, shown: str, role: str, unit: tuple[str, int]) -> tuple[Piece, ...]:
    """Pieces for ``shown``, the printed form of the unit text ``raw``.

    Printed text is trimmed; the view shows the spaces around it as typed, so that a space
    just typed at the end of a paragraph is where the next character goes.  Text the layout
    rewrote (a date in Chinese numerals) is decoration, with an empty place to type before it.
    """
    if raw.strip(SPACES) == shown:
        return (Piece(raw, role, unit, 0),)
    at = raw.find(shown) if shown else _lead(raw)
    if at >= 0:
        return (Piece(shown, role, unit, at),)
    return (Piece("", role, unit, _lead(raw)), Piece(shown, role))


def _title_pieces(raw: str, shown: str) -> tuple[Piece, ...]:
    """The title as typed, cut where the layout breaks a line on its own (decoration between
    two pieces); the writer's own breaks are part of the text.  ``shown`` is the layout's text:
    the title trimmed, its lines joined by "\n"."""
    unit = ("title", -1)
    pieces: list[Piece] = []
    at = _lead(raw)
    start = at
    for char in shown:
        if char == "\n":
            probe = at
            # Spaces before the writer's break (SPACES holds "\n" too: stop at a break).
            while probe < len(raw) and raw[probe] in SPACES and raw[probe] not in _BREAKS:
                probe += 1
            if probe < len(raw) and raw[probe] in _BREAKS:
                at = probe + 1          # the writer's break: stays in the piece
                continue
            pieces.append(Piece(raw[start:at], TITLE, unit, start))
            pieces.append(Piece("\n", TITLE))   # a break the layout made
            start = at
            continue
        found = raw.find(char, at)
        at = found + 1 if found >= 0 else at
    pieces.append(Piece(raw[start:], TITLE, unit, start))
    return tuple(pieces)


def _one_line(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Line breaks inside a block's text as the text document's line separator: a block is
    one paragraph of the view, whatever its text holds (one character for one, so offsets
    stay as they are)."""
    if not any(c in piece.text for piece in pieces for c in _BREAKS):
        return pieces
    return tuple(Piece(p.text.translate(_AS_LINE_BREAK), p.role, p.unit, p.offset) for p in pieces)


def wrapped(block: ViewBlock, breaks: list[int]) -> ViewBlock:
    """BLOCK with a WRAP piece at each of BREAKS (positions in its ``printed`` text where the
    page begins a new line); a piece of the writer's text is cut in two there."""
    if not breaks:
        return block
    cuts = sorted({block.shown_index(index) for index in breaks} - {0, len(block.text)})
    if not cuts:
        return block
    pieces: list[Piece] = []
    at = 0
    remaining = iter(cuts)
    cut = next(remaining, None)
    for piece in block.pieces:
        end = at + len(piece.text)
        start = at
        while cut is not None and cut < end:
            if cut > start:
                pieces.append(Piece(piece.text[start - at:cut - at], piece.role, piece.unit,
                                    piece.offset + start - at))
            pieces.append(Piece(LINE_BREAK, WRAP))
            start, cut = cut, next(remaining, None)
        if end > start or not piece.text:
            pieces.append(Piece(piece.text[start - at:], piece.role, piece.unit,
                                piece.offset + start - at))
        at = end
    return replace(block, pieces=tuple(pieces))


def unwrapped(block: ViewBlock) -> ViewBlock:
    """BLOCK without its WRAP pieces, the pieces they cut joined again."""
    if not any(piece.role == WRAP for piece in block.pieces):
        return block
    pieces: list[Piece] = []
    joining = False
    for piece in block.pieces:
        if piece.role == WRAP:
            joining = True
            continue
        last = pieces[-1] if pieces else None
        if joining and last is not None and last.unit == piece.unit and last.role == piece.role \
                and (last.unit is None or last.offset + len(last.text) == piece.offset):
            pieces[-1] = Piece(last.text + piece.text, last.role, last.unit, last.offset)
        else:
            pieces.append(piece)
        joining = False
    return replace(block, pieces=tuple(pieces))


def _head_block(block: Block, speech: Speech, profile: Profile, raw_date: bool) -> ViewBlock:
    name = block.source.container if block.source else ""
    raw = getattr(speech, name) if name in TEXT_FIELDS else ""
    role = _FONT_ROLE.get(block.role, block.role)
    unit = (name, -1)
    if role == SUBTITLE:
        trimmed = raw.strip(SPACES)
        rest = trimmed.lstrip(_DASHES)
        offset = _lead(raw) + len(trimmed) - len(rest)
        pieces: tuple[Piece, ...] = (Piece(block.text[:len(block.text) - len(rest)], role),
                                     Piece(raw[offset:], role, unit, offset))
    elif role == DATE:
        inner = block.text[1:-1]
        if raw_date and raw.find(inner) < 0:
            inner = raw.strip(SPACES)   # rewritten (二〇二四年…): as typed, while the caret is in it
        pieces = (Piece(block.text[0], role), *_shown(raw, inner, role, unit), Piece(block.text[-1], role))
    elif role == TITLE and "\n" in block.text:
        pieces = _title_pieces(raw, block.text)
    else:
        pieces = _shown(raw, block.text, role, unit)
    if block.role in (SIGNATURE, SIGNATURE_DATE):
        return ViewBlock(block.role, CLOSING, pieces, right_indent_chars=block.right_indent_chars)
    return ViewBlock(block.role, HEAD, pieces)


def _paragraph_pieces(block_text: str, paragraphs: list[str], index: int, role: str,
                      container: str) -> tuple[Piece, ...]:
    return _shown(paragraphs[index], block_text, role, (container, index))


def _with_blank_paragraphs(blocks: list[ViewBlock], shown: set[int], paragraphs: list[str],
                           container: str, group: str, role: str, kind: str) -> list[ViewBlock]:
    """Add the blank paragraphs the page leaves out, each after the paragraph before it."""
    blank = [i for i in range(len(paragraphs)) if i not in shown]
    if not blank:
        return blocks

    def index_of(block: ViewBlock) -> int:
        units = [p.unit for p in block.pieces if p.unit is not None and p.unit[0] == container
                 and p.unit[1] >= 0]
        return units[-1][1] if units else -1
    out = list(blocks)
    for i in blank:
        block = ViewBlock(kind, group, (Piece("", role, (container, i), len(paragraphs[i])),),
                          extra=True)
        at = next((k for k, b in enumerate(out) if index_of(b) > i), len(out))
        if at == 0 and container == group and container not in (OPENING, CLOSING):
            at = 1   # a section's first block holds its heading: nothing goes before it
        out.insert(at, block)
    return out


def head_group(speech: Speech, profile: Profile, hints: Hints = Hints(),
               raw_date: bool = False, blocks: list[Block] | None = None) -> list[ViewBlock]:
    """Title, subtitle, speaker, date, the blank line and the salutation."""
    if blocks is None:
        blocks = head_blocks(speech, profile)
    out = [ViewBlock(BLANK, HEAD, ()) if block.role == BLANK
           else _head_block(block, speech, profile, raw_date) for block in blocks]
    if not speech.title.strip(SPACES):
        out.insert(0, ViewBlock(TITLE, HEAD, (Piece("", TITLE, ("title", -1), len(speech.title)),
                                              Piece(hints.title, HINT)), extra=True))
    return out


def container_group(speech: Speech, container: str, profile: Profile, hints: Hints = Hints(),
                    blocks: list[Block] | None = None) -> list[ViewBlock]:
    """The opening's or the closing's paragraphs (the closing with the 落款 after it)."""
    paragraphs = speech.paragraphs_of(container)
    kind = "opening" if container == OPENING else CLOSING_PARAGRAPH
    role = _FONT_ROLE[kind]
    if blocks is None:
        only = Speech(opening=speech.opening) if container == OPENING else Speech(closing=speech.closing)
        blocks = [b for b in speech_blocks(only, profile) if b.source]
        if container == CLOSING:
            blocks += signature_blocks(speech, profile)
    out, shown = [], set()
    tail: list[ViewBlock] = []
    for block in blocks:
        if block.source is None or block.source.container != container:
            # The 落款 after the closing: its blank line and its two lines.
            tail.append(ViewBlock(BLANK, container, ()) if block.source is None
                        else _head_block(block, speech, profile, False))
            continue
        shown.add(block.source.index)
        out.append(ViewBlock(kind, container,
                             _paragraph_pieces(block.text, paragraphs, block.source.index, role,
                                               container)))
    out = _with_blank_paragraphs(out, shown, paragraphs, container, container, role, kind)
    if not out:
        hint = hints.opening if container == OPENING else hints.closing
        out = [ViewBlock(kind, container, (Piece("", role, (container, 0)), Piece(hint, HINT)),
                         extra=True)]
    return out + tail


def section_group(section: Section, level: int, marker: str,
                  blocks: list[Block] | None = None) -> list[ViewBlock]:
    """A section's heading (or run-in heading) and its own paragraphs."""
    if blocks is None:
        blocks = section_blocks(section, level, marker)
    sid = section.id
    role = f"heading{level}"
    out: list[ViewBlock] = []
    shown: set[int] = set()
    for block in blocks:
        if block.role == HEADING:
            raw = section.heading
            heading = block.text[len(marker):]
            out.append(ViewBlock(HEADING, sid, (Piece(marker, role),
                                                *_shown(raw, heading, role, (sid, -1))), level))
        elif block.lead:   # a run-in heading and the first paragraph after it
            lead_text = block.lead[len(marker):]
            trimmed = section.heading.strip(SPACES)
            common = 0
            while common < min(len(trimmed), len(lead_text)) and trimmed[common] == lead_text[common]:
                common += 1
            typed = lead_text[:common]
            tail = section.heading[_lead(section.heading) + common:]
            if not tail.strip(SPACES):   # spaces typed at the heading's end stay visible
                typed += tail
            pieces = [Piece(marker, role), Piece(typed, role, (sid, -1), _lead(section.heading))]
            if lead_text[common:]:
                pieces.append(Piece(lead_text[common:], role))
            if block.source is not None:
                shown.add(block.source.index)
                pieces += _paragraph_pieces(block.rest, section.paragraphs, block.source.index,
                                            "body", sid)
            else:
                pieces.append(Piece("", "body", (sid, len(section.paragraphs))))
            out.append(ViewBlock("paragraph", sid, tuple(pieces), level))
        else:
            assert block.source is not None
            shown.add(block.source.index)
            out.append(ViewBlock("paragraph", sid, _paragraph_pieces(
                block.text, section.paragraphs, block.source.index, "body", sid)))
    return _with_blank_paragraphs(out, shown, section.paragraphs, sid, sid, "body", "paragraph")


def document_groups(speech: Speech, profile: Profile, markers: dict[str, str],
                    hints: Hints = Hints(), raw_date: bool = False) -> list[Group]:
    """Every group in reading order, from the layout's blocks of the whole speech."""
    by_group: dict[str, list[Block]] = {}
    order: list[str] = [HEAD, OPENING]
    key = HEAD
    blocks = speech_blocks(speech, profile)
    for number, block in enumerate(blocks):
        source = block.heading_source or block.source
        if source is not None:
            key = group_of(source.container)
        elif any(b.source is not None and b.source.container in SIGNATURE_FIELDS
                 for b in blocks[number + 1:number + 2]):
            key = CLOSING   # the blank line before the 落款 (else: with the block before it)
        if key not in by_group and key not in order:
            order.append(key)
        by_group.setdefault(key, []).append(block)
    if CLOSING in order:
        order.remove(CLOSING)
    order.append(CLOSING)
    levels = {section.id: (section, level) for section, level in speech.walk()}
    groups: list[Group] = []
    for key in order:
        blocks = by_group.get(key, [])
        if key == HEAD:
            groups.append((key, head_group(speech, profile, hints, raw_date, blocks)))
        elif key in (OPENING, CLOSING):
            groups.append((key, container_group(speech, key, profile, hints, blocks)))
        else:
            section, level = levels[key]
            groups.append((key, section_group(section, level, markers.get(key, ""), blocks)))
    return groups
