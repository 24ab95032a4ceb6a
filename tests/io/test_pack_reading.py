"""Reading a pack the fast way (block_yaml, and items made without the full checks) gives the
same pack as reading it with PyYAML and every check, or the same error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.core.errors import FileFormatError
from composer.io import library_file, yamlfile

values = st.one_of(st.none(), st.booleans(), st.integers(-2, 5), st.floats(allow_nan=False),
                   st.sampled_from(["", "文明", "paragraph", "1", "x"]), st.text(max_size=4),
                   st.lists(st.one_of(st.text(max_size=3), st.integers(0, 3)), max_size=2),
                   st.dictionaries(st.sampled_from(["file", "speech", "x"]),
                                   st.one_of(st.none(), st.text(max_size=3), st.integers(0, 2)),
                                   max_size=2))
section = st.fixed_dictionaries({"heading": st.text(max_size=3)},
                                optional={"paragraphs": st.lists(st.text(max_size=3), max_size=2)})
items = st.one_of(
    st.dictionaries(st.sampled_from(["id", "level", "kind", "tags", "heading", "run_in",
                                     "paragraphs", "sections", "source", "other"]),
                    st.one_of(values, st.lists(section, max_size=1)), max_size=9),
    st.fixed_dictionaries(
        {"id": st.one_of(st.text(min_size=1, max_size=3), st.integers(0, 9)),
         "level": st.sampled_from([1, 2, 3, 4, "paragraph", 0, True, "1"])},
        optional={"heading": st.one_of(st.none(), st.text(max_size=3), st.integers(0, 9)),
                  "kind": st.one_of(st.none(), st.text(max_size=3)),
                  "tags": st.one_of(st.none(), st.just(""), st.lists(st.text(max_size=3), max_size=2)),
                  "paragraphs": st.one_of(st.none(), st.lists(st.one_of(st.text(max_size=4),
                                                                       st.integers(0, 9)), max_size=2)),
                  "run_in": st.one_of(st.none(), st.booleans(), st.integers(0, 1)),
                  "sections": st.one_of(st.none(), st.just([]), st.lists(section, max_size=1)),
                  "source": st.one_of(st.none(), st.just({}),
                                      st.fixed_dictionaries({"file": st.text(max_size=3),
                                                             "speech": st.text(max_size=3)}))}))


def summary(pack):
    return (pack.name, [(s.id, s.level, s.heading, s.paragraphs, [c.content() for c in s.children],
                         s.kind, s.tags, s.source_file, s.source_title, s.run_in)
                        for s in pack.snippets])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items, max_size=4))
def test_the_fast_way_reads_what_pyyaml_and_every_check_read(snippets):
    raw = yamlfile.dump({"format": 1, "name": "库", "snippets": snippets}).encode("utf-8")
    try:
        slow = library_file.pack_from_document(yamlfile.parse(raw, "p.library.yaml"))
    except FileFormatError as error:
        with pytest.raises(FileFormatError) as caught:
            library_file.parse_pack(raw, "p.library.yaml")
        assert str(caught.value) == str(error)
        return
    assert summary(library_file.parse_pack(raw, "p.library.yaml")) == summary(slow)
