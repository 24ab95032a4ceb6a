"""The eleven kinds of failure issue 12 found on real documents, each with the issue's own
examples (constructed texts; the real documents are in test_realdocs.py)."""

import io
import json
import zipfile
from collections import Counter

import docx
import pytest

from composer.core.cleanup import clean_text
from composer.core.errors import FileFormatError
from composer.core.importer import analyse, han_count
from composer.core.structure import speeches_from_text
from composer.io import legacy_word
from composer.io.readers import decode_text, read_source

from tests.importer.test_import_cli import run


def found_of(text: str):
    result = analyse([("x.txt", text.splitlines())])
    assert result.unaccounted == 0
    return result


def levels(item):
    return [(level, s.heading) for s, level in item.speech.walk()]


# 1. Headings whose text starts with a digit or a Latin letter.

def test_headings_starting_with_a_digit_or_letter():
    [item] = found_of("同志们：\n今天开会。\n一、2025年工作回顾\n过去一年成绩很大。\n"
                      "（一）5G网络覆盖全县\n建成基站。\n二、2026年重点工作\n今年要干好。\n"
                      "三、APEC会议筹备\n做好服务。\n").found
    assert levels(item) == [(1, "2025年工作回顾"), (2, "5G网络覆盖全县"),
                            (1, "2026年重点工作"), (1, "APEC会议筹备")]
    # … and a decimal or an enumeration of numbers is still no heading.
    [item] = found_of("同志们：\n开场。\n一、甲\n1.5倍的增长。\n1、2、3项都完成了。\n").found
    assert levels(item) == [(1, "甲")]


# 2. A heading's level is what its marker says.

def test_a_document_whose_top_level_is_bracketed():
    [item] = found_of("同志们：\n开场。\n（一）压实责任\n正文。\n（二）强化督查\n正文。\n").found
    assert levels(item) == [(2, "压实责任"), (2, "强化督查")]
    assert item.levels() == {"1": 0, "2": 2, "3": 0, "4": 0}


def test_a_numbered_list_directly_under_a_level_one_heading_is_level_three():
    [item] = found_of("同志们：\n开场。\n一、统一思想\n1、提高认识\n2、明确任务\n二、加强领导\n").found
    assert levels(item) == [(1, "统一思想"), (3, "提高认识"), (3, "明确任务"), (1, "加强领导")]
    # The tree still nests them under their heading.
    assert [s.heading for s in item.speech.body[0].children] == ["提高认识", "明确任务"]


# 3. Restarted and stray numbering.

def test_a_list_inside_a_styled_section_is_one_level_below_it():
    lines = ["同志们：", "开场。"]
    from composer.core.cleanup import Line
    source = [Line(t) for t in lines] + [Line("党内问题", level=1), Line("一、甲。正文。"),
                                         Line("二、乙。正文。"), Line("政权问题", level=1),
                                         Line("一、丙。正文。")]
    [item] = analyse([("x.docx", source)]).found
    assert levels(item) == [(1, "党内问题"), (2, "甲"), (2, "乙"), (1, "政权问题"), (2, "丙")]


def test_a_preface_quoting_a_list_does_not_push_the_headings_down():
    [item] = found_of("同志们：\n会议有两项议程：\n1、听取报告\n2、部署工作\n"
                      "一、统一思想\n正文。\n二、加强领导\n正文。\n").found
    assert levels(item) == [(1, "统一思想"), (1, "加强领导")]
    assert item.speech.opening == ["会议有两项议程：", "1、听取报告", "2、部署工作"]


def test_an_enumeration_inside_a_paragraph_is_no_heading():
    [item] = found_of("同志们：\n开场。\n一、甲\n这是从哪里看出来的呢？一、是从会议看出来的。"
                      "二、是从文件看出来的。\n有三项议程：（一）听取报告；（二）讨论；（三）表决。\n"
                      "二、乙\n正文。\n" + "另一段。\n" * 4).found
    assert levels(item) == [(1, "甲"), (1, "乙")]


# 4. Back matter is not outline.

