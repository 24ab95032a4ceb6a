"""Reading the paragraphs of a .docx: their text, heading levels and list numbers.

The file is opened with python-docx, but only after the archive has been checked from its bytes:
it must be a complete zip holding ``word/document.xml``, and the sizes its directory declares must
be sane (a "zip bomb" — a small file that unpacks to gigabytes — is refused from the directory
alone), and the XML parts read here may hold no DOCTYPE (no entity tricks).  Anything python-docx
or the zip and XML layers below it cannot parse (an unknown compression method, an XML
declaration naming an unknown encoding, a missing part) becomes ``FileFormatError``.

What is read, in document order:

* **Each Word paragraph is one paragraph** (``Line.hard``): the cleanup never joins two of them.
  A manual line break inside a paragraph starts a new line of the same paragraph.  Tracked
  deletions are left out, insertions kept; text boxes are read once (not their fallback copy).
* **Tables** become one line per row, the cells separated by an ideographic space.
* **Outline level**: the paragraph's own ``w:outlineLvl``, else its style's (following
  ``basedOn``), else a built-in style name 「heading 1」…「heading 4」 / 「标题 1」…; the Title
  style marks a title.
* **Automatic list numbers** (``numbering.xml``) are written out in front of the text as Word shows
  them (「一、」「（一）」「1.」), so that the marker rules see what the reader sees.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..core.cleanup import Line
from ..core.errors import FileFormatError
from ..core.numbering import chinese_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

MAX_UNPACKED = 256 * 1024 * 1024      # all members together
MAX_MEMBER = 128 * 1024 * 1024        # any one member
MAX_RATIO = 200                       # unpacked / packed, for members over 1 MB
_CHECKED_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")

_HEADING_NAME = re.compile(r"^(heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CELL_SEPARATOR = "\u3000"


def read_docx(raw: bytes, name: str) -> list[Line]:
    check_archive(raw, name)
    try:
        import docx     # python-docx; imported here so that starting the program stays fast
        document = docx.Document(io.BytesIO(raw))
        body = document.element.body
        styles = _Styles(_part_element(document.part, "styles"))
        numbering = _Numbering(_part_element(document.part, "numbering"))
        lines: list[Line] = []
        for kind, element in _blocks(body):
            if kind == "p":
                lines.extend(_lines(element, styles, numbering))
            else:
                lines.extend(_table_rows(element))
    except RecursionError:
        raise _damaged(name, "嵌套层次过深", "nested too deeply") from None
    except MemoryError:
        raise _damaged(name, "内容过大", "too large") from None
    except FileFormatError:
        raise
    # python-docx, lxml and zipfile raise many kinds of errors for damaged input (KeyError for a
    # missing part, NotImplementedError for an unknown compression, LookupError for an unknown
    # XML encoding, XMLSyntaxError, ValueError …): all of them mean "cannot be read" to a user.
    except Exception:
        raise _damaged(name, "无法解析", "cannot be parsed") from None
    return lines


def _damaged(name: str, why_zh: str, why_en: str) -> FileFormatError:
    return FileFormatError(f"{name}：Word 文档已损坏，无法读取（{why_zh}）。",
                           f"{name}: the Word document is damaged and cannot be read ({why_en}).")


def check_archive(raw: bytes, name: str) -> None:
    """Refuse what is not a sane .docx before any parser sees it (see the module docstring)."""
    if not raw:
        raise FileFormatError(f"{name}：文件是空的。", f"{name}: the file is empty.")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileFormatError(
            f"{name}：这是旧版 Word（.doc）文件，请把扩展名改为 .doc 再导入，或在 Word、WPS 中另存为 .docx。",
            f"{name}: this is an old Word (.doc) file; rename it to .doc to import it, or save "
            "it as .docx in Word or WPS.")
    if not raw.startswith(b"PK"):
        raise FileFormatError(f"{name}：不是 Word 文档（.docx 应当是 zip 压缩包）。",
                              f"{name}: not a Word document (a .docx is a zip archive).")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _damaged(name, "压缩包不完整", "incomplete zip archive") from None
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    for info in infos:
        too_packed = info.file_size > 1024 * 1024 and \
            info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER or too_packed:
            raise FileFormatError(
                f"{name}：文件解压后异常巨大（{info.filename}），可能是恶意文件，没有打开。",
                f"{name}: unpacks to an abnormal size ({info.filename}); possibly hostile, "
                "not opened.")
    if total > MAX_UNPACKED:
        raise FileFormatError(f"{name}：文件解压后超过 {MAX_UNPACKED // 2**20} MB，没有打开。",
                              f"{name}: unpacks to over {MAX_UNPACKED // 2**20} MB; not opened.")
    if "word/document.xml" not in archive.namelist():
        raise FileFormatError(f"{name}：不是 Word 文档（缺少 word/document.xml）。",
                              f"{name}: not a Word document (no word/document.xml).")
    for member in _CHECKED_PARTS:
        if member in archive.namelist():
            _check_member(archive, member, name)


def _check_member(archive: zipfile.ZipFile, member: str, name: str) -> None:
    info = archive.getinfo(member)
    try:
        # Never unpack more than the directory declared (and checked): a member that lies
        # about its size fails its checksum after that many bytes, not after gigabytes.
        with archive.open(info) as handle:
            data = handle.read(info.file_size)
            if handle.read(1):
                raise zipfile.BadZipFile("larger than declared")
    # zipfile raises NotImplementedError for a compression method it lacks, RuntimeError for an
    # encrypted member: both are damaged input to us, not unfinished code.
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError, MemoryError):
        raise _damaged(name, f"{member} 无法解压", f"{member} cannot be unpacked") from None
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise _damaged(name, f"{member} 含有 DOCTYPE 声明", f"{member} holds a DOCTYPE")


def _part_element(document_part, which: str):
    """The root element of the styles or numbering part, or None when the document has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    reltype = RT.STYLES if which == "styles" else RT.NUMBERING
    for rel in document_part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is None:     # a part python-docx does not load as XML
                from lxml import etree  # type: ignore[import-untyped]
                element = etree.fromstring(rel.target_part.blob,
                                           etree.XMLParser(resolve_entities=False))
            return element
    return None


