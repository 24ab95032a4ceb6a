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
4. **Debris lines** go: page numbers, 「第1页共10页」, separator rows, a collection's title, a web
   page's furniture (责任编辑：…, 扫一扫在手机打开当前页, 打印本页, 【字号 大 中 小】, the one- and
   two-character buttons 下载 大 中 小, leftovers of ``<img …>`` tags and comments, long hex ids;
   see ``boilerplate.py``); so do **boilerplate sentences** in a site's voice.
5. **Hard-wrapped lines are rejoined** into paragraphs.  A line break is kept when the source
   says it ends a paragraph (a Word paragraph is always a paragraph: two are never joined), when
   the line ends the way a paragraph ends (。！？；： …) — except in a wrapped text, where a line
   as long as the text's wrap width is a wrap even after a 。 — and when either side is a heading,
   title, salutation, date or subtitle line.  A line without a final mark is joined to the next
   one when it is as long as the wrap width (measured from the text: the most common length of
   the lines of ten characters or more that break mid-sentence, so short button lines and list
   items cannot drag it down) or ends in a clause mark (，、“《…);
   a short unpunctuated line (「主任：秦树理、胡卫民」) stays a line of its own.  In a text whose
   paragraphs start with an indent (「　　」), an indented line starts a paragraph and any other
   line continues one.  A heading cut in two by a wrap (「……的重要意」+「义和深刻内涵」) is put
   back together; a heading that lost the line break before it (「……讲几点意见。一、统一思想」)
   still ends its line, and structure detection splits it off.

Two lines are joined without a space, except between two Latin letters (「COVID」+「vaccine」):
never inside a number (「2」+「0万吨级」 stays 「20万吨级」).

Every removed piece is reported in ``Cleaned.removed`` with the reason it went (``Removed``, a
string with a ``reason`` and the position ``at``: the number of paragraphs kept before it), so
that a test can prove the cleanup never drops, adds or reorders a Chinese character except in
what it reports, and a writer can put any piece back (``keep``).
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
    hard: bool = False    # the source ends a paragraph here (a Word paragraph): never joined


class Removed(str):
    """A piece the cleanup removed: its text, why (``boilerplate.REASONS``) and where (``at``:
    how many paragraphs were kept before it)."""
    reason: str
    at: int

    def __new__(cls, text: str, reason: str, at: int = 0) -> Removed:
        piece = super().__new__(cls, text)
        piece.reason = reason
        piece.at = at
        return piece


@dataclass
class Paragraph:
    text: str
    level: int = 0
    title: bool = False


@dataclass
class Cleaned:
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)   # debris and boilerplate, in order

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
# A marker that ends in punctuation (一、 （一） 1.): the spaces after it are stray.  In 「一 调查」
# the space is the marker's separator and stays.
_PUNCTUATED_MARKER = re.compile(r"[、．.）)]$|^[①-⑳]$")


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
        head = ""          # a marker whose separating space must survive (「三 关于……」)
        if found and _HAS_CJK.match(found[0].rest):
            label = text[:found[1]].rstrip(" ")
            if _PUNCTUATED_MARKER.search(label):
                text = label + found[0].rest          # 「三、 加强」 → 「三、加强」
            else:
                head, text = text[:found[1]], found[0].rest
        body = found[0].rest if found else text
        if (" " in text or "\t" in text) and (len(body) > _PHRASE_LINE
                                              or _PUNCTUATION.search(body)):
            text = _STRAY_SPACE.sub("", text)
        text = head + text
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
_CLOSE_STARTS = "，、。；：！？）》」』”’〕】"
_CLAUSE_MARKS = re.compile(r"[。！？；：!?;:]")


@dataclass
class _Item:
    text: str
    blank_before: bool
    indented: bool
    level: int = 0
    title: bool = False
    hard: bool = False        # the source ends a paragraph after this line
    fixed: bool = False       # a line that is never joined with another (title, salutation …)
    marker: bool = False      # starts with an outline marker (一、（一）1.（1）)
    heading: bool = False     # a marker line holding only its heading (no run-in body)
    tail_heading: bool = False  # prose whose last sentence is a heading that lost its break


