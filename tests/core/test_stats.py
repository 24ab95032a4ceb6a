import pytest

from composer.core.speech import Section, Speech
from composer.core.stats import count_text, display_width, format_duration, seconds_for, speech_stats


@pytest.mark.parametrize("text, han, punctuation, words", [
    ("同志们：", 3, 1, 0),
    ("党的二十大精神", 7, 0, 0),
    ("2024年GDP增长5.2%。", 3, 3, 4),        # 2024, GDP, 5, 2 are words; . % 。 punctuation
    ("“三平”精神", 4, 2, 0),
    ("二〇二四年", 5, 0, 0),
    ("社 会 主 义\n\u3000", 4, 0, 0),           # spaces and U+3000 never count
    ("Hello world", 0, 0, 2),
    ("……——", 0, 4, 0),
    ("ＡＢＣ１２３", 0, 0, 1),                 # full-width Latin and digits form one word
])
def test_counting_rule(text, han, punctuation, words):
    count = count_text(text)
    assert (count.han, count.punctuation, count.words) == (han, punctuation, words)
    assert count.total == han + punctuation + words


def test_speech_stats_per_section_and_total():
    speech = Speech(title="在大会上的讲话", date="2024年3月15日", salutation="同志们：",
                    opening=["今天开会。"], closing=["谢谢大家！"], body=[
                        Section("统一思想", ["要统一思想。"], [Section("提高认识", ["认识。"])]),
                        Section("狠抓落实", ["落实。"])])
    result = speech_stats(speech, rate=60)
    first, child, second = result.sections
    assert (first.marker, child.marker, second.marker) == ("一、", "（一）", "二、")
    assert first.own.total == count_text("一、统一思想要统一思想。").total
    assert first.total.total == first.own.total + child.own.total
    spoken = (count_text("同志们：今天开会。").total + first.total.total + second.total.total
              + count_text("谢谢大家！").total)
    assert result.spoken.total == spoken
    assert result.total.total == spoken + count_text("在大会上的讲话2024年3月15日").total
    assert result.seconds == spoken  # 60 a minute: one second each
    assert result.section(child.section_id) is child
    with pytest.raises(ValueError):
        speech_stats(speech, rate=5)


def test_time_formatting():
    assert seconds_for(180, 180) == 60
    assert format_duration(95) == "1分35秒"
    assert format_duration(35) == "35秒"
    assert format_duration(95, english=True) == "1 min 35 s"
    assert display_width("一a") == 3
