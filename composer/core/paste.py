"""Text pasted into a section of the speech, through the import pipeline.

Plain paragraphs go in at the cursor, as typed text would.  When the pasted text holds headings
(「三、加强领导」 copied from another speech), they become sections — the decision issue 12 asked
for:

* the text before the first pasted heading goes in at the cursor, in the section being edited;
* each pasted heading becomes a new section right after that section's own text, at the level its
  marker says: under the nearest section of the edited one's ancestors (itself included) that is
  of a higher level, right after the branch the edited section is in (a 「三、」 pasted into a
  level-2 section becomes a level-1 section after the level-1 section it belongs to; a 「（三）」
  pasted into a level-1 section becomes its first sub-section; a 「1.」 pasted into a level-1
  section becomes its first sub-section at level 3, skipping the （一） level as the pasted text
  did — the proofreader says so), each further heading placed relative to the one before it;
* pasted into the opening, the headings go to the start of the body; into the closing, to its end,
  each at its marker's level;
* sub-headings and paragraphs under a pasted heading stay under it, at their levels.

The whole insertion is one edit (``Batch``), so one undo takes it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cleanup import clean_text
from .edits import Batch, Edit, InsertSection
from .errors import OperationError
from .operations import insert_section
from .speech import CLOSING, MAX_LEVEL, OPENING, Section, Speech
from .structure import Outline, outline_of


@dataclass
class PastePlan:
    paragraphs: list[str] = field(default_factory=list)     # before the first heading
    sections: list[Section] = field(default_factory=list)   # the pasted headings, with their own
    outline: Outline = field(default_factory=Outline)       # levels in outline.levels


def plan_paste(text: str) -> PastePlan:
    paragraphs, body, outline = outline_of(clean_text(text).paragraphs)
    return PastePlan(paragraphs, body, outline)


def paste_sections(speech: Speech, container: str, plan: PastePlan) -> Edit:
    """The edit inserting the plan's sections after the container (a section id, OPENING or
    CLOSING); raises OperationError when a pasted heading would go below level 4.

    The pasted sections' own skips (``Section.skip``, from the fragment, whose top is level 0)
    are set here to fit where each lands."""
    if container in (OPENING, CLOSING):
        start = 0 if container == OPENING else len(speech.body)
        edits: list[Edit] = [insert_section(speech, section, None, start + i)
                             for i, section in enumerate(plan.sections)]
        return Batch(edits)
    # The edited section and its ancestors, outermost first, each with its level; the edited
    # section's own sub-sections come after the pasted ones.
    chain = _chain(speech, container)
    edited = len(chain)
    placed: list[tuple[Section | None, int, Section]] = []
    try:
        for section in plan.sections:
            level = plan.outline.levels.get(section.id, section.skip + 1)
            holder = len(chain)
            while holder and chain[holder - 1][1] >= level:
                holder -= 1
            parent, parent_level = chain[holder - 1] if holder else (None, 0)
            if holder == len(chain):
                index = 0 if holder == edited else len(_children(speech, parent))
            else:
                index = _children(speech, parent).index(chain[holder][0]) + 1
            section.skip = level - parent_level - 1
            if parent_level + section.height() > MAX_LEVEL:
                raise OperationError("粘贴的标题层级太深，超过了四级。",
                                     "The pasted headings go deeper than level 4.")
            placed.append((parent, index, section))
            # The next heading is placed relative to this one: try it in the tree meanwhile.
            _children(speech, parent).insert(index, section)
            chain = chain[:holder] + [(section, level)]
            edited = min(edited, holder)
    finally:
        for owner, _, section in reversed(placed):
            _children(speech, owner).remove(section)
    # Applied in order, each insertion finds the tree as the trial left it.
    return Batch([InsertSection(owner.id if owner is not None else None, index, section)
                  for owner, index, section in placed])


def _chain(speech: Speech, section_id: str) -> list[tuple[Section, int]]:
    def walk(sections, path, parent_level):
        for section in sections:
            level = parent_level + 1 + section.skip
            if section.id == section_id:
                return path + [(section, level)]
            found = walk(section.children, path + [(section, level)], level)
            if found:
                return found
        return None
    found = walk(speech.body, [], 0)
    if found is None:
        raise OperationError("找不到这个标题。", "This section is not in the speech.")
    return found


def _children(speech: Speech, parent: Section | None) -> list[Section]:
    return speech.body if parent is None else parent.children


