"""Fixtures of the end-to-end tests: the test's own notification servers (the API process itself
is started inside each test with `running_api.start_api`, so its start counts in the test's
time)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.running_api import Channels
from tests.notification_servers import SmsGateway, SmtpServer


@pytest.fixture
def notifications() -> Iterator[Channels]:
    with SmtpServer() as smtp, SmsGateway() as gateway:
        yield Channels(smtp, gateway)