def _blocks(element):
    """("p", w:p) and ("tbl", w:tbl) under element in reading order; text boxes once."""
    for child in element:
        tag = child.tag
        if tag == MC_FALLBACK:
            continue
        if tag == f"{W}p":
            yield "p", child
            for box_paragraph in _paragraphs_in_boxes(child):
                yield "p", box_paragraph
        elif tag == f"{W}tbl":
            yield "tbl", child
        elif isinstance(tag, str):
            yield from _blocks(child)


def _paragraphs_in_boxes(element):
    for child in element:
        if child.tag == MC_FALLBACK:
            continue
        if isinstance(child.tag, str) and child.tag.endswith("}txbxContent"):
            for kind, paragraph in _blocks(child):
                if kind == "p":
                    yield paragraph
        else:
            yield from _paragraphs_in_boxes(child)


def _text(element) -> str:
    parts: list[str] = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in (f"{W}p", f"{W}pPr", f"{W}rPr", f"{W}del",
                                               MC_FALLBACK) or tag.endswith("}txbxContent"):
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        else:
            parts.append(_text(child))
    return "".join(parts)


def _lines(paragraph, styles: _Styles, numbering: _Numbering) -> list[Line]:
    ppr = paragraph.find(f"{W}pPr")
    style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
    level, is_title = styles.level(style_id)
    own_level = _int(_val(ppr.find(f"{W}outlineLvl")), high=9) if ppr is not None else None
    if own_level is not None:
        level = own_level + 1
    if level is not None and not 1 <= level <= 4:
        level = None
    num_id, ilvl = _num_pr(ppr) if ppr is not None else (None, None)
    if num_id is None:
        num_id, ilvl = styles.numbering(style_id)
    text = _text(paragraph)
    prefix = numbering.next_label(num_id, ilvl) if num_id else ""
    pieces = (prefix + text).split("\n")
    lines = [Line(pieces[0], level or 0, is_title)]
    lines.extend(Line(piece) for piece in pieces[1:])
    lines[-1].hard = True
    return lines


def _table_rows(table) -> list[Line]:
    """One line per table row (nested tables give their own rows after their cell's row)."""
    rows: list[Line] = []
    for row in table.iter(f"{W}tr"):
        if _enclosing_table(row) is not table:
            continue
        cells = []
        for cell in row.findall(f"{W}tc"):
            texts = [_text(p).replace("\n", " ") for p in cell.findall(f"{W}p")]
            cells.append(" ".join(t.strip() for t in texts if t.strip()))
        line = Line(_CELL_SEPARATOR.join(c for c in cells if c))
        line.hard = True
        rows.append(line)
        for cell in row.findall(f"{W}tc"):
            for nested in cell.findall(f"{W}tbl"):
                rows.extend(_table_rows(nested))
    return rows


def _enclosing_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


