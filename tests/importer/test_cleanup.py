"""Cleanup of pasted and imported text: what changes, and that nothing else does."""

import re
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from composer.core.boilerplate import is_debris_line, strip_boilerplate
from composer.core.cleanup import Line, clean_lines, clean_paste, clean_text, normalise
from composer.core.speech_lines import HAN


def _han(text: str) -> str:
    return "".join(re.findall(f"[{HAN}]", text))


@pytest.mark.parametrize("raw, clean", [
    ("构建社 会主义和谐社会，", "构建社会主义和谐社会，"),
    ("培养 高素质人才的需要。", "培养高素质人才的需要。"),
    ("(一) 创建省级文明单位", "（一）创建省级文明单位"),
    ("三、 加强领导、狠抓落实", "三、加强领导、狠抓落实"),
    ("文明处(室)、文明职工", "文明处（室）、文明职工"),
    ("为什么要开展创建省级文明单位?有三个方面", "为什么要开展创建省级文明单位？有三个方面"),
    ("赢得广泛的理解和支持;局创建办", "赢得广泛的理解和支持；局创建办"),
    ("取得新的长足发展!", "取得新的长足发展！"),
    ("人员组成为:", "人员组成为："),
    ("他说\"创文明单位\"。", "他说“创文明单位”。"),
    ("等等...", "等等……"),
    ("\u3000\u3000同志们：", "同志们："),
    ("零\u200b宽\ufeff字符。", "零宽字符。"),
    # kept as typed
    ("使用 Microsoft Word 软件，", "使用 Microsoft Word 软件，"),
    ("see (the notes) here", "see (the notes) here"),
    ("增长1.5倍，达到3:2。", "增长1.5倍，达到3:2。"),
    ("凝心聚力 争创一流", "凝心聚力 争创一流"),
    ("一、统一思想 提高认识", "一、统一思想 提高认识"),
    ("局党组书记、局长\u3000王建国", "局党组书记、局长\u3000王建国"),
    ("１．深入开展", "１．深入开展"),
])
def test_normalise(raw, clean):
    assert normalise(raw) == clean


@pytest.mark.parametrize("line", ["3", "- 3 -", "— 12 —", "第1页共10页", "第 2 页 / 共 10 页",
                                  "共10页 第1页", "3/10", "Page 3 of 10", "--------",
                                  "创建省级文明单位动员大会讲话稿(通用8篇)", "动员大会讲话稿精选5篇",
                                  "创建文明单位讲话稿大全"])
def test_debris_lines(line):
    assert is_debris_line(normalise(line))


@pytest.mark.parametrize("line", ["创建文明单位动员大会讲话稿篇一", "同志们：", "20xx年",
                                  "主任：秦树理、胡卫民", "谢谢大家！", "一、统一思想"])
def test_not_debris(line):
    assert not is_debris_line(line)


@pytest.mark.parametrize("paragraph", [
    "以下是小编为大家收集的经典范文，供大家参考和学习。",
    "总结是我们在旅途中的指南针。以下是为大家整理的讲话稿，希望对你有所帮助。",
    "它山之石可以攻玉，以上就是为大家整理的5篇《讲话稿》，您可以复制其中的精彩段落、语句，"
    "也可以下载doc格式的文档以便编辑使用。",
    "本文来源于某某范文网 www.example.com，转载请注明出处。",
    "更多相关范文请访问本站。",
    "以上内容由本站精选，仅供大家参考借鉴。",
])
def test_boilerplate_paragraphs(paragraph):
    assert strip_boilerplate(paragraph) == ("", [paragraph])


@pytest.mark.parametrize("paragraph", [
    "下面，我讲几点意见，供大家参考。",
    "希望今天的培训对大家有所帮助。",
    "下面，我代表局党组为大家介绍一下情况。",
    "根据会议安排，下面我就省级文明单位创建工作讲几点意见。",
    "它山之石，可以攻玉。我们要虚心学习兄弟单位的经验。",
])
def test_what_speakers_say_is_not_boilerplate(paragraph):
    assert strip_boilerplate(paragraph) == (paragraph, [])


