"""The library search: with or without the character index, in one go or slice by slice,
narrowed from an earlier query or not, it finds what a plain scan finds, in the list's order."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.core.library import PARAGRAPH, Snippet, search
from composer.core.snippet_index import (CARRY_RUNS, DENSE, PackIndex, Search, bitset, bytemap, group_of,
                                         group_rank)
from composer.core.speech import Section

# Few letters, so that queries find something; case, ß (folds to ss), a character outside the
# BMP (two UTF-16 code units) and one that is a surrogate on its own.
LETTERS = "文明单位创建工作aAbßs𠀀\ud800 "
KINDS = ["意义", "措施", "", "自定"]
words = st.text(alphabet=LETTERS, max_size=8)


@st.composite
def snippets(draw):
    level = draw(st.sampled_from([1, 2, 3, 4, PARAGRAPH]))
    children = [Section(draw(words), [draw(words)])] if level and draw(st.booleans()) else []
    return Snippet(draw(st.text(max_size=3)), level, "" if level == PARAGRAPH else draw(words),
                   draw(st.lists(words, max_size=2)), children, draw(st.sampled_from(KINDS)),
                   draw(st.lists(words, max_size=1)))


packs = st.lists(st.lists(snippets(), max_size=12), min_size=1, max_size=3)
queries = st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=3), max_size=3).map(" ".join)


def expected(groups_of_packs: list[list[Snippet]], query: str) -> list[Snippet]:
    """A plain scan, in the list's order: by group, then pack, then as in the pack."""
    ordered = [(group_rank(group_of(s)), p, n, s) for p, pack in enumerate(groups_of_packs)
               for n, s in enumerate(search(pack, query))]
    return [s for *_, s in sorted(ordered, key=lambda t: t[:3])]


def indexes(groups_of_packs, with_units: bool) -> list[PackIndex]:
    result = []
    for pack in groups_of_packs:
        index = PackIndex(pack)
        if with_units:
            assert index.build_units()
        result.append(index)
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs, queries, st.booleans(), st.booleans())
def test_search_finds_what_a_scan_finds_in_list_order(packs, query, with_units, sliced):
    found = Search(indexes(packs, with_units), query)
    if sliced:
        while not found.step(0.0):   # one chunk of checking per step
            pass
    want = expected(packs, query)
    assert found.matches() == want
    assert found.total() == (len(want), True)
    for group in found.groups:
        assert found.count(group) == (sum(group_of(s) == group for s in want), True)
        assert found.first(group, 2) == [s for s in want if group_of(s) == group][:2]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs, queries, st.text(alphabet=LETTERS, min_size=1, max_size=2), st.booleans())
def test_narrowing_from_a_shorter_query_changes_nothing(packs, query, more, with_units):
    built = indexes(packs, with_units)
    shorter = Search(built, query).finish()
    longer = query + more
    assert Search(built, longer, narrowing=shorter).matches() == expected(packs, longer)


def test_the_first_page_is_ready_before_the_counts():
    """A long term found nearly everywhere is checked slice by slice: the first matches can be
    shown after the first slice, the counts grow until they are final."""
    pack = [Snippet(f"s{n}", PARAGRAPH, "", [f"第{n}条：创建文明单位工作"], kind="措施")
            for n in range(20_000)]
    index = PackIndex(pack)
    assert index.build_units()
    found = Search([index], "文明单位")
    assert not found.done and found.total() == (0, False)
    assert not found.step(0.0)
    count, final = found.total()
    assert 0 < count < 20_000 and not final
    assert [s.id for s in found.first((PARAGRAPH, "措施"), 3)] == ["s0", "s1", "s2"]
    found.finish()
    assert found.total() == (20_000, True)


def test_one_character_is_answered_by_the_index_alone():
    pack = [Snippet(f"s{n}", 1, "标题", ["明" if n % 3 else "暗"], kind="意义") for n in range(9000)]
    index = PackIndex(pack)
    assert index.build_units()
    found = Search([index], "明")
    assert found.done and found.total() == (6000, True)   # nothing was left to check
    assert Search([index], "明暗").done                     # no snippet has both: none
    assert not Search([index], "题明").done                 # two characters are checked


def test_an_index_knows_when_its_pack_changed():
    pack = [Snippet("a", 1, "标题", ["正文"]), Snippet("b", PARAGRAPH, "", ["段落"])]
    index = PackIndex(pack)
    assert index.is_current(pack)
    pack[0].paragraphs = ["改过"]
    assert index.is_current(pack)       # not yet told
    pack[0].changed()
    assert not index.is_current(pack)
    assert not PackIndex(pack).is_current(pack + [Snippet("c", 1, "x")])


def test_bitsets_and_byte_maps():
    assert bitset([0, 3, 9], 10) == 0b1000001001
    assert bytemap(0b1000001001, 12) == bytes([1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0])
    assert bitset([], 0) == 0 and bytemap(0, 3) == bytes(3)


def test_dense_and_sparse_posting_lists_agree():
    pack = [Snippet(f"s{n}", 1, "甲" if n % 2 else "乙" + ("丙" if n == 8 else ""))
            for n in range(DENSE * 10)]
    index = PackIndex(pack)
    assert index.build_units()
    assert index.units is not None
    assert ord("甲") in index.units.dense and ord("丙") in index.units.sparse_at
    for term in ("甲", "乙", "丙", "乙丙", "丁"):
        assert Search([index], term).matches() == expected([pack], term)


def _postings(index: PackIndex) -> dict[int, list[int]]:
    """Every character's snippets, by position, whatever the table keeps dense or sparse."""
    assert index.units is not None
    size = len(index)
    grams = set(index.units.dense) | set(index.units.sparse_at)
    found = {g: [p for p in range(size) if index.units.bits(g, size) >> p & 1] for g in grams}
    return {g: positions for g, positions in found.items() if positions}


edits = st.lists(st.tuples(st.sampled_from(["add", "remove", "replace"]), st.integers(0, 200),
                           snippets()), max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(snippets(), max_size=40), edits)
def test_a_carried_character_index_is_the_one_built_afresh(before, changes):
    """What a write does to a pack (add, remove, replace by an edited copy), the carried index
    answers exactly as one built from nothing, the same order and the same snippets under
    every character (at this size a character in two snippets is kept dense, one in a single
    snippet sparse: both kinds are moved)."""
    old = PackIndex(before)
    old.build_units()
    after = list(before)
    for how, at, snippet in changes:
        at = at % (len(after) + 1)
        if how == "add":
            after.insert(at, snippet)
        elif after and at < len(after):
            if how == "remove":
                del after[at]
            else:
                after[at] = snippet
    carried = PackIndex(after)
    assert carried.carry_units(old)
    fresh = PackIndex(after)
    fresh.build_units()
    assert list(carried.order) == list(fresh.order)
    assert _postings(carried) == _postings(fresh)
    for query in ("文", "明单", "a s", "𠀀"):
        assert Search([carried], query).matches() == Search([fresh], query).matches()


def test_a_character_index_is_not_carried_over_a_reordered_pack():
    """Kept snippets in another order (another program sorted the file): built again instead."""
    before = [Snippet(f"s{n}", 1, f"标题{n}", ["正文"]) for n in range(CARRY_RUNS * 3)]
    old = PackIndex(before)
    old.build_units()
    shuffled = before[::2] + before[1::2]   # many runs, each moved by another offset
    assert not PackIndex(shuffled[::-1]).carry_units(old)
    assert not PackIndex(before).carry_units(PackIndex(before))   # no index to carry
