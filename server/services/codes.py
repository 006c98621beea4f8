"""`GET /v1/codes/{code}`: the domain's decoding of an institution code, plus whether the
institution already sends data to HQMS (then it keeps its HQMS account; DESIGN §2).

The registry is matched by organization code: the office's list holds full codes or bare
organization codes, and callers read out the full code, the organization code or the unified
social credit code (whose characters 9–17 are the organization code). Whatever was read, the
same institution gets the same answer.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from domain import (
    AlreadyInHqms,
    CodeCheck,
    CodeReport,
    check_institution_code,
    normalize_institution_code,
)

from ..storage import queries

ORGANIZATION_LENGTH = 9


def organization_of(report: CodeReport) -> str | None:
    """The organization code a decoded number names: the first 9 characters of a full code,
    an organization code itself, characters 9–17 of a credit code; None for anything else (a
    provincial registration number, a number of the wrong length)."""
    for segment in report.segments:
        value = segment.value
        if segment.name == "organization" and len(value) == ORGANIZATION_LENGTH and value.isalnum():
            return value
    return None


def registry_name_of(session: Session, raw: str) -> str | None:
    """The existing-HQMS registry's name for the institution `raw` names, else None."""
    report = check_institution_code(raw)
    organization = organization_of(report)
    if organization is None:
        return None
    return queries.registry_name(session, organization, report.normalized)


def check_code(session: Session, raw: str) -> CodeCheck:
    report = check_institution_code(raw)
    organization = organization_of(report)
    check = CodeCheck(**report.model_dump(), organization=organization or "")
    if organization is None:
        return check
    name = queries.registry_name(session, organization, report.normalized)
    if name is not None:
        check.in_hqms = True
        check.hqms_name = name
        check.hqms_code = AlreadyInHqms.default.name
    return check


def search_code(raw: str) -> str:
    """What `GET /v1/applications?code=` matches for a number a caller read out: the normalized
    code itself, or for a credit code its organization code (every application whose code
    starts with it), since no form holds a credit code."""
    code = normalize_institution_code(raw)
    if len(code) == 18:
        report = check_institution_code(code)
        if report.recognized_as == "credit_code":
            return organization_of(report) or code
    return code
