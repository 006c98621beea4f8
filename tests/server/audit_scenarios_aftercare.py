"""Audit scenarios (see `audit_scenarios`) of the routes after registration: institution
accounts and password resets, hotline calls, notes and reveals."""

from __future__ import annotations

from tests.server.account_helpers import approved_account, bearer, confirmed_token, sign_in
from tests.server.audit_scenarios import APPLICATION, PHONE, Request, Stage, scenario
from tests.server.recovery_helpers import newest_link, token_of

CALL = "/v1/calls/{call_id}"

# Institution accounts.


@scenario("POST", "/v1/accounts/login", "account_signed_in")
async def _account_sign_in(stage: Stage) -> Request:
    account = await approved_account(
        stage.client, stage.app, stage.make_operator, stage.make_application, PHONE
    )
    body = {"login": account.login_name, "password": account.password}
    return Request("POST", "/v1/accounts/login", json=body)


@scenario("POST", "/v1/accounts/me/password", "password_changed")
async def _change_password(stage: Stage) -> Request:
    account = await approved_account(
        stage.client, stage.app, stage.make_operator, stage.make_application, PHONE
    )
    signed_in = await sign_in(stage.client, account.login_name, account.password)
    assert signed_in.status_code == 200, signed_in.text
    body = {"current_password": account.password, "new_password": "Xinmima2026abc"}
    return Request(
        "POST", "/v1/accounts/me/password", bearer(signed_in.json()["session_token"]), body
    )


@scenario("POST", "/v1/accounts/{account_id}/password-reset", "password_reset")
async def _reset_password(stage: Stage) -> Request:
    account = await approved_account(
        stage.client, stage.app, stage.make_operator, stage.make_application, PHONE
    )
    token = await confirmed_token(
        stage.client,
        stage.app,
        stage.bearer,
        purpose="reset_password",
        phone=PHONE,
        application_id=account.application_id,
    )
    path = f"/v1/accounts/{account.account_id}/password-reset"
    return Request("POST", path, stage.in_call, {"verification_token": token})


@scenario("POST", "/v1/accounts/password-recovery", "password_recovery_sent")
async def _ask_for_recovery(stage: Stage) -> Request:
    stage.make_application(status="approved", phone=PHONE)
    return Request("POST", "/v1/accounts/password-recovery", json={"login": PHONE})


@scenario("POST", "/v1/accounts/password-recovery/{token}", "password_recovered")
async def _recover(stage: Stage) -> Request:
    stage.make_application(status="approved", phone=PHONE)
    asked = await stage.client.post("/v1/accounts/password-recovery", json={"login": PHONE})
    assert asked.status_code == 202, asked.text
    token = token_of(newest_link(stage.app))
    path = f"/v1/accounts/password-recovery/{token}"
    return Request("POST", path, json={"new_password": "Xinmima2026abc"})


@scenario("POST", "/v1/accounts/{account_id}/password-recovery", "password_recovery_resent")
async def _resend_recovery(stage: Stage) -> Request:
    app_id = stage.make_application(status="approved", phone=PHONE)
    await stage.call_about(app_id)
    detail = await stage.client.get(f"/v1/applications/{app_id}", headers=stage.bearer)
    path = f"/v1/accounts/{detail.json()['account']['id']}/password-recovery"
    return Request("POST", path, stage.in_call, {})


# Calls: the kiosk starts one without a call header (none is open yet); the others name the
# call they act on in the header as well.


@scenario("POST", "/v1/calls", "call_started")
async def _start_call(stage: Stage) -> Request:
    app_id = stage.make_application(status="approved", phone=PHONE)
    return Request("POST", "/v1/calls", stage.bearer, {"phone": PHONE, "application_id": app_id})


@scenario("POST", CALL + "/application", "call_attached")
async def _attach_call(stage: Stage) -> Request:
    app_id = stage.make_application(status="approved", phone=PHONE)
    path = f"/v1/calls/{stage.call_id}/application"
    return Request("POST", path, stage.in_call, {"application_id": app_id})


@scenario("POST", CALL + "/caller-check", "caller_not_verified")
async def _check_caller(stage: Stage) -> Request:
    await stage.call_about(stage.make_application(status="approved", phone=PHONE))
    path = f"/v1/calls/{stage.call_id}/caller-check"
    return Request("POST", path, stage.in_call, {"waived_reason": "来电人在外地，手机不在身边"})


@scenario("POST", CALL + "/end", "call_ended_note")
async def _end_call(stage: Stage) -> Request:
    await stage.call_about(stage.make_application(status="approved", phone=PHONE))
    body = {"wrap_up": "resolved", "note": "已告知审核进度"}
    return Request("POST", f"/v1/calls/{stage.call_id}/end", stage.in_call, body)


# The call record on an application.


@scenario("POST", APPLICATION + "/notes", "note")
async def _add_note(stage: Stage) -> Request:
    app_id = stage.make_application(status="pending", phone=PHONE)
    body = {"text": "来电询问审核进度，已告知预计三个工作日内完成"}
    return Request("POST", f"/v1/applications/{app_id}/notes", stage.in_call, body)


@scenario("POST", APPLICATION + "/reveal", "revealed_unchecked")
async def _reveal(stage: Stage) -> Request:
    app_id = stage.make_application(status="approved", phone=PHONE)
    await stage.call_about(app_id, checked=True)
    body = {"field": "admin.email", "reason": "来电人核对邮箱是否登记正确"}
    return Request("POST", f"/v1/applications/{app_id}/reveal", stage.in_call, body)
