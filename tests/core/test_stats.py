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


def test_each_line_and_paragraph_is_counted_on_its_own():
    """A word processor counts paragraph by paragraph: "GDP" ending one and "2024" starting the
    next are two words, not one."""
    from composer.core.stats import count_texts
    speech = Speech(title="GDP", date="2024年", opening=["增长GDP", "2024年"])
    result = speech_stats(speech)
    assert result.head.words == 2 and result.opening.words == 2
    assert count_texts(["GDP", "", "2024"]).words == 2 and count_texts([]).total == 0


def _speeches():
    from hypothesis import strategies as st
    texts = st.text(alphabet="文明aB1 ，。", max_size=6)

    @st.composite
    def sections(draw, depth=0):
        children = draw(st.lists(sections(depth + 1), max_size=2)) if depth < 3 else []
        return Section(draw(texts), draw(st.lists(texts, max_size=2)), children)
    return st.builds(Speech, title=texts, subtitle=texts, speaker=texts, date=texts,
                     salutation=texts, opening=st.lists(texts, max_size=2),
                     body=st.lists(sections(), max_size=3), closing=st.lists(texts, max_size=2))


def test_the_status_bar_summary_agrees_with_the_full_statistics():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from composer.core.numbering import outline_markers
    from composer.core.stats import character_total, summary

    @settings(max_examples=150, deadline=None)
    @given(_speeches(), st.sampled_from(["1.", "1、"]), st.integers(60, 600), st.data())
    def check(speech, style, rate, data):
        full = speech_stats(speech, rate, style)
        quick = summary(speech, rate, markers=outline_markers(speech, style))
        assert (quick.total, quick.seconds) == (full.total, full.seconds)
        assert character_total(speech) == full.total.total   # the recovery prompt's count
        for row in full.sections:
            part = summary(speech, rate, row.section_id, level3_style=style)
            assert (part.section, part.section_seconds) == (row.total, row.seconds)
        if speech.body:
            stale = outline_markers(Speech(body=speech.body[:-1]), style)  # before an insertion
            assert summary(speech, rate, markers=stale, level3_style=style).total == full.total
    check()
