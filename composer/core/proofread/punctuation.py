"""标点: punctuation as GB/T 15834-2011 wants it in Chinese text.

Only what is certain is reported: a half-width mark counts as "inside Chinese text" when a
Chinese character or full-width mark stands next to it, so ``3.5``, ``10:30``, ``www.gov.cn``
and English quotations are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Hit
from .ordinals import leading_marker_end
from .text import HAN, HAN_CHAR, SPACES, is_chinese, is_han, neighbour
from .units import FIELD, Context, Unit

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_NAMES = {",": ("逗号", "comma"), ";": ("分号", "semicolon"), ":": ("冒号", "colon"),
          "?": ("问号", "question mark"), "!": ("叹号", "exclamation mark"),
          "(": ("括号", "bracket"), ")": ("括号", "bracket"), ".": ("句号", "full stop"),
          '"': ("引号", "quotation mark")}


def hits(unit: Unit, ctx: Context) -> Iterator[Hit]:
    text = unit.text
    if not text:
        return
    skip = leading_marker_end(text)       # a typed outline number is ordinal.form's business
    # A paragraph in English that quotes Chinese words keeps its half-width marks.
    if len(_LATIN.findall(text)) <= len(HAN_CHAR.findall(text)):
        yield from _halfwidth(text, skip)
    yield from _unpaired(text, skip)
    yield from _doubled(text)
    yield from _simple(text, unit)


# --- half-width marks ----------------------------------------------------------------------

_CANDIDATES = re.compile(r"[,;:?!().]")
_LATIN = re.compile("[A-Za-z]")


def _in_latin_text(text: str, i: int, reach: int = 12) -> bool:
    """The mark stands in English (or other Latin) text that quotes Chinese words: more Latin
    letters than Chinese characters around it.  There the half-width marks are right."""
    window = text[max(0, i - reach):i + reach]
    return len(_LATIN.findall(window)) > len(HAN_CHAR.findall(window))


def _halfwidth(text: str, skip: int) -> Iterator[Hit]:
    for m in _CANDIDATES.finditer(text, skip):
        i, ch = m.start(), m.group()
        if _in_latin_text(text, i):
            continue
        before, after = neighbour(text, i, -1), neighbour(text, i, 1)
        if ch == ".":
            if text.startswith("..", i) or (i and text[i - 1] == "."):
                continue                          # an ellipsis: punct.ellipsis
            if not is_chinese(before) or (after.isascii() and after.isalnum()):
                continue
            # 「中.国」: a full stop, or a middle dot in a name?  Then no fix.
            fix = None if is_han(after) else "。"
        elif ch in "()":
            if not _bracket_in_chinese(text, i):
                continue
            fix = _FULL[ch]
        else:
            # Before the mark, Chinese text or a Chinese mark; after it, a Chinese character
            # (「“Hello, world!”」 ends an English quotation inside Chinese quotes).
            if not (is_chinese(before) or is_han(after)):
                continue
            if ch in ",:" and before.isdigit() and after.isdigit():
                continue                          # 1,000 and 10:30
            fix = _FULL[ch]
        end = i + 1
        while end < len(text) and text[end] in " \t" and ch not in "()":
            end += 1                              # 「同志们, 大家好」: the space goes with it
        if end == len(text):
            end = i + 1
        zh, en = _NAMES[ch]
        yield Hit("punct.halfwidth", i, end, f"中文里用了半角{zh}“{ch}”。",
                  f"Half-width {en} {ch!r} inside Chinese text.", fix)
    if '"' in text:
        yield from _straight_quotes(text)


def _bracket_in_chinese(text: str, i: int) -> bool:
    """A half-width bracket belongs to Chinese text when its pair holds or touches Chinese."""
    if text[i] == "(":
        close = text.find(")", i)
        inner = text[i + 1:close] if close > 0 else text[i + 1:i + 6]
        outside = (neighbour(text, i, -1) or " ") + (neighbour(text, close, 1) if close > 0 else "")
    else:
        open_ = text.rfind("(", 0, i)
        inner = text[open_ + 1:i] if open_ >= 0 else text[max(0, i - 5):i]
        outside = ((neighbour(text, open_, -1) if open_ >= 0 else "") or " ") + neighbour(text, i, 1)
    return any(is_han(c) for c in inner) or is_chinese(outside[:1]) or is_han(outside[1:2])


def _straight_quotes(text: str) -> Iterator[Hit]:
    positions = [i for i, ch in enumerate(text) if ch == '"' and not _in_latin_text(text, i)
                 and (is_chinese(neighbour(text, i, -1)) or is_chinese(neighbour(text, i, 1)))]
    if not positions:
        return
    paired = len(positions) == text.count('"') and len(positions) % 2 == 0
    for n, i in enumerate(positions):
        fix = ("“" if n % 2 == 0 else "”") if paired else None
        yield Hit("punct.halfwidth", i, i + 1, "中文里用了半角引号“\"”。",
                  "Half-width quotation mark '\"' inside Chinese text.", fix)


# --- pairs ---------------------------------------------------------------------------------

_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】"}
_CLOSING = {v: k for k, v in _PAIRS.items()}


def _unpaired(text: str, skip: int) -> Iterator[Hit]:
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in _CLOSING:
            opener = _CLOSING[ch]
            if any(o == opener for o, _ in stack):
                while stack:
                    o, at = stack.pop()
                    if o == opener:
                        break
                    # an opener closed over: reported at its place
                    yield _unpaired_hit(text, o, at, opening=True)
            elif i >= skip:
                yield _unpaired_hit(text, ch, i, opening=False)
    for opener, i in stack:
        yield _unpaired_hit(text, opener, i, opening=True)


def _unpaired_hit(text: str, mark: str, i: int, opening: bool) -> Hit:
    partner = _PAIRS[mark] if opening else _CLOSING[mark]
    # A quotation over several paragraphs opens each one and closes only the last (GB/T 15834
    # 4.4.3.7): an open “ is kept back when the next paragraph starts with “ (engine.py).
    return Hit("punct.unpaired", i, i + 1, f"「{mark}」没有对应的「{partner}」。",
               f"{mark} has no matching {partner}.", None)


# --- doubled and combined marks ------------------------------------------------------------

_STOPS = "，。、；："


def _doubled(text: str) -> Iterator[Hit]:
    i, size = 0, len(text)
    while i < size:
        if text[i] not in _STOPS:
            i += 1
            continue
        end = i
        while end < size and text[end] in _STOPS:
            end += 1
        run = text[i:end]
        if len(run) >= 2 and not (len(run) >= 3 and set(run) == {"。"}):   # 。。。 is an ellipsis
            if len(set(run)) == 1:
                yield Hit("punct.doubled", i, end, f"标点重复：“{run}”。",
                          f"Doubled punctuation {run}.", run[0])
            else:
                yield Hit("punct.doubled", i, end, f"几个标点连用：“{run}”。",
                          f"Punctuation marks in a row: {run}.")
        i = end


# --- 、等 ; 》、《 ; ellipses ; dashes -------------------------------------------------------

# 、 before the 等 that ends a list; not before a word that starts with 等 (观望、等待, 、等级民宿)
_DUN_DENG = re.compile("、(?=等(?![级待候同于价量额效距比号高边腰闲]))")
_DUN_TITLES = re.compile("》、(?=《)")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|(?<!…)…(?!…)|(?<!…)…{3}(?!…)|(?<!…)…{5}(?!…)")
_ELLIPSIS_DENG = re.compile("……(?=等)")
_DOUBLE_HYPHEN = re.compile(r" ?-{2,} ?|――|－－")
_SINGLE_HYPHEN = re.compile(f"(?<=[{HAN}]) ?(?<!-)[-－](?![-－]) ?(?=[{HAN}])")


def _simple(text: str, unit: Unit) -> Iterator[Hit]:
    for m in _DUN_DENG.finditer(text):
        yield Hit("punct.dun-deng", m.start(), m.end(), "“等”前不用顿号。",
                  "No enumeration comma before 等.", "")
    for m in _DUN_TITLES.finditer(text):
        yield Hit("punct.dun-titles", m.start() + 1, m.end(), "相邻的书名号之间通常不用顿号。",
                  "Adjacent titles in 《》 take no enumeration comma between them.", "")
    for m in _ELLIPSIS.finditer(text):
        if _in_latin_text(text, m.start()):
            continue
        if m.group().startswith(".") and not (is_chinese(neighbour(text, m.start(), -1))
                                              or is_chinese(neighbour(text, m.end() - 1, 1))):
            continue
        yield Hit("punct.ellipsis", m.start(), m.end(), f"省略号应为“……”，不是“{m.group()}”。",
                  f"An ellipsis is ……, not {m.group()!r}.", "……")
    for m in _ELLIPSIS_DENG.finditer(text):
        yield Hit("punct.ellipsis-deng", m.start(), m.end(), "省略号和“等”不同时使用。",
                  "An ellipsis and 等 are not used together.", "")
    subtitle = unit.kind == FIELD and unit.field == "subtitle"
    for m in _DOUBLE_HYPHEN.finditer(text):
        if m.group().strip().startswith("-"):
            touching = text[m.start() - 1:m.start()] + text[m.end():m.end() + 1]
            if any(c.isascii() and c.isalnum() for c in touching) or not (
                    is_chinese(neighbour(text, m.start(), -1))
                    or is_chinese(neighbour(text, m.end() - 1, 1))):
                continue                           # --help, x--y, ASCII art
        if subtitle and not text[:m.start()].strip(SPACES):
            continue                               # the subtitle's leading dash: export fixes it
        yield Hit("punct.dash", m.start(), m.end(), f"破折号应为“——”，不是“{m.group().strip()}”。",
                  f"A dash is ——, not {m.group().strip()!r}.", "——")
    # One hyphen between Chinese words is not wrong in itself: GB/T 15834-2011 §4.13 has the
    # short 「-」 join a compound (吐鲁番-哈密盆地, 中国-东盟, 科技-产业-金融) and the 一字线 「—」
    # mark a range or route (北京—上海特别旅客快车).  Which is meant is not in the text, so the
    # writer gets a hint with both uses and no fix.  A full-width 「－」 is neither mark of the
    # standard; which one it stands for is just as unsure.
    for m in _SINGLE_HYPHEN.finditer(text):
        if "－" in m.group():
            zh = ("全角“－”不是规范的连接号：连接复合名词用短横线“-”（中国-东盟），"
                  "表示起止、走向用一字线“—”（北京—上海），破折号用“——”。")
            en = ("A full-width － is not a standard mark: a compound takes - (中国-东盟), a range "
                  "or route — (北京—上海), a dash ——.")
        else:
            zh = ("汉字之间的“-”：复合名词可以用短横线“-”（吐鲁番-哈密盆地）；若表示起止、"
                  "走向，应为一字线“—”（北京—上海）；若是破折号，应为“——”。")
            en = ("A hyphen between Chinese words: right in a compound (吐鲁番-哈密盆地); a range "
                  "or route takes — (北京—上海), a dash ——.")
        yield Hit("punct.hyphen", m.start(), m.end(), zh, en)
