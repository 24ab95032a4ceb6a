"""Test speeches built from the real corpus text, so layout is measured on real Chinese prose.

Sentences are taken from the corpus and kept only when they are all Han characters and
full-width punctuation (no digits, Latin letters or spaces): on such text every full line of
the rendered document must hold exactly 28 characters.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from composer.core.speech import Section, Speech

CORPUS = (Path(__file__).resolve().parents[2] / "resources" / "corpus"
          / "创建文明单位动员大会讲话稿-8篇.txt")

# Han ideographs and the full-width punctuation of running Chinese text.
CJK_TEXT = re.compile(r"^[\u4e00-\u9fff，。、；：？！“”‘’《》（）——…]+$")


def corpus_sentences() -> list[str]:
    """Distinct all-CJK sentences of the corpus, joined across its hard line breaks."""
    text = CORPUS.read_text(encoding="utf-8")
    # The corpus breaks lines mid-sentence; paragraphs are separated by blank lines.
    joined = re.sub(r"(?<=\S)\n(?=\S)", "", text)
    sentences = []
    for paragraph in joined.split("\n"):
        for sentence in re.findall(r"[^。！？]*[。！？]", paragraph.strip()):
            sentence = sentence.strip()
            if len(sentence) >= 12 and CJK_TEXT.match(sentence) and sentence not in sentences:
                sentences.append(sentence)
    return sentences


class TextSource:
    """Hands out corpus sentences in turn (cycling), to fill paragraphs of a given length."""

    def __init__(self):
        self._sentences = itertools.cycle(corpus_sentences())

    def paragraph(self, at_least: int) -> str:
        out = ""
        while len(out) < at_least:
            out += next(self._sentences)
        return out

    def heading(self) -> str:
        """A short heading: the first clause of a sentence, without its punctuation."""
        while True:
            clause = re.split(r"[，。、；：？！]", next(self._sentences))[0]
            if 6 <= len(clause) <= 24 and CJK_TEXT.match(clause) and "“" not in clause:
                return clause


def build_speech(sections: int, children: int = 0, depth: int = 1, paragraph_chars: int = 200,
                 paragraphs: int = 2, title: str = "在创建省级文明单位动员大会上的讲话",
                 run_in_level: int | None = None,
                 lengths: tuple[int, ...] | None = None) -> Speech:
    """A speech with `sections` level-1 sections, each with `children` subsections per level
    down to `depth` levels, and `paragraphs` paragraphs of about `paragraph_chars` characters
    (or of the lengths in `lengths`, taken in turn, for paragraphs of varied size)."""
    source = TextSource()
    sizes = itertools.cycle(lengths or (paragraph_chars,))

    def section(level: int) -> Section:
        kids = [section(level + 1) for _ in range(children)] if level < depth else []
        return Section(heading=source.heading(),
                       paragraphs=[source.paragraph(next(sizes)) for _ in range(paragraphs)],
                       children=kids, run_in=(level == run_in_level))

    return Speech(title=title, speaker="局党组书记、局长　王建国", date="2024年3月15日",
                  salutation="同志们：", opening=[source.paragraph(paragraph_chars)],
                  body=[section(1) for _ in range(sections)],
                  closing=[source.paragraph(paragraph_chars), "谢谢大家！"])


def character_count(speech: Speech) -> int:
    total = sum(len(p) for p in speech.opening + speech.closing)
    for section, _ in speech.walk():
        total += len(section.heading) + sum(len(p) for p in section.paragraphs)
    return total
