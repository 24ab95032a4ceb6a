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
    closing:
    - 谢谢大家！
    substitutions:                      # the substitution table for borrowed text (optional)
      我院: 我局
    opening_snippets: [wm-1eda8a1c13]   # library snippets used (optional; sections have
                                        # their own "snippets:")

Head fields are optional (empty when missing); unknown keys are refused so that a typo does not
silently drop text.
"""

from __future__ import annotations

import os

from ..core.speech import HEAD_FIELDS, MAX_LEVEL, Section, Speech
from . import shape, yamlfile

FORMAT = 1
SUFFIX = ".speech.yaml"

_TOP_KEYS = {"format", *HEAD_FIELDS, "opening", "body", "closing", "substitutions",
             "opening_snippets", "closing_snippets"}
_SECTION_KEYS = {"heading", "paragraphs", "sections", "run_in", "snippets"}


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
    return speech


def sections_from_data(doc, keys: tuple, value, level: int) -> list[Section]:
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
        result.append(Section(
            heading=shape.text(doc, here + ("heading",), item.get("heading")),
            paragraphs=shape.paragraphs(doc, here + ("paragraphs",), item.get("paragraphs")),
            children=sections_from_data(doc, here + ("sections",), item.get("sections"), level + 1),
            run_in=shape.flag(doc, here + ("run_in",), item.get("run_in")),
            snippets=_snippet_ids(doc, here + ("snippets",), item.get("snippets"))))
    return result


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
    return data


def section_to_data(section: Section) -> dict:
    data: dict = {"heading": section.heading}
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
