"""Turning imported speeches into library snippets, without adding anything twice.

**What becomes a snippet.**  From each speech: the salutation; each opening paragraph; every
section at every level (its heading without the number, its paragraphs and its sub-sections, so
that a whole 一、 can be inserted at once); each body paragraph of every section on its own (level
段落, for dropping into a section of one's own); each closing paragraph.  The source is the file
name and the speech's title.

**Ids** are stable: ``<prefix>-<10 hex digits>`` from a hash of the snippet's level and text, so
rebuilding a library from the same sources gives the same ids, and a snippet keeps its id when
other sources are added.

**Duplicates.**  A snippet is not added when the library already holds one of the same level that
it nearly repeats (``near_duplicates``: Jaccard ≥ 0.7 over 4-character shingles, punctuation
ignored).  The first one seen is kept.  Each paragraph's text is sketched once; a section's
sketch is merged from its heading's, paragraphs' and sub-sections', so building a library costs
about one pass over its text however deep the outline.  A speech that nearly repeats an earlier one (篇八 ≈ 篇五)
may also cut a paragraph differently; its snippets whose text lies (≥ 90 % of their shingles)
inside the earlier speech are skipped too, since that text is in the library already.

**Kinds**, from position first, then key phrases:

* salutation → 称呼; opening paragraphs → 开头; closing paragraphs → 结尾.
* A heading saying that something *is* a requirement, need, measure or guarantee
  (「创建……是……的客观要求」「……的重要举措」「……的主要抓手」) → 意义: that is how speeches argue
  significance.
* Otherwise each kind has key phrases (``KEY_PHRASES``); the kind with most phrases in the
  heading wins.  Ties, and level-1 headings with no phrase at all, go by position among the
  level-1 sections — the usual order of a 动员 speech is 意义 → 措施 → 要求 — so the first
  prefers 意义, the last 要求, the others 措施.
* A sub-section with no phrase of its own, and every body paragraph, takes its section's kind.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .library import PARAGRAPH, Snippet
from .near_duplicates import NearDuplicateIndex, Sketch, TextSketches, fingerprint, shingles
from .speech import Section, Speech

KEY_PHRASES: dict[str, tuple[str, ...]] = {
    "意义": ("意义", "认识", "重要性", "必要性", "紧迫性", "统一思想", "内涵"),
    "形势": ("形势", "现状", "成绩", "差距", "回顾", "基础", "信心", "机遇", "挑战"),
    "目标": ("目标", "指导思想", "总体要求", "总体思路", "思路"),
    "任务": ("任务", "内容", "重点", "工作安排"),
    "措施": ("措施", "举措", "抓好", "开展", "推进", "扎实", "实施", "活动", "健全", "完善",
           "规范", "建设"),
    "要求": ("要求", "领导", "组织", "保障", "责任", "督查", "督导", "考核", "宣传", "氛围",
           "纪律"),
}
_SIGNIFICANCE = re.compile(
    r"是.{2,60}(要求|需要|举措|途径|保证|保障|抓手|体现|标志|载体|基础|关键|前提)$")
CONTAINED = 0.9
_INSIDE_EARLIER = "(inside an earlier speech)"
_POSITION_PREFERENCE = {"first": "意义", "middle": "措施", "last": "要求"}


def kind_of_heading(heading: str, position: str | None = None) -> str:
    """The kind a heading's key phrases give; position ("first", "middle", "last" among the
    level-1 sections) breaks ties and decides when no phrase matches (returns "" then without
    a position)."""
    if _SIGNIFICANCE.search(heading.rstrip("。")):
        return "意义"
    scores = {kind: sum(phrase in heading for phrase in phrases)
              for kind, phrases in KEY_PHRASES.items()}
    best = max(scores.values())
    preferred = _POSITION_PREFERENCE.get(position or "", "")
    if best == 0:
        return preferred
    tied = [kind for kind, score in scores.items() if score == best]
    return preferred if preferred in tied else tied[0]


@dataclass
class BuildResult:
    added: list[Snippet] = field(default_factory=list)
    skipped: int = 0


class LibraryBuilder:
    """Collects snippets from speeches, skipping near duplicates of snippets already held."""

    def __init__(self, existing: list[Snippet] | None = None, id_prefix: str = "imp",
                 sketches: TextSketches | None = None):
        self.id_prefix = id_prefix
        self._ids: set[str] = set()
        self._snippets: dict[str, Snippet] = {}
        self._index: dict[int, NearDuplicateIndex[str]] = {}
        self._sketches = sketches if sketches is not None else TextSketches()
        for snippet in existing or []:
            self._ids.add(snippet.id)
            self._snippets[snippet.id] = snippet
            parts = _parts(snippet)
            self._index_for(snippet.level).add("\n".join(parts), snippet.id,
                                               self._sketches.of_parts(parts)[1])

    def add_speech(self, speech: Speech, source_file: str,
                   near_copy_of: Speech | None = None) -> BuildResult:
        """Add a speech's snippets; near_copy_of is an earlier speech this one nearly repeats."""
        result = BuildResult()
        original: list[frozenset[str]] = []      # the earlier speech's shingles, when needed
        title = speech.title
        candidates: list[tuple[Snippet, tuple[str, Sketch]]] = []
        sketches = self._sketches

        def make(level: int, kind: str, heading: str = "", paragraphs=(), children=(),
                 run_in: bool = False, section: Section | None = None):
            summary = (_tree(sketches, section) if section is not None
                       else sketches.of_parts([heading, *paragraphs]))
            candidates.append((Snippet("", level, heading, list(paragraphs),
                                       [c.copy() for c in children], kind, [],
                                       source_file, title, run_in), summary))

        if speech.salutation:
            make(PARAGRAPH, "称呼", paragraphs=[speech.salutation])
        for text in speech.opening:
            make(PARAGRAPH, "开头", paragraphs=[text])
        count = len(speech.body)
        for number, section in enumerate(speech.body):
            position = "first" if number == 0 else "last" if number == count - 1 else "middle"
            self._section(section, 1 + section.skip, kind_of_heading(section.heading, position),
                          make)
        for text in speech.closing:
            make(PARAGRAPH, "结尾", paragraphs=[text])

        for snippet, (print_, own) in candidates:
            text = _full_text(snippet)
            index = self._index_for(snippet.level)
            if index.find(text, own) is not None:
                result.skipped += 1
                continue
            if near_copy_of is not None:
                if not original:
                    original.append(shingles(fingerprint(speech_text(near_copy_of))))
                if _inside(text, original[0]):
                    index.alias(text, _INSIDE_EARLIER)   # skipped at once when seen again
                    result.skipped += 1
                    continue
            snippet.id = self._new_id(snippet.level, print_)
            self._snippets[snippet.id] = snippet
            index.add(text, snippet.id, own)
            self._ids.add(snippet.id)
            result.added.append(snippet)
        return result

    def _section(self, section: Section, level: int, kind: str, make) -> None:
        make(level, kind, section.heading, section.paragraphs, section.children, section.run_in,
             section)
        for text in section.paragraphs:
            make(PARAGRAPH, kind, paragraphs=[text])
        for child in section.children:
            self._section(child, level + 1 + child.skip, kind_of_heading(child.heading) or kind,
                          make)

    def _index_for(self, level: int) -> NearDuplicateIndex[str]:
        if level not in self._index:
            self._index[level] = NearDuplicateIndex(
                text_of=lambda key: _full_text(self._snippets[key]))
        return self._index[level]

    def _new_id(self, level: int, print_: str) -> str:
        """An id from the level and the text's fingerprint (stable across rebuilds)."""
        digest = hashlib.blake2b(f"{level}\n{print_}".encode(),
                                 digest_size=5).hexdigest()
        snippet_id = f"{self.id_prefix}-{digest}"
        n = 2
        while snippet_id in self._ids:
            snippet_id = f"{self.id_prefix}-{digest}-{n}"
            n += 1
        return snippet_id


