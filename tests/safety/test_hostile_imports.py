"""Hostile and broken files given to the importer: .docx that is not a zip, truncated, a zip
bomb, XML entity tricks; text files that are junk, empty or enormous.

Each must raise the project's own error naming the file, within sane memory, and write nothing:
no library or speech file is created, and an existing one is left byte for byte as it was.
"""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
import zlib

import docx
import pytest

from composer.core.errors import ComposerError
from composer.core.library import Pack, Snippet
from composer.io import importing, library_file, readers
from composer.io.docx_reader import MAX_UNPACKED

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BODY = f'<w:document {W_NS}><w:body><w:p><w:r><w:t>同志们：</w:t></w:r></w:p></w:body></w:document>'


def real_docx() -> bytes:
    document = docx.Document()
    document.add_heading("在动员大会上的讲话", 0)
    document.add_paragraph("同志们：")
    document.add_heading("统一思想，提高认识", 1)
    document.add_paragraph("创建文明单位是一项系统工程。" * 20)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_of(members: dict, method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def package_of(members: dict) -> bytes:
    """A complete .docx package (as python-docx writes one, with a numbering part) with some
    parts replaced: what a reader must be able to open before the hostile values are tried."""
    buffer = io.BytesIO()
    document = docx.Document()
    _ = document.part.numbering_part
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts.update(members)
    return zip_of(parts)


@pytest.fixture
def existing_library(tmp_path):
    path = tmp_path / "out" / "mine.library.yaml"
    path.parent.mkdir()
    library_file.save_pack(Pack("我的", [Snippet("m1", 1, "已有的标题", ["已有的一段。"])]), path)
    return path


def refuse_import(tmp_path, existing_library, name: str, content: bytes, *words: str,
                  memory_mb: int = 64) -> ComposerError:
    """Import the file into a new library, into an existing one and as a speech: each must be
    refused with a clear message, in bounded memory, writing nothing."""
    source = tmp_path / name
    source.write_bytes(content)
    before = existing_library.read_bytes()
    new_library = tmp_path / "out" / "new.library.yaml"
    new_speech = tmp_path / "out" / "new.speech.yaml"
    tracemalloc.start()
    try:
        errors = []
        for run in (lambda: importing.import_to_library([source], new_library),
                    lambda: importing.import_to_library([source], existing_library),
                    lambda: importing.import_to_speech(source, new_speech)):
            with pytest.raises(ComposerError) as caught:
                run()
            errors.append(caught.value)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < memory_mb * 1024 * 1024, f"{peak / 2**20:.0f} MB"
    assert not new_library.exists() and not new_speech.exists()
    assert existing_library.read_bytes() == before
    for error in errors:
        assert name in str(error) and error.zh and error.en
        for word in words:
            assert word in str(error), str(error)
    return errors[0]


# --- .docx that is not a zip ---------------------------------------------------------------------

@pytest.mark.parametrize("content,word", [
    ("同志们：\n今天开会。\n".encode("utf-8"), "zip"),              # a text file renamed
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ".doc"),   # an old Word file
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "zip"),
    (b"", "空"),
    (b"PK\x03\x04" + b"\x00" * 100, "损坏"),                        # zip magic, nothing else
    (b"PK\x05\x06" + b"\x00" * 18, "word/document.xml"),           # an empty zip
])
def test_docx_that_is_not_a_word_document(tmp_path, existing_library, content, word):
    refuse_import(tmp_path, existing_library, "讲话.docx", content, word)


def test_an_odt_or_plain_zip_renamed(tmp_path, existing_library):
    refuse_import(tmp_path, existing_library, "a.docx",
                  zip_of({"content.xml": "<office:document/>", "mimetype": "x"}), "document.xml")


# --- truncated ------------------------------------------------------------------------------------

@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_docx(tmp_path, existing_library, fraction):
    raw = real_docx()
    refuse_import(tmp_path, existing_library, "cut.docx", raw[:int(len(raw) * fraction)])


def test_docx_missing_only_its_last_bytes(tmp_path, existing_library):
    raw = real_docx()
    refuse_import(tmp_path, existing_library, "cut.docx", raw[:-1])


def test_docx_with_a_damaged_member(tmp_path, existing_library):
    raw = bytearray(real_docx())
    start = raw.find(b"word/document.xml") + len("word/document.xml")   # its compressed data
    raw[start + 40:start + 80] = b"\xff" * 40
    refuse_import(tmp_path, existing_library, "damaged.docx", bytes(raw))


# --- zip bombs ---------------------------------------------------------------------------------

def zeros_member(size: int) -> bytes:
    """A .docx whose document.xml is `size` bytes of padding: compresses about 1000:1."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w") as member:
            member.write(f'<w:document {W_NS}><w:body>'.encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def test_zip_bomb_by_compression_ratio(tmp_path, existing_library):
    raw = zeros_member(20 * 1024 * 1024)
    assert len(raw) < 100 * 1024          # 20 MB in a file this small
    refuse_import(tmp_path, existing_library, "bomb.docx", raw, "恶意", memory_mb=16)


def set_declared_size(raw: bytes, member: str, size: int) -> bytes:
    """Change the unpacked size a zip's central directory declares for a member."""
    data = bytearray(raw)
    position = data.find(b"PK\x01\x02" + b"")
    while position >= 0:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        name = bytes(data[position + 46:position + 46 + name_length]).decode()
        if name == member:
            struct.pack_into("<I", data, position + 24, size)
            return bytes(data)
        position = data.find(b"PK\x01\x02", position + 4)
    raise AssertionError(member)


