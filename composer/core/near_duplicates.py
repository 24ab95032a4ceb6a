"""Detecting texts that nearly repeat one another (the same 范文 posted twice with a few edits).

**Method.**  A text is reduced to its Han characters, letters and digits (punctuation, spaces and
case do not count), then to the set of its overlapping 4-character shingles.  Two texts are near
duplicates when the Jaccard similarity of their shingle sets — shared shingles over all shingles —
is at least ``THRESHOLD`` (0.7).  Texts too short to have shingles are compared exactly.

**Why 4 characters and 0.7.**  Chinese words are mostly one or two characters, so a 4-character
shingle spans about two words: long enough that unrelated texts on the same subject share few
(the corpus's eight speeches, all on 创建文明单位, share at most 3 % of them), short enough that one
edited character disturbs only four shingles.  Measured on the corpus: the two near-identical
pairs (篇四/篇七 and 篇五/篇八, which differ by a few dozen characters and a paragraph break)
score 0.96 and 0.98; every other pair of speeches scores 0.03 or less.  0.7 sits far from both,
and tolerates roughly one changed character in every 25 — an edited copy, not a new text.

**Finding candidates fast.**  Comparing every pair is quadratic, so the index uses *prefix
filtering* (from the set-similarity-join literature): with the shingles of every set in one fixed
order, two sets with Jaccard ≥ t must share one of the first |s| − ⌈t·|s|⌉ + 1 shingles of each.
Only those prefix shingles are indexed, and only texts of compatible size are compared.  The
filter is exact: it never misses a pair that is over the threshold.  Exact repeats are found by
a dictionary first.
"""

from __future__ import annotations

import math
import re
from typing import Generic, TypeVar
from collections.abc import Hashable

from .speech_lines import HAN

SHINGLE = 4
THRESHOLD = 0.7

_NOT_TEXT = re.compile(f"[^{HAN}0-9A-Za-z]+")

Key = TypeVar("Key", bound=Hashable)


def fingerprint(text: str) -> str:
    """The text as compared: Han characters, letters and digits, case-folded."""
    return _NOT_TEXT.sub("", text).casefold()


def shingles(fingerprint_text: str) -> frozenset[str]:
    n = len(fingerprint_text)
    if n < SHINGLE:
        return frozenset()
    return frozenset(fingerprint_text[i:i + SHINGLE] for i in range(n - SHINGLE + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def similarity(text_a: str, text_b: str) -> float:
    a, b = fingerprint(text_a), fingerprint(text_b)
    if a == b:
        return 1.0
    return jaccard(shingles(a), shingles(b))


class NearDuplicateIndex(Generic[Key]):
    """Texts seen so far, each under a key; ``find`` gives the key of one that a new text
    nearly repeats."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._exact: dict[str, Key] = {}
        self._sets: list[frozenset[str]] = []
        self._keys: list[Key] = []
        self._postings: dict[str, list[int]] = {}

    def find(self, text: str) -> Key | None:
        print_ = fingerprint(text)
        found, _, _ = self._find(print_)
        if found is not None:
            self._exact.setdefault(print_, found)   # the same text again is found at once
        return found

    def alias(self, text: str, key: Key) -> None:
        """Remember a text as a duplicate of key without indexing it (it is found only exactly)."""
        print_ = fingerprint(text)
        if print_:
            self._exact.setdefault(print_, key)

    def add(self, text: str, key: Key) -> None:
        self._add(fingerprint(text), key)

    def find_or_add(self, text: str, key: Key) -> Key | None:
        """The key of a text this one nearly repeats; if there is none, remember it under key."""
        print_ = fingerprint(text)
        found, sorted_shingles, _ = self._find(print_)
        if found is None:
            self._add(print_, key, sorted_shingles)
        else:
            self._exact.setdefault(print_, found)
        return found

    def _find(self, print_: str):
        exact = self._exact.get(print_)
        if exact is not None or not print_:
            return exact, None, None
        sorted_shingles = sorted(shingles(print_))
        size = len(sorted_shingles)
        if not size:
            return None, sorted_shingles, None
        own = frozenset(sorted_shingles)
        low, high = self.threshold * size, size / self.threshold
        seen: set[int] = set()
        for shingle in sorted_shingles[:self._prefix(size)]:
            for index in self._postings.get(shingle, ()):
                if index in seen:
                    continue
                seen.add(index)
                other = self._sets[index]
                if low <= len(other) <= high and jaccard(own, other) >= self.threshold:
                    return self._keys[index], sorted_shingles, None
        return None, sorted_shingles, None

    def _add(self, print_: str, key: Key, sorted_shingles: list[str] | None = None) -> None:
        if not print_:
            return
        self._exact.setdefault(print_, key)
        if sorted_shingles is None:
            sorted_shingles = sorted(shingles(print_))
        if not sorted_shingles:
            return
        index = len(self._sets)
        self._sets.append(frozenset(sorted_shingles))
        self._keys.append(key)
        for shingle in sorted_shingles[:self._prefix(len(sorted_shingles))]:
            self._postings.setdefault(shingle, []).append(index)

    def _prefix(self, size: int) -> int:
        return size - math.ceil(self.threshold * size) + 1
