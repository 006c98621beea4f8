"""The English catalogue covers every sentence the kiosk writes or receives.

`tui/` writes Chinese only inside `tr(...)` or `N_(...)` (docstrings aside), never in an f-string,
so each sentence is one catalogue key. The domain's and the client's sentences reach the screen
through `tr_received`, so each of them must be a catalogue entry too (an f-string as a template).
"""

from __future__ import annotations

import ast
import itertools
import re
import string
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest

from tui._i18n import set_language, tr, tr_received
from tui.locale import PARTS, catalogue_for

ROOT = Path(__file__).resolve().parents[2]
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
MARKERS = {"tr", "N_"}

KIOSK_FILES = sorted(
    path.relative_to(ROOT).as_posix()
    for path in (ROOT / "tui").rglob("*.py")
    if "locale" not in path.parts and path.name != "_i18n.py"
)
RECEIVED_FILES = [
    *sorted(
        path.relative_to(ROOT).as_posix()
        for folder in ("domain", "client")
        for path in (ROOT / folder).glob("*.py")
        # Official names from the national standards (divisions, categories) are data.
        if path.name not in {"_code_tables.py", "_regions.py"}
    ),
    # The server's problem details and titles, request-validation messages and role names:
    # every Chinese string in these files reaches the kiosk inside a problem.
    "server/_problems.py",
    "server/_validation_messages.py",
    "server/auth.py",
    "server/idempotency.py",
]
# Tables of data, not sentences: compound surnames only decide how a name is masked.
DATA_TABLES = {"domain/_contact.py": {"_COMPOUND_SURNAMES"}}
# The routes and services also write timeline entries, notices, e-mails, SMS and the API's own
# descriptions, none of which the kiosk translates: there only what goes into a problem counts.
SERVER_RAISING_FILES = sorted(
    path.relative_to(ROOT).as_posix()
    for folder in ("server/routes", "server/services")
    for path in (ROOT / folder).glob("*.py")
)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    # A constant right after an assignment documents it (attribute docstrings).
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for before, after in itertools.pairwise(body):
                if (
                    isinstance(before, ast.Assign | ast.AnnAssign)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                ):
                    found.add(id(after.value))
    return found


def _template(node: ast.JoinedStr) -> str:
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value))
        else:
            parts.append("{}")
    return "".join(parts)


def _subtree_ids(node: ast.AST) -> set[int]:
    return {id(inner) for inner in ast.walk(node)}


def _not_shown(tree: ast.AST, path: str) -> set[int]:
    """Strings of a received file that never reach a screen, as node ids."""
    found: set[int] = set()
    for node in ast.walk(tree):
        # Pydantic `Field(description=…)` documents the API schema; the kiosk never shows it.
        if isinstance(node, ast.keyword) and node.arg == "description":
            found |= _subtree_ids(node.value)
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id in DATA_TABLES.get(path, set())
            for target in node.targets
        ):
            found |= _subtree_ids(node.value)
    return found


def _sentences(path: str, *, received: bool = False) -> Iterator[tuple[int, str, bool]]:
    """(line, text, marked) for each Chinese string outside docstrings.

    For a `received` file, strings that are never shown (`_not_shown`) are left out.
    """
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    docstrings = _docstrings(tree) | (_not_shown(tree, path) if received else set())
    marked: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and node.args
        ):
            marked.add(id(node.args[0]))
    inside_fstring: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in docstrings:
            inside_fstring.update(id(value) for value in node.values)
            text = _template(node)
            if IDEOGRAPH.search(text):
                yield node.lineno, text, False
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in inside_fstring
            and IDEOGRAPH.search(node.value)
        ):
            yield node.lineno, node.value, id(node) in marked


def _shape(text: str) -> str:
    """A sentence with each placeholder reduced to `{}`, to compare f-strings with entries."""
    return re.sub(r"\{[^{}]*\}", "{}", text)


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    return dict(catalogue_for("en"))


@pytest.mark.parametrize("path", KIOSK_FILES)
def test_every_kiosk_sentence_is_marked_and_translated(path: str, english: dict[str, str]) -> None:
    unmarked, missing = [], []
    for line, text, marked in _sentences(path):
        if not marked:
            unmarked.append(f"{path}:{line}: {text!r}")
        elif text not in english:
            missing.append(f"{path}:{line}: {text!r}")
    assert not unmarked, "Chinese outside tr()/N_() (or in an f-string):\n" + "\n".join(unmarked)
    assert not missing, "not in the English catalogue:\n" + "\n".join(missing)


