"""pdfgen stands on reportlab's documented API: no underscore name of reportlab is imported,
no module is loaded from a file path, and the version is the major CI tests."""

from __future__ import annotations

import ast
from importlib.metadata import version
from pathlib import Path

import pytest

import pdfgen

PDFGEN = Path(pdfgen.__file__).resolve().parent
MODULES = sorted(PDFGEN.glob("*.py"))
# What loading a module by its path takes; none of it belongs in pdfgen.
PATH_LOADING = {"importlib", "runpy", "imp", "zipimport"}


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every import in `path`; name is "" for `import module`."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.module, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_only_public_reportlab_names_are_imported(path: Path) -> None:
    private = [
        f"{module}:{name}"
        for module, name in _imports(path)
        if module.split(".")[0] == "reportlab"
        and any(part.startswith("_") for part in [*module.split("."), name] if part)
    ]
    assert private == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_module_is_loaded_by_path(path: Path) -> None:
    loaders = [module for module, _ in _imports(path) if module.split(".")[0] in PATH_LOADING]
    source = path.read_text(encoding="utf-8")
    assert loaders == []
    assert "spec_from_file_location" not in source and "__import__" not in source


def test_reportlab_is_the_major_pinned_in_pyproject() -> None:
    pyproject = (PDFGEN.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"reportlab>=5.1,<6"' in pyproject
    assert version("reportlab").split(".")[0] == "5"
