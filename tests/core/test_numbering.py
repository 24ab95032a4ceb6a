import pytest
from hypothesis import given, strategies as st

from composer.core.numbering import chinese_numeral, marker, outline_markers
from composer.core.speech import Section, Speech


@pytest.mark.parametrize("n, text", [
    (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"),
    (21, "二十一"), (30, "三十"), (45, "四十五"), (99, "九十九"), (100, "一百"),
    (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"), (1000, "一千"), (1005, "一千零五"),
    (1050, "一千零五十"), (10001, "一万零一"),
    # Beyond 99,999 (a speech of 100,000 sections must still number): groups of four digits.
    (100000, "十万"), (100001, "十万零一"), (110000, "十一万"), (1000001, "一百万零一"),
    (1010000, "一百零一万"), (10010000, "一千零一万"), (12345678, "一千二百三十四万五千六百七十八"),
    (100000000, "一亿"), (200000010, "二亿零一十"), (101000000, "一亿零一百万"),
    (110000000, "一亿一千万"), (10**12, "一万亿"), (10001 * 10**8, "一万零一亿"),
])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


@pytest.mark.parametrize("bad", [0, -1])
def test_numeral_range(bad):
    with pytest.raises(ValueError):
        chinese_numeral(bad)


def _value(text: str) -> int:
    """An independent reader of Chinese numerals, for the property test: 十百千 inside a group,
    万 multiplies the group read so far, 亿 everything read so far."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    units = {"十": 10, "百": 100, "千": 1000}
    total, group, digit = 0, 0, None
    for ch in text:
        if ch in digits:
            digit = digits[ch]
        elif ch in units:
            group += (1 if digit is None else digit) * units[ch]
            digit = None
        elif ch == "万":
            group = (group + (digit or 0)) * 10000
            digit = None
        else:  # 亿: everything so far is counted in 亿
            total = (total + group + (digit or 0)) * 10**8
            group, digit = 0, None
    return total + group + (digit or 0)


@given(st.integers(min_value=1, max_value=10**16 - 1))
def test_numerals_read_back(n):
    text = chinese_numeral(n)
    assert _value(text) == n
    assert "零零" not in text and not text.endswith("零")


def test_markers_per_level():
    assert [marker(1, n) for n in (1, 10, 11, 12)] == ["一、", "十、", "十一、", "十二、"]
    assert marker(2, 3) == "（三）"
    assert marker(3, 4) == "4."
    assert marker(3, 4, "1、") == "4、"
    assert marker(4, 12) == "（12）"
    with pytest.raises(ValueError):
        marker(5, 1)
    with pytest.raises(ValueError):
        marker(3, 1, "1)")


def test_numbering_restarts_under_each_parent():
    speech = Speech(body=[
        Section("a", children=[Section("a1"), Section("a2", children=[Section("x"), Section("y",
                children=[Section("deep")])])]),
        Section("b", children=[Section("b1")]),
    ])
    marks = outline_markers(speech)
    by_heading = {s.heading: marks[s.id] for s, _ in speech.walk()}
    assert by_heading == {"a": "一、", "a1": "（一）", "a2": "（二）", "x": "1.", "y": "2.",
                          "deep": "（1）", "b": "二、", "b1": "（一）"}
    assert outline_markers(speech, "1、")[speech.body[0].children[1].children[1].id] == "2、"
