"""Every rule the proofreader knows, with its id, family, severity and a description.

Rule ids are ``family.name`` (``punct.halfwidth``); selecting a family selects all its rules.
The command line lists them with ``check --rules`` and the 检查 panel groups by them.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable

from ..errors import ComposerError
from ..i18n import pick
from .finding import ERROR, HINT, WARNING


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    zh: str
    en: str
    fixable: bool = False    # some of its findings carry a certain fix

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def description(self) -> str:
        return pick(self.zh, self.en)


FAMILIES = {
    "structure": ("结构", "structure"),
    "placeholder": ("占位符", "placeholders"),
    "ordinal": ("层次序数", "outline numbers"),
    "punct": ("标点（GB/T 15834）", "punctuation (GB/T 15834)"),
    "number": ("数字（GB/T 15835）", "numbers (GB/T 15835)"),
    "word": ("字词", "words"),
    "list": ("本单位词表", "the office's lists"),
    "archive": ("查重", "repeats of past speeches"),
}

RULES: tuple[Rule, ...] = (
    Rule("structure.missing-title", ERROR, "缺少标题", "the speech has no title"),
    Rule("structure.lone-subsection", ERROR, "只有一项的分项（有（一）无（二））",
         "a single numbered item under its parent"),
    Rule("structure.empty-section", ERROR, "没有正文的部分", "a section with no text"),
    Rule("structure.empty-heading", ERROR, "没有文字的标题", "a heading without text"),
    Rule("structure.typed-number", ERROR, "标题里手写了编号（导出时会重复）",
         "a number typed into a heading (export numbers it again)", True),
    Rule("structure.empty-paragraph", ERROR, "空段落", "an empty paragraph"),
    Rule("placeholder.unfilled", ERROR, "未填写的占位符（20xx、×××、＿＿……）",
         "unfilled placeholders (20xx, ×××, __ …)"),
    Rule("ordinal.form", ERROR, "序数写法不对：「（一）、」「一.」「一，」「(一)」",
         "malformed outline numbers: （一）、 一. 一， (一)", True),
    Rule("ordinal.level3-style", WARNING, "三级序数与格式方案不一致（1. 与 1、）",
         "level-3 numbers that differ from the format profile (1. or 1、)", True),
    Rule("ordinal.skipped-level", WARNING, "序数跳级（一、之下直接用 1.）",
         "a skipped outline level (一、 straight to 1.)"),
    Rule("ordinal.mixed-series", WARNING, "一组序数混用不同写法（第一 / 二是 / 第三）",
         "one series written in mixed forms (第一 / 二是 / 第三)"),
    Rule("ordinal.heading-stop", WARNING, "单独成行的标题末尾有句号",
         "a full stop after a stand-alone heading", True),
    Rule("punct.halfwidth", ERROR, "中文里用了半角标点 , . ; : ? ! ( ) \"",
         "half-width punctuation inside Chinese text", True),
    Rule("punct.unpaired", ERROR, "引号、书名号、括号不成对", "unpaired quotes, title marks or brackets"),
    Rule("punct.doubled", ERROR, "标点重复或连用（，， 。。 ，。）", "doubled punctuation", True),
    Rule("punct.dun-deng", ERROR, "「等」「等等」前用了顿号", "an enumeration comma before 等", True),
    Rule("punct.dun-titles", WARNING, "相邻书名号之间用了顿号（《》、《》）",
         "an enumeration comma between adjacent titles", True),
    Rule("punct.ellipsis", ERROR, "省略号写成 ... 或 。。。（应为……）", "an ellipsis not written ……", True),
    Rule("punct.ellipsis-deng", WARNING, "省略号后又用「等」", "an ellipsis followed by 等", True),
    Rule("punct.dash", ERROR, "破折号写成 -- 或 ――（应为——）", "a dash written -- or ――", True),
    Rule("punct.hyphen", HINT, "汉字之间的 - 或 －：复合名词用 -，起止、走向用 —",
         "- or － between Chinese words: - in a compound, — for a range or route"),
    Rule("number.leading-zero", ERROR, "日期里的月、日前面多了 0（03月05日）",
         "leading zeros in a date", True),
    Rule("number.fullwidth-digit", ERROR, "全角数字（２０２４）", "full-width digits", True),
    Rule("number.mixed", WARNING, "一个数里混用阿拉伯数字和汉字（3千、5百万）",
         "one number written partly in Arabic and partly in Chinese numerals"),
    Rule("number.year-zero", ERROR, "汉字年份里的 〇 写成 0、零、O（二0二四年）",
         "a wrong zero in a year written in Chinese numerals", True),
    Rule("word.repeated", WARNING, "字词重复（的的、我们我们）", "a repeated character or word", True),
    Rule("word.confusion", ERROR, "常见错别字", "a common wrong character", True),
    Rule("list.expression", ERROR, "不规范的表述（本单位规范表述表）",
         "a non-standard expression (the office's list)", True),
    Rule("list.banned", ERROR, "禁用词", "a banned word", True),
    Rule("list.cautioned", HINT, "慎用词", "a word to use with care"),
    Rule("list.leader-title", ERROR, "领导姓名与职务不符", "a leader named with another title", True),
    Rule("list.leader-order", WARNING, "领导排名顺序不对", "leaders listed out of order"),
    # Found by core/archive.py against the archive of past speeches (check --archive).
    Rule("archive.repeat", WARNING, "与存档的旧讲稿重复的段落（查重）",
         "a paragraph that repeats an archived speech"),
)

BY_ID = {rule.id: rule for rule in RULES}


def select(spec: str | Iterable[str] | None) -> frozenset[str]:
    """The rule ids a selection names.

    ``spec`` is None (every rule), or items separated by commas: a rule id
    (``punct.halfwidth``), a family (``punct``), either of them prefixed with ``-`` to leave it
    out (``-word.repeated``).  When the items only leave rules out, they are taken from all
    rules.  An unknown item raises ComposerError.
    """
    if spec is None:
        return frozenset(BY_ID)
    items = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec)]
    items = [s for s in items if s]
    chosen: set[str] = set()
    removed: set[str] = set()
    for item in items:
        negative = item.startswith("-")
        name = item[1:] if negative else item
        if name in BY_ID:
            ids = {name}
        elif name in FAMILIES:
            ids = {r.id for r in RULES if r.family == name}
        else:
            raise ComposerError(f"没有这条规则：“{name}”（用 --rules 列出全部规则）。",
                                f"There is no rule {name!r} (--rules lists them all).")
        (removed if negative else chosen).update(ids)
    if not any(not s.startswith("-") for s in items):
        chosen = set(BY_ID)
    return frozenset(chosen - removed)
