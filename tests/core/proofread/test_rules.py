"""Each rule on sentences that break it and on sentences that only look as if they did."""

import pytest

from composer.core.proofread import HINT, Lexicon, Proofreader, parse_confusions
from composer.core.speech import Section, Speech


def findings(text, rules=None, lexicon=None, style="1."):
    """The (rule, span, fix) of one paragraph of body text."""
    speech = Speech(title="讲话", body=[Section("甲", [text]), Section("乙", ["正文。"])])
    found = Proofreader(lexicon, rules, style).check(speech)
    return [(f.rule, f.text, f.fix) for f in found if f.location.paragraph == 0
            and f.location.container == speech.body[0].id]


def rules_of(text, **kw):
    return sorted({rule for rule, _, _ in findings(text, **kw)})


# --- punctuation ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, fix", [
    ("同志们,大家好。", ",", "，"),
    ("同志们, 大家好。", ", ", "，"),
    ("时间定在下午:三点。", ":", "："),
    ("这是为什么?我们要想一想。", "?", "？"),
    ("一定要抓好!", "!", "！"),
    ("抓好三件事;一是学习。", ";", "；"),
    ("会议结束了.", ".", "。"),
    ("国内生产总值(GDP)增长。", "(", "（"),
    ("他说(大意如此)很好。", "(", "（"),
])
def test_halfwidth_marks_in_chinese_text(text, span, fix):
    assert ("punct.halfwidth", span, fix) in findings(text)


@pytest.mark.parametrize("text", [
    "增长3.5个百分点。", "上午10:30开会。", "访问www.gov.cn网站。", "共1,000人参加。",
    "他说：“Hello, world!”", "参考 “Speech (draft)” 一文。", "使用Node.js开发。",
    "Sections by kind (开头, 意义, 措施, 要求) and level.",
])
def test_halfwidth_marks_outside_chinese_text_are_left_alone(text):
    assert "punct.halfwidth" not in rules_of(text)


def test_straight_quotes_get_a_fix_only_when_they_pair():
    assert findings('提出"四个意识"的要求。', rules="punct.halfwidth") == [
        ("punct.halfwidth", '"', "“"), ("punct.halfwidth", '"', "”")]
    assert [fix for _, _, fix in findings('提出"四个意识的要求。', rules="punct.halfwidth")] == [None]


@pytest.mark.parametrize("text, mark", [
    ("造就一支“作风严谨、廉洁高效的队伍。", "“"), ("争当学习型干部”，使干部", "”"),
    ("学习《条例的精神。", "《"), ("（一）是……）多了一个。", "）"), ("【注意事项。", "【"),
])
def test_unpaired_marks(text, mark):
    assert ("punct.unpaired", mark, None) in findings(text)


def test_nested_and_paired_marks_are_fine():
    assert "punct.unpaired" not in rules_of("他说：“要学习《中国共产党章程》（2022年修订），‘两个维护’要落实。”")


def test_a_quotation_over_several_paragraphs_opens_each_and_closes_the_last():
    speech = Speech(title="讲话", opening=["他指出：“第一段引文。", "“第二段引文。", "“第三段引文。”"])
    assert [f.rule for f in Proofreader().check(speech)] == []
    speech.opening[2] = "接着讲别的。"
    assert [(f.rule, f.location.paragraph) for f in Proofreader().check(speech)] == [
        ("punct.unpaired", 1)]


@pytest.mark.parametrize("text, span, fix", [
    ("我们要，，抓好落实。", "，，", "，"), ("抓好落实。。", "。。", "。"),
    ("抓好落实，。", "，。", None), ("甲、、乙", "、、", "、"),
])
def test_doubled_marks(text, span, fix):
    assert ("punct.doubled", span, fix) in findings(text)


def test_enumeration_comma_before_deng_and_between_titles():
    assert ("punct.dun-deng", "、", "") in findings("学习、宣传、等工作。")
    assert ("punct.dun-titles", "、", "") in findings("学习《条例》、《规定》。")
    assert "punct.dun-titles" not in rules_of("学习《条例》（修订稿）、《规定》。")
    # guizhou 2026: 等 starts the word 等级 here, it is no 「等」 closing a list
    assert "punct.dun-deng" not in rules_of("新增五星级饭店16家、等级民宿638家。")
    assert "punct.dun-deng" not in rules_of("克服观望、等待、依赖思想。")


@pytest.mark.parametrize("text, span", [
    ("等等...", "..."), ("还有很多。。。", "。。。"), ("还有很多…", "…"), ("还有……很多", None),
])
def test_ellipsis(text, span):
    found = [f for f in findings(text) if f[0] == "punct.ellipsis"]
    assert found == ([("punct.ellipsis", span, "……")] if span else [])


def test_ellipsis_with_deng():
    assert ("punct.ellipsis-deng", "……", "") in findings("学习、宣传、教育……等各项工作。")


@pytest.mark.parametrize("text, span, fix", [
    ("目标--建成一流单位。", "--", "——"), ("目标 -- 建成一流单位。", " -- ", "——"),
    ("目标――建成一流单位。", "――", "——"),
])
def test_dashes(text, span, fix):
    assert ("punct.dash", span, fix) in findings(text)