@pytest.mark.parametrize("path", RECEIVED_FILES)
def test_every_received_sentence_is_translated(path: str, english: dict[str, str]) -> None:
    shapes = {_shape(source) for source in english}
    missing = [
        f"{path}:{line}: {text!r}"
        for line, text, _ in _sentences(path, received=True)
        if _shape(text) not in shapes
    ]
    assert not missing, "not in the English catalogue:\n" + "\n".join(missing)


@pytest.fixture(scope="module")
def makers() -> set[str]:
    return _problem_makers()


def _problem_makers() -> set[str]:
    """Names that build a problem: the error classes and the server's functions returning one."""
    makers = {"ApiProblem", "DocumentRefused"}
    makers |= {name for name, value in vars(import_module("domain")).items() if _is_error(value)}
    for path in (ROOT / "server").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
                returned = {n.id for n in ast.walk(node.returns) if isinstance(n, ast.Name)}
                if returned & makers:
                    makers.add(node.name)
    return makers


def _is_error(value: object) -> bool:
    from domain import DomainError

    return isinstance(value, type) and issubclass(value, DomainError)


def _problem_sentences(path: str, makers: set[str]) -> Iterator[tuple[int, str]]:
    """Chinese that goes into a problem: inside a call of a maker or a function returning one,
    and the module's constants named there."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in makers:
                inside |= _subtree_ids(node)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in makers:
            inside |= {i for statement in node.body for i in _subtree_ids(statement)}
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and id(node) in inside}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(target, ast.Name) and target.id in used for target in targets):
            inside |= _subtree_ids(node)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if id(node) not in inside or id(node) in docstrings:
            continue
        if isinstance(node, ast.JoinedStr) and IDEOGRAPH.search(_template(node)):
            yield node.lineno, _template(node)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and IDEOGRAPH.search(node.value)
            and not _in_fstring(tree, node)
        ):
            yield node.lineno, node.value


def _in_fstring(tree: ast.AST, constant: ast.Constant) -> bool:
    return any(
        isinstance(node, ast.JoinedStr) and any(value is constant for value in node.values)
        for node in ast.walk(tree)
    )


@pytest.mark.parametrize("path", SERVER_RAISING_FILES)
def test_every_server_problem_sentence_is_translated(
    path: str, english: dict[str, str], makers: set[str]
) -> None:
    shapes = {_shape(source) for source in english}
    missing = [
        f"{path}:{line}: {text!r}"
        for line, text in _problem_sentences(path, makers)
        if _shape(text) not in shapes
    ]
    assert not missing, "not in the English catalogue:\n" + "\n".join(missing)


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_entries_agree_on_placeholders_and_are_english(english: dict[str, str]) -> None:
    wrong = [
        f"{source!r} → {target!r}"
        for source, target in english.items()
        if _names(source) != _names(target) or IDEOGRAPH.search(target) or not target.strip()
    ]
    assert not wrong, "placeholders differ, Chinese left, or empty:\n" + "\n".join(wrong)


def test_parts_never_translate_one_sentence_two_ways() -> None:
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for part in PARTS:
        for source, target in import_module(f"tui.locale.{part}").MESSAGES.items():
            if source in seen and seen[source][1] != target:
                clashes.append(f"{source!r}: {seen[source][0]} and {part} differ")
            seen.setdefault(source, (part, target))
    assert not clashes, "\n".join(clashes)


def test_tr_fills_placeholders_in_either_language() -> None:
    sentence = next((source for source in catalogue_for("en") if _names(source)), None)
    assert sentence is not None, "the catalogue has no sentence with a placeholder"
    values = {name: "X1" for name in _names(sentence)}
    assert "X1" in tr(sentence, **values)
    set_language("en")
    try:
        english_text = tr(sentence, **values)
        assert "X1" in english_text and not IDEOGRAPH.search(english_text)
        received = sentence.format(**values)
        assert tr_received(received) == english_text
        assert tr_received("一句没有译文的话") is None
    finally:
        set_language("zh")
    assert tr_received("一句没有译文的话") == "一句没有译文的话"