def test_appendix_list_and_glossary_are_back_matter():
    text = ("同志们：\n开场。\n一、工作回顾\n正文。\n二、今年任务\n正文。\n同志们，让我们团结奋斗！\n"
            "附件：2026年十件民生实事\n一、新建幼儿园十所\n二、改造老旧小区\n三、增加公交线路\n"
            "名词解释\n“四上”企业：规模以上工业企业等四类企业的统称。\n")
    [item] = found_of(text).found
    assert levels(item) == [(1, "工作回顾"), (1, "今年任务")]
    assert item.back_matter() == ["附件：2026年十件民生实事", "一、新建幼儿园十所", "二、改造老旧小区",
                                  "三、增加公交线路", "名词解释",
                                  "“四上”企业：规模以上工业企业等四类企业的统称。"]
    assert item.speech.closing[0] == "同志们，让我们团结奋斗！"


# 5. The head block.

def test_head_block_subtitle_speaker_and_the_rest_kept_as_text():
    text = ("2026年县政府工作报告\n——2026年1月26日在县第十八届人民代表大会第五次会议上\n"
            "县长　王建国\n图为会议现场\n各位代表：\n现在，我代表县人民政府报告工作。\n一、2025年工作回顾\n正文。\n")
    [item] = found_of(text).found
    speech = item.speech
    assert speech.title == "2026年县政府工作报告"
    assert speech.subtitle == "——2026年1月26日在县第十八届人民代表大会第五次会议上"
    assert speech.speaker == "县长　王建国"
    assert speech.salutation == "各位代表："
    assert speech.opening[0] == "图为会议现场"      # a caption is kept, as text


# 6 and 7. Nothing removed silently; web debris and buttons.

WEB_PAGE = """首页 > 政务公开 > 政府工作报告
2026年政府工作报告
发布时间：2026-01-30 来源：县人民政府办公室 作者：县政府办
【字号 大 中 小】 打印本页 关闭窗口
大
中
小
下载
——2026年1月26日在县第十八届人民代表大会第五次会议上
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。
一、2025年工作回顾
过去一年，全县地区生产总值增长6.1%，完成投资120亿元。
二、2026年重点工作
今年要扎实推进各项工作。
<img src="/images/2026/01/photo.jpg" alt="会议现场">
责任编辑：李明
扫一扫在手机打开当前页
相关报道：
3f9a0c2b7d4e5f6a7b8c9d0e1f2a3b4c
"""


def test_web_debris_is_removed_with_reasons_and_accounted_for():
    result = found_of(WEB_PAGE)
    [item] = result.found
    assert levels(item) == [(1, "2025年工作回顾"), (1, "2026年重点工作")]
    reasons = Counter(piece.reason for piece in result.removed)
    assert reasons["web-button"] >= 8 and reasons["web-info"] >= 2 and reasons["html"] >= 1
    assert reasons["id"] == 1
    texts = [piece.text for piece in result.removed]
    assert "责任编辑：李明" in texts and "扫一扫在手机打开当前页" in texts
    kept = item.all_text()
    for debris in ("责任编辑", "打印本页", "扫一扫", "字号", "img"):
        assert debris not in kept
    assert result.han_in == result.han_out + result.han_removed


def test_a_removed_piece_can_be_put_back():
    result = analyse([("x.txt", WEB_PAGE.splitlines())], keep=["责任编辑：李明"])
    assert "责任编辑：李明" not in [piece.text for piece in result.removed]
    assert "责任编辑：李明" in result.found[0].all_text()
    assert result.unaccounted == 0


