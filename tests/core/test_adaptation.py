"""The substitution table (composer/core/adaptation.py)."""

import pytest

from composer.core import adaptation
from composer.core.errors import ComposerError
from composer.core.library import PARAGRAPH, Snippet
from composer.core.speech import Section, Speech

TABLE = [("我院", "我局"), ("学院", "本局"), ("省级", "市级")]


def test_all_pairs_at_once_longest_first():
    assert adaptation.substitute("我院是学院的省级单位", TABLE) == "我局是本局的市级单位"
    # Order in the table does not matter, and a swap does not undo itself.
    assert adaptation.substitute("局和院", [("局", "院"), ("院", "局")]) == "院和局"
    assert adaptation.substitute("我院学院", list(reversed(TABLE))) == "我局本局"


def test_changes_carry_position_and_context():
    text = "加强精神文明建设是构建和谐校园的迫切要求，也是提升我院社会声誉的重大举措"
    [change] = adaptation.changes_in(text, TABLE)
    assert (change.old, change.new) == ("我院", "我局")
    assert text[change.start:change.end] == "我院"
    assert change.before.endswith("也是提升") and change.after.startswith("社会声誉")
    assert len(change.before) <= adaptation.CONTEXT


def test_check_table():
    assert adaptation.check_table([(" 我院 ", "我局"), ("", ""), ("同", "同")]) == [("我院", "我局")]
    with pytest.raises(ComposerError, match="第 2 行"):
        adaptation.check_table([("我院", "我局"), ("", "本局")])
    with pytest.raises(ComposerError, match="第 1 行"):
        adaptation.check_table([("我院", "我局"), ("我院", "本局")])


def test_adapt_section_copies_with_the_snippet_record():
    snippet = Snippet("wm-1", 1, "提高学院文明程度", ["我院要创建省级文明单位。"],
                      [Section("学院的任务", ["全院师生"])])
    original = snippet.to_section()
    adapted, count = adaptation.adapt_section(original, TABLE)
    assert count == 4
    assert adapted.heading == "提高本局文明程度"
    assert adapted.paragraphs == ["我局要创建市级文明单位。"]
    assert adapted.children[0].heading == "本局的任务"
    assert adapted.snippets == ["wm-1"] and adapted.id != original.id
    assert original.paragraphs == ["我院要创建省级文明单位。"]   # the source is untouched
    assert len(adaptation.section_changes(original, TABLE)) == 4


def test_speech_edit_is_one_step_and_undoes_exactly():
    speech = Speech(title="在创建省级文明单位动员大会上的讲话", opening=["我院召开大会。"],
                    body=[Section("学院的意义", ["省级文明单位", "无关的一段"],
                                  [Section("子标题", ["我院我院"])])],
                    closing=["谢谢大家！"])
    before = speech.content()
    edit = adaptation.speech_edit(speech, TABLE)
    assert edit.count == 6
    assert speech.content() == before        # not applied until asked
    inverse = edit.apply(speech)
    assert speech.title == "在创建市级文明单位动员大会上的讲话"
    assert speech.opening == ["我局召开大会。"]
    assert speech.body[0].heading == "本局的意义"
    assert speech.body[0].paragraphs == ["市级文明单位", "无关的一段"]
    assert speech.body[0].children[0].paragraphs == ["我局我局"]
    inverse.apply(speech)
    assert speech.content() == before


def test_set_substitutions_is_invertible():
    speech = Speech(substitutions=[("a", "b")])
    inverse = adaptation.SetSubstitutions(TABLE).apply(speech)
    assert speech.substitutions == TABLE
    assert adaptation.SetSubstitutions(TABLE).changes().head
    inverse.apply(speech)
    assert speech.substitutions == [("a", "b")]


def test_paragraph_snippet_untouched_by_empty_table():
    snippet = Snippet("p", PARAGRAPH, paragraphs=["我院"])
    assert adaptation.substitute(snippet.paragraphs[0], []) == "我院"
    assert adaptation.changes_in("我院", []) == []


def test_adapt_snippet_keeps_the_library_snippet():
    snippet = Snippet("wm-9", PARAGRAPH, paragraphs=["我院全院师生"], kind="开头", tags=["t"])
    copy = adaptation.adapt_snippet(snippet, TABLE)
    assert copy.id == "wm-9" and copy.paragraphs == ["我局全院师生"] and copy.kind == "开头"
    assert snippet.paragraphs == ["我院全院师生"]
    assert [c.old for c in adaptation.snippet_changes(snippet, TABLE)] == ["我院"]
