"""Core statements executed on the DBAPI cursor, for the hottest read of the API.

SQLAlchemy's `Connection.execute` of a cached statement spends about twice the time of a
lookup by phone on its own machinery (execution context, parameter processing, result
wrapping). A `DriverStatement` keeps what that machinery would compute for one statement and
one dialect — the SQL text, the parameter order, the result processors — and runs it with a
plain `cursor.execute`. It serves statements whose bound values are plain strings and
integers, which no dialect converts on the way in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Dialect, PoolProxiedConnection, Select


@dataclass(frozen=True, slots=True)
class DriverStatement:
    sql: str
    defaults: dict[str, Any]  # every bound parameter, with the statement's own values
    positions: tuple[str, ...] | None  # parameter order, for positional paramstyles (SQLite)
    # (column index, SQLAlchemy's result processor): what a Core result would apply,
    # e.g. SQLite's timestamp text → aware UTC datetime (`types.UtcDateTime`).
    converters: tuple[tuple[int, Callable[[Any], Any]], ...]

    @classmethod
    def compile(
        cls, statement: Select[Any], dialect: Dialect, per_call: dict[str, Any]
    ) -> DriverStatement:
        """`statement` for `dialect`; `per_call` names the parameters each call gives."""
        compiled = statement.compile(dialect=dialect)
        converters = []
        for index, column in enumerate(statement.selected_columns):
            convert = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if convert is not None:
                converters.append((index, convert))
        return cls(
            sql=compiled.string,
            # Collects the parameters SQLAlchemy adds itself (SQLite's `OFFSET ?`, 0).
            defaults=dict(compiled.construct_params(per_call)),
            positions=tuple(compiled.positiontup) if compiled.positiontup else None,
            converters=tuple(converters),
        )

    def rows(self, connection: PoolProxiedConnection, **values: Any) -> list[tuple[Any, ...]]:
        """Every result row, as a tuple of Python values."""
        merged = {**self.defaults, **values}
        parameters: Any = merged
        if self.positions is not None:
            parameters = [merged[name] for name in self.positions]
        cursor = connection.cursor()
        try:
            cursor.execute(self.sql, parameters)
            rows = cast(list[tuple[Any, ...]], cursor.fetchall())
        finally:
            cursor.close()
        if not self.converters:
            return rows
        converted = []
        for row in rows:
            cells = list(row)
            for index, convert in self.converters:
                cells[index] = convert(cells[index])
            converted.append(tuple(cells))
        return converted
