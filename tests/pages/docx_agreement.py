"""How far the printed pages agree with LibreOffice's render of the .docx of the same speech: page
counts, where each page starts, and line breaks.  Used by test_docx_agreement.py (which asserts)
and bench/compare_pages.py (which prints the figures).

Both follow official-format.md §2 (headings kept with their text, widow control).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from export.conftest import convert_to_pdf
from export.pdf_layout import read_layout

# LibreOffice's PDF leaves out a mark hanging in the right margin (measured: the text of such a
# line ends without its 「，」); compare lines without a trailing mark.
HANGING = "，、。；：！？．"


def _lines(pdf: Path, bottom_mm: float) -> tuple[list[str], list[int], list[int]]:
    """Every text line (whitespace and a trailing hanging mark removed), the index of each
    page's first line, and each page's line count."""
    pages = read_layout(pdf, bottom_mm)
    lines: list[str] = []
    starts, counts = [], []
    for page in pages:
        starts.append(len(lines))
        counts.append(len(page.lines))
        lines.extend("".join(line.text.split()).rstrip(HANGING) for line in page.lines)
    return lines, starts, counts


@dataclass
class Agreement:
    name: str
    docx_pages: int
    pdf_pages: int
    same_page_starts: int     # pages of the .docx that start with the same line in the PDF
    docx_lines: int
    pdf_lines: int
    same_lines: int           # lines with the same text at the same place
    docx_counts: list[int]
    pdf_counts: list[int]

    def text(self) -> str:
        return (f"{self.name}: pages .docx {self.docx_pages} / PDF {self.pdf_pages}; "
                f"page breaks identical {self.same_page_starts}/{self.docx_pages - 1}; "
                f"lines identical {self.same_lines}/{self.docx_lines} (PDF {self.pdf_lines})")


def compare(name: str, docx_pdf: Path, pages_pdf: Path, bottom_mm: float) -> Agreement:
    docx_lines, docx_starts, docx_counts = _lines(docx_pdf, bottom_mm)
    pdf_lines, pdf_starts, pdf_counts = _lines(pages_pdf, bottom_mm)
    # A page break agrees when the page starts with the same line, at the same place in the text.
    same_starts = sum(1 for start in docx_starts[1:] if start in pdf_starts[1:]
                      and start < len(pdf_lines) and docx_lines[start] == pdf_lines[start])
    same_lines = sum(a == b for a, b in zip(docx_lines, pdf_lines))
    return Agreement(name, len(docx_counts), len(pdf_counts), same_starts, len(docx_lines),
                     len(pdf_lines), same_lines, docx_counts, pdf_counts)


def render_docx(documents: dict[str, bytes], work: Path) -> dict[str, Path]:
    """Write the .docx files and convert them with LibreOffice in one run; the PDFs by name."""
    paths = []
    for name, data in documents.items():
        path = work / f"{name}.docx"
        path.write_bytes(data)
        paths.append(path)
    out = work / "rendered"
    convert_to_pdf(paths, out, work)
    return {name: out / f"{name}.pdf" for name in documents}
