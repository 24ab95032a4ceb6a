"""Importing files into a library pack or a speech file (what ``speech-composer import`` does).

Everything is read and checked before anything is written, and each output is written once,
atomically: on any error the output file is left exactly as it was (or absent).
An existing library is extended: its snippets stay as they are, new ones are appended, and
snippets that nearly repeat one it already holds are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ComposerError
from ..core.i18n import pick
from ..core.importer import Analysis, FoundSpeech, analyse, import_into_library, summary
from ..core.library import Pack
from ..core.library_edits import AddSnippets
from .library_file import SUFFIX as LIBRARY_SUFFIX
from .library_file import load_pack
from .pack_update import update_pack
from .readers import read_source
from .speech_file import save_speech

# A script can wait longer than a window for another writer of the same pack to finish.
IMPORT_LOCK_WAIT = 60.0


@dataclass
class ImportReport:
    found: list[FoundSpeech]
    added: int = 0
    skipped: int = 0
    picked: int | None = None        # 1-based, for --speech
    output: str = ""
    analysis: Analysis | None = None

    def as_json(self) -> dict:
        data = summary(self.found, self.added, self.skipped, self.analysis)
        if self.picked is not None:
            data["picked"] = self.picked
        return data

    def text(self) -> str:
        """A summary for people: the speeches found, then what was written."""
        lines = [pick(f"找到 {len(self.found)} 篇讲话：", f"{len(self.found)} speech(es) found:")]
        for number, item in enumerate(self.found, start=1):
            levels = item.levels()
            shape = pick(f"一级标题 {levels['1']}，二级标题 {levels['2']}，"
                         f"段落 {item.paragraph_count()}",
                         f"{levels['1']} level-1 and {levels['2']} level-2 headings, "
                         f"{item.paragraph_count()} paragraphs")
            title = item.speech.title or pick("（无标题）", "(untitled)")
            line = f"  {number}. {title}　{shape}"
            if item.duplicate_of is not None:
                line += pick(f"（与第 {item.duplicate_of + 1} 篇几乎相同）",
                             f" (nearly repeats no. {item.duplicate_of + 1})")
            if self.picked == number:
                line += pick("　← 已选用", "  <- picked")
            lines.append(line)
        if self.analysis is not None and self.analysis.removed:
            lines.append(pick(f"清理时去掉 {len(self.analysis.removed)} 处（网页杂项、页码等，"
                              "--json 列出每一处）",
                              f"{len(self.analysis.removed)} piece(s) removed by the cleanup "
                              "(web debris, page numbers …; --json lists each)"))
        if self.picked is None:
            lines.append(pick(f"新增素材 {self.added} 条，跳过重复 {self.skipped} 条：{self.output}",
                              f"{self.added} snippet(s) added, {self.skipped} duplicate(s) "
                              f"skipped: {self.output}"))
        else:
            lines.append(pick(f"已写入讲稿：{self.output}", f"Speech written: {self.output}"))
        return "\n".join(lines)


def run_import(sources: Sequence[str | os.PathLike], library: str | None = None,
               speech: str | None = None, pick_number: int | None = None) -> ImportReport:
    """The import command: into a library (``library``) or one speech file (``speech``)."""
    if bool(library) == bool(speech):
        raise ComposerError("请指定 --library 或 --speech 之一。",
                            "Give either --library or --speech.")
    if library:
        if pick_number is not None:
            raise ComposerError("--pick 只能与 --speech 一起使用。",
                                "--pick can only be used with --speech.")
        return import_to_library(sources, library)
    if len(sources) != 1:
        raise ComposerError("--speech 只能导入一个源文件。",
                            "--speech imports exactly one source file.")
    assert speech is not None
    return import_to_speech(sources[0], speech, 1 if pick_number is None else pick_number)


def import_files(sources: Sequence[str | os.PathLike], keep=()) -> Analysis:
    """Read and analyse the sources: the speeches, what was removed, the accounting."""
    read = [read_source(path) for path in sources]

    def handed_over():
        # Each source's lines are dropped once analysed: a big import needs the memory later.
        while read:
            source = read.pop(0)
            yield source.name, source.lines
    return analyse(handed_over(), keep)


def read_speeches(sources: Sequence[str | os.PathLike]) -> list[FoundSpeech]:
    return import_files(sources).found


def import_to_library(sources: Sequence[str | os.PathLike], output: str | os.PathLike,
                      id_prefix: str = "imp", pack_name: str | None = None) -> ImportReport:
    _refuse_overwriting_a_source(sources, output)
    analysis = import_files(sources)
    found = analysis.found
    target = Path(output)
    if target.exists():
        pack = load_pack(target)
    else:
        name = target.name
        if name.endswith(LIBRARY_SUFFIX):
            name = name[:-len(LIBRARY_SUFFIX)]
        pack = Pack(pack_name or name, [], str(target))
    result = import_into_library(found, pack.snippets, id_prefix, analysis.sketches)
    analysis.sketches.clear()     # not needed any more: free it before the file is written
    # Another writer may have added to the pack since it was read above: the new snippets are
    # merged into the pack as it is on disk, under its write lock (ids renumbered on a clash).
    written = update_pack(target, AddSnippets(str(target), result.added).apply,
                          new_name=pack.name, wait=IMPORT_LOCK_WAIT)
    return ImportReport(found, len(written.result.ids), result.skipped, output=str(target),
                        analysis=analysis)


def import_to_speech(source: str | os.PathLike, output: str | os.PathLike,
                     pick: int = 1) -> ImportReport:
    _refuse_overwriting_a_source([source], output)
    analysis = import_files([source])
    found = analysis.found
    if not 1 <= pick <= len(found):
        raise ComposerError(
            f"--pick {pick} 超出范围：{Path(source).name} 中找到 {len(found)} 篇讲话。",
            f"--pick {pick} is out of range: {len(found)} speech(es) found in "
            f"{Path(source).name}.")
    save_speech(found[pick - 1].speech, output)
    return ImportReport(found, picked=pick, output=str(output), analysis=analysis)


def _refuse_overwriting_a_source(sources, output) -> None:
    out = Path(output).resolve()
    for source in sources:
        if Path(source).resolve() == out:
            raise ComposerError(f"输出文件不能是导入的源文件：{Path(source).name}",
                                f"The output cannot be one of the sources: {Path(source).name}")
