"""Preflight checks before a speech is handed in: structure and unfilled placeholders.

Each problem names where it is (the numbered heading, or 开头/结尾, and the paragraph) so the
writer can find it, and carries the text around it.

The checks themselves are rules of the proofreader (``proofread/structure.py``); this module
gives them in the form the export preflight has always used.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import pick
from .numbering import outline_markers
from .proofread import Finding, Location, check_speech as proofread
from .proofread.places import describe
from .proofread.structure import PLACEHOLDER
from .speech import Speech

__all__ = ["PLACEHOLDER", "Problem", "check_speech", "decorated_excerpt", "problem_from_finding"]

# Old problem codes → rule ids of the proofreader.
CODES = {
    "missing_title": "structure.missing-title",
    "lone_subsection": "structure.lone-subsection",
    "empty_section": "structure.empty-section",
    "empty_heading": "structure.empty-heading",
    "typed_number": "structure.typed-number",
    "empty_paragraph": "structure.empty-paragraph",
    "placeholder": "placeholder.unfilled",
}
_RULE_CODES = {rule: code for code, rule in CODES.items()}


@dataclass
class Problem:
    code: str   # lone_subsection, empty_section, empty_heading, typed_number, empty_paragraph, placeholder, …
    zh: str
    en: str
    where_zh: str
    where_en: str
    section_id: str | None = None
    container: str | None = None     # OPENING, CLOSING, a section id, or a head field name
    paragraph: int | None = None
    excerpt: str = ""

    @property
    def message(self) -> str:
        return pick(self.zh, self.en)

    @property
    def where(self) -> str:
        return pick(self.where_zh, self.where_en)


def decorated_excerpt(finding: Finding, text: str) -> str:
    """The excerpt with … where it cuts the text short (nothing for a finding on a section)."""
    if not finding.excerpt:
        return ""
    start = finding.location.offset - finding.excerpt_start
    end = start + len(finding.excerpt)
    return ("…" if start > 0 else "") + finding.excerpt + ("…" if end < len(text) else "")


def problem_from_finding(speech: Speech, finding: Finding, markers: dict[str, str]) -> Problem:
    loc: Location = finding.location
    code = _RULE_CODES.get(finding.rule, finding.rule)
    if finding.rule == "structure.lone-subsection":
        parent, _, _ = speech.locate(loc.container)
        where = describe(speech, Location(parent.id), markers) if parent else ("正文", "body")
    else:
        where = describe(speech, loc, markers)
    section_id = None if loc.container in ("title", "subtitle", "speaker", "date", "salutation",
                                           "opening", "closing") else loc.container
    container = loc.container if finding.rule not in (
        "structure.lone-subsection", "structure.empty-section", "structure.empty-heading",
        "structure.typed-number") else None
    if finding.rule == "structure.missing-title":
        container = "title"
    excerpt = ""
    if finding.rule == "placeholder.unfilled":
        from .proofread import unit_text
        excerpt = decorated_excerpt(finding, unit_text(speech, loc))
    return Problem(code, finding.zh, finding.en, *where, section_id=section_id,
                   container=container, paragraph=loc.paragraph, excerpt=excerpt)


def check_speech(speech: Speech, level3_style: str = "1.") -> list[Problem]:
    """The structural and placeholder problems of a speech (the rules ``check`` always had)."""
    markers = outline_markers(speech, level3_style)
    findings = proofread(speech, rules=list(CODES.values()), level3_style=level3_style,
                         include_ignored=True)
    return [problem_from_finding(speech, f, markers) for f in findings]
