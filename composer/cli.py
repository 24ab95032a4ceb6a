"""The command line: ``speech-composer``.

Exit status: 0 success; 1 ``check`` found problems; 2 bad input or a failure, with a one-line
reason on stderr in the UI language, and no output file written or overwritten.
``--json`` prints one JSON object on stdout.

The command line calls core, io and export; it never imports the Qt UI except to start it.
Without a command (or with ``open FILE``) it starts the application straight away, importing
nothing the window does not need: start-up time is a feature.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from .core.errors import ComposerError, one_line
from .core.i18n import language, pick

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILURE = 0, 1, 2
EXPORT_FORMATS = ("docx", "pdf")


# argparse's own words, for the Chinese command line.  argparse looks its strings up through
# the module-level gettext function ``_`` at the moment it prints, so replacing that function is
# enough; strings not listed here stay in English.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有这个命令：%(value)r（可用：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "不是有效的值：%(value)r",
    "one of the arguments %s is required": "必须给出其中一个：%s",
    "not allowed with argument %s": "不能与 %s 同时使用",
}


def _speak_chinese_in_argparse() -> None:
    if language() == "zh":
        argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (it costs a file read at every start)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from . import __version__
        print(f"speech-composer {__version__}")
        parser.exit(EXIT_OK)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own usage errors: exit 2, one line
        self.exit(EXIT_FAILURE, pick(f"{self.prog}：参数错误：{message}\n",
                                     f"{self.prog}: bad arguments: {message}\n"))


def build_parser(for_help: bool = True) -> argparse.ArgumentParser:
    """The command line's parser.  ``for_help=False`` leaves out what only the help text shows
    and costs imports (the list of format profiles): a command should not pay for it."""
    parser = _Parser(prog="speech-composer",
                     description=pick("讲稿编排：用素材库编排讲话稿，导出公文格式的 Word 文档。",
                                      "Speech Composer: compose speeches from a section library "
                                      "and export official-format Word documents."))
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help=pick("显示版本号", "show the version"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    stats = commands.add_parser("stats", help=pick("字数和预计讲话时长（逐部分）",
                                                   "characters and speaking time, per section"))
    stats.add_argument("speech", metavar="SPEECH", help="*.speech.yaml")
    stats.add_argument("--json", action="store_true", help=pick("输出 JSON", "print JSON"))
    stats.add_argument("--rate", type=int, default=None,
                       help=pick("语速，每分钟字数（默认 180）",
                                 "speaking rate in characters a minute (default 180)"))
    stats.set_defaults(handler=_stats)

    check = commands.add_parser("check", help=pick("交稿前校对：结构、占位符、序数、标点、数字、字词、本单位词表"
                                                   "（有问题时退出码为 1）",
                                                   "proofread before handing in: structure, "
                                                   "placeholders, numbering, punctuation, numbers, "
                                                   "words, the office's lists (exit 1 when "
                                                   "problems are found)"))
    check.add_argument("speech", metavar="SPEECH", nargs="?", help="*.speech.yaml")
    check.add_argument("--json", action="store_true", help=pick("输出 JSON", "print JSON"))
    check.add_argument("--rules", nargs="?", const=_LIST_RULES, metavar="RULES",
                       help=pick("单独使用时列出全部规则；否则只用这些规则：逗号分隔的规则或类别，"
                                 "前加 - 表示不用（--rules=punct,-punct.dash）",
                                 "alone: list the rules; else use only these: rule ids or "
                                 "families separated by commas, - in front to leave one out "
                                 "(--rules=punct,-punct.dash)"))
    check.add_argument("--profile", metavar="NAME|FILE",
                       help=pick("格式方案（决定三级序数写 1. 还是 1、；默认 GB/T 9704 的 1.）",
                                 "format profile (whether level 3 is 1. or 1、; default GB/T 9704's 1.)"))
    check.add_argument("--lists", action="append", default=[], metavar="FILE|FOLDER",
                       help=pick("另外使用的本单位词表（*.proofread.yaml 或其所在文件夹）",
                                 "more office lists (*.proofread.yaml, or a folder of them)"))
    check.add_argument("--archive", action="append", default=[], metavar="DIR",
                       help=pick("查重：与这个文件夹里的旧讲稿（.speech.yaml、.docx、.txt、.md）比较，"
                                 "某段有 80%% 以上与旧讲稿的某段相同即报告（可以写多次）",
                                 "查重: compare with the past speeches in this folder (.speech.yaml, "
                                 ".docx, .txt, .md); a paragraph 80%% or more the same as one of "
                                 "theirs is reported (repeatable)"))
    check.set_defaults(handler=_check)

    export = commands.add_parser("export", help=pick("导出公文格式的 Word 文档（.docx）或 PDF",
                                                     "export an official-format Word document "
                                                     "(.docx) or PDF"))
    export.add_argument("speech", metavar="SPEECH", help="*.speech.yaml")
    export.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.pdf",
                        help=pick("输出文件", "the file to write"))
    export.add_argument("--format", choices=EXPORT_FORMATS,
                        help=pick("输出格式（默认按输出文件的扩展名）",
                                  "output format (by default from the output file's extension)"))
    export.add_argument("--profile", metavar="NAME|FILE",
                        help=pick("格式方案的名称或文件（默认 GB/T 9704）；可用：",
                                  "format profile name or file (default GB/T 9704); available: ")
                        + (", ".join(_profile_names()) if for_help else "…"))
    export.add_argument("--outline", action="store_true",
                        help=pick("导出提纲：只有带序号的各级标题", "export the outline copy: the "
                                  "numbered headings only"))
    export.add_argument("--first-sentences", action="store_true",
                        help=pick("提纲里附上每节的第一句话（含 --outline）", "in the outline copy, add "
                                  "the first sentence of each section (implies --outline)"))
    export.add_argument("--rate", type=int, default=None,
                        help=pick("语速，每分钟字数（默认为讲稿里记的语速或 180），用于大字稿页脚的讲话时间",
                                  "speaking rate in characters a minute (default: the speech's "
                                  "own, or 180), for the times at the podium copy's page feet"))
    export.set_defaults(handler=_export)

    imp = commands.add_parser("import", help=pick("导入旧讲稿（.docx、.doc、.wps、.txt、.md）到素材库或讲稿文件",
                                                  "import old speeches (.docx, .doc, .wps, .txt, .md) "
                                                  "into a library or a speech file"))
    imp.add_argument("sources", nargs="+", metavar="SOURCE", help="*.docx, *.doc, *.wps, *.txt, *.md")
    target = imp.add_mutually_exclusive_group(required=True)
    target.add_argument("--library", metavar="OUT.library.yaml",
                        help=pick("写入（或追加到）素材库", "write (or extend) a library pack"))
    target.add_argument("--speech", metavar="OUT.speech.yaml",
                        help=pick("把一篇讲话写成讲稿文件", "write one speech as a speech file"))
    imp.add_argument("--pick", type=int, metavar="N",
                     help=pick("与 --speech 一起用：取找到的第 N 篇（默认 1）",
                               "with --speech: the N-th speech found (default 1)"))
    imp.add_argument("--json", action="store_true", help=pick("输出 JSON", "print JSON"))
    imp.set_defaults(handler=_import)

    _add_template_commands(commands)

    open_ = commands.add_parser("open", help=pick("打开程序并打开讲稿文件", "start the application with a file"))
    # Optional: a desktop menu entry runs "open %f", which is a bare "open" when no file is given.
    open_.add_argument("file", metavar="FILE", nargs="?", help="*.speech.yaml")
    open_.set_defaults(handler=lambda args: _start_application(args.file))
    return parser


def _profile_names() -> list[str]:
    from .export import available_profiles
    return available_profiles()


def _print_version() -> int:
    from . import __version__
    print(f"speech-composer {__version__}")
    return EXIT_OK


def _start_application(path: str | None) -> int:
    from .ui.app import main as run_application
    return run_application(path)


def main(argv: list[str] | None = None) -> int:
    """Run a command.  No traceback ever reaches the user: whatever goes wrong ends with one
    line on stderr and exit status 2 (a ComposerError says why in the user's language; any
    other error is named as an internal error)."""
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except ComposerError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail(pick("已中断。", "Interrupted."))
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as error:  # a bug: still one line, naming it for the report
        return _fail(pick(f"内部错误（{type(error).__name__}：{error}），没有写入任何文件。"
                          "请把这一行告诉开发人员。",
                          f"internal error ({type(error).__name__}: {error}); no file was "
                          "written. Please report this line to the developers."))


def _fail(reason: str) -> int:
    try:
        print(f"speech-composer: {one_line(reason)}", file=sys.stderr)
    except (OSError, ValueError):
        pass  # no stderr to write to
    return EXIT_FAILURE


def _run(argv: list[str]) -> int:
    if not argv:
        return _start_application(None)
    if argv[0] == "open" and len(argv) <= 2 and not any(a.startswith("-") for a in argv[1:]):
        return _start_application(argv[1] if len(argv) == 2 else None)  # the fast path
    if argv == ["--version"]:
        return _print_version()       # without building the parser
    _speak_chinese_in_argparse()
    args = build_parser(for_help=bool({"-h", "--help"} & set(argv))).parse_args(argv)
    if args.command is None:
        return _start_application(None)
    return args.handler(args)


def _reader_went_away() -> int:
    """The reader of our output stopped early (``… | head``): that is its choice, not a failure.
    What is still buffered for stdout goes nowhere, so Python's flush at exit cannot fail
    with a second BrokenPipeError and a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_OK


