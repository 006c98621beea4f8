"""The after-registration endpoints through `CentralAPI` (issue 5), against the real in-process
API: caller checks with a code to the registered phone, reveals, notes under a call, password
resets, resent notices and documents — each answer typed, each refusal its own exception.

SMS codes are read from the outbox row's `secrets` (the in-process API runs no delivery worker).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, select

from client import (
    CallEndedError,
    CallerNotCheckedError,
    CallRequiredError,
    CallWithoutApplicationError,
    CentralAPI,
    FieldInvalidError,
    RateLimitedError,
    TransitionNotAllowedError,
    VerificationPhoneMismatchError,
)
from domain import Call, CallerCheckMethod, WrapUp, mask_phone
from server.storage.tables import audit_events, outbox
from tests.conftest import MovableClock

PHONE = "13800138321"
OTHER_PHONE = "13900139321"


def newest_code(database_url: str, phone: str) -> str:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            secrets = connection.execute(
                select(outbox.c.secrets)
                .where(outbox.c.recipient == phone, outbox.c.purpose == "verification_code")
                .order_by(outbox.c.id.desc())
                .limit(1)
            ).scalar_one()
    finally:
        engine.dispose()
    return str(secrets["secret"])


def audit_call_ids(database_url: str, action: str) -> list[str | None]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(audit_events.c.call_id).where(audit_events.c.action == action)
            ).all()
    finally:
        engine.dispose()
    return [row.call_id for row in rows]


async def start_call(api: CentralAPI, application_id: str | None) -> Call:
    return await api.start_call(PHONE, application_id)


async def token_for(
    api: CentralAPI, database_url: str, application_id: str, purpose: Any = "verify_caller"
) -> str:
    started = await api.start_caller_verification(application_id, purpose)
    assert started.phone == mask_phone(PHONE), "the code went to the registered phone, masked"
    return await api.confirm_verification(started.id, newest_code(database_url, PHONE))


async def test_caller_check_by_sms_to_the_registered_phone_then_reveal(
    signed_in: CentralAPI, make_application: Any, database_url: str
) -> None:
    application_id = make_application(status="approved", phone=PHONE)
    call = await start_call(signed_in, application_id)

    with pytest.raises(CallerNotCheckedError) as unchecked:
        await signed_in.reveal(application_id, "admin.mobile", "核对手机号", call_id=call.id)
    assert "核实来电人身份" in unchecked.value.detail

    token = await token_for(signed_in, database_url, application_id)
    checked = await signed_in.check_caller(call.id, verification_token=token)
    assert checked.caller_check is not None
    assert checked.caller_check.method is CallerCheckMethod.SMS
    assert checked.caller_check.phone == mask_phone(PHONE)

    revealed = await signed_in.reveal(application_id, "admin.mobile", "核对手机号", call_id=call.id)
    assert (revealed.field, revealed.value) == ("admin.mobile", PHONE)
    assert audit_call_ids(database_url, "revealed") == [call.id]

    with pytest.raises(FieldInvalidError) as blank:
        await signed_in.reveal(application_id, "admin.mobile", "  ", call_id=call.id)
    assert "原因" in blank.value.detail


async def test_reveal_outside_a_call_about_the_application_is_refused(
    signed_in: CentralAPI, make_application: Any
) -> None:
    application_id = make_application(status="pending", phone=PHONE)
    other_id = make_application(status="pending", phone=OTHER_PHONE)
    call = await start_call(signed_in, other_id)
    await signed_in.check_caller(call.id, waived_reason="来电人是法定代表人")
    with pytest.raises(CallRequiredError):
        await signed_in.reveal(application_id, "admin.email", "核对邮箱", call_id=call.id)


async def test_a_waived_check_needs_a_reason_and_a_call_without_application_is_refused(
    signed_in: CentralAPI, make_application: Any
) -> None:
    application_id = make_application(status="pending", phone=PHONE)
    bare = await start_call(signed_in, None)
    with pytest.raises(CallWithoutApplicationError):
        await signed_in.check_caller(bare.id, waived_reason="登记的手机号已停用")

    call = await start_call(signed_in, application_id)
    with pytest.raises(ValueError):
        await signed_in.check_caller(call.id)
    waived = await signed_in.check_caller(call.id, waived_reason="登记的手机号已停用")
    assert waived.caller_check is not None
    assert waived.caller_check.method is CallerCheckMethod.WAIVED
    assert waived.caller_check.reason == "登记的手机号已停用"


async def test_a_caller_token_for_another_phone_is_a_phone_mismatch(
    signed_in: CentralAPI, make_application: Any, database_url: str
) -> None:
    application_id = make_application(status="pending", phone=PHONE)
    make_application(status="approved", phone=OTHER_PHONE)  # an account: codes may go there
    call = await start_call(signed_in, application_id)
    started = await signed_in.start_verification(OTHER_PHONE, "verify_caller")
    token = await signed_in.confirm_verification(started.id, newest_code(database_url, OTHER_PHONE))
    with pytest.raises(VerificationPhoneMismatchError) as mismatch:
        await signed_in.check_caller(call.id, verification_token=token)
    assert mismatch.value.status == 422


async def test_a_note_is_masked_and_recorded_under_the_call(
    signed_in: CentralAPI, make_application: Any, database_url: str
) -> None:
    application_id = make_application(status="pending", phone=PHONE)
    call = await start_call(signed_in, application_id)
    event = await signed_in.add_note(
        application_id, f"来电人说新号码是 {OTHER_PHONE}，下周再打来", call_id=call.id
    )
    assert event.action == "note" and event.call_id == call.id
    assert OTHER_PHONE not in event.detail and mask_phone(OTHER_PHONE) in event.detail
    timeline = await signed_in.get_events(application_id)
    assert [e.id for e in timeline.items if e.action == "note"] == [event.id]
    with pytest.raises(FieldInvalidError):
        await signed_in.add_note(application_id, "   ")


async def test_password_reset_shows_its_limit_and_never_the_password(
    signed_in: CentralAPI, make_application: Any, database_url: str, clock: MovableClock
) -> None:
    application_id = make_application(status="approved", phone=PHONE)
    application = await signed_in.get_application(application_id)
    assert application.account is not None
    account_id = application.account.id

    before = await signed_in.password_reset_status(account_id)
    assert before.phone == mask_phone(PHONE) and "*" in before.email
    assert before.remaining_today == 3

    token = await token_for(signed_in, database_url, application_id, "reset_password")
    delivery = await signed_in.reset_password(account_id, token)
    assert delivery.model_dump().keys() == before.model_dump().keys()
    assert delivery.remaining_today == 2

    clock.advance(seconds=61)  # another code may go; another reset may not, yet
    again = await token_for(signed_in, database_url, application_id, "reset_password")
    with pytest.raises(RateLimitedError) as limited:
        await signed_in.reset_password(account_id, again)
    assert limited.value.retry_after and limited.value.retry_after > 0


async def test_resend_notice_and_send_documents_answer_deliveries(
    signed_in: CentralAPI, make_application: Any
) -> None:
    approved = make_application(status="approved", phone=PHONE)
    delivery = await signed_in.resend_notice(approved, "approval")
    assert delivery.phone == mask_phone(PHONE) and "*" in delivery.email
    with pytest.raises(TransitionNotAllowedError):
        await signed_in.resend_notice(approved, "rejection")
    with pytest.raises(RateLimitedError):
        await signed_in.resend_notice(approved, "approval")

    sent = await signed_in.send_documents(approved)
    assert "*" in sent.email and sent.remaining_today >= 0


async def test_an_ended_call_takes_no_check(signed_in: CentralAPI, make_application: Any) -> None:
    application_id = make_application(status="pending", phone=PHONE)
    call = await start_call(signed_in, application_id)
    await signed_in.end_call(call.id, WrapUp.RESOLVED)
    with pytest.raises(CallEndedError):
        await signed_in.check_caller(call.id, waived_reason="通话已结束")
