"""Page count and page breaks of the printed pages (composer/pages) against LibreOffice's render of
the .docx of the same speech: ``python bench/compare_pages.py``.

For the example speech, a speech of about 40 pages and the eight real drafts of the corpus (as
imported), prints the figures for the .docx as the writer writes it, and for the .docx with the
page rules of official-format.md §2 (keepNext on headings, widow control), which the pages
follow.  Needs LibreOffice (packaging/dev.sh installs it) and takes about a minute.
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
from pages.docx_agreement import compare, render_docx, with_page_rules  # noqa: E402

from composer import pages  # noqa: E402
from composer.export import build_docx, load_profile  # noqa: E402
from composer.io.importing import read_speeches  # noqa: E402
from composer.io.speech_file import load_speech  # noqa: E402


def main() -> int:
    pages.ensure_application()
    profile = load_profile()
    speeches = {"example": load_speech(EXAMPLE),
                "forty": build_speech(8, children=2, depth=2, paragraphs=3, paragraph_chars=260)}
    for number, found in enumerate(read_speeches([CORPUS]), 1):
        speeches[f"corpus{number}"] = found.speech
    work = Path(tempfile.mkdtemp(prefix="compare-pages-"))
    documents = {}
    for name, speech in speeches.items():
        docx = build_docx(speech, profile)
        documents[f"{name}-as-written"] = docx
        documents[f"{name}-with-rules"] = with_page_rules(docx)
        pages.write_pdf(pages.lay_out(speech, profile), work / f"{name}.pdf")
    rendered = render_docx(documents, work)
    for name in speeches:
        for variant in ("as-written", "with-rules"):
            label = f"{name}-{variant}"
            figures = compare(label, rendered[label], work / f"{name}.pdf", profile.page.bottom_mm)
            print(figures.text())
            print(f"    lines a page, .docx: {figures.docx_counts}")
            print(f"    lines a page, PDF:   {figures.pdf_counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
