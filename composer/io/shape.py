"""Checking the shape of parsed YAML data, with errors that point at the offending line."""

from __future__ import annotations

from .yamlfile import Document


def refuse_unknown(doc: Document, keys: tuple, mapping: dict, allowed: set) -> None:
    for key in mapping:
        if key not in allowed:
            raise doc.error(keys + (key,), "是不认识的项目（拼写错误？）。",
                            "is not a known key (a typo?).", at_key=True)


def text(doc: Document, keys: tuple, value) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # 「date: 2024」 is still meant as text
    if not isinstance(value, str):
        raise doc.error(keys, "应当是一段文字。", "must be text.")
    return value


def paragraphs(doc: Document, keys: tuple, value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        raise doc.error(keys, "应当是段落列表（每段以“- ”开头）。",
                        "must be a list of paragraphs (each starting with '- ').")
    if not isinstance(value, list):
        raise doc.error(keys, "应当是段落列表。", "must be a list of paragraphs.")
    return [text(doc, keys + (i,), item) for i, item in enumerate(value)]


def flag(doc: Document, keys: tuple, value) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise doc.error(keys, "应当是 true 或 false。", "must be true or false.")
    return value