def _print_json(data: dict) -> None:
    import json   # only a --json run pays for it
    print(json.dumps(data, ensure_ascii=False, indent=2))


# --- stats -------------------------------------------------------------------------------------

def _stats(args) -> int:
    from .core import stats as stats_module
    from .io.speech_file import load_speech

    if args.rate is not None and not stats_module.MIN_RATE <= args.rate <= stats_module.MAX_RATE:
        raise ComposerError(
            f"语速应在 {stats_module.MIN_RATE}～{stats_module.MAX_RATE} 字/分钟之间。",
            f"The rate must be {stats_module.MIN_RATE}–{stats_module.MAX_RATE} characters a minute.")
    speech = load_speech(args.speech)
    # The speech's own rate (set per speaker) unless one is given here.
    args.rate = args.rate or speech.speaking_rate or stats_module.DEFAULT_RATE
    result = stats_module.speech_stats(speech, args.rate)
    if args.json:
        data = _stats_json(speech, result)
        if speech.target_minutes:
            _add_budget_json(speech, args.rate, data)
        _print_json(data)
    else:
        print(_stats_text(speech, result))
    return EXIT_OK


def _count_json(count) -> dict:
    return {"characters": count.total, "han": count.han, "punctuation": count.punctuation,
            "words": count.words}


