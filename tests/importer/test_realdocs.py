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
    assert len(paths) >= 45
    splits = [path.parent.name for path in paths]
    assert set(splits) == {"tuned", "heldout"}
    assert splits.count("heldout") * 5 >= len(splits) * 2      # a good part is held out


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
    """Not part of the bar, but must not regress on what the importer was tuned on: titles,
    and level-1 texts where the counts are right.  On the held-out part they are printed (a
    held-out miss is reported, not tuned away)."""
    tuned = [r for r in results if r.split == "tuned"]
    assert [r.path.name for r in tuned if not r.title_exact] == []
    assert [r.path.name for r in tuned if r.counts_exact and not r.level1_exact] == []
    held = [r for r in results if r.split == "heldout"]
    print("held out, title not exact:", [(r.path.name, r.title) for r in held if not r.title_exact])
    print("held out, level-1 texts not exact:",
          [r.path.name for r in held if r.counts_exact and not r.level1_exact])
