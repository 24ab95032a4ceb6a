"""Render exported documents with LibreOffice and measure the PDF (official-format.md §1–§4, §7).

The numbers 22 (lines a page) and 28 (characters a line) are the standard's requirement for the
GB/T 9704 text block, not something the writer computes; everything else is derived from the
profile the document was exported with.
"""

from __future__ import annotations

import pytest

from composer.core.numbering import outline_markers
from composer.export import layout

from .conftest import OFFICIAL_CASES
from .page_rules import check
from .pdf_layout import MM, line_slots, median_pitch

pytestmark = pytest.mark.render

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TOLERANCE = 1 * MM
HANGING = "，。、；：！？”’）》"
# Chinese line breaking: a closing mark may not start a line, an opening one may not end it.
NO_LINE_START = "，。、；：！？”’）》」』…"
NO_LINE_END = "“‘（《「『"


def _block(doc):
    page = doc.profile.page
    return (page.left_mm * MM, (page.width_mm - page.right_mm) * MM,
            page.top_mm * MM, (page.height_mm - page.bottom_mm) * MM)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _full_pages(doc):
    return doc.pages[:-1]


def _blank_lines(doc, page) -> int:
    """Blank lines the writer puts on a page: the one after the date line, on page 1."""
    return 1 if page.number == 1 and (doc.speech.speaker or doc.speech.date) else 0


@pytest.mark.parametrize("case", OFFICIAL_CASES)
def test_every_page_has_22_lines_unless_the_page_rules_shorten_it(rendered, case):
    """official-format.md §2: a page may end early only to keep a heading with its text or to
    leave no single line of a paragraph alone at a page's top or foot; the checker matches
    every printed line to its block and gives each shortened page its reason."""
    doc = rendered[case]
    pitch = doc.profile.text.line_pitch_pt
    assert abs(median_pitch(doc.pages) - pitch) < 0.1
    assert len(doc.pages) >= 2
    for page in doc.pages:
        slots = line_slots(page, pitch)
        assert len(set(slots)) == len(slots), f"page {page.number}: two lines share a line"
    report = check(doc.pages, doc.blocks(), pitch, LINES_PER_PAGE)
    print(f"{case}: {report.summary()}")
    assert not report.faults, report.summary()
    assert report.full + len(report.shortened) == len(doc.pages) - 1
    # At most a few lines early (measured: 1–2 for widow control, up to 4 before a heading).
    assert all(s.lines >= LINES_PER_PAGE - 4 for s in report.shortened), report.summary()
    assert len(doc.pages[-1].lines) <= LINES_PER_PAGE


def test_the_page_checks_find_the_faults_of_pages_without_the_rules(rendered):
    """The same 50-page speech with widow control off and no keep-with-next (as the earlier
    version wrote it): every page has 22 lines, and the checker finds what a reviewer faults."""
    doc = rendered["unkept"]
    report = check(doc.pages, doc.blocks(), doc.profile.text.line_pitch_pt, LINES_PER_PAGE)
    print(f"unkept: {report.summary()}")
    kinds = {fault.split(" ")[0] for fault in report.faults}
    assert {"heading", "widow", "orphan"} <= kinds, report.summary()
    assert not report.shortened


def test_the_rules_cost_few_lines(rendered):
    """The 50-page speech stays within a page of its length without the rules."""
    assert len(rendered["fifty"].pages) - len(rendered["unkept"].pages) <= 1
    assert len(rendered["fifty"].pages) >= 45


