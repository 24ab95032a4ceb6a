"""The table of (hash, item) pairs: sorted in groups, it is the one sorted array all the same."""

from __future__ import annotations

import random

from composer.core.hash_table import GROUP_BITS, LOW, HashTable, pair


def test_the_table_is_every_pair_in_order_and_spans_find_the_items():
    rng = random.Random(13)
    # Hashes at both ends of the 32-bit range and in every group, shared by several items.
    hashes = [0, LOW, 1 << 31, (1 << 31) - 1] + [rng.getrandbits(32) for _ in range(3000)]
    held = {item: set(rng.sample(hashes, 25)) for item in range(400)}
    pairs = [pair(h, item) for item, own in held.items() for h in own]
    rng.shuffle(pairs)
    table = HashTable(iter(pairs))   # any iterable, in any order
    assert list(table.pairs) == sorted(pairs)
    assert len(table) == len(pairs) and table.nbytes == 8 * len(pairs)
    for value in [0, LOW, 1 << 31] + rng.sample(hashes, 50):
        expected = sorted(item for item, own in held.items() if value in own)
        assert sorted(table.items(*table.span(value))) == expected
        assert table.count(value) == len(expected)
    absent = next(v for v in range(1, 1 << 20) if v not in set(hashes))
    assert table.count(absent) == 0 and table.items(*table.span(absent)) == []


def test_pairs_of_one_group_and_no_pairs_at_all():
    same_top = [pair((7 << (32 - GROUP_BITS)) | low, item) for item, low in enumerate([9, 3, 5, 3])]
    assert list(HashTable(same_top).pairs) == sorted(same_top)
    empty = HashTable([])
    assert len(empty) == 0 and empty.span(5) == (0, 0)


def test_release_empties_lists_and_dictionaries_piece_by_piece():
    from composer.core.hash_table import release
    items = list(range(123_457))
    release(items, piece=1000)
    assert items == []
    counts = {n: n * 2 for n in range(10_001)}
    release(counts, piece=300)
    assert counts == {}
    release([])   # nothing to do
