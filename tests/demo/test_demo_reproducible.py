"""The same seed (and clock) gives the same demo; another seed gives another one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, select

from server import upgrade_database
from server.demo import seed_demo
from server.storage import tables

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
# Salted hashes and autoincrement ids differ between runs by nature.
VARYING = {"password_hash", "id"}
DUMPED = (
    tables.applications,
    tables.form_revisions,
    tables.files,
    tables.audit_events,
    tables.accounts,
    tables.hqms_registry,
)


def dump(url: str) -> dict[str, list[tuple[str, ...]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            result = {}
            for table in DUMPED:
                keep = [c for c in table.c if c.name not in VARYING or table is tables.applications]
                rows = connection.execute(select(*keep)).all()
                result[table.name] = sorted(
                    (tuple(str(value) for value in row) for row in rows), key=str
                )
            return result
    finally:
        engine.dispose()


def fresh_database(folder: Path, name: str) -> str:
    url = f"sqlite:///{folder / name}"
    upgrade_database(url)
    return url


def test_same_seed_same_data(tmp_path: Path, sqlite_database_url: str) -> None:
    other = fresh_database(tmp_path, "other.sqlite3")
    seed_demo(sqlite_database_url, seed=7, applications=25, now=NOW)
    seed_demo(other, seed=7, applications=25, now=NOW)
    first, second = dump(sqlite_database_url), dump(other)
    assert first == second
    assert len(first["applications"]) > 25
    assert first["audit_events"]


def test_another_seed_other_data(tmp_path: Path, sqlite_database_url: str) -> None:
    other = fresh_database(tmp_path, "other.sqlite3")
    seed_demo(sqlite_database_url, seed=7, applications=25, now=NOW)
    seed_demo(other, seed=8, applications=25, now=NOW)
    name_column = [c.name for c in tables.applications.c].index("name")
    names = [
        {row[name_column] for row in dump(url)["applications"]}
        for url in (sqlite_database_url, other)
    ]
    assert names[0] != names[1]
