"""Printed pages (composer/pages): laying out and writing the PDF of a 30,000-character speech,
against the .docx export of the same speech in the same run; and the ``speech-composer export``
process writing a PDF against the one writing a .docx (the PDF process starts Qt)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from bench_export import _command, characters, speech_of
from harness import Case, Info

from composer import pages
from composer.export import export_docx, load_profile
from composer.io.speech_file import save_speech


def cases() -> list:
    pages.ensure_application()
    folder = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    profile = load_profile()
    small, large = speech_of(6_000), speech_of(30_000)
    count = characters(large)
    docx_name = f"export .docx, {count:,} characters"
    layout_name = f"pages: lay out {count:,} characters"
    pdf_name = f"pages: lay out and write the PDF, {count:,} characters"
    laid_out = pages.lay_out(large, profile)
    speech_path = folder / "speech.speech.yaml"
    save_speech(small, speech_path)
    docx_process = f"speech-composer export process → .docx, {characters(small):,} characters"
    return [
        Info(f"pages of the {count:,}-character speech", lambda: f"{laid_out.page_count} pages"),
        Case(docx_name, lambda: export_docx(large, folder / "large.docx", profile), runs=9),
        Case(layout_name, lambda: pages.lay_out(large, profile), runs=9, baseline=docx_name),
        Case(pdf_name, lambda: pages.export_pdf(large, folder / "large.pdf", profile), runs=9,
             baseline=docx_name),
        Case(docx_process, lambda: subprocess.run(
            [*_command(), "export", str(speech_path), "-o", str(folder / "cli.docx")],
            check=True, capture_output=True), runs=7),
        Case(f"speech-composer export process → PDF, {characters(small):,} characters",
             lambda: subprocess.run([*_command(), "export", str(speech_path), "-o", str(folder / "cli.pdf")],
                                    check=True, capture_output=True), runs=7, baseline=docx_process),
    ]
