"""查重 against an archive (core/archive.py): the measure on both sides of the threshold, the
search against brute force, short paragraphs inside long ones, and the findings."""

import random

import pytest

from composer.core.archive import (FLOOR, MIN_SHINGLES, RULE, THRESHOLD, WINDOW, ArchiveFile,
                                   ArchiveSearch, anchors, check_paragraphs,
                                   merge_in_reading_order, repeat_findings, speech_paragraphs)
from composer.core.cleanup import split_lines
from composer.core.importer import analyse
from composer.core.near_duplicates import fingerprint, shingles
from composer.core.proofread import check_speech
from composer.core.speech import Section, Speech


def share(query: str, archived: str) -> float:
    """The measure by brute force: the share of the query's shingles in the archived text."""
    own = shingles(fingerprint(query))
    return len(own & _shingles_of(archived)) / len(own)


_SHINGLES: dict[str, frozenset] = {}


def _shingles_of(text: str) -> frozenset:
    found = _SHINGLES.get(text)
    if found is None:
        found = _SHINGLES[text] = shingles(fingerprint(text))
    return found


@pytest.fixture(scope="module")
def corpus_speeches():
    from tests.conftest import CORPUS
    found = analyse([("corpus.txt", split_lines(CORPUS.read_text(encoding="utf-8")))]).found
    return [item.speech for item in found]


@pytest.fixture(scope="module")
def corpus_archive(corpus_speeches):
    files = [ArchiveFile.build(f"/archive/篇{n}.txt", [(s.title, speech_paragraphs(s))])
             for n, s in enumerate(corpus_speeches, start=1)]
    return files


def _all_archived(files):
    return [(f, i, f.text(i)) for f in files for i in range(len(f))]


def _edit(rng, text, positions):
    chars = list(text)
    for at in positions:
        chars[at] = "鑫" if chars[at] != "鑫" else "淼"
    return "".join(chars)


def test_the_threshold_from_both_sides(corpus_archive):
    """One archived paragraph, edited more and more: flagged while at least 80 % of the edited
    paragraph's shingles are still in it, not once fewer are; the similarity shown is the
    brute-force share."""
    file = corpus_archive[4]
    original = file.text(2)
    search = ArchiveSearch(corpus_archive)
    rng = random.Random(3)
    flagged = unflagged = 0
    for edits in range(0, 40, 2):
        edited = _edit(rng, original, rng.sample(range(len(original)), edits))
        truth = max(share(edited, text) for _, _, text in _all_archived(corpus_archive))
        [matches] = search.matches([edited])
        speech = Speech(title="今年的讲话", opening=[edited])
        findings = repeat_findings(check_paragraphs(speech, search))
        if truth >= THRESHOLD:
            assert len(findings) == 1 and matches
            assert matches[0].similarity == pytest.approx(truth)
            assert matches[0].title == file.titles[0] and matches[0].number == 3
            assert f"{int(truth * 100)}% 相同" in findings[0].message
            flagged += 1
        else:
            assert findings == []
            unflagged += 1
    assert flagged >= 3 and unflagged >= 3


