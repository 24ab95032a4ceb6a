"""Regression tests for docx_reader bugs found by the file-safety work (fixed in b748fa8).

1. A member whose zip directory declares a small size but whose data unpacks to much more was
   unpacked whole (up to 2 GB for a 1 MB file) before the checksum failed; now at most the
   declared size is ever unpacked.
2. Attribute values in numbering.xml / styles.xml / document.xml went to ``int()`` unchecked
   (``w:ilvl="x"``, ``"--5"``, 5000-digit numbers, ``"²"``): ValueError instead of a message.
3. Huge list start values made Roman numerals loop for ever and letter labels exhaust memory.
"""

from __future__ import annotations

import signal
import tracemalloc

import pytest

from composer.core.errors import ComposerError
from composer.io.docx_reader import read_docx

from .test_hostile_imports import (BODY, W_NS, package_of, set_declared_size,
                                   zeros_member)

PARAGRAPH = (f'<w:document {W_NS}><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/>'
             '<w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一项</w:t></w:r></w:p></w:body>'
             '</w:document>')


def numbering(ilvl="0", start="1", fmt="decimal") -> str:
    return (f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
            '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def read_within(raw: bytes, seconds: int = 5):
    """read_docx, turning a hang into a failure (POSIX)."""
    def too_slow(*_):
        raise AssertionError(f"read_docx took more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(seconds)
    try:
        return read_docx(raw, "x.docx")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_zip_bomb_lying_about_its_size_is_refused_in_little_memory():
    raw = set_declared_size(zeros_member(50 * 1024 * 1024), "word/document.xml", 300)
    tracemalloc.start()
    try:
        with pytest.raises(ComposerError):
            read_docx(raw, "liar.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"{peak / 2**20:.0f} MB for a {len(raw) // 1024} KB file"


@pytest.mark.parametrize("members", [
    {"word/numbering.xml": numbering(ilvl="x")},
    {"word/numbering.xml": numbering(start="--5")},
    {"word/numbering.xml": numbering(start="1" * 5000)},
    {"word/numbering.xml": numbering(ilvl="²")},
    {"word/numbering.xml": numbering(start="1" + "0" * 12, fmt="upperRoman")},
    {"word/numbering.xml": numbering(start="1" + "0" * 12, fmt="upperLetter")},
])
def test_hostile_numbers_in_numbering(members):
    try:
        lines = read_within(package_of({"word/document.xml": PARAGRAPH, **members}))
    except ComposerError:
        return   # refusing is fine; any other exception, a hang or a MemoryError is the bug
    assert any("一项" in line.text for line in lines)   # read: the text is there, numbered or not


def test_hostile_outline_level():
    xml = BODY.replace("<w:p>", '<w:p><w:pPr><w:outlineLvl w:val="²"/></w:pPr>')
    plain = read_within(package_of({"word/document.xml": BODY}))
    try:
        lines = read_within(package_of({"word/document.xml": xml}))
    except ComposerError:
        return
    assert [line.text for line in lines] == [line.text for line in plain]   # the level is ignored


# A fuzz test of the values inside the XML: finds every case above within a few hundred examples.

from hypothesis import given, settings, strategies as st  # noqa: E402

values = st.one_of(st.text(max_size=6), st.integers(-10**6, 10**30).map(str),
                   st.sampled_from(["0", "1", "8", "²", "٣", "-", "--1", "1e3", " 1"]))


@settings(max_examples=300, deadline=None)
@given(ilvl=values, start=values, override=values, outline=values,
       fmt=st.sampled_from(["decimal", "upperRoman", "lowerLetter", "chineseCounting",
                            "decimalEnclosedCircle", "decimalFullWidth", "bullet", "none", "x"]))
def test_values_inside_the_xml(ilvl, start, override, outline, fmt):
    from xml.sax.saxutils import quoteattr
    document = (f'<w:document {W_NS}><w:body><w:p><w:pPr><w:outlineLvl w:val={quoteattr(outline)}/>'
                f'<w:numPr><w:ilvl w:val={quoteattr(ilvl)}/><w:numId w:val="1"/></w:numPr></w:pPr>'
                '<w:r><w:t>一项</w:t></w:r></w:p></w:body></w:document>')
    numbers = (f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0">'
               f'<w:lvl w:ilvl={quoteattr(ilvl)}><w:start w:val={quoteattr(start)}/>'
               f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
               f'<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride '
               f'w:ilvl={quoteattr(ilvl)}><w:startOverride w:val={quoteattr(override)}/>'
               '</w:lvlOverride></w:num></w:numbering>')
    try:
        lines = read_within(package_of({"word/document.xml": document,
                                        "word/numbering.xml": numbers}))
    except ComposerError:
        return
    assert any(line.text.endswith("一项") for line in lines)
