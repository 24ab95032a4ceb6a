import os

import pytest

from composer.core.errors import FileFormatError
from composer.core.speech import Section, Speech
from composer.io.speech_file import dump_speech, load_speech, parse_speech, save_speech

HOSTILE = [
    # (file content, words the message must contain)
    (b"format: 1\ntitle: [unclosed\n", ["bad.speech.yaml:3:1", "YAML"]),
    (b"!!python/object/apply:os.system ['touch /tmp/pwned-by-yaml']\n", ["不允许", "1:1"]),
    (b"format: 1\nbody: !!python/object/new:os.system [echo]\n", ["不允许", "2:7"]),
    (b"format: 1\ntitle: !!binary aGVsbG8=\n", ["2:8"]),
    (b"format: 99\n", ["99", "升级"]),
    (b"format: one\n", ["format", "正整数"]),
    (b"title: x\n", ["缺少 format"]),
    (b"- a\n- b\n", ["顶层"]),
    (b"format: 1\nopening: just text\n", ["opening", "段落列表", "2:10"]),
    (b"format: 1\nbody:\n- heading: a\n  paragrahps: []\n", ["body[1].paragrahps", "4:3", "不认识"]),
    (b"format: 1\nbody:\n- just a string\n", ["body[1]", "标题"]),
    (b"format: 1\nbody:\n- heading: a\n  run_in: maybe\n", ["run_in", "true"]),
    (b"format: 1\nbody:\n- sections:\n  - sections:\n    - sections:\n      - sections:\n"
     b"        - heading: 5\n", ["四级"]),
    (b"format: 1\ntitle: {a: 1}\n", ["title", "文字"]),
    (b"", ["空"]),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["不是文本"]),
    (b"format: 1\ntitle: \xff\xfe\xfd\n", ["UTF-8"]),
]


def sample():
    return Speech(title="在大会上的讲话", subtitle="——副标题", speaker="王建国", date="2024年3月15日",
                  salutation="同志们：", opening=["今天，我们召开大会。", "第二段\n有换行", "  前面有空格"],
                  body=[Section("统一思想", ["段落：冒号", "# 井号", "- 横线", "'引号'", "尾部空格 "],
                                [Section("小节", ["x"], [Section("三级", [], [Section("四级", ["y"])])],
                                         run_in=True)]),
                        Section("", [])],
                  closing=["谢谢大家！"])


def test_round_trip_keeps_every_character(tmp_path):
    speech = sample()
    path = tmp_path / "a.speech.yaml"
    save_speech(speech, path)
    assert load_speech(path).content() == speech.content()


def test_file_is_human_readable(tmp_path):
    text = dump_speech(sample())
    assert text.startswith("format: 1\n")
    assert "- |-\n  今天，我们召开大会。" in text          # block scalars for paragraphs
    assert "heading: 统一思想" in text                       # headings without numbers
    assert "一、" not in text and "\\u" not in text          # real characters, no escapes
    assert text.count("run_in: true") == 1


def test_date_written_as_a_number_is_text():
    assert parse_speech(b"format: 1\ndate: 2024\n", "x").date == "2024"


@pytest.mark.parametrize("content, words", HOSTILE)
def test_hostile_and_broken_files_are_refused_with_location(tmp_path, content, words):
    path = tmp_path / "bad.speech.yaml"
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as caught:
        load_speech(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for word in words:
        assert word in message
    assert "\n" not in message
    assert path.read_bytes() == content  # nothing changed
    assert not os.path.exists("/tmp/pwned-by-yaml")


def test_english_messages(tmp_path):
    from composer.core import i18n
    path = tmp_path / "new.speech.yaml"
    path.write_bytes(b"format: 7\n")
    i18n.set_language("en")
    with pytest.raises(FileFormatError, match="newer than this program"):
        load_speech(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(Exception, match="找不到"):
        load_speech(tmp_path / "none.speech.yaml")
    with pytest.raises(Exception, match="文件夹"):
        load_speech(tmp_path)


def test_lone_surrogates_are_saved_visibly_not_refused(tmp_path):
    speech = Speech(title="标题\ud800", opening=["正常的段落。", "坏\udfff字"])
    path = tmp_path / "s.speech.yaml"
    assert save_speech(speech, path) is True
    back = load_speech(path)
    assert back.title == "标题\ufffd" and back.opening == ["正常的段落。", "坏\ufffd字"]
    assert save_speech(back, path) is False


def test_the_signature_round_trips_and_is_written_only_when_filled_in(tmp_path):
    speech = sample()
    assert "signature" not in dump_speech(speech)       # a speech without one: as before
    speech.signature, speech.signature_date = "某某市统计局", "2024年3月16日"
    text = dump_speech(speech)
    assert "signature: 某某市统计局" in text and "signature_date: 2024年3月16日" in text
    path = tmp_path / "s.speech.yaml"
    save_speech(speech, path)
    loaded = load_speech(path)
    assert (loaded.signature, loaded.signature_date) == ("某某市统计局", "2024年3月16日")
    assert loaded.content() == speech.content()


def test_a_file_from_before_the_signature_loads_with_an_empty_one():
    speech = parse_speech("format: 1\ntitle: 讲话\nclosing:\n- 谢谢大家！\n".encode(), "old.speech.yaml")
    assert (speech.signature, speech.signature_date) == ("", "")


def test_a_title_with_the_writers_line_break_round_trips(tmp_path):
    speech = Speech(title="在全市创建全国文明城市\n动员大会上的讲话")
    path = tmp_path / "t.speech.yaml"
    save_speech(speech, path)
    assert load_speech(path).title == speech.title
