"""``NAME.speech.yaml``: a speech as UTF-8 YAML.

    format: 1
    title: 在创建省级文明单位动员大会上的讲话
    subtitle: ''
    speaker: ''
    date: 2024年3月15日
    salutation: 同志们：
    opening:
    - |-
      今天，我们召开……
    body:
    - heading: 统一思想，提高认识        # stored without its number 一、
      paragraphs:
      - |-
        ……
      sections:                         # children, one level down
      - heading: …
        run_in: true                    # only written when true
      - heading: …
        skip: 1                         # levels skipped below the parent (1. straight under
                                        # 一、); only written when not 0
    closing:
    - 谢谢大家！
    substitutions:                      # the substitution table for borrowed text (optional)
      我院: 我局
    opening_snippets: [wm-1eda8a1c13]   # library snippets used (optional; sections have
                                        # their own "snippets:")
    target_minutes: 5                   # the time budget (optional)
    speaking_rate: 160                  # this speaker's 字 a minute (optional)
    ignored:                            # proofreading findings ignored (忽略), optional
    - rule: punct.dun-titles
      excerpt: 学习《条例》、《规定》的
    signature: 某某市统计局                # the optional 落款: written only when filled in
    signature_date: 2024年3月15日

Head fields are optional (empty when missing); unknown keys are refused so that a typo does not
silently drop text.  Files written before the 落款 existed load unchanged, and a speech without
one is written exactly as before.  Likewise ``skip`` (``Section.skip``: a section's level is
its parent's + 1 + skip, so a speech whose outermost headings are （一） has ``skip: 1`` on each):
a speech that skips no level is written, byte for byte, as before skips existed.
"""

from __future__ import annotations

import os

from ..core.speech import HEAD_FIELDS, MAX_LEVEL, IgnoredFinding, SIGNATURE_FIELDS, Section, Speech
from ..core.stats import MAX_RATE, MIN_RATE
from ..core.time_budget import MAX_TARGET_MINUTES
from . import shape, yamlfile

FORMAT = 1
SUFFIX = ".speech.yaml"

_BUDGET_KEYS = {"target_minutes", "speaking_rate"}
_TOP_KEYS = {"format", *HEAD_FIELDS, "opening", "body", "closing", "substitutions",
             "opening_snippets", "closing_snippets", "ignored", *_BUDGET_KEYS,
             *SIGNATURE_FIELDS}
_SECTION_KEYS = {"heading", "skip", "paragraphs", "sections", "run_in", "snippets"}
_IGNORED_KEYS = {"rule", "excerpt"}


def load_speech(path: str | os.PathLike) -> Speech:
    """Read a speech file; FileFormatError (file, line, column) when it is not a valid speech."""
    return speech_from_document(yamlfile.load(path))


def parse_speech(raw: bytes, name: str) -> Speech:
    return speech_from_document(yamlfile.parse(raw, name))


def speech_from_document(doc: yamlfile.Document) -> Speech:
    yamlfile.check_format(doc, "讲稿", "speech", FORMAT)
    data = doc.data
    shape.refuse_unknown(doc, (), data, _TOP_KEYS)
    speech = Speech()
    for name in HEAD_FIELDS:
        setattr(speech, name, shape.text(doc, (name,), data.get(name)))
    speech.opening = shape.paragraphs(doc, ("opening",), data.get("opening"))
    speech.closing = shape.paragraphs(doc, ("closing",), data.get("closing"))
    speech.body = sections_from_data(doc, ("body",), data.get("body"), 1)
    speech.substitutions = _substitutions(doc, data.get("substitutions"))
    speech.opening_snippets = _snippet_ids(doc, ("opening_snippets",), data.get("opening_snippets"))
    speech.closing_snippets = _snippet_ids(doc, ("closing_snippets",), data.get("closing_snippets"))
    speech.ignored = ignored_from_data(doc, data.get("ignored"))
    speech.target_minutes, speech.speaking_rate = budget_from_data(doc, data)
    for name in SIGNATURE_FIELDS:
        setattr(speech, name, shape.text(doc, (name,), data.get(name)))
    return speech


def ignored_from_data(doc, value) -> list[IgnoredFinding]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise doc.error(("ignored",), "应当是列表（每项有 rule 和 excerpt）。",
                        "must be a list (each item with rule and excerpt).")
    out = []
    for i, item in enumerate(value):
        here = ("ignored", i)
        if not isinstance(item, dict):
            raise doc.error(here, "应当有 rule 和 excerpt 两项。", "must have rule and excerpt.")
        shape.refuse_unknown(doc, here, item, _IGNORED_KEYS)
        rule = shape.text(doc, here + ("rule",), item.get("rule"))
        excerpt = shape.text(doc, here + ("excerpt",), item.get("excerpt"))
        if not rule:
            raise doc.error(here + ("rule",), "不能为空。", "must not be empty.")
        out.append(IgnoredFinding(rule, excerpt))
    return out


