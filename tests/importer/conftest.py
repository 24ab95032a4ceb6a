"""Fixtures for the importer tests: the corpus in every form the importer must read."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "resources" / "corpus" / "创建文明单位动员大会讲话稿-8篇.txt"


@pytest.fixture(scope="session")
def corpus_forms(tmp_path_factory) -> dict[str, Path]:
    """The corpus as UTF-8, UTF-8 with BOM, GB18030, UTF-16 (BOM) and a LibreOffice .docx."""
    folder = tmp_path_factory.mktemp("corpus")
    text = CORPUS.read_text(encoding="utf-8")
    forms = {"utf-8": CORPUS}
    for name, encoding in (("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"),
                           ("utf-16", "utf-16")):
        path = folder / f"corpus-{name}.txt"
        path.write_bytes(text.encode(encoding))
        forms[name] = path
    forms["docx"] = _to_docx(CORPUS, folder)
    return forms


def _to_docx(source: Path, folder: Path) -> Path:
    """Convert with LibreOffice, in a private profile so that no user setting is touched."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed for the .docx import test"
    work = folder / "docx"
    work.mkdir()
    plain = work / "corpus.txt"
    shutil.copyfile(source, plain)
    profile = folder / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--infilter=Text (encoded):UTF8", "--convert-to", "docx", "--outdir",
                    str(work), str(plain)],
                   check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(folder)})
    result = work / "corpus.docx"
    assert result.exists(), "LibreOffice did not write the .docx"
    return result


@pytest.fixture(scope="session")
def corpus_speeches():
    """The speeches found in the corpus (UTF-8), for tests that only read them."""
    from composer.io.importing import read_speeches
    return read_speeches([CORPUS])


@pytest.fixture
def corpus_path() -> Path:
    return CORPUS


@pytest.fixture
def docx_of():
    """A text file converted to .docx by LibreOffice: ``docx_of(path, folder)``."""
    return _to_docx
