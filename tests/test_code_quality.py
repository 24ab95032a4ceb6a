"""The code's own contracts: lint and type checks clean, and the layers import one way.

Layers (docs/architecture.md): ``core`` imports nothing from io, export, pages, ui, cli or Qt;
``io`` and ``export`` import no Qt and no ui; ``pages`` (the printed pages, drawn with Qt's
painter) imports no ui; ``cli`` imports ui only inside the function that starts the window, and
pages only where it writes a PDF.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "composer"


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: it is in the test extra of pyproject.toml")
    return found


def test_ruff_finds_nothing():
    result = subprocess.run([_tool("ruff"), "check", "composer"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing():
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def _imports(path: Path) -> list[tuple[str, str | None]]:
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(source: str, package: str) -> list[tuple[str, str | None]]:
    """(imported module, enclosing top-level function or None) for every import in a module of
    a package, relative imports resolved to absolute names."""
    tree = ast.parse(source)
    found: list[tuple[str, str | None]] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = function
            if function is None and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = child.name
            if isinstance(child, ast.Import):
                found.extend((alias.name, inner) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[:len(package.split(".")) - child.level + 1]
                    module = ".".join(base + ([child.module] if child.module else []))
                else:
                    module = child.module or ""
                found.append((module, inner))
                if child.module is None:   # from . import x: x may itself be a module
                    found.extend((f"{module}.{alias.name}", inner) for alias in child.names)
            visit(child, inner)
    visit(tree, None)
    return found


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] in ("PySide6", "shiboken6"):
        return "qt"
    if parts[0] != "composer":
        return None
    if len(parts) == 1:
        return "composer"
    return parts[1] if parts[1] in ("core", "io", "export", "pages", "ui", "cli") else parts[1]


FORBIDDEN = {
    "core": {"io", "export", "pages", "ui", "cli", "qt"},
    "io": {"export", "pages", "ui", "cli", "qt"},
    "export": {"pages", "ui", "cli", "qt"},
    "pages": {"ui", "cli"},
}


def _modules(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_downwards(layer):
    wrong = [f"{path.relative_to(ROOT)} imports {module}"
             for path in _modules(layer) for module, _ in _imports(path)
             if _layer_of(module) in FORBIDDEN[layer]]
    assert wrong == []


def test_the_command_line_imports_the_window_only_to_start_it():
    allowed = {"ui": {"_start_application"}, "pages": {"_export_pdf"}}
    wrong = []
    for module, function in _imports(PACKAGE / "cli.py"):
        layer = _layer_of(module)
        if layer == "qt" or (layer in allowed and function not in allowed[layer]):
            wrong.append(f"{module} in {function or 'the module'}")
    assert wrong == []


def test_the_checker_sees_forbidden_imports():
    """The check itself can fail: Qt and ui imported from a core module are found, also when
    the import is relative or inside a function."""
    source = "from PySide6.QtCore import QObject\ndef f():\n    from ..ui import app\n"
    found = _imports_in(source, "composer.core")
    assert found == [("PySide6.QtCore", None), ("composer.ui", "f")]
    assert {_layer_of(m) for m, _ in found} <= FORBIDDEN["core"]
