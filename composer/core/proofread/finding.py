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
SIDE = 5        # an ignored finding is still known by one side of its context this long


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
    def key(self) -> FindingKey:
        """What an ignored finding is remembered by: survives edits elsewhere in the speech."""
        return FindingKey(self.rule, self.excerpt, self.text, self.excerpt_start)


class FindingKey(tuple):
    """(rule, excerpt), equal to the plain pair and hashed as it (the pair is what the speech
    file keeps), which also knows the flagged span inside the excerpt, so that
    :class:`IgnoredKeys` can still recognise the finding when one side of it was edited."""

    text: str
    start: int

    def __new__(cls, rule: str, excerpt: str, text: str = "", start: int = 0) -> FindingKey:
        key = super().__new__(cls, (rule, excerpt))
        key.text, key.start = text, start
        return key

    @property
    def sides(self) -> tuple[str, str]:
        excerpt = self[1]
        return excerpt[:self.start], excerpt[self.start + len(self.text):]


class IgnoredKeys(frozenset):
    """The (rule, excerpt) keys of the ignored findings.  A finding is in it when its key is,
    or — typing near an ignored finding changes its excerpt — when an ignored excerpt of the
    same rule holds the flagged text with the same ``SIDE`` characters next to it on one side
    (typing further away, on both sides, leaves those), if that side has that many: less (the
    span at the paragraph's start or end) is too little to tell one place from another."""

    def __contains__(self, key: object) -> bool:
        return frozenset.__contains__(self, key) or self.stored(key) is not None

    def stored(self, key: object) -> tuple[str, str] | None:
        """The ignored key that stands for this finding's key, None if there is none."""
        if frozenset.__contains__(self, key):
            return (key[0], key[1]) if isinstance(key, tuple) else None
        if not isinstance(key, FindingKey) or not key.text:
            return None
        by_rule = self.__dict__.get("_by_rule")
        if by_rule is None:
            by_rule = self.__dict__["_by_rule"] = {}
            for rule, excerpt in self:
                by_rule.setdefault(rule, []).append(excerpt)
        left, right = key.sides
        rule = key[0]
        for excerpt in by_rule.get(rule, ()):
            at = excerpt.find(key.text)
            while at >= 0:
                their_left, their_right = excerpt[:at], excerpt[at + len(key.text):]
                # The SIDE characters next to the span, on either side: typing further away, on
                # one side or both, leaves the place recognisable.
                if (len(left) >= SIDE and left[-SIDE:] == their_left[-SIDE:]) or (
                        len(right) >= SIDE and right[:SIDE] == their_right[:SIDE]):
                    return (rule, excerpt)
                at = excerpt.find(key.text, at + 1)
        return None


def excerpt_of(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[str, int]:
    """(the span with its context, where the span starts in it)."""
    left = max(0, start - context)
    return text[left:min(len(text), end + context)], start - left
