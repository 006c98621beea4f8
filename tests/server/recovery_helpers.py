"""Helpers of the 找回密码 tests: asking for a link from a given client address, and reading the
link where only the administrator's mailbox would (the outbox's `secrets` before delivery, as
only a test may; the delivery tests read it from the real SMTP server instead)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import select

from server.storage.tables import outbox, password_recoveries
from tests.server.review_helpers import database_of

EMAIL = "zhangxiaomei@example.com"  # every factory form's administrator
NEW_PASSWORD = "Xinmima2026abc"
RECOVERY = "/v1/accounts/password-recovery"


def newest_link(api_app: Any) -> str:
    """The link of the newest recovery email not yet delivered."""

    def read(session: Any) -> str:
        secrets = session.execute(
            select(outbox.c.secrets)
            .where(outbox.c.purpose.in_(("password_recovery", "password_recovery_resent")))
            .order_by(outbox.c.id.desc())
            .limit(1)
        ).scalar_one()
        return str(secrets["secret"])

    return str(database_of(api_app).run_sync(read))


def token_of(link: str) -> str:
    return link.rsplit("recovery=", 1)[1]


async def ask(client: httpx.AsyncClient, login: str) -> httpx.Response:
    return await client.post(RECOVERY, json={"login": login})


async def use(client: httpx.AsyncClient, token: str, new_password: str) -> httpx.Response:
    return await client.post(f"{RECOVERY}/{token}", json={"new_password": new_password})


@asynccontextmanager
async def client_at(api_app: Any, address: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests come from `address` (what the per-address limit counts)."""
    transport = httpx.ASGITransport(app=api_app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://hqms.test") as client:
        yield client


def recovery_rows(api_app: Any) -> list[Any]:
    statement = select(password_recoveries).order_by(password_recoveries.c.id)
    return list(database_of(api_app).run_sync(lambda s: s.execute(statement).all()))


def recovery_mail(api_app: Any) -> list[Any]:
    statement = (
        select(outbox).where(outbox.c.purpose.like("password_recover%")).order_by(outbox.c.id)
    )
    return list(database_of(api_app).run_sync(lambda s: s.execute(statement).all()))


def z(moment: datetime) -> str:
    """A time as the API writes it."""
    return moment.isoformat().replace("+00:00", "Z")
