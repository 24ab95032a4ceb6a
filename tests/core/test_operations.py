import copy

import pytest
from core.edit_checks import round_trip

from composer.core import operations as ops
from composer.core.errors import OperationError
from composer.core.speech import CLOSING, OPENING, Section, Speech


def tree(spec):
    """Build sections from nested tuples: ("heading", [children...])."""
    return [Section(h, [f"{h}的正文"], tree(children)) for h, children in spec]


@pytest.fixture
def speech():
    return Speech(title="讲话", opening=["开头一", "开头二"], closing=["谢谢大家！"], body=tree([
        ("一", [("一.1", []), ("一.2", [("一.2.a", [])]), ("一.3", [])]),
        ("二", [("二.1", [])]),
        ("三", []),
    ]))


def by_heading(speech, heading):
    return next(s for s, _ in speech.walk() if s.heading == heading)


def outline(speech):
    return [(s.heading, level) for s, level in speech.walk()]




def test_move_with_subtree_before_after_into(speech):
    moving = by_heading(speech, "一.2")
    objects = list(moving.walk())
    round_trip(speech, lambda: ops.move_section(speech, moving.id, by_heading(speech, "三").id, "into"))
    assert outline(speech)[-3:] == [("三", 1), ("一.2", 2), ("一.2.a", 3)]
    assert list(by_heading(speech, "一.2").walk()) == objects  # same objects, not copies

    round_trip(speech, lambda: ops.move_section(speech, by_heading(speech, "三").id,
                                               by_heading(speech, "一").id, "before"))
    assert [s.heading for s in speech.body] == ["三", "一", "二"]
    round_trip(speech, lambda: ops.move_section(speech, by_heading(speech, "三").id,
                                               by_heading(speech, "二").id, "after"))
    assert [s.heading for s in speech.body] == ["一", "二", "三"]


def test_move_within_same_list_counts_positions_without_the_moved_section(speech):
    first = by_heading(speech, "一.1")
    ops.move_section(speech, first.id, by_heading(speech, "一.3").id, "after").apply(speech)
    assert [s.heading for s in by_heading(speech, "一").children] == ["一.2", "一.3", "一.1"]
    ops.move_section(speech, first.id, by_heading(speech, "一.2").id, "before").apply(speech)
    assert [s.heading for s in by_heading(speech, "一").children] == ["一.1", "一.2", "一.3"]
    before = speech.content()
    ops.move_section(speech, first.id, first.id, "after").apply(speech)  # onto itself: nothing moves
    assert speech.content() == before


def test_refused_moves_change_nothing(speech):
    before = speech.content()
    one = by_heading(speech, "一")
    with pytest.raises(OperationError, match="下级"):
        ops.move_section(speech, one.id, by_heading(speech, "一.2.a").id, "into")
    with pytest.raises(OperationError):
        ops.move_section(speech, one.id, one.id, "into")
    with pytest.raises(OperationError, match="四级"):
        # 一 has three levels; under a level-2 section it would reach level 5
        ops.move_section(speech, one.id, by_heading(speech, "二.1").id, "into")
    with pytest.raises(OperationError):
        ops.move_section(speech, "no-such-id", one.id, "after")
    with pytest.raises(OperationError):
        ops.move_section(speech, one.id, one.id, "sideways")
    assert speech.content() == before


def test_insert_and_delete(speech):
    new = Section("新", ["新的正文"], [Section("新.1")])
    round_trip(speech, lambda: ops.insert_at(speech, new, by_heading(speech, "一").id, "after"))
    assert [s.heading for s in speech.body] == ["一", "新", "二", "三"]
    with pytest.raises(OperationError):  # the same object twice would alias text
        ops.insert_section(speech, new)
    round_trip(speech, lambda: ops.delete_section(speech, by_heading(speech, "一").id))
    assert [s.heading for s in speech.body] == ["新", "二", "三"]
    deep = Section("深", children=[Section("更深", children=[Section("最深")])])
    with pytest.raises(OperationError):
        ops.insert_at(speech, deep, by_heading(speech, "新.1").id, "into")


def test_demote_goes_under_previous_sibling_with_subtree(speech):
    round_trip(speech, lambda: ops.demote(speech, by_heading(speech, "二").id))
    assert outline(speech)[:7] == [("一", 1), ("一.1", 2), ("一.2", 2), ("一.2.a", 3), ("一.3", 2),
                                   ("二", 2), ("二.1", 3)]
    # The first section has no previous sibling to go under: it skips a level in place
    # (tests/core/test_skips.py has the rules of skipped levels).
    first = by_heading(speech, "一")
    round_trip(speech, lambda: ops.demote(speech, first.id))
    assert first.skip == 1 and speech.body[0] is first
    assert outline(speech)[:2] == [("一", 2), ("一.1", 3)]


def test_demote_refused_below_level_four():
    speech = Speech(body=tree([("a", []), ("b", [("b1", [("b2", [("b3", [])])])])]))
    with pytest.raises(OperationError, match="四级"):
        ops.demote(speech, speech.body[1].id)


def test_promote_keeps_reading_order(speech):
    text_before = [s.heading for s, _ in speech.walk()]
    round_trip(speech, lambda: ops.promote(speech, by_heading(speech, "一.2").id))
    assert [s.heading for s, _ in speech.walk()] == text_before
    assert outline(speech)[:6] == [("一", 1), ("一.1", 2), ("一.2", 1), ("一.2.a", 2), ("一.3", 2),
                                   ("二", 1)]
    with pytest.raises(OperationError):
        ops.promote(speech, by_heading(speech, "一").id)


