"""Editing the speech as one text: typing, Enter, Backspace/Delete joins, pasting, selections."""

from __future__ import annotations

import pytest
from core.edit_checks import round_trip
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.core import text_edits as te
from composer.core.errors import OperationError
from composer.core.speech import CLOSING, OPENING, Section, Speech
from composer.core.text_edits import Point


def make() -> Speech:
    """一、A (a0, a1) with （一）A1 (a1-0);  二、B (b0, b1);  closing."""
    a1 = Section("A1", ["甲一正文"])
    a = Section("A", ["甲正文零", "甲正文一"], [a1])
    b = Section("B", ["乙正文零", "乙正文一"])
    return Speech(title="标题", speaker="讲话人", salutation="同志们：", opening=["开头"],
                  body=[a, b], closing=["谢谢大家！"])


def ids(speech):
    a, b = speech.body
    return a.id, a.children[0].id, b.id


def applied(speech, edit):
    """Apply an edit, check that its inverse restores the speech exactly, and apply it again."""
    round_trip(speech, lambda: edit)
    return speech


def test_reading_units_follow_the_printed_order():
    speech = make()
    a, a1, b = ids(speech)
    assert te.reading_units(speech) == [
        ("title", -1), ("subtitle", -1), ("speaker", -1), ("date", -1), ("salutation", -1),
        (OPENING, 0), (a, -1), (a, 0), (a, 1), (a1, -1), (a1, 0), (b, -1), (b, 0), (b, 1),
        (CLOSING, 0), ("signature", -1), ("signature_date", -1)]
    empty = Speech()
    assert (OPENING, 0) in te.reading_units(empty) and (CLOSING, 0) in te.reading_units(empty)


def test_typing_goes_into_the_unit_at_the_point():
    speech = make()
    a, _, _ = ids(speech)
    edit, caret = te.insert_text(speech, Point(a, 1, 2), "的")
    assert speech.body[0].paragraphs[1] == "甲正文一", "building changes nothing"
    applied(speech, edit)
    assert speech.body[0].paragraphs[1] == "甲正的文一" and caret == Point(a, 1, 3)
    applied(speech, te.insert_text(speech, Point(a, -1, 1), "字")[0])
    assert speech.body[0].heading == "A字"
    applied(speech, te.insert_text(speech, Point("title", -1, 0), "在")[0])
    assert speech.title == "在标题"


def test_typing_into_an_empty_container_creates_its_first_paragraph():
    speech = Speech()
    edit, caret = te.insert_text(speech, Point(OPENING, 0, 0), "同志们好")
    applied(speech, edit)
    assert speech.opening == ["同志们好"] and caret == Point(OPENING, 0, 4)


def test_a_point_outside_the_text_is_refused():
    speech = make()
    with pytest.raises(OperationError):
        te.insert_text(speech, Point(OPENING, 0, 99), "x")
    with pytest.raises(OperationError):
        te.insert_text(speech, Point("s-none", 0, 0), "x")


def test_enter_splits_a_paragraph():
    speech = make()
    a, _, _ = ids(speech)
    edit, caret = te.split(speech, Point(a, 0, 2))
    applied(speech, edit)
    assert speech.body[0].paragraphs == ["甲正", "文零", "甲正文一"] and caret == Point(a, 1, 0)


def test_enter_in_a_heading_moves_the_rest_into_a_first_paragraph():
    speech = make()
    _, _, b = ids(speech)
    speech.body[1].heading = "加强领导狠抓落实"
    applied(speech, te.split(speech, Point(b, -1, 4))[0])
    assert speech.body[1].heading == "加强领导"
    assert speech.body[1].paragraphs == ["狠抓落实", "乙正文零", "乙正文一"]
    edit, caret = te.split(speech, Point(b, -1, 4))   # at the end: an empty first paragraph
    applied(speech, edit)
    assert speech.body[1].paragraphs[0] == "" and caret == Point(b, 0, 0)


def test_enter_in_the_head_goes_down_and_starts_the_opening_after_the_last_line():
    speech = make()
    assert te.split(speech, Point("title", -1, 2)) == (None, Point("speaker", -1, 0))
    assert te.split(speech, Point("title", -1, 1)) == (None, None)
    edit, caret = te.split(speech, Point("salutation", -1, 4))
    applied(speech, edit)
    assert speech.opening == ["", "开头"] and caret == Point(OPENING, 0, 0)


def test_backspace_joins_paragraphs_of_a_container():
    speech = make()
    a, _, _ = ids(speech)
    edit, caret = te.join_backward(speech, Point(a, 1, 0))
    applied(speech, edit)
    assert speech.body[0].paragraphs == ["甲正文零甲正文一"] and caret == Point(a, 0, 4)


