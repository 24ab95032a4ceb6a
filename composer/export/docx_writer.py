"""A speech → an official-format .docx, built in memory and written atomically.

Which blocks a speech prints, in which order, is decided in ``layout.py`` (the same blocks feed
the printed pages); this module turns them into WordprocessingML.  Paragraphs carry only a style
reference (and the East Asian hint on their runs); every font, size and indent lives in the
styles.

Building yields progress fractions (a generator), so callers can drive a progress bar without
this module knowing about one.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from collections.abc import Generator, Iterator

from ..core.speech import Speech
from ..io import files
from . import layout
from . import package_parts as parts
from .ooxml import NAMESPACES, XML_DECLARATION, pt_to_twips, text_runs, zip_package
from .profiles import Profile, load_profile
from .layout import style_role
from .styles import NORMAL, STYLES, heading_role, run_in_style_id

# Every run says its text is East Asian, so “ ” — … take the Chinese font.  Only the hint is
# written, no font names: the fonts come from the paragraph's style.
_RUN = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'

def _paragraph(style_id: str, content: str, properties: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{properties}</w:pPr>{content}</w:p>'


def paragraph_properties(block: layout.Block, profile: Profile) -> str:
    """What a paragraph adds to its style (in schema order): keep-with-next where the style
    does not carry it, and the 落款's right indent."""
    out = []
    style = STYLES.get(style_role(block)) if block.role != layout.BLANK else None
    if block.keep_with_next and not (style and style.keep_next):
        out.append("<w:keepNext/>")
    elif style and style.keep_next and not block.keep_with_next:
        out.append('<w:keepNext w:val="0"/>')     # a heading of the outline copy that heads nothing
    if block.role in (layout.SIGNATURE, layout.SIGNATURE_DATE):
        size = profile.role("signature").size_pt
        out.append(f'<w:ind w:right="{pt_to_twips(block.right_indent_chars * size)}" '
                   f'w:rightChars="{round(block.right_indent_chars * 100)}" '
                   'w:firstLine="0" w:firstLineChars="0"/>')
    return "".join(out)


def block_paragraph(block: layout.Block, text: str, profile: Profile, continued: bool = False,
                    section: str = "") -> str:
    """A block printed with TEXT (the part of it on one page, for the podium copy): a part that
    continues a paragraph has no first-line indent and no run-in lead; ``section`` is the
    ``w:sectPr`` that ends a page there."""
    part = replace(block, text=text, lead="" if continued or not text.startswith(block.lead)
                   else block.lead)
    extra = '<w:ind w:firstLine="0" w:firstLineChars="0"/>' if continued else ""
    return block_xml(part, profile, extra + section)


def block_xml(block: layout.Block, profile: Profile, extra: str = "") -> str:
    """One block as a WordprocessingML paragraph (``extra``: properties to append, in schema
    order after the block's own)."""
    properties = paragraph_properties(block, profile) + extra
    if block.role == layout.BLANK:
        return _paragraph(NORMAL, "", properties)
    if block.role == layout.HEADING:
        return _paragraph(STYLES[heading_role(block.level)].style_id, text_runs(block.text, _RUN),
                          properties)
    content = text_runs(block.rest, _RUN) if block.rest else ""
    if block.lead:
        # 「（一）压实责任。正文……」: marker and heading sentence in the level's character style.
        content = text_runs(block.lead, f'<w:rPr><w:rStyle w:val="{run_in_style_id(block.level)}"/>'
                                        '<w:rFonts w:hint="eastAsia"/></w:rPr>') + content
    return _paragraph(STYLES[style_role(block)].style_id, content, properties)


def iter_document_xml(speech: Speech, profile: Profile,
                      copy: str = layout.FULL) -> Generator[float, None, str]:
    """Build ``word/document.xml``, yielding the fraction done after each level-1 section."""
    paragraphs: list[str] = []
    for batch, fraction in layout.iter_blocks(speech, profile, copy):
        paragraphs.extend(block_xml(block, profile) for block in batch)
        if fraction:
            yield fraction
    if not paragraphs:
        paragraphs.append(_paragraph(NORMAL, ""))    # a body needs a paragraph before its sectPr
    return (f'{XML_DECLARATION}<w:document {NAMESPACES}><w:body>{"".join(paragraphs)}'
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
               when: datetime | None = None, *, copy: str = layout.FULL,
               rate: int | None = None) -> Generator[float, None, bytes]:
    """Yield progress from 0 to 0.9 while building; return the .docx bytes.

    ``copy``: layout.FULL (the speech), OUTLINE or OUTLINE_SENTENCES (the 提纲).  ``rate``: the
    speaking rate for the times at the page feet of a profile that prints them (podium).
    """
    resolved = resolve_profile(profile)
    content_types, cached_parts = _profile_parts(resolved)
    profile_parts: list[tuple[str, str]] = list(cached_parts)
    if resolved.page_time.show and copy == layout.FULL:
        # The podium copy sets its own page breaks, each page a section with its time.
        from . import podium
        document, footers = podium.document(speech, resolved, rate)
        content_types, profile_parts = podium.package_parts(resolved, footers)
        yield 0.8
    else:
        document = yield from _scaled(iter_document_xml(speech, resolved, copy), 0.8)
    title = "".join(speech.title.split())
    if copy != layout.FULL:
        title += layout.OUTLINE_LABEL
    package = [
        (parts.CONTENT_TYPES, content_types),    # first: some readers look for it there
        ("_rels/.rels", parts.package_rels_xml()),
        (parts.DOCUMENT, document),
        *profile_parts,
        ("docProps/core.xml", parts.core_properties_xml(
            title, speech.speaker.strip(layout.SPACES), when)),
        ("docProps/app.xml", parts.app_properties_xml()),
    ]
    data = zip_package(package)
    yield 0.9
    return data


def build_docx(speech: Speech, profile: Profile | str | os.PathLike | None = None,
               when: datetime | None = None, *, copy: str = layout.FULL,
               rate: int | None = None) -> bytes:
    """The .docx file's bytes, without writing anything."""
    builder = iter_build(speech, profile, when, copy=copy, rate=rate)
    while True:
        try:
            next(builder)
        except StopIteration as stop:
            return stop.value


def iter_export(speech: Speech, path: str | os.PathLike,
                profile: Profile | str | os.PathLike | None = None, *,
                copy: str = layout.FULL, rate: int | None = None) -> Iterator[float]:
    """Export a speech to path, yielding progress fractions up to 1.0.

    The document is built completely in memory first and then written atomically, so a failure
    at any point (a bad profile, a folder that cannot be written, a full disk) leaves an existing
    file untouched.  Failures are raised as ComposerError with the reason.
    """
    data = yield from iter_build(speech, profile, copy=copy, rate=rate)
    files.write_bytes(path, data)
    yield 1.0


def export_docx(speech: Speech, path: str | os.PathLike,
                profile: Profile | str | os.PathLike | None = None, *,
                copy: str = layout.FULL, rate: int | None = None) -> None:
    """Export a speech (or its outline copy) to an official-format .docx at path."""
    for _ in iter_export(speech, path, profile, copy=copy, rate=rate):
        pass
