"""No document for an incomplete, masked or unprintable form: a sentence and the problems."""

from __future__ import annotations

import pytest

from domain import Address, Admin, FormInvalid, Person, make_institution_code
from pdfgen import DocumentRefused, FormSnapshot, render_consent, render_info_form
from tests.messages_text import said
from tests.pdfgen.pdf_samples import GENERATED_ON, application, complete_form

RENDERERS = [render_info_form, render_consent]


@pytest.mark.parametrize("render", RENDERERS)
def test_incomplete_form_is_refused_with_its_problems(render) -> None:
    form = complete_form(name="", opened_on="", admin=Admin(name="林晓梅", mobile="13912345678"))
    with pytest.raises(DocumentRefused) as refused:
        render(application(form), generated_on=GENERATED_ON)
    error = refused.value
    assert isinstance(error, FormInvalid)
    assert (error.kind, error.code) == ("document_refused", "document_refused_many")
    assert [p.field for p in error.problems] == ["name", "opened_on", "admin.email"]
    assert all(not p.warning for p in error.problems)
    assert said(error) == (
        "暂不能生成文件：资料中有 3 处需要补充或更正，请按列出的问题修改资料后重新下载。"
    )


def test_one_problem_is_the_sentence_itself() -> None:
    with pytest.raises(DocumentRefused) as refused:
        render_info_form(application(complete_form(opened_on="2030-01")), generated_on=GENERATED_ON)
    assert refused.value.kind == "document_refused"
    assert said(refused.value).startswith("开业日期 2030-01 晚于本月")


def test_a_warning_does_not_block() -> None:
    # A code whose division (天河区) differs from the address (越秀区): institutions move.
    moved = complete_form(code=make_institution_code("45038862", "440106", "11", "A100", "1"))
    pdf = render_info_form(application(moved), generated_on=GENERATED_ON)
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("render", RENDERERS)
def test_extension_b_character_is_refused_by_name_and_field(render) -> None:
    form = complete_form(name="𠀾州示范医院")
    with pytest.raises(DocumentRefused) as refused:
        render(application(form), generated_on=GENERATED_ON)
    [problem] = refused.value.problems
    assert problem.field == "name"
    assert said(problem).startswith("“𠀾”（医疗机构名称）是生僻字，文件所用字体无法打印")
    assert "𠀾" in said(refused.value)


def test_every_unprintable_character_is_named_once() -> None:
    form = complete_form(
        name="𠀾𠀾示范医院",
        address=Address(province="440000", city="440100", district="440104", street="㐀路 1 号"),
        legal_rep=Person(name="陈😀", mobile="13800138000"),
    )
    with pytest.raises(DocumentRefused) as refused:
        render_info_form(application(form), generated_on=GENERATED_ON)
    problems = refused.value.problems
    assert [(p.field, said(p)[:3]) for p in problems] == [
        ("name", "“𠀾”"),
        ("address.street", "“㐀”"),
        ("legal_rep.name", "“😀”"),
    ]
    assert "生僻字" not in said(problems[2])


def test_masked_form_is_refused() -> None:
    masked = complete_form(legal_rep=Person(name="陈志远", mobile="138****8000"))
    with pytest.raises(DocumentRefused) as refused:
        render_consent(application(masked), generated_on=GENERATED_ON)
    assert [p.field for p in refused.value.problems] == ["legal_rep.mobile"]
    assert "遮挡" in said(refused.value)


def test_a_snapshot_renders_like_the_application() -> None:
    source = application()
    snapshot = FormSnapshot(id=source.id, revision=source.revision, form=source.form)
    assert render_info_form(snapshot, generated_on=GENERATED_ON) == render_info_form(
        source, generated_on=GENERATED_ON
    )
