"""Finding the speeches in cleaned text, and the structure of each: head lines, salutation,
opening, the outline of headings, closing, back matter.

**Speech boundaries.**  A file may hold several speeches (a 范文 page holds eight).  A speech
starts at a title line (「……讲话稿篇一」「在……会议上的讲话」, or a paragraph the source styles as
a title), or — for speeches without such a title — at a salutation (同志们：) that comes after
another speech's body, taking the short unpunctuated lines just before it as its head.  Text
before the first speech (a site's preface that survived the cleanup, a head line beyond the
ones taken) starts the first speech's opening: every writer of the result (a speech file, a
library, the window) takes only the speeches, so text kept anywhere else would be lost.
Inside back matter (below) a styled title starts nothing: it is an attachment's title.

**Head.**  The short unpunctuated lines before the salutation: the first is the title; a line
starting with —— (or a second title-like line) is the subtitle; a date line (2024年3月15日, in
brackets or not, placeholders allowed) is the date, stored without its brackets; a short line
naming a person (「国务院总理　李克强」) is the speaker.  Any other head line (a source line, a
photo caption) is kept as text at the start of the opening: nothing is dropped.

**Outline.**  Headings come from their markers (一、（一）1.（1）, see ``markers.py``), from a
line holding only a numeral (「一」), or from the source's heading styles (Markdown #, Word's
heading styles).  A heading's level is what its marker says — 一、 = 1, （一） = 2, 1. = 3,
（1） = 4 — or what its style says; depth decides only where markers contradict the structure
around them:

* a marker that continues an open list (二、 after 一、) is that list's next item, at its level;
* a list of the same kind restarting at 1 inside the innermost open list (篇六's second
  一、二、三、四、 inside 四、) is a new list nested one level deeper;
* a marker whose level is already taken by an open list of another kind (一、 items inside a
  ``## 二`` section) is nested one level below it — but a styled heading keeps its style's level;
* headings of a lower rank before the first heading of the document's top rank (a preface that
  quotes 「1、…2、…」) are opening text, so they cannot push the real headings down.

Levels can skip (（1） directly under 一 is level 4, （一） at the top of a speech without 一、 is
level 2); the section tree nests each heading under the nearest open heading of a lower level,
and a section that skips levels below its parent records them (``Section.skip``), so the export
numbers it as its marker did: an export never recasts a document's own hierarchy.  The skip is
taken from the marker only where the marker is consistent with the structure: an unstyled
heading whose level the rules above moved (a restarted list, a clash of kinds) sits one level
below its parent, and so does a styled heading without a marker in its text (the style names a
rank, not a number); a styled heading whose text has a marker takes the marker's level when that
is below its parent's.  ``Outline.levels`` keeps every section's level so found, and
``Outline.markers`` the marker text that the computed numbering replaces.  A heading that would
sit below level 4 stays body text, marker and all.

**Run-in headings.**  「（一）压实责任。正文……」 becomes the heading 「压实责任」 with
``run_in = True`` and 「正文……」 as its first paragraph.  A heading line that is one sentence
(「（一）创建……的客观要求。」) is a heading on its own line, its final 。 dropped.

**Closing.**  After the last heading's first paragraph, from the first paragraph that opens a
closing (同志们，…… / 让我们…… / 谢谢大家！) to the back matter or the end.

**Back matter** is not outline: notes and glossaries (注释, 〔注释〕, 名词解释), attachments (附件,
附件1…), appendices (附录), a source line (「（《……》……第12页）」), and everything after a 公文's
closing formula (特此函告。 特此通知。).  It starts at the first such paragraph after the
speech's first heading (or after its opening when it has none) and is kept as text after the
closing; ``Outline.back_matter`` counts those paragraphs.

**Lost line breaks.**  When a paragraph holds several headings run into the sentences before
them (「……讲几点意见。一、统一思想。……（一）……」), it is split before every marker that follows
a sentence end and continues a numbering sequence (or starts one at 1); likewise a salutation run
into the title before it or into the text after it, and 谢谢大家！ run into the last sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleanup import Paragraph, clean_text
from .markers import Marker, bare_numeral, match_marker, parse_marker
from .speech import MAX_LEVEL, Section, Speech
from .speech_lines import (CLOSERS, date_text, ends_with_document_kind, is_date_line,
                           is_photo_caption, is_salutation, is_speech_title, is_subtitle,
                           is_thanks, sentences, starts_closing)


@dataclass
class Outline:
    """What the speech model does not hold: the marker each heading had, and how many closing
    paragraphs at the end are back matter; also each section's level as found (by id; the
    speech holds it too, through the sections' skips, and is what counts once the writer
    corrects a level in the import preview)."""
    levels: dict[str, int] = field(default_factory=dict)
    markers: dict[str, str] = field(default_factory=dict)
    back_matter: int = 0


@dataclass
class Detected:
    speeches: list[Speech] = field(default_factory=list)
    outlines: list[Outline] = field(default_factory=list)   # one per speech


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
        detected = Detected()
        if paragraphs:
            outline = Outline()
            detected.speeches.append(build_speech(paragraphs, outline))
            detected.outlines.append(outline)
        return detected
    detected = Detected()
    for begin, end in zip(starts, starts[1:] + [len(paragraphs)]):
        outline = Outline()
        detected.speeches.append(build_speech(paragraphs[begin:end], outline))
        detected.outlines.append(outline)
    detected.speeches[0].opening[:0] = [p.text for p in paragraphs[:starts[0]]]
    return detected


def outline_of(paragraphs: list[Paragraph]) -> tuple[list[str], list[Section], Outline]:
    """A fragment's text before its first heading, and the outline of the rest — no head,
    salutation, closing or back matter (for text pasted into a speech)."""
    paragraphs = split_run_together(paragraphs)
    headings = [_heading_of(p) for p in paragraphs]
    first = next((i for i, h in enumerate(headings) if h), len(paragraphs))
    outline = Outline()
    body = _outline(paragraphs[first:], headings[first:], outline)
    return [p.text for p in paragraphs[:first]], body, outline


# --- speech boundaries -------------------------------------------------------------------------

_HEAD_MAX = 60
# Head lines at most: a title and a subtitle each set over two lines and a speaker, or a title
# over two lines, the subtitle, the speaker's office and name (the 2021 政府工作报告 as
# Wikisource gives it).
_HEAD_LINES = 5
_SENTENCE_MARKS = re.compile(r"[。！？；!?;]")


def _is_title(p: Paragraph) -> bool:
    return p.title or (not p.level and is_speech_title(p.text))


def _head_like(p: Paragraph) -> bool:
    """Could be a head line (title, subtitle, speaker, date, or a photo caption kept as text):
    short, no sentence marks."""
    if not p.level and is_photo_caption(p.text):
        return True
    return (not p.level and len(p.text) <= _HEAD_MAX and not _SENTENCE_MARKS.search(p.text)
            and not p.text.endswith(("：", ":")) and parse_marker(p.text) is None
            and bare_numeral(p.text) is None and not _starts_back_matter(p.text))


def _salutation(p: Paragraph) -> bool:
    return is_salutation(p.text)


def _speech_starts(paragraphs: list[Paragraph]) -> list[int]:
    starts: list[int] = []
    body_seen = False          # the current speech has text past its head and salutation
    back_matter = False        # the current speech's back matter has begun
    for i, p in enumerate(paragraphs):
        if back_matter and not is_speech_title(p.text):
            continue           # an attachment's title, a note: still the same speech
        if _is_title(p):
            if starts and not body_seen and i - starts[-1] <= 3:
                continue       # a second title line in the same head is its subtitle
            starts.append(i)
            body_seen = back_matter = False
        elif _salutation(p):
            if body_seen:
                begin = i
                while begin - 1 > (starts[-1] if starts else -1) and i - begin < _HEAD_LINES \
                        and _head_like(paragraphs[begin - 1]):
                    begin -= 1
                if begin < i:      # a new head: another speech.  Without one, the speaker
                    starts.append(begin)    # addresses the audience again mid-speech.
                    body_seen = back_matter = False
            elif not starts:
                begin = i
                while begin > 0 and i - begin < _HEAD_LINES and _head_like(paragraphs[begin - 1]):
                    begin -= 1
                starts.append(begin)
        elif starts and not _head_like(p):
            if body_seen and (_starts_back_matter(p.text) or _CLOSING_FORMULA.match(p.text)):
                back_matter = True
            body_seen = True
    return starts


# --- back matter -------------------------------------------------------------------------------

_BACK_MATTER = re.compile(
    r"^[〔【\[（(]?\s*(注\s*释|名词解释|附\s*件\s*[0-9０-９一二三四五六七八九十]*|附\s*录|参考文献|"
    r"相关附件)\s*[〕】\]）)]?\s*([：:].*)?$")
_SOURCE_LINE = re.compile(r"^[（(]\s*《[^》]{1,40}》.{0,60}第\s*[0-9０-９\-—－~]+\s*页\s*[)）]$")
# A 公文's closing formula: what follows it (signature, date, attachments) is not the body.
_CLOSING_FORMULA = re.compile(
    r"^(特此(函告|函复|函达|通知|通报|报告|公告|通告|批复|说明|证明)|此复|此函|专此报告)[。！!]?$")


def _starts_back_matter(text: str) -> bool:
    return bool(_BACK_MATTER.match(text) or _SOURCE_LINE.match(text))


def _back_matter_start(rest: list[Paragraph], after: int) -> int:
    """Where the back matter begins in a speech's paragraphs (len(rest) when there is none)."""
    for i in range(max(after, 0), len(rest)):
        text = rest[i].text
        if _starts_back_matter(text):
            return i
        if _CLOSING_FORMULA.match(text):
            return i + 1
    return len(rest)


