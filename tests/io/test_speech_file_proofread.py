"""The speech file keeps ignored findings and the time budget; old files load as before."""

import pytest

from composer.core.errors import FileFormatError
from composer.core.proofread import check_speech
from composer.core.speech import IgnoredFinding, Section, Speech
from composer.io.speech_file import dump_speech, load_speech, parse_speech, save_speech


def test_ignored_findings_and_budget_round_trip(tmp_path):
    speech = Speech(title="讲", opening=["学习《条例》、《规定》的精神。"], body=[Section("甲", ["正文。"])],
                    target_minutes=7.5, speaking_rate=150)
    (finding,) = check_speech(speech, rules="punct.dun-titles")
    speech.ignored = [IgnoredFinding(*finding.key), IgnoredFinding("word.repeated", "我们我们")]
    path = tmp_path / "a.speech.yaml"
    save_speech(speech, path)
    loaded = load_speech(path)
    assert loaded.ignored == speech.ignored
    assert (loaded.target_minutes, loaded.speaking_rate) == (7.5, 150)
    assert check_speech(loaded, rules="punct.dun-titles") == []
    text = path.read_text(encoding="utf-8")
    assert "target_minutes: 7.5" in text and "rule: punct.dun-titles" in text


def test_a_speech_without_them_is_written_as_before():
    text = dump_speech(Speech(title="讲"))
    assert "ignored" not in text and "target_minutes" not in text and "speaking_rate" not in text
    old = parse_speech("format: 1\ntitle: 旧文件\nopening:\n- 开头。\n".encode(), "old.speech.yaml")
    assert old.ignored == [] and old.target_minutes is None and old.speaking_rate is None


@pytest.mark.parametrize("content, words", [
    ("target_minutes: 0\n", ["target_minutes", "分钟"]),
    ("target_minutes: 十分钟\n", ["target_minutes"]),
    ("target_minutes: true\n", ["target_minutes"]),
    ("speaking_rate: 10\n", ["speaking_rate", "60"]),
    ("speaking_rate: 150.5\n", ["speaking_rate"]),
    ("ignored: punct\n", ["ignored", "列表"]),
    ("ignored:\n- rule: punct.dash\n  excerp: x\n", ["ignored[1].excerp", "不认识"]),
    ("ignored:\n- excerpt: x\n", ["ignored[1].rule", "不能为空"]),
    ("ignored:\n- just text\n", ["ignored[1]"]),
])
def test_bad_values_are_refused_with_their_line(content, words):
    with pytest.raises(FileFormatError) as error:
        parse_speech(("format: 1\n" + content).encode(), "bad.speech.yaml")
    for word in words:
        assert word in str(error.value)


def test_the_example_still_loads_and_has_no_budget():
    from tests.conftest import EXAMPLE
    speech = load_speech(EXAMPLE)
    assert speech.ignored == [] and speech.target_minutes is None
