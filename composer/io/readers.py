"""Reading the sources of an import: .txt in any common Chinese encoding, .md, .docx, and .doc /
.wps through LibreOffice.

Each reader gives the source's lines (``cleanup.Line``: text plus the outline level or title
mark the source's own styles give); cleanup and structure detection do the rest.  Anything that
cannot be read — binary junk, an empty file, a damaged or disguised .docx, an unsupported type —
raises ``FileFormatError`` with a one-line reason naming the file.  Nothing is ever written.

Encodings of .txt are detected, not guessed from the platform: a BOM (UTF-8, UTF-16, UTF-32)
decides; otherwise strict UTF-8, then UTF-16 without a BOM (recognised by its zero bytes), then the
double-byte encodings.  GB18030 (a superset of GBK and GB2312, what Chinese Windows writes as
"ANSI"), Big5 and Shift-JIS all decode each other's bytes without an error, into nonsense, so a
strict decode proves nothing.  Each candidate is scored instead by how ordinary its result is:
for GB18030 the share of characters that GB2312 holds (real simplified text: over 99 %; Big5 or
Shift-JIS read as GB18030: about half, full of kana, Greek and rare characters), for Big5 the
share in Big5's level-1 (common) characters, for Shift-JIS the share of kana.  GB18030 wins
unless another candidate is clearly more ordinary.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..core.cleanup import Line
from ..core.errors import FileFormatError
from . import files
from .docx_reader import read_docx
from .legacy_word import convert_to_docx

MAX_TEXT_BYTES = 32 * 1024 * 1024
MAX_DOCX_BYTES = 64 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx",)
LEGACY_SUFFIXES = (".doc", ".wps")
SUPPORTED = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + DOCX_SUFFIXES + LEGACY_SUFFIXES


@dataclass
class Source:
    path: str
    name: str              # the file name, as a snippet's source
    lines: list[Line]
    encoding: str          # utf-8, utf-8-sig, gb18030, utf-16, docx …


def read_source(path: str | os.PathLike) -> Source:
    target = Path(path)
    suffix = target.suffix.lower()
    name = target.name
    if suffix not in SUPPORTED:
        raise FileFormatError(
            f"{name}：不支持的文件类型“{suffix or '（无扩展名）'}”，可导入 .txt、.md、.docx、.doc、.wps。",
            f"{name}: unsupported file type '{suffix or '(none)'}'; import .txt, .md, .docx, "
            ".doc or .wps.")
    if target.is_dir():
        raise FileFormatError(f"{name}：这是一个文件夹，不是文件。",
                              f"{name}: this is a folder, not a file.")
    if suffix in LEGACY_SUFFIXES:
        return Source(str(target), name, read_docx(convert_to_docx(target), name), suffix[1:])
    limit = MAX_DOCX_BYTES if suffix in DOCX_SUFFIXES else MAX_TEXT_BYTES
    return source_from_bytes(target, files.read_bytes(target, limit=limit))


def source_from_bytes(path: str | os.PathLike, raw: bytes) -> Source:
    """A .txt, .md or .docx source from the bytes already read from ``path`` (whose suffix
    says how to read them): for a caller that also needs the bytes themselves (their hash)."""
    target = Path(path)
    suffix = target.suffix.lower()
    name = target.name
    if suffix in DOCX_SUFFIXES:
        return Source(str(target), name, read_docx(raw, name), "docx")
    text, encoding = decode_text(raw, name)
    if suffix in MARKDOWN_SUFFIXES:
        return Source(str(target), name, markdown_lines(text), encoding)
    return Source(str(target), name, [Line(line) for line in text.splitlines()], encoding)


# --- plain text --------------------------------------------------------------------------------

_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """The text of a file and the encoding it was found in; FileFormatError if it is not text."""
    text, encoding = _decode(raw, name)
    body = text.lstrip("\ufeff")
    if not body.strip():
        raise FileFormatError(f"{name}：文件是空的。", f"{name}: the file is empty.")
    sample = body[:20000]
    controls = sum(1 for ch in sample if ch not in _ALLOWED_CONTROLS
                   and unicodedata.category(ch) in ("Cc", "Cs", "Co"))
    if controls * 100 > len(sample):
        raise _not_text(name)
    return body, encoding


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    if not raw.strip():
        raise FileFormatError(f"{name}：文件是空的。", f"{name}: the file is empty.")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                raise _not_text(name) from None
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            try:
                return raw.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        raise _not_text(name)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _double_byte(raw)
    if found:
        return found
    raise FileFormatError(
        f"{name}：无法识别文字编码（支持 UTF-8、GB18030/GBK、Big5、Shift-JIS、UTF-16），"
        "也可能不是文本文件。",
        f"{name}: unknown text encoding (UTF-8, GB18030/GBK, Big5, Shift-JIS and UTF-16 are "
        "supported), or not a text file.")


# A result is "clearly more ordinary" than GB18030's when its score beats GB18030's by this much.
_MARGIN = 0.15
_SAMPLE = 200_000      # characters scored; the whole text is still decoded


def _double_byte(raw: bytes) -> tuple[str, str] | None:
    decoded: dict[str, str] = {}
    for encoding in ("gb18030", "big5", "shift_jis"):
        try:
            decoded[encoding] = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        return None
    scores = {encoding: _ordinary(encoding, text) for encoding, text in decoded.items()}
    best = max(scores, key=lambda encoding: scores[encoding])
    if "gb18030" in scores and scores["gb18030"] + _MARGIN >= scores[best]:
        best = "gb18030"
    return decoded[best], best


def _ordinary(encoding: str, text: str) -> float:
    """The share of the text's non-ASCII characters that are ordinary in that encoding."""
    wide = [ch for ch in text[:_SAMPLE] if ord(ch) > 0x7f]
    if not wide:
        return 1.0 if encoding == "gb18030" else 0.0
    if encoding == "gb18030":
        ordinary = sum(1 for ch in wide if _encodes(ch, "gb2312"))
    elif encoding == "big5":
        ordinary = sum(1 for ch in wide if _big5_common(ch))
    else:
        ordinary = sum(1 for ch in wide if "\u3040" <= ch <= "\u30ff")
        ordinary = min(len(wide), ordinary * 3)    # kana are about a third of Japanese text
    return ordinary / len(wide)


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def _big5_common(ch: str) -> bool:
    """Big5 punctuation (lead byte A1–A3) or a level-1 (common) character (A4–C6)."""
    try:
        code = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xa1 <= code[0] <= 0xc6


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text without a BOM has a zero in most odd (LE, ASCII) or even positions — or, for
    Chinese text, in almost none; look at the line breaks, which are ASCII either way."""
    if len(raw) % 2:
        return None
    if raw.count(b"\n\x00") + raw.count(b"\r\x00") > raw.count(b"\x00\n") + raw.count(b"\x00\r"):
        return "utf-16-le"
    if raw.count(b"\x00\n") + raw.count(b"\x00\r"):
        return "utf-16-be"
    return None


def _not_text(name: str) -> FileFormatError:
    return FileFormatError(f"{name}：这不是文本文件（含有二进制内容）。",
                           f"{name}: this is not a text file (it holds binary data).")


# --- Markdown ----------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def markdown_lines(text: str) -> list[Line]:
    """Markdown as lines: # headings give levels, and the markup (emphasis, links, bullets,
    quotes, code fences, table rules) is removed.

    The first heading is the title when no heading is shallower; every later heading of that
    depth is a title too (an attachment's, or the next speech's).  The other depths, in order,
    are levels 1–4.  Comments (``<!-- … -->``) stay as lines, for the cleanup to remove and
    report.
    """
    raw = text.splitlines()
    depths = [len(m.group(1)) for m in map(_MD_HEADING.match, raw) if m]
    first = next((line for line in raw if _MD_HEADING.match(line)), "")
    first_match = _MD_HEADING.match(first)
    title_depth = None
    if first_match and depths and len(first_match.group(1)) == min(depths):
        title_depth = min(depths)
    levels = {depth: n for n, depth in
              enumerate(sorted(set(depths) - {title_depth}), start=1)}
    lines = []
    for line in raw:
        if _MD_FENCE.match(line) or _MD_TABLE_RULE.match(line):
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            depth = len(heading.group(1))
            text_ = _inline(heading.group(2))
            if depth == title_depth:
                lines.append(Line(text_, title=True))
            else:
                level = levels[depth]
                lines.append(Line(text_, level=level if level <= 4 else 0))
            continue
        if _MD_TABLE_ROW.match(line):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            lines.append(Line(_inline("\u3000".join(cell for cell in cells if cell))))
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_BULLET.sub("", line)
        lines.append(Line(_inline(line)))
    return lines


def _inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)
