"""The order of printed sides (composer/pages/printing.py): double-sided, every odd page on the
front of a sheet, so that the page numbers stay on the outer side after the sheets are turned."""

from __future__ import annotations

from composer.pages.paged import Page
from composer.pages.printing import BLANK, sides


def pages(*numbers: int) -> list[Page]:
    return [Page(n, ()) for n in numbers]


def numbers(order) -> list[int | None]:
    return [None if side is BLANK else side.number for side in order]


def fronts(order) -> list[int]:
    return [side.number for index, side in enumerate(order) if side is not BLANK and index % 2 == 0]


def test_single_sided_prints_the_pages_as_they_are():
    assert numbers(sides(pages(1, 2, 3))) == [1, 2, 3]
    assert numbers(sides(pages(2, 3), copies=2)) == [2, 3, 2, 3]
    assert numbers(sides(pages(1, 2, 3), last_first=True)) == [3, 2, 1]


def test_double_sided_whole_document_needs_no_blank_side():
    assert numbers(sides(pages(1, 2, 3, 4, 5), duplex=True)) == [1, 2, 3, 4, 5]


def test_double_sided_range_from_an_even_page_starts_on_a_back():
    assert numbers(sides(pages(2, 3), duplex=True)) == [None, 2, 3]
    assert numbers(sides(pages(1, 3), duplex=True)) == [1, None, 3]
    assert numbers(sides(pages(1, 4), duplex=True)) == [1, 4]


def test_each_copy_starts_on_a_new_sheet():
    order = sides(pages(1, 2, 3), copies=2, duplex=True)
    assert numbers(order) == [1, 2, 3, None, 1, 2, 3]
    assert fronts(order) == [1, 3, 1, 3]
    uncollated = sides(pages(1, 2), copies=2, collate=False, duplex=True)
    assert all(side.number % 2 == 1 for side in uncollated[::2] if side is not BLANK)
    assert all(side.number % 2 == 0 for side in uncollated[1::2] if side is not BLANK)


def test_last_page_first_reverses_the_sheets_not_the_sides():
    order = sides(pages(1, 2, 3, 4, 5), duplex=True, last_first=True)
    assert numbers(order) == [5, None, 3, 4, 1, 2]
    assert fronts(order) == [5, 3, 1]
