"""The document view's blocks, without Qt: the page's blocks cut into the writer's text and
decoration, plus what a writer needs to type into (blank paragraphs, placeholders)."""

from __future__ import annotations

from composer.core.numbering import outline_markers
from composer.core.speech import CLOSING, HEAD, OPENING, Section, Speech
from composer.export import load_profile
from composer.export.layout import speech_blocks
from composer.io.speech_file import load_speech
from composer.ui.view_blocks import document_groups, section_group

PROFILE = load_profile(None)


def groups(speech):
    return document_groups(speech, PROFILE, outline_markers(speech))


def test_the_view_prints_what_the_page_prints(example_path):
    speech = load_speech(example_path)
    shown = [b for _, blocks in groups(speech) for b in blocks]
    assert [b.printed for b in shown] == [b.text for b in speech_blocks(speech, PROFILE)]
    keys = [key for key, _ in groups(speech)]
    assert keys[:2] == [HEAD, OPENING] and keys[-1] == CLOSING
    assert keys[2:-1] == [s.id for s, _ in speech.walk()]


def test_every_editable_piece_shows_its_units_text_at_its_offset(example_path):
    speech = load_speech(example_path)
    speech.subtitle = "  ——在全局大会上  "
    speech.body[0].paragraphs.append("  缩进的段落\u3000")
    from composer.core.text_edits import unit_text
    for _, blocks in groups(speech):
        for block in blocks:
            for piece in block.pieces:
                if piece.unit is not None:
                    text = unit_text(speech, *piece.unit)
                    assert text[piece.offset:piece.offset + len(piece.text)] == piece.text


def test_numbers_dashes_and_parentheses_are_decoration():
    speech = Speech(title="T", subtitle="在大会上", date="2024年3月15日",
                    body=[Section("加强领导", ["正文"])])
    (_, head), _, (_, section), _ = groups(speech)
    subtitle = next(b for b in head if b.kind == "subtitle")
    assert [(p.text, p.editable) for p in subtitle.pieces] == [("——", False), ("在大会上", True)]
    date = next(b for b in head if b.kind == "date")
    assert [(p.text, p.editable) for p in date.pieces] == [
        ("（", False), ("2024年3月15日", True), ("）", False)]
    heading = section[0]
    assert [(p.text, p.editable) for p in heading.pieces] == [("一、", False), ("加强领导", True)]


def test_a_run_in_heading_is_its_heading_a_full_stop_and_its_first_paragraph():
    section = Section("压实责任，", ["正文一", "正文二"], run_in=True)
    blocks = section_group(section, 2, "（一）")
    assert blocks[0].text == "（一）压实责任。正文一"
    assert [(p.text, p.unit) for p in blocks[0].pieces] == [
        ("（一）", None), ("压实责任", (section.id, -1)), ("。", None), ("正文一", (section.id, 0))]
    assert blocks[1].text == "正文二"
    empty = Section("压实责任", [], run_in=True)
    only = section_group(empty, 2, "（一）")
    assert only[0].pieces[-1].unit == (empty.id, 0) and only[0].pieces[-1].text == ""


def test_blank_paragraphs_and_empty_containers_have_a_place_to_type():
    speech = Speech(opening=[], closing=["", "谢谢"], body=[Section("甲", ["", "正文"], run_in=True)])
    by_key = dict(groups(speech))
    title = by_key[HEAD][0]
    assert title.extra and title.pieces[0].unit == ("title", -1) and title.pieces[1].text == "（标题）"
    opening = by_key[OPENING]
    assert len(opening) == 1 and opening[0].extra and opening[0].pieces[0].unit == (OPENING, 0)
    closing = by_key[CLOSING]
    assert [b.text for b in closing] == ["", "谢谢"] and closing[0].extra
    section = by_key[speech.body[0].id]
    assert section[0].text == "一、甲。正文", "the heading's block comes first"
    assert section[1].extra and section[1].pieces[0].unit == (speech.body[0].id, 0)


def test_spaces_typed_around_the_text_are_shown_where_the_page_trims_them():
    speech = Speech(title="T", opening=["同志们 "])
    opening = dict(groups(speech))[OPENING][0]
    assert opening.text == "同志们 " and opening.printed == "同志们"


def test_a_title_with_the_writers_line_break_shows_one_break():
    """Shift+Enter in the title: the view showed the break twice (an empty line in the title)
    because the search for the writer's break skipped the break itself as a space."""
    for title in ("在创建省级文明\n单位动员大会上的讲话", "在创建省级文明　\n单位动员大会上的讲话",
                  "在全市创建全国文明城市暨省级文明单位工作推进会上的讲话"):
        speech = Speech(title=title, salutation="同志们：", opening=["今天开会。"])
        block = groups(speech)[0][1][0]
        printed = next(b.text for b in speech_blocks(speech, PROFILE) if b.role == "title")
        assert "\n" in printed
        # (Spaces typed before the break stay visible as typed; the page trims them.)
        assert block.printed.replace("\u3000\n", "\n") == printed, title
        typed = "".join(p.text for p in block.pieces if p.editable)
        assert typed.replace("\u2028", "\n") == title, title     # one character for one
