"""Callers' numbers never reach the access log in full."""

from __future__ import annotations

import logging

import pytest

from server.access_log import ACCESS_LOGGER, MobileMaskingFilter, mask_mobiles


def test_a_search_line_is_logged_with_the_mobile_masked() -> None:
    record = logging.LogRecord(
        ACCESS_LOGGER, logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/v1/applications?phone=13800138005", "1.1", 200), None,
    )  # fmt: skip
    assert MobileMaskingFilter().filter(record)
    assert record.getMessage() == (
        '127.0.0.1:5000 - "GET /v1/applications?phone=138****8005 HTTP/1.1" 200'
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("phone=13800138005&status=draft", "phone=138****8005&status=draft"),
        ("/v1/applications/HQ7K-M2XP", "/v1/applications/HQ7K-M2XP"),
        ("code=45038862044010411A1001", "code=45038862044010411A1001"),
        ("n=123800138005", "n=123800138005"),
    ],
)
def test_only_standalone_mobiles_are_masked(line: str, expected: str) -> None:
    assert mask_mobiles(line) == expected
