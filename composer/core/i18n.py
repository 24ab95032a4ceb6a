"""Language of messages from the core, io and command line (the Qt UI uses Qt translations).

Chinese is the default.  English is used when asked for (``set_language("en")``, the
``SPEECH_COMPOSER_LANG`` environment variable) or when the system locale is a non-Chinese one such
as ``en_US.UTF-8``; an unset or ``C`` locale keeps Chinese.
"""

from __future__ import annotations

import os

_language: str | None = None


def detect_language(environ=os.environ) -> str:
    explicit = environ.get("SPEECH_COMPOSER_LANG", "")
    if explicit:
        return "en" if explicit.lower().startswith("en") else "zh"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            if value in ("C", "POSIX") or value.startswith(("C.", "zh")):
                return "zh"
            return "en"
    return "zh"


def language() -> str:
    global _language
    if _language is None:
        _language = detect_language()
    return _language


def set_language(code: str) -> None:
    global _language
    _language = "en" if code.lower().startswith("en") else "zh"


def pick(zh: str, en: str) -> str:
    """Choose between the Chinese and English text of a message."""
    return en if language() == "en" else zh