def _stats_json(speech, result) -> dict:
    from .core.stats import seconds_for

    return {
        "title": speech.title,
        "rate": result.rate,
        **_count_json(result.total),
        "spoken_characters": result.spoken.total,
        "seconds": result.seconds,
        "opening": {**_count_json(result.opening),
                    "seconds": seconds_for(result.opening.total, result.rate)},
        "sections": [{"level": row.level, "marker": row.marker, "heading": row.heading,
                      "characters": row.own.total,
                      "characters_with_subsections": row.total.total, "seconds": row.seconds}
                     for row in result.sections],
        "closing": {**_count_json(result.closing),
                    "seconds": seconds_for(result.closing.total, result.rate)},
    }


def _add_budget_json(speech, rate: int, data: dict) -> None:
    """The time budget: the target, and each section's share of it and whether it is over."""
    from .core.time_budget import time_budget

    budget = time_budget(speech, rate)
    data["target_seconds"] = budget.target_seconds
    data["over_target"] = budget.over
    for row, entry in zip(budget.sections, data["sections"]):
        entry.update(share=round(row.share or 0, 4), allowance_seconds=round(row.allowance or 0),
                     over=row.over)


def _stats_text(speech, result) -> str:
    from .core import stats as stats_module

    english = language() == "en"
    duration = lambda seconds: stats_module.format_duration(seconds, english)  # noqa: E731
    total = result.total
    lines = [speech.title or pick("（无标题）", "(untitled)")]
    lines.append(pick(
        f"字数 {total.total}（汉字 {total.han}，标点 {total.punctuation}，外文和数字 {total.words}）"
        f"　预计讲话时长 {duration(result.seconds)}（每分钟 {result.rate} 字）",
        f"{total.total} characters ({total.han} Han, {total.punctuation} punctuation, "
        f"{total.words} Latin words/numbers); speaking time {duration(result.seconds)} "
        f"at {result.rate} a minute"))
    lines.append("")
    rows = [(pick("称呼和开头", "salutation and opening"), result.opening.total,
             stats_module.seconds_for(result.opening.total, result.rate))]
    for row in result.sections:
        label = "　" * (row.level - 1) + row.marker + row.heading
        rows.append((label, row.total.total, row.seconds))
    rows.append((pick("结尾", "closing"), result.closing.total,
                 stats_module.seconds_for(result.closing.total, result.rate)))
    width = 44
    header = (pick("部分", "part"), pick("字数", "chars"), pick("时长", "time"))
    lines.append(_pad(header[0], width) + " " * (8 - stats_module.display_width(header[1]))
                 + f"{header[1]}  {header[2]}")
    for label, characters, seconds in rows:
        lines.append(_pad(_clip(label, width - 2), width) + f"{characters:>8}  {duration(seconds)}")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    from .core.stats import display_width

    out = ""
    for ch in text:
        if display_width(out + ch + "…") > width:
            return out + "…"
        out += ch
    return out


