"""Fixtures shared by every test folder.

Databases (each migrated once per test session with Alembic, emptied before each test):

- `database_url` — an empty, migrated database; PARAMETRIZED over `sqlite` and `postgresql`,
  so every test using it (or `settings`, `api_app`, `api_client`) runs on both. PostgreSQL is
  `HQMS_TEST_POSTGRES_URL` (default `postgresql+psycopg://postgres@127.0.0.1:5432/test`); a
  fresh `hqms_test_<random>` database is created on it for the session and dropped after.
  Unreachable: the postgresql cases skip, or fail when `HQMS_REQUIRE_ALL=1`.
  A folder that wants SQLite only overrides it in its own conftest.py:
      @pytest.fixture
      def database_url(sqlite_database_url): return sqlite_database_url
- `sqlite_database_url`, `postgres_database_url` — one backend each, emptied per test.

The API:

- `settings` — `server.Settings` with a temporary `data_dir` and `database_url`.
- `api_app` — `server.create_app(settings)` on that database.
- `api_client` — `httpx.AsyncClient` over `httpx.ASGITransport(api_app)`,
  base URL `http://hqms.test`.
- `served_url` — `api_app` served over a real loopback socket (uvicorn in a thread).
- `clock` — a `MovableClock` installed on `api_app` (`clock.advance(minutes=31)`).
- `closed_port` — a loopback port nobody listens on: connecting to it is refused at once.

Records (written through `server.storage.writes`, committed):

- `operator_credentials` — `Credentials(username, password, role)` of an operator in the DB
  (`TEST_USERNAME` / `TEST_PASSWORD`, role `operator`); log in with them over the API.
- `operator_token` — a bearer token for that operator; `auth_headers` — `{"Authorization": …}`.
- `make_operator(username=..., password=..., role=...)` → `Credentials`.
- `make_application(status=..., phone=..., ...)` → the new application's id (see
  `ApplicationFactory.__call__` for every option; the form is complete and valid by default).
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine, create_engine, delete, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from cli._loopback import free_loopback_port
from domain import Address, Admin, Form, Message, Person, make_institution_code, mask_phone
from server import Settings, create_app, upgrade_database
from server.passwords import hash_password
from server.services.drafts import CREATED
from server.services.operators import issue_token
from server.storage.engine import Database
from server.storage.tables import Base
from server.storage.writes import add_event, insert_account, insert_application, insert_operator

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TEST_USERNAME = "zhangli"
TEST_PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str
    role: str
    operator_id: str


class MovableClock:
    """A clock tests move by hand: `clock.advance(minutes=31)`."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@cache
def _hash_of(password: str) -> str:
    # argon2 takes ~0.1 s by design; hash each test password once per session.
    return hash_password(password)


class OperatorFactory:
    def __init__(self, database: Database) -> None:
        self.database = database

    def __call__(
        self,
        username: str = TEST_USERNAME,
        password: str = TEST_PASSWORD,
        role: str = "operator",
        display_name: str = "张丽",
    ) -> Credentials:
        def write(session: Session) -> int:
            operator_id = insert_operator(
                session,
                username=username,
                password_hash=_hash_of(password),
                role=role,
                display_name=display_name,
                at=datetime.now(UTC),
            )
            session.commit()
            return operator_id

        operator_id = self.database.run_sync(write)
        return Credentials(username, password, role, str(operator_id))

    def token_for(self, credentials: Credentials, *, now: datetime, ttl: timedelta) -> str:
        issued = self.database.run_sync(
            issue_token, credentials.operator_id, now=now, absolute_ttl=ttl
        )
        return issued.token


def valid_form(serial: int, *, phone: str, legal_rep_phone: str) -> Form:
    """A complete form without problems; `serial` makes its code and name unique."""
    return Form(
        name=f"广州市第{serial}人民医院",
        opened_on="2001-05",
        code=make_institution_code(f"4503{serial:04d}", "440104", "11", "A100", "1"),
        address=Address(
            province="440000", city="440100", district="440104", street="德政北路 1 号"
        ),
        subjects=["内科", "外科"],
        legal_rep=Person(name="李建国", mobile=legal_rep_phone),
        admin=Admin(name="张晓梅", mobile=phone, email="zhangxiaomei@example.com"),
    )


