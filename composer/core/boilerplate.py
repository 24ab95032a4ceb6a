"""What 范文 sites and page breaks add around a speech, recognised so the cleanup can drop it.

Two kinds of debris:

* **Lines** that carry no text of the speech: page numbers (「3」「- 3 -」「— 3 —」「3/10」
  「Page 3 of 10」), 「第1页共10页」 and 「共10页 第1页」, rows of dashes or equals signs, the
  title a site puts over a collection (「……讲话稿(通用8篇)」「……范文精选5篇」「……讲话稿大全」),
  a web page's furniture — its information bar (责任编辑：… 来源：… 作者：… 发布时间：…), its
  buttons (打印本页, 关闭窗口, 扫一扫在手机打开当前页, 【字号 大 中 小】, and one- or
  two-character button lines: 下载, 大, 中, 小, 分享 …), leftovers of HTML (``<img …>``,
  ``<!-- … -->``, ``&nbsp;``) and long hexadecimal ids — and the note a writing tool appends
  (「（内容由……AI生成，仅供参考）」).  The same buttons and HTML leftovers inside a longer line
  (a page's information bar copied as one line) are cut out of it.
* **Sentences** in the site's own voice.  The rule is general, not a list of known strings: a
  sentence is boilerplate when it talks about the collection rather than the subject — the site
  (小编, 本站), the reader being served (为大家/给您 + 收集/整理/分享 …), copying and downloading
  (复制, 下载 doc/Word, 以便编辑使用), or where it came from (URLs, 版权, 转载, 原文链接).
  Phrases a speaker really says — 「我讲几点意见，供大家参考」 — are *not* boilerplate on their own:
  供大家参考 and 希望对大家有所帮助 count only next to 范文/文章/本文/资料.
"""

from __future__ import annotations

import re

from .speech_lines import sentences

_DIGIT = "0-9０-９"
_COUNT = f"{_DIGIT}一二三四五六七八九十"

_DEBRIS_LINES = [
    # 第1页共10页, 第 1 页 / 共 10 页, 共10页第1页
    re.compile(rf"^第\s*[{_DIGIT}]+\s*页[\s,，/、]*(共\s*[{_DIGIT}]+\s*页)?$"),
    re.compile(rf"^共\s*[{_DIGIT}]+\s*页[\s,，/、]*第\s*[{_DIGIT}]+\s*页$"),
    # a page number on its own: 3, - 3 -, — 3 —, －3－, [3]
    re.compile(rf"^[-—–－_~·\s\[\]【】]*[{_DIGIT}]{{1,4}}[-—–－_~·\s\[\]【】]*$"),
    re.compile(rf"^[{_DIGIT}]+\s*/\s*[{_DIGIT}]+$"),
    re.compile(r"^(page|p\.)\s*\d+(\s*(of|/)\s*\d+)?$", re.IGNORECASE),
    # separator rows
    re.compile(r"^[-=_~—－─━·•]{3,}$"),
    # what a wiki's licence template leaves when copied as text (维基文库: 「Public domain」,
    # 「false」 on lines of their own)
    re.compile(r"^(public domain|false|true)(\s+(public domain|false|true))*$", re.IGNORECASE),
]

# The title a site puts over a collection of speeches: 「……(通用8篇)」「精选5篇」「……大全」.
_COLLECTION_TITLE = re.compile(
    rf"([（(\[【]\s*(通用|精选|优选|优秀|热门|最新|经典|推荐|实用|必备|合集|汇编|集锦)?"
    rf"\s*[{_COUNT}]+\s*篇\s*[)）\]】]"
    rf"|(通用|精选|优选|优秀|热门|最新|经典|推荐|实用)\s*[{_COUNT}]+\s*篇"
    rf"|(范文|讲话稿|发言稿|致辞|讲话)(大全|合集|汇编|集锦|精选))\s*$")