def _pad(text: str, width: int) -> str:
    from .core.stats import display_width

    return text + " " * max(0, width - display_width(text))


# --- check -------------------------------------------------------------------------------------

_LIST_RULES = "\0list"


def _check(args) -> int:
    from .core.proofread import select

    if args.rules == _LIST_RULES:
        return _list_rules(args.json)
    if not args.speech:
        raise ComposerError("缺少参数：SPEECH（要检查的讲稿文件）。",
                            "Missing argument: SPEECH (the speech file to check).")
    rules = select(args.rules)
    from .core.checks import CODES, decorated_excerpt, problem_from_finding
    from .core.numbering import outline_markers
    from .core.proofread import Proofreader, describe, unit_text
    from .io.proofread_lists import load_lexicon
    from .io.speech_file import load_speech

    from .io.readers import SUPPORTED
    if str(args.speech).lower().endswith(SUPPORTED):
        raise ComposerError(
            f"{args.speech} 不是讲稿文件：check 检查 .speech.yaml；Word 文档和文本请先导入："
            f"speech-composer import {args.speech} --speech 讲稿.speech.yaml",
            f"{args.speech} is not a speech: check reads .speech.yaml; import a Word document "
            f"or a text first: speech-composer import {args.speech} --speech SPEECH.speech.yaml")
    speech = load_speech(args.speech)
    level3_style = "1."
    if args.profile:
        from .export import load_profile
        level3_style = load_profile(args.profile).level3_style
    folders = [p for p in args.lists if os.path.isdir(p)]
    loaded = load_lexicon(folders, [p for p in args.lists if not os.path.isdir(p)])
    if loaded.errors:
        raise loaded.errors[0][1]
    findings = Proofreader(loaded.lexicon, rules, level3_style).check(speech)
    archive = _check_archive(args, speech) if args.archive else None
    if archive is not None and "archive.repeat" in rules:
        findings = archive.merged(speech, findings)
    markers = outline_markers(speech, level3_style)
    old_rules = set(CODES.values())
    rows = []
    for finding in findings:
        if finding.rule in old_rules:   # the problems check always had, as it always wrote them
            problem = problem_from_finding(speech, finding, markers)
            code, where, excerpt = problem.code, problem.where, problem.excerpt
        else:
            code, where = finding.rule, pick(*describe(speech, finding.location, markers))
            excerpt = decorated_excerpt(finding, unit_text(speech, finding.location))
        rows.append((finding, code, where, excerpt))
    if args.json:
        data: dict = {"problems": [_finding_json(f, code, where, excerpt)
                                   for f, code, where, excerpt in rows],
                      "count": len(rows)}
        if archive is not None:
            for entry, (finding, *_rest) in zip(data["problems"], rows):
                match = archive.match_of(finding)
                if match is not None:
                    entry["archived"] = _match_json(match)
            data["archive"] = archive.as_json(speech, markers)
        _print_json(data)
    else:
        if rows:
            print(pick(f"发现 {len(rows)} 个问题：", f"{len(rows)} problem(s) found:"))
        for finding, _code, where, excerpt in rows:
            line = f"  {where}：{finding.message}" if language() != "en" else \
                f"  {where}: {finding.message}"
            if excerpt:
                line += f"　{excerpt}"
            print(line)
        if archive is not None:
            print(archive.summary())
        if not rows:
            print(pick("没有发现问题。", "No problems found."))
    return EXIT_PROBLEMS if rows else EXIT_OK


