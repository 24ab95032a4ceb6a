"""The library that ships with the program: built from the corpus by resources/library/build.py."""

import importlib.util
from pathlib import Path

from composer.core.library import KINDS, PARAGRAPH
from composer.io.library_file import load_pack
from composer.io.library_store import bundled_dir, pack_files

BUILD = Path(__file__).resolve().parents[2] / "resources" / "library" / "build.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("library_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_pack_is_what_the_script_builds():
    build = _build_module()
    assert build.PACK.read_text(encoding="utf-8") == build.build_text(), \
        "run .venv/bin/python resources/library/build.py and commit the pack"


def test_the_pack_is_found_and_loads():
    build = _build_module()
    assert build.PACK in pack_files(bundled_dir())
    pack = load_pack(build.PACK, use_index=False)
    assert pack.name == "创建文明单位（范文）"
    assert len(pack.snippets) > 100
    levels = {s.level for s in pack.snippets}
    assert {PARAGRAPH, 1, 2, 3} <= levels
    assert {s.kind for s in pack.snippets} <= set(KINDS)
    assert len({s.id for s in pack.snippets}) == len(pack.snippets)
    assert all(s.source_file and s.source_title for s in pack.snippets)
