"""The project's error types.  Each carries a message for the user in the UI language."""

from __future__ import annotations

import re

from .i18n import pick

_LINE_BREAKS = re.compile(r"\s*[\r\n\x85\u2028\u2029]+\s*")


def one_line(text: str) -> str:
    """A reason on one line, as every message the program gives is (a line break inside a
    file name or a library's message would split it: PyYAML's own run over two lines)."""
    return _LINE_BREAKS.sub(" ", text).strip()


class ComposerError(Exception):
    """Base of every error the program reports to the user instead of crashing.

    Built from a Chinese and an English text; ``str()`` gives the one for the current language,
    always on one line.
    """

    def __init__(self, zh: str, en: str):
        super().__init__(zh)
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return one_line(pick(self.zh, self.en))


class OperationError(ComposerError):
    """An edit that would break the speech (a move into its own subsection, a fifth level …).

    Raised before anything is changed.
    """


class FileFormatError(ComposerError):
    """A file that cannot be read as what it claims to be.  Nothing was changed."""
