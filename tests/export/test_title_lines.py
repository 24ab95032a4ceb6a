"""Long titles: the writer's own breaks, and breaks between words in a 梯形 or 菱形 shape
(GB/T 9704 §7.3.1), checked on real published titles (tests/export/material/real_titles.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from composer.core.speech import Speech
from composer.export import layout
from composer.export.line_grid import text_em
from composer.export.title_lines import break_places, title_lines

from .conftest import bundled

TITLES = yaml.safe_load((Path(__file__).parent / "material" / "real_titles.yaml")
                        .read_text(encoding="utf-8"))
CAPACITY = layout.title_capacity(bundled("gbt9704"))


def shown(lines: list[str]) -> str:
    return "／".join(lines) if len(lines) > 1 else "no break"


def test_a_title_line_holds_twenty_characters_of_the_standard_title():
    assert 20 <= CAPACITY < 21


@pytest.mark.parametrize("case", TITLES, ids=[c["title"][:12] for c in TITLES])
def test_real_titles_break_where_a_reviewer_accepts(case):
    lines = title_lines(case["title"], CAPACITY)
    assert "".join(lines) == case["title"]
    assert all(text_em(line) <= CAPACITY for line in lines)
    assert shown(lines) in case["accept"]


def test_the_held_out_titles_are_there():
    assert sum(1 for c in TITLES if c.get("held_out")) >= 4
    assert len(TITLES) >= 20


def test_the_writers_breaks_come_first():
    title = "在全市创建全国文明城市\n动员大会上的讲话"
    assert title_lines(title, CAPACITY) == ["在全市创建全国文明城市", "动员大会上的讲话"]
    # Blank parts and spaces around a break are dropped.
    assert title_lines(" 在全市会议上 \n\n 的讲话 ", CAPACITY) == ["在全市会议上", "的讲话"]


def test_a_part_too_long_for_a_line_is_broken_again():
    title = "教育部党组书记、部长陈宝生在全国学校安全工作电视电话会议上的讲话\n（摘要）"
    assert title_lines(title, CAPACITY) == [
        "教育部党组书记、部长陈宝生", "在全国学校安全工作电视电话会议上的讲话", "（摘要）"]


def test_a_title_that_fits_is_not_broken():
    assert title_lines("在创建省级文明单位动员大会上的讲话", CAPACITY) == [
        "在创建省级文明单位动员大会上的讲话"]
    assert title_lines("", CAPACITY) == []


def test_no_break_splits_a_number_a_quotation_or_starts_a_line_with_a_closing_mark():
    for case in TITLES:
        title = case["title"]
        places = break_places(title, CAPACITY)
        for index in places:
            assert title[index] not in "，。、；：）》”’"
            assert not (title[index - 1].isdigit() and title[index].isdigit())
            assert not (title[index - 1].isdigit() and title[index] in "年周届次")
        # Inside “不忘初心、牢记使命”: no break at its 、.
        if "“不忘初心" in title:
            assert title.index("、") + 1 not in places


def test_the_mechanical_break_of_the_issue_does_not_happen():
    """「…推进会／上的讲话」: a full first line and a stub."""
    title = "在全市优化营商环境暨招商引资项目建设工作推进会上的讲话"
    lines = title_lines(title, CAPACITY)
    assert lines[-1] != "上的讲话" and len(lines[-1]) >= 6
    # At the joint 暨 (a 梯形, short line over long), not inside a word.
    assert lines == ["在全市优化营商环境", "暨招商引资项目建设工作推进会上的讲话"]


def test_three_lines_are_never_an_hourglass():
    for case in TITLES:
        lines = title_lines(case["title"], CAPACITY)
        widths = [text_em(line) for line in lines]
        for before, middle, after in zip(widths, widths[1:], widths[2:]):
            assert not (middle < before - 0.5 and middle < after - 0.5), lines


def test_a_part_without_word_boundaries_still_breaks_into_fitting_lines():
    title = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒"
    lines = title_lines(title, CAPACITY)
    assert "".join(lines) == title and all(text_em(line) <= CAPACITY for line in lines)
    assert len(lines) == 2


def test_the_title_block_holds_its_lines():
    speech = Speech(title="教育部党组书记、部长陈宝生在全国学校安全工作电视电话会议上的讲话")
    block = layout.speech_blocks(speech, bundled("gbt9704"))[0]
    assert block.role == layout.TITLE
    assert block.text == "教育部党组书记、部长陈宝生\n在全国学校安全工作电视电话会议上的讲话"
