"""The exported document at the XML level: block order, fonts per role, sizes, indents, page set-up.

Expected values come from the spec (official-format.md) and from the profile's settings; the
paragraph sequence is derived from the speech and the core's outline numbering.
"""

from __future__ import annotations

import re

import pytest

from composer.core.numbering import outline_markers
from composer.core.speech import Section, Speech
from composer.export import build_docx, make_profile
from composer.export.profiles import bundled_dir

from .conftest import bundled
from .docx_xml import NS, Styles, paragraphs, parse, q, read_parts
from .speech_builders import build_speech

HAN = re.compile(r"[\u4e00-\u9fff]")


def _open(speech, profile):
    parts = read_parts(build_docx(speech, profile))
    styles = Styles(parse(parts, "word/styles.xml"))
    return parts, styles, paragraphs(parse(parts, "word/document.xml"), styles)


def _custom(overrides, name="custom"):
    return make_profile(overrides, base=bundled_dir() / "gbt9704.yaml", name=name)


def _expected_blocks(speech: Speech, level3_style: str) -> list[tuple[str, str]]:
    """(role, text) of every paragraph, in the order of official-format.md §5.  A run-in section
    gives ("run_in<level>", heading sentence) followed by ("body", its first paragraph) — both
    in one paragraph, which the caller joins."""
    blocks = [("title", speech.title)]
    if speech.subtitle:
        blocks.append(("subtitle", "——" + speech.subtitle.lstrip("—")))
    blocks += [("speaker", speech.speaker), ("date", f"（{speech.date}）"), ("blank", ""),
               ("salutation", speech.salutation)]
    blocks += [("body", p) for p in speech.opening]
    markers = outline_markers(speech, level3_style)
    for section, level in speech.walk():
        if section.run_in:
            blocks.append((f"run_in{level}", markers[section.id] + section.heading + "。"))
            blocks += [("body", p) for p in section.paragraphs[1:]]
        else:
            blocks.append((f"heading{level}", markers[section.id] + section.heading))
            blocks += [("body", p) for p in section.paragraphs]
    blocks += [("closing", p) for p in speech.closing]
    return blocks


def test_block_order_and_text(example, standard):
    _, _, paras = _open(example, standard)
    expected = _expected_blocks(example, standard.level3_style)
    assert len(paras) == len(expected)
    run_ins = {s.id: s for s, _ in example.walk() if s.run_in}
    first_paragraphs = [s.paragraphs[0] for s in run_ins.values()]
    for para, (role, text) in zip(paras, expected):
        if role.startswith("run_in"):
            assert para.runs[0].text == text
            assert para.text == text + first_paragraphs.pop(0)
        else:
            assert para.text == text, role
    assert not first_paragraphs


def _role_of_run(role: str, run_index: int) -> str:
    if role.startswith("run_in"):
        return f"heading{role[-1]}" if run_index == 0 else "body"
    return role


@pytest.mark.parametrize("profile_name", ["gbt9704", "gbt9704-28pt", "gbt9704-gb2312"])
def test_every_run_with_chinese_names_its_roles_east_asian_font(example, profile_name):
    profile = bundled(profile_name)
    _, _, paras = _open(example, profile)
    expected = _expected_blocks(example, profile.level3_style)
    checked = 0
    for para, (role, _) in zip(paras, expected):
        for index, run in enumerate(para.runs):
            if not HAN.search(run.text):
                continue
            spec = profile.role(_role_of_run(role, index))
            assert run.east_asia == spec.font, (role, run.text[:10])
            assert run.latin == spec.latin_font == profile.text.latin_font
            assert run.hint == "eastAsia"
            assert run.size == str(round(spec.size_pt * 2))
            assert run.bold == spec.bold
            checked += 1
    assert checked >= len(expected) - 1


def test_heading_bold_is_a_profile_setting():
    profile = _custom({"roles": {"heading2": {"bold": True}, "heading3": {"bold": True}}})
    _, styles, paras = _open(build_speech(1, children=2, depth=3, paragraphs=1), profile)
    by_style = {}
    for para in paras:
        if para.runs:
            by_style.setdefault(para.style, para.runs[0].bold)
    assert by_style["Heading1"] is False
    assert by_style["Heading2"] is True
    assert by_style["Heading3"] is True
    assert by_style["BodyText"] is False


