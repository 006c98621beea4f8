"""The gettext catalogue covers every sentence the kiosk writes.

`tui/` writes Chinese only inside `tr(...)`, `N_(...)` or `tr_in(context, ...)` (docstrings
aside), never as an f-string, so each sentence is one msgid that `make messages` extracts into
`domain/locale/*/LC_MESSAGES/hqms.po`: English has its translation there, Chinese (the source
language) an empty one.
"""

from __future__ import annotations

import ast
import itertools
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.messages_text import KEYWORDS
from tui._i18n import set_language, tr, tr_in

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "domain" / "locale"
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
SENTENCE_ARGUMENT = {"tr": 0, "N_": 0, "tr_in": 1, "NC_": 1}
"""The markers and which of their arguments is the sentence; `tr_in`'s first is its context."""
BABEL_KEYWORDS = KEYWORDS

KIOSK_FILES = sorted(
    path.relative_to(ROOT).as_posix()
    for path in (ROOT / "tui").rglob("*.py")
    if "locale" not in path.parts and path.name != "_i18n.py"
)


class Marked(NamedTuple):
    line: int
    context: str | None
    text: str


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


def _marker_calls(tree: ast.AST) -> Iterator[tuple[ast.Call, ast.expr]]:
    """Each call of a marker with its sentence argument."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            index = SENTENCE_ARGUMENT.get(node.func.id)
            if index is not None and len(node.args) > index:
                yield node, node.args[index]


def _context(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name) and call.func.id in ("tr_in", "NC_"):
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def _parse(path: str) -> ast.Module:
    return ast.parse((ROOT / path).read_text(encoding="utf-8"))


def marked_sentences(path: str) -> list[Marked]:
    """The literal sentences of a file's marker calls (an f-string is never a sentence)."""
    return [
        Marked(sentence.lineno, _context(call), sentence.value)
        for call, sentence in _marker_calls(_parse(path))
        if isinstance(sentence, ast.Constant) and isinstance(sentence.value, str)
    ]


def _unmarked_chinese(path: str) -> Iterator[str]:
    """Chinese outside docstrings that is not a marker's sentence, f-strings included."""
    tree = _parse(path)
    docstrings = _docstrings(tree)
    marked = {id(sentence) for _, sentence in _marker_calls(tree)}
    for node in ast.walk(tree):
        if id(node) in docstrings or id(node) in marked:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
            )
            if IDEOGRAPH.search(text):
                yield f"{path}:{node.lineno}: f-string {text!r}"
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and IDEOGRAPH.search(node.value)
            and not _inside_fstring(tree, node)
        ):
            yield f"{path}:{node.lineno}: {node.value!r}"


def _inside_fstring(tree: ast.AST, constant: ast.Constant) -> bool:
    return any(
        isinstance(node, ast.JoinedStr) and any(value is constant for value in node.values)
        for node in ast.walk(tree)
    )


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _catalogue(language: str) -> dict[tuple[str | None, str], str]:
    with (LOCALE / language / "LC_MESSAGES" / "hqms.po").open("rb") as po:
        catalog = read_po(po, locale=language)
    return {(message.context, str(message.id)): str(message.string) for message in catalog}


@pytest.fixture(scope="module")
def english() -> dict[tuple[str | None, str], str]:
    return _catalogue("en")


@pytest.fixture(scope="module")
def chinese() -> dict[tuple[str | None, str], str]:
    return _catalogue("zh_CN")


@pytest.mark.parametrize("path", KIOSK_FILES)
def test_chinese_is_written_only_as_a_marked_sentence(path: str) -> None:
    unmarked = list(_unmarked_chinese(path))
    assert not unmarked, "Chinese outside tr()/N_()/tr_in():\n" + "\n".join(unmarked)


@pytest.mark.parametrize("path", KIOSK_FILES)
def test_no_marker_is_given_an_fstring_or_a_computed_context(path: str) -> None:
    # An f-string is a new msgid for every value: no catalogue can hold it.
    wrong = [
        f"{path}:{call.lineno}"
        for call, sentence in _marker_calls(_parse(path))
        if isinstance(sentence, ast.JoinedStr)
        or (isinstance(call.func, ast.Name) and call.func.id == "tr_in" and _context(call) is None)
    ]
    assert not wrong, "f-string sentence or non-literal context:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", KIOSK_FILES)
def test_every_sentence_has_its_english(
    path: str,
    english: dict[tuple[str | None, str], str],
    chinese: dict[tuple[str | None, str], str],
) -> None:
    wrong = []
    for line, context, text in marked_sentences(path):
        where = f"{path}:{line}: {text!r}" + (f" (context {context!r})" if context else "")
        translation = english.get((context, text))
        if not translation:
            wrong.append(f"{where}: no English")
        elif _names(translation) != _names(text):
            wrong.append(f"{where}: placeholders {_names(text)} but {translation!r}")
        elif IDEOGRAPH.search(translation):
            wrong.append(f"{where}: Chinese left in {translation!r}")
        if (context, text) not in chinese:
            wrong.append(f"{where}: not in the zh_CN catalogue")
    assert not wrong, "\n".join(wrong)


def test_make_messages_sees_every_sentence() -> None:
    """`pybabel extract` (Python 3.11) does not look inside f-strings: a `tr("：")` written
    there works today and is dropped from the catalogue by the next `make messages`."""
    extracted = {
        (context, message)
        for _, _, message, _, context in extract_from_dir(ROOT / "tui", keywords=BABEL_KEYWORDS)
    }
    unseen = [
        f"{path}:{line}: {text!r}"
        for path in KIOSK_FILES
        for line, context, text in marked_sentences(path)
        if (context, text) not in extracted
    ]
    assert not unseen, "invisible to pybabel extract:\n" + "\n".join(unseen)


def test_tr_and_tr_in_switch_language_within_the_process(
    english: dict[tuple[str | None, str], str],
) -> None:
    sentence = next(
        (
            msgid
            for (context, msgid), text in english.items()
            if context is None and text and _names(msgid) and IDEOGRAPH.search(msgid)
        ),
        None,
    )
    assert sentence is not None, "the catalogue has no kiosk sentence with a placeholder"
    values = {name: "X1" for name in _names(sentence)}
    assert tr(sentence, **values) == sentence.format(**values)
    set_language("en")
    try:
        english_text = tr(sentence, **values)
        assert english_text == english[(None, sentence)].format(**values)
        assert "X1" in english_text and not IDEOGRAPH.search(english_text)
        for (context, msgid), text in english.items():
            if context is not None and text:
                assert tr_in(context, msgid) == text
        # Without an entry in its context a word falls back on its plain entry.
        assert tr_in("no such context", sentence, **values) == english_text
    finally:
        set_language("zh_CN")
    assert tr(sentence, **values) == sentence.format(**values)


def test_no_sentence_received_is_parsed() -> None:
    """The kiosk renders what it receives from codes: no regular expression over sentences,
    no catalogue of received sentences."""
    assert not (ROOT / "tui" / "locale").exists()
    assert not (ROOT / "tui" / "_received.py").exists()
    for path in MESSAGE_FILES:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert "import re\n" not in source and "from re import" not in source, path


MESSAGE_FILES = [
    "tui/_i18n.py",
    "tui/_said.py",
    "tui/_text.py",
    "tui/widgets/_timeline_words.py",
    "tui/widgets/banner.py",
    "tui/widgets/code_field.py",
    "tui/widgets/form_editor.py",
    "tui/widgets/notifications.py",
    "tui/widgets/sections.py",
    "tui/widgets/status_panel.py",
]
"""The kiosk's files that show what the API and the domain say."""
