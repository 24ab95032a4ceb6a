"""The section library (素材库): reusable headings and paragraphs, and searching them.

A snippet is either a section (level 1–4, a heading with its paragraphs and optionally its
sub-sections) or body text (level PARAGRAPH: one or more paragraphs without a heading).
Snippets live in packs: the bundled packs (read-only), the user's own pack, shared folders.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .speech import Section

PARAGRAPH = 0  # the level of a body-text snippet
LEVEL_NAMES = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题", PARAGRAPH: "段落"}
LEVEL_NAMES_EN = {1: "Level 1", 2: "Level 2", 3: "Level 3", 4: "Level 4", PARAGRAPH: "Paragraph"}

# Kinds used by the importer and offered in the UI; users may add their own.
KINDS = ("称呼", "开头", "意义", "形势", "目标", "任务", "措施", "要求", "结尾", "其他")


@dataclass(eq=False)
class Snippet:
    id: str
    level: int
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    source_file: str = ""
    source_title: str = ""
    run_in: bool = False   # a section snippet whose heading runs into its first paragraph
    _haystack: str | None = field(default=None, repr=False, compare=False)

    @property
    def haystack(self) -> str:
        """All the snippet's text, case-folded, for substring search (computed once)."""
        if self._haystack is None:
            parts = [self.heading, *self.paragraphs]
            for child in self.children:
                for section in child.walk():
                    parts.append(section.heading)
                    parts.extend(section.paragraphs)
            parts.extend(self.tags)
            parts.append(self.kind)
            self._haystack = "\n".join(parts).casefold()
        return self._haystack

    def changed(self) -> None:
        """Call after editing a snippet so that search sees the new text."""
        self._haystack = None

    def to_section(self) -> Section:
        """A new section (fresh ids) holding this snippet's heading, text and sub-sections; it
        remembers the snippet it came from (for the usage history)."""
        return Section(self.heading, list(self.paragraphs), [c.copy() for c in self.children],
                       self.run_in, snippets=[self.id])

    def text(self) -> str:
        """The snippet's own text, heading first, for previews and duplicate detection."""
        return "\n".join(([self.heading] if self.heading else []) + self.paragraphs)


@dataclass(eq=False)
class Pack:
    name: str
    snippets: list[Snippet] = field(default_factory=list)
    path: str = ""
    read_only: bool = False


def search(snippets: list[Snippet], query: str, level: int | None = None,
           kind: str | None = None) -> list[Snippet]:
    """Snippets whose text contains every space-separated term of the query (case-insensitive),
    optionally only of one level and kind.  An empty query matches everything."""
    terms = query.casefold().split()
    if level is None and not kind and len(terms) <= 1:
        # The common case while typing, kept to one comprehension: about 4× faster than the
        # general loop below on 10,000 snippets.
        if not terms:
            return list(snippets)
        term = terms[0]
        return [snippet for snippet in snippets if term in snippet.haystack]
    result = []
    for snippet in snippets:
        if level is not None and snippet.level != level:
            continue
        if kind and snippet.kind != kind:
            continue
        haystack = snippet.haystack
        if all(term in haystack for term in terms):
            result.append(snippet)
    return result


def section_to_snippet(section: Section, level: int, snippet_id: str, kind: str = "",
                       tags: list[str] | None = None, source_file: str = "",
                       source_title: str = "") -> Snippet:
    """A snippet holding a copy of a section of a speech (for "save this section to the library")."""
    return Snippet(snippet_id, level, section.heading, list(section.paragraphs),
                   [c.copy() for c in section.children], kind, list(tags or []),
                   source_file, source_title, section.run_in)
