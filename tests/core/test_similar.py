"""Similar paragraphs (core/similar.py): the library snippets closest to a section's text, on the
bundled library, against a direct computation of the measure, and what is left out."""

import math
import random

import pytest

from composer.core.library import PARAGRAPH, Snippet
from composer.core.similar import (COMMON, FOLLOWED, MIN_SCORE, SimilarSnippets, grams,
                                   similar_to_paragraphs, similar_to_section, snippet_text)
from composer.core.speech import Section
from tests.archive_material import EXAMPLE, ROOT

LIBRARY = ROOT / "resources" / "library" / "wenming-chuangjian.library.yaml"


@pytest.fixture(scope="module")
def library():
    from composer.io.library_file import load_pack
    return load_pack(LIBRARY, use_index=False).snippets


@pytest.fixture(scope="module")
def index(library):
    return SimilarSnippets(library)


def _section(heading):
    from composer.io.speech_file import load_speech
    speech = load_speech(EXAMPLE)
    return next(s for s, _ in speech.walk() if s.heading == heading)


def test_another_way_to_say_organising_the_work(index):
    """「（一）加强组织领导」 of the example (篇五's text): the other drafts' sections on 加强领导
    are listed, with 篇一's paragraph on its 指导委员会 and 办公室; 篇五's own paragraph that holds
    this text is left out."""
    found = similar_to_section(index, _section("加强组织领导"))
    headings = [f.snippet.heading for f in found]
    assert "加强领导，强化措施，扎实开展创建工作" in headings          # 篇二
    assert "加强领导、精心组织，确保省级文明单位创建工作取得实效" in headings   # 篇一
    texts = [snippet_text(f.snippet) for f in found]
    assert texts[0].strip().startswith("精神文明建设指导委员会下设办公室")
    assert not any("经局党委研究决定，我局专门成立了" in t for t in texts)
    scores = [f.score for f in found]
    assert scores == sorted(scores, reverse=True) and MIN_SCORE <= scores[-1] <= scores[0] <= 1


def test_unrelated_text_gets_nothing(index):
    """Mao's 「两类不同性质的矛盾」 (《关于正确处理人民内部矛盾的问题》, realdocs) shares hundreds of
    pairs with the longest snippets — 「认为」「之间」「面前」, rare in a library on one subject
    but in any long text — and used to get eight 文明单位 snippets, the first at 0.064, above most
    real paraphrases.  Pairs common in Chinese prose at large do not count now: nothing."""
    from composer.io.importing import import_files
    [item] = import_files([ROOT / "tests" / "importer" / "realdocs" / "heldout" / "mao216.md"]).found
    section = item.speech.body[0]
    assert section.heading == "两类不同性质的矛盾"
    assert similar_to_section(index, section) == []


def test_precision_on_real_documents(index):
    """The figures of bench_similar, as a bar: each section of the example finds the snippet it
    was made from first (when let in), and all but one get something listed (「广泛宣传，营造
    氛围」, 161 characters, shares only pairs of any prose with the other drafts); of the sections
    of 21 real documents nobody here wrote (held out from the list of common pairs), at most
    5 % get anything (before: 268 of 284)."""
    from tests.core.similar_measure import example, real
    ex = example(index)
    assert ex.own_first == ex.sections == 13 and ex.with_any >= 12
    measured = real(index)
    assert measured.sections > 250
    assert measured.with_any <= 0.05 * measured.sections, measured.noise


def test_common_pairs_are_not_shared_content():
    from composer.core.common_pairs import COMMON_PAIRS
    assert {"领导", "落实", "加强", "工作"} <= COMMON_PAIRS
    assert not {"小组", "氛围", "表彰"} & COMMON_PAIRS
    assert grams("加强领导") == set() and len(grams("领导小组")) == 2     # 导小, 小组 kept


def test_a_paraphrase_finds_what_it_paraphrases(index, library):
    """Said in other words — few 4-character phrases in common, so 查重 would not see it — the
    paragraph it rewrites is found first."""
    paraphrase = ("我们要广泛发动、深入宣传，通过各种形式让全院师生员工了解创建文明单位的重要性、必要性，"
                  "明白自己在创建中的责任和作用，让人人都关心和参与创建，并注意培养典型、发挥示范作用。")
    found = index.similar(paraphrase)
    first = found[0].snippet
    assert first.level == PARAGRAPH and first.paragraphs[0].startswith("二要广泛宣传，营造氛围。")
    from composer.core.near_duplicates import fingerprint, shingles
    own, theirs = shingles(fingerprint(paraphrase)), shingles(fingerprint(first.paragraphs[0]))
    assert len(own & theirs) / len(own) < 0.5