def clean_lines(lines: Iterable[Line | str], keep: Iterable[str] = ()) -> Cleaned:
    """Clean a source's lines into paragraphs (see the module docstring for what changes).

    ``keep``: texts of removed pieces the writer put back; they are left in place.
    """
    result = Cleaned()
    kept = set(keep)
    items = _items(lines, result.removed, kept)
    if not items:
        return result
    full, exact = _full_line_length(items)
    blank_mode = _blank_separated(items)
    indent_mode = sum(i.indented for i in items) >= max(3, len(items) // 5)
    paragraphs: list[Paragraph] = []
    current: list[_Item] = []
    for n, item in enumerate(items):
        follows_blank = n + 1 >= len(items) or items[n + 1].blank_before
        if current and _joins(current, item, full, exact, blank_mode, indent_mode,
                              follows_blank):
            current.append(item)
            continue
        if current:
            paragraphs.append(_paragraph(current))
        current = [item]
    if current:
        paragraphs.append(_paragraph(current))
    for paragraph in paragraphs:
        text, removed = boilerplate.strip_boilerplate(paragraph.text)
        if any(piece in kept for piece in removed):
            text, removed = paragraph.text, []      # the writer put this back
        result.removed.extend(Removed(piece, "boilerplate", len(result.paragraphs))
                              for piece in removed)
        if text:
            paragraph.text = text
            result.paragraphs.append(paragraph)
    _place(result)
    return result


def _place(result: Cleaned) -> None:
    """Removed lines were counted by lines seen so far; turn that into kept paragraphs."""
    for piece in result.removed:
        piece.at = min(piece.at, len(result.paragraphs))


def clean_text(text: str) -> Cleaned:
    return clean_lines(split_lines(text))


def clean_paste(text: str) -> list[str]:
    """Paragraphs of text pasted from Word or a web page, cleaned (for the editor's paste)."""
    return clean_text(text).texts()


def _items(lines: Iterable[Line | str], removed: list[Removed], kept: set[str]) -> list[_Item]:
    items: list[_Item] = []
    blank = False
    value_of = None       # a debris line left its value to the next line: the reason it goes for
    crumb = ""            # the last breadcrumb item removed (a page repeats it as its heading)
    for raw in lines:
        line = raw if isinstance(raw, Line) else Line(raw)
        text = normalise(line.text)
        if not text:
            blank = True
            if line.hard and items:
                items[-1].hard = True
            continue
        reason = None if line.level or text in kept else boilerplate.debris_reason(text)
        if reason is None and not line.level and text not in kept:
            # The value of a field whose name stood alone, a breadcrumb's item, or that item
            # repeated right after the breadcrumb.
            if value_of and boilerplate.is_value_line(text) and parse_marker(text) is None:
                reason = value_of
                crumb = text if value_of == "web-button" else ""
            elif crumb and text == crumb:
                reason = "web-button"
        if reason:
            removed.append(Removed(text, reason, _paragraphs_before(items)))
            blank = True      # a page break separates like a blank line
            value_of = boilerplate.opens_value_line(text) or (
                value_of if text in ("首页", "首 页") else None)
            continue
        value_of, crumb = None, ""
        text, fragments = boilerplate.strip_fragments(text)
        for fragment, why in fragments:
            if fragment in kept:
                continue
            removed.append(Removed(fragment, why, _paragraphs_before(items)))
        if not text:
            blank = True
            continue
        item = _Item(text, blank, bool(_INDENT.match(_INVISIBLE.sub("", line.text))),
                     line.level, line.title, line.hard)
        marker = parse_marker(text)
        item.marker = marker is not None
        item.heading = marker is not None and len(sentences(marker.rest)) <= 1
        if not item.marker and not ends_paragraph(text):
            parts = sentences(text)
            item.tail_heading = len(parts) > 1 and parse_marker(parts[-1]) is not None
        item.fixed = bool(line.level or line.title or is_speech_title(text) or is_salutation(text)
                          or is_date_line(text) or is_subtitle(text) or is_thanks(text))
        items.append(item)
        blank = False
    return items


def _paragraphs_before(items: list[_Item]) -> int:
    """An upper bound of the paragraphs kept before this point (lines seen so far)."""
    return len(items)


# Lines shorter than this say nothing about the wrap width (list items, buttons, headings).
_MIN_WRAPPED = 10
# At least one line in this many must be a wrapped line of the measured width.
_WRAPPED_SHARE = 10


def _full_line_length(items: list[_Item]) -> tuple[int, int]:
    """The length from which a line counts as filling the text's width, and the measured width
    itself (0 when there is none to measure).

    Measured as the most common length of lines that break mid-sentence onto a next line; a
    wrapping program breaks a little early or late around punctuation, hence the tolerance.
    Lines under ten characters are not counted, nor heading lines, so that buttons, short items
    and headings cannot drag the width down.
    """
    # Heading lines (a marker and one sentence: 「（一）放大促消费扩投资政策效应」) are short
    # because they are headings: in a text that was never wrapped they are most of the lines
    # without a final mark, and would pass for a width of twelve characters.
    lengths = Counter(len(a.text) for a, b in itertools.pairwise(items)
                      if not b.blank_before and not a.fixed and not b.fixed and not a.hard
                      and not a.heading and not ends_paragraph(a.text)
                      and len(a.text) >= _MIN_WRAPPED)
    if lengths:
        width, count = max(lengths.items(), key=lambda pair: (pair[1], pair[0]))
        near = sum(c for length, c in lengths.items() if abs(length - width) <= 2)
        # The wrapped lines must also be a fair share of the text: five lines of a licence
        # footer that happen to break mid-sentence (Wikisource's 「本作品是中华人民共和国的」
        # 「Public domain」) are no evidence that a 157-line report was wrapped at 13.
        if (count >= 3 and near * 10 >= sum(lengths.values()) * 3
                and near * _WRAPPED_SHARE >= len(items)):
            return max(width - 3, _MIN_WRAPPED), width
    return _FALLBACK_FULL, 0


def _blank_separated(items: list[_Item]) -> bool:
    """Whether the text separates paragraphs by blank lines (so a plain newline is a wrap)."""
    ends = [b.blank_before for a, b in itertools.pairwise(items) if ends_paragraph(a.text)]
    return len(ends) >= 3 and sum(ends) * 2 > len(ends)


def _joins(current: list[_Item], item: _Item, full: int, exact: int, blank_mode: bool,
           indent_mode: bool, follows_blank: bool) -> bool:
    first, last = current[0], current[-1]
    if last.hard or item.fixed or first.fixed or item.marker:
        return False
    if first.heading and len(current) > 1:
        return False
    if last.heading or last.tail_heading:
        # A heading line cut by a wrap: the heading fills the width and a short, unpunctuated
        # rest stands alone before the next paragraph.
        return (not ends_paragraph(last.text) and len(last.text) >= full
                and len(item.text) < full and not _CLAUSE_MARKS.search(item.text)
                and follows_blank)
    if not item.blank_before and item.text[0] in _CLOSE_STARTS:
        # No paragraph starts with 「，」 or 「》」: a page that sets its links on lines of their
        # own (Wikisource: 「……根本法」「中華人民共和國憲法」「，接着，……」) broke the sentence.
        return True
    if indent_mode and not item.blank_before:
        return not item.indented           # indented lines start paragraphs, others continue
    if not ends_paragraph(last.text):
        # Where blank lines separate the paragraphs, a plain line break inside one is a wrap.
        return ((blank_mode and not item.blank_before) or len(last.text) >= full
                or last.text[-1] in _OPEN_ENDS)
    if item.blank_before:
        return False
    # A line that fills the wrap width exactly and ends in 。 is no evidence of a paragraph
    # end: the wrap simply fell right after the 。.
    return (blank_mode and len(last.text) >= full) or (exact > 0 and len(last.text) >= exact)


def _paragraph(items: list[_Item]) -> Paragraph:
    text = items[0].text
    for item in items[1:]:
        text += (" " if _latin_letter(text[-1:]) and _latin_letter(item.text[:1]) else "") \
            + item.text
    if len(items) > 1:
        text = normalise(text)   # a bracket pair or a stray space may have spanned the break
    return Paragraph(text, items[0].level, items[0].title)


def _latin_letter(ch: str) -> bool:
    """Two lines join with a space only between Latin letters: never inside a number."""
    return ch.isascii() and ch.isalpha()
