"""The engine: locations, excerpts, the cache by paragraph text, ignored findings, fixes."""

import pytest

from composer.core import operations
from composer.core.errors import OperationError
from composer.core.proofread import Proofreader, check_speech, fix_all_edit, fix_edit, ignore_edit, select
from composer.core.proofread import engine
from composer.core.errors import ComposerError
from composer.core.speech import CLOSING, OPENING, IgnoredFinding, Section, Speech


def speech():
    return Speech(title="在会议上的讲话", date="2024年03月05日", salutation="同志们:",
                  opening=["今天,我们召开会议。"],
                  body=[Section("统一思想。", ["要抓好落实，，确保见效。", "正文。"]),
                        Section("加强领导", ["正文。"])],
                  closing=["谢谢大家!"])


def test_locations_excerpts_and_reading_order():
    s = speech()
    found = check_speech(s)
    assert [(f.rule, f.location.container, f.location.paragraph) for f in found] == [
        ("number.leading-zero", "date", None), ("punct.halfwidth", "salutation", None),
        ("punct.halfwidth", OPENING, 0), ("ordinal.heading-stop", s.body[0].id, None),
        ("punct.doubled", s.body[0].id, 0), ("punct.halfwidth", CLOSING, 0)]
    doubled = found[4]
    assert doubled.location.offset == 5 and doubled.location.length == 2
    assert doubled.text == "，，" and doubled.fix == "，"
    assert doubled.excerpt == "要抓好落实，，确保见效。" and doubled.excerpt[doubled.excerpt_start:].startswith("，，")
    assert doubled.severity == "error" and "重复" in doubled.message


def test_excerpt_has_context_on_both_sides():
    s = Speech(title="讲", opening=["这是一个很长的句子，前面有很多字，要抓好落实，，确保见效，后面也有很多字才结束。"])
    (f,) = check_speech(s)
    assert f.excerpt_start >= 5 and len(f.excerpt) - f.excerpt_start - len(f.text) >= 5
    assert f.excerpt == "有很多字，要抓好落实，，确保见效，后面也有很"


def test_only_the_changed_paragraph_is_checked_again(monkeypatch):
    calls = []
    real = engine._TEXT_RULES

    def counting(unit, ctx):
        calls.append(unit.text)
        return iter(())
    monkeypatch.setattr(engine, "_TEXT_RULES", real + (counting,))
    s = speech()
    reader = Proofreader()
    first = reader.check(s)
    assert len(calls) == 5 + 2 + 3 + 1 + 1     # head fields, headings, paragraphs …
    calls.clear()
    s.body[0].paragraphs[1] = "正文有改动。"
    again = reader.recheck_paragraph(s, s.body[0].id, 1)
    assert calls == ["正文有改动。"]
    assert [f.key for f in again] == [f.key for f in first]
    calls.clear()
    reader.check(s)
    assert calls == []


def test_cache_keeps_only_what_the_speech_holds():
    s = speech()
    reader = Proofreader()
    reader.check(s)
    for n in range(20):
        s.opening[0] = "今天,我们召开会议" + "。" * (n % 3 + 1)
        reader.check(s)
    assert len(reader._cache) <= 12


def test_same_text_as_heading_or_paragraph_is_checked_as_each():
    s = Speech(title="讲", body=[Section("加强领导。", ["加强领导。"]), Section("乙", ["正文。"])])
    found = check_speech(s, rules="ordinal.heading-stop")
    assert [(f.location.paragraph) for f in found] == [None]


def test_ignored_findings_are_left_out_until_asked_for():
    s = speech()
    everything = check_speech(s)
    ignored = everything[2]
    s.ignored = [IgnoredFinding(*ignored.key)]
    assert ignored.key not in [f.key for f in check_speech(s)]
    assert len(check_speech(s)) == len(everything) - 1
    assert len(check_speech(s, include_ignored=True)) == len(everything)
    # An edit elsewhere keeps it ignored: the key does not hold a position.
    s.body[0].paragraphs.insert(0, "新加的一段。")
    s.opening.insert(0, "新的开头。")
    assert ignored.key not in [f.key for f in check_speech(s)]


