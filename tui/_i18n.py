"""The kiosk's language: Chinese (`zh_CN`) by default, English with `HQMS_LANG=en`.

Every sentence is written in Chinese where it is used and passed through `tr`, gettext-style:
the Chinese text is the msgid, looked up in the project's gettext catalogue (`domain.catalogue`,
the `hqms` domain of `domain/locale`, shared with the domain's and the server's coded messages;
docs/messages.md). Placeholders are named (`tr("共 {count} 条", count=n)`), so a translation may
put them in another order. Tables of names kept at module level mark their entries with `N_` and
are translated where shown (`Translated`), because the language is read when the kiosk starts,
after the tables were built. `make messages` finds `tr`, `N_` and `tr_in` calls in the source.

What the kiosk did not write — the API's problems, the domain's, timeline events, the status
line — arrives as codes with parameters and is rendered from the same catalogue (`_said.py`);
no sentence is ever parsed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import TypeVar

from domain import DEFAULT_LANGUAGE, catalogue, language_of, word

SOURCE_LANGUAGE = DEFAULT_LANGUAGE
"""The language the kiosk's sentences are written in: their msgids are the Chinese text."""

_state = {"language": SOURCE_LANGUAGE}

K = TypeVar("K")


def language_from(value: str | None) -> str:
    """`zh_CN` or `en` from an `HQMS_LANG` value (`en`, `en_US.UTF-8`, `zh-CN`…); empty: Chinese."""
    try:
        return language_of(value)
    except ValueError:
        # Said before any language is chosen, so in both.
        raise ValueError(
            f"{value!r}：只支持 zh_CN（中文，默认）或 en（英文）; "
            "supported: zh_CN (Chinese, the default) or en (English)"
        ) from None


def set_language(code: str) -> None:
    _state["language"] = language_from(code)


def current_language() -> str:
    """`zh_CN` or `en`."""
    return _state["language"]


def use_environment_language(environ: Mapping[str, str] = os.environ) -> None:
    set_language(environ.get("HQMS_LANG", ""))


def N_(text: str) -> str:
    """Mark `text` as a sentence to translate where it is shown (kept as is here)."""
    return text


def NC_(context: str, text: str) -> str:
    """Mark `text` as a sentence to translate in `context` where it is shown (`tr_in`)."""
    return text


def tr(text: str, /, **values: object) -> str:
    """`text` (the Chinese source) in the kiosk's language, with the named `values` filled in."""
    text = catalogue(_state["language"]).gettext(text)
    return text.format(**values) if values else text


def tr_in(context: str, text: str, /, **values: object) -> str:
    """Like `tr`, for a word that translates differently by use: "审核通过" is the state
    "Approved" but the action "Approve" (gettext's `msgctxt`, via `pgettext`).

    Without an entry in `context` the plain entry answers: a `Translated` table with a context
    needs entries only for the words that differ there.
    """
    entries = catalogue(_state["language"])
    translated = entries.pgettext(context, text)
    if translated == text:
        translated = entries.gettext(text)
    return translated.format(**values) if values else translated


class Words(Mapping[str, str]):
    """One vocabulary of the catalogue (`status_name`, `action`, `field`…): a value's word in
    the kiosk's language, read where shown; a value without an entry reads as it came."""

    def __init__(self, namespace: str, values: tuple[str, ...] = ()):
        self.namespace = namespace
        self._values = values

    def __getitem__(self, value: str) -> str:
        return word(self.namespace, str(value), _state["language"])

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class Translated(Mapping[K, str]):
    """A read-only table of source sentences that answers in the kiosk's language."""

    def __init__(self, source: Mapping[K, str], context: str = ""):
        self._source = source
        self._context = context

    @property
    def source(self) -> Mapping[K, str]:
        """The untranslated table: to build another table at import, when no language is set."""
        return self._source

    def __getitem__(self, key: K) -> str:
        return tr_in(self._context, self._source[key]) if self._context else tr(self._source[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._source)

    def __len__(self) -> int:
        return len(self._source)
