"""Reading outline markers back from text: 一、（一）1.（1） in all the ways documents write them."""

import pytest
from hypothesis import given, strategies as st

from composer.core.markers import Marker, parse_chinese_numeral, parse_marker
from composer.core.numbering import LEVEL3_STYLES, chinese_numeral, marker

HEADING = "统一思想，提高认识"


@given(st.integers(min_value=1, max_value=99999))
def test_numeral_round_trip(n):
    assert parse_chinese_numeral(chinese_numeral(n)) == n


@pytest.mark.parametrize("text, n", [("一十一", 11), ("一千零十", 1010), ("两", None), ("零", None),
                                     ("零一", None), ("一二", None), ("十十", None), ("一百零", None),
                                     ("", None), ("1", None), ("百万", None)])
def test_numeral_variants_and_nonsense(text, n):
    if n is None:
        with pytest.raises(ValueError):
            parse_chinese_numeral(text)
    else:
        assert parse_chinese_numeral(text) == n


@given(level=st.integers(min_value=1, max_value=4), n=st.integers(min_value=1, max_value=99),
       style=st.sampled_from(LEVEL3_STYLES),
       rest=st.text(alphabet="统一思想提高认识加强领导，、“”《》abc ", min_size=1, max_size=20))
def test_marker_round_trip(level, n, style, rest):
    rest = "压" + rest.strip()      # heading text starts with a character, not a marker or space
    assert parse_marker(marker(level, n, style) + rest) == (level, n, rest)


@given(n=st.integers(min_value=1, max_value=99), space=st.sampled_from(["", " ", "\u3000"]))
def test_half_width_and_full_width_variants(n, space):
    numeral = chinese_numeral(n)
    digits = str(n)
    full_digits = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    variants = {
        2: [f"({numeral}){space}", f"（{numeral}）{space}", f"({numeral}）", f"（{numeral}）、"],
        3: [f"{digits}、{space}", f"{digits}.{space}", f"{digits}．", f"{full_digits}．",
            f"{full_digits}、"],
        4: [f"({digits}){space}", f"（{digits}）", f"（{full_digits}）{space}"],
        1: [f"{numeral}、{space}", f"{numeral}．"],
    }
    for level, prefixes in variants.items():
        for prefix in prefixes:
            assert parse_marker(prefix + HEADING) == (level, n, HEADING), prefix


@pytest.mark.parametrize("line", [
    "一是加强组织领导", "二是要加强师生员工的思想道德建设", "一要加强组织领导", "第一，加强领导",
    "第二，明确责任", "首先，统一思想", "其次，明确任务", "1.5亿元的投入", "一、二、三等奖获得者",
    "2023年创建文明单位", "一、", "（一）", "20%的单位", "十分重要", "（1）%",
])
def test_enumerations_in_paragraphs_are_body_text(line):
    assert parse_marker(line) is None


def test_marker_details():
    assert parse_marker("\u3000\u3000二、严格标准") == Marker(2 - 1, 2, "严格标准")
    assert parse_marker("三、 加强领导") == (1, 3, "加强领导")
    assert parse_marker("(一) 创建省级文明单位") == (2, 1, "创建省级文明单位")
    assert parse_marker("十一、总结") == (1, 11, "总结")
    assert parse_marker("二十一、总结") == (1, 21, "总结")
    assert parse_marker("③落实") == (4, 3, "落实")
    assert parse_marker("1、深入开展") == (3, 1, "深入开展")
