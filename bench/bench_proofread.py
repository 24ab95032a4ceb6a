"""Proofreading benchmarks: a 30,000-字 speech checked whole, and rechecked after one keystroke.

The speech is made of the corpus's real paragraphs (the eight drafts in resources/corpus), with
the bundled confusion list and an office list of 200 expressions, 100 banned words and 20
leaders loaded, so every rule runs.  The bar (issue 15): a recheck after a keystroke ≤ 16 ms.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from harness import Case, Info

from composer.core.proofread import Proofreader
from composer.core.speech import Section, Speech
from composer.core.stats import count_text
from composer.io.importing import read_speeches
from composer.io.proofread_lists import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus" / "创建文明单位动员大会讲话稿-8篇.txt"


def speech_of(characters: int) -> Speech:
    """Sections from the corpus's speeches, repeated until the speech has that many 字."""
    found = [f.speech for f in read_speeches([CORPUS])]
    body: list[Section] = []
    total = 0
    while total < characters:
        for source in found:
            for section in source.body:
                copy = section.copy()
                body.append(copy)
                total += sum(count_text(s.heading + "".join(s.paragraphs)).total
                             for s in copy.walk())
                if total >= characters:
                    break
            if total >= characters:
                break
    return Speech(title="基准讲话", salutation="同志们：", opening=list(found[0].opening),
                  body=body, closing=["谢谢大家！"])


def office_lists(folder: Path) -> None:
    lines = ["format: 1", "name: 基准词表", "expressions:"]
    lines += [f"  旧说法{n}: 新说法{n}" for n in range(200)]
    lines += ["banned:"] + [f"- 禁用词{n}" for n in range(100)]
    lines += ["leaders:"] + [f"- name: 领导{n:02d}\n  title: 职务{n}" for n in range(20)]
    (folder / "bench.proofread.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cases() -> list:
    folder = Path(tempfile.mkdtemp(prefix="bench-proofread-"))
    office_lists(folder)
    lexicon = load_lexicon([folder]).lexicon
    speech = speech_of(30_000)
    size = count_text("".join(p for s, _ in speech.walk() for p in s.paragraphs)).total
    paragraphs = sum(len(s.paragraphs) for s, _ in speech.walk())
    reader = Proofreader(lexicon)
    findings = len(reader.check(speech))
    # The paragraph being typed in: the longest one of a middle section.
    middle = [s for s, _ in speech.walk() if s.paragraphs][len(list(speech.walk())) // 2]
    index = max(range(len(middle.paragraphs)), key=lambda i: len(middle.paragraphs[i]))
    original = middle.paragraphs[index]
    state = {"n": 0}

    def keystroke() -> None:
        # Type one more character in the middle of the paragraph (a new text every time).
        state["n"] += 1
        cut = len(original) // 2
        middle.paragraphs[index] = original[:cut] + "进" * (state["n"] % 7 + 1) + original[cut:]

    def cold() -> None:
        Proofreader(lexicon).check(speech)

    return [
        Info("proofread: speech size", lambda: f"{size} 字 in {paragraphs} paragraphs, "
             f"{sum(1 for _ in speech.walk())} sections, {findings} findings; "
             f"longest paragraph typed in: {len(original)} 字"),
        Case("proofread 30,000 字: first check (empty cache)", cold, runs=5, note="baseline"),
        Case("proofread 30,000 字: recheck after a keystroke", lambda: reader.recheck_paragraph(
            speech, middle.id, index), setup=keystroke, runs=15, bar=0.016,
            baseline="proofread 30,000 字: first check (empty cache)"),
    ]
