"""``speech-composer import``: the contract in product.md, and bad input."""

import io
import json
import zipfile

import pytest

from composer.cli import main
from composer.io.library_file import load_pack
from composer.io.speech_file import load_speech


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as done:        # argparse's own usage errors
        code = done.code
    out, err = capsys.readouterr()
    return code, out, err


def test_import_library_json(corpus_path, tmp_path, capsys):
    out = tmp_path / "wm.library.yaml"
    code, stdout, _ = run(capsys, "import", corpus_path, "--library", out, "--json")
    assert code == 0
    data = json.loads(stdout)
    assert set(data) >= {"speeches", "snippets_added", "duplicates_skipped"}
    assert len(data["speeches"]) == 8
    first = data["speeches"][0]
    assert first["title"] == "创建文明单位动员大会讲话稿篇一"
    assert first["levels"] == {"1": 3, "2": 3, "3": 0, "4": 0}
    assert first["paragraphs"] == 29 and first["duplicate_of"] is None
    assert [s["duplicate_of"] for s in data["speeches"]] == [None] * 6 + [3, 4]
    pack = load_pack(out, use_index=False)
    assert len(pack.snippets) == data["snippets_added"] > 0
    assert data["duplicates_skipped"] > 0
    assert len({s.id for s in pack.snippets}) == len(pack.snippets)


def test_import_appends_and_skips_what_is_there(corpus_path, tmp_path, capsys):
    out = tmp_path / "mine.library.yaml"
    run(capsys, "import", corpus_path, "--library", out)
    before = load_pack(out, use_index=False)
    code, stdout, _ = run(capsys, "import", corpus_path, "--library", out, "--json")
    assert code == 0
    data = json.loads(stdout)
    assert data["snippets_added"] == 0
    after = load_pack(out, use_index=False)
    assert [s.id for s in after.snippets] == [s.id for s in before.snippets]
    assert after.name == "mine"


def test_rebuilding_gives_the_same_ids(corpus_path, tmp_path, capsys):
    run(capsys, "import", corpus_path, "--library", tmp_path / "a.library.yaml")
    run(capsys, "import", corpus_path, "--library", tmp_path / "b.library.yaml")
    a = load_pack(tmp_path / "a.library.yaml", use_index=False)
    b = load_pack(tmp_path / "b.library.yaml", use_index=False)
    assert [s.id for s in a.snippets] == [s.id for s in b.snippets]


def test_import_one_speech(corpus_path, tmp_path, capsys):
    out = tmp_path / "six.speech.yaml"
    code, stdout, _ = run(capsys, "import", corpus_path, "--speech", out, "--pick", 6, "--json")
    assert code == 0
    assert json.loads(stdout)["picked"] == 6
    speech = load_speech(out)
    assert speech.title == "创建文明单位动员大会讲话稿篇六"
    assert speech.salutation == "同志们："
    assert [s.heading for s in speech.body[3].children] == [
        "加强组织领导", "明确创建责任", "精心组织创建", "实现创建目标"]
    assert all(s.run_in for s in speech.body[3].children)


def test_import_one_speech_default_is_the_first(corpus_path, tmp_path, capsys):
    out = tmp_path / "one.speech.yaml"
    code, stdout, _ = run(capsys, "import", corpus_path, "--speech", out)
    assert code == 0 and "篇一" in stdout
    assert load_speech(out).title.endswith("篇一")


