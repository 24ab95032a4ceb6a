"""Breaking a long title into lines between words, in a 梯形 or 菱形 shape (GB/T 9704 §7.3.1:
「标题可分一行或多行居中排布；回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列
应当使用梯形或菱形」).

The writer decides where a title breaks by typing line breaks into it (Shift+Enter in the title
field).  A title, or a part between the writer's breaks, that does not fit on one line is broken
here: at the most balanced choice among the places where a break does not split a word, so that
「在……推进会／上的讲话」 (a full first line and a stub) never happens.

Where words end is decided by a small rule, not by a dictionary.  Titles of speeches and notices
are made of a few recurring parts: the speaker or issuing office, 在/关于, the meeting or matter,
and a tail (会议上的讲话, 的通知 …); between them stand the joints 、 暨 及 和 与.  The rule knows
those joints and tails, the words that recur in such titles, and the spans that must stay whole
(a quotation 「“不忘初心、牢记使命”」, a book title 《……》, a number with its unit 「70周年」,
「第十五次」).  jieba (MIT) was weighed against it on real titles; see
``bench/title_breaks.py``: the rule is as good on this kind of text, loads in no time and adds
nothing to the bundle, where jieba costs 0.7–0.9 s for its first cut and about 40 MB.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable

from .line_grid import NO_LINE_END, NO_LINE_START, text_em

SPACES = " \t\r\u3000\u00a0"

# Break costs, in em of imbalance (half the mean distance from the mean line length) they are
# worth: 0 a joint (after 、, around 暨, before 关于 …), 2 between two known words, 4 a weak
# place (after 在, before a tail such as 上的讲话).  Places not listed are inside a word: never
# used unless a part has no listed place at all.
JOINT, WORD, WEAK = 0, 2, 4

# Words that join two parts of a title.
_CONJUNCTIONS = ("暨", "及", "以及", "和", "与", "并", "兼")
# After these a break is natural (the issuing office with 关于; a clause ending in 的).
_AFTER = {"关于": WORD, "的": WORD, "在": WEAK,
          "、": JOINT, "，": JOINT, "：": JOINT, "；": JOINT}
# Before these (the speaker's 在, the matter after 关于, a tail).
_BEFORE = {"关于": JOINT, "在": JOINT}
_TAILS = ("会议上的讲话", "大会上的讲话", "会上的讲话", "上的讲话", "上的发言", "上的致辞",
          "上的报告", "上的总结讲话", "上的动员讲话", "的讲话", "的通知", "的意见", "的决定",
          "的报告", "的批复", "的函", "的实施方案", "的工作方案", "的实施意见", "的若干措施")
_MEETINGS = ("工作会议", "工作会", "会议", "大会", "全会", "推进会", "动员会", "座谈会", "交流会",
             "部署会", "调度会", "现场会", "电视电话会议", "视频会议", "专题会议", "常务会议")
# Characters after which 在 is part of a word (存在, 现在 …), and before which 的 is (的确).
_ZAI_WORDS = set("存现所正实内潜自外好健")
# Words that recur in titles of speeches and notices.  Between two of them (or one of them and
# a joint) is a word boundary.
_WORDS = """
中国共产党 中华人民共和国 中国人民政治协商会议 全国人民代表大会 人民代表大会 政治协商会议 党中央
国务院 中央 全国 全省 全市 全县 全区 全州 全盟 全旗 全镇 全乡 全局 全委 全系统 全行业 全校 全院
省委 市委 县委 区委 党委 党组 政府 人大 政协 纪委 监委 办公厅 办公室 委员会 领导小组
省 市 县 区 局 厅 部 委 院 校
工作会议 工作会 会议 大会 全体会议 全委会议 全会 推进会 动员会 座谈会 交流会 部署会 调度会 培训班
电视电话会议 视频会议 专题会议 常务会议 现场会 表彰大会 动员大会 誓师大会 庆祝大会 纪念大会 开幕式
工作 建设 发展 改革 管理 服务 安全 生产 安全生产 教育 经济 社会 文明 单位 城市 文化 卫生 科技 科学
技术 创新 质量 高质量 营商环境 环境 生态 保护 乡村 振兴 乡村振兴 脱贫 攻坚 民生 法治 政法 党建
党风 廉政 党风廉政 作风 纪律 干部 队伍 人才 组织 宣传 统战 统计 财政 金融 税务 审计 农业 农村
工业 交通 水利 应急 防汛 消防 疫情 防控 风险 防范 化解 治理 监管 执法 督查 督导 检查 考核 评估
专项 行动 活动 主题 专题 主题教育 学习 教育 实践 贯彻 落实 贯彻落实 精神 部署 动员 推进 推动
加强 加快 做好 切实 深入 深化 全面 扎实 进一步 开展 组织 举办 印发 召开 庆祝 纪念 表彰 成立
总结 年度 年终 半年 季度 春季 秋季 夏季 冬季 寒假 暑假 期间 开学 岁末 年初 节日 国庆 春节
讲话 发言 致辞 报告 通知 意见 决定 方案 办法 规定 措施 要点 计划 规划 实施 条例 细则 意见稿
伟大 胜利 周年 届 次 第一次 院士 同学会 劳动模范 先进 先进工作者 模范 典型 代表 委员 同志
首届 学校 学生 中小学 中小学生 小学 中学 大学 高校 幼儿 教师 知识 网络 大赛 竞赛 比赛 消防安全
科学技术 安全教育 风险防控 经济特区 特区 国家 奖励 政治 协商 企业 项目 招商 投资 开放 合作 对外
时期 时代 新时代 新时期 阶段 十四五 十三五
文明单位 文明城市 文明县城 文明村镇 文明校园 文明家庭 精神文明
"""
LEXICON = frozenset(_WORDS.split())
_MAX_WORD = max(len(w) for w in LEXICON)

# Spans never broken: quotations and titles in their marks, numbers with their units.
_QUOTED = re.compile(r"“[^”]{1,40}”|‘[^’]{1,40}’|《[^》]{1,40}》|「[^」]{1,40}」|（[^）]{1,20}）"
                     r"|\([^)]{1,20}\)")
_NUMBER = re.compile(
    r"第?[0-9０-９]+(?:周年|年度|年|届|次|期|号|个|项|条|月|日)?"
    r"|第?[一二三四五六七八九十百〇零]+(?:周年|届|次|期|批|个|项|条)(?:[一二三四五六七八九十]+次)?")


# An item of an enumeration between two 、 (「全国科技大会、国家科学技术奖励大会、两院院士大会」).
_LISTED = re.compile(r"(?<=、)[^、，：；]{2,12}(?=、)")


def _protected(text: str, capacity: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans kept whole, long quoted spans broken only where nothing better exists): a span
    wider than half a line is too long to keep whole, so its inner word boundaries are offered,
    at a higher cost."""
    whole: list[tuple[int, int]] = []
    long: list[tuple[int, int]] = []
    for pattern in (_QUOTED, _NUMBER, _LISTED):
        for match in pattern.finditer(text):
            span = (match.start(), match.end())
            if span[1] - span[0] > 1 and not any(s < span[0] < e for s, e in whole):
                (long if text_em(match.group()) > 0.6 * capacity else whole).append(span)
    return whole, long


