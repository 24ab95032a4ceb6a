"""Where a library snippet lands next to the current selection (core/placement.py)."""

from __future__ import annotations

from composer.core.placement import nearest_after_removal, paragraph_container, section_place
from composer.core.speech import CLOSING, HEAD, OPENING, Section, Speech


def _speech():
    a1 = Section("A1", children=[Section("A1a")])
    a = Section("A", children=[a1, Section("A2")])
    return Speech(body=[a, Section("B")])


def _id(speech, heading):
    return next(s.id for s, _ in speech.walk() if s.heading == heading)


def test_a_snippet_lands_after_the_current_section_at_its_own_level():
    speech = _speech()
    a, a1, a1a, b = (_id(speech, h) for h in ("A", "A1", "A1a", "B"))
    assert section_place(speech, 1, a1a) == (None, 1)       # after 一、A, the ancestor at level 1
    assert section_place(speech, 2, a1a) == (a, 1)          # after （一）A1
    assert section_place(speech, 2, b) == (b, 0)            # under 二、B, its first child
    assert section_place(speech, 3, a) == (_id(speech, "A2"), 0)   # down the last child to level 2
    assert section_place(speech, 4, b) == (b, 0)            # as close as the levels allow
    assert section_place(speech, 3, a1) == (a1, 1)


def test_fixed_rows_put_a_section_first_or_last():
    speech = _speech()
    assert section_place(speech, 1, HEAD) == (None, 0)
    assert section_place(speech, 1, OPENING) == (None, 0)
    assert section_place(speech, 2, CLOSING) == (None, 2)
    assert section_place(speech, 1, None) == (None, 2)
    assert section_place(speech, 1, "gone") == (None, 2)


def test_body_text_goes_to_the_selected_paragraph_list():
    speech = _speech()
    b = _id(speech, "B")
    assert paragraph_container(speech, b) == b
    assert paragraph_container(speech, CLOSING) == CLOSING
    assert paragraph_container(speech, HEAD) == OPENING
    assert paragraph_container(speech, "gone") == OPENING


def test_after_a_removal_the_nearest_survivor_is_chosen():
    speech = _speech()
    a, a1, a2, a1a, b = (_id(speech, h) for h in ("A", "A1", "A2", "A1a", "B"))
    assert nearest_after_removal(speech, a1) == a2       # the next at its level
    assert nearest_after_removal(speech, a2) == a1       # else the previous
    assert nearest_after_removal(speech, a1a) == a1      # else the parent
    assert nearest_after_removal(speech, b) == a
    only = Section("x")
    assert nearest_after_removal(Speech(body=[only]), only.id) == OPENING