def _bad_input(tmp_path, case: str):
    """A file of one kind of bad input (only that one is made: the zip bomb takes a moment)."""
    def write(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    def zip_file(name, members):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in members.items():
                archive.writestr(member, data)
        return path

    makers = {
        "junk": lambda: write("junk.txt", bytes(range(256)) * 40),
        "empty": lambda: write("empty.txt", b""),
        "blank": lambda: write("blank.txt", "   \n\n\u3000\n".encode("utf-8")),
        "ads": lambda: write("ads.txt", "以下是小编为大家收集的范文，供大家参考。\n第1页共2页\n"
                             .encode("utf-8")),
        "not_zip": lambda: write("fake.docx", "这不是 Word 文档".encode("utf-8")),
        "truncated": lambda: write("truncated.docx", _docx_bytes()[:300]),
        "old_word": lambda: write("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        "no_document": lambda: zip_file("nodoc.docx", {"hello.txt": "hi"}),
        "bomb": lambda: zip_file("bomb.docx",
                                 {"word/document.xml": b"<" + b" " * (64 * 1024 * 1024)}),
        "pdf": lambda: write("speech.pdf", b"%PDF-1.4 ..."),
        "missing": lambda: tmp_path / "missing.txt",
    }
    return makers[case]()


def _docx_bytes() -> bytes:
    import docx
    document = docx.Document()
    for _ in range(20):
        document.add_paragraph("同志们：今天我们召开动员大会。" * 5)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("case", ["junk", "empty", "blank", "ads", "not_zip", "truncated",
                                  "old_word", "no_document", "bomb", "pdf", "missing"])
@pytest.mark.parametrize("mode", ["--library", "--speech"])
def test_bad_input_exits_2_and_writes_nothing(corpus_path, tmp_path, capsys, case, mode):
    source = _bad_input(tmp_path, case)
    out = tmp_path / ("out.library.yaml" if mode == "--library" else "out.speech.yaml")
    code, stdout, stderr = run(capsys, "import", source, mode, out)
    assert code == 2
    assert stdout == ""
    assert stderr.count("\n") == 1 and stderr.startswith("speech-composer: ")
    assert source.name in stderr
    assert not out.exists()
    assert list(tmp_path.glob(".out*")) == []


def test_bad_source_among_good_ones_leaves_the_library_unchanged(corpus_path, tmp_path, capsys):
    out = tmp_path / "lib.library.yaml"
    run(capsys, "import", corpus_path, "--library", out)
    before = out.read_bytes()
    junk = _bad_input(tmp_path, "junk")
    code, _, stderr = run(capsys, "import", corpus_path, junk, "--library", out)
    assert code == 2 and "junk.txt" in stderr
    assert out.read_bytes() == before


def test_a_broken_existing_library_is_not_overwritten(corpus_path, tmp_path, capsys):
    out = tmp_path / "lib.library.yaml"
    out.write_text("format: 1\nsnippets: [\n", encoding="utf-8")
    code, _, stderr = run(capsys, "import", corpus_path, "--library", out)
    assert code == 2 and "lib.library.yaml" in stderr
    assert out.read_text(encoding="utf-8") == "format: 1\nsnippets: [\n"


@pytest.mark.parametrize("args", [
    ["--speech", "x.speech.yaml", "--pick", "9"],
    ["--speech", "x.speech.yaml", "--pick", "0"],
    ["--library", "x.library.yaml", "--pick", "2"],
    ["--library", "x.library.yaml", "--speech", "y.speech.yaml"],
    [],
])
def test_bad_arguments(corpus_path, tmp_path, capsys, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run(capsys, "import", corpus_path, *args)
    assert code == 2 and stdout == "" and stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_speech_takes_one_source(corpus_path, tmp_path, capsys):
    code, _, stderr = run(capsys, "import", corpus_path, corpus_path,
                          "--speech", tmp_path / "x.speech.yaml")
    assert code == 2 and "--speech" in stderr


def test_output_cannot_be_a_source(corpus_path, tmp_path, capsys):
    source = tmp_path / "speech.txt"
    source.write_text("同志们：\n今天开会。\n", encoding="utf-8")
    code, _, _ = run(capsys, "import", source, "--speech", source)
    assert code == 2
    assert source.read_text(encoding="utf-8") == "同志们：\n今天开会。\n"


def test_english_messages(corpus_path, tmp_path, capsys):
    from composer.core import i18n
    i18n.set_language("en")
    junk = _bad_input(tmp_path, "junk")
    code, _, stderr = run(capsys, "import", junk, "--library", tmp_path / "x.library.yaml")
    assert code == 2 and "not a text file" in stderr


def test_an_imported_speech_exports_to_docx(corpus_path, tmp_path, capsys):
    import docx
    speech_file = tmp_path / "six.speech.yaml"
    assert run(capsys, "import", corpus_path, "--speech", speech_file, "--pick", 6)[0] == 0
    out = tmp_path / "six.docx"
    code, _, stderr = run(capsys, "export", speech_file, "-o", out)
    assert code == 0, stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert texts[0] == "创建文明单位动员大会讲话稿篇六"
    assert "同志们：" in texts
    assert "一、认识创建的意义" in texts and "四、达到创建要求" in texts
    assert any(t.startswith("（一）加强组织领导。创建工作不是一个部门") for t in texts)


def test_the_help_names_every_kind_of_file_import_reads(capsys):
    # It said "*.txt, *.docx, *.md" while .doc and .wps (the form most old speeches in offices
    # are kept in) are read too.
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    for suffix in ("*.docx", "*.doc,", "*.wps", "*.txt", "*.md"):
        assert suffix in out
