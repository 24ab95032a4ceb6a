"""查重: the paragraphs of a speech that repeat a speech in the archive of past speeches.

**What is measured.**  A paragraph is reduced as for near duplicates (``near_duplicates``:
Han characters, letters and digits, case-folded) to its set of 4-character shingles.  Its
*similarity* to an archived paragraph is the share of its shingles that the archived paragraph
also holds — how much of *this* paragraph was there already (the 重复率 of a 查重 service).
A paragraph is flagged when that share is at least ``THRESHOLD`` (80 %): 「本段与《……》第 3 段
86% 相同」 when the archived paragraph is as much in this one (``Match.held``), else 「本段 100%
见于《……》第 11 段，那一段更长」: a long archived paragraph can hold several of the speech's,
and three different paragraphs cannot all be 「100% 相同」 to it.

**Why a share of this paragraph, not Jaccard.**  Writers cut old paragraphs up and join them.
The example speech (``resources/examples/``) was built from the corpus: four of its paragraphs
are pieces of longer corpus paragraphs (a Jaccard similarity of 0.12–0.48, since the rest of
the long paragraph counts against it), yet every shingle of them is in the corpus.  The share
of this paragraph is 1.0 for all four; for paragraphs of unrelated documents (the 政府工作报告,
《毛泽东选集》, other offices' speeches) it stays under 0.16.  Paragraphs shorter than
``MIN_SHINGLES`` shingles (「谢谢大家！」, 「同志们：」) are not checked: repeating them is not
repeating a speech.

**Finding the candidates: winnowing.**  The near-duplicate index keeps a fixed number of
min-hashes per text, which cannot see a short paragraph inside a long one (a 20-character
paragraph has about one of a 1,000-character paragraph's 32 smallest values).  The archive keeps
instead, for each archived paragraph, its *anchors*: in every window of ``WINDOW`` consecutive
shingles, the smallest hash (winnowing, as in Schleimer, Wilkerson and Aiken's MOSS) — about
22 % of the shingles.  Two texts that share a run of ``WINDOW`` shingles (11 characters) share
that window's anchor.  An edited character breaks the four shingles over it, so a paragraph
80 % of whose shingles are in another shares runs of 16 shingles on average, and at least a
quarter of its windows lie inside them: an archived paragraph is a candidate when it holds at
least ``CANDIDATE_SHARE`` of the query's anchors, and the best candidates (up to ``MAX_EXACT``)
are then measured exactly on the stored shingle hashes.

The hashes are ``near_duplicates.shingle_hash`` (CRC-32 of the shingle's UTF-32 bytes): the same
in every process, so an archive's hashes can be kept in the cache folder (``io/archive_index``).
"""

from __future__ import annotations

from array import array
from collections import Counter
from itertools import chain
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .hash_table import HashTable, pair
from .i18n import pick
from .near_duplicates import fingerprint, shingle_hashes
from .proofread.finding import Finding, Location
from .proofread.registry import BY_ID
from .speech import CLOSING, HEAD_FIELDS, OPENING, Speech

THRESHOLD = 0.8          # flagged from this share up
FLOOR = 0.5              # a closest match under this share is not reported
MIN_SHINGLES = 12        # paragraphs with fewer shingles (15 characters) are not checked
WINDOW = 8               # winnowing window, in shingles
CANDIDATE_SHARE = 0.25   # a candidate holds at least this share of the query's anchors …
MAX_EXACT = 32           # … and at most this many, most anchors first, are measured exactly
RULE = "archive.repeat"
EXCERPT = 20             # characters of the paragraph that name an ignored finding


# --- one paragraph -------------------------------------------------------------------------------

def shingle_sequence(text: str) -> list[int]:
    """The hashes of a text's shingles, in reading order."""
    return shingle_hashes(fingerprint(text))


def anchors(sequence: Sequence[int], window: int = WINDOW) -> set[int]:
    """The smallest hash of every ``window`` consecutive ones (winnowing; a sequence shorter
    than a window gives its smallest)."""
    if not sequence:
        return set()
    if len(sequence) <= window:
        return {min(sequence)}
    found = set()
    last = -1                         # where the current window's minimum is
    for start in range(len(sequence) - window + 1):
        end = start + window - 1
        if last < start:              # the minimum left the window: find the new one
            part = sequence[start:end + 1]
            smallest = min(part)
            last = end - part[::-1].index(smallest)    # the rightmost, as MOSS does
            found.add(smallest)
        elif sequence[end] <= sequence[last]:
            last = end
            found.add(sequence[end])
    return found


