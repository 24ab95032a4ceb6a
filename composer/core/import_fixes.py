"""The corrections a writer makes in the import preview, on a found speech before it is opened
or added to a library: a level up or down, a heading back into text.

They work on the preview's own copy of the speech (a ``FoundSpeech``), not on an open document,
so they are applied at once and need no undo stack; the preview can always import again from the
source.  Level changes use the outline operations (``operations.promote`` / ``demote``), so the
reading order never changes and a level changes by exactly one (a section that skips a level
below its parent, such as an outermost （一）, is promoted in place to 一、).
"""

from __future__ import annotations

from . import operations as ops
from .importer import FoundSpeech
from .edits import locate
from .speech import Section


def promote(found: FoundSpeech, section_id: str) -> None:
    """One level up (raises OperationError for a level-1 section)."""
    ops.promote(found.speech, section_id).apply(found.speech)


def demote(found: FoundSpeech, section_id: str) -> None:
    """One level down, under the previous sibling or in place (raises OperationError below
    level 4)."""
    ops.demote(found.speech, section_id).apply(found.speech)


def heading_to_text(found: FoundSpeech, section_id: str) -> None:
    """Turn a heading back into body text: its marker and heading become a paragraph, which
    with its own paragraphs goes to the end of what precedes it in reading order (the previous
    section's last paragraphs, or the opening); its sub-sections take its place, at its level
    (each keeps the levels it skipped below it)."""
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
        child.skip += section.skip


def _before(speech, section: Section) -> Section | None:
    """The section that comes just before this one in reading order, or None."""
    previous = None
    for candidate, _ in speech.walk():
        if candidate is section:
            return previous
        previous = candidate
    return previous
