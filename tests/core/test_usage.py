"""Which snippets a speech used (composer/core/usage.py)."""

from composer.core import i18n
from composer.core.library import PARAGRAPH, Snippet
from composer.core.speech import Section, Speech
from composer.core.usage import (Use, UsageIndex, describe, month_of, not_recently_used, record,
                                 snippets_in)


def speech() -> Speech:
    return Speech(title="在动员大会上的讲话", opening_snippets=["open"],
                  body=[Section("a", snippets=["s1", "p1"], children=[Section("b", snippets=["s2"])]),
                        Section("c", snippets=["s1"])],
                  closing_snippets=["close"])


def test_snippets_in_reading_order_once():
    assert snippets_in(speech()) == ["open", "s1", "p1", "s2", "close"]


def test_record_replaces_the_speech_and_keeps_others():
    old = [Use("gone", "/a.speech.yaml", "old title", "2024-01-01"),
           Use("s1", "/b.speech.yaml", "other", "2024-02-01")]
    uses = record(old, speech(), "/a.speech.yaml", "2025-03-15")
    assert Use("gone", "/a.speech.yaml", "old title", "2024-01-01") not in uses
    assert Use("s1", "/b.speech.yaml", "other", "2024-02-01") in uses
    assert Use("s1", "/a.speech.yaml", "在动员大会上的讲话", "2025-03-15") in uses
    assert len(uses) == 6


def test_index_newest_first_and_not_recently_used_order():
    index = UsageIndex([Use("a", "x", "X", "2024-03-01"), Use("a", "y", "Y", "2025-03-15"),
                        Use("b", "x", "X", "2024-03-01"), Use("b", "x", "X", "2024-03-01")])
    assert [u.title for u in index.uses_of("a")] == ["Y", "X"]
    assert index.last_used("a") == "2025-03-15" and index.last_used("never") == ""
    assert len(index) == 3   # the same use read twice counts once
    snippets = [Snippet(i, PARAGRAPH) for i in ("a", "b", "never")]
    assert [s.id for s in not_recently_used(snippets, index)] == ["never", "b", "a"]


def test_describe():
    use = Use("a", "x", "在2025年动员大会上的讲话", "2025-03-15")
    assert describe(use) == "用于：2025年3月《在2025年动员大会上的讲话》"
    assert month_of("not a date") == "not a date"
    i18n.set_language("en")
    assert describe(use) == "Used in: March 2025, “在2025年动员大会上的讲话”"


def test_inserting_body_text_records_the_snippet_in_one_undoable_step():
    from composer.core import operations
    from composer.core.speech import OPENING
    from composer.core.usage import with_record

    s = speech()
    edit = with_record(operations.insert_paragraphs(s, OPENING, ["今天。"]), s, OPENING, "wm-7")
    inverse = edit.apply(s)
    assert s.opening == ["今天。"] and s.opening_snippets == ["open", "wm-7"]
    inverse.apply(s)
    assert s.opening == [] and s.opening_snippets == ["open"]
    section = s.body[0]
    edit = with_record(operations.insert_paragraphs(s, section.id, ["x"]), s, section.id, "s1")
    edit.apply(s)
    assert section.snippets == ["s1", "p1"]   # already recorded: not twice
