"""The two generated documents of an application, as PDF bytes (DESIGN §2, seed step 4).

    render_info_form(application, generated_on=date) -> bytes   《医疗机构信息收集表》
    render_consent(application, generated_on=date) -> bytes     《系统使用须知及同意书》

`application` is a `domain.Application` or a `FormSnapshot(id, revision, form)`. Both refuse,
with `DocumentRefused` listing the problems, a form that is incomplete or invalid (blocking
problems of `domain.form_problems` on `generated_on`; confirmable warnings do not block), that
still carries masked personal values, or that has a character the embedded font cannot draw.

Each document is one A4 page, stamped with the institution's seal, and prints a fingerprint
(application id, form revision, hash of the canonical form data) as text and as a QR code;
`verify_fingerprint` tells whether a scan's fingerprint belongs to the current data. The same
input gives the same bytes.

The wording comes from `texts.toml` beside this module, or from the file given as `texts`
(`load_document_texts(path)`, which refuses a wrong file with `DocumentTextsInvalid`);
`check_one_page(texts)` refuses wording too long for one page (`_one_page`).
"""

from __future__ import annotations

from datetime import date

from domain import Application

from ._consent import consent_pdf
from ._content import FormSnapshot, document_content
from ._errors import DocumentRefused, DocumentTextsInvalid
from ._fingerprint import Fingerprint, fingerprint, parse_fingerprint, verify_fingerprint
from ._info_form import info_form_pdf
from ._one_page import check_one_page, extreme_forms
from ._texts import DocumentTexts, load_document_texts

__all__ = [
    "DocumentRefused",
    "DocumentTexts",
    "DocumentTextsInvalid",
    "Fingerprint",
    "FormSnapshot",
    "check_one_page",
    "extreme_forms",
    "fingerprint",
    "load_document_texts",
    "parse_fingerprint",
    "render_consent",
    "render_info_form",
    "verify_fingerprint",
]


def render_info_form(
    application: Application | FormSnapshot,
    *,
    generated_on: date,
    texts: DocumentTexts | None = None,
) -> bytes:
    """《医疗机构信息收集表》 as PDF bytes; raises `DocumentRefused`."""
    content = document_content(application, generated_on)
    pdf, _pages = info_form_pdf(content, texts or load_document_texts())
    return pdf


def render_consent(
    application: Application | FormSnapshot,
    *,
    generated_on: date,
    texts: DocumentTexts | None = None,
) -> bytes:
    """《系统使用须知及同意书》 as PDF bytes; raises `DocumentRefused`."""
    content = document_content(application, generated_on)
    pdf, _pages = consent_pdf(content, texts or load_document_texts())
    return pdf
