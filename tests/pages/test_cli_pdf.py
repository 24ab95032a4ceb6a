"""``speech-composer export SPEECH -o OUT.pdf``, run as a user runs it: a real subprocess, with no
display (the command line makes its own offscreen Qt application).

The contract of ``export`` holds for PDF: exit 0 and the file; or exit 2, a one-line reason on
stderr, and no file written (an existing one left untouched).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from composer.export import load_profile
from composer.io.speech_file import load_speech

from export.pdf_layout import read_layout


def run(*args, env=None):
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                                    "WAYLAND_DISPLAY")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "composer.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120, env=environment)


def _one_line(stderr: str) -> str:
    """The reason: one line, the last; lines before it may only be font notices."""
    *notices, reason = stderr.strip().splitlines()
    assert all("注意" in line for line in notices), stderr
    return reason


def test_export_the_example_to_pdf_without_a_display(tmp_path, example_path):
    from composer import pages

    out = tmp_path / "讲话.pdf"
    result = run("export", example_path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    # This machine has none of the official fonts: the notices say what the PDF uses instead
    # (not what Word would show).
    notices = result.stderr.strip().splitlines()
    title = "speech-composer：注意：未安装方正小标宋简体：PDF 和打印以 AR PL SungtiL GB 代替（标题）。"
    assert any(line.startswith(title) for line in notices)
    assert notices and all("PDF 和打印以" in line and "Word" not in line for line in notices)
    speech = load_speech(example_path)
    measured = read_layout(out, load_profile().page.bottom_mm)
    assert len(measured) == pages.lay_out(speech, load_profile()).page_count
    assert measured[0].lines[0].text == speech.title
    assert [p.footer.text for p in measured] == [f"\u2014 {n} \u2014" for n in range(1, len(measured) + 1)]


def test_format_option_overrides_the_extension(tmp_path, example_path):
    out = tmp_path / "讲话.out"
    result = run("export", example_path, "-o", out, "--format", "pdf", "--profile", "gbt9704-28pt")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    pitch = load_profile("gbt9704-28pt").text.line_pitch_pt
    lines = read_layout(out, 35)[1].lines
    assert abs((lines[1].baseline - lines[0].baseline) - pitch) < 0.05
    docx = tmp_path / "讲话.PDF.docx"
    assert run("export", example_path, "-o", docx).returncode == 0
    assert docx.read_bytes().startswith(b"PK")


def test_an_unknown_extension_exits_2_without_output(tmp_path, example_path):
    out = tmp_path / "讲话.odt"
    result = run("export", example_path, "-o", out)
    assert result.returncode == 2
    assert "--format" in _one_line(result.stderr)
    assert not out.exists()
    bad_choice = run("export", example_path, "-o", out, "--format", "odt")
    assert bad_choice.returncode == 2 and not out.exists()


def test_bad_speech_or_profile_exits_2_without_pdf(tmp_path, example_path):
    speech = tmp_path / "bad.speech.yaml"
    speech.write_text("format: 1\ntitle: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = run("export", speech, "-o", out)
    assert result.returncode == 2
    assert "bad.speech.yaml" in _one_line(result.stderr)
    unknown = run("export", example_path, "-o", out, "--profile", "no-such-profile")
    assert unknown.returncode == 2 and "no-such-profile" in _one_line(unknown.stderr)
    assert not out.exists()


def test_unwritable_folder_exits_2_and_keeps_the_old_pdf(tmp_path, example_path, monkeypatch, capsys):
    """In process, as for the .docx: the refusal is simulated where the writer makes its temp file."""
    from composer import cli

    old = tmp_path / "out.pdf"
    old.write_bytes(b"the old PDF")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert cli.main(["export", str(example_path), "-o", str(old)]) == 2
    assert "没有写入权限" in _one_line(capsys.readouterr().err)
    assert old.read_bytes() == b"the old PDF"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_the_docx_export_does_not_load_qt(tmp_path, example_path):
    out = tmp_path / "out.docx"
    code = ("import sys\nfrom composer import cli\n"
            f"code = cli.main(['export', {str(example_path)!r}, '-o', {str(out)!r}])\n"
            "print(code, sorted(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split("\n")[-2] == "0 []", result.stdout + result.stderr
