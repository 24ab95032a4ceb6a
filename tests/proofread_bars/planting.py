"""Planting errors of every kind the proofreader checks into a copy of a clean speech.

Each planter changes the copy the way a writer's slip would (a comma typed half-width, a 的 typed
twice, a date with leading zeros, a heading given a full stop) and returns where the error now
is.  Where the speech has nothing to change (no 《》 pair, no date), a sentence carrying the
error is inserted after a full stop, as a writer would add one.  A planted error is *found* when
a finding of one of the expected rules covers its place.

Most planted forms are the ones the rules are written for, so two kinds also plant slips the
rules are known not to take, to keep the figure honest: any character typed twice inside a word
(统统计: the rule only takes function words and whole words, because 天天 and 人人 are Chinese),
and common 公文 slips chosen without looking at the bundled list (布署, 截止目前 are not on it).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from composer.core.speech import CLOSING, OPENING, Section, Speech


@dataclass(frozen=True)
class Plant:
    kind: str
    rules: tuple[str, ...]        # a finding of any of these rules finds it
    container: str
    paragraph: int | None         # None: a heading or head field (or a whole section)
    start: int = 0
    end: int = 0


def containers(speech: Speech) -> list[tuple[str, list[str]]]:
    out = [(OPENING, speech.opening)]
    out += [(s.id, s.paragraphs) for s, _ in speech.walk()]
    return out + [(CLOSING, speech.closing)]


def paragraphs(speech: Speech, sections_only: bool = False) -> list[tuple[str, list[str], int]]:
    return [(c, texts, i) for c, texts in containers(speech)
            if not sections_only or c not in (OPENING, CLOSING)
            for i, t in enumerate(texts) if len(t) > 20]


def _replace(speech, rng, kind, rules, pattern, make, sections_only=False, span=None):
    """Change one match of ``pattern`` in a random paragraph; ``make(match)`` gives the new text,
    ``span(match, new)`` where the error is inside it (all of it by default)."""
    spots = [(c, texts, i, m) for c, texts, i in paragraphs(speech, sections_only)
             for m in re.finditer(pattern, texts[i])]
    if not spots:
        return None
    c, texts, i, m = rng.choice(spots)
    new = make(m)
    texts[i] = texts[i][:m.start()] + new + texts[i][m.end():]
    a, b = span(m, new) if span else (0, len(new))
    return Plant(kind, rules, c, i, m.start() + a, m.start() + b)


def _insert(speech, rng, kind, rules, sentence, error):
    """Insert a sentence after a full stop of a random paragraph; ``error`` is the part of the
    sentence that is wrong."""
    spots = [(c, texts, i, m.end()) for c, texts, i in paragraphs(speech)
             for m in re.finditer("。(?!”)", texts[i])]
    c, texts, i, at = rng.choice(spots)
    texts[i] = texts[i][:at] + sentence + texts[i][at:]
    start = at + sentence.index(error)
    return Plant(kind, rules, c, i, start, start + len(error))


def _replace_or_insert(speech, rng, kind, rules, pattern, make, sentence, error, span=None):
    return _replace(speech, rng, kind, rules, pattern, make, span=span) \
        or _insert(speech, rng, kind, rules, sentence, error)


_HAN = "[\u4e00-\u9fff]"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _year_in_chinese(year: str, zero: str = "0") -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in year).replace("〇", zero)


def plant_halfwidth(s, rng):
    ascii_of = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!"}
    if rng.random() < 0.3:
        pair = _replace(s, rng, "punct.halfwidth", ("punct.halfwidth",), "（[^（）]{1,20}）",
                        lambda m: "(" + m.group()[1:-1] + ")", span=lambda m, new: (0, 1))
        if pair:
            return pair
    return _replace(s, rng, "punct.halfwidth", ("punct.halfwidth",), f"(?<={_HAN})[，：；？！](?={_HAN})",
                    lambda m: ascii_of[m.group()])


def plant_unpaired(s, rng):
    close = rng.random() < 0.5
    pattern = rng.choice(["“[^“”]{1,30}”", "“[^“”]{1,30}”", "《[^《》]{1,30}》", "（[^（）]{1,30}）"])
    return _replace(s, rng, "punct.unpaired", ("punct.unpaired",), pattern,
                    (lambda m: m.group()[:-1]) if close else (lambda m: m.group()[1:]),
                    span=(lambda m, new: (0, 1)) if close else (lambda m, new: (len(new) - 1, len(new))))


def plant_doubled(s, rng):
    make = rng.choice([lambda m: m.group() * 2, lambda m: m.group() * 2, lambda m: m.group() + "。"])
    return _replace(s, rng, "punct.doubled", ("punct.doubled",), f"(?<={_HAN})[，、](?={_HAN})", make)


def plant_dun_deng(s, rng):
    # only a 等 that ends a list: 「不、等于」 is no slip a writer makes, and no finding
    return _replace_or_insert(s, rng, "punct.dun-deng", ("punct.dun-deng",), f"(?<={_HAN})(?<!、)等(?![等级待候同于价量额效距比号高边腰闲])",
                              lambda m: "、等", "要抓好学习、宣传、等各项工作。", "、等",
                              span=lambda m, new: (0, 1))


def plant_dun_titles(s, rng):
    return _insert(s, rng, "punct.dun-titles", ("punct.dun-titles",),
                   "要认真学习《中国共产党章程》、《中国共产党纪律处分条例》。", "、")


def plant_ellipsis(s, rng):
    dots = rng.choice(["...", "。。。", "......"])
    return _replace_or_insert(s, rng, "punct.ellipsis", ("punct.ellipsis",), "……", lambda m: dots,
                              f"开展文明礼仪、志愿服务、环境整治{dots}各项活动。", dots)


def plant_ellipsis_deng(s, rng):
    return _insert(s, rng, "punct.ellipsis-deng", ("punct.ellipsis-deng",),
                   "抓好学习、宣传、教育……等各项工作。", "……")


def plant_dash(s, rng):
    dash = rng.choice(["--", "――", "－－"])
    return _replace_or_insert(s, rng, "punct.dash", ("punct.dash",), "——", lambda m: dash,
                              f"目标只有一个{dash}建成省级文明单位。", dash)


def plant_hyphen(s, rng):
    """One 「-」 or 「－」 between Chinese words, where a route takes 「—」: a hint, since the same
    「-」 is right in a compound (GB/T 15834 §4.13)."""
    hyphen = rng.choice(["-", "－"])
    return _insert(s, rng, "punct.hyphen", ("punct.hyphen",),
                   f"开通郑州{hyphen}北京直达班车。", hyphen)


def plant_leading_zero(s, rng):
    date = rng.choice(["2024年03月05日", "2024年3月05日", "2023年09月"])
    return _replace_or_insert(s, rng, "number.leading-zero", ("number.leading-zero",),
                              r"(?<!\d)(\d)月(\d)日", lambda m: f"0{m.group(1)}月0{m.group(2)}日",
                              f"{date}，局党组召开了专题会议。", date)


def plant_fullwidth_digit(s, rng):
    return _replace_or_insert(s, rng, "number.fullwidth-digit", ("number.fullwidth-digit",),
                              r"(?<![\d.])\d+(?![\d.])", lambda m: m.group().translate(_FULL),
                              "全年完成投资２０亿元。", "２０")


def plant_mixed_number(s, rng):
    return _replace_or_insert(s, rng, "number.mixed", ("number.mixed",), r"(?<![\d.])([1-9])000(?=[万元人])",
                              lambda m: m.group(1) + "千", *rng.choice([("全年投入资金3千万元。", "3千"),
                                                                         ("共有5百多人参加。", "5百"),
                                                                         ("新增就业1万5千人。", "5千")]))


def plant_year_zero(s, rng):
    return _replace_or_insert(s, rng, "number.year-zero", ("number.year-zero",), r"(?<!\d)20[0-2]\d(?=年)",
                              lambda m: _year_in_chinese(m.group(), rng.choice("0零O○")),
                              "二0二四年是关键的一年。", "二0二四")


_MALFORMED = ["（一）、", "一.", "一，", "(一)", "（1）、", "二．"]


def _body_paragraph(s):
    return paragraphs(s, sections_only=True) or paragraphs(s)


def plant_ordinal_form(s, rng):
    c, texts, i = rng.choice(_body_paragraph(s))
    marker = rng.choice(_MALFORMED)
    texts[i] = marker + texts[i]
    return Plant("ordinal.form", ("ordinal.form",), c, i, 0, len(marker))


def plant_level3_style(s, rng):
    c, texts, i = rng.choice(_body_paragraph(s))
    texts[i] = "1、" + texts[i]
    return Plant("ordinal.level3-style", ("ordinal.level3-style",), c, i, 0, 2)


def plant_skipped_level(s, rng):
    """1. typed straight under a level-1 section, in a speech that uses （一）."""
    if not s.body:
        return None                    # a speech without headings has no levels to skip
    if not any(level == 2 for _, level in s.walk()):
        s.body[0].children.extend([Section("加强组织领导", ["要成立领导小组。"]),
                                   Section("健全工作机制", ["要建立工作制度。"])])
    leaves = [sec for sec in s.body if not sec.children and sec.paragraphs]
    if leaves:
        section = rng.choice(leaves)
    else:
        texts = [p for sec, _ in s.walk() for p in sec.paragraphs if len(p) > 20][:2]
        section = Section("狠抓工作落实", texts or ["要抓好落实。"])
        s.body.append(section)
    section.paragraphs[0] = "1." + section.paragraphs[0]
    return Plant("ordinal.skipped-level", ("ordinal.skipped-level",), section.id, 0, 0, 2)


def plant_mixed_series(s, rng):
    found = _replace(s, rng, "ordinal.mixed-series", ("ordinal.mixed-series",),
                     "(?<=[，。；：])二是(?=.*)", lambda m: "第二，",
                     span=lambda m, new: (0, 2))
    if found:
        texts = s.paragraphs_of(found.container)
        if "一是" in texts[found.paragraph][:found.start]:
            return found
        texts[found.paragraph] = texts[found.paragraph][:found.start] + "二是" + \
            texts[found.paragraph][found.start + 3:]
    if rng.random() < 0.5:
        return _insert(s, rng, "ordinal.mixed-series", ("ordinal.mixed-series",),
                       "一是加强领导，二是健全机制，第三，严格考核。", "第三")
    # An enumeration over paragraphs: 一是…… / 二是…… / 第三，……
    c, texts, i = rng.choice(paragraphs(s))
    texts[i + 1:i + 1] = ["一是加强组织领导，成立工作专班。", "二是健全工作机制，明确职责分工。",
                          "第三，严格督查考核，确保落到实处。"]
    return Plant("ordinal.mixed-series", ("ordinal.mixed-series",), c, i + 3, 0, 2)


def plant_heading_stop(s, rng):
    heads = [sec for sec, _ in s.walk() if not sec.run_in and sec.heading
             and sec.heading[-1] not in "。？！，；"]
    if not heads:
        return None
    section = rng.choice(heads)
    section.heading += "。"
    n = len(section.heading)
    return Plant("ordinal.heading-stop", ("ordinal.heading-stop",), section.id, None, n - 1, n)


def plant_typed_number(s, rng):
    heads = [sec for sec, _ in s.walk() if sec.heading]
    if not heads:
        return None
    section = rng.choice(heads)
    marker = rng.choice(["一、", "(二)", "三，", "1."])
    section.heading = marker + section.heading
    return Plant("structure.typed-number", ("structure.typed-number",), section.id, None, 0,
                 len(marker))


_REPEAT_EXCEPTIONS = re.compile("目的|有的|别的|似的|的确")


def plant_repeated(s, rng):
    roll = rng.random()
    if roll < 0.25:
        # Any character typed twice inside a word (统计 → 统统计): the rule only takes function
        # words and whole words, since 天天, 人人, 常常 are Chinese — expected to be missed.
        return _replace(s, rng, "word.repeated", ("word.repeated",), f"{_HAN}(?={_HAN})",
                        lambda m: m.group() * 2, span=lambda m, new: (0, 2))
    if roll < 0.6:
        found = _replace(s, rng, "word.repeated", ("word.repeated",), f"(?<={_HAN})的(?={_HAN})",
                         lambda m: "的的")
        if found:
            return found
    return _replace_or_insert(s, rng, "word.repeated", ("word.repeated",), "我们|工作|进一步|(?<=[要就])是",
                              lambda m: m.group() * 2, "我们我们要抓好落实。", "我们我们")


# Common slips in 公文, chosen without looking at the bundled list: some are on it, some not.
COMMON_SLIPS = [("布署", "部署"), ("以经", "已经"), ("必竟", "毕竟"), ("竟争", "竞争"), ("暴光", "曝光"),
                ("按步就班", "按部就班"), ("再接再励", "再接再厉"), ("迫不急待", "迫不及待"),
                ("一股作气", "一鼓作气"), ("融汇贯通", "融会贯通"), ("走头无路", "走投无路"),
                ("一如继往", "一如既往"), ("震憾", "震撼"), ("松驰", "松弛"), ("防碍", "妨碍"),
                ("截止目前", "截至目前"), ("既使", "即使"), ("振奋人心", "振奋人心")][:-1]


def plant_confusion(s, rng, lexicon):
    if rng.random() < 0.4:
        wrong, right = rng.choice(COMMON_SLIPS)
        return _insert(s, rng, "word.confusion", ("word.confusion",), f"我们{wrong}的工作很多。", wrong)
    entries = [(w, c.right) for w, c in lexicon.confusions.phrases() if c.right]
    present = [(w, r) for w, r in entries if any(r in t for _, texts, i in paragraphs(s)
                                                for t in [texts[i]])]
    if present:
        wrong, right = rng.choice(present)
        return _replace(s, rng, "word.confusion", ("word.confusion",), re.escape(right), lambda m: wrong)
    wrong, right = rng.choice(entries)
    return _insert(s, rng, "word.confusion", ("word.confusion",), f"大家都说这是{wrong}。", wrong)


def plant_expression(s, rng):
    return _insert(s, rng, "list.expression", ("list.expression",), "要深入学习贯彻二十大精神。", "二十大")


def plant_banned(s, rng):
    return _insert(s, rng, "list.banned", ("list.banned",), "这是史上最严的要求。", "史上最严")


def plant_cautioned(s, rng):
    return _insert(s, rng, "list.cautioned", ("list.cautioned",), "这项做法在全省属于首创。", "首创")


def plant_leader_title(s, rng):
    sentence, error = rng.choice([("副局长王建国同志强调了三点。", "副局长"),
                                  ("王建国副局长强调了三点。", "副局长"), ("局长李明华作了讲话。", "局长")])
    return _insert(s, rng, "list.leader-title", ("list.leader-title",), sentence, error)


def plant_leader_order(s, rng):
    return _insert(s, rng, "list.leader-order", ("list.leader-order",),
                   "张志远副局长、李明华副局长出席会议。", "李明华")


def plant_placeholder(s, rng):
    filler, error = rng.choice([("20xx年以来，", "20xx"), ("×××同志作了发言。", "×××"),
                                ("会议由＿＿主持。", "＿＿")])
    return _insert(s, rng, "placeholder.unfilled", ("placeholder.unfilled",), filler, error)


def plant_lone_subsection(s, rng):
    parents = [sec for sec, _ in s.walk() if len(sec.children) >= 2]
    if not parents:
        return None
    parent = rng.choice(parents)
    del parent.children[1:]
    return Plant("structure.lone-subsection", ("structure.lone-subsection",), parent.children[0].id, None)


def plant_empty_section(s, rng):
    leaves = [sec for sec, _ in s.walk() if not sec.children]
    if not leaves:
        return None
    section = rng.choice(leaves)
    section.paragraphs = []
    return Plant("structure.empty-section", ("structure.empty-section",), section.id, None)


def plant_empty_heading(s, rng):
    heads = [sec for sec, _ in s.walk()]
    if not heads:
        return None
    section = rng.choice(heads)
    section.heading = ""
    return Plant("structure.empty-heading", ("structure.empty-heading",), section.id, None)


def plant_empty_paragraph(s, rng):
    c, texts, i = rng.choice(paragraphs(s))
    texts.insert(i + 1, "")
    return Plant("structure.empty-paragraph", ("structure.empty-paragraph",), c, i + 1)


def plant_missing_title(s, rng):
    s.title = ""
    return Plant("structure.missing-title", ("structure.missing-title",), "title", None)


PLANTERS = [plant_halfwidth, plant_unpaired, plant_doubled, plant_dun_deng, plant_dun_titles,
            plant_ellipsis, plant_ellipsis_deng, plant_dash, plant_hyphen, plant_leading_zero,
            plant_fullwidth_digit, plant_mixed_number, plant_year_zero, plant_ordinal_form,
            plant_level3_style, plant_skipped_level, plant_mixed_series, plant_heading_stop,
            plant_typed_number, plant_repeated, plant_confusion, plant_expression, plant_banned,
            plant_cautioned, plant_leader_title, plant_leader_order, plant_placeholder,
            plant_lone_subsection, plant_empty_section, plant_empty_heading,
            plant_empty_paragraph, plant_missing_title]


def plant(planter, speech: Speech, seed: int, lexicon) -> Plant | None:
    rng = random.Random(seed)
    if planter is plant_confusion:
        return planter(speech, rng, lexicon)
    return planter(speech, rng)


def is_found(p: Plant, findings) -> bool:
    for f in findings:
        loc = f.location
        if f.rule not in p.rules or loc.container != p.container or loc.paragraph != p.paragraph:
            continue
        if p.start == p.end == 0 and loc.length == 0:
            return True
        if loc.offset < p.end and p.start < loc.offset + max(loc.length, 1):
            return True
    return False
