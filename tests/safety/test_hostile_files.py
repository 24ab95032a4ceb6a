"""Hostile and broken files, fed to every reader of the program's YAML files.

Each must give the project's own error (a ComposerError with a clear message), execute nothing,
and change nothing on disk: not the file, not its folder, not the user's data or cache folders.
"""

from __future__ import annotations

import random
import re
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from composer.core.errors import ComposerError
from composer.export import profiles
from composer.io import library_file, paths, speech_file, yamlfile


def load_speech(path):
    return speech_file.load_speech(path)


def load_pack(path):
    return library_file.load_pack(path)


def load_profile(path):
    return profiles.load_profile(path)


READERS = {
    ".speech.yaml": load_speech,
    ".library.yaml": load_pack,
    ".yaml": load_profile,      # a format profile given by path
}


def tree_state(*folders: Path) -> dict:
    """Every file under the folders with its bytes and modification time."""
    state = {}
    for folder in folders:
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                state[str(path)] = (path.read_bytes() if path.stat().st_size < 2**20 else None,
                                    path.stat().st_mtime_ns)
            else:
                state[str(path)] = "dir"
    return state


def refuse(tmp_path: Path, suffix: str, content: bytes, *words: str) -> ComposerError:
    """Write the content as a file of this kind, load it, and check the refusal."""
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    watched = (tmp_path, paths.data_dir(), paths.cache_dir())
    before = tree_state(*watched)
    with pytest.raises(ComposerError) as caught:
        READERS[suffix](path)
    message = str(caught.value)
    assert "bad" in message, message               # it names the file
    for word in words:
        assert word in message, message
    assert caught.value.zh and caught.value.en     # both languages
    assert tree_state(*watched) == before          # nothing changed, nothing written
    return caught.value


ALL = pytest.mark.parametrize("suffix", list(READERS))

# --- malformed YAML ----------------------------------------------------------------------------

MALFORMED = [
    (b"format: 1\ntitle: [unclosed\n", "YAML"),
    (b"format: 1\n  title: bad indent\n", "YAML"),
    (b"format: 1\n\ttitle: tab\n", "YAML"),
    (b"format: 1\ntitle: \"unterminated\n", "YAML"),
    (b"format: 1\n---\nformat: 1\n", "YAML"),             # two documents in one file
    (b"format: 1\ntitle: *nowhere\n", "YAML"),           # an alias of no anchor
    (b"format: 1\n? [a, b]\n: x\n", "YAML"),              # an unhashable key
]


@ALL
@pytest.mark.parametrize("content,word", MALFORMED)
def test_malformed_yaml(tmp_path, suffix, content, word):
    refuse(tmp_path, suffix, content, word)


@pytest.mark.parametrize("content,_word", MALFORMED)
def test_malformed_yaml_is_explained_in_chinese(tmp_path, content, _word):
    # The Chinese message names the place and says what to fix in Chinese; PyYAML's English
    # ("did not find expected ...") stays in the English message.
    error = refuse(tmp_path, ".speech.yaml", content)
    place = error.zh.split("：", 1)
    assert len(place) == 2 and re.search("[\u4e00-\u9fff]", place[1]), error.zh
    assert not re.search("[a-z]{3,}", place[1].replace("YAML", "")), error.zh


def test_malformed_yaml_names_line_and_column(tmp_path):
    error = refuse(tmp_path, ".speech.yaml", b"format: 1\ntitle: ok\nopening: [unclosed\n")
    assert "bad.speech.yaml:4:1" in str(error)


# --- valid YAML of the wrong shape -------------------------------------------------------------

