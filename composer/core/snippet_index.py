"""Finding snippets in a big library while the writer types: an index per pack, and a search
that works in slices.

Checking every snippet's text costs about 0.3 µs a snippet (35 ms a keystroke with 100,000
snippets, two frames), and memory bandwidth sets the floor: the text of 100,000 snippets is 34 MB
in memory.  Two things keep the window responsive whatever the library:

* :class:`Search` checks in slices of a few milliseconds (:meth:`Search.step`), in the order the
  list shows: the first page is ready after the first slice, the counts follow a few frames
  later, and the window answers the next keystroke in between;
* a pack of many snippets gets a character index (:class:`PackIndex`): for every character of
  the case-folded text (a UTF-16 code unit), the snippets that contain it.  A one-character term
  is answered by the index alone, at once; a longer one is checked only in the snippets that
  hold all of its characters.

An index of character pairs would also settle two-character terms, but building it costs three
times as much (a set of 170 pairs per snippet, about 60 µs each in CPython); the character
index costs about 35 µs a snippet, is built in the background and kept in the cache folder
(``io.library_cache``).  A posting list is kept whichever way is smaller: a bitset (a Python
int, one bit per snippet) when more than one snippet in :data:`DENSE` has the character, else an
array of positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
import time
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, groupby, islice, repeat
from operator import attrgetter, contains, is_

from .library import KINDS, PARAGRAPH, Snippet

LEVEL_ORDER = (1, 2, 3, 4, PARAGRAPH)
DENSE = 32          # a gram found in more than one snippet in DENSE is kept as a bitset
CHECK_CHUNK = 256   # snippets checked between two looks at the clock
# A character index is carried over to a new version of its pack (``PackIndex.carry_units``)
# when at most this many snippets are new and the kept ones fall into at most this many runs;
# beyond, building it again is as quick.
CARRY_ADDED = 5000
CARRY_RUNS = 256
SLICE = 0.004       # seconds of checking per step: a frame is 16 ms and the list must paint too

Group = tuple[int, str]   # (level, kind)

_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_FROM_DIGITS = bytes.maketrans(b"01", b"\x00\x01")
# Code points that the UTF-16 code units of the index do not stand for one to one.
_NOT_PLAIN_UNITS = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


def group_of(snippet: Snippet) -> Group:
    return (snippet.level, snippet.kind)


def group_rank(group: Group) -> tuple:
    """The order of the library list: level 1 … 4, paragraphs; then the kinds in the order of
    ``KINDS``, other kinds by name, and snippets without a kind last."""
    level, kind = group
    known = (KINDS.index(kind), "") if kind in KINDS else (len(KINDS), kind or "\uffff")
    return (LEVEL_ORDER.index(level), *known)


# --- bitsets and byte maps ------------------------------------------------------------------------

def bitset(positions: Iterable[int], size: int) -> int:
    """A bitset (bit i for position i) of the positions, built in C: one byte per position is
    set, then the bytes become binary digits that ``int`` reads."""
    marks = bytearray(size)
    deque(map(marks.__setitem__, positions, repeat(1)), maxlen=0)
    return int(marks.translate(_TO_DIGITS)[::-1], 2) if size else 0


def bytemap(bits: int, size: int) -> bytes:
    """One byte per position, 1 where the bitset has the bit: what ``bytes.count``,
    ``bytes.find`` and ``itertools.compress`` work on at C speed."""
    if not bits:
        return bytes(size)
    digits = format(bits, "b").encode("ascii")[::-1].translate(_FROM_DIGITS)
    return digits + bytes(size - len(digits))


# --- the index of one pack ------------------------------------------------------------------------

@dataclass
class GramTable:
    """Posting lists of grams (here: UTF-16 code units)."""
    dense: dict[int, int]          # gram → bitset
    sparse_at: dict[int, int]      # gram → its number in starts
    starts: array                  # 'I': where each sparse gram's positions begin (and end)
    positions: array               # 'I': the positions of all sparse grams, one after another

    def bits(self, gram: int, size: int) -> int:
        found = self.dense.get(gram)
        if found is not None:
            return found
        at = self.sparse_at.get(gram)
        if at is None:
            return 0
        return bitset(self.positions[self.starts[at]:self.starts[at + 1]], size)

    def count(self, gram: int) -> int:
        found = self.dense.get(gram)
        if found is not None:
            return found.bit_count()
        at = self.sparse_at.get(gram)
        return 0 if at is None else self.starts[at + 1] - self.starts[at]

    @classmethod
    def from_postings(cls, postings: dict[int, list[int]], size: int) -> GramTable:
        dense, sparse_at = {}, {}
        starts, positions = array("I", [0]), array("I")
        limit = size // DENSE
        for gram, found in postings.items():
            if len(found) > limit:
                dense[gram] = bitset(found, size)
            else:
                sparse_at[gram] = len(starts) - 1
                positions.extend(found)
                starts.append(len(positions))
        return cls(dense, sparse_at, starts, positions)


class PackIndex:
    """A pack's snippets in the order of the list (by group, then as in the file), with their
    search text and, once built, the character index (``units``)."""

    def __init__(self, source: Sequence[Snippet], order: Sequence[int] | None = None):
        self.source = list(source)   # as in the pack, to tell when the pack has changed
        if order is None:
            order = self.order_of(self.source)
        self.order = array("I", order)
        self.snippets = [self.source[i] for i in self.order]
        self.haystacks = [s.haystack for s in self.snippets]
        # Comprehensions, not map() in one call into C: a new index is made on a worker while
        # the window draws, and one C call over 100,000 snippets holds the interpreter for
        # 20–30 ms here, the window's thread waiting meanwhile (a Python loop lets it in).
        self._searched = [s._haystack for s in self.source]
        self.ranges: dict[Group, tuple[int, int]] = {}
        start = 0
        for group, members in groupby(map(group_of, self.snippets)):
            end = start + sum(1 for _ in members)
            self.ranges[group] = (start, end)
            start = end
        self.units: GramTable | None = None   # the character index, once built
        self._members: set[int] | None = None
        self._by_id: dict[str, Snippet] | None = None

    @staticmethod
    def order_of(snippets: Sequence[Snippet]) -> list[int]:
        """Positions by group in the order of the list, each group in file order.  Gathered
        group by group rather than sorted: a sort of 100,000 positions is one call into C that
        holds the interpreter for tens of milliseconds, and this often runs on a worker while
        the window draws."""
        buckets: dict[Group, list[int]] = {}
        for position, snippet in enumerate(snippets):
            group = (snippet.level, snippet.kind)
            bucket = buckets.get(group)
            if bucket is None:
                bucket = buckets[group] = []
            bucket.append(position)
        order: list[int] = []
        for group in sorted(buckets, key=group_rank):
            order += buckets[group]
        return order

    def holds(self, snippet: Snippet) -> bool:
        """Whether the snippet (this very object) is one of the pack's."""
        if self._members is None:
            self._members = {id(s) for s in self.source}   # not set(map()): see __init__
        return id(snippet) in self._members

    def by_id(self) -> dict[str, Snippet]:
        """The pack's snippets by id (made once; call it on a worker to spare the window)."""
        if self._by_id is None:
            self._by_id = {s.id: s for s in self.source}
        return self._by_id

    def prepare(self) -> PackIndex:
        """Make the lookups the window needs (on a worker, before it gets the index)."""
        self.holds(self.source[0]) if self.source else None
        self.by_id()
        return self

    def __len__(self) -> int:
        return len(self.snippets)

    def build_units(self, cancelled=lambda: False) -> bool:
        """Build the character index (about 35 µs a snippet); False when cancelled midway."""
        units: defaultdict[int, list[int]] = defaultdict(list)
        get, append = units.__getitem__, list.append
        for i, text in enumerate(self.haystacks):
            if not i % 4096 and cancelled():
                return False
            codes = set(memoryview(text.encode("utf-16-le", "surrogatepass")).cast("H"))
            # Position i appended to the list of each of its characters, all inside C.
            deque(map(append, map(get, codes), repeat(i)), maxlen=0)
        self.units = GramTable.from_postings(units, len(self.haystacks))
        return True

    def carry_units(self, old: PackIndex) -> bool:
        """Take the character index over from ``old``, the index of an earlier version of the
        same pack, for the snippets both hold (the same objects, their text unchanged), and add
        the snippets that are new: what a write or a colleague's change does to a pack is a few
        snippets added, edited or removed, and building the index again would take seconds
        (about 35 µs a snippet).  False, and nothing taken, when ``old`` has no character
        index or the versions differ too much (many snippets new, or reordered).

        The snippets both hold keep their order within a group, so the old positions map to
        the new ones in a few runs, each moved by one offset: a bitset is moved run by run
        (a shift and a mask), a list of positions by slices."""
        table = old.units
        if table is None:
            return False
        where = {id(snippet): position for position, snippet in enumerate(old.snippets)}
        runs: list[tuple[int, int, int]] = []   # (old start, new start, length)
        added: list[int] = []
        old_start = new_start = length = 0
        old_haystacks = old.haystacks
        for position, (snippet, haystack) in enumerate(zip(self.snippets, self.haystacks)):
            before = where.get(id(snippet))
            if before is None or old_haystacks[before] is not haystack:
                added.append(position)
                continue
            if length and before == old_start + length and position == new_start + length:
                length += 1
                continue
            if length:
                runs.append((old_start, new_start, length))
                if len(runs) > CARRY_RUNS:
                    return False
            old_start, new_start, length = before, position, 1
        if length:
            runs.append((old_start, new_start, length))
        if len(added) > CARRY_ADDED or len(runs) > CARRY_RUNS:
            return False
        extra: defaultdict[int, list[int]] = defaultdict(list)
        for position in added:
            text = self.haystacks[position]
            for code in set(memoryview(text.encode("utf-16-le", "surrogatepass")).cast("H")):
                extra[code].append(position)
        masks = [(start, new, (1 << size) - 1) for start, new, size in runs]
        dense: dict[int, int] = {}
        for gram, bits in table.dense.items():
            moved = 0
            for start, new, mask in masks:
                moved |= ((bits >> start) & mask) << new
            for position in extra.pop(gram, ()):
                moved |= 1 << position
            dense[gram] = moved
        sparse_at: dict[int, int] = {}
        starts, positions = array("I", [0]), array("I")
        spans = [(start, start + size, new - start) for start, new, size in runs]
        for gram, at in table.sparse_at.items():
            found = table.positions[table.starts[at]:table.starts[at + 1]]
            kept = array("I")
            for start, end, offset in spans:
                low, high = bisect_left(found, start), bisect_left(found, end)
                if low == high:
                    continue
                if offset:
                    kept.extend(map(offset.__add__, found[low:high]))
                else:
                    kept.extend(found[low:high])
            more = extra.pop(gram, None)
            if more:
                kept = array("I", sorted([*kept, *more]))
            if kept:
                sparse_at[gram] = len(starts) - 1
                positions.extend(kept)
                starts.append(len(positions))
        for gram, more in extra.items():   # characters no snippet of the old version had
            sparse_at[gram] = len(starts) - 1
            positions.extend(more)
            starts.append(len(positions))
        self.units = GramTable(dense, sparse_at, starts, positions)
        return True

    def is_current(self, snippets: Sequence[Snippet]) -> bool:
        """Whether the index still describes these snippets: the same objects, and none edited
        since (editing one calls ``Snippet.changed``, which drops its search text)."""
        return (len(snippets) == len(self.source) and all(map(is_, snippets, self.source))
                and all(map(is_, map(attrgetter("_haystack"), snippets), self._searched)))

    def candidates(self, term: str) -> tuple[int | None, bool]:
        """(bitset of the snippets that may contain the term, whether they all do);
        None for "every snippet" when there is no character index."""
        if self.units is None:
            return None, False
        codes = memoryview(term.encode("utf-16-le", "surrogatepass")).cast("H")
        size = len(self.snippets)
        found = -1
        for code in sorted(set(codes), key=self.units.count):  # rarest first: empties soonest
            found &= self.units.bits(code, size)
            if not found:
                return 0, True
        return found, len(codes) == 1 and not _NOT_PLAIN_UNITS.search(term)


