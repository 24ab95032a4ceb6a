"""Detecting texts that nearly repeat one another (the same 范文 posted twice with a few edits),
in time close to linear in the amount of text.

**Similarity.**  A text is reduced to its Han characters, letters and digits (punctuation, spaces
and case do not count), then to the set of its overlapping 4-character shingles.  Two texts are
near duplicates when the Jaccard similarity of their shingle sets — shared shingles over all
shingles — is at least ``THRESHOLD`` (0.7).  Texts too short to have shingles are compared exactly.

**Why 4 characters and 0.7.**  Chinese words are mostly one or two characters, so a 4-character
shingle spans about two words: long enough that unrelated texts on the same subject share few
(the corpus's eight speeches, all on 创建文明单位, share at most 3 % of them), short enough that one
edited character disturbs only four shingles.  Measured on the corpus: the two near-identical
pairs (篇四/篇七 and 篇五/篇八) score 0.96 and 0.98; every other pair scores 0.03 or less.

**Finding candidates fast: sketches and buckets.**  Comparing every pair is quadratic, and
keeping every shingle set costs gigabytes at archive scale, so each text is summarised by a
*bottom-k MinHash sketch*: the ``SKETCH`` (32) smallest hash values of its shingles.  The
sketch of a union is the bottom-k of the parts' sketches, so a section's sketch is merged from
its paragraphs' without hashing its text again (``merge``).  The index keeps one bucket per
each of a sketch's ``BANDS`` (16) smallest values (an LSH table whose bands are single
min-hashes): a text's candidates are the texts sharing at least ``MIN_SHARED`` (5) buckets with
it — two texts 0.7 similar share about 13 of those 16 values, while a common phrase makes one
or two.  A candidate's similarity is then
estimated from the two sketches (the share of the union's k smallest values that both hold;
standard error ≈ 0.08 at 0.7), and only a candidate whose estimate reaches ``THRESHOLD - SLACK``
is checked exactly, on shingle sets built from the two texts then and there (``text_of`` gives
the indexed text back) — unless the estimate is ``SURE`` (0.95 or more, both sketches full):
being under 0.7 then would take an error of six standard errors, and the exact check of two
long texts is the costliest step of all.  A bucket
holding more than ``BUCKET_CAP`` (64) texts belongs to a shingle so common that it says nothing
(「同志们好」「创建文明」); it is not followed, nor grown.  Exact repeats are found by a dictionary first.

**The hash** of a shingle is the CRC-32 of its UTF-32-LE bytes (``shingle_hash``): the same in
every process and on every machine, so sketches and shingle hashes can be stored (the archive
index of ``archive.py`` keeps them in the cache folder).  Python's own string hash changes with
every process.  Encoding a text once and hashing slices of its bytes costs what Python's hash of
each piece costs (``bench/run.py near_duplicates``, sketching 2,210 paragraphs: ×1.00 of
Python's hash; CRC-32 of each shingle's UTF-8 bytes, ×1.1–1.3), and sketch estimates are as good
(over 400 edited corpus paragraphs, three seeds: mean error −0.006 to −0.001 against −0.007 to
+0.003, standard deviation 0.065–0.069 against 0.062–0.070).  Being 32-bit, two different
shingles share a hash about once in 4·10⁹ pairs: harmless for estimates.
The dictionary of exact repeats (``_exact``) still keys whole texts by Python's hash; it lives
only as long as the index.
The same index serves near copies in 查重 — ``similar`` lists every indexed text close to a
query, best first.
"""

from __future__ import annotations

import heapq
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import Generic, TypeVar

from .speech_lines import HAN

SHINGLE = 4
THRESHOLD = 0.7
SKETCH = 32
SLACK = 0.25
BUCKET_CAP = 64
SURE = 0.95             # an estimate this high needs no exact check
BANDS = 16              # the smallest sketch values, each the key of a bucket
MIN_SHARED = 5          # bucket keys a candidate must share, at most …
SHARED_SHARE = 0.3      # … and at most this share of the query's keys (short texts)

_NOT_TEXT = re.compile(f"[^{HAN}0-9A-Za-z]+")

Key = TypeVar("Key", bound=Hashable)


def fingerprint(text: str) -> str:
    """The text as compared: Han characters, letters and digits, case-folded."""
    return _NOT_TEXT.sub("", text).casefold()


