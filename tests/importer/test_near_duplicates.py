"""The near-duplicate index (sketches, buckets, exact check) against brute force on texts long
enough for the sketches to matter."""

import random

from composer.core.near_duplicates import (THRESHOLD, NearDuplicateIndex, TextSketches,
                                           estimate, fingerprint, jaccard, merge, shingles,
                                           sketch)

VOCABULARY = [chr(c) for c in range(0x4e00, 0x4e00 + 400)]


def _text(rng, length=300):
    return "".join(rng.choice(VOCABULARY) for _ in range(length))


def _mutate(rng, text, rate):
    return "".join(rng.choice(VOCABULARY) if rng.random() < rate else ch for ch in text)


def test_finds_exactly_the_texts_over_the_threshold():
    rng = random.Random(5)
    bases = [_text(rng) for _ in range(150)]
    index: NearDuplicateIndex[int] = NearDuplicateIndex()
    for number, text in enumerate(bases):
        index.add(text, number)
    hits = misses = 0
    for _ in range(300):
        base = rng.randrange(len(bases))
        query = _mutate(rng, bases[base], rng.choice([0.01, 0.03, 0.05, 0.08, 0.12, 0.2]))
        truth = [n for n, text in enumerate(bases)
                 if jaccard(shingles(fingerprint(query)), shingles(fingerprint(text))) >= THRESHOLD]
        found = index.find(query)
        if truth:
            assert found in truth
            hits += 1
        else:
            assert found is None
            misses += 1
    assert hits > 50 and misses > 50         # both sides of the threshold were exercised


def test_similar_lists_every_close_text_best_first():
    rng = random.Random(7)
    base = _text(rng, 400)
    index: NearDuplicateIndex[str] = NearDuplicateIndex()
    index.add(base, "original")
    index.add(_mutate(rng, base, 0.02), "light edit")
    index.add(_mutate(rng, base, 0.06), "heavier edit")
    index.add(_text(rng, 400), "unrelated")
    found = index.similar(base, threshold=0.5)
    assert [key for key, _ in found] == ["original", "light edit", "heavier edit"]
    assert found[0][1] == 1.0 and found[1][1] > found[2][1] >= 0.5


def test_a_merged_sketch_estimates_the_whole_text():
    rng = random.Random(9)
    parts = [_text(rng, 150) for _ in range(8)]
    whole = "".join(parts)
    merged = merge(sketch(part) for part in parts)
    assert abs(estimate(merged, sketch(whole)) - 1.0) < 0.15
    edited = _mutate(rng, whole, 0.03)
    true = jaccard(shingles(fingerprint(whole)), shingles(fingerprint(edited)))
    assert abs(estimate(merged, sketch(edited)) - true) < 0.25


def test_tree_sketches_give_the_whole_fingerprint():
    sketches = TextSketches()
    print_, _ = sketches.of_tree("a", ["一、统一思想", "正文。"], [("b", ["（一）甲"], [])])
    assert print_ == fingerprint("一、统一思想\n正文。\n（一）甲")
