"""Similar paragraphs: the library snippets closest to a section's text, "another way to say
this" — without a language model.

**What is compared.**  Texts are reduced as for 查重 (``near_duplicates.fingerprint``: Han
characters, letters, digits) to the set of their character *pairs* — most Chinese words are one
or two characters, so a pair is about a word.  Two texts are close when they share many words,
and the rare ones count most: each pair is weighted by its inverse document frequency in the
library (``log(1 + N / df)``), and the score is the cosine of the two weighted sets.  The
4-character shingles of 查重 measure copied *phrases*; another draft's way of saying the same
thing shares words, not phrases.  Measured on the bundled library against the example speech:
for 「（一）加强组织领导」 the other drafts' sections on 加强领导 (篇一's 「加强领导、精心组织……」,
篇二's 「加强领导，强化措施……」) have a shingle Jaccard of 0.02 — no more than a dozen unrelated
snippets — but are listed by pairs, after 篇一's paragraph on its 指导委员会 and 办公室 (the
snippets above those hold the section's own text and are left out).

**What is not shared content.**  A library is a few hundred snippets on one subject, so its own
frequencies cannot tell the pairs of any long Chinese text (「领导」「落实」「我们」 and hundreds of
pairs across word boundaries) from those that carry a section's meaning: rare in a library of
文明创建 speeches, they let a text on anything else share hundreds of them with the longest
snippets.  Mao's 「两类不同性质的矛盾」 got eight 文明单位 snippets, the first at 0.064, above most
real paraphrases.  So the pairs common in official prose at large (``common_pairs``: those in a
third of 29 real documents, ``resources/similar/build.py``) are dropped from every text, and a
snippet is listed only from ``MIN_SCORE`` on.  Measured (``bench/bench_similar.py``,
``tests/core/similar_measure.py``): of the sections of 21 other real documents (held out from
the list), 9 of 284 get anything (before: 268); every section of the example still finds the
snippet it was made from first, and all but one get 1–7 others (before: 8 each, the most shown).

**What is left out.**  The snippets the section already says: those the section was inserted
from (its ``snippets``), and any of which 80 % is in the section's text or which holds 80 % of
it (the 查重 measure, ``archive.THRESHOLD``, on 4-character shingles).

**The index.**  A :class:`~composer.core.hash_table.HashTable` of (pair hash, snippet) — the
table 查重 keeps for anchors — so a pair's document frequency is the width of its span.  Pairs
held by more than ``COMMON`` of the snippets (「文明」「工作」 in a library of 文明创建 speeches;
at least ``FOLLOWED``) weigh little and cost most: they count in the norms but are not followed.  Built once per
library (``bench/bench_similar.py``: time and memory for 10,000 snippets).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .archive import THRESHOLD as SAME
from .common_pairs import COMMON_PAIRS
from .hash_table import HashTable, pair, release
from .library import Snippet
from .near_duplicates import fingerprint, shingle_hashes, shingles
from .speech import Section

GRAM = 2
COMMON = 0.05        # a pair held by more than this share of the snippets is not followed …
FOLLOWED = 50        # … unless it is held by this many or fewer (a small library)
SHOWN = 8
MIN_SCORE = 0.045    # below this, what is shared is what unrelated texts share (bench_similar)


# The hashes of the pairs common in Chinese prose at large (see the module's docstring).
_COMMON = frozenset(h for p in COMMON_PAIRS for h in shingle_hashes(p, GRAM))


def grams(text: str) -> set[int]:
    """The text's character pairs, less those common in any Chinese prose."""
    return set(shingle_hashes(fingerprint(text), GRAM)) - _COMMON


def snippet_text(snippet: Snippet) -> str:
    """A snippet's whole text: heading, paragraphs, sub-sections."""
    parts = [snippet.heading, *snippet.paragraphs]
    for child in snippet.children:
        for section in child.walk():
            parts.append(section.heading)
            parts.extend(section.paragraphs)
    return "\n".join(parts)


