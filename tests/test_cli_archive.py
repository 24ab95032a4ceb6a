"""``speech-composer check SPEECH --archive DIR``: 查重 on the command line, as a user runs it."""

import json
import shutil

import pytest

from composer.io.speech_file import load_speech, save_speech
from tests.archive_material import EXAMPLE, TITLE, UNRELATED, write_corpus_archive
from tests.test_cli import run


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-archive") / "往年讲稿"
    write_corpus_archive(folder)
    return folder


def test_check_against_the_corpus_names_each_draft_and_file(corpus_folder):
    result = run("check", EXAMPLE, "--archive", corpus_folder)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "发现 15 个问题："
    repeats = [line for line in lines if "相同（" in line or "见于《" in line]
    assert len(repeats) == 15
    assert repeats[0].startswith("  开头 第1段：本段与《创建文明单位动员大会讲话稿篇") and "第 1 段" in repeats[0]
    assert any(f"《{TITLE}一》" in line and f"（{TITLE}一.speech.yaml）" in line for line in repeats)
    assert any(f"《{TITLE}五》" in line and f"（{TITLE}五.docx）" in line for line in repeats)
    assert lines[-1] == "查重：存档 8 个文件、8 篇讲话；本稿 15 段中 15 段与存档重复（80% 以上相同）。"


