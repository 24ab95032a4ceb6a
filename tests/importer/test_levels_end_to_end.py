"""An imported document exports with its own markers (issue 12 item 2: an export never recasts a
document's own hierarchy into another one).

Each source goes the whole way a writer takes it: ``speech-composer import SOURCE --speech``,
the speech file read back, ``speech-composer export -o .docx``.  The heading markers the source
wrote, read from its lines here (not from the importer), are compared with the export's, heading
by heading: the level and the number of each, and the heading style Word shows it in.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from composer.cli import main
from composer.core.markers import parse_marker
from composer.io.speech_file import load_speech

REALDOCS = Path(__file__).parent / "realdocs"
# Where a source's body ends: the 注释 block and the rule before it (the Markdown ones here).
_BODY_END = re.compile(r"^(-{6,}|#*\s*注\s*释|〔注释〕)")


def source_markers(path: Path) -> list[tuple[int, int]]:
    """(level, number) of every line of the body that starts with an outline marker."""
    found = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        text = re.sub(r"^#+\s*", "", line.strip())
        if _BODY_END.match(text):
            break
        marker = parse_marker(text)
        if marker is not None:
            found.append((marker.level, marker.number))
    return found


def exported_markers(path: Path) -> list[tuple[int, int, int]]:
    """(level of the marker, its number, level of the heading style) of every heading."""
    found = []
    for para in docx.Document(str(path)).paragraphs:
        style = para.style.name if para.style is not None else ""
        if not style.lower().startswith("heading"):
            runs = [r for r in para.runs if r.style is not None and r.style.name.startswith("Heading")]
            if not runs:
                continue
            style = runs[0].style.name
        marker = parse_marker(para.text)
        assert marker is not None, para.text
        found.append((marker.level, marker.number, int(re.search(r"\d", style).group())))
    return found


def import_then_export(source: Path, tmp_path: Path, capsys) -> Path:
    speech_path = tmp_path / "imported.speech.yaml"
    assert main(["import", str(source), "--speech", str(speech_path)]) == 0
    load_speech(speech_path)                       # what the writer opens is a valid speech
    out = tmp_path / "exported.docx"
    assert main(["export", str(speech_path), "-o", str(out)]) == 0
    capsys.readouterr()
    return out


@pytest.mark.parametrize("name, expected", [
    # 《关于领导方法的若干问题》: nine run-in （一）…（九）, no 一、 at all.
    ("tuned/mao070.md", [(2, n) for n in range(1, 10)]),
    # 《一九四六年解放区工作的方针》: ten （一）…（十）.
    ("tuned/mao097.md", [(2, n) for n in range(1, 11)]),
    # 《反对本本主义》: 一…七, and （1）…（7） straight under 七 (the （一） and 1. levels skipped).
    ("tuned/mao006.md", [(1, n) for n in range(1, 8)] + [(4, n) for n in range(1, 8)]),
    # 《政府工作报告》2022 as copied from a web page: 一、（一） as usual — unchanged.
    ("tuned/gov2022.txt", [(1, 1), (1, 2), (1, 3)] + [(2, n) for n in range(1, 10)]),
])
def test_a_real_document_keeps_its_markers(name, expected, tmp_path, capsys):
    source = REALDOCS / name
    assert source_markers(source) == expected      # what the source says, read here
    exported = exported_markers(import_then_export(source, tmp_path, capsys))
    assert [(level, number) for level, number, _ in exported] == expected
    assert all(level == style for level, _, style in exported)


CONSTRUCTED = """关于做好全年工作的讲话

同志们：

今天召开会议，部署全年工作。

一、统一思想

1、提高认识。要把思想统一到会议精神上来。

2、明确任务。全年的任务已经明确。

二、加强领导

（一）压实责任

各级要落实责任。

（二）强化督查

要加强督查。

谢谢大家！
"""


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_one_list_under_yi_stays_a_one_list(form, tmp_path, capsys, docx_of):
    source = tmp_path / "讲话.txt"
    source.write_text(CONSTRUCTED, encoding="utf-8")
    expected = source_markers(source)
    assert expected == [(1, 1), (3, 1), (3, 2), (1, 2), (2, 1), (2, 2)]
    if form == "docx":
        source = docx_of(source, tmp_path)
    exported = exported_markers(import_then_export(source, tmp_path, capsys))
    assert [(level, number) for level, number, _ in exported] == expected
    assert all(level == style for level, _, style in exported)
