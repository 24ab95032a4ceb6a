"""Drawing the document view's blocks into a QTextDocument, and finding places in it.

The document view (document_view.py) decides *what* to show — the groups of ``view_blocks.py``
— and turns the writer's keys into edits; this module draws those blocks in the profile's
formats and keeps what is shown in step with them at the least cost:

* a group an edit touched is compared with what is shown, block by block and, in a block that
  keeps its kind, character by character, so a typed character inserts one character;
* after a structural change the whole list of blocks is compared (a sequence diff): a moved
  section is removed and inserted, a renumbered heading changes by its number.

It also maps between positions in the text document and places in the speech (``Point``):
positions in decoration (numbers, the subtitle dash, the date's parentheses, grey hints) map to
the nearest place of the writer's text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from time import perf_counter

from PySide6.QtCore import Qt
from PySide6.QtGui import (QColor, QFont, QTextBlockFormat, QTextCharFormat,
                           QTextCursor, QTextDocument)

from ..core.speech import CLOSING, OPENING
from ..core.text_edits import Point
from .language import UI_FONT_FAMILIES
from .page_lines import PageLines
from .view_blocks import HINT, LINE_BREAK, WRAP, Group, Piece, ViewBlock, group_of

HINT_COLOUR = QColor(0x99, 0x99, 0x99)
_CENTRED = {"title", "subtitle", "speaker", "date"}
_INDENTED = {"heading", "paragraph", "opening", "closing"}
_RIGHT = {"signature", "signature_date"}     # the 落款


def piece_point(piece: Piece, offset: int) -> Point:
    """A place in the text an editable piece shows."""
    assert piece.unit is not None
    return Point(piece.unit[0], piece.unit[1], offset)


def editable_spans(block: ViewBlock) -> Iterator[tuple[int, Piece]]:
    """(start in the block, piece) of every editable piece of a block."""
    at = 0
    for piece in block.pieces:
        if piece.editable:
            yield at, piece
        at += len(piece.text)


class PageRenderer:
    def __init__(self, document: QTextDocument, profile, dpi: Callable[[], float]):
        self.document = document
        self.profile = profile
        self.zoom = 1.0
        self._dpi = dpi
        self.groups: list[Group] = []
        self._index: dict[str, int] = {}
        self._starts: list[int] | None = None
        self._char_formats: dict[str, QTextCharFormat] = {}
        self._role_codes: dict[str, str] = {}
        # While drawing: changes of the text document are the renderer's own.
        self.rendering = 0
        # Where the last drawing changed the text (for the caret after an undo).
        self.last_change: int | None = None
        # Page-width mode: every block broken into lines where the page breaks it.
        self.page_lines: PageLines | None = None
        # Page-width mode, a new speech drawn for its first screen (``show``'s first_lines):
        # the groups after that screen, shown as their text alone until ``break_pending`` sets
        # them into the page's lines.  Everything before the first of them is final.
        self.pending: dict[str, None] = {}

    # --- formats --------------------------------------------------------------------------------

    def px(self, points: float) -> float:
        """Points of the page in pixels of the screen, at the zoom."""
        return points * self.zoom * self._dpi() / 72

    def text_width_px(self) -> float:
        page = self.profile.page
        return self.px((page.width_mm - page.left_mm - page.right_mm) / 25.4 * 72)

    def hanging_room_px(self) -> float:
        """Room beyond the text block for a mark that hangs there (page-width mode)."""
        return self.px(self.profile.role("body").size_pt) + 1

    def set_style(self, profile, zoom: float) -> None:
        """A new profile or zoom: formats are made again (the caller redraws)."""
        self.profile, self.zoom = profile, zoom
        self._char_formats.clear()
        if self.page_lines is not None:
            self.page_lines.set_profile(profile)

    def set_page_lines(self, on: bool) -> None:
        """Break lines where the page breaks them, or let Qt break them at the view's width
        (the caller redraws)."""
        if on and self.page_lines is None:
            self.page_lines = PageLines(self.profile)
        elif not on:
            self.page_lines = None
            self.pending.clear()

    def _lines(self, blocks: list[ViewBlock]) -> list[ViewBlock]:
        if self.page_lines is None:
            return blocks
        return [self.page_lines.wrap(block) for block in blocks]

    def _families(self, font: str, latin: str) -> list[str]:
        """The fonts the pages print the role in (composer/pages/fonts.py): the profile's where
        it is installed, else the same installed stand-in the PDF and the printout use, so that
        a 黑体 heading does not look like the body on a machine without 黑体; then the UI's CJK
        fonts.  The Chinese font comes first: it also sets “ ” — … full-width, as the .docx's
        w:hint="eastAsia" does (a Latin font first draws them half-width and moves the line
        breaks); the Latin font draws only what the Chinese one lacks."""
        from ..pages import fonts
        chosen = [fonts.resolve(self.profile, font).family,
                  fonts.resolve(self.profile, latin, latin=True).family]
        wanted = [f for f in chosen if f and fonts.installed(f)]
        return wanted + [f for f in UI_FONT_FAMILIES if f not in wanted]

    def char_format(self, role: str) -> QTextCharFormat:
        cached = self._char_formats.get(role)
        if cached is not None:
            return cached
        profile_role = self.profile.role("body" if role in (HINT, WRAP) else role)
        font = QFont()
        font.setFamilies(self._families(profile_role.font, profile_role.latin_font))
        font.setPointSizeF(profile_role.size_pt * self.zoom)
        font.setBold(profile_role.bold)
        # Unhinted, as the page typesetter's fonts (pages/fonts.make_font): the advances are the
        # page's, fractional, and a glyph's outline is read without running its hinting program
        # (with hinting, setting the example speech took 12 ms longer, mostly in FreeType).
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        # Condensed as on the page, where it makes 28 characters fit a line.
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing,
                              self.px(self.profile.text.character_spacing_pt))
        char_format = QTextCharFormat()
        char_format.setFont(font)
        if role == HINT:
            char_format.setForeground(HINT_COLOUR)
        self._char_formats[role] = char_format
        return char_format

    def block_format(self, block: ViewBlock) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        # Page-width mode lays lines out in the text block and the room for a hanging mark:
        # centred and right-aligned lines leave that room out, to stand where they print.
        room = self.hanging_room_px() if self.page_lines is not None else 0.0
        if block.kind in _CENTRED:
            block_format.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            block_format.setRightMargin(room)
        elif block.kind in _INDENTED:
            block_format.setAlignment(Qt.AlignmentFlag.AlignJustify)
            role = self.profile.role(block.pieces[0].role if block.kind == "heading" else "body")
            block_format.setTextIndent(self.px(self.profile.text.first_line_chars * role.size_pt))
        elif block.kind in _RIGHT:
            block_format.setAlignment(Qt.AlignmentFlag.AlignRight)
            size = self.profile.role("signature").size_pt
            block_format.setRightMargin(self.px(block.right_indent_chars * size) + room)
        else:
            block_format.setAlignment(Qt.AlignmentFlag.AlignLeft)
        block_format.setLineHeight(self.px(self.profile.text.line_pitch_pt),
                                   QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        return block_format

    def block_char_format(self, block: ViewBlock) -> QTextCharFormat:
        """The format of an empty block's caret and of what is typed into it."""
        editable = [p for p in block.pieces if p.editable]
        role = editable[0].role if editable else (block.pieces[0].role if block.pieces else "body")
        return self.char_format(role)

    # --- drawing --------------------------------------------------------------------------------

    @contextmanager
    def _drawing(self):
        self.rendering += 1
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        try:
            yield cursor
        finally:
            cursor.endEditBlock()
            self.rendering -= 1

    def show(self, groups: list[Group], full: bool = False, first_lines: int | None = None) -> None:
        """Show these groups: only what differs from what is shown, or everything (``full``).

        With ``first_lines`` (page-width mode), only the groups that fill that many lines from
        the top are set into the page's lines now, the rest by ``break_pending``: typesetting
        is most of the cost of drawing a speech, and the window can paint its first screen
        before it is done."""
        old = [block for _, blocks in self.groups for block in blocks]
        self.pending.clear()
        if first_lines is not None and self.page_lines is not None:
            groups = self._first_screen(groups, first_lines)
        else:
            groups = [(key, self._lines(blocks)) for key, blocks in groups]
        self.groups = groups
        self._index = {key: i for i, (key, _) in enumerate(groups)}
        self._starts = None
        new = [block for _, blocks in groups for block in blocks]
        with self._drawing() as cursor:
            if full or not old:
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.removeSelectedText()
                self._replace_blocks(cursor, 0, 1, new)
            else:
                self._apply_diff(cursor, 0, old, new)

    def _first_screen(self, groups: list[Group], first_lines: int) -> list[Group]:
        shown: list[Group] = []
        lines = 0
        for key, blocks in groups:
            if lines < first_lines:
                blocks = self._lines(blocks)
                lines += sum(1 + sum(piece.text.count(LINE_BREAK) for piece in block.pieces)
                             for block in blocks)
            else:
                self.pending[key] = None
            shown.append((key, blocks))
        return shown

    def settled(self, group: int) -> bool:
        """Whether the group is shown as it will stay (no group up to it waits for its page
        lines), so that places and heights found in it hold."""
        if not self.pending:
            return True
        return group < self._index[next(iter(self.pending))]

    def break_pending(self, seconds: float | None = None) -> None:
        """Set the groups that wait for their page lines into them (see ``show``), from the
        top: all of them, or as many as take about ``seconds``."""
        if not self.pending:
            return
        until = None if seconds is None else perf_counter() + seconds
        with self._drawing():
            while self.pending:
                key = next(iter(self.pending))
                self.show_group(key, self.groups[self._index[key]][1])
                if until is not None and perf_counter() >= until:
                    break

    def show_group(self, key: str, blocks: list[ViewBlock]) -> None:
        """One group again, after an edit that touched it."""
        self.pending.pop(key, None)
        number = self._index.get(key)
        if number is None:
            return
        old = self.groups[number][1]
        blocks = self._lines(blocks)
        if old == blocks:
            return
        with self._drawing() as cursor:
            self._apply_diff(cursor, self.start(number), old, blocks)
        self.groups[number] = (key, blocks)
        if len(old) != len(blocks):
            self._starts = None

    def start(self, group: int) -> int:
        """The number of a group's first block."""
        if self._starts is None:
            starts, total = [], 0
            for _, blocks in self.groups:
                starts.append(total)
                total += len(blocks)
            self._starts = starts
        return self._starts[group]

    def group_index(self, key: str) -> int | None:
        return self._index.get(key)

    def _insert_pieces(self, cursor: QTextCursor, block: ViewBlock, start: int = 0,
                       end: int | None = None) -> None:
        """Insert the block's text from ``start`` to ``end`` at the cursor, piece by piece."""
        done = 0
        for piece in block.pieces:
            low = max(start, done)
            high = min(end if end is not None else 1 << 30, done + len(piece.text))
            if low < high:
                cursor.insertText(piece.text[low - done:high - done], self.char_format(piece.role))
            done += len(piece.text)

    def _apply_diff(self, cursor: QTextCursor, first: int, old: list[ViewBlock],
                    new: list[ViewBlock]) -> None:
        """Turn the shown blocks ``old`` (from block number ``first`` on) into ``new``."""
        from difflib import SequenceMatcher   # not needed to draw a speech: from the first edit
        opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        # From the end backwards, so that the block numbers still to be used stay valid.
        for tag, i1, i2, j1, j2 in reversed(opcodes):
            if tag == "equal":
                continue
            if self._split_or_join(cursor, first + i1, old[i1:i2], new[j1:j2]):
                continue
            paired = min(i2 - i1, j2 - j1)
            if i2 - i1 > paired:
                self._remove_blocks(cursor, first + i1 + paired, i2 - i1 - paired)
            elif j2 - j1 > paired:
                self._insert_blocks(cursor, first + i1 + paired, new[j1 + paired:j2])
            for k in range(paired - 1, -1, -1):
                if old[i1 + k] != new[j1 + k]:
                    self._update_block(cursor, first + i1 + k, old[i1 + k], new[j1 + k])

    def _split_or_join(self, cursor: QTextCursor, number: int, old: list[ViewBlock],
                       new: list[ViewBlock]) -> bool:
        """Enter and Backspace as the text document's own: a block split in two, or two joined,
        with the same text — one line break inserted or removed, the text left as it is."""
        if len(old) == 1 and len(new) == 2 and old[0].pieces[-1:] and new[0].pieces and \
                old[0].text == new[0].text + new[1].text and self._same_roles(old, new):
            block = self.document.findBlockByNumber(number)
            cursor.setPosition(block.position() + len(new[0].text))
            cursor.insertBlock(self.block_format(new[1]), self.block_char_format(new[1]))
            if (old[0].kind, old[0].level) != (new[0].kind, new[0].level):
                cursor.setPosition(block.position())
                cursor.setBlockFormat(self.block_format(new[0]))
            self.last_change = block.position() + len(new[0].text) + 1
            return True
        if len(old) == 2 and len(new) == 1 and old[0].text + old[1].text == new[0].text and \
                self._same_roles(new, old):
            block = self.document.findBlockByNumber(number)
            cursor.setPosition(block.position() + len(old[0].text))
            cursor.deleteChar()   # the line break; the joined block takes the second's format
            cursor.setBlockFormat(self.block_format(new[0]))
            cursor.setBlockCharFormat(self.block_char_format(new[0]))
            self.last_change = cursor.position()
            return True
        return False

    def _same_roles(self, one: list[ViewBlock], two: list[ViewBlock]) -> bool:
        def codes(blocks: list[ViewBlock]) -> str:
            return "".join(self._code(p.role) * len(p.text) for b in blocks for p in b.pieces)
        return codes(one) == codes(two)

    def _update_block(self, cursor: QTextCursor, number: int, old: ViewBlock, new: ViewBlock) -> None:
        """A block shown as ``old`` becomes ``new``: only the characters that differ."""
        block = self.document.findBlockByNumber(number)
        if (old.kind, old.level) != (new.kind, new.level) or \
                self.block_char_format(old) != self.block_char_format(new):
            cursor.setPosition(block.position())
            cursor.setBlockFormat(self.block_format(new))
            cursor.setBlockCharFormat(self.block_char_format(new))
        old_roles = "".join(self._code(p.role) * len(p.text) for p in old.pieces)
        new_roles = "".join(self._code(p.role) * len(p.text) for p in new.pieces)
        old_text, new_text = old.text, new.text
        limit = min(len(old_text), len(new_text))
        head = 0
        while head < limit and old_text[head] == new_text[head] and old_roles[head] == new_roles[head]:
            head += 1
        tail = 0
        while (tail < limit - head and old_text[-1 - tail] == new_text[-1 - tail]
               and old_roles[-1 - tail] == new_roles[-1 - tail]):
            tail += 1
        cursor.setPosition(block.position() + head)
        cursor.setPosition(block.position() + len(old_text) - tail, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._insert_pieces(cursor, new, head, len(new_text) - tail)
        self.last_change = cursor.position()

    def _code(self, role: str) -> str:
        """One character per role, to compare the formats of two texts character by character."""
        code = self._role_codes.get(role)
        if code is None:
            code = self._role_codes[role] = chr(0xE000 + len(self._role_codes))
        return code

    def _put_block(self, cursor: QTextCursor, block: ViewBlock, new_block: bool) -> None:
        if new_block:
            cursor.insertBlock(self.block_format(block), self.block_char_format(block))
        else:
            cursor.setBlockFormat(self.block_format(block))
            cursor.setBlockCharFormat(self.block_char_format(block))
        self._insert_pieces(cursor, block)

    def _replace_blocks(self, cursor: QTextCursor, first: int, count: int,
                        blocks: list[ViewBlock]) -> None:
        """Blocks ``first`` … ``first + count - 1`` (at least one) become ``blocks`` (at least one)."""
        start = self.document.findBlockByNumber(first)
        end = self.document.findBlockByNumber(first + count - 1)
        cursor.setPosition(start.position())
        cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        for i, block in enumerate(blocks):
            self._put_block(cursor, block, i > 0)
        self.last_change = cursor.position()

    def _remove_blocks(self, cursor: QTextCursor, first: int, count: int) -> None:
        """Remove blocks with their line breaks (the block after them keeps its format)."""
        last = self.document.findBlockByNumber(first + count - 1)
        following = last.next()
        if following.isValid():
            cursor.setPosition(self.document.findBlockByNumber(first).position())
            cursor.setPosition(following.position(), QTextCursor.MoveMode.KeepAnchor)
        else:
            # The last blocks: from the end of the one before them.  That block then ends where
            # the last one ended, and a block's format goes with its end: give it its own back.
            before = self.document.findBlockByNumber(first - 1)
            block_format, char_format = before.blockFormat(), before.charFormat()
            cursor.setPosition(before.position() + before.length() - 1)
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
            self.last_change = cursor.position()
            return
        cursor.removeSelectedText()
        self.last_change = cursor.position()

    def _insert_blocks(self, cursor: QTextCursor, before: int, blocks: list[ViewBlock]) -> None:
        """Insert blocks before block number ``before`` (which may be one past the last)."""
        if before == 0:
            # A new block at the very start takes the first block's place: split the first
            # block in front of its text, giving its text its own formats back.
            old = self.document.firstBlock()
            cursor.setPosition(0)
            cursor.insertBlock(old.blockFormat(), old.charFormat())
            cursor.setPosition(0)
            self._put_block(cursor, blocks[0], False)
            blocks = blocks[1:]
        else:
            previous = self.document.findBlockByNumber(before - 1)
            cursor.setPosition(previous.position() + previous.length() - 1)
        for block in blocks:
            self._put_block(cursor, block, True)
        self.last_change = cursor.position()

    # --- places ---------------------------------------------------------------------------------

    def _locate(self, number: int) -> tuple[int, int]:
        """(group, index in the group) of a block number."""
        if self._starts is None:
            self.start(0)
        assert self._starts is not None
        group = bisect_right(self._starts, number) - 1
        return group, number - self._starts[group]

    def view_block(self, number: int) -> ViewBlock | None:
        if not self.groups or number < 0:
            return None
        group, index = self._locate(number)
        blocks = self.groups[group][1]
        return blocks[index] if index < len(blocks) else None

    def group_key_at(self, position: int) -> str | None:
        number = self.document.findBlock(position).blockNumber()
        if not self.groups or number < 0:
            return None
        return self.groups[self._locate(number)[0]][0]

    def point_at(self, position: int, forward: bool = True) -> Point | None:
        """The place in the speech at a position: in decoration, the nearest place of text after
        it (``forward``) or before it, in this block or the next ones."""
        block = self.document.findBlock(max(0, min(position, self.document.characterCount() - 1)))
        number, at = block.blockNumber(), position - block.position()
        for _ in range(64):   # a run of blocks without text is short (the blank line)
            view = self.view_block(number)
            if view is None:
                return None
            spans = list(editable_spans(view))
            inside = [(s, p) for s, p in spans if s <= at <= s + len(p.text)]
            if inside:
                # Where two pieces meet (a run-in heading and its text), the later one.
                start, piece = inside[-1] if forward else inside[0]
                return piece_point(piece, piece.offset + at - start)
            if forward:
                after = [(s, p) for s, p in spans if s >= at]
                if after:
                    return piece_point(after[0][1], after[0][1].offset)
                number, at = number + 1, 0
            else:
                before = [(s, p) for s, p in spans if s + len(p.text) <= at]
                if before:
                    piece = before[-1][1]
                    return piece_point(piece, piece.offset + len(piece.text))
                number, at = number - 1, 1 << 30
        return None

    def position_of(self, point: Point) -> int | None:
        """The position of a place in the speech (clamped to the text shown of its unit); None
        when the unit is not shown."""
        group = self._index.get(group_of(point.container))
        if group is None:
            return None
        first = self.start(group)
        found: tuple[int, int, Piece] | None = None    # (block, start, piece)
        for i, block in enumerate(self.groups[group][1]):
            for start, piece in editable_spans(block):
                if piece.unit != point.unit:
                    continue
                # A unit may be shown in several pieces (a title broken into lines): the one
                # holding the offset, else the last one before it.
                if found is None or piece.offset <= point.offset:
                    found = (i, start, piece)
        if found is not None:
            i, start, piece = found
            inside = min(max(point.offset - piece.offset, 0), len(piece.text))
            return self.document.findBlockByNumber(first + i).position() + start + inside
        if point.index >= 0 and point.container not in (OPENING, CLOSING):
            # A section's paragraph that is not shown (an empty container): its heading's end.
            return self.position_of(Point(point.container, -1, 1 << 30))
        return None

    def wraps_at(self, position: int) -> bool:
        """Whether the character at a position is a line break of the page (a WRAP piece):
        the caret before it is at the end of a line, after it at the start of the next, and
        both are the same place in the text."""
        if self.page_lines is None or self.document.characterAt(position) != LINE_BREAK:
            return False
        block = self.document.findBlock(position)
        view = self.view_block(block.blockNumber())
        if view is None:
            return False
        at, start = position - block.position(), 0
        for piece in view.pieces:
            if start <= at < start + len(piece.text):
                return piece.role == WRAP
            start += len(piece.text)
        return False

    def piece_at(self, position: int) -> tuple[int, int, Piece] | None:
        """(block position, start in the block, piece) of the editable piece at a position."""
        block = self.document.findBlock(position)
        view = self.view_block(block.blockNumber())
        if view is None:
            return None
        at = position - block.position()
        inside = [(s, p) for s, p in editable_spans(view) if s <= at <= s + len(p.text)]
        return (block.position(), *inside[-1]) if inside else None