def _is_number(value, above: float, up_to: float) -> bool:
    """A number (not a bool: YAML's true is an int in Python) with above < value <= up_to."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and above < value <= up_to


def budget_from_data(doc, data: dict) -> tuple[float | None, int | None]:
    """(target minutes, speaking rate) of the time budget, each None when not set."""
    target = data.get("target_minutes")
    if target is not None and not _is_number(target, 0, MAX_TARGET_MINUTES):
        raise doc.error(("target_minutes",), f"应当是 0 到 {MAX_TARGET_MINUTES} 之间的分钟数。",
                        f"must be a number of minutes from 0 to {MAX_TARGET_MINUTES}.")
    rate = data.get("speaking_rate")
    if rate is not None and not (isinstance(rate, int) and _is_number(rate, MIN_RATE - 1, MAX_RATE)):
        raise doc.error(("speaking_rate",), f"应当是每分钟 {MIN_RATE}–{MAX_RATE} 字。",
                        f"must be {MIN_RATE}–{MAX_RATE} characters a minute.")
    return target, rate


def sections_from_data(doc, keys: tuple, value, level: int) -> list[Section]:
    """The sections of a list whose members are at ``level`` (before their own skips)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise doc.error(keys, "应当是标题列表。", "must be a list of sections.")
    if value and level > MAX_LEVEL:
        raise doc.error(keys, "超过了四级标题。", "goes deeper than four heading levels.")
    result = []
    for i, item in enumerate(value):
        here = keys + (i,)
        if not isinstance(item, dict):
            raise doc.error(here, "应当是一个标题（含 heading、paragraphs）。",
                            "must be a section (with heading, paragraphs).")
        shape.refuse_unknown(doc, here, item, _SECTION_KEYS)
        skip = _skip(doc, here + ("skip",), item.get("skip"), level)
        result.append(Section(
            heading=shape.text(doc, here + ("heading",), item.get("heading")),
            paragraphs=shape.paragraphs(doc, here + ("paragraphs",), item.get("paragraphs")),
            children=sections_from_data(doc, here + ("sections",), item.get("sections"),
                                        level + skip + 1),
            run_in=shape.flag(doc, here + ("run_in",), item.get("run_in")),
            snippets=_snippet_ids(doc, here + ("snippets",), item.get("snippets")),
            skip=skip))
    return result


def _skip(doc, keys: tuple, value, level: int) -> int:
    """A section's ``skip``: a whole number of levels that keeps it at level 4 or above."""
    if value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise doc.error(keys, "应当是跳过的层级数（0、1、2 或 3）。",
                        "must be the number of levels skipped (0, 1, 2 or 3).")
    if level + value > MAX_LEVEL:
        raise doc.error(keys, f"跳过{value}级会超过四级标题。",
                        f"skipping {value} level{'s' if value > 1 else ''} goes deeper than four "
                        "heading levels.")
    return value


def speech_to_data(speech: Speech) -> dict:
    data: dict = {"format": FORMAT}
    for name in HEAD_FIELDS:
        data[name] = getattr(speech, name)
    data["opening"] = [yamlfile.Block(p) for p in speech.opening]
    data["body"] = [section_to_data(s) for s in speech.body]
    data["closing"] = [yamlfile.Block(p) for p in speech.closing]
    # Written only when there is something to write, so speeches without them read as before.
    if speech.substitutions:
        data["substitutions"] = dict(speech.substitutions)
    if speech.opening_snippets:
        data["opening_snippets"] = list(speech.opening_snippets)
    if speech.closing_snippets:
        data["closing_snippets"] = list(speech.closing_snippets)
    if speech.target_minutes is not None:
        data["target_minutes"] = speech.target_minutes
    if speech.speaking_rate is not None:
        data["speaking_rate"] = speech.speaking_rate
    if speech.ignored:
        data["ignored"] = [{"rule": i.rule, "excerpt": i.excerpt} for i in speech.ignored]
    for name in SIGNATURE_FIELDS:
        if getattr(speech, name):
            data[name] = getattr(speech, name)
    return data


def section_to_data(section: Section) -> dict:
    data: dict = {"heading": section.heading}
    if section.skip:
        data["skip"] = section.skip
    if section.run_in:
        data["run_in"] = True
    data["paragraphs"] = [yamlfile.Block(p) for p in section.paragraphs]
    if section.children:
        data["sections"] = [section_to_data(c) for c in section.children]
    if section.snippets:
        data["snippets"] = list(section.snippets)
    return data


def _substitutions(doc, value) -> list[tuple[str, str]]:
    """The substitution table: a mapping of text to find → its replacement, in file order."""
    if value is None:
        return []
    if not isinstance(value, dict):
        raise doc.error(("substitutions",), "应当是“原文: 替换为”的对照表。",
                        "must be a table of 'text: replacement'.")
    table = []
    for key, replacement in value.items():
        if isinstance(key, int) and not isinstance(key, bool):
            key = str(key)
        if not isinstance(key, str) or not key:
            raise doc.error(("substitutions", key), "的原文应当是一段不为空的文字。",
                            "must be non-empty text.", at_key=True)
        table.append((key, shape.text(doc, ("substitutions", key), replacement)))
    return table


def _snippet_ids(doc, keys: tuple, value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise doc.error(keys, "应当是素材编号的列表。", "must be a list of snippet ids.")
    return list(value)


def dump_speech(speech: Speech) -> str:
    return yamlfile.dump(speech_to_data(speech))


def speech_bytes(speech: Speech) -> tuple[bytes, bool]:
    """(UTF-8 speech file, whether invalid code units had to be replaced by U+FFFD)."""
    return yamlfile.dump_bytes(speech_to_data(speech))


def save_speech(speech: Speech, path: str | os.PathLike) -> bool:
    """Write a speech file atomically; True when invalid code units had to be replaced."""
    return yamlfile.save(path, speech_to_data(speech))
