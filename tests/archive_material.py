"""Archives for the 查重 tests: the corpus's eight drafts, each as its own archived file.

The drafts are saved the ways an office keeps old speeches: three as speech files (imported
from the corpus), three as exported Word documents, two as the plain text copied from the site
(the corpus's own lines for that draft, with its damage).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus" / "创建文明单位动员大会讲话稿-8篇.txt"
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"
NUMERALS = "一二三四五六七八"
TITLE = "创建文明单位动员大会讲话稿篇"
# Unrelated documents: government reports, 《毛泽东选集》, a 函, other offices' speeches.
UNRELATED = (ROOT / "tests" / "importer" / "realdocs", ROOT / "tests" / "proofread_bars" / "speeches")


def draft_lines() -> list[list[str]]:
    """The corpus's lines for each of its eight drafts (from its title line to the next)."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    starts = [lines.index(TITLE + n) for n in NUMERALS]
    ends = starts[1:] + [len(lines)]
    return [lines[start:end] for start, end in zip(starts, ends)]


def write_corpus_archive(folder: Path) -> dict[str, Path]:
    """The eight drafts as eight files in ``folder``; title → file."""
    from composer.export import export_docx
    from composer.io.importing import import_to_speech
    from composer.io.speech_file import load_speech

    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for number, lines in enumerate(draft_lines()):
        title = TITLE + NUMERALS[number]
        if number in (0, 3, 6):
            path = folder / f"{title}.speech.yaml"
            import_to_speech(CORPUS, path, number + 1)
        elif number in (1, 4, 7):
            imported = folder / f".{title}.speech.yaml"      # hidden: not part of the archive
            import_to_speech(CORPUS, imported, number + 1)
            path = folder / f"{title}.docx"
            export_docx(load_speech(imported), path)
            imported.unlink()
        else:
            path = folder / f"{title}.txt"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        made[title] = path
    return made
