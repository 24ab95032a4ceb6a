"""Sections that skip levels below their parent (issue 12 item 2): a speech whose outermost
headings are （一）, a 1. list straight under 一、.  The level is the parent's + 1 + skip; the
numbering, the depth checks, promote and demote, moves, placement and paste all follow it."""

import pytest
from core.edit_checks import round_trip

from composer.core import operations as ops
from composer.core.edits import SetSkip, check_move
from composer.core.errors import OperationError
from composer.core.numbering import outline_markers
from composer.core.paste import paste_sections, plan_paste
from composer.core.placement import neighbour_skip, section_place, skip_at
from composer.core.proofread import Proofreader
from composer.core.speech import Section, Speech
from composer.core.stats import speech_stats
from composer.core.time_budget import time_budget


def bracketed_top() -> Speech:
    """A speech whose outermost headings are （一）（二）, the first with a 1. list under it."""
    return Speech(title="讲话", opening=["开场。"], body=[
        Section("压实责任", ["正文一。"], [Section("明确分工", ["正文。"]),
                                          Section("抓好落实", ["正文。"])], skip=1),
        Section("强化督查", ["正文二。"], skip=1)])


def arabic_under_one() -> Speech:
    """一、 with a 1. list straight under it (skip 1), then 二、 with a （一） list."""
    return Speech(title="讲话", body=[
        Section("统一思想", ["正文。"], [Section("提高认识", ["正文。"], skip=1),
                                         Section("明确任务", ["正文。"], skip=1)]),
        Section("加强领导", ["正文。"], [Section("压实责任", ["正文。"]),
                                         Section("强化督查", ["正文。"])])])


def numbered(speech: Speech, style: str = "1.") -> list[tuple[int, str]]:
    markers = outline_markers(speech, style)
    return [(level, markers[s.id] + s.heading) for s, level in speech.walk()]


def by_heading(speech, heading):
    return next(s for s, _ in speech.walk() if s.heading == heading)




# --- the model and the numbering ----------------------------------------------------------------

def test_the_level_is_the_parents_plus_one_plus_the_skip():
    speech = bracketed_top()
    assert [(level, s.heading) for s, level in speech.walk()] == [
        (2, "压实责任"), (3, "明确分工"), (3, "抓好落实"), (2, "强化督查")]
    first = speech.body[0]
    assert speech.locate(first.children[1].id) == (first, 1, 3)
    assert speech.locate(speech.body[1].id)[2] == 2
    assert first.height() == 3        # skips level 1, then levels 2 and 3
    assert speech.body[1].height() == 2


def test_a_bracketed_top_level_is_numbered_in_its_own_style():
    assert numbered(bracketed_top()) == [
        (2, "（一）压实责任"), (3, "1.明确分工"), (3, "2.抓好落实"), (2, "（二）强化督查")]


def test_a_one_list_straight_under_yi_is_numbered_one_two():
    assert numbered(arabic_under_one(), "1、") == [
        (1, "一、统一思想"), (3, "1、提高认识"), (3, "2、明确任务"),
        (1, "二、加强领导"), (2, "（一）压实责任"), (2, "（二）强化督查")]


def test_siblings_of_two_levels_count_as_the_page_reads():
    # 「一、 1. 2. （一） 1. （二）」: the 1. after （一） reads as the first item under （一）.
    speech = Speech(body=[Section("甲", children=[
        Section("a", skip=1), Section("b", skip=1), Section("c"), Section("d", skip=1),
        Section("e")])])
    assert [m for _, m in numbered(speech)] == ["一、甲", "1.a", "2.b", "（一）c", "1.d", "（二）e"]
    # 「一、A （一）a」 then an outermost （一）-level section: it continues the （一） list the
    # page shows, and the next 一、 is 二、.
    speech = Speech(body=[Section("A", children=[Section("a")]), Section("B", skip=1),
                          Section("C")])
    assert [m for _, m in numbered(speech)] == ["一、A", "（一）a", "（二）B", "二、C"]


