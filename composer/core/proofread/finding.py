"""What a check finds: a rule, a place in the speech, the text around it, and a fix if certain.

A *unit* is one piece of text the writer edits as a whole: a head field (title, subtitle,
speaker, date, salutation), a section's heading, or one paragraph.  Rules that look at text see
one unit at a time, so their findings can be cached by the unit's text (see ``engine.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import pick

ERROR, WARNING, HINT = "error", "warning", "hint"
SEVERITIES = (ERROR, WARNING, HINT)

# Context on each side of a finding's span in its excerpt.  At least five characters are
# promised; ten are shown where the text has them, so that the excerpt that keys an ignored
# finding is specific enough not to hide another finding by accident.
CONTEXT = 10


@dataclass(frozen=True)
class Location:
    """Where a finding is.

    ``container`` is a head field name (``title`` … ``salutation``), a section id, or
    ``OPENING`` / ``CLOSING``.  ``paragraph`` is the index of the paragraph in that container;
    None means the head field itself, or the section's heading.  ``offset`` and ``length`` are
    the span in that text, in characters (0 and 0 for a finding about a whole section).
    """
    container: str
    paragraph: int | None = None
    offset: int = 0
    length: int = 0

    @property
    def is_heading(self) -> bool:
        return self.paragraph is None and self.container.startswith("s") \
            and self.container[1:].isdigit()


@dataclass(frozen=True)
class Hit:
    """A finding inside one unit's text, before it is placed in the speech (cacheable)."""
    rule: str
    start: int
    end: int
    zh: str
    en: str
    fix: str | None = None   # replacement for text[start:end], only where it is certain


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    zh: str
    en: str
    location: Location
    text: str                # the span itself (what a fix replaces)
    excerpt: str             # the span with up to CONTEXT characters on each side
    excerpt_start: int       # where the span starts inside the excerpt
    fix: str | None = None

    @property
    def message(self) -> str:
        return pick(self.zh, self.en)

    @property
    def key(self) -> tuple[str, str]:
        """What an ignored finding is remembered by: survives edits elsewhere in the speech."""
        return (self.rule, self.excerpt)


def excerpt_of(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[str, int]:
    """(the span with its context, where the span starts in it)."""
    left = max(0, start - context)
    return text[left:min(len(text), end + context)], start - left
