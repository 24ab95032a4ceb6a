"""Finding the speeches in cleaned text, and the structure of each: head lines, salutation,
opening, the outline of headings, closing.

**Speech boundaries.**  A file may hold several speeches (a 范文 page holds eight).  A speech
starts at a title line (「……讲话稿篇一」「在……会议上的讲话」, or a paragraph the source styles as
a title), or — for speeches without such a title — at a salutation (同志们：) that comes after
another speech's body, taking the short unpunctuated lines just before it as its head.  Text
before the first speech (a site's preface that survived the cleanup) is kept apart as preamble.

**Head.**  The short unpunctuated lines before the salutation: the first is the title; a line
starting with —— (or a second title-like line) is the subtitle; a date line (2024年3月15日, in
brackets or not, placeholders allowed) is the date, stored without its brackets; others are the
speaker line.

**Outline.**  Headings come from their markers (一、（一）1.（1）, see ``markers.py``) or from the
source's heading styles.  The level is the depth of the list a marker belongs to, like the items
of nested lists: a marker that continues an open list (二、 after 一、) is that list's next
item; a marker of another kind opens a list one level deeper; a list that restarts at 1 while its
own list is the innermost one (篇六's second 一、二、三、四、 inside 四、) is a new list nested under
the current heading.  So levels always step by one, as the speech model requires, and a document
that uses only 一、 and 1. gets levels 1 and 2.  A marker that would open a fifth level stays body
text, marker and all.

**Run-in headings.**  「（一）压实责任。正文……」 becomes the heading 「压实责任」 with
``run_in = True`` and 「正文……」 as its first paragraph.  A heading line that is one sentence
(「（一）创建……的客观要求。」) is a heading on its own line, its final 。 dropped.

**Closing.**  After the last heading's first paragraph, from the first paragraph that opens a
closing (同志们，…… / 让我们…… / 谢谢大家！) to the end.

**Lost line breaks.**  When a paragraph holds several headings run into the sentences before
them (「……讲几点意见。一、统一思想。……（一）……」), it is split before every marker that follows
a sentence end and continues a numbering sequence (or starts one at 1); likewise a salutation run
into the title before it, and 谢谢大家！ run into the last sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleanup import Paragraph, clean_text
from .markers import match_marker, parse_marker
from .speech import MAX_LEVEL, Section, Speech
from .speech_lines import (CLOSERS, date_text, is_date_line, is_salutation, is_speech_title,
                           is_subtitle, is_thanks, sentences, starts_closing)


@dataclass
class Detected:
    speeches: list[Speech] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)   # text before the first speech


def speeches_from_text(text: str) -> Detected:
    """Clean a text and find the speeches in it."""
    return detect_speeches(clean_text(text).paragraphs)


def speech_from_text(text: str) -> Speech:
    """The whole text as one speech (for "paste as a new speech")."""
    return build_speech(split_run_together(clean_text(text).paragraphs))


def detect_speeches(paragraphs: list[Paragraph]) -> Detected:
    paragraphs = split_run_together(paragraphs)
    starts = _speech_starts(paragraphs)
    if not starts:
        return Detected([build_speech(paragraphs)] if paragraphs else [])
    detected = Detected(preamble=[p.text for p in paragraphs[:starts[0]]])
    for begin, end in zip(starts, starts[1:] + [len(paragraphs)]):
        detected.speeches.append(build_speech(paragraphs[begin:end]))
    return detected


# --- speech boundaries -------------------------------------------------------------------------

_HEAD_MAX = 60
_SENTENCE_MARKS = re.compile(r"[。！？；!?;]")


def _is_title(p: Paragraph) -> bool:
    return p.title or (not p.level and is_speech_title(p.text))


def _head_like(p: Paragraph) -> bool:
    """Could be a head line (title, subtitle, speaker, date): short, no sentence marks."""
    return (not p.level and len(p.text) <= _HEAD_MAX and not _SENTENCE_MARKS.search(p.text)
            and not p.text.endswith(("：", ":")) and parse_marker(p.text) is None)


def _speech_starts(paragraphs: list[Paragraph]) -> list[int]:
    starts: list[int] = []
    body_seen = False          # the current speech has text past its head and salutation
    for i, p in enumerate(paragraphs):
        if _is_title(p):
            if starts and not body_seen and i - starts[-1] <= 3:
                continue       # a second title line in the same head is its subtitle
            starts.append(i)
            body_seen = False
        elif is_salutation(p.text) and not p.level:
            if body_seen:
                begin = i
                while begin - 1 > (starts[-1] if starts else -1) and i - begin < 4 \
                        and _head_like(paragraphs[begin - 1]):
                    begin -= 1
                starts.append(begin)
                body_seen = False
            elif not starts:
                begin = i
                while begin > 0 and i - begin < 4 and _head_like(paragraphs[begin - 1]):
                    begin -= 1
                starts.append(begin)
        elif starts and not _head_like(p):
            body_seen = True
    return starts


# --- one speech --------------------------------------------------------------------------------

def build_speech(paragraphs: list[Paragraph]) -> Speech:
    """One speech from its paragraphs (already split where line breaks were lost)."""
    speech = Speech()
    rest = _take_head(paragraphs, speech)
    if rest and is_salutation(rest[0].text) and not rest[0].level:
        speech.salutation = rest[0].text
        rest = rest[1:]
    first_heading = next((i for i, p in enumerate(rest) if _heading_of(p)), len(rest))
    last_heading = max((i for i, p in enumerate(rest) if _heading_of(p)), default=-1)
    closing_at = _closing_start(rest, first_heading, last_heading)
    speech.opening = [p.text for p in rest[:first_heading]]
    speech.body = _outline(rest[first_heading:closing_at])
    speech.closing = [p.text for p in rest[closing_at:]]
    return speech


def _take_head(paragraphs: list[Paragraph], speech: Speech) -> list[Paragraph]:
    heads = 0
    while heads < len(paragraphs) and heads < 5 and (
            _head_like(paragraphs[heads]) or (heads == 0 and paragraphs[0].title)):
        heads += 1
    if heads == 0:
        return paragraphs
    salutation_next = heads < len(paragraphs) and is_salutation(paragraphs[heads].text)
    if not salutation_next:
        # Without a salutation to bound the head, take the first line as the title, and only
        # lines that are unmistakably head lines after it.
        keep = 1
        while keep < heads and (is_date_line(paragraphs[keep].text)
                                or is_subtitle(paragraphs[keep].text)):
            keep += 1
        heads = keep
    speech.title = paragraphs[0].text
    speakers = []
    for p in paragraphs[1:heads]:
        if is_date_line(p.text) and not speech.date:
            speech.date = date_text(p.text)
        elif (is_subtitle(p.text) or is_speech_title(p.text)) and not speech.subtitle:
            speech.subtitle = p.text
        else:
            speakers.append(p.text)
    speech.speaker = "\u3000".join(speakers)
    return paragraphs[heads:]


def _closing_start(rest: list[Paragraph], first_heading: int, last_heading: int) -> int:
    if last_heading >= 0:
        # The last section keeps its first paragraph (unless its heading is run-in).
        begin = last_heading + 1 if _run_in(rest[last_heading]) else last_heading + 2
    else:
        begin = 1                       # the opening keeps its first paragraph
    for i in range(max(begin, first_heading if last_heading < 0 else begin), len(rest)):
        if rest[i].level or parse_marker(rest[i].text):
            continue
        if starts_closing(rest[i].text) or is_thanks(rest[i].text):
            return i
    return len(rest)


def _run_in(p: Paragraph) -> bool:
    marker = parse_marker(p.text)
    return bool(marker) and len(sentences(marker.rest)) > 1


@dataclass
class _Heading:
    kind: str          # which list it belongs to: "1"…"4" by marker, "s1"… by style
    number: int
    level_hint: int    # the style's level, or the marker's natural level
    heading: str
    body: str          # the run-in text, or ""


def _heading_of(p: Paragraph) -> _Heading | None:
    found = match_marker(p.text)
    if found is None:
        if p.level:
            text = p.text.rstrip("。")
            return _Heading(f"s{p.level}", 0, p.level, text, "")
        return None
    marker, _start = found
    kind = "c" if p.text.lstrip()[:1] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" else str(marker.level)
    parts = sentences(marker.rest)
    if len(parts) == 1:
        return _Heading(kind, marker.number, marker.level, _drop_full_stop(marker.rest), "")
    return _Heading(kind, marker.number, marker.level, _drop_full_stop(parts[0]),
                    "".join(parts[1:]).strip())


def _drop_full_stop(text: str) -> str:
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(("。", ".")) else text


def _outline(paragraphs: list[Paragraph]) -> list[Section]:
    """The section tree of the body (it starts with a heading)."""
    body: list[Section] = []
    stack: list[list] = []      # open lists, outermost first: [kind, last number, section]
    for p in paragraphs:
        heading = _heading_of(p)
        depth = _depth(stack, heading) if heading else None
        if heading is None or depth is None:
            if stack:
                stack[-1][2].paragraphs.append(p.text)
            else:
                body.append(Section("", [p.text]))   # cannot happen: the body starts with one
            continue
        del stack[depth - 1:]
        section = Section(heading.heading, [heading.body] if heading.body else [],
                          run_in=bool(heading.body))
        (stack[-1][2].children if stack else body).append(section)
        stack.append([heading.kind, heading.number, section])
    return body


def _depth(stack: list[list], heading: _Heading) -> int | None:
    """The level of a heading given the open lists (see the module docstring)."""
    if heading.kind.startswith("s"):
        return min(heading.level_hint, len(stack) + 1)
    for index in range(len(stack) - 1, -1, -1):
        kind, last, _ = stack[index]
        if kind != heading.kind:
            continue
        innermost = index == len(stack) - 1
        if heading.number == 1 and last >= 1 and innermost:
            depth = len(stack) + 1          # the same kind restarting: a list nested in it
            return depth if depth <= MAX_LEVEL else index + 1
        return index + 1
    depth = len(stack) + 1
    return depth if depth <= MAX_LEVEL else None


# --- lost line breaks --------------------------------------------------------------------------

_AFTER_SENTENCE = re.compile(rf"[。！？!?][{re.escape(CLOSERS)}]*|[：；:;]")
_THANKS_AT_END = re.compile(r"(?<=[。！？!?])\s*((谢谢|感谢)(大家|各位)?[！!。]?)$")


def split_run_together(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Split paragraphs that hold headings, a salutation or 谢谢大家！ run into other text."""
    out: list[Paragraph] = []
    last_numbers: dict[int, int] = {}      # marker level → last number seen
    for p in paragraphs:
        if p.level or p.title:
            out.append(p)
            continue
        pieces = _split_salutation(p.text)
        for piece in pieces[:-1]:
            out.append(Paragraph(piece))
        for piece in _split_at_markers(pieces[-1], last_numbers):
            out.append(Paragraph(piece))
    for i, p in enumerate(out):
        match = _THANKS_AT_END.search(p.text) if not p.level else None
        if match and match.start() > 0:
            out[i:i + 1] = [Paragraph(p.text[:match.start()].rstrip()), Paragraph(match.group(1))]
    return out


