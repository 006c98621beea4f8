"""The API once over a real loopback socket: uvicorn in a thread, httpx over TCP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served_url(api_app) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(api_app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    assert not thread.is_alive()


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
