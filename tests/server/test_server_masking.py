"""No response carries a full phone, email or person's name (DESIGN §3, §5)."""

from __future__ import annotations

import httpx

from domain import Address, Admin, Form, Person

ADMIN_PHONE = "13812345678"
LEGAL_REP_PHONE = "13987654321"
ACCOUNT_PHONE = "13711112222"
EMAIL = "xiaomei.zhang@hospital-example.cn"
PEOPLE = ("张晓梅", "欧阳建国")
SECRETS = (ADMIN_PHONE, LEGAL_REP_PHONE, ACCOUNT_PHONE, EMAIL, "xiaomei.zhang", *PEOPLE)


def _form(email: str = EMAIL) -> Form:
    return Form(
        name="越秀区测试医院",
        opened_on="2001-05",
        address=Address(province="440000", city="440100", district="440104", street="1 号"),
        legal_rep=Person(name="欧阳建国", mobile=LEGAL_REP_PHONE),
        admin=Admin(name="张晓梅", mobile=ADMIN_PHONE, email=email),
    )


async def test_no_response_leaks_personal_data(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    ids = [
        make_application(phone=ADMIN_PHONE, form=_form()),
        # An invalid email: its problem sentence must not repeat it either.
        make_application(phone=ADMIN_PHONE, form=_form("xiaomei.zhang@@hospital")),
        make_application(
            status="approved",
            phone=ADMIN_PHONE,
            legal_rep_phone=LEGAL_REP_PHONE,
            account_phone=ACCOUNT_PHONE,
        ),
    ]
    responses = [
        await api_client.get(f"/v1/applications?phone={phone}", headers=auth_headers)
        for phone in (ADMIN_PHONE, LEGAL_REP_PHONE, ACCOUNT_PHONE)
    ]
    for application_id in ids:
        responses.append(
            await api_client.get(f"/v1/applications/{application_id}", headers=auth_headers)
        )
        responses.append(
            await api_client.get(f"/v1/applications/{application_id}/events", headers=auth_headers)
        )
    assert all(response.status_code == 200 for response in responses)
    assert len(responses[0].json()["items"]) == 3
    for response in responses:
        for secret in SECRETS:
            assert secret not in response.text, (response.url, secret)
    detail = responses[3].json()
    assert detail["form"]["legal_rep"]["name"] == "欧阳**"
    assert detail["form"]["admin"]["email"] == "x***@hospital-example.cn"
