"""Loading and dumping the project's YAML files (speeches, library packs, profiles).

Only safe loading: a tag that would construct a Python object (``!!python/object``, or any tag
the safe loader does not know) is refused with an error, never executed.  Errors name the file,
the line and the column.  Dumping writes paragraphs as block scalars so files read and diff well.
"""

from __future__ import annotations

import os
from typing import Any

import yaml

from ..core.errors import FileFormatError, one_line
from . import files

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Larger YAML files are refused before parsing (a 10,000-snippet library is about 5 MB).
MAX_BYTES = 64 * 1024 * 1024


class Document:
    """A parsed YAML file: its data, plus the node tree to point at the line of a bad value."""

    def __init__(self, path: str, data: Any, node: yaml.Node | None):
        self.path = path
        self.data = data
        self.node = node

    def where(self, keys: tuple, at_key: bool = False) -> str:
        """'line:column' of the value at a key path like ("body", 2, "heading"), or of the
        key itself with at_key."""
        node = self.node
        for depth, key in enumerate(keys):
            last = depth == len(keys) - 1
            node = _child(node, key, want_key=at_key and last)
            if node is None:
                return ""
        if node is None:  # a file holding only comments has no node at all
            return ""
        mark = node.start_mark
        return f"{mark.line + 1}:{mark.column + 1}"

    def error(self, keys: tuple, zh: str, en: str, at_key: bool = False) -> FileFormatError:
        """A FileFormatError located at a key path."""
        position = self.where(keys, at_key)
        at = f"{self.path}:{position}" if position else self.path
        dotted = _dotted(keys)
        if dotted:
            return FileFormatError(f"{at}：{dotted} {zh}", f"{at}: {dotted} {en}")
        return FileFormatError(f"{at}：{zh}", f"{at}: {en}")


def _child(node: yaml.Node | None, key: Any, want_key: bool = False) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return key_node if want_key else value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def _dotted(keys: tuple) -> str:
    out = ""
    for key in keys:
        out += f"[{key + 1}]" if isinstance(key, int) else (("." if out else "") + str(key))
    return out


def load(path: str | os.PathLike) -> Document:
    """Read and safely parse a YAML file; errors name file, line and column."""
    name = os.fspath(path)
    raw = files.read_bytes(name, limit=MAX_BYTES)
    return parse(raw, name)


def parse(raw: bytes, name: str) -> Document:
    if not raw.strip():
        raise FileFormatError(f"{name}：文件是空的。", f"{name}: the file is empty.")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(f"{name}：这不是文本文件。", f"{name}: this is not a text file.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(
            f"{name}：不是 UTF-8 编码的文本（第 {error.start} 字节）。",
            f"{name}: not UTF-8 text (byte {error.start}).") from None
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_nodes(node, name)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = one_line(error.problem or "")
        if "constructor" in problem or (error.problem and "tag" in problem):
            raise FileFormatError(
                f"{where}：含有不允许的 YAML 标签（{_tag(error)}），文件没有被打开。",
                f"{where}: a YAML tag that is not allowed ({_tag(error)}); the file was not opened."
            ) from None
        raise FileFormatError(f"{where}：YAML 格式错误：{_problem_zh(error)}",
                              f"{where}: malformed YAML: {problem}") from None
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow in a file (NUL, BEL …): say which, and where.
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        where = f"{name}:{line}:{column}"
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        raise FileFormatError(f"{where}：含有文本文件里不允许的控制字符（{code}），文件没有被打开。",
                              f"{where}: a control character that text files may not hold "
                              f"({code}); the file was not opened.") from None
    except yaml.YAMLError as error:
        reason = one_line(str(error))
        raise FileFormatError(f"{name}：YAML 格式错误：{reason}",
                              f"{name}: malformed YAML: {reason}") from None
    finally:
        loader.dispose()
    return Document(name, data, node)


# Aliases (``*name``) repeat an earlier part of the file by reference.  Nested a few times, a file
# of a few hundred bytes stands for millions of sections and hangs the program while it builds
# them ("billion laughs").  The program's own files never contain aliases, so a little growth is
# allowed for hand-written files and anything beyond it is refused before anything is built.
MAX_ALIAS_GROWTH = 100_000


