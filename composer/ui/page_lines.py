"""The page's line breaks for the document view's page-width mode.

Qt's QTextEdit cannot break lines as the page does: it hangs no 「，」「。」 into the margin,
never breaks between 「、」 and 「“」, and adds no space between Chinese and Latin text or
digits, so a line that is full on the page loses a character and its mark on screen.  The
page's typesetter (``composer/pages/typeset.py``) does all three for the PDF and the printout;
here it sets each block of the view as the page sets it, and the view gets its line breaks as
WRAP pieces (``view_blocks.wrapped``), while Qt itself breaks no line (the view lays out without
wrapping in this mode).

A block is set once for each printed text: the breaks are cached by what decides them (the
block's kind, level, run-in heading and text), so a typed character sets one paragraph again
and a zoom or a new layout of the same speech sets none.  They do not depend on the zoom or the
screen (the typesetter works on a fixed reference device).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..export import layout
from ..export.profiles import Profile
from .view_blocks import ViewBlock, wrapped

if TYPE_CHECKING:
    from ..pages.typeset import Typesetter

# Enough for the blocks of several speeches; cleared when full (a rare new start costs a build).
CACHE_LIMIT = 20_000


class PageLines:
    def __init__(self, profile: Profile):
        self.profile = profile
        self._typesetter: Typesetter | None = None
        self._breaks: dict[tuple, list[int]] = {}

    def set_profile(self, profile: Profile) -> None:
        if profile is not self.profile:
            self.profile = profile
            self._typesetter = None
            self._breaks.clear()

    def forget(self) -> None:
        """Drop every block's breaks (the next drawing sets each block again)."""
        self._breaks.clear()

    def breaks(self, block: ViewBlock) -> list[int]:
        """Where the page begins each new line of BLOCK, as indices of its printed text."""
        if block.extra or block.kind == layout.BLANK:
            return []
        printed = block.printed
        if not printed:
            return []
        lead = block.lead
        key = (block.kind, block.level, lead, block.right_indent_chars, printed)
        found = self._breaks.get(key)
        if found is None:
            if self._typesetter is None:
                from ..pages import typeset   # loaded when first needed, as the pages load it
                self._typesetter = typeset.Typesetter(self.profile)
            page_block = layout.Block(block.kind, printed, block.level, lead,
                                      right_indent_chars=block.right_indent_chars)
            found = self._typesetter.line_breaks(page_block)
            if len(self._breaks) >= CACHE_LIMIT:
                self._breaks.clear()
            self._breaks[key] = found
        return found

    def wrap(self, block: ViewBlock) -> ViewBlock:
        """BLOCK with the page's line breaks."""
        return wrapped(block, self.breaks(block))
