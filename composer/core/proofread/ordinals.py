"""层次序数: the outline numbers 一、（一）1.（1） and the enumerations 一是 / 第一 in the text.

Numbers of sections are never typed in this program (``numbering.py`` computes them), so the
numbers these rules look at are the ones writers type anyway: at the start of a paragraph (a
list item, or a heading that an import left in the text) and in a heading by mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterator

from ..markers import parse_chinese_numeral
from .finding import Hit
from .units import HEADING, PARAGRAPH, Context, Unit

_NUMERAL = "一二三四五六七八九十"
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SP = "[ \\t\\u3000]*"
# A typed outline number at the start of a text in any of the ways writers type it, right or
# wrong; what follows must be text (「一、二、三等奖」 and 「1.5倍」 are not numbers of a list).
_TYPED = re.compile(
    f"^{_SP}(?:"
    f"(?P<l2>[（(]{_SP}(?P<n2>[{_NUMERAL}]{{1,3}}){_SP}[）)])(?P<t2>[、．.，,]?)"
    f"|(?P<l4>[（(]{_SP}(?P<n4>[0-9０-９]{{1,2}}){_SP}[）)])(?P<t4>[、．.，,]?)"
    f"|(?P<n1>[{_NUMERAL}]{{1,3}})(?P<t1>[、．.，,])"
    f"|(?P<n3>[0-9０-９]{{1,2}})(?P<t3>[、．，,]|\\.(?![0-9０-９]))"
    f"){_SP}")
_NOT_TEXT_AFTER = re.compile(f"^(?:[{_NUMERAL}]{{1,3}}[、，,]|[0-9０-９%％．.]|$)")


@dataclass(frozen=True)
class TypedMarker:
    level: int
    start: int          # where the number starts (after leading spaces)
    end: int            # where the number ends, trailing mark included
    text_start: int     # where the heading or item text begins (spaces after the number skipped)
    number: str         # the numeral or digits as typed
    tail: str           # the mark after it: 、 . ． ， or nothing

    def proper(self, level3_style: str = "1.") -> str:
        """The number as GB/T 9704 writes it (level 3 per the format profile)."""
        digits = self.number.translate(_FULL_DIGITS)
        if self.level == 1:
            return self.number + "、"
        if self.level == 2:
            return f"（{self.number}）"
        if self.level == 3:
            return digits + level3_style[-1]
        return f"（{digits}）"


def typed_marker(text: str) -> TypedMarker | None:
    m = _TYPED.match(text)
    if not m:
        return None
    for level in (1, 2, 3, 4):
        if m.group(f"n{level}") is not None:
            break
    rest = text[m.end():]
    if _NOT_TEXT_AFTER.match(rest):
        return None
    tail = m.group(f"t{level}") or ""
    if tail in "，," and tail and not ("\u4e00" <= rest[0] <= "\u9fff"):
        return None
    number = m.group(f"n{level}")
    if level in (1, 2):
        try:
            parse_chinese_numeral(number)
        except ValueError:
            return None
    start = m.start(f"l{level}") if level in (2, 4) else m.start(f"n{level}")
    end = m.end(f"t{level}") if m.group(f"t{level}") is not None else m.end(f"l{level}")
    return TypedMarker(level, start, end, m.end(), number, tail)


def leading_marker_end(text: str) -> int:
    """Where a typed outline number at the start of the text ends (0 when there is none)."""
    found = typed_marker(text) if text[:1] in "（(" + _NUMERAL + "0123456789０１２３４５６７８９ \u3000" else None
    return found.end if found else 0


def _is_well_formed(marker: TypedMarker, text: str, level3_style: str) -> tuple[bool, bool]:
    """(form is right, level-3 mark matches the profile)."""
    typed = text[marker.start:marker.end].translate(_FULL_DIGITS).replace(" ", "").replace("\u3000", "")
    if marker.level == 3:
        if marker.tail in "．.、":
            want = level3_style[-1]
            return True, (marker.tail == want or (marker.tail == "．" and want == "."))
        return False, True
    return typed == marker.proper(level3_style), True


def hits(unit: Unit, ctx: Context) -> Iterator[Hit]:
    text = unit.text
    if unit.kind == PARAGRAPH:
        marker = typed_marker(text)
        if marker is not None:
            yield from _marker_hits(text, marker, ctx.level3_style)
        yield from _series_hits(text, enumerators(text))
    elif unit.kind == HEADING and not unit.run_in:
        stripped = text.rstrip(" \u3000")
        if stripped[-1:] in ("。", "；", "，"):
            at = len(stripped) - 1
            yield Hit("ordinal.heading-stop", at, at + 1,
                      f"单独成行的标题末尾不用“{stripped[-1]}”。",
                      f"A heading on a line of its own ends without {stripped[-1]}.", "")


def _marker_hits(text: str, marker: TypedMarker, level3_style: str) -> Iterator[Hit]:
    form_ok, style_ok = _is_well_formed(marker, text, level3_style)
    typed = text[marker.start:marker.end]
    proper = marker.proper(level3_style)
    if not form_ok:
        yield Hit("ordinal.form", marker.start, marker.end, f"序数“{typed}”应写作“{proper}”。",
                  f"The number {typed!r} is written {proper!r}.", proper)
    elif not style_ok:
        yield Hit("ordinal.level3-style", marker.start, marker.end,
                  f"格式方案的三级序数是“{proper}”，这里写的是“{typed}”。",
                  f"The format profile writes level 3 as {proper!r}, not {typed!r}.", proper)


# --- enumerations: 一是 / 二是, 第一 / 第二, 一要 / 二要 -----------------------------------------

_CLAUSE = "(?<![^，。；：！？“\\s])"    # at the start of the text or of a clause
_ENUMERATOR = re.compile(
    f"{_CLAUSE}(?:第(?P<d>[{_NUMERAL}]{{1,3}})(?=[，、：,:])|(?P<s>[{_NUMERAL}]{{1,3}})(?P<k>是|要)(?![否非]))")
_FAMILY_NAMES = {"第": ("第一", "第一"), "是": ("一是", "一是"), "要": ("一要", "一要")}


@dataclass(frozen=True)
class Enumerator:
    start: int
    end: int
    family: str        # 第, 是 or 要
    number: int


def enumerators(text: str) -> list[Enumerator]:
    out = []
    for m in _ENUMERATOR.finditer(text):
        numeral = m.group("d") or m.group("s")
        try:
            number = parse_chinese_numeral(numeral)
        except ValueError:
            continue
        out.append(Enumerator(m.start(), m.end(), "第" if m.group("d") else m.group("k"), number))
    return out


def mixed_series(tokens: list) -> list:
    """The tokens of each series 1, 2, 3 … that are written in another form than its first.

    ``tokens`` are in reading order and have ``family`` and ``number``.
    """
    flagged = []
    series: list = []
    for token in tokens:
        if series and token.number == series[-1].number + 1:
            series.append(token)
            continue
        flagged += _odd_ones(series)
        series = [token] if token.number == 1 else []
    flagged += _odd_ones(series)
    return flagged


def _odd_ones(series: list) -> list:
    if len(series) < 2:
        return []
    first = series[0].family
    return [t for t in series if t.family != first]


def series_message(first_family: str, token_text: str) -> tuple[str, str]:
    lead = _FAMILY_NAMES[first_family][0]
    return (f"同一组序数写法不一：前面用“{lead}”的写法，这里写“{token_text}”。",
            f"One series in mixed forms: it starts like {lead!r}, this one is {token_text!r}.")


def _series_hits(text: str, tokens: list[Enumerator]) -> Iterator[Hit]:
    if len(tokens) < 2:
        return
    odd = set(map(id, mixed_series(tokens)))
    first_family = ""
    for token in tokens:
        if token.number == 1:
            first_family = token.family
        if id(token) in odd:
            zh, en = series_message(first_family, text[token.start:token.end])
            yield Hit("ordinal.mixed-series", token.start, token.end, zh, en)