def _check_nodes(root: yaml.Node, name: str) -> None:
    """Refuse duplicate keys (YAML would silently keep only the last one, dropping the text of
    the first) and aliases that are recursive or expand the document too much."""
    # The expanded size of every collection node, computed once per node, depth first and
    # without recursion (deep files must not hit Python's recursion limit).  A collection node
    # reached twice is an alias; scalars count one per occurrence (repeating a scalar costs as
    # many bytes of file as it adds).
    if isinstance(root, yaml.ScalarNode):
        return
    size: dict[int, int] = {}
    written = 0        # nodes as written in the file
    path: set[int] = set()
    stack: list = [root]
    while stack:
        node = stack.pop()
        if node is None:   # marker: the collection below it on the stack has all its sizes
            node = stack.pop()
            path.discard(id(node))
            children = _children(node)
            total = 1 + sum(size.get(id(c), 1) for c in children)
            size[id(node)] = total
            if total - written > MAX_ALIAS_GROWTH:
                raise _node_error(name, node, "别名（*）展开后内容过多，文件没有被打开。",
                                  "aliases (*) expand to too much content; "
                                  "the file was not opened.")
            continue
        key = id(node)
        if key in size:
            continue  # an alias of a collection already measured
        if key in path:
            raise _node_error(name, node, "含有循环引用的别名（*），文件没有被打开。",
                              "a recursive alias (*); the file was not opened.")
        path.add(key)
        children = _children(node)
        written += 1 + sum(1 for c in children if isinstance(c, yaml.ScalarNode))
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node, name)
        stack.append(node)
        stack.append(None)
        stack.extend(c for c in children if not isinstance(c, yaml.ScalarNode))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return node.value


def _refuse_duplicate_keys(node: yaml.MappingNode, name: str) -> None:
    seen: set[tuple[str, str]] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key = (key_node.tag, key_node.value)
            if key in seen:
                raise _node_error(name, key_node,
                                  f"“{key_node.value}”出现了两次（后一个会覆盖前一个的内容）。",
                                  f"{key_node.value!r} appears twice (the second would replace the "
                                  "first).")
            seen.add(key)


def _node_error(name: str, node: yaml.Node, zh: str, en: str) -> FileFormatError:
    mark = node.start_mark
    where = f"{name}:{mark.line + 1}:{mark.column + 1}"
    return FileFormatError(f"{where}：{zh}", f"{where}: {en}")


