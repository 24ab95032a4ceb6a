"""Breaking set lines into pages: every page full, except where a rule asks for an early end.

official-format.md §2: every page holds the full number of lines (22 for GB/T 9704).  A page may
end a few lines early for two reasons only, the ones Word and LibreOffice apply to the .docx:

* **keep with next** — a heading (and the head lines) never ends a page: it goes to the next
  page with the start of the paragraph it heads;
* **widows and orphans** — a paragraph that is split leaves at least two lines at the foot of
  the page and carries at least two to the top of the next.  A paragraph of two or three lines
  is therefore never split; one of four splits two and two.

Pure Python and no Qt: the input is each block's line count and its flags.  A block may also
start a page of its own: the podium copy plans its pages itself (export/podium.py), and the
printed pages follow that plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .formats import MIN_LINES_AT_FOOT, MIN_LINES_AT_TOP


@dataclass(frozen=True)
class Item:
    lines: int
    keep_with_next: bool = False
    widow_control: bool = True
    page_break_before: bool = False     # starts a page (a page plan made elsewhere: the podium copy)


@dataclass(frozen=True)
class Slice:
    """Lines ``first`` .. ``first + count - 1`` of item ``item``, printed on one page."""
    item: int
    first: int
    count: int


def _min_at_foot(item: Item, remaining: int) -> int:
    """The fewest of REMAINING lines that may stand at a page's foot (all of them when the item
    cannot be split)."""
    if not item.widow_control:
        return 1
    if remaining < MIN_LINES_AT_FOOT + MIN_LINES_AT_TOP:
        return remaining
    return MIN_LINES_AT_FOOT


def _split_at(item: Item, remaining: int, free: int) -> int:
    """How many of an item's REMAINING lines go into FREE lines at a page's foot (0: none)."""
    if not item.widow_control:
        return free
    take = min(free, remaining - MIN_LINES_AT_TOP)
    return take if take >= MIN_LINES_AT_FOOT else 0


def _followers_fit(items: Sequence[Item], index: int, free: int) -> bool:
    """Whether what item INDEX keeps with starts in the FREE lines left after it."""
    following = index + 1
    if following >= len(items) or items[following].page_break_before:
        return True     # nothing follows on this page in any case
    item = items[following]
    if item.lines <= free:
        return not item.keep_with_next or _followers_fit(items, following, free - item.lines)
    if item.keep_with_next:
        # A heading longer than the space left splits (its last lines go on with its text).
        return _split_at(item, item.lines, free) > 0
    return _min_at_foot(item, item.lines) <= free


def paginate(items: Sequence[Item], lines_per_page: int) -> list[list[Slice]]:
    """The pages, each a list of slices top to bottom.  A document without items has one empty
    page (a printer still prints a sheet)."""
    pages: list[list[Slice]] = [[]]
    used = 0
    index, first = 0, 0
    while index < len(items):
        item = items[index]
        if item.page_break_before and used and not first:
            pages.append([])
            used = 0
        remaining = item.lines - first
        free = lines_per_page - used
        if remaining <= free:
            after = free - remaining
            if (item.keep_with_next and used and not _followers_fit(items, index, after)
                    and _followers_fit(items, index, lines_per_page - remaining)):
                # Keep the item with its followers on the next page (unless they would not fit
                # together on a whole page either: then moving helps nothing).
                pages.append([])
                used = 0
                continue
            pages[-1].append(Slice(index, first, remaining))
            used += remaining
            index, first = index + 1, 0
            continue
        take = _split_at(item, remaining, free)
        if not take and not used:
            take = free     # more than a page and nothing can help: fill this one
        if take:
            pages[-1].append(Slice(index, first, take))
            first += take
        pages.append([])
        used = 0
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages
