"""Library building: kinds, sources, ids, and near duplicates added only once."""

import re

from hypothesis import given, settings, strategies as st

from composer.core.importer import import_into_library
from composer.core.library import PARAGRAPH
from composer.core.library_builder import kind_of_heading, speech_text
from composer.core.markers import parse_marker
from composer.core.near_duplicates import (THRESHOLD, NearDuplicateIndex, fingerprint, jaccard,
                                           shingles, similarity)
from composer.core.speech_lines import HAN


def test_corpus_pairs_are_near_duplicates_and_nothing_else(corpus_speeches):
    texts = [speech_text(item.speech) for item in corpus_speeches]
    for a in range(8):
        for b in range(a + 1, 8):
            score = similarity(texts[a], texts[b])
            if (a, b) in ((3, 6), (4, 7)):
                assert score > 0.9
            else:
                assert score < 0.1, (a, b, score)


def test_snippets_of_the_corpus(corpus_speeches):
    result = import_into_library(corpus_speeches, [])
    snippets = result.added
    assert len({s.id for s in snippets}) == len(snippets)
    assert all(re.fullmatch(r"imp-[0-9a-f]{10}", s.id) for s in snippets)
    for snippet in snippets:
        assert snippet.source_file == "创建文明单位动员大会讲话稿-8篇.txt"
        assert snippet.source_title.startswith("创建文明单位动员大会讲话稿篇")
        assert snippet.kind
        text = snippet.text()
        assert "小编" not in text and "它山之石" not in text and "复制" not in text
        assert not re.search(f"[{HAN}] [{HAN}]", text)
        if snippet.level != PARAGRAPH:
            assert snippet.heading and parse_marker(snippet.heading) is None
        else:
            assert not snippet.heading and len(snippet.paragraphs) == 1
    # Nothing of 篇七 (≈篇四) or 篇八 (≈篇五) is added: it is all in the library already.
    titles = {s.source_title for s in snippets}
    assert "创建文明单位动员大会讲话稿篇七" not in titles
    assert "创建文明单位动员大会讲话稿篇八" not in titles
    # 同志们： and 谢谢大家！ once each.
    assert sum(s.paragraphs == ["同志们："] for s in snippets) == 1
    assert sum(s.paragraphs == ["谢谢大家！"] for s in snippets) == 1
    assert result.skipped > 0


def test_kinds_in_the_corpus(corpus_speeches):
    snippets = import_into_library(corpus_speeches, []).added
    kinds = {(s.level, s.heading): s.kind for s in snippets if s.level}
    assert kinds[(1, "统一思想、提高认识，进一步明确精神文明建设工作的重要意义")] == "意义"
    assert kinds[(2, "创建省级文明单位是凝聚人心、促进学院发展的重要举措")] == "意义"
    assert kinds[(1, "加强领导、精心组织，确保省级文明单位创建工作取得实效")] == "要求"
    assert kinds[(1, "健全制度，完善措施，提高创建水平")] == "措施"
    assert kinds[(1, "明确创建内容")] == "任务"
    assert kinds[(1, "鼓足创建信心")] == "形势"
    by_kind = {s.kind for s in snippets if s.level == PARAGRAPH}
    assert {"称呼", "开头", "结尾"} <= by_kind
    opening = next(s for s in snippets if s.kind == "开头")
    assert opening.paragraphs[0].startswith("加强精神文明建设是深入学习实践科学发展观")


def test_kind_rule():
    assert kind_of_heading("创建文明单位是构建和谐社会的客观要求") == "意义"
    assert kind_of_heading("统一思想，明确目标，增强创建意识", "first") == "意义"
    assert kind_of_heading("精心组织，稳步实施，力求创建取得成功", "last") == "要求"   # a tie
    assert kind_of_heading("精心组织，稳步实施，力求创建取得成功", "middle") == "措施"
    assert kind_of_heading("规范管理，狠抓落实，营造创建环境", "last") == "措施"
    assert kind_of_heading("强化督查考核", None) == "要求"
    assert kind_of_heading("同心同德", "middle") == "措施"
    assert kind_of_heading("同心同德") == ""


def test_existing_snippets_are_not_added_again(corpus_speeches):
    first = import_into_library(corpus_speeches[:3], [])
    again = import_into_library(corpus_speeches, first.added)
    assert not {s.id for s in again.added} & {s.id for s in first.added}
    assert {s.source_title for s in again.added}.isdisjoint(
        {"创建文明单位动员大会讲话稿篇一", "创建文明单位动员大会讲话稿篇二", "创建文明单位动员大会讲话稿篇三"})


# --- the near-duplicate index finds exactly what a brute-force comparison finds ----------------

words = st.sampled_from(["创建", "文明", "单位", "精神", "建设", "工作", "加强", "领导", "组织",
                         "落实", "责任", "目标", "意义", "措施", "，", "。"])
texts = st.lists(words, min_size=0, max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=25))
def test_index_matches_brute_force(corpus):
    index: NearDuplicateIndex[int] = NearDuplicateIndex()
    kept: list[str] = []
    for number, text in enumerate(corpus):
        found = index.find_or_add(text, number)
        printed = fingerprint(text)
        expected = [i for i, other in enumerate(kept) if printed and (
            fingerprint(other) == printed
            or jaccard(shingles(printed), shingles(fingerprint(other))) >= THRESHOLD
            and shingles(printed))]
        if found is None:
            assert not expected
            kept.append(text)
        else:
            assert expected, (text, found)
            kept.append("")     # a duplicate is not remembered; keep numbering aligned
        # Keys are positions in the input; a duplicate's key is one of the texts kept.
        assert found is None or corpus[found] in kept
