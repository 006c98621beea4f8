"""`create_app(settings)`: the central registration API as a FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from ._problems import install_problem_handlers
from .access_log import install_access_log_masking
from .call_context import CallHeaderMiddleware
from .context import AppContext
from .language import LanguageMiddleware
from .migrate import upgrade_database
from .openapi_codes import document_message_codes
from .outbox import delivery_worker
from .routes import (
    accounts,
    applications,
    auth,
    call_record,
    calls,
    documents,
    drafts,
    health,
    notices,
    notifications,
    password_recovery,
    reference,
    registry,
    stream,
    transitions,
    verifications,
)
from .settings import Settings, get_settings
from .storage.engine import Database
from .version import VERSION

DESCRIPTION = (
    "HQMS 流感医疗服务监测系统 账号申请的中央登记服务。错误一律为 RFC 9457 "
    "application/problem+json：type（问题种类）、status、title、detail（按 Accept-Language "
    "渲染，默认中文）、code 与 params（消息代码及其参数）、errors。"
)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API bound to `settings.database_url`.

    The database is opened here, not in the lifespan, so the app also works under transports
    that run no lifespan (httpx.ASGITransport in tests); the lifespan closes it. The schema is
    migrated only when `settings.migrate_on_startup` says so (`hqms-desk serve` migrates
    explicitly first).
    """
    settings = settings or get_settings()
    if settings.migrate_on_startup:
        upgrade_database(settings.database_url)
    database = Database.from_url(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        install_access_log_masking()
        async with delivery_worker(app.state.context):
            yield
        database.dispose()

    app = FastAPI(
        title="HQMS 账号申请中央登记服务",
        description=DESCRIPTION,
        version=VERSION,
        lifespan=lifespan,
    )
    app.state.context = AppContext(settings=settings, database=database)
    install_problem_handlers(app)
    app.add_middleware(CallHeaderMiddleware)  # `X-HQMS-Call` → the audit events' call id
    app.add_middleware(LanguageMiddleware)  # `Accept-Language` → the language of sentences
    applications.add_search_route(app)
    for module in (health, auth, applications, reference, verifications, drafts):
        app.include_router(module.router)
    for module in (transitions, documents, notifications, stream, accounts):
        app.include_router(module.router)
    for module in (calls, call_record, notices, password_recovery, registry):
        app.include_router(module.router)
    _document_bearer_auth(app)
    document_message_codes(app)
    return app


# Reachable without a token; every other /v1 path needs `Authorization: Bearer …`.
PUBLIC_PATHS = frozenset(
    {
        "/v1/health",
        "/v1/auth/token",
        "/v1/accounts/login",
        "/v1/accounts/password-recovery",
        "/v1/accounts/password-recovery/{token}",
        "/v1/verifications",
        "/v1/verifications/{verification_id}/confirm",
    }
)


def _document_bearer_auth(app: FastAPI) -> None:
    """Declare the bearer scheme in /openapi.json.

    `CurrentOperator` reads the header itself rather than through FastAPI's `HTTPBearer`
    (one dependency less on every request), so the schema is completed here.
    """
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        components = schema.setdefault("components", {})
        components.setdefault("securitySchemes", {})["bearer"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "POST /v1/auth/token 取得的令牌",
        }
        for path, operations in schema.get("paths", {}).items():
            if path.startswith("/v1/") and path not in PUBLIC_PATHS:
                for operation in operations.values():
                    operation["security"] = [{"bearer": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
