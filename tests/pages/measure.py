"""Measuring printed pages for the rules of official-format.md §2: which block each line of a PDF
belongs to, and whether a page that ends early has one of the two reasons the note allows.

Everything is read from the PDF (tests/export/pdf_layout.py); the speech's blocks only say where
one paragraph ends and the next begins, and which blocks are headings.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.export import layout

from export.pdf_layout import MM, PageLayout



def squeeze(text: str) -> str:
    return "".join(text.split())


def block_box(profile) -> tuple[float, float, float, float]:
    """left, right, top, bottom of the text block, in PDF points."""
    page = profile.page
    return (page.left_mm * MM, (page.width_mm - page.right_mm) * MM,
            page.top_mm * MM, (page.height_mm - page.bottom_mm) * MM)


@dataclass(frozen=True)
class LineRef:
    block: int      # index in the speech's blocks
    line: int       # the line's number within its block (0 = the first)


def assign_lines(pages: list[PageLayout], blocks: list[layout.Block]) -> tuple[list[list[LineRef]], dict[int, int]]:
    """For each page, the block and line number of each of its lines; and each block's number
    of lines.  Fails when the PDF's text is not the blocks' text in order."""
    texts = [(index, squeeze(block.text)) for index, block in enumerate(blocks) if squeeze(block.text)]
    position, done = 0, 0       # the block being read, and how much of its text is read
    counts: dict[int, int] = {}
    refs: list[list[LineRef]] = []
    for page in pages:
        refs.append([])
        for line in page.lines:
            text = squeeze(line.text)
            index, full = texts[position]
            assert full[done:].startswith(text), f"page {page.number}: {text!r} is not next in {full[done:]!r}"
            refs[-1].append(LineRef(index, counts.get(index, 0)))
            counts[index] = counts.get(index, 0) + 1
            done += len(text)
            if done == len(full):
                position, done = position + 1, 0
    assert position == len(texts), "the PDF ends before the speech"
    return refs, counts


@dataclass
class RuleCheck:
    headings_at_foot: list[int]     # page numbers
    orphans: list[int]
    widows: list[int]
    unexplained_short: list[int]    # pages ending early without one of the two reasons
    short: list[int]                # pages ending early, for the reasons allowed


def check_rules(pages: list[PageLayout], blocks: list[layout.Block], lines_per_page: int,
                slots_on) -> RuleCheck:
    """SLOTS_ON(page) gives the number of grid lines a page fills (blank lines included)."""
    refs, counts = assign_lines(pages, blocks)

    def heading_at_foot(ref: LineRef) -> bool:     # a block that keeps with the next (w:keepNext)
        return blocks[ref.block].keep_with_next and ref.line == counts[ref.block] - 1

    def orphan(ref: LineRef) -> bool:     # the first line of a paragraph alone at a page's foot
        return ref.line == 0 and counts[ref.block] >= 2

    def widow(ref: LineRef) -> bool:      # the last line of a paragraph alone at a page's top
        return ref.line == counts[ref.block] - 1 and ref.line > 0

    result = RuleCheck([], [], [], [], [])
    for number in range(len(pages) - 1):
        last, following = refs[number][-1], refs[number + 1]
        if heading_at_foot(last):
            result.headings_at_foot.append(number + 1)
        if orphan(last):
            result.orphans.append(number + 1)
        if widow(following[0]):
            result.widows.append(number + 2)
        free = lines_per_page - slots_on(pages[number])
        if free > 0:
            # Allowed only when taking any 1 … free lines from the next page's top would break a
            # rule: a heading or an orphan at this page's foot, or a widow at the next one's top.
            justified = all(
                taken < len(following) and (heading_at_foot(following[taken - 1])
                                            or orphan(following[taken - 1]) or widow(following[taken]))
                for taken in range(1, free + 1))
            (result.short if justified else result.unexplained_short).append(number + 1)
    return result