def test_content_and_copy_keep_the_skip():
    speech = bracketed_top()
    other = bracketed_top()
    assert speech.content() == other.content()
    other.body[1].skip = 0
    assert speech.content() != other.content()
    copy = speech.body[0].copy()
    assert copy.skip == 1 and copy.id != speech.body[0].id


# --- edits and their checks --------------------------------------------------------------------

def test_set_skip_is_exactly_undone_and_checked_against_level_four():
    speech = arabic_under_one()
    item = by_heading(speech, "压实责任")
    round_trip(speech, lambda: SetSkip(item.id, 2))          # (1) straight under 二、
    assert speech.locate(item.id)[2] == 4
    with pytest.raises(OperationError, match="四级"):
        SetSkip(item.id, 3).apply(speech)
    with pytest.raises(OperationError):
        SetSkip(item.id, -1).apply(speech)
    assert item.skip == 2


def test_a_move_keeps_the_skip_and_refuses_a_fifth_level_saying_why():
    speech = arabic_under_one()
    item = by_heading(speech, "提高认识")              # 1. under 一、 (skip 1)
    target = by_heading(speech, "压实责任")            # （一） under 二、
    round_trip(speech, lambda: ops.move_section(speech, item.id, by_heading(speech, "加强领导").id,
                                               "into"))
    assert item.skip == 1 and speech.locate(item.id)[2] == 3
    # Into a level-2 section, skipping a level: it would be level 4 — allowed; a (1) with a
    # level below it would not be.
    item.children.append(Section("更深"))
    with pytest.raises(OperationError) as refused:
        check_move(speech, item, target.id)
    assert "第5级" in refused.value.zh and "跳过了1级" in refused.value.zh
    assert "skips 1 level" in refused.value.en


def test_insert_checks_the_skip_of_the_inserted_section():
    speech = arabic_under_one()
    deep = Section("深", children=[Section("更深")], skip=2)
    with pytest.raises(OperationError, match="四级"):
        ops.insert_section(speech, deep, speech.body[0].id)
    ops.insert_section(speech, Section("可以", skip=2), speech.body[0].id).apply(speech)
    assert speech.locate(speech.body[0].children[-1].id)[2] == 4


# --- promote and demote ------------------------------------------------------------------------

def test_promote_removes_one_skipped_level_in_place():
    speech = bracketed_top()
    first = speech.body[0]
    round_trip(speech, lambda: ops.promote(speech, first.id))
    assert first.skip == 0 and speech.body[0] is first
    # Its subtree moves with it: the 1. list under it is now a （一） list.
    assert numbered(speech)[:3] == [(1, "一、压实责任"), (2, "（一）明确分工"), (2, "（二）抓好落实")]
    # The （二） after it, which the page now reads as the third item under it, goes under it
    # (as promote takes the sections after it in Word's outline view), at its level.
    assert numbered(speech)[3] == (2, "（三）强化督查")
    assert [s.heading for s in first.children] == ["明确分工", "抓好落实", "强化督查"]
    assert speech.body == [first] and first.children[2].skip == 0
    with pytest.raises(OperationError, match="一级标题不能再升级"):
        ops.promote(speech, first.id)


def test_promote_in_place_takes_the_followers_until_a_higher_heading():
    # 一、 [1.a 2.b （一）c 1.d]: promoting a makes it （一）a with 1.b under it; （一）c is of
    # a's new level and ends the run, so c and d stay where they were.
    speech = Speech(body=[Section("甲", children=[
        Section("a", skip=1), Section("b", skip=1), Section("c"), Section("d", skip=1)])])
    a = by_heading(speech, "a")
    text_before = [s.heading for s, _ in speech.walk()]
    round_trip(speech, lambda: ops.promote(speech, a.id))
    assert [s.heading for s, _ in speech.walk()] == text_before
    assert [s.heading for s in speech.body[0].children] == ["a", "c", "d"]
    assert [(s.heading, s.skip) for s in a.children] == [("b", 0)]
    assert [m for _, m in numbered(speech)] == ["一、甲", "（一）a", "1.b", "（二）c", "1.d"]


