"""The word lists the proofreader matches: the bundled confusion list and the office's lists.

Reading the files is ``composer/io/proofread_lists.py``'s job; this module holds what they
contain and builds the indexes the rules scan with.

The office's lists (规范表述, banned and cautioned words, leaders) are maintained by the office
as YAML files in the user's data folder and in shared library folders; several files are merged
in the order they are loaded, the first entry for a phrase winning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import PhraseIndex


@dataclass(frozen=True)
class Correction:
    """A wrong form and what to write instead (``right`` None when there are several)."""
    wrong: str
    right: str | None
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class Term:
    word: str
    note: str = ""
    instead: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Leader:
    name: str
    titles: tuple[str, ...]     # 「局党组书记、局长」 → ("局党组书记", "局长")
    rank: int                    # position in the office's list, 0 first


def split_titles(text: str) -> tuple[str, ...]:
    """「局党组书记、局长」 → ("局党组书记", "局长"); spaces and commas separate as well."""
    out: list[str] = []
    for part in text.replace("，", "、").replace(",", "、").replace("\u3000", "、").split("、"):
        part = part.strip()
        if part:
            out.append(part)
    return tuple(out)


def parse_confusions(text: str, source: str = "") -> list[Correction]:
    """Lines of ``wrong<TAB or spaces>right`` ; ``#`` starts a comment; several rights are
    separated by commas (then no fix is offered)."""
    out: list[Correction] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        rights = [r for r in parts[1].split(",") if r]
        out.append(Correction(parts[0], rights[0] if len(rights) == 1 else None,
                              "、".join(rights) if len(rights) > 1 else "", source))
    return out


@dataclass
class Lexicon:
    """Everything the word rules look up, indexed once."""
    confusions: PhraseIndex[Correction] = field(default_factory=PhraseIndex)
    expressions: PhraseIndex[Correction] = field(default_factory=PhraseIndex)
    banned: PhraseIndex[Term] = field(default_factory=PhraseIndex)
    cautioned: PhraseIndex[Term] = field(default_factory=PhraseIndex)
    leaders: PhraseIndex[Leader] = field(default_factory=PhraseIndex)
    titles: PhraseIndex[str] = field(default_factory=PhraseIndex)   # every leader title known
    sources: list[str] = field(default_factory=list)                # files the lists came from
    _combined: dict[str, list[tuple[str, str, Any]]] | None = field(default=None, repr=False)
    _last: tuple[str, list] = field(default=("", []), repr=False)

    _KINDS = ("confusions", "expressions", "banned", "cautioned", "leaders")

    def scan(self, text: str) -> list[tuple[str, int, str, Any]]:
        """(kind, at, phrase, payload) of every list, in one pass over the text.

        Each list on its own gives what ``PhraseIndex.find`` gives (longest first, no overlaps
        within a list); going over the text once for all five lists is what keeps a recheck
        cheap.  The last text's result is kept, since two rule families ask for it in turn.
        """
        if self._last[0] == text and text:
            return self._last[1]
        if self._combined is None:
            combined: dict[str, list[tuple[str, str, Any]]] = {}
            for kind in self._KINDS:
                for phrase, payload in getattr(self, kind).phrases():
                    combined.setdefault(phrase[0], []).append((phrase, kind, payload))
            for bucket in combined.values():
                bucket.sort(key=lambda item: -len(item[0]))
            self._combined = combined
        by_first = self._combined
        out: list[tuple[str, int, str, Any]] = []
        free = dict.fromkeys(self._KINDS, 0)      # where each list may match next
        for i, ch in enumerate(text):
            candidates = by_first.get(ch)
            if candidates is None:
                continue
            taken: set[str] = set()
            for phrase, kind, payload in candidates:
                if kind in taken or i < free[kind] or not text.startswith(phrase, i):
                    continue
                taken.add(kind)
                out.append((kind, i, phrase, payload))
                free[kind] = i + len(phrase)
        self._last = (text, out)
        return out

    @classmethod
    def build(cls, confusions=(), expressions=(), banned=(), cautioned=(),
              leaders: list[tuple[str, str]] | tuple = (), sources=()) -> Lexicon:
        lexicon = cls(sources=list(sources))
        for c in confusions:
            lexicon.confusions.add(c.wrong, c)
        for c in expressions:
            lexicon.expressions.add(c.wrong, c)
        for t in banned:
            lexicon.banned.add(t.word, t)
        for t in cautioned:
            lexicon.cautioned.add(t.word, t)
        for rank, (name, titles) in enumerate(leaders):
            leader = Leader(name, split_titles(titles), rank)
            lexicon.leaders.add(name, leader)
            for title in leader.titles:
                lexicon.titles.add(title, title)
        return lexicon