# --- one speech --------------------------------------------------------------------------------

def build_speech(paragraphs: list[Paragraph], outline: Outline | None = None) -> Speech:
    """One speech from its paragraphs (already split where line breaks were lost)."""
    outline = outline if outline is not None else Outline()
    speech = Speech()
    rest, kept = _take_head(paragraphs, speech)
    if rest and _salutation(rest[0]):
        speech.salutation = rest[0].text
        rest = rest[1:]
    rest = kept + rest
    headings = [_heading_of(p) for p in rest]
    first = next((i for i, h in enumerate(headings) if h), len(rest))
    back = _back_matter_start(rest, first + 1 if first < len(rest) else 1)
    back_matter = [p.text for p in rest[back:]]
    rest, headings = rest[:back], headings[:back]
    _unmarked_headings(rest, headings)
    _drop_leading_lower_ranks(headings)
    first = next((i for i, h in enumerate(headings) if h), len(rest))
    last = max((i for i, h in enumerate(headings) if h), default=-1)
    closing_at = _closing_start(rest, headings, first, last)
    speech.opening = [p.text for p in rest[:first]]
    speech.body = _outline(rest[first:closing_at], headings[first:closing_at], outline)
    speech.closing = [p.text for p in rest[closing_at:]] + back_matter
    outline.back_matter = len(back_matter)
    return speech


