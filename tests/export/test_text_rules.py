"""Text the writer composes: the date line, run-in heading sentences, the subtitle dash."""

from __future__ import annotations

import pytest

from composer.export.date_line import date_line, parse_date
from composer.export.layout import run_in_heading_text, subtitle_text


@pytest.mark.parametrize("typed", ["2024年3月15日", "2024年03月15日", "2024-03-15", "2024.3.15",
                                   "2024/3/15", "（2024年3月15日）", "(2024年3月15日)",
                                   "２０２４年３月１５日", "二〇二四年三月十五日", " 2024 年 3 月 15 日 "])
def test_dates_typed_in_the_usual_ways(typed):
    assert parse_date(typed) == (2024, 3, 15)
    assert date_line(typed, "arabic") == "（2024年3月15日）"
    assert date_line(typed, "chinese") == "（二〇二四年三月十五日）"


@pytest.mark.parametrize("day,chinese", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"),
                                         (21, "二十一"), (30, "三十"), (31, "三十一")])
def test_chinese_numeral_days_round_trip(day, chinese):
    text = f"二〇二五年十二月{chinese}日"
    assert parse_date(text) == (2025, 12, day)
    assert date_line(f"2025年12月{day}日", "chinese") == f"（{text}）"


@pytest.mark.parametrize("typed", ["20xx年x月x日", "2024年春", "2024年13月1日", "三月"])
def test_non_dates_are_kept_as_typed(typed):
    assert parse_date(typed) is None
    assert date_line(typed, "chinese") == f"（{typed}）"


@pytest.mark.parametrize("heading,sentence", [
    ("压实责任", "压实责任。"),
    ("压实责任。", "压实责任。"),
    ("压实责任！", "压实责任！"),
    ("为什么要创建？", "为什么要创建？"),
    ("压实责任，", "压实责任。"),
    ("压实责任：", "压实责任。"),
    ("关于“三个务必”", "关于“三个务必”。"),
    ("要牢记“三个务必。”", "要牢记“三个务必。”"),
    ("压实责任　", "压实责任。"),
    ("", ""),
])
def test_run_in_heading_ends_with_one_sentence_mark(heading, sentence):
    assert run_in_heading_text(heading) == sentence


@pytest.mark.parametrize("typed", ["在动员大会上", "——在动员大会上", "—在动员大会上", "--在动员大会上",
                                   "－－在动员大会上", "  —— 在动员大会上"])
def test_subtitle_starts_with_one_double_dash(typed):
    assert subtitle_text(typed) == "——在动员大会上"
