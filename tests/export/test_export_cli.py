"""``speech-composer export``, run as a user runs it: a real subprocess.

Exit 0 on success; exit 2 with a one-line reason on stderr and no output file written (or an
existing one left untouched) for a bad speech, a bad profile or a folder that cannot be written.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile

from composer.io.speech_file import load_speech


def run(*args):
    return subprocess.run([sys.executable, "-m", "composer.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_export_the_example(tmp_path, example_path):
    out = tmp_path / "讲话.docx"
    result = run("export", example_path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    with zipfile.ZipFile(out) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert load_speech(example_path).title in document
    assert 'w:linePitch="579"' in document


def test_export_with_a_named_profile(tmp_path, example_path):
    out = tmp_path / "out.docx"
    result = run("export", example_path, "-o", out, "--profile", "gbt9704-28pt")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        assert 'w:linePitch="560"' in archive.read("word/document.xml").decode("utf-8")


def test_bad_speech_file_exits_2_without_output(tmp_path):
    speech = tmp_path / "bad.speech.yaml"
    speech.write_text("format: 1\ntitle: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run("export", speech, "-o", out)
    assert result.returncode == 2
    assert "bad.speech.yaml" in _one_line(result.stderr)
    assert not out.exists()
    missing = run("export", tmp_path / "missing.speech.yaml", "-o", out)
    assert missing.returncode == 2 and not out.exists()


def test_bad_profile_exits_2_naming_the_key(tmp_path, example_path):
    profile = tmp_path / "office.yaml"
    profile.write_text("roles:\n  heading2: {bold: maybe}\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run("export", example_path, "-o", out, "--profile", profile)
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert "roles.heading2.bold" in line and "office.yaml:2:" in line
    assert not out.exists()
    unknown = run("export", example_path, "-o", out, "--profile", "no-such-profile")
    assert unknown.returncode == 2 and "no-such-profile" in _one_line(unknown.stderr)
    assert not out.exists()


def test_unwritable_folder_exits_2_and_keeps_the_old_file(tmp_path, example_path, monkeypatch,
                                                         capsys):
    """Run in process: the tests run as root in CI, where no folder is really read-only, so the
    refusal the operating system would give is simulated where the writer creates its temp file."""
    from composer import cli

    old = tmp_path / "out.docx"
    old.write_bytes(b"the old document")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert cli.main(["export", str(example_path), "-o", str(old)]) == 2
    # The reason is one line, the last; any lines before it are the font notices.
    *notices, reason = capsys.readouterr().err.strip().splitlines()
    assert "没有写入权限" in reason and all("注意" in line for line in notices)
    assert old.read_bytes() == b"the old document"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_export_warns_about_the_fonts_this_machine_lacks(tmp_path, example_path):
    """This machine has none of the official fonts (only the free stand-ins the render tests map
    them to): the export says what Word will do, on stderr, and succeeds."""
    out = tmp_path / "讲话.docx"
    result = run("export", example_path, "-o", out)
    assert result.returncode == 0 and out.is_file()
    lines = result.stderr.strip().splitlines()
    assert "speech-composer：注意：未安装方正小标宋简体：Word 将以宋体显示标题。" in lines[0]
    assert any(line.startswith("speech-composer：注意：未安装仿宋：") and "正文" in line
               for line in lines)
    assert all("注意" in line for line in lines)


def test_export_the_outline_copy(tmp_path, example_path):
    speech = load_speech(example_path)
    out = tmp_path / "提纲.docx"
    result = run("export", example_path, "--outline", "-o", out)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "（提纲）" in document and speech.body[0].heading in document
    assert speech.body[0].paragraphs[0][:20] not in document
    assert speech.salutation not in document
    sentences = tmp_path / "提纲-首句.docx"
    result = run("export", example_path, "--first-sentences", "-o", sentences)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(sentences) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    first = speech.body[0].paragraphs[0]
    assert first[:first.index("。") + 1] in document and first[first.index("。") + 1:][:10] not in document


def test_export_refuses_a_rate_out_of_range(tmp_path, example_path):
    out = tmp_path / "out.docx"
    result = run("export", example_path, "-o", out, "--rate", "5")
    assert result.returncode == 2 and "语速" in _one_line(result.stderr) and not out.exists()
