"""`LookupInput`: the lookup box — the caller's mobile (the hotline's main key), or the
institution's code as the caller reads it out: the 22-character institution code, the
9-character organization code or the 18-character unified social credit code.

Which of the two was typed is decided by its shape (`is_code`), without the API: letters or a
hyphen make a code, and so do 18 or 22 digits; 9 digits are an organization code when its GB
11714 check character fits (a mobile has 11 digits, so 9 are otherwise a number cut short).
Everything else is a mobile, and a wrong one gets the mobile's sentence.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input

from .._i18n import N_, tr
from .phone_input import digits_for_phone, put_pasted

PLACEHOLDER = N_("手机号或机构代码")
MAX_LENGTH = 23
"""A 22-character code with the hyphen licences print after its organization code."""
CODE_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")
ORGANIZATION_LENGTH = 9
FULL_DIGITS = (18, 22)
"""Digits-only lengths that are codes: a credit code or registration number, a full code."""


def is_code(typed: str) -> bool:
    """Whether the lookup box holds an institution's code rather than a mobile."""
    value = typed.strip()
    if not value:
        return False
    if not value.isdigit():
        return True
    if len(value) in FULL_DIGITS:
        return True
    if len(value) == ORGANIZATION_LENGTH:
        # Loaded here: the domain's code rules bring its wire models, which the first screen
        # does not wait for.
        from domain import organization_check_char

        return organization_check_char(value[:8]) == value[8]
    return False


def text_for_lookup(pasted: str) -> str:
    """What a pasted number becomes: a mobile as its 11 digits (`+86 138-0013-8000`), a code
    without the spaces and full-width characters licences and documents carry."""
    first_line = next(iter(pasted.splitlines()), "")
    mobile = digits_for_phone(first_line)
    if len(mobile) == 11 and not is_code(mobile):
        return mobile
    text = unicodedata.normalize("NFKC", first_line).upper()
    return "".join(char for char in text if char in CODE_CHARACTERS)[:MAX_LENGTH]


class LookupInput(Input):
    """An `Input` for a mobile or a code: digits, letters and a hyphen, pasted text cleaned."""

    DEFAULT_CSS = """
    LookupInput {
        width: 30;
    }
    """

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(
            value,
            placeholder=tr(PLACEHOLDER),
            restrict=r"[0-9A-Za-z\-]*",
            max_length=MAX_LENGTH,
            id=id,
        )

    def on_paste(self, event: events.Paste) -> None:
        # Replaces Input's own paste handling, which would refuse the whole text because of
        # the separators a copied number usually has.
        event.prevent_default()
        event.stop()
        put_pasted(self, text_for_lookup(event.text))
