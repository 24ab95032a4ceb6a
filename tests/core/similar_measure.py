"""Measuring 相近的说法 (core/similar.py) on real material, for tests/core/test_similar.py and
bench/bench_similar.py.

    .venv/bin/python -m tests.core.similar_measure

- **Recall, the example speech:** each of its sections against the bundled library, the
  snippets it was made from let in: the first must be one that holds 80 % of the section's text
  or 80 % of which the section holds (the measure by which the panel leaves such snippets out).
- **Related, the example speech:** as the panel lists them (the section's own text left out),
  how many snippets each section gets.
- **Precision, real documents nobody here wrote:** the held-out documents of
  ``tests/importer/realdocs/`` (the list of common pairs was made from the other half), imported
  as a writer would, every section and the opening against the bundled library: nothing is
  about 创建文明单位, so every snippet listed is noise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "resources" / "library" / "wenming-chuangjian.library.yaml"
EXAMPLE = next((ROOT / "resources" / "examples").glob("*.speech.yaml"))
HELDOUT = ROOT / "tests" / "importer" / "realdocs" / "heldout"


@dataclass
class Measured:
    sections: int = 0
    own_first: int = 0              # recall: the section's own snippet ranks first
    listed: list[int] = field(default_factory=list)     # per section, snippets listed
    noise: list[tuple[str, str, float]] = field(default_factory=list)  # real: what was listed

    @property
    def with_any(self) -> int:
        return sum(1 for n in self.listed if n)


def library():
    from composer.io.library_file import load_pack
    return load_pack(LIBRARY, use_index=False).snippets


def real_documents() -> list[Path]:
    """The held-out documents, one form each (the .docx/.doc copies say what the .md says or
    need LibreOffice)."""
    return sorted(p for p in HELDOUT.iterdir() if p.suffix in (".txt", ".md"))


def example(index) -> Measured:
    from composer.core.similar import (_phrases, _same_text, section_text, similar_to_section,
                                       snippet_text)
    from composer.io.speech_file import load_speech
    result = Measured()
    for section, _ in load_speech(EXAMPLE).walk():
        result.sections += 1
        text = section_text(section)
        first = index.similar(text, count=1, leave_out_same=False)
        if first and _same_text(_phrases(text), _phrases(snippet_text(first[0].snippet))):
            result.own_first += 1
        result.listed.append(len(similar_to_section(index, section)))
    return result


def real(index) -> Measured:
    from composer.core.similar import similar_to_paragraphs, similar_to_section
    from composer.io.importing import import_files
    result = Measured()
    for path in real_documents():
        for item in import_files([path]).found:
            speech = item.speech
            asked = [(f"{path.name} 开头", similar_to_paragraphs(index, speech.opening))]
            asked += [(f"{path.name} {s.heading[:16]}", similar_to_section(index, s))
                      for s, _ in speech.walk()]
            for where, found in asked:
                result.sections += 1
                result.listed.append(len(found))
                result.noise.extend((where, (f.snippet.heading or f.snippet.paragraphs[0])[:20],
                                     f.score) for f in found)
    return result


def report() -> str:
    from composer.core.similar import SimilarSnippets
    index = SimilarSnippets(library())
    ex, re_ = example(index), real(index)
    lines = [f"example: {ex.own_first}/{ex.sections} sections find their own snippet first; "
             f"{ex.with_any}/{ex.sections} list something ({sum(ex.listed)} snippets)",
             f"real documents ({len(real_documents())}): {re_.with_any}/{re_.sections} sections "
             f"list something ({sum(re_.listed)} snippets)"]
    lines += [f"  {where}: {what} {score:.3f}" for where, what, score in re_.noise[:20]]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