@dataclass(frozen=True)
class ParagraphPrint:
    """What the archive keeps of a paragraph: its shingle hashes (sorted) and its anchors."""
    hashes: array
    anchors: array

    @property
    def checked(self) -> bool:
        return len(self.hashes) >= MIN_SHINGLES


def paragraph_print(text: str) -> ParagraphPrint:
    sequence = shingle_sequence(text)
    return ParagraphPrint(array("I", sorted(set(sequence))), array("I", sorted(anchors(sequence))))


# --- an archived file ------------------------------------------------------------------------------

@dataclass
class ArchiveFile:
    """The paragraphs of one archived file (one or more speeches) that are long enough to check.

    Paragraph i belongs to speech ``speech_of[i]`` (titled ``titles[...]``) and is the
    ``numbers[i]``-th paragraph of that speech's text (opening, body, closing: 1-based, the
    short ones counted too, headings not).  Its hashes are ``hashes[hash_bounds[i]:
    hash_bounds[i + 1]]``, its anchors likewise, its text the UTF-8 bytes ``text_bytes[
    text_bounds[i]:text_bounds[i + 1]]`` — flat arrays, so that the cache stores and reads them
    in one piece.
    """
    path: str
    titles: list[str]
    speech_of: array
    numbers: array
    hashes: array
    hash_bounds: array
    anchors: array
    anchor_bounds: array
    text_bytes: bytes
    text_bounds: array

    def __repr__(self) -> str:
        return f"ArchiveFile({self.path!r}, {len(self.titles)} speeches, {len(self)} paragraphs)"

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def __len__(self) -> int:
        return len(self.numbers)

    def text(self, paragraph: int) -> str:
        return self.text_bytes[self.text_bounds[paragraph]:
                               self.text_bounds[paragraph + 1]].decode("utf-8")

    def title(self, paragraph: int) -> str:
        return self.titles[self.speech_of[paragraph]]

    @classmethod
    def build(cls, path: str, speeches: Iterable[tuple[str, list[str]]]) -> ArchiveFile:
        """From (title, paragraphs in reading order) for each speech in the file."""
        titles: list[str] = []
        speech_of, numbers = array("I"), array("I")
        hashes, hash_bounds = array("I"), array("I", [0])
        anchors_, anchor_bounds = array("I"), array("I", [0])
        texts = bytearray()
        text_bounds = array("I", [0])
        for number, (title, paragraphs) in enumerate(speeches):
            titles.append(title)
            for place, text in enumerate(paragraphs, start=1):
                found = paragraph_print(text)
                if not found.checked:
                    continue
                speech_of.append(number)
                numbers.append(place)
                hashes.extend(found.hashes)
                hash_bounds.append(len(hashes))
                anchors_.extend(found.anchors)
                anchor_bounds.append(len(anchors_))
                texts.extend(text.encode("utf-8"))
                text_bounds.append(len(texts))
        return cls(path, titles, speech_of, numbers, hashes, hash_bounds, anchors_,
                   anchor_bounds, bytes(texts), text_bounds)


def speech_paragraphs(speech: Speech) -> list[str]:
    """A speech's text paragraphs in reading order (what 第 N 段 counts)."""
    out = list(speech.opening)
    for section, _ in speech.walk():
        out.extend(section.paragraphs)
    out.extend(speech.closing)
    return out


# --- searching --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    file: ArchiveFile
    paragraph: int          # index among the file's checked paragraphs
    similarity: float       # the share of the query's shingles found in that paragraph
    held: float = 1.0       # the share of that paragraph's shingles the query holds

    @property
    def within(self) -> bool:
        """The query is (mostly) a piece of a longer archived paragraph: much of that
        paragraph is not in the query, so the two are not 「相同」."""
        return self.held < THRESHOLD

    @property
    def title(self) -> str:
        return self.file.title(self.paragraph)

    @property
    def number(self) -> int:
        return self.file.numbers[self.paragraph]

    @property
    def text(self) -> str:
        return self.file.text(self.paragraph)

    @property
    def percent(self) -> int:
        """Rounded down, so that a flagged paragraph never shows less than the threshold."""
        return int(self.similarity * 100 + 1e-9)