def test_search_agrees_with_brute_force(corpus_archive):
    """Queries made as writers make paragraphs — a piece of an archived paragraph, two pieces
    joined, an edited copy, new text — get the brute-force best share whenever it reaches the
    threshold, and no match is reported above its true share."""
    rng = random.Random(11)
    archived = _all_archived(corpus_archive)
    search = ArchiveSearch(corpus_archive)
    table = ArchiveSearch(corpus_archive)     # the window's: candidates from the anchor table
    table.prepare()
    checked = over = 0
    for _ in range(250):
        kind = rng.choice(["piece", "joined", "edited", "new"])
        a = rng.choice(archived)[2]
        b = rng.choice(archived)[2]
        if kind == "piece":
            start = rng.randrange(max(1, len(a) - 20))
            query = a[start:start + rng.randint(20, 200)]
        elif kind == "joined":
            query = a[:rng.randint(20, 120)] + b[-rng.randint(20, 120):]
        elif kind == "edited":
            query = _edit(rng, a, rng.sample(range(len(a)), rng.randint(0, len(a) // 15)))
        else:      # new text made of the archive's own characters
            query = "".join(rng.choice(a + b) for _ in range(rng.randint(20, 150)))
        if len(shingles(fingerprint(query))) < MIN_SHINGLES:
            continue
        truth = max(share(query, text) for _, _, text in archived)
        [matches] = search.matches([query])
        [by_table] = table.matches([query])
        assert [(m.file.path, m.paragraph, m.similarity) for m in by_table] == \
            [(m.file.path, m.paragraph, m.similarity) for m in matches]
        if truth >= THRESHOLD:
            assert matches, (kind, truth, query)
            assert matches[0].similarity == pytest.approx(truth), (kind, query)
            over += 1
        for match in matches:
            assert match.similarity == pytest.approx(share(query, match.text))
            assert match.similarity >= FLOOR
        checked += 1
    assert over >= 60 and checked - over >= 40      # both sides were exercised


def test_a_short_paragraph_inside_a_long_one_is_found(corpus_archive):
    """What a min-hash sketch of the long paragraph cannot see: 30 characters out of 800."""
    file, paragraph = max(((f, i) for f in corpus_archive for i in range(len(f))),
                          key=lambda fp: len(fp[0].text(fp[1])))
    long_text = file.text(paragraph)
    assert len(long_text) > 700
    piece = long_text[400:430]
    [matches] = ArchiveSearch(corpus_archive).matches([piece])
    assert matches and matches[0].similarity == 1.0
    assert piece in matches[0].text      # this paragraph, or its copy in the near-duplicate draft
    assert (file, paragraph) in [(m.file, m.paragraph) for m in matches]


def test_short_paragraphs_are_not_checked(corpus_archive):
    search = ArchiveSearch(corpus_archive)
    speech = Speech(title="讲话", salutation="同志们：", closing=["谢谢大家！"],
                    opening=["同志们，大家好！"])
    checked = check_paragraphs(speech, search)
    assert [c.checked for c in checked] == [False, False]
    assert repeat_findings(checked) == []


def test_unrelated_text_is_not_flagged(corpus_archive):
    """A paragraph on the same subject in other words shares phrases, not 80 % of itself."""
    text = ("创建文明单位，关键在于把各项要求落到每一个岗位、每一名同志身上。我们要把文明创建同业务工作"
            "结合起来，用群众满意不满意来检验创建的成效，切实做到创建为民、创建惠民。")
    search = ArchiveSearch(corpus_archive)
    checked = check_paragraphs(Speech(title="讲话", opening=[text]), search)
    assert checked[0].checked
    assert repeat_findings(checked) == []
    assert all(m.similarity < THRESHOLD for m in checked[0].matches)


def test_winnowing_shares_an_anchor_for_every_shared_window():
    """The guarantee the candidate search rests on: two sequences sharing a run of WINDOW
    values share one of their anchors."""
    rng = random.Random(2)
    for _ in range(300):
        common = [rng.getrandbits(32) for _ in range(WINDOW + rng.randrange(5))]
        a = [rng.getrandbits(32) for _ in range(rng.randrange(30))] + common + \
            [rng.getrandbits(32) for _ in range(rng.randrange(30))]
        b = [rng.getrandbits(32) for _ in range(rng.randrange(30))] + common
        assert anchors(a) & anchors(b) & set(common)


def test_anchors_are_the_window_minima():
    rng = random.Random(4)
    for _ in range(100):
        values = [rng.randrange(50) for _ in range(rng.randint(1, 40))]
        expected = {min(values[i:i + WINDOW]) for i in range(max(1, len(values) - WINDOW + 1))}
        assert anchors(values) == expected


def test_findings_are_proofreader_findings_in_reading_order(corpus_speeches, corpus_archive):
    """Same type as the proofreader's, placed among them by position; the span is the whole
    paragraph, the excerpt its start (what an ignored finding is remembered by)."""
    source = corpus_speeches[0]
    copied = speech_paragraphs(source)[5]
    speech = Speech(title="今年的讲话", opening=["今年的开头，全是新写的话，与往年没有一样的句子。，，"],
                    body=[Section("第一部分", [copied, "这里又有一个重复的标点。。"])])
    findings = check_speech(speech)
    archive_findings = repeat_findings(check_paragraphs(speech, ArchiveSearch(corpus_archive)))
    assert [f.rule for f in archive_findings] == [RULE]
    finding = archive_findings[0]
    section = speech.body[0]
    assert finding.location.container == section.id and finding.location.paragraph == 0
    assert finding.location.length == len(copied) and finding.text == copied
    assert finding.excerpt == copied[:20] and finding.fix is None
    assert finding.severity == "warning"
    assert "篇1.txt" in finding.message and source.title in finding.message
    merged = merge_in_reading_order(speech, findings, archive_findings)
    places = [(f.location.container, f.location.paragraph) for f in merged]
    assert places.index(("opening", 0)) < places.index((section.id, 0)) \
        < places.index((section.id, 1))
    assert merged[places.index((section.id, 0))].rule == RULE


def test_matches_are_remembered_by_text(corpus_archive, monkeypatch):
    """After an edit only the changed paragraph is searched again."""
    search = ArchiveSearch(corpus_archive)
    texts = [corpus_archive[0].text(i) for i in range(4)]
    first = search.matches(texts)
    searched = []
    real = search._search

    def counting(new):
        searched.extend(new)
        return real(new)
    monkeypatch.setattr(search, "_search", counting)
    changed = texts[:2] + [texts[2] + "又加了一句话。"] + texts[3:]
    again = search.matches(changed)
    assert searched == [changed[2]]
    assert again[0] == first[0] and again[3] == first[3]
