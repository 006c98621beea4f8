"""Sample applications for the PDF tests, and reading documents back with poppler.

`need_program(name)` returns the path of an outside program (pdftotext, pdftoppm, pdffonts
from poppler-utils, zbarimg from zbar-tools); without it the test skips with the reason, or
fails when `HQMS_REQUIRE_ALL=1` (CI installs both, so a missing program there is a failure).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from domain import Address, Admin, Application, Form, Kind, Person, Status, make_institution_code

GENERATED_ON = date(2026, 11, 20)
APPLICATION_ID = "HQ7K-M2XP"
CODE = make_institution_code("45038862", "440104", "11", "A100", "1")


def need_program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (poppler-utils)"
        if os.environ.get("HQMS_REQUIRE_ALL") == "1":
            pytest.fail(f"{message} (HQMS_REQUIRE_ALL=1)")
        pytest.skip(message)
    return path


def complete_form(**changes: object) -> Form:
    form = Form(
        name="广州市越秀区示范人民医院",
        opened_on="1998-09",
        code=CODE,
        address=Address(
            province="440000", city="440100", district="440104", street="中山二路 58 号"
        ),
        subjects=["内科", "外科", "儿科", "医学检验科"],
        legal_rep=Person(name="陈志远", mobile="13800138000"),
        admin=Admin(name="林晓梅", mobile="13912345678", email="linxiaomei@example-hospital.cn"),
    )
    return form.model_copy(update=changes)


def application(form: Form | None = None, *, revision: int = 3) -> Application:
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    return Application(
        id=APPLICATION_ID,
        kind=Kind.NEW,
        status=Status.DRAFT,
        revision=revision,
        form=form or complete_form(),
        created_at=at,
        updated_at=at,
    )


def pdf_text(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    """The text pdftotext reads from `pdf`."""
    source = tmp_path / "document.pdf"
    source.write_bytes(pdf)
    args = [need_program("pdftotext"), *(["-layout"] if layout else []), str(source), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeezed(text: str) -> str:
    """`text` without whitespace: wrapped lines and table cells read back as one string."""
    return "".join(text.split())