_READER = r"(为|给|帮)(大家|您|你|各位)"
_GATHER = r"(收集|搜集|整理|分享|带来|准备|推荐|精选|编辑|提供|汇总|挑选|精心)"
# Kept as separate patterns: one alternation of all of them has no literal to scan for and runs
# about twice as long over a long import as trying each in turn.
_BOILERPLATE_SENTENCES = [re.compile(pattern, re.IGNORECASE) for pattern in [
    r"小编",
    r"本站(为|整理|收集|提供|编辑|推荐|精选|免费)",
    rf"(以下|下面|以上)(就|便)?(是|为)[^。！？]{{0,30}}{_READER}[^。！？]{{0,20}}{_GATHER}",
    rf"{_READER}{_GATHER}的[^。！？]{{0,30}}(范文|文章|资料|讲话稿|文档|素材|模板)",
    r"(您|你)(可以|可)(复制|下载|收藏|打印)",
    r"下载\s*(doc|docx|word|pdf)|(doc|docx|word)\s*(格式|文档|版)|以便编辑使用",
    r"(范文|文章|本文|资料|文档|素材|模板)[^。！？]{0,20}供(大家|您|你|各位)?(参考|借鉴|学习|阅读|使用)",
    r"希望[^。！？]{0,12}(本文|文章|范文|资料|内容)[^。！？]{0,12}(帮助|启发|有用)",
    r"(本文|文章|范文|资料|内容)[^。！？]{0,12}希望[^。！？]{0,12}(帮助|启发|有用)",
    r"https?://|www\.|\.(com|cn|net|org)(/|\b)",
    r"(版权|著作权)(归|所有|声明)|转载(请|须|需|时)|未经[^。！？]{0,6}(许可|授权)|原文(链接|地址|出处)",
    r"(点击|扫码|扫描二维码|关注公众号)[^。！？]{0,10}(下载|查看|阅读|获取|关注)",
    r"(更多|相关)(精彩|优秀|热门)?(内容|范文|文章|阅读|推荐)[^。！？]{0,6}(请|：|:|见|访问|关注|点击)",
    r"温馨提示|免费下载|猜你喜欢|相关推荐|阅读全文",
    # A wiki's licence note under the text: it speaks of 本作品 and its copyright status, or of
    # the wiki's community (维基文库 puts both under every 政府工作报告).
    r"本作品[^。！？]{0,80}(著作权|版权|公有领域|许可协议|授权条款)|维基(文库|百科)社群",
]]

# Every boilerplate pattern needs one of these; checking for them first is much faster than
# running the full pattern over every paragraph of a long import.
_TRIGGERS = re.compile(
    r"小编|本站|大家|各位|您|你|复制|下载|编辑|doc|word|供|希望|http|www|\.(com|cn|net|org)|版权|著作权|转载|"
    r"未经|原文|点击|扫码|扫描|关注|更多|相关|温馨提示|猜你喜欢|阅读全文|本作品|维基", re.IGNORECASE)

# A paragraph this short with boilerplate in it is dropped whole (the fluff sentences around
# 「以下是小编为大家收集的……」 belong to it); in a longer one only the boilerplate sentences go.
_SHORT_PARAGRAPH = 200


# Why a piece was removed: the codes ``import --json`` reports, and what the window shows.
REASONS = {
    "page-number": ("页码或分隔线", "page number or separator"),
    "collection-title": ("范文合集标题", "title of a collection of samples"),
    "web-info": ("网页信息栏（来源、作者、责任编辑等）", "web page information (source, author, editor)"),
    "web-button": ("网页按钮或链接", "web page button or link"),
    "html": ("网页代码残留", "left-over web page code"),
    "id": ("编号串", "id string"),
    "tool-note": ("写作工具附注", "a writing tool's note"),
    "boilerplate": ("网站用语（不属于讲话内容）", "the site's own words, not the speech's"),
}

_INFO_FIELD = (r"(责任编辑|责编|编辑|审核|审校|校对|终审|来源|信息来源|文章来源|稿件来源|稿源|供稿|"
               r"作者|发布时间|发布日期|发表时间|发稿时间|更新时间|浏览次数|阅读次数|阅读量|点击数|"
               r"浏览量|访问量|摄影|图片来源|"
               # the information table over a document on a government site (gov.cn 国务院文件)
               r"索[\s\u3000]*引[\s\u3000]*号|主题分类|发文机关|成文日期|标[\s\u3000]*题|发文字号|"
               r"主[\s\u3000]*题[\s\u3000]*词)")
_WEB_INFO_LINE = re.compile(rf"^[【\[（(]?{_INFO_FIELD}\s*[：:]\s*[^。！？]{{0,60}}$")
# The 政务公开 table over a document on a county or district site, copied row by row (cells
# separated by tabs or spaces, a field's colon sometimes missing): 「文件名称	汉滨区2025年政府工作报告」
# 「索引号	/2025-0000	公开目录:	工作报告」「文号	成文日期:	2025年04月15日」.
_SENTENCE_END = re.compile(r"[。！？!?]")
_DISCLOSURE_FIELD = re.compile(
    r"文件名称|索[\s\u3000]*引[\s\u3000]*号|公开目录|公开责任部门|公开形式|公开方式|公开范围|"
    r"文[\s\u3000]*号|成文日期|有[\s\u3000]*效[\s\u3000]*性|公开日期|发布机构|生成日期|信息分类")
