"""The PDF of composer/pages, measured the way tests/export/test_render.py measures LibreOffice's
render of the .docx (official-format.md §1–§4): lines per page, characters per line, text-block
edges, page numbers, fonts — and the rules of §2 (headings kept with their text, no widows or
orphans, pages end early only for those).

22 and 28 are the standard's numbers for GB/T 9704; for other profiles the expected counts are
derived from the profile (its text block, line pitch and body size).
"""

from __future__ import annotations

import math
import re

import pytest

from composer.core.numbering import outline_markers
from composer.export import layout

from export.pdf_layout import MM, line_slots, median_pitch, read_layout
from .conftest import CASES
from .measure import block_box, check_rules, squeeze

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TOLERANCE = 1 * MM
# Marks that may stand past the right edge of a line (hanging punctuation).
HANGING = "，、。；：！？．"
# Chinese line breaking: a closing mark may not start a line, an opening one may not end it.
NO_LINE_START = "，。、；：！？”’）》」』…"
NO_LINE_END = "“‘（《「『"
STANDARD = ("example", "forty", "levels", "pitch28", "centred", "mixed")


def expected_lines(profile) -> int:
    _, _, top, bottom = block_box(profile)
    return math.floor((bottom - top) / profile.text.line_pitch_pt + 1e-6)


def expected_chars(profile) -> int:
    left, right, _, _ = block_box(profile)
    return math.floor((right - left) / (profile.role("body").size_pt + profile.text.character_spacing_pt))


def inside(line, right: float, cell: float) -> list[dict]:
    """The characters that start inside the text block: a mark hanging in the margin starts at
    its edge, or (on a paragraph's last line, which is not justified) up to a pitch's slack
    before it — never half a character before it."""
    return [c for c in line.chars if c["x0"] < right - cell / 2]


def cell_of(profile) -> float:
    return profile.role("body").size_pt + profile.text.character_spacing_pt


def blank_lines(doc, page) -> int:
    return 1 if page.number == 1 and (doc.speech.speaker or doc.speech.date or doc.speech.title) else 0


def slots_on(doc):
    pitch = doc.profile.text.line_pitch_pt
    return lambda page: line_slots(page, pitch)[-1] + 1


@pytest.mark.parametrize("case", STANDARD)
def test_the_standard_gives_22_lines_of_28_characters(printed, case):
    assert expected_lines(printed[case].profile) == LINES_PER_PAGE
    assert expected_chars(printed[case].profile) == CHARS_PER_LINE


def test_the_large_profile_gives_other_counts(printed):
    profile = printed["large"].profile
    assert (expected_lines(profile), expected_chars(profile)) == (15, 20)


@pytest.mark.parametrize("case", CASES)
def test_every_page_is_full_unless_a_rule_ends_it_early(printed, case):
    doc = printed[case]
    pitch, lines = doc.profile.text.line_pitch_pt, expected_lines(doc.profile)
    assert abs(median_pitch(doc.pages) - pitch) < 0.05
    assert len(doc.pages) == doc.paged.page_count >= 2
    rules = check_rules(doc.pages, doc.blocks, lines, slots_on(doc))
    for page in doc.pages[:-1]:
        slots = line_slots(page, pitch)
        assert len(set(slots)) == len(slots), f"page {page.number}: two lines share a line"
        assert len(slots) + blank_lines(doc, page) == slots[-1] + 1, f"page {page.number}: a gap"
        if page.number not in rules.short:
            assert slots[-1] + 1 == lines, f"page {page.number}: {slots[-1] + 1} lines"
    assert rules.unexplained_short == []
    # Early ends are rare and short: never more than 4 lines.
    for number in rules.short:
        assert slots_on(doc)(doc.pages[number - 1]) >= lines - 4
    assert len(doc.pages[-1].lines) <= lines


@pytest.mark.parametrize("case", CASES)
def test_no_heading_at_a_page_foot_and_no_widows_or_orphans(printed, case):
    doc = printed[case]
    rules = check_rules(doc.pages, doc.blocks,
                        expected_lines(doc.profile), slots_on(doc))
    assert rules.headings_at_foot == []
    assert rules.orphans == []
    assert rules.widows == []


