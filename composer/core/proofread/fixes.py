"""Fixes as core edits: each one a SetParagraph or SetField, built but not applied; and the
edit that ignores findings (SetIgnored).

The caller (the 检查 panel's 修正 / 全部修正, through the undo stack) applies the edit; applying
it returns the inverse, as every edit in ``operations.py`` does.  A fix is refused when the text
at the finding's place is no longer what was found (the speech changed since the check).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .. import operations
from ..edits import Batch, Changes, Edit
from ..errors import OperationError
from ..speech import HEAD_FIELDS, IgnoredFinding, Speech
from .finding import Finding, Location


def unit_text(speech: Speech, location: Location) -> str:
    """The text a location points into (raises OperationError when it is gone)."""
    try:
        if location.container in HEAD_FIELDS:
            return getattr(speech, location.container)
        if location.paragraph is None:
            return speech.find(location.container).heading
        return speech.paragraphs_of(location.container)[location.paragraph]
    except (KeyError, IndexError):
        raise _changed() from None


def _changed() -> OperationError:
    return OperationError("这处文字已经改动，请重新检查。",
                          "The text there has changed since the check; check again.")


def _edit(speech: Speech, location: Location, text: str) -> Edit:
    """The operation's own edit (validated, not applied): SetField or SetParagraph."""
    if location.container in HEAD_FIELDS:
        return operations.set_head_field(speech, location.container, text)
    if location.paragraph is None:
        return operations.set_heading(speech, location.container, text)
    return operations.set_paragraph(speech, location.container, location.paragraph, text)


def _apply_fixes(text: str, findings: list[Finding]) -> str:
    """Replace the spans from last to first so earlier offsets stay valid; overlaps are skipped."""
    out = text
    limit = len(text) + 1
    for f in sorted(findings, key=lambda f: f.location.offset, reverse=True):
        start, end = f.location.offset, f.location.offset + f.location.length
        if end > limit:
            continue
        if out[start:end] != f.text:
            raise _changed()
        out = out[:start] + (f.fix or "") + out[end:]
        limit = start
    return out


def fix_edit(speech: Speech, finding: Finding) -> Edit:
    """The edit that applies one finding's fix (not yet applied)."""
    if finding.fix is None:
        raise OperationError("这一处没有可以自动修正的办法。", "There is no automatic fix for this.")
    text = unit_text(speech, finding.location)
    return _edit(speech, finding.location, _apply_fixes(text, [finding]))


def fix_all_edit(speech: Speech, findings: Iterable[Finding]) -> Batch:
    """One edit (one undo step) applying every fix among the findings (not yet applied).

    Findings without a fix are passed over; of two fixes that overlap, the later one wins.
    """
    by_unit: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.fix is not None:
            by_unit.setdefault((f.location.container, f.location.paragraph), []).append(f)
    edits: list[Edit] = []
    for fs in by_unit.values():
        location = fs[0].location
        edits.append(_edit(speech, location, _apply_fixes(unit_text(speech, location), fs)))
    return Batch(edits)


@dataclass
class SetIgnored(Edit):
    """Replace the speech's list of ignored findings (忽略 and 取消忽略), as one undo step.

    Nothing the views show changes; the edit still goes through the undo stack so that the
    document counts as modified and the list is saved with the speech.
    """
    ignored: list[IgnoredFinding]

    def apply(self, speech: Speech) -> SetIgnored:
        old = list(speech.ignored)
        speech.ignored = list(self.ignored)
        return SetIgnored(old)

    def changes(self) -> Changes:
        return Changes()


def ignore_edit(speech: Speech, findings: Iterable[Finding]) -> SetIgnored:
    """The edit that ignores these findings from now on (not yet applied)."""
    ignored = list(speech.ignored)
    known = {(i.rule, i.excerpt) for i in ignored}
    for finding in findings:
        if finding.key not in known:
            known.add(finding.key)
            ignored.append(IgnoredFinding(*finding.key))
    return SetIgnored(ignored)


def unignore_edit(speech: Speech, keys: Iterable[tuple[str, str]]) -> SetIgnored:
    """The edit that reports these (rule, excerpt) keys again (not yet applied)."""
    drop = set(keys)
    return SetIgnored([i for i in speech.ignored if (i.rule, i.excerpt) not in drop])


def speech_ignored(speech: Speech) -> frozenset[tuple[str, str]]:
    """The (rule, excerpt) keys the writer chose to ignore, as stored in the speech."""
    return frozenset((item.rule, item.excerpt) for item in getattr(speech, "ignored", ()))
