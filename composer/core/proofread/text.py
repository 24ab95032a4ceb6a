"""Small text helpers the rules share: what counts as Chinese, and a fast phrase index."""

from __future__ import annotations

import re
from typing import Generic, TypeVar
from collections.abc import Iterator

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
# Full-width punctuation that belongs to Chinese text: next to it, a half-width mark is in
# Chinese text too (「同志们，大家好!」).
CJK_PUNCT = "，。、；：？！“”‘’《》（）【】…—·「」『』〈〉"
CHINESE = re.compile(f"[{HAN}{CJK_PUNCT}]")
SPACES = " \t\u00a0\u3000"


def is_chinese(ch: str) -> bool:
    return bool(ch) and CHINESE.match(ch) is not None


def is_han(ch: str) -> bool:
    return bool(ch) and HAN_CHAR.match(ch) is not None


def neighbour(text: str, index: int, step: int) -> str:
    """The nearest character that is not a space, before (step -1) or after (step 1) index."""
    i = index + step
    while 0 <= i < len(text) and text[i] in SPACES:
        i += step
    return text[i] if 0 <= i < len(text) else ""


T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Phrases with a payload, found in a text by their first character.

    A regular expression with a thousand alternatives tries each one at every position; looking
    up the first character first makes a scan cost about one dictionary look-up per character.
    Longer phrases win over shorter ones starting at the same place, and matches never overlap.
    """

    def __init__(self, items: list[tuple[str, T]] | None = None):
        self._by_first: dict[str, list[tuple[str, T]]] = {}
        for phrase, payload in items or []:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        if not phrase:
            return
        bucket = self._by_first.setdefault(phrase[0], [])
        if any(p == phrase for p, _ in bucket):
            return          # the first one given wins (the office's lists before shared ones)
        bucket.append((phrase, payload))
        bucket.sort(key=lambda item: -len(item[0]))

    def __len__(self) -> int:
        return sum(len(b) for b in self._by_first.values())

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def phrases(self) -> Iterator[tuple[str, T]]:
        for bucket in self._by_first.values():
            yield from bucket

    def find(self, text: str) -> Iterator[tuple[int, str, T]]:
        by_first = self._by_first
        if not by_first:
            return
        i, size = 0, len(text)
        while i < size:
            bucket = by_first.get(text[i])
            if bucket is not None:
                for phrase, payload in bucket:
                    if text.startswith(phrase, i):
                        yield i, phrase, payload
                        i += len(phrase)
                        break
                else:
                    i += 1
            else:
                i += 1
