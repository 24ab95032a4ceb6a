"""Fuzzing every reader of outside files: whatever the bytes, only the project's own errors.

Each reader gets arbitrary bytes, YAML-like text, well-formed YAML of random shapes, and random
damage to a real file.  It must return a result or raise ComposerError — never another
exception (which would crash the program or the command line with a traceback) — and must not
hang (hypothesis reports examples that run for seconds).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import docx
import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st

from composer.core.errors import ComposerError
from composer.export import profiles
from composer.io import library_file, locks, readers, recovery, speech_file, yamlfile
from composer.io.docx_reader import read_docx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml").read_bytes()
PROFILE = (ROOT / "resources" / "profiles" / "gbt9704-28pt.yaml").read_bytes()

# A longer campaign: SAFETY_FUZZ_EXAMPLES=20000 pytest tests/safety/test_fuzz_readers.py
EXAMPLES = int(os.environ.get("SAFETY_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def only_composer_errors(read, *args):
    try:
        return read(*args)
    except ComposerError as error:
        assert str(error) and error.zh and error.en
        return None


# --- inputs ------------------------------------------------------------------------------------

SPEECH_KEYS = ["format", "title", "subtitle", "speaker", "date", "salutation", "opening", "body",
               "closing", "heading", "paragraphs", "sections", "run_in"]
PACK_KEYS = ["format", "name", "snippets", "id", "level", "kind", "tags", "heading", "paragraphs",
             "sections", "source", "file", "speech"]
PROFILE_KEYS = ["format", "base", "label", "zh", "en", "page", "width_mm", "top_mm", "text",
                "line_pitch_pt", "latin_font", "roles", "body", "heading1", "font", "size_pt",
                "bold", "date_digits", "level3_style", "page_numbers", "position", "alt_names"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10), st.integers(), st.floats(),
    st.text(max_size=8), st.sampled_from(["paragraph", "gbt9704", "outer", "chinese", "1.", "仿宋"]))


def shaped(keys: list[str]):
    """Random YAML data using the real key names, so that it gets past the first checks."""
    key = st.one_of(st.sampled_from(keys), st.text(max_size=4), st.integers(0, 3))
    data = st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(key, inner, max_size=5)), max_leaves=25)
    top = st.dictionaries(st.sampled_from(keys), data, max_size=7)
    return top.map(lambda d: {"format": 1, **d} if "format" not in d else d)


def as_yaml(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


yamlish = st.text(alphabet=list("abformat:title body- []{}'\"|>#&*!%@`?,\n\t\\0123456789.~讲稿，"),
                  max_size=200).map(lambda t: t.encode("utf-8"))


@st.composite
def damaged(draw, original: bytes) -> bytes:
    """A real file with a few random cuts, insertions and overwrites."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "overwrite", "truncate"]))
        if action == "cut":
            del data[position:position + draw(st.integers(1, 50))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=20))
        elif action == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=8))
            data[position:position + len(chunk)] = chunk
        else:
            del data[position:]
    return bytes(data)


# --- speech files ------------------------------------------------------------------------------

def parse_speech(raw: bytes):
    speech = only_composer_errors(speech_file.parse_speech, raw, "fuzz.speech.yaml")
    if speech is not None:
        # Whatever was accepted is kept exactly: saved and read back, it is the same speech.
        saved, _ = speech_file.speech_bytes(speech)
        assert speech_file.parse_speech(saved, "again.speech.yaml").content() == speech.content()
    return speech


@FUZZ
@given(st.binary(max_size=400))
@example(b"#")
@example(b"\xef\xbb\xbf")
def test_speech_from_arbitrary_bytes(raw):
    parse_speech(raw)


@FUZZ
@given(yamlish)
def test_speech_from_yaml_like_text(raw):
    parse_speech(raw)


@FUZZ
@given(shaped(SPEECH_KEYS))
def test_speech_from_yaml_of_random_shape(data):
    parse_speech(as_yaml(data))


@FUZZ
@given(damaged(EXAMPLE))
def test_speech_from_a_damaged_real_file(raw):
    parse_speech(raw)


# --- library packs -----------------------------------------------------------------------------

def parse_pack(raw: bytes):
    return only_composer_errors(
        lambda: library_file.pack_from_document(yamlfile.parse(raw, "fuzz.library.yaml")))


@FUZZ
@given(st.binary(max_size=400))
def test_pack_from_arbitrary_bytes(raw):
    parse_pack(raw)


@FUZZ
@given(shaped(PACK_KEYS))
def test_pack_from_yaml_of_random_shape(data):
    parse_pack(as_yaml(data))