def test_styles_name_every_role_without_theme_fonts(standard):
    parts = read_parts(build_docx(Speech(title="标题"), standard))
    for name, data in parts.items():
        if name.endswith(".xml") and name.startswith("word/"):
            assert not re.search(rb"w:(ascii|hAnsi|eastAsia|cs)Theme|w:cstheme", data), name
    styles = parse(parts, "word/styles.xml")
    names = {s.find("w:name", NS).get(q("val")) for s in styles.findall("w:style", NS)}
    assert {"Normal", "Title", "Subtitle", "讲话人", "Date", "Salutation", "Body Text",
            "heading 1", "heading 2", "heading 3", "heading 4", "Closing", "footer"} <= names
    for style in styles.findall("w:style", NS):
        for fonts in style.iter(q("rFonts")):
            assert fonts.get(q("eastAsia")) and fonts.get(q("hint")) == "eastAsia"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(q("eastAsia")) == "zh-CN"
    default_fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert default_fonts.get(q("eastAsia")) == standard.role("body").font


def test_normal_style_gives_the_measured_grid_settings(standard):
    parts = read_parts(build_docx(Speech(title="标题"), standard))
    styles = Styles(parse(parts, "word/styles.xml"))
    normal = styles.by_id["Normal"]
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("579", "exact")
    assert (spacing.get(q("before")), spacing.get(q("after"))) == ("0", "0")
    # Widow control on (official-format.md §2), written out: Chinese Word's template turns it off.
    widow = normal.find("w:pPr/w:widowControl", NS)
    assert widow is not None and widow.get(q("val")) in (None, "1", "true", "on")
    assert normal.find("w:pPr/w:jc", NS).get(q("val")) == "both"
    assert normal.find("w:rPr/w:spacing", NS).get(q("val")) == "-5"
    indent = normal.find("w:pPr/w:ind", NS)
    assert (indent.get(q("firstLine")), indent.get(q("firstLineChars"))) == ("640", "200")


