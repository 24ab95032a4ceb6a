"""The archive of past speeches read from folders (io/archive_index.py): the issue's two cases —
the example against the corpus's drafts and against unrelated documents — and the index kept
in the cache folder: reused, rebuilt for a changed file, never trusted when damaged."""

import hashlib
import os
import shutil
import time

import pytest

from composer.core.archive import THRESHOLD, check_paragraphs, repeat_findings
from composer.core.errors import ComposerError
from composer.io import archive_index, paths
from composer.io.archive_index import load_archive
from composer.io.importing import read_speeches
from composer.io.speech_file import load_speech, save_speech
from tests.archive_material import EXAMPLE, TITLE, UNRELATED, write_corpus_archive

# Where each paragraph of the example came from, found by reading the example beside the
# corpus: all but one from 篇五 (篇八 is 篇五 again, with a few characters changed), the
# paragraph on 宣传 from 篇一, edited.
FROM_FIVE = {TITLE + "五", TITLE + "八"}
SOURCES = [FROM_FIVE] * 13 + [{TITLE + "一"}] + [FROM_FIVE]


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive") / "往年讲稿"
    write_corpus_archive(folder)
    return folder


def _check(speech, folders, **options):
    loaded = load_archive(folders, **options)
    return loaded, check_paragraphs(speech, loaded.search())


def test_the_example_against_the_corpus_drafts(corpus_folder):
    """Every paragraph the example was built from is flagged and names its draft and file."""
    loaded, checked = _check(load_speech(EXAMPLE), [corpus_folder])
    assert loaded.errors == [] and len(loaded.files) == 8 and loaded.speeches == 8
    assert sorted(f.titles[0] for f in loaded.files) == sorted(TITLE + n for n in "一二三四五六七八")
    paragraphs = [c for c in checked if c.checked]
    assert len(paragraphs) == len(SOURCES)           # 「谢谢大家！」 is too short to check
    findings = repeat_findings(checked)
    assert len(findings) == len(paragraphs)
    for item, sources, finding in zip(paragraphs, SOURCES, findings):
        best = item.closest
        assert best.similarity >= THRESHOLD
        assert best.title in sources, (item.text[:20], best.title)
        assert best.file.name.startswith(best.title)           # the file holding that draft
        assert best.title in finding.message and best.file.name in finding.message
        assert best.text[:6] in best.file.text(best.paragraph)


def test_unrelated_documents_flag_nothing():
    """The example against government reports, 《毛泽东选集》 texts, a 函 and other offices'
    speeches: nothing is flagged, nothing even half the same."""
    loaded, checked = _check(load_speech(EXAMPLE), list(UNRELATED))
    assert len(loaded.files) >= 25 and loaded.speeches >= 25
    assert repeat_findings(checked) == []
    assert all(c.closest is None for c in checked)


def test_other_offices_speeches_against_the_corpus(corpus_folder):
    loaded = load_archive([corpus_folder])
    speeches = [item.speech for item in
                read_speeches(sorted(UNRELATED[1].glob("*.txt")))]
    assert len(speeches) >= 3
    search = loaded.search()
    for speech in speeches:
        assert repeat_findings(check_paragraphs(speech, search)) == []


def test_the_index_is_reused_and_rebuilt_only_for_a_changed_file(corpus_folder, tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    first = load_archive([folder])
    assert (first.read, first.reused) == (8, 0)
    again = load_archive([folder])
    assert (again.read, again.reused) == (0, 8)
    assert [f.hashes for f in again.files] == [f.hashes for f in first.files]

    changed = folder / f"{TITLE}一.speech.yaml"
    speech = load_speech(changed)
    speech.opening.insert(0, "这是今年新加在开头的一段话，存档里原来没有这段文字，现在应当能查到它了。")
    save_speech(speech, changed)
    old = os.stat(changed).st_mtime_ns - 5_000_000_000
    os.utime(changed, ns=(old, old))      # a change with an old time: the size tells
    third = load_archive([folder])
    assert (third.read, third.reused) == (1, 7)
    [checked] = check_paragraphs(type(speech)(title="x", opening=[speech.opening[0]]),
                                 third.search())
    assert checked.closest.similarity == 1.0 and checked.closest.number == 1


def test_same_size_and_time_but_new_content_is_caught_by_the_hash(tmp_path):
    """Rewritten within the clock tick in which it was read, keeping size and time: the
    recorded time cannot tell, so the content's hash must agree."""
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "去年.txt"
    text = "同志们：\n今年我们要全面推进文明单位创建工作，努力实现创建目标，让每一名干部职工都参与进来。\n"
    path.write_text(text, encoding="utf-8")
    info = os.stat(path)
    first = load_archive([folder])
    assert first.files[0].text(0).startswith("今年我们要")
    path.write_text(text.replace("全面推进", "扎实开展"), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert os.stat(path).st_size == info.st_size
    again = load_archive([folder])
    assert again.read == 1
    assert "扎实开展" in again.files[0].text(0)


def test_a_racy_entry_is_trusted_once_its_content_is_verified(tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "去年.txt").write_text(
        "同志们：\n今年我们要全面推进文明单位创建工作，努力实现创建目标，让每一名干部职工都参与进来。\n",
        encoding="utf-8")
    load_archive([folder])
    hashed = []
    real = archive_index.hashlib.sha256

    def counting(data=b""):
        hashed.append(len(data))
        return real(data)
    monkeypatch.setattr(archive_index.hashlib, "sha256", counting)
    later = time.time_ns() + 10 * archive_index.RACY_NS
    monkeypatch.setattr(archive_index.time, "time_ns", lambda: later)
    assert load_archive([folder]).reused == 1 and len(hashed) == 1    # verified, stamp renewed
    assert load_archive([folder]).reused == 1 and len(hashed) == 1    # stat alone decides


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "parameters"])
def test_a_damaged_entry_is_never_trusted(corpus_folder, tmp_path, damage):
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    first = load_archive([folder])
    entries = sorted(archive_index.index_folder().glob("*.idx"))
    assert len(entries) == 8
    for entry in entries:
        data = entry.read_bytes()
        if damage == "truncate":
            data = data[:len(data) // 2]
        elif damage == "flip":
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1:]
        elif damage == "garbage":
            data = os.urandom(len(data))
        elif damage == "empty":
            data = b""
        else:       # intact, but made with another window: its hashes mean something else
            body = data[:-16].replace(b'"window": 8', b'"window": 9')
            assert body != data[:-16]
            data = body + hashlib.blake2b(body, digest_size=16).digest()
            assert archive_index.read_entry(entry) is not None
        entry.write_bytes(data)
    again = load_archive([folder])
    assert (again.read, again.reused) == (8, 0)
    assert [f.hashes for f in again.files] == [f.hashes for f in first.files]
    assert load_archive([folder]).reused == 8       # rewritten whole


