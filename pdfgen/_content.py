"""What the documents print, checked and decoded once: the refusal rules live here.

A document exists only for a complete, valid form (blocking problems of `domain.form_problems`;
confirmable warnings do not block), with the stored personal values (never the masked ones),
and with characters the embedded font can draw: a rare character is refused with a sentence
naming it, never printed as an empty box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from domain import (
    Application,
    CodeSegment,
    Form,
    Problem,
    check_institution_code,
    division_name,
    form_problems,
    normalize_email,
    normalize_institution_code,
    normalize_mobile,
)

from ._errors import UNPRINTABLE, UNPRINTABLE_RARE, DocumentRefused
from ._fingerprint import Fingerprint, fingerprint, masked_problems
from ._font import is_rare_ideograph, unprintable_characters

# The decoded segments of the institution code, in the order the code writes them.
SEGMENT_TITLES: dict[str, str] = {
    "organization": "组织机构代码",
    "division": "行政区划",
    "economic_type": "经济类型",
    "category": "机构类别",
    "management": "管理类别",
}


@dataclass(frozen=True)
class FormSnapshot:
    """An application's form at one revision: what a document is rendered from.

    `domain.Application` has the same three attributes and may be passed instead.
    """

    id: str
    revision: int
    form: Form


@dataclass(frozen=True)
class CodeSegmentText:
    name: str  # division
    title: str  # 行政区划
    value: str  # 440104
    label: str  # 广东省广州市越秀区


@dataclass(frozen=True)
class DocumentContent:
    application_id: str
    revision: int
    fingerprint: Fingerprint
    name: str
    opened_on: str  # 2008 年 06 月
    code: str  # 22 characters, normalized
    code_segments: tuple[CodeSegmentText, ...]
    address: str  # 广东省广州市越秀区中山二路 58 号, 天津市和平区…: as people write it
    subjects: tuple[str, ...]
    legal_rep_name: str
    legal_rep_mobile: str
    admin_name: str
    admin_mobile: str
    admin_email: str

    def placeholders(self) -> dict[str, str]:
        """What the wording's placeholders (`_texts.PLACEHOLDERS`) stand for here."""
        return {
            "name": self.name,
            "code": self.code,
            "id": self.application_id,
            "revision": str(self.revision),
            "fingerprint": str(self.fingerprint),
        }


def document_content(source: Application | FormSnapshot, generated_on: date) -> DocumentContent:
    """The checked, decoded content of both documents; raises `DocumentRefused`.

    `generated_on` is the day the form is checked against (an opening date may not be in the
    future); it is not printed, so a document is the same file whenever it is downloaded.
    """
    form = source.form
    problems = masked_problems(form)
    problems += [p for p in form_problems(form, today=generated_on) if not p.warning]
    if problems:
        raise DocumentRefused(problems)
    content = _decode(source, form)
    font_problems = _font_problems(content)
    if font_problems:
        raise DocumentRefused(font_problems)
    return content


def _decode(source: Application | FormSnapshot, form: Form) -> DocumentContent:
    report = check_institution_code(form.code)
    segments = tuple(
        CodeSegmentText(s.name, SEGMENT_TITLES.get(s.name, s.name), s.value, _segment_label(s))
        for s in report.segments
    )
    address = form.address
    deepest = address.district or address.city or address.province
    # Without the grouping levels (市辖区, 省直辖县级行政区划…) no one writes in an address.
    region = division_name(deepest) or ""
    year, month = form.opened_on.strip().split("-")
    return DocumentContent(
        application_id=source.id,
        revision=source.revision,
        fingerprint=fingerprint(source.id, source.revision, form),
        name=_text(form.name),
        opened_on=f"{year} 年 {month} 月",
        code=normalize_institution_code(form.code),
        code_segments=segments,
        address=f"{region}{_text(address.street)}",
        subjects=tuple(_text(s) for s in form.subjects),
        legal_rep_name=_text(form.legal_rep.name),
        legal_rep_mobile=normalize_mobile(form.legal_rep.mobile, "legal_rep.mobile"),
        admin_name=_text(form.admin.name),
        admin_mobile=normalize_mobile(form.admin.mobile, "admin.mobile"),
        admin_email=normalize_email(form.admin.email, "admin.email"),
    )


def _text(value: str) -> str:
    # As the fingerprint reads it (`_fingerprint.canonical_form`): one fingerprint, one print.
    return unicodedata.normalize("NFC", value.strip())


def _segment_label(segment: CodeSegment) -> str:
    # The organization segment's label repeats its title; a missing label (a value outside
    # the shipped lists, confirmed by the operator) is said plainly rather than left blank.
    if segment.name == "organization":
        return ""
    return segment.label or "（未收录，已核对许可证）"


def _font_problems(content: DocumentContent) -> list[Problem]:
    printed = (
        ("name", content.name),
        ("code", " ".join(s.label for s in content.code_segments)),
        ("address.street", content.address),
        ("subjects", " ".join(content.subjects)),
        ("legal_rep.name", content.legal_rep_name),
        ("admin.name", content.admin_name),
        ("admin.email", content.admin_email),
    )
    problems: list[Problem] = []
    for field, text in printed:
        for char in unprintable_characters(text):
            unprintable = UNPRINTABLE_RARE if is_rare_ideograph(char) else UNPRINTABLE
            # A control character would not show in the sentence: its code point does.
            shown = char if char.isprintable() else f"U+{ord(char):04X}"
            message = unprintable(char=shown, field=field)
            problems.append(Problem(field=field, code=message.code, params=message.params))
    return problems
