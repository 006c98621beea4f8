"""The typical lives of an application, as `Story` steps at times relative to now.

Each flow takes the institution and the caller's phone and returns the stories it wrote, so the
demo's fixed situations and its background applications are made the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random

from sqlalchemy.orm import Session

from domain import FileKind, Form, Kind, mask_email
from server.services.changes import CHANGE_CREATED, CHANGE_OPENED
from server.services.documents import DOCUMENTS_SENT

from . import generators
from ._story import Story

OPERATOR = "demo"
REVIEWER = "reviewer"

REJECTION_REASONS = (
    "执业许可证扫描件不清晰，请重新扫描上传。",
    "信息收集表未加盖医疗机构公章。",
    "医疗机构名称与公章不一致。",
    "医疗机构代码与执业许可证上的登记号不一致，请核对后重新填写。",
)
CALL_NOTES = (
    "来电咨询审核进度，已告知一般在 5 个工作日内完成审核。",
    "来电询问登录地址，已告知 https://flu.hqms.org.cn/login.jsp 。",
    "来电询问盖章要求，已说明两份表格均需加盖医疗机构公章。",
    "来电确认数据管理员邮箱，已提醒查收账号开通邮件（含垃圾邮件箱）。",
)


@dataclass
class FlowContext:
    """What every flow needs: where to write, the random source, the clock."""

    session: Session
    rng: Random
    now: datetime
    account_password_hash: str
    emails_issued: int = 0
    logins_by_division: Counter[str] = field(default_factory=Counter)
    # One mobile is one person: every form of a phone keeps the admin's name and email.
    admins_by_phone: dict[str, tuple[str, str]] = field(default_factory=dict)

    def ago(self, days: float, minutes: float = 0) -> datetime:
        return self.now - timedelta(days=days, minutes=minutes)

    def form(self, institution: generators.Institution, phone: str) -> Form:
        self.emails_issued += 1
        form = generators.full_form(
            institution, admin_mobile=phone, rng=self.rng, n=self.emails_issued
        )
        name, email = self.admins_by_phone.setdefault(phone, (form.admin.name, form.admin.email))
        form.admin.name, form.admin.email = name, email
        return form

    def login_name(self, form: Form) -> str:
        """e.g. `hqms_440104_0012`: the division of the code and a running number in it."""
        division = form.code[9:15]
        self.logins_by_division[division] += 1
        return f"hqms_{division}_{self.logins_by_division[division]:04d}"


def _steps(ctx: FlowContext, days: float, until_days: float) -> list[datetime]:
    """Five increasing times from `days` ago to before `until_days` ago, whole seconds,
    spread like an applicant's sessions."""
    start, end = ctx.ago(days), ctx.ago(until_days)
    offsets = sorted(ctx.rng.uniform(0.02, 0.98) for _ in range(4))
    return [start, *((start + (end - start) * o).replace(microsecond=0) for o in offsets)]


def _draft_steps(ctx: FlowContext, days: float) -> list[datetime]:
    return _steps(ctx, days, max(days - 3, days * 0.1))


def draft_empty(ctx: FlowContext, phone: str, days: float) -> Story:
    return Story.verified(ctx.session, ctx.rng, phone=phone, at=ctx.ago(days))


def draft_partial(
    ctx: FlowContext, phone: str, institution: generators.Institution, days: float
) -> Story:
    """A form saved half-way: no opening date, no legal representative's mobile, a mistyped
    email and an address in another district than the code says (a confirmable warning)."""
    at = _draft_steps(ctx, days)
    story = Story.verified(ctx.session, ctx.rng, phone=phone, at=at[0])
    form = ctx.form(institution, phone)
    other = generators.pick_place(ctx.rng)
    form.opened_on = ""
    form.legal_rep.mobile = ""
    form.admin.email = form.admin.email.split("@")[0] + "@hospital"
    form.address.province = other.province.code
    form.address.city = other.city.code
    form.address.district = other.district.code
    story.save_form(form, at[1])
    return story