def shingle_hash(shingle: str) -> int:
    """A shingle's hash, the same in every process: the CRC-32 of its UTF-32-LE bytes."""
    return zlib.crc32(shingle.encode("utf-32-le"))


def shingle_hashes(fingerprint_text: str, size: int = SHINGLE) -> list[int]:
    """The hashes of every ``size``-character piece of a text, in reading order: the text is
    encoded once (UTF-32 keeps four bytes to a character) and its bytes sliced, which costs
    no more than Python's own string hash of each piece."""
    raw = fingerprint_text.encode("utf-32-le")
    crc32, width = zlib.crc32, 4 * size
    return [crc32(raw[at:at + width]) for at in range(0, len(raw) - width + 4, 4)]


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


@dataclass(frozen=True)
class Sketch:
    """The k smallest shingle hashes of a text (sorted), and how many shingles it has."""
    values: array
    size: int


EMPTY = Sketch(array("q"), 0)


def sketch(text: str) -> Sketch:
    return sketch_of_fingerprint(fingerprint(text))


def sketch_of_fingerprint(print_: str) -> Sketch:
    n = len(print_) - SHINGLE + 1
    if n <= 0:
        return EMPTY
    hashes = set(shingle_hashes(print_))
    # sorted() runs in C; heapq.nsmallest only pays off on very long texts.
    smallest = sorted(hashes)[:SKETCH] if n <= 20_000 else heapq.nsmallest(SKETCH, hashes)
    return Sketch(array("q", smallest), len(hashes))


def merge(parts: Iterable[Sketch]) -> Sketch:
    """The sketch of the parts' texts put together (shingles across a joint are not counted)."""
    parts = [part for part in parts if part.size]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    values = sorted(set(chain.from_iterable(part.values for part in parts)))[:SKETCH]
    return Sketch(array("q", values), sum(part.size for part in parts))


class TextSketches:
    """Fingerprints and sketches of texts, each text hashed once.  A whole made of parts gets
    its fingerprint and sketch from theirs (``of_parts``), and a tree of them — a section with
    its heading, paragraphs and sub-sections — from its branches' (``of_tree``, remembered by
    the branch's key), so merging never starts again from the leaves."""

    def __init__(self):
        self._known: dict[str, tuple[str, Sketch]] = {}
        self._trees: dict[object, tuple[str, Sketch]] = {}

    def of_text(self, text: str) -> tuple[str, Sketch]:
        found = self._known.get(text)
        if found is None:
            print_ = fingerprint(text)
            found = self._known[text] = (print_, sketch_of_fingerprint(print_))
        return found

    def of_parts(self, parts: Iterable[str],
                 branches: Iterable[tuple[str, Sketch]] = ()) -> tuple[str, Sketch]:
        known = [self.of_text(part) for part in parts] + list(branches)
        return "".join(k[0] for k in known), merge(k[1] for k in known)

    def of_tree(self, key: object, texts: list[str], children: Iterable) -> tuple[str, Sketch]:
        """``children``: (key, texts, children) triples, the same shape."""
        found = self._trees.get(key)
        if found is None:
            found = self._trees[key] = self.of_parts(
                texts, [self.of_tree(*child) for child in children])
        return found

    def clear(self) -> None:
        self._known.clear()
        self._trees.clear()


def estimate(a: Sketch, b: Sketch) -> float:
    """The Jaccard similarity of two texts, estimated from their sketches."""
    if not a.size or not b.size:
        return 0.0
    union = sorted(set(a.values).union(b.values))[:SKETCH]
    both = set(a.values).intersection(b.values)
    return sum(1 for v in union if v in both) / len(union)


