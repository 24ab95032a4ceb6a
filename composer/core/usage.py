"""Which library snippets went into which speeches, and when: 「年年岁岁花相似」 is what writers
fear most — this year's speech with last year's paragraphs.

A *use* is (snippet id, speech, speech title, date).  When a speech is saved or exported the
window records the snippets it holds (each section remembers the snippet it was inserted from,
composer/core/speech.py) — the record for that speech is replaced, so a snippet taken out of the
speech before it was saved again is no longer counted.  The library preview then says
「用于：2025年3月《在……动员大会上的讲话》」, and the list can put the snippets not used
recently first.  Storing the records is composer/io/usage_file.py's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .edits import Batch, Changes, Edit, paragraphs_of
from .i18n import pick
from .library import Snippet
from .speech import Speech


@dataclass(frozen=True)
class Use:
    snippet: str
    speech: str     # which speech: its file path, or its title when it has no file yet
    title: str
    date: str       # ISO date, 2025-03-15


def snippets_in(speech: Speech) -> list[str]:
    """The ids of the library snippets a speech holds, in reading order, each once."""
    ids: list[str] = list(speech.opening_snippets)
    for section, _ in speech.walk():
        ids.extend(section.snippets)
    ids.extend(speech.closing_snippets)
    return list(dict.fromkeys(ids))


def record(uses: Iterable[Use], speech: Speech, speech_key: str, date: str) -> list[Use]:
    """The uses with this speech's record replaced by what it holds now."""
    kept = [use for use in uses if use.speech != speech_key]
    title = speech.title.strip()
    return kept + [Use(snippet, speech_key, title, date) for snippet in snippets_in(speech)]


class UsageIndex:
    """The uses of each snippet, newest first."""

    def __init__(self, uses: Iterable[Use] = ()):
        self._by_snippet: dict[str, list[Use]] = {}
        for use in dict.fromkeys(uses):   # the same use read from two files counts once
            self._by_snippet.setdefault(use.snippet, []).append(use)
        for found in self._by_snippet.values():
            found.sort(key=lambda use: use.date, reverse=True)

    def uses_of(self, snippet_id: str) -> list[Use]:
        return list(self._by_snippet.get(snippet_id, ()))

    def last_used(self, snippet_id: str) -> str:
        """The ISO date of the newest use, "" when never used."""
        found = self._by_snippet.get(snippet_id)
        return found[0].date if found else ""

    def __len__(self) -> int:
        return sum(len(found) for found in self._by_snippet.values())


def month_of(date: str) -> str:
    """2025-03-15 → 2025年3月 (March 2025 in English); the text itself when it is not a date."""
    parts = date.split("-")
    if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
        year, month = int(parts[0]), int(parts[1])
        if 1 <= month <= 12:
            months = ("January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December")
            return pick(f"{year}年{month}月", f"{months[month - 1]} {year}")
    return date


def describe(use: Use) -> str:
    """用于：2025年3月《在……动员大会上的讲话》"""
    title = use.title or pick("无标题讲稿", "an untitled speech")
    return pick(f"用于：{month_of(use.date)}《{title}》", f"Used in: {month_of(use.date)}, “{title}”")


def not_recently_used(snippets: Iterable[Snippet], index: UsageIndex) -> list[Snippet]:
    """Snippets never used first, then those used longest ago; otherwise in their order."""
    return sorted(snippets, key=lambda snippet: index.last_used(snippet.id))


@dataclass
class SetSnippetRecord(Edit):
    """Set which snippets a paragraph container (OPENING, CLOSING or a section id) holds text
    from: done together with inserting a body-text snippet, so that undo takes both back."""
    container: str
    ids: list[str] = field(default_factory=list)

    def apply(self, speech: Speech) -> SetSnippetRecord:
        paragraphs_of(speech, self.container)   # a missing section: the project's own error
        record = speech.snippets_of(self.container)
        old = list(record)
        record[:] = self.ids
        return SetSnippetRecord(self.container, old)

    def changes(self) -> Changes:
        return Changes()   # nothing shown changes


def with_record(edit: Edit, speech: Speech, container: str, snippet_id: str) -> Edit:
    """An edit that adds body text from a snippet, plus remembering the snippet (one step)."""
    ids = speech.snippets_of(container) if container else []
    if snippet_id in ids:
        return edit
    return Batch([edit, SetSnippetRecord(container, [*ids, snippet_id])])
