"""Reusable read statements, written in SQLAlchemy Core.

Core selects are compiled once and cached by SQLAlchemy, and return plain rows: that is several
times cheaper than loading ORM objects. The hottest one, the first page of a lookup by phone,
also runs as a `driver.DriverStatement` (`phone_lookup_rows`): the same Core statement,
without SQLAlchemy's per-execution machinery.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Dialect,
    PoolProxiedConnection,
    Row,
    Select,
    String,
    and_,
    bindparam,
    case,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from .driver import DriverStatement
from .tables import (
    OPEN_STATUSES,
    accounts,
    applications,
    audit_events,
    files,
    form_revisions,
    hqms_registry,
)
from .types import UtcDateTime

# A result row of any shape (SQLAlchemy 2.1 types rows by their column types).
AnyRow = Row[*tuple[Any, ...]]

SUMMARY_COLUMNS = (
    applications.c.id,
    applications.c.kind,
    applications.c.status,
    applications.c.name,
    applications.c.code,
    applications.c.admin_phone,
    applications.c.updated_at,
    applications.c.submitted_at,
    applications.c.account_id,
    accounts.c.login_name,
)
# Positions in SUMMARY_COLUMNS of what a page's order and cursor use.
SUMMARY_ID, SUMMARY_UPDATED_AT = 0, 6

_WITH_ACCOUNT = applications.outerjoin(accounts, applications.c.account_id == accounts.c.id)


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What `GET /v1/applications` filters on; every given filter must match."""

    phone: str | None = None  # normalized mobile
    code: str | None = None  # normalized institution code, or a 9-character organization code
    text: str | None = None  # substring of the institution's name or of the id
    statuses: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class PageAfter:
    """Keyset position: the last row of the previous page (ordered updated_at desc, id asc)."""

    updated_at: datetime
    id: str


def _phone_matches(dialect: str) -> ColumnElement[bool]:
    """Three index lookups, each cheap at a million rows: the admin's mobile, the legal
    representative's mobile, and the applications of accounts administered from this mobile.

    Written per database. SQLite answers the plain OR with one multi-index scan straight to
    the rows (the fastest form there); PostgreSQL cannot use its indexes for an OR that
    contains a subquery and would scan the whole table, so there the ids come from
    `IN (… UNION ALL …)` (ALL: `IN` ignores duplicates anyway, UNION would sort them away).
    """
    phone = bindparam("phone", type_=String())
    administered = select(accounts.c.id).where(accounts.c.admin_phone == phone)
    if dialect == "sqlite":
        return or_(
            applications.c.admin_phone == phone,
            applications.c.legal_rep_phone == phone,
            applications.c.account_id.in_(administered.scalar_subquery()),
        )
    matching_ids = union_all(
        select(applications.c.id).where(applications.c.admin_phone == phone),
        select(applications.c.id).where(applications.c.legal_rep_phone == phone),
        select(applications.c.id).where(applications.c.account_id.in_(administered)),
    )
    return applications.c.id.in_(matching_ids.scalar_subquery())


@lru_cache(maxsize=64)
def _search_statement(
    dialect: str,
    phone: bool,
    code: bool,
    code_prefix: bool,
    text: bool,
    statuses: bool,
    after: bool,
) -> Select[Any]:
    """The statement for one combination of filters, built once.

    Values travel as bound parameters, so the same statement object (and SQLAlchemy's
    compiled form of it) serves every request of that shape: building and hashing a fresh
    statement would cost several times the query on the hot path.
    """
    conditions: list[ColumnElement[bool]] = []
    if phone:
        conditions.append(_phone_matches(dialect))
    if code and code_prefix:
        # An organization code alone: every full code that starts with it (an index range).
        conditions.append(applications.c.code >= bindparam("code"))
        conditions.append(applications.c.code < bindparam("code_end"))
    elif code:
        conditions.append(applications.c.code == bindparam("code"))
    if text:
        conditions.append(
            or_(
                applications.c.name.like(bindparam("name_pattern"), escape="\\"),
                applications.c.id.like(bindparam("id_pattern"), escape="\\"),
            )
        )
    if statuses:
        conditions.append(applications.c.status.in_(bindparam("statuses", expanding=True)))
    if after:
        after_at, after_id = (
            bindparam("after_at", type_=UtcDateTime()),
            bindparam("after_id", type_=String()),
        )
        conditions.append(
            or_(
                applications.c.updated_at < after_at,
                and_(applications.c.updated_at == after_at, applications.c.id > after_id),
            )
        )
    return (
        select(*SUMMARY_COLUMNS)
        .select_from(_WITH_ACCOUNT)
        .where(*conditions)
        .order_by(applications.c.updated_at.desc(), applications.c.id)
        .limit(bindparam("limit"))
    )


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_applications(
    db: Connection | Session, filters: SearchFilters, *, limit: int, after: PageAfter | None
) -> Sequence[AnyRow]:
    """Up to `limit` summary rows matching `filters`, newest change first."""
    code_prefix = filters.code is not None and len(filters.code) == 9
    dialect = db.dialect if isinstance(db, Connection) else db.get_bind().dialect
    statement = _search_statement(
        dialect.name,
        bool(filters.phone),
        bool(filters.code),
        code_prefix,
        bool(filters.text),
        bool(filters.statuses),
        after is not None,
    )
    params: dict[str, object] = {"limit": limit}
    if filters.phone:
        params["phone"] = filters.phone
    if filters.code:
        params["code"] = filters.code
        params["code_end"] = filters.code + "~"  # "~" sorts after every digit and letter
    if filters.text:
        params["name_pattern"] = _like_pattern(filters.text)
        params["id_pattern"] = _like_pattern(filters.text.upper())
    if filters.statuses:
        params["statuses"] = list(filters.statuses)
    if after is not None:
        params["after_at"] = after.updated_at
        params["after_id"] = after.id
    return db.execute(statement, params).all()