@pytest.mark.parametrize("case", OFFICIAL_CASES)
def test_full_cjk_lines_hold_28_characters(rendered, case):
    doc = rendered[case]
    left, right, _, _ = _block(doc)
    cell = doc.profile.role("body").size_pt + doc.profile.text.character_spacing_pt
    checked = broken = 0
    lines = [line for page in doc.pages for line in page.lines]
    for line, after in zip(lines, lines[1:] + [None]):
        chars = line.inside(right)
        if not line.all_cjk() or chars[-1]["x1"] < right - cell / 2:
            continue    # a paragraph's last line, or a line with digits or Latin letters
        cells = round((line.x0 - left) / cell) + len(chars)
        beyond = line.chars[len(chars):]
        assert all(c["text"] in HANGING for c in beyond), line.text
        checked += 1
        if cells == CHARS_PER_LINE - 1 and after is not None and (
                after.text[1:2] in NO_LINE_START or line.text[-1:] in NO_LINE_END
                or after.text[:1] in NO_LINE_END):
            broken += 1     # the 28th character moved down with a mark that cannot start a line
            continue
        assert cells == CHARS_PER_LINE, f"{cells} characters: {line.text} / {after and after.text}"
    assert checked >= 10 * (len(doc.pages) - 1)
    assert broken <= checked // 10


@pytest.mark.parametrize("case", [c for c in OFFICIAL_CASES if c != "pitch28"])
def test_text_fills_the_block_to_its_edges(rendered, case):
    doc = rendered[case]
    left, right, top, bottom = _block(doc)
    for page in doc.pages:
        flush = [line for line in page.lines if abs(line.x0 - left) < 2 * MM]
        assert flush and all(abs(line.x0 - left) < TOLERANCE for line in flush)
        ends = [line.inside(right)[-1]["x1"] for line in page.lines]
        assert max(ends) <= right + TOLERANCE, f"page {page.number}"
        if page in _full_pages(doc):
            assert abs(max(ends) - right) < TOLERANCE, f"page {page.number}"
            # Vertically: the first line starts at the top margin and 22 lines at the rendered
            # pitch fill the block to the bottom margin.
            assert top - TOLERANCE <= page.lines[0].top <= top + (doc.profile.text.line_pitch_pt
                                                                 - doc.profile.role("body").size_pt)
            assert page.lines[-1].baseline <= bottom
            assert abs(top + LINES_PER_PAGE * median_pitch(doc.pages) - bottom) < TOLERANCE


def test_28pt_lines_still_fit_22_lines_inside_the_block(rendered):
    doc = rendered["pitch28"]
    _, _, top, bottom = _block(doc)
    for page in _full_pages(doc):
        assert page.lines[0].top >= top - TOLERANCE
        assert page.lines[-1].baseline <= bottom


@pytest.mark.parametrize("case", OFFICIAL_CASES)
def test_page_numbers(rendered, case):
    doc = rendered[case]
    left, right, _, bottom = _block(doc)
    inset = doc.profile.page_number_indent_chars * doc.profile.role("page_number").size_pt
    centred = doc.profile.page_number_position == "center"
    for page in doc.pages:
        footer = page.footer
        assert footer is not None, f"page {page.number} has no page number"
        assert footer.text == f"\u2014 {page.number} \u2014"
        assert {c["size"] for c in footer.chars} == {doc.profile.role("page_number").size_pt}
        # 7 mm below the text block (official-format.md §4).
        assert abs(footer.top - bottom - 7 * MM) < 0.3 * MM, f"page {page.number}: {(footer.top - bottom) / MM:.2f} mm"
        if centred:
            assert abs((footer.x0 + footer.x1) / 2 - (left + right) / 2) < TOLERANCE
        elif page.number % 2:
            assert abs(right - inset - footer.x1) < TOLERANCE, f"odd page {page.number}"
        else:
            assert abs(footer.x0 - left - inset) < TOLERANCE, f"even page {page.number}"


@pytest.mark.parametrize("case", ["example", "long", "fifty"])
def test_title_centred_and_salutation_flush_left(rendered, case):
    doc = rendered[case]
    left, right, _, _ = _block(doc)
    lines = doc.pages[0].lines
    # A long title on lines of its own (broken between words: title_lines.py), each centred.
    expected = layout.title_text(doc.speech.title, doc.profile).split("\n")
    assert [line.text for line in lines[:len(expected)]] == expected
    assert len(expected) == (2 if case == "fifty" else 1)
    for title in lines[:len(expected)]:
        assert abs((title.x0 + title.x1) / 2 - (left + right) / 2) < TOLERANCE
        assert {c["size"] for c in title.chars} == {doc.profile.role("title").size_pt}
    for text in (doc.speech.speaker, f"（{doc.speech.date}）"):
        line = next(line for line in lines if _squeeze(line.text) == _squeeze(text))
        assert abs((line.x0 + line.x1) / 2 - (left + right) / 2) < TOLERANCE
    salutation = next(line for line in lines if line.text == doc.speech.salutation)
    assert abs(salutation.x0 - left) < TOLERANCE