def test_the_forty_page_speech_has_early_page_ends_to_check(printed):
    """The rules are exercised, not vacuous: the long speech has pages the rules shortened."""
    doc = printed["forty"]
    rules = check_rules(doc.pages, doc.blocks,
                        LINES_PER_PAGE, slots_on(doc))
    assert 38 <= len(doc.pages) <= 44
    assert len(rules.short) >= 2


@pytest.mark.parametrize("case", CASES)
def test_full_cjk_lines_hold_the_profiles_characters(printed, case):
    doc = printed[case]
    left, right, _, _ = block_box(doc.profile)
    cell = cell_of(doc.profile)
    per_line = expected_chars(doc.profile)
    body_size = doc.profile.role("body").size_pt
    checked = broken = 0
    lines = [line for page in doc.pages for line in page.lines]
    for line, after in zip(lines, lines[1:] + [None]):
        chars = inside(line, right, cell)
        if (not line.all_cjk() or chars[-1]["x1"] < right - cell / 2
                or {c["size"] for c in line.chars} != {body_size}):
            continue    # a paragraph's last line, a line with digits or Latin letters, the title
        cells = round((line.x0 - left) / cell) + len(chars)
        beyond = line.chars[len(chars):]
        assert all(c["text"] in HANGING for c in beyond), line.text
        assert len(beyond) <= 1, line.text
        checked += 1
        if cells == per_line - 1 and after is not None and (
                after.text[1:2] in NO_LINE_START or line.text[-1:] in NO_LINE_END
                or after.text[:1] in NO_LINE_END):
            broken += 1     # the last character moved down with a mark that cannot start a line
            continue
        assert cells == per_line, f"{cells} characters: {line.text} / {after and after.text}"
    assert checked >= 10 * (len(doc.pages) - 1)
    assert broken <= checked // 10


@pytest.mark.parametrize("case", [c for c in CASES if c != "pitch28"])
def test_text_fills_the_block_to_its_edges(printed, case):
    doc = printed[case]
    left, right, top, bottom = block_box(doc.profile)
    pitch = doc.profile.text.line_pitch_pt
    lines = expected_lines(doc.profile)
    for page in doc.pages:
        flush = [line for line in page.lines if abs(line.x0 - left) < 2 * MM]
        assert flush and all(abs(line.x0 - left) < TOLERANCE for line in flush)
        ends = [inside(line, right, cell_of(doc.profile))[-1]["x1"] for line in page.lines]
        assert max(ends) <= right + TOLERANCE, f"page {page.number}"
        if page is not doc.pages[-1]:
            assert abs(max(ends) - right) < TOLERANCE, f"page {page.number}"
            assert top - TOLERANCE <= page.lines[0].top <= top + pitch - doc.profile.role("body").size_pt
            assert page.lines[-1].baseline <= bottom
            assert abs(top + lines * median_pitch(doc.pages) - bottom) < pitch


def test_28pt_lines_still_fit_22_lines_inside_the_block(printed):
    doc = printed["pitch28"]
    _, _, top, bottom = block_box(doc.profile)
    for page in doc.pages[:-1]:
        assert page.lines[0].top >= top - TOLERANCE
        assert page.lines[-1].baseline <= bottom


@pytest.mark.parametrize("case", CASES)
def test_page_numbers(printed, case):
    """「— N —」 in 14 pt, its top 7.0 ± 0.3 mm under the text block (GB/T 9704 §7.5); odd pages
    right and even pages left, one character in from the block's edge; or centred."""
    doc = printed[case]
    left, right, _, bottom = block_box(doc.profile)
    size = doc.profile.role("page_number").size_pt
    inset = doc.profile.page_number_indent_chars * size
    centred = doc.profile.page_number_position == "center"
    for page in doc.pages:
        footer = page.footer
        assert footer is not None, f"page {page.number} has no page number"
        assert footer.text == f"\u2014 {page.number} \u2014"
        assert {c["size"] for c in footer.chars} == {size}
        assert abs(footer.top - bottom - 7 * MM) < 0.3 * MM, (footer.top - bottom) / MM
        if centred:
            assert abs((footer.x0 + footer.x1) / 2 - (left + right) / 2) < TOLERANCE
        elif page.number % 2:
            assert abs(right - inset - footer.x1) < TOLERANCE, f"odd page {page.number}"
        else:
            assert abs(footer.x0 - left - inset) < TOLERANCE, f"even page {page.number}"


