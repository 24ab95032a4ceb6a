"""Where a finding is, in words the writer recognises: 「一、统一思想…… 第2段」, 「开头 第1段」."""

from __future__ import annotations

from ..speech import CLOSING, OPENING, Speech
from .finding import Location

HEAD_NAMES = {"title": ("标题", "title"), "subtitle": ("副标题", "subtitle"),
              "speaker": ("讲话人", "speaker line"), "date": ("日期", "date line"),
              "salutation": ("称呼", "salutation")}


def short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def container_label(speech: Speech, container: str, markers: dict[str, str]) -> tuple[str, str]:
    if container in HEAD_NAMES:
        return HEAD_NAMES[container]
    if container == OPENING:
        return ("开头", "opening")
    if container == CLOSING:
        return ("结尾", "closing")
    try:
        section = speech.find(container)
    except KeyError:
        return ("正文", "body")
    text = markers.get(container, "") + short(section.heading)
    return text, text


def describe(speech: Speech, location: Location, markers: dict[str, str]) -> tuple[str, str]:
    """(Chinese, English) name of a place."""
    zh, en = container_label(speech, location.container, markers)
    if location.paragraph is None:
        return zh, en
    return f"{zh} 第{location.paragraph + 1}段", f"{en}, paragraph {location.paragraph + 1}"
