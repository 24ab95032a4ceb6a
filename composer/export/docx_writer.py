"""A speech → an official-format .docx, built in memory and written atomically.

The block order is the one offices use for 讲话稿 (official-format.md §5): title, subtitle
「——……」, speaker line, date line 「（2024年3月15日）」, one blank line, salutation, opening,
the numbered sections, closing.  Paragraphs carry only a style reference (and the East Asian
hint on their runs); every font, size and indent lives in the styles.

Building yields progress fractions (a generator), so callers can drive a progress bar without
this module knowing about one.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache
from collections.abc import Generator, Iterator

from ..core.numbering import outline_markers
from ..core.speech import Section, Speech
from ..io import files
from . import package_parts as parts
from .date_line import date_line
from .ooxml import NAMESPACES, XML_DECLARATION, text_runs, zip_package
from .profiles import Profile, load_profile
from .styles import NORMAL, STYLES, heading_role, run_in_style_id

# Every run says its text is East Asian, so “ ” — … take the Chinese font.  Only the hint is
# written, no font names: the fonts come from the paragraph's style.
_RUN = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'

SUBTITLE_DASH = "——"
_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)》】"
_WEAK_END = "，、；：,;:"
# Whitespace a writer may have typed around a paragraph, including the ideographic space U+3000
# that pasted text uses for indentation (the style indents; typed spaces would double it).
_SPACES = " \t\r\n\u3000\u00a0"


def _paragraph(style_id: str, content: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{content}</w:p>'


def _text_paragraph(role: str, text: str) -> str:
    return _paragraph(STYLES[role].style_id, text_runs(text, _RUN))


def subtitle_text(subtitle: str) -> str:
    """A subtitle line starts with 「——」, however the writer typed the dash (or did not)."""
    text = subtitle.strip(_SPACES).lstrip("—-－–―~～ ")
    return SUBTITLE_DASH + text


def run_in_heading_text(heading: str) -> str:
    """A run-in heading as a sentence: 「压实责任」 → 「压实责任。」.

    A heading that already ends a sentence (。！？… possibly before a closing quote) is kept;
    a trailing comma, enumeration comma, semicolon or colon is replaced by 。.
    """
    text = heading.rstrip(_SPACES)
    if not text:
        return ""
    if text.rstrip(_CLOSERS)[-1:] in tuple(_SENTENCE_END):
        return text
    return text.rstrip(_WEAK_END) + "。"


def _clean_paragraphs(paragraphs: list[str]) -> Iterator[str]:
    """Paragraphs as they go into the document: trimmed, blank ones left out."""
    for paragraph in paragraphs:
        text = paragraph.strip(_SPACES)
        if text:
            yield text


def _section_blocks(section: Section, level: int, marker: str, out: list[str]) -> None:
    paragraphs = list(_clean_paragraphs(section.paragraphs))
    heading = section.heading.strip(_SPACES)
    if section.run_in:
        # 「（一）压实责任。正文……」: marker and heading sentence in the level's character style,
        # the rest in the body style, all in one body paragraph.
        lead = text_runs(marker + run_in_heading_text(heading),
                         f'<w:rPr><w:rStyle w:val="{run_in_style_id(level)}"/>'
                         '<w:rFonts w:hint="eastAsia"/></w:rPr>')
        rest = text_runs(paragraphs[0], _RUN) if paragraphs else ""
        out.append(_paragraph(STYLES["body"].style_id, lead + rest))
        paragraphs = paragraphs[1:]
    else:
        out.append(_text_paragraph(heading_role(level), marker + heading))
    out.extend(_text_paragraph("body", text) for text in paragraphs)


def _head_blocks(speech: Speech, profile: Profile) -> list[str]:
    blocks = []
    title = speech.title.strip(_SPACES)
    if title:
        blocks.append(_text_paragraph("title", title))
    if speech.subtitle.strip(_SPACES):
        blocks.append(_text_paragraph("subtitle", subtitle_text(speech.subtitle)))
    if speech.speaker.strip(_SPACES):
        blocks.append(_text_paragraph("speaker", speech.speaker.strip(_SPACES)))
    if speech.date.strip(_SPACES):
        blocks.append(_text_paragraph("date", date_line(speech.date, profile.date_digits)))
    if blocks:
        blocks.append(_paragraph(NORMAL, ""))    # the one blank line before the salutation
    if speech.salutation.strip(_SPACES):
        blocks.append(_text_paragraph("salutation", speech.salutation.strip(_SPACES)))
    return blocks


def _size(section: Section) -> int:
    """Characters in a section and its subsections: the measure of progress."""
    return sum(len(s.heading) + sum(len(p) for p in s.paragraphs) for s in section.walk())


def iter_document_xml(speech: Speech, profile: Profile) -> Generator[float, None, str]:
    """Build ``word/document.xml``, yielding the fraction done after each level-1 section."""
    blocks = _head_blocks(speech, profile)
    blocks.extend(_text_paragraph("body", t) for t in _clean_paragraphs(speech.opening))
    markers = outline_markers(speech, profile.level3_style)
    total = sum(_size(section) for section in speech.body) or 1
    done = 0
    for top in speech.body:
        stack = [(top, 1)]
        while stack:
            section, level = stack.pop()
            _section_blocks(section, level, markers[section.id], blocks)
            stack.extend((child, level + 1) for child in reversed(section.children))
        done += _size(top)
        yield done / total
    blocks.extend(_text_paragraph("closing", t) for t in _clean_paragraphs(speech.closing))
    if not blocks:
        blocks.append(_paragraph(NORMAL, ""))    # a body needs a paragraph before its sectPr
    return (f'{XML_DECLARATION}<w:document {NAMESPACES}><w:body>{"".join(blocks)}'
            f"{parts.section_properties_xml(profile)}</w:body></w:document>")


@lru_cache(maxsize=8)
def _profile_parts(profile: Profile) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Content types and the parts that depend only on the profile, built once per profile
    (profiles are immutable and hashable)."""
    content_types, named = parts.profile_parts(profile)
    return content_types, tuple(named)


