"""A storm of edits, undos and redos through the document: after every step the view shows
exactly what a fresh drawing of the speech shows (the incremental updates leave nothing stale),
and undoing everything gives back the speech it started from."""

from __future__ import annotations

import random

import pytest

from composer.core import operations as ops
from composer.core.errors import OperationError
from composer.core.speech import CLOSING, HEAD_FIELDS, OPENING, Section
from composer.core.text_edits import Point, delete_range, reading_units, unit_text
from composer.io.speech_file import load_speech

from .test_document_view import assert_in_step


def random_edit(rng: random.Random, speech):
    sections = [s for s, _ in speech.walk()]
    section = rng.choice(sections) if sections else None
    kind = rng.randrange(12)
    if kind == 0 and section is not None:
        return rng.choice([ops.move_up, ops.move_down, ops.promote, ops.demote])(speech, section.id)
    if kind == 1:
        new = Section(rng.choice(["新标题", "", "加强领导"]), [rng.choice(["甲", "", "乙丙"])],
                      run_in=rng.random() < 0.3)
        target = section.id if section is not None else None
        return ops.insert_at(speech, new, target, rng.choice(["before", "after", "into"])) \
            if target else ops.insert_section(speech, new)
    if kind == 2 and section is not None:
        return ops.delete_section(speech, section.id)
    if kind == 3 and section is not None:
        return ops.set_run_in(speech, section.id, not section.run_in)
    if kind == 4 and section is not None:
        return ops.set_heading(speech, section.id, rng.choice(["", "改过的标题", "压实责任，"]))
    if kind == 5:
        name = rng.choice(HEAD_FIELDS)
        return ops.set_head_field(speech, name, rng.choice(["", "2024-03-15", "二〇二四年三月十五日",
                                                           "——副题", "同志们："]))
    if kind == 6:
        return ops.replace_text(speech, rng.choice(["省级", "文明", "的"]), rng.choice(["市级", ""]))
    units = reading_units(speech)
    a, b = rng.choice(units), rng.choice(units)
    point_a = Point(*a, rng.randint(0, len(unit_text(speech, *a))))
    point_b = Point(*b, rng.randint(0, len(unit_text(speech, *b))))
    if kind in (7, 8):
        return delete_range(speech, point_a, point_b, whole_sections=kind == 8)
    container = rng.choice([OPENING, CLOSING] + [s.id for s in sections])
    paragraphs = speech.paragraphs_of(container)
    if kind == 9 and paragraphs:
        index = rng.randrange(len(paragraphs))
        return ops.split_paragraph(speech, container, index, rng.randint(0, len(paragraphs[index])))
    if kind == 10 and len(paragraphs) > 1:
        return ops.merge_paragraphs(speech, container, rng.randrange(len(paragraphs) - 1))
    return ops.insert_paragraph(speech, container, rng.randint(0, len(paragraphs)),
                                rng.choice(["", "  新段落  ", "同志们，"]))


@pytest.mark.parametrize("seed", range(4))
def test_a_storm_of_edits_keeps_the_view_in_step(window, example_path, seed):
    rng = random.Random(seed)
    window.document.load(load_speech(example_path), None)
    document = window.document
    start = document.speech.content()
    done = 0
    for _ in range(70):
        step = rng.random()
        if step < 0.15 and document.stack.canUndo():
            document.undo()
        elif step < 0.22 and document.stack.canRedo():
            document.redo()
        else:
            try:
                edit = random_edit(rng, document.speech)
            except OperationError:
                continue
            if edit is None:
                continue
            try:
                document.execute(edit, "storm")
            except OperationError:
                continue
            done += 1
        assert_in_step(window)
    assert done > 30
    while document.stack.canUndo():
        document.undo()
    assert document.speech.content() == start
    assert_in_step(window)
