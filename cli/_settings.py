"""Settings of the kiosk and of `hqms-desk status` (the API has its own in `server.Settings`)."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The demo operator that `hqms-desk seed` creates; `demo` and a local `status` sign in with it.
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-operator-2026"


class KioskSettings(BaseSettings):
    """`HQMS_API_URL`, `HQMS_USERNAME`, `HQMS_PASSWORD`, `HQMS_IDLE_LOCK_MINUTES`, `HQMS_LANG`."""

    model_config = SettingsConfigDict(env_prefix="HQMS_", extra="ignore")

    api_url: str | None = None
    username: str | None = None
    password: str | None = None
    idle_lock_minutes: float = Field(default=5.0, ge=0, description="0: the kiosk never locks")
    lang: str = Field(default="zh_CN", description="zh_CN (default) or en: the kiosk's language")

    @field_validator("lang")
    @classmethod
    def _known_language(cls, value: str) -> str:
        # Imported only when HQMS_LANG is set: the other commands need not load the kiosk.
        from tui._i18n import language_from

        return language_from(value)
