"""The fingerprint: stable under normalization, changed by any printed field, verifiable."""

from __future__ import annotations

import pytest

from domain import Address, Admin, Person
from pdfgen import (
    DocumentRefused,
    Fingerprint,
    fingerprint,
    parse_fingerprint,
    verify_fingerprint,
)
from tests.messages_text import said
from tests.pdfgen.pdf_samples import APPLICATION_ID, complete_form


def test_fingerprint_prints_id_revision_and_a_short_hash() -> None:
    printed = str(fingerprint(APPLICATION_ID, 3, complete_form()))
    parsed = parse_fingerprint(f"文件指纹：{printed}。")
    assert parsed is not None
    assert printed == f"HQMS:{APPLICATION_ID}:R3:{parsed.digest}"
    assert len(parsed.digest) == 12 and parsed.digest == parsed.digest.upper()


def test_the_same_data_written_differently_keeps_the_fingerprint() -> None:
    form = complete_form()
    retyped = complete_form(
        code=f"{form.code[:9].lower()}-{form.code[9:].lower()}",
        legal_rep=Person(name="陈志远", mobile="+86 138-0013-8000"),
        admin=Admin(name="林晓梅", mobile="139 1234 5678", email="linxiaomei@Example-Hospital.CN"),
        confirmed_warnings=["code_division_address_mismatch"],
    )
    assert fingerprint(APPLICATION_ID, 3, retyped) == fingerprint(APPLICATION_ID, 3, form)


@pytest.mark.parametrize(
    "change",
    [
        {"name": "广州市越秀区示范人民医院分院"},
        {"opened_on": "1998-10"},
        {"address": Address(province="440000", city="440100", district="440104", street="58号")},
        {"subjects": ["内科", "外科", "儿科"]},
        {"subjects": ["外科", "内科", "儿科", "医学检验科"]},
        {"legal_rep": Person(name="陈志远", mobile="13800138001")},
        {"admin": Admin(name="林晓", mobile="13912345678", email="linxiaomei@example-hospital.cn")},
    ],
    ids=lambda change: next(iter(change)),
)
def test_a_changed_form_changes_the_fingerprint(change: dict[str, object]) -> None:
    original = fingerprint(APPLICATION_ID, 3, complete_form())
    changed = fingerprint(APPLICATION_ID, 3, complete_form(**change))
    assert changed.digest != original.digest
    assert not verify_fingerprint(str(original), APPLICATION_ID, 3, complete_form(**change))


def test_verify_checks_id_revision_and_data() -> None:
    form = complete_form()
    printed = str(fingerprint(APPLICATION_ID, 3, form))
    assert verify_fingerprint(printed, APPLICATION_ID, 3, form)
    assert verify_fingerprint(printed.lower(), APPLICATION_ID, 3, form)
    assert verify_fingerprint(parse_fingerprint(printed) or printed, APPLICATION_ID, 3, form)
    assert not verify_fingerprint(printed, APPLICATION_ID, 4, form)
    assert not verify_fingerprint(printed, "HQ7K-M2XQ", 3, form)
    assert not verify_fingerprint("没有指纹的扫描件", APPLICATION_ID, 3, form)
    assert parse_fingerprint("HQMS:HQ7K-M2XP:R3:XYZ") is None


def test_masked_personal_data_is_never_fingerprinted() -> None:
    masked = complete_form(admin=Admin(name="林*", mobile="139****5678", email="l***@example.cn"))
    with pytest.raises(DocumentRefused) as refused:
        fingerprint(APPLICATION_ID, 3, masked)
    assert [p.field for p in refused.value.problems] == [
        "admin.name",
        "admin.mobile",
        "admin.email",
    ]
    assert "139****5678" in said(refused.value.problems[1])
    assert isinstance(fingerprint(APPLICATION_ID, 3, complete_form()), Fingerprint)
