"""Settings of the central API: `HQMS_*` environment variables (DESIGN §7)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Read from the environment once (`get_settings`); tests build their own instances."""

    model_config = SettingsConfigDict(env_prefix="HQMS_", extra="ignore")

    data_dir: Path = Path("./data")
    # Empty means the SQLite file `hqms.sqlite3` in `data_dir`; `postgresql+psycopg://…` in
    # production.
    database_url: str = ""
    # Run `upgrade_database` when the app starts. `hqms-desk serve` migrates explicitly before
    # starting, and tests migrate once per session, so this is off by default.
    migrate_on_startup: bool = False

    # Operator tokens: end after this long without use, and in any case after the absolute TTL.
    token_idle_minutes: int = Field(default=30, gt=0)
    token_absolute_minutes: int = Field(default=12 * 60, gt=0)
    # How long a validated token is trusted from memory before it is checked in the database
    # again (a logout in another process, a deactivated operator, take at most this long).
    token_cache_seconds: float = Field(default=30.0, ge=0)
    login_max_failures: int = Field(default=5, gt=0)
    login_lockout_minutes: int = Field(default=15, gt=0)

    # The wording of the generated documents (pdfgen/texts.toml when unset): the organization's
    # official text, checked when the app is built (`pdfgen.load_document_texts`).
    document_texts: Path | None = None

    # The address printed in the approval email.
    login_url: str = "https://flu.hqms.org.cn/login.jsp"
    # The link of a password-recovery email: `{token}` stands for the link's token. Empty means
    # the login address with `?recovery={token}` (`&recovery=…` when it already has a query).
    recovery_url: str = ""

    # Notification delivery (later issues); without them the server uses a local demo sink.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    mail_from: str | None = None
    sms_gateway_url: str | None = None
    # The delivery worker's pause between rounds over the outbox; 0 runs no worker (tests
    # call `server.outbox.deliver_due` themselves).
    delivery_interval: float = Field(default=0.5, ge=0)
    # How long one SMTP or SMS gateway exchange may take before it counts as a failed attempt.
    delivery_timeout_seconds: float = Field(default=15.0, gt=0)

    @model_validator(mode="after")
    def _default_database_url(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir}/hqms.sqlite3"
        return self

    @field_validator("recovery_url")
    @classmethod
    def _one_token(cls, value: str) -> str:
        if value and value.count("{token}") != 1:
            # A link without the token would mail every administrator a useless address.
            raise ValueError("must contain {token} exactly once")
        return value

    @model_validator(mode="after")
    def _default_recovery_url(self) -> Settings:
        if not self.recovery_url:
            joiner = "&" if "?" in self.login_url else "?"
            self.recovery_url = f"{self.login_url}{joiner}recovery={{token}}"
        return self

    def recovery_link(self, token: str) -> str:
        return self.recovery_url.replace("{token}", token)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings()
