"""A fast reader for the part of YAML the program writes, with PyYAML as the judge.

PyYAML's C parser still builds a node object per value, and its constructor is Python: a pack of
10,000 snippets takes about a second to read, one of 100,000 more than ten, and 1.3 GB.  The
files the program writes use a small part of YAML: block mappings and sequences (one document,
two-space indentation), plain, single- and double-quoted scalars on one line, literal block
scalars (``|``, ``|-``, ``|+``, with or without an indentation digit), and ``[]`` / ``{}``.
:func:`parse` reads exactly that part, line by line, and returns the same data PyYAML's safe
loader would.  For anything else — an anchor, a tag, a flow collection, a folded or multi-line
scalar, a tab, a duplicate key, an odd indentation, a character YAML refuses — it raises
:class:`NotBlockYaml` without trying further, and the caller reads the file with PyYAML, which
also names the line and column of any error.  A file edited by hand usually stays inside this
part; one that does not is read the slower way, never wrongly.

Plain scalars are typed as PyYAML types them (its own resolver: ``1`` is an int, ``true`` a
bool, ``~`` null …); only the types the program's files can hold are built here (str, int,
float, bool, null); a date or any other type is left to PyYAML.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Any

from yaml import ScalarNode
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

__all__ = ["NotBlockYaml", "parse"]


class NotBlockYaml(Exception):
    """The text uses YAML this reader leaves to PyYAML."""


# Characters PyYAML's reader refuses (it raises), line breaks other than \n (YAML breaks lines
# at them too; str.split("\n") would not) and a byte order mark inside the text.
_REFUSED = re.compile("[^\x09\x0A\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD"
                      "\U00010000-\U0010FFFF]")
_LONE_CR = re.compile("\r(?!\n)")
_KEY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SINGLE = re.compile(r"'((?:[^']|'')*)'$")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"$')
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_BLOCK = re.compile(r"\|(?:([1-9])([+-]?)|([+-])([1-9])?)?$")
_ESCAPES = {"0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b",
            "f": "\x0c", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
            "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
# The first characters YAML gives a meaning at the start of a plain scalar (indicators).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")

_STR = "tag:yaml.org,2002:str"
_BUILT = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
          "tag:yaml.org,2002:null"}
# PyYAML's implicit types by first character, each list ending with those for any character.
_ANY_FIRST: list = Resolver.yaml_implicit_resolvers.get(None, [])
_RESOLVERS = {first: found + _ANY_FIRST
              for first, found in Resolver.yaml_implicit_resolvers.items() if first is not None}
_CONSTRUCTOR = SafeConstructor()


def parse(text: str) -> Any:
    """The data of a YAML document in the program's own block style; NotBlockYaml otherwise."""
    if "\r" in text:
        if _LONE_CR.search(text):
            raise NotBlockYaml
        text = text.replace("\r\n", "\n")  # YAML reads a CR LF line break as LF
    if not text.endswith("\n"):
        raise NotBlockYaml
    lines: list[str] = []
    for piece in _pieces(text):
        if _REFUSED.search(piece):
            raise NotBlockYaml
        lines.extend(piece.split("\n")[:-1])   # every piece ends with a line break
    return _Reader(lines).document()


# Characters (or lines) one call into C is given at a time.  A pack of 100,000 snippets is 64 MB:
# one search, split or strip of all of it holds the interpreter for 120-180 ms, the window's
# thread waiting meanwhile (the pack is read on a worker); a piece takes about a millisecond.
PIECE = 1 << 18
LINES = 5_000


def _pieces(text: str):
    """The text, cut after a line break about every PIECE characters."""
    start, end_of_text = 0, len(text)
    while start < end_of_text:
        end = text.find("\n", min(start + PIECE, end_of_text - 1)) + 1 or end_of_text
        yield text[start:end]
        start = end


