"""The clean real speeches the bars are measured on, as Speech objects.

* the example speech (resources/examples/) and the eight drafts of the corpus (resources/corpus/),
  both real 范文 material, imported with the program's own importer;
* seven speeches from public web pages (speeches/*.txt, each naming its address).  The stored
  copies of those pages are NFKC-normalised, which turned the full-width ，：；？！（） into
  half-width , : ; ? ! ( ) and …… into ......; ``restore_fullwidth`` puts them back before the
  text is used, so that the normalisation is not counted as the speakers' errors.  Straight
  quotes "" are left alone: NFKC does not make them, so they were in the page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from composer.core.proofread.text import is_chinese
from composer.core.speech import Speech
from composer.io.importing import read_speeches
from composer.io.speech_file import load_speech

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"
CORPUS = ROOT / "resources" / "corpus" / "创建文明单位动员大会讲话稿-8篇.txt"
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def restore_fullwidth(text: str) -> str:
    text = text.replace("......", "……").replace("...", "…")
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in _FULL and (is_chinese(before) or is_chinese(after)) \
                and not (before.isdigit() and after.isdigit()):
            ch = _FULL[ch]
        out.append(ch)
    return "".join(out)


def web_speeches() -> list[tuple[str, Speech]]:
    out = []
    folder = Path(tempfile.mkdtemp(prefix="bars-"))
    for path in sorted((HERE / "speeches").glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("# ")]
        plain = folder / path.name
        plain.write_text(restore_fullwidth("\n\n".join(lines)) + "\n", encoding="utf-8")
        found = read_speeches([plain])
        assert len(found) == 1, path.name
        out.append((path.stem, found[0].speech))
    return out


def clean_speeches() -> list[tuple[str, Speech]]:
    out = [("example", load_speech(EXAMPLE))]
    out += [(f"corpus-{i + 1}", f.speech) for i, f in enumerate(read_speeches([CORPUS]))]
    return out + web_speeches()