def _split_salutation(text: str) -> list[str]:
    """「在……上的讲话同志们：今天……」 → title, salutation, rest."""
    colon = min((i for i in (text.find("："), text.find(":")) if i >= 0), default=-1)
    if colon < 0 or colon > 80 or (colon == len(text) - 1 and is_salutation(text)):
        return [text]
    head = text[:colon + 1]
    if _SENTENCE_MARKS.search(head):
        return [text]
    if is_salutation(head):
        return [head, text[colon + 1:].strip()]
    # A title run into the salutation: the title must end the way titles end (篇一, 的讲话 …).
    for begin in range(colon - 1, 0, -1):
        if is_salutation(head[begin:]) and is_speech_title(head[:begin]):
            return [head[:begin].strip(), head[begin:], text[colon + 1:].strip()]
    return [text]


def _split_at_markers(text: str, last_numbers: dict[int, int]) -> list[str]:
    marker = parse_marker(text)
    if marker:
        last_numbers[marker.level] = marker.number
    candidates = []
    for match in _AFTER_SENTENCE.finditer(text):
        found = match_marker(text, match.end())
        if found and found[1] > match.end():
            candidates.append((match.end(), match.group()[0], found[0]))
    cuts = []
    for i, (position, mark, found) in enumerate(candidates):
        expected = found.number in (1, last_numbers.get(found.level, 0) + 1)
        if mark in "：；:;":
            # After a colon, only a list that goes on (1 … 2 …) in the same paragraph.
            expected = expected and any(f.level == found.level and f.number == found.number + 1
                                        for _, _, f in candidates[i + 1:])
        if expected:
            cuts.append(position)
            last_numbers[found.level] = found.number
    if not cuts:
        return [text]
    pieces = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    return [piece for piece in pieces if piece]