@FUZZ
@given(st.lists(shaped(PACK_KEYS[3:]), max_size=4))
def test_pack_snippets_of_random_shape(snippets):
    parse_pack(as_yaml({"format": 1, "name": "x", "snippets": snippets}))


@settings(FUZZ, max_examples=max(EXAMPLES // 3, 1))
@given(damaged(EXAMPLE.replace(b"format: 1\n", b"format: 1\nsnippets:\n- id: a\n  level: 1\n")))
def test_pack_from_a_damaged_file_through_the_index(raw):
    """load_pack: hashing, the cached index and the YAML path, on damaged bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.library.yaml"
        path.write_bytes(raw)
        only_composer_errors(library_file.load_pack, path)
        only_composer_errors(library_file.load_pack, path)   # the second load uses the index


# --- format profiles ---------------------------------------------------------------------------

def load_profile_bytes(raw: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(raw)
        return only_composer_errors(profiles.load_profile, path)


@FUZZ
@given(st.binary(max_size=300))
def test_profile_from_arbitrary_bytes(raw):
    load_profile_bytes(raw)


@FUZZ
@given(shaped(PROFILE_KEYS))
def test_profile_from_yaml_of_random_shape(data):
    load_profile_bytes(as_yaml(data))


@FUZZ
@given(damaged(PROFILE))
def test_profile_from_a_damaged_real_file(raw):
    load_profile_bytes(raw)


# --- import readers ----------------------------------------------------------------------------

@FUZZ
@given(st.binary(max_size=600))
@example("同志们：\n".encode("utf-16-le"))
@example(b"\xff\xfe\x00\x00\x00\xd8\x00\x00")        # UTF-32 with a surrogate: not text
def test_text_import_from_arbitrary_bytes(raw):
    text = only_composer_errors(readers.decode_text, raw, "fuzz.txt")
    if text is not None:
        readers.markdown_lines(text[0])


@FUZZ
@given(st.text(max_size=300))
def test_markdown_from_arbitrary_text(text):
    readers.markdown_lines(text)


@FUZZ
@given(st.sampled_from([".txt", ".md", ".docx"]), st.binary(max_size=300))
def test_read_source_from_arbitrary_bytes(suffix, raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(raw)
        only_composer_errors(readers.read_source, path)


def small_docx() -> bytes:
    document = docx.Document()
    document.add_heading("在动员大会上的讲话", 0)
    document.add_paragraph("同志们：")
    document.add_heading("统一思想", 1)
    document.add_paragraph("第一项", style="List Number")
    document.add_paragraph("第二项", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "表格里的字"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX = small_docx()


@FUZZ
@given(st.binary(max_size=400).map(lambda tail: b"PK\x03\x04" + tail))
def test_docx_from_zip_like_junk(raw):
    only_composer_errors(read_docx, raw, "fuzz.docx")


@FUZZ
@given(damaged(DOCX))
def test_docx_from_a_damaged_real_file(raw):
    only_composer_errors(read_docx, raw, "fuzz.docx")


# --- the program's own small files: lock files, recovery headers -------------------------------

@FUZZ
@given(st.one_of(st.binary(max_size=300),
                 st.dictionaries(st.sampled_from(["session", "pid", "host", "user", "token",
                                                  "since"]), scalars, max_size=6)
                 .map(lambda d: json.dumps(d).encode())))
def test_lock_file_of_any_content(content):
    with tempfile.TemporaryDirectory() as folder:
        speech = Path(folder) / "a.speech.yaml"
        locks.lock_path(speech).write_bytes(content)
        lock = locks.read_lock(speech)
        if lock is not None:
            str(locks.SpeechLockedError(speech, lock))
            locks.is_stale(lock)
        locks.holder(speech, "fuzz")
        assert locks.acquire(speech, "fuzz", force=True)


@FUZZ
@given(st.one_of(st.binary(max_size=300),
                 st.dictionaries(st.sampled_from(["session", "original", "base_sha256", "written",
                                                  "title", "characters", "pid", "host"]),
                                 scalars, max_size=8)
                 .map(lambda d: recovery.HEADER.encode() + json.dumps(d).encode())))
def test_recovery_header_of_any_content(first_line):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.speech.yaml"
        path.write_bytes(first_line + b"\n" + EXAMPLE)
        found = recovery.read_recovery(path, "s")
        assert isinstance(found.title, str) and isinstance(found.written, float)
        assert found.original is None or isinstance(found.original, str)