class ArchiveSearch:
    """The archive's files, searched for the paragraphs of a speech.

    ``matches(texts)`` gives each text's archived paragraphs of at least ``FLOOR``
    similarity, best first.  What a text found is remembered by the text, so after an edit only
    the changed paragraph is searched again (and the memory holds only what the last call
    used).

    Candidates are found by a scan of every archived anchor (what a one-off check does:
    nothing to build first), or — after ``prepare()``, which the window calls once in the
    background — through a sorted table of (anchor, paragraph) pairs, looked up by bisection:
    then one edited paragraph costs a few hundred look-ups instead of a scan.  A search takes
    whichever path touches fewer anchors.
    """

    def __init__(self, files: Sequence[ArchiveFile]):
        self.files = list(files)
        self._known: dict[str, list[Match] | None] = {}
        self._table: HashTable | None = None        # anchors → paragraph numbers
        self._places: list[tuple[ArchiveFile, int]] = []
        self.anchor_count = sum(len(f.anchors) for f in self.files)

    @property
    def paragraphs(self) -> int:
        return sum(len(f) for f in self.files)

    def prepare(self) -> None:
        """Build the table of anchors (about 0.5 s and 5 MB for 1,000 speeches)."""
        places: list[tuple[ArchiveFile, int]] = []
        pairs: list[int] = []
        for file in self.files:
            bounds, values = file.anchor_bounds, file.anchors
            for paragraph in range(len(file)):
                number = len(places)
                places.append((file, paragraph))
                pairs.extend(pair(value, number)
                             for value in values[bounds[paragraph]:bounds[paragraph + 1]])
        self._table, self._places = HashTable(pairs), places

    def matches(self, texts: Sequence[str]) -> list[list[Match] | None]:
        """None for a text too short to be checked."""
        known = self._known
        new = [t for t in dict.fromkeys(texts) if t not in known]
        if new:
            for text, found in zip(new, self._search(new)):
                known[text] = found
        result: list[list[Match] | None] = [known[t] for t in texts]
        self._known = {t: known[t] for t in texts}
        return result

    def _search(self, texts: list[str]) -> list[list[Match] | None]:
        prints = [paragraph_print(t) for t in texts]
        queries = [i for i, p in enumerate(prints) if p.checked]
        owners: dict[int, list[int]] = {}
        for i in queries:
            for value in prints[i].hashes:
                owners.setdefault(value, []).append(i)
        wanted = [max(1, CANDIDATE_SHARE * len(p.anchors)) for p in prints]
        candidates: dict[int, list[tuple[int, ArchiveFile, int]]] = {i: [] for i in queries}
        for (file, paragraph, i), count in self._shared(owners, wanted):
            candidates[i].append((count, file, paragraph))
        result: list[list[Match] | None] = [[] if p.checked else None for p in prints]
        for i, found in candidates.items():
            found.sort(key=lambda c: -c[0])
            own = set(prints[i].hashes)
            size = len(own)
            matches = []
            for _count, file, paragraph in found[:MAX_EXACT]:
                stored = set(memoryview(file.hashes)[file.hash_bounds[paragraph]:
                                                     file.hash_bounds[paragraph + 1]])
                shared = len(own.intersection(stored))
                if shared >= FLOOR * size:
                    matches.append(Match(file, paragraph, shared / size,
                                         shared / len(stored) if stored else 1.0))
            matches.sort(key=lambda m: -m.similarity)
            result[i] = matches
        return result

    def _shared(self, owners: dict[int, list[int]], wanted: list[float]
                ) -> Iterator[tuple[tuple[ArchiveFile, int, int], int]]:
        """((file, paragraph, query number), anchors they share) for every archived paragraph
        that shares at least ``wanted[query number]`` anchors with a query.  Counted in C
        (``Counter.update`` of a list): keys are ``paragraph number * queries + query
        number``."""
        queries = len(wanted)
        counts: Counter[int] = Counter()
        table = self._table
        if table is not None:
            spans = [(value, table.span(value)) for value in owners]
            if sum(high - low for _, (low, high) in spans) < self.anchor_count // 2:
                for value, (low, high) in spans:
                    if low == high:
                        continue
                    numbers = table.items(low, high)
                    for i in owners[value]:
                        counts.update([n * queries + i for n in numbers] if queries > 1
                                      else numbers)
                places = self._places
                for key, count in counts.items():
                    number, i = divmod(key, queries)
                    if count >= wanted[i]:
                        file, paragraph = places[number]
                        yield (file, paragraph, i), count
                return
        shared_with = set(owners).intersection
        whose = owners.__getitem__
        for file in self.files:
            view, bounds = memoryview(file.anchors), file.anchor_bounds
            for paragraph in range(len(file)):
                shared = shared_with(view[bounds[paragraph]:bounds[paragraph + 1]])
                if shared:
                    counts.clear()
                    counts.update(chain.from_iterable(map(whose, shared)))
                    for i, count in counts.items():
                        if count >= wanted[i]:
                            yield (file, paragraph, i), count


