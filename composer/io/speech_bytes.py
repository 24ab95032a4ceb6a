"""The bytes of a speech file, even when its text holds something UTF-8 cannot encode.

Python strings can hold lone UTF-16 surrogates (from a clipboard, or text decoded with
``surrogateescape``); the YAML writer then fails on the whole speech.  Refusing to save — or to
write a recovery file — would put every other word at risk for one invalid code unit, so such
code units are written as U+FFFD (�), visibly, and the caller is told.
"""

from __future__ import annotations

from ..core.speech import Speech
from . import speech_file, yamlfile


def speech_bytes(speech: Speech) -> tuple[bytes, bool]:
    """(UTF-8 speech file, whether invalid code units had to be replaced)."""
    data = speech_file.speech_to_data(speech)
    try:
        return yamlfile.dump(data).encode("utf-8"), False
    except UnicodeEncodeError:
        return yamlfile.dump(_repaired(data)).encode("utf-8"), True


def _repaired(value):
    if isinstance(value, str):
        # A well-formed surrogate pair becomes its character; a lone surrogate becomes U+FFFD.
        fixed = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return type(value)(fixed)
    if isinstance(value, list):
        return [_repaired(item) for item in value]
    if isinstance(value, dict):
        return {key: _repaired(item) for key, item in value.items()}
    return value
