"""Printed pages of a speech: print preview, printing and PDF, laid out with Qt's text engine.

The pages are made from the same blocks (``export/layout.py``) and format profile as the .docx:
the profile's paper, margins, line pitch, fonts and sizes; the line grid (22 lines of 28
characters for GB/T 9704); "— N —" page numbers on the outer side; headings kept with their text
and no widows or orphans.  So a preview shows the page breaks that the .docx has, as far as two
layout engines agree.

Modules: ``formats`` (the role table and the page), ``fonts`` (installed fonts for the profile's),
``typeset`` (a block into lines), ``paginate`` (lines into pages, no Qt), ``paged`` (a laid-out
speech), ``render`` (drawing a page), ``pdf`` and ``printing`` (the devices).

Imports Qt's GUI and print modules, ``export`` and ``core``; never ``ui``.  A QGuiApplication must
exist (fonts need one): :func:`ensure_application` makes an offscreen one for the command line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import fonts
from .application import ensure_application

if TYPE_CHECKING:
    from .paged import Page, PagedSpeech, lay_out, lay_out_blocks
    from .pdf import pdf_bytes, write_pdf

__all__ = ["Page", "PagedSpeech", "ensure_application", "export_pdf", "fonts", "lay_out",
           "lay_out_blocks", "pdf_bytes", "write_pdf"]

# The document view asks ``fonts`` which installed font shows each role as the window starts;
# the typesetter and the PDF writer (a tenth of a second to import) load when first used.
_LAZY = {"Page": "paged", "PagedSpeech": "paged", "lay_out": "paged", "lay_out_blocks": "paged",
         "pdf_bytes": "pdf", "write_pdf": "pdf"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def export_pdf(speech, path, profile, copy: str = "full", rate: int | None = None) -> None:
    """Lay out SPEECH (or its outline copy) with PROFILE and write it as a PDF to PATH,
    atomically.  RATE: characters a minute, for the page times of a podium copy."""
    from .paged import lay_out
    from .pdf import write_pdf
    write_pdf(lay_out(speech, profile, copy=copy, rate=rate), path)