def test_backspace_never_joins_text_into_a_heading_but_removes_an_empty_paragraph():
    speech = make()
    a, _, b = ids(speech)
    assert te.join_backward(speech, Point(b, 0, 0)) == (None, Point(b, -1, 1))
    speech.body[1].paragraphs[0] = "\u3000"
    applied(speech, te.join_backward(speech, Point(b, 0, 0))[0])
    assert speech.body[1].paragraphs == ["乙正文一"]
    assert te.join_backward(speech, Point(OPENING, 0, 0))[0] is None     # after the salutation
    assert te.join_backward(speech, Point(a, -1, 0))[0] is None          # a heading with text


def test_backspace_at_the_closing_joins_the_last_paragraph_of_the_body():
    speech = make()
    _, _, b = ids(speech)
    edit, caret = te.join_backward(speech, Point(CLOSING, 0, 0))
    applied(speech, edit)
    assert speech.body[1].paragraphs[-1] == "乙正文一谢谢大家！" and speech.closing == []
    assert caret == Point(b, 1, 4)


def test_backspace_in_an_empty_new_section_removes_it():
    speech = make()
    new = Section()
    speech.body.append(new)
    edit, caret = te.join_backward(speech, Point(new.id, -1, 0))
    applied(speech, edit)
    assert [s.heading for s in speech.body] == ["A", "B"]
    assert caret == Point(speech.body[1].id, 1, 4)   # the end of what comes before


def test_delete_joins_the_next_paragraph_and_removes_an_empty_one_before_a_heading():
    speech = make()
    a, a1, _ = ids(speech)
    applied(speech, te.join_forward(speech, Point(a, 0, 4))[0])
    assert speech.body[0].paragraphs == ["甲正文零甲正文一"]
    assert te.join_forward(speech, Point(a, 0, 8)) == (None, None)   # a heading follows
    speech.body[0].paragraphs.append("")
    edit, caret = te.join_forward(speech, Point(a, 1, 0))
    applied(speech, edit)
    assert speech.body[0].paragraphs == ["甲正文零甲正文一"] and caret == Point(a1, -1, 0)


def test_paste_of_several_paragraphs_splits_around_them():
    speech = make()
    a, _, _ = ids(speech)
    edit, caret = te.insert_paragraphs(speech, Point(a, 0, 2), ["一", "二", "三"])
    applied(speech, edit)
    assert speech.body[0].paragraphs == ["甲正一", "二", "三文零", "甲正文一"]
    assert caret == Point(a, 2, 1)
    applied(speech, te.insert_paragraphs(speech, Point("title", -1, 2), ["在", "会上"])[0])
    assert speech.title == "标题在会上"


def test_pasted_whole_paragraphs_leave_the_text_after_the_point_its_own_paragraph():
    speech = make()
    a, _, _ = ids(speech)
    edit, caret = te.insert_paragraphs(speech, Point(a, 0, 2), ["一"], ends_paragraph=True)
    applied(speech, edit)
    assert speech.body[0].paragraphs == ["甲正一", "文零", "甲正文一"] and caret == Point(a, 1, 0)
    # At a paragraph's end there is nothing to keep apart: no empty paragraph is made.
    applied(speech, te.insert_paragraphs(speech, Point(a, 2, 4), ["二"], ends_paragraph=True)[0])
    assert speech.body[0].paragraphs == ["甲正一", "文零", "甲正文一二"]


def test_paste_into_a_heading_continues_it_and_starts_the_text():
    speech = make()
    _, _, b = ids(speech)
    applied(speech, te.insert_paragraphs(speech, Point(b, -1, 1), ["一", "二"])[0])
    assert speech.body[1].heading == "B一"
    assert speech.body[1].paragraphs == ["二", "乙正文零", "乙正文一"]


def test_deleting_within_a_container_joins_the_ends():
    speech = make()
    a, _, _ = ids(speech)
    edit = te.delete_range(speech, Point(a, 1, 2), Point(a, 0, 1))   # either order
    applied(speech, edit)
    assert speech.body[0].paragraphs == ["甲文一"]
    assert te.delete_range(speech, Point(a, 0, 1), Point(a, 0, 1)) is None


