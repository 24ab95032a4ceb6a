"""The project's error types.  Each carries a message for the user in the UI language."""

from __future__ import annotations

from .i18n import pick


class ComposerError(Exception):
    """Base of every error the program reports to the user instead of crashing.

    Built from a Chinese and an English text; ``str()`` gives the one for the current language.
    """

    def __init__(self, zh: str, en: str):
        super().__init__(zh)
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return pick(self.zh, self.en)


class OperationError(ComposerError):
    """An edit that would break the speech (a move into its own subsection, a fifth level …).

    Raised before anything is changed.
    """


class FileFormatError(ComposerError):
    """A file that cannot be read as what it claims to be.  Nothing was changed."""
