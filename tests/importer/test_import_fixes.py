"""The import preview's corrections on a found speech."""

import pytest

from composer.core import import_fixes
from composer.core.errors import OperationError
from composer.core.importer import analyse


def found(text):
    return analyse([("x.txt", text.splitlines())]).found[0]


TEXT = ("同志们：\n开场。\n一、统一思想\n正文一。\n（一）压实责任\n正文二。\n"
        "二、加强领导\n正文三。\n")


def shape(item):
    """(level, depth in the tree, heading) of every section."""
    depths = {}
    for section in item.speech.body:
        depths[section.id] = 1
    out = []
    for s, level in item.speech.walk():
        for child in s.children:
            depths[child.id] = depths[s.id] + 1
        out.append((level, depths[s.id], s.heading))
    return out


def test_demote_and_promote_keep_the_reading_order_and_the_levels():
    item = found(TEXT)
    second = item.speech.body[1]
    import_fixes.demote(item, second.id)
    assert shape(item) == [(1, 1, "统一思想"), (2, 2, "压实责任"), (2, 2, "加强领导")]
    import_fixes.promote(item, second.id)
    assert shape(item) == [(1, 1, "统一思想"), (2, 2, "压实责任"), (1, 1, "加强领导")]
    with pytest.raises(OperationError):
        import_fixes.promote(item, second.id)


def test_a_heading_turned_back_into_text_keeps_every_word():
    item = found(TEXT)
    before = item.all_text()
    sub = item.speech.body[0].children[0]
    import_fixes.heading_to_text(item, sub.id)
    assert shape(item) == [(1, 1, "统一思想"), (1, 1, "加强领导")]
    assert item.speech.body[0].paragraphs == ["正文一。", "（一）压实责任", "正文二。"]
    assert sorted(item.all_text().replace("\n", "")) == sorted(before.replace("\n", ""))


def test_the_first_heading_back_into_text_joins_the_opening_and_lifts_its_children():
    item = found(TEXT)
    first = item.speech.body[0]
    import_fixes.heading_to_text(item, first.id)
    assert item.speech.opening == ["开场。", "一、统一思想", "正文一。"]
    assert shape(item) == [(1, 1, "压实责任"), (1, 1, "加强领导")]
