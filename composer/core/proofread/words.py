"""Words: a character or word typed twice, and common wrong characters from a list.

No rule here guesses from context (that takes a language model, and a false finding costs the
writer more time than a missed one): a repetition is only reported where Chinese never repeats
that way, and a wrong character only where the whole wrong word is on the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Hit
from .text import HAN
from .units import Context, Unit

# Function words that are never doubled on purpose (的的, 是是).  Doubles inside AABB words
# (的的确确, 实实在在, 是是非非) and across a word boundary (目的的, 现在在座, 但是是否) are not
# reported: see _CHAR_EXCEPTIONS.
_DOUBLE_CHARS = "的是在和与就也并被我都"
_CHAR_EXCEPTIONS = {
    "的": ("目的的", "标的的", "有的的", "别的的", "似的的"),
    "是": ("是是非", "是是否"),
    "在": ("现在在", "正在在", "存在在", "所在在", "实在在", "自在在", "内在在", "外在在",
           "潜在在", "好在在", "健在在", "还在在"),
    "和": ("总和和", "温和和", "缓和和", "平和和", "调和和", "附和和", "柔和和", "祥和和"),
    "与": ("参与与", "给与与"),
    "就": ("成就就", "造就就", "迁就就", "将就就"),
    "也": (),
    "并": ("合并并", "吞并并", "兼并并"),
    "被": ("棉被被",),
    "我": ("自我我", "忘我我"),
    "都": ("首都都", "成都都", "古都都", "京都都"),
}
# Words that start with one of those characters, so that the double is one character ending a
# word or standing alone and the next word beginning with it (在在职干部, 发展和和平, 就就业,
# 与与会代表, 被被告人).
_NEXT_WORDS = {
    "的": ("的确",),
    "是": ("是否", "是非"),
    "在": ("在职", "在场", "在座", "在岗", "在线", "在建", "在校", "在读", "在编", "在册", "在押",
           "在世", "在即", "在望", "在案", "在意", "在乎", "在于", "在家", "在外", "在途", "在研",
           "在售", "在逃", "在京"),
    "和": ("和平", "和谐", "和睦", "和解", "和美", "和善", "和蔼", "和煦", "和顺", "和约", "和衷"),
    "与": ("与会", "与其", "与否"),
    "就": ("就业", "就医", "就读", "就学", "就诊", "就餐", "就职", "就任", "就位", "就绪", "就近",
           "就地", "就寝"),
    "也": (),
    "并": ("并购", "并网", "并轨", "并联", "并行", "并存", "并举", "并重", "并列"),
    "被": ("被告", "被动", "被子", "被褥", "被害", "被保险"),
    "我": (),
    "都": ("都市", "都会", "都城"),
}
# Verbs and adjectives that reduplicate as ABAB (研究研究, 雪白雪白); anything else doubled as
# ABAB (我们我们, 工作工作) is a slip.  Runs starting with 一 (一个一个, 一步一步) are fine.
_ABAB_ALLOWED = frozenset([
    "研究", "讨论", "学习", "考虑", "休息", "商量", "交流", "活动", "锻炼", "打扫", "整理", "检查", "了解",
    "调查", "分析", "比较", "总结", "介绍", "说明", "认识", "体会", "体验", "思考", "反思", "琢磨", "关心",
    "帮助", "表扬", "批评", "宣传", "放松", "收拾", "准备", "练习", "熟悉", "适应", "打听", "提醒", "热闹",
    "高兴", "暖和", "凉快", "清醒", "明白", "轻松", "舒服", "看看", "走走", "想想", "听听", "试试", "问问",
    "说说", "谈谈", "议议", "比划", "溜达", "雪白", "通红", "冰凉", "笔直", "漆黑", "碧绿", "蜡黄", "火热",
    "滚烫", "湛蓝", "乌黑", "雪亮", "鲜红", "粉红", "金黄", "崭新", "透亮", "精光"
])
_ABAB = re.compile(f"([{HAN}]{{2,4}})\\1")


def hits(unit: Unit, ctx: Context) -> Iterator[Hit]:
    text = unit.text
    if not text:
        return
    yield from _repeated(text)
    for kind, at, wrong, entry in ctx.lexicon.scan(text):
        if kind == "confusions":
            if entry.right:
                yield Hit("word.confusion", at, at + len(wrong),
                          f"“{wrong}”应为“{entry.right}”。", f"{wrong!r} should be {entry.right!r}.",
                          entry.right)
            else:
                yield Hit("word.confusion", at, at + len(wrong),
                          f"“{wrong}”有误，应为：{entry.note}。",
                          f"{wrong!r} is wrong; it should be one of: {entry.note}.")


_DOUBLE = re.compile(f"([{_DOUBLE_CHARS}])\\1")


def _repeated(text: str) -> Iterator[Hit]:
    for m in _DOUBLE.finditer(text):
        i, ch = m.start(), m.group(1)
        if text[i - 1:i] != ch \
                and text[i + 2:i + 3] != ch and not _aabb(text, i) \
                and not any(text.startswith(w, i - w.index(ch + ch)) for w in _CHAR_EXCEPTIONS[ch]
                            if i - w.index(ch + ch) >= 0) \
                and not any(text.startswith(w, i + 1) for w in _NEXT_WORDS[ch]):
            yield Hit("word.repeated", i, i + 2, f"“{ch}”字重复。", f"{ch!r} is typed twice.", ch)
    for m in _ABAB.finditer(text):
        word = m.group(1)
        if word[0] == "一" or word in _ABAB_ALLOWED or len(set(word)) == 1:
            continue
        if word[0] == "的" or (len(word) == 2 and word[1] in "不没"):
            continue                  # 中心的中心 (X of X), 是不是不 (是不是 + a negation)
        if len(word) == 2 and _shifted_word(text, m.start(), word):
            continue
        if len(word) == 2 and (text[m.end():m.end() + 1] == "地" or _aabb(text, m.start())):
            continue
        yield Hit("word.repeated", m.start(), m.end(), f"“{word}”重复。", f"{word!r} is typed twice.",
                  word)


def _aabb(text: str, i: int) -> bool:
    """The double at i is half of an AABB word (的的确确, 实实在在, 是是非非)."""
    after = text[i + 2:i + 4]
    before = text[max(0, i - 2):i]
    return (len(after) == 2 and after[0] == after[1]) or (len(before) == 2 and before[0] == before[1])


def _shifted_word(text: str, start: int, word: str) -> bool:
    """The ABAB at start is more likely words read one character off: 深化|文化|文艺 repeats 化文,
    工人|每人|每年 repeats 人每.  Without a dictionary, the sign is that the shifted pair (文化,
    每人) is also written elsewhere in the paragraph, as a word is; the tail of a 我们我们 slip
    (们我) hardly ever is."""
    shifted = word[1] + word[0]
    outside = text[:start] + "\n" + text[start + 4:]
    return shifted in outside
