"""What every request handler may need, built once per app by `create_app`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from pdfgen import load_document_texts

from .services.document_cache import DocumentCache
from .settings import Settings
from .storage.engine import Database
from .token_cache import TokenCache

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AppContext:
    settings: Settings
    database: Database
    # Replaceable so tests can move time forward (token expiry, lockout) without sleeping.
    clock: Clock = utc_now
    tokens: TokenCache = field(default_factory=TokenCache)
    # The generated documents in the settings' wording, each revision's rendered once.
    documents: DocumentCache = field(init=False)

    def __post_init__(self) -> None:
        self.documents = DocumentCache(load_document_texts(self.settings.document_texts))


# `async` on purpose: FastAPI runs plain `def` dependencies in the thread pool, a hop that
# costs more than the whole lookup on the hot path.
async def get_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.context
    return context


ContextDep = Annotated[AppContext, Depends(get_context)]
