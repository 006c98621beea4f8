"""The documents' wording as data: a replacement file prints its own clauses; a wrong file is
refused with a stable code and one sentence naming the key; wording too long for one page is
refused too."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdfgen import (
    DocumentTextsInvalid,
    check_one_page,
    load_document_texts,
    render_consent,
    render_info_form,
)
from pdfgen._texts import DEFAULT_TEXTS
from tests.messages_text import said
from tests.pdfgen.pdf_samples import GENERATED_ON, application, pdf_text, squeezed

OFFICIAL_CLAUSE = "本机构同意按国家卫生健康委医政医管局的要求报送流感医疗服务监测数据（{name}）。"


def replaced(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped wording with one passage replaced, as a file of its own."""
    text = DEFAULT_TEXTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "texts.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def refused(path: Path) -> DocumentTextsInvalid:
    with pytest.raises(DocumentTextsInvalid) as raised:
        load_document_texts(path)
    return raised.value


def test_the_shipped_wording_is_complete_and_fits_one_page() -> None:
    texts = load_document_texts()
    check_one_page(texts)
    assert texts.text("consent.title") == "系统使用须知及同意书"
    assert texts.texts("seal.signatures") == ()


def test_a_replacement_file_prints_its_clauses(pdftotext: str, tmp_path: Path) -> None:
    path = replaced(
        tmp_path,
        '[[consent.sections]]\nheading = "四、其他"',
        f'[[consent.sections]]\nheading = "四、监测要求"\nclauses = ["{OFFICIAL_CLAUSE}"]\n\n'
        '[[consent.sections]]\nheading = "五、其他"',
    )
    header = 'header_right = "流感医疗服务监测系统"'
    path.write_text(
        path.read_text(encoding="utf-8").replace(header, 'header_right = "{{{id}}} 监测系统"'),
        encoding="utf-8",
    )
    texts = load_document_texts(path)
    text = squeezed(
        pdf_text(render_consent(application(), generated_on=GENERATED_ON, texts=texts), tmp_path)
    )
    assert "{HQ7K-M2XP}监测系统" in text, "the page furniture's placeholders filled in too"
    assert "四、监测要求" in text and "五、其他" in text
    # The placeholder filled in, the clause numbered after the shipped ones.
    assert "10.本机构同意按国家卫生健康委医政医管局的要求报送" in text
    assert "（广州市越秀区示范人民医院）" in text
    assert "11.本须知自本机构盖章" in text
    # The shipped wording is untouched for everyone else.
    shipped = squeezed(pdf_text(render_consent(application(), generated_on=GENERATED_ON), tmp_path))
    assert "四、监测要求" not in shipped


def test_signature_lines_print_when_the_wording_asks_for_them(
    pdftotext: str, tmp_path: Path
) -> None:
    path = replaced(tmp_path, "signatures = []", 'signatures = ["法定代表人（签字）"]')
    texts = load_document_texts(path)
    check_one_page(texts)
    pdf = render_info_form(application(), generated_on=GENERATED_ON, texts=texts)
    text = squeezed(pdf_text(pdf, tmp_path))
    assert "法定代表人（签字）" in text and "医疗机构（盖章）" in text


@pytest.mark.parametrize(
    ("old", "new", "code", "key"),
    [
        (
            'header_right = "流感医疗服务监测系统"\n',
            "",
            "document_texts_key_missing",
            "page.header_right",
        ),
        (
            'agreement = "本机构已阅读并理解上述须知，同意遵守。"',
            'agreement = "本机构（{institution}）同意遵守。"',
            "document_texts_placeholder_unknown",
            "consent.agreement",
        ),
        (
            'title = "医疗机构信息收集表"',
            'title = "医疗机构信息收集表{"',
            "document_texts_placeholder_unknown",
            "info_form.title",
        ),
        (
            'qr_caption = "扫码核对文件指纹"',
            'qr_caption = "{fingerprint!r}"',
            "document_texts_placeholder_unknown",
            "page.qr_caption",
        ),
        (
            "signatures = []",
            'signatures = "法定代表人"',
            "document_texts_key_invalid",
            "seal.signatures",
        ),
        (
            'heading = "四、其他"',
            'heading = "四、其他𠀾"',
            "document_texts_unprintable",
            "consent.sections[3].heading",
        ),
        (
            'heading = "二、数据安全与保密"\nclauses = [',
            'heading = "二、数据安全与保密"\nclause = [',
            "document_texts_key_missing",
            "consent.sections[1].clauses",
        ),
    ],
    ids=["missing", "unknown", "brace", "conversion", "kind", "unprintable", "misspelt"],
)
def test_a_wrong_file_is_refused_naming_the_key(
    tmp_path: Path, old: str, new: str, code: str, key: str
) -> None:
    error = refused(replaced(tmp_path, old, new))
    assert error.code == code
    assert error.params["key"] == key
    assert key in said(error.message)
    assert "\n" not in said(error.message)


def test_a_file_that_is_not_toml_is_refused_with_where(tmp_path: Path) -> None:
    path = tmp_path / "texts.toml"
    path.write_text('[page]\nheader_left = "未闭合\n', encoding="utf-8")
    error = refused(path)
    assert error.code == "document_texts_unreadable"
    assert str(path) in said(error.message) and "line 2" in said(error.message)
    missing = refused(tmp_path / "nowhere.toml")
    assert missing.code == "document_texts_unreadable"


def test_wording_too_long_for_one_page_is_refused(tmp_path: Path) -> None:
    long_clause = "本机构应当遵守监测工作的各项要求。" * 12
    path = replaced(
        tmp_path,
        '[[consent.sections]]\nheading = "四、其他"',
        '[[consent.sections]]\nheading = "四、补充条款"\nclauses = ['
        + ", ".join(f'"{long_clause}"' for _ in range(4))
        + ']\n\n[[consent.sections]]\nheading = "五、其他"',
    )
    texts = load_document_texts(path)
    with pytest.raises(DocumentTextsInvalid) as raised:
        check_one_page(texts)
    assert raised.value.code == "document_texts_too_long"
    assert raised.value.params["document"] == "系统使用须知及同意书"
    assert "超过一页" in said(raised.value.message)
