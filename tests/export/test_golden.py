"""Golden file: the whole package of one small speech, part by part, pretty-printed.

Volatile values (the creation and modification times) are blanked before comparing.  After an
intended change to the writer, regenerate with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/export/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from lxml import etree

from composer.core.speech import Section, Speech
from composer.export import export_docx

from .conftest import bundled
from .docx_xml import read_parts
from .speech_builders import TextSource

GOLDEN = Path(__file__).resolve().parent / "golden" / "small-speech.xml"
VOLATILE = re.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)")


def small_speech() -> Speech:
    source = TextSource()
    level4 = Section(source.heading(), [source.paragraph(40)])
    level3 = Section(source.heading(), [source.paragraph(40)], [level4])
    run_in = Section(source.heading(), [source.paragraph(60), source.paragraph(40)], [level3],
                     run_in=True)
    return Speech(
        title="在创建省级文明单位动员大会上的讲话", subtitle="在全局干部职工大会上",
        speaker="局长　王建国", date="2024年3月15日", salutation="同志们：",
        opening=[source.paragraph(60)],
        body=[Section(source.heading(), [source.paragraph(60)], [run_in]),
              Section(source.heading(), [source.paragraph(60)])],
        closing=["谢谢大家！"])


def package_text(data: bytes) -> str:
    out = []
    for name, content in read_parts(data).items():
        pretty = etree.tostring(etree.fromstring(content), pretty_print=True, encoding="unicode")
        out.append(f"=== {name} ===\n" + VOLATILE.sub(r"\1…\3", pretty))
    return "".join(out)


def test_small_speech_matches_the_golden_file(tmp_path):
    path = tmp_path / "small.docx"
    export_docx(small_speech(), path, bundled("gbt9704"))
    actual = package_text(path.read_bytes())
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "golden", "exported", n=2))
    assert actual == expected, diff[:4000]
