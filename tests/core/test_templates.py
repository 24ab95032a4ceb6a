"""Making a speech from a template (composer/core/templates.py)."""

from composer.core.library import PARAGRAPH, Snippet
from composer.core.speech import Section
from composer.core.templates import (Template, TemplateSection, find_template, make_speech,
                                     suggestions)


def template() -> Template:
    return Template(
        id="t", kind="动员大会", title="在××××动员大会上的讲话", salutations=["同志们：", "各位："],
        opening=["今天，我们召开××××动员大会。"],
        sections=[TemplateSection("统一思想，提高认识", ["意义"]),
                  TemplateSection("明确任务", ["任务"], paragraphs=["××××"]),
                  TemplateSection("加强领导", ["要求"])],
        closing=["同志们，让我们行动起来！", "谢谢大家！"], tags=["动员大会"])


def test_skeleton():
    speech = make_speech(template())
    assert speech.title == "在××××动员大会上的讲话"
    assert speech.salutation == "同志们："
    assert [s.heading for s in speech.body] == ["统一思想，提高认识", "明确任务", "加强领导"]
    assert speech.body[1].paragraphs == ["××××"]
    assert speech.closing == ["同志们，让我们行动起来！", "谢谢大家！"]
    assert all(not s.snippets for s in speech.body)


def test_filled_with_adapted_snippets():
    section = Snippet("wm-a", 1, "统一思想，提高我院文明程度", ["我院要创建省级文明单位。"],
                      [Section("学院的任务", ["内容"])], kind="意义")
    body = Snippet("wm-b", PARAGRAPH, paragraphs=["落实学院部署。"], kind="要求")
    opening = Snippet("wm-c", PARAGRAPH, paragraphs=["今天，我院召开大会。"], kind="开头")
    closing = Snippet("wm-d", PARAGRAPH, paragraphs=["同志们，我院一定能成功！"], kind="结尾")
    table = [("我院", "我局"), ("学院", "本局"), ("省级", "市级")]
    speech = make_speech(template(), {0: section, 2: body}, opening=opening, closing=closing,
                         salutation="各位：", table=table)
    assert speech.salutation == "各位："
    first, second, third = speech.body
    assert first.heading == "统一思想，提高我局文明程度"
    assert first.paragraphs == ["我局要创建市级文明单位。"]
    assert first.children[0].heading == "本局的任务"
    assert first.snippets == ["wm-a"]
    assert second.heading == "明确任务" and not second.snippets
    assert third.heading == "加强领导" and third.paragraphs == ["落实本局部署。"]
    assert third.snippets == ["wm-b"]
    assert speech.opening == ["今天，我局召开大会。"] and speech.opening_snippets == ["wm-c"]
    # The closing formula stays after the chosen closing.
    assert speech.closing == ["同志们，我局一定能成功！", "谢谢大家！"]
    assert speech.closing_snippets == ["wm-d"]
    assert speech.substitutions == table
    assert section.paragraphs == ["我院要创建省级文明单位。"]   # the library is untouched


def test_suggestions_by_kind_level_tag_and_usage():
    snippets = [Snippet("p1", PARAGRAPH, paragraphs=["x"], kind="意义", tags=["动员大会"]),
                Snippet("s1", 1, "a", kind="意义"),
                Snippet("s2", 1, "b", kind="意义", tags=["动员大会"]),
                Snippet("s3", 1, "c", kind="意义", tags=["动员大会"]),
                Snippet("s4", 2, "d", kind="意义"),
                Snippet("other", 1, "e", kind="措施")]
    used = {"s2": "2025-03-01"}
    found = suggestions(["意义"], snippets, ["动员大会"], lambda s: used.get(s.id, ""))
    assert [s.id for s in found] == ["s3", "s2", "s1", "s4", "p1"]


def test_find_by_id_kind_and_part_of_kind():
    templates = [template(), Template(id="gongzuo", kind="工作会议/部署会", title="")]
    assert find_template(templates, "t").id == "t"
    assert find_template(templates, "动员大会").id == "t"
    assert find_template(templates, "部署会").id == "gongzuo"
    assert find_template(templates, "工作会议/部署会").id == "gongzuo"
    assert find_template(templates, "报告会") is None
