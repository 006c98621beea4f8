"""The stamped scans: JPG/PDF by content, ≤ 5 MB, one per kind, at most three, safe names,
drafts only; download for reviewers (DESIGN §2, §5)."""

from __future__ import annotations

import httpx

from domain import FileKind
from server.services.files import MAX_FILE_BYTES, safe_filename
from tests.server.call_helpers import problem as _problem
from tests.server.registration_helpers import (
    JPG,
    PDF,
    application_row,
    blob_count,
    event_rows,
    file_count,
    start_application,
    upload,
)

PHONE = "13400134000"


async def test_an_upload_is_stored_with_a_safe_name_and_can_be_downloaded(
    api_app, api_client: httpx.AsyncClient, auth_headers
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    response = await upload(
        api_client, app["id"], "license", headers, content=JPG, filename="../../etc/许可证 扫描.pdf"
    )
    assert response.status_code == 201, response.text
    info = response.json()
    assert info["kind"] == "license" and info["size"] == len(JPG) and info["stale"] is False
    assert info["filename"] == "许可证_扫描.jpg"  # path dropped; extension follows the content
    assert len(info["sha256"]) == 64
    assert application_row(api_app, app["id"]).revision == 1  # uploads need no If-Match
    [event] = [e for e in event_rows(api_app, app["id"]) if e.action == "file_uploaded"]
    assert "许可证_扫描.jpg" in event.detail
    # A reviewer (any operator) reads the scan back, typed by its content.
    scan = await api_client.get(
        f"/v1/applications/{app['id']}/files/{info['id']}", headers=auth_headers
    )
    assert scan.status_code == 200
    assert scan.content == JPG and scan.headers["content-type"] == "image/jpeg"
    detail = (await api_client.get(f"/v1/applications/{app['id']}", headers=headers)).json()
    assert [f["id"] for f in detail["files"]] == [info["id"]]


async def test_too_large_and_disguised_files_are_refused_and_not_stored(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    oversize = PDF + b"0" * MAX_FILE_BYTES
    body = _problem(
        await upload(api_client, app["id"], "info_form", headers, content=oversize),
        413,
        "file_too_large",
    )
    assert "5 MB" in body["detail"]
    disguised = await upload(
        api_client,
        app["id"],
        "info_form",
        headers,
        content="这其实是文本".encode(),
        filename="表.pdf",
    )
    assert "文本文件" in _problem(disguised, 415, "file_type")["detail"]
    png = await upload(
        api_client, app["id"], "license", headers, content=b"\x89PNG\r\n\x1a\n" + b"0" * 10
    )
    assert "PNG" in _problem(png, 415, "file_type")["detail"]
    assert file_count(api_app, app["id"]) == 0 and blob_count(api_app) == 0
    bad_kind = await upload(api_client, app["id"], "photo", headers)
    _problem(bad_kind, 422, "validation_error")


async def test_one_file_per_kind_and_at_most_three(api_app, api_client: httpx.AsyncClient) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    assert (await upload(api_client, app["id"], "consent", headers)).status_code == 201
    taken = await upload(api_client, app["id"], "consent", headers)
    assert "先删除" in _problem(taken, 409, "file_kind_taken")["detail"]
    for kind in ("info_form", "license"):
        assert (await upload(api_client, app["id"], kind, headers)).status_code == 201
    fourth = await upload(api_client, app["id"], "license", headers, content=JPG)
    assert "3" in _problem(fourth, 409, "too_many_files")["detail"]
    assert file_count(api_app, app["id"]) == 3 and blob_count(api_app) == 3


async def test_delete_removes_the_scan_and_only_in_draft(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    file_id = (await upload(api_client, app["id"], "license", headers)).json()["id"]
    deleted = await api_client.delete(
        f"/v1/applications/{app['id']}/files/{file_id}", headers=headers
    )
    assert deleted.status_code == 204
    assert file_count(api_app, app["id"]) == 0 and blob_count(api_app) == 0
    assert event_rows(api_app, app["id"])[-1].action == "file_deleted"
    gone = await api_client.delete(f"/v1/applications/{app['id']}/files/{file_id}", headers=headers)
    _problem(gone, 404, "not_found")
    pending = make_application(status="pending")
    refused = await upload(api_client, pending, "license", auth_headers)
    _problem(refused, 409, "transition_not_allowed")
    assert file_count(api_app, pending) == 0


def test_safe_names_keep_no_path_and_follow_the_content() -> None:
    assert safe_filename("C:\\scans\\盖章表.PDF", FileKind.CONSENT, "pdf") == "盖章表.pdf"
    assert safe_filename("../..", FileKind.LICENSE, "jpg") == "license.jpg"
    assert safe_filename("a;rm -rf.jpg", FileKind.INFO_FORM, "jpg") == "a_rm_-rf.jpg"
