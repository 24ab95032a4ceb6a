"""A speech laid out into pages: the blocks of ``export/layout.py`` set into lines and broken
into pages, ready to be drawn on any paged device (PDF, printer, print preview)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..core.speech import Speech
from ..core.stats import DEFAULT_RATE, count_text, seconds_for
from ..export import layout, podium
from ..export.profiles import Profile
from .formats import Geometry
from .paginate import Item, Slice, paginate
from .typeset import SetBlock, Typesetter


@dataclass(frozen=True)
class Page:
    number: int                   # 1-based, as printed
    slices: tuple[Slice, ...]     # the blocks' lines on this page, top to bottom

    @property
    def line_count(self) -> int:
        return sum(s.count for s in self.slices)


# A text printed in a page's footer beside the page number (for example the speaking time
# reached at the page's end, on a podium copy), or "" for none.
FooterText = Callable[["PagedSpeech", Page], str]


class PagedSpeech:
    """Set blocks and the pages they fall on, for one profile."""

    def __init__(self, blocks: Sequence[SetBlock], pages: Sequence[Page], profile: Profile,
                 typesetter: Typesetter, title: str = "", footer_text: FooterText | None = None):
        self.blocks = list(blocks)
        self.pages = list(pages)
        self.profile = profile
        self.typesetter = typesetter
        self.geometry: Geometry = typesetter.geometry
        self.title = title
        self.footer_text = footer_text

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_lines(self, page: Page) -> list[str]:
        """The text of each line on PAGE (for tests and the comparison with the .docx)."""
        return [self.blocks[s.item].line_text(s.first + i) for s in page.slices for i in range(s.count)]

    def text_through(self, page: Page) -> list[tuple[layout.Block, str]]:
        """Every block printed up to the end of PAGE, with the part of its text printed by then
        (all of it except for the page's last block, which may go on)."""
        if not page.slices:
            return []
        last = page.slices[-1]
        done = [(self.blocks[i].block, self.blocks[i].block.text) for i in range(last.item)]
        set_block = self.blocks[last.item]
        if set_block.spans and set_block.spans[0][1]:
            done.append((set_block.block, set_block.text_through(last.first + last.count - 1)))
        return done

    def extra_footer(self, page: Page) -> str:
        return self.footer_text(self, page) if self.footer_text is not None else ""


def lay_out_blocks(blocks: Sequence[layout.Block], profile: Profile, title: str = "",
                   footer_text: FooterText | None = None,
                   plan: Sequence[tuple[bool, bool]] | None = None) -> PagedSpeech:
    """Set BLOCKS for PROFILE and break them into pages.  PLAN, when given, holds for each block
    (starts a page, continues the paragraph of the page before): a page plan made elsewhere."""
    typesetter = Typesetter(profile)
    plan = plan or [(False, False)] * len(blocks)
    set_blocks = [typesetter.set_block(block, continued) for block, (_, continued) in zip(blocks, plan)]
    items = [Item(b.line_count, b.format.keep_with_next, b.format.widow_control, starts)
             for b, (starts, _) in zip(set_blocks, plan)]
    pages = [Page(number, tuple(slices))
             for number, slices in enumerate(paginate(items, typesetter.geometry.lines_per_page), 1)]
    return PagedSpeech(set_blocks, pages, profile, typesetter, title, footer_text)


def speaking_time(rate: int, round_seconds: int) -> FooterText:
    """The footer text of a podium copy: 「约 3 分 20 秒」, the speaking time reached by the end
    of the page, counted as the .docx counts it (export/podium.py)."""
    def text(paged: PagedSpeech, page: Page) -> str:
        characters = sum(count_text(part).total for block, part in paged.text_through(page)
                         if layout.spoken_text(block))
        return podium.time_text(seconds_for(characters, rate), round_seconds)
    return text


def lay_out(speech: Speech, profile: Profile, footer_text: FooterText | None = None,
            copy: str = layout.FULL, rate: int | None = None) -> PagedSpeech:
    """A speech's printed pages: the blocks the .docx is made of, set and paginated.

    ``copy``: the speech (layout.FULL) or its outline copy.  A profile that prints the speaking
    time at each page's foot (the podium copy) follows the .docx's own page plan, each page
    ending where the .docx's does, with the time at the foot (at RATE characters a minute).
    """
    title = "".join(speech.title.split())
    blocks = layout.speech_blocks(speech, profile, copy)
    if not (profile.page_time.show and copy == layout.FULL):
        return lay_out_blocks(blocks, profile, title, footer_text)
    pieces, plan = [], []
    for number, page in enumerate(podium.paginate(blocks, profile)):
        for index, piece in enumerate(page):
            lead = "" if piece.continued or not piece.text.startswith(piece.block.lead) else piece.block.lead
            pieces.append(replace(piece.block, text=piece.text, lead=lead))
            plan.append((index == 0 and number > 0, piece.continued))
    timing = footer_text or speaking_time(rate or DEFAULT_RATE, profile.page_time.round_seconds)
    return lay_out_blocks(pieces, profile, title, timing, plan)
