"""Writing a library pack's YAML fast: the same bytes as PyYAML's emitter, several times sooner.

PyYAML's emitter (even libyaml's) spent 9 s writing a pack of 100,000 snippets, on every
存入素材库: ``yamlfile.dump_pieces`` dumps each snippet in a call of its own, and each call builds
a dumper, represents, serialises and emits.  Nearly every value of a pack is a plain word or a
line of Chinese text, whose YAML is known without asking: this writes those directly, in the
exact form PyYAML gives them (so a file written here and one written by PyYAML are the same
bytes, and ``block_yaml`` reads either).  Anything it is not sure of — a string with an
indicator, a space at an end, a line break or a character YAML escapes, a string PyYAML would
type as a number, a date or a boolean, a snippet with sub-sections — is left to PyYAML: a short
string alone (and remembered: kinds, tags and sources repeat), a snippet with sub-sections or an
unusual text as a whole.  Being unsure costs time, never correctness.
"""

from __future__ import annotations

import re

from ..core.library import PARAGRAPH, Pack, Snippet
from . import yamlfile

# A string written as it is, plain, is one PyYAML writes plain too: no ASCII but letters,
# digits and a few harmless marks, at least one character from the CJK blocks (so no implicit
# type — number, boolean, null, date — can match it) and none YAML treats specially.
_WIDE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\uff61-\uff9f"
_PLAIN = re.compile(f"[A-Za-z0-9_.()/{_WIDE}\u00b7\u2014\u2018\u2019\u201c\u201d\u2026]*"
                    f"[{_WIDE}][A-Za-z0-9_.()/{_WIDE}\u00b7\u2014\u2018\u2019\u201c\u201d\u2026]*")
# A paragraph written as a literal block (``|-``) as it is: one line, no space at its ends,
# no character PyYAML escapes or refuses in a block (controls, NEL, the Unicode line and
# paragraph separators, the byte order mark, surrogates, anything beyond the BMP).
_NOT_IN_LINE = ("\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"
                "\U00010000-\U0010ffff")
_LINE = re.compile(f"[^\\s{_NOT_IN_LINE}](?:[^{_NOT_IN_LINE}]*[^\\s{_NOT_IN_LINE}])?")
# Ids and other ASCII words are plain unless YAML 1.1 reads them as a boolean or null (a word
# starting with a letter can be no number or date).
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_TYPED_WORDS = frozenset(form for word in ("yes", "no", "true", "false", "on", "off", "null")
                         for form in (word, word.capitalize(), word.upper()))
_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_ASKED: dict[str, str | None] = {}   # short strings PyYAML was asked about: their one line
_ASKED_LIMIT = 100_000
BLOCK = 512   # pieces (snippets) encoded at a time by pack_utf8


def _scalar(text: str) -> str | None:
    """The one-line YAML of a string, or None when it takes more than one line."""
    if _PLAIN.fullmatch(text) or (_WORD.fullmatch(text) and text not in _TYPED_WORDS):
        return text
    known = _ASKED.get(text, "")
    if known != "":
        return known
    dumped = yamlfile.dump(text)
    if dumped.endswith("\n...\n"):
        dumped = dumped[:-4]
    # One line, and no character that YAML takes for a line break either.
    line = dumped[:-1] if dumped.count("\n") == 1 and not _BREAKS.search(dumped) else None
    if len(text) <= 64 and len(_ASKED) < _ASKED_LIMIT:
        _ASKED[text] = line
    return line


def _snippet(snippet: Snippet) -> str | None:
    """The YAML of one snippet as an item of the pack's list, or None to let PyYAML write it."""
    if snippet.children:
        return None
    scalar = _scalar
    snippet_id = scalar(snippet.id)
    if snippet_id is None:
        return None
    out = [f"- id: {snippet_id}\n  level: "
           f"{'paragraph' if snippet.level == PARAGRAPH else snippet.level}\n"]
    if snippet.kind:
        kind = scalar(snippet.kind)
        if kind is None:
            return None
        out.append(f"  kind: {kind}\n")
    if snippet.tags:
        out.append("  tags:\n")
        for tag in snippet.tags:
            value = scalar(tag)
            if value is None:
                return None
            out.append(f"  - {value}\n")
    if snippet.level != PARAGRAPH:
        heading = scalar(snippet.heading)
        if heading is None:
            return None
        out.append(f"  heading: {heading}\n")
    if snippet.run_in:
        out.append("  run_in: true\n")
    if snippet.paragraphs:
        out.append("  paragraphs:\n")
        line = _LINE.fullmatch
        for paragraph in snippet.paragraphs:
            if not line(paragraph):
                return None
            out.append(f"  - |-\n    {paragraph}\n")
    else:
        out.append("  paragraphs: []\n")
    if snippet.source_file or snippet.source_title:
        source_file, title = scalar(snippet.source_file), scalar(snippet.source_title)
        if source_file is None or title is None:
            return None
        out.append(f"  source:\n    file: {source_file}\n    speech: {title}\n")
    return "".join(out)


def pack_text(pack: Pack) -> str:
    """The YAML of a pack, the same text as ``yamlfile.dump(library_file.pack_to_data(pack))``."""
    return "".join(pack_pieces(pack))


def pack_utf8(pack: Pack) -> bytes:
    """:func:`pack_text` as UTF-8, encoded a block of pieces at a time.  This runs on a worker
    while the window draws, and every call into C holds the interpreter, the window's thread
    waiting: one join and one encode of a 64 MB text take about 100 ms, and even a join of the
    100,000 encoded pieces 15 ms (gathering the pieces and freeing them).  A block of
    :data:`BLOCK` pieces is well under a millisecond; the final join of the blocks copies with
    the interpreter released."""
    pieces = pack_pieces(pack)
    return b"".join(["".join(pieces[start:start + BLOCK]).encode("utf-8")
                     for start in range(0, len(pieces), BLOCK)])


def pack_pieces(pack: Pack) -> list[str]:
    """:func:`pack_text` in pieces (one per snippet), to be joined."""
    from .library_file import FORMAT, _snippet_data
    name = _scalar(pack.name)
    if name is None:
        name_piece = yamlfile.dump({"name": pack.name})
    else:
        name_piece = f"name: {name}\n"
    if not pack.snippets:
        return [f"format: {FORMAT}\n{name_piece}snippets: []\n"]
    pieces = [f"format: {FORMAT}\n", name_piece, "snippets:\n"]
    for snippet in pack.snippets:
        piece = _snippet(snippet)
        if piece is None:
            piece = yamlfile.dump([_snippet_data(snippet)])
            if piece.endswith("\n...\n") and snippet is not pack.snippets[-1]:
                # Only a document's last piece may close with a document end marker (a text
                # keeping its final line breaks): such a pack is written by PyYAML in one go.
                from .library_file import pack_to_data
                return [yamlfile.dump(pack_to_data(pack))]
        pieces.append(piece)
    return pieces
