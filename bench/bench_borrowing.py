"""Issue 16: unit-specific words, the substitution table, the usage history and templates.

Bars: the library preview marks the unit words of the selected snippet on every selection, so
that must fit in a frame (16 ms), like the search; the other figures have no product bar and are
reported with a baseline measured in the same run.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from generate import CORPUS, big_outline, big_pack
from harness import Case, Info

from composer.core import adaptation, unit_words
from composer.core.speech import Section, Speech
from composer.core.templates import make_speech, suggestions
from composer.core.usage import Use
from composer.io import template_file, usage_file

TABLE = [("我院", "我局"), ("学院", "本局"), ("省级", "市级"), ("全院师生", "全局干部职工"),
         ("河南省", "云南省")]


def cases() -> list[Case]:
    corpus = CORPUS.read_text(encoding="utf-8")
    pack = big_pack()
    longest = max(pack.snippets, key=lambda s: len(s.text())).text()
    words_only = re.compile("我院|我局|学院|全院师生|省级")

    # A 500-section speech (≈ 50,000 characters of corpus text) for the speech-wide replacement.
    speech = big_outline(500, 50)
    characters = sum(len(p) for s, _ in speech.walk() for p in s.paragraphs)
    state: dict = {}

    def apply_and_undo():
        edit = adaptation.speech_edit(speech, TABLE)
        edit.apply(speech).apply(speech)   # do, then undo: the speech is as before

    def replace_one_pair():
        # What find-and-replace does for one pair (the existing replace-all), as a baseline.
        for section, _ in speech.walk():
            section.paragraphs = [p.replace("我院", "我院") for p in section.paragraphs]

    # The usage history after years of use: 10,000 records in the own file.
    folder = Path(tempfile.mkdtemp(prefix="bench-usage-"))
    os.environ["SPEECH_COMPOSER_DATA"] = str(folder)
    usage_file.write_uses(usage_file.own_path(), [
        Use(f"g{i % 5000:05d}", f"/speeches/{i // 20}.speech.yaml", f"讲话{i // 20}", "2024-03-01")
        for i in range(10_000)])
    saved = Speech(title="在动员大会上的讲话", body=[Section("a", snippets=[f"g{i:05d}" for i in range(20)])])

    templates = template_file.load_templates().templates
    mobilisation = next(t for t in templates if t.kind == "动员大会")

    def new_from_template():
        fill = {}
        for index, part in enumerate(mobilisation.sections):
            found = suggestions(part.kinds, pack.snippets, mobilisation.tags)
            if found:
                fill[index] = found[0]
        make_speech(mobilisation, fill, table=TABLE)

    def first_call():
        unit_words._places.cache_clear()
        unit_words.find_unit_words("我院")

    state["speech"] = speech
    return [
        Info("unit words: inputs", lambda: f"corpus {len(corpus):,} characters; longest "
                                           f"snippet {len(longest)} characters; speech "
                                           f"{characters:,} characters in 500 sections"),
        Case("unit words: five fixed words, one regex (baseline)",
             lambda: words_only.findall(corpus), runs=11, note="baseline"),
        Case("unit words: the corpus (30,000 characters)", lambda: unit_words.find_unit_words(corpus),
             runs=11, baseline="unit words: five fixed words, one regex (baseline)"),
        Case("unit words: the longest snippet of a 10,000-snippet library (preview)",
             lambda: unit_words.find_unit_words(longest), bar=0.016, runs=21),
        Case("unit words: first call (gazetteer of 3,000 names built)", first_call, runs=5),
        Case("substitution: one pair, str.replace over the speech (baseline)", replace_one_pair,
             runs=11, note="baseline"),
        Case("substitution: 5-pair table over the speech, edit + apply + undo", apply_and_undo,
             runs=11, baseline="substitution: one pair, str.replace over the speech (baseline)"),
        Case("usage: load 10,000 records", lambda: usage_file.load_usage(), runs=11),
        Case("usage: record a save (20 snippets) into 10,000 records",
             lambda: usage_file.record_usage(saved, "/speeches/new.speech.yaml", "2025-03-15"),
             runs=11),
        Case("templates: load the bundled ones", template_file.load_templates, runs=11),
        Case("templates: 动员大会 speech, suggestions from 10,000 snippets", new_from_template,
             runs=11),
    ]
