"""The fast pack writer gives exactly PyYAML's bytes, and they load back as the same pack, for
the program's usual text and for hostile text in every field (it must hand those to PyYAML)."""

from __future__ import annotations

import random

import pytest

from composer.core.library import PARAGRAPH, Pack, Snippet
from composer.core.speech import Section
from composer.io import library_file, pack_writer, yamlfile

HOSTILE = [
    "", " ", "  前后有空格 ", "true", "yes", "on", "null", "~", "123", "1.5", "0x1F", "2024-01-01",
    "1_000", ".inf", "-", "- 列表", "? 问", ": 冒号", "a: b", "文字 #注释", "#开头", "&锚", "*别名",
    "!标签", "|竖线", ">大于", "'单引号'", '"双引号"', "%百分", "@at", "`反引号", "[方括号]",
    "{花括号}", "逗号,", "第一行\n第二行", "结尾换行\n", "\n开头换行", "两个换行\n\n", "制表\t符",
    "回车\r符", "\x00零", "\x07铃", "\x85NEL", "行\u2028分隔", "段\u2029分隔", "\ufeffBOM",
    "\ud800孤代理", "😀表情", "---", "...", "--- 文档", "... 结束", "\\反斜杠", "中文：冒号",
    "中文 # 井号", "（一）括号", "'", '"', "\u3000全角空格开头", "结尾全角空格\u3000", "<<",
    "=", "\x7f删除", "\u00a0不换行空格", "\ue000私用", "\uffff非字符",
]


def same_as_pyyaml(pack: Pack) -> None:
    expected, _ = yamlfile.dump_bytes(library_file.pack_to_data(pack))
    written, repaired = library_file.pack_bytes(pack)
    assert written == expected
    if not repaired:
        back = library_file.parse_pack(written, "x.library.yaml")
        assert library_file.pack_to_data(back) == library_file.pack_to_data(pack)
        strict = library_file.pack_from_document(yamlfile.parse(written, "x.library.yaml"))
        assert library_file.pack_to_data(strict) == library_file.pack_to_data(pack)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_every_field(text):
    safe = text if text.strip() else "x"
    snippets = [
        Snippet(f"id-{safe}" if text else "id", 1, text, [text, "普通的一段。"], [], text,
                [text, "标签"], text, text, run_in=True),
        Snippet("p-1", PARAGRAPH, "", [text], [], "意义", [], "", ""),
        Snippet(safe, 2, "普通标题", ["普通的一段。"], [], "", [], "", ""),
    ]
    same_as_pyyaml(Pack(text or "名字", snippets))


def test_sub_sections_and_empty_packs_go_through_pyyaml():
    child = Section("（一）小标题", ["小标题下的一段。"])
    same_as_pyyaml(Pack("我的素材", [Snippet("my-1", 1, "大标题", ["一段。"], [child])]))
    same_as_pyyaml(Pack("我的素材", []))
    same_as_pyyaml(Pack("我的素材", [Snippet("my-1", 1, "保留换行", ["一段\n\n"]),
                                  Snippet("my-2", 1, "后一条", ["一段。"])]))


def test_random_text_from_a_hostile_alphabet():
    rng = random.Random(13)
    alphabet = list("文明创建，。：；、（）「」“”… -:#&*!|>'\"%@`[]{}?,\\\t\n\r\x85\u2028\ufeff\u3000"
                    "0123456789abcxyzTRUEnul.~_/")
    for _ in range(300):
        def text() -> str:
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        snippets = [Snippet(f"my-{i}", rng.choice([1, 2, 3, 4, PARAGRAPH]), text(),
                            [text() for _ in range(rng.randint(0, 3))], [], text(),
                            [text() for _ in range(rng.randint(0, 2))], text(), text())
                    for i in range(3)]
        for snippet in snippets:
            if snippet.level == PARAGRAPH:
                snippet.heading = ""
        same_as_pyyaml(Pack(text() or "名字", snippets))


def test_most_of_a_real_pack_is_written_without_pyyaml(monkeypatch):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from generate import distinct_pack
    pack = distinct_pack(300)
    calls = []
    real = yamlfile.dump
    monkeypatch.setattr(yamlfile, "dump", lambda data: calls.append(data) or real(data))
    pack_writer._ASKED.clear()
    library_file.pack_bytes(pack)
    assert len(calls) < 30     # a few distinct short strings asked once each, not 300 snippets


def test_blocks_of_pieces_join_to_the_same_bytes(monkeypatch):
    """The UTF-8 is made a block of snippets at a time (short calls into C, for a worker that
    shares the interpreter with the window): the blocks' edges change nothing."""
    pack = Pack("我的素材", [Snippet(f"my-{i}", 1 + i % 4, f"标题{i}", [f"第{i}段。", "二段。"],
                                  kind="措施") for i in range(11)])
    whole = pack_writer.pack_text(pack).encode("utf-8")
    for block in (1, 2, 3, 11, 12, 1000):
        monkeypatch.setattr(pack_writer, "BLOCK", block)
        assert pack_writer.pack_utf8(pack) == whole
    same_as_pyyaml(pack)
