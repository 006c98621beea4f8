"""Replays an application's history into the database: the rows the API would have written.

`Story` walks one application through the same steps the workflow takes (verification, form
saves, uploads, submit, review, amend, change) at given times, writing the application row, its
form revisions, files and timeline as it goes, so the demo's timelines read like real ones.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from random import Random

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from domain import FileKind, Form, Kind, Status, mask_phone
from server.storage.tables import applications, file_blobs, files, form_revisions
from server.storage.writes import (
    add_event,
    insert_account,
    insert_application,
    searchable_code,
    searchable_phone,
)

from ._scans import scan_bytes

APPLICANT = "applicant"
# Letters and digits an operator can read aloud without O/0 or I/1 confusion.
_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

FILE_NAMES = {
    FileKind.INFO_FORM: ("医疗机构信息收集表（盖章）.pdf", "application/pdf"),
    FileKind.CONSENT: ("系统使用须知及同意书（盖章）.pdf", "application/pdf"),
    FileKind.LICENSE: ("医疗机构执业许可证.jpg", "image/jpeg"),
}
FILE_TITLES = {
    FileKind.INFO_FORM: "《医疗机构信息收集表》",
    FileKind.CONSENT: "《系统使用须知及同意书》",
    FileKind.LICENSE: "《医疗机构执业许可证》扫描件",
}


def application_id(rng: Random) -> str:
    """e.g. `HQ7K-M2XP`, drawn from `rng` so the demo is reproducible."""
    chars = "".join(rng.choice(_ID_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def short_id(rng: Random, prefix: str) -> str:
    return prefix + "".join(rng.choice(_ID_ALPHABET) for _ in range(10))


@dataclass
class Story:
    """One application being written; each method is one step of its life."""

    session: Session
    rng: Random
    id: str
    kind: Kind
    status: Status
    form: Form
    admin_phone: str
    revision: int = 1
    form_number: int = 1
    account_id: str | None = None

    @classmethod
    def verified(
        cls,
        session: Session,
        rng: Random,
        *,
        phone: str,
        at: datetime,
        kind: Kind = Kind.NEW,
        form: Form | None = None,
        parent_id: str | None = None,
        account_id: str | None = None,
        actor: str = APPLICANT,
    ) -> Story:
        """The draft created after the caller's phone passed SMS verification (身份验证)."""
        story = cls(session, rng, application_id(rng), kind, Status.DRAFT, form or Form(), phone)
        story.account_id = account_id
        insert_application(
            session,
            application_id=story.id,
            kind=kind.value,
            status=Status.DRAFT.value,
            form=story.form,
            admin_phone=phone,
            at=at,
            actor=actor,
            parent_id=parent_id,
            account_id=account_id,
        )
        if kind is Kind.NEW:
            story.event(at, APPLICANT, "verified", f"手机号 {mask_phone(phone)} 通过短信验证")
            story.event(at, APPLICANT, "created", "创建首次申请")
        return story

    def event(self, at: datetime, actor: str, action: str, detail: str = "") -> None:
        add_event(
            self.session,
            application_id=self.id,
            at=at,
            actor=actor,
            action=action,
            detail=detail,
        )

    def _update(self, at: datetime, **values: object) -> None:
        self.revision += 1
        self.session.execute(
            update(applications)
            .where(applications.c.id == self.id)
            .values(revision=self.revision, updated_at=at, **values)
        )

    def save_form(self, form: Form, at: datetime, actor: str = APPLICANT) -> None:
        self.form, self.form_number = form, self.form_number + 1
        self.session.execute(
            insert(form_revisions).values(
                application_id=self.id,
                number=self.form_number,
                form=form.model_dump(mode="json"),
                created_at=at,
                created_by=actor,
            )
        )
        self._update(
            at,
            form_number=self.form_number,
            name=form.name,
            code=searchable_code(form.code),
            legal_rep_phone=searchable_phone(form.legal_rep.mobile),
        )
        self.event(at, actor, "form_saved", f"保存填写资料（第 {self.form_number} 版）")

    def upload(self, kind: FileKind, at: datetime, actor: str = APPLICANT) -> None:
        filename, content_type = FILE_NAMES[kind]
        content = scan_bytes(kind, self.id, self.form_number)
        file_id = short_id(self.rng, "F")
        self.session.execute(
            insert(files).values(
                id=file_id,
                application_id=self.id,
                kind=kind.value,
                filename=filename,
                content_type=content_type,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                form_number=self.form_number,
                uploaded_at=at,
                uploaded_by=actor,
            )
        )
        self.session.execute(insert(file_blobs).values(file_id=file_id, content=content))
        self.event(at, actor, "file_uploaded", f"上传{FILE_TITLES[kind]} {filename}")

    def upload_all(self, at: datetime, actor: str = APPLICANT) -> None:
        for kind in (FileKind.INFO_FORM, FileKind.CONSENT, FileKind.LICENSE):
            self.upload(kind, at, actor)

    def submit(self, at: datetime, actor: str = APPLICANT) -> None:
        self.status = Status.PENDING
        self._update(at, status=self.status.value, submitted_at=at)
        self.event(at, actor, "submitted", "提交审核")

    def reject(self, at: datetime, reviewer: str, reason: str) -> None:
        self.status = Status.REJECTED
        self._update(
            at, status=self.status.value, review_reason=reason, reviewer=reviewer, reviewed_at=at
        )
        self.event(at, reviewer, "rejected", f"审核不通过：{reason}（已邮件通知数据管理员）")

    def approve(self, at: datetime, reviewer: str, *, login_name: str, password_hash: str) -> None:
        self.status = Status.APPROVED
        if self.kind is Kind.NEW:
            self.account_id = short_id(self.rng, "AC")
            insert_account(
                self.session,
                account_id=self.account_id,
                login_name=login_name,
                form=self.form,
                at=at,
                password_hash=password_hash,
            )
        self._update(
            at,
            status=self.status.value,
            account_id=self.account_id,
            review_reason=None,
            reviewer=reviewer,
            reviewed_at=at,
        )
        if self.kind is Kind.NEW:
            detail = f"审核通过，开通账号 {login_name}；账号邮件已发给数据管理员，短信已通知"
        else:
            detail = "审核通过，账号资料已更新"
        self.event(at, reviewer, "approved", detail)

    def amend(self, at: datetime, actor: str, reason: str) -> None:
        self.status = Status.DRAFT
        self._update(at, status=self.status.value, submitted_at=None)
        self.event(at, actor, "amended", f"退回修改：{reason}")

    def note(self, at: datetime, actor: str, text: str) -> None:
        self.event(at, actor, "note", text)