def test_rule_selection():
    assert select("punct.halfwidth,number") == {"punct.halfwidth", "number.leading-zero",
                                               "number.fullwidth-digit", "number.mixed",
                                               "number.year-zero"}
    assert "punct.dash" not in select("-punct.dash") and "word.repeated" in select("-punct.dash")
    assert select("punct,-punct.dash") == select("punct") - {"punct.dash"}
    with pytest.raises(ComposerError, match="bogus"):
        select("punct,bogus")
    assert {f.rule for f in check_speech(speech(), rules="number")} == {"number.leading-zero"}


def test_a_fix_is_an_unapplied_edit_that_undoes_exactly():
    s = speech()
    before = s.content()
    found = check_speech(s)
    doubled = next(f for f in found if f.rule == "punct.doubled")
    edit = fix_edit(s, doubled)
    assert isinstance(edit, operations.SetParagraph) and s.content() == before
    inverse = edit.apply(s)
    assert s.body[0].paragraphs[0] == "要抓好落实，确保见效。"
    inverse.apply(s)
    assert s.content() == before
    date = next(f for f in found if f.rule == "number.leading-zero")
    assert isinstance(fix_edit(s, date), operations.SetField)
    heading = next(f for f in found if f.rule == "ordinal.heading-stop")
    fix_edit(s, heading).apply(s)
    assert s.body[0].heading == "统一思想"


def test_fix_all_is_one_edit_and_one_undo_step():
    s = Speech(title="讲", opening=["今天,我们召开会议,,要抓好落实!"], date="2024年03月05日")
    before = s.content()
    found = check_speech(s)
    edit = fix_all_edit(s, found)
    assert isinstance(edit, operations.Batch)
    inverse = edit.apply(s)
    # Each half-width comma is fixed on its own; the doubled comma is found by the next check.
    assert s.opening == ["今天，我们召开会议，，要抓好落实！"]
    assert [f.rule for f in check_speech(s)] == ["punct.doubled"]
    assert s.date == "2024年3月5日"
    inverse.apply(s)
    assert s.content() == before


def test_an_ignored_finding_stays_ignored_when_a_fix_changes_its_context():
    # Found walking the window: 忽略 the 的的, then 全部修正 the half-width comma four
    # characters away, and the 的的 came back (its key, the excerpt around it, had changed).
    s = Speech(title="讲", opening=["我们要认真落实各项工作的的要求,确保取得实效,不走过场。"])
    found = check_speech(s)
    doubled = next(f for f in found if f.rule == "word.repeated")
    ignore_edit(s, [doubled]).apply(s)
    commas = [f for f in check_speech(s) if f.rule == "punct.halfwidth"]
    assert len(commas) == 2 and doubled not in check_speech(s)
    before = s.content(), list(s.ignored)
    inverse = fix_all_edit(s, commas, ignored=[doubled]).apply(s)
    assert s.opening == ["我们要认真落实各项工作的的要求，确保取得实效，不走过场。"]
    assert check_speech(s) == []
    assert [f.rule for f in check_speech(s, include_ignored=True)] == ["word.repeated"]
    inverse.apply(s)                               # one undo step takes both back
    assert (s.content(), list(s.ignored)) == before
    one = fix_edit(s, commas[0], ignored=[doubled])
    one.apply(s)
    assert check_speech(s) == [next(f for f in check_speech(s) if f.rule == "punct.halfwidth")]


def test_a_fix_is_refused_when_the_text_changed():
    s = speech()
    doubled = next(f for f in check_speech(s) if f.rule == "punct.doubled")
    s.body[0].paragraphs[0] = "已经改过了。"
    with pytest.raises(OperationError):
        fix_edit(s, doubled)
    s.body[0].paragraphs.clear()
    with pytest.raises(OperationError):
        fix_edit(s, doubled)
    no_fix = next(f for f in check_speech(Speech(title="讲", opening=["“未闭合"])))
    with pytest.raises(OperationError):
        fix_edit(Speech(title="讲", opening=["“未闭合"]), no_fix)


