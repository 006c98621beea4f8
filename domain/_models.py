"""The wire contract of the central API (DESIGN §3), shared by server, client and kiosk.

These models describe data, not rules: syntax that every client can check without the
server lives here (types, lengths); the rules of the form live in `_form_rules`, the rules of
the lifecycle in `_lifecycle`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, SerializationInfo, field_serializer

from ._messages import ParamValue, event_sentence, render, serialization_language


class Status(StrEnum):
    """Where an application stands (审核状态)."""

    DRAFT = "draft"  # 填写中：可保存、生成文件、上传
    PENDING = "pending"  # 待审核
    APPROVED = "approved"  # 审核通过
    REJECTED = "rejected"  # 审核不通过


class Kind(StrEnum):
    """Why the application exists."""

    NEW = "new"  # 首次申请
    CHANGE = "change"  # 变更资料 of an approved account


class Action(StrEnum):
    """Transitions and operations the state machine allows (`Application.actions`)."""

    SAVE_FORM = "save_form"
    CHANGE_ADMIN_MOBILE = "change_admin_mobile"
    UPLOAD = "upload"
    DELETE_FILE = "delete_file"
    SUBMIT = "submit"
    AMEND = "amend"
    APPROVE = "approve"
    REJECT = "reject"
    RESET_PASSWORD = "reset_password"
    SEND_DOCUMENTS = "send_documents"
    RESEND_NOTICE = "resend_notice"  # the approval or rejection notice again


class FileKind(StrEnum):
    """The three stamped scans that `submit` needs."""

    INFO_FORM = "info_form"  # 盖章的《医疗机构信息收集表》
    CONSENT = "consent"  # 盖章的《系统使用须知及同意书》
    LICENSE = "license"  # 《医疗机构执业许可证》盖章扫描件 (the seed's words)


class Role(StrEnum):
    OPERATOR = "operator"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Address(_Wire):
    """医疗机构地址: GB/T 2260 codes of province, city and district, plus the street."""

    province: str = ""
    city: str = ""
    district: str = ""
    street: str = ""


class Person(_Wire):
    """法定代表人."""

    name: str = ""
    mobile: str = ""


class Admin(_Wire):
    """数据管理员: logs in with the mobile, receives account mail at the email."""

    name: str = ""
    mobile: str = ""
    email: str = ""


class Form(_Wire):
    """填写资料. Every field may be empty while the application is a draft."""

    name: str = Field(default="", max_length=200)
    opened_on: str = Field(default="", description="开业日期, YYYY-MM")
    code: str = Field(default="", max_length=40)
    address: Address = Field(default_factory=Address)
    subjects: list[str] = Field(default_factory=list)
    legal_rep: Person = Field(default_factory=Person)
    admin: Admin = Field(default_factory=Admin)
    confirmed_warnings: list[str] = Field(
        default_factory=list,
        description="codes of warnings the operator confirmed after reading the licence",
    )


class Problem(_Wire):
    """One thing wrong with a field: a message code and its parameters (docs/messages.md).

    `message` is the sentence the server rendered for the request's language, for clients
    without the catalogues; the domain leaves it empty and the kiosk renders `code` + `params`.
    """

    field: str
    code: str
    params: dict[str, ParamValue] = Field(default_factory=dict)
    message: str = ""
    warning: bool = False

    @field_serializer("message")
    def _rendered(self, message: str, info: SerializationInfo) -> str:
        return message or render("problem", self, serialization_language(info)) or ""


class FileInfo(_Wire):
    id: str
    kind: FileKind
    filename: str
    size: int
    sha256: str
    stale: bool = False
    uploaded_at: datetime | None = None


class AccountRef(_Wire):
    id: str
    login_name: str


class Review(_Wire):
    reason: str = ""
    reviewer: str = ""
    at: datetime | None = None


class Application(_Wire):
    id: str
    kind: Kind
    status: Status
    revision: int
    form: Form
    problems: list[Problem] = Field(
        default_factory=list,
        description="what blocks submit, and (warning: true) the form's warnings not yet "
        "confirmed, which never block",
    )
    files: list[FileInfo] = Field(default_factory=list)
    account: AccountRef | None = None
    review: Review | None = None
    actions: list[Action] = Field(default_factory=list)
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None
    parent_id: str | None = Field(
        default=None, description="for a change application: the approved one it amends"
    )


class ApplicationSummary(_Wire):
    id: str
    kind: Kind
    status: Status
    name: str
    code: str
    phone: str = Field(description="the data administrator's mobile, masked")
    updated_at: datetime
    submitted_at: datetime | None = None
    account: AccountRef | None = None


class ApplicationPage(_Wire):
    items: list[ApplicationSummary]
    next_cursor: str | None = None


class FieldChange(_Wire):
    """One form field before and after a change (personal values masked)."""

    field: str = Field(description="dotted form path, e.g. `admin.email`, `address.street`")
    before: str = ""
    after: str = ""


class Event(_Wire):
    """One line of an application's timeline (audit events and call notes)."""

    id: str
    at: datetime
    actor: str
    action: str = Field(description="what happened: a code of the `event` catalogue namespace")
    params: dict[str, ParamValue] = Field(
        default_factory=dict, description="the action's parameters (docs/messages.md)"
    )
    detail: str = Field(default="", description="the sentence, in the request's language")
    changes: list[FieldChange] = Field(
        default_factory=list, description="for data changes: each field before → after, masked"
    )
    call_id: str | None = Field(default=None, description="the hotline call it happened in")

    @field_serializer("detail")
    def _rendered(self, detail: str, info: SerializationInfo) -> str:
        return detail or event_sentence(self, serialization_language(info)) or ""


