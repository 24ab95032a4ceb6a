"""The .docx package: parts, relationships, content types, properties, schema validity, safe writes."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from composer.core.errors import ComposerError
from composer.export import build_docx, export_docx, iter_export
from composer.io import files

from .docx_xml import parse, read_parts
from .speech_builders import build_speech

CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def test_every_part_has_a_content_type_and_every_relationship_a_target(example, standard):
    parts = read_parts(build_docx(example, standard))
    assert next(iter(parts)) == "[Content_Types].xml"
    types = parse(parts, "[Content_Types].xml")
    overrides = {o.get("PartName")[1:] for o in types.iter(f"{CT}Override")}
    defaults = {d.get("Extension") for d in types.iter(f"{CT}Default")}
    for name in parts:
        assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert overrides <= set(parts)
    for rels_name in ("_rels/.rels", "word/_rels/document.xml.rels"):
        base = "" if rels_name.startswith("_rels") else "word/"
        for rel in parse(parts, rels_name):
            assert base + rel.get("Target") in parts, rel.get("Target")
    # python-docx's stale Word 2010 copy of the styles is not carried along.
    assert not any("stylesWithEffects" in name for name in parts)
    assert not any(b"stylesWithEffects" in data for data in parts.values())


def test_core_properties_hold_title_author_and_dates_only(example, standard):
    when = datetime(2024, 3, 15, 8, 30, tzinfo=timezone.utc)
    parts = read_parts(build_docx(example, standard, when=when))
    core = parse(parts, "docProps/core.xml")
    assert core.find(f"{DC}title").text == example.title
    assert core.find(f"{DC}creator").text == example.speaker
    assert core.find(f"{DCTERMS}created").text == "2024-03-15T08:30:00Z"
    assert core.find(f"{DCTERMS}modified").text == "2024-03-15T08:30:00Z"
    assert {child.tag for child in core} == {f"{DC}title", f"{DC}creator", f"{DCTERMS}created",
                                             f"{DCTERMS}modified"}
    everything = b"".join(parts.values())
    assert b"python-docx" not in everything and b"lastModifiedBy" not in everything
    app = parse(parts, "docProps/app.xml")
    assert [child.tag.split("}")[1] for child in app] == ["Application"]


def test_export_yields_progress_up_to_one(tmp_path, standard):
    progress = list(iter_export(build_speech(5), tmp_path / "a.docx", standard))
    assert progress == sorted(progress)
    assert progress[-1] == 1.0
    assert len(progress) >= 5
    assert all(0 <= p <= 1 for p in progress)


def test_failed_write_leaves_the_old_file(tmp_path, standard, monkeypatch):
    target = tmp_path / "speech.docx"
    target.write_bytes(b"old document")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ComposerError, match="磁盘空间不足"):
        export_docx(build_speech(1), target, standard)
    assert target.read_bytes() == b"old document"
    assert os.listdir(tmp_path) == ["speech.docx"]


def test_missing_folder_is_a_clear_error(tmp_path, standard):
    with pytest.raises(ComposerError, match="无法写入"):
        export_docx(build_speech(1), tmp_path / "no" / "speech.docx", standard)


def test_a_build_failure_writes_nothing(tmp_path, standard, monkeypatch):
    target = tmp_path / "speech.docx"
    target.write_bytes(b"old document")
    written = []
    monkeypatch.setattr(files, "write_bytes", lambda *a: written.append(a))
    speech = build_speech(1)
    speech.body[0].heading = None    # a broken speech object: building fails before writing
    with pytest.raises(Exception):
        export_docx(speech, target, standard)
    assert not written and target.read_bytes() == b"old document"


def test_same_speech_gives_the_same_bytes(example, standard):
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert build_docx(example, standard, when=when) == build_docx(example, standard, when=when)
