"""`hqms-desk status PHONE`: the caller's status without the kiosk.

Against `--api`/`HQMS_API_URL` it signs in with `HQMS_USERNAME`/`HQMS_PASSWORD`; without an
API address it answers from the local demo database in-process, as the demo operator, so a
fresh `make demo` machine can answer from the shell too.

The text is Chinese, rendered from the shared catalogue like the kiosk's. `--json` gives data,
not sentences: each application as the API sends it, with the status line as a
`StatusSummary` (`status_summary`) and its problems as codes and params (docs/messages.md).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import httpx

from client import ApiError, ApiUnavailable, CentralAPI
from domain import (
    DEFAULT_LANGUAGE,
    Application,
    FieldInvalid,
    describe_status,
    mask_phone,
    normalize_mobile,
    render,
    status_summary,
    word,
)

_TEXT_LANGUAGE = DEFAULT_LANGUAGE


async def print_status(
    api: CentralAPI, raw_phone: str, *, username: str, password: str, as_json: bool
) -> int:
    """Print every application the phone reaches; 0 found, 1 none, 2 could not answer."""
    try:
        phone = normalize_mobile(raw_phone, field="phone")
    except FieldInvalid as error:
        print(render("problem", error.message, _TEXT_LANGUAGE), file=sys.stderr)
        return 2
    try:
        async with api:
            await api.login(username, password)
            page = await api.search_applications(phone=phone)
            applications = [await api.get_application(item.id) for item in page.items]
    except (ApiError, ApiUnavailable) as error:
        print(_failure(error), file=sys.stderr)
        return 2
    now = datetime.now(UTC)
    if as_json:
        print(
            json.dumps([_as_json(app, now) for app in applications], ensure_ascii=False, indent=2)
        )
    elif not applications:
        print(f"没有找到手机号 {mask_phone(phone)} 的申请或账号。")
    else:
        for app in applications:
            print(_as_text(app, now))
    return 0 if applications else 1


def _as_json(app: Application, now: datetime) -> dict[str, object]:
    data = app.model_dump(mode="json", exclude={"problems"})
    data["problems"] = [p.model_dump(mode="json", exclude={"message"}) for p in app.problems]
    data["status_summary"] = status_summary(app, now=now).model_dump(mode="json")
    return data


def _failure(error: ApiError) -> str:
    """The API's message in Chinese; the client's own words when there was no answer."""
    if error.message is not None:
        sentence = render("problem", error.message, _TEXT_LANGUAGE)
        if sentence is not None:
            return sentence
    return error.detail or render("client", error.default(), _TEXT_LANGUAGE) or error.code


def _as_text(app: Application, now: datetime) -> str:
    summary = status_summary(app, now=now)
    lines = [
        f"{app.id}  {app.form.name or '（未填写机构名称）'}",
        f"  状态：{describe_status(summary, _TEXT_LANGUAGE)}",
        f"  数据管理员：{app.form.admin.name or '—'}  {app.form.admin.mobile or '—'}",
    ]
    if app.account is not None:
        lines.append(f"  账号：{app.account.login_name}")
    blocking = [p for p in app.problems if not p.warning]
    for problem in blocking[:8]:
        lines.append(f"  · {render('problem', problem, _TEXT_LANGUAGE) or problem.code}")
    if len(blocking) > 8:
        lines.append(f"  · 另有 {len(blocking) - 8} 项问题")
    if app.actions:
        names = (word("action", action.value, _TEXT_LANGUAGE) for action in app.actions)
        lines.append("  可执行：" + "、".join(names))
    return "\n".join(lines)


def in_process_api(app: object) -> CentralAPI:
    """A client bound to an in-process ASGI app (no socket)."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    return CentralAPI("http://hqms.local", transport=transport)