def _plain(value: str, cache: dict[str, Any]) -> Any:
    """A plain scalar, typed by PyYAML's own rules."""
    known = cache.get(value)
    if known is not None or value in cache:
        return known
    first = value[0]
    if (first in _INDICATORS and not (first == "-" and value[1:2] not in ("", " "))) \
            or ": " in value or " #" in value or value[-1] in " :" or "\t" in value:
        raise NotBlockYaml
    tag = _STR
    for candidate, pattern in _RESOLVERS.get(first, _ANY_FIRST):
        if pattern.match(value):
            tag = candidate
            break
    if tag == _STR:
        result: Any = value
    elif tag in _BUILT:
        result = SafeConstructor.yaml_constructors[tag](_CONSTRUCTOR, ScalarNode(tag, value))
    else:
        raise NotBlockYaml  # a date, a merge key …: PyYAML's business
    if len(value) <= 64:  # kinds, tags, levels, sources repeat: one object for each
        cache[value] = result
    return result


def _double(body: str) -> str:
    if "\\" not in body:
        return body

    def escape(match: re.Match) -> str:
        hexa = match.group(1) or match.group(2) or match.group(3)
        if hexa is not None:
            code = int(hexa, 16)
            # libyaml refuses surrogates and code points beyond Unicode.
            if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                raise NotBlockYaml
            return chr(code)
        replaced = _ESCAPES.get(match.group(4))
        if replaced is None:
            raise NotBlockYaml
        return replaced
    return _ESCAPE.sub(escape, body)


_MISSING = object()


