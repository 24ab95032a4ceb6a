"""What real government pages brought in (tests/importer/realdocs/SOURCES.md): their furniture
as a browser copies it, one piece a line; a head set over several lines; reports whose top
sections carry no marker.  The lines here are taken from those pages."""

import re

import pytest

from composer.core.boilerplate import debris_reason
from composer.core.cleanup import clean_text
from composer.core.speech_lines import HAN
from composer.core.structure import speech_from_text, speeches_from_text


def _han(text: str) -> int:
    return len(re.findall(f"[{HAN}]", text))


def _levels(speech):
    return [(level, s.heading) for s, level in speech.walk()]


@pytest.mark.parametrize("line, reason", [
    ("全屏", "web-button"), ("加大", "web-button"), ("还原", "web-button"), ("减小", "web-button"),
    ("】", "web-button"), ("【", "web-button"), (">", "web-button"), ("|", "web-button"),
    ("×", "web-button"), ("分享到微信", "web-button"), ("相关附件>>", "web-button"),
    ("》》点击图片进入专题《《", "web-button"), ("当前位置：", "web-button"),
    ("2026-02-03 09:02:33", "web-info"), ("2026年02月10日 07时41分", "web-info"),
    ("2026-02-02 09:20", "web-info"), ("时间：2026-02-10", "web-info"), ("发表时间：", "web-info"),
    ("阅读量：", "web-info"), ("（来源：青海日报）", "web-info"), ("编辑：何继红", "web-info"),
    ("索引号：   000014349/2019-00002       主题分类：科技、教育\\教育", "web-info"),
    ("标\u3000\u3000题：国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知", "web-info"),
    ("发文字号：国办发〔2019〕3号发布日期： 2019年01月22日", "web-info"), ("主题词：", "web-info"),
    ("be341a59f1dd422394845dcb3fce09dc:", "id"),
    ("[de_bannerS]", "html"), ("[sendm] [save] [openpage] [close]", "html"),
])
def test_page_furniture(line, reason):
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", ["2024年3月15日", "（2024年3月15日）", "二〇二六年一月二十七日",
                                  "国办发〔2019〕3号", "主要目标", "2.5", "附件", "。", "云南要闻",
                                  "时间：3月5日上午9时，地点：县委三楼会议室。"])
def test_not_furniture(line):
    assert debris_reason(line) is None


def test_a_fields_value_and_a_breadcrumb_on_lines_of_their_own_go_with_them():
    page = "\n".join(["当前位置：", "首页", ">", "政务信息", ">", "宁夏要闻", "您的位置:", "首页", ">",
                      "云南要闻", "云南要闻", "2026年政府工作报告", "来源：", "宁夏日报客户端",
                      "责任编辑：", "李莎莎", "——2026年1月28日在云南省第十四届人民代表大会第四次会议上",
                      "省长　王予波", "各位代表：", "现在，我代表省人民政府，向大会报告工作。"])
    cleaned = clean_text(page)
    assert cleaned.texts()[0] == "2026年政府工作报告"
    gone = {str(r): r.reason for r in cleaned.removed}
    assert gone["政务信息"] == gone["宁夏要闻"] == gone["云南要闻"] == "web-button"
    assert gone["宁夏日报客户端"] == gone["李莎莎"] == "web-info"
    assert _han(page) == sum(map(_han, cleaned.texts())) + sum(map(_han, cleaned.removed))


def test_a_field_name_takes_no_title_as_its_value():
    cleaned = clean_text("主题词：\n\n国务院办公厅关于开展\n\n城镇小区配套幼儿园治理工作的通知\n\n"
                         "国办发〔2019〕3号\n\n各省、自治区、直辖市人民政府：\n\n现就有关事项通知如下。")
    assert cleaned.texts()[0] == "国务院办公厅关于开展"
    speech = speeches_from_text("\n\n".join(cleaned.texts())).speeches[0]
    assert speech.title == "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"


