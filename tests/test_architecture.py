"""Layering rules (DESIGN.md): the domain core knows nothing of Qt or SQLite, and the
command line starts without loading Qt, so scripts stay fast and run on a machine
without a display."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "desktop" / "core"
CLI = ROOT / "desktop" / "cli" / "__init__.py"
FORBIDDEN_IN_CORE = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "sqlite3", "sqlite_utils")


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an import statement names, at any depth (functions, try blocks …)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def dynamic_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """importlib.import_module("…") and __import__("…") with a literal name."""
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def is_forbidden(module: str, names=FORBIDDEN_IN_CORE) -> bool:
    return any(module == n or module.startswith(n + ".") for n in names)


def core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_the_core_package_has_modules():
    assert len(core_modules()) >= 10


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.name)
def test_core_imports_neither_qt_nor_sqlite(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = [f"{path.name}:{line} {module}"
           for line, module in imported_modules(tree) + dynamic_imports(tree)
           if is_forbidden(module)]
    assert bad == []


def test_the_import_finder_sees_nested_imports():
    tree = ast.parse("def f():\n    try:\n        import sqlite3\n    except ImportError:\n"
                     "        from PySide6.QtCore import Qt\n"
                     "importlib.import_module('sqlite_utils')\n")
    modules = [m for _, m in imported_modules(tree) + dynamic_imports(tree)]
    assert [m for m in modules if is_forbidden(m)] == ["sqlite3", "PySide6.QtCore",
                                                       "sqlite_utils"]


def _module_level_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Imports run when the module is imported: at top level or in top-level if/try
    blocks, but not inside functions or classes."""
    found = []

    def visit(body):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.extend(imported_modules(node))
            for field in ("body", "orelse", "finalbody", "handlers"):
                visit(getattr(node, field, []) or [])

    visit(tree.body)
    return found


def test_the_cli_does_not_import_qt_at_module_level():
    assert CLI.exists(), "desktop/cli/__init__.py (the relief-desk entry point) is missing"
    tree = ast.parse(CLI.read_text(encoding="utf-8"), filename=str(CLI))
    qt = ("PySide6", "shiboken6", "desktop.ui")
    bad = [f"line {line}: {m}" for line, m in _module_level_imports(tree) if is_forbidden(m, qt)]
    assert bad == []


@pytest.mark.parametrize("path", sorted(CLI.parent.glob("*.py")), ids=lambda p: p.name)
def test_no_command_module_imports_qt_or_the_gui(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    qt = ("PySide6", "shiboken6", "desktop.ui")
    # (the entry point opens the GUI when no command is given: imported then, not before)
    assert [m for _, m in _module_level_imports(tree) if is_forbidden(m, qt)] == []


def test_importing_the_cli_does_not_load_qt():
    assert CLI.exists(), "desktop/cli/__init__.py (the relief-desk entry point) is missing"
    code = ("import sys, desktop.cli\n"
            "print(sorted(m for m in sys.modules"
            " if m.split('.')[0] in ('PySide6', 'shiboken6') or m.startswith('desktop.ui')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_check_detects_a_loaded_qt():
    """The subprocess check above would see PySide6 if something imported it."""
    code = "import sys, PySide6.QtCore\nprint('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "True", result.stderr


def _import_graph() -> dict[str, set[str]]:
    """Module → the package modules it imports, at any depth (lazy imports count too)."""
    package = ROOT / "desktop"
    names = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
             for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in names
                          else node.module for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        graph[name] = {m for m in found if m in names and m != name}
    return graph


def test_no_import_circles():
    """Arrows point one way (DESIGN.md): no module reaches itself through its imports."""
    graph = _import_graph()
    circles = []
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            module = todo.pop()
            if module == start:
                circles.append(start)
                break
            if module not in seen:
                seen.add(module)
                todo += graph[module]
    assert circles == []
