"""Mask mobile numbers and password-recovery tokens in uvicorn's access log.

The hotline searches by phone (`GET /v1/applications?phone=13800138000`), and uvicorn logs
every request line with its query string: without this filter the access log would be a list
of callers' full numbers. A recovery link's token is in its path
(`POST /v1/accounts/password-recovery/<token>`): logged, whoever reads the log could set the
account's password within the link's 30 minutes.
"""

from __future__ import annotations

import logging
import re

_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_RECOVERY_TOKEN = re.compile(r"(/password-recovery/)[^/?#\s\"]+")
ACCESS_LOGGER = "uvicorn.access"


def mask_mobiles(text: str) -> str:
    """`13800138000` → `138****8000`, wherever an 11-digit mobile stands alone."""
    return _MOBILE.sub(r"\1****\2", text)


def mask_request_line(text: str) -> str:
    """A request line (or path) as it may be logged: mobiles masked, recovery tokens hidden."""
    return mask_mobiles(_RECOVERY_TOKEN.sub(r"\1***", text))


class MobileMaskingFilter(logging.Filter):
    """Rewrites the request line of an access-log record before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                mask_request_line(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = mask_request_line(record.msg)
        return True


def install_access_log_masking() -> None:
    """Once per process; called when the app starts (after uvicorn configured its loggers)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, MobileMaskingFilter) for f in logger.filters):
        logger.addFilter(MobileMaskingFilter())
