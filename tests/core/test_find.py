"""Find and replace across a speech, in core (no Qt)."""

from __future__ import annotations

import pytest

from composer.core import find
from composer.core.errors import OperationError
from composer.core.speech import CLOSING, HEAD, OPENING, Section, Speech
from composer.io.speech_file import load_speech


def make() -> Speech:
    child = Section("落实省级要求", ["按省级标准（1）执行。"])
    top = Section("创建省级文明单位", ["省级文明单位是荣誉。", "争创省级。"], [child])
    other = Section("其他", ["与省级无关的话：第１２条。"])
    return Speech(title="在创建省级文明单位动员大会上的讲话", speaker="局长", date="2024年3月15日",
                  salutation="同志们：", opening=["今天召开省级动员会。"], body=[top, other],
                  closing=["谢谢大家！"])


def test_matches_come_in_reading_order_with_head_fields_and_headings():
    speech = make()
    top, other = speech.body
    child = top.children[0]
    matches = find.find_all(speech, "省级")
    assert [(m.container, m.index) for m in matches] == [
        ("title", -1), (OPENING, 0), (top.id, -1), (top.id, 0), (top.id, 1), (child.id, -1),
        (child.id, 0), (other.id, 0)]
    first = matches[0]
    assert speech.title[first.start:first.end] == "省级"
    assert find.find_all(speech, "") == []


def test_numbers_are_not_text():
    speech = make()
    assert find.find_all(speech, "一、") == []


def test_scope_is_a_section_with_its_subsections_or_a_container():
    speech = make()
    top, other = speech.body
    assert len(find.find_all(speech, "省级", scope=top.id)) == 5
    assert len(find.find_all(speech, "省级", scope=other.id)) == 1
    assert [m.container for m in find.find_all(speech, "省级", scope=HEAD)] == ["title"]
    assert len(find.find_all(speech, "省级", scope=OPENING)) == 1
    assert find.find_all(speech, "省级", scope=CLOSING) == []
    with pytest.raises(OperationError):
        find.find_all(speech, "省级", scope="s-gone")


def test_full_and_half_width_forms_can_count_as_the_same():
    speech = make()
    assert find.find_all(speech, "(1)") == []
    assert len(find.find_all(speech, "(1)", match_width=True)) == 1
    assert len(find.find_all(speech, "第12条", match_width=True)) == 1
    assert len(find.find_all(speech, "话:", match_width=True)) == 1
    assert len(find.find_all(speech, "誉.", match_width=True)) == 1
    assert find.fold_width("“文明”、【注】《通知》　１") == '"文明"\\[注]<通知> 1'
    assert len(find.fold_width("（１２３）。，")) == 7


def test_replace_all_is_one_edit_that_undoes_in_one_step():
    speech = make()
    before = speech.content()
    edit = find.replace_all(speech, "省级", "市级")
    assert speech.content() == before, "building the edit changes nothing"
    assert edit.count == 8
    inverse = edit.apply(speech)
    assert find.find_all(speech, "省级") == []
    assert speech.title == "在创建市级文明单位动员大会上的讲话"
    assert speech.body[0].children[0].heading == "落实市级要求"
    inverse.apply(speech)
    assert speech.content() == before


def test_replace_all_with_width_folding_replaces_the_real_span():
    speech = make()
    edit = find.replace_all(speech, "第12条", "第十二条", match_width=True)
    edit.apply(speech)
    assert speech.body[1].paragraphs == ["与省级无关的话：第十二条。"]


def test_replace_all_in_a_scope_leaves_the_rest():
    speech = make()
    _top, other = speech.body
    find.replace_all(speech, "省级", "市级", scope=other.id).apply(speech)
    assert other.paragraphs == ["与市级无关的话：第１２条。"]
    assert speech.title.count("省级") == 1


def test_replace_one_checks_that_the_text_is_still_there():
    speech = make()
    match = find.find_all(speech, "省级")[1]
    find.replace_one(speech, match, "省级", "市级").apply(speech)
    assert speech.opening == ["今天召开市级动员会。"]
    with pytest.raises(OperationError):
        find.replace_one(speech, match, "省级", "区级")


def test_the_example_speech_省级_to_市级(example_path):
    speech = load_speech(example_path)
    count = sum(text.count("省级") for _, _, text in find.search_units(speech))
    assert count > 10
    edit = find.replace_all(speech, "省级", "市级")
    assert edit.count == count
    edit.apply(speech)
    assert all("省级" not in text for _, _, text in find.search_units(speech))


def test_the_signature_is_searched_last_and_with_the_head():
    speech = make()
    speech.signature = "某某省级单位"
    matches = find.find_all(speech, "省级")
    assert (matches[-1].container, matches[-1].index) == ("signature", -1)
    assert [m.container for m in find.find_all(speech, "省级", scope=HEAD)] == ["title", "signature"]
    find.replace_all(speech, "省级", "市级").apply(speech)
    assert speech.signature == "某某市级单位"