_SPEAKER = re.compile(r"^[\u3400-\u9fff·•．.（）()、\s\u3000A-Za-z]{2,30}$")
# A subtitle without its dash: 「1957年6月26日在第一届全国人民代表大会第四次会议上」.
_DATED_MEETING = re.compile(r"^[（(]?[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日在.{2,50}上[）)]?$")
# A person's name alone (李　强, 欧阳自远, 阿不都热依木·艾力): what may follow an office line.
_SPEAKER_NAME = re.compile(r"^[\u3400-\u9fff][\u3400-\u9fff\u3000 ·•]{1,10}$")


def _take_head(paragraphs: list[Paragraph], speech: Speech) -> tuple[list[Paragraph],
                                                                        list[Paragraph]]:
    """Fill the head fields; returns the paragraphs after the head and the head lines that are
    none of title, subtitle, date or speaker (kept as text, before the opening)."""
    heads = 0
    while heads < len(paragraphs) and heads < _HEAD_LINES and (
            _head_like(paragraphs[heads]) or (heads == 0 and paragraphs[0].title)):
        heads += 1
    # A photo caption above the title is not the title (it is kept as text).
    lead = 0
    while lead < heads and is_photo_caption(paragraphs[lead].text) and not paragraphs[lead].title:
        lead += 1
    if heads == lead:
        return paragraphs, []
    salutation_next = heads < len(paragraphs) and _salutation(paragraphs[heads])
    if salutation_next:
        paragraphs, heads = _join_split_meeting_line(paragraphs, lead, heads)
    title_end = lead + _title_lines(paragraphs[lead:heads])
    if salutation_next and _DATED_MEETING.match(paragraphs[lead].text):
        title_end = lead       # the page lost its title line: the head starts at the subtitle
    if not salutation_next:
        # Without a salutation to bound the head, take the first line as the title, and only
        # lines that are unmistakably head lines after it.
        keep = title_end
        while keep < heads and (is_date_line(paragraphs[keep].text)
                                or is_subtitle(paragraphs[keep].text)):
            keep += 1
        heads = keep
    speech.title = "".join(p.text for p in paragraphs[lead:title_end])
    kept: list[Paragraph] = list(paragraphs[:lead])
    speaker_last = False       # the line before was the speaker's
    for p in paragraphs[title_end:heads]:
        was_speaker, speaker_last = speaker_last, False
        if is_date_line(p.text) and not speech.date:
            speech.date = date_text(p.text)
        elif (is_subtitle(p.text) or is_speech_title(p.text)
              or _DATED_MEETING.match(p.text)) and not speech.subtitle:
            speech.subtitle = p.text
        elif not speech.speaker and _SPEAKER.match(p.text):
            speech.speaker, speaker_last = p.text, True
        elif (was_speaker and _SPEAKER_NAME.match(p.text) and not is_photo_caption(p.text)
              and not re.search(r"\s", speech.speaker)):
            # 「国务院总理」 then 「李克强」 on a line of its own: one speaker line (but not a
            # name after a speaker line that has one already: 「县长　王建国」).
            speech.speaker += "\u3000" + p.text
        else:
            kept.append(p)
    return paragraphs[heads:], kept


