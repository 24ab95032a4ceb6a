"""The .docx keeps a speech's own hierarchy (issue 12 item 2): a speech whose outermost headings are
（一） prints （一）（二） in the heading-2 style, and a 1. list straight under 一、 stays 1. 2. in the
heading-3 style.  Checked in the XML (styles resolved as Word does) and on LibreOffice's render."""

from __future__ import annotations

import pytest

from composer.core.speech import Section, Speech
from composer.export import build_docx, export_docx, make_profile
from composer.export.profiles import bundled_dir

from .conftest import bundled, convert_to_pdf
from .docx_xml import NS, Styles, paragraphs, parse, q, read_parts
from .pdf_layout import read_layout

TEXT = "要把思想和行动统一到会议精神上来，以更高的标准、更实的举措抓好各项工作的落实。"


def bracketed_top() -> Speech:
    """Outermost headings （一）（二）（三）, the second run in, the third with a 1. list."""
    return Speech(
        title="在全市安全生产工作会议上的讲话", date="2024年3月15日", salutation="同志们：",
        opening=["今天召开会议，主要任务是部署全年工作。" + TEXT],
        body=[Section("压实安全生产责任", [TEXT * 2], skip=1),
              Section("强化隐患排查治理", [TEXT * 2], run_in=True, skip=1),
              Section("提升应急处置能力", [TEXT], [Section("完善预案", [TEXT]),
                                                  Section("加强演练", [TEXT])], skip=1)],
        closing=["谢谢大家！"])


def arabic_under_one() -> Speech:
    """一、 with a 1. list straight under it, then 二、 with （一）（二）."""
    return Speech(
        title="在全市教育工作会议上的讲话", salutation="同志们：", opening=[TEXT],
        body=[Section("统一思想", [TEXT], [Section("提高认识", [TEXT], skip=1),
                                           Section("明确任务", [TEXT], skip=1)]),
              Section("加强领导", [TEXT], [Section("压实责任", [TEXT]), Section("强化督查", [TEXT])])],
        closing=["谢谢大家！"])


def headings(speech: Speech, profile) -> list[tuple[str | None, str, str | None]]:
    """(paragraph style, the heading's text, its East Asian font) of every heading, run-in ones
    by their character style's paragraph style."""
    parts = read_parts(build_docx(speech, profile))
    styles = Styles(parse(parts, "word/styles.xml"))
    out = []
    for para in paragraphs(parse(parts, "word/document.xml"), styles):
        if para.style and para.style.startswith("Heading"):
            out.append((para.style, para.text, para.runs[0].east_asia))
            continue
        run_style = para.element.find("w:r/w:rPr/w:rStyle", NS)
        if run_style is not None and run_style.get(q("val")).startswith("Heading"):
            out.append((run_style.get(q("val")), para.runs[0].text, para.runs[0].east_asia))
    return out


def test_a_bracketed_top_level_prints_in_the_heading_two_style(standard):
    found = headings(bracketed_top(), standard)
    kai = standard.role("heading2").font
    assert found == [
        ("Heading2", "（一）压实安全生产责任", kai),
        ("Heading2Char", "（二）强化隐患排查治理。", kai),
        ("Heading2", "（三）提升应急处置能力", kai),
        ("Heading3", "1.完善预案", standard.role("heading3").font),
        ("Heading3", "2.加强演练", standard.role("heading3").font)]
    assert not any(style == "Heading1" for style, _, _ in found)


@pytest.mark.parametrize("mark", ["1.", "1、"])
def test_a_one_list_under_yi_stays_one_two(mark):
    profile = make_profile({"level3_style": mark}, base=bundled_dir() / "gbt9704.yaml",
                           name="level3")
    found = headings(arabic_under_one(), profile)
    sep = mark[-1]
    assert [(style, text) for style, text, _ in found] == [
        ("Heading1", "一、统一思想"), ("Heading3", f"1{sep}提高认识"), ("Heading3", f"2{sep}明确任务"),
        ("Heading1", "二、加强领导"), ("Heading2", "（一）压实责任"), ("Heading2", "（二）强化督查")]


def test_libreoffice_renders_the_levels_in_their_fonts(tmp_path):
    """On the render: the （一） headings in the heading-2 face (楷体 → AR PL KaitiM here, see
    tests/fonts/fonts.conf), the 1. items in the heading-3 face (仿宋 → AR PL SungtiL), 一、 in
    the heading-1 face (黑体 → WenQuanYi Micro Hei)."""
    standard = bundled("gbt9704")
    documents = []
    for name, speech in (("bracketed", bracketed_top()), ("arabic", arabic_under_one())):
        path = tmp_path / f"{name}.docx"
        export_docx(speech, path, standard)
        documents.append(path)
    convert_to_pdf(documents, tmp_path / "pdf", tmp_path)

    def lines(name):
        pages = read_layout(tmp_path / "pdf" / f"{name}.pdf", standard.page.bottom_mm)
        return [line for page in pages for line in page.lines]

    def faces(line, text):
        return {c["fontname"].split("+")[-1].split("-")[0] for c in line.chars if c["text"] in text}

    bracketed = lines("bracketed")
    for heading in ("（一）压实安全生产责任", "（三）提升应急处置能力"):
        line = next(line for line in bracketed if line.text.startswith(heading))
        assert faces(line, heading) == {"GBZenKai"}, line.fonts
    run_in = next(line for line in bracketed if line.text.startswith("（二）强化隐患排查治理。"))
    assert faces(run_in, "强化隐患排查治理") == {"GBZenKai"}
    item = next(line for line in bracketed if line.text.startswith("1.完善预案"))
    assert "GBZenKai" not in item.fonts and "WenQuanYiMicroHei" not in item.fonts
    assert not any(line.text.startswith("一、") for line in bracketed)

    arabic = lines("arabic")
    starts = [line.text for line in arabic]
    for heading in ("一、统一思想", "1.提高认识", "2.明确任务", "二、加强领导", "（一）压实责任"):
        assert any(text.startswith(heading) for text in starts), heading
    top = next(line for line in arabic if line.text.startswith("一、统一思想"))
    assert faces(top, "统一思想") == {"WenQuanYiMicroHei"}
    item = next(line for line in arabic if line.text.startswith("1.提高认识"))
    assert faces(item, "提高认识") == {"BousungEG"}
