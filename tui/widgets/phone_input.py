"""`PhoneInput`: the hotline's main key, eleven digits and nothing else."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from domain import DomainError, normalize_mobile

from .._i18n import N_, tr

PLACEHOLDER = N_("来电手机号（11 位）")


def digits_for_phone(pasted: str) -> str:
    """What a pasted number becomes: `+86 138-0013-8000` → `13800138000`.

    A number the domain cannot read still loses its separators, so the operator sees the
    digits and the normal validation message on Enter instead of a silently refused paste.
    """
    first_line = next(iter(pasted.splitlines()), "")
    try:
        return normalize_mobile(first_line)
    except DomainError:
        return "".join(char for char in first_line if char.isdigit())


class PhoneInput(Input):
    """An `Input` that accepts digits only (at most 11) and normalizes pasted numbers."""

    DEFAULT_CSS = """
    PhoneInput {
        width: 30;
    }
    """

    def __init__(
        self,
        value: str = "",
        *,
        placeholder: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=tr(PLACEHOLDER) if placeholder is None else placeholder,
            restrict=r"[0-9]*",
            max_length=11,
            id=id,
            classes=classes,
        )

    def on_paste(self, event: events.Paste) -> None:
        # Replaces Input's own paste handling, which would refuse the whole text because of
        # the separators a copied number usually has.
        event.prevent_default()
        event.stop()
        put_pasted(self, digits_for_phone(event.text))


def put_pasted(field: Input, text: str) -> None:
    """`text` in place of the selection, or at the cursor (what a paste does)."""
    selection = field.selection
    if selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *selection)
