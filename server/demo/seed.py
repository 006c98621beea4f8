"""`seed_demo`: the demo database — operators, one fixed phone per situation, background data.

The situations (DEMO_PHONES) are what an operator meets on the hotline; the README lists them
so anyone can type a number and see the case. Seeding is skipped (not repeated, not refused)
when the demo's own applications are already there, so `hqms-desk demo` can call it on every
start.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from random import Random
from typing import NamedTuple

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from domain import Conflict, Role, make_institution_code
from server.passwords import hash_password
from server.services.operators import add_operator
from server.storage import tables
from server.storage.engine import create_database_engine

from . import _flows as flows
from . import generators


class DemoOperator(NamedTuple):
    username: str
    password: str  # a published demo password, listed in the README
    role: Role
    display_name: str


DEMO_OPERATORS = (
    DemoOperator("demo", "demo-operator-2026", Role.OPERATOR, "演示接线员"),
    DemoOperator("reviewer", "demo-reviewer-2026", Role.REVIEWER, "演示审核员"),
    DemoOperator("admin", "demo-admin-2026", Role.ADMIN, "演示管理员"),
)

# One caller per situation. The 138 0013 80xx range is kept for them: no generated person
# (demo background or benchmark) has a 138 number.
DEMO_PHONES: dict[str, str] = {
    "unknown": "13800138000",
    "draft_empty": "13800138001",
    "draft_incomplete": "13800138002",
    "draft_ready_to_upload": "13800138003",
    "draft_stale_upload": "13800138004",
    "pending": "13800138005",
    "rejected": "13800138006",
    "approved": "13800138007",
    "change_open": "13800138008",
    "several": "13800138009",
    "legal_rep": "13800138010",
}

# 广州市越秀区第二人民医院 (fictional) already sends 病案首页 data to HQMS.
DEMO_HQMS_NAME = "广州市越秀区第二人民医院"
DEMO_HQMS_CODE = make_institution_code("45038862", "440104", "11", "A100", "1")

_DESCRIPTIONS = {
    "unknown": "没有任何申请的来电号码",
    "draft_empty": "刚通过短信验证，还没有填写资料",
    "draft_incomplete": "资料填了一半：缺开业日期和法定代表人手机，邮箱有误，地址与代码区划不一致",
    "draft_ready_to_upload": "资料已填完整，还没有上传盖章文件",
    "draft_stale_upload": (
        "已上传信息收集表和许可证，之后又改了资料：信息收集表已过期，同意书未上传"
    ),
    "pending": "已提交审核 3 天，待审核",
    "rejected": "审核不通过：执业许可证扫描件不清晰",
    "approved": "审核通过，已开通账号",
    "change_open": "已开通账号，正在办理变更资料（变更申请为草稿）",
    "several": "同一数据管理员的三条申请：一条被退回后重新申请，另一家机构已开通",
    "legal_rep": "来电者是一家已开通机构的法定代表人（不是数据管理员）",
}


@dataclass(frozen=True)
class DemoSummary:
    """What `seed_demo` did; `skipped` when the database already held the demo."""

    skipped: bool
    applications: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    operators_added: tuple[str, ...] = ()
    registry_entries: int = 0


def describe_demo() -> list[tuple[str, str, str]]:
    """(situation, phone or code, Chinese description) for the README and `hqms-desk demo`."""
    rows = [(key, phone, _DESCRIPTIONS[key]) for key, phone in DEMO_PHONES.items()]
    rows.append(
        (
            "in_hqms",
            DEMO_HQMS_CODE,
            f"已在 HQMS 对接的机构代码（{DEMO_HQMS_NAME}）："
            "无需申请，沿用 HQMS 账号并下载新版前置机程序",
        )
    )
    return rows


def _add_missing_operators(session: Session, now: datetime) -> tuple[str, ...]:
    existing = set(session.scalars(select(tables.operators.c.username)))
    added = []
    for operator in DEMO_OPERATORS:
        if operator.username in existing:
            continue
        try:
            add_operator(
                session,
                operator.username,
                operator.password,
                operator.role,
                operator.display_name,
                now=now,
            )
        except Conflict:  # another process added it meanwhile
            continue
        added.append(operator.username)
    return tuple(added)


def _situations(ctx: flows.FlowContext) -> None:
    """The fixed callers of DEMO_PHONES, spread over several provinces."""

    def institution(province: int) -> generators.Institution:
        return generators.institution(
            ctx.rng, place=generators.pick_place(ctx.rng, province), current_year=ctx.now.year
        )

    phones = DEMO_PHONES
    flows.draft_empty(ctx, phones["draft_empty"], days=0.02).note(
        ctx.ago(0.01), flows.OPERATOR, "来电咨询如何填写资料，已告知先准备好执业许可证。"
    )
    flows.draft_partial(ctx, phones["draft_incomplete"], institution(18), days=2)
    flows.draft_full(ctx, phones["draft_ready_to_upload"], institution(22), days=5)
    flows.draft_stale_upload(ctx, phones["draft_stale_upload"], institution(10), days=9)
    flows.submitted(ctx, phones["pending"], institution(15), days=3)
    flows.rejected(
        ctx, phones["rejected"], institution(2), days=10, reason=flows.REJECTION_REASONS[0]
    )
    flows.approved(ctx, phones["approved"], institution(8), days=53)
    parent = flows.approved(ctx, phones["change_open"], institution(26), days=120)
    flows.change_opened(ctx, parent, days=1)
    several = institution(12)
    flows.rejected(ctx, phones["several"], several, days=30, reason=flows.REJECTION_REASONS[1])
    flows.draft_full(ctx, phones["several"], several, days=2)
    flows.approved(ctx, phones["several"], institution(4), days=200, with_note=False)
    # The legal representative's mobile is searchable too: a director calling for the hospital.
    flows.approved(
        ctx,
        generators.mobile(ctx.rng),
        institution(20),
        days=80,
        legal_rep_mobile=phones["legal_rep"],
    )


def _background(ctx: flows.FlowContext, count: int) -> None:
    """`count` applications spread over every province and every state."""
    lives = (
        (flows.approved, 30), (flows.submitted, 18), (flows.rejected, 9), (flows.amended, 4),
        (flows.draft_full, 9), (flows.draft_partial, 8), (flows.draft_stale_upload, 6),
        ("empty", 6), ("change", 10),
    )  # fmt: skip
    for number in range(count):
        place = generators.pick_place(ctx.rng, number)
        institution = generators.institution(ctx.rng, place=place, current_year=ctx.now.year)
        phone = generators.mobile(ctx.rng)
        life = ctx.rng.choices([life for life, _ in lives], weights=[w for _, w in lives])[0]
        days = round(ctx.rng.uniform(0.2, 40), 2)
        if life == "empty":
            flows.draft_empty(ctx, phone, days)
        elif life == "change":
            parent = flows.approved(ctx, phone, institution, days + 30)
            flows.change_opened(ctx, parent, days)
        else:
            life(ctx, phone, institution, days)  # type: ignore[operator]


def _registry(ctx: flows.FlowContext, count: int) -> int:
    rows = [{"code": DEMO_HQMS_CODE, "name": DEMO_HQMS_NAME}]
    for number in range(count):
        place = generators.pick_place(ctx.rng, number * 3)
        existing = generators.institution(ctx.rng, place=place, current_year=ctx.now.year)
        rows.append({"code": existing.code, "name": existing.name})
    ctx.session.execute(insert(tables.hqms_registry), rows)
    return len(rows)


def _counts(session: Session, column: object) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column))  # type: ignore[call-overload]
    return {str(value): int(count) for value, count in rows}


def seed_demo(
    database_url: str,
    *,
    seed: int = 2026,
    applications: int = 60,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill a migrated database with the demo: operators, DEMO_PHONES' situations,
    `applications` background applications and the existing-HQMS registry.

    Skips (returns `skipped=True`, writes nothing) when the demo's situations are already
    there; adds only the demo operators that are missing. The same `seed` and `now` give the
    same data (password hashes aside: argon2 salts them).
    """
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    engine = create_database_engine(database_url)
    try:
        with Session(engine) as session:
            added = _add_missing_operators(session, now)
            seeded = session.scalar(
                select(func.count())
                .select_from(tables.applications)
                .where(tables.applications.c.admin_phone == DEMO_PHONES["draft_empty"])
            )
            if seeded:
                return DemoSummary(skipped=True, operators_added=added)
            # Nobody knows this password: an account's initial password only ever goes by email.
            ctx = flows.FlowContext(
                session, Random(seed), now, hash_password(secrets.token_urlsafe(16))
            )
            _situations(ctx)
            _background(ctx, applications)
            registry = _registry(ctx, 11)
            session.commit()
            by_status = _counts(session, tables.applications.c.status)
            return DemoSummary(
                skipped=False,
                applications=sum(by_status.values()),
                by_status=by_status,
                by_kind=_counts(session, tables.applications.c.kind),
                operators_added=added,
                registry_entries=registry,
            )
    finally:
        engine.dispose()