def _join_split_meeting_line(paragraphs: list[Paragraph], lead: int,
                             heads: int) -> tuple[list[Paragraph], int]:
    """A dated meeting line set over two head lines (「2025年3月21日在汉滨区第十九届」
    「人民代表大会第四次会议上」) as one line, so that it is the subtitle and its second half is
    not taken for the speaker."""
    for i in range(lead, heads - 1):
        first, second = paragraphs[i].text, paragraphs[i + 1].text
        if (not _DATED_MEETING.match(first) and not _DATED_MEETING.match(second)
                and _DATED_MEETING.match(first + second)):
            joined = Paragraph(first + second, paragraphs[i].level, paragraphs[i].title)
            return paragraphs[:i] + [joined] + paragraphs[i + 2:], heads - 1
    return paragraphs, heads


_TITLE_LINES = 3


def _title_lines(head: list[Paragraph]) -> int:
    """How many head lines the title takes: a 公文's title set over two or three lines
    (「国务院办公厅关于开展」「城镇小区配套幼儿园治理工作的通知」) is one title when only the
    lines together end the way a title ends."""
    first = head[0].text
    if head[0].title or ends_with_document_kind(first) or is_speech_title(first):
        return 1
    text = first
    for n in range(1, min(len(head), _TITLE_LINES)):
        line = head[n].text
        if (head[n].title or is_date_line(line) or is_subtitle(line) or is_speech_title(line)
                or is_photo_caption(line) or len(text + line) > _HEAD_MAX):
            return 1
        text += line
        if ends_with_document_kind(text):
            return n + 1
    return 1


def _closing_start(rest: list[Paragraph], headings: list, first_heading: int,
                   last_heading: int) -> int:
    if last_heading >= 0:
        # The last section keeps its first paragraph (unless its heading is run-in).
        heading = headings[last_heading]
        begin = last_heading + 1 if heading.body else last_heading + 2
    else:
        begin = 1                       # the opening keeps its first paragraph
    for i in range(max(begin, first_heading if last_heading < 0 else begin), len(rest)):
        if headings[i] or rest[i].level or parse_marker(rest[i].text):
            continue
        if starts_closing(rest[i].text) or is_thanks(rest[i].text):
            return i
    return len(rest)


