"""Import benchmark: the corpus repeated 40 times (3.6 MB) into a new library, in process."""

from __future__ import annotations

import tempfile
from pathlib import Path

from harness import Case

from composer.io import paths
from composer.io.importing import import_to_library, read_speeches

CORPUS = paths.resources_dir() / "corpus" / "创建文明单位动员大会讲话稿-8篇.txt"
REPEAT = 40


def cases() -> list[Case]:
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    source = folder / "corpus-x40.txt"
    source.write_bytes(CORPUS.read_bytes() * REPEAT)
    size_mb = source.stat().st_size / 1e6
    output = folder / "out.library.yaml"

    def fresh_output():
        output.unlink(missing_ok=True)

    report = import_to_library([source], output)
    assert len(report.found) == 8 * REPEAT
    assert sum(f.duplicate_of is None for f in report.found) == 6
    fresh_output()

    return [
        Case(f"import corpus x{REPEAT} ({size_mb:.1f} MB): read, clean, find speeches",
             lambda: read_speeches([source]), runs=5),
        Case(f"import corpus x{REPEAT} ({size_mb:.1f} MB) into a new library, written",
             lambda: import_to_library([source], output), setup=fresh_output, runs=5, bar=2.0),
    ]