def section_text(section: Section) -> str:
    """A section's whole text, with its sub-sections (what moves with it)."""
    parts = []
    for part in section.walk():
        parts.append(part.heading)
        parts.extend(part.paragraphs)
    return "\n".join(parts)


@dataclass(frozen=True)
class Similar:
    snippet: Snippet
    score: float         # the cosine of the weighted pairs, 0–1


class SimilarSnippets:
    """The library's snippets, ready to be asked which are closest to a text."""

    def __init__(self, snippets: Iterable[Snippet]):
        self.snippets = list(snippets)
        frequency: Counter[int] = Counter()
        pairs: list[int] = []
        held = []
        for number, snippet in enumerate(self.snippets):
            own = grams(snippet_text(snippet))
            held.append(own)
            frequency.update(own)
            pairs.extend(pair(value, number) for value in own)
        self.table = HashTable(pairs)
        count = len(self.snippets)
        self.common = max(COMMON * count, FOLLOWED)
        # Each pair's weight squared, then each snippet's norm.
        self._weight2 = {value: math.log(1 + count / df) ** 2 for value, df in frequency.items()}
        self._unseen2 = math.log(1 + count) ** 2 if count else 0.0
        weight2 = self._weight2.__getitem__
        self._norms = [math.sqrt(sum(map(weight2, own))) for own in held]
        release(pairs)   # see hash_table.release
        release(held, piece=500)   # sets of a hundred pairs or so each
        release(frequency)

    def __len__(self) -> int:
        return len(self.snippets)

    def similar(self, text: str, exclude: Iterable[str] = (), count: int = SHOWN,
                leave_out_same: bool = True) -> list[Similar]:
        """The snippets closest to the text, best first, leaving out the snippets with the ids
        in ``exclude`` and (unless ``leave_out_same`` is false: measuring) those that are the
        text itself (see the module's docstring)."""
        own = grams(text)
        if not own or not self.snippets:
            return []
        weight2 = self._weight2
        norm = math.sqrt(sum(weight2.get(value, self._unseen2) for value in own))
        scores: dict[int, float] = {}
        table, common = self.table, self.common
        for value in own:
            low, high = table.span(value)
            if not low < high or high - low > common:
                continue
            weight = weight2[value]
            for number in table.items(low, high):
                scores[number] = scores.get(number, 0.0) + weight
        excluded = set(exclude)
        ranked = sorted(((dot / (norm * self._norms[n]), n) for n, dot in scores.items()
                         if self._norms[n]), reverse=True)
        found: list[Similar] = []
        phrases: tuple[str, frozenset[str]] | None = None
        for score, number in ranked:
            if score < MIN_SCORE or len(found) == count:
                break
            snippet = self.snippets[number]
            if snippet.id in excluded:
                continue
            if leave_out_same:
                if phrases is None:
                    phrases = _phrases(text)
                if _same_text(phrases, _phrases(snippet_text(snippet))):
                    continue
            found.append(Similar(snippet, score))
        return found


def _phrases(text: str) -> tuple[str, frozenset[str]]:
    print_ = fingerprint(text)
    return print_, shingles(print_)


def _same_text(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """80 % of one in the other, by 4-character shingles; a text too short to have any is
    the same as a text that holds it (「同志们：」)."""
    (print_a, a_set), (print_b, b_set) = a, b
    if not a_set or not b_set:
        return bool(print_a and print_b) and (print_a in print_b or print_b in print_a)
    shared = len(a_set & b_set)
    return shared >= SAME * len(a_set) or shared >= SAME * len(b_set)


def similar_to_section(index: SimilarSnippets, section: Section,
                       count: int = SHOWN) -> list[Similar]:
    return index.similar(section_text(section), section.snippets, count)


def similar_to_paragraphs(index: SimilarSnippets, paragraphs: Sequence[str],
                          inserted: Iterable[str] = (), count: int = SHOWN) -> list[Similar]:
    """For the opening or the closing: their paragraphs together."""
    return index.similar("\n".join(paragraphs), inserted, count)
