"""The documents' wording as data: `texts.toml` beside this module, or the organization's own
file (the server's `HQMS_DOCUMENT_TEXTS`), checked whole when it is loaded.

A text may name the application's data in braces (`PLACEHOLDERS`); it is filled in, then
printed as typed, never read as markup. A wrong file is refused with `DocumentTextsInvalid`:
one sentence naming the key, so that a server does not start with documents it cannot print.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter

from ._errors import (
    TEXTS_KEY_INVALID,
    TEXTS_KEY_MISSING,
    TEXTS_PLACEHOLDER_UNKNOWN,
    TEXTS_UNPRINTABLE,
    TEXTS_UNREADABLE,
    DocumentTextsInvalid,
)
from ._font import unprintable_characters

DEFAULT_TEXTS = Path(__file__).resolve().parent / "texts.toml"
PLACEHOLDERS: dict[str, str] = {
    "name": "医疗机构名称",
    "code": "医疗机构代码",
    "id": "申请编号",
    "revision": "资料版本",
    "fingerprint": "文件指纹",
}
# Every key of the file and what it holds: a text, a list of texts, or the consent's sections.
TEXT_KEYS = (
    "page.header_left",
    "page.header_right",
    "page.no_alteration",
    "page.fingerprint_label",
    "page.document_line",
    "page.qr_caption",
    "page.fingerprint_note",
    "seal.title",
    "seal.date_line",
    "info_form.title",
    "info_form.confirmation",
    "consent.title",
    "consent.intro",
    "consent.agreement",
)
LIST_KEYS = ("seal.signatures",)
SECTIONS_KEY = "consent.sections"


@dataclass(frozen=True)
class Section:
    heading: str
    clauses: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class DocumentTexts:
    """The checked wording; `text(key)` and `texts(key)` by the file's dotted keys."""

    source: str
    values: dict[str, str]
    lists: dict[str, tuple[str, ...]]
    sections: tuple[Section, ...]

    def text(self, key: str) -> str:
        return self.values[key]

    def texts(self, key: str) -> tuple[str, ...]:
        return self.lists[key]


def load_document_texts(path: Path | None = None) -> DocumentTexts:
    """The wording in `path` (the shipped file by default); raises `DocumentTextsInvalid`."""
    return _load(Path(path or DEFAULT_TEXTS).resolve())


@cache
def _load(path: Path) -> DocumentTexts:
    shown = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DocumentTextsInvalid(TEXTS_UNREADABLE(path=shown, reason=str(error))) from None
    values = {key: _checked(_text_at(data, key, shown), key) for key in TEXT_KEYS}
    lists = {
        key: tuple(
            _checked(text, f"{key}[{n}]") for n, text in enumerate(_list_at(data, key, shown))
        )
        for key in LIST_KEYS
    }
    sections = _sections(data, shown)
    return DocumentTexts(shown, values, lists, sections)


def _sections(data: dict[str, object], shown: str) -> tuple[Section, ...]:
    found = _lookup(data, SECTIONS_KEY, shown)
    if not isinstance(found, list) or not found:
        raise _wrong_kind(SECTIONS_KEY, "sections")
    sections = []
    for number, section in enumerate(found):
        key = f"{SECTIONS_KEY}[{number}]"
        heading = _checked(_text_at(section, "heading", shown, prefix=f"{key}."), f"{key}.heading")
        clauses = _list_at(section, "clauses", shown, prefix=f"{key}.")
        sections.append(
            Section(
                heading,
                tuple(_checked(c, f"{key}.clauses[{n}]") for n, c in enumerate(clauses)),
            )
        )
    return tuple(sections)


def _lookup(data: object, key: str, shown: str, prefix: str = "") -> object:
    value = data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            full = prefix + key
            raise DocumentTextsInvalid(TEXTS_KEY_MISSING(path=shown, key=full))
        value = value[part]
    return value


def _text_at(data: object, key: str, shown: str, prefix: str = "") -> str:
    value = _lookup(data, key, shown, prefix)
    if not isinstance(value, str):
        raise _wrong_kind(prefix + key, "text")
    return value


def _list_at(data: object, key: str, shown: str, prefix: str = "") -> list[str]:
    value = _lookup(data, key, shown, prefix)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _wrong_kind(prefix + key, "list")
    return value


def _wrong_kind(key: str, shape: str) -> DocumentTextsInvalid:
    return DocumentTextsInvalid(TEXTS_KEY_INVALID(key=key, shape=shape))


def _checked(text: str, key: str) -> str:
    """`text` when its placeholders are known and the font can draw every character."""
    try:
        fields = [
            (field, spec, conversion) for _, field, spec, conversion in Formatter().parse(text)
        ]
    except ValueError:
        fields = [("{", "", None)]
    for field, spec, conversion in fields:
        if field is not None and (field not in PLACEHOLDERS or spec or conversion):
            placeholder = field if field == "{" else "{" + field + "}"
            known = ["{" + name + "}" for name in PLACEHOLDERS]
            message = TEXTS_PLACEHOLDER_UNKNOWN(key=key, placeholder=placeholder, known=known)
            raise DocumentTextsInvalid(message)
    for character in unprintable_characters(text):
        shown = character if character.isprintable() else f"U+{ord(character):04X}"
        raise DocumentTextsInvalid(TEXTS_UNPRINTABLE(key=key, character=shown))
    return text


def filled(template: str, values: dict[str, str]) -> str:
    """`template` with its placeholders replaced by the application's data."""
    return template.format_map(values)
