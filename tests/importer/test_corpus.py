"""The real corpus: eight speech drafts from a 范文 site, with all the usual damage.

Every expectation here comes from reading the corpus file, and must hold whether the file is
read as UTF-8, GB18030, UTF-16 or as a .docx converted by LibreOffice.
"""

import re

import pytest

from composer.core.library_builder import speech_text
from composer.core.speech_lines import HAN
from composer.io.importing import read_speeches

FORMS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "docx"]

TITLES = [f"创建文明单位动员大会讲话稿篇{n}" for n in "一二三四五六七八"]

# Per speech: level-1 headings, and the level-2 headings under them (by level-1 index).
LEVEL1 = {
    0: ["统一思想、提高认识，进一步明确精神文明建设工作的重要意义",
        "明确任务、扎实工作，全面推进我院省级文明单位创建工作",
        "加强领导、精心组织，确保省级文明单位创建工作取得实效"],
    1: ["认清形势，明确任务，充分认识创建意义", "加强领导，强化措施，扎实开展创建工作",
        "精心组织，稳步实施，力求创建取得成功"],
    2: ["与时俱进，开拓创新，牢牢把握创建文明单位的重要意义和深刻内涵",
        "明确目标，狠抓落实，切实做好省级文明单位创建工作"],
    3: ["统一思想，明确目标，增强创建意识", "健全制度，完善措施，提高创建水平",
        "抓好领导班子，带好队伍，夯实创建基础", "规范管理，狠抓落实，营造创建环境"],
    4: ["统一思想，提高认识，深刻理解创建省级文明单位的重要意义",
        "严格标准，迅速行动，全面落实创建省级文明单位各项工作任务",
        "加强领导、狠抓落实，努力实现创建省级文明单位的根本目标"],
    5: ["认识创建的意义", "明确创建内容", "鼓足创建信心", "达到创建要求"],
}
LEVEL1[6] = LEVEL1[3]
LEVEL1[7] = LEVEL1[4]

LEVEL2 = {
    (0, 0): ["创建省级文明单位是深入贯彻落实科学发展观、构建社会主义和谐社会的客观要求",
             "创建省级文明单位是全面提升师生思想道德素质、培养高素质人才的需要",
             "创建省级文明单位是凝聚人心、促进学院发展的重要举措"],
    (2, 0): ["创建活动是落实精神的内在要求", "创建活动是构建和谐机关的重要保证",
             "创建活动是提高全员素质的主要抓手"],
    (2, 1): ["领导班子坚强有力", "工作业绩突出", "精神文明创建活动扎实有效", "思想道德教育深入",
             "环境整洁优美", "管理科学，制度完善"],
    (4, 0): ["创建省级文明单位是提升统计部门综合素质、推进统计事业科学发展的必然要求",
             "创建省级文明单位是体现统计部门以人为本、推进统计事业和谐发展的必然要求",
             "创建省级文明单位是促进统计部门依法行政、推进统计事业转变职能的必然要求"],
    # 篇六's second 一、二、三、四、 list, inside 四、达到创建要求, is its own sequence.
    (5, 3): ["加强组织领导", "明确创建责任", "精心组织创建", "实现创建目标"],
}
LEVEL2[(7, 0)] = LEVEL2[(4, 0)]

LEVELS = [{"1": 3, "2": 3, "3": 0, "4": 0}, {"1": 3, "2": 0, "3": 0, "4": 0},
          {"1": 2, "2": 9, "3": 7, "4": 0}, {"1": 4, "2": 0, "3": 0, "4": 0},
          {"1": 3, "2": 3, "3": 0, "4": 0}, {"1": 4, "2": 4, "3": 0, "4": 0}]
LEVELS += [LEVELS[3], LEVELS[4]]

CLOSING_STARTS = {0: "同志们，今天的大会，既是动员会，也是誓师会。",
                  1: "同志们，大家都是明白人，目标已经明确",
                  2: "同志们，社会主义精神文明是社会主义现代化建设的重要目标和重要保证。",
                  4: "同志们，今年是我局抓住机遇、乘势而上、谋求新发展的关键时期",
                  7: "同志们，今年是我局抓住机遇、乘势而上、谋求新发展的关键时期"}
THANKS = {2, 4, 7}


# The .docx form is LibreOffice's conversion of the hard-wrapped .txt: every wrapped line is a
# Word paragraph of its own, and Word paragraphs are never joined (issue 12), so the tests of
# hard-wrap repair run on the plain-text forms only; test_docx_paragraphs_are_never_joined pins
# what the .docx form gives.
TEXT_FORMS = [form for form in FORMS if form != "docx"]


@pytest.fixture(scope="module", params=FORMS)
def found(request, corpus_forms):
    return read_speeches([corpus_forms[request.param]])


@pytest.fixture(scope="module", params=TEXT_FORMS)
def found_text(request, corpus_forms):
    return read_speeches([corpus_forms[request.param]])


def test_docx_paragraphs_are_never_joined(corpus_forms):
    found = read_speeches([corpus_forms["docx"]])
    cut = found[2].speech.body[0]               # 篇三's first heading, wrapped in the .txt
    assert cut.heading == "与时俱进，开拓创新，牢牢把握创建文明单位的重要意"
    assert cut.paragraphs[0] == "义和深刻内涵"
    assert [item.levels() for item in found] == LEVELS


