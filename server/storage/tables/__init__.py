"""The database schema: SQLAlchemy 2 typed tables (the Alembic migrations follow this package).

Table and column names are a contract with the migrations and with the demo seeder
(`server.demo`), which bulk-inserts rows: rename nothing without a migration.

Timestamps are UTC (`UtcDateTime`). Phones are stored normalized (`13800138000`, see
`domain.normalize_mobile`) so that a lookup by phone is one indexed equality. Institution codes
are stored normalized (`domain.normalize_institution_code`), `""` while a draft has none yet.

One module per group of tables, all on the one `Base` (one `MetaData`, which Alembic reads);
import them from here. The modules' names start with `_` so that none hides the table of the
same name (`tables.applications`, `tables.outbox`, …).
"""

from ._accounts import (
    AccountRow,
    AccountSessionRow,
    HqmsRegistryRow,
    account_sessions,
    accounts,
    hqms_registry,
)
from ._applications import (
    OPEN_STATUSES,
    ApplicationRow,
    AuditEventRow,
    FileBlobRow,
    FileRow,
    FormRevisionRow,
    applications,
    audit_events,
    file_blobs,
    files,
    form_revisions,
)
from ._base import NAMING_CONVENTION, Base
from ._calls import CallRow, PresenceRow, calls, presence
from ._idempotency import IdempotencyKeyRow, idempotency_keys
from ._operators import OperatorRow, OperatorTokenRow, operator_tokens, operators
from ._outbox import OutboxAttachmentRow, OutboxRow, outbox, outbox_attachments
from ._recoveries import (
    PasswordRecoveryRow,
    RecoveryRequestRow,
    password_recoveries,
    recovery_requests,
)
from ._verifications import (
    ApplicantSessionRow,
    VerificationRow,
    applicant_sessions,
    verifications,
)

__all__ = [
    "NAMING_CONVENTION",
    "OPEN_STATUSES",
    "AccountRow",
    "AccountSessionRow",
    "ApplicantSessionRow",
    "ApplicationRow",
    "AuditEventRow",
    "Base",
    "CallRow",
    "FileBlobRow",
    "FileRow",
    "FormRevisionRow",
    "HqmsRegistryRow",
    "IdempotencyKeyRow",
    "OperatorRow",
    "OperatorTokenRow",
    "OutboxAttachmentRow",
    "OutboxRow",
    "PasswordRecoveryRow",
    "PresenceRow",
    "RecoveryRequestRow",
    "VerificationRow",
    "account_sessions",
    "accounts",
    "applicant_sessions",
    "applications",
    "audit_events",
    "calls",
    "file_blobs",
    "files",
    "form_revisions",
    "hqms_registry",
    "idempotency_keys",
    "operator_tokens",
    "operators",
    "outbox",
    "outbox_attachments",
    "password_recoveries",
    "presence",
    "recovery_requests",
    "verifications",
]
