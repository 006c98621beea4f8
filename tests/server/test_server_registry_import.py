"""`POST /v1/registry/imports`: the HQMS office's list of institutions already in HQMS.

Administrators only, audited, idempotent; every bad line named with its number and reason; the
encodings the office's lists come in. Then the lookups the list feeds: `GET /v1/codes/{code}` by
any of the three numbers a caller reads out, and the search by code.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from domain import credit_check_char, make_institution_code
from server.storage.tables import audit_events, hqms_registry
from tests.conftest import ApplicationFactory, OperatorFactory, valid_form
from tests.server.review_helpers import database_of, headers_for

FULL = make_institution_code("45038862", "440104", "11", "A100", "1")
ORGANIZATION = make_institution_code("12345678", "110101", "11", "A100", "1")[:9]
CREDITED = make_institution_code("56781234", "320102", "11", "A100", "1")[:9]
CREDIT_CODE = "12320102" + CREDITED + credit_check_char("12320102" + CREDITED)
REGISTRATION_NUMBER = "44010420001234567" + (
    "1" if credit_check_char("44010420001234567") != "1" else "2"
)

LISTING = f"""机构代码,机构名称
{FULL},广州市越秀区第二人民医院
{ORGANIZATION},北京市东城区某某医院

{CREDIT_CODE},南京市玄武区某某卫生院
{REGISTRATION_NUMBER},某省登记号医院
{FULL[:9]}-{FULL[9:]},重复的广州医院
4503886204401041,太短的代码
,没有代码的医院
{make_institution_code("87654321", "440104", "11", "A100", "1")},
"""


def admin(api_app: Any, make_operator: OperatorFactory) -> dict[str, str]:
    return headers_for(api_app, make_operator, username="guanliyuan", role="admin")


async def post_list(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    content: bytes,
    filename: str = "hqms.csv",
) -> httpx.Response:
    files = {"file": (filename, content, "text/csv")}
    return await client.post("/v1/registry/imports", headers=headers, files=files)


def registry_rows(api_app: Any) -> dict[str, tuple[str, str]]:
    statement = select(hqms_registry.c.code, hqms_registry.c.name, hqms_registry.c.organization)
    rows = database_of(api_app).run_sync(lambda s: s.execute(statement).all())
    return {code: (name, organization) for code, name, organization in rows}


def import_events(api_app: Any) -> list[Any]:
    statement = select(audit_events).where(audit_events.c.action == "registry_imported")
    return list(database_of(api_app).run_sync(lambda s: s.execute(statement).all()))


@pytest.mark.parametrize("role", ["operator", "reviewer"])
async def test_only_administrators_may_import(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory, role: str
) -> None:
    headers = headers_for(api_app, make_operator, username=f"not-{role}", role=role)
    refused = await post_list(api_client, headers, LISTING.encode())
    assert refused.status_code == 403
    assert refused.json()["code"] == "role_required"
    assert (await post_list(api_client, {}, LISTING.encode())).status_code == 401
    assert registry_rows(api_app) == {}
    assert import_events(api_app) == []


async def test_import_counts_every_line_and_names_each_rejected_one(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory
) -> None:
    response = await post_list(api_client, admin(api_app, make_operator), LISTING.encode())
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["lines"], result["added"], result["updated"], result["unchanged"]) == (
        8,
        3,
        0,
        0,
    )
    rejected = {line["line"]: line for line in result["rejected"]}
    assert sorted(rejected) == [6, 7, 8, 9, 10]
    assert rejected[6]["code"] == "code_is_registration_number"
    assert (rejected[7]["code"], rejected[7]["params"]) == ("registry_duplicate", {"line": 2})
    assert rejected[7]["message"] == "与第 2 行的机构代码重复。"
    assert rejected[8]["code"] == "code_length"
    assert (rejected[9]["field"], rejected[9]["code"]) == ("code", "registry_code_missing")
    assert (rejected[10]["field"], rejected[10]["message"]) == ("name", "缺少机构名称。")
    # A full code is kept whole, an organization code as it is, a credit code as the
    # organization code inside it; each row knows its organization code.
    assert registry_rows(api_app) == {
        FULL: ("广州市越秀区第二人民医院", FULL[:9]),
        ORGANIZATION: ("北京市东城区某某医院", ORGANIZATION),
        CREDITED: ("南京市玄武区某某卫生院", CREDITED),
    }


async def test_import_is_audited_with_its_counts(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory
) -> None:
    await post_list(api_client, admin(api_app, make_operator), LISTING.encode(), "名单.csv")
    (event,) = import_events(api_app)
    assert event.actor == "guanliyuan"
    assert event.application_id is None
    assert event.params == {
        "filename": "名单.csv",
        "lines": 8,
        "added": 3,
        "updated": 0,
        "unchanged": 0,
        "rejected": 5,
    }


async def test_importing_again_changes_nothing_and_a_new_name_renames(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory
) -> None:
    headers = admin(api_app, make_operator)
    first = (await post_list(api_client, headers, LISTING.encode())).json()
    before = registry_rows(api_app)
    again = (await post_list(api_client, headers, LISTING.encode())).json()
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert again["rejected"] == first["rejected"]
    assert registry_rows(api_app) == before
    renamed = f"{FULL},广州市越秀区第二人民医院（新院名）\n".encode()
    result = (await post_list(api_client, headers, renamed)).json()
    assert (result["added"], result["updated"], result["unchanged"]) == (0, 1, 0)
    assert registry_rows(api_app)[FULL][0] == "广州市越秀区第二人民医院（新院名）"
    assert len(registry_rows(api_app)) == 3  # a shorter list takes nobody off the registry


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
async def test_the_offices_encodings_are_read(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory, encoding: str
) -> None:
    lines = [
        "机构代码,机构名称",
        f"{FULL},广州市越秀区第二人民医院",
        f"{ORGANIZATION},北京市东城区某某医院",
    ]
    listing = "\r\n".join(lines) + "\r\n"
    response = await post_list(api_client, admin(api_app, make_operator), listing.encode(encoding))
    assert response.status_code == 200, response.text
    assert (response.json()["added"], response.json()["rejected"]) == (2, [])
    assert registry_rows(api_app)[FULL][0] == "广州市越秀区第二人民医院"
    assert registry_rows(api_app)[ORGANIZATION][0] == "北京市东城区某某医院"


async def test_tab_separated_lists_are_read(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory
) -> None:
    listing = f"{FULL}\t广州市越秀区第二人民医院\t广东省\n".encode()
    result = (await post_list(api_client, admin(api_app, make_operator), listing)).json()
    assert (result["added"], result["rejected"]) == (1, [])


async def test_a_file_that_is_not_a_list_is_refused_whole(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory
) -> None:
    spreadsheet = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))
    response = await post_list(api_client, admin(api_app, make_operator), spreadsheet, "名单.xlsx")
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == "file"
    assert body["errors"][0]["code"] == "registry_not_text"
    assert "CSV" in body["detail"]
    assert registry_rows(api_app) == {}
    assert import_events(api_app) == []


async def test_rejected_lines_are_said_in_the_requests_language(
    api_app: Any, api_client: httpx.AsyncClient, make_operator: OperatorFactory
) -> None:
    headers = {**admin(api_app, make_operator), "Accept-Language": "en"}
    result = (await post_list(api_client, headers, LISTING.encode())).json()
    messages = {line["line"]: line["message"] for line in result["rejected"]}
    assert messages[7] == "Same institution code as line 2."
    assert messages[10] == "The institution name is missing."


async def test_any_number_the_caller_reads_finds_the_institution(
    api_app: Any,
    api_client: httpx.AsyncClient,
    make_operator: OperatorFactory,
    auth_headers: dict[str, str],
) -> None:
    """The registry matches by organization code: the full code, the organization code alone
    and the credit code that contains it all name the same institution."""
    await post_list(
        api_client, admin(api_app, make_operator), f"{FULL},广州市越秀区第二人民医院".encode()
    )
    credit = "12440104" + FULL[:9] + credit_check_char("12440104" + FULL[:9])
    other_suffix = FULL[:9] + "440103" + FULL[15:]
    for number in (FULL, FULL[:9], f"{FULL[:8]}-{FULL[8]}", credit, other_suffix):
        check = (await api_client.get(f"/v1/codes/{number}", headers=auth_headers)).json()
        assert check["in_hqms"] is True, number
        assert check["hqms_name"] == "广州市越秀区第二人民医院"
        assert check["organization"] == FULL[:9]
    unknown = (await api_client.get(f"/v1/codes/{ORGANIZATION}", headers=auth_headers)).json()
    assert (unknown["in_hqms"], unknown["organization"]) == (False, ORGANIZATION)
    number = (await api_client.get(f"/v1/codes/{REGISTRATION_NUMBER}", headers=auth_headers)).json()
    assert (number["in_hqms"], number["organization"]) == (False, "")


async def test_search_by_credit_code_finds_the_organizations_applications(
    api_client: httpx.AsyncClient,
    auth_headers: dict[str, str],
    make_application: ApplicationFactory,
) -> None:
    form = valid_form(7, phone="13800138000", legal_rep_phone="13900139000")
    application_id = make_application(status="approved", form=form)
    organization = form.code[:9]
    credit = "12440104" + organization + credit_check_char("12440104" + organization)
    for number in (form.code, organization, credit):
        page = (
            await api_client.get("/v1/applications", params={"code": number}, headers=auth_headers)
        ).json()
        assert [item["id"] for item in page["items"]] == [application_id], number
        assert page["items"][0]["account"]["login_name"]