def test_eight_speeches_with_their_titles(found):
    assert [item.speech.title for item in found] == TITLES


def test_the_two_near_duplicate_pairs(found):
    # 篇七 repeats 篇四 and 篇八 repeats 篇五 (a few words and a paragraph break differ);
    # no other speech repeats another.
    assert [item.duplicate_of for item in found] == [None, None, None, None, None, None, 3, 4]


def test_level_counts(found):
    assert [item.levels() for item in found] == LEVELS


@pytest.mark.parametrize("number", range(8))
def test_level1_and_level2_headings(found_text, number):
    speech = found_text[number].speech
    assert [section.heading for section in speech.body] == LEVEL1[number]
    for (speech_number, parent), headings in LEVEL2.items():
        if speech_number == number:
            assert [s.heading for s in speech.body[parent].children] == headings


def test_run_in_headings(found_text):
    found = found_text
    first = found[1].speech.body[0]            # 篇二 「一、认清形势，……意义。党的xx大……」
    assert first.run_in and first.paragraphs[0].startswith("党的xx大、xx届五中、六中全会")
    assert first.paragraphs[0].endswith("任何单位和个人都不能有丝毫松懈和马虎。")
    standalone = found[1].speech.body[1]       # 「二、加强领导，……工作。」 on its own line
    assert not standalone.run_in and standalone.paragraphs[0].startswith("创建省级文明单位，是xx")
    sub = found[2].speech.body[0].children[0]  # 篇三 「(一) 创建活动是落实精神的内在要求。要把……」
    assert sub.run_in and sub.paragraphs[0].startswith("要把精神真正落到实处")
    heading_line = found[0].speech.body[0].children[0]   # 篇一 「(一) ……的客观要求。」 alone
    assert not heading_line.run_in and heading_line.paragraphs[0].startswith("科学发展观是指导")


def test_level3_items_of_speech_three(found):
    items = found[2].speech.body[1].children[5].children
    assert [s.heading for s in items][:2] == ["深入开展创建学习型单位（机关）活动",
                                              "认真组织开展“做文明有礼的统计人”活动"]
    assert len(items) == 7 and all(s.run_in for s in items)


def test_heading_broken_by_a_wrap_is_rejoined(found_text):
    assert found_text[2].speech.body[0].heading.endswith("重要意义和深刻内涵")


def test_salutations_openings_and_closings(found):
    for number, item in enumerate(found):
        speech = item.speech
        assert speech.salutation == "同志们："
        assert speech.opening, speech.title
        if number in CLOSING_STARTS:
            assert speech.closing[0].startswith(CLOSING_STARTS[number])
            assert (speech.closing[-1] == "谢谢大家！") == (number in THANKS)
        else:
            assert speech.closing == []
    assert found[3].speech.opening[-1].endswith("我讲四点意见：")
    # 篇四 ends with an ordinary paragraph of its last section, not a closing.
    assert found[3].speech.body[-1].paragraphs[-1].startswith("争创省级文明单位是我们政法委机关")


def test_hard_wrapped_lines_are_rejoined(found_text):
    found = found_text
    first = found[0].speech.body[0]
    # Lines 15–22 of the file: a long line, a blank line, then six lines wrapped at 26 characters.
    assert first.paragraphs == [first.paragraphs[0]]
    assert "开展文明单位创建活动是促进物质文明、精神文明、政治文明、生态文明协调发展的重要途径" \
        in first.paragraphs[0]
    assert first.paragraphs[0].endswith("切实增强创建省级文明单位的责任感和紧迫感。")
    # 「主任：秦树理、胡卫民」 is a line of its own and stays one.
    assert "主任：秦树理、胡卫民" in found[0].speech.body[2].paragraphs


def test_no_boilerplate_and_no_split_words(found):
    for item in found:
        text = speech_text(item.speech)
        for phrase in ("小编", "它山之石", "为大家整理", "您可以复制", "doc格式", "通用8篇"):
            assert phrase not in text
        assert not re.search(f"[{HAN}][ \u00a0][{HAN}]", text), item.speech.title
        assert "(" not in text and ")" not in text
    corpus = "".join(speech_text(item.speech) for item in found)
    assert "构建社会主义和谐社会的客观要求" in corpus and "培养高素质人才" in corpus


def test_no_text_is_lost(found, corpus_forms):
    """Every Han character of the file is in a speech, except boilerplate and heading numbers."""
    raw = corpus_forms["utf-8"].read_text(encoding="utf-8")
    for debris in ("2023年创建文明单位动员大会讲话稿 创建省级文明单位动员大会讲话稿(通用8篇)",
                   raw.splitlines()[4], raw.splitlines()[367]):
        raw = raw.replace(debris, "")
    expected = _han(re.sub(r"^\s*(\(|（)?[一二三四五六七八九十]+(\)|）|、)", "", raw, flags=re.M))
    expected = _han(re.sub(r"^[0-9]+、", "", expected, flags=re.M))
    got = "".join(_han(speech_text(item.speech)) for item in found)
    assert got == expected


def _han(text: str) -> str:
    return "".join(re.findall(f"[{HAN}]", text))