def _segment(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, known) tokens by forward maximum matching on the lexicon; a protected span
    is one known token; characters the lexicon does not know are single unknown tokens."""
    starts = {start: end for start, end in spans}
    tokens, i = [], 0
    words = LEXICON | set(_CONJUNCTIONS) | set(_AFTER) | set(_BEFORE)
    while i < len(text):
        if i in starts:
            tokens.append((i, starts[i], True))
            i = starts[i]
            continue
        for size in range(min(_MAX_WORD, len(text) - i), 0, -1):
            word = text[i:i + size]
            if word in words and not any(s < i + size < e for s, e in spans):
                tokens.append((i, i + size, True))
                i += size
                break
        else:
            tokens.append((i, i + 1, False))
            i += 1
    return tokens


WordEnds = Callable[[str], Iterable[int]]


def break_places(text: str, capacity: float, word_ends: WordEnds | None = None) -> dict[int, int]:
    """Where a line may break in TEXT (an index: the break is before ``text[index]``) → cost.

    ``word_ends`` replaces the lexicon's word boundaries (the benchmark passes jieba's)."""
    spans, long = _protected(text, capacity)
    inside = {i for start, end in spans for i in range(start + 1, end)}
    inside_long = {i for start, end in long for i in range(start + 1, end)}
    places: dict[int, int] = {}

    def offer(index: int, cost: int) -> None:
        if 0 < index < len(text) and index not in inside:
            cost += WEAK if index in inside_long else 0
            places[index] = min(cost, places.get(index, cost))

    if word_ends is None:
        tokens = _segment(text, spans)
        for (_, end, known), (_, _, next_known) in itertools.pairwise(tokens):
            if known and next_known:
                offer(end, WORD)
    else:
        for end in word_ends(text):
            offer(end, WORD)
    # A quotation, a book title or a number with its unit (「2018年」「70周年」) delimits itself;
    # but the word after a quotation often belongs to it (「“十三五”时期」).
    for start, end in spans + long:
        offer(start, WORD)
        offer(end, WORD)
    for word in _CONJUNCTIONS:
        for match in re.finditer(re.escape(word), text):
            offer(match.start(), JOINT)
            offer(match.end(), WORD)
    for word, cost in _AFTER.items():
        for match in re.finditer(re.escape(word), text):
            if word == "的" and text[match.end():match.end() + 1] == "确":
                continue
            offer(match.end(), cost)
    for word, cost in _BEFORE.items():
        for match in re.finditer(re.escape(word), text):
            if word == "在" and text[match.start() - 1:match.start()] in _ZAI_WORDS:
                continue
            offer(match.start(), cost)
    for tail in _TAILS:
        at = text.rfind(tail)
        if at > 0:
            offer(at, WEAK)
    # A meeting keeps its name (「主题教育工作会议」「全国学校安全工作电视电话会议」), and the word
    # after a quotation often belongs to it (「“十三五”时期」): weak places, unless a joint.
    weak = {m.start() for word in _MEETINGS for m in re.finditer(re.escape(word), text)}
    weak |= {m.end() for m in _QUOTED.finditer(text)}
    for index in weak:
        if places.get(index, JOINT) > JOINT:
            places[index] = max(places[index], WEAK)
    # Chinese line breaking: no closing mark at a line's start, no opening mark at its end.
    return {i: c for i, c in places.items()
            if text[i] not in NO_LINE_START and text[i - 1] not in NO_LINE_END}


def _shape_cost(widths: list[float]) -> float:
    """Lines of similar length (the mean distance from the mean length, in em); with three or
    more, a 梯形 (lengths rising or falling) or a 菱形 (the middle longest), never an hourglass
    (a middle line shorter than both its neighbours)."""
    mean = sum(widths) / len(widths)
    cost = sum(abs(w - mean) for w in widths) / len(widths)
    for before, middle, after in zip(widths, widths[1:], widths[2:]):
        if middle < before - 0.5 and middle < after - 0.5:
            cost += 16
    return cost


def _best(text: str, places: dict[int, int], count: int, capacity: float) -> list[str] | None:
    best, best_cost = None, math.inf
    for cut in itertools.combinations(sorted(places), count - 1):
        bounds = (0, *cut, len(text))
        lines = [text[a:b] for a, b in itertools.pairwise(bounds)]
        widths = [text_em(line) for line in lines]
        if max(widths) > capacity:
            continue
        cost = _shape_cost(widths) / 2 + sum(places[c] for c in cut)
        if cost < best_cost:
            best, best_cost = lines, cost
    return best


def break_title(text: str, capacity: float, word_ends: WordEnds | None = None) -> list[str]:
    """One part of a title (no line breaks in it) as its lines, each at most CAPACITY em."""
    text = text.strip(SPACES)
    width = text_em(text)
    if width <= capacity or len(text) < 2:
        return [text] if text else []
    fewest = math.ceil(width / capacity)
    places = break_places(text, capacity, word_ends)
    for count in (fewest, fewest + 1):
        if count - 1 <= len(places):
            lines = _best(text, places, count, capacity)
            if lines:
                return lines
    # No word boundary gives lines that fit: break between any two characters the line-breaking
    # rules allow, still balanced.
    anywhere = {i: WEAK for i in range(1, len(text))
                if text[i] not in NO_LINE_START and text[i - 1] not in NO_LINE_END}
    for count in (fewest, fewest + 1):
        lines = _best(text, anywhere, count, capacity) if count <= 4 else None
        if lines:
            return lines
    return _greedy(text, capacity)


def _greedy(text: str, capacity: float) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if line and text_em(line + ch) > capacity:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line] if line else lines


def title_lines(title: str, capacity: float, word_ends: WordEnds | None = None) -> list[str]:
    """The printed lines of a title: the writer's own breaks first, then each part that is too
    long for one line broken between words (see the module's note)."""
    lines: list[str] = []
    for part in title.replace("\r\n", "\n").replace("\u2028", "\n").split("\n"):
        lines.extend(break_title(part, capacity, word_ends))
    return lines
