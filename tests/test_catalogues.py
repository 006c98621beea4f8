"""Every declared message code has a sentence in each language, with exactly its parameters.

The program's codes are read from the program: importing every module runs every `define_code`,
and `domain.declared_codes()` lists them. Each must be in both catalogues (`domain/locale/<lang>/
LC_MESSAGES/hqms.po`, and the compiled `hqms.mo` the program reads), name exactly the code's
parameters as plain `{name}` placeholders, and say it in English without a Chinese word. The
compiled catalogues must be those of the `.po` files (`make messages` compiles them), and the
`.po` files must hold exactly what `make messages` extracts.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

import domain
from tests.messages_text import KEYWORDS

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "domain" / "locale"
PACKAGES = ("domain", "server", "client", "tui", "cli", "pdfgen")
SKIPPED = ("server.migrations",)
"""Alembic's environment and revisions run migrations when imported; they declare no codes."""
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")

Entries = dict[tuple[str | None, str], str]


def _import_everything() -> list[domain.Code]:
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        for module in pkgutil.walk_packages(path, prefix=f"{package}."):
            name = module.name
            # `__main__` runs the command line when imported.
            if name.startswith(SKIPPED) or name.rsplit(".", 1)[-1] == "__main__":
                continue
            importlib.import_module(name)
    return domain.declared_codes()


@pytest.fixture(scope="module")
def codes() -> list[domain.Code]:
    declared = _import_everything()
    assert declared, "no module declared a code"
    return declared


def _read_po(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "hqms.po").open("rb") as po:
        return read_po(po, locale=language)


def _entries(catalog: Catalog) -> Entries:
    return {(m.context, str(m.id)): str(m.string) for m in catalog if m.id and m.string}


def _problems(text: str, params: tuple[str, ...], language: str) -> list[str]:
    """What is wrong with a code's sentence: placeholders, format specs, Chinese in English."""
    found = []
    fields = [(name, spec, conversion) for _, name, spec, conversion in _parse(text) if name]
    names = {name for name, _, _ in fields}
    if names != set(params):
        found.append(f"placeholders {sorted(names)}, parameters {sorted(params)}")
    # Parameters arrive as text already; a spec, a conversion or an attribute would fail or leak.
    if any(spec or conversion or not name.isidentifier() for name, spec, conversion in fields):
        found.append("a placeholder with a format spec, conversion, index or attribute")
    if language == "en" and IDEOGRAPH.search(text):
        found.append("Chinese in the English")
    return found


def _parse(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    try:
        return list(string.Formatter().parse(text))
    except ValueError as error:
        return [("", f"unparsable ({error})", None, None)]


@pytest.mark.parametrize("language", domain.LANGUAGES)
def test_every_code_has_its_sentence_in_the_compiled_catalogue(
    language: str, codes: list[domain.Code]
) -> None:
    wrong = []
    for code in codes:
        sentence = domain.template(code.msgid, language)
        if not sentence:
            wrong.append(f"{code.msgid}: missing")
        else:
            wrong.extend(f"{code.msgid}: {p}" for p in _problems(sentence, code.params, language))
    assert not wrong, f"{language} hqms.mo:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", domain.LANGUAGES)
def test_every_code_has_its_sentence_in_the_po_file(
    language: str, codes: list[domain.Code]
) -> None:
    entries = _entries(_read_po(language))
    wrong = []
    for code in codes:
        sentence = entries.get((None, code.msgid))
        if not sentence:
            wrong.append(f"{code.msgid}: missing")
        else:
            wrong.extend(f"{code.msgid}: {p}" for p in _problems(sentence, code.params, language))
    assert not wrong, f"{language} hqms.po:\n" + "\n".join(wrong)


def _mo_entries(data: bytes) -> Entries:
    return {(m.context, str(m.id)): str(m.string) for m in read_mo(io.BytesIO(data)) if m.id}


@pytest.mark.parametrize("language", domain.LANGUAGES)
def test_the_compiled_catalogue_is_that_of_the_po_file(language: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _read_po(language))
    shipped = (LOCALE / language / "LC_MESSAGES" / "hqms.mo").read_bytes()
    expected, actual = _mo_entries(compiled.getvalue()), _mo_entries(shipped)
    stale = sorted(
        _key(key)
        for key in (expected.keys() ^ actual.keys())
        | {key for key in expected.keys() & actual.keys() if expected[key] != actual[key]}
    )
    assert not stale, f"{language} hqms.mo differs from hqms.po (run `make messages`): {stale}"


@pytest.mark.parametrize("language", domain.LANGUAGES)
def test_the_po_file_holds_what_make_messages_extracts(language: str) -> None:
    extracted = {
        (context, str(message))
        for package in PACKAGES
        for _, _, message, _, context in extract_from_dir(ROOT / package, keywords=KEYWORDS)
    }
    held = {(m.context, str(m.id)) for m in _read_po(language) if m.id}
    lines = sorted(f"  missing {_key(key)}" for key in extracted - held)
    lines += sorted(f"  no longer in the source {_key(key)}" for key in held - extracted)
    report = "\n".join(lines)
    assert not lines, f"{language} hqms.po is not up to date (run `make messages`):\n{report}"


def _key(key: tuple[str | None, str]) -> str:
    context, msgid = key
    return f"{msgid!r}" + (f" (context {context!r})" if context else "")
