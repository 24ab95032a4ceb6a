from composer.core.checks import PLACEHOLDER, check_speech
from composer.core.speech import Section, Speech


def codes(problems):
    return sorted(p.code for p in problems)


def good_speech():
    return Speech(title="讲话", salutation="同志们：", opening=["开头。"], closing=["谢谢大家！"], body=[
        Section("一", ["正文。"], [Section("甲", ["正文。"]), Section("乙", ["正文。"])]),
        Section("二", ["正文。"])])


def test_clean_speech_has_no_problems():
    assert check_speech(good_speech()) == []


def test_lone_subsection_empty_section_and_heading():
    speech = good_speech()
    speech.body[0].children.pop()
    speech.body[1].heading = " "
    speech.body[1].paragraphs = []
    problems = check_speech(speech)
    assert codes(problems) == ["empty_heading", "empty_section", "lone_subsection"]
    lone = next(p for p in problems if p.code == "lone_subsection")
    assert "（一）" in lone.message and "（二）" in lone.message
    assert lone.where.startswith("一、")


def test_single_level_one_section_is_reported():
    speech = good_speech()
    speech.body.pop()
    assert "lone_subsection" in codes(check_speech(speech))


def test_placeholders_found_with_location_and_excerpt():
    speech = good_speech()
    speech.opening = ["为贯彻党的xx大精神，我院自20xx年以来，×××同志、＿＿和***都在。"]
    speech.body[0].children[1].paragraphs = ["○○局长讲话。", "使用Xbox和Linux系统。"]
    speech.date = "20XX年x月x日"
    found = [(p.where, p.excerpt) for p in check_speech(speech) if p.code == "placeholder"]
    matched = [m.group() for p in [speech.date] + speech.opening for m in PLACEHOLDER.finditer(p)]
    assert matched == ["20XX", "xx", "20xx", "×××", "＿＿", "***"]
    assert len(found) == 7
    assert found[0][0] == "日期"
    assert any(where == "开头 第1段" and "党的xx大" in excerpt for where, excerpt in found)
    assert any(where.startswith("（二）乙") for where, _ in found)
    assert not any("Xbox" in excerpt for _, excerpt in found)


def test_empty_paragraph_and_missing_title():
    speech = good_speech()
    speech.title = ""
    speech.closing.append("  ")
    assert codes(check_speech(speech)) == ["empty_paragraph", "missing_title"]


def test_number_typed_into_a_heading():
    speech = good_speech()
    speech.body[0].heading = "一、统一思想"
    speech.body[0].children[1].heading = "(二)提高认识"
    speech.body[1].heading = "一是加强领导"   # an enumeration word, not a number
    problems = [p for p in check_speech(speech) if p.code == "typed_number"]
    assert [p.message.split("”")[0].split("“")[1] for p in problems] == ["一、", "(二)"]