@lru_cache(maxsize=4)
def _phone_lookup(dialect: Dialect) -> DriverStatement:
    # The first page of a lookup by phone: the hotline's query on every call.
    statement = _search_statement(dialect.name, True, False, False, False, False, False)
    return DriverStatement.compile(statement, dialect, {"phone": "", "limit": 1})


def phone_lookup_rows(
    connection: PoolProxiedConnection, dialect: Dialect, phone: str, *, limit: int
) -> list[tuple[Any, ...]]:
    """Up to `limit` summary rows (SUMMARY_COLUMNS) of `phone`, newest change first.

    The statement of `search_applications` with only a phone, run as a `DriverStatement`
    (see there) on the connection `Database.read_driver` hands over.
    """
    return _phone_lookup(dialect).rows(connection, phone=phone, limit=limit)


def application_row(session: Session, application_id: str) -> AnyRow | None:
    """Every column of one application, plus its account's login name."""
    statement = (
        select(applications, accounts.c.login_name)
        .select_from(_WITH_ACCOUNT)
        .where(applications.c.id == application_id)
    )
    return session.execute(statement).first()


def form_data(session: Session, application_id: str, number: int) -> dict[str, object] | None:
    statement = select(form_revisions.c.form).where(
        form_revisions.c.application_id == application_id, form_revisions.c.number == number
    )
    return session.execute(statement).scalar_one_or_none()


def file_rows(session: Session, application_id: str) -> Sequence[AnyRow]:
    statement = (
        select(files)
        .where(files.c.application_id == application_id)
        .order_by(files.c.uploaded_at, files.c.id)
    )
    return session.execute(statement).all()


def has_open_change(session: Session, parent_id: str, account_id: str | None) -> bool:
    """Whether a change application is open for this approved application or its account."""
    owner = applications.c.parent_id == parent_id
    if account_id is not None:
        owner = or_(owner, applications.c.account_id == account_id)
    statement = (
        select(applications.c.id)
        .where(owner, applications.c.kind == "change", applications.c.status.in_(OPEN_STATUSES))
        .limit(1)
    )
    return session.execute(statement).first() is not None


def event_rows(session: Session, application_id: str) -> Sequence[AnyRow]:
    statement = (
        select(audit_events)
        .where(audit_events.c.application_id == application_id)
        .order_by(audit_events.c.at, audit_events.c.id)
    )
    return session.execute(statement).all()


def application_exists(session: Session, application_id: str) -> bool:
    statement = select(applications.c.id).where(applications.c.id == application_id)
    return session.execute(statement).first() is not None


def registry_name(session: Session, organization: str, code: str = "") -> str | None:
    """The name the existing-HQMS registry gives the institution of `organization` (a
    9-character organization code), else None. Of several rows of one organization, the one
    whose code is exactly `code` wins, then the first by code, so the answer is stable."""
    exact_first = case((hqms_registry.c.code == code, 0), else_=1)
    statement = (
        select(hqms_registry.c.name)
        .where(hqms_registry.c.organization == organization)
        .order_by(exact_first, hqms_registry.c.code)
        .limit(1)
    )
    return session.execute(statement).scalar_one_or_none()


def registry_names(session: Session, codes: Sequence[str]) -> dict[str, str]:
    """Code → name of the rows of the registry with one of `codes` (exact codes)."""
    statement = select(hqms_registry.c.code, hqms_registry.c.name).where(
        hqms_registry.c.code.in_(codes)
    )
    return {code: name for code, name in session.execute(statement)}