# PyYAML's problems (the C and the Python parser say the same), in the writer's words: the
# Chinese message must not carry the parser's English.  A problem not listed gets the general
# advice; the English message keeps PyYAML's own words.
_PROBLEMS_ZH = (
    ("did not find expected ',' or ']'", "方括号 [ ] 没有配对，或各项之间缺少逗号"),
    ("did not find expected ',' or '}'", "花括号 { } 没有配对，或各项之间缺少逗号"),
    ("mapping values are not allowed", "这里不能有冒号：缩进不对，或一行里有两个“键: 值”"
                                       "（含冒号的文字请加引号，或写成 | 下的段落）"),
    ("did not find expected '-' indicator", "列表项的缩进不一致，或列表里混进了“键: 值”"),
    ("did not find expected key", "缩进不一致，或上一行缺少冒号"),
    ("could not find expected ':'", "缺少冒号"),
    ("found character that cannot start any token", "这里的字符不能开始一项（制表符请换成空格）"),
    ("found a tab character", "用了制表符缩进，请换成空格"),
    ("found unexpected end of stream", "引号没有配对，文件在引号里结束了"),
    ("found unknown escape character", "双引号里有不认识的反斜杠转义（\\ 要写两次）"),
    ("found undefined alias", "用了没有定义的别名（*名字）"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected node content", "这里缺少内容"),
    ("did not find expected <document start>", "缩进不一致，或一行里多了内容"),
    ("expected a comment or a line break", "引号结束后同一行还有别的内容"),
    ("but found another document", "一个文件里只能有一份内容（去掉多出的 --- 分隔线）"),
    ("found unhashable key", "键不能是列表或映射"),
)


def _problem_zh(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    for english, chinese in _PROBLEMS_ZH:
        if problem.startswith(english):
            return chinese + "。"
    return "请检查这一行的缩进、冒号和引号。"


def _tag(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    start = problem.find("tag:")
    return problem[start:].split("'")[0].strip() if start >= 0 else problem


def check_format(doc: Document, kind_zh: str, kind_en: str, current: int) -> None:
    """Refuse files that are not a mapping with a known ``format:`` version."""
    if not isinstance(doc.data, dict):
        raise doc.error((), f"不是{kind_zh}文件（顶层应当是键值对）。",
                        f"not a {kind_en} file (the top level must be a mapping).")
    version = doc.data.get("format")
    if version is None:
        raise doc.error((), f"不是{kind_zh}文件（缺少 format: 版本号）。",
                        f"not a {kind_en} file (no format: version).")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise doc.error(("format",), "应当是正整数版本号。", "must be a positive integer version.")
    if version > current:
        raise doc.error(("format",),
                        f"是第 {version} 版格式，比本程序支持的第 {current} 版新，请升级讲稿编排。",
                        f"is format version {version}, newer than this program's {current}; "
                        "please upgrade Speech Composer.")


# --- dumping ---------------------------------------------------------------------------------

class _Dumper(Dumper):  # type: ignore[valid-type,misc]  # the C dumper where PyYAML has it
    pass


class Block(str):
    """A string that should be written as a literal block scalar (a paragraph)."""


def _represent_block(dumper: yaml.Dumper, value: Block) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")


_Dumper.add_representer(Block, _represent_block)


def dump(data: Any) -> str:
    """YAML text for data; wrap paragraph strings in Block to get block scalars."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=1_000_000, default_flow_style=False, indent=2)


def dump_pieces(data: Any) -> list[str]:
    """The text of ``dump(data)``, in pieces: each top-level key, and each item of a top-level
    list (a section of a speech, a snippet of a pack) on its own.

    Saves run on a worker thread while the writer types on (ui/background_writes), and libyaml's
    emitter holds Python's global lock for the whole of one call: dumping a 9.5 MB speech in one
    call froze the window for a fifth of a second even off the UI thread.  Piece by piece, the
    UI thread gets its turn between pieces.  The text is the same, byte for byte: a block
    mapping's pairs and a block sequence's items are written independently of their neighbours
    (the program's files hold no aliases), except that a piece ending in a block scalar that
    keeps its final line breaks (``|+``) closes with a document end marker (``...``), which
    only the last piece of a document may have; such data is dumped in one call.
    """
    if not isinstance(data, dict):
        return [dump(data)]
    pieces = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(key, str):
            head = dump({key: [None]})
            if head.endswith(_NULL_ITEM):
                pieces.append(head[:-len(_NULL_ITEM)])
                pieces.extend(dump([item]) for item in value)
                continue
        pieces.append(dump({key: value}))
    if any(piece.endswith(_DOCUMENT_END) for piece in pieces[:-1]):
        return [dump(data)]
    return pieces


_NULL_ITEM = "- null\n"
_DOCUMENT_END = "...\n"


def dump_bytes(data: Any) -> tuple[bytes, bool]:
    """(UTF-8 YAML, whether invalid code units had to be replaced).

    Python strings can hold lone UTF-16 surrogates (from a clipboard, or text decoded with
    ``surrogateescape``) that UTF-8 cannot encode.  Refusing to save — or to write a recovery
    file — would put every other word at risk for one invalid code unit, so such code units are
    written as U+FFFD (�), visibly, and the caller is told.
    """
    try:
        return b"".join(piece.encode("utf-8") for piece in dump_pieces(data)), False
    except UnicodeEncodeError:
        return b"".join(piece.encode("utf-8") for piece in dump_pieces(_repaired(data))), True


def _repaired(value: Any) -> Any:
    if isinstance(value, str):
        # A well-formed surrogate pair becomes its character; a lone surrogate becomes U+FFFD.
        fixed = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return type(value)(fixed)
    if isinstance(value, list):
        return [_repaired(item) for item in value]
    if isinstance(value, dict):
        return {key: _repaired(item) for key, item in value.items()}
    return value


def save(path: str | os.PathLike, data: Any) -> bool:
    """Write YAML atomically; True when invalid code units had to be replaced (see dump_bytes)."""
    raw, repaired = dump_bytes(data)
    files.write_bytes(path, raw)
    return repaired
