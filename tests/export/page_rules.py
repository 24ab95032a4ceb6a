"""Checking a rendered document against the page rules of official-format.md §2.

The printed lines of the PDF are matched to the blocks the document was written from (their
text, in order), so each line is known to be the first, a middle or the last line of a heading,
a paragraph or a head line.  Then, page by page:

* a heading (any block that keeps with the next) at a page's foot with its text overleaf;
* an orphan: a paragraph's first line alone at a page's foot;
* a widow: a paragraph's last line alone at the next page's top;
* a page that ends early: allowed only when putting the next line on it would have made one of
  the faults above; the reason is recorded ("widow", "orphan", "keep-with-next"), and a page
  shortened for none of them is a fault too.

Written independently of the writer's own pagination code, from the rules alone.

LibreOffice 7.4 hangs a ，。、 that ends a full line into the margin and then does not paint it
(it is missing from the PDF, text layer and picture alike); Word paints it.  The matching
accepts such a mark as missing at a line's end and counts it (``Report.unpainted``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from composer.export import layout

from .pdf_layout import PageLayout


@dataclass
class Placed:
    block: int            # index into the blocks
    page: int             # 1-based
    slot: int             # grid line on the page, 0-based
    text: str = ""        # the block's text on this line, whitespace left out (unpainted marks in)


@dataclass
class Shortened:
    page: int
    lines: int
    reason: str           # widow, orphan, keep-with-next, or "" when there is none


@dataclass
class Report:
    lines_per_page: int
    pages: int
    faults: list[str] = field(default_factory=list)
    unpainted: int = 0    # line-end marks LibreOffice hung into the margin and did not paint
    shortened: list[Shortened] = field(default_factory=list)
    full: int = 0         # pages with every grid line used

    def summary(self) -> str:
        reasons = ", ".join(f"p{s.page}: {s.lines} ({s.reason or 'NO REASON'})"
                            for s in self.shortened)
        return (f"{self.pages} pages, {self.full} full, shortened: {reasons or 'none'}; "
                f"faults: {self.faults or 'none'}")


def _squeeze(text: str) -> str:
    return "".join(text.split())


HANGING = "，。、；：！？”’）》」』"


def place_lines(pages: list[PageLayout], blocks: list[layout.Block],
                pitch: float, unpainted: list[str] | None = None) -> list[Placed]:
    """Every printed line with the block it belongs to and its grid line on its page.

    Line-end marks missing from the PDF (see the module's note) are appended to ``unpainted``."""
    printed = [(i, _squeeze(b.text)) for i, b in enumerate(blocks) if _squeeze(b.text)]
    # Grid line 0 is where a page's first line sits when it is body text: the commonest first
    # baseline of the pages after the first (a heading's font may sit a point higher or lower).
    firsts = sorted(round(p.lines[0].baseline) for p in pages[1:] if p.lines) or \
        [round(pages[0].lines[0].baseline)]
    top = max(set(firsts), key=firsts.count)
    placed: list[Placed] = []
    index, offset = 0, 0
    for page in pages:
        for line in page.lines:
            text = _squeeze(line.text)
            while index < len(printed) and offset >= len(printed[index][1]):
                index, offset = index + 1, 0
            assert index < len(printed), f"page {page.number}: unexpected line {line.text!r}"
            block, expected = printed[index]
            while (offset < len(expected) and expected[offset] in HANGING and placed
                   and not text.startswith(expected[offset])):
                if unpainted is not None:
                    unpainted.append(expected[offset])
                placed[-1].text += expected[offset]
                offset += 1
            while index < len(printed) - 1 and offset >= len(expected):
                index, offset = index + 1, 0
                block, expected = printed[index]
            assert expected.startswith(text, offset), (
                f"page {page.number}: line {line.text!r} does not continue "
                f"{expected[max(0, offset - 10):offset + len(text) + 10]!r}")
            offset += len(text)
            placed.append(Placed(block, page.number, round((line.baseline - top) / pitch), text))
    missing = printed[-1][1][offset:] if index == len(printed) - 1 else "blocks after " + str(index)
    assert index == len(printed) - 1 and all(c in HANGING for c in missing), (
        f"text missing in the PDF: {missing[:20]!r}")
    return placed


def _min_slice(lines: int) -> int:
    """Fewest lines of a paragraph that may stand at a page's foot under widow control: a
    paragraph of up to three lines cannot be split (2 + 1 or 1 + 2 leaves a line alone)."""
    return lines if lines <= 3 else 2


def check(pages: list[PageLayout], blocks: list[layout.Block], pitch: float,
          lines_per_page: int) -> Report:
    unpainted: list[str] = []
    placed = place_lines(pages, blocks, pitch, unpainted)
    by_block: dict[int, list[Placed]] = {}
    for line in placed:
        by_block.setdefault(line.block, []).append(line)
    # A blank line is an empty paragraph: it takes a grid line but prints nothing.
    count = {i: len(by_block.get(i, [])) or (1 if b.role == layout.BLANK else 0)
             for i, b in enumerate(blocks)}
    report = Report(lines_per_page, len(pages), unpainted=len(unpainted))
    last_page = pages[-1].number
    for page in range(1, last_page):
        here = [line for line in placed if line.page == page]
        after = [line for line in placed if line.page == page + 1]
        if not here or not after:
            report.faults.append(f"page {page} or {page + 1} is empty")
            continue
        foot, top = here[-1], after[0]
        block = blocks[foot.block]
        if foot.block == top.block:
            lines = by_block[foot.block]
            on_here = sum(1 for line in lines if line.page == page)
            on_next = sum(1 for line in lines if line.page == page + 1)
            if on_here == 1 and lines[0].page == page:
                report.faults.append(f"orphan at the foot of page {page}: {block.text[:12]}")
            if on_next == 1 and lines[-1].page == page + 1:
                report.faults.append(f"widow at the top of page {page + 1}: {block.text[-12:]}")
        elif block.keep_with_next:
            report.faults.append(f"{block.role} at the foot of page {page}: {block.text[:16]}")
        used = foot.slot + 1
        if used >= lines_per_page:
            report.full += 1
            continue
        free = lines_per_page - used
        report.shortened.append(Shortened(page, used, _reason(
            blocks, by_block, count, foot, top, page, free)))
        if not report.shortened[-1].reason:
            report.faults.append(f"page {page} ends {free} line(s) early without a reason")
    return report


def _reason(blocks, by_block, count, foot: Placed, top: Placed, page: int, free: int) -> str:
    """Why the next page's first line could not come onto this page, or ""."""
    if foot.block == top.block:
        lines = by_block[top.block]
        on_next = sum(1 for line in lines if line.page == page + 1)
        # Pulling one more line back would leave a single line overleaf.
        return "widow" if lines[-1].page == page + 1 and on_next <= 2 else ""
    # The blocks from the next page's first one (blank lines before it included): a chain that
    # keeps with the next, then its follower's fewest lines that may stand at a page's foot.
    start = foot.block + 1
    need, index = 0, start
    while index < len(blocks) and blocks[index].keep_with_next:
        need += count[index]
        index += 1
    chain = index > start
    if index < len(blocks):
        need += _min_slice(count[index]) if blocks[index].role != layout.BLANK else 1
    if need > free:
        return "keep-with-next" if chain else "orphan"
    return ""