class NearDuplicateIndex(Generic[Key]):
    """Texts seen so far, each under a key; ``find`` gives the key of one that a new text
    nearly repeats.

    ``text_of(key)`` must give an indexed text back for the exact check; without it the index
    keeps each text itself (fine for small indexes).  A text seen before, character for
    character, is found by a dictionary of the texts' 64-bit hashes (a false match would need
    two different texts with the same hash: about one chance in 10⁹ at a million texts).
    """

    def __init__(self, threshold: float = THRESHOLD,
                 text_of: Callable[[Key], str] | None = None):
        self.threshold = threshold
        self._text_of = text_of
        self._exact: dict[int, Key] = {}      # hashes of the texts seen, as they are
        self._short: dict[str, Key] = {}      # fingerprints of texts too short for shingles
        self._keys: list[Key] = []
        self._sketches: list[Sketch] = []
        self._texts: list[str] = []           # only without text_of
        self._buckets: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, text: str, sketch_: Sketch | None = None) -> Key | None:
        own = sketch_ if sketch_ is not None else sketch(text)
        if not own.size:
            # Too short to have shingles: compared exactly, punctuation ignored.
            print_ = fingerprint(text)
            return self._short.get(print_) if print_ else None
        found = self._exact.get(hash(text))
        if found is not None:
            return found
        for index, _ in self._scored(text, own, self.threshold, first=True):
            found = self._keys[index]
            self._exact.setdefault(hash(text), found)   # the same text again: found at once
            return found
        return None

    def alias(self, text: str, key: Key) -> None:
        """Remember a text as a duplicate of key without indexing it (it is found only exactly)."""
        if sketch(text).size:
            self._exact.setdefault(hash(text), key)
        elif fingerprint(text):
            self._short.setdefault(fingerprint(text), key)

    def add(self, text: str, key: Key, sketch_: Sketch | None = None) -> None:
        self._add(text, key, sketch_)

    def find_or_add(self, text: str, key: Key, sketch_: Sketch | None = None) -> Key | None:
        """The key of a text this one nearly repeats; if there is none, remember it under key."""
        if sketch_ is None:
            sketch_ = sketch(text)
        found = self.find(text, sketch_)
        if found is None:
            self._add(text, key, sketch_)
        return found

    def similar(self, text: str, threshold: float | None = None,
                sketch_: Sketch | None = None) -> list[tuple[Key, float]]:
        """Every indexed text at least ``threshold`` similar to this one, best first (查重)."""
        threshold = self.threshold if threshold is None else threshold
        own = sketch_ if sketch_ is not None else sketch(text)
        found = [(self._keys[index], score)
                 for index, score in self._scored(text, own, threshold, first=False)]
        found.sort(key=lambda pair: -pair[1])
        return found

    # --- inside ------------------------------------------------------------------------------

    def _scored(self, text: str, own: Sketch, threshold: float, first: bool):
        if not own.size:
            return
        low, high = threshold * own.size, own.size / threshold
        rough = max(threshold - SLACK, 0.0)
        buckets = self._buckets
        counts = Counter(chain.from_iterable(
            bucket for bucket in map(buckets.get, own.values[:BANDS])
            if bucket and len(bucket) <= BUCKET_CAP))
        # Two texts this similar share most of their smallest values (about 13 of 16 at 0.7);
        # one or two shared values come from a common phrase.
        enough = max(1, min(MIN_SHARED, round(SHARED_SHARE * min(len(own.values), BANDS))))
        shingle_set: frozenset[str] | None = None
        for index, shared in counts.most_common():
            if shared < enough:
                break
            other = self._sketches[index]
            # Merged sketches only approximate their size: be generous with the filter.
            if not low * 0.8 <= other.size <= high * 1.25:
                continue
            rough_score = estimate(own, other)
            if rough_score < rough:
                continue
            if rough_score >= SURE and own.size > SKETCH and other.size > SKETCH:
                # The sketches all but agree; the true similarity is below the threshold only
                # if the estimate is off by six standard errors.
                yield index, rough_score
                if first:
                    return
                continue
            if shingle_set is None:
                shingle_set = shingles(fingerprint(text))
            score = jaccard(shingle_set, shingles(fingerprint(self._text(index))))
            if score >= threshold:
                yield index, score
                if first:
                    return

    def _text(self, index: int) -> str:
        if self._text_of is None:
            return self._texts[index]
        return self._text_of(self._keys[index])

    def _add(self, text: str, key: Key, sketch_: Sketch | None = None) -> None:
        if sketch_ is None:
            sketch_ = sketch(text)
        if not sketch_.size:
            print_ = fingerprint(text)
            if print_:
                self._short.setdefault(print_, key)
            return
        self._exact.setdefault(hash(text), key)
        index = len(self._keys)
        self._keys.append(key)
        self._sketches.append(sketch_)
        if self._text_of is None:
            self._texts.append(text)
        buckets = self._buckets
        for value in sketch_.values[:BANDS]:
            bucket = buckets.get(value)
            if bucket is None:
                buckets[value] = [index]
            elif len(bucket) <= BUCKET_CAP:   # past the cap it is ignored: stop growing it
                bucket.append(index)
