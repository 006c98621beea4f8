"""Messages as tests read them: the Chinese (or English) sentence of a coded message."""

from __future__ import annotations

from domain import DEFAULT_LANGUAGE, DomainError, Message, Problem, render

KEYWORDS = {
    "tr": None,
    "N_": None,
    "tr_in": ((1, "c"), 2),
    "NC_": ((1, "c"), 2),
    "define_code": None,
}
"""As `make messages` passes them to `pybabel extract` (the Makefile's `KEYWORDS`)."""


def said(said_of: Problem | DomainError | Message, language: str = DEFAULT_LANGUAGE) -> str:
    """The sentence an operator reads for a problem, an error or a message (each has a code)."""
    message = said_of.message if isinstance(said_of, DomainError) else said_of
    assert not isinstance(message, str), "a domain error carries a Message"
    sentence = render("problem", message, language)
    assert sentence is not None, f"no catalogue entry for {message.code}"
    return sentence
