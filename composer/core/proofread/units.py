"""The pieces of text rules look at, and what they may know besides the text."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon

FIELD, HEADING, PARAGRAPH = "field", "heading", "paragraph"


@dataclass(frozen=True)
class Unit:
    """One piece of text: a head field, a section heading or a paragraph.

    Everything a text rule's result depends on is here, so (kind, field, run_in, text) is a
    complete cache key.
    """
    kind: str
    text: str
    field: str = ""          # the head field's name, for FIELD units
    run_in: bool = False     # for HEADING units: the heading runs into its first paragraph

    @property
    def key(self) -> tuple:
        return (self.kind, self.field, self.run_in, self.text)


@dataclass
class Context:
    """What the rules may know besides the text: the format profile's level-3 marker and the
    word lists.  Changing it means a new Proofreader (the cache depends on it)."""
    level3_style: str = "1."
    lexicon: Lexicon = field(default_factory=Lexicon)