def test_boilerplate_sentence_inside_a_long_paragraph():
    body = "我们要凝心聚力，扎实推进各项工作。" * 15
    text, removed = strip_boilerplate(body + "以上就是小编为大家整理的全部内容。")
    assert text == body and removed == ["以上就是小编为大家整理的全部内容。"]


def test_hard_wrap_page_break_and_short_lines():
    text = ("同志们：\n\n"
            "精神文明是社会进步和发展的根本性标志，是中国特色社会\n"
            "主义的重要特征。我国高等教育承担着为社会主义现代化建\n"
            "设培养合格建设者和接班人的重任，是先进生产力、先进文\n"
            "化的前沿阵地，理应成为社会主义精神文明建设的示范窗口。\n"
            "文明单位是一项综合性荣誉称号，开展文明单位创建活动是\n\n"
            "— 2 —\n\n"
            "促进物质文明、精神文明协调发展的重要途径和载体。\n\n"
            "调整后的人员组成为：\n\n"
            "主任：秦树理、胡卫民\n\n"
            "精神文明建设指导委员会下设办公室，具体负责校园精神文\n\n"
            "明建设日常工作。\n")
    cleaned = clean_text(text)
    assert cleaned.texts() == [
        "同志们：",
        "精神文明是社会进步和发展的根本性标志，是中国特色社会主义的重要特征。我国高等教育承担着"
        "为社会主义现代化建设培养合格建设者和接班人的重任，是先进生产力、先进文化的前沿阵地，理应"
        "成为社会主义精神文明建设的示范窗口。文明单位是一项综合性荣誉称号，开展文明单位创建活动是"
        "促进物质文明、精神文明协调发展的重要途径和载体。",
        "调整后的人员组成为：",
        "主任：秦树理、胡卫民",
        "精神文明建设指导委员会下设办公室，具体负责校园精神文明建设日常工作。",
    ]
    assert cleaned.removed == ["— 2 —"]


def test_never_joined_across_headings_titles_salutations():
    text = ("在全县创建文明单位动员大会上的讲话\n同志们：\n今天我们召开大会，主要是对创建工作进行动员和部署，讲\n"
            "一、统一思想，提高认识\n（一）创建文明单位是构建和谐社会的客观要求\n谢谢大家！")
    assert clean_paste(text) == [
        "在全县创建文明单位动员大会上的讲话", "同志们：",
        "今天我们召开大会，主要是对创建工作进行动员和部署，讲",
        "一、统一思想，提高认识", "（一）创建文明单位是构建和谐社会的客观要求", "谢谢大家！"]


def test_word_paste_keeps_one_paragraph_per_line():
    text = "同志们：\r\n今天，我们召开动员大会。\r\n一、统一思想\r\n这是第一段。\r\n这是第二段。\r\n"
    assert clean_paste(text) == ["同志们：", "今天，我们召开动员大会。", "一、统一思想",
                                 "这是第一段。", "这是第二段。"]


def test_indented_text_joins_continuation_lines():
    text = ("\u3000\u3000今天，我们召开创建省级文明单位动员大会。会议的主要任务是\n"
            "动员全体干部职工。\n"
            "\u3000\u3000第二段从这里开始，讲创建工作的重要意义和基本要求。\n"
            "\u3000\u3000第三段。\n")
    assert clean_paste(text) == [
        "今天，我们召开创建省级文明单位动员大会。会议的主要任务是动员全体干部职工。",
        "第二段从这里开始，讲创建工作的重要意义和基本要求。", "第三段。"]


def test_latin_words_joined_with_a_space():
    assert clean_paste("The quick brown fox jumps over the lazy dog and keeps on running\n"
                       "over the hills,\n") == [
        "The quick brown fox jumps over the lazy dog and keeps on running over the hills,"]


def test_heading_level_hints_are_kept_and_never_joined():
    cleaned = clean_lines([Line("统一思想", level=1), Line("这是正文，没有结束的句子"),
                           Line("在大会上的讲话", title=True)])
    assert [(p.text, p.level, p.title) for p in cleaned.paragraphs] == [
        ("统一思想", 1, False), ("这是正文，没有结束的句子", 0, False), ("在大会上的讲话", 0, True)]


