"""Template files: the bundled ones, the user's and shared ones, and bad files."""

from pathlib import Path

import pytest

from composer.core.adaptation import substitute
from composer.core.errors import ComposerError, FileFormatError
from composer.core.library import PARAGRAPH
from composer.core.templates import KIND_ORDER, make_speech, suggestions
from composer.io import library_store, template_file
from composer.io.speech_file import load_speech

GOOD = """format: 1
kind: 动员大会
title: 在××××上的讲话
salutation: 各位：
sections:
- heading: 我们自己的第一部分
  kind: 意义
"""


def test_the_bundled_templates_cover_every_kind_and_load_cleanly():
    loaded = template_file.load_templates()
    assert loaded.errors == []
    assert [t.kind for t in loaded.templates] == list(KIND_ORDER)
    for template in loaded.templates:
        assert template.origin == "bundled"
        assert template.title and template.salutation and template.closing
        assert "××××" in template.title   # the writer fills in the meeting
    closings = {t.kind: t.closing[-1] for t in loaded.templates}
    assert closings["闭幕词"].startswith("现在，我宣布")
    assert closings["开幕词"] == "预祝大会圆满成功！"
    assert closings["动员大会"] == "谢谢大家！"
    salutations = {t.kind: t.salutation for t in loaded.templates}
    assert salutations["动员大会"] == "同志们："
    assert salutations["开学典礼"] == "老师们、同学们："
    assert "女士们、先生们" in salutations["致辞"]
    assert (Path(template_file.bundled_dir()) / "SOURCES.md").exists()


def test_speech_from_the_mobilisation_template_with_library_snippets(tmp_path):
    """Done when: a speech made from the 动员大会 template, with snippets inserted, has the
    right salutation and sections."""
    template = template_file.load_templates().find("动员大会")
    library = library_store.load_library()
    snippets = library.snippets()
    fill = {}
    for index, part in enumerate(template.sections):
        found = [s for s in suggestions(part.kinds, snippets, template.tags) if s.level == 1]
        assert found, part.heading
        fill[index] = found[0]
    assert [fill[i].kind for i in range(4)] == ["意义", "目标", "措施", "要求"]
    opening = suggestions(template.opening_kinds, snippets, template.tags)[0]
    assert opening.kind == "开头" and opening.level == PARAGRAPH
    table = [("我院", "我局"), ("学院", "本局")]
    speech = make_speech(template, fill, opening=opening, table=table)
    path = tmp_path / "new.speech.yaml"
    template_file.write_new_speech(speech, path)
    saved = load_speech(path)
    assert saved.salutation == "同志们："
    assert saved.title == "在××××动员大会上的讲话"
    assert [s.heading for s in saved.body] == [substitute(fill[i].heading, table)
                                               for i in range(4)]
    assert any("我院" in fill[i].text() for i in range(4))   # so the table had work to do
    assert [s.snippets for s in saved.body] == [[fill[i].id] for i in range(4)]
    assert len(saved.body[0].children) == len(fill[0].children) > 0
    assert saved.opening_snippets == [opening.id]
    assert saved.closing[-1] == "谢谢大家！"
    text = path.read_text(encoding="utf-8")
    body = text.split("substitutions:")[0]
    assert "我院" not in body and "学院" not in body


def test_user_and_shared_templates_replace_bundled_ones_by_id(tmp_path):
    shared = tmp_path / "office"
    shared.mkdir()
    (shared / "dongyuan.template.yaml").write_text(GOOD.replace("各位：", "全体同志："), "utf-8")
    (shared / "baogao.template.yaml").write_text(GOOD.replace("动员大会", "报告会"), "utf-8")
    loaded = template_file.load_templates([shared])
    assert loaded.find("dongyuan").salutation == "全体同志："
    assert loaded.find("dongyuan").origin == "shared"
    assert loaded.find("报告会").id == "baogao"
    user = template_file.user_dir()
    user.mkdir(parents=True)
    (user / "dongyuan.template.yaml").write_text(GOOD, "utf-8")
    loaded = template_file.load_templates([shared])
    assert loaded.find("动员大会").origin == "user"
    assert loaded.find("动员大会").sections[0].heading == "我们自己的第一部分"
    assert len(loaded.templates) == len(KIND_ORDER) + 1


@pytest.mark.parametrize("raw, words", [
    ("format: 1\ntitle: x\n", ["kind", "缺少"]),
    ("format: 1\nkind: k\nsection: []\n", ["section", "不认识"]),
    ("format: 1\nkind: k\nsections:\n- heading: ''\n", ["sections[1].heading", "为空"]),
    ("format: 1\nkind: k\nsections:\n- heading: a\n  kind: {x: 1}\n", ["sections[1].kind"]),
    ("format: 1\nkind: k\nkind: j\n", ["两次"]),
    ("format: 1\nkind: !!python/object/apply:os.system ['echo']\n", ["不允许"]),
    ("format: 2\nkind: k\n", ["升级"]),
])
def test_bad_template_files_are_refused_and_skipped(tmp_path, raw, words):
    folder = tmp_path / "office"
    folder.mkdir()
    bad = folder / "bad.template.yaml"
    bad.write_text(raw, "utf-8")
    with pytest.raises(FileFormatError) as caught:
        template_file.load_template(bad)
    for word in words:
        assert word in str(caught.value)
    loaded = template_file.load_templates([folder])
    assert [e.path for e in loaded.errors] == [str(bad)]
    assert len(loaded.templates) == len(KIND_ORDER)   # the others still load


def test_write_new_speech_never_replaces_a_file(tmp_path):
    template = template_file.load_templates().find("致辞")
    target = tmp_path / "a.speech.yaml"
    target.write_text("my speech", "utf-8")
    with pytest.raises(ComposerError, match="已经存在"):
        template_file.write_new_speech(make_speech(template), target)
    assert target.read_text("utf-8") == "my speech"
    with pytest.raises(ComposerError, match=r"\.speech\.yaml"):
        template_file.write_new_speech(make_speech(template), tmp_path / "a.txt")
    with pytest.raises(ComposerError, match="不存在"):
        template_file.write_new_speech(make_speech(template), tmp_path / "no" / "a.speech.yaml")
    template_file.write_new_speech(make_speech(template), target, overwrite=True)
    assert load_speech(target).title == "在××××上的致辞"