# Fields that begin such a row and little else, then a space or a colon: one of them is enough
# (文号 alone is not, nor 「有效性是关键」).
_DISCLOSURE_FIRST = re.compile(r"^(文件名称|索[\s\u3000]*引[\s\u3000]*号|公开目录|公开责任部门|"
                               r"有[\s\u3000]*效[\s\u3000]*性|公开日期)(\s|[：:])")
# A field's name alone: its value is on the next line (「来源：」「四川日报」, 「责任编辑：」「李莎莎」).
_BARE_LABEL = re.compile(r"^[【\[]?(责任编辑|责编|编辑|审核|审校|校对|来源|信息来源|文章来源|稿件来源|稿源|"
                         r"作者|摄影)\s*[：:]$")
# Where a breadcrumb starts, and what separates its items: the items follow on lines of their own.
_CRUMB_START = re.compile(r"^(您的位置|当前位置|所在位置|当前的位置)\s*[：:]?$|^(>|>>|»|›)$")
# A bar holding several fields (「日期：2025-07-21 作者：张三 来源：新华社」).
_INFO_ANY = re.compile(rf"{_INFO_FIELD}\s*[：:]|(日期|时间)\s*[：:]")
_BUTTONS = {
    "打印本页", "打印", "关闭窗口", "关闭", "返回顶部", "返回", "收藏", "收藏本页", "分享", "分享到",
    "下载", "上一篇", "下一篇", "首页", "扫一扫", "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面",
    "扫描二维码", "相关报道", "相关阅读", "相关链接", "相关新闻", "相关文章", "打印文章", "打印此页",
    "大", "中", "小", "默认", "字体", "字号", "视力保护色", "纠错", "我要纠错", "附件下载",
    "全屏", "加大", "还原", "减小", "放大", "缩小", "超大", "分享到微信", "分享到微博", "相关附件",
    "相关文档", "相关稿件", "点击图片进入专题", "您的位置", "当前位置", "所在位置",
}
# A line of only a separator or a bracket a page's toolbar or breadcrumb left (「>」「|」「】」).
_SYMBOL_LINE = re.compile(r"^(>|>>|»|›|\||×|【|】|\[|\])$")
# A timestamp (a date with a time of day) or a 时间： field holding only one: a page's date line,
# not a speech's date (which has no time of day).
_TIMESTAMP = re.compile(
    r"^((发表|发布|更新)?(时间|日期)\s*[：:]\s*)?"
    r"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)"
    r"(\s*[0-9]{1,2}(:[0-9]{2}){1,2}|\s*[0-9]{1,2}时([0-9]{1,2}分)?)?$")
_TIME_OF_DAY = re.compile(r"[0-9]{1,2}(:[0-9]{2}){1,2}$|[0-9]{1,2}时([0-9]{1,2}分)?$|[：:]")
# What a text browser writes for an image without alt text: 「[de_bannerS]」「[save] [close]」.
_IMAGE_NAMES = re.compile(r"^(\[[A-Za-z0-9_.\-]{1,40}\]\s*)+$")
_BUTTON_LINE = re.compile(
    r"^[【\[（(》»]*(?P<b>[^【】\[\]（）()》《»]{1,14}?)[：:]?[】\]）)]?(>>|》》|《《|»)?$")
_FONT_SIZE = re.compile(r"[【\[]?\s*字号\s*[：:]?\s*[\[【]?\s*大\s*[\]】]?\s*[\[【]?\s*中\s*[\]】]?\s*"
                        r"[\[【]?\s*小\s*[\]】]?\s*[】\]]?")
_INLINE_BUTTONS = re.compile(r"[【\[]?(扫一扫在手机(上)?(打开|查看)当前页面?|打印本页|关闭窗口|"
                             r"返回顶部|收藏本页|分享到[：:]?)[】\]]?")
_HTML = re.compile(r"<\s*(img|a|span|div|p|br|font|iframe|script|style|input)\b[^>]*>?|"
                   r"</\s*\w+\s*>|<!--.*?-->|&(nbsp|amp|lt|gt|quot|ensp|emsp);", re.IGNORECASE)
_HTML_LINE = re.compile(r"^(<!--.*-->|<[^>]*>|<\s*img\b.*|.*\bsrc\s*=\s*[\"'].*)$", re.IGNORECASE)
_HEX_ID = re.compile(r"^([0-9a-fA-F]{16,}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})"
                     r"[：:]?$")
_TOOL_NOTE = re.compile(r"^[（(【\[]?\s*(本文|全文|以上|此文|该文|本稿)?(内容)?(由|经|使用|采用)"
                        r"[^。]{0,40}(AI|ＡＩ|人工智能|大模型|智能写作|模型)[^。]{0,12}(生成|撰写|创作|辅助)"
                        r"[^。]{0,16}[)）】\]]?$", re.IGNORECASE)