def test_a_photo_caption_is_neither_title_nor_lost():
    text = ("政府工作报告。 贵州日报天眼新闻记者 李森 摄\n政府工作报告\n"
            "（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）\n省长 李炳军\n各位代表：\n"
            "现在，我代表省人民政府向大会报告工作。\n一、2025年工作回顾\n一年来，我们扎实工作。")
    speech = speeches_from_text(text).speeches[0]
    assert speech.title == "政府工作报告"
    assert speech.opening[0].startswith("政府工作报告。") and speech.opening[0].endswith("摄")


UNMARKED = """2026年甘肃省政府工作报告
——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上
各位代表：
我代表省人民政府，向大会报告工作，请予审议。
“十四五”时期工作回顾
“十四五”时期是甘肃发展极不寻常、极不平凡的五年。
——这是追赶进位、综合实力快速跃升的五年。全省地区生产总值达到13697.5亿元。
2026年重点工作
重点抓好两个方面工作：
（一）放大促消费扩投资政策效应
实施提振消费专项行动。
（二）加快建设现代化产业体系
推动传统产业转型升级。
"""


def test_top_sections_without_a_marker_take_the_first_level():
    speech = speeches_from_text(UNMARKED).speeches[0]
    assert _levels(speech) == [(1, "“十四五”时期工作回顾"), (1, "2026年重点工作"),
                               (2, "放大促消费扩投资政策效应"), (2, "加快建设现代化产业体系")]


def test_marked_lists_inside_unmarked_sections_nest_below_them():
    text = UNMARKED.replace("（一）放大", "一、把铸牢中华民族共同体意识作为主线\n（一）放大")
    levels = _levels(speeches_from_text(text).speeches[0])
    assert levels[:4] == [(1, "“十四五”时期工作回顾"), (1, "2026年重点工作"),
                          (2, "把铸牢中华民族共同体意识作为主线"), (3, "放大促消费扩投资政策效应")]


@pytest.mark.parametrize("change", [
    # one such line is no evidence of a level
    lambda t: t.replace("2026年重点工作\n", ""),
    # lead sentences ending in 。 on lines of their own are body text
    lambda t: t.replace("工作回顾\n", "工作回顾。\n").replace("重点工作\n重点", "重点工作。\n重点"),
    # after the first 一、 the report has its markers: unmarked lines there are body text
    lambda t: t.replace("“十四五”时期工作回顾\n", "一、“十四五”时期工作回顾\n"),
])
def test_lines_that_are_not_unmarked_headings(change):
    levels = _levels(speeches_from_text(change(UNMARKED)).speeches[0])
    assert (1, "2026年重点工作") not in levels


def test_an_item_named_before_a_colon():
    speech = speech_from_text("关于2019年部分节假日安排的通知\n各地区、各部门：\n现将安排通知如下。\n"
                              "一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。\n"
                              "二、春节：2月4日至10日放假调休，共7天。")
    first = speech.body[0]
    assert (first.heading, first.run_in) == ("元旦", True)
    assert first.paragraphs == ["2018年12月30日至2019年1月1日放假调休，共3天。"]


def test_a_numbered_list_inside_a_paragraph_stays_in_it():
    paragraph = ("悠悠万事，民生为大，今年要继续办好“十件民生实事”。（1）做好重点群体高质量就业。"
                 "（2）持续改善农村学校办学办园条件。（3）加强医疗健康服务。")
    text = "\n".join(["各位代表：", "现在，我代表省人民政府向大会报告工作。", "一、工作回顾",
                      "过去一年，我们扎实工作。", "二、工作安排", "今年要抓好以下工作。",
                      paragraph, "各位代表！让我们团结奋斗！"])
    speech = speeches_from_text(text).speeches[0]
    assert [s.heading for s, _ in speech.walk()] == ["工作回顾", "工作安排"]
    assert paragraph in speech.body[1].paragraphs


