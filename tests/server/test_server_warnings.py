"""Warnings stay visible until confirmed: a draft's unconfirmed warnings (a wrong check
character, a retired division, a code whose division differs from the address) are among the
application's `problems` with `warning: true`, never blocking submit; confirming one (a new
code in `confirmed_warnings`) takes it off and is recorded on the timeline by name, and so is
withdrawing it. The reviewer of a pending application sees what is still unconfirmed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from domain import Form, make_institution_code
from tests.conftest import valid_form
from tests.server.review_helpers import (
    REVIEWER,
    add_scan,
    database_of,
    headers_for,
    if_match,
)

PHONE = "13800138000"
WRONG_CHECK = "450388625" + make_institution_code("45038862", "440104", "11", "A100", "1")[9:]
"""A code whose 9th character is not the GB 11714 check character (its warning)."""
MOVED = make_institution_code("45038862", "440106", "11", "A100", "1")
"""A code of 天河区 on a form whose address is in 越秀区 (its warning)."""


def _form(code: str, *confirmed: str) -> Form:
    form = valid_form(1, phone=PHONE, legal_rep_phone="13900139000")
    form.code = code
    form.confirmed_warnings = list(confirmed)
    return form


def _warnings(application: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["field"], p["code"]) for p in application["problems"] if p["warning"]]


async def _save(
    client: httpx.AsyncClient, app_id: str, form: Form, headers: dict[str, str], revision: int
) -> dict[str, Any]:
    response = await client.put(
        f"/v1/applications/{app_id}/form",
        json=form.model_dump(mode="json"),
        headers=if_match(revision, headers),
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _events(
    client: httpx.AsyncClient, app_id: str, headers: dict[str, str]
) -> list[dict[str, Any]]:
    response = await client.get(f"/v1/applications/{app_id}/events", headers=headers)
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_drafts_unconfirmed_warning_is_a_problem_until_confirmed(
    api_client: httpx.AsyncClient, auth_headers: dict[str, str], make_application: Any
) -> None:
    app_id = make_application(status="draft", phone=PHONE, form=_form(WRONG_CHECK))
    detail = (await api_client.get(f"/v1/applications/{app_id}", headers=auth_headers)).json()
    [warning] = [p for p in detail["problems"] if p["warning"]]
    assert (warning["field"], warning["code"]) == ("code", "code_check_char")
    assert "校验" in warning["message"]
    # Beside it: the three scans still missing, which do block.
    assert {p["field"] for p in detail["problems"] if not p["warning"]} == {
        "files.info_form",
        "files.consent",
        "files.license",
    }

    saved = await _save(api_client, app_id, _form(WRONG_CHECK, "code_check_char"), auth_headers, 1)
    assert _warnings(saved) == []
    assert saved["form"]["confirmed_warnings"] == ["code_check_char"]
    [confirmed] = (await _events(api_client, app_id, auth_headers))[-1:]
    assert (confirmed["action"], confirmed["params"]) == (
        "warning_confirmed",
        {"warning": "code_check_char"},
    )
    assert confirmed["detail"] == "已核对执业许可证，确认提醒：校验码与许可证一致"
    assert confirmed["changes"] == [], "a confirmation is no change of the institution's data"
    english = await api_client.get(
        f"/v1/applications/{app_id}/events", headers={**auth_headers, "Accept-Language": "en"}
    )
    assert english.json()["items"][-1]["detail"] == (
        "Licence checked, warning confirmed: check character as on the licence"
    )

    withdrawn = await _save(api_client, app_id, _form(WRONG_CHECK), auth_headers, 2)
    assert _warnings(withdrawn) == [("code", "code_check_char")]
    last = (await _events(api_client, app_id, auth_headers))[-1]
    assert (last["action"], last["params"]) == (
        "warning_confirmation_withdrawn",
        {"warning": "code_check_char"},
    )


async def test_a_confirmation_of_a_warning_the_form_lacks_is_not_kept(
    api_client: httpx.AsyncClient, auth_headers: dict[str, str], make_application: Any
) -> None:
    """Kept, it would hide the next warning of its kind before anyone read it."""
    app_id = make_application(status="draft", phone=PHONE, form=_form(WRONG_CHECK))
    form = _form(MOVED, "code_check_char", "code_division_address_mismatch")
    saved = await _save(api_client, app_id, form, auth_headers, 1)
    assert saved["form"]["confirmed_warnings"] == ["code_division_address_mismatch"]
    assert _warnings(saved) == []
    actions = [(e["action"], e["params"]) for e in await _events(api_client, app_id, auth_headers)]
    assert actions[-2:] == [
        ("form_saved", {"fields": ["code"]}),
        ("warning_confirmed", {"warning": "code_division_address_mismatch"}),
    ]
    # The code corrected back to one with a wrong check character: its warning shows again.
    again = await _save(api_client, app_id, _form(WRONG_CHECK), auth_headers, 2)
    assert _warnings(again) == [("code", "code_check_char")]


async def test_an_unconfirmed_warning_never_blocks_submit_and_the_reviewer_sees_it(
    api_client: httpx.AsyncClient,
    api_app: Any,
    auth_headers: dict[str, str],
    make_operator: Any,
    make_application: Any,
) -> None:
    app_id = make_application(status="draft", phone=PHONE, form=_form(MOVED))
    for kind in ("info_form", "consent", "license"):
        add_scan(database_of(api_app), app_id, kind)
    submitted = await api_client.post(
        f"/v1/applications/{app_id}/submit", json={}, headers=if_match(1, auth_headers)
    )
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["status"] == "pending"
    reviewer = headers_for(api_app, make_operator, username=REVIEWER, role="reviewer")
    pending = (await api_client.get(f"/v1/applications/{app_id}", headers=reviewer)).json()
    assert _warnings(pending) == [("code", "code_division_address_mismatch")]


@pytest.mark.parametrize(
    ("code", "warning"),
    [
        (WRONG_CHECK, "code_check_char"),
        (make_institution_code("45038862", "440102", "11", "A100", "1"), "code_division_unknown"),
        (MOVED, "code_division_address_mismatch"),
    ],
)
async def test_each_warning_is_listed_with_its_code(
    api_client: httpx.AsyncClient,
    auth_headers: dict[str, str],
    make_application: Any,
    code: str,
    warning: str,
) -> None:
    app_id = make_application(status="draft", phone=PHONE, form=_form(code))
    detail = (await api_client.get(f"/v1/applications/{app_id}", headers=auth_headers)).json()
    assert ("code", warning) in _warnings(detail)