def test_a_selection_over_a_heading_keeps_the_heading_by_default():
    speech = make()
    a, a1, b = ids(speech)
    start, end = Point(a, 1, 2), Point(b, 0, 2)
    assert te.held_sections(speech, start, end) == [a1, b]
    applied(speech, te.delete_range(speech, start, end))
    assert [s.heading for s, _ in speech.walk()] == ["A", "A1", "B"]
    assert speech.body[0].paragraphs == ["甲正文零", "甲正"]
    assert speech.body[0].children[0].paragraphs == []
    assert speech.body[1].paragraphs == ["文零", "乙正文一"]


def test_a_selection_over_a_heading_can_remove_the_sections_whole():
    speech = make()
    a, _a1, b = ids(speech)
    start, end = Point(a, 1, 2), Point(b, 0, 2)
    # B's text after the selection goes with it: 文零 and 乙正文一 and the heading's rest.
    assert te.text_beyond(speech, start, end) == len("文零") + len("乙正文一")
    applied(speech, te.delete_range(speech, start, end, whole_sections=True))
    assert [s.heading for s, _ in speech.walk()] == ["A"]
    assert speech.body[0].paragraphs == ["甲正文零", "甲正"]
    assert speech.closing == ["谢谢大家！"]


def test_removing_whole_sections_joins_across_them_into_the_closing():
    speech = make()
    a, _, _b = ids(speech)
    applied(speech, te.delete_range(speech, Point(a, 1, 2), Point(CLOSING, 0, 2),
                                    whole_sections=True))
    assert [s.heading for s, _ in speech.walk()] == ["A"]
    assert speech.body[0].paragraphs == ["甲正文零", "甲正大家！"] and speech.closing == []


def test_a_selection_ending_at_a_heading_start_does_not_hold_it():
    speech = make()
    a, a1, _ = ids(speech)
    assert te.held_sections(speech, Point(a, 1, 0), Point(a1, -1, 0)) == []
    applied(speech, te.delete_range(speech, Point(a, 1, 0), Point(a1, -1, 0)))
    assert speech.body[0].paragraphs == ["甲正文零"]


def test_a_selection_through_the_head_clears_fields_but_keeps_their_lines():
    speech = make()
    applied(speech, te.delete_range(speech, Point("title", -1, 1), Point(OPENING, 0, 1)))
    assert (speech.title, speech.speaker, speech.salutation) == ("标", "", "")
    assert speech.opening == ["头"]


def test_typing_over_a_selection_is_one_edit():
    speech = make()
    a, _, b = ids(speech)
    edit, caret = te.replace_range(speech, Point(a, 0, 0), Point(a, 1, 4), "新")
    applied(speech, edit)
    assert speech.body[0].paragraphs == ["新"] and caret == Point(a, 0, 1)
    edit, caret = te.replace_range(speech, Point(a, 0, 0), Point(b, 0, 1), "起")
    applied(speech, edit)
    assert [s.heading for s, _ in speech.walk()] == ["A", "A1", "B"]   # headings stay
    assert speech.body[0].paragraphs == ["起"] and speech.body[1].paragraphs[0] == "正文零"


def flat(speech: Speech) -> str:
    """The speech's text in reading order, units separated by a mark."""
    return "|".join(te.unit_text(speech, *unit) for unit in te.reading_units(speech))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_deleting_any_range_removes_exactly_the_selected_body_text(data):
    """Without headings or head fields inside, the flat text loses exactly the selection
    (and the separators of the paragraphs it joins); with them, nothing outside it changes."""
    speech = make()
    units = te.reading_units(speech)

    def point():
        unit = data.draw(st.sampled_from(units))
        offset = data.draw(st.integers(0, len(te.unit_text(speech, *unit))))
        return Point(*unit, offset)
    a, b = point(), point()
    whole = data.draw(st.booleans())
    before_text = {unit: te.unit_text(speech, *unit) for unit in units}
    edit = te.delete_range(speech, a, b, whole_sections=whole)
    if edit is None:
        assert a == b
        return
    order = {unit: i for i, unit in enumerate(units)}
    if (order[a.unit], a.offset) > (order[b.unit], b.offset):
        a, b = b, a
    applied(speech, edit)
    # Text before the selection is untouched.
    for unit in units[:order[a.unit]]:
        assert te.unit_text(speech, *unit) == before_text[unit]
    start_text = before_text[a.unit]
    surviving = {unit for unit in te.reading_units(speech)}
    if a.unit in surviving:
        assert te.unit_text(speech, *a.unit).startswith(start_text[:a.offset])
    if not whole and all(u[1] >= 0 for u in units[order[a.unit]:order[b.unit] + 1]) \
            and a.unit != b.unit:
        # Only paragraphs: the two ends are joined.
        assert te.unit_text(speech, *a.unit) == start_text[:a.offset] + before_text[b.unit][b.offset:]
