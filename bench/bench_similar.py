"""Similar paragraphs (issue 16): the library snippets closest to a section, in a library of
10,000 snippets (``generate.big_pack``: corpus text cut at random) and in one of 10,000 distinct
snippets (``distinct_corpus`` x60, every paragraph and section of it a snippet).

Measured: building the index once (the window builds it in the background when the panel is
first shown, and again when the library changes), its memory, and what selecting a section
costs — every section of the example in turn, and its longest level-1 section whole.

And what is listed, on real material (``tests/core/similar_measure.py``): the example's sections
against the bundled library, and the sections of 21 real documents nobody here wrote, on
another subject, where everything listed is noise.
"""

from __future__ import annotations

import tracemalloc

from generate import ROOT, big_pack, distinct_corpus
from harness import Case, Info

from composer.core.cleanup import split_lines
from composer.core.importer import analyse, import_into_library
from composer.core.similar import SimilarSnippets, similar_to_section
from composer.io.speech_file import load_speech


def _distinct_library(count: int = 10_000):
    found = analyse([("x.txt", split_lines(distinct_corpus(60)))]).found
    return import_into_library(found, []).added[:count]


def _precision() -> str:
    from tests.core.similar_measure import report
    return "; ".join(report().splitlines()[:2])


def cases() -> list:
    example = load_speech(next((ROOT / "resources" / "examples").glob("*.speech.yaml")))
    sections = [section for section, _ in example.walk()]
    longest = max(example.body, key=lambda s: sum(len(p) for x in s.walk() for p in x.paragraphs))
    out: list = [Info("similar: what is listed, the example and 21 real documents", _precision)]
    for name, snippets in (("cut corpus", big_pack().snippets),
                           ("distinct", _distinct_library())):
        holder: dict = {}

        def build(s=snippets, h=holder):
            h["index"] = SimilarSnippets(s)

        def memory(s=snippets) -> str:
            tracemalloc.start()
            index = SimilarSnippets(s)
            size, _peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            return (f"{size / 1e6:.1f} MB held ({index.table.nbytes / 1e6:.1f} MB of it the "
                    f"table of {len(index.table)} pairs)")

        title = f"{len(snippets)} snippets ({name})"
        out.append(Case(f"similar: build the index of {title}", build, runs=3))
        out.append(Info(f"similar: memory of the index of {title}", memory))
        out.append(Case(f"similar: each of the example's {len(sections)} sections, {name}",
                        lambda h=holder: [similar_to_section(h["index"], s) for s in sections],
                        runs=5, note="for all the sections together"))
        out.append(Case(f"similar: the longest level-1 section whole, {name}",
                        lambda h=holder: similar_to_section(h["index"], longest), runs=7))
    return out