class _Reader:
    """One pass over the lines with a stack of open collections (no recursion: deep files do
    not reach Python's recursion limit; and few calls per line, which is what costs)."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.stripped: list[str] = []
        for start in range(0, len(lines), LINES):   # see PIECE
            self.stripped.extend(map(str.lstrip, lines[start:start + LINES], repeat(" ")))
        self.cache: dict[str, Any] = {}
        self.headers: dict[str, tuple[int, str]] = {}   # block scalar header → (digit, chomp)

    def document(self) -> Any:
        lines = self.lines
        cache = self.cache
        keys: set[str] = set()            # key texts already found to be plain string keys
        stripped = self.stripped
        count = len(lines)
        # The open collections, innermost last, with the column of their keys or dashes.
        columns: list[int] = []
        opened: list[Any] = []
        root: Any = _MISSING
        # A key or dash with nothing after it on its line: its value is on the next lines.
        pending: tuple[Any, Any, int, bool] | None = None  # (into, key, column, indentless)
        i = 0
        while i < count:
            text = stripped[i]
            if not text or text[0] == "#":
                i += 1
                continue
            line = lines[i]
            indent = len(line) - len(text)
            first = text[0]
            dash = first == "-" and (text[1:2] == " " or len(text) == 1)
            if pending is not None:
                into, slot, column, indentless = pending
                pending = None
                if indent > column or (indentless and dash and indent == column):
                    value: Any = [] if dash else {}
                    into[slot] = value
                    columns.append(indent)
                    opened.append(value)
            elif root is _MISSING:
                if indent:
                    raise NotBlockYaml
                root = [] if dash else {}
                columns.append(0)
                opened.append(root)
            while columns and columns[-1] > indent:
                columns.pop()
                opened.pop()
            if not columns or columns[-1] != indent or first == "\t":
                raise NotBlockYaml  # a continuation line, an indentation nothing opened, a tab
            into = opened[-1]
            if into.__class__ is list:
                if not dash:
                    # The end of a sequence written at its mapping's column (indentless).
                    columns.pop()
                    opened.pop()
                    if not columns or columns[-1] != indent or opened[-1].__class__ is not dict:
                        raise NotBlockYaml
                    into = opened[-1]
                else:
                    text = text[1:].lstrip(" ")
                    if not text:
                        into.append(None)
                        pending = (into, len(into) - 1, indent, False)
                        i += 1
                        continue
                    first = text[0]
                    if first == "\t" or (first == "-" and (text[1:2] == " " or len(text) == 1)):
                        raise NotBlockYaml  # a sequence in a sequence: not written by the program
                    colon = text.find(": ")
                    if colon < 0 and text[-1] == ":":
                        colon = len(text) - 1
                    if colon <= 0 or not self.is_key(text[:colon], keys):
                        value = cache.get(text, _MISSING)
                        if value is _MISSING:
                            i, value = self.inline(text, indent, i + 1)
                        else:
                            i += 1
                        into.append(value)
                        continue
                    # A mapping that starts on the dash's line, its keys in the column after.
                    mapping: dict = {}
                    into.append(mapping)
                    into = mapping
                    columns.append(len(line) - len(text))
                    opened.append(mapping)
                    dash = False
            if dash:
                raise NotBlockYaml  # a dash among the keys of a mapping
            colon = text.find(": ")
            if colon > 0:
                key = text[:colon]
                rest = text[colon + 2:]
                if rest[:1] == " ":
                    rest = rest.lstrip(" ")
            elif text[-1] == ":":
                key, rest = text[:-1], ""
            else:
                raise NotBlockYaml
            if (key not in keys and not self.is_key(key, keys)) or key in into:
                raise NotBlockYaml  # not a plain text key, or a duplicate (PyYAML names its line)
            if not rest:
                into[key] = None
                pending = (into, key, columns[-1], True)
                i += 1
                continue
            value = cache.get(rest, _MISSING)
            if value is _MISSING:
                i, value = self.inline(rest, columns[-1], i + 1)
            else:
                i += 1
            into[key] = value
        if root is _MISSING:
            raise NotBlockYaml
        return root

    def is_key(self, key: str, keys: set[str]) -> bool:
        """Whether a key is one this reader takes: a name that YAML reads as text (true, null …
        are not)."""
        if key in keys:
            return True
        if not _KEY_NAME.fullmatch(key) or not isinstance(_plain(key, self.cache), str):
            return False
        keys.add(key)
        return True

    def inline(self, text: str, owner: int, after: int) -> tuple[int, Any]:
        """(the next line to read, the value written after a key or dash).  owner is the column
        of that key or dash; a block scalar's lines start at line after."""
        first = text[0]
        if first == "|":
            return self.block(text, owner, after)
        if first == "'":
            match = _SINGLE.match(text)
            if match is None:
                raise NotBlockYaml
            return after, match.group(1).replace("''", "'")
        if first == '"':
            match = _DOUBLE.match(text)
            if match is None:
                raise NotBlockYaml
            return after, _double(match.group(1))
        if text == "[]":
            return after, []
        if text == "{}":
            return after, {}
        known = self.cache.get(text, _MISSING)
        return after, (_plain(text, self.cache) if known is _MISSING else known)

    def block(self, header: str, owner: int, start: int) -> tuple[int, str]:
        """A literal block scalar whose lines start at line start."""
        parsed = self.headers.get(header)
        if parsed is None:
            match = _BLOCK.match(header)
            if match is None:
                raise NotBlockYaml
            parsed = self.headers[header] = (int(match.group(1) or match.group(4) or 0),
                                             match.group(2) or match.group(3) or "")
        digit, chomp = parsed
        lines, stripped = self.lines, self.stripped
        count = len(lines)
        if digit:
            indent = owner + digit
        else:
            if start == count:
                raise NotBlockYaml
            first = lines[start]
            indent = len(first) - len(stripped[start])
            if indent <= owner or not stripped[start]:
                raise NotBlockYaml  # empty, or starting with blank lines: leave it to PyYAML
            after = start + 1
            if chomp != "+" and (after == count or (
                    stripped[after] and len(lines[after]) - len(stripped[after]) < indent)):
                # One line, the next one less indented and not blank: most paragraphs.
                return after, first[indent:] if chomp == "-" else first[indent:] + "\n"
        pad = " " * indent
        content: list[str] = []
        breaks = 0          # blank lines seen after the last content line
        i = start
        while i < len(lines):
            line = lines[i]
            if len(line) <= indent and not line.strip(" "):
                breaks += 1     # an empty line (spaces beyond the indentation would be text)
            elif line.startswith(pad):
                if breaks:
                    content.extend([""] * breaks)
                    breaks = 0
                content.append(line[indent:])
            else:
                break
            i += 1
        if not content:
            raise NotBlockYaml
        if chomp == "+":
            return i, "\n".join(content) + "\n" * (breaks + 1)
        text = "\n".join(content)
        # Trailing blank lines are not part of the value: read on from the first of them.
        return i - breaks, (text if chomp == "-" else text + "\n")
