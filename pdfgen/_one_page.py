"""One A4 page per document, for every form the domain accepts.

A hospital prints, stamps and scans each document, and may upload three files in all (seed
step 5): a second page would be a fourth. The domain bounds every free value of the form
(`domain.FORM_LIMITS`); the tallest valid forms are those values at their limits in the widest
characters the font draws. `check_one_page` renders them with a wording file: the shipped one
passes (tests/pdfgen/test_pdfgen_one_page.py), and a replacement too long for one page is
refused at start-up rather than printed on two.
"""

from __future__ import annotations

from datetime import date

from domain import FORM_LIMITS, Address, Admin, Form, Person, make_institution_code

from ._consent import consent_pdf
from ._content import FormSnapshot, document_content
from ._errors import TEXTS_TOO_LONG, DocumentTextsInvalid
from ._font import font, widest_character
from ._info_form import info_form_pdf
from ._texts import DocumentTexts

# The division with the longest name (新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县):
# province, city, district.
LONGEST_DIVISION = ("650000", "654000", "654022")
EXTREME_ID = "HQ7K-M2XP"
EXTREME_REVISION = 99999
EXTREME_DAY = date(2026, 1, 1)
_LOCAL_PART = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#$%&*+/=?^_`{|}~-"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def extreme_forms() -> list[Form]:
    """Valid forms at the domain's limits: in the widest character of all, and in the widest
    ideograph (CJK lines break differently from Latin ones)."""
    return [_extreme_form(widest_character()), _extreme_form("国")]


def _extreme_form(wide: str) -> Form:
    province, city, district = LONGEST_DIVISION
    return Form(
        name=wide * FORM_LIMITS.name,
        opened_on="1998-09",
        # The economic type and category with the longest names: 有限责任（公司）, 卫生监督检验…
        code=make_institution_code("45038862", district, "15", "L100", "1"),
        address=Address(
            province=province,
            city=city,
            district=district,
            street=wide * FORM_LIMITS.street,
        ),
        subjects=[wide * FORM_LIMITS.subject_length] * FORM_LIMITS.subjects,
        legal_rep=Person(name=wide * FORM_LIMITS.person_name, mobile="13800138000"),
        admin=Admin(
            name=wide * FORM_LIMITS.person_name, mobile="13912345678", email=_widest_email()
        ),
    )


def _widest_email() -> str:
    """The widest address the domain accepts: 64 characters before the `@` (the most an
    address may have there), a domain name in the widest letter up to `FORM_LIMITS.email`."""
    widths = font().face.charWidths
    local = max(_LOCAL_PART, key=lambda char: widths.get(ord(char), 0))
    # The last label is letters only; a digit is never wider than the widest letter here.
    label = max(_LETTERS, key=lambda char: widths.get(ord(char), 0))
    domain_length = FORM_LIMITS.email - 65
    return f"{local * 64}@{label * (domain_length - 3)}.{label * 2}"


def check_one_page(texts: DocumentTexts) -> None:
    """Raises `DocumentTextsInvalid` when a document of an extreme form takes two pages."""
    for form in extreme_forms():
        content = document_content(FormSnapshot(EXTREME_ID, EXTREME_REVISION, form), EXTREME_DAY)
        for render, title_key in (
            (info_form_pdf, "info_form.title"),
            (consent_pdf, "consent.title"),
        ):
            _pdf, pages = render(content, texts)
            if pages > 1:
                title = texts.text(title_key)
                raise DocumentTextsInvalid(TEXTS_TOO_LONG(path=texts.source, document=title))
