"""The two bars of issue 15, computed (run with -s to see the figures):

* errors of every kind planted into copies of clean real speeches: at least 90% found;
* on the clean speeches themselves, at most 1 false finding per 5,000 characters.

    sh packaging/dev.sh test tests/proofread_bars -q -s
"""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest
import yaml

from composer.core.proofread import RULES, Proofreader
from composer.core.stats import count_text
from composer.io.proofread_lists import load_lexicon

from .material import clean_speeches
from .planting import PLANTERS, is_found, plant

HERE = Path(__file__).resolve().parent
COPIES = 3          # copies of each speech per kind of error, each planted at another place


@pytest.fixture(scope="module")
def lexicon():
    loaded = load_lexicon(extra_files=[HERE / "office.proofread.yaml"])
    assert loaded.errors == []
    return loaded.lexicon


@pytest.fixture(scope="module")
def speeches():
    return clean_speeches()


def characters(speech) -> int:
    text = "".join([speech.title, speech.subtitle, speech.speaker, speech.date, speech.salutation,
                    *speech.opening, *speech.closing])
    text += "".join(s.heading + "".join(s.paragraphs) for s, _ in speech.walk())
    return count_text(text).total


def test_false_findings_on_clean_speeches(speeches, lexicon):
    truth = yaml.safe_load((HERE / "clean_truth.yaml").read_text(encoding="utf-8"))
    expected = Counter()
    for entry in truth:
        expected[(entry["speech"], entry["rule"], entry["excerpt"])] += entry.get("times", 1)
    total = sum(characters(s) for _, s in speeches)
    false, real = [], Counter()
    for name, speech in speeches:
        for f in Proofreader(lexicon).check(speech):
            key = next(((name, f.rule, piece) for (n, rule, piece) in expected
                        if n == name and rule == f.rule and piece in f.excerpt), None)
            if key is None or real[key] >= expected[key]:
                false.append((name, f.rule, f.excerpt))
            else:
                real[key] += 1
    rate = len(false) / total * 5000
    print(f"\nclean text: {total} characters in {len(speeches)} speeches; "
          f"{sum(real.values())} real findings (clean_truth.yaml), {len(false)} false: "
          f"{rate:.2f} per 5,000 characters (bar ≤ 1)")
    for item in false:
        print("  false:", *item)
    assert real == expected, "a listed real error is no longer found"
    assert rate <= 1


def test_planted_errors_are_found(speeches, lexicon):
    found, planted, missed = Counter(), Counter(), []
    collateral = 0
    others: Counter = Counter()
    for number, (name, clean) in enumerate(speeches):
        reader = Proofreader(lexicon)
        baseline = Counter(f.rule for f in reader.check(clean))
        for k, planter in enumerate(PLANTERS):
            for n in range(COPIES):
                speech = copy.deepcopy(clean)
                p = plant(planter, speech, seed=number * 1000 + k * 10 + n, lexicon=lexicon)
                if p is None:
                    continue            # nothing to plant into (no 2-item list to make lone …)
                planted[p.kind] += 1
                findings = reader.check(speech)
                if is_found(p, findings):
                    found[p.kind] += 1
                else:
                    missed.append((name, p))
                extra = Counter(f.rule for f in findings) - baseline
                extra[p.rules[0]] -= 1
                collateral += sum(v for v in extra.values() if v > 0)
                others.update({(p.kind, rule): v for rule, v in extra.items() if v > 0})
    total_planted, total_found = sum(planted.values()), sum(found.values())
    recall = total_found / total_planted
    print(f"\nplanted: {total_planted} errors of {len(planted)} kinds into copies of "
          f"{len(speeches)} speeches; found {total_found}: {recall:.1%} (bar ≥ 90%); "
          f"other new findings in the planted copies: {collateral}")
    for kind in sorted(planted):
        print(f"  {kind:28} {found[kind]:3}/{planted[kind]:3}")
    for (kind, rule), n in sorted(others.items()):
        print(f"  planting {kind} also gave {n} × {rule}")
    for name, p in missed[:20]:
        print("  missed:", name, p)
    # Every rule has a kind of error planted for it (but 查重's, which needs an archive: tested
    # in tests/core/test_archive.py).
    assert set(planted) == {r.id for r in RULES if r.family != "archive"}
    assert all(found[kind] for kind in planted), "a kind of error is never found"
    assert recall >= 0.9