class _ArchiveCheck:
    """What ``check --archive`` found: every paragraph's closest match, and the findings."""

    def __init__(self, loaded, checked, findings):
        self.loaded = loaded
        self.checked = checked
        self.findings = findings
        self._matches = {(f.location.container, f.location.paragraph): item.closest
                         for item in checked for f in findings if f.location == item.location}

    def merged(self, speech, findings):
        from .core.archive import merge_in_reading_order
        return merge_in_reading_order(speech, findings, self.findings)

    def match_of(self, finding):
        if finding.rule != "archive.repeat":
            return None
        return self._matches.get((finding.location.container, finding.location.paragraph))

    def summary(self) -> str:
        from .core.archive import THRESHOLD
        loaded = self.loaded
        checked = [item for item in self.checked if item.checked]
        percent = round(THRESHOLD * 100)
        return pick(f"查重：存档 {len(loaded.files)} 个文件、{loaded.speeches} 篇讲话；"
                    f"本稿 {len(checked)} 段中 {len(self.findings)} 段与存档重复"
                    f"（{percent}% 以上相同）。",
                    f"查重: the archive holds {loaded.speeches} speech(es) in "
                    f"{len(loaded.files)} file(s); {len(self.findings)} of the speech's "
                    f"{len(checked)} paragraphs repeat them ({percent}% or more the same).")

    def as_json(self, speech, markers) -> dict:
        from .core.archive import FLOOR, MIN_SHINGLES, THRESHOLD
        from .core.proofread import describe
        loaded = self.loaded
        return {
            "threshold": THRESHOLD, "floor": FLOOR, "min_shingles": MIN_SHINGLES,
            "files": len(loaded.files), "speeches": loaded.speeches,
            "read": loaded.read, "reused": loaded.reused,
            "errors": [{"file": path, "message": str(error)} for path, error in loaded.errors],
            "paragraphs": [{"where": pick(*describe(speech, item.location, markers)),
                            "location": {"container": item.location.container,
                                         "paragraph": item.location.paragraph},
                            "checked": item.checked,
                            "closest": None if item.closest is None else
                            _match_json(item.closest),
                            "matches": [_match_json(m) for m in item.matches[:5]]}
                           for item in self.checked],
        }


def _match_json(match) -> dict:
    return {"file": match.file.path, "name": match.file.name, "title": match.title,
            "paragraph": match.number, "similarity": round(match.similarity, 4),
            "percent": match.percent, "held": round(match.held, 4), "within": match.within,
            "text": match.text}


def _check_archive(args, speech) -> _ArchiveCheck:
    from .core.archive import check_paragraphs, repeat_findings
    from .core.proofread import speech_ignored
    from .io.archive_index import load_archive

    loaded = load_archive(args.archive, exclude=[args.speech])
    for _path, error in loaded.errors:      # reported; the other files are still checked
        _print_notices([str(error)])
    if not loaded.files:                    # a wrong folder, most likely: say so, check nothing
        folders = "、".join(str(f) for f in args.archive)
        raise ComposerError(f"存档里没有可以比较的旧讲稿（.speech.yaml、.docx、.txt、.md）：{folders}",
                            f"The archive holds no past speech to compare with "
                            f"(.speech.yaml, .docx, .txt, .md): {folders}")
    checked = check_paragraphs(speech, loaded.search())
    ignored = speech_ignored(speech)
    findings = [f for f in repeat_findings(checked) if f.key not in ignored]
    return _ArchiveCheck(loaded, checked, findings)