@pytest.mark.parametrize("case", ["example", "forty", "large"])
def test_title_centred_and_salutation_flush_left(printed, case):
    doc = printed[case]
    left, right, _, _ = block_box(doc.profile)
    lines = doc.pages[0].lines
    title = lines[0]
    assert title.text == doc.speech.title
    assert abs((title.x0 + title.x1) / 2 - (left + right) / 2) < TOLERANCE
    assert {c["size"] for c in title.chars} == {doc.profile.role("title").size_pt}
    for text in (doc.speech.speaker, f"（{doc.speech.date}）"):
        line = next(line for line in lines if squeeze(line.text) == squeeze(text))
        assert abs((line.x0 + line.x1) / 2 - (left + right) / 2) < TOLERANCE
    salutation = next(line for line in lines if line.text == doc.speech.salutation)
    assert abs(salutation.x0 - left) < TOLERANCE


def test_a_title_breaks_where_the_writer_broke_it(printed):
    """「…推进会／上的讲话」: a line break in the title field gives two centred title lines."""
    doc = printed["mixed"]
    left, right, _, _ = block_box(doc.profile)
    first, second = doc.pages[0].lines[:2]
    assert (first.text, second.text) == tuple(doc.speech.title.split("\n"))
    for line in (first, second):
        assert abs((line.x0 + line.x1) / 2 - (left + right) / 2) < TOLERANCE
        assert {c["size"] for c in line.chars} == {doc.profile.role("title").size_pt}


def test_first_lines_are_indented_two_characters(printed):
    doc = printed["example"]
    left, _, _, _ = block_box(doc.profile)
    body = doc.profile.role("body").size_pt
    starts = {squeeze(p)[:10] for p in doc.speech.opening}
    indented = [line for page in doc.pages for line in page.lines if squeeze(line.text)[:10] in starts]
    assert indented
    for line in indented:
        assert abs(line.x0 - left - 2 * body) < 0.5


@pytest.mark.parametrize("case", ["forty", "levels"])
def test_headings_numbered_in_the_pdf(printed, case):
    doc = printed[case]
    starts = [line.text for page in doc.pages for line in page.lines]
    markers = outline_markers(doc.speech, doc.profile.level3_style)
    for section, _level in doc.speech.walk():
        expected = (markers[section.id] + section.heading)[:20]
        assert any(text.startswith(expected) for text in starts), expected


def test_fonts_by_role(printed):
    """On this machine none of the profile's fonts is installed: each role takes an installed
    face of its kind — 黑体 a Hei (WenQuanYi Micro Hei), 楷体 a Kai (AR PL KaitiM = GBZenKai),
    仿宋 and 宋体 a Song (AR PL SungtiL = BousungEG), as LibreOffice's substitution does in
    tests/fonts/fonts.conf — and digits take the Latin font (Times New Roman → Liberation Serif)."""
    doc = printed["mixed"]
    lines = [line for page in doc.pages for line in page.lines]
    markers = outline_markers(doc.speech, doc.profile.level3_style)
    level1 = [markers[s.id] + s.heading for s in doc.speech.body]
    headings = [line for line in lines if line.text in level1]
    assert len(headings) == len(level1)
    assert all(line.fonts == {"WenQuanYiMicroHei"} for line in headings)
    salutation = next(line for line in lines if line.text == doc.speech.salutation)
    assert {f.split("-")[0] for f in salutation.fonts} == {"BousungEG"}
    # A run-in heading: its marker and sentence in 楷体, the rest of the paragraph in 仿宋.
    run_in = next(s for s, _ in doc.speech.walk() if s.run_in)
    lead = markers[run_in.id] + layout.run_in_heading_text(run_in.heading)
    start = next(i for i, line in enumerate(lines) if line.text.startswith(lead[:8]))
    chars = [c for line in lines[start:start + 2] for c in line.chars]
    kai = "".join(c["text"] for c in chars if "ZenKai" in c["fontname"])
    assert kai == lead
    assert "".join(c["text"] for c in chars).startswith(lead + run_in.paragraphs[0][:10])
    # Digits and Latin letters in the Latin font; the Chinese around them in 仿宋.
    digits = [c for line in lines for c in line.chars if c["text"] in "2024GDP6.5%"]
    assert digits and all("Liberation" in c["fontname"] for c in digits if c["text"].isalnum())
    page_number = doc.pages[0].footer
    assert {f.split("-")[0] for f in page_number.fonts} == {"BousungEG"}


