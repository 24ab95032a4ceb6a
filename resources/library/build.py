"""Build the library pack that ships with the program from the corpus.

    .venv/bin/python resources/library/build.py           # rewrite the pack
    .venv/bin/python resources/library/build.py --check   # exit 1 if the pack is out of date

The pack is made exactly as ``speech-composer import`` makes one (same cleanup, structure
detection, kinds and near-duplicate rules), from every ``*.txt`` in ``resources/corpus/``, into an
empty library.  Run it after changing the importer or the corpus, and commit the pack with it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from composer.core.importer import import_into_library  # noqa: E402
from composer.core.library import Pack  # noqa: E402
from composer.io import files, yamlfile  # noqa: E402
from composer.io.importing import read_speeches  # noqa: E402
from composer.io.library_file import pack_to_data  # noqa: E402

CORPUS = ROOT / "resources" / "corpus"
PACK = HERE / "wenming-chuangjian.library.yaml"
NAME = "创建文明单位（范文）"
ID_PREFIX = "wm"
TAGS = ["文明创建", "动员大会"]


def build_text() -> str:
    """The pack's YAML text, built from the corpus."""
    sources = sorted(CORPUS.glob("*.txt"))
    result = import_into_library(read_speeches(sources), [], ID_PREFIX)
    for snippet in result.added:
        snippet.tags = list(TAGS)
    return yamlfile.dump(pack_to_data(Pack(NAME, result.added)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the pack is up to date (exit 1 if not)")
    args = parser.parse_args()
    text = build_text()
    if args.check:
        current = PACK.read_text(encoding="utf-8") if PACK.exists() else ""
        if current != text:
            print(f"{PACK.relative_to(ROOT)} is out of date: run resources/library/build.py")
            return 1
        print(f"{PACK.relative_to(ROOT)} is up to date")
        return 0
    files.write_text(PACK, text)
    print(f"wrote {PACK.relative_to(ROOT)}: {text.count(chr(10) + '- id: ')} snippets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