def test_the_cache_is_safe_to_delete_and_holds_no_temp_files(corpus_folder):
    load_archive([corpus_folder])
    shutil.rmtree(paths.cache_dir())
    loaded = load_archive([corpus_folder])
    assert loaded.read == 8 and len(loaded.files) == 8
    assert [p.name for p in archive_index.index_folder().iterdir()
            if not p.name.endswith(".idx")] == []


def test_entries_of_removed_files_go_when_the_index_is_updated(corpus_folder, tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    load_archive([folder])
    assert len(list(archive_index.index_folder().glob("*.idx"))) == 8
    (folder / f"{TITLE}二.docx").unlink()
    (folder / "新的.txt").write_text("同志们：\n这是一篇新存进来的讲话，内容与往年的讲话都不一样，用来更新索引。\n",
                                     encoding="utf-8")
    load_archive([folder])
    assert len(list(archive_index.index_folder().glob("*.idx"))) == 8


def test_the_speech_being_checked_is_not_its_own_archive(corpus_folder, tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    mine = folder / "今年.speech.yaml"
    shutil.copyfile(EXAMPLE, mine)
    speech = load_speech(mine)
    loaded, checked = _check(speech, [folder], exclude=[mine])
    assert len(loaded.files) == 8
    assert all(c.closest.file.name != mine.name for c in checked if c.closest)


def test_unreadable_files_are_reported_and_the_rest_still_checked(corpus_folder, tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    (folder / "坏的.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    (folder / "空的.txt").write_bytes(b"")
    (folder / "~$临时.docx").write_bytes(b"Word's owner file")      # not an archived speech
    (folder / "素材.library.yaml").write_text("format: 1\n", encoding="utf-8")   # nor this
    loaded, checked = _check(load_speech(EXAMPLE), [folder])
    assert sorted(os.path.basename(p) for p, _ in loaded.errors) == ["坏的.docx", "空的.txt"]
    assert all(isinstance(e, ComposerError) and str(e) for _, e in loaded.errors)
    assert len(loaded.files) == 8 and len(repeat_findings(checked)) == 15
    again = load_archive([folder])           # the failures are remembered, not read again
    assert again.read == 0 and len(again.errors) == 2


def test_a_missing_folder(tmp_path):
    with pytest.raises(ComposerError, match="存档文件夹不存在"):
        load_archive([tmp_path / "没有这个文件夹"])
    assert load_archive([tmp_path / "没有这个文件夹"], missing_ok=True).files == []
    (tmp_path / "一篇.txt").write_text("同志们：\n这是一篇讲话。\n", encoding="utf-8")
    with pytest.raises(ComposerError, match="存档应当是文件夹"):
        load_archive([tmp_path / "一篇.txt"])


def test_one_file_of_several_speeches(tmp_path):
    """The corpus file itself: eight archived speeches, each under its own title."""
    from tests.archive_material import CORPUS
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copyfile(CORPUS, folder / CORPUS.name)
    loaded, checked = _check(load_speech(EXAMPLE), [folder])
    assert loaded.speeches == 8 and len(loaded.files) == 1
    findings = repeat_findings(checked)
    assert len(findings) == 15
    assert {c.closest.title for c in checked if c.closest} <= FROM_FIVE | {TITLE + "一"}
