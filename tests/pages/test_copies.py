"""The other copies of issue 14 on the printed pages: the 落款, the 提纲 and the 大字稿 (podium),
measured on the PDF (the shared measures of test_pdf_pages.py run on the first two as well)."""

from __future__ import annotations

from composer.core.stats import count_text, seconds_for
from composer.export import layout, podium

from export.pdf_layout import MM
from .measure import assign_lines, block_box, squeeze

TOLERANCE = 1 * MM


def test_the_signature_stands_right_with_its_indents(printed):
    """GB/T 9704 §7.3.5: the 单位 and the date right-aligned, each its indent in from the edge, on
    the page of the text's last paragraph."""
    doc = printed["signed"]
    _, right, _, _ = block_box(doc.profile)
    size = doc.profile.role("signature").size_pt
    signature = {b.text: b for b in doc.blocks if b.role in (layout.SIGNATURE, layout.SIGNATURE_DATE)}
    assert len(signature) == 2
    last_page = doc.pages[-1]
    for text, block in signature.items():
        line = next(line for line in last_page.lines if squeeze(line.text) == squeeze(text))
        assert abs(line.chars[-1]["x1"] - (right - block.right_indent_chars * size)) < TOLERANCE
    closing = squeeze(doc.speech.closing[-1])
    assert any(squeeze(line.text) == closing for line in last_page.lines)


def test_the_outline_copy_holds_the_head_and_the_numbered_headings(printed):
    doc = printed["outline"]
    left, right, _, _ = block_box(doc.profile)
    lines = [line for page in doc.pages for line in page.lines]
    label = next(line for line in lines if line.text == layout.OUTLINE_LABEL)
    assert abs((label.x0 + label.x1) / 2 - (left + right) / 2) < TOLERANCE
    headings = [squeeze(b.text) for b in doc.blocks if b.role == layout.HEADING]
    starts = [squeeze(line.text) for line in lines]
    assert all(any(text.startswith(h[:12]) for text in starts) for h in headings)
    assert not any(squeeze(p)[:20] in "".join(starts) for p in doc.speech.opening)


def test_the_podium_copy_gives_the_speaking_time_at_each_page_foot(printed):
    """Large type on the podium profile's grid, the page number centred, and at the right of the
    foot the time reached by the text printed above it (at 180 characters a minute)."""
    doc = printed["podium"]
    left, right, _, _ = block_box(doc.profile)
    lines_per_page = round((doc.profile.page.height_mm - doc.profile.page.top_mm
                            - doc.profile.page.bottom_mm) * MM // doc.profile.text.line_pitch_pt)
    refs, _ = assign_lines(doc.pages, doc.blocks)
    spoken = 0
    assert len(doc.pages) >= 10
    for page, page_refs in zip(doc.pages, refs):
        assert len(page.lines) <= lines_per_page - doc.profile.page_time.spare_lines + 1
        assert {round(c["size"], 1) for line in page.lines for c in line.chars} <= {22.0, 26.0}
        for line, ref in zip(page.lines, page_refs):
            if layout.spoken_text(doc.blocks[ref.block]):
                spoken += count_text("".join(c["text"] for c in line.chars)).total
        expected = podium.time_text(seconds_for(spoken, 180), doc.profile.page_time.round_seconds)
        chars = [c for c in page.footer.chars if c["text"].strip()]
        dashes = [i for i, c in enumerate(chars) if c["text"] == "\u2014"]
        number, time = chars[dashes[0]:dashes[-1] + 1], chars[dashes[-1] + 1:]
        assert "".join(c["text"] for c in number) == f"\u2014{page.number}\u2014"
        assert abs((number[0]["x0"] + number[-1]["x1"]) / 2 - (left + right) / 2) < TOLERANCE
        assert "".join(c["text"] for c in time) == squeeze(expected)
        assert time[-1]["x1"] > right - 2 * doc.profile.role("page_number").size_pt
