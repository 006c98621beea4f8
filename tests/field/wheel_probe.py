"""Run inside the venv the wheel was installed into (`python -I wheel_probe.py OUT`), never
imported by the tests: it reports where the packages loaded from, which files they brought, and
renders both documents (which needs the embedded font). Prints one JSON object.

`-I` keeps the checkout out of reach: no current or script folder on sys.path, no PYTHON*
variables.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from domain import Address, Admin, Application, Form, Kind, Person, Status, make_institution_code
from pdfgen import render_consent, render_info_form

PACKAGES = ("cli", "client", "domain", "pdfgen", "server", "tui")


def installed_files(package: str) -> tuple[str, list[str]]:
    folder = Path(importlib.import_module(package).__path__[0])
    files = sorted(
        path.relative_to(folder.parent).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    return str(folder), files


def render_documents(out: Path) -> dict[str, dict[str, object]]:
    form = Form(
        name="广州市越秀区示范人民医院",
        opened_on="1998-09",
        code=make_institution_code("45038862", "440104", "11", "A100", "1"),
        address=Address(
            province="440000", city="440100", district="440104", street="中山二路 58 号"
        ),
        subjects=["内科", "外科"],
        legal_rep=Person(name="陈志远", mobile="13800138000"),
        admin=Admin(name="林晓梅", mobile="13912345678", email="linxiaomei@example.cn"),
    )
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    application = Application(
        id="HQ7K-M2XP", kind=Kind.NEW, status=Status.DRAFT, revision=3, form=form,
        created_at=at, updated_at=at,
    )  # fmt: skip
    report: dict[str, dict[str, object]] = {}
    for name, render in (("info-form.pdf", render_info_form), ("consent.pdf", render_consent)):
        pdf = render(application, generated_on=date(2026, 11, 20))
        (out / name).write_bytes(pdf)
        # An embedded TrueType font is a /FontFile2 stream; its subset is named after the font.
        report[name] = {
            "size": len(pdf),
            "font_file": b"/FontFile2" in pdf,
            "fonts": sorted(
                {m.decode() for m in re.findall(rb"/BaseFont /[A-Z]{6}\+([\w-]+)", pdf)}
            ),
        }
    return report


def main() -> None:
    out = Path(sys.argv[1])
    packages, files = {}, []
    for package in PACKAGES:
        packages[package], package_files = installed_files(package)
        files += package_files
    print(
        json.dumps(
            {
                "packages": packages,
                "files": files,
                "documents": render_documents(out),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
