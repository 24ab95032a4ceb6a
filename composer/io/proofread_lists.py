"""The proofreader's word lists on disk: the bundled confusion list and the office's lists.

An office keeps its own lists as ``NAME.proofread.yaml`` files, shared like library packs:

    format: 1
    name: 市统计局规范用语
    expressions:                 # 规范表述: wrong → right
      十九大: 党的十九大
      两学一做: “两学一做”学习教育
    banned:                      # 禁用词: a word, or word / note / instead
    - 不作为就是最大的作为
    - word: 史上最严
      note: 不用绝对化表述
      instead: 严格
    cautioned:                   # 慎用词, reported as hints
    - word: 首创
      note: 须有依据
    leaders:                     # in order of rank, with their titles
    - name: 王建国
      title: 局党组书记、局长
    - name: 李明
      title: 副局长

They are read from ``<data folder>/proofread/`` and from every shared library folder, in that
order (for a phrase listed twice, the first entry wins).  A file that cannot be read is reported
and skipped; the others still load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable

from ..core.errors import ComposerError
from ..core.proofread import Correction, Lexicon, Term, parse_confusions
from . import files, paths, shape, yamlfile

SUFFIX = ".proofread.yaml"
FORMAT = 1
_KEYS = {"format", "name", "expressions", "banned", "cautioned", "leaders"}


@dataclass
class OfficeLists:
    expressions: list[Correction] = field(default_factory=list)
    banned: list[Term] = field(default_factory=list)
    cautioned: list[Term] = field(default_factory=list)
    leaders: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class LoadedLexicon:
    lexicon: Lexicon
    files: list[str] = field(default_factory=list)
    errors: list[tuple[str, ComposerError]] = field(default_factory=list)


def confusions_path() -> Path:
    return paths.resources_dir() / "proofread" / "confusions.txt"


def user_dir() -> Path:
    return paths.data_dir() / "proofread"


def list_files(folders: Iterable[str | os.PathLike]) -> list[Path]:
    """The ``*.proofread.yaml`` files directly in each folder, each folder sorted by name."""
    out: list[Path] = []
    for folder in folders:
        try:
            entries = sorted(Path(folder).iterdir())
        except OSError:
            continue
        out += [p for p in entries if p.name.endswith(SUFFIX) and p.is_file()]
    return out


def load_office_lists(path: str | os.PathLike) -> OfficeLists:
    """Read one list file; FileFormatError (file, line, column) when it is not valid."""
    doc = yamlfile.load(path)
    yamlfile.check_format(doc, "词表", "word list", FORMAT)
    data = doc.data
    shape.refuse_unknown(doc, (), data, _KEYS)
    source = os.fspath(path)
    lists = OfficeLists()
    lists.expressions = _expressions(doc, data.get("expressions"), source)
    lists.banned = _terms(doc, "banned", data.get("banned"), source)
    lists.cautioned = _terms(doc, "cautioned", data.get("cautioned"), source)
    lists.leaders = _leaders(doc, data.get("leaders"))
    return lists


def _expressions(doc, value, source: str) -> list[Correction]:
    if value is None:
        return []
    out = []
    if isinstance(value, dict):
        for wrong, right in value.items():
            at: tuple = ("expressions", str(wrong))
            out.append(Correction(_nonempty(doc, at, str(wrong)),
                                  _nonempty(doc, at, shape.text(doc, at, right)), "", source))
        return out
    if not isinstance(value, list):
        raise doc.error(("expressions",), "应当是“错误写法: 规范写法”的列表。",
                        "must map wrong forms to right ones.")
    for i, item in enumerate(value):
        here = ("expressions", i)
        if not isinstance(item, dict):
            raise doc.error(here, "应当有 wrong 和 right 两项。", "must have wrong and right.")
        shape.refuse_unknown(doc, here, item, {"wrong", "right", "note"})
        out.append(Correction(
            _nonempty(doc, here + ("wrong",), shape.text(doc, here + ("wrong",), item.get("wrong"))),
            _nonempty(doc, here + ("right",), shape.text(doc, here + ("right",), item.get("right"))),
            shape.text(doc, here + ("note",), item.get("note")), source))
    return out


def _terms(doc, key: str, value, source: str) -> list[Term]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise doc.error((key,), "应当是词语列表。", "must be a list of words.")
    out = []
    for i, item in enumerate(value):
        here = (key, i)
        if isinstance(item, dict):
            shape.refuse_unknown(doc, here, item, {"word", "note", "instead"})
            word = shape.text(doc, here + ("word",), item.get("word"))
            instead = shape.text(doc, here + ("instead",), item.get("instead")) or None
            note = shape.text(doc, here + ("note",), item.get("note"))
        else:
            word, instead, note = shape.text(doc, here, item), None, ""
        out.append(Term(_nonempty(doc, here, word), note, instead, source))
    return out


def _leaders(doc, value) -> list[tuple[str, str]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise doc.error(("leaders",), "应当是按排名顺序的领导列表（name、title）。",
                        "must be a list of leaders in order of rank (name, title).")
    out = []
    for i, item in enumerate(value):
        here = ("leaders", i)
        if not isinstance(item, dict):
            raise doc.error(here, "应当有 name 和 title 两项。", "must have name and title.")
        shape.refuse_unknown(doc, here, item, {"name", "title"})
        name = _nonempty(doc, here + ("name",), shape.text(doc, here + ("name",), item.get("name")))
        out.append((name, shape.text(doc, here + ("title",), item.get("title"))))
    return out


def _nonempty(doc, keys: tuple, text: str) -> str:
    text = text.strip()
    if not text:
        raise doc.error(keys, "不能为空。", "must not be empty.")
    return text


def load_lexicon(extra_folders: Iterable[str | os.PathLike] = (),
                 extra_files: Iterable[str | os.PathLike] = (), bundled: bool = True
                 ) -> LoadedLexicon:
    """The bundled confusion list, then the lists in the data folder, the shared folders and
    any files given; a file that cannot be read is reported in ``errors`` and skipped."""
    confusions: list[Correction] = []
    errors: list[tuple[str, ComposerError]] = []
    if bundled:
        path = confusions_path()
        try:
            raw = files.read_bytes(os.fspath(path), limit=yamlfile.MAX_BYTES)
            confusions = parse_confusions(raw.decode("utf-8"), os.fspath(path))
        except (ComposerError, UnicodeDecodeError) as error:
            errors.append((os.fspath(path), error if isinstance(error, ComposerError) else
                           ComposerError(f"{path}：不是 UTF-8 文本。", f"{path}: not UTF-8 text.")))
    merged = OfficeLists()
    loaded: list[str] = []
    for path in list_files([user_dir(), *extra_folders]) + [Path(p) for p in extra_files]:
        try:
            lists = load_office_lists(path)
        except ComposerError as error:
            errors.append((os.fspath(path), error))
            continue
        loaded.append(os.fspath(path))
        merged.expressions += lists.expressions
        merged.banned += lists.banned
        merged.cautioned += lists.cautioned
        merged.leaders += lists.leaders
    lexicon = Lexicon.build(confusions, merged.expressions, merged.banned, merged.cautioned,
                            merged.leaders, loaded)
    return LoadedLexicon(lexicon, loaded, errors)
