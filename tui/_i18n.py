"""The kiosk's language: Chinese (`zh_CN`) by default, English with `HQMS_LANG=en`.

Every sentence is written in Chinese where it is used and passed through `tr`, gettext-style:
the Chinese text is the msgid, looked up in the project's gettext catalogue (`domain.catalogue`,
the `hqms` domain of `domain/locale`, shared with the domain's and the server's coded messages;
docs/messages.md). Placeholders are named (`tr("共 {count} 条", count=n)`), so a translation may
put them in another order. Tables of names kept at module level mark their entries with `N_` and
are translated where shown (`Translated`), because the language is read when the kiosk starts,
after the tables were built. `make messages` finds `tr`, `N_` and `tr_in` calls in the source.

Sentences the kiosk did not write — a problem's `detail` from the API, a domain validator's
message — go through `tr_received`: the entries of `tui.locale.en_received` double as templates,
so "没有找到手机号 138****0000 的申请" finds "没有找到手机号 {phone} 的申请" and keeps the number.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import TypeVar

from domain import DEFAULT_LANGUAGE, catalogue, language_of

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


def tr_received(text: str) -> str | None:
    """A sentence from the API or the domain in the kiosk's language; None when not known.

    In Chinese it is the sentence itself. In another language: the exact entry, else the entry
    whose placeholders stand for the least text — the most particular template, so
    "当前只有 {count} 位" wins over "当前{how_many} {count} 位" whatever their lengths. A captured
    part that is itself an entry (a status, a field name, a list "地址、数据管理员等", a nested
    sentence) is translated too; any other part is data and stays as it came.
    """
    if _state["language"] == SOURCE_LANGUAGE:
        return text
    return _translated(text)


_LIST_SEPARATOR = "、"
_AND_MORE = "等"
"""Both are entries as well; here they split lists inside received sentences."""


def _received_entries() -> Mapping[str, str]:
    from tui.locale.en_received import MESSAGES

    return MESSAGES


def _entry(text: str) -> str | None:
    """The English of a received sentence: its `en_received` entry, else the catalogue's."""
    exact = _received_entries().get(text)
    if exact is not None:
        return exact
    translated = catalogue(_state["language"]).gettext(text)
    return None if translated == text else translated


def _translated(text: str) -> str | None:
    exact = _entry(text)
    if exact is not None:
        return exact
    # At most the whole text minus one character: a template must match some text of its own,
    # which also makes the parts it captures (translated in turn) ever shorter.
    best, captured = None, len(text)
    for pattern, translation in _templates():
        match = pattern.fullmatch(text)
        if match is not None:
            length = sum(len(value) for value in match.groupdict().values())
            if length < captured:
                best, captured = (match, translation), length
    if best is None:
        return None
    match, translation = best
    parts = {name: _part(value) for name, value in match.groupdict().items()}
    return translation.format(**parts)


def _part(value: str) -> str:
    """A captured part: an entry (or a list of entries) translated; data stays as it is."""
    whole = _entry(value)
    if whole is not None:
        return whole
    items = value.split(_LIST_SEPARATOR)
    more = len(items) > 1 and items[-1].endswith(_AND_MORE)
    if more:
        items[-1] = items[-1][: -len(_AND_MORE)]
    translated = [_entry(item) for item in items]
    if len(items) > 1 and all(item is not None for item in translated):
        return ", ".join(item for item in translated if item) + (", etc." if more else "")
    nested = _translated(value)  # e.g. the reason inside "正在重新连接…（…）"
    return value if nested is None else nested


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


_PLACEHOLDER = re.compile(r"\{(\w+)(?:[:!][^{}]*)?\}")
_CONTEXT_SEPARATOR = "\x04"
"""Between a context and a sentence in an `en_received` key (gettext's msgctxt convention)."""


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """Received entries with placeholders as patterns; a placeholder matches any non-empty text.

    English is the only language with received entries, so one list serves every call.
    """
    templates = []
    for source, translation in _received_entries().items():
        if _CONTEXT_SEPARATOR in source or not _PLACEHOLDER.search(source):
            continue
        parts, at = [], 0
        for found in _PLACEHOLDER.finditer(source):
            parts.append(re.escape(source[at : found.start()]))
            parts.append(f"(?P<{found.group(1)}>.+?)")
            at = found.end()
        parts.append(re.escape(source[at:]))
        try:
            pattern = re.compile("".join(parts), re.DOTALL)
        except re.error:  # the same name twice: such an entry is only for `tr`
            continue
        # Received values are text: drop format specs such as `{count:,}` from the translation.
        templates.append((pattern, _PLACEHOLDER.sub(r"{\1}", translation)))
    return templates