WRONG_SHAPE = {
    ".speech.yaml": [
        (b"format: 1\nopening: just a sentence\n", ["opening", "段落列表"]),
        (b"format: 1\nclosing: {a: b}\n", ["closing"]),
        (b"format: 1\nbody: a heading\n", ["body", "标题列表"]),
        (b"format: 1\nbody:\n- heading: x\n  paragraphs: one paragraph\n", ["paragraphs"]),
        (b"format: 1\nbody:\n- heading: x\n  sections: {heading: y}\n", ["sections"]),
        (b"format: 1\nbody:\n- [a, b]\n", ["body[1]"]),
        (b"format: 1\ntitle: [a, b]\n", ["title", "文字"]),
        (b"format: 1\ntitle: 2024-03-15\n", ["title"]),          # a date object, not text
        (b"format: 1\ntitel: typo\n", ["titel", "不认识"]),
        (b"format: 1\nbody:\n- heading: x\n  run_in: yes please\n", ["run_in"]),
        (b"title: no version\n", ["format"]),
        (b"format: '1'\n", ["format"]),
        (b"format: true\n", ["format"]),
        (b"format: 0\n", ["format"]),
        (b"format: 1.5\n", ["format"]),
        (b"- a list\n- at the top\n", ["顶层"]),
        (b"just a string\n", ["顶层"]),
        (b"42\n", ["顶层"]),
        (b"# only a comment\n", []),
        (b"~\n", []),
    ],
    ".library.yaml": [
        (b"format: 1\nsnippets: one snippet\n", ["snippets"]),
        (b"format: 1\nsnippets:\n- just text\n", ["snippets[1]"]),
        (b"format: 1\nsnippets:\n- {level: 1, paragraphs: [a]}\n", ["id"]),
        (b"format: 1\nsnippets:\n- {id: a, level: 7}\n", ["level"]),
        (b"format: 1\nsnippets:\n- {id: a, level: '1'}\n", ["level"]),
        (b"format: 1\nsnippets:\n- {id: a, level: 1, tags: urgent}\n", ["tags"]),
        (b"format: 1\nsnippets:\n- {id: a, level: 1, paragraphs: text}\n", ["paragraphs"]),
        (b"format: 1\nsnippets:\n- {id: a, level: 1, source: x}\n", ["source"]),
        (b"format: 1\nsnippets:\n- {id: a, level: 1, colour: red}\n", ["colour", "不认识"]),
        (b"format: 1\nsnippets:\n- {id: a, level: 1}\n- {id: a, level: 2}\n", ["重复"]),
        (b"format: 1\nsnippets:\n- {id: a, level: paragraph, heading: x}\n", ["段落"]),
        (b"name: x\nsnippets: []\n", ["format"]),
        (b"[1, 2, 3]\n", ["顶层"]),
    ],
    ".yaml": [
        (b"format: 1\npage: A4\n", ["page"]),
        (b"format: 1\npage:\n  width_mm: wide\n", ["width_mm"]),
        (b"format: 1\npage:\n  width_mm: 1e9\n", ["width_mm"]),
        (b"format: 1\nroles:\n  body:\n    font: [a]\n", ["font"]),
        (b"format: 1\nroles:\n  body:\n    size_pt: true\n", ["size_pt"]),
        (b"format: 1\ncolour: red\n", ["colour"]),
        (b"format: 1\nbase: no-such-profile\n", ["base"]),
        (b"format: 1\nbase: bad.yaml\n", ["base"]),               # itself: a loop
        (b"- a\n- b\n", ["顶层"]),
    ],
}


@pytest.mark.parametrize("suffix,content,words",
                         [(s, c, w) for s, cases in WRONG_SHAPE.items() for c, w in cases])
def test_wrong_shape(tmp_path, suffix, content, words):
    refuse(tmp_path, suffix, content, *words)


# --- a newer format version --------------------------------------------------------------------

@ALL
def test_newer_format_version_asks_for_an_upgrade(tmp_path, suffix):
    error = refuse(tmp_path, suffix, b"format: 2\nsomething_new: [1, 2]\n", "format")
    assert "2" in str(error)


def test_newer_version_message_in_english(tmp_path):
    from composer.core import i18n
    i18n.set_language("en")
    error = refuse(tmp_path, ".speech.yaml", b"format: 7\n", "upgrade")
    assert "7" in str(error)


# --- tags that would construct Python objects ----------------------------------------------------

def payloads(marker: Path) -> list[str]:
    """YAML that, loaded unsafely, would create ``marker`` (checked below)."""
    m = str(marker)
    return [
        f"!!python/object/apply:os.system ['touch {m}']",
        f"!!python/object/apply:builtins.open ['{m}', 'w']",
        f"!!python/object/apply:subprocess.call [['touch', '{m}']]",
        f"!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {m}']",
        f"!!python/object/apply:subprocess.Popen [['touch', '{m}']]",
    ]


def wrap(payload: str) -> list[bytes]:
    """The payload at the top, as a head field, deep in the body, and as a key."""
    return [
        payload.encode(),
        f"format: 1\ntitle: {payload}\n".encode(),
        f"format: 1\nbody:\n- heading: x\n  paragraphs:\n  - {payload}\n".encode(),
        f"format: 1\nsnippets:\n- id: a\n  level: 1\n  paragraphs: [{payload}]\n".encode(),
        f"format: 1\n? {payload}\n: x\n".encode(),
    ]