def resolve_profile(profile: Profile | str | os.PathLike | None) -> Profile:
    """A Profile from a Profile, a profile name or file, or None (the default profile)."""
    return profile if isinstance(profile, Profile) else load_profile(profile)


def _scaled(generator: Generator[float, None, str], scale: float) -> Generator[float, None, str]:
    """Pass on a generator's progress multiplied by scale, and its return value."""
    while True:
        try:
            fraction = next(generator)
        except StopIteration as stop:
            return stop.value
        yield fraction * scale


def iter_build(speech: Speech, profile: Profile | str | os.PathLike | None = None,
               when: datetime | None = None) -> Generator[float, None, bytes]:
    """Yield progress from 0 to 0.9 while building; return the .docx bytes."""
    resolved = resolve_profile(profile)
    document = yield from _scaled(iter_document_xml(speech, resolved), 0.8)
    content_types, profile_parts = _profile_parts(resolved)
    package = [
        (parts.CONTENT_TYPES, content_types),    # first: some readers look for it there
        ("_rels/.rels", parts.package_rels_xml()),
        (parts.DOCUMENT, document),
        *profile_parts,
        ("docProps/core.xml", parts.core_properties_xml(
            "".join(speech.title.split()), speech.speaker.strip(_SPACES), when)),
        ("docProps/app.xml", parts.app_properties_xml()),
    ]
    data = zip_package(package)
    yield 0.9
    return data


def build_docx(speech: Speech, profile: Profile | str | os.PathLike | None = None,
               when: datetime | None = None) -> bytes:
    """The .docx file's bytes, without writing anything."""
    builder = iter_build(speech, profile, when)
    while True:
        try:
            next(builder)
        except StopIteration as stop:
            return stop.value


def iter_export(speech: Speech, path: str | os.PathLike,
                profile: Profile | str | os.PathLike | None = None) -> Iterator[float]:
    """Export a speech to path, yielding progress fractions up to 1.0.

    The document is built completely in memory first and then written atomically, so a failure
    at any point (a bad profile, a folder that cannot be written, a full disk) leaves an existing
    file untouched.  Failures are raised as ComposerError with the reason.
    """
    data = yield from iter_build(speech, profile)
    files.write_bytes(path, data)
    yield 1.0


def export_docx(speech: Speech, path: str | os.PathLike,
                profile: Profile | str | os.PathLike | None = None) -> None:
    """Export a speech to an official-format .docx at path (see iter_export)."""
    for _ in iter_export(speech, path, profile):
        pass
