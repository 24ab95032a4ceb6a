"""A printed block's format (composer/pages/formats.py) comes from the tables the .docx is written
from and from the block itself; the page comes from the profile."""

from __future__ import annotations

import pytest

from composer.core.speech import Section, Speech
from composer.export import layout
from composer.export.docx_writer import style_role
from composer.export.styles import STYLES
from composer.pages.formats import Geometry, block_format, lead_format

from export.conftest import bundled


def speech_with_everything() -> Speech:
    return Speech(title="在全市工作会议上的讲话", subtitle="——在某某会上", speaker="市长　李明",
                  date="2024年5月8日", salutation="同志们：", opening=["开头。"],
                  body=[Section("总结", ["正文。"], [Section("压实责任", ["正文。"], run_in=True),
                                                   Section("明确目标", ["正文。"])])],
                  closing=["谢谢大家！"], signature="某某市人民政府", signature_date="2024年5月8日")


@pytest.mark.parametrize("copy", layout.COPIES)
def test_every_block_prints_in_the_style_of_its_docx_paragraph(copy):
    blocks = layout.speech_blocks(speech_with_everything(), bundled("gbt9704"), copy)
    roles = {block.role for block in blocks}
    assert {layout.HEADING, layout.TITLE} <= roles
    for block in blocks:
        fmt = block_format(block)
        assert fmt.role == style_role(block)
        style = STYLES[fmt.role]
        assert (fmt.align, fmt.indented) == (style.align, style.indented)
        assert fmt.keep_with_next == block.keep_with_next
        assert fmt.right_indent_chars == block.right_indent_chars


def test_the_signature_is_right_aligned_with_its_indent():
    blocks = layout.speech_blocks(speech_with_everything(), bundled("gbt9704"))
    signature = [block_format(b) for b in blocks if b.role in (layout.SIGNATURE, layout.SIGNATURE_DATE)]
    assert len(signature) == 2
    assert all(fmt.align == "right" and fmt.right_indent_chars >= 2 for fmt in signature)


def test_headings_keep_with_next_and_a_run_in_lead_takes_the_heading_font():
    blocks = layout.speech_blocks(speech_with_everything(), bundled("gbt9704"))
    heading = next(b for b in blocks if b.role == layout.HEADING)
    assert block_format(heading).keep_with_next and block_format(heading).role == "heading1"
    run_in = next(b for b in blocks if b.lead)
    assert block_format(run_in).role == "body" and not block_format(run_in).keep_with_next
    assert lead_format(run_in).role == "heading2"
    assert lead_format(heading) is None


def test_the_page_comes_from_the_profile():
    standard, pitch28 = Geometry.of(bundled("gbt9704")), Geometry.of(bundled("gbt9704-28pt"))
    podium = Geometry.of(bundled("podium"))
    assert (standard.lines_per_page, pitch28.lines_per_page, podium.lines_per_page) == (22, 22, 17)
    assert round(standard.block_width, 2) == round(156 * 72 / 25.4, 2)
    assert standard.pitch == 28.95 and pitch28.pitch == 28 and podium.pitch == 40
