"""Page count and page breaks of the printed pages (composer/pages) against LibreOffice's render of
the .docx of the same speech: ``python bench/compare_pages.py``.

For the example speech, a speech of about 40 pages, the eight real drafts of the corpus (as
imported), and the example's 提纲 and 大字稿, prints the figures; both outputs follow the page
rules of official-format.md §2 (keepNext on headings, widow control), and the 大字稿 the .docx's
own page plan.  Needs LibreOffice (packaging/dev.sh installs it) and takes about a minute.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SPEECH_COMPOSER_DATA", tempfile.mkdtemp(prefix="compare-pages-"))

from export.conftest import EXAMPLE  # noqa: E402
from export.speech_builders import CORPUS, build_speech  # noqa: E402
from pages.docx_agreement import compare, render_docx  # noqa: E402

from composer import pages  # noqa: E402
from composer.export import build_docx, layout, load_profile  # noqa: E402
from composer.io.importing import read_speeches  # noqa: E402
from composer.io.speech_file import load_speech  # noqa: E402

RATE = 180     # characters a minute, for the podium copy's page times


def main() -> int:
    pages.ensure_application()
    standard, podium = load_profile(), load_profile("podium")
    example = load_speech(EXAMPLE)
    # name → (speech, profile, copy)
    cases = {"example": (example, standard, layout.FULL),
             "forty": (build_speech(8, children=2, depth=2, paragraphs=3, paragraph_chars=260),
                       standard, layout.FULL)}
    for number, found in enumerate(read_speeches([CORPUS]), 1):
        cases[f"corpus{number}"] = (found.speech, standard, layout.FULL)
    cases["example-outline"] = (example, standard, layout.OUTLINE_SENTENCES)
    cases["example-podium"] = (example, podium, layout.FULL)
    work = Path(tempfile.mkdtemp(prefix="compare-pages-"))
    documents = {}
    for name, (speech, profile, copy) in cases.items():
        documents[name] = build_docx(speech, profile, copy=copy, rate=RATE)
        pages.export_pdf(speech, work / f"{name}.pdf", profile, copy=copy, rate=RATE)
    rendered = render_docx(documents, work)
    for name, (_, profile, _) in cases.items():
        figures = compare(name, rendered[name], work / f"{name}.pdf", profile.page.bottom_mm)
        print(figures.text())
        print(f"    lines a page, .docx: {figures.docx_counts}")
        print(f"    lines a page, PDF:   {figures.pdf_counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
