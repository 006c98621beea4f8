"""`GET /v1/codes/{code}`: the domain's decoding of an institution code, plus whether the
institution already sends data to HQMS (then it keeps its HQMS account; DESIGN §2).
"""

from __future__ import annotations

from pydantic import Field
from sqlalchemy.orm import Session

from domain import AlreadyInHqms, CodeReport, check_institution_code

from ..storage import queries


class CodeCheck(CodeReport):
    in_hqms: bool = Field(
        default=False, description="the institution is in the existing-HQMS registry"
    )
    hqms_name: str = Field(default="", description="its name in that registry")
    hqms_code: str = Field(
        default="",
        description="when in_hqms: the `problem` code of what to tell the caller (already_in_hqms)",
    )


def check_code(session: Session, raw: str) -> CodeCheck:
    report = check_institution_code(raw)
    # The registry holds full codes or bare organization codes; try both.
    candidates = {report.normalized}
    candidates.update(s.value for s in report.segments if s.name == "organization")
    name = queries.registry_name(session, sorted(c for c in candidates if c))
    check = CodeCheck(**report.model_dump())
    if name is not None:
        check.in_hqms = True
        check.hqms_name = name
        check.hqms_code = AlreadyInHqms.default.name
    return check
