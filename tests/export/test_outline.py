"""The outline copy (提纲): the head, 「（提纲）」, every heading with its number, and optionally
the first sentence of each section; measured on the render like the speech itself."""

from __future__ import annotations

import pytest

from composer.core.numbering import outline_markers
from composer.core.speech import Section, Speech
from composer.export import layout
from composer.export.layout import first_sentence, speech_blocks

from .conftest import bundled
from .page_rules import check

LINES_PER_PAGE = 22


def _speech() -> Speech:
    inner = Section("压实责任", ["各单位要落实主体责任。要定期督查！第三句。"], run_in=True)
    return Speech(title="在动员大会上的讲话", speaker="张三", date="2024-03-15",
                  salutation="同志们：", opening=["今天召开会议。"],
                  body=[Section("统一思想", ["意义重大，影响深远。其次。"], [inner]),
                        Section("加强领导", [])],
                  closing=["谢谢大家！"], signature="某某局")


def test_the_outline_has_the_head_and_the_numbered_headings_only():
    blocks = speech_blocks(_speech(), bundled("gbt9704"), layout.OUTLINE)
    assert [(b.role, b.text) for b in blocks] == [
        (layout.TITLE, "在动员大会上的讲话"), (layout.LABEL, "（提纲）"),
        (layout.SPEAKER, "张三"), (layout.DATE, "（2024年3月15日）"), (layout.BLANK, ""),
        (layout.HEADING, "一、统一思想"), (layout.HEADING, "（一）压实责任"),
        (layout.HEADING, "二、加强领导")]
    # A heading keeps with its first subsection, not with the next heading of its level.
    assert [b.keep_with_next for b in blocks[5:]] == [True, False, False]
    assert all(b.keep_with_next for b in blocks[:5])


def test_the_outline_with_first_sentences():
    blocks = speech_blocks(_speech(), bundled("gbt9704"), layout.OUTLINE_SENTENCES)
    assert [(b.role, b.text) for b in blocks[5:]] == [
        (layout.HEADING, "一、统一思想"), (layout.PARAGRAPH, "意义重大，影响深远。"),
        (layout.HEADING, "（一）压实责任"), (layout.PARAGRAPH, "各单位要落实主体责任。"),
        (layout.HEADING, "二、加强领导")]


def test_first_sentence():
    assert first_sentence("第一句。第二句。") == "第一句。"
    assert first_sentence("他说：“好！”然后走了。") == "他说：“好！”"
    assert first_sentence("没有句号的一段") == "没有句号的一段"


def test_an_unknown_copy_is_refused():
    with pytest.raises(ValueError):
        speech_blocks(_speech(), bundled("gbt9704"), "summary")


@pytest.mark.render
@pytest.mark.parametrize("case", ["outline", "outline_sentences"])
def test_the_outline_copy_in_the_render(rendered, case):
    doc = rendered[case]
    lines = [line.text for page in doc.pages for line in page.lines]
    markers = outline_markers(doc.speech, doc.profile.level3_style)
    headings = [markers[s.id] + s.heading for s, _ in doc.speech.walk()]
    starts = [i for i, text in enumerate(lines) if any(text.startswith(h[:12]) for h in headings)]
    assert len(starts) == len(headings)           # every heading, once, in order
    assert "（提纲）" in lines[:4]
    assert doc.speech.salutation not in lines
    report = check(doc.pages, doc.blocks(), doc.profile.text.line_pitch_pt, LINES_PER_PAGE)
    print(f"{case}: {report.summary()}")
    assert not report.faults, report.summary()
    if case == "outline":
        assert len(doc.pages) <= 3
    else:
        printed = "".join(lines)
        firsts = [s.paragraphs[0] for s, _ in doc.speech.walk()
                  if s.paragraphs and len(first_sentence(s.paragraphs[0])) < len(s.paragraphs[0])]
        assert len(firsts) >= 10
        for first in firsts:
            sentence = first_sentence(first)
            assert sentence[:10] in printed
            assert sentence + first[len(sentence):][:6] not in printed
