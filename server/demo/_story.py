"""Replays an application's history into the database: the rows the API would have written.

`Story` walks one application through the same steps the workflow takes (verification, form
saves, uploads, submit, review, amend, change) at given times, writing the application row, its
form revisions, files and timeline as it goes, so the demo's timelines read like real ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from random import Random

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from domain import FieldChange, FileKind, Form, Kind, Message, Status, mask_phone
from server.services.call_record import NOTE
from server.services.changes import CHANGE_APPROVED
from server.services.drafts import CREATED, FORM_SAVED, SUBMITTED
from server.services.field_changes import form_changes
from server.services.files import FILE_UPLOADED
from server.services.transitions import AMENDED_BECAUSE, APPROVED, REJECTED
from server.services.verifications import VERIFICATION_CONFIRMED
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
            masked = mask_phone(phone)
            confirmed = VERIFICATION_CONFIRMED(purpose="register", phone=masked)
            story.event(at, APPLICANT, confirmed)
            story.event(at, APPLICANT, CREATED(phone=masked))
        return story

    def event(
        self, at: datetime, actor: str, event: Message, changes: Sequence[FieldChange] = ()
    ) -> None:
        add_event(
            self.session,
            application_id=self.id,
            at=at,
            actor=actor,
            event=event,
            changes=changes,
        )

    def _update(self, at: datetime, **values: object) -> None:
        self.revision += 1
        self.session.execute(
            update(applications)
            .where(applications.c.id == self.id)
            .values(revision=self.revision, updated_at=at, **values)
        )

    def save_form(self, form: Form, at: datetime, actor: str = APPLICANT) -> None:
        changes = form_changes(self.form, form)
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
        self.event(at, actor, FORM_SAVED(fields=[c.field for c in changes]), changes)

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
        self.event(at, actor, FILE_UPLOADED(file=kind.value, filename=filename, size=len(content)))

    def upload_all(self, at: datetime, actor: str = APPLICANT) -> None:
        for kind in (FileKind.INFO_FORM, FileKind.CONSENT, FileKind.LICENSE):
            self.upload(kind, at, actor)

    def submit(self, at: datetime, actor: str = APPLICANT) -> None:
        self.status = Status.PENDING
        self._update(at, status=self.status.value, submitted_at=at)
        self.event(at, actor, SUBMITTED())

    def reject(self, at: datetime, reviewer: str, reason: str) -> None:
        self.status = Status.REJECTED
        self._update(
            at, status=self.status.value, review_reason=reason, reviewer=reviewer, reviewed_at=at
        )
        self.event(at, reviewer, REJECTED(reason=reason))

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
        approved = APPROVED(login=login_name) if self.kind is Kind.NEW else CHANGE_APPROVED()
        self.event(at, reviewer, approved)

    def amend(self, at: datetime, actor: str, reason: str) -> None:
        self.status = Status.DRAFT
        self._update(at, status=self.status.value, submitted_at=None)
        self.event(at, actor, AMENDED_BECAUSE(reason=reason))

    def note(self, at: datetime, actor: str, text: str) -> None:
        self.event(at, actor, NOTE(text=text))