_INTEGER = re.compile(r"-?[0-9]{1,6}")
# Word's own limit for list numbers and levels; anything outside is treated as absent.
_MAX_NUMBER = 32767


def _int(value: str | None, default: int | None = None, low: int = 0,
         high: int = _MAX_NUMBER) -> int | None:
    """An attribute as an integer in a sane range (ASCII digits only), else the default."""
    if value is None or not _INTEGER.fullmatch(value):
        return default
    number = int(value)
    return number if low <= number <= high else default


def _val(element) -> str | None:
    return None if element is None else element.get(f"{W}val")


def _num_pr(ppr) -> tuple[str | None, int | None]:
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return None, None
    num_id = _val(num_pr.find(f"{W}numId"))
    ilvl = _val(num_pr.find(f"{W}ilvl"))
    if not num_id or num_id == "0":
        return None, None
    return num_id, _int(ilvl, 0, high=8)


class _Styles:
    def __init__(self, root):
        self._styles: dict[str, dict] = {}
        self._default: str | None = None
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            if style.get(f"{W}type") != "paragraph":
                continue
            style_id = style.get(f"{W}styleId")
            ppr = style.find(f"{W}pPr")
            outline = _int(_val(ppr.find(f"{W}outlineLvl")), high=9) if ppr is not None else None
            num_id, ilvl = _num_pr(ppr) if ppr is not None else (None, None)
            self._styles[style_id] = {
                "name": (_val(style.find(f"{W}name")) or "").strip(),
                "based_on": _val(style.find(f"{W}basedOn")),
                "outline": outline + 1 if outline is not None else None,
                "num": (num_id, ilvl),
            }
            if style.get(f"{W}default") in ("1", "true"):
                self._default = style_id

    def _chain(self, style_id: str | None):
        seen = set()
        style_id = style_id or self._default
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            yield self._styles[style_id]
            style_id = self._styles[style_id]["based_on"]

    def level(self, style_id: str | None) -> tuple[int | None, bool]:
        for style in self._chain(style_id):
            if style["name"].lower() in _TITLE_NAMES:
                return None, True
            heading = _HEADING_NAME.match(style["name"])
            if heading:
                return int(heading.group(2)), False
            if style["outline"] is not None:
                return style["outline"], False
        return None, False

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self._chain(style_id):
            if style["num"][0]:
                return style["num"]
        return None, None


class _Numbering:
    """Counts list items as Word does and writes their labels (「一、」「（一）」「1.」)."""

    def __init__(self, root):
        self._abstract: dict[str | None, dict[int, tuple[int, str, str]]] = {}
        self._nums: dict[str | None, tuple[str | None, dict[int, int]]] = {}
        self._counters: dict[str | None, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, tuple[int, str, str]] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                first = _int(_val(lvl.find(f"{W}start")), 1)
                ilvl = _int(lvl.get(f"{W}ilvl", "0"), high=8)
                if ilvl is None:
                    continue
                levels[ilvl] = (
                    first if first is not None else 1,
                    _val(lvl.find(f"{W}numFmt")) or "decimal",
                    _val(lvl.find(f"{W}lvlText")) or "")
            self._abstract[abstract.get(f"{W}abstractNumId")] = levels
        for num in root.iter(f"{W}num"):
            overrides: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                restart = _int(_val(override.find(f"{W}startOverride")))
                ilvl = _int(override.get(f"{W}ilvl", "0"), high=8)
                if restart is not None and ilvl is not None:
                    overrides[ilvl] = restart
            self._nums[num.get(f"{W}numId")] = (_val(num.find(f"{W}abstractNumId")), overrides)

    def next_label(self, num_id: str, ilvl: int | None) -> str:
        ilvl = ilvl or 0
        abstract_id, overrides = self._nums.get(num_id, (None, {}))
        levels = self._abstract.get(abstract_id or "", {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, template = levels[ilvl][1], levels[ilvl][2]
        if fmt in ("bullet", "none"):
            return ""

        def label(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            value = counters.get(k, levels.get(k, (1,))[0])
            return _format(value, levels.get(k, (1, fmt, ""))[1])

        return re.sub(r"%([1-9])", label, template)


def _format(value: int, fmt: str) -> str:
    if not 1 <= value <= _MAX_NUMBER:
        return str(value)
    if fmt.startswith(("chineseCounting", "chineseLegal", "ideograph", "taiwaneseCounting",
                       "japaneseCounting")):
        return chinese_numeral(min(value, 99999))
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(value).translate(_FULL_WIDTH)
    if fmt.startswith("decimalEnclosedCircle") and value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26) * (1 + (value - 1) // 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                            (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                            (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out