class EventPage(_Wire):
    items: list[Event]


class Operator(_Wire):
    id: str
    username: str
    display_name: str = ""
    role: Role


class TokenGrant(_Wire):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime
    operator: Operator


class Health(_Wire):
    status: str
    database: str
    version: str = ""


class CodeSegment(_Wire):
    """One decoded part of a 22-character institution code."""

    name: str  # organization | division | economic_type | category | management
    value: str
    label: str = ""  # e.g. 广东省广州市越秀区, 综合医院, 非营利


class CodeReport(_Wire):
    """What `GET /v1/codes/{code}` and the validator say about an institution code."""

    input: str
    normalized: str
    valid: bool
    segments: list[CodeSegment] = Field(default_factory=list)
    errors: list[Problem] = Field(default_factory=list)
    warnings: list[Problem] = Field(default_factory=list)
    recognized_as: str | None = Field(
        default=None,
        description=(
            "organization_code | credit_code | registration_number "
            "when the caller read another number"
        ),
    )


class CodeCheck(CodeReport):
    """`GET /v1/codes/{code}`: the decoding, and whether the institution is one that already
    sends 病案首页 data to HQMS — then it keeps its HQMS account and needs no application (seed).

    The registry is matched by the organization code (the first 9 characters of a full code,
    or characters 9–17 of a credit code), so a caller who reads out any of the three numbers
    gets the same answer.
    """

    organization: str = Field(
        default="",
        description=(
            "the organization code the registry was looked up by; empty when the number names "
            "none (a provincial registration number, a number of the wrong length)"
        ),
    )
    in_hqms: bool = Field(
        default=False, description="the institution is in the existing-HQMS registry"
    )
    hqms_name: str = Field(default="", description="its name in that registry")
    hqms_code: str = Field(
        default="",
        description="when in_hqms: the `problem` code of what to tell the caller (already_in_hqms)",
    )


class Region(_Wire):
    """A GB/T 2260 division with its children (province → city → district)."""

    code: str
    name: str
    children: list[Region] = Field(default_factory=list)


class RegionTree(_Wire):
    items: list[Region]
    version: str = ""


class ProblemDetail(_Wire):
    """RFC 9457 problem+json body: `type` names the kind of problem (the client's exception
    class), `code` + `params` the message, `detail` its sentence in the request's language."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str
    params: dict[str, ParamValue] = Field(default_factory=dict)
    errors: list[Problem] = Field(default_factory=list)