def test_zip_bomb_declaring_gigabytes(tmp_path, existing_library):
    raw = set_declared_size(zip_of({"word/document.xml": BODY}), "word/document.xml", 2**32 - 1)
    refuse_import(tmp_path, existing_library, "huge.docx", raw, memory_mb=16)


def test_zip_bomb_of_many_members(tmp_path, existing_library):
    members = {"word/document.xml": BODY}
    raw = zip_of({**members, **{f"word/media/{i}.bin": b"" for i in range(40)}})
    for i in range(40):   # each declares 10 MB: 400 MB in all, none alone suspicious
        raw = set_declared_size(raw, f"word/media/{i}.bin", 10 * 1024 * 1024)
    assert 40 * 10 * 1024 * 1024 > MAX_UNPACKED
    refuse_import(tmp_path, existing_library, "many.docx", raw, memory_mb=16)


# --- XML tricks inside a real zip --------------------------------------------------------------

LAUGHS = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE w:document [\n<!ENTITY a "haha">\n'
          + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">\n'
                    for i in range(8))
          + f']>\n<w:document {W_NS}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body>'
          '</w:document>')


@pytest.mark.parametrize("encoding,memory_mb", [("utf-8", 16), ("utf-16", 256)])
def test_billion_laughs(tmp_path, existing_library, encoding, memory_mb):
    # UTF-8: the reader's byte search finds "<!ENTITY" and refuses before parsing.  UTF-16 hides
    # it from that search; then expat's own amplification limit (expat >= 2.4) stops the
    # expansion after some 100-200 MB and 0.2 s — bounded, but see the report to the lead.
    xml = LAUGHS.replace('encoding="UTF-16"', f'encoding="{encoding.upper()}"')
    raw = zip_of({"word/document.xml": xml.encode(encoding)})
    refuse_import(tmp_path, existing_library, "laughs.docx", raw, memory_mb=memory_mb)


def test_external_entity_is_never_read(tmp_path, existing_library):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xml = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x SYSTEM '
           f'"{secret.as_uri()}">]><w:document {W_NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r>'
           '</w:p></w:body></w:document>')
    raw = zip_of({"word/document.xml": xml.encode("utf-16")})
    error = refuse_import(tmp_path, existing_library, "xxe.docx", raw)
    assert "机密" not in str(error)


def test_deeply_nested_xml(tmp_path, existing_library):
    depth = 200_000
    xml = (f'<w:document {W_NS}><w:body><w:p>' + "<w:r>" * depth + "<w:t>x</w:t>"
           + "</w:r>" * depth + "</w:p></w:body></w:document>")
    refuse_import(tmp_path, existing_library, "deep.docx", zip_of({"word/document.xml": xml}),
                  memory_mb=256)


def test_encrypted_or_unknown_compression(tmp_path, existing_library):
    raw = bytearray(zip_of({"word/document.xml": BODY}))
    # Flag the member as encrypted (bit 0) in both headers.
    local, central = raw.find(b"PK\x03\x04"), raw.find(b"PK\x01\x02")
    raw[local + 6] |= 1
    raw[central + 8] |= 1
    refuse_import(tmp_path, existing_library, "locked.docx", bytes(raw))
    raw = bytearray(zip_of({"word/document.xml": BODY}))
    for offset in (raw.find(b"PK\x03\x04") + 8, raw.find(b"PK\x01\x02") + 10):
        struct.pack_into("<H", raw, offset, 99)      # AES / an unknown method
    refuse_import(tmp_path, existing_library, "aes.docx", bytes(raw))


# --- text sources --------------------------------------------------------------------------------

@pytest.mark.parametrize("name,content", [
    ("junk.txt", bytes(range(256)) * 40),
    ("empty.txt", b""),
    ("blank.md", b"\n \n\t\n"),
    ("nul.txt", b"\x00" * 1000),
    ("elf.md", b"\x7fELF\x02\x01\x01" + bytes(1000)),
])
def test_text_sources_that_are_not_text(tmp_path, existing_library, name, content):
    refuse_import(tmp_path, existing_library, name, content)


@pytest.mark.parametrize("name,limit", [("big.txt", readers.MAX_TEXT_BYTES),
                                        ("big.docx", readers.MAX_DOCX_BYTES)])
def test_enormous_sources_are_refused_without_reading(tmp_path, existing_library, name, limit):
    source = tmp_path / name
    with open(source, "wb") as handle:          # sparse: no disk space used
        handle.truncate(limit + 1)
    before = existing_library.read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(ComposerError, match="太大"):
            importing.import_to_library([source], existing_library)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024 and existing_library.read_bytes() == before


def test_one_bad_source_among_good_ones_writes_nothing(tmp_path, existing_library):
    good = tmp_path / "good.txt"
    good.write_text("在大会上的讲话\n同志们：\n一、统一思想\n要提高认识。\n谢谢大家！\n", encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(real_docx()[:500])
    before = existing_library.read_bytes()
    with pytest.raises(ComposerError, match="bad.docx"):
        importing.import_to_library([good, bad], existing_library)
    assert existing_library.read_bytes() == before


def test_the_real_docx_used_here_imports(tmp_path):
    """The damaged files above start from this one: intact, it imports."""
    source = tmp_path / "ok.docx"
    source.write_bytes(real_docx())
    assert any("同志们" in line.text for line in readers.read_source(source).lines)
    assert zlib.crc32(source.read_bytes())
