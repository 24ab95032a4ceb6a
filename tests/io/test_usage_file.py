"""The usage history on disk (composer/io/usage_file.py)."""

import json

from composer.core.speech import Section, Speech
from composer.core.usage import Use
from composer.io import usage_file


def speech(title="在动员大会上的讲话", ids=("wm-1", "my-0001")) -> Speech:
    return Speech(title=title, body=[Section("a", snippets=list(ids))])


def test_own_record_is_written_and_replaced_per_speech():
    assert usage_file.record_usage(speech(), "/a.speech.yaml", "2025-03-15") == []
    assert usage_file.record_usage(speech("other", ["wm-1"]), "/b.speech.yaml", "2024-03-01") == []
    assert usage_file.record_usage(speech(ids=["wm-1"]), "/a.speech.yaml", "2025-03-16") == []
    index, problems = usage_file.load_usage()
    assert problems == []
    assert [(u.speech, u.date) for u in index.uses_of("wm-1")] == [
        ("/a.speech.yaml", "2025-03-16"), ("/b.speech.yaml", "2024-03-01")]
    assert index.uses_of("my-0001") == []   # taken out of the speech before it was saved again
    assert usage_file.own_path().parent == usage_file.paths.data_dir()


def test_shared_folder_gets_only_its_own_snippets_and_every_writer_is_read(tmp_path):
    office = tmp_path / "office"
    office.mkdir()
    # A colleague's file, already there.
    colleague = office / usage_file.SHARED_FOLDER / "li@pc2.json"
    colleague.parent.mkdir()
    colleague.write_text(json.dumps({"format": 1, "speeches": [
        {"speech": "D:/li.speech.yaml", "title": "去年的讲话", "date": "2024-03-10",
         "snippets": ["of-7"]}]}, ensure_ascii=False), "utf-8")
    problems = usage_file.record_usage(speech(ids=["of-7", "my-0001"]), "/a.speech.yaml",
                                       "2025-03-15", shared={str(office): {"of-7"}})
    assert problems == []
    mine = usage_file.read_uses(usage_file.shared_path(office))
    assert mine == [Use("of-7", "/a.speech.yaml", "在动员大会上的讲话", "2025-03-15")]
    assert json.loads(colleague.read_text("utf-8"))["speeches"][0]["title"] == "去年的讲话"  # untouched
    index, _ = usage_file.load_usage([office])
    assert [u.title for u in index.uses_of("of-7")] == ["在动员大会上的讲话", "去年的讲话"]
    alone, _ = usage_file.load_usage()
    assert [u.title for u in alone.uses_of("of-7")] == ["在动员大会上的讲话"]


def test_a_damaged_own_record_is_set_aside_not_lost():
    own = usage_file.own_path()
    own.parent.mkdir(parents=True)
    own.write_text("{not json", "utf-8")
    problems = usage_file.record_usage(speech(), "/a.speech.yaml", "2025-03-15")
    assert len(problems) == 1 and "损坏" in str(problems[0])
    assert (own.parent / "usage.json.damaged").read_text("utf-8") == "{not json"
    assert [u.snippet for u in usage_file.read_uses(own)] == ["wm-1", "my-0001"]


def test_a_damaged_shared_file_is_reported_and_left_alone(tmp_path):
    office = tmp_path / "office"
    target = usage_file.shared_path(office)
    target.parent.mkdir(parents=True)
    target.write_text('{"format": 1, "speeches": [{"speech": "x", "title": "t", "date": "d", '
                      '"snippets": [3]}]}', "utf-8")
    problems = usage_file.record_usage(speech(), "/a.speech.yaml", "2025-03-15",
                                       shared={str(office): {"wm-1"}})
    assert len(problems) == 1
    assert '"snippets": [3]' in target.read_text("utf-8")
    index, problems = usage_file.load_usage([office])
    assert len(problems) == 1 and index.last_used("wm-1") == "2025-03-15"