def test_import_json_lists_what_was_removed(tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_text(WEB_PAGE, encoding="utf-8")
    code, stdout, _ = run(capsys, "import", source, "--speech", tmp_path / "a.speech.yaml",
                          "--json")
    assert code == 0
    data = json.loads(stdout)
    assert {"text": "责任编辑：李明", "reason": "web-info", "source": "page.txt"} in data["removed"]
    chars = data["characters"]
    assert chars["in"] == chars["out"] + chars["removed"] and chars["unaccounted"] == 0
    assert chars["in"] == han_count(WEB_PAGE)


def test_short_button_lines_do_not_drag_the_wrap_width_down():
    wrapped = ("各位代表：\n"
               "过去一年，面对复杂严峻的形势，全县上下团结一心，\n"
               "攻坚克难，经济社会发展取得了新的成绩，全年地区\n"
               "生产总值增长百分之六点一，城乡居民收入稳步提高。\n"
               "下载\n大\n中\n小\n"
               "一、2025年工作回顾\n"
               "过去一年，我们坚持稳中求进工作总基调，扎实推进\n"
               "各项工作，全县经济保持平稳健康发展，民生福祉持\n"
               "续改善。\n"
               "二、2026年重点工作\n"
               "今年，我们要坚持以人民为中心的发展思想，做好\n"
               "各项工作。\n")
    [item] = found_of(wrapped).found
    assert levels(item) == [(1, "2025年工作回顾"), (1, "2026年重点工作")]
    assert item.speech.body[0].paragraphs == [
        "过去一年，我们坚持稳中求进工作总基调，扎实推进各项工作，全县经济保持平稳健康发展，"
        "民生福祉持续改善。"]


# 8. Hard-wrap repair.

def test_a_wrap_right_after_a_full_stop_does_not_split_the_paragraph():
    # Wrapped at 20 characters; the first line ends with 。 exactly at the width.
    first = ["春" * 19 + "。", "夏" * 19 + "，", "秋" * 19 + "，", "冬" * 5 + "。"]
    second = ["风" * 19 + "，", "雨" * 19 + "，", "雷" * 3 + "。"]
    assert clean_text("\n".join(first + second)).texts() == ["".join(first), "".join(second)]


def test_a_wrap_inside_a_number_never_inserts_a_space():
    lines = ["港" * 4 + "建成码头泊位三个，其中2", "0万吨级泊位" + "港" * 6 + "，游客3",
             "9.87万人次，同比增长" + "港" * 4, "港" * 15 + "，", "比上年多了一成。"]
    assert [len(line) for line in lines[:4]] == [16] * 4
    [paragraph] = clean_text("\n".join(lines)).texts()
    assert "其中20万吨级" in paragraph and "游客39.87万人次" in paragraph


def test_latin_words_still_get_their_space():
    lines = ["港" * 9 + "我们学习了Artificial", "Intelligence的最新进展" + "港" * 7,
             "港" * 14 + "也学习了有关的经验，", "港" * 23 + "，", "大家都很高兴。"]
    assert [len(line) for line in lines[:4]] == [24] * 4
    [paragraph] = clean_text("\n".join(lines)).texts()
    assert "Artificial Intelligence" in paragraph


def test_run_on_speech_six_of_the_corpus_keeps_its_headings(corpus_text):
    start = corpus_text.index("创建文明单位动员大会讲话稿篇六")
    end = corpus_text.index("创建文明单位动员大会讲话稿篇七")
    text = corpus_text[start:end]
    run_on = "".join(line.strip() for line in text.splitlines())
    normal = speeches_from_text(text).speeches[0]
    damaged = speeches_from_text(run_on).speeches[0]
    depths = [depth for _, depth in normal.walk()]
    assert depths == [1, 1, 1, 1, 2, 2, 2, 2]
    assert [depth for _, depth in damaged.walk()] == depths
    # Where a heading had no final mark, it cannot be told from the sentence after it: the
    # heading keeps its words at the start.
    for whole, cut in zip(normal.walk(), damaged.walk()):
        assert cut[0].heading.startswith(whole[0].heading)


# 9. .docx

def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_two_word_paragraphs_are_never_merged(tmp_path):
    document = docx.Document()
    # A title without a style, then two short paragraphs without final punctuation: plain
    # text this shape would be a wrapped line; in Word each is a paragraph.
    for text in ("关于进一步加强安全生产工作的讲话提纲要点汇总", "各位同志今天我们在这里召开全县安全生产工作会议",
                 "主要任务是总结去年工作并安排部署今年的重点任务"):
        document.add_paragraph(text)
    path = tmp_path / "a.docx"
    path.write_bytes(_save(document))
    lines = read_source(path).lines
    assert all(line.hard for line in lines)
    texts = clean_text_lines(lines)
    assert texts == ["关于进一步加强安全生产工作的讲话提纲要点汇总", "各位同志今天我们在这里召开全县安全生产工作会议",
                     "主要任务是总结去年工作并安排部署今年的重点任务"]


def clean_text_lines(lines):
    from composer.core.cleanup import clean_lines
    return clean_lines(lines).texts()


def _docx_with(document_xml: bytes) -> bytes:
    raw = _save(docx.Document())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, document_xml if info.filename == "word/document.xml" else data)
    return out.getvalue()