def test_check_json_gives_the_archived_file_title_and_every_closest_match(corpus_folder):
    result = run("check", EXAMPLE, "--archive", corpus_folder, "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    repeats = [p for p in data["problems"] if p["rule"] == "archive.repeat"]
    assert data["count"] == len(repeats) == 15
    for problem in repeats:
        archived = problem["archived"]
        assert problem["severity"] == "warning" and problem["fix"] is None
        assert archived["percent"] >= 80 and archived["similarity"] >= 0.8
        assert archived["name"].startswith(archived["title"])
        assert archived["file"].endswith(archived["name"])
        same = f"《{archived['title']}》第 {archived['paragraph']} 段 {archived['percent']}% 相同"
        within = f"{archived['percent']}% 见于《{archived['title']}》第 {archived['paragraph']} 段"
        assert (within if archived["within"] else same) in problem["message"]
        assert archived["within"] == (archived["held"] < 0.8)
        assert problem["location"]["offset"] == 0 and problem["location"]["length"] == len(problem["text"])
    archive = data["archive"]
    assert (archive["files"], archive["speeches"], archive["threshold"]) == (8, 8, 0.8)
    assert len(archive["paragraphs"]) == 16         # every paragraph, 「谢谢大家！」 too
    last = archive["paragraphs"][-1]
    assert last["checked"] is False and last["closest"] is None
    assert all(p["closest"]["percent"] >= 80 for p in archive["paragraphs"] if p["checked"])


def test_a_piece_of_a_longer_archived_paragraph_is_not_called_the_same(corpus_folder):
    """Three of the example's paragraphs are pieces of 篇五's 11th paragraph, a long one: each is
    「见于」 it, not 「100% 相同」 (which three different paragraphs cannot all be)."""
    data = json.loads(run("check", EXAMPLE, "--archive", corpus_folder, "--json").stdout)
    repeats = [p for p in data["problems"] if p["rule"] == "archive.repeat"]
    within = [p for p in repeats if p["archived"]["within"]]
    assert {(p["archived"]["title"], p["archived"]["paragraph"]) for p in within} == \
        {(f"{TITLE}五", 11)}
    assert len(within) == 3 and len({p["text"] for p in within}) == 3
    for problem in within:
        assert problem["message"].startswith(f"本段 100% 见于《{TITLE}五》第 11 段，那一段更长")
        assert "相同" not in problem["message"] and problem["archived"]["held"] < 0.5
    same = [p for p in repeats if not p["archived"]["within"]]
    assert len(same) == 12 and all("% 相同（" in p["message"] for p in same)


def test_repeatable_archive_folders_and_unrelated_documents(corpus_folder, tmp_path):
    unrelated = run("check", EXAMPLE, *[a for folder in UNRELATED for a in ("--archive", folder)])
    assert unrelated.returncode == 0, unrelated.stdout + unrelated.stderr
    assert "本稿 15 段中 0 段与存档重复" in unrelated.stdout and "没有发现问题。" in unrelated.stdout
    both = run("check", EXAMPLE, "--archive", UNRELATED[1], "--archive", corpus_folder, "--json")
    data = json.loads(both.stdout)
    assert data["count"] == 15 and data["archive"]["files"] == 8 + len(list(UNRELATED[1].glob("*.txt")))


def test_archive_findings_join_the_proofreaders_and_follow_rules_and_ignores(corpus_folder, tmp_path):
    speech = load_speech(EXAMPLE)
    speech.opening[0] = speech.opening[0].replace("今天，", "今天,", 1)     # a half-width comma
    path = tmp_path / "今年.speech.yaml"
    save_speech(speech, path)
    data = json.loads(run("check", path, "--archive", corpus_folder, "--json").stdout)
    rules = [p["rule"] for p in data["problems"]]
    assert rules[:2] == ["archive.repeat", "punct.halfwidth"]      # the paragraph, then inside it
    assert rules.count("archive.repeat") == 15
    off = json.loads(run("check", path, "--archive", corpus_folder, "--json",
                         "--rules=-archive").stdout)
    assert [p["rule"] for p in off["problems"]] == ["punct.halfwidth"]

    from composer.core.speech import IgnoredFinding
    first = data["problems"][0]
    speech.ignored = [IgnoredFinding("archive.repeat", first["excerpt_raw"])]
    save_speech(speech, path)
    kept = json.loads(run("check", path, "--archive", corpus_folder, "--json").stdout)
    assert [p["rule"] for p in kept["problems"]].count("archive.repeat") == 14


def test_the_checked_speech_in_its_own_archive_folder_is_left_out(corpus_folder, tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    mine = folder / "今年.speech.yaml"
    shutil.copyfile(EXAMPLE, mine)
    data = json.loads(run("check", mine, "--archive", folder, "--json").stdout)
    assert {p["archived"]["name"] for p in data["problems"]}.isdisjoint({mine.name})
    assert data["archive"]["files"] == 8


def test_a_missing_archive_folder_exits_2_with_one_line(tmp_path):
    result = run("check", EXAMPLE, "--archive", tmp_path / "没有")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "存档文件夹不存在" in result.stderr


def test_a_damaged_file_in_the_archive_is_a_note_not_a_failure(corpus_folder, tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(corpus_folder, folder)
    (folder / "坏的.docx").write_bytes(b"PK\x03\x04 broken")
    result = run("check", EXAMPLE, "--archive", folder)
    assert result.returncode == 1
    assert "坏的.docx" in result.stderr and result.stderr.count("\n") == 1
    assert "本稿 15 段中 15 段与存档重复" in result.stdout


@pytest.mark.parametrize("command", ["check", "export", "import", "stats", "templates", "new"])
def test_every_command_shows_its_help(command):
    # argparse %-formats help texts: a bare 「80%」 in the --archive help made `check --help` an
    # internal error instead of the help.
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：") and "内部错误" not in result.stderr


def test_an_archive_with_no_speeches_is_one_clear_line(tmp_path):
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    (tmp_path / "杂物").mkdir()
    (tmp_path / "杂物" / "说明.pdf").write_bytes(b"%PDF-1.4")
    for folder in (empty, tmp_path / "杂物"):
        result = run("check", EXAMPLE, "--archive", folder)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.strip().splitlines() == [
            f"speech-composer: 存档里没有可以比较的旧讲稿（.speech.yaml、.docx、.txt、.md）：{folder}"]


def test_check_on_a_word_or_text_file_says_to_import_it_first(tmp_path):
    # A writer runs `check 讲话.docx`: 「这不是文本文件」 did not say what to do.
    for name in ("讲话.docx", "讲话.txt"):
        source = tmp_path / name
        source.write_bytes(b"PK\x03\x04" if name.endswith(".docx") else "同志们：".encode())
        result = run("check", source)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.strip().splitlines() == [
            f"speech-composer: {source} 不是讲稿文件：check 检查 .speech.yaml；Word 文档和文本请先导入："
            f"speech-composer import {source} --speech 讲稿.speech.yaml"]
