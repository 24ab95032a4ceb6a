"""Recognising the kinds of line a speech is made of: its title, date, subtitle, salutation,
closing — and the character classes of Chinese text the importer reasons about.

Shared by the cleanup (which must never join these lines with their neighbours) and the
structure detection (which builds a speech from them).  Every test here looks at one line only.
"""

from __future__ import annotations

import re

# Han characters (including 〇 and the extension planes).
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# Chinese punctuation and full-width forms (not U+3000, the ideographic space) and the general
# punctuation Chinese text uses: “ ” ‘ ’ … — ·.
CJK_PUNCT = "\u3001-\u303f\uff01-\uff60\uffe0-\uffe6\u2010-\u2027\u00b7"
CJK = HAN + CJK_PUNCT

# A paragraph can end with these (possibly followed by closing quotes or brackets).
TERMINAL = "。！？；：…!?;:"
CLOSERS = "”’」』）)》〉】\"'"
_SENTENCE_END = re.compile(rf"[。！？!?…]+[{re.escape(CLOSERS)}]*")

_NUM = "一二三四五六七八九十百0-9０-９"

# 「……讲话稿篇一」「第三篇」「范文二」「讲话稿（一）」「在……会议上的讲话」「XX同志在……上的讲话」.
_TITLE_PATTERNS = [
    re.compile(rf"篇\s*[{_NUM}]{{1,3}}$"),
    re.compile(rf"^第\s*[{_NUM}]{{1,3}}\s*篇"),
    re.compile(rf"(讲话|讲话稿|发言|发言稿|致辞|致词|讲稿|范文)\s*[（(]?\s*[{_NUM}]{{1,3}}\s*[)）]?$"),
    re.compile(r"在.{2,50}[上中]的(动员|总结|主题|即席|重要)?(讲话|发言|致辞|致词|报告|讲话稿|发言稿)"
               r"(稿|提纲|要点)?(\s*[（(][^()（）]{1,20}[)）])?$"),
]

_ADDRESS_END = re.compile(
    r"(们|各位|大家|领导|来宾|嘉宾|代表|同志|同仁|委员|老师|同学|家长|乡亲|朋友|战友|校友|专家|学者|"
    r"先生|女士)$")
_ADDRESS_START = re.compile(r"^(各位|诸位|全体|在座的|亲爱的|尊敬的)")
_NOT_ADDRESS = re.compile(r"讲话|致辞|发言|会议|大会|篇")

# Dates as writers type them in a date line, placeholders included: 2024年3月15日,
# 二〇二四年三月十五日, 20xx年x月x日, 2024-03-15, 2024.3.15 — optionally in brackets.
# ○ (U+25CB) and Ｏ stand for 〇 in many printed and typed dates (一九三○年).
_D = "0-9０-９xX×〇○Ｏ零一二三四五六七八九十"
_DATE = re.compile(
    rf"^[（(]?\s*(?:[{_D}]{{4}}\s*年\s*[{_D}]{{1,3}}\s*月(?:\s*[{_D}]{{1,3}}\s*日)?"
    rf"|[0-9]{{4}}\s*[-./]\s*[0-9]{{1,2}}\s*[-./]\s*[0-9]{{1,2}})\s*[)）]?$")

_CLOSING_START = re.compile(
    r"^(同志们|同事们|朋友们|同学们|老师们|各位同志|各位同仁|各位领导)[，,！!]|^让我们|^谢谢")
_THANKS = re.compile(r"^(谢谢|感谢|多谢)(大家|各位|您|你们)?[！!。.]*$")
_SUBTITLE = re.compile(r"^(——|--|—|－－|~~)")


def is_speech_title(text: str) -> bool:
    """A line that names a speech: 「……讲话稿篇一」, 「在……会议上的讲话」 and the like.

    A title is short and never ends in a sentence or clause mark.
    """
    text = text.strip()
    if not 4 <= len(text) <= 60 or text[-1] in TERMINAL or text[-1] in "，,、":
        return False
    if "。" in text:
        return False
    return any(p.search(text) for p in _TITLE_PATTERNS)


def is_salutation(text: str) -> bool:
    """同志们： / 各位领导、同志们： / 女士们、先生们： / 尊敬的各位来宾： …

    Every part between 、 or ， must be a form of address, so that 「人员组成为：」 is not one.
    """
    text = text.strip()
    if not 2 <= len(text) <= 40 or text[-1] not in "：:":
        return False
    body = re.sub(r"^尊敬的", "", text[:-1]).strip()
    parts = [p.strip() for p in re.split(r"[、，,和及]", body) if p.strip()]
    if not parts or _NOT_ADDRESS.search(body):
        return False
    return all(len(p) <= 10 and (_ADDRESS_END.search(p) or _ADDRESS_START.search(p))
               for p in parts)


# A news photo's caption copied with the page: 「……作政府工作报告。本报记者 韩卿立 摄」.
_CAPTION = re.compile(rf"(记者|通讯员|摄影|图)\s*[{HAN}·]([{HAN}·\s]){{1,12}}摄?$|[（(][^()（）]{{0,30}}摄[)）]$")
# The 文种 a 公文's title ends with (「……的通知」「……实施方案」), or a speech's.
_DOCUMENT_KIND = re.compile(
    r"(通知|通报|意见|决定|方案|办法|规定|规则|细则|条例|纲要|规划|计划|报告|请示|批复|复函|函|公告|通告|"
    r"纪要|决议|讲话|致辞|发言|总结)$")


def is_photo_caption(text: str) -> bool:
    text = text.strip()
    return len(text) <= 80 and bool(_CAPTION.search(text))


def ends_with_document_kind(text: str) -> bool:
    """A title that ends the way a 公文's or a speech's title ends (「……的通知」「……方案」)."""
    return bool(_DOCUMENT_KIND.search(text.strip()))


def is_date_line(text: str) -> bool:
    return bool(_DATE.match(text.strip()))


def date_text(text: str) -> str:
    """The date of a date line without its brackets: （2024年3月15日） → 2024年3月15日."""
    return text.strip().strip("（()）").strip()


def is_subtitle(text: str) -> bool:
    """A subtitle line starts with a dash: 「——在……大会上的讲话」."""
    return bool(_SUBTITLE.match(text.strip()))


def starts_closing(text: str) -> bool:
    """The first paragraph of a closing: 「同志们，……」「让我们……」「谢谢大家！」."""
    return bool(_CLOSING_START.match(text.strip()))


def is_thanks(text: str) -> bool:
    return bool(_THANKS.match(text.strip()))


def ends_paragraph(text: str) -> bool:
    """Whether a line ends the way a paragraph can end (with a sentence or clause mark)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def sentences(text: str) -> list[str]:
    """The text cut after each sentence end (。！？… with any closing quotes); nothing is lost:
    ``"".join(sentences(t)) == t``."""
    out = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        out.append(text[start:match.end()])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return out