# --- a search over several packs --------------------------------------------------------------------

class Cell:
    """The snippets of one group in one pack that match a search, as far as known."""
    __slots__ = ("count", "end", "everything", "found", "group", "index", "map", "start", "todo")

    def __init__(self, group: Group, index: PackIndex, start: int, end: int):
        self.group, self.index, self.start, self.end = group, index, start, end
        self.everything = False           # no terms: every snippet of the group
        self.map: bytes | None = None     # byte map of the matches, when the index settled them
        self.found: list[int] = []        # positions checked and matching (or listed from map)
        self.todo: Iterator[int] | None = None   # candidates still to check
        self.count: int | None = None     # known when nothing is left to check

    @property
    def known(self) -> int:
        """Matches counted so far (the final count once ``count`` is set)."""
        return self.count if self.count is not None else len(self.found)

    def first(self, limit: int) -> list[Snippet]:
        """The first matching snippets, at most limit of them (only those checked so far)."""
        if self.everything:
            return self.index.snippets[self.start:min(self.end, self.start + limit)]
        if self.map is not None and len(self.found) < min(limit, self.known):
            marks = memoryview(self.map)[self.start:self.end]
            self.found = list(islice(compress(range(self.start, self.end), marks), limit))
        snippets = self.index.snippets
        return [snippets[i] for i in self.found[:limit]]