@dataclass
class _Heading:
    kind: str          # which list it belongs to: "1"…"4" by marker, "s1"… by style
    number: int
    level_hint: int    # the marker's or the style's level
    heading: str
    body: str          # the run-in text, or ""
    marker: str        # the marker text the numbering replaces ("" for a bare numeral)
    marker_level: int | None = None   # the level its marker says (None: a style without one)


def _heading_of(p: Paragraph) -> _Heading | None:
    if _salutation(p):
        return None                      # 「## 诸位代表先生：」 is a salutation, not a heading
    found = match_marker(p.text)
    if p.level:
        # A styled heading: its level is the style's; a marker in its text is not repeated.
        text = p.text.strip()
        label = ""
        if found and not sentences(found[0].rest)[1:]:
            label, text = p.text[:found[1]].strip(), found[0].rest
        return _Heading(f"s{p.level}", found[0].number if found else 0, p.level,
                        _drop_full_stop(text), "", label,
                        found[0].level if found and label else None)
    if found is None:
        number = bare_numeral(p.text)
        if number is not None:
            return _Heading("1", number, 1, p.text.strip(), "", "", 1)
        return None
    marker, start = found
    kind = "c" if p.text.lstrip()[:1] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" else str(marker.level)
    label = p.text[:start].strip()
    parts = sentences(marker.rest)
    named = _NAMED_ITEM.match(parts[0])
    if named:
        # 「一、元旦：2018年12月30日至……」: the heading is what the colon follows.
        body = (named.group(2) + "".join(parts[1:])).strip()
        return _Heading(kind, marker.number, marker.level, named.group(1), body, label)
    if len(parts) == 1:
        return _Heading(kind, marker.number, marker.level, _drop_full_stop(marker.rest), "",
                        label, marker.level)
    return _Heading(kind, marker.number, marker.level, _drop_full_stop(parts[0]),
                    "".join(parts[1:]).strip(), label, marker.level)


_UNMARKED_MAX = 30
_UNMARKED_PUNCTUATION = re.compile(r"[，。、；：！？,.;:!?（）()【】]")
_ENDS_SENTENCE = re.compile(rf"[。！？!?…][{re.escape(CLOSERS)}]*$")


def _unmarked_heading(rest: list[Paragraph], i: int) -> bool:
    """A short line without any mark standing between two paragraphs of prose, as the top
    sections of some reports are set (「“十四五”时期工作回顾」 with no 一、)."""
    p = rest[i]
    text = p.text.strip()
    if p.level or p.title or not 4 <= len(text) <= _UNMARKED_MAX or i == 0 or i + 1 >= len(rest):
        return False
    if _UNMARKED_PUNCTUATION.search(text) or match_marker(text) or bare_numeral(text) is not None \
            or is_date_line(text) or is_speech_title(text) or _starts_back_matter(text):
        return False
    after = rest[i + 1].text
    return bool(_ENDS_SENTENCE.search(rest[i - 1].text)) and (
        len(after) > _UNMARKED_MAX or bool(_UNMARKED_PUNCTUATION.search(after)))


def _unmarked_headings(rest: list[Paragraph], headings: list[_Heading | None]) -> None:
    """Where markers are missing, depth gives the level: in a text with marked headings, lines
    that _unmarked_heading accepts are its top level when there are two or more and all come
    before the first 一、 (or there is none).  The marked lists then nest below them."""
    if not any(headings):
        return
    found = [i for i in range(len(rest)) if headings[i] is None and _unmarked_heading(rest, i)]
    first_top = next((i for i, h in enumerate(headings) if h and h.level_hint == 1), len(rest))
    if len(found) < 2 or found[-1] > first_top:
        return
    for number, i in enumerate(found, 1):
        headings[i] = _Heading("u", number, 1, rest[i].text.strip(), "", "")