def _finding_json(finding, code: str, where: str, excerpt: str) -> dict:
    loc = finding.location
    return {"code": code, "rule": finding.rule, "severity": finding.severity,
            "message": finding.message, "where": where,
            "section_id": None if loc.container in ("title", "subtitle", "speaker", "date",
                                                    "salutation", "opening", "closing")
            else loc.container,
            "paragraph": loc.paragraph,
            "location": {"container": loc.container, "paragraph": loc.paragraph,
                         "offset": loc.offset, "length": loc.length},
            "text": finding.text, "excerpt": excerpt, "excerpt_raw": finding.excerpt,
            "fix": finding.fix}


def _list_rules(as_json: bool) -> int:
    from .core.proofread import FAMILIES, RULES

    if as_json:
        _print_json({"rules": [{"id": r.id, "family": r.family, "severity": r.severity,
                                "description": r.description, "fixable": r.fixable}
                               for r in RULES]})
        return EXIT_OK
    severity = {"error": pick("错误", "error"), "warning": pick("警告", "warning"),
                "hint": pick("提示", "hint")}
    width = max(len(r.id) for r in RULES)
    for family, names in FAMILIES.items():
        print(f"{family}  {pick(*names)}")
        for r in (r for r in RULES if r.family == family):
            fix = pick("　可自动修正", "  (fixable)") if r.fixable else ""
            print(f"  {r.id.ljust(width)}  {_pad(severity[r.severity], 8)}{r.description}{fix}")
    return EXIT_OK


# --- export ------------------------------------------------------------------------------------

def export_format(output: str, chosen: str | None) -> str:
    """The format to write: --format, else the output file's extension."""
    if chosen:
        return chosen
    suffix = output.rsplit(".", 1)[-1].lower() if "." in output else ""
    if suffix in EXPORT_FORMATS:
        return suffix
    raise ComposerError(f"无法从文件名“{output}”判断输出格式：请用 .docx 或 .pdf 结尾，或加 --format。",
                        f"Cannot tell the format from the file name '{output}': end it in .docx "
                        "or .pdf, or give --format.")


def _export(args) -> int:
    # Everything is read and checked before anything is written: a bad speech or profile
    # leaves no output file, and the writers replace the target atomically.
    from .core import stats
    from .export import export_docx, layout, load_profile
    from .export.font_check import machine_notices
    from .io.speech_file import load_speech

    chosen = export_format(args.output, args.format)
    if args.rate is not None and not stats.MIN_RATE <= args.rate <= stats.MAX_RATE:
        raise ComposerError(
            f"语速应在 {stats.MIN_RATE}～{stats.MAX_RATE} 字/分钟之间。",
            f"The rate must be {stats.MIN_RATE}–{stats.MAX_RATE} characters a minute.")
    copy = layout.OUTLINE_SENTENCES if args.first_sentences else \
        layout.OUTLINE if args.outline else layout.FULL
    profile = load_profile(args.profile)
    speech = load_speech(args.speech)
    # The podium copy's page times: --rate, else the speaker's rate kept with the speech.
    rate = args.rate or speech.speaking_rate or stats.DEFAULT_RATE
    if chosen == "pdf":
        _export_pdf(speech, args.output, profile, copy, rate)
    else:
        # Say what the missing fonts will do before writing (a warning: the export goes on).
        _print_notices(machine_notices(profile))
        export_docx(speech, args.output, profile, copy=copy, rate=rate)
    print(pick(f"已导出：{args.output}", f"Exported: {args.output}"))
    return EXIT_OK


def _export_pdf(speech, output: str, profile, copy: str, rate: int) -> None:
    # Qt only for a PDF: the .docx path stays free of it (and fast to start).  No display is
    # needed: the pages make an offscreen application for the fonts.
    from . import pages
    pages.ensure_application()
    # The PDF embeds installed fonts: say which stand in for the missing ones.
    _print_notices(pages.fonts.stand_in_notices(profile))
    pages.export_pdf(speech, output, profile, copy=copy, rate=rate)


