"""`Idempotency-Key` (DESIGN §3): a retry replays the first response and nothing runs twice;
another body with the same key is a 422; keys are kept 24 hours, per actor."""

from __future__ import annotations

import httpx

from server.storage.tables import idempotency_keys, outbox
from tests.server.registration_helpers import (
    PDF,
    application_row,
    blob_count,
    count,
    sms_code,
    start_application,
    upload,
    verified_token,
)

PHONE = "13300133000"


async def test_a_retried_send_replays_the_first_response(
    api_app, api_client: httpx.AsyncClient, clock
) -> None:
    key = {"Idempotency-Key": "send-1"}
    body = {"phone": PHONE, "purpose": "register"}
    first = await api_client.post("/v1/verifications", json=body, headers=key)
    retry = await api_client.post("/v1/verifications", json=body, headers=key)
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry.headers["idempotent-replayed"] == "true"
    assert count(api_app, outbox) == 1  # one SMS, not two (and no 429 for the retry)
    other = await api_client.post(
        "/v1/verifications", json={"phone": "13300133001", "purpose": "register"}, headers=key
    )
    assert other.status_code == 422
    assert other.json()["type"] == "urn:hqms:problem:idempotency_mismatch"
    assert count(api_app, outbox) == 1
    # After 24 hours the key is forgotten: the same request runs anew.
    clock.advance(hours=24, seconds=1)
    later = await api_client.post("/v1/verifications", json=body, headers=key)
    assert later.status_code == 201 and later.json()["id"] != first.json()["id"]
    assert count(api_app, outbox) == 2


async def test_a_retried_submit_and_upload_do_not_double(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    path = f"/v1/applications/{app['id']}"
    first = await upload(api_client, app["id"], "license", {**headers, "Idempotency-Key": "up-1"})
    # A new multipart boundary, the same parts: still the same request.
    retry = await upload(api_client, app["id"], "license", {**headers, "Idempotency-Key": "up-1"})
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert blob_count(api_app) == 1
    changed = await upload(
        api_client,
        app["id"],
        "license",
        {**headers, "Idempotency-Key": "up-1"},
        content=PDF + b"%another page",
    )
    assert (
        changed.status_code == 422
        and changed.json()["type"] == "urn:hqms:problem:idempotency_mismatch"
    )

    # A failure is not stored: fixing the request and retrying with the key runs it.
    submit_key = {**headers, "Idempotency-Key": "submit-1"}
    missing = await api_client.post(f"{path}/submit", headers=submit_key)
    assert missing.status_code == 428
    blocked = await api_client.post(f"{path}/submit", headers={**submit_key, "If-Match": '"1"'})
    assert (
        blocked.status_code == 422 and blocked.json()["type"] == "urn:hqms:problem:submit_blocked"
    )
    assert count(api_app, idempotency_keys) == 1  # only the upload's response


async def test_a_replayed_application_keeps_its_etag_and_location(
    api_app, api_client: httpx.AsyncClient
) -> None:
    token = await verified_token(api_client, api_app, PHONE)
    key = {"Idempotency-Key": "start-1"}
    first = await api_client.post(
        "/v1/applications", json={"verification_token": token}, headers=key
    )
    retry = await api_client.post(
        "/v1/applications", json={"verification_token": token}, headers=key
    )
    assert first.status_code == retry.status_code == 201  # not 409 verification_used
    assert retry.json()["id"] == first.json()["id"]
    assert retry.headers["etag"] == first.headers["etag"] == '"1"'
    assert retry.headers["location"] == first.headers["location"]
    assert application_row(api_app, first.json()["id"]).revision == 1


async def test_keys_belong_to_their_actor(
    api_app, api_client: httpx.AsyncClient, auth_headers
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    key = "shared-key"
    mine = await upload(api_client, app["id"], "license", {**headers, "Idempotency-Key": key})
    theirs = await upload(
        api_client, app["id"], "consent", {**auth_headers, "Idempotency-Key": key}
    )
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    empty = await upload(api_client, app["id"], "info_form", {**headers, "Idempotency-Key": " "})
    assert empty.status_code == 422 and "Idempotency-Key" in empty.json()["detail"]
    assert count(api_app, idempotency_keys) == 2


async def test_responses_carrying_a_secret_are_never_stored(
    api_app, api_client: httpx.AsyncClient
) -> None:
    sent = await api_client.post("/v1/verifications", json={"phone": PHONE, "purpose": "register"})
    confirmed = await api_client.post(
        f"/v1/verifications/{sent.json()['id']}/confirm",
        json={"code": sms_code(api_app, PHONE)},
        headers={"Idempotency-Key": "confirm-1"},
    )
    assert confirmed.status_code == 200
    assert count(api_app, idempotency_keys) == 0  # the token is in no table
