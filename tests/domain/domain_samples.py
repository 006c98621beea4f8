"""Shared sample data for the domain tests: a complete form and valid code segments."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain import Address, Admin, FileInfo, FileKind, Form, Person, make_institution_code
from tests.messages_text import said

__all__ = ["said"]

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)

# 越秀区, 广州市, 广东省; the organization code 45038862-0 is a real-world check example.
CODE = make_institution_code("45038862", "440104", "11", "A100", "1")


def complete_form(**changes: object) -> Form:
    form = Form(
        name="广州市越秀区示例医院",
        opened_on="2008-06",
        code=CODE,
        address=Address(
            province="440000", city="440100", district="440104", street="中山二路 58 号"
        ),
        subjects=["内科", "外科"],
        legal_rep=Person(name="张三", mobile="13800138000"),
        admin=Admin(name="李四", mobile="13900139000", email="lisi@example.com"),
    )
    return form.model_copy(update=changes)


def scan(kind: FileKind, *, stale: bool = False, number: int = 1) -> FileInfo:
    return FileInfo(
        id=f"{kind.value}-{number}",
        kind=kind,
        filename=f"{kind.value}.pdf",
        size=1024,
        sha256="0" * 64,
        stale=stale,
    )


def all_scans() -> list[FileInfo]:
    return [scan(kind) for kind in FileKind]