def test_a_footer_text_stands_beside_the_page_number(tmp_path, gui):
    """The hook a podium copy uses: at each page's foot, the speaking time reached by the end of
    the page, counted from the text printed so far (head lines are not read out)."""
    from composer import pages
    from composer.core.stats import count_text, format_duration, seconds_for

    spoken = (layout.TITLE, layout.SUBTITLE, layout.SPEAKER, layout.DATE)

    def time_so_far(paged, page) -> str:
        characters = sum(count_text(text).total for block, text in paged.text_through(page)
                         if block.role not in spoken)
        return "约 " + format_duration(seconds_for(characters))

    from .conftest import _cases
    speech, profile, _ = _cases()["example"]
    paged = pages.lay_out(speech, profile, footer_text=time_so_far)
    path = tmp_path / "podium.pdf"
    pages.write_pdf(paged, path)
    left, right, _, _ = block_box(profile)
    measured = read_layout(path, profile.page.bottom_mm)
    expected = [time_so_far(paged, page) for page in paged.pages]
    assert expected[-1] == "约 " + format_duration(seconds_for(sum(
        count_text(block.text).total for block in layout.speech_blocks(speech, profile)
        if block.role not in spoken)))
    assert len(set(expected)) == len(expected)      # the time grows page by page
    for page, text in zip(measured, expected):
        number = f"\u2014 {page.number} \u2014"
        footer = squeeze(page.footer.text)
        assert squeeze(number) in footer and squeeze(text) in footer
        chars = [c for c in page.footer.chars if c["text"].strip()]
        dashes = [i for i, c in enumerate(chars) if c["text"] == "\u2014"]
        number_chars = chars[dashes[0]:dashes[-1] + 1]
        extra_chars = chars[:dashes[0]] + chars[dashes[-1] + 1:]
        # Opposite the number: left of it on odd pages, right of it on even ones.
        if page.number % 2:
            assert max(c["x1"] for c in extra_chars) < min(c["x0"] for c in number_chars)
            assert abs(min(c["x0"] for c in extra_chars) - left - 14) < TOLERANCE
        else:
            assert min(c["x0"] for c in extra_chars) > max(c["x1"] for c in number_chars)
            assert abs(max(c["x1"] for c in extra_chars) - right + 14) < TOLERANCE


@pytest.mark.parametrize("case", ["example", "mixed", "large"])
def test_the_pdf_holds_the_lines_the_layout_made(printed, case):
    """What the preview and the printer draw is what the page model says (no line lost, none
    added, no invisible break mark in the text)."""
    doc = printed[case]
    for page, model in zip(doc.pages, doc.paged.pages):
        assert [squeeze(line.text) for line in page.lines] == [squeeze(t) for t in doc.paged.page_lines(model) if t]
    assert "\u200b" not in "".join(line.text for page in doc.pages for line in page.lines)


@pytest.mark.parametrize("case", ["mixed", "corpus2"])
def test_a_fifth_of_an_em_between_chinese_and_latin(printed, case):
    """「完成了 2024 年」: as LibreOffice (and Word) set the .docx, a gap of about 3.2 pt between a
    Chinese character and a Latin letter or digit, either way round; none after punctuation."""
    doc = printed[case]
    gap_em = 0.2 * doc.profile.role("body").size_pt
    han = re.compile(r"[\u4e00-\u9fff]")
    boundaries = tight = 0
    for page in doc.pages:
        for line in page.lines:
            for a, b in zip(line.chars, line.chars[1:]):
                gap = b["x0"] - a["x1"]
                if (han.match(a["text"]) and b["text"].isascii() and b["text"].isalnum()) or (
                        a["text"].isascii() and a["text"].isalnum() and han.match(b["text"])):
                    boundaries += 1
                    assert abs(gap - gap_em) < 0.8, (line.text, a["text"], b["text"], gap)
                elif a["text"] in "，。、（" and b["text"].isascii() and b["text"].isalnum():
                    tight += 1
                    assert gap < 1.0, (line.text, gap)
    assert boundaries >= 4
