"""Outside programs as fixtures (poppler, zbar): skip without them, fail when HQMS_REQUIRE_ALL=1."""

from __future__ import annotations

import pytest

from tests.pdfgen.pdf_samples import need_program


@pytest.fixture
def pdftotext() -> str:
    return need_program("pdftotext")


@pytest.fixture
def pdftoppm() -> str:
    return need_program("pdftoppm")


@pytest.fixture
def pdffonts() -> str:
    return need_program("pdffonts")


@pytest.fixture
def zbarimg() -> str:
    return need_program("zbarimg")


@pytest.fixture
def pdfinfo() -> str:
    return need_program("pdfinfo")
