"""Audit rows as tests read them: the stored row plus the sentence a reader sees.

The server keeps a timeline event as `action` + `params` and renders its sentence only when it
is read (docs/messages.md); tests that check what the timeline says render it the same way,
in Chinese, the default.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from domain import DEFAULT_LANGUAGE, Message, render


def sentence(action: str, params: dict[str, Any] | None) -> str:
    """The Chinese sentence of one stored event."""
    text = render("event", Message(code=action, params=params or {}), DEFAULT_LANGUAGE)
    assert text is not None, f"no catalogue sentence for event {action!r}"
    return text


def with_sentences(rows: Iterable[Any]) -> list[Any]:
    """Each audit row with its columns as attributes and `detail`, the rendered sentence."""
    return [
        SimpleNamespace(**row._mapping, detail=sentence(row.action, row.params)) for row in rows
    ]
