"""The three stamped scans (上传文件): upload, delete, download (DESIGN §2, §5).

JPG or PDF by content (magic bytes), at most 5 MB, one per kind, at most three; the stored
name is reduced to a safe one and its extension follows the content. An upload records the
application's current `form_number`, which is how a stamped form goes stale when the form
changes. Uploads and deletions overwrite nothing, so they need no `If-Match` and leave the
revision alone; they are on the timeline, which is what live views watch.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from domain import Action, FileInfo, FileKind, NotFound, define_code

from .._problems import ApiProblem
from ..storage import queries
from ..storage.tables import applications, file_blobs, files
from ..storage.writes import add_event
from ._draft_rows import check_allowed, load_application

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 3
CONTENT_TYPES = {"jpg": "image/jpeg", "pdf": "application/pdf"}
_UNSAFE = re.compile(r"[^\w.()\-\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class FileContent:
    filename: str
    content_type: str
    content: bytes


_TOO_LARGE = define_code("problem.file_too_large", "size_mb", "limit_mb")
_NOT_JPG_OR_PDF = define_code("problem.file_not_jpg_or_pdf", "looks_like")
_TOO_MANY = define_code("problem.too_many_files", "limit", "count")
_KIND_TAKEN = define_code("problem.file_kind_taken", "file")
_NO_SUCH_FILE = define_code("problem.no_such_file", "application", "file_id")
CONTENT_KINDS = (
    define_code("content.png"),
    define_code("content.gif"),
    define_code("content.office"),
    define_code("content.text"),
    define_code("content.unknown"),
)
"""What a refused upload looks like, named in the refusal (`looks_like`)."""
FILE_UPLOADED = define_code("event.file_uploaded", "file", "filename", "size")
FILE_DELETED = define_code("event.file_deleted", "file", "filename")


def file_too_large(size: int) -> ApiProblem:
    message = _TOO_LARGE(size_mb=f"{size / 1024 / 1024:.1f}", limit_mb=MAX_FILE_BYTES // 2**20)
    return ApiProblem(413, "file_too_large", message)


def _what_it_looks_like(content: bytes) -> str:
    if content.startswith(b"\x89PNG"):
        return "png"
    if content.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if content.startswith(b"PK\x03\x04"):
        return "office"
    try:
        content[:2048].decode("utf-8")
        return "text"
    except UnicodeDecodeError:
        return "unknown"


def detect_type(content: bytes) -> str:
    """`jpg` or `pdf` by the file's first bytes; 415 otherwise, whatever its name says."""
    if content.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if content.startswith(b"%PDF-"):
        return "pdf"
    raise ApiProblem(415, "file_type", _NOT_JPG_OR_PDF(looks_like=_what_it_looks_like(content)))


def safe_filename(raw: str, kind: FileKind, extension: str) -> str:
    """The last path part of `raw`, without unsafe characters, ending in `.extension`."""
    name = unicodedata.normalize("NFKC", raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = _UNSAFE.sub("_", stem).strip("._-")[:80] or kind.value
    return f"{stem}.{extension}"


def upload(
    session: Session,
    application_id: str,
    *,
    kind: FileKind,
    filename: str,
    content: bytes,
    actor: str,
    now: datetime,
) -> FileInfo:
    """Stores one scan of a draft; commits."""
    app = load_application(session, application_id, lock=True)
    check_allowed(app, Action.UPLOAD)
    if len(content) > MAX_FILE_BYTES:
        raise file_too_large(len(content))
    extension = detect_type(content)
    existing = queries.file_rows(session, application_id)
    if len(existing) >= MAX_FILES:
        message = _TOO_MANY(limit=MAX_FILES, count=len(existing))
        raise ApiProblem(409, "too_many_files", message)
    if any(row.kind == kind.value for row in existing):
        raise ApiProblem(409, "file_kind_taken", _KIND_TAKEN(file=kind.value))
    file_id = "F" + secrets.token_hex(8).upper()
    name = safe_filename(filename, kind, extension)
    digest = hashlib.sha256(content).hexdigest()
    session.execute(
        insert(files).values(
            id=file_id,
            application_id=application_id,
            kind=kind.value,
            filename=name,
            content_type=CONTENT_TYPES[extension],
            size=len(content),
            sha256=digest,
            form_number=app.form_number,
            uploaded_at=now,
            uploaded_by=actor,
        )
    )
    session.execute(insert(file_blobs).values(file_id=file_id, content=content))
    _touch(session, application_id, now)
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=actor,
        event=FILE_UPLOADED(file=kind.value, filename=name, size=len(content)),
    )
    session.commit()
    return FileInfo(
        id=file_id,
        kind=kind,
        filename=name,
        size=len(content),
        sha256=digest,
        stale=False,
        uploaded_at=now,
    )


def _touch(session: Session, application_id: str, now: datetime) -> None:
    session.execute(
        update(applications).where(applications.c.id == application_id).values(updated_at=now)
    )


def _file_row(session: Session, application_id: str, file_id: str) -> tuple[str, str]:
    row = session.execute(
        select(files.c.kind, files.c.filename).where(
            files.c.id == file_id, files.c.application_id == application_id
        )
    ).first()
    if row is None:
        raise NotFound(_NO_SUCH_FILE(application=application_id, file_id=file_id))
    return row.kind, row.filename


def delete_file(
    session: Session, application_id: str, file_id: str, *, actor: str, now: datetime
) -> None:
    """Removes one scan of a draft; commits."""
    app = load_application(session, application_id, lock=True)
    check_allowed(app, Action.DELETE_FILE)
    kind, filename = _file_row(session, application_id, file_id)
    session.execute(delete(file_blobs).where(file_blobs.c.file_id == file_id))
    session.execute(delete(files).where(files.c.id == file_id))
    _touch(session, application_id, now)
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=actor,
        event=FILE_DELETED(file=kind, filename=filename),
    )
    session.commit()


def download(session: Session, application_id: str, file_id: str) -> FileContent:
    """One scan's bytes (for reviewers), with the content type found at upload."""
    load_application(session, application_id)
    row = session.execute(
        select(files.c.filename, files.c.content_type, file_blobs.c.content)
        .join(file_blobs, file_blobs.c.file_id == files.c.id)
        .where(files.c.id == file_id, files.c.application_id == application_id)
    ).first()
    if row is None:
        raise NotFound(_NO_SUCH_FILE(application=application_id, file_id=file_id))
    return FileContent(row.filename, row.content_type, bytes(row.content))
