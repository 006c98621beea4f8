"""Every method of `CentralAPI` against the real in-process API."""

from __future__ import annotations

from typing import Any

import pytest

from client import (
    CentralAPI,
    FieldInvalidError,
    InvalidRequestError,
    NotFoundError,
    UnauthorizedError,
)
from domain import CodeCheck, Status, make_institution_code
from server.storage.writes import upsert_registry

PHONE = "13800138123"


async def test_login_stores_the_token_and_logout_ends_it(
    central: CentralAPI, operator_credentials: Any
) -> None:
    grant = await central.login(operator_credentials.username, operator_credentials.password)
    assert central.token == grant.access_token
    assert grant.operator.username == operator_credentials.username
    await central.search_applications(phone=PHONE)
    token = central.token
    await central.logout()
    assert not central.signed_in
    central.token = token
    with pytest.raises(UnauthorizedError):
        await central.search_applications(phone=PHONE)


async def test_wrong_password_is_unauthorized_with_a_sentence(
    central: CentralAPI, operator_credentials: Any
) -> None:
    with pytest.raises(UnauthorizedError) as caught:
        await central.login(operator_credentials.username, "not the password")
    assert caught.value.status == 401
    assert "密码" in caught.value.detail
    assert not central.signed_in


async def test_search_without_token_is_unauthorized(central: CentralAPI) -> None:
    with pytest.raises(UnauthorizedError) as caught:
        await central.search_applications(phone=PHONE)
    assert caught.value.detail


async def test_health(central: CentralAPI) -> None:
    health = await central.health()
    assert health.status == "ok"


async def test_search_get_and_events(signed_in: CentralAPI, make_application: Any) -> None:
    pending_id = make_application(status="pending", phone=PHONE)
    make_application(status="draft", phone="13800138124")
    page = await signed_in.search_applications(phone=PHONE)
    assert [summary.id for summary in page.items] == [pending_id]
    summary = page.items[0]
    assert summary.status is Status.PENDING
    assert summary.phone == "138****8123"

    application = await signed_in.get_application(pending_id)
    assert application.id == pending_id
    assert signed_in.revision == application.revision
    assert signed_in.etag_for(pending_id) == f'"{application.revision}"'
    assert application.form.admin.mobile == "138****8123"

    events = await signed_in.get_events(pending_id)
    assert isinstance(events.items, list)


async def test_search_by_status_and_pasted_phone(
    signed_in: CentralAPI, make_application: Any
) -> None:
    make_application(status="pending", phone=PHONE)
    approved = make_application(status="approved", phone=PHONE)
    page = await signed_in.search_applications(phone="+86 138-0013-8123", status=Status.APPROVED)
    assert [summary.id for summary in page.items] == [approved]


async def test_cursor_paging(signed_in: CentralAPI, make_application: Any) -> None:
    ids = {make_application(status="rejected", phone=PHONE) for _ in range(3)}
    first = await signed_in.search_applications(phone=PHONE, limit=2)
    assert len(first.items) == 2 and first.next_cursor
    second = await signed_in.search_applications(phone=PHONE, limit=2, cursor=first.next_cursor)
    assert {s.id for s in first.items} | {s.id for s in second.items} == ids


async def test_unknown_application_is_not_found_with_a_sentence(signed_in: CentralAPI) -> None:
    with pytest.raises(NotFoundError) as caught:
        await signed_in.get_application("ZZZZ-ZZZZ")
    assert caught.value.status == 404
    assert caught.value.detail


async def test_bad_phone_is_refused_with_the_field_named(signed_in: CentralAPI) -> None:
    with pytest.raises(FieldInvalidError) as caught:
        await signed_in.search_applications(phone="12345")
    assert caught.value.status == 422
    assert "11 位" in caught.value.detail
    assert [problem.field for problem in caught.value.errors] == ["phone"]


async def test_request_validation_error_is_an_invalid_request(signed_in: CentralAPI) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await signed_in.search_applications(phone=PHONE, limit=1000)
    assert caught.value.status == 422
    assert caught.value.detail


async def test_check_code_and_regions(signed_in: CentralAPI) -> None:
    code = make_institution_code("45038862", "440104", "11", "A100", "1")
    report = await signed_in.check_code(code)
    assert report.valid
    assert report.normalized == code
    assert (report.in_hqms, report.organization) == (False, code[:9])
    tree = await signed_in.regions()
    assert any(region.code == "440000" for region in tree.items)


async def test_check_code_keeps_what_the_registry_says(signed_in: CentralAPI, api_app: Any) -> None:
    code = make_institution_code("45038862", "440104", "11", "A100", "1")

    def register(session: Any) -> None:
        upsert_registry(
            session,
            [{"code": code[:9], "name": "广州市越秀区第二人民医院", "organization": code[:9]}],
        )
        session.commit()

    api_app.state.context.database.run_sync(register)
    check = await signed_in.check_code(code)
    assert isinstance(check, CodeCheck)
    assert (check.in_hqms, check.hqms_name, check.hqms_code) == (
        True,
        "广州市越秀区第二人民医院",
        "already_in_hqms",
    )