def test_28pt_profile_changes_line_and_grid():
    parts = read_parts(build_docx(Speech(title="标题"), bundled("gbt9704-28pt")))
    styles = Styles(parse(parts, "word/styles.xml"))
    assert styles.para_attr("spacing", "line", None, "Normal") == "560"
    grid = parse(parts, "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    assert grid.get(q("linePitch")) == "560"


@pytest.mark.parametrize("role,indented", [
    ("Title", False), ("Subtitle", False), ("Speaker", False), ("Date", False),
    ("Salutation", False), ("BodyText", True), ("Heading1", True), ("Heading2", True),
    ("Heading3", True), ("Heading4", True), ("Closing", True), ("Footer", False)])
def test_indents_and_alignment(standard, role, indented):
    styles = Styles(parse(read_parts(build_docx(Speech(), standard)), "word/styles.xml"))
    first_line = styles.para_attr("ind", "firstLine", None, role)
    first_chars = styles.para_attr("ind", "firstLineChars", None, role)
    if indented:
        assert (first_line, first_chars) == ("640", "200")
    else:
        assert (first_line, first_chars) == ("0", "0")
    align = styles.para_attr("jc", "val", None, role)
    expected = {"Title": "center", "Subtitle": "center", "Speaker": "center", "Date": "center",
                "Salutation": "left", "Footer": "center"}.get(role, "both")
    assert align == expected


def test_page_setup_and_settings(standard):
    parts = read_parts(build_docx(Speech(title="标题"), standard))
    section = parse(parts, "word/document.xml").find("w:body/w:sectPr", NS)
    size = section.find("w:pgSz", NS)
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
    margins = section.find("w:pgMar", NS)
    assert {k: margins.get(q(k)) for k in ("top", "bottom", "left", "right", "footer")} == \
        {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474", "footer": "1253"}
    grid = section.find("w:docGrid", NS)
    assert (grid.get(q("type")), grid.get(q("linePitch"))) == ("lines", "579")
    assert grid.get(q("charSpace")) is None
    refs = {r.get(q("type")) for r in section.findall("w:footerReference", NS)}
    assert refs == {"default", "even"}
    settings = parse(parts, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert settings.find("w:themeFontLang", NS).get(q("eastAsia")) == "zh-CN"
    assert not list(settings.iter(q("kinsoku")))


R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _footers(parts):
    """Footer type (default, even) → the footer part it refers to."""
    rels = parse(parts, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    section = parse(parts, "word/document.xml").find("w:body/w:sectPr", NS)
    return {ref.get(q("type")): parse(parts, "word/" + targets[ref.get(R_ID)])
            for ref in section.findall("w:footerReference", NS)}


def _footer_paragraph(footer):
    para = footer.find("w:p", NS)
    runs = para.findall("w:r", NS)
    text = "".join(t.text for r in runs for t in r.findall("w:t", NS))
    fields = [(c.get(q("fldCharType"))) for r in runs for c in r.findall("w:fldChar", NS)]
    instr = "".join(i.text for r in runs for i in r.findall("w:instrText", NS))
    return para.find("w:pPr", NS), text, fields, instr


def test_page_number_footers_outer(standard):
    parts = read_parts(build_docx(Speech(title="标题"), standard))
    styles = Styles(parse(parts, "word/styles.xml"))
    footers = _footers(parts)
    inset = str(round(standard.page_number_indent_chars * standard.role("page_number").size_pt * 20))
    for kind, side, align in (("default", "right", "right"), ("even", "left", "left")):
        ppr, text, fields, instr = _footer_paragraph(footers[kind])
        assert text == "\u2014 1 \u2014"        # EM DASH, half-width spaces, PAGE field result
        assert fields == ["begin", "separate", "end"] and instr.strip() == "PAGE"
        indent = ppr.find("w:ind", NS)
        assert indent.get(q(side)) == inset == "280"
        assert (indent.get(q("firstLine")), indent.get(q("firstLineChars"))) == ("0", "0")
        assert ppr.find("w:jc", NS).get(q("val")) == align
        assert "\u3000" not in text
        style = ppr.find("w:pStyle", NS).get(q("val"))
        for attr in ("ascii", "hAnsi", "eastAsia"):
            assert styles.run_attr("rFonts", attr, None, style) == "宋体"
        assert styles.run_attr("sz", "val", None, style) == "28"


def test_page_number_footer_centred():
    parts = read_parts(build_docx(Speech(title="标题"), _custom({"page_numbers": {"position": "center"}})))
    footers = _footers(parts)
    assert set(footers) == {"default"}
    ppr, text, _, _ = _footer_paragraph(footers["default"])
    assert text == "\u2014 1 \u2014"
    assert ppr.find("w:jc", NS).get(q("val")) == "center"
    assert parse(parts, "word/settings.xml").find("w:evenAndOddHeaders", NS) is None


def test_font_table_hints(standard):
    fonts = parse(read_parts(build_docx(Speech(), standard)), "word/fontTable.xml")
    by_name = {f.get(q("name")): f for f in fonts.findall("w:font", NS)}
    for role in standard.roles:
        assert role.font in by_name
        assert by_name[role.font].find("w:charset", NS).get(q("val")) == "86"
    assert by_name["仿宋"].find("w:altName", NS).get(q("val")) == "FangSong"
    assert by_name["黑体"].find("w:altName", NS).get(q("val")) == "SimHei"
    assert by_name["Times New Roman"].find("w:charset", NS).get(q("val")) == "00"


def test_date_digits_and_level3_style_are_profile_settings():
    speech = build_speech(1, children=1, depth=3, paragraphs=1)
    speech.date = "2024年3月15日"
    profile = _custom({"date_digits": "chinese", "level3_style": "1、"})
    _, _, paras = _open(speech, profile)
    texts = [p.text for p in paras]
    assert "（二〇二四年三月十五日）" in texts
    level3 = [p.text for p in paras if p.style == "Heading3"]
    assert level3 and all(t.startswith("1、") for t in level3)


def test_subtitle_starts_with_a_dash_and_blank_paragraphs_are_left_out(standard):
    speech = Speech(title="在全市工作会议上的讲话", subtitle="在动员大会上", opening=["", "正文。", "  "],
                    body=[Section("压实责任", ["　　第一段。"])])
    _, _, paras = _open(speech, standard)
    assert [p.text for p in paras] == ["在全市工作会议上的讲话", "——在动员大会上", "", "正文。",
                                       "一、压实责任", "第一段。"]


def test_text_is_escaped_and_invalid_characters_dropped(standard):
    speech = Speech(title="A&B <会议>", opening=["引号“好”\x0b与\x01控制字符"])
    _, _, paras = _open(speech, standard)
    assert paras[0].text == "A&B <会议>"
    assert paras[2].text == "引号“好”与控制字符"


def test_headings_and_head_lines_keep_with_the_next_paragraph(standard):
    parts = read_parts(build_docx(Speech(title="标题"), standard))
    styles = Styles(parse(parts, "word/styles.xml"))
    for style_id in ("Heading1", "Heading2", "Heading3", "Heading4", "Title", "Subtitle",
                     "Speaker", "Date"):
        assert styles.by_id[style_id].find("w:pPr/w:keepNext", NS) is not None, style_id
    for style_id in ("BodyText", "Closing", "Salutation", "Normal"):
        assert styles.by_id[style_id].find("w:pPr/w:keepNext", NS) is None, style_id
