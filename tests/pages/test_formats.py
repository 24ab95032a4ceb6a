"""The one table from printed blocks to formats (composer/pages/formats.py) covers every role the
profile and the .docx know, and follows the .docx's styles."""

from __future__ import annotations

from composer.export import layout
from composer.export.profiles import ROLES
from composer.export.styles import STYLES
from composer.pages.formats import FORMATS, Geometry, block_format

from export.conftest import bundled


def test_every_role_of_the_profile_prints_in_its_own_format():
    """A role added to the profile (and to the .docx) needs its line in the table: this fails
    until it has one, instead of the role printing silently as body text."""
    used = {fmt.role for fmt in FORMATS.values()}
    assert set(ROLES) - {"page_number"} <= used


def test_alignment_and_indent_come_from_the_docx_styles():
    for fmt in FORMATS.values():
        assert (fmt.align, fmt.indented) == (STYLES[fmt.role].align, STYLES[fmt.role].indented)
    assert block_format(layout.Block(layout.TITLE, "标题")).align == "center"
    assert block_format(layout.Block(layout.HEADING, "一、", 1)).role == "heading1"
    assert block_format(layout.Block(layout.PARAGRAPH, "（一）压实责任。正文", 2, "（一）压实责任。")).role == "body"


def test_headings_and_head_lines_keep_with_next_and_text_does_not():
    kept = {role for role, fmt in FORMATS.items() if fmt.keep_with_next}
    assert kept == {layout.TITLE, layout.SUBTITLE, layout.SPEAKER, layout.DATE} | {
        (layout.HEADING, level) for level in range(1, 5)}


def test_an_unknown_role_prints_as_body_text():
    assert block_format(layout.Block("something-new", "文字")) == FORMATS[layout.PARAGRAPH]


def test_the_page_comes_from_the_profile():
    standard, pitch28 = Geometry.of(bundled("gbt9704")), Geometry.of(bundled("gbt9704-28pt"))
    assert (standard.lines_per_page, pitch28.lines_per_page) == (22, 22)
    assert round(standard.block_width, 2) == round(156 * 72 / 25.4, 2)
    assert standard.pitch == 28.95 and pitch28.pitch == 28
