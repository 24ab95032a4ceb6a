"""Page breaks of the printed pages against LibreOffice's render of the .docx of the same speech,
for the example, a speech of about 40 pages and two real drafts (issue 11: "as close as two
layout engines allow").  The figures are printed (``pytest -s``); bench/compare_pages.py prints them too."""

from __future__ import annotations

import pytest

from composer.export import build_docx

from .docx_agreement import compare, render_docx

pytestmark = pytest.mark.render

# The example, the 40-page speech, digits and Latin letters in Chinese lines, two real drafts, a
# 落款, the 提纲 and the 大字稿 (whose pages follow the .docx's own page plan).
AGREEMENT = ("example", "forty", "mixed", "corpus1", "corpus2", "signed", "outline", "podium")


@pytest.fixture(scope="session")
def agreement(printed, tmp_path_factory):
    work = tmp_path_factory.mktemp("agreement")
    cases = AGREEMENT
    documents = {name: build_docx(printed[name].speech, printed[name].profile, copy=printed[name].copy,
                                  rate=180)
                 for name in cases}
    rendered = render_docx(documents, work)
    return {name: compare(name, rendered[name], printed[name].pdf, printed[name].profile.page.bottom_mm)
            for name in cases}


@pytest.mark.parametrize("case", AGREEMENT)
def test_page_breaks_agree_with_the_docx_render(agreement, case):
    figures = agreement[case]
    print(figures.text())
    assert figures.pdf_pages == figures.docx_pages
    # Every line breaks where LibreOffice breaks it, and so every page starts where it does.
    assert figures.pdf_lines == figures.docx_lines
    assert figures.same_lines >= 0.98 * figures.docx_lines
    assert figures.same_page_starts >= 0.9 * (figures.docx_pages - 1)
    assert figures.pdf_counts == figures.docx_counts


def test_the_forty_page_speech_is_forty_pages(agreement):
    assert 38 <= agreement["forty"].docx_pages <= 44