def test_promote_of_a_one_list_item_under_yi_makes_it_a_bracketed_item():
    speech = arabic_under_one()
    second = by_heading(speech, "明确任务")
    ops.promote(speech, second.id).apply(speech)
    assert [m for _, m in numbered(speech)][:3] == ["一、统一思想", "1.提高认识", "（一）明确任务"]


def test_promote_under_a_skipping_parent_goes_exactly_one_level_up():
    speech = bracketed_top()
    child = by_heading(speech, "明确分工")      # 1. under （一）, which skips level 1
    text_before = [s.heading for s, _ in speech.walk()]
    round_trip(speech, lambda: ops.promote(speech, child.id))
    assert [s.heading for s, _ in speech.walk()] == text_before
    assert numbered(speech) == [(2, "（一）压实责任"), (2, "（二）明确分工"), (3, "1.抓好落实"),
                                (2, "（三）强化督查")]


def test_demote_of_a_first_section_skips_a_level_in_place():
    speech = arabic_under_one()
    first = by_heading(speech, "压实责任")      # the first （一） under 二、
    round_trip(speech, lambda: ops.demote(speech, first.id))
    assert first.skip == 1 and by_heading(speech, "加强领导").children[0] is first
    assert [m for _, m in numbered(speech)][3:] == ["二、加强领导", "1.压实责任", "（一）强化督查"]
    # Demote then promote is the identity.
    ops.promote(speech, first.id).apply(speech)
    assert speech.content() == arabic_under_one().content()


def test_demote_goes_exactly_one_level_down_under_the_previous_sibling():
    speech = Speech(body=[Section("甲", children=[Section("a", skip=1), Section("b", skip=1)])])
    b = by_heading(speech, "b")
    round_trip(speech, lambda: ops.demote(speech, b.id))
    assert speech.locate(b.id) == (by_heading(speech, "a"), 0, 4) and b.skip == 0
    # After a deeper sibling (a 1. before a （一）) there is none to go under at its level:
    # it skips in place instead.
    speech = Speech(body=[Section("甲", children=[Section("a", skip=1), Section("c")])])
    c = by_heading(speech, "c")
    ops.demote(speech, c.id).apply(speech)
    assert c.skip == 1 and speech.locate(c.id)[:2] == (speech.body[0], 1)


def test_demote_refused_below_level_four_with_a_skip_says_so():
    speech = Speech(body=[Section("甲", children=[Section("a", children=[Section("x")], skip=1)])])
    with pytest.raises(OperationError) as refused:
        ops.demote(speech, by_heading(speech, "a").id)
    assert "第5级" in refused.value.zh and "升级" in refused.value.zh


# --- placement, new sections, paste --------------------------------------------------------------

def test_a_snippet_takes_the_level_of_the_skipping_sections_at_its_place():
    speech = bracketed_top()
    first = speech.body[0]
    # A level-2 snippet with （一） selected goes after it, at level 2: skip 1 like its neighbours.
    assert section_place(speech, 2, first.id) == (None, 1)
    assert skip_at(speech, None, 2) == 1
    # A level-1 snippet is level 1.
    assert section_place(speech, 1, first.children[0].id) == (None, 1)
    assert skip_at(speech, None, 1) == 0
    # Where nothing skips, nothing is made to skip: a level-3 snippet under 二、 of a plain speech
    # still lands at the closest level it can take.
    plain = arabic_under_one()
    second = plain.body[1]
    assert section_place(plain, 3, second.id) == (second.children[-1].id, 0)
    assert skip_at(plain, second.children[-1].id, 3) == 0
    # Under 一、 whose children are a 1. list, a level-3 snippet joins the list.
    assert section_place(plain, 3, plain.body[0].id) == (plain.body[0].id, 2)
    assert skip_at(plain, plain.body[0].id, 3) == 1
    # A level-2 snippet with a 1. item selected goes after it, at level 2.
    item = plain.body[0].children[0]
    assert section_place(plain, 2, item.id) == (plain.body[0].id, 1)
    assert skip_at(plain, plain.body[0].id, 2) == 0


