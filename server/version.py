"""The installed distribution's version, reported by `/v1/health` and `/openapi.json`."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("hqms-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    VERSION = "0.0.0"
