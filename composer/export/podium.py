"""The podium copy (大字稿): the speech in large type, with the speaking time reached so far at
the foot of every page (「约 3 分 20 秒」), for the leader who reads it out.

No Word field can compute that time (a field knows the page number, not how much of the text
is above it), so the writer decides the page breaks itself and writes each page as a section of
its own whose footer carries that page's time:

* the lines of every block are estimated on the profile's line grid (line_grid.py), cautiously:
  a renderer may fit a line more, never a line less;
* pages are filled to ``lines per page − page_time.spare_lines`` with the same rules as every
  other copy: a heading (any block that keeps with the next) is never a page's last line, and a
  paragraph is split only where at least two of its lines stay on each side;
* a paragraph is split at the end of a sentence when it can be (the leader turns the page
  between sentences), else at a clause, else at the last full line; the part overleaf is a
  paragraph of its own without the first-line indent, so it reads on as one paragraph;
* each page ends with a section break (new page) and has its own footer: the page number
  (a PAGE field, counting on across sections) centred, the time at the right.

In LibreOffice the pages come out exactly as planned (the render tests compare every page foot's
time with the text printed above it).  In Word the same holds while Word breaks no line later
than the estimate; if it ever did, the spare line takes it, and beyond that a page would spill a
line onto an extra page carrying the same time.  The page breaks never move by themselves: after
editing the text in Word, export again.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from ..core.i18n import pick
from ..core.stats import DEFAULT_RATE, count_text, seconds_for
from . import layout, line_grid
from . import package_parts as parts
from .docx_writer import block_paragraph, style_role
from .ooxml import NAMESPACES, XML_DECLARATION, escape_text, mm_to_twips
from .profiles import Profile
from .styles import STYLES

_SPLITTABLE = {layout.OPENING_PARAGRAPH, layout.PARAGRAPH, layout.CLOSING_PARAGRAPH}
_INDENTED = {"body", "closing", "heading1", "heading2", "heading3", "heading4"}
_SENTENCE_END = re.compile(r"[。！？!?…]+[”’」』）)》]*")
_CLAUSE_END = re.compile(r"[，；：、,;:]+[”’」』）)》]*")


@dataclass(frozen=True)
class Piece:
    """A block, or the part of a paragraph block, printed on one page."""
    block: layout.Block
    text: str
    continued: bool = False     # the paragraph began on the page before: no first-line indent
    continues: bool = False     # the paragraph goes on overleaf
    lines: int = 1


def _role(block: layout.Block) -> str:
    return style_role(block)


def estimate_lines(block: layout.Block, text: str, continued: bool, profile: Profile) -> int:
    """Grid lines a block (or part of one) takes, estimated cautiously (line_grid.py)."""
    if block.role == layout.BLANK:
        return 1
    role = _role(block)
    if block.role in (layout.SIGNATURE, layout.SIGNATURE_DATE):
        width = line_grid.line_em(profile, role, block.right_indent_chars)
        return len(line_grid.break_lines(text, width))
    width = line_grid.line_em(profile, role)
    first = width
    if role in _INDENTED and not continued:
        first = line_grid.line_em(profile, role, profile.text.first_line_chars)
    if block.role == layout.TITLE:
        return sum(len(line_grid.break_lines(line, width)) for line in text.split("\n"))
    return len(line_grid.break_lines(text, width, first))


def _min_slice(block: layout.Block, lines: int) -> int:
    """Fewest lines of a block that may end a page: a paragraph keeps two on each side."""
    if block.role not in _SPLITTABLE or lines <= 3:
        return lines
    return 2


def _cut(block: layout.Block, text: str, continued: bool, free: int,
         profile: Profile) -> int | None:
    """Where to split a paragraph that does not fit in FREE lines: an index into TEXT, or None.

    At least two lines on each side; at a sentence's end if that fills at least half the free
    lines, else at a clause's end likewise, else after the last character that fits."""
    if block.lead and not continued:
        text_start = len(block.lead)     # never split a run-in heading from its sentence
    else:
        text_start = 1

    def lines(part: str, cont: bool) -> int:
        return estimate_lines(block, part, cont, profile)

    def fits(index: int) -> bool:
        head = lines(text[:index], continued)
        return 2 <= head <= free and lines(text[index:], True) >= 2

    for pattern, least in ((_SENTENCE_END, max(2, free // 2)), (_CLAUSE_END, max(2, free // 2))):
        for match in reversed(list(pattern.finditer(text))):
            index = match.end()
            if text_start <= index < len(text) and fits(index) and lines(text[:index], continued) >= least:
                return index
    for index in range(len(text) - 1, text_start - 1, -1):
        if fits(index):
            return index
    return None


def paginate(blocks: list[layout.Block], profile: Profile) -> list[list[Piece]]:
    """The pages of the podium copy, each a list of pieces (see the module's note)."""
    capacity = max(3, line_grid.lines_per_page(profile) - profile.page_time.spare_lines)
    pending = deque((block, block.text, False) for block in blocks)
    pages: list[list[Piece]] = [[]]
    used = 0

    def new_page() -> None:
        nonlocal used
        if pages[-1]:
            pages.append([])
            used = 0

    while pending:
        block, text, continued = pending.popleft()
        lines = estimate_lines(block, text, continued, profile)
        free = capacity - used
        if block.keep_with_next and used:
            need = lines
            for next_block, next_text, next_cont in pending:
                next_lines = estimate_lines(next_block, next_text, next_cont, profile)
                if not next_block.keep_with_next:
                    need += _min_slice(next_block, next_lines)
                    break
                need += next_lines
            if need > free:
                new_page()
                free = capacity
        rest = sum(estimate_lines(b, t, c, profile) for b, t, c in pending)
        if lines <= free and 0 < rest < 2 and used + lines + rest > capacity \
                and block.role in _SPLITTABLE and lines >= 4:
            # The text's last line would stand alone on the last page: two lines of this
            # paragraph go with it.
            index = _cut(block, text, continued, min(free, lines - 2), profile)
            if index is not None:
                head = text[:index]
                pages[-1].append(Piece(block, head, continued, True,
                                       estimate_lines(block, head, continued, profile)))
                new_page()
                pending.appendleft((block, text[index:], True))
                continue
        if lines <= free:
            pages[-1].append(Piece(block, text, continued, False, lines))
            used += lines
            continue
        index = _cut(block, text, continued, free, profile) if block.role in _SPLITTABLE else None
        if index is not None:
            head = text[:index]
            pages[-1].append(Piece(block, head, continued, True,
                                   estimate_lines(block, head, continued, profile)))
            new_page()
            pending.appendleft((block, text[index:], True))
        elif used == 0:
            pages[-1].append(Piece(block, text, continued, False, lines))   # taller than a page
            used += lines
        else:
            new_page()
            pending.appendleft((block, text, continued))
    return [page for page in pages if page]


def spoken(piece: Piece) -> int:
    """Characters a piece adds to the speaking time (core.stats counts them the same way)."""
    return count_text(piece.text).total if layout.spoken_text(piece.block) else 0


def page_seconds(pages: list[list[Piece]], rate: int) -> list[int]:
    """The speaking time reached at the end of each page, in seconds."""
    total, times = 0, []
    for page in pages:
        total += sum(spoken(piece) for piece in page)
        times.append(seconds_for(total, rate))
    return times


def time_text(seconds: int, round_seconds: int = 10) -> str:
    """「约 3 分 20 秒」, rounded to ROUND_SECONDS."""
    seconds = int(round(seconds / round_seconds) * round_seconds)
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return pick(f"约 {rest} 秒", f"about {rest} s")
    if not rest:
        return pick(f"约 {minutes} 分", f"about {minutes} min")
    return pick(f"约 {minutes} 分 {rest} 秒", f"about {minutes} min {rest} s")


# --- the document -----------------------------------------------------------------------------

def footer_id(page: int) -> str:
    return f"rIdPodiumFooter{page}"


def footer_xml(profile: Profile, time: str) -> str:
    """The page number centred and the time at the right, on one line (tab stops)."""
    page = profile.page
    width = mm_to_twips(page.width_mm - page.left_mm - page.right_mm)
    return (
        f'{XML_DECLARATION}<w:ftr {NAMESPACES}><w:p>'
        f'<w:pPr><w:pStyle w:val="{STYLES["page_number"].style_id}"/>'
        f'<w:tabs><w:tab w:val="center" w:pos="{width // 2}"/>'
        f'<w:tab w:val="right" w:pos="{width}"/></w:tabs>'
        '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>'
        '<w:r><w:tab/><w:t xml:space="preserve">\u2014 </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> \u2014</w:t></w:r>'
        f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:tab/><w:t>{escape_text(time)}</w:t>'
        "</w:r></w:p></w:ftr>")


def _section_xml(profile: Profile, page: int) -> str:
    """A page's section properties, naming its own footer."""
    common = parts.section_properties_xml(profile)
    refs = f'<w:footerReference w:type="default" r:id="{footer_id(page)}"/>'
    start = common.index("<w:pgSz")
    return f"<w:sectPr>{refs}{common[start:]}"


def document(speech, profile: Profile, rate: int | None = None) -> tuple[str, list[str]]:
    """``word/document.xml`` of the podium copy and the footer of each page."""
    rate = rate or DEFAULT_RATE
    pages = paginate(layout.speech_blocks(speech, profile), profile)
    times = page_seconds(pages, rate)
    body: list[str] = []
    for number, page in enumerate(pages, 1):
        for index, piece in enumerate(page):
            last = index == len(page) - 1
            section = _section_xml(profile, number) if last and number < len(pages) else ""
            body.append(block_paragraph(piece.block, piece.text, profile,
                                        continued=piece.continued, section=section))
    if not body:
        body.append('<w:p/>')
    footers = [footer_xml(profile, time_text(t, profile.page_time.round_seconds)) for t in times]
    final = _section_xml(profile, max(1, len(pages)))
    xml = (f'{XML_DECLARATION}<w:document {NAMESPACES}><w:body>{"".join(body)}{final}'
           "</w:body></w:document>")
    return xml, footers or [footer_xml(profile, time_text(0))]


def package_parts(profile: Profile, footers: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """Content types and parts of the podium copy: the profile's parts with its own footers."""
    table = [row for row in parts.document_parts(profile) if not row[0].startswith("word/footer")]
    footer_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
    for number, xml in enumerate(footers, 1):
        table.append((f"word/footer{number}.xml", footer_type, rel, footer_id(number), xml))
    return parts.assemble(table)


__all__ = ["Piece", "document", "estimate_lines", "package_parts", "page_seconds", "paginate",
           "time_text"]