def _inside(text: str, container: frozenset[str]) -> bool:
    own = shingles(fingerprint(text))
    return bool(own) and len(own & container) >= CONTAINED * len(own)


def _parts(snippet: Snippet) -> list[str]:
    parts = [snippet.heading, *snippet.paragraphs]
    for child in snippet.children:
        for section in child.walk():
            parts.append(section.heading)
            parts.extend(section.paragraphs)
    return parts


def _full_text(snippet: Snippet) -> str:
    return "\n".join(_parts(snippet))


def _tree(sketches: TextSketches, section: Section) -> tuple[str, Sketch]:
    """A section's fingerprint and sketch, built from its sub-sections' (remembered by id)."""
    return sketches.of_tree(section.id, [section.heading, *section.paragraphs],
                            [_branch(child) for child in section.children])


def _branch(section: Section):
    return (section.id, [section.heading, *section.paragraphs],
            [_branch(child) for child in section.children])


def speech_text(speech: Speech) -> str:
    """All the words of a speech, for comparing speeches."""
    parts = [speech.title, speech.subtitle, speech.salutation, *speech.opening]
    for section, _ in speech.walk():
        parts.append(section.heading)
        parts.extend(section.paragraphs)
    parts.extend(speech.closing)
    return "\n".join(parts)


def _body_parts(speech: Speech) -> list[str]:
    # The title is left out: 「……篇四」 and 「……篇七」 are the same speech.
    parts = [*speech.opening]
    for section, _ in speech.walk():
        parts.append(section.heading)
        parts.extend(section.paragraphs)
    parts.extend(speech.closing)
    return parts


def speech_duplicates(speeches: list[Speech],
                      sketches: TextSketches | None = None) -> list[int | None]:
    """For each speech, the index of an earlier one it nearly repeats, or None."""
    sketches = sketches if sketches is not None else TextSketches()
    index: NearDuplicateIndex[int] = NearDuplicateIndex(
        text_of=lambda number: "\n".join(_body_parts(speeches[number])))
    result: list[int | None] = []
    for number, speech in enumerate(speeches):
        own = sketches.of_parts([*speech.opening, *speech.closing],
                                [_tree(sketches, section) for section in speech.body])[1]
        result.append(index.find_or_add("\n".join(_body_parts(speech)), number, own))
    return result