def test_move_up_and_down(speech):
    round_trip(speech, lambda: ops.move_down(speech, by_heading(speech, "一.1").id))
    assert [s.heading for s in by_heading(speech, "一").children] == ["一.2", "一.1", "一.3"]
    round_trip(speech, lambda: ops.move_up(speech, by_heading(speech, "三").id))
    assert [s.heading for s in speech.body] == ["一", "三", "二"]
    with pytest.raises(OperationError):
        ops.move_up(speech, speech.body[0].id)
    with pytest.raises(OperationError):
        ops.move_down(speech, speech.body[-1].id)


def test_split_and_merge(speech):
    round_trip(speech, lambda: ops.split_paragraph(speech, OPENING, 0, 2))
    assert speech.opening == ["开头", "一", "开头二"]
    round_trip(speech, lambda: ops.merge_paragraphs(speech, OPENING, 1))
    assert speech.opening == ["开头", "一开头二"]
    with pytest.raises(OperationError):
        ops.merge_paragraphs(speech, OPENING, 1)
    with pytest.raises(OperationError):
        ops.split_paragraph(speech, OPENING, 0, 99)
    section = by_heading(speech, "二.1")
    round_trip(speech, lambda: ops.split_paragraph(speech, section.id, 0, 0))
    assert section.paragraphs == ["", "二.1的正文"]


def test_set_paragraphs_touches_only_what_changed(speech):
    section = by_heading(speech, "三")
    section.paragraphs = ["甲", "乙", "丙", "丁"]
    edit = ops.set_paragraphs(speech, section.id, ["甲", "乙二", "丁", "戊"])
    assert len(edit.edits) <= 3
    inverse = edit.apply(speech)
    assert section.paragraphs == ["甲", "乙二", "丁", "戊"]
    assert len(inverse.edits) <= 3
    inverse.apply(speech)
    assert section.paragraphs == ["甲", "乙", "丙", "丁"]
    round_trip(speech, lambda: ops.set_paragraphs(speech, CLOSING, []))
    assert speech.closing == []


def test_replace_text_everywhere(speech):
    speech.title = "一的讲话"
    edit = ops.replace_text(speech, "一", "壹")
    assert edit.count == sum(str(part).count("一") for part in (
        [speech.title, *speech.opening, *speech.closing] + [s.heading for s, _ in speech.walk()]
        + [p for s, _ in speech.walk() for p in s.paragraphs]))
    after = round_trip(speech, lambda: ops.replace_text(speech, "一", "壹"))
    assert "一" not in str(after)
    assert "壹" in str(after)
    with pytest.raises(OperationError):
        ops.replace_text(speech, "", "x")


def test_head_fields_and_heading(speech):
    round_trip(speech, lambda: ops.set_head_field(speech, "salutation", "同志们："))
    assert speech.salutation == "同志们："
    round_trip(speech, lambda: ops.set_heading(speech, speech.body[0].id, "统一思想"))
    round_trip(speech, lambda: ops.set_run_in(speech, speech.body[0].id, True))
    with pytest.raises(OperationError):
        ops.set_head_field(speech, "body", "x")
    with pytest.raises(OperationError):
        ops.set_run_in(speech, speech.body[0].id, "yes")


def test_failed_batch_rolls_back(speech):
    before = speech.content()
    batch = ops.Batch([ops.SetParagraph(OPENING, 0, "改"), ops.SetParagraph(OPENING, 9, "x")])
    with pytest.raises(OperationError):
        batch.apply(speech)
    assert speech.content() == before


def test_deepcopy_of_speech_is_independent(speech):
    clone = copy.deepcopy(speech)
    ops.delete_section(speech, speech.body[0].id).apply(speech)
    assert clone.content() != speech.content()


def test_move_to_names_positions_as_a_drop_does(speech):
    one, two, three = speech.body
    assert ops.move_to(speech, one.id, None, 0) is None          # before itself: stays
    assert ops.move_to(speech, one.id, None, 1) is None          # after itself: stays
    move = ops.move_to(speech, one.id, None, 3)                  # below the last row
    move.apply(speech)
    assert [s.heading for s in speech.body] == ["二", "三", "一"]
    with pytest.raises(OperationError, match="下级"):
        ops.move_to(speech, one.id, by_heading(speech, "一.2").id, 0)
    with pytest.raises(OperationError, match="四级"):
        ops.move_to(speech, one.id, by_heading(speech, "二.1").id, 0)
    with pytest.raises(OperationError, match="范围"):
        ops.move_to(speech, three.id, None, 9)


def test_every_edit_names_what_it_touches(speech):
    first = speech.body[0]
    assert ops.move_up(speech, speech.body[1].id).changes().structure
    assert ops.delete_section(speech, first.id).changes().structure
    assert ops.set_head_field(speech, "title", "新").changes().head
    changes = ops.set_heading(speech, first.id, "新").changes()
    assert (changes.structure, changes.head, changes.headings) == (False, False, {first.id})
    changes = ops.split_paragraph(speech, OPENING, 0, 1).changes()
    assert not changes.structure and changes.containers == {OPENING}
    changes = ops.replace_text(speech, "一", "壹").changes()
    assert not changes.structure and first.id in changes.headings and first.id in changes.containers
    # The inverse touches the same places.
    edit = ops.merge_paragraphs(speech, OPENING, 0)
    assert edit.apply(speech).changes().containers == {OPENING}
