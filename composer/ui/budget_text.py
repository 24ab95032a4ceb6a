"""How lengths and speaking times are written in the window: 「820字 · 约4分33秒」.

One place for the words, so that the outline, the status bar, 讲稿信息 and the library preview
say it the same way.  Counting is ``core/stats.py``'s.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from ..core.i18n import language
from ..core.library import Snippet
from ..core.stats import DEFAULT_RATE, Count, count_text, format_duration, seconds_for


translate = QCoreApplication.translate


def duration(seconds: int) -> str:
    return format_duration(seconds, english=language() == "en")


def minutes_text(minutes: float) -> str:
    """「5分钟」, 「7.5分钟」."""
    shown = f"{minutes:g}"
    return translate("BudgetText", "{0}分钟").format(shown)


def characters(count: int) -> str:
    return translate("BudgetText", "{0}字").format(count)


def share_text(share: float) -> str:
    return f"{round(share * 100)}%"


def snippet_count(snippet: Snippet) -> Count:
    """The 字数 a snippet brings into the speech (its numbers, a few characters, not counted)."""
    total = count_text(snippet.heading + "".join(snippet.paragraphs))
    for child in snippet.children:
        for section in child.walk():
            total = total + count_text(section.heading + "".join(section.paragraphs))
    return total


def snippet_note(snippet: Snippet, rate: int, speech_seconds: int | None = None,
                 target_seconds: int | None = None) -> tuple[str, bool]:
    """(what the library preview says of a snippet's length, whether it breaks the target).

    「2829字 · 约15分43秒（每分钟180字）」; with a target: 「插入后全文约 17分10秒，目标 5分钟」."""
    count = snippet_count(snippet).total
    seconds = seconds_for(count, rate)
    text = translate("BudgetText", "{0} · 约{1}（每分钟{2}字）").format(characters(count), duration(seconds), rate)
    over = False
    if target_seconds and speech_seconds is not None:
        after = speech_seconds + seconds
        over = after > target_seconds
        text += translate("BudgetText", "；插入后全文约{0}，目标{1}").format(duration(after),
                                                 minutes_text(target_seconds / 60))
        if over:
            text += translate("BudgetText", "，超出{0}").format(duration(after - target_seconds))
    return text, over


def snippet_note_html(snippet: Snippet, rate: int = DEFAULT_RATE, speech_seconds: int | None = None,
                      target_seconds: int | None = None) -> str:
    """The library preview's line on a snippet's length (red when it breaks the target)."""
    text, over = snippet_note(snippet, rate, speech_seconds, target_seconds)
    colour = "#c0392b" if over else "gray"
    return f'<p style="color:{colour}">{html.escape(text)}</p>'