# An item named before a colon: 「元旦：……」「基本原则：」 (a short name without punctuation).
_NAMED_ITEM = re.compile(r"^([^，。、；：！？,.;:!?“”（）()《》]{2,12})[：:](.*)$", re.S)


def _drop_full_stop(text: str) -> str:
    text = text.strip()
    return text[:-1].rstrip() if text.endswith(("。", ".")) else text


def _drop_leading_lower_ranks(headings: list[_Heading | None]) -> None:
    """Headings before the first one of the top rank, and of a lower rank, are body text (a
    preface quoting 「1、…2、…」)."""
    levels = [h.level_hint for h in headings if h]
    if not levels:
        return
    top = min(levels)
    for i, heading in enumerate(headings):
        if heading is None:
            continue
        if heading.level_hint == top:
            return
        headings[i] = None


def _outline(paragraphs: list[Paragraph], headings: list[_Heading | None],
             outline: Outline) -> list[Section]:
    """The section tree of the body (it starts with a heading)."""
    body: list[Section] = []
    # Open lists, outermost first: [kind, last number, level by the rules, section, its level].
    stack: list[list] = []
    for p, heading in zip(paragraphs, headings):
        level = _level(stack, heading) if heading else None
        if heading is not None and level is not None:
            parent = len(stack)          # the stack above the parent: the lists it closes
            while parent and stack[parent - 1][2] >= level:
                parent -= 1
            parent_level = stack[parent - 1][4] if parent else 0
            final = _final_level(heading, level, parent_level)
            if final > MAX_LEVEL:
                level = None
        if heading is None or level is None:
            if stack:
                stack[-1][3].paragraphs.append(p.text)
            else:
                body.append(Section("", [p.text]))   # cannot happen: the body starts with one
            continue
        del stack[parent:]
        section = Section(heading.heading, [heading.body] if heading.body else [],
                          run_in=bool(heading.body), skip=final - parent_level - 1)
        (stack[-1][3].children if stack else body).append(section)
        stack.append([heading.kind, heading.number, level, section, final])
        outline.levels[section.id] = final
        if heading.marker:
            outline.markers[section.id] = heading.marker
    return body


def _final_level(heading: _Heading, level: int, parent_level: int) -> int:
    """The level a heading takes under a parent of ``parent_level``: its marker's where the
    marker is consistent with the structure, else one below the parent (module notes)."""
    marked = heading.marker_level
    if marked is not None and parent_level < marked <= MAX_LEVEL and (
            heading.kind.startswith("s") or marked == level):
        return marked
    return parent_level + 1


def _level(stack: list[list], heading: _Heading) -> int | None:
    """The level of a heading given the open lists (see the module docstring)."""
    natural = heading.level_hint
    for index in range(len(stack) - 1, -1, -1):
        kind, last, level = stack[index][:3]
        if kind != heading.kind:
            continue
        innermost = index == len(stack) - 1
        if heading.number == 1 and last >= 1 and innermost and not kind.startswith("s"):
            nested = level + 1              # the same kind restarting: a list nested in it
            return nested if nested <= MAX_LEVEL else level
        return level
    if stack and not heading.kind.startswith("s") and any(entry[2] == natural
                                                          for entry in stack):
        # The marker's level is held by an open list of another kind: nest below it.  (A
        # styled heading's level is the author's own word and is never moved.)
        holder = max(entry[2] for entry in stack if entry[2] <= natural)
        nested = holder + 1
        return nested if nested <= MAX_LEVEL else None
    return natural if natural <= MAX_LEVEL else None


# --- lost line breaks --------------------------------------------------------------------------

_AFTER_SENTENCE = re.compile(rf"[。！？!?][{re.escape(CLOSERS)}]*|[：；:;]")
_THANKS_AT_END = re.compile(r"(?<=[。！？!?])\s*((谢谢|感谢)(大家|各位)?[！!。]?)$")


# A text of this few paragraphs has lost its line breaks (one run-on line, as some pages paste).
_RUN_ON = 5


