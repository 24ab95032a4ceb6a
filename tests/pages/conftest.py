"""Fixtures for the page tests: speeches laid out by composer/pages, written as PDF and read back
with pdfplumber (tests/export/pdf_layout.py), as the .docx render is read in tests/export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from composer.core.speech import Section, Speech
from composer.export import Profile, layout, make_profile
from composer.export.profiles import bundled_dir
from composer.io.importing import read_speeches
from composer.io.speech_file import load_speech

from export.conftest import EXAMPLE, bundled
from export.pdf_layout import PageLayout, read_layout
from export.speech_builders import CORPUS, TextSource, build_speech


@pytest.fixture(scope="session", autouse=True)
def gui(qapp):
    """Fonts need a Qt application (pytest-qt's, offscreen)."""
    return qapp


def large_type() -> Profile:
    """A podium-like profile (large type, wide lines): nothing in the pages may assume 16 pt
    and 22 lines.  二号 body, 黑体 headings, 40 pt lines → 15 lines of 20 characters."""
    roles = {role: {"size_pt": 22} for role in ("subtitle", "speaker", "date", "salutation", "body",
                                                "heading1", "heading2", "heading3", "heading4",
                                                "closing")}
    roles["title"] = {"size_pt": 26}
    roles["heading2"] = {"size_pt": 22, "font": "黑体"}
    return make_profile({"text": {"line_pitch_pt": 40}, "roles": roles},
                        base=bundled_dir() / "gbt9704.yaml", name="large")


def mixed_speech() -> Speech:
    """Run-in headings, digits and Latin letters, a title with a manual line break."""
    source = TextSource()
    sections = [Section(source.heading(), [source.paragraph(150), "2024年完成了GDP增长6.5%的目标，"
                                           + source.paragraph(100)],
                        [Section(source.heading(), [source.paragraph(160)], run_in=True)
                         for _ in range(2)]) for _ in range(4)]
    return Speech(title="在全市创建文明城市工作推进会\n上的讲话", speaker="市长　李明", date="2024年5月8日",
                  salutation="同志们：", opening=[source.paragraph(200)], body=sections,
                  closing=["谢谢大家！"])


@dataclass
class Printed:
    name: str
    speech: Speech
    profile: Profile
    copy: str          # layout.FULL, OUTLINE …
    blocks: list       # the copy's blocks (export/layout.py)
    paged: object      # composer.pages.PagedSpeech
    pdf: Path
    pages: list[PageLayout]


def signed_speech() -> Speech:
    """The mixed speech with a 落款 (单位 and date)."""
    speech = mixed_speech()
    speech.signature, speech.signature_date = "某某市人民政府办公室", "2024年5月8日"
    return speech


def _cases() -> dict[str, tuple[Speech, Profile, str]]:
    standard = bundled("gbt9704")
    example = load_speech(EXAMPLE)
    corpus = read_speeches([CORPUS])
    return {
        "example": (example, standard, layout.FULL),
        # About 40 pages, with （一）（二） under every 一、.
        "forty": (build_speech(8, children=2, depth=2, paragraphs=3, paragraph_chars=260), standard,
                  layout.FULL),
        "levels": (build_speech(2, children=2, depth=4, paragraphs=1, paragraph_chars=120), standard,
                   layout.FULL),
        "pitch28": (build_speech(3, children=2, depth=2, paragraphs=2, paragraph_chars=200),
                    bundled("gbt9704-28pt"), layout.FULL),
        "centred": (mixed_speech(), make_profile({"page_numbers": {"position": "center"}},
                                                 base=bundled_dir() / "gbt9704.yaml", name="centred"),
                    layout.FULL),
        "large": (build_speech(4, children=2, depth=2, paragraphs=2, paragraph_chars=200), large_type(),
                  layout.FULL),
        "mixed": (mixed_speech(), standard, layout.FULL),
        # Real speeches nobody here wrote: the first two drafts of the corpus, as imported (the
        # second has 「20xx年」「xx大」 placeholders: Latin letters and digits in Chinese lines).
        "corpus1": (corpus[0].speech, standard, layout.FULL),
        "corpus2": (corpus[1].speech, standard, layout.FULL),
        "signed": (signed_speech(), standard, layout.FULL),
        # The other copies (issue 14): the 提纲 with first sentences, and the 大字稿.
        "outline": (example, standard, layout.OUTLINE_SENTENCES),
        "podium": (build_speech(4, children=2, depth=2, paragraphs=2, paragraph_chars=260),
                   bundled("podium"), layout.FULL),
    }


# The copies laid out under the rules of official-format.md §2 (every page full unless a rule
# ends it early), and the podium copy, whose pages follow its own plan (export/podium.py).
CASES = ("example", "forty", "levels", "pitch28", "centred", "large", "mixed", "corpus1", "corpus2",
         "signed", "outline")
PODIUM = "podium"


@pytest.fixture(scope="session")
def printed(tmp_path_factory, gui) -> dict[str, Printed]:
    from composer.pages import lay_out, write_pdf

    work = tmp_path_factory.mktemp("pages")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPEECH_COMPOSER_DATA", str(work / "data"))
        cases = _cases()
    assert tuple(cases) == CASES + (PODIUM,)
    out = {}
    for name, (speech, profile, copy) in cases.items():
        paged = lay_out(speech, profile, copy=copy, rate=180)
        path = work / f"{name}.pdf"
        write_pdf(paged, path)
        out[name] = Printed(name, speech, profile, copy, layout.speech_blocks(speech, profile, copy),
                            paged, path, read_layout(path, profile.page.bottom_mm))
    return out