def tag_directive(marker: Path) -> bytes:
    """The same, spelt through a %TAG directive."""
    return (f"%TAG !py! tag:yaml.org,2002:python/object/apply:\n---\nformat: 1\n"
            f"title: !py!os.system ['touch {marker}']\n").encode()


def test_the_payloads_are_real(tmp_path):
    """Loaded with PyYAML's unsafe loader, each payload does create its marker file: so the
    next test proves something when no marker appears."""
    for i, payload in enumerate(payloads(tmp_path / "x")):
        marker = tmp_path / f"unsafe-{i}"
        try:
            yaml.unsafe_load(payload.replace(str(tmp_path / "x"), str(marker)))
        except Exception:  # noqa: BLE001 - Popen objects and the like fail later: irrelevant
            pass
        for _ in range(250):      # Popen runs in the background
            if marker.exists():
                break
            time.sleep(0.02)
        assert marker.exists(), payload


@ALL
def test_python_tags_never_execute(tmp_path, suffix):
    marker = tmp_path / "executed"
    contents = [c for payload in payloads(marker) for c in wrap(payload)]
    for i, content in enumerate(contents + [tag_directive(marker)]):
        folder = tmp_path / str(i)
        folder.mkdir()
        error = refuse(folder, suffix, content)
        assert not marker.exists(), content
        assert "不允许" in str(error), (content, str(error))


@ALL
def test_unknown_local_tag_is_refused(tmp_path, suffix):
    refuse(tmp_path, suffix, b"format: 1\ntitle: !custom x\n", "不允许")


# --- binary junk, wrong encodings, empty files -------------------------------------------------

def junk() -> list[bytes]:
    rng = random.Random(6)
    return [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(rng.randrange(256) for _ in range(500)),
        bytes(rng.randrange(256) for _ in range(4096)),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
        "format: 1\ntitle: 讲话\n".encode("gb18030"),          # Chinese, but not UTF-8
        "format: 1\ntitle: 讲话\n".encode("utf-16"),
        b"format: 1\ntitle: \x00\x01\x02\n",
        b"format: 1\ntitle: bell\x07\n",                       # a control character YAML refuses
    ]


@ALL
@pytest.mark.parametrize("index", range(len(junk())))
def test_binary_junk_and_wrong_encodings(tmp_path, suffix, index):
    refuse(tmp_path, suffix, junk()[index])


@ALL
@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf", b"\n"])
def test_empty_files(tmp_path, suffix, content):
    refuse(tmp_path, suffix, content)


@ALL
def test_folder_and_missing_file(tmp_path, suffix):
    (tmp_path / f"bad{suffix}").mkdir()
    with pytest.raises(ComposerError, match="bad"):
        READERS[suffix](tmp_path / f"bad{suffix}")
    with pytest.raises(ComposerError, match="missing"):
        READERS[suffix](tmp_path / f"missing{suffix}")


# --- enormous files ----------------------------------------------------------------------------

