"""Generated inputs for the benchmarks: big libraries and outlines made of real corpus text."""

from __future__ import annotations

import random
from pathlib import Path

from composer.core.library import PARAGRAPH, Pack, Snippet
from composer.core.speech import Section, Speech

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus" / "创建文明单位动员大会讲话稿-8篇.txt"


def corpus_paragraphs() -> list[str]:
    lines = [line.strip() for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if len(line) >= 40]


def big_pack(count: int = 10_000, seed: int = 1) -> Pack:
    """About 10,000 snippets ≈ 5 MB of YAML, like a big office library."""
    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    kinds = ["意义", "措施", "要求", "开头", "结尾", "目标"]
    snippets = []
    for i in range(count):
        level = rng.choice([1, 2, 2, 3, PARAGRAPH, PARAGRAPH])
        body = [rng.choice(paragraphs)[:rng.randint(60, 220)] for _ in range(rng.choice((1, 1, 2)))]
        heading = "" if level == PARAGRAPH else rng.choice(paragraphs)[:rng.randint(8, 30)]
        snippets.append(Snippet(f"g{i:05d}", level, heading, body, kind=rng.choice(kinds),
                                tags=["生成"], source_file="generated", source_title=f"第{i}篇"))
    return Pack("生成的素材库", snippets)


def big_outline(nodes: int = 500, big_section_descendants: int = 50) -> Speech:
    """A speech of `nodes` sections; the first level-1 section has the given number of descendants."""
    paragraphs = corpus_paragraphs()
    counter = iter(range(10**9))

    def section(level: int) -> Section:
        n = next(counter)
        return Section(f"标题{n}", [paragraphs[n % len(paragraphs)]])

    first = section(1)
    remaining = big_section_descendants
    while remaining:
        child = section(2)
        first.children.append(child)
        remaining -= 1
        for _ in range(min(4, remaining)):
            child.children.append(section(3))
            remaining -= 1
    body = [first]
    used = 1 + big_section_descendants
    while used < nodes:
        top = section(1)
        body.append(top)
        used += 1
        for _ in range(min(9, nodes - used)):
            top.children.append(section(2))
            used += 1
    return Speech(title="基准讲话", body=body)


def big_speech(characters: int = 30_000) -> Speech:
    """The example speech with its sections repeated (fresh copies) until its text holds about
    ``characters`` characters: a long speech made of real text, numbered 一、 to 十几、."""
    from composer.io.speech_file import load_speech
    example = next((ROOT / "resources" / "examples").glob("*.speech.yaml"))
    speech = load_speech(example)
    originals = list(speech.body)

    def size() -> int:
        return sum(len(p) for s, _ in speech.walk() for p in [s.heading, *s.paragraphs]) + \
            sum(len(p) for p in speech.opening + speech.closing)
    while size() < characters:
        speech.body.extend(section.copy() for section in originals)
    return speech


# Characters never changed by ``distinct_corpus``: outline numerals and the words that make
# titles, salutations and closings recognisable, so the structure survives.
_KEEP = set("一二三四五六七八九十讲话稿篇同志们谢大家创建文明单位动员会")


def distinct_corpus(copies: int, rate: float = 0.3, seed: int = 12) -> str:
    """The corpus text ``copies`` times, each copy written in its own "dialect": a share
    ``rate`` of the Han characters in use is replaced, everywhere in that copy, by another one
    chosen at random (the outline numerals and the words in ``_KEEP`` stay).

    Copies are distinct: a 4-character shingle of one copy appears in another only when none
    of its characters was replaced in either (≈ 0.49⁴ ≈ 6 %), far below the 0.7 that makes near
    duplicates.  Inside a copy the replacement is consistent, so each copy keeps the corpus's
    own near-duplicate pairs (篇四/篇七, 篇五/篇八), its structure and its length, and common
    phrases stay partly shared between copies, as in a real archive.
    """
    text = CORPUS.read_text(encoding="utf-8")
    rng = random.Random(seed)
    han = sorted({ch for ch in text if "\u4e00" <= ch <= "\u9fff"} - _KEEP)
    out = []
    for _ in range(copies):
        table = {ord(ch): rng.choice(han) for ch in han if rng.random() < rate}
        out.append(text.translate(table))
    return "\n".join(out)


def _clauses() -> list[str]:
    """The corpus cut at its punctuation: the pieces distinct snippets are made of."""
    import re
    pieces = re.split(r"[，。；！？：、]", "".join(corpus_paragraphs()))
    return sorted({p.strip() for p in pieces if 4 <= len(p.strip()) <= 40})


# A wider vocabulary than eight speeches have: the people, places and units of a real office's
# library.  Drawn from the CJK block with a skewed distribution, as real text is.
_RARE = [chr(c) for c in range(0x4E00, 0x4E00 + 6000, 3)]


def distinct_pack(count: int, seed: int = 7) -> Pack:
    """``count`` snippets with pairwise different text (about 620 bytes of YAML each, like
    the 100,000-snippet pack of issue 13: 61 MiB), made of corpus clauses in new orders plus
    names from a wider vocabulary, so that a search index meets realistic variety."""
    rng = random.Random(seed)
    clauses = _clauses()
    kinds = ["意义", "措施", "要求", "开头", "结尾", "目标", "任务", "形势", "其他", ""]
    seen: set[str] = set()
    snippets = []

    def name() -> str:
        return "".join(_RARE[min(int(rng.paretovariate(1.2)) - 1, len(_RARE) - 1)
                             if rng.random() < 0.5 else rng.randrange(len(_RARE))]
                       for _ in range(rng.randint(2, 4)))

    def paragraph() -> str:
        parts = [rng.choice(clauses) for _ in range(rng.randint(5, 14))]
        if rng.random() < 0.6:
            parts.insert(rng.randrange(len(parts)), name() + rng.choice(("同志", "单位", "局", "县")))
        text = "，".join(parts) + "。"
        return text

    i = 0
    while len(snippets) < count:
        level = rng.choice([1, 2, 2, 3, 4, PARAGRAPH, PARAGRAPH, PARAGRAPH])
        body = [paragraph() for _ in range(rng.choice((1, 1, 2)))]
        heading = "" if level == PARAGRAPH else rng.choice(clauses)[:rng.randint(6, 24)]
        key = heading + "\n" + "\n".join(body)
        if key in seen:
            continue
        seen.add(key)
        snippets.append(Snippet(f"d{i:06d}", level, heading, body, kind=rng.choice(kinds),
                                tags=[rng.choice(("生成", "范文", "会议", "表彰"))],
                                source_file="generated", source_title=f"第{i}篇"))
        i += 1
    return Pack(f"生成的素材库 {count}", snippets)
