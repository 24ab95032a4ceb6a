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
from .finding import Finding, IgnoredKeys, Location, excerpt_of


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


def fix_edit(speech: Speech, finding: Finding, ignored: Iterable[Finding] = ()) -> Edit:
    """The edit that applies one finding's fix (not yet applied).

    ``ignored``: the findings the writer ignored (see :func:`fix_all_edit`)."""
    if finding.fix is None:
        raise OperationError("这一处没有可以自动修正的办法。", "There is no automatic fix for this.")
    text = unit_text(speech, finding.location)
    edit = _edit(speech, finding.location, _apply_fixes(text, [finding]))
    rekeyed = _rekey_ignored(speech, {_unit(finding): [finding]}, ignored)
    return edit if rekeyed is None else Batch([edit, rekeyed])


def fix_all_edit(speech: Speech, findings: Iterable[Finding],
                 ignored: Iterable[Finding] = ()) -> Batch:
    """One edit (one undo step) applying every fix among the findings (not yet applied).

    Findings without a fix are passed over; of two fixes that overlap, the later one wins.
    ``ignored``: the findings the writer ignored.  An ignored finding is remembered by the text
    around it, so a fix beside it (a comma four characters away) would bring it back; the edit
    remembers it by its new surroundings instead.
    """
    by_unit: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.fix is not None:
            by_unit.setdefault(_unit(f), []).append(f)
    edits: list[Edit] = []
    for fs in by_unit.values():
        location = fs[0].location
        edits.append(_edit(speech, location, _apply_fixes(unit_text(speech, location), fs)))
    rekeyed = _rekey_ignored(speech, by_unit, ignored)
    if rekeyed is not None:
        edits.append(rekeyed)
    return Batch(edits)


def _unit(finding: Finding) -> tuple:
    return finding.location.container, finding.location.paragraph


def _rekey_ignored(speech: Speech, fixes: dict[tuple, list[Finding]],
                   ignored: Iterable[Finding]) -> SetIgnored | None:
    """The ignored list with each ignored finding in a fixed unit keyed by its excerpt after the
    fixes (None when no key changes).  A finding the fixes overlap is left as it was."""
    renamed: dict[tuple[str, str], tuple[str, str]] = {}
    stored = speech_ignored(speech).stored
    for finding in ignored:
        fs = fixes.get(_unit(finding))
        if not fs or finding in fs:
            continue
        start, end = finding.location.offset, finding.location.offset + finding.location.length
        shift = 0
        for f in fs:
            f_start, f_end = f.location.offset, f.location.offset + f.location.length
            if f_end <= start:
                shift += len(f.fix or "") - (f_end - f_start)
            elif f_start < end:
                break                                  # overlapped: nothing to follow
        else:
            text = _apply_fixes(unit_text(speech, finding.location), fs)
            excerpt, _ = excerpt_of(text, start + shift, end + shift)
            # By the entry it is known by (typing beside it may have changed its excerpt).
            known = stored(finding.key) or (finding.rule, finding.excerpt)
            if excerpt != known[1]:
                renamed[known] = (finding.rule, excerpt)
    if not renamed:
        return None
    kept: list[IgnoredFinding] = []
    for item in speech.ignored:
        rule, excerpt = renamed.get((item.rule, item.excerpt), (item.rule, item.excerpt))
        if all((rule, excerpt) != (k.rule, k.excerpt) for k in kept):
            kept.append(IgnoredFinding(rule, excerpt))
    return SetIgnored(kept)


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
    """The edit that reports these (rule, excerpt) keys again (not yet applied): the ignored
    entries that stand for them, also where typing beside the finding changed its excerpt."""
    ignored = speech_ignored(speech)
    drop = {ignored.stored(key) for key in keys} - {None}
    return SetIgnored([i for i in speech.ignored if (i.rule, i.excerpt) not in drop])


def speech_ignored(speech: Speech) -> IgnoredKeys:
    """The (rule, excerpt) keys the writer chose to ignore, as stored in the speech."""
    return IgnoredKeys((item.rule, item.excerpt) for item in getattr(speech, "ignored", ()))
