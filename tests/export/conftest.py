"""Fixtures for the export tests: profiles, test speeches, and documents rendered to PDF.

Rendering starts LibreOffice once per test session for all documents together (its start-up
dominates the cost), with a private user profile and the fontconfig file in tests/fonts that
maps the Windows Chinese font names to the small free fonts installed for the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from composer.core.speech import Speech
from composer.export import Profile, export_docx, load_profile, make_profile
from composer.export.profiles import bundled_dir
from composer.io.speech_file import load_speech

from .pdf_layout import PageLayout, read_layout
from .speech_builders import build_speech

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"
FONTS_CONF = ROOT / "tests" / "fonts" / "fonts.conf"


def bundled(name: str) -> Profile:
    """A bundled profile by file, so that nothing in a user folder can stand in for it."""
    return load_profile(bundled_dir() / f"{name}.yaml")


@pytest.fixture
def standard() -> Profile:
    return bundled("gbt9704")


@pytest.fixture
def example() -> Speech:
    return load_speech(EXAMPLE)


@dataclass
class Rendered:
    name: str
    speech: Speech
    profile: Profile
    docx: Path
    pdf: Path
    pages: list[PageLayout]


def _render_cases() -> dict[str, tuple[Speech, Profile]]:
    standard = bundled("gbt9704")
    example = load_speech(EXAMPLE)
    return {
        "example": (example, standard),
        # 12 level-1 sections (十一、十二、) on well over 30 pages.
        "long": (build_speech(12, paragraphs=4, paragraph_chars=420), standard),
        # All four heading levels, two of each under each parent.
        "levels": (build_speech(2, children=2, depth=4, paragraphs=1, paragraph_chars=120), standard),
        "pitch28": (build_speech(3, children=2, depth=2, paragraphs=2, paragraph_chars=200),
                    bundled("gbt9704-28pt")),
        "centred": (example, make_profile({"page_numbers": {"position": "center"}},
                                          base=bundled_dir() / "gbt9704.yaml", name="centred")),
    }


RENDER_CASES = ("example", "long", "levels", "pitch28", "centred")


def convert_to_pdf(documents: list[Path], out_dir: Path, work: Path) -> None:
    """One LibreOffice run converting every document (headless, private profile)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed for the render tests: packaging/dev.sh installs it"
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=str(work))
    command = [soffice, f"-env:UserInstallation=file://{work / 'lo-profile'}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, documents)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    missing = [d for d in documents if not (out_dir / (d.stem + ".pdf")).is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Rendered]:
    work = tmp_path_factory.mktemp("render")
    with pytest.MonkeyPatch.context() as patch:
        # Session fixtures run before the per-test folder fixture: keep the user's folders out.
        patch.setenv("SPEECH_COMPOSER_DATA", str(work / "data"))
        cases = _render_cases()
    assert tuple(cases) == RENDER_CASES
    documents = []
    for name, (speech, profile) in cases.items():
        path = work / f"{name}.docx"
        export_docx(speech, path, profile)
        documents.append(path)
    out_dir = work / "pdf"
    convert_to_pdf(documents, out_dir, work)
    return {name: Rendered(name, speech, profile, work / f"{name}.docx", out_dir / f"{name}.pdf",
                           read_layout(out_dir / f"{name}.pdf", profile.page.bottom_mm))
            for name, (speech, profile) in cases.items()}
