"""Old Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice for the importer.

Most old speeches in offices are kept in these binary formats, which no Python package reads
well.  When LibreOffice is installed it converts them headless, in a private temporary folder
with a private user profile (so that no setting of the user's own LibreOffice is touched and a
running LibreOffice does not swallow the request); the .docx it writes is read back as bytes and
the folder is removed.  When LibreOffice is not installed the user is told what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..core.errors import FileFormatError
from . import files

MAX_LEGACY_BYTES = 64 * 1024 * 1024
CONVERT_SECONDS = 120

# Where LibreOffice installs itself when it is not on the PATH.
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
_MAC_PLACES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    places = _WINDOWS_PLACES if sys.platform == "win32" else _MAC_PLACES
    return next((place for place in places if os.path.exists(place)), None)


def convert_to_docx(path: str | os.PathLike) -> bytes:
    """The .docx bytes of a .doc or .wps file; FileFormatError when it cannot be converted."""
    source = Path(path)
    name = source.name
    raw = files.read_bytes(source, limit=MAX_LEGACY_BYTES)   # size and readability checks
    if not raw:
        raise FileFormatError(f"{name}：文件是空的。", f"{name}: the file is empty.")
    soffice = find_soffice()
    if soffice is None:
        raise FileFormatError(
            f"{name}：导入 .doc / .wps 文件需要 LibreOffice。请安装 LibreOffice（免费，"
            "libreoffice.org），或在 Word、WPS 中把它另存为 .docx 后再导入。",
            f"{name}: importing .doc / .wps files needs LibreOffice. Install LibreOffice "
            "(free, libreoffice.org), or save the file as .docx in Word or WPS first.")
    with tempfile.TemporaryDirectory(prefix="composer-doc-") as folder:
        work = Path(folder)
        copy = work / f"source{source.suffix.lower()}"
        copy.write_bytes(raw)
        profile = (work / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work), str(copy)]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise FileFormatError(f"{name}：LibreOffice 转换超时，文件可能已损坏。",
                                  f"{name}: LibreOffice timed out converting it; the file may "
                                  "be damaged.") from None
        except OSError:
            raise FileFormatError(f"{name}：无法启动 LibreOffice。",
                                  f"{name}: LibreOffice could not be started.") from None
        converted = work / "source.docx"
        if not converted.exists() or converted.stat().st_size == 0:
            raise FileFormatError(f"{name}：LibreOffice 无法读取这个文件，它可能已损坏。",
                                  f"{name}: LibreOffice cannot read this file; it may be "
                                  "damaged.")
        return converted.read_bytes()
