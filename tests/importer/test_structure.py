"""Structure detection on constructed texts: head lines, levels, run-in headings, lost breaks."""

from composer.core.numbering import outline_markers
from composer.core.structure import speech_from_text, speeches_from_text


def outline(speech):
    marks = outline_markers(speech)
    return [(level, marks[s.id], s.heading, s.run_in) for s, level in speech.walk()]


FULL = """在全县创建省级文明单位动员大会上的讲话
——凝心聚力 争创一流
县委书记　张三
（2024年3月15日）

同志们：

今天，我们召开动员大会。下面，我讲三点意见。

一、统一思想，提高认识
创建文明单位是一项系统工程。
（一）压实责任。各部门要落实责任。
(二) 强化督查
要加强督查。
1. 每月检查一次。
2. 每季度通报一次。
（1）通报到人。
（2）通报到单位。
二、加强领导
一是加强组织领导，二是强化宣传引导。
同志们，让我们行动起来。
谢谢大家！
"""


def test_a_complete_speech():
    speech = speech_from_text(FULL)
    assert speech.title == "在全县创建省级文明单位动员大会上的讲话"
    assert speech.subtitle == "——凝心聚力 争创一流"
    assert speech.speaker == "县委书记　张三"
    assert speech.date == "2024年3月15日"
    assert speech.salutation == "同志们："
    assert speech.opening == ["今天，我们召开动员大会。下面，我讲三点意见。"]
    assert outline(speech) == [
        (1, "一、", "统一思想，提高认识", False),
        (2, "（一）", "压实责任", True),
        (2, "（二）", "强化督查", False),
        (3, "1.", "每月检查一次", False),
        (3, "2.", "每季度通报一次", False),
        (4, "（1）", "通报到人", False),
        (4, "（2）", "通报到单位", False),
        (1, "二、", "加强领导", False),
    ]
    assert speech.body[0].children[0].paragraphs == ["各部门要落实责任。"]
    assert speech.body[1].paragraphs == ["一是加强组织领导，二是强化宣传引导。"]
    assert speech.closing == ["同志们，让我们行动起来。", "谢谢大家！"]


def test_line_breaks_all_lost():
    text = ("在全县大会上的讲话同志们：今天，我们召开动员大会。一、统一思想。创建文明单位是一项系统工程。"
            "（一）压实责任。各部门要落实责任。（二）强化督查。要加强督查。二、加强领导。"
            "要成立领导小组。谢谢大家！")
    speech = speech_from_text(text)
    assert speech.title == "在全县大会上的讲话"
    assert speech.salutation == "同志们："
    assert speech.opening == ["今天，我们召开动员大会。"]
    assert [(level, s.heading) for s, level in speech.walk()] == [
        (1, "统一思想"), (2, "压实责任"), (2, "强化督查"), (1, "加强领导")]
    assert speech.body[0].paragraphs == ["创建文明单位是一项系统工程。"]
    assert speech.body[1].paragraphs == ["要成立领导小组。"]
    assert speech.closing == ["谢谢大家！"]


def test_headings_run_into_the_previous_sentence(corpus_text):
    """Remove the line break before every heading of 篇五: the same outline comes back."""
    import re
    start = corpus_text.index("创建文明单位动员大会讲话稿篇五")
    end = corpus_text.index("创建文明单位动员大会讲话稿篇六")
    text = corpus_text[start:end]
    damaged = re.sub(r"。\n+(?=[一二三]、|[（(][一二三][)）])", "。", text)
    assert damaged.count("\n") < text.count("\n") - 8
    assert outline(speech_from_text(damaged)) == outline(speech_from_text(text))


def test_enumerations_in_paragraphs_stay_body_text():
    speech = speech_from_text("同志们：\n开场白。\n一、加强领导\n一是加强组织领导。\n二是强化宣传。\n"
                              "第一，要统一思想。\n首先，要明确任务。\n")
    assert [s.heading for s, _ in speech.walk()] == ["加强领导"]
    assert speech.body[0].paragraphs == ["一是加强组织领导。", "二是强化宣传。", "第一，要统一思想。",
                                         "首先，要明确任务。"]


def test_a_list_restarting_inside_its_last_item_is_nested():
    speech = speech_from_text("同志们：\n开场。\n一、甲\n正文。\n二、乙\n正文。\n"
                              "一、丙。正文。\n二、丁。正文。\n")
    assert [(level, s.heading) for s, level in speech.walk()] == [
        (1, "甲"), (1, "乙"), (2, "丙"), (2, "丁")]


