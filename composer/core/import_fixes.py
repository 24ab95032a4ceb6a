"""The corrections a writer makes in the import preview, on a found speech before it is opened
or added to a library: a level up or down, a heading back into text.

They work on the preview's own copy of the speech (a ``FoundSpeech``), not on an open document,
so they are applied at once and need no undo stack; the preview can always import again from the
source.  Level changes use the outline operations (``operations.promote`` / ``demote``), so the
reading order never changes; the section's own level (``Outline.levels``) moves with it.
"""

from __future__ import annotations

from . import operations as ops
from .importer import FoundSpeech
from .edits import locate
from .speech import Section


def promote(found: FoundSpeech, section_id: str) -> None:
    """One level up (raises OperationError for a level-1 section)."""
    section = found.speech.find(section_id)
    ops.promote(found.speech, section_id).apply(found.speech)
    _shift(found, section, -1, children=False)


def demote(found: FoundSpeech, section_id: str) -> None:
    """One level down, under the previous sibling (raises OperationError without one)."""
    section = found.speech.find(section_id)
    ops.demote(found.speech, section_id).apply(found.speech)
    _shift(found, section, +1, children=True)


def heading_to_text(found: FoundSpeech, section_id: str) -> None:
    """Turn a heading back into body text: its marker and heading become a paragraph, which
    with its own paragraphs goes to the end of what precedes it in reading order (the previous
    section's last paragraphs, or the opening); its sub-sections take its place."""
    speech = found.speech
    section = speech.find(section_id)
    parent_id, index, _ = locate(speech, section_id)
    siblings = speech.children_of(parent_id)
    marker = found.outline.markers.pop(section_id, "")
    found.outline.levels.pop(section_id, None)
    text = marker + section.heading
    if section.run_in and section.paragraphs:
        moved = [text + ("。" if not text.endswith(("。", "！", "？")) else "") +
                 section.paragraphs[0], *section.paragraphs[1:]]
    else:
        moved = [text, *section.paragraphs]
    previous = _before(speech, section)
    (previous.paragraphs if previous is not None else speech.opening).extend(moved)
    siblings[index:index + 1] = section.children
    for child in section.children:
        _shift(found, child, -1, children=True)


def _before(speech, section: Section) -> Section | None:
    """The section that comes just before this one in reading order, or None."""
    previous = None
    for candidate, _ in speech.walk():
        if candidate is section:
            return previous
        previous = candidate
    return previous


def _shift(found: FoundSpeech, section: Section, delta: int, children: bool) -> None:
    depths = {s.id: depth for s, depth in found.speech.walk()}
    targets = section.walk() if children else iter([section])
    for target in targets:
        level = found.outline.levels.get(target.id, depths.get(target.id, 1))
        found.outline.levels[target.id] = min(max(level + delta, 1), 4)
