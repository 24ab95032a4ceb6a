"""The one layout of blocks that every output (the .docx, the printed pages) is drawn from."""

from __future__ import annotations

from composer.core.speech import CLOSING, OPENING, Section, Speech
from composer.export import layout, make_profile
from composer.export.layout import Block, Source, speech_blocks

from .conftest import bundled


def _speech() -> Speech:
    inner = Section("压实责任", ["各单位要落实主体责任。", "  ", "\u3000\u3000加强督查。"], run_in=True)
    plain = Section("营造氛围", ["广泛宣传。"])
    return Speech(title="在动员大会上的讲话", subtitle="在全市会议上", speaker="张三",
                  date="2024-03-15", salutation="同志们：", opening=["今天召开会议。"],
                  body=[Section("统一思想", ["意义重大。"], [inner, plain]), Section("加强领导")],
                  closing=["谢谢大家！"])


def test_blocks_come_in_the_order_and_roles_of_a_speech():
    speech = _speech()
    top, inner, plain = speech.body[0], speech.body[0].children[0], speech.body[0].children[1]
    blocks = speech_blocks(speech, bundled("gbt9704"))
    assert [(b.role, b.text) for b in blocks] == [
        (layout.TITLE, "在动员大会上的讲话"),
        (layout.SUBTITLE, "——在全市会议上"),
        (layout.SPEAKER, "张三"),
        (layout.DATE, "（2024年3月15日）"),
        (layout.BLANK, ""),
        (layout.SALUTATION, "同志们："),
        (layout.OPENING_PARAGRAPH, "今天召开会议。"),
        (layout.HEADING, "一、统一思想"),
        (layout.PARAGRAPH, "意义重大。"),
        (layout.PARAGRAPH, "（一）压实责任。各单位要落实主体责任。"),
        (layout.PARAGRAPH, "加强督查。"),   # the blank paragraph is left out, the U+3000 indent trimmed
        (layout.HEADING, "（二）营造氛围"),
        (layout.PARAGRAPH, "广泛宣传。"),
        (layout.HEADING, "二、加强领导"),
        (layout.CLOSING_PARAGRAPH, "谢谢大家！"),
    ]
    run_in = blocks[9]
    assert (run_in.level, run_in.lead, run_in.rest) == (2, "（一）压实责任。", "各单位要落实主体责任。")
    assert run_in.source == Source(inner.id, 0) and run_in.heading_source == Source(inner.id)
    # Sources lead back to the text the writer edits, with the paragraph's own index.
    assert blocks[10].source == Source(inner.id, 2)
    assert blocks[6].source == Source(OPENING, 0) and blocks[14].source == Source(CLOSING, 0)
    assert blocks[7].source == Source(top.id) and blocks[7].level == 1
    assert blocks[11].source == Source(plain.id)


def test_a_run_in_heading_without_text_is_a_paragraph_of_its_own():
    section = Section("压实责任", [], run_in=True)
    speech = Speech(body=[section])
    assert speech_blocks(speech, bundled("gbt9704")) == [
        Block(layout.PARAGRAPH, "一、压实责任。", 1, "一、压实责任。", None, Source(section.id))]


def test_an_empty_speech_has_no_blocks_and_no_blank_line():
    assert speech_blocks(Speech(), bundled("gbt9704")) == []
    assert [b.role for b in speech_blocks(Speech(salutation="同志们："), bundled("gbt9704"))] == [
        layout.SALUTATION]


def test_the_profile_decides_the_date_digits_and_the_level_three_marker():
    speech = Speech(date="2024年3月15日", body=[Section("一", children=[Section("二", children=[
        Section("三")])])])
    blocks = speech_blocks(speech, bundled("gbt9704"))
    assert blocks[0].text == "（2024年3月15日）" and blocks[-1].text == "1.三"
    chinese = make_profile({"date_digits": "chinese", "level3_style": "1、"}, base="gbt9704")
    blocks = speech_blocks(speech, chinese)
    assert blocks[0].text == "（二〇二四年三月十五日）" and blocks[-1].text == "1、三"