def draft_full(
    ctx: FlowContext, phone: str, institution: generators.Institution, days: float
) -> Story:
    """A complete form, saved twice (subjects corrected), nothing uploaded yet."""
    at = _draft_steps(ctx, days)
    story = Story.verified(ctx.session, ctx.rng, phone=phone, at=at[0])
    form = ctx.form(institution, phone)
    first = form.model_copy(deep=True)
    first.subjects = first.subjects[:1]
    story.save_form(first, at[1])
    story.save_form(form, at[2])
    # The hotline mailed the two forms to stamp (POST …/documents/send).
    story.event(at[3], OPERATOR, DOCUMENTS_SENT(email=mask_email(form.admin.email)))
    return story


def draft_stale_upload(
    ctx: FlowContext, phone: str, institution: generators.Institution, days: float
) -> Story:
    """The info form and licence uploaded, then the form changed: the stamped info form is
    stale and the consent form is still missing."""
    at = _draft_steps(ctx, days)
    story = Story.verified(ctx.session, ctx.rng, phone=phone, at=at[0])
    form = ctx.form(institution, phone)
    story.save_form(form, at[1])
    story.upload(FileKind.INFO_FORM, at[2])
    story.upload(FileKind.LICENSE, at[2])
    changed = form.model_copy(deep=True)
    changed.address.street = generators.street_address(ctx.rng)
    story.save_form(changed, at[3])
    return story


def submitted(
    ctx: FlowContext,
    phone: str,
    institution: generators.Institution,
    days: float,
    *,
    legal_rep_mobile: str | None = None,
) -> Story:
    """Form, three uploads, submitted `days` ago (待审核)."""
    at = _steps(ctx, days + 1.5, days + 0.02)
    story = Story.verified(ctx.session, ctx.rng, phone=phone, at=at[0])
    form = ctx.form(institution, phone)
    form.legal_rep.mobile = legal_rep_mobile or form.legal_rep.mobile
    story.save_form(form, at[1])
    story.upload_all(at[2])
    story.submit(ctx.ago(days))
    return story


def rejected(
    ctx: FlowContext,
    phone: str,
    institution: generators.Institution,
    days: float,
    reason: str | None = None,
) -> Story:
    story = submitted(ctx, phone, institution, days + 2)
    story.reject(ctx.ago(days), REVIEWER, reason or ctx.rng.choice(REJECTION_REASONS))
    return story


def amended(
    ctx: FlowContext, phone: str, institution: generators.Institution, days: float
) -> Story:
    """Submitted, then sent back to draft at the caller's request to correct the form."""
    story = submitted(ctx, phone, institution, days + 1)
    story.amend(ctx.ago(days), OPERATOR, "来电要求更正法定代表人信息")
    return story


def approved(
    ctx: FlowContext,
    phone: str,
    institution: generators.Institution,
    days: float,
    *,
    with_note: bool = True,
    legal_rep_mobile: str | None = None,
) -> Story:
    story = submitted(ctx, phone, institution, days + 2, legal_rep_mobile=legal_rep_mobile)
    story.approve(
        ctx.ago(days),
        REVIEWER,
        login_name=ctx.login_name(story.form),
        password_hash=ctx.account_password_hash,
    )
    if with_note:
        story.note(ctx.ago(days * 0.5), OPERATOR, ctx.rng.choice(CALL_NOTES))
    return story


def change_opened(ctx: FlowContext, parent: Story, days: float) -> Story:
    """A change application (变更资料) opened on an approved one, with a new street saved."""
    at = ctx.ago(days)
    change = Story.verified(
        ctx.session,
        ctx.rng,
        phone=parent.admin_phone,
        at=at,
        kind=Kind.CHANGE,
        form=parent.form.model_copy(deep=True),
        parent_id=parent.id,
        account_id=parent.account_id,
        actor=OPERATOR,
    )
    parent.event(at, OPERATOR, CHANGE_OPENED(application=change.id))
    change.event(at, OPERATOR, CHANGE_CREATED(parent=parent.id))
    moved = change.form.model_copy(deep=True)
    moved.address.street = generators.street_address(ctx.rng)
    change.save_form(moved, at + timedelta(minutes=12), actor=OPERATOR)
    return change
