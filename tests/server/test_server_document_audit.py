"""An operator's copy of a generated document (full personal data) is on the timeline."""

from __future__ import annotations

import httpx

from domain import Admin, Form


async def test_an_operator_download_is_audited_with_who_and_which(
    api_client: httpx.AsyncClient, auth_headers, make_application, operator_credentials
) -> None:
    app_id = make_application(status="draft", phone="13800138021")
    for name in ("info-form.pdf", "consent.pdf"):
        response = await api_client.get(
            f"/v1/applications/{app_id}/documents/{name}", headers=auth_headers
        )
        assert response.status_code == 200
    events = await api_client.get(f"/v1/applications/{app_id}/events", headers=auth_headers)
    downloads = [e for e in events.json()["items"] if e["action"] == "document_downloaded"]
    assert [e["actor"] for e in downloads] == [operator_credentials.username] * 2
    assert "《医疗机构信息收集表》" in downloads[0]["detail"]
    assert "《系统使用须知及同意书》" in downloads[1]["detail"]


async def test_a_refused_document_writes_no_download_line(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    half_filled = Form(name="半填的医院", admin=Admin(mobile="13800138022"))
    app_id = make_application(status="draft", phone="13800138022", form=half_filled)
    response = await api_client.get(
        f"/v1/applications/{app_id}/documents/info-form.pdf", headers=auth_headers
    )
    assert response.status_code == 422
    events = await api_client.get(f"/v1/applications/{app_id}/events", headers=auth_headers)
    assert all(e["action"] != "document_downloaded" for e in events.json()["items"])
