"""The command line, run as a user runs it: a real subprocess of the installed entry point."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer.io.speech_file import load_speech, save_speech


def run(*args, env=None):
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "composer.cli", *map(str, args)],
                          capture_output=True, text=True, env=environment, timeout=60)


def test_version():
    import composer
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"speech-composer {composer.__version__}"
    assert composer.__version__.count(".") == 2


def test_stats_text_and_json(example_path):
    text = run("stats", example_path)
    assert text.returncode == 0, text.stderr
    assert "预计讲话时长" in text.stdout and "一、统一思想" in text.stdout
    data = json.loads(run("stats", example_path, "--json").stdout)
    speech = load_speech(example_path)
    assert data["title"] == speech.title
    assert [s["heading"] for s in data["sections"] if s["level"] == 1] == [s.heading for s in speech.body]
    level1 = sum(s["characters_with_subsections"] for s in data["sections"] if s["level"] == 1)
    assert data["spoken_characters"] == data["opening"]["characters"] + level1 + data["closing"]["characters"]
    assert data["seconds"] == round(data["spoken_characters"] * 60 / 180)
    slower = json.loads(run("stats", example_path, "--json", "--rate", "120").stdout)
    assert slower["seconds"] == round(data["spoken_characters"] * 60 / 120)


def test_check_clean_example_exits_0(example_path):
    result = run("check", example_path)
    assert result.returncode == 0, result.stdout
    assert json.loads(run("check", example_path, "--json").stdout) == {"problems": [], "count": 0}


def test_check_finds_problems_exits_1(example_path, tmp_path):
    speech = load_speech(example_path)
    speech.opening[0] = speech.opening[0].replace("今天", "20xx年x月，今天")
    speech.body[0].children = speech.body[0].children[:1]
    path = tmp_path / "draft.speech.yaml"
    save_speech(speech, path)
    result = run("check", path)
    assert result.returncode == 1
    assert "20xx" in result.stdout and "（二）" in result.stdout
    data = json.loads(run("check", path, "--json").stdout)
    assert data["count"] == len(data["problems"]) == 2
    assert {p["code"] for p in data["problems"]} == {"placeholder", "lone_subsection"}


@pytest.mark.parametrize("command", ["stats", "check"])
def test_bad_input_exits_2_with_one_line(command, tmp_path):
    bad = tmp_path / "bad.speech.yaml"
    bad.write_text("format: 1\nbody: [\n")
    for target in (bad, tmp_path / "missing.speech.yaml"):
        result = run(command, target)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and str(target) in result.stderr
    hostile = tmp_path / "hostile.speech.yaml"
    marker = tmp_path / "executed"
    hostile.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    result = run(command, hostile)
    assert result.returncode == 2 and not marker.exists()


def test_english_follows_the_locale(example_path, tmp_path):
    result = run("stats", example_path, env={"SPEECH_COMPOSER_LANG": "", "LC_ALL": "en_US.UTF-8"})
    assert "speaking time" in result.stdout
    missing = run("check", tmp_path / "none.speech.yaml", env={"SPEECH_COMPOSER_LANG": "en"})
    assert "Cannot read" in missing.stderr


def test_bad_arguments_exit_2_with_one_line_in_the_ui_language():
    missing = run("stats")
    assert missing.returncode == 2
    assert missing.stderr == "speech-composer stats：参数错误：缺少参数：SPEECH\n"
    assert run("stats", "x", "--rate", "9").returncode == 2
    unknown = run("no-such-command")
    assert unknown.returncode == 2 and "没有这个命令" in unknown.stderr
    english = run("stats", env={"SPEECH_COMPOSER_LANG": "en"})
    assert english.stderr.startswith("speech-composer stats: bad arguments: the following")


def test_help_is_chinese():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：speech-composer")
    assert "export" in result.stdout and "导出公文格式" in result.stdout


def test_output_cut_short_by_the_reader_ends_quietly(example_path):
    """``speech-composer stats … | head -1``: the reader closes the pipe; no traceback."""
    process = subprocess.Popen([sys.executable, "-m", "composer.cli", "stats", str(example_path), "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(1)            # like head: one piece, then close the pipe
    process.stdout.close()
    error = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=60) == 0
    assert first == b"{" and error == ""


def test_the_version_and_a_command_import_only_what_they_need(example_path):
    probe = ("import sys; from composer import cli; cli.main(sys.argv[1:]); "
             "print(sorted(m for m in sys.modules if m.startswith(('composer.export', 'composer.ui', "
             "'PySide6', 'json', 'yaml'))), file=sys.stderr)")
    version = subprocess.run([sys.executable, "-c", probe, "--version"], capture_output=True, text=True,
                             timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("speech-composer ")
    assert version.stderr.strip() == "[]"
    stats = subprocess.run([sys.executable, "-c", probe, "stats", str(example_path)], capture_output=True,
                           text=True, timeout=60)
    loaded = stats.stderr.strip()
    assert "composer.export" not in loaded and "PySide6" not in loaded and "'json'" not in loaded


# --- check: the proofreader ------------------------------------------------------------------

def test_check_rules_lists_every_rule_without_a_speech():
    from composer.core.proofread import RULES
    result = run("check", "--rules")
    assert result.returncode == 0
    for rule in RULES:
        assert rule.id in result.stdout
    listed = json.loads(run("check", "--rules", "--json").stdout)["rules"]
    assert [r["id"] for r in listed] == [r.id for r in RULES]
    assert {"family", "severity", "description", "fixable"} <= set(listed[0])


def test_check_json_gives_rule_severity_location_excerpt_and_fix(tmp_path):
    from composer.core.speech import Section, Speech
    speech = Speech(title="讲话", date="2024年03月05日", opening=["今天,我们开会。"],
                    body=[Section("甲", ["要抓好落实，，确保见效。"]), Section("乙", ["正文。"])])
    path = tmp_path / "a.speech.yaml"
    save_speech(speech, path)
    result = run("check", path, "--json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    assert [p["rule"] for p in problems] == ["number.leading-zero", "punct.halfwidth", "punct.doubled"]
    doubled = problems[2]
    assert doubled["severity"] == "error" and doubled["fix"] == "，" and doubled["text"] == "，，"
    assert doubled["location"] == {"container": doubled["section_id"], "paragraph": 0, "offset": 5,
                                   "length": 2}
    assert doubled["where"] == "一、甲 第1段" and "，，" in doubled["excerpt"]
    text = run("check", path, "--rules=punct.doubled")
    assert text.returncode == 1 and "发现 1 个问题" in text.stdout and "标点重复" in text.stdout
    assert run("check", path, "--rules=number,punct.halfwidth", "--json").stdout.count('"rule"') == 2
    assert run("check", path, "--rules=-punct,-number").returncode == 0


def test_check_bad_rules_and_lists_exit_2(example_path, tmp_path):
    result = run("check", example_path, "--rules=punct,nosuch")
    assert result.returncode == 2 and result.stdout == "" and "nosuch" in result.stderr
    assert result.stderr.count("\n") == 1
    bad = tmp_path / "bad.proofread.yaml"
    bad.write_text("format: 1\nbanned: [\n")
    result = run("check", example_path, "--lists", bad)
    assert result.returncode == 2 and str(bad) in result.stderr and result.stderr.count("\n") == 1
    assert run("check").returncode == 2


def test_check_uses_office_lists_and_leaves_ignored_findings_out(tmp_path):
    from composer.core.speech import IgnoredFinding, Speech
    lists = tmp_path / "office.proofread.yaml"
    lists.write_text("format: 1\nexpressions:\n  十九大: 党的十九大\n", encoding="utf-8")
    path = tmp_path / "a.speech.yaml"
    save_speech(Speech(title="讲话", opening=["学习十九大精神。", "学习《条例》、《规定》。"]), path)
    data = json.loads(run("check", path, "--lists", lists, "--json").stdout)
    assert [(p["rule"], p["fix"]) for p in data["problems"]] == [
        ("list.expression", "党的十九大"), ("punct.dun-titles", "")]
    speech = load_speech(path)
    speech.ignored = [IgnoredFinding(p["rule"], p["excerpt_raw"]) for p in data["problems"]]
    save_speech(speech, path)
    assert run("check", path, "--lists", lists).returncode == 0


def test_stats_follows_the_speech_rate_and_budget(example_path, tmp_path):
    speech = load_speech(example_path)
    speech.speaking_rate, speech.target_minutes = 150, 5
    path = tmp_path / "a.speech.yaml"
    save_speech(speech, path)
    data = json.loads(run("stats", path, "--json").stdout)
    assert data["rate"] == 150 and data["target_seconds"] == 300 and data["over_target"] is True
    assert all("over" in s and "share" in s for s in data["sections"])
    assert json.loads(run("stats", path, "--json", "--rate", "200").stdout)["rate"] == 200


def test_check_follows_the_profile_for_level_3_numbers(tmp_path):
    from composer.core.speech import Section, Speech
    path = tmp_path / "a.speech.yaml"
    save_speech(Speech(title="讲话", body=[Section("甲", ["1、做好准备。"]), Section("乙", ["正文。"])]), path)
    default = json.loads(run("check", path, "--json").stdout)["problems"]
    assert [(p["rule"], p["fix"]) for p in default] == [("ordinal.level3-style", "1.")]
    profile = tmp_path / "mine.yaml"
    profile.write_text('base: gbt9704\nlevel3_style: "1、"\n', encoding="utf-8")
    result = run("check", path, "--profile", profile)
    assert result.returncode == 0, result.stdout + result.stderr


# --- no traceback ever reaches a user --------------------------------------------------------

def test_a_speech_of_100000_sections_is_checked_counted_and_exported(tmp_path, monkeypatch,
                                                                     capsys):
    """Numerals used to stop at 99,999: check, stats and export crashed with a traceback.
    (The speech is handed to the commands in memory: parsing 100,000 sections of YAML takes
    longer than everything else here together.)"""
    import zipfile

    from composer import cli
    from composer.core.speech import Section, Speech
    from composer.io import speech_file
    speech = Speech(title="很长的讲话", body=[Section(f"第{i}部分", ["正文。"])
                                          for i in range(1, 100_002)])
    monkeypatch.setattr(speech_file, "load_speech", lambda path: speech)
    assert cli.main(["check", "long.speech.yaml", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 0
    assert cli.main(["stats", "long.speech.yaml", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["sections"]
    assert [r["marker"] for r in rows[99_998:]] == ["九万九千九百九十九、", "十万、", "十万零一、"]
    out = tmp_path / "long.docx"
    assert cli.main(["export", "long.speech.yaml", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "十万零一、" in body


def test_an_unexpected_error_is_one_line_and_exit_2(monkeypatch, capsys):
    from composer import cli

    def broken(args):
        raise RuntimeError("something broke\nover two lines")
    monkeypatch.setattr(cli, "_check", broken)
    assert cli.main(["check", "x.speech.yaml"]) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith("speech-composer: 内部错误（RuntimeError：something broke over two")
    assert "Traceback" not in captured.err and captured.out == ""


def test_ctrl_c_is_one_line(monkeypatch, capsys):
    from composer import cli

    def interrupted(args):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "_check", interrupted)
    assert cli.main(["check", "x.speech.yaml"]) == 2
    assert capsys.readouterr().err == "speech-composer: 已中断。\n"


def test_stats_into_a_pipe_closed_early_ends_quietly(tmp_path):
    """``speech-composer stats … | head -1``: the reader goes away after one line, while the
    table (3,000 rows, more than a pipe holds) is still being written."""
    from composer.core.speech import Section, Speech
    path = tmp_path / "long.speech.yaml"
    save_speech(Speech(title="长", body=[Section(f"第{i}部分", ["正文。"]) for i in range(3000)]),
                path)
    stats = subprocess.Popen([sys.executable, "-m", "composer.cli", "stats", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = stats.stdout.readline()
    stats.stdout.close()                      # what head does after its line
    errors = stats.stderr.read()
    stats.stderr.close()
    assert stats.wait(timeout=60) == 0        # the reader's choice, not a failure
    assert first.strip() == "长" and errors == ""


@pytest.mark.parametrize("content, reason", [
    (b"format: 1\ntitle: " + b"x" * 9000 + b"\x00\n", "U+0000"),   # past the binary sniff
    (b"format: 1\ntitle: a\x07b\n", "U+0007"),
    (b"format: 1\ntitle: [\n", "YAML"),
])
def test_a_bad_file_is_one_line_naming_where(tmp_path, content, reason):
    path = tmp_path / "bad.speech.yaml"
    path.write_bytes(content)
    result = run("check", path)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert reason in line and str(path) in line and "Traceback" not in result.stderr
