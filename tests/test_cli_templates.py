"""speech-composer templates / new, run as a user runs them."""

import json
import os
import subprocess
import sys

from composer.io.speech_file import load_speech


def run(*args):
    return subprocess.run([sys.executable, "-m", "composer.cli", *map(str, args)],
                          capture_output=True, text=True, env=dict(os.environ), timeout=60)


def test_templates_lists_every_kind():
    result = run("templates")
    assert result.returncode == 0, result.stderr
    for kind in ("动员大会", "工作会议/部署会", "总结表彰大会", "开学典礼", "座谈会", "开幕词", "闭幕词",
                 "致辞"):
        assert kind in result.stdout
    data = json.loads(run("templates", "--json").stdout)
    kinds = {t["kind"]: t for t in data["templates"]}
    assert kinds["动员大会"]["salutation"] == "同志们："
    assert [s["kinds"][0] for s in kinds["动员大会"]["sections"]] == ["意义", "目标", "措施", "要求"]


def test_new_writes_the_skeleton(tmp_path):
    target = tmp_path / "new.speech.yaml"
    result = run("new", "--template", "动员大会", "-o", target)
    assert result.returncode == 0, result.stderr
    speech = load_speech(target)
    assert speech.salutation == "同志们："
    assert len(speech.body) == 4 and speech.closing[-1] == "谢谢大家！"
    # The skeleton's placeholders and empty sections are what check reports until filled.
    checked = json.loads(run("check", target, "--json").stdout)
    assert {"placeholder", "empty_section"} <= {p["code"] for p in checked["problems"]}


def test_new_failures_exit_2_with_one_line_and_write_nothing(tmp_path):
    target = tmp_path / "new.speech.yaml"
    result = run("new", "--template", "报告会", "-o", target)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "报告会" in result.stderr
    assert "dongyuan（动员大会）" in result.stderr          # the choices: id and kind, both taken
    assert not target.exists()
    assert run("new", "--template", "dongyuan", "-o", target).returncode == 0
    target.unlink()
    target.write_text("mine", "utf-8")
    result = run("new", "--template", "致辞", "-o", target)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert target.read_text("utf-8") == "mine"
    result = run("new", "--template", "致辞", "-o", target, "--force")
    assert result.returncode == 0 and load_speech(target).title == "在××××上的致辞"
    result = run("new", "-o", tmp_path / "x.speech.yaml")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_a_shared_folder_template_is_used(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    (folder / "baogao.template.yaml").write_text(
        "format: 1\nkind: 报告会\ntitle: 在××××报告会上的讲话\nsalutation: 各位：\n", "utf-8")
    target = tmp_path / "r.speech.yaml"
    result = run("new", "--template", "报告会", "--folder", folder, "-o", target)
    assert result.returncode == 0, result.stderr
    assert load_speech(target).salutation == "各位："
    bad = folder / "bad.template.yaml"
    bad.write_text("format: 1\n", "utf-8")
    result = run("templates", "--folder", folder)
    assert result.returncode == 0 and "报告会" in result.stdout
    assert str(bad) in result.stderr