def split_run_together(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Split paragraphs that hold headings, a salutation or 谢谢大家！ run into other text."""
    out: list[Paragraph] = []
    last_numbers: dict[int, int] = {}      # marker level → last number seen
    run_on = len(paragraphs) <= _RUN_ON
    for p in paragraphs:
        if p.title or is_speech_title(p.text) or is_salutation(p.text):
            last_numbers.clear()             # another speech: its numbering starts afresh
        if p.level or p.title:
            out.append(p)
            continue
        pieces = _split_salutation(p.text)
        for piece in pieces[:-1]:
            out.append(Paragraph(piece))
        for piece in _split_at_markers(pieces[-1], last_numbers, run_on):
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


def _split_at_markers(text: str, last_numbers: dict[int, int], run_on: bool) -> list[str]:
    """Cut before each marker that follows a sentence end and goes on with the numbering.

    A list opened after a colon inside a paragraph (「……看出来的：一、是从……。二、是从……」
    「有三个议事日程：（一）……；（二）……」) is an enumeration of that paragraph, unless the text
    is run-on; once refused, its later items are refused too.
    """
    marker = parse_marker(text)
    if marker:
        _count(last_numbers, marker.level, marker.number)
    candidates: list[tuple[int, str, Marker]] = []
    for match in _AFTER_SENTENCE.finditer(text):
        after = match_marker(text, match.end())
        if after and after[1] > match.end():
            candidates.append((match.end(), match.group()[0], after[0]))
    if run_on:
        candidates = sorted(candidates + _after_bare_headings(text), key=lambda c: c[0])
    cuts = []
    refused: set[int] = set()          # levels of in-paragraph enumerations
    for i, (position, mark, found) in enumerate(candidates):
        if found.level in refused:
            continue
        last = last_numbers.get(found.level, 0)
        if not run_on and found.level >= 3 and found.number == 1 and position > 0:
            # 「……办好“十件民生实事”。（1）……。（2）……」: a list of items inside a paragraph
            # of a text that kept its line breaks enumerates, it is not headings run together.
            refused.add(found.level)
            continue
        # A list starts at 1 where none of its level is open (a heading of a higher level
        # closes it); otherwise it goes on from the last number.  Right after a heading of
        # its own (run-on text), a list may start again at 1: it is nested in that heading.
        expected = found.number == last + 1 or (found.number == 1 and (last == 0 or mark == ""))
        if found.number == 1 and last and not expected:
            refused.add(found.level)         # a list restarting inside a paragraph
            continue
        if mark and mark in "：；:;":
            goes_on = any(f.level == found.level and f.number == found.number + 1
                          for _, _, f in candidates[i + 1:])
            if not run_on or mark in "；;":
                if goes_on or found.number == 1:
                    refused.add(found.level)
                continue
            # After a colon in run-on text, only a list that goes on (1 … 2 …).
            expected = expected and goes_on
        if expected:
            cuts.append(position)
            _count(last_numbers, found.level, found.number)
    if not cuts:
        return [text]
    pieces = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    return [piece for piece in pieces if piece]


_MARKER_START = re.compile(
    r"(?<=[\u3400-\u9fff])(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
_BARE_HEADING = 30


def _after_bare_headings(text: str) -> list[tuple[int, str, Marker]]:
    """In run-on text, markers right after a heading that had no final mark
    (「四、达到创建要求一、加强组织领导。……」): the text since the marker before is short and
    unpunctuated."""
    found_at: list[tuple[int, str, Marker]] = []
    for match in _MARKER_START.finditer(text):
        found = match_marker(text, match.start())
        if not found:
            continue
        before = text[:match.start()]
        previous = max((m.end() for m in re.finditer(
            r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]", before)), default=-1)
        if previous < 0:
            continue
        piece = before[previous:]
        if len(piece) <= _BARE_HEADING and not re.search(r"[，。、；：！？,.;:!?]", piece):
            found_at.append((match.start(), "", found[0]))
    return found_at


def _count(last_numbers: dict[int, int], level: int, number: int) -> None:
    """A heading of this level was seen: deeper lists under the previous one are closed."""
    last_numbers[level] = number
    for deeper in [k for k in last_numbers if k > level]:
        del last_numbers[deeper]
