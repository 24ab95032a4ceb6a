"""A section's ``skip`` in speech and library files (issue 12 item 2): written only when it is
not 0, so files from before skips existed load and save byte for byte as before."""

from pathlib import Path

import pytest

from composer.core.errors import FileFormatError
from composer.core.library import Pack, Snippet
from composer.core.numbering import outline_markers
from composer.core.speech import Section, Speech
from composer.io import library_file
from composer.io.speech_file import dump_speech, load_speech, parse_speech, save_speech, speech_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"
# Written by the program as it was before skips (main at 08884a6): every kind of key it had.
BEFORE = Path(__file__).parent / "material" / "before-skips.speech.yaml"


@pytest.mark.parametrize("path", [EXAMPLE, BEFORE], ids=["example", "before-skips"])
def test_files_without_skips_load_and_save_byte_for_byte(path, tmp_path):
    raw = path.read_bytes()
    speech = load_speech(path)
    assert all(section.skip == 0 for section, _ in speech.walk())
    assert speech_bytes(speech)[0] == raw
    save_speech(speech, tmp_path / "again.speech.yaml")
    assert (tmp_path / "again.speech.yaml").read_bytes() == raw


def bracketed() -> Speech:
    return Speech(title="讲话", body=[
        Section("压实责任", ["正文。"], [Section("分工", ["正文。"], skip=1)], skip=1),
        Section("强化督查", ["正文。"], [Section("细则", ["正文。"], [Section("条目")])],
                skip=1)])


def test_skips_round_trip_and_are_written_under_the_heading(tmp_path):
    speech = bracketed()
    text = dump_speech(speech)
    assert text.count("skip: 1") == 3 and "skip: 0" not in text
    assert "- heading: 压实责任\n  skip: 1\n" in text
    path = tmp_path / "s.speech.yaml"
    save_speech(speech, path)
    back = load_speech(path)
    assert back.content() == speech.content()
    assert [level for _, level in back.walk()] == [2, 4, 2, 3, 4]
    markers = outline_markers(back)
    assert [markers[s.id] for s, _ in back.walk()] == ["（一）", "（1）", "（二）", "1.", "（1）"]


@pytest.mark.parametrize("body, words", [
    (b"- heading: a\n  skip: -1\n", ["skip", "0、1、2 或 3"]),
    (b"- heading: a\n  skip: true\n", ["skip", "0、1、2 或 3"]),
    (b"- heading: a\n  skip: one\n", ["skip"]),
    (b"- heading: a\n  skip: 4\n", ["body[1].skip", "四级"]),
    (b"- heading: a\n  sections:\n  - heading: b\n    skip: 3\n", ["四级", "6:11"]),
    (b"- heading: a\n  skip: 3\n  sections:\n  - heading: b\n", ["四级"]),
])
def test_a_skip_that_is_not_a_level_count_or_goes_below_four_is_refused(body, words):
    with pytest.raises(FileFormatError) as refused:
        parse_speech(b"format: 1\nbody:\n" + body, "bad.speech.yaml")
    message = str(refused.value)
    assert all(word in message for word in words), message


def test_library_packs_and_their_index_keep_the_skip(tmp_path, monkeypatch):
    monkeypatch.setenv("SPEECH_COMPOSER_CACHE", str(tmp_path / "cache"))
    snippet = Snippet("my-0001", 1, "统一思想", ["正文。"],
                      [Section("提高认识", ["正文。"], skip=1)], kind="意义")
    path = tmp_path / "mine.library.yaml"
    library_file.save_pack(Pack("mine", [snippet], str(path)), path)
    assert "skip: 1" in path.read_text(encoding="utf-8")
    for _ in range(2):                      # from the YAML, then from the JSON index
        [loaded] = library_file.load_pack(path).snippets
        assert loaded.children[0].skip == 1
        assert loaded.to_section().children[0].skip == 1
    # A level-2 snippet whose child skips to level 4 fits; one more level does not.
    path.write_text("format: 1\nname: x\nsnippets:\n- id: a\n  level: 2\n  heading: h\n"
                    "  paragraphs: []\n  sections:\n  - heading: c\n    skip: 1\n"
                    "    sections:\n    - heading: d\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="四级"):
        library_file.load_pack(path, use_index=False)