def test_an_unknown_xml_encoding_is_our_error(tmp_path):
    path = tmp_path / "enc.docx"
    path.write_bytes(_docx_with(
        b'<?xml version="1.0" encoding="x-no-such-encoding"?><w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'))
    with pytest.raises(FileFormatError) as error:
        read_source(path)
    assert "enc.docx" in str(error.value)


def test_an_unknown_compression_method_is_our_error(tmp_path):
    raw = bytearray(_save(docx.Document()))
    # Mark every member as compressed with method 98 (PPMd), which zipfile cannot unpack.
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            raw[start + offset:start + offset + 2] = (98).to_bytes(2, "little")
            start += 4
    path = tmp_path / "ppmd.docx"
    path.write_bytes(bytes(raw))
    with pytest.raises(FileFormatError):
        read_source(path)


def test_heading_styles_and_outline_levels_are_used(tmp_path):
    document = docx.Document()
    document.add_paragraph("在全县大会上的讲话", style="Title")
    document.add_paragraph("同志们：")
    document.add_paragraph("开场。")
    document.add_paragraph("统一思想", style="Heading 1")
    document.add_paragraph("正文。")
    outlined = document.add_paragraph("压实责任")
    from docx.oxml import parse_xml
    outlined._p.get_or_add_pPr().append(parse_xml(
        '<w:outlineLvl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:val="1"/>'))
    document.add_paragraph("正文。")
    path = tmp_path / "styled.docx"
    path.write_bytes(_save(document))
    [item] = analyse([("styled.docx", read_source(path).lines)]).found
    assert item.speech.title == "在全县大会上的讲话"
    assert levels(item) == [(1, "统一思想"), (2, "压实责任")]


# 10. .doc and .wps

def test_doc_is_converted_with_libreoffice(tmp_path):
    if legacy_word.find_soffice() is None:
        pytest.fail("LibreOffice is needed for this test (packaging/dev.sh installs it)")
    document = docx.Document()
    for text in ("在全县大会上的讲话", "同志们：", "开场。", "一、统一思想", "正文。"):
        document.add_paragraph(text)
    source = tmp_path / "a.docx"
    source.write_bytes(_save(document))
    import shutil
    import subprocess
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([legacy_word.find_soffice(), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    doc = tmp_path / "旧讲话.doc"
    shutil.move(tmp_path / "a.doc", doc)
    [item] = analyse([(doc.name, read_source(doc).lines)]).found
    assert item.speech.salutation == "同志们：" and levels(item) == [(1, "统一思想")]


def test_doc_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy_word, "find_soffice", lambda: None)
    path = tmp_path / "old.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    with pytest.raises(FileFormatError) as error:
        read_source(path)
    assert "LibreOffice" in str(error.value) and "old.wps" in str(error.value)


# 11. Encodings.

def test_big5_is_read():
    text = "同志們：\n今天我們召開全縣經濟工作會議，總結過去一年的工作，部署今年的任務。\n一、統一思想\n"
    decoded, encoding = decode_text(text.encode("big5"), "x.txt")
    assert decoded == text and encoding == "big5"


def test_shift_jis_is_not_read_as_gb18030():
    text = "皆さん、こんにちは。本日は経済会議を開きます。昨年の仕事をまとめ、今年の計画を話し合います。\n"
    decoded, encoding = decode_text(text.encode("shift_jis"), "x.txt")
    assert decoded == text and encoding == "shift_jis"


def test_gbk_text_is_still_gb18030():
    text = "同志们：\n今天我们召开全县经济工作会议，镕基同志的讲话要认真学习。\n"
    assert decode_text(text.encode("gbk"), "x.txt") == (text, "gb18030")
