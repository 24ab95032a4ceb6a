"""The import readers: text encodings, Markdown, .docx structure, and refusing bad files."""

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from composer.core.errors import FileFormatError
from composer.io.readers import decode_text, markdown_lines, read_source

TEXT = "同志们：\n今天，我们召开创建省级文明单位动员大会。\n一、统一思想\n"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
    ("utf-32", "utf-32"),
])
def test_encodings_are_detected(encoding, expected):
    text, found = decode_text(TEXT.encode(encoding), "x.txt")
    assert text == TEXT and found == expected


@pytest.mark.parametrize("raw", [b"", b"  \n\n", "\ufeff".encode("utf-8"),
                                 bytes(range(256)) * 8, b"\x00\x01\x02binary\x00junk" * 30,
                                 "文字".encode("utf-8") + b"\x01\x02\x03\x04\x05\x06" * 20])
def test_not_text(raw):
    with pytest.raises(FileFormatError):
        decode_text(raw, "x.txt")


def test_read_text_file(tmp_path):
    path = tmp_path / "讲话.TXT"
    path.write_bytes(TEXT.encode("gb18030"))
    source = read_source(path)
    assert [line.text for line in source.lines] == TEXT.splitlines()
    assert source.name == "讲话.TXT" and source.encoding == "gb18030"


@pytest.mark.parametrize("name", ["a.pdf", "a.rtf", "a.odt", "a", "a.yaml"])
def test_unsupported_types(tmp_path, name):
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(FileFormatError) as error:
        read_source(path)
    assert name in str(error.value)


def test_markdown():
    lines = markdown_lines("# 在大会上的讲话\n\n同志们：\n\n## 统一思想\n\n**一是**加强[领导](http://x)。\n"
                           "- 要点\n> 引文\n```\n### 落实责任\n")
    assert [(line.text, line.level, line.title) for line in lines if line.text] == [
        ("在大会上的讲话", 0, True), ("同志们：", 0, False), ("统一思想", 1, False),
        ("一是加强领导。", 0, False), ("要点", 0, False), ("引文", 0, False),
        ("落实责任", 2, False)]


def _numbered_docx(path):
    """A .docx written like Word: styles for title and headings, automatic Chinese numbering,
    a table, a manual line break and a tracked deletion."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text, level):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    document.add_paragraph("在全县动员大会上的讲话", style="Title")
    document.add_paragraph("同志们：")
    document.add_paragraph("今天我们开会。")
    numbered("统一思想", 0)
    numbered("压实责任", 1)
    numbered("强化督查", 1)
    document.add_paragraph("正文第一行").add_run().add_break()
    document.paragraphs[-1].add_run("正文第二行。")
    numbered("加强领导", 0)
    numbered("建立机制", 1)
    document.add_paragraph("组织保障", style="Heading 2")
    kept = document.add_paragraph("保留的文字")
    kept._p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="x"><w:r><w:delText>删掉的文字'
                             '</w:delText></w:r></w:del>'))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "表格甲"
    table.cell(0, 1).text = "表格乙"
    document.add_paragraph("谢谢大家！")
    document.save(path)


def test_docx_styles_numbering_tables(tmp_path):
    path = tmp_path / "numbered.docx"
    _numbered_docx(path)
    lines = [(line.text, line.level, line.title) for line in read_source(path).lines]
    assert lines == [
        ("在全县动员大会上的讲话", 0, True), ("同志们：", 0, False), ("今天我们开会。", 0, False),
        ("一、统一思想", 0, False), ("（一）压实责任", 0, False), ("（二）强化督查", 0, False),
        ("正文第一行", 0, False), ("正文第二行。", 0, False),
        ("二、加强领导", 0, False), ("（一）建立机制", 0, False), ("组织保障", 2, False),
        ("保留的文字", 0, False), ("表格甲\u3000表格乙", 0, False),   # a table row is one line
        ("谢谢大家！", 0, False)]


def test_docx_import_builds_the_outline(tmp_path):
    from composer.io.importing import read_speeches
    path = tmp_path / "numbered.docx"
    _numbered_docx(path)
    [found] = read_speeches([path])
    speech = found.speech
    assert speech.title == "在全县动员大会上的讲话" and speech.salutation == "同志们："
    assert [(level, s.heading) for s, level in speech.walk()] == [
        (1, "统一思想"), (2, "压实责任"), (2, "强化督查"), (1, "加强领导"), (2, "建立机制"),
        (2, "组织保障")]
    assert speech.closing == ["谢谢大家！"]


def _zip(members: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("members", [
    {"word/document.xml": "<w:document"},                                      # not XML
    {"word/document.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                          f'<w:document {W_NS}><w:body/></w:document>'},       # entity tricks
    {"word/document.xml": f"<w:document {W_NS}/>"},                            # no body
    {"content.xml": "<office/>"},                                              # an .odt renamed
])
def test_damaged_docx(tmp_path, members):
    path = tmp_path / "bad.docx"
    path.write_bytes(_zip(members))
    with pytest.raises(FileFormatError) as error:
        read_source(path)
    assert "bad.docx" in str(error.value)


def test_docx_with_a_lying_size_is_refused(tmp_path):
    raw = bytearray(_zip({"word/document.xml": f"<w:document {W_NS}><w:body/></w:document>"}))
    # Corrupt the CRC stored in the central directory: reading must fail cleanly.
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 16:central + 20] = b"\x00\x00\x00\x00"
    path = tmp_path / "crc.docx"
    path.write_bytes(bytes(raw))
    with pytest.raises(FileFormatError):
        read_source(path)


def test_numbering_values_out_of_range_are_ignored(tmp_path):
    """Hostile or broken numbering (letters for levels, huge or negative starts) never crashes
    or hangs the reader: such values are treated as absent."""
    document = (f'<w:document {W_NS}><w:body><w:p><w:pPr><w:outlineLvl w:val="²"/><w:numPr>'
                '<w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一项</w:t>'
                '</w:r></w:p></w:body></w:document>')
    numbering = (f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 f'<w:start w:val="{"9" * 5000}"/><w:numFmt w:val="upperRoman"/>'
                 '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1">'
                 '<w:abstractNumId w:val="0"/></w:num></w:numbering>')
    path = tmp_path / "odd.docx"
    path.write_bytes(_package({"word/document.xml": document, "word/numbering.xml": numbering}))
    assert [(line.text, line.level) for line in read_source(path).lines] == [("I.一项", 0)]


def _package(members: dict) -> bytes:
    """A complete .docx package (as python-docx writes it) with some parts replaced."""
    buffer = io.BytesIO()
    document = docx.Document()
    document.part.numbering_part      # makes sure the package has a numbering part
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts.update({name: data.encode("utf-8") for name, data in members.items()})
    return _zip(parts)
