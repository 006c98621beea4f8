"""找回密码 through `CentralAPI`, against the real in-process API: the login page's request (the
same typed answer for every login), the link's use (each refusal its own exception), and the
hotline's resend of a link within its limit."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from client import (
    CentralAPI,
    FieldInvalidError,
    NotFoundError,
    PasswordRecoveryAccepted,
    RateLimitedError,
    VerificationGoneError,
    VerificationUsedError,
)
from domain import mask_email
from tests.server.recovery_helpers import EMAIL, NEW_PASSWORD, newest_link, token_of

PHONE = "13800138654"


async def test_the_login_page_asks_and_the_link_sets_the_password_once(
    api_app: Any, make_application: Any, clock
) -> None:
    make_application(status="approved", phone=PHONE)
    transport = httpx.ASGITransport(app=api_app)
    async with CentralAPI("http://hqms.test", transport=transport) as page:
        known = await page.request_password_recovery(PHONE)
        assert isinstance(known, PasswordRecoveryAccepted) and known.valid_minutes == 30
        assert await page.request_password_recovery("hqms_000000_0000") == known
        token = token_of(newest_link(api_app))

        with pytest.raises(FieldInvalidError) as weak:
            await page.recover_password(token, "short")
        assert [problem.field for problem in weak.value.errors] == ["new_password"]
        assert await page.recover_password(token, NEW_PASSWORD) is None
        with pytest.raises(VerificationUsedError):
            await page.recover_password(token, NEW_PASSWORD)
        with pytest.raises(NotFoundError):
            await page.recover_password("no-such-link", NEW_PASSWORD)
        with pytest.raises(RateLimitedError) as limited:
            await page.request_password_recovery(PHONE)
        assert limited.value.retry_after == 300


async def test_the_hotline_resends_a_link_within_its_limit(
    signed_in: CentralAPI, api_app: Any, make_application: Any, clock
) -> None:
    application_id = make_application(status="approved", phone=PHONE)
    application = await signed_in.get_application(application_id)
    assert application.account is not None
    account_id = application.account.id

    delivery = await signed_in.resend_password_recovery(account_id)
    assert delivery.email == mask_email(EMAIL) and delivery.remaining_today == 2
    first = token_of(newest_link(api_app))
    with pytest.raises(RateLimitedError) as limited:
        await signed_in.resend_password_recovery(account_id)
    assert limited.value.retry_after == 600 and "10 分钟" in limited.value.detail

    clock.advance(minutes=10)
    await signed_in.resend_password_recovery(account_id)
    with pytest.raises(VerificationGoneError):  # replaced by the newer link
        await signed_in.recover_password(first, NEW_PASSWORD)
