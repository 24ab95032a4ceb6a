"""The importer on real documents nobody here wrote (realdocs/, see SOURCES.md), against their
hand-counted truth.  The figures are computed from the files and the truth files; run
``.venv/bin/python -m tests.importer.realdocs_measure`` for the table.

Bar (issue 12): heading counts exact on at least 95 % of the documents, and no Chinese character
dropped without a ``removed`` entry on any of them.  The bar is asserted on the whole set and on
the documents the importer was tuned on; the held-out part is measured and printed, and its
figure is reported, but it is not made a gate of its own: a held-out failure is not something to
tune away.
"""

import pytest

from tests.importer.realdocs_measure import accuracy, documents, measure, measure_all, report

BAR = 0.95


@pytest.fixture(scope="module")
def results():
    measured = measure_all()
    print("\n" + report(measured))
    return measured


def test_the_set_is_big_enough_and_split():
    paths = documents()
    assert len(paths) >= 24
    splits = {path.parent.name for path in paths}
    assert splits == {"tuned", "heldout"}


@pytest.mark.parametrize("path", documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_character_is_dropped_silently(path):
    result = measure(path)
    assert not result.error, result.error
    assert result.dropped == 0, (result.han_in, result.han_out, result.han_removed)


@pytest.mark.parametrize("splits", [("tuned",), ("tuned", "heldout")], ids=["tuned", "all"])
def test_heading_counts_meet_the_bar(results, splits):
    exact = sum(accuracy(results, split)[0] for split in splits)
    total = sum(accuracy(results, split)[1] for split in splits)
    wrong = [(r.path.name, r.levels, r.truth["levels"]) for r in results
             if r.split in splits and not r.counts_exact]
    assert exact >= BAR * total, wrong


def test_titles_and_level1_headings(results):
    """Not part of the bar, but must not regress: titles everywhere, level-1 texts where the
    counts are right."""
    wrong_titles = [r.path.name for r in results if not r.title_exact]
    assert wrong_titles == []
    wrong_level1 = [r.path.name for r in results if r.counts_exact and not r.level1_exact]
    assert wrong_level1 == []