def test_heading_lines_do_not_pass_for_a_wrap_width():
    # An unwrapped report: its only lines without a final mark are headings and a few
    # unmarked section lines.  None of them may be glued to the next paragraph.
    sections = "\n".join(f"（{n}）着力推进第{n}项重点任务建设\n这一方面的工作要抓紧抓实，务求实效。"
                         for n in "一二三四五六七八")
    text = ("各位代表：\n我代表省人民政府报告工作。\n“十四五”时期工作回顾\n五年来主要做了以下工作。\n"
            "2026年重点工作\n重点抓好八个方面工作：\n" + sections)
    texts = clean_text(text).texts()
    assert "“十四五”时期工作回顾" in texts and "2026年重点工作" in texts
    assert "这一方面的工作要抓紧抓实，务求实效。" in texts


# The 政务公开 table over a district government's report, as a browser copies it (cells
# separated by tabs), then the head without a title line, its meeting line over two lines.
HANBIN = ("文件名称\t汉滨区2025年政府工作报告\n索引号\t/2025-0000\t公开目录:\t工作报告\n"
          "公开责任部门\t公开形式:\t主动公开\n文号\t成文日期:\t2025年04月15日\n"
          "有效性\t有效\t公开日期:\t2025-04-15 14:43\n2025年3月21日在汉滨区第十九届\n"
          "人民代表大会第四次会议上\n汉滨区人民政府代区长 向诗兵\n各位代表:\n"
          "现在,我代表区人民政府向大会报告工作,请予审议。\n一、过去一年工作回顾\n2024年,我们紧扣高质量发展主题。\n")


def test_a_district_sites_disclosure_table_is_page_furniture():
    [speech] = speeches_from_text(HANBIN).speeches
    # The table's rows became the title and the opening; the meeting line's second half was
    # taken for the speaker.
    assert speech.title == ""
    assert speech.subtitle == "2025年3月21日在汉滨区第十九届人民代表大会第四次会议上"
    assert speech.speaker == "汉滨区人民政府代区长 向诗兵"
    assert speech.opening == ["现在，我代表区人民政府向大会报告工作，请予审议。"]
    assert [s.heading for s in speech.body] == ["过去一年工作回顾"]


@pytest.mark.parametrize("line", ["有效性是关键", "公开目录下的文件很多", "文号要规范。",
                                  "索引号的编制规则，要统一。"])
def test_words_of_the_disclosure_table_in_a_sentence_are_text(line):
    assert debris_reason(line) is None


# The licence note 维基文库 sets under every 政府工作报告, as it comes when the page is copied
# (tests/importer/realdocs/tuned/wikisource-gwr2024.txt ends with it).
WIKI_LICENCE = ("同心共创民族复兴伟业。\n\n"
                "本作品是中华人民共和国的法律、法规，国家机关的决议、决定、命令和其他具有立法、行政、"
                "司法性质的文件，及其官方正式译文。根据《中华人民共和国著作权法》第五条第一项，本作品"
                "不适用于该法，在中国大陆，也可能在其他管辖区，属于公有领域。\n\n"
                "注：中文维基文库社群认为，中华人民共和国公务演讲，不总是具有立法、行政、司法性质的文件。\n\n"
                "Public domain\nPublic domain\nfalse\nfalse\n")


def test_a_wikis_licence_note_is_not_text_of_the_speech():
    cleaned = clean_text(WIKI_LICENCE)
    assert cleaned.texts() == ["同心共创民族复兴伟业。"]
    removed = "".join(cleaned.removed)
    assert "公有领域" in removed and "维基文库社群" in removed and "Public domain" in removed


@pytest.mark.parametrize("line", ["要把公共文化服务体系建设好，本作品展示了基层干部的风采。",
                                  "真假（true/false）问题要讲清楚。"])
def test_words_of_a_licence_in_a_speech_are_text(line):
    assert clean_text(line).texts() == [line]
