"""Messages as data: a stable code and its parameters cross every boundary; sentences are
rendered from gettext catalogues, one per language, only where a person reads them
(docs/messages.md).

    OPENED_ON_FUTURE = define_code("problem.opened_on_future", "value", "month")
    OPENED_ON_FUTURE(value="2027-01", month="2026-12")   # a Message: code + params
    render("problem", message, "en")                      # "The opening date 2027-01 is …"

A code is declared once, where it is emitted, with the names of its parameters; declaring it
registers it, so the set of codes the program can emit is read from the program itself
(`declared_codes`), and `pybabel extract` finds each declaration (keyword `define_code`).

Parameters are data or vocabulary. A parameter whose name is in `VOCABULARY` holds one of our
own words — a form field path, a file kind, a verification purpose — and is shown through the
catalogue (`field.admin.email` → 数据管理员邮箱 / Data admin email). Every other parameter is data:
what people typed (a reason, a name, a login name) or what the system counted (days, a count,
a masked phone), shown exactly as it is, never translated and never parsed.
"""

from __future__ import annotations

import gettext
import importlib
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
CATALOGUE_DOMAIN = "hqms"
LOCALE_DIR = Path(__file__).with_name("locale")

ParamValue = str | int | list[str]
"""A parameter's value: text, a whole number, or a list of texts (field paths, names)."""

VOCABULARY: Mapping[str, str] = {
    "field": "field",
    "fields": "field",
    "file": "file",
    "purpose": "purpose",
    "segment": "segment",
    "status": "status_name",
    "action": "action",
    "kind": "kind",
    "channel": "channel",
    "notice": "notice",
    "role": "role",
    "roles": "role",
    "looks_like": "content",
    "shape": "shape",
    "outcome": "outcome",
    "document": "document",
    "level": "level",
    "warning": "warning",
}
"""Parameter name → the catalogue namespace its values are words of (`field` → `field.<path>`).

A value the catalogue does not know (a field path of a newer server) is shown as it came."""


@dataclass(frozen=True, slots=True)
class Message:
    """A code and its parameters: what a sentence says, without the sentence.

    A plain dataclass: the kiosk's first screen refuses a phone number with one, and must not
    wait for pydantic to load (`tui/_text.py`)."""

    code: str
    params: dict[str, ParamValue] = field(default_factory=dict)


class EventLike(Protocol):
    """A timeline event: what happened (`action`) and its parameters."""

    @property
    def action(self) -> str: ...

    @property
    def params(self) -> Mapping[str, ParamValue]: ...


class Coded(Protocol):
    """Anything that carries a message: a `Message`, a form `Problem`, a timeline `Event`."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, ParamValue]: ...


@dataclass(frozen=True, slots=True)
class Code:
    """A declared message code: its catalogue namespace, its name and its parameters' names."""

    namespace: str
    name: str
    params: tuple[str, ...]

    @property
    def msgid(self) -> str:
        return f"{self.namespace}.{self.name}"

    def __call__(self, **params: ParamValue) -> Message:
        if set(params) != set(self.params):
            raise TypeError(f"{self.msgid} takes {sorted(self.params)}, got {sorted(params)}")
        return Message(code=self.name, params=params)


_DECLARED: dict[str, Code] = {}


def define_code(msgid: str, *params: str) -> Code:
    """Declares the code `msgid` (`namespace.name`) taking `params`; declared once only."""
    namespace, _, name = msgid.partition(".")
    if not name:
        raise ValueError(f"a code is 'namespace.name', not {msgid!r}")
    if msgid in _DECLARED:
        raise ValueError(f"{msgid} is declared twice")
    code = Code(namespace, name, tuple(params))
    _DECLARED[msgid] = code
    return code


_DOMAIN_MODULES = (
    "_errors",
    "_contact",
    "_institution_code",
    "_form_rules",
    "_lifecycle",
    "_status",
    "_vocabulary",
)


