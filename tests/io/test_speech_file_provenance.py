"""The speech file's substitution table and snippet records (additions of issue 16): saved,
loaded back, optional, and checked like every other key."""

import pytest

from composer.core.errors import FileFormatError
from composer.core.speech import Section, Speech
from composer.io.speech_file import dump_speech, load_speech, parse_speech, save_speech


def test_round_trip(tmp_path):
    speech = Speech(title="t", opening=["开头"], closing=["结尾"],
                    substitutions=[("我院", "我局"), ("2024", "2025"), ("yes", "no"), ("省级", "")],
                    opening_snippets=["wm-1"], closing_snippets=["wm-9"],
                    body=[Section("a", ["x"], [Section("b", ["y"], snippets=["wm-3"])],
                                  snippets=["wm-2", "my-0001"])])
    path = tmp_path / "a.speech.yaml"
    save_speech(speech, path)
    loaded = load_speech(path)
    assert loaded.substitutions == speech.substitutions
    assert loaded.opening_snippets == ["wm-1"] and loaded.closing_snippets == ["wm-9"]
    assert loaded.body[0].snippets == ["wm-2", "my-0001"]
    assert loaded.body[0].children[0].snippets == ["wm-3"]
    assert loaded.content() == speech.content()


def test_written_only_when_present(example_path):
    # An old speech reads and writes exactly as before: no new keys appear in it.
    text = dump_speech(load_speech(example_path))
    for key in ("substitutions", "snippets"):
        assert key not in text
    assert text == example_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("raw, words", [
    (b"format: 1\nsubstitutions: [a, b]\n", ["substitutions", "对照表"]),
    (b"format: 1\nsubstitutions:\n  '': x\n", ["不为空"]),
    (b"format: 1\nsubstitutions:\n  a: [x]\n", ["substitutions.a", "文字"]),
    (b"format: 1\nsubstitutions:\n  a: x\n  a: y\n", ["两次"]),
    (b"format: 1\nopening_snippets: wm-1\n", ["opening_snippets", "素材编号"]),
    (b"format: 1\nbody:\n- heading: a\n  snippets: [1]\n", ["body[1].snippets", "4:13"]),
])
def test_bad_values_are_refused(raw, words):
    with pytest.raises(FileFormatError) as caught:
        parse_speech(raw, "bad.speech.yaml")
    for word in words:
        assert word in str(caught.value)


def test_numbers_as_keys_are_text():
    speech = parse_speech(b"format: 1\nsubstitutions:\n  2024: 2025\n", "x.speech.yaml")
    assert speech.substitutions == [("2024", "2025")]