class ApplicationFactory:
    """Inserts applications straight into the database; returns their ids."""

    base_time = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __init__(self, database: Database) -> None:
        self.database = database
        self.serial = 0

    def __call__(
        self,
        *,
        status: str = "draft",
        kind: str = "new",
        phone: str = "13800138000",
        legal_rep_phone: str = "13900139000",
        form: Form | None = None,
        application_id: str | None = None,
        updated_at: datetime | None = None,
        with_account: bool | None = None,
        account_phone: str | None = None,
        parent_id: str | None = None,
        review_reason: str | None = None,
        events: Sequence[tuple[str, Message]] = (),
    ) -> str:
        """`with_account` defaults to True for approved applications; `events` are
        (actor, event) lines of the timeline. Each call is one second newer."""
        self.serial += 1
        serial = self.serial
        form = form or valid_form(serial, phone=phone, legal_rep_phone=legal_rep_phone)
        application_id = application_id or f"T{serial:03d}-TEST"
        created = self.base_time + timedelta(seconds=serial)
        reviewed = status in ("approved", "rejected")
        account_id = None
        if with_account if with_account is not None else status == "approved":
            account_id = f"AC{serial:06d}"

        def write(session: Session) -> None:
            if account_id is not None:
                account_form = form.model_copy(deep=True)
                account_form.admin.mobile = account_phone or phone
                insert_account(
                    session,
                    account_id=account_id,
                    login_name=f"hq{serial:05d}",
                    form=account_form,
                    at=created,
                )
            insert_application(
                session,
                application_id=application_id,
                kind=kind,
                status=status,
                form=form,
                admin_phone=phone,
                at=created,
                actor="applicant",
                updated_at=updated_at or created,
                submitted_at=created if status != "draft" else None,
                parent_id=parent_id,
                account_id=account_id,
                review_reason=review_reason or ("资料不全" if status == "rejected" else None),
                reviewer="reviewer" if reviewed else None,
                reviewed_at=created if reviewed else None,
            )
            add_event(
                session,
                application_id=application_id,
                at=created,
                actor="applicant",
                event=CREATED(phone=mask_phone(phone)),
            )
            for offset, (actor, event) in enumerate(events, start=1):
                add_event(
                    session,
                    application_id=application_id,
                    at=created + timedelta(milliseconds=offset),
                    actor=actor,
                    event=event,
                )
            session.commit()

        self.database.run_sync(write)
        return application_id


def _require_all() -> bool:
    return os.environ.get("HQMS_REQUIRE_ALL") == "1"


def _clean(engine: Engine) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(table.name for table in Base.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(delete(table))


@pytest.fixture(scope="session")
def _sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path = tmp_path_factory.mktemp("sqlite") / "hqms.sqlite3"
    url = f"sqlite:///{path}"
    upgrade_database(url)
    engine = create_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def _postgres_engine() -> Iterator[Engine]:
    server_url = make_url(os.environ.get("HQMS_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL)
    admin = create_engine(
        server_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    name = f"hqms_test_{secrets.token_hex(4)}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # any driver or network failure means "not reachable"
        admin.dispose()
        reason = f"PostgreSQL not reachable at {server_url.render_as_string()}: {error}"
        if _require_all():
            pytest.fail(reason)
        pytest.skip(reason)
    url = server_url.set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    try:
        upgrade_database(url)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def sqlite_database_url(_sqlite_engine: Engine) -> str:
    _clean(_sqlite_engine)
    return _url_of(_sqlite_engine)


@pytest.fixture
def postgres_database_url(_postgres_engine: Engine) -> str:
    _clean(_postgres_engine)
    return _url_of(_postgres_engine)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_database_url" if request.param == "sqlite" else "postgres_database_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=database_url)


@pytest.fixture
def api_app(settings: Settings) -> Iterator[object]:
    app = create_app(settings)
    yield app
    app.state.context.database.dispose()


@pytest.fixture
async def api_client(api_app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=api_app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://hqms.test") as client:
        yield client


@pytest.fixture
def clock(api_app: object) -> MovableClock:
    moving = MovableClock(datetime.now(UTC).replace(microsecond=0))
    api_app.state.context.clock = moving  # type: ignore[attr-defined]
    return moving


@pytest.fixture
def make_operator(api_app: object) -> OperatorFactory:
    return OperatorFactory(api_app.state.context.database)  # type: ignore[attr-defined]


@pytest.fixture
def operator_credentials(make_operator: OperatorFactory) -> Credentials:
    return make_operator(username=TEST_USERNAME, password=TEST_PASSWORD)


@pytest.fixture
def operator_token(
    api_app: object, make_operator: OperatorFactory, operator_credentials: Credentials
) -> str:
    context = api_app.state.context  # type: ignore[attr-defined]
    return make_operator.token_for(
        operator_credentials,
        now=context.clock(),
        ttl=timedelta(minutes=context.settings.token_absolute_minutes),
    )


@pytest.fixture
def auth_headers(operator_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {operator_token}"}


@pytest.fixture
def make_application(api_app: object) -> ApplicationFactory:
    return ApplicationFactory(api_app.state.context.database)  # type: ignore[attr-defined]


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port nobody listens on: connecting to it is refused at once."""
    # Held bound (never listening) for the whole test: a port merely bound and released could
    # be handed to a server of another test worker meanwhile.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        yield int(held.getsockname()[1])


@pytest.fixture
def served_url(api_app: object) -> Iterator[str]:
    """`api_app` in uvicorn on a loopback port (a thread, no lifespan), for tests that need a
    real socket: TCP itself, or the endless SSE stream that `ASGITransport` cannot carry."""
    port = free_loopback_port()
    server = uvicorn.Server(
        uvicorn.Config(api_app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    # A request or stream still running after its client left would hold the shutdown.
    assert not thread.is_alive(), "the server did not stop: a stream outlived its client"
