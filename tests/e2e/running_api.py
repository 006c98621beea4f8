"""The central API as its own process (`hqms-desk serve`) for end-to-end tests, and helpers to
watch a kiosk against it.

- `start_api(tmp_path, channels)` — a context manager yielding `RunningApi`: a migrated SQLite
  database in `tmp_path` with `OPERATOR` and `REVIEWER` added by `hqms-desk operator add`,
  served on a free loopback port, its notifications going to `channels` (the test's SMTP server
  and SMS gateway); the process is terminated when the block ends.
- `until(predicate, pilot.pause)` — an awaitable poll with a deadline, for deliveries that
  cross processes and threads.
- `screen_text(app)` — what the terminal shows, read back from the app's SVG screenshot.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from textual.app import App

from tests.notification_servers import SmsGateway, SmtpServer, free_port

HQMS_DESK = Path(sys.executable).with_name("hqms-desk")
LOGIN_URL = "https://flu.hqms.test/login.jsp"
START_TIMEOUT = 30.0
DELIVERY_INTERVAL = "0.1"
"""Seconds between the delivery worker's rounds: short, so the test waits little."""


@dataclass(frozen=True)
class Operator:
    username: str
    password: str
    role: str


OPERATOR = Operator("zhangli", "operator pass 2026", "operator")
REVIEWER = Operator("wangshen", "reviewer pass 2026", "reviewer")


@dataclass(frozen=True)
class Channels:
    """What the institution's mailbox (`smtp`) and the administrator's phone (`gateway`) get."""

    smtp: SmtpServer
    gateway: SmsGateway


@dataclass(frozen=True)
class RunningApi:
    base_url: str
    database_path: Path
    login_url: str


def _server_environment(data_dir: Path, database_path: Path, channels: Channels) -> dict[str, str]:
    # The test decides every HQMS_* setting: none leaks in from the shell that runs pytest.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HQMS_")}
    smtp = channels.smtp.settings()
    environment.update(
        HQMS_DATA_DIR=str(data_dir),
        HQMS_DATABASE_URL=f"sqlite:///{database_path}",
        HQMS_SMTP_HOST=str(smtp["smtp_host"]),
        HQMS_SMTP_PORT=str(smtp["smtp_port"]),
        HQMS_SMTP_STARTTLS="false",
        HQMS_MAIL_FROM=str(smtp["mail_from"]),
        HQMS_SMS_GATEWAY_URL=channels.gateway.url,
        HQMS_DELIVERY_INTERVAL=DELIVERY_INTERVAL,
        HQMS_LOGIN_URL=LOGIN_URL,
    )
    return environment


def _add_operator(environment: dict[str, str], operator: Operator) -> None:
    subprocess.run(
        [str(HQMS_DESK), "operator", "add", operator.username, "--role", operator.role],
        input=operator.password + "\n",
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )


def _wait_until_healthy(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"hqms-desk serve exited early:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/v1/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"hqms-desk serve not healthy in {START_TIMEOUT} s:\n{log.read_text()}")


@contextmanager
def start_api(tmp_path: Path, channels: Channels) -> Iterator[RunningApi]:
    database_path = tmp_path / "hqms.sqlite3"
    environment = _server_environment(tmp_path / "data", database_path, channels)
    for operator in (OPERATOR, REVIEWER):
        _add_operator(environment, operator)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(HQMS_DESK), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_healthy(base_url, process, log)
        yield RunningApi(base_url, database_path, LOGIN_URL)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


async def until(
    predicate: Callable[[], bool],
    pause: Callable[[float], Awaitable[None]],
    timeout: float = 10.0,
    what: str = "",
) -> None:
    """Poll `predicate`, pausing with the app's `pilot.pause` so the kiosk keeps running, until
    it holds; fail at the deadline saying `what` never happened."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"after {timeout} s still not: {what}")
        await pause(0.05)


_TEXT_RUN = re.compile(r'<text [^>]*?y="([\d.]+)"[^>]*clip-path[^>]*>([^<]*)</text>')


def screen_text(app: App[Any]) -> str:
    """What the terminal shows, line by line, read back from the app's SVG screenshot."""
    lines: dict[float, list[str]] = {}
    for y, run in _TEXT_RUN.findall(app.export_screenshot()):
        lines.setdefault(float(y), []).append(html.unescape(run).replace("\xa0", " "))
    return "\n".join("".join(runs) for _, runs in sorted(lines.items()))
