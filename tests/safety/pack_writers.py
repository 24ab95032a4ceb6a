"""Real processes writing one library pack at the same time, for the concurrency tests and the
bench (bench/bench_pack_writers.py).

Each writer imports, round after round, a speech of its own into the same pack, the way
``speech-composer import SOURCE --library PACK`` does (through ``composer.cli.main``), or adds a
snippet the way the window's 存入素材库 does (``pack_update.write_edit``).  All writers start
each round at the same instant (a barrier).  Every paragraph carries a token naming its writer,
round and place, so that what a pack lost can be counted exactly: a token that was written and is
not in the pack afterwards is a lost snippet.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import random
import re
from pathlib import Path

# Common characters: text that reads as Chinese to the importer, never a near-duplicate of
# another writer's (the importer skips snippets that nearly repeat one the pack holds).
_POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
         "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现"
         "实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表"
         "间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系")
TOKEN = re.compile(r"【(w\d+r\d+[a-z]\d*)】")


def sentence(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(_POOL) for _ in range(length))


def speech_text(writer: int, round_: int, sections: int = 4) -> tuple[str, set[str]]:
    """A speech with ``sections`` level-1 sections; every paragraph holds a token."""
    rng = random.Random(writer * 100003 + round_)
    tokens = set()

    def paragraph(place: str) -> str:
        token = f"w{writer}r{round_}{place}"
        tokens.add(token)
        return f"{sentence(rng, 30)}【{token}】{sentence(rng, 30)}。"
    numerals = "一二三四五六七八九十"
    lines = [f"在第{round_}次工作会议上的讲话（{writer}号）", "", "同志们：", "",
             paragraph("o"), ""]
    for number in range(sections):
        lines += [f"{numerals[number]}、{sentence(rng, 8)}", "", paragraph(f"s{number}"), ""]
    lines += ["谢谢大家！", ""]
    return "\n".join(lines), tokens


def tokens_in_pack(path: Path) -> set[str]:
    from composer.io import library_file
    pack = library_file.load_pack(path, use_index=False)
    found = set()
    for snippet in pack.snippets:
        texts = [snippet.heading, *snippet.paragraphs]
        for child in snippet.children:
            for section in child.walk():
                texts += [section.heading, *section.paragraphs]
        for text in texts:
            found.update(TOKEN.findall(text))
    return found


def import_writer(writer: int, rounds: int, folder: str, pack: str, barrier, results) -> None:
    """One writer running the import command every round, started with the others."""
    from composer import cli
    for round_ in range(rounds):
        text, tokens = speech_text(writer, round_)
        source = Path(folder) / f"w{writer}-r{round_}.txt"
        source.write_text(text, encoding="utf-8")
        barrier.wait()
        with contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()) as errors:
            status = cli.main(["import", str(source), "--library", pack])
        results.put((writer, round_, status, sorted(tokens), errors.getvalue()))
        barrier.wait()


def unlocked_import_writer(writer: int, rounds: int, folder: str, pack: str, barrier,
                           results) -> None:
    """The import's final write as it was before the write lock: read the pack, add, replace
    the file (atomically, but without re-reading it).  The baseline the bench compares with."""
    from composer.core.importer import import_into_library
    from composer.core.library import Pack
    from composer.io import library_file
    from composer.io.importing import read_speeches
    for round_ in range(rounds):
        text, tokens = speech_text(writer, round_)
        source = Path(folder) / f"w{writer}-r{round_}.txt"
        source.write_text(text, encoding="utf-8")
        barrier.wait()
        found = read_speeches([source])
        target = Path(pack)
        current = library_file.load_pack(target) if target.exists() else Pack("共享", [], pack)
        result = import_into_library(found, current.snippets)
        current.snippets = current.snippets + result.added
        library_file.save_pack(current, target)
        results.put((writer, round_, 0, sorted(tokens), ""))
        barrier.wait()


def window_writer(writer: int, rounds: int, folder: str, pack: str, barrier, results) -> None:
    """One writer saving a section to the library every round, as 存入素材库 does."""
    from composer.core.library import Snippet
    from composer.core.library_edits import AddSnippets
    from composer.io import pack_update
    rng = random.Random(writer)
    for round_ in range(rounds):
        token = f"w{writer}r{round_}s0"
        # The id the window would give it from the pack it last loaded: the same for all
        # writers of a round, so the merge must renumber.
        snippet = Snippet(f"my-{round_ + 1:04d}", 1, sentence(rng, 8),
                          [f"{sentence(rng, 20)}【{token}】。"])
        barrier.wait()
        try:
            pack_update.write_edit(AddSnippets(pack, [snippet]), new_name="我的素材")
            status, error = 0, ""
        except Exception as caught:  # reported to the parent, which fails the test
            status, error = 2, repr(caught)
        results.put((writer, round_, status, [token], error))
        barrier.wait()


def race(kind: str, writers: int, rounds: int, folder: Path) -> dict:
    """Run ``writers`` processes for ``rounds`` rounds; the counts of what was written and lost."""
    target = {"import": import_writer, "window": window_writer,
              "unlocked": unlocked_import_writer}[kind]
    pack = folder / "shared.library.yaml"
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(writers + 1)
    results = context.Queue()
    processes = [context.Process(target=target, args=(w, rounds, str(folder), str(pack),
                                                      barrier, results))
                 for w in range(writers)]
    for process in processes:
        process.start()
    written: set[str] = set()
    lost_rounds = 0
    failures = []
    lost: set[str] = set()
    try:
        for _round in range(rounds):
            barrier.wait(timeout=300)          # everyone starts the round at once
            barrier.wait(timeout=300)          # everyone is done
            for _ in range(writers):
                writer, number, status, tokens, error = results.get(timeout=60)
                if status != 0:
                    failures.append((writer, number, status, error))
                else:
                    written.update(tokens)
            missing = written - tokens_in_pack(pack)
            if missing - lost:
                lost_rounds += 1
            lost |= missing
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
    return {"writers": writers, "rounds": rounds, "written": len(written), "lost": len(lost),
            "rounds_with_loss": lost_rounds, "failures": failures,
            "temp_files_left": sorted(p.name for p in folder.iterdir()
                                      if p.name.startswith("." + pack.name))}


if __name__ == "__main__":  # a quick look by hand: python tests/safety/pack_writers.py import 20
    import sys
    import tempfile
    with tempfile.TemporaryDirectory() as where:
        os.environ.setdefault("SPEECH_COMPOSER_CACHE", os.path.join(where, "cache"))
        print(race(sys.argv[1], 2, int(sys.argv[2]), Path(where)))
