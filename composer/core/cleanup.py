"""Cleaning up text copied from old documents and 范文 sites, keeping the writer's words.

What is changed, and nothing else:

1. **Invisible and control characters** (zero-width spaces, BOMs, soft hyphens) are removed;
   indentation and trailing spaces are stripped from every line.
2. **Half-width punctuation inside Chinese text** becomes full-width: ``, ; : ? !`` after a
   Chinese character, ``.`` after a Han character (not in 1.5 or 1.), ``...`` → ……, brackets
   ``(一)`` → （一） when they touch or hold Chinese, straight double quotes → “ ” in pairs.
3. **Stray spaces between two Chinese characters** (「构建社 会主义」, 「三、 加强」) are removed
   from prose, that is from any line with punctuation in it.  In a short line without any
   (a title 「凝心聚力 争创一流」, a heading 「一、统一思想 提高认识」, a speaker line) a space
   separates phrases on purpose and is kept — except right after an outline marker.  Spaces
   between Latin words, and around Latin words and numbers, are kept, and so are ideographic
   spaces (U+3000, as in 「局长　王建国」).
4. **Debris lines** go: page numbers, 「第1页共10页」, separator rows, a collection's title
   (see ``boilerplate.py``); so do **boilerplate sentences** in a site's voice.
5. **Hard-wrapped lines are rejoined** into paragraphs.  A line break is kept when the line
   ends the way a paragraph ends (。！？；： …) — except inside a block of a blank-line-separated
   text, where a line as long as the text's wrap width is a wrap even after a 。 — and when either
   side is a heading, title, salutation, date or subtitle line.  A line without a final mark is
   joined to the next one when it is as long as the wrap width (measured from the text: the most
   common length of lines that break mid-sentence) or ends in a clause mark (，、“《…);
   a short unpunctuated line (「主任：秦树理、胡卫民」) stays a line of its own.  In a text whose
   paragraphs start with an indent (「　　」), an indented line starts a paragraph and any other
   line continues one.  A heading cut in two by a wrap (「……的重要意」+「义和深刻内涵」) is put
   back together; a heading that lost the line break before it (「……讲几点意见。一、统一思想」)
   still ends its line, and structure detection splits it off.

Every removed piece is reported in ``Cleaned.removed``, so that a test can prove the cleanup
never drops, adds or reorders a Chinese character except in what it reports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from collections.abc import Iterable

from . import boilerplate
from .markers import match_marker, parse_marker
from .speech_lines import (CJK, HAN, ends_paragraph, is_date_line, is_salutation,
                           is_speech_title, is_subtitle, is_thanks, sentences)
import itertools


@dataclass
class Line:
    """A line of a plain-text source, or a paragraph of a .docx / Markdown source."""
    text: str
    level: int = 0        # outline level 1–4 given by the source (a heading style), 0 if none
    title: bool = False   # the source marks it as a title (Word's Title style, a leading #)


@dataclass
class Paragraph:
    text: str
    level: int = 0
    title: bool = False


@dataclass
class Cleaned:
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)   # debris and boilerplate, in order

    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]


# --- character-level normalisation --------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\f\v\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_INDENT = re.compile(r"^(\u3000|\t| {2,})")
_HALF_AFTER_CJK = re.compile(f"(?<=[{CJK}])[,;:?!]")
_FULL_FORMS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_PERIOD = re.compile(f"(?<=[{HAN}])\\.(?![.0-9A-Za-z])")
_ELLIPSIS = re.compile(f"(?<=[{CJK}])(\\.{{3,}}|。{{3,}})")
_PAIRED_PARENS = re.compile(r"\(([^()\n]{0,80})\)")
_LONE_PAREN = re.compile(f"(?<=[{CJK}])[()]|[()](?=[{CJK}])")
_HAS_CJK = re.compile(f"[{CJK}]")
_STRAY_SPACE = re.compile(f"(?<=[{CJK}])[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f]+(?=[{CJK}])")
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f]")
# Lines up to this long without punctuation (titles, slogans, names) keep their spaces.
_PHRASE_LINE = 40
_PUNCTUATION = re.compile(r"[，。、；：！？,.;:!?“”（）()《》…]")


def split_lines(text: str) -> list[str]:
    return _LINE_BREAKS.split(text)


def normalise(text: str) -> str:
    """One line or paragraph with the character-level fixes (1–3 above) applied."""
    text = _INVISIBLE.sub("", text).strip()
    if not text:
        return text
    if not text.isprintable():
        text = _SPACES.sub(" ", text)
    if _HAS_CJK.search(text):
        text = _full_width_punctuation(text)
        found = match_marker(text)
        if found and _HAS_CJK.match(found[0].rest):
            text = text[:found[1]].rstrip(" ") + found[0].rest     # 「三、 加强」 → 「三、加强」
        body = found[0].rest if found else text
        if (" " in text or "\t" in text) and (len(body) > _PHRASE_LINE
                                              or _PUNCTUATION.search(body)):
            text = _STRAY_SPACE.sub("", text)
    return text


def _full_width_punctuation(text: str) -> str:
    # The ``in`` tests only skip work: most lines have no half-width punctuation at all.
    if "..." in text or "。。。" in text:
        text = _ELLIPSIS.sub("……", text)
    if "," in text or ";" in text or ":" in text or "?" in text or "!" in text:
        text = _HALF_AFTER_CJK.sub(lambda m: _FULL_FORMS[m.group()], text)
    if "." in text:
        text = _PERIOD.sub("。", text)
    if "(" in text or ")" in text:
        text = _PAIRED_PARENS.sub(lambda m: _parens(text, m), text)
        text = _LONE_PAREN.sub(lambda m: _FULL_FORMS[m.group()], text)
    if '"' in text:
        text = _quotes(text)
    return text


def _parens(text: str, match: re.Match) -> str:
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if _HAS_CJK.search(match.group(1)) or _HAS_CJK.match(before) or _HAS_CJK.match(after):
        return f"（{match.group(1)}）"
    return match.group()


def _quotes(text: str) -> str:
    """Straight double quotes in Chinese text become “ ” — only when they pair up."""
    positions = [i for i, ch in enumerate(text) if ch == '"']
    if len(positions) % 2:
        return text
    chars = list(text)
    for n, i in enumerate(positions):
        chars[i] = "“" if n % 2 == 0 else "”"
    return "".join(chars)


# --- rejoining hard-wrapped lines --------------------------------------------------------------

# Without a measurable wrap width, an unpunctuated line at least this long is taken as cut off.
_FALLBACK_FULL = 30
# A line ending in one of these is mid-sentence, whatever its length.
_OPEN_ENDS = "，,、“‘《（(【—-－"
_CLAUSE_MARKS = re.compile(r"[。！？；：!?;:]")


@dataclass
class _Item:
    text: str
    blank_before: bool
    indented: bool
    level: int = 0
    title: bool = False
    fixed: bool = False       # a line that is never joined with another (title, salutation …)
    marker: bool = False      # starts with an outline marker (一、（一）1.（1）)
    heading: bool = False     # a marker line holding only its heading (no run-in body)
    tail_heading: bool = False  # prose whose last sentence is a heading that lost its break


def clean_lines(lines: Iterable[Line | str]) -> Cleaned:
    """Clean a source's lines into paragraphs (see the module docstring for what changes)."""
    result = Cleaned()
    items = _items(lines, result.removed)
    if not items:
        return result
    full = _full_line_length(items)
    blank_mode = _blank_separated(items)
    indent_mode = sum(i.indented for i in items) >= max(3, len(items) // 5)
    paragraphs: list[Paragraph] = []
    current: list[_Item] = []
    for n, item in enumerate(items):
        follows_blank = n + 1 >= len(items) or items[n + 1].blank_before
        if current and _joins(current, item, full, blank_mode, indent_mode, follows_blank):
            current.append(item)
            continue
        if current:
            paragraphs.append(_paragraph(current))
        current = [item]
    if current:
        paragraphs.append(_paragraph(current))
    for paragraph in paragraphs:
        text, removed = boilerplate.strip_boilerplate(paragraph.text)
        result.removed.extend(removed)
        if text:
            paragraph.text = text
            result.paragraphs.append(paragraph)
    return result


def clean_text(text: str) -> Cleaned:
    return clean_lines(split_lines(text))


def clean_paste(text: str) -> list[str]:
    """Paragraphs of text pasted from Word or a web page, cleaned (for the editor's paste)."""
    return clean_text(text).texts()


def _items(lines: Iterable[Line | str], removed: list[str]) -> list[_Item]:
    items: list[_Item] = []
    blank = False
    for raw in lines:
        line = raw if isinstance(raw, Line) else Line(raw)
        text = normalise(line.text)
        if not text:
            blank = True
            continue
        if not line.level and boilerplate.is_debris_line(text):
            removed.append(text)
            blank = True      # a page break separates like a blank line
            continue
        item = _Item(text, blank, bool(_INDENT.match(_INVISIBLE.sub("", line.text))),
                     line.level, line.title)
        marker = parse_marker(text)
        item.marker = marker is not None
        item.heading = item.marker and len(sentences(marker.rest)) <= 1
        if not item.marker and not ends_paragraph(text):
            parts = sentences(text)
            item.tail_heading = len(parts) > 1 and parse_marker(parts[-1]) is not None
        item.fixed = bool(line.level or line.title or is_speech_title(text) or is_salutation(text)
                          or is_date_line(text) or is_subtitle(text) or is_thanks(text))
        items.append(item)
        blank = False
    return items


def _full_line_length(items: list[_Item]) -> int:
    """The length from which a line counts as filling the text's width.

    Measured as the most common length of lines that break mid-sentence onto a next line; a
    wrapping program breaks a little early or late around punctuation, hence the tolerance.
    """
    lengths = Counter(len(a.text) for a, b in itertools.pairwise(items)
                      if not b.blank_before and not a.fixed and not b.fixed
                      and not ends_paragraph(a.text))
    if lengths:
        width, count = lengths.most_common(1)[0]
        near = sum(c for length, c in lengths.items() if abs(length - width) <= 2)
        if count >= 3 and near * 10 >= sum(lengths.values()) * 3:
            return max(width - 3, 8)
    return _FALLBACK_FULL


def _blank_separated(items: list[_Item]) -> bool:
    """Whether the text separates paragraphs by blank lines (so a plain newline is a wrap)."""
    ends = [b.blank_before for a, b in itertools.pairwise(items) if ends_paragraph(a.text)]
    return len(ends) >= 3 and sum(ends) * 2 > len(ends)


def _joins(current: list[_Item], item: _Item, full: int, blank_mode: bool, indent_mode: bool,
           follows_blank: bool) -> bool:
    first, last = current[0], current[-1]
    if item.fixed or first.fixed or item.marker:
        return False
    if first.heading and len(current) > 1:
        return False
    if last.heading or last.tail_heading:
        # A heading line cut by a wrap: the heading fills the width and a short, unpunctuated
        # rest stands alone before the next paragraph.
        return (not ends_paragraph(last.text) and len(last.text) >= full
                and len(item.text) < full and not _CLAUSE_MARKS.search(item.text)
                and follows_blank)
    if indent_mode and not item.blank_before:
        return not item.indented           # indented lines start paragraphs, others continue
    if not ends_paragraph(last.text):
        return len(last.text) >= full or last.text[-1] in _OPEN_ENDS
    return blank_mode and not item.blank_before and len(last.text) >= full


def _paragraph(items: list[_Item]) -> Paragraph:
    text = items[0].text
    for item in items[1:]:
        gap = " " if text[-1:].isascii() and text[-1:].isalnum() and item.text[:1].isascii() \
            and item.text[:1].isalnum() else ""
        text += gap + item.text
    if len(items) > 1:
        text = normalise(text)   # a bracket pair or a stray space may have spanned the break
    return Paragraph(text, items[0].level, items[0].title)