# No debris line below is longer than this (an information bar of several fields is the longest).
_LONGEST_DEBRIS = 120


def debris_reason(text: str) -> str | None:
    """Why a line is debris (a code of ``REASONS``), or None when it is text of the speech."""
    text = text.strip()
    if not text:
        return None
    if len(text) > _LONGEST_DEBRIS:
        # Prose: only a left-over tag can be this long (the checks below are for short lines,
        # and skipping them keeps a long import fast).
        return "html" if ("<" in text or "src" in text) and _HTML_LINE.match(text) else None
    if any(p.match(text) for p in _DEBRIS_LINES):
        return "page-number"
    if len(text) <= 80 and "。" not in text and _COLLECTION_TITLE.search(text):
        return "collection-title"
    if _HTML_LINE.match(text) or _IMAGE_NAMES.match(text):
        return "html"
    if _HEX_ID.match(text):
        return "id"
    if _TOOL_NOTE.match(text):
        return "tool-note"
    button = _BUTTON_LINE.match(text)
    if button and button.group("b").strip() in _BUTTONS:
        return "web-button"
    if _FONT_SIZE.fullmatch(text) or _SYMBOL_LINE.match(text):
        return "web-button"
    if _TIMESTAMP.match(text) and _TIME_OF_DAY.search(text):
        return "web-info"
    if _WEB_INFO_LINE.match(text) or (len(text) <= 120 and "。" not in text
                                      and len(_INFO_ANY.findall(text)) >= 2):
        return "web-info"
    if _disclosure_row(text):
        return "web-info"
    return None


def _disclosure_row(text: str) -> bool:
    if len(text) > 100 or _SENTENCE_END.search(text) or not _DISCLOSURE_FIELD.match(text):
        return False
    return bool(_DISCLOSURE_FIRST.match(text)) or len(_DISCLOSURE_FIELD.findall(text)) >= 2


def opens_value_line(text: str) -> str | None:
    """When a debris line leaves its content to the next line — a field's name alone (来源：),
    a breadcrumb's label or separator (当前位置： / >) — the reason the next short line goes
    for; otherwise None."""
    text = text.strip()
    if _BARE_LABEL.match(text):
        return "web-info"
    if _CRUMB_START.match(text):
        return "web-button"
    return None


_VALUE_LINE_MAX = 20
_PUNCTUATED = re.compile(r"[，。、；：！？,.;:!?]")


def is_value_line(text: str) -> bool:
    """Short enough and unpunctuated enough to be a field's value or a breadcrumb item."""
    text = text.strip()
    return 0 < len(text) <= _VALUE_LINE_MAX and not _PUNCTUATED.search(text)


def is_debris_line(text: str) -> bool:
    """A line that carries no text of the speech (page numbers, separators, web furniture …)."""
    return debris_reason(text) is not None


def strip_fragments(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The line without the buttons and HTML leftovers inside it, and what was cut (text,
    reason); a line that is nothing else is left to ``debris_reason``."""
    if "<" not in text and "&" not in text and "字号" not in text and "扫一扫" not in text \
            and "打印" not in text and "关闭" not in text and "返回" not in text \
            and "收藏" not in text and "分享" not in text:
        return text, []
    cut: list[tuple[str, str]] = []

    def take(reason: str):
        def replace(match: re.Match) -> str:
            if match.group().strip():
                cut.append((match.group(), reason))
            return " "
        return replace

    text = _HTML.sub(take("html"), text)
    text = _FONT_SIZE.sub(lambda m: take("web-button")(m) if "字号" in m.group() else m.group(),
                          text)
    text = _INLINE_BUTTONS.sub(take("web-button"), text)
    if cut:
        text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text, cut


def is_boilerplate(sentence: str) -> bool:
    return any(pattern.search(sentence) for pattern in _BOILERPLATE_SENTENCES)


def strip_boilerplate(paragraph: str) -> tuple[str, list[str]]:
    """The paragraph without its boilerplate sentences, and what was removed.

    Returns ("", [paragraph]) when the whole paragraph is the site's.
    """
    if not _TRIGGERS.search(paragraph) or not is_boilerplate(paragraph):
        return paragraph, []
    parts = sentences(paragraph)
    bad = [is_boilerplate(p) for p in parts]
    bad_chars = sum(len(p) for p, b in zip(parts, bad) if b)
    if len(paragraph) < _SHORT_PARAGRAPH or bad_chars * 3 >= len(paragraph):
        return "", [paragraph]
    kept = "".join(p for p, b in zip(parts, bad) if not b)
    return kept.strip(), [p for p, b in zip(parts, bad) if b]
