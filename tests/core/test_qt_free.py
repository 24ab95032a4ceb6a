"""The core, the file layer and the command line work with Qt unavailable."""

import subprocess
import sys
import textwrap


def test_core_io_and_cli_run_with_pyside6_blocked(example_path):
    script = textwrap.dedent(f"""
        import importlib, pkgutil, sys
        sys.modules["PySide6"] = None          # any "import PySide6…" now raises ImportError
        import composer, composer.core, composer.io
        names = []
        for package in (composer.core, composer.io):
            for info in pkgutil.iter_modules(package.__path__):
                names.append(importlib.import_module(f"{{package.__name__}}.{{info.name}}").__name__)
        from composer.io.speech_file import load_speech
        from composer.core import operations, stats, checks
        speech = load_speech({str(example_path)!r})
        inverse = operations.demote(speech, speech.body[1].id)
        inverse.apply(speech)
        assert stats.speech_stats(speech).spoken.total > 1000
        assert checks.check_speech(speech) == []
        from composer import cli
        assert cli.main(["stats", {str(example_path)!r}]) == 0
        assert cli.main(["check", {str(example_path)!r}]) == 0     # every proofreading rule
        assert not any(m.startswith("PySide6.") for m in sys.modules)
        print("modules:", len(names))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "modules:" in result.stdout
    count = int(result.stdout.split("modules:")[1])
    assert count >= 10
