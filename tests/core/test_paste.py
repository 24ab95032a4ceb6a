"""Pasting text with headings into a section (issue 12): where the pasted 「三、…」 goes."""

from composer.core.paste import paste_sections, plan_paste
from composer.core.speech import CLOSING, OPENING, Section, Speech


def speech():
    return Speech(opening=["开场。"], body=[
        Section("统一思想", ["正文一。"], [Section("压实责任", ["正文二。"])]),
        Section("加强领导", ["正文三。"])])


def shape(s):
    return [(depth, section.heading) for section, depth in s.walk()]


def test_plain_paragraphs_make_no_sections():
    plan = plan_paste("第一段。\n第二段。")
    assert plan.paragraphs == ["第一段。", "第二段。"] and plan.sections == []


def test_a_level_one_heading_pasted_into_a_sub_section_follows_its_level_one_section():
    s = speech()
    plan = plan_paste("补充一句。\n三、强化保障\n保障的正文。\n（一）经费保障\n经费的正文。")
    assert plan.paragraphs == ["补充一句。"]
    sub = s.body[0].children[0]
    edit = paste_sections(s, sub.id, plan)
    assert shape(s) == [(1, "统一思想"), (2, "压实责任"), (1, "加强领导")]   # not applied yet
    inverse = edit.apply(s)
    assert shape(s) == [(1, "统一思想"), (2, "压实责任"), (1, "强化保障"), (2, "经费保障"),
                        (1, "加强领导")]
    assert s.body[1].paragraphs == ["保障的正文。"]
    inverse.apply(s)                      # one undo takes it all back
    assert shape(s) == [(1, "统一思想"), (2, "压实责任"), (1, "加强领导")]


def test_a_bracketed_heading_pasted_into_a_level_one_section_is_its_first_sub_section():
    s = speech()
    paste_sections(s, s.body[0].id, plan_paste("（三）督促检查\n检查的正文。")).apply(s)
    assert shape(s) == [(1, "统一思想"), (2, "督促检查"), (2, "压实责任"), (1, "加强领导")]


def test_several_headings_follow_one_another():
    s = speech()
    paste_sections(s, s.body[1].id, plan_paste("三、甲\n正文。\n四、乙\n正文。")).apply(s)
    assert [h for _, h in shape(s)] == ["统一思想", "压实责任", "加强领导", "甲", "乙"]


def test_into_the_opening_and_the_closing():
    s = speech()
    paste_sections(s, OPENING, plan_paste("一、序\n正文。")).apply(s)
    paste_sections(s, CLOSING, plan_paste("九、跋\n正文。")).apply(s)
    assert [h for _, h in shape(s)][0] == "序" and [h for _, h in shape(s)][-1] == "跋"


def test_pasted_into_the_deepest_section_a_level_four_heading_is_its_sibling():
    s = Speech(body=[Section("一", [], [Section("二", [], [Section("三", [], [Section("四")])])])])
    deepest = s.body[0].children[0].children[0].children[0]
    paste_sections(s, deepest.id, plan_paste("（2）甲\n甲的正文。\n")).apply(s)
    assert shape(s)[-2:] == [(4, "四"), (4, "甲")]