def _print_notices(notices: list[str]) -> None:
    for notice in notices:
        print(pick(f"speech-composer：注意：{notice}", f"speech-composer: note: {notice}"),
              file=sys.stderr)


# --- import ------------------------------------------------------------------------------------

def _import(args) -> int:
    from .io.importing import run_import
    report = run_import(args.sources, args.library, args.speech, args.pick)
    if args.json:
        _print_json(report.as_json())
    else:
        print(report.text())
    return EXIT_OK


# --- templates and new ----------------------------------------------------------------------------

def _add_template_commands(commands) -> None:
    folder_help = pick("另外读取这个文件夹里的模板（共享素材库文件夹；可以写多次）",
                       "also read the templates in this folder (a shared library folder; repeatable)")
    listing = commands.add_parser("templates", help=pick("新讲稿可以套用的会议类型模板",
                                                         "meeting kinds a new speech can start from"))
    listing.add_argument("--json", action="store_true", help=pick("输出 JSON", "print JSON"))
    listing.add_argument("--folder", action="append", default=[], metavar="DIR", help=folder_help)
    listing.set_defaults(handler=_templates)

    new = commands.add_parser("new", help=pick("按会议类型模板新建讲稿文件",
                                               "start a speech file from a meeting-kind template"))
    new.add_argument("--template", required=True, metavar="KIND",
                     help=pick("模板：会议类型（如 动员大会）或模板编号（见 templates）",
                               "the template: a meeting kind (e.g. 动员大会) or a template id "
                               "(see templates)"))
    new.add_argument("-o", "--output", required=True, metavar="OUT.speech.yaml",
                     help=pick("要写的讲稿文件（已存在时不覆盖）",
                               "the speech file to write (an existing one is kept)"))
    new.add_argument("--force", action="store_true",
                     help=pick("覆盖已存在的文件", "replace an existing file"))
    new.add_argument("--folder", action="append", default=[], metavar="DIR", help=folder_help)
    new.set_defaults(handler=_new)


def _loaded_templates(folders: list[str]):
    from .io.template_file import load_templates

    loaded = load_templates(folders)
    for error in loaded.errors:
        print(f"speech-composer: {error}", file=sys.stderr)  # reported, the others still work
    return loaded


def _templates(args) -> int:
    loaded = _loaded_templates(args.folder)
    if args.json:
        _print_json({"templates": [
            {"id": t.id, "kind": t.kind, "title": t.title, "salutation": t.salutation,
             "salutations": t.salutations, "description": t.description,
             "sections": [{"heading": s.heading, "kinds": s.kinds, "hint": s.hint}
                          for s in t.sections],
             "closing": t.closing, "origin": t.origin, "file": t.path}
            for t in loaded.templates]})
        return EXIT_OK
    if not loaded.templates:
        print(pick("没有找到模板。", "No templates found."))
        return EXIT_OK
    width = max(len(t.id) for t in loaded.templates)
    origins = {"bundled": pick("内置", "bundled"), "shared": pick("共享", "shared"),
               "user": pick("我的", "mine")}
    for t in loaded.templates:
        print(f"{t.id:<{width}}  {t.kind}（{origins.get(t.origin, t.origin)}）　{t.title}　"
              f"{t.salutation}" + (f"　{len(t.sections)} " + pick("个标题", "sections")
                                   if t.sections else ""))
    return EXIT_OK


def _new(args) -> int:
    from .core.templates import make_speech
    from .io.template_file import write_new_speech

    loaded = _loaded_templates(args.folder)
    template = loaded.find(args.template)
    if template is None:
        # Both forms --template takes: the id (ASCII, easy to type) and the meeting kind.
        kinds = "、".join(f"{t.id}（{t.kind}）" for t in loaded.templates) or "（无）"
        en_kinds = ", ".join(f"{t.id} ({t.kind})" for t in loaded.templates) or "(none)"
        raise ComposerError(f"没有“{args.template}”这个模板。可用：{kinds}",
                            f"There is no template {args.template!r}. Available: {en_kinds}")
    write_new_speech(make_speech(template), args.output, overwrite=args.force)
    print(pick(f"已按“{template.kind}”模板新建：{args.output}",
               f"Started from the {template.kind} template: {args.output}"))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
