"""The office's lists on disk, and the rules that use them."""

import pytest

from composer.core.errors import FileFormatError
from composer.core.proofread import Proofreader
from composer.core.speech import Section, Speech
from composer.io import paths
from composer.io.proofread_lists import confusions_path, load_lexicon, load_office_lists

LISTS = """\
format: 1
name: 市统计局规范用语
expressions:
  十九大: 党的十九大
banned:
- 史上最严
- word: 不作为就是最大的作为
  note: 不用这种说法
  instead: 要敢于担当
cautioned:
- word: 首创
  note: 须有依据
leaders:
- name: 王建国
  title: 局党组书记、局长
- name: 李明
  title: 副局长
- name: 张华
  title: 副局长
"""


@pytest.fixture
def office(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "office.proofread.yaml").write_text(LISTS, encoding="utf-8")
    return folder


def findings(text, lexicon, rules="list"):
    speech = Speech(title="讲", opening=[text])
    return [(f.rule, f.text, f.fix) for f in Proofreader(lexicon, rules).check(speech)]


def test_lists_load_from_the_data_folder_and_shared_folders(office):
    user = paths.data_dir() / "proofread"
    user.mkdir(parents=True)
    (user / "mine.proofread.yaml").write_text("format: 1\nexpressions:\n  十九大: 中共十九大\n",
                                              encoding="utf-8")
    (office / "notes.txt").write_text("not a list")
    loaded = load_lexicon([office])
    assert loaded.errors == []
    assert [p.split("/")[-1] for p in loaded.files] == ["mine.proofread.yaml", "office.proofread.yaml"]
    # The data folder's entry comes first and wins.
    assert findings("学习十九大精神。", loaded.lexicon) == [("list.expression", "十九大", "中共十九大")]


def test_expressions_banned_and_cautioned_words(office):
    lexicon = load_lexicon([office]).lexicon
    assert findings("学习十九大精神，", lexicon) == [("list.expression", "十九大", "党的十九大")]
    assert findings("学习党的十九大精神，", lexicon) == []
    assert findings("这是史上最严的规定，首创之举。", lexicon) == [
        ("list.banned", "史上最严", None), ("list.cautioned", "首创", None)]
    assert findings("不作为就是最大的作为。", lexicon) == [
        ("list.banned", "不作为就是最大的作为", "要敢于担当")]
    speech = Speech(title="讲", opening=["这是首创。"])
    (hint,) = Proofreader(lexicon).check(speech)
    assert hint.severity == "hint" and "须有依据" in hint.zh


def test_leaders_titles_and_order(office):
    lexicon = load_lexicon([office]).lexicon
    # Two titles: which one was meant is not certain, so no fix.
    assert findings("副局长王建国同志讲话。", lexicon) == [("list.leader-title", "副局长", None)]
    assert findings("局长王建国同志讲话。", lexicon) == []
    assert findings("局党组书记、局长王建国讲话。", lexicon) == []
    assert findings("王建国局长、李明副局长出席。", lexicon) == []
    assert findings("李明副局长、王建国局长出席。", lexicon) == [("list.leader-order", "王建国", None)]
    # Mentioned apart, not listed: no order.
    assert findings("李明同志介绍了情况。王建国同志作了讲话。", lexicon) == []
    assert findings("局长李明讲话。", lexicon) == [("list.leader-title", "局长", "副局长")]


def test_a_bad_list_is_reported_and_skipped(office, tmp_path):
    (office / "bad.proofread.yaml").write_text("format: 1\nbanned: [\n", encoding="utf-8")
    (office / "typo.proofread.yaml").write_text("format: 1\nbaned:\n- 词\n", encoding="utf-8")
    loaded = load_lexicon([office])
    assert sorted(p.split("/")[-1] for p, _ in loaded.errors) == ["bad.proofread.yaml",
                                                                    "typo.proofread.yaml"]
    assert "baned" in str(loaded.errors[1][1])
    assert findings("学习十九大精神。", loaded.lexicon)    # the good file still loads
    with pytest.raises(FileFormatError, match="不能为空"):
        path = tmp_path / "empty.proofread.yaml"
        path.write_text("format: 1\nleaders:\n- name: ''\n  title: 局长\n", encoding="utf-8")
        load_office_lists(path)


def test_the_bundled_confusion_list():
    loaded = load_lexicon(bundled=True)
    assert loaded.errors == []
    assert len(loaded.lexicon.confusions) > 1000
    speech = Speech(title="讲", body=[Section("甲", ["要再接再励，迫不急待地投入工作。"]),
                                     Section("乙", ["正文。"])])
    found = Proofreader(loaded.lexicon, "word.confusion").check(speech)
    assert [(f.text, f.fix) for f in found] == [("再接再励", "再接再厉"), ("迫不急待", "迫不及待")]
    text = confusions_path().read_text(encoding="utf-8")
    assert "Apache License 2.0" in text and "houbb/word-checker" in text


def test_the_confusion_list_is_built_from_its_source():
    import subprocess
    import sys
    from pathlib import Path
    script = Path(__file__).resolve().parents[2] / "resources" / "proofread" / "build_confusions.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
