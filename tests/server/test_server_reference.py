"""`GET /v1/codes/{code}` and `GET /v1/regions`."""

from __future__ import annotations

import httpx
from sqlalchemy import insert

from domain import make_institution_code
from server.storage.tables import hqms_registry

CODE = make_institution_code("45038862", "440104", "11", "A100", "1")


async def test_valid_code_is_decoded(api_client: httpx.AsyncClient, auth_headers) -> None:
    response = await api_client.get(
        f"/v1/codes/{CODE[:9]}-{CODE[9:].lower()}", headers=auth_headers
    )
    assert response.status_code == 200
    report = response.json()
    assert report["valid"] is True
    assert report["normalized"] == CODE
    labels = {segment["name"]: segment["label"] for segment in report["segments"]}
    assert labels["division"] == "广东省广州市越秀区"
    assert labels["category"] == "综合医院"
    assert report["in_hqms"] is False


async def test_wrong_check_character_is_a_warning(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    check = CODE[8]
    wrong = CODE[:8] + ("0" if check != "0" else "1") + CODE[9:]
    report = (await api_client.get(f"/v1/codes/{wrong}", headers=auth_headers)).json()
    assert report["valid"] is True
    assert report["errors"] == []
    assert report["warnings"]
    assert "校验" in report["warnings"][0]["message"]


async def test_credit_code_is_recognized(api_client: httpx.AsyncClient, auth_headers) -> None:
    report = (await api_client.get("/v1/codes/91350100M000100Y43", headers=auth_headers)).json()
    assert report["valid"] is False
    assert report["recognized_as"] == "credit_code"
    assert "统一社会信用代码" in report["errors"][0]["message"]


async def test_registry_membership_is_flagged(
    api_app, api_client: httpx.AsyncClient, auth_headers
) -> None:
    def register(session) -> None:
        session.execute(insert(hqms_registry).values(code=CODE[:9], name="广州市第一人民医院"))
        session.commit()

    api_app.state.context.database.run_sync(register)
    report = (await api_client.get(f"/v1/codes/{CODE}", headers=auth_headers)).json()
    assert report["in_hqms"] is True
    assert report["hqms_name"] == "广州市第一人民医院"
    assert report["hqms_code"] == "already_in_hqms"


async def test_codes_need_a_login(api_client: httpx.AsyncClient) -> None:
    assert (await api_client.get(f"/v1/codes/{CODE}")).status_code == 401


async def test_regions_is_the_division_tree(api_client: httpx.AsyncClient, auth_headers) -> None:
    response = await api_client.get("/v1/regions", headers=auth_headers)
    assert response.status_code == 200
    tree = response.json()
    provinces = {item["code"]: item for item in tree["items"]}
    assert provinces["440000"]["name"] == "广东省"
    guangzhou = next(c for c in provinces["440000"]["children"] if c["code"] == "440100")
    assert any(d["name"] == "越秀区" for d in guangzhou["children"])
    assert len(provinces) >= 31
