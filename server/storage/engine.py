"""The database engine and the `Database` gateway through which every request reaches it.

Why a synchronous engine under `async def` routes: measured on the development machine, a lookup by
an indexed phone in a 1,000,000-row SQLite file costs 0.78 ms end to end with sqlite3 called
inline on the event loop, 0.98 ms through the thread pool and 1.7–1.9 ms with SQLAlchemy's
asyncio extension over aiosqlite (docs/NOTES). The query itself takes tens of microseconds; a
thread hop costs more than that, so for SQLite `Database.run` calls straight through on the
event loop. SQLite serializes writers in one process anyway, and `busy_timeout` bounds the rare
wait. PostgreSQL is a network round trip that may block for longer, so there the call runs in
a worker thread (`anyio.to_thread`) and the event loop stays free.

The hotline's lookup by phone goes one step further (`Database.read_driver`): its fixed SQL runs
on the DBAPI cursor of a connection each thread keeps open for reading, which saves SQLAlchemy's
pool checkout, rollback-on-return, execution context and result wrapping (together about twice
the query itself).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any, Concatenate, ParamSpec, TypeVar

import anyio.to_thread
from sqlalchemy import Connection, Dialect, Engine, PoolProxiedConnection, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

P = ParamSpec("P")
T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 5000
# Reads through a memory map are page faults served from the OS cache instead of a read()
# call and a copy into SQLite's cache per page: a random-phone lookup at a million
# applications takes ≈26 instead of ≈31 µs, and its p99 drops several times. The map is
# address space, not memory. SQLite caps the size at its compile-time maximum (2 GiB here).
SQLITE_MMAP_BYTES = 2**31


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers run while one writer writes; NORMAL sync is durable across process
    # crashes in WAL mode and much faster than FULL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def create_database_engine(url: str) -> Engine:
    """An engine for `url` (SQLite file or PostgreSQL), tuned for the API's workload.

    `hide_parameters`: SQLAlchemy writes a failed statement's parameters into the exception
    text, which reaches the logs; those parameters include SMS codes and initial passwords on
    their way into the outbox, and full phone numbers.
    """
    if url.startswith("sqlite"):
        # Connections are used from the event loop thread and, in tests or with uvicorn in a
        # thread, from another one; each is used by one caller at a time.
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True
    )


class Database:
    """Runs one unit of work `fn(session, ...)` in its own session; `fn` commits if it writes.

    The session is closed (and an uncommitted transaction rolled back) when `fn` returns or
    raises, so a unit of work is also the transaction boundary. `read` hands a bare
    Connection instead: for read-only work on the hot path, where a Session's bookkeeping
    would cost more than the query.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect: Dialect = engine.dialect
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.runs_inline = engine.dialect.name == "sqlite"
        # SQLite only: the connection each thread keeps for `read_driver` (see `_reader`).
        self._readers = threading.local()
        self._all_readers: list[PoolProxiedConnection] = []
        self._readers_lock = threading.Lock()

    @classmethod
    def from_url(cls, url: str) -> Database:
        return cls(create_database_engine(url))

    async def run(
        self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        if self.runs_inline:
            return self.run_sync(fn, *args, **kwargs)
        return await anyio.to_thread.run_sync(partial(self.run_sync, fn, *args, **kwargs))

    def run_sync(
        self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        with self.sessions() as session:
            return fn(session, *args, **kwargs)

    async def read(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        if self.runs_inline:
            return self.read_sync(fn, *args, **kwargs)
        return await anyio.to_thread.run_sync(partial(self.read_sync, fn, *args, **kwargs))

    def read_sync(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        with self.engine.connect() as connection:
            return fn(connection, *args, **kwargs)

    async def read_driver(
        self,
        fn: Callable[Concatenate[PoolProxiedConnection, Dialect, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run a read-only `fn(dbapi_connection, dialect, ...)` on a bare DBAPI connection.

        For the hot path only: `fn` executes fixed SQL on a cursor and must leave no
        transaction open (SQLite's driver starts none for a SELECT).
        """
        if self.runs_inline:
            return fn(self._reader(), self.dialect, *args, **kwargs)
        return await anyio.to_thread.run_sync(partial(self._read_pooled, fn, *args, **kwargs))

    def _read_pooled(
        self,
        fn: Callable[Concatenate[PoolProxiedConnection, Dialect, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        # PostgreSQL: a pooled connection; returning it rolls back the read's transaction.
        connection = self.engine.raw_connection()
        try:
            return fn(connection, self.dialect, *args, **kwargs)
        finally:
            connection.close()

    def _reader(self) -> PoolProxiedConnection:
        """This thread's long-lived SQLite read connection, opened on first use.

        Kept open rather than checked out per request: the checkout and the rollback on
        return cost more than the lookup. One per thread because a connection must not be
        used by two threads at once (the app reads on the event loop thread; tests may run a
        second loop elsewhere). Autocommit SELECTs hold no snapshot between calls, so the
        reader sees every commit.
        """
        reader: PoolProxiedConnection | None = getattr(self._readers, "connection", None)
        if reader is None:
            reader = self.engine.raw_connection()
            self._readers.connection = reader
            with self._readers_lock:
                self._all_readers.append(reader)
        return reader

    def dispose(self) -> None:
        with self._readers_lock:
            readers, self._all_readers = self._all_readers, []
        for reader in readers:
            reader.close()
        self._readers = threading.local()
        self.engine.dispose()