def test_a_new_section_takes_its_neighbours_skip():
    speech = bracketed_top()
    assert neighbour_skip(speech, None, 0) == 1
    assert neighbour_skip(speech, None, 2) == 1
    assert neighbour_skip(speech, speech.body[1].id, 0) == 0     # no children: no skip
    assert neighbour_skip(Speech(), None, 0) == 0


def test_pasted_headings_keep_their_markers_levels():
    speech = arabic_under_one()
    plan = plan_paste("1. 补充要求\n正文。\n2. 再一条\n正文。")
    edit = paste_sections(speech, speech.body[1].id, plan)      # into 二、, whose list is （一）
    edit.apply(speech)
    assert [m for _, m in numbered(speech)][3:6] == ["二、加强领导", "1.补充要求", "2.再一条"]
    # Into a speech whose top is （一）: a pasted （三） is its sibling, at level 2.
    speech = bracketed_top()
    paste_sections(speech, speech.body[1].id, plan_paste("（三）新增一项\n正文。")).apply(speech)
    assert [m for _, m in numbered(speech)][-1] == "（三）新增一项"
    # Into the opening, at the marker's level.
    speech = arabic_under_one()
    paste_sections(speech, "opening", plan_paste("（一）序\n正文。")).apply(speech)
    assert numbered(speech)[0] == (2, "（一）序")


# --- what reads levels ---------------------------------------------------------------------------

def test_stats_and_the_time_budget_report_the_level():
    speech = bracketed_top()
    speech.target_minutes = 2
    assert [(row.level, row.marker) for row in speech_stats(speech).sections] == [
        (2, "（一）"), (3, "1."), (3, "2."), (2, "（二）")]
    assert [row.level for row in time_budget(speech).sections] == [2, 3, 3, 2]


def test_the_proofreader_reports_a_section_that_skips_a_level():
    reader = Proofreader(rules="ordinal.skipped-level")
    speech = bracketed_top()
    found = reader.check(speech)
    # The two outermost headings skip 一、; the 1. list under （一） skips nothing.
    assert [(f.location.container, f.location.paragraph) for f in found] == [
        (speech.body[0].id, None), (speech.body[1].id, None)]
    assert "最外一级标题用了“（一）”，跳过了“一、”一级" in found[0].zh and "升级" in found[0].zh
    assert found[0].excerpt == "压实责任"       # ignoring one keeps the other
    # 1. straight under 一、 when （一） is used elsewhere in the speech.
    found = reader.check(arabic_under_one())
    assert len(found) == 2 and "“1.”直接放在“一、”之下，跳过了“（一）”一级" in found[0].zh
    # A two-level speech may go 一、 → 1. (official-format.md): no finding.
    two = Speech(body=[Section("甲", ["正文。"], [Section("a", ["正文。"], skip=1),
                                                  Section("b", ["正文。"], skip=1)])])
    assert reader.check(two) == []
    # 一、 → （1） skips two levels.
    far = Speech(body=[Section("甲", ["正文。"], [Section("a", ["正文。"], skip=2)])])
    [finding] = reader.check(far)
    assert "跳过了“（一）”“1.”两级" in finding.zh


def test_a_lone_item_is_counted_per_level():
    reader = Proofreader(rules="structure.lone-subsection")
    speech = Speech(body=[Section("甲", ["正文。"], [
        Section("a", ["正文。"], skip=1), Section("b", ["正文。"], skip=1), Section("c", ["正文。"])]),
        Section("乙", ["正文。"])])
    found = reader.check(speech)
    # 「1.a 2.b」 is a list of two; 「（一）c」 stands alone.
    assert [f.location.container for f in found] == [by_heading(speech, "c").id]
