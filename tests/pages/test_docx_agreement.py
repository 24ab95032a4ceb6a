"""Page breaks of the printed pages against LibreOffice's render of the .docx of the same speech,
for the example, a speech of about 40 pages and two real drafts (issue 11: "as close as two
layout engines allow").  The figures are printed (``pytest -s``); bench/compare_pages.py prints them too."""

from __future__ import annotations

import pytest

from composer.export import build_docx

from .docx_agreement import compare, render_docx, with_page_rules

pytestmark = pytest.mark.render

# The example, the 40-page speech, digits and Latin letters in Chinese lines, two real drafts.
AGREEMENT = ("example", "forty", "mixed", "corpus1", "corpus2")


@pytest.fixture(scope="session")
def agreement(printed, tmp_path_factory):
    work = tmp_path_factory.mktemp("agreement")
    cases = AGREEMENT
    documents = {name: with_page_rules(build_docx(printed[name].speech, printed[name].profile))
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
