"""Real notification servers on loopback for tests: an SMTP server (aiosmtpd) and an HTTP SMS
gateway (http.server), each in its own thread, recording what they receive.

    with SmtpServer() as smtp, SmsGateway() as gateway:
        settings = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
        ...
        smtp.messages[0]["Subject"], smtp.messages[0].get_body().get_content()
        gateway.received[0] == {"phone": "138…", "text": "…"}

`gateway.fail_next(n, status=500)` answers the next n requests with an error instead.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from cli._loopback import free_loopback_port as free_port


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll `predicate` until it holds or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


class _Recorder:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        parsed = message_from_bytes(content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        self.envelopes.append((str(envelope.mail_from), list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd on 127.0.0.1; `messages` are the parsed emails received, in order."""

    def __init__(self) -> None:
        self.port = free_port()
        self._recorder = _Recorder()
        self._controller = Controller(self._recorder, hostname="127.0.0.1", port=self.port)

    @property
    def messages(self) -> list[EmailMessage]:
        return self._recorder.messages

    @property
    def envelopes(self) -> list[tuple[str, list[str]]]:
        return self._recorder.envelopes

    def settings(self) -> dict[str, Any]:
        """`server.Settings` fields that send mail here (plain SMTP, no STARTTLS)."""
        return {
            "smtp_host": "127.0.0.1",
            "smtp_port": self.port,
            "smtp_starttls": False,
            "mail_from": "noreply@hqms.test",
        }

    def __enter__(self) -> Self:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()


class SmsGateway:
    """An HTTP SMS gateway on 127.0.0.1: records each JSON body POSTed to `/sms`."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.requests = 0
        self._failures: list[int] = []
        self._lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                status = gateway._answer(body, self.headers.get("Content-Type", ""))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean (and never print message texts)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/sms"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def fail_next(self, count: int, status: int = 500) -> None:
        with self._lock:
            self._failures.extend([status] * count)

    def _answer(self, body: bytes, content_type: str) -> int:
        with self._lock:
            self.requests += 1
            if self._failures:
                return self._failures.pop(0)
            if not content_type.startswith("application/json"):
                return 415
            self.received.append(json.loads(body.decode("utf-8")))
            return 200

    def settings(self) -> dict[str, Any]:
        return {"sms_gateway_url": self.url}

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