@pytest.mark.parametrize("text, span", [
    ("北京-上海", "-"), ("中国－东盟自由贸易区", "－"), ("推进科技-产业-金融良性循环", "-"),
])
def test_one_hyphen_between_chinese_words_is_a_hint(text, span):
    """Not an error: GB/T 15834-2011 §4.13 has the short hyphen 「-」 join a compound noun
    (吐鲁番-哈密盆地; 中国－东盟 in the 2022 government work report, 科技-产业-金融 in the
    江西 and 宁夏 reports are such compounds) and the 一字线 「—」 mark a range or route
    (北京—上海特别旅客快车).  北京-上海 may be either (a route, or the name of a partnership), so it
    is a hint that names both uses, with no fix, like the full-width 「－」, which the standard
    has for neither."""
    assert ("punct.hyphen", span, None) in findings(text)
    assert "punct.dash" not in rules_of(text)
    speech = Speech(title="讲话", body=[Section("甲", [text])])
    hints = [f for f in Proofreader().check(speech) if f.rule == "punct.hyphen"]
    assert len(hints) == text.count(span)
    hint = hints[0]
    assert hint.severity == HINT
    assert "“-”" in hint.zh and "“—”" in hint.zh and "—" in hint.en      # both uses named


def test_dashes_that_are_right_or_not_chinese():
    for text in ("目标——建成一流单位。", "北京—上海", "型号GB-2024。", "运行 --help 查看。", "2023-2024年"):
        assert "punct.dash" not in rules_of(text), text


# --- numbers -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, fix", [
    ("于2024年03月05日召开。", "2024年03月05日", "2024年3月5日"),
    ("3月05日召开。", "3月05日", "3月5日"), ("2024年03月召开。", "2024年03月", "2024年3月"),
])
def test_leading_zeros_in_dates(text, span, fix):
    assert ("number.leading-zero", span, fix) in findings(text)


def test_dates_without_leading_zeros_are_fine():
    assert rules_of("2024年10月10日、3月5日、2020年12月。") == []


def test_fullwidth_digits():
    assert ("number.fullwidth-digit", "２０２４", "2024") in findings("到２０２４年底。")
    assert ("number.fullwidth-digit", "３．５", "3.5") in findings("增长３．５个百分点。")


def test_mixed_numerals():
    assert ("number.mixed", "3千", None) in findings("投入3千万元。")
    assert ("number.mixed", "5百", None) in findings("5百多人参加。")
    for text in ("全长3千米。", "重5千克。", "3000万元", "1.2亿元", "两千人", "10千伏线路"):
        assert "number.mixed" not in rules_of(text), text


@pytest.mark.parametrize("text, span, fix", [
    ("二0二四年", "二0二四", "二〇二四"), ("二零二四年", "二零二四", "二〇二四"),
    ("二O二四年", "二O二四", "二〇二四"), ("二○○八年", "二○○八", "二〇〇八"),
    ("2〇24年", "2〇24", "2024"),
])
def test_zero_in_years(text, span, fix):
    assert ("number.year-zero", span, fix) in findings(text)


def test_a_look_alike_zero_is_named():
    # mao216 writes 一九五○年 with ○ (U+25CB, a circle sign): on screen it looks like 〇, so the
    # message must say which character is wrong, not show two identical-looking years.
    speech = Speech(title="讲话", body=[Section("甲", ["我在一九五○年六月说过。"])])
    found = Proofreader(rules="number.year-zero").check(speech)
    assert [f.fix for f in found] == ["一九五〇"]
    assert "“○”是圆圈符号，不是数字“〇”" in found[0].zh
    plain = Proofreader(rules="number.year-zero").check(
        Speech(title="讲话", body=[Section("甲", ["二0二四年。"])]))
    assert "“0”是阿拉伯数字" in plain[0].zh


def test_right_years_and_placeholder_circles():
    assert rules_of("二〇二四年、2024年") == []
    assert "placeholder.unfilled" not in rules_of("二○○八年")
    assert "placeholder.unfilled" in rules_of("○○局长讲话。")


# --- outline numbers -----------------------------------------------------------------------

@pytest.mark.parametrize("text, span, fix", [
    ("（一）、加强领导。", "（一）、", "（一）"), ("一.加强领导。", "一.", "一、"),
    ("一，加强领导。", "一，", "一、"), ("(二)提高认识。", "(二)", "（二）"),
    ("（1）、做好准备。", "（1）、", "（1）"),
])
def test_malformed_numbers_at_the_start_of_a_paragraph(text, span, fix):
    assert ("ordinal.form", span, fix) in findings(text)


def test_malformed_numbers_are_not_also_reported_as_punctuation():
    assert rules_of("(二)提高认识。") == ["ordinal.form"]


def test_level3_style_follows_the_profile():
    assert findings("1、做好准备。") == [("ordinal.level3-style", "1、", "1.")]
    assert findings("1.做好准备。") == []
    assert findings("1、做好准备。", style="1、") == []
    assert findings("1.做好准备。", style="1、") == [("ordinal.level3-style", "1.", "1、")]