# --- properties --------------------------------------------------------------------------------

# Han characters that appear in no debris or boilerplate pattern: nothing may be removed.
SAFE_HAN = "精神文明创建单位社会主义和谐发展同志们今天我们召开动员会议讲话一二三四五六七八九十是要"
# Characters the debris and boilerplate rules do react to.
RISKY_HAN = "第页共篇小编为大家整理收集以下上就范文供参考您可复制下载"
NOISE = "，。、；：？！“”（）()[],.;:?!\"  \u3000\t1234567890abcXYZ-—…"
texts = st.lists(st.text(alphabet=SAFE_HAN + NOISE, max_size=40), max_size=25)


@settings(max_examples=300, deadline=None)
@given(lines=texts, breaks=st.sampled_from(["\n", "\n\n", "\r\n", "\f"]))
def test_cleanup_keeps_every_chinese_character_in_order(lines, breaks):
    text = breaks.join(lines)
    cleaned = clean_text(text)
    assert _han("".join(cleaned.texts())) == _han(text)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.text(alphabet=SAFE_HAN + RISKY_HAN + NOISE, max_size=40), max_size=25),
       breaks=st.sampled_from(["\n", "\n\n"]))
def test_cleanup_removes_only_what_it_reports(lines, breaks):
    text = breaks.join(lines)
    cleaned = clean_text(text)
    kept = _han("".join(cleaned.texts()))
    removed = _han("".join(cleaned.removed))
    source = _han(text)
    assert Counter(kept) + Counter(removed) == Counter(source)
    assert _is_subsequence(kept, source)
    assert _is_subsequence(removed, source)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=SAFE_HAN + NOISE + "\n", max_size=300))
def test_paste_keeps_every_chinese_character(text):
    assert _han("".join(clean_paste(text))) == _han(text)


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def test_a_few_short_footer_lines_do_not_make_a_wrap_width():
    # The 2002 政府工作报告 as Wikisource gives it: the report is not wrapped, but its licence
    # footer breaks mid-sentence three times at 13 characters.  That was taken for a wrap width
    # of 13, and 「首先报告２００１年的工作」 (12) was joined to the paragraph after it.
    body = "".join(f"　　第{n}段正文，讲的是今年的工作，内容很长，这里只是示意。\n\n" for n in range(40))
    footer = ("本作品是中华人民共和国的\n法律\n，也可能在其他管辖区，属于\n公有领域\n"
              "Public domain\nPublic domain\nfalse\n")
    text = "各位代表：\n\n首先报告２００１年的工作\n\n\n　　新世纪第一年，成绩很大。\n\n" + body + footer
    paragraphs = clean_text(text).texts()
    assert paragraphs[1] == "首先报告２００１年的工作"
    assert paragraphs[2] == "新世纪第一年，成绩很大。"


def test_a_paragraph_with_its_links_on_lines_of_their_own_is_one_paragraph():
    # The 1954 政府工作报告 as Wikisource gives it: blank lines between paragraphs, and inside
    # one every link on a line of its own; the pieces became paragraphs, some starting with ，.
    text = ("各位代表：\n\n我們第一届全國人民代表大會第一次會議，在聽了劉少奇同志\n關於憲法草案的報告\n"
            "並進行了三天的討論以後，通過了我們國家的根本法——\n中華人民共和國憲法\n"
            "，接着，又通過了幾個重要的法律。\n\n我國偉大的人民革命的根本目的，是在於解放。\n\n"
            "第三段。\n\n第四段。\n")
    assert clean_text(text).texts() == [
        "各位代表：",
        "我們第一届全國人民代表大會第一次會議，在聽了劉少奇同志關於憲法草案的報告並進行了三天的討論以後，"
        "通過了我們國家的根本法——中華人民共和國憲法，接着，又通過了幾個重要的法律。",
        "我國偉大的人民革命的根本目的，是在於解放。", "第三段。", "第四段。"]


def test_a_line_starting_with_a_closing_mark_continues_the_line_before():
    text = "根据《中华人民共和国著作权法\n》第五条第一项的规定。\n"
    assert clean_text(text).texts() == ["根据《中华人民共和国著作权法》第五条第一项的规定。"]