class Search:
    """The snippets matching a query (every space-separated term, case-insensitive), by group
    in the order of the list.  Terms the index settles are answered at once; the rest is
    checked by :meth:`step`, one slice at a time."""

    def __init__(self, indexes: Sequence[PackIndex], query: str, narrowing: Search | None = None):
        self.terms = query.casefold().split()
        self.indexes = list(indexes)
        groups = sorted({g for index in self.indexes for g in index.ranges}, key=group_rank)
        self.groups: list[Group] = groups
        self.cells: dict[Group, list[Cell]] = {g: [] for g in groups}
        self._queue: deque[tuple[Cell, list[str]]] = deque()
        for index in self.indexes:
            bits, exact, unsettled = self._evaluate(index)
            base = narrowing._bits(index) if narrowing is not None else None
            if base is not None:
                bits = base if bits is None else bits & base
            marks = None if bits is None else bytemap(bits, len(index))
            for group, (start, end) in index.ranges.items():
                cell = Cell(group, index, start, end)
                self.cells[group].append(cell)
                if not self.terms:
                    cell.everything = True
                    cell.count = end - start
                elif exact:
                    assert marks is not None
                    cell.map = marks
                    cell.count = marks.count(1, start, end)
                else:
                    if marks is None:
                        cell.todo = iter(range(start, end))
                    else:
                        cell.todo = compress(range(start, end), memoryview(marks)[start:end])
                    self._queue.append((cell, unsettled))
        # Checked in the order of the list, so that its first page is ready first.
        order = {id(cell): n for n, cell in enumerate(c for g in groups for c in self.cells[g])}
        self._queue = deque(sorted(self._queue, key=lambda item: order[id(item[0])]))

    def _evaluate(self, index: PackIndex) -> tuple[int | None, bool, list[str]]:
        """(candidate bitset or None for all, whether exact, the terms left to check)."""
        bits: int | None = None
        unsettled = []
        for term in self.terms:
            found, exact = index.candidates(term)
            if found is not None:
                bits = found if bits is None else bits & found
                if not bits:
                    return 0, True, []
            if not exact:
                unsettled.append(term)
        return bits, not unsettled, unsettled

    @property
    def done(self) -> bool:
        return not self._queue

    def step(self, budget: float = SLICE) -> bool:
        """Check candidates for about budget seconds; True when the search is complete."""
        deadline = time.perf_counter() + budget
        while self._queue:
            cell, terms = self._queue[0]
            assert cell.todo is not None
            haystacks = cell.index.haystacks
            while True:
                chunk = list(islice(cell.todo, CHECK_CHUNK))
                if not chunk:
                    break
                for term in terms:
                    checked = map(contains, map(haystacks.__getitem__, chunk), repeat(term))
                    chunk = list(compress(chunk, checked))
                    if not chunk:
                        break
                cell.found.extend(chunk)
                if time.perf_counter() >= deadline:
                    return False
            cell.count = len(cell.found)
            cell.todo = None
            self._queue.popleft()
        return True

    def finish(self) -> Search:
        while not self.step(1.0):
            pass
        return self

    def count(self, group: Group) -> tuple[int, bool]:
        """(matches in the group counted so far, whether that is the final count)."""
        cells = self.cells.get(group, [])
        return sum(c.known for c in cells), all(c.count is not None for c in cells)

    def total(self) -> tuple[int, bool]:
        counts = [self.count(g) for g in self.groups]
        return sum(n for n, _ in counts), all(final for _, final in counts)

    def first(self, group: Group, limit: int) -> list[Snippet]:
        """The group's first matches in list order (as far as checked), at most limit."""
        result: list[Snippet] = []
        for cell in self.cells.get(group, []):
            if len(result) >= limit:
                break
            result += cell.first(limit - len(result))
            if cell.count is None:
                break  # later packs come after this one's unchecked snippets
        return result

    def membership(self, group: Group) -> dict[int, Callable[[int], object]]:
        """For a group whose count is final: by id of each pack's index, a test of whether the
        snippet at a position matches (for listing in another order than the index's)."""
        tests: dict[int, Callable[[int], object]] = {}
        for cell in self.cells.get(group, []):
            if cell.everything:
                tests[id(cell.index)] = lambda position: True
            elif cell.map is not None:
                tests[id(cell.index)] = cell.map.__getitem__
            else:
                tests[id(cell.index)] = set(cell.found).__contains__
        return tests

    def matches(self) -> list[Snippet]:
        """Every match in list order (completes the search first)."""
        self.finish()
        return [s for g in self.groups for cell in self.cells[g] for s in cell.first(cell.known)]

    def _bits(self, index: PackIndex) -> int | None:
        """The bitset of this (complete) search's matches in one pack, for narrowing a longer
        query; None when it cannot narrow (not complete, another index, no terms)."""
        if not self.done or not self.terms or index not in self.indexes:
            return None
        positions: list[int] = []
        for group in self.groups:
            for cell in self.cells[group]:
                if cell.index is index and cell.everything:
                    positions += range(cell.start, cell.end)
                elif cell.index is index:
                    positions += (cell.found if cell.map is None
                                  else compress(range(cell.start, cell.end),
                                                memoryview(cell.map)[cell.start:cell.end]))
        return bitset(positions, len(index))
