"""Measuring a rendered PDF: lines per page, characters per line, edges, page numbers.

Lengths are in PDF points (1/72 inch); helpers convert millimetres.  A "line" is the set of
characters sharing a baseline; the page number is the line below the text block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pdfplumber

MM = 72 / 25.4
CJK_CHAR = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]")


@dataclass
class Line:
    chars: list[dict]
    baseline: float

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"]

    def inside(self, right: float) -> list[dict]:
        """The characters that start inside the text block (LibreOffice lets a trailing
        ，。、 hang into the right margin; official-format.md §2 accepts that)."""
        return [c for c in self.chars if c["x0"] < right - 1]

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def fonts(self) -> set[str]:
        return {c["fontname"].split("+")[-1] for c in self.chars}

    def all_cjk(self) -> bool:
        return all(CJK_CHAR.match(c["text"]) for c in self.chars)


@dataclass
class PageLayout:
    number: int          # 1-based
    width: float
    height: float
    lines: list[Line]    # text-block lines, top to bottom
    footer: Line | None  # the page-number line


def read_layout(pdf_path, bottom_margin_mm: float) -> list[PageLayout]:
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for index, page in enumerate(pdf.pages):
            by_baseline: dict[float, list[dict]] = {}
            for char in page.chars:
                # Characters of one line share the baseline, their text matrix's origin (not
                # their bottom: that is the baseline less the font's descent, which for the
                # Chinese and the Latin font of one 22 pt line differs by 2 pt).
                key = page.height - char["matrix"][5]
                for known in by_baseline:
                    if abs(known - key) < 2:
                        key = known
                        break
                by_baseline.setdefault(key, []).append(char)
            lines = [Line(sorted(chars, key=lambda c: c["x0"]), baseline)
                     for baseline, chars in sorted(by_baseline.items())]
            block_bottom = page.height - bottom_margin_mm * MM
            body = [line for line in lines if line.baseline <= block_bottom + 1]
            below = [line for line in lines if line.baseline > block_bottom + 1]
            pages.append(PageLayout(index + 1, page.width, page.height, body,
                                    below[0] if below else None))
    return pages


def line_slots(page: PageLayout, pitch_pt: float) -> list[int]:
    """The grid line each text line sits in, counting from the page's first line (0).

    Lines of different fonts sit a few points higher or lower in their line box, so the
    position is rounded to whole lines.  (LibreOffice centres a line grid that does not fill
    the text block, so the first line's distance from the top margin depends on the pitch.)
    """
    first = page.lines[0].baseline
    return [round((line.baseline - first) / pitch_pt) for line in page.lines]


def median_pitch(pages: list[PageLayout]) -> float:
    """The line pitch as rendered: the median gap between consecutive baselines."""
    gaps = sorted(b.baseline - a.baseline for page in pages
                  for a, b in zip(page.lines, page.lines[1:]))
    return gaps[len(gaps) // 2]