@ALL
def test_enormous_file_is_refused_without_reading_it(tmp_path, suffix):
    path = tmp_path / f"bad{suffix}"
    # Library packs may be bigger than speeches (a pack of 200,000 snippets is 122 MiB).
    limit = library_file.MAX_BYTES if suffix == ".library.yaml" else yamlfile.MAX_BYTES
    with open(path, "wb") as handle:       # sparse: takes no disk space
        handle.write(b"format: 1\n")
        handle.truncate(limit + 1)
    tracemalloc.start()
    try:
        with pytest.raises(ComposerError, match="太大"):
            READERS[suffix](path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024        # far less than the file: it was never read


def test_big_file_under_the_limit_still_loads(tmp_path):
    """The limit refuses absurd files, not big speeches: 2 MB of text loads."""
    paragraph = "同志们，创建文明单位是一项长期任务。" * 20
    speech = speech_file.Speech(title="长", opening=[paragraph] * 2000)
    path = tmp_path / "long.speech.yaml"
    speech_file.save_speech(speech, path)
    assert path.stat().st_size > 2_000_000
    assert speech_file.load_speech(path).opening == [paragraph] * 2000


# --- YAML features that hide trouble -----------------------------------------------------------

def alias_bomb(levels: int = 6, width: int = 9) -> bytes:
    """A few hundred bytes whose aliases stand for width**levels items ("billion laughs")."""
    lines = ["format: 1", "x0: &a0 [" + ", ".join(["text"] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"x{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return ("\n".join(lines) + "\n").encode()


def section_bomb(width: int = 30) -> bytes:
    """Nested sections shared by alias: 27,000 paragraphs of 24,300 sections in 700 bytes,
    which the speech reader would build one by one."""
    paragraphs = ", ".join(["*p"] * width)
    level4 = f"&d {{heading: d, paragraphs: [{paragraphs}]}}"
    level3 = f"&c {{heading: c, sections: [{level4}, " + ", ".join(["*d"] * (width - 1)) + "]}"
    level2 = f"&b {{heading: b, sections: [{level3}, " + ", ".join(["*c"] * (width - 1)) + "]}"
    level1 = f"&a {{heading: a, sections: [{level2}, " + ", ".join(["*b"] * (width - 1)) + "]}"
    lines = ["format: 1", "opening: [&p paragraph]", "body:", f"- {level1}"]
    lines += ["- *a"] * (width - 1)
    return ("\n".join(lines) + "\n").encode()


@ALL
def test_alias_bombs_are_refused_before_they_are_built(tmp_path, suffix):
    tracemalloc.start()
    try:
        refuse(tmp_path, suffix, alias_bomb(), "别名")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_nested_section_bomb_is_refused(tmp_path):
    content = section_bomb()
    assert len(content) < 1000
    refuse(tmp_path, ".speech.yaml", content, "别名")


@ALL
def test_recursive_alias_is_refused(tmp_path, suffix):
    refuse(tmp_path, suffix, b"format: 1\ntitle: &t [*t]\n", "循环")


def test_a_few_aliases_in_a_hand_written_file_still_work(tmp_path):
    path = tmp_path / "ok.speech.yaml"
    path.write_bytes("format: 1\nopening:\n- &same 同志们好。\n- *same\n".encode())
    assert speech_file.load_speech(path).opening == ["同志们好。", "同志们好。"]


@ALL
def test_duplicate_keys_are_refused_not_silently_dropped(tmp_path, suffix):
    # YAML keeps only the last of two equal keys: the first opening would vanish unnoticed.
    error = refuse(tmp_path, suffix,
                   "format: 1\nopening:\n- 第一稿的开头。\nopening:\n- 第二稿。\n".encode(),
                   "opening", "两次")
    assert "bad" + suffix + ":4:1" in str(error)


def test_duplicate_keys_deep_in_the_body(tmp_path):
    refuse(tmp_path, ".speech.yaml",
           b"format: 1\nbody:\n- heading: a\n  paragraphs: [x]\n  paragraphs: [y]\n", "两次")


@ALL
@pytest.mark.parametrize("opener,closer", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_refused(tmp_path, suffix, opener, closer):
    content = ("format: 1\ntitle: " + opener * 5000 + closer * 5000 + "\n").encode()
    refuse(tmp_path, suffix, content)


# --- the library's derived index ---------------------------------------------------------------

def test_damaged_library_index_is_rebuilt(tmp_path):
    """The index in the cache is derived data: garbage, a wrong shape, absurd nesting or a file
    cut short must never stop a pack from loading."""
    from composer.core.library import Pack, Snippet
    path = tmp_path / "p.library.yaml"
    library_file.save_pack(Pack("库", [Snippet("a", 1, "标题", ["正文"])]), path)
    library_file.load_pack(path)
    index = next((paths.cache_dir() / "library-index").glob("*.jsonl"))
    for damage in [b"", b"\x00\xff" * 10, b'{"index": 1}', b'{"index": 1, "snippets": 5}',
                   b'{"index": 1, "name": "x", "snippets": [[1]]}', b"[" * 100_000,
                   b'{"index": 3, "name": "x", "count": 1}\n[[1]]\n',
                   b'{"index": 3, "name": "x", "count": 2}\n'
                   b'[["b",1,"h",["p"],[],"",[],"","",false]]\n',
                   b'{"index": 3, "name": "x", "count": 1}\n' + b"[" * 100_000 + b"\n"]:
        index.write_bytes(damage)
        pack = library_file.load_pack(path)
        assert [(s.id, s.heading, s.paragraphs) for s in pack.snippets] == [("a", "标题", ["正文"])]
