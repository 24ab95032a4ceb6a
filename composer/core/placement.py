"""Where a library snippet lands when it is inserted next to the current selection.

Used by double-click, Enter and by dropping a snippet *onto* an outline row (a drop *between*
rows names its place exactly).  The rule: the snippet lands after the current section, at the
snippet's own level —

* a snippet of the current section's level, or higher, goes after the current section's
  ancestor at that level (a 一级 snippet with a （二） selected goes after its 一、);
* a deeper snippet goes under the current section, after everything already there, following
  the last sub-section down to the level it asks for (a level-2 snippet dropped onto a level-1
  section becomes its last child);
* when there are not enough levels to reach the snippet's own level, it lands at the closest
  level it can take.

Where the sections at the place skip levels (``Section.skip``: the outermost headings of a speech
that starts at （一）, a 1. list straight under 一、), a snippet of their level takes their level
(``skip_at``); an insertion never makes a skip that is not already there.

Selecting 讲稿信息 or 开头 puts it first in the body; 结尾 or nothing selected puts it last.
Body-text snippets (level PARAGRAPH) add their paragraphs to the selected section, opening or
closing.  The outline model and the window share it; it is tested without Qt.
"""

from __future__ import annotations

from .library import PARAGRAPH
from .speech import CLOSING, HEAD, OPENING, Speech

__all__ = ["HEAD", "is_paragraph_level", "nearest_after_removal", "nearest_candidates",
           "neighbour_skip", "paragraph_container", "section_place", "skip_at"]


def section_place(speech: Speech, level: int, current: str | None) -> tuple[str | None, int]:
    """(parent id, index) for a section snippet of a level 1–4 inserted near ``current``.

    ``current`` is a section id, HEAD, OPENING, CLOSING or None.
    """
    if current in (HEAD, OPENING):
        return None, 0
    if current is None or current == CLOSING:
        return None, len(speech.body)
    try:
        parent, index, current_level = speech.locate(current)
    except KeyError:
        return None, len(speech.body)
    if level <= current_level:
        # Climb from the current section to its outermost ancestor (itself included) at the
        # snippet's level or below: the snippet goes after it, under its parent.
        section_id = current
        while parent is not None and speech.locate(parent.id)[2] >= level:
            section_id = parent.id
            parent = speech.locate(section_id)[0]
        parent, index, _ = speech.locate(section_id)
        return (parent.id if parent else None), index + 1
    target = speech.find(current)
    target_level = current_level
    while target.children and target_level + 1 + target.children[-1].skip < level:
        target = target.children[-1]
        target_level += 1 + target.skip
    return target.id, len(target.children)


def skip_at(speech: Speech, parent_id: str | None, level: int) -> int:
    """The skip a section of ``level`` takes among ``parent_id``'s children: what reaches its
    level, when a section there already skips as much; else 0 (the closest level it can take)."""
    parent_level = 0 if parent_id is None else speech.locate(parent_id)[2]
    skip = level - parent_level - 1
    if skip > 0 and any(s.skip == skip for s in speech.children_of(parent_id)):
        return skip
    return 0


def neighbour_skip(speech: Speech, parent_id: str | None, index: int) -> int:
    """The skip of a new section at ``index`` among ``parent_id``'s children when its place, not
    a level, decides (a new heading, a drop between two rows): its neighbour's — the section
    before it, else the one after it — so that it is at their level."""
    siblings = speech.children_of(parent_id)
    if index > 0 and siblings:
        return siblings[min(index, len(siblings)) - 1].skip
    return siblings[0].skip if siblings else 0


def paragraph_container(speech: Speech, current: str | None) -> str:
    """The paragraph list that a body-text snippet is added to."""
    if current in (OPENING, CLOSING):
        return current
    if current not in (None, HEAD):
        try:
            speech.locate(current)
            return current
        except KeyError:
            pass
    return OPENING


def is_paragraph_level(level: int) -> bool:
    return level == PARAGRAPH


def nearest_after_removal(speech: Speech, section_id: str) -> str:
    """What to select once a section is gone: the next section at its level, else the previous,
    else its parent, else the opening."""
    return nearest_candidates(speech, section_id)[0]


def nearest_candidates(speech: Speech, section_id: str) -> list[str]:
    """What to select once a section is gone, best first: the following sections at its level,
    the ones before it (nearest first), its ancestors, the opening.  An edit may remove several
    sections at once (an undone insertion of a section with its neighbours, a cut): the first
    candidate that is still there is the nearest survivor."""
    parent, index, _ = speech.locate(section_id)
    siblings = parent.children if parent else speech.body
    candidates = [s.id for s in siblings[index + 1:]] + [s.id for s in reversed(siblings[:index])]
    while parent is not None:
        candidates.append(parent.id)
        ancestor = speech.locate(parent.id)[0]
        parent = ancestor
    candidates.append(OPENING)
    return candidates
