"""The fast reader of the program's own YAML gives exactly what PyYAML gives, or steps aside.

PyYAML is the judge: for files the program writes (any text in any field), the reader must
return PyYAML's data; for files changed by hand (random edits of such files, and hand-written
YAML of every kind), it must return PyYAML's data or raise NotBlockYaml, never other data, and
never data where PyYAML refuses the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from composer.io import block_yaml, library_file, yamlfile
from composer.io.block_yaml import NotBlockYaml

ROOT = Path(__file__).resolve().parents[2]


def pyyaml(text: str):
    return yaml.load(text, Loader=yamlfile.Loader)


def same_or_steps_aside(text: str) -> None:
    try:
        expected = pyyaml(text)
    except yaml.YAMLError:
        with pytest.raises(NotBlockYaml):
            block_yaml.parse(text)
        return
    try:
        got = block_yaml.parse(text)
    except NotBlockYaml:
        return
    assert got == expected and _types(got) == _types(expected), text


def _types(value):
    """The structure with the type of every leaf (1 == 1.0 == True in Python)."""
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


# Text as writers have it, and text that tries YAML's corners: indicators, quotes, colons and
# hashes, escapes, spaces at either end, blank lines, numbers and booleans, other line breaks.
CORNERS = ["", " ", "  ", "\n", "\n\n", "\t", ":", ": ", " #", "#", "-", "- ", "---", "...", "'",
           '"', "\\", "|", ">", "&a", "*a", "!x", "%", "@", "`", "[", "]", "{", "}", ",", "?",
           "~", "null", "true", "no", "on", "1", "-1", "0x1F", "1_000", "1.5", ".inf", "1e3",
           "2024-01-01", "12:30", "\x85", "\u2028", "\ufeff", "\x00", "\x07", "\r", "\r\n",
           "统一思想，提高认识", "同志们：", "（一）", "１．", "GDP", "20xx", "𠀀", "ß", "\ud800"]
corners = st.lists(st.one_of(st.sampled_from(CORNERS), st.text(max_size=6)), max_size=6).map("".join)
WRITERS = "统一思想提高认识创建文明单位同志们，。、；：“”（）《》！？—…ABCxyz0123456789 .-%"
writers_text = st.text(alphabet=WRITERS, min_size=1, max_size=30).filter(
    lambda t: t.strip() == t and not t.startswith(("-", ".", "%")) and ": " not in t
    and not t[0].isdigit() and "  " not in t)


@st.composite
def sections(draw, texts, depth=0):
    data = {"heading": draw(texts)}
    if draw(st.booleans()):
        data["run_in"] = True
    data["paragraphs"] = [yamlfile.Block(p) for p in draw(st.lists(texts, max_size=3))]
    if depth < 2 and draw(st.booleans()):
        data["sections"] = draw(st.lists(sections(texts, depth + 1), max_size=2))
    return data


@st.composite
def packs(draw, texts):
    snippets = []
    for n in range(draw(st.integers(0, 4))):
        item = {"id": draw(st.one_of(texts, st.just(f"s{n}"), st.integers(0, 99))),
                "level": draw(st.sampled_from([1, 2, 3, 4, "paragraph"]))}
        if draw(st.booleans()):
            item["kind"] = draw(texts)
        if draw(st.booleans()):
            item["tags"] = draw(st.lists(texts, max_size=3))
        item["heading"] = draw(texts)
        item["paragraphs"] = [yamlfile.Block(p) for p in draw(st.lists(texts, max_size=3))]
        if draw(st.booleans()):
            item["sections"] = draw(st.lists(sections(texts), max_size=2))
        if draw(st.booleans()):
            item["source"] = {"file": draw(texts), "speech": draw(texts)}
        snippets.append(item)
    return {"format": 1, "name": draw(texts), "snippets": snippets}


def written(data) -> str:
    """The file the program writes (code units UTF-8 cannot hold become U+FFFD first)."""
    raw, _ = yamlfile.dump_bytes(data)
    return raw.decode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs(corners))
def test_files_the_program_writes_read_as_pyyaml_reads_them(data):
    same_or_steps_aside(written(data))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs(writers_text))
def test_ordinary_files_are_never_left_to_pyyaml(data):
    """What writers put in a library (Chinese and Latin text, digits, punctuation, spaces
    inside) is read by the fast reader itself."""
    text = written(data)
    got = block_yaml.parse(text)
    assert got == pyyaml(text) and _types(got) == _types(pyyaml(text))


EDITS = ["", " ", "  ", "\t", "#", " # c", "- ", ": ", "'", '"', "|", "|-", "|2", ">", "&a ",
         "*a", "!!str ", "[", "{}", "[]", "\n", "\n\n", "\r\n", "\r", "---\n", "...\n", "? ",
         "~", "x: y", "\ufeff", "\x00", "1", "true"]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs(corners), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(EDITS), st.integers(0, 3)),
                         min_size=1, max_size=4))
def test_files_changed_by_hand_read_as_pyyaml_reads_them_or_are_left_to_it(data, edits):
    text = written(data)
    for where, insert, remove in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + remove:]
    same_or_steps_aside(text)


@pytest.mark.parametrize("text", [
    "a: 1\n", "a:\n  b: 1\n", "a:\n- 1\n- 2\nb: x\n", "a:\n  - 1\n  -\n  - 3\n", "- a: 1\n  b: 2\n",
    "a: |\n  x\n\n  y\n\n\nb: 1\n", "a: |+\n  x\n\n\n", "a: |-\n  x\n  \n", "a: |2\n   x\n",
    "- |2-\n   x\n", "a:\n- |1\n  x\n", "a: |\n    deeper\n   less\n", "a: 'it''s'\n",
    'a: "\\u4e2d\\t\\x41\\U0001F600\\N"\n', 'a: "\\ud800"\n', 'a: "\\q"\n', "a: b # c\n",
    "a: [1, 2]\n", "a: {b: 1}\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n",
    "true: 1\n", "a:\tb\n", "\ta: 1\n", "a: b\n  c\n", "- - 1\n", "a: >\n  x\n", "a: 2024-01-01\n",
    "a: 0x1F\nb: 1_000\nc: .inf\nd: ~\ne: yes\nf: 1:30\ng: +1\nh: -.5\n", "# only\n", "",
    "a: 1", "a: 1\r\nb: |\r\n  x\r\n", "a: 1\rb: 2\n", "---\na: 1\n", "a: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n", "a: \u2028\n", "a: x\x85y\n", "a:  spaced\n", "a: trailing \n",
    "a: -\n", "a: --x\n", "a: ---\n", "a: 'multi\n  line'\n", "a: \"multi\n  line\"\n",
    "? a\n: 1\n", "a: |\n  # not a comment\n# a comment\n", "- \n- x\n", "-\n  a: 1\n",
    "a:\n\n  # c\n  b: 1\n", "a:\n    b: 1\n    c: 2\n  d: 3\n", "a: 'x' y\n", "a: <<\n",
    "a: =\n", "a: |\n\n  x\n", "a: |\n", "a: |\n \n  x\n", "a: x:y\n", "a: http://x\n",
    "a: 文明：单位\n", "a: [ ]\n", "a: {}\nb: []\n", "- a\n- b\nc: 1\n", "a: 1\n- b\n",
    "a:\n  - b: 1\n    c: |\n      t\n  - d\n", "a: |\n  x\n b: 1\n",
])
def test_hand_written_yaml(text):
    same_or_steps_aside(text)


@example(text="a: |\n  x\n")
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab-:|'\" #\n\t2+-[]{}&*!?") + ["  ", "\n  ", "\n- "]),
                max_size=40).map("".join))
def test_random_yaml_like_text(text):
    same_or_steps_aside(text)


def test_the_bundled_pack_and_a_generated_big_one_are_read_by_the_fast_reader(tmp_path):
    bundled = (ROOT / "resources" / "library" / "wenming-chuangjian.library.yaml").read_text(
        encoding="utf-8")
    assert block_yaml.parse(bundled) == pyyaml(bundled)
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import distinct_pack
    finally:
        sys.path.pop(0)
    path = tmp_path / "big.library.yaml"
    library_file.save_pack(distinct_pack(2000), path)
    text = path.read_text(encoding="utf-8")
    assert block_yaml.parse(text) == pyyaml(text)


def test_a_file_read_in_many_pieces_reads_as_one(monkeypatch):
    """Big files are searched, split and stripped a piece at a time (so that no call into C
    holds the interpreter long); with tiny pieces every boundary falls somewhere odd."""
    bundled = (ROOT / "resources" / "library" / "wenming-chuangjian.library.yaml").read_text(
        encoding="utf-8")
    whole = block_yaml.parse(bundled)
    assert whole == pyyaml(bundled)
    for piece, lines in [(1, 1), (7, 3), (100, 50), (4096, 7)]:
        monkeypatch.setattr(block_yaml, "PIECE", piece)
        monkeypatch.setattr(block_yaml, "LINES", lines)
        assert block_yaml.parse(bundled) == whole
        pieces = list(block_yaml._pieces(bundled))
        assert "".join(pieces) == bundled and all(p.endswith("\n") for p in pieces)
    # A character YAML refuses is found whichever piece it falls in.
    with pytest.raises(NotBlockYaml):
        block_yaml.parse(bundled[: len(bundled) // 2] + "\x07" + bundled[len(bundled) // 2:])
