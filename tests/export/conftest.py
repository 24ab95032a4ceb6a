"""Fixtures for the export tests: profiles, test speeches, and documents rendered to PDF.

Rendering starts LibreOffice once per test session for all documents together (its start-up
dominates the cost), with a private user profile and the fontconfig file in tests/fonts that
maps the Windows Chinese font names to the small free fonts installed for the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from composer.core.speech import Speech
from composer.export import Profile, export_docx, layout, load_profile, make_profile
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
    copy: str = layout.FULL

    def blocks(self) -> list[layout.Block]:
        return layout.speech_blocks(self.speech, self.profile, self.copy)


@dataclass
class Case:
    speech: Speech
    profile: Profile
    copy: str = layout.FULL
    # Rewrites a part of the written package before rendering: (part name, function on its XML).
    rewrite: tuple[str, Callable[[str], str]] | None = None


# Paragraph lengths taken in turn: from two lines to sixteen, so that page breaks fall at every
# kind of place (a paragraph's first or last line, a heading, a short paragraph).
VARIED = (40, 420, 75, 260, 130, 52, 330, 95, 190)


# A real published title too long for one line (tests/export/material/real_titles.yaml).
LONG_TITLE = "教育部党组书记、部长陈宝生在全国学校安全工作电视电话会议上的讲话"


def fifty_pages() -> Speech:
    """About 50 pages: 6 level-1 sections, three heading levels, paragraphs of varied length."""
    return build_speech(6, children=2, depth=3, paragraphs=3, lengths=VARIED, title=LONG_TITLE)


def signed(speech: Speech, unit: str = "某某市统计局", date: str = "2024年3月18日") -> Speech:
    speech.signature, speech.signature_date = unit, date
    return speech


def _without_page_rules(styles: str) -> str:
    """The styles as the earlier version wrote them: widow control off, no keep-with-next."""
    return styles.replace("<w:widowControl/>", '<w:widowControl w:val="0"/>').replace(
        "<w:keepNext/>", "")


def _render_cases() -> dict[str, Case]:
    standard = bundled("gbt9704")
    example = load_speech(EXAMPLE)
    return {
        "example": Case(example, standard),
        # 12 level-1 sections (十一、十二、) on well over 30 pages.
        "long": Case(build_speech(12, paragraphs=4, paragraph_chars=420), standard),
        # All four heading levels, two of each under each parent.
        "levels": Case(build_speech(2, children=2, depth=4, paragraphs=1, paragraph_chars=120),
                       standard),
        "pitch28": Case(build_speech(3, children=2, depth=2, paragraphs=2, paragraph_chars=200),
                        bundled("gbt9704-28pt")),
        "centred": Case(example, make_profile({"page_numbers": {"position": "center"}},
                                              base=bundled_dir() / "gbt9704.yaml", name="centred")),
        "fifty": Case(fifty_pages(), standard),
        # The same speech without the page rules: the checks must find the faults there.
        "unkept": Case(fifty_pages(), standard, rewrite=("word/styles.xml", _without_page_rules)),
        # A 落款 of each style.
        "signed": Case(signed(load_speech(EXAMPLE)), standard),
        "sealed": Case(signed(load_speech(EXAMPLE), "某某省某某市统计局"),
                       make_profile({"signature": {"style": "sealed"}},
                                    base=bundled_dir() / "gbt9704.yaml", name="sealed")),
        # The podium copy: the example, and all four heading levels with paragraphs of every size.
        "podium": Case(signed(load_speech(EXAMPLE)), bundled("podium")),
        "podium_levels": Case(build_speech(2, children=2, depth=4, paragraphs=2, lengths=VARIED),
                              bundled("podium")),
        # The outline copies of the 50-page speech.
        "outline": Case(fifty_pages(), standard, layout.OUTLINE),
        "outline_sentences": Case(fifty_pages(), standard, layout.OUTLINE_SENTENCES),
    }


RENDER_CASES = ("example", "long", "levels", "pitch28", "centred", "fifty", "unkept", "signed",
                "sealed", "podium", "podium_levels", "outline", "outline_sentences")
# The cases printed as official documents (22 lines × 28 characters, the page rules).
OFFICIAL_CASES = ("example", "long", "levels", "pitch28", "centred", "fifty", "signed", "sealed")


def _rewrite(path: Path, part: str, change: Callable[[str], str]) -> None:
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)


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
    for name, case in cases.items():
        path = work / f"{name}.docx"
        export_docx(case.speech, path, case.profile, copy=case.copy)
        if case.rewrite:
            _rewrite(path, *case.rewrite)
        documents.append(path)
    out_dir = work / "pdf"
    convert_to_pdf(documents, out_dir, work)
    return {name: Rendered(name, case.speech, case.profile, work / f"{name}.docx",
                           out_dir / f"{name}.pdf",
                           read_layout(out_dir / f"{name}.pdf", case.profile.page.bottom_mm),
                           case.copy)
            for name, case in cases.items()}