def test_the_snippets_a_section_came_from_are_left_out(index, library):
    snippet = next(s for s in library if s.heading == "加强领导，强化措施，扎实开展创建工作")
    section = _section("加强组织领导")
    section.snippets = [snippet.id]
    assert snippet not in [f.snippet for f in similar_to_section(index, section)]


def test_the_text_itself_is_not_another_way_to_say_it(index, library):
    for snippet in library[:40]:
        found = index.similar(snippet_text(snippet))
        assert snippet not in [f.snippet for f in found]


@pytest.mark.parametrize("copies", [1, 3])
def test_scores_are_the_weighted_cosine(library, copies):
    """Against a direct computation: weights log(1 + N/df), pairs held by more than COMMON of
    the snippets not followed (but counted in the norms), in the library and in three copies
    of it (more of them past the floor of FOLLOWED)."""
    library = [Snippet(f"{s.id}-{n}", s.level, s.heading, s.paragraphs, s.children)
               for n in range(copies) for s in library]
    index = SimilarSnippets(library)
    held = [grams(snippet_text(s)) for s in library]
    count = len(library)
    df: dict[int, int] = {}
    for own in held:
        for value in own:
            df[value] = df.get(value, 0) + 1

    skipped = {v for v, n in df.items() if n > index.common}
    assert skipped          # the rule for common pairs is exercised

    def weight2(value):
        return math.log(1 + count / df[value]) ** 2 if value in df else math.log(1 + count) ** 2
    rng = random.Random(8)
    for _ in range(30):
        source = snippet_text(rng.choice(library))
        start = rng.randrange(len(source) // 2)
        query = source[start:start + rng.randint(30, 120)] + "，要切实抓好落实。"
        own = grams(query)
        qnorm = math.sqrt(sum(map(weight2, own)))
        expected = {}
        for n, theirs in enumerate(held):
            shared = [v for v in own & theirs if df[v] <= max(COMMON * count, FOLLOWED)]
            if shared:
                expected[n] = sum(map(weight2, shared)) / (qnorm * math.sqrt(sum(map(weight2, theirs))))
        for found in index.similar(query, count=5):
            number = next(n for n, s in enumerate(library) if s is found.snippet)
            assert found.score == pytest.approx(expected[number])


def test_opening_closing_and_empty(index):
    from composer.io.speech_file import load_speech
    speech = load_speech(EXAMPLE)
    closing = similar_to_paragraphs(index, speech.closing)
    assert all(f.snippet.kind == "结尾" or f.score < 1 for f in closing)
    assert index.similar("") == [] and index.similar("，。！") == []
    assert SimilarSnippets([]).similar("加强组织领导") == []
    alone = SimilarSnippets([Snippet("a", 1, "加强组织领导", ["成立领导小组，明确责任分工。"])])
    assert alone.similar("成立领导小组，明确分工")[0].snippet.id == "a"
    assert alone.similar("加强领导，落实责任") == []     # only pairs any prose has in common
    assert Section("x").snippets == []


def test_the_list_of_common_pairs_is_up_to_date():
    """Generated from tests/importer/realdocs/tuned/: a document added there changes it
    (rebuild with ``python resources/similar/build.py``)."""
    import importlib.util
    import math
    from composer.core.common_pairs import COMMON_PAIRS
    spec = importlib.util.spec_from_file_location("build", ROOT / "resources" / "similar" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    documents = sorted(p for p in build.SOURCE.iterdir() if p.suffix in (".txt", ".md"))
    counts: dict[str, int] = {}
    for path in documents:
        for value in build.pairs(path.read_text(encoding="utf-8-sig")):
            counts[value] = counts.get(value, 0) + 1
    least = math.ceil(build.SHARE * len(documents))
    expected = {p for p, n in counts.items() if n >= least and all("\u4e00" <= c <= "\u9fff" for c in p)}
    assert COMMON_PAIRS == expected
