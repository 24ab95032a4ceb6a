"""Speech templates by meeting kind (动员大会, 工作会议, 总结表彰大会 …): the skeleton a new
speech starts from.

A template holds what the meeting's convention fixes — the title pattern (「在××××动员大会上的
讲话」), the salutation (同志们： / 各位代表： / 女士们、先生们：), the usual sections in their usual
order (意义 → 任务 → 措施 → 要求), an opening and a closing in the convention's words — and, for
each section, the library kinds whose snippets fit there.  What the writer must fill in is
written ××××, which ``check`` reports as a placeholder until it is replaced.

Templates are files (composer/io/template_file.py); this module only makes a speech from one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import adaptation
from .library import PARAGRAPH, Snippet
from .speech import Section, Speech

# The kinds the program ships, in the order 新建 offers them.
KIND_ORDER = ("动员大会", "工作会议/部署会", "总结表彰大会", "开学典礼", "座谈会", "开幕词", "闭幕词", "致辞")

BUNDLED, SHARED, USER = "bundled", "shared", "user"   # where a template file came from


@dataclass
class TemplateSection:
    heading: str
    kinds: list[str] = field(default_factory=list)     # library kinds suggested here
    hint: str = ""                                     # what this part of the speech does
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Template:
    id: str
    kind: str
    title: str
    salutations: list[str] = field(default_factory=list)    # the first is the usual one
    description: str = ""
    opening: list[str] = field(default_factory=list)
    sections: list[TemplateSection] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)           # library tags that fit this meeting
    opening_kinds: list[str] = field(default_factory=lambda: ["开头"])
    closing_kinds: list[str] = field(default_factory=lambda: ["结尾"])
    path: str = ""
    origin: str = BUNDLED

    @property
    def salutation(self) -> str:
        return self.salutations[0] if self.salutations else ""


def order_key(template: Template) -> tuple:
    """Bundled kinds in their fixed order, then the others by kind and id."""
    rank = KIND_ORDER.index(template.kind) if template.kind in KIND_ORDER else len(KIND_ORDER)
    return (rank, template.kind, template.id)


def find_template(templates: Iterable[Template], name: str) -> Template | None:
    """A template by id, else by kind (the first in 新建's order); a kind written with a slash
    answers to each of its names (工作会议/部署会: 工作会议, 部署会)."""
    candidates = sorted(templates, key=order_key)
    wanted = name.strip()
    for template in candidates:
        if template.id == wanted:
            return template
    folded = wanted.casefold()
    for template in candidates:
        kind = template.kind.casefold()
        if folded == kind or folded in (part.strip() for part in kind.split("/")):
            return template
    return None


def suggestions(kinds: list[str], snippets: Iterable[Snippet], tags: Iterable[str] = (),
                last_used: Callable[[Snippet], str] | None = None) -> list[Snippet]:
    """The library snippets that fit a part of a template: those of its kinds, level-1
    sections before body text, those carrying one of the template's tags first, and among
    equals the ones used least recently first (``last_used`` gives an ISO date, "" for never)."""
    wanted = set(kinds)
    tags = set(tags)
    fitting = [s for s in snippets if s.kind in wanted]

    def key(snippet: Snippet) -> tuple:
        level_rank = 0 if snippet.level == 1 else 2 if snippet.level == PARAGRAPH else 1
        tagged = 0 if tags.intersection(snippet.tags) else 1
        return (level_rank, tagged, last_used(snippet) if last_used else "")
    return sorted(fitting, key=key)


def make_speech(template: Template, fill: dict[int, Snippet] | None = None,
                opening: Snippet | None = None, closing: Snippet | None = None,
                salutation: str | None = None,
                table: adaptation.Table | None = None) -> Speech:
    """A new speech from a template.

    ``fill`` maps a section's index to the library snippet chosen for it: a section snippet
    takes the section's place (its own heading, text and sub-sections), a body-text snippet
    becomes the section's text under the template's heading.  ``opening`` and ``closing`` are
    body-text snippets that replace the template's opening and the closing's first part (the
    closing formula, 「谢谢大家！」, stays).  Inserted text has the substitution ``table``
    applied, and remembers the snippet it came from.
    """
    table = table or []
    fill = fill or {}
    speech = Speech(title=template.title,
                    salutation=template.salutation if salutation is None else salutation,
                    opening=list(template.opening), closing=list(template.closing),
                    substitutions=list(table))
    for index, part in enumerate(template.sections):
        snippet = fill.get(index)
        if snippet is not None and snippet.level != PARAGRAPH:
            section, _ = adaptation.adapt_section(snippet.to_section(), table)
        elif snippet is not None:
            section = Section(part.heading,
                              [adaptation.substitute(p, table) for p in snippet.paragraphs],
                              snippets=[snippet.id])
        else:
            section = Section(part.heading, list(part.paragraphs))
        speech.body.append(section)
    if opening is not None:
        speech.opening = [adaptation.substitute(p, table) for p in opening.paragraphs]
        speech.opening_snippets = [opening.id]
    if closing is not None:
        formula = template.closing[-1:] if len(template.closing) > 1 else []
        speech.closing = [adaptation.substitute(p, table) for p in closing.paragraphs]
        if formula and formula[0] not in speech.closing:
            speech.closing += formula
        speech.closing_snippets = [closing.id]
    return speech
