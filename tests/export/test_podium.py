"""The podium copy (大字稿): large type, the page rules, and the speaking time at every page's
foot, measured on the LibreOffice render: each foot's time must be the time of the text printed
above it, so the render's pages must be the writer's planned pages exactly."""

from __future__ import annotations

import pytest

from composer.core.stats import count_text, seconds_for, speech_stats
from composer.export import build_docx, layout, line_grid, podium

from .conftest import bundled
from .docx_xml import NS, parse, q, read_parts
from .page_rules import check, place_lines
from .pdf_layout import MM
from .speech_builders import build_speech

RATE = 180


@pytest.fixture
def profile():
    return bundled("podium")


def test_the_podium_profile(profile):
    assert profile.role("body").size_pt == 22 and profile.role("heading1").font == "黑体"
    assert profile.page_time.show and profile.page_number_position == "center"
    assert line_grid.lines_per_page(profile) == 17 and line_grid.chars_per_line(profile) == 20


def test_time_text():
    assert podium.time_text(200) == "约 3 分 20 秒"
    assert podium.time_text(204) == "约 3 分 20 秒" and podium.time_text(206) == "约 3 分 30 秒"
    assert podium.time_text(180) == "约 3 分" and podium.time_text(42) == "约 40 秒"
    assert podium.time_text(61, 1) == "约 1 分 1 秒"


def test_pages_follow_the_page_rules(profile):
    speech = build_speech(3, children=2, depth=3, paragraphs=2,
                          lengths=(40, 420, 75, 260, 130, 52, 330, 95, 190))
    blocks = layout.speech_blocks(speech, profile)
    pages = podium.paginate(blocks, profile)
    capacity = line_grid.lines_per_page(profile) - profile.page_time.spare_lines
    assert len(pages) > 20
    for number, page in enumerate(pages, 1):
        assert sum(piece.lines for piece in page) <= capacity
        assert not page[-1].block.keep_with_next or number == len(pages), number
        for piece in (page[0], page[-1]):
            if piece.continued or piece.continues:
                assert piece.lines >= 2, (number, piece.text)
    # Nothing lost or doubled: the pieces of each block put its text back together.
    joined: dict[int, str] = {}
    for page in pages:
        for piece in page:
            joined[id(piece.block)] = joined.get(id(piece.block), "") + piece.text
    assert [joined[id(b)] for b in blocks] == [b.text for b in blocks]
    # Pages turn at a sentence's end where they split a paragraph, mostly (else at a clause).
    splits = [page[-1].text for page in pages if page[-1].continues]
    assert splits and sum(text[-1] in "。！？”" for text in splits) >= 0.7 * len(splits)
    assert all(text[-1] in "。！？”，；：、" for text in splits)


def test_the_last_line_is_not_alone_on_the_last_page(profile, example):
    pages = podium.paginate(layout.speech_blocks(example, profile), profile)
    assert sum(piece.lines for piece in pages[-1]) >= 2


def test_every_page_is_a_section_with_its_own_footer(profile, example):
    parts = read_parts(build_docx(example, profile, rate=RATE))
    document = parse(parts, "word/document.xml")
    sections = document.findall(".//w:sectPr", NS)
    footers = sorted(name for name in parts if name.startswith("word/footer"))
    pages = podium.paginate(layout.speech_blocks(example, profile), profile)
    assert len(sections) == len(footers) == len(pages)
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    ids = [s.find("w:footerReference", NS).get(r_id) for s in sections]
    assert len(set(ids)) == len(ids)
    last = parse(parts, f"word/footer{len(pages)}.xml")
    text = "".join(t.text for t in last.iter(q("t")))
    total = speech_stats(example, RATE).seconds
    assert abs(podium.page_seconds(pages, RATE)[-1] - total) <= 10
    assert text.endswith(podium.time_text(podium.page_seconds(pages, RATE)[-1]))
    settings = parts["word/settings.xml"].decode()
    assert "evenAndOddHeaders" not in settings


def test_the_rate_changes_the_times(profile, example):
    slow = read_parts(build_docx(example, profile, rate=120))
    fast = read_parts(build_docx(example, profile, rate=240))
    assert slow["word/footer1.xml"] != fast["word/footer1.xml"]
    assert slow["word/document.xml"] == fast["word/document.xml"]


# --- measured on the render ------------------------------------------------------------------

@pytest.mark.render
@pytest.mark.parametrize("case", ["podium", "podium_levels"])
def test_each_page_foot_gives_the_time_of_the_text_above_it(rendered, case):
    doc = rendered[case]
    blocks = doc.blocks()
    placed = place_lines(doc.pages, blocks, doc.profile.text.line_pitch_pt)
    spoken = [bool(layout.spoken_text(b)) for b in blocks]
    total = 0
    for page in doc.pages:
        total += sum(count_text(line.text).total for line in placed
                     if line.page == page.number and spoken[line.block])
        footer = page.footer
        assert footer is not None
        expected = f"\u2014 {page.number} \u2014" + podium.time_text(seconds_for(total, RATE))
        assert footer.text.replace(" ", "") == expected.replace(" ", ""), page.number
    assert len(doc.pages) == len(podium.paginate(blocks, doc.profile))


@pytest.mark.render
@pytest.mark.parametrize("case", ["podium", "podium_levels"])
def test_podium_pages_large_type_and_the_page_rules(rendered, case):
    doc = rendered[case]
    profile = doc.profile
    lines = line_grid.lines_per_page(profile)
    report = check(doc.pages, doc.blocks(), profile.text.line_pitch_pt, lines)
    # Pages end early by design (at a sentence's end, and the spare line); nothing else.
    faults = [f for f in report.faults if "early" not in f]
    assert not faults, report.summary()
    left = profile.page.left_mm * MM
    right = (profile.page.width_mm - profile.page.right_mm) * MM
    for page in doc.pages:
        assert len(page.lines) <= lines - profile.page_time.spare_lines
        body = [c for line in page.lines for c in line.chars if c["size"] == 22]
        assert len(body) >= 0.8 * sum(len(line.chars) for line in page.lines) or page.number == 1
        footer = page.footer
        dashes = [c for c in footer.chars if c["text"] == "\u2014"]
        assert len(dashes) == 2
        middle = (dashes[0]["x0"] + dashes[1]["x1"]) / 2
        assert abs(middle - (left + right) / 2) < 1 * MM, page.number
        assert abs(footer.x1 - right) < 1 * MM, page.number
        assert {c["size"] for c in footer.chars} == {profile.role("page_number").size_pt}