def test_one_pass_over_the_lists_finds_what_each_list_finds(corpus_text):
    from composer.core.proofread import Correction, Lexicon, Term
    from composer.core.proofread.lexicon import parse_confusions
    lexicon = Lexicon.build(
        parse_confusions("创建\t创见\n文明单位\t文明单元\n精神\t精身\n"),
        [Correction("文明", "文明城市"), Correction("省级文明", "省级")],
        [Term("单位"), Term("工作")], [Term("创建工作")], [("王建国", "局长"), ("建国", "科长")])
    for text in corpus_text.splitlines()[:300]:
        by_kind = {}
        for kind, at, phrase, payload in lexicon.scan(text):
            by_kind.setdefault(kind, []).append((at, phrase, payload))
        for kind in Lexicon._KINDS:
            assert by_kind.get(kind, []) == list(getattr(lexicon, kind).find(text)), (kind, text)


def test_ignoring_is_an_edit_that_undoes():
    from composer.core.proofread import ignore_edit, unignore_edit
    s = speech()
    found = check_speech(s)
    edit = ignore_edit(s, found[:2])
    assert s.ignored == []                       # built, not applied
    inverse = edit.apply(s)
    assert [(i.rule, i.excerpt) for i in s.ignored] == [f.key for f in found[:2]]
    assert len(check_speech(s)) == len(found) - 2
    ignore_edit(s, found[:1]).apply(s)           # ignoring twice keeps one entry
    assert len(s.ignored) == 2
    unignore_edit(s, [found[0].key]).apply(s)
    assert [(i.rule, i.excerpt) for i in s.ignored] == [found[1].key]
    inverse.apply(s)
    assert s.ignored == []
    assert edit.changes().structure is False


def test_an_ignored_finding_stays_ignored_when_the_writer_types_beside_it():
    """It is remembered by the text around it (10 characters each side).  Typing within those
    10 characters used to bring it back; the flagged text with the five characters next to it
    on either side still matching keeps it ignored.  Both of those edited, or the flagged text
    itself, and it is another finding: it comes back."""
    from composer.core.proofread import unignore_edit
    text = "各单位要加强值班值守工作,确保信息畅通，及时报告情况。"
    s = Speech(title="讲话", body=[Section("甲", [text])])
    [comma] = [f for f in check_speech(s) if f.rule == "punct.halfwidth"]
    s.ignored = [IgnoredFinding(*comma.key)]
    assert not [f for f in check_speech(s) if f.rule == "punct.halfwidth"]

    def halfwidth(paragraph):
        s.body[0].paragraphs[0] = paragraph
        return [f for f in check_speech(s) if f.rule == "punct.halfwidth"]
    assert halfwidth("各单位要加强值班值守和巡查工作,确保信息畅通，及时报告情况。") == []   # before it
    assert halfwidth("各单位要加强值班值守工作,确保各类信息畅通，及时报告情况。") == []   # after it
    assert halfwidth("我们各单位要加强值班值守工作,确保信息畅通，及时报告情况。") == []   # further off
    # Both sides edited, but beyond the five characters next to the comma: still ignored.
    assert halfwidth("各单位要加强的值班值守工作,确保信息畅通无阻，及时报告情况。") == []
    assert len(halfwidth("各单位要加强值班值守和巡查工作,确保各类信息畅通，及时报告情况。")) == 1
    assert len(halfwidth("各单位要加强值班值守工作;确保信息畅通，及时报告情况。")) == 1
    # Another comma with other text on both sides is not hidden by it.
    assert len(halfwidth("各单位要加强值班值守工作,确保信息畅通,同时及时报告有关情况。")) == 1
    # 取消忽略 of the finding as it reads now removes the entry it was known by.
    halfwidth("各单位要加强值班值守和巡查工作,确保信息畅通，及时报告情况。")
    [shifted] = [f for f in check_speech(s, include_ignored=True) if f.rule == "punct.halfwidth"]
    assert shifted.key != comma.key
    unignore_edit(s, [shifted.key]).apply(s)
    assert s.ignored == []


def test_a_speech_just_begun_is_not_told_it_lacks_a_title():
    # 新建 gives an empty speech: no text yet, so no "缺少标题" before the writer has typed.
    empty = Speech(body=[Section(heading="")])
    assert not [f for f in check_speech(empty) if f.rule == "structure.missing-title"]
    begun = Speech(opening=["今天，我们召开动员大会。"])
    assert [f.rule for f in check_speech(begun)].count("structure.missing-title") == 1
