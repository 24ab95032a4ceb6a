"""The unit-specific words in borrowed text (composer/core/unit_words.py)."""

from pathlib import Path

import pytest

from composer.core.unit_words import (COLLECTIVE, INSTITUTION, LEVEL, PLACE, SELF, find_unit_words,
                                      short_name, summarize)

MATERIAL = Path(__file__).parent / "material" / "unit_words_samples.txt"


def sample(name: str) -> str:
    text = MATERIAL.read_text(encoding="utf-8")
    return text.split(f"[{name}]\n", 1)[1].split("\n[", 1)[0].strip()


def found(text: str) -> dict[str, tuple[str, int]]:
    return {word: (kind, count) for word, kind, count in summarize(find_unit_words(text))}


def test_corpus_counts_match_a_hand_count(corpus_text):
    # Counted in resources/corpus/ with grep -o (eight drafts from a 范文 site: a 学院, a 局,
    # a 学校 …).  我局 appears 27 times, one of them 「我局在」.
    words = found(corpus_text)
    assert words["我院"] == (SELF, 10)
    assert words["我局"] == (SELF, 27)
    assert words["我校"] == (SELF, 2)
    assert words["河南省"] == (PLACE, 3)
    assert words["云南省"] == (PLACE, 2)
    assert words["昆明市"] == (PLACE, 4)
    assert words["长沙市"] == (PLACE, 2)
    assert words["驿城区"] == (PLACE, 8)
    assert words["全局干部职工"] == (COLLECTIVE, 6)
    assert words["全院师生员工"] == (COLLECTIVE, 3)
    assert words["学院"][0] == INSTITUTION
    assert words["省级"] == (LEVEL, 161)


def test_a_public_speech_on_labour_models():
    # wmjy.cn/wenmi/10317.html (在全市劳动模范和先进集体表彰大会上的讲话), the opening part.
    words = found(sample("laomo"))
    assert words == {"全市": (COLLECTIVE, 2), "全市上下": (COLLECTIVE, 1), "丹东": (PLACE, 1),
                     "我市": (SELF, 1)}


def test_a_public_school_opening_speech():
    # A 2024 开学典礼 speech from a collection of 33 (its first paragraphs).
    words = found(sample("kaixue"))
    assert words == {"我校": (SELF, 1), "学校": (INSTITUTION, 2), "江苏省": (PLACE, 1)}


@pytest.mark.parametrize("text", [
    "我会努力工作", "我站在新的起点上", "各位来宾", "确保长治久安", "祝大家幸福安康", "树立全局观念",
    "本科学历", "本乡本土", "我委托办公室", "覆盖全区域", "我国", "全国人民", "建设新乡村", "服务大局",
    "提高本部门的效率", "建设世界大同"])
def test_everyday_words_are_not_marked(text):
    assert find_unit_words(text) == []


def test_positions_and_the_longer_match():
    text = "举全局之力，全院师生和我院领导，在河南省驻马店市驿城区。"
    words = find_unit_words(text)
    assert [(w.word, w.kind) for w in words] == [
        ("全局之力", COLLECTIVE), ("全院师生", COLLECTIVE), ("我院", SELF), ("河南省", PLACE),
        ("驻马店市", PLACE), ("驿城区", PLACE)]
    for w in words:
        assert text[w.start:w.end] == w.word


def test_short_names():
    assert short_name("河南省") == "河南"
    assert short_name("宁夏回族自治区") == "宁夏"
    assert short_name("新疆维吾尔自治区") == "新疆"
    assert short_name("延边朝鲜族自治州") == "延边"
    assert short_name("黔东南苗族侗族自治州") == "黔东南"
    assert short_name("伊犁哈萨克自治州") == "伊犁"
    assert short_name("白城市") == "白城"   # not an autonomous name: 白 stays
    assert find_unit_words("延边的发展")[0].word == "延边"
