"""The API once over a real loopback socket: uvicorn in a thread, httpx over TCP."""

from __future__ import annotations

import httpx


def test_login_and_search_over_tcp(served_url: str, operator_credentials, make_application):
    application_id = make_application(phone="13800138000")
    with httpx.Client(base_url=served_url, timeout=10) as client:
        grant = client.post(
            "/v1/auth/token",
            json={
                "username": operator_credentials.username,
                "password": operator_credentials.password,
            },
        )
        assert grant.status_code == 200
        headers = {"Authorization": f"Bearer {grant.json()['access_token']}"}
        found = client.get("/v1/applications", params={"phone": "13800138000"}, headers=headers)
        assert found.status_code == 200
        assert [item["id"] for item in found.json()["items"]] == [application_id]
        missing = client.get("/v1/nowhere")
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"