# --- findings ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedParagraph:
    """One paragraph of the speech and what the archive holds of it (best first)."""
    location: Location
    text: str
    matches: list[Match]
    checked: bool = True     # False: too short to be checked

    @property
    def closest(self) -> Match | None:
        return self.matches[0] if self.matches else None


def units(speech: Speech) -> Iterator[tuple[Location, str]]:
    """The speech's paragraphs with their places, in reading order."""
    for i, text in enumerate(speech.opening):
        yield Location(OPENING, i, 0, len(text)), text
    for section, _ in speech.walk():
        for i, text in enumerate(section.paragraphs):
            yield Location(section.id, i, 0, len(text)), text
    for i, text in enumerate(speech.closing):
        yield Location(CLOSING, i, 0, len(text)), text


def check_paragraphs(speech: Speech, search: ArchiveSearch,
                     exclude: Iterable[str] = ()) -> list[CheckedParagraph]:
    """Every paragraph of the speech with its matches in the archive; ``exclude``: archived
    files (their paths) not to match — the speech's own file, when it is in the archive."""
    placed = list(units(speech))
    found = search.matches([text for _, text in placed])
    left_out = set(exclude)
    return [CheckedParagraph(loc, text, [m for m in matches or [] if m.file.path not in left_out],
                             matches is not None)
            for (loc, text), matches in zip(placed, found)]


def repeat_message(match: Match) -> tuple[str, str]:
    """「相同」 when the two paragraphs are the same (each holds 80 % of the other); 「见于」 when
    this one is a piece of a longer archived paragraph, which may hold several of them."""
    title = match.title or match.file.name
    if match.within:
        return (f"本段 {match.percent}% 见于《{title}》第 {match.number} 段，那一段更长"
                f"（{match.file.name}）。",
                f"{match.percent}% of this paragraph is in paragraph {match.number} of "
                f"“{title}”, a longer one ({match.file.name}).")
    return (f"本段与《{title}》第 {match.number} 段 {match.percent}% 相同（{match.file.name}）。",
            f"This paragraph is {match.percent}% the same as paragraph {match.number} of "
            f"“{title}” ({match.file.name}).")


def repeat_findings(checked: Iterable[CheckedParagraph],
                    threshold: float = THRESHOLD) -> list[Finding]:
    """A finding (rule ``archive.repeat``) for each paragraph whose closest match reaches the
    threshold.  The span is the whole paragraph (a jump selects it); the excerpt, which names
    the finding when the writer ignores it, is the paragraph's start."""
    severity = BY_ID[RULE].severity
    out = []
    for item in checked:
        best = item.closest
        if best is None or best.similarity < threshold:
            continue
        zh, en = repeat_message(best)
        out.append(Finding(RULE, severity, zh, en, item.location, item.text,
                           item.text[:EXCERPT], 0))
    return out


def merge_in_reading_order(speech: Speech, findings: list[Finding],
                           more: list[Finding]) -> list[Finding]:
    """The proofreader's findings (in reading order) with ``more`` put in place: a finding
    about a whole paragraph comes before the findings inside it."""
    if not more:
        return list(findings)
    order = {name: n for n, name in enumerate(
        [*HEAD_FIELDS, OPENING] + [section.id for section, _ in speech.walk()] + [CLOSING])}

    def place(finding: Finding) -> tuple:
        loc = finding.location
        return (order.get(loc.container, len(order)), -1 if loc.paragraph is None else
                loc.paragraph)
    merged: list[Finding] = []
    pending = sorted(more, key=place)
    at = 0
    for finding in findings:
        while at < len(pending) and place(pending[at]) <= place(finding):
            merged.append(pending[at])
            at += 1
        merged.append(finding)
    merged.extend(pending[at:])
    return merged


def describe_matches(matches: Sequence[Match]) -> str:
    """One line for people: the closest match, or that there is none."""
    if not matches:
        return pick("存档里没有相近的段落", "nothing close in the archive")
    return pick(*repeat_message(matches[0]))
