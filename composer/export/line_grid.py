"""The line grid of the printed page, estimated from the profile: how wide a text is in
characters, where a renderer will break its lines, how many lines a page holds.

Used where the writer must know the lines before Word or LibreOffice lays them out: to break a
long title between words, to place the 落款 lines, and to set the page breaks of the podium copy
(whose page feet carry the speaking time, which no Word field can compute).

Widths are in *em of the role's font size*.  A Chinese character, a full-width mark and the
quotes “ ” ‘ ’ (which the East Asian hint sends to the Chinese font) are 1 em; digits and Latin
letters take their Times New Roman widths (Adobe's published Times-Roman metrics, which
Liberation Serif and Word's Times New Roman share).  The estimate is deliberately *cautious*: it
may give a paragraph a line more than the renderer does, never one less, because

* both LibreOffice and Word add a little space where Chinese meets Latin letters or digits
  (LibreOffice's autospace, Word's ``autoSpaceDE``/``autoSpaceDN``): counted as a quarter em;
* a mark that may not start a line (，。、 …) is either hung into the margin or pulls the
  character before it down to the next line, depending on the renderer: counted as the latter;
* a run of Latin letters or digits is never broken.

So a page filled by these estimates never overflows in a renderer; at worst it ends a line early.
"""

from __future__ import annotations

import math
import unicodedata

from .profiles import Profile

# Times-Roman advance widths per 1000 em for ASCII 32…126 (Adobe core font metrics).
_TIMES = (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 "    # space … /
    "500 500 500 500 500 500 500 500 500 500 278 278 564 564 564 444 "    # 0 … ?
    "921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 "    # @ … O
    "556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 "    # P … _
    "333 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 "    # ` … o
    "500 500 333 389 278 500 500 722 500 500 444 480 200 480 541")        # p … ~
LATIN_WIDTHS = {chr(32 + i): int(w) / 1000 for i, w in enumerate(_TIMES.split())}
AUTOSPACE_EM = 0.25
# The space LibreOffice 7.4 actually adds where Chinese meets a digit (measured: 3.5 pt at
# 16 pt), for placing a line exactly rather than cautiously.
MEASURED_AUTOSPACE_EM = 0.22

# Chinese line breaking (GB/T 15834 practice; what Word and LibreOffice apply to Chinese text).
NO_LINE_START = "，。、；：！？”’）》」』〉】…·%‰°,.;:!?)]}"
NO_LINE_END = "“‘（《「『〈【([{"


def char_em(ch: str) -> float:
    """The advance of one character in em of its font size."""
    width = LATIN_WIDTHS.get(ch)
    if width is not None:
        return width
    if ch == "\u00a0":
        return LATIN_WIDTHS[" "]
    return 1.0 if ch.isprintable() or unicodedata.east_asian_width(ch) in "WF" else 0.0


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def text_em(text: str) -> float:
    """A text's width in em, with the cautious quarter em where Chinese meets Latin."""
    width, previous = 0.0, ""
    for ch in text:
        width += char_em(ch)
        if previous and _is_latin(ch) != _is_latin(previous) and not (
                previous.isspace() or ch.isspace()):
            width += AUTOSPACE_EM
        previous = ch
    return width


def text_pt(text: str, size_pt: float, spacing_pt: float = 0.0) -> float:
    """A text's printed width in points, as closely as it can be told without the font: each
    character's advance plus the character spacing, and the measured CJK/Latin space."""
    width, previous = 0.0, ""
    for ch in text:
        width += char_em(ch) * size_pt + spacing_pt
        if previous and _is_latin(ch) != _is_latin(previous) and not (
                previous.isspace() or ch.isspace()):
            width += MEASURED_AUTOSPACE_EM * size_pt
        previous = ch
    return width


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: a run of Latin letters and digits, or one other character."""
    tokens: list[str] = []
    for ch in text:
        if tokens and _is_latin(ch) and _is_latin(tokens[-1][-1]):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def break_lines(text: str, width_em: float, first_width_em: float | None = None) -> list[str]:
    """The lines a renderer breaks a paragraph into, cautiously (see the module's note).

    ``first_width_em`` is the first line's width (less, by the first-line indent)."""
    widths = [width_em if first_width_em is None else first_width_em]
    lines: list[list[str]] = [[]]
    used = 0.0
    for token in _tokens(text):
        width = text_em(token)
        if lines[-1] and _is_latin(token[0]) != _is_latin(lines[-1][-1][-1]):
            width += AUTOSPACE_EM
        if lines[-1] and used + width > widths[-1] + 1e-6:
            carried: list[str] = []
            # A mark that may not start a line takes the character before it along; a mark that
            # may not end one goes down with what follows.
            if token in NO_LINE_START and len(lines[-1]) > 1:
                carried.append(lines[-1].pop())
            while len(lines[-1]) > 1 and lines[-1][-1] in NO_LINE_END:
                carried.insert(0, lines[-1].pop())
            lines.append(carried)
            widths.append(width_em)
            used = text_em("".join(carried))
            width = text_em(token) + (AUTOSPACE_EM if carried and _is_latin(token[0])
                                      != _is_latin(carried[-1][-1]) else 0.0)
        lines[-1].append(token)
        used += width
    return ["".join(line) for line in lines if line] or [""]


# --- the page, from the profile ---------------------------------------------------------------

PT_PER_MM = 72 / 25.4


def block_width_pt(profile: Profile) -> float:
    page = profile.page
    return (page.width_mm - page.left_mm - page.right_mm) * PT_PER_MM


def block_height_pt(profile: Profile) -> float:
    page = profile.page
    return (page.height_mm - page.top_mm - page.bottom_mm) * PT_PER_MM


def lines_per_page(profile: Profile) -> int:
    """Lines of the profile's pitch that fit the text block (22 for GB/T 9704)."""
    return max(1, math.floor(block_height_pt(profile) / profile.text.line_pitch_pt + 1e-6))


def cell_pt(profile: Profile, role: str) -> float:
    """One character's advance in a role: its size plus the profile's character spacing."""
    return profile.role(role).size_pt + profile.text.character_spacing_pt


def line_em(profile: Profile, role: str, indent_chars: float = 0.0) -> float:
    """How many em of a role's font a line holds, less an indent in characters (an indent of
    N characters is N × the font size, as the writer sets it)."""
    size = profile.role(role).size_pt
    return (block_width_pt(profile) - indent_chars * size) / cell_pt(profile, role)


def chars_per_line(profile: Profile, role: str = "body") -> int:
    """Full-width characters on a full line (28 for GB/T 9704)."""
    return math.floor(line_em(profile, role) + 1e-6)
