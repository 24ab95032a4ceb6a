"""Items by the hashes they hold: one sorted array of ``hash << 32 | item`` pairs, searched by
bisection.

Used by 查重 (``archive``: archived paragraphs by their anchors) and by similar snippets
(``similar``: snippets by their character pairs).  Eight bytes a pair and no Python object per
pair, where a dictionary of lists would cost about ten times the memory; and the number of
items that hold a hash is the width of its span, found in two bisections.  Hashes are 32-bit
(``near_duplicates.shingle_hash``), items numbered from 0 to 2³² − 1.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable

LOW = 0xFFFFFFFF


def pair(value: int, item: int) -> int:
    return value << 32 | item


class HashTable:
    def __init__(self, pairs: Iterable[int]):
        """``pairs``: ``pair(hash, item)`` for every hash each item holds (in any order)."""
        self.pairs = array("Q", sorted(pairs))

    def __len__(self) -> int:
        return len(self.pairs)

    @property
    def nbytes(self) -> int:
        return len(self.pairs) * self.pairs.itemsize

    def span(self, value: int) -> tuple[int, int]:
        """Where the pairs of a hash are: ``items(*span(value))`` are the items holding it."""
        low = bisect_left(self.pairs, value << 32)
        return low, bisect_left(self.pairs, (value + 1) << 32, low)

    def count(self, value: int) -> int:
        low, high = self.span(value)
        return high - low

    def items(self, low: int, high: int) -> list[int]:
        return [p & LOW for p in self.pairs[low:high]]