def declared_codes(namespace: str | None = None) -> list[Code]:
    """Every code declared so far, by msgid: the domain's own, and those of every other module
    already imported (the server's, the pdfgen's)."""
    # Late, and by name: the domain loads its modules on first use (`domain/__init__.py`),
    # and each of them imports this one.
    for module in _DOMAIN_MODULES:
        importlib.import_module(f"{__package__}.{module}")
    codes = sorted(_DECLARED.values(), key=lambda code: code.msgid)
    return [code for code in codes if namespace is None or code.namespace == namespace]


LIST_SEPARATOR = define_code("list.separator")
"""Between the items of a list parameter: 、 in Chinese, a comma in English."""


def language_of(value: str | None) -> str:
    """`zh_CN` or `en` for a language tag (`en`, `en_US.UTF-8`, `zh-CN`, `zh`); empty: Chinese.

    Raises `ValueError` for a language without a catalogue.
    """
    tag = (value or "").strip().replace("-", "_").split(".")[0]
    primary = tag.split("_")[0].lower()
    if not primary:
        return DEFAULT_LANGUAGE
    for language in LANGUAGES:
        if language.split("_")[0].lower() == primary:
            return language
    raise ValueError(tag)


def best_language(accept_language: str | None) -> str:
    """The catalogue language an `Accept-Language` header prefers most; Chinese by default."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, weight = part.strip().partition(";q=")
        try:
            ranked.append((-float(weight or 1), index, language_of(tag)))
        except ValueError:
            continue
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


@cache
def catalogue(language: str) -> gettext.GNUTranslations:
    """The compiled catalogue (`domain/locale/<language>/LC_MESSAGES/hqms.mo`)."""
    return gettext.translation(CATALOGUE_DOMAIN, localedir=LOCALE_DIR, languages=[language])


def template(msgid: str, language: str) -> str | None:
    """The catalogue's sentence for `msgid`, None when the catalogue does not have it."""
    text = catalogue(language).gettext(msgid)
    return None if text == msgid else text


def placeholders(text: str) -> set[str]:
    """The names of the `{placeholders}` in a catalogue sentence."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def render(namespace: str, message: Coded, language: str) -> str | None:
    """The sentence for `message` in `language`, None when the catalogue lacks its code."""
    sentence = template(f"{namespace}.{message.code}", language)
    if sentence is None:
        return None
    values = {name: param_text(name, value, language) for name, value in message.params.items()}
    return sentence.format_map(_Missing(values))


def word(namespace: str, value: str, language: str) -> str:
    """One of our words (`field` `admin.email`) in `language`; unknown values as they came."""
    return template(f"{namespace}.{value}", language) or value


def param_text(name: str, value: ParamValue, language: str) -> str:
    """A parameter as shown: vocabulary through the catalogue, data exactly as it is."""
    vocabulary = VOCABULARY.get(name)
    items: Sequence[object] = value if isinstance(value, list) else [value]
    texts = [word(vocabulary, str(item), language) if vocabulary else str(item) for item in items]
    if isinstance(value, list):
        return (template(LIST_SEPARATOR.msgid, language) or ", ").join(texts)
    return texts[0]


LEGACY = "legacy"
"""The one parameter of a timeline event recorded before events had codes: its old sentence."""


def event_sentence(event: EventLike, language: str) -> str | None:
    """A timeline event's sentence: from its action and parameters, or its recorded legacy text."""
    legacy = event.params.get(LEGACY)
    if isinstance(legacy, str):
        return legacy
    return render("event", Message(code=event.action, params=dict(event.params)), language)


class _Serializing(Protocol):
    """pydantic's `SerializationInfo`, as far as the language goes."""

    @property
    def context(self) -> Any: ...


def serialization_language(info: _Serializing) -> str:
    """The language a wire model is serialized for: `context={"language": …}`, else Chinese."""
    context = info.context if isinstance(info.context, Mapping) else {}
    return str(context.get("language", DEFAULT_LANGUAGE))


class _Missing(dict[str, str]):
    """Format values where a placeholder without a value stays visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
