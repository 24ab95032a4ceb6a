"""Whatever text a writer types or pastes, saving and reading back gives every character back:
speeches, recovery files and library packs, for arbitrary Unicode text (control characters,
line breaks, YAML syntax, BOMs, line separators)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from composer.core.library import PARAGRAPH, Pack, Snippet
from composer.core.speech import Section, Speech
from composer.io import library_file, recovery, speech_file
from composer.io.speech_file import speech_bytes

ROUND_TRIP = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# All of Unicode except surrogates (which no valid text holds; see the test at the end), with
# extra weight on what is awkward for YAML.
text = st.one_of(st.text(max_size=12), st.text(alphabet=list(" \n\r\t#:-|>'\"\\{}[]&*!%@`?,\ufeff"
                                                        "\u2028\u0085\u3000同志们：…"),
                                               max_size=12))


@st.composite
def sections(draw, depth: int = 1):
    children = draw(st.lists(sections(depth + 1), max_size=2)) if depth < 4 else []
    return Section(draw(text), draw(st.lists(text, max_size=3)), children, draw(st.booleans()))


@st.composite
def speeches(draw):
    return Speech(*(draw(text) for _ in range(5)), opening=draw(st.lists(text, max_size=3)),
                  body=draw(st.lists(sections(), max_size=3)),
                  closing=draw(st.lists(text, max_size=2)))


@ROUND_TRIP
@given(speeches())
def test_speech_file_round_trip(speech):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.speech.yaml"
        speech_file.save_speech(speech, path)
        assert speech_file.load_speech(path).content() == speech.content()


@ROUND_TRIP
@given(speeches(), st.one_of(st.none(), text.map(lambda t: f"/tmp/{t}.speech.yaml")))
def test_recovery_round_trip(speech, original):
    path = recovery.write_recovery(speech, original.replace("\x00", "") if original else None, "rt")
    assert recovery.read_recovery(path, "rt").load().content() == speech.content()
    assert recovery.read_recovery(path, "rt").title == speech.title


@st.composite
def snippets(draw, number: int):
    level = draw(st.sampled_from([PARAGRAPH, 1, 2, 3, 4]))
    children = draw(st.lists(sections(level + 1), max_size=2)) if 0 < level < 4 else []
    return Snippet(f"id-{number}", level, draw(text) if level else "",
                   draw(st.lists(text, max_size=3)),
                   children, kind=draw(text), tags=draw(st.lists(text, max_size=2)),
                   source_file=draw(text), source_title=draw(text))


@ROUND_TRIP
@given(st.lists(st.integers(), max_size=4).flatmap(
    lambda ns: st.tuples(*(snippets(i) for i in range(len(ns))))), text)
def test_library_pack_round_trip(items, name):
    pack = Pack(name or "库", list(items))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.library.yaml"
        library_file.save_pack(pack, path)
        for use_index in (False, True, True):       # the YAML, then the index it wrote
            back = library_file.load_pack(path, use_index=use_index)
            assert back.name == pack.name
            assert [(s.id, s.level, s.heading, s.paragraphs, [c.content() for c in s.children],
                     s.kind, s.tags, s.source_file, s.source_title) for s in back.snippets] == [
                (s.id, s.level, s.heading, s.paragraphs, [c.content() for c in s.children],
                 s.kind, s.tags, s.source_file, s.source_title) for s in pack.snippets]


@ROUND_TRIP
@given(st.lists(st.one_of(text, st.text(alphabet=st.characters(min_codepoint=0xD800,
                                                              max_codepoint=0xDFFF), min_size=1,
                                        max_size=2), st.just("\ud842\udfb7")), max_size=4))
def test_invalid_code_units_never_stop_a_save(paragraphs):
    """Lone surrogates (from a clipboard, or a decoder's surrogateescape) are saved as U+FFFD;
    a pair of surrogates is saved as the character it spells; everything else is unchanged."""
    speech = Speech(title="标题", opening=paragraphs)
    data, replaced = speech_bytes(speech)
    back = speech_file.parse_speech(data, "x.speech.yaml")
    expected = [p.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
                for p in paragraphs]
    assert back.opening == expected
    assert replaced == (expected != paragraphs)


@ROUND_TRIP
@given(speeches())
def test_a_speech_dumped_piece_by_piece_is_the_same_file(speech):
    """Saves dump section by section (so that a background save lets the window run); the
    bytes must be exactly those of one dump of the whole speech."""
    from composer.io import yamlfile
    data = speech_file.speech_to_data(speech)
    try:
        whole = yamlfile.dump(data)
    except UnicodeEncodeError:
        return
    assert "".join(yamlfile.dump_pieces(data)) == whole


@ROUND_TRIP
@given(st.lists(st.integers(), max_size=4).flatmap(
    lambda ns: st.tuples(*(snippets(i) for i in range(len(ns))))), text)
def test_a_pack_dumped_piece_by_piece_is_the_same_file(items, name):
    from composer.io import yamlfile
    data = library_file.pack_to_data(Pack(name or "库", list(items)))
    assert "".join(yamlfile.dump_pieces(data)) == yamlfile.dump(data)