def test_lists_that_are_not_numbers():
    for text in ("一、二、三等奖。", "1.5倍", "一是加强领导。", "2024年"):
        assert "ordinal.form" not in rules_of(text) and "ordinal.level3-style" not in rules_of(text)


def test_mixed_series_in_a_paragraph():
    text = "第一，加强领导。二是健全机制。第三，严格考核。"
    assert findings(text, rules="ordinal") == [("ordinal.mixed-series", "二是", None)]
    assert findings("一是加强领导，二是健全机制，三是严格考核。", rules="ordinal") == []
    assert findings("一是一，二是二。", rules="ordinal") == []


def test_mixed_series_over_paragraphs():
    speech = Speech(title="讲", body=[Section("甲", ["一是加强领导。", "说明。", "二是健全机制。",
                                                   "第三，严格考核。"]), Section("乙", ["正文。"])])
    found = [(f.rule, f.location.paragraph, f.text) for f in Proofreader(rules="ordinal").check(speech)]
    assert found == [("ordinal.mixed-series", 3, "第三")]


def test_skipped_level_only_when_the_skipped_level_is_used():
    two_levels = Speech(title="讲", body=[Section("甲", ["1.做好准备。", "2.抓好落实。"]),
                                         Section("乙", ["正文。"])])
    assert Proofreader(rules="ordinal.skipped-level").check(two_levels) == []
    three = Speech(title="讲", body=[two_levels.body[0], Section("乙", ["正文。"], [
        Section("丙", ["正文。"]), Section("丁", ["正文。"])])])
    found = Proofreader(rules="ordinal.skipped-level").check(three)
    assert [(f.location.paragraph, f.text) for f in found] == [(0, "1.")]
    assert "跳过了“（一）”一级" in found[0].zh


def test_full_stop_after_a_stand_alone_heading():
    speech = Speech(title="讲", body=[Section("加强领导。", ["正文。"]), Section("健全机制", ["正文。"]),
                                     Section("严格考核。", ["正文。"], run_in=True)])
    found = Proofreader(rules="ordinal.heading-stop").check(speech)
    assert [(f.location.container, f.text, f.fix) for f in found] == [(speech.body[0].id, "。", "")]


def test_typed_numbers_in_headings_include_malformed_ones():
    speech = Speech(title="讲", body=[Section("一，统一思想", ["正文。"]), Section("(二)提高认识", ["正文。"])])
    found = Proofreader(rules="structure.typed-number").check(speech)
    assert [(f.text, f.fix) for f in found] == [("一，", ""), ("(二)", "")]


# --- words ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, fix", [
    ("争创一流的的压力", "的的", "的"), ("我们我们要抓好", "我们我们", "我们"),
    ("进一步进一步加强", "进一步进一步", "进一步"), ("这是是关键", "是是", "是"),
])
def test_repeated_words(text, span, fix):
    assert ("word.repeated", span, fix) in findings(text)


@pytest.mark.parametrize("text", [
    "的的确确", "实实在在", "是是非非", "达到目的的手段", "现在在座的同志", "关键是是否落实",
    "研究研究", "一个一个地落实", "一步一步", "天天学习", "谢谢大家", "人人参与",
    "和和美美", "参与与否", "自我我们", "首都都市圈",
])
def test_repetitions_that_are_chinese(text):
    assert "word.repeated" not in rules_of(text)


@pytest.mark.parametrize("text", [
    # Sentences from real documents (tests/importer/realdocs) where the rule fired and its fix
    # (keep one copy) would have broken the sentence.
    "在学校的教育中，在在职干部的教育中，教哲学的人",                  # mao059: 在 + 在职
    "为当时“中国政治形势的中心的中心，是反革命与革命的决战”",           # mao075: 中心的中心
    "这样，重工业是不是不为主了？它还是为主。",                        # mao209: 是不是 + 不
    "农民每人每年平均所得和工人每人每年平均所得相比较",                # mao216: 工人|每人|每年
    "提升公共文化服务。深化文化文艺精品打造工程，优化新型文化业态布局。",  # henan: 深化|文化|文艺
    "要坚持发展和和平两大主题，就就业问题听取与与会代表的意见。",
])
def test_repetitions_across_words_in_real_text(text):
    assert "word.repeated" not in rules_of(text)


def test_a_real_double_beside_the_same_pair_elsewhere_is_still_reported():
    assert ("word.repeated", "我们我们", "我们") in findings("我们我们要抓好落实，我们要带头。")


def test_confusions_from_the_list():
    lexicon = Lexicon.build(parse_confusions("再接再励\t再接再厉\n前扑后继\t前仆后继,前赴后继\n"))
    assert findings("要再接再励。", lexicon=lexicon) == [("word.confusion", "再接再励", "再接再厉")]
    found = findings("前扑后继。", lexicon=lexicon)
    assert found == [("word.confusion", "前扑后继", None)]
    assert findings("要再接再厉。", lexicon=lexicon) == []
