"""Breaking lines into pages (composer/pages/paginate.py): full pages, and the two reasons a page
may end early (official-format.md §2).  Pure Python: no Qt."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from composer.pages.paginate import Item, Slice, paginate

PAGE = 22


def body(lines: int) -> Item:
    return Item(lines)


def heading(lines: int = 1) -> Item:
    return Item(lines, keep_with_next=True)


def used(page: list[Slice]) -> int:
    return sum(s.count for s in page)


def test_paragraphs_fill_every_page_to_the_last_line():
    pages = paginate([body(10)] * 10, PAGE)
    assert [used(p) for p in pages] == [22, 22, 22, 22, 12]
    # A paragraph of 10 lines split 2 + 8: two lines at the foot are enough.
    assert pages[0][-1] == Slice(2, 0, 2)
    assert pages[1][0] == Slice(2, 2, 8)


def test_a_heading_never_ends_a_page():
    # 21 lines of text, then a heading: it goes to the next page with its paragraph.
    pages = paginate([body(21), heading(), body(5)], PAGE)
    assert [used(p) for p in pages] == [21, 6]
    assert pages[1][0] == Slice(1, 0, 1)


def test_a_heading_takes_two_lines_of_its_paragraph_with_it():
    # Two lines free: the heading and one line would leave an orphan; the page ends early.
    assert [used(p) for p in paginate([body(20), heading(), body(6)], PAGE)] == [20, 7]
    # Three lines free: the heading and two lines of the paragraph fit.
    pages = paginate([body(19), heading(), body(6)], PAGE)
    assert [used(p) for p in pages] == [22, 4]
    assert pages[0][-1] == Slice(2, 0, 2)


def test_headings_in_a_row_go_together():
    # 一、 then （一） then text: both headings move when the text cannot start on the page.
    pages = paginate([body(19), heading(), heading(), body(1), body(9)], PAGE)
    assert [used(p) for p in pages] == [22, 9]
    pages = paginate([body(20), heading(), heading(), body(4)], PAGE)
    assert [used(p) for p in pages] == [20, 6]
    assert pages[1][0].item == 1


def test_a_heading_before_a_short_paragraph_needs_room_for_all_of_it():
    # A three-line paragraph cannot be split (2 + 1 would leave a widow).
    assert [used(p) for p in paginate([body(18), heading(), body(3), body(5)], PAGE)] == [22, 5]
    assert [used(p) for p in paginate([body(19), heading(), body(3), body(5)], PAGE)] == [19, 9]


def test_no_widow_at_the_top_of_a_page():
    # 21 used, a 3-line paragraph: 1 + 2 would orphan, so it moves whole.
    assert [used(p) for p in paginate([body(21), body(3)], PAGE)] == [21, 3]
    # 20 used, a 3-line paragraph: 2 + 1 would widow; it moves whole.
    assert [used(p) for p in paginate([body(20), body(3)], PAGE)] == [20, 3]
    # 20 used, a 5-line paragraph: 2 at the foot, 3 at the top.
    pages = paginate([body(20), body(5)], PAGE)
    assert [used(p) for p in pages] == [22, 3]
    # 19 used, a 4-line paragraph: 3 + 1 would widow, so 2 + 2.
    pages = paginate([body(19), body(4)], PAGE)
    assert [used(p) for p in pages] == [21, 2]


def test_one_line_paragraphs_fill_the_page():
    assert [used(p) for p in paginate([body(1)] * 30, PAGE)] == [22, 8]


def test_a_paragraph_longer_than_pages_runs_on_with_full_pages():
    pages = paginate([body(5), body(60)], PAGE)
    assert [used(p) for p in pages] == [22, 22, 21]
    assert pages[2] == [Slice(1, 39, 21)]


def test_without_widow_control_pages_are_always_full():
    items = [Item(7, widow_control=False)] * 7
    assert [used(p) for p in paginate(items, PAGE)] == [22, 22, 5]


def test_a_heading_at_a_page_top_stays_even_if_its_text_cannot_follow():
    # A keep chain longer than a page: moving it helps nothing, so the first page fills with
    # headings until the rest of the chain and its text fit on one page together.
    pages = paginate([heading()] * 30 + [body(2)], PAGE)
    assert [used(p) for p in pages] == [10, 22]


def test_empty_document_has_one_empty_page():
    assert paginate([], PAGE) == [[]]


def _check(items: list[Item], pages: list[list[Slice]]) -> None:
    """Every line exactly once, in order; the rules hold; each early page end has a reason."""
    flat = [(s.item, line) for page in pages for s in page for line in range(s.first, s.first + s.count)]
    assert flat == [(i, line) for i, item in enumerate(items) for line in range(item.lines)]
    for number, page in enumerate(pages):
        assert 0 < used(page) <= PAGE
        last, following = page[-1], pages[number + 1][0] if number + 1 < len(pages) else None
        if following is None:
            continue
        item = items[last.item]
        ends_item = last.first + last.count == item.lines
        assert not (item.keep_with_next and ends_item), f"heading at the foot of page {number + 1}"
        if last.item == following.item:
            assert last.count >= 2 or last.first > 0, "orphan"
            assert items[following.item].lines - following.first >= 2, "widow"
        if used(page) < PAGE:
            nxt = items[following.item]
            pulled = following.first + 1      # lines of the next item on this page if one came back
            reason = (nxt.keep_with_next
                      or (following.first == 0 and nxt.lines >= 2)       # it would be an orphan
                      or nxt.lines - pulled == 1)                        # it would leave a widow
            assert reason, f"page {number + 1} ends early without a reason"


@given(st.lists(st.tuples(st.integers(1, 30), st.booleans()), min_size=1, max_size=60))
def test_random_documents_follow_the_rules(spec):
    items: list[Item] = []
    for lines, keep in spec:
        # Headings of up to 3 lines, at most 3 in a row: a keep chain that fits on a page (a
        # longer one cannot be kept, see above).
        keep = keep and not all(i.keep_with_next for i in items[-3:] or [Item(1)])
        items.append(Item(min(lines, 3) if keep else lines, keep_with_next=keep))
    _check(items, paginate(items, PAGE))
