"""Institution accounts (DESIGN §2): created by the approval of a `new` application, changed by
the approval of a `change`, and signed in to with the login name or the admin's phone.

The initial password is generated here and hashed (argon2) by the caller outside any database
work; the password itself only ever travels to the outbox's `secrets`, which the delivery
worker scrubs once the email is out.
"""

from __future__ import annotations

import secrets
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain import Conflict, DomainError, Form, NotFound, define_code, normalize_mobile

from ..storage.tables import accounts, applications
from ..storage.writes import insert_account, searchable_code

# No 0/O, 1/l/I: the administrator types the password from an email, maybe read aloud.
PASSWORD_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ"
PASSWORD_LENGTH = 12
ACCOUNT_ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LOGIN_NAME_ATTEMPTS = 5
# One account per institution: a second `new` application would open a second one.
HAS_ACCOUNT = define_code("problem.institution_has_account")
_HAS_ACCOUNT_NAMED = define_code("problem.institution_has_account_named", "login")
_NO_SUCH_ACCOUNT = define_code("problem.no_such_account", "account")


def generate_initial_password() -> str:
    """12 characters from `PASSWORD_ALPHABET` with at least one digit, lower and upper case."""
    while True:
        password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))
        if (
            any(c.isdigit() for c in password)
            and any(c.islower() for c in password)
            and any(c.isupper() for c in password)
        ):
            return password


def new_account_id() -> str:
    return "AC" + "".join(secrets.choice(ACCOUNT_ID_ALPHABET) for _ in range(10))


def account_login_of_code(session: Session, code: str) -> str | None:
    """The login name of the account of the institution `code` (normalized), if it has one."""
    return session.execute(
        select(accounts.c.login_name).where(accounts.c.code == code).limit(1)
    ).scalar_one_or_none()


def has_account_conflict(login_name: str) -> Conflict:
    """For reviewers, who may see the login name: a new application of an institution that
    already has an account."""
    return Conflict(_HAS_ACCOUNT_NAMED(login=login_name))


def _next_login_name(session: Session, division: str) -> str:
    """`hqms_<division>_<nnnn>`: one more than the highest running number in the division."""
    prefix = f"hqms_{division}_"
    names = session.execute(
        select(accounts.c.login_name).where(accounts.c.login_name.like(prefix + "%"))
    ).scalars()
    numbers = [int(name[len(prefix) :]) for name in names if name[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def create_account(session: Session, form: Form, *, password_hash: str, now: datetime) -> str:
    """Inserts the account of an approved form; returns its id. No commit.

    Two approvals in one division at once may pick the same running number: the loser's
    insert fails inside a savepoint and picks the next.
    """
    division = searchable_code(form.code)[9:15] or "000000"
    account_id = new_account_id()
    for _ in range(LOGIN_NAME_ATTEMPTS):
        login_name = _next_login_name(session, division)
        try:
            with session.begin_nested():
                insert_account(
                    session,
                    account_id=account_id,
                    login_name=login_name,
                    form=form,
                    at=now,
                    password_hash=password_hash,
                )
            return account_id
        except IntegrityError:
            continue
    raise RuntimeError(f"could not allocate a login name in division {division}")


def login_name_of(session: Session, account_id: str) -> str:
    return str(
        session.execute(
            select(accounts.c.login_name).where(accounts.c.id == account_id)
        ).scalar_one()
    )


def admin_phone_of(session: Session, account_id: str) -> str:
    return str(
        session.execute(
            select(accounts.c.admin_phone).where(accounts.c.id == account_id)
        ).scalar_one()
    )


@dataclass(frozen=True, slots=True)
class AccountContact:
    """Whom the account's mail goes to (unmasked: for the outbox only, never for a response)."""

    account_id: str
    login_name: str
    name: str
    admin_name: str
    admin_phone: str
    admin_email: str


def account_contact(session: Session, account_id: str, *, lock: bool = False) -> AccountContact:
    """The account's login name and administrator; NotFound for an unknown id. `lock` holds
    the row (PostgreSQL) until the transaction ends, so two changes of it take turns."""
    statement = select(accounts).where(accounts.c.id == account_id)
    if lock:
        statement = statement.with_for_update()
    row = session.execute(statement).first()
    if row is None:
        raise NotFound(_NO_SUCH_ACCOUNT(account=account_id))
    return AccountContact(
        row.id, row.login_name, row.name, row.admin_name, row.admin_phone, row.admin_email
    )


def latest_approved_application(session: Session, account_id: str) -> str | None:
    """The account's most recently approved application: account events go on its timeline."""
    return session.execute(
        select(applications.c.id)
        .where(applications.c.account_id == account_id, applications.c.status == "approved")
        .order_by(applications.c.reviewed_at.desc(), applications.c.updated_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def overwrite_account(
    session: Session,
    account_id: str,
    form: Form,
    *,
    now: datetime,
    new_password_hash: str | None = None,
) -> None:
    """The approved change's data replaces the account's; a new administrator also gets a new
    initial password, which ends whatever the old one allowed. No commit."""
    values: dict[str, object] = {
        "admin_phone": normalize_mobile(form.admin.mobile),
        "admin_name": form.admin.name,
        "admin_email": form.admin.email,
        "code": searchable_code(form.code),
        "name": form.name,
        "updated_at": now,
    }
    if new_password_hash is not None:
        values.update(password_hash=new_password_hash, must_change_password=True)
    session.execute(update(accounts).where(accounts.c.id == account_id).values(**values))


@dataclass(frozen=True, slots=True)
class AccountLogin:
    account_id: str
    login_name: str
    password_hash: str | None
    must_change_password: bool


def find_for_login(session: Session, login: str) -> AccountLogin | None:
    """The account whose login name, or whose administrator's mobile, is `login`.

    A mobile could administer several accounts (one person for several institutions); then
    it identifies none, and the login name is needed.
    """
    text = login.strip()
    conditions = [accounts.c.login_name == text]
    with suppress(DomainError):  # not a mobile number: the login name alone
        conditions.append(accounts.c.admin_phone == normalize_mobile(text))
    rows = session.execute(select(accounts).where(or_(*conditions)).limit(3)).all()
    by_name = [row for row in rows if row.login_name == text]
    chosen = by_name or rows
    if len(chosen) != 1:
        return None
    row = chosen[0]
    return AccountLogin(row.id, row.login_name, row.password_hash, row.must_change_password)
