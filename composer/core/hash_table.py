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
# The pairs are sorted in groups by the top bits of their hash, each group on its own: one
# sort of every pair is one call into C that holds the interpreter for all of it (5 s for the
# 9 million pairs of 100,000 snippets, a frozen window meanwhile when the table is built on a
# worker).  4,096 groups of a few thousand pairs each take well under a millisecond.
GROUP_BITS = 12


def release(items: list | dict, piece: int = 50_000) -> None:
    """Empty a big list or dictionary ``piece`` objects at a time.  Millions of objects dropped
    at once are freed in one call into C, which holds the interpreter for all of it (half a
    second for the 9 million pairs, 100,000 sets and 3 million counts of a big library's similar
    index, built on a worker: a frozen window meanwhile); a piece at a time, other threads get
    their turns.  Give a smaller ``piece`` for items that hold many objects each."""
    if isinstance(items, dict):
        pop = items.popitem
        while items:
            for _ in range(min(piece, len(items))):
                pop()
        return
    while items:
        del items[-piece:]


def pair(value: int, item: int) -> int:
    return value << 32 | item


class HashTable:
    def __init__(self, pairs: Iterable[int]):
        """``pairs``: ``pair(hash, item)`` for every hash each item holds (in any order)."""
        groups: list[list[int]] = [[] for _ in range(1 << GROUP_BITS)]
        into = [group.append for group in groups]
        shift = 64 - GROUP_BITS   # a pair is 64 bits: the hash's top bits are the pair's
        for value in pairs:
            into[value >> shift](value)
        self.pairs = array("Q")
        for group in groups:   # in the order of their top bits: the whole array is sorted
            group.sort()
            self.pairs.extend(group)
            group.clear()

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
