"""The round trip every core edit must survive, shared by the core's edit tests."""

from __future__ import annotations


def round_trip(speech, build):
    """Build an edit (nothing changes), apply it, undo it, redo it: the states must match
    exactly, section ids included.  Leaves the speech edited; returns its content."""
    before = speech.content()
    ids_before = [s.id for s, _ in speech.walk()]
    edit = build()
    assert speech.content() == before, "building an edit must not change the speech"
    inverse = edit.apply(speech)
    after = speech.content()
    redo = inverse.apply(speech)
    assert speech.content() == before
    assert [s.id for s, _ in speech.walk()] == ids_before
    again = redo.apply(speech)
    assert speech.content() == after
    again.apply(speech)
    assert speech.content() == before
    redo.apply(speech)
    return after