@pytest.mark.parametrize("case", ["long", "levels"])
def test_headings_numbered_in_the_render(rendered, case):
    doc = rendered[case]
    starts = [line.text for page in doc.pages for line in page.lines]
    markers = outline_markers(doc.speech, doc.profile.level3_style)
    for section, level in doc.speech.walk():
        expected = (markers[section.id] + section.heading)[:20]
        assert any(text.startswith(expected) for text in starts), expected


def test_twelve_level_one_sections_reach_shi_yi_and_shi_er(rendered):
    starts = [line.text for page in rendered["long"].pages for line in page.lines]
    assert any(text.startswith("十一、") for text in starts)
    assert any(text.startswith("十二、") for text in starts)
    assert len(rendered["long"].pages) >= 30


def test_fonts_by_role_in_the_render(rendered):
    """With tests/fonts/fonts.conf, 黑体 renders as WenQuanYi Micro Hei, 楷体 as AR PL KaitiM
    (GBZenKai) and 仿宋/宋体 as AR PL SungtiL (BousungEG): the render shows which font LibreOffice
    took for each role."""
    doc = rendered["example"]
    lines = [line for page in doc.pages for line in page.lines]
    level1 = [s.heading for s in doc.speech.body]
    for line in lines:
        if any(line.text.endswith(h[-6:]) or h[:8] in line.text for h in level1):
            if line.text[:2] in ("一、", "二、", "三、"):
                assert line.fonts == {"WenQuanYiMicroHei"}, line.text
    # A run-in heading: marker and heading sentence in 楷体, then the body text in 仿宋.
    markers = outline_markers(doc.speech, doc.profile.level3_style)
    run_in = next(s for s, _ in doc.speech.walk() if s.run_in)
    lead = markers[run_in.id] + run_in.heading
    start = next(i for i, line in enumerate(lines) if line.text.startswith(lead[:10]))
    chars = [c for line in lines[start:start + 3] for c in line.chars]
    kai = "".join(c["text"] for c in chars if "ZenKai" in c["fontname"])
    song = "".join(c["text"] for c in chars if "Bousung" in c["fontname"])
    assert kai == lead + "。"
    assert run_in.paragraphs[0].startswith(song)
    assert "".join(c["text"] for c in chars) == kai + song
    body = next(line for line in lines if line.text == doc.speech.salutation)
    assert {f.split("-")[0] for f in body.fonts} == {"BousungEG"}


@pytest.mark.parametrize("case", ["signed", "sealed"])
def test_the_signature_in_the_render(rendered, case):
    """GB/T 9704 §7.3.5: one blank line under the text; unsealed, the unit 右空二字 and the
    date two characters right of the unit's start (the date 右空二字 when it is the longer);
    sealed, the date 右空四字 and the unit centred over it."""
    doc = rendered[case]
    _, right, _, _ = _block(doc)
    page = doc.pages[-1]
    texts = [_squeeze(line.text) for line in page.lines]
    org = page.lines[texts.index(doc.speech.signature)]
    date = page.lines[texts.index(_squeeze(doc.speech.signature_date))]
    closing = page.lines[texts.index(doc.speech.closing[-1])]
    pitch = doc.profile.text.line_pitch_pt
    assert round((org.baseline - closing.baseline) / pitch) == 2      # one blank line between
    assert round((date.baseline - org.baseline) / pitch) == 1
    char = doc.profile.role("signature").size_pt
    if case == "sealed":
        assert abs(right - date.x1 - 4 * char) < 2
        assert abs((org.x0 + org.x1) / 2 - (date.x0 + date.x1) / 2) < 3
    else:
        assert abs(min(right - org.x1, right - date.x1) - 2 * char) < 2
        assert abs(date.x0 - org.x0 - 2 * char) < 3