def test_only_one_and_arabic_levels():
    # The 1. list keeps its level (3) under 一、: it skips the （一） level (issue 12 item 2).
    speech = speech_from_text("同志们：\n开场。\n一、甲\n1. 子一\n2. 子二\n二、乙\n1. 子三\n")
    assert [(level, s.heading) for s, level in speech.walk()] == [
        (1, "甲"), (3, "子一"), (3, "子二"), (1, "乙"), (3, "子三")]
    assert [s.skip for s in speech.body[0].children] == [1, 1]


def test_a_fifth_level_stays_body_text():
    speech = speech_from_text("同志们：\n开场。\n一、甲\n（一）乙\n1. 丙\n（1）丁\n①戊的内容。\n")
    assert [level for _, level in speech.walk()] == [1, 2, 3, 4]
    assert speech.body[0].children[0].children[0].children[0].paragraphs == ["①戊的内容。"]


def test_no_title_no_salutation():
    speech = speech_from_text("今天，我们召开动员大会。\n一、统一思想\n这是正文。\n")
    assert speech.title == "" and speech.salutation == ""
    assert speech.opening == ["今天，我们召开动员大会。"]
    assert [s.heading for s in speech.body] == ["统一思想"]


def test_speeches_without_pattern_titles_split_at_salutations():
    text = ("加强作风建设推动高质量发展\n同志们：\n今天开会。\n一、统一思想\n正文。\n谢谢大家！\n"
            "凝心聚力争创一流\n各位领导、同志们：\n今天再开会。\n一、明确目标\n正文。\n")
    found = speeches_from_text(text)
    assert [s.title for s in found.speeches] == ["加强作风建设推动高质量发展", "凝心聚力争创一流"]
    assert [s.salutation for s in found.speeches] == ["同志们：", "各位领导、同志们："]
    assert found.speeches[0].closing == ["谢谢大家！"]
    assert found.speeches[0].opening == ["今天开会。"]


def test_text_before_the_first_speech_starts_its_opening():
    # Kept apart, it reached no speech file, library or window: it was lost without a word.
    text = ("这是某单位的工作汇编，收录了近年的讲话。\n\n创建文明单位讲话稿篇一\n同志们：\n第一篇。\n\n"
            "创建文明单位讲话稿篇二\n同志们：\n第二篇。\n")
    found = speeches_from_text(text)
    assert [s.opening for s in found.speeches] == [
        ["这是某单位的工作汇编，收录了近年的讲话。", "第一篇。"], ["第二篇。"]]


def test_a_five_line_head_with_its_title_and_speaker_over_two_lines_each():
    # The 2021 政府工作报告 as Wikisource gives it: 「政府工作报」「告」, the subtitle, then
    # 「国务院总理」「李克强」; the title's first line was lost.
    text = ("政府工作报\n\n告\n\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n\n"
            "国务院总理\n\u3000李克强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n"
            "一、2020年工作回顾\n\n过去一年极不平凡。\n")
    found = speeches_from_text(text)
    assert len(found.speeches) == 1
    speech = found.speeches[0]
    assert speech.title == "政府工作报告"
    assert speech.subtitle == "——2021年3月5日在第十三届全国人民代表大会第四次会议上"
    assert speech.speaker == "国务院总理　李克强"
    assert speech.opening == ["现在，我代表国务院，向大会报告政府工作。"]


def test_closing_does_not_take_the_last_sections_only_paragraph():
    speech = speech_from_text("同志们：\n开场。\n一、甲\n同志们，这一条很重要。\n")
    assert speech.body[0].paragraphs == ["同志们，这一条很重要。"] and speech.closing == []


def test_a_dated_meeting_line_without_its_dash_is_the_subtitle():
    # The 1957 政府工作报告 (Wikisource): the meeting line has no ——, the speaker follows.
    text = ("政府工作报告\n\n1957年6月26日在第一届全国人民代表大会第四次会议上\n\n周恩来\n\n各位代表：\n\n"
            "从第一届全国人民代表大会第三次会议闭幕以来，已经整整一年了。\n\n一、关于社会主义革命\n\n正文。\n")
    [speech] = speeches_from_text(text).speeches
    assert speech.subtitle == "1957年6月26日在第一届全国人民代表大会第四次会议上"
    assert speech.speaker == "周恩来"
    assert speech.opening == ["从第一届全国人民代表大会第三次会议闭幕以来，已经整整一年了。"]
